"""Records read as plain rows and written straight into their Read schema's JSON shape: the fast path
of list, detail and export endpoints (no ORM objects, no per-row validation).

A `RowReader` is derived once from a Read schema and its model: each schema field is a column (`title`
reads `title_en` or `title_ru`), a many-to-one reference or a list of related rows. On SQLite and
PostgreSQL a page is one statement: the database writes each record's relations as JSON beside its
columns (`_Inline`; on PostgreSQL, rows that several columns aggregate are read once a record,
`_select`, and many-to-many lists once a page, `_Inline.per_page`), but a page's references to the
countries as their keys only, filled in from a memo (`REMEMBERED_TABLES`); elsewhere, for the CSV
export, and on SQLite for a relation with floats that no bound holds (`_Related.floats`), the related
rows of a whole page come in one query per relation, by the page's ids. The
dicts it builds have the keys, order and values of
`Schema.model_validate(record).model_dump(mode="json")`; tests/test_fast_rows.py checks that over the
whole seed.
"""

import re
import types
import typing
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from itertools import repeat
from typing import Any

import orjson
from pydantic import BaseModel
from sqlalchemy import (
    ARRAY,
    BindParameter,
    Boolean,
    Column,
    ColumnElement,
    CompoundSelect,
    Connection,
    CursorResult,
    Date,
    Enum,
    Float,
    Integer,
    Select,
    String,
    Text,
    any_,
    bindparam,
    case,
    cast,
    func,
    inspect,
    literal_column,
    null,
    select,
    sql,
    text,
    true,
    type_coerce,
)
from sqlalchemy.dialects import postgresql
from sqlalchemy.dialects.postgresql import aggregate_order_by
from sqlalchemy.engine import Dialect
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import RelationshipDirection, RelationshipProperty, Session, configure_mappers
from sqlalchemy.sql import visitors
from sqlalchemy.sql.functions import FunctionElement
from sqlalchemy.sql.selectable import ScalarSelect, TextualSelect
from sqlalchemy.sql.sqltypes import NullType
from sqlalchemy.sql.visitors import replacement_traverse

from app import datastate
from app.db import DriverStatement

LIST_SEPARATOR = " | "
# Tables of few rows that seldom change: a list page reads only the keys of a reference to one, and
# the items take its objects from a memo kept per data version (`Plan.page_items`): the database
# building the same small JSON object for every row was much of its time a page.
REMEMBERED_TABLES = frozenset({"countries"})
MAX_PLANS = 256  # per resource
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
FORMULA_SET = frozenset(FORMULA_START)
Item = dict[str, Any]


def _raw(column: Any) -> ColumnElement[Any]:
    """The column as the driver returns it: an ISO date string (SQLite) or a `date` (PostgreSQL),
    an enum's value as a string. orjson writes both as the schema's JSON does, without SQLAlchemy's
    per-value conversion."""
    if isinstance(column.type, Date | Enum):
        return type_coerce(column, String())
    result: ColumnElement[Any] = column
    return result


def raw_column(column: Any) -> ColumnElement[Any]:
    """`_raw`, for the modules that select a plan's columns themselves (app/common/export.py)."""
    return _raw(column)


