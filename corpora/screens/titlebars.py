"""Windows with a person's name in a coloured title bar, for title-bar reading and masking.

A focused window's title bar is where a desktop shows the open document, the chat partner or
the mail's sender: light text on an orange, red, purple, dark or blue bar, often with a
gradient, a darker rule at its bottom edge and a bold UI font. These renders vary the bar's
colour and gradient, the font (UI fonts the other screen renders do not use: URW Gothic,
Nimbus Sans, Roboto Condensed, Droid Sans, Noto Serif, C059), the text size, the title's
layout and where else the name shows in the window (a tab, a heading, a list row), with names
from the held-out people (``corpora.heldout.people``), not the screens' own list.

``render_window`` returns the image, the title as the capture agent would report it, the
name, and the drawn words' boxes (ground truth for what must be masked and what must stay).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from corpora.heldout.people import new_person
from corpora.screens.canvas import Box

#: Bar colours (top, bottom of the gradient) and the title's colour on them.
BARS: dict[str, tuple[tuple[int, int, int], tuple[int, int, int], tuple[int, int, int]]] = {
    "orange": ((233, 120, 40), (210, 95, 25), (255, 255, 255)),  # Ubuntu's focused window
    "red": ((200, 45, 45), (170, 30, 30), (255, 255, 255)),
    "purple": ((110, 60, 150), (85, 40, 125), (255, 255, 255)),
    "dark": ((60, 60, 64), (42, 42, 46), (235, 235, 235)),  # GNOME / Windows dark
    "slate": ((96, 110, 128), (78, 90, 108), (255, 255, 255)),  # mid-tone grey-blue
    "teal": ((0, 128, 128), (0, 105, 105), (255, 255, 255)),
    "blue": ((60, 110, 200), (40, 85, 170), (255, 255, 255)),  # XP-like, white on blue
    "light": ((225, 225, 228), (205, 205, 210), (30, 30, 30)),  # a light bar, dark text
}
#: Font files (looked up under /usr/share/fonts) the title may be set in, bold first.
TITLE_FONTS = (
    "URWGothic-Demi.otf",
    "NimbusSans-Bold.otf",
    "RobotoCondensed-Bold.ttf",
    "DroidSans-Bold.ttf",
    "NotoSerif-Bold.ttf",
    "C059-Bold.otf",
    "Roboto-Medium.ttf",
    "NimbusSansNarrow-Bold.otf",
)
BODY_FONTS = ("Roboto-Regular.ttf", "NimbusSans-Regular.otf", "NotoSerif-Regular.ttf")
_ORDINARY = (
    "Quarterly planning moved to the large room on Thursday.",
    "Please review the attached budget before the meeting.",
    "The build finished without errors in four minutes.",
    "Agenda: roadmap, hiring plan, office move.",
)


@dataclass
class Window:
    image: np.ndarray
    title: str
    name: str
    bar: str
    font: str
    name_boxes: list[Box] = field(default_factory=list)  # every drawn name word
    bar_box: Box | None = None  # the title bar
    ordinary: list[tuple[str, Box]] = field(default_factory=list)  # words that must stay


_FONT_PATHS: dict[str, str | None] = {}


def font_path(name: str) -> str | None:
    """The installed file of a font, or None."""
    if name not in _FONT_PATHS:
        hits = sorted(Path("/usr/share/fonts").rglob(name))
        _FONT_PATHS[name] = str(hits[0]) if hits else None
    return _FONT_PATHS[name]


def installed(names: tuple[str, ...]) -> list[str]:
    return [n for n in names if font_path(n)]


def _words(draw: ImageDraw.ImageDraw, xy: tuple[int, int], text: str, font, fill) -> list:
    """Draw ``text`` and return (word, Box) for every word, from the font's own metrics."""
    x, y = xy
    draw.text((x, y), text, fill=fill, font=font)
    out = []
    pos = 0
    for word in text.split(" "):
        if word:
            left = x + draw.textlength(text[:pos], font=font)
            x0, y0, x1, y1 = draw.textbbox((left, y), word, font=font)
            out.append((word, Box(int(x0), int(y0), int(x1 - x0), int(y1 - y0))))
        pos += len(word) + 1
    return out


