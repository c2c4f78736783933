"""Settings refuse unsafe values at start-up; secrets come from the environment only."""

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError
from sqlalchemy.orm import Session

from app import config
from app.config import DEVELOPMENT_SECRET_KEY, MIB, Settings
from app.db import engine_for, without_memory_map

STRONG = "s" * 40


def settings(**values: Any) -> Settings:
    return Settings(_env_file=None, **values)


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"environment": "production"}, "BILATERAL_SECRET_KEY must be set"),
        ({"environment": "production", "secret_key": DEVELOPMENT_SECRET_KEY}, "must be set"),
        ({"environment": "production", "secret_key": "short"}, "at least 32 characters"),
        ({"cors_write_origins": ["*"]}, "never *"),
        ({"cors_read_origins": ["example.com"]}, "is not an origin"),
        ({"cors_write_origins": ["https://a.example/path"]}, "is not an origin"),
        ({"trusted_proxies": ["0.0.0.0/0"]}, "trusts every address"),
        ({"trusted_proxies": ["::/0"]}, "trusts every address"),
        ({"trusted_proxies": ["proxy.local"]}, "not an IP address"),
        ({"max_body_bytes": 0}, "greater than or equal"),
        ({"query_timeout_ms": 0}, "greater than or equal"),
        ({"db_pool_timeout": 0}, "greater than"),
        ({"rate_limit_per_minute": -1}, "greater than or equal"),
        ({"rate_limit_burst": 0}, "greater than or equal"),
    ],
)
def test_unsafe_values_are_refused_at_start_up(values: dict[str, Any], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        settings(**values)


def test_production_starts_with_a_real_secret() -> None:
    configured = settings(environment="production", secret_key=STRONG)
    assert not configured.uses_development_secret


def test_the_secret_key_never_shows_in_reprs_or_dumps() -> None:
    configured = settings(secret_key=STRONG)
    assert STRONG not in repr(configured) and STRONG not in str(configured.model_dump())


def test_lists_come_comma_separated_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BILATERAL_CORS_WRITE_ORIGINS", "https://a.example, https://b.example:8443")
    monkeypatch.setenv("BILATERAL_TRUSTED_PROXIES", "10.0.0.0/8,192.0.2.1")
    monkeypatch.setenv("BILATERAL_SECRET_KEY", STRONG)
    configured = settings()
    assert configured.cors_write_origins == ["https://a.example", "https://b.example:8443"]
    assert configured.trusted_proxies == ["10.0.0.0/8", "192.0.2.1"]
    assert configured.secret_key.get_secret_value() == STRONG


def test_defaults_are_the_documented_ones(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in [name for name in os.environ if name.startswith("BILATERAL_")]:
        monkeypatch.delenv(name)
    defaults = settings()
    assert defaults.cors_read_origins == ["*"] and defaults.cors_write_origins == []
    assert (defaults.rate_limit_per_minute, defaults.rate_limit_burst) == (600, 100)
    assert defaults.trusted_proxies == [] and defaults.max_body_bytes == 1024 * 1024
    assert defaults.query_timeout_ms == 5000 and defaults.uses_development_secret
    assert (defaults.workers, defaults.response_cache_mb) == (1, 64)
    assert defaults.sqlite_mmap_mb is None and defaults.worker_sockets == "own"


def test_the_memory_map_stays_within_a_quarter_of_a_container_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    limit = tmp_path / "memory.max"
    monkeypatch.setattr(config, "CGROUP_MEMORY_LIMITS", (limit,))
    assert config.container_memory_limit() is None  # no cgroup file: no limit
    for written, expected in [("max\n", 2048), (f"{2**63 - 4096}\n", 2048), (f"{1024 * MIB}\n", 256)]:
        limit.write_text(written)
        assert settings().sqlite_mmap_bytes == expected * MIB, written
        # Set, it is what it says, limit or not.
        assert settings(sqlite_mmap_mb=1024).sqlite_mmap_bytes == 1024 * MIB
        assert settings(sqlite_mmap_mb=0).sqlite_mmap_bytes == 0


def test_handler_threads_follow_the_engine_unless_set() -> None:
    # SQLite's queries run on the API's CPU (more threads contend for the GIL); PostgreSQL's overlap.
    assert settings(database_url="sqlite:///x.db").handler_threads == 1
    assert settings(database_url="postgresql://db/x").handler_threads == 4
    assert settings(database_url="sqlite:///x.db", worker_threads=3).handler_threads == 3


def test_sqlite_reads_through_a_memory_map_but_exports_do_not(tmp_path: Path) -> None:
    """BILATERAL_SQLITE_MMAP_MB sets every API connection's mmap_size; an export's connection reads
    without it while it streams (db.without_memory_map) and has it back afterwards."""

    def mmap_size(session: Session) -> int:
        return int(session.connection().exec_driver_sql("PRAGMA mmap_size").scalar_one())

    url = f"sqlite:///{tmp_path / 'mapped.db'}"
    engine = engine_for(settings(database_url=url, sqlite_mmap_mb=64))
    try:
        with Session(engine) as session:
            assert mmap_size(session) == 64 * 1024 * 1024
            with without_memory_map(session):
                assert mmap_size(session) == 0
            assert mmap_size(session) == 64 * 1024 * 1024
    finally:
        engine.dispose()
    unmapped = engine_for(settings(database_url=url, sqlite_mmap_mb=0))
    try:
        with Session(unmapped) as session, without_memory_map(session):
            assert mmap_size(session) == 0
    finally:
        unmapped.dispose()


@pytest.mark.parametrize("secret", ["", " " * 40, "\t\n" * 20])
def test_a_blank_secret_is_refused_in_any_environment(secret: str) -> None:
    for environment in ("development", "production"):
        with pytest.raises(ValidationError, match="BILATERAL_SECRET_KEY is blank"):
            settings(environment=environment, secret_key=secret)


def test_a_secret_padded_to_length_with_whitespace_is_too_short() -> None:
    with pytest.raises(ValidationError, match="at least 32 characters"):
        settings(environment="production", secret_key=" " * 30 + "abc")


REFUSED_SECRET = "refused-secret-do-not-echo"  # too short for production


def test_a_refused_secret_is_never_echoed_at_start_up() -> None:
    """Neither in the validation error nor in the command's start-up failure (whose traceback must
    not show local variables)."""
    with pytest.raises(ValidationError) as refused:
        settings(environment="production", secret_key=REFUSED_SECRET)
    assert not shows_any_of(REFUSED_SECRET, str(refused.value))
    environment = {
        **{name: value for name, value in os.environ.items() if not name.startswith("BILATERAL_")},
        "BILATERAL_ENVIRONMENT": "production",
        "BILATERAL_SECRET_KEY": REFUSED_SECRET,
        "COLUMNS": "200",
    }
    started = subprocess.run(
        [str(Path(sys.executable).with_name("bilateral")), "serve", "--no-migrate"],
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert started.returncode != 0
    assert "at least 32 characters" in started.stderr + started.stdout
    assert not shows_any_of(REFUSED_SECRET, started.stderr + started.stdout)


def shows_any_of(secret: str, text: str) -> bool:
    """Any eight characters of `secret` in `text`: a shortened repr shows a part of it."""
    return any(secret[start : start + 8] in text for start in range(len(secret) - 7))
