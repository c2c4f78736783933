"""Search documents: built from the records, kept in step with them, and queried through the
database's own full-text index (FTS5 on SQLite, migration 0003; on PostgreSQL a GIN index over the record
type and a stored `to_tsvector('simple', stems)`, migrations 0007 and 0014, which serves searches of
some types too, and a walk of the documents in id order for common words).

Both engines index the same stems (app.search.text), so they find the same records, and both rank
them by app.search.text.relevance over those stems, so they order them the same way: SQLite reads a
block's stems and ranks them with relevance itself; PostgreSQL computes it in one statement of this
module, to the same doubles.
"""

import hashlib
import math
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

import orjson
from sqlalchemy import (
    Connection,
    Integer,
    bindparam,
    column,
    select,
    table,
    text,
)
from sqlalchemy.dialects import postgresql
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.sql.base import ExecutableOption

from app import datastate
from app.common.dates import month_end
from app.common.pagination import decode_cursor, encode_cursor
from app.db import DriverStatement
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
from app.search.text import Snippets, Term, query_terms, stems

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
# A prefix that begins more indexed words than this is left to FTS5's own prefix query.
EXPANDED_AT_MOST = 32
_CURSOR_LIST = "search"
_SEARCH_FTS = table("search_fts", column("rowid", Integer))


def fts5_match(terms: Sequence[Term], longer: Mapping[str, Sequence[str]] | None = None) -> str:
    """An FTS5 query requiring every term: `"порт"* AND ("казахста"* OR "казахст")`.

    A prefix term whose `longer` words (see `longer_words`) are given is written as those words and
    its own, each whole: `("визит" OR "визитн")` rather than `"визит"*`. Each stem is a quoted
    string, so none can be read as an operator (AND, NEAR, a column filter…).
    """
    longer = longer or {}

    def quoted(stem: str) -> str:
        return '"' + stem.replace('"', '""') + '"'

    def alternatives(term: Term) -> str:
        if not term.prefix:
            forms = [quoted(term.stem)]
        elif term.stem in longer:
            forms = [quoted(term.stem), *map(quoted, longer[term.stem])]
        else:
            forms = [quoted(term.stem) + "*"]
        forms += [quoted(variant) for variant in term.exact[1:]]
        return forms[0] if len(forms) == 1 else "(" + " OR ".join(forms) + ")"

    return " AND ".join(alternatives(term) for term in terms)


# An index word that a prefix begins: from the FTS5 vocabulary (migration 0012), in the byte order
# of the index (a stem holds letters and digits only: \x01 sorts before any, U+10FFFF after).
_LONGER_WORDS = DriverStatement(
    text("SELECT term FROM search_fts_vocab WHERE term >= :low AND term < :high LIMIT :limit")
)


def longer_words(connection: Connection, terms: Sequence[Term]) -> dict[str, list[str]]:
    """SQLite: the indexed words each prefix term begins, longer than its stem, where there are at
    most EXPANDED_AT_MOST. FTS5 reads every match of a prefix query (merging the lists of all the
    words it begins) before it returns the first; words named whole it reads a match at a time, so
    a block of a common word stops at the block's end."""
    found = {}
    for term in terms:
        if term.prefix:
            bounds = {
                "low": term.stem + "\x01",
                "high": term.stem + "\U0010ffff",
                "limit": EXPANDED_AT_MOST + 1,
            }
            words = [word for (word,) in _LONGER_WORDS.rows(connection, bounds)]
            if len(words) <= EXPANDED_AT_MOST:
                found[term.stem] = words
    return found


def _lexeme(stem: str) -> str:
    return "'" + stem.replace("\\", "\\\\").replace("'", "''") + "'"


def tsquery(terms: Sequence[Term]) -> str:
    """A PostgreSQL tsquery requiring every term, each stem quoted: `('казахста':* | 'казахст') & 'eu'`."""

    def alternatives(term: Term) -> str:
        forms = [_lexeme(term.stem) + (":*" if term.prefix else "")]
        forms += [_lexeme(variant) for variant in term.exact[1:]]
        return forms[0] if len(forms) == 1 else "(" + " | ".join(forms) + ")"

    return " & ".join(alternatives(term) for term in terms)


# BM25's constants, bound as the same doubles app.search.text.relevance computes with, so that the
# database's rank equals it to the last bit.
_SCORE_CONSTANTS = {
    "k1": search_text.K1,
    "k1_plus_1": search_text.K1 + 1,
    "one_minus_b": 1 - search_text.B,
    "b": search_text.B,
}
# Each term's shape: whether it matches as a prefix, and whether it has a variant.
Shape = tuple[tuple[bool, bool], ...]


