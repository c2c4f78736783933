"""Events and agreements from datasets as published (GDELT 1.0, ICEWS, the TFDD treaty list), read
from ../shared/real-data/ (never copied here). Expected values come from the files themselves, read
here by str.split and the csv module, and are compared with what the API serves after the import."""

import csv
import io
from collections import Counter
from pathlib import Path
from typing import Any

import httpx
import pycountry
import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.agreements.repository import WRITABLE as AGREEMENTS
from app.api_keys import create_key
from app.common.countries import resolve_country
from app.config import REPO_ROOT
from app.curation import writes
from app.imports.datasets import Provenance
from app.imports.events import RowError, cameo_country, fips_country, icews_country
from app.imports.fips import FIPS_NO_COUNTRY, FIPS_TO_ISO
from app.imports.records import DatasetOptions, import_dataset
from app.imports.schemas import ImportLayout, ImportReport, ImportResource
from app.models import Agreement, Citation, Event, Revision
from tests.conftest import Database

REAL_DATA = REPO_ROOT.parent / "shared" / "real-data"
GDELT = REAL_DATA / "gdelt_events_sample.tsv"
ICEWS = REAL_DATA / "icews_events.2018.sample.tab"
TFDD = REAL_DATA / "tfdd_treaties.csv"

pytestmark = [
    pytest.mark.anyio,
    pytest.mark.skipif(not GDELT.exists(), reason=f"the real files are not at {REAL_DATA}"),
]


def run(session: Session, content: bytes, name: str, **options: Any) -> ImportReport:
    return import_dataset(
        session,
        io.BytesIO(content),
        DatasetOptions(file_name=name, actor=f"import:{name}", resource=ImportResource.events, **options),
    )


def lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


async def events(client: httpx.AsyncClient, **params: str) -> list[dict[str, Any]]:
    response = await client.get("/v1/events", params={"limit": "100", **params})
    assert response.status_code == 200, response.text
    return list(response.json()["items"])


# --- country codes ---


def test_fips_codes_that_are_not_the_iso_codes_of_their_country() -> None:
    # GDELT's CH, RS, IS, AS read as ISO would be Switzerland, Serbia, Iceland, American Samoa.
    assert [fips_country(code, "f") for code in ("CH", "RS", "IS", "AS")] == ["CN", "RU", "IL", "AU"]
    assert [fips_country(code, "f") for code in ("SZ", "RI", "IC", "AQ")] == ["CH", "RS", "IS", "AS"]
    assert [fips_country(code, "f") for code in ("AJ", "KZ", "TX", "GM", "UK")] == [
        "AZ",
        "KZ",
        "TM",
        "DE",
        "GB",
    ]
    assert fips_country("KV", "f") is None  # Kosovo: a place, no ISO 3166-1 country
    with pytest.raises(RowError, match="unknown FIPS 10-4 country code 'XX'"):
        fips_country("XX", "ActionGeo_CountryCode")
    assert cameo_country("KAZ", "f") == "KZ" and cameo_country("ROM", "f") == "RO"
    assert cameo_country("EUR", "f") is None  # a region
    with pytest.raises(RowError, match="unknown CAMEO country code"):
        cameo_country("XYZ", "Actor1CountryCode")
    assert icews_country("Russian Federation", "f") == "RU" and icews_country("Turkey", "f") == "TR"
    with pytest.raises(RowError, match="unknown country name"):
        icews_country("Atlantis", "Source Country")


def test_fips_table_is_one_to_one_and_iso_only() -> None:
    assert not set(FIPS_TO_ISO) & set(FIPS_NO_COUNTRY)
    targets = Counter(FIPS_TO_ISO.values())
    # Gaza Strip and West Bank are both Palestine, Svalbard and Jan Mayen are one ISO code; no other
    # two codes share a country.
    assert {iso for iso, n in targets.items() if n > 1} == {"PS", "SJ"}
    assert all(pycountry.countries.get(alpha_2=iso) is not None for iso in targets)


