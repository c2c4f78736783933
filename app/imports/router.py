import tempfile
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import IO, Annotated, Any

import orjson
from fastapi import Depends, Path, Request, Response

from app.auth import WriteCaller
from app.common.query import from_query
from app.common.routing import ResourceRouter
from app.errors import AppError, InvalidParameter, ProblemResponse, param_error, problem, problem_response
from app.imports.schemas import LAYOUTS, ImportFormat, ImportParams, ImportReport, ImportResource
from app.request_session import SessionDep

router = ResourceRouter(prefix="/v1/imports", tags=["imports"])

# What a Content-Type says of the file; a gzipped body is recognized from what it holds.
MEDIA_TYPES: dict[str, ImportFormat | None] = {
    "text/csv": "csv",
    "text/tab-separated-values": "csv",
    "application/x-ndjson": "ndjson",
    "application/json": "json",
    "application/gzip": None,
}
# An upload larger than this goes to a temporary file instead of memory.
SPOOL_MAX_MEMORY = 1024 * 1024
ERRORS_IN_DETAIL = 3


class UnsupportedMediaType(AppError):
    status = 415
    title = "Unsupported media type"
    slug = "unsupported-media-type"


@dataclass(frozen=True)
class Upload:
    file: IO[bytes]
    format: ImportFormat | None


async def spooled_upload(request: Request) -> AsyncIterator[Upload]:
    """The request body, streamed to a temporary file: the import reads it back a batch at a time."""
    media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media_type not in MEDIA_TYPES:
        detail = (
            "Send the file as the request body with Content-Type text/csv, text/tab-separated-values, "
            "application/x-ndjson, application/json or application/gzip, "
            f"not {media_type or 'no Content-Type'} (e.g. curl --data-binary @file.csv -H "
            "'Content-Type: text/csv'). Multipart forms are not accepted."
        )
        raise UnsupportedMediaType(detail, [param_error("Content-Type", detail, "header")])
    spool = tempfile.SpooledTemporaryFile(max_size=SPOOL_MAX_MEMORY)  # noqa: SIM115 (closed below)
    try:
        async for chunk in request.stream():
            spool.write(chunk)
        spool.seek(0)
        yield Upload(spool, MEDIA_TYPES[media_type])
    finally:
        spool.close()


# The files are bytes (`format: binary`), in any of the encodings above: generators then send them as
# given (a File in openapi-python-client, a Blob in @hey-api/openapi-ts and orval).
REQUEST_BODY: dict[str, Any] = {
    "description": "The file itself, as the whole body (not a multipart form), in UTF-8 (with or without "
    "a BOM) or Latin-1/cp1252 (detected), gzipped or not. CSV: a header row naming the columns, then one "
    "figure per row, comma- or tab-separated. NDJSON: one JSON object per line, keyed like the CSV "
    "columns. JSON: one document, an array of such objects or an object whose `data` array holds them "
    "(the Comtrade API's response). See docs/importing.md for the layouts.",
    "required": True,
    "content": {
        "text/csv": {
            "schema": {"type": "string", "format": "binary"},
            "example": "reporter,partner,indicator,period,value,unit,bound,status\n"
            "AZ,KZ,exports,2024,250000000,USD,approximate,reported\n",
        },
        "application/x-ndjson": {
            "schema": {"type": "string", "format": "binary"},
            "example": '{"reporter":"AZ","partner":"KZ","indicator":"exports","period":"2024",'
            '"value":250000000,"unit":"USD","bound":"approximate","status":"reported"}\n',
        },
        "application/json": {
            # A JSON document, not a JSON string: the rows, or an object whose `data` holds them.
            "schema": {
                "anyOf": [
                    {"type": "array", "items": {"type": "object"}},
                    {
                        "type": "object",
                        "properties": {"data": {"type": "array", "items": {"type": "object"}}},
                        "required": ["data"],
                    },
                ],
            },
            "example": {
                "count": 1,
                "data": [
                    {
                        "typeCode": "C",
                        "freqCode": "A",
                        "period": "2024",
                        "reporterISO": "AZE",
                        "partnerISO": "KAZ",
                        "flowCode": "X",
                        "cmdCode": "TOTAL",
                        "primaryValue": 250000000,
                    }
                ],
                "error": "",
            },
        },
        "text/tab-separated-values": {"schema": {"type": "string", "format": "binary"}},
        "application/gzip": {"schema": {"type": "string", "format": "binary"}},
    },
}


