"""Search latency for rare and common words, in process, on a database `bench/run.py` built (issue 16).

    .venv/bin/python bench/search_words.py bench/results/data-200000-200000-seed5/bench.db
    .venv/bin/python bench/search_words.py postgresql+psycopg://postgres@127.0.0.1:5432/bilateral_bench

Times `app.search.repository.search` (the query, the cursor, the snippets: everything but HTTP) for
the first page and the page after it, for rare made-up words (about 25 events each at 200k events) and
for words that many events share ("visit": 3 of the 8 event kinds). Prints the best of `--repeat`
timings in milliseconds (the least disturbed by other work on the machine), wall and this process's
CPU (on SQLite the whole cost), on PostgreSQL also the database server's CPU for page 1 (its backend
process's run time, from /proc/PID/schedstat: the server must run on this machine), and each common
word's ratio to the rare words' median, by wall.
"""

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import text as sql

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# bench/run.py codename(n): made-up words that about 25 of 200,000 events carry each.
RARE = ["kakakax", "rararax", "milovix", "nesavix", "dobekux"]
COMMON = ["visit", "state visit", "meeting", "energy", "energy port"]


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("database", help="a SQLite file or a database URL")
    parser.add_argument("--repeat", type=int, default=15, help="timed calls per word and page")
    parser.add_argument("--type", default="event", help="the `type` filter, as the benchmark uses it")
    parser.add_argument("--ranked-at-once", type=int, help="the block size (app.search.text.RANKED_AT_ONCE)")
    args = parser.parse_args()
    url = args.database if "://" in args.database else f"sqlite:///{args.database}"

    from app.config import Settings
    from app.db import engine_for, make_sessionmaker
    from app.models import SearchRecordType
    from app.search import text
    from app.search.repository import search
    from app.search.schemas import SearchParams

    if args.ranked_at_once:
        text.RANKED_AT_ONCE = args.ranked_at_once

    engine = engine_for(Settings(database_url=url))
    sessions = make_sessionmaker(engine)
    types = [SearchRecordType(args.type)] if args.type else []

    def timed(q: str) -> tuple[float, float, float, float]:
        first, second, cpu, server = [], [], [], []
        with sessions() as session:
            backend = server_cpu_s(session)
            for _ in range(args.repeat):
                started, started_cpu = time.perf_counter(), time.process_time()
                started_server = backend()
                _, cursor = search(session, SearchParams(q=q, type=types, limit=20))
                server.append(backend() - started_server)
                first.append(time.perf_counter() - started)
                cpu.append(time.process_time() - started_cpu)
                if cursor is None:
                    continue
                started = time.perf_counter()
                search(session, SearchParams(q=q, type=types, limit=20, cursor=cursor))
                second.append(time.perf_counter() - started)
        ms = lambda values: min(values) * 1000 if values else float("nan")  # noqa: E731
        return ms(first), ms(second), ms(cpu), ms(server)

    print(f"{'q':<14}{'page 1 ms':>11}{'page 2 ms':>11}{'p.1 CPU ms':>12}{'db CPU ms':>11}{'× rare':>9}")
    rare = []
    for q in RARE:
        first, second, cpu, server = timed(q)
        rare.append(first)
        print(f"{q:<14}{first:>11.2f}{second:>11.2f}{cpu:>12.2f}{server:>11.2f}")
    baseline = statistics.median(rare)
    for q in COMMON:
        first, second, cpu, server = timed(q)
        print(f"{q:<14}{first:>11.2f}{second:>11.2f}{cpu:>12.2f}{server:>11.2f}{first / baseline:>9.1f}")
    engine.dispose()
    return 0


def server_cpu_s(session: Any) -> Callable[[], float]:
    """On PostgreSQL, a clock of the CPU time of the session's backend process (nanoseconds in
    /proc/PID/schedstat, where /proc/PID/stat counts 10 ms ticks); elsewhere a clock that stays at 0."""
    if session.get_bind().dialect.name != "postgresql":
        return lambda: 0.0
    pid = session.execute(sql("SELECT pg_backend_pid()")).scalar_one()
    return lambda: process_cpu_s(pid)


def process_cpu_s(pid: int) -> float:
    return int(Path(f"/proc/{pid}/schedstat").read_text().split()[0]) / 1e9


if __name__ == "__main__":
    raise SystemExit(main())
