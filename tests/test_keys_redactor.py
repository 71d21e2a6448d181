"""KeystrokeRedactor on real detection: generated sessions, secure fields, prompts, erasures,
streaming bounds, bad input and the CLI function. The invariant throughout: replaying the output
events cannot bring back a sensitive value."""

from __future__ import annotations

import copy
import io
import json
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpora import values
from corpora.keys import typing_session
from redactkit.keys import KeyEventError, KeystrokeRedactor, redact_keystrokes
from redactkit.keys.cli import run_keys
from redactkit.keys.editor import Editor
from redactkit.keys.events import Reader, dump_event

#: Kinds the engine finds by format (names depend on NER recall; the benchmark reports them).
DETECTABLE = {
    "EMAIL_ADDRESS",
    "CREDIT_CARD",
    "GITHUB_TOKEN",
    "AWS_ACCESS_KEY",
    "PASSWORD",
    "PHONE_NUMBER",
}


def typing(text: str, t: float = 0.0, *, enter: bool = True, **context) -> list[dict]:
    """keydown/keyup for each character (context on the first event), then Enter."""
    events = []
    for i, ch in enumerate(text):
        down = {"t": round(t, 3), "type": "keydown", "key": ch}
        if i == 0:
            down.update(context)
        events += [down, {"t": round(t + 0.04, 3), "type": "keyup", "key": ch}]
        t += 0.1
    if enter:
        events += [
            {"t": round(t, 3), "type": "keydown", "key": "Enter"},
            {"t": round(t + 0.04, 3), "type": "keyup", "key": "Enter"},
        ]
    return events


def retime(events: list[dict], start: float = 0.0) -> list[dict]:
    return [{**e, "t": round(start + i * 0.05, 3)} for i, e in enumerate(events)]


def replay(events: list[dict]) -> list[str]:
    """Every text the output events type: each field's final text, raw sequence, snapshots."""
    editor, texts = Editor(), []
    fields = []
    for i, e in enumerate(events):
        fields += editor.feed(i, e).closed
    last = editor.close(len(events), "flush")
    fields += [last] if last else []
    for f in fields:
        texts.append(f.text())
        texts.append("".join(s.char for s in f.typed))
        texts += ["".join(s.char for s in snap) for snap in f.snapshots]
    return texts


def leaked(value: str, texts: list[str]) -> bool:
    """True when any 6-character piece of ``value`` (or all of a shorter one) is in ``texts``."""
    n = min(6, len(value))
    pieces = {value[i : i + n] for i in range(len(value) - n + 1)}
    return any(p in t for t in texts for p in pieces)


def typed_keys(events: list[dict]) -> str:
    return "".join(e["key"] for e in events if e["type"] == "keydown" and len(e["key"]) == 1)


@pytest.fixture(scope="module")
def redactor_factory():
    from redactkit.text import TextRedactor

    text = TextRedactor()
    return lambda **kw: KeystrokeRedactor(text_redactor=text, **kw)


def run(factory, events, **kw) -> list[dict]:
    r = factory(**kw)
    return list(r.feed(events)) + list(r.flush())


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("mode", ["mask", "drop", "placeholder"])
def test_generated_sessions_leak_no_value(redactor_factory, seed, mode):
    session = typing_session(random.Random(1000 + seed), n=7)
    before = copy.deepcopy(session.events)
    out = run(redactor_factory, session.events, mode=mode)
    assert session.events == before  # inputs never modified
    texts = replay(out)
    for kind, value in session.values:
        if kind in DETECTABLE:
            assert not leaked(value, texts), (kind, session.scenarios)
    times = [e["t"] for e in out]
    assert times == sorted(times)
    if mode == "mask":
        assert [(e["t"], e["type"]) for e in out] == [(e["t"], e["type"]) for e in session.events]
        for e, o, label in zip(session.events, out, session.labels):
            if label in DETECTABLE:
                assert o["key"] != e["key"]
            plain = "app" not in e and "title" not in e
            if plain and (
                e["type"].startswith("mouse") or e.get("key") in ("Shift", "Enter", "Tab")
            ):
                assert o == e  # modifiers, navigation and mouse events stay


