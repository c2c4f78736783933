"""UN Comtrade's data layouts → trade-figure fields.

A Comtrade row (one reporter, partner, flow, commodity and period; see docs/importing.md's mapping
table) becomes the generic row a figure is checked from. Rows the API has no place for are skipped with a
reason and their value, not rejected: an export of "all partners, all flows" always holds the World
partner, re-exports, regional aggregates and the reporter as its own partner, and refusing the file
for them would make it unimportable. A row states a value and, often, quantities: the net weight
(kg, kept in tonnes) and a declared quantity in its own unit; each quantity becomes a figure of its
own, linked to the value's (with_measures). The value keeps its basis (CIF or FOB) and the commodity
code's aggregation level. The legacy comtrade.un.org layout (before 2023) is read by renaming its
columns to the current ones (from_legacy). Commodity codes of classifications other than HS carry
their system (`SITC4:27`), so they are never read as the HS code of the same digits.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from types import SimpleNamespace
from typing import Any

from app.imports.trade import FigureRow, RowErrors, parse_number
from app.models import FigureStatus, Indicator, Unit, Valuation

# Present in every Comtrade data export, and in no file of the generic layout.
SIGNATURE = frozenset({"flowCode", "primaryValue"})
# The same for the legacy comtrade.un.org layout.
LEGACY_SIGNATURE = frozenset({"Trade Flow Code", "Trade Value (US$)"})
# Legacy column → current column (the rest of the legacy columns are descriptions, or not read).
LEGACY_COLUMNS = {
    "Classification": "classificationCode",
    "Period": "period",
    "Aggregate Level": "aggrLevel",
    "Trade Flow Code": "flowCode",
    "Trade Flow": "flowDesc",
    "Reporter Code": "reporterCode",
    "Reporter": "reporterDesc",
    "Reporter ISO": "reporterISO",
    "Partner Code": "partnerCode",
    "Partner": "partnerDesc",
    "Partner ISO": "partnerISO",
    "2nd Partner Code": "partner2Code",
    "Customs Proc. Code": "customsCode",
    "Mode of Transport Code": "motCode",
    "Commodity Code": "cmdCode",
    "Qty Unit Code": "qtyUnitCode",
    "Qty": "qty",
    "Netweight (kg)": "netWgt",
    "Trade Value (US$)": "primaryValue",
    "CIF Trade Value (US$)": "cifvalue",
    "FOB Trade Value (US$)": "fobvalue",
}
LEGACY_NAMES = {current: legacy for legacy, current in LEGACY_COLUMNS.items()}
# The legacy layout's numeric trade flows.
LEGACY_FLOWS = {"1": "M", "2": "X", "3": "RX", "4": "RM"}
# Classifications whose codes are prefixed with their system: Comtrade's code's letter → prefix.
CLASSIFICATION_PREFIXES = {"S": "SITC", "B": "BEC"}
FLOWS = {
    "X": Indicator.exports,
    "M": Indicator.imports,
    "RX": Indicator.re_exports,
    "RM": Indicator.re_imports,
    "DX": Indicator.domestic_exports,
    "FM": Indicator.foreign_imports,
    "MIP": Indicator.imports_for_inward_processing,
    "XIP": Indicator.exports_after_inward_processing,
    "MOP": Indicator.imports_after_outward_processing,
    "XOP": Indicator.exports_for_outward_processing,
}
# Comtrade's quantity units, by abbreviation (qtyUnitAbbr) and by code (qtyUnitCode, the legacy
# layout's only column): the unit a quantity is kept in, and how many of the file's make one (kg).
QUANTITY_UNITS: dict[str, tuple[Unit, float]] = {
    "kg": (Unit.tonnes, 1000.0),
    "u": (Unit.items, 1.0),
    "2u": (Unit.pairs, 1.0),
    "12u": (Unit.dozens, 1.0),
    "1000u": (Unit.thousand_items, 1.0),
    "u (jeu/pack)": (Unit.packages, 1.0),
    "l": (Unit.litres, 1.0),
    "m": (Unit.metres, 1.0),
    "m2": (Unit.square_metres, 1.0),
    "m3": (Unit.cubic_metres, 1.0),
    "carat": (Unit.carats, 1.0),
    "ct": (Unit.carats, 1.0),
    "1000kwh": (Unit.thousand_kwh, 1.0),
}
QUANTITY_UNIT_CODES = {
    "2": "m2",
    "3": "1000kwh",
    "4": "m",
    "5": "u",
    "6": "2u",
    "7": "l",
    "8": "kg",
    "9": "1000u",
    "10": "u (jeu/pack)",
    "11": "12u",
    "12": "m3",
    "13": "carat",
}
# No quantity: Comtrade's "N/A" (code -1) and the legacy "No Quantity" (code 1).
NO_QUANTITY = {"", "n/a", "-1", "1", "no quantity"}
# Other Asia, nes: Comtrade's name for the trade a reporter does not attribute to a country (in
# practice mostly Taiwan's, which Comtrade does not list). Read as a country only on request.
S19_ISO, S19_CODE = "S19", "490"
WORLD_ISO, WORLD_CODE = "W00", "0"
# M49 codes Comtrade reports under that are not the ISO 3166 numeric code of the same country
# (France incl. Monaco, and so on). The ISO columns are read first; these serve files without them.
COMTRADE_NUMERIC = {"251": "FR", "381": "IT", "579": "NO", "699": "IN", "757": "CH", "842": "US"}
# Comtrade's ISO column: alpha-3 codes, and its own for areas (W00 World, _X Areas n.e.s., S19…).
_AREA_ISO = re.compile(r"^[A-Z0-9_]{2,3}$")
_TRUE = {"true", "1"}
_FALSE = {"false", "0"}


@dataclass(frozen=True)
class Countries:
    """The countries a file may name: alpha-2 ids, the alpha-3 and numeric codes that map to them, and
    each one's names (`name_en`, `name_ru`) for the titles of search documents."""

    alpha2: frozenset[str]
    by_alpha3: dict[str, str]
    by_numeric: dict[str, str]
    names: dict[str, Any]

    @classmethod
    def of(cls, rows: Sequence[Any]) -> "Countries":
        """From rows with id, alpha3, numeric, name_en and name_ru."""
        return cls(
            alpha2=frozenset(row.id for row in rows),
            by_alpha3={row.alpha3: row.id for row in rows},
            by_numeric={row.numeric: row.id for row in rows},
            names={row.id: SimpleNamespace(name_en=row.name_en, name_ru=row.name_ru) for row in rows},
        )


