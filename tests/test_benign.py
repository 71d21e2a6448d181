"""Benign evidence beside the real value it could be confused with: each text holds a look-alike
that must stay readable and a personal value of the type the model confuses it with, which
must still be masked. Real engine, texts written for this test."""

from __future__ import annotations

import tomllib
from importlib import resources

import pytest
from hypothesis import given
from hypothesis import strategies as st

from redactkit import TextRedactor
from redactkit.detect import benign
from redactkit.detect.decision import DROPS, VETOES


def _masked(text: str) -> list[tuple[str, str]]:
    return [(f.entity_type, text[f.start : f.end]) for f in TextRedactor().analyze(text)]


def _touched(text: str, value: str) -> bool:
    i = text.index(value)
    return any(f.start < i + len(value) and i < f.end for f in TextRedactor().analyze(text))


CASES = [
    # (text, benign value kept, personal value masked)
    (
        "Julia Roberts moved our dashboards from Grafana to Datadog last week.",
        "Grafana",
        "Julia Roberts",
    ),
    (
        "Decision: ship Madison Suite v4.30.10 after Sandoval signs off.",
        "Madison Suite v4.30.10",
        "Sandoval",
    ),
    (
        "Mr. Nagy from Kestrel Analytics confirmed the invoice; call Priya Raman on +1 415 555 0132.",
        "Kestrel Analytics",
        "+1 415 555 0132",
    ),
    (
        "| Yael Katz | Lumen Ridge Capital | ykatz@posteo.de | +63 2 8123 4567 |",
        "Lumen Ridge Capital",
        "Yael Katz",
    ),
    (
        "Postmortem for OPS-46617 is owned by Aroha Fonoti.",
        "OPS-46617",
        "Aroha Fonoti",
    ),
    (
        "Sione Tuilagi  9:15am\n+1 to what was said",
        "9:15am",
        "Sione Tuilagi",
    ),
    (
        "Upgrade Jenkins 2.401.3 before Friday; Bogdan Nowicki's mobile is 0612 345 678.",
        "Jenkins 2.401.3",
        "Bogdan Nowicki",
    ),
    (
        "Build 10.0.19045.2965 installed; Erik's number is +46 8 123 456 78.",
        "10.0.19045.2965",
        "+46 8 123 456 78",
    ),
]


@pytest.mark.parametrize(("text", "kept", "masked"), CASES)
def test_look_alike_kept_beside_a_real_value(text: str, kept: str, masked: str) -> None:
    assert not _touched(text, kept), _masked(text)
    assert _touched(text, masked), _masked(text)


def test_meeting_date_kept_date_of_birth_masked() -> None:
    text = "Date: Tue 25 January, 19:00\nSubject: onboarding\nThe new hire was born 3 May 1988."
    assert not _touched(text, "Tue 25 January"), _masked(text)
    assert _touched(text, "3 May 1988"), _masked(text)


def test_event_date_needs_no_birth_word_on_its_line() -> None:
    assert benign.event_date("Date: 2024-09-15, 11:00", 6, 16)
    assert benign.event_date("Date: Mar 14 at 15:30", 6, 12)
    assert not benign.event_date("DOB: 2024-09-15, 11:00", 5, 15)
    assert not benign.event_date("Born on Tue 3 May 1988", 8, 22)
    assert benign.event_date("dob=1991/11/28\n2024-07-12T06:01:53.118Z", 15, 39)


def test_a_listed_product_that_is_also_a_common_name_needs_a_version() -> None:
    assert benign.public_product("Ask Julia about it", 4, 9) is False
    assert benign.public_product("Julia 1.10.2 is out", 0, 5)
    assert benign.public_product("Move to Grafana now", 8, 15)
    assert benign.public_product("on Visual Studio Code", 3, 21)


