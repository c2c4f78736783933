"""One record by id on SQLite, read in the event loop on a connection of the worker's own
(`app.sqlite_reads.LoopReads`): the same answers as through the request's session, the data version
of its own statement, no connection of the engine's pool used, and a connection that fails replaced
at the next read."""

from typing import Any

import pytest
from sqlalchemy import event

from tests.conftest import Database
from tests.hardening_app import build, serve, settings_for
from tests.test_loop_reads import (
    answer,
    names_the_data_version_its_own_statement_read,
    record_paths,
    record_variants,
    revisions_are_read_in_the_loop_as_through_the_session,
    sessions_made,
)

on_sqlite = pytest.mark.parametrize("empty_database", ["sqlite"], indirect=True)


def checkouts(engine: Any) -> list[Any]:
    """The connections the engine's pool hands out from now on, recorded."""
    taken: list[Any] = []
    event.listen(engine.pool, "checkout", lambda connection, _record, _proxy: taken.append(connection))
    return taken


@on_sqlite
@pytest.mark.anyio
async def test_a_record_is_read_in_the_event_loop_and_answered_as_through_the_session(
    seeded: Database,
) -> None:
    paths = record_paths(seeded.url)
    variants = record_variants(paths)
    app = build(settings_for(seeded.url, response_cache_mb=0))
    async with serve(app) as client:
        await client.get(paths[0])  # the routes built, the reads' connection opened
        taken = checkouts(app.state.engine)
        in_loop = [answer(await client.get(path)) for path in variants]
        pooled = len(taken)
        assert not app.state.loop_reads._connection.in_transaction  # each snapshot ended
        app.state.loop_reads = None  # every record through the session, as before
        through_session = [answer(await client.get(path)) for path in variants]
    assert pooled == 2  # as of a day, and the missing record, only
    assert [status for status, _, _ in in_loop] == [200] * (len(variants) - 1) + [404]
    assert in_loop == through_session
    assert b'"intensity":10.0' in in_loop[variants.index(paths[5])][2]  # an event's codes, read apart


@on_sqlite
@pytest.mark.anyio
async def test_a_record_names_the_data_version_its_own_statement_read(seeded: Database) -> None:
    await names_the_data_version_its_own_statement_read(seeded)


@on_sqlite
@pytest.mark.anyio
async def test_a_records_revisions_are_read_in_the_event_loop_and_answered_as_through_the_session(
    seeded: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    await revisions_are_read_in_the_loop_as_through_the_session(seeded, monkeypatch)


@on_sqlite
@pytest.mark.anyio
async def test_a_failed_read_is_answered_as_the_sessions_and_the_next_opens_another_connection(
    seeded: Database,
) -> None:
    [path, *_] = record_paths(seeded.url)
    app = build(settings_for(seeded.url, response_cache_mb=0))
    async with serve(app) as client:
        assert (await client.get(path)).status_code == 200
        reads = app.state.loop_reads
        failing = reads._connection
        failing.set_progress_handler(lambda: 1, 1)  # every statement interrupted, as past its deadline
        failed = await client.get(path)
        assert failed.status_code == 504, failed.text
        assert failed.headers["content-type"] == "application/problem+json"
        assert (await client.get(path)).status_code == 200
        assert reads._connection is not failing
    assert reads._connection is None  # closed with the engine


def test_a_database_in_memory_has_no_reads_of_their_own() -> None:
    app = build(settings_for("sqlite://", response_cache_mb=0))
    try:
        assert app.state.loop_reads is None
    finally:
        app.state.engine.dispose()


@on_sqlite
@pytest.mark.anyio
async def test_a_record_read_in_the_loop_opens_no_session_and_one_read_through_a_session_ends_it(
    seeded: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = record_paths(seeded.url)
    app = build(settings_for(seeded.url, response_cache_mb=0))
    async with serve(app) as client:
        await client.get(paths[0])  # the routes built, the reads' connection opened
        opened = sessions_made(monkeypatch)
        for path in paths:  # each in the loop
            assert (await client.get(path)).status_code == 200
        assert opened == []
        assert (await client.get(f"{paths[0]}?as_of=2025-12-31")).status_code == 200  # through a session
        assert (await client.get("/v1/trade-figures/no-such-figure")).status_code == 404  # through one too
        assert (await client.get("/v1/trade-figures?limit=2")).status_code == 200  # a list's session
        assert len(opened) == 3
        assert not any(session.in_transaction() for session in opened)  # each ended
        assert app.state.engine.pool.checkedout() == 0
