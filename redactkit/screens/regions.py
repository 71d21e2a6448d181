"""Regions of a screen that Tesseract misreads unless they are fixed first.

Two kinds, both found from the pixels alone and fixed in place, before OCR:

- **Light text on a mid-tone background** (a focused window's title bar, a selected row, a
  coloured chip or header): the region is inverted whole when its ink is lighter than it
  (:func:`light_text`), so its text becomes dark on light like the rest.
- **Carets** (a terminal's block cursor, an editor's inverted cell): a solid cell of text height
  next to or over the last character glues itself to the word, and ``AKIA...Q`` reads as
  ``AKIA...Qi``, which no pattern matches. :func:`uncover_carets` inverts such cells back, so
  the character under a block cursor reads as a character and an empty block disappears.

Pure functions on HxW uint8 arrays.
"""

from __future__ import annotations

import cv2
import numpy as np

#: How far (grey levels) a pixel must stand out from its background to count as ink.
INK_MARGIN = 40
#: Backgrounds from mid-grey up to this level may carry light text (white on a coloured bar).
MID_TONE_TOP = 216


def light_text(gray: np.ndarray, bg: np.ndarray) -> np.ndarray:
    """HxW bool: the pixels to invert so that text becomes darker than its background.

    A dark background (below mid-grey) is inverted as before. A mid-tone one (a title bar, a
    selected row, a coloured chip or header) can carry text of either polarity: white on light
    blue is as common as black on it. Such a region is taken whole (a connected area of steady
    mid-tone background) and inverted when its ink is clearly lighter than it: ink is what
    stands out from the background by more than :data:`INK_MARGIN`, and the light ink must
    outweigh the dark twice over. Next to a panel's edge the background estimate blends two
    panels, so only pixels whose background is steady (within the margin over about 10 px)
    belong to a region. Computed at half resolution, like the background.
    """
    h, w = gray.shape
    size = (max(1, w // 2), max(1, h // 2))
    small = cv2.resize(gray, size, interpolation=cv2.INTER_AREA)
    small_bg = cv2.resize(bg, size, interpolation=cv2.INTER_NEAREST)
    near = np.ones((5, 5), np.uint8)
    steady = cv2.subtract(cv2.dilate(small_bg, near), cv2.erode(small_bg, near)) <= INK_MARGIN
    mid = steady & (small_bg >= 128) & (small_bg < MID_TONE_TOP)
    # a region's own text sits on it: grow the region over its strokes before labelling
    mid = cv2.morphologyEx(mid.astype(np.uint8), cv2.MORPH_CLOSE, near)
    n, labels = cv2.connectedComponents(mid, connectivity=4)
    diff = small.astype(np.int16) - small_bg.astype(np.int16)
    lighter = np.clip(diff - INK_MARGIN, 0, None).astype(np.float64).ravel()
    darker = np.clip(-diff - INK_MARGIN, 0, None).astype(np.float64).ravel()
    flat = labels.ravel()
    light_sum = np.bincount(flat, weights=lighter, minlength=n)
    dark_sum = np.bincount(flat, weights=darker, minlength=n)
    flip = (light_sum > 2 * dark_sum) & (light_sum > 20 * INK_MARGIN)
    flip[0] = False
    out = (small_bg < 128) | flip[labels]
    return cv2.resize(out.astype(np.uint8), (w, h), interpolation=cv2.INTER_NEAREST).astype(bool)


def uncover_carets(img: np.ndarray, glyph_height: float | None) -> np.ndarray:
    """HxW uint8 (dark text on light) -> the same with caret cells inverted back.

    A caret cell is a run of dark columns at least 95% full over a line's height (1.05-2.8
    times the median glyph height: a cursor covers ascenders and descenders) and 0.5-0.9 of
    that height wide: a whole connected component of that shape (a block, with or without a
    glyph inside it), or the solid end of a wider component (a block touching the character
    before it). Letters are thinner or hollower; icons and buttons are wider or not solid.
    ``glyph_height``: the median glyph height, or None when there is too little text to tell
    (then nothing is changed).
    """
    if glyph_height is None:
        return img
    _, binary = cv2.threshold(img, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    # frame and rule lines (a title bar's edge right above a terminal's first line) would join
    # a cursor to the rest of the window: components are taken without them
    span = max(15, int(6 * glyph_height))
    lines = cv2.morphologyEx(binary, cv2.MORPH_OPEN, np.ones((1, span), np.uint8))
    lines |= cv2.morphologyEx(binary, cv2.MORPH_OPEN, np.ones((span, 1), np.uint8))
    n, labels, stats, _ = cv2.connectedComponentsWithStats(binary & ~lines, connectivity=8)
    if n <= 1:
        return img
    x, y, w, h, area = (stats[1:, i] for i in range(5))
    tall = (h >= 1.05 * glyph_height) & (h <= 2.8 * glyph_height)
    candidates = np.flatnonzero(tall & (w >= 0.35 * h) & (w <= 3 * h) & (area >= 0.3 * w * h))
    out = img
    for i in candidates:
        rows, cols = slice(y[i], y[i] + h[i]), slice(x[i], x[i] + w[i])
        mine = labels[rows, cols] == i + 1
        if w[i] <= 0.9 * h[i] and area[i] >= 0.6 * w[i] * h[i] and _framed(mine):
            runs = [(0, int(w[i]))]  # a block, with the glyph under the cursor inside it
        else:
            runs = _solid_ends(mine.mean(axis=0) >= 0.95, int(0.5 * h[i]), int(0.9 * h[i]) + 1)
        for lo, hi in runs:
            if out is img:
                out = img.copy()
            box = (rows, slice(x[i] + lo, x[i] + hi))
            out[box] = 255 - out[box]
    return out


def _framed(mine: np.ndarray) -> bool:
    """Whether a component's four edges are solid, as a cursor cell's are around the glyph
    it covers (a letter with an underline cursor glued to it has an open side)."""
    return bool(min(mine[0].mean(), mine[-1].mean(), mine[:, 0].mean(), mine[:, -1].mean()) >= 0.8)


def _solid_ends(full: np.ndarray, min_width: int, max_width: int) -> list[tuple[int, int]]:
    """Column ranges of solid runs at either end of a component (or all of it), when their
    width is within [min_width, max_width]; ``full`` is a bool per column."""
    n = len(full)
    if full.all():
        return [(0, n)] if min_width <= n <= max_width else []
    ends = []
    left = int(np.argmin(full))  # first column that is not full
    right = n - int(np.argmin(full[::-1]))
    if min_width <= left <= max_width:
        ends.append((0, left))
    if min_width <= n - right <= max_width:
        ends.append((right, n))
    return ends