def test_every_place_in_the_gdelt_file_is_in_the_country_its_code_maps_to() -> None:
    """The file names each place with its country: the mapping must agree with every one of them."""
    # The file's names that are not ISO 3166-1's (read by hand from the file).
    aliases = {
        "Russia": "RU",
        "Turkey": "TR",
        "Vatican City": "VA",
        "Bosnia-Herzegovina": "BA",
        "West Bank": "PS",
        "The": "BS",  # "Bahamas, The"
        "Republic Of": "VN",  # "Vietnam, Republic Of"
    }
    checked: set[str] = set()
    for line in lines(GDELT):
        cells = line.split("\t")
        for name_at, code_at in ((36, 37), (43, 44), (50, 51)):
            if not cells[code_at]:
                continue
            country_name = cells[name_at].split(", ")[-1]
            expected = aliases.get(country_name) or resolve_country(country_name)
            assert expected == fips_country(cells[code_at], "code"), (cells[code_at], cells[name_at])
            checked.add(cells[code_at])
    assert len(checked) >= 90 and {"CH", "RS", "IS", "AS", "KZ", "TX"} <= checked


# --- GDELT ---


async def test_a_bad_row_rejects_the_file_and_names_line_and_column(session: Session) -> None:
    file = lines(GDELT)
    cells = file[9].split("\t")
    cells[51] = "XX"  # no FIPS code
    file[9] = "\t".join(cells)
    file[20] = file[20].replace("\t", " ", 3)  # too few cells
    before = session.scalar(select(func.count()).select_from(Event))
    report = run(session, ("\n".join(file) + "\n").encode(), "broken.tsv", layout=ImportLayout.gdelt)
    assert (report.applied, report.rejected, report.inserted) == (False, 2, 0)
    assert [(e.line, e.field) for e in report.errors] == [(10, "ActionGeo_CountryCode"), (21, "file")]
    assert "unknown FIPS 10-4 country code 'XX'" in report.errors[0].detail
    assert session.scalar(select(func.count()).select_from(Event)) == before


# --- ICEWS ---


def icews_part() -> bytes:
    """The rows the ICEWS test reads back (its first 700 lines, and line 2909), with the header."""
    file = lines(ICEWS)
    return ("\n".join([*file[:700], file[2908]]) + "\n").encode()


async def test_an_icews_file(client: httpx.AsyncClient, session: Session) -> None:
    provenance = Provenance(
        title="ICEWS Coded Event Data, sample of 2018",
        publisher="Harvard Dataverse",
        url="https://dataverse.harvard.edu/dataverse/icews",
    )
    # The whole file (3,705 rows) on SQLite; on PostgreSQL, the rows read back below. Events are written
    # by the same code on both engines (the GDELT tests import their whole file on both).
    whole = session.get_bind().dialect.name == "sqlite"
    content = ICEWS.read_bytes() if whole else icews_part()
    report = run(session, content, ICEWS.name, provenance=provenance)
    assert report.applied, report.errors[:3]
    assert (report.layout, report.rejected) == (ImportLayout.icews, 0)
    if whole:
        assert (report.records, report.skipped) == (3705, 2)
        assert (report.grouped, report.inserted) == (1395, 2308)
    file = lines(ICEWS)

    # Lines 256 and 257: Netanyahu makes a visit to Russia (042), Russia hosts it (043): one visit.
    assert file[255].split("\t")[6] == "042" and file[256].split("\t")[6] == "043"
    found = await events(client, country="ISR", type="visit", date_from="2018-06-01", date_to="2018-06-01")
    [visit] = [e for e in found if "RU" in [c["id"] for c in e["countries"]]]
    assert sorted(c["id"] for c in visit["countries"]) == ["IL", "RU"]
    assert visit["host_country"]["id"] == "RU"
    assert visit["title"] == "Visit: Israel – Russian Federation"
    assert sorted(c["line"] for c in visit["citations"]) == [256, 257]
    assert {(c["code"], c["label"], c["intensity"]) for c in visit["external_codes"]} == {
        ("042", "Make a visit", 1.9),
        ("043", "Host a visit", 2.8),
    }
    ru = (await client.get(f"/v1/events/{visit['id']}", params={"lang": "ru"})).json()
    assert ru["title"] == "Визит: Израиль – Российская Федерация"

    # Lines 340 and 342: Medvedev and Sagintayev consult (040), each way round: one talks event; and
    # meet at a third location (044, lines 648 and 649): another.
    found = await events(client, country="KAZ", type="talks", date_from="2018-06-01", date_to="2018-06-01")
    lines_by_code = {t["external_codes"][0]["code"]: sorted(c["line"] for c in t["citations"]) for t in found}
    assert lines_by_code == {"040": [340, 342], "044": [648, 649]}
    assert all(sorted(c["id"] for c in t["countries"]) == ["KZ", "RU"] for t in found)

    # An event of no type of this API is titled in the dataset's own words for its code.
    found = await events(client, country="AZE", date_from="2018-06-02", date_to="2018-06-02", type="other")
    titles = [e["title"] for e in found if "TM" in [c["id"] for c in e["countries"]]]
    label = "Express intent to engage in diplomatic cooperation (such as policy support)"
    assert titles == [f"{label}: Azerbaijan → Turkmenistan"]

    # The dataset is a source with what the user said of it.
    source = (await client.get(f"/v1/sources/{report.source_id}")).json()
    assert (source["title"], source["publisher"], source["kind"]) == (
        provenance.title,
        "Harvard Dataverse",
        "dataset",
    )
    assert source["url"] == provenance.url
    # Importing again changes nothing: test_imports_gdelt.py shows it on GDELT.


