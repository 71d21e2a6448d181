"""Key events whose ``key`` is unknown, decoded from the codes they carry.

Recorders do not always know the character: ``openadapt-capture`` on X11 stores keys it cannot
name as ``keycode_38`` with the keycode beside it; a browser may report ``Unidentified`` with a
``code``. The codes still spell what was typed, so they are decoded through ``codes`` (code
space -> key position) and ``layouts`` (position -> character) into the ``key`` the edit model
and detection need. What cannot be decoded is UNDECODED: the redactor masks it whole.

Every field that can spell a key is listed here (``spells_key``): when a key is masked, all of
them are blanked with it; on key events, fields that are neither these nor the known context are
dropped unless the policy keeps them (``known_key_field``).
"""

from __future__ import annotations

import re
from typing import Any

from redactkit.keys import codes, layouts
from redactkit.keys.events import KEY_TYPES, MODIFIERS, is_valid_key

#: Stands for a key that could not be decoded: printable, so it takes a place in the text.
UNDECODED = "\ufffd"

#: Fields holding the character itself (a recorder's ``key_char``, ``char``).
CHAR_FIELDS = ("key_char", "char", "text", "canonical_key_char", "data")
#: Fields holding a recorder's key name ("shift", "backspace", "a", "keycode_38").
NAME_FIELDS = ("key_name", "canonical_key_name")
#: Code fields and the table that reads them; NATIVE: the platform's own code (X11 keycode,
#: Windows virtual key or macOS key code), read by the event's ``platform``.
NATIVE = "native"
CODE_FIELDS = {
    "keysym": "keysym", "keysym_name": "keysym",
    "code": "dom",
    "keyCode": "windows", "which": "windows", "vk": "windows", "vkCode": "windows",
    "vk_code": "windows", "virtualKey": "windows",
    "scanCode": "scan", "scancode": "scan", "scan_code": "scan",
    "macKeyCode": "mac", "mac_keycode": "mac",
    "keycode": NATIVE, "key_code": NATIVE, "key_vk": NATIVE, "canonical_key_vk": NATIVE,
    "nativeKeyCode": NATIVE, "native_keycode": NATIVE,
}  # fmt: skip
#: Every field of a key event that can spell its key (blanked whenever the key is masked).
SPELLING = frozenset(CODE_FIELDS) | frozenset(CHAR_FIELDS) | frozenset(NAME_FIELDS) | {"charCode"}
#: Fields of a key event that spell nothing: kept as they are (context is redacted as text).
CONTEXT = frozenset(
    {"t", "type", "key", "location", "repeat", "isComposing", "shiftKey", "ctrlKey", "altKey",
     "metaKey", "app", "title", "secure", "layout", "platform", "field", "injected"}
)  # fmt: skip
PLATFORMS = {
    "linux": "x11", "x11": "x11", "xorg": "x11", "windows": "windows", "win32": "windows",
    "darwin": "mac", "mac": "mac", "macos": "mac", "osx": "mac",
}  # fmt: skip
_TABLES: dict[str, dict[int, str]] = {
    "x11": codes.X11, "scan": codes.SCAN, "mac": codes.MAC, "windows": codes.WINDOWS,
}  # fmt: skip
#: Recorder key names (pynput style, as ``openadapt-capture`` writes them) -> W3C names.
RECORDER_NAMES = {
    "alt": "Alt", "alt_l": "Alt", "alt_r": "Alt", "alt_gr": "AltGraph", "ctrl": "Control",
    "ctrl_l": "Control", "ctrl_r": "Control", "shift": "Shift", "shift_l": "Shift",
    "shift_r": "Shift", "cmd": "Meta", "cmd_l": "Meta", "cmd_r": "Meta", "super": "Meta",
    "backspace": "Backspace", "delete": "Delete", "enter": "Enter", "return": "Enter",
    "tab": "Tab", "space": " ", "esc": "Escape", "escape": "Escape", "left": "ArrowLeft",
    "right": "ArrowRight", "up": "ArrowUp", "down": "ArrowDown", "home": "Home", "end": "End",
    "page_up": "PageUp", "page_down": "PageDown", "caps_lock": "CapsLock", "insert": "Insert",
}  # fmt: skip
_RAW_KEYCODE = re.compile(r"keycode_(\d{1,4})")
_READABLE = (*CHAR_FIELDS, *NAME_FIELDS, *CODE_FIELDS)


