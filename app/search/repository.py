"""Search documents: built from the records, kept in step with them, and queried through the
database's own full-text index (FTS5 on SQLite, migration 0003; on PostgreSQL a GIN index over the record
type and `to_tsvector('simple', stems)`, migration 0007, which serves searches of some types too).

Both engines index the same stems (app.search.text), so they find the same records, and the ranking
is done here, over those stems (app.search.text.relevance), so they order them the same way.
"""

import hashlib
import heapq
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

import orjson
from sqlalchemy import (
    ColumnElement,
    Connection,
    FromClause,
    Integer,
    Row,
    Select,
    String,
    bindparam,
    column,
    func,
    literal_column,
    select,
    table,
    text,
)
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.sql.base import ExecutableOption

from app.common.dates import month_end
from app.common.pagination import decode_cursor, encode_cursor
from app.errors import InvalidParameter
from app.models import (
    Agreement,
    Country,
    Event,
    FigureStatus,
    Indicator,
    InfrastructureProject,
    Organization,
    Person,
    Place,
    SearchDocument,
    SearchRecordType,
    Source,
    TradeFigure,
)
from app.search import text as search_text
from app.search.schemas import SearchMatch, SearchParams
from app.search.text import Snippets, Term, query_terms, relevance, stems

# --- documents: what each kind of record is found by ---

Describe = Callable[[Any], tuple[str, str, list[str | None]]]  # title_en, title_ru, more text


@dataclass(frozen=True)
class _Kind:
    model: Any
    load: Sequence[ExecutableOption]
    describe: Describe


def _quotes(record: Any) -> list[str | None]:
    return [citation.quote for citation in record.citations]


INDICATOR_TITLES: dict[Indicator, tuple[str, str]] = {
    Indicator.trade_turnover: ("Trade turnover", "Товарооборот"),
    Indicator.exports: ("Exports", "Экспорт"),
    Indicator.imports: ("Imports", "Импорт"),
    Indicator.transit_volume: ("Transit volume", "Объём транзита"),
    Indicator.trade_turnover_growth: ("Trade turnover growth", "Рост товарооборота"),
    Indicator.exports_growth: ("Exports growth", "Рост экспорта"),
    Indicator.imports_growth: ("Imports growth", "Рост импорта"),
    Indicator.transit_volume_growth: ("Transit volume growth", "Рост объёма транзита"),
    Indicator.re_exports: ("Re-exports", "Реэкспорт"),
    Indicator.re_imports: ("Re-imports", "Реимпорт"),
    Indicator.domestic_exports: ("Domestic exports", "Экспорт отечественных товаров"),
    Indicator.foreign_imports: ("Foreign imports", "Импорт иностранных товаров"),
    Indicator.imports_for_inward_processing: (
        "Imports for inward processing",
        "Импорт для переработки на таможенной территории",
    ),
    Indicator.exports_after_inward_processing: (
        "Exports after inward processing",
        "Экспорт после переработки на таможенной территории",
    ),
    Indicator.imports_after_outward_processing: (
        "Imports after outward processing",
        "Импорт после переработки вне таможенной территории",
    ),
    Indicator.exports_for_outward_processing: (
        "Exports for outward processing",
        "Экспорт для переработки вне таможенной территории",
    ),
}
STATUS_TITLES: dict[FigureStatus, tuple[str, str]] = {
    FigureStatus.reported: ("", ""),
    FigureStatus.preliminary: (" (preliminary)", " (предварительно)"),
    FigureStatus.estimate: (" (estimate)", " (оценка)"),
    FigureStatus.forecast: (" (forecast)", " (прогноз)"),
    FigureStatus.target: (" (target)", " (цель)"),
}


def period_label(start: date, end: date) -> str:
    """`2024`, `2025-03`, `2025-01..2025-09`, or the days when the period is not whole months."""
    if start.day != 1 or end != month_end(end.year, end.month):
        return start.isoformat() if start == end else f"{start.isoformat()}..{end.isoformat()}"
    if start.year == end.year and (start.month, end.month) == (1, 12):
        return str(start.year)
    first, last = f"{start:%Y-%m}", f"{end:%Y-%m}"
    return first if first == last else f"{first}..{last}"


def trade_figure_titles(figure: TradeFigure) -> tuple[str, str]:
    """A trade figure has no title of its own: "Trade turnover Azerbaijan–Kazakhstan, 2025-01..2025-09"."""
    period = period_label(figure.period_start, figure.period_end)
    commodity = "" if figure.commodity == "TOTAL" else f" ({figure.commodity})"
    (indicator_en, indicator_ru), (status_en, status_ru) = (
        INDICATOR_TITLES[figure.indicator],
        STATUS_TITLES[figure.status],
    )
    pair_en = f"{figure.reporter.name_en}–{figure.partner.name_en}"
    pair_ru = f"{figure.reporter.name_ru}–{figure.partner.name_ru}"
    return (
        f"{indicator_en} {pair_en}{commodity}, {period}{status_en}",
        f"{indicator_ru} {pair_ru}{commodity}, {period}{status_ru}",
    )


