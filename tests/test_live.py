"""Live frames: change detection (pure, property-tested) and the guarantee on rendered
sessions with the real Tesseract: what the full pass masks, the incremental path masks.
"""

from __future__ import annotations

import random

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpora.sessions import SESSION_KINDS, render_session
from redactkit.findings import Box
from redactkit.policy import Policy
from redactkit.screens import change
from redactkit.screens.redactor import ScreenshotRedactor

SIZE = (1280, 800)


def _mask(result, shape) -> np.ndarray:
    mask = np.zeros(shape[:2], bool)
    for b in result.boxes:
        mask[b.top : b.bottom, b.left : b.right] = True
    return mask


def _coverage(mask: np.ndarray, box: Box) -> float:
    area = mask[box.top : box.bottom, box.left : box.right]
    return float(area.mean()) if area.size else 1.0


# ----------------------------------------------------------------------------- change.py

boxes = st.tuples(
    st.integers(0, 150), st.integers(0, 90), st.integers(1, 60), st.integers(1, 40)
).map(lambda t: Box(*t))


@settings(max_examples=60, deadline=None)
@given(st.lists(boxes, min_size=0, max_size=6), st.sampled_from([4, 8, 16]))
def test_changed_boxes_cover_every_changed_pixel(rects, tile):
    prev = np.zeros((100, 160, 3), np.uint8)
    cur = prev.copy()
    for b in rects:
        cur[b.top : b.bottom, b.left : b.right] = 200
    diff = change.diff_mask(prev, cur)
    found = change.changed_boxes(diff, tile)
    covered = np.zeros_like(diff)
    for b in found:
        covered[b.top : b.bottom, b.left : b.right] = True
    assert not (diff & ~covered).any()
    assert bool(found) == bool(diff.any())


@settings(max_examples=60, deadline=None)
@given(st.lists(boxes, min_size=1, max_size=8), st.integers(0, 6))
def test_merge_boxes_disjoint_and_covering(rects, gap):
    merged = change.merge_boxes(rects, gap)
    for i, a in enumerate(merged):
        assert not any(change.intersects(a.pad(gap), b) for b in merged[i + 1 :])
    for r in rects:
        assert any(m.union(r) == m for m in merged)


def _textlike(rng: np.random.Generator, h: int, w: int) -> np.ndarray:
    """(h, w) uint8: bands of random 'glyph' noise separated by blank rows, like text."""
    img = np.full((h, w), 255, np.uint8)
    y = 5
    while y < h - 14:
        img[y : y + 10, 20 : w - 20] = rng.integers(0, 256, (10, w - 40), dtype=np.uint8)
        y += int(rng.integers(14, 22))
    return img


@settings(max_examples=30, deadline=None)
@given(st.integers(-120, 120).filter(lambda d: d != 0), st.integers(0, 2**31))
def test_vertical_shift_finds_the_scroll(d, seed):
    rng = np.random.default_rng(seed)
    tall = _textlike(rng, 700, 300)
    region = Box(40, 100, 300, 400)
    prev = np.full((600, 400), 255, np.uint8)
    cur = prev.copy()
    prev[100:500, 40:340] = tall[150:550]
    cur[100:500, 40:340] = tall[150 + d : 550 + d]
    assert change.vertical_shift(prev, cur, region) == d
    predicted = change.shift_band(prev, region, d)
    lo, hi = max(100, 100 - d), min(500, 500 - d)
    assert np.array_equal(predicted[lo:hi], cur[lo:hi])


@settings(max_examples=20, deadline=None)
@given(st.integers(0, 2**31))
def test_vertical_shift_unsure_means_no_scroll(seed):
    rng = np.random.default_rng(seed)
    prev, cur = _textlike(rng, 400, 300), _textlike(rng, 400, 300)
    assert change.vertical_shift(prev, cur, Box(0, 0, 300, 400)) == 0


