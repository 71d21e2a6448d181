"""OCR on rendered screens: real Tesseract, real renders, floors measured in docs/ocr.md."""

from __future__ import annotations

import random

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpora.screens import (
    FONTS,
    KINDS,
    THEMES,
    _luhn_digit,
    render_screen,
    secret_char_recall,
    word_recall,
)
from redactkit.findings import Box
from redactkit.screens.ocr import (
    OcrConfig,
    OcrError,
    Word,
    _words_from_data,
    normalize_regions,
    read_words,
)

SIZE = (1280, 800)

# Floors: below what benchmarks/ocr_recall.py measured for the default config on 28 screens
# at 1920x1080 (docs/ocr.md: words 0.86, sensitive characters 0.985), so a regression in
# preprocessing fails here. Exact-word recall varies more per screen (Tesseract splits long
# tokens and merges close ones), so it is checked on the mean.
WORD_FLOOR = 0.8
SECRET_CHAR_FLOOR = 0.9


def _iou(a: Box, b: Box) -> float:
    w = min(a.right, b.right) - max(a.left, b.left)
    h = min(a.bottom, b.bottom) - max(a.top, b.top)
    if w <= 0 or h <= 0:
        return 0.0
    inter = w * h
    return inter / (a.width * a.height + b.width * b.height - inter)


@pytest.fixture(scope="module")
def screens():
    cases = [
        ("email", "light", 1),
        ("terminal", "dark", 1),
        ("crm", "dark", 2),
        ("settings", "light", 2),
    ]
    out = []
    for seed, (kind, theme, scale) in enumerate(cases):
        screen = render_screen(random.Random(1000 + seed), kind, theme, scale, SIZE)
        out.append((screen, read_words(screen.image)))
    return out


def test_recall_on_light_dark_and_hidpi_screens(screens):
    recalls = [word_recall(screen, words) for screen, words in screens]
    assert np.mean(recalls) >= WORD_FLOOR, recalls
    for screen, words in screens:
        assert screen.secrets
        assert secret_char_recall(screen, words) >= SECRET_CHAR_FLOOR, screen.kind


def test_boxes_are_in_input_coordinates(screens):
    for screen, words in screens:
        h, w = screen.image.shape[:2]
        assert all(0 <= x.box.left and x.box.right <= w for x in words)
        assert all(0 <= x.box.top and x.box.bottom <= h for x in words)
        by_text: dict[str, list[Box]] = {}
        for rw in screen.words:
            by_text.setdefault(rw.text, []).append(rw.box)
        exact = [x for x in words if x.text in by_text]
        assert len(exact) > 20
        ious = [max(_iou(x.box, b) for b in by_text[x.text]) for x in exact]
        # Tesseract's boxes are ink boxes like ours; allow a few odd matches (repeated words).
        assert np.median(ious) > 0.7
        assert np.mean(np.array(ious) > 0.4) > 0.9


def test_line_ids_group_words_on_one_line(screens):
    for _, words in screens:
        lines: dict[tuple[int, int, int], list[Word]] = {}
        for x in words:
            lines.setdefault((x.block, x.par, x.line), []).append(x)
        for group in lines.values():
            centres = [x.box.top + x.box.height / 2 for x in group]
            tallest = max(x.box.height for x in group)
            assert max(centres) - min(centres) <= tallest


def test_grayscale_and_rgba_inputs_read_like_rgb():
    screen = render_screen(random.Random(5), "chat", "light", 1, SIZE)
    rgb = screen.image
    gray = (rgb @ np.array([0.299, 0.587, 0.114])).round().astype(np.uint8)
    rgba = np.dstack([rgb, np.full(rgb.shape[:2], 255, np.uint8)])
    before = rgba.copy()
    texts = {
        name: {x.text for x in read_words(img)}
        for name, img in (("rgb", rgb), ("gray", gray), ("rgba", rgba))
    }
    assert np.array_equal(rgba, before), "input modified"
    assert len(texts["rgb"]) > 50
    for name in ("gray", "rgba"):
        assert len(texts[name] & texts["rgb"]) >= 0.9 * len(texts["rgb"]), name


def test_timeout_raises_ocr_error():
    screen = render_screen(random.Random(6), "spreadsheet", "dark", 1, SIZE)
    with pytest.raises(OcrError, match="timed out"):
        read_words(screen.image, timeout=0.001)


def test_failures_raise_ocr_error_without_image_text():
    screen = render_screen(random.Random(7), "settings", "dark", 1, (640, 400))
    with pytest.raises(OcrError) as err:
        read_words(screen.image, config=OcrConfig(psm=99))
    assert not any(s.value in str(err.value) for s in screen.secrets)
    with pytest.raises(OcrError):
        read_words(screen.image, config=OcrConfig(lang="xx_missing"))
    with pytest.raises(OcrError):
        read_words(screen.image.astype(np.float32))
    with pytest.raises(OcrError):
        read_words(screen.image[:, :, :2])
    with pytest.raises(OcrError):
        read_words(np.zeros((0, 0, 3), np.uint8))


def test_blank_image_reads_no_words():
    assert read_words(np.full((120, 200, 3), 255, np.uint8)) == []


