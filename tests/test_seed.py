"""The seed itself: every record cited, every quote verbatim at its offsets, every reference resolved,
and loading twice changes nothing."""

from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from app.models import (
    CITED_RECORD_COLUMNS,
    Agreement,
    Citation,
    Country,
    Event,
    InfrastructureProject,
    Organization,
    Person,
    Place,
    Source,
    TradeFigure,
)
from app.seeding import SeedError, read_dataset, seed_all
from app.sources.quotes import paragraph_spans
from tests.conftest import SEED_DIR

SEEDED_MODELS = [Event, Agreement, TradeFigure, InfrastructureProject, Organization, Person, Place]
DATASETS = sorted(SEED_DIR.glob("*.yaml"))


def test_there_is_a_seed_dataset() -> None:
    assert DATASETS


@pytest.mark.parametrize("path", DATASETS, ids=lambda path: path.name)
def test_seed_file_parses_and_cites_every_record(path: Path) -> None:
    dataset = read_dataset(path)
    groups = [
        dataset.countries,
        dataset.organizations,
        dataset.people,
        dataset.places,
        dataset.events,
        dataset.agreements,
        dataset.trade_figures,
        dataset.infrastructure_projects,
    ]
    for group in groups:
        ids = [record.id for record in group]
        assert len(ids) == len(set(ids)), "duplicate ids"
        assert all(record.citations for record in group)


def test_every_seeded_record_has_a_citation(session: Session) -> None:
    for model in SEEDED_MODELS:
        uncited = session.scalars(select(model.id).where(~model.citations.any())).all()  # type: ignore[attr-defined]
        assert session.scalar(select(func.count()).select_from(model)) > 0, model.__name__
        assert uncited == [], f"{model.__name__} without citations: {uncited}"


def test_every_quote_is_verbatim_at_its_offsets(session: Session) -> None:
    sources = {source.id: source.text for source in session.scalars(select(Source))}
    citations = session.scalars(select(Citation)).all()
    assert len(citations) > 40
    for citation in citations:
        text = sources[citation.source_id]
        assert text[citation.char_start : citation.char_end] == citation.quote
        start, end = paragraph_spans(text)[citation.paragraph - 1]
        assert start <= citation.char_start and citation.char_end <= end, citation.quote[:40]


def test_every_citation_points_at_exactly_one_existing_record(session: Session) -> None:
    for citation in session.scalars(select(Citation)):
        set_columns = [column for column in CITED_RECORD_COLUMNS.values() if getattr(citation, column)]
        assert len(set_columns) == 1
    # Foreign keys make dangling references impossible; check the relations the seed filled resolve.
    event = session.scalars(
        select(Event)
        .where(Event.id == "eco-summit-khankendi-2025")
        .options(selectinload(Event.location), selectinload(Event.organizations), selectinload(Event.people))
    ).one()
    assert (event.location and event.location.id, [o.id for o in event.organizations]) == (
        "khankendi",
        ["eco"],
    )
    assert [p.id for p in event.people] == ["kassym-jomart-tokayev"]


def test_all_iso_countries_are_loaded_with_russian_names(session: Session) -> None:
    assert session.scalar(select(func.count()).select_from(Country)) == 249
    kazakhstan = session.get_one(Country, "KZ")
    assert (kazakhstan.alpha3, kazakhstan.numeric, kazakhstan.name_ru) == ("KAZ", "398", "Казахстан")


def test_seeding_again_changes_nothing(session: Session) -> None:
    def snapshot() -> list[tuple[object, ...]]:
        rows: list[tuple[object, ...]] = []
        for model in [*SEEDED_MODELS, Country, Source]:
            rows += [tuple(row) for row in session.execute(select(model.__table__)).all()]  # type: ignore[attr-defined]
        rows += [tuple(row) for row in session.execute(select(Citation.__table__)).all()]
        return rows

    before = snapshot()
    report = seed_all(session, SEED_DIR)
    assert not report.changed(), report.summary()
    assert snapshot() == before


def test_a_quote_that_is_not_in_the_source_rejects_the_seed(session: Session, tmp_path: Path) -> None:
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "text.txt").write_text("Only this sentence.\n", encoding="utf-8")
    (tmp_path / "bad.yaml").write_text(
        "source: {id: s, title: t, author: null, language: en, publication_year: null, kind: article,"
        " url: null, text_file: sources/text.txt}\n"
        "organizations:\n"
        "  - {id: org, abbreviation_en: null, abbreviation_ru: null, name_en: O, name_ru: O,"
        " citations: [{paragraph: 1, quote: Not this one}]}\n",
        encoding="utf-8",
    )
    with pytest.raises(SeedError, match="not a verbatim part"):
        seed_all(session, tmp_path)


def test_an_unknown_reference_rejects_the_seed(session: Session, tmp_path: Path) -> None:
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "text.txt").write_text("Sentence about XX.\n", encoding="utf-8")
    (tmp_path / "bad.yaml").write_text(
        "source: {id: s, title: t, author: null, language: en, publication_year: null, kind: article,"
        " url: null, text_file: sources/text.txt}\n"
        "people:\n"
        "  - {id: someone, name_en: A, name_ru: A, role_en: null, role_ru: null, country: QQ,"
        " citations: [{paragraph: 1, quote: Sentence}]}\n",
        encoding="utf-8",
    )
    with pytest.raises(SeedError, match="someone: country: unknown id: QQ"):
        seed_all(session, tmp_path)
