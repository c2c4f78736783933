"""Every country code and name, everywhere a country is taken: answered with the alpha-2 id."""

import httpx
import pytest

from app.common.countries import resolve_country
from app.trade.schemas import TradeFigureCreate
from tests.openapi_document import parameters

pytestmark = pytest.mark.anyio

# Kazakhstan, as the datasets people bring name it.
KAZAKHSTAN = [
    "KZ",
    "kz",
    "KAZ",
    "kaz",
    "398",
    "Kazakhstan",
    "KAZAKHSTAN",
    "Republic of Kazakhstan",
    "Казахстан",
]
# Lists that filter by `country`, and the seed's records that involve Kazakhstan are in each.
COUNTRY_LISTS = [
    "/v1/events",
    "/v1/agreements",
    "/v1/trade-figures",
    "/v1/infrastructure-projects",
    "/v1/people",
    "/v1/places",
    "/v1/conflicts",
]


@pytest.mark.parametrize(
    ("given", "alpha2"),
    [
        ("AZE", "AZ"),
        ("31", "AZ"),
        ("031", "AZ"),
        ("Azerbaijan", "AZ"),
        ("Republic of Azerbaijan", "AZ"),
        ("азербайджан", "AZ"),
        ("  Kazakhstan ", "KZ"),
        ("Российская Федерация", "RU"),
        ("кот-д'ивуар", "CI"),
        ("Türkiye", "TR"),
        ("United States", "US"),
        ("Соединенные Штаты", "US"),  # ё written as е
        ("840", "US"),
        ("zz", "ZZ"),  # two letters are taken as alpha-2; whether one exists is the database's to say
        ("ZZZ", None),
        ("0", None),
        ("Atlantis", None),
    ],
)
def test_resolve_country(given: str, alpha2: str | None) -> None:
    assert resolve_country(given) == alpha2


@pytest.mark.parametrize("path", COUNTRY_LISTS)
async def test_every_list_takes_any_code_or_name(client: httpx.AsyncClient, path: str) -> None:
    expected = (await client.get(path, params={"country": "KZ", "limit": 500})).json()["items"]
    for given in KAZAKHSTAN:
        response = await client.get(path, params={"country": given, "limit": 500})
        assert response.status_code == 200, (given, response.text)
        assert response.json()["items"] == expected, given


async def test_host_reporter_and_partner_take_any_code(client: httpx.AsyncClient) -> None:
    events = (await client.get("/v1/events", params={"host_country": "KZ"})).json()["items"]
    assert events
    assert (await client.get("/v1/events", params={"host_country": "Казахстан"})).json()["items"] == events
    figures = (await client.get("/v1/trade-figures", params={"reporter": "AZ", "partner": "KZ"})).json()
    assert figures["items"]
    for reporter, partner in [("AZE", "KAZ"), ("31", "398"), ("Azerbaijan", "казахстан")]:
        params = {"reporter": reporter, "partner": partner}
        assert (await client.get("/v1/trade-figures", params=params)).json() == figures
        assert {item["reporter"]["id"] for item in figures["items"]} == {"AZ"}


async def test_series_takes_any_code(client: httpx.AsyncClient) -> None:
    wanted = {"reporter": "AZ", "partner": "KZ", "indicator": "trade_turnover"}
    series = await client.get("/v1/trade-figures/series", params=wanted)
    assert series.status_code == 200
    assert series.json()["points"]
    named = await client.get(
        "/v1/trade-figures/series", params=wanted | {"reporter": "AZE", "partner": "398"}
    )
    assert named.json() == series.json()


@pytest.mark.parametrize("given", ["KAZ", "398", "Kazakhstan", "казахстан", "kz"])
async def test_country_by_any_code(client: httpx.AsyncClient, given: str) -> None:
    response = await client.get(f"/v1/countries/{given}")
    assert response.status_code == 200
    country = response.json()
    assert (country["id"], country["alpha3"], country["numeric"]) == ("KZ", "KAZ", "398")


async def test_relation_by_any_code(client: httpx.AsyncClient) -> None:
    dossier = (await client.get("/v1/relations/AZ/KZ")).json()
    for a, b in [("AZE", "KAZ"), ("31", "398"), ("kaz", "aze"), ("Azerbaijan", "Казахстан")]:
        response = await client.get(f"/v1/relations/{a}/{b}")
        assert response.status_code == 200, (a, b)
        assert response.json() == dossier
    assert dossier["id"] == "AZ/KZ"
    pairs = (await client.get("/v1/relations", params={"country": ["AZE", "398"]})).json()["items"]
    assert [pair["id"] for pair in pairs] == ["AZ/KZ"]


async def test_unknown_codes_are_named(client: httpx.AsyncClient) -> None:
    for params in ({"country": "ZZZ"}, {"country": "Atlantis"}, {"reporter": "999"}):
        response = await client.get("/v1/trade-figures", params=params)
        assert response.status_code == 422
        assert next(iter(params.values())) in response.json()["detail"]
    unknown_alpha2 = await client.get("/v1/events", params={"country": "QQ"})
    assert unknown_alpha2.status_code == 422
    assert "QQ" in unknown_alpha2.json()["detail"]
    missing = await client.get("/v1/countries/ZZZ")
    assert missing.status_code == 404
    assert "ZZZ" in missing.json()["detail"]
    relation = await client.get("/v1/relations/AZE/Atlantis")
    assert relation.status_code == 422
    assert "Atlantis" in relation.json()["detail"]


def test_writes_take_any_code_and_store_alpha2() -> None:
    body = {
        "reporter": "AZE",
        "partner": "Казахстан",
        "indicator": "exports",
        "period": "2024",
        "value": 1,
        "unit": "USD",
        "bound": "exact",
        "status": "reported",
        "citations": [{"source_id": "x", "quote": "y"}],
    }
    figure = TradeFigureCreate.model_validate(body)
    assert (figure.reporter, figure.partner) == ("AZ", "KZ")


async def test_openapi_says_what_is_accepted(client: httpx.AsyncClient) -> None:
    spec = (await client.get("/openapi.json")).json()
    declared = parameters(spec, "/v1/events")
    assert "alpha-3" in declared["country"]["description"]
    assert "Казахстан" in declared["country"]["description"]
    assert "{2}" not in declared["country"]["schema"]["items"].get("pattern", "")
