"""rules-19 events: visits to a capital no place lexicon knows, a visit's span told by where its talks
day stands in it (and the documents of those talks dated by that day), halves and quarters of "будущего
года"; from sentences of our own (issue 12)."""

from datetime import date
from typing import Any

import pytest
from extraction_support import checked_bodies

PUBLISHED = date(2026, 3, 12)  # a Thursday


def bodies(text: str, language: str, kind: str) -> list[dict[str, Any]]:
    # a second paragraph, so that the first is read as a story's opening, not as its headline
    return checked_bodies(text + "\n\nNo more was said.", language, kind, PUBLISHED)


def events(text: str, language: str) -> list[tuple[str, str | None, str]]:
    return sorted((b["type"], b.get("host_country"), b["date"]) for b in bodies(text, language, "event"))


@pytest.mark.parametrize(
    ("text", "host"),
    [
        ("Chile's foreign minister paid an official visit to Montevideo on Tuesday.", "UY"),
        ("The Thai prime minister is on a two-day working visit to Manila this week.", "PH"),
    ],
)
def test_a_visit_to_a_capital_no_place_lexicon_knows_is_hosted_by_its_country(text: str, host: str) -> None:
    assert [row[1] for row in events(text, "en")] == [host]


def test_a_capital_in_the_locative_is_where_something_else_happened() -> None:
    text = "Министр посетит Анголу с официальным визитом в октябре, сообщили журналистам в Лиссабоне."
    assert [row[1] for row in events(text, "ru")] == ["AO"]


def test_a_visit_that_began_the_day_before_its_talks() -> None:
    text = (
        "АСТАНА, 12 марта. Премьер-министр Монголии, прибывший накануне в Астану с двухдневным "
        "официальным визитом, провёл в четверг переговоры с Премьер-министром Казахстана. По итогам "
        "переговоров подписаны пять соглашений."
    )
    assert events(text, "ru") == [("official_visit", "KZ", "2026-03-11/2026-03-12")]
    assert [b["date"] for b in bodies(text, "ru", "agreement")] == ["2026-03-12"]


def test_talks_on_the_second_and_final_day_of_a_visit() -> None:
    text = (
        "YEREVAN, March 12 - Georgia's foreign minister held talks with his Armenian counterpart in "
        "Yerevan on Thursday, the second and final day of a working visit. The ministers signed a "
        "memorandum on consular cooperation."
    )
    assert events(text, "en") == [("working_visit", "AM", "2026-03-11/2026-03-12")]
    assert [b["date"] for b in bodies(text, "en", "agreement")] == ["2026-03-12"]


def test_documents_signed_on_the_day_a_visit_wrapped_up_are_of_that_day() -> None:
    text = (
        "BAKU, March 12 - Azerbaijan and Georgia signed six agreements on energy and transport on "
        "Thursday, as the Georgian prime minister wrapped up a two-day official visit to Baku."
    )
    assert events(text, "en") == [("official_visit", "AZ", "2026-03-11/2026-03-12")]
    assert [b["date"] for b in bodies(text, "en", "agreement")] == ["2026-03-12"]


@pytest.mark.parametrize(
    ("words", "window"),
    [
        ("в первом квартале будущего года", "2027-01/2027-03"),
        ("во второй половине будущего года", "2027-07/2027-12"),
        ("в первом полугодии будущего года", "2027-01/2027-06"),
    ],
)
def test_a_half_or_quarter_of_the_coming_year(words: str, window: str) -> None:
    text = (
        "Очередное заседание казахстанско-азербайджанской межправительственной комиссии "
        f"пройдёт в Баку {words}."
    )
    assert [row[2] for row in events(text, "ru")] == [window]
