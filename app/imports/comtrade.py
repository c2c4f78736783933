"""UN Comtrade's data layouts → trade-figure fields.

A Comtrade row (one reporter, partner, flow, commodity and period; see docs/importing.md's mapping
table) becomes the generic row a figure is checked from. Rows the API has no place for are skipped with a
reason and their value, not rejected: an export of "all partners, all flows" always holds the World
partner, re-exports, regional aggregates and the reporter as its own partner, and refusing the file
for them would make it unimportable. Quantity and weight columns (and their estimation flags) are not
read: only the trade value is. The legacy comtrade.un.org layout (before 2023) is read by renaming
its columns to the current ones (from_legacy). Commodity codes of classifications other than HS carry
their system (`SITC4:27`), so they are never read as the HS code of the same digits.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any

from app.imports.trade import RowErrors, parse_number

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
    "Trade Value (US$)": "primaryValue",
}
LEGACY_NAMES = {current: legacy for legacy, current in LEGACY_COLUMNS.items()}
# The legacy layout's numeric trade flows.
LEGACY_FLOWS = {"1": "M", "2": "X", "3": "RX", "4": "RM"}
# Classifications whose codes are prefixed with their system: Comtrade's code's letter → prefix.
CLASSIFICATION_PREFIXES = {"S": "SITC", "B": "BEC"}
FLOWS = {"X": "exports", "M": "imports"}
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


def to_generic(fields: dict[str, Any], countries: Countries) -> tuple[dict[str, Any], dict[str, str]]:
    """The generic row for a Comtrade row, and which Comtrade column each generic field came from.

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
        reason = f"flow {flow}{f' ({desc})' if desc else ''}: only exports (X) and imports (M) are imported"
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
    for role in ("reporter", "partner"):
        resolved[role], sources[role] = _country(row, role, countries, errors, skips)
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
    if errors:
        raise RowErrors(errors)
    if skips:
        reason, label = skips[0]
        raise Skip(reason, label, value, counted=not total)
    generic = {
        "reporter": resolved["reporter"],
        "partner": resolved["partner"],
        "indicator": FLOWS[flow],
        "commodity": commodity,
        "period": period,
        "value": fields.get("primaryValue"),
        "unit": "USD",
        "bound": "exact",
        "status": status,
    }
    return generic, RENAMED | sources


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


def _country(
    row: _Cells, role: str, countries: Countries, errors: list[tuple[str, str]], skips: list[tuple[str, str]]
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
