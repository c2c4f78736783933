"""The Python cost of a cold read: what the app does per request outside the database, measured in
process, with the response cache off, the way `bench/run.py`'s cold cells ask (wrk sends only `Host`).

    .venv/bin/python bench/overhead.py                     # build, count calls, time CPU
    .venv/bin/python bench/overhead.py --db /tmp/x.db --reuse --requests 2000
    .venv/bin/python bench/overhead.py --reuse --profile 30   # the 30 costliest functions, per request
    .venv/bin/python bench/overhead.py --reuse --requests 20 --rounds 2 --instructions   # under callgrind
    .venv/bin/python bench/overhead.py --reuse --requests 20 --rounds 1 --instructions --keep-dumps /tmp/dumps
    callgrind_annotate --inclusive=yes /tmp/dumps/first-page.out | head -60   # where a first page's go
    .venv/bin/python bench/overhead.py --database-url postgresql+psycopg://postgres@127.0.0.1:5432/x
    .venv/bin/python bench/overhead.py --reuse --app /tmp/main --url "v=/v1/search?q=visit" --only v  # main
    .venv/bin/python bench/overhead.py --db bench/results/data-200000-50000-seed5/bench.db --reuse --mix \
        --only "trade-figures series" --requests 20 --rounds 2 --instructions   # a kind of the random mix
    .venv/bin/python bench/overhead.py --db bench/results/data-200000-50000-seed5/bench.db --reuse --cells \
        --only "first page" --requests 20 --rounds 1 --instructions   # a cold cell of bench/run.py

Two measures per URL, each after warm-up requests: Python function calls per request in every thread
(`sys.setprofile` and `threading.setprofile`: deterministic, so a change's effect shows however busy the
machine is), and the process's CPU time per request (`time.process_time`, all threads) over `--requests`
requests without the profiler, the median of `--rounds` rounds (with `--instructions`, machine instructions
instead, counted by Valgrind's callgrind: they do not move with the load). Requests go straight to the ASGI
app, one at a time, as uvicorn would pass them (no client library in the count); the access log is written (at
`info`, JSON) to /dev/null. The database: the seed, `--figures` trade figures and `--events` events of one
pair, built as `bench/explorer.py` builds its own (a temporary SQLite file). With `--mix`, the URLs are
those of `bench/mix.py`'s random mix instead, by kind (not its cursor pages), over a database
`bench/run.py --build-only` built; with `--cells`, those of `bench/run.py`'s cold cells. Under
`--instructions` a request's instructions are split into the SQLite library's own (the statements' work)
and the rest (the app, the driver, the interpreter).
"""

import argparse
import asyncio
import cProfile
import os
import pstats
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import Any
from urllib.parse import quote

CHECKOUT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(CHECKOUT))

WARM_UP = 50


def scope_for(url: str, headers: list[tuple[bytes, bytes]]) -> dict[str, Any]:
    """The HTTP scope uvicorn (httptools) builds for a GET of `url`."""
    path, _, query = url.partition("?")
    return {
        "type": "http",
        "asgi": {"version": "3.0", "spec_version": "2.4"},
        "http_version": "1.1",
        "server": ("127.0.0.1", 8000),
        "client": ("127.0.0.1", 50000),
        "scheme": "http",
        "method": "GET",
        "root_path": "",
        "path": path,
        "raw_path": path.encode(),
        "query_string": query.encode(),
        "headers": headers,
        "state": {},
    }


