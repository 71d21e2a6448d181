"""Names told by the lexicon and their context (redactkit.detect.names, .lexicon): lists,
possessives, person cues, lower-case contexts, and the words that must stay readable. The cases
are written here, not taken from a benchmark."""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from redactkit.detect.lexicon import common, lexicon, surname
from redactkit.detect.lexicon import given as given_strength
from redactkit.detect.names import find_names
from redactkit.text import TextRedactor


def names(text: str) -> list[str]:
    return sorted({text[f.start : f.end] for f in find_names(text)})


def test_lexicon_knows_names_across_cultures_and_flags_common_words() -> None:
    words = ["Siobhan", "Oluwaseun", "Nguyen", "Wiśniewska", "Rahul", "Grant", "Page", "xqzzv"]
    codes = dict(zip(words, lexicon().lookup(words).tolist(), strict=True))
    assert given_strength(codes["Siobhan"]) >= 2 and given_strength(codes["Rahul"]) >= 2
    assert given_strength(codes["Oluwaseun"]) >= 1
    assert surname(codes["Nguyen"]) >= 2 and surname(codes["Wiśniewska"]) >= 1
    assert common(codes["Grant"]) and common(codes["Page"])
    assert codes["xqzzv"] == 0


def test_lexicon_lookup_is_case_and_form_insensitive() -> None:
    a, b, c = lexicon().lookup(["SIOBHAN", "siobhan", "Siobhan"]).tolist()
    assert a == b == c != 0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # lists: most items are names, so all are
        (
            "Thanks to Oksana, Declan, Priyanka and Tenzin for the help.",
            ["Declan", "Oksana", "Priyanka", "Tenzin"],
        ),  # fmt: skip
        ("Reviewers: Hamid & Ingrid", ["Hamid", "Ingrid"]),
        # possessives
        ("Rosalind's husband called twice.", ["Rosalind"]),
        ("We used Mehmet Yilmaz's car.", ["Mehmet Yilmaz"]),
        # person cues, including a title before an unknown surname
        ("Please ask for Mrs. Wrzesniewski at the desk.", ["Wrzesniewski"]),
        ("I'm going with my cousin Anneliese tomorrow.", ["Anneliese"]),
        ("Her maiden name was Kowalczyk.", ["Kowalczyk"]),
        # person verbs
        ("Babajide said the invoice is late.", ["Babajide"]),
        # full names, with a middle initial
        ("Invoice for Svetlana K Orlova attached.", ["Svetlana K Orlova"]),
        # vocative and speaker
        ("Leopold, could you check the logs?", ["Leopold"]),
        ("Henrietta: are we still on?\nBartholomew: yes", ["Bartholomew", "Henrietta"]),
        ("The report is late again, Evangelina!", ["Evangelina"]),
        # naming phrases, titles before a calendar word, people as objects, bodily verbs
        ("Everyone at the club calls me Wojtek.", ["Wojtek"]),
        ("Mrs. April will see you now.", ["April"]),
        ("The clerk handed Ingeborg her receipt.", ["Ingeborg"]),
        ("'Done,' replied Tobiasz to Marguerite.", ["Marguerite", "Tobiasz"]),
        ("Quraishi smiled and left the room.", ["Quraishi"]),
        ("Teodora Vukašinović lives near the station.", ["Teodora Vukašinović"]),
    ],
)
def test_names_in_context(text: str, expected: list[str]) -> None:
    assert names(text) == expected


def test_lower_case_names_after_a_sure_cue() -> None:
    assert names("hi, my name is priyanka and i need help") == ["priyanka"]
    assert names("hi, i need help with the page") == []


@pytest.mark.parametrize(
    "text",
    [
        # common words that are also names, without a cue strong enough
        "Will you grant access to page 3? May is busy.",
        "Mix Red, Green and Blue.",
        "Grant access to Page 3 and Will's notes are below.",
        # products, languages, tools
        "We support Python, Java and Go.",
        "The Apple Watch and the Google Pixel are products.",
        "Docker Compose started the containers and Jenkins ran the build.",
        "Install Node 20 and run Victoria 2.",
        # organisations and nationalities
        "Essel Propack Ltd signed the contract.",
        "There is a nice German place downtown.",
        # street-like and interface words
        "The Street was empty. Settings, Profile and Logout are in the menu.",
        "Signed the NDA today.",
        # common words before the weaker person verbs
        "Here is my ticket. Nothing thinks for you.",
    ],
)
def test_words_that_are_not_names_are_left(text: str) -> None:
    assert names(text) == []


@settings(max_examples=50, deadline=None)
@given(st.text(alphabet=st.sampled_from("AaEeJjMmOoSs ,'’&.:\n"), max_size=80))
def test_spans_are_inside_the_text(text: str) -> None:
    for f in find_names(text):
        assert 0 <= f.start < f.end <= len(text) and f.entity_type == "PERSON"


def test_lexicon_memory_bound() -> None:
    """The loaded lexicon stays under 60 MB resident (peak and after load), numpy excluded."""
    code = (
        "import os, resource, numpy\n"
        "page = os.sysconf('SC_PAGE_SIZE')\n"
        "rss = lambda: int(open('/proc/self/statm').read().split()[1]) * page / 1e6\n"
        "r0, p0 = rss(), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3\n"
        "from redactkit.detect.lexicon import lexicon\n"
        "lexicon()\n"
        "print(rss() - r0, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3 - p0)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    resident, peak = map(float, out.stdout.split())
    assert resident < 60 and peak < 60, (resident, peak)


def test_the_engine_masks_a_name_list() -> None:
    out = TextRedactor().redact("Seating: Tenzin, Oksana, Declan and Priyanka at table 4.").text
    for n in ("Tenzin", "Oksana", "Declan", "Priyanka"):
        assert n not in out, out
    assert "table 4" in out


@pytest.mark.parametrize(
    ("text", "hidden"),
    [
        # a list whose found items are names names people throughout
        ("Board members: Okonkwo, Margaret Liu and Thomas Berg.", ["Okonkwo"]),
        # a surname seen once in a full name is the same person elsewhere
        ("Then Dražen Kvaternik spoke. Later Kvaternik left.", ["Kvaternik"]),
        # the line above an address or a phone in a contact block
        ("Wiremu Tapsell\nProcurement lead\n14 Harbour Road\nNelson 7010", ["Wiremu Tapsell"]),
        # a given name the model takes for a town, with its surname
        ("Please add Florence Nakamura to the policy.", ["Florence", "Nakamura"]),
        # the speakers of a transcript, one of them also a common word
        ("Imogen: ready?\nGrant: nearly\nTheodora: go", ["Grant"]),
        # degrees and generations after a name
        ("Report signed by Dr. Aurelio Mastrangelo MD today.", ["Mastrangelo MD"]),
        # what only a person has
        ("Forwarding Zhivkova's address now.", ["Zhivkova"]),
    ],
)
def test_names_from_the_findings_around_them(text: str, hidden: list[str]) -> None:
    out = TextRedactor().redact(text).text
    for word in hidden:
        assert word not in out, out


@pytest.mark.parametrize(
    "text",
    [
        "Release Notes\nCall 555-0100 for support.",
        "Colours: Red, Green and Blue.",
    ],
)
def test_blocks_and_lists_without_names_stay(text: str) -> None:
    out = TextRedactor().redact(text).text
    assert "Release Notes" in out or "Red, Green and Blue" in out
