"""Escaped text read as what it stands for: a literal ``\\n``, ``\\t`` or ``\\"`` inside a JSON
string, a log line or a record is the separator it encodes.

Every rule that looks at labels, lines or table cells ("a line that starts with Phone:", "the
cell after Name") and the NER model (which reads ``Tisserand\\n`` as one token) sees the
separators only if they are real. ``escaped_view`` returns a text of the same length with each
escape replaced by a space and the character it stands for (``\\n`` -> `` \\n``), so every offset
found in the view is an offset in the original text.

A Windows path (``C:\\temp\\new``, ``src\\new\\main.py``) has the same characters: an escape is
left alone when the word around it is a path (a drive letter, or a backslash before a name
character no JSON escape uses: ``\\m`` of ``src\\main.py``; a ``\\,`` of a CSV export is no path).
"""

from __future__ import annotations

import re

_ESCAPE = re.compile(r"\\(?:\\|([ntr\"]))")
_PATH = re.compile(r"(?<![\w])[A-Za-z]:\\|\\(?![ntrubf])[\w.$~-]")
_STANDS_FOR = {"n": " \n", "t": " \t", "r": "  ", '"': ' "'}


def _word_around(text: str, i: int) -> str:
    a = max(text.rfind(" ", 0, i), text.rfind("\n", 0, i)) + 1
    b = min((k for k in (text.find(" ", i), text.find("\n", i)) if k >= 0), default=len(text))
    return text[a:b]


def escaped_view(text: str) -> str:
    """``text`` with escaped separators made real, same length (offsets hold)."""
    if "\\" not in text:
        return text
    parts: list[str] = []
    last = 0
    for m in _ESCAPE.finditer(text):
        ch = m.group(1)
        if ch is None:  # an escaped backslash: "\\\\n" is a backslash and an "n"
            continue
        if ch != '"' and _PATH.search(_word_around(text, m.start())):
            continue
        parts.append(text[last : m.start()])
        parts.append(_STANDS_FOR[ch])
        last = m.end()
    if not parts:
        return text
    parts.append(text[last:])
    return "".join(parts)
