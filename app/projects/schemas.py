from typing import Literal

from pydantic import Field

from app.common.filters import COUNTRY_FILTER, CountryCode, ListParams, Slug, repeatable
from app.common.schemas import Citation, NamedRef, Page, Schema
from app.models import ProjectKind, ProjectStatus
from app.trade.schemas import TradeFigureRef


class InfrastructureProjectRead(Schema):
    """A port, corridor, pipeline or system that ties the countries together."""

    id: str = Field(description="Stable readable id.", examples=["port-of-aktau"])
    name_en: str = Field(description="Name in English.")
    name_ru: str = Field(description="Name in Russian (the source language).")
    kind: ProjectKind = Field(description="Kind of infrastructure.", examples=["port"])
    status: ProjectStatus = Field(
        description="Its state in the period the sources cover.", examples=["expanding"]
    )
    summary_en: str | None = Field(description="What happened to it in the period, in English.")
    summary_ru: str | None = Field(description="What happened to it in the period, in Russian.")
    countries: list[NamedRef] = Field(description="Countries it links or serves.")
    places: list[NamedRef] = Field(description="Places it runs through or is located at.")
    trade_figures: list[TradeFigureRef] = Field(description="Trade and transit figures related to it.")
    citations: list[Citation] = Field(description="Quotes from the sources supporting this record.")


class InfrastructureProjectPage(Page[InfrastructureProjectRead]):
    """A page of infrastructureProject records."""


class InfrastructureProjectFilters(ListParams):
    country: list[CountryCode] = COUNTRY_FILTER
    kind: list[ProjectKind] = repeatable("Kind; repeat for any of several.", examples=[["port"]])
    status: list[ProjectStatus] = repeatable("Status; repeat for any of several.", examples=[["expanding"]])
    place: list[Slug] = repeatable("Place id; repeat to require every given place.", examples=[["aktau"]])
    sort: Literal["name", "-name", "id", "-id"] = Field(
        "name", description="Sort key (`name` is name_en); `-` for descending. Ties are broken by id."
    )
