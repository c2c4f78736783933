"""What a resource's list and detail endpoints need to know about it, and the queries built from that:
one page, the total, facet counts, every row for an export, one record with its inclusions."""

import typing
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from operator import itemgetter
from typing import Any, Generic, TypeVar

from sqlalchemy import Column, Select, Subquery, Table, extract, func, select
from sqlalchemy.orm import Session, selectinload, undefer

# selectinload() and friends are typed as returning this (private) class.
from sqlalchemy.orm.strategy_options import _AbstractLoad as LoaderOption

from app import datastate
from app.common.filters import as_of_criteria, published_by
from app.common.pagination import (
    Sorting,
    check_cursor,
    cut,
    is_merged,
    merged,
    page_values,
    paged,
    paginate,
    sort_copies,
)
from app.common.rows import Item, Plan, RowReader, driver_rows
from app.common.schemas import FacetValue
from app.common.statements import ShapeCache, filters_of
from app.datastate import Version, version_of
from app.errors import Gone, NotFound
from app.models import Revision, RevisionAction

M = TypeVar("M")
MAX_FACET_VALUES = 100
EXPORT_BATCH = 1000

# A facet counts the filtered records (a subquery of the record table) per value.
Facet = Callable[[Session, Subquery, str], list[FacetValue]]


