"""rules-18 (projects): facilities without a proper name, named by what they are and where they
stand; openings still ahead; corridors the lexicon knows; ferries named by their ends; from
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
            "Грузинская компания строит солнечную электростанцию мощностью 120 МВт в Ширакской области.",
            "ru",
            "Солнечная электростанция в Ширакской области",
            "other",
            "under_construction",
        ),
        (
            "Стороны договорились о создании в Лорийской области армяно-грузинской промышленной зоны.",
            "ru",
            "Армяно-грузинская промышленная зона в Лорийской области",
            "other",
            "planned",
        ),
        (
            "Обсуждалось и открытие под Гюмри сервисного центра по ремонту сельхозтехники.",
            "ru",
            "Сервисный центр по ремонту сельхозтехники под Гюмри",
            "other",
            "planned",
        ),
        (
            "Министры договорились создать мультимодальный логистический хаб при аэропорте Звартноц.",
            "ru",
            "Мультимодальный логистический хаб при аэропорте Звартноц",
            "other",
            "planned",
        ),
        (
            "Отдельно обсуждалось строительство контейнерного хаба в порту Поти.",
            "ru",
            "Контейнерный хаб в порту Поти",
            "port",
            "under_construction",
        ),
        (
            "A Georgian developer started building a 90 MW wind farm in the Shirak region in April.",
            "en",
            "Wind farm in the Shirak region",
            "other",
            "under_construction",
        ),
        (
            "The two ministers agreed to look at a joint fruit storage centre near Gyumri.",
            "en",
            "Joint fruit storage centre near Gyumri",
            "other",
            "planned",
        ),
        # Several facilities told together are one project, as the development sets annotate them.
        (
            "Армения и Грузия построят малые гидроэлектростанции в Лорийской области.",
            "ru",
            "Малые гидроэлектростанции в Лорийской области",
            "other",
            "planned",
        ),
    ],
)
def test_a_facility_is_named_by_what_it_is_and_where_it_stands(
    text: str, language: str, name: str, kind: str, status: str
) -> None:
    found = projects_of(text, language)
    assert (name, kind, status) in {(en if language == "en" else ru, k, s) for en, ru, k, s in found}, found


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # A place-less description, a capacity or a time is no name.
        ("Компания строит новый завод, сообщили в министерстве Армении.", "ru"),
        ("A Georgian group is building a plant in the Shirak region.", "en"),
        ("The two governments announced a joint industrial zone in March.", "en"),
        # A quoted name with no place names an organisation as often as a facility.
        ("Комментарий эксперта аналитического центра «Южный мост» о торговле Армении и Грузии.", "ru"),
    ],
)
def test_a_facility_without_a_place_or_name_is_not_a_project(text: str, language: str) -> None:
    assert projects_of(text, language) == []


@pytest.mark.parametrize(
    ("text", "language", "name"),
    [
        (
            "Отдельно обсуждалось открытие паромной линии Батуми — Бургас; первый рейс ожидается в сентябре.",
            "ru",
            "Паромная линия Батуми–Бургас",
        ),
        (
            "The sides agreed to study a direct ro-ro service between Poti and Burgas, to be launched "
            "next year.",
            "en",
            "Poti–Burgas ro-ro service",
        ),
        (
            "Проект паромной линии Поти — Бургас пока остаётся на бумаге.",
            "ru",
            "Паромная линия Поти–Бургас",
        ),
        (
            "A car ferry service between Georgia's Poti and Burgas will start sailing on 1 July.",
            "en",
            "Poti–Burgas car ferry service",
        ),
    ],
)
def test_an_opening_still_ahead_is_planned(text: str, language: str, name: str) -> None:
    found = projects_of(text, language)
    assert any(name in (en, ru) and status == "planned" for en, ru, _, status in found), found


def test_an_opening_already_made_is_operating() -> None:
    found = projects_of("Паромная линия Поти — Бургас, открытие которой состоялось в марте, работает.", "ru")
    assert [status for *_, status in found] == ["operating"], found


def test_a_known_corridor_carries_traffic_unless_a_word_says_otherwise() -> None:
    found = projects_of("Much of the new Georgian-Armenian trade rides on the Middle Corridor.", "en")
    assert [(kind, status) for _, _, kind, status in found] == [("transport_corridor", "operating")], found


def test_a_ferry_is_named_by_its_ends_without_its_owners_possessive() -> None:
    found = projects_of("A seasonal cargo ferry between Armenia's Gyumri Port and Batumi was proposed.", "en")
    assert any(en == "Gyumri Port–Batumi seasonal cargo ferry" for en, *_ in found), found


def test_a_country_is_too_wide_a_place_to_name_a_facility() -> None:
    assert projects_of("An Armenian group started building a 90 MW wind farm in Georgia.", "en") == []
