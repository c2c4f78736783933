from typing import Annotated, Any

from fastapi import Path, Request, Response

from app import datastate
from app.common.api import document_responses, json_response, link_next
from app.common.countries import ACCEPTED
from app.common.filters import CountryCode
from app.common.language import negotiate
from app.common.query import from_query
from app.common.routing import ResourceRouter
from app.errors import NotFound
from app.relations import repository
from app.relations.schemas import PairDossier, RelationFilters, RelationPairPage, RelationParams
from app.request_session import SessionDep

router = ResourceRouter(prefix="/v1/relations", tags=["relations"])


@router.get(
    "",
    name="listRelations",
    summary="List country pairs that have data",
    description="Each pair of countries that some event, agreement, trade figure or infrastructure "
    "project involves, once (codes in alphabetical order), with its counts by resource.",
    responses=document_responses(
        RelationPairPage,
        "A page of pairs.",
        {
            400: "An unknown query parameter.",
            422: "A parameter value is invalid (bad format, out of range, unknown country, bad cursor).",
        },
        paged=True,
    ),
)
def list_relations(
    request: Request, session: SessionDep, filters: Annotated[RelationFilters, from_query(RelationFilters)]
) -> Response:
    lang = negotiate(filters.lang, request.headers.get("accept-language"))
    rows, next_cursor = repository.list_pairs(session, filters)
    # RelationPairPage's JSON, written without validating it (the responses document it).
    body: dict[str, Any] = {
        "items": [repository.pair_json(row, lang) for row in rows],
        "next_cursor": next_cursor,
    }
    if filters.count:
        body["total"] = repository.count_pairs(session, filters)
    response = json_response(body, lang, datastate.current(session))
    link_next(response, request, next_cursor)
    return response


@router.get(
    "/{a}/{b}",
    name="getRelation",
    summary="Get the dossier of a country pair",
    description="Everything involving both countries: counts by resource, the latest events, agreements "
    "by sector, trade series (`points=` keeps each series' latest points), infrastructure projects and the "
    "sources cited. `AZ/KZ` and `kz/az` give the same body.",
    responses=document_responses(
        PairDossier,
        "The pair's dossier.",
        {
            400: "An unknown query parameter.",
            404: "Both countries exist but no record involves both.",
            422: "A code that is not two letters or names no country, or the same country twice.",
        },
    ),
)
def get_relation(
    request: Request,
    session: SessionDep,
    a: Annotated[CountryCode, Path(description=f"One country: {ACCEPTED}.")],
    b: Annotated[
        CountryCode, Path(description="The other country, the same way; the order does not matter.")
    ],
    params: Annotated[RelationParams, from_query(RelationParams)],
) -> Response:
    lang = negotiate(params.lang, request.headers.get("accept-language"))
    # Built in PairDossier's shape by the repository, without validating it again here.
    body = repository.get_dossier(session, a, b, lang, params.as_of, params.points, to_json=True)
    return json_response(body, lang, datastate.current(session))


@router.get("/{pair}", include_in_schema=False)
def relation_path_hint(pair: str) -> Response:
    # `/v1/relations/AZ-KZ` and the like: say what the path looks like rather than a bare 404.
    raise NotFound(
        f"No relation has id {pair!r}: a relation's path is /v1/relations/{{a}}/{{b}}, two ISO alpha-2 "
        "codes, e.g. /v1/relations/AZ/KZ."
    )
