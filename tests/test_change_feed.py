"""The change feed under concurrent writers: a change id becomes visible only after every smaller one,
and a change's time is its commit's, so a mirror following `since=` misses nothing.

Each test has a database of its own (the writes commit), the real app, and a real import running in a
thread on a connection of its own, held after its first batch (its revisions written, not committed)
while API writes commit and a mirror reads the feed.
"""

import asyncio
import io
import itertools
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import datastate
from app.api_keys import create_key
from app.curation.writes import new_id
from app.db import make_engine, make_sessionmaker
from app.imports.repository import ImportOptions, import_file
from app.imports.schemas import ImportReport
from app.models import Organization, Revision
from tests.conftest import Database, migrate_and_seed
from tests.hardening_app import build, serve, settings_for

SOURCE = "velizade-2025-az-kz-relations"
QUOTE = "Ключевым политическим событием года стал государственный визит президента Азербайджана"
EVENT = {
    "type": "working_visit",
    "title_en": "Working visit",
    "title_ru": "Рабочий визит",
    "date": "2025-12",
    "host_country": "AZ",
    "countries": ["AZ", "KZ"],
    "citations": [{"source_id": SOURCE, "quote": QUOTE}],
}
HEADER = "reporter,partner,indicator,period,value,unit,bound,status"
ROWS = 40
BATCH = 10
VISITS = itertools.count(1)


def import_content(cite_text_source: bool) -> bytes:
    """Figures that cite the file (the import creates its dataset source), or a text source."""
    header = HEADER + (",citation_source_id,citation_quote" if cite_text_source else "")
    citation = f",{SOURCE},{QUOTE}" if cite_text_source else ""
    rows = [f"AZ,KZ,exports,{year},{year},USD,exact,reported{citation}" for year in range(1900, 1900 + ROWS)]
    return "\n".join([header, *rows, ""]).encode()


@pytest.fixture
def database(empty_database: Database) -> Database:
    migrate_and_seed(empty_database)
    return empty_database


@pytest.fixture
def writer(database: Database) -> Iterator[dict[str, str]]:
    engine = make_engine(database.url)
    with make_sessionmaker(engine).begin() as session:
        _, secret = create_key(session, "feed-writer", "write")
    engine.dispose()
    yield {"Authorization": f"Bearer {secret}"}


class HeldImport:
    """An import on its own engine, in a thread, held after its first batch until released."""

    def __init__(self, url: str, content: bytes) -> None:
        self.url, self.content = url, content
        self.written, self.release = threading.Event(), threading.Event()
        self.report: ImportReport | None = None
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run)

    def __enter__(self) -> "HeldImport":
        self.thread.start()
        assert self.written.wait(30), self.error
        return self

    def __exit__(self, *_exc: Any) -> None:
        self.release.set()
        self.thread.join(60)

    def finish(self) -> ImportReport:
        self.release.set()
        self.thread.join(60)
        assert self.error is None and self.report is not None and self.report.applied, self.error
        return self.report

    def _hold(self, _position: int) -> None:
        if not self.written.is_set():
            self.written.set()
            self.release.wait(30)

    def _run(self) -> None:
        engine = make_engine(self.url)
        try:
            options = ImportOptions(file_name="feed.csv", actor="import:feed.csv", batch_size=BATCH)
            with make_sessionmaker(engine).begin() as session:
                self.report = import_file(session, io.BytesIO(self.content), options, self._hold)
        except BaseException as exc:  # reported by finish()
            self.error = exc
            self.written.set()
        finally:
            engine.dispose()


class Mirror:
    """Follows `GET /v1/changes?since=<last id>` as docs/curating.md says, and keeps every change read."""

    def __init__(self, client: httpx.AsyncClient) -> None:
        self.client = client
        self.last = 0
        self.seen: list[dict[str, Any]] = []

    async def follow(self) -> None:
        while True:
            response = await self.client.get("/v1/changes", params={"since": self.last, "limit": 1000})
            assert response.status_code == 200, response.text
            items = response.json()["items"]
            if not items:
                return
            self.seen += items
            self.last = items[-1]["id"]


def stored(url: str) -> list[tuple[int, datetime, str]]:
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            rows = connection.execute(
                select(Revision.id, Revision.changed_at, Revision.actor).order_by(Revision.id)
            )
            return [(id_, changed_at, actor) for id_, changed_at, actor in rows]
    finally:
        engine.dispose()


def moment(item: dict[str, Any]) -> datetime:
    return datetime.fromisoformat(item["changed_at"])


async def post_events(client: httpx.AsyncClient, writer: dict[str, str], n: int) -> list[httpx.Response]:
    posts = [
        client.post("/v1/events", json={**EVENT, "title_en": f"Visit {next(VISITS)}"}, headers=writer)
        for _ in range(n)
    ]
    return list(await asyncio.gather(*posts))


