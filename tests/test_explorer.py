"""The explorer's pages through the ASGI app: each page type on the seed, in both languages, the /v1
call each panel names answering what the panel shows, quotes marked at their offsets, the timeline's
honest spans, the trade charts' styles, and errors as HTML for browsers and problem+json otherwise."""

import re
from html import unescape
from html.parser import HTMLParser

import httpx
import pytest
from sqlalchemy.orm import Session

from app.api_keys import create_key
from app.explorer import charts, quotes, reads
from tests.figures import year_figure

pytestmark = pytest.mark.anyio

HTML = {"Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}
PAIR = "/pairs/AZ/KZ"
VISIT = "aliyev-state-visit-kazakhstan-2025-11"  # dated to a month
SUMMIT = "ots-summit-gabala-2025"  # dated to a year
SOURCE = "velizade-2025-az-kz-relations"


async def page(client: httpx.AsyncClient, url: str, status: int = 200, **headers: str) -> str:
    response = await client.get(url, headers=HTML | headers)
    assert response.status_code == status, response.text[:2000]
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    return response.text


def api_calls(html: str) -> list[str]:
    return [unescape(url) for url in re.findall(r'data-api="([^"]+)"', html)]


def attributes(html: str, tag: str, **wanted: str) -> list[dict[str, str]]:
    """The attributes of every `tag` whose attributes include `wanted`."""
    found: list[dict[str, str]] = []

    class Finder(HTMLParser):
        def handle_starttag(self, name: str, attrs: list[tuple[str, str | None]]) -> None:
            values = {key: value or "" for key, value in attrs}
            if name == tag and all(values.get(k.replace("_", "-")) == v for k, v in wanted.items()):
                found.append(values)

    Finder().feed(html)
    return found


async def test_every_panel_names_a_v1_call_that_answers(client: httpx.AsyncClient) -> None:
    pages = [
        "/",
        PAIR,
        f"{PAIR}/conflicts",
        f"/events/{VISIT}",
        "/agreements/az-kz-documents-2025-11",
        "/trade-figures/az-kz-trade-turnover-2025-forecast",
        "/infrastructure-projects/baku-tbilisi-ceyhan-pipeline",
        "/people/ilham-aliyev",
        "/organizations/ots",
        "/places/gabala",
        "/countries/KZ",
        f"/sources/{SOURCE}",
        "/search?q=порт",
        "/review",
    ]
    for url in pages:
        html = await page(client, url)
        calls = api_calls(html)
        assert calls, url
        for call in calls:
            assert call.startswith("/v1/"), call
            response = await client.get(call)
            assert response.status_code == 200, (url, call, response.text)
            assert response.headers["content-type"] == "application/json"


async def test_the_home_page_lists_the_pairs_the_api_lists(client: httpx.AsyncClient) -> None:
    html = await page(client, "/")
    [call] = [c for c in api_calls(html) if c.startswith("/v1/relations")]
    pairs = (await client.get(call)).json()["items"]
    assert {"AZ/KZ", "AZ/UZ"} <= {pair["id"] for pair in pairs}
    for pair in pairs:
        assert f'href="/pairs/{pair["id"]}"' in html
    assert f'href="/sources/{SOURCE}"' in html
    assert 'role="search"' in html and 'action="/search"' in html


async def test_the_pair_page_shows_the_dossier_and_every_event(client: httpx.AsyncClient) -> None:
    html = await page(client, PAIR)
    dossier = (await client.get("/v1/relations/AZ/KZ?lang=en")).json()
    events = (await client.get("/v1/events?country=AZ&country=KZ&limit=500")).json()["items"]
    for event in events:
        assert f'href="/events/{event["id"]}"' in html
    for project in dossier["infrastructure_projects"]:
        assert f'href="/infrastructure-projects/{project["id"]}"' in html
    for series in dossier["trade_series"]:
        for point in series["points"]:
            assert f'data-id="{point["id"]}"' in html
    for source in dossier["sources"]:
        assert f'href="/sources/{source["id"]}"' in html
    assert 'href="/people/kassym-jomart-tokayev"' in html and 'href="/organizations/ots"' in html
    # The pair either way round, and a code in another form, is the same page.
    assert (await page(client, "/pairs/kaz/az")).count('<rect class="bar') == html.count('<rect class="bar')


async def test_a_long_pair_shows_its_latest_events_and_figures_and_links_the_rest(
    client: httpx.AsyncClient, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    for year in range(1990, 1990 + reads.CHART_POINTS + 3):
        session.add(year_figure(f"test-exports-{year}", year, year))
    session.commit()
    monkeypatch.setattr(reads, "TIMELINE_EVENTS", 2)
    html = await page(client, PAIR)
    # The charts draw each series' latest points, and link the series in full.
    drawn = [f"test-exports-{year}" for year in range(1993, 1993 + reads.CHART_POINTS)]
    assert all(f'data-id="{figure}"' in html for figure in drawn)
    assert not any(f'data-id="test-exports-{year}"' in html for year in (1990, 1991, 1992))
    series = "/v1/trade-figures/series?reporter=AZ&amp;partner=KZ&amp;indicator=exports&amp;commodity=TOTAL"
    assert f'<a href="{series}&amp;period_kind=year&amp;unit=USD&amp;lang=en">' in html
    assert f"({reads.CHART_POINTS + 3})" in html
    # The timeline draws the latest events and links the next page of the same list.
    dossier = (await client.get("/v1/relations/AZ/KZ")).json()
    latest = [event["id"] for event in dossier["events"][:2]]
    bars = [
        bar["data-id"] for bar in attributes(html, "rect") if bar.get("class", "").startswith("bar event")
    ]
    assert sorted(bars) == sorted(latest)
    [more] = re.findall(r'class="note more-events">[^<]*<a href="([^"]+)"', html)
    next_page = (await client.get(unescape(more))).json()
    assert next_page["items"][0]["id"] == dossier["events"][2]["id"]


async def test_a_year_precision_event_spans_its_year_and_a_month_its_month(client: httpx.AsyncClient) -> None:
    html = await page(client, PAIR)
    [year] = attributes(html, "rect", data_id=SUMMIT)
    [month] = attributes(html, "rect", data_id=VISIT)
    assert (year["data-precision"], year["data-start"], year["data-end"]) == (
        "year",
        "2025-01-01",
        "2025-12-31",
    )
    assert (month["data-precision"], month["data-start"], month["data-end"]) == (
        "month",
        "2025-11-01",
        "2025-11-30",
    )
    ratio = float(month["width"]) / float(year["width"])
    assert ratio == pytest.approx(30 / 365, rel=0.01)
    # In the list beside it, each is dated as precisely as its source dates it.
    assert '<td class="when" data-precision="year">2025</td>' in html
    assert '<td class="when" data-precision="month">November 2025</td>' in html


async def test_forecasts_partial_periods_and_bounds_are_drawn_apart(client: httpx.AsyncClient) -> None:
    html = await page(client, PAIR)
    [forecast] = attributes(html, "rect", data_id="az-kz-trade-turnover-2025-forecast")
    [reported] = attributes(html, "rect", data_id="az-kz-trade-turnover-2024")
    [partial] = attributes(html, "rect", data_id="az-kz-trade-turnover-2025-01-to-09")
    assert "status-forecast" in forecast["class"] and "provisional" in forecast["class"]
    assert forecast["style"].startswith("fill:url(#hatch-")
    assert "provisional" not in reported["class"] and "style" not in reported
    assert "bound-approximate" in reported["class"]
    assert "partial" in partial["class"] and "partial" not in reported["class"]
    # One unit to an axis: money, tonnes and per cent each have their own chart.
    units = [svg["data-unit"] for svg in attributes(html, "svg", **{"class": "trade-chart"})]
    assert sorted(units) == ["USD", "percent", "tonnes"]
    assert "≈ 533,000,000 US dollars" in html and "≥ 700,000,000 US dollars" in html


async def test_the_conflicts_of_a_pair_have_their_own_page(client: httpx.AsyncClient) -> None:
    # The consistency report reads all the data: the pair page links to it rather than waiting for it.
    assert f'href="{PAIR}/conflicts"' in await page(client, PAIR)
    html = await page(client, f"{PAIR}/conflicts")
    [call] = api_calls(html)
    conflicts = (await client.get(call)).json()["items"]
    assert conflicts
    for conflict in conflicts:
        assert conflict["summary"] in unescape(html)
        for claim in conflict["claims"]:
            assert (
                f'href="/trade-figures/{claim["record_id"]}"' in html
                or claim["record_type"] != "trade_figure"
            )
    await page(client, "/pairs/AZ/AQ/conflicts", 404)


def test_a_chart_of_many_figures_draws_paths_and_keeps_bounds_and_forecasts_apart() -> None:
    series = {
        "reporter": {"id": "AM", "name": "Armenia"},
        "partner": {"id": "GE", "name": "Georgia"},
        "indicator": "exports",
        "commodity": "TOTAL",
        "unit": "USD",
        "period_kind": "quarter",
        "points": [
            {
                "id": f"f-{n}",
                "period_start": f"{1990 + n // 4}-{3 * (n % 4) + 1:02d}-01",
                "period_end": f"{1990 + n // 4}-{3 * (n % 4) + 3:02d}-{30 if n % 4 in (1, 2) else 31}",
                "period_kind": "quarter",
                "value": 1000.0 + n,
                "value_upper": 1500.0 + n if n % 50 == 0 else None,
                "unit": "USD",
                "bound": "at_least" if n % 7 == 0 else "exact",
                "status": "forecast" if n >= 299 else "reported",
            }
            for n in range(300)
        ],
    }
    [chart] = charts.trade_charts([series])
    svg = str(charts.trade_chart(chart, "en", "", 0))
    assert "<a " not in svg and '<rect class="point' not in svg  # too many to link one by one
    assert svg.count('<path class="point c0 status-reported bound-exact"') == 1
    assert 'class="point c0 status-forecast bound-exact provisional" style="fill:url(#hatch-0-0)"' in svg
    assert svg.count('<path class="whisker"') == 1 and svg.count('<path class="bound-mark"') == 1
    # Fewer points: each a link of its own, named by its period, value and status.
    series["points"] = series["points"][-5:]
    [chart] = charts.trade_charts([series])
    svg = str(charts.trade_chart(chart, "en", "", 0))
    assert svg.count("<a ") == 5
    assert 'December 2064: 1,299 US dollars (forecast, Armenia → Georgia, quarter)"' in svg


async def test_pages_follow_the_api_language(client: httpx.AsyncClient) -> None:
    english = await page(client, PAIR)
    assert '<html lang="en">' in english and "Azerbaijan – Kazakhstan" in english
    for russian in (
        await page(client, f"{PAIR}?lang=ru"),
        await page(client, PAIR, **{"Accept-Language": "ru-RU,ru;q=0.9,en;q=0.5"}),
    ):
        assert '<html lang="ru">' in russian
        assert "Азербайджан – Казахстан" in russian
        assert '<td class="when" data-precision="month">ноябрь 2025</td>' in russian
        assert "≈ 533 000 000 долл. США" in russian.replace("\xa0", " ")
        assert "lang=ru" in " ".join(api_calls(russian))
    response = await client.get(f"{PAIR}?lang=ru", headers=HTML)
    assert response.headers["content-language"] == "ru"
    # An explicit language is kept in the links; a negotiated one needs no parameter.
    assert 'href="/events/aliyev-state-visit-kazakhstan-2025-11?lang=ru"' in await page(
        client, f"{PAIR}?lang=ru"
    )


async def test_a_record_page_shows_every_field_its_citations_and_revisions(client: httpx.AsyncClient) -> None:
    html = await page(client, f"/events/{VISIT}")
    record = (await client.get(f"/v1/events/{VISIT}")).json()
    for field in record:
        if field not in ("id", "citations", "contested"):
            assert f"<dt><code>{field}</code></dt>" in html, field
    for citation in record["citations"]:
        anchor = f"/sources/{citation['source_id']}#q-{citation['char_start']}-{citation['char_end']}"
        assert f'href="{anchor}"' in html
        assert unescape(citation["quote"]) in unescape(html)
    assert f"/v1/events/{VISIT}/revisions?limit=500" in api_calls(html)
    assert "November 2025" in html
    # Reference records have no history: no revisions panel.
    assert not [c for c in api_calls(await page(client, "/people/ilham-aliyev")) if "revisions" in c]


def marked_offsets(html: str) -> tuple[str, dict[str, int], list[tuple[int, int]]]:
    """The source text as the page shows it, where each quote's anchor stands in it, and the marked
    stretches, all in characters of the text."""
    body = html.split('<div class="source-text"', 1)[1].split(">", 1)[1].split("</div>", 1)[0]

    class Reader(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.text = ""
            self.anchors: dict[str, int] = {}
            self.marks: list[tuple[int, int]] = []
            self.opened = 0

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            values = dict(attrs)
            if tag == "span" and values.get("class") == "anchor":
                self.anchors[str(values["id"])] = len(self.text)
            if tag == "mark":
                self.opened = len(self.text)

        def handle_endtag(self, tag: str) -> None:
            if tag == "mark":
                self.marks.append((self.opened, len(self.text)))

        def handle_data(self, data: str) -> None:
            self.text += data

    reader = Reader()
    reader.feed(body)
    return reader.text, reader.anchors, reader.marks


async def test_a_source_page_marks_every_quote_at_its_offsets(client: httpx.AsyncClient) -> None:
    html = await page(client, f"/sources/{SOURCE}")
    source = (await client.get(f"/v1/sources/{SOURCE}")).json()
    text, anchors, marks = marked_offsets(html)
    assert text == source["text"]
    covered = set()
    for start, end in marks:
        covered.update(range(start, end))
    for citation in source["citations"]:
        start, end = citation["char_start"], citation["char_end"]
        assert anchors[f"q-{start}-{end}"] == start
        assert text[start:end] == citation["quote"]
        assert set(range(start, end)) <= covered
    # Nothing is marked that no quote covers.
    quoted = {at for c in source["citations"] for at in range(c["char_start"], c["char_end"])}
    assert covered == quoted
    for citation in source["citations"][:5]:
        assert f'/{citation["record_id"]}"' in html


def test_quotes_that_overlap_are_marked_piece_by_piece_and_the_text_is_escaped() -> None:
    text = "A <b>bold</b> & plain sentence. Another one."
    first, second = (0, text.index(".") + 1), (text.index("plain"), len(text))
    citations = [{"char_start": s, "char_end": e} for s, e in (first, second, second)]
    html = str(quotes.marked_text(text, citations))
    assert "<b>" not in html and "&lt;b&gt;bold&lt;/b&gt; &amp; " in html
    # Three pieces: the first quote alone, both quotes (darker), the second alone; one anchor per quote.
    assert [m.group(1) for m in re.finditer(r'<mark class="depth-(\d)"', html)] == ["1", "2", "1"]
    assert html.count('id="q-0-') == 1 and html.count(f'id="q-{second[0]}-{second[1]}"') == 1
    assert unescape(re.sub(r"<[^>]+>", "", html)) == text


async def test_what_the_data_says_is_escaped_on_the_page(client: httpx.AsyncClient, session: Session) -> None:
    _, secret = create_key(session, "explorer-escape", "write")
    session.commit()
    text = "An invented note. <script>alert('x')</script> It says nothing else."
    body = {"title": "<i>Invented</i> note", "kind": "other", "text": text, "language": "en"}
    created = await client.post("/v1/sources", json=body, headers={"Authorization": f"Bearer {secret}"})
    assert created.status_code == 201, created.text
    html = await page(client, f"/sources/{created.json()['id']}")
    assert "<script>alert" not in html and "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html
    assert "<i>Invented</i>" not in html and "&lt;i&gt;Invented&lt;/i&gt; note" in html


async def test_search_shows_the_hits_of_v1_search(client: httpx.AsyncClient) -> None:
    html = await page(client, "/search?q=порт")
    hits = (await client.get("/v1/search", params={"q": "порт"})).json()["items"]
    assert hits
    for hit in hits:
        assert f'href="{hit["url"].removeprefix("/v1")}"' in html
    assert "/v1/search?q=" in " ".join(api_calls(html))
    empty = await page(client, "/search")
    assert not api_calls(empty) and 'name="q"' in empty


async def test_the_review_queue_reads_without_a_key(client: httpx.AsyncClient, session: Session) -> None:
    _, secret = create_key(session, "explorer-review", "write")
    session.commit()
    text = (
        "BAKU, 3 March. Trade turnover between Azerbaijan and Kazakhstan reached about 610 million "
        "dollars in 2023, the ministry said."
    )
    body = {
        "title": "An invented wire",
        "kind": "wire_report",
        "text": text,
        "publication_date": "2024-03-03",
    }
    created = await client.post("/v1/sources", json=body, headers={"Authorization": f"Bearer {secret}"})
    assert created.status_code == 201, created.text
    pending = (await client.get("/v1/candidates", params={"status": "pending", "limit": 50})).json()["items"]
    assert pending, "the extractor proposed nothing from the invented text"
    html = await page(client, "/review")
    for candidate in pending:
        assert f'id="candidate-{candidate["id"]}"' in html
    # Without a key (and without JavaScript) nothing can be changed from the page.
    for button in attributes(html, "button", data_act="accept"):
        assert "disabled" in button
    assert "sessionStorage" in html


async def test_errors_are_html_for_browsers_and_problems_for_other_clients(client: httpx.AsyncClient) -> None:
    html = await page(client, "/events/no-such-event", 404)
    assert "No event has id" in html and '<html lang="en">' in html
    json = await client.get("/events/no-such-event", headers={"Accept": "application/json"})
    assert json.status_code == 404 and json.headers["content-type"] == "application/problem+json"
    assert json.json()["detail"] == (await client.get("/v1/events/no-such-event")).json()["detail"]
    await page(client, "/pairs/AZ/XX", 422)
    await page(client, "/pairs/AZ/AQ", 404)  # both countries exist; nothing involves both
    await page(client, f"{PAIR}?lang=fr", 422)
    # A path that is no page at all is the API's 404, whoever asks: the explorer claims no catch-all.
    for path in ("/widgets/x", "/v1/widgets"):
        response = await client.get(path, headers=HTML)
        assert response.status_code == 404 and response.headers["content-type"] == "application/problem+json"
    russian = await page(client, "/events/no-such-event", 404, **{"Accept-Language": "ru"})
    assert '<html lang="ru">' in russian
    assert '<html lang="ru">' in await page(client, "/events/no-such-event?lang=ru", 404)


async def test_the_pages_are_not_in_the_api_document(client: httpx.AsyncClient) -> None:
    paths = (await client.get("/openapi.json")).json()["paths"]
    assert all(path.startswith("/v1/") or path in ("/healthz", "/readyz", "/metrics") for path in paths), (
        paths
    )
    css = await client.get("/explorer/static/explorer.css")
    assert css.status_code == 200 and css.headers["content-type"].startswith("text/css")
    script = await client.get("/explorer/static/explorer.js")
    assert script.status_code == 200 and "sessionStorage" in script.text


def test_nothing_is_fetched_from_another_host() -> None:
    from app.config import REPO_ROOT

    explorer = REPO_ROOT / "app" / "explorer"
    for path in [*explorer.glob("templates/*.html"), *explorer.glob("static/*")]:
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"(src|href)=\"(https?:)?//", text), path
        assert "@import" not in text and "url(http" not in text, path
