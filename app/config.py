import ipaddress
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any, Literal, Self

from pydantic import AliasChoices, Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

REPO_ROOT = Path(__file__).resolve().parent.parent

# Known to everyone, so it signs nothing worth forging: production refuses to start with it.
DEVELOPMENT_SECRET_KEY = "development-only-secret-key-set-BILATERAL_SECRET_KEY-in-production"
MIN_SECRET_KEY_LENGTH = 32

MIB = 1024 * 1024
SQLITE_MMAP_DEFAULT_MB = 2048

# A comma-separated list in the environment (`a,b`), not the JSON pydantic-settings expects by default.
CommaList = Annotated[list[str], NoDecode]


class Settings(BaseSettings):
    """Every setting comes from the environment (or a `.env` file), documented in docs/operations.md."""

    # hide_input_in_errors: a refused value is never echoed in the start-up error (it may be a secret).
    model_config = SettingsConfigDict(
        env_prefix="BILATERAL_", env_file=".env", extra="ignore", hide_input_in_errors=True
    )

    database_url: str = Field(
        default=f"sqlite:///{REPO_ROOT / 'bilateral.db'}",
        validation_alias=AliasChoices("DATABASE_URL", "BILATERAL_DATABASE_URL"),
        description="SQLAlchemy URL; by default the SQLite file bilateral.db in the checkout.",
    )
    host: str = "127.0.0.1"
    port: int = Field(default=8000, ge=1, le=65535)
    log_level: Literal["critical", "error", "warning", "info", "debug"] = "info"
    seed_dir: Path = REPO_ROOT / "seed"
    # Private deployments: every read needs a key with the `read` scope (writes always need `write`).
    require_read_key: bool = False

    # `production` refuses to start on development defaults (the secret key, for one).
    environment: Literal["development", "production"] = "development"
    # Signs cursors (and anything else that must be tamper-evident), with a key derived per purpose.
    secret_key: SecretStr = SecretStr(DEVELOPMENT_SECRET_KEY)
    log_format: Literal["json", "text"] = "json"

    # Limits.
    max_body_bytes: int = Field(default=1024 * 1024, ge=1024, le=100 * 1024 * 1024)
    max_import_bytes: int = Field(default=256 * 1024 * 1024, ge=1024, le=4 * 1024 * 1024 * 1024)
    max_header_bytes: int = Field(default=32 * 1024, ge=1024, le=1024 * 1024)
    query_timeout_ms: int = Field(default=5000, ge=100, le=600_000)
    db_connect_timeout: int = Field(default=2, ge=1, le=60)
    db_parallel_workers: int = Field(default=0, ge=0, le=64)
    # How much of a SQLite file each connection reads through a memory map (0: read() only). Unset:
    # 2048, or under a container memory limit a quarter of that limit (sqlite_mmap_bytes).
    sqlite_mmap_mb: int | None = Field(default=None, ge=0, le=1024 * 1024)
    db_pool_size: int = Field(default=10, ge=1, le=200)
    db_max_overflow: int = Field(default=10, ge=0, le=200)
    db_pool_timeout: float = Field(default=2.0, gt=0, le=60)
    rate_limit_per_minute: int = Field(default=600, ge=0, le=1_000_000)  # 0: no rate limiting
    rate_limit_burst: int = Field(default=100, ge=1, le=1_000_000)
    trusted_proxies: CommaList = Field(default_factory=list)
    shutdown_timeout: int = Field(default=30, ge=1, le=3600)

    # Headers.
    cors_read_origins: CommaList = Field(default_factory=lambda: ["*"])
    cors_write_origins: CommaList = Field(default_factory=list)

    metrics_enabled: bool = True

    # Extraction: a fact the confidence model puts under this floor is not proposed when a source is
    # added (a request may give its own); docs/benchmarks/2026-12-03-extraction-floor.md chose it.
    extraction_confidence_min: float = Field(default=0.0, ge=0, le=1)

    # Speed. Worker processes of `bilateral serve`: one per core the API may use.
    workers: int = Field(default=1, ge=1, le=256)
    # `own`: each worker listens on a socket of its own (SO_REUSEPORT), which spreads connections
    # over the workers; `shared`: uvicorn's one socket, whose first waking worker accepts.
    worker_sockets: Literal["own", "shared"] = "own"
    # Answers to GET /v1/… kept per worker process, keyed by data version and request (0: off).
    response_cache_mb: int = Field(default=64, ge=0, le=64 * 1024)
    # Threads that run the (synchronous) handlers of one worker process; unset: 1 on SQLite, whose
    # queries run on this process's CPU (more threads only contend for the GIL: -17 % req/s with 2,
    # -40 % with 8), 4 on PostgreSQL, whose queries run elsewhere and can overlap. Keep it at or
    # under db_pool_size + db_max_overflow.
    worker_threads: int | None = Field(default=None, ge=1, le=1000)

    @property
    def sqlite_mmap_bytes(self) -> int:
        """The memory map's size. Mapped pages count in each worker's resident memory (RSS), which
        container limits, OOM killers and memory alerts look at: under a limit, unless told
        otherwise, the map stays at a quarter of it."""
        if self.sqlite_mmap_mb is not None:
            return self.sqlite_mmap_mb * MIB
        limit = container_memory_limit()
        return (
            SQLITE_MMAP_DEFAULT_MB * MIB if limit is None else min(SQLITE_MMAP_DEFAULT_MB * MIB, limit // 4)
        )

    @property
    def handler_threads(self) -> int:
        if self.worker_threads is not None:
            return self.worker_threads
        return 1 if self.database_url.startswith("sqlite") else 4

    @field_validator("database_url")
    @classmethod
    def _supported_database(cls, url: str) -> str:
        # Refuse at start-up rather than fail on the first request.
        if not url.startswith(("sqlite", "postgresql")):
            raise ValueError("DATABASE_URL must be a sqlite:// or postgresql:// URL")
        if url.startswith("postgresql://"):
            url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
        return url

    @field_validator("trusted_proxies", "cors_read_origins", "cors_write_origins", mode="before")
    @classmethod
    def _comma_separated(cls, value: Any) -> Any:
        if isinstance(value, str):
            return [part.strip() for part in value.split(",") if part.strip()]
        return value

    @field_validator("trusted_proxies")
    @classmethod
    def _proxy_networks(cls, proxies: list[str]) -> list[str]:
        for proxy in proxies:
            try:
                network = ipaddress.ip_network(proxy, strict=False)
            except ValueError:
                raise ValueError(f"{proxy!r} is not an IP address or network (CIDR)") from None
            if network.prefixlen == 0:
                # Trusting every address lets any client choose the address it is rate-limited by.
                raise ValueError(f"{proxy!r} trusts every address; name the proxies' addresses")
        return proxies

    @field_validator("cors_read_origins", "cors_write_origins")
    @classmethod
    def _origins(cls, origins: list[str]) -> list[str]:
        for origin in origins:
            scheme, _, rest = origin.partition("://")
            if origin != "*" and (scheme not in ("http", "https") or not rest or "/" in rest):
                raise ValueError(f"{origin!r} is not an origin (scheme://host[:port], no path) or *")
        return origins

    @field_validator("cors_write_origins")
    @classmethod
    def _no_wildcard_writes(cls, origins: list[str]) -> list[str]:
        if "*" in origins:
            raise ValueError("writes are allowed only from named origins, never *")
        return origins

    @model_validator(mode="after")
    def _production_is_configured(self) -> Self:
        # Messages name the setting, never its value.
        if not self.secret_key.get_secret_value().strip():
            raise ValueError("BILATERAL_SECRET_KEY is blank: set it to a random string, or leave it unset")
        if self.environment == "production":
            if self.uses_development_secret:
                raise ValueError("BILATERAL_SECRET_KEY must be set in production")
            if len(self.secret_key.get_secret_value().strip()) < MIN_SECRET_KEY_LENGTH:
                raise ValueError(
                    f"BILATERAL_SECRET_KEY must be at least {MIN_SECRET_KEY_LENGTH} characters "
                    "(e.g. `python -c 'import secrets; print(secrets.token_urlsafe(32))'`)"
                )
        return self

    @property
    def uses_development_secret(self) -> bool:
        return self.secret_key.get_secret_value() == DEVELOPMENT_SECRET_KEY


# cgroup v2, then v1: the memory limit of the container this process runs in.
CGROUP_MEMORY_LIMITS = (
    Path("/sys/fs/cgroup/memory.max"),
    Path("/sys/fs/cgroup/memory/memory.limit_in_bytes"),
)


def container_memory_limit() -> int | None:
    """The container's memory limit in bytes, or None without one (cgroup v1 writes "no limit" as a
    number near 2**63)."""
    for path in CGROUP_MEMORY_LIMITS:
        try:
            value = path.read_text().strip()
        except OSError:
            continue
        if value.isdigit() and int(value) < 2**60:
            return int(value)
        return None
    return None


@lru_cache
def get_settings() -> Settings:
    return Settings()