@pytest.mark.anyio
@pytest.mark.parametrize("empty_database", ["postgresql"], indirect=True)
@pytest.mark.parametrize("cite_text_source", [False, True], ids=["dataset-source", "text-source"])
async def test_api_writes_during_an_import_succeed_and_a_mirror_misses_nothing(
    database: Database, writer: dict[str, str], cite_text_source: bool
) -> None:
    async with serve(build(settings_for(database.url))) as client:
        mirror = Mirror(client)
        await mirror.follow()
        with HeldImport(database.url, import_content(cite_text_source)) as held:
            await asyncio.sleep(1.1)  # the writes below commit in a later second than the import began
            started = time.monotonic()
            responses = await post_events(client, writer, 5)
            # No lock of the import's stands in their way: they answer at once, not after 5 s with 504.
            assert [r.status_code for r in responses] == [201] * 5, responses[0].text
            assert time.monotonic() - started < 3
            await mirror.follow()  # the writes' changes are read while the import's wait for its commit
            api_changes = list(mirror.seen)
            by_time = await client.get("/v1/changes", params={"since": api_changes[-1]["changed_at"]})
            report = await asyncio.to_thread(held.finish)
        assert report.inserted == ROWS
        await mirror.follow()
        # `since=<timestamp>`, from the time of the last change read before the import committed.
        later = await client.get("/v1/changes", params={"since": by_time.json()["items"][-1]["changed_at"]})
    assert_complete(mirror, database.url)
    imported = [item for item in mirror.seen if item["actor"] == "import:feed.csv"]
    assert len(imported) == ROWS + (0 if cite_text_source else 1)  # and the dataset source
    # The import's changes come after the writes that committed while it ran, in ids and in time.
    assert min(item["id"] for item in imported) > max(item["id"] for item in api_changes)
    assert min(moment(item) for item in imported) >= max(moment(item) for item in api_changes)
    assert {item["id"] for item in imported} <= {item["id"] for item in later.json()["items"]}


@pytest.mark.anyio
@pytest.mark.parametrize("empty_database", ["sqlite"], indirect=True)
async def test_sqlite_api_writes_during_an_import_are_refused_until_it_commits(
    database: Database, writer: dict[str, str]
) -> None:
    """SQLite has one writer at a time, and the import holds the write lock from its first batch: an
    API write meanwhile answers 503 at once, asking for a retry (its transaction read before it
    wrote, so SQLite cannot let it wait), and the retry after the import's commit succeeds. The
    mirror misses nothing either way."""
    async with serve(build(settings_for(database.url))) as client:
        mirror = Mirror(client)
        await mirror.follow()
        with HeldImport(database.url, import_content(cite_text_source=True)) as held:
            [refused] = await post_events(client, writer, 1)
            assert refused.status_code == 503 and refused.headers["retry-after"], refused.text
            await mirror.follow()  # readers are not held up
            assert {item["actor"] for item in mirror.seen} == {"seed"}
            report = await asyncio.to_thread(held.finish)
        assert report.inserted == ROWS
        for _ in range(3):  # one at a time: concurrent writes on SQLite meet the same refusal
            [response] = await post_events(client, writer, 1)
            assert response.status_code == 201, response.text
        await mirror.follow()
    assert_complete(mirror, database.url)
    imported = [item["id"] for item in mirror.seen if item["actor"] == "import:feed.csv"]
    written = [item["id"] for item in mirror.seen if item["actor"] == "feed-writer"]
    assert len(imported) == ROWS and len(written) == 3 and max(imported) < min(written)


def assert_complete(mirror: Mirror, url: str) -> None:
    """The mirror read every change once, and the feed's times never go back."""
    ids = [item["id"] for item in mirror.seen]
    assert len(ids) == len(set(ids))
    table = stored(url)
    assert ids == [id_ for id_, _, _ in table]
    times = [changed_at for _, changed_at, _ in table]
    assert times == sorted(times)


# --- within one transaction (the test's, rolled back) ---


def utc(moment: datetime) -> datetime:
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone(UTC)


def history(session: Session, record_id: str) -> list[tuple[int, str, datetime]]:
    rows = session.execute(
        select(Revision.id, Revision.action, Revision.changed_at)
        .where(Revision.record_id == record_id)
        .order_by(Revision.id)
    )
    return [(id_, str(action), changed_at) for id_, action, changed_at in rows]


def test_revisions_wait_for_the_commit_and_take_its_time(session: Session) -> None:
    version = datastate.current(session)
    last = session.scalar(select(func.max(Revision.id)))
    session.add(Organization(id="probe-org", name_en="Probe", name_ru="Проба"))
    session.flush()
    session.delete(session.get_one(Organization, "probe-org"))
    session.flush()
    assert history(session, "probe-org") == []  # staged, not yet in the feed
    assert datastate.current(session) == version
    # The id of a record deleted in this transaction is taken already: its revisions are staged.
    assert new_id(session, Organization, "probe-org") == "probe-org-2"
    session.commit()
    (created, action, at), (deleted, other, at_too) = history(session, "probe-org")
    assert (action, other) == ("create", "delete") and (last or 0) < created < deleted
    assert datastate.current(session).number == version.number + 1  # once per transaction
    moment = datastate.current(session).changed_at
    assert utc(at) == utc(at_too) == moment >= version.changed_at


def test_revisions_staged_in_a_rolled_back_savepoint_leave_nothing(session: Session) -> None:
    version = datastate.current(session)
    savepoint = session.begin_nested()
    session.add(Organization(id="probe-org", name_en="Probe", name_ru="Проба"))
    session.flush()
    savepoint.rollback()
    session.commit()
    assert history(session, "probe-org") == []
    assert datastate.current(session) == version
