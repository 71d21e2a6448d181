"""Values named only by their label or header: screens rendered by Chromium, typed form sessions.

    python -m benchmarks.quality_fields [--scenes 24] [--seed 1] [--sessions 60]
                                        (--scenes 0: the typed sessions only)
                                        [--folder bench-out/fields] [--out docs/quality.md]

Screens (``corpora.browser_scenes``: tables with and without grid lines, a scrolled table under
a sticky header, forms with labels left and above, settings pages; fonts and layouts not used
by the other corpora): every value's text box comes from the DOM. A value's *ink* is the pixels
of its box that differ from the box's background; a personal value **leaks** when less than 95%
of its ink changed in the output, a decoy (meeting date, product, ticket id, price) is
**destroyed** when more than half of its ink changed. Scored the same way for redactkit and for
Presidio's ``ImageRedactorEngine`` (``benchmarks.baseline``; skipped, and said so, when its
environment cannot be made). Per-frame time is measured in the same run with and without the
field step (``screens/fields.py``), everything else equal.

Keystrokes: the same kinds of forms typed field by field (Tab between fields) into windows
titled like HR, checkout or patient forms, once with the ``field`` context on the key events
and once without; a personal value leaks when any of its letters or digits is emitted as
typed; a decoy is destroyed when more than half of it is masked. Plain Presidio: its
``AnalyzerEngine`` on each field's text alone.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import defaultdict
from pathlib import Path

import numpy as np
from PIL import Image

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.scoring import replace_section
from corpora import browser_scenes as bs

BEGIN = "<!-- quality:fields:begin -->"
END = "<!-- quality:fields:end -->"
FILL = (255, 0, 255)
LEAK_BELOW = 0.95
DESTROYED_ABOVE = 0.5


def ink(img: np.ndarray, box: tuple[int, int, int, int]) -> np.ndarray:
    """bool mask of the box's pixels that differ from its background (median colour)."""
    x, y, w, h = box
    patch = img[y : y + h, x : x + w, :3].astype(np.int16)
    if patch.size == 0:
        return np.zeros((0, 0), bool)
    bg = np.median(patch.reshape(-1, 3), axis=0)
    return np.abs(patch - bg).max(axis=2) > 48


def covered(before: np.ndarray, after: np.ndarray, box: tuple[int, int, int, int]) -> float:
    """Share of the value's ink pixels that changed (1.0 when the box holds no ink)."""
    x, y, w, h = box
    m = ink(before, box)
    if not m.any():
        return 1.0
    changed = (before[y : y + h, x : x + w, :3] != after[y : y + h, x : x + w, :3]).any(axis=2)
    return float((changed & m).sum() / m.sum())


def score_screens(scenes: list[tuple[Path, list[bs.Value]]], outputs: dict[str, Path]) -> dict:
    """Per redactor: leak per entity type and destroyed share per decoy kind."""
    out = {}
    for who, folder in outputs.items():
        leak = defaultdict(lambda: [0, 0])
        gone = defaultdict(lambda: [0, 0])
        kinds = defaultdict(lambda: [0, 0])
        for png, values in scenes:
            before = np.asarray(Image.open(png).convert("RGB"))
            after_path = folder / png.name
            if not after_path.exists():
                continue
            after = np.asarray(Image.open(after_path).convert("RGB"))
            kind = png.stem.split("-", 1)[1]
            for v in values:
                c = covered(before, after, v.box)
                if v.pii:
                    leak[v.pii][0] += c < LEAK_BELOW
                    leak[v.pii][1] += 1
                    kinds[kind][0] += c < LEAK_BELOW
                    kinds[kind][1] += 1
                else:
                    gone[v.decoy][0] += c > DESTROYED_ABOVE
                    gone[v.decoy][1] += 1
        out[who] = {"leak": dict(leak), "destroyed": dict(gone), "by_layout": dict(kinds)}
    return out