def test_secure_field_masks_every_printable_key_and_key_revealing_fields(redactor_factory):
    events = typing("ab c", secure=True, app="Chrome", title="Shop")
    events[0]["code"], events[0]["keyCode"] = "KeyA", 65
    events += typing("hello", 10, secure=False)
    out = run(redactor_factory, events)
    assert typed_keys(out) == "••••hello"
    assert out[0]["code"] == "•" and out[0]["keyCode"] == 0 and out[0]["secure"] is True


def test_sudo_prompt_masks_the_next_line_only(redactor_factory):
    rng = random.Random(7)
    pw = values.password(rng)
    events = typing("sudo apt update", app="Terminal", title="bash")
    events += typing(pw, 5)
    events += typing("ls -la", 10)
    out = run(redactor_factory, events)
    assert typed_keys(out) == "sudo apt update" + "•" * len(pw) + "ls -la"


@pytest.mark.parametrize(
    "command, secret",
    [
        ("mysql -u root -pS3cr3t!x db", "S3cr3t!x"),
        ("curl -u bob:pa55word https://x.io", "pa55word"),
    ],
)
def test_passwords_inline_in_commands(redactor_factory, command, secret):
    out = run(redactor_factory, typing(command, app="iTerm2", title="zsh"))
    assert secret not in typed_keys(out)
    assert typed_keys(out).startswith(command.split()[0])


def test_password_manager_and_login_windows_are_secure(redactor_factory):
    events = typing("correct horse", app="1Password 7", title="Vault")
    events += typing("tiger lily", 5, app="Firefox", title="Log in to Acme")
    events += typing("notes", 10, app="Notes", title="Untitled")
    assert typed_keys(run(redactor_factory, events)) == "•" * 23 + "notes"


def test_a_token_typed_then_erased_is_masked(redactor_factory):
    token = values.ghp(random.Random(3))
    events = typing("my token " + token, enter=False, app="Slack", title="general")
    events += [
        {"type": "keydown", "key": "Backspace"},
        {"type": "keyup", "key": "Backspace"},
    ] * len(token)
    events += typing("never mind", enter=True)
    out = run(redactor_factory, retime(events))
    assert token[:6] not in typed_keys(out)
    assert typed_keys(out).startswith("my token ") and typed_keys(out).endswith("never mind")


def test_a_card_erased_after_a_corrected_typo_is_masked(redactor_factory):
    card = values.card(random.Random(11))
    events = typing("card ", enter=False, app="Notes", title="x")
    for i, ch in enumerate(card):
        if i == 6:  # a typo fixed at once: the raw sequence no longer holds the number
            events += typing("7", enter=False) + [{"type": "keydown", "key": "Backspace"}]
        events += typing(ch, enter=False)
    events += [{"type": "keydown", "key": "Control"}, {"type": "keydown", "key": "a"}]
    events += [{"type": "keyup", "key": "a"}, {"type": "keyup", "key": "Control"}]
    events += [{"type": "keydown", "key": "Backspace"}] + typing("ok")
    texts = replay(run(redactor_factory, retime(events)))
    assert not leaked(card, texts)


def test_paste_shortcut_stays_and_types_nothing(redactor_factory):
    events = typing("see ", enter=False, app="Notes", title="t")
    events += [{"type": "keydown", "key": "Control"}, {"type": "keydown", "key": "v"}]
    events += [{"type": "keyup", "key": "v"}, {"type": "keyup", "key": "Control"}] + typing(
        " above"
    )
    out = run(redactor_factory, retime(events))
    assert typed_keys(out) == "see v above"


