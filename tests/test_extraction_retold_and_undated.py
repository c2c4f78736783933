"""Consultations told again with their own day, a forum prepared for a trip, a target with no date,
a document approved by the act that ratified another, one foreign minister speaking, a plan of
consultations, a multiple told by a participle and a plant named by the work it does (the kinds
holdout-32's misses showed; see docs/benchmarks/2026-12-05-extraction-holdout32-misses.md).
Sentences of our own."""

from datetime import date

import pytest

from app.extraction import extract
from tests.unit.extraction_support import checked_bodies, of_kind

MARCH = date(2026, 3, 6)


def test_consultations_told_again_with_their_day_are_the_talks_just_told() -> None:
    text = (
        "TBILISI, Mar 6 (Invented Wire) - Georgia and Norway will open a joint trade office in Oslo in May, "
        "Georgia's deputy foreign minister said on Friday after political consultations with a visiting "
        "Norwegian state secretary.\n\n"
        "The consultations, held on Wednesday in Tbilisi, covered shipping and hydropower, the ministry said."
    )
    found = of_kind(extract(text, language="en", published=MARCH), "event")
    assert [(p.body["type"], p.body.get("status", "held"), p.body["date"]) for p in found] == [
        ("talks", "held", "2026-03-04")
    ]
    assert text[found[0].start : found[0].end].startswith("The consultations, held on Wednesday")


def test_a_forum_prepared_for_the_same_trip_takes_the_trip_s_month() -> None:
    text = (
        "Uzbekistan and Norway want more trade. The Norwegian trade minister is expected in Tashkent in "
        "April, and a business forum is being organised for the same trip."
    )
    found = checked_bodies(text, "en", "event", date(2026, 11, 20))
    assert sorted((b["type"], b["status"], b["date"]) for b in found) == [
        ("forum", "planned", "2027-04"),
        ("visit", "planned", "2027-04"),
    ]


@pytest.mark.parametrize(
    "said",
    [
        "Officials in Tashkent have spoken of a $2 billion target, but without any date attached.",
        "The two governments like to mention a $2 billion target for trade, yet set no date for it.",
        "A $2 billion target for trade has never been tied to a date.",
    ],
)
def test_a_target_told_with_no_date_is_no_figure(said: str) -> None:
    text = f"Trade between Uzbekistan and Norway could reach $400 million in 2027, analysts say. {said}"
    assert [(b["value"], b["period"]) for b in checked_bodies(text, "en", "trade_figure", MARCH)] == [
        (400_000_000, "2027")
    ]


def test_a_document_approved_by_the_same_resolution_is_ratified_too() -> None:
    text = (
        "Депутаты Сената Узбекистана ратифицировали соглашение с Норвегией о морском судоходстве, "
        "подписанное в Осло 3 марта 2026 года. Тем же постановлением одобрен меморандум о сотрудничестве "
        "в области энергетики, заключённый в тот же день."
    )
    found = checked_bodies(text, "ru", "agreement", date(2026, 11, 20))
    assert [(b["status"], b["date"]) for b in found] == [
        ("ratified", "2026-03-03"),
        ("ratified", "2026-03-03"),
    ]


def test_one_foreign_minister_speaking_is_no_meeting_of_ministers() -> None:
    speaking = (
        "Выступая в парламенте, заместитель министра иностранных дел Узбекистана напомнил, что товарооборот "
        "с Норвегией за девять месяцев вырос на 12 процентов."
    )
    assert checked_bodies(speaking, "ru", "event", MARCH) == []
    meeting = "Министры иностранных дел Узбекистана и Норвегии провели встречу в Осло 3 марта."
    assert [(b["type"], b["date"]) for b in checked_bodies(meeting, "ru", "event", MARCH)] == [
        ("ministerial_meeting", "2026-03-03")
    ]


def test_a_consultations_plan_signed_is_an_agreement() -> None:
    text = (
        "In May the foreign ministries of Georgia and Norway held political consultations in Oslo and signed "
        "a consultations plan for 2027-2029."
    )
    assert [(b["status"], b["date"]) for b in checked_bodies(text, "en", "agreement", date(2026, 9, 1))] == [
        ("signed", "2026-05")
    ]


@pytest.mark.parametrize(
    ("told", "indicator", "value"),
    [
        ("with Georgian exports to Norway doubling to USD 12 million", "exports_growth", 100),
        ("a jump of 25 percent", "trade_turnover_growth", 25),
    ],
    ids=["doubling to", "a jump of"],
)
def test_a_growth_told_by_a_participle_or_a_noun(told: str, indicator: str, value: float) -> None:
    text = f"Trade between Georgia and Norway reached USD 40 million in January-June 2026, {told}."
    found = checked_bodies(text, "en", "trade_figure", date(2026, 8, 1))
    assert [(b["indicator"], b["value"]) for b in found if b["indicator"].endswith("_growth")] == [
        (indicator, value)
    ]


def test_a_plant_named_by_its_goods_and_the_work_done_on_them() -> None:
    text = (
        "Kazakhstan and Sweden trade more. A Swedish group is building a copper smelting plant near Aktobe."
    )
    assert [
        (b["name_en"], b["kind"]) for b in checked_bodies(text, "en", "infrastructure_project", MARCH)
    ] == [("Copper smelting plant near Aktobe", "other")]
