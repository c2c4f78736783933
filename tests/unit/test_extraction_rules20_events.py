"""rules-20 events: a meeting whose old time is told in the past perfect ("had been due to meet",
"had been scheduled for") and moved or called off in words the earlier rules lacked ("put off",
"pushed back", "did not take place"); from sentences of our own (issue 12)."""

from datetime import date
from typing import Any

import pytest
from extraction_support import checked_bodies

PUBLISHED = date(2025, 8, 20)


def events(text: str, language: str = "en") -> list[dict[str, Any]]:
    return checked_bodies(text, language, "event", PUBLISHED)


def statuses(bodies: list[dict[str, Any]]) -> list[tuple[str, str]]:
    return sorted((body.get("status", "held"), body["date"]) for body in bodies)


# The convention of bench/extraction/README.md: a moved event is called off on its old dates and
# planned on its new ones; postponed with no new time, it is the event called off alone.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Kazakh–Mongolian intergovernmental commission, which had been due to meet in "
            "Ulaanbaatar in May but was put off at the request of the Mongolian side, will now convene "
            "there in October.",
            [("cancelled", "2025-05"), ("planned", "2025-10")],
        ),
        (
            "A Mongolian–Kazakh investment forum that was due to be held in Astana in June was pushed "
            "back and will now take place on 14–15 November.",
            [("cancelled", "2025-06"), ("planned", "2025-11-14/2025-11-15")],
        ),
        (
            "The Armenia–Georgia joint commission had been scheduled to meet in Tbilisi in July; that "
            "meeting has been postponed to December.",
            [("cancelled", "2025-07"), ("planned", "2025-12")],
        ),
    ],
)
def test_a_meeting_moved_from_a_time_told_in_the_past_perfect(
    text: str, expected: list[tuple[str, str]]
) -> None:
    bodies = events(text)
    assert statuses(bodies) == expected
    assert len({body["type"] for body in bodies}) == 1


@pytest.mark.parametrize(
    "text",
    [
        "The Armenian–Georgian business forum that had been expected in Tbilisi in July did not take "
        "place, and no new date was given.",
        "An Armenian–Georgian business forum had been planned for July in Batumi, but it was put off "
        "without a new date.",
    ],
)
def test_a_meeting_that_did_not_take_place_is_called_off_on_its_old_time(text: str) -> None:
    assert statuses(events(text)) == [("cancelled", "2025-07")]


@pytest.mark.parametrize(
    "text",
    [
        "The Azerbaijani–Kazakh business council, which had been set up in 2019, met in Baku on 12 August.",
        "The Azerbaijani–Kazakh business forum, which had been planned by both chambers of commerce, "
        "opened in Baku on 12 August.",
    ],
)
def test_a_past_perfect_that_tells_no_old_time_calls_nothing_off(text: str) -> None:
    bodies = events(text)
    assert len(bodies) == 1
    assert bodies[0].get("status") != "cancelled"


def test_the_term_of_a_programme_dates_no_meeting() -> None:
    text = (
        "Министры иностранных дел Армении и Грузии провели переговоры в Ереване 18 августа. По итогам "
        "встречи министры подписали план консультаций на 2026–2027 годы."
    )
    assert statuses(events(text, "ru")) == [("held", "2025-08-18")]


@pytest.mark.parametrize(
    "text",
    [
        "The energy ministers of Armenia and Georgia met in Tbilisi on 18 August. At the close of the "
        "meeting the two ministers signed a memorandum on electricity trade from January.",
        "The energy ministers of Armenia and Georgia met in Tbilisi on 18 August. At the end of the "
        "meeting, the ministers signed a memorandum on electricity trade from 1 January.",
    ],
)
def test_the_meeting_a_signing_is_framed_by_is_the_one_told_before(text: str) -> None:
    assert statuses(events(text)) == [("held", "2025-08-18")]


def test_ministers_to_meet_again_after_a_meeting_told_before_are_a_new_meeting() -> None:
    text = (
        "The energy ministers of Armenia and Georgia met in Tbilisi on 18 August. At the end of the "
        "meeting, the ministers agreed to meet again in Yerevan in November."
    )
    assert statuses(events(text)) == [("held", "2025-08-18"), ("planned", "2025-11")]


def test_talks_named_as_a_frame_stay_the_talks_told_before_when_another_clause_announces() -> None:
    text = (
        "Министры иностранных дел Армении и Грузии провели переговоры в Ереване 18 августа. По итогам "
        "переговоров министры подписали два соглашения; ещё три документа планируется подписать в "
        "ходе визита премьер-министра Грузии в Ереван в ноябре."
    )
    assert [body["type"] for body in events(text, "ru") if body.get("status", "held") == "held"] == [
        "ministerial_meeting"
    ]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The President of Georgia accepted an invitation to pay a state visit to Armenia.", "en"),
        (
            "Премьер-министр Армении подтвердил приглашение Премьер-министру Грузии посетить Армению с "
            "официальным визитом; сроки визита будут согласованы по дипломатическим каналам.",
            "ru",
        ),
    ],
)
def test_an_invitation_to_visit_with_no_date_is_no_event(text: str, language: str) -> None:
    assert events(text, language) == []