def render_window(
    rng: random.Random,
    bar: str | None = None,
    font: str | None = None,
    size: tuple[int, int] = (1000, 320),
) -> Window:
    """One window on a desktop: a title bar with the name in it, a tab with the name, a body
    with a heading that repeats the surname and ordinary sentences."""
    bar = bar or rng.choice(list(BARS))
    fonts = installed(TITLE_FONTS)
    font = font or rng.choice(fonts)
    top, bottom, ink = BARS[bar]
    person = new_person(rng)
    name = person.full
    app = rng.choice(["Mail", "Chat", "Contacts", "Notes", "CRM", "Messages"])
    what = rng.choice(["Inbox", "Conversation", "Contact", "Profile", "Draft"])
    title = rng.choice([f"{name} - {what} - {app}", f"{app} - {name}", f"{what}: {name} — {app}"])
    w, h = size
    img = Image.new("RGB", size, rng.choice([(18, 18, 22), (70, 80, 96), (200, 205, 210)]))
    draw = ImageDraw.Draw(img)
    x0, y0, x1 = 20, 16, w - 20
    bar_h = rng.randint(26, 36)
    for y in range(y0, y0 + bar_h):
        t = (y - y0) / max(1, bar_h - 1)
        draw.line((x0, y, x1, y), fill=tuple(int(a + (b - a) * t) for a, b in zip(top, bottom)))
    # the darker rule at the bar's bottom edge, as window managers draw it
    edge = tuple(max(0, int(c * 0.7)) for c in bottom)
    draw.line((x0, y0 + bar_h, x1, y0 + bar_h), fill=edge)
    tfont = ImageFont.truetype(font_path(font), rng.randint(13, 17))
    tw = draw.textlength(title, font=tfont)
    tx = int((x0 + x1 - tw) / 2) if rng.random() < 0.6 else x0 + 60
    asc, desc = tfont.getmetrics()
    ty = y0 + (bar_h - asc - desc) // 2 + rng.randint(-1, 1)
    drawn = _words(draw, (tx, ty), title, tfont, ink)
    # window buttons at the right of the bar
    for k in range(3):
        cx = x1 - 18 - 24 * k
        draw.ellipse((cx - 6, y0 + bar_h // 2 - 6, cx + 6, y0 + bar_h // 2 + 6), fill=ink)
    body_top = y0 + bar_h + 1
    dark_body = bar == "dark" and rng.random() < 0.7
    body_bg, body_ink = (
        ((30, 30, 34), (220, 220, 220)) if dark_body else ((255, 255, 255), (20, 20, 20))
    )
    draw.rectangle((x0, body_top, x1, h - 16), fill=body_bg)
    bfont_name = rng.choice(installed(BODY_FONTS) or [font])
    bfont = ImageFont.truetype(font_path(bfont_name), rng.randint(13, 16))
    hfont = ImageFont.truetype(font_path(bfont_name), rng.randint(18, 22))
    # a tab strip with the name, a heading with the surname
    tab = (x0 + 10, body_top + 8)
    draw.rectangle(
        (tab[0], tab[1], tab[0] + 260, tab[1] + 24),
        fill=(232, 236, 242) if not dark_body else (55, 55, 62),
    )
    drawn += _words(
        draw, (tab[0] + 8, tab[1] + 4), f"{person.given} {person.family}", bfont, body_ink
    )
    drawn += _words(draw, (x0 + 14, body_top + 48), f"Notes on {person.family}", hfont, body_ink)
    ordinary = []
    y = body_top + 86
    for line in rng.sample(_ORDINARY, 3):
        ordinary += _words(draw, (x0 + 14, y), line, bfont, body_ink)
        y += int(bfont.size * 1.7)
    parts = {p.casefold() for p in name.replace(".", " ").split() if len(p) > 1}
    name_boxes = [b for word, b in drawn if word.strip(",.:;—-").casefold() in parts]
    ordinary += [(word, b) for word, b in drawn if word.strip(",.:;—-").casefold() not in parts]
    bar_box = Box(x0, y0, x1 - x0, bar_h + 1)
    return Window(np.asarray(img), title, name, bar, font, name_boxes, bar_box, ordinary)
