"""Importing a file of trade figures: all or nothing, in batches, inside the caller's transaction.

Rows are read and checked `batch_size` at a time. Each batch is staged in a temporary table and
compared there, in one statement, with the figures stored under the same natural keys: rows that
change nothing are only counted, and only the figures that rows change are read into Python (in a
batch expected to be new, its new figures are inserted first and only the other rows compared). Then
the batch is written in bulk (app.imports.store): new figures and citations from the staged rows by
INSERT … SELECT, revisions ({field: [before, after]}, the shape app.revisions gives ORM changes) and
search documents as rows built here. Revisions
go where app.revisions stages the ORM's, and get their ids and time when the caller commits. After the
first bad row nothing more is written, but checking goes on to the end so that the report names every
bad line; then the import's savepoint is rolled back, and the database is as it was. Memory holds one
batch, plus a 16-byte digest per row read (about 110 bytes with the set's own), to recognize a natural
key the file repeats.
"""

import gc
import hashlib
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from operator import itemgetter
from typing import IO, Any

import orjson
from sqlalchemy import Date, select
from sqlalchemy.orm import Session

from app import revisions
from app.curation import restating
from app.errors import Conflict, InvalidParameter
from app.imports import comtrade, trade
from app.imports.comtrade import Countries, Skip
from app.imports.documents import FigureDocuments
from app.imports.reading import (
    FileFacts,
    FileReader,
    LineError,
    Record,
    UnreadableFile,
    open_file,
    sniff_format,
)
from app.imports.schemas import (
    TRADE_LAYOUTS,
    ImportFormat,
    ImportLayout,
    ImportLineError,
    ImportReport,
    ImportResource,
    SkippedGroup,
)
from app.imports.store import (
    CITATIONS,
    DOCUMENTS,
    FIGURE_VALUE_COLUMNS,
    FIGURES,
    RECORD_TYPE,
    STAGE_COLUMNS,
    Store,
)
from app.imports.trade import FigureRow, NaturalKey, RowChecker, RowErrors, TextCitation
from app.models import Country, RevisionAction, SearchRecordType, Source, SourceKind
from app.revisions import ACTOR_KEY, STAGING, STAGING_COLUMNS
from app.search import repository as search
from app.sources.quotes import QuoteNotFound, locate_quote
from app.trade import rules

BATCH_SIZE = 5000
# Imports writing at least this many documents merge SQLite's FTS index afterwards (~2 s a million).
OPTIMIZE_AFTER = 10_000
MAX_ERRORS = 100
# Located quotes remembered between batches (rows often repeat a quote), at most about this many.
QUOTES_KEPT = 20_000
CITATION_COLUMNS = ("trade_figure_id", "source_id", "quote", "line", "paragraph", "char_start", "char_end")
REVISION_ROW_COLUMNS = STAGING_COLUMNS
DOCUMENT_COLUMNS = ("record_type", "record_id", "title_en", "title_ru", "text", "stems")
# A figure's values, id aside, in the order app.revisions lists its columns (and the stage holds them).
_FIGURE_VALUES = itemgetter(*FIGURE_VALUE_COLUMNS)
_DATE_POSITIONS = [
    n for n, name in enumerate(STAGE_COLUMNS) if name in FIGURES.c and isinstance(FIGURES.c[name].type, Date)
]
# How a duplicate's error names the columns that make a figure's identity, per layout.
KEY_FIELDS = {
    ImportLayout.generic: "reporter, partner, indicator, commodity, period, status, unit",
    ImportLayout.comtrade: "reporterISO, partnerISO, flowCode, cmdCode, period, isReported",
    ImportLayout.comtrade_legacy: "Reporter ISO, Partner ISO, Trade Flow Code, Commodity Code, Period",
}
COMTRADE_LAYOUTS = (ImportLayout.comtrade, ImportLayout.comtrade_legacy)

Progress = Callable[[int], None]
# What a row that does not state a column leaves it as, on a new figure.
_ABSENT = {name: None for name in (*trade.KEPT_WHEN_ABSENT, *trade.MEASURE_COLUMNS)}


@dataclass(frozen=True)
class ImportOptions:
    file_name: str
    actor: str
    resource: ImportResource = ImportResource.trade_figures
    layout: ImportLayout | None = None
    format: ImportFormat | None = None
    dry_run: bool = False
    # Comtrade's S19 (Other Asia, nes) read as this country (alpha-2); left out when None.
    s19_as: str | None = None
    batch_size: int = BATCH_SIZE
    max_errors: int = MAX_ERRORS


