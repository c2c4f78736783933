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

from app.api_keys import create_key
from app.config import REPO_ROOT
from app.errors import InvalidParameter
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
    # Each row kept states a value, and a figure for each quantity it gives: the net weight (kg) and
    # the number of items (`u`). Its declared kg are the weight again (every such row has one).
    rows = rows_of(THAILAND, "cp1252")
    kept = [row for _, row in rows if row["partnerISO"].strip() not in ("W00", "S19", "_X", "THA")]
    weights = [row for row in kept if float(row["netWgt"] or 0)]
    items = [row for row in kept if row["qtyUnitAbbr"] == "u" and float(row["qty"] or 0)]
    assert all(float(row["netWgt"] or 0) for row in kept if row["qtyUnitAbbr"] == "kg" and float(row["qty"]))
    assert (len(kept), len(weights), len(items)) == (1137, 1023, 544)
    measures = len(weights) + len(items)
    assert (report.records, report.inserted, report.rejected) == (1178, 1137 + measures, 0)
    assert report.skipped == 41
    groups = {group.label: (group.rows, group.counted) for group in report.skipped_groups}
    assert groups == {"S19": (11, True), "self-trade": (11, True), "_X": (8, True), "World": (11, False)}

    # The value skipped and the file's, from the file itself: World (the totals) aside.
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
        (figure,) = await figures(client, reporter="THA", partner=partner, unit="USD")
        (n, row), *_ = [(n, row) for n, row in rows if row["partnerISO"] == ("KAZ" if iso == "KZ" else "AZE")]
        assert (figure["partner"]["id"], figure["indicator"], figure["commodity"]) == (iso, "imports", "8542")
        assert figure["value"] == float(row["primaryValue"]) and figure["unit"] == "USD"
        assert figure["period_start"] == f"{row['period']}-01-01" and figure["status"] == "reported"
        assert figure["citations"][0]["line"] == n
        # Valued CIF (cifvalue is the primaryValue), an HS heading (aggrLevel 4).
        assert row["cifvalue"] == row["primaryValue"] and not row["fobvalue"]
        assert (figure["valuation"], figure["aggregate_level"]) == ("cif", int(row["aggrLevel"]))
        assert figure["value_figure_id"] is None
        # Its quantities, each linked to it, in its own unit, citing the same line.
        quantities = {q["unit"]: q for q in await figures(client, value_figure_id=figure["id"])}
        expected = {}
        if float(row["netWgt"] or 0):
            expected["tonnes"] = (float(row["netWgt"]) / 1000, row["isNetWgtEstimated"])
        if row["qtyUnitAbbr"] == "u" and float(row["qty"] or 0):
            expected["items"] = (float(row["qty"]), row["isQtyEstimated"])
        assert expected, "the test wants a row with a quantity"
        assert set(quantities) == set(expected)
        for unit, (amount, estimated) in expected.items():
            quantity = quantities[unit]
            assert quantity["value"] == pytest.approx(amount)
            assert quantity["status"] == ("estimate" if estimated == "true" else "reported")
            assert (quantity["indicator"], quantity["period_start"]) == ("imports", figure["period_start"])
            assert (quantity["valuation"], quantity["citations"][0]["line"]) == (None, n)
    # A partner with a Latin-1 letter in its name: the row is quoted as the file says it, decoded.
    n, row = next((n, row) for n, row in rows if "ç" in row["partnerDesc"])
    quoted = await figures(client, reporter="TH", partner=row["partnerISO"])
    assert any(c["line"] == n and "ç" in c["quote"] for f in quoted for c in f["citations"])

    again = run(session, content, THAILAND.name)
    assert (again.inserted, again.updated, again.unchanged, again.skipped) == (0, 0, 1137 + measures, 41)


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
        # Imports valued CIF, exports FOB, as the record's cifvalue and fobvalue say; all goods.
        assert figure["valuation"] == ("cif" if record["cifvalue"] == record["primaryValue"] else "fob")
        assert figure["valuation"] == {"imports": "cif", "exports": "fob"}[flow]
        assert figure["aggregate_level"] == record["aggrLevel"] == 0
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
    # 15 totals, 13 of them with a net weight (a figure in tonnes each); no declared quantity.
    assert (report.records, report.inserted, report.skipped) == (173, 15 + 13, 158)
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


