"""Where a pattern can match, cut out of a text: the rest of the text is never searched.

Presidio's URL patterns (6,000 characters each) and its e-mail pattern try every position of a
text, and most of a text cannot hold a match. Neither pattern matches whitespace, so every match
lies inside one whitespace-delimited run; only runs with the character a match needs (a dot
before a letter, an ``@``) can hold one. Those runs, joined by line breaks, are searched instead
of the text, and the results moved back: the same matches at the same offsets (a pattern that
reads no further than its own run sees what it saw before: the run and whitespace around it).
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable

import regex
from presidio_analyzer import RecognizerResult

#: A run between whitespace, by the ``regex`` module's ``\s`` (the one Presidio's patterns use).
_RUN = regex.compile(r"\S+")


class Compact:
    """The runs of ``text`` that pass ``keep``, joined by line breaks."""

    def __init__(self, text: str, keep: Callable[[str], object]) -> None:
        runs = [(m.start(), m.end()) for m in _RUN.finditer(text) if keep(m.group())]
        self.text = "\n".join(text[a:b] for a, b in runs)
        # where each run starts in ``self.text``, and how far it moves back into ``text``
        self._starts: list[int] = []
        self._shifts: list[int] = []
        pos = 0
        for a, b in runs:
            self._starts.append(pos)
            self._shifts.append(a - pos)
            pos += b - a + 1

    def __bool__(self) -> bool:
        return bool(self._starts)

    def placed(self, results: Iterable[RecognizerResult]) -> list[RecognizerResult]:
        """``results`` found in ``self.text``, moved to the offsets of the whole text."""
        out = []
        for r in results:
            shift = self._shifts[bisect.bisect_right(self._starts, r.start) - 1]
            r.start, r.end = r.start + shift, r.end + shift
            out.append(r)
        return out
