"""Bulk import of trade figures (app.imports): layouts, provenance, upserts, history, all or nothing.

Each test runs on SQLite and PostgreSQL, inside the rolled-back transaction of the `session` fixture;
the command-line tests get a database of their own, since the command commits.
"""

import gc
import hashlib
import io
from datetime import date
from pathlib import Path
from typing import Any

import orjson
import pytest
from sqlalchemy import Connection, func, select, text
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from app import cli
from app import revisions as app_revisions
from app.curation import writes
from app.db import Base, make_engine
from app.imports import reading, store
from app.imports.repository import ImportOptions, dataset_source_id, import_file
from app.imports.repository import _older_objects_frozen as older_objects_frozen
from app.imports.schemas import ImportLayout, ImportReport
from app.models import (
    Citation,
    DataState,
    Revision,
    SearchDocument,
    SearchRecordType,
    Source,
    SourceKind,
    TradeFigure,
)
from app.revisions import STAGING
from app.search.repository import rebuild_search_index, search
from app.search.schemas import SearchParams
from app.trade import repository as trade_repository
from tests.conftest import UNFREEZES, Database
from tests.figures import year_figure

FIXTURES = Path(__file__).parent / "fixtures" / "imports"
HEADER = "reporter,partner,indicator,period,value,value_upper,unit,bound,status\n"
SEED_SOURCE = "velizade-2025-az-kz-relations"


def run(
    session: Session, content: bytes | str | Path, name: str = "test.csv", **options: Any
) -> ImportReport:
    if isinstance(content, Path):
        name, content = content.name, content.read_bytes()
    data = content.encode() if isinstance(content, str) else content
    return import_file(
        session, io.BytesIO(data), ImportOptions(file_name=name, actor=f"import:{name}", **options)
    )


def snapshot(connection: Connection) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, in primary-key order."""
    tables = {}
    for table in Base.metadata.sorted_tables:
        order = list(table.primary_key.columns) or list(table.columns)
        rows = connection.execute(select(table).order_by(*order)).all()
        tables[table.name] = [tuple(row) for row in rows]
    return tables


def figure(session: Session, figure_id: str) -> TradeFigure:
    found = session.get(TradeFigure, figure_id, populate_existing=True)
    assert found is not None, figure_id
    return found


def citations(session: Session, figure_id: str) -> list[Citation]:
    statement = select(Citation).where(Citation.trade_figure_id == figure_id).order_by(Citation.id)
    return list(session.scalars(statement.execution_options(populate_existing=True)))


def revisions(session: Session, record_id: str) -> list[Any]:
    """The record's revisions (action, actor, changes): those committed, then those of this transaction,
    which wait in app.revisions' staging table until it commits."""
    session.flush()
    committed = select(Revision.action, Revision.actor, Revision.changes).where(
        Revision.record_id == record_id
    )
    staged = select(STAGING.c.action, STAGING.c.actor, STAGING.c.changes).where(
        STAGING.c.record_id == record_id
    )
    return [
        *session.execute(committed.order_by(Revision.id)),
        *session.execute(staged.order_by(STAGING.c.seq)),
    ]


def data_version(session: Session) -> int:
    return int(session.scalar(select(DataState.version)) or 0)


def errors(report: ImportReport) -> list[tuple[int, str]]:
    return [(error.line, error.field) for error in report.errors]


# --- the generic layout ---


