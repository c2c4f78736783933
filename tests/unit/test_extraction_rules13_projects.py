"""rules-13 (projects): facilities the vocabulary's head words do not name — trains, terminals,
berths, barge and container lines, cables, tunnels, interconnectors — are projects when the text
names them: in quotation marks, by their ends, or after "known as", "так называемый"; from
sentences of our own (issue 12)."""

from datetime import date

import pytest
from extraction_support import project_rows

PUBLISHED = date(2026, 5, 20)


def projects_of(text: str, language: str) -> list[tuple[str, str, str, str]]:
    return project_rows(text, language, PUBLISHED)


@pytest.mark.parametrize(
    ("text", "language", "name", "kind", "status"),
    [
        (
            "Грузия и Армения договорились ускорить строительство зернового терминала «Ахалкалаки-Юг».",
            "ru",
            "Ахалкалаки-Юг",
            "port",
            "under_construction",
        ),
        (
            "Отдельно обсуждалось возобновление контейнерного поезда Тбилиси — Ереван — Тегеран.",
            "ru",
            "Контейнерный поезд Тбилиси–Ереван–Тегеран",
            "railway",
            "planned",
        ),
        (
            "Новая баржевая линия «Поти — Констанца» работает с марта, сообщили в Грузии и Румынии.",
            "ru",
            "Поти — Констанца",
            "ferry_line",
            "operating",
        ),
        (
            "Georgia and Bulgaria said the Poti–Varna rail ferry has carried wagons since March.",
            "en",
            "Poti–Varna rail ferry",
            "ferry_line",
            "operating",
        ),
        (
            "Work on the second Georgia–Bulgaria power interconnector is under way, Tbilisi said.",
            "en",
            "Second Georgia–Bulgaria power interconnector",
            "power_line",
            "under_construction",
        ),
        (
            "Georgia and Bulgaria said a night freight service between Poti and Burgas was launched in May.",
            "en",
            "Poti–Burgas night freight service",
            "ferry_line",
            "operating",
        ),
    ],
)
def test_a_facility_named_in_quotation_marks_or_by_its_ends_is_a_project(
    text: str, language: str, name: str, kind: str, status: str
) -> None:
    found = projects_of(text, language)
    assert any(name in (en, ru) and (k, s) == (kind, status) for en, ru, k, s in found), found


@pytest.mark.parametrize(
    ("text", "language", "name", "kind"),
    [
        (
            "Georgia and Armenia agreed to speed up planning of a second interconnector, provisionally "
            'called "Lori Link 2", across the border.',
            "en",
            "Lori Link 2",
            "power_line",
        ),
        (
            "Georgia and Armenia are building a rail extension toward the border, known locally as "
            "the Debed Line.",
            "en",
            "Debed Line",
            "railway",
        ),
        (
            "Работы на так называемом «Причале № 7» в порту Поти, который строят грузинская и армянская "
            "компании, завершатся в будущем году.",
            "ru",
            "Причал № 7",
            "port",
        ),
        (
            "В порту Поти открылся терминал для армянских грузов, который в Ереване называют «Армянским "
            "причалом».",
            "ru",
            "Армянский причал",
            "port",
        ),
    ],
)
def test_a_name_given_by_a_naming_phrase_is_a_project_of_the_kind_its_head_word_says(
    text: str, language: str, name: str, kind: str
) -> None:
    found = projects_of(text, language)
    assert any(name in (en, ru) and k == kind for en, ru, k, _ in found), found


def test_an_interconnector_that_carries_gas_is_a_pipeline() -> None:
    text = "Азербайджанский газ поступает в Грузию через интерконнектор Гардабани — Марнеули."
    assert [kind for _, _, kind, _ in projects_of(text, "ru")] == ["pipeline"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Georgian and Armenian cargo handled at our Poti terminals rose by a tenth.", "en"),
        ("Georgia and Armenia opened a new terminal at Poti in May.", "en"),
        ('The route carried 9,000 TEU, a figure the operator calls "encouraging".', "en"),
        ("Грузия и Армения обсудили работу терминала в Поти и пассажирского поезда.", "ru"),
    ],
)
def test_such_a_facility_without_a_name_is_no_project(text: str, language: str) -> None:
    assert projects_of(text, language) == []


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "A shipping service between Poti and Burgas, which a Georgian consortium plans to launch "
            "next year, would help Bulgaria.",
            "en",
        ),
        ("Грузия и Болгария планируют запустить паромную линию Поти — Бургас.", "ru"),
    ],
)
def test_a_line_still_to_be_launched_is_planned(text: str, language: str) -> None:
    assert [status for _, _, _, status in projects_of(text, language)] == ["planned"]


def test_a_facility_is_what_its_own_clause_says_it_does() -> None:
    text = (
        "Грузия и Армения обсудили развитие контейнерного поезда Тбилиси — Ереван, который с 2024 года "
        "курсирует по расписанию."
    )
    assert [status for _, _, _, status in projects_of(text, "ru")] == ["operating"]
