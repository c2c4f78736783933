"""UN Comtrade files as their publishers serve them, read from ../shared/real-data/ (never copied here).

Expected values are read from the files by the csv and json modules, not written down, so a test
compares the importer with an independent reading of the same file. Variants (a pandas index column,
tab-separated, gzipped) are made from the real files in a temporary directory.
"""

import csv
import gzip
import io
import json
from datetime import date
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.auth import create_key
from app.config import REPO_ROOT
from app.imports.cli import summary
from app.imports.repository import ImportOptions, import_file
from app.imports.schemas import ImportLayout, ImportReport
from app.models import TradeFigure

REAL_DATA = REPO_ROOT.parent / "shared" / "real-data"
THAILAND = REAL_DATA / "thailand_hs8542_TradeData.csv"
CHINA_USA = REAL_DATA / "china_usa_hs8542_semiconductor_trade.csv"
API_JSON = REAL_DATA / "comtradr_chn_arg_deu_2010_HS-60a6ad.json"
LEGACY = REAL_DATA / "legacy_comtrade_china_sitc4_2010-2014.csv"
TREATIES = REAL_DATA / "tfdd_treaties.csv"

pytestmark = [
    pytest.mark.anyio,
    pytest.mark.skipif(not THAILAND.exists(), reason=f"the real files are not at {REAL_DATA}"),
]


def run(session: Session, content: bytes, name: str, **options: Any) -> ImportReport:
    return import_file(
        session, io.BytesIO(content), ImportOptions(file_name=name, actor=f"import:{name}", **options)
    )


def rows_of(path: Path, encoding: str = "utf-8") -> list[tuple[int, dict[str, str]]]:
    """(line, row) of a CSV whose rows are one line each, as the csv module reads it."""
    text = path.read_bytes().decode(encoding)
    reader = csv.reader(io.StringIO(text))
    header = next(reader)
    return [(n, dict(zip(header, row, strict=False))) for n, row in enumerate(reader, 2)]


async def figures(client: httpx.AsyncClient, **params: str) -> list[dict[str, Any]]:
    response = await client.get("/v1/trade-figures", params={"limit": "500", **params})
    assert response.status_code == 200, response.text
    return list(response.json()["items"])


async def test_a_comtradeplus_download_in_cp1252(client: httpx.AsyncClient, session: Session) -> None:
    content = THAILAND.read_bytes()
    report = run(session, content, THAILAND.name)
    assert report.applied, report.errors[:3]
    assert (report.layout, report.format, report.encoding) == (ImportLayout.comtrade, "csv", "cp1252")
    assert (report.records, report.inserted, report.skipped, report.rejected) == (1178, 1137, 41, 0)
    groups = {group.label: (group.rows, group.counted) for group in report.skipped_groups}
    assert groups == {"S19": (11, True), "self-trade": (11, True), "_X": (8, True), "World": (11, False)}

    # The value skipped and the file's, from the file itself: World (the totals) aside.
    rows = rows_of(THAILAND, "cp1252")
    value = {n: float(row["primaryValue"]) for n, row in rows}
    world = {n for n, row in rows if row["partnerISO"] == "W00"}
    left_out = {n for n, row in rows if row["partnerISO"].strip() in ("S19", "_X", "THA")}
    assert report.file_value == pytest.approx(sum(v for n, v in value.items() if n not in world))
    assert report.skipped_value == pytest.approx(sum(value[n] for n in left_out))
    assert report.skipped_value_percent == round(100 * report.skipped_value / report.file_value, 1)
    line = summary(THAILAND, report).splitlines()[1]
    assert line == (
        f"  skipped 41 rows worth {report.skipped_value_percent} % of the file's value: 11 S19, "
        "11 self-trade, 8 _X; not counted in the value (totals of other rows, or parts of one): 11 World"
    )

    # Read back: Thailand's imports from Kazakhstan and Azerbaijan, as the file states them.
    session.flush()
    for partner, iso in (("KAZ", "KZ"), ("Azerbaijan", "AZ")):
        (figure,) = await figures(client, reporter="THA", partner=partner)
        (n, row), *_ = [(n, row) for n, row in rows if row["partnerISO"] == ("KAZ" if iso == "KZ" else "AZE")]
        assert (figure["partner"]["id"], figure["indicator"], figure["commodity"]) == (iso, "imports", "8542")
        assert figure["value"] == float(row["primaryValue"]) and figure["unit"] == "USD"
        assert figure["period_start"] == f"{row['period']}-01-01" and figure["status"] == "reported"
        assert figure["citations"][0]["line"] == n
    # A partner with a Latin-1 letter in its name: the row is quoted as the file says it, decoded.
    n, row = next((n, row) for n, row in rows if "ç" in row["partnerDesc"])
    quoted = await figures(client, reporter="TH", partner=row["partnerISO"])
    assert any(c["line"] == n and "ç" in c["quote"] for f in quoted for c in f["citations"])

    again = run(session, content, THAILAND.name)
    assert (again.inserted, again.updated, again.unchanged, again.skipped) == (0, 0, 1137, 41)


