"""Benchmark (issues 5 and 16): this API against Datasette on the same SQLite file, and both against a
bare-ASGI ceiling, in one sitting; one command, one table.

    .venv/bin/python bench/run.py                 # 1,000,000 trade figures, 200,000 events, 5 s a cell
    .venv/bin/python bench/run.py --quick         # 20,000 figures, 5,000 events, 3 s a cell: a smoke run
    .venv/bin/python bench/run.py --rows 200000 --events 50000 --duration 5 --connections 32
    .venv/bin/python bench/run.py --reuse         # reuse the database an earlier run built, same sizes
    .venv/bin/python bench/run.py --reuse --mix-only --rounds 4 --warm-up 20   # the mix, cache off vs on
    .venv/bin/python bench/run.py --reuse --mix-only --against /tmp/before   # two trees, both cache off

Data (bench/data.py): a fresh SQLite file in bench/results/, migrated and seeded; generated trade
figures imported with `bilateral import trade-figures` (timed); generated events inserted in bulk and
indexed for search; an FTS5 table over event titles for Datasette's `_search`.

Servers (bench/servers.py), each run by uvicorn with --workers N, httptools and uvloop, on 127.0.0.1,
each worker on a listening socket of its own (app/serving.py, bench/balanced.py): `bilateral serve`
(rate limit off), Datasette through bench/datasette_app.py, and bench/ceiling.py, an ASGI app that
returns fixed bytes. Access logs are equal: by default both the API and Datasette write
one line per request to their log file in bench/results/ (`--access-log off`: neither does).

Cells (bench/mix.py), each measured by wrk (bench/wrk.py; threads seeded apart) for --duration seconds
at --connections connections: per named query, "warm" repeats one URL against the API with its response
cache on, "cold" cycles through ~200 URLs against an API with its cache off; Datasette answers the same
URLs tuned (`_nocount=1`) and in its default form (counting every match). The random mix asks 2,000+
distinct URLs over every list kind, the series, the dossier, records by id and cursor pages, each
request a random one. Every cell records how wrk's connections fell on the worker processes. The CSV
export is read by a streaming client, and the time from launch to the API's first answer is measured.
Prints the table and issue 16's targets, PASS or FAIL; JSON in bench/results/.
"""

import argparse
import datetime as dt
import json
import os
import statistics
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import checks, mix, report, wrk  # noqa: E402
from bench.data import prepare  # noqa: E402
from bench.servers import (  # noqa: E402
    DS_VENV,
    HOST,
    RESULTS,
    Service,
    ensure_datasette,
    ensure_wrk,
    free_port,
    rss_kb,
    worker_pids,
)

