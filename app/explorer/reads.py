"""What each page shows, read by the same repository functions and readers the /v1 routes call, each
with the /v1 URL that returns the same JSON: a frontend that makes that call gets what the page drew."""

import typing
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from pydantic import BaseModel, TypeAdapter, ValidationError
from sqlalchemy import Select
from sqlalchemy.orm import Session

from app.agreements import repository as agreements
from app.agreements.schemas import AgreementDetailParams, AgreementRead
from app.candidates import repository as candidates
from app.candidates.schemas import CandidateFilters, CandidateRead
from app.common.api import detail_body, list_body
from app.common.filters import CountryCode
from app.common.language import Language
from app.common.listing import Listing
from app.conflicts import repository as conflicts
from app.conflicts.schemas import ConflictFilters
from app.curation import writes
from app.curation.routes import record_revisions
from app.errors import InvalidParameter, NotFound, describe_error
from app.events import repository as events
from app.events.schemas import EventDetailParams, EventFilters, EventRead
from app.projects import repository as projects
from app.projects.schemas import InfrastructureProjectDetailParams, InfrastructureProjectRead
from app.reference import repository as reference
from app.reference.schemas import (
    CountryDetailParams,
    CountryRead,
    OrganizationDetailParams,
    OrganizationRead,
    PersonDetailParams,
    PersonRead,
    PlaceDetailParams,
    PlaceRead,
)
from app.relations import repository as relations
from app.relations.schemas import RelationFilters, RelationParams
from app.search import repository as search_repository
from app.search.schemas import SearchParams, hit
from app.sources import repository as sources
from app.sources.schemas import SourceDetail, SourceDetailParams, SourceFilters, SourceRead
from app.trade import repository as trade
from app.trade.schemas import TradeFigureDetailParams, TradeFigureRead

# The timeline draws the pair's latest events, one page of this many; the page links to the rest.
TIMELINE_EVENTS = 200
# The charts draw each trade series' latest points, this many at most; a series' link gives it all.
CHART_POINTS = 20


@dataclass(frozen=True)
class Panel:
    """What one panel shows, and the /v1 call that returns it."""

    api: str
    body: Any


def api_url(path: str, query: Mapping[str, Any]) -> str:
    present = {name: value for name, value in query.items() if value not in (None, [], "")}
    return f"{path}?{urlencode(present, doseq=True)}" if present else path


def _params(model: type[BaseModel], query: Mapping[str, Any]) -> Any:
    """The route's own parameter model, from the query the panel's URL carries."""
    # As from_query reads a query string: a list parameter takes a value given once as a list of one.
    data = {
        name: [value] if _is_list(model, name) and not isinstance(value, list) else value
        for name, value in query.items()
        if value is not None
    }
    try:
        return model.model_validate(data)
    except ValidationError as error:
        raise InvalidParameter("Invalid parameter.", _described(error, "query")) from None


def _is_list(model: type[BaseModel], name: str) -> bool:
    field = model.model_fields.get(name)
    return field is not None and typing.get_origin(field.annotation) is list


def country_code(value: str, name: str) -> str:
    try:
        return str(TypeAdapter(CountryCode).validate_python(value))
    except ValidationError as error:
        raise InvalidParameter(f"{name}: {error.errors()[0]['msg']}", _described(error, "path")) from None


def _described(error: ValidationError, where: str) -> list[dict[str, Any]]:
    return [describe_error({**item, "loc": (where, *item["loc"])}) for item in error.errors()]


def _list(
    session: Session,
    path: str,
    listing: Listing[Any],
    filters: type[BaseModel],
    select: Any,
    schema: type[BaseModel],
    query: Mapping[str, Any],
    lang: Language,
) -> Panel:
    params = _params(filters, query)
    statement: Select[Any] = select(session, params)
    return Panel(api_url(path, query), list_body(session, listing, statement, params, schema, lang))


# --- the home page ---


def pairs(session: Session, lang: Language) -> Panel:
    query = {"sort": "-records", "limit": 100, "lang": lang}
    filters = _params(RelationFilters, query)
    rows, next_cursor = relations.list_pairs(session, filters)
    items = [relations.pair_json(row, lang) for row in rows]
    return Panel(api_url("/v1/relations", query), {"items": items, "next_cursor": next_cursor})


def source_list(session: Session, lang: Language) -> Panel:
    query = {"limit": 20, "count": "true", "lang": lang}
    return _list(
        session,
        "/v1/sources",
        sources.SOURCES,
        SourceFilters,
        sources.filter_sources,
        SourceRead,
        query,
        lang,
    )


# --- a pair ---


def dossier(session: Session, a: str, b: str, lang: Language) -> Panel:
    """The pair's dossier, each trade series cut to its latest CHART_POINTS points."""
    query = {"lang": lang, "points": CHART_POINTS}
    params = _params(RelationParams, query)
    body = relations.get_dossier(session, a, b, lang, params.as_of, params.points)
    first, second = body["id"].split("/")
    return Panel(api_url(f"/v1/relations/{first}/{second}", query), body)


