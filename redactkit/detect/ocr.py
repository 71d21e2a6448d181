"""Tolerance for OCR confusions in text that came from a screenshot.

Tesseract reads ``0`` as ``O``, ``1`` as ``l`` or ``I``, ``5`` as ``S``, ``8`` as ``B``. A card
number with one such misread no longer passes Luhn, a phone number no longer parses, and the
value leaks. Inside *digit-dominated* runs we map the confusable letters back to digits before
detection. The map is one character to one character, so offsets into the normalised text are
offsets into the OCR text: findings need no translation.
"""

from __future__ import annotations

import re

from presidio_analyzer.predefined_recognizers.generic.iban_patterns import regex_per_country

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


#: Countries that issue IBANs: their two letters open one, followed by two check digits.
IBAN_COUNTRIES = frozenset(regex_per_country)
# A country code and two check characters, then a group of four: an IBAN's head, whose check
# digits OCR reads as letters ("NLO7", "DES2") out of reach of the digit runs below (the
# letters before them make the run start mid-word).
_IBAN_HEAD = re.compile(
    r"(?<![A-Za-z0-9])(?P<cc>[A-Z]{2})(?P<ck>[0-9"
    + re.escape(_CONFUSABLE)
    + r"]{2})(?=[ \-]?[A-Z0-9\]\[|)]{3,4}[ \-]?[A-Z0-9\]\[|)]{4})"
)


def _fix_iban_heads(text: str) -> str:
    def fix(m: re.Match[str]) -> str:
        if m.group("cc") not in IBAN_COUNTRIES:
            return m.group()
        return m.group("cc") + m.group("ck").translate(_TO_DIGIT)

    return _IBAN_HEAD.sub(fix, text)


def normalize_confusions(text: str) -> str:
    """Map confusable letters to digits inside digit-dominated runs and in the check digits
    of IBAN heads; same length as ``text``."""
    if not any(c in _CONFUSABLE for c in text):
        return text
    return _fix_iban_heads(_fix_runs(text))


def _fix_runs(text: str) -> str:
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
