"""A value found once on a frame is masked wherever OCR reads it again, however badly.

A screen repeats what matters: a name in a list and in the open message, a typed line and the
terminal's echo of it, a card in a form and in its confirmation. OCR reads each copy on its
own, and a copy next to a cursor, a border or a highlight comes out with a glyph or two wrong
(``4916 8305 2217 3645`` above ``he 8305 2217 3645``): a pattern no longer matches it, and a
name model no longer sees a name. Each value the frame's analysis found (full names, cards,
phones, e-mails, IBANs, national ids of eight folded characters or more) is looked for among
the frame's words with the title's OCR-tolerant matcher
(:func:`redactkit.screens.title.matches`), a full name also by its surname and its long words
alone (as the text engine masks them within one text), allowing one edit in four for long
values (a name's run starts with a capital, an e-mail's holds its ``@``); every other run of
words that spells one becomes a finding of its type
(``detector="frame-repeat"``), masked like any other.
"""

from __future__ import annotations

from collections.abc import Iterable

from redactkit.findings import Finding
from redactkit.screens.layout import Layout, locate, words_touched
from redactkit.screens.title import WordIndex, compact, matches, name_pieces, tolerance

DETECTOR = "frame-repeat"
SCORE = 0.6
#: Types whose values are looked for again (worded ones only as full names).
REPEATED = frozenset(
    {"PERSON", "CREDIT_CARD", "PHONE_NUMBER", "EMAIL_ADDRESS", "IBAN_CODE", "US_SSN", "UK_NINO"}
)
#: Shorter values have too many near neighbours among ordinary words and numbers.
MIN_LENGTH = 8
#: Values looked for per frame (a table of a hundred customers is already masked row by row).
MAX_VALUES = 32


def repeat_tolerance(length: int) -> int:
    """Edits allowed for a value already found on the frame: one in four from 12 characters
    (a misread group of a card), else as for a title's parts."""
    return length // 4 if length >= 12 else tolerance(length)


def repeat_findings(
    layout: Layout,
    findings: Iterable[Finding],
    *,
    pad: int | None = None,
    size: tuple[int, int] | None = None,
) -> list[Finding]:
    """Findings with pixel boxes for every other reading, in ``layout``, of a value that
    ``findings`` (offsets into ``layout.text``) found in it."""
    values: list[tuple[str, str]] = []
    covered: set[int] = set()
    for f in findings:
        covered.update(words_touched(layout, f.start, f.end))
        values.append((f.entity_type, layout.text[f.start : f.end]))
    return find_repeats(layout, values, covered, pad=pad, size=size)


def find_repeats(
    layout: Layout,
    values: Iterable[tuple[str, str]],
    covered: set[int],
    *,
    pad: int | None = None,
    size: tuple[int, int] | None = None,
) -> list[Finding]:
    """Findings with pixel boxes for the readings in ``layout`` of ``values`` (entity type,
    text) that do not lie wholly on ``covered`` words (indices: those already masked)."""
    wanted: dict[str, str] = {}
    for etype, text in values:
        if etype not in REPEATED or len(wanted) >= MAX_VALUES:
            continue
        if "\n" in text:
            continue  # a span across OCR lines (cells of other columns): no one value
        if etype == "PERSON":  # a full name, and its surname or long words alone
            if 2 <= len(text.split()) <= 5 and not any(c.isdigit() for c in text):
                for piece in (text, *name_pieces(text)):
                    wanted.setdefault(piece, etype)
            continue
        if len(compact(text)[0]) >= MIN_LENGTH:
            wanted.setdefault(text, etype)
    if not wanted:
        return []
    index = WordIndex.of(layout)
    out = []
    for text, etype in wanted.items():
        tol = repeat_tolerance(len(compact(text)[0]))
        for first, stop in matches(index, text, tol, capital=etype == "PERSON"):
            if all(i in covered for i in range(first, stop)):
                continue
            if etype == "EMAIL_ADDRESS" and not any(
                "@" in layout.words[i].text for i in range(first, stop)
            ):
                continue  # "ops@example.com" is no "api.example.com" of a URL
            start, end = layout.starts[first], layout.ends[stop - 1]
            out.append(Finding(etype, start, end, SCORE, DETECTOR))
    return locate(layout, out, pad=pad, size=size)
