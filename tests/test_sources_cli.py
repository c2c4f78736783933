"""`bilateral sources add FILE…`: each file a source with its candidates, or refused with the reason."""

from pathlib import Path
from typing import Any, get_args

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from app import cli
from app.candidates import repository
from app.db import make_engine
from app.extraction import Proposal
from app.models import Candidate, Revision, Source
from app.sources.cli import KINDS, heading
from app.sources.schemas import TextSourceKind
from tests.conftest import Database

TEXT = "Talks in Baku\n\nThe ministers met in Baku on 3 March 2026 and agreed to meet again.\n"


@pytest.fixture(autouse=True)
def extractor(monkeypatch: pytest.MonkeyPatch) -> None:
    def fake(text: str, **_: Any) -> list[Proposal]:
        start = text.index("The ministers")
        body = {"name_en": "Baku", "name_ru": "Баку", "kind": "city", "country": "AZ", "id": "baku-2"}
        return [Proposal("place:baku-2", "place", body, start, text.index("again.") + 6, 0.5)]

    monkeypatch.setattr(repository, "extract", fake)


def stored(database: Database) -> tuple[list[Source], list[Candidate], list[Revision]]:
    engine = make_engine(database.url)
    try:
        with Session(engine) as session:
            sources = list(
                session.scalars(select(Source).where(Source.id != "velizade-2025-az-kz-relations"))
            )
            candidates = list(session.scalars(select(Candidate)))
            revisions = list(
                session.scalars(
                    select(Revision).where(
                        Revision.record_type == "source",
                        Revision.record_id != "velizade-2025-az-kz-relations",
                    )
                )
            )
            return sources, candidates, revisions
    finally:
        engine.dispose()


def test_adding_files_stores_each_with_its_candidates(cli_database: Database, tmp_path: Path) -> None:
    article = tmp_path / "talks.txt"
    article.write_text(TEXT)
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Ministers meet</title></head><body><article>"
        "<p>The ministers met in Baku on 3 March 2026 and agreed to meet again.</p></article></body></html>"
    )
    result = CliRunner().invoke(
        cli.app,
        ["sources", "add", str(article), str(page), "--kind", "wire_report", "--published", "2026-03"],
    )
    assert result.exit_code == 0, result.output
    assert "2 added, 0 refused, 2 candidates proposed, 0 held back" in result.output
    sources, candidates, revisions = stored(cli_database)
    assert sorted(source.title for source in sources) == ["Ministers meet", "Talks in Baku"]
    assert [(source.language, source.publication_year) for source in sources] == [("en", 2026)] * 2
    assert {candidate.source_id for candidate in candidates} == {source.id for source in sources}
    assert [revision.actor for revision in revisions] == ["cli:sources-add"] * 2


def test_a_bad_file_is_refused_and_the_others_are_added(cli_database: Database, tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(TEXT)
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x7fELF\x00\x01\x02")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Caf\xe9 talks".encode("latin-1"))
    result = CliRunner().invoke(cli.app, ["sources", "add", str(good), str(empty), str(binary), str(latin)])
    assert result.exit_code == 1
    assert "1 added, 3 refused" in result.output
    assert "empty.txt: refused: the file is empty" in result.output
    assert "binary.txt: refused: the file is binary" in result.output
    assert "latin.txt: refused: the file is not UTF-8 text" in result.output
    sources, _, _ = stored(cli_database)
    assert [source.title for source in sources] == ["Talks in Baku"]


def test_title_and_url_name_one_source(cli_database: Database, tmp_path: Path) -> None:
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(TEXT)
    second.write_text(TEXT)
    result = CliRunner().invoke(cli.app, ["sources", "add", str(first), str(second), "--title", "T"])
    assert result.exit_code == 2 and stored(cli_database)[0] == []


def test_a_heading_is_a_short_first_line_that_is_not_a_sentence() -> None:
    assert heading("Talks in Baku\n\nText.") == "Talks in Baku"
    assert heading("The ministers met in Baku.\nMore.") is None
    assert heading("Only one line") is None


def test_a_confidence_floor_holds_back_facts_under_it_and_the_summary_counts_them(
    cli_database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def unsure(text: str, **_: Any) -> list[Proposal]:
        start, end = text.index("The ministers"), text.index("again.") + 6
        place = {"name_en": "Baku", "name_ru": "Баку", "kind": "city", "country": "AZ", "id": "baku-2"}
        meeting = {"type": "talks", "title_en": "Talks in Baku", "date": "2026-03-03", "countries": ["AZ"]}
        return [
            Proposal("place:baku-2", "place", place, start, end, 0.9),
            Proposal("event:1", "event", meeting, start, end, 0.4, ("place:baku-2",)),
        ]

    monkeypatch.setattr(repository, "extract", unsure)
    article = tmp_path / "talks.txt"
    article.write_text(TEXT)
    result = CliRunner().invoke(cli.app, ["sources", "add", str(article), "--confidence-min", "0.5"])
    assert result.exit_code == 0, result.output
    assert "0 candidates, 2 held back under 0.5" in result.output
    assert (
        "1 added, 0 refused, 0 candidates proposed, 2 held back under the confidence floor" in result.output
    )
    [source], candidates, _ = stored(cli_database)
    assert (source.confidence_min, source.held_back, candidates) == (0.5, 2, [])

    refused = CliRunner().invoke(cli.app, ["sources", "add", str(article), "--confidence-min", "2"])
    assert refused.exit_code == 2 and "confidence-min" in refused.output


def test_the_help_lists_every_kind_a_text_source_can_be() -> None:
    assert list(get_args(TextSourceKind.__value__)) == KINDS
