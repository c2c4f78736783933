"""The request's session, as a FastAPI dependency (`SessionDep`): one request, one transaction, and the
only place that commits or rolls back. Apart from app.db, which the command line uses for its own
sessions: a `bilateral` command serves nothing, so it does not import the web framework."""

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Annotated, Any, TypeVar

import anyio
import anyio.to_thread
from fastapi import Depends, Request
from sqlalchemy import Engine
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from app.db import READ_ONLY, WriteTurnTimeout, for_writes, lock_wait_ms

T = TypeVar("T")


async def get_session(request: Request) -> AsyncIterator[Session]:
    """The only place that commits: one request, one transaction.

    Async, so that opening and ending the session costs no trips to the thread pool (two of the
    three a read made): opening one does no I/O, and ending a read on SQLite (commit, connection back
    to the pool), or one in autocommit on PostgreSQL that did not fail, is a local call. Anything else
    ends in the thread pool, where a network round trip or
    a write's fsync cannot hold up the event loop: in threads of their own (app.state.finish_threads,
    one per pooled connection), never queued behind handlers. Behind them, a handler waiting for a
    pooled connection would wait for requests that hold one and wait for its thread to end: under
    more concurrent requests than connections, every thread waited out the pool timeout (503s)."""
    maker = request.app.state.sessionmaker
    read = request.method in ("GET", "HEAD")
    bind = maker.kw.get("bind")
    autocommit = read and isinstance(bind, Engine) and bind.dialect.name == "postgresql"
    if autocommit:
        # A read in autocommit: no BEGIN and no COMMIT round trips. Under READ COMMITTED each
        # statement sees what was committed when it began, in a transaction or not: same answers.
        state = request.app.state
        autocommit = (
            state.autocommit_engine
            if bind is state.engine
            else bind.execution_options(isolation_level="AUTOCOMMIT")
        )
        session: Session = maker(bind=autocommit)
    elif not read and isinstance(bind, Engine):
        state = request.app.state
        session = maker(bind=state.write_engine if bind is state.engine else for_writes(bind))
    else:
        session = maker()
    if read:
        session.info[READ_ONLY] = True
    sqlite = session.get_bind().dialect.name == "sqlite"
    inline = read and sqlite
    # SQLite has one writer at a time: this process's writes queue here, without a thread, rather than
    # in BEGIN IMMEDIATE, where a waiting writer would hold a handler thread that the writer it waits
    # for needs to finish (with one thread, each would wait for the other until the busy timeout).
    queue = request.app.state.sqlite_writes if sqlite and not read else None
    if queue is not None:
        with anyio.move_on_after(lock_wait_ms(request.app.state.settings.query_timeout_ms) / 1000) as waited:
            await queue.acquire()
        if waited.cancelled_caught:
            session.close()
            raise WriteTurnTimeout("waited past the lock wait for this process's turn to write")
    failed = False

    def finish() -> None:
        try:
            if failed:
                session.rollback()
                return
            if read:  # nothing to commit: close() ends the transaction
                return
            try:
                session.commit()
            except BaseException:
                session.rollback()  # a failed commit leaves the transaction open: end it here
                raise
        finally:
            # A read that never began a transaction holds no connection and no rows: closing it
            # would only make a fresh identity map.
            if not read or session.in_transaction():
                session.close()

    try:
        yield session
    except BaseException:
        failed = True
        raise
    finally:
        try:
            # A read in autocommit on PostgreSQL leaves no transaction to end: closing it sends
            # nothing (psycopg's rollback of an idle connection is local), unless it failed. Called
            # here it awaits nothing, so no cancellation can come between.
            if inline or (autocommit and not failed):
                finish()
            else:
                # A client that went away still gets its session closed.
                with anyio.CancelScope(shield=True):
                    await anyio.to_thread.run_sync(finish, limiter=request.app.state.finish_threads)
        finally:
            if queue is not None:
                queue.release()


# scope="function": the commit runs before the response is sent, so a failed commit is an error
# response, never a 2xx for a write that was lost (FastAPI's default for a yield dependency,
# "request", commits after the response has gone).
SessionDep = Annotated[Session, Depends(get_session, scope="function")]


_opened = asynccontextmanager(get_session)


class SessionOnDemand:
    """A read's session, opened only if the read needs it (`run`): a read in the event loop
    (`loop_reads`) does not, and pays neither for making the session nor for ending it."""

    def __init__(self, request: Request) -> None:
        self.request = request

    def loop_reads(self) -> Any | None:
        """The app's reads in the event loop, where the app's sessions are its own (bound to its
        engine); None where they are bound elsewhere (a test's, to a connection of its own, whose
        transaction its reads must see) or the app has none."""
        state = self.request.app.state
        reads = getattr(state, "loop_reads", None)
        if reads is None or state.sessionmaker.kw.get("bind") is not state.engine:
            return None
        return reads

    async def run(self, read: Callable[[Session], T]) -> T:
        """`read(session)` in the request's session, opened for it and ended after it as `SessionDep`
        ends one: on SQLite in the event loop (a local file), elsewhere in a handler thread, where a
        plain endpoint runs."""
        async with _opened(self.request) as session:
            if session.get_bind().dialect.name == "sqlite":
                return read(session)
            return await run_in_threadpool(read, session)


async def session_on_demand(request: Request) -> SessionOnDemand:
    return SessionOnDemand(request)


SessionOnDemandDep = Annotated[SessionOnDemand, Depends(session_on_demand)]
