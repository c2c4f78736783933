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
