"""The table and issue 16's targets, from the results bench/run.py gathers."""

import argparse
from typing import Any

from bench.servers import DATASETTE_VERSION
from bench.wrk import unbalanced

COLUMNS = (
    "| query | mode | API req/s | API p50 / p99 ms | × ceiling | DS tuned req/s | DS p50 / p99 ms "
    "| DS × ceiling | DS default req/s | API ÷ DS tuned | API ÷ DS default "
    "| connections per worker API · DS | rows API/DS |"
)


def ratio(a: dict, b: dict) -> float:
    return a["req_s"] / b["req_s"] if b["req_s"] else float("inf")


def split(cell: dict) -> str:
    text = "/".join(str(n) for n in cell["split"])
    return f"**{text}** ⚠" if unbalanced(cell["split"]) else text


def line(name: str, mode: str, api: dict, ds: dict, default: dict, ceiling: float, rows: str) -> str:
    return (
        f"| {name} | {mode} | {api['req_s']:,.0f} | {api['p50_ms']:.1f} / {api['p99_ms']:.1f} | "
        f"{api['req_s'] / ceiling:.3f} | {ds['req_s']:,.0f} | {ds['p50_ms']:.1f} / {ds['p99_ms']:.1f} | "
        f"{ds['req_s'] / ceiling:.3f} | "
        f"{default['req_s']:,.0f} | {ratio(api, ds):.2f}× | {ratio(api, default):.2f}× | "
        f"{split(api)} · {split(ds)} | {rows} |"
    )


def print_report(r: dict, args: argparse.Namespace) -> None:
    ceiling = r["ceiling"]["req_s"]
    print(
        f"\n{r['date']} | {args.rows:,} trade figures, {args.events:,} events | wrk -t2 -c{args.connections} "
        f"-d{args.duration}s per cell | {args.workers} worker processes each: API ({args.database}) vs "
        f"datasette {DATASETTE_VERSION} (SQLite), same rows | access logs: {args.access_log} on both sides"
    )
    print(
        f"\nbare-ASGI ceiling (bench/ceiling.py, same uvicorn and workers): {ceiling:,.0f} req/s, "
        f"p50 {r['ceiling']['p50_ms']:.1f} ms, p99 {r['ceiling']['p99_ms']:.1f} ms, "
        f"connections per worker {split(r['ceiling'])}"
    )
    print("\n" + COLUMNS)
    print("|" + "---|" * (COLUMNS.count("|") - 1))
    for name, row in r["queries"].items():
        for mode in ("warm", "cold"):
            rows = f"{row['rows'][0]}/{row['rows'][1]}"
            print(
                line(
                    name,
                    mode,
                    row[f"api_{mode}"],
                    row[f"ds_{mode}"],
                    row[f"ds_default_{mode}"],
                    ceiling,
                    rows,
                )
            )
    m = r["mix"]
    n = sum(r["mix_kinds"].values())
    for mode, label in (("api_warm", "API cache on"), ("api_cold", "API cache off")):
        print(line(f"random mix ({n} URLs)", label, m[mode], m["ds"], m["ds_default"], ceiling, "—"))
    ea, ed = r["export_api"], r["export_ds"]
    print(
        f"| CSV export, all rows | once | {ea['rows_s']:,.0f} rows/s "
        f"({ea['rows']:,} rows, {ea['seconds']:.1f} s) "
        f"| | | {ed['rows_s']:,.0f} rows/s ({ed['rows']:,} rows, {ed['seconds']:.1f} s) | | | | "
        f"{ea['rows_s'] / ed['rows_s']:.2f}× | | | |"
    )
    print(
        f"\nexport server RSS: API {ea['rss_before_mb']:.0f} → peak {ea['rss_peak_mb']:.0f} MB "
        f"(+{ea['rss_growth_mb']:.0f}); "
        f"Datasette {ed['rss_before_mb']:.0f} → peak {ed['rss_peak_mb']:.0f} MB "
        f"(+{ed['rss_growth_mb']:.0f})"
    )
    print("\n- random mix: " + ", ".join(f"{kind} {count}" for kind, count in r["mix_kinds"].items()))
    if "mix_warm_up" in r:
        w = r["mix_warm_up"]
        print(
            f"- the API with its cache on was warmed up before its mix cell with another seed's mix "
            f"({w['requests']:,} requests, none of the measured URLs, {w['req_s']:,.0f} req/s), as the "
            "cold API was by the checks and the cold cells"
        )
    v = r["verify"]
    print(
        f"- checked before measuring: {v['checked']} twins over {v['kinds']} kinds, all 200 on both sides; "
        f"row counts differ on {len(v['mismatches'])}"
    )
    problems = [*errors(r), *imbalances(r)]
    for problem in problems:
        print(f"- WARNING: {problem}")
    print("\n| target (issue 16) | result | measured |\n|---|---|---|")
    for label, ok, measured in targets(r, args):
        print(f"| {label} | {'PASS' if ok else 'FAIL'} | {measured} |")


