"""A project planned as a verb's object, works told beside another project's later start, a year's
"figure", and a visit a document waits for (the kinds holdout-29's misses showed; see
docs/benchmarks/2026-12-05-extraction-holdout29-misses.md). Sentences of our own."""

from datetime import date
from typing import Any

import pytest

from app.extraction import extract
from tests.unit.extraction_support import checked_bodies


def bodies(text: str, kind: str, published: date = date(2026, 6, 30)) -> list[dict[str, Any]]:
    return checked_bodies(text, "en", kind, published)


@pytest.mark.parametrize(
    "verb", ["plan a", "are planning a", "planned a", "plan the"], ids=["plan", "planning", "planned", "the"]
)
def test_a_ferry_line_the_firms_plan_is_planned(verb: str) -> None:
    text = (
        "Trade between Georgia and Greece grew last year. Two shipping companies "
        f"{verb} ferry line between Batumi and Piraeus, with a first crossing hoped for next summer."
    )
    assert [b["status"] for b in bodies(text, "infrastructure_project")] == ["planned"]


def test_a_ferry_line_already_sailing_still_operates() -> None:
    text = (
        "Trade between Georgia and Greece grew last year. The ferry line between Batumi and Piraeus "
        "has been operating since 2024."
    )
    assert [b["status"] for b in bodies(text, "infrastructure_project")] == ["operating"]


@pytest.mark.parametrize("contrast", [", while", ", whereas", ", but"])
def test_works_under_way_beside_another_project_due_to_start_later(contrast: str) -> None:
    text = (
        "Uzbekistan and Kuwait expanded their cooperation. A Kuwaiti fund will finance the repair of "
        "the Bukhara irrigation canal, which is due to start in the autumn"
        f"{contrast} Kuwaiti builders are already building a warehouse complex near Navoi airport."
    )
    found = {b["name_en"]: b["status"] for b in bodies(text, "infrastructure_project")}
    assert found.get("Warehouse complex near Navoi airport") == "under_construction", found


@pytest.mark.parametrize("then", [" will start next spring.", "; the works are to begin next spring."])
def test_works_that_will_start_later_in_their_own_clause_are_planned(then: str) -> None:
    text = (
        "Uzbekistan and Kuwait expanded their cooperation. A Kuwaiti loan will pay for the "
        f"reconstruction of the Navoi-Uchkuduk road{then}"
    )
    assert [b["status"] for b in bodies(text, "infrastructure_project")] == ["planned"]


@pytest.mark.parametrize("noun", ["figure", "figures"])
def test_a_year_before_figure_dates_the_amount(noun: str) -> None:
    text = (
        "Trade between Uzbekistan and Kuwait reached $46.8 million last year. In the first seven "
        "months of this year it grew to $29.2 million. Kuwaiti statisticians put the 2025 "
        f"{noun} a little lower, at about $44 million."
    )
    periods = {b["value"]: b["period"] for b in bodies(text, "trade_figure", date(2026, 9, 23))}
    assert periods[44_000_000] == "2025"


@pytest.mark.parametrize("modal", ["should", "will", "shall"])
def test_a_visit_a_document_should_be_signed_during_is_ahead(modal: str) -> None:
    text = (
        "Tajikistan and Spain are building ties. Last November consultations between the two foreign "
        "ministries took place in Madrid. The Spanish foreign minister is expected in Dushanbe in "
        f"October, and a road transport agreement {modal} be signed during that visit."
    )
    visits = [(b["date"], b.get("status")) for b in bodies(text, "event") if b["type"] == "visit"]
    assert visits == [("2026-10", "planned")]


@pytest.mark.parametrize("buyers", ["Spanish buyers", "Spain", "customers in Spain"])
def test_goods_that_went_to_a_country_are_its_exports(buyers: str) -> None:
    text = (
        "Tajikistan and Spain are building ties. "
        f"Some 7,500 tonnes of Tajik cotton went to {buyers} last year."
    )
    found = [(b["indicator"], b["commodity"], b["value"]) for b in bodies(text, "trade_figure")]
    assert found == [("exports", "cotton", 7500)]


def test_a_share_that_went_to_a_country_is_no_figure() -> None:
    text = "Tajikistan and Spain are building ties. About 60% of Tajik cotton went to Spain last year."
    assert bodies(text, "trade_figure") == []


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "RIYADH, May 12 - Trade between Kazakhstan and Saudi Arabia grew. A Kazakh-Saudi business "
            "forum is taking place on Tuesday, with some 80 companies taking part.",
            "en",
        ),
        (
            "ЭР-РИЯД, 12 мая. Товарооборот Казахстана и Саудовской Аравии вырос. Во вторник проходит "
            "казахстанско-саудовский бизнес-форум.",
            "ru",
        ),
    ],
)
def test_a_business_forum_named_by_the_pair_is_their_forum(text: str, language: str) -> None:
    found = [
        (p.body["type"], p.body["date"], p.body["countries"])
        for p in extract(text, language=language, published=date(2026, 5, 12))
        if p.kind == "event"
    ]
    assert found == [("forum", "2026-05-12", ["KZ", "SA"])]


def test_a_business_forum_of_the_pair_with_no_time_is_no_event() -> None:
    text = "Trade between Kazakhstan and Saudi Arabia grew. A Kazakh-Saudi business forum is being prepared."
    assert bodies(text, "event") == []


def test_documents_signed_after_a_bare_session_belong_to_the_commission_not_the_forum() -> None:
    text = (
        "АСТАНА, 12 мая. Министры Казахстана и Саудовской Аравии во вторник провели в Астане третье "
        "заседание межправительственной комиссии. В среду в Астане проходит казахстанско-саудовский "
        "бизнес-форум.\n\nПо итогам заседания подписаны протокол комиссии и два меморандума."
    )
    proposals = extract(text, language="ru", published=date(2026, 5, 12))
    events = {p.body["id"]: p.body["type"] for p in proposals if p.kind == "event"}
    signed = [p.body for p in proposals if p.kind == "agreement"]
    assert [events.get(b.get("event", "")) for b in signed] == ["intergovernmental_commission"]
