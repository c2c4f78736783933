"""rules-17 events: mechanisms of event, agreement and project recall that recur across sets by
different authors, from sentences of our own, each failing without its rule."""

from datetime import date
from typing import Any

import pytest
from extraction_support import checked_bodies

PUBLISHED = date(2025, 8, 20)


def events(text: str, language: str, published: date = PUBLISHED) -> list[dict[str, Any]]:
    return checked_bodies(text, language, "event", published)


def statuses(bodies: list[dict[str, Any]]) -> list[tuple[str, str]]:
    return sorted((body.get("status", "held"), body["date"]) for body in bodies)


# A postponed or moved event (bench/extraction/README.md): called off on its old dates, planned on
# its new ones; one event, called off, when no new time is told.
@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "Заседание межправительственной комиссии Армении и Грузии, которое планировалось провести "
            "в сентябре в Ереване, перенесено на декабрь.",
            "ru",
            [("cancelled", "2025-09"), ("planned", "2025-12")],
        ),
        (
            "The official visit of the Armenian Prime Minister to Georgia, originally set for "
            "4–5 September, has been moved to October.",
            "en",
            [("cancelled", "2025-09-04/2025-09-05"), ("planned", "2025-10")],
        ),
        (
            "Стороны условились, что заседание межправительственной комиссии Армении и Грузии, "
            "первоначально намеченное на июль, пройдёт в ноябре.",
            "ru",
            [("cancelled", "2025-07"), ("planned", "2025-11")],
        ),
        (
            "А вот заседание межправительственной комиссии Армении и Грузии, которое должно было пройти "
            "в Ереване в июле, пришлось отложить: его проведут в октябре.",
            "ru",
            [("cancelled", "2025-07"), ("planned", "2025-10")],
        ),
        (
            "The next session of the Armenia–Georgia intergovernmental commission, postponed from June, "
            "is now expected in Yerevan in November.",
            "en",
            [("cancelled", "2025-06"), ("planned", "2025-11")],
        ),
    ],
)
def test_a_moved_event_is_called_off_on_its_old_dates_and_planned_on_its_new_ones(
    text: str, language: str, expected: list[tuple[str, str]]
) -> None:
    bodies = events(text, language)
    assert statuses(bodies) == expected
    assert len({body["type"] for body in bodies}) == 1
    assert len({body["id"] for body in bodies}) == 2


@pytest.mark.parametrize(
    ("text", "language", "when"),
    [
        (
            "A meeting of the Armenian–Georgian intergovernmental commission that had been planned for "
            "July in Tbilisi was postponed, officials said, without naming a new date.",
            "en",
            "2025-07",
        ),
        ("The Armenia–Georgia joint commission was supposed to meet in June.", "en", "2025-06"),
    ],
)
def test_a_postponed_event_with_no_new_time_is_called_off_on_its_old_dates(
    text: str, language: str, when: str
) -> None:
    assert statuses(events(text, language)) == [("cancelled", when)]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # the time of the event the documents wait for, not an old one
        (
            "Подписание шести документов Армении и Грузии отложено до визита президента Армении в "
            "Тбилиси, намеченного на ноябрь.",
            "ru",
        ),
        # a time told with no word of moving is the event's own
        ("The Armenia–Georgia joint commission, scheduled for November, will meet in Yerevan.", "en"),
    ],
)
def test_a_time_scheduled_before_is_the_events_own_without_a_word_of_moving_after_it(
    text: str, language: str
) -> None:
    assert statuses(events(text, language)) == [("planned", "2025-11")]


def sectors(text: str, language: str) -> list[str]:
    [body] = checked_bodies(text, language, "agreement", PUBLISHED)
    return sorted(body["sectors"])


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("12 августа Армения и Грузия подписали соглашение об избежании двойного налогообложения.", "ru"),
        ("On 12 August Armenia and Georgia signed an agreement on the avoidance of double taxation.", "en"),
    ],
)
def test_double_taxation_is_finance(text: str, language: str) -> None:
    assert sectors(text, language) == ["finance"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "12 августа Армения и Грузия подписали три меморандума — в области образования, энергетики "
            "и здравоохранения.",
            "ru",
        ),
        ("On 12 August Armenia and Georgia signed memoranda on education, energy and health care.", "en"),
    ],
)
def test_health_care_is_another_area_beside_the_named_ones(text: str, language: str) -> None:
    assert sectors(text, language) == ["education", "energy", "other"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Заседание межправительственной комиссии Армении и Грузии прошло 12 августа в Ереване.\n\n"
            "Товарооборот двух стран растёт.\n\nВ рамках заседания подписаны три меморандума.",
            "ru",
        ),
        (
            "The Armenia–Georgia intergovernmental commission met in Yerevan on 12 August.\n\n"
            "Trade between the two countries is growing.\n\nThree memoranda were signed at the session.",
            "en",
        ),
    ],
)
def test_documents_signed_at_the_session_are_dated_by_the_session_told_before(
    text: str, language: str
) -> None:
    [body] = checked_bodies(text, language, "agreement", PUBLISHED)
    assert (body["status"], body["date"]) == ("signed", "2025-08-12")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "The Armenia–Georgia intergovernmental commission closed in Yerevan on 14 August after two "
            "days of meetings.",
            "en",
        ),
        (
            "Заседание межправительственной комиссии Армении и Грузии завершилось 14 августа в Ереване. "
            "Двухдневную работу возглавили вице-премьеры.",
            "ru",
        ),
    ],
)
def test_a_meeting_that_closed_on_the_day_told_began_as_many_days_before_as_it_lasted(
    text: str, language: str
) -> None:
    [body] = events(text, language)
    assert body["date"] == "2025-08-13/2025-08-14"


@pytest.mark.parametrize(
    "text",
    [
        "Премьер-министр Армении подтвердил намерение посетить Грузию с официальным визитом в ноябре.",
        "Премьер-министр Армении планирует посетить Грузию с официальным визитом в ноябре.",
    ],
)
def test_an_intention_to_visit_is_a_planned_visit(text: str) -> None:
    [body] = events(text, "ru")
    assert (body["type"], body.get("status", "held"), body["date"]) == (
        "official_visit",
        "planned",
        "2025-11",
    )


@pytest.mark.parametrize(
    ("words", "when"),
    [
        ("в первой декаде ноября", "2025-11-01/2025-11-10"),
        ("во второй декаде ноября", "2025-11-11/2025-11-20"),
        ("в третьей декаде ноября", "2025-11-21/2025-11-30"),
    ],
)
def test_ten_days_of_a_month_are_a_window_of_their_days(words: str, when: str) -> None:
    [body] = events(
        f"Заседание межправительственной комиссии Армении и Грузии пройдёт в Ереване {words}.", "ru"
    )
    assert (body.get("status", "held"), body["date"]) == ("planned", when)
