"""Benchmark (issue 5): this API against Datasette on the same SQLite file, one command, one table.

    .venv/bin/python bench/run.py                 # 1,000,000 trade figures, 200,000 events, 5 s a query
    .venv/bin/python bench/run.py --quick         # 20,000 figures, 5,000 events, 3 s a query: a smoke run
    .venv/bin/python bench/run.py --rows 200000 --events 50000 --duration 5 --connections 32
    .venv/bin/python bench/run.py --reuse         # reuse the database an earlier run built, same sizes

Steps: a fresh SQLite file in bench/results/, `bilateral db upgrade`, `bilateral seed`; a CSV of trade
figures generated from random.Random(seed) over 200 countries, 30 years (1995-2024), 3 indicators and
annual + quarterly periods, imported with `bilateral import trade-figures` (timed); events generated
the same way and inserted in bulk with SQLAlchemy Core (the importer only takes trade figures), then
indexed for search with the same code as `bilateral reindex`, limited to events (a full reindex would
re-derive a million trade-figure documents the importer has just written). For Datasette, an FTS5 table
`bench_events_fts` (content="events", title_en) is added to the same file: Datasette's `_search` needs an
FTS table it recognizes, and the API's own index (search_fts over stemmed text) is not one.

Then `bilateral serve --no-migrate --workers N` (rate limit off) and Datasette (pip-installed into
bench/.venv-datasette by this script, run by uvicorn with the same number of workers through
bench/datasette_app.py) on the same rows, both on 127.0.0.1 only. Per query, wrk runs
`--duration` seconds at `--connections` connections against each: "warm" repeats one URL, "cold" cycles
through ~200 different URLs (other pairs, countries, ids, words, pages) against an API started with its
response cache off (BILATERAL_RESPONSE_CACHE_MB=0), so nothing answered before helps.
The CSV export of every trade figure is read by a streaming client (rows/s, server RSS from
/proc/<pid>/status before and after). The time from launching the API to its first answered request is
measured too. Prints one table and the targets of issue 5, pass or fail; JSON in bench/results/.
"""

import argparse
import csv
import datetime as dt
import json
import os
import random
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote, urlencode

import httpx

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
RESULTS = BENCH / "results"
DS_VENV = BENCH / ".venv-datasette"
DATASETTE_VERSION = "0.65.5"
HOST = "127.0.0.1"  # never anything else
BIN = Path(sys.executable).parent
YEARS = list(range(1995, 2025))
INDICATORS = ["exports", "imports", "trade_turnover"]
# per year: the year itself, then its four quarters
PERIODS = [(y, q) for y in YEARS for q in (0, 1, 2, 3, 4)]
TOPICS = [
    "energy",
    "transit",
    "pipeline",
    "railway",
    "corridor",
    "port",
    "logistics",
    "customs",
    "tariff",
    "investment",
    "bank",
    "loan",
    "agriculture",
    "wheat",
    "cotton",
    "grain",
    "water",
    "irrigation",
    "hydropower",
    "electricity",
    "solar",
    "wind",
    "gas",
    "oil",
    "education",
    "university",
    "culture",
    "tourism",
    "visa",
    "migration",
    "security",
    "border",
    "defence",
    "aviation",
    "airline",
    "telecom",
    "digital",
    "fintech",
    "mining",
    "copper",
    "uranium",
    "gold",
    "steel",
    "fertilizer",
    "chemicals",
    "textile",
    "pharmacy",
    "health",
    "vaccine",
    "science",
    "space",
    "satellite",
    "ferry",
    "shipping",
    "container",
    "highway",
    "bridge",
    "tunnel",
]
EVENT_KINDS = [
    ("state_visit", "State visit"),
    ("official_visit", "Official visit"),
    ("working_visit", "Working visit"),
    ("summit", "Summit"),
    ("ministerial_meeting", "Ministerial meeting"),
    ("intergovernmental_commission", "Intergovernmental commission"),
    ("forum", "Business forum"),
    ("other", "Meeting"),
]
SYLLABLES = [
    "ka",
    "ra",
    "zu",
    "mi",
    "to",
    "lo",
    "ne",
    "sa",
    "vi",
    "do",
    "be",
    "ku",
    "ta",
    "ri",
    "mo",
    "an",
    "el",
    "or",
    "us",
    "in",
]


