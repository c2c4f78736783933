"""The data version: bumped with every change, read for Last-Modified and cache validity."""

from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any, Generic, TypeVar

from sqlalchemy import (
    URL,
    ColumnElement,
    Connection,
    Engine,
    Select,
    Update,
    case,
    literal,
    literal_column,
    select,
    type_coerce,
    update,
)
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session
from sqlalchemy.sql.sqltypes import NullType

from app.db import READ_ONLY, DriverStatement, rows_together, take_pinged_row
from app.models import DataState

T = TypeVar("T")


@dataclass(frozen=True)
class Version:
    number: int
    changed_at: datetime


def _advance(now: datetime) -> Update:
    # Never back in time (a clock set back, a commit that began before another's): changed_at orders
    # the change feed as its ids do.
    moment = literal(now, DataState.changed_at.type)
    later = case((DataState.changed_at > moment, DataState.changed_at), else_=moment)
    return update(DataState).where(DataState.id == 1).values(version=DataState.version + 1, changed_at=later)


def advance(connection: Connection) -> None:
    """Move the data version, now. On PostgreSQL this locks the row until the transaction ends, which
    orders writers: app.revisions does it as a transaction's last step, just before COMMIT."""
    connection.execute(_advance(datetime.now(UTC).replace(microsecond=0)))


def bump(session: Session) -> Version:
    """Move the data version inside the caller's transaction, at once (writers mark a change with
    app.revisions.changed instead, which moves it at commit)."""
    advance(session.connection())
    return current(session)


# Built once, run on the driver's cursor in the session's transaction: every read request asks, and
# SQLAlchemy's execute path cost several times the query itself.
_CURRENT = DriverStatement(select(DataState.version, DataState.changed_at).where(DataState.id == 1))


_READ = "bilateral_data_version"
# In a read-only session's info: its version is the one this process saw last, not read for it yet
# (`at_one_version`); a page statement reads its number beside its rows (`confirm`).
_ASSUMED = "bilateral_data_version_assumed"
# In a read-only session's info: what memos are to keep once its assumed version is confirmed
# (`keep_at_version`).
_KEPT_WHEN_CONFIRMED = "bilateral_kept_when_confirmed"
# Per database: the version this process read last.
_SEEN: dict[str, Version] = {}
# An engine's URL (by its identity, kept so that it is not reused) -> that URL's text: the memos'
# key of its database. A URL is hashed by writing its text again each time.
_DATABASES: dict[int, tuple[URL, str]] = {}


def _database(session: Session) -> str:
    """The memos' key of the database the session reads."""
    url = session.get_bind().engine.url
    known = _DATABASES.get(id(url))
    if known is None:
        known = _DATABASES[id(url)] = (url, url.render_as_string(hide_password=False))
    return known[1]


class Moved(Exception):
    """The number a page statement read beside its rows is not its session's assumed version: what was
    built at the assumed one is to be built again (`at_one_version`)."""


def current(session: Session) -> Version:
    """The data version as this session sees it. A read-only session reads it once: a request's
    filters, page and headers all name the same version."""
    if session.info.get(READ_ONLY):
        version: Version | None = session.info.get(_READ)
        if version is None:
            version = session.info[_READ] = _read(session, _own_checkout(session))
        return version
    return _read(session)


def _own_checkout(session: Session) -> bool:
    """Whether the session checks its connection out of an engine's pool itself (a test's session,
    bound to a connection, does not): what the pool's ping read then (PostgreSQL's engine) is the
    version as of the session's start, as a first statement reads it; unpinged (the reads' pool),
    its first statement may find the connection ended, and is sent again on a new one."""
    return isinstance(session.get_bind(), Engine)


def _read(session: Session, own_checkout: bool = False) -> Version:
    version, _ = _read_with(session, own_checkout, [])
    return version


