"""The production app plus a few routes that only tests need (a slow query, a write that waits, an
error that must not leak), for the limits, faults and security tests. Never part of app/.

`create()` is a uvicorn factory for the same app in a subprocess (settings from the environment).
"""

import os
import threading
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import httpx
from fastapi import FastAPI, Request
from sqlalchemy import text

from app import datastate
from app.config import Settings
from app.main import create_app
from app.request_session import SessionDep

# Counts to a billion: far longer than any query timeout, on both engines.
SLOW_QUERY = (
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000000) "
    "SELECT count(*) FROM n"
)
LEAKY_MESSAGE = "SELECT secret FROM api_keys WHERE token = 'hunter2'"


class WriteGate:
    """Lets a test hold a write between its statement and its commit."""

    def __init__(self) -> None:
        self.written = threading.Event()
        self.release = threading.Event()


def build(settings: Settings, gate: WriteGate | None = None) -> FastAPI:
    app = create_app(settings)

    @app.get("/test/slow-query")
    def slow_query(session: SessionDep) -> dict[str, Any]:
        return {"count": session.execute(text(SLOW_QUERY)).scalar()}

    @app.get("/test/boom")
    def boom() -> None:
        raise RuntimeError(LEAKY_MESSAGE)

    @app.get("/test/bad-sql")
    def bad_sql(session: SessionDep) -> None:
        session.execute(text("SELECT secret_column FROM no_such_table"))

    @app.post("/test/write")
    def write(
        session: SessionDep, seconds: float = 0, then_slow_query: bool = False, pad_kib: int = 0
    ) -> dict[str, int]:
        version = datastate.bump(session)
        if pad_kib:  # a write that needs new pages: a temporary table's worth of rows
            session.execute(text("CREATE TABLE test_padding (filler TEXT)"))
            session.execute(
                text("INSERT INTO test_padding VALUES (:filler)"), [{"filler": "x" * 1024}] * pad_kib
            )
        if then_slow_query:
            session.execute(text(SLOW_QUERY))
        if gate is not None:
            gate.written.set()
            gate.release.wait(10)
        marker = os.environ.get("HARDENING_APP_MARKER")
        if marker:
            Path(marker).touch()  # tells the test the write is in flight
        time.sleep(seconds)
        return {"version": version.number}

    def statements_share_a_transaction(session: SessionDep) -> dict[str, bool]:
        """PostgreSQL: within a transaction, now() is when it began, before a later statement's time."""
        session.execute(text("SELECT pg_sleep(0.01)"))
        later = session.execute(text("SELECT now() < statement_timestamp()")).scalar()
        return {"shared": bool(later)}

    app.get("/test/transaction", name="readTransaction")(statements_share_a_transaction)
    app.post("/test/transaction", name="writeTransaction")(statements_share_a_transaction)

    @app.post("/test/echo-size")
    async def echo_size(request: Request) -> dict[str, int]:
        return {"bytes": len(await request.body())}

    return app


def create() -> FastAPI:
    """For `uvicorn tests.hardening_app:create --factory`: settings from the environment."""
    return build(Settings())


@asynccontextmanager
async def serve(
    app: FastAPI, client: tuple[str, int] = ("127.0.0.1", 50000)
) -> AsyncIterator[httpx.AsyncClient]:
    """An HTTP client for `app` in process; the engine is disposed afterwards."""
    transport = httpx.ASGITransport(app=app, client=client)
    try:
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
            yield http
    finally:
        app.state.engine.dispose()


def settings_for(url: str, **overrides: Any) -> Settings:
    """Settings for a test app: no rate limit unless the test asks for one, no .env file."""
    values: dict[str, Any] = {"rate_limit_per_minute": 0, **overrides}
    return Settings(_env_file=None, database_url=url, **values)
