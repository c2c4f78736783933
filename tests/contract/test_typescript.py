"""TypeScript types generated from the document (openapi-typescript) type-check, with a small typed
client that uses them (typescript/usage.ts), under `tsc --noEmit --strict`."""

import shutil
import subprocess
from pathlib import Path

import pytest

from app.config import REPO_ROOT

from .tools import node_tool

HERE = Path(__file__).parent / "typescript"


def test_generated_types_type_check(tmp_path: Path) -> None:
    generate = node_tool("openapi-typescript")
    tsc = node_tool("tsc")
    for name in ("usage.ts", "tsconfig.json"):
        shutil.copy(HERE / name, tmp_path / name)
    # Run from the temporary directory: openapi-typescript would otherwise lint with the repository's
    # redocly.yaml and refuse to generate on a lint error (tests/contract/test_openapi.py reports those).
    generated = subprocess.run(
        [str(generate), str(REPO_ROOT / "openapi.json"), "--output", "api.d.ts"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert generated.returncode == 0, f"openapi-typescript failed:\n{generated.stdout}\n{generated.stderr}"
    checked = subprocess.run(
        [str(tsc), "--noEmit", "--strict", "-p", "tsconfig.json"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    if checked.returncode != 0:
        pytest.fail(f"tsc --noEmit --strict failed:\n{checked.stdout}\n{checked.stderr}", pytrace=False)
