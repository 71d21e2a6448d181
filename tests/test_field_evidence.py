"""Evidence that a cell under or beside a label is not its value (screens/values.py), and
values found once masked where OCR reads them again (screens/repeats.py). Cases from the
screens of ``benchmarks/overmask_screens`` (an .env block under a settings page's heading, a
terminal under a password prompt, a contact form beside a table, a card in a sentence)."""

from __future__ import annotations

from test_fields import W, found, words_at

from redactkit.screens.layout import build_layout
from redactkit.screens.repeats import find_repeats


def test_lines_that_name_their_own_value_end_the_field_above() -> None:
    words = words_at("Password:", 10, 20, 0)
    words += words_at("zara@devbox:~$ ls -la", 10, 40, 1)
    words += words_at("-rw-r--r-- 1 zara staff 38529 Mar 18 06:06 status.json", 10, 60, 2)
    words += words_at("API keys", 400, 20, 3)
    words += words_at("LOG_LEVEL=info", 400, 40, 4)
    words += words_at('DB_HOST = "db.internal"', 400, 60, 5)
    assert found(words) == set()


def test_a_heading_over_sentences_and_sublabels_names_no_password() -> None:
    words = words_at("API keys", 10, 20, 0)
    words += words_at("Rotate them every month before the audit.", 10, 50, 1)
    words += words_at("Github Token", 10, 80, 2)
    words += words_at("ghp_fmr1ycL0hDJDAxQtr2RFjcDzHhNSYYFFnMW9", 10, 100, 3)
    got = found(words)
    assert ("PASSWORD", "ghp_fmr1ycL0hDJDAxQtr2RFjcDzHhNSYYFFnMW9") in got
    assert not any("Rotate" in v or v == "Github Token" for _, v in got)


def test_a_label_of_another_kind_ends_a_column_even_in_a_wide_row() -> None:
    """The form's first label shares its row with a table's header cells in another panel."""
    words = words_at("Name", 10, 20, 0) + words_at("City", 200, 20, 1)
    words += words_at("Full name", 600, 20, 2)
    words += words_at("Omar Haddad", 600, 40, 3)
    words += words_at("Email", 600, 70, 4)
    words += words_at("ohaddad@mail.org", 600, 90, 5)
    words += words_at("Phone", 600, 120, 6)
    got = found(words)
    assert ("PERSON", "Omar Haddad") in got
    assert not any(v in ("Email", "Phone") for _, v in got)


def test_a_shaped_value_ends_with_its_sentence() -> None:
    words = words_at("Card: 5506 7496 5771 3228. Question from the client next week.", 10, 20, 0)
    assert found(words) == {("CREDIT_CARD", "5506 7496 5771 3228.")}


def test_a_value_read_again_with_glyphs_wrong_is_masked() -> None:
    words = words_at("4916 8305 2217 3645", 10, 20, 0)
    words += words_at("he 8305 2217 3645", 10, 40, 1)
    words += words_at("Notes on Petrovic", 10, 60, 2)
    words += words_at("ticket 8305 closed", 10, 80, 3)
    layout = build_layout(words)
    values = [("CREDIT_CARD", "4916 8305 2217 3645"), ("PERSON", "Milena Petrović")]
    got = find_repeats(layout, values, {0, 1, 2, 3})
    spelled = sorted(layout.text[f.start : f.end] for f in got)
    # the digits of the copy (the misread "he" is no part of the closest reading)
    assert spelled == ["8305 2217 3645", "Petrovic"]


def test_short_values_and_single_names_are_not_looked_for() -> None:
    layout = build_layout([W("Wei", words_at("Wei", 10, 20, 0)[0].box)])
    assert find_repeats(layout, [("PERSON", "Wei"), ("PHONE_NUMBER", "1234")], set()) == []
