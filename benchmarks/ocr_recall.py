"""Word recall of Tesseract on rendered screenshots, one preprocessing step added at a time.

Renders screens of every kind, theme (light/dark), scale (1x/2x) and font, runs OCR under each
configuration, and prints per configuration: the fraction of drawn words read exactly at the
right place, the fraction of sensitive-value characters read (what a detector can see at all),
the fraction of sensitive values read whole, and seconds per frame. Writes ``docs/ocr.md``.

    OMP_THREAD_LIMIT=1 python benchmarks/ocr_recall.py --frames 1 --size 1920x1080
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `corpora` and `benchmarks` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from corpora.screens import (
    FONTS,
    KINDS,
    THEMES,
    Screen,
    render_screen,
    secret_char_recall,
    word_recall,
)
from corpora.screens import _read_near as read_near
from redactkit.screens.ocr import DEFAULT_CONFIG, PLAIN_CONFIG, OcrConfig, read_words

GRAY = replace(PLAIN_CONFIG, grayscale=True)
INVERT = replace(GRAY, invert_dark=True, tess_invert=False)
FLATTEN = replace(INVERT, flatten=True)
AUTO = replace(FLATTEN, upscale="auto")

# (label, config): each step adds one thing to the one before; then the psm choice.
STEPS: list[tuple[str, OcrConfig]] = [
    ("plain Tesseract on RGB (psm 3)", PLAIN_CONFIG),
    ("+ grayscale", GRAY),
    ("+ per-region inversion (Tesseract's own inversion off)", INVERT),
    ("+ background flattening", FLATTEN),
    ("+ upscaling to the text height (auto, at most x2)", AUTO),
    ("same, psm 4", replace(AUTO, psm=4)),
    ("same, psm 6", replace(AUTO, psm=6)),
    ("same, psm 11", replace(AUTO, psm=11)),
    ("same, psm 12", replace(AUTO, psm=12)),
    ("psm 11 + stroke darkening (gamma 2)", replace(AUTO, psm=11, gamma=2.0)),
]


def secrets_whole(screen: Screen, words: list) -> tuple[int, int]:
    """(values read exactly, values): every word of the value read as drawn."""
    hit = 0
    for s in screen.secrets:
        read = "".join(r.text for b in s.boxes for r in read_near(b, words))
        hit += "".join(s.value.split()) in read
    return hit, len(screen.secrets)


def render_set(frames: int, size: tuple[int, int], seed: int) -> list[Screen]:
    """Every kind x theme x scale, ``frames`` times, cycling through the fonts."""
    rng = random.Random(seed)
    fonts = sorted(FONTS)
    out = []
    i = 0
    for _ in range(frames):
        for kind in KINDS:
            for theme in THEMES:
                for scale in (1, 2):
                    font = fonts[i % len(fonts)]
                    i += 1
                    out.append(render_screen(rng, kind, theme, scale, size, font=font))
    return out


def run(screens: list[Screen], config: OcrConfig) -> dict:
    words_r, chars_r, whole, total, secs = [], [], 0, 0, 0.0
    by_group: dict[str, list[float]] = defaultdict(list)
    secs_by_group: dict[str, list[float]] = defaultdict(list)
    for s in screens:
        t0 = time.perf_counter()
        words = read_words(s.image, config=config, timeout=120)
        dt = time.perf_counter() - t0
        secs += dt
        secs_by_group[f"{s.theme} {s.scale}x"].append(dt)
        wr = word_recall(s, words)
        words_r.append(wr)
        chars_r.append(secret_char_recall(s, words))
        h, n = secrets_whole(s, words)
        whole, total = whole + h, total + n
        by_group[f"{s.theme} {s.scale}x"].append(wr)
        by_group[s.kind].append(wr)
    n = len(screens)
    return {
        "words": sum(words_r) / n,
        "chars": sum(chars_r) / n,
        "whole": whole / max(1, total),
        "secs": secs / n,
        "groups": {k: sum(v) / len(v) for k, v in by_group.items()},
        "secs_groups": {k: sum(v) / len(v) for k, v in secs_by_group.items()},
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--frames", type=int, default=1, help="screens per kind x theme x scale")
    ap.add_argument("--size", default="1920x1080")
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--steps", default="", help="comma-separated step numbers (default: all)")
    ap.add_argument("--out", default="docs/ocr.md", help="markdown report ('' to skip)")
    args = ap.parse_args(argv)
    w, h = (int(v) for v in args.size.lower().split("x"))
    screens = render_set(args.frames, (w, h), args.seed)
    chosen = [int(i) for i in args.steps.split(",")] if args.steps else range(len(STEPS))
    n_words = sum(len(s.words) for s in screens)
    n_secrets = sum(len(s.secrets) for s in screens)
    print(f"{len(screens)} screens {w}x{h}, {n_words} words, {n_secrets} sensitive values")
    rows = []
    for i in chosen:
        label, config = STEPS[i]
        if config == DEFAULT_CONFIG:
            label += " = the default, `OcrConfig()`"
        r = run(screens, config)
        rows.append((i, label, config, r))
        print(
            f"{i:2d} {label:58s} words {r['words']:.3f}  secret chars {r['chars']:.3f}  "
            f"secrets whole {r['whole']:.3f}  {r['secs']:.2f} s/frame",
            flush=True,
        )
    if args.out:
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        Path(args.out).write_text(report(rows, screens, (w, h), argv), encoding="utf-8")
        print(f"wrote {args.out}")
    return 0


def report(rows: list, screens: list[Screen], size: tuple[int, int], argv: list[str] | None) -> str:
    cmd = " ".join(["OMP_THREAD_LIMIT=1 python benchmarks/ocr_recall.py", *(argv or sys.argv[1:])])
    lines = [
        "# OCR on screens: what each preprocessing step buys",
        "",
        "Generated by `benchmarks/ocr_recall.py` (do not edit by hand). Command:",
        "",
        f"    {cmd}",
        "",
        f"{len(screens)} rendered screenshots at {size[0]}x{size[1]} (every kind: "
        f"{', '.join(KINDS)}; light and dark; 1x and 2x scale; fonts cycling through "
        f"{', '.join(sorted(FONTS))}; UI text 11-18 px), "
        f"{sum(len(s.words) for s in screens)} drawn words, "
        f"{sum(len(s.secrets) for s in screens)} sensitive values. Tesseract "
        "5.3, one OpenMP thread, on a shared 2-core box (timings are indicative).",
        "",
        "- **words**: drawn words read exactly, at the right place (mean per screen);",
        "- **secret chars**: characters of sensitive values read, in order, at the right place "
        "(what a detector can see at all);",
        "- **secrets whole**: sensitive values read exactly, every character;",
        "- **s/frame**: wall-clock seconds per frame, preprocessing included.",
        "",
        "| # | configuration | words | secret chars | secrets whole | s/frame |",
        "|---|---|---|---|---|---|",
    ]
    for i, label, _, r in rows:
        lines.append(
            f"| {i} | {label} | {r['words']:.3f} | {r['chars']:.3f} | {r['whole']:.3f} | "
            f"{r['secs']:.2f} |"
        )
    groups = sorted({g for *_, r in rows for g in r["groups"]})
    lines += [
        "",
        "Word recall by theme/scale and by kind of screen:",
        "",
        "| # | " + " | ".join(groups) + " |",
        "|---|" + "---|" * len(groups),
    ]
    for i, _, _, r in rows:
        lines.append(
            f"| {i} | " + " | ".join(f"{r['groups'].get(g, 0):.2f}" for g in groups) + " |"
        )
    tgroups = sorted({g for *_, r in rows for g in r["secs_groups"]})
    lines += [
        "",
        "Seconds per frame by theme/scale:",
        "",
        "| # | " + " | ".join(tgroups) + " |",
        "|---|" + "---|" * len(tgroups),
    ]
    for i, _, _, r in rows:
        lines.append(
            f"| {i} | " + " | ".join(f"{r['secs_groups'].get(g, 0):.2f}" for g in tgroups) + " |"
        )
    lines += ["", NOTES]
    return "\n".join(lines)


NOTES = """## Why these steps

