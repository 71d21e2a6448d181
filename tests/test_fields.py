"""Fields: values named by a label or header, in screens, text, keystrokes and records."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image, ImageDraw, ImageFont

from redactkit.detect.fields_text import text_fields
from redactkit.detect.labels import BENIGN, label_type
from redactkit.findings import Box
from redactkit.screens.fields import field_values
from redactkit.screens.layout import build_layout
from redactkit.text import TextRedactor

CHAR_W, H = 9, 14


@dataclass(frozen=True)
class W:
    text: str
    box: Box
    block: int = 0
    par: int = 0
    line: int = 0


def words_at(text: str, x: int, y: int, line: int) -> list[W]:
    """The words of ``text`` laid out from (x, y), as OCR would box them."""
    out = []
    for k, word in enumerate(text.split()):
        out.append(W(word, Box(x, y, CHAR_W * len(word), H), line=line * 100 + k // 50))
        x += CHAR_W * (len(word) + 1)
    return out


def grid(cells: list[list[str]], xs: list[int], pitch: int = 30, rules: bool = False) -> list[W]:
    """A table: rows of cell texts at column positions ``xs``; ``rules`` adds "|" glyphs
    between columns, as OCR reads grid lines."""
    out: list[W] = []
    for r, row in enumerate(cells):
        for c, text in enumerate(row):
            if text:
                out += words_at(text, xs[c], 20 + r * pitch, r * 10 + c)
            if rules and c:
                out.append(W("|", Box(xs[c] - 12, 20 + r * pitch, 3, H), line=r * 10 + c + 5))
    return out


def found(words: list[W]) -> set[tuple[str, str]]:
    layout = build_layout(words)
    return {
        (etype, " ".join(layout.words[i].text for i in idx)) for etype, idx in field_values(layout)
    }


def test_lexicon_reads_labels_in_several_languages() -> None:
    assert label_type("Date of birth (DD/MM/YYYY):") == "DATE_TIME"
    assert label_type("Geburtsdatum") == "DATE_TIME"
    assert label_type("Nom de famille") == "PERSON"
    assert label_type("Código postal") == "LOCATION"
    assert label_type("lastName") == "PERSON"
    assert label_type("Billing address") == "LOCATION"
    assert label_type("Meeting date") == BENIGN
    assert label_type("Product name") == BENIGN
    assert label_type("Edit contact") is None
    assert label_type("Rahul Fernandez") is None


@pytest.mark.parametrize("rules", [False, True])
def test_table_columns_with_and_without_grid_lines(rules: bool) -> None:
    cells = [
        ["Name", "Date of birth", "Product", "Meeting date"],
        ["Mei Lee", "04/07/1961", "Desk lamp", "2025-03-04"],
        ["Bo Wu", "1979-12-30", "Headset", "2025-04-01"],
        ["Ana Ng", "3 Jan 1990", "Webcam", "2025-05-06"],
    ]
    got = found(grid(cells, [10, 200, 380, 560], rules=rules))
    assert got == {
        ("PERSON", "Mei Lee"),
        ("PERSON", "Bo Wu"),
        ("PERSON", "Ana Ng"),
        ("DATE_TIME", "04/07/1961"),
        ("DATE_TIME", "1979-12-30"),
        ("DATE_TIME", "3 Jan 1990"),
    }


def test_scrolled_table_under_its_header() -> None:
    # the header stays on screen; the rows under it start mid-table, the first one cut off
    cells = [["Surname", "Ticket", "Address"]] + [
        [name, f"TCK-{k}", f"{k} Park Row"] for k, name in enumerate(["Ito", "Roy", "Abe", "Kaur"])
    ]
    words = grid(cells, [10, 160, 300], pitch=28)
    got = found(words)
    assert ("PERSON", "Ito") in got and ("PERSON", "Kaur") in got
    assert ("LOCATION", "3 Park Row") in got
    assert not any(text.startswith("TCK") for _, text in got)


def test_form_with_labels_above_inputs() -> None:
    rows = ["First name", "Mei", "Last name", "Lee", "Date of birth", "04.07.1961", "Due date",
            "05.08.2025", "Product", "Desk lamp"]  # fmt: skip
    words: list[W] = []
    for k, text in enumerate(rows):
        words += words_at(text, 24 + (8 if k % 2 else 0), 20 + 30 * k, k)
    assert found(words) == {("PERSON", "Mei"), ("PERSON", "Lee"), ("DATE_TIME", "04.07.1961")}


def test_form_with_labels_left_and_colons() -> None:
    rows = [("Nachname:", "Lee"), ("Geburtsdatum:", "04.07.1961"), ("Termin:", "05.08.2025"),
            ("Anschrift:", "12 Kingsway"), ("Produkt:", "Headset")]  # fmt: skip
    words: list[W] = []
    for k, (label, value) in enumerate(rows):
        words += words_at(label, 24, 20 + 34 * k, 2 * k)
        words += words_at(value, 240, 20 + 34 * k, 2 * k + 1)
    assert found(words) == {
        ("PERSON", "Lee"),
        ("DATE_TIME", "04.07.1961"),
        ("LOCATION", "12 Kingsway"),
    }


def test_key_value_inside_one_cell() -> None:
    words = words_at("DOB: 1961-07-04", 20, 20, 0) + words_at("Due: 2025-01-01", 20, 50, 1)
    assert found(words) == {("DATE_TIME", "1961-07-04")}


NAMEISH = (
    st.text(alphabet="abcdefghij", min_size=2, max_size=8)
    .map(str.capitalize)
    .filter(lambda s: label_type(s) is None)  # a name that reads as a label ends a column
)


@settings(max_examples=60, deadline=None)
@given(
    n_rows=st.integers(1, 12),
    widths=st.lists(st.integers(6, 20), min_size=2, max_size=6),
    person_col=st.data(),
    pitch=st.integers(22, 40),
    rules=st.booleans(),
)
def test_column_recovery_on_random_grids(n_rows, widths, person_col, pitch, rules) -> None:
    """Every cell under the one personal header is found, and nothing else is."""
    k = person_col.draw(st.integers(0, len(widths) - 1))
    heads = [
        ("Product", "Ticket", "Price", "Status", "Notes", "Due date")[i] for i in range(len(widths))
    ]
    heads[k] = "Surname"
    xs, x = [], 10
    for w in widths:
        xs.append(x)
        x += CHAR_W * w + 40
    rows = [heads]
    for _ in range(n_rows):
        rows.append(
            [
                person_col.draw(NAMEISH)
                if c == k
                else person_col.draw(st.sampled_from(["x1", "42", "ok"]))
                for c in range(len(widths))
            ]  # fmt: skip
        )
    got = found(grid(rows, xs, pitch=pitch, rules=rules))
    assert got == {("PERSON", row[k]) for row in rows[1:]}


def _render(lines: list[tuple[int, int, str]], size=(900, 260)) -> np.ndarray:
    img = Image.new("RGB", size, "white")
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype("DejaVuSans.ttf", 16)
    for x, y, text in lines:
        draw.text((x, y), text, fill="black", font=font)
    return np.asarray(img)


def test_screenshot_masks_a_column_named_only_by_its_header() -> None:
    from redactkit.screens.redactor import ScreenshotRedactor

    cells = [("Surname", "Date of birth", "Product")] + [
        (s, d, p)
        for s, d, p in [
            ("Ng", "04/07/1961", "Desk lamp"),
            ("Ito", "1979-12-30", "Headset"),
            ("Roy", "11.02.1985", "Webcam"),
        ]  # fmt: skip
    ]
    lines = [
        (20 + 260 * c, 20 + 40 * r, t) for r, row in enumerate(cells) for c, t in enumerate(row)
    ]
    pixels = _render(lines)
    result = ScreenshotRedactor().redact(pixels)
    assert result.status == "ok"
    fields = [f for f in result.findings if f.detector == "screen-field"]
    for r in (1, 2, 3):
        for c in (0, 1):  # the surname and the birth date of every row
            x, y = 20 + 260 * c, 20 + 40 * r
            assert any(f.box.left <= x + 4 and f.box.top <= y + 8 <= f.box.bottom for f in fields)
    assert not any(f.box.left >= 520 for f in fields)  # the product column is kept


def test_text_tables_and_labels_on_their_own_line() -> None:
    text = (
        "Surname:\nLee\n\nDate of birth\n04/07/1961\n"
        "Geburtsdatum: 12.03.1988   Termin: 01.02.2025\n\n"
        "Name            DOB          Ticket     Price\n"
        "Ana Ruiz        1985-02-11   TCK-2231   $12.50\n"
    )
    got = {(f.entity_type, text[f.start : f.end]) for f in text_fields(text)}
    assert got == {
        ("PERSON", "Lee"),
        ("DATE_TIME", "04/07/1961"),
        ("DATE_TIME", "12.03.1988"),
        ("PERSON", "Ana Ruiz"),
        ("DATE_TIME", "1985-02-11"),
    }


def _typed(fields: list[tuple[str, str]], title: str, with_field: bool) -> str:
    from redactkit.keys.redactor import redact_keystrokes

    events = []
    for label, value in fields:
        ctx = {"app": "Firefox", "title": title} | ({"field": label} if with_field else {})
        for ch in [*value, "Tab"]:
            events += [{"type": "keydown", "key": ch, **ctx}, {"type": "keyup", "key": ch, **ctx}]
    out = redact_keystrokes(events)
    return "".join(e["key"] if e["key"] != "Tab" else "|" for e in out if e["type"] == "keydown")


def test_typed_form_with_field_context() -> None:
    fields = [("Given name", "mei"), ("Surname", "Lee"), ("Date of birth", "04/07/1961"),
              ("Meeting date", "05/08/2025"), ("Product", "Headset")]  # fmt: skip
    assert _typed(fields, "Intake", True) == "•••|•••|••••••••••|05/08/2025|Headset|"


def test_typed_form_without_field_context() -> None:
    fields = [("", "Mei"), ("", "Lee"), ("", "04/07/1961"), ("", "05/08/2025"), ("", "Headset")]
    assert _typed(fields, "Checkout", False) == "•••|•••|••••••••••|05/08/2025|Headset|"
    # the same entries in a calendar window are not a person's
    assert _typed(fields[2:], "Team calendar", False) == "04/07/1961|05/08/2025|Headset|"


def test_record_keys_through_the_lexicon() -> None:
    from redactkit.records import redact_record

    out = redact_record(
        {
            "name": "Save",
            "lastName": "Lee",
            "date_of_birth": "04/07/1961",
            "meeting_date": "04/07/2025",
            "product": "Widget",
        }  # fmt: skip
    )
    assert out["lastName"] != "Lee" and out["date_of_birth"] != "04/07/1961"
    assert out["name"] == "Save" and out["meeting_date"] == "04/07/2025"
    assert out["product"] == "Widget"


def test_a_column_of_products_is_evidence_against_names_in_it() -> None:
    from redactkit.findings import Finding
    from redactkit.screens.fields import apply_fields

    cells = [["Name", "Product", "Price"], ["Mei Lee", "Desk lamp", "$12.50"]]
    layout = build_layout(grid(cells, [10, 200, 380]))
    text = layout.text
    desk, mei = text.index("Desk"), text.index("Mei")
    ner = [
        Finding("PERSON", desk, desk + 4, 0.85, "spacy"),
        Finding("PERSON", mei, mei + 7, 0.85, "spacy"),
    ]
    email = Finding("EMAIL_ADDRESS", desk, desk + 4, 1.0, "email")  # never dropped: not worded
    named, kept = apply_fields(layout, [*ner, email])
    assert kept == [ner[1], email]
    assert {(f.entity_type, text[f.start : f.end]) for f in named} == {("PERSON", "Mei Lee")}


def test_a_cell_ocr_left_empty_in_a_named_column_is_masked_whole() -> None:
    from redactkit.screens.fields import field_findings

    cells = [["Surname", "Ticket", "Price"], ["Lindqvist", "TCK-1", "$1"], ["", "TCK-2", "$2"],
             ["Okafor", "TCK-3", "$3"]]  # fmt: skip
    found = field_findings(build_layout(grid(cells, [10, 200, 380], pitch=30)))
    row2 = 20 + 2 * 30 + H // 2
    assert any(f.box.top <= row2 <= f.box.bottom and f.box.left <= 12 for f in found)
    assert not any(f.box.right > 200 for f in found)  # the ticket column is kept


def test_right_aligned_label_close_to_its_value() -> None:
    # "Surname" right-aligned against its input: closer than a column gap, wider than a space
    words = [W("Surname", Box(100, 20, 63, H), line=0), W("Okafor", Box(175, 20, 54, H), line=0)]
    words += [W("Name", Box(100, 60, 36, H), line=1), W("Email", Box(148, 60, 45, H), line=1)]
    assert found(words) == {("PERSON", "Okafor")}


def test_source_code_lines_are_no_fields() -> None:
    """A signature split over lines or a block opener ends in a colon, like a label does; the
    code after it is no value (the wheel's own sources were findings before)."""
    from redactkit.detect.fields_text import text_fields

    code = (
        "def check(\n    value: str,\n    password: str) -> bool:\n"
        "    if is_random_token(value):\n        return 'random-token'\n"
        "    surname = match[str]) -> str:\n"
    )
    assert text_fields(code) == []
    form = "Password: hunter2!x\nSurname:\nOkafor\n"
    assert {form[f.start : f.end] for f in text_fields(form)} == {"hunter2!x", "Okafor"}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Agent: Which surname is the booking under?\nGuest: Oyelaran-Smith", "Oyelaran-Smith"),
        ("Could I take your date of birth? 07/11/1979", "07/11/1979"),
        ("Support: What's the phone number on file? Me: 0161 496 0734", "0161 496 0734"),
    ],
)
def test_answers_to_questions_that_ask_for_a_field(text: str, value: str) -> None:
    out = TextRedactor().redact(text).text
    assert value not in out, out


def test_answers_to_other_questions_stay() -> None:
    text = "What is the status of the build?\nIt is green."
    assert TextRedactor().redact(text).text == text
