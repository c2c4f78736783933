"""Queries for country pairs: which pairs the data links (with counts), and one pair's dossier.

"Involving both" means what `country=A&country=B` means on each list endpoint, built from the same
conditions, so the counts here always equal those lists' totals.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Integer,
    Select,
    Subquery,
    Table,
    and_,
    case,
    cast,
    func,
    literal_column,
    or_,
    select,
    tuple_,
    union_all,
)
from sqlalchemy.orm import Session

from app.agreements.repository import AGREEMENTS
from app.common.filters import involves_all, matches_text, require_known
from app.common.pagination import decode_cursor, encode_cursor
from app.errors import InvalidParameter, NotFound, param_error
from app.events.repository import EVENTS
from app.models import (
    Agreement,
    Citation,
    Country,
    Event,
    InfrastructureProject,
    Sector,
    Source,
    TradeFigure,
    agreement_countries,
    event_countries,
    project_countries,
)
from app.projects.repository import PROJECTS
from app.relations.schemas import LATEST_EVENTS, RelationFilters
from app.trade.series.repository import POINT_LOAD, POINT_ORDER, Series, group_series, require_countries

KINDS = ("events", "agreements", "trade_figures", "infrastructure_projects")


@dataclass(frozen=True)
class Counts:
    events: int
    agreements: int
    trade_figures: int
    infrastructure_projects: int

    @property
    def records(self) -> int:
        return self.events + self.agreements + self.trade_figures + self.infrastructure_projects


@dataclass(frozen=True)
class Pair:
    countries: list[Country]  # two, by code
    counts: Counts

    @property
    def id(self) -> str:
        return "/".join(country.id for country in self.countries)


@dataclass(frozen=True)
class SectorGroup:
    sector: Sector | None
    agreements: list[Agreement]


@dataclass(frozen=True)
class Dossier(Pair):
    events: list[Event]
    agreements_by_sector: list[SectorGroup]
    trade_series: list[Series]
    infrastructure_projects: list[InfrastructureProject]
    sources: Sequence[Any]  # rows of (id, title)

    @property
    def links(self) -> dict[str, str]:
        query = "&".join(f"country={country.id}" for country in self.countries)
        return {
            "events": f"/v1/events?{query}",
            "agreements": f"/v1/agreements?{query}",
            "trade_figures": f"/v1/trade-figures?{query}",
            "infrastructure_projects": f"/v1/infrastructure-projects?{query}",
        }


# --- what involves both countries ---


def _events_of(a: str, b: str) -> list[ColumnElement[bool]]:
    return involves_all(event_countries, "event_id", Event.id, "country_id", [a, b])


def _agreements_of(a: str, b: str) -> list[ColumnElement[bool]]:
    return involves_all(agreement_countries, "agreement_id", Agreement.id, "country_id", [a, b])


def _projects_of(a: str, b: str) -> list[ColumnElement[bool]]:
    return involves_all(project_countries, "project_id", InfrastructureProject.id, "country_id", [a, b])


def _figures_of(a: str, b: str) -> list[ColumnElement[bool]]:
    return [
        or_(
            and_(TradeFigure.reporter_id == a, TradeFigure.partner_id == b),
            and_(TradeFigure.reporter_id == b, TradeFigure.partner_id == a),
        )
    ]


# --- the pairs that have data ---


def _linked_pairs(link: Table, record_key: str, kind: str) -> Select[Any]:
    """Pairs (a < b) of countries sharing records through an association table, with their count."""
    first, second = link.alias(), link.alias()
    a, b = first.c.country_id, second.c.country_id
    return (
        select(a.label("a"), b.label("b"), *_kind_columns(kind, func.count()))
        .join(second, and_(second.c[record_key] == first.c[record_key], a < b))
        .group_by(a, b)
    )


def _traded_pairs() -> Select[Any]:
    reporter_first = TradeFigure.reporter_id < TradeFigure.partner_id
    a = case((reporter_first, TradeFigure.reporter_id), else_=TradeFigure.partner_id)
    b = case((reporter_first, TradeFigure.partner_id), else_=TradeFigure.reporter_id)
    return select(a.label("a"), b.label("b"), *_kind_columns("trade_figures", func.count())).group_by(a, b)


def _kind_columns(kind: str, count: Any) -> list[Any]:
    return [(count if name == kind else literal_column("0")).label(name) for name in KINDS]


def pair_counts() -> Subquery:
    """Every pair with data: a, b (a < b), a count per kind of record, and `records`, their sum."""
    parts = union_all(
        _linked_pairs(event_countries, "event_id", "events"),
        _linked_pairs(agreement_countries, "agreement_id", "agreements"),
        _traded_pairs(),
        _linked_pairs(project_countries, "project_id", "infrastructure_projects"),
    ).subquery("parts")
    # SUM of a count is NUMERIC on PostgreSQL: cast back to an integer.
    sums = {name: cast(func.sum(parts.c[name]), Integer) for name in KINDS}
    every = parts.c.events + parts.c.agreements + parts.c.trade_figures + parts.c.infrastructure_projects
    records = cast(func.sum(every), Integer)
    return (
        select(
            parts.c.a,
            parts.c.b,
            *(total.label(name) for name, total in sums.items()),
            records.label("records"),
        )
        .group_by(parts.c.a, parts.c.b)
        .subquery("pairs")
    )


def filter_pairs(session: Session, filters: RelationFilters) -> Select[Any]:
    require_known(session, Country.id, filters.country, "country")
    pairs = pair_counts()
    statement = select(pairs).where(*(or_(pairs.c.a == code, pairs.c.b == code) for code in filters.country))
    if filters.q:
        named = select(Country.id).where(matches_text(Country.search_text, filters.q))
        statement = statement.where(or_(pairs.c.a.in_(named), pairs.c.b.in_(named)))
    return statement


def list_pairs(
    session: Session, statement: Select[Any], filters: RelationFilters
) -> tuple[list[Pair], str | None]:
    """One page of pairs and the next page's cursor (keyset on the sort key, then a and b)."""
    descending = filters.sort.startswith("-")
    names: list[str] = ["a", "b"]
    types: list[type] = [str, str]
    if filters.sort.removeprefix("-") == "records":
        names, types = ["records", *names], [int, *types]
    keys = [statement.selected_columns[name] for name in names]
    if filters.cursor is not None:
        after = tuple_(*decode_cursor(filters.cursor, filters.sort, types))
        statement = statement.where(tuple_(*keys) < after if descending else tuple_(*keys) > after)
    order = [key.desc() if descending else key.asc() for key in keys]
    rows = session.execute(statement.order_by(*order).limit(filters.limit + 1)).all()
    next_cursor = None
    if len(rows) > filters.limit:
        rows = rows[: filters.limit]
        next_cursor = encode_cursor(filters.sort, [getattr(rows[-1], name) for name in names])
    codes = {code for row in rows for code in (row.a, row.b)}
    countries = {c.id: c for c in session.scalars(select(Country).where(Country.id.in_(codes)))}
    return [_pair(row, countries) for row in rows], next_cursor