def series_url(series: dict[str, Any], lang: Language) -> str:
    """The /v1 call that returns one series of the dossier's `trade_series` by itself."""
    query = {
        "reporter": series["reporter"]["id"],
        "partner": series["partner"]["id"],
        "indicator": series["indicator"],
        "commodity": series["commodity"],
        "period_kind": series["period_kind"],
        "unit": series["unit"],
        "lang": lang,
    }
    return api_url("/v1/trade-figures/series", query)


def pair_events(session: Session, a: str, b: str, lang: Language) -> tuple[Panel, str | None]:
    """The pair's latest events, one page of `/v1/events?country=A&country=B&sort=-date`, and the
    call for the next page (None when there is none)."""
    query: dict[str, Any] = {"country": [a, b], "sort": "-date", "limit": TIMELINE_EVENTS, "lang": lang}
    page = _list(
        session, "/v1/events", events.EVENTS, EventFilters, events.filter_events, EventRead, query, lang
    )
    cursor = page.body["next_cursor"]
    return page, None if cursor is None else api_url("/v1/events", {**query, "cursor": cursor})


def pair(session: Session, a: str, b: str, lang: Language) -> dict[str, Any]:
    """The pair as `/v1/relations?country=A&country=B` lists it (a 404 when no record involves both)."""
    query = {"country": [a, b], "lang": lang}
    filters = _params(RelationFilters, query)
    rows, _ = relations.list_pairs(session, filters)
    if not rows:
        raise NotFound(f"No record involves both {a} and {b}.")
    return relations.pair_json(rows[0], lang)


def conflicts_url(a: str, b: str) -> str:
    return api_url("/v1/conflicts", {"country": [a, b], "limit": 500})


def pair_conflicts(session: Session, a: str, b: str) -> Panel:
    query = {"country": [a, b], "limit": 500}
    filters = _params(ConflictFilters, query)
    found = conflicts.conflicts(session, filters)
    return Panel(conflicts_url(a, b), {"items": found[: filters.limit]})


# --- one record ---


@dataclass(frozen=True)
class Kind:
    """A kind of record the explorer has a page for: its /v1 path and the readers of that route."""

    record_type: str
    path: str
    listing: Listing[Any]
    params: type[BaseModel]
    schema: type[BaseModel]
    writable: writes.Writable[Any] | None = None


KINDS: dict[str, Kind] = {
    kind.path: kind
    for kind in (
        Kind("event", "events", events.EVENTS, EventDetailParams, EventRead, events.WRITABLE),
        Kind(
            "agreement",
            "agreements",
            agreements.AGREEMENTS,
            AgreementDetailParams,
            AgreementRead,
            agreements.WRITABLE,
        ),
        Kind(
            "trade_figure",
            "trade-figures",
            trade.TRADE_FIGURES,
            TradeFigureDetailParams,
            TradeFigureRead,
            trade.WRITABLE,
        ),
        Kind(
            "infrastructure_project",
            "infrastructure-projects",
            projects.PROJECTS,
            InfrastructureProjectDetailParams,
            InfrastructureProjectRead,
            projects.WRITABLE,
        ),
        Kind("person", "people", reference.PEOPLE, PersonDetailParams, PersonRead),
        Kind(
            "organization",
            "organizations",
            reference.ORGANIZATIONS,
            OrganizationDetailParams,
            OrganizationRead,
        ),
        Kind("place", "places", reference.PLACES, PlaceDetailParams, PlaceRead),
        Kind("country", "countries", reference.COUNTRIES, CountryDetailParams, CountryRead),
    )
}
PATH_OF = {kind.record_type: kind.path for kind in KINDS.values()} | {"source": "sources"}


def record(session: Session, kind: Kind, record_id: str, lang: Language) -> Panel:
    query = {"lang": lang}
    body, _ = detail_body(session, kind.listing, record_id, _params(kind.params, query), kind.schema, lang)
    return Panel(api_url(f"/v1/{kind.path}/{record_id}", query), body)


def revisions(session: Session, kind: Kind, record_id: str) -> Panel | None:
    if kind.writable is None:
        return None
    page = record_revisions(session, kind.writable, record_id, 500, None)
    return Panel(api_url(f"/v1/{kind.path}/{record_id}/revisions", {"limit": 500}), page)


def source(session: Session, source_id: str, lang: Language) -> Panel:
    query = {"lang": lang}
    params = _params(SourceDetailParams, query)
    body, _ = detail_body(session, sources.SOURCE_DETAIL, source_id, params, SourceDetail, lang)
    return Panel(api_url(f"/v1/sources/{source_id}", query), body)


# --- search and review ---


def search(session: Session, q: str, cursor: str | None, lang: Language) -> Panel:
    query = {"q": q, "cursor": cursor, "lang": lang}
    params = _params(SearchParams, query)
    matches, next_cursor = search_repository.search(session, params)
    body = {"items": [hit(match, lang) for match in matches], "next_cursor": next_cursor}
    return Panel(api_url("/v1/search", query), body)


def candidate_list(session: Session, status: str, cursor: str | None, lang: Language) -> Panel:
    query = {"status": status, "limit": 50, "count": "true", "cursor": cursor, "lang": lang}
    return _list(
        session,
        "/v1/candidates",
        candidates.CANDIDATES,
        CandidateFilters,
        candidates.filter_candidates,
        CandidateRead,
        query,
        lang,
    )
