"""GET /v1/search: full-text search over every record, on SQLite (FTS5) and PostgreSQL (tsvector)."""

import itertools
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import orjson
import pytest
import uvicorn
from alembic import command
from fastapi import FastAPI
from sqlalchemy import delete, func, select, text
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from app import cli, datastate
from app.config import get_settings
from app.db import make_engine
from app.migrated import alembic_config
from app.models import Event, SearchDocument, SearchRecordType
from app.search import repository
from app.search import text as search_text
from app.search.repository import index_records, optimize_index
from app.search.schemas import SearchMatch, SearchPage, SearchParams
from app.search.text import query_terms, relevance
from app.seeding import seed_all
from tests.conftest import SEED_DIR, Database
from tests.openapi_document import document, parameters, resolve
from tests.test_contract import assert_problem

pytestmark = pytest.mark.anyio

SPEC = document()
PORTS = {"port-of-aktau", "port-of-kuryk", "port-of-alat"}
VISIT = "aliyev-state-visit-kazakhstan-2025-11"


async def search(client: httpx.AsyncClient, **params: Any) -> list[dict[str, Any]]:
    response = await client.get("/v1/search", params={"limit": 100, **params})
    assert response.status_code == 200, response.text
    body = response.json()
    assert set(body) == {"items", "next_cursor"} and body["next_cursor"] is None
    items: list[dict[str, Any]] = body["items"]
    return items


def found(items: list[dict[str, Any]]) -> set[tuple[str, str]]:
    return {(item["type"], item["id"]) for item in items}


async def test_a_russian_stem_finds_every_word_form(client: httpx.AsyncClient) -> None:
    # The seed says "портов Актау" and names the projects "Порт Актау" etc.
    items = await search(client, q="порт")
    assert {item["id"] for item in items[:3]} == PORTS  # the exact word form ranks first
    assert {("place", "aktau"), ("place", "kuryk"), ("place", "alat")} <= found(items)
    aktau = next(item for item in items if item["id"] == "port-of-aktau")
    assert aktau == {
        "resource": "infrastructure-projects",
        "type": "infrastructure_project",
        "id": "port-of-aktau",
        "title": "Port of Aktau",
        "snippet": "**Порт** Актау",
        "rank": aktau["rank"],
        "url": "/v1/infrastructure-projects/port-of-aktau",
    }
    assert ("country", "PT") in found(items)  # "Португалия": "порт" begins it, and ranks it lower
    plural = await search(client, q="портов Актау")
    assert found(plural[:2]) == {("infrastructure_project", "port-of-aktau"), ("place", "aktau")}
    assert ("country", "PT") not in found(plural)  # every word must match
    assert {("place", "aktau"), ("place", "kuryk")} <= found(plural)  # "портов Актау, Курык и Алят"


async def test_case_endings_do_not_matter(client: httpx.AsyncClient) -> None:
    # Snowball cuts "Казахстан" and "Казахстана" to "казахста", "Казахстане" only to "казахстан".
    items = await search(client, q="Казахстан")
    assert items[0]["type"] == "country" and items[0]["id"] == "KZ"
    assert ("event", VISIT) in found(items)
    assert ("agreement", "az-kz-documents-2025-11") in found(items)
    assert ("person", "kassym-jomart-tokayev") in found(items)  # "Президент Казахстана"
    for form in ["Казахстана", "казахстане", "КАЗАХСТАНОМ", "Казахстану"]:
        other = await search(client, q=form)
        assert found(other) == found(items), form
        assert ("country", "KZ") in found(other[:3]), form
    summits = found(await search(client, q="саммит"))  # "саммит" → "самм", "саммитах" → "саммит"
    assert summits == found(await search(client, q="саммитах")) >= {("event", "ots-summit-gabala-2025")}