def _trade_figure(figure: TradeFigure) -> tuple[str, str, list[str | None]]:
    title_en, title_ru = trade_figure_titles(figure)
    return title_en, title_ru, [figure.note_en, figure.note_ru, *_quotes(figure)]


KINDS: dict[SearchRecordType, _Kind] = {
    SearchRecordType.event: _Kind(
        Event,
        [selectinload(Event.citations)],
        lambda e: (e.title_en, e.title_ru, [e.summary_en, e.summary_ru, *_quotes(e)]),
    ),
    SearchRecordType.agreement: _Kind(
        Agreement,
        [selectinload(Agreement.citations)],
        lambda a: (a.title_en, a.title_ru, [a.summary_en, a.summary_ru, *_quotes(a)]),
    ),
    SearchRecordType.trade_figure: _Kind(
        TradeFigure,
        [
            selectinload(TradeFigure.reporter),
            selectinload(TradeFigure.partner),
            selectinload(TradeFigure.citations),
        ],
        _trade_figure,
    ),
    SearchRecordType.infrastructure_project: _Kind(
        InfrastructureProject,
        [selectinload(InfrastructureProject.citations)],
        lambda p: (p.name_en, p.name_ru, [p.summary_en, p.summary_ru, *_quotes(p)]),
    ),
    # Codes too: "KZ" and "KAZ" find Kazakhstan.
    SearchRecordType.country: _Kind(
        Country,
        [selectinload(Country.citations)],
        lambda c: (c.name_en, c.name_ru, [c.official_name_en, f"{c.id} {c.alpha3}", *_quotes(c)]),
    ),
    SearchRecordType.organization: _Kind(
        Organization,
        [selectinload(Organization.citations)],
        lambda o: (o.name_en, o.name_ru, [o.abbreviation_en, o.abbreviation_ru, *_quotes(o)]),
    ),
    SearchRecordType.person: _Kind(
        Person,
        [selectinload(Person.citations)],
        lambda p: (p.name_en, p.name_ru, [p.role_en, p.role_ru, *_quotes(p)]),
    ),
    SearchRecordType.place: _Kind(
        Place, [selectinload(Place.citations)], lambda p: (p.name_en, p.name_ru, _quotes(p))
    ),
    # A source is found by any word of its text: every quote is in there, and the rest too.
    SearchRecordType.source: _Kind(Source, [], lambda s: (s.title, s.title, [s.author, s.text])),
}


def document_fields(kind: _Kind, record: Any) -> dict[str, str]:
    title_en, title_ru, more = kind.describe(record)
    lines = (line.strip() for part in (title_en, title_ru, *more) if part for line in part.splitlines())
    text = "\n".join(dict.fromkeys(line for line in lines if line))
    return {"title_en": title_en, "title_ru": title_ru, "text": text, "stems": " ".join(stems(text))}


# --- keeping the documents in step with the records ---


def rebuild_search_index(session: Session) -> Counter[str]:
    """Bring every record's search document up to date; remove documents of records that are gone.

    Returns counts of `search_documents inserted|updated|deleted|unchanged`.
    """
    report: Counter[str] = Counter()
    for record_type in SearchRecordType:
        report += _sync(session, record_type, None)
    if report.keys() - {"search_documents unchanged"}:
        optimize_index(session)
    return report


def optimize_index(session: Session) -> None:
    """After many documents were written at once (a rebuild, a bulk import): merge SQLite's FTS5
    index into one segment. Queries then read one b-tree per term instead of one per segment
    (2-3x faster at a million documents; about 2 s to merge). PostgreSQL's GIN index needs nothing."""
    if session.get_bind().dialect.name == "sqlite":
        session.execute(text("INSERT INTO search_fts(search_fts) VALUES ('optimize')"))


def index_records(session: Session, record_type: SearchRecordType, ids: Iterable[str]) -> Counter[str]:
    """Bring the documents of these records up to date: after they were created, changed or deleted."""
    return _sync(session, record_type, set(ids))


def has_documents(session: Session) -> bool:
    return session.scalar(select(SearchDocument.id).limit(1)) is not None


