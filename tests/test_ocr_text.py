"""Detection on text read from screens: OCR's confusions must not let an IBAN or a card through."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from corpora.screens import _luhn_digit
from redactkit.detect.ocr import normalize_confusions
from redactkit.detect.ocr_values import find_ocr_ibans
from redactkit.text import TextRedactor


@pytest.mark.parametrize(
    "read, fixed",
    [
        ("NLO7 NMTS 9599 2613 26", "NL07 NMTS 9599 2613 26"),
        ("DES2 7371 8957 8521 8424 53", "DE52 7371 8957 8521 8424 53"),
        ("x\nGBO8 UEQ] 2906 3153 9241 01\n", "x\nGB08 UEQ] 2906 3153 9241 01\n"),
        ("ISSO 9001 Certified", "ISSO 9001 Certified"),  # no IBAN groups follow
        ("ZZO7 ABCD 1234 5678", "ZZO7 ABCD 1234 5678"),  # no such country
    ],
)
def test_iban_check_digits_read_as_letters_are_restored(read: str, fixed: str) -> None:
    assert normalize_confusions(read) == fixed


@given(st.text(alphabet="NLDEGBOS0123456789 ]\nABCDxyz", max_size=80))
def test_normalisation_keeps_length(text: str) -> None:
    assert len(normalize_confusions(text)) == len(text)


def test_iban_with_a_misread_character_is_still_masked_on_screens() -> None:
    text = "Lucas Chen\nGB08 UEQ] 2906 3153 9241 01\n6541.85"  # J read as ]: checksum fails
    found = TextRedactor().analyze(text, ocr=True)
    iban = text.index("GB08")
    assert any(
        f.entity_type == "IBAN_CODE" and f.start <= iban and f.end >= iban + 27 for f in found
    )
    # plain text keeps the checksum: the same string is no IBAN there
    assert not any(f.entity_type == "IBAN_CODE" for f in TextRedactor().analyze(text))


def test_ocr_iban_shape_needs_a_plausible_length() -> None:
    assert find_ocr_ibans("DE12 3456") == []
    assert len(find_ocr_ibans("NL13 HAW 0716 5371 81")) == 1


def test_mir_cards_are_cards() -> None:
    body = "220412345678901"
    number = body + _luhn_digit(body)
    text = f"paid with {number[:4]} {number[4:8]} {number[8:12]} {number[12:]} today"
    found = TextRedactor().analyze(text)
    assert [f.entity_type for f in found] == ["CREDIT_CARD"]


@pytest.mark.parametrize(
    "text, value",
    [
        ("Kenji kenji54@globex net Hooli", "kenji54@globex net"),
        ("Sofia Schmidt sofiai2@acmeio +1231", "sofiai2@acmeio"),
        ("ADMIN_EMAIL=yuki.smith@mail. org", "yuki.smith@mail. org"),
        ("ingrid.okafor @initech.co\n+1", "ingrid.okafor @initech.co"),
        ("ADMIN_EMAIL=ingrid. smith@example.com", "ingrid. smith@example.com"),
    ],
)
def test_emails_with_a_broken_domain_are_masked_on_screens(text: str, value: str) -> None:
    found = TextRedactor().analyze(text, ocr=True)
    start = text.index(value)
    assert any(
        f.entity_type == "EMAIL_ADDRESS" and f.start <= start and f.end >= start + len(value)
        for f in found
    )


@pytest.mark.parametrize(
    "text", ["wei@prod-web-3:~$ ls -la", "ping @channel now", "meet @ noon", "user@localhost"]
)
def test_handles_and_prompts_are_no_broken_emails(text: str) -> None:
    assert not any(f.entity_type == "EMAIL_ADDRESS" for f in TextRedactor().analyze(text, ocr=True))


@pytest.mark.parametrize(
    "text, value",
    [
        ("DB_PASSWORD=p! O?nyYIZAImI0%", "p! O?nyYIZAImI0%"),
        ('curl -H "Authorization\nBearer mjBBA@qD96i" https://api.example.com', "mjBBA@qD96i"),
        (
            "OPENAI_API_KEY=sk- proj -wJfjCTvdv9UmNzOhHQ¢ - QnFfUS3VEHWqriOWtuw-JEG35MaYqroLnfNU\nX=1",
            "sk- proj -wJfjCTvdv9UmNzOhHQ¢ - QnFfUS3VEHWqriOWtuw-JEG35MaYqroLnfNU",
        ),
        (
            "dev@box: ~$ export OPENAT_API_KEY=sk -ghed@2rXqyzF7vY4Pr8FvMrTiclvj2r13zHQX2VwmUSj 80Uq",
            "sk -ghed@2rXqyzF7vY4Pr8FvMrTiclvj2r13zHQX2VwmUSj 80Uq",
        ),
        (
            "SLACK_BOT_TOKEN=xoxb-245171442658-w3e1] nNfEgp2vMBk15kSSH7U",
            "xoxb-245171442658-w3e1] nNfEgp2vMBk15kSSH7U",
        ),
        ("Sven Rossi\ntoken is kshB@iv7wx!", "kshB@iv7wx!"),
    ],
)
def test_values_ocr_split_or_cut_from_their_label_are_masked(text: str, value: str) -> None:
    """A space OCR put into a password ("?" is a token character too), and a header whose
    colon OCR lost at a line break: the whole value is a finding."""
    found = TextRedactor().analyze(text, ocr=True)
    start = text.index(value)
    assert any(f.start <= start and f.end >= start + len(value) for f in found), found


def test_an_assignment_value_grows_to_its_line_end_only_on_its_own_line() -> None:
    from redactkit.detect.credential_ocr import assigned_value

    text = "API_KEY=abc123XYZ789qwe # rotated\nA=1 B=sk_live_tew94XFJ"
    s = text.index("abc")
    assert assigned_value(text, s, s + 6) == (s, text.index(" #"))
    s = text.index("sk_live")
    assert assigned_value(text, s, s + 7) == (s, s + 7)  # two assignments on the line
    assert not TextRedactor().analyze("the token is expired, the secret is safe", ocr=True)


@pytest.mark.parametrize(
    "text, value",
    [
        ("API keys\nNUOU?AP4$3Kj HSb\nSave", "NUOU?AP4$3Kj HSb"),
        ("Key\nqL7xR2mN9vB4\n", "qL7xR2mN9vB4"),
    ],
)
def test_a_random_password_alone_on_its_line_is_masked_on_screens(text: str, value: str) -> None:
    found = TextRedactor().analyze(text, ocr=True)
    start = text.index(value)
    assert any(f.start <= start and f.end >= start + len(value) for f in found), found


def test_product_names_and_versions_alone_on_a_line_are_not_passwords() -> None:
    text = (
        "Devices\niPhone15\nMacBookPro2023\nGalaxyS24Ultra\nWindows11Pro\nv2.3.1-Beta4\nRoom 101B"
    )
    assert not any(f.entity_type == "PASSWORD" for f in TextRedactor().analyze(text, ocr=True))