async def test_events_over_http(client: httpx.AsyncClient, session: Session) -> None:
    _, key = create_key(session, "event-importer", "write")
    headers = {"Authorization": f"Bearer {key}", "Content-Type": "text/tab-separated-values"}
    params = {
        "filename": GDELT.name,
        "title": "GDELT 1.0 event sample",
        "publisher": "The GDELT Project",
        "url": "https://www.gdeltproject.org/data.html",
        "retrieved_on": "2026-12-01",
    }
    response = await client.post(
        "/v1/imports/events", params=params, headers=headers, content=GDELT.read_bytes()
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["layout"], body["inserted"], body["grouped"], body["applied"]) == ("gdelt", 677, 27, True)
    source = (await client.get(f"/v1/sources/{body['source_id']}")).json()
    assert (source["title"], source["publisher"], source["retrieved_on"]) == (
        "GDELT 1.0 event sample",
        "The GDELT Project",
        "2026-12-01",
    )

    wrong = await client.post(
        "/v1/imports/events", params={"layout": "comtrade"}, headers=headers, content=GDELT.read_bytes()
    )
    assert wrong.status_code == 422 and wrong.json()["errors"][0]["name"] == "layout"
    bad_url = await client.post(
        "/v1/imports/events", params={"url": "not a url"}, headers=headers, content=GDELT.read_bytes()
    )
    assert bad_url.status_code == 422


# --- treaty lists ---


async def test_a_tfdd_treaty_list(client: httpx.AsyncClient, session: Session) -> None:
    options = {"resource": ImportResource.agreements}
    content = TFDD.read_bytes()
    report = import_dataset(
        session, io.BytesIO(content), DatasetOptions(file_name=TFDD.name, actor="import:tfdd", **options)
    )
    assert report.applied, report.errors[:3]
    assert (report.layout, report.records, report.rejected) == (ImportLayout.tfdd, 2116, 0)
    # One agreement per treaty: 9 rows of treaties with no date, and one row whose cells are shifted.
    assert (report.inserted, report.skipped, report.grouped) == (634, 10, 1472)
    assert report.skipped_reasons == {
        "no signing date (DateSigned empty)": 9,
        "DateSigned is not a date: the row is left out (see notes)": 1,
    }
    # A party whose code and name disagree is left out, and said.
    assert "line 2120: CCODE BLR is BY but Country_Name 'Bulgaria' is BG: party left out" in report.notes

    # The rows of the Kazakhstan–China agreement of 2001, as the csv module reads them.
    # A row's line is the one it starts on (a quoted cell may span lines).
    rows: dict[int, dict[str, str]] = {}
    with TFDD.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        start = 2
        for row in reader:
            rows[start] = row
            start = reader.line_num + 1
    treaty = [n for n, row in rows.items() if row["2016Update ID"] == "559"]
    assert {rows[n]["DateSigned"] for n in treaty} == {"12.09.2001"}
    [signed] = await agreements(client, country="KAZ", date_from="2001-09-12", date_to="2001-09-12")
    assert sorted(c["id"] for c in signed["countries"]) == ["CN", "KZ"]
    assert (signed["date_start"], signed["date_precision"], signed["status"]) == (
        "2001-09-12",
        "day",
        "signed",
    )
    assert signed["title"] == rows[treaty[0]]["DocumentName"]
    assert "Signed in Astana, Kazakhstan." in signed["summary"]
    assert sorted(c["line"] for c in signed["citations"]) == treaty
    # The Caspian Framework Convention: five parties, a date written m/d/yyyy or dd.mm.yyyy alike.
    [caspian] = await agreements(client, country="AZE", date_from="2003-11-04", date_to="2003-11-04")
    assert sorted(c["id"] for c in caspian["countries"]) == ["AZ", "IR", "KZ", "RU", "TM"]

    again = import_dataset(
        session, io.BytesIO(content), DatasetOptions(file_name=TFDD.name, actor="import:tfdd", **options)
    )
    assert (again.inserted, again.updated, again.unchanged) == (0, 0, 634)


