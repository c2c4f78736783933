"""The benchmark's fairness rests on a few helpers (bench/): Datasette's twin URLs in their tuned form,
the wrk script's per-thread seeds, the imbalance warning, and the dossier that Datasette runs being the
same content as the API's. These pin them; the benchmark itself is run by bench/run.py."""

from typing import Any

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.engine import Connection

from bench import checks, mix, wrk


def test_tuned_turns_off_the_count_on_table_pages_only() -> None:
    assert mix.tuned("/bench/events.json?type=summit") == "/bench/events.json?type=summit&_nocount=1"
    assert mix.tuned("/bench/trade_figures.json") == "/bench/trade_figures.json?_nocount=1"
    assert mix.tuned("/bench/trade_figures/ab-cd.json") == "/bench/trade_figures/ab-cd.json"
    assert mix.tuned("/bench.json?sql=select+1") == "/bench.json?sql=select+1"


def test_row_urls_tilde_encode_what_datasette_would() -> None:
    assert mix.tilde("bench-event_01") == "bench-event_01"
    assert mix.tilde("a.b/c d") == "a~2Eb~2Fc~20d"


def test_every_wrk_thread_seeds_its_own_generator() -> None:
    script = wrk.lua(["/a", "/b"], seed=5, at_random=True)
    assert 'thread:set("thread_number", threads)' in script
    assert "math.randomseed(5 * 1000 + thread_number)" in script
    assert "local pick_at_random = true" in script


def test_a_worker_holding_most_connections_is_flagged() -> None:
    assert wrk.unbalanced([25, 7])
    assert not wrk.unbalanced([20, 12])
    assert not wrk.unbalanced([32])  # one worker: nothing to balance


def test_twins_agree_on_the_sort_direction() -> None:
    twin = mix.trade_by_pair("AZ", "KZ", sort="-value", size=20)
    assert "sort=-value" in twin.api and "limit=20" in twin.api
    assert "_sort_desc=value" in twin.ds and "_size=20" in twin.ds


@pytest.mark.anyio
async def test_datasette_dossier_bundle_holds_what_the_api_dossier_holds(
    client: httpx.AsyncClient, connection: Connection
) -> None:
    if connection.dialect.name != "sqlite":
        pytest.skip("Datasette reads SQLite: its dossier bundle is SQLite SQL")
    pairs = (await client.get("/v1/relations", params={"limit": 500})).json()["items"]
    assert pairs
    for pair in pairs:
        a, b = pair["id"].split("/")
        twin = mix.dossier(a, b)
        api_body = (await client.get(twin.api, params={"lang": "en"})).json()
        rows: list[dict[str, Any]] = [
            {"part": part, "row": row}
            for part, row in connection.execute(text(mix.dossier_sql()), {"a": a, "b": b})
        ]
        parts = {row["part"] for row in rows}
        assert {"country", "event_ids"} <= parts
        assert checks.ds_rows(twin, rows) == checks.api_rows(twin, api_body), pair["id"]
        events = sum(1 for row in rows if row["part"] == "event")
        assert events == len(api_body["events"]), pair["id"]


@pytest.mark.anyio
@pytest.mark.parametrize("sort", ["records", "-records", "id", "-id"])
async def test_datasette_relations_query_lists_the_api_pairs(
    client: httpx.AsyncClient, connection: Connection, sort: str
) -> None:
    if connection.dialect.name != "sqlite":
        pytest.skip("Datasette reads SQLite: its query is SQLite SQL")
    api = (await client.get("/v1/relations", params={"country": "AZ", "sort": sort, "limit": 5})).json()
    rows = connection.execute(text(mix.relations_sql(sort)), {"c": "AZ", "n": 5}).all()
    assert [item["id"] for item in api["items"]] == [f"{row.a}/{row.b}" for row in rows]
    assert [item["counts"]["records"] for item in api["items"]] == [row.records for row in rows]
