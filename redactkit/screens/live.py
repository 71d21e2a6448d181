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
from typing import Any, Protocol

import numpy as np

from redactkit.findings import Box, Finding
from redactkit.policy import Policy
from redactkit.screens import change, ocr
from redactkit.screens.frame import whole_frame
from redactkit.screens.layout import (
    WORDED_TYPES,
    auto_pad,
    glued_findings,
    group_lines,
    token_words,
)
from redactkit.screens.lines import Hit, Line, carry, ghost, hit_box, insert, lost
from redactkit.screens.masks import Color
from redactkit.screens.ocr import Word, preprocess
from redactkit.screens.pipeline import (
    ImageInput,
    context_masked,
    dedupe,
    ocr_views,
    redact_pixels,
    text_layouts,
    to_pixels,
)
from redactkit.screens.reread import grow, read_regions, undo_scroll
from redactkit.screens.result import OnError, ScreenshotResult, context_result, failed_result


class FullPath(Protocol):
    """What the live path takes from the full path it was made by (a
    :class:`~redactkit.screens.redactor.ScreenshotRedactor`): its settings, its text redactor,
    and its ``redact`` for frames the live path cannot take incrementally. Named here, not
    imported, so that imports run one way: the redactor makes the live path, never back."""

    policy: Policy
    text: Any
    fill: Color
    method: str
    pad: int | None
    on_error: OnError
    ocr_timeout: float
    keep_original: bool
    glue: float | None

    def redact(
        self, image: ImageInput, context: Mapping[str, Any] | None = None
    ) -> ScreenshotResult: ...


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
        redactor: FullPath,
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
        self._cache: OrderedDict[tuple[str, bool], tuple[Finding, ...]] = OrderedDict()
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
            return self._failed(pixels, "context", exc, original)
        if masked_whole:
            self.reset()
            return context_result(pixels, red.fill, original)
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
            # fields, the window title's parts and repeated values over all lines
            findings += whole_frame(lines, context, red, (width, height))
            findings = dedupe(findings)
            out = redact_pixels(pixels, findings, method=red.method, fill=red.fill)
        except Exception as exc:
            self.reset()
            return self._failed(pixels, stage, exc, original)
        self._remember(pixels, lines, key)
        return ScreenshotResult(out, findings, "ok", None, original)

    def _failed(
        self, pixels: np.ndarray, stage: str, exc: BaseException, original: np.ndarray | None
    ) -> ScreenshotResult:
        red = self.redactor
        return failed_result(
            pixels, stage, exc, fill=red.fill, on_error=red.on_error, original=original
        )

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
        regions, lines, extra, scrolls = undo_scroll(
            self._prev, self._gray, pixels, gray, diff, regions, lines, self.tile
        )
        self.stats.scrolls += scrolls
        regions = grow(gray, regions + extra, [ln.box for ln in lines])
        if change.area(regions) > self.full_fraction * height * width:
            self._fallback = "large change"
            return None
        kept, dropped = [], []
        for ln in lines:
            touched = any(change.intersects(ln.box, r) for r in regions)
            (dropped if touched else kept).append(ln)
        fresh, same = carry(self._read_regions(view, regions), dropped)
        merged, placed = insert(kept, fresh)
        result = self._redetect(merged, {i for i in placed if id(merged[i]) not in same})
        gone = lost(dropped, result)
        if gone and self.on_lost == "full":
            self._fallback = "lost finding"
            return None
        result += [ghost(box, hit, next(self._ids)) for box, hit in gone]
        self.stats.kept += len(gone)
        self.stats.incremental += 1
        return result

    def _read_regions(self, view: np.ndarray, regions: list[Box]) -> list[Line]:
        """The lines of ``regions`` read in one OCR call (see :func:`~redactkit.screens.reread.read_regions`)."""
        if not regions:
            return []
        words, pixels = read_regions(view, regions, self._factor, self.redactor.ocr_timeout)
        self.stats.ocr_pixels += pixels
        return self._new_lines(group_lines(words))

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
    def _analyze(self, text: str, joined: bool = False) -> tuple[Finding, ...]:
        """Findings in a layout's text, cached; joined text (glued, wrapped): no worded types."""
        key = (text, joined)
        found = self._cache.get(key)
        if found is not None:
            self._cache.move_to_end(key)
            self.stats.cache_hits += 1
            return found
        self.stats.cache_misses += 1
        skip = {"skip": WORDED_TYPES} if joined else {}
        found = tuple(self.redactor.text.analyze(text, ocr=True, **skip))
        self._cache[key] = found
        while len(self._cache) > self.cache_size:
            self._cache.popitem(last=False)
        return found

    def _detect(self, lines: Sequence[Line]) -> list[set[Hit]]:
        """Findings on these lines' text (as the full path builds and analyses it: plain,
        then glued where words nearly touch, then joined where a value wraps onto the next
        line) as word ranges per line."""
        words = [w for ln in lines for w in ln.words]
        where = {id(w): (i, k) for i, ln in enumerate(lines) for k, w in enumerate(ln.words)}
        layouts = text_layouts(words, self.redactor.glue)
        hits: list[set[Hit]] = [set() for _ in lines]
        for n, layout in enumerate(layouts):
            if not layout.text:
                continue
            found = self._analyze(layout.text, bool(n))
            for f in glued_findings(layout, found) if n else found:
                spans: dict[int, list[int]] = {}
                for j in token_words(layout, f.start, f.end, f.entity_type):
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
                box = hit_box(ln, hit)
                pad = self.redactor.pad if self.redactor.pad is not None else auto_pad(box)
                extra = max(self.jitter, box.height // 4) if loose else 0
                padded = box.pad(pad + extra, width, height)
                if padded.width > 0 and padded.height > 0:
                    end = starts[stop - 1] + len(ln.words[stop - 1].text.strip())
                    out.append(Finding(entity, starts[first], end, score, detector, box=padded))
        return out


def _context_key(context: Mapping[str, Any] | None) -> tuple | None:
    if not context:
        return None
    return (str(context.get("app")), str(context.get("title")))
