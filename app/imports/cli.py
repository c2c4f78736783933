"""`bilateral import <resource> FILE`: the same import as POST /v1/imports/{resource}, from a file."""

import re
import sys
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from app.config import get_settings
from app.imports.schemas import DATASET_URL, ImportFormat, ImportLayout, ImportReport, ImportResource

if TYPE_CHECKING:
    from app.imports.datasets import Provenance
    from app.imports.records import DatasetOptions
    from app.imports.repository import ImportOptions

# Rows checked and written at once (app.imports.repository.BATCH_SIZE, which a test keeps equal):
# that module is imported by the command itself, not by every `bilateral` command (start-up time).
BATCH_SIZE = 5000
NOTES_SHOWN = 5

app = typer.Typer(
    help="Import records from a CSV or NDJSON file into DATABASE_URL: all or nothing, re-runnable.",
    no_args_is_help=True,
)
# The format a file's extension says; other files (.json, .gz, …) are recognized from their content.
EXTENSIONS: dict[str, ImportFormat] = {
    ".csv": "csv",
    ".tsv": "csv",
    ".tab": "csv",
    ".txt": "csv",
    ".ndjson": "ndjson",
    ".jsonl": "ndjson",
}


class TradeLayout(StrEnum):
    """The layouts of trade-figure files (ImportLayout's first three)."""

    generic = "generic"
    comtrade = "comtrade"
    comtrade_legacy = "comtrade-legacy"


class EventLayout(StrEnum):
    """The layouts of event datasets."""

    gdelt = "gdelt"
    icews = "icews"


class AgreementLayout(StrEnum):
    """The layouts of agreement files: treaty lists, and this API's own."""

    tfdd = "tfdd"
    generic = "generic"


def _text(value: str | None, limit: int) -> str | None:
    if value is None:
        return None
    if not value.strip() or len(value) > limit:
        raise typer.BadParameter(f"give 1 to {limit} characters")
    return value.strip()


def _url(value: str | None) -> str | None:
    if value is not None and not re.fullmatch(DATASET_URL, value):
        raise typer.BadParameter("an http:// or https:// address")
    return _text(value, 2000)


Title = Annotated[
    str | None,
    typer.Option(help="The dataset's title, for the source its records cite [default: the file's name]"),
]
Publisher = Annotated[str | None, typer.Option(help="Who publishes the dataset.")]
Url = Annotated[str | None, typer.Option(help="Where the dataset is published (never fetched).")]
RetrievedOn = Annotated[
    datetime | None,
    typer.Option("--retrieved-on", formats=["%Y-%m-%d"], help="When the file was taken (YYYY-MM-DD)."),
]
DryRun = Annotated[bool, typer.Option("--dry-run", help="Check and report; change nothing.")]
Actor = Annotated[str | None, typer.Option(help="Who the revisions name [default: import:<file name>]")]


def _country(value: str | None) -> str | None:
    from app.common.countries import resolve_country

    if value is None:
        return None
    code = resolve_country(value)
    if code is None:
        raise typer.BadParameter(f"{value!r} is not a country code or name this API knows (TW, TWN, 158)")
    return code


S19As = Annotated[
    str | None,
    typer.Option(
        "--s19-as",
        callback=_country,
        help="Comtrade: read partner S19 (Other Asia, nes; code 490) as this country, e.g. TW "
        "[default: S19 rows are skipped]. The summary says how many rows were read so.",
    ),
]


