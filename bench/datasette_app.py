"""Datasette as an ASGI factory, so that uvicorn can run it with several worker processes (the
`datasette serve` command runs one). Run by bench/run.py in bench/.venv-datasette, never imported by
the API. Settings as bench/run.py passes them: BENCH_DB (the SQLite file), BENCH_DATASETTE_SETTINGS
(JSON)."""

import json
import os


def create():  # type: ignore[no-untyped-def]
    from datasette.app import Datasette

    settings = json.loads(os.environ.get("BENCH_DATASETTE_SETTINGS", "{}"))
    return Datasette([os.environ["BENCH_DB"]], settings=settings).app()
