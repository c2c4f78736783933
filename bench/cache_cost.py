"""The response cache's own CPU per request, in process (issue 16's random mix: cache on against off).

    .venv/bin/python bench/cache_cost.py --db bench/results/data-200000-50000-seed5/bench.db

Two measures on a SQLite file `bench/run.py --build-only` built, each the process's CPU time
(`time.process_time`) over --requests requests, one at a time, for --rounds rounds:
- the middleware alone (app/cache.py `ResponseCache`) around an app that answers fixed bytes, every
  request a new URL: what a miss costs beyond computing the answer (the data version read, the key,
  keeping the copy);
- the whole app with its cache on: a first pass over distinct trade-figure pages (misses: computed
  and kept) and a second pass over the same pages (hits).
"""

import argparse
import asyncio
import os
import sys
import time
from pathlib import Path
from types import SimpleNamespace
from typing import Any

CHECKOUT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(CHECKOUT))

from bench.overhead import scope_for  # noqa: E402  (the checkout first on the path)

BODY = b"x" * 20_000


async def fixed(_scope: Any, _receive: Any, send: Any) -> None:
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(BODY)).encode())]
    await send({"type": "http.response.start", "status": 200, "headers": [*headers, (b"etag", b'W/"abc"')]})
    await send({"type": "http.response.body", "body": BODY})


async def receive() -> dict[str, Any]:
    return {"type": "http.request", "body": b"", "more_body": False}


async def call(app: Any, url: str, owner: Any = None) -> int:
    status = 0

    async def send(message: dict[str, Any]) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]

    await app({**scope_for(url, [(b"host", b"127.0.0.1:8000")]), "app": owner}, receive, send)
    return status


async def middleware_alone(requests: int, offset: int) -> float:
    from app.cache import ResponseCache, Store
    from app.config import Settings
    from app.db import engine_for, make_sessionmaker

    settings = Settings()
    engine = engine_for(settings)
    state = SimpleNamespace(sessionmaker=make_sessionmaker(engine), settings=settings, engine=engine)
    cache = ResponseCache(fixed, Store(64 * 1024 * 1024))
    owner = SimpleNamespace(state=state)
    started = time.process_time()
    for n in range(requests):
        await call(cache, f"/v1/x?n={offset + n}", owner)
    engine.dispose()
    return (time.process_time() - started) / requests * 1e6


async def whole_app(requests: int) -> tuple[float, float]:
    from app.config import Settings
    from app.main import create_app

    app = create_app(Settings())
    urls = [f"/v1/trade-figures?sort=id&limit=20&value_min={n}" for n in range(requests)]
    async with app.router.lifespan_context(app):
        for n in range(200):  # warm-up: not the measured pages
            await call(app, f"/v1/trade-figures?sort=id&limit=20&value_min={10**9 + n}")
        passes = []
        for _ in range(2):
            started = time.process_time()
            for url in urls:
                assert await call(app, url) == 200
            passes.append((time.process_time() - started) / requests * 1e6)
    return passes[0], passes[1]


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--db", type=Path, required=True, help="a SQLite file bench/run.py built")
    parser.add_argument("--requests", type=int, default=1500)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    os.environ.update(
        DATABASE_URL=f"sqlite:///{args.db.resolve()}",
        BILATERAL_RATE_LIMIT_PER_MINUTE="0",
        BILATERAL_RESPONSE_CACHE_MB="64",
        BILATERAL_LOG_LEVEL="warning",
    )
    print(f"load average {os.getloadavg()[0]:.2f}")
    for n in range(args.rounds):
        alone = asyncio.run(middleware_alone(args.requests * 10, n * args.requests * 10))
        miss, hit = asyncio.run(whole_app(args.requests))
        print(
            f"round {n + 1}: middleware alone, a miss {alone:.1f} us | "
            f"whole app: miss {miss:,.0f} us, hit {hit:.0f} us"
        )
    print(f"load average {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
