"""Tests of nasab.jsonread: values and list items with their lines; errors name line and column."""

from __future__ import annotations

import pytest

from nasab.errors import DataFileError
from nasab.jsonread import JsonText

GOOD = [
    ("empty", "[]", []),
    ("one-line", '["علي", "Ali"]', [(1, "علي"), (1, "Ali")]),
    (
        "lines",
        '[\n {"name": "Ali"},\n\n {"name": "عمر"}\n]\n',
        [(2, {"name": "Ali"}), (4, {"name": "عمر"})],
    ),
]


@pytest.mark.parametrize(("text", "want"), [c[1:] for c in GOOD], ids=[c[0] for c in GOOD])
def test_top_list_items_and_lines(text: str, want: list) -> None:
    assert JsonText(text, "f.json").top_list("a list") == want


BAD = [
    ("no-list", '{"a": 1}', "expected a list", 1, 1),
    ("missing-comma", "[1,\n 2 3]", "expected ',' or ']'", 2, 4),
    ("bad-value", "[\n  tru]", "malformed JSON", 2, 3),
    ("extra", "[1]\n[2]", "extra data after the list", 2, 1),
    ("unterminated", "[1, 2", "malformed JSON", 1, 6),
]


@pytest.mark.parametrize(
    ("text", "message", "line", "column"), [c[1:] for c in BAD], ids=[c[0] for c in BAD]
)
def test_errors_name_line_and_column(text: str, message: str, line: int, column: int) -> None:
    with pytest.raises(DataFileError, match=message) as err:
        JsonText(text, "f.json").top_list("a list")
    assert (err.value.path, err.value.line, err.value.column) == ("f.json", line, column)