def count_pairs(session: Session, statement: Select[Any]) -> int:
    return session.scalar(select(func.count()).select_from(statement.subquery())) or 0


def _pair(row: Any, countries: dict[str, Country]) -> Pair:
    counts = Counts(*(getattr(row, name) for name in KINDS))
    return Pair([countries[row.a], countries[row.b]], counts)


# --- one pair's dossier ---


def resolve_pair(session: Session, a: str, b: str) -> list[Country]:
    """The two countries of `/v1/relations/{a}/{b}`, by code: a 422 for the same code twice or an
    unknown one."""
    if a == b:
        detail = f"a relation needs two different countries, not {a} twice"
        raise InvalidParameter(detail, [param_error("a", detail, "path"), param_error("b", detail, "path")])
    countries = require_countries(session, {"a": a, "b": b}, "path")
    return [countries[code] for code in sorted(countries)]


def count_involving(session: Session, a: str, b: str) -> Counts:
    def count(model: Any, conditions: list[ColumnElement[bool]]) -> Any:
        return select(func.count()).select_from(model).where(*conditions).scalar_subquery()

    row = session.execute(
        select(
            count(Event, _events_of(a, b)),
            count(Agreement, _agreements_of(a, b)),
            count(TradeFigure, _figures_of(a, b)),
            count(InfrastructureProject, _projects_of(a, b)),
        )
    ).one()
    return Counts(*row)


def get_dossier(session: Session, a: str, b: str, lang: str) -> Dossier:
    countries = resolve_pair(session, a, b)
    a, b = (country.id for country in countries)
    counts = count_involving(session, a, b)
    if counts.records == 0:
        raise NotFound(
            f"No data links {a} and {b}: no event, agreement, trade figure or infrastructure project "
            "involves both. GET /v1/relations lists the pairs that have data."
        )
    events = session.scalars(
        select(Event)
        .where(*_events_of(a, b))
        .options(*EVENTS.load)
        .order_by(Event.date_start.desc(), Event.id.desc())
        .limit(LATEST_EVENTS)
    ).all()
    agreements = session.scalars(
        select(Agreement)
        .where(*_agreements_of(a, b))
        .options(*AGREEMENTS.load)
        .order_by(Agreement.date_start.desc(), Agreement.id.desc())
    ).all()
    figures = session.scalars(
        select(TradeFigure).where(*_figures_of(a, b)).options(*POINT_LOAD).order_by(*POINT_ORDER)
    ).all()
    name = InfrastructureProject.name_ru if lang == "ru" else InfrastructureProject.name_en
    projects = session.scalars(
        select(InfrastructureProject)
        .where(*_projects_of(a, b))
        .options(*PROJECTS.load)
        .order_by(name, InfrastructureProject.id)
    ).all()
    return Dossier(
        countries=countries,
        counts=counts,
        events=list(events),
        agreements_by_sector=_by_sector(agreements),
        trade_series=group_series(figures, {country.id: country for country in countries}),
        infrastructure_projects=list(projects),
        sources=_sources(session, a, b),
    )


def _by_sector(agreements: Sequence[Agreement]) -> list[SectorGroup]:
    groups: dict[Sector | None, list[Agreement]] = {}
    for agreement in agreements:
        sectors: list[Sector | None] = [*agreement.sectors] or [None]
        for sector in sectors:
            groups.setdefault(sector, []).append(agreement)
    order = sorted(groups, key=lambda sector: (sector is None, sector or ""))
    return [SectorGroup(sector, groups[sector]) for sector in order]


def _sources(session: Session, a: str, b: str) -> Sequence[Any]:
    """Every source cited by a record involving both: one query, whatever the number of records."""
    cited = select(Citation.source_id).where(
        or_(
            Citation.event_id.in_(select(Event.id).where(*_events_of(a, b))),
            Citation.agreement_id.in_(select(Agreement.id).where(*_agreements_of(a, b))),
            Citation.trade_figure_id.in_(select(TradeFigure.id).where(*_figures_of(a, b))),
            Citation.project_id.in_(select(InfrastructureProject.id).where(*_projects_of(a, b))),
        )
    )
    return session.execute(
        select(Source.id, Source.title).where(Source.id.in_(cited)).order_by(Source.title, Source.id)
    ).all()