def import_file(
    session: Session, stream: IO[bytes], options: ImportOptions, progress: Progress | None = None
) -> ImportReport:
    """Import a seekable binary stream. Returns the report; `applied` is false when the file was
    rejected (nothing written) or this was a dry run. Any exception leaves nothing written either;
    InvalidParameter (422) when an option names what the database does not have (`s19_as`)."""
    if options.s19_as is not None and session.get(Country, options.s19_as) is None:
        detail = f"{options.s19_as!r} is not a country of this API (see /v1/countries)"
        raise InvalidParameter.for_param("s19_as", detail)
    try:
        with open_file(stream) as (data, facts), _older_objects_frozen():
            if progress is not None and facts.compression:
                # Progress counts the bytes received: the compressed ones.
                shown, ratio = progress, facts.size / max(facts.plain_size, 1)
                progress = lambda position: shown(int(position * ratio))  # noqa: E731
            return _import(session, data, facts, options, progress)
    except UnreadableFile as exc:
        return unreadable_report(options, str(exc))


@contextmanager
def _older_objects_frozen() -> Iterator[None]:
    """The objects that exist before the import left out of the garbage collector's full collections
    until it ends (gc.freeze). An import holds a batch of rows at a time, so the collector sees many
    objects outlive its young generations, and collects the oldest one often; each time it went
    through every object of the process (the modules, SQLAlchemy's and pydantic's structures), which
    cost more than the batches themselves. Freezing changes when cyclic garbage is found, never
    what is freed: a concurrent import's unfreeze only makes this one collect as usual.

    In a server the app's start-up froze them already (app/main.py), and `gc.unfreeze()` cannot tell
    its own objects from start-up's: there the import leaves the collector as it found it."""
    if gc.get_freeze_count():
        yield
        return
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _import(
    session: Session, data: IO[bytes], facts: FileFacts, options: ImportOptions, progress: Progress | None
) -> ImportReport:
    file_format = options.format or sniff_format(data)
    reader = FileReader(data, file_format, facts.encoding)
    job = _Import(session, options, reader, facts, progress)
    missing = object()
    previous_actor = session.info.get(ACTOR_KEY, missing)
    session.info[ACTOR_KEY] = options.actor
    savepoint = session.begin_nested()
    try:
        with job.store.bulk():
            report = job.run()
    except BaseException:
        savepoint.rollback()
        raise
    finally:
        if previous_actor is missing:
            del session.info[ACTOR_KEY]
        else:
            session.info[ACTOR_KEY] = previous_actor
    if report.applied:
        savepoint.commit()
        if report.inserted + report.updated >= OPTIMIZE_AFTER:
            search.optimize_index(session)  # many new FTS segments: merged, searches read one
    else:
        savepoint.rollback()
    return report


def unreadable_report(options: ImportOptions, detail: str) -> ImportReport:
    """The report of a file that could not be read at all."""
    return ImportReport(
        resource=options.resource,
        layout=options.layout or ImportLayout.generic,
        format=options.format or "csv",
        applied=False,
        source_id=None,
        records=0,
        inserted=0,
        updated=0,
        unchanged=0,
        skipped=0,
        skipped_reasons={},
        rejected=1,
        errors=[ImportLineError(line=1, field="file", detail=detail)],
        errors_truncated=0,
    )


def detect_layout(names: list[str]) -> ImportLayout:
    """The layout a header (or the first record's keys) is in: the generic one unless it has a
    Comtrade layout's signature columns."""
    if comtrade.is_comtrade(names):
        return ImportLayout.comtrade
    if comtrade.is_legacy(names):
        return ImportLayout.comtrade_legacy
    return ImportLayout.generic


def missing_columns(layout: ImportLayout, names: list[str]) -> list[str]:
    if layout is ImportLayout.comtrade:
        return comtrade.missing_columns(names)
    if layout is ImportLayout.comtrade_legacy:
        return comtrade.legacy_missing_columns(names)
    return trade.missing_columns(names)


def no_layout_fits(names: list[str]) -> str:
    """Why a header fits no layout: the columns each one misses."""
    misses = []
    for layout in TRADE_LAYOUTS:
        missing = ", ".join(missing_columns(layout, names)) or "no required column"
        if layout is ImportLayout.generic:
            missing += f" (and {len(trade.unknown_columns(names))} of the file's columns are not its own)"
        misses.append(f"{layout.value} misses {missing}")
    return f"the columns fit no layout: {'; '.join(misses)}"