# PostgreSQL's walk (`_postgresql_block`): the documents it tests for a sample of their density,
# and at most how many it tests before it leaves the rest of the block to the GIN index.
PROBED = 50
WALKED_AT_MOST = 10_000


@lru_cache(maxsize=256)
def _page_statement(types: int, shape: Shape, after: bool, version: bool) -> DriverStatement:
    """PostgreSQL: up to `:page` hits of one block of matches, best first, with the block's size and
    last id; with `version`, the data version's number last (`datastate.confirm`).

    The block is the first `:size` matches in index order (document id) after `:block_after`, of
    the record types `:types` (`types` of them; none: every type); with `after`, the hits that sort
    after `:after_score`, `:after_type`, `:after_id` (the last hit a cursor saw). Each match is
    ranked in the database, as app.search.text.relevance ranks it: its stems are spaced out
    (` a  b  c `) so that every stem has spaces of its own, and the occurrences of a term's forms
    counted by the bytes replacing them removes (term i: `:eq_i`, its stem whole; `:pre_i`, any stem
    it begins; `:var_i`, its variant).
    (Spaced out after the block is cut: PostgreSQL computes what a select lists before it sorts.)
    Only the page's hits leave the database, with their titles and text. The first row always
    comes, with the block's size and last id, and no hit when none sorts after `after`.
    """
    block = _postgresql_block(types)
    # Ties are broken in code point order, as Python compares strings.
    collate = ' COLLATE "C"'

    # Lengths in bytes: octet_length reads a text's size, where length counts its characters one
    # by one; what replacing removes is whole needles either way.
    def occurrences(needle: str) -> str:
        return f"(octet_length(spaced) - octet_length(replace(spaced, :{needle}, ''))) / :{needle}_length"

    founds = []
    for i, (prefix, variant) in enumerate(shape):
        # As relevance counts: an exact form twice, a longer word the prefix begins once.
        found = (
            f"{occurrences(f'eq_{i}')} + {occurrences(f'pre_{i}')}"
            if prefix
            else f"2 * {occurrences(f'eq_{i}')}"
        )
        if variant:
            found += f" + :var_{i}_weight * {occurrences(f'var_{i}')}"
        founds.append(f"{found} AS found_{i}")
    score = " + ".join(f"found_{i} * :k1_plus_1 / (found_{i} + norm)" for i in range(len(shape)))
    record_type, record_id = f"record_type{collate}", f"record_id{collate}"
    later = (
        f"WHERE ({score}) < :after_score OR (({score}) = :after_score AND ({record_type} > :after_type "
        f"OR ({record_type} = :after_type AND {record_id} > :after_id)))"
        if after
        else ""
    )
    # A stem per space, and one more: what spacing out added, less its two ends.
    length = "octet_length(spaced) - octet_length(stems) - 1"
    dialect = postgresql.dialect()  # type: ignore[no-untyped-call]
    number = f", {datastate.number_column().compile(dialect=dialect)}" if version else ""
    mean = f"CAST(sum({length}) AS DOUBLE PRECISION) / count(*)"
    statement = text(f"""
        WITH {block}, spaced AS MATERIALIZED (
            SELECT id, record_type, record_id, stems, ' ' || replace(stems, ' ', '  ') || ' ' AS spaced
            FROM block
        ), totals AS MATERIALIZED (
            SELECT count(*) AS matches, max(id) AS last_id,
                CASE WHEN {mean} > 1.0 THEN {mean} ELSE 1.0 END AS average
            FROM spaced
        ), counted AS MATERIALIZED (
            SELECT id, record_type, record_id,
                :k1 * (:one_minus_b + :b * ({length}) / average) AS norm, {", ".join(founds)}
            FROM spaced, totals
        ), page AS (
            SELECT id, record_type, record_id, {score} AS score FROM counted {later}
            ORDER BY score DESC, {record_type}, {record_id} LIMIT :page
        )
        SELECT totals.matches, totals.last_id, page.id, page.record_type, page.record_id, page.score,
            d.title_en, d.title_ru, d.text{number}
        FROM totals LEFT JOIN page ON true LEFT JOIN search_documents d ON d.id = page.id
        ORDER BY page.score DESC, page.{record_type}, page.{record_id}
    """)
    # On the driver's cursor (app/db.py): a search runs a statement or two, each of SQLAlchemy's
    # executes costing more Python than the rows it returns.
    return DriverStatement(statement.bindparams(bindparam("types", expanding=True)) if types else statement)


