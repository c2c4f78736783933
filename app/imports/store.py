"""The database side of an import: lookups by natural key and bulk writes, fast on each engine.

A batch is looked up in one join against its keys passed as a single parameter (SQLite: a JSON
array read by json_each; PostgreSQL: arrays read by unnest), so every key is one probe of the
natural-key index. Inserts are one executemany (SQLite) or one COPY (PostgreSQL) per table. All of it
runs on the session's connection, inside its transaction.
"""

from collections.abc import Callable, Iterable, Iterator, Sequence
from enum import Enum
from typing import Any, TypeVar, cast

import orjson
from sqlalchemy import (
    JSON,
    ColumnElement,
    Date,
    String,
    Table,
    and_,
    any_,
    bindparam,
    delete,
    func,
    select,
    text,
    update,
)
from sqlalchemy import Enum as SAEnum
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Session

from app.imports.trade import CONTENT_COLUMNS, KEY_COLUMNS, NaturalKey
from app.models import Citation, Revision, RevisionAction, SearchDocument, SearchRecordType, TradeFigure

FIGURES = cast(Table, TradeFigure.__table__)
CITATIONS = cast(Table, Citation.__table__)
REVISIONS = cast(Table, Revision.__table__)
DOCUMENTS = cast(Table, SearchDocument.__table__)
RECORD_TYPE = "trade_figure"
# Ids per IN list where one is used (SQLite; PostgreSQL takes an array).
IDS_PER_QUERY = 2000
T = TypeVar("T")
_KEY_TYPES: dict[str, Any] = {"period_start": Date(), "period_end": Date()}


# PostgreSQL plans the lookups from its statistics of the tables; an import that grows a table
# several times over would otherwise be planned as if it were still small (a nested loop over a
# sequential scan, per batch). ANALYZE runs when the figures inserted reach this many and at least
# as many as the table had when last analyzed: about log2(rows) times in one import, at most.
ANALYZE_AFTER = 10_000
ANALYZE_GROWTH = 1.0
GROWING_TABLES = ("trade_figures", "citations", "revisions", "search_documents")