async def test_every_kind_of_record_is_searchable_and_links_to_itself(client: httpx.AsyncClient) -> None:
    items = await search(client, q="Казахстан")
    assert {item["type"] for item in items} == set(SearchRecordType)
    for item in items:
        assert (await client.get(item["url"])).status_code == 200, item["url"]
        assert item["url"] == f"/v1/{item['resource']}/{item['id']}"


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("pipeline", ("infrastructure_project", "baku-tbilisi-ceyhan-pipeline")),
        ("pipelines", ("infrastructure_project", "baku-tbilisi-ceyhan-pipeline")),
        ("summit Gabala", ("event", "ots-summit-gabala-2025")),
        ("Turkic states", ("organization", "ots")),
        ("KZ", ("country", "KZ")),
        ("ECO", ("organization", "eco")),
    ],
)
async def test_english_queries(client: httpx.AsyncClient, q: str, expected: tuple[str, str]) -> None:
    items = await search(client, q=q)
    assert (items[0]["type"], items[0]["id"]) == expected


async def test_english_word_forms_and_both_summits(client: httpx.AsyncClient) -> None:
    summits = {("event", "eco-summit-khankendi-2025"), ("event", "ots-summit-gabala-2025")}
    assert found(await search(client, q="summit", type="event")) == summits
    assert found(await search(client, q="summits", type="event")) == summits
    assert found(await search(client, q="саммит", type="event")) == summits


async def test_a_word_only_a_quote_has_finds_the_records_that_cite_it(client: httpx.AsyncClient) -> None:
    # "жестом" is in no title or summary: only in the quote both summit events cite (and the source).
    items = await search(client, q="жест")
    assert found(items) == {
        ("event", "eco-summit-khankendi-2025"),
        ("event", "ots-summit-gabala-2025"),
        ("source", "velizade-2025-az-kz-relations"),
    }
    event = next(item for item in items if item["type"] == "event")
    assert event["snippet"].startswith("Эти визиты стали не только **жестом** высокого политического")


async def test_snippets_mark_the_matches_in_a_window_of_the_text(client: httpx.AsyncClient) -> None:
    items = await search(client, q="нефтепровод", type="source")
    [source] = items
    snippet = source["snippet"]
    assert "**нефтепровод**" in snippet
    assert snippet.startswith("Так, прокачка через **нефтепровод** Баку–Тбилиси–Джейхан в 2025 году")
    assert len(snippet.replace("**", "")) <= 162
    for item in await search(client, q="Казахстан"):
        assert "**" in item["snippet"], item


async def test_type_restricts_the_results(client: httpx.AsyncClient) -> None:
    events = await search(client, q="Казахстан", type="event")
    assert events and {item["type"] for item in events} == {"event"}
    mixed = await search(client, q="Казахстан", type=["country", "person"])
    assert {item["type"] for item in mixed} == {"country", "person"}
    assert ("country", "KZ") in found(mixed)


async def test_cursors_walk_every_hit_once_in_rank_order(client: httpx.AsyncClient) -> None:
    everything = await search(client, q="Казахстан")
    assert len(everything) > 10
    ranks = [item["rank"] for item in everything]
    assert ranks == sorted(ranks, reverse=True)
    seen: list[dict[str, Any]] = []
    url: str | None = "/v1/search?q=Казахстан&limit=3"
    while url:
        response = await client.get(url)
        assert response.status_code == 200, response.text
        body = response.json()
        assert len(body["items"]) <= 3
        seen += body["items"]
        link = response.headers.get("link")
        assert (link is None) == (body["next_cursor"] is None)
        url = link.split(">")[0].removeprefix("<") if link else None
    assert seen == everything


async def walk(client: httpx.AsyncClient, url: str) -> list[dict[str, Any]]:
    seen: list[dict[str, Any]] = []
    next_url: str | None = url
    while next_url:
        response = await client.get(next_url)
        assert response.status_code == 200, response.text
        seen += response.json()["items"]
        link = response.headers.get("link")
        next_url = link.split(">")[0].removeprefix("<") if link else None
    return seen


@pytest.fixture
def ranked_at_once(app: FastAPI, monkeypatch: pytest.MonkeyPatch) -> Callable[[int], None]:
    """Sets the block size of the ranking, and forgets the answers cached under another."""

    def set_size(size: int) -> None:
        monkeypatch.setattr(search_text, "RANKED_AT_ONCE", size)
        if app.state.response_cache is not None:
            app.state.response_cache.clear()

    return set_size


