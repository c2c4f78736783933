"""Ranges SQLite cannot weigh: a date window or a value range over a large table, sorted another way.

SQLite keeps no statistics of value ranges: it takes any range condition to hold few rows, reads the
range along its index and sorts it, even when the range holds most of a large table and a page in
another order would stop after a few entries of that order's index. A range measured to be that wide
has its conditions told to be likely true (SQLite's `likely()`), which is what lets the planner walk
the sort's index instead. PostgreSQL keeps statistics of ranges and chooses for itself, but for a
prepared statement's generic plan, which has no values to weigh (`derived_lower_bound`).

A list applies this only where the range is the one filter with an index of its own: another such
filter's index may read fewer rows than either plan, and SQLite weighs those itself.
"""

import math
from collections.abc import Callable, Hashable, Sequence
from typing import Any

from sqlalchemy import ColumnElement, Select, func, literal_column, select, tuple_
from sqlalchemy.orm import Session

from app import datastate


def is_wide(
    session: Session,
    page_size: int,
    *,
    rows: Callable[[], Select[Any]],
    rows_key: Hashable,
    read_range: Callable[[], Sequence[ColumnElement[bool]]],
    range_key: Hashable,
    covering: bool = False,
) -> bool:
    """Whether a range's conditions are to be told likely true (`told_likely`): the range is wide
    (SQLite only).

    `rows` selects the ids of the rows the range is part of (the table's, or those of a filter its
    index shares, such as trade figures' indicator); `read_range`, the conditions of the range that
    its index reads, which hold for every row the range admits. Both are built only to count: the
    counts are kept per data version under `rows_key` (naming `rows`) and `range_key` (naming the
    range: its bounds).

    Walking the sort's index reads about page × rows ÷ rows in range entries; reading the range reads
    its rows and sorts them: the two cost the same where range² = page × rows. `covering`: the sort's
    index holds the range's columns too, so the walk tests an entry without reading its row, at about
    half the cost (COVERED_ENTRY). The range is counted only up to there."""
    if session.get_bind().dialect.name != "sqlite":
        return False
    every = _ROWS.get(session, rows_key, lambda: _counted(session, rows(), None))
    enough = math.isqrt((page_size + 1) * every // (COVERED_ENTRY if covering else 1)) + 1
    inside = _IN_RANGE.get(
        session, (rows_key, range_key, enough), lambda: _counted(session, rows().where(*read_range()), enough)
    )
    return inside >= enough


def told_likely(terms: Sequence[ColumnElement[bool]], wide: bool) -> list[ColumnElement[bool]]:
    """`terms`, each told likely true if `wide` (`is_wide`)."""
    return [func.likely(term) for term in terms] if wide else list(terms)


# How many entries of a covering index a walk tests for the cost of one entry whose row it reads.
COVERED_ENTRY = 2


def between(column: Any, low: Any, high: Any) -> list[ColumnElement[bool]]:
    """`low <= column <= high`, either bound left out when None."""
    terms: list[ColumnElement[bool]] = []
    if low is not None:
        terms.append(column >= low)
    if high is not None:
        terms.append(column <= high)
    return terms


def derived_lower_bound(column: Any, tiebreak: Any, low: Any, postgresql: bool) -> ColumnElement[bool]:
    """`column >= low`, where `low` is derived from the other conditions (they admit no row below
    it) to give an index scan along `column` its start.

    On PostgreSQL written as the row comparison `(column, tiebreak) >= (low, '')`, which admits the
    same rows (`tiebreak`: a text column that is never NULL, so never below ''). A prepared
    statement's generic plan, made without the values, takes two bounds on one column for a range of
    a default, narrow width, smaller than a long page: it then plans to read the whole range and sort
    it, where walking the sort's index would stop at the page's end. A row comparison is weighed as a
    bound of its own, so the window is estimated as two one-sided bounds, which a page does not
    outgrow; with the values, as `column >= low`. The index scans it exactly as the plain bound."""
    if postgresql:
        return tuple_(column, tiebreak) >= tuple_(low, literal_column("''"))
    return column >= low  # type: ignore[no-any-return]


def _counted(session: Session, rows: Select[Any], limit: int | None) -> int:
    """The rows, counted up to `limit`: an index range, read without the table."""
    return session.scalar(select(func.count()).select_from(rows.limit(limit).subquery())) or 0


# Per rows: how many; per range: how many rows it holds, up to the point that decides the plan.
# Ranges recur request after request.
_ROWS: datastate.VersionMemo[int] = datastate.VersionMemo()
_IN_RANGE: datastate.VersionMemo[int] = datastate.VersionMemo()
