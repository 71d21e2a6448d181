"""What changed between two frames of one screen, and where content merely scrolled.

The live redactor OCRs only what changed, so this module decides what that is. Everything
here is pure arithmetic on arrays (numpy, one OpenCV labelling call), no OCR and no state:

- :func:`diff_mask` marks every pixel that differs, :func:`changed_boxes` turns those into
  rectangles at tile resolution (small changes next to each other become one region, so a
  typed word is one crop rather than one per glyph);
- :func:`grow_to_ink` widens a region to the whole run of text it cuts into, and
  :func:`grow_to_lines` to every OCR line of the previous frame it touches: a changed glyph
  sends its whole line back to OCR, never half a word;
- :func:`row_signatures` and :func:`vertical_shift` find a vertical scroll inside a region by
  matching per-row hashes; :func:`shift_band` predicts the scrolled frame so only the newly
  exposed rows count as changed.

Being wrong in the direction of "changed" costs time; being wrong in the other direction
would leak, so every test is exact (a single differing pixel counts) and every uncertain
scroll is reported as no scroll.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import cv2
import numpy as np

from redactkit.findings import Box

#: Fixed odd multipliers for the row hash (seeded: signatures must agree between frames).
_WEIGHTS = (np.random.default_rng(0x5EED).integers(1, 2**62, size=8192, dtype=np.uint64)) | 1


def luminance(frame: np.ndarray) -> np.ndarray:
    """(H, W), (H, W, 1), (H, W, 3) or (H, W, 4) uint8 -> (H, W) uint8 (Rec. 601 weights,
    integer arithmetic; alpha ignored)."""
    if frame.ndim == 2:
        return frame
    if frame.shape[2] == 1:
        return frame[:, :, 0]
    rgb = frame[:, :, :3].astype(np.uint16)
    return ((77 * rgb[:, :, 0] + 150 * rgb[:, :, 1] + 29 * rgb[:, :, 2]) >> 8).astype(np.uint8)


def diff_mask(prev: np.ndarray, cur: np.ndarray) -> np.ndarray:
    """(H, W[, C]) uint8 twice, same shape -> (H, W) bool: True where any channel differs.

    Exact on purpose: a low-contrast glyph changes few levels, and a tolerance would hide it.
    """
    if prev.shape != cur.shape:
        raise ValueError(f"frames differ in shape: {prev.shape} vs {cur.shape}")
    ne = prev != cur
    if ne.ndim == 2:
        return ne
    # OR of channel planes: ``ne.any(axis=2)`` reduces over a length-3 axis pixel by pixel,
    # 10x slower on a 1280x800 frame (10 ms vs 0.8 ms), and this runs on every live frame.
    out = ne[:, :, 0].copy()
    for c in range(1, ne.shape[2]):
        out |= ne[:, :, c]
    return out


def changed_boxes(diff: np.ndarray, tile: int = 8, join: int = 1) -> list[Box]:
    """(H, W) bool -> pixel boxes of the changed regions, at ``tile`` resolution.

    Tiles with any changed pixel are grown by ``join`` tiles before labelling, so changes
    within ``join * tile`` px of each other form one region; the boxes are the tiles' extents
    (without the growth), clamped to the image.
    """
    h, w = diff.shape
    th, tw = -(-h // tile), -(-w // tile)
    padded = np.zeros((th * tile, tw * tile), bool)
    padded[:h, :w] = diff
    tiles = padded.reshape(th, tile, tw, tile).any(axis=(1, 3))
    if not tiles.any():
        return []
    grown = tiles
    if join > 0:
        kernel = np.ones((2 * join + 1, 2 * join + 1), np.uint8)
        grown = cv2.dilate(tiles.astype(np.uint8), kernel) > 0
    n, labels = cv2.connectedComponents(grown.astype(np.uint8), connectivity=8)
    boxes = []
    ys, xs = np.nonzero(tiles)
    lab = labels[ys, xs]
    for k in range(1, n):
        sel = lab == k
        if not sel.any():
            continue
        y0, y1 = int(ys[sel].min()) * tile, (int(ys[sel].max()) + 1) * tile
        x0, x1 = int(xs[sel].min()) * tile, (int(xs[sel].max()) + 1) * tile
        boxes.append(Box(x0, y0, min(w, x1) - x0, min(h, y1) - y0))
    return boxes


def _runs(active: np.ndarray, gap: int) -> np.ndarray:
    """(N,) bool -> (R, 2) int [start, stop) runs of True, joining runs less than ``gap``
    apart."""
    idx = np.flatnonzero(active)
    if idx.size == 0:
        return np.empty((0, 2), int)
    breaks = np.flatnonzero(np.diff(idx) > gap)
    starts = np.concatenate(([idx[0]], idx[breaks + 1]))
    stops = np.concatenate((idx[breaks], [idx[-1]])) + 1
    return np.stack([starts, stops], axis=1)


def _extend(lo: int, hi: int, runs: np.ndarray) -> tuple[int, int]:
    """Widen [lo, hi) to every run it overlaps."""
    hit = (runs[:, 0] < hi) & (runs[:, 1] > lo)
    if not hit.any():
        return lo, hi
    return min(lo, int(runs[hit, 0].min())), max(hi, int(runs[hit, 1].max()))


def grow_to_ink(
    gray: np.ndarray, box: Box, *, contrast: int = 24, hgap: int | None = None, rounds: int = 3
) -> Box:
    """Widen ``box`` over (H, W) uint8 ``gray`` to the text it cuts into.

    Rows count as ink where, within the box's columns, the luminance varies by more than
    ``contrast`` (a blank row between two text lines stops the growth); columns count as
    ink where, within the box's rows, it varies so (a panel edge is uniform down a column
    and stops nothing, a word is not). Horizontal runs closer than ``hgap`` (default
    1.5 x the box height, about two word spaces) are one run, so a whole line of words comes
    along. Repeated ``rounds`` times, since each direction widens the other's window.
    """
    h, w = gray.shape
    x0, y0, x1, y1 = box.left, box.top, box.right, box.bottom
    for _ in range(rounds):
        before = (x0, y0, x1, y1)
        band = gray[:, x0:x1]
        rows = band.max(axis=1).astype(np.int16) - band.min(axis=1) > contrast
        y0, y1 = _extend(y0, y1, _runs(rows, 1))
        strip = gray[y0:y1]
        cols = strip.max(axis=0).astype(np.int16) - strip.min(axis=0) > contrast
        gap = hgap if hgap is not None else max(12, int(1.5 * (y1 - y0)))
        x0, x1 = _extend(x0, x1, _runs(cols, gap))
        if (x0, y0, x1, y1) == before:
            break
    x0, y0 = max(0, x0), max(0, y0)
    return Box(x0, y0, min(w, x1) - x0, min(h, y1) - y0)


def intersects(a: Box, b: Box) -> bool:
    """Whether two boxes share at least one pixel."""
    return a.left < b.right and b.left < a.right and a.top < b.bottom and b.top < a.bottom


def grow_to_lines(box: Box, lines: Sequence[Box], rounds: int = 8) -> Box:
    """Widen ``box`` until it wholly contains every line box it touches (lines it swallows
    may touch further lines: repeated up to ``rounds`` times)."""
    for _ in range(rounds):
        grown = box
        for line in lines:
            if intersects(grown, line):
                grown = grown.union(line)
        if grown == box:
            break
        box = grown
    return box


def merge_boxes(boxes: Iterable[Box], gap: int = 0) -> list[Box]:
    """Union boxes that overlap or lie within ``gap`` px, until none do."""
    out = [b for b in boxes if b.width > 0 and b.height > 0]
    merged = True
    while merged:
        merged = False
        result: list[Box] = []
        for b in out:
            g = b.pad(gap)
            for i, r in enumerate(result):
                if intersects(g, r):
                    result[i] = r.union(b)
                    merged = True
                    break
            else:
                result.append(b)
        out = result
    return out


def row_signatures(gray: np.ndarray, left: int, right: int) -> np.ndarray:
    """(H, W) uint8 -> (H,) uint64: a hash of each row's pixels in columns [left, right).

    A weighted sum with fixed odd 64-bit weights, wrapping: equal rows hash equal, and two
    different rows collide with negligible probability. Columns beyond the weight table
    reuse it cyclically.
    """
    cols = gray[:, left:right].astype(np.uint64)
    weights = np.resize(_WEIGHTS, cols.shape[1])
    with np.errstate(over="ignore"):
        return (cols * weights).sum(axis=1, dtype=np.uint64)


def informative_rows(gray: np.ndarray, left: int, right: int) -> np.ndarray:
    """(H, W) uint8 -> (H,) bool: rows not of one colour in [left, right). A blank row
    matches every other blank row and says nothing about a shift."""
    band = gray[:, left:right]
    return band.max(axis=1) != band.min(axis=1)


def vertical_shift(
    prev_gray: np.ndarray,
    cur_gray: np.ndarray,
    region: Box,
    *,
    max_shift: int | None = None,
    min_match: float = 0.6,
    min_rows: int = 12,
) -> int:
    """How far the content of ``region`` scrolled between two (H, W) uint8 frames.

    Returns ``d`` such that row ``y`` of the current frame shows what row ``y + d`` showed
    before (content moving up, as when reading down a chat, gives ``d > 0``), or 0 when no
    shift explains at least ``min_match`` of the region's informative rows (and at least
    ``min_rows`` of them): an unsure answer is "no scroll", which costs OCR, never a leak.
    """
    top, bottom = region.top, region.bottom
    left, right = region.left, region.right
    height = bottom - top
    if height < 2 * min_rows:
        return 0
    max_shift = max_shift if max_shift is not None else height - min_rows
    prev_sig = row_signatures(prev_gray, left, right)[top:bottom]
    cur_sig = row_signatures(cur_gray, left, right)[top:bottom]
    usable = informative_rows(cur_gray, left, right)[top:bottom]
    total = int(usable.sum())
    if total < min_rows:
        return 0
    best, best_count = 0, 0
    for d in range(-max_shift, max_shift + 1):
        if d == 0:
            continue
        lo, hi = max(0, -d), min(height, height - d)
        if hi - lo < min_rows:
            continue
        same = (cur_sig[lo:hi] == prev_sig[lo + d : hi + d]) & usable[lo:hi]
        count = int(same.sum())
        if count > best_count:
            best, best_count = d, count
    unchanged = int(((cur_sig == prev_sig) & usable).sum())
    if best_count < max(min_rows, min_match * total) or best_count <= unchanged:
        return 0
    return best


def shift_band(prev: np.ndarray, region: Box, d: int) -> np.ndarray:
    """A copy of ``prev`` (H, W[, C]) with the rows of ``region`` moved by ``d`` (see
    :func:`vertical_shift`): the prediction of the scrolled frame. Rows whose source lies
    outside the region keep their old content, so they show up as changed."""
    out = prev.copy()
    top, bottom, left, right = region.top, region.bottom, region.left, region.right
    lo, hi = max(top, top - d), min(bottom, bottom - d)
    if hi > lo:
        out[lo:hi, left:right] = prev[lo + d : hi + d, left:right]
    return out


def area(boxes: Iterable[Box]) -> int:
    """Total area of boxes (overlaps counted twice: an upper bound)."""
    return sum(b.width * b.height for b in boxes)
