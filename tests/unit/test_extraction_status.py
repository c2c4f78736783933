"""Status of events and agreements from sentences of our own: visits moved to a new time,
meetings that will not take place, invitations accepted, and signings only hoped for."""

from datetime import date
from typing import Any

import pytest
from extraction_support import check_all, one

from app.extraction import extract

PUBLISHED = date(2025, 8, 20)


def proposed(text: str, language: str, kind: str) -> dict[str, Any]:
    proposals = extract(text, language=language, published=PUBLISHED)
    check_all(text, proposals)
    return one(proposals, kind)


@pytest.mark.parametrize(
    ("text", "language", "called_off"),
    [
        (
            "Официальный визит Президента Армении в Тбилиси, намеченный на сентябрь, перенесён на ноябрь.",
            "ru",
            ["2025-09"],
        ),
        ("Официальный визит Президента Армении в Тбилиси отложен до ноября.", "ru", []),
        (
            "The Armenian President's official visit to Tbilisi, planned for September, has been moved "
            "to November.",
            "en",
            ["2025-09"],
        ),
        ("The Armenian President's official visit to Tbilisi has been postponed until November.", "en", []),
    ],
)
def test_a_postponed_visit_is_planned_at_its_new_time(
    text: str, language: str, called_off: list[str]
) -> None:
    # and called off on its old dates when the text tells them (bench/extraction/README.md)
    proposals = extract(text, language=language, published=PUBLISHED)
    check_all(text, proposals)
    bodies = [p.body for p in proposals if p.kind == "event"]
    [body] = [b for b in bodies if b["status"] != "cancelled"]
    assert (body["type"], body["status"], body["date"]) == ("official_visit", "planned", "2025-11")
    assert [b["date"] for b in bodies if b["status"] == "cancelled"] == called_off


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Заседание межправительственной комиссии Армении и Грузии в Ереване не состоится.", "ru"),
        (
            "The meeting of the Armenian–Georgian intergovernmental commission in Yerevan was called off.",
            "en",
        ),
    ],
)
def test_a_meeting_that_will_not_take_place_is_cancelled(text: str, language: str) -> None:
    assert proposed(text, language, "event")["status"] == "cancelled"


def test_an_accepted_invitation_is_a_planned_visit() -> None:
    body = proposed(
        "The President of Georgia accepted an invitation to pay a state visit to Armenia in 2026.",
        "en",
        "event",
    )
    assert (body["type"], body["status"], body["date"]) == ("state_visit", "planned", "2026")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Georgian officials said they hoped to sign an agreement with Armenia on a joint logistics hub.",
            "en",
        ),
        ("Armenia and Georgia expect to sign an agreement on transport by the end of the year.", "en"),
        ("Стороны рассчитывают подписать соглашение Армении и Грузии о транспорте до конца года.", "ru"),
    ],
)
def test_a_signing_hoped_for_is_proposed_not_signed(text: str, language: str) -> None:
    assert proposed(text, language, "agreement")["status"] == "proposed"
