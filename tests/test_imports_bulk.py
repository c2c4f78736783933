"""What a large import does to the database on the way (app.imports.store), and undoes.

The indexes the import's own lookups do not read are dropped once it has inserted many figures and
built again at its end (PostgreSQL: the figures' only); SQLite: CHECK
constraints are tested once over the rows a statement inserted. Each test runs on both engines.
"""

import io
from typing import Any

import pytest
from sqlalchemy import Connection, Engine, event, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.curation import writes
from app.errors import Conflict
from app.imports import store
from app.imports.repository import ImportOptions, import_file
from app.imports.schemas import ImportReport
from app.models import TradeFigure
from app.revisions import ACTOR_KEY, LOAD_DEFERRED_INDEXES
from app.trade import repository as trade_repository

HEADER = "reporter,partner,indicator,period,value,value_upper,unit,bound,status\n"


def run(session: Session, content: str, **given: Any) -> ImportReport:
    stream = io.BytesIO(content.encode())
    options = ImportOptions(file_name="bulk.csv", actor="import:bulk.csv", **given)
    return import_file(session, stream, options)


def generated(rows: int, first_year: int = 1000) -> str:
    years = range(first_year, first_year + rows)
    return HEADER + "".join(f"AZ,KZ,exports,{year},{year},,USD,exact,reported\n" for year in years)


def schema(connection: Connection) -> list[tuple[Any, ...]]:
    """The indexes and triggers, with their SQL; the temporary tables."""
    if connection.dialect.name == "sqlite":
        query = (
            "SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') "
            "UNION ALL SELECT type, name, sql FROM sqlite_temp_master ORDER BY 1, 2"
        )
    else:
        query = (
            "SELECT tablename, indexname, indexdef FROM pg_indexes "
            "WHERE schemaname = current_schema() ORDER BY 2"
        )
    return [tuple(row) for row in connection.exec_driver_sql(query)]


def index_names(connection: Connection) -> set[str]:
    if connection.dialect.name == "sqlite":
        query = "SELECT name FROM sqlite_master WHERE type = 'index'"
    else:
        query = "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()"
    return set(connection.exec_driver_sql(query).scalars())


def deferred(connection: Connection) -> frozenset[str]:
    """The indexes a large import drops on this engine."""
    if connection.dialect.name == "sqlite":
        return store.DEFERRED_INDEXES
    return store.POSTGRESQL_DEFERRED_INDEXES


@pytest.fixture
def defer_early(monkeypatch: pytest.MonkeyPatch) -> None:
    """Indexes dropped once an import is expected to insert 15 figures, whatever the table held."""
    monkeypatch.setattr(store, "DEFER_INDEXES_AFTER", 15)
    monkeypatch.setattr(store, "DEFER_INDEXES_SHARE", 0.0)


@pytest.fixture
def seen_indexes(monkeypatch: pytest.MonkeyPatch, connection: Connection) -> list[set[str]]:
    """The indexes there were after each insert of figures."""
    seen: list[set[str]] = []
    insert = store.Store.insert_staged

    def spying(self: store.Store, table: Any, lines: list[int]) -> None:
        insert(self, table, lines)
        if table is store.FIGURES:
            seen.append(index_names(connection))

    monkeypatch.setattr(store.Store, "insert_staged", spying)
    return seen


