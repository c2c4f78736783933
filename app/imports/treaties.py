"""Agreements from treaty lists: the Transboundary Freshwater Dispute Database's treaty table (TFDD),
one row per treaty × basin × party, grouped into one agreement per treaty with its parties, written
through the agreements' write path and citing every row it comes from.

A treaty is its `2016Update ID`. Its signing date comes as `dd.mm.yyyy` or `m/d/yyyy` (the file's
two formats; a row with none dates nothing). A party is its row's `CCODE`, ISO alpha-3 but for the
database's own codes (TFDD_CODES); the row's `Country_Name` must name the same country where it names
one an ISO table knows, or the party is left out and the report says so: a wrong country is worse than
a missing one. Codes of no country (USSR, Yugoslavia, "Unknown") add no party and are reported too.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import IO, Any

from pydantic import Field, ValidationError, create_model
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.agreements.repository import WRITABLE as AGREEMENTS
from app.agreements.schemas import AgreementCreate
from app.common.countries import resolve_country
from app.curation.writes import DatasetCitationWrite, slugify
from app.errors import describe_error
from app.imports.datasets import RecordsResult, RecordWriter
from app.imports.reading import FileReader, LineError, Record
from app.models import AgreementStatus, Country, SearchRecordType, Sector

REQUIRED = ("2016Update ID", "DocumentName", "DateSigned", "CCODE", "Country_Name")
# TFDD's codes that are not ISO alpha-3 (the name beside each in the file says which country).
TFDD_CODES = {"ROM": "RO", "MFD": "MK", "ZAR": "CD", "PAL": "PS", "GRM": "GT"}
# TFDD's codes of no ISO 3166-1 country: former states, and no country at all.
TFDD_NO_COUNTRY = {
    "USR": "the Soviet Union",
    "YGF": "Yugoslavia",
    "UKN": "Unknown",
    "GNL": "General",
}
# Names the file uses that ISO 3166-1 does not.
TFDD_NAMES = {"Macedonia": "MK", "West Bank": "PS", "Yugoslavia (Former)": None}
# The TFDD issue columns (`Y` where the treaty deals with it) that are one of this API's sectors.
SECTOR_COLUMNS = {
    "Hydropower": Sector.energy,
    "Navigation": Sector.transport,
    "Irrigation": Sector.agriculture,
}
NO_DATE = "no signing date (DateSigned empty)"
NO_TREATY = "no treaty id (2016Update ID empty)"
BAD_DATE = "DateSigned is not a date: the row is left out (see notes)"

# The create body of an imported agreement: the agreements' own, its citations rows of the file.
AgreementImport = create_model(
    "AgreementImport",
    __base__=AgreementCreate,
    citations=(list[DatasetCitationWrite], Field(min_length=1)),
)


class RowError(ValueError):
    def __init__(self, name: str, detail: str) -> None:
        super().__init__(detail)
        self.name = name


def signing_date(value: str) -> date | None:
    """`19.09.1960` or `9/19/1960`; None for an empty cell. Raises RowError otherwise."""
    text = value.strip()
    if not text:
        return None
    try:
        if match := re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", text):
            day, month, year = map(int, match.groups())
            return date(year, month, day)
        if match := re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", text):
            month, day, year = map(int, match.groups())
            return date(year, month, day)
    except ValueError:
        pass
    raise RowError("DateSigned", f"not a date: {text!r} (dd.mm.yyyy or m/d/yyyy)")


def party(code: str, name: str, line: int) -> tuple[str | None, str | None]:
    """The alpha-2 code of a row's party, and a note when it is left out."""
    code, name = code.strip(), name.strip()
    if not code:
        return None, None
    if code in TFDD_NO_COUNTRY:
        return None, f"line {line}: CCODE {code} ({TFDD_NO_COUNTRY[code]}) is no ISO 3166-1 country"
    by_code = TFDD_CODES.get(code) or (resolve_country(code) if len(code) == 3 and code.isalpha() else None)
    if by_code is None:
        return None, f"line {line}: unknown CCODE {code!r} ({name})"
    by_name = TFDD_NAMES[name] if name in TFDD_NAMES else resolve_country(name) if len(name) > 3 else None
    if by_name is not None and by_name != by_code:
        return None, (
            f"line {line}: CCODE {code} is {by_code} but Country_Name {name!r} is {by_name}: party left out"
        )
    return by_code, None


@dataclass
class _Row:
    line: int
    text: str
    treaty: str
    title: str
    signed: date | None
    country: str | None
    fields: dict[str, str]