def test_a_csv_file_becomes_figures_that_cite_it_line_by_line(session: Session) -> None:
    version = data_version(session)
    path = FIXTURES / "trade-figures.csv"
    report = run(session, path)
    assert report.applied and (report.inserted, report.updated, report.unchanged, report.rejected) == (
        5,
        0,
        0,
        0,
    )
    assert (report.layout, report.format, report.records) == (ImportLayout.generic, "csv", 5)

    exports = figure(session, "az-uz-exports-2024")
    assert (exports.value, exports.unit, exports.bound, exports.status) == (
        120000000,
        "USD",
        "approximate",
        "reported",
    )
    assert exports.note_ru == "Около 120 млн долларов." and exports.period_kind == "year"
    half = figure(session, "uz-az-exports-2025-h1-preliminary")
    assert (str(half.period_start), str(half.period_end), half.period_kind) == (
        "2025-01-01",
        "2025-06-30",
        "half_year",
    )
    growth = figure(session, "az-uz-trade-turnover-growth-2025-01-to-09-estimate")
    assert (growth.value, growth.value_upper, growth.bound) == (15, 20, "range")
    assert (str(growth.compared_period_start), str(growth.compared_period_end)) == (
        "2024-01-01",
        "2024-09-30",
    )
    transit = figure(session, "kz-az-oil-transit-2026-forecast")  # the file's own id
    assert transit.note_en == "More than 1.8 million tonnes;\na note on two lines."

    # The file is a source: its id comes from the bytes, its text describes it (it is not the data).
    source = session.get(Source, report.source_id)
    assert source is not None and report.source_id == dataset_source_id(
        hashlib.sha256(path.read_bytes()).hexdigest()
    )
    assert (source.kind, source.title) == (SourceKind.dataset, "trade-figures.csv")
    assert "SHA-256" in source.text and "120000000" not in source.text
    # Each figure cites its line, verbatim; a CSV row over two lines is cited from its first.
    lines = path.read_text(encoding="utf-8").split("\n")
    [cited] = citations(session, "az-uz-exports-2024")
    assert (cited.source_id, cited.line, cited.quote) == (source.id, 2, lines[1])
    assert (cited.paragraph, cited.char_start, cited.char_end) == (None, None, None)
    [two_lines] = citations(session, "kz-az-oil-transit-2026-forecast")
    assert two_lines.line == 5 and two_lines.quote == "\n".join(lines[4:6])
    # A row with a citation of its own cites that quote, located in its text source instead.
    [quoted] = citations(session, "az-kz-trade-turnover-2025-estimate")
    assert quoted.source_id == SEED_SOURCE and quoted.line is None
    seed_text = session.get(Source, SEED_SOURCE)
    assert seed_text is not None and seed_text.text[quoted.char_start : quoted.char_end] == quoted.quote

    # History: one revision per record, by the importer; the data version moved.
    [created] = revisions(session, "az-uz-exports-2024")
    assert (created.action, created.actor) == ("create", "import:trade-figures.csv")
    assert created.changes["value"] == [None, 120000000.0]
    assert created.changes["citations"] == [
        None,
        [{"source_id": source.id, "quote": lines[1], "paragraph": None, "line": 2}],
    ]
    assert [r.action for r in revisions(session, source.id)] == ["create"]
    session.commit()  # the data version moves as the import's transaction commits
    assert data_version(session) > version
    # Search documents are those the search index builds itself.
    assert not {key for key in rebuild_search_index(session) if not key.endswith("unchanged")}
    document = session.scalar(
        select(SearchDocument).where(
            SearchDocument.record_type == SearchRecordType.trade_figure,
            SearchDocument.record_id == "az-uz-exports-2024",
        )
    )
    assert document is not None and document.title_en == "Exports Azerbaijan–Uzbekistan, 2024"


def test_importing_the_same_file_again_changes_nothing(session: Session, connection: Connection) -> None:
    first = run(session, FIXTURES / "trade-figures.csv")
    session.commit()
    before, version = snapshot(connection), data_version(session)
    again = run(session, FIXTURES / "trade-figures.csv")
    session.commit()
    assert (again.inserted, again.updated, again.unchanged) == (0, 0, 5)
    assert again.source_id == first.source_id
    assert snapshot(connection) == before and data_version(session) == version


def test_an_import_in_a_server_leaves_what_its_start_up_froze_frozen(session: Session) -> None:
    # The suite froze what collecting built, as a server's lifespan freezes what start-up built.
    assert gc.get_freeze_count()
    unfrozen = UNFREEZES.count
    assert run(session, FIXTURES / "trade-figures.csv").inserted == 5
    assert UNFREEZES.count == unfrozen and gc.get_freeze_count()


def test_an_import_in_a_process_with_nothing_frozen_freezes_only_while_it_runs() -> None:
    gc.unfreeze()  # as in a command-line import's process, whose start-up froze nothing
    with older_objects_frozen():
        assert gc.get_freeze_count()
    assert gc.get_freeze_count() == 0


def test_ndjson_states_the_same_figures(session: Session) -> None:
    report = run(session, FIXTURES / "trade-figures.ndjson")
    assert (report.format, report.inserted, report.rejected) == ("ndjson", 5, 0)
    growth = figure(session, "az-uz-trade-turnover-growth-2025-01-to-09-estimate")
    assert (growth.value_upper, str(growth.compared_period_end)) == (20, "2024-09-30")
    # NDJSON lines are numbered as lines, blank ones included.
    assert citations(session, "az-uz-trade-turnover-growth-2025-01-to-09-estimate")[0].line == 4
    # The same figures in the other format: only the citation to the second file is new.
    again = run(session, FIXTURES / "trade-figures.csv")
    assert (again.inserted, again.updated, again.unchanged) == (0, 4, 1)


def test_a_changed_value_updates_the_figure_and_its_provenance(session: Session) -> None:
    run(session, HEADER + "AZ,UZ,exports,2024,120000000,,USD,approximate,reported\n", name="v1.csv")
    [old] = [c.source_id for c in citations(session, "az-uz-exports-2024")]
    report = run(session, HEADER + "AZ,UZ,exports,2024,125000000,,USD,exact,reported\n", name="v2.csv")
    assert (report.inserted, report.updated, report.unchanged) == (0, 1, 0)
    changed = figure(session, "az-uz-exports-2024")
    assert (changed.value, changed.bound, changed.version) == (125000000, "exact", 2)
    # The row of the first file quoted the number replaced: the figure now cites the second file.
    [new] = citations(session, "az-uz-exports-2024")
    assert new.source_id != old and new.quote.startswith("AZ,UZ,exports,2024,125000000")
    _, update = revisions(session, "az-uz-exports-2024")
    assert (update.action, update.actor) == ("update", "import:v2.csv")
    assert update.changes["value"] == [120000000.0, 125000000.0]
    assert update.changes["bound"] == ["approximate", "exact"]
    assert [c["source_id"] for c in update.changes["citations"][1]] == [new.source_id]