@pytest.mark.usefixtures("defer_early")
def test_indexes_are_built_again_after_a_large_import(
    session: Session, connection: Connection, seen_indexes: list[set[str]]
) -> None:
    before = schema(connection)
    assert any(name == "ix_trade_figures_value" for _, name, _ in before)
    report = run(session, generated(30), batch_size=10)
    assert (report.applied, report.inserted) == (True, 30)
    assert schema(connection) == before
    # Dropped after the first batch (30 figures expected), the lookups' own indexes kept all along.
    assert len(seen_indexes) == 3
    assert seen_indexes[0] >= deferred(connection)
    assert not deferred(connection) & (seen_indexes[1] | seen_indexes[2])
    if connection.dialect.name == "postgresql":
        assert "ix_trade_figures_value" in store.POSTGRESQL_DEFERRED_INDEXES
        kept = {"ix_revisions_record", "uq_citations_trade_figure_id", "uq_trade_figures_natural_key"}
        kept |= {"ix_citations_source_id", "search_fts_typed"}
        assert all(kept <= seen for seen in seen_indexes)
        # The indexes built again hold every figure: the count by the index is the table's.
        count = "SELECT count(*) FROM trade_figures WHERE value >= 1000"
        connection.exec_driver_sql("SET LOCAL enable_indexscan = off")
        connection.exec_driver_sql("SET LOCAL enable_bitmapscan = off")
        by_table = connection.exec_driver_sql(count).scalar()
        connection.exec_driver_sql("SET LOCAL enable_indexscan = on")
        connection.exec_driver_sql("SET LOCAL enable_seqscan = off")
        assert "ix_trade_figures_value" in str(connection.exec_driver_sql(f"EXPLAIN {count}").all())
        assert connection.exec_driver_sql(count).scalar() == by_table >= 30
    else:
        kept = {"ix_revisions_record", "uq_citations_trade_figure_id", "sqlite_autoindex_trade_figures_2"}
        assert all(kept <= seen for seen in seen_indexes)
        # The indexes built again hold every figure: the query by value reads one.
        plan = connection.exec_driver_sql(
            "EXPLAIN QUERY PLAN SELECT id FROM trade_figures WHERE value > 1015 ORDER BY value"
        ).all()
        assert "ix_trade_figures_value" in str(plan)
        count = "SELECT count(*) FROM trade_figures {} WHERE value >= 1000"
        by_index = connection.exec_driver_sql(count.format("INDEXED BY ix_trade_figures_value")).scalar()
        assert by_index == connection.exec_driver_sql(count.format("NOT INDEXED")).scalar()
        assert connection.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"


@pytest.mark.usefixtures("defer_early")
def test_a_large_import_into_a_table_in_use_keeps_its_indexes_on_postgresql(
    session: Session, connection: Connection, seen_indexes: list[set[str]]
) -> None:
    """A table already holding DEFER_INDEXES_AFTER figures or more (here 30 of 15): on PostgreSQL its
    readers would wait behind DROP INDEX for the whole import, so a reload keeps the indexes; SQLite's
    readers keep their snapshot (WAL), so it drops them as in a first load."""
    run(session, generated(30), batch_size=10)
    seen_indexes.clear()
    report = run(session, generated(30, first_year=1100), batch_size=10)
    assert (report.applied, report.inserted) == (True, 30)
    assert len(seen_indexes) == 3
    if connection.dialect.name == "postgresql":
        assert all(seen >= deferred(connection) for seen in seen_indexes)
    else:
        assert not deferred(connection) & seen_indexes[1]