def codename(n: int) -> str:
    """A made-up word, distinct for each n < 8000: a rare search term (about 25 events each at 200k)."""
    a, b = divmod(n, 400)
    c, d = divmod(b, 20)
    return SYLLABLES[a % 20] + SYLLABLES[c] + SYLLABLES[d] + "x"


# --- generating the data ---


def countries() -> list[tuple[str, str]]:
    import pycountry

    return sorted((c.alpha_2, c.name) for c in pycountry.countries)[:200]


def write_trade_csv(path: Path, rows: int, seed: int) -> None:
    codes = [code for code, _ in countries()]
    pairs = [(a, b) for a in codes for b in codes if a != b]
    per_pair = len(INDICATORS) * len(PERIODS)
    space = len(pairs) * per_pair
    if rows > space:
        raise SystemExit(f"--rows at most {space}")
    rng = random.Random(seed)
    picks = sorted(rng.sample(range(space), rows))
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["reporter", "partner", "indicator", "period", "value", "unit", "bound", "status"])
        for index in picks:
            pair, rest = divmod(index, per_pair)
            indicator, period = divmod(rest, len(PERIODS))
            year, quarter = PERIODS[period]
            text = str(year) if quarter == 0 else f"{year}-{3 * quarter - 2:02d}/{year}-{3 * quarter:02d}"
            value = rng.randint(10_000, 5_000_000_000)
            writer.writerow([*pairs[pair], INDICATORS[indicator], text, value, "USD", "exact", "reported"])


def insert_events(url: str, events: int, seed: int) -> None:
    from sqlalchemy import insert

    from app.db import make_engine
    from app.models import Event, event_countries

    names = countries()
    rng = random.Random(seed + 1)
    engine = make_engine(url)
    batch: list[dict] = []
    links: list[dict] = []
    with engine.begin() as conn:
        for n in range(events):
            (a, a_name), (b, b_name) = rng.sample(names, 2)
            kind, label = rng.choice(EVENT_KINDS)
            words = " ".join(rng.sample(TOPICS, 3))
            code = codename(n % 8000)
            start = dt.date(1995, 1, 1) + dt.timedelta(days=rng.randrange(30 * 365))
            title = f"{label}: {a_name} and {b_name} on {words} ({code})"
            batch.append(
                {
                    "id": f"bench-event-{n:07d}",
                    "type": kind,
                    "title_en": title,
                    "title_ru": title,
                    "summary_en": None,
                    "summary_ru": None,
                    "date_start": start,
                    "date_end": start + dt.timedelta(days=rng.randrange(4)),
                    "date_precision": "day",
                    "host_country_id": a,
                    "version": 1,
                }
            )
            links += [{"event_id": batch[-1]["id"], "country_id": c} for c in sorted((a, b))]
            if len(batch) == 10_000:
                conn.execute(insert(Event.__table__), batch)
                conn.execute(insert(event_countries), links)
                batch, links = [], []
        if batch:
            conn.execute(insert(Event.__table__), batch)
            conn.execute(insert(event_countries), links)
    engine.dispose()


def index_events(url: str) -> str:
    """What `bilateral reindex` does, for events only (the importer indexed the trade figures)."""
    from app import datastate
    from app.db import make_engine, make_sessionmaker
    from app.models import SearchRecordType
    from app.search.repository import _sync, optimize_index

    engine = make_engine(url)
    with make_sessionmaker(engine).begin() as session:
        report = _sync(session, SearchRecordType.event, None)
        optimize_index(session)  # as `bilateral reindex` does after a rebuild
        datastate.bump(session)
    engine.dispose()
    return ", ".join(f"{k}: {v}" for k, v in sorted(report.items()))


