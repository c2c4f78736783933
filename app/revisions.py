"""Every change to a curated record becomes a revision, in the same transaction as the change.

A `before_flush` hook on every Session sees what the flush will create, change and delete, and stages
one revision per record with the fields before and after. So the seed, the API and imports cannot
change data without leaving history and invalidating caches. Who made the change is
`session.info["actor"]` (an API key's name, "seed", "import:<file>").

Revisions wait in a temporary table of the connection (`pending_revisions`: transactional, so a
rolled-back savepoint takes its rows with it) until the transaction commits. Then, as its last step,
`before_commit` bumps the data version, which on PostgreSQL locks the one `data_state` row until the
COMMIT that follows, and moves the staged rows into `revisions` under that lock. So change ids are
handed out in commit order (a reader never sees id n+1 while id n is still to come), `changed_at` is
the commit time, and a long import holds the lock only for its last step, not from its first write.
"""

import sqlite3
from datetime import date, datetime
from enum import Enum
from typing import Any, cast

from sqlalchemy import (
    JSON,
    Column,
    Connection,
    Integer,
    MetaData,
    String,
    Table,
    event,
    insert,
    inspect,
    select,
)
from sqlalchemy.orm import LoaderCallableStatus, Mapper, Session, SessionTransaction, UOWTransaction
from sqlalchemy.pool import Pool

from app import datastate
from app.db import drop_for_load, postgresql_indexes
from app.models import (
    Agreement,
    Citation,
    ContestedValue,
    Event,
    EventCode,
    InfrastructureProject,
    Organization,
    Person,
    Place,
    Revision,
    RevisionAction,
    Source,
    TradeFigure,
)

RECORD_TYPES: dict[type, str] = {
    Event: "event",
    Agreement: "agreement",
    TradeFigure: "trade_figure",
    InfrastructureProject: "infrastructure_project",
    Organization: "organization",
    Person: "person",
    Place: "place",
    Source: "source",
}
# Derived or bookkeeping attributes: not part of what a record says.
_NOT_CONTENT = {"search_text", "version", "source_count", "support"}
ACTOR_KEY = "actor"
# Set with the actor when a change comes from accepting a candidate: {"candidate_id", "extractor_version"}.
ORIGIN_KEY = "origin"


def _plain(value: Any) -> Any:
    """A JSON-able form of one attribute value (related records by id, citations by quote)."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, Citation):
        return {
            "source_id": value.source_id,
            "quote": value.quote,
            "paragraph": value.paragraph,
            "line": value.line,
        }
    if isinstance(value, EventCode):
        return {
            "scheme": value.scheme,
            "code": value.code,
            "label": value.label,
            "intensity": value.intensity,
            "url": value.url,
        }
    if isinstance(value, ContestedValue):
        return {
            "field": value.field,
            "value": value.value,
            "source_id": value.source_id,
            "quote": value.quote,
        }
    if hasattr(value, "sector"):
        return str(value.sector)
    if hasattr(value, "id") and not isinstance(value, int | str | float):
        return value.id
    return value


Attributes = tuple[list[str], set[str], dict[str, str]]
_ATTRIBUTES: dict[type, Attributes] = {}


def _attributes(model: type) -> Attributes:
    """The record's content: its columns, its to-many relations (countries, citations, …), and the
    to-one relations that set a column (`location` sets `location_id`), by column."""
    known = _ATTRIBUTES.get(model)
    if known is None:
        known = _ATTRIBUTES[model] = _content(model)
    return known


def _content(model: type) -> Attributes:
    mapper: Mapper[Any] = inspect(model)
    columns = [attr.key for attr in mapper.column_attrs if attr.key not in _NOT_CONTENT]
    # `Event.agreements` is the agreements' side of a link each agreement records itself.
    relations = {rel.key for rel in mapper.relationships if rel.uselist and rel.key != "agreements"}
    references = {
        str(next(iter(rel.local_columns)).key): rel.key
        for rel in mapper.relationships
        if not rel.uselist and len(rel.local_columns) == 1 and rel.direction.name == "MANYTOONE"
    }
    return columns + sorted(relations), relations, references


def _plain_list(items: list[Any]) -> list[Any]:
    return sorted((_plain(item) for item in items), key=repr)


def _snapshot(record: Any) -> dict[str, Any]:
    """Every loaded content attribute, as plain values."""
    state = inspect(record)
    names, relations, references = _attributes(type(record))
    snapshot: dict[str, Any] = {}
    for key in names:
        value = state.attrs[key].loaded_value
        if key in references:
            # A reference set through its relation reaches the column only when the flush runs.
            reference = state.attrs[references[key]].history
            if reference.added:
                value = reference.added[0]
        if value is LoaderCallableStatus.NO_VALUE:
            continue
        snapshot[key] = _plain_list(value) if key in relations else _plain(value)
    return snapshot


def _changes(record: Any) -> dict[str, list[Any]]:
    """{field: [before, after]} for what this flush changes."""
    state = inspect(record)
    names, relations, references = _attributes(type(record))
    changes: dict[str, list[Any]] = {}
    for key in names:
        history = state.attrs[key].history
        old: Any
        new: Any
        if key in references and (reference := state.attrs[references[key]].history).added:
            # Changed through its relation (`event.location = place`): the column still holds the
            # value before, and the relation the value after.
            before = history.deleted[0] if history.deleted else state.attrs[key].loaded_value
            old = None if before is LoaderCallableStatus.NO_VALUE else _plain(before)
            new = _plain(reference.added[0])
        elif not history.has_changes():
            continue
        elif key in relations:
            old = _plain_list([*history.unchanged, *history.deleted])
            new = _plain_list([*history.unchanged, *history.added])
        else:
            old = _plain(history.deleted[0]) if history.deleted else None
            new = _plain(history.added[0]) if history.added else None
        if old != new:
            changes[key] = [old, new]
    return changes


def created(content: dict[str, Any]) -> dict[str, list[Any]]:
    """A create revision's changes: each field the new record has, as `[None, value]`. Every writer
    (this hook, the bulk importer) builds them here. A field without a value (None, an empty list)
    is left out: tested as `is not None and != []` rather than `not in (None, [])`, whose tuple
    compares every value with None by `==` too, which an enum member or a date answers only after
    both sides' comparisons are tried (an import builds one per figure, about twenty fields each)."""
    return {key: [None, value] for key, value in content.items() if value is not None and value != []}