async def test_the_api_json_envelope(client: httpx.AsyncClient, session: Session) -> None:
    content = API_JSON.read_bytes()
    report = run(session, content, API_JSON.name)
    assert report.applied and (report.format, report.layout) == ("json", ImportLayout.comtrade)
    assert (report.records, report.inserted, report.skipped) == (4, 4, 0)
    records = json.loads(content)["data"]
    # Each record starts on the line of its `{`, inside the envelope's `data` array.
    starts = [n for n, text in enumerate(content.decode().splitlines(), 1) if text.strip() == "{"][1:]
    session.flush()
    for record, line in zip(records, starts, strict=True):
        flow = {"X": "exports", "M": "imports"}[record["flowCode"]]
        found = await figures(client, reporter=record["reporterISO"], partner=record["partnerISO"])
        (figure,) = [f for f in found if f["indicator"] == flow]
        assert figure["value"] == record["primaryValue"] and figure["commodity"] == "TOTAL"
        assert figure["citations"][0]["line"] == line
        assert figure["citations"][0]["quote"].lstrip().startswith("{")


async def test_the_api_json_envelope_over_http(client: httpx.AsyncClient, session: Session) -> None:
    _, writer = create_key(session, "test-real-files", "write")
    session.commit()
    response = await client.post(
        "/v1/imports/trade-figures",
        params={"dry_run": "true"},
        content=API_JSON.read_bytes(),
        headers={"Content-Type": "application/json", "Authorization": f"Bearer {writer}"},
    )
    assert response.status_code == 200, response.text
    assert (response.json()["format"], response.json()["inserted"]) == ("json", 4)


def china_usa_variants(tmp: Path) -> dict[str, bytes]:
    """The pandas-written file as published, with pandas' index column, tab-separated, and gzipped."""
    text = CHINA_USA.read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(text)))
    indexed, tabbed = io.StringIO(), io.StringIO()
    csv.writer(indexed, lineterminator="\n").writerows(
        [["", *rows[0]], *([str(n), *row] for n, row in enumerate(rows[1:]))]
    )
    csv.writer(tabbed, delimiter="\t", lineterminator="\n").writerows(rows)
    return {
        "as published": CHINA_USA.read_bytes(),
        "index column": indexed.getvalue().encode(),
        "tab-separated": tabbed.getvalue().encode(),
        "tab-separated, gzipped": gzip.compress(tabbed.getvalue().encode()),
    }


@pytest.mark.parametrize(
    "variant", ["as published", "index column", "tab-separated", "tab-separated, gzipped"]
)
def test_pandas_csv_and_its_variants(session: Session, tmp_path: Path, variant: str) -> None:
    report = run(session, china_usa_variants(tmp_path)[variant], "china-usa", dry_run=True)
    assert not report.errors, report.errors[:3]
    assert (report.records, report.inserted, report.skipped) == (173, 15, 158)
    assert report.delimiter == ("\t" if "tab" in variant else ",")
    assert report.compression == ("gzip" if "gzip" in variant else None)
    # Breakdowns by second partner are parts of the totals imported: no value is left out.
    (group,) = report.skipped_groups
    assert (group.label, group.rows, group.counted, report.skipped_value) == (
        "by second partner",
        158,
        False,
        0,
    )


async def test_the_legacy_layout_keeps_sitc_apart(client: httpx.AsyncClient, session: Session) -> None:
    report = run(session, LEGACY.read_bytes(), LEGACY.name)
    assert report.applied and report.layout is ImportLayout.comtrade_legacy, report.errors[:3]
    assert (report.records, report.inserted, report.skipped) == (3184, 3184, 0)
    session.flush()
    n, row = next(
        (n, row)
        for n, row in rows_of(LEGACY)
        if row["Commodity Code"] == "27" and row["Partner ISO"] == "DEU" and row["Trade Flow Code"] == "1"
    )
    found = await figures(client, reporter="CHN", partner="DEU", commodity="SITC4:27")
    (figure,) = [
        f for f in found if f["period_start"].startswith(row["Period"]) and f["indicator"] == "imports"
    ]
    assert figure["value"] == float(row["Trade Value (US$)"]) and figure["citations"][0]["line"] == n
    assert not await figures(client, reporter="CHN", partner="DEU", commodity="27")  # never HS 27


def test_a_file_of_no_layout_is_told_what_each_misses(session: Session) -> None:
    report = run(session, TREATIES.read_bytes(), TREATIES.name, dry_run=True)
    first = report.errors[0]
    assert (first.line, first.field) == (1, "file")
    assert "generic misses reporter" in first.detail
    assert "comtrade misses freqCode, flowCode" in first.detail
    assert "comtrade-legacy misses Period, Trade Flow Code" in first.detail


def test_latin1_is_detected_and_a_trailing_comma_tolerated(session: Session) -> None:
    # A file of our own, written in Latin-1 with a note in French and a comma closing each row.
    content = (
        "reporter,partner,indicator,period,value,unit,bound,status,note_en\n"
        "AZ,KZ,exports,2023,1000,USD,exact,reported,Chiffre d'un relevé imaginaire,\n"
    ).encode("latin-1")
    report = run(session, content, "latin1.csv")
    assert report.applied and report.encoding == "cp1252" and report.inserted == 1, report.errors
    session.flush()
    statement = select(TradeFigure.note_en).where(
        TradeFigure.period_start == date(2023, 1, 1), TradeFigure.value == 1000
    )
    assert session.scalar(statement) == "Chiffre d'un relevé imaginaire"
