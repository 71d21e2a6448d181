"""Contact blocks: the lines above a postal address or a phone line name the person they belong to.

A signature, a letterhead or a shipping label stacks its lines: a person, a title or a
company, a street line, a town, phones. The model reads a lone line of two unknown words
("Bibulat Sultygov", "Ezinet Umkhayev") as nothing in particular; its place in a block above
an address or a phone number says it is the person the address belongs to. A line there is
taken as a name when it is shaped like one: two to four capitalised words or initials (a
title before them allowed), no digits, no organisation, calendar or interface word. Lines of
the block are those up to four lines above the address or phone, a blank line included, and
their list or quote marks (``}}``, ``???``, ``>``) are not part of the line. A country alone
on its line ends a block too (a name, a town, a country): above it, as above a phone, a line
needs a word the lexicon knows as a name.

Runs on the findings of every detector of one text, like the other document-level steps.
"""

from __future__ import annotations

import bisect

import regex

from redactkit.detect.lexicon import codes, common, strength
from redactkit.detect.name_judge import NOT_NAMES as _NOT_NAMES
from redactkit.detect.words import COUNTRIES, NOT_NAME_WORDS
from redactkit.findings import Finding, merge_spans

_LINE_BREAK = regex.compile(r"\r?\n|\\n")
_MARKS = regex.compile(r"[ \t]*+(?:\}\}|\?\?\?|[>|*\-•])?[ \t]*+")
_NAME_LINE = regex.compile(
    r"(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof)\.?[ ]+)?"
    r"(?P<v>\p{Lu}[\p{Ll}'’\-]+(?:[ ]+(?:\p{Lu}\.?|\p{Lu}[\p{Ll}'’\-]+|(?:van|von|de|da|del|der|den|di|la|le|bin|al)(?=[ ]))){1,3})"
    r"[ \t]*+,?$"
)
_ANCHORS = frozenset({"LOCATION", "PHONE_NUMBER"})
_COUNTRY_LINE = regex.compile(
    r"(?:^|(?<=\n|\\n))[ \t]*+(?P<c>"
    + "|".join(regex.escape(c) for c in sorted(COUNTRIES, key=len, reverse=True))
    + r")[ \t]*+(?=\r?$|\\n)",
    regex.MULTILINE,
)
_LINES_ABOVE = 4


def _lines(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for m in _LINE_BREAK.finditer(text):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(text)))
    return out


def block_names(text: str, findings: list[Finding]) -> list[Finding]:
    """``findings`` and a PERSON finding for each name-shaped line above an address or phone
    line of the same block."""
    if not _LINE_BREAK.search(text):
        return findings
    anchors = [
        f
        for f in findings
        if f.entity_type in _ANCHORS or any(c.isdigit() for c in text[f.start : f.end])
    ]
    # A country alone on its line ends a postal block ("Crisólogo López\n\nHellissandur\nIceland")
    anchors += [
        Finding("LOCATION", m.start("c"), m.end("c"), 0.0, "country-line")
        for m in _COUNTRY_LINE.finditer(text)
    ]
    if not anchors:
        return findings
    lines = _lines(text)
    starts = [s for s, _ in lines]
    extra: list[Finding] = []
    done: set[int] = set()
    for f in anchors:
        at = bisect.bisect_right(starts, f.start) - 1
        for i in range(at - 1, max(-1, at - 1 - _LINES_ABOVE), -1):
            if i in done:
                continue
            lo, hi = lines[i]
            lo = _MARKS.match(text, lo, hi).end()
            m = _NAME_LINE.fullmatch(text, lo, hi)
            if m is None or any(g.start < hi and lo < g.end for g in findings):
                continue
            words = [w.casefold().strip(".") for w in m.group("v").split() if len(w.strip(".")) > 1]
            if any(w in NOT_NAME_WORDS or w in _NOT_NAMES for w in words):
                continue
            if not _numbered(text, f) and not _has_name(m.group("v")):
                continue  # above a phone alone, a line needs a word the lexicon knows as a name
            done.add(i)
            extra.append(Finding("PERSON", m.start("v"), m.end("v"), 0.5, "name-block"))
    return merge_spans([*findings, *extra]) if extra else findings


def _numbered(text: str, f: Finding) -> bool:
    """A street line, a postcode: an address finding holds digits (a phone's are its own)."""
    return f.entity_type != "PHONE_NUMBER" and any(c.isdigit() for c in text[f.start : f.end])


def _has_name(line: str) -> bool:
    words = [w for w in line.split() if len(w) > 2]
    found = codes(words) if words else []
    return any(strength(c) >= 1 and not common(c) for c in found)