def test_updating_a_curated_figure_keeps_its_text_quotes_and_notes(session: Session) -> None:
    seed = figure(session, "az-kz-trade-turnover-2024")
    notes, quotes = seed.note_en, [c.quote for c in citations(session, seed.id)]
    report = run(session, HEADER + "AZ,KZ,trade_turnover,2024,540000000,,USD,approximate,reported\n")
    assert report.updated == 1
    updated = figure(session, "az-kz-trade-turnover-2024")
    assert updated.value == 540000000 and updated.note_en == notes  # no note columns: notes stay
    kept = citations(session, seed.id)
    assert [c.quote for c in kept if c.line is None] == quotes and len(kept) == len(quotes) + 1


def test_a_file_id_must_not_rename_a_figure(session: Session) -> None:
    content = "id," + HEADER + "renamed,AZ,KZ,trade_turnover,2024,533000000,,USD,approximate,reported\n"
    report = run(session, content)
    assert errors(report) == [(2, "id")] and "az-kz-trade-turnover-2024" in report.errors[0].detail


def test_a_row_of_a_figure_stored_under_another_id_cites_that_figure(session: Session) -> None:
    """A row without an id finds the figure by its natural key, whatever id the figure has."""
    run(session, "id," + HEADER + "own-id,AZ,KZ,exports,1999,5,,USD,exact,reported\n", name="a.csv")
    report = run(session, HEADER + "AZ,KZ,exports,1999,5,,USD,exact,reported\n", name="b.csv")
    assert (report.inserted, report.updated, report.unchanged) == (0, 1, 0)
    assert session.get(TradeFigure, "az-kz-exports-1999") is None
    assert [c.line for c in citations(session, "own-id")] == [2, 2]
    again = run(session, HEADER + "AZ,KZ,exports,1999,5,,USD,exact,reported\n", name="b.csv")
    assert (again.updated, again.unchanged) == (0, 1)


TEXT_CITED = (
    "reporter,partner,indicator,period,value,unit,bound,status{notes},citation_source_id,citation_quote\n"
    "AZ,KZ,trade_turnover,2025,700000000,USD,at_least,estimate{note},{source},{quote}\n"
)


def test_what_a_row_leaves_unchanged_is_recognized(session: Session) -> None:
    """A stored figure is unchanged when its content and one of its citations are what the row
    states: a quote is the same citation from any file; notes count only when the file has them."""
    quote = "годовой показатель может превысить 700 млн долларов"

    def content(notes: str, note: str) -> str:
        return TEXT_CITED.format(notes=notes, note=note, source=SEED_SOURCE, quote=quote)

    first = run(session, content(",note_en", ",A note."), name="a.csv")
    assert (first.inserted, first.updated) == (1, 0)
    figure_id = "az-kz-trade-turnover-2025-estimate"
    cited = [(c.source_id, c.line) for c in citations(session, figure_id)]
    assert cited == [(SEED_SOURCE, None)]
    for notes, note, expected in [
        (",note_en", ",A note.", (0, 1)),  # the same file again
        ("", "", (0, 1)),  # no note column: the note stays
        (",note_en,note_ru", ",A note.,", (0, 1)),  # note_ru empty, as stored
        (",note_en", ",Another note.", (1, 0)),
    ]:
        report = run(session, content(notes, note), name=f"{notes}{note}.csv")
        assert (report.updated, report.unchanged) == expected, (notes, note)
    assert figure(session, figure_id).note_en == "Another note."
    assert [(c.source_id, c.line) for c in citations(session, figure_id)] == cited


def test_revisions_have_the_shape_the_orm_hook_gives(session: Session) -> None:
    """Imports write revisions in bulk; they must read exactly like those of ORM changes."""
    savepoint = session.begin_nested()
    session.add(
        year_figure(
            "az-uz-exports-2024",
            2024,
            120000000.0,
            partner_id="UZ",
            bound="approximate",
            note_en="About 120 million dollars.",
            citations=[
                Citation(source_id=SEED_SOURCE, quote="годовой показатель", paragraph=None, line=None)
            ],
        )
    )
    session.flush()
    by_hook = revisions(session, "az-uz-exports-2024")[-1].changes
    savepoint.rollback()
    by_hook["citations"][1][0]["paragraph"] = None  # the ORM record's citation has no paragraph set
    header = (
        "reporter,partner,indicator,period,value,unit,bound,status,note_en,citation_source_id,citation_quote"
    )
    row = "AZ,UZ,exports,2024,120000000,USD,approximate,reported,About 120 million dollars."
    run(session, f"{header}\n{row},{SEED_SOURCE},годовой показатель\n")
    by_import = revisions(session, "az-uz-exports-2024")[-1].changes
    by_import["citations"][1][0]["paragraph"] = None
    assert by_import == by_hook


