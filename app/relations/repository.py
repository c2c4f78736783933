"""Queries for country pairs: which pairs the data links (with counts), and one pair's dossier.

"Involving both" means what `country=A&country=B` means on each list endpoint (linked to both), so
the counts here always equal those lists' totals (tests/test_relations.py checks it).
"""

from collections.abc import Iterable
from datetime import date
from functools import cache
from typing import Any, NamedTuple

from sqlalchemy import (
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
    bindparam,
    case,
    cast,
    func,
    intersect,
    literal,
    literal_column,
    null,
    or_,
    select,
    tuple_,
    type_coerce,
    union,
    union_all,
)
from sqlalchemy.orm import Session

from app import datastate
from app.common.dates import PeriodKind
from app.common.filters import published_by, require_known, sources_published_by
from app.common.language import LANGUAGES, Language
from app.common.pagination import decode_cursor, encode_cursor
from app.common.text import like_pattern
from app.db import DriverStatement
from app.errors import InvalidParameter, NotFound, param_error
from app.models import (
    Agreement,
    AgreementSector,
    Citation,
    ContestedValue,
    Country,
    Event,
    EventCode,
    Indicator,
    InfrastructureProject,
    Organization,
    Person,
    Place,
    Source,
    SupportStatus,
    TradeFigure,
    Unit,
    agreement_countries,
    count_sources,
    event_countries,
    event_organizations,
    event_people,
    project_countries,
    project_places,
    project_trade_figures,
    support_status,
)
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
# Read as plain rows and written straight into PairDossier's JSON shape: no ORM objects, no per-row
# validation (tests/test_relations_dossier.py checks the body against the schema over every pair).
# The statements are built once, for the codes :a < :b. A dossier costs at most ten queries however
# much data the pair has (a section the counts say is empty costs none): the references of every
# listed record come in one query, their citations in another, the trade figures with theirs in one.

_A: BindParameter[str] = bindparam("a")
_B: BindParameter[str] = bindparam("b")
# `as_of`: null for everything; else only records a source published by then supports.
_AS_OF: BindParameter[Any] = bindparam("as_of", type_=Date)


def _supported(record_type: str, record_id: Any) -> ColumnElement[bool]:
    return or_(cast(_AS_OF, Date).is_(None), published_by(record_type, record_id, _AS_OF))


def _counted(source_id: Any) -> ColumnElement[bool]:
    """Whether what the source `source_id` says counts: every source, or as of `_AS_OF` those
    published by then (their citations, contested values, and the support counted from them)."""
    return or_(cast(_AS_OF, Date).is_(None), source_id.in_(sources_published_by(_AS_OF)))


def _support_columns(cited: Any, contested: Any, record_id: Any) -> tuple[Any, Any]:
    """A record's support and source count, as of `_AS_OF`."""
    return (
        support_status(cited, contested, record_id, _counted),
        count_sources(cited, record_id, _counted),
    )


# Above this many events, the sources query finds the pair's events again rather than by their ids.
_LISTED_EVENTS = 1000


def _raw(column: Any) -> ColumnElement[Any]:
    """A date or enum column as the driver returns it (an ISO date string on SQLite, a `date` on
    PostgreSQL; the enum's value): orjson writes either as the schema's JSON does."""
    return type_coerce(column, String())


def _localized(model: Any, name: str, lang: Language) -> Any:
    return getattr(model, f"{name}_{lang}")


def _ids(name: str) -> BindParameter[Any]:
    return bindparam(name, expanding=True)


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


def _count(statement: Any) -> Any:
    return select(func.count()).select_from(statement.subquery()).scalar_subquery()


