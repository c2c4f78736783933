"""rules-18 events: an event dated after the article's day cannot have been held, from sentences
of our own, each failing without its rule."""

from datetime import date
from typing import Any

import pytest
from extraction_support import checked_bodies

PUBLISHED = date(2025, 8, 20)


def statuses(text: str, language: str) -> list[tuple[str, str]]:
    bodies: list[dict[str, Any]] = checked_bodies(text, language, "event", PUBLISHED)
    return sorted((body.get("status", "held"), body["date"]) for body in bodies)


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "The Georgian Prime Minister confirmed his readiness to pay an official visit to Armenia "
            "in 2026.",
            "en",
            [("planned", "2026")],
        ),
        (
            "Стороны договорились о подготовке официального визита Премьер-министра Армении в Грузию "
            "во втором полугодии 2026 года.",
            "ru",
            [("planned", "2026-07/2026-12")],
        ),
    ],
)
def test_an_event_dated_after_the_articles_day_is_planned(
    text: str, language: str, expected: list[tuple[str, str]]
) -> None:
    assert statuses(text, language) == expected


def test_an_event_dated_before_the_articles_day_stays_held() -> None:
    text = "The Armenian-Georgian intergovernmental commission met in Yerevan in June."
    assert statuses(text, "en") == [("held", "2025-06")]
