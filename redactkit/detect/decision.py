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

from presidio_analyzer import RecognizerResult

from redactkit.detect import evidence
from redactkit.detect.benign import trim_noise
from redactkit.detect.name_frames import FRAMES

_NAMES = frozenset({"PERSON", "LOCATION", "NRP"})

#: reason -> the entity types it may drop.
VETOES: dict[str, frozenset[str]] = {
    "date or time": frozenset({"PHONE_NUMBER"}),
    "IP address": frozenset({"PHONE_NUMBER"}),
    "card number": frozenset({"PHONE_NUMBER"}),  # masked as a card by the card recognizers
    "identifier number": frozenset({"PHONE_NUMBER", "DATE_TIME"}),
    "version": frozenset({"PHONE_NUMBER", "IP_ADDRESS"}),
    "hash or UUID": frozenset({"PHONE_NUMBER", "IP_ADDRESS", "MEDICAL_LICENSE"}),
    "loopback or unspecified address": frozenset({"IP_ADDRESS"}),
    "no word": frozenset({"PERSON", "LOCATION"}),
    "e-mail or URL": frozenset({"PERSON", "LOCATION"}),
    "interface word": frozenset({"PERSON"}),
    "code": frozenset({"PERSON", "LOCATION"}),
    "image digest": frozenset({"URL"}),
    "public product": _NAMES | {"ORGANIZATION"},
    "organisation or product name": _NAMES,
    "dictionary word": frozenset({"PERSON", "NRP"}),
    "quantity": _NAMES,
    "event date": frozenset({"DATE_TIME"}),
}

#: Types whose spans the model pads with noise ("Sione Tuilagi  9:15am", "OPS-46617"): cut
#: back to their words first (``benign.trim_noise``); a span with nothing left is dropped as
#: "model noise", a shortened one counted as "model noise trimmed".
TRIMMED: frozenset[str] = frozenset({"PERSON", "NRP"})
#: Places keep their numbers (house numbers, postcodes: "7759 Bem rakpart 81."); a place span
#: that is noise throughout ("SUP-32915") is dropped.
NOISE_DROPPED: frozenset[str] = frozenset({"LOCATION"})

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


def explain(text: str, start: int, end: int, entity_type: str) -> str | None:
    """Why ``judge`` drops or cuts this candidate (None: it stays whole); nothing counted."""
    if entity_type in TRIMMED or entity_type in NOISE_DROPPED:
        a, b = trim_noise(text, start, end)
        if a == b:
            return "model noise"
        if (a, b) != (start, end) and entity_type in TRIMMED:
            return veto(text, a, b, entity_type) or "model noise trimmed"
    return veto(text, start, end, entity_type)


def judge(text: str, entity_type: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of a candidate that stays (cut back to its words for names), or None when
    evidence drops it; every drop and cut counted in ``DROPS``."""
    if entity_type in TRIMMED or entity_type in NOISE_DROPPED:
        a, b = trim_noise(text, start, end)
        if a == b:
            DROPS["model noise"] += 1
            return None
        if (a, b) != (start, end) and entity_type in TRIMMED:
            DROPS["model noise trimmed"] += 1
            start, end = a, b
    reason = veto(text, start, end, entity_type)
    if reason is not None:
        DROPS[reason] += 1
        return None
    return start, end


def decide(
    text: str,
    candidates: Iterable[tuple[str, int, int]],
    labelled: Iterable[tuple[int, int]] = (),
) -> list[tuple[str, int, int]]:
    """The anchor candidates ``(entity_type, start, end)`` that stay, names cut back to their
    words; each drop counted.

    A candidate overlapping a labelled value (``labelled``: spans a label named) is kept
    whatever its shape.
    """
    named = list(labelled)
    kept = []
    for etype, start, end in candidates:
        span = keep(text, etype, start, end, named)
        if span is not None:
            kept.append((etype, *span))
    return kept


def keep(
    text: str, entity_type: str, start: int, end: int, labelled: list[tuple[int, int]]
) -> tuple[int, int] | None:
    """``judge`` for a candidate that overlaps no labelled value; one that does stays whole."""
    if any(s < end and start < e for s, e in labelled):
        return start, end
    return judge(text, entity_type, start, end)


#: Detectors whose findings are guesses, judged like the anchor's: the NER model (its own
#: labels and the repaired confusions, ``spacy-org`` ...) and the bare date patterns.
GUESSES = frozenset({"ScopedSpacyRecognizer", "SpacyRecognizer", "DateRecognizer"})


_COMPANY = ("public product", "organisation or product name")
#: Pattern detectors and the only reasons that may drop what they found. Rules that take a
#: name from where it stands, not from a label naming it (a table row's cell before an
#: e-mail address, "call X", "Per X,"): the column or the verb may hold a company. The URL
#: pattern reads ``app:1.4@sha256:...`` as user info and a host; the DEA pattern of medical
#: licences (one check digit) matches inside hex ids.
LIMITED: dict[str, tuple[str, ...]] = {
    "contact-record": _COMPANY,
    "contact-verb": _COMPANY,
    "per-name": _COMPANY,
    # the name lexicon's frames: a product fills the slot of a person too ("Postgres and Redis are")
    **{f"name-{frame}": _COMPANY for frame in (*(f.name for f in FRAMES), "pair", "initialled")},
    "FileAwareUrlRecognizer": ("image digest",),
    "MedicalLicenseRecognizer": ("hash or UUID",),
}


def _detector(result: RecognizerResult) -> str:
    meta = result.recognition_metadata or {}
    return str(meta.get("redactkit_detector") or meta.get(RecognizerResult.RECOGNIZER_NAME_KEY))


def shape_kept(text: str, result: RecognizerResult) -> bool:
    """Whether a finding of a pattern detector in ``LIMITED`` stays: not when one of its
    reasons recognises the span ("Lumen Ridge Capital | x@y.io": a company's head word)."""
    for reason in LIMITED.get(_detector(result), ()):
        if result.entity_type in VETOES[reason] and evidence.TESTS[reason](
            text, result.start, result.end
        ):
            DROPS[reason] += 1
            return False
    return True


def judged(text: str, result: RecognizerResult, labelled: list[tuple[int, int]]) -> bool:
    """Whether a finding of redactkit's own recognizers stays; a guess (``GUESSES``) is judged
    by ``keep`` and cut back in place. Every other finding (labels, checksums, the catalogue,
    structure rules) stays as it is."""
    detector = _detector(result)
    if detector not in GUESSES and not detector.startswith("spacy-"):
        return True
    span = keep(text, result.entity_type, result.start, result.end, labelled)
    if span is None:
        return False
    result.start, result.end = span
    return True