def test_a_new_figures_revision_is_the_one_app_revisions_makes(session: Session) -> None:
    """An import builds its create revisions in bulk: they must read back as app.revisions.created
    gives them for the stored figures, key for key, floats as floats (1e20 and 0.0 included), text
    with quotes, backslashes, line breaks and Cyrillic, a quote's paragraph."""
    header = (
        "reporter,partner,indicator,period,value,value_upper,unit,bound,status,compared_period,"
        "note_en,note_ru,citation_source_id,citation_quote,citation_paragraph\n"
    )
    rows = [
        'AZ,UZ,exports,2024,0.1,0.30000000000000004,USD,range,estimate,2023,"He said ""x"" \\ 5%\non two",'
        "Около,,,",
        "AZ,UZ,imports,2024,1e20,,USD,exact,reported,,,,,,",
        "UZ,AZ,imports,2024-07/2024-09,0,,USD,at_least,reported,,,,,,",
        f"AZ,KZ,transit_volume,2019,533000000,,tonnes,exact,forecast,,,,{SEED_SOURCE},годовой показатель,",
    ]
    report = run(session, header + "\n".join(rows) + "\n")
    assert report.applied and report.inserted == 4, report.errors
    figures = session.scalars(select(TradeFigure).where(TradeFigure.reporter_id.in_(["AZ", "UZ"])))
    checked = 0
    for stored in figures:
        [history] = [r for r in revisions(session, stored.id) if r.action == "create"]
        if history.actor != "import:test.csv":
            continue  # a seed figure
        content = {
            "id": stored.id,
            **{name: plain(getattr(stored, name)) for name in store.FIGURE_VALUE_COLUMNS},
            "citations": [
                {"source_id": c.source_id, "quote": c.quote, "paragraph": c.paragraph, "line": c.line}
                for c in citations(session, stored.id)
            ],
        }
        expected = app_revisions.created(content)
        assert orjson.dumps(history.changes) == orjson.dumps(expected)  # order, and 1.0 is not 1
        checked += 1
    assert checked == 4


def plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else getattr(value, "value", value)


# --- UN Comtrade's layout ---


def test_comtrade_export_rows_become_figures(session: Session) -> None:
    path = FIXTURES / "comtrade-annual.csv"
    report = run(session, path)
    # Five values, and the net weight of one of them (its kg are the weight again: not twice).
    assert (report.layout, report.inserted, report.skipped, report.rejected) == (
        ImportLayout.comtrade,
        6,
        3,
        0,
    )
    assert report.skipped_reasons == {
        "partner World: figures are between two countries": 1,
        "partner _X (Areas, nes) is not a country (an area or group of countries)": 1,
        "a breakdown by mode of transport (motCode not 0): only totals are imported": 1,
    }
    exports = figure(session, "az-kz-exports-2024")
    assert (exports.value, exports.unit, exports.bound, exports.status) == (
        187654321.5,
        "USD",
        "exact",
        "reported",
    )
    assert figure(session, "az-kz-imports-2024").value == 301234567.25
    # Estimated weights do not make the value an estimate; a value nobody reported is one.
    assert figure(session, "az-kz-exports-2710-2024").status == "reported"
    crude = figure(session, "kz-az-exports-2709-2024-estimate")
    assert (crude.commodity, crude.status, crude.value) == ("2709", "estimate", 98700000)
    lines = path.read_text(encoding="utf-8").split("\n")
    [cited] = citations(session, crude.id)
    assert (cited.line, cited.quote, cited.source_id) == (5, lines[4], report.source_id)
    # Re-exports are their own indicator; each value keeps its basis (FOB: fobvalue is primaryValue).
    re_exports = figure(session, "az-kz-re-exports-2024")
    assert (re_exports.indicator, re_exports.value, re_exports.valuation) == ("re_exports", 1234567, "fob")
    assert (figure(session, "az-kz-imports-2024").valuation, exports.aggregate_level) == ("cif", 0)
    # The weight: tonnes, estimated as isNetWgtEstimated says, linked to the value it was stated with.
    weight = figure(session, "az-kz-exports-2710-2024-estimate-tonnes")
    assert (weight.value, weight.unit, weight.status, weight.value_figure_id) == (
        5400,
        "tonnes",
        "estimate",
        "az-kz-exports-2710-2024",
    )
    assert (weight.valuation, weight.aggregate_level, citations(session, weight.id)[0].line) == (None, 4, 4)
    assert run(session, path).unchanged == 6