@dataclass(frozen=True, slots=True)
class Quantity:
    """A quantity a Comtrade row states beside its value: the Comtrade column it comes from, its
    amount in `unit`, and whether Comtrade estimated it."""

    column: str
    value: float
    unit: Unit
    estimated: bool


@dataclass
class ComtradeRow:
    """What a Comtrade row says: the generic row of its value, the Comtrade column of each generic
    field, the value's basis and aggregation level, its quantities, and notes for the report."""

    generic: dict[str, Any]
    columns: dict[str, str]
    valuation: Valuation | None = None
    aggregate_level: int | None = None
    quantities: list[Quantity] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


class Skip(Exception):
    """A row left out by design; the message is the reason, counted in the report with the row's
    value. `label` groups rows in a summary (`World`, `S19`, `self-trade`). `counted` is false for a
    row whose value is not value left out: a total over partners (World) sums other rows, and a
    breakdown (by second partner, …) is part of a total row that Comtrade serves alongside it."""

    def __init__(self, reason: str, label: str, value: float, counted: bool = True) -> None:
        super().__init__(reason)
        self.label, self.value, self.counted = label, value, counted


def is_comtrade(names: set[str] | list[str]) -> bool:
    return set(names) >= SIGNATURE


def is_legacy(names: set[str] | list[str]) -> bool:
    return set(names) >= LEGACY_SIGNATURE


def legacy_missing_columns(names: set[str] | list[str]) -> list[str]:
    present = set(names)
    missing = [
        name
        for name in ("Period", "Trade Flow Code", "Commodity Code", "Trade Value (US$)")
        if name not in present
    ]
    for role in ("Reporter", "Partner"):
        if f"{role} ISO" not in present and f"{role} Code" not in present:
            missing.append(f"{role} ISO")
    return missing


