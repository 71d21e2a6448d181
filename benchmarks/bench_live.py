"""Full per-frame path vs the incremental live path on rendered capture sessions.

Each session kind (``corpora.sessions``) is rendered once, lazily, and every frame is
redacted by both paths in the same run: frames per second, the ratio, p50/p95 latency per
frame, and the leak rate of each on the known sensitive values (a value leaks in a frame when
any of its drawn words is less than 90 % covered by the mask). ``not covered`` counts frames
where some box the full pass masked is less than 90 % covered by the incremental mask: the
guarantee's failures.

    OMP_THREAD_LIMIT=1 python benchmarks/bench_live.py --frames 100
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from pathlib import Path

import numpy as np

os.environ.setdefault("OMP_THREAD_LIMIT", "1")

if __package__ in (None, ""):  # run as a script: make `corpora` and `benchmarks` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from corpora.sessions import SESSION_KINDS, render_session  # noqa: E402
from redactkit.screens.redactor import ScreenshotRedactor  # noqa: E402

COVER = 0.9


def mask_of(result, shape: tuple[int, ...]) -> np.ndarray:
    """(H, W) bool: pixels inside any finding box (a failed frame is masked whole)."""
    mask = np.zeros(shape[:2], bool)
    if result.status != "ok":
        mask[:] = True
    for b in result.boxes:
        mask[b.top : b.bottom, b.left : b.right] = True
    return mask


def covered(mask: np.ndarray, box) -> bool:
    area = mask[box.top : box.bottom, box.left : box.right]
    return area.size == 0 or float(area.mean()) >= COVER


def run(kind: str, frames: int, seed: int, size: tuple[int, int]) -> dict:
    redactor = ScreenshotRedactor(keep_original=False)
    live = redactor.stream()
    t_full, t_live = [], []
    values = leak_full = leak_live = not_covered = 0
    for frame in render_session(kind, random.Random(seed), frames, size):
        t0 = time.perf_counter()
        full = redactor.redact(frame.image, frame.context)
        t1 = time.perf_counter()
        inc = live.redact(frame.image, frame.context)
        t2 = time.perf_counter()
        t_full.append(t1 - t0)
        t_live.append(t2 - t1)
        fm, lm = mask_of(full, frame.image.shape), mask_of(inc, frame.image.shape)
        for s in frame.secrets:
            values += 1
            leak_full += not all(covered(fm, b) for b in s.boxes)
            leak_live += not all(covered(lm, b) for b in s.boxes)
        not_covered += not all(covered(lm, b) for b in full.boxes)
    st = live.stats
    return {
        "kind": kind,
        "frames": frames,
        "full_fps": frames / sum(t_full),
        "live_fps": frames / sum(t_live),
        "full_p50": np.percentile(t_full, 50),
        "full_p95": np.percentile(t_full, 95),
        "live_p50": np.percentile(t_live, 50),
        "live_p95": np.percentile(t_live, 95),
        "leak_full": leak_full / max(1, values),
        "leak_live": leak_live / max(1, values),
        "values": values,
        "not_covered": not_covered,
        "full_passes": st.full,
        "reasons": dict(st.reasons),
        "unchanged": st.unchanged,
        "scrolls": st.scrolls,
    }


def table(rows: list[dict]) -> str:
    head = (
        "| session | frames | full fps | live fps | ratio | full p50 / p95 s | live p50 / p95 s "
        "| leak full | leak live | not covered | live full passes |\n"
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n"
    )
    lines = []
    for r in rows:
        reasons = ", ".join(f"{k} {v}" for k, v in sorted(r["reasons"].items()))
        lines.append(
            f"| {r['kind']} | {r['frames']} | {r['full_fps']:.2f} | {r['live_fps']:.2f} "
            f"| {r['live_fps'] / r['full_fps']:.1f}x | {r['full_p50']:.2f} / {r['full_p95']:.2f} "
            f"| {r['live_p50']:.2f} / {r['live_p95']:.2f} | {r['leak_full']:.2%} "
            f"| {r['leak_live']:.2%} | {r['not_covered']} | {r['full_passes']} ({reasons}) |"
        )
    return head + "\n".join(lines) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--frames", type=int, default=100)
    ap.add_argument("--kinds", default=",".join(SESSION_KINDS))
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--size", default="1280x800", help="WIDTHxHEIGHT")
    args = ap.parse_args()
    size = tuple(int(v) for v in args.size.lower().split("x"))
    rows = []
    for kind in args.kinds.split(","):
        if kind not in SESSION_KINDS:
            raise SystemExit(f"unknown session kind {kind!r}; known: {', '.join(SESSION_KINDS)}")
        rows.append(run(kind, args.frames, args.seed, size))  # type: ignore[arg-type]
        print(table(rows[-1:]), flush=True)
    print(table(rows))


if __name__ == "__main__":
    main()
