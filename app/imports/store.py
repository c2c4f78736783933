"""The database side of an import: lookups by natural key and bulk writes, fast on each engine.

A batch is staged in a temporary table (one executemany on SQLite, one COPY on PostgreSQL) and joined
with the stored figures on the natural key, so every row is one probe of the natural-key index; the
figures and citations it adds are inserted from there. A batch expected to be new (a first import's)
has its figures inserted first, those of stored keys and ids skipped (ON CONFLICT DO NOTHING), and only
the rows skipped are joined. Other lookups take their keys as a single
JSON parameter. Other inserts are one executemany (SQLite) or one COPY (PostgreSQL) per table. All of it
runs on the session's connection, inside its transaction. Revisions are written to app.revisions'
staging table, which moves them into `revisions` at commit.
"""

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from enum import Enum
from typing import Any, TypeVar, cast

import orjson
from sqlalchemy import (
    JSON,
    ColumnElement,
    Connection,
    CursorResult,
    Date,
    String,
    Table,
    and_,
    bindparam,
    delete,
    event,
    func,
    inspect,
    select,
    text,
    update,
)
from sqlalchemy import cast as sql_cast
from sqlalchemy.orm import Session

from app import revisions
from app.curation import restating
from app.db import drop_for_load, postgresql_indexes
from app.imports.trade import CONTENT_COLUMNS, KEPT_WHEN_ABSENT, KEY_COLUMNS, NaturalKey
from app.models import Citation, Revision, RevisionAction, SearchDocument, SearchRecordType, TradeFigure

FIGURES = cast(Table, TradeFigure.__table__)
CITATIONS = cast(Table, Citation.__table__)
REVISIONS = cast(Table, Revision.__table__)
DOCUMENTS = cast(Table, SearchDocument.__table__)
RECORD_TYPE = "trade_figure"
# Ids per IN list where one is used (SQLite; PostgreSQL takes an array).
IDS_PER_QUERY = 2000
T = TypeVar("T")

# A figure's columns but its id and the derived or bookkeeping ones (search_text, version).
FIGURE_VALUE_COLUMNS = tuple(
    column.key
    for column in TradeFigure.__table__.columns
    if column.key not in ("id", "search_text", "version")
)
# The rows of a batch, staged in a temporary table: compared with the stored figures in one statement
# (stored_matches), and the figures and citations the batch adds inserted from it (insert_staged).
# `figure_id` is the id a new figure would have; `has_note_*` whether the file gave the column at all
# (KEPT_WHEN_ABSENT); the citation the row states: the file's line, or a located quote of a text.
STAGE = "import_rows"
STAGE_COLUMNS = (
    "line",
    "figure_id",
    *FIGURE_VALUE_COLUMNS,
    *(f"has_{name}" for name in KEPT_WHEN_ABSENT),
    "search_text",
    "source_id",
    "quote",
    "cite_line",
    "paragraph",
    "char_start",
    "char_end",
)
# What the staged columns become in the tables they are inserted into.
STAGED_FIGURE = {
    "id": "figure_id",
    **{name: name for name in FIGURE_VALUE_COLUMNS},
    "search_text": "search_text",
}
STAGED_CITATION = {
    "trade_figure_id": "figure_id",
    "source_id": "source_id",
    "quote": "quote",
    "line": "cite_line",
    "paragraph": "paragraph",
    "char_start": "char_start",
    "char_end": "char_end",
}


# PostgreSQL plans the lookups from its statistics of the tables; an import that grows a table
# several times over would otherwise be planned as if it were still small (a nested loop over a
# sequential scan, per batch). ANALYZE runs when the figures inserted reach this many and at least
# as many as the table had when last analyzed: about log2(rows) times in one import, at most.
ANALYZE_AFTER = 10_000
ANALYZE_GROWTH = 1.0
# SQLite plans reads from sqlite_stat1 too: without it, an equality on any indexed column looks
# selective (`period_kind = 'quarter'`, four figures in five, was read through its index). A large
# import ends by gathering the figures' statistics; a sampled ANALYZE (analysis_limit) counted a
# few-valued column's rows per value in the hundreds, not hundreds of thousands, and kept that plan.
# Only the columns those lookups filter on: the size of each table is counted all the same, and the
# wide ones (revisions.changes, the documents' text) cost most of a full ANALYZE.
GROWING_TABLES = (
    f"trade_figures (id, {', '.join(KEY_COLUMNS)})",
    "citations (trade_figure_id)",
    "search_documents (record_type, record_id)",
)


