"""`bilateral sources add FILE…`: the same as POST /v1/sources, for many files, each in its own
transaction (a file and its candidates are written together or not at all)."""

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

import typer

from app.config import get_settings

app = typer.Typer(
    help="Sources: add articles and pages; their candidates wait for review.", no_args_is_help=True
)
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
# The kinds a text source can be, for the help text: `TextSourceKind` names them (not imported here, it
# would load the API's schemas at every command's start; a test keeps the two the same).
KINDS = [
    "article",
    "wire_report",
    "press_release",
    "interview",
    "report",
    "statistics",
    "official_statement",
    "other",
]


@dataclass(frozen=True)
class Added:
    file: Path
    source_id: str | None = None
    candidates: int = 0
    held_back: int | None = None
    confidence_min: float | None = None
    note: str | None = None
    error: str | None = None


@app.command("add")
def add(
    files: Annotated[
        list[Path],
        typer.Argument(exists=True, dir_okay=False, readable=True, help="Plain text (UTF-8) or HTML files."),
    ],
    kind: Annotated[str, typer.Option(help=f"Kind of source: {', '.join(KINDS)}.")] = "article",
    language: Annotated[
        str | None, typer.Option(help="ISO 639-1 code [default: detected from each text]")
    ] = None,
    published: Annotated[
        str | None, typer.Option(help="Publication date: YYYY, YYYY-MM or YYYY-MM-DD [default: from HTML]")
    ] = None,
    publisher: Annotated[str | None, typer.Option(help="Who published them [default: from HTML]")] = None,
    retrieved: Annotated[
        str | None, typer.Option(help="When the texts were retrieved: YYYY-MM-DD [default: none]")
    ] = None,
    title: Annotated[
        str | None,
        typer.Option(
            help="Title, for one file [default: the HTML title, or a text's first line if it is a heading]"
        ),
    ] = None,
    url: Annotated[
        str | None, typer.Option(help="Where it was published, for one file (never fetched).")
    ] = None,
    confidence_min: Annotated[
        float | None,
        typer.Option(
            min=0,
            max=1,
            help="Propose only facts at least this sure; 0 proposes everything "
            "[default: BILATERAL_EXTRACTION_CONFIDENCE_MIN]",
        ),
    ] = None,
    actor: Annotated[str, typer.Option(help="Who the revisions name.")] = "cli:sources-add",
) -> None:
    """Add each FILE as a source and propose its candidates (see GET /v1/candidates)."""
    if (title or url) and len(files) > 1:
        raise typer.BadParameter(
            "--title and --url name one source: give one file", param_hint="--title/--url"
        )
    shared = {
        "kind": kind,
        "language": language,
        "publication_date": published,
        "publisher": publisher,
        "retrieved_on": retrieved,
        "title": title,
        "url": url,
        "confidence_min": confidence_min,
    }
    results = add_files(files, shared, actor)
    failed = [result for result in results if result.error]
    for result in results:
        typer.echo(describe(result), err=bool(result.error))
    proposed = sum(result.candidates for result in results)
    held = sum(result.held_back or 0 for result in results)
    typer.echo(
        f"{len(results) - len(failed)} added, {len(failed)} refused, {proposed} candidates proposed, "
        f"{held} held back under the confidence floor"
    )
    if failed:
        raise typer.Exit(1)


def add_files(files: list[Path], shared: dict[str, Any], actor: str) -> list[Added]:
    from app.db import make_sessionmaker
    from app.migrated import open_migrated

    engine = open_migrated(get_settings().database_url)
    results: list[Added] = []
    try:
        maker = make_sessionmaker(engine, writes=True)
        with typer.progressbar(files, label="sources", file=sys.stderr, show_pos=True) as bar:
            for file in bar:
                results.append(add_file(maker, file, shared, actor))
    finally:
        engine.dispose()
    return results


def add_file(maker: Any, file: Path, shared: dict[str, Any], actor: str) -> Added:
    from pydantic import ValidationError

    from app.candidates.repository import pending_count
    from app.curation.writes import create_and_index
    from app.errors import AppError
    from app.models import Source
    from app.revisions import ACTOR_KEY
    from app.sources.repository import WRITABLE
    from app.sources.schemas import SourceCreate

    try:
        body = file_body(file, shared)
        data = SourceCreate.model_validate(body)
    except (ValueError, ValidationError) as exc:
        return Added(file, error=_reason(exc))
    try:
        with maker.begin() as session:
            session.info[ACTOR_KEY] = actor
            source_id = create_and_index(session, WRITABLE, data)
            source = session.get(Source, source_id)
            return Added(
                file,
                source_id,
                pending_count(session, source_id),
                source.held_back,
                source.confidence_min,
                source.extraction_note,
            )
    except AppError as exc:
        details = "; ".join(f"{error['name']}: {error['detail']}" for error in exc.errors or [])
        return Added(file, error=details or exc.detail)


def file_body(file: Path, shared: dict[str, Any]) -> dict[str, Any]:
    """The create body for one file: its content as text or HTML, and the options given."""
    raw = file.read_bytes()
    if not raw.strip():
        raise ValueError("the file is empty")
    if b"\x00" in raw:
        raise ValueError("the file is binary, not text")
    try:
        content = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValueError(f"the file is not UTF-8 text (byte {exc.start})") from None
    body = {key: value for key, value in shared.items() if value is not None}
    if file.suffix.lower() in HTML_SUFFIXES:
        return body | {"html": content}
    text = content.replace("\r\n", "\n").strip()
    body.setdefault("title", heading(text) or f"[{file.name}]")
    return body | {"text": text}


def heading(text: str) -> str | None:
    """The text's first line when it reads as a headline: short, alone, not a sentence."""
    first, _, rest = text.partition("\n")
    first = first.strip()
    if rest and 0 < len(first) <= 200 and not first.endswith((".", ":", ";", ",")):
        return first
    return None


def describe(result: Added) -> str:
    if result.error:
        return f"{result.file.name}: refused: {result.error}"
    note = f" ({result.note})" if result.note else ""
    held = f", {result.held_back} held back under {result.confidence_min:g}" if result.held_back else ""
    return f"{result.file.name}: source {result.source_id}, {result.candidates} candidates{held}{note}"


def _reason(exc: Exception) -> str:
    from app.errors import describe_error

    errors = getattr(exc, "errors", None)
    if callable(errors):
        described = (describe_error({**error, "loc": ("body", *error["loc"])}) for error in errors())
        return "; ".join(f"{error['name']}: {error['detail']}" for error in described)
    return str(exc)
