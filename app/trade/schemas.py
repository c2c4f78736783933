from datetime import date
from typing import Annotated, Literal

from pydantic import Field, field_validator
from typing_extensions import TypeAliasType

from app.common.dates import Period, PeriodKind, parse_partial_date
from app.common.filters import (
    COUNTRY_FILTER,
    FACETS_DESCRIPTION,
    FIELDS_DESCRIPTION,
    CountryCode,
    DatedListParams,
    Day,
    PartialDate,
    ShapeParams,
    Slug,
    as_of_field,
    choices,
    date_window,
    repeatable,
)
from app.common.schemas import (
    CONTESTED_DESCRIPTION,
    SOURCE_COUNT_DESCRIPTION,
    SUPPORT_DESCRIPTION,
    Citation,
    ContestedValue,
    NamedRef,
    Page,
    Schema,
)
from app.curation.writes import CitationWrite, Text, WriteId, WriteModel
from app.errors import InvalidParameter, param_error
from app.models import Bound, FigureStatus, Indicator, SupportStatus, Unit, Valuation

TradeFigureSort = TypeAliasType(
    "TradeFigureSort", Literal["period", "-period", "value", "-value", "id", "-id"]
)


class TradeFigureRead(Schema):
    """One observation: a value for a reporter–partner pair, indicator and period, with its qualifiers.

    `bound`, `status` and `period_kind` say, as data, how far to trust and compare the value.
    """

    id: str = Field(description="Stable readable id.", examples=["az-kz-trade-turnover-2024"])
    reporter: NamedRef = Field(description="The country the figure is stated for.")
    partner: NamedRef = Field(description="The counterpart country.")
    indicator: Indicator = Field(description="What is measured.", examples=["trade_turnover"])
    commodity: str = Field(
        description="`TOTAL` for all goods; otherwise a commodity code or a descriptive slug "
        "(e.g. `oil`) where the source gives no code.",
        examples=["TOTAL"],
    )
    period_start: date = Field(description="First day of the period measured.", examples=["2024-01-01"])
    period_end: date = Field(description="Last day of the period measured.", examples=["2024-12-31"])
    period_kind: PeriodKind = Field(
        description="`year`, `quarter`, `month`, `half_year`, `year_to_date` (January to some month) "
        "or `other`: partial periods are never to be mixed with full years.",
        examples=["year"],
    )
    value: float = Field(description="The stated value (in `unit`; for `range`, the lower end).")
    value_upper: float | None = Field(
        description="Upper end for `range`. With `at_least`/`at_most`, a threshold stated as a range "
        "('more than 6–7 %' is at_least 6, value_upper 7)."
    )
    unit: Unit = Field(description="Unit of value: a currency code, `tonnes`, `percent`…", examples=["USD"])
    bound: Bound = Field(
        description="How the value bounds the truth: `exact`, `approximate` ('about'), `at_least' "
        "('more than'), `at_most`, or `range`.",
        examples=["approximate"],
    )
    status: FigureStatus = Field(
        description="`reported` (observed statistics), `preliminary`, `estimate` or `forecast`.",
        examples=["reported"],
    )
    compared_period_start: date | None = Field(
        description="For growth rates: first day of the period compared against."
    )
    compared_period_end: date | None = Field(
        description="For growth rates: last day of the period compared against."
    )
    note: str | None = Field(description="Context from the source, in the response language.")
    valuation: Valuation | None = Field(
        description="The basis of a trade value: `cif` (cost, insurance and freight to the importer's "
        "border, as imports are usually valued) or `fob` (free on board, as exports are); null when the "
        "source does not say.",
        examples=["cif"],
    )
    aggregate_level: int | None = Field(
        description="The commodity code's level in its classification: 0 for all goods (`TOTAL`), 2 for "
        "an HS chapter or SITC division, 4 for a heading, 6 for a subheading…; null when not known. "
        "Figures of different levels overlap: sum one level only.",
        examples=[4],
    )
    value_figure_id: str | None = Field(
        description="For a quantity (tonnes of net weight, items…): the id of the figure of the trade "
        "value it was stated with, in the same record of the same source; null for a value.",
        examples=["th-az-imports-8542-2021"],
    )
    projects: list[NamedRef] = Field(description="Infrastructure projects this figure relates to.")
    citations: list[Citation] = Field(description="Quotes from the sources supporting this record.")
    support: SupportStatus = Field(description=SUPPORT_DESCRIPTION, examples=["single"])
    source_count: int = Field(description=SOURCE_COUNT_DESCRIPTION, examples=[1])
    contested: list[ContestedValue] = Field(description=CONTESTED_DESCRIPTION)


