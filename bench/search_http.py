"""Search through HTTP: the API's CPU per request for rare and common words (issue 16's search target).

    .venv/bin/python bench/search_http.py bench/results/data-200000-200000-seed5/bench.db
    .venv/bin/python bench/search_http.py postgresql+psycopg://postgres@127.0.0.1:5432/bilateral_bench

Starts the API (uvicorn, one worker, httptools and uvloop, response cache and rate limit off, no
access log) on 127.0.0.1 (`--port`, else a free port), asks `/v1/search?q=…&type=event` for each word of
bench/search_words.py `--requests` times in a row, three rounds, and prints the best round's CPU
time of the server process per request (from /proc: the whole cost of an answer on SQLite; on
PostgreSQL the database server's CPU is a column of its own: the run time of the API's connections'
backend processes, from /proc/PID/schedstat, so the server must run on this machine; parallel
workers are not counted), the wall time per request, and each word's ratio to the two rare words'
mean, by the API's CPU and, on PostgreSQL, by the API's and the database's CPU together. CPU per
request is what bounds req/s when the cores are busy, and the least disturbed by other work on the
machine. Linux only.

`--path` (repeatable) measures those paths instead of the search words, each against the first:

    .venv/bin/python bench/search_http.py postgresql+psycopg://postgres@127.0.0.1:5432/bilateral_bench \
        --path '/v1/trade-figures?limit=50' --path '/v1/trade-figures/gr-ml-imports-2003'
"""

import argparse
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.parse
from collections.abc import Callable
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.search_words import COMMON, RARE, process_cpu_s  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("database", help="a SQLite file or a database URL")
    parser.add_argument("--requests", type=int, default=100, help="requests per word and round")
    parser.add_argument("--port", type=int, default=0, help="the API's port (default: a free one)")
    parser.add_argument(
        "--path", action="append", default=[], help="measure this path instead of the search words"
    )
    args = parser.parse_args()
    url = args.database if "://" in args.database else f"sqlite:///{Path(args.database).resolve()}"
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", args.port))
        port = probe.getsockname()[1]
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "BILATERAL_RATE_LIMIT_PER_MINUTE": "0",
        "BILATERAL_RESPONSE_CACHE_MB": "0",
        "BILATERAL_LOG_LEVEL": "warning",
    }
    command = [sys.executable, "-m", "uvicorn", "app.worker:create_app", "--factory", "--port", str(port)]
    command += ["--no-access-log", "--log-level", "warning", "--http", "httptools", "--loop", "uvloop"]
    server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL)
    ticks = os.sysconf("SC_CLK_TCK")

    def cpu_s() -> float:
        fields = Path(f"/proc/{server.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / ticks  # utime + stime

    base = f"http://127.0.0.1:{port}"
    try:
        with httpx.Client(base_url=base, timeout=60) as client:
            for _ in range(200):
                try:
                    client.get("/healthz")
                    break
                except httpx.TransportError:
                    time.sleep(0.1)
            measured = {}
            words = [*RARE[:2], *COMMON]
            searches = {q: "/v1/search?" + urllib.parse.urlencode({"q": q, "type": "event"}) for q in words}
            paths = {path: path for path in args.path} or searches
            for q, path in paths.items():
                for _ in range(10):
                    response = client.get(path)
                    response.raise_for_status()
                database_cpu_s = database_clock(url)
                rounds = []
                for _ in range(3):
                    cpu, db_cpu, wall = cpu_s(), database_cpu_s(), time.perf_counter()
                    for _ in range(args.requests):
                        client.get(path)
                    cpu, db_cpu = cpu_s() - cpu, database_cpu_s() - db_cpu
                    wall = time.perf_counter() - wall
                    rounds.append((cpu / args.requests, db_cpu / args.requests, wall / args.requests))
                measured[q] = [min(values) * 1000 for values in zip(*rounds, strict=True)]
        against = args.path[:1] or RARE[:2]
        baseline = statistics.mean(measured[q][0] for q in against)
        both = statistics.mean(measured[q][0] + measured[q][1] for q in against)
        width = max(14, *(len(q) + 2 for q in measured))
        base_name = "× first" if args.path else "× rare"
        print(
            f"{'q':<{width}}{'CPU ms/req':>12}{'db CPU ms':>11}{'wall ms/req':>13}"
            f"{base_name:>9}{base_name + ', +db':>14}"
        )
        for q, (cpu_ms, db_ms, wall_ms) in measured.items():
            ratios = f"{cpu_ms / baseline:>9.2f}{(cpu_ms + db_ms) / both:>14.2f}"
            print(f"{q:<{width}}{cpu_ms:>12.2f}{db_ms:>11.2f}{wall_ms:>13.2f}{ratios}")
    finally:
        server.terminate()
        server.wait(timeout=30)
    return 0


def database_clock(url: str) -> Callable[[], float]:
    """On PostgreSQL, a clock of the CPU time of the backends serving the API's connections (those
    open now: after the warm-up requests, the API's pool); elsewhere a clock that stays at 0."""
    if not url.startswith("postgresql"):
        return lambda: 0.0
    import psycopg
    from sqlalchemy.engine import make_url

    libpq = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(libpq) as connection:
        pids = [
            pid
            for (pid,) in connection.execute(
                "SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
                "AND backend_type = 'client backend' AND pid <> pg_backend_pid()"
            )
        ]
    return lambda: sum(process_cpu_s(pid) for pid in pids if Path(f"/proc/{pid}").exists())


if __name__ == "__main__":
    raise SystemExit(main())