async def agreements(client: httpx.AsyncClient, **params: str) -> list[dict[str, Any]]:
    response = await client.get("/v1/agreements", params={"limit": "100", **params})
    assert response.status_code == 200, response.text
    return list(response.json()["items"])


async def test_a_trade_file_keeps_what_is_said_of_its_dataset(
    client: httpx.AsyncClient, session: Session
) -> None:
    _, key = create_key(session, "trade-importer", "write")
    headers = {"Authorization": f"Bearer {key}", "Content-Type": "application/json"}
    content = (REAL_DATA / "comtradr_chn_arg_deu_2010_HS-60a6ad.json").read_bytes()
    params = {"publisher": "United Nations Statistics Division", "retrieved_on": "2026-11-30"}
    response = await client.post("/v1/imports/trade-figures", params=params, headers=headers, content=content)
    assert response.status_code == 200, response.text
    source_id = response.json()["source_id"]
    source = (await client.get(f"/v1/sources/{source_id}")).json()
    assert (source["publisher"], source["retrieved_on"], source["kind"]) == (
        "United Nations Statistics Division",
        "2026-11-30",
        "dataset",
    )
    assert source["title"] == "upload.json"  # no title given: the file's name, as before
    # Said again, nothing changes; a title said later is written onto the same source.
    again = await client.post(
        "/v1/imports/trade-figures",
        params={**params, "title": "China's trade, 2010"},
        headers=headers,
        content=content,
    )
    assert again.json()["unchanged"] == 4
    assert (await client.get(f"/v1/sources/{source_id}")).json()["title"] == "China's trade, 2010"


async def test_countries_serve_every_code_and_both_names(client: httpx.AsyncClient) -> None:
    for given in ("KZ", "KAZ", "398", "Kazakhstan", "Казахстан"):
        body = (await client.get(f"/v1/countries/{given}", params={"lang": "ru"})).json()
        assert {key: body[key] for key in ("id", "alpha3", "numeric", "name", "name_en", "name_ru")} == {
            "id": "KZ",
            "alpha3": "KAZ",
            "numeric": "398",
            "name": "Казахстан",
            "name_en": "Kazakhstan",
            "name_ru": "Казахстан",
        }
    page = await client.get(
        "/v1/countries", params={"fields": "id,alpha3,numeric,name_en,name_ru", "limit": "300"}
    )
    items = page.json()["items"]
    assert len(items) == 249 and all(
        set(item) == {"id", "alpha3", "numeric", "name_en", "name_ru"} for item in items
    )
    assert {
        "id": "AZ",
        "alpha3": "AZE",
        "numeric": "031",
        "name_en": "Azerbaijan",
        "name_ru": "Азербайджан",
    } in items


# --- agreements in this API's own fields ---

SEED_SOURCE = "velizade-2025-az-kz-relations"
SEED_QUOTE = "Экономическая динамика стала одним из наиболее показательных аспектов"


