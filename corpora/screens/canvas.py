"""The drawing surface of a synthetic screen: the font families, the theme palette, the canvas
that draws runs of text, paragraphs and buttons while it records the box of every drawn word and
every sensitive value, and the window title bar all screen kinds share."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from redactkit.findings import Box

_FONT_DIR = "/usr/share/fonts/truetype"
SANS_FONTS: dict[str, str] = {
    "DejaVu Sans": f"{_FONT_DIR}/dejavu/DejaVuSans.ttf",
    "Liberation Sans": f"{_FONT_DIR}/liberation/LiberationSans-Regular.ttf",
    "Liberation Serif": f"{_FONT_DIR}/liberation/LiberationSerif-Regular.ttf",
}
MONO_FONTS: dict[str, str] = {
    "DejaVu Sans Mono": f"{_FONT_DIR}/dejavu/DejaVuSansMono.ttf",
    "Liberation Mono": f"{_FONT_DIR}/liberation/LiberationMono-Regular.ttf",
    "Noto Mono": f"{_FONT_DIR}/noto/NotoMono-Regular.ttf",
}
FONTS: dict[str, str] = {**SANS_FONTS, **MONO_FONTS}
_BOLD = {
    "DejaVu Sans": f"{_FONT_DIR}/dejavu/DejaVuSans-Bold.ttf",
    "Liberation Sans": f"{_FONT_DIR}/liberation/LiberationSans-Bold.ttf",
    "Liberation Serif": f"{_FONT_DIR}/liberation/LiberationSerif-Bold.ttf",
}


@dataclass
class RenderedWord:
    """One whitespace-separated word as drawn, with its ink box (pixels)."""

    text: str
    box: Box


@dataclass
class Secret:
    """A sensitive value on screen: one box per drawn word of it (a value glued to other text,
    like ``KEY=value``, gets the box of the whole word: that is what a mask must cover)."""

    value: str
    entity_type: str
    boxes: list[Box] = field(default_factory=list)


@dataclass
class Screen:
    """``image``: HxWx3 uint8 RGB. ``fonts``: (UI family, monospace family) drawn with."""

    image: np.ndarray
    words: list[RenderedWord]
    secrets: list[Secret]
    kind: str
    theme: str
    scale: int = 1
    fonts: tuple[str, str] = ("", "")


RGB = tuple[int, int, int]
# A run of text on one line: (text, colour or None for the default, secret or None).
Seg = tuple[str, RGB | None, Secret | None]


@dataclass(frozen=True)
class _Palette:
    bg: RGB
    fg: RGB
    muted: RGB
    panel: RGB
    line: RGB
    accent: RGB
    keyword: RGB
    string: RGB


def _palette(rng: random.Random, theme: str) -> _Palette:
    accent = rng.choice([(0, 120, 212), (46, 125, 50), (106, 27, 154), (230, 81, 0), (198, 40, 40)])
    if theme == "dark":
        bg = rng.choice([(30, 30, 30), (24, 26, 33), (40, 42, 54), (0, 43, 54), (13, 17, 23)])
        return _Palette(
            bg,
            rng.choice([(220, 220, 220), (248, 248, 242), (201, 209, 217)]),
            (140, 148, 160),
            tuple(min(255, c + 16) for c in bg),  # type: ignore[arg-type]
            tuple(min(255, c + 40) for c in bg),  # type: ignore[arg-type]
            accent,
            rng.choice([(197, 134, 192), (255, 121, 198), (86, 156, 214)]),
            rng.choice([(206, 145, 120), (241, 250, 140), (152, 195, 121)]),
        )
    bg = rng.choice([(255, 255, 255), (250, 250, 250), (246, 247, 249), (253, 246, 227)])
    return _Palette(
        bg,
        rng.choice([(30, 30, 30), (33, 37, 41), (60, 64, 67), (0, 0, 0)]),
        (108, 117, 125),
        (236, 238, 242),
        (214, 218, 224),
        accent,
        rng.choice([(0, 0, 255), (175, 0, 219), (166, 38, 164)]),
        rng.choice([(163, 21, 21), (80, 161, 79), (196, 26, 22)]),
    )


@lru_cache(maxsize=256)
def _font(path: str, px: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(path, px)


class _Canvas:
    """A PIL image plus the ground truth of what was drawn on it."""

    def __init__(self, size: tuple[int, int], scale: int, pal: _Palette, sans: str, mono: str):
        self.w, self.h = size
        self.k = scale
        self.pal = pal
        self.img = Image.new("RGB", size, pal.bg)
        self.draw = ImageDraw.Draw(self.img)
        self.sans, self.mono = sans, mono
        self.words: list[RenderedWord] = []
        self.secrets: list[Secret] = []

    def s(self, v: float) -> int:
        return int(round(v * self.k))

    def font(self, px: int, mono: bool = False, bold: bool = False) -> ImageFont.FreeTypeFont:
        family = self.mono if mono else self.sans
        path = _BOLD.get(family, FONTS[family]) if bold else FONTS[family]
        return _font(path, px * self.k)

    def rect(self, x0: int, y0: int, x1: int, y1: int, fill: RGB, radius: int = 0) -> None:
        if x1 >= x0 and y1 >= y0:  # layouts squeezed by a small size may collapse a panel
            self.draw.rounded_rectangle((x0, y0, x1, y1), radius=radius, fill=fill)

    def secret(self, value: str, entity_type: str) -> Secret:
        s = Secret(value, entity_type)
        self.secrets.append(s)
        return s

    def line(
        self, x: int, y: int, segs: list[Seg] | str, font, fill: RGB | None = None, max_x=None
    ) -> int:
        """Draw one line of runs; return the x after it. Words that do not fit before ``max_x``
        are cut (a secret is dropped whole rather than cut), lines below the bottom are skipped."""
        if isinstance(segs, str):
            segs = [(segs, None, None)]
        fill = fill or self.pal.fg
        max_x = self.w - self.s(4) if max_x is None else min(max_x, self.w - self.s(2))
        if y + font.size > self.h:
            return x
        text = "".join(t for t, _, _ in segs)
        spans, pos = [], 0
        for t, colour, sec in segs:
            spans.append((pos, pos + len(t), colour, sec))
            pos += len(t)
        cut = len(text)
        for start, word in _split_words(text):
            if x + font.getlength(text[: start + len(word)]) > max_x:
                cut = start
                break
        for start, end, _, sec in spans:
            if sec is not None and start < cut < end:
                cut = start
        text = text[:cut]
        for start, end, colour, _ in spans:
            if start < cut:
                run = text[start:end]
                self.draw.text(
                    (x + font.getlength(text[:start]), y), run, font=font, fill=colour or fill
                )
        for start, word in _split_words(text):
            wx = x + font.getlength(text[:start])
            x0, y0, x1, y1 = self.draw.textbbox((wx, y), word, font=font)
            left, top = int(np.floor(x0)), int(np.floor(y0))
            box = Box(left, top, int(np.ceil(x1)) - left, int(np.ceil(y1)) - top)
            self.words.append(RenderedWord(word, box))
            for s0, e0, _, sec in spans:
                if sec is not None and s0 < start + len(word) and start < e0:
                    sec.boxes.append(box)
        return int(x + font.getlength(text))

    def paragraph(
        self, x: int, y: int, segs: list[Seg], font, width: int, gap: float = 1.45
    ) -> int:
        """Word-wrap runs into ``width``; return the y below. Secrets may wrap across lines."""
        words: list[list[Seg]] = [[]]
        for t, colour, sec in segs:
            for i, piece in enumerate(t.split(" ")):
                if i:
                    words.append([])
                if piece:
                    words[-1].append((piece, colour, sec))
        words = [w for w in words if w]
        lines: list[list[Seg]] = [[]]
        for w in words:
            trial = lines[-1] + [(" ", None, None)] + w if lines[-1] else w
            if lines[-1] and font.getlength("".join(t for t, _, _ in trial)) > width:
                lines.append(list(w))
            else:
                lines[-1] = trial
        step = int(font.size * gap)
        for ln in lines:
            if y + font.size > self.h:
                break
            self.line(x, y, ln, font, max_x=x + width + font.size)
            y += step
        return y

    def button(
        self, x: int, y: int, label: str, font, colour: RGB, fg: RGB = (255, 255, 255)
    ) -> int:
        pad = self.s(10)
        w = int(font.getlength(label)) + 2 * pad
        self.rect(x, y, x + w, y + font.size + 2 * self.s(6), colour, radius=self.s(4))
        self.line(x + pad, y + self.s(6), label, font, fill=fg)
        return x + w + self.s(8)

    def screen(self, kind: str, theme: str) -> Screen:
        secrets = []
        for s in self.secrets:
            if not s.boxes:
                continue
            n = len(s.value.split())
            if len(s.boxes) < n:  # cut at the bottom edge: label what shows
                s.value = " ".join(s.value.split()[: len(s.boxes)])
            secrets.append(s)
        image = np.asarray(self.img, dtype=np.uint8).copy()
        fonts = (self.sans, self.mono)
        return Screen(image, self.words, secrets, kind, theme, self.k, fonts)


def _split_words(text: str) -> list[tuple[int, str]]:
    out, pos = [], 0
    for piece in text.split(" "):
        if piece:
            out.append((pos, piece))
        pos += len(piece) + 1
    return out


def _title_bar(c: _Canvas, rng: random.Random, title: str) -> int:
    h = c.s(30)
    c.rect(0, 0, c.w, h, c.pal.panel)
    for i, col in enumerate([(255, 95, 86), (255, 189, 46), (39, 201, 63)]):
        x = c.s(14 + 20 * i)
        c.draw.ellipse((x, c.s(9), x + c.s(12), c.s(21)), fill=col)
    f = c.font(12)
    c.line(c.w // 2 - int(f.getlength(title)) // 2, c.s(8), title, f, fill=c.pal.muted)
    return h