# The two countries, each row with the counts that need no list of ids (evaluated once).
_COUNTRIES = {
    lang: select(
        Country.id,
        _localized(Country, "name", lang),
        _count(_pair_ids(agreement_countries, "agreement_id", "agreement")),
        _count(select(TradeFigure.id).where(_PAIR_FIGURES)),
        _count(_pair_ids(project_countries, "project_id", "infrastructure_project")),
    )
    .where(Country.id.in_([_A, _B]))
    .order_by(Country.id)
    for lang in LANGUAGES
}
# Every event of the pair, newest first: their number, the latest ones, and the sources they cite.
_PAIR_EVENTS = (
    select(Event.id)
    .where(Event.id.in_(_pair_ids(event_countries, "event_id", "event")))
    .order_by(Event.date_start.desc(), Event.id.desc())
)
_LOCATION, _HOST, _EVENT = Place.__table__.alias("location"), Country.__table__.alias("host"), Event.__table__
_EVENTS = {
    lang: select(
        Event.id,
        _raw(Event.type),
        _localized(Event, "title", lang),
        _localized(Event, "summary", lang),
        _raw(Event.date_start),
        _raw(Event.date_end),
        _raw(Event.date_precision),
        _raw(Event.status),
        _LOCATION.c.id,
        _LOCATION.c[f"name_{lang}"],
        _HOST.c.id,
        _HOST.c[f"name_{lang}"],
        *_support_columns(Citation.event_id, ContestedValue.event_id, Event.id),
    )
    .select_from(
        Event.__table__.outerjoin(_LOCATION, _LOCATION.c.id == Event.location_id).outerjoin(
            _HOST, _HOST.c.id == Event.host_country_id
        )
    )
    .where(Event.id.in_(_ids("events")))
    .order_by(Event.date_start.desc(), Event.id.desc())
    for lang in LANGUAGES
}
_AGREEMENTS = {
    lang: select(
        Agreement.id,
        _localized(Agreement, "title", lang),
        _localized(Agreement, "summary", lang),
        _raw(Agreement.status),
        Agreement.document_count,
        _raw(Agreement.date_start),
        _raw(Agreement.date_end),
        _raw(Agreement.date_precision),
        _EVENT.c.id,
        _EVENT.c[f"title_{lang}"],
        *_support_columns(Citation.agreement_id, ContestedValue.agreement_id, Agreement.id),
    )
    .select_from(Agreement.__table__.outerjoin(_EVENT, _EVENT.c.id == Agreement.event_id))
    .where(Agreement.id.in_(_pair_ids(agreement_countries, "agreement_id", "agreement")))
    .order_by(Agreement.date_start.desc(), Agreement.id.desc())
    for lang in LANGUAGES
}
_PROJECTS = {
    lang: select(
        InfrastructureProject.id,
        _localized(InfrastructureProject, "name", lang),
        _raw(InfrastructureProject.kind),
        _raw(InfrastructureProject.status),
        _localized(InfrastructureProject, "summary", lang),
        *_support_columns(Citation.project_id, ContestedValue.project_id, InfrastructureProject.id),
    )
    .where(InfrastructureProject.id.in_(_pair_ids(project_countries, "project_id", "infrastructure_project")))
    .order_by(_localized(InfrastructureProject, "name", lang), InfrastructureProject.id)
    for lang in LANGUAGES
}


Sections = tuple[str, ...]  # which of "events", "agreements", "projects" have records listed


def _ordered(parts: list[Select[Any]], *order: str) -> Select[Any] | CompoundSelect[Any]:
    statement: Select[Any] | CompoundSelect[Any] = parts[0] if len(parts) == 1 else union_all(*parts)
    columns = statement.selected_columns
    return statement.order_by(*(columns[name] for name in order))


@cache
def _refs(lang: Language, sections: Sections) -> Select[Any] | CompoundSelect[Any]:
    """Every reference of the listed events, agreements and projects: rows of (relation, owner id,
    id, name), each relation in its relationship's order (by the related record's id)."""

    def part(name: str, owner: Any, ref: Any, label: Any, source: Any, ids: str) -> Select[Any]:
        columns = [literal(name, String).label("relation"), owner.label("owner"), ref.label("id")]
        return select(*columns, label.label("name")).select_from(source).where(owner.in_(_ids(ids)))

    def linked(name: str, link: Table, owner_key: str, model: Any, ref_key: str, ids: str) -> Select[Any]:
        source = link.join(model, model.id == link.c[ref_key])
        return part(name, link.c[owner_key], model.id, _localized(model, "name", lang), source, ids)

    title = _localized(Agreement, "title", lang)
    parts = {
        "events": [
            linked("event.countries", event_countries, "event_id", Country, "country_id", "events"),
            linked("event.people", event_people, "event_id", Person, "person_id", "events"),
            linked(
                "event.organizations",
                event_organizations,
                "event_id",
                Organization,
                "organization_id",
                "events",
            ),
            part("event.agreements", Agreement.event_id, Agreement.id, title, Agreement.__table__, "events"),
        ],
        "agreements": [
            linked(
                "agreement.countries",
                agreement_countries,
                "agreement_id",
                Country,
                "country_id",
                "agreements",
            ),
            part(
                "agreement.sectors",
                AgreementSector.agreement_id,
                _raw(AgreementSector.sector),
                type_coerce(null(), String()),
                AgreementSector.__table__,
                "agreements",
            ),
        ],
        "projects": [
            linked("project.countries", project_countries, "project_id", Country, "country_id", "projects"),
            linked("project.places", project_places, "project_id", Place, "place_id", "projects"),
        ],
    }
    return _ordered([part for section in sections for part in parts[section]], "relation", "owner", "id")