BIN = Path(sys.executable).parent
EXPORT_API = "/v1/trade-figures?format=csv&sort=id"
EXPORT_DS = "/bench/trade_figures.csv?_stream=on&_size=max"


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


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rows", type=int, help="trade figures (default 1,000,000; --quick 20,000)")
    parser.add_argument("--events", type=int, help="events (default 200,000; --quick 5,000)")
    parser.add_argument("--duration", type=float, help="seconds of wrk per cell (default 5; --quick 3)")
    parser.add_argument("--connections", type=int, default=32, help="wrk connections (default 32)")
    parser.add_argument(
        "--workers", type=int, default=2, help="worker processes, for every server (default 2)"
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
    parser.add_argument(
        "--access-log",
        choices=["file", "off"],
        default="file",
        help="file (default): the API and Datasette each log every request to their log file; "
        "off: neither logs requests",
    )
    parser.add_argument(
        "--verify", type=int, default=12, help="twins of each mix kind checked before measuring (default 12)"
    )
    parser.add_argument(
        "--rebalance",
        type=int,
        default=1,
        help="runs of a cell repeated while one worker holds >75 %% of the connections (default 1)",
    )
    parser.add_argument("--build-only", action="store_true", help="build the database, measure nothing")
    parser.add_argument(
        "--mix-only",
        action="store_true",
        help="only the random mix, on the API alone: its cache off and on, alternated for --rounds rounds "
        "(two servers up side by side; no Datasette, no ceiling); per-kind server times from the access logs",
    )
    parser.add_argument(
        "--kinds",
        action="store_true",
        help="the CPU per request of each kind of the random mix, the API (cache off) against Datasette "
        "tuned, a wrk run of --duration seconds on each side per kind, alternated, for --rounds rounds",
    )
    parser.add_argument(
        "--against",
        type=Path,
        help="--mix-only: instead of this tree with its cache on, another checkout of the app (its folder, "
        "put first on PYTHONPATH: a `git archive` of another commit), its cache off too: an A/B of two trees",
    )
    parser.add_argument(
        "--against-env",
        nargs="*",
        default=[],
        metavar="NAME=VALUE",
        help="--against: environment variables for that side only",
    )
    parser.add_argument("--rounds", type=int, default=3, help="rounds of --mix-only and --kinds (default 3)")
    parser.add_argument(
        "--warm-up",
        type=int,
        default=0,
        help="--mix-only: seconds of another seed's mix (none of the measured URLs) sent to each server "
        "before round 1, in two halves, so a fresh process's first seconds are not measured (default 0)",
    )
    parser.add_argument(
        "--port", type=int, help="the first of the ports the servers listen on (default: any free ones)"
    )
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
    return args


class Bench:
    """Runs cells against the servers of one sitting and keeps their results."""

    def __init__(self, args: argparse.Namespace, wrk_exe: str) -> None:
        self.args, self.wrk_exe = args, wrk_exe

    def cell(self, service: Service, paths: list[str], tag: str, at_random: bool = False) -> dict:
        """One wrk run; run again (up to --rebalance times) while one worker holds most connections,
        keeping the most even run: a cell should measure every worker, on either side."""
        assert service.process is not None
        runs = []
        for _ in range(1 + self.args.rebalance):
            runs.append(
                wrk.run(
                    self.wrk_exe,
                    service.base,
                    paths,
                    duration=self.args.duration,
                    connections=self.args.connections,
                    seed=self.args.seed,
                    script=RESULTS / f"wrk-{tag}.lua",
                    server_pid=service.process.pid,
                    port=service.port,
                    at_random=at_random,
                )
            )
            if not wrk.unbalanced(runs[-1]["split"]):
                break
        best = min(runs, key=lambda run: run["split"][0] / max(1, sum(run["split"])))
        return {**best, "runs": len(runs)}

    def datasette(self, ds: Service, twins: list[mix.Twin], tag: str, at_random: bool = False) -> dict:
        """Datasette tuned, and in its default form unless that asks the same URLs."""
        tuned = [mix.tuned(t.ds) for t in twins]
        default = [t.ds for t in twins]
        result = {"ds": self.cell(ds, tuned, f"ds-{tag}", at_random)}
        same = tuned == default
        result["ds_default"] = result["ds"] if same else self.cell(ds, default, f"dsdefault-{tag}", at_random)
        return result


def main() -> int:
    args = parse_args()
    RESULTS.mkdir(parents=True, exist_ok=True)
    # Datasette names a database after its file: the file is always bench.db, in a directory per size
    db = RESULTS / f"data-{args.rows}-{args.events}-seed{args.seed}" / "bench.db"
    db.parent.mkdir(exist_ok=True)
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{db}", "BILATERAL_RATE_LIMIT_PER_MINUTE": "0"}
    if args.access_log == "off":
        env["BILATERAL_LOG_LEVEL"] = "warning"  # the API's access lines are at info
    os.environ.update(DATABASE_URL=env["DATABASE_URL"])  # app.* imported below reads its settings
    # Datasette reads SQLite only: the SQLite file is built in every run; the API serves it or PostgreSQL.
    info = prepare(db, args, env, "sqlite")
    if args.database == "postgresql":
        env = {**env, "DATABASE_URL": args.postgres_url}
        info = prepare(db, args, env, "postgresql")
    if args.build_only:
        print(f"built {db.relative_to(ROOT)}")
        return 0
    wrk_exe = ensure_wrk()
    if args.mix_only:
        return mix_only(args, wrk_exe, db, env)
    ensure_datasette()
    if args.kinds:
        return kinds_only(args, wrk_exe, db, env)

    data = mix.read_data(db, args.events)
    cells = mix.named_cells(data, args.seed)
    twins = mix.random_mix(data, args.seed)
    ports = {name: port_for(args, n) for n, name in enumerate(("api", "ds", "ceiling"))}
    api_cmd = [str(BIN / "bilateral"), "serve", "--no-migrate", "--host", HOST, "--port", str(ports["api"])]
    api_cmd += ["--workers", str(args.workers)]
    ds_cmd = datasette_command(args, ports["ds"])
    ceiling_cmd = [str(BIN / "python"), *balanced(args, ports["ceiling"]), "bench.ceiling:app"]
    ds_env = datasette_env(env, db)
    results: dict = {
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "args": vars(args),
        "database": args.database,
        "import_s": info.get("import_s"),
        "queries": {name: {} for name in cells},
    }
    bench = Bench(args, wrk_exe)
    with Service("ceiling", ceiling_cmd, env, ports["ceiling"], "/") as ceiling:
        results["ceiling"] = bench.cell(ceiling, ["/"], "ceiling")
    print(f"ceiling: {results['ceiling']['req_s']:,.0f} req/s", flush=True)
    first_path = cells["trade by pair, by year"][0].api
    uncached_env = {**env, "BILATERAL_RESPONSE_CACHE_MB": "0"}
    with Service("datasette", ds_cmd, ds_env, ports["ds"], "/bench.json") as ds:
        # Cold first: an API with its response cache off, so the checks below leave nothing behind.
        with Service("api-cold", api_cmd, uncached_env, ports["api"], first_path) as api:
            results["first_request_s"] = [api.first_response_s]
            pages = checks.next_pages(api.base, ds.base, mix.cursor_seeds(data, args.seed))
            twins += [t for t in pages if t.api not in {known.api for known in twins}]
            print(f"random mix: {len(twins)} distinct URLs; checking a sample of each kind", flush=True)
            results["verify"] = checks.verify(api.base, ds.base, twins, args.verify, args.seed)
            results["mix_kinds"] = mix_kinds(twins)
            for name, named in cells.items():
                row = results["queries"][name]
                row["rows"] = [
                    checks.api_rows(named[0], httpx.get(api.base + named[0].api, timeout=60).json()),
                    checks.ds_rows(named[0], httpx.get(ds.base + mix.tuned(named[0].ds), timeout=60).json()),
                ]
                row["api_cold"] = bench.cell(api, [t.api for t in named], "api-cold")
                for side, measured in bench.datasette(ds, named, "cold").items():
                    row[f"{side}_cold"] = measured
                print(f"  measured {name} (cold)", flush=True)
            results["mix"] = {"api_cold": bench.cell(api, [t.api for t in twins], "mix-api-cold", True)}
            for side, measured in bench.datasette(ds, twins, "mix", True).items():
                results["mix"][side] = measured
            print("  measured the random mix (cold)", flush=True)
            assert api.process is not None
            results["export_api"] = export(api.base, EXPORT_API, api.process.pid)
        with Service("api-warm", api_cmd, env, ports["api"], first_path) as api:
            results["first_request_s"].append(api.first_response_s)
            for name, named in cells.items():
                row = results["queries"][name]
                row["api_warm"] = bench.cell(api, [named[0].api], "api-warm")
                for side, measured in bench.datasette(ds, named[:1], "warm").items():
                    row[f"{side}_warm"] = measured
                print(f"  measured {name} (warm)", flush=True)
            # The cold API met every kind of the mix before its mix cell (the checks, the cold cells):
            # this one too, through URLs that are not measured, so neither measures a process's first
            # requests of a kind (lazy imports, first compilations) and this one's cache starts empty.
            others = other_mix_urls(data, args.seed, {t.api for t in twins})
            results["mix_warm_up"] = warm_up(wrk_exe, api, others, args, "api-warm")
            results["mix"]["api_warm"] = bench.cell(api, [t.api for t in twins], "mix-api-warm", True)
            print("  measured the random mix (API cache on)", flush=True)
        assert ds.process is not None
        results["export_ds"] = export(ds.base, EXPORT_DS, ds.process.pid)
    out = RESULTS / f"run-{args.rows}-{args.events}-{args.database}.json"
    out.write_text(json.dumps(results, indent=2) + "\n")
    report.print_report(results, args)
    print(f"\nJSON: {out.relative_to(ROOT)}")
    return 0


def port_for(args: argparse.Namespace, n: int) -> int:
    return free_port() if args.port is None else args.port + n


def balanced(args: argparse.Namespace, port: int) -> list[str]:
    """uvicorn with a socket per worker, as `bilateral serve` runs the API (bench/balanced.py): the
    servers compared spread their connections over their workers alike."""
    return ["-m", "bench.balanced", "--workers", str(args.workers), "--host", HOST, "--port", str(port)]


def datasette_command(args: argparse.Namespace, port: int) -> list[str]:
    cmd = [str(DS_VENV / "bin" / "python"), *balanced(args, port), "bench.datasette_app:create", "--factory"]
    return cmd if args.access_log == "off" else [*cmd, "--access-log"]


def datasette_env(env: dict, db: Path) -> dict:
    settings = {
        "suggest_facets": False,
        "max_csv_mb": 0,
        "sql_time_limit_ms": 20000,
        "max_returned_rows": 1000,
    }
    return {**env, "BENCH_DB": str(db), "BENCH_DATASETTE_SETTINGS": json.dumps(settings)}


def api_command(args: argparse.Namespace, port: int) -> list[str]:
    cmd = [str(BIN / "bilateral"), "serve", "--no-migrate", "--host", HOST, "--port", str(port)]
    return [*cmd, "--workers", str(args.workers)]


def mix_only(args: argparse.Namespace, wrk_exe: str, db: Path, env: dict) -> int:
    """The random mix against two APIs up side by side, one with its response cache off and one
    with it on, alternated (off first in odd rounds, on first in even ones): each round is a wrk run
    on each. Both servers start fresh, so round 1 is each one's first seconds; later rounds show a
    server that has seen the mix (and, cache on, kept what it could). The servers' access logs give
    each request's time inside the server, summed up per URL kind."""
    data = mix.read_data(db, args.events)
    twins = mix.random_mix(data, args.seed)
    first_path = twins[0].api
    sides = {"off": {**env, "BILATERAL_RESPONSE_CACHE_MB": "0"}, "on": env}
    labels = {"off": "cache off", "on": "cache on"}
    if args.against is not None:
        # The second side is another tree, its cache off too: "on" names the side, not its cache.
        paths = [str(args.against.resolve()), *filter(None, [env.get("PYTHONPATH")])]
        extra = dict(pair.split("=", 1) for pair in args.against_env)
        sides["on"] = {**sides["off"], "PYTHONPATH": os.pathsep.join(paths), **extra}
        labels = {"off": "this tree", "on": f"{args.against} {' '.join(args.against_env)}".strip()}
    results: dict = {
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "args": {**vars(args), "against": args.against and str(args.against)},
        "labels": labels,
        "rounds": [],
    }
    bench = Bench(args, wrk_exe)
    port_off, port_on = port_for(args, 0), port_for(args, 1)
    # The cursor pages come from a server of their own, so that both measured ones start equal.
    with Service("mix-pages", api_command(args, port_off), sides["off"], port_off, first_path) as pages_api:
        pages = checks.next_pages(pages_api.base, None, mix.cursor_seeds(data, args.seed))
    twins += [t for t in pages if t.api not in {known.api for known in twins}]
    kinds = {t.api: t.kind for t in twins}
    results["urls"] = len(twins)
    results["mix_kinds"] = mix_kinds(twins)
    with (
        Service("mix-cache-off", api_command(args, port_off), sides["off"], port_off, first_path) as off,
        Service("mix-cache-on", api_command(args, port_on), sides["on"], port_on, first_path) as on,
    ):
        services = {"off": off, "on": on}
        print(f"random mix: {len(twins)} distinct URLs", flush=True)
        if args.warm_up:
            others = other_mix_urls(data, args.seed, set(kinds))
            # In halves, off-on-on-off: neither side gets all of a busier or quieter stretch.
            for half, side in enumerate(("off", "on", "on", "off")):
                warm = warm_up(wrk_exe, services[side], others, args, side, max(1, args.warm_up // 2))
                print(
                    f"  warm-up {half // 2 + 1} of {labels[side]}, {len(others)} other URLs: "
                    f"{warm['req_s']:,.0f} req/s, p99 {warm['p99_ms']:.1f} ms, "
                    f"CPU {warm['cpu_ms_per_request']:.2f} ms a request, load {os.getloadavg()[0]:.2f}",
                    flush=True,
                )
                results.setdefault("warm_up", []).append({"side": side, **warm})
        for n in range(1, args.rounds + 1):
            row: dict = {"load": os.getloadavg()[0]}
            for side in ("off", "on") if n % 2 else ("on", "off"):
                service = services[side]
                log = Path(service.log.name)
                service.log.flush()
                start = log.stat().st_size
                assert service.process is not None
                cpu_before = worker_cpu_s(service.process.pid)
                database_url = sides[side]["DATABASE_URL"]  # --against-env may name another
                database_before = database_cpu_s(database_url)
                cell = bench.cell(service, [t.api for t in twins], f"mix-{side}", True)
                # CPU per request, less swayed than req/s by what else the machine runs meanwhile.
                cell["cpu_ms_per_request"] = (
                    (worker_cpu_s(service.process.pid) - cpu_before) * 1000 / max(1, cell["requests"])
                )
                # PostgreSQL's share, on the same cores: its backends' CPU for this side's run.
                cell["db_cpu_ms_per_request"] = database_cpu_ms(
                    database_before, database_cpu_s(database_url), cell["requests"]
                )
                cell["kinds"] = server_times(log, start, kinds)
                row[side] = cell
                database = cell["db_cpu_ms_per_request"]
                print(
                    f"  round {n} {labels[side]}: {cell['req_s']:,.0f} req/s, p50 {cell['p50_ms']:.1f} / "
                    f"p99 {cell['p99_ms']:.1f} ms, CPU {cell['cpu_ms_per_request']:.2f} ms a request"
                    f"{'' if database is None else f' (PostgreSQL {database:.2f} ms)'}, "
                    f"split {cell['split']}, load {row['load']:.2f}",
                    flush=True,
                )
            results["rounds"].append(row)
    out = RESULTS / f"mix{'-ab' if args.against else ''}-{args.rows}-{args.events}.json"
    out.write_text(json.dumps(results, indent=2) + "\n")
    print_mix(results)
    print(f"\nJSON: {out.relative_to(ROOT)}")
    return 0


def kinds_only(args: argparse.Namespace, wrk_exe: str, db: Path, env: dict) -> int:
    """Each kind of the random mix alone: its URLs cycled by wrk for --duration seconds against the API
    (cache off) and against Datasette tuned, one side after the other (the API first in odd rounds),
    and each server's worker CPU per request. CPU is what a busy mix runs out of, and the load of other
    programs moves it much less than req/s. A kind's share of the mix is its share of the URLs (the mix
    asks them at random), so the shares weigh the kinds into the CPU of an average mix request."""
    data = mix.read_data(db, args.events)
    twins = mix.random_mix(data, args.seed)
    ports = {"api": port_for(args, 0), "ds": port_for(args, 1)}
    uncached = {**env, "BILATERAL_RESPONSE_CACHE_MB": "0"}
    results: dict = {"date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), "args": vars(args)}
    with (
        Service("kinds-api", api_command(args, ports["api"]), uncached, ports["api"], twins[0].api) as api,
        Service(
            "kinds-datasette",
            datasette_command(args, ports["ds"]),
            datasette_env(env, db),
            ports["ds"],
            "/bench.json",
        ) as ds,
    ):
        pages = checks.next_pages(api.base, ds.base, mix.cursor_seeds(data, args.seed))
        twins += [t for t in pages if t.api not in {known.api for known in twins}]
        by_kind: dict[str, list[mix.Twin]] = {}
        for twin in twins:
            by_kind.setdefault(twin.kind, []).append(twin)
        results["urls"] = len(twins)
        results["mix_kinds"] = {kind: len(kind_twins) for kind, kind_twins in by_kind.items()}
        print(f"random mix: {len(twins)} distinct URLs, {len(by_kind)} kinds", flush=True)
        checks.verify(api.base, ds.base, twins, 3, args.seed)
        services = {"api": (api, lambda t: t.api), "ds": (ds, lambda t: mix.tuned(t.ds))}

        def measure(side: str, kind_twins: list[mix.Twin], seconds: int) -> dict:
            service, path = services[side]
            assert service.process is not None
            cpu_before = worker_cpu_s(service.process.pid)
            cell = wrk.run(
                wrk_exe,
                service.base,
                [path(t) for t in kind_twins],
                duration=seconds,
                connections=args.connections,
                seed=args.seed,
                script=RESULTS / f"wrk-kinds-{side}.lua",
                server_pid=service.process.pid,
                port=service.port,
            )
            time.sleep(0.5)  # the requests still in flight when wrk stopped: their CPU is this kind's
            cpu_s = worker_cpu_s(service.process.pid) - cpu_before
            return {**cell, "cpu_ms_per_request": cpu_s * 1000 / max(1, cell["requests"])}

        # Every kind a second on each side first: no process's first requests of a kind are measured.
        for kind_twins in by_kind.values():
            for side in services:
                measure(side, kind_twins, 1)
        rounds: list[dict] = []
        for n in range(1, args.rounds + 1):
            row: dict = {}
            for kind, kind_twins in by_kind.items():
                row[kind] = {"load": os.getloadavg()[0]}
                for side in ("api", "ds") if n % 2 else ("ds", "api"):
                    row[kind][side] = measure(side, kind_twins, args.duration)
                print(
                    f"  round {n} {kind}: API {row[kind]['api']['cpu_ms_per_request']:.2f} ms, "
                    f"Datasette {row[kind]['ds']['cpu_ms_per_request']:.2f} ms a request, "
                    f"load {row[kind]['load']:.2f}",
                    flush=True,
                )
            rounds.append(row)
        results["rounds"] = rounds
    out = RESULTS / f"kinds-{args.rows}-{args.events}.json"
    out.write_text(json.dumps(results, indent=2) + "\n")
    print_kinds(results)
    print(f"\nJSON: {out.relative_to(ROOT)}")
    return 0


def print_kinds(r: dict) -> None:
    """Per kind: its share of the mix, the median over rounds of each side's CPU per request, their
    ratio, and the kind's share of the API's CPU in the mix (share x CPU), costliest first."""
    shares = {kind: n / r["urls"] for kind, n in r["mix_kinds"].items()}
    cpu = {
        kind: {
            side: statistics.median(row[kind][side]["cpu_ms_per_request"] for row in r["rounds"])
            for side in ("api", "ds")
        }
        for kind in shares
    }
    mean = {side: sum(shares[k] * cpu[k][side] for k in shares) for side in ("api", "ds")}
    loads = [row[k]["load"] for row in r["rounds"] for k in row]
    print(
        f"\n{r['date']} | random mix, {r['urls']} URLs, by kind | CPU per request, median of "
        f"{len(r['rounds'])} rounds | load {min(loads):.1f}–{max(loads):.1f}"
    )
    print("\n| kind | URLs | API ms/req | Datasette tuned ms/req | Datasette ÷ API | API mix CPU share |")
    print("|---|---|---|---|---|---|")
    for kind in sorted(shares, key=lambda k: -shares[k] * cpu[k]["api"]):
        api, ds = cpu[kind]["api"], cpu[kind]["ds"]
        print(
            f"| {kind} | {r['mix_kinds'][kind]} | {api:.2f} | {ds:.2f} | {ds / api:.2f}× | "
            f"{shares[kind] * api / mean['api']:.1%} |"
        )
    print(
        f"| **the mix (weighted by URLs)** | {r['urls']} | {mean['api']:.2f} | {mean['ds']:.2f} | "
        f"{mean['ds'] / mean['api']:.2f}× | 100% |"
    )


def other_mix_urls(data: mix.Data, seed: int, measured: set[str]) -> list[str]:
    """A mix of another seed, less the measured URLs: every kind, none of the answers measured."""
    return [t.api for t in mix.random_mix(data, seed + 1000) if t.api not in measured]


def warm_up(
    wrk_exe: str, service: Service, paths: list[str], args: argparse.Namespace, tag: str, seconds: int = 0
) -> dict:
    """`paths` at random for `seconds` (default --duration), with the workers' CPU per request."""
    assert service.process is not None
    cpu_before = worker_cpu_s(service.process.pid)
    result = wrk.run(
        wrk_exe,
        service.base,
        paths,
        duration=seconds or args.duration,
        connections=args.connections,
        seed=args.seed + 1000,
        script=RESULTS / f"wrk-warm-{tag}.lua",
        server_pid=service.process.pid,
        port=service.port,
        at_random=True,
    )
    cpu = (worker_cpu_s(service.process.pid) - cpu_before) * 1000 / max(1, result["requests"])
    return {**result, "cpu_ms_per_request": cpu}


def worker_cpu_s(server_pid: int) -> float:
    """User and system CPU seconds of a server's worker processes so far."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in worker_pids(server_pid):
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except FileNotFoundError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15 of stat)
    return total / ticks


def database_cpu_s(url: str) -> dict[int, float] | None:
    """User and system CPU seconds so far of each PostgreSQL backend connected to `url`'s database
    (a local server's, found by their process titles); None for SQLite."""
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    if parsed.get_backend_name() != "postgresql":
        return None
    ticks = os.sysconf("SC_CLK_TCK")
    found = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            title = (stat.parent / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            # "postgres: [cluster: ]user database host(port) state"
            if not (title.startswith("postgres: ") and f" {parsed.username} {parsed.database} " in title):
                continue
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (FileNotFoundError, ProcessLookupError):
            continue
        found[int(stat.parent.name)] = (int(fields[11]) + int(fields[12])) / ticks
    return found


def database_cpu_ms(
    before: dict[int, float] | None, after: dict[int, float] | None, requests: int
) -> float | None:
    """The database backends' CPU per request between two `database_cpu_s` readings (a backend that
    ended between them is not counted; one that began, counted from zero)."""
    if before is None or after is None:
        return None
    used = sum(seconds - before.get(pid, 0.0) for pid, seconds in after.items())
    return used * 1000 / max(1, requests)


def server_times(log: Path, start: int, kinds: dict[str, str]) -> dict[str, dict]:
    """Per URL kind, from the access lines written since byte `start`: requests, and the time inside
    the server (from the outermost middleware in to the last byte out) at p50, p99 and the maximum."""
    times: dict[str, list[float]] = {}
    with log.open("rb") as lines:
        lines.seek(start)
        for raw in lines:
            try:
                line = json.loads(raw)
            except ValueError:
                continue
            if "duration_ms" not in line:
                continue
            url = line.get("path", "") + ("?" + line["query"] if line.get("query") else "")
            times.setdefault(kinds.get(url, "other"), []).append(float(line["duration_ms"]))
    summary = {}
    for kind, values in sorted(times.items(), key=lambda kv: -sum(kv[1])):
        values.sort()
        summary[kind] = {
            "requests": len(values),
            "p50_ms": values[len(values) // 2],
            "p99_ms": values[min(len(values) - 1, int(len(values) * 0.99))],
            "max_ms": values[-1],
            "total_s": sum(values) / 1000,
        }
    return summary


def _ms(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"


def print_mix(r: dict) -> None:
    labels = r.get("labels", {"off": "cache off", "on": "cache on"})
    print(
        f"\n{r['date']} | random mix, {r['urls']} URLs | "
        f"off: {labels['off']} vs on: {labels['on']}, alternated"
    )
    print(
        "\n| round | load | off req/s | off p50 / p99 ms | off CPU ms/req | off PostgreSQL CPU ms/req | "
        "on req/s | on p50 / p99 ms | on CPU ms/req | on PostgreSQL CPU ms/req | on ÷ off | split |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for n, row in enumerate(r["rounds"], 1):
        off, on = row["off"], row["on"]
        print(
            f"| {n} | {row['load']:.2f} | {off['req_s']:,.0f} | {off['p50_ms']:.1f} / {off['p99_ms']:.1f} | "
            f"{off['cpu_ms_per_request']:.2f} | {_ms(off.get('db_cpu_ms_per_request'))} | "
            f"{on['req_s']:,.0f} | {on['p50_ms']:.1f} / {on['p99_ms']:.1f} | "
            f"{on['cpu_ms_per_request']:.2f} | {_ms(on.get('db_cpu_ms_per_request'))} | "
            f"{on['req_s'] / off['req_s']:.2f}× | "
            f"{'/'.join(map(str, off['split']))} · {'/'.join(map(str, on['split']))} |"
        )
    last = r["rounds"][-1]
    print("\nlast round, time inside the server by URL kind (ms; most total time first):\n")
    print("| kind | off: n, p50 / p99 / max | on: n, p50 / p99 / max |")
    print("|---|---|---|")
    for kind in last["off"]["kinds"]:
        cells = []
        for side in ("off", "on"):
            k = last[side]["kinds"].get(kind)
            cells.append(
                "—"
                if k is None
                else f"{k['requests']}, {k['p50_ms']:.1f} / {k['p99_ms']:.1f} / {k['max_ms']:.0f}"
            )
        print(f"| {kind} | {cells[0]} | {cells[1]} |")


def mix_kinds(twins: list[mix.Twin]) -> dict[str, int]:
    kinds: dict[str, int] = {}
    for twin in twins:
        kinds[twin.kind] = kinds.get(twin.kind, 0) + 1
    return dict(sorted(kinds.items(), key=lambda kv: -kv[1]))


if __name__ == "__main__":
    sys.exit(main())