@dataclass(frozen=True)
class Listing(Generic[M]):
    model: type[M]
    sorting: Sorting
    label: str
    load: Sequence[LoaderOption]
    includes: Mapping[str, Sequence[LoaderOption]] = field(default_factory=dict)
    facets: Mapping[str, Facet] = field(default_factory=dict)
    normalize_id: Callable[[str], str] = str
    # Writable resources: deleted ids answer 410 Gone, found in the revisions of this record type.
    record_type: str | None = None
    # Reads pages, records and exports as rows, skipping ORM objects (app/common/rows.py); the ORM
    # path stays for `include=` and for resources without one.
    reader: RowReader | None = None
    # Its CSV lines of every column are stored by the writers (app/export_lines.py): an export of them
    # reads those.
    stored_lines: bool = False
    # The fast path's page statements, kept per query shape (app/common/statements.py).
    shapes: ShapeCache = field(default_factory=ShapeCache, compare=False, repr=False)

    def reads_rows(self, params: Any) -> bool:
        # The row reader counts support over every citation: a read as of a day goes through the ORM,
        # whose loader criteria (`filters.read_as_of`) keep that day's sources only. The parameters'
        # values read from their dictionary: `getattr` on a model without the field (most have no
        # `include`) would look for it by a raised and caught AttributeError.
        given = vars(params)
        return self.reader is not None and not given.get("include") and given.get("as_of") is None

    def options(self, include: Sequence[str] = ()) -> list[LoaderOption]:
        return [*self.load, *(option for name in include for option in self.includes[name])]

    def page(
        self, session: Session, statement: Select[M], params: Any, lang: str
    ) -> tuple[list[M], str | None]:
        statement = statement.options(*self.options(getattr(params, "include", ())))
        return paginate(session, statement, self.sorting, params.sort, params.limit, params.cursor, lang)

    def every_row(self, session: Session, statement: Select[M], params: Any, lang: str) -> Iterator[M]:
        """Every matching row, in order, one batch in memory at a time."""
        statement = statement.options(*self.options(getattr(params, "include", ())))
        cursor = params.cursor
        while True:
            rows, cursor = paginate(session, statement, self.sorting, params.sort, EXPORT_BATCH, cursor, lang)
            yield from rows
            session.expunge_all()  # what was yielded is serialized already; keep memory flat
            if cursor is None:
                return

    def page_items(
        self, session: Session, statement: Select[M], params: Any, lang: str, to_json: bool = False
    ) -> tuple[list[Item], str | None]:
        """One page as JSON items, by the fast path (`to_json`: see `Plan.items`)."""
        plan, rows, next_cursor = self._rows(
            session, statement, params.fields, params.sort, params.limit, params.cursor, lang
        )
        return plan.page_items(session, rows, to_json), next_cursor

    def every_item(
        self, session: Session, statement: Select[M], params: Any, lang: str
    ) -> Iterator[list[Item]]:
        """Every matching record as JSON items, in order, one batch at a time (the fast path)."""
        for plan, rows in self._every_row(session, statement, params, lang):
            yield plan.page_items(session, rows)

    def every_csv_text(
        self, session: Session, statement: Select[M], params: Any, lang: str, columns: Sequence[str]
    ) -> Iterator[str]:
        """Every matching record as CSV lines (`columns` as csv_lines.csv_columns names them), a batch at
        a time."""
        for plan, rows in self._every_row(session, statement, params, lang, driver=True):
            yield plan.csv_text(session, rows, columns)

    def _every_row(
        self, session: Session, statement: Select[M], params: Any, lang: str, driver: bool = False
    ) -> Iterator[tuple[Plan, Sequence[Any]]]:
        cursor = params.cursor
        while True:
            plan, rows, cursor = self._rows(
                session, statement, params.fields, params.sort, EXPORT_BATCH, cursor, lang, driver
            )
            yield plan, rows
            if cursor is None:
                return

    def _rows(
        self,
        session: Session,
        statement: Select[M],
        fields: Sequence[str],
        sort: str,
        limit: int,
        cursor: str | None,
        lang: str,
        driver: bool = False,
    ) -> tuple[Plan, Sequence[Any], str | None]:
        """One page of rows (the columns as the driver returns them, rows.py `_raw`; with `driver`,
        as its tuples: rows.py `driver_rows`), and the next page's cursor."""
        assert self.reader is not None
        connection = session.connection()
        # CSV lines are made from the rows and relations apart (rows.py `csv_text`).
        plan = self.reader.plan(lang, fields, "" if driver else connection.dialect.name)
        after = None if cursor is None else check_cursor(self.sorting, sort, cursor, lang)
        resolved, column, descending = self.sorting.order(sort, lang)
        key_columns = self.sorting.key_columns(column)
        columns, positions = plan.with_key_columns(key_columns)
        values = page_values(limit, after)
        # The data version read in the page's own statement (datastate.at_one_version).
        beside = datastate.assumed(session)
        # SQLite reads the ordered page's rows in their order (as a co-routine): they are sorted
        # again here, one pass over sorted rows, rather than by SQLite's sorter, which copies each
        # row with its relations' JSON. Not on PostgreSQL, which may join a page's lists by hash
        # and orders text by its collation, nor by a key that may be NULL.
        in_python = (
            bool(plan.inlined)
            and connection.dialect.name == "sqlite"
            and not any(getattr(column.expression, "nullable", True) for column in key_columns)
        )

        def build() -> Any:
            page = paged(
                statement.with_only_columns(*columns, maintain_column_froms=False),
                key_columns,
                descending,
                values,
            )
            return plan.with_relations(
                merged(page, positions, descending),
                positions,
                descending,
                connection.dialect,
                beside,
                ordered=not in_python,
            )

        # What decides the page's SQL besides the filters (statements.py): the plan (language,
        # fields, engine), the sort, whether a cursor is given, a copy of the sort key to page by, and
        # whether the page is merged from parts.
        copies = tuple((name, str(copy)) for name, copy in sort_copies(statement).items())
        shape = (
            connection.dialect.name,
            plan.lang,
            plan.names,
            plan.engine,
            resolved,
            after is not None,
            copies,
            is_merged(statement),
            beside,
        )
        # A shape's first request reads SQLAlchemy's result; later ones get the driver's rows, converted
        # as SQLAlchemy would (nothing, for a page's untyped columns).
        first = driver_rows if driver else None
        fetched = self.shapes.execute(connection, shape, filters_of(statement), values, build, first)
        if beside:
            fetched = datastate.confirm(session, fetched)
        if in_python:
            fetched.sort(key=itemgetter(*positions), reverse=descending)
        page, next_cursor = cut(
            fetched, limit, self.sorting, resolved, lambda last: [last[at] for at in positions]
        )
        return plan, page, next_cursor

    def get_item(
        self, session: Session, record_id: str, lang: str, fields: Sequence[str] = (), to_json: bool = False
    ) -> tuple[Item, int | None]:
        """One record as a JSON item, and its version (None for a record that has none); `to_json`:
        see `Plan.items`."""
        assert self.reader is not None
        connection = session.connection()
        plan = self.reader.plan(lang, fields, connection.dialect.name)
        row = plan.record(connection, self.normalize_id(record_id))
        if row is None:
            self._missing(session, record_id)
        [item] = plan.items(session, [row], to_json)
        return item, None if plan.version_at is None else row[plan.version_at]

    async def read_item(
        self, reads: Any, record_id: str, lang: str, fields: Sequence[str] = ()
    ) -> tuple[Item, int | None, Version] | None:
        """`get_item`, in the event loop (`app.postgres.LoopReads`, `app.sqlite_reads.LoopReads`),
        with the data version read in the record's statement; None for no such record (a 404 or a
        410, told apart by `get_item`)."""
        assert self.reader is not None
        plan = self.reader.plan(lang, fields, reads.dialect.name)
        if plan.fetched:  # the record and its relations read apart, as of one moment
            with reads.snapshot():
                return await self._read_item(reads, plan, record_id)
        return await self._read_item(reads, plan, record_id)  # one statement alone is a moment

    async def _read_item(
        self, reads: Any, plan: Plan, record_id: str
    ) -> tuple[Item, int | None, Version] | None:
        rows = await reads.rows(plan.by_id_at_version, {"record_id": self.normalize_id(record_id)})
        if not rows:
            return None
        *record, number, changed_at = rows[0]
        [item] = await plan.items_in_loop(reads, [record], to_json=True)
        version = None if plan.version_at is None else record[plan.version_at]
        return item, version, version_of(number, changed_at)

    def count(self, session: Session, statement: Select[M]) -> int:
        return session.scalar(select(func.count()).select_from(statement.order_by(None).subquery())) or 0

    def facet_counts(
        self, session: Session, statement: Select[M], names: Sequence[str], lang: str
    ) -> dict[str, list[FacetValue]]:
        filtered = statement.order_by(None).subquery()
        return {name: self.facets[name](session, filtered, lang) for name in names}

    def get(
        self, session: Session, record_id: str, include: Sequence[str] = (), as_of: date | None = None
    ) -> M:
        """The record; with `as_of`, read as of that day (its citations and support then)."""
        record = self.find(session, record_id, include, as_of)
        if record is None:
            self._missing(session, record_id)
        return record

    def find(
        self, session: Session, record_id: str, include: Sequence[str] = (), as_of: date | None = None
    ) -> M | None:
        """The record with its relations loaded, or None."""
        id_column = self.sorting.id_column
        as_of_options = () if as_of is None else as_of_criteria(as_of)
        return session.scalar(
            select(self.model)
            .where(id_column == self.normalize_id(record_id))
            .options(*self.options(include), *as_of_options)
        )

    def find_all(self, session: Session, record_ids: Iterable[str]) -> dict[str, M]:
        """The records of these ids that exist, by id, with their relations loaded: one query, and one
        per relation, for all of them."""
        id_column = self.sorting.id_column
        wanted = list(dict.fromkeys(self.normalize_id(record_id) for record_id in record_ids))
        if not wanted:
            return {}
        statement = select(self.model).where(id_column.in_(wanted)).options(*self.options())
        return {getattr(record, id_column.key): record for record in session.scalars(statement)}

    def require_published_by(self, session: Session, record_id: str, as_of: date) -> None:
        """A 404 unless a source published on or before `as_of` supports the record."""
        assert self.record_type is not None
        model_id = self.sorting.id_column
        named = select(model_id).where(model_id == self.normalize_id(record_id))
        if session.scalar(named.where(published_by(self.record_type, model_id, as_of))) is None:
            if session.scalar(named) is None:
                self._missing(session, record_id)  # 404 or 410 for an id that names nothing
            raise NotFound(
                f"No source published on or before {as_of.isoformat()} supports the {self.label} "
                f"{record_id!r}."
            )

    def _missing(self, session: Session, record_id: str) -> typing.NoReturn:
        if self.record_type and _was_deleted(session, self.record_type, record_id):
            raise Gone(f"The {self.label} {record_id!r} was deleted; its revisions are still readable.")
        raise NotFound(f"No {self.label} has id {record_id!r}.")


