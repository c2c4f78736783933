"""The contract every list and detail endpoint keeps: one envelope, one error shape, cursors that walk
the whole set, and an OpenAPI document that says what the code does."""

import re
from typing import Any

import httpx
import pytest

from tests import openapi_document

pytestmark = pytest.mark.anyio

SPEC = openapi_document.document()


def resolve(node: dict[str, Any]) -> dict[str, Any]:
    return openapi_document.resolve(SPEC, node)


# A collection is a path with a detail path under it (`/v1/events` and `/v1/events/{event_id}`).
DETAIL_PATHS = sorted(
    path
    for path, operations in SPEC["paths"].items()
    if path.startswith("/v1/") and path.endswith("}") and "get" in operations
)
LIST_PATHS = sorted(
    path for path in SPEC["paths"] if "{" not in path and any(d.startswith(path + "/{") for d in DETAIL_PATHS)
)
# Lists the seed fills: the review queue starts empty (tests/test_candidates.py fills its own).
SEEDED_LIST_PATHS = [path for path in LIST_PATHS if path != "/v1/candidates"]
PROBLEM_KEYS = {"type", "title", "status", "detail", "instance"}


def sort_keys(path: str) -> list[str]:
    [sort] = [p for p in map(resolve, SPEC["paths"][path]["get"]["parameters"]) if p["name"] == "sort"]
    name = sort["schema"]["$ref"].removeprefix("#/components/schemas/")  # one named schema per enum
    return list(SPEC["components"]["schemas"][name]["enum"])