class TradeFigurePage(Page[TradeFigureRead]):
    """A page of tradeFigure records."""


TradeFigureField = TypeAliasType(
    "TradeFigureField",
    Literal[
        "id",
        "reporter",
        "partner",
        "indicator",
        "commodity",
        "period_start",
        "period_end",
        "period_kind",
        "value",
        "value_upper",
        "unit",
        "bound",
        "status",
        "compared_period_start",
        "compared_period_end",
        "note",
        "valuation",
        "aggregate_level",
        "value_figure_id",
        "projects",
        "citations",
        "support",
        "source_count",
        "contested",
    ],
)
TradeFigureFacet = TypeAliasType(
    "TradeFigureFacet",
    Literal[
        "country",
        "reporter",
        "partner",
        "indicator",
        "commodity",
        "unit",
        "status",
        "bound",
        "period_kind",
        "year",
    ],
)


class TradeFigureDetailParams(ShapeParams):
    as_of: Day | None = as_of_field()
    fields: list[TradeFigureField] = choices(FIELDS_DESCRIPTION)


class TradeFigureFilters(DatedListParams):
    as_of: Day | None = as_of_field()
    support: list[SupportStatus] = repeatable(
        "How the sources stand behind it: `single`, `corroborated` or `contested`; repeat for any "
        "of several.",
        examples=[["single"]],
    )
    country: list[CountryCode] = COUNTRY_FILTER
    reporter: list[CountryCode] = repeatable(
        "Reporter country (ISO alpha-2, alpha-3 or numeric code, or name); repeat for any of several."
    )
    partner: list[CountryCode] = repeatable(
        "Partner country (ISO alpha-2, alpha-3 or numeric code, or name); repeat for any of several."
    )
    indicator: list[Indicator] = repeatable("Indicator; repeat for any of several.")
    commodity: list[str] = repeatable("Commodity (`TOTAL` for all goods); repeat for any of several.")
    unit: list[Unit] = repeatable("Unit; repeat for any of several.")
    status: list[FigureStatus] = repeatable("Status; repeat for any of several.", examples=[["forecast"]])
    bound: list[Bound] = repeatable("Bound; repeat for any of several.", examples=[["approximate"]])
    period_kind: list[PeriodKind] = repeatable(
        "Kind of period; repeat for any of several (`period_kind=year` keeps full years only)."
    )
    valuation: list[Valuation] = repeatable("Valuation (`cif`, `fob`); repeat for any of several.")
    aggregate_level: list[Annotated[int, Field(ge=0, le=12)]] = repeatable(
        "The commodity code's level (0 all goods, 2, 4, 6…); repeat for any of several."
    )
    value_figure_id: list[Slug] = repeatable(
        "Only the quantities stated with this value figure (its id); repeat for any of several."
    )
    value_min: float | None = Field(
        None, allow_inf_nan=False, description="Only values ≥ this (in the figure's own unit)."
    )
    value_max: float | None = Field(
        None, allow_inf_nan=False, description="Only values ≤ this (in the figure's own unit)."
    )
    period_from: PartialDate | None = Field(
        None, description="Same as `date_from`, under the name analysts use for statistics periods."
    )
    period_to: PartialDate | None = Field(
        None, description="Same as `date_to`, under the name analysts use for statistics periods."
    )
    sort: TradeFigureSort = Field(
        "period",
        description="Sort key; `-` for descending. `period` orders by period_start; ties are broken by id.",
    )
    fields: list[TradeFigureField] = choices(FIELDS_DESCRIPTION)
    facets: list[TradeFigureFacet] = choices(FACETS_DESCRIPTION)

    @field_validator("period_from", "period_to")
    @classmethod
    def _calendar_period(cls, value: str | None) -> str | None:
        if value is not None:
            parse_partial_date(value)
        return value

    def date_window(self) -> tuple[date | None, date | None]:
        if (self.period_from or self.period_to) and (self.date_from or self.date_to):
            detail = "period_from/period_to and date_from/date_to are the same filter: give one pair"
            raise InvalidParameter(
                detail, [param_error("period_from", detail), param_error("date_from", detail)]
            )
        if self.period_from or self.period_to:
            # The same window and the same 422 as date_from / date_to's, without a model built for it.
            return date_window(self.period_from, self.period_to)
        return super().date_window()

    def value_range(self) -> tuple[float | None, float | None]:
        if self.value_min is not None and self.value_max is not None and self.value_min > self.value_max:
            detail = f"value_min ({self.value_min:g}) is greater than value_max ({self.value_max:g})"
            raise InvalidParameter(
                detail, [param_error("value_min", detail), param_error("value_max", detail)]
            )
        return self.value_min, self.value_max


