"""Events from event datasets: GDELT 1.0 and ICEWS files, grouped into events and written through
the events' write path, each event citing the dataset rows it comes from.

Both datasets are tab-separated, one row per line with no quoting: GDELT without a header, 57 columns
(its back files) or 58 (its daily files, the last one the article's URL); ICEWS with a header of 20.
A row is one actor doing something to another on a day, coded in CAMEO (app.imports.cameo). Rows
that tell of one real event are grouped: the same day, the same code (a host's "host a visit" is the
visitor's "make a visit"; a consultation is the same whichever side the dataset names first), and
the same two sides, a side being its country; a statement or an accusation, which are not events of
this API's types, keeps its actors' names in what makes it one. Countries are mapped explicitly
(app.imports.fips): an unknown code or name is the row's error, never a guess. A row with no country
at all (neither actor nor place is one) is skipped and counted.
"""

import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import IO, Any

from pydantic import Field, ValidationError, create_model
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.common.countries import resolve_country
from app.curation.writes import DatasetCitationWrite
from app.errors import describe_error
from app.events.repository import WRITABLE as EVENTS
from app.events.schemas import EventCreate
from app.imports import cameo
from app.imports.datasets import RecordsResult, RecordWriter
from app.imports.fips import CAMEO_REGIONS, CAMEO_TO_ISO, FIPS_NO_COUNTRY, FIPS_TO_ISO, ICEWS_NAMES
from app.imports.reading import MAX_LINE_BYTES
from app.models import Country, EventType, SearchRecordType

Progress = Callable[[int], None]

GDELT_COLUMNS = [
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
]
ICEWS_COLUMNS = (
    "Event ID",
    "Event Date",
    "Source Name",
    "Source Sectors",
    "Source Country",
    "Event Text",
    "CAMEO Code",
    "Intensity",
    "Target Name",
    "Target Sectors",
    "Target Country",
    "Story ID",
    "Sentence Number",
    "Publisher",
    "City",
    "District",
    "Province",
    "Country",
    "Latitude",
    "Longitude",
)
NO_COUNTRY = "no country: neither actor nor the place is a country"
MAX_SUMMARY = 5000


class RowError(ValueError):
    def __init__(self, field: str, detail: str) -> None:
        super().__init__(detail)
        self.field = field


class HeaderError(RowError):
    """The file's header is not the layout's: no line after it can be read."""


@dataclass(frozen=True)
class Side:
    """One actor of a row: its name in the dataset and its country (alpha-2), if it is of one."""

    name: str
    country: str | None


@dataclass(frozen=True)
class EventRow:
    """One row of an event dataset, read."""

    line: int
    text: str
    day: date
    code: str
    label: str | None
    intensity: float | None
    url: str | None
    actor: Side
    target: Side
    place: str | None
    place_country: str | None

    def key(self) -> tuple[Any, ...]:
        """What makes rows one event (see the module's docstring)."""
        code, first, second = self.code, self.actor, self.target
        if code in cameo.REVERSE:
            code, first, second = cameo.REVERSE[code], second, first
        typed = cameo.event_type(code) is not EventType.other
        sides = [_side_key(first, typed), _side_key(second, typed)]
        if code in cameo.SYMMETRIC:
            sides.sort()
        return (self.day, code, *sides)

    @property
    def countries(self) -> list[str]:
        found = [side.country for side in (self.actor, self.target) if side.country]
        if not found and self.place_country:
            found = [self.place_country]
        return list(dict.fromkeys(found))


def _side_key(side: Side, typed: bool) -> str:
    if side.country is not None and typed:
        return side.country
    return f"{side.country or ''}:{side.name}"


# --- reading the layouts ---


Line = tuple[int, str | RowError]


