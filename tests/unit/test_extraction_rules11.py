"""rules-11: weekdays told after an undated mention, visits of unstated rank, consultations,
initialling, standing bodies and project head words, from sentences of our own (issue 12)."""

from datetime import date
from typing import Any

import pytest
from extraction_support import check_all, of_kind

from app.extraction import Proposal, extract

# A Thursday: "on Tuesday" is the 13th, "on Monday" the 12th.
PUBLISHED = date(2026, 3, 15)


def read(text: str, language: str, published: date = PUBLISHED) -> list[Proposal]:
    proposals = extract(text, language=language, published=published)
    check_all(text, proposals)
    return proposals


def bodies(text: str, language: str, kind: str, published: date = PUBLISHED) -> list[dict[str, Any]]:
    return [p.body for p in of_kind(read(text, language, published), kind)]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "ТБИЛИСИ, 12 марта. Об этом сообщил сопредседатель межправительственной комиссии Армении и "
            "Грузии.\n\nОчередное заседание комиссии прошло во вторник. По итогам заседания "
            "подписаны три меморандума.",
            "ru",
        ),
        (
            "TBILISI, 12 March. The co-chair of the Armenian-Georgian intergovernmental commission said so."
            "\n\nThe commission meeting was held on Tuesday. Three memoranda were signed after it.",
            "en",
        ),
    ],
)
def test_a_weekday_told_after_an_undated_mention_dates_the_event_and_its_signing(
    text: str, language: str
) -> None:
    [event] = bodies(text, language, "event", date(2026, 3, 12))
    assert (event["type"], event["date"]) == ("intergovernmental_commission", "2026-03-10")
    [agreement] = bodies(text, language, "agreement", date(2026, 3, 12))
    assert agreement["date"] == "2026-03-10"


@pytest.mark.parametrize(
    ("text", "language", "status", "when"),
    [
        ("На май намечен визит Премьер-министра Армении в Тбилиси.", "ru", "planned", "2026-05"),
        (
            "Президенты Армении и Грузии договорились продолжить диалог осенью в Ереване, "
            "в рамках ответного визита.",
            "ru",
            "planned",
            "2026-09/2026-11",
        ),
        ("The Prime Minister of Armenia visited Tbilisi on 2 March.", "en", "held", "2026-03-02"),
    ],
)
def test_a_visit_of_unstated_rank_is_a_visit(text: str, language: str, status: str, when: str) -> None:
    [event] = bodies(text, language, "event")
    assert (event["type"], event.get("status", "held"), event["date"]) == ("visit", status, when)
    assert set(event["countries"]) == {"AM", "GE"}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "The next round of consultations between Armenia and Georgia will take place in Yerevan in May.",
            "en",
        ),
        ("Следующий раунд консультаций Армении и Грузии пройдёт в Ереване в мае.", "ru"),
    ],
)
def test_a_round_of_consultations_is_talks(text: str, language: str) -> None:
    [event] = bodies(text, language, "event")
    assert (event["type"], event["status"], event["date"]) == ("talks", "planned", "2026-05")


def test_a_document_named_consultations_is_no_talks() -> None:
    text = "On 2 March Armenia and Georgia signed the Plan of Consultations between the Ministries."
    assert bodies(text, "en", "event") == []


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "A memorandum between Armenia and Georgia on tourism was initialled. It is planned to be "
            "signed at the commission meeting in the autumn.",
            "en",
        ),
        (
            "Армения и Грузия парафировали меморандум о туризме. Его планируется подписать осенью на "
            "заседании комиссии.",
            "ru",
        ),
    ],
)
def test_an_initialled_document_is_proposed_and_dated_by_its_signing(text: str, language: str) -> None:
    [agreement] = bodies(text, language, "agreement")
    assert (agreement["status"], agreement["date"]) == ("proposed", "2026-09/2026-11")


def test_an_intention_to_sign_is_a_proposed_agreement() -> None:
    text = "Соглашение о туризме Армения и Грузия намерены подписать в мае."
    [agreement] = bodies(text, "ru", "agreement")
    assert (agreement["status"], agreement["date"]) == ("proposed", "2026-05")


def test_a_signing_in_the_paragraph_after_a_held_meeting_is_dated_by_it() -> None:
    text = (
        "YEREVAN, 13 March. The foreign ministers of Armenia and Georgia met in Yerevan on Monday."
        "\n\nThe ministers signed a memorandum on tourism, the ministry said."
    )
    [agreement] = bodies(text, "en", "agreement", date(2026, 3, 13))
    assert agreement["date"] == "2026-03-09"


@pytest.mark.parametrize(
    ("text", "language", "event_type"),
    [
        (
            "The twelfth meeting of the Armenia–Georgia Supreme Strategic Committee was held on 2 March.",
            "en",
            "interstate_council",
        ),
        (
            "The first meeting of the joint trade committee of Armenia and Georgia is planned "
            "in Yerevan in May.",
            "en",
            "intergovernmental_commission",
        ),
    ],
)
def test_standing_committees_the_vocabulary_lacked(text: str, language: str, event_type: str) -> None:
    [event] = bodies(text, language, "event")
    assert event["type"] == event_type
    assert set(event["countries"]) == {"AM", "GE"}


@pytest.mark.parametrize(
    ("text", "language", "kind", "name"),
    [
        (
            "Мультимодальный маршрут Гюмри — Поти работает с прошлого года.",
            "ru",
            "transport_corridor",
            "Мультимодальный маршрут Гюмри–Поти",
        ),
        (
            "Armenia and Georgia discussed the Gyumri solar power plant.",
            "en",
            "other",
            "Солнечная электростанция Гюмри",
        ),
        (
            "Armenia and Georgia launched a weekly ro-ro service Poti–Burgas.",
            "en",
            "ferry_line",
            "Ро-ро линия Поти–Бургас",
        ),
    ],
)
def test_project_head_words_the_vocabulary_lacked(text: str, language: str, kind: str, name: str) -> None:
    [project] = bodies(text, language, "infrastructure_project")
    assert (project["kind"], project["name_ru"]) == (kind, name)


def test_a_head_words_adjective_takes_the_nouns_gender() -> None:
    text = "Стороны обсудили запуск мультимодального маршрута Гюмри — Поти."
    [project] = bodies(text, "ru", "infrastructure_project")
    assert project["name_ru"] == "Мультимодальный маршрут Гюмри–Поти"


def test_a_plants_capacity_is_no_name() -> None:
    text = "An Armenian-Georgian consortium started building a 200 MW solar power plant in Georgia."
    assert bodies(text, "en", "infrastructure_project") == []
