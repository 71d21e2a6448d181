"""Key codes as data: every code space a recorder may store, mapped to one physical key position.

A key event whose ``key`` is unknown (``Unidentified``, empty, a recorder's raw ``keycode_38``)
still spells what was typed through its codes. The position is named as the W3C UI Events
``code`` names it ("KeyA", "Digit1", "Backslash", "IntlBackslash", "Enter", "ShiftLeft"); what
character a position types depends on the layout (``layouts``). Tables, not logic:

- ``X11``: X11 keycodes, which are Linux evdev codes + 8 (``xev``, ``xdotool``, XInput recorders);
- ``SCAN``: PC scan codes, set 1 (Windows ``scanCode``), which are the evdev codes of the main block;
- ``MAC``: macOS virtual key codes (``kVK_*``, Carbon ``Events.h``; mapped as Chromium maps them);
- ``WINDOWS``: Windows virtual keys and the DOM's legacy ``keyCode``/``which`` (the same numbers).
  Letter keys name the *letter* the layout gives the key, not a position (``LETTER_VK``);
  the punctuation keys (``VK_OEM_*``) differ from layout to layout and are known here for the US
  layout only (``OEM_US``), elsewhere they are not decoded (the key is then masked whole).
"""

from __future__ import annotations

#: The keys that type characters, in the order the layout rows of ``layouts`` list them:
#: rows E (digits), D (QWERTY), C (home row), B (bottom row); ``Backslash`` is also the ISO key
#: left of Enter, ``IntlBackslash`` the ISO key right of left Shift.
WRITING = (
    "Backquote Digit1 Digit2 Digit3 Digit4 Digit5 Digit6 Digit7 Digit8 Digit9 Digit0 Minus Equal "
    "KeyQ KeyW KeyE KeyR KeyT KeyY KeyU KeyI KeyO KeyP BracketLeft BracketRight Backslash "
    "KeyA KeyS KeyD KeyF KeyG KeyH KeyJ KeyK KeyL Semicolon Quote "
    "IntlBackslash KeyZ KeyX KeyC KeyV KeyB KeyN KeyM Comma Period Slash"
).split()

#: Positions whose meaning no layout changes: the W3C ``key`` they produce.
FIXED = {
    "Space": " ",
    "Enter": "Enter",
    "NumpadEnter": "Enter",
    "Tab": "Tab",
    "Backspace": "Backspace",
    "Delete": "Delete",
    "Insert": "Insert",
    "Escape": "Escape",
    "Home": "Home",
    "End": "End",
    "PageUp": "PageUp",
    "PageDown": "PageDown",
    "ArrowLeft": "ArrowLeft",
    "ArrowRight": "ArrowRight",
    "ArrowUp": "ArrowUp",
    "ArrowDown": "ArrowDown",
    "ShiftLeft": "Shift",
    "ShiftRight": "Shift",
    "ControlLeft": "Control",
    "ControlRight": "Control",
    "AltLeft": "Alt",
    "AltRight": "Alt",  # AltGraph on European layouts (``layouts.ALTGR_RIGHT_ALT``)
    "MetaLeft": "Meta",
    "MetaRight": "Meta",
    "CapsLock": "CapsLock",
    "NumLock": "NumLock",
    "ScrollLock": "ScrollLock",
    "ContextMenu": "ContextMenu",
    "Pause": "Pause",
    "PrintScreen": "PrintScreen",
    "Fn": "Fn",
    "NumpadDecimal": ".",
    "NumpadAdd": "+",
    "NumpadSubtract": "-",
    "NumpadMultiply": "*",
    "NumpadDivide": "/",
    "NumpadEqual": "=",
    **{f"Numpad{i}": str(i) for i in range(10)},
    **{f"F{i}": f"F{i}" for i in range(1, 25)},
}

#: Every position a code may name.
POSITIONS = frozenset(WRITING) | frozenset(FIXED)