_PROJECT_FIGURES = (
    select(
        project_trade_figures.c.project_id,
        TradeFigure.id,
        _raw(TradeFigure.indicator),
        TradeFigure.commodity,
        _raw(TradeFigure.period_start),
        _raw(TradeFigure.period_end),
        TradeFigure.value,
        TradeFigure.value_upper,
        _raw(TradeFigure.unit),
        _raw(TradeFigure.bound),
        _raw(TradeFigure.status),
    )
    .join(TradeFigure, TradeFigure.id == project_trade_figures.c.trade_figure_id)
    .where(project_trade_figures.c.project_id.in_(_ids("projects")))
    .order_by(project_trade_figures.c.project_id, TradeFigure.id)
)
_CITATION_COLUMNS = (
    Citation.source_id,
    Citation.quote,
    Citation.paragraph,
    Citation.char_start,
    Citation.char_end,
    Citation.line,
)
# The listed events' codes in event datasets, each event's in its relationship's order.
_EVENT_CODES = (
    select(
        EventCode.event_id,
        EventCode.scheme,
        EventCode.code,
        EventCode.label,
        EventCode.intensity,
        EventCode.url,
    )
    .where(EventCode.event_id.in_(_ids("events")))
    .order_by(EventCode.event_id, EventCode.id)
)
_CODE_KEYS = ("scheme", "code", "label", "intensity", "url")


def _of_listed(
    sections: Sections, model: Any, columns: list[Any], order: tuple[str, ...]
) -> Select[Any] | CompoundSelect[Any]:
    """Rows of `model` (citations, contested values) owned by the listed events, agreements and
    projects: each with its owner's kind and id first, in the owners' relationship order."""
    owners = {"events": "event", "agreements": "agreement", "projects": "project"}
    parts = []
    for section in sections:
        kind = owners[section]
        owner = model.project_id if kind == "project" else getattr(model, f"{kind}_id")
        fields: list[Any] = [literal(kind, String).label("kind"), owner.label("owner"), *columns]
        parts.append(select(*fields, model.id).where(owner.in_(_ids(section)), _counted(model.source_id)))
    return _ordered(parts, "kind", "owner", *order)


@cache
def _citations(sections: Sections) -> Select[Any] | CompoundSelect[Any]:
    """The citations of the listed records, each record's by char_start, then by id."""
    return _of_listed(sections, Citation, list(_CITATION_COLUMNS), ("char_start", "id"))


_CONTESTED_KEYS = ("field", "value", "source_id", "quote", "paragraph", "char_start", "char_end")


@cache
def _contested(sections: Sections) -> Select[Any] | CompoundSelect[Any]:
    """The contested values of the listed records, each record's by id."""
    columns = [getattr(ContestedValue, key) for key in _CONTESTED_KEYS]
    return _of_listed(sections, ContestedValue, columns, ("id",))


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


def _sources(events: Any) -> Select[str, str]:
    """Every source cited by a record involving both, by title: `events` names the pair's events."""
    cited = union(
        select(Citation.source_id).where(Citation.event_id.in_(events)),
        select(Citation.source_id).where(Citation.agreement_id.in_(_ids("agreements"))),
        select(Citation.source_id).where(
            Citation.trade_figure_id.in_(select(TradeFigure.id).where(_PAIR_FIGURES))
        ),
        select(Citation.source_id).where(Citation.project_id.in_(_ids("projects"))),
    )
    listed = select(Source.id, Source.title).where(Source.id.in_(cited), _counted(Source.id))
    return listed.order_by(Source.title, Source.id)


_SOURCES_OF_LISTED_EVENTS = _sources(_ids("events"))
_SOURCES_OF_PAIR_EVENTS = _sources(_pair_ids(event_countries, "event_id", "event"))

# How series are ordered (as `group_series` orders them).
_INDICATOR_RANK = {indicator.value: rank for rank, indicator in enumerate(Indicator)}
_UNIT_RANK = {unit.value: rank for rank, unit in enumerate(Unit)}
_KIND_RANK = {kind.value: rank for rank, kind in enumerate(PeriodKind)}


@cache
def _driver(statement: Any) -> DriverStatement:
    """A dossier statement compiled once, run on the driver's cursor: the statements that need
    nothing of each other's answers are sent together (`datastate.read_together`)."""
    return DriverStatement(statement)


Read = tuple[DriverStatement, dict[str, Any]]


