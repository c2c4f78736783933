"""rules-12 (events): a visit told in a clause of its own beside another gathering, dated in that
clause, from sentences of our own (issue 12)."""

from datetime import date
from typing import Any

import pytest
from extraction_support import check_all, of_kind

from app.extraction import extract

PUBLISHED = date(2026, 3, 15)


def events(text: str, language: str) -> list[dict[str, Any]]:
    proposals = extract(text, language=language, published=PUBLISHED)
    check_all(text, proposals)
    return [p.body for p in of_kind(proposals, "event")]


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
