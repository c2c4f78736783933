"""The OpenAPI document is the contract: a committed snapshot (openapi.json) that must match the app,
complete (every operation, parameter, field and response described; servers, contact, license, tags
and security set) and clean under both linters (Redocly with redocly.yaml, Spectral with .spectral.yaml).
"""

import difflib
import os
import subprocess
from collections import Counter
from typing import Any

import orjson
import pytest

from app.config import REPO_ROOT
from app.limits import EXEMPT_PATHS
from tests import openapi_document

from .tools import node_tool

SNAPSHOT = REPO_ROOT / "openapi.json"
SPEC = openapi_document.document()


def resolve(node: dict[str, Any]) -> dict[str, Any]:
    return openapi_document.resolve(SPEC, node)


OPERATIONS = [
    (f"{method.upper()} {path}", operation)
    for path, item in SPEC["paths"].items()
    for method, operation in item.items()
]
# FastAPI's placeholders: a response described by one of these has not been described at all.
DEFAULT_DESCRIPTIONS = {"Successful Response", "Validation Error", ""}


def test_snapshot_is_current() -> None:
    # The snapshot is made by the script developers run, so the two cannot disagree on the format.
    generated = subprocess.run(
        [str(REPO_ROOT / "scripts" / "openapi"), "-"], capture_output=True, text=True, check=True
    ).stdout
    committed = SNAPSHOT.read_text(encoding="utf-8") if SNAPSHOT.exists() else ""
    if generated != committed:
        diff = difflib.unified_diff(
            committed.splitlines(), generated.splitlines(), "openapi.json (committed)", "the app", lineterm=""
        )
        shown = list(diff)
        more = f"\n… and {len(shown) - 120} more lines" if len(shown) > 120 else ""
        pytest.fail(
            "openapi.json is not what the app serves. If the change is intended, run scripts/openapi and "
            "commit openapi.json with it (the diff below is the contract change):\n"
            + "\n".join(shown[:120])
            + more,
            pytrace=False,
        )


def test_document_metadata() -> None:
    info = SPEC["info"]
    assert info.get("contact"), "info.contact"
    assert info.get("license", {}).get("identifier") or info.get("license", {}).get("url"), "info.license"
    assert SPEC.get("servers"), "servers"
    declared = {tag["name"]: tag.get("description") for tag in SPEC.get("tags", [])}
    assert all(declared.values()), f"tags without a description: {[n for n, d in declared.items() if not d]}"
    used = {tag for _, operation in OPERATIONS for tag in operation.get("tags", [])}
    assert used <= set(declared), f"tags used but not declared: {sorted(used - set(declared))}"


def test_security_is_declared() -> None:
    schemes = SPEC.get("components", {}).get("securitySchemes", {})
    requirements = [SPEC.get("security", [])] + [op.get("security", []) for _, op in OPERATIONS]
    named = {name for requirement in requirements for alternative in requirement for name in alternative}
    assert named <= set(schemes), f"security requirements naming no scheme: {sorted(named - set(schemes))}"
    writes = [name for name, _ in OPERATIONS if not name.startswith(("GET ", "HEAD "))]
    if writes:
        assert schemes, f"write operations but no security scheme: {writes}"
        unsecured = [name for name, op in OPERATIONS if name in writes and not op.get("security")]
        assert not unsecured, f"write operations that declare no security: {unsecured}"


def test_operation_ids_are_unique_camel_case() -> None:
    ids = [operation.get("operationId", "") for _, operation in OPERATIONS]
    assert len(ids) == len(set(ids)), f"duplicate operationIds: {sorted(i for i in ids if ids.count(i) > 1)}"
    bad = [i for i in ids if not i or not i[0].islower() or not i.isalnum()]
    assert not bad, f"operationIds that are not camelCase words: {bad}"


def test_every_operation_parameter_and_response_is_described() -> None:
    missing = []
    for name, operation in OPERATIONS:
        for key in ("summary", "description"):
            if not operation.get(key):
                missing.append(f"{name}: no {key}")
        for parameter in map(resolve, operation.get("parameters", [])):
            if not parameter.get("description"):
                missing.append(f"{name}: parameter {parameter['name']} ({parameter['in']})")
        if "requestBody" in operation and not operation["requestBody"].get("description"):
            missing.append(f"{name}: request body")
        for status, response in operation["responses"].items():
            if resolve(response).get("description", "") in DEFAULT_DESCRIPTIONS:
                missing.append(f"{name}: response {status} ({response.get('description')!r})")
    assert not missing, "undescribed:\n" + "\n".join(missing)


def test_every_schema_and_field_is_described() -> None:
    missing = []
    for name, schema in SPEC.get("components", {}).get("schemas", {}).items():
        if schema.get("type") == "object" and not schema.get("description"):
            missing.append(f"{name} (the schema)")
        for field, definition in schema.get("properties", {}).items():
            if not definition.get("description"):
                missing.append(f"{name}.{field}")
    assert not missing, "undescribed:\n" + "\n".join(missing)


