"""The labelled-value rules (names and addresses by label or shape), on generated values."""

from __future__ import annotations

import random

import pytest

from redactkit.text import TextRedactor

FIRST = [
    "Jürgen",
    "Amélie",
    "Siobhán",
    "Jae-won",
    "Chinedu",
    "Priya",
    "Mateo",
    "Fatima",
    "Linh",
    "Olu",
]
LAST = [
    "Nakamura",
    "O'Connor",
    "Wiśniewska",
    "Dlamini",
    "García",
    "Lindqvist",
    "Okafor",
    "Haddad",
    "Park",
]
STREETS = ["Cedar", "Elm", "Highland", "Maple", "Station", "Church"]


def name(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def person_cases(rng: random.Random) -> list[tuple[str, str]]:
    n = name(rng)
    return [
        (n, f"[{rng.randrange(24):02d}:{rng.randrange(60):02d}] {n}: are we still on for lunch?"),
        (n, f"owner: {n}\nreplicas: 3\n"),
        (n, f'{{"customer": "{n}", "plan": "pro"}}'),
        (n, f"From: {n} <x{rng.randrange(99)}@corp.example>\nSubject: invoice"),
        (n, f"Thanks for the call.\n\nBest regards,\n{n}\nAccount Manager"),
        (n, f"{n}  {rng.randrange(1, 12)}:{rng.randrange(60):02d} PM\nok, merging now"),
        (n, f"Re: contract - {n} <x{rng.randrange(99)}@corp.example> - Inbox"),
        (n, f"Call {n} on Monday about the renewal."),
    ]


def address_cases(rng: random.Random) -> list[tuple[str, str]]:
    us = f"{rng.randrange(10, 9999)} {rng.choice(STREETS)} Street, Austin, TX {rng.randrange(10000, 99999)}"
    uk = f"Flat {rng.randrange(1, 40)}, {rng.randrange(1, 300)} {rng.choice(STREETS)} Road, London NW8 6WC"
    de = f"{rng.choice(['Linden', 'Berg', 'Schiller'])}straße {rng.randrange(1, 200)}, {rng.randrange(10000, 99999)} Köln"
    fr = f"{rng.randrange(1, 99)} rue de la Gare, {rng.randrange(10000, 99999)} Paris"
    return [(a, f"Please ship it to {a} by Monday.") for a in (us, uk, de, fr)] + [
        ("Osaka", 'city: "Osaka"\nzip: 530-0001'),
    ]


@pytest.fixture(scope="module")
def redactor() -> TextRedactor:
    return TextRedactor()


@pytest.mark.parametrize("seed", range(3))
def test_labelled_names_and_addresses_are_masked(redactor: TextRedactor, seed: int) -> None:
    rng = random.Random(seed)
    for value, text in person_cases(rng) + address_cases(rng):
        out = redactor.redact(text).text
        for part in value.split():
            assert part.strip(",") not in out.split(), (value, out)


def test_labels_without_names_are_left(redactor: TextRedactor) -> None:
    for text in [
        "name: build\nruns-on: ubuntu-latest",
        "Error: connection refused",
        "to: be decided",
        "Hi team, the build is green.",
    ]:
        assert redactor.redact(text).text == text


def test_csv_columns_by_header(redactor: TextRedactor) -> None:
    rng = random.Random(11)
    rows = [
        (rng.choice(FIRST), rng.choice(LAST), rng.choice(["Osaka", "Lagos", "Porto"]))
        for _ in range(5)
    ]
    text = "id;first_name;last_name;plan;city\n" + "\n".join(
        f"{i};{f};{last};pro;{c}" for i, (f, last, c) in enumerate(rows)
    )
    out = redactor.redact(text).text
    assert out.startswith("id;first_name;last_name;plan;city\n")
    for f, last, c in rows:
        assert f not in out and last not in out and c not in out
    assert out.count(";pro;") == 5


def test_cells_split_respects_quotes() -> None:
    from redactkit.detect.fields_text import split_cells as _cells

    row = 'a, "b, c" ,d'
    assert [row[a:b] for a, b in _cells(row, ",")] == ["a", "b, c", "d"]


@pytest.mark.parametrize(
    "text, name",
    [
        ("Chloe Costa\nHooli\nPorto\nccosta@mail.org", "Chloe Costa"),
        ("Omar Haddad | omarh@contoso.com", "Omar Haddad"),
        ("| Lena Berg | lenaberg@acme.io |", "Lena Berg"),
    ],
)
def test_one_word_addresses_in_company_formats_name_their_owner(text: str, name: str) -> None:
    from redactkit.detect.labelled import names_from_addresses

    start = text.index(name)
    assert any(f.start == start and f.end == start + len(name) for f in names_from_addresses(text))


def test_one_word_addresses_name_no_unrelated_pair() -> None:
    from redactkit.detect.labelled import names_from_addresses

    assert names_from_addresses("Release Notes\nccosta@mail.org") == []


@pytest.mark.parametrize(
    "text, value, entity",
    [
        ("Daan van der Berg moved to Bogotá last month.", "Bogotá", "LOCATION"),
        ("She grew up in São Paulo and lives in New York City.", "São Paulo", "LOCATION"),
        ("She grew up in São Paulo and lives in New York City.", "New York City", "LOCATION"),
        ("Jing de la Cruz was born on 15.10.1996 in Lyon", "Jing de la Cruz", "PERSON"),
        ("echo 'Haruto Dubois',06 38 29 98 13 >> contacts.csv", "Haruto Dubois", "PERSON"),
        (
            "Ship it to Mohammed Sharma, 167, Linking Road, Chennai 600002.",
            "167, Linking Road, Chennai 600002",
            "LOCATION",
        ),
        ("meet you at 3, MG Road, Bengaluru 560001", "3, MG Road, Bengaluru 560001", "LOCATION"),
        ("Looping in Thandiwe de la Cruz today", "Thandiwe de la Cruz", "PERSON"),
        ("Per Jae-won Smith, the contract renews", "Jae-won Smith", "PERSON"),
        ("# rotated by Haoran Yılmaz (INC0092678)", "Haoran Yılmaz", "PERSON"),
        ("two engineers from the Santiago office joined", "Santiago", "LOCATION"),
        ("I'm in Chennai this week", "Chennai", "LOCATION"),
        ("echo 'Cian Volkov,098439 82735' >> contacts.csv", "Cian Volkov", "PERSON"),
        ('"last_name": "van der Meer",', "van der Meer", "PERSON"),
        ("Passenger: ZHAO/HAOYU  DOB: 1973-11-13", "ZHAO/HAOYU", "PERSON"),
        ("See you soon,\nCormac\nPeople Ops", "Cormac", "PERSON"),
        ('"street": "Via dei Mille 53",', "Via dei Mille 53", "LOCATION"),
        ('"country": "Morocco"', "Morocco", "LOCATION"),
        ("I moved from Bologna to Boise last month", "Boise", "LOCATION"),
        ("Weekend trip to KwaZulu-Natal is on us", "KwaZulu-Natal", "LOCATION"),
        ("resolved 91.31.39.165 -> Palermo, Morocco\nnext", "Palermo, Morocco", "LOCATION"),
        ("verified via DOB and phone 810 56 26 60. Hi", "810 56 26 60", "PHONE_NUMBER"),
        ("call me 40 69 73 03\nAvital", "40 69 73 03", "PHONE_NUMBER"),
        ("Tel. +33 1 42 68 53 00", "+33 1 42 68 53 00", "PHONE_NUMBER"),
        # places in capitals (forms, tickets) and after more cues: came back, moved here,
        # originally, based
        ("Marta came back from TROMSØ on Friday", "TROMSØ", "LOCATION"),
        ("originally from ΒΟΛΟΣ, now remote", "ΒΟΛΟΣ", "LOCATION"),
        ("We moved over from Porto Alegre, Brazil", "Porto Alegre", "LOCATION"),
        ("the family is based in Kraków since 2019", "Kraków", "LOCATION"),
        ("I'm in SAN SEBASTIÁN until Monday", "SAN SEBASTIÁN", "LOCATION"),
    ],
)
def test_values_told_by_labels_and_phrasings(text: str, value: str, entity: str) -> None:
    """Places and people told by the sentence around them, labels and table cells, and numbers
    named a phone in any national format."""
    from redactkit.detect.addresses import find_addresses
    from redactkit.detect.labelled import find_labelled

    start = text.index(value)
    assert any(
        f.entity_type == entity and f.start <= start and f.end >= start + len(value)
        for f in find_labelled(text) + find_addresses(text)
    )


@pytest.mark.parametrize(
    "text",
    [
        "from the Sales office",
        "Per Amazon Web Services pricing",
        "per Section 4, the fee",
        "meeting moved to Tuesday",
        "I am in HR this quarter",
        "we're in SALES, not support",
        "I'm in QA until the release",
        "Hi, I am from Google support",  # who one works for, not where one lives
        "Coming to KubeCon next week?",
        "we are from Finance",
        "phone 2024-01-15 14:22, iPhone 15 Pro, phone version 2.3.1",
    ],
)
def test_phrasings_without_a_person_or_place_find_nothing(text: str) -> None:
    from redactkit.detect.labelled import find_labelled

    assert find_labelled(text) == []


def test_markdown_and_csv_columns_by_header() -> None:
    from redactkit.detect.fields_text import csv_columns

    text = (
        "| Name | DOB | SSN | Phone |\n|---|---|---|---|\n"
        "| Zihan Guo | 4/14/1953 | 700105795 | 512 054 970 |\n"
    )
    got = {(e, text[a:b]) for e, a, b in csv_columns(text)}
    assert got == {
        ("PERSON", "Zihan Guo"),
        ("DATE_TIME", "4/14/1953"),
        ("US_SSN", "700105795"),
        ("PHONE_NUMBER", "512 054 970"),
    }


def test_attendee_lists_name_every_attendee() -> None:
    from redactkit.detect.labelled import find_labelled

    text = "Present: Thao, Caio, Brianna, Dr. Traoré\nAttendees: Ana Lima and Bo Chen (remote)"
    names = {text[f.start : f.end] for f in find_labelled(text) if f.entity_type == "PERSON"}
    assert names >= {"Thao", "Caio", "Brianna", "Traoré", "Ana Lima", "Bo Chen"}


@pytest.mark.parametrize(
    "text, value, entity",
    [
        ("mismatch name='Radu Nagy' dob=1999/05/21 ok", "1999/05/21", "DATE_TIME"),
        ("dob=10 Feb 1994 ssn=257317970", "257317970", "US_SSN"),
    ],
)
def test_context_word_glued_to_its_value_counts(
    redactor: TextRedactor, text: str, value: str, entity: str
) -> None:
    start = text.index(value)
    assert any(
        f.entity_type == entity and f.start <= start and f.end >= start + len(value)
        for f in redactor.analyze(text)
    )


@pytest.mark.parametrize(
    "text", ["Protocol: TCP/IP", "Hello, Jordan", "Release Notes, Spain team", "state: OK"]
)
def test_no_place_in_greetings_acronyms_or_team_names(text: str) -> None:
    from redactkit.detect.labelled import find_labelled

    assert not any(f.entity_type == "LOCATION" for f in find_labelled(text))


def test_chat_mentions_are_people_and_decorators_are_not() -> None:
    from redactkit.detect.labelled import find_labelled

    def mentions(text: str) -> list[str]:
        return [text[f.start : f.end] for f in find_labelled(text) if f.detector == "mention"]

    assert mentions(
        "[9:30am] @khalid42: deployed\n<@magnus18> ok\ncc @ren_matsumoto, @quang.t"
    ) == [
        "khalid42",
        "magnus18",
        "ren_matsumoto",
        "quang.t",
    ]
    code = (
        "@dataclass\nclass A:\n    @pytest.fixture\n    def f(self): ...\n@app.route('/')\n"
        " * @param name the name\n@media screen {\nnpm i @babel/core\nping @here\nbob@example.com\n"
    )
    assert mentions(code) == []