@app.command("trade-figures")
def trade_figures(
    file: Annotated[
        Path,
        typer.Argument(
            exists=True,
            dir_okay=False,
            readable=True,
            help="A .csv, .tsv, .ndjson or .json file, or one gzipped.",
        ),
    ],
    layout: Annotated[
        TradeLayout | None,
        typer.Option(help="generic, comtrade or comtrade-legacy [default: recognized from the header]"),
    ] = None,
    title: Title = None,
    publisher: Publisher = None,
    url: Url = None,
    retrieved_on: RetrievedOn = None,
    dry_run: DryRun = False,
    actor: Actor = None,
    s19_as: S19As = None,
    batch_size: Annotated[int, typer.Option(min=1, max=100_000, help="Rows checked and written at once.")] = (
        BATCH_SIZE
    ),
) -> None:
    """Import trade figures (our columns, or UN Comtrade's export layout) from FILE."""
    from app.errors import InvalidParameter
    from app.imports.repository import ImportOptions

    options = ImportOptions(
        file_name=file.name,
        actor=actor or f"import:{file.name}"[:200],
        resource=ImportResource.trade_figures,
        layout=ImportLayout(layout.value) if layout is not None else None,
        format=EXTENSIONS.get(file.suffix.lower()),
        dry_run=dry_run,
        s19_as=s19_as,
        batch_size=batch_size,
    )
    try:
        report = run_import(file, options, provenance(title, publisher, url, retrieved_on))
    except InvalidParameter as exc:  # an option the database refuses: a usage error, exit status 2
        names = [f"--{error['name'].replace('_', '-')}" for error in exc.errors or []]
        details = [error["detail"] for error in exc.errors or []]
        raise typer.BadParameter("; ".join(details) or exc.detail, param_hint=names or None) from None
    _tell(file, report)


@app.command("events")
def events(
    file: Annotated[
        Path,
        typer.Argument(
            exists=True, dir_okay=False, readable=True, help="A GDELT or ICEWS file, or one gzipped."
        ),
    ],
    layout: Annotated[
        EventLayout | None,
        typer.Option(help="gdelt or icews [default: icews for a file with ICEWS's header, else gdelt]"),
    ] = None,
    title: Title = None,
    publisher: Publisher = None,
    url: Url = None,
    retrieved_on: RetrievedOn = None,
    dry_run: DryRun = False,
    actor: Actor = None,
) -> None:
    """Import events from an event dataset (GDELT 1.0, ICEWS): rows grouped into events, each citing
    its rows."""
    _import_records(
        file, ImportResource.events, layout, provenance(title, publisher, url, retrieved_on), dry_run, actor
    )


@app.command("agreements")
def agreements(
    file: Annotated[
        Path,
        typer.Argument(
            exists=True,
            dir_okay=False,
            readable=True,
            help="A treaty list (TFDD's CSV) or agreements in this API's fields (CSV, NDJSON).",
        ),
    ],
    layout: Annotated[
        AgreementLayout | None,
        typer.Option(
            help="tfdd (the Transboundary Freshwater Dispute Database's treaty table) or generic (this "
            "API's agreement fields) [default: generic for a header with title_en, NDJSON or JSON; else tfdd]"
        ),
    ] = None,
    title: Title = None,
    publisher: Publisher = None,
    url: Url = None,
    retrieved_on: RetrievedOn = None,
    dry_run: DryRun = False,
    actor: Actor = None,
) -> None:
    """Import agreements from a treaty list (TFDD: rows grouped into one agreement per treaty with its
    parties, each citing its rows) or from this API's own agreement fields (one per row)."""
    _import_records(
        file,
        ImportResource.agreements,
        layout,
        provenance(title, publisher, url, retrieved_on),
        dry_run,
        actor,
    )


def _import_records(
    file: Path,
    resource: ImportResource,
    layout: EventLayout | AgreementLayout | None,
    described: "Provenance",
    dry_run: bool,
    actor: str | None,
) -> None:
    """Import a dataset of events or agreements, print its summary, and exit 1 if it is rejected."""
    from app.imports.records import DatasetOptions

    options = DatasetOptions(
        file_name=file.name,
        actor=actor or f"import:{file.name}"[:200],
        resource=resource,
        layout=ImportLayout(layout.value) if layout is not None else None,
        provenance=described,
        dry_run=dry_run,
    )
    report = run_import(file, options)
    _tell(file, report)


def _tell(file: Path, report: ImportReport) -> None:
    """Print an import's summary, and its errors with exit status 1 if the file was rejected."""
    typer.echo(summary(file, report))
    if report.rejected:
        for error in report.errors:
            typer.echo(f"  line {error.line}, {error.field}: {error.detail}", err=True)
        if report.errors_truncated:
            typer.echo(f"  … and {report.errors_truncated} more errors", err=True)
        typer.echo(f"{file.name}: rejected, nothing was imported", err=True)
        raise typer.Exit(1)


