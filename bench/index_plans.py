"""Which indexes of trade_figures the read API's queries use, and what their plans become without some.

    .venv/bin/python bench/index_plans.py --db bench/results/data-200000-5000-seed5/bench.db
    .venv/bin/python bench/index_plans.py --db bench/results/data-200000-5000-seed5/bench.db \\
        --url postgresql+psycopg://postgres@127.0.0.1:5432/bilateral_bench --drop ix_trade_figures_unit

Every URL of the benchmark's random mix that reads trade figures (lists, series, one figure, its
revisions, pair dossiers), and each filter and sort of the trade-figure list alone and together, is
asked of the API in this process (response cache off); each SQL statement that names trade_figures
is captured as the engine ran it, with its values. Each distinct statement is then explained
(SQLite: EXPLAIN QUERY PLAN; PostgreSQL: EXPLAIN) and timed (best of --repeat), as the database is
and, with --drop, inside a transaction that drops those indexes and is rolled back. Prints the
indexes each kind of URL uses, every statement whose plan changes without them, and the timings;
--out writes every plan as JSON.
"""

import argparse
import json
import os
import re
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

INDEX_NAME = re.compile(r"\b((?:ix|uq|pk)_trade_figures\w*|sqlite_autoindex_trade_figures\w*)")
SORTS = ["period", "-period", "value", "-value", "id"]


def list_urls(countries: list[str], commodity: str) -> list[tuple[str, str]]:
    """(kind, URL): each filter of the trade-figure list alone and with each sort, a few together."""
    a, b = countries[0], countries[1]
    filters = {
        "none": "",
        "reporter": f"reporter={a}",
        "partner": f"partner={b}",
        "pair": f"reporter={a}&partner={b}",
        "pair+indicator": f"reporter={a}&partner={b}&indicator=exports",
        "country": f"country={a}",
        "indicator": "indicator=imports",
        "commodity": f"commodity={commodity}",
        "unit": "unit=USD",
        "unit (rare)": "unit=tonnes",
        "status": "status=reported",
        "status (rare)": "status=forecast",
        "bound": "bound=exact",
        "bound (rare)": "bound=range",
        "period_kind": "period_kind=quarter",
        "period_kind (rare)": "period_kind=other",
        "years": "period_from=2010&period_to=2012",
        "years within": "period_from=2010&period_to=2012&date_match=within",
        "from a year": "period_from=2022",
        "from a year, within": "period_from=2022&date_match=within",
        "to a year": "period_to=1996",
        "to a year, within": "period_to=1996&date_match=within",
        "from a day": "date_from=2023-11-15",
        "to a day, within": "date_to=1995-02-15&date_match=within",
        "value range": "value_min=1000000&value_max=2000000",
        "indicator+value": "indicator=exports&value_min=1000000&value_max=2000000&status=reported",
        "valuation": "valuation=cif",
        "aggregate_level": "aggregate_level=4",
        "country+period_kind": f"country={a}&period_kind=year",
    }
    urls = []
    for name, query in filters.items():
        for sort in SORTS:
            urls.append(
                (f"list: {name}", f"/v1/trade-figures?{query}&sort={sort}&limit=20".replace("?&", "?"))
            )
    facets = "facets=unit,status,bound,period_kind,indicator,year,commodity&count=true"
    for name in ("none", "pair", "indicator", "status (rare)"):
        urls.append((f"facets: {name}", f"/v1/trade-figures?{filters[name]}&{facets}".replace("?&", "?")))
    return urls


def capture(urls: list[tuple[str, str]]) -> dict[str, list[tuple[str, Any]]]:
    """kind → the statements naming trade_figures that answering its URLs ran, with their values."""
    from fastapi.testclient import TestClient
    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    from app import db
    from app.main import create_app

    seen: list[tuple[str, Any]] = []

    def on_execute(
        _conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any, many: bool
    ) -> None:
        if not many:
            seen.append((statement, parameters))

    event.listen(Engine, "before_cursor_execute", on_execute)
    bound = db._Compiled.bound

    def bound_seen(self: Any, values: Any) -> tuple[str, Any]:
        sql, parameters = bound(self, values)
        seen.append((sql, parameters))
        return sql, parameters

    db._Compiled.bound = bound_seen  # type: ignore[method-assign]
    by_kind: dict[str, list[tuple[str, Any]]] = defaultdict(list)
    with TestClient(create_app()) as client:
        for kind, url in urls:
            seen.clear()
            response = client.get(url)
            if response.status_code != 200:
                print(f"  {response.status_code} {url}: {response.text[:200]}", file=sys.stderr)
            by_kind[kind] += [(sql, p) for sql, p in seen if "trade_figures" in sql]
    return by_kind


def mix_urls(db_path: Path, seed: int) -> list[tuple[str, str]]:
    from bench import mix

    data = mix.read_data(db_path, 5000)
    kinds = ("trade-figures", "dossier", "pair")
    twins = mix.random_mix(data, seed) + [t for named in mix.named_cells(data, seed).values() for t in named]
    return [(f"mix: {t.kind}", t.api) for t in twins if any(k in t.kind for k in kinds)]


def explain(cursor: Any, postgresql: bool, sql: str, parameters: Any) -> str:
    if postgresql:
        cursor.execute("EXPLAIN " + sql, parameters)
        return "\n".join(row[0] for row in cursor.fetchall())
    cursor.execute("EXPLAIN QUERY PLAN " + sql, parameters)
    return "\n".join(str(row[3]) for row in cursor.fetchall())


