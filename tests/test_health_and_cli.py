import gc
import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn
from sqlalchemy import func, select
from typer.testing import CliRunner

from app import cli, serving, worker
from app.config import REPO_ROOT, Settings, get_settings
from app.db import make_engine
from app.imports import cli as imports_cli
from app.imports import repository as imports_repository
from app.main import create_app
from app.migrated import head_revision
from app.migration_head import shipped_head
from app.models import Event
from tests.conftest import (
    FULL_COLLECTIONS,
    UNFREEZES,
    Database,
    freeze_after_a_full_collection,
    freeze_again_if_unfrozen,
)


@pytest.mark.anyio
async def test_health_and_readiness(client: httpx.AsyncClient) -> None:
    assert (await client.get("/healthz")).json() == {"status": "ok"}
    ready = (await client.get("/readyz")).json()
    assert ready["status"] == "ok" and ready["revision"] == head_revision()


@pytest.mark.anyio
async def test_not_ready_until_migrated(empty_database: Database) -> None:
    app = create_app(Settings(database_url=empty_database.url))
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as client:
        response = await client.get("/readyz")
        assert response.status_code == 503
        assert response.headers["content-type"] == "application/problem+json"
        assert "bilateral db upgrade" in response.json()["detail"]
        empty_database.migrate()
        assert (await client.get("/readyz")).status_code == 200
    app.state.engine.dispose()


@pytest.fixture
def use_database(empty_database: Database, monkeypatch: pytest.MonkeyPatch) -> Database:
    monkeypatch.setenv("DATABASE_URL", empty_database.url)
    get_settings.cache_clear()
    yield empty_database  # type: ignore[misc]
    get_settings.cache_clear()


def count_events(database: Database) -> int:
    engine = make_engine(database.url)
    try:
        with engine.connect() as connection:
            return int(connection.scalar(select(func.count()).select_from(Event)) or 0)
    finally:
        engine.dispose()


def test_cli_upgrade_then_seed_twice(use_database: Database) -> None:
    runner = CliRunner()
    assert runner.invoke(cli.app, ["db", "upgrade"]).exit_code == 0
    first = runner.invoke(cli.app, ["seed"])
    assert first.exit_code == 0 and "events inserted: 5" in first.output
    second = runner.invoke(cli.app, ["seed"])
    assert second.exit_code == 0 and "already up to date" in second.output
    assert count_events(use_database) == 5


def test_serve_migrates_and_seeds_an_empty_database(
    use_database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    started: dict[str, Any] = {}
    monkeypatch.setattr(serving, "run", lambda app, **options: started.update(app=app, **options))
    result = CliRunner().invoke(cli.app, ["serve", "--host", "127.0.0.1", "--port", "8123"])
    assert result.exit_code == 0, result.output
    assert started["app"] == "app.worker:create_app" and started["factory"] is True
    assert (started["host"], started["port"], started["workers"]) == ("127.0.0.1", 8123, 1)
    assert started["sockets"] == "own"  # BILATERAL_WORKER_SOCKETS: a socket per worker by default
    assert count_events(use_database) == 5
    # Workers: BILATERAL_WORKERS, unless --workers says otherwise.
    monkeypatch.setenv("BILATERAL_WORKERS", "3")
    get_settings.cache_clear()
    assert CliRunner().invoke(cli.app, ["serve", "--no-migrate"]).exit_code == 0
    assert started["workers"] == 3
    assert CliRunner().invoke(cli.app, ["serve", "--no-migrate", "--workers", "2"]).exit_code == 0
    assert started["workers"] == 2


@pytest.mark.anyio
async def test_serve_builds_the_app_with_the_collector_off_and_the_lifespan_turns_it_on(
    use_database: Database,
) -> None:
    assert gc.isenabled()
    try:
        app = worker.create_app()
        assert not gc.isenabled()
        async with app.router.lifespan_context(app):
            assert gc.isenabled()
    finally:
        gc.enable()
        gc.unfreeze()
        get_settings.cache_clear()


def test_the_suite_freezes_again_what_a_test_unfroze() -> None:
    assert gc.get_freeze_count(), "collecting froze what it built (tests/conftest.py)"
    unfrozen = UNFREEZES.count
    gc.unfreeze()  # as an import does when it ends
    assert UNFREEZES.count == unfrozen + 1
    assert gc.get_freeze_count() == 0
    freeze_again_if_unfrozen(UNFREEZES.count)  # no unfreeze since that count: left as it is
    assert gc.get_freeze_count() == 0
    freeze_again_if_unfrozen(unfrozen)
    assert gc.get_freeze_count() > 0


def test_the_suite_freezes_what_survived_a_full_collection() -> None:
    survivor: list[object] = []
    survivor.append(survivor)  # a cycle, alive: the collector tracks it

    def walked() -> bool:
        return any(item is survivor for item in gc.get_objects())  # every generation but the frozen

    collections = FULL_COLLECTIONS.count
    freeze_after_a_full_collection(collections)  # no full collection since that count: nothing frozen
    assert walked()
    gc.collect()
    assert FULL_COLLECTIONS.count == collections + 1
    freeze_after_a_full_collection(collections)
    assert not walked(), "frozen: out of the collector's sight"


@pytest.mark.anyio
@pytest.mark.parametrize(
    "url",
    ["sqlite:////nonexistent-directory/bilateral.db", "postgresql+psycopg://postgres@127.0.0.1:1/test"],
    ids=["sqlite", "postgresql"],
)
async def test_an_unreachable_database_is_a_503_not_a_500(url: str) -> None:
    app = create_app(Settings(database_url=url))
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as client:
        for path in ["/v1/events", "/readyz"]:
            response = await client.get(path)
            assert response.status_code == 503, response.text
            assert response.headers["content-type"] == "application/problem+json"
        assert (await client.get("/v1/events")).headers["retry-after"] == "5"
        assert (await client.get("/healthz")).status_code == 200  # the process itself is up
    app.state.engine.dispose()


def test_the_command_line_starts_without_importing_the_app() -> None:
    # `serve --workers N`: each worker imports the app; the parent answers nothing and should not.
    heavy = ("app.main", "app.models", "alembic")
    code = f"import sys, app.cli; print(sorted(m for m in {heavy!r} if m in sys.modules))"
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert loaded.stdout.strip() == "[]"
    assert imports_cli.BATCH_SIZE == imports_repository.BATCH_SIZE


def test_a_worker_starts_without_what_only_some_requests_need(tmp_path: Path) -> None:
    # Imported by the requests that use them: the extraction's language stack and the HTML cleaner
    # (a source added), the explorer's templates and formats (a page), the stemmer (a search or a
    # write), the importers (an import), ISO 3166's tables (a country named by more than its two
    # letters); and a worker needs neither the command line nor Alembic.
    heavy = (
        *("natasha", "pymorphy3", "razdel", "slovnet", "trafilatura", "lxml", "py3langid"),
        *("jinja2", "babel", "snowballstemmer", "app.imports.records", "app.imports.repository"),
        *("typer", "alembic", "psycopg", "pycountry"),
    )
    code = (
        "import sys, app.worker; app.worker.create_app(); "
        f"print(sorted(m for m in {heavy!r} if m in sys.modules))"
    )
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'none.db'}"}
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env)
    assert loaded.stdout.strip() == "[]"