def test_keyups_after_the_field_ends_follow_their_keydowns(redactor_factory):
    email = "jane.doe@acme.io"
    events = typing(email, enter=False, app="Mail", title="New")
    last_up = events.pop()  # the last keyup comes after the Tab and the next field
    events += [{"type": "keydown", "key": "Tab"}, last_up, {"type": "keydown", "key": "o"}]
    out = run(redactor_factory, retime(events))
    assert [e["key"] for e in out if e["type"] == "keyup"] == ["•"] * len(email)
    assert out[-1]["key"] == "o"


def test_orphan_keyups_are_masked(redactor_factory):
    out = run(
        redactor_factory,
        [{"t": 0, "type": "keyup", "key": "x"}, {"t": 1, "type": "keyup", "key": "Shift"}],
    )
    assert [e["key"] for e in out] == ["•", "Shift"]


def test_free_text_fields_are_redacted_and_unknown_events_pass(redactor_factory):
    events = typing("hi", app="Mail", title="Inbox - jane.doe@acme.io")
    events.append(
        {"t": 9, "type": "navigate", "url": "https://x.io/?mail=jane.doe@acme.io", "n": 3}
    )
    out = run(redactor_factory, events)
    assert "jane.doe@acme.io" not in json.dumps(out)
    assert out[-1]["type"] == "navigate" and out[-1]["n"] == 3 and out[-1]["t"] == 9


def test_placeholder_types_the_replacement_inside_the_span(redactor_factory):
    events = typing("mail jane.doe@acme.io now", app="Mail", title="New")
    # (a replacement is planned when the field ends; before the deadline, here)
    out = run(redactor_factory, events, mode="placeholder", deadline=60)
    assert typed_keys(out) == "mail <EMAIL_ADDRESS> now"
    before = [e["t"] for e in events if e["type"] == "keydown"][5:21]  # the e-mail's keydowns
    after = [e["t"] for e in out if e["type"] == "keydown"][5:20]  # "<EMAIL_ADDRESS>"
    assert before[0] <= min(after) and max(after) <= before[-1]
    assert [e["t"] for e in out] == sorted(e["t"] for e in out)


def test_drop_mode_removes_sensitive_keys(redactor_factory):
    events = typing("card 4111 1111 1111 1111 ok", app="Notes", title="n")
    out = run(redactor_factory, events, mode="drop")
    assert typed_keys(out) == "card  ok"
    assert len(out) == len(events) - 2 * 19


def test_streaming_holds_at_most_max_hold_events_and_fails_closed(redactor_factory):
    rng = random.Random(5)
    token = values.ghp(rng)
    text = (
        " ".join(rng.choice(["alpha", "beta", "gamma", "delta"]) for _ in range(60)) + " " + token
    )
    events = typing(text, enter=False, app="Notes", title="n")
    r = redactor_factory(max_hold=200)
    out = []
    for i, e in enumerate(events):
        out += r.feed([e])
        assert i + 1 - len(out) <= 200
    out += r.flush()
    keys = typed_keys(out)
    assert token[:8] not in keys and len(keys) == len(text)
    assert (
        keys.count("alpha") + keys.count("beta") + keys.count("gamma") > 30
    )  # clean text released
    assert r.stats["checkpoints"] > 0


def test_expire_applies_the_time_bound_between_events(redactor_factory):
    r = redactor_factory(max_hold_seconds=5)
    out = list(r.feed(typing("hello there", enter=False, app="Notes", title="n")))
    assert out == []  # the field is open
    out = list(r.expire(100.0))
    # at the deadline: the clean text before the open tail is released, the tail (a value may
    # still be being typed there) is masked, not released
    assert typed_keys(out) == "hello " + "•" * len("there")


def test_bad_events_are_named_by_position_never_by_value(redactor_factory):
    events = typing("s3cret-value", enter=False, app="Notes", title="n")
    events.insert(7, {"t": 0.3, "type": "keydown", "key": "s3cret-value"})
    r = redactor_factory()
    out = []
    with pytest.raises(KeyEventError) as info:
        for e in r.feed(events):
            out.append(e)
    assert info.value.line == 8 and "s3cret" not in str(info.value)
    out += r.flush()
    assert set(typed_keys(out)) <= {"•"}  # what was held is masked, never released