def test_per_region_inversion_makes_every_region_dark_on_light():
    # Left half: light text on a dark panel; right half: dark text on a light one.
    img = np.zeros((200, 400), np.uint8)
    img[:, :200] = 30
    img[:, 200:] = 240
    img[90:110, 20:180:6] = 230  # light strokes on the dark side
    img[90:110, 220:380:6] = 20  # dark strokes on the light side
    out = normalize_regions(img)
    assert out.shape == img.shape and out.dtype == np.uint8
    assert out[10:60, 10:190].min() > 200 and out[10:60, 210:390].min() > 200  # backgrounds white
    assert out[90:110, 20:180:6].max() < 60 and out[90:110, 220:380:6].max() < 60  # text dark


def test_small_coloured_button_gets_its_own_background():
    # White label on a mid-dark button inside a dark panel: the button must turn light with
    # dark text, with contrast to spare (a window seeing only the panel left it grey on grey).
    img = np.full((120, 240), 30, np.uint8)
    img[40:68, 80:144] = 116
    img[48:60, 88:136:4] = 200  # thin light strokes
    out = normalize_regions(img)
    button = out[42:66, 82:142]
    strokes = out[48:60, 88:136:4]
    assert np.median(button) - strokes.max() > 80


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.integers(0, 5000),
            st.integers(0, 5000),
            st.integers(0, 400),
            st.integers(0, 200),
            st.sampled_from(["", " ", "word", "AKIA"]),
            st.integers(1, 5),
        ),
        max_size=30,
    ),
    st.sampled_from([1.0, 1.5, 2.0, 2.5]),
)
def test_parsed_boxes_are_scaled_back_and_clipped(rows, factor):
    w, h = 1920, 1080
    data = {
        "level": [r[5] for r in rows],
        "left": [r[0] for r in rows],
        "top": [r[1] for r in rows],
        "width": [r[2] for r in rows],
        "height": [r[3] for r in rows],
        "text": [r[4] for r in rows],
        "conf": [90.0] * len(rows),
        "block_num": [1] * len(rows),
        "par_num": [1] * len(rows),
        "line_num": list(range(len(rows))),
    }
    words = _words_from_data(data, factor, w, h)
    assert len(words) == sum(1 for r in rows if r[5] == 5 and r[4].strip())
    for x in words:
        assert 0 <= x.box.left <= x.box.right <= w and 0 <= x.box.top <= x.box.bottom <= h
        assert x.text == x.text.strip() and x.text


def test_parser_rejects_malformed_output():
    with pytest.raises(OcrError):
        _words_from_data({"text": ["a"], "level": ["x"]}, 1.0, 10, 10)


# ----------------------------------------------------------------------------- the renderer


@pytest.mark.parametrize("kind", KINDS)
def test_render_ground_truth_is_consistent(kind):
    for seed, theme in enumerate(THEMES):
        screen = render_screen(random.Random(seed), kind, theme, 1, (1920, 1080))
        assert screen.image.shape == (1080, 1920, 3) and screen.image.dtype == np.uint8
        assert screen.kind == kind and screen.theme == theme
        word_boxes = {rw.box for rw in screen.words}
        assert screen.secrets, "every kind of screen shows sensitive values"
        for s in screen.secrets:
            assert s.boxes and set(s.boxes) <= word_boxes
            assert len(s.boxes) == len(s.value.split())
        for rw in screen.words:
            b = rw.box
            assert 0 <= b.left and b.right <= 1920 and 0 <= b.top and b.bottom <= 1080
            assert " " not in rw.text and rw.text
            # ink is there: the box is not a flat patch of background
            patch = screen.image[b.top : b.bottom, b.left : b.right]
            assert patch.size and int(patch.max()) - int(patch.min()) > 40


def test_render_is_seeded_and_varied():
    a = render_screen(random.Random(42), size=(800, 600))
    b = render_screen(random.Random(42), size=(800, 600))
    c = render_screen(random.Random(43), size=(800, 600))
    assert np.array_equal(a.image, b.image) and [s.value for s in a.secrets] == [
        s.value for s in b.secrets
    ]
    assert [s.value for s in a.secrets] != [s.value for s in c.secrets]


def test_rendered_cards_and_ibans_are_valid():
    seen = set()
    for seed in range(6):
        screen = render_screen(random.Random(seed), "spreadsheet", size=(1920, 1080))
        for s in screen.secrets:
            digits = "".join(s.value.split()).replace("-", "")
            seen.add(s.entity_type)
            if s.entity_type == "CREDIT_CARD":
                assert len(digits) == 16 and _luhn_digit(digits[:15]) == digits[15]
            if s.entity_type == "IBAN_CODE":
                moved = digits[4:] + digits[:4]
                assert int("".join(str(int(ch, 36)) for ch in moved)) % 97 == 1
    assert {"CREDIT_CARD", "IBAN_CODE"} <= seen


@pytest.mark.parametrize("font", sorted(FONTS))
def test_every_font_renders(font):
    screen = render_screen(random.Random(1), "email", font=font, size=(640, 400), scale=2)
    assert screen.words and screen.image.shape == (400, 640, 3)


def test_bad_arguments_are_rejected():
    with pytest.raises(ValueError):
        render_screen(random.Random(0), kind="nope")
    with pytest.raises(ValueError):
        render_screen(random.Random(0), theme="sepia")
    with pytest.raises(ValueError):
        render_screen(random.Random(0), font="Comic Sans")
