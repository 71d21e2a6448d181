"""The decision: which evidence may drop which candidate. One table, read top to bottom.

Candidates come from Presidio's stock recognizers for the core types (``anchor``: the floor),
from redactkit's own recognizers, the credential catalogue, NER and labelled fields. A candidate
of the anchor stays in the output unless a test of ``evidence`` recognises its span as
something benign, and this table allows that reason to drop that entity type. Nothing drops a
value a checksum validated (cards: Luhn; IBANs: mod 97) or a value a label named.

Every drop is counted in ``DROPS`` by reason, so a benchmark can show what the floor lost and
why (``benchmarks/public_text.py``, ``benchmarks/quality_text.py``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from redactkit.detect import evidence

#: reason -> the entity types it may drop.
VETOES: dict[str, frozenset[str]] = {
    "date or time": frozenset({"PHONE_NUMBER"}),
    "IP address": frozenset({"PHONE_NUMBER"}),
    "card number": frozenset({"PHONE_NUMBER"}),  # masked as a card by the card recognizers
    "identifier number": frozenset({"PHONE_NUMBER"}),
    "version": frozenset({"PHONE_NUMBER", "IP_ADDRESS"}),
    "hash or UUID": frozenset({"PHONE_NUMBER", "IP_ADDRESS"}),
    "loopback or unspecified address": frozenset({"IP_ADDRESS"}),
    "no word": frozenset({"PERSON", "LOCATION"}),
    "e-mail or URL": frozenset({"PERSON", "LOCATION"}),
    "interface word": frozenset({"PERSON"}),
    "code": frozenset({"PERSON", "LOCATION"}),
}

#: Validated by a checksum or a strict grammar: no shape evidence outweighs that.
NEVER_DROPPED: frozenset[str] = frozenset({"CREDIT_CARD", "IBAN_CODE", "EMAIL_ADDRESS"})

#: Anchor findings dropped since the last ``DROPS.clear()``, by reason (diagnostics only: no
#: values, no offsets).
DROPS: Counter[str] = Counter()


def veto(text: str, start: int, end: int, entity_type: str) -> str | None:
    """The reason the span ``text[start:end]`` is not ``entity_type``, or None to keep it."""
    if entity_type in NEVER_DROPPED:
        return None
    for reason, types in VETOES.items():
        if entity_type in types and evidence.TESTS[reason](text, start, end):
            return reason
    return None


def decide(
    text: str,
    candidates: Iterable[tuple[str, int, int]],
    labelled: Iterable[tuple[int, int]] = (),
) -> list[tuple[str, int, int]]:
    """The anchor candidates ``(entity_type, start, end)`` that stay; each drop counted.

    A candidate overlapping a labelled value (``labelled``: spans a label named) is kept
    whatever its shape.
    """
    named = list(labelled)
    kept = []
    for etype, start, end in candidates:
        reason = None
        if not any(s < end and start < e for s, e in named):
            reason = veto(text, start, end, etype)
        if reason is None:
            kept.append((etype, start, end))
        else:
            DROPS[reason] += 1
    return kept
