"""From OCR words to analysable text, and from findings in that text back to pixel boxes.

Presidio joins all words of a page with single spaces and boxes a word only when the entity
text is a substring of it (or the reverse); a word with glued text (``Phone:(212)``) then
escapes the mask. Here the map is purely positional: every word has a character range in the
rebuilt text, and a finding masks every word whose range it touches, whole, whatever the
characters are. Lines keep their identity (one analysis sees whole lines, joined by newlines
so an entity wrapped onto the next line is still one run of text), and the boxes of one
finding are merged per line and padded so no ascender, descender or half-glyph survives.

All functions here are pure.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Protocol

from redactkit.findings import Box, Finding
from redactkit.screens.order import reading_order

LINE_SEP = "\n"
#: Entity types whose finding inside one word masks only the rest of that word.
PART_OF_WORD_TYPES = frozenset({"URL"})
WORD_SEP = " "


class WordLike(Protocol):
    """What layout needs of an OCR word (``redactkit.screens.ocr.Word`` fits)."""

    text: str
    box: Box
    block: int
    par: int
    line: int


@dataclass(frozen=True, slots=True)
class Layout:
    """Text rebuilt from OCR words, with each word's character range and box.

    ``words[i]`` occupies ``text[starts[i]:ends[i]]``; ``line_of[i]`` is its line number
    (0-based, in text order). ``starts`` is strictly increasing, so a span is mapped to words
    by bisection. ``junctions`` are offsets where two words were glued without a separator.
    """

    text: str
    words: tuple[WordLike, ...]
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    line_of: tuple[int, ...]
    junctions: tuple[int, ...] = ()

    @property
    def line_count(self) -> int:
        return self.line_of[-1] + 1 if self.line_of else 0


def _clean(word_text: str) -> str:
    """Word text as it enters the analysed text: internal whitespace would shift no offsets
    but could split a line, so it is made a plain space; empty words are dropped earlier."""
    return "".join(" " if ch.isspace() else ch for ch in word_text)


def group_lines(words: Iterable[WordLike]) -> list[list[WordLike]]:
    """Words grouped into visual lines, lines in order of first appearance, words in a line
    ordered left to right.

    Tesseract's (block, par, line) ids come first: its reading order keeps columns apart, so a
    name in one column is not read into the next. But in sparse-text mode it also cuts one
    visual line into fragments (``export AWS_ACCESS_KEY_`` | ``ID=AKIA...``), and the value
    then loses the key name that says what it is. Fragments on the same baseline that nearly
    touch (``join_fragments``) are joined again. The lines are then put in reading order by
    geometry (:func:`redactkit.screens.order.reading_order`): each line of a column is followed
    by the next line of that column, so a value wrapped onto the next line is one run of text
    even when a sidebar's lines sit between them in Tesseract's order. Words whose text is
    empty or only whitespace are dropped: they carry nothing to analyse.
    """
    lines: dict[tuple[int, int, int], list[WordLike]] = {}
    for word in words:
        if not word.text or word.text.isspace():
            continue
        lines.setdefault((word.block, word.par, word.line), []).append(word)
    return reading_order(
        join_fragments([sorted(ws, key=lambda w: (w.box.left, w.box.top)) for ws in lines.values()])
    )


#: Two line fragments are one visual line when their boxes overlap vertically by this share of
#: the lower one's height and the gap between them is at most this many text heights (columns
#: of a table or a two-pane window sit further apart).
SAME_LINE_OVERLAP = 0.6
FRAGMENT_GAP = 1.5


def join_fragments(lines: list[list[WordLike]]) -> list[list[WordLike]]:
    """Join line fragments that sit on one baseline with a word-sized gap between them."""
    out: list[list[WordLike]] = []
    for line in lines:
        first = line[0].box
        for target in out:
            last = target[-1].box
            height = min(first.height, last.height)
            overlap = min(first.bottom, last.bottom) - max(first.top, last.top)
            gap = first.left - last.right
            if (
                height > 0
                and overlap >= SAME_LINE_OVERLAP * height
                and -height / 2 <= gap <= FRAGMENT_GAP * height
            ):
                target.extend(line)
                break
        else:
            out.append(list(line))
    return out


def _median_height(words: Sequence[WordLike]) -> int:
    """The median word height of a line: its text height, whatever a tall glyph or a
    punctuation mark does to one word's box."""
    heights = sorted(w.box.height for w in words)
    return heights[len(heights) // 2]


def _glued(line: Sequence[WordLike], glue: float) -> list[bool]:
    """For each gap between consecutive words of a line: narrower than ``glue`` x the line's
    median word height? Tesseract splits tokens at ``@``, ``.`` or a misread glyph with gaps
    of about a quarter of the text height, much like a space, so this is a hint, not a rule."""
    height = _median_height(line)
    limit = glue * height
    return [
        b.box.left - a.box.right < limit
        or (
            _fragment(a.text)
            and _fragment(b.text)
            and b.box.left - a.box.right < FRAGMENT_GLUE * height
        )
        for a, b in zip(line, line[1:])
    ]


#: Two token fragments (``sk-proj-w5UfxPn5`` ``XJnfdlr0`` ``YiDkpS``) are glued across a gap up
#: to this many text heights: Tesseract cuts long keys at a wider glyph gap, several times.
FRAGMENT_GLUE = 1.2
#: Token pieces closer than this many text heights are one token for masking (``token_words``).
TOKEN_GLUE = 0.45
_FRAGMENT = re.compile(r"^[A-Za-z0-9+/=_\-.:@$!%*#]+$")


def _fragment(text: str) -> bool:
    """A piece of a machine token rather than a word: digits or inner capitals in it, or a
    single character (Tesseract leaves lone ``1``s between pieces)."""
    if not _FRAGMENT.match(text):
        return False
    if len(text) == 1:
        return text.isalnum()
    return any(c.isdigit() for c in text) or any(c.isupper() for c in text[1:])


class LayoutBuilder:
    """Text rebuilt word by word, each word's offsets and line recorded: the one way every
    layout (plain, glued, wrapped) is written."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._kept: list[WordLike] = []
        self._starts: list[int] = []
        self._ends: list[int] = []
        self._line_of: list[int] = []
        self._junctions: list[int] = []
        self._pos = 0

    def sep(self, text: str, *, junction: bool = False) -> None:
        """A separator (``junction``: a join of two words or lines a value may run across)."""
        if junction:
            self._junctions.append(self._pos)
        self._parts.append(text)
        self._pos += len(text)

    def word(self, word: WordLike, line_no: int) -> None:
        chunk = _clean(word.text.strip())
        self._parts.append(chunk)
        self._kept.append(word)
        self._starts.append(self._pos)
        self._pos += len(chunk)
        self._ends.append(self._pos)
        self._line_of.append(line_no)

    def layout(self) -> Layout:
        return Layout(
            "".join(self._parts),
            tuple(self._kept),
            tuple(self._starts),
            tuple(self._ends),
            tuple(self._line_of),
            tuple(self._junctions),
        )


def build_layout(
    words: Iterable[WordLike], *, glue: float | None = None, only_glued: bool = False
) -> Layout:
    """Rebuild text from OCR words: words of a line joined by a space, lines by a newline.

    With ``glue``, words closer than ``glue`` x the text height are joined without a space
    (``noah.`` + ``haddad@globex.net`` reads as one address); ``junctions`` then lists where.
    With ``only_glued`` only lines that have such a junction are kept.
    """
    return layout_of_lines(group_lines(words), glue=glue, only_glued=only_glued)


def layout_of_lines(
    lines: Sequence[Sequence[WordLike]], *, glue: float | None = None, only_glued: bool = False
) -> Layout:
    """``build_layout`` of lines already grouped (``group_lines``)."""
    out = LayoutBuilder()
    line_no = -1
    for line in lines:
        joined = _glued(line, glue) if glue is not None else [False] * (len(line) - 1)
        if only_glued and not any(joined):
            continue
        line_no += 1
        if line_no:
            out.sep(LINE_SEP)
        for k, word in enumerate(line):
            if k:
                out.sep("" if joined[k - 1] else WORD_SEP, junction=joined[k - 1])
            out.word(word, line_no)
    return out.layout()


#: Entities written as words with spaces between them. Glued text ("Fixedtomorrowtoday")
#: only recovers tokens that OCR split; read as prose it makes the NER model see names.
WORDED_TYPES = frozenset({"PERSON", "LOCATION", "NRP", "ORGANIZATION", "DATE_TIME"})


def glued_findings(layout: Layout, findings: Iterable[Finding]) -> list[Finding]:
    """What only a glued layout can add: token findings that cross a glued junction. The rest
    was seen, with better word boundaries, in the plain layout."""
    return [f for f in findings if across_junction(layout, f) and f.entity_type not in WORDED_TYPES]


def across_junction(layout: Layout, finding: Finding) -> bool:
    """Whether a finding spans a glued junction, i.e. it could only be seen with the glue."""
    i = bisect_right(layout.junctions, finding.start)
    return i < len(layout.junctions) and layout.junctions[i] < finding.end


def words_touched(layout: Layout, start: int, end: int) -> range:
    """Indices of the words whose character range overlaps [start, end).

    A word counts when it shares at least one character with the span: a finding that covers
    half a word masks the whole word. A span covering only separators touches nothing.
    """
    if end <= start:
        return range(0)
    first = bisect_right(layout.ends, start)  # first word ending after start
    stop = bisect_left(layout.starts, end)  # words starting before end
    return range(first, max(first, stop))


def token_words(layout: Layout, start: int, end: int, entity_type: str | None = None) -> range:
    """The words a finding of ``entity_type`` on [start, end) masks: :func:`words_touched`, and
    for a machine token also the pieces of it OCR cut off on the same line.

    Tesseract cuts a long key at a glyph gap a little wider than the rest (``xoxb-67385``
    ``635`` ``9896-f1Ko...``); detectors then find some pieces and not others (``635``). A
    touched token piece takes in each neighbour that is a piece too and nearly touches it
    (:func:`same_token`), outwards. Worded types and parts of a URL keep the words they touch.
    """
    touched = words_touched(layout, start, end)
    if not touched or entity_type in WORDED_TYPES or entity_type in PART_OF_WORD_TYPES:
        return touched
    first, stop = touched.start, touched.stop
    while first > 0 and same_token(layout, first - 1):
        first -= 1
    while stop < len(layout.words) and same_token(layout, stop - 1):
        stop += 1
    return range(first, stop)


def same_token(layout: Layout, i: int, glue: float = TOKEN_GLUE) -> bool:
    """Whether words ``i`` and ``i + 1`` are pieces of one token: on one line, both with a
    digit or lower case with an inner capital (a word in capitals, ``IBAN`` or ``PM``, is a
    label: some fonts' spaces are narrower than ``glue``), less than ``glue`` x the line's
    median word height apart."""
    a, b = layout.words[i], layout.words[i + 1]
    if layout.line_of[i] != layout.line_of[i + 1] or not (_piece(a.text) and _piece(b.text)):
        return False
    line = layout.line_of[i]
    lo, hi = bisect_left(layout.line_of, line), bisect_right(layout.line_of, line)
    height = _median_height(layout.words[lo:hi])
    gap = b.box.left - a.box.right
    return height > 0 and -height / 2 <= gap < glue * height


def _piece(text: str) -> bool:
    text = text.strip()
    return bool(_FRAGMENT.match(text)) and (
        any(c.isdigit() for c in text)
        or (any(c.islower() for c in text) and any(c.isupper() for c in text[1:]))
    )


def line_boxes(layout: Layout, indices: Sequence[int]) -> list[Box]:
    """One box per line for the given word indices: the union of their word boxes."""
    boxes: dict[int, Box] = {}
    for i in indices:
        line = layout.line_of[i]
        box = Box(*(int(v) for v in layout.words[i].box))
        boxes[line] = boxes[line].union(box) if line in boxes else box
    return [boxes[k] for k in sorted(boxes)]


def auto_pad(box: Box, minimum: int = 2, ratio: float = 0.2) -> int:
    """Padding for a line box: a fraction of its height, at least ``minimum`` pixels.

    Tesseract's word boxes hug the ink it recognised; antialiasing, an accent or a descender
    it cut off can reach a few pixels further, proportionally more on 2x screens.
    """
    return max(minimum, int(round(ratio * box.height)))


def word_tail_box(layout: Layout, start: int, end: int) -> Box | None:
    """The box of a word from the character ``start`` to the word's end, when [start, end)
    lies inside one word; None otherwise.

    For the sensitive parts of a URL (a token in its query, a handle in its path): the scheme,
    host and path before them stay readable. Glyph widths vary, so the cut is placed by the
    share of characters before ``start`` less a margin of two characters and a fifth of that
    width, and runs to the word's end: what follows a token in a URL is rarely worth the risk.
    """
    touched = words_touched(layout, start, end)
    if len(touched) != 1:
        return None
    i = touched[0]
    ws, we = layout.starts[i], layout.ends[i]
    if start <= ws or we - ws < 8:
        return None
    box = Box(*(int(v) for v in layout.words[i].box))
    char_w = box.width / (we - ws)
    prefix = (start - ws) * char_w
    left = box.left + int(prefix - 2 * char_w - 0.2 * prefix)
    if left <= box.left:
        return None
    return Box(left, box.top, box.right - left, box.height)


def span_boxes(
    layout: Layout,
    start: int,
    end: int,
    *,
    pad: int | None = None,
    size: tuple[int, int] | None = None,
    part_of_word: bool = False,
    entity_type: str | None = None,
) -> list[Box]:
    """Padded boxes (one per line segment) covering every word that [start, end) touches.

    ``pad`` in pixels, or None for :func:`auto_pad`. ``size`` = (width, height) clamps boxes
    to the image; boxes wholly outside it are dropped. ``part_of_word``: a span inside one
    word masks only that word's tail from the span on (:func:`word_tail_box`). ``entity_type``:
    a machine token's finding also masks the pieces OCR cut off it (:func:`token_words`).
    """
    limit_w, limit_h = size if size is not None else (None, None)
    tail = word_tail_box(layout, start, end) if part_of_word else None
    out = []
    words = token_words(layout, start, end, entity_type)
    for box in [tail] if tail else line_boxes(layout, words):
        px = auto_pad(box) if pad is None else pad
        padded = box.pad(px, limit_w, limit_h)
        if padded.width > 0 and padded.height > 0:  # empty once clamped: off the image
            out.append(padded)
    return out


def locate(
    layout: Layout,
    findings: Iterable[Finding],
    *,
    pad: int | None = None,
    size: tuple[int, int] | None = None,
) -> list[Finding]:
    """Findings on the rebuilt text → findings with pixel boxes, one per line segment.

    A finding wrapped over two lines becomes two findings with the same span and type, each
    with the box of its line. Findings that touch no word (only separators) are dropped:
    nothing on screen corresponds to them. A part of a URL masks the URL from that part on
    (URL findings are the sensitive parts of a URL under the default policy); a machine token
    masks the pieces OCR cut off it too (:func:`token_words`).
    """
    out: list[Finding] = []
    for f in findings:
        part = f.entity_type in PART_OF_WORD_TYPES
        boxes = span_boxes(layout, f.start, f.end, pad=pad, size=size, part_of_word=part,
                           entity_type=f.entity_type)  # fmt: skip
        out += [replace(f, box=box) for box in boxes]
    return out
