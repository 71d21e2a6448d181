"""Same input, same output, on a busy machine: text redaction under CPU stress.

    OMP_NUM_THREADS=1 python -m benchmarks.stress_text [--docs 1000] [--seed 7] [--hogs N]

Redacts ``--docs`` generated documents (``corpora.text``, every kind: prose, chat, e-mail, logs,
.env, YAML, JSON, code), plus a few adversarial ones (long runs of one character, repeated
near-misses of the detectors' shapes), once on a quiet machine and once with every core kept
busy by busy-loop processes (``--hogs``, default: one per core, plus one). Passes when no
document raises and every output of the busy run equals the quiet one; prints the timings.
A detector that decided by the wall clock (a regex timeout) fails here: it raises or finds less
exactly when the machine is busy.
"""

from __future__ import annotations

import argparse
import hashlib
import multiprocessing
import os
import random
import sys
import time

os.environ.setdefault("OMP_NUM_THREADS", "1")

from corpora.text import generate_corpus  # noqa: E402
from redactkit.text import TextRedactor  # noqa: E402


def _spin(stop: multiprocessing.synchronize.Event) -> None:  # type: ignore[name-defined]
    x = 0
    while not stop.is_set():
        for _ in range(100_000):
            x = (x * 31 + 7) % 1_000_003


def adversarial() -> list[str]:
    """Inputs shaped to make backtracking patterns explode (20 KB each)."""
    motifs = ["A", "Ab ", "a" * 3 + "@", "-", "0 ", "Mary Ann ", "Hauptstraße", "x.", "\t", "_"]
    return [(m * (20_000 // len(m) + 1))[:20_000] for m in motifs]


def run(redactor: TextRedactor, docs: list[str]) -> tuple[list[str], int, float]:
    out, errors = [], 0
    start = time.perf_counter()
    for doc in docs:
        try:
            out.append(hashlib.sha256(redactor.redact(doc).text.encode()).hexdigest())
        except Exception as exc:  # noqa: BLE001 - counted: the point of the check
            errors += 1
            out.append(f"error: {type(exc).__name__}")
    return out, errors, time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--hogs", type=int, default=(os.cpu_count() or 1) + 1)
    args = parser.parse_args()
    docs = [d.text for d in generate_corpus(random.Random(args.seed), args.docs)]
    docs += adversarial()
    redactor = TextRedactor()
    redactor.redact("warm up: Jane Doe, jane@acme.io")
    quiet, quiet_errors, quiet_s = run(redactor, docs)
    stop = multiprocessing.Event()
    hogs = [multiprocessing.Process(target=_spin, args=(stop,)) for _ in range(args.hogs)]
    for h in hogs:
        h.start()
    try:
        busy, busy_errors, busy_s = run(redactor, docs)
    finally:
        stop.set()
        for h in hogs:
            h.join()
    differ = sum(a != b for a, b in zip(quiet, busy))
    chars = sum(map(len, docs))
    print(
        f"{len(docs)} documents ({args.docs} generated + {len(docs) - args.docs} adversarial,"
        f" {chars / 1e6:.1f} M chars); {args.hogs} busy-loop processes on {os.cpu_count()} cores"
    )
    print(f"quiet: {quiet_s:.1f} s, {quiet_errors} errors")
    print(f"busy:  {busy_s:.1f} s ({busy_s / quiet_s:.2f}x), {busy_errors} errors")
    print(f"outputs differing: {differ}")
    ok = quiet_errors == busy_errors == 0 and differ == 0
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
