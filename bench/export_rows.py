"""The CSV (or NDJSON) export of every trade figure through a running `bilateral serve`: rows/s and the
server's RSS growth, measured as bench/run.py's `export()` does, on a database bench/run.py built.

    .venv/bin/python bench/export_rows.py --database-url sqlite:///bench/results/data-200000-50000-seed5/bench.db
    .venv/bin/python bench/export_rows.py --database-url postgresql+psycopg://postgres@127.0.0.1:5432/bilateral_bench
    .venv/bin/python bench/export_rows.py ... --app-root /tmp/base   # A/B: the code of another checkout

Each run starts a fresh server (2 workers, rate limit off), reads the export `--repeat` times and prints
one line per read; `--app-root` puts another checkout's `app` package first on the server's path.
"""

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.run import BIN, HOST, Service, export, free_port  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--path", default="/v1/trade-figures?format=csv&sort=id")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--app-root", help="a checkout whose app package the server runs instead")
    args = parser.parse_args()
    env = {**os.environ, "DATABASE_URL": args.database_url, "BILATERAL_RATE_LIMIT_PER_MINUTE": "0"}
    if args.app_root:
        env["PYTHONPATH"] = args.app_root
    port = free_port()
    cmd = [str(BIN / "python"), "-c", "from app.cli import app; app()", "serve", "--no-migrate"]
    cmd += ["--host", HOST, "--port", str(port), "--workers", str(args.workers)]
    with Service("export-rows", cmd, env, port, "/v1/countries?limit=1") as api:
        assert api.process is not None
        for _ in range(args.repeat):
            result = export(api.base, args.path, api.process.pid)
            print(
                f"{result['rows']:,} rows in {result['seconds']:.2f} s: {result['rows_s']:,.0f} rows/s, "
                f"RSS {result['rss_before_mb']:.0f} → peak {result['rss_peak_mb']:.0f} MB "
                f"(+{result['rss_growth_mb']:.0f})",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