def _postgresql_block(types: int) -> str:
    """PostgreSQL: the CTEs that end in `block`, the first `:size` matches after `:block_after` in
    id order, of the types `:types`, by one of two ways to the same documents.

    The GIN index finds every match of the query at once, unordered; a bounded sort keeps the first.
    That costs in proportion to all the matches: right for a rare word, not for one that a third of
    the documents hold. So the statement first tests the next `:probed` documents in id order (the
    probe); where enough of them match that the block would fill within `:walked` documents, it
    walks the documents in id order, tests each against its stored tsvector, and stops when the
    block is full, which costs in proportion to the block. A walk that reaches `:walked` documents
    with the block not full leaves the rest to the GIN index, after the last document walked.
    """
    matches = "d.search_fts_vector @@ to_tsquery('simple', :match)"
    # In the walk, the query parsed once: in a prepared statement's generic plan PostgreSQL would
    # parse it again for every document (the GIN index takes it once as its key either way).
    walk_matches = "d.search_fts_vector @@ (SELECT tsquery FROM query)"
    of_types = " AND d.record_type IN :types" if types else ""
    if types == 1:
        # One type's documents in id order, from the (record_type, id) index (migration 0014). The
        # type as an array, not `= :type`: against one value PostgreSQL walks the primary key and
        # skips the other types, taking them to be spread evenly (they come in runs, by import).
        where, order, hit = "d.record_type = ANY(:type_array) AND ", "d.record_type, d.id", walk_matches
    else:
        # Every document in id order (the primary key); other types are tested, not skipped, so
        # that `:walked` bounds the documents read.
        where, order, hit = "", "d.id", walk_matches + of_types
    walk = f"""SELECT d.id, d.record_type, d.record_id, d.stems, {hit} AS hit
        FROM search_documents d WHERE {where}d.id > :block_after ORDER BY {order}"""
    dense = "(SELECT hits FROM probe) >= :dense"

    def from_index(after: str, when: str, limit: str) -> str:
        # + 0: a bounded sort of the GIN index's matches, not a walk of the primary key.
        return f"""SELECT d.id, d.record_type, d.record_id, d.stems FROM search_documents d
            WHERE {matches}{of_types} AND {after} AND {when} ORDER BY d.id + 0 LIMIT {limit}"""

    sparse = from_index("d.id > :block_after", f"NOT {dense}", ":size")
    # What a walk of `:walked` documents left of the block: the matches after the last of them.
    # (+ 0 again: after an id it is not told, PostgreSQL takes a third of the table to follow, and
    # would rather walk the primary key.)
    walked_too_few = f"{dense} AND (SELECT count(*) FROM walked) < :size AND EXISTS (SELECT FROM walk_end)"
    rest = from_index(
        "d.id + 0 > (SELECT id FROM walk_end)", walked_too_few, ":size - (SELECT count(*) FROM walked)"
    )
    # Ordered as the walk, so that PostgreSQL keeps its order rather than sorting every row walked.
    walk_order = order.replace("d.", "walk.")
    return f"""query AS MATERIALIZED (
            SELECT to_tsquery('simple', :match) AS tsquery
        ), probe AS MATERIALIZED (
            SELECT count(*) FILTER (WHERE hit) AS hits FROM ({walk} LIMIT :probed) probed
        ), walked AS MATERIALIZED (
            SELECT id, record_type, record_id, stems FROM ({walk} LIMIT :walked) walk
            WHERE hit AND {dense} ORDER BY {walk_order} LIMIT :size
        ), walk_end AS MATERIALIZED (
            SELECT d.id FROM search_documents d WHERE {where}d.id > :block_after
            ORDER BY {order} OFFSET :walked - 1 LIMIT 1
        ), block AS MATERIALIZED (
            SELECT * FROM walked UNION ALL ({sparse}) UNION ALL ({rest})
        )"""


def _term_values(terms: Sequence[Term]) -> dict[str, Any]:
    """The bound values of `_page_statement` for these terms: the spaced-out forms each counts."""
    values: dict[str, Any] = {}
    for i, term in enumerate(terms):
        needles = {f"eq_{i}": f" {term.stem} "}
        if term.prefix:
            needles[f"pre_{i}"] = f" {term.stem}"
        if term.variant is not None:
            needles[f"var_{i}"] = f" {term.variant} "
            # An exact form counts twice; once more, where the prefix already counted it once.
            values[f"var_{i}_weight"] = 1 if term.prefix and term.variant.startswith(term.stem) else 2
        for name, needle in needles.items():
            values[name], values[f"{name}_length"] = needle, len(needle.encode())
    return values