class Driver:
    """Requests straight into an ASGI app, as a server would make them."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def get(self, url: str, headers: list[tuple[bytes, bytes]]) -> tuple[int, list[Any], bytes]:
        sent: list[dict[str, Any]] = []

        async def receive() -> dict[str, Any]:
            return {"type": "http.request", "body": b"", "more_body": False}

        async def send(message: dict[str, Any]) -> None:
            sent.append(message)

        await self.app(scope_for(url, headers), receive, send)
        start = sent[0]
        body = b"".join(m.get("body", b"") for m in sent[1:])
        return start["status"], start["headers"], body


class CallCounter:
    """Counts Python function calls (profile `call` events) in every thread while `on`."""

    def __init__(self) -> None:
        self.on = False
        self.calls = 0
        self.by_function: Counter[tuple[str, int, str]] = Counter()
        self.detailed = False

    def hook(self, frame: FrameType, event: str, _arg: Any) -> None:
        if event == "call" and self.on:
            self.calls += 1
            if self.detailed:
                code = frame.f_code
                self.by_function[(code.co_filename, code.co_firstlineno, code.co_qualname)] += 1

    def install(self) -> None:
        sys.setprofile(self.hook)
        threading.setprofile(self.hook)


def measure(
    url: str,
    urls: dict[str, list[str]],
    requests: int,
    rounds: int,
    profile: int,
    headers: list[tuple[bytes, bytes]],
    cprofile: int = 0,
    instructions: bool = False,
    keep_dumps: Path | None = None,
) -> dict[str, dict[str, float]]:
    from app.config import Settings
    from app.main import create_app

    settings = Settings(
        _env_file=None,
        database_url=url,
        rate_limit_per_minute=0,  # as bench/run.py serves it: the load generator is trusted
        response_cache_mb=0,  # cold: every answer computed
        log_level="info",
    )
    app = create_app(settings)
    driver = Driver(app)

    async def run(cycle: list[str], n: int) -> None:
        for i in range(n):
            url = cycle[i % len(cycle)]
            status, _, _ = await driver.get(url, headers)
            if status != 200:
                raise SystemExit(f"{url}: {status}")

    def phase(work: Callable[[], Any]) -> Any:
        """`work` in an event loop of its own, inside the app's lifespan: the handler threads start
        (and take the profile hook set now) within it."""

        async def inside() -> Any:
            async with app.router.lifespan_context(app):
                return await work()

        return _loop_runner()(inside())

    counter = CallCounter()
    results: dict[str, dict[str, float]] = {}
    counted = min(requests, 200)
    real_stderr, sys.stderr = sys.stderr, open(os.devnull, "w")  # noqa: SIM115  (the access log)
    try:
        for name, cycle in urls.items():
            # Calls: a deterministic count, in every thread.
            async def count(cycle: list[str] = cycle) -> None:
                await run(cycle, WARM_UP)
                counter.on = True
                await run(cycle, counted)
                counter.on = False

            counter.calls = 0
            counter.detailed = bool(profile)
            counter.by_function.clear()
            sys.setprofile(counter.hook)
            threading.setprofile(counter.hook)
            try:
                phase(count)
            finally:
                sys.setprofile(None)
                threading.setprofile(None)  # type: ignore[arg-type]

            # CPU: without the profiler, the median of the rounds.
            kept = None if keep_dumps is None else keep_dumps / f"{_slug(name)}.out"

            async def time_it(
                cycle: list[str] = cycle, kept: Path | None = kept
            ) -> tuple[list[float], list[float], list[float]]:
                await run(cycle, WARM_UP)
                cpu, wall, in_sqlite = [], [], []
                for _ in range(rounds):
                    started, used = time.perf_counter(), time.process_time()
                    if instructions:
                        _callgrind("--instr=on")
                    await run(cycle, requests)
                    if instructions:
                        _callgrind("--instr=off")
                        total, by_object = _callgrind_dump(kept)
                        cpu.append(total / requests / 1000)
                        sqlite = sum(n for name, n in by_object.items() if name.startswith(_SQLITE_LIBRARY))
                        in_sqlite.append(sqlite / requests / 1000)
                    else:
                        cpu.append((time.process_time() - used) / requests * 1e6)
                    wall.append((time.perf_counter() - started) / requests * 1e6)
                return cpu, wall, in_sqlite

            if cprofile:
                # cProfile in every thread (its warm-up included): where the CPU time goes, C calls too.
                profiles: list[cProfile.Profile] = []

                def start_profile(*_: Any, profiles: list[cProfile.Profile] = profiles) -> None:
                    profiles.append(cProfile.Profile())
                    profiles[-1].enable()

                threading.setprofile(start_profile)
                start_profile()
                try:
                    phase(time_it)
                finally:
                    for each in profiles:
                        each.disable()
                    threading.setprofile(None)  # type: ignore[arg-type]
                stats = pstats.Stats(profiles[0], stream=real_stderr)
                for each in profiles[1:]:
                    stats.add(each)
                print(f"\n{name}: cProfile, every thread, {rounds} x {requests} requests", file=real_stderr)
                stats.sort_stats("tottime").print_stats(cprofile)
            cpu, wall, in_sqlite = phase(time_it)
            results[name] = {
                "calls": counter.calls / counted,
                "cpu_us": statistics.median(cpu),
                "cpu_min_us": min(cpu),
                "wall_us": statistics.median(wall),
            }
            if in_sqlite:
                results[name]["sqlite_k"] = statistics.median(in_sqlite)
            if profile:
                print(f"\n{name}: the {profile} most called functions, calls per request", file=real_stderr)
                for (filename, line, qualname), n in counter.by_function.most_common(profile):
                    print(f"{n / counted:8.1f}  {qualname}  {_short(filename)}:{line}", file=real_stderr)
                packages: Counter[str] = Counter()
                for (filename, _, _), n in counter.by_function.items():
                    packages[_package(filename)] += n
                print(f"\n{name}: calls per request, by package", file=real_stderr)
                for package, n in packages.most_common():
                    print(f"{n / counted:8.1f}  {package}", file=real_stderr)
    finally:
        sys.stderr.close()
        sys.stderr = real_stderr
    app.state.engine.dispose()
    return results


# Under `--instructions` the script runs itself in Valgrind's callgrind, instrumenting nothing but the
# timed requests (every thread): machine instructions do not move with the machine's load.
_UNDER_CALLGRIND = "BILATERAL_BENCH_UNDER_CALLGRIND"


def _callgrind(*command: str) -> None:
    subprocess.run(["callgrind_control", *command, str(os.getpid())], check=True, capture_output=True)


def _callgrind_dump(keep: Path | None = None) -> tuple[int, Counter[str]]:
    """The instructions counted since the last dump (and a new dump, which zeroes the count), in all
    and by the object (library or executable) that ran them; the dump itself is moved to `keep` (for
    `callgrind_annotate`), else deleted."""
    out = Path(os.environ[_UNDER_CALLGRIND])
    before = set(out.parent.glob(out.name + ".*"))
    _callgrind("--dump")
    [dump] = set(out.parent.glob(out.name + ".*")) - before
    text = dump.read_text()
    if keep is None:
        dump.unlink()
    else:
        keep.parent.mkdir(parents=True, exist_ok=True)
        dump.replace(keep)
    return int(text.split("\ntotals: ", 1)[1].split()[0]), _by_object(text)


# The SQLite library's own instructions are the statements' work (stepping, parsing); what the app,
# the driver and the interpreter do is everything else.
_SQLITE_LIBRARY = "libsqlite3.so"  # its file's name goes on with the version


def _by_object(dump: str) -> Counter[str]:
    """A callgrind dump's instructions by the object that ran them (its own cost, not its calls'),
    the dump written with its names in full (`--compress-strings=no`)."""
    by_object: Counter[str] = Counter()
    current = ""
    call_cost = False
    for line in dump.splitlines():
        if line.startswith("ob="):
            current = Path(line[3:]).name
        elif line.startswith("calls="):
            call_cost = True  # the next cost line is the call's inclusive cost
        elif line[:1].isdigit() or line[:1] in "+-*":
            parts = line.split()
            if not call_cost and len(parts) > 1:
                by_object[current] += int(parts[1])
            call_cost = False
    return by_object


def _in_callgrind() -> None:
    out = Path(tempfile.mkdtemp()) / "callgrind.out"
    os.environ[_UNDER_CALLGRIND] = str(out)
    valgrind = [
        "valgrind",
        "--tool=callgrind",
        "--instr-atstart=no",
        "--compress-strings=no",  # each dump names its objects and functions itself
        f"--callgrind-out-file={out}",
    ]
    os.execvp("valgrind", [*valgrind, sys.executable, *sys.argv])


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def _loop_runner() -> Callable[[Any], Any]:
    """uvloop's run, as `bilateral serve` runs (uvicorn with uvloop), else asyncio's."""
    try:
        import uvloop
    except ImportError:
        return asyncio.run
    return uvloop.run


def _package(filename: str) -> str:
    short = _short(filename)
    if short == filename:
        return "(standard library)"
    return short.split("/", 1)[0].removesuffix(".py")


def _short(filename: str) -> str:
    """A file of an installed package from its package, one of this checkout's from its root (so
    `_package` names `app` for the app's own calls, whatever the checkout's folder is called)."""
    for marker in ("site-packages/", f"{CHECKOUT}/"):
        if marker in filename:
            return filename.split(marker, 1)[1]
    return filename


def _recreate(url: str) -> None:
    """An empty PostgreSQL database at `url` (dropped first if it exists)."""
    from sqlalchemy import create_engine, make_url, text

    target = make_url(url)
    server = create_engine(target.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with server.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{target.database}"'))
        conn.execute(text(f'CREATE DATABASE "{target.database}"'))
    server.dispose()


def mix_urls(db: Path, seed: int) -> dict[str, list[str]]:
    """The API's URLs of the random mix `bench/run.py` asks, by kind. The mix samples record ids at
    random (`mix.read_data`): the first run writes its URLs beside the database, and later runs (of
    any checkout) read them, so that two trees are measured on the same URLs."""
    from bench import mix

    def by_kind(data: Any) -> dict[str, list[str]]:
        found: dict[str, list[str]] = {}
        for twin in mix.random_mix(data, seed):
            found.setdefault(twin.kind, []).append(twin.api)
        return found

    return _kept_urls(db, f"mix-urls-seed{seed}.json", by_kind)


def cell_urls(db: Path, seed: int) -> dict[str, list[str]]:
    """The API's URLs of each of `bench/run.py`'s cold cells (`mix.named_cells`), by cell; kept beside
    the database as `mix_urls`'s are (their record ids are sampled at random too)."""
    from bench import mix

    def by_cell(data: Any) -> dict[str, list[str]]:
        cells = mix.named_cells(data, seed)
        return {name: list(dict.fromkeys(twin.api for twin in twins)) for name, twins in cells.items()}

    return _kept_urls(db, f"cell-urls-seed{seed}.json", by_cell)