class Store:
    def __init__(self, session: Session) -> None:
        self.session = session
        self.postgresql = session.get_bind().dialect.name == "postgresql"
        self._inserted = 0
        self._analyzed_size: float | None = None

    def wrote(self, figures: int) -> None:
        """Count figures inserted; on PostgreSQL, refresh the planner's statistics when they are stale."""
        if not self.postgresql:
            return
        self._inserted += figures
        if self._analyzed_size is None:
            estimate = self.session.scalar(
                text("SELECT reltuples FROM pg_class WHERE oid = 'trade_figures'::regclass")
            )
            self._analyzed_size = max(float(estimate or 0), 0.0)
        if self._inserted >= max(ANALYZE_AFTER, ANALYZE_GROWTH * self._analyzed_size):
            self.session.execute(text(f"ANALYZE {', '.join(GROWING_TABLES)}"))
            self._analyzed_size += self._inserted
            self._inserted = 0

    # --- lookups ---

    def figures_by_key(self, keys: Sequence[NaturalKey]) -> dict[NaturalKey, dict[str, Any]]:
        """The stored figures with these natural keys, as column → value."""
        if not keys:
            return {}
        if self.postgresql:
            types = {"period_start": Date(), "period_end": Date()}
            arrays = [
                bindparam(
                    f"k_{name}", [_value(key[n]) for key in keys], type_=ARRAY(types.get(name, String()))
                )
                for n, name in enumerate(KEY_COLUMNS)
            ]
            wanted = func.unnest(*arrays).table_valued(*KEY_COLUMNS).render_derived().alias("k")
            columns = [cast(ColumnElement[Any], wanted.c[name]) for name in KEY_COLUMNS]
        else:
            payload = orjson.dumps([[_value(part) for part in key] for key in keys]).decode()
            wanted = (
                func.json_each(bindparam("keys", payload, type_=String())).table_valued("value").alias("k")
            )
            columns = [func.json_extract(wanted.c.value, f"$[{n}]") for n in range(len(KEY_COLUMNS))]
        condition = and_(
            *(FIGURES.c[name] == column for name, column in zip(KEY_COLUMNS, columns, strict=True))
        )
        statement = select(FIGURES).select_from(wanted).join(FIGURES, condition)
        found: dict[NaturalKey, dict[str, Any]] = {}
        for mapping in self.session.execute(statement).mappings():
            figure = dict(mapping)
            found[cast(NaturalKey, tuple(figure[name] for name in KEY_COLUMNS))] = figure
        return found

    def citations_of(self, figure_ids: Sequence[str]) -> dict[str, list[dict[str, Any]]]:
        """Each figure's citations, as column → value, in the order the figure lists them."""
        by_figure: dict[str, list[dict[str, Any]]] = {}
        for condition in self._in(CITATIONS.c.trade_figure_id, figure_ids):
            for mapping in self.session.execute(select(CITATIONS).where(condition)).mappings():
                by_figure.setdefault(mapping["trade_figure_id"], []).append(dict(mapping))
        # TradeFigure.citations is ordered by char_start (where each engine puts NULLs), then as stored.
        nulls = float("inf") if self.postgresql else float("-inf")
        for citations in by_figure.values():
            citations.sort(key=lambda c: (nulls if c["char_start"] is None else c["char_start"], c["id"]))
        return by_figure

    def taken_ids(self, ids: Iterable[str]) -> set[str]:
        """Those of `ids` a figure has, or a deleted figure had (ids are not reused)."""
        taken: set[str] = set()
        for condition in self._in(FIGURES.c.id, sorted(ids)):
            taken.update(self.session.scalars(select(FIGURES.c.id).where(condition)))
        for condition in self._in(REVISIONS.c.record_id, sorted(ids)):
            deleted = select(REVISIONS.c.record_id).where(
                REVISIONS.c.record_type == RECORD_TYPE, REVISIONS.c.action == RevisionAction.delete, condition
            )
            taken.update(self.session.scalars(deleted))
        return taken

    def documents(self, figure_ids: Sequence[str]) -> dict[str, dict[str, Any]]:
        """The stored search documents of these figures."""
        found: dict[str, dict[str, Any]] = {}
        for condition in self._in(DOCUMENTS.c.record_id, figure_ids):
            statement = select(DOCUMENTS).where(
                DOCUMENTS.c.record_type == SearchRecordType.trade_figure, condition
            )
            found.update((m["record_id"], dict(m)) for m in self.session.execute(statement).mappings())
        return found

    def _in(self, column: Any, values: Sequence[str]) -> Iterator[ColumnElement[bool]]:
        if not values:
            return
        if self.postgresql:
            yield column == any_(bindparam(None, list(values), type_=ARRAY(String())))
            return
        for chunk in _chunks(values, IDS_PER_QUERY):
            yield column.in_(chunk)

    # --- writes ---

    def insert(self, table: Table, rows: list[dict[str, Any]]) -> None:
        """Insert rows (dicts with the same keys): PostgreSQL COPY, SQLite executemany. Values are
        converted as the columns' types would convert them, without the per-row cost of doing so
        through SQLAlchemy's statement execution."""
        if not rows:
            return
        columns = list(rows[0])
        names = ", ".join(f'"{name}"' for name in columns)
        connection = self.session.connection()
        if self.postgresql:
            driver = connection.connection.driver_connection
            assert driver is not None
            with driver.cursor() as cursor, cursor.copy(f'COPY "{table.name}" ({names}) FROM STDIN') as copy:
                for row in rows:
                    copy.write_row([_copy_value(row[name]) for name in columns])
            return
        convert = [_sqlite_converter(table.c[name].type, connection.dialect) for name in columns]
        placeholders = ", ".join("?" for _ in columns)
        values = [
            tuple(f(row[name]) if f else row[name] for f, name in zip(convert, columns, strict=True))
            for row in rows
        ]
        connection.exec_driver_sql(f'INSERT INTO "{table.name}" ({names}) VALUES ({placeholders})', values)

    def update_figures(self, rows: list[dict[str, Any]]) -> None:
        """Set the content columns (and search_text) of figures by id; each one's version grows by one."""
        if not rows:
            return
        names = (*CONTENT_COLUMNS, "search_text")
        statement = (
            update(FIGURES)
            .where(FIGURES.c.id == bindparam("b_id"))
            .values(version=FIGURES.c.version + 1, **{name: bindparam(f"b_{name}") for name in names})
        )
        self.session.execute(statement, [{f"b_{key}": value for key, value in row.items()} for row in rows])

    def update_documents(self, rows: list[dict[str, Any]]) -> None:
        if not rows:
            return
        names = ("title_en", "title_ru", "text", "stems")
        statement = (
            update(DOCUMENTS)
            .where(DOCUMENTS.c.id == bindparam("b_id"))
            .values(**{name: bindparam(f"b_{name}") for name in names})
        )
        self.session.execute(statement, [{f"b_{key}": value for key, value in row.items()} for row in rows])

    def delete_citations(self, ids: list[int]) -> None:
        for chunk in _chunks(ids, IDS_PER_QUERY):
            self.session.execute(delete(CITATIONS).where(CITATIONS.c.id.in_(chunk)))


def _value(value: Any) -> Any:
    """A key part as a parameter: enums by value (orjson writes dates as ISO strings)."""
    return value._value_ if isinstance(value, Enum) else value


def _sqlite_converter(column_type: Any, dialect: Any) -> Callable[[Any], Any] | None:
    """How a value of this column type is stored in SQLite (JSON with orjson: faster, same meaning)."""
    if isinstance(column_type, JSON):
        return lambda value: None if value is None else orjson.dumps(value).decode()
    if isinstance(column_type, SAEnum):
        return _enum_value
    return cast(Callable[[Any], Any] | None, column_type.dialect_impl(dialect).bind_processor(dialect))


def _enum_value(value: Any) -> Any:
    return getattr(value, "_value_", value)  # `.value` is a much slower descriptor


def _copy_value(value: Any) -> Any:
    if isinstance(value, Enum):
        return value._value_
    if isinstance(value, dict):
        return orjson.dumps(value).decode()
    return value


def _chunks(items: Sequence[T], size: int) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
