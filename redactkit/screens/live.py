"""Live capture: redact consecutive frames of one screen, re-reading only what changed.

A capture agent sends a frame every second or so, and most of the screen is the same as in
the frame before. Full OCR of a frame costs about a second of a core; this redactor keeps the
previous frame's OCR lines and what was found on them, and per frame:

1. finds the changed regions (:mod:`redactkit.screens.change`), after undoing a vertical
   scroll, whose lines are moved instead of re-read;
2. widens each region to whole text runs and to every cached line it touches, so a line is
   always either kept whole or re-read whole;
3. OCRs all regions in one Tesseract call (the crops stacked into one mosaic: starting
   Tesseract costs about as much as reading a line), at the upscale factor of the last full
   read, and maps the words back to frame coordinates;
4. re-runs detection only on the re-read lines plus a few neighbouring lines of context
   (enough for the context words and multi-line entities the full text would give), and on
   the re-read lines alone (spaCy's names depend on their surroundings), with an
   LRU cache from analysed text to findings: repeated lines in terminals and chats cost
   nothing.

A full pass (exactly what :class:`ScreenshotRedactor` does) runs on the first frame, when the
window context (app, title) or the frame size changes, when the changed area exceeds
``full_fraction`` of the frame, every ``full_every`` frames, for frames with transparency,
and after any failure. Lines kept from earlier frames keep their findings even when their
context changes: the incremental path may mask more than a full pass, never less by design.
Failures fail closed like the full path: the frame comes out fully masked (or withheld),
status "failed", and the state is dropped.
"""

from __future__ import annotations

import itertools
from collections import Counter, OrderedDict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np

from redactkit.findings import Box, Finding
from redactkit.screens import change, ocr
from redactkit.screens.fields import frame_fields
from redactkit.screens.layout import (
    auto_pad,
    build_layout,
    glued_findings,
    group_lines,
    words_touched,
)
from redactkit.screens.masks import mask_all
from redactkit.screens.ocr import DEFAULT_CONFIG, Word, preprocess
from redactkit.screens.redactor import (
    CONTEXT_MASK,
    ImageInput,
    ScreenshotRedactor,
    ScreenshotResult,
    _dedupe,
    context_masked,
    ocr_views,
    redact_pixels,
    to_pixels,
)

#: (first word, stop word, entity type, score, detector) of one finding on one line.
Hit = tuple[int, int, str, float, str]


#: Horizontal tolerance (px) when deciding whether a cached line lies inside a scrolled region.
_SLACK = 3


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


@dataclass
class LiveStats:
    """What the stream did so far: frames by path, why full passes ran, pixels sent to OCR,
    analysis cache use. Counters only: nothing here grows with the session."""

    frames: int = 0
    full: int = 0
    incremental: int = 0
    unchanged: int = 0
    scrolls: int = 0
    reasons: Counter = field(default_factory=Counter)
    ocr_pixels: int = 0
    cache_hits: int = 0
    cache_misses: int = 0
    kept: int = 0  # lost findings kept masked (on_lost="keep")


