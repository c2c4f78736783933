"""The pair page's pictures, drawn on the server as SVG: the timeline, where each event spans the time
its source gives (a year-precision event the whole year), and the trade charts, where each figure is a
column across its period, styled by its status, bound and kind of period, one unit to an axis."""

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from babel.dates import get_month_names
from markupsafe import Markup, escape

from app.common.language import Language
from app.explorer import present
from app.explorer.words import label, value_label

WIDTH = 960
LEFT = 8
RIGHT = 8
ROW = 22
AXIS = 28
MIN_BAR = 3
# Up to this many items the timeline gives each its own labelled row; beyond, bars share lanes.
LABELLED_ROWS = 60
MAX_LANES = 60
PALETTE = 6
# Up to this many figures a chart links each one and has a table under it; beyond, it draws shapes.
POINT_TITLES = 60
PARTIAL_KINDS = {"year_to_date", "other"}
PROVISIONAL = {"preliminary", "estimate", "forecast", "target"}


def _d(value: str | date) -> date:
    return value if isinstance(value, date) else date.fromisoformat(value)


@dataclass
class Scale:
    """Days to pixels, over whole years."""

    start: date
    end: date  # exclusive
    left: float
    width: float

    @classmethod
    def over(cls, days: Iterable[date], left: float, width: float) -> "Scale":
        known = list(days)
        first, last = min(known), max(known)
        return cls(date(first.year, 1, 1), date(last.year + 1, 1, 1), left, width)

    def x(self, day: date) -> float:
        total = (self.end - self.start).days
        return self.left + self.width * (day - self.start).days / total

    def span(self, first: date, last: date) -> tuple[float, float]:
        """The pixels from the first day's start to the last day's end (inclusive dates)."""
        x0 = self.x(first)
        x1 = self.x(last + timedelta(days=1))
        return x0, max(x1 - x0, MIN_BAR)

    def ticks(self) -> list[tuple[date, str]]:
        years = self.end.year - self.start.year
        step = 1 if years <= 12 else 5 if years <= 60 else 10
        return [(date(year, 1, 1), str(year)) for year in range(self.start.year, self.end.year, step)]

    def month_ticks(self) -> list[date]:
        if self.end.year - self.start.year > 3:
            return []
        return [date(y, m, 1) for y in range(self.start.year, self.end.year) for m in range(2, 13)]


def _axis(scale: Scale, top: float, bottom: float, lang: Language) -> list[str]:
    parts = []
    months = get_month_names("abbreviated", context="stand-alone", locale=lang)
    named = scale.end.year - scale.start.year <= 2
    for day in scale.month_ticks():
        x = scale.x(day)
        parts.append(f'<line class="tick-minor" x1="{x:.1f}" x2="{x:.1f}" y1="{top}" y2="{bottom}"/>')
        if named:
            parts.append(
                f'<text class="tick-label minor" x="{x + 3:.1f}" y="{bottom + 16}">'
                f"{escape(months[day.month])}</text>"
            )
    for day, text in scale.ticks():
        x = scale.x(day)
        parts.append(f'<line class="tick" x1="{x:.1f}" x2="{x:.1f}" y1="{top}" y2="{bottom}"/>')
        parts.append(f'<text class="tick-label" x="{x + 3:.1f}" y="{bottom + 16}">{text}</text>')
    return parts


# --- the timeline ---


@dataclass
class TimelineItem:
    kind: str  # event | agreement
    path: str  # its page
    id: str
    title: str
    start: date
    end: date
    precision: str
    status: str
    when: str = ""