def import_treaties(
    session: Session,
    data: IO[bytes],
    encoding: str,
    source_id: str,
    progress: Callable[[int], None] | None = None,
    max_errors: int = 100,
) -> RecordsResult:
    """Read the treaty list, group its rows by treaty and, when no row is wrong, put the agreements, a
    batch at a time (RecordWriter)."""
    result = RecordsResult(delimiter=",")
    reader = FileReader(data, "csv", encoding)
    groups: dict[str, list[_Row]] = {}
    checked = False
    for item in reader:
        if isinstance(item, LineError):
            result.errors.append((item.line, item.field, item.detail))
            continue
        if not checked:
            checked = True
            missing = [name for name in REQUIRED if name not in item.fields]
            if missing:
                result.errors.append(
                    (reader.header_line, "file", f"not a TFDD treaty list: misses {', '.join(missing)}")
                )
                return result
        result.records += 1
        if progress is not None:
            progress(reader.bytes_read)
        row = _read(item, result)
        if row is not None:
            groups.setdefault(row.treaty, []).append(row)
    if result.records == 0 and not result.errors:
        result.errors.append((1, "file", "the file holds no treaty rows"))
    if result.errors:
        return result
    countries = session.scalars(select(Country)).all()  # held: the write path finds them by id
    known = {country.id for country in countries}
    writer = RecordWriter(session, AGREEMENTS, SearchRecordType.agreement, result, source_id)
    for treaty, rows in groups.items():
        dated = [row for row in rows if row.signed is not None]
        if not dated:
            result.skipped[NO_DATE] += len(rows)
            continue
        if len({row.signed for row in dated}) > 1:
            detail = (
                f"treaty {treaty} is dated {', '.join(sorted({str(r.signed) for r in dated}))} by its rows"
            )
            result.errors.append((dated[-1].line, "DateSigned", detail))
            continue
        result.grouped += len(rows) - 1
        record_id, body = _body(treaty, rows, dated[0], source_id, known, result)
        try:
            valid = AgreementImport.model_validate(body).model_dump(exclude={"id"})
        except ValidationError as exc:
            for problem in exc.errors()[:3]:
                described = describe_error({**problem, "loc": ("body", *problem["loc"])})
                result.errors.append((rows[0].line, described["name"], described["detail"]))
            continue
        writer.add(rows[0].line, record_id, valid)
        if len(result.errors) >= max_errors:
            break
    writer.flush()
    # What was left out of a treaty first, then the codes of no country.
    result.notes.sort(key=lambda note: "left out" not in note)
    return result


def _read(item: Record, result: RecordsResult) -> _Row | None:
    fields = item.fields
    treaty = fields["2016Update ID"].strip()
    if not treaty:
        result.skipped[NO_TREATY] += 1
        return None
    try:
        signed = signing_date(fields["DateSigned"])
    except RowError as error:
        # TFDD as published has rows whose cells are shifted (a date cell holding `4`): such a row
        # cannot be read, and cannot be fixed by its user; it is left out and reported, by line.
        result.skipped[BAD_DATE] += 1
        result.notes.append(f"line {item.line}: {error} (are the row's cells shifted?): row left out")
        return None
    country, note = party(fields["CCODE"], fields["Country_Name"], item.line)
    if note:
        result.notes.append(note)
    return _Row(item.line, item.text, treaty, fields["DocumentName"].strip(), signed, country, fields)


def _body(
    treaty: str, rows: list[_Row], first: _Row, source_id: str, known: set[str], result: RecordsResult
) -> tuple[str, dict[str, Any]]:
    parties = sorted({row.country for row in rows if row.country in known})
    sectors = [
        sector
        for column, sector in SECTOR_COLUMNS.items()
        if any(row.fields.get(column, "").strip() == "Y" for row in rows)
    ] or [Sector.other]
    basins = sorted({row.fields.get("Basin Name", "").strip() for row in rows} - {""})
    place = first.fields.get("LocationSigned", "").strip()
    summary = f"Basins: {', '.join(basins)}." if basins else ""
    if place and place != "N.A.":
        summary += f" Signed in {place}."
    title = first.title or f"TFDD treaty {treaty}"
    body = {
        "title_en": title[:500],
        "title_ru": title[:500],
        "summary_en": summary.strip() or None,
        "status": AgreementStatus.signed,
        "sectors": sectors,
        "date": first.signed.isoformat() if first.signed else None,
        "countries": parties,
        "citations": [{"source_id": source_id, "line": row.line, "quote": row.text} for row in rows],
    }
    return f"tfdd-{slugify(treaty, 20)}-{slugify(title, 80)}"[:120].rstrip("-"), body
