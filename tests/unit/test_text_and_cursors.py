from datetime import date

import pytest

from app.common.pagination import decode_cursor, encode_cursor
from app.common.text import like_pattern, normalize_text
from app.errors import InvalidParameter
from app.signing import sign_cursor


def test_normalized_text_folds_case_and_yo() -> None:
    assert normalize_text("Объём КАЗАХСТАНА") == "объем казахстана"


def test_like_pattern_escapes_wildcards() -> None:
    assert like_pattern("100%_a\\b") == "%100\\%\\_a\\\\b%"


def test_cursor_round_trip() -> None:
    cursor = encode_cursor("events", "-date", [date(2025, 11, 1), "some-id"])
    assert decode_cursor(cursor, "events", "-date", [date, str]) == [date(2025, 11, 1), "some-id"]


@pytest.mark.parametrize(
    "cursor",
    [
        "",
        "not base64!",
        "e30",
        encode_cursor("events", "-date", ["2025-11-01"]),
        encode_cursor("events", "-date", [1, "x"]),
        sign_cursor(b'{"sort":"-date","key":["2025-11-01","x"]}'),  # issued before cursors named their list
    ],
)
def test_malformed_cursors_are_invalid_parameters(cursor: str) -> None:
    with pytest.raises(InvalidParameter, match="malformed cursor"):
        decode_cursor(cursor, "events", "-date", [date, str])


def test_cursor_from_another_sort_is_refused() -> None:
    with pytest.raises(InvalidParameter, match="issued for sort=date"):
        decode_cursor(encode_cursor("events", "date", ["2025-11-01", "x"]), "events", "-date", [date, str])


def test_cursor_from_another_list_is_refused() -> None:
    with pytest.raises(InvalidParameter, match="belongs to another list"):
        decode_cursor(
            encode_cursor("agreements", "-date", ["2025-11-01", "x"]), "events", "-date", [date, str]
        )
