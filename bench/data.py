"""The benchmark's data: trade figures (through the importer, timed) and events (in bulk) generated
from random.Random(seed), indexed for the API's search and, for Datasette, an FTS5 table over event
titles. Built into a SQLite file, and into PostgreSQL with --database postgresql."""

import argparse
import csv
import datetime as dt
import json
import random
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
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