def lines_of(data: IO[bytes], encoding: str, progress: Progress | None) -> Iterator[Line]:
    """(line number, text without its terminator, or why the line cannot be read)."""
    done = 0
    for number, raw in enumerate(iter(lambda: data.readline(MAX_LINE_BYTES + 1), b""), 1):
        done += len(raw)
        if progress is not None:
            progress(done)
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError as exc:
            yield number, RowError("file", f"not {encoding}: byte {exc.start + 1} of the line")
            continue
        if number == 1:
            text = text.removeprefix("\ufeff")
        text = text.rstrip("\r\n")
        if "\x00" in text:
            yield number, RowError("file", "the line contains a NUL character")
            continue
        yield number, text


def _day(value: str, field: str) -> date:
    digits = value.replace("-", "")
    try:
        if len(digits) != 8 or not digits.isdigit():
            raise ValueError
        return date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
    except ValueError:
        raise RowError(field, f"not a date: {value!r} (YYYYMMDD or YYYY-MM-DD)") from None


def _code(value: str, field: str) -> str:
    if not (value.isascii() and value.isdigit() and 2 <= len(value) <= 4):
        raise RowError(field, f"not a CAMEO event code: {value!r}")
    return value


def _intensity(value: str, field: str) -> float | None:
    if value in ("", "NA"):
        return None
    try:
        number = float(value)
    except ValueError:
        raise RowError(field, f"not a number: {value!r}") from None
    if not -10 <= number <= 10:
        raise RowError(field, f"{value} is off the Goldstein scale (−10 to +10)")
    return number


def fips_country(value: str, field: str) -> str | None:
    """The alpha-2 code of a FIPS 10-4 code; None for no code, or a place that is no ISO country."""
    if not value or value in FIPS_NO_COUNTRY:
        return None
    found = FIPS_TO_ISO.get(value)
    if found is None:
        raise RowError(field, f"unknown FIPS 10-4 country code {value!r}: not mapped to ISO 3166-1")
    return found


def cameo_country(value: str, field: str) -> str | None:
    """The alpha-2 code of a CAMEO actor country code (ISO alpha-3 but for CAMEO_TO_ISO); None for
    none, or a region."""
    if not value or value in CAMEO_REGIONS:
        return None
    if value in CAMEO_TO_ISO:
        return CAMEO_TO_ISO[value]
    found = resolve_country(value) if len(value) == 3 and value.isalpha() else None
    if found is None:
        raise RowError(field, f"unknown CAMEO country code {value!r}: not an ISO 3166-1 alpha-3 code")
    return found


def icews_country(value: str, field: str) -> str | None:
    """The alpha-2 code of an ICEWS country name; None for `NA` or nothing."""
    if value in ("", "NA"):
        return None
    found = ICEWS_NAMES.get(value) or (resolve_country(value) if len(value) > 3 else None)
    if found is None:
        raise RowError(field, f"unknown country name {value!r}")
    return found


Cells = Callable[[int, list[str]], dict[str, str] | None]
Build = Callable[[int, str, dict[str, str]], EventRow]


def _tab_rows(
    lines: Iterator[Line], cells_of: Cells, build: Build
) -> Iterator[EventRow | tuple[int, RowError]]:
    """A dataset's tab-separated lines as event rows or their errors: `cells_of` names a line's cells
    (None for a header line), `build` reads them. A `HeaderError` ends the file."""
    for number, text in lines:
        if isinstance(text, RowError):
            yield number, text
            continue
        if not text.strip():
            continue
        try:
            row = cells_of(number, text.split("\t"))
            if row is not None:
                yield build(number, text, row)
        except HeaderError as error:
            yield number, error
            return
        except RowError as error:
            yield number, error


def gdelt_rows(lines: Iterator[Line]) -> Iterator[EventRow | tuple[int, RowError]]:
    return _tab_rows(lines, _gdelt_cells, _gdelt_row)


def _gdelt_cells(number: int, cells: list[str]) -> dict[str, str]:
    if len(cells) not in (57, 58):
        raise RowError("file", f"{len(cells)} cells: a GDELT 1.0 event row has 57 or 58 (with SOURCEURL)")
    return dict(zip(GDELT_COLUMNS, cells, strict=False))