def _shape(terms: Sequence[Term]) -> Shape:
    return tuple((term.prefix, term.variant is not None) for term in terms)


@dataclass(frozen=True)
class _Hit:
    block: int  # the document id its block of matches follows
    sort_key: float  # lower is better: the relevance, negated
    record_type: SearchRecordType
    record_id: str
    title_en: str
    title_ru: str
    text: str


def search(session: Session, params: SearchParams) -> tuple[list[SearchMatch], str | None]:
    """One page of the records matching every term of `q`, best first; and the next page's cursor.

    The matches are ranked RANKED_AT_ONCE at a time, in index order: a block of them is ranked
    (as app.search.text.relevance ranks) and listed best first, then the next block. Ranking costs
    time in proportion to what it ranks: this way a page costs at most a block's worth, however many
    records a common word matches. A search with fewer matches is one block, ranked whole."""
    terms = query_terms(params.q)
    fingerprint = _fingerprint(terms, params.type)
    connection = session.connection()
    sqlite = connection.dialect.name == "sqlite"
    types = sorted({SearchRecordType(record_type).value for record_type in params.type})
    if sqlite:
        longer = longer_words(connection, terms)
        # A stem that begins no longer indexed word begins none in a block either.
        alone = frozenset(stem for stem, words in longer.items() if not words)
        query = _Query(terms, types, fts5_match(terms, longer), alone)
    else:
        query = _Query(terms, types, tsquery(terms))
    block, after = _after(params.cursor, fingerprint) if params.cursor is not None else (0, None)
    read_block = _sqlite_block_page if sqlite else _postgresql_block_page
    hits = _ranked_in_blocks(session, read_block, query, params.limit + 1, block, after)
    next_cursor = None
    if len(hits) > params.limit:
        hits = hits[: params.limit]
        last = hits[-1]
        last_key = [last.block, last.sort_key, last.record_type.value, last.record_id, fingerprint]
        next_cursor = encode_cursor(_CURSOR_LIST, _CURSOR_SORT, last_key)
    make_snippet = Snippets(terms)
    matches = [
        SearchMatch(
            record_type=hit.record_type,
            record_id=hit.record_id,
            title_en=hit.title_en,
            title_ru=hit.title_ru,
            snippet=make_snippet(hit.text),
            rank=-hit.sort_key + 0.0,  # + 0.0: no "-0.0"
        )
        for hit in hits
    ]
    return matches, next_cursor


@dataclass(frozen=True)
class _Query:
    terms: Sequence[Term]
    types: list[str]  # none: every type
    match: str  # the engine's full-text query
    alone: frozenset[str] = frozenset()  # stems known to begin no longer indexed word


# The last hit a cursor saw, as it sorts: its relevance negated, record type, record id.
_After = tuple[float, str, str]
# One block's page: the block's size, its last document id, and the page's hits, best first.
_BlockPage = tuple[int, int | None, list[_Hit]]
_ReadBlock = Callable[[Session, _Query, int, _After | None, int], _BlockPage]


def _ranked_in_blocks(
    session: Session,
    read_block: _ReadBlock,
    query: _Query,
    limit: int,
    block: int,
    after: _After | None,
) -> list[_Hit]:
    """Up to `limit` hits: from the block that follows document id `block` (after the hit `after`
    sorts, in it) on, each block ranked on its own."""
    hits: list[_Hit] = []
    while len(hits) < limit:
        matches, last_id, page = read_block(session, query, block, after, limit - len(hits))
        hits += page
        if matches < search_text.RANKED_AT_ONCE or last_id is None:
            break
        block, after = last_id, None
    return hits


@lru_cache(maxsize=3)
def _sqlite_block(types: int) -> DriverStatement:
    """SQLite: the first `:size` matches after document id `:block_after`, of the record types
    `:types` (`types` of them; none: every type), with their stems. By the full-text index's own
    rowid: FTS5 reads its matches in that order and stops at the limit, rather than handing every
    match to a sort. Of one type, the type is not read: the driver hands over each text column of
    each row apart, releasing the GIL and taking it again."""
    condition = "search_fts MATCH :match AND search_fts.rowid > :block_after"
    if types:
        condition += " AND d.record_type IN :types"
    record_type = "" if types == 1 else "d.record_type, "
    statement = text(f"""
        SELECT d.id, {record_type}d.record_id, d.stems
        FROM search_fts JOIN search_documents d ON d.id = search_fts.rowid
        WHERE {condition} ORDER BY search_fts.rowid LIMIT :size
    """)
    return DriverStatement(statement.bindparams(bindparam("types", expanding=True)) if types else statement)