def deleted(content: dict[str, Any]) -> dict[str, list[Any]]:
    """A delete revision's changes: each field the record had, as `[value, None]`."""
    return {key: [value, None] for key, value in content.items() if value is not None and value != []}


@event.listens_for(Session, "before_flush")
def _record_revisions(session: Session, _flush: UOWTransaction, _instances: Any) -> None:
    actor = str(session.info.get(ACTOR_KEY, "system"))
    origin = session.info.get(ORIGIN_KEY)
    revisions = []
    for record in session.new:
        record_type = RECORD_TYPES.get(type(record))
        if record_type:
            revisions.append((record_type, record.id, RevisionAction.create, created(_snapshot(record))))
    for record in session.dirty:
        record_type = RECORD_TYPES.get(type(record))
        if record_type and session.is_modified(record):
            changes = _changes(record)
            if changes:
                revisions.append((record_type, record.id, RevisionAction.update, changes))
    for record in session.deleted:
        record_type = RECORD_TYPES.get(type(record))
        if record_type:
            revisions.append((record_type, record.id, RevisionAction.delete, deleted(_snapshot(record))))
    if not revisions:
        return
    rows = [
        {**dict(zip(STAGING_COLUMNS, (t, i, a.value, actor, c), strict=True)), "origin": origin}
        for t, i, a, c in revisions
    ]
    session.connection().execute(insert(STAGING), rows)
    actions = {action for _, _, action, _ in revisions}
    staged(session, deletes=RevisionAction.delete in actions, creates_only=actions == {RevisionAction.create})


# --- staging: revisions wait for the commit ---

# Not part of the schema (no migration): each connection has its own, made when it connects.
STAGING = Table(
    "pending_revisions",
    MetaData(),
    Column("seq", Integer),  # no primary key here: an insert need not return it
    Column("record_type", String),
    Column("record_id", String),
    Column("action", String),
    Column("actor", String),
    Column("changes", JSON),
    Column("origin", JSON),
)
STAGING_COLUMNS = ("record_type", "record_id", "action", "actor", "changes")
_STAGED, _DELETES_STAGED, _CHANGED = "revisions_staged", "revision_deletes_staged", "data_changed"
_DISCARDED, _LOAD = "savepoint_rolled_back", "revisions_load"
_CHANGES_STAGED = "revision_changes_staged"
_FLAGS = (_STAGED, _DELETES_STAGED, _CHANGES_STAGED, _CHANGED, _DISCARDED, _LOAD)
# Built again after a load's move rather than kept up row by row (`load`).
LOAD_DEFERRED_INDEXES = frozenset(
    index.name
    for index in cast(Table, Revision.__table__).indexes
    if isinstance(index.name, str) and not index.unique
)
_NAMES = ", ".join((*STAGING_COLUMNS, "origin"))
# Untyped columns on SQLite (values keep the form they were bound in, as `revisions` takes them);
# ON COMMIT DELETE ROWS on PostgreSQL, so that after a large import the table is truncated rather than
# left full of dead rows every later commit on the connection would scan (no autovacuum for TEMP).
_CREATE = {
    "sqlite": f"CREATE TEMP TABLE IF NOT EXISTS pending_revisions (seq INTEGER PRIMARY KEY, {_NAMES})",
    "postgresql": "CREATE TEMP TABLE IF NOT EXISTS pending_revisions (seq bigint GENERATED ALWAYS AS "
    "IDENTITY, record_type text NOT NULL, record_id text NOT NULL, action text NOT NULL, "
    "actor text NOT NULL, changes json NOT NULL, origin json) ON COMMIT DELETE ROWS",
}
_COMMIT_TIME = "(SELECT changed_at FROM data_state WHERE id = 1)"
_MOVE = {
    "sqlite": [
        f"INSERT INTO main.revisions ({_NAMES}, changed_at) "
        f"SELECT {_NAMES}, {_COMMIT_TIME} FROM temp.pending_revisions ORDER BY seq",
        "DELETE FROM temp.pending_revisions",
    ],
    # One statement: the rows are read once, and deleted for a transaction that goes on (a test's
    # outer transaction, where this commit only releases a savepoint).
    "postgresql": [
        "WITH moved AS (DELETE FROM pg_temp.pending_revisions RETURNING *) "
        f"INSERT INTO revisions ({_NAMES}, changed_at) "
        f"SELECT {_NAMES}, {_COMMIT_TIME} FROM moved ORDER BY seq",
    ],
}