async def test_a_large_result_set_is_ranked_in_blocks(
    client: httpx.AsyncClient, session: Session, ranked_at_once: Callable[[int], None]
) -> None:
    whole = await search(client, q="Казахстан")
    ranked_at_once(4)
    blocks = await walk(client, "/v1/search?q=Казахстан&limit=3")
    # Every hit once, the same hits as when the set is ranked whole; the same pages each time.
    assert len(blocks) == len(whole) > 8
    assert found(blocks) == found(whole)
    assert await walk(client, "/v1/search?q=Казахстан&limit=3") == blocks
    assert await walk(client, "/v1/search?q=Казахстан&limit=100") == blocks
    # Best first within each block of 4 matches; the blocks follow the index's order.
    for start in range(0, len(blocks), 4):
        ranks = [item["rank"] for item in blocks[start : start + 4]]
        assert ranks == sorted(ranks, reverse=True)
    documents = session.execute(
        select(SearchDocument.record_type, SearchDocument.record_id, SearchDocument.id)
    )
    index_order = {(record_type.value, record_id): id_ for record_type, record_id, id_ in documents}
    order = [index_order[item["type"], item["id"]] for item in blocks]
    blocks_of_ids = [order[start : start + 4] for start in range(0, len(order), 4)]
    assert all(max(a) < min(b) for a, b in itertools.pairwise(blocks_of_ids))


async def test_a_block_of_one_is_the_index_order_and_a_block_of_all_but_one_ranks(
    client: httpx.AsyncClient, ranked_at_once: Callable[[int], None]
) -> None:
    whole = await search(client, q="порт")
    ranked_at_once(1)
    one_by_one = await search(client, q="порт")
    assert found(one_by_one) == found(whole) and one_by_one != whole
    ranked_at_once(len(whole) - 1)
    blocks = await search(client, q="порт")
    assert found(blocks) == found(whole)
    # The first block holds all but the last match of the index: its best are the exact word forms.
    assert {item["id"] for item in blocks[:3]} <= PORTS | {whole[-1]["id"]}
    assert {item["id"] for item in blocks[:3]} & PORTS


@pytest.mark.parametrize(
    "q", ["порт", "Казахстане", "Казахстан Азербайджан", "pipelines", "саммит Габала", "EU"]
)
async def test_the_database_ranks_as_relevance_does(
    client: httpx.AsyncClient, session: Session, q: str
) -> None:
    # The database ranks (app.search.repository) what app.search.text.relevance defines: the same
    # doubles, to the last bit, for the same matches.
    terms = query_terms(q)
    documents = session.execute(
        select(SearchDocument.record_type, SearchDocument.record_id, SearchDocument.stems)
    ).all()
    matching = {
        (record_type.value, record_id): stems
        for record_type, record_id, stems in documents
        if all(any(term.matches(stem) for stem in stems.split(" ")) for term in terms)
    }
    expected = dict(zip(matching, relevance(terms, list(matching.values())), strict=True))
    items = await search(client, q=q)
    assert len(items) == len(expected) > 0
    assert {(item["type"], item["id"]): item["rank"] for item in items} == expected


async def test_a_prefix_finds_the_same_named_whole_or_as_a_prefix(
    client: httpx.AsyncClient, app: FastAPI, monkeypatch: pytest.MonkeyPatch
) -> None:
    # SQLite names the words a prefix begins when they are few (app.search.repository.longer_words).
    named = [await search(client, q=q) for q in ("порт", "Казахстане", "pipe", "саммит Габала")]
    monkeypatch.setattr(repository, "EXPANDED_AT_MOST", 0)
    if app.state.response_cache is not None:
        app.state.response_cache.clear()
    assert [await search(client, q=q) for q in ("порт", "Казахстане", "pipe", "саммит Габала")] == named


