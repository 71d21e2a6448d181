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
# A run of digits, confusable letters and the separators numbers are written with, starting
# at a word boundary (the "ll" of "call" does not start a run).
_RUN = re.compile(
    r"(?<![A-Za-z0-9])[0-9"
    + re.escape(_CONFUSABLE)
    + r"][0-9"
    + re.escape(_CONFUSABLE)
    + r" ().+\-/]{4,}"
)


def _digit_dominated(run: str) -> bool:
    digits = sum(c.isdigit() for c in run)
    letters = sum(c in _CONFUSABLE for c in run)
    # At least six real digits and at most one confusable letter in four: "4111 1lll 1111 1111"
    # qualifies, an ordinary word never does.
    return digits >= 6 and letters * 3 <= digits and letters > 0


_TOKEN = re.compile(r"[0-9A-Za-z|]+")
_DIGITISH = frozenset("0123456789" + _CONFUSABLE)


def _fix_token(token: re.Match[str]) -> str:
    """Confusables to digits in one token of a digit run, if the token holds a digit at all.

    All-letter tokens stay (the bank code ``VBVB`` of a UK IBAN), and so does a two-letter
    country prefix followed by digits (``ES83``, ``NLO6`` -> ``NL06``): mapping its ``S`` to
    ``5`` would break the IBAN the normalisation is there to save.
    """
    tok = token.group()
    if not any(c.isdigit() for c in tok):
        return tok
    head = ""
    if (
        len(tok) >= 4
        and tok[:2].isalpha()
        and tok[:2].isupper()
        and all(c in _DIGITISH for c in tok[2:4])
    ):
        head, tok = tok[:2], tok[2:]
    return head + tok.translate(_TO_DIGIT)


def normalize_confusions(text: str) -> str:
    """Map confusable letters to digits inside digit-dominated runs; same length as ``text``."""
    if not any(c in _CONFUSABLE for c in text):
        return text
    parts: list[str] = []
    last = 0
    for m in _RUN.finditer(text):
        if not _digit_dominated(m.group()):
            continue
        start = m.start()
        while (
            start > last and text[start - 1].isalnum()
        ):  # the whole first token: "ES83", not "S83"
            start -= 1
        parts.append(text[last:start])
        parts.append(_TOKEN.sub(_fix_token, text[start : m.end()]))
        last = m.end()
    if not parts:
        return text
    parts.append(text[last:])
    out = "".join(parts)
    assert len(out) == len(text)
    return out
