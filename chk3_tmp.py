import numpy as np
from pathlib import Path
from PIL import Image
from redactkit import ScreenshotRedactor
from redactkit.screens.title import title_parts
red = ScreenshotRedactor()
print(title_parts("Ingrid Okafor - notes", red.text))
live = red.stream()
for p in sorted(Path("/tmp/s3/recout2").glob("*-in.png"))[:18]:
    img = np.asarray(Image.open(p).convert("RGB"))
    st = dict(live.stats.reasons)
    r = live.redact(img, {"app": "x11", "title": "Ingrid Okafor - notes"})
    print(p.name, live.stats.full, sorted({(f.entity_type) for f in r.findings}), [ln for ln in (" ".join(w.text for w in l.words) for l in live._lines) if any(c.isdigit() for c in ln)][:6])
