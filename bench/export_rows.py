"""The CSV (or NDJSON) export of every trade figure through a running `bilateral serve`: rows/s and the
server's RSS growth, measured as bench/run.py's `export()` does, on a database bench/run.py built.

    .venv/bin/python bench/export_rows.py --database-url sqlite:///bench/results/data-200000-50000-seed5/bench.db
    .venv/bin/python bench/export_rows.py --database-url postgresql+psycopg://postgres@127.0.0.1:5432/bilateral_bench
    .venv/bin/python bench/export_rows.py ... --app-root /tmp/base   # A/B: the code of another checkout

Each run starts a fresh server (2 workers, rate limit off), reads the export `--repeat` times and prints
one line per read. `--app-root` runs the server from another checkout's directory with that directory
on its path, so that its `app` package is the one measured (`python -c` puts the working directory
first on the path); the app's location is printed.
"""

import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.run import BIN, HOST, Service, export, free_port  # noqa: E402
from bench.servers import children  # noqa: E402


def cpu_seconds(pid: int) -> float:
    """CPU time (user + system) used so far by the server: its process and every descendant."""
    total = 0
    for each in (pid, *children(pid)):
        try:
            fields = Path(f"/proc/{each}/stat").read_text().rsplit(")", 1)[1].split()
        except FileNotFoundError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / os.sysconf("SC_CLK_TCK")


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--path", default="/v1/trade-figures?format=csv&sort=id")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--app-root", help="a checkout whose app package the server runs instead")
    parser.add_argument("--port", type=int, help="the server's port (default: a free one)")
    args = parser.parse_args()
    env = {**os.environ, "DATABASE_URL": args.database_url, "BILATERAL_RATE_LIMIT_PER_MINUTE": "0"}
    root = Path(args.app_root or ROOT).resolve()
    env["PYTHONPATH"] = str(root)
    where = subprocess.run(
        [str(BIN / "python"), "-c", "import app; print(app.__file__)"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    print(f"the server's app: {where}; load average {os.getloadavg()[0]:.2f}", flush=True)
    port = args.port or free_port()
    cmd = [str(BIN / "python"), "-c", "from app.cli import app; app()", "serve", "--no-migrate"]
    cmd += ["--host", HOST, "--port", str(port), "--workers", str(args.workers)]
    with Service("export-rows", cmd, env, port, "/v1/countries?limit=1", cwd=root) as api:
        assert api.process is not None
        for _ in range(args.repeat):
            cpu = cpu_seconds(api.process.pid)
            result = export(api.base, args.path, api.process.pid)
            cpu = cpu_seconds(api.process.pid) - cpu
            print(
                f"{result['rows']:,} rows in {result['seconds']:.2f} s: {result['rows_s']:,.0f} rows/s, "
                f"server CPU {cpu:.2f} s ({cpu / max(result['rows'], 1) * 1e6:.1f} µs a row), "
                f"RSS {result['rss_before_mb']:.0f} → peak {result['rss_peak_mb']:.0f} MB "
                f"(+{result['rss_growth_mb']:.0f}), load {os.getloadavg()[0]:.1f}",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