def load_countries(session: Session) -> Countries:
    rows = session.execute(
        select(Country.id, Country.alpha3, Country.numeric, Country.name_en, Country.name_ru)
    )
    return Countries.of(rows.all())


def dataset_source_id(digest: str) -> str:
    """The id of the source standing for a file: the same bytes, the same source."""
    return f"dataset-sha256-{digest[:32]}"


@dataclass
class _Errors:
    """Errors in file order: those of the batch being read are merged, sorted, at each batch's end."""

    limit: int
    listed: list[ImportLineError] = field(default_factory=list)
    truncated: int = 0
    lines: int = 0
    pending: list[ImportLineError] = field(default_factory=list)

    def add(self, line: int, name: str, detail: str) -> None:
        self.pending.append(ImportLineError(line=line, field=name, detail=detail))

    def settle(self) -> None:
        self.pending.sort(key=lambda error: error.line)
        self.lines += len({error.line for error in self.pending})
        for error in self.pending:
            if len(self.listed) < self.limit:
                self.listed.append(error)
            else:
                self.truncated += 1
        self.pending = []

    @property
    def any(self) -> bool:
        return bool(self.listed or self.truncated or self.pending)


@dataclass
class _Planned:
    """What one batch will write: figures and citations by the lines of the staged rows that state
    them, updates as dicts, revisions as tuples of REVISION_ROW_COLUMNS."""

    new_figures: list[int] = field(default_factory=list)
    # The ids of new figures inserted already, as the batch was planned (_insert_new).
    inserted: list[str] = field(default_factory=list)
    updates: list[dict[str, Any]] = field(default_factory=list)
    new_citations: list[int] = field(default_factory=list)
    # (figure id, search text, line): staged rows whose figure is not the one their row was staged
    # for, or that were staged without their new figure's id and search text (None: as staged).
    renamed: list[tuple[str, str | None, int]] = field(default_factory=list)
    dropped_citations: list[int] = field(default_factory=list)
    revisions: list[tuple[Any, ...]] = field(default_factory=list)
    # Each figure written: its columns and the quotes of its citations, for its search document.
    documents: dict[str, tuple[dict[str, Any], list[str]]] = field(default_factory=dict)


