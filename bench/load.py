"""Load test: start the API on 127.0.0.1 with the seed, drive a mix of list, detail, search, series
and dossier URLs at it for a bounded time, print a table, and exit non-zero if any request failed.

    .venv/bin/python bench/load.py                              # 10 s, 16 connections, SQLite
    .venv/bin/python bench/load.py --duration 60 --connections 64
    .venv/bin/python bench/load.py --database postgresql        # a scratch schema on the test server
    .venv/bin/python bench/load.py --writes 0.1 --duration 60 --connections 64   # 10 % writes

With --writes, that share of requests are writes (the Python client): each connection creates places
and changes its own with If-Match, and after the load every acknowledged write is checked in the
database: a place created for each 201 and none other, each with the value of its last acknowledged
PATCH. A write missing, or one made but not acknowledged, counts as lost.

wrk (Debian package `wrk`) generates the load when it is installed, else a Python async client
(httpx). Only 127.0.0.1 is ever targeted. The server runs as `bilateral serve` with the rate limit
off (a trusted client), its log in bench/results/. A failure is any response other than 2xx/3xx, a
socket error or a timeout; the server's own /metrics count of 5xx is checked as well.
"""

import argparse
import asyncio
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
POSTGRES_URL = os.environ.get(
    "BILATERAL_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
HOST = "127.0.0.1"  # never anything else


@dataclass
class Result:
    tool: str
    database: str
    duration_s: float
    connections: int
    urls: int
    requests: int = 0
    failures: int = 0
    failure_kinds: dict[str, int] = field(default_factory=dict)
    latency_ms: dict[str, float] = field(default_factory=dict)
    server_statuses: dict[str, int] = field(default_factory=dict)
    writes: int = 0
    lost_writes: int = 0

    @property
    def rate(self) -> float:
        return self.requests / self.duration_s if self.duration_s else 0.0


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--duration", type=float, default=10, help="seconds of load (default 10)")
    parser.add_argument("--connections", type=int, default=16, help="concurrent connections (default 16)")
    parser.add_argument("--workers", type=int, default=1, help="uvicorn worker processes (default 1)")
    parser.add_argument("--database", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--tool", choices=["auto", "wrk", "python"], default="auto")
    parser.add_argument("--writes", type=float, default=0, help="share of requests that write (0..0.5)")
    args = parser.parse_args()
    if not 1 <= args.duration <= 600 or not 1 <= args.connections <= 1024:
        parser.error("--duration must be 1..600 s and --connections 1..1024")
    if not 0 <= args.writes <= 0.5:
        parser.error("--writes must be 0..0.5")
    if args.writes and args.tool == "wrk":
        parser.error("--writes needs the Python client (--tool python)")
    tool = (
        args.tool if args.tool != "auto" else ("wrk" if shutil.which("wrk") and not args.writes else "python")
    )
    RESULTS.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch, Database(args.database, Path(scratch)) as url:
        port = _free_port()
        base = f"http://{HOST}:{port}"
        log_path = RESULTS / f"server-{args.database}.log"
        with log_path.open("w") as log, Server(url, port, args.workers, log) as server:
            urls = discover(base)
            writer = Writer(server.write_key(), args.writes) if args.writes else None
            what = f"{args.connections} connections, {args.duration:g} s, {args.database}"
            print(f"{len(urls)} URLs, {tool}, {what}")
            result = Result(tool, args.database, args.duration, args.connections, len(urls))
            if tool == "wrk":
                run_wrk(base, urls, args, result, Path(scratch))
            else:
                asyncio.run(run_python(base, urls, args, result, writer))
            if args.workers == 1:  # with several workers, /metrics is one worker's
                result.server_statuses = server_statuses(base)
            if writer is not None:
                result.writes, result.lost_writes = writer.acknowledged, writer.lost(url)
    report(result)
    (RESULTS / f"load-{args.database}.json").write_text(json.dumps(asdict(result), indent=2) + "\n")
    server_errors = sum(n for status, n in result.server_statuses.items() if status.startswith("5"))
    return 1 if result.failures or server_errors or result.lost_writes or not result.requests else 0


# --- the server under test ---


class Database:
    """A fresh database for the run: a SQLite file in scratch space, or a PostgreSQL schema."""

    def __init__(self, kind: str, scratch: Path) -> None:
        self.kind = kind
        self.schema = f"bench_{uuid.uuid4().hex[:8]}"
        self.url = f"sqlite:///{scratch / 'bench.db'}"

    def __enter__(self) -> str:
        if self.kind == "postgresql":
            import psycopg
            from sqlalchemy.engine import make_url

            with psycopg.connect(_libpq(POSTGRES_URL), autocommit=True) as conn:
                conn.execute(f'CREATE SCHEMA "{self.schema}"')
            url = make_url(POSTGRES_URL).update_query_dict({"options": f"-csearch_path={self.schema}"})
            self.url = url.render_as_string(hide_password=False)
        return self.url

    def __exit__(self, *_exc: object) -> None:
        if self.kind == "postgresql":
            import psycopg

            with psycopg.connect(_libpq(POSTGRES_URL), autocommit=True) as conn:
                conn.execute(f'DROP SCHEMA IF EXISTS "{self.schema}" CASCADE')


def _libpq(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


class Server:
    """`bilateral serve` (migrate, seed, serve) in a subprocess; SIGTERM and wait on the way out."""

    def __init__(self, url: str, port: int, workers: int, log: Any) -> None:
        self.env = {
            **os.environ,
            "DATABASE_URL": url,
            "BILATERAL_RATE_LIMIT_PER_MINUTE": "0",  # a trusted client: measure the API, not the limiter
        }
        bilateral = Path(sys.executable).with_name("bilateral")
        self.command = [
            str(bilateral),
            "serve",
            "--host",
            HOST,
            "--port",
            str(port),
            "--workers",
            str(workers),
        ]
        self.base = f"http://{HOST}:{port}"
        self.log = log
        self.process: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> "Server":
        self.process = subprocess.Popen(
            self.command, cwd=ROOT, env=self.env, stdout=self.log, stderr=self.log
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"the server exited ({self.process.returncode}); see {self.log.name}")
            try:
                if httpx.get(f"{self.base}/readyz", timeout=1).status_code == 200:
                    return self
            except httpx.TransportError:
                pass
            time.sleep(0.2)
        self.__exit__()
        raise SystemExit(f"the server did not become ready in 60 s; see {self.log.name}")

    def write_key(self) -> str:
        """A key with the write scope, made by the CLI on the server's database."""
        bilateral = self.command[0]
        name = f"load-{uuid.uuid4().hex[:8]}"
        made = subprocess.run(
            [bilateral, "keys", "create", "--name", name, "--scope", "write"],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            check=True,
        )
        return made.stdout.strip().splitlines()[-1]

    def __exit__(self, *_exc: object) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


# --- what to request ---


def discover(base: str) -> list[str]:
    """Every detail URL of the seed, list URLs with filters and paging, searches, series, dossiers."""

    def ids(path: str, **filters: str) -> list[str]:
        params = {"fields": "id", "limit": 500, **filters}
        response = httpx.get(f"{base}{path}", params=params, timeout=10)
        response.raise_for_status()
        return [item["id"] for item in response.json()["items"]]

    urls: list[str] = []
    for resource in ["events", "agreements", "trade-figures", "infrastructure-projects", "people", "places"]:
        urls += [f"/v1/{resource}/{quote(record_id)}" for record_id in ids(f"/v1/{resource}")]
    urls += [f"/v1/countries/{code}" for code in ids("/v1/countries", cited="true")]
    urls += [f"/v1/sources/{source_id}" for source_id in ids("/v1/sources")]
    pairs = [pair["id"] for pair in httpx.get(f"{base}/v1/relations", timeout=10).json()["items"]]
    urls += [f"/v1/relations/{pair}" for pair in pairs]
    urls += [
        "/v1/events",
        "/v1/events?country=AZ&country=KZ&include=agreements,people",
        "/v1/events?date_from=2025-11&date_to=2025-11&date_match=within&lang=ru",
        "/v1/events?facets=type,year,month,country&count=true&limit=1",
        "/v1/agreements?country=KZ",
        "/v1/trade-figures?country=AZ&country=KZ&sort=-period",
        "/v1/trade-figures?facets=indicator,status,period_kind&count=true",
        "/v1/trade-figures/series?reporter=AZ&partner=KZ&indicator=trade_turnover",
        "/v1/infrastructure-projects?include=trade_figures",
        "/v1/countries?limit=100",
        "/v1/countries?limit=50&sort=-name&lang=ru",
        "/v1/places?kind=port",
        "/v1/relations",
        "/v1/relations?sort=-records&count=true",
        "/v1/search?q=" + quote("порт"),
        "/v1/search?q=" + quote("Казахстан") + "&type=event&type=agreement",
        "/v1/search?q=pipeline&lang=ru",
        "/v1/search?q=" + quote("саммит Габала"),
    ]
    for url in urls:  # every URL must work before it is worth timing
        response = httpx.get(f"{base}{url}", timeout=10)
        if response.status_code != 200:
            raise SystemExit(f"{url} answered {response.status_code} before the load: {response.text[:200]}")
    return urls


def server_statuses(base: str) -> dict[str, int]:
    text = httpx.get(f"{base}/metrics", timeout=10).text
    counts: dict[str, int] = {}
    for labels, value in re.findall(r"^http_requests_total\{(.*)\} (\S+)$", text, re.M):
        status = re.search(r'status="(\d+)"', labels)
        if status:
            counts[status[1]] = counts.get(status[1], 0) + int(float(value))
    return dict(sorted(counts.items()))


# --- load generators ---

WRK_SCRIPT = """
local paths = {%s}
local counter = 0
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("offset", threads * 7)  -- threads start at different URLs
end
function init(args)
  counter = offset or 0
end
function request()
  counter = counter + 1
  return wrk.format("GET", paths[(counter %% #paths) + 1], {["Accept-Encoding"] = "gzip"})
end
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'RESULT {"requests": %%d, "duration_us": %%d, "connect": %%d, "read": %%d, "write": %%d, ' ..
    '"status": %%d, "timeout": %%d, "p50": %%d, "p90": %%d, "p99": %%d, "max": %%d}\\n',
    summary.requests, summary.duration, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))
end
"""


def run_wrk(base: str, urls: list[str], args: argparse.Namespace, result: Result, scratch: Path) -> None:
    script = scratch / "mix.lua"
    script.write_text(WRK_SCRIPT % ", ".join(json.dumps(url) for url in urls))
    threads = min(2, args.connections)
    command = ["wrk", "-t", str(threads), "-c", str(args.connections), "-d", f"{args.duration:g}s"]
    command += ["--timeout", "10s", "-s", str(script), base]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    line = next(line for line in output.splitlines() if line.startswith("RESULT "))
    stats = json.loads(line.removeprefix("RESULT "))
    result.duration_s = stats["duration_us"] / 1e6
    result.requests = stats["requests"]
    kinds = {kind: stats[kind] for kind in ["connect", "read", "write", "status", "timeout"] if stats[kind]}
    result.failure_kinds = kinds
    result.failures = sum(kinds.values())
    result.latency_ms = {p: stats[p] / 1000 for p in ["p50", "p90", "p99", "max"]}


SOURCE = "velizade-2025-az-kz-relations"
QUOTE = "Ключевым политическим событием года стал государственный визит президента Азербайджана"


class Writer:
    """The writes of a load run: each connection creates places and renames its own (If-Match), and
    what the server acknowledged is remembered to be checked in the database afterwards."""

    def __init__(self, key: str, share: float) -> None:
        self.headers = {"Authorization": f"Bearer {key}"}
        self.every = max(1, round(1 / share))
        self.run = uuid.uuid4().hex[:8]
        self.created: dict[str, str] = {}  # id → the name_ru its last acknowledged write gave it
        self.acknowledged = 0

    async def write(self, client: httpx.AsyncClient, connection: int, step: int, mine: dict[str, str]) -> int:
        """One write; its status (0 when no answer came)."""
        if step % 2 and mine:
            record_id, etag = next(iter(mine.items()))
            name_ru = f"Место {self.run} {connection} {step}"
            headers = self.headers | {"If-Match": etag}
            response = await client.patch(
                f"/v1/places/{record_id}", json={"name_ru": name_ru}, headers=headers
            )
            if response.status_code == 200:
                mine.pop(record_id)
                mine[record_id] = response.headers["etag"]  # last: the next PATCH takes another
                self.created[record_id] = name_ru
                self.acknowledged += 1
            return response.status_code
        name = f"Load {self.run} {connection} {step}"
        body = {
            "name_en": name,
            "name_ru": name,
            "kind": "city",
            "country": "AZ",
            "citations": [{"source_id": SOURCE, "quote": QUOTE}],
        }
        headers = self.headers | {"Idempotency-Key": name}
        response = await client.post("/v1/places", json=body, headers=headers)
        if response.status_code == 201:
            record_id = response.json()["id"]
            mine[record_id] = response.headers["etag"]
            self.created[record_id] = name
            self.acknowledged += 1
        return response.status_code

    def lost(self, url: str) -> int:
        """Acknowledged writes the database does not show, plus places made without an acknowledgement."""
        from sqlalchemy import select

        from app.db import make_engine
        from app.models import Place

        engine = make_engine(url)
        try:
            with engine.connect() as connection:
                rows = connection.execute(
                    select(Place.id, Place.name_ru).where(Place.name_en.startswith(f"Load {self.run} "))
                ).all()
        finally:
            engine.dispose()
        stored = dict(rows)
        missing = sum(1 for record_id, name_ru in self.created.items() if stored.get(record_id) != name_ru)
        return missing + len(stored.keys() - self.created.keys())


async def run_python(
    base: str, urls: list[str], args: argparse.Namespace, result: Result, writer: "Writer | None" = None
) -> None:
    latencies: list[float] = []
    kinds: dict[str, int] = {}
    # Idle connections are dropped before the server's keep-alive timeout (uvicorn's 5 s, httpx's
    # default too): else one the server is closing can be reused, and the request fails unanswered.
    limits = httpx.Limits(
        max_connections=args.connections, max_keepalive_connections=args.connections, keepalive_expiry=2
    )
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=10) as client:
        started = time.monotonic()
        deadline = started + args.duration

        async def worker(offset: int) -> None:
            index = offset
            mine: dict[str, str] = {}
            while time.monotonic() < deadline:
                url = urls[index % len(urls)]
                index += 1
                begun = time.perf_counter()
                writes = writer is not None and index % writer.every == 0
                try:
                    if writer is not None and writes:
                        status = await writer.write(client, offset, index // writer.every, mine)
                    else:
                        status = (await client.get(url, headers={"Accept-Encoding": "gzip"})).status_code
                    if status >= 400:
                        kinds[str(status)] = kinds.get(str(status), 0) + 1
                except httpx.HTTPError as exc:
                    kind = f"{type(exc).__name__} ({'write' if writes else 'read'})"
                    kinds[kind] = kinds.get(kind, 0) + 1
                latencies.append(time.perf_counter() - begun)

        await asyncio.gather(*(worker(offset) for offset in range(args.connections)))
        result.duration_s = time.monotonic() - started
    latencies.sort()
    result.requests = len(latencies)
    result.failure_kinds = kinds
    result.failures = sum(kinds.values())

    def percentile(p: float) -> float:
        return latencies[min(len(latencies) - 1, int(p / 100 * len(latencies)))] * 1000 if latencies else 0.0

    result.latency_ms = {
        "p50": percentile(50),
        "p90": percentile(90),
        "p99": percentile(99),
        "max": percentile(100),
    }


def report(result: Result) -> None:
    latency = result.latency_ms
    header = [
        "tool",
        "db",
        "conns",
        "seconds",
        "requests",
        "failures",
        "req/s",
        "p50 ms",
        "p90 ms",
        "p99 ms",
        "max ms",
    ]
    row = [
        result.tool,
        result.database,
        str(result.connections),
        f"{result.duration_s:.1f}",
        str(result.requests),
        str(result.failures),
        f"{result.rate:.0f}",
        *(f"{latency.get(p, 0):.1f}" for p in ["p50", "p90", "p99", "max"]),
    ]
    widths = [max(len(a), len(b)) for a, b in zip(header, row, strict=True)]
    print("  ".join(h.rjust(w) for h, w in zip(header, widths, strict=True)))
    print("  ".join(c.rjust(w) for c, w in zip(row, widths, strict=True)))
    if result.failure_kinds:
        print("failures:", ", ".join(f"{kind}: {n}" for kind, n in result.failure_kinds.items()))
    if result.server_statuses:
        print(
            "server responses by status:", ", ".join(f"{s}: {n}" for s, n in result.server_statuses.items())
        )
    if result.writes or result.lost_writes:
        print(f"writes acknowledged: {result.writes}, lost: {result.lost_writes}")


if __name__ == "__main__":
    sys.exit(main())