def resolve_pair(
    session: Session, a: str, b: str, lang: Language, as_of: date | None = None
) -> tuple[list[Any], dict[str, int]]:
    """The two countries of `/v1/relations/{a}/{b}` as (id, name) by code, and the counts that need
    no list of ids; a 422 for the same code twice or an unknown one."""
    countries, counts, _ = _resolve_pair(session, a, b, lang, as_of, [])
    return countries, counts


def _resolve_pair(
    session: Session, a: str, b: str, lang: Language, as_of: date | None, reads: list[Read]
) -> tuple[list[Any], dict[str, int], list[list[Any]]]:
    """`resolve_pair`, and the rows of `reads` (of the pair's codes in order) read with it."""
    if a == b:
        detail = f"a relation needs two different countries, not {a} twice"
        raise InvalidParameter(detail, [param_error("a", detail, "path"), param_error("b", detail, "path")])
    first, second = sorted((a, b))
    countries = (_driver(_COUNTRIES[lang]), {"a": first, "b": second, "as_of": as_of})
    rows, *answers = datastate.read_together(session, [countries, *reads])
    if len(rows) < 2:
        require_countries(session, {"a": a, "b": b}, "path")  # raises, naming the unknown codes
    _, _, agreements, trade_figures, projects = rows[0]
    counts = {"agreements": agreements, "trade_figures": trade_figures, "infrastructure_projects": projects}
    return [(row[0], row[1]) for row in rows], counts, answers


def get_dossier(
    session: Session,
    a: str,
    b: str,
    lang: Language,
    as_of: date | None = None,
    points: int | None = None,
) -> dict[str, Any]:
    """The dossier of a pair, in PairDossier's JSON shape and the response language; with `as_of`,
    of the records sources published by then support; with `points`, each trade series' latest
    points only. Three round trips on PostgreSQL, each sending together what needs only the answers
    of those before: the countries and the pair's events; the records listed; their references,
    citations and sources."""
    first, second = sorted((a, b))
    pair = {"a": first, "b": second, "as_of": as_of}
    countries, counts, [event_rows] = _resolve_pair(
        session, a, b, lang, as_of, [(_driver(_PAIR_EVENTS), pair)]
    )
    (a, a_name), (b, b_name) = countries
    event_ids = [row[0] for row in event_rows]
    counts = {"events": len(event_ids), **counts}
    counts["records"] = sum(counts.values())
    if counts["records"] == 0:
        raise NotFound(
            f"No data links {a} and {b}: no event, agreement, trade figure or infrastructure project "
            "involves both. GET /v1/relations lists the pairs that have data."
        )
    latest = event_ids[:LATEST_EVENTS]
    listed: dict[str, Read] = {}
    if latest:
        listed["events"] = (_driver(_EVENTS[lang]), {**pair, "events": latest})
    if counts["agreements"]:
        listed["agreements"] = (_driver(_AGREEMENTS[lang]), pair)
    if counts["infrastructure_projects"]:
        listed["projects"] = (_driver(_PROJECTS[lang]), pair)
    if counts["trade_figures"]:
        listed["figures"] = (_driver(_FIGURES[lang, points is not None]), {**pair, "points": points})
        if points is not None:
            listed["sizes"] = (_driver(_SERIES_SIZES), pair)
    found = dict(zip(listed, datastate.read_together(session, list(listed.values())), strict=True))
    events = [_event(row) for row in found.get("events", [])]
    agreements = [_agreement(row) for row in found.get("agreements", [])]
    projects = [_project(row) for row in found.get("projects", [])]
    sizes = {tuple(key): size for *key, size in found.get("sizes", [])}
    every_event = len(event_ids) <= _LISTED_EVENTS
    sources = (
        _driver(_SOURCES_OF_LISTED_EVENTS if every_event else _SOURCES_OF_PAIR_EVENTS),
        {
            **pair,
            "events": event_ids if every_event else [],
            "agreements": [agreement["id"] for agreement in agreements],
            "projects": [project["id"] for project in projects],
        },
    )
    cited = _records(session, pair, lang, latest, events, agreements, projects, sources)
    query = f"country={a}&country={b}" + (f"&as_of={as_of.isoformat()}" if as_of else "")
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
        "events": events,
        "agreements_by_sector": _by_sector(agreements),
        "trade_series": _trade_series(found.get("figures", []), {a: a_name, b: b_name}, sizes),
        "infrastructure_projects": projects,
        "sources": [{"id": source_id, "title": title} for source_id, title in cited],
    }


Record = dict[str, Any]