# evdev (linux/input-event-codes.h) for the main block, which set-1 scan codes share.
_EVDEV_MAIN = {
    1: "Escape",
    **{n: f"Digit{(n - 1) % 10}" for n in range(2, 12)},
    12: "Minus",
    13: "Equal",
    14: "Backspace",
    15: "Tab",
    **{16 + i: f"Key{c}" for i, c in enumerate("QWERTYUIOP")},
    26: "BracketLeft",
    27: "BracketRight",
    28: "Enter",
    29: "ControlLeft",
    **{30 + i: f"Key{c}" for i, c in enumerate("ASDFGHJKL")},
    39: "Semicolon",
    40: "Quote",
    41: "Backquote",
    42: "ShiftLeft",
    43: "Backslash",
    **{44 + i: f"Key{c}" for i, c in enumerate("ZXCVBNM")},
    51: "Comma",
    52: "Period",
    53: "Slash",
    54: "ShiftRight",
    55: "NumpadMultiply",
    56: "AltLeft",
    57: "Space",
    58: "CapsLock",
    **{59 + i: f"F{i + 1}" for i in range(10)},
    69: "NumLock",
    70: "ScrollLock",
    71: "Numpad7",
    72: "Numpad8",
    73: "Numpad9",
    74: "NumpadSubtract",
    75: "Numpad4",
    76: "Numpad5",
    77: "Numpad6",
    78: "NumpadAdd",
    79: "Numpad1",
    80: "Numpad2",
    81: "Numpad3",
    82: "Numpad0",
    83: "NumpadDecimal",
    86: "IntlBackslash",
    87: "F11",
    88: "F12",
}
_EVDEV_MORE = {
    96: "NumpadEnter",
    97: "ControlRight",
    98: "NumpadDivide",
    100: "AltRight",
    102: "Home",
    103: "ArrowUp",
    104: "PageUp",
    105: "ArrowLeft",
    106: "ArrowRight",
    107: "End",
    108: "ArrowDown",
    109: "PageDown",
    110: "Insert",
    111: "Delete",
    117: "NumpadEqual",
    119: "Pause",
    125: "MetaLeft",
    126: "MetaRight",
    127: "ContextMenu",
}
EVDEV = {**_EVDEV_MAIN, **_EVDEV_MORE}
X11 = {code + 8: pos for code, pos in EVDEV.items()}
SCAN = dict(_EVDEV_MAIN)

MAC = {
    **dict(zip((0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09), "ASDFHGZXCV")),
    **dict(zip((0x0B, 0x0C, 0x0D, 0x0E, 0x0F, 0x10, 0x11), "BQWERYT")),
    **dict(zip((0x1F, 0x20, 0x22, 0x23, 0x25, 0x26, 0x28, 0x2D, 0x2E), "OUIPLJKNM")),
    **dict(zip((0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x19, 0x1A, 0x1C, 0x1D), "1234659780")),
}
MAC = {k: (f"Key{v}" if v.isalpha() else f"Digit{v}") for k, v in MAC.items()}
MAC.update(
    {
        0x0A: "IntlBackslash",
        0x18: "Equal",
        0x1B: "Minus",
        0x1E: "BracketRight",
        0x21: "BracketLeft",
        0x24: "Enter",
        0x27: "Quote",
        0x29: "Semicolon",
        0x2A: "Backslash",
        0x2B: "Comma",
        0x2C: "Slash",
        0x2F: "Period",
        0x30: "Tab",
        0x31: "Space",
        0x32: "Backquote",
        0x33: "Backspace",
        0x35: "Escape",
        0x36: "MetaRight",
        0x37: "MetaLeft",
        0x38: "ShiftLeft",
        0x39: "CapsLock",
        0x3A: "AltLeft",
        0x3B: "ControlLeft",
        0x3C: "ShiftRight",
        0x3D: "AltRight",
        0x3E: "ControlRight",
        0x3F: "Fn",
        0x41: "NumpadDecimal",
        0x43: "NumpadMultiply",
        0x45: "NumpadAdd",
        0x4B: "NumpadDivide",
        0x4C: "NumpadEnter",
        0x4E: "NumpadSubtract",
        0x51: "NumpadEqual",
        **{0x52 + i: f"Numpad{i}" for i in range(8)},
        0x5B: "Numpad8",
        0x5C: "Numpad9",
        0x73: "Home",
        0x74: "PageUp",
        0x75: "Delete",
        0x77: "End",
        0x79: "PageDown",
        0x7B: "ArrowLeft",
        0x7C: "ArrowRight",
        0x7D: "ArrowDown",
        0x7E: "ArrowUp",
        **dict(zip((0x7A, 0x78, 0x63, 0x76, 0x60, 0x61, 0x62, 0x64, 0x65, 0x6D, 0x67, 0x6F),
                   (f"F{i}" for i in range(1, 13)))),
    }
)  # fmt: skip