@pytest.mark.usefixtures("defer_early")
def test_a_first_load_moves_its_revisions_with_their_indexes_built_after_on_postgresql(
    session: Session, connection: Connection
) -> None:
    """On PostgreSQL a first load (its figures' indexes dropped) whose revisions outnumber those
    stored moves them at commit with `revisions`' indexes dropped, and builds them again after;
    SQLite keeps them."""
    before = schema(connection)
    dropped: list[str] = []

    def note(_connection: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.startswith("DROP INDEX"):
            dropped.append(statement)

    event.listen(connection, "before_cursor_execute", note)
    try:
        report = run(session, generated(30), batch_size=10)
        session.commit()
    finally:
        event.remove(connection, "before_cursor_execute", note)
    assert (report.applied, report.inserted) == (True, 30)
    assert schema(connection) == before
    revision_indexes = {name for name in LOAD_DEFERRED_INDEXES if any(name in sql for sql in dropped)}
    if connection.dialect.name == "postgresql":
        assert (
            revision_indexes
            == LOAD_DEFERRED_INDEXES
            == {
                "ix_revisions_record",
                "ix_revisions_type",
                "ix_revisions_changed_at",
            }
        )
        # Built again holding every revision: the count through an index is the table's.
        count = "SELECT count(*) FROM revisions WHERE record_type = 'trade_figure'"
        connection.exec_driver_sql("SET LOCAL enable_indexscan = off")
        connection.exec_driver_sql("SET LOCAL enable_bitmapscan = off")
        by_table = connection.exec_driver_sql(count).scalar()
        connection.exec_driver_sql("SET LOCAL enable_indexscan = on")
        connection.exec_driver_sql("SET LOCAL enable_seqscan = off")
        assert "ix_revisions_" in str(connection.exec_driver_sql(f"EXPLAIN {count}").all())
        assert connection.exec_driver_sql(count).scalar() == by_table >= 30
    else:
        assert not revision_indexes


def test_a_small_import_keeps_the_indexes(
    session: Session, connection: Connection, monkeypatch: pytest.MonkeyPatch, seen_indexes: list[set[str]]
) -> None:
    """Too few figures expected (here 30 of 40 wanted): the indexes are kept up row by row."""
    monkeypatch.setattr(store, "DEFER_INDEXES_AFTER", 40)
    run(session, generated(30), batch_size=10)
    assert len(seen_indexes) == 3
    assert all(seen >= deferred(connection) for seen in seen_indexes)


@pytest.mark.usefixtures("defer_early")
def test_a_reader_holding_the_table_past_the_lock_wait_leaves_the_indexes_kept(
    engine: Engine, session: Session, connection: Connection, seen_indexes: list[set[str]]
) -> None:
    """PostgreSQL: DROP INDEX waits for the figures' readers; past the session's lock_timeout the
    import goes on with every index kept up row by row, and succeeds."""
    if connection.dialect.name != "postgresql":
        pytest.skip("SQLite's readers never hold a lock a writer waits for (WAL)")
    before = schema(connection)
    with engine.connect() as reader:
        reader.exec_driver_sql("SELECT count(*) FROM trade_figures").scalar()  # holds ACCESS SHARE
        connection.exec_driver_sql("SET LOCAL lock_timeout = '100ms'")
        report = run(session, generated(30), batch_size=10)
        reader.rollback()
    assert (report.applied, report.inserted) == (True, 30)
    assert len(seen_indexes) == 3
    assert all(seen >= deferred(connection) for seen in seen_indexes)
    assert schema(connection) == before


@pytest.mark.usefixtures("defer_early")
def test_a_crash_brings_the_indexes_back(
    session: Session, connection: Connection, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = schema(connection)
    calls = {"n": 0}
    insert = store.Store.insert_staged

    def failing(self: store.Store, table: Any, lines: list[int]) -> None:
        if table is store.FIGURES:
            calls["n"] += 1
            if calls["n"] == 3:  # the indexes were dropped after the first batch
                raise RuntimeError("killed")
        insert(self, table, lines)

    monkeypatch.setattr(store.Store, "insert_staged", failing)
    with pytest.raises(RuntimeError):
        run(session, generated(30), batch_size=10)
    assert schema(connection) == before


@pytest.mark.usefixtures("defer_early")
def test_a_rejected_import_brings_the_indexes_back(session: Session, connection: Connection) -> None:
    before = schema(connection)
    content = generated(30) + "AZ,KZ,exports,2500,1,,USD,nearly,reported\n"
    report = run(session, content, batch_size=10)
    assert (report.applied, report.rejected) == (False, 1)
    assert schema(connection) == before


@pytest.mark.usefixtures("defer_early")
def test_statistics_of_the_indexes_are_kept(session: Session, connection: Connection) -> None:
    """SQLite deletes the sqlite_stat1 rows of an index it drops: the import puts them back."""
    if connection.dialect.name != "sqlite":
        pytest.skip("SQLite's ANALYZE")
    run(session, generated(20, first_year=500), batch_size=10)
    connection.exec_driver_sql("ANALYZE")
    query = "SELECT tbl, idx, stat FROM sqlite_stat1 WHERE tbl = 'trade_figures' ORDER BY idx"
    before = connection.exec_driver_sql(query).all()
    assert {"ix_trade_figures_value", "ix_trade_figures_pair"} <= {idx for _, idx, _ in before}
    run(session, generated(30), batch_size=10)
    assert connection.exec_driver_sql(query).all() == before


def test_an_index_not_of_the_models_is_left_alone(
    session: Session, connection: Connection, defer_early: None, seen_indexes: list[set[str]]
) -> None:
    connection.execute(text("CREATE INDEX ix_trade_figures_by_hand ON trade_figures (value_upper)"))
    before = schema(connection)
    run(session, generated(30), batch_size=10)
    assert schema(connection) == before
    assert all("ix_trade_figures_by_hand" in seen for seen in seen_indexes)


def test_constraints_hold_in_a_bulk_insert(session: Session, connection: Connection) -> None:
    """The rows of a bulk insert still meet every constraint of the table (here a unit not listed)."""
    bulk = store.Store(session)
    row = ("az-kz-bad-unit", "AZ", "KZ", "exports", "TOTAL", "2001-01-01", "2001-12-31", "year", 1.0, None)
    row += ("roubles", "exact", "reported", None, None, None, None, "")
    columns = (
        "id",
        "reporter_id",
        "partner_id",
        "indicator",
        "commodity",
        "period_start",
        "period_end",
        "period_kind",
        "value",
        "value_upper",
        "unit",
        "bound",
        "status",
        "compared_period_start",
        "compared_period_end",
        "note_en",
        "note_ru",
        "search_text",
    )
    savepoint = session.begin_nested()
    # PostgreSQL's COPY raises the driver's error, SQLite's statement SQLAlchemy's: both name it.
    with pytest.raises(Exception, match="ck_trade_figures_unit"), bulk.bulk():
        bulk.insert(store.FIGURES, columns, [row])
    savepoint.rollback()


# A figure as the stage holds it: the values of store.STAGE_COLUMNS but the line and id.
STAGED_FIGURE = {
    "reporter_id": "AZ",
    "partner_id": "KZ",
    "indicator": "exports",
    "commodity": "TOTAL",
    "period_start": "2001-01-01",
    "period_end": "2001-12-31",
    "period_kind": "year",
    "value": 1.0,
    "unit": "USD",
    "bound": "exact",
    "status": "reported",
}


def staged(line: int, changed: dict[str, Any]) -> tuple[Any, ...]:
    values = {"line": line, "figure_id": f"staged-{line}", "search_text": ""} | STAGED_FIGURE | changed
    return tuple(values.get(name) for name in store.STAGE_COLUMNS)


@pytest.mark.parametrize(
    ("changed", "constraint"),
    [
        ({"unit": "roubles"}, "ck_trade_figures_unit"),
        ({"bound": "range", "value_upper": 0.5}, "ck_trade_figures_bound_values"),
        ({"period_end": "2000-12-31"}, "ck_trade_figures_period_order"),
        ({"partner_id": "AZ"}, "ck_trade_figures_distinct_countries"),
        ({"aggregate_level": 13}, "ck_trade_figures_aggregate_level_range"),
    ],
)
def test_staged_figures_meet_every_check_constraint(
    session: Session, connection: Connection, changed: dict[str, Any], constraint: str
) -> None:
    """SQLite tests the figures' CHECK constraints once over the rows inserted, not row by row: a row
    that fails one is refused all the same, by the database's own error naming it."""
    bulk = store.Store(session)
    savepoint = session.begin_nested()
    with pytest.raises(IntegrityError, match=constraint), bulk.bulk():
        bulk.stage([staged(1, {}), staged(2, {"commodity": "2709"} | changed)])
        bulk.insert_staged(store.FIGURES, [1, 2])
    savepoint.rollback()
    if connection.dialect.name == "sqlite":
        assert connection.exec_driver_sql("PRAGMA ignore_check_constraints").scalar() == 0


def test_staged_figures_that_meet_the_constraints_are_inserted(
    session: Session, connection: Connection
) -> None:
    bulk = store.Store(session)
    with bulk.bulk():
        bulk.stage([staged(1, {}), staged(2, {"commodity": "2709", "bound": "range", "value_upper": 2.0})])
        bulk.insert_staged(store.FIGURES, [1, 2])
    stored = connection.exec_driver_sql(
        "SELECT id, commodity, value_upper FROM trade_figures "
        "WHERE id IN ('staged-1', 'staged-2') ORDER BY id"
    )
    assert [tuple(row) for row in stored] == [("staged-1", "TOTAL", None), ("staged-2", "2709", 2.0)]
    if connection.dialect.name == "sqlite":
        assert connection.exec_driver_sql("PRAGMA ignore_check_constraints").scalar() == 0


def test_a_search_document_that_fails_a_check_is_refused(session: Session, connection: Connection) -> None:
    """The documents' constraints are tested after their batch too: a row that fails one is refused by
    the database's own error, and the full-text index is left as it was."""
    bulk = store.Store(session)
    columns = ("record_type", "record_id", "title_en", "title_ru", "text", "stems")
    good = ("trade_figure", "staged-1", "Exports", "Экспорт", "Exports", "export")
    bad = ("no_such_type", "staged-2", "Exports", "Экспорт", "Exports", "export")
    fts = "SELECT count(*) FROM search_fts" if connection.dialect.name == "sqlite" else "SELECT 0"
    indexed = connection.exec_driver_sql(fts).scalar()
    savepoint = session.begin_nested()
    # PostgreSQL's COPY raises the driver's error, SQLite's statement SQLAlchemy's: both name it.
    with pytest.raises(Exception, match="ck_search_documents_search_record_type"), bulk.bulk():
        bulk.insert(store.DOCUMENTS, columns, [good, bad])
    savepoint.rollback()
    assert connection.exec_driver_sql(fts).scalar() == indexed


def test_check_constraints_are_read_whole_or_not_at_all(connection: Connection) -> None:
    """A table whose CHECK constraints cannot each be read from its definition (here the word in a
    default's text looks like one more) has its rows checked by SQLite as they are inserted."""
    if connection.dialect.name != "sqlite":
        pytest.skip("SQLite reads the CHECK constraints of its tables' definitions")
    connection.exec_driver_sql("CREATE TABLE unclear (a DEFAULT 'no check', CHECK (a > 0))")
    connection.exec_driver_sql("CREATE TABLE two_checks (a, CONSTRAINT small CHECK (a < 10), CHECK (a > 0))")
    assert store._check_constraints(connection, "unclear") == ""
    assert store._check_constraints(connection, "two_checks") == "(a < 10) AND (a > 0)"


def test_only_rows_that_change_a_figure_are_fetched(
    session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The staged rows are compared with the stored figures in SQL: the figures a file leaves as they
    are (here those of a first import, read again) are not read into Python."""
    fetched: list[Any] = []
    figures_by_key = store.Store.figures_by_key

    def spying(self: store.Store, keys: Any) -> Any:
        fetched.extend(keys)
        return figures_by_key(self, keys)

    monkeypatch.setattr(store.Store, "figures_by_key", spying)
    run(session, generated(30), batch_size=10)
    again = run(session, generated(30), batch_size=10)
    assert (again.unchanged, fetched) == (30, [])
    # Another file: each figure cites it too, so each is read (and its citations compared).
    changed = generated(30).replace("AZ,KZ,exports,1005,1005,", "AZ,KZ,exports,1005,7,")
    assert run(session, changed, batch_size=10).updated == 30
    assert sorted(key[4].year for key in fetched) == list(range(1000, 1030))


def test_postgresql_counts_a_growing_table(
    session: Session, connection: Connection, monkeypatch: pytest.MonkeyPatch
) -> None:
    """PostgreSQL: the import refreshes the planner's statistics of the tables it grows (the columns
    its lookups filter on), so that it goes on looking figures up by index."""
    if connection.dialect.name != "postgresql":
        pytest.skip("PostgreSQL's ANALYZE")
    monkeypatch.setattr(store, "ANALYZE_AFTER", 10)
    monkeypatch.setattr(store, "ANALYZE_GROWTH", 0.0)
    run(session, generated(30), batch_size=10)
    # (Revisions reach their table only when the import's transaction commits.)
    for table in ("trade_figures", "citations", "search_documents"):
        counted = connection.exec_driver_sql(
            f"SELECT reltuples FROM pg_class WHERE oid = '{table}'::regclass"
        )
        assert counted.scalar() == connection.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar()
    analyzed = (
        "SELECT attname FROM pg_stats WHERE schemaname = current_schema() AND tablename = 'trade_figures'"
    )
    assert "reporter_id" in set(connection.exec_driver_sql(analyzed).scalars())


def test_a_figure_deleted_during_the_import_is_a_conflict(
    session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A figure matched in SQL but gone when its row is read (another transaction deleted it between
    the two statements) rejects the import with a 409 to retry, not an error without an answer."""
    run(session, generated(3), batch_size=10)
    monkeypatch.setattr(store.Store, "figures_by_key", lambda self, keys: {})
    with pytest.raises(Conflict, match="deleted while this file was imported"):
        run(session, generated(3).replace("AZ,KZ,exports,1001,1001,", "AZ,KZ,exports,1001,9,"), batch_size=10)


def test_a_large_import_leaves_statistics_for_the_planner(
    session: Session, connection: Connection, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SQLite plans by sqlite_stat1: without it, `period_kind = 'year'` looks as selective as an id."""
    if connection.dialect.name != "sqlite":
        pytest.skip("SQLite's ANALYZE")
    monkeypatch.setattr(store, "ANALYZE_AFTER", 30)
    run(session, generated(20), batch_size=10)
    assert "trade_figures" not in _analyzed(connection)
    run(session, generated(40, first_year=1100), batch_size=10)
    assert "ix_trade_figures_period_kind" in _analyzed(connection)["trade_figures"]


def _analyzed(connection: Connection) -> dict[str, set[str]]:
    """The indexes sqlite_stat1 holds statistics of, by table."""
    found: dict[str, set[str]] = {}
    if _has_stats(connection):
        for table, index in connection.exec_driver_sql("SELECT tbl, idx FROM sqlite_stat1"):
            found.setdefault(table, set()).add(index)
    return found


def _has_stats(connection: Connection) -> bool:
    found = "SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'"
    return connection.exec_driver_sql(found).first() is not None


def test_new_rows_after_a_batch_of_stored_ones_get_their_ids_and_search_texts(session: Session) -> None:
    """A batch that held no new figure makes the next one staged without the ids and search texts
    of new figures (a file imported again); the new rows it holds after all get them all the same."""
    run(session, generated(6), batch_size=3)
    rows = (generated(6) + generated(2, first_year=1100).removeprefix(HEADER)).removeprefix(HEADER)
    extended = "id," + HEADER + "".join(f",{line}\n" for line in rows.splitlines())
    extended += "own-1200,AZ,KZ,exports,1200,5,,USD,exact,reported\n"
    report = run(session, extended, batch_size=3)
    assert (report.inserted, report.updated) == (3, 6)  # another file: each figure cites it too
    added = session.execute(
        text(
            "SELECT f.id, f.search_text, d.record_id FROM trade_figures f LEFT JOIN search_documents d "
            "ON d.record_type = 'trade_figure' AND d.record_id = f.id "
            "WHERE f.period_start >= '1100-01-01' AND f.period_end <= '1200-12-31' ORDER BY f.id"
        )
    ).all()
    assert [(figure_id, document) for figure_id, _, document in added] == [
        ("az-kz-exports-1100", "az-kz-exports-1100"),
        ("az-kz-exports-1101", "az-kz-exports-1101"),
        ("own-1200", "own-1200"),
    ]
    stored = session.scalar(text("SELECT search_text FROM trade_figures WHERE id = 'az-kz-exports-1000'"))
    assert stored and {search_text for _, search_text, _ in added} == {stored}


def test_a_first_import_inserts_its_figures_before_looking_any_up(
    session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A batch of new rows is inserted as it is staged (ON CONFLICT DO NOTHING): only the rows it did
    not insert, those of stored figures here, are compared with the stored figures."""
    compared: list[Any] = []
    stored_matches = store.Store.stored_matches

    def spying(self: store.Store, source_id: str, lines: list[int] | None = None) -> Any:
        compared.append(lines)
        return stored_matches(self, source_id, lines)

    monkeypatch.setattr(store.Store, "stored_matches", spying)
    assert run(session, generated(20), batch_size=10).inserted == 20
    assert compared == []
    report = run(session, generated(12, first_year=1015), batch_size=10)
    assert (report.inserted, report.updated) == (7, 5)  # another file: cited by the stored five too
    # The first batch: 1015–1019 stored, 1020–1024 new; the second batch all new.
    assert compared == [[2, 3, 4, 5, 6]]
    ids = session.scalars(text("SELECT id FROM trade_figures WHERE id LIKE 'az-kz-exports-10__%'"))
    assert sorted(ids) == [f"az-kz-exports-{year}" for year in range(1000, 1027)]


@pytest.mark.parametrize("committed", [False, True], ids=["deleted-in-this-transaction", "committed"])
def test_a_new_figure_never_takes_a_deleted_figures_id(session: Session, committed: bool) -> None:
    """A new row whose figure's id a deleted figure had gets the next free one, as in a batch planned
    row by row; the batch's other new figures are inserted once."""
    run(session, generated(3), batch_size=10)
    session.info[ACTOR_KEY] = "curator"
    deleted = session.get(TradeFigure, "az-kz-exports-1001", populate_existing=True)
    assert deleted is not None
    writes.delete(session, trade_repository.WRITABLE, deleted, "*")
    if committed:  # the deletion's revision in `revisions`, no longer among the staged ones
        session.commit()
    report = run(session, generated(5), batch_size=10)
    assert (report.applied, report.inserted, report.updated) == (True, 3, 2)  # another file
    ids = session.scalars(text("SELECT id FROM trade_figures WHERE id LIKE 'az-kz-exports-%'"))
    assert sorted(ids) == [
        "az-kz-exports-1000",
        "az-kz-exports-1001-2",
        "az-kz-exports-1002",
        "az-kz-exports-1003",
        "az-kz-exports-1004",
    ]


def test_a_batch_with_a_bad_row_leaves_no_figure_inserted_early(session: Session) -> None:
    """A row found wrong only once the batch's new figures are in (it gives a stored figure another
    id) rejects the file; the figures inserted before are taken out at once, so the rows of later
    batches are checked against the database as it was."""
    run(session, generated(1), batch_size=10)
    row = "{},AZ,KZ,exports,{year},{year},,USD,exact,reported\n"
    content = "id," + HEADER + row.format("", year=1001) + row.format("", year=1002)
    content += row.format("renamed", year=1000) + row.format("", year=1004)
    content += row.format("az-kz-exports-1001", year=1010)  # the next batch: 1001 is not taken
    report = run(session, content, batch_size=4)
    assert not report.applied
    assert [(error.line, error.field) for error in report.errors] == [(4, "id")]
    ids = session.scalars(text("SELECT id FROM trade_figures WHERE id LIKE 'az-kz-exports-%'"))
    assert list(ids) == ["az-kz-exports-1000"]