def test_deleting_a_value_figure_unlinks_its_quantities_with_a_revision(session: Session) -> None:
    run(session, FIXTURES / "comtrade-annual.csv")
    value = figure(session, "az-kz-exports-2710-2024")
    session.info[app_revisions.ACTOR_KEY] = "curator"
    writes.delete(session, trade_repository.WRITABLE, value, "*")
    weight = figure(session, "az-kz-exports-2710-2024-estimate-tonnes")
    assert (weight.value_figure_id, weight.version) == (None, 2)
    *_, unlinked = revisions(session, weight.id)
    assert (unlinked.action, unlinked.actor) == ("update", "curator")
    assert unlinked.changes == {"value_figure_id": ["az-kz-exports-2710-2024", None]}


def test_comtrade_monthly_ndjson(session: Session) -> None:
    report = run(session, FIXTURES / "comtrade-monthly.ndjson")
    assert (report.layout, report.format, report.inserted, report.skipped) == ("comtrade", "ndjson", 2, 1)
    march = figure(session, "kz-az-exports-2025-03")
    assert (str(march.period_start), str(march.period_end), march.period_kind) == (
        "2025-03-01",
        "2025-03-31",
        "month",
    )
    assert figure(session, "kz-az-imports-2025-04").value == 8250000.5


def test_comtrade_numeric_codes_without_iso_columns(session: Session) -> None:
    content = (
        "freqCode,period,reporterCode,partnerCode,flowCode,cmdCode,primaryValue\n"
        "A,2023,842,398,X,TOTAL,1000000\n"  # 842: the USA as Comtrade numbers it (ISO: 840)
        "A,2023,398,31,M,27,2500000\n"
    )
    report = run(session, content, layout=ImportLayout.comtrade)
    assert report.inserted == 2, report.errors
    assert figure(session, "us-kz-exports-2023").value == 1000000
    assert figure(session, "kz-az-imports-27-2023").commodity == "27"


def test_comtrade_quantities_in_their_units(session: Session) -> None:
    header = (
        "freqCode,period,reporterISO,partnerISO,flowCode,cmdCode,primaryValue,qty,qtyUnitAbbr,qtyUnitCode"
    )
    header += ",netWgt"
    content = (
        f"{header}\n"
        "A,2023,KAZ,AZE,RM,2709,1000,2500,kg,8,\n"  # kg without a weight: the weight, in tonnes
        "A,2023,KAZ,AZE,X,2208,700,350,l,7,400\n"  # litres, and the weight
        "A,2023,KAZ,AZE,M,3102,900,12,kg N,,\n"  # a unit not kept here: said, not guessed
        "A,2023,KAZ,AZE,X,2709,800,40,,5,\n"  # no abbreviation: the code says items
    )
    report = run(session, content, layout=ImportLayout.comtrade)
    assert (report.inserted, report.skipped) == (8, 0), report.errors
    assert report.notes == ["a quantity in 'kg N', a unit not kept here, left out: 1 row"]
    weight = figure(session, "kz-az-re-imports-2709-2023-tonnes")
    assert (weight.value, weight.indicator, weight.value_figure_id) == (
        2.5,
        "re_imports",
        "kz-az-re-imports-2709-2023",
    )
    assert figure(session, "kz-az-exports-2208-2023-litres").value == 350
    assert figure(session, "kz-az-exports-2208-2023-tonnes").value == 0.4
    assert figure(session, "kz-az-exports-2709-2023-items").value_figure_id == "kz-az-exports-2709-2023"
    # A re-import plans the values first, so each quantity still links to its value: nothing changes.
    assert run(session, content, layout=ImportLayout.comtrade).unchanged == 8


# --- rejected lines ---

