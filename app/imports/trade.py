"""One row of a trade-figure file → the figure's column values, or every field at fault.

The checks are those the database enforces (so a bad row is a line error, never a failed statement)
plus what only a file can get wrong: an unknown country or column, a number that does not parse.
"""

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any, TypeVar, cast

from sqlalchemy import Table, UniqueConstraint

from app.common.dates import PeriodKind, parse_partial_date, parse_period, period_kind
from app.iso4217 import CURRENCIES
from app.models import Bound, FigureStatus, Indicator, TradeFigure, Unit
from app.trade import rules

# The columns of the generic layout: TradeFigureRead's, flattened, plus where the row comes from.
COLUMNS = (
    "id",
    "reporter",
    "partner",
    "indicator",
    "commodity",
    "period",
    "period_start",
    "period_end",
    "value",
    "value_upper",
    "unit",
    "bound",
    "status",
    "compared_period",
    "compared_period_start",
    "compared_period_end",
    "note_en",
    "note_ru",
    "citation_source_id",
    "citation_quote",
    "citation_paragraph",
)
REQUIRED = ("reporter", "partner", "indicator", "value", "unit", "bound", "status")
# Descriptive fields: a file without the column leaves them as they are on existing figures.
KEPT_WHEN_ABSENT = ("note_en", "note_ru")
# The natural key: the columns of uq_trade_figures_natural_key, in its order (one figure per
# reporter, partner, indicator, commodity, period, status and unit).
KEY_COLUMNS: tuple[str, ...] = next(
    tuple(constraint.columns.keys())
    for constraint in cast(Table, TradeFigure.__table__).constraints
    if isinstance(constraint, UniqueConstraint) and constraint.name == "uq_trade_figures_natural_key"
)
# What a figure says: compared between a file row and the figure stored under the same key.
CONTENT_COLUMNS = (
    "period_kind",
    "value",
    "value_upper",
    "bound",
    "compared_period_start",
    "compared_period_end",
    "note_en",
    "note_ru",
    "valuation",
    "aggregate_level",
    "value_figure_id",
)
# What only the Comtrade layouts state (a generic row leaves them as they are on a stored figure).
MEASURE_COLUMNS = ("valuation", "aggregate_level", "value_figure_id")
MAX_ID_LENGTH = rules.MAX_ID_LENGTH
MAX_COMMODITY_LENGTH = 40
_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")

E = TypeVar("E", bound=StrEnum)
NaturalKey = tuple[str, str, str, str, date, date, str, str]
_Qualifiers = tuple[str, str, Indicator, Unit, Bound, FigureStatus]


@dataclass(frozen=True, slots=True)
class TextCitation:
    source_id: str
    quote: str
    paragraph: int | None


@dataclass(slots=True)
class FigureRow:
    line: int
    text: str
    # The file's id for the figure, if it gives one.
    id: str | None
    # trade_figures columns (without id): the natural key, CONTENT_COLUMNS, search_text aside.
    values: dict[str, Any]
    citation: TextCitation | None
    # The natural key: KEY_COLUMNS' values.
    key: NaturalKey
    # 0 for a value; 1, 2 for the quantities a Comtrade row states with it (see comtrade.Quantity).
    measure: int = 0


class RowErrors(Exception):
    def __init__(self, errors: list[tuple[str, str]]) -> None:
        super().__init__(errors)
        self.errors = errors


def unknown_columns(names: list[str] | set[str]) -> list[str]:
    known = set(COLUMNS)
    return [name for name in names if name not in known]


def missing_columns(names: list[str] | set[str]) -> list[str]:
    present = set(names)
    missing = [name for name in REQUIRED if name not in present]
    if "period" not in present and not {"period_start", "period_end"} <= present:
        missing.append("period")
    return missing


def _figure_values(
    reporter: str,
    partner: str,
    indicator: Any,
    commodity: str,
    period: Sequence[date],
    kind: Any,
    value: float,
    value_upper: float | None,
    unit: Any,
    bound: Any,
    status: Any,
    compared: Sequence[Any] | None,
) -> dict[str, Any]:
    """A figure's columns, as check_row and RowChecker both give them."""
    return {
        "reporter_id": reporter,
        "partner_id": partner,
        "indicator": indicator,
        "commodity": commodity,
        "period_start": period[0],
        "period_end": period[1],
        "period_kind": kind,
        "value": value,
        "value_upper": value_upper,
        "unit": unit,
        "bound": bound,
        "status": status,
        "compared_period_start": compared[0] if compared else None,
        "compared_period_end": compared[1] if compared else None,
    }


