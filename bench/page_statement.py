"""The PostgreSQL server's cost of a cold list page and of one record: the CPU time of the backend
that serves the API per request, and, from the server's log, the time of each page statement.

    .venv/bin/python bench/page_statement.py postgresql+psycopg://postgres@127.0.0.1:5432/bilateral_bench \
        --db bench/results/data-200000-50000-seed5/bench.db --urls /tmp/urls.json
    .venv/bin/python bench/page_statement.py URL --db FILE --urls /tmp/urls.json \
        --server-log /var/log/postgresql/postgresql-15-main.log      # and each statement's server time

The database is one `bench/run.py --database postgresql --build-only` built (`--db`: the SQLite file
built beside it, read for the URLs of `bench/run.py`'s cold cells; `--urls` keeps them in a file, so
that two trees are measured on the same URLs). The API runs in this process (response cache off),
answering one request at a time on one connection, as `bench/overhead.py` asks it. Per request: the
CPU time of the connection's backend process (/proc/PID/schedstat: nanoseconds, so the server must
run on this machine; Linux only) and of this process (the API), each the median of `--requests`
requests cycling through the cell's URLs, after a warm-up (psycopg prepares a statement on its fifth
execution). With `--server-log` (the server's log file, readable here; the setting needs a superuser):
`log_min_duration_statement = 0` is set for the database during a second pass, and the server time
of each page (or record) statement, its parse, bind and execute added up, is read back from the log:
the median over the pass. CPU time moves less than wall time with other work on the machine.
"""

import argparse
import asyncio
import json
import os
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

CHECKOUT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(CHECKOUT))

from bench.overhead import Driver  # noqa: E402
from bench.search_words import process_cpu_s  # noqa: E402

KINDS = (
    "first page",
    "deep page (~90%)",
    "trade by pair, by year",
    "trade by indicator+years",
    "events by country+dates",
    "one record by id",
)
WARM_UP = 20


def cell_urls(db: Path, path: Path | None) -> dict[str, list[str]]:
    """The cold URLs of each kind (`bench/mix.py`), kept in `path` for the next run."""
    if path is not None and path.exists():
        found: dict[str, list[str]] = json.loads(path.read_text())
        return found
    from bench import mix

    cells = mix.named_cells(mix.read_data(db, 1), seed=5)
    urls = {kind: list(dict.fromkeys(twin.api for twin in cells[kind])) for kind in KINDS}
    if path is not None:
        path.write_text(json.dumps(urls, indent=1))
    return urls


def backends(url: str) -> list[int]:
    """The pids of the client backends connected to the database (but this query's)."""
    import psycopg

    with psycopg.connect(_libpq(url)) as connection:
        return [
            pid
            for (pid,) in connection.execute(
                "SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
                "AND backend_type = 'client backend' AND pid <> pg_backend_pid()"
            )
        ]


def set_statement_log(url: str, on: bool) -> None:
    import psycopg

    with psycopg.connect(_libpq(url), autocommit=True) as connection:
        name = connection.info.dbname
        change = "SET log_min_duration_statement = 0" if on else "RESET log_min_duration_statement"
        connection.execute(f'ALTER DATABASE "{name}" {change}')


