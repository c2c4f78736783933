"""SharedReads: concurrent requests share a reading of the data version, never one begun before them."""

import anyio
import pytest

from app.cache import SharedReads

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


class Database:
    """A version that writes bump; each reading holds until released, so the test decides what
    happens while it is under way."""

    def __init__(self) -> None:
        self.version = 1
        self.started = 0
        self.release = anyio.Event()
        self.began = anyio.Event()

    async def read(self) -> int:
        self.started += 1
        seen = self.version  # a statement sees what was committed when it began
        self.began.set()
        await self.release.wait()
        return seen


async def test_a_request_arriving_during_a_reading_gets_the_next_one() -> None:
    database = Database()
    shared = SharedReads(database.read)
    results: dict[str, int] = {}

    async def request(name: str) -> None:
        results[name] = await shared()

    async with anyio.create_task_group() as tasks:
        tasks.start_soon(request, "first")
        await database.began.wait()  # the first reading has begun, at version 1
        database.version = 2  # a write commits; its client now asks again, through this process
        for name in ("second", "third", "fourth"):
            tasks.start_soon(request, name)
        await anyio.wait_all_tasks_blocked()
        database.release.set()
    assert results == {"first": 1, "second": 2, "third": 2, "fourth": 2}
    assert database.started == shared.readings == 2  # four requests, two round trips


async def test_an_error_reaches_every_request_that_shared_the_reading() -> None:
    async def broken() -> int:
        await anyio.sleep(0.01)
        raise ConnectionError("database went away")

    shared = SharedReads(broken)
    errors: list[BaseException] = []

    async def request() -> None:
        try:
            await shared()
        except ConnectionError as exc:
            errors.append(exc)

    async with anyio.create_task_group() as tasks:
        for _ in range(3):
            tasks.start_soon(request)
    assert len(errors) == 3
    assert shared.readings == 2  # the first request's own, then one for the two that came during it


async def test_the_others_get_their_answer_when_the_request_running_the_reading_is_cancelled() -> None:
    database = Database()
    shared = SharedReads(database.read)
    results: dict[str, int] = {}
    runner_scope = anyio.CancelScope()

    async def request(name: str) -> None:
        results[name] = await shared()

    async def runner() -> None:
        with runner_scope:
            await shared()

    async with anyio.create_task_group() as tasks:
        tasks.start_soon(request, "first")
        await database.began.wait()  # reading 1 under way
        tasks.start_soon(runner)  # will run reading 2, once reading 1 is done
        await anyio.wait_all_tasks_blocked()
        tasks.start_soon(request, "joined")  # joins reading 2
        await anyio.wait_all_tasks_blocked()
        runner_scope.cancel()  # its client went away
        database.release.set()
    assert results == {"first": 1, "joined": 1}
    assert shared.readings == 2