def provenance(
    title: str | None, publisher: str | None, url: str | None, retrieved_on: datetime | None
) -> "Provenance":
    from app.imports.datasets import Provenance

    return Provenance(
        title=_text(title, 1000),
        publisher=_text(publisher, 300),
        url=_url(url),
        retrieved_on=retrieved_on.date() if retrieved_on is not None else None,
    )


def run_import(
    file: Path, options: "ImportOptions | DatasetOptions", provenance: "Provenance | None" = None
) -> ImportReport:
    from app.db import make_sessionmaker
    from app.imports.datasets import describe_dataset
    from app.imports.records import DatasetOptions, import_dataset
    from app.imports.repository import import_file
    from app.migrated import open_migrated

    engine = open_migrated(get_settings().database_url)
    size = file.stat().st_size
    try:
        with (
            file.open("rb") as stream,
            typer.progressbar(length=size, label=file.name, file=sys.stderr, show_pos=False) as bar,
            make_sessionmaker(engine, writes=True).begin() as session,
        ):
            done = 0

            def progress(position: int) -> None:
                nonlocal done
                bar.update(position - done)
                done = position

            if isinstance(options, DatasetOptions):
                return import_dataset(session, stream, options, progress)
            report = import_file(session, stream, options, progress)
            if report.applied and report.source_id and provenance is not None:
                describe_dataset(session, report.source_id, provenance)
            return report
    finally:
        engine.dispose()


def summary(file: Path, report: ImportReport) -> str:
    what = "rejected" if report.rejected else "imported" if report.applied else "dry run, nothing written"
    head = (
        f"{file.name} ({file_kind(report)}, {report.layout.value} layout, {report.records} rows): {what}: "
        f"inserted {report.inserted}, updated {report.updated}, unchanged {report.unchanged}, "
        f"skipped {report.skipped}, rejected {report.rejected}"
    )
    notes = [f"  note: {note}" for note in report.notes[:NOTES_SHOWN]]
    if len(report.notes) > NOTES_SHOWN:
        notes.append(f"  … and {len(report.notes) - NOTES_SHOWN} more notes (in the report's `notes`)")
    value = [f"  {skipped_value(report)}"] if report.skipped and report.skipped_groups else []
    if report.grouped:
        head += f"; {report.grouped} rows joined to another row's record"
    reasons = [f"  skipped {count}: {reason}" for reason, count in report.skipped_reasons.items()]
    cited = (
        "rows without a citation cite" if report.resource is ImportResource.trade_figures else "records cite"
    )
    source = [f"  {cited} the source {report.source_id}"] if report.source_id else []
    return "\n".join([head, *value, *reasons, *notes, *source])


def file_kind(report: ImportReport) -> str:
    """`csv`, and what it took to read it when not plain UTF-8 CSV: `csv, tab-separated, cp1252, gzip`."""
    parts: list[str] = [report.format]
    if report.delimiter == "\t":
        parts.append("tab-separated")
    if report.encoding not in (None, "utf-8"):
        parts.append(str(report.encoding))
    if report.compression:
        parts.append(report.compression)
    return ", ".join(parts)


def skipped_value(report: ImportReport) -> str:
    """`skipped 41 rows worth 36.5 % of the file's value: 11 S19, 11 self-trade, 8 _X; not counted in
    the value: 11 World`: how much a Comtrade import left out."""
    counted = ", ".join(f"{group.rows} {group.label}" for group in report.skipped_groups if group.counted)
    totals = ", ".join(f"{group.rows} {group.label}" for group in report.skipped_groups if not group.counted)
    line = f"skipped {report.skipped} rows"
    if report.skipped_value_percent is not None:
        line += f" worth {report.skipped_value_percent} % of the file's value"
    if counted:
        line += f": {counted}"
    if totals:
        totals_of = "not counted in the value (totals of other rows, or parts of one)"
        line += f"{';' if counted else ':'} {totals_of}: {totals}"
    return line