def redactkit_screens(scenes, before: Path, after: Path) -> tuple[list[float], list[float]]:
    """Redact every scene with the field step off (into ``before``) and on (into ``after``),
    the two interleaved frame by frame (order alternating) so that load on the machine hits
    both alike; seconds per frame of each."""
    import redactkit.screens.pipeline as red  # where the full path calls the field step
    from redactkit.screens.redactor import ScreenshotRedactor

    real = red.apply_fields

    def off(layout, findings, *a, **k):
        return [], list(findings)

    r = ScreenshotRedactor(fill=FILL, keep_original=False)
    r.redact(scenes[0][0])  # warm-up: models, Tesseract
    before.mkdir(parents=True, exist_ok=True)
    after.mkdir(parents=True, exist_ok=True)
    times: dict[bool, list[float]] = {False: [], True: []}
    try:
        for k, (png, _) in enumerate(scenes):
            for on in (k % 2 == 0, k % 2 == 1):
                red.apply_fields = real if on else off
                t0 = time.perf_counter()
                res = r.redact(png)
                times[on].append(time.perf_counter() - t0)
                Image.fromarray(res.image).save((after if on else before) / png.name)
    finally:
        red.apply_fields = real
    return times[False], times[True]


# -- keystrokes ---------------------------------------------------------------------------------

FORMS = {
    "New employee - HR portal": ["given", "family", "dob", "address", "meeting", "product"],
    "Checkout": ["given", "family", "address", "product", "price"],
    "Patient intake - Clinic": ["name", "dob", "address", "meeting", "ticket"],
    "Kunde anlegen": ["family", "given", "dob", "address", "ticket"],
    # titles that say nothing of the form: only neighbours (and `field`) can tell
    "Untitled form - Mozilla Firefox": ["given", "family", "dob", "address", "product"],
    "Typeform": ["name", "address", "dob", "ticket"],
    # a scheduling window: its dates are not birthdays
    "Team calendar": ["meeting", "product", "ticket"],
}


def sessions(seed: int, n: int) -> list[tuple[str, list[tuple[str, str, str | None, str | None]]]]:
    """``n`` forms: (title, [(label, value, pii type, decoy kind), ...])."""
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        title = rng.choice(list(FORMS))
        lang = "de" if title.startswith("Kunde") else rng.choice(["en", "alt", "fr", "es"])
        given, family = bs._person(rng)
        raw = {
            "given": (given, "PERSON", None),
            "family": (family, "PERSON", None),
            "name": (f"{given} {family}", "PERSON", None),
            "dob": (bs._dob(rng), "DATE_TIME", None),
            "address": (bs._address(rng), "LOCATION", None),
            "meeting": (bs._event_date(rng), None, "date"),
            "product": (rng.choice(bs.PRODUCTS), None, "product"),
            "ticket": (f"TCK-{rng.randint(1000, 99999)}", None, "ticket"),
            "price": (f"{rng.randint(5, 900)}.{rng.randint(0, 99):02}", None, "price"),
        }
        fields = [(bs.HEADERS[lang][k], *raw[k]) for k in FORMS[title]]
        out.append((title, fields))
    return out


def _events(
    title: str, fields, with_field: bool, rng: random.Random | None = None
) -> tuple[list[dict], list[tuple[int, int]]]:
    """The key events typing ``fields`` (Tab after each) and, per keydown, (field index, index
    of the value's character it typed; -1 for Tab, a typo or its Backspace). With ``rng``, typed
    casually: some values in lower case, some with one wrong letter fixed by Backspace."""
    ev: list[dict] = []
    typed: list[tuple[int, int]] = []
    t = 0.0

    def key(k: str, ctx: dict, who: tuple[int, int]) -> None:
        nonlocal t
        t += 0.08
        ev.append({"t": t, "type": "keydown", "key": k, **ctx})
        ev.append({"t": t + 0.03, "type": "keyup", "key": k, **ctx})
        typed.append(who)

    for i, (label, value, _, _) in enumerate(fields):
        ctx = {"app": "Firefox", "title": title}
        if with_field:
            ctx["field"] = label
        typo = -1
        if rng is not None:
            if rng.random() < 0.4:
                value = value.lower()
            if rng.random() < 0.3:
                typo = rng.randrange(len(value))
        for j, ch in enumerate(value):
            if j == typo and ch.isalpha():
                key(rng.choice("qwertyuiopasdfghjklzxcvbnm"), ctx, (i, -1))
                key("Backspace", ctx, (i, -1))
            key(ch, ctx, (i, j))
        t += 0.12
        key("Tab", ctx, (i, -1))
    return ev, typed