def assert_problem(response: httpx.Response, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert PROBLEM_KEYS <= set(body) <= PROBLEM_KEYS | {"errors"}
    assert body["status"] == status and body["type"].startswith("/problems/")
    return body


def test_every_resource_has_a_list_and_a_detail_endpoint() -> None:
    resources = {
        "events",
        "agreements",
        "trade-figures",
        "infrastructure-projects",
        "countries",
        "organizations",
        "people",
        "places",
        "sources",
        "candidates",
        "relations",
    }
    assert {path.removeprefix("/v1/") for path in LIST_PATHS} == resources
    assert {path.split("/")[2] for path in DETAIL_PATHS} == resources


@pytest.mark.parametrize("path", LIST_PATHS)
async def test_list_envelope(client: httpx.AsyncClient, path: str) -> None:
    response = await client.get(path)
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    assert set(body) == {"items", "next_cursor"}
    assert body["items"] or path not in SEEDED_LIST_PATHS, f"{path} returned nothing from the seed"


@pytest.mark.parametrize("path", LIST_PATHS)
@pytest.mark.parametrize(
    ("query", "status", "names"),
    [
        ("unknown_filter=1", 400, ["unknown_filter"]),
        ("limit=100000", 422, ["limit"]),
        ("limit=0", 422, ["limit"]),
        ("cursor=not-a-cursor", 422, ["cursor"]),
        ("sort=nonsense", 422, ["sort"]),
    ],
)
async def test_bad_requests_are_problems(
    client: httpx.AsyncClient, path: str, query: str, status: int, names: list[str]
) -> None:
    body = assert_problem(await client.get(f"{path}?{query}"), status)
    assert [error["name"] for error in body["errors"]] == names


@pytest.mark.parametrize("path", DETAIL_PATHS)
async def test_unknown_ids_are_404_problems(client: httpx.AsyncClient, path: str) -> None:
    url = path.split("{")[0] + "no-such-record"
    assert "no-such-record" in assert_problem(await client.get(url), 404)["detail"]


@pytest.mark.parametrize("path", LIST_PATHS)
async def test_cursors_walk_every_record_once_in_every_sort(client: httpx.AsyncClient, path: str) -> None:
    for sort in sort_keys(path):
        everything = (await client.get(path, params={"sort": sort, "limit": 500})).json()
        assert everything["next_cursor"] is None
        expected = [item["id"] for item in everything["items"]]
        seen: list[str] = []
        url: str | None = f"{path}?sort={sort}&limit=2"
        while url:
            response = await client.get(url)
            assert response.status_code == 200, response.text
            body = response.json()
            seen += [item["id"] for item in body["items"]]
            link = response.headers.get("link")
            assert (link is None) == (body["next_cursor"] is None)
            url = link.split(">")[0].removeprefix("<") if link else None
            if url:
                assert f"cursor={body['next_cursor']}" in url and f"sort={sort}" in url
        assert seen == expected, sort


async def test_detail_matches_the_list_item(client: httpx.AsyncClient) -> None:
    for path in SEEDED_LIST_PATHS:
        item = (await client.get(path, params={"limit": 1})).json()["items"][0]
        detail = (await client.get(f"{path}/{item['id']}")).json()
        if path in ("/v1/sources", "/v1/relations"):
            # The detail adds to the item: a source's full text and quotes, a pair's dossier.
            assert all(detail[key] == value for key, value in item.items())
        else:
            assert detail == item


async def test_list_queries_do_not_grow_with_the_page(client: httpx.AsyncClient, count_queries: Any) -> None:
    for path in ["/v1/events", "/v1/trade-figures", "/v1/infrastructure-projects", "/v1/agreements"]:
        count_queries.count = 0
        await client.get(path, params={"limit": 1})
        one = count_queries.count
        assert one > 0, path
        count_queries.count = 0
        await client.get(path, params={"limit": 50})
        assert count_queries.count == one, path


def test_operation_ids_are_readable_and_unique() -> None:
    operation_ids = [op["operationId"] for item in SPEC["paths"].values() for op in item.values()]
    assert len(operation_ids) == len(set(operation_ids))
    assert {
        "listEvents",
        "getEvent",
        "listTradeFigures",
        "getTradeFigure",
        "listInfrastructureProjects",
    } <= set(operation_ids)
    assert all(op_id[0].islower() and "_" not in op_id for op_id in operation_ids)


def test_openapi_documents_errors_as_problem_json_and_describes_parameters() -> None:
    assert SPEC["openapi"].startswith("3.1")
    for path in LIST_PATHS:
        operation = SPEC["paths"][path]["get"]
        assert len(operation["tags"]) == 1
        assert full_schema_ref(path).endswith("Page")
        for status in ("400", "422"):
            content = resolve(operation["responses"][status])["content"]
            assert list(content) == ["application/problem+json"]
            assert content["application/problem+json"]["schema"]["$ref"] == "#/components/schemas/Problem"
        for parameter in map(resolve, operation["parameters"]):
            assert parameter.get("description"), f"{path} {parameter['name']}"
    assert "HTTPValidationError" not in SPEC["components"]["schemas"]


async def test_not_found_route_and_wrong_method_are_problems(client: httpx.AsyncClient) -> None:
    assert_problem(await client.get("/v2/nothing"), 404)
    wrong = await client.put("/v1/events/aliyev-state-visit-kazakhstan-2025-11")
    assert_problem(wrong, 405)
    assert wrong.headers["allow"] == "DELETE, GET, PATCH"


@pytest.mark.parametrize("page", ["/docs", "/redoc"])
async def test_docs_pages_work_offline(client: httpx.AsyncClient, page: str) -> None:
    html = (await client.get(page)).text
    assert "/openapi.json" in html
    assert "http://" not in html and "https://" not in html, "the page loads something from another host"
    for asset in re.findall(r'(?:src|href)="([^"]+)"', html):
        assert (await client.get(asset)).status_code == 200, asset


NASTY_QUERIES = [
    ("q=%00", 400),
    ("q=%5C", 200),  # a lone backslash, the LIKE escape character
    ("q=%25_%25", 200),
    ("q=%27%3B%20drop%20table%20events%3B--", 200),
    ("q=" + "x" * 201, 422),
    ("cursor=%00", 400),
    ("cursor=" + "A" * 1001, 422),
    ("limit=1e3", 422),
    ("limit=-1", 422),
]


@pytest.mark.parametrize("path", LIST_PATHS)
@pytest.mark.parametrize(("query", "status"), NASTY_QUERIES)
async def test_hostile_input_never_reaches_500(
    client: httpx.AsyncClient, path: str, query: str, status: int
) -> None:
    response = await client.get(f"{path}?{query}")
    if status == 200:
        assert response.status_code == 200, response.text
    else:
        assert_problem(response, status)


@pytest.mark.parametrize("path", DETAIL_PATHS)
@pytest.mark.parametrize(
    ("record_id", "status"), [("%00", 400), ("%C3%28", 404), ("x" * 1000, 404), ("%E2%80%AE", 404)]
)
async def test_hostile_ids_never_reach_500(
    client: httpx.AsyncClient, path: str, record_id: str, status: int
) -> None:
    assert_problem(await client.get(path.split("{")[0] + record_id), status)


def full_schema_ref(path: str) -> str:
    """The 200 schema's reference (the full shape, where `fields=` also allows a partial one)."""
    schema = SPEC["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    return str(schema["$ref"] if "$ref" in schema else schema["anyOf"][0]["$ref"])


def item_schema(path: str) -> dict[str, Any]:
    page_ref = full_schema_ref(path)
    page = SPEC["components"]["schemas"][page_ref.split("/")[-1]]
    return SPEC["components"]["schemas"][page["properties"]["items"]["items"]["$ref"].split("/")[-1]]


@pytest.mark.parametrize("path", SEEDED_LIST_PATHS)
async def test_openapi_examples_are_drawn_from_the_seed(client: httpx.AsyncClient, path: str) -> None:
    [example_id] = item_schema(path)["properties"]["id"]["examples"]
    assert (await client.get(f"{path}/{example_id}")).status_code == 200, example_id
    for parameter in map(resolve, SPEC["paths"][path]["get"]["parameters"]):
        for example in parameter["schema"].get("examples", []) + parameter.get("examples", []):
            response = await client.get(path, params={parameter["name"]: example})
            assert response.status_code == 200, (parameter["name"], example, response.text)
            if parameter["name"] != "q":
                assert response.json()["items"], f"{path}?{parameter['name']}={example} finds nothing"


DOCUMENTS = [
    "/v1/changes",
    "/v1/conflicts",
    "/v1/search?q=порт",
    "/v1/relations/AZ/KZ",
    "/v1/trade-figures/series?reporter=AZ&partner=KZ&indicator=trade_turnover",
]


@pytest.mark.parametrize("url", [*SEEDED_LIST_PATHS, *DOCUMENTS])
async def test_the_declared_headers_are_sent(client: httpx.AsyncClient, url: str) -> None:
    """Each header the document says a 200 always carries (`required`) is there, on a page and on the
    record it links to; Link exactly when there is a next page."""
    path = url.split("?")[0]
    for _ in range(2):
        response = await client.get(url, params={"limit": 1} if path in LIST_PATHS else None)
        assert response.status_code == 200, response.text
        template = path if path in SPEC["paths"] else next(p for p in DETAIL_PATHS if p.split("{")[0] in path)
        declared = {
            name: resolve(header)
            for name, header in SPEC["paths"][template]["get"]["responses"]["200"].get("headers", {}).items()
        }
        missing = [
            name
            for name, header in declared.items()
            if header.get("required") and name not in response.headers
        ]
        assert not missing, f"{url}: {missing}"
        assert ("link" in response.headers) == bool(response.json().get("next_cursor")), url
        if path not in LIST_PATHS:
            break
        url = f"{path}/{response.json()['items'][0]['id']}"
        path = url
