"""The SDKs of sdk/, generated once per test session into a temporary copy (scripts/sdk DIR), and the
examples of docs/sdk.md that their tests run as written."""

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from app.config import REPO_ROOT

from .tools import PYTHON_TOOLS_BIN, node_tool, require_tool

DOC = REPO_ROOT / "docs" / "sdk.md"


@dataclass(frozen=True)
class Sdks:
    python: Path  # the distribution's folder: pyproject.toml and bilateral_sdk/, generated/ included
    typescript: Path  # the package's folder: package.json, tsconfig.json, src/ with api.ts


def generate(out: Path) -> Sdks:
    """Both SDKs generated into `out` (skipped, or failed in CI, without the generators)."""
    require_tool(
        PYTHON_TOOLS_BIN / "openapi-python-client",
        "openapi-python-client",
        "run scripts/tools (it installs it into tools/.venv)",
    )
    node_tool("openapi-typescript")
    result = subprocess.run(
        [str(REPO_ROOT / "scripts" / "sdk"), str(out)], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, f"scripts/sdk failed:\n{result.stdout}\n{result.stderr}"
    return Sdks(out / "python", out / "typescript")


def examples(language: str) -> list[str]:
    """The fenced `language` blocks of docs/sdk.md, in order."""
    return re.findall(rf"^```{language}\n(.*?)^```$", DOC.read_text(), flags=re.MULTILINE | re.DOTALL)
