"""Card numbers: every issuer range and length from 12 to 19 digits, Luhn-validated, written
bare, grouped by spaces or dashed.

A run of digit groups is cut into candidate numbers on group boundaries (a card never splits a
group), the longest first, so two cards side by side, or a card followed by its expiry or CVV,
are read apart. A candidate is a card when the Luhn check holds and its prefix and length belong
to an issuer (``ISSUERS``), or, after a card label ("credit card", "card no", "card #", "cc"),
whatever its prefix: the label is the evidence the issuer table would otherwise give.
"""

from __future__ import annotations

import functools
import re

from redactkit.detect.checksums import luhn_ok
from redactkit.findings import Finding

#: issuer -> (prefix ranges as (low, high) strings of equal length, lengths).
ISSUERS: dict[str, tuple[tuple[tuple[str, str], ...], frozenset[int]]] = {
    "Visa": ((("4", "4"),), frozenset({13, 16, 19})),
    "Mastercard": ((("51", "55"), ("2221", "2720")), frozenset({16})),
    "American Express": ((("34", "34"), ("37", "37")), frozenset({15})),
    "Discover": (
        (("6011", "6011"), ("644", "649"), ("65", "65"), ("622126", "622925")),
        frozenset(range(16, 20)),
    ),
    "Diners Club": (
        (("300", "305"), ("3095", "3095"), ("36", "36"), ("38", "39")),
        frozenset(range(14, 20)),
    ),
    "JCB": ((("3528", "3589"),), frozenset(range(15, 20))),
    "JCB (old)": ((("2131", "2131"), ("1800", "1800")), frozenset({15})),
    "UnionPay": ((("62", "62"), ("81", "81")), frozenset(range(16, 20))),
    "Maestro": (
        (("50", "50"), ("56", "58"), ("639", "639"), ("67", "67"), ("6", "6")),
        frozenset(range(12, 20)),
    ),
    "Mir": ((("2200", "2204"),), frozenset(range(16, 20))),
    "RuPay": (
        (("60", "60"), ("65", "65"), ("508", "508"), ("353", "353"), ("356", "356")),
        frozenset({16}),
    ),  # fmt: skip
    "Troy": ((("9792", "9792"),), frozenset({16})),
    "Verve": ((("506099", "506198"), ("650002", "650027")), frozenset({16, 18, 19})),
    "UATP": ((("1", "1"),), frozenset({15})),
}

#: Maximal runs of digit groups joined by one space or dash, not inside a word or a decimal.
_RUN = re.compile(r"(?<![\w.,/:-])\d+(?:[ -]\d+)*(?![\w]|[.,]\d)")
_GROUP = re.compile(r"\d+")
#: A card label within a few characters before the number.
_LABEL = re.compile(
    r"(?:credit[ \t]*card|debit[ \t]*card|card|cc|kreditkarte|karte|carte|tarjeta|visa"
    r"|mastercard|amex)(?:[ \t]*(?:number|num|no|nr|#))?\.?[ \t]*[:#=]?[ \t]*(?:is[ \t]+)?$",
    re.IGNORECASE,
)
CARD_SCORE = 0.8
#: Card numbers have 12 to 19 digits (ISO/IEC 7812).
MIN_DIGITS, MAX_DIGITS = 12, 19
LABELLED_CARD_SCORE = 0.9


def issuer(digits: str) -> str | None:
    """The issuer whose range and lengths take ``digits``, or None."""
    for name, (ranges, lengths) in ISSUERS.items():
        if len(digits) in lengths and any(lo <= digits[: len(lo)] <= hi for lo, hi in ranges):
            return name
    return None


@functools.lru_cache(maxsize=4096)
def issuer_lengths(prefix: str) -> frozenset[int]:
    """The lengths some issuer gives numbers that start with ``prefix`` (their first six
    digits: every range in ``ISSUERS`` is at most six long), so a run is read once, not
    once per candidate length."""
    return frozenset(
        n
        for ranges, lengths in ISSUERS.values()
        if any(lo <= prefix[: len(lo)] <= hi for lo, hi in ranges)
        for n in lengths
    )


def find_cards(text: str) -> list[Finding]:
    """Luhn-valid card numbers of a known issuer, or of any issuer after a card label."""
    out: list[Finding] = []
    for run in _RUN.finditer(text):
        groups = [
            (m.start() + run.start(), m.end() + run.start()) for m in _GROUP.finditer(run.group())
        ]
        # digits before each group: a candidate's length without joining it (a run of
        # thousands of one-digit groups is read in linear time, not cubic)
        before = [0]
        for a, b in groups:
            before.append(before[-1] + b - a)
        i = 0
        while i < len(groups):
            found = None
            start = groups[i][0]
            labelled = bool(_LABEL.search(text[max(0, start - 30) : start]))
            last = min(len(groups), i + MAX_DIGITS)
            digits = "".join(text[a:b] for a, b in groups[i:last])
            lengths = issuer_lengths(digits[:6])
            for j in range(last, i, -1):  # longest first
                n = before[j] - before[i]
                if MIN_DIGITS <= n <= MAX_DIGITS and (labelled or n in lengths):
                    if luhn_ok(digits[:n]):
                        score = LABELLED_CARD_SCORE if labelled else CARD_SCORE
                        end = groups[j - 1][1]
                        found = (j, Finding("CREDIT_CARD", start, end, score, "card"))
                        break
            if found:
                i = found[0]
                out.append(found[1])
            else:
                i += 1
    return out