def _kept_urls(db: Path, name: str, build: Callable[[Any], dict[str, list[str]]]) -> dict[str, list[str]]:
    """URLs by group: read from `name` beside the database, or built from its data and written there."""
    import json
    import sqlite3

    from bench import mix

    kept = db.parent / name
    if kept.exists():
        urls: dict[str, list[str]] = json.loads(kept.read_text())
        return urls
    with sqlite3.connect(db) as conn:
        [(events,)] = conn.execute("SELECT count(*) FROM events").fetchall()
    urls = build(mix.read_data(db, events))
    kept.write_text(json.dumps(urls, indent=1) + "\n")
    return urls


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--db", type=Path, default=Path(tempfile.gettempdir()) / "bilateral-overhead-bench.db"
    )
    parser.add_argument("--reuse", action="store_true", help="use --db as an earlier run built it")
    parser.add_argument(
        "--database-url",
        help="a PostgreSQL database to build (dropped and made again unless --reuse) and measure, not --db",
    )
    parser.add_argument("--figures", type=int, default=1_000)
    parser.add_argument("--events", type=int, default=1_000)
    parser.add_argument("--only", nargs="*", help="only these kinds of URL (by name; default: all)")
    parser.add_argument(
        "--mix",
        action="store_true",
        help="the kinds of bench/mix.py's random mix (--db: a database bench/run.py built; with --reuse)",
    )
    parser.add_argument(
        "--cells",
        action="store_true",
        help="the URLs of bench/run.py's cold cells (--db: a database bench/run.py built; with --reuse)",
    )
    parser.add_argument("--seed", type=int, default=5, help="--mix, --cells: the seed (default 5)")
    parser.add_argument("--requests", type=int, default=2_000, help="requests per round of the CPU timing")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--profile", type=int, default=0, help="print the N most called functions")
    parser.add_argument("--cprofile", type=int, default=0, help="print cProfile's N costliest functions")
    parser.add_argument("--gzip", action="store_true", help="send Accept-Encoding: gzip too")
    parser.add_argument(
        "--instructions",
        action="store_true",
        help="count machine instructions (Valgrind's callgrind) instead of CPU time",
    )
    parser.add_argument(
        "--keep-dumps",
        type=Path,
        help="with --instructions: keep each kind's callgrind dump (its last round) here, as <kind>.out",
    )
    parser.add_argument(
        "--app",
        type=Path,
        help="measure another checkout's app (its folder, put first on the path): an A/B of two trees",
    )
    parser.add_argument(
        "--url", nargs="*", default=[], metavar="NAME=URL", help="these URLs too, each a kind of its own"
    )
    args = parser.parse_args()
    if args.instructions and _UNDER_CALLGRIND not in os.environ:
        _in_callgrind()
    if args.app is not None:
        sys.path.insert(0, str(args.app.resolve()))
    url = args.database_url or f"sqlite:///{args.db}"
    if not (args.reuse and (args.database_url or args.db.exists())):
        from bench.explorer import build

        if args.database_url:
            _recreate(args.database_url)

        build(args.db, args.figures, args.events, 1, args.database_url)
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.connect() as conn:
        ids = [
            row[0]
            for row in conn.execute(text("SELECT id FROM trade_figures ORDER BY id LIMIT 300 OFFSET 100"))
        ]
        total = conn.execute(text("SELECT count(*) FROM trade_figures")).scalar_one()
        deep = [
            row[0]
            for row in conn.execute(
                text("SELECT id FROM trade_figures ORDER BY id LIMIT 20 OFFSET :at"), {"at": int(total * 0.9)}
            )
        ]
        words = [row[0] for row in conn.execute(text("SELECT title_en FROM events ORDER BY id LIMIT 20"))]
    engine.dispose()
    from app.common.pagination import encode_cursor
    from bench.mix import COMMON_WORD

    every = {
        "one record by id": [f"/v1/trade-figures/{i}" for i in ids],
        "first page": ["/v1/trade-figures?sort=id&limit=50"],
        "trade by pair": [
            f"/v1/trade-figures?reporter={a}&partner={b}&sort={sort}&limit=50"
            for a, b in (("AM", "GE"), ("GE", "AM"))
            for sort in ("period", "-period", "value")
        ],
        "events by country+dates": [
            f"/v1/events?country={c}&date_from={y}&date_to={y + 4}&sort=date&limit=50"
            for c in ("AM", "GE")
            for y in range(1995, 2025, 5)
        ],
        "deep page": [
            f"/v1/trade-figures?sort=id&limit=50&cursor={quote(encode_cursor('trade_figures', 'id', [i]))}"
            for i in deep
        ],
        # A word of an event's title (bench/explorer.py's events are titled with made-up words).
        "search": [f"/v1/search?q={quote(title.split()[-1])}&type=event&limit=20" for title in words],
        # The word of `bench/run.py`'s common-word cell, which matches most of a block.
        "search, common word": [f"/v1/search?q={COMMON_WORD}&type=event&limit=20"],
    }
    if args.mix:
        every = mix_urls(args.db, args.seed)
    if args.cells:
        every = cell_urls(args.db, args.seed)
    every.update({name: [path] for name, path in (pair.split("=", 1) for pair in args.url)})
    urls = {name: every[name] for name in args.only or every}
    headers = [(b"host", b"127.0.0.1:8000")]
    if args.gzip:
        headers.append((b"accept-encoding", b"gzip"))
    results = measure(
        url,
        urls,
        args.requests,
        args.rounds,
        args.profile,
        headers,
        args.cprofile,
        args.instructions,
        args.keep_dumps,
    )
    print(f"\nper request, in process, response cache off ({args.requests} requests x {args.rounds} rounds)")
    cpu = "k instr" if args.instructions else "CPU µs"
    width = max(24, *map(len, results))
    split = f" {'SQLite k':>8} {'rest k':>8}" if args.instructions else ""
    print(f"{'query':<{width}} {'calls':>8} {cpu:>8} {'min':>8} {'wall µs':>8}{split}")
    for name, r in results.items():
        shown = f" {r['sqlite_k']:>8,.0f} {r['cpu_us'] - r['sqlite_k']:>8,.0f}" if "sqlite_k" in r else ""
        print(
            f"{name:<{width}} {r['calls']:>8,.0f} {r['cpu_us']:>8,.0f} {r['cpu_min_us']:>8,.0f} "
            f"{r['wall_us']:>8,.0f}{shown}"
        )


if __name__ == "__main__":
    main()
