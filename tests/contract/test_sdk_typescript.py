"""The TypeScript SDK (sdk/typescript): types generated from the document by openapi-typescript, the
package built with `tsc --strict` in one compile with docs/sdk.md's examples, the layer's checks
(typescript/checks.ts) and the document's type-level promises (typescript/usage.ts), and the programs run
against a live server, the examples as written."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from .conftest import Template
from .sdk import Sdks, examples
from .tools import NODE_BIN, node, node_tool

HERE = Path(__file__).parent / "typescript"


def tsc(cwd: Path, *args: str) -> None:
    checked = subprocess.run(
        [str(node_tool("tsc")), *args], cwd=cwd, capture_output=True, text=True, timeout=300
    )
    if checked.returncode != 0:
        pytest.fail(f"tsc {' '.join(args)} failed:\n{checked.stdout}\n{checked.stderr}", pytrace=False)


def test_sdk_builds_and_the_examples_run(sdks: Sdks, seeded_template: Template, sdk_server: str) -> None:
    package = sdks.typescript
    # openapi-fetch and typescript, as pinned in tools/package.json (the SDK's package.json pins the same).
    (package / "node_modules").symlink_to(NODE_BIN.parent, target_is_directory=True)
    # One compile for the package and the programs that use it, as `from "bilateral-sdk"`: the package's
    # own tsconfig, extended by typescript/tsconfig.json with Node's types for the programs and the
    # package's name mapped to its sources. At run time Node resolves the name to the package itself
    # (its exports, dist/), so the programs run as written.
    check = package / "src" / "check"
    check.mkdir()
    for name in ("usage.ts", "checks.ts"):
        shutil.copy(HERE / name, check / name)
    program, export, imports = examples("ts")
    (check / "example.ts").write_text(program)
    (check / "export.ts").write_text(export)
    (check / "imports.ts").write_text(imports)
    (package / "tsconfig.json").rename(package / "tsconfig.package.json")
    shutil.copy(HERE / "tsconfig.json", package / "tsconfig.json")
    tsc(package, "-p", "tsconfig.json")
    check = package / "dist" / "check"

    env = os.environ | {"BILATERAL_URL": sdk_server, "BILATERAL_KEY": seeded_template.write_key}
    run = {"cwd": check, "env": env, "capture_output": True, "text": True, "timeout": 120}
    names = ("example", "export", "checks", "imports")
    ran = [subprocess.run([str(node()), f"{name}.js"], **run) for name in names]
    for result in ran:
        assert result.returncode == 0, f"the example failed:\n{result.stdout}\n{result.stderr}"
    lines = ran[0].stdout.splitlines()
    count, what = lines[0].split()
    assert what == "events" and int(count) > 2  # more than one page of two
    assert any(line.startswith("2024-01-01 ") for line in lines)  # the series
    assert "First meeting of the new commission." in lines
    assert "412 /problems/precondition-failed" in lines
    assert lines[-1] == "[ 'create', 'update' ]"
    exported = ran[1].stdout.splitlines()
    assert "aliyev-state-visit-kazakhstan-2025-11 2025-11-01" in exported
    assert ran[2].stdout.splitlines() == [
        "404 /problems/not-found",
        "422 date_from in query, date_to in query",
        "csv aliyev-state-visit-kazakhstan-2025-11 AZ | KZ",
        "fields id,title",
        "unwrap refuses fields=",
    ]
    assert ran[3].stdout.splitlines() == [  # dry runs: the CSV, the JSON rows, the rejected NDJSON file
        "csv 1 false",
        "json 1 false",
        "422 period: month must be 01–12",
    ]
