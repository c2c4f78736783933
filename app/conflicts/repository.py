"""The consistency report: where sources disagree on a record, and where the figures contradict one
another by arithmetic.

Contested values are stored (accepting a `contest` candidate records one). The arithmetic is found
afresh on every request, over the trade figures of each pair: a figure for part of a period above the
figure for the whole period; and a figure with its growth rate that implies, for the compared period,
nearly all of a longer period's figure (the seed article's 568 million for January–September 2025,
up 6–7 %, puts January–September 2024 at 531–536 million: all of its 533 million for the whole of
2024, with three months to go).
"""

from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from typing import Any

import orjson
from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session, aliased, selectinload

from app.candidates.matching import SYMMETRIC, same_pair, value_interval
from app.common.dates import DatePrecision
from app.conflicts.schemas import ConflictFilters
from app.models import (
    Agreement,
    Citation,
    ContestedValue,
    Event,
    FigureStatus,
    InfrastructureProject,
    TradeFigure,
)

# The compared period holds at least this share of the longer period's figure…
NEARLY_ALL = 0.95
# …while it covers at most this share of the longer period's time.
LEAVES_TIME = 0.8

_RECORDS: dict[str, tuple[type[Any], str]] = {
    "event_id": (Event, "event"),
    "agreement_id": (Agreement, "agreement"),
    "trade_figure_id": (TradeFigure, "trade_figure"),
    "project_id": (InfrastructureProject, "infrastructure_project"),
}


def conflicts(session: Session, filters: ConflictFilters) -> list[dict[str, Any]]:
    """Every conflict the filters keep, ordered by id."""
    found: list[dict[str, Any]] = []
    kinds = set(filters.kind) or {"contested_value", "part_exceeds_whole", "growth_implies_share"}
    if "contested_value" in kinds:
        found += contested_values(session)
    if not filters.record_type or "trade_figure" in filters.record_type:
        if "part_exceeds_whole" in kinds:
            found += parts_exceeding_wholes(session)
        if "growth_implies_share" in kinds:
            found += growth_implying_shares(session)
    wanted = {code.upper() for code in filters.country}
    kept = [
        conflict
        for conflict in found
        if wanted <= set(conflict["countries"])
        and (not filters.record_type or conflict["record_type"] in filters.record_type)
    ]
    return sorted(kept, key=lambda conflict: str(conflict["id"]))


# --- what the sources say apart ---


def contested_values(session: Session) -> list[dict[str, Any]]:
    groups: dict[tuple[str, str, str], list[ContestedValue]] = defaultdict(list)
    for value in session.scalars(select(ContestedValue).order_by(ContestedValue.id)):
        column = next(column for column in _RECORDS if getattr(value, column) is not None)
        groups[column, getattr(value, column), value.field].append(value)
    found = []
    for (column, record_id, field), values in groups.items():
        model, record_type = _RECORDS[column]
        record = session.scalars(select(model).where(model.id == record_id).options(*_loads(model))).one()
        own = _claim(record_type, record_id, field, body_value(record, field), list(record.citations))
        others = [_claim(record_type, record_id, field, value.value, [value]) for value in values]
        sources = len({value.source_id for value in values}) + 1
        found.append(
            {
                "id": f"contested_value:{record_type}:{record_id}:{field}",
                "kind": "contested_value",
                "record_type": record_type,
                "countries": _countries(record),
                "summary": f"{sources} sources disagree on the {field} of {record_type} {record_id}: "
                + " against ".join(claim["value"] for claim in [own, *others]),
                "claims": [own, *others],
            }
        )
    return found


def _loads(model: type[Any]) -> list[Any]:
    loads = [selectinload(model.citations)]
    if model is TradeFigure:
        return loads
    return [*loads, selectinload(model.countries)]


def _countries(record: Any) -> list[str]:
    if isinstance(record, TradeFigure):
        return sorted({record.reporter_id, record.partner_id})
    return [country.id for country in record.countries]


def body_value(record: Any, field: str) -> str:
    """The record's value of a create-body field, as JSON text (`date` as the body writes it)."""
    if field == "date":
        value: Any = partial_span(record.date_start, record.date_end, record.date_precision)
    elif field == "period":
        value = partial_span(record.period_start, record.period_end, DatePrecision.month)
    else:
        value = getattr(record, field)
    return orjson.dumps(value).decode()