#: Every field name a key event may carry without being dropped (``canonical_*`` aside).
KNOWN_KEY_FIELDS = CONTEXT | SPELLING


def spells_key(name: str) -> bool:
    """Whether a field of a key event can spell the key (a recorder's ``canonical_*`` copies
    included)."""
    return name in SPELLING or name.startswith("canonical_")


def known_key_field(name: str) -> bool:
    return name in CONTEXT or spells_key(name)


def needs_decoding(event: dict[str, Any]) -> bool:
    """A key event whose ``key`` says it is unknown (``Unidentified``, empty, a recorder's
    ``keycode_NN`` or pynput-style name such as ``shift``), or that has none but carries codes:
    its codes must be read. Any other malformed ``key`` stays a validation error."""
    if event.get("type") not in KEY_TYPES:
        return False
    key = event.get("key")
    if isinstance(key, str):
        if key == "Unidentified" or key == "":
            return True
        if is_valid_key(key):
            return False
        return _RAW_KEYCODE.fullmatch(key) is not None or key.casefold() in RECORDER_NAMES
    return key is None and any(name in event for name in _READABLE)


class Decoder:
    """Turns key events with an unknown ``key`` into events with the key their codes spell.

    Keeps what decoding needs from the stream: the layout (``layout`` on an event, in force
    until changed, default US), the platform (``platform``), Shift / AltGr held, Caps Lock, a
    pending dead key, and the character each held position typed (its keyup gets the same)."""

    #: Keys whose state decoding follows, also when the event names them itself.
    TRACKED = frozenset({"Shift", "AltGraph", "CapsLock"})

    def __init__(self) -> None:
        self.layout = layouts.DEFAULT
        self.layout_known = True
        self.platform: str | None = None
        self.shift = self.altgr = self.caps = False
        self.dead = ""
        self._down: dict[str, str] = {}

    def context(self, event: dict[str, Any]) -> None:
        """Take the layout and platform an event names (any event type)."""
        if "layout" in event:
            name = layouts.layout_name(event["layout"])
            self.layout, self.layout_known = (name, True) if name else (self.layout, False)
        if "platform" in event and isinstance(event["platform"], str):
            self.platform = PLATFORMS.get(event["platform"].casefold())

    def track(self, event: dict[str, Any], key: str) -> None:
        """Modifier state from an event whose key is known (a recorder names Shift but not
        the letters)."""
        down = event.get("type") == "keydown"
        if key == "Shift":
            self.shift = down
        elif key == "AltGraph":
            self.altgr = down
        elif key == "CapsLock" and down:
            self.caps = not self.caps

    def decode(self, event: dict[str, Any]) -> str:
        """The W3C key ``event`` spells: a character, a named key, or UNDECODED."""
        if "layout" in event or "platform" in event:
            self.context(event)
        down = event.get("type") == "keydown"
        where, key = self._read(event)
        if key is None:
            return UNDECODED
        if down:
            if key in MODIFIERS or key == "AltGraph":
                self.track(event, key)
            elif key in layouts.DEAD:
                self.dead = key
                key = "Dead"
            elif self.dead and len(key) == 1:
                key, self.dead = layouts.compose(self.dead, key), ""
            if where:
                self._down[where] = key
            return key
        if key in MODIFIERS or key == "AltGraph":
            self.track(event, key)
        if where and where in self._down:
            return self._down.pop(where)
        return "Dead" if key in layouts.DEAD else key

    # -- reading the fields -------------------------------------------------------------------
    def _read(self, event: dict[str, Any]) -> tuple[str, str | None]:
        """(an identity of the physical key, the key it types) from the first field that
        decodes, in order: characters, recorder names, keysyms, codes."""
        for name in CHAR_FIELDS[:3]:
            value = event.get(name)
            if isinstance(value, str) and is_valid_key(value) and value != "Unidentified":
                return self._where(event), value
        for name in NAME_FIELDS:
            value = event.get(name)
            if isinstance(value, str) and value.casefold() in RECORDER_NAMES:
                return self._where(event), RECORDER_NAMES[value.casefold()]
        key = event.get("key")
        raw = _RAW_KEYCODE.fullmatch(key) if isinstance(key, str) else None
        for name, space in CODE_FIELDS.items():
            if name in event:
                found = self._code(space, event[name])
                if found is not None:
                    return f"{space}:{event[name]}", found
        if raw is not None:
            found = self._code(NATIVE, raw.group(1), raw_name=True)
            if found is not None:
                return f"native:{raw.group(1)}", found
        return "", None

    def _where(self, event: dict[str, Any]) -> str:
        for name, space in CODE_FIELDS.items():
            if name in event:
                return f"{space}:{event[name]}"
        return ""

    def _code(self, space: str, value: object, *, raw_name: bool = False) -> str | None:
        if space == "keysym":
            return keysym_key(value)
        if space == "dom":
            return self._position(value) if isinstance(value, str) else None
        number = _number(value)
        if number is None:
            return None
        if space == NATIVE:
            space = self.platform or ("x11" if raw_name else "")
            if not space:
                return None  # a native code of an unnamed platform: not guessed
        if space == "windows":
            letter = codes.LETTER_VK.get(number)
            if letter is not None:
                return self._case(letter)
            if self.layout == "us" and number in codes.OEM_US:
                return self._position(codes.OEM_US[number])
        return self._position(_TABLES[space].get(number))

    def _position(self, pos: str | None) -> str | None:
        if pos is None:
            return None
        if pos == "AltRight" and self.layout in layouts.ALTGR_RIGHT_ALT:
            return "AltGraph"
        fixed = codes.FIXED.get(pos)
        if fixed is not None:
            return fixed
        if not self.layout_known:
            return None  # a layout we have no table for: the character is not guessed
        chars = layouts.table(self.layout).get(pos)
        if chars is None:
            return None
        base, shifted, altgr = chars
        if self.altgr:
            return altgr or None
        upper = self.shift != (self.caps and base.isalpha())
        return (shifted if upper else base) or None

    def _case(self, letter: str) -> str:
        return letter.upper() if self.shift != self.caps else letter


def keysym_key(value: object) -> str | None:
    """The key an X11 keysym (name or number) types."""
    if isinstance(value, str):
        if len(value) == 1 and value.isprintable():
            return value
        named = codes.KEYSYM_NAMED.get(value) or codes.KEYSYM_CHARS.get(value)
        if named is not None:
            return named
        if value in codes.KEYSYM_DEAD:
            return codes.KEYSYM_DEAD[value]
        for accent, mark in codes.KEYSYM_ACCENTS.items():
            if len(value) == len(accent) + 1 and value.endswith(accent):
                return layouts.compose(mark, value[0])
        value = _number(value)
    if not isinstance(value, int):
        return None
    if 0x20 <= value <= 0x7E or 0xA0 <= value <= 0xFF:
        return chr(value)
    if 0x1000100 <= value <= 0x110FFFF:
        return chr(value - 0x1000000)
    return None


def _number(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit() and len(value) < 9:
        return int(value)
    if isinstance(value, str) and value.lower().startswith("0x"):
        try:
            return int(value, 16)
        except ValueError:
            return None
    return None
