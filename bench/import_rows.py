"""Import throughput: a generated trade-figure file into SQLite and PostgreSQL, timed.

    .venv/bin/python bench/import_rows.py                  # 100,000 rows, both engines
    .venv/bin/python bench/import_rows.py --rows 1000000 --engine sqlite --layout comtrade
    .venv/bin/python bench/import_rows.py --file trade.csv --rows 1000000  # a file of your own
    .venv/bin/python bench/import_rows.py --engine sqlite --statements 15  # the first import's statements

Each engine gets a fresh database (SQLite: a temporary file; PostgreSQL: a schema of its own in
BILATERAL_TEST_POSTGRES_URL, dropped afterwards), migrated, with the seed loaded. The file is imported
twice, through the same code as `bilateral import`: the first run inserts every row, the second finds
every row unchanged. Prints wall time, this process's CPU time (for PostgreSQL the server's work is
not in it: the backend's is shown beside it), rows/s, the load average and the process's peak memory.
With --statements, the first import's statements that took most CPU (SQLite: this process's, which
runs them; PostgreSQL: the backend's), each kind summed; the rest of the process's CPU is Python's.
"""

import argparse
import csv
import os
import re
import resource
import sys
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
from alembic import command
from sqlalchemy import Engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.config import REPO_ROOT
from app.db import make_engine
from app.imports import store
from app.imports.repository import ImportOptions, import_file
from app.imports.schemas import ImportLayout
from app.migrated import alembic_config
from app.seeding import seed_all

