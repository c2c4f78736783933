"""The seed article against its hand-curated reading (seed/azerbaijan-kazakhstan-2025.yaml)."""

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from extraction_support import check_all, of_kind

from app.extraction import EXTRACTOR_VERSION, LANGUAGES, Known, extract
from app.models import Candidate, Source

ROOT = Path(__file__).resolve().parents[2]
SEED = yaml.safe_load((ROOT / "seed" / "azerbaijan-kazakhstan-2025.yaml").read_text(encoding="utf-8"))
TEXT = (ROOT / "seed" / SEED["source"]["text_file"]).read_text(encoding="utf-8")
# The article reviews 2025 ("the outgoing year"); only its year is known, so it is read as of the
# year's last day, as the API reads a source dated by its year (app/candidates/repository.py).
PUBLISHED = date(2025, 12, 31)


@pytest.fixture(scope="module")
def proposals() -> list[Any]:
    return extract(TEXT, language="ru", published=PUBLISHED)


def test_public_surface() -> None:
    assert EXTRACTOR_VERSION and frozenset({"ru", "en"}) == LANGUAGES
    assert extract(TEXT, language="de") == []


def test_the_version_fits_the_columns_that_record_it() -> None:
    """PostgreSQL refuses a longer value (a 500 on adding a source); SQLite would not notice."""
    for column in (Source.__table__.c.extractor_version, Candidate.__table__.c.extractor_version):
        assert len(EXTRACTOR_VERSION) <= column.type.length, column


def test_every_proposal_validates_and_quotes_whole_sentences(proposals: list[Any]) -> None:
    check_all(TEXT, proposals)


def _figure_key(body: dict[str, Any]) -> tuple[Any, ...]:
    return (frozenset((body["reporter"], body["partner"])), body["indicator"], body["period"])


def test_the_seed_trade_figures_are_found_with_value_bound_status_and_period(proposals: list[Any]) -> None:
    found = {_figure_key(p.body): p.body for p in of_kind(proposals, "trade_figure")}
    for gold in SEED["trade_figures"]:
        body = found.get(_figure_key(gold))
        assert body is not None, gold["id"]
        for field in ("value", "value_upper", "unit", "bound", "status", "compared_period"):
            assert body.get(field) == gold.get(field), (gold["id"], field)
        assert body["commodity"] == gold["commodity"], gold["id"]
    kazakh_oil = next(
        p.body for p in of_kind(proposals, "trade_figure") if p.body["indicator"] == "transit_volume"
    )
    assert (kazakh_oil["reporter"], kazakh_oil["partner"]) == ("KZ", "AZ")


def test_the_seed_events_are_found_with_type_date_and_countries(proposals: list[Any]) -> None:
    events = [p.body for p in of_kind(proposals, "event")]
    for gold in SEED["events"]:
        match = [
            e
            for e in events
            if e["type"] == gold["type"]
            and e["date"] == gold["date"]
            and set(e["countries"]) == set(gold["countries"])
            and e["host_country"] == gold["host_country"]
        ]
        assert match, gold["id"]
    assert len(events) == len(SEED["events"])


def test_the_signing_is_one_package_linked_to_the_visit(proposals: list[Any]) -> None:
    (agreement,) = of_kind(proposals, "agreement")
    gold = SEED["agreements"][0]
    assert agreement.body["document_count"] is None
    assert agreement.body["sectors"] == gold["sectors"]
    assert (agreement.body["date"], agreement.body["status"]) == (gold["date"], gold["status"])
    (visit,) = [p for p in of_kind(proposals, "event") if p.body["type"] == "state_visit"]
    assert agreement.body["event"] == visit.body["id"] and agreement.requires == (visit.key,)


def test_the_seed_projects_are_found_with_kind_and_status(proposals: list[Any]) -> None:
    found = {p.body["id"]: p.body for p in of_kind(proposals, "infrastructure_project")}
    for gold in SEED["infrastructure_projects"]:
        assert gold["id"] in found, gold["id"]
        assert (found[gold["id"]]["kind"], found[gold["id"]]["status"]) == (gold["kind"], gold["status"])


def test_people_organizations_and_places_are_proposed_when_events_need_them(proposals: list[Any]) -> None:
    people = {p.body["id"]: p.body for p in of_kind(proposals, "person")}
    assert people["ilham-aliyev"]["name_ru"] == "Ильхам Алиев"
    assert people["kassym-jomart-tokayev"]["role_en"] == "President of Kazakhstan"
    assert {p.body["id"] for p in of_kind(proposals, "organization")} == {"eco", "ots"}
    summits = [p for p in of_kind(proposals, "event") if p.body["type"] == "summit"]
    assert {s.body["location"] for s in summits} == {"khankendi", "gabala"}
    assert all("place:" + s.body["location"] in s.requires for s in summits)


def test_known_records_are_referred_to_not_proposed_again() -> None:
    known = [
        Known("person", "ilham-aliyev", ("Ilham Aliyev", "Ильхам Алиев"), "AZ"),
        Known(
            "organization", "ots", ("Organization of Turkic States", "Организация тюркских государств", "ОТГ")
        ),
        Known("place", "gabala", ("Gabala", "Габала"), "AZ"),
        Known("infrastructure_project", "middle-corridor", ("Middle Corridor", "Срединный коридор")),
    ]
    proposals = extract(TEXT, language="ru", published=PUBLISHED, known=known)
    keys = {p.key for p in proposals}
    assert not keys & {
        "person:ilham-aliyev",
        "organization:ots",
        "place:gabala",
        "infrastructure_project:middle-corridor",
    }
    visit = next(p for p in of_kind(proposals, "event") if p.body["type"] == "state_visit")
    assert visit.body["people"] == ["ilham-aliyev"] and visit.requires == ()
    gabala = next(p for p in of_kind(proposals, "event") if p.body.get("location") == "gabala")
    assert gabala.body["organizations"] == ["ots"] and "place:gabala" not in gabala.requires
    check_all(TEXT, proposals)
