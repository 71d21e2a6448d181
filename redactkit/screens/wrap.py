"""Values wrapped onto the next line: the line's end and the next line's start read as one.

A chat message, an e-mail body or a narrow form field wraps a card number, a phone number, an
IBAN or an e-mail address where the line is full: ``... Card: 4916 8305`` / ``2217 3645
thanks``. The plain layout joins the two lines with a newline, and most detectors do not match
across one: neither half is a value. Reading order already puts the next line of the column
right after the line (:mod:`redactkit.screens.order`); this layout joins the two where the
value can continue, so every detector sees the whole value:

- a line that ends in a digit and a next line that starts with one are joined by a space
  (digit groups: cards, phones, IBANs, account numbers);
- a line ending in ``@ . - _ /`` (or a next line starting with ``@`` or ``.``) is joined
  without a space (an address or a host name broken at its punctuation).

Only wrapped lines count: the line is long (:data:`MIN_WORDS` words or more, at least
:data:`MIN_WIDTH` text heights wide) and continues in the same column at line spacing. A
column of table cells (one number per line) is not joined. As with glued layouts, only
findings that cross a junction are taken from it (:func:`~redactkit.screens.layout.glued_findings`):
the rest was seen in the plain layout.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from redactkit.screens.layout import (
    LINE_SEP,
    WORD_SEP,
    Layout,
    LayoutBuilder,
    WordLike,
    group_lines,
)
from redactkit.screens.order import next_lines

#: A wrapped line has at least this many words ...
MIN_WORDS = 2
#: ... and is at least this many text heights wide.
MIN_WIDTH = 6.0
_TOKEN_END = "@.-_/"
_TOKEN_START = "@."


def joint(a: str, b: str) -> str | None:
    """How the word ``a`` ending a line and the word ``b`` starting the next join when a
    value can run on from one to the other: a space, nothing, or None (they do not)."""
    a, b = a.strip(), b.strip()
    if not a or not b:
        return None
    if a[-1].isdigit() and b[0].isdigit():
        return WORD_SEP
    if len(a) >= 3 and ((a[-1] in _TOKEN_END and b[0].isalnum()) or b[0] in _TOKEN_START):
        return ""
    return None


def _wrapped(line: Sequence[WordLike]) -> bool:
    if len(line) < MIN_WORDS:
        return False
    heights = sorted(w.box.height for w in line)
    height = heights[len(heights) // 2]
    width = max(w.box.left + w.box.width for w in line) - min(w.box.left for w in line)
    return height > 0 and width >= MIN_WIDTH * height


def wrapped_layout(words: Iterable[WordLike]) -> Layout:
    """The layout of the lines that run on into their next line, each pair joined as
    :func:`joint` says (``junctions`` at the joins); unrelated runs apart by newlines. Empty
    when no line runs on."""
    return wrapped_of_lines(group_lines(words))


def wrapped_of_lines(lines: Sequence[Sequence[WordLike]]) -> Layout:
    """``wrapped_layout`` of lines already grouped (``group_lines``)."""
    nxt = next_lines(lines)
    joins: dict[int, str] = {}
    for i, j in enumerate(nxt):
        if j == i + 1 and _wrapped(lines[i]):
            sep = joint(lines[i][-1].text, lines[j][0].text)
            if sep is not None:
                joins[i] = sep
    out = LayoutBuilder()
    first = True
    for i, line in enumerate(lines):
        if i not in joins and i - 1 not in joins:
            continue
        if not first:
            out.sep(joins.get(i - 1, LINE_SEP), junction=i - 1 in joins)
        first = False
        for k, word in enumerate(line):
            if k:
                out.sep(WORD_SEP)
            out.word(word, i)
    return out.layout()
