"""Rules, bars and borders taken out of the picture before OCR reads the words beside them.

A window border, a table rule, a scroll bar (solid or hatched) or a text field's frame that
touches a word is read as part of it: xedit's hatched scroll bar beside ``Ingrid`` reads as
``JIngrid`` or ``ngrid``, a border beside ``+44 20 ...`` swallows the ``+4``, an underline
through descenders turns ``g`` into ``q``. The name is then no name to the detectors and
stays readable.

What makes such a structure different from a glyph is its length: a straight line far longer
than any glyph of the text around it. Both are found on the raw grey image, before the regions
are normalised (the per-region inversion cuts a line beside a bar into pieces):
:func:`flatten_hatch` paints fine hatching (a 1-pixel checkerboard, the way X toolkits draw
scroll bars and disabled areas) in the background of the content beside it, and
:func:`clear_lines` paints thin lines of either polarity, at least :func:`rule_length` long,
in the tone beside them. A third step that painted solid bars still dark after normalisation
was measured and dropped: it cut the inverted bands around words in coloured title bars and
made two of 32 names there unreadable to the detectors (``benchmarks/bench_titlebars.py``).

The lines are found only when the whole rule is seen: a crop one line high cannot tell a
border from the stroke of an ``l``. The live path's crops therefore look at a window of the
frame a rule's length larger (``reread.without_rules``), the full path at the whole frame.
"""

from __future__ import annotations

import cv2
import numpy as np

#: A rule is at least this many text heights long ...
RULE_HEIGHTS = 4.0
#: ... and at least this many pixels (the tallest heading glyphs of ordinary screens are less).
MIN_RULE = 60
#: A thin line: at most this many pixels minus one thick, this much contrast to one side.
LINE_REACH = 5
LINE_CONTRAST = 48
#: The width (px) of the strips beside a hatched bar that tell its content side.
_STRIP = 12
#: Fine hatching: share of checkerboard pixels in a 5 x 5 window from which it is a bar, and
#: the contrast (grey levels) of a pixel to all four of its neighbours.
HATCH_DENSITY = 0.5
HATCH_CONTRAST = 48


def rule_length(text_height: float | None) -> int:
    """The shortest run that is a rule and not a glyph stroke, in pixels (odd: OpenCV's
    opening with an even kernel shifts the result by a pixel)."""
    return int(max(MIN_RULE, RULE_HEIGHTS * (text_height or 0.0))) | 1


_CROSS = np.array([[0, 1, 0], [1, 0, 1], [0, 1, 0]], np.uint8)


def hatch_mask(gray: np.ndarray) -> np.ndarray:
    """HxW bool: fine hatching (a 1-pixel checkerboard) on a raw HxW uint8 image, of either
    polarity: pixels darker or lighter than all four orthogonal neighbours by
    :data:`HATCH_CONTRAST`, densely over a 5 x 5 window (isolated specks in text are not)."""
    lo = cv2.erode(gray, _CROSS)  # the darkest of the four neighbours
    hi = cv2.dilate(gray, _CROSS)  # the lightest
    g = gray.astype(np.int16)
    odd = ((lo.astype(np.int16) - g) >= HATCH_CONTRAST) | ((g - hi) >= HATCH_CONTRAST)
    density = cv2.blur(odd.astype(np.uint8) * 255, (5, 5))
    dense = density >= int(255 * HATCH_DENSITY)
    if not dense.any():
        return dense
    return cv2.dilate(dense.astype(np.uint8), np.ones((3, 3), np.uint8)) > 0