def from_legacy(fields: dict[str, Any]) -> dict[str, Any]:
    """A legacy comtrade.un.org row in the current layout's columns (goods, annual or monthly by the
    length of its period). A trade flow code that is not 1–4 is kept, to be refused as a flow."""
    row = {current: fields[legacy] for legacy, current in LEGACY_COLUMNS.items() if legacy in fields}
    flow = str(row.get("flowCode") or "").strip()
    row["flowCode"] = LEGACY_FLOWS.get(flow, flow)
    period = str(row.get("period") or "").strip()
    row["freqCode"] = "M" if len(period) == 6 else "A"
    row["typeCode"] = "C"
    return row


def missing_columns(names: set[str] | list[str]) -> list[str]:
    present = set(names)
    missing = [name for name in ("freqCode", "flowCode", "cmdCode", "primaryValue") if name not in present]
    for role in ("reporter", "partner"):
        if f"{role}ISO" not in present and f"{role}Code" not in present:
            missing.append(f"{role}ISO")
    if "period" not in present and "refYear" not in present:
        missing.append("period")
    return missing


# Which Comtrade column an error about a generic field is reported under.
RENAMED = {
    "indicator": "flowCode",
    "commodity": "cmdCode",
    "period": "period",
    "value": "primaryValue",
    "status": "isReported",
}


def to_generic(fields: dict[str, Any], countries: Countries, s19_as: str | None = None) -> ComtradeRow:
    """What a Comtrade row says: its generic row and the rest (ComtradeRow). `s19_as`: the alpha-2
    code S19 (Other Asia, nes) is read as; the row is skipped when None.

    Raises RowErrors (naming Comtrade's columns) for a bad row, else Skip for one out of scope: every
    row is checked, in scope or not, so that a damaged file is not mistaken for rows to leave out.
    """
    row = _Cells(fields)
    errors: list[tuple[str, str]] = []
    skips: list[tuple[str, str]] = []  # reason, label
    total = False  # a World total, or a breakdown of a total: not value left out
    type_code = row.get("typeCode").upper()
    if type_code == "S":
        skips.append(("services (typeCode S): only goods are imported", "services"))
    elif type_code not in ("", "C"):
        errors.append(("typeCode", f"expected C (goods) or S (services), not {type_code!r}"))
    flow = row.get("flowCode").upper()
    if not flow:
        errors.append(("flowCode", "required"))
    elif not flow.isalpha():
        errors.append(("flowCode", f"not a Comtrade flow code (X, M, RX, …): {flow!r}"))
    elif flow not in FLOWS:
        desc = row.get("flowDesc")
        known = ", ".join(FLOWS)
        reason = f"flow {flow}{f' ({desc})' if desc else ''}: not one of the flows imported ({known})"
        skips.append((reason, f"flow {flow}"))
    for column, whole, what in (
        ("motCode", "0", "mode of transport"),
        ("customsCode", "C00", "customs procedure"),
        ("partner2Code", "0", "second partner"),
    ):
        if row.get(column) not in ("", whole):
            reason = f"a breakdown by {what} ({column} not {whole}): only totals are imported"
            skips.append((reason, f"by {what}"))
            total = True
    resolved, sources = {}, {}
    notes = []
    for role in ("reporter", "partner"):
        resolved[role], sources[role] = _country(row, role, countries, errors, skips, s19_as)
        if s19_as is not None and resolved[role] == s19_as and _is_s19(row, role):
            notes.append(f"S19 (Other Asia, nes) read as {s19_as}")
        total = total or row.get(f"{role}ISO").upper() == WORLD_ISO or row.get(f"{role}Code") == WORLD_CODE
    if resolved["reporter"] and resolved["reporter"] == resolved["partner"]:
        own = row.get("reporterISO").upper() or resolved["reporter"]
        skips.append(
            (f"the reporter is its own partner ({own}): figures are between two countries", "self-trade")
        )
    period = _period(row, errors)
    status = _status(row, errors)
    commodity = _commodity(row, errors)
    value = 0.0
    try:
        value = parse_number(fields.get("primaryValue"))
    except ValueError as exc:
        errors.append(("primaryValue", str(exc)))
    valuation = _valuation(row, value, errors)
    aggregate_level = _aggregate_level(row, errors)
    quantities = _quantities(row, errors, notes)
    if errors:
        raise RowErrors(errors)
    if skips:
        reason, label = skips[0]
        raise Skip(reason, label, value, counted=not total)
    generic = {
        "reporter": resolved["reporter"],
        "partner": resolved["partner"],
        "indicator": FLOWS[flow].value,
        "commodity": commodity,
        "period": period,
        "value": fields.get("primaryValue"),
        "unit": "USD",
        "bound": "exact",
        "status": status,
    }
    return ComtradeRow(generic, RENAMED | sources, valuation, aggregate_level, quantities, notes)


