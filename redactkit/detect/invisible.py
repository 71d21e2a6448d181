"""Invisible characters inserted to dodge detection.

``jane\u200b.doe@acme.io`` shows as an e-mail address but matches no e-mail pattern. Detection
runs on the text with format characters (zero-width spaces and joiners, word joiners, soft
hyphens, byte-order marks, bidirectional controls) removed; findings are mapped back to the
original text, where the span covers the invisible characters too.
"""

from __future__ import annotations

import re

_INVISIBLE = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
    "\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0]"
)


def is_visible(text: str) -> bool:
    """True when ``text`` holds no invisible character (the common case, checked in C)."""
    return _INVISIBLE.search(text) is None


def strip_invisible(text: str) -> tuple[str, list[int] | None]:
    """(visible text, map from its offsets to offsets in ``text``), or (text, None) if clean.

    The map has one entry more than the visible text, so an end offset maps too.
    """
    if not _INVISIBLE.search(text):
        return text, None
    keep = [i for i, c in enumerate(text) if not _INVISIBLE.match(c)]
    keep.append(len(text))
    return _INVISIBLE.sub("", text), keep


def map_span(start: int, end: int, back: list[int]) -> tuple[int, int]:
    """A span of the visible text as a span of the original (covering invisibles inside it)."""
    if end <= start:
        return back[start], back[start]
    return back[start], back[end - 1] + 1