def flatten_hatch(gray: np.ndarray) -> np.ndarray:
    """A raw HxW uint8 image with each patch of fine hatching (and a pixel around it)
    painted in the background of the content beside it (a copy when there is any); its
    border lines are left to :func:`clear_lines`.

    A hatched bar separates content (text, busy) from something else (a desktop, a frame:
    uniform); of the two strips beside the patch along its length, the busier one is the
    content and its median tone its background. The bar then vanishes into the text's own
    background. Painted in its mean tone it would stay a mid-grey bar, which the local
    background estimate takes for a dark panel and inverts the words beside it with;
    inpainted, it smears the glyphs beside it into itself."""
    mask = hatch_mask(gray)
    if not mask.any():
        return gray
    grown = cv2.dilate(mask.astype(np.uint8), np.ones((3, 3), np.uint8))
    n, labels, stats, _ = cv2.connectedComponentsWithStats(grown, connectivity=8)
    out = gray.copy()
    w = _STRIP
    for i in range(1, n):
        x, y, bw, bh = (int(v) for v in stats[i, :4])
        if bh >= bw:  # a vertical bar: the strips left and right of it
            strips = [gray[y : y + bh, max(0, x - w) : x], gray[y : y + bh, x + bw : x + bw + w]]
        else:
            strips = [gray[max(0, y - w) : y, x : x + bw], gray[y + bh : y + bh + w, x : x + bw]]
        strips = [s for s in strips if s.size]
        tone = int(np.median(max(strips, key=lambda s: float(s.std())))) if strips else 255
        box = (slice(y, y + bh), slice(x, x + bw))
        out[box][labels[box] == i] = tone
    return out


def _beside(gray: np.ndarray, axis: int, op) -> tuple[np.ndarray, np.ndarray]:
    """``op`` (max or min) of the :data:`LINE_REACH` pixels just before each pixel along
    ``axis``, and of those just after (edges repeated)."""
    r = LINE_REACH
    kernel = np.ones((1, r) if axis == 1 else (r, 1), np.uint8)
    # a window of r pixels, anchored at its first pixel: pixels [i, i + r)
    window = op(gray, kernel, anchor=(0, 0), borderType=cv2.BORDER_REPLICATE)
    pad = [(0, 0), (0, 0)]
    pad[axis] = (r + 1, r + 1)
    padded = np.pad(window, pad, mode="edge")
    n = gray.shape[axis]
    take = (lambda a: padded[:, a : a + n]) if axis == 1 else (lambda a: padded[a : a + n])
    return take(0), take(r + 2)  # pixels [i - r, i) and [i + 1, i + r + 1)


def clear_lines(gray: np.ndarray, text_height: float | None = None) -> np.ndarray:
    """A raw HxW uint8 image with its thin straight lines (either polarity, at least
    :func:`rule_length` long) painted in the tone beside them; a copy when any were found,
    else the input.

    A line is found where it is plain: darker (lighter) by :data:`LINE_CONTRAST` than every
    one of the :data:`LINE_REACH` pixels on each side of it, across the line, over at least
    a rule's length. The edge of a filled button or panel is no line (one side is the fill),
    nor is the background between two text lines (it is not darker than its sides). From
    there the line is followed, up to a rule's length further, where a glyph touches it:
    there it only has to be darker than the lightest pixel on each side (some pixel beside
    it is still background). Found before the regions are normalised: the per-region
    inversion cuts a line beside a bar into pieces shorter than a rule."""
    n = rule_length(text_height)
    out = gray
    c = LINE_CONTRAST
    for axis, kernel, reach in (
        (1, np.ones((n, 1), np.uint8), np.ones((2 * n + 1, 1), np.uint8)),
        (0, np.ones((1, n), np.uint8), np.ones((1, 2 * n + 1), np.uint8)),
    ):
        if gray.shape[1 - axis] < n or gray.shape[axis] <= 2 * LINE_REACH + 2:
            continue
        lb, la = _beside(out, axis, cv2.dilate)  # the lightest pixel on each side
        db, da = _beside(out, axis, cv2.erode)  # the darkest
        dark = (cv2.subtract(lb, out) >= c) & (cv2.subtract(la, out) >= c)
        light = (cv2.subtract(out, db) >= c) & (cv2.subtract(out, da) >= c)
        plain_dark = (cv2.subtract(db, out) >= c) & (cv2.subtract(da, out) >= c)
        plain_light = (cv2.subtract(out, lb) >= c) & (cv2.subtract(out, la) >= c)
        mask = np.zeros(gray.shape, bool)
        for plain, loose in ((plain_dark, dark), (plain_light, light)):
            core = cv2.morphologyEx(plain.astype(np.uint8), cv2.MORPH_OPEN, kernel)
            if not core.any():
                continue
            followed = (cv2.dilate(core, reach) > 0) & loose
            mask |= cv2.morphologyEx(followed.astype(np.uint8), cv2.MORPH_OPEN, kernel) > 0
        if not mask.any():
            continue
        if out is gray:
            out = gray.copy()
        out[mask] = np.where(dark[mask], np.minimum(lb, la)[mask], np.maximum(db, da)[mask])
    return out
