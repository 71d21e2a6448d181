"""Leak rate and over-redaction of a redactor on a labelled corpus: pure functions.

A value counts as leaked when any of its letters or digits is left unmasked: a card number with
four digits showing, or a name with its surname showing, is a leak, because partial values are
what re-identification works from. A leak is *fully recoverable* when none of its letters or
digits was masked. Punctuation and spacing inside a value (dashes of a phone number, quotes) do
not count either way.

Over-redaction is measured on characters that are not whitespace: on decoys (look-alikes that
must survive: versions, timestamps, UUIDs, ...) and on all characters outside labelled values.

Spans are ``(start, end)`` character offsets into the original text, as a redactor's findings
report them, optionally followed by the entity type the redactor gave them (used for examples
only, never for scoring: a value masked under any type is masked).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np

from corpora.text import Doc, Label

Span = tuple[int, int] | tuple[int, int, str]


def coverage(n: int, spans: Iterable[Span]) -> np.ndarray:
    """Which of ``n`` characters lie inside any span: bool array of shape (n,).

    A difference array and one cumulative sum, so overlapping and nested spans cost nothing
    extra; spans are clipped to ``[0, n]``.
    """
    arr = np.asarray([(sp[0], sp[1]) for sp in spans], dtype=np.int64).reshape(-1, 2)
    delta = np.zeros(n + 1, dtype=np.int64)
    if len(arr):
        arr = np.clip(arr, 0, n)
        np.add.at(delta, arr[:, 0], 1)
        np.add.at(delta, arr[:, 1], -1)
    return np.cumsum(delta[:n]) > 0


def char_classes(text: str) -> tuple[np.ndarray, np.ndarray]:
    """(alphanumeric, non-whitespace) masks of ``text``: two bool arrays of shape (len(text),)."""
    if not text:
        empty = np.zeros(0, dtype=bool)
        return empty, empty
    chars = np.array(list(text), dtype="<U1")
    return np.char.isalnum(chars), ~np.char.isspace(chars)


def _prefix(mask: np.ndarray) -> np.ndarray:
    """Prefix sums with a leading zero: ``p[e] - p[s]`` counts True in ``mask[s:e]``."""
    return np.concatenate(([0], np.cumsum(mask, dtype=np.int64)))


#: The secret of a labelled URL: its random token (every generator puts one in each sensitive
#: URL), a run of 12+ letters and digits that looks random (``_secretish``). The scheme, host and path around it
#: are not personal (issue 16): they are scored as ordinary text, like any other text.
_URL_SECRET = re.compile(r"[A-Za-z0-9]{12,}")


def _secretish(run: str) -> bool:
    """A random run: a digit among letters, or 16+ letters of both cases."""
    if any(c.isdigit() for c in run) and any(c.isalpha() for c in run):
        return True
    return len(run) >= 16 and any(c.isupper() for c in run) and any(c.islower() for c in run)


def scored_labels(text: str, labels: Sequence[Label]) -> list[Label]:
    """Labels as they are scored: a URL label narrowed to its token, when it has one."""
    out = []
    for lab in labels:
        if lab.entity_type == "URL":
            runs = [
                m for m in _URL_SECRET.finditer(text, lab.start, lab.end) if _secretish(m.group())
            ]
            if runs:
                best = max(runs, key=lambda m: m.end() - m.start())
                lab = replace(lab, start=best.start(), end=best.end())
        out.append(lab)
    return out


def _counts(prefix: np.ndarray, labels: Sequence[Label]) -> np.ndarray:
    """Count per label from a prefix-sum array: int64 array of shape (len(labels),)."""
    if not labels:
        return np.zeros(0, dtype=np.int64)
    s = np.fromiter((lab.start for lab in labels), dtype=np.int64, count=len(labels))
    e = np.fromiter((lab.end for lab in labels), dtype=np.int64, count=len(labels))
    return prefix[e] - prefix[s]


@dataclass
class LabelOutcome:
    """What happened to one labelled value: ``leaked_chars`` of its ``alnum_chars`` stayed."""

    doc_index: int
    label: Label
    alnum_chars: int
    leaked_chars: int
    in_output: bool = False

    @property
    def leaked(self) -> bool:
        return self.leaked_chars > 0

    @property
    def recoverable(self) -> bool:
        return self.alnum_chars > 0 and self.leaked_chars == self.alnum_chars


@dataclass
class Tally:
    """Counts for one entity type (or decoy type, or document kind)."""

    total: int = 0
    leaked: int = 0
    recoverable: int = 0
    in_output: int = 0
    chars: int = 0
    leaked_chars: int = 0

    @property
    def leak_rate(self) -> float:
        return self.leaked / self.total if self.total else 0.0

    @property
    def recoverable_rate(self) -> float:
        return self.recoverable / self.total if self.total else 0.0

    @property
    def char_leak_rate(self) -> float:
        return self.leaked_chars / self.chars if self.chars else 0.0


@dataclass
class DecoyTally:
    """Decoys of one type: how many were touched, and what share of their characters masked."""

    total: int = 0
    damaged: int = 0
    chars: int = 0
    masked_chars: int = 0

    @property
    def damaged_rate(self) -> float:
        return self.damaged / self.total if self.total else 0.0

    @property
    def masked_rate(self) -> float:
        return self.masked_chars / self.chars if self.chars else 0.0


@dataclass
class Quality:
    """Scores of one redactor on one corpus."""

    by_type: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    by_kind: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    decoys: dict[str, DecoyTally] = field(default_factory=lambda: defaultdict(DecoyTally))
    other_chars: int = 0
    other_masked: int = 0
    outcomes: list[LabelOutcome] = field(default_factory=list)
    damaged: list[tuple[int, Label]] = field(default_factory=list)  # (doc index, decoy)
    spans: list[list[Span]] = field(default_factory=list)  # as given, per document

    @property
    def overall(self) -> Tally:
        out = Tally()
        for t in self.by_type.values():
            out.total += t.total
            out.leaked += t.leaked
            out.recoverable += t.recoverable
            out.in_output += t.in_output
            out.chars += t.chars
            out.leaked_chars += t.leaked_chars
        return out

    @property
    def decoy_overall(self) -> DecoyTally:
        out = DecoyTally()
        for t in self.decoys.values():
            out.total += t.total
            out.damaged += t.damaged
            out.chars += t.chars
            out.masked_chars += t.masked_chars
        return out

    @property
    def other_masked_rate(self) -> float:
        """Share of non-whitespace characters outside labelled values that were masked."""
        return self.other_masked / self.other_chars if self.other_chars else 0.0

    def leaks(self, entity_type: str | None = None) -> list[LabelOutcome]:
        return [
            o
            for o in self.outcomes
            if o.leaked and (entity_type is None or o.label.entity_type == entity_type)
        ]

    def to_dict(self) -> dict:
        """Plain figures for JSON (no values: leaked examples are reported separately)."""

        def tally(t: Tally) -> dict:
            return {
                "total": t.total,
                "leaked": t.leaked,
                "leak_rate": round(t.leak_rate, 4),
                "recoverable": t.recoverable,
                "recoverable_rate": round(t.recoverable_rate, 4),
                "char_leak_rate": round(t.char_leak_rate, 4),
                "verbatim_in_output": t.in_output,
            }

        def decoy(t: DecoyTally) -> dict:
            return {
                "total": t.total,
                "damaged": t.damaged,
                "damaged_rate": round(t.damaged_rate, 4),
                "masked_char_rate": round(t.masked_rate, 4),
            }

        return {
            "overall": tally(self.overall),
            "by_type": {k: tally(v) for k, v in sorted(self.by_type.items())},
            "by_kind": {k: tally(v) for k, v in sorted(self.by_kind.items())},
            "decoys_overall": decoy(self.decoy_overall),
            "decoys": {k: decoy(v) for k, v in sorted(self.decoys.items())},
            "other_masked_rate": round(self.other_masked_rate, 4),
        }


def score_doc(
    quality: Quality, index: int, doc: Doc, spans: Iterable[Span], output: str | None = None
) -> None:
    """Add one document's outcome to ``quality`` (the one accumulator ``score_corpus`` owns).

    ``output`` (the redacted text), when given, checks the operator itself: a value whose span
    was reported masked but which still appears verbatim in the output (values of at least 4
    characters) is counted in ``in_output``. The same value left elsewhere in the document also
    counts, rightly: it is in the output.
    """
    n = len(doc.text)
    spans = list(spans)
    quality.spans.append(spans)
    covered = coverage(n, spans)
    alnum, visible = char_classes(doc.text)
    alnum_p = _prefix(alnum)
    leaked_p = _prefix(alnum & ~covered)
    labels = scored_labels(doc.text, doc.labels)
    labelled = coverage(n, ((lab.start, lab.end) for lab in labels))

    totals = _counts(alnum_p, labels)
    leaked = _counts(leaked_p, labels)
    for lab, tot, lk in zip(labels, totals.tolist(), leaked.tolist(), strict=True):
        value = doc.text[lab.start : lab.end]
        o = LabelOutcome(index, lab, tot, lk)
        seen = output is not None and not o.leaked and len(value) >= 4 and value in output
        o.in_output = seen
        quality.outcomes.append(o)
        for t in (quality.by_type[lab.entity_type], quality.by_kind[doc.kind]):
            t.total += 1
            t.leaked += o.leaked
            t.recoverable += o.recoverable
            t.in_output += seen
            t.chars += tot
            t.leaked_chars += lk

    vis_p = _prefix(visible)
    masked_p = _prefix(visible & covered)
    d_chars = _counts(vis_p, doc.decoys)
    d_masked = _counts(masked_p, doc.decoys)
    for lab, ch, mk in zip(doc.decoys, d_chars.tolist(), d_masked.tolist(), strict=True):
        t = quality.decoys[lab.entity_type]
        t.total += 1
        t.damaged += mk > 0
        if mk:
            quality.damaged.append((index, lab))
        t.chars += ch
        t.masked_chars += mk

    other = visible & ~labelled
    quality.other_chars += int(other.sum())
    quality.other_masked += int((other & covered).sum())


def score_corpus(
    docs: Sequence[Doc],
    spans: Sequence[Iterable[Span]],
    outputs: Sequence[str] | None = None,
) -> Quality:
    """Score a redactor's masked spans (one iterable per document) against the labels."""
    if len(spans) != len(docs) or (outputs is not None and len(outputs) != len(docs)):
        raise ValueError("need one list of spans (and one output, if any) per document")
    quality = Quality()
    for i, doc in enumerate(docs):
        score_doc(quality, i, doc, spans[i], None if outputs is None else outputs[i])
    return quality


def replace_section(path: Path, begin: str, end: str, text: str) -> None:
    """Replace the part of ``path`` between ``begin`` and ``end`` markers with ``text`` (or
    append it), atomically, keeping every other section of the document."""
    old = path.read_text(encoding="utf-8") if path.exists() else "# Quality\n\n"
    if begin in old and end in old:
        head, rest = old.split(begin, 1)
        new = head + text.rstrip("\n") + rest.split(end, 1)[1]
    else:
        new = old.rstrip("\n") + "\n\n" + text
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(new, encoding="utf-8")
    tmp.replace(path)
