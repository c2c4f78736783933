"""Keyset pagination: a cursor holds the sort key and id of the last row served, so every page is
one index range scan, however deep (no OFFSET). Cursors are signed (app/signing.py): a client can
read one, but not make or alter one. A cursor names the list that issued it (`list`): another list
refuses it, even where the sort and the shape of the key match."""

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any, TypeVar

import orjson
from pydantic import Field, StringConstraints
from sqlalchemy import ColumnElement, CompoundSelect, Select, bindparam, or_, select, tuple_, union_all
from sqlalchemy.orm import InstrumentedAttribute, Session

from app.errors import InvalidParameter
from app.signing import sign_cursor, unsign_cursor

# A cursor as a request gives it: a `next_cursor`, never empty (`cursor=` is refused, and says so).
Cursor = Annotated[str, StringConstraints(min_length=1, max_length=1000)]
CURSOR_DESCRIPTION = "Opaque cursor from the previous page's `next_cursor`; omit for the first page."


def cursor_parameter(description: str = CURSOR_DESCRIPTION) -> Any:
    """The `cursor` query parameter of a list: `cursor: Cursor | None = cursor_parameter()`."""
    return Field(None, description=description)


T = TypeVar("T")
# What both engines' integer columns hold (64-bit, signed): a value beyond is no row's key.
MAX_ID = 2**63 - 1


@dataclass(frozen=True)
class Sorting:
    """A resource's closed list of sort keys: `name` ascending, `-name` descending, id breaks ties."""

    columns: Mapping[str, InstrumentedAttribute[Any]]
    id_column: InstrumentedAttribute[Any]

    def order(self, sort: str, lang: str) -> tuple[str, InstrumentedAttribute[Any], bool]:
        """The sort as the cursor records it, its column and its direction.

        A key with language variants (`title_en`, `title_ru` for `title`) sorts in the response
        language, and its cursors are only valid in that language.
        """
        descending = sort.startswith("-")
        key = sort.removeprefix("-")
        if f"{key}_{lang}" in self.columns:
            key = f"{key}_{lang}"
        return ("-" if descending else "") + key, self.columns[key], descending

    def key_columns(self, column: InstrumentedAttribute[Any]) -> list[InstrumentedAttribute[Any]]:
        """The sort column and the id that breaks its ties."""
        return [column] if column is self.id_column else [column, self.id_column]

    @property
    def records(self) -> str:
        """The records this sorting orders (their table): what its cursors are bound to."""
        return str(self.id_column.class_.__tablename__)


def encode_cursor(list_name: str, sort: str, key: Sequence[Any]) -> str:
    payload = orjson.dumps({"list": list_name, "sort": sort, "key": [_to_json(value) for value in key]})
    return sign_cursor(payload)


def decode_cursor(cursor: str, list_name: str, sort: str, types: Sequence[type]) -> list[Any]:
    """The key values of a cursor issued by the list `list_name` for `sort`; else a 422 naming it."""
    try:
        payload = orjson.loads(unsign_cursor(cursor))  # BadSignature is a ValueError
        issued_by, issued_for, key = payload["list"], payload["sort"], payload["key"]
    except (orjson.JSONDecodeError, KeyError, TypeError, ValueError):
        raise _malformed() from None
    if issued_by != list_name:
        raise InvalidParameter.for_param(
            "cursor", "this cursor belongs to another list; pass it only to the list that returned it"
        )
    if issued_for != sort:
        raise InvalidParameter.for_param(
            "cursor", f"this cursor was issued for sort={issued_for}, not sort={sort}"
        )
    try:
        if not isinstance(key, list) or len(key) != len(types):
            raise ValueError
        return [_from_json(value, kind) for value, kind in zip(key, types, strict=True)]
    except (TypeError, ValueError):
        raise _malformed() from None


def _malformed() -> InvalidParameter:
    return InvalidParameter.for_param(
        "cursor", "malformed cursor; use a next_cursor value exactly as returned"
    )


def check_cursor(sorting: Sorting, sort: str, cursor: str, lang: str = "en") -> list[Any]:
    """The cursor's key values for this sort, or a 422 if it is malformed or issued for another."""
    resolved, column, _ = sorting.order(sort, lang)
    types = [key.type.python_type for key in sorting.key_columns(column)]
    return decode_cursor(cursor, sorting.records, resolved, types)


def paginate(
    session: Session,
    statement: Select[T],
    sorting: Sorting,
    sort: str,
    limit: int,
    cursor: str | None,
    lang: str = "en",
) -> tuple[list[T], str | None]:
    """Run `statement` for one page; return its rows and the next page's cursor (None when done)."""
    statement, sort, key_columns = page_query(statement, sorting, sort, limit, cursor, lang)
    rows = list(session.scalars(statement).unique())
    return cut(rows, limit, sorting, sort, lambda last: [getattr(last, key.key) for key in key_columns])


# The execution option `sort_through` sets (execution options travel with a statement through
# where(), with_only_columns() and order_by()).
_SORT_THROUGH = "bilateral_sort_through"


def sort_through(statement: Select[T], copies: Mapping[str, ColumnElement[Any]]) -> Select[T]:
    """Order and page `statement` by `copies` of the record's sort key columns (by column name):
    columns of a joined table that hold the same values, such as a link table's copy of an event's
    dates. Where that table's index is in sort order, the page is read in order and cut at `limit`
    rows, instead of every matching record being read and sorted. Cursors do not change: the values
    are the same."""
    return statement.execution_options(**{_SORT_THROUGH: dict(copies)})


# The execution option `either` sets: (the OR it added, its conditions).
_EITHER = "bilateral_either"