def _sync(session: Session, record_type: SearchRecordType, ids: Collection[str] | None) -> Counter[str]:
    kind = KINDS[record_type]
    records = select(kind.model).options(*kind.load)
    documents = select(SearchDocument).where(SearchDocument.record_type == record_type)
    if ids is not None:
        records = records.where(kind.model.id.in_(ids))
        documents = documents.where(SearchDocument.record_id.in_(ids))
    existing = {document.record_id: document for document in session.scalars(documents)}
    report: Counter[str] = Counter()
    for record in session.scalars(records):
        fields = document_fields(kind, record)
        document = existing.pop(record.id, None)
        if document is None:
            session.add(SearchDocument(record_type=record_type, record_id=record.id, **fields))
            report["search_documents inserted"] += 1
        elif any(getattr(document, name) != value for name, value in fields.items()):
            for name, value in fields.items():
                setattr(document, name, value)
            report["search_documents updated"] += 1
        else:
            report["search_documents unchanged"] += 1
    for document in existing.values():
        session.delete(document)
        report["search_documents deleted"] += 1
    session.flush()
    return report


# --- querying ---

_CURSOR_SORT = "rank"
_CURSOR_LIST = "search"
_SEARCH_FTS = table("search_fts", column("rowid", Integer))


def fts5_match(terms: Sequence[Term]) -> str:
    """An FTS5 query requiring every term: `"порт"* AND ("казахста"* OR "казахст")`.

    Each stem is a quoted string, so none can be read as an operator (AND, NEAR, a column filter…).
    """

    def quoted(stem: str) -> str:
        return '"' + stem.replace('"', '""') + '"'

    def alternatives(term: Term) -> str:
        forms = [quoted(term.stem) + ("*" if term.prefix else "")]
        forms += [quoted(variant) for variant in term.exact[1:]]
        return forms[0] if len(forms) == 1 else "(" + " OR ".join(forms) + ")"

    return " AND ".join(alternatives(term) for term in terms)


def _lexeme(stem: str) -> str:
    return "'" + stem.replace("\\", "\\\\").replace("'", "''") + "'"


def tsquery(terms: Sequence[Term]) -> str:
    """A PostgreSQL tsquery requiring every term, each stem quoted: `('казахста':* | 'казахст') & 'eu'`."""

    def alternatives(term: Term) -> str:
        forms = [_lexeme(term.stem) + (":*" if term.prefix else "")]
        forms += [_lexeme(variant) for variant in term.exact[1:]]
        return forms[0] if len(forms) == 1 else "(" + " | ".join(forms) + ")"

    return " & ".join(alternatives(term) for term in terms)


@cache
def _block_statement(engine: str, typed: bool) -> Select[int, SearchRecordType, str, str]:
    """A block of matches: the first `:limit` in index order (document id) after `:block_after`, of
    the record types `:types` with `typed`, with the stems they are ranked by."""
    query = bindparam("match", type_=String)
    if engine == "sqlite":
        fts: ColumnElement[Any] = literal_column("search_fts")
        source: FromClause = _SEARCH_FTS.join(SearchDocument, SearchDocument.id == _SEARCH_FTS.c.rowid)
        condition = fts.op("MATCH", is_comparison=True)(query)
        # By the full-text index's own rowid: FTS5 reads its matches in that order and stops at the
        # limit, rather than handing every match to a sort.
        document_id: ColumnElement[int] = _SEARCH_FTS.c.rowid
        order: ColumnElement[int] = document_id
    else:
        # The expression must be the indexed one, `to_tsvector('simple', stems)`, for the GIN index
        # to serve.
        simple: ColumnElement[Any] = literal_column("'simple'")
        vector = func.to_tsvector(simple, SearchDocument.stems)
        source = SearchDocument.__table__
        condition = vector.op("@@", is_comparison=True)(func.to_tsquery(simple, query))
        document_id = SearchDocument.id.expression
        # Ordered by the primary key, PostgreSQL would walk it and recompute the tsvector of every
        # row until the block is full (most of the table, for a word of late rows); ordered by an
        # expression, it takes the matches from the GIN index and keeps the first in a bounded sort.
        order = SearchDocument.id + literal_column("0")
    statement = (
        select(SearchDocument.id, SearchDocument.record_type, SearchDocument.record_id, SearchDocument.stems)
        .select_from(source)
        .where(condition, document_id > bindparam("block_after", type_=Integer))
    )
    if typed:
        statement = statement.where(SearchDocument.record_type.in_(bindparam("types", expanding=True)))
    return statement.order_by(order).limit(bindparam("limit", type_=Integer))


BlockRow = Row[int, SearchRecordType, str, str]


@dataclass(frozen=True)
class _Hit:
    block: int  # the document id its block of matches follows
    sort_key: float  # lower is better: the relevance, negated
    record_type: SearchRecordType
    record_id: str
    document_id: int


