"""No detector's own code (loops over candidates, not only its patterns) grows faster than the
text on hostile input: long runs of one character, of short motifs, of near-misses of the
shapes detectors read (digit groups, dotted and dashed numbers, name and address words).

tests/test_patterns.py bounds every pattern; this bounds what the recognizers do with the
matches. A card finder that tried every span of a run of digit groups took minutes on a run of
"0 " (``benchmarks.stress_text``); each recognizer the engine runs now gets 2 KB and 8 KB of each motif, and
four times the input may cost at most about four times the CPU time (this process's, not wall
time; linear: 4x, quadratic: 16x), within an absolute budget.
"""

from __future__ import annotations

import time

import pytest

from redactkit.detect.engine import get_engine

SIZE = 8_000
#: CPU seconds for one recognizer on SIZE characters (the slowest linear case, a run of
#: assignments each read as a possible secret, takes about 1.7 s; most take a few ms).
BUDGET = 3.0
#: Four times the input may multiply the time by this much (linear: 4, quadratic: 16; the
#: margin is for a machine busy with other work), once the time is large enough to measure.
GROWTH, MEASURABLE = 7.0, 0.2
MOTIFS = [
    "0 ", "1-", "4 ", "12 ", "9.", "1/", "+1 ", "(0) ", "0,", "00:", "4111 ", "DE89 ", "A", "Ab ",
    "aaa@", "a.", "-", "_", "\t", "\n", "x ", "Mary Ann ", "Hauptstraße ", "Apt 4 ", "St. ",
    "O'", "ghp_", "key=", "AKIA", "sk-", ": ", "\\n", "Name: ", "tel ", "== ", "::1 ",
]  # fmt: skip


def _recognizers():
    engine = get_engine()
    recs = [
        *engine.analyzer.registry.recognizers,
        *engine.anchors,
        engine.credentials[False],
        engine.credentials[True],
        *engine.ocr_only,
    ]
    return {f"{i:02d}-{r.name}": r for i, r in enumerate(recs)}


RECOGNIZERS = _recognizers()


@pytest.fixture(scope="module")
def inputs():
    engine = get_engine()
    out = []
    for motif in MOTIFS:
        texts = [(motif * (n // len(motif) + 1))[:n] for n in (SIZE // 4, SIZE)]
        out.append((motif, [(t, engine.nlp_engine.process_text(t, "en")) for t in texts]))
    return out


def _cost(rec, text: str, artifacts) -> float:
    start = time.process_time()
    rec.analyze(text, list(rec.supported_entities), artifacts)
    return time.process_time() - start


@pytest.mark.parametrize("name", sorted(RECOGNIZERS))
def test_each_recognizer_is_linear_on_hostile_runs(name: str, inputs) -> None:
    rec = RECOGNIZERS[name]
    for motif, ((part, part_art), (full, full_art)) in inputs:
        small, large = _cost(rec, part, part_art), _cost(rec, full, full_art)
        if large >= MEASURABLE and large >= GROWTH * small:  # measured again: the best of two
            small = min(small, _cost(rec, part, part_art))
            large = min(large, _cost(rec, full, full_art))
        where = (
            f"{name} on {motif!r} x N: {small:.2f} s at {len(part)}, {large:.2f} s at {len(full)}"
        )
        assert large < BUDGET, where
        assert large < MEASURABLE or large < GROWTH * small, where