BAD_LINES = [
    (HEADER + "XX,KZ,exports,2024,1,,USD,exact,reported\n", [(2, "reporter")]),
    (HEADER + "AZ,KZ,exports,2024-13,1,,USD,exact,reported\n", [(2, "period")]),
    (HEADER + "AZ,KZ,exports,2025/2024,1,,USD,exact,reported\n", [(2, "period")]),
    (HEADER + "AZ,KZ,exports,2024,1,5,USD,exact,reported\n", [(2, "value_upper")]),
    (HEADER + "AZ,KZ,exports,2024,1,,USD,range,reported\n", [(2, "value_upper")]),
    (HEADER + "AZ,KZ,exports,2024,10,5,USD,at_least,reported\n", [(2, "value_upper")]),
    (HEADER + "AZ,KZ,exports,2024,abc,,USD,exact,reported\n", [(2, "value")]),
    (HEADER + 'AZ,KZ,exports,2024,"1,5",,USD,exact,reported\n', [(2, "value")]),
    (HEADER + "AZ,KZ,exports,2024,nan,,USD,exact,reported\n", [(2, "value")]),
    (HEADER + "AZ,KZ,export,2024,1,,USD,exact,reported\n", [(2, "indicator")]),
    (HEADER + "AZ,AZ,exports,2024,1,,USD,exact,reported\n", [(2, "partner")]),
    (HEADER + "AZ,KZ,exports,2024,1,,furlongs,exact,guessed\n", [(2, "unit"), (2, "status")]),
    (HEADER + "AZ,KZ,exports,2024,1,,USD,exact\n", [(2, "status")]),
    (
        HEADER + "AZ,KZ,exports,2024,1,,USD,exact,reported\nAZ,KZ,exports,2024,2,,USD,exact,reported\n",
        [(3, "reporter, partner, indicator, commodity, period, status, unit")],
    ),
    (
        "reporter,partner,indicator,period,valeu,unit,bound,status\nAZ,KZ,exports,2024,1,USD,exact,reported\n",
        [(1, "valeu"), (1, "value")],
    ),
    ("id," + HEADER + "Not A Slug,AZ,KZ,exports,2024,1,,USD,exact,reported\n", [(2, "id")]),
    ("id," + HEADER + "az-kz-trade-turnover-2024,AZ,KZ,exports,2024,1,,USD,exact,reported\n", [(2, "id")]),
    (
        HEADER.replace("\n", ",citation_source_id,citation_quote\n")
        + f"AZ,KZ,exports,2024,1,,USD,exact,reported,{SEED_SOURCE},not in the text\n",
        [(2, "citation_quote")],
    ),
    (
        HEADER.replace("\n", ",citation_source_id,citation_quote\n")
        + "AZ,KZ,exports,2024,1,,USD,exact,reported,no-such-source,quote\n",
        [(2, "citation_source_id")],
    ),
    ('{"reporter": "AZ", "partner": "KZ"\n', [(1, "file")]),
    ('{"reporter": {"id": "AZ"}}\n', [(1, "reporter")]),
    (
        '{"reporter":"AZ","partner":"KZ","indicator":"exports","period":"2024","value":"x","unit":"USD",'
        '"bound":"exact","status":"reported","colour":"red"}\n',
        [(1, "value"), (1, "colour")],
    ),
    # UTF-8 (é is) with a byte that is not: the line's error (with no UTF-8 sequence at all, the file
    # would be read as cp1252: test_imports_real_files).
    (HEADER.encode() + b"AZ,KZ,exports,2024,1,,USD,exact,reported \xc3\xa9\xff\n", [(2, "file")]),
    ("", [(1, "file")]),
    (
        "freqCode,period,reporterISO,partnerISO,flowCode,cmdCode,primaryValue\nA,2024,AZE,KAZ,X,TOTAL,lots\n",
        [(2, "primaryValue")],
    ),
    (
        "freqCode,period,reporterISO,partnerISO,flowCode,cmdCode,primaryValue\nQ,2024,AZE,KAZ,X,TOTAL,1\n",
        [(2, "freqCode")],
    ),
    (
        "freqCode,period,reporterISO,partnerISO,flowCode,cmdCode,primaryValue\nM,2024,AZE,KAZ,,TOTAL,1\n",
        [(2, "flowCode"), (2, "period")],
    ),
    (
        "period,reporterISO,partnerISO,flowCode,primaryValue\n2024,AZE,KAZ,X,1\n",
        [(1, "freqCode"), (1, "cmdCode")],
    ),
]


@pytest.mark.parametrize(("content", "expected"), BAD_LINES)
def test_a_bad_line_rejects_the_file_naming_line_and_field(
    session: Session, connection: Connection, content: str | bytes, expected: list[tuple[int, str]]
) -> None:
    before = snapshot(connection)
    report = run(session, content)
    assert not report.applied and errors(report) == expected, report.errors
    assert report.rejected == len({line for line, _ in expected})
    assert (report.inserted, report.updated, report.unchanged) == (0, 0, 0)
    assert all(error.detail for error in report.errors)
    assert snapshot(connection) == before


def test_every_bad_line_is_reported_and_the_good_ones_are_not_written(
    session: Session, connection: Connection
) -> None:
    before = snapshot(connection)
    good = [f"AZ,KZ,exports,{year},{year},,USD,exact,reported" for year in range(2000, 2010)]
    bad_value, bad_status = "AZ,KZ,exports,2011,x,,USD,exact,reported", "AZ,KZ,exports,1999,1,,USD,exact,nope"
    rows = [*good[:3], bad_value, *good[3:], bad_status]
    # Batches of two: the first batches are written before the first bad line is read.
    report = run(session, HEADER + "\n".join(rows) + "\n", batch_size=2)
    assert errors(report) == [(5, "value"), (13, "status")] and report.rejected == 2
    assert report.records == 12 and not report.applied
    session.commit()  # as the API does after a rejected file: no revision and no new data version
    assert snapshot(connection) == before