def _ranked(rows: Sequence[Any]) -> list[FacetValue]:
    values = [FacetValue(value=_text(value), label=label, count=count) for value, label, count in rows]
    values.sort(key=lambda facet: (-facet.count, facet.value or ""))
    return values[:MAX_FACET_VALUES]


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def column_facet(column: str, labels: Any = None) -> Facet:
    """Counts per value of a column of the record; `labels` names the referenced model, if any."""

    def count(session: Session, filtered: Subquery, lang: str) -> list[FacetValue]:
        value = filtered.c[column]
        if labels is None:
            rows = session.execute(select(value, func.count()).group_by(value)).all()
            return _ranked([(v, None, n) for v, n in rows])
        else:
            label = getattr(labels, f"name_{lang}")
            statement = (
                select(value, label, func.count())
                .select_from(filtered)
                .outerjoin(labels, labels.id == value)
                .group_by(value, label)
            )
        return _ranked(session.execute(statement).all())

    return count


def link_facet(link: Table, record_key: str, value_key: str, labels: Any = None) -> Facet:
    """Counts per linked value (a record with several counts once under each)."""

    def count(session: Session, filtered: Subquery, lang: str) -> list[FacetValue]:
        value: Column[Any] = link.c[value_key]
        in_filtered = link.c[record_key].in_(select(filtered.c.id))
        if labels is None:
            rows = session.execute(select(value, func.count()).where(in_filtered).group_by(value)).all()
            return _ranked([(v, None, n) for v, n in rows])
        else:
            label = getattr(labels, f"name_{lang}")
            statement = (
                select(value, label, func.count())
                .join(labels, labels.id == value)
                .where(in_filtered)
                .group_by(value, label)
            )
        return _ranked(session.execute(statement).all())

    return count