@pytest.mark.parametrize(
    "event, reason",
    [
        ({"t": 1, "type": "keydown"}, "without 'key'"),
        ({"t": 1, "key": "a"}, "'type'"),
        ({"t": -5, "type": "keyup", "key": "a"}, "backwards"),
        ({"t": 1, "type": "keydown", "key": "Foo"}, "unknown"),
    ],
)
def test_event_validation_reasons(redactor_factory, event, reason):
    with pytest.raises(KeyEventError, match=reason):
        redact_keystrokes(
            [{"t": 0, "type": "mousemove", "x": 1, "y": 1}, event],
            text_redactor=redactor_factory().text,
        )


def test_cli_function_with_files(tmp_path, redactor_factory):
    session = typing_session(random.Random(99), ["login", "chat", "env"])
    lines = [json.dumps(e) for e in session.events]
    bad_at = len(lines) // 2
    src = tmp_path / "in.jsonl"
    src.write_text(
        "\n".join(lines[:bad_at] + ['{"t": oops'] + lines[bad_at:]) + "\n", encoding="utf-8"
    )
    secrets = [v for k, v in session.values if k in DETECTABLE]

    dst, err = tmp_path / "out.jsonl", io.StringIO()
    with src.open(encoding="utf-8") as inp, dst.open("w", encoding="utf-8") as out:
        status = run_keys(inp, out, errors="drop", err=err, text_redactor=redactor_factory().text)
    assert status == 0 and f"line {bad_at + 1}" in err.getvalue()
    got = [json.loads(x) for x in dst.read_text(encoding="utf-8").splitlines()]
    assert len(got) == len(lines)
    assert not any(leaked(v, replay(got)) for v in secrets)

    err = io.StringIO()
    with src.open(encoding="utf-8") as inp, dst.open("w", encoding="utf-8") as out:
        status = run_keys(inp, out, err=err, text_redactor=redactor_factory().text)
    assert status == 1 and err.getvalue().startswith(f"redactkit keys: line {bad_at + 1}:")
    got = [json.loads(x) for x in dst.read_text(encoding="utf-8").splitlines()]
    assert len(got) == bad_at
    assert not any(leaked(v, replay(got)) for v in secrets)
    assert run_keys(io.StringIO(""), io.StringIO(), mode="nope", err=io.StringIO()) == 2


def test_other_events_carrying_a_typed_character_follow_its_keydown(redactor_factory):
    ctx = {"app": "Chrome", "title": "Shop"}
    events = retime(
        [
            {"type": "keydown", "key": "q", "secure": True, **ctx},
            {"type": "keypress", "key": "q", "code": "KeyQ"},
            {"type": "input", "data": "q", "inputType": "insertText"},
            {"type": "keyup", "key": "q"},
            {"type": "keydown", "key": "o", "secure": False},
            {"type": "keypress", "key": "o", "code": "KeyO"},
            {"type": "keyup", "key": "o"},
        ]
    )
    out = run(redactor_factory, events)
    assert [e.get("key") for e in out] == ["•", "•", None, "•", "o", "o", "o"]
    assert out[1]["code"] == "•" and out[2]["data"] == "•" and out[5]["code"] == "KeyO"


