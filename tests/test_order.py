"""Reading order of OCR lines by geometry (``redactkit/screens/order.py``): a line of a
column is followed by the next line of that column, whatever Tesseract's block order, so a
value wrapped onto the next line is one run of text. Frames rendered in fonts no other test
or corpus uses."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image, ImageDraw, ImageFont

from redactkit.findings import Box
from redactkit.screens.layout import build_layout
from redactkit.screens.order import next_lines, reading_order


@dataclass(frozen=True)
class W:
    text: str
    box: Box
    block: int
    par: int = 1
    line: int = 1


def w(text: str, x: int, y: int, block: int, h: int = 14) -> W:
    return W(text, Box(x, y, 9 * len(text), h), block)


def test_a_wrapped_line_follows_its_line_past_a_sidebar() -> None:
    words = [  # Tesseract's order: top to bottom over the whole screen
        w("Inbox", 10, 100, 1),
        w("IBAN", 300, 100, 2), w("NL14", 345, 100, 2), w("RABO", 390, 100, 2),
        w("Drafts", 10, 118, 3),
        w("0317", 300, 120, 4), w("2645", 345, 120, 4), w("90.", 390, 120, 4),
        w("Sent", 10, 136, 5),
    ]  # fmt: skip
    text = build_layout(words).text
    assert "IBAN NL14 RABO\n0317 2645 90." in text
    assert text.index("Inbox") < text.index("IBAN")  # chains keep their first line's place


def test_columns_of_a_table_stay_apart_and_distant_lines_do_not_chain() -> None:
    lines = [
        [w("Name", 10, 10, 1), w("Phone", 200, 10, 1)],
        [w("Amal", 10, 30, 2)],
        [w("Far", 10, 120, 3)],  # a paragraph further down: no next line of "Amal"
    ]
    assert next_lines(lines) == [1, None, None]


@st.composite
def screens(draw):
    n = draw(st.integers(0, 14))
    lines = []
    for i in range(n):
        x = draw(st.integers(0, 600))
        y = draw(st.integers(0, 400))
        h = draw(st.integers(6, 30))
        lines.append([W(f"w{i}", Box(x, y, draw(st.integers(5, 300)), h), i)])
    return lines


@given(screens())
@settings(max_examples=200, deadline=None)
def test_reading_order_is_a_permutation_with_chains_going_down(lines) -> None:
    out = reading_order(lines)
    assert sorted(id(x) for x in out) == sorted(id(x) for x in lines)
    nxt = next_lines(lines)
    for i, j in enumerate(nxt):
        if j is not None:
            assert lines[j][0].box.top > lines[i][0].box.top
            assert out.index(lines[j]) == out.index(lines[i]) + 1
    assert sum(j is not None for j in nxt) == len({j for j in nxt if j is not None})


FONTS = [
    "/usr/share/fonts/truetype/roboto/unhinted/RobotoCondensed-Regular.ttf",
    "/usr/share/fonts/opentype/urw-base35/P052-Roman.otf",
]


@pytest.mark.parametrize("font", [f for f in FONTS if Path(f).exists()])
def test_an_iban_wrapped_in_a_chat_beside_a_sidebar_is_masked_whole(font: str) -> None:
    from redactkit import ScreenshotRedactor
    from redactkit.screens.ocr import read_words

    img = Image.new("RGB", (900, 300), (253, 248, 235))
    d = ImageDraw.Draw(img)
    d.rectangle((0, 0, 220, 300), fill=(52, 28, 60))
    f = ImageFont.truetype(font, 20)
    for i, name in enumerate(["# general", "# payments", "# travel", "# random", "# ops"]):
        d.text((20, 20 + 40 * i), name, fill=(235, 235, 235), font=f)
    d.text((250, 70), "Please pay the invoice to DE50 6105 0120 4537 8819", fill=0, font=f)
    d.text((250, 98), "42 before Friday, thanks a lot.", fill=0, font=f)
    frame = np.asarray(img)
    out = ScreenshotRedactor().redact(frame).image
    read = " ".join(x.text for x in read_words(out))
    assert "8819" not in read and "6105" not in read
    assert not any(x.text.startswith("42") for x in read_words(out[90:130, 240:]))
    assert "Friday" in read  # the words after the value stay


def test_values_wrapped_in_a_paragraph_are_joined_but_table_cells_are_not() -> None:
    from redactkit.screens.wrap import joint, wrapped_layout

    assert joint("8305", "2217") == " " and joint("okafor@", "example.org") == ""
    assert joint("week.", "Design") is None or joint("week.", "Design") == ""
    assert joint("Friday,", "and") is None
    para = [
        w("Please", 20, 20, 1), w("charge", 80, 20, 1), w("card", 150, 20, 1),
        w("4916", 200, 20, 1), w("8305", 245, 20, 1),
        w("2217", 20, 40, 2), w("3645", 65, 40, 2), w("today", 110, 40, 2),
    ]  # fmt: skip
    lay = wrapped_layout(para)
    assert "4916 8305 2217 3645" in lay.text and len(lay.junctions) == 1
    cells = [w("1234", 20, 20, 1), w("5678", 20, 40, 2), w("9012", 20, 60, 3)]
    assert wrapped_layout(cells).text == ""


@pytest.mark.parametrize("font", [f for f in FONTS if Path(f).exists()])
def test_a_card_and_an_address_wrapped_in_a_paragraph_are_masked(font: str) -> None:
    from redactkit import ScreenshotRedactor
    from redactkit.screens.ocr import read_words

    img = Image.new("RGB", (700, 160), (255, 255, 255))
    d = ImageDraw.Draw(img)
    f = ImageFont.truetype(font, 20)
    d.text((20, 20), "Please charge my card 4916 8305", fill=0, font=f)
    d.text((20, 46), "2217 3645 before Friday, or write to", fill=0, font=f)
    d.text((20, 72), "me at ingrid.okafor@", fill=0, font=f)
    d.text((20, 98), "example.org after lunch.", fill=0, font=f)
    out = ScreenshotRedactor().redact(np.asarray(img)).image
    read = " ".join(x.text for x in read_words(out))
    assert not any(v in read for v in ("4916", "8305", "2217", "3645", "okafor", "example"))
    assert "Friday" in read  # the words around the values stay
