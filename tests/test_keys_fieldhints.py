"""Typed forms without the ``field`` context: the form around a field names it (fieldhints).

Values are made up here (not the benchmark's name lists); the real engine and lexicon run.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from redactkit.keys.fieldhints import name_like, strong_name
from redactkit.keys.redactor import KeystrokeRedactor, redact_keystrokes


def _events(entries: list[str], title: str, app: str = "Firefox", field: bool = False) -> list:
    """Key events typing ``entries`` into one window, Tab after each; "<" is a Backspace."""
    events, t = [], 0.0
    for entry in entries:
        ctx = {"app": app, "title": title}
        if field:
            ctx["field"] = "Name"
        for ch in [*("Backspace" if c == "<" else c for c in entry), "Tab"]:
            t += 0.1
            events += [
                {"t": t, "type": "keydown", "key": ch, **ctx},
                {"t": t + 0.02, "type": "keyup", "key": ch, **ctx},
            ]
    return events


def _shown(out: list[dict]) -> str:
    """The keydowns of ``out`` as text: Tab as "|", Backspace as "<"."""
    names = {"Tab": "|", "Backspace": "<"}
    return "".join(names.get(e["key"], e["key"]) for e in out if e["type"] == "keydown")


def _typed(entries: list[str], title: str, **kw) -> str:
    return _shown(redact_keystrokes(_events(entries, title, **kw)))


def test_lower_case_names_at_the_top_of_a_checkout_form() -> None:
    got = _typed(["ingrid", "halvorsen", "Standing desk"], "Checkout - Example Shop")
    assert got == "••••••|•••••••••|Standing desk|"


def test_a_name_after_the_email_of_a_sign_up_form() -> None:
    got = _typed(["tomasz@example.org", "tomasz", "wojcik"], "Create your account")
    assert got.split("|")[1:3] == ["••••••", "••••••"]


def test_a_neutral_window_two_name_entries_then_a_birth_date() -> None:
    # no title word: the pair of name entries at the top of the form makes it a person's
    got = _typed(["ingrid", "halvorsen", "12/11/1979", "Desk lamp"], "Untitled - Browser")
    assert got == "••••••|•••••••••|••••••••••|Desk lamp|"


def test_a_full_name_typed_lower_case_in_a_neutral_window() -> None:
    got = _typed(["omar hansen", "Webcam stand"], "Form")
    assert got.startswith("•••••••••••|")


def test_a_name_typed_with_a_typo_fixed() -> None:
    got = _typed(["Ingrx<id", "Halvp<orsen"], "Checkout")
    assert not any(c.isalpha() for c in got.replace("<", "").replace("|", ""))


def test_with_field_context_a_lower_case_surname_is_masked() -> None:
    assert _typed(["wu"], "Anything", field=True) == "••|"


def test_terminal_commands_are_no_names_by_position() -> None:
    got = _typed(["git status", "sudo ps"], "user@host: ~", app="gnome-terminal")
    assert got == "git status|sudo ps|"


def test_products_and_search_words_are_kept() -> None:
    got = _typed(["standing desk", "usb-c hub", "19.99"], "Untitled - Browser")
    assert got == "standing desk|usb-c hub|19.99|"


def test_live_form_with_a_stalled_stream_and_the_deadline() -> None:
    """A live agent: the given name typed, then nothing; ``expire`` at the deadline releases
    every event, and the name goes out masked (titled checkout form, lower case)."""
    keys = KeystrokeRedactor(deadline=2.0)
    events = _events(["ingrid"], "Checkout")[:-2]  # no Tab: the field is still open
    out = list(keys.feed(events))
    last = events[-1]["t"]
    out += list(keys.expire(last + 0.5))
    out += list(keys.expire(events[0]["t"] + 2.0))
    out += list(keys.expire(last + 2.0))
    assert len(out) == len(events)  # nothing held past the deadline
    assert _shown(out) == "••••••"


_LETTERS = st.text(alphabet="abcdefghijklmnopqrstuvwxyzäöü'-", min_size=1, max_size=12)


@settings(max_examples=200, deadline=None)
@given(st.lists(_LETTERS, min_size=1, max_size=6))
def test_name_like_is_a_property_of_words(words: list[str]) -> None:
    """name_like: too many words or a word with no letter is never a name; capitalising the
    words of a name-like entry keeps it name-like; strong names are name-like."""
    text = " ".join(words)
    if name_like(text):
        assert len(text.split()) <= 4
        assert name_like(" ".join(w[:1].upper() + w[1:] for w in text.split())) or any(
            not w[:1].isalpha() for w in text.split()
        )
    else:
        assert not strong_name(text)
    assert not name_like(text + " 12")


def test_strong_names_and_words_that_are_not() -> None:
    for name in ("lars eriksen", "fatima haddad", "Yuki Tanaka"):
        assert strong_name(name), name
    for words in ("sudo ps", "see you", "will may", "green tea", "git status", "new york"):
        assert not strong_name(words), words
