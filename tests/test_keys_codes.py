"""Key codes and layouts: every table round-trips (character -> codes -> character, per layout and
code space), keys known only by their codes are decoded for detection, and when a key is masked
no field of its event can spell it."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from redactkit.keys import codes, layouts
from redactkit.keys.decode import UNDECODED, Decoder, keysym_key, spells_key

SPACES = {"dom": None, "x11": codes.X11, "scan": codes.SCAN, "mac": codes.MAC}
FIELD = {"dom": "code", "x11": "keycode", "scan": "scanCode", "mac": "macKeyCode"}


def inverse(table: dict[int, str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for number, pos in table.items():
        out.setdefault(pos, number)
    return out


def press(space: str, pos: str, *, up: bool = False, layout: str | None = None) -> dict:
    """A key event carrying only the code of ``pos`` in ``space``."""
    value = pos if space == "dom" else inverse(SPACES[space])[pos]
    event = {"type": "keyup" if up else "keydown", "key": "Unidentified", FIELD[space]: value}
    if space == "x11":
        event["platform"] = "linux"
    if layout:
        event["layout"] = layout
    return event


def type_char(decoder: Decoder, space: str, layout: str, char: str) -> str:
    """Decode the events that type ``char`` on ``layout`` (modifier down, key, modifier up)."""
    pos, layer = layouts.typing(layout)[char]
    modifier = {"base": None, "shift": "ShiftLeft", "altgr": "AltRight"}[layer]
    decoder.context({"layout": layout})
    if modifier is None:
        return decoder.decode(press(space, pos))
    if space == "dom" or modifier in inverse(SPACES[space]):
        decoder.decode(press(space, modifier))
        key = decoder.decode(press(space, pos))
        decoder.decode(press(space, modifier, up=True))
        return key
    # set-1 scan codes have no right Alt (an extended code): the recorder names it
    decoder.track({"type": "keydown"}, "AltGraph")
    key = decoder.decode(press(space, pos))
    decoder.track({"type": "keyup"}, "AltGraph")
    return key


@pytest.mark.parametrize("space", sorted(SPACES))
@pytest.mark.parametrize("layout", sorted(layouts.LAYOUTS))
@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_every_character_of_a_layout_round_trips_through_each_code_space(space, layout, data):
    char = data.draw(st.sampled_from(sorted(layouts.typing(layout))))
    pos, _ = layouts.typing(layout)[char]
    if space != "dom" and pos not in inverse(SPACES[space]):
        return  # the code space has no such key (no IntlBackslash in macOS ANSI tables...)
    if space == "mac" and layout == "us" and pos == "IntlBackslash":
        return
    assert type_char(Decoder(), space, layout, char) == char


@pytest.mark.parametrize("layout", sorted(layouts.LAYOUTS))
def test_whole_layout_round_trips_through_dom_codes_and_x11(layout):
    for space in ("dom", "x11"):
        decoder = Decoder()
        for char in layouts.typing(layout):
            assert type_char(decoder, space, layout, char) == char, (space, char)


@given(st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x7E), min_size=1))
def test_windows_virtual_keys_spell_us_text(text):
    decoder = Decoder()
    inv = {**inverse(codes.WINDOWS), **inverse(codes.OEM_US)}
    out = []
    for char in text:
        if char.isalpha():  # letter VKs name the letter
            vk, shift = 0x41 + ord(char.lower()) - 0x61, char.isupper()
        else:
            pos, layer = layouts.typing("us")[char] if char != " " else ("Space", "base")
            vk, shift = inv[pos], layer == "shift"
        events = [{"type": "keydown", "key": "Unidentified", "keyCode": vk}]
        if shift:
            events.insert(0, {"type": "keydown", "key": "Unidentified", "vk": 0x10})
            events.append({"type": "keyup", "key": "Unidentified", "vk": 0x10})
        keys = [decoder.decode(e) for e in events]
        out.append(keys[1] if shift else keys[0])
    assert "".join(out) == text


@given(st.characters(min_codepoint=0x21, max_codepoint=0x17F).filter(str.isprintable))
def test_keysyms_by_number_and_name_round_trip(char):
    number = ord(char) if ord(char) <= 0xFF else 0x1000000 + ord(char)
    assert keysym_key(number) == char
    assert keysym_key(hex(number)) == char


def test_keysym_names_dead_keys_and_accents():
    d = Decoder()
    assert [keysym_key(n) for n in ("at", "Return", "eacute", "Udiaeresis", "KP_5")] == [
        "@", "Enter", "é", "Ü", "5",
    ]  # fmt: skip
    # a dead acute then "e" on a German layout by DOM code: "é"
    events = [press("dom", "Equal", layout="de"), press("dom", "KeyE")]
    assert [d.decode(e) for e in events] == ["Dead", "é"]


def test_caps_lock_and_the_keyup_of_a_shifted_key():
    d = Decoder()
    seq = [
        press("x11", "CapsLock"),
        press("x11", "KeyA"),
        press("x11", "KeyA", up=True),
        press("x11", "CapsLock"),
        press("x11", "Digit2"),
    ]
    assert [d.decode(e) for e in seq] == ["CapsLock", "A", "A", "CapsLock", "2"]


def test_what_cannot_be_decoded_is_undecoded():
    d = Decoder()
    # a native code of an unnamed platform is not guessed; an unknown layout neither
    assert d.decode({"type": "keydown", "key": "Unidentified", "key_vk": "38"}) == UNDECODED
    d.context({"layout": "tlh"})
    assert d.decode({"type": "keydown", "key": "", "code": "KeyA"}) == UNDECODED
    assert d.decode({"type": "keydown", "key": "", "code": "Enter"}) == "Enter"
    assert d.decode({"type": "keydown", "key": "keycode_999"}) == UNDECODED


def test_a_raw_recorder_keycode_name_is_an_x11_keycode():
    d = Decoder()
    assert d.decode({"type": "keydown", "key": "keycode_38", "key_vk": "38"}) == "a"
    d.context({"platform": "darwin"})
    assert d.decode({"type": "keydown", "key": "keycode_0", "key_vk": "0"}) == "a"


def test_fields_that_spell_a_key():
    for name in ("code", "keyCode", "which", "charCode", "scanCode", "keysym", "vk", "key_vk",
                 "canonical_key_vk", "canonical_whatever", "key_char", "keycode"):  # fmt: skip
        assert spells_key(name), name
    for name in ("t", "type", "app", "title", "location", "shiftKey"):
        assert not spells_key(name), name