def check_row(line: int, text: str, fields: dict[str, Any], countries: frozenset[str]) -> FigureRow:
    """The figure a row states; raises RowErrors naming every field at fault."""
    row = _Row(fields)
    reporter = row.country("reporter", countries)
    partner = row.country("partner", countries)
    if reporter and partner and reporter == partner:
        row.fail("partner", rules.PARTNER_IS_REPORTER)
    indicator = row.choice("indicator", Indicator, required=True)
    commodity = row.text("commodity") or "TOTAL"
    if len(commodity) > MAX_COMMODITY_LENGTH:
        row.fail("commodity", f"at most {MAX_COMMODITY_LENGTH} characters")
    period = row.period("period", required=True)
    value = row.number("value", required=True)
    value_upper = row.number("value_upper")
    unit = row.choice("unit", Unit, required=True)
    bound = row.choice("bound", Bound, required=True)
    status = row.choice("status", FigureStatus, required=True)
    compared = row.period("compared_period")
    if bound is not None and value is not None:
        _check_bound(row, bound, value, value_upper)
    figure_id = row.text("id")
    if figure_id is not None and (len(figure_id) > MAX_ID_LENGTH or not _SLUG.match(figure_id)):
        row.fail(
            "id",
            "lowercase letters, digits and hyphens, starting with a letter or digit; "
            f"at most {MAX_ID_LENGTH} characters",
        )
    citation = row.citation()
    if row.errors:
        raise RowErrors(row.errors)
    assert period is not None and indicator and unit and bound and status and reporter and partner
    assert value is not None
    values = _figure_values(
        reporter,
        partner,
        indicator,
        commodity,
        period,
        period_kind(*period),
        value,
        value_upper,
        unit,
        bound,
        status,
        compared,
    )
    for name in KEPT_WHEN_ABSENT:
        if name in fields:
            values[name] = row.text(name, strip=False)
    key = (reporter, partner, indicator, commodity, period[0], period[1], status, unit)
    return FigureRow(line, text, figure_id, values, citation, key)