def test_company_and_product_heads() -> None:
    t = "Ostara Biotech and Nimbus Sync and Jasper Inbox"
    assert benign.organisation_or_product(t, 0, 14)
    assert benign.organisation_or_product(t, 19, 30)
    assert benign.organisation_or_product(t, 35, 41)  # "Jasper" of "Jasper Inbox"
    assert not benign.organisation_or_product("Dear Maria Lopez, hi", 5, 16)


def test_trim_cuts_noise_and_keeps_names() -> None:
    t = 'amount=€4,326.00 beneficiary="Yousef Rostami"'
    a, b = benign.trim_noise(t, 0, len(t) - 1)
    assert t[a:b] == "Yousef Rostami"
    t = "Sione Tuilagi  9:15am"
    assert t[slice(*benign.trim_noise(t, 0, len(t)))] == "Sione Tuilagi"
    t = "OPS-46617"
    a, b = benign.trim_noise(t, 0, len(t))
    assert a == b
    # one digit in a word is an OCR misreading, not noise
    t = "J0hn Smith"
    assert benign.trim_noise(t, 0, len(t)) == (0, len(t))


@given(st.text(alphabet="ab Z9_=-:.\"'", max_size=30), st.data())
def test_trim_stays_inside_the_span(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    a, b = benign.trim_noise(text, start, end)
    assert start <= a <= b <= end
    if a < b:
        assert not text[a].isspace() and not text[b - 1].isspace()


def test_product_list_is_data() -> None:
    raw = tomllib.loads(resources.files("redactkit").joinpath("data/products.toml").read_text())
    assert len(raw["products"]) >= 300
    for group in raw.values():
        assert all(v == v.lower() for v in group)


def test_drops_are_counted_by_named_reason() -> None:
    DROPS.clear()
    TextRedactor().analyze("We moved from Grafana to Datadog; Postmortem for OPS-46617 is due.")
    assert set(DROPS) <= set(VETOES) | {"model noise", "model noise trimmed"}
    assert sum(DROPS.values()) >= 1


def test_a_time_cut_by_the_models_tokens_is_trimmed_a_postcode_is_not() -> None:
    t = "Catalina R. Montoya Ruiz  11:45am"
    a, b = benign.trim_noise(t, 0, t.index(":"))  # the model's span ends at "11"
    assert t[a:b] == "Catalina R. Montoya Ruiz"
    t = "Jõhvi IV 41597"
    assert benign.trim_noise(t, 0, len(t)) == (0, len(t))


def test_punctuation_and_a_label_around_a_name_are_trimmed_not_the_name_dropped() -> None:
    t = "❯ echo 'Pham Thanh Linh' >> ~/oncall.txt\n- Action: Sandeep to ask Priyanka's team"
    assert _touched(t, "Pham Thanh Linh"), _masked(t)
    assert _touched(t, "Sandeep"), _masked(t)
    assert not _touched(t, "oncall.txt"), _masked(t)


def test_a_csv_cell_glued_to_an_id_is_a_token_of_its_own() -> None:
    t = "d5738512-d696-4e25-813a-52bac8674cd8,Wei,Demir,wei.demir@yahoo.co.uk"
    a, b = benign.trim_noise(t, 0, t.index(",Demir"))
    assert t[a:b] == "Wei"


def test_a_full_name_before_a_head_word_is_a_person_and_a_column() -> None:
    assert not benign.organisation_or_product("Jane Doe Engineering", 0, 20)
    assert not benign.organisation_or_product("Jane Doe Engineering", 0, 8)
    assert benign.organisation_or_product("Florence Scheduler 1.19.0", 0, 18)
    assert benign.organisation_or_product("Madison Suite", 0, 13)


def test_a_version_after_to_names_a_product() -> None:
    t = "- Upgrade Crossplane to v1.8.11-beta.2\n- Thanks to Farah Haddad for the report"
    assert not _touched(t, "Crossplane"), _masked(t)
    assert _touched(t, "Farah Haddad"), _masked(t)
