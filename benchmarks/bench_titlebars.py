"""Names in coloured title bars: is any part of the name readable after redaction?

Renders ``--windows`` windows (``corpora.screens.titlebars``: bars in eight colours, title fonts
no other render uses, held-out names; the name in the title bar, a tab and a heading), redacts
each with ``ScreenshotRedactor`` twice, without and with the window title as event context,
and reads the output again with redactkit's OCR (the stronger reader). A window **leaks** when
some word of the name (3+ letters, capitalised) is read again anywhere in the output (folded:
case, accents and OCR confusables ignored, one edit allowed from 5 letters). Counted over the
windows whose name the same OCR reads on the input. Ordinary words destroyed: words of the
window's sentences more than half masked. *Name read in the bar*: some word of the name read
by OCR inside the title bar of the input (what per-region binarisation is for).

    python -m benchmarks.bench_titlebars --windows 48 --seed 3
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

import numpy as np

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

os.environ["OMP_THREAD_LIMIT"] = "1"

from corpora.screens.titlebars import BARS, TITLE_FONTS, installed, render_window  # noqa: E402


def name_read(name: str, words: Sequence[str]) -> list[str]:
    """The words of ``name`` read among ``words`` (folded, one edit allowed from 5 letters)."""
    from redactkit.screens.title import compact, distance

    read = [compact(w) for w in words]
    hits = []
    for part in name.replace(".", " ").split():
        target = compact(part)[0]
        if len(target) < 3 or not part[:1].isupper():  # initials and particles ("de la")
            continue
        tol = 1 if len(target) >= 5 else 0
        if any(distance(target, t, s, e) <= tol for t, s, e in read if t):
            hits.append(part)
    return hits


def run(windows: int, seed: int, keep: Path | None = None) -> dict:
    from redactkit import ScreenshotRedactor
    from redactkit.screens.ocr import read_words

    rng = random.Random(seed)
    red = ScreenshotRedactor(fill=(255, 0, 255), keep_original=False)
    bars, fonts = list(BARS), installed(TITLE_FONTS)
    rows = []
    for i in range(windows):
        win = render_window(rng, bars[i % len(bars)], fonts[(i // len(bars)) % len(fonts)])
        words = read_words(win.image)
        seen = name_read(win.name, [w.text for w in words])
        b = win.bar_box
        in_bar = [w.text for w in words if b.top <= w.box.top + w.box.height / 2 < b.bottom]
        row = {"bar": win.bar, "font": win.font, "readable": bool(seen),
               "bar_read": bool(name_read(win.name, in_bar))}  # fmt: skip
        for mode, ctx in (("plain", None), ("title", {"title": win.title, "app": "x"})):
            t0 = time.perf_counter()
            out = red.redact(win.image, ctx).image
            row[f"{mode}_s"] = time.perf_counter() - t0
            row[mode] = name_read(win.name, [w.text for w in read_words(out)])
            changed = (out != win.image).any(axis=2)
            row[f"{mode}_destroyed"] = sum(
                changed[b.top : b.top + b.height, b.left : b.left + b.width].mean() > 0.5
                for _, b in win.ordinary
            )
            if keep is not None:
                from PIL import Image

                keep.mkdir(parents=True, exist_ok=True)
                Image.fromarray(out).save(keep / f"{i:03d}-{win.bar}-{mode}.png")
        row["ordinary"] = len(win.ordinary)
        rows.append(row)
    return summarise(rows)


def summarise(rows: list[dict]) -> dict:
    out: dict = {}
    groups: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        groups["all"].append(r)
        groups[f"bar {r['bar']}"].append(r)
        groups[f"font {r['font']}"].append(r)
    for key, rs in groups.items():
        read = [r for r in rs if r["readable"]]
        out[key] = {
            "windows": len(rs),
            "readable": len(read),
            "bar_read": sum(r["bar_read"] for r in rs),
            **{f"{m}_leaks": sum(bool(r[m]) for r in read) for m in ("plain", "title")},
            **{
                f"{m}_destroyed": round(
                    sum(r[f"{m}_destroyed"] for r in rs) / max(1, sum(r["ordinary"] for r in rs)), 4
                )
                for m in ("plain", "title")
            },
            **{
                f"{m}_s": round(float(np.mean([r[f"{m}_s"] for r in rs])), 3)
                for m in ("plain", "title")
            },
        }
    return out


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--windows", type=int, default=48)
    ap.add_argument("--seed", type=int, default=3)
    ap.add_argument("--keep", type=Path, default=None, help="save the outputs here")
    args = ap.parse_args(argv)
    fig = run(args.windows, args.seed, args.keep)
    print(f"seed {args.seed}, {args.windows} windows")
    print("| group | windows | name read in the bar | name read anywhere | leaks, no context | "
          "leaks, with title | ordinary destroyed (no ctx / title) | s/frame |")  # fmt: skip
    print("|---|---|---|---|---|---|---|---|")
    for key, v in fig.items():
        print(f"| {key} | {v['windows']} | {v['bar_read']} | {v['readable']} | {v['plain_leaks']} | "
              f"{v['title_leaks']} | {v['plain_destroyed']:.1%} / {v['title_destroyed']:.1%} | "
              f"{v['plain_s']:.2f} / {v['title_s']:.2f} |")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
