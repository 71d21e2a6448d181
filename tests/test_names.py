"""Whole names: a PERSON span the model found in part grows to the name around it."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from redactkit.detect.labelled import find_labelled, names_from_addresses
from redactkit.detect.ner import whole_name
from redactkit.text import TextRedactor


@pytest.mark.parametrize(
    "text, part, name",
    [
        ("can you send me Giorgos Hosseini's number?", "Hosseini", "Giorgos Hosseini"),
        ("name: Daan van der Berg, email", "Berg", "Daan van der Berg"),
        ("name: Daan van der Berg, email", "Daan", "Daan van der Berg"),
        ("Please ask Ahmad bin Yusuf today", "Ahmad", "Ahmad bin Yusuf"),
        ("Thanks Maria Lopez for that", "Maria", "Maria Lopez"),
        ("Ask Maria Lopez on Monday", "Lopez", "Maria Lopez"),
        ("I met with Maria on Friday", "Maria", "Maria"),
        ("Re: Maria Lopez", "Maria", "Maria Lopez"),
        ("as on the passport of Anja U. Smith. We agreed", "Smith", "Anja U. Smith"),
        ("Anja U. Smith said so", "Anja", "Anja U. Smith"),
        ("see section A. Smith", "Smith", "Smith"),
    ],
)
def test_name_parts_join(text: str, part: str, name: str) -> None:
    i = text.index(part)
    s, e = whole_name(text, i, i + len(part))
    assert text[s:e] == name


def test_growth_is_bounded() -> None:
    text = "Quarterly Planning Review Board Maria Lopez Budget Draft Final Version"
    i = text.index("Maria")
    s, e = whole_name(text, i, i + len("Maria"))
    assert len(text[s:e].split()) <= 1 + 2 + 2


@given(st.text(alphabet="Ab c,.\n'-vander", max_size=60), st.data())
def test_span_only_grows_and_stays_in_text(text: str, data) -> None:
    if not text:
        return
    a = data.draw(st.integers(0, len(text) - 1))
    b = data.draw(st.integers(a + 1, len(text)))
    s, e = whole_name(text, a, b)
    assert 0 <= s <= a and b <= e <= len(text)
    assert "\n" not in text[s:a] and "\n" not in text[b:e]


def test_redaction_masks_the_whole_name() -> None:
    out = TextRedactor().redact("Could you forward the invoice to Daan van der Berg by noon?")
    assert "Daan" not in out.text and "Berg" not in out.text and "van der" not in out.text


def test_a_surname_found_once_is_masked_elsewhere() -> None:
    text = "Contacts:\nOmar Mwangi, sales lead\nStark Porto Diego Mwangi dmwangi@example.com"
    out = TextRedactor().redact(text)
    assert "Mwangi" not in out.text.replace("dmwangi", "")


@pytest.mark.parametrize(
    "text, names",
    [
        ("Phone\nIngrid Okafor\ningrid.okafor @initech.co\n+1760", ["Ingrid", "Okafor"]),
        ('ADMINS = [("Rahul Tanaka", "rahul. tanaka@globex.net")', ["Rahul", "Tanaka"]),
        ("Password\nNoah Ali\nnoah58@example.com", ["Noah"]),
        ("Noah said hi; noah58@example.com", []),  # one word: only where a full name opens
        ("write to support.team@acme.io for Support", []),  # a role, not a person
        ("Design Review: design@acme.io", []),
    ],
)
def test_names_spelled_by_addresses(text: str, names: list[str]) -> None:
    found = [text[f.start : f.end] for f in names_from_addresses(text)]
    assert found == names


def test_crm_row_name_beside_its_address_is_masked() -> None:
    text = "Vandelay\nPhone\nTomasz Becker\ntomasz.becker @fastmail.fm\n+49 30 45084754"
    out = TextRedactor().redact(text)
    assert "Tomasz" not in out.text.split("\n")[2] and "Becker" not in out.text.split("\n")[2]


def test_entities_run_across_lines_are_cut_at_line_breaks() -> None:
    """A company cell above a city cell is not one person; a key line is no name at all."""
    text = "Account\nUmbrella\nBoston\nLOG_LEVEL=info\nMaria Lopez signed the contract."
    found = TextRedactor().analyze(text)
    assert all("\n" not in text[f.start : f.end] for f in found)
    assert not any("LOG_LEVEL" in text[f.start : f.end] for f in found)


@pytest.mark.parametrize(
    "text, name",
    [
        ("echo 'Aroha Choi',+91 98167 47497' >> contacts.csv", "Aroha Choi"),
        ("Oluwaseun Zhou,562-921-2913", "Oluwaseun Zhou"),
        ("Daan de Vries; daan@x.nl", "Daan de Vries"),
        ("Maria Lopez, (212) 555-0187", "Maria Lopez"),
        ("Support Team, +1 800 555 0100", None),
        ("Total Amount, 1234567.00", None),
    ],
)
def test_contact_records(text: str, name: str | None) -> None:
    found = [text[f.start : f.end] for f in find_labelled(text) if f.detector == "contact-record"]
    assert found == ([name] if name else [])


def test_interface_words_are_no_names() -> None:
    """A model's PERSON on "Password" must not mask every "Password:" prompt of a terminal."""
    text = "Db Password\nsettings saved\nPassword: hunter2x9\nPassword: \nThanks"
    found = TextRedactor().analyze(text, ocr=True)
    people = {text[f.start : f.end] for f in found if f.entity_type == "PERSON"}
    assert "Password" not in people and "Thanks" not in people
