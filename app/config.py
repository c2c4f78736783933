from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import AliasChoices, Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

REPO_ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    """Every setting comes from the environment (or a `.env` file); names are documented in the README."""

    model_config = SettingsConfigDict(env_prefix="BILATERAL_", env_file=".env", extra="ignore")

    database_url: str = Field(
        default="sqlite:///./bilateral.db",
        validation_alias=AliasChoices("DATABASE_URL", "BILATERAL_DATABASE_URL"),
        description="SQLAlchemy URL; SQLite file in the working directory by default.",
    )
    host: str = "127.0.0.1"
    port: int = Field(default=8000, ge=1, le=65535)
    log_level: Literal["critical", "error", "warning", "info", "debug"] = "info"
    seed_dir: Path = REPO_ROOT / "seed"
    # Private deployments: every read needs a key with the `read` scope (writes always need `write`).
    require_read_key: bool = False

    @field_validator("database_url")
    @classmethod
    def _supported_database(cls, url: str) -> str:
        # Refuse at start-up rather than fail on the first request.
        if not url.startswith(("sqlite", "postgresql")):
            raise ValueError("DATABASE_URL must be a sqlite:// or postgresql:// URL")
        if url.startswith("postgresql://"):
            url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
        return url


@lru_cache
def get_settings() -> Settings:
    return Settings()
