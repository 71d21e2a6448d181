"""Layout: rebuilt text is faithful to the words, and spans map to exactly the words they touch."""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import given, settings
from hypothesis import strategies as st

from redactkit.findings import Box, Finding
from redactkit.screens.layout import (
    build_layout,
    group_lines,
    line_boxes,
    locate,
    span_boxes,
    words_touched,
)


@dataclass(frozen=True)
class W:
    text: str
    box: Box
    block: int = 0
    par: int = 0
    line: int = 0


WORD_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Zs", "Zl", "Zp", "Cc")),
    min_size=1,
    max_size=8,
)


@st.composite
def screens(draw):
    """Words on up to 5 lines of up to 6 words each, in Tesseract-like order."""
    words = []
    n_lines = draw(st.integers(1, 5))
    for ln in range(n_lines):
        block, line = divmod(ln, 2)
        x = draw(st.integers(0, 20))
        for _ in range(draw(st.integers(1, 6))):
            text = draw(WORD_TEXT)
            width = 7 * len(text)
            words.append(W(text, Box(x, 30 * ln + 5, width, 14), block, 0, line))
            x += width + draw(st.integers(4, 30))
    return words


@settings(max_examples=200, deadline=None)
@given(screens())
def test_text_holds_each_word_at_its_offsets(words):
    layout = build_layout(words)
    assert len(layout.words) == len(words)
    for word, start, end in zip(layout.words, layout.starts, layout.ends, strict=True):
        assert layout.text[start:end] == word.text
    assert layout.text.count("\n") == layout.line_count - 1
    # line by line, the text reads the words left to right
    lines = layout.text.split("\n")
    assert lines == [" ".join(w.text for w in ws) for ws in group_lines(words)]


@settings(max_examples=300, deadline=None)
@given(screens(), st.data())
def test_span_maps_to_exactly_the_words_it_touches(words, data):
    layout = build_layout(words)
    n = len(layout.text)
    start = data.draw(st.integers(0, n))
    end = data.draw(st.integers(start, n))
    got = set(words_touched(layout, start, end))
    # brute force over characters: a word is touched when one of its characters is in the span
    want = {
        i
        for i in range(len(layout.words))
        if any(start <= c < end for c in range(layout.starts[i], layout.ends[i]))
    }
    assert got == want
    boxes = span_boxes(layout, start, end, pad=0)
    # one box per touched line, each covering every touched word of that line and nothing
    # to the left or right of them
    assert len(boxes) == len({layout.line_of[i] for i in want})
    for i in want:
        b = layout.words[i].box
        assert any(
            o.left <= b.left and o.top <= b.top and o.right >= b.right and o.bottom >= b.bottom
            for o in boxes
        )
    for box in boxes:
        in_line = [i for i in want if box.top <= layout.words[i].box.top < box.bottom]
        assert box.left == min(layout.words[i].box.left for i in in_line)
        assert box.right == max(layout.words[i].box.right for i in in_line)


@settings(max_examples=100, deadline=None)
@given(screens(), st.integers(0, 6))
def test_padding_grows_boxes_and_stays_in_image(words, pad):
    layout = build_layout(words)
    end = len(layout.text)
    plain = span_boxes(layout, 0, end, pad=0)
    padded = span_boxes(layout, 0, end, pad=pad)
    clamped = span_boxes(layout, 0, end, pad=pad, size=(200, 120))
    assert len(plain) == len(padded)
    for p, q in zip(plain, padded, strict=True):
        assert q.left == max(0, p.left - pad) and q.top == max(0, p.top - pad)
        assert q.right == p.right + pad and q.bottom == p.bottom + pad
    visible = [q for q in padded if q.left < 200 and q.top < 120]
    assert len(clamped) == len(visible)
    for c in clamped:
        assert 0 <= c.left < c.right <= 200 and 0 <= c.top < c.bottom <= 120


def test_glued_label_and_wrapped_entity_are_masked_whole():
    # Presidio's substring test misses "Phone:(212)"; here the whole word is boxed.
    words = [
        W("Phone:(212)", Box(10, 10, 80, 12), line=0),
        W("555-0199", Box(95, 10, 60, 12), line=0),
        W("IBAN", Box(10, 40, 30, 12), line=1),
        W("DE89", Box(45, 40, 30, 12), line=1),
        W("3704", Box(80, 40, 30, 12), line=1),
        W("0044", Box(10, 60, 30, 12), line=2),
        W("0532", Box(45, 60, 30, 12), line=2),
        W("ok", Box(80, 60, 15, 12), line=2),
    ]
    layout = build_layout(words)
    assert layout.text == "Phone:(212) 555-0199\nIBAN DE89 3704\n0044 0532 ok"
    phone = layout.text.index("(212)")
    iban = layout.text.index("DE89")
    found = [
        Finding("PHONE_NUMBER", phone, phone + 14, 0.9, "test"),
        Finding("IBAN_CODE", iban, layout.text.index(" ok"), 0.9, "test"),
    ]
    located = locate(layout, found, pad=0)
    assert [(f.entity_type, f.box) for f in located] == [
        ("PHONE_NUMBER", Box(10, 10, 145, 12)),
        ("IBAN_CODE", Box(45, 40, 65, 12)),
        ("IBAN_CODE", Box(10, 60, 65, 12)),
    ]


def test_lines_keep_tesseract_order_and_words_sort_left_to_right():
    words = [
        W("right", Box(300, 10, 40, 12), block=1),
        W("left", Box(10, 10, 30, 12), block=0),
        W("col2", Box(350, 10, 30, 12), block=1),
        W(" ", Box(0, 0, 1, 1), block=2),
    ]
    layout = build_layout(words)
    assert layout.text == "right col2\nleft"
    assert line_boxes(layout, [0, 1]) == [Box(300, 10, 80, 12)]
    assert words_touched(layout, 5, 6) == range(1, 1)  # the separator alone touches nothing
