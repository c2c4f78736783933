from datetime import date

import pytest

from app.common.pagination import decode_cursor, encode_cursor
from app.common.text import like_pattern, normalize_text
from app.errors import InvalidParameter


def test_normalized_text_folds_case_and_yo() -> None:
    assert normalize_text("Объём КАЗАХСТАНА") == "объем казахстана"


def test_like_pattern_escapes_wildcards() -> None:
    assert like_pattern("100%_a\\b") == "%100\\%\\_a\\\\b%"


def test_cursor_round_trip() -> None:
    cursor = encode_cursor("-date", [date(2025, 11, 1), "some-id"])
    assert decode_cursor(cursor, "-date", [date, str]) == [date(2025, 11, 1), "some-id"]


@pytest.mark.parametrize(
    "cursor",
    ["", "not base64!", "e30", encode_cursor("-date", ["2025-11-01"]), encode_cursor("-date", [1, "x"])],
)
def test_malformed_cursors_are_invalid_parameters(cursor: str) -> None:
    with pytest.raises(InvalidParameter, match="malformed cursor"):
        decode_cursor(cursor, "-date", [date, str])


def test_cursor_from_another_sort_is_refused() -> None:
    with pytest.raises(InvalidParameter, match="issued for sort=date"):
        decode_cursor(encode_cursor("date", ["2025-11-01", "x"]), "-date", [date, str])