async def test_agreements_in_the_api_s_own_fields(client: httpx.AsyncClient, session: Session) -> None:
    csv_file = (
        "title_en,title_ru,status,sectors,date,countries,summary_en,citation_source_id,citation_quote\n"
        "Test memorandum on ferries,Тестовый меморандум о паромах,signed,transport|trade,2025-11,AZ|KAZ,"
        f"Invented for this test.,{SEED_SOURCE},{SEED_QUOTE}\n"
        "Test roadmap on grain,Тестовая дорожная карта по зерну,proposed,agriculture,2026,Kazakhstan|398,,,\n"
    )
    options = {"resource": ImportResource.agreements}
    report = import_dataset(
        session, io.BytesIO(csv_file.encode()), DatasetOptions(file_name="own.csv", actor="t", **options)
    )
    assert (report.layout, report.format, report.applied, report.inserted) == (
        ImportLayout.generic,
        "csv",
        True,
        2,
    )
    ferries = (await client.get("/v1/agreements/test-memorandum-on-ferries-2025-11")).json()
    assert (ferries["status"], ferries["sectors"], ferries["date_start"]) == (
        "signed",
        ["trade", "transport"],
        "2025-11-01",
    )
    assert [c["id"] for c in ferries["countries"]] == ["AZ", "KZ"]
    [quote] = ferries["citations"]
    assert (quote["source_id"], quote["quote"], quote["line"]) == (SEED_SOURCE, SEED_QUOTE, None)
    grain = (await client.get("/v1/agreements/test-roadmap-on-grain-2026")).json()
    assert [c["id"] for c in grain["countries"]] == ["KZ"]  # Kazakhstan and 398 are one country
    [row] = grain["citations"]
    assert (row["source_id"], row["line"]) == (report.source_id, 3)

    ndjson = (
        '{"title_en": "Test memorandum on ferries", "title_ru": "Тестовый меморандум о паромах", '
        '"status": "ratified", "sectors": "transport|trade", "date": "2025-11", "countries": "AZ|KZ"}\n'
    )
    updated = import_dataset(
        session, io.BytesIO(ndjson.encode()), DatasetOptions(file_name="own.ndjson", actor="t", **options)
    )
    assert (updated.format, updated.updated) == ("ndjson", 1)
    # Stated again by another file: the article's quote, which states it too, stays (as for events).
    by_agreement = select(Citation.source_id, Citation.line).where(
        Citation.agreement_id == "test-memorandum-on-ferries-2025-11"
    )
    assert {tuple(row) for row in session.execute(by_agreement)} == {
        (SEED_SOURCE, None),
        (updated.source_id, 1),
    }

    bad = "title_en,title_ru,status,sectors,date,countries\nX,Х,signedd,transport,2025,ZZZ\n"
    rejected = import_dataset(
        session, io.BytesIO(bad.encode()), DatasetOptions(file_name="bad.csv", actor="t", **options)
    )
    assert (rejected.applied, rejected.rejected) == (False, 1)
    assert [(e.line, e.field) for e in rejected.errors] == [(2, "countries"), (2, "status")]


def test_a_write_path_error_is_named_after_a_bad_line_and_nothing_is_written(session: Session) -> None:
    # Records are put a batch at a time (RecordWriter): a record the write path refuses (line 2: an
    # unknown event, found only there) is still named after a line that does not validate (line 3).
    csv_file = (
        "title_en,title_ru,status,sectors,date,countries,event\n"
        "Test pact one,Тестовый пакт один,signed,trade,2025,AZ,no-such-event\n"
        "Test pact two,Тестовый пакт два,signedd,trade,2025,KZ,\n"
        "Test pact three,Тестовый пакт три,signed,trade,2025,KZ,\n"
    )
    before = session.scalar(select(func.count()).select_from(Agreement))
    options = {"resource": ImportResource.agreements}
    report = import_dataset(
        session, io.BytesIO(csv_file.encode()), DatasetOptions(file_name="refused.csv", actor="t", **options)
    )
    assert (report.applied, report.rejected) == (False, 2)
    assert [(e.line, e.field) for e in report.errors] == [(2, "event"), (3, "status")]
    assert "unknown id: no-such-event" in report.errors[0].detail
    assert session.scalar(select(func.count()).select_from(Agreement)) == before