_PAGE_TEXTS = DriverStatement(
    select(SearchDocument.id, SearchDocument.title_en, SearchDocument.title_ru, SearchDocument.text).where(
        SearchDocument.id.in_(bindparam("ids", expanding=True))
    )
)


def _sqlite_block_page(
    session: Session, query: _Query, block: int, after: _After | None, page: int
) -> _BlockPage:
    """SQLite: up to `page` hits of the block that follows document id `block`, ranked by
    app.search.text.relevance itself over the block's stems, then the page's titles and texts.
    (SQLite's string functions counted a common word's forms in a block at several times the CPU
    that Python's take.)"""
    connection = session.connection()
    values = {"match": query.match, "block_after": block, "size": search_text.RANKED_AT_ONCE}
    rows = _sqlite_block(len(query.types)).rows(connection, {**values, "types": query.types})
    if not rows:
        return 0, None, []
    # (id, record_type, record_id, stems), or (id, record_id, stems) when of one type.
    scores = search_text.relevance(query.terms, [row[-1] for row in rows], query.alone)
    one_type = query.types[0] if len(query.types) == 1 else None
    ranked = _best(page, scores, rows, one_type, after)
    texts = {}
    if ranked:
        ids = [document_id for *_, document_id in ranked]
        texts = {document_id: found for document_id, *found in _PAGE_TEXTS.rows(connection, {"ids": ids})}
    hits = [
        _Hit(block, sort_key, SearchRecordType(record_type), record_id, *texts[document_id])
        for sort_key, record_type, record_id, document_id in ranked
    ]
    return len(rows), rows[-1][0], hits


def _best(
    page: int, scores: list[float], rows: Sequence[Any], one_type: str | None, after: _After | None
) -> list[tuple[float, str, str, int]]:
    """The `page` best of a block's documents that sort after `after`, best first, each as its sort
    key (relevance negated, record type, record id) and document id. On a first page only the
    documents scoring at least the page's lowest score get a sort key (of a common word's block,
    about half); sorted whole, in C, rather than through heapq's loop in Python."""
    lowest = sorted(scores, reverse=True)[page - 1] if after is None and len(scores) > page else -math.inf
    keys = [
        (-score, row[1] if one_type is None else one_type, row[-2], row[0])
        for score, row in zip(scores, rows, strict=True)
        if score >= lowest
    ]
    if after is not None:
        keys = [key for key in keys if key[:3] > after]
    keys.sort()
    return keys[:page]


def _postgresql_block_page(
    session: Session, query: _Query, block: int, after: _After | None, page: int
) -> _BlockPage:
    """PostgreSQL: up to `page` hits of the block that follows document id `block`, ranked in the
    database by one statement (`_page_statement`), which reads the data version's number too while
    the session's version is assumed (`datastate.at_one_version`): its first row always comes."""
    size = search_text.RANKED_AT_ONCE
    walked = max(WALKED_AT_MOST, size)
    bound: dict[str, Any] = {
        **_SCORE_CONSTANTS,
        **_term_values(query.terms),
        "match": query.match,
        "types": query.types,
        "type_array": query.types,
        "probed": PROBED,
        "walked": walked,
        # Dense: the probe's share of matches would fill the block within `walked` documents.
        "dense": -(-size * PROBED // walked),
        "block_after": block,
        "size": size,
        "page": page,
    }
    if after is not None:
        bound.update(after_score=-after[0], after_type=after[1], after_id=after[2])
    version = datastate.assumed(session)
    statement = _page_statement(len(query.types), _shape(query.terms), after is not None, version)
    rows = statement.rows(session.connection(), bound)
    if version:
        rows = datastate.confirm(session, rows)
    # (matches, last_id, id, record_type, record_id, score, title_en, title_ru, text)
    hits = [
        _Hit(block, -score, SearchRecordType(record_type), record_id, title_en, title_ru, found_in)
        for _, _, hit_id, record_type, record_id, score, title_en, title_ru, found_in in rows
        if hit_id is not None
    ]
    matches, last_id = rows[0][:2]
    return matches, last_id, hits


def _fingerprint(terms: Sequence[Term], types: Sequence[SearchRecordType]) -> str:
    """Names the result set a cursor walks: the same terms and types, whatever the spelling of `q`."""
    payload = orjson.dumps([[term.exact for term in terms], sorted(set(types))])
    return hashlib.sha256(payload).hexdigest()[:16]


def _after(cursor: str, fingerprint: str) -> tuple[int, _After]:
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