def test_errors_are_problem_json() -> None:
    wrong = []
    for name, operation in OPERATIONS:
        for status, response in operation["responses"].items():
            content = resolve(response).get("content")
            if status[0] in "45" and content is not None and list(content) != ["application/problem+json"]:
                wrong.append(f"{name} {status}: {sorted(content)}")
            elif status[0] in "45" and content is not None:
                schema = content["application/problem+json"]["schema"]
                if schema != {"$ref": "#/components/schemas/Problem"}:
                    wrong.append(f"{name} {status}: schema {schema}")
    assert not wrong, "errors not declared as Problem (application/problem+json):\n" + "\n".join(wrong)


def test_operational_errors_are_declared() -> None:
    """What any operation may answer whatever its input: 431 (headers too large) and 500; 429 with
    Retry-After where the rate limit applies (app/limits.py); 503 with Retry-After and 504 where the
    database is used (app/errors.py); 413 where there is a body to be too large."""
    missing = []
    for name, operation in OPERATIONS:
        path = name.split(" ", 1)[1]
        responses = {status: resolve(response) for status, response in operation["responses"].items()}
        expected = {"431", "500"}
        expected |= {"429"} if path not in EXEMPT_PATHS else set()
        expected |= {"503", "504"} if path.startswith("/v1/") else set()
        expected |= {"413"} if "requestBody" in operation else set()
        missing += [f"{name}: {status}" for status in sorted(expected - responses.keys())]
        for status in sorted({"429", "503"} & expected & responses.keys()):
            if "Retry-After" not in responses[status].get("headers", {}):
                missing.append(f"{name}: {status} without a Retry-After header")
    assert not missing, "not declared:\n" + "\n".join(missing)


def test_fields_answers_may_be_partial() -> None:
    """With `fields=` a record has only the fields asked for: the answer is the full shape (what a
    client gets without `fields=`) or the loose `PartialRecord` (a page of them: `PartialPage`)."""
    schemas = SPEC["components"]["schemas"]
    assert schemas["PartialRecord"]["additionalProperties"] is True
    assert not schemas["PartialRecord"].get("required")
    assert schemas["PartialPage"]["properties"]["items"]["items"] == {
        "$ref": "#/components/schemas/PartialRecord"
    }
    wrong = []
    for name, operation in OPERATIONS:
        if not any(resolve(parameter)["name"] == "fields" for parameter in operation.get("parameters", [])):
            continue
        answer = operation["responses"]["200"]["content"]["application/json"]["schema"]
        full, partial = [variant.get("$ref", "").split("/")[-1] for variant in answer.get("anyOf", [{}, {}])]
        page = "items" in schemas.get(full, {}).get("properties", {})
        if not full or full.endswith("Partial") or partial != ("PartialPage" if page else "PartialRecord"):
            wrong.append(f"{name}: 200 is {answer}")
    assert not wrong, "\n".join(wrong)


def test_shared_components() -> None:
    """Errors are shared responses, repeated parameters shared parameters, and every enum one named
    schema: nothing is inlined that a generator would turn into a type per operation."""
    inline = []

    def enums(node: Any, where: str) -> None:
        if isinstance(node, dict):
            if "enum" in node:
                inline.append(where)
            for key, value in node.items():
                enums(value, f"{where}/{key}")
        elif isinstance(node, list):
            for value in node:
                enums(value, where)

    for name, operation in OPERATIONS:
        for status, response in operation["responses"].items():
            if status[0] in "45" and "content" in response:  # a problem, not shared
                inline.append(f"{name} {status}: not a shared response")
        enums(operation, name)
    for name, schema in SPEC["components"]["schemas"].items():
        enums(schema.get("properties", {}), name)
    enums(SPEC["components"]["parameters"], "parameters")
    assert not inline, (
        "inline enums or errors: name a closed list of values with TypeAliasType (as app/common/language.py "
        "names Language) and declare errors with a Problem model, so they become shared components:\n"
        + "\n".join(inline)
    )
    declared = [p for _, operation in OPERATIONS for p in operation.get("parameters", [])]
    inlined = Counter(orjson.dumps(p, option=orjson.OPT_SORT_KEYS) for p in declared if "$ref" not in p)
    assert all(count == 1 for count in inlined.values()), "a parameter declared alike twice, not shared"


def _lint(command: list[str]) -> subprocess.CompletedProcess[str]:
    env = os.environ | {
        # No telemetry and no update check: nothing leaves the machine.
        "REDOCLY_TELEMETRY": "off",
        "REDOCLY_SUPPRESS_UPDATE_NOTICE": "true",
        "NO_COLOR": "1",
    }
    return subprocess.run(command, cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=300)


def test_redocly_lint() -> None:
    redocly = node_tool("redocly")
    result = _lint([str(redocly), "lint", "openapi.json", "--format=stylish"])
    assert result.returncode == 0, f"redocly lint found errors:\n{result.stdout}\n{result.stderr}"


def test_spectral_lint() -> None:
    spectral = node_tool("spectral")
    # --fail-severity=warn: a warning fails too ("no warnings" is the bar).
    result = _lint([str(spectral), "lint", "openapi.json", "--fail-severity=warn", "--format=stylish"])
    assert result.returncode == 0, f"spectral lint found problems:\n{result.stdout}\n{result.stderr}"