def year_facet(date_column: str) -> Facet:
    def count(session: Session, filtered: Subquery, lang: str) -> list[FacetValue]:
        year = extract("year", filtered.c[date_column])
        rows = session.execute(select(year, func.count()).group_by(year)).all()
        return _ranked([(int(value), None, n) for value, n in rows])

    return count


def month_facet(date_column: str, precision_column: str) -> Facet:
    """`YYYY-MM` for records dated to a month or day; just `YYYY` when only the year is known."""

    def count(session: Session, filtered: Subquery, lang: str) -> list[FacetValue]:
        start = filtered.c[date_column]
        precision = filtered.c[precision_column]
        year, month = extract("year", start), extract("month", start)
        rows = session.execute(
            select(year, month, precision, func.count()).group_by(year, month, precision)
        ).all()
        buckets: dict[str, int] = {}
        for y, m, p, n in rows:
            key = f"{int(y):04d}-{int(m):02d}" if p in ("day", "month") else f"{int(y):04d}"
            buckets[key] = buckets.get(key, 0) + n
        return _ranked([(key, None, n) for key, n in buckets.items()])

    return count


def either_column_facet(columns: Sequence[str], labels: Any) -> Facet:
    """Counts per value over several columns (a trade figure involves its reporter and partner)."""

    def count(session: Session, filtered: Subquery, lang: str) -> list[FacetValue]:
        totals: dict[str, tuple[str | None, int]] = {}
        for column in columns:
            for value in column_facet(column, labels)(session, filtered, lang):
                assert value.value is not None
                _, seen = totals.get(value.value, (None, 0))
                totals[value.value] = (value.label, seen + value.count)
        return _ranked([(value, label, n) for value, (label, n) in totals.items()])

    return count


def _was_deleted(session: Session, record_type: str, record_id: str) -> bool:
    last = session.scalar(
        select(Revision.action)
        .where(Revision.record_type == record_type, Revision.record_id == record_id)
        .order_by(Revision.id.desc())
        .limit(1)
    )
    return last == RevisionAction.delete


def support_load(model: Any) -> tuple[LoaderOption, ...]:
    """Loader options for a fact's support: its contested values, source count and status."""
    return (selectinload(model.contested), undefer(model.source_count), undefer(model.support))
