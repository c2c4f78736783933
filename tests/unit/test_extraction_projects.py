"""Infrastructure projects named the ways rules-6 missed, from sentences of our own: a capitalised
head that ends the name, lowercase modifiers between a name and its head, a country's possessive
before a name, and Russian names made of an adjective."""

from datetime import date
from typing import Any

import pytest
from extraction_support import checked_bodies

PUBLISHED = date(2025, 10, 15)


def projects_of(text: str, language: str) -> list[dict[str, Any]]:
    return checked_bodies(text, language, "infrastructure_project", PUBLISHED)


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "Armenia and Georgia marked the start of construction of the Kobuleti Deep Water Port.",
            "en",
            ("Kobuleti Deep Water Port", "port", "under_construction"),
        ),
        (
            "The Marneuli–Bolnisi cross-border railway is under construction, officials in Armenia "
            "and Georgia said.",
            "en",
            ("Marneuli–Bolnisi cross-border railway", "railway", "under_construction"),
        ),
        (
            "Armenia and Georgia agreed to speed up work on the 120-km Gyumri–Ninotsminda expressway.",
            "en",
            ("Gyumri–Ninotsminda expressway", "road", "under_construction"),
        ),
        (
            "Armenia and Georgia said work on the ARGE-500 power transmission line continues: both "
            "sections are due to be completed next year.",
            "en",
            ("ARGE-500 power transmission line", "power_line", "under_construction"),
        ),
        (
            "Armenia is expanding its terminal at Georgia's Batumi port.",
            "en",
            ("Port of Batumi", "port", "expanding"),
        ),
    ],
)
def test_projects_named_around_their_head_word(
    text: str, language: str, expected: tuple[str, str, str]
) -> None:
    found = [(p["name_en"], p["kind"], p["status"]) for p in projects_of(text, language)]
    assert expected in found, found


def test_a_russian_name_made_of_an_adjective_keeps_its_order() -> None:
    [project] = projects_of(
        "Армения и Грузия обсудили работу Северо-Армянской железной дороги и начало её реконструкции.", "ru"
    )
    assert (project["name_ru"], project["kind"]) == ("Северо-Армянская железная дорога", "railway")


def test_a_name_in_quotation_marks_after_another_word_is_no_project() -> None:
    assert (
        projects_of(
            "Комментарий эксперта аналитического центра «Кавказский мост» о торговле Армении и Грузии.", "ru"
        )
        == []
    )


def test_a_completion_still_to_come_is_construction() -> None:
    [project] = projects_of(
        "Реконструкцию автодороги Ереван — Гюмри планируется завершить в 2027 году.", "ru"
    )
    assert project["status"] == "under_construction"


def test_a_terminal_in_a_port_is_the_project() -> None:
    [project] = projects_of(
        "Армения и Грузия договорились ускорить строительство армянского контейнерного терминала "
        "в порту Поти.",
        "ru",
    )
    assert (project["name_ru"], project["kind"], project["status"]) == (
        "Армянский контейнерный терминал в порту Поти",
        "port",
        "under_construction",
    )
