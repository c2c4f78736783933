"""What the benchmark asks: named query cells and a random mix, each API URL with a Datasette twin
that asks for the same rows (same filters, same sort, same page size).

Datasette URLs are built in its default form (it counts every matching row); `tuned` adds
`_nocount=1` to table pages, which is how its users turn the count off.
"""

import random
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlencode

YEARS = list(range(1995, 2025))
INDICATORS = ["exports", "imports", "trade_turnover"]
# An ordinary word: "State visit", "Official visit" and "Working visit" are 3 of the 8 event kinds.
COMMON_WORD = "visit"
DOSSIER_LATEST_EVENTS = 10  # app/relations/schemas.py LATEST_EVENTS, read at run time when present


@dataclass(frozen=True)
class Twin:
    kind: str
    api: str
    ds: str  # Datasette's default form (counting)


def tuned(ds_url: str) -> str:
    """Datasette as its users run it: a table page without the count of every matching row."""
    path = ds_url.split("?", 1)[0]
    is_table_page = path.count("/") == 2 and path.endswith(".json")
    if not is_table_page:
        return ds_url  # a row page or a ?sql= query counts nothing
    return ds_url + ("&" if "?" in ds_url else "?") + "_nocount=1"


def tilde(value: str) -> str:
    """A primary key as Datasette writes it in a row URL (tilde-encoding: ~ and the hex byte)."""
    safe = set(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")
    return "".join(chr(b) if b in safe else f"~{b:02X}" for b in value.encode())


def where_in(link: str, record: str, column: str, value: str) -> str:
    return quote(f"id in (select {record} from {link} where {column} = '{value}')")


# --- what the database holds, read once ---


@dataclass
class Data:
    pairs: list[tuple[str, str]]  # the pairs with most trade figures, reporter first
    event_countries: list[str]
    trade_countries: list[str]
    deep_ids: list[str]  # trade figure ids around 90 % of the id order
    ids: dict[str, list[str]]  # table -> a random sample of ids
    events: int
    seed_rows: dict[str, list[tuple]]  # small seed tables: (id, country, kind/status, ...)


def read_data(db: Path, events: int) -> Data:
    conn = sqlite3.connect(db)
    rows = lambda sql, *p: conn.execute(sql, p).fetchall()  # noqa: E731
    pairs = rows(
        "SELECT reporter_id, partner_id FROM trade_figures WHERE reporter_id <> 'AZ' "
        "GROUP BY 1, 2 ORDER BY count(*) DESC, 1, 2 LIMIT 400"
    )
    total = rows("SELECT count(*) FROM trade_figures")[0][0]
    ids = {
        table: [r[0] for r in rows(f"SELECT id FROM {table} ORDER BY random() LIMIT 300")]
        for table in ("trade_figures", "events", "countries", "projects", "places", "organizations")
    }
    ids["revisions"] = [r[0] for r in rows("SELECT id FROM revisions ORDER BY random() LIMIT 300")]
    data = Data(
        pairs=[tuple(p) for p in pairs],
        event_countries=[c for (c,) in rows("SELECT country_id FROM event_countries GROUP BY 1 ORDER BY 1")],
        trade_countries=[c for (c,) in rows("SELECT reporter_id FROM trade_figures GROUP BY 1 ORDER BY 1")],
        deep_ids=[
            r[0]
            for r in rows("SELECT id FROM trade_figures ORDER BY id LIMIT 200 OFFSET ?", int(total * 0.9))
        ],
        ids=ids,
        events=events,
        seed_rows={
            "agreements": rows("SELECT id, status FROM agreements"),
            "agreement_countries": rows("SELECT DISTINCT country_id FROM agreement_countries"),
            "projects": rows("SELECT id, kind, status FROM projects"),
            "project_countries": rows("SELECT DISTINCT country_id FROM project_countries"),
            "people": rows("SELECT id, country_id FROM people"),
            "places": rows("SELECT id, kind, country_id FROM places"),
            "sources": rows("SELECT id, language, kind FROM sources"),
        },
    )
    conn.close()
    return data


def codename(n: int) -> str:
    from bench.data import codename as name

    return name(n)


# --- the named cells: one kind of question each, ~200 URLs ---

SORTS = {"period": "period_start", "value": "value", "id": "id", "date": "date_start"}


def sort_twin(api_sort: str, columns: dict[str, str]) -> str:
    """`sort=-period` as Datasette's `_sort_desc=period_start`."""
    name = api_sort.removeprefix("-")
    return ("_sort_desc=" if api_sort.startswith("-") else "_sort=") + columns[name]


def trade_by_pair(a: str, b: str, sort: str = "period", size: int = 50) -> Twin:
    return Twin(
        "trade-figures by pair",
        f"/v1/trade-figures?reporter={a}&partner={b}&sort={sort}&limit={size}",
        f"/bench/trade_figures.json?reporter_id={a}&partner_id={b}&{sort_twin(sort, SORTS)}&_size={size}",
    )


def trade_by_indicator(indicator: str, year: int, span: int, sort: str = "period", size: int = 50) -> Twin:
    # A period lies within one calendar year, so for whole years "overlaps" is "starts within".
    return Twin(
        "trade-figures by indicator+years",
        f"/v1/trade-figures?indicator={indicator}&period_from={year}&period_to={year + span - 1}"
        f"&sort={sort}&limit={size}",
        f"/bench/trade_figures.json?indicator={indicator}&period_start__gte={year}-01-01"
        f"&period_start__lte={year + span - 1}-12-31&{sort_twin(sort, SORTS)}&_size={size}",
    )


def events_by_country(country: str, year: int, span: int, sort: str = "date", size: int = 50) -> Twin:
    # date_from/date_to select the events whose dates overlap the window.
    return Twin(
        "events by country+dates",
        f"/v1/events?country={country}&date_from={year}&date_to={year + span - 1}&sort={sort}&limit={size}",
        f"/bench/events.json?_where={where_in('event_countries', 'event_id', 'country_id', country)}"
        f"&date_end__gte={year}-01-01&date_start__lte={year + span - 1}-12-31"
        f"&{sort_twin(sort, SORTS)}&_size={size}",
    )


def search(word: str, size: int = 20) -> Twin:
    return Twin(
        "search",
        f"/v1/search?q={word}&type=event&limit={size}",
        f"/bench/events.json?_search={word}&_size={size}",
    )


def by_id(table: str, path: str, record_id: str) -> Twin:
    return Twin(f"{path} by id", f"/v1/{path}/{quote(record_id)}", f"/bench/{table}/{tilde(record_id)}.json")


def dossier(a: str, b: str) -> Twin:
    first, second = sorted((a, b))
    query = urlencode({"sql": dossier_sql(), "a": first, "b": second, "_shape": "array"})
    return Twin("pair dossier", f"/v1/relations/{a}/{b}", f"/bench.json?{query}")


def named_cells(data: Data, seed: int, size: int = 50) -> dict[str, list[Twin]]:
    """name -> twins: element 0 is the warm URL, all of them the cold cycle."""
    from app.common.pagination import encode_cursor

    rng = random.Random(seed + 2)
    cells: dict[str, list[Twin]] = {}
    add = lambda name, twin: cells.setdefault(name, []).append(twin)  # noqa: E731
    for i in range(200):
        a, b = data.pairs[i % len(data.pairs)]
        add("trade by pair, by year", trade_by_pair(a, b, size=size))
        add(
            "trade by indicator+years",
            trade_by_indicator(INDICATORS[i % 3], YEARS[0] + (i * 7) % 26, 5, size=size),
        )
        country = data.event_countries[(i * 37) % len(data.event_countries)]
        add("events by country+dates", events_by_country(country, YEARS[0] + (i * 11) % 26, 5, size=size))
        add(
            "first page",
            Twin(
                "first page",
                f"/v1/trade-figures?sort=id&limit={size}",
                f"/bench/trade_figures.json?_size={size}",
            ),
        )
        deep = data.deep_ids[i % len(data.deep_ids)]
        cursor = encode_cursor("trade_figures", "id", [deep])
        add(
            "deep page (~90%)",
            Twin(
                "deep page",
                f"/v1/trade-figures?sort=id&limit={size}&cursor={quote(cursor)}",
                f"/bench/trade_figures.json?_size={size}&_next={quote(deep)}",
            ),
        )
        add("search, rare word (~25 hits at 200k)", search(codename(rng.randrange(min(8000, data.events)))))
        add("one record by id", by_id("trade_figures", "trade-figures", data.ids["trade_figures"][i % 300]))
        add("pair dossier", dossier(a, b))
    # One word: its cold cycle is its one URL, computed every time by an API with its cache off.
    cells[f"search, common word ({COMMON_WORD}, 3/8 of events)"] = [search(COMMON_WORD)]
    return cells


# --- the random mix ---


def random_mix(data: Data, seed: int, target: int = 2000) -> list[Twin]:
    """At least `target` distinct URLs across every list kind of the API (pages that need a cursor
    are added later, by `with_cursor_pages`, from live answers)."""
    rng = random.Random(seed + 3)
    twins: dict[str, Twin] = {}
    add = lambda twin: twins.setdefault(twin.api, twin)  # noqa: E731
    sizes = [10, 20, 25, 50, 100]
    years = lambda: rng.choice(YEARS[:-3])  # noqa: E731
    makers: list[tuple[int, Callable[[], Twin]]] = [
        (
            300,
            lambda: trade_by_pair(
                *rng.choice(data.pairs),
                rng.choice(["period", "-period", "value", "-value"]),
                rng.choice(sizes),
            ),
        ),
        (
            150,
            lambda: trade_by_indicator(
                rng.choice(INDICATORS),
                years(),
                rng.randint(1, 5),
                rng.choice(["period", "-period", "-value"]),
                rng.choice(sizes),
            ),
        ),
        (150, lambda: trade_by_country(rng, data)),
        (100, lambda: trade_by_value(rng)),
        (
            200,
            lambda: events_by_country(
                rng.choice(data.event_countries),
                years(),
                rng.randint(1, 5),
                rng.choice(["date", "-date"]),
                rng.choice(sizes),
            ),
        ),
        (150, lambda: events_by_type(rng)),
        (100, lambda: events_by_host(rng, data)),
        (40, lambda: agreements(rng, data)),
        (40, lambda: projects(rng, data)),
        (100, lambda: countries(rng)),
        (30, lambda: people(rng, data)),
        (30, lambda: organizations(rng)),
        (30, lambda: places(rng, data)),
        (30, lambda: sources(rng, data)),
        (120, lambda: search(codename(rng.randrange(min(8000, data.events))), rng.choice([10, 20, 50]))),
        (40, lambda: search(rng.choice(TOPIC_WORDS), rng.choice([5, 10, 20, 50]))),
        (10, lambda: search(COMMON_WORD, rng.choice([5, 10, 20, 25, 50]))),
        (80, lambda: by_id("trade_figures", "trade-figures", rng.choice(data.ids["trade_figures"]))),
        (80, lambda: by_id("events", "events", rng.choice(data.ids["events"]))),
        (30, lambda: by_id("countries", "countries", rng.choice(data.ids["countries"]))),
        (6, lambda: by_id("projects", "infrastructure-projects", rng.choice(data.ids["projects"]))),
        (10, lambda: by_id("places", "places", rng.choice(data.ids["places"]))),
        (6, lambda: by_id("organizations", "organizations", rng.choice(data.ids["organizations"]))),
        (100, lambda: series(rng, data)),
        (60, lambda: changes(rng, data)),
        (30, lambda: revisions(rng, data)),
        (10, lambda: relations(rng, data)),
        (100, lambda: dossier(*rng.choice(data.pairs))),
    ]
    for wanted, make in makers:
        added = 0
        for _ in range(wanted * 20):  # the small seed tables run out of distinct URLs
            twin = make()
            if twin.api not in twins:
                add(twin)
                added += 1
                if added == wanted:
                    break
    while len(twins) < target:
        add(makers[0][1]())
    return list(twins.values())


TOPIC_WORDS = [
    "energy",
    "transit",
    "pipeline",
    "railway",
    "port",
    "customs",
    "tariff",
    "bank",
    "wheat",
    "gas",
]


def trade_by_country(rng: random.Random, data: Data) -> Twin:
    c = rng.choice(data.trade_countries)
    kind = rng.choice(["year", "quarter"])
    sort = rng.choice(["-value", "period", "-period", "id"])
    size = rng.choice([10, 20, 50])
    where = quote(f"(reporter_id = '{c}' or partner_id = '{c}')")
    return Twin(
        "trade-figures by country",
        f"/v1/trade-figures?country={c}&period_kind={kind}&sort={sort}&limit={size}",
        f"/bench/trade_figures.json?_where={where}&period_kind={kind}&{sort_twin(sort, SORTS)}&_size={size}",
    )


def trade_by_value(rng: random.Random) -> Twin:
    low = rng.randrange(10_000, 4_000_000_000, 10_000)
    high = low + rng.choice([1_000_000, 10_000_000, 100_000_000])
    indicator = rng.choice(INDICATORS)
    sort = rng.choice(["value", "-value", "id"])
    return Twin(
        "trade-figures by value",
        f"/v1/trade-figures?value_min={low}&value_max={high}&indicator={indicator}&status=reported"
        f"&sort={sort}&limit=20",
        f"/bench/trade_figures.json?value__gte={low}&value__lte={high}&indicator={indicator}"
        f"&status=reported&{sort_twin(sort, SORTS)}&_size=20",
    )


EVENT_TYPES = ["state_visit", "official_visit", "working_visit", "summit", "ministerial_meeting", "forum"]
EVENT_SORTS = {"date": "date_start", "title": "title_en", "id": "id"}


def events_by_type(rng: random.Random) -> Twin:
    kind = rng.choice(EVENT_TYPES)
    year = rng.choice(YEARS)
    sort = rng.choice(["date", "-date", "-id"])
    size = rng.choice([10, 20, 50])
    return Twin(
        "events by type+year",
        f"/v1/events?type={kind}&date_from={year}&date_to={year}&sort={sort}&limit={size}",
        f"/bench/events.json?type={kind}&date_end__gte={year}-01-01&date_start__lte={year}-12-31"
        f"&{sort_twin(sort, EVENT_SORTS)}&_size={size}",
    )


def events_by_host(rng: random.Random, data: Data) -> Twin:
    c = rng.choice(data.event_countries)
    sort = rng.choice(["date", "-date", "title"])
    size = rng.choice([10, 20, 50])
    return Twin(
        "events by host",
        f"/v1/events?host_country={c}&sort={sort}&limit={size}",
        f"/bench/events.json?host_country_id={c}&{sort_twin(sort, EVENT_SORTS)}&_size={size}",
    )


def _seed_list(
    rng: random.Random,
    kind: str,
    api_path: str,
    table: str,
    sorts: dict[str, str],
    filters: list[tuple[str, str]],
) -> Twin:
    """A page of a small (seed) table: a sort, a page size, and perhaps one filter."""
    sort = rng.choice([*sorts, *(f"-{s}" for s in sorts)])
    size = rng.randint(1, 60)
    api, ds = [f"sort={sort}", f"limit={size}"], [sort_twin(sort, sorts), f"_size={size}"]
    if filters and rng.random() < 0.6:
        api_filter, ds_filter = rng.choice(filters)
        api.append(api_filter)
        ds.append(ds_filter)
    return Twin(kind, f"/v1/{api_path}?{'&'.join(api)}", f"/bench/{table}.json?{'&'.join(ds)}")


def agreements(rng: random.Random, data: Data) -> Twin:
    filters = [(f"status={s}", f"status={s}") for (_, s) in data.seed_rows["agreements"]]
    filters += [
        (f"country={c}", f"_where={where_in('agreement_countries', 'agreement_id', 'country_id', c)}")
        for (c,) in data.seed_rows["agreement_countries"]
    ]
    return _seed_list(
        rng,
        "agreements",
        "agreements",
        "agreements",
        {"date": "date_start", "title": "title_en", "id": "id"},
        filters,
    )


def projects(rng: random.Random, data: Data) -> Twin:
    rows = data.seed_rows["projects"]
    filters = [(f"kind={k}", f"kind={k}") for (_, k, _) in rows] + [
        (f"status={s}", f"status={s}") for (*_, s) in rows
    ]
    filters += [
        (f"country={c}", f"_where={where_in('project_countries', 'project_id', 'country_id', c)}")
        for (c,) in data.seed_rows["project_countries"]
    ]
    return _seed_list(
        rng,
        "infrastructure-projects",
        "infrastructure-projects",
        "projects",
        {"name": "name_en", "id": "id"},
        filters,
    )


COUNTRY_WORDS = ["an", "ia", "republic", "island", "gu", "stan", "united", "ma", "or", "ka"]


def countries(rng: random.Random) -> Twin:
    filters = [(f"q={w}", f"search_text__contains={w}") for w in COUNTRY_WORDS]
    return _seed_list(rng, "countries", "countries", "countries", {"name": "name_en", "id": "id"}, filters)


def people(rng: random.Random, data: Data) -> Twin:
    filters = [(f"country={c}", f"country_id={c}") for (_, c) in data.seed_rows["people"] if c]
    return _seed_list(rng, "people", "people", "people", {"name": "name_en", "id": "id"}, filters)


def organizations(rng: random.Random) -> Twin:
    filters = [(f"q={w}", f"search_text__contains={w}") for w in ("organization", "co", "st")]
    return _seed_list(
        rng, "organizations", "organizations", "organizations", {"name": "name_en", "id": "id"}, filters
    )


def places(rng: random.Random, data: Data) -> Twin:
    rows = data.seed_rows["places"]
    filters = [(f"kind={k}", f"kind={k}") for (_, k, _) in rows]
    filters += [(f"country={c}", f"country_id={c}") for (*_, c) in rows if c]
    return _seed_list(rng, "places", "places", "places", {"name": "name_en", "id": "id"}, filters)


def sources(rng: random.Random, data: Data) -> Twin:
    rows = data.seed_rows["sources"]
    filters = [(f"language={lang}", f"language={lang}") for (_, lang, _) in rows]
    filters += [(f"kind={k}", f"kind={k}") for (*_, k) in rows]
    return _seed_list(rng, "sources", "sources", "sources", {"title": "title", "id": "id"}, filters)


def series(rng: random.Random, data: Data) -> Twin:
    a, b = rng.choice(data.pairs)
    indicator = rng.choice(INDICATORS)
    kind = rng.choice(["year", "quarter"])
    order = "_sort=period_start"  # the API's order is (period_start, period_end, status, id): one status here
    return Twin(
        "trade-figures series",
        f"/v1/trade-figures/series?reporter={a}&partner={b}&indicator={indicator}&period_kind={kind}",
        f"/bench/trade_figures.json?reporter_id={a}&partner_id={b}&indicator={indicator}&commodity=TOTAL"
        f"&period_kind={kind}&{order}&_size=max",
    )


def changes(rng: random.Random, data: Data) -> Twin:
    since = rng.choice(data.ids["revisions"]) if data.ids["revisions"] else 0
    size = rng.choice([10, 50, 100])
    api, ds = f"/v1/changes?since={since}&limit={size}", f"/bench/revisions.json?id__gt={since}"
    if rng.random() < 0.5:
        kind = rng.choice(["trade_figure", "event", "infrastructure_project"])
        api, ds = f"{api}&record_type={kind}", f"{ds}&record_type={kind}"
    return Twin("changes", api, f"{ds}&_sort=id&_size={size}")


def revisions(rng: random.Random, data: Data) -> Twin:
    figure = rng.choice(data.ids["trade_figures"])
    return Twin(
        "trade-figures revisions",
        f"/v1/trade-figures/{quote(figure)}/revisions",
        f"/bench/revisions.json?record_type=trade_figure&record_id={quote(figure)}&_sort=id&_size=50",
    )


def relations(rng: random.Random, data: Data) -> Twin:
    """`/v1/relations`: the pairs of a country with their counts (app/relations/repository.py
    `pair_counts`), as one query."""
    country = rng.choice(data.event_countries)
    sort = rng.choice(["records", "-records", "id", "-id"])
    size = rng.choice([5, 10, 20, 50])
    query = urlencode({"sql": relations_sql(sort), "c": country, "n": size, "_shape": "array"})
    return Twin(
        "relations", f"/v1/relations?country={country}&sort={sort}&limit={size}", f"/bench.json?{query}"
    )


def relations_sql(sort: str) -> str:
    """The API's statement: the counting starts from :c's own rows (its link rows; its figures as
    reporter and as partner), so both sides count only the country's records."""

    def linked(link: str, key: str, kind: str) -> str:
        counts = ", ".join("count(*)" if k == kind else "0" for k in PAIR_KINDS)
        return (
            f"select {low('x.country_id', 'y.country_id')}, {high('x.country_id', 'y.country_id')}, "
            f"{counts} from {link} x join {link} y on y.{key} = x.{key} and y.country_id <> x.country_id "
            "where x.country_id = :c group by 1, 2"
        )

    def traded(own: str, other: str) -> str:
        return (
            f"select {low(own, other)}, {high(own, other)}, 0, 0, count(*), 0 from trade_figures "
            f"where {own} = :c group by 1, 2"
        )

    keys = ["records", "a", "b"] if sort.removeprefix("-") == "records" else ["a", "b"]
    order = ", ".join(f"{key} {'desc' if sort.startswith('-') else 'asc'}" for key in keys)
    return f"""with parts({", ".join(["a", "b", *PAIR_KINDS])}) as (
  {linked("event_countries", "event_id", "events")}
  union all {linked("agreement_countries", "agreement_id", "agreements")}
  union all {traded("reporter_id", "partner_id")}
  union all {traded("partner_id", "reporter_id")}
  union all {linked("project_countries", "project_id", "infrastructure_projects")}),
pairs as (select a, b, {", ".join(f"sum({k}) as {k}" for k in PAIR_KINDS)},
  sum({" + ".join(PAIR_KINDS)}) as records from parts group by a, b)
select p.*, ca.name_en as a_name, cb.name_en as b_name from pairs p
join countries ca on ca.id = p.a join countries cb on cb.id = p.b
order by {order} limit :n"""


def low(x: str, y: str) -> str:
    return f"case when {x} < {y} then {x} else {y} end"


def high(x: str, y: str) -> str:
    return f"case when {x} < {y} then {y} else {x} end"


PAIR_KINDS = ["events", "agreements", "trade_figures", "infrastructure_projects"]


def cursor_seeds(data: Data, seed: int) -> list[Twin]:
    """First pages whose next pages (2 and 3, followed through the live answers) join the mix."""
    rng = random.Random(seed + 4)
    seeds = [trade_by_pair(*rng.choice(data.pairs), "period", 10) for _ in range(25)]
    seeds += [
        events_by_country(rng.choice(data.event_countries), rng.choice(YEARS[:-10]), 10, "date", 10)
        for _ in range(25)
    ]
    seeds += [
        trade_by_indicator(rng.choice(INDICATORS), rng.choice(YEARS[:-5]), 3, "period", 20) for _ in range(15)
    ]
    seeds += [
        Twin(
            "countries",
            f"/v1/countries?sort=name&limit={n}",
            f"/bench/countries.json?_sort=name_en&_size={n}",
        )
        for n in (7, 11, 13, 17, 19, 23)
    ]
    seeds += [search(COMMON_WORD, n) for n in (7, 11, 13)]
    return seeds


# --- the dossier as Datasette runs it: the API's statements (app/relations/repository.py), one bundle ---


def dossier_sql() -> str:
    """Every statement the API's dossier runs for the pair :a < :b, in one read-only query: the two
    countries with the counts, the pair's event ids (newest first), the latest events with location
    and host, agreements (with event), projects, the references and citations of the listed records,
    the projects' figures, every figure of the pair with its citations (point order), the cited
    sources. Rows are (part, JSON array of the row's columns)."""
    try:
        from app.relations.schemas import LATEST_EVENTS as latest
    except ImportError:
        latest = DOSSIER_LATEST_EVENTS

    def pair(link: str, key: str) -> str:
        one = f"select {key} from {link} where country_id = "
        return f"{one}:a intersect {one}:b"

    figures_of_pair = (
        "(t.reporter_id = :a and t.partner_id = :b) or (t.reporter_id = :b and t.partner_id = :a)"
    )
    status_rank = (
        "case t.status when 'reported' then 0 when 'preliminary' then 1 when 'estimate' then 2 else 3 end"
    )
    citation = "source_id, quote, paragraph, char_start, char_end, line"
    return f"""with
pair_events as ({pair("event_countries", "event_id")}),
pair_agreements as ({pair("agreement_countries", "agreement_id")}),
pair_projects as ({pair("project_countries", "project_id")}),
latest as (select id from events where id in pair_events order by date_start desc, id desc limit {latest})
select 'country' as part, json_array(id, name_en,
  (select count(*) from pair_agreements),
  (select count(*) from trade_figures t where {figures_of_pair}),
  (select count(*) from pair_projects)) as row
from (select id, name_en from countries where id in (:a, :b) order by id)
union all select 'event_ids', json_group_array(id)
from (select id from events where id in pair_events order by date_start desc, id desc)
union all select 'event', row from (select json_array(e.id, e.type, e.title_en, e.summary_en, e.date_start,
  e.date_end, e.date_precision, l.id, l.name_en, h.id, h.name_en) as row
  from events e left join places l on l.id = e.location_id left join countries h on h.id = e.host_country_id
  where e.id in latest order by e.date_start desc, e.id desc)
union all select 'agreement', row from (select json_array(a.id, a.title_en, a.summary_en, a.status,
  a.document_count, a.date_start, a.date_end, a.date_precision, e.id, e.title_en) as row
  from agreements a left join events e on e.id = a.event_id
  where a.id in pair_agreements order by a.date_start desc, a.id desc)
union all select 'project', row from (select json_array(id, name_en, kind, status, summary_en) as row
  from projects where id in pair_projects order by name_en, id)
union all select 'ref', json_array(relation, owner, id, name) from (
  select 'event.countries' as relation, x.event_id as owner, c.id as id, c.name_en as name
    from event_countries x join countries c on c.id = x.country_id where x.event_id in latest
  union all select 'event.people', x.event_id, p.id, p.name_en
    from event_people x join people p on p.id = x.person_id where x.event_id in latest
  union all select 'event.organizations', x.event_id, o.id, o.name_en
    from event_organizations x join organizations o on o.id = x.organization_id where x.event_id in latest
  union all select 'event.agreements', a.event_id, a.id, a.title_en
    from agreements a where a.event_id in latest
  union all select 'agreement.countries', x.agreement_id, c.id, c.name_en
    from agreement_countries x join countries c on c.id = x.country_id where x.agreement_id in pair_agreements
  union all select 'agreement.sectors', s.agreement_id, s.sector, null
    from agreement_sectors s where s.agreement_id in pair_agreements
  union all select 'project.countries', x.project_id, c.id, c.name_en
    from project_countries x join countries c on c.id = x.country_id where x.project_id in pair_projects
  union all select 'project.places', x.project_id, p.id, p.name_en
    from project_places x join places p on p.id = x.place_id where x.project_id in pair_projects
  order by 1, 2, 3)
union all select 'citation', json_array(kind, owner, {citation}) from (
  select 'event' as kind, event_id as owner, {citation}, id from citations where event_id in latest
  union all select 'agreement', agreement_id, {citation}, id
    from citations where agreement_id in pair_agreements
  union all select 'project', project_id, {citation}, id from citations where project_id in pair_projects
  order by 1, 2, 6, 9)
union all select 'project_figure', row from (select json_array(x.project_id, t.id, t.indicator, t.commodity,
  t.period_start, t.period_end, t.value, t.value_upper, t.unit, t.bound, t.status) as row
  from project_trade_figures x join trade_figures t on t.id = x.trade_figure_id
  where x.project_id in pair_projects order by x.project_id, t.id)
union all select 'figure', row from (select json_array(t.id, t.reporter_id, t.partner_id, t.indicator,
  t.commodity, t.unit, t.period_kind, t.period_start, t.period_end, t.value, t.value_upper, t.bound, t.status,
  t.compared_period_start, t.compared_period_end, t.note_en, c.id, c.source_id, c.quote, c.paragraph,
  c.char_start, c.char_end, c.line) as row
  from trade_figures t left join citations c on c.trade_figure_id = t.id
  where {figures_of_pair}
  order by t.period_start, t.period_end, {status_rank}, t.id, c.char_start, c.id)
union all select 'source', row from (select json_array(id, title) as row from sources where id in (
    select source_id from citations where event_id in pair_events
    union select source_id from citations where agreement_id in pair_agreements
    union select source_id from citations where trade_figure_id in (
      select t.id from trade_figures t where {figures_of_pair})
    union select source_id from citations where project_id in pair_projects)
  order by title, id)"""
