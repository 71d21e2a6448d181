"""The public benchmark reads parametrized cases from test sources without importing them."""

from __future__ import annotations

from benchmarks.public_text import _cases, group_rows
from benchmarks.scoring import score_corpus
from corpora.text import Doc, Label

SOURCE = """
import pytest

@pytest.mark.parametrize(
    "text, expected_len, expected_positions, entity_num",
    [
        ("call Ann Lee now", 1, ((5, 12),), 0),
        ("nothing here", 0, (), 0),
        ("in 1972", 1, ((3, 7),), 1),
        ("bad span", 1, ((0, 99),), 0),
    ],
)
def test_x(text, expected_len, expected_positions, entity_num):
    pass
"""


def test_cases_are_read_with_their_spans_and_negatives() -> None:
    cases = list(_cases(SOURCE))
    assert cases == [
        ("call Ann Lee now", [(5, 12)], 0),
        ("nothing here", [], 0),
        ("in 1972", [(3, 7)], 1),
    ]


def test_rows_group_core_types_and_ignore_the_rest() -> None:
    doc = Doc("Ann Lee 555 0101 Acme", "t", [Label(0, 7, "PERSON"), Label(8, 16, "PHONE_NUMBER"),
                                           Label(17, 21, "ORGANIZATION")], [])  # fmt: skip
    q = score_corpus([doc], [[(0, 7)]])
    assert group_rows(q) == {"person": (1, 0), "phone": (1, 1), "all core": (2, 1)}
