import sys
from pathlib import Path
import numpy as np
from PIL import Image
from benchmarks.recorded_xvfb import readable
from redactkit.screens.ocr import read_words
for p in sorted(Path("/tmp/s3/recout3").glob("*-out.png")):
    img = np.asarray(Image.open(p).convert("RGB"))
    r = readable(img)
    if r:
        print(p.name, r, " | ".join(w.text for w in read_words(img))[:300])
