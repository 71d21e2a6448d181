"""Names by the frame they fill (redactkit.detect.name_frames and the shapes names.py shares
with it): affiliation, a surname as an attribute, hyphenated prefixes, quote attribution, names
joined as a subject, initialled full names, addressed unknown words, a name after a conjunction;
and what fills the same frames without being a person. The sentences are written here, not
taken from a benchmark."""

from __future__ import annotations

import pytest

from redactkit.detect.name_judge import camel
from redactkit.detect.names import find_names
from redactkit.text import TextRedactor


def names(text: str) -> list[str]:
    """What ``find_names`` masks in ``text``, overlapping findings merged."""
    spans: list[list[int]] = []
    for f in sorted(find_names(text), key=lambda f: (f.start, f.end)):
        if spans and f.start < spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], f.end)
        else:
            spans.append([f.start, f.end])
    return sorted({text[a:b] for a, b in spans})


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a person of, or from, an organisation (names no lexicon holds too)
        ("Keziah Okwuosa of Brightwater Holdings spoke first.", ["Keziah Okwuosa"]),
        ("Ubaldo is from Norrland Freight AB, not from us.", ["Ubaldo"]),
        ("Our speaker, Taavetti Rask of Kettu Labs Oy, arrives at ten.", ["Taavetti Rask"]),
        # a surname as the attribute of a work or a case, also a common word for a case
        ("Have you read the Adeyemi novel yet?", ["Adeyemi"]),
        ("The file on the Baker case was closed in May.", ["Baker"]),
        # after a hyphenated role, or glued to a stance prefix
        ("Tonight ex-Pixies Lovering sings the opener.", ["Lovering"]),
        ("They were handing out pro-Gorbachev leaflets.", ["Gorbachev"]),
        # the speaker after a quotation
        ('"We are not selling," says Lindqvist.', ["Lindqvist"]),
        # names joined as the subject of a plural verb, one of them unknown
        ("Vrba and Kowalczyk were on call that night.", ["Kowalczyk", "Vrba"]),
        ("The first to arrive: McAllister and Oyelaran were early.", ["McAllister", "Oyelaran"]),
        # a full name with an initial or particles, a part unknown to the lexicon
        ("Signed, Ngozika R Adebanjo.", ["Ngozika R Adebanjo"]),
        ("A witness, Pieter van der Walt, signed.", ["Pieter van der Walt"]),
        # an unknown word addressed
        ("Hey Zorbek, the build is green.", ["Zorbek"]),
        ("Quilla, could you send the slides?", ["Quilla"]),
        # a name after a conjunction, before a verb
        ("It rained all day, but Svetlana still wants to go.", ["Svetlana"]),
        # only people begin writing, even with a name that is also a common word
        ("Long began writing at nineteen.", ["Long"]),
        # who speaks to whom, and who is shouted at
        (
            "'Not again,' muttered Ondrej. 'Fine,' said Wojcik to Halvorsen.",
            ["Halvorsen", "Ondrej", "Wojcik"],
        ),
        ('Then she shouted at Perpetua: "Out!"', ["Perpetua"]),
        # a given name that is also a month, with a middle initial
        ("The sleeve credits Jan P. Kubelik.", ["Jan P. Kubelik"]),
    ],
)
def test_names_in_their_frame(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # organisations and products in a person's slot
        "Support from Norrland Freight AB arrived. Greetings from Kettu Labs Oy.",
        "The Linux version is faster than the Windows version.",
        "The Harvard case study and the Enron case are classics.",
        # roles and stances without a person
        "She is an ex-Google engineer; pre-Christmas sales; post-Brexit trade; anti-American.",
        "Wait for the ex-Soviet Union archives.",
        # a quotation's speaker that is an agency, or no name
        '"We will ship on Friday," said Reuters.',
        # products and common words joined by and
        "Ruby and Rails were updated. Django and Flask are frameworks.",
        # a particle phrase that is a place, a product's capitals
        "We met at Villanueva del Pardillo Country Club. JavaScript and TypeScript are fast.",
        # interjections and words that open a sentence before a question
        "Btw, can you check? Ok, can I go? However, can we wait?",
        # months and sections before an initial, things shouted at
        "Meeting on Jan 5. See Section A Paragraph 2. He waved at Acme to no avail.",
        # code that reads like a clause
        "if Tamsin is not None and Emax is None: pass",
        # a country of several words whose words are also names
        "Costa Rica's coast and Sierra Leone's capital.",
    ],
)
def test_frames_filled_by_no_person_are_left(text: str) -> None:
    assert names(text) == []


def test_product_capitals_are_no_name_but_name_prefixes_are() -> None:
    assert camel("JavaScript") and camel("GitHub") and camel("iPhone")
    assert not any(camel(w) for w in ("McCune", "MacDonald", "DeShawn", "O'Neill", "Jean-Luc"))


def test_listed_products_in_a_frame_are_vetoed_end_to_end() -> None:
    """A product the data lists fills the slot of a person; the decision drops it."""
    out = TextRedactor().redact("Kubernetes was from Google LLC. Postgres and Redis are fast.")
    assert "Kubernetes" in out.text and "Postgres" in out.text


@pytest.mark.parametrize(
    ("text", "hidden"),
    [
        # a surname lent from a full name whose possessive the model read as part of it
        (
            "We read Ottilie Brandauer's Collected Letters. Nobody writes like Brandauer.",
            ["Brandauer"],
        ),
        # a name line above a town and a country, escaped or not
        ("Ottokar Wienerberger\\n\\nMistelbach\\nAustria", ["Ottokar", "Wienerberger"]),
        ("Ottokar Wienerberger\n\nMistelbach\nAustria", ["Ottokar", "Wienerberger"]),
        # a surname that is also a word of a country of two words
        ("We stayed with Leone's family for a week.", ["Leone"]),
    ],
)
def test_names_from_the_text_around_them(text: str, hidden: list[str]) -> None:
    out = TextRedactor().redact(text).text
    for word in hidden:
        assert word not in out, out


def test_a_country_line_without_a_name_above_stays() -> None:
    out = TextRedactor().redact("Release Notes\n\nBug fixes\nGermany").text
    assert "Release Notes" in out and "Bug fixes" in out
