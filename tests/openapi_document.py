"""The OpenAPI document in tests: built once per test process (each build costs about a second), and
read with shared components (`{"$ref": "#/components/…"}`) as the objects they name, and an
operation's parameters by name."""

from functools import cache
from typing import Any

import orjson

from app.config import Settings
from app.main import create_app


@cache
def _served() -> bytes:
    return orjson.dumps(create_app(Settings(_env_file=None, database_url="sqlite://")).openapi())


def document() -> dict[str, Any]:
    """The document a default deployment serves: a copy of its own, free to change."""
    loaded: dict[str, Any] = orjson.loads(_served())
    return loaded


def resolve(spec: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    """The object a `$ref` names, with the reference's own siblings (an operation's description) on
    top, as OpenAPI 3.1 says; any other node as it is."""
    if "$ref" not in node:
        return node
    target: Any = spec
    for part in node["$ref"].removeprefix("#/").split("/"):
        target = target[part]
    return {**resolve(spec, target), **{key: value for key, value in node.items() if key != "$ref"}}


def parameters(spec: dict[str, Any], path: str, method: str = "get") -> dict[str, dict[str, Any]]:
    """The operation's parameters by name, shared ones resolved."""
    declared = spec["paths"][path][method].get("parameters", [])
    return {parameter["name"]: parameter for parameter in (resolve(spec, p) for p in declared)}
