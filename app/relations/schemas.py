"""Pairs of countries that the data links, and a pair's dossier: everything involving both."""

from typing import Literal

from pydantic import Field
from typing_extensions import TypeAliasType

from app.agreements.schemas import AgreementRead
from app.common.filters import CountryCode, Day, ShapeParams, as_of_field
from app.common.pagination import Cursor, cursor_parameter
from app.common.schemas import NamedRef, Page, Schema
from app.events.schemas import EventRead
from app.models import Sector
from app.projects.schemas import InfrastructureProjectRead
from app.trade.series.schemas import TradeSeries

LATEST_EVENTS = 10


CountryPairSort = TypeAliasType("CountryPairSort", Literal["id", "-id", "records", "-records"])


class RelationCounts(Schema):
    """How many records involve both countries, by resource: the totals of the list endpoints with
    `country={a}&country={b}`."""

    events: int = Field(description="Events both countries take part in.")
    agreements: int = Field(description="Agreements both countries are parties to.")
    trade_figures: int = Field(description="Trade figures with one as reporter and the other as partner.")
    infrastructure_projects: int = Field(description="Infrastructure projects linked to both countries.")
    records: int = Field(description="The four counts above, summed (what `sort=records` orders by).")


class RelationPair(Schema):
    """Two countries the data links: at least one record involves both."""

    id: str = Field(
        description="The two ISO alpha-2 codes in alphabetical order, `A/B`: `/v1/relations/{id}` is the "
        "pair's dossier.",
        examples=["AZ/KZ"],
    )
    countries: list[NamedRef] = Field(description="The two countries, in the order of `id`.")
    counts: RelationCounts = Field(description="Records involving both countries, by resource.")


class RelationPairPage(Page[RelationPair]):
    """A page of country pairs."""


class RelationFilters(ShapeParams):
    """Which pairs, in which order, one page at a time."""

    country: list[CountryCode] = Field(
        default_factory=list,
        max_length=2,
        description="A country (ISO alpha-2, alpha-3 or numeric code, or its name in English or "
        "Russian): only pairs that include it. Give two for one pair.",
        examples=[["KZ"]],
    )
    q: str | None = Field(
        None,
        min_length=1,
        max_length=200,
        description="Case-insensitive substring of either country's name or code, in English or Russian "
        "(ё and е match each other).",
        examples=["Kazakh"],
    )
    sort: CountryPairSort = Field(
        "id",
        description="`id` orders by the pair's codes; `records` by `counts.records`. `-` for descending; "
        "ties are broken by id.",
    )
    limit: int = Field(50, ge=1, le=500, description="Page size (1–500).")
    cursor: Cursor | None = cursor_parameter()
    count: bool = Field(
        False, description="`true` adds `total`, the number of pairs matching the filters (costs a count)."
    )


class RelationParams(ShapeParams):
    """A dossier takes `lang`, `as_of`, and `points`."""

    as_of: Day | None = as_of_field()
    points: int | None = Field(
        None,
        ge=1,
        le=1000,
        description="At most this many points of each trade series: the latest, by period (a page that "
        "draws a long history need not read all of it). Each series' `point_count` says how many it has; "
        "`/v1/trade-figures/series` returns one in full. Without it, every point.",
        examples=[20],
    )


class SectorAgreements(Schema):
    """The agreements of one sector."""

    sector: Sector | None = Field(description="The sector; null for agreements whose sectors are not known.")
    agreements: list[AgreementRead] = Field(description="Its agreements, newest first.")


class SourceRef(Schema):
    """A source the dossier's records cite."""

    id: str = Field(description="The source's id (`/v1/sources/{id}`).")
    title: str = Field(description="Its title; for an untitled source, a description in [square brackets].")


class RelationLinks(Schema):
    """Every record behind `counts`, as list queries (paths relative to this API's root)."""

    events: str = Field(description="All events involving both countries.")
    agreements: str = Field(description="All agreements involving both countries.")
    trade_figures: str = Field(description="All trade figures between the two countries.")
    infrastructure_projects: str = Field(description="All infrastructure projects linking them.")


class DossierSeries(TradeSeries):
    """A trade series of the dossier: with `points=`, only its latest points, and how many it has."""

    point_count: int = Field(
        description="How many points the series has in all: more than `points` holds when `points=` cut "
        "it to the latest."
    )


class PairDossier(RelationPair):
    """Everything the data says about two countries together: counts, latest events, agreements by
    sector, trade series, the infrastructure that links them, and the sources behind it all. The same
    body whichever order the countries are given in."""

    links: RelationLinks = Field(description="The list queries that return every record counted.")
    events: list[EventRead] = Field(
        description=f"The latest events involving both, newest first (by date_start, then id), at most "
        f"{LATEST_EVENTS}; `links.events` has them all."
    )
    agreements_by_sector: list[SectorAgreements] = Field(
        description="Every agreement involving both, grouped by sector (sectors in alphabetical order, "
        "unknown last); an agreement covering several sectors appears under each."
    )
    trade_series: list[DossierSeries] = Field(
        description="Every trade figure between the two, in either direction, as series (one per reporter, "
        "partner, indicator, commodity, unit and kind of period, as `/v1/trade-figures/series` returns "
        "them, with `point_count`): partial periods and forecasts are never merged into full-year "
        "reported values. With `points=`, each series' latest points only."
    )
    infrastructure_projects: list[InfrastructureProjectRead] = Field(
        description="Every infrastructure project linked to both, by name in the response language."
    )
    sources: list[SourceRef] = Field(
        description="Every source cited by a record involving both countries (including events beyond the "
        "latest ones shown), by title."
    )