async def test_quantities_without_iso_codes_or_aggregation_level(
    client: httpx.AsyncClient, session: Session
) -> None:
    """The pandas file has numeric codes only and no aggrLevel: the level is the code's (4 digits)."""
    report = run(session, CHINA_USA.read_bytes(), CHINA_USA.name)
    assert report.applied, report.errors[:3]
    session.flush()
    rows = [(n, row) for n, row in rows_of(CHINA_USA) if row["partner2Code"] == "0"]
    values = await figures(client, reporter="CN", partner="US", unit="USD")
    tonnes = {f["value_figure_id"]: f for f in await figures(client, reporter="156", unit="tonnes")}
    assert len(values) == len(rows) == 15 and len(tonnes) == 13
    for n, row in rows:
        (figure,) = [f for f in values if f["period_start"] == f"{row['period']}-01-01"]
        assert (figure["indicator"], figure["commodity"], figure["value"]) == (
            "imports",
            "8542",
            float(row["primaryValue"]),
        )
        assert (figure["valuation"], figure["aggregate_level"]) == ("cif", 4)
        # isReported False with isAggregate True: summed by UNSD from reported rows, still `reported`.
        assert figure["status"] == "reported" and figure["citations"][0]["line"] == n
        weight = tonnes.get(figure["id"])
        if not float(row["netWgt"] or 0):  # none, or a zero (Comtrade's "not available")
            assert weight is None
            continue
        assert weight is not None and weight["value"] == pytest.approx(float(row["netWgt"]) / 1000)
        assert weight["status"] == ("estimate" if row["isNetWgtEstimated"] == "True" else "reported")
        assert weight["citations"][0]["line"] == n and weight["id"].endswith("-tonnes")


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
    # The legacy file gives no CIF/FOB value and no weight: no basis is guessed, no quantity made.
    assert (figure["valuation"], figure["aggregate_level"]) == (None, int(row["Aggregate Level"]))
    assert not await figures(client, value_figure_id=figure["id"])
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


async def test_s19_is_read_as_a_country_only_on_request(client: httpx.AsyncClient, session: Session) -> None:
    # A slice: the header, and the rows of partners S19 and Kazakhstan.
    lines = THAILAND.read_bytes().splitlines(keepends=True)
    content = b"".join([lines[0], *(line for line in lines[1:] if b'"S19"' in line or b'"KAZ"' in line)])
    s19 = content.count(b'"S19"')
    _, writer = create_key(session, "test-real-files-s19", "write")
    session.commit()
    response = await client.post(
        "/v1/imports/trade-figures",
        params={"s19_as": "TWN", "dry_run": "true"},
        content=content,
        headers={"Content-Type": "text/csv", "Authorization": f"Bearer {writer}"},
    )
    assert response.status_code == 200, response.text
    report = ImportReport.model_validate(response.json())
    assert s19 == 11 and (report.skipped, report.skipped_groups) == (0, [])
    assert report.notes == [f"S19 (Other Asia, nes) read as TW: {s19} rows"]
    assert f"  note: S19 (Other Asia, nes) read as TW: {s19} rows" in summary(THAILAND, report)
    # Without the option S19 is skipped, and a code that is no country refuses the import.
    skipped = run(session, content, "slice", dry_run=True).skipped_groups
    assert [(group.label, group.rows) for group in skipped] == [("S19", s19)]
    # A code that is no country of this API is a bad parameter (a 422 naming it), not a bad file.
    with pytest.raises(InvalidParameter) as refused:
        run(session, content, "slice", dry_run=True, s19_as="XX")
    assert [(e["name"], e["in"]) for e in refused.value.errors or []] == [("s19_as", "query")]
    response = await client.post(
        "/v1/imports/trade-figures",
        params={"s19_as": "XX", "dry_run": "true"},
        content=content,
        headers={"Content-Type": "text/csv", "Authorization": f"Bearer {writer}"},
    )
    problem = response.json()
    assert (response.status_code, problem["type"].rsplit("/", 1)[-1]) == (422, "invalid-parameter")
    assert problem["errors"][0]["name"] == "s19_as" and "'XX' is not a country" in problem["detail"]
