"""`bilateral import <resource> FILE`: the same import as POST /v1/imports/{resource}, from a file."""

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from app.config import get_settings
from app.imports.schemas import ImportFormat, ImportLayout, ImportReport, ImportResource

if TYPE_CHECKING:
    from app.imports.repository import ImportOptions

# Rows checked and written at once (app.imports.repository.BATCH_SIZE, which a test keeps equal):
# that module is imported by the command itself, not by every `bilateral` command (start-up time).
BATCH_SIZE = 5000

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
        ImportLayout | None,
        typer.Option(help="generic, comtrade or comtrade-legacy [default: recognized from the header]"),
    ] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Check and report; change nothing.")] = False,
    actor: Annotated[
        str | None, typer.Option(help="Who the revisions name [default: import:<file name>]")
    ] = None,
    batch_size: Annotated[int, typer.Option(min=1, max=100_000, help="Rows checked and written at once.")] = (
        BATCH_SIZE
    ),
) -> None:
    """Import trade figures (our columns, or UN Comtrade's export layout) from FILE."""
    from app.imports.repository import ImportOptions

    options = ImportOptions(
        file_name=file.name,
        actor=actor or f"import:{file.name}"[:200],
        resource=ImportResource.trade_figures,
        layout=layout,
        format=EXTENSIONS.get(file.suffix.lower()),
        dry_run=dry_run,
        batch_size=batch_size,
    )
    report = run_import(file, options)
    typer.echo(summary(file, report))
    if report.rejected:
        for error in report.errors:
            typer.echo(f"  line {error.line}, {error.field}: {error.detail}", err=True)
        if report.errors_truncated:
            typer.echo(f"  … and {report.errors_truncated} more errors", err=True)
        typer.echo(f"{file.name}: rejected, nothing was imported", err=True)
        raise typer.Exit(1)


def run_import(file: Path, options: "ImportOptions") -> ImportReport:
    from app.db import make_engine, make_sessionmaker
    from app.imports.repository import import_file

    engine = make_engine(get_settings().database_url)
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

            return import_file(session, stream, options, progress)
    finally:
        engine.dispose()


def summary(file: Path, report: ImportReport) -> str:
    what = "rejected" if report.rejected else "imported" if report.applied else "dry run, nothing written"
    head = (
        f"{file.name} ({file_kind(report)}, {report.layout.value} layout, {report.records} rows): {what}: "
        f"inserted {report.inserted}, updated {report.updated}, unchanged {report.unchanged}, "
        f"skipped {report.skipped}, rejected {report.rejected}"
    )
    value = [f"  {skipped_value(report)}"] if report.skipped else []
    reasons = [f"  skipped {count}: {reason}" for reason, count in report.skipped_reasons.items()]
    source = [f"  rows without a citation cite the source {report.source_id}"] if report.source_id else []
    return "\n".join([head, *value, *reasons, *source])


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
