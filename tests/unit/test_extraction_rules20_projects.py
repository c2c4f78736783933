"""rules-20 (projects): a container or multimodal service named by its ends in Russian, a launch the
sides agreed to and a project they discuss as still to come; from sentences of our own (issue 12)."""

from datetime import date

import pytest
from extraction_support import project_rows

PUBLISHED = date(2026, 5, 20)


def projects_of(text: str, language: str = "ru") -> list[tuple[str, str, str, str]]:
    return project_rows(text, language, PUBLISHED)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Казахстан и Грузия договорились запустить регулярный мультимодальный сервис "
            "«Актау — Поти» в следующем году.",
            "Актау — Поти",
        ),
        (
            "Министры обсудили новый контейнерный сервис «Алматы — Баку — Батуми» через Каспий.",
            "Алматы — Баку — Батуми",
        ),
    ],
)
def test_a_service_named_by_its_ends_is_a_corridor_still_planned(text: str, name: str) -> None:
    rows = projects_of(text)
    assert [(row[1], row[2], row[3]) for row in rows] == [(name, "transport_corridor", "planned")]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Стороны договорились запустить паромную линию Курык — Алят осенью.", "ru"),
        ("The two governments agreed to launch the Kuryk–Alat ferry line in the autumn.", "en"),
    ],
)
def test_a_launch_the_sides_agreed_to_is_planned(text: str, language: str) -> None:
    assert [row[3] for row in projects_of(text, language)] == ["planned"]


def test_a_project_the_sides_discuss_with_no_other_status_word_is_planned() -> None:
    text = "Делегации обсуждали проект железной дороги Мары — Герат."
    assert [row[3] for row in projects_of(text)] == ["planned"]


def test_the_works_nearest_the_name_still_tell_its_status_when_it_is_discussed() -> None:
    text = "Делегации обсудили ход строительства железной дороги Мары — Герат."
    assert [row[3] for row in projects_of(text)] == ["under_construction"]