def search(session: Session, params: SearchParams) -> tuple[list[SearchMatch], str | None]:
    """One page of the records matching every term of `q`, best first; and the next page's cursor.

    The matches are ranked RANKED_AT_ONCE at a time, in index order: a block of them is read with
    the stems of each, ranked (app.search.text.relevance) and listed best first, then the next
    block. Ranking costs time in proportion to what it ranks: this way a page costs at most a block's
    worth, however many records a common word matches. A search with fewer matches is one block,
    ranked whole."""
    terms = query_terms(params.q)
    fingerprint = _fingerprint(terms, params.type)
    connection = session.connection()
    engine = connection.dialect.name
    values: dict[str, Any] = {
        "types": list(params.type),
        "match": fts5_match(terms) if engine == "sqlite" else tsquery(terms),
    }
    block, after = _after(params.cursor, fingerprint) if params.cursor is not None else (0, None)
    hits = _ranked_in_blocks(connection, engine, values, terms, params.limit + 1, block, after)
    next_cursor = None
    if len(hits) > params.limit:
        hits = hits[: params.limit]
        last = hits[-1]
        last_key = [last.block, last.sort_key, last.record_type.value, last.record_id, fingerprint]
        next_cursor = encode_cursor(_CURSOR_LIST, _CURSOR_SORT, last_key)
    texts = _texts(session, [hit.document_id for hit in hits])
    make_snippet = Snippets(terms)
    matches = []
    for hit in hits:
        title_en, title_ru, body = texts[hit.document_id]
        matches.append(
            SearchMatch(
                record_type=hit.record_type,
                record_id=hit.record_id,
                title_en=title_en,
                title_ru=title_ru,
                snippet=make_snippet(body),
                rank=-hit.sort_key + 0.0,  # + 0.0: no "-0.0"
            )
        )
    return matches, next_cursor


def _ranked_in_blocks(
    connection: Connection,
    engine: str,
    values: dict[str, Any],
    terms: Sequence[Term],
    limit: int,
    block: int,
    after: tuple[float, str, str] | None,
) -> list[_Hit]:
    """Up to `limit` hits: from the block that follows document id `block` (after the hit `after`
    sorts, in it) on, each block ranked on its own."""
    size = search_text.RANKED_AT_ONCE
    statement = _block_statement(engine, bool(values["types"]))
    hits: list[_Hit] = []
    while len(hits) < limit:
        rows: Sequence[BlockRow] = connection.execute(
            statement, {**values, "block_after": block, "limit": size}
        ).all()
        if not rows:
            break
        scores = relevance(terms, [row.stems for row in rows])
        keys = [
            (-score, row.record_type.value, row.record_id, row)
            for row, score in zip(rows, scores, strict=True)
        ]
        if after is not None:
            keys = [key for key in keys if key[:3] > after]
        for sort_key, _type, record_id, row in heapq.nsmallest(limit - len(hits), keys, key=_order):
            hits.append(_Hit(block, sort_key, row.record_type, record_id, row.id))
        if len(rows) < size:
            break
        block, after = rows[-1].id, None
    return hits


def _order(key: tuple[float, str, str, BlockRow]) -> tuple[float, str, str]:
    return key[:3]


def _texts(session: Session, document_ids: Sequence[int]) -> dict[int, tuple[str, str, str]]:
    """The titles and text of these documents, for the page's hits."""
    rows = session.execute(
        select(
            SearchDocument.id, SearchDocument.title_en, SearchDocument.title_ru, SearchDocument.text
        ).where(SearchDocument.id.in_(document_ids))
    )
    return {document_id: (title_en, title_ru, body) for document_id, title_en, title_ru, body in rows}


def _fingerprint(terms: Sequence[Term], types: Sequence[SearchRecordType]) -> str:
    """Names the result set a cursor walks: the same terms and types, whatever the spelling of `q`."""
    payload = orjson.dumps([[term.exact for term in terms], sorted(set(types))])
    return hashlib.sha256(payload).hexdigest()[:16]


def _after(cursor: str, fingerprint: str) -> tuple[int, tuple[float, str, str]]:
    """The cursor's block (the document id its block of matches follows) and the sort key of the
    last hit it saw."""
    block, key, record_type, record_id, issued_for = decode_cursor(
        cursor, _CURSOR_LIST, _CURSOR_SORT, [int, float, str, str, str]
    )
    if issued_for != fingerprint:
        raise InvalidParameter.for_param(
            "cursor", "this cursor belongs to another search; pass the same q and type it was issued for"
        )
    if record_type not in SearchRecordType.__members__ or block < 0:
        raise InvalidParameter.for_param(
            "cursor", "malformed cursor; use a next_cursor value exactly as returned"
        )
    return block, (key, record_type, record_id)
