"""Fields on a screen: values that the label or column header beside them names.

OCR reads a table as lines of words and the text rules look along one line, so a name cell
whose only context is the "Name" header three rows up, or a date under "Date of birth" in a
form, reaches the engine as a bare word or a bare date. Here the layout is recovered from the
word boxes alone (no grid lines needed, nor Tesseract's blocks, which split tables
unpredictably): words are grouped into visual rows, rows into cells at column-sized gaps, and
every cell whose text the label lexicon (``redactkit.detect.labels``) knows names its value:

- ``Label: value`` inside one cell, or the cell right after a ``Label:`` cell;
- a table column: the cells under a header cell, row after row (zebra stripes, grid lines and
  scrolled tables whose header is still on screen are all just rows of cells);
- a form with labels above their inputs: the cells under a label down to the next label;
- a form or settings page with labels left of their values: the next cell on the label's row,
  when the cells under the label are other labels.

A value found so is that entity whatever it looks like (a plain date, a short surname), and its
whole cell is masked. Known benign labels (meeting date, product, price) are what tells a header
row or a label column apart from values, and their columns are kept.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from statistics import median
from typing import Any

from redactkit.detect.labels import BENIGN, is_ocr_label, never_personal, ocr_label_type
from redactkit.findings import Box, Finding
from redactkit.screens.layout import (
    WORDED_TYPES,
    Layout,
    WordLike,
    auto_pad,
    build_layout,
    words_touched,
)
from redactkit.screens.values import keyed, plausible, value_words

#: Two words of a row belong to different cells when the gap between them exceeds this many
#: text heights (a space is about 0.3, table columns and form gutters are wider).
CELL_GAP = 1.2
#: Inside a cell, a known label followed by a gap wider than this many text heights is a
#: label beside its value (spaces between words are about 0.3).
LABEL_GAP = 0.7
#: A column ends where the next cell under it is further below the last one than this many
#: row pitches (a table's end, a section below a form).
COLUMN_BREAK = 2.6
#: The most cells taken under one header.
MAX_ROWS = 80
DETECTOR = "screen-field"
#: Text detectors that read layout from line order, which OCR text does not keep (a label
#: "above" in OCR order may be a header three columns away): on screens the boxes decide.
TEXT_LAYOUT_ONLY = frozenset({"label-above"})
_RULE_CHARS = frozenset("|[]{}_-—–=+:;.,•·*#~")


@dataclass(frozen=True, slots=True)
class Cell:
    """Words of one row that sit together: indices into the layout's words, their union box
    and their text joined by spaces."""

    words: tuple[int, ...]
    box: Box
    text: str

    @property
    def height(self) -> int:
        return max(1, self.box.height)


def _union(boxes: Sequence[Box]) -> Box:
    out = boxes[0]
    for b in boxes[1:]:
        out = out.union(b)
    return out


def rows_of_cells(layout: Layout) -> list[list[Cell]]:
    """The layout's words as visual rows (top to bottom), each a list of cells (left to right).

    A word joins a row when its vertical centre lies within half a text height of the row's;
    words that are only rule characters (grid lines read as ``|`` or ``—``) are left out.
    """
    items = [
        (i, w.box)
        for i, w in enumerate(layout.words)
        if w.text.strip() and not set(w.text.strip()) <= _RULE_CHARS and w.box.height > 0
    ]
    items.sort(key=lambda t: t[1].top + t[1].height / 2)
    rows: list[list[tuple[int, Box]]] = []
    centre = 0.0
    for i, box in items:
        cy = box.top + box.height / 2
        if rows:
            h = median(b.height for _, b in rows[-1])
            if abs(cy - centre) <= 0.5 * max(h, box.height) * 0.9:
                rows[-1].append((i, box))
                centre = median(b.top + b.height / 2 for _, b in rows[-1])
                continue
        rows.append([(i, box)])
        centre = cy
    return [_cells(layout, sorted(row, key=lambda t: t[1].left)) for row in rows]


def _cells(layout: Layout, row: list[tuple[int, Box]]) -> list[Cell]:
    height = median(b.height for _, b in row)
    groups: list[list[tuple[int, Box]]] = [[row[0]]]
    for prev, cur in zip(row, row[1:]):
        if cur[1].left - prev[1].right > CELL_GAP * height:
            groups.append([cur])
        else:
            groups[-1].append(cur)
    return [
        Cell(
            tuple(i for i, _ in g),
            _union([b for _, b in g]),
            " ".join(layout.words[i].text.strip() for i, _ in g),
        )
        for g in groups
    ]


def _is_label(cell: Cell) -> bool:
    text = cell.text
    return text.rstrip().endswith(":") or is_ocr_label(text)


def _colon_split(cell: Cell, layout: Layout) -> tuple[str, tuple[int, ...]] | None:
    """``Name: Jane Doe`` in one cell: (the label, the words of the value after it), when the
    words up to the first colon (at most six) are a label the lexicon knows; or a label and
    its value closer than a cell gap but further apart than words ("Surname  Okafor" of a
    right-aligned label column)."""
    words = [layout.words[i] for i in cell.words]
    for k, word in enumerate(words[:6]):
        label = " ".join(w.text.strip() for w in words[: k + 1])
        if word.text.strip().endswith(":"):
            return (label, cell.words[k + 1 :]) if ocr_label_type(label) is not None else None
        if k + 1 < len(words):
            gap = words[k + 1].box.left - word.box.right
            if gap > LABEL_GAP * cell.height and is_ocr_label(label):
                rest = " ".join(w.text.strip() for w in words[k + 1 :])
                # two headers of a tight table ("Name  Email") are no label and its value
                return None if is_ocr_label(rest) else (label, cell.words[k + 1 :])
    return None


def _column(
    rows: list[list[Cell]], r: int, c: int
) -> tuple[list[Cell], bool, list[tuple[int, int]]]:
    """Cells under cell ``c`` of row ``r``, down to a break in the column; whether the walk
    stopped at a label (a form's next field rather than the end of a table); and, in a table,
    the (top, bottom) of rows with cells in other columns but none read in this one (OCR
    skips short words in cells: "Ng", "Wu")."""
    head_row = rows[r]
    head = head_row[c]
    right = head_row[c + 1].box.left if c + 1 < len(head_row) else None
    prev_right = head_row[c - 1].box.right if c > 0 else None
    h = head.height
    table = len(head_row) >= 3
    kind = ocr_label_type(head.text.rstrip(": "))
    out: list[Cell] = []
    gaps: list[tuple[int, int]] = []
    last_top, last_bottom = head.box.top, head.box.bottom
    pitch = 2.2 * h  # until two rows are seen: a roomy table's header sits this far above
    tops: list[int] = []
    at_label = False
    for row in rows[r + 1 : r + 1 + MAX_ROWS]:
        top = min(cell.box.top for cell in row)
        if top - last_bottom > COLUMN_BREAK * pitch:
            break
        under = [cell for cell in row if _under(cell.box, head.box, prev_right, right, h)]
        if not under:
            if table and len(row) >= 2:
                gaps.append((top, max(cell.box.bottom for cell in row)))
                last_bottom = max(last_bottom, gaps[-1][1])
            continue
        if any(_is_label(cell) for cell in under) and (
            not table or sum(_is_label(cell) for cell in row) >= 2
        ):  # the next field of a form, or a new header row under a table
            at_label = True
            break
        if any(_is_label(cell) and ocr_label_type(cell.text) not in (None, kind) for cell in under):
            at_label = True  # a label of another kind: a form's next field, even when the
            break  # head's row runs on into another panel and looks like a table's header
        if not table and any(keyed(cell.text) for cell in under):
            at_label = True  # a line that names its own value ends the field above it
            break
        if out:
            pitch = max(float(h), top - last_top)
        tops.append(top)
        out += under
        last_top, last_bottom = top, max(cell.box.bottom for cell in under)
    if len(head_row) <= 2 and len(tops) >= 2 and tops[1] - tops[0] > 1.2 * (tops[0] - head.box.top):
        # a form label above its input: the next row sits further than the value did (a
        # margin, then the next field's label), where a table's rows keep one pitch
        return [cell for cell in out if cell.box.top < tops[1]], True, []
    if not out:
        return out, at_label, []
    end = out[-1].box.bottom + 2 * pitch  # a missed cell or two after the last one read
    return out, at_label, [g for g in gaps if g[0] < end]


def _labels_below(rows: list[list[Cell]], r: int, c: int, depth: int = 4) -> bool:
    """Whether a known label sits among the next ``depth`` cells under cell ``c`` of row
    ``r``: then that column is a form's labels, whatever the cells between them read."""
    head_row = rows[r]
    head = head_row[c]
    right = head_row[c + 1].box.left if c + 1 < len(head_row) else None
    prev_right = head_row[c - 1].box.right if c > 0 else None
    seen = 0
    for row in rows[r + 1 : r + 1 + 3 * depth]:
        for cell in row:
            if _under(cell.box, head.box, prev_right, right, head.height):
                if _is_label(cell):
                    return True
                seen += 1
        if seen >= depth:
            break
    return False


def _region(head: Cell, right: int | None, column: list[Cell], gap: tuple[int, int]) -> Box:
    """The box of a column's cell in a row where OCR read nothing in it."""
    left = min(head.box.left, *(cell.box.left for cell in column))
    stop = max(head.box.right, *(cell.box.right for cell in column))
    if right is not None:
        stop = min(stop, right - head.height // 2)
    return Box(left, gap[0], max(1, stop - left), max(1, gap[1] - gap[0]))


def _under(b: Box, head: Box, prev_right: int | None, right: int | None, h: int) -> bool:
    """Whether a cell with box ``b`` sits in the column of ``head``: it starts between the
    neighbouring header cells, and is left-aligned with the header or centred under it."""
    if prev_right is not None and b.left < prev_right - 0.5 * h:
        return False  # starts under the previous column
    if right is not None and b.left >= right - 0.5 * h:
        return False  # starts under the next column
    centre = (b.left + b.right) / 2
    return abs(b.left - head.left) <= 1.5 * h or head.left <= centre <= head.right + 1.5 * h


@dataclass(frozen=True, slots=True)
class Fields:
    """What the labels and headers of one screen say: ``values`` (entity type, word indices
    of one value cell), ``regions`` (entity type, box of a cell of a named column where OCR
    read nothing) and ``benign`` (indices of words in columns whose header names values never
    personal)."""

    values: list[tuple[str, tuple[int, ...]]]
    regions: list[tuple[str, Box]]
    benign: frozenset[int]


def field_values(layout: Layout) -> list[tuple[str, tuple[int, ...]]]:
    """(entity type, word indices of one value cell) for every value a label or header names."""
    return read_fields(layout).values


def read_fields(layout: Layout) -> Fields:
    """The values labels and headers name, the cells of named columns OCR left empty, and the
    words of columns never personal ("Product", "Price", "Due date": the evidence that a
    name-like word there is no person)."""
    rows = rows_of_cells(layout)
    out: list[tuple[str, tuple[int, ...]]] = []
    regions: list[tuple[str, Box]] = []
    benign: set[int] = set()
    for r, row in enumerate(rows):
        # in a row of three cells or more, a label heads a column only beside other labels: a
        # header row ("Apt" alone in a row of values is a value misread, or a street's word)
        lone = len(row) >= 3 and sum(map(_is_label, row)) < 2
        for c, cell in enumerate(row):
            split = _colon_split(cell, layout)
            label = split[0] if split is not None else cell.text
            kept = never_personal(label)  # "Due date": its values are evidence, not masked
            etype = None if kept else ocr_label_type(label)
            if not kept and (etype is None or etype == BENIGN):
                continue
            if split is None and keyed(cell.text):
                continue  # "ADMINS = [...]": a line that names its own value heads nothing
            if split is not None and split[1]:  # "DOB: 1961-07-04" in one cell
                named = [value_words(etype, split[1], layout)]
            elif lone:
                continue
            else:
                column, at_label, gaps = _column(rows, r, c)
                right = row[c + 1].box.left if c + 1 < len(row) else None
                if etype:
                    regions += [(etype, _region(cell, right, column, g)) for g in gaps]
                nxt = row[c + 1] if c + 1 < len(row) else None
                beside = nxt is not None and not _is_label(nxt)
                cells: list[Cell] = list(column)
                if beside and column and _labels_below(rows, r, c):
                    cells = []  # a column of labels (some unknown or misread): labels left
                if beside and (not cells or not at_label):
                    cells.append(nxt)  # type: ignore[arg-type]
                named = [v.words for v in cells if not etype or plausible(etype, v.text)]
            if etype:
                out += [(etype, words) for words in named]
            else:
                benign.update(i for words in named for i in words)
    return Fields(out, regions, frozenset(benign))


def apply_fields(
    layout: Layout,
    findings: Sequence[Finding],
    size: tuple[int, int] | None = None,
    *,
    pad: int | None = None,
    entities: frozenset[str] | None = None,
) -> tuple[list[Finding], list[Finding]]:
    """The screen's fields applied to the text findings of its layout: (findings with pixel
    boxes for the values labels and headers name, the text findings kept).

    Text findings from detectors that read layout from line order are dropped (OCR order is
    not visual order), and so are worded findings (a name, a place, a date) lying wholly in
    cells of a column whose header names values never personal: "Desk lamp" under "Product"
    is a product whatever the NER model says of "Desk". ``entities``: the types the policy
    wants, None for all."""
    fields = read_fields(layout)
    kept = []
    for f in findings:
        if f.detector in TEXT_LAYOUT_ONLY:
            continue
        if fields.benign and f.entity_type in WORDED_TYPES:
            touched = words_touched(layout, f.start, f.end)
            if len(touched) and all(i in fields.benign for i in touched):
                continue
        kept.append(f)
    return _boxed(layout, fields, size, pad, entities), kept


def field_findings(
    layout: Layout,
    size: tuple[int, int] | None = None,
    *,
    pad: int | None = None,
    entities: frozenset[str] | None = None,
) -> list[Finding]:
    """Findings with padded pixel boxes for the values that labels and headers name on this
    layout (one box per cell). ``entities``: the types the policy wants, None for all."""
    return _boxed(layout, read_fields(layout), size, pad, entities)


def frame_fields(
    words: Sequence[WordLike], size: tuple[int, int], pad: int | None, query: Any
) -> list[Finding]:
    """The live path's call: field findings over all the words of a frame (its lines are kept
    between frames, so a header read frames ago still names the cells under it). ``query``:
    the text redactor's query, whose entity types the policy wants."""
    wanted = frozenset(getattr(query, "entities", ())) or None
    return field_findings(build_layout(words), size, pad=pad, entities=wanted)


def _boxed(
    layout: Layout,
    fields: Fields,
    size: tuple[int, int] | None,
    pad: int | None,
    entities: frozenset[str] | None,
) -> list[Finding]:
    """Findings with padded boxes: one per value cell (its span the cell's words), one per
    empty cell region (an empty span: nothing was read there)."""
    width, height = size if size is not None else (None, None)
    boxed: list[tuple[str, Box, int, int]] = []
    for etype, words in fields.values:
        if words:
            box = _union([layout.words[i].box for i in words])
            start = min(layout.starts[i] for i in words)
            boxed.append((etype, box, start, max(layout.ends[i] for i in words)))
    boxed += [(etype, box, 0, 0) for etype, box in fields.regions]
    out = []
    for etype, box, start, end in boxed:
        if entities is not None and etype not in entities:
            continue
        box = Box(*(int(v) for v in box))
        px = auto_pad(box) if pad is None else pad
        padded = box.pad(px, width, height)
        if padded.width > 0 and padded.height > 0:
            out.append(Finding(etype, start, end, 0.6, DETECTOR, box=padded))
    return out