def with_measures(row: FigureRow, read: ComtradeRow) -> list[FigureRow]:
    """Give the value's figure its basis and aggregation level; return a figure for each quantity,
    in its unit, estimated when Comtrade says so (or when the value is), citing the same line."""
    values = row.values
    values["valuation"] = read.valuation
    values["aggregate_level"] = read.aggregate_level
    measures = []
    for measure, quantity in enumerate(read.quantities, start=1):
        status = values["status"]
        if quantity.estimated:
            status = FigureStatus.estimate
        quantity_values = values | {
            "value": quantity.value,
            "value_upper": None,
            "unit": quantity.unit,
            "status": status,
            "valuation": None,
        }
        key = (*row.key[:6], status, quantity.unit)
        measures.append(replace(row, values=quantity_values, key=key, measure=measure))
    return measures


class _Cells:
    def __init__(self, fields: dict[str, Any]) -> None:
        self.fields = fields

    def get(self, name: str) -> str:
        """The cell as text, stripped; "" when empty or absent. JSON numbers lose a trailing `.0`."""
        value = self.fields.get(name)
        if value is None:
            return ""
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return str(value).strip()


def _commodity(row: _Cells, errors: list[tuple[str, str]]) -> str:
    """The commodity code, prefixed with its classification unless HS (`SITC4:27`, `BEC5:1`): the same
    digits mean another commodity in another system. `TOTAL` (all goods) is the same in every one."""
    code = row.get("cmdCode")
    if not code:
        errors.append(("cmdCode", "required"))
        return code
    classification = row.get("classificationCode").upper()
    prefix = CLASSIFICATION_PREFIXES.get(classification[:1])
    if prefix is None or code.upper() == "TOTAL":
        return code
    version = classification[1:]
    if not version.isdigit():
        errors.append(
            ("classificationCode", f"not a Comtrade classification (H6, S4, B5, …): {classification!r}")
        )
    return f"{prefix}{version}:{code}"


def _is_s19(row: _Cells, role: str) -> bool:
    return row.get(f"{role}ISO").upper() == S19_ISO or row.get(f"{role}Code").removesuffix(".0") == S19_CODE


def _country(
    row: _Cells,
    role: str,
    countries: Countries,
    errors: list[tuple[str, str]],
    skips: list[tuple[str, str]],
    s19_as: str | None,
) -> tuple[str | None, str]:
    """The alpha-2 code of the reporter or partner, and the column it was read from."""
    iso_column, code_column = f"{role}ISO", f"{role}Code"
    iso, code = row.get(iso_column).upper(), row.get(code_column).removesuffix(".0")
    if not iso and not code:
        errors.append((iso_column, f"required ({iso_column} or {code_column})"))
        return None, iso_column
    if iso and not _AREA_ISO.match(iso):
        errors.append((iso_column, f"not a Comtrade ISO code (AZE, W00, _X, …): {iso!r}"))
        return None, iso_column
    if code and not code.isdigit():
        errors.append((code_column, f"not a Comtrade numeric code (31, 398, 0, …): {code!r}"))
        return None, code_column
    if iso == WORLD_ISO or code == WORLD_CODE:
        skips.append((f"{role} World: figures are between two countries", "World"))
        return None, iso_column
    if s19_as is not None and _is_s19(row, role):
        return s19_as, iso_column if iso else code_column
    if iso in countries.by_alpha3:
        return countries.by_alpha3[iso], iso_column
    padded = code.zfill(3) if code else ""
    found = COMTRADE_NUMERIC.get(padded) or countries.by_numeric.get(padded)
    if found:
        return found, code_column
    named = row.get(f"{role}Desc")
    label = " ".join(part for part in (iso or code, f"({named})" if named else "") if part)
    skips.append((f"{role} {label} is not a country (an area or group of countries)", iso or code))
    return None, iso_column


