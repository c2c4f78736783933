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
