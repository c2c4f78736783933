"""A proposal's name in the other language: common words by their pair, places and countries by
their lexicon names in the case the phrase needs, transliteration only for proper names no lexicon
knows, and the name as the text writes it when a common word has no known pair (sentences of our own)."""

from datetime import date

import pytest
from extraction_support import checked_bodies

from app.extraction.entities import record_id
from app.extraction.other_language import (
    facility_in_other_language,
    in_other_language,
    place_adjective_in_english,
)

PUBLISHED = date(2026, 3, 2)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Substation in the Jordan Valley", "Подстанция в Иорданской долине"),
        (
            "Seawater desalination plant in the Mangystau region",
            "Завод опреснения морской воды в регионе Мангистау",
        ),
        ("Pharmaceutical plant near Shymkent", "Фармацевтический завод около Шымкента"),
        ("Container terminal at Lamu port", "Контейнерный терминал в порту Ламу"),
        ("Cargo terminal in Termez", "Грузовой терминал в Термезе"),
        ("Logistics hub in Navoi", "Логистический хаб в Навои"),
        # "cold-storage" has no pair: the name stays as written rather than spelled letter by letter
        (
            "Logistics and cold-storage hub near Zvartnots airport",
            "Logistics and cold-storage hub near Zvartnots airport",
        ),
    ],
)
def test_an_english_facility_in_russian(name: str, expected: str) -> None:
    assert facility_in_other_language(name, "en") == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Ветровая электростанция в Каракалпакстане", "Wind farm in Karakalpakstan"),
        ("Цементный завод в Чуйской области", "Cement plant in the Chuy region"),
        ("Сухой порт в Гюмри", "Dry port in Gyumri"),
        (
            "Сборочное производство тракторов «Беларус» в Ашхабаде",
            "«Belarus» tractor assembly plant in Ashgabat",
        ),
        ("Грузовой терминал в порту Туркменбаши", "Cargo terminal at the port of Turkmenbashi"),
        (
            "Узбекско-саудовская агропромышленная зона в Сурхандарьинской области",
            "Uzbekistan–Saudi Arabia agro-industrial zone in the Surkhandarya region",
        ),
    ],
)
def test_a_russian_facility_in_english(name: str, expected: str) -> None:
    assert facility_in_other_language(name, "ru") == expected


@pytest.mark.parametrize(
    ("name", "language", "expected"),
    [
        ("Persian Gulf–Black Sea", "en", "Персидский залив–Чёрное море"),
        ("Central Asia–China", "en", "Центральная Азия–Китай"),
        ("Kambar-Ata-1", "en", "Камбар-Ата-1"),  # a proper name: transliterated
        ("Khorgos Eastern Gate", "en", "Khorgos Eastern Gate"),  # a proper name with common words: as written
        ("Arab", "en", "Arab"),
        ("Хоргос — Восточные ворота", "ru", "Khorgos — Eastern Gate"),
        ("Персидский залив — Черное море", "ru", "Persian Gulf — Black Sea"),
        (
            "Подводный кабель «Зелёный мост Каспий — Констанца»",
            "ru",
            "Submarine cable «Zelyonyy most Kaspiy — Konstantsa»",
        ),
        ("Сила Сибири — 2", "ru", "Сила Сибири — 2"),
    ],
)
def test_a_name_in_the_other_language(name: str, language: str, expected: str) -> None:
    assert in_other_language(name, language) == expected


def _project_names(text: str, language: str) -> list[tuple[str, str]]:
    bodies = checked_bodies(text, language, "infrastructure_project", PUBLISHED)
    return [(body["name_en"], body["name_ru"]) for body in bodies]


def test_a_proposed_facility_carries_both_names() -> None:
    text = "The two governments agreed to build a cement plant in the Chuy region with Kyrgyz partners."
    assert ("Cement plant in the Chuy region", "Цементный завод в регионе Чуй") in _project_names(text, "en")
    text = "Стороны договорились построить ветровую электростанцию в Жамбылской области к 2028 году."
    assert (
        "Wind farm in the Zhambyl region",
        "Ветровая электростанция в Жамбылской области",
    ) in _project_names(text, "ru")


def test_the_id_stays_latin_when_the_name_is_kept_in_cyrillic() -> None:
    assert record_id("Сила Сибири — 2") == "sila-sibiri-2"


@pytest.mark.parametrize(
    ("adjective", "expected"),
    [
        ("Зарафшанская", "Zarafshan"),
        ("Камбаратинская", "Kambarata"),
        ("Южно-Кавказская", "Yuzhno-Kavkazskaya"),
    ],
)
def test_a_place_adjective_names_the_place(adjective: str, expected: str) -> None:
    assert place_adjective_in_english(adjective) == expected