class _Import:
    def __init__(
        self,
        session: Session,
        options: ImportOptions,
        reader: FileReader,
        facts: FileFacts,
        progress: Progress | None,
    ) -> None:
        self.session, self.options, self.reader = session, options, reader
        self.facts, self.progress = facts, progress
        self.digest, self.size = facts.digest, facts.plain_size
        self.store = Store(session)
        self.countries = load_countries(session)
        self.checker = RowChecker(self.countries.alpha2)
        self.texts = FigureDocuments(self.countries.names)
        self.errors = _Errors(options.max_errors)
        self.counts: Counter[str] = Counter()
        self.skipped: Counter[str] = Counter()
        # Skipped rows by label: how many, their value, and whether it counts as value left out.
        self.skipped_groups: dict[str, list[Any]] = {}
        # The value of the rows read (totals and breakdowns aside: comtrade.Skip), and of those skipped.
        self.file_value = 0.0
        self.skipped_value = 0.0
        self.layout = options.layout
        self.records = 0
        self.seen_keys: set[bytes] = set()
        self.seen_ids: set[str] = set()
        # The ids of the value figures of the batch, by line: what its quantities link to.
        self.value_ids: dict[int, str] = {}
        # What the report says besides counts: quantities left out (by why), S19 read as a country.
        self.notes: Counter[str] = Counter()
        self.file_source_id = dataset_source_id(facts.digest)
        # Whether the last batch held new figures: the next is staged with their ids (see _stage).
        self.expect_new = True
        self.file_cited = False
        self.file_source_ready = False
        # Text sources cited: id → text; None when there is no such source, "" for a dataset.
        self.sources: dict[str, str | None] = {}
        # Text citations checked lately: paragraph and offsets, or the field at fault and why.
        self.quotes: dict[TextCitation, tuple[int, int, int]] = {}
        self.bad_quotes: dict[TextCitation, tuple[str, str]] = {}

    # --- reading ---

    def run(self) -> ImportReport:
        batch: list[FigureRow] = []
        for rows in self._rows():
            batch += rows  # a value and its quantities: in one batch, where the quantities link to it
            if len(batch) >= self.options.batch_size:
                self._flush(batch)
                batch = []
        self._flush(batch)
        if not self.records and not self.errors.any and self.reader.header is None:
            self.errors.add(1, "file", "the file is empty")
            self.errors.settle()
        applied = not self.errors.any and not self.options.dry_run
        return self._report(applied)

    def _rows(self) -> Iterator[list[FigureRow]]:
        checked_header = False
        for item in self.reader:
            if isinstance(item, LineError):
                self.errors.add(item.line, item.field, item.detail)
                continue
            if not checked_header:
                checked_header = True
                if not self._check_columns(item):
                    return
            self.records += 1
            rows = self._row(item)
            if rows:
                yield rows
        if not checked_header and self.reader.header is not None:
            self._check_columns(None)  # a header and no rows: still say what is wrong with it

    def _check_columns(self, first: Record | None) -> bool:
        """Recognize the layout and check a CSV header; False when the header is unusable."""
        names = self.reader.header if self.reader.header is not None else list(first.fields if first else [])
        detected = self.layout is None
        if self.layout is None:
            self.layout = detect_layout(names)
        if self.reader.header is None:
            return True  # NDJSON and JSON: each record is checked on its own
        line = self.reader.header_line
        problems = [(name, "a required column is missing") for name in missing_columns(self.layout, names)]
        if self.layout is ImportLayout.generic:
            unknown = trade.unknown_columns(names)
            problems = [(name, "not a column of this layout") for name in unknown] + problems
            if detected and len(unknown) > len(names) - len(unknown):  # not a generic file at all
                problems.insert(0, ("file", no_layout_fits(names)))
        for name, detail in problems:
            self.errors.add(line, name, detail)
        return not problems

    def _row(self, record: Record) -> list[FigureRow]:
        """The figures a record states: one, or for a Comtrade row its value and its quantities."""
        fields = record.fields
        renamed: dict[str, str] = {}
        problems: list[tuple[str, str]] = []
        if self.layout is ImportLayout.generic and self.reader.header is None:  # NDJSON: keys per line
            problems = [(name, "not a field of this layout") for name in trade.unknown_columns(list(fields))]
        row = None
        read: comtrade.ComtradeRow | None = None
        columns: dict[str, str] = {}  # the current Comtrade layout's column → the file's
        try:
            if self.layout is ImportLayout.comtrade_legacy:
                fields, columns = comtrade.from_legacy(fields), comtrade.LEGACY_NAMES
            if self.layout in COMTRADE_LAYOUTS:
                read = comtrade.to_generic(fields, self.countries, self.options.s19_as)
                fields, renamed = read.generic, read.columns
            row = self.checker.check(record.line, record.text, fields)
        except Skip as skip:
            self._skip(skip)
            return []
        except RowErrors as exc:
            problems = exc.errors + problems
        for name, detail in problems:
            name = renamed.get(name, name)
            self.errors.add(record.line, columns.get(name, name), detail)
        if row is None or problems:
            return []
        if read is None:
            return [row]
        self.file_value += row.values["value"]
        self.notes.update(read.notes)
        return [row, *comtrade.with_measures(row, read)]

    def _skip(self, skip: Skip) -> None:
        self.skipped[str(skip)] += 1
        group = self.skipped_groups.setdefault(skip.label, [0, 0.0, skip.counted])
        group[0] += 1
        group[1] += skip.value
        if skip.counted:
            self.file_value += skip.value
            self.skipped_value += skip.value

    # --- one batch ---

    def _flush(self, rows: list[FigureRow]) -> None:
        if len(self.quotes) + len(self.bad_quotes) > QUOTES_KEPT:
            self.quotes.clear()
            self.bad_quotes.clear()
        rows = self._unique(rows)
        rows = [row for row in rows if self._cite(row)]
        # The values first, then each kind of quantity (one row per line in each, as the stage wants):
        # a quantity links to its value figure's id, known once the value is planned.
        by_measure: dict[int, list[FigureRow]] = {}
        for row in rows:
            by_measure.setdefault(row.measure, []).append(row)
        self.value_ids = {}
        for measure in sorted(by_measure):
            rows = by_measure[measure]
            if measure:
                rows = [row for row in rows if self._link(row)]
            plan = self._plan(rows)
            self.errors.settle()
            if plan.documents and not self.errors.any and not self.options.dry_run:
                self._write(plan)
        self.errors.settle()  # a batch of bad rows only
        if self.progress is not None:
            self.progress(self.reader.bytes_read)

    def _planned(self, row: FigureRow, figure_id: str) -> None:
        if not row.measure:
            self.value_ids[row.line] = figure_id

    def _link(self, row: FigureRow) -> bool:
        """Point a quantity at its value figure; False when the value row was refused."""
        value_id = self.value_ids.get(row.line)
        if value_id is None:
            return False
        row.values["value_figure_id"] = value_id
        return True

    def _unique(self, rows: list[FigureRow]) -> list[FigureRow]:
        """Rows whose natural key (and id, if given) no earlier row of the file has."""
        kept = []
        in_batch: dict[NaturalKey, int] = {}
        for row in rows:
            key = row.key
            reporter, partner, indicator, commodity, start, end, status, unit = key
            # The commodity last: the one part of free text, so no two keys read the same.
            text = f"{reporter}|{partner}|{indicator}|{start}|{end}|{status}|{unit}|{commodity}"
            digest = hashlib.blake2b(text.encode(), digest_size=16).digest()
            if digest in self.seen_keys:
                earlier = in_batch.get(key)
                where = f"line {earlier}" if earlier else "an earlier line"
                self.errors.add(
                    row.line,
                    KEY_FIELDS[self.layout or ImportLayout.generic],
                    f"{where} states the same figure (the same reporter, partner, indicator, commodity, "
                    "period, status and unit): each figure may appear once",
                )
                continue
            self.seen_keys.add(digest)
            in_batch[key] = row.line
            if row.id is not None:
                if row.id in self.seen_ids:
                    self.errors.add(row.line, "id", f"{row.id!r} is the id of an earlier line's figure")
                    continue
                self.seen_ids.add(row.id)
            kept.append(row)
        return kept

    def _cite(self, row: FigureRow) -> bool:
        """Check a row's text citation against its source; False (and an error) when it fails."""
        citation = row.citation
        if citation is None:
            self.file_cited = True
            return True
        if citation not in self.quotes and citation not in self.bad_quotes:
            try:
                self.quotes[citation] = self._locate(citation)
            except RowErrors as exc:
                self.bad_quotes[citation] = exc.errors[0]
        if citation in self.bad_quotes:
            self.errors.add(row.line, *self.bad_quotes[citation])
            return False
        return True

    def _locate(self, citation: TextCitation) -> tuple[int, int, int]:
        if citation.source_id not in self.sources:
            source = self.session.get(Source, citation.source_id)
            if source is None:
                self.sources[citation.source_id] = None
            else:
                self.sources[citation.source_id] = "" if source.kind == SourceKind.dataset else source.text
        text = self.sources[citation.source_id]
        if text is None:
            raise RowErrors([("citation_source_id", f"unknown source {citation.source_id!r}")])
        if text == "":
            detail = (
                f"{citation.source_id!r} is a dataset: cite text sources by quote, datasets by importing them"
            )
            raise RowErrors([("citation_source_id", detail)])
        try:
            where = locate_quote(text, citation.quote, citation.paragraph)
        except QuoteNotFound as exc:
            raise RowErrors([("citation_quote", str(exc))]) from None
        return where.paragraph, where.char_start, where.char_end

    def _plan(self, rows: list[FigureRow]) -> _Planned:
        """Stage the rows, find in one statement those the stored figures already say, then look
        closer only at the rows that change a stored figure."""
        plan = _Planned()
        if not rows:
            return plan
        whole = self.expect_new
        staged = self._stage(rows, whole)
        inserted, matches = self._insert_new(rows, staged) if whole else ({}, None)
        if matches is None:
            matches = self.store.stored_matches(self.file_source_id)
        changing = [row for row in rows if row.line in matches and not matches[row.line][1]]
        by_key = self.store.figures_by_key([row.key for row in changing])
        citations = self.store.citations_of([figure["id"] for figure in by_key.values()])
        new_rows = [row for row in rows if row.line not in matches and row.line not in inserted]
        self.expect_new = bool(new_rows or inserted)
        ids = {row.line: staged[row.line] or rules.figure_id(row.values) for row in new_rows}
        taken = self.store.taken_ids(set(ids.values()))
        batch_ids: set[str] = set()
        for row in rows:
            if row.line in inserted:
                figure_id = inserted[row.line]
                self._planned(row, figure_id)
                self._plan_new(plan, row, figure_id, inserted=True)
                continue
            match = matches.get(row.line)
            if match is not None:
                figure_id, unchanged = match
                if row.id is not None and row.id != figure_id:
                    detail = f"this figure exists already, as {figure_id!r}: its id cannot change"
                    self.errors.add(row.line, "id", detail)
                elif unchanged:
                    self._planned(row, figure_id)
                    self.counts["unchanged"] += 1
                else:
                    existing = by_key.get(row.key)
                    self._planned(row, figure_id)
                    if existing is None:  # deleted by another transaction since it was matched
                        raise Conflict(
                            f"The figure {figure_id!r} that line {row.line} changes was deleted while this "
                            "file was imported; nothing was imported. Send the file again."
                        )
                    self._plan_existing(plan, row, existing, citations.get(figure_id, []))
                    if figure_id != staged[row.line]:
                        plan.renamed.append((figure_id, None, row.line))
                continue
            if row.id is not None:
                if row.id in taken or row.id in batch_ids:
                    detail = f"{row.id!r} is the id of another figure (or of a deleted one)"
                    self.errors.add(row.line, "id", detail)
                    continue
                figure_id = row.id
            else:
                figure_id = self._free_id(ids[row.line], taken, batch_ids)
            if not whole:
                plan.renamed.append((figure_id, self.texts.search_text(row.values), row.line))
            elif figure_id != staged[row.line]:
                plan.renamed.append((figure_id, None, row.line))
            batch_ids.add(figure_id)
            self._planned(row, figure_id)
            self._plan_new(plan, row, figure_id)
        if inserted and self.errors.any:  # nothing of the batch is written
            self.store.delete_new_figures(plan.inserted)
        return plan

    def _insert_new(
        self, rows: list[FigureRow], staged: dict[int, str | None]
    ) -> tuple[dict[int, str], dict[int, tuple[str, bool]] | None]:
        """A batch staged whole, on its way to being written: insert its new figures first
        (Store.insert_staged_new), then compare only the rows not inserted with the stored figures
        (Store.stored_matches). Returns the ids inserted by line, and those matches (None: not done).
        Kept only when every row not inserted is a stored figure's: a new row whose id is taken (or
        was) is planned as the rest are, so its figures are taken out again and the batch is planned
        as usual."""
        ids = list(staged.values())
        if self.errors.any or self.options.dry_run or None in ids or len(set(ids)) < len(ids):
            return {}, None
        line_of = {figure_id: line for line, figure_id in staged.items()}
        inserted = {line_of[figure_id]: figure_id for figure_id in self.store.insert_staged_new()}
        rest = [row.line for row in rows if row.line not in inserted]
        matches = self.store.stored_matches(self.file_source_id, rest) if rest else {}
        if len(matches) < len(rest):
            self.store.delete_new_figures(list(inserted.values()))
            return {}, None
        return inserted, matches

    def _stage(self, rows: list[FigureRow], whole: bool) -> dict[int, str | None]:
        """Stage the rows (Store.stage), each with the id its figure gets if new (the file's, else the
        one derived from its natural key) and its search text; returns those ids by line. Unless
        `whole`, a row is staged with the file's id or none, and no search text: the rows of a file
        imported again are mostly stored already, and need neither (_plan sets them on the new)."""
        ids: dict[int, str | None] = {}
        staged = []
        file_source_id = self.file_source_id
        search_text = self.texts.search_text if whole else lambda values: None
        for row in rows:
            values = row.values
            figure_id = ids[row.line] = row.id or (rules.figure_id(values) if whole else None)
            if row.citation is None:
                citation: tuple[Any, ...] = (file_source_id, row.text, row.line, None, None, None)
            else:
                citation = self._text_citation(row.citation)
            columns = [
                row.line,
                figure_id,
                *_FIGURE_VALUES(_ABSENT | values),
                *(int(name in values) for name in trade.KEPT_WHEN_ABSENT),
                search_text(values),
                *citation,
            ]
            for n in _DATE_POSITIONS:
                if columns[n] is not None:
                    columns[n] = columns[n].isoformat()  # as both engines take a date in bulk
            staged.append(tuple(columns))
        self.store.stage(staged)
        return ids

    def _plan_new(self, plan: _Planned, row: FigureRow, figure_id: str, inserted: bool = False) -> None:
        self.counts["inserted"] += 1
        values = row.values
        for name in _ABSENT:
            values.setdefault(name, None)
        if inserted:
            plan.inserted.append(figure_id)
        else:
            plan.new_figures.append(row.line)
        plan.new_citations.append(row.line)
        if row.citation is None:
            source_id, quote, line, paragraph = self.file_source_id, row.text, row.line, None
        else:
            source_id, quote, line, paragraph = self._text_citation(row.citation)[:4]
        # A revision as app.revisions writes one (orjson writes enums by value, dates in ISO 8601).
        content = {
            "id": figure_id,
            **dict(zip(FIGURE_VALUE_COLUMNS, _FIGURE_VALUES(values), strict=True)),
            "citations": [{"source_id": source_id, "quote": quote, "paragraph": paragraph, "line": line}],
        }
        plan.revisions.append(self._revision(figure_id, RevisionAction.create, revisions.created(content)))
        plan.documents[figure_id] = (values, [quote])

    def _plan_existing(
        self, plan: _Planned, row: FigureRow, existing: dict[str, Any], citations: list[dict[str, Any]]
    ) -> None:
        figure_id = existing["id"]
        changes: dict[str, list[Any]] = {}
        for key in trade.CONTENT_COLUMNS:
            if key in row.values and existing[key] != row.values[key]:
                changes[key] = [_plain(existing[key]), _plain(row.values[key])]
        wanted = self._citation(row, figure_id)
        # The figure's values changed: rows of other files quoted the values replaced.
        cited = restating.restated(citations, [wanted], self.file_source_id, values_changed=bool(changes))
        kept = {id(c) for c in cited}
        plan.dropped_citations += [c["id"] for c in citations if id(c) not in kept]
        # In the order the figure will list them (its search document's): those it had, then the new.
        cited = [c for c in citations if id(c) in kept]
        if id(wanted) in kept:
            cited.append(wanted)
            plan.new_citations.append(row.line)  # the staged row's citation
        before = sorted((_citation_plain(c) for c in citations), key=repr)
        after = sorted((_citation_plain(c) for c in cited), key=repr)
        if before != after:
            changes["citations"] = [before, after]
        if not changes:
            self.counts["unchanged"] += 1
            return
        self.counts["updated"] += 1
        merged = existing | {key: value for key, value in row.values.items() if key in trade.CONTENT_COLUMNS}
        if any(key in trade.CONTENT_COLUMNS for key in changes):
            update = {key: merged[key] for key in trade.CONTENT_COLUMNS}
            plan.updates.append(update | {"id": figure_id, "search_text": self.texts.search_text(merged)})
        plan.revisions.append(self._revision(figure_id, RevisionAction.update, changes))
        plan.documents[figure_id] = (merged, [c["quote"] for c in cited])

    def _citation(self, row: FigureRow, figure_id: str) -> dict[str, Any]:
        citation: dict[str, Any] = {
            "trade_figure_id": figure_id,
            "line": None,
            "paragraph": None,
            "char_start": None,
            "char_end": None,
        }
        if row.citation is None:
            return citation | {"source_id": self.file_source_id, "quote": row.text, "line": row.line}
        located = (figure_id, *self._text_citation(row.citation))
        return dict(zip(CITATION_COLUMNS, located, strict=True))

    def _text_citation(self, citation: TextCitation) -> tuple[Any, ...]:
        """source_id, quote, line, paragraph, char_start, char_end of a located quote."""
        paragraph, start, end = self.quotes[citation]
        return (citation.source_id, citation.quote, None, paragraph, start, end)

    def _revision(self, figure_id: str, action: RevisionAction, changes: dict[str, Any]) -> tuple[Any, ...]:
        payload = orjson.dumps(changes).decode()
        return (RECORD_TYPE, figure_id, action, self.options.actor, payload)

    def _free_id(self, base: str, taken: set[str], batch_ids: set[str]) -> str:
        """`base`, else `base-2`, `base-3`…: the first no figure has or had (rarely needed)."""
        if base not in taken and base not in batch_ids:
            return base
        n = 2
        while True:
            suffix = f"-{n}"
            candidate = base[: trade.MAX_ID_LENGTH - len(suffix)] + suffix
            if candidate not in batch_ids and not self.store.taken_ids([candidate]):
                return candidate
            n += 1

    # --- writing ---

    def _write(self, plan: _Planned) -> None:
        store = self.store
        if self.file_cited and not self.file_source_ready:
            self._ensure_file_source()
        store.rename_staged(plan.renamed)
        store.insert_staged(FIGURES, plan.new_figures)
        store.update_figures(plan.updates)
        store.delete_citations(plan.dropped_citations)
        store.insert_staged(CITATIONS, plan.new_citations)
        store.insert(STAGING, REVISION_ROW_COLUMNS, plan.revisions)
        if plan.revisions:
            creates_only = all(row[2] is RevisionAction.create for row in plan.revisions)
            revisions.staged(self.session, creates_only=creates_only)
        self._index(plan.documents, set(plan.inserted))
        # The figures the whole file will insert, at the rate of those read so far.
        expected = self.counts["inserted"] * self.size // max(self.reader.bytes_read, 1)
        store.wrote(len(plan.new_figures) + len(plan.inserted), expected)

    def _index(self, figures: dict[str, tuple[dict[str, Any], list[str]]], fresh: set[str]) -> None:
        """Search documents of the figures written, built by app.search's own rules. `fresh`: figures
        whose ids no figure ever had before (_insert_new), so no document has either."""
        if not figures:
            return
        stored = self.store.documents([figure_id for figure_id in figures if figure_id not in fresh])
        inserts, updates = [], []
        record_type = SearchRecordType.trade_figure
        for figure_id, (values, quotes) in figures.items():
            fields = self.texts.fields(values, quotes)
            document = stored.get(figure_id)
            if document is None:
                inserts.append((record_type, figure_id, *fields.values()))
            elif any(document[name] != value for name, value in fields.items()):
                updates.append({"id": document["id"], **fields})
        self.store.insert(DOCUMENTS, DOCUMENT_COLUMNS, inserts)
        self.store.update_documents(updates)

    def _ensure_file_source(self) -> None:
        source = self.session.get(Source, self.file_source_id)
        if source is None:
            self.session.add(
                Source(
                    id=self.file_source_id,
                    title=self.options.file_name[:1000],
                    author=None,
                    language="en",
                    publication_year=None,
                    kind=SourceKind.dataset,
                    url=None,
                    text=self._description(),
                )
            )
            self.session.flush()  # the revision hook records the new source
            search.index_records(self.session, SearchRecordType.source, [self.file_source_id])
        self.file_source_ready = True

    def _description(self) -> str:
        layout = self.layout.value if self.layout else "generic"
        lines = [
            f"Dataset imported from the file {self.options.file_name} "
            f"({self.reader.format.upper()}, {layout} layout, {self.size} bytes, SHA-256 {self.digest}).",
            "Each citation of this source quotes one row of the file, verbatim, with its line number.",
        ]
        if self.reader.header_text is not None:
            lines.append(f"Columns: {self.reader.header_text[:2000]}")
        return "\n\n".join(lines)

    # --- the report ---

    def _report(self, applied: bool) -> ImportReport:
        rejected = self.errors.any
        comtrade_layout = self.layout in COMTRADE_LAYOUTS
        return ImportReport(
            resource=self.options.resource,
            layout=self.layout or ImportLayout.generic,
            format=self.reader.format,
            applied=applied,
            source_id=self.file_source_id if self.file_cited else None,
            records=self.records,
            inserted=0 if rejected else self.counts["inserted"],
            updated=0 if rejected else self.counts["updated"],
            unchanged=0 if rejected else self.counts["unchanged"],
            skipped=sum(self.skipped.values()),
            skipped_reasons=dict(self.skipped.most_common()),
            skipped_groups=[
                SkippedGroup(label=label, rows=rows, value=value, counted=counted)
                for label, (rows, value, counted) in sorted(
                    self.skipped_groups.items(), key=lambda item: (-item[1][0], item[0])
                )
            ],
            skipped_value=self.skipped_value if comtrade_layout else None,
            file_value=self.file_value if comtrade_layout else None,
            skipped_value_percent=(
                round(100 * self.skipped_value / self.file_value, 1)
                if comtrade_layout and self.file_value
                else None
            ),
            notes=[f"{note}: {n} row{'s' if n != 1 else ''}" for note, n in self.notes.most_common()],
            encoding=self.facts.encoding,
            delimiter=self.reader.delimiter if self.reader.format == "csv" else None,
            compression=self.facts.compression,
            rejected=self.errors.lines,
            errors=self.errors.listed,
            errors_truncated=self.errors.truncated,
        )


def _plain(value: Any) -> Any:
    """A column value as app.revisions writes it into a revision: enums by value, dates in ISO 8601."""
    if value is None or type(value) in (str, float, int):
        return value
    if isinstance(value, Enum):
        return value._value_  # the plain attribute: `.value` is a much slower descriptor
    assert isinstance(value, date)
    return value.isoformat()


def _citation_plain(citation: dict[str, Any]) -> dict[str, Any]:
    """A citation as app.revisions writes it into a revision (citation lists sorted by repr)."""
    return {
        "source_id": citation["source_id"],
        "quote": citation["quote"],
        "paragraph": citation["paragraph"],
        "line": citation.get("line"),
    }