def test_the_error_list_is_capped_and_the_rest_counted(session: Session) -> None:
    rows = "".join(f"AZ,KZ,exports,{2000 + n},x,,USD,exact,reported\n" for n in range(150))
    report = run(session, HEADER + rows)
    assert (report.rejected, len(report.errors), report.errors_truncated) == (150, 100, 50)
    assert report.errors[-1].line == 101


def test_a_duplicate_in_a_later_batch_is_found(session: Session) -> None:
    rows = [f"AZ,KZ,exports,{year},1,,USD,exact,reported" for year in range(1900, 2000)]
    report = run(session, HEADER + "\n".join([*rows, rows[10]]) + "\n", batch_size=7)
    assert errors(report) == [(102, "reporter, partner, indicator, commodity, period, status, unit")]
    assert "an earlier line" in report.errors[0].detail


def test_dry_run_reports_and_writes_nothing(session: Session, connection: Connection) -> None:
    before = snapshot(connection)
    report = run(session, FIXTURES / "trade-figures.csv", dry_run=True)
    assert (report.applied, report.inserted, report.rejected) == (False, 5, 0)
    assert snapshot(connection) == before


class SimulatedCrash(Exception):
    pass


@pytest.fixture
def crash_in_second_batch(monkeypatch: pytest.MonkeyPatch) -> None:
    """The importer dies half-way: inside the second batch's writes, after figures were inserted."""
    insert = store.Store.insert_staged
    calls = {"n": 0}

    def failing(self: store.Store, table: Any, lines: list[int]) -> None:
        calls["n"] += 1
        if calls["n"] == 4:  # a batch inserts figures, then citations
            raise SimulatedCrash("killed")
        insert(self, table, lines)

    monkeypatch.setattr(store.Store, "insert_staged", failing)


def generated(rows: int) -> str:
    return HEADER + "".join(f"AZ,KZ,exports,{1000 + n},{n},,USD,exact,reported\n" for n in range(rows))


@pytest.mark.usefixtures("crash_in_second_batch")
def test_a_crash_half_way_leaves_the_database_as_it_was(session: Session, connection: Connection) -> None:
    before = snapshot(connection)
    with pytest.raises(SimulatedCrash):
        run(session, generated(30), batch_size=10)
    assert snapshot(connection) == before


def fts_trigger(connection: Connection) -> str | None:
    query = "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'search_fts_insert'"
    return connection.exec_driver_sql(query).scalar()


@pytest.mark.usefixtures("crash_in_second_batch")
def test_a_crash_brings_the_search_trigger_back(session: Session, connection: Connection) -> None:
    """SQLite: the importer drops the trigger that indexes new search documents while it writes."""
    if connection.dialect.name != "sqlite":
        pytest.skip("SQLite's FTS5 trigger")
    trigger = fts_trigger(connection)
    with pytest.raises(SimulatedCrash):
        run(session, generated(30), batch_size=10)
    assert trigger is not None and fts_trigger(connection) == trigger


def test_search_finds_imported_figures_as_if_indexed_one_by_one(
    session: Session, connection: Connection
) -> None:
    """SQLite fills its FTS index a batch at a time during an import, not row by row through the
    trigger: the index must be the one the trigger builds, and the trigger there after."""
    trigger = fts_trigger(connection) if connection.dialect.name == "sqlite" else None
    run(session, generated(40), batch_size=7)
    # Updates too: the update trigger takes out of the index what the insert put in.
    changed = generated(40).replace("AZ,KZ,exports,1003,3,", "AZ,KZ,exports,1003,333,")
    report = run(session, changed, name="again.csv", batch_size=7)
    assert (report.inserted, report.updated) == (0, 40)

    def hits(q: str) -> list[tuple[str, str, float]]:
        found, _ = search(session, SearchParams(q=q, limit=100))
        return [(match.record_type.value, match.record_id, round(match.rank, 9)) for match in found]

    queries = ["exports Azerbaijan", "1003 333", "Экспорт Казахстан 1017", "again", "test"]
    found = {q: hits(q) for q in queries}
    assert [record_id for _, record_id, _ in found["1003 333"]] == ["az-kz-exports-1003"]
    assert len(found["Экспорт Казахстан 1017"]) == 1 and len(found["exports Azerbaijan"]) >= 40
    if trigger is None:
        return
    assert fts_trigger(connection) == trigger
    # FTS5 compares its index with the content table, row by row; then rebuilt, it ranks the same.
    connection.exec_driver_sql("INSERT INTO search_fts(search_fts, rank) VALUES ('integrity-check', 1)")
    connection.exec_driver_sql("INSERT INTO search_fts(search_fts) VALUES ('rebuild')")
    assert {q: hits(q) for q in queries} == found


def test_reading_streams(tmp_path: Path) -> None:
    """The reader holds one record at a time: after the first, little of a large file is read."""
    path = tmp_path / "large.csv"
    path.write_text(generated(100_000), encoding="utf-8")
    with path.open("rb") as stream:
        records = iter(reading.FileReader(stream, "csv"))
        first = next(records)
        assert isinstance(first, reading.Record) and first.line == 2
        assert stream.tell() < 64 * 1024 < path.stat().st_size


