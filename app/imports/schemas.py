from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints
from typing_extensions import TypeAliasType

from app.common.countries import CountryCode
from app.common.dates import Day

ImportFormat = TypeAliasType("ImportFormat", Literal["csv", "ndjson", "json"])


ImportCompression = TypeAliasType("ImportCompression", Literal["gzip"])


class ImportResource(StrEnum):
    """What a file holds: the path segment of the endpoint and the CLI's first argument."""

    trade_figures = "trade-figures"
    events = "events"
    agreements = "agreements"


class ImportLayout(StrEnum):
    """The columns a file uses: ours, UN Comtrade's (comtradeplus downloads and API responses), or
    those of the legacy comtrade.un.org exports (before 2023)."""

    generic = "generic"
    comtrade = "comtrade"
    comtrade_legacy = "comtrade-legacy"
    gdelt = "gdelt"
    icews = "icews"
    tfdd = "tfdd"


TRADE_LAYOUTS = (ImportLayout.generic, ImportLayout.comtrade, ImportLayout.comtrade_legacy)
# The layouts of each resource; the first is its default where the file cannot tell.
LAYOUTS: dict[ImportResource, tuple[ImportLayout, ...]] = {
    ImportResource.trade_figures: TRADE_LAYOUTS,
    ImportResource.events: (ImportLayout.gdelt, ImportLayout.icews),
    ImportResource.agreements: (ImportLayout.tfdd, ImportLayout.generic),
}


# An http(s) address with no white space or control character (a query string cannot carry those).
DATASET_URL = r"^https?://[^\s\x00-\x1f\x7f]+$"


class ImportParams(BaseModel):
    model_config = ConfigDict(extra="forbid")

    layout: ImportLayout | None = Field(
        None,
        description="Trade figures: `generic` (this API's trade-figure columns), `comtrade` (UN Comtrade's "
        "columns, as comtradeplus downloads and API responses have them) or `comtrade-legacy` (the "
        "comtrade.un.org layout used before 2023); without it the layout is recognized from the header or "
        "the first record. Events: `gdelt` (GDELT 1.0 event files, no header) or `icews` (ICEWS coded "
        "event data); without it a file with ICEWS's header is `icews`, any other `gdelt`. Agreements: "
        "`tfdd` (the Transboundary Freshwater Dispute Database's treaty table) or `generic` (this API's "
        "agreement fields, CSV or NDJSON); without it a file with a `title_en` column (or NDJSON, JSON) is "
        "`generic`, any other `tfdd`.",
    )
    dry_run: bool = Field(
        False,
        description="Check the whole file and report what it would change, without changing anything.",
    )
    s19_as: CountryCode | None = Field(
        None,
        description='Comtrade layouts: read UN Comtrade\'s partner S19 ("Other Asia, nes", code 490) as '
        "this country, answered as its alpha-2 code (Comtrade files S19 what it does not attribute to a "
        "country, in practice mostly Taiwan's trade). Without it S19 rows are skipped. The report's "
        "`notes` say how many rows were read so.",
        examples=["TW"],
    )
    filename: str | None = Field(
        None,
        min_length=1,
        max_length=255,
        pattern=r"^[^\x00-\x1f\x7f/\\]+$",
        description="The file's name: the title of the dataset source its rows cite, and part of the "
        "revisions' actor. Default `upload.csv` or `upload.ndjson`.",
        examples=["comtrade-az-2024.csv"],
    )
    title: Annotated[str, StringConstraints(min_length=1, max_length=1000, strip_whitespace=True)] | None = (
        Field(
            None,
            description="The dataset's title, for the source its records cite (default: the file's name).",
            examples=["ICEWS Coded Event Data, 2018"],
        )
    )
    publisher: (
        Annotated[str, StringConstraints(min_length=1, max_length=300, strip_whitespace=True)] | None
    ) = Field(None, description="Who publishes the dataset.", examples=["Harvard Dataverse"])
    url: Annotated[str, StringConstraints(max_length=2000, pattern=DATASET_URL)] | None = Field(
        None,
        description="Where the dataset is published (never fetched).",
        examples=["https://dataverse.harvard.edu/dataverse/icews"],
    )
    retrieved_on: Day | None = Field(
        None, description="When the file was taken from where it is published.", examples=["2026-12-01"]
    )


