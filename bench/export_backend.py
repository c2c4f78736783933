"""The PostgreSQL backend's CPU per line of a database-built CSV export (`csv_lines.CsvLine`): the first
--rows trade figures' lines in `--sort` order as one SELECT, the backend's CPU read from /proc before
and after (the server must run on this machine), --rounds times. Prints µs a row for the backend and
for this process. A/B: run it from another checkout (`PYTHONPATH=/tmp/base`), alternated.

    .venv/bin/python bench/export_backend.py --database-url postgresql+psycopg://postgres@127.0.0.1:5432/bilateral_bench
    PYTHONPATH=/tmp/base .venv/bin/python /tmp/base/bench/export_backend.py --database-url ... --rounds 3
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import psycopg  # noqa: E402
from sqlalchemy import make_url, select  # noqa: E402
from sqlalchemy.dialects import postgresql  # noqa: E402

from app.common import csv_lines, export  # noqa: E402
from app.common.pagination import page_query  # noqa: E402
from app.common.rows import raw_column  # noqa: E402
from app.trade.repository import TRADE_FIGURES  # noqa: E402
from app.trade.schemas import TradeFigureRead  # noqa: E402


def line_sql(rows: int, sort: str, lang: str) -> str:
    """The export's first batch statement, `rows` long, with its values written in."""
    assert TRADE_FIGURES.reader is not None
    plan = TRADE_FIGURES.reader.plan(lang, [])
    line = csv_lines.csv_line(plan, csv_lines.csv_columns(TradeFigureRead), "postgresql")
    assert line.sql is not None
    _, sort_column, _ = TRADE_FIGURES.sorting.order(sort, lang)
    keys = TRADE_FIGURES.sorting.key_columns(sort_column)
    selected = select(TRADE_FIGURES.model).with_only_columns(
        line.sql, *(raw_column(key) for key in keys), maintain_column_froms=False
    )
    for target, condition in line.joins:
        selected = selected.outerjoin_from(line.model, target, condition)
    query, _, _ = page_query(selected, TRADE_FIGURES.sorting, sort, rows - 1, None, lang)
    return str(query.compile(dialect=postgresql.dialect(), compile_kwargs={"literal_binds": True}))


def backend_cpu(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--sort", default="id")
    parser.add_argument("--lang", default="en")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    sql = line_sql(args.rows, args.sort, args.lang)
    dsn = make_url(args.database_url).set(drivername="postgresql").render_as_string(hide_password=False)
    print(f"the app: {export.__file__}", flush=True)
    backend: list[float] = []
    with psycopg.connect(dsn, autocommit=True) as connection:
        pid = connection.execute("SELECT pg_backend_pid()").fetchone()[0]  # type: ignore[index]
        connection.execute("SET jit = off")  # as the export sets it
        for _ in range(args.rounds):
            before, started = backend_cpu(pid), time.process_time()
            count = len(connection.execute(sql).fetchall())  # type: ignore[arg-type]
            spent, here = backend_cpu(pid) - before, time.process_time() - started
            backend.append(spent / count * 1e6)
            print(
                f"{count:,} lines: backend {backend[-1]:.1f} µs a row, this process "
                f"{here / count * 1e6:.1f} µs a row, load {os.getloadavg()[0]:.1f}",
                flush=True,
            )
    print(f"median backend {statistics.median(backend):.1f} µs a row")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