@pytest.mark.parametrize(
    ("probed", "walked_at_most"),
    [
        (100_000, 1),  # a probe no word fills: the index's matches, sorted
        (0, 100_000),  # every block walked in id order until it is full
        (0, 1),  # walks of a block's size, the rest from the index after the last document walked
        (3, 2),  # as the probe finds the documents
    ],
)
async def test_walking_the_documents_finds_the_blocks_the_index_finds(
    client: httpx.AsyncClient,
    app: FastAPI,
    ranked_at_once: Callable[[int], None],
    monkeypatch: pytest.MonkeyPatch,
    probed: int,
    walked_at_most: int,
) -> None:
    # PostgreSQL reads a block either from the GIN index or by walking the documents in id order
    # (app.search.repository._postgresql_block); both are the same first matches. SQLite has one way.
    urls = [f"/v1/search?q={q}&limit=3" for q in ("Казахстан", "порт", "Азербайджан")]
    # One type (its own index), and two (every document in id order, the other types skipped).
    urls += [f"/v1/search?q=Казахстан&type=trade_figure{more}&limit=2" for more in ("", "&type=event")]
    ranked_at_once(4)
    expected = [await walk(client, url) for url in urls]
    monkeypatch.setattr(repository, "PROBED", probed)
    monkeypatch.setattr(repository, "WALKED_AT_MOST", walked_at_most)
    ranked_at_once(4)
    assert [await walk(client, url) for url in urls] == expected
    assert all(len(items) > 4 for items in expected)


