"""The document as two more generators take it (besides openapi-python-client and openapi-typescript,
which the SDK tests use): @hey-api/openapi-ts and orval generate clients without a warning, and what
they generate passes `tsc --strict`. And the tools of tools/ admit the Node they declare."""

import json
import re
import subprocess
from pathlib import Path

import pytest

from app.config import REPO_ROOT

from .tools import TOOLS, node, node_tool

DOCUMENT = REPO_ROOT / "openapi.json"
# What a generator prints when something in the document did not fit; none of it may appear.
TROUBLE = re.compile(r"\b(warn(ing)?|error|skipp(ed|ing)|unsupported|invalid)\b", re.IGNORECASE)
# The generated code's own strictness: the DOM's fetch and iterable URLSearchParams, as in a browser.
TSCONFIG = {
    "compilerOptions": {
        "strict": True,
        "noEmit": True,
        "target": "ES2022",
        "module": "ESNext",
        "moduleResolution": "Bundler",
        "lib": ["ES2022", "DOM", "DOM.Iterable"],
        "types": [],
        "typeRoots": [str(TOOLS / "node_modules" / "@types")],
        "baseUrl": ".",
        "paths": {"axios": [str(TOOLS / "node_modules" / "axios")]},
    },
    "include": ["client/**/*.ts"],
}


def run(command: list[str], cwd: Path) -> str:
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=300)
    output = re.sub(r"\x1b\[[0-9;]*m", "", done.stdout + done.stderr)  # colours off
    assert done.returncode == 0, f"{command[0]} failed:\n{output}"
    return output


def strict_check(directory: Path) -> None:
    (directory / "tsconfig.json").write_text(json.dumps(TSCONFIG), encoding="utf-8")
    run([str(node_tool("tsc")), "-p", "tsconfig.json"], directory)


@pytest.mark.parametrize(
    "generator",
    [
        # A fetch client with its runtime (client/, core/) and an SDK of functions (sdk.gen.ts).
        ["openapi-ts", "--input", str(DOCUMENT), "--output", "client"],
        # Functions over axios; axios sends the import's CSV, NDJSON or JSON body as given, where
        # orval's fetch client would JSON-encode a CSV string.
        ["orval", "--input", str(DOCUMENT), "--output", "client/api.ts", "--client", "axios-functions"],
    ],
    ids=["hey-api", "orval"],
)
def test_generated_client_has_no_warning_and_type_checks_strictly(
    generator: list[str], tmp_path: Path
) -> None:
    output = run([str(node_tool(generator[0])), *generator[1:]], tmp_path)
    trouble = [line for line in output.splitlines() if TROUBLE.search(line)]
    assert not trouble, f"{generator[0]} said:\n" + "\n".join(trouble)
    assert list((tmp_path / "client").rglob("*.ts")), f"{generator[0]} wrote no TypeScript:\n{output}"
    strict_check(tmp_path)


# Each package of tools/package-lock.json whose declared Node versions (`engines.node`) leave out the
# oldest Node tools/package.json admits, or the one running: `npm ci` would warn EBADENGINE for it.
ENGINES = """
const semver = require(process.argv[1] + "/node_modules/semver");
const lock = require(process.argv[1] + "/package-lock.json");
const floor = semver.minVersion(require(process.argv[1] + "/package.json").engines.node);
for (const [path, { version, engines }] of Object.entries(lock.packages)) {
  const range = engines && engines.node;
  if (range && !(semver.satisfies(floor, range) && semver.satisfies(process.version, range))) {
    console.log(`${path}@${version} wants node ${range}`);
  }
}
"""


def test_the_tools_admit_the_node_they_declare() -> None:
    """No EBADENGINE from `npm ci` (checked in the lock file: nothing is installed or fetched)."""
    node_tool("tsc")  # tools/node_modules is there
    assert run([str(node()), "-e", ENGINES, str(TOOLS)], TOOLS) == ""