# SQLite's page cache while an import writes, in KiB (the default is 2 MiB): the pages of the indexes
# a batch touches stay in memory instead of being spilled to the WAL and read back batch after batch.
SQLITE_CACHE_KIB = 64 * 1024


# The trigger of migration 0003 that indexes each new search document (whitespace normalized).
FTS_TRIGGER = (
    "CREATE TRIGGER search_fts_insert AFTER INSERT ON search_documents BEGIN "
    "INSERT INTO search_fts(rowid, stems) VALUES (new.id, new.stems); END"
)

FTS_LAST = "SELECT coalesce(max(id), 0) FROM search_documents"

# A large import: the indexes of the tables it grows that its own lookups do not read are dropped
# as soon as it is expected to insert this many figures, and at least this share of the figures
# stored before it (expected from the share of the file read so far: dropped late, they would be
# built again for little); each is built again, in one sorted pass, before the import ends, which
# costs a fraction of keeping it up row by row. The drop happens inside the import's transaction, and
# a rollback brings the indexes back. SQLite's readers (WAL) keep their snapshot with the indexes;
# PostgreSQL's wait for the import to commit: DROP INDEX locks its table (ACCESS EXCLUSIVE), so only
# tables the import locks readers out of for good reason are touched there (below).
DEFER_INDEXES_AFTER = 20_000
DEFER_INDEXES_SHARE = 0.5
# What the lookups read is kept: the unique indexes (the natural key, ids, citations per figure,
# documents per record). Only indexes the models declare are dropped, non-unique and whole (a partial
# one costs the rows it leaves out nothing): an index someone added by hand is left alone. (Revisions
# reach their table only at commit, after the rebuild.)
DEFERRED_INDEXES = frozenset(
    index.name
    for table in (FIGURES, CITATIONS)
    for index in table.indexes
    if isinstance(index.name, str)
    and not index.unique
    and index.dialect_options["sqlite"].get("where") is None
)
# PostgreSQL: the figures' indexes only, and only in a first load (the table holding fewer figures than
# DEFER_INDEXES_AFTER): its readers wait for the import to commit.
# The search documents' GIN index costs about as much to build again as it saved (the benchmark doc),
# and the citations' and documents' tables are read by every resource: left alone.
POSTGRESQL_DEFERRED_INDEXES = frozenset(
    name for name in DEFERRED_INDEXES if name.startswith("ix_trade_figures_")
)


