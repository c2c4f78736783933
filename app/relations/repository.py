"""Queries for country pairs: which pairs the data links (with counts), and one pair's dossier.

"Involving both" means what `country=A&country=B` means on each list endpoint (linked to both), so
the counts here always equal those lists' totals (tests/test_relations.py checks it).
"""

from collections.abc import Iterable
from datetime import date
from functools import cache
from typing import Any, NamedTuple

from sqlalchemy import (
    ARRAY,
    BindParameter,
    ColumnElement,
    CompoundSelect,
    Date,
    Integer,
    Select,
    String,
    Subquery,
    Table,
    and_,
    any_,
    bindparam,
    case,
    cast,
    func,
    intersect,
    literal_column,
    or_,
    select,
    tuple_,
    type_coerce,
    union,
    union_all,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import Session

from app import datastate
from app.agreements.repository import AGREEMENTS
from app.common.api import serialize
from app.common.dates import PeriodKind
from app.common.filters import as_of_criteria, published_by, require_known, sources_published_by
from app.common.language import LANGUAGES, Language
from app.common.listing import Listing
from app.common.pagination import decode_cursor, encode_cursor
from app.common.rows import Item, Plan
from app.common.text import like_pattern
from app.db import DriverStatement
from app.errors import InvalidParameter, NotFound, param_error
from app.events.repository import EVENTS
from app.models import (
    Citation,
    Country,
    Indicator,
    Source,
    TradeFigure,
    Unit,
    agreement_countries,
    event_countries,
    project_countries,
)
from app.projects.repository import PROJECTS
from app.relations.schemas import LATEST_EVENTS, RelationFilters
from app.trade.series.repository import CITATION_KEYS, POINT_ORDER, require_countries, series_point

KINDS = ("events", "agreements", "trade_figures", "infrastructure_projects")
PAIRS_LIST = "relations"  # what its cursors are bound to (app/common/pagination.py)


class PairRow(NamedTuple):
    """A pair as its page statement reads it: the codes (a < b), the counts and both names."""

    a: str
    b: str
    events: int
    agreements: int
    trade_figures: int
    infrastructure_projects: int
    records: int
    a_name_en: str
    a_name_ru: str
    b_name_en: str
    b_name_ru: str


# --- the pairs that have data ---


def _ordered_pair(x: Any, y: Any) -> tuple[Any, Any]:
    """The two codes as (a, b) with a < b."""
    return case((x < y, x), else_=y), case((x < y, y), else_=x)


def _linked_pairs(link: Table, record_key: str, kind: str, country: Any) -> Select[Any]:
    """Pairs (a < b) of countries sharing records through an association table, with their count.

    With `country`, only its pairs, as the other country of each (`other`): the join starts from its
    own link rows (an index range), so a country's pairs cost what its records cost, not what the
    whole table does."""
    first, second = link.alias(), link.alias()
    x, y = first.c.country_id, second.c.country_id
    count = _kind_columns(kind, func.count())
    if country is None:
        joined = and_(second.c[record_key] == first.c[record_key], x < y)
        return select(x.label("a"), y.label("b"), *count).join(second, joined).group_by(x, y)
    joined = and_(second.c[record_key] == first.c[record_key], y != x)
    return select(y.label("other"), *count).join(second, joined).where(x == country).group_by(y)


def _traded_pairs(country: Any) -> list[Select[Any]]:
    """Pairs (a < b) of reporter and partner with their count of trade figures. With `country`, two
    parts, as reporter and as partner, each an index range grouped by the other country (which the
    (reporter, partner) and (partner, reporter) indexes list in order); a figure never has the same
    country as both."""
    reporter, partner = TradeFigure.reporter_id, TradeFigure.partner_id
    count = _kind_columns("trade_figures", func.count())
    if country is None:
        a, b = _ordered_pair(reporter, partner)
        return [select(a.label("a"), b.label("b"), *count).group_by(a, b)]
    return [
        select(other.label("other"), *count).where(own == country).group_by(other)
        for own, other in ((reporter, partner), (partner, reporter))
    ]


def _kind_columns(kind: str, count: Any) -> list[Any]:
    return [(count if name == kind else literal_column("0")).label(name) for name in KINDS]


def pair_counts(country: Any = None) -> Subquery:
    """Every pair with data (or every pair of `country`): a, b (a < b), a count per kind of record,
    and `records`, their sum."""
    parts = union_all(
        _linked_pairs(event_countries, "event_id", "events", country),
        _linked_pairs(agreement_countries, "agreement_id", "agreements", country),
        *_traded_pairs(country),
        _linked_pairs(project_countries, "project_id", "infrastructure_projects", country),
    ).subquery("parts")
    # A country's pairs are grouped by the other country alone: one key to sort on, not two CASEs.
    if country is None:
        a, b, grouped = parts.c.a, parts.c.b, [parts.c.a, parts.c.b]
    else:
        a, b = _ordered_pair(country, parts.c.other)
        grouped = [parts.c.other]
    # SUM of a count is NUMERIC on PostgreSQL: cast back to an integer.
    sums = {name: cast(func.sum(parts.c[name]), Integer) for name in KINDS}
    every = parts.c.events + parts.c.agreements + parts.c.trade_figures + parts.c.infrastructure_projects
    records = cast(func.sum(every), Integer)
    return (
        select(
            a.label("a"),
            b.label("b"),
            *(total.label(name) for name, total in sums.items()),
            records.label("records"),
        )
        .group_by(*grouped)
        .subquery("pairs")
    )


# A page's statement is built once per shape, its values bound per request (`DriverStatement`).
_CODES = (bindparam("country_1", type_=String), bindparam("country_2", type_=String))
_NAMED = bindparam("named", type_=String)  # a LIKE pattern over the countries' names and codes
_LIMIT = bindparam("limit", type_=Integer)


def _sort_keys(sort: str) -> tuple[list[str], list[type]]:
    """The pairs' columns a sort orders by (the keyset of its cursors) and their types."""
    if sort.removeprefix("-") == "records":
        return ["records", "a", "b"], [int, str, str]
    return ["a", "b"], [str, str]


@cache
def _filtered(countries: int, named: bool) -> Select[Any]:
    """The pairs of up to two countries (`country_1`, `country_2`), of countries named like `named`."""
    # The first country's own rows are what is counted, so it is in every pair; a second narrows.
    pairs = pair_counts(_CODES[0] if countries else None)
    statement = select(pairs)
    if countries == 2:
        statement = statement.where(or_(pairs.c.a == _CODES[1], pairs.c.b == _CODES[1]))
    if named:
        names = select(Country.id).where(Country.search_text.like(_NAMED, escape="\\"))
        statement = statement.where(or_(pairs.c.a.in_(names), pairs.c.b.in_(names)))
    return statement


@cache
def _page(countries: int, named: bool, sort: str, after: bool) -> DriverStatement:
    """A page of pairs with both countries' names, in `sort` order, after a cursor's key or not."""
    pairs = _filtered(countries, named).subquery("filtered")
    names, _ = _sort_keys(sort)
    keys = [pairs.c[name] for name in names]
    descending = sort.startswith("-")
    first, second = Country.__table__.alias("first"), Country.__table__.alias("second")
    statement = select(
        *(pairs.c[name] for name in PairRow._fields[:7]),
        first.c.name_en,
        first.c.name_ru,
        second.c.name_en,
        second.c.name_ru,
    ).select_from(pairs.join(first, first.c.id == pairs.c.a).join(second, second.c.id == pairs.c.b))
    if after:
        bound = tuple_(*(bindparam(f"after_{name}") for name in names))
        statement = statement.where(tuple_(*keys) < bound if descending else tuple_(*keys) > bound)
    order = [key.desc() if descending else key.asc() for key in keys]
    return DriverStatement(statement.order_by(*order).limit(_LIMIT))


@cache
def _total(countries: int, named: bool) -> DriverStatement:
    return DriverStatement(select(func.count()).select_from(_filtered(countries, named).subquery()))


def _values(session: Session, filters: RelationFilters) -> dict[str, Any]:
    """The values the statements of `filters`' shape are run with."""
    require_known(session, Country.id, filters.country, "country")
    values: dict[str, Any] = {bound.key: code for bound, code in zip(_CODES, filters.country, strict=False)}
    if filters.q:
        values[_NAMED.key] = like_pattern(filters.q)
    return values


def list_pairs(session: Session, filters: RelationFilters) -> tuple[list[PairRow], str | None]:
    """One page of pairs and the next page's cursor (keyset on the sort key, then a and b)."""
    values = _values(session, filters)
    names, types = _sort_keys(filters.sort)
    if filters.cursor is not None:
        after = decode_cursor(filters.cursor, PAIRS_LIST, filters.sort, types)
        values.update({f"after_{name}": value for name, value in zip(names, after, strict=True)})
    values[_LIMIT.key] = filters.limit + 1
    page = _page(len(filters.country), bool(filters.q), filters.sort, filters.cursor is not None)
    rows = [PairRow(*row) for row in page.rows(session.connection(), values)]
    next_cursor = None
    if len(rows) > filters.limit:
        rows = rows[: filters.limit]
        next_cursor = encode_cursor(PAIRS_LIST, filters.sort, [getattr(rows[-1], name) for name in names])
    return rows, next_cursor


def count_pairs(session: Session, filters: RelationFilters) -> int:
    statement = _total(len(filters.country), bool(filters.q))
    return statement.rows(session.connection(), _values(session, filters))[0][0] or 0


def pair_json(pair: PairRow, lang: Language) -> dict[str, Any]:
    """A pair as the JSON of a RelationPair in `lang`, written without validating it."""
    return {
        "id": f"{pair.a}/{pair.b}",
        "countries": [
            {"id": pair.a, "name": getattr(pair, f"a_name_{lang}")},
            {"id": pair.b, "name": getattr(pair, f"b_name_{lang}")},
        ],
        "counts": {
            "events": pair.events,
            "agreements": pair.agreements,
            "trade_figures": pair.trade_figures,
            "infrastructure_projects": pair.infrastructure_projects,
            "records": pair.records,
        },
    }


# --- one pair's dossier ---
#
# Two round trips on PostgreSQL: the pair's records are found once (`_pair_ids_once`, sent with the data
# version), then every other statement, built once for the codes :a < :b and those ids, is sent
# together (`datastate.read_together`). The events, agreements and projects are read as their lists
# read them (`RowReader` plans, their relations as JSON inside the statement; as of a day through
# the ORM, as a list as of a day is): one serializer per shape. The trade figures are points as the
# series endpoint writes them (`series_point`).

_A: BindParameter[str] = bindparam("a")
_B: BindParameter[str] = bindparam("b")
# `as_of`: null for everything; else only records a source published by then supports.
_AS_OF: BindParameter[Any] = bindparam("as_of", type_=Date)


def _supported(record_type: str, record_id: Any) -> ColumnElement[bool]:
    return or_(cast(_AS_OF, Date).is_(None), published_by(record_type, record_id, _AS_OF))


def _counted(source_id: Any) -> ColumnElement[bool]:
    """Whether what the source `source_id` says counts: every source, or as of `_AS_OF` those
    published by then (their citations and the points' citations)."""
    return or_(cast(_AS_OF, Date).is_(None), source_id.in_(sources_published_by(_AS_OF)))


def _raw(column: Any) -> ColumnElement[Any]:
    """A date or enum column as the driver returns it (an ISO date string on SQLite, a `date` on
    PostgreSQL; the enum's value): orjson writes either as the schema's JSON does."""
    return type_coerce(column, String())


def _localized(model: Any, name: str, lang: Language) -> Any:
    return getattr(model, f"{name}_{lang}")


def _pair_ids(link: Table, record_key: str, record_type: str) -> CompoundSelect[Any]:
    """Ids of the records linked to both countries: what `country=A&country=B` selects on a list.
    An INTERSECT ordered by id: SQLite then merges A's and B's ids as the (country, record) index
    lists them, each read once in order (a nested IN looked each of A's up among B's: 1.9 → 0.4 ms
    for a pair of countries with ~2,000 events each, 200,000 events in all)."""
    records, country = link.c[record_key], link.c.country_id
    supported = _supported(record_type, records)
    return intersect(
        select(records).where(country == _A, supported), select(records).where(country == _B)
    ).order_by(records)


_PAIR_FIGURES = and_(
    or_(
        and_(TradeFigure.reporter_id == _A, TradeFigure.partner_id == _B),
        and_(TradeFigure.reporter_id == _B, TradeFigure.partner_id == _A),
    ),
    _supported("trade_figure", TradeFigure.id),
)


class _Section(NamedTuple):
    """Records of one kind a dossier lists: all those of the pair (or the first `limit`) in the
    order of their list's `sort`."""

    listing: Listing[Any]
    link: Table
    record_key: str
    sort: str
    limit: int | None = None

    @property
    def record_type(self) -> str:
        assert self.listing.record_type is not None
        return self.listing.record_type

    @property
    def ids_key(self) -> str:
        """The name of the pair's ids passed to a statement (`found`)."""
        return f"{self.record_type}_ids"

    def ids(self) -> CompoundSelect[Any]:
        return _pair_ids(self.link, self.record_key, self.record_type)

    def found(self, column: Any, engine: str) -> ColumnElement[bool]:
        """Whether `column` is one of the pair's ids, found once (`_pair_ids_once`) and passed on as
        `ids_key`: found in each statement, they cost PostgreSQL's server their INTERSECT three
        times a dossier, its scarcest resource under load. On PostgreSQL an array, looked up by the
        primary key; on SQLite a JSON array."""
        found: ColumnElement[bool]
        if engine == "postgresql":
            found = column == any_(bindparam(self.ids_key, type_=ARRAY(String())))
        else:
            listed = func.json_each(bindparam(self.ids_key, type_=String)).table_valued("value")
            found = column.in_(select(listed.c.value))
        return found

    def size(self, engine: str) -> ColumnElement[int]:
        """How many of the pair's ids were passed on (`found`)."""
        if engine == "postgresql":
            return func.cardinality(bindparam(self.ids_key, type_=ARRAY(String())))
        listed = func.json_each(bindparam(self.ids_key, type_=String)).table_valued("value")
        return select(func.count()).select_from(listed).scalar_subquery()

    def select(self, lang: Language, engine: str, *columns: Any) -> Select[Any]:
        """`columns` of the records, in order (the sort's order in `lang`), at most `limit`."""
        sorting = self.listing.sorting
        _, column, descending = sorting.order(self.sort, lang)
        keys = sorting.key_columns(column)
        statement = select(*columns).where(self.found(sorting.id_column, engine))
        return statement.order_by(*(key.desc() if descending else key for key in keys)).limit(self.limit)


_SECTIONS = {
    "events": _Section(EVENTS, event_countries, "event_id", "-date", LATEST_EVENTS),
    "agreements": _Section(AGREEMENTS, agreement_countries, "agreement_id", "-date"),
    "infrastructure_projects": _Section(PROJECTS, project_countries, "project_id", "name"),
}


def _count(statement: Any) -> Any:
    return select(func.count()).select_from(statement.subquery()).scalar_subquery()


@cache
def _pair_ids_once(engine: str) -> Select[Any]:
    """Each section's pair ids, for the statements after it (`_Section.found`): an array on
    PostgreSQL, a JSON array on SQLite."""
    aggregate = func.array_agg if engine == "postgresql" else func.json_group_array
    return select(
        *(
            select(aggregate(ids.c[0])).select_from(ids).scalar_subquery()
            for ids in (section.ids().subquery() for section in _SECTIONS.values())
        )
    )


@cache
def _countries(lang: Language, engine: str) -> Select[Any]:
    """The two countries, each row with the pair's counts by kind of record (evaluated once)."""
    return (
        select(
            Country.id,
            _localized(Country, "name", lang),
            _SECTIONS["events"].size(engine),
            _SECTIONS["agreements"].size(engine),
            _count(select(TradeFigure.id).where(_PAIR_FIGURES)),
            _SECTIONS["infrastructure_projects"].size(engine),
        )
        .where(Country.id.in_([_A, _B]))
        .order_by(Country.id)
    )


def _plan(section: str, lang: Language, engine: str) -> Plan:
    """How a section's list reads its records, every field (`RowReader.plan`)."""
    reader = _SECTIONS[section].listing.reader
    assert reader is not None
    return reader.plan(lang, (), engine)


# Each section's statement per language and engine (by its name: any dialect of it writes the same SQL).
_LISTED: dict[tuple[str, Language, str], DriverStatement] = {}


def _listed(section: str, lang: Language, dialect: Dialect) -> DriverStatement:
    """A section's records as their list's page statement reads them (`Plan.with_relations`)."""
    statement = _LISTED.get((section, lang, dialect.name))
    if statement is None:
        listing = _SECTIONS[section].listing
        plan = _plan(section, lang, dialect.name)
        _, column, descending = listing.sorting.order(_SECTIONS[section].sort, lang)
        columns, positions = plan.with_key_columns(listing.sorting.key_columns(column))
        page = _SECTIONS[section].select(lang, dialect.name, *columns)
        statement = DriverStatement(plan.with_relations(page, positions, descending, dialect))
        _LISTED[section, lang, dialect.name] = statement
    return statement


def _listed_as_of(session: Session, section: str, lang: Language, pair: dict[str, Any]) -> list[Item]:
    """A section's records as of `pair`'s day, as a list reads them then (through the ORM, with only
    what sources published by that day said)."""
    listing = _SECTIONS[section].listing
    assert listing.reader is not None
    statement = _SECTIONS[section].select(lang, session.get_bind().dialect.name, listing.model)
    records = session.scalars(statement.options(*listing.options(), *as_of_criteria(pair["as_of"])), pair)
    return [serialize(record, listing.reader.schema, lang) for record in records]


_CITATION_COLUMNS = (
    Citation.source_id,
    Citation.quote,
    Citation.paragraph,
    Citation.char_start,
    Citation.char_end,
    Citation.line,
)
_SERIES_KEY = (
    TradeFigure.reporter_id,
    TradeFigure.partner_id,
    TradeFigure.indicator,
    TradeFigure.commodity,
    TradeFigure.unit,
    TradeFigure.period_kind,
)


def _one_way(reporter: BindParameter[str], partner: BindParameter[str]) -> ColumnElement[bool]:
    """The figures one country reports on the other: an index range, where the pair's OR is a scan."""
    return and_(
        TradeFigure.reporter_id == reporter,
        TradeFigure.partner_id == partner,
        _supported("trade_figure", TradeFigure.id),
    )


# With `points`: each figure's place in its series, counting from the last in POINT_ORDER.
_LATEST_FIRST = [column.desc() for column in POINT_ORDER]
_RANKED = union_all(
    *(
        select(
            TradeFigure.id.label("id"),
            func.row_number().over(partition_by=_SERIES_KEY, order_by=_LATEST_FIRST).label("rank"),
        ).where(_one_way(reporter, partner))
        for reporter, partner in ((_A, _B), (_B, _A))
    )
).subquery("ranked")
# A series' key as a row carries it (reporter, partner, indicator, commodity, unit, kind of period).
_SERIES_COLUMNS = (
    TradeFigure.reporter_id,
    TradeFigure.partner_id,
    _raw(TradeFigure.indicator),
    TradeFigure.commodity,
    _raw(TradeFigure.unit),
    _raw(TradeFigure.period_kind),
)
# With `points`: how many figures each series has in all.
_SERIES_SIZES = union_all(
    *(
        select(*_SERIES_COLUMNS, func.count()).where(_one_way(reporter, partner)).group_by(*_SERIES_KEY)
        for reporter, partner in ((_A, _B), (_B, _A))
    )
)
_POINTS: BindParameter[int] = bindparam("points", type_=Integer)


def _figures(lang: Language, latest: bool) -> Select[Any]:
    """Every figure between the two (or each series' latest `points`), each row with one of its
    citations (or none): points in series order."""
    table = TradeFigure.__table__
    if latest:
        table = table.join(_RANKED, _RANKED.c.id == TradeFigure.id)
    statement = select(
        TradeFigure.id,
        *_SERIES_COLUMNS,
        _raw(TradeFigure.period_start),
        _raw(TradeFigure.period_end),
        TradeFigure.value,
        TradeFigure.value_upper,
        _raw(TradeFigure.bound),
        _raw(TradeFigure.status),
        _raw(TradeFigure.compared_period_start),
        _raw(TradeFigure.compared_period_end),
        _localized(TradeFigure, "note", lang),
        Citation.id,
        *_CITATION_COLUMNS,
    ).select_from(
        table.outerjoin(
            Citation, and_(Citation.trade_figure_id == TradeFigure.id, _counted(Citation.source_id))
        )
    )
    statement = statement.where(_RANKED.c.rank <= _POINTS) if latest else statement.where(_PAIR_FIGURES)
    return statement.order_by(*POINT_ORDER, Citation.char_start, Citation.id)


_FIGURES = {(lang, latest): _figures(lang, latest) for lang in LANGUAGES for latest in (False, True)}


@cache
def _sources(engine: str) -> Select[str, str]:
    """Every source cited by a record involving both, by title."""
    events, agreements, projects = _SECTIONS.values()
    cited = union(
        select(Citation.source_id).where(events.found(Citation.event_id, engine)),
        select(Citation.source_id).where(agreements.found(Citation.agreement_id, engine)),
        select(Citation.source_id).where(
            Citation.trade_figure_id.in_(select(TradeFigure.id).where(_PAIR_FIGURES))
        ),
        select(Citation.source_id).where(projects.found(Citation.project_id, engine)),
    )
    listed = select(Source.id, Source.title).where(Source.id.in_(cited), _counted(Source.id))
    return listed.order_by(Source.title, Source.id)


# How series are ordered (as `group_series` orders them).
_INDICATOR_RANK = {indicator.value: rank for rank, indicator in enumerate(Indicator)}
_UNIT_RANK = {unit.value: rank for rank, unit in enumerate(Unit)}
_KIND_RANK = {kind.value: rank for rank, kind in enumerate(PeriodKind)}


@cache
def _driver(statement: Any) -> DriverStatement:
    """A dossier statement compiled once, run on the driver's cursor."""
    return DriverStatement(statement)


def get_dossier(
    session: Session,
    a: str,
    b: str,
    lang: Language,
    as_of: date | None = None,
    points: int | None = None,
    to_json: bool = False,
) -> dict[str, Any]:
    """The dossier of a pair, in PairDossier's JSON shape and the response language; with `as_of`,
    of the records sources published by then support; with `points`, each trade series' latest
    points only. `to_json`: the body is only to be written as JSON (`rows.Plan.items`). A 422 for
    the same code twice or an unknown one, a 404 for a pair no record involves. Two round trips on
    PostgreSQL: the pair's ids, then the rest (as of a day, the records' reads through the ORM after)."""
    if a == b:
        detail = f"a relation needs two different countries, not {a} twice"
        raise InvalidParameter(detail, [param_error("a", detail, "path"), param_error("b", detail, "path")])
    first, second = sorted((a, b))
    pair: dict[str, Any] = {"a": first, "b": second, "as_of": as_of}
    dialect = session.get_bind().dialect
    [[ids]] = datastate.read_together(session, [(_driver(_pair_ids_once(dialect.name)), pair)])
    # A section none of whose records involve both: PostgreSQL's array_agg of no ids is null,
    # SQLite's json_group_array "[]"; its list has nothing to read.
    empty = {name for name, listed in zip(_SECTIONS, ids, strict=True) if listed in (None, "[]")}
    pair.update(
        (section.ids_key, listed or []) for section, listed in zip(_SECTIONS.values(), ids, strict=True)
    )
    reads: dict[str, tuple[DriverStatement, dict[str, Any]]] = {
        "countries": (_driver(_countries(lang, dialect.name)), pair),
        "figures": (_driver(_FIGURES[lang, points is not None]), {**pair, "points": points}),
        "sources": (_driver(_sources(dialect.name)), pair),
    }
    if points is not None:
        reads["sizes"] = (_driver(_SERIES_SIZES), pair)
    if as_of is None:
        reads.update(
            {
                section: (_listed(section, lang, dialect), pair)
                for section in _SECTIONS
                if section not in empty
            }
        )
    found = dict(zip(reads, datastate.read_together(session, list(reads.values())), strict=True))
    if len(found["countries"]) < 2:
        require_countries(session, {"a": a, "b": b}, "path")  # raises, naming the unknown codes
    (a, a_name, *counted), (b, b_name, *_) = found["countries"]
    counts = dict(zip(KINDS, counted, strict=True))
    counts["records"] = sum(counted)
    if counts["records"] == 0:
        raise NotFound(
            f"No data links {a} and {b}: no event, agreement, trade figure or infrastructure project "
            "involves both. GET /v1/relations lists the pairs that have data."
        )
    if as_of is None:
        # Agreements are grouped by their sectors here: their relations decoded.
        listed = {
            section: _plan(section, lang, dialect.name).page_items(
                session, found[section], to_json and section != "agreements"
            )
            if section in found
            else []
            for section in _SECTIONS
        }
    else:
        listed = {
            section: _listed_as_of(session, section, lang, pair) if counts[section] else []
            for section in _SECTIONS
        }
    query = f"country={a}&country={b}" + (f"&as_of={as_of.isoformat()}" if as_of else "")
    sizes = {tuple(key): size for *key, size in found.get("sizes", [])}
    return {
        "id": f"{a}/{b}",
        "countries": [{"id": a, "name": a_name}, {"id": b, "name": b_name}],
        "counts": counts,
        "links": {
            "events": f"/v1/events?{query}",
            "agreements": f"/v1/agreements?{query}",
            "trade_figures": f"/v1/trade-figures?{query}",
            "infrastructure_projects": f"/v1/infrastructure-projects?{query}",
        },
        "events": listed["events"],
        "agreements_by_sector": _by_sector(listed["agreements"]),
        "trade_series": _trade_series(found["figures"], {a: a_name, b: b_name}, sizes),
        "infrastructure_projects": listed["infrastructure_projects"],
        "sources": [{"id": source_id, "title": title} for source_id, title in found["sources"]],
    }


def _by_sector(agreements: list[dict[str, Any]]) -> list[dict[str, Any]]:
    groups: dict[str | None, list[dict[str, Any]]] = {}
    for agreement in agreements:
        for sector in agreement["sectors"] or [None]:
            groups.setdefault(sector, []).append(agreement)
    order = sorted(groups, key=lambda sector: (sector is None, sector or ""))
    return [{"sector": sector, "agreements": groups[sector]} for sector in order]


def _trade_series(
    rows: Iterable[Any], names: dict[str, str], sizes: dict[tuple[str, ...], int]
) -> list[dict[str, Any]]:
    """Figure rows (in POINT_ORDER, one per citation) as the series `group_series` makes of them;
    `sizes` has a series' number of points when the rows hold only its latest."""
    grouped: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    point: dict[str, Any] = {"id": None}
    for row in rows:
        figure_id, reporter, partner, indicator, commodity, unit, kind, *values = row
        if figure_id != point["id"]:
            start, end, value, upper, bound, status, compared_start, compared_end, note = values[:9]
            point = series_point(
                figure_id, start, end, kind, value, upper, unit, bound, status,
                compared_start, compared_end, note,
            )  # fmt: skip
            grouped.setdefault((reporter, partner, indicator, commodity, unit, kind), []).append(point)
        if values[9] is not None:
            point["citations"].append(dict(zip(CITATION_KEYS, values[10:], strict=True)))
    order = sorted(
        grouped,
        key=lambda key: (
            _INDICATOR_RANK[key[2]],
            key[0],
            key[1],
            key[3] != "TOTAL",
            key[3],
            _KIND_RANK[key[5]],
            _UNIT_RANK[key[4]],
        ),
    )
    return [_series(key, grouped[key], sizes.get(key, len(grouped[key])), names) for key in order]


def _series(
    key: tuple[str, ...], points: list[dict[str, Any]], total: int, names: dict[str, str]
) -> dict[str, Any]:
    reporter, partner, indicator, commodity, unit, kind = key
    return {
        "reporter": {"id": reporter, "name": names[reporter]},
        "partner": {"id": partner, "name": names[partner]},
        "indicator": indicator,
        "commodity": commodity,
        "unit": unit,
        "period_kind": kind,
        "points": points,
        "point_count": total,
    }
