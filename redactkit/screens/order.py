"""Reading order of OCR lines by geometry: a line's continuation comes right after it.

Tesseract's sparse-text mode (psm 11) makes nearly every line a block of its own and numbers
the blocks top to bottom over the whole screen, so on a screen with a sidebar the lines of a
chat message alternate with the sidebar's entries (``... IBAN DE33 7170 1149 9021 4006`` /
``# ops`` / ``59. Design ...``). A value wrapped onto the next line (an IBAN, a card, an
address, an e-mail) is then never one run of text for the detectors, and its tail on the
next line stays readable.

:func:`reading_order` chains each line to the line geometrically below it in the same column
(similar text height, a line-spacing gap, overlapping horizontally, nothing of that column in
between) and emits every chain whole, chains in the order of their first line. Lines with no
such neighbour keep their place. Every detector that reads the rebuilt text benefits: the
text of a wrapped paragraph is contiguous, joined by newlines as before.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from typing import TypeVar

from redactkit.findings import Box

#: The next line of a column starts at most this many text heights below the line's bottom.
MAX_GAP = 1.2
#: ... overlaps it horizontally by this share of the narrower line's width ...
MIN_OVERLAP = 0.3
#: ... and its text height is within this factor of the line's.
HEIGHT_RATIO = 1.6

L = TypeVar("L")


def _span(line: Sequence) -> tuple[Box, float]:
    """The union box of a line's words and its median word height."""
    boxes = [w.box for w in line]
    left = min(b.left for b in boxes)
    top = min(b.top for b in boxes)
    right = max(b.left + b.width for b in boxes)
    bottom = max(b.top + b.height for b in boxes)
    heights = sorted(b.height for b in boxes)
    return Box(left, top, right - left, bottom - top), float(heights[len(heights) // 2])


def _below(a: tuple[Box, float], b: tuple[Box, float]) -> float | None:
    """How far line ``b`` sits below line ``a`` when it is the next line of a's column
    (the gap, for choosing the nearest), else None."""
    (ba, ha), (bb, hb) = a, b
    if ha <= 0 or hb <= 0 or max(ha, hb) > HEIGHT_RATIO * min(ha, hb):
        return None
    h = max(ha, hb)
    if bb.top <= ba.top + 0.5 * h:  # not below: same baseline or above
        return None
    gap = bb.top - (ba.top + ba.height)
    if gap > MAX_GAP * h or gap < -0.5 * h:
        return None
    overlap = min(ba.left + ba.width, bb.left + bb.width) - max(ba.left, bb.left)
    if overlap < MIN_OVERLAP * min(ba.width, bb.width):
        return None
    return gap


def next_lines(lines: Sequence[Sequence]) -> list[int | None]:
    """For each line, the index of its next line in the same column, or None. A line is the
    next of at most one line (the nearest above it that claims it)."""
    spans = [_span(ln) if ln else None for ln in lines]
    by_top = sorted((s[0].top, j) for j, s in enumerate(spans) if s is not None)
    tops = [t for t, _ in by_top]
    best: list[tuple[float, int] | None] = [None] * len(lines)
    for i, a in enumerate(spans):
        if a is None:
            continue
        lowest = a[0].top + a[0].height + MAX_GAP * HEIGHT_RATIO * a[1]
        for _, j in by_top[bisect_right(tops, a[0].top) : bisect_right(tops, lowest)]:
            b = spans[j]
            if j == i or b is None:
                continue
            gap = _below(a, b)
            if gap is not None and (best[i] is None or gap < best[i][0]):  # type: ignore[index]
                best[i] = (gap, j)
    # a line claimed by several lines above (two columns over one wide line): the nearest
    owner: dict[int, tuple[float, int]] = {}
    for i, b in enumerate(best):
        if b is not None and (b[1] not in owner or b[0] < owner[b[1]][0]):
            owner[b[1]] = (b[0], i)
    return [b[1] if b is not None and owner[b[1]][1] == i else None for i, b in enumerate(best)]


def reading_order(lines: Sequence[L]) -> list[L]:
    """The lines reordered so that each column's consecutive lines are adjacent (see the
    module docstring). Chains start at lines no other line continues into."""
    nxt = next_lines(lines)  # type: ignore[arg-type]
    has_prev = {j for j in nxt if j is not None}
    out: list[L] = []
    done: set[int] = set()
    for i in range(len(lines)):
        if i in done or i in has_prev:
            continue
        j: int | None = i
        while j is not None and j not in done:
            done.add(j)
            out.append(lines[j])
            j = nxt[j]
    for i in range(len(lines)):  # cycles cannot form (each step goes down), but never drop
        if i not in done:
            out.append(lines[i])
    return out