def _records(
    session: Session,
    pair: dict[str, Any],
    lang: Language,
    latest: list[str],
    events: list[Record],
    agreements: list[Record],
    projects: list[Record],
    sources: Read,
) -> list[Any]:
    """The references, citations, codes, contested values and trade figures of the listed events,
    agreements and projects, put into them, and the rows of `sources`, all read together. Sections
    known to be empty cost no query."""
    records = {
        **{("event", event["id"]): event for event in events},
        **{("agreement", agreement["id"]): agreement for agreement in agreements},
        **{("project", project["id"]): project for project in projects},
    }
    if not records:
        [cited] = datastate.read_together(session, [sources])
        return cited
    ids = {
        "events": latest if events else [],
        "agreements": [r["id"] for r in agreements],
        "projects": [r["id"] for r in projects],
    }
    sections = tuple(section for section, listed in ids.items() if listed)
    reads: dict[str, Read] = {
        "sources": sources,
        "refs": (_driver(_refs(lang, sections)), ids),
        "citations": (_driver(_citations(sections)), {**ids, "as_of": pair["as_of"]}),
    }
    if events:
        reads["codes"] = (_driver(_EVENT_CODES), {"events": latest})
    if any(record["support"] == SupportStatus.contested for record in records.values()):
        reads["contested"] = (_driver(_contested(sections)), {**ids, "as_of": pair["as_of"]})
    if projects:
        reads["figures"] = (_driver(_PROJECT_FIGURES), ids)
    found = dict(zip(reads, datastate.read_together(session, list(reads.values())), strict=True))
    for relation, owner, ref_id, ref_name in found["refs"]:
        kind, field = relation.split(".")
        value = ref_id if field == "sectors" else _named(ref_id, ref_name, field == "agreements")
        records[kind, owner][field].append(value)
    for kind, owner, *citation in found["citations"]:
        records[kind, owner]["citations"].append(dict(zip(CITATION_KEYS, citation[:6], strict=True)))
    for event_id, *code in found.get("codes", []):
        records["event", event_id]["external_codes"].append(dict(zip(_CODE_KEYS, code, strict=True)))
    for kind, owner, *value in found.get("contested", []):
        records[kind, owner]["contested"].append(dict(zip(_CONTESTED_KEYS, value[:7], strict=True)))
    for project_id, *figure in found.get("figures", []):
        records["project", project_id]["trade_figures"].append(_figure_ref(figure))
    return found["sources"]


# --- rows to the schema's JSON shape (PairDossier's fields, in its order) ---


def _named(ref_id: str, name: str, titled: bool) -> dict[str, str]:
    return {"id": ref_id, "title": name} if titled else {"id": ref_id, "name": name}


def _event(row: Any) -> dict[str, Any]:
    (
        event_id,
        kind,
        title,
        summary,
        start,
        end,
        precision,
        status,
        place_id,
        place,
        host_id,
        host,
        *support,
    ) = row
    return {
        "id": event_id,
        "type": kind,
        "title": title,
        "summary": summary,
        "date_start": start,
        "date_end": end,
        "date_precision": precision,
        "status": status,
        "location": None if place_id is None else {"id": place_id, "name": place},
        "host_country": None if host_id is None else {"id": host_id, "name": host},
        "countries": [],
        "people": [],
        "organizations": [],
        "agreements": [],
        "external_codes": [],
        "citations": [],
        **_support(support),
    }


def _support(values: list[Any]) -> dict[str, Any]:
    support, source_count = values
    return {"support": support, "source_count": source_count, "contested": []}


def _agreement(row: Any) -> dict[str, Any]:
    (
        agreement_id,
        title,
        summary,
        status,
        documents,
        start,
        end,
        precision,
        event_id,
        event_title,
        *support,
    ) = row
    return {
        "id": agreement_id,
        "title": title,
        "summary": summary,
        "status": status,
        "document_count": documents,
        "sectors": [],
        "date_start": start,
        "date_end": end,
        "date_precision": precision,
        "event": None if event_id is None else {"id": event_id, "title": event_title},
        "countries": [],
        "citations": [],
        **_support(support),
    }


def _project(row: Any) -> dict[str, Any]:
    project_id, name, kind, status, summary, *support = row
    return {
        "id": project_id,
        "name": name,
        "kind": kind,
        "status": status,
        "summary": summary,
        "countries": [],
        "places": [],
        "trade_figures": [],
        "citations": [],
        **_support(support),
    }


def _figure_ref(row: Any) -> dict[str, Any]:
    figure_id, indicator, commodity, start, end, value, upper, unit, bound, status = row
    return {
        "id": figure_id,
        "indicator": indicator,
        "commodity": commodity,
        "period_start": start,
        "period_end": end,
        "value": value,
        "value_upper": upper,
        "unit": unit,
        "bound": bound,
        "status": status,
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
