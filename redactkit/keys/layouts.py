"""Keyboard layouts as data: the character each key position types, per layer.

Each layout lists four rows (E: digits, D: QWERTY, C: home row, B: bottom row) of the positions
in ``codes.WRITING``, one string per layer: base, Shift, AltGr. A space means the layer types
nothing there. A combining mark (U+0300...) is a dead key: it types nothing and puts its accent
on the next letter. Layouts follow the usual PC (Windows / XKB) layouts of each country; the
names are the XKB layout names, with common aliases.
"""

from __future__ import annotations

import unicodedata
from functools import cache

from redactkit.keys.codes import WRITING

_GRAVE, _ACUTE, _CIRC, _DIAER, _TILDE = "\u0300", "\u0301", "\u0302", "\u0308", "\u0303"

_US = {
    "base": "`1234567890-=qwertyuiop[]\\asdfghjkl;'\\zxcvbnm,./",
    "shift": '~!@#$%^&*()_+QWERTYUIOP{}|ASDFGHJKL:"|ZXCVBNM<>?',
}
_NORDIC_TOP = {  # Swedish and Finnish
    "base": f"§1234567890+{_ACUTE}qwertyuiopå{_DIAER}'asdfghjklöä<zxcvbnm,.-",
    "shift": f'½!"#¤%&/()=?{_GRAVE}QWERTYUIOPÅ{_CIRC}*ASDFGHJKLÖÄ>ZXCVBNM;:_',
    "altgr": "  @£$€ {[]}\\   €        ~            |      µ   ",
}
LAYOUTS: dict[str, dict[str, str]] = {
    "us": _US,
    "gb": {
        "base": "`1234567890-=qwertyuiop[]#asdfghjkl;'\\zxcvbnm,./",
        "shift": '¬!"£$%^&*()_+QWERTYUIOP{}~ASDFGHJKL:@|ZXCVBNM<>?',
        "altgr": "¦   €          é   úíó    á                     ",
    },
    "de": {
        "base": f"{_CIRC}1234567890ß{_ACUTE}qwertzuiopü+#asdfghjklöä<yxcvbnm,.-",
        "shift": f"°!\"§$%&/()=?{_GRAVE}QWERTZUIOPÜ*'ASDFGHJKLÖÄ>YXCVBNM;:_",
        "altgr": "  ²³   {[]}\\ @ €        ~            |      µ   ",
    },
    "fr": {
        "base": f"²&é\"'(-è_çà)=azertyuiop{_CIRC}$*qsdfghjklmù<wxcvbn,;:!",
        "shift": f" 1234567890°+AZERTYUIOP{_DIAER}£µQSDFGHJKLM%>WXCVBN?./§",
        "altgr": "  ~#{[|`\\^@]}  €        ¤                       ",
    },
    "es": {
        "base": f"º1234567890'¡qwertyuiop{_GRAVE}+çasdfghjklñ{_ACUTE}<zxcvbnm,.-",
        "shift": f'ª!"·$%&/()=?¿QWERTYUIOP{_CIRC}*ÇASDFGHJKLÑ{_DIAER}>ZXCVBNM;:_',
        "altgr": "\\|@#~€¬        €       []}          {           ",
    },
    "it": {
        "base": "\\1234567890'ìqwertyuiopè+ùasdfghjklòà<zxcvbnm,.-",
        "shift": '|!"£$%&/()=?^QWERTYUIOPé*§ASDFGHJKLç°>ZXCVBNM;:_',
        "altgr": "     €         €       []          @#           ",
    },
    "se": _NORDIC_TOP,
    "no": {
        **_NORDIC_TOP,
        "base": f"|1234567890+\\qwertyuiopå{_DIAER}'asdfghjkløæ<zxcvbnm,.-",
        "shift": f'§!"#¤%&/()=?{_GRAVE}QWERTYUIOPÅ{_CIRC}*ASDFGHJKLØÆ>ZXCVBNM;:_',
        "altgr": "  @£$€ {[]} " + _ACUTE + "  €        ~            |      µ   ",
    },
    "dk": {
        **_NORDIC_TOP,
        "base": f"½1234567890+{_ACUTE}qwertyuiopå{_DIAER}'asdfghjklæø<zxcvbnm,.-",
        "shift": f'§!"#¤%&/()=?{_GRAVE}QWERTYUIOPÅ{_CIRC}*ASDFGHJKLÆØ>ZXCVBNM;:_',
        "altgr": "  @£$€ {[]}|   €        ~            \\      µ   ",
    },
}
ALIASES = {
    "en-us": "us", "en": "us", "uk": "gb", "en-gb": "gb", "de-de": "de", "ch": "de",
    "at": "de", "fr-fr": "fr", "be": "fr", "es-es": "es", "it-it": "it", "sv": "se",
    "sv-se": "se", "fi": "se", "fi-fi": "se", "nordic": "se", "nb": "no", "nb-no": "no",
    "da": "dk", "da-dk": "dk",
}  # fmt: skip
DEFAULT = "us"
#: Layouts where the right Alt key is AltGr (a third layer), not Alt.
ALTGR_RIGHT_ALT = frozenset(LAYOUTS) - {"us"}
DEAD = frozenset({_GRAVE, _ACUTE, _CIRC, _DIAER, _TILDE})
LAYERS = ("base", "shift", "altgr")


def layout_name(name: object) -> str | None:
    """The table's name for a layout named in an event ("de", "fr-FR", "de(nodeadkeys)"),
    or None when it is not one of ours."""
    if not isinstance(name, str):
        return None
    key = name.strip().casefold().replace("_", "-").split("(")[0].split("+")[0]
    key = ALIASES.get(key, key)
    return key if key in LAYOUTS else None


@cache
def table(name: str) -> dict[str, tuple[str, str, str]]:
    """Position -> (base, shift, altgr) characters ("" where the layer types nothing)."""
    rows = LAYOUTS[name]
    out: dict[str, tuple[str, str, str]] = {}
    for i, pos in enumerate(WRITING):
        out[pos] = tuple(  # type: ignore[assignment]
            "" if (c := rows.get(layer, "")[i : i + 1]) in ("", " ") else c for layer in LAYERS
        )
    return out


@cache
def typing(name: str) -> dict[str, tuple[str, str]]:
    """Character -> (position, layer) that types it on the layout (first one wins; dead keys
    excluded): the inverse of ``table``, for tests and for replacement typing."""
    out: dict[str, tuple[str, str]] = {}
    for layer_i, layer in enumerate(LAYERS):
        for pos, chars in table(name).items():
            c = chars[layer_i]
            if c and c not in DEAD:
                out.setdefault(c, (pos, layer))
    return out


def compose(mark: str, char: str) -> str:
    """A dead key's accent on the next character: "é" from acute + "e"; the spacing accent
    followed by the character when they do not compose (as keyboards do)."""
    joined = unicodedata.normalize("NFC", char + mark)
    if len(joined) == 1:
        return joined
    spacing = {_GRAVE: "`", _ACUTE: "´", _CIRC: "^", _DIAER: "¨", _TILDE: "~"}[mark]
    return spacing + char if char != " " else spacing
