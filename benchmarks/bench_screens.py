"""Screenshot benchmark: redactkit and Presidio's image redactor on the same rendered frames.

Renders ``--frames`` 1920x1080 screenshots (every kind of screen in turn, light and dark
themes alternating, random fonts, sizes and values; ground truth from
``corpora.screens``), then in one run:

- redactkit (``ScreenshotRedactor().redact``, in this process) and Presidio
  (``ImageRedactorEngine``, in its own environment: see ``benchmarks.baseline``) redact every
  frame; each is warmed up on another frame first. Seconds per frame p50/p95, wall clock and CPU
  (the process and its Tesseract children), and the ratio Presidio / redactkit.
- where redactkit's time goes (CPU seconds): the same frames through the pipeline's functions
  (``read_layouts`` = OCR, of which ``preprocess`` is image preparation; ``locate_findings`` =
  NLP and detection; ``redact_pixels`` = masking).
- leak rate, two ways. *Strict*: a value leaks when any of its ground-truth word boxes is less
  than 95% covered by changed pixels. *Re-OCR*: the output is read again (redactkit's OCR with
  its preprocessing: the stronger reader) and a value leaks when 80% of its characters can be
  read again, in order, on its boxes; counted over the values the same OCR reads that well on
  the unredacted frame.
- over-redaction: share of the box area of ordinary words (words touching no sensitive value)
  whose pixels were changed, and share of those words more than half masked.
- ``redactkit images`` throughput on a folder of rendered 1280x800 screenshots with
  ``--workers 2`` (wall clock of the whole command, model loading included).

Both redactors fill with the same colour, one no rendered screen uses, so "changed pixels" is
exactly "masked pixels". Tesseract runs with ``OMP_THREAD_LIMIT=1`` in both.

    python -m benchmarks.bench_screens                     # 14 frames, 200 images
    python -m benchmarks.bench_screens --quick --json out.json
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

if __package__ in (None, ""):  # run as a script: make `benchmarks` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

os.environ["OMP_THREAD_LIMIT"] = "1"

from benchmarks.baseline import run_presidio  # noqa: E402
from corpora.screens import KINDS, THEMES, Screen, render_screen  # noqa: E402

#: Mask colour given to both redactors: a magenta no rendered palette contains.
FILL = (255, 0, 255)
#: A word box counts as masked when at least this share of its pixels changed.
COVERED = 0.95
#: Re-OCR recovers a value when it reads at least this share of its characters in order.
READABLE = 0.8
FRAME = (1920, 1080)
BATCH_SIZE = (1280, 800)


def cpu_now() -> float:
    """CPU seconds of this process and its finished children (redactkit's Tesseract runs in
    process, Presidio's as a child: both are counted)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def render_frames(n: int, seed: int, size: tuple[int, int] = FRAME) -> list[Screen]:
    """``n`` screens: kinds in turn, themes alternating so each kind gets both over 2x7."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        kind = KINDS[i % len(KINDS)]
        theme = THEMES[(i % len(KINDS) + i // len(KINDS)) % len(THEMES)]
        out.append(render_screen(rng, kind, theme, size=size))
    return out


def write_pngs(screens: Sequence[Screen], folder: Path, prefix: str = "") -> list[Path]:
    from PIL import Image

    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i, s in enumerate(screens):
        p = folder / f"{prefix}{i:04d}-{s.kind}-{s.theme}.png"
        Image.fromarray(s.image).save(p, compress_level=1)
        paths.append(p)
    return paths


# -- scoring: pure functions on arrays -------------------------------------------------------


def changed_pixels(before: np.ndarray, after: np.ndarray) -> np.ndarray:
    """bool (H, W): pixels whose value changed in any channel; before/after uint8 (H, W, C)."""
    if before.shape != after.shape:
        raise ValueError(f"output shape {after.shape} differs from input {before.shape}")
    diff = before != after
    return diff.any(axis=2) if diff.ndim == 3 else diff


def box_array(boxes: Sequence) -> np.ndarray:
    """(left, top, width, height) boxes -> int64 array (n, 4)."""
    return np.asarray([tuple(b)[:4] for b in boxes], dtype=np.int64).reshape(-1, 4)


def box_coverage(mask: np.ndarray, boxes: np.ndarray) -> np.ndarray:
    """Share of each box's pixels set in ``mask``: float64 (n,) for boxes int (n, 4).

    One summed-area table, four lookups per box. Boxes are clipped to the image; an empty box
    counts as fully covered (there is nothing in it to read).
    """
    if len(boxes) == 0:
        return np.zeros(0)
    h, w = mask.shape
    sat = np.zeros((h + 1, w + 1), dtype=np.int64)
    sat[1:, 1:] = mask.astype(np.int64).cumsum(0).cumsum(1)
    x0 = np.clip(boxes[:, 0], 0, w)
    y0 = np.clip(boxes[:, 1], 0, h)
    x1 = np.clip(boxes[:, 0] + boxes[:, 2], 0, w)
    y1 = np.clip(boxes[:, 1] + boxes[:, 3], 0, h)
    area = (x1 - x0) * (y1 - y0)
    inside = sat[y1, x1] - sat[y0, x1] - sat[y1, x0] + sat[y0, x0]
    return np.where(area > 0, inside / np.maximum(area, 1), 1.0)


def intersects(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """bool (len(a), len(b)): which boxes of ``a`` overlap which of ``b`` (positive area)."""
    if len(a) == 0 or len(b) == 0:
        return np.zeros((len(a), len(b)), dtype=bool)
    ax0, ay0 = a[:, 0:1], a[:, 1:2]
    ax1, ay1 = ax0 + a[:, 2:3], ay0 + a[:, 3:4]
    bx0, by0 = b[None, :, 0], b[None, :, 1]
    bx1, by1 = bx0 + b[None, :, 2], by0 + b[None, :, 3]
    return (np.minimum(ax1, bx1) > np.maximum(ax0, bx0)) & (
        np.minimum(ay1, by1) > np.maximum(ay0, by0)
    )


def _compact(s: str) -> str:
    return "".join(s.split()).casefold()


def read_share(value: str, read: str) -> float:
    """Share of ``value``'s characters found, in order, in ``read`` (spacing and case ignored)."""
    from difflib import SequenceMatcher

    v, r = _compact(value), _compact(read)
    if not v:
        return 0.0
    blocks = SequenceMatcher(None, v, r, autojunk=False).get_matching_blocks()
    return sum(b.size for b in blocks) / len(v)


def readable(screen: Screen, words: Sequence) -> list[bool]:
    """Per sensitive value of ``screen``: whether OCR ``words`` (with ``.text``, ``.box``, in
    reading order) lying on its boxes spell at least ``READABLE`` of its characters in order.

    Not the exact value: OCR rarely reads a 40-character key without one slip, and a key or
    card number with a few characters wrong is still most of the way to the value.
    """
    if not screen.secrets:
        return []
    wb = box_array([w.box for w in words])
    out = []
    for s in screen.secrets:
        hit = intersects(wb, box_array(s.boxes)).any(axis=1)
        text = "".join(w.text for w, h in zip(words, hit.tolist(), strict=True) if h)
        out.append(read_share(s.value, text) >= READABLE)
    return out


@dataclass
class FrameScore:
    """Scores of one output frame. Per value: entity type, strict leak, readable on the input,
    read again on the output. Ordinary words: box areas and masked pixels."""

    kind: str
    theme: str
    types: list[str]
    strict_leak: list[bool]
    readable_in: list[bool]
    readable_out: list[bool]
    word_area: int
    word_masked: float
    words: int
    words_destroyed: int


def score_frame(
    screen: Screen, output: np.ndarray, words_in: Sequence, words_out: Sequence
) -> FrameScore:
    changed = changed_pixels(screen.image, output)
    strict = [
        bool((box_coverage(changed, box_array(s.boxes)) < COVERED).any()) for s in screen.secrets
    ]
    secret_boxes = box_array([b for s in screen.secrets for b in s.boxes])
    wboxes = box_array([w.box for w in screen.words])
    ordinary = wboxes[~intersects(wboxes, secret_boxes).any(axis=1)] if len(wboxes) else wboxes
    cov = box_coverage(changed, ordinary)
    area = (ordinary[:, 2] * ordinary[:, 3]).astype(np.float64)
    return FrameScore(
        screen.kind,
        screen.theme,
        [s.entity_type for s in screen.secrets],
        strict,
        readable(screen, words_in),
        readable(screen, words_out),
        int(area.sum()),
        float((cov * area).sum()),
        len(ordinary),
        int((cov > 0.5).sum()),
    )


def _rate(num: int, den: int) -> float | None:
    return round(num / den, 4) if den else None


def quality(scores: Sequence[FrameScore]) -> dict:
    """Leak rates (overall, per entity type) and over-redaction (overall, per kind/theme)."""

    def leaks(rows: list[tuple[bool, bool, bool]]) -> dict:
        n = len(rows)
        read = [r for r in rows if r[1]]
        return {
            "values": n,
            "strict_leaks": sum(r[0] for r in rows),
            "strict_leak_rate": _rate(sum(r[0] for r in rows), n),
            "readable_on_input": len(read),
            "reocr_leaks": sum(r[2] for r in read),
            "reocr_leak_rate": _rate(sum(r[2] for r in read), len(read)),
        }

    rows: dict[str, list[tuple[bool, bool, bool]]] = {}
    every: list[tuple[bool, bool, bool]] = []
    for s in scores:
        for t, a, b, c in zip(s.types, s.strict_leak, s.readable_in, s.readable_out, strict=True):
            rows.setdefault(t, []).append((a, b, c))
            every.append((a, b, c))
    by_kind: dict[str, dict] = {}
    for s in scores:
        k = by_kind.setdefault(f"{s.kind}/{s.theme}", {"area": 0, "masked": 0.0, "words": 0,
                                                        "destroyed": 0, "rows": []})  # fmt: skip
        k["area"] += s.word_area
        k["masked"] += s.word_masked
        k["words"] += s.words
        k["destroyed"] += s.words_destroyed
        k["rows"] += list(zip(s.strict_leak, s.readable_in, s.readable_out, strict=True))
    area = sum(s.word_area for s in scores)
    words = sum(s.words for s in scores)
    return {
        **leaks(every),
        "over_redaction_area": _rate(round(sum(s.word_masked for s in scores)), area),
        "ordinary_words": words,
        "ordinary_words_destroyed_rate": _rate(sum(s.words_destroyed for s in scores), words),
        "by_type": {t: leaks(r) for t, r in sorted(rows.items())},
        "by_kind": {
            k: {
                "frames": sum(1 for s in scores if f"{s.kind}/{s.theme}" == k),
                "over_redaction_area": _rate(round(v["masked"]), v["area"]),
                "ordinary_words_destroyed_rate": _rate(v["destroyed"], v["words"]),
                **leaks(v["rows"]),
            }
            for k, v in sorted(by_kind.items())
        },
    }


# -- the redactors ---------------------------------------------------------------------------


@dataclass
class PathRun:
    path: str
    wall_s: list[float] = field(default_factory=list)
    cpu_s: list[float] = field(default_factory=list)
    outputs: list[np.ndarray] = field(default_factory=list)
    boxes: list[int] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    peak_rss_mb: float | None = None
    setup_s: float | None = None


def redactkit_pass(screens: Sequence[Screen], warmup: Screen) -> tuple[PathRun, object]:
    """Every frame through ``ScreenshotRedactor.redact``, timed one by one."""
    from redactkit.screens.redactor import ScreenshotRedactor

    t = time.perf_counter()
    redactor = ScreenshotRedactor(fill=FILL, keep_original=False)
    redactor.redact(warmup.image)
    run = PathRun("redactkit", setup_s=round(time.perf_counter() - t, 3))
    for s in screens:
        wall, cpu = time.perf_counter(), cpu_now()
        result = redactor.redact(s.image)
        run.wall_s.append(time.perf_counter() - wall)
        run.cpu_s.append(cpu_now() - cpu)
        if result.status == "failed":
            run.errors.append(result.error or "failed")
        image = result.image if result.image is not None else np.zeros_like(s.image)
        run.outputs.append(image)
        run.boxes.append(len(result.findings))
    return run, redactor


def stage_split(screens: Sequence[Screen], redactor) -> dict:
    """Seconds per frame in each stage, through the functions ``redact`` is made of.

    CPU seconds (this process and its Tesseract children) for OCR and detection, steadier than
    wall clock on a shared machine; wall clock for masking, too short for CPU accounting.
    """
    from redactkit.screens.ocr import preprocess
    from redactkit.screens.redactor import locate_findings, ocr_views, read_layouts, redact_pixels

    prep = ocr = detect = mask = 0.0
    factors = []
    for s in screens:
        pixels = s.image
        h, w = pixels.shape[:2]
        views = ocr_views(pixels)
        t0 = cpu_now()
        for v in views:
            factors.append(preprocess(v)[1])
        t1 = cpu_now()
        layouts = [read_layouts(v, timeout=redactor.ocr_timeout, glue=redactor.glue) for v in views]
        t2 = cpu_now()
        found = [f for lay in layouts for f in locate_findings(lay, redactor.text, (w, h), pad=redactor.pad)]  # fmt: skip
        t3, m0 = cpu_now(), time.perf_counter()
        redact_pixels(pixels, found, method=redactor.method, fill=redactor.fill)
        m1 = time.perf_counter()
        prep, ocr, detect, mask = prep + t1 - t0, ocr + t2 - t1, detect + t3 - t2, mask + m1 - m0
    n = max(1, len(screens))
    return {
        "frames": len(screens),
        "ocr_s": round(ocr / n, 4),
        "ocr_preprocess_s": round(prep / n, 4),
        "detect_s": round(detect / n, 4),
        "mask_s": round(mask / n, 5),
        "ocr_upscale_mean": round(float(np.mean(factors)), 3) if factors else None,
    }


def presidio_pass(
    screens: Sequence[Screen], folder: Path, warmup: Screen, *, thread_limit: bool = True
) -> PathRun:
    """Every frame through Presidio's ``ImageRedactorEngine`` in the baseline environment
    (``thread_limit=False``: as installed, Tesseract with its default OpenMP threads)."""
    from PIL import Image

    tag = "presidio" if thread_limit else "presidio-as-installed"
    src = folder / f"{tag}-src"
    # The warm-up frame sorts first: the worker redacts its first image once untimed.
    write_pngs([warmup], src, prefix="0-warmup-")
    names = [p.name for p in write_pngs(screens, src, prefix="f")]
    base = run_presidio(src, folder / f"{tag}-out", fill=FILL, thread_limit=thread_limit)
    run = PathRun(tag, peak_rss_mb=base.peak_rss_mb, setup_s=base.setup_s)
    if base.error:
        run.errors.append(base.error)
        return run
    by_name = {f["name"]: f for f in base.frames}
    for n in names:
        f = by_name[n]
        run.wall_s.append(f["wall_s"])
        run.cpu_s.append(f["cpu_s"])
        run.boxes.append(len(f["boxes"]))
        with Image.open(base.out_dir / n) as im:
            run.outputs.append(np.asarray(im.convert("RGB")))
    return run


def _pctl(xs: Sequence[float], q: float) -> float | None:
    return round(float(np.percentile(xs, q)), 4) if xs else None


def timing(run: PathRun) -> dict:
    return {
        "frames": len(run.wall_s),
        "wall_p50_s": _pctl(run.wall_s, 50),
        "wall_p95_s": _pctl(run.wall_s, 95),
        "wall_mean_s": round(float(np.mean(run.wall_s)), 4) if run.wall_s else None,
        "cpu_p50_s": _pctl(run.cpu_s, 50),
        "cpu_p95_s": _pctl(run.cpu_s, 95),
        "cpu_mean_s": round(float(np.mean(run.cpu_s)), 4) if run.cpu_s else None,
        "boxes_per_frame": round(float(np.mean(run.boxes)), 1) if run.boxes else None,
        "errors": len(run.errors),
        "error_messages": sorted(set(run.errors)),
        "setup_s": run.setup_s,
        "peak_rss_mb": run.peak_rss_mb,
    }


def images_throughput(n: int, seed: int, workers: int, folder: Path) -> dict:
    """``redactkit images SRC DST --workers N`` on ``n`` rendered 1280x800 screenshots."""
    rng = random.Random(seed ^ 0xB47C4)
    src = folder / "images-src"
    src.mkdir(parents=True, exist_ok=True)
    from PIL import Image

    for i in range(n):
        s = render_screen(rng, size=BATCH_SIZE)
        Image.fromarray(s.image).save(src / f"{i:04d}.png", compress_level=1)
    dst = folder / "images-dst"
    cmd = [sys.executable, "-m", "redactkit", "images", str(src), str(dst), "--workers", str(workers)]  # fmt: skip
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    with open(folder / "images-stderr.txt", "wb") as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
    statuses: dict[str, int] = {}
    report = dst / "redactkit-report.jsonl"
    if report.exists():
        for line in report.read_text(encoding="utf-8").splitlines():
            try:
                st = json.loads(line).get("status", "?")
            except ValueError:
                continue
            statuses[st] = statuses.get(st, 0) + 1
    return {
        "command": f"redactkit images SRC DST --workers {workers}",
        "images": n,
        "size": list(BATCH_SIZE),
        "workers": workers,
        "exit_code": os.waitstatus_to_exitcode(status),
        "wall_s": round(wall, 2),
        "images_per_s": round(n / wall, 3),
        "cpu_s_per_image": round((usage.ru_utime + usage.ru_stime) / n, 3),
        "statuses": statuses,
    }


# -- the run ---------------------------------------------------------------------------------


def as_installed(screens: Sequence[Screen], ours: PathRun, folder: Path, warmup: Screen) -> dict:
    """Presidio as installed (Tesseract's default OpenMP threads) on the first frames, against
    redactkit's timings of the same frames: what a user who swaps one for the other sees."""
    run = presidio_pass(screens, folder, warmup, thread_limit=False)
    n = len(run.wall_s)
    mine = PathRun("redactkit", wall_s=ours.wall_s[:n], cpu_s=ours.cpu_s[:n])
    a, b = timing(mine), timing(run)
    return {
        "frames": n,
        "errors": b["error_messages"],
        "presidio": {k: b[k] for k in ("wall_p50_s", "wall_mean_s", "cpu_p50_s", "cpu_mean_s")},
        "redactkit": {k: a[k] for k in ("wall_p50_s", "wall_mean_s", "cpu_p50_s", "cpu_mean_s")},
        "ratio": {
            k: round(b[k] / a[k], 3) if a.get(k) and b.get(k) else None
            for k in ("wall_p50_s", "wall_mean_s", "cpu_p50_s", "cpu_mean_s")
        },
    }


def run(
    frames: int,
    seed: int,
    images: int,
    workers: int = 2,
    split: int | None = None,
    keep: Path | None = None,
    installed: int = 4,
) -> dict:
    """The whole benchmark; returns the figures (JSON-able). ``split``: frames used for the
    stage split (default all); ``images``: 0 skips the folder throughput; ``keep``: a folder
    to save the inputs and both redactors' outputs in, to look at what leaked; ``installed``:
    frames also given to Presidio as installed (0: skipped; ~7 s each on two cores)."""
    from redactkit.screens.ocr import read_words

    screens = render_frames(frames, seed)
    warmup = render_screen(random.Random(seed ^ 0x3A3A), "email", size=FRAME)
    with tempfile.TemporaryDirectory(prefix="redactkit-bench-screens-") as tmp:
        folder = Path(tmp)
        ours, redactor = redactkit_pass(screens, warmup)
        stages = stage_split(screens[: split if split is not None else len(screens)], redactor)
        theirs = presidio_pass(screens, folder, warmup)
        words_in = [read_words(s.image) for s in screens]
        figures: dict = {"benchmark": "screens", "seed": seed, "frames": frames,
                         "size": list(FRAME), "fill": list(FILL), "paths": {}}  # fmt: skip
        for r in (ours, theirs):
            entry = timing(r)
            by_kind: dict[str, list[float]] = {}
            for sc, c in zip(screens, r.cpu_s, strict=False):
                by_kind.setdefault(f"{sc.kind}/{sc.theme}", []).append(c)
            entry["cpu_s_by_kind"] = {
                k: round(float(np.mean(v)), 3) for k, v in sorted(by_kind.items())
            }
            if len(r.outputs) == len(screens):
                scores = [
                    score_frame(s, out, wi, read_words(out))
                    for s, out, wi in zip(screens, r.outputs, words_in, strict=True)
                ]
                entry["quality"] = quality(scores)
            figures["paths"][r.path] = entry
            if keep is not None:
                _save(keep / r.path, screens, r.outputs)
        if keep is not None:
            _save(keep / "input", screens, [sc.image for sc in screens])
        figures["stages"] = stages
        a, b = figures["paths"]["redactkit"], figures["paths"]["presidio"]
        figures["ratio"] = {
            k: round(b[k] / a[k], 3) if a.get(k) and b.get(k) else None
            for k in ("wall_p50_s", "wall_p95_s", "cpu_p50_s", "cpu_mean_s")
        }
        if installed:
            figures["as_installed"] = as_installed(screens[:installed], ours, folder, warmup)
        if images:
            figures["images"] = images_throughput(images, seed, workers, folder)
    figures["machine"] = {"python": platform.python_version(), "cpus": os.cpu_count()}
    return figures


def _save(folder: Path, screens: Sequence[Screen], images: Sequence[np.ndarray]) -> None:
    from PIL import Image

    folder.mkdir(parents=True, exist_ok=True)
    for i, (s, im) in enumerate(zip(screens, images, strict=False)):
        Image.fromarray(im).save(folder / f"{i:04d}-{s.kind}-{s.theme}.png")


def _pct(x: float | None) -> str:
    return "-" if x is None else f"{100 * x:.1f}%"


def _s(x: float | None) -> str:
    return "-" if x is None else f"{x:.2f}"


def print_report(fig: dict) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(width=None if sys.stdout.isatty() else 150)
    w, h = fig["size"]
    t = Table(title=f"Screenshots: {fig['frames']} frames {w}x{h}, seed {fig['seed']}")
    for col in ("path", "s/frame p50", "p95", "CPU s p50", "CPU p95", "boxes/frame",
                "leak (strict)", "leak (re-OCR)", "ordinary area masked", "words >½ masked",
                "errors", "peak RSS MB"):  # fmt: skip
        t.add_column(col, justify="left" if col == "path" else "right")
    for name, p in fig["paths"].items():
        q = p.get("quality", {})
        t.add_row(name, _s(p["wall_p50_s"]), _s(p["wall_p95_s"]), _s(p["cpu_p50_s"]),
                  _s(p["cpu_p95_s"]), str(p["boxes_per_frame"]),
                  f"{_pct(q.get('strict_leak_rate'))} of {q.get('values', 0)}",
                  f"{_pct(q.get('reocr_leak_rate'))} of {q.get('readable_on_input', 0)}",
                  _pct(q.get("over_redaction_area")), _pct(q.get("ordinary_words_destroyed_rate")),
                  str(p["errors"]), "-" if p["peak_rss_mb"] is None else f"{p['peak_rss_mb']:.0f}")  # fmt: skip
    console.print(t)
    r = fig["ratio"]
    console.print(f"Presidio / redactkit, seconds per frame: wall p50 {r['wall_p50_s']}x, "
                  f"CPU p50 {r['cpu_p50_s']}x, CPU mean {r['cpu_mean_s']}x")  # fmt: skip
    if "as_installed" in fig:
        ai = fig["as_installed"]
        console.print(f"Presidio as installed (Tesseract's default OpenMP threads), first "
                      f"{ai['frames']} frames: wall p50 {_s(ai['presidio']['wall_p50_s'])} s, "
                      f"CPU p50 {_s(ai['presidio']['cpu_p50_s'])} s per frame; redactkit "
                      f"{_s(ai['redactkit']['wall_p50_s'])} s: {ai['ratio']['wall_p50_s']}x "
                      f"(wall), {ai['ratio']['cpu_p50_s']}x (CPU)")  # fmt: skip
    st = fig["stages"]
    console.print(f"redactkit per frame ({st['frames']} frames): OCR {st['ocr_s']:.2f} s "
                  f"(preprocessing {st['ocr_preprocess_s']:.2f} s), NLP+detection "
                  f"{st['detect_s']:.2f} s, masking {1000 * st['mask_s']:.1f} ms; "
                  f"OCR upscale x{st['ocr_upscale_mean']}")  # fmt: skip
    for name, p in fig["paths"].items():
        for e in p["error_messages"]:
            console.print(f"  {name}: {e}", markup=False)
    if "images" in fig:
        im = fig["images"]
        console.print(f"{im['command']}: {im['images']} images {im['size'][0]}x{im['size'][1]} "
                      f"in {im['wall_s']:.1f} s = {im['images_per_s']:.2f} images/s "
                      f"({im['cpu_s_per_image']:.2f} CPU s/image; exit {im['exit_code']}; "
                      f"{im['statuses']})")  # fmt: skip


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seed", type=int, default=None, help="default: random, printed")
    ap.add_argument("--frames", type=int, default=14, help="1080p frames (default 14)")
    ap.add_argument("--images", type=int, default=200, help="folder size for `redactkit images`")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--quick", action="store_true", help="7 frames, 40 images")
    ap.add_argument("--json", type=Path, default=None, help="write the figures to this file")
    ap.add_argument("--keep", type=Path, default=None, help="save inputs and outputs here")
    ap.add_argument("--installed", type=int, default=4,
                    help="frames also run through Presidio as installed (default 4; 0: skip)")  # fmt: skip
    args = ap.parse_args(argv)
    if args.quick:
        args.frames, args.images = min(args.frames, 7), min(args.images, 40)
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(2**31)
    print(f"seed {seed}", file=sys.stderr)
    fig = run(
        args.frames, seed, args.images, args.workers, keep=args.keep, installed=args.installed
    )
    print_report(fig)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(fig, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