def datasette_fts(db: Path) -> None:
    import sqlite3

    with sqlite3.connect(db) as conn:
        conn.execute("DROP TABLE IF EXISTS bench_events_fts")
        conn.execute('CREATE VIRTUAL TABLE bench_events_fts USING fts5(title_en, content="events")')
        conn.execute("INSERT INTO bench_events_fts(bench_events_fts) VALUES ('rebuild')")


def run(cmd: list[str], env: dict, **kw) -> subprocess.CompletedProcess:
    result = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=3600, **kw)
    if result.returncode:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{result.stdout[-2000:]}\n{result.stderr[-4000:]}")
    return result


def build(db: Path | None, args: argparse.Namespace, env: dict, info: dict) -> None:
    """Into the SQLite file `db`, or (db None) into the PostgreSQL database env["DATABASE_URL"] names."""
    if db is not None:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
    else:
        recreate_postgres(env["DATABASE_URL"])
    url = env["DATABASE_URL"]
    started = time.perf_counter()
    run([str(BIN / "bilateral"), "db", "upgrade"], env)
    run([str(BIN / "bilateral"), "seed"], env)
    print(f"migrated and seeded in {time.perf_counter() - started:.1f} s", flush=True)
    csv_path = RESULTS / f"trade-{args.rows}-seed{args.seed}.csv"
    started = time.perf_counter()
    write_trade_csv(csv_path, args.rows, args.seed)
    print(
        f"generated {csv_path.name} ({csv_path.stat().st_size / 1e6:.0f} MB) in "
        f"{time.perf_counter() - started:.1f} s",
        flush=True,
    )
    started = time.perf_counter()
    result = run([str(BIN / "bilateral"), "import", "trade-figures", str(csv_path), "--actor", "bench"], env)
    info["import_s"] = time.perf_counter() - started
    summary = next((x for x in result.stdout.splitlines() if "imported" in x), result.stdout.strip()[:200])
    print(
        f"bilateral import trade-figures: {info['import_s']:.1f} s "
        f"({args.rows / info['import_s']:,.0f} rows/s): {summary}",
        flush=True,
    )
    csv_path.unlink()
    started = time.perf_counter()
    insert_events(url, args.events, args.seed)
    print(
        f"events: {args.events:,} inserted in bulk with SQLAlchemy Core (NOT through the importer, "
        f"which takes only trade figures) in {time.perf_counter() - started:.1f} s",
        flush=True,
    )
    started = time.perf_counter()
    print(
        f"search index for events ({index_events(url)}) in {time.perf_counter() - started:.1f} s", flush=True
    )
    if db is not None:
        datasette_fts(db)
    else:
        # What autovacuum would get to after a bulk load: visibility map (index-only scans), statistics.
        started = time.perf_counter()
        vacuum_postgres(url)
        print(f"VACUUM ANALYZE in {time.perf_counter() - started:.1f} s", flush=True)


def vacuum_postgres(url: str) -> None:
    import psycopg
    from sqlalchemy.engine import make_url

    target = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(target, autocommit=True) as conn:
        conn.execute("VACUUM ANALYZE")


def recreate_postgres(url: str) -> None:
    import psycopg
    from sqlalchemy.engine import make_url

    target = make_url(url)
    admin = target.set(drivername="postgresql", database="postgres").render_as_string(hide_password=False)
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{target.database}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{target.database}"')


def prepare(db: Path, args: argparse.Namespace, env: dict, label: str) -> dict:
    """The database `env` names, built (timing the import) or, with --reuse, as an earlier run left it."""
    marker = db.parent / f"{label}.built"
    if args.reuse and marker.exists() and (label != "sqlite" or db.exists()):
        info = json.loads(marker.read_text())
        print(f"reusing the {label} database (import took {info['import_s']:.1f} s when built)")
        # Built by an older version of the code, perhaps: bring its schema up to this one's.
        run([str(BIN / "bilateral"), "db", "upgrade"], env)
        return info
    info: dict = {}
    print(f"building the {label} database", flush=True)
    build(db if label == "sqlite" else None, args, env, info)
    marker.write_text(json.dumps(info))
    return info


# --- the servers ---


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