def partial_span(start: date, end: date, precision: DatePrecision) -> str:
    """`2025-11`, `2025`, `2025-10-20/2025-10-21`: a window as a create body writes it."""
    if precision is DatePrecision.year and (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
        first, last = f"{start.year}", f"{end.year}"
    elif precision in (DatePrecision.year, DatePrecision.month, DatePrecision.quarter) and start.day == 1:
        first, last = start.isoformat()[:7], end.isoformat()[:7]
    else:
        first, last = start.isoformat(), end.isoformat()
    return first if first == last else f"{first}/{last}"


# --- what the figures say of one another ---


def _same_series(one: Any, other: Any, *, same_unit: bool = True) -> Any:
    """Two aliases of trade_figures measure the same series (turnover in either order of the pair);
    a growth rate is in percent, whatever its series' unit."""
    symmetric = one.indicator.in_([indicator.value for indicator in SYMMETRIC])
    pair = same_pair(one.reporter_id, one.partner_id, other.reporter_id, other.partner_id, symmetric)
    unit = [one.unit == other.unit] if same_unit else []
    return and_(pair, one.commodity == other.commodity, one.status == other.status, *unit)


def parts_exceeding_wholes(session: Session) -> list[dict[str, Any]]:
    part, whole = aliased(TradeFigure), aliased(TradeFigure)
    pairs = session.execute(
        select(part, whole)
        .join(
            whole,
            and_(
                _same_series(part, whole),
                part.indicator == whole.indicator,
                ~part.indicator.like("%\\_growth", escape="\\"),
                part.period_start >= whole.period_start,
                part.period_end <= whole.period_end,
                or_(part.period_start > whole.period_start, part.period_end < whole.period_end),
                part.value > whole.value,
                part.status != FigureStatus.target,
            ),
        )
        .options(selectinload(part.citations), selectinload(whole.citations))
    ).all()
    found = []
    for inner, outer in pairs:
        low = value_interval(inner.value, inner.value_upper, inner.bound)[0]
        high = value_interval(outer.value, outer.value_upper, outer.bound)[1]
        if low <= high:
            continue
        found.append(
            _figures_conflict(
                "part_exceeds_whole",
                [inner, outer],
                f"{_label(inner)} ({_amount(inner)}) is above {_label(outer)} ({_amount(outer)}), "
                "a period that contains it.",
            )
        )
    return found


def growth_implying_shares(session: Session) -> list[dict[str, Any]]:
    growth, level, whole = aliased(TradeFigure), aliased(TradeFigure), aliased(TradeFigure)
    rows = session.execute(
        select(growth, level, whole)
        .join(
            level,
            and_(
                _series_of_growth(growth, level),
                level.period_start == growth.period_start,
                level.period_end == growth.period_end,
            ),
        )
        .join(
            whole,
            and_(
                _same_series(level, whole),
                whole.indicator == level.indicator,
                whole.period_start <= growth.compared_period_start,
                whole.period_end >= growth.compared_period_end,
            ),
        )
        .where(growth.indicator.like("%\\_growth", escape="\\"), growth.compared_period_start.is_not(None))
        .options(*(selectinload(figure.citations) for figure in (growth, level, whole)))
    ).all()
    found = []
    for rate, figure, longer in rows:
        assert rate.compared_period_start is not None and rate.compared_period_end is not None
        compared = (rate.compared_period_start, rate.compared_period_end)
        covered = _days(*compared) / _days(longer.period_start, longer.period_end)
        if covered > LEAVES_TIME:
            continue
        # The stated numbers, as the source states them: the rate's range, the figures' values.
        fastest = 1 + (rate.value_upper if rate.value_upper is not None else rate.value) / 100
        implied_low = figure.value / fastest
        if implied_low < NEARLY_ALL * longer.value:
            continue
        slowest = 1 + rate.value / 100
        implied = f"{_number(implied_low)}–{_number(figure.value / slowest)} {figure.unit.value}"
        found.append(
            _figures_conflict(
                "growth_implies_share",
                [figure, rate, longer],
                f"{_label(figure)} ({_amount(figure)}), up {_rate(rate)}, implies {implied} for "
                f"{_span(*compared)}: {implied_low / longer.value:.0%} or more of {_label(longer)} "
                f"({_amount(longer)}), though it covers {covered:.0%} of that period's time.",
            )
        )
    return found


def _series_of_growth(growth: Any, level: Any) -> Any:
    return and_(
        _same_series(growth, level, same_unit=False),
        level.indicator == func.replace(growth.indicator, "_growth", ""),
    )


def _figures_conflict(kind: str, figures: list[TradeFigure], summary: str) -> dict[str, Any]:
    claims = [
        _claim(
            "trade_figure", figure.id, "value", orjson.dumps(figure.value).decode(), list(figure.citations)
        )
        for figure in figures
    ]
    return {
        "id": f"{kind}:" + ":".join(figure.id for figure in figures),
        "kind": kind,
        "record_type": "trade_figure",
        "countries": sorted({code for figure in figures for code in (figure.reporter_id, figure.partner_id)}),
        "summary": summary,
        "claims": claims,
    }


def _claim(
    record_type: str, record_id: str, field: str, value: str, cited: Sequence[Citation | ContestedValue]
) -> dict[str, Any]:
    return {
        "record_type": record_type,
        "record_id": record_id,
        "field": field,
        "value": value,
        "citations": [_citation(citation) for citation in cited],
    }


def _citation(cited: Citation | ContestedValue) -> dict[str, Any]:
    return {
        "source_id": cited.source_id,
        "quote": cited.quote,
        "paragraph": cited.paragraph,
        "char_start": cited.char_start,
        "char_end": cited.char_end,
        "line": getattr(cited, "line", None),
    }


def _days(start: date, end: date) -> int:
    return (end - start).days + 1


def _span(start: date, end: date) -> str:
    whole_years = (start.month, start.day, end.month, end.day) == (1, 1, 12, 31)
    return partial_span(start, end, DatePrecision.year if whole_years else DatePrecision.month)


def _label(figure: TradeFigure) -> str:
    return (
        f"{figure.indicator.value} {figure.reporter_id}–{figure.partner_id} for "
        f"{_span(figure.period_start, figure.period_end)}"
    )


def _amount(figure: TradeFigure) -> str:
    words = {"approximate": "about ", "at_least": "over ", "at_most": "up to "}
    upper = f"–{_number(figure.value_upper)}" if figure.value_upper is not None else ""
    return f"{words.get(figure.bound.value, '')}{_number(figure.value)}{upper} {figure.unit.value}"


def _rate(figure: TradeFigure) -> str:
    upper = f"–{figure.value_upper:g}" if figure.value_upper is not None else ""
    return f"{figure.value:g}{upper} %"


def _number(value: float) -> str:
    for scale, word in ((1e9, " billion"), (1e6, " million"), (1e3, " thousand")):
        if abs(value) >= scale:
            return f"{value / scale:.4g}{word}"
    return f"{value:g}"
