"""Search through HTTP: the API's CPU per request for rare and common words (issue 16's search target).

    .venv/bin/python bench/search_http.py bench/results/data-200000-200000-seed5/bench.db
    .venv/bin/python bench/search_http.py postgresql+psycopg://postgres@127.0.0.1:5432/bilateral_bench

Starts the API (uvicorn, one worker, httptools and uvloop, response cache and rate limit off, no
access log) on a free port of 127.0.0.1, asks `/v1/search?q=…&type=event` for each word of
bench/search_words.py `--requests` times in a row, three rounds, and prints the best round's CPU
time of the server process per request (from /proc: the whole cost of an answer on SQLite; on
PostgreSQL the database server's own time is in the wall column only), the wall time per request,
and each word's CPU ratio to the two rare words' mean. CPU per request is what bounds req/s when the
cores are busy, and the least disturbed by other work on the machine. Linux only.
"""

import argparse
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.search_words import COMMON, RARE  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("database", help="a SQLite file or a database URL")
    parser.add_argument("--requests", type=int, default=100, help="requests per word and round")
    args = parser.parse_args()
    url = args.database if "://" in args.database else f"sqlite:///{Path(args.database).resolve()}"
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
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
            for q in [*RARE[:2], *COMMON]:
                path = "/v1/search?" + urllib.parse.urlencode({"q": q, "type": "event"})
                for _ in range(10):
                    response = client.get(path)
                    response.raise_for_status()
                rounds = []
                for _ in range(3):
                    cpu, wall = cpu_s(), time.perf_counter()
                    for _ in range(args.requests):
                        client.get(path)
                    cpu, wall = cpu_s() - cpu, time.perf_counter() - wall
                    rounds.append((cpu / args.requests, wall / args.requests))
                measured[q] = [min(values) * 1000 for values in zip(*rounds, strict=True)]
        baseline = statistics.mean(measured[q][0] for q in RARE[:2])
        print(f"{'q':<14}{'CPU ms/req':>12}{'wall ms/req':>13}{'× rare':>9}")
        for q, (cpu_ms, wall_ms) in measured.items():
            print(f"{q:<14}{cpu_ms:>12.2f}{wall_ms:>13.2f}{cpu_ms / baseline:>9.2f}")
    finally:
        server.terminate()
        server.wait(timeout=30)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