def _gdelt_row(number: int, text: str, row: dict[str, str]) -> EventRow:
    code = _code(row["EventCode"], "EventCode")
    url = row.get("SOURCEURL") or None
    if url is not None and not url.startswith(("http://", "https://")):
        raise RowError("SOURCEURL", f"not a web address: {url[:100]!r}")
    return EventRow(
        line=number,
        text=text,
        day=_day(row["SQLDATE"], "SQLDATE"),
        code=code,
        label=cameo.label(code),
        intensity=_intensity(row["GoldsteinScale"], "GoldsteinScale"),
        url=url,
        actor=Side(
            row["Actor1Name"] or row["Actor1Code"],
            cameo_country(row["Actor1CountryCode"], "Actor1CountryCode"),
        ),
        target=Side(
            row["Actor2Name"] or row["Actor2Code"],
            cameo_country(row["Actor2CountryCode"], "Actor2CountryCode"),
        ),
        place=row["ActionGeo_FullName"] or None,
        place_country=fips_country(row["ActionGeo_CountryCode"], "ActionGeo_CountryCode"),
    )


def icews_rows(lines: Iterator[Line]) -> Iterator[EventRow | tuple[int, RowError]]:
    """ICEWS files name their columns in a header line, in an order that has changed between releases."""
    header: list[str] = []

    def cells_of(number: int, cells: list[str]) -> dict[str, str] | None:
        nonlocal header
        if not header:
            missing = [name for name in ICEWS_COLUMNS if name not in cells]
            if missing:
                raise HeaderError("file", f"not an ICEWS header: it misses {', '.join(missing)}")
            header = cells
            return None
        if len(cells) != len(header):
            raise RowError("file", f"{len(cells)} cells under a header of {len(header)}")
        return dict(zip(header, cells, strict=True))

    return _tab_rows(lines, cells_of, _icews_row)


def _icews_row(number: int, text: str, row: dict[str, str]) -> EventRow:
    code = _code(row["CAMEO Code"], "CAMEO Code")
    place = ", ".join(
        part for part in (row["City"], row["Province"], row["Country"]) if part not in ("", "NA")
    )
    return EventRow(
        line=number,
        text=text,
        day=_day(row["Event Date"], "Event Date"),
        code=code,
        label=row["Event Text"] or cameo.label(code),
        intensity=_intensity(row["Intensity"], "Intensity"),
        url=None,
        actor=Side(row["Source Name"], icews_country(row["Source Country"], "Source Country")),
        target=Side(row["Target Name"], icews_country(row["Target Country"], "Target Country")),
        place=place or None,
        place_country=icews_country(row["Country"], "Country"),
    )


READERS = {"gdelt": gdelt_rows, "icews": icews_rows}


# --- rows → events ---

# The create body of an imported event: the events' own, its citations rows of the dataset file.
EventImport = create_model(
    "EventImport",
    __base__=EventCreate,
    citations=(list[DatasetCitationWrite], Field(min_length=1)),
)


def event_id(layout: str, key: tuple[Any, ...], code: str, countries: list[str]) -> str:
    """A readable id that the same rows always make: `icews-2018-06-01-042-il-ru-3f2a9c`."""
    digest = hashlib.sha256(repr((layout, key)).encode()).hexdigest()[:6]
    parts = [layout, key[0].isoformat(), code, *(country.lower() for country in countries[:4]), digest]
    return "-".join(parts)[:120]