def either(statement: Select[T], *conditions: ColumnElement[bool]) -> Select[T]:
    """`statement` where one of `conditions` holds, for conditions no row meets two of (a trade
    figure's reporter and its partner are two countries). As a filter it is their OR; a page of it is
    read as one page per condition merged in the sort's order (`merged`), so that each condition's
    index can be walked in that order up to the page's end, where the OR reads every row that meets
    either and sorts them all. A statement that has one already keeps it: later ones are plain ORs."""
    matched = or_(*conditions)
    statement = statement.where(matched)
    if _EITHER in statement.get_execution_options():
        return statement
    return statement.execution_options(**{_EITHER: (matched, conditions)})


def is_merged(statement: Select[Any]) -> bool:
    """Whether a page of `statement` is read by `merged` (a shape of its own: the filters' cache key
    does not tell it)."""
    return _EITHER in statement.get_execution_options()


def merged(
    page: Select[Any], key_positions: Sequence[int], descending: bool
) -> Select[Any] | CompoundSelect[Any]:
    """A page statement (`paged`, its columns labelled by position: `c0`, `c1`, …) of a statement
    `either` made, as the UNION ALL of the same page for each of its conditions, in the page's order
    and cut at its limit; any other page as it is. The conditions share no row, so none is read
    twice; the filters' values are the same bound parameters in every part."""
    found = page.get_execution_options().get(_EITHER)
    if found is None:
        return page
    matched, conditions = found
    others = [term for term in page._where_criteria if term is not matched]
    froms = page.get_final_froms()
    parts = [
        select(*page.selected_columns).select_from(*froms).where(condition, *others)
        for condition in conditions
    ]
    # The filters' values given by name (statements.Shaped) are the page's: SQLAlchemy keeps them on
    # the statement, not in its parameters, so the parts built here take them over.
    union = union_all(*parts).params(page._params)
    keys = [union.selected_columns[f"c{at}"] for at in key_positions]
    return union.order_by(*(key.desc() if descending else key for key in keys)).limit(page._limit_clause)


def page_query(
    statement: Select[Any],
    sorting: Sorting,
    sort: str,
    limit: int,
    cursor: str | None,
    lang: str = "en",
) -> tuple[Select[Any], str, list[InstrumentedAttribute[Any]]]:
    """`statement` for one page (one row more, to tell whether another follows), the sort as cursors
    record it, and the columns of the sort key (the sort column, then the id)."""
    after = None if cursor is None else check_cursor(sorting, sort, cursor, lang)
    sort, column, descending = sorting.order(sort, lang)
    key_columns = sorting.key_columns(column)
    return paged(statement, key_columns, descending, page_values(limit, after)), sort, key_columns


def paged(
    statement: Select[Any], key_columns: Sequence[Any], descending: bool, values: Mapping[str, Any]
) -> Select[Any]:
    """`statement` ordered by `key_columns`, beyond the cursor's key and limited, with `values` (as
    `page_values` made them) bound by name: a statement kept for its query shape
    (app/common/statements.py) takes another page's values by those names."""
    copies = sort_copies(statement)
    ordered: list[Any] = [copies.get(key.key, key) for key in key_columns]
    if _AFTER.format(0) in values:
        after = [
            bindparam(_AFTER.format(at), values[_AFTER.format(at)], type_=key.type)
            for at, key in enumerate(key_columns)
        ]
        statement = statement.where(_beyond(ordered, after, descending))
    order = [key.desc() if descending else key.asc() for key in ordered]
    # The limit is written into the SQL at execution: PostgreSQL plans a LIMIT it cannot see as a
    # tenth of the table, so a prepared page statement was planned again on every execution, where
    # one that names its limit keeps its plan.
    return statement.order_by(*order).limit(bindparam(_LIMIT, values[_LIMIT], literal_execute=True))


_LIMIT = "page_limit"
_AFTER = "page_after_{}"


def page_values(limit: int, after: Sequence[Any] | None) -> dict[str, Any]:
    """The values a page's statement binds by name: one row more than the page (to tell whether another
    follows), and the cursor's key values, if any."""
    values: dict[str, Any] = {_LIMIT: limit + 1}
    for at, value in enumerate(after or ()):
        values[_AFTER.format(at)] = value
    return values


def sort_copies(statement: Select[Any]) -> Mapping[str, ColumnElement[Any]]:
    """The copies of the sort key columns `sort_through` named for `statement` (none by default)."""
    copies: Mapping[str, ColumnElement[Any]] = statement.get_execution_options().get(_SORT_THROUGH, {})
    return copies


def cut(
    rows: list[T], limit: int, sorting: Sorting, sort: str, key: Callable[[T], Sequence[Any]]
) -> tuple[list[T], str | None]:
    """The page's rows, and the next page's cursor if a row beyond the page was read."""
    if len(rows) <= limit:
        return rows, None
    rows = rows[:limit]
    return rows, encode_cursor(sorting.records, sort, key(rows[-1]))


def _beyond(columns: list[Any], values: list[Any], descending: bool) -> ColumnElement[bool]:
    # Row-value comparison `(sort_key, id) > (:value, :id)`: one index range scan on both engines.
    row: Any = columns[0] if len(columns) == 1 else tuple_(*columns)
    after: Any = values[0] if len(values) == 1 else tuple_(*values)
    condition: ColumnElement[bool] = row < after if descending else row > after
    return condition


def _to_json(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def _from_json(value: Any, kind: type) -> Any:
    if kind is date:
        return date.fromisoformat(value)
    if kind is float and isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    if (
        kind is int
        and isinstance(value, int)
        and not isinstance(value, bool)
        and -MAX_ID - 1 <= value <= MAX_ID
    ):
        return value
    if kind is str and isinstance(value, str):
        return value
    raise ValueError(f"cursor value {value!r} is not a {kind.__name__}")
