"""Run an ASGI app under uvicorn's workers the way `bilateral serve` runs the API (app/serving.py): a
listening socket per worker, or with `--sockets shared` uvicorn's one shared socket. The benchmark
starts the servers it compares through it (bench/run.py: Datasette, in its own venv, and the bare-ASGI
ceiling), so that all of them spread connections over their workers alike. Needs uvicorn only.

    python -m bench.balanced bench.ceiling:app --workers 2 --port 8001
"""

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # app.serving, from any venv

from app.serving import run


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("app", help="module:attribute")
    parser.add_argument("--factory", action="store_true", help="the attribute builds the app")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--sockets", choices=("own", "shared"), default="own")
    parser.add_argument("--access-log", action="store_true", help="uvicorn's access log (default off)")
    args = parser.parse_args()
    run(
        args.app,
        workers=args.workers,
        sockets=args.sockets,
        factory=args.factory,
        host=args.host,
        port=args.port,
        access_log=args.access_log,
        server_header=False,
    )


if __name__ == "__main__":
    main()