class RowChecker:
    """`check_row`, fast for the rows files are made of: each cell of a few distinct values (a country,
    an indicator, a period…) is parsed once per import and remembered. A row the fast path does not
    take as it is (anything missing, malformed or unusual) is checked by `check_row` itself, so the
    figures and the errors are `check_row`'s, always."""

    def __init__(self, countries: frozenset[str]) -> None:
        self.countries = countries
        self._countries: dict[str, str] = {}
        self._choices: dict[type[StrEnum], dict[str, StrEnum]] = {}
        self._periods: dict[str, tuple[date, date, PeriodKind]] = {}
        self._commodities: dict[str, str] = {}
        # The cells reporter, partner, indicator, unit, bound, status → their values.
        self._qualifiers: dict[tuple[Any, ...], _Qualifiers] = {}

    def check(self, line: int, text: str, fields: dict[str, Any]) -> FigureRow:
        """The figure a row states; raises RowErrors naming every field at fault."""
        row = self._fast(line, text, fields)
        return row if row is not None else check_row(line, text, fields, self.countries)

    def _fast(self, line: int, text: str, fields: dict[str, Any]) -> FigureRow | None:
        get = fields.get
        for name in _FAST_EMPTY:
            value = get(name)
            if value is not None and value != "":
                return None
        cells = (get("reporter"), get("partner"), get("indicator"), get("unit"), get("bound"), get("status"))
        known = self._qualifiers.get(cells)
        if known is None:
            known = self._qualifiers_of(cells)
            if known is None:
                return None
        reporter, partner, indicator, unit, bound, status = known
        raw = get("commodity")
        commodity = "TOTAL" if raw is None or raw == "" else self._commodity(raw)
        period = self._period(get("period"))
        if commodity is None or period is None:
            return None
        value = _fast_number(get("value"))
        if value is None:
            return None
        raw = get("value_upper")
        value_upper = None if raw is None or raw == "" else _fast_number(raw)
        if (value_upper is None) is not (raw is None or raw == ""):
            return None
        if value_upper is None:
            if bound is Bound.range:
                return None
        elif value_upper <= value or bound is Bound.exact or bound is Bound.approximate:
            return None  # what _check_bound refuses
        raw = get("compared_period")
        compared = None
        if raw is not None and raw != "" and (compared := self._period(raw)) is None:
            return None
        raw = get("id")
        figure_id = None
        if raw is not None and raw != "":
            if type(raw) is not str or len(raw) > MAX_ID_LENGTH or not _SLUG.fullmatch(raw):
                return None
            figure_id = raw
        values = _figure_values(
            reporter,
            partner,
            indicator,
            commodity,
            period[:2],
            period[2],
            value,
            value_upper,
            unit,
            bound,
            status,
            compared,
        )
        for name in KEPT_WHEN_ABSENT:
            if name in fields:
                raw = fields[name]
                if raw is not None and type(raw) is not str:
                    return None
                values[name] = raw if raw and not raw.isspace() else None
        key = (reporter, partner, indicator, commodity, period[0], period[1], status, unit)
        return FigureRow(line, text, figure_id, values, None, key)

    def _qualifiers_of(self, cells: tuple[Any, ...]) -> _Qualifiers | None:
        """The countries and choices of a row, checked (remembered when they are usable)."""
        reporter, partner = self._country(cells[0]), self._country(cells[1])
        if reporter is None or partner is None or reporter == partner:
            return None
        indicator = self._choice(Indicator, cells[2])
        unit = self._choice(Unit, cells[3])
        bound = self._choice(Bound, cells[4])
        status = self._choice(FigureStatus, cells[5])
        if indicator is None or unit is None or bound is None or status is None:
            return None
        found = (reporter, partner, indicator, unit, bound, status)
        if len(self._qualifiers) < _CACHED:
            self._qualifiers[cells] = found
        return found

    def _country(self, raw: Any) -> str | None:
        found = self._countries.get(raw)
        if found is None and type(raw) is str and len(self._countries) < _CACHED:
            row = _Row({"cell": raw})
            found = row.country("cell", self.countries)
            if found is not None and not row.errors:
                self._countries[raw] = found
        return found

    def _choice(self, enum: type[E], raw: Any) -> E | None:
        known = self._choices.setdefault(enum, {})
        found = known.get(raw)
        if found is None and type(raw) is str and len(known) < _CACHED:
            row = _Row({"cell": raw})
            found = row.choice("cell", enum, required=True)
            if found is not None and not row.errors:
                known[raw] = found
        return found  # type: ignore[return-value]

    def _period(self, raw: Any) -> tuple[date, date, PeriodKind] | None:
        found = self._periods.get(raw)
        if found is None and type(raw) is str and len(self._periods) < _CACHED:
            row = _Row({"cell": raw})
            period = row.period("cell")
            if period is not None and not row.errors:
                found = self._periods[raw] = (*period, period_kind(*period))
        return found

    def _commodity(self, raw: Any) -> str | None:
        found = self._commodities.get(raw)
        if found is None and type(raw) is str and len(self._commodities) < _CACHED:
            row = _Row({"cell": raw})
            text = row.text("cell")
            if text is not None and len(text) <= MAX_COMMODITY_LENGTH and not row.errors:
                found = self._commodities[raw] = text
        return found


# The fields the fast path of RowChecker wants empty (else check_row reads the row).
_FAST_EMPTY = (
    "period_start",
    "period_end",
    "compared_period_start",
    "compared_period_end",
    "citation_source_id",
    "citation_quote",
    "citation_paragraph",
)
# Distinct spellings RowChecker remembers per kind of cell, at most.
_CACHED = 10_000


def _fast_number(raw: Any) -> float | None:
    """parse_number's result for a plain decimal string or JSON number; None for anything else."""
    kind = type(raw)
    if kind is str:
        if not (raw.isdigit() and raw.isascii()) and not _NUMBER.fullmatch(raw):
            return None
        number = float(raw)
    elif kind is float or kind is int:
        number = float(raw)
    else:
        return None
    return number if math.isfinite(number) else None


def _check_bound(row: "_Row", bound: Bound, value: float, upper: float | None) -> None:
    problem = rules.bound_problem(bound, value, upper)
    if problem is not None:
        row.fail("value_upper", problem)


