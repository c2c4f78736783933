"""The same fact, already stored: what a candidate corroborates, or contests, rather than creates.

A trade figure is the same when it measures the same thing for the same pair over the same period
(turnover is the pair's together, so AZ–KZ and KZ–AZ are one); its value agrees when the two values,
each widened by its bound and by the precision it is written with, overlap ("about 533 million" and
"529.4 million" agree). An event is the same when it is of a compatible type, with the same
countries and host: a meeting whose date windows overlap agrees; a visit or summit a few weeks apart
is the same visit dated differently, and contests the date ("November 2025" against 20–21 October). An
agreement is the same when it binds the same countries in an overlapping window. People,
organizations, places and projects are matched by name by the extractor itself, against what the
database knows; here only by id, for one stored since it was proposed.
"""

import math
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Integer, and_, func, or_, select
from sqlalchemy.orm import Session

from app.common.dates import parse_period
from app.models import (
    Agreement,
    Bound,
    Event,
    EventType,
    Indicator,
    InfrastructureProject,
    Organization,
    Person,
    Place,
    TradeFigure,
    agreement_countries,
    event_countries,
)

# Turnover of a pair is one number whichever country is named first.
SYMMETRIC = {Indicator.trade_turnover, Indicator.trade_turnover_growth}
# A visit is held as talks: sources name the same meeting either way.
_MEETINGS = {
    EventType.visit,
    EventType.state_visit,
    EventType.official_visit,
    EventType.working_visit,
    EventType.talks,
}
# Events that happen once in a while between the same countries: the same one, dated weeks apart by
# two sources, is one event with a contested date (talks and calls recur; they only match in time).
_OCCASIONS = {
    EventType.state_visit,
    EventType.official_visit,
    EventType.working_visit,
    EventType.summit,
    EventType.intergovernmental_commission,
    EventType.interstate_council,
}
SAME_OCCASION = timedelta(days=62)
# "About" a value: how far from it the truth may be.
APPROXIMATE = 0.05
NAMED: dict[str, type[Any]] = {
    "person": Person,
    "organization": Organization,
    "place": Place,
    "infrastructure_project": InfrastructureProject,
}


@dataclass(frozen=True)
class Match:
    """A stored record stating the candidate's fact; `field`, the one whose values disagree, if any."""

    target: str
    field: str | None = None


def compatible_types(kind: EventType) -> set[EventType]:
    return _MEETINGS if kind in _MEETINGS else {kind}


def same_fact(session: Session, record_type: str, body: dict[str, Any]) -> Match | None:
    """The stored record stating the fact `body` (a validated create body) states, if any.
    A date the body cannot mean matches nothing: the write that follows says what is wrong with it."""
    try:
        return _same_fact(session, record_type, body)
    except ValueError:
        return None


def _same_fact(session: Session, record_type: str, body: dict[str, Any]) -> Match | None:
    if record_type == "trade_figure":
        return _same_figure(session, body)
    if record_type == "event":
        return _same_event(session, body)
    if record_type == "agreement":
        return _same_agreement(session, body)
    # A proposed person, organization, place or project whose id is taken by now: the one stored.
    model = NAMED.get(record_type)
    if model is not None and body.get("id") and session.get(model, body["id"]) is not None:
        return Match(str(body["id"]))
    return None


# --- trade figures ---


def _same_figure(session: Session, body: dict[str, Any]) -> Match | None:
    start, end = parse_period(body["period"])
    symmetric = Indicator(body["indicator"]) in SYMMETRIC
    pair = same_pair(
        TradeFigure.reporter_id, TradeFigure.partner_id, body["reporter"], body["partner"], symmetric
    )
    stored = session.scalars(
        select(TradeFigure)
        .where(
            pair,
            TradeFigure.indicator == body["indicator"],
            TradeFigure.commodity == body.get("commodity", "TOTAL"),
            TradeFigure.period_start == start,
            TradeFigure.period_end == end,
            TradeFigure.status == body["status"],
        )
        .order_by(TradeFigure.id)
        .limit(1)
    ).first()
    if stored is None:
        return None
    if stored.unit != body["unit"]:
        return Match(stored.id, "unit")
    ours = value_interval(body["value"], body.get("value_upper"), Bound(body["bound"]))
    theirs = value_interval(stored.value, stored.value_upper, stored.bound)
    return Match(stored.id, None if overlap(ours, theirs) else "value")


