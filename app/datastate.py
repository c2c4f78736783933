"""The data version: bumped with every change, read for Last-Modified and cache validity."""

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.models import DataState


@dataclass(frozen=True)
class Version:
    number: int
    changed_at: datetime


def bump(session: Session) -> Version:
    """Record a change to the data, inside the caller's transaction."""
    now = datetime.now(UTC).replace(microsecond=0)
    session.execute(
        update(DataState).where(DataState.id == 1).values(version=DataState.version + 1, changed_at=now)
    )
    return current(session)


# Built once, run on the session's connection: every read request asks, and the ORM's execute path
# (with a statement built anew) cost several times the query itself.
_CURRENT = select(DataState.version, DataState.changed_at).where(DataState.id == 1)


def current(session: Session) -> Version:
    number, changed_at = session.connection().execute(_CURRENT).one()
    if changed_at.tzinfo is None:  # SQLite keeps no zone; what it stores is UTC
        changed_at = changed_at.replace(tzinfo=UTC)
    return Version(number, changed_at.astimezone(UTC))
