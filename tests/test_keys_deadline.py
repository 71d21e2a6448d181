"""The deadline: every key event leaves within ``deadline`` seconds of its own ``t`` when the
capture loop calls ``expire`` on a timer, also when typing stalls in the middle of a value; what
is still undecided then goes out as the policy says (masked by default)."""

from __future__ import annotations

import random

import pytest

from corpora.keys import typing_session
from redactkit.keys import KeystrokeRedactor
from redactkit.policy import Policy


def typing(text: str, t: float = 0.0, step: float = 0.07, **context) -> list[dict]:
    events = []
    for i, ch in enumerate(text):
        down = {"t": round(t, 3), "type": "keydown", "key": ch, **(context if i == 0 else {})}
        events += [down, {"t": round(t + 0.03, 3), "type": "keyup", "key": ch}]
        t += step
    return events


def capture_loop(redactor, events, until: float, tick: float):
    """Feed events as they arrive; between arrivals, and after the last one until ``until``,
    call ``expire`` every ``tick``. Returns (output events, lag of each in seconds)."""
    out, lags = [], []

    def take(released, now):
        for o in released:
            lags.append(now - events[len(out)]["t"])
            out.append(o)

    clock = events[0]["t"]
    for e in events:
        while clock + tick < e["t"]:
            clock += tick
            take(redactor.expire(clock), clock)
        clock = max(clock, e["t"])
        take(redactor.feed([e]), e["t"])
    while clock + tick <= until:
        clock += tick
        take(redactor.expire(clock), clock)
    return out, lags


def typed(events: list[dict]) -> str:
    return "".join(e["key"] for e in events if e["type"] == "keydown" and len(e["key"]) == 1)


@pytest.fixture(scope="module")
def text_redactor():
    from redactkit.text import TextRedactor

    return TextRedactor()


def test_a_stalled_stream_is_released_by_the_deadline_masked_where_undecided(text_redactor):
    line = "please call Ingrid Okafor about card 4111 1111 1111"  # stalls mid-number
    events = typing(line, app="Notes", title="todo")
    r = KeystrokeRedactor(text_redactor=text_redactor)
    out, lags = capture_loop(r, events, until=events[-1]["t"] + 3, tick=r.deadline / 10)
    assert len(out) == len(events)  # nothing held after the deadline, with no Enter
    assert max(lags) <= r.deadline
    keys = typed(out)
    assert keys.startswith("please call ")
    assert "Ingrid" not in keys and "Okafor" not in keys and "4111" not in keys
    assert r.stats["deadline_decisions"] > 0


def test_undecided_text_kept_at_the_deadline_when_the_policy_says_so():
    from redactkit.text import TextRedactor

    events = typing("see you tomorrow", app="Notes", title="todo")
    r = KeystrokeRedactor(text_redactor=TextRedactor(Policy(key_undecided="keep")))
    out, _ = capture_loop(r, events, until=events[-1]["t"] + 3, tick=0.2)
    assert typed(out) == "see you tomorrow"


@pytest.mark.parametrize("detect_batch", [1, 8])
def test_lag_on_a_typing_session_is_within_the_deadline(text_redactor, detect_batch):
    session = typing_session(random.Random(11), n=5)
    r = KeystrokeRedactor(text_redactor=text_redactor, detect_batch=detect_batch)
    events = session.events
    out, lags = capture_loop(r, events, until=events[-1]["t"] + 3, tick=r.deadline / 10)
    assert len(out) == len(events) and max(lags) <= r.deadline
    for e, o, label in zip(events, out, session.labels):
        if label in ("EMAIL_ADDRESS", "CREDIT_CARD", "PASSWORD") and e["type"] == "keydown":
            assert o["key"] != e["key"], label


def test_a_short_deadline_can_be_set_and_max_hold_seconds_is_its_old_name(text_redactor):
    assert KeystrokeRedactor(text_redactor=text_redactor, deadline=0.5).deadline == 0.5
    assert KeystrokeRedactor(text_redactor=text_redactor, max_hold_seconds=7).deadline == 7
    assert KeystrokeRedactor(text_redactor=text_redactor).deadline == 2.0
    with pytest.raises(ValueError):
        KeystrokeRedactor(text_redactor=text_redactor, deadline=0)
