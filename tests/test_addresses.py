"""Postal addresses by structure (redactkit.detect.addresses): each form, blocks, and prose
that must stay readable. The cases are written here, not taken from a benchmark."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from redactkit.detect.addresses import find_addresses
from redactkit.text import TextRedactor


def spans(text: str) -> list[str]:
    return [text[f.start : f.end] for f in find_addresses(text)]


@pytest.mark.parametrize(
    "address",
    [
        # number first, street word last (US, UK, AU, IN)
        "4417 Willow Creek Drive, Tucson, AZ 85701",
        "1600 Pennsylvania Ave NW, Washington, DC 20500",
        "Flat 7, 22 Ashgrove Road, Leeds LS6 2QR",
        "12 W 43rd St, New York, NY 10036-7402",
        "88 Harbour View Crescent",
        "14 Gandhi Marg",
        # street word first, number last (Romance, Slavic, Greek, Cyrillic)
        "Via Garibaldi 41, 10122 Torino",
        "Calle de Alcalá 120, 28009 Madrid",
        "Carrer de Mallorca 401, 08013 Barcelona",
        "Rúa do Franco 8, 15702 Santiago",
        "Rua das Flores 77",
        "17 avenue Jean Jaurès, 69007 Lyon",
        "Praça da Liberdade 3",
        "ul. Marszałkowska 84/92, 00-514 Warszawa",
        "al. Jerozolimskie 65",
        "Οδός Ερμού 27",
        "ул. Тверская 7, Москва",
        # one-word street names by their ending (Germanic, Nordic, Finnish, Dutch, Hungarian)
        "Hauptstraße 5, 10827 Berlin",
        "Bahnhofstr. 12, 8001 Zürich",
        "Drottninggatan 53, 111 21 Stockholm",
        "Strandvejen 100, 2900 Hellerup",
        "Laugavegur 22, 101 Reykjavík",
        "Storgata 9, 0155 Oslo",
        "Mannerheimintie 3",
        "Keizersgracht 123, 1015 CJ Amsterdam",
        "Váci utca 19",
        # East Asian
        "上海市黄浦区南京东路100号",
        "세종대로 110",
        # post-office boxes and military forms
        "PO Box 4471, Dunedin 9054",
        "P.O. Box 88",
        "Postfach 10 20 30",
        "Apartado 1122, 28080 Madrid",
        "PSC 2045, Box 1733\nAPO AA 34021",
        "Unit 8812 Box 0417\nDPO AE 09702",
        "USS Hopper\nFPO AP 96678",
    ],
)
def test_each_form_is_found_whole(address: str) -> None:
    text = f"Please send the parcel to {address} before Friday."
    found = spans(text)
    assert any(address.split(",")[0] in s for s in found), (address, found)
    if "\n" in address:
        assert address in found


def test_multi_line_block_is_one_span() -> None:
    block = "  38 Larkspur Lane\n  Suite 410\n  Halifax, NS B3H 1Z4\n  Canada"
    text = f"Our office:\n{block}\n\nOpen 9-5."
    assert spans(text) == [block.strip()]


def test_escaped_block_in_a_log_line() -> None:
    text = r'{"msg": "ship to", "addr": "Kirkevegen 14\n Apt. 3\n 5003 Bergen\n Norway"}'
    assert spans(text) == [r"Kirkevegen 14\n Apt. 3\n 5003 Bergen\n Norway"]


def test_name_and_number_is_an_address_only_with_other_parts() -> None:
    # no street word: a unit, postcode or an address cue makes it one
    assert spans("Tamme 9\nApt. 12\n50407 Tartu") == ["Tamme 9\nApt. 12\n50407 Tartu"]
    assert spans("she lives at Pärna 14 now") == ["Pärna 14"]
    assert spans("We run Windows 11 and Python 3 on Node 20.") == []


@pytest.mark.parametrize(
    "prose",
    [
        "Walk down the street and turn onto the avenue by the park.",
        "Room 12 is on the second floor of Building 4.",
        "Chapter 5 covers the Spring 2024 results.",
        "I bought 3 Green Apples and 2 Red Grapes.",
        "Meet me at Gate 5 in Terminal 2.",
        "Version 2 Release Notes: Suite 3 of the test plan passes.",
        "The Way Forward, Section 3, Part 2",
        "We moved the Main Street project to Q3.",
    ],
)
def test_street_like_words_in_prose_are_left(prose: str) -> None:
    assert spans(prose) == []


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from("aB1 ,.\n\\#-StreApxPOBo"), max_size=120))
def test_spans_are_inside_the_text_and_never_empty(text: str) -> None:
    for f in find_addresses(text):
        assert 0 <= f.start < f.end <= len(text)


def test_the_engine_masks_an_address_block_whole() -> None:
    text = "Ship to:\nAlameda Santos 2101\nApto 54\n01419-002 São Paulo\nBrazil\nThanks!"
    out = TextRedactor().redact(text).text
    for part in ("Alameda", "Santos", "2101", "Apto", "01419", "Paulo", "Brazil"):
        assert part not in out, out
    assert out.startswith("Ship to:") and out.endswith("Thanks!")


_PIECES = [
    "12 Elm Street",
    "Hauptstraße 5",
    "ul. Długa 3",
    "PO Box 12",
    "PSC 1234, Box 5678",
    "APO AE 09001",
    "Apt. 4",
    "Suite 9",
    "75014 Paris",
    "Via Roma 2",
    "Váci utca 19",
    "USS Hopper",
    "南京东路100号",
    "Kooli 11",
    "Walk the dog",
    "version 2.1",
    "Street",
    "lives at",
    ", ",
    "\n",
    "\\n",
    " ",
    "and",
    "Berlin",
    "Estonia 12345",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=14))
def test_line_gate_keeps_every_anchor(pieces: list[str]) -> None:
    """Searching only the lines with a street, box or military word finds what searching the
    whole text finds."""
    from redactkit.detect import addresses

    text = " ".join(pieces)
    whole = [m.span() for m in addresses._ANCHOR.finditer(text)]
    assert [m.span() for m in addresses._anchors(text)] == whole


@pytest.mark.parametrize(
    ("text", "address"),
    [
        # an intersection, with the words that name it
        ("Pick me up at the corner of Oakridge Lane and Pemberton Avenue.",
         "the corner of Oakridge Lane and Pemberton Avenue"),
        ("Drop it at Halvorsen and 220 Kingsway Boulevard please", "Halvorsen and 220 Kingsway Boulevard"),
        # lower-case words inside a street name written after its street word
        ("Envoyez-le au 14 rue des trois moulins, 75011 Paris", "14 rue des trois moulins, 75011 Paris"),
        # street words of more languages
        ("Our office: Riia põik 7, 51004 Tartu", "Riia põik 7, 51004 Tartu"),
        ("Szállítás: Andrássy fasor 12., 1061 Budapest", "Andrássy fasor 12., 1061 Budapest"),
        # a town and a country after the unit, no comma
        ("Ship to 4 Birkeveien 18 Suite 3 Lillehammer Norway today", "4 Birkeveien 18 Suite 3 Lillehammer Norway"),
        # a street line on the line above the rest of its block
        ("Deliver to Kastanjelaan 5 Oude Molen\nApt. 12\nUtrecht\nNetherlands", "Kastanjelaan 5 Oude Molen\nApt. 12\nUtrecht\nNetherlands"),
        # a street line and its town after a company, the line saying where to meet
        ("We'll meet Friday at Orbis Ltd., 15 Kalevi põik 8, Rakvere", "15 Kalevi põik 8, Rakvere"),
        # a town written in capitals, then prose
        ("Send it to 12 Fjordgata 3 Suite 2 TROMSØ Troms please", "12 Fjordgata 3 Suite 2 TROMSØ Troms"),
        # Japanese block numbers in Latin letters, with the 3-4 postcode
        ("new address: 3-11-2 Nishi-ku, Yokohama 220-0012 from May", "3-11-2 Nishi-ku, Yokohama 220-0012"),
        # a post-office box spelled as one word
        ("Mail: Postbox 4471, Reykjavik", "Postbox 4471, Reykjavik"),
    ],
)  # fmt: skip
def test_address_forms_and_block_edges(text: str, address: str) -> None:
    assert any(address in s for s in spans(text)), spans(text)


@pytest.mark.parametrize(
    "text",
    [
        "Place your order 12 times before noon.",
        "We sent the report via email 12 times.",
        "Release 42 and Build 7 are ready.",
    ],
)
def test_english_words_before_numbers_are_no_street(text: str) -> None:
    assert spans(text) == []


@pytest.mark.parametrize(
    "text",
    [
        # a table read column by column: the cell after an address is a meeting date
        "58 Elm Grove\nNov 20, 2025",
        "Harbour View 14, Porto\n2026-09-03",
        "Keizersgracht 216, Brno\n16/06/2026",
    ],
)
def test_a_date_on_the_next_line_is_no_part_of_the_address(text: str) -> None:
    date = text.split("\n")[1]
    assert all(date[:4] not in found for found in spans(text)), spans(text)