POSTGRES_URL = os.environ.get(
    "BILATERAL_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
COUNTRIES = [
    ("AZ", "AZE", "031"),
    ("KZ", "KAZ", "398"),
    ("UZ", "UZB", "860"),
    ("TR", "TUR", "792"),
    ("GE", "GEO", "268"),
    ("RU", "RUS", "643"),
    ("CN", "CHN", "156"),
    ("DE", "DEU", "276"),
    ("IT", "ITA", "380"),
    ("TM", "TKM", "795"),
]
COMTRADE_HEADER = [
    *("typeCode", "freqCode", "refPeriodId", "refYear", "refMonth", "period"),
    *("reporterCode", "reporterISO", "reporterDesc", "flowCode", "flowDesc"),
    *("partnerCode", "partnerISO", "partnerDesc", "partner2Code", "cmdCode", "cmdDesc"),
    *("customsCode", "motCode", "netWgt", "isNetWgtEstimated", "primaryValue"),
    *("legacyEstimationFlag", "isReported", "isAggregate"),
]


def figures(rows: int) -> Iterator[tuple[tuple[str, str, str], tuple[str, str, str], str, str, int]]:
    """Distinct (reporter, partner, flow, HS heading, year) combinations, deterministically."""
    pairs = [(a, b) for a in COUNTRIES for b in COUNTRIES if a != b]
    n = 0
    for year in range(2000, 2100):
        for heading in range(101, 9800):
            if heading % 100 == 0 or heading % 100 > 97:
                continue
            for reporter, partner in pairs:
                for flow in ("X", "M"):
                    if n == rows:
                        return
                    yield reporter, partner, flow, f"{heading:04d}", year
                    n += 1


def write_file(path: Path, rows: int, layout: ImportLayout) -> None:
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        if layout is ImportLayout.generic:
            columns = [
                "reporter",
                "partner",
                "indicator",
                "commodity",
                "period",
                "value",
                "unit",
                "bound",
                "status",
            ]
            writer.writerow(columns)
            for n, (reporter, partner, flow, heading, year) in enumerate(figures(rows)):
                indicator = "exports" if flow == "X" else "imports"
                writer.writerow(
                    [
                        reporter[0],
                        partner[0],
                        indicator,
                        heading,
                        year,
                        1000 + n * 7,
                        "USD",
                        "exact",
                        "reported",
                    ]
                )
        else:
            writer.writerow(COMTRADE_HEADER)
            for n, (reporter, partner, flow, heading, year) in enumerate(figures(rows)):
                writer.writerow(
                    [
                        "C",
                        "A",
                        f"{year}0101",
                        year,
                        52,
                        year,
                        int(reporter[2]),
                        reporter[1],
                        "",
                        flow,
                        "",
                        int(partner[2]),
                        partner[1],
                        "",
                        0,
                        heading,
                        "",
                        "C00",
                        0,
                        n * 3,
                        "True",
                        1000 + n * 7,
                        0,
                        "True",
                        "False",
                    ]
                )


def database(engine_name: str, tmp: Path) -> tuple[str, str | None]:
    if engine_name == "sqlite":
        return f"sqlite:///{tmp / 'bench.db'}", None
    schema = f"bilateral_bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(_libpq(POSTGRES_URL), autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    url = make_url(POSTGRES_URL).update_query_dict({"options": f"-csearch_path={schema}"})
    return url.render_as_string(hide_password=False), schema


def _libpq(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def run(
    engine_name: str, path: Path, rows: int, layout: ImportLayout, tmp: Path, statements: int = 0
) -> list[str]:
    url, schema = database(engine_name, tmp)
    try:
        command.upgrade(alembic_config(url), "head")
        engine = make_engine(url)
        with sessionmaker(engine).begin() as session:
            seed_all(session, REPO_ROOT / "seed")
        lines = []
        timed = None
        for attempt in ("first import", "again (unchanged)"):
            options = ImportOptions(file_name=path.name, actor="bench", layout=layout)
            with sessionmaker(engine).begin() as session, path.open("rb") as stream:
                backend = _backend(session)
                if statements and attempt == "first import":
                    timed = _StatementTimes(engine, backend)
                server_cpu = _cpu_seconds(backend)
                started, cpu = time.perf_counter(), time.process_time()
                report = import_file(session, stream, options)
            elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
            if timed is not None and attempt == "first import":
                timed.stop()
            server_cpu = _cpu_seconds(backend) - server_cpu
            assert report.applied and not report.rejected, report.errors[:5]
            counts = f"{report.inserted} new, {report.updated} updated, {report.unchanged} unchanged"
            server = "(in the process)" if backend is None else f"{server_cpu:.1f} s"
            speed = f"{elapsed:.1f} s | {cpu:.1f} s | {server} | {rows / elapsed:,.0f}"
            load = f"{os.getloadavg()[0]:.1f}"
            lines.append(f"| {engine_name} | {attempt} | {rows:,} | {speed} | {load} | {counts} |")
            print(lines[-1], flush=True)
        if timed is not None:
            print()
            timed.show(statements, rows)
            print()
        engine.dispose()
        return lines
    finally:
        if schema:
            with psycopg.connect(_libpq(POSTGRES_URL), autocommit=True) as conn:
                conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


class _StatementTimes:
    """The wall and CPU time of each kind of statement (its first words), while it runs: the CPU of the
    PostgreSQL backend (`pid`), else this process's. COPY and the executemany of app.imports.store
    bypass SQLAlchemy's cursor events on PostgreSQL: its `_write` is timed instead."""

    def __init__(self, engine: Engine, pid: int | None) -> None:
        self.engine, self.pid = engine, pid
        self.count: Counter[str] = Counter()
        self.wall: Counter[str] = Counter()
        self.cpu: Counter[str] = Counter()
        self.started: list[tuple[float, float]] = []
        event.listen(engine, "before_cursor_execute", self._before)
        event.listen(engine, "after_cursor_execute", self._after)
        self.write = store.Store._write
        timed = self

        def write(self: store.Store, target: str, columns: Any, rows: Any) -> None:
            timed.started.append(timed._now())
            timed.write(self, target, columns, rows)
            timed._add(f"write {target}")

        store.Store._write = write  # type: ignore[method-assign]

    def stop(self) -> None:
        event.remove(self.engine, "before_cursor_execute", self._before)
        event.remove(self.engine, "after_cursor_execute", self._after)
        store.Store._write = self.write  # type: ignore[method-assign]

    def _now(self) -> tuple[float, float]:
        return time.perf_counter(), _cpu_seconds(self.pid) if self.pid else time.process_time()

    def _before(self, *_args: Any) -> None:
        self.started.append(self._now())

    def _after(self, _conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        self._add(statement)

    def _add(self, statement: str) -> None:
        wall, cpu = self._now()
        started_wall, started_cpu = self.started.pop()
        if self.started:
            return  # a statement inside a timed write: counted there
        kind = re.sub(r"'[^']*'", "?", " ".join(statement.split()))[:80]
        self.count[kind] += 1
        self.wall[kind] += wall - started_wall
        self.cpu[kind] += cpu - started_cpu

    def show(self, top: int, rows: int) -> None:
        where = "this process" if self.pid is None else "the PostgreSQL backend"
        print(f"| statement (first import) | runs | wall | CPU ({where}) | µs of CPU a row |")
        print("|---|---|---|---|---|")
        for kind, cpu in self.cpu.most_common(top):
            wall = self.wall[kind]
            print(f"| `{kind}` | {self.count[kind]} | {wall:.2f} s | {cpu:.2f} s | {cpu / rows * 1e6:.1f} |")
        total = f"{self.wall.total():.1f} s | {self.cpu.total():.1f} s"
        print(f"| all statements | {self.count.total()} | {total} | |")


def _backend(session: Session) -> int | None:
    """The process id of the PostgreSQL backend serving the session (None on SQLite)."""
    if session.get_bind().dialect.name != "postgresql":
        return None
    return int(session.scalar(text("SELECT pg_backend_pid()")) or 0)


def _cpu_seconds(pid: int | None) -> float:
    """User and system CPU time of a process on this machine, from /proc (NaN when it is not here:
    no backend, or a server on another machine)."""
    stat = Path(f"/proc/{pid}/stat")
    if not pid or not stat.exists():
        return float("nan")
    fields = stat.read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--engine", choices=["sqlite", "postgresql", "both"], default="both")
    parser.add_argument("--layout", choices=[layout.value for layout in ImportLayout], default="generic")
    parser.add_argument(
        "--statements",
        type=int,
        default=0,
        metavar="N",
        help="print the N kinds of statement that took the first import most CPU",
    )
    parser.add_argument(
        "--file", type=Path, help="import this file instead of generating one (--rows: how many rows it has)"
    )
    args = parser.parse_args()
    layout = ImportLayout(args.layout)
    engines = ["sqlite", "postgresql"] if args.engine == "both" else [args.engine]
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        path = args.file or tmp / f"bench-{args.rows}.csv"
        if args.file is None:
            write_file(path, args.rows, layout)
        size = path.stat().st_size
        print(f"{path.name}: {args.rows:,} rows, {layout.value} layout, {size / 1e6:.1f} MB")
        print(
            "| engine | run | rows | time | CPU (this process) | CPU (PostgreSQL backend) | rows/s "
            "| load average | result |"
        )
        print("|---|---|---|---|---|---|---|---|---|")
        for engine_name in engines:
            run(engine_name, path, args.rows, layout, tmp, args.statements)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory of this process: {peak:,.0f} MB")


if __name__ == "__main__":
    main()