def rss_kb(pid: int) -> dict[str, int]:
    """Resident memory of a server: the process and its worker processes, added up."""
    total = {"VmRSS": 0}
    for process in [pid, *children(pid)]:
        try:
            status = Path(f"/proc/{process}/status").read_text()
        except FileNotFoundError:
            continue
        for line in status.splitlines():
            if line.startswith("VmRSS:"):
                total["VmRSS"] += int(line.split()[1])
    return total


def children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(c) for c in (task / "children").read_text().split()]
        except FileNotFoundError:
            continue
    return [descendant for child in found for descendant in (child, *children(child))]


class Service:
    def __init__(self, name: str, cmd: list[str], env: dict, port: int, probe: str) -> None:
        self.name, self.cmd, self.env, self.port, self.probe = name, cmd, env, port, probe
        self.base = f"http://{HOST}:{port}"
        self.log = (RESULTS / f"bench-{name}.log").open("w")
        self.process: subprocess.Popen | None = None
        self.first_response_s = 0.0

    def __enter__(self) -> "Service":
        launched = time.perf_counter()
        self.process = subprocess.Popen(self.cmd, cwd=ROOT, env=self.env, stdout=self.log, stderr=self.log)
        deadline = launched + 120
        while time.perf_counter() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"{self.name} exited ({self.process.returncode}); see {self.log.name}")
            try:
                if httpx.get(self.base + self.probe, timeout=5).status_code == 200:
                    self.first_response_s = time.perf_counter() - launched
                    return self
            except httpx.TransportError:
                pass
            time.sleep(0.02)
        self.__exit__()
        raise SystemExit(f"{self.name} did not answer in 120 s; see {self.log.name}")

    def __exit__(self, *_exc: object) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def ensure_datasette() -> Path:
    exe = DS_VENV / "bin" / "datasette"
    if not exe.exists():
        print(f"installing datasette=={DATASETTE_VERSION} into {DS_VENV}", flush=True)
        subprocess.run([sys.executable, "-m", "venv", str(DS_VENV)], check=True, timeout=300)
        subprocess.run(
            [str(DS_VENV / "bin" / "pip"), "install", "-q", f"datasette=={DATASETTE_VERSION}"],
            check=True,
            timeout=600,
        )
    return exe


def ensure_wrk() -> str:
    if not shutil.which("wrk"):
        subprocess.run(["apt-get", "install", "-y", "wrk"], check=True, timeout=600)
    return shutil.which("wrk") or "wrk"


# --- the query mix ---