class Store:
    def __init__(self, session: Session) -> None:
        self.session = session
        self.postgresql = session.get_bind().dialect.name == "postgresql"
        self._inserted = 0  # since the last ANALYZE
        self._written = 0
        self._analyzed_size: float | None = None
        self._bulk = False
        self._fts_trigger: str | None = None
        self._fts_after = 0
        self._figures_before: int | None = None
        # Indexes dropped for the import (name → its CREATE statement), and their sqlite_stat1 rows.
        self._indexes: dict[str, str] = {}
        self._index_stats: list[tuple[Any, ...]] = []
        self._stages: set[str] = set()
        # SQLite: each table's CHECK constraints as one condition (see _checked_after), once read.
        self._checks: dict[str, str] = {}

    def wrote(self, figures: int, expected: int) -> None:
        """Count figures inserted, `expected` being how many the whole import will have inserted (an
        estimate). Drop some indexes when that is many (_defer_indexes); SQLite: gather statistics
        at the end of a large import (_analyze); PostgreSQL: refresh the planner's statistics when
        they are stale."""
        self._inserted += figures
        self._written += figures
        if self._bulk:
            self._defer_indexes(figures, expected)
        if not self.postgresql:
            return
        if self._analyzed_size is None:
            estimate = self.session.scalar(
                text("SELECT reltuples FROM pg_class WHERE oid = 'trade_figures'::regclass")
            )
            self._analyzed_size = max(float(estimate or 0), 0.0)
        if self._inserted >= max(ANALYZE_AFTER, ANALYZE_GROWTH * self._analyzed_size):
            self.session.execute(text(f"ANALYZE {', '.join(GROWING_TABLES)}"))
            self._analyzed_size += self._inserted
            self._inserted = 0

    @contextmanager
    def bulk(self) -> Iterator[None]:
        """The writes of an import. Meanwhile, in a large import, some indexes are built at the end
        (see _defer_indexes); on PostgreSQL, no JIT compilation; on SQLite, a larger page cache (this
        connection's) and the FTS index filled at the end (see _defer_fts). All as they were after,
        unless an exception escapes, when the caller rolls back (which brings the trigger and the
        indexes back). SQLite's page cache stays large until the transaction ends: its commit moves
        the staged revisions into `revisions`."""
        connection = self.session.connection()
        if self.postgresql:
            # Until the transaction ends (its commit step writes the export lines of every figure
            # imported): no JIT compilation. The planner asks for it by the estimated cost, which a
            # statement over many rows always reaches, and compiling the export lines' large
            # expressions took seconds where running them took less (the benchmark doc).
            connection.exec_driver_sql("SET LOCAL jit = off")
            self._bulk = True
            try:
                yield
                self._restore_indexes()
                self._drop_stages(connection)
                if self._written >= ANALYZE_AFTER:
                    # The commit step reads the revisions staged by their ids (the export lines of
                    # the figures changed): planned without statistics of the temporary table (no
                    # autovacuum analyzes it), its join was one index probe per figure.
                    connection.exec_driver_sql(f"ANALYZE pg_temp.{revisions.STAGING.name}")
            finally:
                self._bulk, self._indexes = False, {}
            return
        restore = _larger_cache(connection)
        self._bulk = True
        try:
            yield
            if self._fts_trigger is not None:
                self._fill_fts()
                connection.exec_driver_sql(self._fts_trigger)
            self._restore_indexes()
            if self._inserted >= ANALYZE_AFTER:
                _analyze(connection)
        except BaseException:
            restore()
            raise
        else:
            # Before the COMMIT (or rollback) itself, after the session's last step (app.revisions).
            event.listen(connection, "commit", lambda _connection: restore(), once=True)
            event.listen(connection, "rollback", lambda _connection: restore(), once=True)
        finally:
            self._bulk, self._fts_trigger = False, None
            self._indexes, self._index_stats = {}, []
            self._drop_stages(connection)

    def _drop_stages(self, connection: Connection) -> None:
        for stage in self._stages:
            connection.exec_driver_sql(f"DROP TABLE IF EXISTS {stage}")
        self._stages = set()

    def _defer_fts(self) -> None:
        """Stop indexing search documents row by row (the search_fts_insert trigger); _fill_fts indexes
        those inserted since, in one statement, which is several times faster: at the end of the import
        (one statement for all: fewer, larger FTS segments to merge), or before a document is updated
        (the update trigger takes the old row out of the index). The trigger is dropped
        and created again inside the import's transaction: no one else ever sees it gone."""
        connection = self.session.connection()
        trigger = connection.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'search_fts_insert'"
        ).scalar()
        if trigger is None or " ".join(trigger.split()) != FTS_TRIGGER:
            return  # not the trigger _fill_fts stands in for: leave it alone
        self._fts_after = int(connection.exec_driver_sql(FTS_LAST).scalar() or 0)
        connection.exec_driver_sql("DROP TRIGGER search_fts_insert")
        self._fts_trigger = trigger

    def _defer_indexes(self, inserted: int, expected: int) -> None:
        """Drop the DEFERRED_INDEXES (PostgreSQL: POSTGRESQL_DEFERRED_INDEXES) when the import is
        expected to insert many figures (see above)."""
        if self._indexes:
            return
        connection = self.session.connection()
        if self._figures_before is None:
            count = connection.exec_driver_sql("SELECT count(*) FROM trade_figures").scalar()
            self._figures_before = int(count or 0) - inserted
        if expected < max(DEFER_INDEXES_AFTER, DEFER_INDEXES_SHARE * self._figures_before):
            return
        if self.postgresql and self._figures_before >= DEFER_INDEXES_AFTER:
            # A table readers already use (a reload): its readers would wait for the whole import
            # behind DROP INDEX's lock, so it keeps its indexes; only a first load drops them.
            return
        if self.postgresql:
            self._indexes = drop_for_load(
                connection, postgresql_indexes(connection, POSTGRESQL_DEFERRED_INDEXES)
            )
            if self._indexes and expected >= DEFER_INDEXES_SHARE * self._revisions_before(connection):
                revisions.load(self.session)  # a first load: its revisions too
            return
        self._indexes = drop_for_load(connection, self._sqlite_indexes())
        if not self._indexes:
            self._index_stats = []

    def _revisions_before(self, connection: Connection) -> float:
        """PostgreSQL: the revisions stored, as the planner's statistics estimate them."""
        estimate = connection.exec_driver_sql(
            "SELECT reltuples FROM pg_class WHERE oid = 'revisions'::regclass"
        ).scalar()
        return max(float(estimate or 0), 0.0)

    def _sqlite_indexes(self) -> dict[str, str]:
        """The DEFERRED_INDEXES the database has as the models declare them, with their SQL; their
        sqlite_stat1 rows kept in _index_stats (dropping an index deletes them)."""
        connection = self.session.connection()
        names = sorted(DEFERRED_INDEXES)
        marks = ", ".join("?" for _ in names)
        found = connection.exec_driver_sql(
            f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND name IN ({marks})", tuple(names)
        ).all()
        indexes = {
            name: sql
            for name, sql in found
            if sql is not None and sql.startswith("CREATE INDEX ") and " WHERE " not in sql.upper()
        }
        if not indexes:
            return indexes
        stat = connection.exec_driver_sql(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_stat1'"
        ).scalar()
        if stat is not None:  # what ANALYZE found: put back after
            marks = ", ".join("?" for _ in indexes)
            stats = connection.exec_driver_sql(
                f"SELECT tbl, idx, stat FROM sqlite_stat1 WHERE idx IN ({marks})", tuple(indexes)
            )
            self._index_stats = [tuple(row) for row in stats]
        return indexes

    def _restore_indexes(self) -> None:
        connection = self.session.connection()
        for sql in self._indexes.values():
            connection.exec_driver_sql(sql)
        if self._index_stats:
            connection.exec_driver_sql(
                "INSERT INTO sqlite_stat1(tbl, idx, stat) VALUES (?, ?, ?)", self._index_stats
            )

    def _fill_fts(self) -> None:
        """Index the search documents inserted since the last fill, as the trigger would have."""
        connection = self.session.connection()
        connection.exec_driver_sql(
            "INSERT INTO search_fts(rowid, stems) SELECT id, stems FROM search_documents WHERE id > ?",
            (self._fts_after,),
        )
        self._fts_after = int(connection.exec_driver_sql(FTS_LAST).scalar() or 0)

    # --- the staged batch ---

    def stage(self, rows: list[tuple[Any, ...]]) -> None:
        """Replace the staged batch with these rows, tuples of the STAGE_COLUMNS' values (as `insert`
        takes them)."""
        connection = self.session.connection()
        if self._stage_name not in self._stages:
            connection.exec_driver_sql(f"DROP TABLE IF EXISTS {self._stage_name}")
            connection.exec_driver_sql(self._create_stage())
            self._stages.add(self._stage_name)
        elif self.postgresql:
            connection.exec_driver_sql(f"TRUNCATE {self._stage_name}")  # a DELETE would leave dead rows
        else:
            connection.exec_driver_sql(f"DELETE FROM {self._stage_name}")
        self._write(self._stage_name, STAGE_COLUMNS, rows)

    @property
    def _stage_name(self) -> str:
        return f"pg_temp.{STAGE}" if self.postgresql else f"temp.{STAGE}"

    def _create_stage(self) -> str:
        """The staging table: typed on PostgreSQL (its COPY parses text), untyped on SQLite (values
        keep the form they were bound in, and take the affinity of the table they go on to)."""
        if not self.postgresql:
            names = ", ".join(f'"{name}"' for name in STAGE_COLUMNS[1:])
            return f"CREATE TEMP TABLE {STAGE} (line INTEGER PRIMARY KEY, {names})"
        dialect = self.session.get_bind().dialect
        types = {name: FIGURES.c[name].type.compile(dialect) for name in FIGURE_VALUE_COLUMNS}
        types |= {name: CITATIONS.c[column].type.compile(dialect) for column, name in STAGED_CITATION.items()}
        types |= {name: "integer" for name in STAGE_COLUMNS if name.startswith("has_")}
        types |= {"figure_id": "text", "search_text": "text"}
        columns = ", ".join(f'"{name}" {types[name]}' for name in STAGE_COLUMNS[1:])
        # Dropped at the end of the transaction at the latest (the import drops it before).
        return f"CREATE TEMP TABLE {STAGE} (line integer PRIMARY KEY, {columns}) ON COMMIT DROP"

    def stored_matches(self, source_id: str, lines: list[int] | None = None) -> dict[int, tuple[str, bool]]:
        """For each staged row (of these lines, else all) whose natural key a stored figure has: that
        figure's id, and whether the row would change nothing, stated from the source `source_id` (the
        file's): the same content, and citations as app.curation.restating.restated leaves them."""
        same = " AND ".join(
            f"(s.has_{name} = 0 OR {self._same(f'f.{name}', f's.{name}')})"
            if name in KEPT_WHEN_ABSENT
            else self._same(f"f.{name}", f"s.{name}")
            for name in CONTENT_COLUMNS
        )
        stated = {column: f"s.{name}" for column, name in STAGED_CITATION.items()}
        mark = "%s" if self.postgresql else "?"
        cited = restating.unchanged_sql("trade_figure_id", "f.id", stated, mark, self._same)
        key = " AND ".join(f'f."{name}" = s."{name}"' for name in KEY_COLUMNS)
        statement = (
            f"SELECT s.line, f.id, CASE WHEN {same} AND {cited} THEN 1 ELSE 0 END "
            f"FROM {self._stage_name} s JOIN trade_figures f ON {key}"
        )
        parameters: tuple[Any, ...] = (source_id,)
        if lines is not None:
            statement += f" WHERE s.line IN ({self._lines})"
            parameters += (orjson.dumps(lines).decode(),)
        rows = self.session.connection().exec_driver_sql(statement, parameters)
        return {line: (figure_id, bool(unchanged)) for line, figure_id, unchanged in rows}

    def _same(self, a: str, b: str) -> str:
        """SQL: a equals b, NULL equalling NULL (as None == None in Python)."""
        return f"{a} IS NOT DISTINCT FROM {b}" if self.postgresql else f"{a} IS {b}"

    def rename_staged(self, ids: list[tuple[str, str | None, int]]) -> None:
        """Set the figure id, and the search text unless None, of staged rows: (id, text, line)."""
        if ids:
            mark = "%s" if self.postgresql else "?"
            statement = (
                f"UPDATE {self._stage_name} SET figure_id = {mark}, "
                f"search_text = coalesce({mark}, search_text) WHERE line = {mark}"
            )
            self.session.connection().exec_driver_sql(statement, ids)

    def insert_staged(self, table: Table, lines: list[int]) -> None:
        """Insert into FIGURES or CITATIONS, in one statement, what the staged rows of these lines
        state (in file order)."""
        if lines:
            self._insert_from_stage(table, f"s.line IN ({self._lines})", (orjson.dumps(lines).decode(),))

    def insert_staged_new(self) -> list[str]:
        """Insert the figures of all staged rows, in file order, but those whose natural key or id a
        figure has (ON CONFLICT DO NOTHING) or whose id a deleted figure had (ids are not reused).
        Returns the ids inserted. A first import's rows are nearly all new: inserted so, they need no
        lookup of the natural key first."""
        logs = [REVISIONS.name]
        if revisions.deletes_staged(self.session):  # deleted earlier in this transaction
            logs.append(f"{'pg_temp' if self.postgresql else 'temp'}.{revisions.STAGING.name}")
        never_deleted = " AND ".join(f"NOT EXISTS ({_deletion(log, 's.figure_id')})" for log in logs)
        rows = self._insert_from_stage(FIGURES, never_deleted, (), "ON CONFLICT DO NOTHING RETURNING id")
        return [figure_id for (figure_id,) in rows]

    def delete_new_figures(self, ids: list[str]) -> None:
        """Take out figures insert_staged_new inserted in this transaction, which nothing refers to yet."""
        for chunk in _chunks(ids, IDS_PER_QUERY):
            self.session.execute(delete(FIGURES).where(FIGURES.c.id.in_(chunk)))

    @property
    def _lines(self) -> str:
        """SQL: the line numbers of one parameter, a JSON array."""
        if self.postgresql:
            return "SELECT value::integer FROM json_array_elements_text(%s::json)"
        return "SELECT value FROM json_each(?)"

    def _insert_from_stage(
        self, table: Table, where: str, parameters: tuple[Any, ...], conflict: str = ""
    ) -> list[Any]:
        staged = STAGED_FIGURE if table is FIGURES else STAGED_CITATION
        names = ", ".join(f'"{name}"' for name in staged)
        values = ", ".join(f's."{name}"' for name in staged.values())
        target = f'"{table.name}"' if self.postgresql else f'main."{table.name}"'
        statement = (
            f"INSERT INTO {target} ({names}) SELECT {values} FROM {self._stage_name} s "
            f"WHERE {where} ORDER BY s.line {conflict}"
        )
        if self.postgresql:
            return _rows(self.session.connection().exec_driver_sql(statement, parameters))
        return self._checked_after(table, statement, parameters)

    def _checked_after(self, table: Table, statement: str, parameters: Any) -> list[Any]:
        """SQLite: run an INSERT into `table` (an executemany if `parameters` is a list) with the
        table's CHECK constraints tested afterwards, in one SELECT over the rows it added, rather than
        as each row is inserted. SQLite tests a constraint's `IN (…)` list item after item for every
        row (the figures' unit lists every currency), and in an executemany builds a small table of
        it for each row; a SELECT looks the list up in an index it builds once. Should a row fail,
        the rows are taken out and inserted again with the constraints in place: SQLite raises its
        own error, as it would have."""
        connection = self.session.connection()
        checks = self._checks.get(table.name)
        if checks is None:
            checks = self._checks[table.name] = _check_constraints(connection, table.name)
        if not checks:  # none, or not all of them read: SQLite tests them itself
            return _rows(connection.exec_driver_sql(statement, parameters))
        target = f'main."{table.name}"'
        last = connection.exec_driver_sql(f"SELECT coalesce(max(rowid), 0) FROM {target}").scalar()
        driver = connection.connection.driver_connection
        assert driver is not None
        # Undone by a savepoint, not a DELETE: the delete triggers (the FTS index's) stay out of it.
        connection.exec_driver_sql("SAVEPOINT import_checked_after")
        driver.execute("PRAGMA ignore_check_constraints = ON")
        try:
            # RETURNING: SQLite makes every change at the first step, so fetching after is the same.
            rows = _rows(connection.exec_driver_sql(statement, parameters))
        finally:
            driver.execute("PRAGMA ignore_check_constraints = OFF")
        failed = connection.exec_driver_sql(
            f"SELECT 1 FROM {target} WHERE rowid > ? AND NOT ({checks}) LIMIT 1", (last,)
        ).first()
        if failed is not None:
            connection.exec_driver_sql("ROLLBACK TO import_checked_after")
        connection.exec_driver_sql("RELEASE import_checked_after")
        if failed is not None:
            rows = _rows(connection.exec_driver_sql(statement, parameters))
        return rows

    # --- lookups ---

    def figures_by_key(self, keys: Sequence[NaturalKey]) -> dict[NaturalKey, dict[str, Any]]:
        """The stored figures with these natural keys, as column → value."""
        if not keys:
            return {}
        payload = orjson.dumps(keys).decode()  # enums by value, dates in ISO 8601
        if self.postgresql:
            # One JSON parameter here too: psycopg dumps a list into an array item by item, in Python.
            wanted = func.json_array_elements(_json(payload)).table_valued("value").alias("k")
            items = [wanted.c.value.op("->>", return_type=String())(n) for n in range(len(KEY_COLUMNS))]
            columns: list[ColumnElement[Any]] = [
                sql_cast(item, Date()) if isinstance(FIGURES.c[name].type, Date) else item
                for name, item in zip(KEY_COLUMNS, items, strict=True)
            ]
        else:
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
        if not figure_ids:
            return by_figure
        statement = select(CITATIONS).where(self._in(CITATIONS.c.trade_figure_id, figure_ids))
        for mapping in self.session.execute(statement).mappings():
            by_figure.setdefault(mapping["trade_figure_id"], []).append(dict(mapping))
        # TradeFigure.citations is ordered by char_start (where each engine puts NULLs), then as stored.
        nulls = float("inf") if self.postgresql else float("-inf")
        for citations in by_figure.values():
            citations.sort(key=lambda c: (nulls if c["char_start"] is None else c["char_start"], c["id"]))
        return by_figure

    def taken_ids(self, ids: Iterable[str]) -> set[str]:
        """Those of `ids` a figure has, or a deleted figure had (ids are not reused)."""
        wanted = sorted(ids)
        if not wanted:
            return set()
        taken = set(self.session.scalars(select(FIGURES.c.id).where(self._in(FIGURES.c.id, wanted))))
        deleted = select(REVISIONS.c.record_id).where(
            REVISIONS.c.record_type == RECORD_TYPE,
            REVISIONS.c.action == RevisionAction.delete,
            self._in(REVISIONS.c.record_id, wanted),
        )
        taken.update(self.session.scalars(deleted))
        if revisions.deletes_staged(self.session):  # deleted earlier in this transaction
            staged = revisions.STAGING.c
            deleted = select(staged.record_id).where(
                staged.record_type == RECORD_TYPE,
                staged.action == RevisionAction.delete.value,
                self._in(staged.record_id, wanted),
            )
            taken.update(self.session.scalars(deleted))
        return taken

    def documents(self, figure_ids: Sequence[str]) -> dict[str, dict[str, Any]]:
        """The stored search documents of these figures."""
        if not figure_ids:
            return {}
        statement = select(DOCUMENTS).where(
            DOCUMENTS.c.record_type == SearchRecordType.trade_figure,
            self._in(DOCUMENTS.c.record_id, figure_ids),
        )
        return {m["record_id"]: dict(m) for m in self.session.execute(statement).mappings()}

    def _in(self, column: ColumnElement[Any], values: Sequence[str]) -> ColumnElement[bool]:
        # One parameter, a JSON array: the statement is compiled once (an IN list of n parameters
        # is compiled anew for each n, which cost more than the lookup itself), and bound at once.
        payload = orjson.dumps(list(values)).decode()
        if self.postgresql:
            ids = func.json_array_elements_text(_json(payload))
        else:
            ids = func.json_each(bindparam(None, payload, type_=String()))
        return column.in_(select(ids.table_valued("value").c.value))

    # --- writes ---

    def insert(self, table: Table, columns: Sequence[str], rows: list[tuple[Any, ...]]) -> None:
        """Insert rows, tuples of the values of `columns`: PostgreSQL COPY, SQLite executemany, with
        no conversion on the way. So the values must be what both drivers take as they are: str (enums
        too), int, float, None; dates as ISO 8601 strings, JSON as its text."""
        if not rows:
            return
        if self.postgresql or not self._bulk or table is revisions.STAGING:  # STAGING: no constraints
            self._write(f'"{table.name}"', columns, rows)
            return
        if table is DOCUMENTS and self._fts_trigger is None:
            self._defer_fts()
        names = ", ".join(f'"{name}"' for name in columns)
        placeholders, values = _bindable(rows)
        statement = f'INSERT INTO main."{table.name}" ({names}) VALUES ({placeholders})'
        self._checked_after(table, statement, values)

    def _write(self, target: str, columns: Sequence[str], rows: list[tuple[Any, ...]]) -> None:
        """The rows into `target` as they are: PostgreSQL COPY, SQLite executemany."""
        names = ", ".join(f'"{name}"' for name in columns)
        connection = self.session.connection()
        if self.postgresql:
            driver = connection.connection.driver_connection
            assert driver is not None
            with driver.cursor() as cursor, cursor.copy(f"COPY {target} ({names}) FROM STDIN") as copy:
                write = copy.write_row
                for row in rows:
                    write(row)
            return
        placeholders, values = _bindable(rows)
        connection.exec_driver_sql(f"INSERT INTO {target} ({names}) VALUES ({placeholders})", values)

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
        if self._fts_trigger is not None:
            self._fill_fts()  # the update trigger takes the old row out of the index: it must be in it
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