- **Per-region inversion** estimates the background around every pixel with a median filter
  over ~24 px at half resolution (it keeps the edges between panels and wipes out thin
  strokes; a 48 px window saw the panel around a small button instead of the button) and
  inverts wherever that background is dark. A screen mixes dark sidebars, light panes and
  coloured buttons: inverting the whole image only moves the problem. Once every region is
  dark-on-light, Tesseract's own per-line inversion retry (`tessedit_do_invert`) is wasted
  work and is switched off.
- **Background flattening** divides by the local background, so every panel, banner and
  button ends up white and Tesseract's single global threshold fits all of them.
- **Stroke darkening** (gamma 2 on the flattened image) keeps white white and makes the grey,
  anti-aliased strokes of thin small fonts darker, so that a 7 or a serif does not fall apart
  into `:` or `!` when Tesseract binarises.
- **Upscaling** is the step that matters most for small UI text: 11-14 px fonts have an
  x-height of 7-9 px, well below what Tesseract's models were trained on. The factor comes from
  the median glyph height (connected components), capped at 2, so a 2x (HiDPI) frame, whose
  text is already tall, is not upscaled and costs no more.
- **psm 11** (sparse text) makes no assumption about page layout: screens are columns,
  panels, buttons and tables, not pages, and it does not join words of neighbouring columns
  into one line (which would make NER read across columns). psm 6 is a close, somewhat faster
  alternative on these renders, at the price of lines that run across columns.
