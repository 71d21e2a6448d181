"""Masks: inside every box changed as promised, outside untouched, input untouched."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from redactkit.findings import Box
from redactkit.screens.masks import blur, fill, fill_value, mask_all, mask_boxes, pixelate

CHANNELS = st.sampled_from([None, 1, 3, 4])


@st.composite
def image_and_boxes(draw):
    height = draw(st.integers(1, 48))
    width = draw(st.integers(1, 48))
    channels = draw(CHANNELS)
    shape = (height, width) if channels is None else (height, width, channels)
    seed = draw(st.integers(0, 2**32 - 1))
    image = np.random.default_rng(seed).integers(0, 256, shape, dtype=np.uint8)
    box = st.builds(
        Box,
        st.integers(-10, width + 5),
        st.integers(-10, height + 5),
        st.integers(0, 40),
        st.integers(0, 40),
    )
    return image, draw(st.lists(box, max_size=5))


def inside_mask(shape: tuple[int, ...], boxes: list[Box]) -> np.ndarray:
    """Boolean (H, W): pixels covered by at least one box, computed independently of masks.py."""
    ys, xs = np.mgrid[0 : shape[0], 0 : shape[1]]
    covered = np.zeros(shape[:2], bool)
    for b in boxes:
        covered |= (
            (xs >= b.left) & (xs < b.left + b.width) & (ys >= b.top) & (ys < b.top + b.height)
        )
    return covered


@settings(max_examples=150, deadline=None)
@given(image_and_boxes(), st.sampled_from(["fill", "pixelate", "blur"]))
def test_outside_untouched_and_input_unchanged(case, method):
    image, boxes = case
    before = image.copy()
    out = mask_boxes(image, boxes, method=method, color=(200, 10, 30))
    assert out.shape == image.shape and out.dtype == np.uint8
    np.testing.assert_array_equal(image, before)
    outside = ~inside_mask(image.shape, boxes)
    np.testing.assert_array_equal(out[outside], image[outside])


@settings(max_examples=150, deadline=None)
@given(image_and_boxes(), st.tuples(*[st.integers(0, 255)] * 3))
def test_fill_paints_every_covered_pixel(case, color):
    image, boxes = case
    out = fill(image, boxes, color)
    inside = inside_mask(image.shape, boxes)
    expected = fill_value(image, color)
    assert (out[inside] == expected).all()
    if image.ndim == 3 and image.shape[2] == 4:
        assert (out[inside][:, 3] == 255).all()  # alpha opaque inside: no glyphs in alpha


@settings(max_examples=60, deadline=None)
@given(image_and_boxes())
def test_inplace_modifies_the_given_array(case):
    image, boxes = case
    expected = fill(image, boxes, 7)
    returned = fill(image, boxes, 7, inplace=True)
    assert returned is image
    np.testing.assert_array_equal(image, expected)


def text_like(channels: int | None) -> np.ndarray:
    """A 40x200 image of thin dark strokes on white, like glyphs of a text line."""
    img = np.full((40, 200), 255, np.uint8)
    img[10:30, 5:195:6] = 0
    img[18:20, 5:195] = 0
    if channels is None:
        return img
    return np.repeat(img[:, :, None], channels, axis=2)


@pytest.mark.parametrize("channels", [None, 3, 4])
def test_pixelate_and_blur_destroy_stroke_detail(channels):
    image = text_like(channels)
    box = [Box(0, 0, 200, 40)]
    for out in (pixelate(image, box, block=16), blur(image, box)):
        # strokes 1 px wide every 6 px: after masking, neighbouring columns look alike
        gray = out if out.ndim == 2 else out[:, :, 0]
        column_contrast = np.abs(np.diff(gray[10:30].astype(int), axis=1)).max()
        assert column_contrast < 128


def test_alpha_kept_outside_and_grey_gets_luma():
    rgba = np.zeros((10, 10, 4), np.uint8)
    rgba[..., 3] = 17
    out = fill(rgba, [Box(2, 2, 3, 3)], (255, 255, 255))
    assert out[0, 0, 3] == 17 and tuple(out[3, 3]) == (255, 255, 255, 255)
    grey = np.zeros((10, 10), np.uint8)
    assert fill(grey, [Box(0, 0, 2, 2)], (255, 0, 0))[0, 0] == 76


def test_mask_all_and_bad_input():
    image = np.arange(24, dtype=np.uint8).reshape(2, 3, 4)
    out = mask_all(image, (1, 2, 3))
    assert out.shape == image.shape and (out[..., :3] == [1, 2, 3]).all()
    assert (out[..., 3] == 255).all()
    with pytest.raises(TypeError):
        fill(image.astype(np.float32), [])
    with pytest.raises(ValueError):
        fill(np.zeros((2, 2, 2), np.uint8), [])
    with pytest.raises(ValueError):
        mask_boxes(image, [], method="smudge")
    with pytest.raises(ValueError):
        fill(image, [], (300, 0, 0))
