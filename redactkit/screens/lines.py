"""The live path's memory of a frame: its OCR lines, each with the findings on it as word ranges,
and how the lines re-read in the next frame replace the cached ones (placed in reading order,
taking over the findings of an identical line, keeping lost findings masked).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from redactkit.findings import Box
from redactkit.screens import change
from redactkit.screens.ocr import Word

#: (first word, stop word, entity type, score, detector) of one finding on one line.
Hit = tuple[int, int, str, float, str]


@dataclass(frozen=True, slots=True)
class Line:
    """One OCR text line in frame coordinates, and the findings on it as word ranges."""

    words: tuple[Word, ...]
    hits: frozenset[Hit] = frozenset()

    @property
    def box(self) -> Box:
        box = self.words[0].box
        for w in self.words[1:]:
            box = box.union(w.box)
        return Box(*(int(v) for v in box))

    def moved(self, dy: int) -> Line:
        words = tuple(replace(w, box=w.box._replace(top=w.box.top + dy)) for w in self.words)
        return Line(words, self.hits)


def hit_box(line: Line, hit: Hit) -> Box:
    """The unpadded box of the words a hit covers on its line."""
    box = line.words[hit[0]].box
    for w in line.words[hit[0] + 1 : hit[1]]:
        box = box.union(w.box)
    return Box(*(int(v) for v in box))


def carry(fresh: list[Line], dropped: list[Line]) -> tuple[list[Line], set[int]]:
    """Re-read lines that read exactly as a dropped line in the same place take over its
    findings (a caret blinking next to a line changes pixels, not text); returns the lines
    and the ids of those that need no new analysis."""
    out, same = [], set()
    for ln in fresh:
        texts = tuple(w.text for w in ln.words)
        for old in dropped:
            if tuple(w.text for w in old.words) == texts and change.intersects(old.box, ln.box):
                ln = Line(ln.words, old.hits)
                same.add(id(ln))
                break
        out.append(ln)
    return out, same


def lost(dropped: list[Line], lines: list[Line], keep: float = 0.8) -> list[tuple[Box, Hit]]:
    """Findings of re-read lines with no counterpart where they were (less than ``keep`` of
    their box covered by the new findings): the value may have gone, the crop may have read
    worse than the whole frame did, or spaCy judged the new context differently."""
    now = [hit_box(ln, h) for ln in lines for h in ln.hits]
    out = []
    for ln in dropped:
        for hit in ln.hits:
            box = hit_box(ln, hit)
            if box.width <= 0 or box.height <= 0:
                continue
            cover = np.zeros((box.height, box.width), bool)
            for b in now:
                x0, x1 = max(b.left, box.left) - box.left, min(b.right, box.right) - box.left
                y0, y1 = max(b.top, box.top) - box.top, min(b.bottom, box.bottom) - box.top
                if x1 > x0 and y1 > y0:
                    cover[y0:y1, x0:x1] = True
            if cover.mean() < keep:
                out.append((box, hit))
    return out


def ghost(box: Box, hit: Hit, key: int) -> Line:
    """A line of no text that keeps masking a lost finding's box (see ``on_lost``)."""
    word = Word(text="", box=box, conf=0.0, block=key, par=0, line=0)
    return Line((word,), frozenset({(0, 1, hit[2], hit[3], "live-kept")}))


def insert(kept: list[Line], fresh: list[Line]) -> tuple[list[Line], set[int]]:
    """Kept lines in their order, each fresh line placed before the first kept line below it
    in an overlapping column (reading order, roughly as Tesseract would give it); returns
    the merged list and the indices of the fresh lines."""
    merged: list[Line | None] = list(kept)
    order: list[tuple[int, Line]] = []
    for ln in fresh:
        box = ln.box
        pos = len(kept)
        for j, k in enumerate(kept):
            kb = k.box
            if kb.top > box.top and kb.left < box.right and box.left < kb.right:
                pos = j
                break
        order.append((pos, ln))
    order.sort(key=lambda t: (t[0], t[1].box.top, t[1].box.left))
    out: list[Line] = []
    dirty: set[int] = set()
    it = iter(order)
    nxt = next(it, None)
    for j, k in enumerate(merged + [None]):
        while nxt is not None and nxt[0] == j:
            dirty.add(len(out))
            out.append(nxt[1])
            nxt = next(it, None)
        if k is not None:
            out.append(k)
    return out, dirty
