"""A time series of trade figures, shaped for a chart: one reporter, partner, indicator, commodity,
unit and kind of period, its points in period order with the qualifiers that say how to draw each."""

from datetime import date
from typing import Literal

from pydantic import Field
from typing_extensions import TypeAliasType

from app.common.dates import PeriodKind
from app.common.filters import CountryCode, Day, ShapeParams, as_of_field, repeatable
from app.common.schemas import Citation, NamedRef, Schema
from app.models import Bound, FigureStatus, Indicator, Unit

# `other` periods (arbitrary spans) do not line up into a series, so they cannot be asked for.
SeriesPeriodKind = TypeAliasType(
    "SeriesPeriodKind", Literal["year", "half_year", "quarter", "month", "year_to_date"]
)


class TradeSeriesParams(ShapeParams):
    """Which series: reporter, partner and indicator are required; the rest narrow it."""

    as_of: Day | None = as_of_field()

    reporter: CountryCode = Field(
        description="Reporter country (ISO alpha-2, alpha-3 or numeric code, or name): whose figure it is.",
        examples=["AZ"],
    )
    partner: CountryCode = Field(
        description="Partner country (the same way). Direction matters: figures stated "
        "for the reverse pair are another series.",
        examples=["KZ"],
    )
    indicator: Indicator = Field(description="What is measured.", examples=["trade_turnover"])
    commodity: str = Field(
        "TOTAL",
        min_length=1,
        max_length=40,
        description="Commodity: `TOTAL` (default) for all goods, else a code or a slug such as `oil`.",
    )
    period_kind: SeriesPeriodKind = Field(
        "year",
        description="Kind of period of every point (default `year`). Partial periods are never mixed with "
        "full years: `year_to_date` (January to some month), `half_year`, `quarter` and `month` are "
        "separate series.",
    )
    status: list[FigureStatus] = repeatable(
        "Only points of this status; repeat for any of several. Default: every status, so reported "
        "values, estimates and forecasts come together, told apart by each point's `status`.",
        examples=[["reported"]],
    )
    unit: Unit | None = Field(
        None,
        description="Only points in this unit. Needed only when the matching figures come in several "
        "units: a series has one unit, so that is a 422 naming them.",
    )


class SeriesPoint(Schema):
    """One figure of the series. Draw by its qualifiers: `status` tells reported values from estimates
    and forecasts; `bound` and `value_upper` tell exact values from approximations, thresholds and
    ranges."""

    id: str = Field(description="The trade figure's id (`/v1/trade-figures/{id}`).")
    period_start: date = Field(description="First day of the period measured.", examples=["2024-01-01"])
    period_end: date = Field(description="Last day of the period measured.", examples=["2024-12-31"])
    period_kind: PeriodKind = Field(description="Kind of period; the same for every point of a series.")
    value: float = Field(description="The stated value (for `range`, the lower end).")
    value_upper: float | None = Field(
        description="Upper end for `range`; with `at_least`/`at_most`, a threshold stated as a range."
    )
    unit: Unit = Field(description="Unit of value; the same for every point of a series.")
    bound: Bound = Field(
        description="How the value bounds the truth: `exact`, `approximate`, `at_least`, `at_most`, `range`."
    )
    status: FigureStatus = Field(
        description="`reported`, `preliminary`, `estimate` or `forecast`: draw forecasts apart."
    )
    compared_period_start: date | None = Field(
        description="For growth rates: first day of the period compared against."
    )
    compared_period_end: date | None = Field(
        description="For growth rates: last day of the period compared against."
    )
    note: str | None = Field(description="Context from the source, in the response language.")
    citations: list[Citation] = Field(description="Quotes from the sources supporting this figure.")


class TradeSeries(Schema):
    """A series of trade figures that may be drawn on one axis: one reporter, partner, indicator,
    commodity, unit and kind of period, its points ordered by period (then status: reported first)."""

    reporter: NamedRef = Field(description="The country the figures are stated for.")
    partner: NamedRef = Field(description="The counterpart country.")
    indicator: Indicator = Field(description="What is measured.", examples=["trade_turnover"])
    commodity: str = Field(description="`TOTAL` for all goods, else the commodity.", examples=["TOTAL"])
    unit: Unit | None = Field(
        description="Unit of every point; null only when no point matched and no `unit` was asked for.",
        examples=["USD"],
    )
    period_kind: PeriodKind = Field(
        description="Kind of period of every point: `year`, `half_year`, `quarter`, `month`, "
        "`year_to_date`, or (in a relation dossier only) `other`.",
        examples=["year"],
    )
    points: list[SeriesPoint] = Field(
        description="The figures, by period_start, period_end, then status (reported, preliminary, "
        "estimate, forecast). Empty when nothing matches."
    )
