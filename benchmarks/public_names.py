"""Names and addresses on public data: presidio-evaluator's sentence generator, scored for
redactkit and plain Presidio in the same run.

    python -m benchmarks.public_names --seeds 3,17 --n 600 --lower 0,0.1

Data nobody on this project wrote: Microsoft's templates filled with Faker people and places
(``presidio-evaluator`` on PyPI, ``bench`` extra). Only the classes this module's detectors
answer for are scored: ``PERSON`` and ``STREET_ADDRESS`` (leak: some letter or digit of the
labelled value readable in the output), with ``GPE`` (towns, countries) beside them; every other
label is counted as neither leak nor decoy. Over-masking is the share of unlabelled letters and
digits masked ("other masked"), the generator having no decoys.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import sys
from collections.abc import Sequence
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `benchmarks` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.bench_text import make_runner
from benchmarks.scoring import Quality, score_corpus
from corpora.text import Doc, Label

SCORED = ("PERSON", "STREET_ADDRESS", "GPE")


def generate(seed: int, n: int, lower_case_ratio: float) -> list[Doc]:
    """``n`` sentences of the generator as documents labelled with the scored types."""
    from presidio_evaluator.data_generator import PresidioSentenceFaker

    with contextlib.redirect_stderr(io.StringIO()), contextlib.redirect_stdout(io.StringIO()):
        faker = PresidioSentenceFaker("en_US", lower_case_ratio=lower_case_ratio, random_seed=seed)
        samples = faker.generate_new_fake_sentences(n)
    docs = []
    for s in samples:
        labels = [
            Label(sp.start_position, sp.end_position, sp.entity_type)
            for sp in s.spans
            if sp.entity_type in SCORED
        ]
        docs.append(Doc(s.full_text, "sentence", labels, []))
    return docs


def run(path: str, docs: Sequence[Doc]) -> Quality:
    runner = make_runner(path)
    spans, outputs, _errors = runner([d.text for d in docs])
    return score_corpus(docs, spans, outputs)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", default="3,17")
    ap.add_argument("--n", type=int, default=600)
    ap.add_argument("--lower", default="0,0.1", help="lower_case_ratio values")
    ap.add_argument("--paths", default="redactkit,presidio")
    ap.add_argument("--show-leaks", type=int, default=0, help="print this many leaks per type")
    args = ap.parse_args(argv)
    paths = args.paths.split(",")
    print("| seed | lower | type | n | " + " | ".join(paths) + " |")
    print("|---|---|---|---|" + "---|" * len(paths))
    for lower in map(float, args.lower.split(",")):
        for seed in map(int, args.seeds.split(",")):
            docs = generate(seed, args.n, lower)
            results = {p: run(p, docs) for p in paths}
            for t in SCORED:
                n = results[paths[0]].by_type[t].total
                cells = " | ".join(f"{results[p].by_type[t].leak_rate:.1%}" for p in paths)
                print(f"| {seed} | {lower} | {t} leak | {n} | {cells} |")
            cells = " | ".join(f"{results[p].other_masked_rate:.2%}" for p in paths)
            print(f"| {seed} | {lower} | other masked | | {cells} |", flush=True)
            if args.show_leaks:
                q = results[paths[0]]
                for t in SCORED:
                    for o in q.leaks(t)[: args.show_leaks]:
                        d = docs[o.doc_index]
                        v = d.text[o.label.start : o.label.end]
                        print(f"  LEAK {t}: {v!r} in {d.text!r}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