def _larger_cache(connection: Connection) -> Callable[[], None]:
    """SQLITE_CACHE_KIB of page cache for the database and for its temporary tables (the staged
    revisions); returns what sets both back, once, on the driver's connection (no statement of the
    session's, whose transaction may be ending)."""
    driver = connection.connection.driver_connection
    assert driver is not None
    sizes = {
        schema: driver.execute(f"PRAGMA {schema}.cache_size").fetchone()[0] for schema in ("main", "temp")
    }
    for schema in sizes:
        driver.execute(f"PRAGMA {schema}.cache_size = -{SQLITE_CACHE_KIB}")
    restored = False

    def restore() -> None:
        nonlocal restored
        if not restored:
            restored = True
            for schema, size in sizes.items():
                driver.execute(f"PRAGMA {schema}.cache_size = {int(size)}")

    return restore


def _check_constraints(connection: Connection, table: str) -> str:
    """SQLite: the CHECK constraints of a table as the database has them, as one condition that is
    false for a row that fails any of them (a constraint that is NULL passes, as in a CHECK); "" when
    the table has none, or has one its definition did not yield."""
    sql = connection.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)
    ).scalar()
    checks = inspect(connection).get_check_constraints(table)
    if not checks or len(checks) != len(re.findall(r"\bCHECK\b", sql or "", re.IGNORECASE)):
        return ""
    return " AND ".join(f"({check['sqltext']})" for check in checks)