class _Row:
    """A row's cells, read one field at a time; what does not parse is remembered as an error."""

    def __init__(self, fields: dict[str, Any]) -> None:
        self.fields = fields
        self.errors: list[tuple[str, str]] = []

    def fail(self, name: str, detail: str) -> None:
        self.errors.append((name, detail))

    def text(self, name: str, *, strip: bool = True) -> str | None:
        value = self.fields.get(name)
        if value is None or isinstance(value, bool):
            if isinstance(value, bool):
                self.fail(name, "expected text, not true or false")
            return None
        text = str(value)
        if not text.strip():
            return None
        return text.strip() if strip else text

    def required_text(self, name: str) -> str | None:
        text = self.text(name)
        if text is None:
            self.fail(name, "required")
        return text

    def country(self, name: str, countries: frozenset[str]) -> str | None:
        code = self.required_text(name)
        if code is None:
            return None
        upper = code.upper()
        if upper not in countries:
            self.fail(name, f"unknown country {code!r}: an ISO 3166-1 alpha-2 code (AZ, KZ, …)")
            return None
        return upper

    def choice(self, name: str, enum: type[E], *, required: bool = False) -> E | None:
        text = self.required_text(name) if required else self.text(name)
        if text is None:
            return None
        try:
            return enum(text)
        except ValueError:
            self.fail(name, f"{text!r} is not one of {_allowed(enum)}")
            return None

    def number(self, name: str, *, required: bool = False) -> float | None:
        value = self.fields.get(name)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.fail(name, "required")
            return None
        try:
            return parse_number(value)
        except ValueError as exc:
            self.fail(name, str(exc))
            return None

    def period(self, name: str, *, required: bool = False) -> tuple[date, date] | None:
        """`name` (`2024`, `2025-01/2025-09`) or `name_start` and `name_end` (partial dates too)."""
        whole = self.text(name)
        start_text, end_text = self.text(f"{name}_start"), self.text(f"{name}_end")
        if whole is not None:
            if start_text is not None or end_text is not None:
                self.fail(name, f"give {name} or {name}_start and {name}_end, not both")
                return None
            try:
                return parse_period(whole)
            except ValueError as exc:
                self.fail(name, str(exc))
                return None
        if start_text is None and end_text is None:
            if required:
                self.fail(name, f"required: {name} (2024, 2025-01/2025-09) or {name}_start and {name}_end")
            return None
        if start_text is None or end_text is None:
            missing = f"{name}_start" if start_text is None else f"{name}_end"
            self.fail(
                missing, f"required with {name}_end" if start_text is None else f"required with {name}_start"
            )
            return None
        try:
            start = parse_partial_date(start_text)[0]
        except ValueError as exc:
            self.fail(f"{name}_start", str(exc))
            return None
        try:
            end = parse_partial_date(end_text)[1]
        except ValueError as exc:
            self.fail(f"{name}_end", str(exc))
            return None
        if end < start:
            self.fail(f"{name}_end", f"{end.isoformat()} is before {name}_start {start.isoformat()}")
            return None
        return start, end

    def citation(self) -> TextCitation | None:
        source_id = self.text("citation_source_id")
        quote = self.text("citation_quote", strip=False)
        paragraph_text = self.text("citation_paragraph")
        if source_id is None and quote is None:
            if paragraph_text is not None:
                self.fail("citation_paragraph", "given without citation_source_id and citation_quote")
            return None
        if source_id is None or quote is None:
            self.fail(
                "citation_source_id" if source_id is None else "citation_quote", "required with the other"
            )
            return None
        paragraph = None
        if paragraph_text is not None:
            if not paragraph_text.isdigit() or int(paragraph_text) < 1:
                self.fail("citation_paragraph", f"not a paragraph number (1, 2, …): {paragraph_text!r}")
                return None
            paragraph = int(paragraph_text)
        return TextCitation(source_id, quote, paragraph)


def parse_number(value: Any) -> float:
    """A finite number from a JSON number or a decimal string (`533000000`, `6.5`, `5.33e8`)."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        number = float(value)
    else:
        text = "" if value is None else str(value).strip()
        if not _NUMBER.match(text):
            hint = " (the decimal separator is a point)" if re.fullmatch(r"[+-]?\d+,\d+", text) else ""
            raise ValueError(f"not a number: {text!r}{hint}" if text else "required")
        number = float(text)
    if not math.isfinite(number):
        raise ValueError("must be a finite number")
    return number


def _allowed(enum: type[StrEnum]) -> str:
    """The values of `enum`, the currencies of the units said as one ("…, or an ISO 4217 currency
    code such as USD") rather than every code listed."""
    values = [member.value for member in enum]
    currencies = CURRENCIES & set(values)
    if len(currencies) < 2:
        return ", ".join(values)
    others = ", ".join(value for value in values if value not in currencies)
    return f"{others}, or an ISO 4217 currency code such as USD"