def test_grow_to_ink_takes_the_whole_line():
    shot = next(iter(render_session("key-edit", random.Random(3), 1, SIZE)))
    gray = change.luminance(shot.image)
    for secret in shot.secrets:
        for b in secret.boxes:
            seed = Box(b.left + b.width // 2 - 4, b.top + b.height // 2 - 4, 8, 8)  # a tile
            grown = change.grow_to_ink(gray, seed).pad(2)  # faint anti-aliased edge pixels
            assert grown.union(b) == grown


# ----------------------------------------------------------------------------- the guarantee


@pytest.fixture(scope="module")
def redactor() -> ScreenshotRedactor:
    return ScreenshotRedactor(keep_original=False)


#: Found by spaCy, whose verdict on a name changes with text anywhere else on the screen.
NER_TYPES = {"PERSON", "LOCATION", "NRP"}


def _check_session(redactor, kind: str, frames: int, seed: int):
    """Run a session through both paths. On frames the live path did not fully re-read: no
    known pattern value (mail, phone, key, card, ...) the full pass masks may leak from the
    live path; of the names it masks, at most 20 % may (spaCy's verdict on a name changes with
    text elsewhere on the screen, which the live path does not re-analyse: docs/live.md);
    and at least 85 % of the full pass's mask pixels must be masked."""
    live = redactor.stream()
    full_px = covered_px = names = names_missed = 0
    for frame in render_session(kind, random.Random(seed), frames, SIZE):
        before = frame.image.copy()
        full_passes = live.stats.full
        out = live.redact(frame.image, frame.context)
        assert np.array_equal(frame.image, before)  # input untouched
        assert out.status == "ok"
        if live.stats.full > full_passes:
            continue  # a full pass is the full path itself
        full = redactor.redact(frame.image, frame.context)
        lm, fm = _mask(out, frame.image.shape), _mask(full, frame.image.shape)
        full_px += int(fm.sum())
        covered_px += int((fm & lm).sum())
        for s in frame.secrets:
            if not all(_coverage(fm, b) >= 0.9 for b in s.boxes):
                continue
            ok = all(_coverage(lm, b) >= 0.9 for b in s.boxes)
            if s.entity_type in NER_TYPES:
                names += 1
                names_missed += not ok
            else:
                assert ok, (kind, s.entity_type)
    assert covered_px >= 0.85 * full_px, (kind, covered_px / max(1, full_px))
    assert names_missed <= 0.2 * names, (kind, names_missed, names)
    return live


@pytest.mark.parametrize("kind", SESSION_KINDS)
def test_incremental_covers_full_pass(redactor, kind):
    live = _check_session(redactor, kind, 8, seed=SESSION_KINDS.index(kind) + 11)
    assert live.stats.frames == 8


def test_scrolling_moves_cached_lines_instead_of_rereading(redactor):
    live = redactor.stream()
    for frame in render_session("scrolling", random.Random(5), 6, SIZE):
        live.redact(frame.image, frame.context)
    assert live.stats.scrolls > 0
    assert live.stats.ocr_pixels < 6 * SIZE[0] * SIZE[1] / 2


def test_first_frame_is_the_full_path(redactor):
    frame = next(iter(render_session("terminal", random.Random(2), 1, SIZE)))
    live = redactor.stream()
    a = live.redact(frame.image, frame.context)
    b = redactor.redact(frame.image, frame.context)
    assert sorted(a.boxes) == sorted(b.boxes)


def test_context_change_forces_full_pass_and_masked_apps(redactor):
    frames = list(render_session("switching", random.Random(4), 2, SIZE))
    live = redactor.stream()
    live.redact(frames[0].image, {"app": "Mail", "title": "a"})
    live.redact(frames[0].image, {"app": "Terminal", "title": "b"})
    assert live.stats.reasons["context"] == 1
    masking = ScreenshotRedactor(Policy(mask_apps=("1Password",)), keep_original=False).stream()
    out = masking.redact(frames[1].image, {"app": "1Password"})
    assert out.status == "masked-by-context"
    assert (out.image == 0).all()


def test_failure_masks_the_frame_and_resets(redactor):
    frames = list(render_session("typing", random.Random(6), 3, SIZE))
    red = ScreenshotRedactor(keep_original=False)
    live = red.stream()
    assert live.redact(frames[0].image).status == "ok"
    red.ocr_timeout = 1e-4  # Tesseract cannot finish: a real OCR failure
    failed = live.redact(frames[1].image)
    assert failed.status == "failed" and (failed.image == 0).all()
    assert failed.error is not None and "ocr" in failed.error
    red.ocr_timeout = 30.0
    assert live.redact(frames[2].image).status == "ok"
    assert live.stats.reasons["first"] == 2  # state dropped after the failure


def test_analysis_cache_is_bounded(redactor):
    live = redactor.stream(cache_size=4)
    for i in range(12):
        live._analyze(f"line {i} mail jane{i}@acme.io")
    assert len(live._cache) == 4
    live._analyze("line 11 mail jane11@acme.io")
    assert live.stats.cache_hits == 1