def test_a_worker_spawned_by_serve_does_not_import_the_command_line() -> None:
    # `serve --workers N` spawns its workers, and multiprocessing's spawn runs the parent's main
    # script again in each one (as `__mp_main__`): the `bilateral` script pip writes from
    # [project.scripts] (`scripts/bootstrap` rewrites it when pyproject.toml changes).
    script = Path(sys.executable).with_name("bilateral")
    heavy = ("app.cli", "typer", "click", "pydantic", "uvicorn", "fastapi")
    code = (
        f"import runpy, sys; runpy.run_path({str(script)!r}, run_name='__mp_main__'); "
        f"print(sorted(m for m in {heavy!r} if m in sys.modules))"
    )
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert loaded.stdout.strip() == "[]"
    usage = subprocess.run([sys.executable, "-m", "app", "--help"], capture_output=True, text=True)
    assert usage.returncode == 0 and "serve" in usage.stdout


def test_a_worker_builds_each_operation_once() -> None:
    # FastAPI builds an included router's routes again where the app serves them: the routers' own
    # routes stay declarations (app.common.routing.IncludedRoute) through the start, the first
    # requests and the OpenAPI document. In a process of its own: no other test has touched them.
    code = """
import asyncio, httpx
from app.common.routing import IncludedRoute
from app.config import Settings
from app.main import ROUTERS, create_app
from app.explorer.router import router as explorer
from app.health import router as health
from app.observability import router as observability
app = create_app(Settings(_env_file=None, database_url="sqlite://"))
async def ask():
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as client:
        assert (await client.get("/healthz")).status_code == 200
        assert (await client.get("/openapi.json")).status_code == 200
asyncio.run(ask())
routes = [route for router in (*ROUTERS, explorer, health, observability) for route in router.routes]
built = [route for route in routes if not isinstance(route, IncludedRoute) or "_declared" not in vars(route)]
print(len(routes), len(built))
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    declared, built = map(int, done.stdout.split())
    assert declared > 80 and built == 0


def run_main(monkeypatch: pytest.MonkeyPatch, url: str, *args: str) -> int:
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setattr(sys, "argv", ["bilateral", *args])
    get_settings.cache_clear()
    try:
        cli.main()
    except SystemExit as exit:
        return int(exit.code or 0)
    finally:
        get_settings.cache_clear()
    return 0


def test_a_command_on_a_missing_database_creates_nothing_and_says_what_to_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nothing-here.db"
    for command in (["keys", "list"], ["seed"], ["reindex"]):
        assert run_main(monkeypatch, f"sqlite:///{missing}", *command) == 1
        assert not missing.exists()
        error = capsys.readouterr().err
        assert error == (
            f"bilateral: no database at {missing}: run `bilateral db upgrade` to create it and "
            "`bilateral seed` to load the seed, or set DATABASE_URL to the database you mean\n"
        )


def test_a_command_on_a_database_not_migrated_names_the_revisions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.db"
    sqlite3.connect(empty).close()  # a file with no tables, as an older command line left behind
    assert run_main(monkeypatch, f"sqlite:///{empty}", "keys", "list") == 1
    error = capsys.readouterr().err
    assert error.startswith("bilateral: the database at sqlite:///") and error.count("\n") == 1
    assert (
        f"is at revision none (not migrated), this code needs {head_revision()}: run `bilateral db upgrade`"
        in error
    )


def test_the_default_database_is_the_checkouts_from_any_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.delenv("BILATERAL_DATABASE_URL", raising=False)
    monkeypatch.chdir(tmp_path)
    assert Settings(_env_file=None).database_url == f"sqlite:///{REPO_ROOT / 'bilateral.db'}"


def test_the_migrations_head_read_from_the_files_is_alembics() -> None:
    assert shipped_head() == head_revision()


def test_serve_skips_the_migration_step_of_a_database_at_head(
    use_database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(uvicorn, "run", lambda app, **options: None)
    assert not cli._ready(use_database.url)  # no schema yet
    assert CliRunner().invoke(cli.app, ["serve"]).exit_code == 0
    assert cli._ready(use_database.url)

    def no_migration() -> None:
        raise AssertionError("migrated a database at head")

    monkeypatch.setattr(cli, "db_upgrade", no_migration)
    assert CliRunner().invoke(cli.app, ["serve"]).exit_code == 0
    engine = make_engine(use_database.url)
    try:
        with engine.begin() as connection:
            connection.exec_driver_sql("UPDATE alembic_version SET version_num = '0001'")
    finally:
        engine.dispose()
    assert not cli._ready(use_database.url)  # behind the head: the full path migrates


def test_commands_that_serve_nothing_import_neither_fastapi_nor_uvicorn(
    cli_database: Database, tmp_path: Path
) -> None:
    # Each `bilateral` command is a process of its own: what it imports is most of its time. The web
    # framework and the server are for `serve`'s workers (app.request_session, app.auth, app.health).
    figures = tmp_path / "figures.csv"
    figures.write_text(
        "reporter,partner,indicator,period,value,unit,bound,status\nAZ,KZ,exports,2024,5,USD,exact,reported\n",
        encoding="utf-8",
    )
    heavy = ("fastapi", "uvicorn", "app.main", "app.auth", "app.health", "app.request_session")
    code = (
        "import sys\n"
        "from app.__main__ import main\n"
        "keys = ['keys', 'create', '--name', 'n']\n"
        "commands = (keys, ['import', 'trade-figures', sys.argv[1], '--dry-run'])\n"
        "for argv in commands:\n"
        "    sys.argv = ['bilateral', *argv]\n"
        "    try:\n"
        "        main()\n"
        "    except SystemExit as exit:\n"
        "        assert not exit.code, argv\n"
        f"print(sorted(m for m in {heavy!r} if m in sys.modules))\n"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", code, str(figures)], capture_output=True, text=True, check=True, env=os.environ
    )
    assert loaded.stdout.splitlines()[-1] == "[]", loaded.stdout


def test_the_check_at_head_loads_neither_the_models_nor_alembic(seeded_database: Database) -> None:
    # Not even SQLAlchemy: the standard library's driver asks a SQLite file, psycopg a PostgreSQL URL.
    heavy = ("app.main", "app.models", "alembic", "fastapi", "sqlalchemy")
    code = (
        f"import sys, app.cli; assert app.cli._ready({seeded_database.url!r}); "
        f"print(sorted(m for m in {heavy!r} if m in sys.modules))"
    )
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert loaded.stdout.strip() == "[]"


def test_serves_parent_imports_neither_the_app_nor_its_frameworks(seeded_database: Database) -> None:
    # The parent of `serve` checks the database and starts the workers, which import the app: what it
    # imports itself comes before any worker starts. uvicorn.run stands in for the workers here.
    heavy = ("app.health", "app.main", "app.models", "alembic", "fastapi", "sqlalchemy", "pydantic.v1")
    code = (
        "import sys, uvicorn\n"
        "def run(*args, **options):\n"
        f"    print(sorted(m for m in {heavy!r} if m in sys.modules))\n"
        "uvicorn.run = run\n"
        "sys.argv = ['bilateral', 'serve']\n"
        "from app.__main__ import main\n"
        "main()\n"
    )
    env = {**os.environ, "DATABASE_URL": seeded_database.url}
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env)
    assert loaded.stdout.strip() == "[]"


def test_the_check_at_head_creates_no_database(tmp_path: Path) -> None:
    missing = tmp_path / "nothing-here.db"
    assert not cli._ready(f"sqlite:///{missing}")
    assert not missing.exists()
