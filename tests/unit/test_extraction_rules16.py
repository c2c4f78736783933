"""rules-16, recall of events, agreements and projects that recurs across sets by different authors:
sentences of our own, each failing without its rule."""

from datetime import date
from typing import Any

import pytest
from extraction_support import checked_bodies


def events(text: str, language: str, published: date) -> list[dict[str, Any]]:
    return checked_bodies(text, language, "event", published)


@pytest.mark.parametrize(
    "text",
    [
        "12 марта в Сантьяго состоялось заседание совместной чилийско-перуанской комиссии по торговле.",
        "12 марта в Сантьяго прошло пятое заседание смешанной чилийско-перуанской комиссии по торговле.",
    ],
)
def test_the_pairs_adjective_inside_a_bodys_name_is_read_past(text: str) -> None:
    [body] = events(text, "ru", date(2026, 3, 20))
    assert (body["type"], body["date"], sorted(body["countries"])) == (
        "intergovernmental_commission",
        "2026-03-12",
        ["CL", "PE"],
    )


@pytest.mark.parametrize(
    ("text", "status", "when"),
    [
        (
            "The two prime ministers agreed to convene the next meeting of the Chile–Peru Joint Economic "
            "Committee in Lima in March 2027.",
            "planned",
            "2027-03",
        ),
        (
            "A session of the Chile–Peru Bi-National Commission will be held in Lima in May.",
            "planned",
            "2026-05",
        ),
    ],
)
def test_a_joint_economic_committee_and_a_binational_commission_are_the_pairs_commission(
    text: str, status: str, when: str
) -> None:
    [body] = events(text, "en", date(2026, 3, 20))
    assert (body["type"], body.get("status", "held"), body["date"]) == (
        "intergovernmental_commission",
        status,
        when,
    )


def projects(text: str, published: date) -> list[dict[str, Any]]:
    return checked_bodies(text, "en", "infrastructure_project", published)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "A dedicated copper terminal at Arica, in contrast, is under construction.",
            "Arica copper terminal",
        ),
        (
            "The Chilean logistics terminal at Ilo, built with Peruvian partners, opened in spring.",
            "Chilean logistics terminal at Ilo",
        ),
        (
            "The proposed ammonia export terminal at Port Ilo is still being designed.",
            "Port Ilo ammonia export terminal",
        ),
        # Annotators name it both ways; the scorer takes either order since rules-18.
        ("A Chilean consortium is building a grain terminal at Ilo port.", "Grain terminal at Ilo port"),
    ],
)
def test_a_terminal_with_no_name_is_named_by_its_place_and_what_it_handles(text: str, name: str) -> None:
    [body] = projects("Chile and Peru traded more this year. " + text, date(2026, 11, 20))
    assert (body["name_en"], body["kind"]) == (name, "port")


def test_a_terminal_at_a_place_is_no_project_without_its_words() -> None:
    text = "Our terminals at Ilo are busy."  # no words that say which terminal
    assert projects("Chile and Peru traded more this year. " + text, date(2026, 11, 20)) == []


def test_ministers_who_agree_to_meet_on_the_margins_of_a_forum_plan_a_meeting_of_their_own() -> None:
    bodies = events(
        "Santiago, 10 March 2026 - The Minister of Energy of Chile held talks in Santiago on 9 March with "
        "the Minister of Energy of Peru. The ministers agreed to meet again in Arequipa in June, on the "
        "margins of a regional energy forum.",
        "en",
        date(2026, 3, 10),
    )
    assert [(b["type"], b.get("status", "held"), b["date"]) for b in bodies] == [
        ("ministerial_meeting", "held", "2026-03-09"),
        ("ministerial_meeting", "planned", "2026-06"),
    ]
