"""What the deadline releases on positive evidence (keys/tails.py ``head_words``, ``typo_runs``):
a finished common word at the head of the open tail ("Hi ", "Best, ") and an erased typo go out
as typed; a name, digits, a label's value, an erased key stay masked."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from redactkit.keys import KeystrokeRedactor
from redactkit.keys.tails import CURSOR_CLOSING, head_words, typo_runs
from tests.test_keys_deadline import capture_loop, typed


def keys(seq: list[str], t: float = 0.0, step: float = 0.07, **context) -> list[dict]:
    """keydown/keyup of each key in ``seq`` ("Backspace" is a key), ``step`` seconds apart."""
    events = []
    for i, k in enumerate(seq):
        down = {"t": round(t, 3), "type": "keydown", "key": k, **(context if i == 0 else {})}
        events += [down, {"t": round(t + 0.03, 3), "type": "keyup", "key": k}]
        t += step
    return events


def paused(seq: list[str], text_redactor) -> tuple[str, KeystrokeRedactor, list[float]]:
    """Type ``seq`` into a notes window, then pause past the deadline (no Enter)."""
    events = keys(seq, app="Notes", title="todo")
    r = KeystrokeRedactor(text_redactor=text_redactor)
    out, lags = capture_loop(r, events, until=events[-1]["t"] + 3, tick=r.deadline / 10)
    assert len(out) == len(events) and max(lags) <= r.deadline
    return typed(out), r, lags


@pytest.fixture(scope="module")
def text_redactor():
    from redactkit.text import TextRedactor

    return TextRedactor()


@pytest.mark.parametrize("line", ["Hi ", "Best, ", "Thanks, ", "Meeting "])
def test_a_finished_common_word_then_a_pause_is_released(text_redactor, line):
    out, _, _ = paused(list(line), text_redactor)
    assert out == line


@pytest.mark.parametrize(
    ("line", "kept", "hidden"),
    [
        ("Hi Ingrid ", "Hi ", "Ingrid"),
        ("Thanks, Grant ", "Thanks, ", "Grant"),
        ("Dear Okafor ", "Dear ", "Okafor"),
        ("Best, Bodrov ", "Best, ", "Bodrov"),  # a word no dictionary knows: a rare surname?
    ],
)
def test_a_name_typed_then_a_pause_is_masked_at_the_deadline(text_redactor, line, kept, hidden):
    out, r, _ = paused(list(line), text_redactor)
    assert out.startswith(kept)
    assert hidden not in out and len(out) == len(line)
    assert r.stats["deadline_decisions"] > 0


@pytest.mark.parametrize("line", ["Ref 4111 1111 ", "PIN: Summer ", "Hi +44 20 "])
def test_digits_and_a_labels_value_stay_masked(text_redactor, line):
    out, _, _ = paused(list(line), text_redactor)
    assert "4111" not in out and "Summer" not in out and "+44" not in out


def test_a_common_word_after_a_finished_email_is_released(text_redactor):
    out, _, _ = paused(list("write to ada.obi@example.com Meeting "), text_redactor)
    assert out.startswith("write to ") and out.endswith(" Meeting ")
    assert "ada" not in out and "example" not in out


def test_an_erased_typo_is_released_at_the_deadline(text_redactor):
    seq = [*"see you tomorrp", "Backspace", "o", "w", " "]
    out, r, _ = paused(seq, text_redactor)
    assert out == "see you tomorrpow "
    assert r.stats["deadline_released"] >= 1


def test_an_erased_random_token_is_masked_at_the_deadline(text_redactor):
    token = "xK9qT2vLm8Rw4ZpB7nYc"
    seq = [*"my key ", *token, *["Backspace"] * len(token), *"ok "]
    out, _, _ = paused(seq, text_redactor)
    assert out.startswith("my key ") and out.endswith("ok ")
    erased = out[len("my key ") : -len("ok ")]
    assert len(erased) == len(token) and not set(erased) & set(token)


def test_an_erased_digit_typo_stays_masked(text_redactor):
    seq = [*"call me at 5", "Backspace", *"noon "]
    out, _, _ = paused(seq, text_redactor)
    assert "5" not in out and out.endswith("noon ")


def test_head_words_stop_at_a_name_digits_a_label_and_the_cursor():
    assert head_words("Hi Ingrid Okafor ", 0) == len("Hi ")
    assert head_words("Thanks, Meeting 12 Main ", 0) == len("Thanks, Meeting ")
    assert head_words("Note: Summer ", 0) == 0
    assert head_words("Thanks Meeting", 0) == len("Thanks ")  # "Meeting" is at the cursor
    closed = [(0, len("ada@x.io"))]
    assert head_words("ada@x.io Meeting ", 0, closed) == len("ada@x.io Meeting ")
    assert head_words("ada@x.io Meeting ", 0) == 0


def test_a_comma_finishes_the_word_at_the_cursor():
    # no e-mail, host name, credential or random token holds "," or ";": the word is finished
    assert head_words("Thanks,", 0) == len("Thanks,")
    assert head_words("Hi Meeting;", 0) == len("Hi Meeting;")
    assert head_words("Thanks", 0) == 0  # may still become thanks@acme.io
    assert head_words("Thanks.", 0) == 0  # may still become thanks.example.com
    assert head_words("Ingrid,", 0) == 0  # a name (its surname may follow)
    assert head_words("4111,", 0) == 0


def test_a_word_closed_by_a_comma_then_a_pause_is_released(text_redactor):
    out, _, _ = paused(list("Thanks,"), text_redactor)
    assert out == "Thanks,"
    out, _, _ = paused(list("Thanks"), text_redactor)  # at the cursor: undecided, masked
    assert "Thanks" not in out


def test_typo_runs_are_short_and_letters():
    assert typo_runs([["p"], ["a", "b", "c"], ["a", "b", "c", "d"], ["7"], ["x", "_"]]) == [
        True,
        True,
        False,
        False,
        False,
    ]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="Hi Ingrid Best, 0123-+@:_Meeting", max_size=40))
def test_head_words_never_release_digits_symbols_or_the_cursor(text):
    end = head_words(text, 0)
    released = text[:end]
    assert not any(c.isdigit() or c in "-+@:_" for c in released)
    assert end == 0 or end < len(text) or text[-1].isspace() or text[-1] in CURSOR_CLOSING
