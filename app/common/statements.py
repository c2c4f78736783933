"""Statements built once per query shape: a list's page statement is built, cache-keyed and compiled
for the first request of its shape; later requests of that shape only bind their values and run it.

A shape is what decides a page statement's SQL: the filters' structure (which filters are present,
a value or NULL, how they join), the sort key and direction, with or without a cursor, the fields
and language read and the engine. SQLAlchemy's own cache key of the filter statement (a repository's
`Select`, built as before) names the filters' structure and lists their bound values in a fixed
order, the order SQLAlchemy itself relies on when it reuses a compiled statement. Keying the filters
alone costs a fraction of keying the whole page (its dozens of columns, the relations' subqueries,
the CTE), and the page is not built at all.

The kept statement is the first request's own object: its bound values are replaced by name on
every later execution (`Prepared.values`), and it runs on the driver's cursor in the session's
transaction, compiled once (`db.DriverStatement`: the SQLite statement timeout and the database's
errors as SQLAlchemy's execute has them). An IN list is one bound value (expanded per execution, by
SQLAlchemy's execute), so lists of different lengths share a shape.

A repository's filter statement is kept per shape too (`Shaped`): it is built once from named bound
parameters, and a request of that shape only gives their values (`Executable.params`, which SQLAlchemy
keeps outside the statement's cache key and binds at execution). Its structure and parameters are
keyed once too, when it is built: `filters_of` a statement `Shaped` just made is read from there.
"""

import threading
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import (
    BindParameter,
    ClauseElement,
    Connection,
    CursorResult,
    Executable,
    Select,
    Table,
    bindparam,
)
from sqlalchemy.sql.compiler import SQLCompiler

from app.common.filters import in_window, involves_all, matches_pattern
from app.common.text import like_pattern
from app.db import DriverStatement

MAX_SHAPES = 256  # per list; query strings could make many shapes: keep the first ones


@dataclass(frozen=True)
class Filters:
    """A filter statement's structure (hashable, equal for equal SQL) and its bound parameters in the
    order SQLAlchemy lists them."""

    structure: Hashable
    bound: tuple[BindParameter[Any], ...]
    # The values given by name (`Executable.params`), which the parameters themselves do not hold.
    given: Mapping[str, Any]

    def value(self, bound: BindParameter[Any]) -> Any:
        return self.given.get(bound.key, bound.effective_value)


def filters_of(statement: ClauseElement) -> Filters | None:
    """The structure and bound parameters of `statement`'s filters; None if SQLAlchemy cannot key it
    (a construct that opts out of caching), which then has no shape."""
    made: tuple[ClauseElement, Filters] | None = getattr(_MADE, "last", None)
    if made is not None and made[0] is statement:
        return made[1]
    found = statement._generate_cache_key()
    if found is None:
        return None
    return Filters(found.key, tuple(found.bindparams), found.params or {})


@dataclass(frozen=True)
class Prepared:
    """A page statement kept for its shape, and the names of its filters' values in its SQL."""

    statement: DriverStatement
    names: tuple[str, ...]

    def values(self, filters: Filters, page: Mapping[str, Any]) -> dict[str, Any]:
        """The parameters of one execution: the filters' values by name, and the page's own."""
        values = {name: filters.value(bound) for name, bound in zip(self.names, filters.bound, strict=True)}
        values.update(page)
        return values


class ShapeCache:
    """The statements of one list, by shape (bounded: `MAX_SHAPES`)."""

    def __init__(self, size: int = MAX_SHAPES) -> None:
        self._size = size
        self._prepared: dict[Hashable, Prepared] = {}

    def __len__(self) -> int:
        return len(self._prepared)

    def clear(self) -> None:
        self._prepared.clear()

    def execute(
        self,
        connection: Connection,
        shape: Hashable,
        filters: Filters | None,
        page: Mapping[str, Any],
        build: Callable[[], Executable],
        first: Callable[[CursorResult[Any]], Sequence[Any]] | None = None,
    ) -> list[Any]:
        """The rows of the statement of `shape` with the filters' and the page's values; on the first
        request of a shape, `build` it (with this request's values in it), keep it, and read its
        result with `first` (else as SQLAlchemy's rows)."""
        key = None if filters is None else (shape, filters.structure)
        prepared = None if key is None else self._prepared.get(key)
        if prepared is not None:
            assert filters is not None
            return prepared.statement.rows(connection, prepared.values(filters, page))
        statement = build()
        result = connection.execute(statement, page)
        if key is not None and filters is not None and len(self._prepared) < self._size:
            names = _bound_names(result, filters)
            if names is not None:
                self._prepared[key] = Prepared(DriverStatement(statement), names)  # type: ignore[arg-type]
        return list(result.all() if first is None else first(result))