def query_mix(db: Path, args: argparse.Namespace) -> dict[str, dict[str, list[str]]]:
    """name -> {"api": [urls], "ds": [urls]}: element 0 is the warm URL, all of them the cold cycle."""
    import sqlite3

    from app.common.pagination import encode_cursor

    conn = sqlite3.connect(db)
    rng = random.Random(args.seed + 2)
    one = lambda sql, *p: conn.execute(sql, p).fetchall()  # noqa: E731
    pairs = one(
        "SELECT reporter_id, partner_id FROM trade_figures WHERE reporter_id <> 'AZ' "
        "GROUP BY 1, 2 ORDER BY count(*) DESC, 1, 2 LIMIT 200"
    )
    country_codes = [c for (c,) in one("SELECT country_id FROM event_countries GROUP BY 1 ORDER BY 1")]
    total = one("SELECT count(*) FROM trade_figures")[0][0]
    deep_at = int(total * 0.9)
    deep_ids = [r[0] for r in one("SELECT id FROM trade_figures ORDER BY id LIMIT 200 OFFSET ?", deep_at)]
    record_ids = [r[0] for r in one("SELECT id FROM trade_figures ORDER BY random() LIMIT 200")]
    conn.close()
    size = 50
    mix: dict[str, dict[str, list[str]]] = {
        k: {"api": [], "ds": []}
        for k in (
            "trade by pair, by year",
            "trade by indicator+years",
            "events by country+dates",
            "first page",
            "deep page (~90%)",
            "full-text search",
            "one record by id",
            "pair dossier",
        )
    }

    def add(name: str, api: str, ds: str) -> None:
        mix[name]["api"].append(api)
        mix[name]["ds"].append(ds)

    for i in range(200):
        a, b = pairs[i % len(pairs)]
        add(
            "trade by pair, by year",
            f"/v1/trade-figures?reporter={a}&partner={b}&sort=period&limit={size}",
            f"/bench/trade_figures.json?reporter_id={a}&partner_id={b}&_sort=period_start&_size={size}",
        )
        ind = INDICATORS[i % 3]
        y = YEARS[0] + (i * 7) % 26
        add(
            "trade by indicator+years",
            f"/v1/trade-figures?indicator={ind}&period_from={y}-01-01&period_to={y + 4}-12-31"
            f"&sort=period&limit={size}",
            f"/bench/trade_figures.json?indicator={ind}&period_start__gte={y}-01-01"
            f"&period_start__lte={y + 4}-12-31&_sort=period_start&_size={size}",
        )
        c = country_codes[(i * 37) % len(country_codes)]
        y = YEARS[0] + (i * 11) % 26
        where = quote(f"id in (select event_id from event_countries where country_id = '{c}')")
        add(
            "events by country+dates",
            f"/v1/events?country={c}&date_from={y}-01-01&date_to={y + 4}-12-31&sort=date&limit={size}",
            f"/bench/events.json?_where={where}&date_start__gte={y}-01-01"
            f"&date_start__lte={y + 4}-12-31&_sort=date_start&_size={size}",
        )
        add(
            "first page", f"/v1/trade-figures?sort=id&limit={size}", f"/bench/trade_figures.json?_size={size}"
        )
        cursor = encode_cursor("trade_figures", "id", [deep_ids[i % len(deep_ids)]])
        add(
            "deep page (~90%)",
            f"/v1/trade-figures?sort=id&limit={size}&cursor={quote(cursor)}",
            f"/bench/trade_figures.json?_size={size}&_next={quote(deep_ids[i % len(deep_ids)])}",
        )
        word = codename(rng.randrange(min(8000, args.events)))
        add(
            "full-text search",
            f"/v1/search?q={word}&type=event&limit=20",
            f"/bench/events.json?_search={word}&_size=20",
        )
        rid = record_ids[i % len(record_ids)]
        add("one record by id", f"/v1/trade-figures/{rid}", f"/bench/trade_figures/{quote(rid)}.json")
        sql = (
            "select indicator, substr(period_start, 1, 4) as year, count(*) as figures, sum(value) as total "
            "from trade_figures where (reporter_id = :a and partner_id = :b) or (reporter_id = :b and "
            "partner_id = :a) group by 1, 2 order by 2 desc, 1 limit 200"
        )
        add(
            "pair dossier",
            f"/v1/relations/{a}/{b}",
            "/bench.json?" + urlencode({"sql": sql, "a": a, "b": b, "_shape": "array"}),
        )
    return mix


LUA = """
local paths = {%s}
local i = math.random(#paths) - 1
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i %% #paths) + 1])
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %%d %%d %%d %%d %%d %%d\\n", summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(99), e.connect + e.read + e.write + e.timeout, e.status))
end
"""


def wrk(exe: str, base: str, paths: list[str], args: argparse.Namespace, tag: str) -> dict:
    script = RESULTS / f"wrk-{tag}.lua"
    script.write_text(LUA % ", ".join(json.dumps(p) for p in paths))
    out = subprocess.run(
        [
            exe,
            "-t2",
            f"-c{args.connections}",
            f"-d{args.duration}s",
            "--timeout",
            "10s",
            "-s",
            str(script),
            base,
        ],
        capture_output=True,
        text=True,
        timeout=args.duration + 60,
    )
    line = next((x for x in out.stdout.splitlines() if x.startswith("RESULT")), None)
    if line is None:
        raise SystemExit(f"wrk failed: {out.stdout}\n{out.stderr}")
    requests, duration_us, p50, p99, errors, non2xx = map(int, line.split()[1:])
    return {
        "req_s": requests / (duration_us / 1e6),
        "p50_ms": p50 / 1000,
        "p99_ms": p99 / 1000,
        "requests": requests,
        "errors": errors + non2xx,
    }


