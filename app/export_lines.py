"""The stored CSV export lines (`ExportLine`), kept by the one write path.

Every transaction that changes data ends in `app.revisions`' commit step, and every writer (the API,
the seed, imports, accepted candidates) stages there a revision of each record it changes. At that
step `refresh_changed` writes again, set-based, the lines of the trade figures staged, and of those
whose line a change elsewhere reaches (a country's or a project's name, a project's links, a citation
or contested value written on its own), which `_note_reached` notes before each flush. The lines are
the SQL export's own (`csv_lines.CsvLine`), so a stored line is byte for byte the computed one; a line
SQL cannot write (a float beyond its digits) is not stored, and the export computes it."""

from collections.abc import Iterable
from typing import Any

from sqlalchemy import (
    ColumnElement,
    CompoundSelect,
    Connection,
    Select,
    delete,
    event,
    literal,
    or_,
    select,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, SessionTransaction, UOWTransaction

from app.common.csv_lines import csv_columns, csv_lines
from app.common.language import LANGUAGES
from app.common.listing import Listing
from app.models import (
    Citation,
    ContestedValue,
    Country,
    ExportLine,
    InfrastructureProject,
    TradeFigure,
    project_trade_figures,
)
from app.revisions import STAGING, creates_only_staged

_REACHED = "export_lines_reached"  # session.info: ids of figures whose lines a flush's change reaches


def _figures() -> Listing[Any]:
    from app.trade.repository import TRADE_FIGURES  # the resource imports the write path, not back

    return TRADE_FIGURES


def refresh(
    connection: Connection,
    listing: Listing[Any],
    ids: Select[Any] | CompoundSelect[Any],
    created: bool = False,
) -> None:
    """Store again, in every language, the lines of the listing's records whose ids `ids` selects (a
    deleted record's line goes). `created`: records this transaction created, whose lines are only
    inserted (see `refresh_changed`)."""
    reader = listing.reader
    assert reader is not None and listing.record_type is not None
    record_type = listing.record_type
    if not created:
        connection.execute(
            delete(ExportLine).where(ExportLine.record_type == record_type, ExportLine.record_id.in_(ids))
        )
    engine = connection.dialect.name
    lines = csv_lines(tuple(reader.plan(lang) for lang in LANGUAGES), csv_columns(reader.schema), engine)
    written = lines.select(ids)
    assert written is not None, "a stored listing's lines are written by SQL"
    columns_written = [ExportLine.record_type, ExportLine.lang, ExportLine.record_id, ExportLine.line]
    selected = written.selected_columns
    stored = _insert(engine)(ExportLine).from_select(
        columns_written,
        written.with_only_columns(
            literal(record_type), selected.lang, selected.record_id, selected.line
        ).where(selected.line.is_not(None)),
    )
    if created:
        connection.execute(stored)
        return
    # A line another transaction stored since the delete above (a concurrent write that reached
    # the same figure) is written over, not a duplicate key.
    connection.execute(
        stored.on_conflict_do_update(
            index_elements=[ExportLine.record_type, ExportLine.lang, ExportLine.record_id],
            set_={"line": stored.excluded.line},
        )
    )


def _insert(engine: str) -> Any:
    return postgresql.insert if engine == "postgresql" else sqlite.insert


def refresh_all(connection: Connection) -> None:
    """Every record's lines (a database migrated to 0017 or built before it, `bilateral
    refresh-export-lines`)."""
    listing = _figures()
    refresh(connection, listing, select(TradeFigure.id))


def refresh_changed(session: Session) -> None:
    """The commit step's part: the lines of the figures this transaction changed or reached."""
    connection = session.connection()
    ids: Select[Any] | CompoundSelect[Any]
    ids = select(STAGING.c.record_id).where(STAGING.c.record_type == "trade_figure")
    reached = session.info.pop(_REACHED, None)
    if reached is None and connection.scalar(ids.limit(1)) is None:
        return  # no figure changed: one look rather than the refresh's three statements
    if reached is None and creates_only_staged(session):
        # Only figures created here (a first import): none has a line stored, and no other
        # transaction can store one before this commits (none sees them), so their lines are
        # inserted without the delete and the conflict test. Should one be there all the same (a
        # figure deleted without a revision), the savepoint undoes the insert and the refresh
        # runs as for any change.
        try:
            with connection.begin_nested():
                refresh(connection, _figures(), ids, created=True)
            return
        except IntegrityError:
            pass
    if reached is not None:
        figures, projects, countries = reached
        figures |= _linked(session, projects, countries)
        ids = ids.union(select(TradeFigure.id).where(TradeFigure.id.in_(figures)))
    refresh(connection, _figures(), ids)


@event.listens_for(Session, "before_flush")
def _note_reached(session: Session, _flush: UOWTransaction, _instances: Any) -> None:
    """Note the figures whose lines this flush's changes reach besides their own revisions: those
    linked before it (read now) and after it (read at commit)."""
    changed = [*session.new, *session.dirty, *session.deleted]
    projects = {record.id for record in changed if isinstance(record, InfrastructureProject)}
    countries = {record.id for record in changed if isinstance(record, Country)}
    owned = {
        record.trade_figure_id
        for record in changed
        if isinstance(record, Citation | ContestedValue) and record.trade_figure_id is not None
    }
    if not (projects or countries or owned):
        return
    figures, all_projects, all_countries = session.info.setdefault(_REACHED, (set(), set(), set()))
    figures |= owned | _linked(session, projects, countries)
    all_projects |= projects
    all_countries |= countries


@event.listens_for(Session, "after_transaction_end")
def _forget(session: Session, transaction: SessionTransaction) -> None:
    if transaction.parent is None:
        session.info.pop(_REACHED, None)


def _linked(session: Session, projects: Iterable[str], countries: Iterable[str]) -> set[str]:
    """The figures linked to these projects or naming these countries."""
    conditions: list[ColumnElement[bool]] = []
    if projects:
        linked = select(project_trade_figures.c.trade_figure_id).where(
            project_trade_figures.c.project_id.in_(list(projects))
        )
        conditions.append(TradeFigure.id.in_(linked))
    if countries:
        named = list(countries)
        conditions.append(or_(TradeFigure.reporter_id.in_(named), TradeFigure.partner_id.in_(named)))
    if not conditions:
        return set()
    return set(session.connection().scalars(select(TradeFigure.id).where(or_(*conditions))))