PROBLEMS = {
    400: "An unknown query parameter.",
    401: "No API key, or one that is not valid.",
    403: "The API key lacks the `write` scope.",
    413: "The file is larger than this server accepts.",
    409: "A figure the file changes was deleted by another request during the import: nothing was "
    "imported; send the file again.",
    415: "The body is not text/csv, text/tab-separated-values, application/x-ndjson, application/json or "
    "application/gzip.",
    422: "The file was rejected and nothing was imported: `errors` names each bad line (`line`) and field "
    "(`name`), and `report` is the import report. Or a query parameter is invalid.",
}


@router.post(
    "/{resource}",
    name="importRecords",
    summary="Import records from a CSV or NDJSON file",
    description="Creates or updates every record the file states, all or nothing: one bad line rejects "
    "the file (422, naming every bad line and field) and nothing is written. Records are matched on "
    "their natural key (trade figures: reporter, partner, indicator, commodity, period, status and unit), so "
    "importing the same file again changes nothing. Rows without a citation of their own cite the file: "
    "a `dataset` source, one line per record, described by `title`, `publisher`, `url` and "
    "`retrieved_on` when given. With `layout=comtrade` (or a Comtrade header) the file is read in UN "
    "Comtrade's export layout. Events come from event datasets (`layout=gdelt` or `icews`): rows that "
    "tell of one event are grouped, and the event cites them all. `dry_run=true` checks and reports "
    "without writing. Needs an API key with the `write` scope.",
    response_model=ImportReport,
    responses={
        200: {"description": "The file was imported (or, with dry_run, would be): what changed."},
        **{status: problem_response(meaning) for status, meaning in PROBLEMS.items()},
    },
    # The security requirement comes from WriteCaller's bearer scheme.
    openapi_extra={"requestBody": REQUEST_BODY},
)
def import_records(
    request: Request,
    resource: Annotated[
        ImportResource, Path(description="What the file holds: `trade-figures` or `events`.")
    ],
    caller: WriteCaller,
    session: SessionDep,
    params: Annotated[ImportParams, from_query(ImportParams)],
    upload: Annotated[Upload, Depends(spooled_upload)],
) -> Response:
    if params.layout is not None and params.layout not in LAYOUTS[resource]:
        choices = ", ".join(layout.value for layout in LAYOUTS[resource])
        detail = f"{params.layout.value} is not a layout of {resource.value}: one of {choices}"
        raise InvalidParameter(f"layout: {detail}", [param_error("layout", detail)])
    # The importers come with the first import, not with the app: a worker's start need not load them.
    from app.imports.datasets import Provenance, describe_dataset
    from app.imports.records import DatasetOptions, import_dataset
    from app.imports.repository import ImportOptions, import_file

    file_name = params.filename or f"upload.{upload.format or 'gz'}"
    provenance = Provenance(
        title=params.title, publisher=params.publisher, url=params.url, retrieved_on=params.retrieved_on
    )
    if resource is ImportResource.trade_figures:
        options = ImportOptions(
            file_name=file_name,
            actor=caller.name,
            resource=resource,
            layout=params.layout,
            format=upload.format,
            dry_run=params.dry_run,
            s19_as=params.s19_as,
        )
        report = import_file(session, upload.file, options)
        if report.applied and report.source_id:
            describe_dataset(session, report.source_id, provenance)
    else:
        dataset = DatasetOptions(
            file_name=file_name,
            actor=caller.name,
            resource=resource,
            layout=params.layout,
            provenance=provenance,
            dry_run=params.dry_run,
        )
        report = import_dataset(session, upload.file, dataset)
    if report.rejected:
        return rejected(request, report)
    return Response(orjson.dumps(report.model_dump(mode="json")), media_type="application/json")


def rejected(request: Request, report: ImportReport) -> ProblemResponse:
    """422: the problem, each bad line as one of its `errors`, and the report as `report`."""
    shown = "; ".join(f"line {e.line}, {e.field}: {e.detail}" for e in report.errors[:ERRORS_IN_DETAIL])
    more = report.rejected - len({e.line for e in report.errors[:ERRORS_IN_DETAIL]})
    detail = (
        f"The file was rejected and nothing was imported: {report.rejected} bad "
        f"line{'s' if report.rejected != 1 else ''}. {shown}"
        + (f" (and {more} more line{'s' if more != 1 else ''})" if more > 0 else "")
    )
    response = problem(request, 422, "Import rejected", "import-rejected", detail)
    body = orjson.loads(response.body)
    body["errors"] = [
        {"name": e.field, "in": "body", "detail": e.detail, "line": e.line} for e in report.errors
    ]
    body["report"] = report.model_dump(mode="json")
    return ProblemResponse(body, status_code=422)