def timeline_items(
    events: list[dict[str, Any]], agreements: list[dict[str, Any]], lang: Language
) -> list[TimelineItem]:
    items = [
        TimelineItem(
            "event",
            "events",
            e["id"],
            e["title"],
            _d(e["date_start"]),
            _d(e["date_end"]),
            e["date_precision"],
            e["status"],
        )
        for e in events
    ]
    items += [
        TimelineItem(
            "agreement",
            "agreements",
            a["id"],
            a["title"],
            _d(a["date_start"]),
            _d(a["date_end"]),
            a["date_precision"],
            a["status"],
        )
        for a in agreements
        if a.get("date_start") and a.get("date_end")
    ]
    items.sort(key=lambda item: (item.start, item.end, item.id))
    for item in items:
        item.when = present.when(item.start, item.end, item.precision, lang)
    return items


def timeline(items: list[TimelineItem], lang: Language, prefix: str) -> Markup:
    if not items:
        return Markup("")
    scale = Scale.over([d for item in items for d in (item.start, item.end)], LEFT, WIDTH - LEFT - RIGHT)
    labelled = len(items) <= LABELLED_ROWS
    rows: list[tuple[TimelineItem, int]] = []
    if labelled:
        rows = [(item, row) for row, item in enumerate(items)]
        lanes = len(items)
    else:
        ends: list[float] = []  # per lane, the pixel where its last bar ends
        for item in items:
            x0, width = scale.span(item.start, item.end)
            lane = next((n for n, end in enumerate(ends) if end + 1 <= x0), None)
            if lane is None:
                lane = min(len(ends), MAX_LANES - 1)
                if lane == len(ends):
                    ends.append(0)
            ends[lane] = max(ends[lane], x0 + width)
            rows.append((item, lane))
        lanes = len(ends)
    height = lanes * ROW + AXIS + 8
    bottom = lanes * ROW + 4
    parts = [
        f'<svg class="timeline" viewBox="0 0 {WIDTH} {height}" width="100%" role="group" '
        f'aria-label="{escape(label("timeline", lang))}" xmlns="http://www.w3.org/2000/svg">',
        *_axis(scale, 0, bottom, lang),
    ]
    for item, row in rows:
        label_text = ""
        x0, width = scale.span(item.start, item.end)
        y = row * ROW + 4
        name = f"{item.title} ({value_label(item.kind, lang)}, {item.when})"
        parts.append(
            f'<a href="{prefix}/{item.path}/{escape(item.id)}" aria-label="{escape(name)}">'
            f'<rect class="bar {item.kind} precision-{item.precision} status-{item.status}" '
            f'data-id="{escape(item.id)}" data-precision="{item.precision}" data-start="{item.start}" '
            f'data-end="{item.end}" x="{x0:.2f}" y="{y}" width="{width:.2f}" height="{ROW - 6}">'
            f"<title>{escape(name)}</title></rect>"
        )
        if labelled:
            text = escape(_clip(item.title, 90))
            room = 6.5 * len(text) + 8
            if width >= room and item.precision in ("year", "month"):
                x, anchor = x0 + 4, "start"
            elif x0 + width + room < WIDTH:
                x, anchor = x0 + width + 4, "start"
            else:
                x, anchor = x0 - 4, "end"
            label_text = (
                f'<text class="bar-label" x="{x:.1f}" y="{y + 12}" text-anchor="{anchor}" '
                f'aria-hidden="true">{text}</text>'
            )
        # The label beside the link, not in it: the link's name is the whole title with its date.
        parts.append("</a>" + label_text)
    parts.append("</svg>")
    return Markup("".join(parts))


def _clip(text: str, size: int) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"


# --- trade charts ---


@dataclass
class Chart:
    indicator: str
    commodity: str
    unit: str
    series: list[dict[str, Any]] = field(default_factory=list)

    @property
    def points(self) -> list[tuple[int, dict[str, Any], dict[str, Any]]]:
        return [(n, series, point) for n, series in enumerate(self.series) for point in series["points"]]

    @property
    def cut(self) -> list[dict[str, Any]]:
        """The series of which the dossier gave only the latest points."""
        return [one for one in self.series if one.get("point_count", 0) > len(one["points"])]


