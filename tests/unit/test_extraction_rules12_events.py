"""rules-12 (events): a visit told in a clause of its own beside another gathering, dated in that
clause; an event moved to a season ("перенесено на осень", "postponed to the autumn"); a coming
date told in the present ("the commission meets … on 20 October"); from sentences of our own
(issue 12)."""

from datetime import date
from typing import Any

import pytest
from extraction_support import check_all, checked_bodies, of_kind

from app.extraction import extract
from app.extraction.when import find_windows

PUBLISHED = date(2026, 3, 15)


def events(text: str, language: str) -> list[dict[str, Any]]:
    return checked_bodies(text, language, "event", PUBLISHED)


@pytest.mark.parametrize(
    ("text", "language", "when"),
    [
        (
            "Грузия и Армения наращивают торговлю.\n\nВ конце октября в Ереване пройдёт заседание "
            "межправительственной комиссии, а в ноябре мы ожидаем визит в Армению Премьер-министра Грузии.",
            "ru",
            "2026-11",
        ),
        (
            "Georgia and Armenia are expanding trade.\n\nThe Armenian-Georgian intergovernmental commission "
            "is due to meet in Yerevan in October, and diplomats say a visit by Georgia's prime minister "
            "to Armenia is being prepared for next year.",
            "en",
            "2027",
        ),
    ],
)
def test_a_visit_in_a_clause_of_its_own_is_another_event_dated_in_its_clause(
    text: str, language: str, when: str
) -> None:
    found = {event["type"]: event for event in events(text, language)}
    assert found["intergovernmental_commission"]["date"] == "2026-10"
    assert (found["visit"]["date"], found["visit"]["status"], found["visit"]["host_country"]) == (
        when,
        "planned",
        "AM",
    )


def test_a_visit_made_for_a_summit_is_the_summit() -> None:
    text = (
        "Президент Азербайджана 10 марта посетил Казахстан для участия в саммите Организации "
        "тюркских государств в Астане."
    )
    assert [event["type"] for event in events(text, "ru")] == ["summit"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Грузия и Армения наращивают торговлю.\n\nЗаседание межправительственной комиссии, которое "
            "планировалось провести в мае в Ереване, перенесено на осень.",
            "ru",
        ),
        (
            "Georgia and Armenia are expanding trade.\n\nThe meeting of the intergovernmental commission, "
            "scheduled for 5–6 May in Yerevan, has been postponed to the autumn.",
            "en",
        ),
    ],
)
def test_an_event_moved_to_a_season_is_planned_for_that_season(text: str, language: str) -> None:
    called_off, event = events(text, language)  # called off in May (bench/extraction/README.md)
    assert (event["date"], event["status"]) == ("2026-09/2026-11", "planned")
    assert (called_off["date"][:7], called_off["status"]) == ("2026-05", "cancelled")


def test_a_season_after_to_the_is_a_season_only_after_a_word_of_moving() -> None:
    assert find_windows("The delegation went to the summer school.", 0, 2026, PUBLISHED) == []
    [moved] = find_windows("The forum was moved to the spring.", 0, 2026, PUBLISHED)
    assert moved.value == "2026-03/2026-05"


@pytest.mark.parametrize(
    ("sentence", "when"),
    [
        ("The joint commission meets in Yerevan on 20 October.", "2026-10-20"),
        (
            "Next on the calendar is a session of the intergovernmental commission in Yerevan in April.",
            "2026-04",
        ),
    ],
)
def test_a_coming_date_told_in_the_present_is_announced(sentence: str, when: str) -> None:
    text = f"Georgia and Armenia are expanding trade.\n\n{sentence}"
    [event] = events(text, "en")
    assert (event["date"], event["status"]) == (when, "planned")


def test_a_past_date_told_in_the_past_stays_held() -> None:
    text = "Georgia and Armenia are expanding trade.\n\nThe joint commission met in Yerevan on 20 October."
    [event] = events(text, "en")
    assert (event["date"], event.get("status", "held")) == ("2025-10-20", "held")


def test_a_forum_in_one_of_the_pair_with_no_organization_named_is_the_pairs() -> None:
    text = "Georgia and Armenia are expanding trade.\n\nA business forum will be held in Yerevan in May."
    [forum] = events(text, "en")
    assert (forum["type"], forum["countries"], forum["host_country"]) == ("forum", ["AM", "GE"], "AM")


def test_a_line_between_two_ends_of_several_words_is_named_by_both() -> None:
    text = (
        "Georgia and Armenia are expanding trade.\n\nA carrier launched a weekly ferry line between "
        "Kobuleti Bay and Sarpi last month."
    )
    proposals = extract(text, language="en", published=PUBLISHED)
    check_all(text, proposals)
    [line] = [p.body for p in of_kind(proposals, "infrastructure_project")]
    assert (line["name_en"], line["kind"]) == ("Kobuleti Bay–Sarpi ferry line", "ferry_line")
