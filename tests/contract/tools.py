"""The outside tools the contract checks use, found or skipped (failed in CI) with how to get them."""

import os
import shutil
from pathlib import Path

import pytest

from app.config import REPO_ROOT

REQUIRE_TOOLS = os.environ.get("BILATERAL_TEST_REQUIRE_TOOLS") == "1"
TOOLS = REPO_ROOT / "tools"
NODE_BIN = TOOLS / "node_modules" / ".bin"
PYTHON_TOOLS_BIN = TOOLS / ".venv" / "bin"
CHROMIUM = Path(os.environ.get("BILATERAL_TEST_CHROMIUM", "/usr/bin/chromium"))


def require_tool(path: Path | None, what: str, install: str) -> Path:
    """The tool's path; else skip (or, with BILATERAL_TEST_REQUIRE_TOOLS=1, fail) saying how to get it."""
    if path is not None and path.exists():
        return path
    reason = f"{what} not found ({path or 'not on PATH'}); {install}"
    if REQUIRE_TOOLS:
        pytest.fail(f"BILATERAL_TEST_REQUIRE_TOOLS=1 but {reason}")
    pytest.skip(reason)


def node() -> Path:
    found = shutil.which("node")
    return require_tool(Path(found) if found else None, "node", "install Node.js 20 or newer")


def node_tool(name: str) -> Path:
    node()
    return require_tool(NODE_BIN / name, name, "run scripts/tools (npm ci --prefix tools)")