def _bound_names(result: CursorResult[Any], filters: Filters) -> tuple[str, ...] | None:
    """The name each of the filters' parameters has in the compiled page statement, in the filters'
    order; None if one is not there (the statement is then built again for each request, as before).
    The page statement holds the filter statement's own parameters (or copies with their keys)."""
    context = result.context
    compiled = context.compiled
    if not isinstance(compiled, SQLCompiler):
        return None
    by_key = {bound.key: name for bound, name in compiled.bind_names.items()}
    if compiled.cache_key is not None and context.extracted_parameters:
        if len(context.extracted_parameters) != len(compiled.cache_key.bindparams):
            return None
        # SQLAlchemy may have compiled this SQL for another statement of the same shape (an earlier
        # request, another listing's query): its parameters are that statement's, and line up with
        # this one's by position, as SQLAlchemy itself matches them.
        by_key = {
            mine.key: by_key[theirs.key]
            for mine, theirs in zip(context.extracted_parameters, compiled.cache_key.bindparams, strict=True)
            if theirs.key in by_key
        }
    names = [by_key.get(bound.key) for bound in filters.bound]
    return None if None in names else tuple(name for name in names if name is not None)


def named(name: str, expanding: bool = False) -> BindParameter[Any]:
    """A value of a `Shaped` statement, bound by `name` (its type is the column's it is compared with)."""
    return bindparam(name, expanding=expanding)


class Shaped:
    """A filter statement told as steps, built once per shape and kept; later requests of the shape
    bind only their values.

    Each step is a key that names the SQL it adds (which filter, which form: never a value) and a
    function adding that SQL to the statement, with `named` parameters for its values. The steps'
    keys are the shape; building SQLAlchemy's expressions cost more than the page's own statement
    once that was kept (app/common/listing.py)."""

    def __init__(self, kept: "ShapedStatements") -> None:
        self._kept = kept
        self._keys: list[Hashable] = []
        self._steps: list[Callable[[Select[Any]], Select[Any]]] = []
        self._values: dict[str, Any] = {}

    def add(self, key: Hashable, step: Callable[[Select[Any]], Select[Any]], **values: Any) -> None:
        self._keys.append(key)
        self._steps.append(step)
        self._values.update(values)

    def any_of(self, name: str, column: Any, values: Sequence[Any] | None) -> None:
        """The step that keeps the rows whose `column` is one of `values` (its list bound as `name`),
        if any are given."""
        if values:
            self.add(
                name,
                lambda statement: statement.where(column.in_(named(name, expanding=True))),
                **{name: list(values)},
            )

    def linked_to_all(
        self, name: str, link: Table, record_column: str, record_id: Any, column: str, values: Sequence[Any]
    ) -> None:
        """The step that keeps the records linked to every one of `values` (`filters.involves_all`; the
        values bound as `name_0`, `name_1`, …), if any are given."""
        if values:
            names = [f"{name}_{at}" for at in range(len(values))]

            def linked(statement: Select[Any]) -> Select[Any]:
                every = [named(each) for each in names]
                return statement.where(*involves_all(link, record_column, record_id, column, every))

            self.add((name, len(names)), linked, **dict(zip(names, values, strict=True)))

    def within(
        self, start_column: Any, end_column: Any, window: tuple[date | None, date | None], match: str
    ) -> None:
        """The step that keeps the records whose dates match the window (`filters.in_window`; its bounds
        bound as `date_from` and `date_to`), if it has a bound."""
        start, end = window
        if start is None and end is None:
            return
        bounds = (None if start is None else named("date_from"), None if end is None else named("date_to"))
        given = {"date_from": start, "date_to": end}
        self.add(
            ("window", match, start is not None, end is not None),
            lambda statement: statement.where(*in_window(start_column, end_column, bounds, match)),
            **{name: value for name, value in given.items() if value is not None},
        )

    def matching(self, search_text: Any, q: str | None) -> None:
        """The step that keeps the records whose `search_text` contains `q` (`filters.matches_text`;
        its pattern bound as `q`), if it is given."""
        if q:
            self.add(
                "q",
                lambda statement: statement.where(matches_pattern(search_text, named("q"))),
                q=like_pattern(q),
            )

    def statement(self) -> Select[Any]:
        """The statement of this shape (built if it is the first), with this request's values."""
        built, filters = self._kept.get(tuple(self._keys), self._steps)
        if not self._values:
            return built  # SQLAlchemy keeps its key on it
        statement = built.params(self._values)
        if filters is not None:
            # Keying the statement would give the kept one's structure and parameters, and these values.
            _MADE.last = (statement, Filters(filters.structure, filters.bound, self._values))
        return statement


# Per thread: the statement `Shaped` made last and its filters (`filters_of` of a statement changed
# since, a new object, keys it).
_MADE = threading.local()


class ShapedStatements:
    """One repository's filter statements, by shape (bounded: `MAX_SHAPES`; beyond, built each time)."""

    def __init__(self, start: Callable[[], Select[Any]], size: int = MAX_SHAPES) -> None:
        self._start = start
        self._size = size
        self._built: dict[Hashable, tuple[Select[Any], Filters | None]] = {}

    def shaped(self) -> Shaped:
        return Shaped(self)

    def get(
        self, shape: Hashable, steps: Sequence[Callable[[Select[Any]], Select[Any]]]
    ) -> tuple[Select[Any], Filters | None]:
        """The statement of `shape` and its filters, keyed once (None: not kept, or not keyable)."""
        kept = self._built.get(shape)
        if kept is not None:
            return kept
        built = self._start()
        for step in steps:
            built = step(built)
        if len(self._built) >= self._size:
            return built, None
        kept = self._built[shape] = (built, filters_of(built))
        return kept
