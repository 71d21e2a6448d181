"""Rules, bars and hatching beside words (``redactkit/screens/rules.py``), on frames rendered
in fonts no other test or corpus uses: an editor pane with a hatched scroll bar and its
border line two pixels from the text (xedit's look), a form whose field frames touch the
values, and plain text that must come through untouched."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from redactkit.screens import ocr, rules
from redactkit.screens.title import compact, distance

MONO = "/usr/share/fonts/opentype/urw-base35/NimbusMonoPS-Regular.otf"
SERIF = "/usr/share/fonts/truetype/dejavu/DejaVuSerifCondensed.ttf"
BOOK = "/usr/share/fonts/opentype/urw-base35/URWBookman-Light.otf"

pytestmark = pytest.mark.skipif(
    not all(Path(f).exists() for f in (MONO, SERIF, BOOK)), reason="fonts not installed"
)

CARD = "4916 8305 2217 3645"  # Luhn-valid, not a published test number
PHONE = "+44 20 7946 0958"
LINES = ["Marguerite Obuya", PHONE, CARD]


def editor(font: str = MONO, size: int = 15, gap: int = 2, lines=LINES) -> np.ndarray:
    """A white text pane on a black desktop, a 14 px hatched scroll bar on its left with a
    1 px black border line ``gap`` px from the first glyphs."""
    img = Image.new("RGB", (640, 300), (0, 0, 0))
    d = ImageDraw.Draw(img)
    d.rectangle((40, 40, 600, 280), fill=(255, 255, 255))
    yy, xx = np.mgrid[40:281, 41:55]
    px = img.load()
    for y, x in zip(yy.ravel(), xx.ravel()):
        if (x + y) % 2 == 0:
            px[x, y] = (0, 0, 0)
    d.line((55, 40, 55, 280), fill=(0, 0, 0), width=1)
    f = ImageFont.truetype(font, size)
    for i, text in enumerate(lines):
        d.text((56 + gap, 48 + i * (size + 5)), text, fill=(0, 0, 0), font=f)
    return np.asarray(img)


def readable(image: np.ndarray, value: str) -> bool:
    """``value`` (or a word of it from 5 letters) read again by OCR, one edit allowed."""
    words = [compact(w.text) for w in ocr.read_words(image)]
    line = compact(" ".join(w.text for w in ocr.read_words(image)))[0]
    target = compact(value)[0]
    span = frozenset(range(len(line) + 1))
    if distance(target, line, span, span) <= max(1, len(target) // 6):
        return True
    parts = [compact(p)[0] for p in value.split() if len(p) >= 5 and p.isalpha()]
    return any(distance(p, t, s, e) <= 1 for p in parts for t, s, e in words if t)


def test_hatching_is_found_only_where_it_is() -> None:
    gray = ocr.to_gray(editor())
    mask = rules.hatch_mask(gray)
    ys, xs = np.nonzero(mask)
    assert mask.sum() > 0.8 * 14 * 240
    assert xs.min() >= 39 and xs.max() <= 56  # the bar (and a pixel around it), no glyph
    plain = ocr.to_gray(editor(lines=["Ambrose Whitcombe-Lyall", "Quillon 0.25 mm, #9"]))
    plain[:, :57] = 255
    assert not rules.hatch_mask(plain).any()


@pytest.mark.parametrize("font", [MONO, SERIF])
def test_values_beside_a_scroll_bar_read_whole(font: str) -> None:
    words = [w.text for w in ocr.read_words(editor(font))]
    text = " ".join(words)
    assert "4916" in text and "+44" in text
    assert any(w.endswith("Marguerite") for w in words)


def test_plain_text_is_left_alone() -> None:
    img = Image.new("L", (560, 160), 255)
    d = ImageDraw.Draw(img)
    f = ImageFont.truetype(BOOK, 14)
    for i, t in enumerate(["Illinois lllll IIIII |||| 1111", "lillil Ill il Il", "IIIIIIII"]):
        d.text((10, 10 + i * 18), t, fill=0, font=f)  # stems stacked over three lines
    gray = np.asarray(img)
    assert np.array_equal(rules.clear_lines(rules.flatten_hatch(gray)), gray)


def test_a_frame_line_is_cleared_and_a_button_is_not() -> None:
    img = Image.new("L", (400, 120), 250)
    d = ImageDraw.Draw(img)
    d.line((10, 10, 10, 110), fill=0)  # a frame line: 100 px
    d.rounded_rectangle((60, 30, 260, 70), radius=6, fill=90)  # a filled button
    gray = np.asarray(img)
    out = rules.clear_lines(gray)
    assert out[10:110, 10].min() > 200
    assert np.array_equal(out[30:71, 60:261], gray[30:71, 60:261])


def test_full_and_live_paths_mask_values_beside_the_bar() -> None:
    from redactkit import ScreenshotRedactor

    typed = editor()
    assert readable(typed, CARD) and readable(typed, PHONE)
    full = ScreenshotRedactor().redact(typed).image
    assert not readable(full, CARD) and not readable(full, PHONE)
    # live: the values typed after a first frame, read from line-high crops
    live = ScreenshotRedactor().stream()
    live.redact(editor(lines=[]))
    for n in range(1, len(LINES) + 1):
        out = live.redact(editor(lines=LINES[:n])).image
    assert live.stats.incremental >= 2
    assert not readable(out, CARD) and not readable(out, PHONE)