def _libpq(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def measure(url: str, urls: dict[str, list[str]], requests: int, log: Path | None) -> dict[str, dict]:
    from app.config import Settings
    from app.main import create_app

    settings = Settings(
        _env_file=None, database_url=url, rate_limit_per_minute=0, response_cache_mb=0, log_level="warning"
    )
    app = create_app(settings)
    driver = Driver(app)
    results: dict[str, dict] = {}

    async def get(each: str) -> None:
        status, _, _ = await driver.get(each, [(b"host", b"127.0.0.1")])
        if status != 200:
            raise SystemExit(f"{each}: {status}")

    async def run() -> None:
        async with app.router.lifespan_context(app):
            for kind, cycle in urls.items():
                for i in range(WARM_UP):
                    await get(cycle[i % len(cycle)])
                pids = backends(url)
                server, api = [], []
                for i in range(requests):
                    before = sum(process_cpu_s(pid) for pid in pids), time.process_time()
                    await get(cycle[i % len(cycle)])
                    server.append(sum(process_cpu_s(pid) for pid in pids) - before[0])
                    api.append(time.process_time() - before[1])
                results[kind] = {
                    "server_cpu_us": statistics.median(server) * 1e6,
                    "api_cpu_us": statistics.median(api) * 1e6,
                    "backends": len(pids),
                }
                if log is not None:
                    offset = log.stat().st_size
                    for i in range(requests):
                        await get(cycle[i % len(cycle)])
                    times = statement_times(log, offset, pids)
                    results[kind]["statement_ms"] = statistics.median(times) if times else None
                    results[kind]["statements"] = len(times)
                    sent = statements_sent(log, offset, pids)
                    results[kind]["round_trips"] = sum(sent.values()) / requests
                    results[kind]["sent"] = {sql: n / requests for sql, n in sent.most_common()}

    if log is not None:
        set_statement_log(url, True)
    try:
        asyncio.run(run())
    finally:
        app.state.engine.dispose()
        if log is not None:
            set_statement_log(url, False)
    return results


_DURATION = re.compile(
    r"\[(\d+)\] \S+ LOG:  duration: ([0-9.]+) ms  (parse|bind|execute|statement)[^:]*: (.*)", re.S
)
# A page statement or one record's: the statements that write relations as JSON.
_MEASURED = re.compile(r"^WITH page AS|json_build_object")


def statement_times(log: Path, offset: int, pids: list[int]) -> list[float]:
    """The server time of each page or record statement the backends `pids` ran, logged after
    `offset`: parse, bind and execute added up (a statement sent whole: its one duration)."""
    with log.open("rb") as file:
        file.seek(offset)
        text = file.read().decode("utf-8", "replace")
    entries = re.split(r"\n(?=\d{4}-\d\d-\d\d )", text)
    times: list[float] = []
    pending: dict[int, float] = {}
    for entry in entries:
        found = _DURATION.search(entry)
        if found is None or int(found[1]) not in pids or not _MEASURED.search(found[4]):
            continue
        pid, ms, step = int(found[1]), float(found[2]), found[3]
        pending[pid] = pending.get(pid, 0.0) + ms
        if step in ("execute", "statement"):
            times.append(pending.pop(pid))
    return times


def statements_sent(log: Path, offset: int, pids: list[int]) -> Counter[str]:
    """Every statement the backends `pids` executed after `offset` (each its own round trip: psycopg
    sends a statement's parse, bind and execute together), by the first words of its SQL."""
    with log.open("rb") as file:
        file.seek(offset)
        text = file.read().decode("utf-8", "replace")
    sent: Counter[str] = Counter()
    for entry in re.split(r"\n(?=\d{4}-\d\d-\d\d )", text):
        found = _DURATION.search(entry)
        if found is not None and int(found[1]) in pids and found[3] in ("execute", "statement"):
            sent[" ".join(found[4].split())[:60]] += 1
    return sent


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("database_url", help="a PostgreSQL database bench/run.py built")
    parser.add_argument("--db", type=Path, required=True, help="the SQLite file built beside it")
    parser.add_argument("--urls", type=Path, help="keep (or read) the URLs in this JSON file")
    parser.add_argument("--requests", type=int, default=200, help="requests per kind (default 200)")
    parser.add_argument("--server-log", type=Path, help="the PostgreSQL server's log file")
    parser.add_argument("--json", type=Path, help="write the results here too")
    args = parser.parse_args()
    os.environ["DATABASE_URL"] = args.database_url
    urls = cell_urls(args.db, args.urls)
    results = measure(args.database_url, urls, args.requests, args.server_log)
    print(f"{'kind':<28}{'server CPU µs':>15}{'API CPU µs':>12}{'statement ms':>14}")
    for kind, found in results.items():
        ms = found.get("statement_ms")
        shown = "" if ms is None else f"{ms:.3f}"
        print(f"{kind:<28}{found['server_cpu_us']:>15.0f}{found['api_cpu_us']:>12.0f}{shown:>14}")
        for sql, per_request in found.get("sent", {}).items():
            print(f"    {per_request:5.2f} a request: {sql}")
    if args.json is not None:
        args.json.write_text(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
