"""How long the explorer's pair page takes on the server: the seed's pair, and a pair with 10,000 trade
figures and 1,000 events (made here with bench/data.py's vocabulary, imported through `bilateral
import` and inserted in bulk as data.py inserts events), in a temporary SQLite file.

    .venv/bin/python bench/explorer.py                 # build, then time each page 30 times
    .venv/bin/python bench/explorer.py --db /tmp/x.db --reuse

Server time is the time from the request entering the ASGI app (every middleware included) to the
last byte of the body, in process, without a network, and the process's CPU time meanwhile; the
first requests are warm-up. Prints a table.
"""

import argparse
import asyncio
import csv
import datetime as dt
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.explorer.reads import CHART_POINTS, TIMELINE_EVENTS
from bench.data import BIN, EVENT_KINDS, INDICATORS, PERIODS, TOPICS, codename, run

PAIR = ("AM", "GE")  # not in the seed: only what is made here
COMMODITIES = [
    "TOTAL",
    "oil",
    "gas",
    "grain",
    "steel",
    "cement",
    "cotton",
    "fertilizer",
    "cars",
    "textile",
    "fish",
    "wine",
]


def write_trade_csv(path: Path, figures: int, seed: int) -> None:
    """`figures` figures of the pair, both directions, every indicator, full years and quarters of
    bench/data.py's thirty years, commodity by commodity; a few of them forecasts, estimates or
    approximate, as real series have."""
    rng = random.Random(seed)
    rows = []
    for commodity in COMMODITIES:
        for reporter, partner in (PAIR, PAIR[::-1]):
            for indicator in INDICATORS:
                for year, quarter in PERIODS:
                    period = (
                        str(year)
                        if quarter == 0
                        else f"{year}-{3 * quarter - 2:02d}/{year}-{3 * quarter:02d}"
                    )
                    status = (
                        "forecast"
                        if year == 2024 and quarter == 0
                        else rng.choice(["reported"] * 9 + ["estimate"])
                    )
                    bound = rng.choice(["exact"] * 8 + ["approximate", "at_least"])
                    rows.append(
                        [
                            reporter,
                            partner,
                            indicator,
                            commodity,
                            period,
                            rng.randint(10_000, 5_000_000_000),
                            "USD",
                            bound,
                            status,
                        ]
                    )
    if figures > len(rows):
        raise SystemExit(f"--figures at most {len(rows)}")
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(
            ["reporter", "partner", "indicator", "commodity", "period", "value", "unit", "bound", "status"]
        )
        writer.writerows(rows[:figures])