class TradeFigureRef(Schema):
    """A related trade figure, with the fields needed to read it."""

    id: str = Field(description="The figure's id.")
    indicator: Indicator = Field(description="What is measured.")
    commodity: str = Field(description="`TOTAL` or a commodity code.")
    period_start: date = Field(description="First day of the period measured.")
    period_end: date = Field(description="Last day of the period measured.")
    value: float = Field(description="The stated value, in `unit`.")
    value_upper: float | None = Field(description="Upper end for a range, or of a threshold given as one.")
    unit: Unit = Field(description="Unit of value.")
    bound: Bound = Field(description="How the value bounds the truth.")
    status: FigureStatus = Field(description="Reported, preliminary, estimate or forecast.")


class TradeFigureCreate(WriteModel):
    """A new observation. Its natural key (reporter, partner, indicator, commodity, period, status,
    unit) must be unique."""

    id: WriteId | None = Field(None, description="Readable id; made from the natural key when not given.")
    reporter: CountryCode = Field(
        description="Country the figure is stated for: any ISO code or name, stored as alpha-2."
    )
    partner: CountryCode = Field(description="Counterpart country: any ISO code or name, stored as alpha-2.")
    indicator: Indicator = Field(description="What is measured.")
    commodity: str = Field("TOTAL", min_length=1, max_length=40, description="`TOTAL` or a commodity code.")
    period: Period = Field(
        description="The period measured: `2024`, `2025-03`, or a span `2025-01/2025-09`.",
        examples=["2025-01/2025-09"],
    )
    value: float = Field(allow_inf_nan=False, description="The stated value, in `unit`.")
    value_upper: float | None = Field(
        None, allow_inf_nan=False, description="Upper end for `range`, or of a threshold stated as a range."
    )
    unit: Unit = Field(description="Unit of value.")
    bound: Bound = Field(description="How the value bounds the truth.")
    status: FigureStatus = Field(description="`reported`, `preliminary`, `estimate` or `forecast`.")
    compared_period: Period | None = Field(None, description="For growth rates: the period compared against.")
    note_en: Text | None = Field(None, description="Context, in English.")
    note_ru: Text | None = Field(None, description="Context, in Russian.")
    projects: list[Slug] = Field(default_factory=list, description="Ids of related infrastructure projects.")
    citations: list[CitationWrite] = Field(min_length=1, description="Quotes supporting the record.")