def test_put_all_is_one_put_after_another(session: Session) -> None:
    """A batch states each record as `put` would, one after another: a record stated twice is
    inserted, then updated; stated again as it is, unchanged; each change recorded once."""

    def body(status: str) -> dict[str, Any]:
        citation = {"source_id": SEED_SOURCE, "quote": SEED_QUOTE, "paragraph": None}
        return {"title_en": "Test batch pact", "title_ru": "Тестовый пакт", "status": status} | {
            "sectors": ["trade"],
            "date": "2025-11",
            "countries": ["AZ", "KZ"],
            "citations": [citation],
        }

    session.info["actor"] = "test"
    first = [("test-batch-a", body("signed")), ("test-batch-b", body("signed"))]
    first.append(("test-batch-a", body("ratified")))
    assert writes.put_all(session, AGREEMENTS, first) == ["inserted", "inserted", "updated"]
    again = [("test-batch-a", body("ratified")), ("test-batch-b", body("signed"))]
    assert writes.put_all(session, AGREEMENTS, again) == ["unchanged", "unchanged"]
    assert writes.put(session, AGREEMENTS, "test-batch-b", body("signed")) == "unchanged"
    twice = [("test-batch-b", body("signed")), ("test-batch-b", body("ratified"))]
    assert writes.put_all(session, AGREEMENTS, twice) == ["unchanged", "updated"]
    session.commit()  # moves the staged revisions into `revisions`
    recorded = session.execute(
        select(Revision.record_id, Revision.action, Revision.changes)
        .where(Revision.record_id.in_(["test-batch-a", "test-batch-b"]))
        .order_by(Revision.id)
    ).all()
    assert [(record_id, action.value) for record_id, action, _ in recorded] == [
        ("test-batch-a", "create"),
        ("test-batch-b", "create"),
        ("test-batch-a", "update"),
        ("test-batch-b", "update"),
    ]
    assert recorded[2].changes == recorded[3].changes == {"status": ["signed", "ratified"]}
    stored = [session.get(Agreement, record_id) for record_id in ("test-batch-a", "test-batch-b")]
    assert [agreement.status for agreement in stored if agreement is not None] == ["ratified", "ratified"]


def test_the_commands_import_events_and_treaties_and_refuse_a_bad_file(
    cli_database: Database, tmp_path: Path
) -> None:
    from typer.testing import CliRunner

    from app import cli

    # The commands' own work (options, summary, exit status) on slices of the real files: the whole
    # files are imported by the tests above.
    runner = CliRunner()
    icews = tmp_path / "icews-slice.tab"
    icews.write_text("\n".join(lines(ICEWS)[:41]) + "\n", encoding="utf-8")
    events_run = runner.invoke(cli.app, ["import", "events", str(icews), "--publisher", "Harvard Dataverse"])
    assert events_run.exit_code == 0, events_run.output
    assert "icews-slice.tab (csv, tab-separated, icews layout, 40 rows): imported" in events_run.output
    tfdd = tmp_path / "tfdd-slice.csv"
    with (
        TFDD.open(encoding="utf-8", newline="") as whole,
        tfdd.open("w", encoding="utf-8", newline="") as part,
    ):
        csv.writer(part).writerows(row for _, row in zip(range(41), csv.reader(whole), strict=False))
    treaties_run = runner.invoke(cli.app, ["import", "agreements", str(tfdd), "--layout", "tfdd"])
    assert treaties_run.exit_code == 0, treaties_run.output
    assert "tfdd layout, 40 rows): imported" in treaties_run.output

    broken = tmp_path / "broken.tsv"
    cells = lines(GDELT)[0].split("\t")
    cells[51] = "XX"
    broken.write_text("\t".join(cells) + "\n", encoding="utf-8")
    refused = runner.invoke(cli.app, ["import", "events", str(broken), "--layout", "gdelt"])
    assert refused.exit_code == 1
    assert "line 1, ActionGeo_CountryCode: unknown FIPS 10-4 country code 'XX'" in refused.output
    assert "broken.tsv: rejected, nothing was imported" in refused.output
