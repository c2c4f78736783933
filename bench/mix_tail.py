"""The random mix's tail: each of its URLs timed alone, in process, one request at a time (one
connection, nothing queued behind anything), with the response cache off, so that a p99 of the mix
can be split into the URLs that are slow by themselves and what queues behind them.

    .venv/bin/python bench/mix_tail.py --db bench/results/data-200000-50000-seed5/bench.db
    .venv/bin/python bench/mix_tail.py --db bench/results/data-200000-50000-seed5/bench.db \
        --database-url postgresql+psycopg://postgres@127.0.0.1:5432/x --json /tmp/pg.json
    .venv/bin/python bench/mix_tail.py --db … --only "trade-figures by value" --top 0   # one kind

The URLs are `bench/overhead.py --mix`'s (kept beside the database) and the cursor pages `bench/run.py`
adds to the mix (pages 2 and 3 of `mix.cursor_seeds`, followed here through the app's own answers).
Each URL is asked once to warm up, then `--repeat` times; its cost is the least of those in CPU time,
the app's process (every thread) and, on PostgreSQL, the database's backends (their `schedstat`, in
nanoseconds): unlike the wall clock, it does not grow when other processes share the cores. Prints the
distribution over the URLs (each URL once, as the mix asks them at random), the slowest `--top` per
cent by kind, and every kind's median and maximum.
"""

import argparse
import contextlib
import json
import os
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.overhead import Driver, _loop_runner, mix_urls

HEADERS = [(b"host", b"127.0.0.1:8000")]


def percentile(sorted_values: list[float], share: float) -> float:
    """The nearest-rank percentile of already sorted values."""
    rank = max(1, round(share * len(sorted_values) + 0.5))
    return sorted_values[min(rank, len(sorted_values)) - 1]


async def cursor_pages(driver: Driver, db: Path, seed: int) -> dict[str, list[str]]:
    """Pages 2 and 3 of each of `mix.cursor_seeds`, through the cursors the app hands out, by kind,
    as `checks.next_pages` finds them against a live server."""
    import sqlite3

    from bench import mix

    with sqlite3.connect(db) as conn:
        [(events,)] = conn.execute("SELECT count(*) FROM events").fetchall()
    found: dict[str, list[str]] = {}
    for twin in mix.cursor_seeds(mix.read_data(db, events), seed):
        path = twin.api
        for _ in range(2):
            status, _, body = await driver.get(path, HEADERS)
            cursor = json.loads(body).get("next_cursor") if status == 200 else None
            if not cursor:
                break
            path = f"{twin.api}&cursor={quote(cursor)}"
            found.setdefault(f"{twin.kind}, next page", []).append(path)
    return found


class Backends:
    """The CPU time of a PostgreSQL database's server processes (none for SQLite), read from
    /proc/<pid>/schedstat: the backends serving the app's connections, found by the database's name
    (each benchmark database is used by one process at a time; not autovacuum)."""

    def __init__(self, database_url: str) -> None:
        from sqlalchemy import create_engine, make_url, text

        url = make_url(database_url)
        self.pids: list[int] = []
        if url.get_backend_name() != "postgresql":
            self.engine = None
            return
        self.engine = create_engine(url)
        self.query = text(
            "SELECT pid FROM pg_stat_activity WHERE datname = :name AND backend_type = 'client backend'"
            " AND pid <> pg_backend_pid()"
        )
        self.name = url.database

    def refresh(self) -> None:
        if self.engine is not None:
            with self.engine.connect() as conn:
                self.pids = list(conn.execute(self.query, {"name": self.name}).scalars())

    def cpu_ns(self) -> int:
        total = 0
        for pid in self.pids:
            with contextlib.suppress(FileNotFoundError):
                total += int(Path(f"/proc/{pid}/schedstat").read_text().split()[0])
        return total


