"""The explorer's pages: thin handlers that read through app/explorer/reads.py (the /v1 routes' own
readers) and render a template. Out of the OpenAPI document: they are pages, not API."""

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse
from starlette.responses import Response

from app.auth import require_read
from app.common.headers import best
from app.common.language import LANGUAGES, Language, negotiate
from app.common.routing import IncludedRoute
from app.errors import AppError, InvalidParameter
from app.explorer import quotes, reads
from app.explorer.words import label, value_label
from app.request_session import SessionDep

if TYPE_CHECKING:
    from jinja2 import Environment

router = APIRouter(route_class=IncludedRoute, include_in_schema=False, dependencies=[Depends(require_read)])


@functools.cache
def _templates() -> "Environment":
    """The pages' templates, with the filters that format dates and numbers. Built by the first page
    rendered, not with the app: Jinja and Babel are for the explorer only, and a worker's start
    need not load them."""
    from jinja2 import Environment, PackageLoader, StrictUndefined

    from app.explorer import present

    templates = Environment(
        loader=PackageLoader("app.explorer", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    templates.filters.update(
        value_label=value_label,
        day=present.day,
        number=present.number,
        figure_value=present.figure_value,
    )
    templates.globals.update(
        quote_id=quotes.quote_id,
        ref_text=lambda ref: ref.get("name") or ref.get("title") or ref["id"],
        when=present.when,
        period=present.period,
        path_of=reads.PATH_OF,
        field_paths={
            "countries": "countries",
            "country": "countries",
            "host_country": "countries",
            "reporter": "countries",
            "partner": "countries",
            "people": "people",
            "organizations": "organizations",
            "location": "places",
            "places": "places",
            "agreements": "agreements",
            "event": "events",
            "projects": "infrastructure-projects",
            "trade_figures": "trade-figures",
        },
    )
    return templates


LangParam = Annotated[str | None, Query(description="`en` or `ru`; else Accept-Language.")]
F = TypeVar("F", bound=Callable[..., Response])


def html_errors(handler: F) -> F:
    """A problem raised while building a page: an HTML page with the same status, title and detail
    for a browser; the API's problem+json (the global handler) for any other client."""

    @functools.wraps(handler)
    def page(*args: Any, **kwargs: Any) -> Response:
        try:
            return handler(*args, **kwargs)
        except AppError as error:
            request: Request = kwargs["request"]
            if not wants_html(request):
                raise
            asked = request.query_params.get("lang")
            lang = _language(request, asked if asked in LANGUAGES else None)
            context = {"error": error, "title": error.title}
            return _render(request, "error.html", lang, context, status=error.status)

    return page  # type: ignore[return-value]


def wants_html(request: Request) -> bool:
    chosen = best(request.headers.get("accept"), _html_or_json)
    return chosen == "html"


def _html_or_json(media_type: str) -> str | None:
    if media_type in ("text/html", "application/xhtml+xml"):
        return "html"
    if media_type in ("application/json", "application/problem+json"):
        return "json"
    return None


def _language(request: Request, lang: str | None) -> Language:
    if lang is not None and lang not in LANGUAGES:
        raise InvalidParameter(
            "lang: expected `en` or `ru`.",
            [{"name": "lang", "in": "query", "detail": "expected `en` or `ru`"}],
        )
    chosen: Language | None = "ru" if lang == "ru" else "en" if lang == "en" else None
    return negotiate(chosen, request.headers.get("accept-language"))


def _render(
    request: Request, template: str, lang: Language, context: dict[str, Any], status: int = 200
) -> HTMLResponse:
    explicit = request.query_params.get("lang") in LANGUAGES

    def href(path: str, **query: Any) -> str:
        if explicit:
            query.setdefault("lang", lang)
        return reads.api_url(path, query)

    def switch(to: str) -> str:
        url = request.url.include_query_params(lang=to)
        return f"{url.path}?{url.query}"

    body = (
        _templates()
        .get_template(template)
        .render(
            lang=lang,
            t=lambda key, **values: label(key, lang, **values),
            href=href,
            switch=switch,
            # Kept in the links and forms only when asked for: a negotiated language needs no parameter.
            explicit_lang=explicit,
            **context,
        )
    )
    return HTMLResponse(
        body,
        status_code=status,
        headers={"Content-Language": lang, "Vary": "Accept, Accept-Language, Accept-Encoding"},
    )


@router.get("/", response_class=HTMLResponse)
@html_errors
def home(request: Request, session: SessionDep, lang: LangParam = None) -> Response:
    language = _language(request, lang)
    context = {"pairs": reads.pairs(session, language), "sources": reads.source_list(session, language)}
    return _render(request, "home.html", language, context)


@router.get("/pairs/{a}/{b}", response_class=HTMLResponse)
@html_errors
def pair(request: Request, session: SessionDep, a: str, b: str, lang: LangParam = None) -> Response:
    from app.explorer import charts  # Babel: loaded by the first page that draws, not at start

    language = _language(request, lang)
    first, second = reads.country_code(a, "a"), reads.country_code(b, "b")
    dossier = reads.dossier(session, first, second, language)
    code_a, code_b = dossier.body["id"].split("/")
    events, more_events = reads.pair_events(session, code_a, code_b, language)
    event_items = events.body["items"]
    agreements = {
        agreement["id"]: agreement
        for sector in dossier.body["agreements_by_sector"]
        for agreement in sector["agreements"]
    }
    items = charts.timeline_items(event_items, list(agreements.values()), language)
    trade = [
        (chart, charts.trade_chart(chart, language, "", number))
        for number, chart in enumerate(charts.trade_charts(dossier.body["trade_series"]))
    ]
    involved: dict[str, dict[str, dict[str, Any]]] = {"people": {}, "organizations": {}}
    for event in event_items:
        for name in involved:
            for ref in event[name]:
                involved[name].setdefault(ref["id"], ref)
    context = {
        "title": " – ".join(country["name"] for country in dossier.body["countries"]),
        "dossier": dossier,
        "events": events,
        "event_count": len(event_items),
        "more_events": more_events,
        "agreements": list(agreements.values()),
        "timeline_items": items,
        "timeline": charts.timeline(items, language, ""),
        "trade": trade,
        "series_name": charts.series_name,
        "involved": {
            name: sorted(refs.values(), key=lambda ref: ref["name"]) for name, refs in involved.items()
        },
        # The consistency report reads all the data (seconds, on the benchmark's): a page of its own.
        "conflicts_api": reads.conflicts_url(code_a, code_b),
        "series_api": reads.series_url,
        "chart_points": reads.CHART_POINTS,
        "table_rows": 100,
        "chart_rows": charts.POINT_TITLES,
    }
    return _render(request, "pair.html", language, context)


@router.get("/pairs/{a}/{b}/conflicts", response_class=HTMLResponse)
@html_errors
def pair_conflicts(request: Request, session: SessionDep, a: str, b: str, lang: LangParam = None) -> Response:
    language = _language(request, lang)
    first, second = reads.country_code(a, "a"), reads.country_code(b, "b")
    pair = reads.pair(session, first, second, language)
    title = " – ".join(country["name"] for country in pair["countries"])
    context = {
        "title": label("conflicts_of", language, pair=title),
        "pair_id": pair["id"],
        "pair_title": title,
        "conflicts": reads.pair_conflicts(session, *pair["id"].split("/")),
    }
    return _render(request, "conflicts.html", language, context)


@router.get("/sources/{record_id}", response_class=HTMLResponse)
@html_errors
def source(request: Request, session: SessionDep, record_id: str, lang: LangParam = None) -> Response:
    language = _language(request, lang)
    panel = reads.source(session, record_id, language)
    context = {
        "title": panel.body["title"],
        "source": panel,
        "marked": quotes.marked_text(panel.body["text"], panel.body["citations"]),
    }
    return _render(request, "source.html", language, context)


@router.get("/search", response_class=HTMLResponse)
@html_errors
def search(
    request: Request,
    session: SessionDep,
    q: str | None = None,
    cursor: str | None = None,
    lang: LangParam = None,
) -> Response:
    language = _language(request, lang)
    results = reads.search(session, q, cursor, language) if q else None
    context = {"title": label("search", language), "q": q or "", "results": results}
    return _render(request, "search.html", language, context)


@router.get("/review", response_class=HTMLResponse)
@html_errors
def review(
    request: Request,
    session: SessionDep,
    status: str = "pending",
    cursor: str | None = None,
    lang: LangParam = None,
) -> Response:
    language = _language(request, lang)
    context = {
        "title": label("review", language),
        "candidates": reads.candidate_list(session, status, cursor, language),
        "status": status,
        "statuses": ("pending", "accepted", "rejected"),
    }
    return _render(request, "review.html", language, context)


def record(request: Request, session: SessionDep, record_id: str, lang: LangParam = None) -> Response:
    language = _language(request, lang)
    found = reads.KINDS[request.url.path.split("/")[1]]
    panel = reads.record(session, found, record_id, language)
    body = panel.body
    sources: dict[str, list[dict[str, Any]]] = {}
    for citation in body.get("citations", []):
        sources.setdefault(citation["source_id"], []).append(citation)
    context = {
        "title": body.get("title") or body.get("name") or record_id,
        "kind": found,
        "record": panel,
        "cited_by": sources,
        "revisions": reads.revisions(session, found, record_id),
    }
    return _render(request, "record.html", language, context)


# One route per kind of record (/events/{id}, /people/{id}, …): no catch-all to shadow other paths.
for _path in reads.KINDS:
    router.add_api_route(f"/{_path}/{{record_id}}", html_errors(record), response_class=HTMLResponse)