def score_keys(forms, with_field: bool, casual: int | None = None) -> dict:
    """Leaks and destroyed decoys of redactkit on the typed forms; ``casual``: a seed, to type
    them casually (``_events``)."""
    from redactkit.keys.redactor import redact_keystrokes

    rng = random.Random(casual) if casual is not None else None
    leak = defaultdict(lambda: [0, 0])
    gone = defaultdict(lambda: [0, 0])
    for title, fields in forms:
        events, typed = _events(title, fields, with_field, rng)
        inputs = [e["key"] for e in events if e["type"] == "keydown"]
        out = [e["key"] for e in redact_keystrokes(events) if e["type"] == "keydown"]
        for i, (_, value, pii, decoy) in enumerate(fields):
            mine = [(a, b) for (f, j), a, b in zip(typed, inputs, out) if f == i and j >= 0]
            kept = [a == b and a.isalnum() for a, b in mine]
            if pii:
                leak[pii][0] += any(kept)
                leak[pii][1] += 1
            else:
                masked = sum(a != b for a, b in mine)
                gone[decoy][0] += masked > len(value) / 2
                gone[decoy][1] += 1
    return {"leak": dict(leak), "destroyed": dict(gone)}


def presidio_keys(forms) -> dict:
    """Plain Presidio on each field's text alone (what a per-field analysis would see)."""
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    from benchmarks.bench_text import spacy_model_dir

    config = {"nlp_engine_name": "spacy",
              "models": [{"lang_code": "en", "model_name": spacy_model_dir()}]}  # fmt: skip
    analyzer = AnalyzerEngine(
        nlp_engine=NlpEngineProvider(nlp_configuration=config).create_engine(),
        supported_languages=["en"],
    )
    leak = defaultdict(lambda: [0, 0])
    gone = defaultdict(lambda: [0, 0])
    for _, fields in forms:
        for _, value, pii, decoy in fields:
            found = analyzer.analyze(text=value, language="en")
            hidden = set()
            for f in found:
                hidden.update(range(f.start, f.end))
            shown = any(value[i].isalnum() and i not in hidden for i in range(len(value)))
            if pii:
                leak[pii][0] += shown
                leak[pii][1] += 1
            else:
                gone[decoy][0] += len(hidden) > len(value) / 2
                gone[decoy][1] += 1
    return {"leak": dict(leak), "destroyed": dict(gone)}


# -- report -------------------------------------------------------------------------------------


def _pct(pair) -> str:
    if not pair or not pair[1]:
        return "–"
    return f"{100 * pair[0] / pair[1]:.1f}% ({pair[0]}/{pair[1]})"


def _table(title: str, cols: dict[str, dict], key: str, rows: list[str]) -> list[str]:
    names = list(cols)
    out = [f"**{title}**", "", "| | " + " | ".join(names) + " |", "|---|" + "---|" * len(names)]
    for r in rows:
        out.append(
            f"| {r} | " + " | ".join(_pct(cols[n].get(key, {}).get(r)) for n in names) + " |"
        )
    return out + [""]


def report(fig: dict) -> str:
    lines = [
        f"Generated by `python -m benchmarks.quality_fields --scenes {fig['scenes']} "
        f"--seed {fig['seed']} --sessions {fig['sessions']}` on {fig['date']}. "
    ]
    if "screens" in fig:
        lines[0] += (
            f"{fig['scenes']} Chromium-rendered scenes ({fig['values']} personal values, "
            f"{fig['decoys']} decoys); leak: under {LEAK_BELOW:.0%} of the value's ink masked; "
            f"destroyed: over {DESTROYED_ABOVE:.0%} of a decoy's ink masked."
        )
    lines += [
        "",
        "Scenes: `corpora/browser_scenes.py` (headless Chromium; tables with and without grid "
        "lines and zebra stripes, scrolled tables under a sticky header, forms with labels left "
        "and above input boxes, settings pages and `Label: value` cards; Roboto, Noto, "
        "Liberation and DejaVu fonts; labels in en/de/fr/es). Value boxes come from the DOM "
        "(`Range.getBoundingClientRect`). The same author wrote the scene generator and the "
        "label lexicon, so these figures say the mechanism works on real rendering and OCR, "
        "not that every label of every app is known. *Before* is the same redactor with the "
        "field step (`screens/fields.py`) switched off. Keystrokes: forms typed field by field "
        "(Tab between fields) in HR, checkout and patient windows, two windows with neutral "
        "titles and a calendar; with and without the `field` context (docs/keystrokes.md); "
        "*typed casually*: without `field`, 40% of the values typed in lower case and 30% "
        "with one wrong letter fixed by Backspace.",
        "",
    ]
    if "screens" in fig:
        lines += _screen_tables(fig)
    k = fig["keys"]
    lines += _table(
        "Keystrokes: personal values leaked", k, "leak", ["PERSON", "DATE_TIME", "LOCATION"]
    )
    lines += _table(
        "Keystrokes: decoys destroyed", k, "destroyed", ["date", "product", "ticket", "price"]
    )
    if "timing" in fig:
        t = fig["timing"]
        lines += [
            f"Per-frame time on these scenes (same run, same redactor, the two interleaved "
            f"frame by frame): mean {t['with']:.2f} s with the field step, {t['without']:.2f} s "
            f"without ({100 * (t['with'] / t['without'] - 1):+.1f}%); median "
            f"{t['with_p50']:.2f} s and {t['without_p50']:.2f} s.",
            "",
        ]
    return "\n".join(lines)