GOOD = st.one_of(
    st.builds(
        lambda k: {"type": "keydown", "key": k},
        st.sampled_from(["a", "Z", "@", " ", "Enter", "Shift", "é"]),
    ),
    st.builds(
        lambda x, y: {"type": "mousemove", "x": x, "y": y}, st.integers(0, 99), st.integers(0, 99)
    ),
    st.builds(lambda title: {"type": "focus", "title": title}, st.text(max_size=8)),
)
BAD = st.sampled_from(
    ['{"type": "keydown", "key": "hunter2"}', '{"type": "keyup"}', '{"key": "a"}', "[1, 2]",
     '{"type": "keydown", "key": "pw', "pw=hunter2", '{"type": 5, "key": "a"}',
     '{"type": "keydown", "key": "a", "secure": "yes"}']
)  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.booleans(), GOOD, BAD), max_size=25))
def test_reader_drops_exactly_the_bad_lines_and_names_them(rows):
    lines, good, bad_lines = [], [], []
    for i, (ok, event, bad) in enumerate(rows):
        if ok:
            event = {"t": float(i), **event}
            good.append(event)
            lines.append(dump_event(event))
        else:
            bad_lines.append(len(lines) + 1)
            lines.append(bad + "\n")
    reader = Reader(errors="drop")
    assert list(reader.events(lines)) == good
    assert reader.dropped == len(bad_lines) and reader.dropped_lines == bad_lines
    strict = Reader()
    if bad_lines:
        with pytest.raises(KeyEventError) as info:
            list(strict.events(lines))
        assert info.value.line == bad_lines[0] and "hunter2" not in str(info.value)
    else:
        assert list(strict.events(lines)) == good


@given(st.floats(0, 1e6), st.floats(0, 1e6))
def test_timestamps_must_not_go_backwards(a, b):
    lines = [dump_event({"t": a, "type": "mousemove"}), dump_event({"t": b, "type": "mousemove"})]
    reader = Reader(errors="drop")
    assert len(list(reader.events(lines))) == (2 if b >= a else 1)


def _fed_one_at_a_time(redactor, events: list[dict]) -> list[dict]:
    out: list[dict] = []
    for e in events:
        out += redactor.feed([e])
    return out + list(redactor.flush())


@pytest.mark.parametrize("mode", ["mask", "drop", "placeholder"])
@pytest.mark.parametrize("max_hold", [1000, 40])
def test_batched_detection_gives_the_live_output(redactor_factory, mode, max_hold):
    """``detect_batch`` only regroups detection calls: same events out, same hold-bound
    decisions (checkpoints and forced masks at the same places), in every mode."""
    rng = random.Random(31)
    events: list[dict] = []
    for _ in range(3):
        events += retime(
            typing_session(rng, n=6).events, start=events[-1]["t"] + 5 if events else 0
        )
    live = redactor_factory(mode=mode, max_hold=max_hold)
    batched = redactor_factory(mode=mode, max_hold=max_hold, detect_batch=5)
    assert _fed_one_at_a_time(batched, events) == _fed_one_at_a_time(live, events)
    for name in ("fields", "checkpoints", "forced_masks"):
        assert batched.stats[name] == live.stats[name], name
    # whole streams run with the offline deadline (60 s): the same as a live redactor with it
    assert redact_keystrokes(events, text_redactor=live.text, mode=mode, max_hold=max_hold) == (
        _fed_one_at_a_time(redactor_factory(mode=mode, max_hold=max_hold, deadline=60), events)
    )


def test_batched_detection_after_a_bad_event_decides_ended_fields(redactor_factory):
    """Fields that ended before the bad event are decided by detection (not masked whole, not
    released raw); only what the open field held is masked."""
    events = typing("hello world", app="Notes", title="n") + typing(
        "mail jane.doe@example.org", app="Notes", title="n"
    )
    events = retime(events) + [{"t": 1e9, "type": "keydown", "key": "NotAKey"}]
    for batch in (1, 8):
        r = redactor_factory(detect_batch=batch)
        out: list[dict] = []
        with pytest.raises(KeyEventError):
            for e in r.feed(events):
                out.append(e)
        out += r.flush()
        keys = typed_keys(out)
        assert keys.startswith("hello world") and "jane" not in keys and "example" not in keys


def test_batched_detection_is_released_by_expire(redactor_factory):
    r = redactor_factory(detect_batch=64, deadline=60)
    out = list(r.feed(typing("hello there", app="Notes", title="n")))
    assert out == []  # the field ended, its detection waits for the batch
    out = list(r.expire(2.0))
    assert typed_keys(out) == "hello there"
