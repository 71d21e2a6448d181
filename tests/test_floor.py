"""The recall floor: what Presidio's stock recognizers find for a core type is in redactkit's
output, or the decision names the evidence that dropped it. Texts written for this test."""

from __future__ import annotations

import pytest
from presidio_analyzer.predefined_recognizers import (
    CreditCardRecognizer,
    IbanRecognizer,
    IpRecognizer,
    PhoneRecognizer,
    SpacyRecognizer,
)

from redactkit import TextRedactor
from redactkit.detect.decision import NEVER_DROPPED, VETOES, decide, explain, veto
from redactkit.detect.engine import get_engine
from redactkit.detect.recognizers import OfflineEmailRecognizer

SAMPLE = [
    "Ring Margarethe Oyelaran on (415) 555-0132 or +44 20 7946 0958 before Friday.",
    "Card on file: 3530 1113 3330 0000, backup 6011 0009 9013 9424; IBAN GB82 WEST 1234 5698 7654 32.",
    "Server 203.0.113.45 rejected mail from quentin.baptiste@example.org at 10:42.",
    "Build 2021-11-23 04:28:48 on 127.0.0.1, ticket INV-2024-15573, ping 8.8.8.8 again.",
    "Dear Mr. Tobiah Kowalczyk,\nyour order ships to Lisbon. Call 212-555-0199 if needed.",
    "Invoice 4111 1111 1111 1111 paid by Ngozi Adeyemi-Hart, cell 020 7123 4567.",
    "logs:\nLOG_LEVEL=info user=svc-backup host 192.0.2.10 port 8443",
    "Sione Tuilagi  9:15am\nwe moved the dashboards from Grafana to Datadog, ask Kestrel Analytics.",
]
STOCK = [
    CreditCardRecognizer(),
    IbanRecognizer(),
    IpRecognizer(),
    OfflineEmailRecognizer(),
    PhoneRecognizer(),
    SpacyRecognizer(),
]
CORE = ["PERSON", "CREDIT_CARD", "PHONE_NUMBER", "EMAIL_ADDRESS", "IBAN_CODE", "IP_ADDRESS"]


@pytest.mark.parametrize("text", SAMPLE)
def test_every_stock_core_finding_is_masked_or_dropped_with_a_reason(text: str) -> None:
    artifacts = get_engine().nlp_engine.process_text(text, "en")
    findings = TextRedactor().analyze(text)
    covered = [(f.start, f.end) for f in findings]
    for rec in STOCK:
        types = [e for e in CORE if e in rec.supported_entities]
        for r in rec.analyze(text, types, artifacts):
            if r.entity_type not in CORE:
                continue
            value = text[r.start : r.end]
            inside = all(
                any(s <= i < e for s, e in covered)
                for i in range(r.start, r.end)
                if text[i].isalnum()
            )
            pieces = [p for p in value.split("\n") if p.strip()]
            reason = explain(text, r.start, r.end, r.entity_type) or (
                len(pieces) > 1 and "split at a line break"
            )
            assert inside or reason, f"{r.entity_type} {value!r} lost without a reason"


def test_stock_findings_with_benign_shapes_are_dropped_by_name() -> None:
    text = "at 127.0.0.1 build 2021-11-23 04:28:48 INV-2024-15573"
    assert veto(text, 3, 12, "IP_ADDRESS") == "loopback or unspecified address"
    assert veto(text, 19, 32, "PHONE_NUMBER") == "date or time"
    assert veto(text, 43, 53, "PHONE_NUMBER") == "identifier number"


def test_nothing_drops_a_validated_or_labelled_value() -> None:
    assert not any(NEVER_DROPPED & types for types in VETOES.values())
    text = "Phone: 2021-11-23 04"
    assert veto(text, 7, 20, "PHONE_NUMBER") == "date or time"
    assert decide(text, [("PHONE_NUMBER", 7, 20)], labelled=[(7, 20)]) == [("PHONE_NUMBER", 7, 20)]


def test_a_name_takes_in_a_middle_initial_without_its_dot() -> None:
    from redactkit.detect.ner import whole_name

    text = "Name: Odile K Berthelot-Vučković\\nRole: admin"
    start, end = whole_name(text, 6, 11)
    assert text[start:end] == "Odile K Berthelot-Vučković"


def test_a_name_the_model_tags_as_an_organisation_keeps_its_middle_initial() -> None:
    from redactkit.detect.ner import _looks_like_name

    assert _looks_like_name("Ottilie R Brennan-Mace")
    assert _looks_like_name("Ottilie R. Brennan")
    assert not _looks_like_name("Acme R Holdings")
    assert not _looks_like_name("R Brennan")


@pytest.mark.parametrize(
    "text, span, reason",
    [
        ("request_id=0f8e2a41-77eb-4298-bc44-affab98e392f", (11, 22), "hash or UUID"),
        ("commit 9c41f0e2771234567890abd", (13, 23), "hash or UUID"),
        ("running v10.0.19045.2965 now", (9, 24), "version"),
        ("ticket CVE-2024-3094-1188", (11, 25), "identifier number"),
        ("card 4111 1111 1111 1111", (5, 24), "card number"),
    ],
)
def test_benign_shapes_around_a_phone_candidate(
    text: str, span: tuple[int, int], reason: str
) -> None:
    assert veto(text, *span, "PHONE_NUMBER") == reason


@pytest.mark.parametrize(
    "text, span",
    [
        ("call 212-555-0199 now", (5, 17)),
        ("ref ab-212 555 0199", (11, 19)),
        ("tel 0612345678", (4, 14)),
    ],
)
def test_a_phone_with_no_benign_shape_is_kept(text: str, span: tuple[int, int]) -> None:
    assert veto(text, *span, "PHONE_NUMBER") is None


@pytest.mark.parametrize(
    "text, place, whole",
    [
        ("ship to Portugal 4450-123", "Portugal", "Portugal"),  # a dashed code is not taken whole
        ("Norway 0150\\nOslo", "Norway", "Norway 0150"),
        ("12 Rosemont Avenue", "Rosemont Avenue", "12 Rosemont Avenue"),
        ("Lyon, 69002", "Lyon", "Lyon, 69002"),
        ("Lyon in 2026", "Lyon", "Lyon"),
        ("Lyon 2026 edition", "Lyon", "Lyon"),
    ],
)
def test_a_place_takes_in_its_postcode_and_house_number(text: str, place: str, whole: str) -> None:
    from redactkit.detect.ner import whole_place

    start = text.index(place)
    a, b = whole_place(text, start, start + len(place))
    assert text[a:b] == whole


def test_recognizers_are_asked_in_registration_order() -> None:
    """Presidio gathers a request's recognizers in a set; which of two equal results (same
    span, type and score from two recognizers) survives its de-duplication followed that
    order, so the same text could come out differently from one process to the next. The
    registry answers in registration order, every time."""
    from redactkit.detect.engine import get_engine

    engine = get_engine()
    registry = engine.analyzer.registry
    ad_hoc = [engine.credentials[False]]
    entities = sorted(engine.supported_entities & engine.registry_entities)
    got = registry.get_recognizers("en", entities, ad_hoc_recognizers=ad_hoc)
    order = [*registry.recognizers, *ad_hoc]
    assert [order.index(r) for r in got] == sorted(order.index(r) for r in got)
    assert len(got) > 10
    # the memoised answer keeps the order too
    again = registry.get_recognizers("en", entities, ad_hoc_recognizers=ad_hoc)
    assert [id(r) for r in again] == [id(r) for r in got]