def timed(cursor: Any, sql: str, parameters: Any, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        cursor.execute(sql, parameters)
        cursor.fetchall()
        best = min(best, time.perf_counter() - start)
    return best


def plans(url: str, statements: list[tuple[str, Any]], drop: list[str], repeat: int) -> list[dict[str, Any]]:
    """Each statement's plan and time, with every index and (if `drop`) without those."""
    from sqlalchemy import create_engine
    from sqlalchemy.pool import NullPool

    # A connection per pass: SQLite keeps an EXPLAIN's plan in the driver's statement cache, and
    # does not plan it again when an index is dropped.
    engine = create_engine(url, poolclass=NullPool)
    postgresql = engine.dialect.name == "postgresql"
    out = [{"sql": sql, "parameters": p} for sql, p in statements]
    for label, dropped in (("before", []), ("after", drop)):
        if label == "after" and not drop:
            break
        with engine.connect() as connection:
            driver = connection.connection.driver_connection
            assert driver is not None
            if not postgresql:
                driver.isolation_level = None  # the sqlite3 driver's own transactions off: ours only
            cursor = driver.cursor()
            cursor.execute("BEGIN")
            for name in dropped:
                cursor.execute(f'DROP INDEX "{name}"')
            for item in out:
                try:
                    item[f"plan_{label}"] = explain(cursor, postgresql, item["sql"], item["parameters"])
                    item[f"ms_{label}"] = 1000 * timed(cursor, item["sql"], item["parameters"], repeat)
                except Exception as exc:
                    item[f"plan_{label}"] = f"error: {exc}"
                    item[f"ms_{label}"] = float("nan")
                    if postgresql:
                        cursor.execute("ROLLBACK")
                        cursor.execute("BEGIN")
                        for name in dropped:
                            cursor.execute(f'DROP INDEX "{name}"')
            cursor.execute("ROLLBACK")
    engine.dispose()
    return out


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--db", type=Path, required=True, help="the benchmark's SQLite file (for the mix's URLs)"
    )
    parser.add_argument("--url", help="the database to explain on (default: the SQLite file)")
    parser.add_argument("--drop", default="", help="comma-separated indexes to compare without")
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--out", type=Path, help="write every statement and plan here (JSON)")
    args = parser.parse_args()
    url = args.url or f"sqlite:///{args.db}"
    os.environ["DATABASE_URL"] = url
    os.environ["BILATERAL_RESPONSE_CACHE_MB"] = "0"
    os.environ["BILATERAL_RATE_LIMIT_PER_MINUTE"] = "0"
    os.environ.setdefault("BILATERAL_LOG_LEVEL", "warning")
    import sqlite3

    with sqlite3.connect(args.db) as conn:
        countries = [
            c
            for (c,) in conn.execute(
                "SELECT reporter_id FROM trade_figures GROUP BY 1 ORDER BY count(*) DESC LIMIT 2"
            )
        ]
        (commodity,) = conn.execute(
            "SELECT commodity FROM trade_figures WHERE commodity <> 'TOTAL' LIMIT 1"
        ).fetchone()
    urls = list_urls(countries, commodity) + mix_urls(args.db, args.seed)
    by_kind = capture(urls)
    distinct: dict[tuple[str, str], tuple[str, Any]] = {}
    kinds_of: dict[tuple[str, str], set[str]] = defaultdict(set)
    for kind, statements in by_kind.items():
        for sql, parameters in statements:
            key = (sql, repr(parameters))
            distinct.setdefault(key, (sql, parameters))
            kinds_of[key].add(kind)
    drop = [name for name in args.drop.split(",") if name]
    results = plans(url, list(distinct.values()), drop, args.repeat)
    for item, key in zip(results, distinct, strict=True):
        item["kinds"] = sorted(kinds_of[key])
    used: dict[str, set[str]] = defaultdict(set)
    for item in results:
        for kind in item["kinds"]:
            used[kind] |= set(INDEX_NAME.findall(item["plan_before"]))
    print(f"{len(urls)} URLs, {len(results)} distinct statements naming trade_figures\n")
    print("| kind | indexes of trade_figures its statements use |\n|---|---|")
    for kind in sorted(used):
        print(f"| {kind} | {', '.join(sorted(used[kind])) or '(none)'} |")
    everywhere = set().union(*used.values()) if used else set()
    print(f"\nused by some statement: {', '.join(sorted(everywhere))}")
    if drop:
        changed = [i for i in results if i["plan_before"] != i.get("plan_after")]
        print(f"\nwithout {', '.join(drop)}: {len(changed)} of {len(results)} plans change")
        for item in changed:
            print(
                f"\n- kinds: {', '.join(item['kinds'])}; {item['ms_before']:.2f} → {item['ms_after']:.2f} ms"
            )
            print("  before: " + item["plan_before"].replace("\n", "\n          "))
            print("  after:  " + item["plan_after"].replace("\n", "\n          "))
        total_before = sum(i["ms_before"] for i in results)
        total_after = sum(i["ms_after"] for i in results)
        print(
            f"\nall statements, best of {args.repeat}: "
            f"{total_before:.1f} ms before, {total_after:.1f} ms after"
        )
    if args.out:
        args.out.write_text(json.dumps(results, indent=1, default=str))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