def time_each(
    database_url: str, urls: dict[str, list[str]], db: Path, seed: int, repeat: int, only: list[str] | None
) -> list[dict]:
    from app.config import Settings
    from app.main import create_app

    settings = Settings(
        _env_file=None,
        database_url=database_url,
        rate_limit_per_minute=0,
        response_cache_mb=0,  # cold: every answer computed, as the mix's cache-off cell
        log_level="info",
    )
    app = create_app(settings)
    driver = Driver(app)
    backends = Backends(database_url)

    async def run() -> list[dict]:
        timed = []
        async with app.router.lifespan_context(app):
            every = dict(urls)
            if seed >= 0:
                for kind, pages in (await cursor_pages(driver, db, seed)).items():
                    every.setdefault(kind, []).extend(pages)
            for kind, paths in every.items():
                if only and kind not in only:
                    continue
                for path in paths:
                    status, _, _ = await driver.get(path, HEADERS)
                    if status != 200:
                        raise SystemExit(f"{path}: {status}")
                    backends.refresh()
                    wall, app_cpu, server_cpu = [], [], []
                    for _ in range(repeat):
                        started, used, served = time.perf_counter(), time.process_time(), backends.cpu_ns()
                        await driver.get(path, HEADERS)
                        wall.append((time.perf_counter() - started) * 1000)
                        app_cpu.append((time.process_time() - used) * 1000)
                        server_cpu.append((backends.cpu_ns() - served) / 1e6)
                    best = min(range(repeat), key=lambda at: app_cpu[at] + server_cpu[at])
                    timed.append(
                        {
                            "kind": kind,
                            "url": path,
                            "ms": app_cpu[best] + server_cpu[best],
                            "app_ms": app_cpu[best],
                            "server_ms": server_cpu[best],
                            "wall_ms": min(wall),
                        }
                    )
        return timed

    real_stderr, sys.stderr = sys.stderr, open(os.devnull, "w")  # noqa: SIM115  (the access log)
    try:
        result: list[dict] = _loop_runner()(run())
    finally:
        sys.stderr.close()
        sys.stderr = real_stderr
    app.state.engine.dispose()
    if backends.engine is not None:
        backends.engine.dispose()
    return result


def report(timed: list[dict], top: float) -> None:
    values = sorted(t["ms"] for t in timed)
    print(f"\n{len(values)} URLs, each alone, CPU ms (app + database server; the least of its repeats):")
    shown = {"p50": 0.50, "p90": 0.90, "p95": 0.95, "p99": 0.99}
    print("  ".join(f"{name} {percentile(values, share):.2f}" for name, share in shown.items()), end="  ")
    print(f"max {values[-1]:.2f}  mean {statistics.fmean(values):.2f}")
    by_kind: dict[str, list[float]] = {}
    for t in timed:
        by_kind.setdefault(t["kind"], []).append(t["ms"])
    if top:
        slowest = sorted(timed, key=lambda t: -t["ms"])[: max(1, round(len(timed) * top / 100))]
        cut = slowest[-1]["ms"]
        print(f"\nthe slowest {top:g} % ({len(slowest)} URLs, ≥ {cut:.2f} ms), by kind:")
        counts: dict[str, int] = {}
        for t in slowest:
            counts[t["kind"]] = counts.get(t["kind"], 0) + 1
        for kind, n in sorted(counts.items(), key=lambda kv: -kv[1]):
            print(f"  {n:4d} of {len(by_kind[kind]):4d}  {kind}")
        print("\nthe ten slowest URLs:")
        for t in slowest[:10]:
            print(f"  {t['ms']:8.2f}  {t['url']}")
    print(f"\n{'kind':<44} {'URLs':>5} {'p50':>7} {'p95':>7} {'max':>7} {'share of time':>13}")
    total = sum(values)
    for kind, times in sorted(by_kind.items(), key=lambda kv: -max(kv[1])):
        ordered = sorted(times)
        print(
            f"{kind:<44} {len(ordered):>5} {percentile(ordered, 0.5):>7.2f} "
            f"{percentile(ordered, 0.95):>7.2f} {ordered[-1]:>7.2f} {sum(ordered) / total:>12.1%}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, required=True, help="the SQLite file bench/run.py built")
    parser.add_argument("--database-url", help="the PostgreSQL database bench/run.py built, not --db")
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--only", nargs="*", help="only these kinds (default: all)")
    parser.add_argument("--no-cursor-pages", action="store_true", help="leave out the mix's cursor pages")
    parser.add_argument("--repeat", type=int, default=5, help="timed requests per URL (after one warm-up)")
    parser.add_argument("--top", type=float, default=3.0, help="list the slowest this many per cent by kind")
    parser.add_argument("--json", type=Path, help="write every URL's time here")
    args = parser.parse_args()
    urls = mix_urls(args.db, args.seed)
    timed = time_each(
        args.database_url or f"sqlite:///{args.db}",
        urls,
        args.db,
        -1 if args.no_cursor_pages else args.seed,
        args.repeat,
        args.only,
    )
    if args.json:
        args.json.write_text(json.dumps(timed, indent=1) + "\n")
    report(timed, args.top)


if __name__ == "__main__":
    main()