def every_cell(r: dict) -> list[tuple[str, dict]]:
    found = [("ceiling", r["ceiling"])]
    for name, row in r["queries"].items():
        found += [(f"{name} {key}", cell) for key, cell in row.items() if isinstance(cell, dict)]
    found += [(f"random mix {key}", cell) for key, cell in r["mix"].items()]
    return found


def errors(r: dict) -> list[str]:
    return [
        f"{name}: {cell['errors']} socket errors, {cell['non_2xx']} answers not 2xx/3xx"
        for name, cell in every_cell(r)
        if cell["errors"] or cell["non_2xx"]
    ]


def imbalances(r: dict) -> list[str]:
    return [
        f"{name}: one worker held {cell['split'][0]} of {sum(cell['split'])} connections "
        f"(in the most even of {cell.get('runs', 1)} runs)"
        for name, cell in every_cell(r)
        if unbalanced(cell["split"])
    ]


def targets(r: dict, args: argparse.Namespace) -> list[tuple[str, bool, str]]:
    q, m = r["queries"], r["mix"]
    factor = 3 if args.database == "sqlite" else 2
    lists = [n for n in q if n not in ("one record by id", "pair dossier")]
    cold: dict[str, Any] = {n: ratio(q[n]["api_cold"], q[n]["ds_cold"]) for n in lists}
    worst = min(cold, key=cold.get)
    mix_ratio = ratio(m["api_cold"], m["ds"])
    by_id = ratio(q["one record by id"]["api_cold"], q["one record by id"]["ds_cold"])
    ceiling = r["ceiling"]["req_s"]
    page = q["first page"]["api_cold"]["req_s"] / ceiling
    rare = next(n for n in q if n.startswith("search, rare"))
    common = next(n for n in q if n.startswith("search, common"))
    search = q[common]["api_cold"]["req_s"] / q[rare]["api_cold"]["req_s"]
    ea = r["export_api"]
    scale = args.rows / 1_000_000
    import_s = r.get("import_s")
    first = max(r["first_request_s"])
    return [
        (
            f"cold, every list query ≥{factor}× Datasette tuned",
            cold[worst] >= factor,
            f"min {cold[worst]:.2f}× ({worst})",
        ),
        (f"cold random mix ≥{factor}× Datasette tuned", mix_ratio >= factor, f"{mix_ratio:.2f}×"),
        ("one record by id ≥2× Datasette tuned (cold)", by_id >= 2, f"{by_id:.2f}×"),
        (
            "random mix p99 < 100 ms (API cache off)",
            m["api_cold"]["p99_ms"] < 100,
            f"{m['api_cold']['p99_ms']:.0f} ms (cache on: {m['api_warm']['p99_ms']:.0f} ms)",
        ),
        (
            "cold page ≥0.1 of the bare-ASGI ceiling (first page)",
            page >= 0.1,
            f"{page:.3f} ({q['first page']['api_cold']['req_s']:,.0f} of {ceiling:,.0f} req/s)",
        ),
        ("common-word search within 2× of a rare word's req/s (cold)", search >= 0.5, f"{search:.2f}×"),
        ("CSV export ≥200,000 rows/s", ea["rows_s"] >= 200_000, f"{ea['rows_s']:,.0f} rows/s"),
        ("CSV export RSS growth < 50 MB", ea["rss_growth_mb"] < 50, f"+{ea['rss_growth_mb']:.0f} MB"),
        (
            "import 1M rows < 60 s (pro rata)",
            import_s is not None and import_s < 60 * scale,
            f"{import_s:.1f} s for {args.rows:,} rows = "
            f"{1_000_000 / (args.rows / import_s):.0f} s per million"
            if import_s
            else "not measured",
        ),
        (
            "first answer < 2 s after launch (worse of two launches)",
            first < 2,
            ", ".join(f"{s:.2f} s" for s in r["first_request_s"]),
        ),
    ]