def event_body(
    layout: str, rows: list[EventRow], source_id: str, names: dict[str, tuple[str, str]]
) -> tuple[str, dict[str, Any]]:
    """The id and create body of the event `rows` tell of (all of one key)."""
    first = rows[0]
    day, code = first.key()[:2]
    kind = cameo.event_type(code)
    reversed_first = first.code in cameo.REVERSE
    lead, other = (first.target, first.actor) if reversed_first else (first.actor, first.target)
    countries = list(dict.fromkeys(country for row in rows for country in row.countries))
    host = None
    if kind is EventType.visit and other.country:
        host = other.country
    elif first.place_country in countries:
        host = first.place_country
    # The dataset's own words for its code where it gives them (ICEWS), else the codebook's.
    label = (first.label if first.code == code else None) or cameo.label(code) or f"CAMEO {code}"
    title_en, title_ru = cameo.TYPE_TITLES.get(kind, (label, label))
    if kind is EventType.other:
        who_en = who_ru = f"{lead.name} → {other.name}"
    else:
        sides = [lead, other] if code not in cameo.SYMMETRIC else sorted([lead, other], key=_side_name)
        who_en = " – ".join(dict.fromkeys(_country_name(side, names, 0) for side in sides))
        who_ru = " – ".join(dict.fromkeys(_country_name(side, names, 1) for side in sides))
    summary = "; ".join(
        dict.fromkeys(
            f"{row.actor.name} → {row.label or row.code} → {row.target.name}"
            + (f" (in {row.place})" if row.place else "")
            for row in rows
        )
    )
    body = {
        "type": kind,
        "title_en": f"{title_en}: {who_en}"[:500],
        "title_ru": f"{title_ru}: {who_ru}"[:500],
        "summary_en": summary[:MAX_SUMMARY],
        "date": day.isoformat(),
        "status": "held",
        "host_country": host,
        "countries": countries,
        "external_codes": [
            {"scheme": cameo.SCHEME, "code": code, "label": label, "intensity": intensity, "url": url}
            for code, label, intensity, url in dict.fromkeys(
                (row.code, row.label, row.intensity, row.url) for row in rows
            )
        ],
        "citations": [{"source_id": source_id, "line": row.line, "quote": row.text} for row in rows],
    }
    return event_id(layout, first.key(), code, countries), body


def _side_name(side: Side) -> str:
    return side.country or side.name


def _country_name(side: Side, names: dict[str, tuple[str, str]], language: int) -> str:
    if side.country is None or side.country not in names:
        return side.name
    return names[side.country][language]


def import_events(
    session: Session,
    data: IO[bytes],
    encoding: str,
    layout: str,
    source_id: str,
    progress: Progress | None = None,
    max_errors: int = 100,
) -> RecordsResult:
    """Read the file, group its rows and, when no row is wrong, put the events, a batch at a time
    (RecordWriter). The dataset source `source_id` must exist before (the caller writes it). All or
    nothing is the caller's savepoint."""
    result = RecordsResult(delimiter="\t")
    groups: dict[tuple[Any, ...], list[EventRow]] = {}
    for item in READERS[layout](lines_of(data, encoding, progress)):
        if isinstance(item, tuple):
            number, error = item
            result.errors.append((number, error.field, str(error)))
            continue
        result.records += 1
        if not item.countries:
            result.skipped[NO_COUNTRY] += 1
            continue
        groups.setdefault(item.key(), []).append(item)
    if result.records == 0 and not result.errors:
        result.errors.append((1, "file", "the file holds no event rows"))
    if result.errors:
        return result
    # Held for the whole import: the write path looks each country up by id, in the identity map.
    countries = session.scalars(select(Country)).all()
    names = {country.id: (country.name_en, country.name_ru) for country in countries}
    writer = RecordWriter(session, EVENTS, SearchRecordType.event, result, source_id)
    for rows in groups.values():
        result.grouped += len(rows) - 1
        record_id, body = event_body(layout, rows, source_id, names)
        try:
            valid = EventImport.model_validate(body).model_dump(exclude={"id"})
        except ValidationError as exc:
            for problem in exc.errors()[:3]:
                described = describe_error({**problem, "loc": ("body", *problem["loc"])})
                result.errors.append((rows[0].line, described["name"], described["detail"]))
            continue
        writer.add(rows[0].line, record_id, valid)
        if len(result.errors) >= max_errors:
            break
    writer.flush()
    return result