class ImportLineError(BaseModel):
    """One thing wrong with one line of an imported file."""

    line: int = Field(description="The 1-based line of the file (the first line of a multi-line CSV row).")
    field: str = Field(
        description="The column (or NDJSON key) at fault, as the file names it; `file` for the file as a "
        "whole."
    )
    detail: str = Field(description="What is wrong, for a person to read.")


class SkippedGroup(BaseModel):
    """Rows skipped for one thing they share."""

    label: str = Field(
        description="What the rows are: `World`, an area's code (`S19`, `_X`), `self-trade`, "
        "`flow MIF`, `by second partner`, `services`."
    )
    rows: int = Field(description="How many rows.")
    value: float = Field(description="Their value (US dollars for Comtrade layouts).")
    counted: bool = Field(
        description="Whether their value counts in `skipped_value` and `file_value`: false for totals over "
        "partners (World), whose value sums other rows', and for breakdowns (by second partner, mode of "
        "transport, customs procedure), parts of a total row."
    )


class ImportReport(BaseModel):
    """What an import did, or (with `dry_run`, or when the file is rejected) what it would have done."""

    resource: ImportResource = Field(description="What the file holds.")
    layout: ImportLayout = Field(description="The layout the file was read with.")
    format: ImportFormat = Field(
        description="`csv` (comma- or tab-separated, see `delimiter`), `ndjson`, or `json` (one document: "
        "an array of records, or an object whose `data` array holds them, as the Comtrade API answers)."
    )
    encoding: str | None = Field(
        None,
        description="The text encoding the file was read in: `utf-8`, or `cp1252`/`latin-1` when detected.",
    )
    delimiter: str | None = Field(
        None, description="CSV: what separates cells, `,` or a tab; null otherwise."
    )
    compression: ImportCompression | None = Field(None, description="`gzip` when the file was gzipped.")
    applied: bool = Field(
        description="True when the changes were written; false for a dry run or a rejected file (then "
        "nothing was written)."
    )
    source_id: str | None = Field(
        description="The dataset source standing for the file, which rows without a citation of their "
        "own cite (line by line); null when every row cites a text source."
    )
    records: int = Field(description="Rows read (CSV: not counting the header).")
    inserted: int = Field(description="Records created.")
    updated: int = Field(description="Existing records (same natural key) whose fields or citations changed.")
    unchanged: int = Field(description="Existing records the file states exactly as they are.")
    skipped: int = Field(
        description="Rows left out by design, not errors (Comtrade: partner World, areas that are no "
        "country, breakdowns of totals, …); `skipped_reasons` says why."
    )
    skipped_reasons: dict[str, int] = Field(description="How many rows were skipped, per reason.")
    skipped_groups: list[SkippedGroup] = Field(
        default_factory=list,
        description="The rows skipped, grouped by what they are (`World`, `S19`, `self-trade`, `flow MIF`, "
        "…), most rows first, each with its value.",
    )
    skipped_value: float | None = Field(
        None,
        description="Comtrade layouts: the value (US dollars) of the rows skipped, totals (partner World) "
        "and breakdowns aside (see `skipped_groups`); null for other layouts.",
    )
    file_value: float | None = Field(
        None,
        description="Comtrade layouts: the value (US dollars) of every row read, imported or skipped, "
        "totals (partner World) and breakdowns aside; null for other layouts.",
    )
    skipped_value_percent: float | None = Field(
        None,
        description="`skipped_value` as a percentage of `file_value` (one decimal): how much of the file's "
        "value the import left out. Null when there is no value to compare.",
    )
    grouped: int | None = Field(
        None,
        description="Events and agreements: rows that tell of an event (a treaty) another row tells of too, "
        "and were joined to it (the record cites them all); null for trade figures.",
    )
    notes: list[str] = Field(
        default_factory=list,
        description="What was left out of records that were imported, line by line (a treaty's party "
        "whose code and name disagree, a row that cannot be read), and for Comtrade layouts what was "
        "read by request or left out of a row (S19 read as a country, a quantity in a unit not kept); "
        "at most 100.",
    )
    rejected: int = Field(description="Rows with at least one error. Any rejected row rejects the file.")
    errors: list[ImportLineError] = Field(
        description="The errors, in file order: at most 100 (see `errors_truncated`)."
    )
    errors_truncated: int = Field(description="How many further errors there were and are not listed.")
