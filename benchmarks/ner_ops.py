"""Where the NER step's time goes, and what each of its economies costs in entities.

    python -m benchmarks.ner_ops [--seed 5] [--kb 200]

Rows, all on the same generated corpus (``corpora.text``), CPU seconds of this process:

- ``presidio``: the spaCy pass plain Presidio makes (the full ``en_core_web_sm`` pipeline over
  every character), the reference for the ratios;
- ``model as shipped``: only the NER component (with its own tok2vec), blis matrix products, over
  the whole text;
- ``numpy matmul``: the same on ``MatmulOps`` (numpy's OpenBLAS);
- ``numpy decoder``: the same network, decoded by ``ner_decode.GreedyNer`` instead of spaCy's
  per-token loop (its "lost" column must be 0: the same entities);
- ``view, margin M``: only the neighbourhoods of capitalised words (``ner_view``), with and
  without the function-word triggers, for several margins.

"lost" counts the model's PERSON/GPE/LOC/NORP/FAC entities of the ``numpy matmul`` row that a
row no longer finds, and how many of those have a capital letter at all (the rest are the small
model's guesses on log and key junk).
"""

from __future__ import annotations

import argparse
import importlib
import re
import sys
import time
from collections.abc import Sequence
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rich.console import Console
from rich.table import Table

from benchmarks.bench_text import build_corpus
from redactkit.detect import nlp as nlp_mod
from redactkit.detect.ner_decode import GreedyNer

WANTED = {"PERSON", "GPE", "LOC", "NORP", "FAC"}
Ents = list[set[tuple[int, int, str]]]


def _view(text: str, margin: int, triggers: bool) -> str:
    """``ner_view`` with another margin, or with every capitalised word a trigger."""
    saved = nlp_mod.NER_MARGIN, nlp_mod._triggers
    nlp_mod.NER_MARGIN = margin
    if not triggers:
        nlp_mod._triggers = lambda word, text, end: True
    try:
        return nlp_mod.ner_view(text)
    finally:
        nlp_mod.NER_MARGIN, nlp_mod._triggers = saved


def _timed(nlp, texts: Sequence[str]) -> tuple[float, Ents]:
    with nlp_mod.one_blas_thread():
        t0 = time.process_time()
        docs = list(nlp.pipe(texts, batch_size=32))
        cpu = time.process_time() - t0
    return cpu, [
        {(e.start_char, e.end_char, e.label_) for e in d.ents if e.label_ in WANTED} for d in docs
    ]


def _timed_decoder(nlp, texts: Sequence[str]) -> tuple[float, Ents]:
    decoder = GreedyNer(nlp.get_pipe("ner"))
    with nlp_mod.one_blas_thread():
        t0 = time.process_time()
        docs = [nlp.make_doc(t) for t in texts]
        found = [ents for i in range(0, len(docs), 32) for ents in decoder(docs[i : i + 32])]
        cpu = time.process_time() - t0
    return cpu, [
        {(d[s].idx, d[e - 1].idx + len(d[e - 1]), label) for s, e, label in ents if label in WANTED}
        for d, ents in zip(docs, found)
    ]


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=5)
    ap.add_argument("--kb", type=float, default=200)
    args = ap.parse_args(argv)
    texts = [d.text for d in build_corpus(args.seed, int(args.kb * 1000))]
    chars = sum(len(t) for t in texts)
    visible = sum(not c.isspace() for t in texts for c in t)

    package = importlib.import_module(nlp_mod.MODEL_PACKAGE)
    full = package.load()
    shipped = package.load(exclude=list(nlp_mod.UNUSED_COMPONENTS))
    ours = nlp_mod.load_pipeline()
    for nlp in (full, shipped, ours):  # warm-up: caches, first allocations
        list(nlp.pipe(texts[:8]))

    rows: list[tuple[str, float, float, Ents]] = []

    def run(name: str, nlp, ins: Sequence[str]) -> None:
        share = sum(not c.isspace() for t in ins for c in t) / visible
        rows.append((name, share, *_timed(nlp, ins)))

    run("presidio (full pipeline)", full, texts)
    run("model as shipped (blis)", shipped, texts)
    run("numpy matmul", ours, texts)
    rows.append(("numpy decoder (ner_decode)", 1.0, *_timed_decoder(ours, texts)))
    for triggers in (False, True):
        for margin in (32, 24, 20):
            label = "function words skipped" if triggers else "every capitalised word"
            run(
                f"view, margin {margin}, {label}",
                ours,
                [_view(t, margin, triggers) for t in texts],
            )

    reference = rows[2][3]
    presidio_cpu = rows[0][2]
    table = Table(title=f"NER step: {len(texts)} documents, {chars:,} characters, seed {args.seed}")
    for col in ("row", "text read", "CPU s", "× presidio", "entities", "lost", "lost, capitalised"):
        table.add_column(col, justify="left" if col == "row" else "right")
    for name, share, cpu, ents in rows:
        lost = [
            (t[s:e], label)
            for ref, got, t in zip(reference, ents, texts)
            for s, e, label in ref - got
        ]
        capitalised = sum(bool(re.search(r"[A-Z]", s)) for s, _ in lost)
        table.add_row(
            name,
            f"{share:.0%}",
            f"{cpu:.2f}",
            f"{presidio_cpu / cpu:.2f}",
            str(sum(len(e) for e in ents)),
            "-" if name.startswith("presidio") else str(len(lost)),
            "-" if name.startswith("presidio") else str(capitalised),
        )
    Console().print(table)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
