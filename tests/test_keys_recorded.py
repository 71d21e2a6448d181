"""Sessions as a real recorder stores them: ``openadapt-capture`` on X11 writes keys it cannot name
as ``keycode_NN`` with the keycode beside it (``key_vk``, ``canonical_key_vk``). The redactor
decodes them, detects on the text, and masks every field that spells a sensitive key: decoding
every field of the output with the same tables must not bring back a typed value.

The recording is built through the recorder's own event normaliser
(``normalize_xinput_key_event``, what its XInput observer calls for each key) with no keysym, as
for the keys it stored from xedit; the same events are also built without the package installed.
"""

from __future__ import annotations

import json

import pytest

from redactkit.keys import KeystrokeRedactor, codes, layouts
from redactkit.keys.decode import SPELLING, Decoder, needs_decoding
from redactkit.keys.editor import Editor

VALUES = {
    "PERSON": "Ingrid Okafor",
    "PHONE_NUMBER": "+44 20 7946 0958",
    "CREDIT_CARD": "4111 1111 1111 1111",
    "EMAIL_ADDRESS": "ingrid.okafor@initech.co",
}
X11_OF = {pos: code for code, pos in codes.X11.items()}


def observed(keycode: int, pressed: bool, t: float) -> dict:
    """One key as the recorder normalises it, keycode only (no keysym)."""
    try:
        from openadapt_capture.input_observer.linux import normalize_xinput_key_event
    except ImportError:
        name = f"keycode_{keycode}"
        return {"pressed": pressed, "key_name": name, "key_char": None, "key_vk": str(keycode),
                "canonical_key_name": name, "canonical_key_char": None,
                "canonical_key_vk": str(keycode), "injected": True, "timestamp": t}  # fmt: skip
    obs = normalize_xinput_key_event(
        keycode=keycode, pressed=pressed, keysym_name=None, injected=True, timestamp=t
    )
    return {k: getattr(obs, k) for k in obs.__dataclass_fields__}


def adapt(raw: dict, **context) -> dict:
    """The adapter a user writes first: the recorder's name as ``key``, everything else kept."""
    event = {"t": raw["timestamp"], "type": "keydown" if raw["pressed"] else "keyup"}
    event["key"] = raw["key_char"] or raw["key_name"] or "Unidentified"
    event.update({k: v for k, v in raw.items() if k not in ("pressed", "timestamp")})
    event.update(context)
    return event


def xedit_typing(text: str, t0: float = 0.0, *, backspace_after: int = -1) -> list[dict]:
    """Keycode-only events typing ``text`` on a US keyboard (Shift by keycode too), with a typo
    fixed by Backspace after character ``backspace_after``."""
    events, t = [], t0
    table = layouts.typing("us")

    def key(pos: str) -> None:
        nonlocal t
        events.append(adapt(observed(X11_OF[pos], True, t)))
        events.append(adapt(observed(X11_OF[pos], False, t + 0.03)))
        t += 0.07

    for i, ch in enumerate(text):
        pos, layer = ("Space", "base") if ch == " " else table[ch]
        if layer == "shift":
            events.append(adapt(observed(X11_OF["ShiftLeft"], True, t)))
        key(pos)
        if layer == "shift":
            events.append(adapt(observed(X11_OF["ShiftLeft"], False, t)))
        if i == backspace_after:
            key("KeyX")
            key("Backspace")
    key("Enter")
    return events


def session() -> list[dict]:
    events: list[dict] = []
    t = 0.0
    for n, (kind, value) in enumerate(VALUES.items()):
        line = f"{kind.lower().split('_')[0]} {value}"
        part = xedit_typing(line, t, backspace_after=len(line) - 4 if n % 2 else 3)
        part[0].update(app="xedit", title="notes.txt", layout="us")
        events += part
        t = part[-1]["t"] + 1.0
    return events