def same_pair(reporter: Any, partner: Any, other_reporter: Any, other_partner: Any, symmetric: Any) -> Any:
    """The condition that two figures are of one pair: in the same order, or, where `symmetric` (a
    turnover: a bool, or a SQL condition on the indicator), in either."""
    return or_(
        and_(reporter == other_reporter, partner == other_partner),
        and_(symmetric, reporter == other_partner, partner == other_reporter),
    )


def value_interval(value: float, upper: float | None, bound: Bound) -> tuple[float, float]:
    """Where the true value may lie, as the source states it: its bound, and the precision of the
    number as written (533 million means 532.5–533.5 million)."""
    top = upper if upper is not None else value
    step = _written_step(value)
    if bound is Bound.at_least:
        return value - step, math.inf
    if bound is Bound.at_most:
        return -math.inf, top + step
    if bound is Bound.range:
        return value - step, top + step
    if bound is Bound.approximate:
        return value * (1 - APPROXIMATE) - step, value * (1 + APPROXIMATE) + step
    return value - step, value + step


def _written_step(value: float) -> float:
    """Half the place value of the last digit the number is written with, reading it as sources
    write numbers, in thousands, millions or billions: 529.4 million to the hundred thousand, and
    both 533 and 700 million to the million (a round number's zeros within its group count)."""
    if value == 0 or not math.isfinite(value):
        return 0.0
    mantissa, _, exponent = f"{abs(value):.9e}".partition("e")
    significant = mantissa.replace(".", "").rstrip("0") or "0"
    last_digit = int(exponent) - (len(significant) - 1)
    group = 3 * (int(exponent) // 3)
    return 10.0 ** min(last_digit, group) / 2


def overlap(first: tuple[float, float], second: tuple[float, float]) -> bool:
    return first[0] <= second[1] and second[0] <= first[1]


# --- events and agreements ---


def _with_countries(link: Any, key: str, countries: list[str]) -> Any:
    """Ids of the records linked to exactly these countries."""
    return (
        select(link.c[key])
        .group_by(link.c[key])
        .having(
            func.count() == len(countries),
            func.sum(link.c.country_id.in_(countries).cast(Integer)) == len(countries),
        )
    )


def _same_event(session: Session, body: dict[str, Any]) -> Match | None:
    start, end = parse_period(body["date"])
    kind = EventType(body["type"])
    countries = sorted(set(body.get("countries") or []))
    reach = SAME_OCCASION if kind in _OCCASIONS else timedelta(0)
    statement = select(Event).where(
        Event.type.in_(compatible_types(kind)),
        Event.date_start <= end + reach,
        Event.date_end >= start - reach,
    )
    if countries:
        statement = statement.where(Event.id.in_(_with_countries(event_countries, "event_id", countries)))
    if body.get("host_country"):
        statement = statement.where(
            or_(Event.host_country_id.is_(None), Event.host_country_id == body["host_country"])
        )
    nearest: Event | None = None
    for event in session.scalars(statement.order_by(Event.date_start, Event.id)):
        if event.date_start <= end and event.date_end >= start:
            return Match(event.id)
        if nearest is None or _gap(event, start, end) < _gap(nearest, start, end):
            nearest = event
    return Match(nearest.id, "date") if nearest is not None else None


def _gap(event: Event, start: date, end: date) -> timedelta:
    return max(event.date_start - end, start - event.date_end)


def _same_agreement(session: Session, body: dict[str, Any]) -> Match | None:
    start, end = parse_period(body["date"])
    countries = sorted(set(body.get("countries") or []))
    if not countries:
        return None
    statement = select(Agreement).where(
        Agreement.date_start <= end,
        Agreement.date_end >= start,
        Agreement.id.in_(_with_countries(agreement_countries, "agreement_id", countries)),
    )
    if body.get("event"):
        statement = statement.where(or_(Agreement.event_id.is_(None), Agreement.event_id == body["event"]))
    stored = session.scalars(statement.order_by(Agreement.date_start, Agreement.id).limit(1)).first()
    if stored is None:
        return None
    count = body.get("document_count")
    if count is not None and stored.document_count is not None and count != stored.document_count:
        return Match(stored.id, "document_count")
    return Match(stored.id)
