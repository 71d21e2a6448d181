"""The labelled text corpus: exact spans, valid values, decoys apart from labels, every kind.

Values are checked with Presidio's own validators and libphonenumber rather than the generator's
code, so a value that a real detector would reject cannot pass here.
"""

from __future__ import annotations

import base64
import json
import random
import re
import zlib

import phonenumbers
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from presidio_analyzer.predefined_recognizers import (
    CreditCardRecognizer,
    CryptoRecognizer,
    IbanRecognizer,
    MedicalLicenseRecognizer,
    UsSsnRecognizer,
)

from corpora.text import KINDS, Doc, generate_corpus, generate_doc

_B62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


def _ghp_ok(token: str) -> bool:
    body, check = token[4:34], token[34:]
    crc, digits = zlib.crc32(body.encode()), ""
    for _ in range(6):
        crc, r = divmod(crc, 62)
        digits = _B62[r] + digits
    return token.startswith("ghp_") and len(token) == 40 and check == digits


def _phone_ok(value: str) -> bool:
    """Valid in at least one region the generator writes national numbers for."""
    for region in ("US", "GB", "DE", "FR", "IN", None):
        try:
            if phonenumbers.is_valid_number(phonenumbers.parse(value, region)):
                return True
        except phonenumbers.NumberParseException:
            continue
    return False


def _jwt_ok(token: str) -> bool:
    head = token.split(".")[0]
    header = json.loads(base64.urlsafe_b64decode(head + "=" * (-len(head) % 4)))
    return token.count(".") == 2 and isinstance(header.get("alg"), str)


def _pem_body_ok(body: str) -> bool:
    lines = [x.strip() for x in body.splitlines()]
    return len(lines) > 3 and len(base64.b64decode("".join(lines), validate=True)) > 200


VALID = {
    "JWT": _jwt_ok,
    "PRIVATE_KEY": _pem_body_ok,
    "CREDIT_CARD": CreditCardRecognizer().validate_result,
    "IBAN_CODE": IbanRecognizer().validate_result,
    "CRYPTO": CryptoRecognizer().validate_result,
    "MEDICAL_LICENSE": MedicalLicenseRecognizer().validate_result,
    "US_SSN": lambda s: not UsSsnRecognizer().invalidate_result(s),
    "PHONE_NUMBER": _phone_ok,
    "GITHUB_TOKEN": _ghp_ok,
    "AWS_ACCESS_KEY": lambda s: re.fullmatch(r"AKIA[A-Z2-7]{16}", s) is not None,
    "EMAIL_ADDRESS": lambda s: re.fullmatch(r"[a-z0-9._]+@[a-z0-9.-]+\.[a-z]{2,}", s) is not None,
    "IP_ADDRESS": lambda s: re.fullmatch(r"[0-9.]+|[0-9a-f:]+", s) is not None,
    "URL": lambda s: s.startswith("https://") and " " not in s,
}


def _check_doc(doc: Doc) -> None:
    text = doc.text
    spans = sorted((lab.start, lab.end) for lab in doc.labels)
    for (_, e1), (s2, _) in zip(spans, spans[1:]):
        assert e1 <= s2, "labels overlap"
    for lab in doc.labels + doc.decoys:
        value = text[lab.start : lab.end]
        assert 0 <= lab.start < lab.end <= len(text)
        assert value == value.strip(), f"{lab.entity_type} span has spaces at an end: {value!r}"
        # exact: the span is the whole token, not part of a longer word or number
        assert lab.start == 0 or not text[lab.start - 1].isalnum(), (lab.entity_type, value)
        assert lab.end == len(text) or not text[lab.end].isalnum(), (lab.entity_type, value)
    for lab in doc.labels:
        assert not lab.entity_type.startswith("DECOY_")
        value = text[lab.start : lab.end]
        check = VALID.get(lab.entity_type)
        assert check is None or check(value), f"invalid {lab.entity_type}: {value!r}"
    for d in doc.decoys:
        assert d.entity_type.startswith("DECOY_")
        for s, e in spans:
            assert d.end <= s or d.start >= e, f"decoy {d.entity_type} overlaps a label"


@settings(max_examples=60, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), kind=st.sampled_from(KINDS))
def test_labels_exact_valid_and_apart_from_decoys(seed: int, kind: str) -> None:
    doc = generate_doc(random.Random(seed), kind)
    assert doc.kind == kind
    assert doc.labels, f"{kind} document without any sensitive value"
    _check_doc(doc)


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_generates_labels_and_decoys(kind: str) -> None:
    docs = [generate_doc(random.Random(seed), kind) for seed in range(20)]
    assert all(d.text and d.labels for d in docs)
    assert sum(len(d.decoys) for d in docs) > 0
    assert len({d.text for d in docs}) == len(docs), "different seeds gave the same document"


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 2**32 - 1))
def test_json_documents_parse_and_hold_their_values(seed: int) -> None:
    doc = generate_doc(random.Random(seed), "json")
    data = json.loads(doc.text)
    strings = json.dumps(data, ensure_ascii=False)
    for lab in doc.labels:
        assert doc.text[lab.start : lab.end] in strings


def test_corpus_is_reproducible_by_seed_and_covers_kinds_and_types() -> None:
    a = generate_corpus(random.Random(11), 48)
    b = generate_corpus(random.Random(11), 48)
    assert [d.text for d in a] == [d.text for d in b]
    assert {d.kind for d in a} == set(KINDS)
    types = {lab.entity_type for d in a for lab in d.labels}
    expected = {"PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER", "CREDIT_CARD", "IBAN_CODE", "US_SSN",
                "IP_ADDRESS", "LOCATION", "URL", "DATE_TIME", "CRYPTO", "AWS_ACCESS_KEY",
                "GITHUB_TOKEN", "PASSWORD", "JWT"}  # fmt: skip
    assert expected <= types
    for d in a:
        _check_doc(d)


def test_loopback_addresses_are_decoys_not_labels() -> None:
    docs = generate_corpus(random.Random(5), 120)
    local = {"127.0.0.1", "0.0.0.0", "::1", "localhost"}
    for d in docs:
        for lab in d.labels:
            assert d.text[lab.start : lab.end] not in local
    seen = {d.text[x.start : x.end] for d in docs for x in d.decoys if x.entity_type == "DECOY_LOCAL_IP"}  # fmt: skip
    assert seen and seen <= local


def test_unknown_kind_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown document kind"):
        generate_doc(random.Random(0), "spreadsheet")
