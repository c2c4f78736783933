"""A CSV export's lines in one process, no HTTP: the Python path (`Plan.csv_text`), the lines the
database builds (`csv_lines.CsvLine`) and the lines the writers stored (`ExportLine`,
app/export_lines.py), alternated, on a database bench/run.py built. Prints the CPU time of each run
(this process and, for PostgreSQL, its backend's from /proc: the server must run on this machine), µs a
row, and whether the exports are byte for byte the same (SHA-256).

    .venv/bin/python bench/export_lines.py --database-url sqlite:///bench/results/data-200000-50000-seed5/bench.db
    .venv/bin/python bench/export_lines.py ... --sort=-value --lang ru --rounds 3
"""

import argparse
import hashlib
import os
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import select  # noqa: E402

from app.common import csv_lines, export  # noqa: E402
from app.config import Settings  # noqa: E402
from app.db import engine_for, make_sessionmaker, without_memory_map  # noqa: E402
from app.trade.repository import TRADE_FIGURES  # noqa: E402
from app.trade.schemas import TradeFigureRead  # noqa: E402


def backend_cpu(pid: int | None) -> float:
    if pid is None:
        return 0.0
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def run(
    sessionmaker: object, path: tuple[frozenset[str], bool], sort: str, lang: str
) -> tuple[float, float, int, str]:
    """(this process's CPU, the backend's CPU, lines, digest) of one export."""
    export.DATABASE_BUILT, stored = path
    listing = replace(TRADE_FIGURES, stored_lines=stored)
    params = SimpleNamespace(fields=[], sort=sort, cursor=None)
    columns = csv_lines.csv_columns(TradeFigureRead)
    digest = hashlib.sha256()
    lines = 0
    with sessionmaker() as session, without_memory_map(session):  # type: ignore[operator]
        connection = session.connection()
        pid = (
            connection.exec_driver_sql("SELECT pg_backend_pid()").scalar()
            if connection.dialect.name == "postgresql"
            else None
        )
        started, backend = time.process_time(), backend_cpu(pid)
        statement = select(listing.model)
        for text in export.every_csv_line(session, listing, statement, params, lang, columns):
            digest.update(text.encode())
            lines += text.count("\r\n")
        return time.process_time() - started, backend_cpu(pid) - backend, lines, digest.hexdigest()[:16]


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--sort", default="id")
    parser.add_argument("--lang", default="en")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    settings = Settings(database_url=args.database_url)
    sessionmaker = make_sessionmaker(engine_for(settings))
    computed_by_sql = frozenset({"sqlite", "postgresql"})
    paths = {
        "python": (frozenset[str](), False),
        "database": (computed_by_sql, False),
        "stored": (computed_by_sql, True),
    }
    times: dict[str, list[float]] = {name: [] for name in paths}
    digests: dict[str, set[str]] = {name: set() for name in paths}
    for _ in range(args.rounds):
        for name, path in paths.items():
            seconds, backend, lines, digest = run(sessionmaker, path, args.sort, args.lang)
            times[name].append(seconds + backend)
            digests[name].add(digest)
            print(
                f"{name:>8}: {lines:,} lines, CPU {seconds:.2f} s ({seconds / lines * 1e6:.1f} µs a row) "
                f"+ backend {backend:.2f} s ({backend / lines * 1e6:.1f} µs a row), "
                f"sha256 {digest}, load {os.getloadavg()[0]:.1f}",
                flush=True,
            )
    for name in paths:
        print(f"{name:>8}: median CPU, with the backend's, {statistics.median(times[name]):.2f} s")
    same = len(set().union(*digests.values())) == 1
    print("the same bytes" if same else "DIFFERENT bytes")
    return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main())