def _screen_tables(fig: dict) -> list[str]:
    s = fig["screens"]
    lines = []
    if fig.get("presidio_error"):
        lines += [f"Presidio's image redactor: not run ({fig['presidio_error']}).", ""]
    lines += _table(
        "Screens: personal values leaked", s, "leak", ["PERSON", "DATE_TIME", "LOCATION"]
    )
    lines += _table(
        "Screens: decoys destroyed", s, "destroyed", ["date", "product", "ticket", "price"]
    )
    lines += _table(
        "Screens: leak by layout", s, "by_layout", sorted(next(iter(s.values()))["by_layout"])
    )
    return lines


def _screens(args: argparse.Namespace, fig: dict) -> None:
    """Render, redact and score the Chromium scenes into ``fig``."""
    scenes = bs.build(args.folder / "in", args.seed, args.scenes)
    fig["values"] = sum(1 for _, vs in scenes for v in vs if v.pii)
    fig["decoys"] = sum(1 for _, vs in scenes for v in vs if v.decoy)
    outputs = {}
    without, with_ = redactkit_screens(scenes, args.folder / "before", args.folder / "redactkit")
    outputs["redactkit (before: no field step)"] = args.folder / "before"
    outputs["redactkit"] = args.folder / "redactkit"
    fig["timing"] = {"with": float(np.mean(with_)), "without": float(np.mean(without)),
                     "with_p50": float(np.median(with_)),
                     "without_p50": float(np.median(without))}  # fmt: skip
    if not args.no_presidio:
        from benchmarks.baseline import run_presidio

        run = run_presidio(args.folder / "in", args.folder / "presidio", fill=FILL)
        if run.error:
            fig["presidio_error"] = run.error
        else:
            outputs["Presidio ImageRedactorEngine"] = args.folder / "presidio"
    else:
        fig["presidio_error"] = "--no-presidio"
    fig["screens"] = score_screens(scenes, outputs)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--scenes", type=int, default=24)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--sessions", type=int, default=60)
    ap.add_argument("--folder", type=Path, default=Path("bench-out/fields"))
    ap.add_argument("--out", type=Path, default=None, help="docs/quality.md to update")
    ap.add_argument("--no-presidio", action="store_true")
    args = ap.parse_args()

    fig: dict = {"scenes": args.scenes, "seed": args.seed, "sessions": args.sessions,
                 "date": time.strftime("%Y-%m-%d")}  # fmt: skip
    if args.scenes:  # --scenes 0: the typed sessions only
        _screens(args, fig)
    forms = sessions(args.seed, args.sessions)
    fig["keys"] = {
        "redactkit, with `field`": score_keys(forms, True),
        "redactkit, without `field`": score_keys(forms, False),
        "redactkit, without `field`, typed casually": score_keys(forms, False, args.seed),
        "plain Presidio (field text alone)": presidio_keys(forms),
    }
    text = report(fig)
    print(text)
    (args.folder / "figures.json").write_text(json.dumps(fig, indent=1, default=str), "utf-8")
    if args.out:
        replace_section(
            args.out,
            BEGIN,
            END,
            f"{BEGIN}\n## Fields named by labels and headers\n\n{text}\n{END}\n",
        )


if __name__ == "__main__":
    main()