def read_all(data: bytes) -> list[tuple[Any, ...]]:
    """Each record or line error of a CSV file as plain values, with the bytes read once it is out."""
    reader = reading.FileReader(io.BytesIO(data), "csv")
    return [(type(item).__name__, *vars_of(item), reader.bytes_read) for item in reader]


def vars_of(item: reading.Record | reading.LineError) -> tuple[Any, ...]:
    return tuple(getattr(item, name) for name in item.__slots__)


def test_plain_lines_read_as_the_csv_module_reads_them(monkeypatch: pytest.MonkeyPatch) -> None:
    """Blocks of plain lines (no quote, NUL or stray carriage return) are split without the csv module:
    the records, errors, line numbers and bytes read are the same as line by line."""
    rows = ["AZ,KZ,exports,1", "", " , ,,", "AZ,KZ", "AZ,KZ,exports,1,2", "Ж,é,x,1", "AZ,KZ,  ,3 "]
    plain = "reporter,partner,indicator,value\r\n" + "\r\n".join(rows * 2000) + "\r\nAZ,KZ,imports,9"
    tricky = plain + '\nAZ,"K\nZ",x,1\nAZ,KZ,x\r,1\n' + "\n".join(rows * 2000) + "\n\xff\n"
    for content in (plain, tricky):
        data = content.encode().replace("\xff".encode(), b"\xff")
        fast = read_all(data)
        with monkeypatch.context() as patch:
            patch.setattr(reading, "_BLOCK", 0)  # no blocks: every line through the csv module
            assert read_all(data) == fast
        assert len(fast) > 10_000


# --- the command ---


def database_snapshot(database: Database) -> dict[str, list[tuple[Any, ...]]]:
    engine = make_engine(database.url)
    try:
        with engine.connect() as connection:
            return snapshot(connection)
    finally:
        engine.dispose()


def test_command_imports_and_summarizes(cli_database: Database) -> None:
    runner = CliRunner()
    path = str(FIXTURES / "comtrade-annual.csv")
    first = runner.invoke(cli.app, ["import", "trade-figures", path])
    assert first.exit_code == 0, first.output
    assert (
        "comtrade layout" in first.stdout and "inserted 6, updated 0, unchanged 0, skipped 3" in first.stdout
    )
    assert "skipped 1: partner World" in first.stdout
    again = runner.invoke(cli.app, ["import", "trade-figures", path])
    assert again.exit_code == 0 and "inserted 0, updated 0, unchanged 6" in again.stdout
    engine = make_engine(cli_database.url)
    try:
        with engine.connect() as connection:
            actors = connection.scalars(
                text("SELECT DISTINCT actor FROM revisions WHERE actor LIKE 'import:%'")
            )
            assert list(actors) == ["import:comtrade-annual.csv"]
    finally:
        engine.dispose()


def test_command_rejects_a_bad_file_with_the_errors(cli_database: Database, tmp_path: Path) -> None:
    before = database_snapshot(cli_database)
    path = tmp_path / "bad.csv"
    path.write_text(
        HEADER + "AZ,KZ,exports,2024,1,,USD,exact,reported\nAZ,XX,exports,2024,1,,USD,exact,reported\n"
    )
    result = CliRunner().invoke(cli.app, ["import", "trade-figures", str(path), "--actor", "analyst"])
    assert result.exit_code == 1
    assert "line 3, partner: unknown country 'XX'" in result.stderr
    assert "rejected, nothing was imported" in result.stderr
    assert database_snapshot(cli_database) == before


@pytest.mark.usefixtures("crash_in_second_batch")
def test_command_killed_half_way_leaves_the_database_as_it_was(
    cli_database: Database, tmp_path: Path
) -> None:
    before = database_snapshot(cli_database)
    path = tmp_path / "many.csv"
    path.write_text(generated(30))
    result = CliRunner().invoke(cli.app, ["import", "trade-figures", str(path), "--batch-size", "10"])
    assert isinstance(result.exception, SimulatedCrash)
    assert database_snapshot(cli_database) == before


def test_command_dry_run(cli_database: Database) -> None:
    before = database_snapshot(cli_database)
    result = CliRunner().invoke(
        cli.app, ["import", "trade-figures", str(FIXTURES / "trade-figures.ndjson"), "--dry-run"]
    )
    assert result.exit_code == 0 and "dry run, nothing written: inserted 5" in result.stdout
    assert database_snapshot(cli_database) == before


def test_counts_in_the_database_match_the_report(session: Session) -> None:
    before = session.scalar(select(func.count()).select_from(TradeFigure))
    report = run(session, generated(25), batch_size=4)
    assert (
        session.scalar(select(func.count()).select_from(TradeFigure))
        == (before or 0) + report.inserted
        == (before or 0) + 25
    )
