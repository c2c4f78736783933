"""CSV cells, as exports have always written them."""

from datetime import date

import pytest

from app.common.rows import cell, row_cells
from app.models import Bound


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (None, ""),
        ("", ""),
        ("plain", "plain"),
        ("=HYPERLINK(1)", "'=HYPERLINK(1)"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@a", "'@a"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        (5, "5"),
        (-5, "-5"),
        (533000000.0, "533000000"),
        (-5.0, "-5"),
        (5.5, "5.5"),
        (True, "true"),
        (False, "false"),
        (Bound.at_least, "at_least"),
        (date(2025, 1, 31), "2025-01-31"),
        (["a", None, 2.0, "=b"], "a |  | 2 | '=b"),
        ([], ""),
    ],
)
def test_cells(value: object, text: str) -> None:
    assert cell(value) == text


def test_nested_columns_are_flattened() -> None:
    item = {
        "id": "x",
        "reporter": {"id": "AZ", "name": "Azerbaijan"},
        "location": None,
        "citations": [{"quote": "a", "line": 3}, {"quote": "-b", "line": None}],
    }
    cells = row_cells(["id", "reporter.name", "location.id", "citations.quote", "citations.line"])
    assert cells(item) == ["x", "Azerbaijan", "", "a | '-b", "3 | "]
