"""What credential detection costs in the text path: ``find_credentials`` against the whole of
``TextRedactor.redact_many`` on the text benchmark's corpus (``benchmarks.bench_text``), in CPU
time of this process (the steadier figure on a shared machine), best of a few rounds.

    python -m benchmarks.credential_cost [--chars 400000]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


@dataclass(frozen=True)
class Cost:
    chars: int
    credentials_s: float
    text_s: float

    @property
    def share(self) -> float:
        """Credential detection as a share of the text path's time (it is part of it)."""
        return self.credentials_s / self.text_s

    def line(self) -> str:
        return (
            f"Credential detection costs {100 * self.share:.1f}% of the text path's CPU time"
            f" (`find_credentials` {self.chars / self.credentials_s:,.0f} chars/s,"
            f" `TextRedactor.redact_many` {self.chars / self.text_s:,.0f} chars/s on"
            f" {self.chars:,} characters of the text benchmark's corpus;"
            " `python -m benchmarks.credential_cost`)."
        )


def _cpu(fn: Callable[[], object], rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        t = time.process_time()
        fn()
        best = min(best, time.process_time() - t)
    return best


def measure(chars: int = 400_000, seed: int = 20261206, rounds: int = 3) -> Cost:
    from benchmarks.bench_text import BATCH, build_corpus
    from redactkit.detect.credentials import find_credentials
    from redactkit.text import TextRedactor

    docs = [d.text for d in build_corpus(seed, chars)]
    red = TextRedactor()
    red.redact_many(docs[:BATCH])  # warm up: models loaded, caches filled once
    for t in docs[:BATCH]:
        find_credentials(t)
    cred = _cpu(lambda: [find_credentials(t) for t in docs], rounds)
    text = _cpu(
        lambda: [red.redact_many(docs[i : i + BATCH]) for i in range(0, len(docs), BATCH)], rounds
    )
    return Cost(sum(map(len, docs)), cred, text)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--chars", type=int, default=400_000)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args(argv)
    print(measure(args.chars, rounds=args.rounds).line())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
