"""The window title from the event context masks the same text wherever OCR reads it.

Frames are rendered (title fonts no other test uses: URW Gothic, Nimbus Sans, Roboto
Condensed, Noto Serif; bars in orange, dark, purple) and read by the real Tesseract; the
matching itself is also checked as a pure function, with OCR's confusions made by hand.
"""

from __future__ import annotations

import random

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpora.screens.titlebars import TITLE_FONTS, installed, render_window
from redactkit import ScreenshotRedactor
from redactkit.findings import Box
from redactkit.screens.layout import build_layout
from redactkit.screens.ocr import Word, read_words
from redactkit.screens.title import compact, distance, matches, tolerance


def _layout(*lines: str):
    words, y = [], 10
    for n, line in enumerate(lines):
        x = 10
        for text in line.split():
            words.append(Word(text, Box(x, y, 9 * len(text), 14), 90.0, 1, 1, n))
            x += 9 * len(text) + 6
        y += 30
    return build_layout(words)


def _spelled(layout, ranges) -> list[str]:
    return [" ".join(layout.words[i].text for i in range(a, b)) for a, b in ranges]


def test_ocr_confusions_and_glued_punctuation_still_match() -> None:
    lay = _layout("Re: lngrid 0kafor-Mail", "Notes on Okafcr today", "Annual report for Anna")
    assert _spelled(lay, matches(lay, "Ingrid Okafor")) == ["lngrid 0kafor-Mail"]
    assert _spelled(lay, matches(lay, "Okafor")) == ["0kafor-Mail", "Okafcr"]
    assert _spelled(lay, matches(lay, "Anna")) == ["Anna"]  # the word, not the start of "Annual"


def test_a_phone_split_over_words_matches_whole() -> None:
    lay = _layout("Call +44 20 7946 0958 now", "ticket 2079 closed")
    assert _spelled(lay, matches(lay, "+44 20 7946 0958")) == ["+44 20 7946 0958"]


_NAME = st.text(st.sampled_from("abdefghjkmpqstuwxyz"), min_size=5, max_size=12)


@settings(max_examples=60, deadline=None)
@given(_NAME, st.integers(0, 100), st.sampled_from(["", "-Mail", ":", ","]))
def test_a_word_within_tolerance_matches(name: str, at: int, glued: str) -> None:
    """One substituted letter, glued punctuation: still the name (letters that fold in pairs,
    rn and vv, are left out: one edit there is two in the folded text)."""
    word = name[: at % len(name)] + "x" + name[at % len(name) + 1 :]
    lay = _layout(f"from {word.capitalize()}{glued} today")
    assert matches(lay, name.capitalize()) == [(1, 2)]


@settings(max_examples=60, deadline=None)
@given(_NAME, _NAME)
def test_distance_is_the_edit_distance_for_whole_words(a: str, b: str) -> None:
    """Anchored at both ends of one word, the semi-global distance is Levenshtein's."""
    ta, tb = compact(a)[0], compact(b)[0]
    d = distance(ta, tb, frozenset({0}), frozenset({len(tb)}))
    prev = list(range(len(tb) + 1))
    for i, ca in enumerate(ta, 1):
        cur = [i]
        for j, cb in enumerate(tb, 1):
            cur.append(min(prev[j - 1] + (ca != cb), prev[j] + 1, cur[j - 1] + 1))
        prev = cur
    assert d == prev[-1]
    assert tolerance(4) == 0 and tolerance(12) == 2


def _readable(name: str, image: np.ndarray) -> list[str]:
    read = [compact(w.text)[0] for w in read_words(image)]
    parts = [compact(p)[0] for p in name.split() if len(compact(p)[0]) >= 3 and p[0].isupper()]
    return [
        p
        for p in parts
        if any(distance(p, r, frozenset({0}), frozenset({len(r)})) <= 1 for r in read)
    ]


@pytest.mark.parametrize(("seed", "bar"), [(1, "orange"), (2, "dark"), (3, "purple")])
def test_the_title_masks_the_name_in_the_bar_the_tab_and_the_heading(seed: int, bar: str) -> None:
    fonts = installed(TITLE_FONTS)
    if not fonts:
        pytest.skip("no title font installed")
    win = render_window(random.Random(seed), bar, fonts[seed % len(fonts)])
    assert _readable(win.name, win.image), "the render must show the name"
    out = ScreenshotRedactor().redact(win.image, {"app": "Mail", "title": win.title})
    assert out.status == "ok"
    assert not _readable(win.name, out.image)
    assert any(f.detector == "window-title" for f in out.findings)
    kept = " ".join(w.text for w in read_words(out.image))
    assert sum(word in kept for word in ("planning", "budget", "build", "roadmap")) >= 1


def test_the_live_path_masks_the_title_too() -> None:
    win = render_window(random.Random(7), "orange", installed(TITLE_FONTS)[0])
    live = ScreenshotRedactor().stream()
    ctx = {"app": "Mail", "title": win.title}
    for _ in range(2):  # a full pass, then an unchanged frame from the cached lines
        out = live.redact(win.image, ctx)
        assert not _readable(win.name, out.image)
