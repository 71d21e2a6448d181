"""Pixel masks: make the inside of boxes unreadable, leave every other pixel as it was.

Solid fill is the default and the only method that destroys the text outright. Pixelation and
blur are offered for readability of the result and are *weaker*: blurred or pixelated text can
sometimes be recovered (known fonts, brute-forcing a few candidate strings against the blurred
pixels), so use them only where the values are not worth an attacker's effort.

All functions take uint8 arrays shaped (H, W) for grayscale, (H, W, 1), (H, W, 3) for RGB or
(H, W, 4) for RGBA, and return an array of the same shape and dtype. They copy unless
``inplace=True``. Work is done per box with array slices and OpenCV: no Python loop over pixels.

Alpha: inside a box the alpha channel is made opaque (fill) or treated like a colour channel
(pixelate, blur). Text drawn on a transparent background can live in the alpha channel alone,
so keeping the original alpha inside a box could keep the glyph shapes.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Literal

import cv2
import numpy as np

from redactkit.findings import Box

Method = Literal["fill", "pixelate", "blur"]
METHODS: tuple[str, ...] = ("fill", "pixelate", "blur")
Color = int | Sequence[int]


def _check(image: np.ndarray) -> None:
    if not isinstance(image, np.ndarray) or image.dtype != np.uint8:
        raise TypeError("image must be a numpy uint8 array")
    if image.ndim == 2:
        return
    if image.ndim == 3 and image.shape[2] in (1, 3, 4):
        return
    raise ValueError(f"image shape {image.shape} is not (H, W), (H, W, 1), (H, W, 3) or (H, W, 4)")


def clip_box(box: Box | Sequence[int], width: int, height: int) -> tuple[int, int, int, int] | None:
    """Clamp a (left, top, width, height) box to the image; None when nothing is left.

    Returns (x0, y0, x1, y1) slice bounds. Boxes may come from OCR of a rescaled or padded
    image and lie partly outside; they still mask what lies inside.
    """
    left, top, w, h = (int(v) for v in box)
    x0, y0 = max(0, left), max(0, top)
    x1, y1 = min(width, left + w), min(height, top + h)
    if x1 <= x0 or y1 <= y0:
        return None
    return x0, y0, x1, y1


def fill_value(image: np.ndarray, color: Color) -> np.ndarray:
    """The per-pixel value that ``color`` becomes for this image's channel layout.

    ``color`` is a grey level (int) or an RGB/RGBA tuple. Grayscale images get the luma of an
    RGB colour; RGBA images get an opaque fill (alpha 255) unless an alpha is given.
    Returns a uint8 array shaped (C,) or () for (H, W) images.
    """
    rgb = np.array([color] * 3 if isinstance(color, int | np.integer) else list(color), dtype=int)
    if rgb.ndim != 1 or rgb.size not in (1, 3, 4) or (rgb < 0).any() or (rgb > 255).any():
        raise ValueError("color must be a 0..255 grey level or an RGB/RGBA tuple")
    if rgb.size == 1:
        rgb = np.repeat(rgb, 3)
    channels = 1 if image.ndim == 2 else image.shape[2]
    if channels == 1:
        luma = round(0.299 * rgb[0] + 0.587 * rgb[1] + 0.114 * rgb[2])
        value = np.array([luma], dtype=np.uint8)
        return value[0] if image.ndim == 2 else value
    if channels == 3:
        return rgb[:3].astype(np.uint8)
    alpha = rgb[3] if rgb.size == 4 else 255
    return np.array([rgb[0], rgb[1], rgb[2], alpha], dtype=np.uint8)


def fill(
    image: np.ndarray,
    boxes: Iterable[Box | Sequence[int]],
    color: Color = (0, 0, 0),
    *,
    inplace: bool = False,
) -> np.ndarray:
    """Paint each box with a solid colour (the safe default: nothing of the glyphs remains).

    image: uint8 (H, W), (H, W, 1), (H, W, 3) or (H, W, 4). Returns the same shape and dtype.
    """
    _check(image)
    out = image if inplace else image.copy()
    value = fill_value(out, color)
    height, width = out.shape[:2]
    for box in boxes:
        bounds = clip_box(box, width, height)
        if bounds is not None:
            x0, y0, x1, y1 = bounds
            out[y0:y1, x0:x1] = value
    return out


def pixelate(
    image: np.ndarray,
    boxes: Iterable[Box | Sequence[int]],
    *,
    block: int = 16,
    inplace: bool = False,
) -> np.ndarray:
    """Replace each box by coarse blocks of its mean colour. Weaker than fill, see module doc.

    ``block`` is the block edge in pixels; blocks at least as tall as a text line leave no
    glyph shape. image: uint8 (H, W), (H, W, 1), (H, W, 3) or (H, W, 4); same shape and dtype
    returned.
    """
    _check(image)
    if block < 1:
        raise ValueError("block must be >= 1")
    out = image if inplace else image.copy()
    height, width = out.shape[:2]
    for box in boxes:
        bounds = clip_box(box, width, height)
        if bounds is None:
            continue
        x0, y0, x1, y1 = bounds
        region = out[y0:y1, x0:x1]
        small_w, small_h = max(1, -(-(x1 - x0) // block)), max(1, -(-(y1 - y0) // block))
        small = cv2.resize(region, (small_w, small_h), interpolation=cv2.INTER_AREA)
        big = cv2.resize(small, (x1 - x0, y1 - y0), interpolation=cv2.INTER_NEAREST)
        out[y0:y1, x0:x1] = big.reshape(region.shape)
    return out


def blur(
    image: np.ndarray,
    boxes: Iterable[Box | Sequence[int]],
    *,
    strength: float = 0.5,
    inplace: bool = False,
) -> np.ndarray:
    """Gaussian-blur each box. The weakest method: blurred text can sometimes be recovered.

    The kernel grows with the box height (``strength`` x height, at least 9 px) so that
    large text gets blurred as much as small text. image: uint8 (H, W), (H, W, 1), (H, W, 3)
    or (H, W, 4); same shape and dtype returned.
    """
    _check(image)
    out = image if inplace else image.copy()
    height, width = out.shape[:2]
    for box in boxes:
        bounds = clip_box(box, width, height)
        if bounds is None:
            continue
        x0, y0, x1, y1 = bounds
        region = out[y0:y1, x0:x1]
        k = max(9, int(strength * (y1 - y0))) | 1
        blurred = cv2.GaussianBlur(
            np.ascontiguousarray(region), (k, k), 0, borderType=cv2.BORDER_REPLICATE
        )
        out[y0:y1, x0:x1] = blurred.reshape(region.shape)
    return out


def mask_boxes(
    image: np.ndarray,
    boxes: Iterable[Box | Sequence[int]],
    *,
    method: Method = "fill",
    color: Color = (0, 0, 0),
    inplace: bool = False,
) -> np.ndarray:
    """Apply one masking method to all boxes; the entry point the redactors use.

    image: uint8 (H, W), (H, W, 1), (H, W, 3) or (H, W, 4); same shape and dtype returned.
    """
    if method == "fill":
        return fill(image, boxes, color, inplace=inplace)
    if method == "pixelate":
        return pixelate(image, boxes, inplace=inplace)
    if method == "blur":
        return blur(image, boxes, inplace=inplace)
    raise ValueError(f"unknown mask method {method!r}; expected one of {METHODS}")


def mask_all(image: np.ndarray, color: Color = (0, 0, 0)) -> np.ndarray:
    """The whole frame filled: what a failed or context-masked frame becomes.

    Always a solid fill whatever the chosen method, since a failure means we do not know
    where the sensitive text is. Returns a new array of the same shape and dtype.
    """
    _check(image)
    out = np.empty_like(image)
    out[...] = fill_value(image, color)
    return out
