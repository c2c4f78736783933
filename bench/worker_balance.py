"""How each server of the benchmark splits wrk's keep-alive connections over its worker processes:
with uvicorn's one shared listening socket, and with a socket per worker (app/serving.py).

Each trial is a short wrk run (`--connections` connections, two threads, as the benchmark's cells
open them) on a cheap path of the server's; the split is read from `ss` while it runs
(bench/servers.py `connection_split`), and wrk ends, closing every connection, before the next
trial. The servers run one at a time, each side in turn, on a SQLite database the API has migrated
and seeded (Datasette reads the same file).

    .venv/bin/python bench/worker_balance.py --db bench/results/balance.db --trials 20
"""

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.run import BIN, balanced  # noqa: E402
from bench.servers import (  # noqa: E402
    DS_VENV,
    HOST,
    RESULTS,
    Service,
    connection_split,
    ensure_datasette,
    free_port,
)
from bench.wrk import unbalanced  # noqa: E402

SIDES = ("shared", "own")


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--db", type=Path, required=True, help="a SQLite file (migrated and seeded if new)")
    parser.add_argument("--trials", type=int, default=20)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--servers", default="api,datasette,ceiling", help="comma-separated")
    return parser.parse_args()


def main() -> int:
    args = parse_args()
    RESULTS.mkdir(parents=True, exist_ok=True)
    db = args.db.resolve()
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{db}",
        "BILATERAL_RATE_LIMIT_PER_MINUTE": "0",
        "BILATERAL_LOG_LEVEL": "warning",
    }
    if not db.exists():
        subprocess.run([str(BIN / "bilateral"), "db", "upgrade"], env=env, check=True)
        subprocess.run([str(BIN / "bilateral"), "seed"], env=env, check=True, capture_output=True)
    ensure_datasette()
    results: dict[str, dict[str, list[list[int]]]] = {}
    for name in args.servers.split(","):
        results[name] = {}
        for side in SIDES:
            port = free_port()
            cmd, server_env, probe = command(name, side, args, port, env, db)
            with Service(f"balance-{name}-{side}", cmd, server_env, port, probe) as server:
                assert server.process is not None
                results[name][side] = [
                    trial(server.base + probe, port, server.process.pid, args.connections)
                    for _ in range(args.trials)
                ]
            print(f"{name:9} {side:6} {summary(results[name][side])}", flush=True)
    out = RESULTS / "worker-balance.json"
    out.write_text(json.dumps({"args": {**vars(args), "db": str(db)}, "splits": results}, indent=2) + "\n")
    print(f"JSON: {out}")
    return 0


def command(
    name: str, side: str, args: argparse.Namespace, port: int, env: dict[str, str], db: Path
) -> tuple[list[str], dict[str, str], str]:
    """The server's command as bench/run.py starts it, with the side's sockets; its env, and a path."""
    if name == "api":
        cmd = [str(BIN / "bilateral"), "serve", "--no-migrate", "--host", HOST, "--port", str(port)]
        cmd += ["--workers", str(args.workers)]
        return cmd, {**env, "BILATERAL_WORKER_SOCKETS": side}, "/v1/countries?limit=1"
    launcher = [*balanced(args, port), "--sockets", side]
    if name == "datasette":
        cmd = [str(DS_VENV / "bin" / "python"), *launcher, "bench.datasette_app:create", "--factory"]
        return cmd, {**env, "BENCH_DB": str(db)}, "/-/versions.json"
    return [str(BIN / "python"), *launcher, "bench.ceiling:app"], env, "/"


def trial(url: str, port: int, server_pid: int, connections: int) -> list[int]:
    """One wrk run's split of its connections, the sample that saw the most of them."""
    wrk = subprocess.Popen(
        ["wrk", "-t2", f"-c{connections}", "-d3s", url], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    samples = []  # a connection counts once its worker has accepted it: the fullest sample is kept
    for _ in range(4):
        time.sleep(0.6)
        samples.append(connection_split(port, server_pid))
    wrk.wait(30)
    return max(samples, key=sum)


def summary(splits: list[list[int]]) -> str:
    worst = max(splits, key=lambda split: split[0] / max(1, sum(split)))
    mean_share = sum(split[0] / max(1, sum(split)) for split in splits) / len(splits)
    flagged = sum(unbalanced(split) for split in splits)
    shown = " ".join("/".join(map(str, split)) for split in splits)
    return f"busiest mean {mean_share:.0%}, worst {'/'.join(map(str, worst))}, ⚠ {flagged}: {shown}"


if __name__ == "__main__":
    sys.exit(main())
