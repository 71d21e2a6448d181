import sys, os
os.environ["OMP_THREAD_LIMIT"]="1"
from benchmarks.bench_screens import render_frames
from redactkit.screens.pipeline import read_layouts
from redactkit.screens.fields import read_fields, rows_of_cells
from PIL import Image
idx = [int(x) for x in sys.argv[1].split(",")]
scr = render_frames(14, 5)
for i in idx:
    sc = scr[i]
    print("==", i, sc.kind, sc.theme)
    Image.fromarray(sc.image).save(f"/tmp/s3/f{i}.png")
    lay = read_layouts(sc.image)[0]
    f = read_fields(lay)
    for et, ws in f.values:
        print(et, "|", " ".join(lay.words[k].text for k in ws))
