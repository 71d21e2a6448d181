"""Tolerance for OCR confusions in text that came from a screenshot.

Tesseract reads ``0`` as ``O``, ``1`` as ``l`` or ``I``, ``5`` as ``S``, ``8`` as ``B``. A card
number with one such misread no longer passes Luhn, a phone number no longer parses, and the
value leaks. Inside *digit-dominated* runs we map the confusable letters back to digits before
detection. The map is one character to one character, so offsets into the normalised text are
offsets into the OCR text: findings need no translation.
"""

from __future__ import annotations

import re

_TO_DIGIT = str.maketrans(
    {
        "O": "0",
        "o": "0",
        "D": "0",
        "Q": "0",
        "I": "1",
        "l": "1",
        "|": "1",
        "i": "1",
        "S": "5",
        "s": "5",
        "B": "8",
        "Z": "2",
        "z": "2",
        "G": "6",
        "T": "7",
        "g": "9",
        "q": "9",
        "A": "4",
    }
)
_CONFUSABLE = "OoDQIl|iSsBZzGTgqA"
# A run of digits, confusable letters and the separators numbers are written with.
_RUN = re.compile(
    r"[0-9" + re.escape(_CONFUSABLE) + r"][0-9" + re.escape(_CONFUSABLE) + r" ().+\-/]{4,}"
)


def _digit_dominated(run: str) -> bool:
    digits = sum(c.isdigit() for c in run)
    letters = sum(c in _CONFUSABLE for c in run)
    # At least six real digits and at most one confusable letter in four: "4111 1lll 1111 1111"
    # qualifies, an ordinary word never does.
    return digits >= 6 and letters * 3 <= digits and letters > 0


def normalize_confusions(text: str) -> str:
    """Map confusable letters to digits inside digit-dominated runs; same length as ``text``."""
    if not any(c in _CONFUSABLE for c in text):
        return text
    parts: list[str] = []
    last = 0
    for m in _RUN.finditer(text):
        run = m.group()
        if _digit_dominated(run):
            parts.append(text[last : m.start()])
            parts.append(run.translate(_TO_DIGIT))
            last = m.end()
    if not parts:
        return text
    parts.append(text[last:])
    out = "".join(parts)
    assert len(out) == len(text)
    return out
