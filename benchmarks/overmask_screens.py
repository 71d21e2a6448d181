"""Which findings mask ordinary text on rendered screens: over-redaction by entity type and
detector, with the words they cover.

``bench_screens`` reports *how much* ordinary text (words touching no sensitive value) is
masked; this says *by what*. The same frames as ``bench_screens`` (same seed, same renderer),
redacted by ``ScreenshotRedactor`` one finding at a time: every finding's box is charged with
the ordinary-word area it covers (a box over two words is charged both). Areas overlap between
findings, so the per-detector shares add up to more than the frame total.

    python -m benchmarks.overmask_screens --frames 14 --seed 5 [--top 40]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path

import numpy as np

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

os.environ["OMP_THREAD_LIMIT"] = "1"

from benchmarks.bench_screens import FILL, box_array, intersects, render_frames  # noqa: E402


def _overlap(box, words: np.ndarray) -> np.ndarray:
    """Area of ``box`` (Box) intersected with each word box (N, 4 as x, y, w, h)."""
    if not len(words):
        return np.zeros(0)
    x0 = np.maximum(words[:, 0], box.left)
    y0 = np.maximum(words[:, 1], box.top)
    x1 = np.minimum(words[:, 0] + words[:, 2], box.left + box.width)
    y1 = np.minimum(words[:, 1] + words[:, 3], box.top + box.height)
    return np.clip(x1 - x0, 0, None) * np.clip(y1 - y0, 0, None)


def attribute(frames: int, seed: int, top: int) -> dict:
    from redactkit.screens.redactor import ScreenshotRedactor

    screens = render_frames(frames, seed)
    # a generous OCR deadline: on a loaded machine a frame past the default would fail closed
    # (fully masked) and count as over-redaction; failures are reported apart
    red = ScreenshotRedactor(fill=FILL, keep_original=False, ocr_timeout=600)
    failed = 0
    cpu = []
    by_key: Counter = Counter()
    examples: dict[tuple, Counter] = defaultdict(Counter)
    total_area = 0.0
    masked_area = 0.0
    seconds = []
    for sc in screens:
        t0, c0 = time.perf_counter(), time.process_time()
        res = red.redact(sc.image)
        seconds.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
        failed += res.status != "ok"
        secret = box_array([b for s in sc.secrets for b in s.boxes])
        words = [w for w in sc.words]
        wb = box_array([w.box for w in words])
        ordinary = ~intersects(wb, secret).any(axis=1) if len(wb) else np.zeros(0, bool)
        area = (wb[:, 2] * wb[:, 3]).astype(np.float64)
        total_area += float(area[ordinary].sum())
        changed = (res.image[:, :, :3] != sc.image[:, :, :3]).any(axis=2)
        for i in np.flatnonzero(ordinary):
            x, y, w, h = (int(v) for v in wb[i])
            masked_area += float(changed[y : y + h, x : x + w].sum())
        for f in res.findings:
            if f.box is None:
                continue
            ov = _overlap(f.box, wb) * ordinary
            if ov.sum() <= 0:
                continue
            key = (f.entity_type, f.detector)
            by_key[key] += float(ov.sum())
            for i in np.flatnonzero(ov > 0.5 * area):
                examples[key][f"{sc.kind}/{sc.theme}: {words[i].text}"] += 1
    print(f"seed {seed}, {frames} frames, {np.mean(seconds):.2f} s/frame wall, "
          f"{np.mean(cpu):.2f} CPU s/frame, {failed} failed")  # fmt: skip
    print(f"ordinary area masked: {masked_area / max(total_area, 1):.1%}")
    print("share of ordinary word area under findings of each (type, detector):")
    for key, a in by_key.most_common(top):
        ex = ", ".join(f"{t} x{n}" if n > 1 else t for t, n in examples[key].most_common(8))
        print(f"  {a / total_area:6.2%}  {key[0]:<16} {key[1]:<24} {ex}")
    return {"masked": masked_area / max(total_area, 1), "by": dict(by_key)}


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--frames", type=int, default=14)
    ap.add_argument("--seed", type=int, default=5)
    ap.add_argument("--top", type=int, default=40)
    args = ap.parse_args(argv)
    attribute(args.frames, args.seed, args.top)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