def _read_with(
    session: Session, own_checkout: bool, reads: Sequence[tuple[DriverStatement, Mapping[str, Any]]]
) -> tuple[Version, list[list[Any]]]:
    """The data version and the rows of `reads`, sent together (`rows_together`)."""
    connection = session.connection()
    row = take_pinged_row(connection.connection.dbapi_connection) if own_checkout else None
    sent = list(reads) if row is not None else [(_CURRENT, {}), *reads]
    try:
        answers = rows_together(connection, sent)
    except DBAPIError as exc:
        # An unpinged pooled connection the server ended (a restart, an idle timeout): a
        # read-only session's first statement is sent again, once, on a new connection.
        if not (own_checkout and exc.connection_invalidated):
            raise
        session.rollback()  # the ended connection back to its pool, which discards it
        answers = rows_together(session.connection(), sent)
    if row is None:
        [row] = answers.pop(0)
    number, changed_at = row
    version = _SEEN[_database(session)] = version_of(number, changed_at)
    return version, answers


def keep_at_version(session: Session, keep: Callable[[], None]) -> None:
    """`keep()`, which stores in a memo what the session read, labelled with its data version: now,
    or, while that version is assumed (`at_one_version`), once the page confirms it. A memo read
    before the page statement may have seen a newer version than the assumed one."""
    if session.info.get(_ASSUMED):
        session.info.setdefault(_KEPT_WHEN_CONFIRMED, []).append(keep)
    else:
        keep()


def _settle(session: Session, confirmed: bool) -> None:
    """What was read at the assumed version kept in its memos if it is `confirmed`, else dropped."""
    for keep in session.info.pop(_KEPT_WHEN_CONFIRMED, ()):
        if confirmed:
            keep()


def read_together(
    session: Session, reads: Sequence[tuple[DriverStatement, Mapping[str, Any]]]
) -> list[list[Any]]:
    """The rows of `reads` (statements that need nothing of each other's answers), sent together
    with the data version's statement while a read-only session has yet to read it: on PostgreSQL
    one round trip for all (`db.rows_together`)."""
    if not session.info.get(READ_ONLY) or session.info.get(_READ) is not None:
        return rows_together(session.connection(), reads)
    session.info[_READ], answers = _read_with(session, _own_checkout(session), reads)
    return answers


def at_one_version(session: Session, build: Callable[[], T]) -> tuple[T, Version]:
    """`build()`, a read's answer, and the data version it is at.

    A read-only session that checks out its own connection builds it at the version this process
    saw last, and the page statement reads the version's number beside its rows (`confirm`): the
    version costs no statement of its own. On SQLite the session's statements are one read
    transaction, so the number is the version of all of them; on PostgreSQL each statement sees what
    was committed when it began. If it moved, the version is read and the answer built again at it
    (memos and known ids are kept per version, and only once the page confirms it:
    `keep_at_version`). If the first statement finds its pooled connection ended, it is all sent
    again, once, on a new connection, as `_read` does. Nothing read the version beside (an empty
    page, a page read by the ORM): it is read after, and the answer built again if it differs."""
    seen = _SEEN.get(_database(session)) if _may_assume(session) else None
    if seen is None:
        version = current(session)
        return build(), version
    session.info[_READ] = seen
    session.info[_ASSUMED] = True
    resent = False
    while True:
        try:
            answer = build()
        except Moved:
            _settle(session, confirmed=False)
            version = session.info[_READ] = _read(session)
            return build(), version
        except DBAPIError as exc:
            if resent or not (exc.connection_invalidated and session.info.get(_ASSUMED)):
                raise
            resent = True
            _settle(session, confirmed=False)
            session.rollback()  # the ended connection back to its pool, which discards it
            continue
        break
    if session.info.pop(_ASSUMED, False):
        version = session.info[_READ] = _read(session)
        _settle(session, confirmed=version == seen)
        if version != seen:
            answer = build()
    return answer, session.info[_READ]


def _may_assume(session: Session) -> bool:
    # Not a test's session, bound to a connection of its own whose version no other session moves.
    return bool(session.info.get(READ_ONLY)) and _own_checkout(session)