class LiveRedactor:
    """Consecutive frames of one screen (a capture session), redacted incrementally.

    ``full_every``: a full pass at least every this many frames (safety net).
    ``full_fraction``: a full pass when the regions to re-read cover more than this share of
    the frame. ``tile``: change-detection resolution in px. ``context_lines`` and
    ``context_tokens``: re-read lines are analysed with neighbours on each side until
    ``context_tokens`` words or ``context_lines`` lines. ``cache_size``: analysed texts kept.
    ``jitter``: extra padding (px, at least a quarter of the box height) of boxes on frames
    not read whole: Tesseract's boxes for the same glyphs move by a pixel or two with the
    crop and the position they were read at. ``on_lost``: what to do when a finding of a
    re-read line has no counterpart in its new reading: "keep" masks its old box until the
    next full pass (over-masking, cheap: spaCy's names flicker as text changes around
    them), "full" re-reads the frame whole.
    """

    def __init__(
        self,
        redactor: ScreenshotRedactor,
        *,
        full_every: int = 30,
        full_fraction: float = 0.45,
        tile: int = 8,
        context_lines: int = 4,
        context_tokens: int = 12,
        cache_size: int = 1024,
        jitter: int = 2,
        on_lost: str = "keep",
    ) -> None:
        if on_lost not in ("keep", "full"):
            raise ValueError("on_lost must be 'keep' or 'full'")
        self.redactor = redactor
        self.full_every = full_every
        self.full_fraction = full_fraction
        self.tile = tile
        self.context_lines = context_lines
        self.context_tokens = context_tokens
        self.cache_size = cache_size
        self.jitter = jitter
        self.on_lost = on_lost
        self._cache: OrderedDict[str, tuple[Finding, ...]] = OrderedDict()
        self._ids = itertools.count(1)
        self.stats = LiveStats()
        self.reset()

    @property
    def frames(self) -> int:
        return self.stats.frames

    def reset(self) -> None:
        """Forget the previous frame: the next one takes a full pass."""
        self._prev: np.ndarray | None = None
        self._gray: np.ndarray | None = None
        self._lines: list[Line] = []
        self._context: tuple | None = None
        self._since_full = 0
        self._factor = 1.0
        self._fallback = ""

    # -- the frame --------------------------------------------------------------------------
    def redact(
        self, frame: ImageInput, context: Mapping[str, Any] | None = None
    ) -> ScreenshotResult:
        """Redact the next frame; ``context`` may carry the frame's ``app`` and ``title``."""
        red = self.redactor
        self.stats.frames += 1
        pixels = to_pixels(frame)
        original = pixels if red.keep_original else None
        try:
            key = _context_key(context)
            masked_whole = context_masked(red.policy, context)
        except Exception as exc:  # a broken context must not let the frame through
            self.reset()
            return red._failed(pixels, "context", exc)
        if masked_whole:
            self.reset()
            height, width = pixels.shape[:2]
            finding = Finding(CONTEXT_MASK, 0, 0, 1.0, "context", box=Box(0, 0, width, height))
            return ScreenshotResult(
                mask_all(pixels, red.fill), [finding], "masked-by-context", None, original
            )
        stage = "ocr"
        try:
            views = ocr_views(pixels)
            if len(views) > 1:  # transparency: two readings, no incremental state
                self.reset()
                self._count_full("transparency")
                return red.redact(pixels, context)
            reason = self._full_reason(pixels, key)
            lines = None
            if reason is None:
                lines = self._incremental(pixels, views[0])
                if lines is None:
                    reason = self._fallback
            if lines is None:
                lines = self._full(views[0])
                self._count_full(reason or "first")
            stage = "mask"
            height, width = pixels.shape[:2]
            loose = reason is None  # boxes not from this frame's own full read
            findings = self._findings(lines, (width, height), loose)
            findings += frame_fields(  # values named by headers and labels (screens/fields.py)
                [w for ln in lines for w in ln.words], (width, height), red.pad, red.text.query
            )
            findings = _dedupe(findings)
            out = redact_pixels(pixels, findings, method=red.method, fill=red.fill)
        except Exception as exc:
            self.reset()
            return red._failed(pixels, stage, exc)
        self._remember(pixels, lines, key)
        return ScreenshotResult(out, findings, "ok", None, original)

    def _count_full(self, reason: str) -> None:
        self.stats.full += 1
        self.stats.reasons[reason] += 1

    def _full_reason(self, pixels: np.ndarray, key: tuple | None) -> str | None:
        if self._prev is None:
            return "first"
        if self._prev.shape != pixels.shape:
            return "size"
        if key != self._context:
            return "context"
        if self._since_full + 1 >= self.full_every:
            return "periodic"
        return None

    def _remember(self, pixels: np.ndarray, lines: list[Line], key: tuple | None) -> None:
        # A copy: the caller may reuse its frame buffer for the next capture.
        self._prev = np.array(pixels, copy=True)
        self._gray = change.luminance(self._prev)
        self._lines = lines
        self._context = key

    # -- full pass --------------------------------------------------------------------------
    def _full(self, view: np.ndarray) -> list[Line]:
        """Read the whole view, exactly as the full path does, and analyse its whole text."""
        # Looked up at call time, like the full path: tests and callers may swap the OCR.
        words = ocr.read_words(view, timeout=self.redactor.ocr_timeout)
        self._factor = preprocess(view)[1]
        self._since_full = 0
        self.stats.ocr_pixels += view.shape[0] * view.shape[1]
        lines = self._new_lines(group_lines(words))
        hits = self._detect(lines)
        return [Line(ln.words, frozenset(h)) for ln, h in zip(lines, hits)]

    def _new_lines(self, grouped: Sequence[Sequence[Word]]) -> list[Line]:
        """Lines with a key of their own: words from different OCR calls must never be
        grouped together by Tesseract's per-call (block, par, line) numbers."""
        out = []
        for ws in grouped:
            if ws:
                key = next(self._ids)
                words = tuple(replace(w, block=key, par=0, line=0) for w in ws)
                out.append(Line(words))
        return out

    # -- incremental pass -------------------------------------------------------------------
    def _incremental(self, pixels: np.ndarray, view: np.ndarray) -> list[Line] | None:
        """The lines of this frame from the cached ones plus a re-read of what changed, or
        None when too much changed for the incremental path to pay."""
        assert self._prev is not None and self._gray is not None
        self._since_full += 1
        height, width = pixels.shape[:2]
        diff = change.diff_mask(self._prev, pixels)
        if not diff.any():
            self.stats.unchanged += 1
            return list(self._lines)
        gray = change.luminance(pixels)
        regions = change.changed_boxes(diff, self.tile)
        lines = list(self._lines)
        regions, lines, extra = self._undo_scroll(pixels, gray, diff, regions, lines)
        regions = self._grow(gray, regions + extra, [ln.box for ln in lines])
        if change.area(regions) > self.full_fraction * height * width:
            self._fallback = "large change"
            return None
        kept, dropped = [], []
        for ln in lines:
            touched = any(change.intersects(ln.box, r) for r in regions)
            (dropped if touched else kept).append(ln)
        fresh, same = _carry(self._read_regions(view, regions), dropped)
        merged, placed = _insert(kept, fresh)
        result = self._redetect(merged, {i for i in placed if id(merged[i]) not in same})
        lost = _lost(dropped, result)
        if lost and self.on_lost == "full":
            self._fallback = "lost finding"
            return None
        result += [_ghost(box, hit, next(self._ids)) for box, hit in lost]
        self.stats.kept += len(lost)
        self.stats.incremental += 1
        return result

    def _undo_scroll(
        self,
        pixels: np.ndarray,
        gray: np.ndarray,
        diff: np.ndarray,
        regions: list[Box],
        lines: list[Line],
    ) -> tuple[list[Box], list[Line], list[Box]]:
        """Regions that scrolled: move their cached lines, and keep as changed only what the
        shift does not explain. Lines cut by a scrolled region's edge become regions."""
        assert self._prev is not None and self._gray is not None
        predicted = None
        extra: list[Box] = []
        # Scroll candidates join changes up to 3 tiles apart: the blank gaps between
        # messages do not change when a chat scrolls, and would split the pane into pieces.
        for region in change.changed_boxes(diff, self.tile, join=3):
            if region.height < 8 * self.tile:
                continue
            d = change.vertical_shift(self._gray, gray, region)
            if not d:
                continue
            self.stats.scrolls += 1
            predicted = change.shift_band(self._prev if predicted is None else predicted, region, d)
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
                edge = max(box.height, 2 * self.tile)
                cut = box.top < region.top + edge or box.bottom > region.bottom - edge
                # OCR boxes land a pixel or two off the tile-aligned region (rounding after
                # the upscale): columns that close hold no changed ink, so they do not count.
                inside = _inside(box, region, _SLACK)
                if inside and _inside(shifted, region, _SLACK) and not cut:
                    moved.append(ln.moved(-d))
                    continue
                if not inside:
                    extra.append(box.pad(2))
                if change.intersects(shifted, region):
                    extra.append(shifted.pad(2))
            lines = moved
        if predicted is None:
            return regions, lines, extra
        diff = change.diff_mask(predicted, pixels)
        h, w = gray.shape
        extra = [e for e in (_clip(b, w, h) for b in extra) if e is not None]
        return change.changed_boxes(diff, self.tile), lines, extra

    def _grow(self, gray: np.ndarray, regions: list[Box], line_boxes: list[Box]) -> list[Box]:
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

    def _read_regions(self, view: np.ndarray, regions: list[Box]) -> list[Line]:
        """OCR every region in one call: crops (with a margin) stacked into one mosaic with
        background-coloured gaps; words are mapped back and kept when their centre lies in
        their region (the margin only gives Tesseract room around the glyphs)."""
        if not regions:
            return []
        h, w = view.shape[:2]
        crops, offsets, y = [], [], 0
        gap = 16
        for r in regions:
            m = max(4, int(0.3 * min(r.height, 40)))
            x0, y0 = max(0, r.left - 2 * m), max(0, r.top - m)
            x1, y1 = min(w, r.right + 2 * m), min(h, r.bottom + m)
            crops.append(view[y0:y1, x0:x1])
            offsets.append((x0, y0, y))
            y += (y1 - y0) + gap
        mosaic_w = max(c.shape[1] for c in crops)
        mosaic = np.empty((y - gap, mosaic_w) + view.shape[2:], np.uint8)
        for crop, (_, _, my) in zip(crops, offsets):
            ch, cw = crop.shape[:2]
            border = np.concatenate([crop[0], crop[-1], crop[:, 0], crop[:, -1]])
            mosaic[my : my + ch + gap] = np.median(border, axis=0).astype(np.uint8)
            mosaic[my : my + ch, :cw] = crop
        strip_tops = np.array([my for _, _, my in offsets])
        config = replace(DEFAULT_CONFIG, upscale=max(1.0001, self._factor))
        words = ocr.read_words(mosaic, timeout=self.redactor.ocr_timeout, config=config)
        self.stats.ocr_pixels += mosaic.shape[0] * mosaic.shape[1]
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
            grouped.setdefault((k, word.block, word.par, word.line), []).append(
                replace(word, box=box)
            )
        return self._new_lines(group_lines(w for ws in grouped.values() for w in ws))

    def _redetect(self, lines: list[Line], dirty: set[int]) -> list[Line]:
        """Analyse each run of re-read lines with neighbours for context; kept lines keep
        their findings and gain any the new context brings."""
        hits = [set(ln.hits) if i not in dirty else set() for i, ln in enumerate(lines)]
        for a, b in self._windows(lines, dirty):
            for offset, found in enumerate(self._detect(lines[a:b])):
                hits[a + offset] |= found
            # The re-read lines alone too: spaCy may see a name in one context, not another.
            core = [i for i in range(a, b) if i in dirty]
            if len(core) < b - a:
                lo, hi = core[0], core[-1] + 1
                for offset, found in enumerate(self._detect(lines[lo:hi])):
                    hits[lo + offset] |= found
        return [Line(ln.words, frozenset(h)) for ln, h in zip(lines, hits)]

    def _windows(self, lines: list[Line], dirty: set[int]) -> list[tuple[int, int]]:
        """[a, b) ranges of lines to analyse: each run of dirty lines with context around."""
        spans: list[tuple[int, int]] = []
        for i in sorted(dirty):
            a = b = i
            tokens = 0
            while a > 0 and i - a < self.context_lines and tokens < self.context_tokens:
                a -= 1
                tokens += len(lines[a].words)
            tokens = 0
            while (
                b + 1 < len(lines) and b - i < self.context_lines and tokens < self.context_tokens
            ):
                b += 1
                tokens += len(lines[b].words)
            if spans and a <= spans[-1][1]:
                spans[-1] = (spans[-1][0], max(spans[-1][1], b + 1))
            else:
                spans.append((a, b + 1))
        return spans

    # -- detection --------------------------------------------------------------------------
    def _analyze(self, text: str) -> tuple[Finding, ...]:
        found = self._cache.get(text)
        if found is not None:
            self._cache.move_to_end(text)
            self.stats.cache_hits += 1
            return found
        self.stats.cache_misses += 1
        found = tuple(self.redactor.text.analyze(text, ocr=True))
        self._cache[text] = found
        while len(self._cache) > self.cache_size:
            self._cache.popitem(last=False)
        return found

    def _detect(self, lines: Sequence[Line]) -> list[set[Hit]]:
        """Findings on these lines' text (as the full path builds and analyses it: plain,
        then glued where words nearly touch) as word ranges per line."""
        words = [w for ln in lines for w in ln.words]
        where = {id(w): (i, k) for i, ln in enumerate(lines) for k, w in enumerate(ln.words)}
        layouts = [build_layout(words)]
        if self.redactor.glue is not None:
            layouts.append(build_layout(words, glue=self.redactor.glue, only_glued=True))
        hits: list[set[Hit]] = [set() for _ in lines]
        for n, layout in enumerate(layouts):
            if not layout.text:
                continue
            found = self._analyze(layout.text)
            for f in glued_findings(layout, found) if n else found:
                spans: dict[int, list[int]] = {}
                for j in words_touched(layout, f.start, f.end):
                    i, k = where[id(layout.words[j])]
                    spans.setdefault(i, []).append(k)
                for i, ks in spans.items():
                    hits[i].add((min(ks), max(ks) + 1, f.entity_type, f.score, f.detector))
        return hits

    def _findings(self, lines: list[Line], size: tuple[int, int], loose: bool) -> list[Finding]:
        """Findings with padded pixel boxes (one per line segment, as the full path makes
        them) and offsets into this frame's rebuilt text."""
        width, height = size
        out = []
        pos = 0
        for ln in lines:
            starts = []
            for w in ln.words:
                starts.append(pos)
                pos += len(w.text.strip()) + 1
            for hit in sorted(ln.hits):
                first, stop, entity, score, detector = hit
                box = _hit_box(ln, hit)
                pad = self.redactor.pad if self.redactor.pad is not None else auto_pad(box)
                extra = max(self.jitter, box.height // 4) if loose else 0
                padded = box.pad(pad + extra, width, height)
                if padded.width > 0 and padded.height > 0:
                    end = starts[stop - 1] + len(ln.words[stop - 1].text.strip())
                    out.append(Finding(entity, starts[first], end, score, detector, box=padded))
        return out


def _hit_box(line: Line, hit: Hit) -> Box:
    """The unpadded box of the words a hit covers on its line."""
    box = line.words[hit[0]].box
    for w in line.words[hit[0] + 1 : hit[1]]:
        box = box.union(w.box)
    return Box(*(int(v) for v in box))


def _carry(fresh: list[Line], dropped: list[Line]) -> tuple[list[Line], set[int]]:
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


def _lost(dropped: list[Line], lines: list[Line], keep: float = 0.8) -> list[tuple[Box, Hit]]:
    """Findings of re-read lines with no counterpart where they were (less than ``keep`` of
    their box covered by the new findings): the value may have gone, the crop may have read
    worse than the whole frame did, or spaCy judged the new context differently."""
    now = [_hit_box(ln, h) for ln in lines for h in ln.hits]
    out = []
    for ln in dropped:
        for hit in ln.hits:
            box = _hit_box(ln, hit)
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


def _ghost(box: Box, hit: Hit, key: int) -> Line:
    """A line of no text that keeps masking a lost finding's box (see ``on_lost``)."""
    word = Word(text="", box=box, conf=0.0, block=key, par=0, line=0)
    return Line((word,), frozenset({(0, 1, hit[2], hit[3], "live-kept")}))


def _context_key(context: Mapping[str, Any] | None) -> tuple | None:
    if not context:
        return None
    return (str(context.get("app")), str(context.get("title")))


def _inside(box: Box, region: Box, slack: int = 0) -> bool:
    """``box`` within ``region``, allowing ``slack`` px to the left and right."""
    return (
        region.left - slack <= box.left
        and box.right <= region.right + slack
        and region.top <= box.top
        and box.bottom <= region.bottom
    )


def _clip(box: Box, width: int, height: int) -> Box | None:
    x0, y0 = max(0, box.left), max(0, box.top)
    x1, y1 = min(width, box.right), min(height, box.bottom)
    return Box(x0, y0, x1 - x0, y1 - y0) if x1 > x0 and y1 > y0 else None


def _insert(kept: list[Line], fresh: list[Line]) -> tuple[list[Line], set[int]]:
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