def _bindable(rows: list[tuple[Any, ...]]) -> tuple[str, list[tuple[Any, ...]]]:
    """SQLite: the VALUES list and the rows of an executemany, bound as fast as the driver binds.
    Python's sqlite3 binds an exact str, int or float as it is, but looks every other value up in its
    adapter registry first (a tuple built, a dict probed, two attribute lookups): None, and an enum
    member, which is a str of a subclass. A column None in every row is written as NULL in the
    statement, and a column of enum members is bound as their values, so neither is looked up."""
    marks, kept = [], []
    for values in zip(*rows, strict=True):
        kinds = set(map(type, values))
        if kinds == _NONE:
            marks.append("NULL")
            continue
        marks.append("?")
        if any(issubclass(kind, Enum) for kind in kinds):
            values = tuple(value._value_ if isinstance(value, Enum) else value for value in values)
        kept.append(values)
    bound = list(zip(*kept, strict=True)) if kept else [() for _ in rows]
    return ", ".join(marks), bound


_NONE = {type(None)}


def _json(payload: str) -> ColumnElement[Any]:
    """A JSON text as a PostgreSQL json value."""
    return sql_cast(bindparam(None, payload, type_=String()), JSON())


def _chunks(items: Sequence[T], size: int) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _rows(result: CursorResult[Any]) -> list[Any]:
    """The rows a statement returned (RETURNING), none for one that returns none."""
    return list(result) if result.returns_rows else []


def _deletion(log: str, figure_id: str) -> str:
    """SQL: a revision in the table `log` records the deletion of the figure whose id is `figure_id`."""
    return (
        f"SELECT 1 FROM {log} r WHERE r.record_type = '{RECORD_TYPE}' "
        f"AND r.record_id = {figure_id} AND r.action = '{RevisionAction.delete.value}'"
    )


def _analyze(connection: Connection) -> None:
    """SQLite: the trade figures' statistics, for the planner of every read after the import."""
    connection.exec_driver_sql("ANALYZE trade_figures")