def preflight(base: str, paths: list[str], name: str) -> int:
    """Every one of the first URLs answers 200; how many rows the warm URL's answer holds."""
    counts = []
    for path in paths[:3]:
        response = httpx.get(base + path, timeout=60)
        if response.status_code != 200:
            raise SystemExit(f"{name}: {path} answered {response.status_code}: {response.text[:500]}")
        body = response.json()
        rows = body if isinstance(body, list) else body.get("items", body.get("rows", [body]))
        counts.append(len(rows) if isinstance(rows, list) else 1)
    return counts[0]


def export(base: str, path: str, pid: int) -> dict:
    before = rss_kb(pid)
    rows, started = -1, time.perf_counter()
    peak = before["VmRSS"]
    with httpx.stream("GET", base + path, timeout=httpx.Timeout(600, connect=10)) as response:
        response.raise_for_status()
        for n, _line in enumerate(response.iter_lines()):
            rows += 1
            if n % 20_000 == 0:
                peak = max(peak, rss_kb(pid)["VmRSS"])
    elapsed = time.perf_counter() - started
    after = rss_kb(pid)
    peak = max(peak, after["VmRSS"])
    return {
        "rows": rows,
        "seconds": elapsed,
        "rows_s": rows / elapsed,
        "rss_before_mb": before["VmRSS"] / 1024,
        "rss_after_mb": after["VmRSS"] / 1024,
        "rss_peak_mb": peak / 1024,
        "rss_growth_mb": (peak - before["VmRSS"]) / 1024,
    }


