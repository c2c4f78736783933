"""The OpenAPI document as a client generator's input: what every response sends declared once, as
components, and each operation pointing at them.

- Response headers: `components/headers` holds each header a success response may carry; routes
  name them with `header_refs` (app/common/api.py and app/curation/routes.py do), and `declare_get_headers`
  adds what the middleware puts on every GET 200 (ETag, Cache-Control).
- `share_responses`: every non-2xx answer is a `components/responses` entry named by its status
  (`NotFound`, `UnprocessableEntity`…); an operation that says more about it keeps its own
  description beside the `$ref` (OpenAPI 3.1 allows that).
- `share_parameters`: a parameter declared the same way by several operations is a
  `components/parameters` entry, named after the enum it takes (`Language`, `EventField`) or its own
  name (`Cursor`, `IfMatch`).
"""

from collections import Counter, defaultdict
from http import HTTPStatus
from typing import Any

import orjson

HEADERS: dict[str, dict[str, Any]] = {
    "ETag": {
        "description": "The representation's strong entity tag. A record's (`\"v3-…\"`) names its version: "
        "send it back in `If-Match` to change or delete the record, or in `If-None-Match` for a 304.",
        "schema": {"type": "string"},
    },
    "Last-Modified": {
        "description": "When the data last changed (any record): usable in `If-Modified-Since`.",
        "schema": {"type": "string"},
    },
    "Cache-Control": {
        "description": "How long HTTP caches may keep the answer.",
        "schema": {"type": "string"},
    },
    "Vary": {
        "description": "The request headers the answer depends on.",
        "schema": {"type": "string"},
    },
    "Content-Language": {
        "description": "The language names, titles and summaries are in (`en` or `ru`).",
        "schema": {"$ref": "#/components/schemas/Language"},
    },
    "Link": {
        "description": 'The next page, `<url>; rel="next"` (RFC 8288): this request with the next '
        "cursor. Absent on the last page.",
        "schema": {"type": "string"},
    },
    "Content-Disposition": {
        "description": 'Only with `format=csv` (or `Accept: text/csv`): `attachment; filename="<list>.csv"`.',
        "schema": {"type": "string"},
    },
    "Location": {
        "description": "The new record's URL.",
        "schema": {"type": "string"},
    },
    "Idempotent-Replayed": {
        "description": "`true` when this is the stored answer to an earlier request with the same "
        "`Idempotency-Key`; absent otherwise.",
        "schema": {"type": "string", "enum": ["true"]},
    },
}
# Always sent (a client may rely on them); the others only in the cases their description gives.
ALWAYS = {"ETag", "Last-Modified", "Cache-Control", "Vary", "Content-Language", "Location"}
# What every answer with data carries (app/common/api.py json_response, the exports).
DATA_HEADERS = ("ETag", "Last-Modified", "Cache-Control", "Vary", "Content-Language")
_HEADERS = "#/components/headers/"
_RESPONSES = "#/components/responses/"
_PARAMETERS = "#/components/parameters/"
_SCHEMAS = "#/components/schemas/"


def header_refs(*names: str) -> dict[str, dict[str, str]]:
    """The `headers` of a response that sends these (declared in HEADERS)."""
    return {name: {"$ref": _HEADERS + name} for name in names}


def declare_headers(schema: dict[str, Any]) -> None:
    """Put HEADERS into `components/headers`, and on every GET 200 the two the middleware always adds
    (app/middleware.py ConditionalGet: an ETag and a Cache-Control on every buffered GET 200)."""
    components = schema.setdefault("components", {})
    components["headers"] = {
        name: {**definition, "required": name in ALWAYS} for name, definition in sorted(HEADERS.items())
    }
    for item in schema["paths"].values():
        ok = item.get("get", {}).get("responses", {}).get("200")
        if ok is not None:
            ok["headers"] = {**header_refs("ETag", "Cache-Control"), **ok.get("headers", {})}


def share_responses(schema: dict[str, Any]) -> None:
    """Every answer but a success is a shared component, one per status: its most frequent shape and
    wording. An operation that words it otherwise keeps its description beside the `$ref`; one that
    answers in another shape (a readiness probe's bare 503) keeps its own answer."""
    found: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for operation in _operations(schema):
        for status, response in operation["responses"].items():
            if not status.startswith("2"):
                found[status].append(response)
    shared: dict[str, Any] = {}
    names: dict[str, str] = {}
    for status, responses in sorted(found.items()):
        shapes = Counter(_shape(response) for response in responses)
        shape = min(shapes, key=lambda key: (-shapes[key], key))
        alike = [response for response in responses if _shape(response) == shape]
        wordings = Counter(response["description"] for response in alike)
        description = min(wordings, key=lambda wording: (-wordings[wording], wording))
        names[status] = HTTPStatus(int(status)).phrase.title().replace(" ", "").replace("-", "")
        shared[names[status]] = {**alike[0], "description": description}
    for operation in _operations(schema):
        for status, response in operation["responses"].items():
            common = shared.get(names.get(status, ""))
            if common is None or _shape(response) != _shape(common):
                continue
            reference = {"$ref": _RESPONSES + names[status]}
            if response["description"] != common["description"]:
                reference["description"] = response["description"]
            operation["responses"][status] = reference
    schema["components"]["responses"] = dict(sorted(shared.items()))


def _shape(response: dict[str, Any]) -> bytes:
    return _key({key: value for key, value in response.items() if key != "description"})


def share_parameters(schema: dict[str, Any]) -> None:
    """A parameter several operations declare alike becomes one `components/parameters` entry."""
    uses = Counter(
        _key(parameter) for operation in _operations(schema) for parameter in operation.get("parameters", [])
    )
    shared: dict[str, Any] = {}
    chosen: dict[bytes, str] = {}
    for operation in _operations(schema):
        for parameter in operation.get("parameters", []):
            key = _key(parameter)
            if uses[key] < 2 or key in chosen:
                continue
            name = _parameter_name(parameter)
            if name in shared:  # a parameter of that name that means something else: `CountryPeople`
                name += _pascal(operation.get("tags", ["other"])[0])
            shared[name], chosen[key] = parameter, name
    for operation in _operations(schema):
        if "parameters" in operation:
            operation["parameters"] = [
                {"$ref": _PARAMETERS + chosen[key]} if (key := _key(parameter)) in chosen else parameter
                for parameter in operation["parameters"]
            ]
    schema["components"]["parameters"] = dict(sorted(shared.items()))


def _parameter_name(parameter: dict[str, Any]) -> str:
    """`fields` of events → `EventField` (the enum it takes); `If-Match` → `IfMatch`."""
    schema = parameter["schema"]
    candidates = [schema, schema.get("items", {}), *schema.get("anyOf", [])]
    for candidate in candidates:
        if candidate.get("$ref", "").startswith(_SCHEMAS):
            return str(candidate["$ref"].removeprefix(_SCHEMAS))
    return _pascal(parameter["name"])


def _pascal(name: str) -> str:
    return "".join(word[:1].upper() + word[1:] for word in name.replace("-", "_").split("_"))


def _operations(schema: dict[str, Any]) -> list[dict[str, Any]]:
    return [operation for item in schema["paths"].values() for operation in item.values()]


def _key(value: Any) -> bytes:
    return orjson.dumps(value, option=orjson.OPT_SORT_KEYS)
