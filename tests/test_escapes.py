"""Escaped separators (a literal backslash-n inside a JSON string or a log line) act as the
separators they stand for, for every rule; offsets hold. Cases written for this test."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from redactkit import TextRedactor
from redactkit.detect.escapes import escaped_view


@given(st.text(alphabet=st.sampled_from(list('ab \\ntr"C:/\n')), max_size=40))
def test_the_view_has_the_same_length_and_changes_only_escapes(text: str) -> None:
    view = escaped_view(text)
    assert len(view) == len(text)
    for a, b in zip(text, view):
        assert a == b or (a == "\\" and b == " ") or (a in 'ntr"' and b in '\n\t "')


def test_text_without_backslashes_is_untouched() -> None:
    text = "Phone: 555 0101\nName: Ingrid"
    assert escaped_view(text) is text


def test_paths_keep_their_backslashes() -> None:
    for path in ("C:\\temp\\new\\report.txt", "src\\new\\main.py", "a\\\\nb"):
        assert escaped_view(path) == path


def test_labels_after_an_escaped_newline_are_read() -> None:
    record = {"note": "Customer: Ingrid Solberg\nPhone: 810 56 26 60\nFax: 303.555.0142x27"}
    line = json.dumps(record)  # the newlines are now backslash-n in the text
    assert "\\n" in line
    out = TextRedactor().redact(line).text
    for value in ("Ingrid", "Solberg", "56 26 60", "0142", "x27"):
        assert value not in out, out
    assert out.count("\\n") == 2  # the escapes themselves are kept


def test_escaped_quotes_around_a_key_and_its_value() -> None:
    line = 'payload="{\\"mobile\\": \\"0612 99 41 07\\", \\"ok\\": true}"'
    out = TextRedactor().redact(line).text
    assert "41 07" not in out, out
