"""The dossier is written straight from rows, without the Pydantic schema: over every pair of the
seed, in both languages, its body must be what PairDossier makes of it, key order included."""

from typing import Any

import httpx
import orjson
import pytest

from app.relations.schemas import PairDossier

pytestmark = pytest.mark.anyio

# The records a dossier embeds are serialized as their list endpoints serialize them: without the
# `included` slot, which only `include=` fills.
NO_INCLUDED: dict[str, Any] = {
    "events": {"__all__": {"included"}},
    "agreements_by_sector": {"__all__": {"agreements": {"__all__": {"included"}}}},
    "infrastructure_projects": {"__all__": {"included"}},
}


async def every_pair(client: httpx.AsyncClient) -> list[str]:
    pairs: list[str] = []
    params: dict[str, Any] = {"limit": 500}
    while True:
        page = (await client.get("/v1/relations", params=params)).json()
        pairs += [item["id"] for item in page["items"]]
        if page["next_cursor"] is None:
            return pairs
        params["cursor"] = page["next_cursor"]


async def dossiers(client: httpx.AsyncClient) -> dict[tuple[str, str], bytes]:
    bodies = {}
    for pair in await every_pair(client):
        for lang in ("en", "ru"):
            response = await client.get(f"/v1/relations/{pair}", params={"lang": lang})
            assert response.status_code == 200, response.text
            bodies[pair, lang] = response.content
    return bodies


async def test_every_dossier_is_its_schema(client: httpx.AsyncClient) -> None:
    bodies = await dossiers(client)
    assert len(bodies) >= 10
    for (pair, lang), content in bodies.items():
        body = orjson.loads(content)
        schema = PairDossier.model_validate(body).model_dump(mode="json", exclude=NO_INCLUDED)
        assert schema == body, (pair, lang)
        assert orjson.dumps(schema) == content, (pair, lang)  # the same keys in the same order