# --- the run ---


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rows", type=int, help="trade figures (default 1,000,000; --quick 20,000)")
    parser.add_argument("--events", type=int, help="events (default 200,000; --quick 5,000)")
    parser.add_argument(
        "--duration", type=float, help="seconds of wrk per query and mode (default 5; --quick 3)"
    )
    parser.add_argument("--connections", type=int, default=32, help="wrk connections (default 32)")
    parser.add_argument(
        "--workers", type=int, default=2, help="worker processes, for the API and for Datasette (default 2)"
    )
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="a small smoke run")
    parser.add_argument(
        "--reuse", action="store_true", help="reuse the database of an earlier run, same sizes"
    )
    parser.add_argument(
        "--database",
        choices=["sqlite", "postgresql"],
        default="sqlite",
        help="what the API serves; Datasette always serves the SQLite file with the same rows",
    )
    parser.add_argument(
        "--postgres-url",
        default="postgresql+psycopg://postgres@127.0.0.1:5432/bilateral_bench",
        help="a database this benchmark may drop and create (default: bilateral_bench on localhost)",
    )
    parser.add_argument("--build-only", action="store_true", help="build the database, measure nothing")
    args = parser.parse_args()
    args.rows = args.rows or (20_000 if args.quick else 1_000_000)
    args.events = args.events or (5_000 if args.quick else 200_000)
    args.duration = int(args.duration or (3 if args.quick else 5))
    if not (
        1 <= args.duration <= 120
        and 1 <= args.connections <= 512
        and 1000 <= args.rows <= 10_000_000
        and 100 <= args.events <= 2_000_000
    ):
        parser.error("out of range: --duration 1..120, --connections 1..512, --rows 1000.., --events 100..")
    RESULTS.mkdir(parents=True, exist_ok=True)
    wrk_exe = ensure_wrk()
    ensure_datasette()
    # Datasette names a database after its file: the file is always bench.db, in a directory per size
    db = RESULTS / f"data-{args.rows}-{args.events}-seed{args.seed}" / "bench.db"
    db.parent.mkdir(exist_ok=True)
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{db}", "BILATERAL_RATE_LIMIT_PER_MINUTE": "0"}
    os.environ.update(DATABASE_URL=env["DATABASE_URL"])  # app.* imported below reads its settings
    sys.path.insert(0, str(ROOT))
    # Datasette reads SQLite only: the SQLite file is built in every run; the API serves it or PostgreSQL.
    info = prepare(db, args, env, "sqlite")
    if args.database == "postgresql":
        env = {**env, "DATABASE_URL": args.postgres_url}
        info = prepare(db, args, env, "postgresql")
    if args.build_only:
        print(f"built {db.relative_to(ROOT)}")
        return 0
    mix = query_mix(db, args)
    export_path_api = "/v1/trade-figures?format=csv&sort=id"
    export_path_ds = "/bench/trade_figures.csv?_stream=on&_size=max"

    api_port, ds_port = free_port(), free_port()
    api_cmd = [str(BIN / "bilateral"), "serve", "--no-migrate", "--host", HOST, "--port", str(api_port)]
    api_cmd += ["--workers", str(args.workers)]
    ds_cmd = [
        str(DS_VENV / "bin" / "python"),
        "-m",
        "uvicorn",
        "bench.datasette_app:create",
        "--factory",
        "--workers",
        str(args.workers),
        "--host",
        HOST,
        "--port",
        str(ds_port),
        "--no-access-log",
    ]
    ds_env = {
        **env,
        "BENCH_DB": str(db),
        "BENCH_DATASETTE_SETTINGS": json.dumps(
            {"suggest_facets": False, "max_csv_mb": 0, "sql_time_limit_ms": 20000, "max_returned_rows": 1000}
        ),
    }
    results: dict = {
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "args": vars(args),
        "database": args.database,
        "import_s": info.get("import_s"),
        "queries": {},
    }
    first_path = mix["trade by pair, by year"]["api"][0]
    # Warm cells run against the API as deployed (its response cache on); cold ones against a fresh
    # API with the cache off, so that the ~200 URLs a cold cell cycles through are computed every time.
    uncached_env = {**env, "BILATERAL_RESPONSE_CACHE_MB": "0"}
    with Service("datasette", ds_cmd, ds_env, ds_port, "/bench.json") as ds:
        for mode, api_env, paths in (("warm", env, lambda u: u[:1]), ("cold", uncached_env, lambda u: u)):
            with Service(f"api-{mode}", api_cmd, api_env, api_port, first_path) as api:
                if mode == "warm":
                    results["first_request_s"] = api.first_response_s
                    print(
                        f"API answered {first_path} {api.first_response_s:.2f} s after launch "
                        f"({args.workers} workers); Datasette answered after {ds.first_response_s:.2f} s",
                        flush=True,
                    )
                    for name, urls in mix.items():
                        results["queries"][name] = {
                            "rows": [
                                preflight(api.base, urls["api"], f"API {name}"),
                                preflight(ds.base, urls["ds"], f"Datasette {name}"),
                            ]
                        }
                for name, urls in mix.items():
                    row = results["queries"][name]
                    for side, base in (("api", api.base), ("ds", ds.base)):
                        row[f"{side}_{mode}"] = wrk(wrk_exe, base, paths(urls[side]), args, f"{side}-{mode}")
                    print(f"  measured {name} ({mode})", flush=True)
                if mode == "cold":
                    results["export_api"] = export(api.base, export_path_api, api.process.pid)
        results["export_ds"] = export(ds.base, export_path_ds, ds.process.pid)
    out = RESULTS / f"run-{args.rows}-{args.events}-{args.database}.json"
    out.write_text(json.dumps(results, indent=2) + "\n")
    report(results, args)
    print(f"\nJSON: {out.relative_to(ROOT)}")
    return 0