def test_an_invitation_to_visit_with_a_date_is_a_planned_visit() -> None:
    text = "The President of Georgia accepted an invitation to pay a state visit to Armenia in October."
    assert statuses(events(text)) == [("planned", "2025-10")]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "The Armenian ambassador to Georgia spoke about trade between Armenia and Georgia.\n\n"
            "— And the intergovernmental commission?\n\n"
            "— It last met in Tbilisi in March 2024.",
            "en",
            [("held", "2024-03", "GE")],
        ),
        (
            "Посол Армении в Грузии рассказал о торговле между Арменией и Грузией.\n\n"
            "— А межправительственная комиссия?\n\n"
            "— Последний раз она собиралась в Тбилиси в марте 2024 года. Следующее заседание пройдёт в "
            "Ереване в ноябре.",
            "ru",
            [("held", "2024-03", "GE"), ("planned", "2025-11", "AM")],
        ),
        (
            "The Armenian–Georgian intergovernmental commission meets in Yerevan on 12 November. The "
            "commission last met in Tbilisi in March.",
            "en",
            [("held", "2025-03", "GE"), ("planned", "2025-11-12", "AM")],
        ),
    ],
)
def test_a_body_named_before_then_told_at_its_last_meeting(
    text: str, language: str, expected: list[tuple[str, str, str]]
) -> None:
    bodies = events(text, language)
    assert sorted((b.get("status", "held"), b["date"], b["host_country"]) for b in bodies) == expected
    assert {b["type"] for b in bodies} == {"intergovernmental_commission"}
    assert all(sorted(b["countries"]) == ["AM", "GE"] for b in bodies)


def test_a_last_meeting_with_no_body_named_before_is_no_event() -> None:
    text = "Trade between Armenia and Georgia grew in the spring. It last met in Tbilisi in March."
    assert events(text) == []


@pytest.mark.parametrize(
    ("text", "language", "span"),
    [
        (
            "ЕРЕВАН, 20 августа. Премьер-министр Грузии, находящийся в Армении с официальным визитом, в "
            "среду провёл переговоры с премьер-министром Армении. Визит начался во вторник и завершится "
            "в четверг.",
            "ru",
            "2025-08-19/2025-08-21",
        ),
        (
            "Президент Грузии 20 августа прибыл в Ереван с государственным визитом. Стороны обсудили "
            "энергетику. Визит продлится до 22 августа.",
            "ru",
            "2025-08-20/2025-08-22",
        ),
        (
            "YEREVAN, Aug 20 - Georgia's prime minister, on an official visit to Armenia, held talks in "
            "Yerevan on Wednesday. The visit began on Tuesday and ends on Thursday.",
            "en",
            "2025-08-19/2025-08-21",
        ),
    ],
)
def test_a_held_visit_spans_the_days_a_sentence_tells_it_lasts(text: str, language: str, span: str) -> None:
    bodies = events(text, language)
    assert [(b["date"], b.get("status", "held")) for b in bodies] == [(span, "held")]


def test_each_gathering_of_a_list_the_sentence_announces_is_planned() -> None:
    text = (
        "The foreign ministers of Armenia and Georgia agreed to hold the next round of consultations in "
        "Yerevan in the autumn and an Armenian-Georgian business forum in Tbilisi in October."
    )
    forums = [b for b in events(text) if b["type"] == "forum"]
    assert statuses(forums) == [("planned", "2025-10")]


def test_a_list_of_gatherings_told_as_held_stays_held() -> None:
    text = (
        "The foreign ministers of Armenia and Georgia held talks in Yerevan on 18 August and opened an "
        "Armenian-Georgian business forum there the same day."
    )
    assert {b.get("status", "held") for b in events(text)} == {"held"}


def test_a_meeting_scheduled_for_a_season_is_dated_by_it() -> None:
    text = (
        "The next session of the Armenian–Georgian intergovernmental commission is scheduled for the autumn."
    )
    assert statuses(events(text)) == [("planned", "2025-09/2025-11")]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Armenia and Georgia agreed to begin negotiations on a new gas supply agreement.", "en"),
        ("Армения и Грузия продолжают переговоры по соглашению о свободной торговле.", "ru"),
        ("Armenian and Georgian state companies are in talks on a joint solar project.", "en"),
    ],
)
def test_negotiations_over_a_text_or_a_project_are_no_meeting(text: str, language: str) -> None:
    assert events(text, language) == []


def test_a_round_of_talks_on_an_agreement_is_a_meeting() -> None:
    text = (
        "Armenian and Georgian officials are due to meet on 14–15 September for the third round of talks "
        "on a free trade agreement."
    )
    assert statuses(events(text)) == [("planned", "2025-09-14/2025-09-15")]


# "Preparations for X" announces X, the event told after the cue: a meeting told before it was held.
@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "The foreign ministers of Uzbekistan and Kazakhstan met in Tashkent on Monday and discussed "
            "preparations for the visit.",
            "en",
            ("ministerial_meeting", "held", "2025-08-18"),
        ),
        (
            "Министры иностранных дел Узбекистана и Казахстана встретились в Ташкенте в понедельник и "
            "обсудили подготовку к визиту.",
            "ru",
            ("ministerial_meeting", "held", "2025-08-18"),
        ),
    ],
)
def test_a_meeting_told_before_preparations_for_a_visit_was_held(
    text: str, language: str, expected: tuple[str, str, str]
) -> None:
    found = [(b["type"], b.get("status", "held"), b["date"]) for b in events(text, language)]
    assert expected in found


def test_preparations_for_a_visit_still_announce_the_visit() -> None:
    bodies = events(
        "Preparations for the Uzbek President's state visit to Kazakhstan in October are under way."
    )
    assert [(b["type"], b.get("status", "held")) for b in bodies] == [("state_visit", "planned")]