def insert_events(url: str, events: int, seed: int) -> None:
    """As bench/data.py inserts events, for the one pair, dated to a day, a month or a year."""
    from sqlalchemy import insert

    from app.db import make_engine
    from app.models import Event, event_countries

    rng = random.Random(seed + 1)
    batch, links = [], []
    for n in range(events):
        kind, label = rng.choice(EVENT_KINDS)
        start = dt.date(1995, 1, 1) + dt.timedelta(days=rng.randrange(30 * 365))
        precision = rng.choice(["day"] * 8 + ["month", "year"])
        if precision == "year":
            start, end = dt.date(start.year, 1, 1), dt.date(start.year, 12, 31)
        elif precision == "month":
            start = start.replace(day=1)
            end = (start + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
        else:
            end = start + dt.timedelta(days=rng.randrange(4))
        title = f"{label}: Armenia and Georgia on {' '.join(rng.sample(TOPICS, 3))} ({codename(n)})"
        batch.append(
            {
                "id": f"bench-pair-event-{n:05d}",
                "type": kind,
                "title_en": title,
                "title_ru": title,
                "date_start": start,
                "date_end": end,
                "date_precision": precision,
                "host_country_id": PAIR[n % 2],
                "version": 1,
            }
        )
        links += [{"event_id": batch[-1]["id"], "country_id": code} for code in PAIR]
    engine = make_engine(url)
    with engine.begin() as conn:
        conn.execute(insert(Event.__table__), batch)
        conn.execute(insert(event_countries), links)
    engine.dispose()


def build(db: Path, figures: int, events: int, seed: int, url: str | None = None) -> None:
    """Into the SQLite file `db`, or into the (empty) database at `url`."""
    if url is None:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
    env = {**os.environ, "DATABASE_URL": url or f"sqlite:///{db}"}
    run([str(BIN / "bilateral"), "db", "upgrade"], env)
    run([str(BIN / "bilateral"), "seed"], env)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "pair.csv"
        write_trade_csv(path, figures, seed)
        run([str(BIN / "bilateral"), "import", "trade-figures", str(path), "--actor", "bench"], env)
    insert_events(env["DATABASE_URL"], events, seed)
    from app import datastate
    from app.db import make_engine, make_sessionmaker

    engine = make_engine(env["DATABASE_URL"])
    with make_sessionmaker(engine).begin() as session:
        datastate.bump(session)  # the events went in behind the API's back
    engine.dispose()


async def timings(db: Path, urls: list[str], repeat: int) -> dict[str, tuple[list[float], list[float]]]:
    import httpx

    from app.config import Settings
    from app.main import create_app

    # No response cache: the /v1 rows then cost what a first request costs (pages are never cached).
    settings = Settings(
        _env_file=None,
        database_url=f"sqlite:///{db}",
        rate_limit_per_minute=0,
        log_level="warning",
        response_cache_mb=0,
    )
    app = create_app(settings)
    found: dict[str, tuple[list[float], list[float]]] = {}
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://bench") as client:
        for url in urls:
            headers = {"Accept": "text/html"}
            for _ in range(3):
                response = await client.get(url, headers=headers)
                assert response.status_code == 200, (url, response.status_code, response.text[:500])
            times, cpu = [], []
            for _ in range(repeat):
                started, used = time.perf_counter(), time.process_time()
                response = await client.get(url, headers=headers)
                times.append((time.perf_counter() - started) * 1000)
                cpu.append((time.process_time() - used) * 1000)
                size = len(response.content)
            found[f"{url} ({size / 1000:,.0f} kB)"] = (times, cpu)
    app.state.engine.dispose()
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--db", type=Path, default=Path(tempfile.gettempdir()) / "bilateral-explorer-bench.db"
    )
    parser.add_argument("--reuse", action="store_true", help="use --db as an earlier run built it")
    parser.add_argument("--figures", type=int, default=10_000)
    parser.add_argument("--events", type=int, default=1_000)
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if not (args.reuse and args.db.exists()):
        started = time.perf_counter()
        build(args.db, args.figures, args.events, args.seed)
        took = time.perf_counter() - started
        print(
            f"built {args.db} ({args.figures:,} figures, {args.events:,} events of "
            f"{'/'.join(PAIR)}) in {took:.0f} s"
        )
    a, b = PAIR
    urls = [
        "/pairs/AZ/KZ",
        f"/pairs/{a}/{b}",
        f"/v1/relations/{a}/{b}",
        f"/v1/relations/{a}/{b}?points={CHART_POINTS}",
        f"/v1/events?country={a}&country={b}&limit={TIMELINE_EVENTS}&sort=-date",
        "/sources/velizade-2025-az-kz-relations",
        "/",
    ]
    results = asyncio.run(timings(args.db, urls, args.repeat))
    print(f"\nserver time, ms, {args.repeat} requests each after 3 warm-up (in process, SQLite)")
    print("wall: from the request to the last byte; cpu: the process's CPU time meanwhile (all threads),")
    print("which other processes on a shared machine disturb less than the wall clock")
    print(f"{'page':<66} {'wall median':>11} {'p90':>7} {'min':>7} {'cpu median':>10} {'min':>7}")
    for url, (times, cpu) in results.items():
        ordered = sorted(times)
        p90 = ordered[int(len(ordered) * 0.9) - 1]
        print(
            f"{url:<66} {statistics.median(times):>11.1f} {p90:>7.1f} {ordered[0]:>7.1f} "
            f"{statistics.median(cpu):>10.1f} {min(cpu):>7.1f}"
        )


if __name__ == "__main__":
    main()