def _period(row: _Cells, errors: list[tuple[str, str]]) -> str | None:
    frequency = row.get("freqCode").upper()
    period = row.get("period")
    if not period:
        year, month = row.get("refYear"), row.get("refMonth")
        period = year + (month.zfill(2) if frequency == "M" and month else "")
    if frequency == "A":
        if len(period) == 4 and period.isdigit():
            return period
        errors.append(("period", f"an annual (freqCode A) period is a year, YYYY: {period!r}"))
    elif frequency == "M":
        if len(period) == 6 and period.isdigit() and 1 <= int(period[4:]) <= 12:
            return f"{period[:4]}-{period[4:]}"
        errors.append(("period", f"a monthly (freqCode M) period is YYYYMM: {period!r}"))
    else:
        errors.append(("freqCode", f"expected A (annual) or M (monthly), not {frequency!r}"))
    return None


def _flag(row: _Cells, name: str, errors: list[tuple[str, str]]) -> bool | None:
    text = row.get(name).lower()
    if not text:
        return None
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    errors.append((name, f"expected true or false, not {text!r}"))
    return None


def _status(row: _Cells, errors: list[tuple[str, str]]) -> str:
    """`estimate` for a value the reporter did not report and UNSD did not sum from reported ones."""
    reported = _flag(row, "isReported", errors)
    aggregate = _flag(row, "isAggregate", errors)
    return "estimate" if reported is False and aggregate is not True else "reported"


def _number(row: _Cells, name: str, errors: list[tuple[str, str]]) -> float | None:
    text = row.get(name)
    if not text:
        return None
    try:
        return parse_number(text)
    except ValueError as exc:
        errors.append((name, str(exc)))
        return None


def _valuation(row: _Cells, value: float, errors: list[tuple[str, str]]) -> Valuation | None:
    """CIF or FOB: the one of `cifvalue` and `fobvalue` that is the row's value (primaryValue).
    None when neither is, or both are: the basis is not guessed from the flow."""
    cif, fob = _number(row, "cifvalue", errors), _number(row, "fobvalue", errors)
    if cif == value and fob != value:
        return Valuation.cif
    if fob == value and cif != value:
        return Valuation.fob
    return None


def _aggregate_level(row: _Cells, errors: list[tuple[str, str]]) -> int | None:
    """Comtrade's aggrLevel, else the level the code itself shows: 0 for TOTAL, else its digits."""
    text = row.get("aggrLevel")
    if text:
        if text.isdigit() and int(text) <= 12:
            return int(text)
        errors.append(("aggrLevel", f"not an aggregation level (0, 2, 4, 6, …): {text!r}"))
        return None
    code = row.get("cmdCode")
    if code.upper() == "TOTAL":
        return 0
    return len(code) if code.isdigit() and len(code) <= 12 else None


def _quantities(row: _Cells, errors: list[tuple[str, str]], notes: list[str]) -> list[Quantity]:
    """The net weight in tonnes, and the declared quantity in its unit unless it is the weight
    again (kg). A quantity of zero is Comtrade's way to say it has none: left out."""
    found = []
    weight = _number(row, "netWgt", errors)
    weight_estimated = _flag(row, "isNetWgtEstimated", errors)
    if weight:
        found.append(Quantity("netWgt", weight / 1000, Unit.tonnes, bool(weight_estimated)))
    amount = _number(row, "qty", errors)
    estimated = _flag(row, "isQtyEstimated", errors)
    abbreviation = row.get("qtyUnitAbbr")
    code = row.get("qtyUnitCode").removesuffix(".0")
    if abbreviation.lower() in NO_QUANTITY:
        abbreviation = QUANTITY_UNIT_CODES.get(code, "" if code in NO_QUANTITY else f"code {code}")
    if not amount or not abbreviation:
        return found
    unit = QUANTITY_UNITS.get(abbreviation.lower())
    if unit is None:
        notes.append(f"a quantity in {abbreviation!r}, a unit not kept here, left out")
    elif unit[0] is not Unit.tonnes or not weight:
        found.append(Quantity("qty", amount / unit[1], unit[0], bool(estimated)))
    return found
