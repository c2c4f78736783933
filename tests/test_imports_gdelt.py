"""The GDELT 1.0 sample, read from ../shared/real-data/ (never copied here), imported once per engine
for the whole module (`imported`); each test works inside a savepoint of that import's transaction
(this module's `connection`), so what one test writes the next does not see. Expected values come from
the file itself, read here by str.split."""

from collections.abc import Iterator

import httpx
import pytest
from sqlalchemy import Connection, Engine, func, select
from sqlalchemy.orm import Session

from app.imports.cli import summary
from app.imports.schemas import ImportLayout, ImportReport
from app.models import Revision
from tests.test_imports_events import GDELT, REAL_DATA, events, lines, run

pytestmark = [
    pytest.mark.anyio,
    pytest.mark.skipif(not GDELT.exists(), reason=f"the real files are not at {REAL_DATA}"),
]


@pytest.fixture(scope="module")
def imported(engine: Engine) -> Iterator[tuple[Connection, ImportReport]]:
    """The whole file imported, in a transaction rolled back after the module."""
    with engine.connect() as connection:
        outer = connection.begin()
        with Session(bind=connection, join_transaction_mode="create_savepoint") as session:
            report = run(session, GDELT.read_bytes(), GDELT.name)
            session.commit()  # into the outer transaction (closing the session would roll it back)
        yield connection, report
        outer.rollback()


@pytest.fixture
def connection(imported: tuple[Connection, ImportReport]) -> Iterator[Connection]:
    """The module's connection, in a savepoint rolled back after the test (the `session` and `client`
    fixtures of conftest.py take it)."""
    shared, _ = imported
    savepoint = shared.begin_nested()
    yield shared
    savepoint.rollback()


async def test_a_gdelt_file(
    client: httpx.AsyncClient, session: Session, imported: tuple[Connection, ImportReport]
) -> None:
    _, report = imported
    assert report.applied, report.errors[:3]
    assert (report.layout, report.records, report.rejected) == (ImportLayout.gdelt, 710, 0)
    # 6 rows name no country at all; 27 rows tell of an event another row tells of.
    assert (report.skipped, report.grouped, report.inserted) == (6, 27, 677)
    assert report.inserted == 710 - 6 - 27
    assert summary(GDELT, report).splitlines()[0] == (
        "gdelt_events_sample.tsv (csv, tab-separated, gdelt layout, 710 rows): imported: inserted 677, "
        "updated 0, unchanged 0, skipped 6, rejected 0; 27 rows joined to another row's record"
    )
    file = lines(GDELT)

    # Line 96: Kazakhstan hosts a visit (CAMEO 043) in Pavlodar.
    cells = file[95].split("\t")
    assert (cells[7], cells[26], cells[51]) == ("KAZ", "043", "KZ")
    [visit] = await events(client, country="KAZ", type="visit", date_from="2016-07-28", date_to="2016-07-28")
    assert (visit["date_start"], visit["date_precision"], visit["status"]) == ("2016-07-28", "day", "held")
    assert [c["id"] for c in visit["countries"]] == ["KZ"] and visit["host_country"]["id"] == "KZ"
    [code] = visit["external_codes"]
    assert code == {
        "scheme": "CAMEO",
        "code": "043",
        "label": "Host a visit",
        "intensity": float(cells[30]),
        "url": cells[57],
    }
    [citation] = visit["citations"]
    assert (citation["line"], citation["quote"], citation["paragraph"]) == (96, file[95], None)
    assert citation["source_id"] == report.source_id

    # Line 244: China arrests (173) Japanese, in Beijing: FIPS CH is China, not Switzerland.
    cells = file[243].split("\t")
    assert (cells[7], cells[17], cells[26], cells[51]) == ("CHN", "JPN", "173", "CH")
    found = await events(client, country="CN", date_from="2016-07-28", date_to="2016-07-28")
    arrest = next(e for e in found if [c["line"] for c in e["citations"]] == [244])
    assert arrest["type"] == "other" and arrest["host_country"]["id"] == "CN"
    assert sorted(c["id"] for c in arrest["countries"]) == ["CN", "JP"]
    assert arrest["external_codes"][0]["code"] == "173"
    assert arrest["title"] == f"Arrest, detain, or charge with legal action: {cells[6]} → {cells[16]}"
    # Line 63: the UN appeals (020), in Beijing: no actor is a country, the place is.
    appeal = next(e for e in found if [c["line"] for c in e["citations"]] == [63])
    assert [c["id"] for c in appeal["countries"]] == ["CN"] and appeal["host_country"]["id"] == "CN"

    # The same file again changes nothing: no event, no revision.
    revisions = session.scalar(select(func.count()).select_from(Revision))
    again = run(session, GDELT.read_bytes(), GDELT.name)
    assert (again.applied, again.inserted, again.updated, again.unchanged) == (True, 0, 0, 677)
    assert session.scalar(select(func.count()).select_from(Revision)) == revisions


async def test_two_files_stating_one_event_both_stay_cited(
    client: httpx.AsyncClient, session: Session, imported: tuple[Connection, ImportReport]
) -> None:
    # A second file (here, the first 120 rows of the sample) tells of events the first told of: each
    # event then cites both files' rows, and importing the first file again keeps the second's.
    _, whole = imported
    part = ("\n".join(lines(GDELT)[:120]) + "\n").encode()
    again = run(session, part, "first-rows.tsv", layout=ImportLayout.gdelt)
    assert whole.applied and again.applied and whole.source_id != again.source_id
    [visit] = await events(client, country="KAZ", type="visit", date_from="2016-07-28", date_to="2016-07-28")
    cited = sorted((c["source_id"], c["line"]) for c in visit["citations"])
    assert cited == sorted([(whole.source_id, 96), (again.source_id, 96)])
    run(session, GDELT.read_bytes(), GDELT.name)
    [visit] = await events(client, country="KAZ", type="visit", date_from="2016-07-28", date_to="2016-07-28")
    assert sorted((c["source_id"], c["line"]) for c in visit["citations"]) == cited