@event.listens_for(Pool, "connect")
def _create_staging(dbapi_connection: Any, _record: Any) -> None:
    """Made outside any transaction, so that no rollback can take the table away."""
    dialect = "sqlite" if isinstance(dbapi_connection, sqlite3.Connection) else "postgresql"
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(_CREATE[dialect])
    finally:
        cursor.close()
    if dialect == "postgresql" and not dbapi_connection.autocommit:
        dbapi_connection.commit()


def staged(session: Session, deletes: bool = False, creates_only: bool = False) -> None:
    """Say that revisions were written to STAGING in this session's transaction (the importer writes
    its own, in bulk); `deletes`, that some record a delete; `creates_only`, that all of them record
    a create (what `creates_only_staged` answers)."""
    session.info[_STAGED] = True
    if deletes:
        session.info[_DELETES_STAGED] = True
    if not creates_only:
        session.info[_CHANGES_STAGED] = True


def load(session: Session) -> None:
    """Say that this transaction is a bulk load into a table readers do not use yet (a first import
    of trade figures, app.imports.store), whose revisions outnumber those stored: on PostgreSQL the
    move at commit drops `revisions`' indexes and builds them again after, one sorted pass each
    instead of an insert into each per row. Readers of revisions wait for the commit meanwhile."""
    session.info[_LOAD] = True


def creates_only_staged(session: Session) -> bool:
    """Whether every revision staged in this transaction records a create (none of a record that
    existed before it): kept when a savepoint that staged others is rolled back, so a "no" may be
    needlessly cautious, never a "yes" wrong."""
    return bool(session.info.get(_STAGED)) and not session.info.get(_CHANGES_STAGED)


def deletes_staged(session: Session) -> bool:
    """Whether revisions of deletions may wait in STAGING: readers of deleted ids must look there too."""
    return bool(session.info.get(_DELETES_STAGED))


def changed(session: Session) -> None:
    """Say that the data changed without a revision (the countries, the search index): the data
    version moves when the transaction commits, as it does for a change with revisions."""
    session.info[_CHANGED] = True


@event.listens_for(Session, "before_commit")
def _publish(session: Session) -> None:
    if session.in_nested_transaction():
        return  # a savepoint: the transaction goes on
    # Commit flushes only after this hook: flush now, so that its revisions are staged in time.
    session.flush()
    if not session.info.get(_STAGED) and not session.info.get(_CHANGED):
        return
    connection = session.connection()
    if not session.info.get(_CHANGED) and session.info.get(_DISCARDED) and not _any_staged(connection):
        return  # staged in savepoints since rolled back (a rejected import): nothing changed
    # Before the lock: the stored export lines of what changed, in this transaction.
    export_lines.refresh_changed(session)
    # The transaction's last step: the lock that orders writers first, then ids and commit time.
    datastate.advance(connection)
    indexes: dict[str, str] = {}
    if session.info.get(_LOAD) and connection.dialect.name == "postgresql":
        indexes = drop_for_load(connection, postgresql_indexes(connection, LOAD_DEFERRED_INDEXES))
    for statement in _MOVE[connection.dialect.name]:
        connection.exec_driver_sql(statement)
    for sql in indexes.values():
        connection.exec_driver_sql(sql)


def _any_staged(connection: Connection) -> bool:
    return connection.scalar(select(STAGING.c.seq).limit(1)) is not None


@event.listens_for(Session, "after_soft_rollback")
def _note_discarded(session: Session, previous_transaction: SessionTransaction) -> None:
    if previous_transaction.nested:
        session.info[_DISCARDED] = True


@event.listens_for(Session, "after_transaction_end")
def _forget(session: Session, transaction: SessionTransaction) -> None:
    if transaction.parent is None:
        for key in _FLAGS:
            session.info.pop(key, None)


# Last: it keeps its lines at the commit step above, and reads this module's STAGING.
from app import export_lines  # noqa: E402
