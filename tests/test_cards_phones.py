"""Cards of every issuer and length, phones told by a label: cases written for these tests
(numbers built with the Luhn check digit, not copied from a benchmark)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from redactkit import TextRedactor
from redactkit.detect.cards import find_cards, issuer
from redactkit.detect.checksums import luhn_digit
from redactkit.detect.phones import find_labelled_phones, implied_regions


def card(prefix: str, length: int) -> str:
    body = prefix + "7" * (length - len(prefix) - 1)
    return body + luhn_digit(body)


@pytest.mark.parametrize(
    "prefix, length",
    [
        ("4", 13), ("4", 16), ("4", 19),  # Visa
        ("2221", 16), ("53", 16),  # Mastercard
        ("34", 15), ("37", 15),  # Amex
        ("6011", 16), ("65", 19),  # Discover
        ("305", 14), ("36", 14),  # Diners
        ("3530", 15), ("3530", 16),  # JCB
        ("62", 16), ("62", 19),  # UnionPay
        ("6759", 12), ("5018", 13), ("6304", 18),  # Maestro
        ("2201", 16), ("2203", 19),  # Mir
        ("9792", 16),  # Troy
    ],
)  # fmt: skip
def test_every_issuer_and_length_bare_grouped_dashed(prefix: str, length: int) -> None:
    number = card(prefix, length)
    assert issuer(number)
    grouped = " ".join(number[i : i + 4] for i in range(0, length, 4))
    for form in (number, grouped, grouped.replace(" ", "-")):
        text = f"paid with {form} yesterday"
        assert [text[f.start : f.end] for f in find_cards(text)] == [form]


def test_a_failed_luhn_check_is_no_card() -> None:
    number = card("4", 16)
    wrong = number[:-1] + str((int(number[-1]) + 1) % 10)
    assert find_cards(f"paid with {wrong}") == []


@pytest.mark.parametrize("label", ["credit card", "Card no.", "card #", "CC:", "card number is"])
def test_a_card_label_takes_any_luhn_valid_number(label: str) -> None:
    number = card("8", 14)  # no issuer range
    assert find_cards(f"{label} {number}") != []
    assert find_cards(f"ref {number}") == []


def test_two_cards_side_by_side_and_a_card_before_its_expiry() -> None:
    a, b = card("4", 16), card("5", 16)
    text = f"{a} {b} and {card('37', 15)} 12 27"
    assert [text[f.start : f.end] for f in find_cards(text)] == [a, b, card("37", 15)]


@given(st.integers(min_value=10**11, max_value=10**19 - 1))
def test_every_card_found_is_luhn_valid(n: int) -> None:
    text = f"id {n}"
    for f in find_cards(text):
        digits = "".join(c for c in text[f.start : f.end] if c.isdigit())
        assert 12 <= len(digits) <= 19 and luhn_digit(digits[:-1]) == digits[-1]


@pytest.mark.parametrize(
    "text, value",
    [
        ("Phone: 810 56 26 60", "810 56 26 60"),
        ("Mobile: (31) 912-4471", "(31) 912-4471"),
        ("Fax: 303.555.0142x27", "303.555.0142x27"),
        ("Tel. 0471 23 45 67 ext. 12", "0471 23 45 67 ext. 12"),
        ("WhatsApp +351 912 345 678", "+351 912 345 678"),
        ("Handy: 0171 2345678", "0171 2345678"),
        ("Téléphone : 04 72 10 30 30", "04 72 10 30 30"),
        ("Teléfono 912 34 56 78", "912 34 56 78"),
        ("Office: 020 7946 0123", "020 7946 0123"),
        ("Work phone 555 0177", "555 0177"),
        ("reach me at 07-81-44-29-Office", "07-81-44-29"),
        ("or 698 112 334 (mobile)", "698 112 334"),
    ],
)
def test_any_number_a_phone_label_names(text: str, value: str) -> None:
    assert [text[f.start : f.end] for f in find_labelled_phones(text)] == [value]


@pytest.mark.parametrize(
    "text",
    ["Office 2019 upgrade", "home 12345", "Phone: 2024-03-01", "work 3 hours", "Tel 12/03/2019"],
)
def test_no_phone_without_a_number_or_in_a_date(text: str) -> None:
    assert find_labelled_phones(text) == []


def test_national_numbers_read_in_the_region_the_text_names() -> None:
    assert implied_regions("Our office in Lyon, France; the other in Norway") == ("FR", "NO")
    out = TextRedactor().redact("Bureau à Lyon, France : appelez le 04 78 42 61 90 demain.").text
    assert "61 90" not in out


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Could you ring me on 0412 88 317 after lunch?", "0412 88 317"),
        ("texts go to my registered 612 40 981 only", "612 40 981"),
        ("Please stop sending messages to 733 2019.", "733 2019"),
        ("You can reach us at 31-44-80-12 until six.", "31-44-80-12"),
        ("whatsapp me under 079 554 18 20", "079 554 18 20"),
    ],
)
def test_a_number_a_calling_verb_points_at(text: str, value: str) -> None:
    found = {text[f.start : f.end] for f in find_labelled_phones(text)}
    assert value in found


@pytest.mark.parametrize(
    "text",
    [
        "call me at 10:30 on 2024-05-01",
        "text me the code 4471",
        "we registered 2023-11-30 as the start date",
        "contact 3 people by Friday",
    ],
)
def test_a_calling_verb_without_a_phone_number(text: str) -> None:
    assert find_labelled_phones(text) == []


def test_a_csv_escape_does_not_hide_the_line_breaks_around_it() -> None:
    r"""A literal ``\,`` (a CSV export's escaped comma) is no Windows path: the ``\n`` before
    the number still breaks the line, so its trailing label names it."""
    text = r"Apt 12\n Aarhus\n Denmark 8000\n86-12-44-09-Office\,+45 33 12 12 12"
    out = TextRedactor().redact(text).text
    assert "86-12-44-09" not in out


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("sshd: accepted key from 2a02:8108:1d40:3a00::7c1: port 5022", "2a02:8108:1d40:3a00::7c1"),
        ("peer fd12:3456:789a:1::42 joined", "fd12:3456:789a:1::42"),
    ],
)
def test_ipv6_addresses_followed_by_a_colon(text: str, value: str) -> None:
    assert value not in TextRedactor().redact(text).text


def test_times_and_loopback_are_no_ipv6() -> None:
    text = "started 12:30:45, listening on ::1"
    assert TextRedactor().redact(text).text == text


@pytest.mark.parametrize("nino", ["JK 12 34 56 C", "JG103759A", "ab 98 76 54 d"])
def test_uk_national_insurance_numbers(nino: str) -> None:
    """Presidio's stock NINO recognizer, which it does not load for English by default."""
    assert nino not in TextRedactor().redact(f"NI number {nino} on file").text


@pytest.mark.parametrize("text", ["::ffff:256.0.0.1", "2001:db8::256.1.1.1", "fe80::1text"])
def test_no_ipv6_from_pieces_of_invalid_forms(text: str) -> None:
    """Presidio's own negative cases: a candidate glued to a word or an IPv4 tail is none."""
    from redactkit.detect.ipv6 import find_ipv6

    assert find_ipv6(text) == []


def test_an_iban_wrapped_onto_the_next_line_is_masked_whole() -> None:
    """A paragraph wrapped on a screen or in a narrow e-mail: the checksum joins the pieces."""
    text = "please pay to IBAN GB29 NWBK 6016\n1331 9268 19 by Friday\nDE89370400440532013000\n"
    out = TextRedactor().redact(text).text
    for piece in ("GB29", "NWBK", "6016", "1331", "9268", "DE8937"):
        assert piece not in out, out


def test_the_shipped_region_names_are_phonenumbers_own() -> None:
    """redactkit/data/regions.toml is phonenumbers' geocoder's English names, read at build time
    (scripts/build_region_names.py; the geocoder costs ~190 MB resident at run time): after an
    upgrade of phonenumbers it must be rebuilt, and this says so."""
    import phonenumbers
    from phonenumbers.geocoder import _region_display_name

    from redactkit.detect.phones import region_names

    expected = {
        r: _region_display_name(r, "en")
        for r in phonenumbers.SUPPORTED_REGIONS
        if _region_display_name(r, "en")
    }
    assert region_names() == expected, "run scripts/build_region_names.py"


def test_detection_does_not_load_the_geocoder() -> None:
    """The geocoder's locale tables are most of a redactor's memory if anything imports them."""
    import subprocess
    import sys

    code = (
        "import sys; from redactkit import TextRedactor; "
        "TextRedactor().redact('Paris, France: 01 42 68 53 00'); "
        "print('phonenumbers.geocoder' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
