"""Title bars with light text and caret cells: read (and so masked) like any other text.

Rendered in fonts the rest of the suite does not use (Liberation, Noto), with Tesseract for real.
"""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from redactkit import ScreenshotRedactor
from redactkit.screens.ocr import (
    darken_strokes,
    local_background,
    normalize_regions,
    read_words,
    text_height,
    to_gray,
)
from redactkit.screens.regions import light_text, uncover_carets


def _font(*candidates: str, size: int) -> ImageFont.FreeTypeFont:
    for name in candidates:
        hits = sorted(Path("/usr/share/fonts").rglob(name))
        if hits:
            return ImageFont.truetype(str(hits[0]), size)
    pytest.skip(f"none of {candidates} installed")


SANS = ("LiberationSans-Bold.ttf", "NotoSans-Bold.ttf")
MONO = ("NotoSansMono-Regular.ttf", "LiberationMono-Regular.ttf")


def _title_bar(title: str, top: tuple[int, int, int], bottom: tuple[int, int, int]) -> np.ndarray:
    """A window: a gradient title bar with white bold text, a white body with dark text."""
    img = Image.new("RGB", (900, 160), (10, 10, 10))
    draw = ImageDraw.Draw(img)
    for y in range(20, 44):
        t = (y - 20) / 23
        draw.line((30, y, 870, y), fill=tuple(int(a + (b - a) * t) for a, b in zip(top, bottom)))
    draw.rectangle((30, 44, 870, 150), fill="white")
    draw.text((300, 24), title, fill="white", font=_font(*SANS, size=14))
    draw.text(
        (40, 60),
        "Quarterly planning moved to the large room.",
        fill="black",
        font=_font(*MONO, size=14),
    )
    return np.asarray(img)


@pytest.mark.parametrize(
    ("name", "colours"),
    [
        ("Amara Okonkwo", ((150, 185, 228), (120, 160, 210))),  # light blue: unread before
        ("Jonas Weber", ((170, 200, 235), (140, 175, 220))),
        ("Lena Fischer", ((180, 210, 170), (150, 185, 140))),  # light green
    ],
)
def test_white_title_on_a_coloured_bar_is_read(name: str, colours) -> None:
    words = " ".join(w.text for w in read_words(_title_bar(f"{name} - Inbox - Mail", *colours)))
    assert name.split()[0] in words and "Inbox" in words


def test_a_name_in_a_light_title_bar_is_masked() -> None:
    """Read, the title is text like any other: the name found in the window is masked in it."""
    image = _title_bar("Amara Okonkwo - Inbox - Mail", (150, 185, 228), (120, 160, 210))
    img = Image.fromarray(image.copy())
    ImageDraw.Draw(img).text(
        (40, 90), "Thanks, Amara Okonkwo, for the notes.", fill="black", font=_font(*MONO, size=14)
    )
    out = ScreenshotRedactor().redact(np.asarray(img))
    reread = " ".join(w.text for w in read_words(out.image))
    assert "Amara" not in reread and "Okonkwo" not in reread
    assert "planning" in reread


def test_polarity_follows_the_ink_not_the_background_level() -> None:
    gray = to_gray(_title_bar("Jordan Ellis - Notes", (150, 185, 228), (120, 160, 210)))
    invert = light_text(gray, local_background(gray))
    assert invert[30:36, 310:400].mean() > 0.9  # the bar with white text: inverted
    assert invert[60:80, 40:500].mean() < 0.1  # the body with dark text: kept
    assert invert[:10, :].mean() > 0.9  # the dark desktop: inverted, as before


def _terminal_line(key: str, dark: bool, cursor: str, font: ImageFont.FreeTypeFont) -> np.ndarray:
    bg, fg = ((22, 22, 22), (225, 225, 225)) if dark else ((255, 255, 255), (0, 0, 0))
    img = Image.new("RGB", (900, 90), bg)
    draw = ImageDraw.Draw(img)
    line = f"notes: new key {key}"
    draw.text((10, 35), line, fill=fg, font=font)
    x = 10 + draw.textlength(line, font=font)
    cw = draw.textlength("M", font=font)
    if cursor == "on":  # a block cursor on the last character: the cell inverted
        draw.rectangle((x - cw, 33, x, 54), fill=fg)
        draw.text((x - cw, 35), key[-1], fill=bg, font=font)
    else:  # a block cursor right after it, touching
        draw.rectangle((x, 33, x + cw, 54), fill=fg)
    return np.asarray(img)


@pytest.mark.parametrize("cursor", ["on", "after"])
@pytest.mark.parametrize("dark", [True, False])
def test_a_key_touching_a_block_cursor_is_masked(cursor: str, dark: bool) -> None:
    rng = random.Random(f"{cursor}{dark}")
    font = _font(*MONO, size=15)
    masked = 0
    for _ in range(3):
        key = "AKIA" + "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ234567") for _ in range(16))
        out = ScreenshotRedactor().redact(_terminal_line(key, dark, cursor, font))
        reread = " ".join(w.text for w in read_words(out.image))
        masked += key[4:12] not in reread and key[12:] not in reread
    assert masked == 3


def test_text_without_a_cursor_is_left_alone() -> None:
    """No letter, digit or punctuation of ordinary text is taken for a caret cell."""
    font = _font(*MONO, size=15)
    img = Image.new("RGB", (900, 90), "white")
    ImageDraw.Draw(img).text(
        (10, 35), "MW#@%&8B0QRmwg|[]{} ■ AKIAQWERTYUIOPASDFGH", fill="black", font=font
    )
    gray = darken_strokes(normalize_regions(to_gray(np.asarray(img))), 2.0)
    glyph = text_height(gray)
    uncovered = uncover_carets(gray, glyph)
    # only the solid square (a cursor-shaped glyph) may change; every letter stays as it was
    changed = np.flatnonzero((uncovered != gray).any(axis=0))
    assert len(changed) <= font.getbbox("■")[2] + 2