WINDOWS = {
    0x08: "Backspace",
    0x09: "Tab",
    0x0D: "Enter",
    0x10: "ShiftLeft",
    0x11: "ControlLeft",
    0x12: "AltLeft",
    0x13: "Pause",
    0x14: "CapsLock",
    0x1B: "Escape",
    0x20: "Space",
    0x21: "PageUp",
    0x22: "PageDown",
    0x23: "End",
    0x24: "Home",
    0x25: "ArrowLeft",
    0x26: "ArrowUp",
    0x27: "ArrowRight",
    0x28: "ArrowDown",
    0x2C: "PrintScreen",
    0x2D: "Insert",
    0x2E: "Delete",
    **{0x30 + i: f"Digit{i}" for i in range(10)},
    0x5B: "MetaLeft",
    0x5C: "MetaRight",
    0x5D: "ContextMenu",
    **{0x60 + i: f"Numpad{i}" for i in range(10)},
    0x6A: "NumpadMultiply",
    0x6B: "NumpadAdd",
    0x6D: "NumpadSubtract",
    0x6E: "NumpadDecimal",
    0x6F: "NumpadDivide",
    **{0x70 + i: f"F{i + 1}" for i in range(24)},
    0x90: "NumLock",
    0x91: "ScrollLock",
    0xA0: "ShiftLeft",
    0xA1: "ShiftRight",
    0xA2: "ControlLeft",
    0xA3: "ControlRight",
    0xA4: "AltLeft",
    0xA5: "AltRight",
}
#: Windows letter keys: the letter of the layout (VK_A is the key that types "a").
LETTER_VK = {0x41 + i: chr(0x61 + i) for i in range(26)}
#: ``VK_OEM_*`` on the US layout (other layouts move them: not decoded there).
OEM_US = {
    0xBA: "Semicolon",
    0xBB: "Equal",
    0xBC: "Comma",
    0xBD: "Minus",
    0xBE: "Period",
    0xBF: "Slash",
    0xC0: "Backquote",
    0xDB: "BracketLeft",
    0xDC: "Backslash",
    0xDD: "BracketRight",
    0xDE: "Quote",
    0xE2: "IntlBackslash",
}

#: X11 keysym names of named keys, as W3C key names (``xev`` output, XKB).
KEYSYM_NAMED = {
    "Return": "Enter",
    "KP_Enter": "Enter",
    "BackSpace": "Backspace",
    "Tab": "Tab",
    "ISO_Left_Tab": "Tab",
    "Escape": "Escape",
    "Delete": "Delete",
    "Insert": "Insert",
    "Home": "Home",
    "End": "End",
    "Prior": "PageUp",
    "Next": "PageDown",
    "Left": "ArrowLeft",
    "Right": "ArrowRight",
    "Up": "ArrowUp",
    "Down": "ArrowDown",
    "Shift_L": "Shift",
    "Shift_R": "Shift",
    "Control_L": "Control",
    "Control_R": "Control",
    "Alt_L": "Alt",
    "Alt_R": "Alt",
    "Meta_L": "Meta",
    "Meta_R": "Meta",
    "Super_L": "Meta",
    "Super_R": "Meta",
    "ISO_Level3_Shift": "AltGraph",
    "Mode_switch": "AltGraph",
    "Caps_Lock": "CapsLock",
    "Num_Lock": "NumLock",
    "Menu": "ContextMenu",
    **{f"F{i}": f"F{i}" for i in range(1, 25)},
}
#: Keysym names of printable characters that are not the character itself (``at``, ``eacute``).
KEYSYM_CHARS = {
    "space": " ", "exclam": "!", "quotedbl": '"', "numbersign": "#", "dollar": "$",
    "percent": "%", "ampersand": "&", "apostrophe": "'", "parenleft": "(", "parenright": ")",
    "asterisk": "*", "plus": "+", "comma": ",", "minus": "-", "period": ".", "slash": "/",
    "colon": ":", "semicolon": ";", "less": "<", "equal": "=", "greater": ">", "question": "?",
    "at": "@", "bracketleft": "[", "backslash": "\\", "bracketright": "]", "asciicircum": "^",
    "underscore": "_", "grave": "`", "braceleft": "{", "bar": "|", "braceright": "}",
    "asciitilde": "~", "EuroSign": "€", "sterling": "£", "section": "§", "degree": "°",
    "mu": "µ", "twosuperior": "²", "threesuperior": "³", "notsign": "¬", "brokenbar": "¦",
    "currency": "¤", "onehalf": "½", "exclamdown": "¡", "questiondown": "¿", "masculine": "º",
    "ordfeminine": "ª", "periodcentered": "·", "acute": "´", "diaeresis": "¨", "ssharp": "ß",
    "ae": "æ", "AE": "Æ", "oslash": "ø", "Oslash": "Ø", "aring": "å", "Aring": "Å",
    "KP_Decimal": ".", "KP_Add": "+", "KP_Subtract": "-", "KP_Multiply": "*", "KP_Divide": "/",
    **{f"KP_{i}": str(i) for i in range(10)},
}  # fmt: skip
#: Dead keysyms: the combining mark they put on the next letter.
KEYSYM_DEAD = {
    "dead_acute": "\u0301",
    "dead_grave": "\u0300",
    "dead_circumflex": "\u0302",
    "dead_diaeresis": "\u0308",
    "dead_tilde": "\u0303",
}
#: Accented Latin-1 letters spelled as keysym names: base letter + accent name.
KEYSYM_ACCENTS = {
    "acute": "\u0301",
    "grave": "\u0300",
    "circumflex": "\u0302",
    "diaeresis": "\u0308",
    "tilde": "\u0303",
    "cedilla": "\u0327",
}