def nested_model(annotation: Any) -> type[BaseModel] | None:
    """The model inside `Model`, `Model | None` or `list[Model]`, if any."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if typing.get_origin(annotation) in (list, types.UnionType, typing.Union):
        for arg in typing.get_args(annotation):
            found = nested_model(arg)
            if found is not None:
                return found
    return None


def _field_column(model: Any, name: str, lang: str) -> Any:
    """The column a schema field reads, as `Schema._localize` picks it: `name_<lang>` first."""
    columns = inspect(model).column_attrs
    for key in (f"{name}_{lang}", name):
        if key in columns:
            return getattr(model, key)
    raise LookupError(name)


class IdQuery:
    """`SELECT key, … WHERE key IN (ids)`, compiled once per database engine and run as that SQL:
    reading a page's related rows by id costs less than SQLAlchemy's work per statement.

    The ids are one parameter, so the SQL never changes: a JSON array on SQLite, an array on PostgreSQL.
    """

    def __init__(self, key: Any, build: Callable[[ColumnElement[bool]], Select[Any]]) -> None:
        self._key = key
        self._build = build
        self._sql: dict[str, str] = {}
        # Any other engine: an expanding IN, through SQLAlchemy.
        self._portable = build(key.in_(bindparam("ids", expanding=True)))
        self.columns = list(self._portable.selected_columns)

    def rows(self, connection: Connection, ids: list[Any]) -> Sequence[Any]:
        return self._execute(connection, ids).all()

    def select_where(self, condition: ColumnElement[bool]) -> Select[Any]:
        """The query with another condition than `key IN (ids)`, in the same order: a subquery per
        record (the export builds a list's cells in SQL this way)."""
        return self._build(condition)

    def driver_rows(self, connection: Connection, ids: list[Any]) -> Sequence[Any]:
        """The rows as the driver's tuples (see `driver_rows`): the SQL declares no types, so
        SQLAlchemy would convert nothing in them either."""
        result = self._execute(connection, ids)
        return driver_rows(result) if result.context.compiled is None else result.all()

    def _execute(self, connection: Connection, ids: list[Any]) -> CursorResult[Any]:
        engine = connection.dialect.name
        if engine not in ("sqlite", "postgresql"):
            return connection.execute(self._portable, {"ids": ids})
        # Still through SQLAlchemy: its events set the statement timeout, and it wraps a database
        # error so that the API answers it with a 503 or 504 (app/db.py `classify`).
        return connection.exec_driver_sql(self.sql(connection.dialect), self.parameters(engine, ids))

    @staticmethod
    def parameters(engine: str, ids: list[Any]) -> Any:
        """The driver's parameters of `sql` for `ids`, on SQLite or PostgreSQL."""
        return (orjson.dumps(ids).decode(),) if engine == "sqlite" else {"ids": ids}

    def sql(self, dialect: Dialect) -> str:
        """The SQL on SQLite or PostgreSQL, its ids one parameter named `ids`."""
        sql = self._sql.get(dialect.name)
        if sql is None:
            sql = self._sql[dialect.name] = str(self._build(self._in(dialect.name)).compile(dialect=dialect))
        return sql

    def _in(self, engine: str) -> ColumnElement[bool]:
        ids: BindParameter[Any] = bindparam("ids")
        condition: ColumnElement[bool]
        if engine == "sqlite":
            values = func.json_each(ids).table_valued("value")
            condition = self._key.in_(select(values.c.value))
        else:
            condition = self._key == any_(cast(ids, ARRAY(String())))
        return condition


def driver_rows(result: CursorResult[Any]) -> list[Any]:
    """All of a result's rows as the driver's tuples, for the CSV export: SQLAlchemy's Row objects
    cost about 1 µs a row there (of ~15). Only for columns SQLAlchemy converts nothing in (`_raw`
    columns; a Boolean stays 0 or 1 on SQLite, as `_bool_cells` expects). The driver's errors are
    raised as SQLAlchemy's, as the rest of the app sees them."""
    dbapi_error = result.context.dialect.loaded_dbapi.Error
    try:
        rows = list(result.cursor.fetchall())
    except dbapi_error as exc:
        raise DBAPIError.instance(None, None, exc, dbapi_error) from exc
    finally:
        result.close()
    return rows


def driver_chunks(
    result: CursorResult[Any], size: int, before: Callable[[], None]
) -> Iterator[Sequence[Any]]:
    """A result's rows as the driver's tuples (as `driver_rows`), `size` at a time, for a statement
    streamed in chunks; `before` runs before each chunk is fetched. Through the result's fetch
    strategy: for a server-side cursor it holds the rows it read ahead (the first, to learn the
    columns), and it raises the driver's errors as SQLAlchemy's."""
    try:
        while True:
            before()
            rows = result.cursor_strategy.fetchmany(result, result.cursor, size)
            if not rows:
                return
            yield rows
    finally:
        result.close()


@dataclass(frozen=True)
class _Related:
    """A relation of the record: a reference (many-to-one) or a list of related rows."""

    name: str
    many: bool
    # Per language: SELECT owner_key, *item columns ... WHERE owner_key IN (ids) ORDER BY owner_key, ...
    queries: Mapping[str, IdQuery]
    # The item's keys; None when an item is one scalar (a list of enum values).
    keys: tuple[str, ...] | None
    # For a reference: the record's foreign key column; for a list: None (the record's id is the key).
    local_key: Any
    # Per language: (engine, owner key) → a scalar subquery with the relation as JSON text, to read in
    # the record's own statement; None where a value would not survive JSON text (a float).
    inline: Mapping[str, "_Inline"] | None = None
    # A reference to one of REMEMBERED_TABLES.
    remembered: bool = False
    # The item keys whose values are floats. The JSON has them as strings of their text, made floats
    # again (`from_json`): as JSON numbers a whole one would lose its `.0`, and -0.0 its sign; and
    # SQLite's JSON writes a float with 15 digits, which may read back another double.
    floats: tuple[str, ...] = ()
    # Whether SQLite can write every one of those floats as text that reads back the same double
    # (`_sqlite_exact`); if not, the relation is read apart there.
    floats_exact_in_sqlite: bool = True

    def inlined_on(self, engine: str) -> bool:
        """Whether the relation is read inside the record's statement on the database `engine`."""
        if self.inline is None or engine not in ("sqlite", "postgresql"):
            return False
        return engine == "postgresql" or self.floats_exact_in_sqlite

    def from_json(self, text: str) -> Any:
        """The relation's value from the JSON text its `_Inline` reads, its floats made floats."""
        value = orjson.loads(text)
        for item in value if self.many else [value] if value is not None else []:
            for key in self.floats:
                item[key] = _float(item[key])
        return value


def _float(text: str | None) -> float | None:
    return None if text is None else float(text)


# printf's `%!.17g` on SQLite writes 17 significant digits, which read back as the same double for
# every magnitude below about 1e101 (above, it scales by an inexact power of ten; `quote()` and the
# JSON functions write fewer digits): tests/test_fast_rows.py checks the library in use.
_SQLITE_EXACT_BELOW = 1e100


def _sqlite_exact(field: Any) -> bool:
    """Whether SQLite writes every value of the float column `field` exactly (`_sqlite_float`): its
    magnitude is held, by a CHECK constraint, to the bound its `info` names (`at_most`)."""
    bound = field.info.get("at_most")
    return bound is not None and bound < _SQLITE_EXACT_BELOW


def _sqlite_float(field: Any) -> ColumnElement[str | None]:
    """SQLite: a float column's value as the text of its 17 significant digits (NULL for NULL)."""
    written = func.printf(literal_column("'%!.17g'"), field)
    return case((field.is_not(None), written))


@dataclass(frozen=True)
class _Inline:
    """A relation read inside the record's own statement: a correlated scalar subquery that gives the
    related rows as a JSON array (a list) or object (a reference), as text; one statement per page
    instead of one more per relation."""

    keys: tuple[str, ...] | None  # the item's keys; None for a list of single values
    fields: Sequence[Any]  # the columns of those keys, in order
    owner: Any  # the column that points at the record (or, for a reference, the referenced key)
    order: Sequence[Any]  # a list's order; empty for a reference
    joined: tuple[Any, Any] | None = None  # many-to-many: (link table, target)
    # SQLite: a list's order as the index gives it (`_through_link`); `order` where empty.
    indexed_order: Sequence[Any] = ()

    def subquery(self, engine: str, key: Any, many: bool, outer: Any) -> ColumnElement[str | None]:
        """`key`: the column of the enclosing statement this relation hangs on; `outer`: its FROM."""
        item = self._item(engine)
        if engine == "postgresql":
            statement = select(_json_array(item, self.order) if many else item)
        elif many:  # SQLite's aggregates take no ORDER BY: the rows come ordered from a subquery
            order = self.indexed_order or self.order
            rows = self._from(select(item.label("item"))).order_by(*order).where(self.owner == key)
            ordered = rows.correlate(outer).subquery()
            if self.keys is None:  # single values: json_group_array writes each as JSON
                return select(func.json_group_array(ordered.c.item)).scalar_subquery()
            # Objects, already JSON text: joined as they are. json_group_array would need each
            # marked as JSON again (json(), which parses it) to keep it from being quoted as text.
            items = func.group_concat(ordered.c.item, literal_column("','"))
            joined = literal_column("'['").concat(items).concat(literal_column("']'"))
            return select(func.coalesce(joined, literal_column("'[]'"))).scalar_subquery()
        else:
            statement = select(item)
        return self._from(statement).where(self.owner == key).correlate(outer).scalar_subquery()

    def per_page(self, key: Any, page: Any, name: str) -> Any:
        """PostgreSQL, a many-to-many list: the lists of all the page's records in one GROUP BY over
        their ids (`owner`, `listed`), to join on `key`. As a subquery per record, PostgreSQL plans
        the join to the target by the link rows it expects, two or so, and hashes the whole target
        table (every country) for each record; once per page it probes the target's key."""
        assert self.joined is not None and self.order
        items = _json_array(self._item("postgresql"), self.order)
        statement = select(self.owner.label("owner"), items.label("listed"))
        wanted = self.owner.in_(select(key).select_from(page))
        return self._from(statement).where(wanted).group_by(self.owner).subquery(name)

    def _item(self, engine: str) -> Any:
        if engine == "postgresql":
            return _compact_json(self.keys, self.fields)
        if self.keys is None:
            return self.fields[0]
        values = [_sqlite_float(field) if isinstance(field.type, Float) else field for field in self.fields]
        pairs = zip(self.keys, values, strict=True)
        return func.json_object(*(part for key, value in pairs for part in (_key(key), value)))

    def _from(self, statement: Select[Any]) -> Select[Any]:
        if self.joined is None:
            return statement
        link, target = self.joined
        return statement.select_from(link).join(target)


def _compact_json(keys: tuple[str, ...] | None, fields: Sequence[Any]) -> ColumnElement[str]:
    """PostgreSQL: an item as compact JSON text, as orjson writes it. `json_build_object` writes a
    space around each `:` and after each `,`, so its text had to be decoded and written again by the
    API. Here each value is `to_json`'s text (what `json_build_object` writes for it), a whole number
    its own text, and the keys and separators are written into the SQL; `||` costs the server less
    than `json_build_object` or `concat`. `keys` None: the item is the one field's value."""
    values = [_json_value(field) for field in fields]
    if keys is None:
        return values[0]
    item: Any = None
    for n, (key, value) in enumerate(zip(keys, values, strict=True)):
        assert key.isidentifier()  # a schema's field name, never user input
        opening: Any = literal_column(f"""'{"{" if n == 0 else ","}"{key}":'""")
        item = (opening if item is None else item.op("||")(opening)).op("||")(value)
    result: ColumnElement[str] = item.op("||")(literal_column("'}'"))
    return result


def _json_value(field: Any) -> ColumnElement[str]:
    """A column's value as JSON text: `null` for NULL; a float as a string of its text
    (`_Related.floats`)."""
    if isinstance(field.type, Float):
        field = cast(field, Text())
    text_of = cast(field, Text()) if isinstance(field.type, Integer) else cast(func.to_json(field), Text())
    return func.coalesce(text_of, literal_column("'null'"))


def _json_array(item: Any, order: Sequence[Any]) -> ColumnElement[str | None]:
    """PostgreSQL: the items of a group as a compact JSON array, in `order`; NULL for no row (as
    `json_agg` gives)."""
    comma: Any = literal_column("','")
    joined = func.string_agg(item, aggregate_order_by(comma, *order) if order else comma)
    return literal_column("'['").op("||")(joined).op("||")(literal_column("']'"))


def writes_json_as_orjson(engine: str) -> bool:
    """Whether the JSON text `_Inline` reads from the database `engine` is, byte for byte, what orjson
    writes for the same value. SQLite's JSON functions write compact JSON, keys in the order given,
    and escape text as orjson does; on PostgreSQL `_compact_json` writes it so (tests/test_fast_rows.py
    checks every character on both)."""
    return engine in ("sqlite", "postgresql")


def _correlated_to(attribute: Any, id_column: Any, key: Any) -> ColumnElement[Any]:
    """A computed column of the record's table, over another statement's column of its id."""
    # The mapped SQL, without the ORM's annotations (with them, the ORM would compile the column as
    # mapped, over the record's table).
    expression: ColumnElement[Any] = attribute.property.columns[0]
    record_id = id_column.property.columns[0]

    def swap(element: Any, **_: Any) -> Any:
        return key if element is record_id else None

    found: ColumnElement[Any] = replacement_traverse(expression, {}, swap)
    return found


def _key(name: str) -> Any:
    """A JSON key written into the SQL (a schema's field name, never user input)."""
    assert name.isidentifier()
    return literal_column(f"'{name}'")


# Aggregates over all of a subquery's rows: such a subquery gives exactly one row, as a LATERAL join too.
_AGGREGATES = frozenset({"count", "json_agg", "string_agg"})
_POSTGRESQL: Dialect = postgresql.dialect()  # type: ignore[no-untyped-call]


def _select(values: Sequence[Any], outer: Any, engine: str) -> Select[Any]:
    """`SELECT values` over `outer` (a page, or a record's table). On PostgreSQL, correlated aggregate
    subqueries that read the same rows (a record's citations: its source count, which `support`
    counts again, and their list) become one LATERAL join, each distinct aggregate computed once, so
    the rows are read once a record instead of once per use. A subquery that shares its rows with no
    other stays as it is; SQLite, which has no LATERAL, gets the subqueries as they are."""
    if engine != "postgresql":
        return select(*values).select_from(outer)
    # The rows read (their SQL) -> the subqueries reading them, each with its SELECT.
    uses: dict[str, list[tuple[Any, Select[Any]]]] = {}
    for value in values:
        for element in visitors.iterate(value):
            inner = element.element if isinstance(element, ScalarSelect) else None
            if isinstance(inner, Select) and _aggregates_only(inner):
                rows = _sql(inner.with_only_columns(literal_column("1")))
                uses.setdefault(rows, []).append((element, inner))
    replaced: dict[int, Any] = {}  # a subquery (by id) -> the LATERAL join's column that replaces it
    joined = outer
    for n, subqueries in enumerate(uses.values()):
        if len(subqueries) < 2:
            continue
        aggregate = {id(subquery): _sql(inner.selected_columns[0]) for subquery, inner in subqueries}
        names: dict[str, str] = {}  # each distinct aggregate (its SQL) -> its column
        columns = []
        for subquery, inner in subqueries:
            if aggregate[id(subquery)] not in names:
                names[aggregate[id(subquery)]] = name = f"a{len(names)}"
                columns.append(inner.selected_columns[0].label(name))
        lateral = subqueries[0][1].with_only_columns(*columns).lateral(f"rows{n}")
        joined = joined.outerjoin(lateral, true())
        for subquery, _ in subqueries:
            replaced[id(subquery)] = lateral.c[names[aggregate[id(subquery)]]]
    if not replaced:
        return select(*values).select_from(outer)
    swap = lambda element, **_: replaced.get(id(element))  # noqa: E731
    return select(*(replacement_traverse(value, {}, swap) for value in values)).select_from(joined)


def _sql(element: Any) -> str:
    return str(element.compile(dialect=_POSTGRESQL))


def _aggregates_only(statement: Select[Any]) -> bool:
    """Whether `statement` selects one aggregate over all its rows (no GROUP BY, no LIMIT)."""
    if len(statement.selected_columns) != 1:
        return False
    if statement._group_by_clauses or statement._limit_clause is not None:
        return False
    return any(
        isinstance(element, FunctionElement) and element.name in _AGGREGATES
        for element in visitors.iterate(statement.selected_columns[0])
    )


def _survives_json(kind: Any) -> bool:
    """Values the databases write into JSON that read back as the API's JSON has them. Not booleans
    (SQLite writes 0 and 1); floats as text (`_Related.floats`)."""
    return not isinstance(kind, Boolean)


class RowReader:
    """Reads the records of one model in the JSON shape of one Read schema."""

    def __init__(
        self, model: Any, schema: type[BaseModel], scalar_lists: Mapping[str, tuple[str, str]] = {}
    ) -> None:
        """`scalar_lists` names fields that list one column of related rows, as the model computes them
        in Python (`sectors` from `sector_rows.sector`): {field: (relationship, column)}."""
        configure_mappers()  # relationships declared by name are resolved
        self.model = model
        self.schema = schema
        mapper = inspect(model)
        self.id_column = getattr(model, mapper.primary_key[0].key)
        self.version_column = getattr(model, "version", None) if "version" in mapper.column_attrs else None
        self.fields = tuple(name for name in schema.model_fields if name != "included")
        self._related: dict[str, _Related] = {}
        self._reference_queries: dict[tuple[Any, Any, str], IdQuery] = {}
        self._scalars: dict[str, dict[str, Any]] = {}
        for name in self.fields:
            info = schema.model_fields[name]
            if name in scalar_lists:
                self._related[name] = self._scalar_list(name, *scalar_lists[name])
            elif name in mapper.relationships:
                self._related[name] = self._relation(name, mapper.relationships[name], info.annotation)
            else:
                self._scalars[name] = {lang: _field_column(model, name, lang) for lang in ("en", "ru")}
        self._plans: dict[tuple[str, tuple[str, ...], str], Plan] = {}

    def _relation(self, name: str, relation: RelationshipProperty[Any], annotation: Any) -> _Related:
        nested = nested_model(annotation)
        if nested is None:
            raise TypeError(f"{self.schema.__name__}.{name}: no schema for the relation")
        target = relation.mapper.class_
        keys = tuple(nested.model_fields)
        queries = {}
        inline: dict[str, _Inline] = {}
        many = relation.direction is not RelationshipDirection.MANYTOONE
        local_key = None
        for lang in ("en", "ru"):
            fields = [_field_column(target, key, lang) for key in keys]
            columns = [_raw(field) for field in fields]
            if not many:
                [(local, remote)] = relation.local_remote_pairs
                local_key = getattr(self.model, inspect(self.model).get_property_by_column(local).key)
                owner: Any = remote
                statement = select(owner, *columns)
                inline[lang] = _Inline(keys, fields, owner, [])
            elif relation.secondary is not None:
                # Many-to-many: the link table's column that points at this record.
                owner = _link_owner(relation)
                statement = select(owner, *columns).select_from(relation.secondary).join(target)
                order = [*(relation.order_by or ()), _primary(target)]
                indexed = _through_link(order, relation.secondary_synchronize_pairs or ())
                inline[lang] = _Inline(keys, fields, owner, order, (relation.secondary, target), indexed)
            else:
                [(_, owner)] = relation.local_remote_pairs
                statement = select(owner, *columns)
                inline[lang] = _Inline(keys, fields, owner, [*(relation.order_by or ()), _primary(target)])
            if many:
                order = [owner, *(relation.order_by or ()), _primary(target)]
                queries[lang] = IdQuery(owner, _where(statement, order))
            else:  # references to one table in one shape (reporter, partner) share their query
                shared = (target, nested, lang)
                if shared not in self._reference_queries:
                    self._reference_queries[shared] = IdQuery(owner, _where(statement, []))
                queries[lang] = self._reference_queries[shared]
        floating = [
            (key, field) for key, field in zip(keys, fields, strict=True) if isinstance(field.type, Float)
        ]
        readable = all(_survives_json(field.type) for field in fields)
        remembered = not many and target.__table__.name in REMEMBERED_TABLES
        return _Related(
            name,
            many,
            queries,
            keys,
            local_key,
            inline if readable else None,
            remembered,
            tuple(key for key, _ in floating),
            all(_sqlite_exact(field) for _, field in floating),
        )

    def _scalar_list(self, name: str, relationship: str, column: str) -> _Related:
        relation = inspect(self.model).relationships[relationship]
        target = relation.mapper.class_
        [(_, owner)] = relation.local_remote_pairs
        query = IdQuery(
            owner, _where(select(owner, _raw(getattr(target, column))), [owner, *(relation.order_by or ())])
        )
        values = _Inline(None, [getattr(target, column)], owner, [*(relation.order_by or ())])
        return _Related(name, True, {"en": query, "ru": query}, None, None, {"en": values, "ru": values})

    def plan(self, lang: str, fields: Sequence[str] = (), engine: str = "") -> "Plan":
        """How to read records in `lang` with `fields` (all when empty) on the database `engine`
        (its dialect's name: relations are read inside the record's statement on SQLite and
        PostgreSQL)."""
        wanted = tuple(name for name in self.fields if name in fields) if fields else self.fields
        key = (lang, wanted, engine)
        plan = self._plans.get(key)
        if plan is None:
            plan = Plan(self, lang, wanted, engine)
            if len(self._plans) < MAX_PLANS:  # `fields=` has many combinations: keep the first ones
                self._plans[key] = plan
        return plan


def _where(statement: Select[Any], order: Sequence[Any]) -> Callable[[ColumnElement[bool]], Select[Any]]:
    return lambda condition: statement.where(condition).order_by(*order)


def _through_link(order: Sequence[Any], pairs: Sequence[tuple[Any, Any]]) -> list[Any]:
    """A many-to-many list's `order`, each of the target's key columns read from its copy in the link
    table (`pairs`: target column, link column), which the join makes equal: the link table's index
    on (owner, target) then gives the rows in that order, where SQLite sorted each record's list."""
    copies = {(target.table.name, target.name): link for target, link in pairs}
    found = []
    for term in order:
        column = term.expression
        table = getattr(column, "table", None)
        found.append(term if table is None else copies.get((table.name, column.name), term))
    return found


def _link_owner(relation: RelationshipProperty[Any]) -> Any:
    """In a many-to-many link table, the column that points at the relation's parent."""
    parent_table = relation.parent.local_table
    for local, remote in relation.synchronize_pairs:
        if local.table is parent_table:
            return remote
    raise LookupError(relation.key)


def _primary(model: Any) -> Any:
    return getattr(model, inspect(model).primary_key[0].key)


# A remembered table's objects by key, per query (its table and language) and data version.
_REMEMBERED: datastate.VersionMemo[Mapping[Any, Item]] = datastate.VersionMemo()


class Plan:
    """One language and field selection: the record columns to select and how to build each item."""

    def __init__(self, reader: RowReader, lang: str, names: tuple[str, ...], engine: str = "") -> None:
        self.reader = reader
        self.names = names
        columns: list[Any] = [reader.id_column]

        def position(column: Any) -> int:
            for i, seen in enumerate(columns):
                if seen is column:
                    return i
            columns.append(column)
            return len(columns) - 1

        getters: list[int] = []
        self.related: list[tuple[int, _Related]] = []
        for name in names:
            if name in reader._scalars:
                getters.append(position(reader._scalars[name][lang]))
            else:
                related = reader._related[name]
                at = position(related.local_key) if related.local_key is not None else 0
                getters.append(at)
                self.related.append((len(getters) - 1, related))
        # Relations read inside the record's statement, as JSON (the rest by one query each).
        self.inlined = [(at, related) for at, related in self.related if related.inlined_on(engine)]
        self.engine = engine
        # A page's references to a remembered table: only their keys are read (`page_items`).
        self.remembered = [entry for entry in self.inlined if entry[1].remembered]
        self.page_inlined = [entry for entry in self.inlined if entry not in self.remembered]
        self.fetched = [entry for entry in self.related if entry not in self.inlined]
        # References to the same table with the same shape share one query.
        self.references: dict[IdQuery, tuple[str, ...]] = {}
        self._reference_keys: dict[IdQuery, tuple[str, ...]] = {}
        for at, related in self.fetched:
            if not related.many:
                query = related.queries[lang]
                self.references[query] = (*self.references.get(query, ()), names[at])
                assert related.keys is not None
                self._reference_keys[query] = related.keys
        self.version_at = position(reader.version_column) if reader.version_column is not None else None
        self.columns = columns
        self._getters = getters
        self.lang = lang
        self.raw_columns = [_raw(column) for column in columns]
        # Columns that are a query of their own (a column_property such as `support`), not a column.
        self._computed = [
            at for at, column in enumerate(columns) if not isinstance(column.expression, Column)
        ]
        self._csv_layouts: dict[tuple[str, ...], _CsvLayout] = {}
        self._positions: dict[tuple[int, bool], list[int]] = {}
        self._key_columns: dict[tuple[Any, ...], tuple[list[Any], list[int]]] = {}
        self._outers: dict[tuple[int, tuple[int, ...], bool, bool, bool], TextualSelect] = {}
        table = reader.id_column.class_.__table__
        # Untyped, so nothing is converted (the columns as the driver returns them), compiled once per
        # engine and run on the driver's cursor (db.DriverStatement).
        by_id = self._record_statement(table).where(reader.id_column == bindparam("record_id"))
        self.by_id = DriverStatement(by_id)
        # The same with the data version beside the record (`Listing.read_item`, in the event loop).
        self.by_id_at_version = DriverStatement(datastate.beside(by_id))

    def _record_statement(self, table: Any) -> Select[Any]:
        """A record's columns and its inlined relations, untyped, from its `table`."""
        values = [
            *self.raw_columns,
            *(self._inline(related, self.columns[self._getters[at]], table) for at, related in self.inlined),
        ]
        untyped = [type_coerce(value, NullType()) for value in values]
        return _select(untyped, table, self.engine)

    def _inline(self, related: _Related, key: Any, outer: Any) -> ColumnElement[str | None]:
        assert related.inline is not None
        return related.inline[self.lang].subquery(self.engine, key, related.many, outer)

    def with_relations(
        self,
        page: Select[Any] | CompoundSelect[Any],
        key_positions: Sequence[int],
        descending: bool,
        dialect: Dialect,
        beside: bool = False,
        ordered: bool = True,
    ) -> Select[Any] | CompoundSelect[Any] | TextualSelect:
        """One page's statement (ordered and limited, its columns as `with_key_columns` made them)
        with the inlined relations of its rows as the last columns: read for the page's rows only,
        in the page's order. The computed columns (a record's support, its source count) are worked
        out here too, for the page's rows: in the page itself, a page sorted by a column no index
        orders would work them out for every matching record before the sort. With `beside`, the data
        version's number comes last (`datastate.number_column`). Not `ordered`: the rows come in the
        order the database reads the page, not sorted again (the caller sorts them)."""
        if not self.inlined and not beside:
            return page
        if not self.inlined and isinstance(page, Select):
            return page.add_columns(datastate.number_column())
        shape = (len(page.selected_columns), tuple(key_positions), descending, beside, ordered)
        outer = self._outers.get(shape)
        if outer is None:
            # Over a table named like the page, compiled once per shape: the page comes in as a CTE
            # of that name, so a request builds (and SQLAlchemy keys) nothing more than its page.
            rows = sql.table("page", *(sql.column(f"c{at}") for at in range(shape[0])))
            columns = list(rows.c)
            order = [columns[at].desc() if descending else columns[at] for at in key_positions]
            relations = []
            joined: Any = rows
            for at, related in self.page_inlined:
                key = columns[self._getters[at]]
                inline = related.inline[self.lang] if related.inline is not None else None
                if dialect.name == "postgresql" and inline is not None and inline.joined is not None:
                    per_page = inline.per_page(key, rows, f"list{at}")
                    joined = joined.outerjoin(per_page, per_page.c.owner == key)
                    relations.append(per_page.c.listed)
                else:
                    relations.append(self._inline(related, key, rows))
            values: list[Any] = list(columns)
            for at in self._computed:
                values[at] = _correlated_to(self.columns[at], self.reader.id_column, columns[0])
            version = [datastate.number_column()] if beside else []
            statement = _select([*values, *relations, *version], joined, dialect.name)
            if ordered:
                statement = statement.order_by(*order)
            # Its columns named in order, untyped (nothing converted, as the driver returns them):
            # SQLAlchemy then keeps the result's description with the compiled statement instead
            # of matching the cursor's columns anew on every page.
            selected: list[Any] = [sql.column(f"r{at}") for at in range(len(statement.selected_columns))]
            outer = self._outers[shape] = text(str(statement.compile(dialect=dialect))).columns(*selected)
        return outer.add_cte(page.cte("page"))

    def record(self, connection: Connection, record_id: str) -> Any:
        """The row of one record (None if there is none)."""
        rows = self.by_id.rows(connection, {"record_id": record_id})
        return rows[0] if rows else None

    def index_of(self, name: str) -> int:
        """Where the field `name` is in a row (for a relation: its key)."""
        return self._getters[self.names.index(name)]

    def position_of(self, column: Any) -> int | None:
        for i, seen in enumerate(self.columns):
            if seen is column:
                return i
        return None

    def with_key_columns(self, key_columns: Sequence[Any]) -> tuple[list[Any], list[int]]:
        """The columns to select, with the sort key's added where the fields lack them, and where in
        a row the sort key's values are. Each is labelled by its position (`c0`, `c1`, …)."""
        shape = tuple(key_columns)
        found = self._key_columns.get(shape)
        if found is None:
            extra: list[Any] = []
            positions = []
            for key in key_columns:
                at = self.position_of(key)
                if at is None:
                    at = len(self.columns) + len(extra)
                    extra.append(key)
                positions.append(at)
            selected = [*self.raw_columns, *(_raw(key) for key in extra)]
            if self.inlined:  # computed for the page's rows only, in `with_relations`
                for at in self._computed:
                    selected[at] = null()
            labelled = [value.label(f"c{at}") for at, value in enumerate(selected)]
            found = self._key_columns[shape] = (labelled, positions)
        return list(found[0]), list(found[1])

    def items(self, session: Session | None, rows: Sequence[Any], to_json: bool = False) -> list[Item]:
        """The rows as the schema's JSON items, with their related rows (one query per relation; a
        plan with none to fetch needs no `session`).

        `to_json`: the items are only written out by orjson (`api.json_response`). Where the database
        writes JSON text as orjson does (`writes_json_as_orjson`), a relation's text then goes into the
        body as it is (`orjson.Fragment`) instead of being decoded and encoded again."""
        items = self._items_of(rows, to_json)
        return self._with_fetched(session, items)

    def page_items(self, session: Session, rows: Sequence[Any], to_json: bool = False) -> list[Item]:
        """`items` of a page's rows (`with_relations`): their references to a remembered table are
        keys, each replaced by the object a memo of the table keeps for this data version."""
        remembered = [(at, self._remembered_objects(session, related)) for at, related in self.remembered]
        return self._with_fetched(session, self._items_of(rows, to_json, remembered))

    def _with_fetched(self, session: Session | None, items: list[Item]) -> list[Item]:
        if self.fetched and items:
            assert session is not None
            connection = session.connection()
            for query, ids, attach in self._fetches(items):
                attach(query.rows(connection, ids))
        return items

    async def items_in_loop(self, reads: Any, rows: Sequence[Any], to_json: bool = False) -> list[Item]:
        """`items`, the related rows read by `reads` in the event loop (`app.postgres.LoopReads`,
        `app.sqlite_reads.LoopReads`)."""
        items = self._items_of(rows, to_json)
        if items:
            dialect = reads.dialect
            for query, ids, attach in self._fetches(items):
                attach(await reads.driver_rows(query.sql(dialect), query.parameters(dialect.name, ids)))
        return items

    def _remembered_objects(self, session: Session, related: _Related) -> Mapping[Any, Item]:
        """A remembered table's objects by key, in the plan's language, at the session's data version."""
        query = related.queries[self.lang]
        keys = related.keys
        assert keys is not None

        def read() -> Mapping[Any, Item]:
            rows = session.connection().execute(query.select_where(true()))
            return {owner: dict(zip(keys, values, strict=True)) for owner, *values in rows}

        return _REMEMBERED.get(session, query, read)

    def _items_of(
        self,
        rows: Sequence[Any],
        to_json: bool,
        remembered: Sequence[tuple[int, Mapping[Any, Item]]] | None = None,
    ) -> list[Item]:
        """`remembered`: the rows are a page's (`with_relations`), and these are the objects of its
        references to remembered tables, by field position."""
        if not rows:
            return []
        names = self.names
        page = remembered is not None
        # Column by column (the transposing and the decoding in C), then an item per row.
        columns = list(zip(*rows, strict=True))
        values: list[Sequence[Any]] = [columns[at] for at in self._value_positions(len(columns), page)]
        for at, objects in remembered or ():
            values[at] = list(map(objects.get, values[at]))  # a key, or None for no reference
        read = orjson.Fragment if to_json and writes_json_as_orjson(self.engine) else orjson.loads
        for at, related in self.page_inlined if page else self.inlined:
            texts = values[at]
            decode = related.from_json if related.floats and _any_item(texts) else read
            if None in texts:  # no related row: PostgreSQL's aggregate gives NULL, not []
                values[at] = [
                    decode(text) if text is not None else [] if related.many else None for text in texts
                ]
            else:
                values[at] = list(map(decode, texts))
        return [dict(zip(names, each, strict=True)) for each in zip(*values, strict=True)]

    def _fetches(self, items: list[Item]) -> Iterator[tuple["IdQuery", list[Any], Callable[[Any], None]]]:
        """Each relation read apart: its query, the ids it reads, and what puts its rows into `items`."""
        for at, related in self.fetched:
            if related.many:
                name = self.names[at]
                ids = [item[name] for item in items]
                yield related.queries[self.lang], ids, partial(self._attach_lists, items, name, related)
        for query, fields in self.references.items():
            # Run even without ids: the number of queries does not depend on the page.
            ids = list({item[name] for item in items for name in fields} - {None})
            yield query, ids, partial(self._attach_references, items, query, fields)

    def _value_positions(self, width: int, page: bool) -> list[int]:
        """Where each field's value is in a row `width` columns wide: a relation read inside the
        statement is one of the last columns (`with_relations` when `page`, else `by_id`); a
        remembered reference of a page is its key."""
        positions = self._positions.get((width, page))
        if positions is None:
            positions = list(self._getters)
            inlined = self.page_inlined if page else self.inlined
            for offset, (at, _) in enumerate(inlined, width - len(inlined)):
                positions[at] = offset
            self._positions[width, page] = positions
        return positions

    def csv_text(self, session: Session, rows: Sequence[Any], columns: Sequence[str]) -> str:
        """The rows as CSV lines, byte for byte what the csv module writes from `row_cells` of the
        items, without making the items: the batch is turned into columns, each column's cells are
        made at once (`_CsvLayout`), then the lines are joined."""
        if not rows:
            return ""
        layout = self._csv_layouts.get(tuple(columns))
        if layout is None:
            layout = self._csv_layouts[tuple(columns)] = _CsvLayout(self, columns)
        connection = session.connection()
        record = list(zip(*rows, strict=True))
        related: dict[str, Sequence[Sequence[Any]]] = {}
        # References to one table (reporter, partner) share one query, as in `items`.
        ids: dict[IdQuery, set[Any]] = {}
        for at, relation in layout.related:
            if not relation.many:
                ids.setdefault(relation.queries[self.lang], set()).update(record[self._getters[at]])
        references = {
            query: {
                owner: tuple([cell(v) for v in values])
                for owner, *values in query.driver_rows(connection, [*found - {None}])
            }
            for query, found in ids.items()
        }
        for at, relation in layout.related:
            width = len(relation.keys or ("",))
            if relation.many:
                owners = record[0]
                fetched = relation.queries[self.lang].driver_rows(connection, list(owners))
                found = list(zip(*fetched, strict=True))
                if found and found[0] == owners:  # one item each, in the batch's order (by id)
                    related[relation.name] = found[1:]
                    continue
                cells = _list_cells(fetched, width, layout.plain[relation.name])
            else:
                owners = record[self._getters[at]]  # the foreign key
                cells = references[relation.queries[self.lang]]
            # A dict per column of cells (few: the distinct references, the records with a list),
            # read by map(): no tuple per row.
            by_column = [
                dict(zip(cells, values, strict=True)) for values in zip(*cells.values(), strict=True)
            ]
            related[relation.name] = [
                list(map(column.get, owners, repeat(""))) for column in by_column or [{}] * width
            ]
        return csv_lines(
            [make(record[at] if name is None else related[name][at]) for name, at, make in layout.cells]
        )

    def _attach_lists(self, items: list[Item], name: str, related: _Related, rows: Sequence[Any]) -> None:
        found: dict[Any, list[Any]] = {}
        if related.keys is None:
            for owner, value in rows:
                found.setdefault(owner, []).append(value)
        else:
            keys = related.keys
            for owner, *values in rows:
                found.setdefault(owner, []).append(dict(zip(keys, values, strict=True)))
        for item in items:
            item[name] = found.get(item[name], [])

    def _attach_references(
        self, items: list[Item], query: IdQuery, fields: tuple[str, ...], rows: Sequence[Any]
    ) -> None:
        """One query's rows for the references of several fields to the same table (reporter, partner)."""
        keys = self._reference_keys[query]
        found = {owner: dict(zip(keys, values, strict=True)) for owner, *values in rows}
        for item in items:
            for name in fields:
                key = item[name]
                item[name] = None if key is None else found.get(key)


def _any_item(texts: Sequence[str | None]) -> bool:
    """Whether any of a relation's JSON texts has an item (is neither NULL nor an empty list)."""
    return texts.count("[]") + texts.count(None) < len(texts)


def _list_cells(fetched: Sequence[Any], width: int, plain: bool) -> dict[Any, tuple[Any, ...]]:
    """Per record, the cells of its list's columns: the items' values joined with ` | `.

    A record with one item, most of them, keeps the values as the driver gave them when the list
    is `plain` (text, whole numbers, dates): its columns' cell functions write them as `cell`
    does."""
    first: dict[Any, Any] = {}
    more: dict[Any, list[Any]] = {}
    for row in fetched:
        owner = row[0]
        if owner in first:
            more.setdefault(owner, [first[owner]]).append(row)
        else:
            first[owner] = row
    cells: dict[Any, tuple[Any, ...]] = {}
    for owner, row in first.items():
        if owner in more:
            parts = more[owner]
            cells[owner] = tuple(
                LIST_SEPARATOR.join([cell(part[i]) for part in parts]) for i in range(1, width + 1)
            )
        else:
            cells[owner] = row[1:] if plain else tuple([cell(value) for value in row[1:]])
    return cells


class _CsvLayout:
    """For each CSV column: where its values are (a record column, or a relation's cells) and how a
    column of them becomes cells."""

    def __init__(self, plan: Plan, columns: Sequence[str]) -> None:
        wanted = {column.partition(".")[0] for column in columns}
        self.related = [(at, related) for at, related in plan.related if plan.names[at] in wanted]
        # (relation name or None for the record, position, cell function)
        self.cells: list[tuple[str | None, int, Callable[[Sequence[Any]], Sequence[str]]]] = []
        # Per list: whether its items' values can stay as the driver gave them (see `_list_cells`).
        self.plain: dict[str, bool] = {}
        by_name = {related.name: related for _, related in self.related}
        for related in by_name.values():
            if related.many:
                kinds = [c.type for c in related.queries[plan.lang].columns[1:]]
                self.plain[related.name] = all(
                    _is_text(kind) or isinstance(kind, Integer | Date | Enum) for kind in kinds
                )
        for column in columns:
            name, _, sub = column.partition(".")
            relation = by_name.get(name)
            if relation is None:
                at = plan.index_of(name)
                self.cells.append((None, at, _cell_maker(name, plan.columns[at].type)))
                continue
            at = relation.keys.index(sub) if relation.keys else 0
            # A reference's cells, and a list's that is not plain, are `cell`'s text already; a
            # plain list's text may be a value as the driver gave it.
            kind = relation.queries[plan.lang].columns[1 + at].type
            text = self.plain.get(name, False) and _is_text(kind)
            self.cells.append((name, at, _text_cells if text else _str_cells))


def _cell_maker(name: str, kind: Any) -> Callable[[Sequence[Any]], Sequence[str]]:
    if isinstance(kind, Float):
        return _float_cells
    if _is_text(kind):
        return _text_cells
    if isinstance(kind, Integer):
        return _integer_cells
    if isinstance(kind, Date | Enum):
        return _str_cells
    if isinstance(kind, Boolean):
        return _bool_cells
    # A type this layout does not know: refuse rather than write it wrongly.
    raise TypeError(f"no CSV conversion for {name}: {kind!r}")


# --- a column of values to CSV cells, as `cell` and then the csv module (QUOTE_MINIMAL, `\r\n`
# lines) write them. Python per value is what a CSV export spends most on: each function tests a
# whole column at once with str methods and takes a slower path only for the columns that need it.

_NEEDS_QUOTES = re.compile(r'[,"\r\n]')
# FORMULA_START after a line break: a literal first, so that the search skips along (`(?:^|\n)`
# made it 30 times slower).
_FORMULA_AFTER_NEWLINE = re.compile(r"\n[=+\-@\t\r]")
_PLAIN_DECIMALS = re.compile(r"[0-9.\-\n]*")


def csv_lines(columns: Sequence[Sequence[str]]) -> str:
    """Columns of cells (each made by a function below) as CSV lines."""
    if len(columns) == 1:  # the csv module quotes a line's only cell when it is empty
        columns = [[text or '""' for text in columns[0]]]
    return "\r\n".join(map(",".join, zip(*columns, strict=True))) + "\r\n"


def _quoted(cells: Sequence[str], joined: str) -> Sequence[str]:
    """The csv module quotes a cell holding a comma, a quote or a line break (doubling its quotes).
    `joined` is the cells joined with line breaks."""
    if '"' in joined or "\r" in joined or joined.count("\n") != len(cells) - 1:
        return ['"' + text.replace('"', '""') + '"' if _NEEDS_QUOTES.search(text) else text for text in cells]
    if "," in joined:  # and nothing else to quote for: a test per value 5 times cheaper
        return [f'"{text}"' if "," in text else text for text in cells]
    return cells


def _text_cells(values: Sequence[str | None]) -> Sequence[str]:
    cells, joined = _joined(values)
    # A match may be a false alarm (a line break then `=` inside a cell): that only costs the slow path.
    if joined[:1] in FORMULA_SET or _FORMULA_AFTER_NEWLINE.search(joined):
        cells = ["'" + text if text[:1] in FORMULA_SET else text for text in cells]
        joined = "\n".join(cells)
    return _quoted(cells, joined)


def _str_cells(values: Sequence[Any]) -> Sequence[str]:
    """Values that str() writes as `cell` does (dates, enum values, `cell`'s own text)."""
    return _quoted(*_joined(values))


def _joined(values: Sequence[Any]) -> tuple[Sequence[str], str]:
    """The values as text (None as empty) and that text joined with line breaks. Joining fails on
    anything but text: then, and only then, each value is converted."""
    try:
        return values, "\n".join(values)
    except TypeError:
        pass
    if None not in values:
        cells = list(map(str, values))
    elif values.count(None) == len(values):
        cells = [""] * len(values)
    else:
        cells = ["" if value is None else str(value) for value in values]
    return cells, "\n".join(cells)


def _integer_cells(values: Sequence[int | None]) -> Sequence[str]:
    if None in values:
        return ["" if value is None else str(value) for value in values]
    return list(map(str, values))


def _float_cells(values: Sequence[float | None]) -> Sequence[str]:
    """`cell`'s floats: a whole number without `.0`. repr() writes most floats as digits, `-` and
    `.`, ending `.0` when whole; anything else (an exponent, -0.0, inf) goes through `cell`."""
    text = ("\n".join(map(repr, values)) + "\n").replace("None\n", "\n")
    if "-0.0\n" in text or not _PLAIN_DECIMALS.fullmatch(text):
        return _cells(values)
    return text.replace(".0\n", "\n")[:-1].split("\n")


def _bool_cells(values: Sequence[Any]) -> Sequence[str]:
    """`cell`'s booleans, from the driver's `bool` or, on SQLite, 0 and 1."""
    return ["" if value is None else "true" if value else "false" for value in values]


def _cells(values: Sequence[Any]) -> Sequence[str]:
    cells = [cell(value) for value in values]
    return _quoted(cells, "\n".join(cells))


def _is_text(kind: Any) -> bool:
    return isinstance(kind, String) and not isinstance(kind, Enum)


def row_cells(columns: Sequence[str]) -> Callable[[Item], list[str]]:
    """A function from an item to its CSV cells, for `columns` as app.common.csv_lines.csv_columns names
    them (`id`, `reporter.name`, `citations.quote`)."""
    getters = [_cell_getter(column) for column in columns]

    def cells(item: Item) -> list[str]:
        return [get(item) for get in getters]

    return cells


def _cell_getter(column: str) -> Callable[[Item], str]:
    name, _, sub = column.partition(".")
    if not sub:
        return lambda item: cell(item.get(name))
    if "." in sub:
        return lambda item: cell(_lookup(item, column))

    def nested(item: Item) -> str:
        value = item.get(name)
        if value is None:
            return ""
        if isinstance(value, list):
            return LIST_SEPARATOR.join(
                [cell(part.get(sub) if isinstance(part, dict) else part) for part in value]
            )
        return cell(value.get(sub))

    return nested


def _lookup(record: Item, column: str) -> Any:
    value: Any = record
    for part in column.split("."):
        if isinstance(value, list):
            value = [item.get(part) if isinstance(item, dict) else item for item in value]
        elif isinstance(value, dict):
            value = value.get(part)
        else:
            return None
    return value


def cell(value: Any) -> str:
    """A CSV cell: empty for null, `a | b` for a list, no `.0` on whole numbers, and a quote mark
    before text that a spreadsheet would run as a formula."""
    if value is None:
        return ""
    kind = type(value)
    if kind is str:
        text: str = value
        return "'" + text if text[:1] in FORMULA_START else text
    if kind is float:
        return str(int(value)) if value.is_integer() else str(value)
    if kind is list:
        return LIST_SEPARATOR.join([cell(item) for item in value])
    if kind is bool:
        return "true" if value else "false"
    if isinstance(value, str):  # an enum member
        text = str(value)
        return "'" + text if text[:1] in FORMULA_START else text
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else str(value)
    return str(value)