def test_a_common_word_reads_about_a_block_of_documents_on_postgresql(
    session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    if session.get_bind().dialect.name != "postgresql":
        pytest.skip("PostgreSQL's plan: SQLite's FTS5 reads its matches in id order anyway")
    # A word a third of 3,000 events hold, ranked 50 at a time: the first page reads the probe, the
    # documents walked until the block is full (about 150) and the page's texts, not every match.
    monkeypatch.setattr(search_text, "RANKED_AT_ONCE", 50)
    session.add_all(
        SearchDocument(
            record_type=SearchRecordType.event,
            record_id=f"walk-{n}",
            title_en=f"Walk {n}",
            title_ru=f"Walk {n}",
            text=f"walk {n}",
            stems="zwalkfound event" if n % 3 == 0 else "zwalkother event",
        )
        for n in range(3000)
    )
    session.flush()
    session.execute(text("ANALYZE search_documents"))
    # A table this small PostgreSQL would rather read whole, by any plan; the benchmark's is not.
    session.execute(text("SET LOCAL enable_seqscan = off"))
    fetched = text(
        "SELECT idx_tup_fetch + seq_tup_read FROM pg_stat_xact_user_tables WHERE relname = 'search_documents'"
    )

    def first_page(**constants: int) -> tuple[list[SearchMatch], int]:
        for name, value in constants.items():
            monkeypatch.setattr(repository, name, value)
        before = session.execute(fetched).scalar_one()
        page, _ = repository.search(session, SearchParams(q="zwalkfound", type=[SearchRecordType.event]))
        return page, session.execute(fetched).scalar_one() - before

    probed = repository.PROBED
    walked, walked_reads = first_page()
    indexed, indexed_reads = first_page(PROBED=100_000, WALKED_AT_MOST=1)
    assert walked == indexed and len(walked) == 20
    print(walked_reads, indexed_reads)
    assert walked_reads < probed + 3 * 50 + 100 < 1000 <= indexed_reads


def test_relevance_prefers_exact_forms_and_short_texts() -> None:
    terms = query_terms("порт")
    exact, longer, long_text, none = relevance(
        terms, ["порт акта", "портов акта", "порт акта курык алят баку", "акта"]
    )
    assert exact > longer > none == 0.0 and exact > long_text > none
    assert relevance(terms, []) == []


async def test_a_cursor_belongs_to_its_search(client: httpx.AsyncClient) -> None:
    first = (await client.get("/v1/search", params={"q": "Казахстан", "limit": 2})).json()
    cursor = first["next_cursor"]
    # The same words spelt otherwise are the same search.
    same = await client.get("/v1/search", params={"q": "казахстана!", "limit": 2, "cursor": cursor})
    assert same.status_code == 200
    for other in [{"q": "порт"}, {"q": "Казахстан", "type": "event"}]:
        body = assert_problem(await client.get("/v1/search", params={**other, "cursor": cursor}), 422)
        assert body["errors"][0]["name"] == "cursor" and "another search" in body["detail"]


async def test_titles_in_the_requested_language(client: httpx.AsyncClient) -> None:
    pipeline = "baku-tbilisi-ceyhan-pipeline"
    for params, headers, language, title in [
        ({}, {}, "en", "Baku–Tbilisi–Ceyhan oil pipeline"),
        ({"lang": "ru"}, {}, "ru", "Нефтепровод Баку–Тбилиси–Джейхан"),
        ({}, {"Accept-Language": "ru-RU,ru;q=0.9,en;q=0.5"}, "ru", "Нефтепровод Баку–Тбилиси–Джейхан"),
        ({"lang": "en"}, {"Accept-Language": "ru"}, "en", "Baku–Tbilisi–Ceyhan oil pipeline"),
    ]:
        response = await client.get("/v1/search", params={"q": "pipeline", **params}, headers=headers)
        assert response.status_code == 200
        assert response.headers["content-language"] == language
        assert "Accept-Language" in response.headers["vary"]
        [hit] = [item for item in response.json()["items"] if item["id"] == pipeline]
        assert hit["title"] == title
    figure = (await search(client, q="товарооборот", type="trade_figure", lang="ru"))[0]
    assert figure["title"].startswith("Товарооборот Азербайджан–Казахстан, ")


@pytest.mark.parametrize(
    ("query", "status", "name"),
    [
        ("", 422, "q"),
        ("q=", 422, "q"),
        ("q=%25%25%25", 422, "q"),
        ("q=--", 422, "q"),
        ("q=%20%20", 422, "q"),
        ("q=" + "a" * 201, 422, "q"),
        ("q=порт&limit=0", 422, "limit"),
        ("q=порт&limit=101", 422, "limit"),
        ("q=порт&type=nonsense", 422, "type"),
        ("q=порт&lang=de", 422, "lang"),
        ("q=порт&cursor=not-a-cursor", 422, "cursor"),
        ("q=порт&sort=rank", 400, "sort"),
    ],
)
async def test_bad_requests_are_problems(
    client: httpx.AsyncClient, query: str, status: int, name: str
) -> None:
    body = assert_problem(await client.get(f"/v1/search?{query}"), status)
    assert [error["name"] for error in body["errors"]] == [name]


async def test_a_query_without_words_says_so(client: httpx.AsyncClient) -> None:
    body = assert_problem(await client.get("/v1/search", params={"q": "%%%"}), 422)
    assert body["detail"] == "q: must contain at least one letter or digit"


@pytest.mark.parametrize(
    "q",
    [
        '"',
        "'",
        "AND OR NOT*",
        "a:b",
        "stems:порт",
        "NEAR(порт актау)",
        "порт*",
        "-порт",
        "^порт",
        "(порт",
        "{stems}: порт",
        "порт OR актау",
        "\\'; DROP TABLE search_documents; --",
        "'порт':* | 'x'",
        "ё",
        "İstanbul",
        "😀 порт",
        "x" * 200,
    ],
)
async def test_search_syntax_in_q_is_just_text(client: httpx.AsyncClient, q: str) -> None:
    response = await client.get("/v1/search", params={"q": q})
    assert response.status_code in (200, 422), response.text
    if response.status_code == 422:
        assert_problem(response, 422)


async def test_operators_are_words_and_punctuation_is_ignored(client: httpx.AsyncClient) -> None:
    ports = found(await search(client, q="порт"))
    assert found(await search(client, q="порт*")) == ports
    assert found(await search(client, q="(порт")) == ports
    assert found(await search(client, q="порт OR актау")) == set()  # "or" is a word no record has


async def test_seeding_indexes_a_database_whose_index_is_empty(
    client: httpx.AsyncClient, session: Session
) -> None:
    documents = session.scalar(select(func.count()).select_from(SearchDocument))
    session.execute(delete(SearchDocument))
    session.flush()
    assert await search(client, q="порт") == []
    version = datastate.current(session).number
    report = seed_all(session, SEED_DIR)
    changes = {key: count for key, count in report.items() if not key.endswith("unchanged")}
    assert changes == {"search_documents inserted": documents}
    session.commit()  # the data version moves as the transaction commits
    assert datastate.current(session).number == version + 1  # search answers changed
    assert {item["id"] for item in (await search(client, q="порт"))[:3]} == PORTS


async def test_index_records_follows_changes_to_records(client: httpx.AsyncClient, session: Session) -> None:
    meetings = "az-kz-ministerial-meetings-2025"
    session.get_one(Event, meetings).title_en = "Landmark meetings"
    datastate.bump(session)  # as every write does: no cached answer of the old data is served
    assert await search(client, q="landmark") == []  # not until the document is updated
    assert index_records(session, SearchRecordType.event, [meetings]) == {"search_documents updated": 1}
    datastate.bump(session)
    assert found(await search(client, q="landmark")) == {("event", meetings)}
    assert index_records(session, SearchRecordType.event, [meetings]) == {"search_documents unchanged": 1}
    session.execute(delete(Event).where(Event.id == meetings))
    assert index_records(session, SearchRecordType.event, [meetings]) == {"search_documents deleted": 1}
    datastate.bump(session)
    assert await search(client, q="landmark") == []


@pytest.mark.parametrize("lang", ["en", "ru"])
async def test_a_page_is_its_schema(client: httpx.AsyncClient, lang: str) -> None:
    # Hits are written straight to JSON, without the schema: check they are what it would make.
    for q in ["порт", "Казахстан Актау", "pipeline", "eu", "2025", "Aliyev"]:
        response = await client.get("/v1/search", params={"q": q, "lang": lang, "limit": 3})
        body = response.json()
        assert body["items"], q
        schema = SearchPage.model_validate(body).model_dump(mode="json")
        assert schema == body and orjson.dumps(schema) == response.content, q


async def test_optimizing_the_index_changes_no_answer(client: httpx.AsyncClient, session: Session) -> None:
    queries = ["порт", "Казахстан", "pipeline", "eu", "тюрк"]
    before = [await search(client, q=q) for q in queries]
    optimize_index(session)
    datastate.bump(session)
    assert [await search(client, q=q) for q in queries] == before


@pytest.fixture
def cli_database(empty_database: Database, monkeypatch: pytest.MonkeyPatch) -> Iterator[Database]:
    monkeypatch.setenv("DATABASE_URL", empty_database.url)
    monkeypatch.setattr(uvicorn, "run", lambda *_args, **_options: None)
    get_settings.cache_clear()
    yield empty_database
    get_settings.cache_clear()


def count_documents(database: Database) -> int:
    engine = make_engine(database.url)
    try:
        with engine.connect() as connection:
            return int(connection.scalar(select(func.count()).select_from(SearchDocument)) or 0)
    finally:
        engine.dispose()


def test_serve_indexes_data_seeded_before_the_search_migration(cli_database: Database) -> None:
    runner, config = CliRunner(), alembic_config(cli_database.url)
    command.upgrade(config, "head")
    assert runner.invoke(cli.app, ["seed"]).exit_code == 0
    indexed = count_documents(cli_database)
    command.downgrade(config, "0002")  # as a database seeded before search existed: data, no index
    served = runner.invoke(cli.app, ["serve"])  # migrates, then indexes what is there
    assert served.exit_code == 0, served.output
    assert f"search_documents inserted: {indexed}" in served.output
    assert count_documents(cli_database) == indexed > 249
    again = runner.invoke(cli.app, ["reindex"])
    assert (again.exit_code, again.output) == (0, f"search_documents unchanged: {indexed}\n")


def test_the_openapi_document_describes_search() -> None:
    operation = SPEC["paths"]["/v1/search"]["get"]
    assert (operation["operationId"], operation["tags"]) == ("search", ["search"])
    ok = operation["responses"]["200"]["content"]["application/json"]["schema"]
    assert ok == {"$ref": "#/components/schemas/SearchPage"}
    for status in ("400", "422"):
        content = resolve(SPEC, operation["responses"][status])["content"]
        assert content == {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
    declared = parameters(SPEC, "/v1/search")
    assert set(declared) == {"q", "type", "lang", "limit", "cursor"}
    assert declared["q"]["required"] is True
    assert all(parameter.get("description") for parameter in declared.values())
    schemas = SPEC["components"]["schemas"]
    for name in ("SearchPage", "SearchHit"):
        assert schemas[name].get("description"), name
        for field, schema in schemas[name]["properties"].items():
            assert schema.get("description"), f"{name}.{field}"
    assert set(schemas["SearchHit"]["required"]) == {
        "resource",
        "type",
        "id",
        "title",
        "snippet",
        "rank",
        "url",
    }
