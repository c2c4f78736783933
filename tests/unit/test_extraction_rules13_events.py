"""rules-13 (events and agreements): a ranked visit to a capital no lexicon knows, hosted by the other
country of the pair; joint and mixed commissions named by what they are; a round of talks that
"concluded" on the day told; the talks told back at the end of a sentence ("signed at the end of the
talks"); "No documents were signed"; plans told with "is to be" and "set for"; a document in force
since a month of its own; one signed already whose entry into force is to come; from sentences of
our own (issue 12)."""

from datetime import date
from typing import Any

import pytest
from extraction_support import checked_bodies


def facts(text: str, language: str, published: date, kind: str) -> list[dict[str, Any]]:
    return checked_bodies(text, language, kind, published)


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "Грузия и Монголия расширяют торговлю.\n\nПремьер-министр Грузии прибудет в Улан-Удэ с "
            "официальным визитом 12–13 ноября.",
            "ru",
            ("official_visit", "2026-11-12/2026-11-13", "planned", "MN"),
        ),
        (
            "Georgia and Mongolia are expanding trade.\n\nOn 3–4 March the President of Georgia was in "
            "Kharkhorin on a state visit.",
            "en",
            ("state_visit", "2026-03-03/2026-03-04", "held", "MN"),
        ),
    ],
)
def test_a_ranked_visit_to_an_unknown_place_is_hosted_by_the_other_country_of_the_pair(
    text: str, language: str, expected: tuple[str, str, str, str]
) -> None:
    found = facts(text, language, date(2026, 10, 1) if language == "ru" else date(2026, 3, 6), "event")
    assert [(e["type"], e["date"], e.get("status", "held"), e["host_country"]) for e in found] == [expected]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Грузия и Армения расширяют торговлю.\n\nВ мае в Гюмри прошло заседание совместной комиссии.", "ru"),
        ("Грузия и Армения расширяют торговлю.\n\nВ мае в Гюмри прошло заседание смешанного комитета.", "ru"),
        ("Georgia and Armenia expand trade.\n\nThe joint permanent commission met in Gyumri in May.", "en"),
    ],
)
def test_a_joint_or_mixed_commission_is_an_intergovernmental_commission(text: str, language: str) -> None:
    found = facts(text, language, date(2026, 6, 10), "event")
    assert [(e["type"], e["date"]) for e in found] == [("intergovernmental_commission", "2026-05")]


def test_talks_that_concluded_on_the_day_told_began_the_days_before() -> None:
    text = (
        "TBILISI, June 10 (Wire) - Georgia and Armenia on Tuesday concluded a two-day round of talks "
        "on transit tariffs."
    )
    [event] = facts(text, "en", date(2026, 6, 10), "event")
    assert event["date"] == "2026-06-08/2026-06-09"


def test_a_signing_at_the_end_of_the_talks_told_before_is_no_new_event() -> None:
    text = (
        "The Minister of Economy of Georgia held talks in Yerevan on 3 and 4 June with the Armenian "
        "Minister of Economy.\n\nTwo documents were signed at the end of the talks."
    )
    assert len(facts(text, "en", date(2026, 6, 6), "event")) == 1


def test_no_documents_signed_is_no_agreement() -> None:
    text = (
        "Georgia and Armenia held talks in Yerevan on 3 June. No documents were signed, but a "
        "working group was set up."
    )
    assert facts(text, "en", date(2026, 6, 6), "agreement") == []


def test_a_document_to_be_signed_there_is_proposed_for_the_meeting() -> None:
    text = (
        "Georgia and Armenia expect to hold a ministerial meeting in Gyumri in November. A draft "
        "agreement on rail tariffs is to be signed there."
    )
    [agreement] = facts(text, "en", date(2026, 9, 1), "agreement")
    assert (agreement["status"], agreement["date"]) == ("proposed", "2026-11")


def test_a_meeting_set_for_a_month_gone_by_this_year_is_next_years() -> None:
    text = (
        "Georgia and Armenia held talks in Yerevan. A follow-up meeting of the joint trade committee "
        "was tentatively set for Tbilisi in March."
    )
    found = {e["type"]: e for e in facts(text, "en", date(2026, 12, 1), "event")}
    commission = found["intergovernmental_commission"]
    assert (commission["date"], commission["status"]) == ("2027-03", "planned")


def test_a_document_in_force_since_a_month_is_dated_by_it() -> None:
    text = (
        "Georgia and Armenia expand trade.\n\nThe road transport agreement was ratified and has been in "
        "force since March."
    )
    [agreement] = facts(text, "en", date(2026, 7, 9), "agreement")
    assert (agreement["status"], agreement["date"]) == ("in_force", "2026-03")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Грузия и Армения развивают торговлю.\n\nСоглашение о пограничных станциях, подписанное 19 мая "
            "в Ереване, вступит в силу после ратификации.",
            "ru",
        ),
        (
            "Georgia and Armenia expand trade.\n\nThe border stations agreement, signed on 19 May in "
            "Yerevan, will enter into force after ratification.",
            "en",
        ),
    ],
)
def test_a_document_signed_already_whose_force_is_to_come_is_signed(text: str, language: str) -> None:
    [agreement] = facts(text, language, date(2026, 8, 12), "agreement")
    assert (agreement["status"], agreement["date"]) == ("signed", "2026-05-19")