def spelled(events: list[dict]) -> list[str]:
    """Every text the events spell through any field: each field that can spell a key is read
    alone (as the only code of its event) and the stream replayed through the edit model."""
    texts = []
    names = {k for e in events for k in e if k in SPELLING or k.startswith("canonical_")}
    for name in sorted(names) + ["key"]:
        decoder, editor, fields = Decoder(), Editor(), []
        for i, e in enumerate(events):
            alone = {k: v for k, v in e.items() if k not in SPELLING and k != "key"}
            alone["key"] = e["key"] if name == "key" else "Unidentified"
            if name != "key" and name in e:
                alone[name] = e[name]
            if needs_decoding(alone):
                alone["key"] = decoder.decode({**alone, "platform": "linux"})
            fields += editor.feed(i, alone).closed
        last = editor.close(len(events), "flush")
        for f in fields + ([last] if last else []):
            texts += [f.text(), "".join(s.char for s in f.typed)]
    return texts


def recoverable(value: str, texts: list[str]) -> bool:
    pieces = {value[i : i + 6] for i in range(len(value) - 5)}
    return any(p in t for t in texts for p in pieces)


@pytest.fixture(scope="module")
def text_redactor():
    from redactkit.text import TextRedactor

    return TextRedactor()


def test_the_recording_spells_the_values_before_redaction():
    texts = spelled(session())
    assert all(recoverable(v, texts) for v in VALUES.values())


def test_no_typed_value_is_recoverable_from_any_field_of_the_redacted_events(text_redactor):
    redactor = KeystrokeRedactor(text_redactor=text_redactor)
    events = session()
    out = list(redactor.feed(events)) + list(redactor.flush())
    assert len(out) == len(events) and redactor.stats["decoded"] > 0
    assert redactor.stats["undecoded"] == 0
    texts = spelled(out)
    leaks = [kind for kind, v in VALUES.items() if recoverable(v, texts)]
    assert leaks == []
    # the labels typed before the values are still there, decoded from the kept keycodes
    assert any("phone" in t for t in texts) and any("credit " in t for t in texts)
    # fields the redactor does not know (the recorder's timestamp) are gone from key events
    assert not any("timestamp" in e for e in out)
    assert all(json.dumps(e) for e in out)


def test_unknown_fields_are_kept_when_the_policy_says_so(text_redactor):
    from redactkit.policy import Policy
    from redactkit.text import TextRedactor

    events = [
        {"t": 0.0, "type": "keydown", "key": "h", "app": "x", "seq": 7, "raw": "h"},
        {"t": 0.1, "type": "keyup", "key": "h", "seq": 8},
        {"t": 0.2, "type": "mousedown", "x": 1, "y": 2, "button": 0, "seq": 9},
    ]
    out = list(KeystrokeRedactor(text_redactor=text_redactor).feed(events))
    assert [sorted(e) for e in out] == [
        ["app", "key", "t", "type"], ["key", "t", "type"], ["button", "seq", "t", "type", "x", "y"],
    ]  # fmt: skip
    keep = TextRedactor(Policy(key_unknown_fields="keep"))
    out = list(KeystrokeRedactor(text_redactor=keep).feed(events))
    assert [e.get("seq") for e in out] == [7, 8, 9]


def test_an_undecodable_key_is_masked_whole(text_redactor):
    events = [
        {"t": 0.0, "type": "keydown", "key": "Unidentified", "key_vk": "38", "scanCode": "zz"},
        {"t": 0.1, "type": "keyup", "key": "Unidentified", "key_vk": "38"},
        {"t": 0.2, "type": "keydown", "key": "Enter"},
    ]
    redactor = KeystrokeRedactor(text_redactor=text_redactor)
    out = list(redactor.feed(events)) + list(redactor.flush())
    assert redactor.stats["undecoded"] == 2
    assert out[0]["key"] == "•" and out[0]["key_vk"] == "•" and out[0]["scanCode"] == "•"
    assert out[1]["key"] == "•" and out[1]["key_vk"] == "•"
