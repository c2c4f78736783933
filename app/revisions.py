"""Every change to a curated record becomes a revision, in the same transaction as the change.

A `before_flush` hook on every Session sees what the flush will create, change and delete, and writes
one `Revision` per record with the fields before and after; it also bumps the data version. So the
seed, the API and ORM imports cannot change data without leaving history and invalidating caches.
Who made the change is `session.info["actor"]` (an API key's name, "seed", "import:<file>").
"""

from datetime import UTC, date, datetime
from enum import Enum
from typing import Any

from sqlalchemy import event, inspect, update
from sqlalchemy.orm import LoaderCallableStatus, Mapper, Session, UOWTransaction

from app.models import (
    Agreement,
    Citation,
    DataState,
    Event,
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
_NOT_CONTENT = {"search_text", "version"}
ACTOR_KEY = "actor"


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


def _present(value: Any) -> bool:
    return value is not None and value != []


@event.listens_for(Session, "before_flush")
def _record_revisions(session: Session, _flush: UOWTransaction, _instances: Any) -> None:
    now = datetime.now(UTC).replace(microsecond=0)
    actor = str(session.info.get(ACTOR_KEY, "system"))
    revisions = []
    for record in session.new:
        record_type = RECORD_TYPES.get(type(record))
        if record_type:
            created = {
                key: [None, value] for key, value in _snapshot(record).items() if value not in (None, [])
            }
            revisions.append((record_type, record.id, RevisionAction.create, created))
    for record in session.dirty:
        record_type = RECORD_TYPES.get(type(record))
        if record_type and session.is_modified(record):
            changes = _changes(record)
            if changes:
                revisions.append((record_type, record.id, RevisionAction.update, changes))
    for record in session.deleted:
        record_type = RECORD_TYPES.get(type(record))
        if record_type:
            deleted = {
                key: [value, None] for key, value in _snapshot(record).items() if value not in (None, [])
            }
            revisions.append((record_type, record.id, RevisionAction.delete, deleted))
    if not revisions:
        return
    session.add_all(
        Revision(record_type=t, record_id=i, action=a, changed_at=now, actor=actor, changes=c)
        for t, i, a, c in revisions
    )
    # The data version moves in the same transaction: caches and other processes see the change.
    session.connection().execute(
        update(DataState).where(DataState.id == 1).values(version=DataState.version + 1, changed_at=now)
    )