def assumed(session: Session) -> bool:
    """Whether the session's version is assumed: its page statement is to read the version's number
    beside its rows (`number_column`) and `confirm` it."""
    return bool(session.info.get(_ASSUMED))


def confirm(session: Session, rows: Sequence[Any]) -> list[Any]:
    """The rows of a statement with the data version's number as its last column (`number_column`),
    without it; the number confirms the session's assumed version, or raises `Moved`. No row:
    nothing is confirmed."""
    if rows:
        del session.info[_ASSUMED]
        if rows[0][-1] != session.info[_READ].number:
            raise Moved
        _settle(session, confirmed=True)
    return [row[:-1] for row in rows]


@lru_cache(maxsize=16)
def version_of(number: int, changed_at: datetime) -> Version:
    """The version from its row's two values, as the driver returns them. Kept: request after request
    reads the same one."""
    if changed_at.tzinfo is None:  # SQLite keeps no zone; what it stores is UTC
        changed_at = changed_at.replace(tzinfo=UTC)
    return Version(number, changed_at.astimezone(UTC))


def beside(statement: Select[Any]) -> Select[Any]:
    """`statement` with the data version's number and time as its last two columns, the time typed
    (SQLite returns it as text): one statement reads the rows and the version they are at."""
    # Its id written into the SQL, as in `number_column`: a value bound per request is one more the
    # driver sends and the server reads for each record.
    row = select(DataState.version, DataState.changed_at).where(DataState.id == literal_column("1"))
    number = row.with_only_columns(DataState.version).scalar_subquery()
    changed_at = row.with_only_columns(DataState.changed_at).scalar_subquery()
    return statement.add_columns(
        type_coerce(number, NullType()), type_coerce(changed_at, DataState.changed_at.type)
    )


def number_column() -> ColumnElement[Any]:
    """The data version's number as a scalar subquery: what a page reads beside its rows to confirm
    its session's assumed version (`confirm`). The number alone: it moves with every change, as the
    response cache's key takes it, and a page repeats it on each of its rows."""
    # Its id written into the SQL: a statement compiled into text (`rows.Plan.with_relations`) binds
    # nothing of its own.
    number = select(DataState.version).where(DataState.id == literal_column("1")).scalar_subquery()
    return type_coerce(number, NullType())


class VersionMemo(Generic[T]):
    """Values read from the database that hold until its data changes, kept per database and key with
    the data version they were read at: a read-only session at the same version reuses them. A
    writer's session reads afresh (its own changes are not in the data version until it commits)."""

    def __init__(self, limit: int = 1_000) -> None:
        self._values: dict[tuple[str, Hashable], tuple[Version, Any]] = {}
        self._limit = limit  # keys kept; a key already kept is renewed past it

    def get(self, session: Session, key: Hashable, read: Callable[[], T]) -> T:
        if not session.info.get(READ_ONLY):
            return read()
        version = current(session)
        slot = (_database(session), key)
        known = self._values.get(slot)  # one lookup: another thread may replace it meanwhile
        if known is not None and known[0] == version:
            value: T = known[1]
            return value
        value = read()
        if known is not None or len(self._values) < self._limit:
            keep_at_version(session, lambda: self._values.__setitem__(slot, (version, value)))
        return value

    def values(self) -> list[T]:
        """What is kept now, at whatever version."""
        return [value for _version, value in self._values.values()]


def read_on_ping(engine: Engine) -> None:
    """On PostgreSQL, the pool's ping of a pooled connection reads the data version (`current` and the
    response cache take it): every read asks for it first, and one round trip answers both."""
    if engine.dialect.name == "postgresql":
        from app.postgres import ping_reads  # psycopg: a SQLite server never imports it

        sql = _CURRENT.statement.compile(dialect=engine.dialect, compile_kwargs={"literal_binds": True})
        ping_reads(engine, str(sql))
