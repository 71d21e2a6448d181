"""Where Tesseract's time goes on a screenshot, and what running it in process saves.

    OMP_THREAD_LIMIT=1 python benchmarks/ocr_costs.py [--frames 8] [--seed 5]

Prints, in CPU seconds (this process and its children):

- the cost of starting the ``tesseract`` program on a tiny image (model loading: what every
  pytesseract call pays before reading a pixel), against one more in-process call;
- whole-frame OCR (preprocessing included) through the program (pytesseract) and in process
  (``redactkit.screens.tesslib``), and whether both read the same words;
- the share of recognition: the lines Tesseract found are read again one by one (psm 7, on
  the same preprocessed image). Tesseract's LSTM reads every line scaled to its fixed input
  height (36 px), so this cost follows the amount of text on screen, not its pixel size.
"""

from __future__ import annotations

import argparse
import ctypes
import os
import random
import sys
from pathlib import Path

import numpy as np

os.environ.setdefault("OMP_THREAD_LIMIT", "1")

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.bench_screens import cpu_now  # noqa: E402
from corpora.screens import KINDS, render_screen  # noqa: E402
from redactkit.screens import ocr, tesslib  # noqa: E402


def timed(fn, *args, **kw) -> tuple[float, object]:
    t = cpu_now()
    out = fn(*args, **kw)
    return cpu_now() - t, out


def with_program(fn, *args, **kw):
    """Run ``fn`` with the in-process engine switched off (pytesseract, one program per call)."""
    saved = tesslib.available
    tesslib.available = lambda: False  # type: ignore[assignment]
    try:
        return fn(*args, **kw)
    finally:
        tesslib.available = saved  # type: ignore[assignment]


def line_recognition(image: np.ndarray) -> tuple[float, float, int]:
    """(whole-page seconds, seconds to re-read each found line alone, lines) in process."""
    img, _ = ocr.preprocess(image)
    variables = ocr.DEFAULT_CONFIG.tesseract_variables() or {}
    page, tsv = timed(tesslib.recognize_tsv, img, variables=variables)
    data = tesslib.tsv_to_dict(tsv)
    lines = [
        (data["left"][i], data["top"][i], data["width"][i], data["height"][i])
        for i, level in enumerate(data["level"])
        if level == 4
    ]
    lib = tesslib._lib()
    assert lib is not None
    set_rect = lib.TessBaseAPISetRectangle
    set_rect.argtypes, set_rect.restype = [ctypes.c_void_p] + [ctypes.c_int] * 4, None
    h = tesslib._handle("eng", 1, tuple(sorted(variables.items())))
    lib.TessBaseAPISetPageSegMode(h, 7)
    arr = np.ascontiguousarray(img)
    t = cpu_now()
    lib.TessBaseAPISetImage(h, arr.ctypes.data, arr.shape[1], arr.shape[0], 1, arr.strides[0])
    for x, y, w, hh in lines:
        m = int(0.3 * hh)
        set_rect(h, max(0, x - m), max(0, y - m), w + 2 * m, hh + 2 * m)
        lib.TessBaseAPIRecognize(h, None)
        lib.TessDeleteText(lib.TessBaseAPIGetTsvText(h, 0))
    per_line = cpu_now() - t
    lib.TessBaseAPIClear(h)
    return page, per_line, len(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--frames", type=int, default=8)
    ap.add_argument("--seed", type=int, default=5)
    args = ap.parse_args(argv)
    if not tesslib.available():
        raise SystemExit("libtesseract cannot be loaded here: nothing to compare")
    rng = random.Random(args.seed)
    screens = [
        render_screen(rng, KINDS[i % len(KINDS)], ("light", "dark")[i % 2], 1, (1920, 1080))
        for i in range(args.frames)
    ]
    tiny = np.full((40, 200), 255, np.uint8)
    tiny[15:25, 20:180:6] = 0
    ocr.read_words(tiny)  # load the in-process model first
    starts = [with_program(timed, ocr.read_words, tiny)[0] for _ in range(10)]
    calls = [timed(ocr.read_words, tiny)[0] for _ in range(10)]
    print(f"tiny image: program {np.median(starts) * 1000:.0f} ms, in process "
          f"{np.median(calls) * 1000:.1f} ms (median of 10, CPU)")  # fmt: skip

    prog, inproc, same = [], [], 0
    for s in screens:
        t, a = with_program(timed, ocr.read_words, s.image)
        prog.append(t)
        t, b = timed(ocr.read_words, s.image)
        inproc.append(t)
        same += [(w.text, w.box) for w in a] == [(w.text, w.box) for w in b]  # type: ignore[union-attr]
    print(f"1920x1080 frame: program {np.mean(prog):.2f} s, in process {np.mean(inproc):.2f} s "
          f"({1 - np.mean(inproc) / np.mean(prog):.0%} less); same words on {same}/{len(screens)} frames")  # fmt: skip

    print("\n| screen | lines | page (in process) s | lines read one by one s | share |")
    print("| --- | --- | --- | --- | --- |")
    pages = singles = 0.0
    for s in screens:
        page, per_line, n = line_recognition(s.image)
        pages, singles = pages + page, singles + per_line
        print(f"| {s.kind} {s.theme} | {n} | {page:.2f} | {per_line:.2f} | {per_line / page:.0%} |")
    print(f"| all | | {pages:.2f} | {singles:.2f} | {singles / pages:.0%} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