def trade_charts(series: list[dict[str, Any]]) -> list[Chart]:
    """One chart per indicator, commodity and unit: never two units on one axis."""
    charts: dict[tuple[str, str, str], Chart] = {}
    for one in series:
        if not one["points"]:
            continue
        key = (one["indicator"], one["commodity"], one["unit"])
        charts.setdefault(key, Chart(*key)).series.append(one)
    return list(charts.values())


def series_name(series: dict[str, Any], lang: Language) -> str:
    return (
        f"{series['reporter']['name']} → {series['partner']['name']}, "
        f"{value_label(series['period_kind'], lang)}"
    )


def trade_chart(chart: Chart, lang: Language, prefix: str, number: int) -> Markup:
    points = chart.points
    scale = Scale.over(
        [d for _, _, p in points for d in (_d(p["period_start"]), _d(p["period_end"]))],
        56,
        WIDTH - 56 - RIGHT,
    )
    values = [float(v) for _, _, p in points for v in (p["value"], p["value_upper"]) if v is not None]
    top_value: float = max([*values, 0.0]) * 1.12 or 1.0
    low_value: float = min([*values, 0.0]) * 1.12
    plot_top, plot_bottom = 12.0, 220.0
    height = plot_bottom + AXIS + 8

    def y(value: float) -> float:
        return plot_bottom - (value - low_value) / (top_value - low_value) * (plot_bottom - plot_top)

    unit_text = "%" if chart.unit == "percent" else value_label(chart.unit, lang)
    title = f"{value_label(chart.indicator, lang)}, {value_label(chart.commodity, lang)}, {unit_text}"
    parts = [
        f'<svg class="trade-chart" viewBox="0 0 {WIDTH} {height:.0f}" width="100%" role="group" '
        f'aria-label="{escape(title)}" data-unit="{escape(chart.unit)}" xmlns="http://www.w3.org/2000/svg">',
        "<defs>",
    ]
    for n in range(PALETTE):
        parts.append(
            f'<pattern id="hatch-{number}-{n}" class="hatch c{n}" width="6" height="6" '
            f'patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
            f'<rect width="6" height="6" class="hatch-ground"/><line x1="0" y1="0" x2="0" y2="6"/></pattern>'
        )
    parts.append("</defs>")
    parts += _axis(scale, plot_top, plot_bottom, lang)
    for tick in _value_ticks(low_value, top_value):
        ty = y(tick)
        parts.append(f'<line class="grid" x1="56" x2="{WIDTH - RIGHT}" y1="{ty:.1f}" y2="{ty:.1f}"/>')
        parts.append(
            f'<text class="value-label" x="52" y="{ty + 4:.1f}" text-anchor="end">'
            f"{escape(present.short_number(tick, lang))}</text>"
        )
    zero = y(0.0)
    parts.append(f'<line class="baseline" x1="56" x2="{WIDTH - RIGHT}" y1="{zero:.1f}" y2="{zero:.1f}"/>')
    # Wide periods first, so a quarter or a part of a year is drawn over its year.
    dated = [(_d(p["period_start"]), _d(p["period_end"]), n, p) for n, _, p in points]
    dated.sort(key=lambda item: item[0] - item[1])
    names = [series_name(one, lang) for one in chart.series]
    titled = len(dated) <= POINT_TITLES
    labelled = len(dated) <= 24
    shapes: dict[tuple[str, str], list[str]] = {}
    marks: dict[str, list[str]] = {"whisker": [], "bound-mark": []}
    for first, last, n, point in dated:
        x0, width = scale.span(first, last)
        top = y(max(point["value"], 0.0)) if point["value"] >= 0 else zero
        bar_height = abs(y(point["value"]) - zero)
        colour = n % PALETTE
        partial = point["period_kind"] in PARTIAL_KINDS
        provisional = point["status"] in PROVISIONAL
        classes = f"point c{colour} status-{point['status']} bound-{point['bound']}"
        classes += " partial" if partial else ""
        classes += " provisional" if provisional else ""
        # A style, not a fill attribute: the series colour's class would win over an attribute.
        fill = f' style="fill:url(#hatch-{number}-{colour})"' if provisional else ""
        if partial:
            # Pale, but not see-through: what is drawn beneath (its year's forecast) stays apart.
            underlay = (
                f"M{x0 + 1:.1f},{top:.1f}h{max(width - 2, 1):.1f}v{max(bar_height, 1):.1f}"
                f"h{-max(width - 2, 1):.1f}Z"
            )
            if titled:
                parts.append(f'<path class="underlay" d="{underlay}"/>')
            else:
                shapes.setdefault(("underlay", ""), []).append(underlay)
        if not titled:
            # Too many to link one by one (the series' /v1 calls are listed under the chart): one
            # path per look, in drawing order.
            shapes.setdefault((classes, fill), []).append(
                f"M{x0 + 1:.1f},{top:.1f}h{max(width - 2, 1):.1f}v{max(bar_height, 1):.1f}"
                f"h{-max(width - 2, 1):.1f}Z"
            )
        _marks(point, x0 + width / 2, top, y, marks)
        if not titled:
            continue
        figure_id = escape(point["id"])
        attrs = (
            f'class="{classes}" data-id="{figure_id}" data-status="{point["status"]}" '
            f'data-bound="{point["bound"]}" data-period-kind="{point["period_kind"]}" '
            f'x="{x0 + 1:.2f}" y="{top:.2f}" width="{max(width - 2, 1):.2f}" '
            f'height="{max(bar_height, 1):.2f}"{fill}'
        )
        words = escape(
            f"{present.period(first, last, point['period_kind'], lang)}: "
            f"{present.figure_value(point, lang)} ({value_label(point['status'], lang)}, {names[n]})"
        )
        parts.append(
            f'<a href="{prefix}/trade-figures/{figure_id}" aria-label="{words}">'
            f"<rect {attrs}><title>{words}</title></rect></a>"
        )
        if labelled:
            centre = x0 + width / 2
            text = present.figure_value({**point, "unit": None}, lang, short=True)
            label_y = (y(point["value_upper"]) if point["value_upper"] is not None else top) - 10
            parts.append(
                f'<text class="point-label" x="{centre:.1f}" y="{label_y:.1f}" text-anchor="middle" '
                f'aria-hidden="true">{escape(text)}</text>'
            )
    for (classes, fill), pieces in shapes.items():
        parts.append(f'<path class="{classes}"{fill} d="{"".join(pieces)}"/>')
    for kind, pieces in marks.items():
        if pieces:
            parts.append(f'<path class="{kind}" d="{"".join(pieces)}"/>')
    parts.append("</svg>")
    return Markup("".join(parts))


def _marks(point: dict[str, Any], centre: float, top: float, y: Any, marks: dict[str, list[str]]) -> None:
    """A range's whisker up to its upper end; a triangle at the end of an at-least or at-most value."""
    tip = top
    if point["value_upper"] is not None:
        tip = y(point["value_upper"])
        marks["whisker"].append(f"M{centre:.1f},{top:.1f}V{tip:.1f}M{centre - 5:.1f},{tip:.1f}h10")
    if point["bound"] in ("at_least", "at_most"):
        sign = -1 if point["bound"] == "at_least" else 1
        marks["bound-mark"].append(f"M{centre - 5:.1f},{tip:.1f}h10L{centre:.1f},{tip + sign * 7:.1f}Z")


def _value_ticks(low: float, high: float) -> list[float]:
    span = high - low
    if span <= 0:
        return [0.0]
    raw = span / 4
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    first = (low // step) * step
    ticks = []
    value = first
    while value <= high:
        if value >= low:
            ticks.append(round(value, 10))
        value += step
    return ticks
