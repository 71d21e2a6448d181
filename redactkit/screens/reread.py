"""What the live path re-reads of a frame, and the reading: a vertical scroll undone (cached
lines moved, not re-read), changed regions grown to whole text runs and lines, and all regions
read in one Tesseract call over a mosaic of their crops.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from redactkit.findings import Box
from redactkit.screens import change, ocr
from redactkit.screens.lines import Line
from redactkit.screens.ocr import DEFAULT_CONFIG, Word
from redactkit.screens.rules import clear_lines, flatten_hatch, rule_length

#: Horizontal tolerance (px) when deciding whether a cached line lies inside a scrolled region.
_SLACK = 3


def undo_scroll(
    prev: np.ndarray,
    prev_gray: np.ndarray,
    pixels: np.ndarray,
    gray: np.ndarray,
    diff: np.ndarray,
    regions: list[Box],
    lines: list[Line],
    tile: int,
) -> tuple[list[Box], list[Line], list[Box], int]:
    """Regions that scrolled: move their cached lines, and keep as changed only what the
    shift does not explain. Lines cut by a scrolled region's edge become regions.

    ``prev`` and ``prev_gray`` are the previous frame and its luminance; returns the regions
    still to re-read, the lines (moved where they scrolled), regions of lines cut by an edge,
    and the number of scrolls found."""
    predicted = None
    scrolls = 0
    extra: list[Box] = []
    # Scroll candidates join changes up to 3 tiles apart: the blank gaps between
    # messages do not change when a chat scrolls, and would split the pane into pieces.
    for region in change.changed_boxes(diff, tile, join=3):
        if region.height < 8 * tile:
            continue
        d = change.vertical_shift(prev_gray, gray, region)
        if not d:
            continue
        scrolls += 1
        predicted = change.shift_band(prev if predicted is None else predicted, region, d)
        moved: list[Line] = []
        for ln in lines:
            box = ln.box
            if not change.intersects(box, region):
                moved.append(ln)
                continue
            shifted = box._replace(top=box.top - d)
            # A line at the region's edge may have been read half cut off by a pane's
            # border: where it went, it is read again. One that straddles the edge left
            # its outer part behind: it is read again where it was too. A line scrolled
            # wholly out of the region needs nothing: what shows at its old place is
            # either moved content (cached lines) or new rows the diff below marks.
            edge = max(box.height, 2 * tile)
            cut = box.top < region.top + edge or box.bottom > region.bottom - edge
            # OCR boxes land a pixel or two off the tile-aligned region (rounding after
            # the upscale): columns that close hold no changed ink, so they do not count.
            inside = within(box, region, _SLACK)
            if inside and within(shifted, region, _SLACK) and not cut:
                moved.append(ln.moved(-d))
                continue
            if not inside:
                extra.append(box.pad(2))
            if change.intersects(shifted, region):
                extra.append(shifted.pad(2))
        lines = moved
    if predicted is None:
        return regions, lines, extra, scrolls
    diff = change.diff_mask(predicted, pixels)
    h, w = gray.shape
    extra = [e for e in (clip(b, w, h) for b in extra) if e is not None]
    return change.changed_boxes(diff, tile), lines, extra, scrolls


def grow(gray: np.ndarray, regions: list[Box], line_boxes: list[Box]) -> list[Box]:
    """Regions widened to whole text runs and whole cached lines, then merged."""
    out = []
    for region in regions:
        for _ in range(3):
            grown = change.grow_to_lines(change.grow_to_ink(gray, region), line_boxes)
            if grown == region:
                break
            region = grown
        out.append(region)
    return change.merge_boxes(out, gap=2)


def read_regions(
    view: np.ndarray, regions: list[Box], factor: float, timeout: float
) -> tuple[list[Word], int]:
    """OCR every region in one call: grey crops (with a margin; rules and bars cleared as the
    frame around them shows them) stacked into one mosaic with background-coloured gaps; words are mapped back and kept when their centre lies in
    their region (the margin only gives Tesseract room around the glyphs). ``factor`` is the
    upscale of the last full read. Returns the words in frame coordinates, grouped by
    region and OCR line, and the pixels sent to OCR."""
    h, w = view.shape[:2]
    crops, offsets, y = [], [], 0
    gap = 16
    for r in regions:
        m = max(4, int(0.3 * min(r.height, 40)))
        x0, y0 = max(0, r.left - 2 * m), max(0, r.top - m)
        x1, y1 = min(w, r.right + 2 * m), min(h, r.bottom + m)
        crops.append(_panel_only(without_rules(view, x0, y0, x1, y1), r.left - x0, r.right - x0))
        offsets.append((x0, y0, y))
        y += (y1 - y0) + gap
    mosaic_w = max(c.shape[1] for c in crops)
    mosaic = np.empty((y - gap, mosaic_w), np.uint8)
    for crop, (_, _, my) in zip(crops, offsets):
        ch, cw = crop.shape[:2]
        border = np.concatenate([crop[0], crop[-1], crop[:, 0], crop[:, -1]])
        mosaic[my : my + ch + gap] = np.median(border, axis=0).astype(np.uint8)
        mosaic[my : my + ch, :cw] = crop
    strip_tops = np.array([my for _, _, my in offsets])
    config = replace(DEFAULT_CONFIG, upscale=max(1.0001, factor))
    words = ocr.read_words(mosaic, timeout=timeout, config=config)
    grouped: dict[tuple, list[Word]] = {}
    for word in words:
        cy = word.box.top + word.box.height / 2
        k = max(0, int(np.searchsorted(strip_tops, cy, side="right")) - 1)
        x0, y0, my = offsets[k]
        box = word.box._replace(left=word.box.left + x0, top=word.box.top - my + y0)
        region = regions[k]
        cx, cy = box.left + box.width / 2, box.top + box.height / 2
        if not (region.left <= cx < region.right and region.top <= cy < region.bottom):
            continue
        grouped.setdefault((k, word.block, word.par, word.line), []).append(replace(word, box=box))
    return [w for ws in grouped.values() for w in ws], mosaic.shape[0] * mosaic.shape[1]


def without_rules(view: np.ndarray, x0: int, y0: int, x1: int, y1: int) -> np.ndarray:
    """The grey crop [y0:y1, x0:x1] of ``view`` with its rules, bars and hatching cleared
    (:mod:`redactkit.screens.rules`) as seen in a window a rule's length larger on every
    side: a line-high crop cannot tell a scroll bar's border from the stroke of an ``l``,
    and the full path sees the whole frame."""
    h, w = view.shape[:2]
    n = rule_length(None)
    ex0, ey0, ex1, ey1 = max(0, x0 - n), max(0, y0 - n), min(w, x1 + n), min(h, y1 + n)
    gray = clear_lines(flatten_hatch(ocr.to_gray(view[ey0:ey1, ex0:ex1])))
    return gray[y0 - ey0 : y1 - ey0, x0 - ex0 : x1 - ex0]


#: A margin column whose median luminance differs from the region's background by more than
#: this (grey levels) is a panel's edge: a window border, the desktop beside a terminal.
EDGE = 60


def _panel_only(crop: np.ndarray, left: int, right: int) -> np.ndarray:
    """The crop with its margins beyond the first panel edge painted in the region's
    background (a copy; the crop itself when there is no edge).

    A line typed at a window's left edge, cropped with a margin that takes in the window's
    border, reads worse than in the whole frame: a line-high piece of the border glues to the
    first glyph (``4916`` read as ``916``). The margin is only room for Tesseract around the
    glyphs; beyond the panel the region lies in it holds nothing of the region's."""
    gray = crop if crop.ndim == 2 else crop[..., :3].mean(axis=2)
    cols = np.median(gray, axis=0)
    inner = cols[left:right]
    if inner.size == 0:
        return crop
    bg = float(np.median(inner))
    far = np.abs(cols - bg) > EDGE
    lo = next((x + 1 for x in range(left - 1, -1, -1) if far[x]), 0)
    hi = next((x for x in range(right, len(cols)) if far[x]), len(cols))
    if lo == 0 and hi == len(cols):
        return crop
    fill = np.median(crop[:, left:right].reshape(-1, *crop.shape[2:]), axis=0).astype(np.uint8)
    out = crop.copy()
    out[:, :lo] = fill
    out[:, hi:] = fill
    return out


def within(box: Box, region: Box, slack: int = 0) -> bool:
    """``box`` within ``region``, allowing ``slack`` px to the left and right."""
    return (
        region.left - slack <= box.left
        and box.right <= region.right + slack
        and region.top <= box.top
        and box.bottom <= region.bottom
    )


def clip(box: Box, width: int, height: int) -> Box | None:
    x0, y0 = max(0, box.left), max(0, box.top)
    x1, y1 = min(width, box.right), min(height, box.bottom)
    return Box(x0, y0, x1 - x0, y1 - y0) if x1 > x0 and y1 > y0 else None
