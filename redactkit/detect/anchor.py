"""The anchor: Presidio's stock recognizers for the core types, run on the same text with the
same NLP artifacts (NER runs once), as candidates that only ``decision`` may drop. For
e-mail, IBAN, IP addresses and phone numbers the anchor is the only detector (no second copy of
the same work in the registry).

This is the recall floor. redactkit's own recognizers repair and extend Presidio's; what the
stock ones find for a core type stays in the output unless a named piece of evidence says the
span is something benign. Stand-ins, each a superset of the stock behaviour:

* e-mail: Presidio's recognizer, validated against tldextract's bundled suffix list instead of
  one downloaded at run time;
* IP addresses: Presidio's recognizer over the runs of text that can hold one (its results
  unchanged, ``compact``);
* IBAN: Presidio's recognizer (its results unchanged), plus IBANs it loses when digits follow
  them (``TrimmingIbanRecognizer``);
* phone: the same phonenumbers matcher over candidate digit runs (``phones``), not eight
  passes of the whole text.

spaCy's spans are cut at line breaks (the model reads a newline as a space and runs a cell into
the next line's); each line's piece is a candidate of its own.
"""

from __future__ import annotations

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from presidio_analyzer.predefined_recognizers import (
    CreditCardRecognizer,
    SpacyRecognizer,
)

from redactkit.detect.decision import keep
from redactkit.detect.ner import line_segments
from redactkit.detect.phones import FastPhoneRecognizer
from redactkit.detect.recognizers import (
    OfflineEmailRecognizer,
    RunsIpRecognizer,
    TrimmingIbanRecognizer,
)
from redactkit.detect.results import make_result

#: The core types the anchor covers (national ids are stock recognizers of the registry itself).
ANCHOR_ENTITIES = frozenset(
    {
        "PERSON",
        "LOCATION",
        "CREDIT_CARD",
        "PHONE_NUMBER",
        "EMAIL_ADDRESS",
        "IBAN_CODE",
        "IP_ADDRESS",
    }
)


def anchor_recognizers() -> list[EntityRecognizer]:
    """Presidio's stock recognizers for the core types (the two stand-ins above)."""
    return [
        CreditCardRecognizer(),
        TrimmingIbanRecognizer(),
        RunsIpRecognizer(),
        OfflineEmailRecognizer(),
        FastPhoneRecognizer(),
        SpacyRecognizer(),
    ]


def anchor_results(
    recognizers: list[EntityRecognizer],
    text: str,
    entities: list[str],
    nlp_artifacts: NlpArtifacts,
    labelled: list[tuple[int, int]],
) -> list[RecognizerResult]:
    """What the stock recognizers find in ``text`` and the decision keeps."""
    wanted = [e for e in entities if e in ANCHOR_ENTITIES]
    if not wanted:
        return []
    raw: list[RecognizerResult] = []
    for rec in recognizers:
        types = [e for e in wanted if e in rec.supported_entities]
        if types:
            raw.extend(r for r in rec.analyze(text, types, nlp_artifacts) if r.entity_type in types)
    pieces: list[RecognizerResult] = []
    for r in raw:
        segs = line_segments(text, r.start, r.end) if "\n" in text[r.start : r.end] else None
        if segs is None:
            pieces.append(r)
            continue
        name = (r.recognition_metadata or {}).get(RecognizerResult.RECOGNIZER_NAME_KEY, "anchor")
        for start, end in segs:
            pieces.append(make_result(recognizers[-1], r.entity_type, start, end, r.score, name))
    out = []
    for r in pieces:
        span = keep(text, r.entity_type, r.start, r.end, labelled)
        if span is not None:
            r.start, r.end = span
            out.append(r)
    return out
