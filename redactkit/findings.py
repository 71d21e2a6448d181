"""Findings: what was detected, where, and how sure we are.

A finding never holds the sensitive value unless a caller asks for it (``value``), so that
findings can be logged, reported and written to JSON without leaking what they describe.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, replace
from typing import NamedTuple


class Box(NamedTuple):
    """A pixel rectangle: left, top, width, height."""

    left: int
    top: int
    width: int
    height: int

    @property
    def right(self) -> int:
        return self.left + self.width

    @property
    def bottom(self) -> int:
        return self.top + self.height

    def pad(self, px: int, limit_w: int | None = None, limit_h: int | None = None) -> Box:
        left = max(0, self.left - px)
        top = max(0, self.top - px)
        right = self.right + px if limit_w is None else min(limit_w, self.right + px)
        bottom = self.bottom + px if limit_h is None else min(limit_h, self.bottom + px)
        return Box(left, top, max(0, right - left), max(0, bottom - top))

    def union(self, other: Box) -> Box:
        left, top = min(self.left, other.left), min(self.top, other.top)
        right, bottom = max(self.right, other.right), max(self.bottom, other.bottom)
        return Box(left, top, right - left, bottom - top)


@dataclass(frozen=True, slots=True)
class Finding:
    """One sensitive span.

    ``start``/``end`` are character offsets into the text that was analysed (for a screenshot:
    the text rebuilt from OCR). ``box`` is set for images. ``value`` is None unless the caller
    asked to keep values (``keep_values=True``): findings are safe to log by default.
    """

    entity_type: str
    start: int
    end: int
    score: float
    detector: str
    box: Box | None = None
    value: str | None = None

    def to_dict(self) -> dict:
        d = asdict(self)
        if self.box is None:
            d.pop("box")
        else:
            d["box"] = list(self.box)
        if self.value is None:
            d.pop("value")
        return d

    def without_value(self) -> Finding:
        return self if self.value is None else replace(self, value=None)


def merge_spans(findings: Iterable[Finding], gap: int = 0) -> list[Finding]:
    """Merge findings whose spans overlap (or lie within ``gap`` characters).

    Two detectors that disagree on a boundary must never leave a partial leak: the merged span
    is the union of both. The merged finding keeps the type and detector of the highest score
    (ties: the longer span), so reports stay meaningful.
    """
    items = sorted(findings, key=lambda f: (f.start, -f.end))
    out: list[Finding] = []
    for f in items:
        if out and f.start <= out[-1].end + gap:
            cur = out[-1]
            best = cur if (cur.score, cur.end - cur.start) >= (f.score, f.end - f.start) else f
            out[-1] = replace(
                best,
                start=min(cur.start, f.start),
                end=max(cur.end, f.end),
                score=max(cur.score, f.score),
                value=None,
            )
        else:
            out.append(f)
    return out


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _whole_word_occurrences(text: str, value: str) -> Iterator[tuple[int, int]]:
    """Spans of ``value`` in ``text`` not inside a longer word. ``str.find`` rather than one
    compiled alternation: compiling a fresh pattern for every text cost more than the search
    (the values differ from text to text, so no regex cache helps)."""
    i = text.find(value)
    while i != -1:
        j = i + len(value)
        if (i == 0 or not _is_word_char(text[i - 1])) and (
            j == len(text) or not _is_word_char(text[j])
        ):
            yield i, j
        i = text.find(value, i + 1)


def propagate(
    text: str,
    findings: list[Finding],
    min_len: int = 3,
    parts: Callable[[Finding, str], Iterable[str]] | None = None,
) -> list[Finding]:
    """Add a finding for every other whole-word occurrence of a detected value.

    A detector that sees "Aroha Mansour" in one sentence may miss it in the next, where the
    words around it differ; a value found once in a text is masked wherever it occurs in it.
    Occurrences inside a longer word are left ("Li" found as a name does not mask "Linux").
    ``parts(finding, value)`` names pieces of a value that are sensitive on their own (the
    surname of a full name: "Mwangi" elsewhere on the screen is the same person's).
    """
    if not findings:
        return findings
    values: dict[str, Finding] = {}
    for f in findings:
        value = text[f.start : f.end]
        pieces = [value, *parts(f, value)] if parts is not None else [value]
        for piece in pieces:
            if len(piece.strip()) >= min_len and piece not in values:
                values[piece] = f
    if not values:
        return findings
    seen = {(f.start, f.end) for f in findings}
    extra = [
        replace(f, start=i, end=j, detector=f"{f.detector}+repeat", value=None)
        for value, f in values.items()
        for i, j in _whole_word_occurrences(text, value)
        if (i, j) not in seen
    ]
    return merge_spans([*findings, *extra]) if extra else findings