- Words are scored exactly, so a word Tesseract split (`lucas.garcia@` `acme.io`) or merged
  (`+1 328` read as `+1328`) counts as missed even though every character was read; the
  sensitive-character column is the one that tells whether a detector can still see a value.
- Tesseract runs with one OpenMP thread (`OMP_THREAD_LIMIT=1`, set by `read_words` unless the
  environment sets it): 2-4x faster on a small machine; batch runs parallelise across processes.
## Running Tesseract, and where its time goes

`benchmarks/ocr_costs.py` (`OMP_THREAD_LIMIT=1 python benchmarks/ocr_costs.py --frames 8`,
CPU seconds, 8 rendered 1920x1080 screens of every kind):

- Starting the `tesseract` program (what pytesseract does for every call) costs 65 ms before a
  pixel is read: mostly loading the model. Tesseract now runs **in process**
  (`redactkit/screens/tesslib.py`: its C API, `libtesseract.so.5` from the same Debian
  package, through ctypes; no new dependency): one API object per thread, the model loaded
  once, pixels handed over in memory. A tiny image costs 0.3 ms instead of 65 ms, a whole
  1080p frame 1.46 s instead of 1.64 s (11% less), and the words and boxes are identical (8/8
  frames; `tests/test_tesslib.py` checks it). For the live path, which reads a few changed
  lines per frame, this removed the floor that kept it under 5x (`docs/live.md`).
  `REDACTKIT_OCR=cli`, or a machine where the library cannot be loaded, falls back to
  pytesseract. Every call has a deadline (Tesseract's own monitor, checked against the clock
  afterwards); a missed deadline raises `OcrError` like any other failure (fail closed).
- **Recognition is the cost.** Reading again, one by one, only the lines Tesseract found
  (psm 7 on the same preprocessed image) costs 82% of reading the page (70% on a dense
  spreadsheet, 95% on a chat): layout analysis is the smaller part. Tesseract's LSTM scales
  every line to its fixed input height (36 px) before reading it, so its cost follows the
  amount of text on the screen, not the pixel size: upscaling costs extra mostly in
  binarisation and connected components (steps 3 and 4 of the first table), and a plain
  Presidio run at 1x pays the same recognition for the text it finds. This is why the
  screenshot path does not reach 1.5x Presidio's speed per frame (`docs/performance.md`):
  what remains to cut is the reading of text itself.
"""


if __name__ == "__main__":
    sys.exit(main())