def report(r: dict, args: argparse.Namespace) -> None:
    print(
        f"\n{r['date']} | {args.rows:,} trade figures, {args.events:,} events | wrk -t2 -c{args.connections} "
        f"-d{args.duration}s per cell | {args.workers} worker processes each: API ({args.database}) vs "
        f"datasette {DATASETTE_VERSION} (SQLite), same rows"
    )
    print(
        "\n| query | mode | API req/s | API p50 ms | API p99 ms | Datasette req/s | DS p50 ms | DS p99 ms "
        "| ratio (req/s) | errors API/DS | rows API/DS |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for name, row in r["queries"].items():
        for mode in ("warm", "cold"):
            a, d = row[f"api_{mode}"], row[f"ds_{mode}"]
            ratio = a["req_s"] / d["req_s"] if d["req_s"] else float("inf")
            print(
                f"| {name} | {mode} | {a['req_s']:,.0f} | {a['p50_ms']:.1f} | {a['p99_ms']:.1f} | "
                f"{d['req_s']:,.0f} | {d['p50_ms']:.1f} | {d['p99_ms']:.1f} | {ratio:.2f}× | "
                f"{a['errors']}/{d['errors']} | {row['rows'][0]}/{row['rows'][1]} |"
            )
    ea, ed = r["export_api"], r["export_ds"]
    print(
        f"| CSV export, all rows | once | {ea['rows_s']:,.0f} rows/s "
        f"({ea['rows']:,} rows, {ea['seconds']:.1f} s)"
        f" | | | {ed['rows_s']:,.0f} rows/s ({ed['rows']:,} rows, {ed['seconds']:.1f} s) | | | "
        f"{ea['rows_s'] / ed['rows_s']:.2f}× | | |"
    )
    print(
        f"\nexport server RSS: API {ea['rss_before_mb']:.0f} → peak {ea['rss_peak_mb']:.0f} MB "
        f"(+{ea['rss_growth_mb']:.0f}); "
        f"Datasette {ed['rss_before_mb']:.0f} → peak {ed['rss_peak_mb']:.0f} MB "
        f"(+{ed['rss_growth_mb']:.0f})"
    )

    q = r["queries"]
    ratios = {
        m: {n: q[n][f"api_{m}"]["req_s"] / q[n][f"ds_{m}"]["req_s"] for n in q} for m in ("warm", "cold")
    }
    lists = [n for n in q if n not in ("one record by id", "pair dossier")]
    worst_p99 = max(lists, key=lambda n: q[n]["api_warm"]["p99_ms"])
    deep = q["deep page (~90%)"]["api_warm"]["p50_ms"] / q["first page"]["api_warm"]["p50_ms"]
    scale = args.rows / 1_000_000
    import_s = r.get("import_s")
    targets = [
        (
            "warm ≥10× Datasette req/s (every query)",
            min(ratios["warm"].values()) >= 10,
            f"min {min(ratios['warm'].values()):.2f}× ({min(ratios['warm'], key=ratios['warm'].get)})",
        ),
        (
            "cold ≥3× Datasette req/s (every query)",
            min(ratios["cold"].values()) >= 3,
            f"min {min(ratios['cold'].values()):.2f}× ({min(ratios['cold'], key=ratios['cold'].get)})",
        ),
        (
            f"p99 < 25 ms per list query at {args.connections} connections (warm)",
            q[worst_p99]["api_warm"]["p99_ms"] < 25,
            f"worst {q[worst_p99]['api_warm']['p99_ms']:.0f} ms ({worst_p99})",
        ),
        ("deep page ≤1.5× first page (p50, warm)", deep <= 1.5, f"{deep:.2f}×"),
        ("CSV export ≥200,000 rows/s", ea["rows_s"] >= 200_000, f"{ea['rows_s']:,.0f} rows/s"),
        ("CSV export RSS growth < 50 MB", ea["rss_growth_mb"] < 50, f"+{ea['rss_growth_mb']:.0f} MB"),
        (
            "import 1M rows < 60 s (pro rata)",
            import_s is not None and import_s < 60 * scale,
            f"{import_s:.1f} s for {args.rows:,} rows = {args.rows / import_s:,.0f} rows/s, "
            f"{1_000_000 / (args.rows / import_s):.0f} s per million"
            if import_s
            else "not measured",
        ),
        ("first request within 2 s of launch", r["first_request_s"] <= 2, f"{r['first_request_s']:.2f} s"),
    ]
    print("\n| target | result | measured |\n|---|---|---|")
    for label, ok, measured in targets:
        print(f"| {label} | {'PASS' if ok else 'FAIL'} | {measured} |")


if __name__ == "__main__":
    sys.exit(main())
