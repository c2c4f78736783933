"""The two search cells of `bench/run.py` (cold: the rare words cycled, the common word repeated), on this
tree and on another checkout, up side by side on the same SQLite file, in alternated rounds: an A/B of
search alone, without Datasette and the other cells (about a minute a round).

    .venv/bin/python bench/run.py --rows 200000 --events 50000 --build-only
    .venv/bin/python bench/search_cells.py --against /work/wt-base --rounds 4

Each round runs every cell on both sides, the side that goes first alternating; a cell is a wrk run at
--connections connections for --duration seconds. Per cell: req/s, p50 / p99, the CPU of the server's
workers per request, the connections per worker, and the machine's load when it started. The common word's
req/s over the rare words' is the ratio issue 16's target names (at least 0.5).
"""

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import mix, wrk
from bench.data import RESULTS
from bench.run import api_command, worker_cpu_s
from bench.servers import Service, ensure_wrk, free_port

CELLS = ("search, rare word (~25 hits at 200k)", "search, common word (visit, 3/8 of events)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--against", type=Path, required=True, help="another checkout of the app (its folder)"
    )
    parser.add_argument(
        "--rows", type=int, default=200_000, help="the database's size, as bench/run.py built it"
    )
    parser.add_argument("--events", type=int, default=50_000)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--duration", type=int, default=5)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--port", type=int, help="the first of two ports (default: any free ones)")
    args = parser.parse_args()
    db = RESULTS / f"data-{args.rows}-{args.events}-seed{args.seed}" / "bench.db"
    if not db.exists():
        parser.error(
            f"no {db}: build it with bench/run.py --build-only --rows {args.rows} --events {args.events}"
        )
    wrk_exe = ensure_wrk()
    cells = mix.named_cells(mix.read_data(db, args.events), args.seed)
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{db}",
        "BILATERAL_RATE_LIMIT_PER_MINUTE": "0",
        "BILATERAL_RESPONSE_CACHE_MB": "0",
    }
    other = {
        **env,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(args.against.resolve()), env.get("PYTHONPATH")])),
    }
    ports = (args.port, args.port + 1) if args.port else (free_port(), free_port())
    first = cells[CELLS[0]][0].api
    with (
        Service("search-this", api_command(args, ports[0]), env, ports[0], first) as this,
        Service("search-other", api_command(args, ports[1]), other, ports[1], first) as against,
    ):
        sides = {"this tree": this, str(args.against): against}
        for n in range(1, args.rounds + 1):
            order = list(sides) if n % 2 else list(reversed(sides))
            for side in order:
                req_s = {}
                for name in CELLS:
                    req_s[name] = cell(
                        wrk_exe, sides[side], [t.api for t in cells[name]], args, n, side, name
                    )
                print(f"round {n} {side}: common ÷ rare {req_s[CELLS[1]] / req_s[CELLS[0]]:.2f}", flush=True)
    return 0


def cell(wrk_exe: str, service: Service, paths: list[str], args: argparse.Namespace, *label: object) -> float:
    assert service.process is not None
    load, cpu_before = os.getloadavg()[0], worker_cpu_s(service.process.pid)
    script = RESULTS / f"search-cells-{service.name}.lua"
    found = wrk.run(
        wrk_exe,
        service.base,
        paths,
        duration=args.duration,
        connections=args.connections,
        seed=args.seed,
        script=script,
        server_pid=service.process.pid,
        port=service.port,
    )
    cpu_ms = (worker_cpu_s(service.process.pid) - cpu_before) * 1000 / max(1, found["requests"])
    round_, side, name = label
    latency = f"p50 {found['p50_ms']:6.1f} / p99 {found['p99_ms']:6.1f} ms"
    print(
        f"round {round_} {side:>22} {name:<44} {found['req_s']:8,.0f} req/s  {latency}  "
        f"CPU {cpu_ms:5.2f} ms a request  split {found['split']}  load {load:.1f}",
        flush=True,
    )
    if found["errors"] or found["non_2xx"]:
        raise SystemExit(f"{service.name}: {found['errors']} errors, {found['non_2xx']} non-2xx answers")
    result: float = found["req_s"]
    return result


if __name__ == "__main__":
    raise SystemExit(main())
