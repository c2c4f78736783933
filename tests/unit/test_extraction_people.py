"""People in the forms wires write them: a role with the country before or after the name, an
adjective or a possessive, a title, and the surname alone once the text has named them."""

from datetime import date

import pytest
from extraction_support import check_all, one

from app.extraction import Proposal, extract
from app.extraction.analysis import Reading
from app.extraction.text import read as read_text

PUBLISHED = date(2025, 10, 21)


def people(text: str, language: str) -> list[list[tuple[str, str | None, str | None]]]:
    """Per sentence: (name, English role, country) of each person named."""
    reading = Reading(read_text(text, language), PUBLISHED, ())
    return [
        [(p.name, p.role[0] if p.role else None, p.country) for p in facts.people] for facts in reading.facts
    ]


def proposals(text: str, language: str) -> list[Proposal]:
    found = extract(text, language=language, published=PUBLISHED)
    check_all(text, found)
    return found


@pytest.mark.parametrize(
    "text",
    [
        "President of Azerbaijan Samir Guliyev opened the exhibition.",
        "Azerbaijani President Samir Guliyev opened the exhibition.",
        "Azerbaijan's President Samir Guliyev opened the exhibition.",
        "The President of the Republic of Azerbaijan Samir Guliyev opened the exhibition.",
        "Samir Guliyev, the President of Azerbaijan, opened the exhibition.",
    ],
)
def test_an_english_role_with_its_country_before_or_after_the_name(text: str) -> None:
    assert people(text, "en") == [[("Samir Guliyev", "President of Azerbaijan", "AZ")]]


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Kazakh Foreign Minister Daniyar Omarov arrived.", "Minister of Foreign Affairs of Kazakhstan"),
        ("Kazakhstan's Prime Minister Daniyar Omarov arrived.", "Prime Minister of Kazakhstan"),
        ("Kazakh Energy Minister Daniyar Omarov arrived.", "Minister of Energy of Kazakhstan"),
        ("The Minister of Energy of Kazakhstan Daniyar Omarov arrived.", "Minister of Energy of Kazakhstan"),
    ],
)
def test_ministers_with_the_country_as_adjective_or_possessive(text: str, role: str) -> None:
    assert people(text, "en") == [[("Daniyar Omarov", role, "KZ")]]


def test_capitalised_words_without_a_role_are_not_people() -> None:
    assert people("Central Asian Railways and Caspian Shipping Company signed a deal.", "en") == [[]]


def test_a_surname_alone_is_the_person_named_before_it() -> None:
    found = people(
        "Uzbek Foreign Minister Farid Nazarov met reporters. Nazarov said the talks went well. "
        "Mr Nazarov left on Friday. Mr. Nazarov's plane landed in Tashkent.",
        "en",
    )
    role = "Minister of Foreign Affairs of Uzbekistan"
    assert found == [[("Farid Nazarov", role, "UZ")]] * 4


def test_a_surname_alone_that_nobody_introduced_is_not_a_person() -> None:
    assert people("Nazarov said the talks went well.", "en") == [[]]


def test_a_listed_leader_by_surname_and_by_full_name_without_a_role() -> None:
    found = people("Tokayev said trade was growing. Ilham Aliyev agreed.", "en")
    assert found == [[("Kassym-Jomart Tokayev", None, "KZ")], [("Ilham Aliyev", None, "AZ")]]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Министр энергетики Узбекистана Фарид Назаров прибыл в Баку. Назаров отметил рост поставок.",
            "Фарид Назаров",
        ),
        (
            "Министр энергетики Узбекистана Фарид Назаров прибыл в Баку. С Назаровым встретились журналисты.",
            "Фарид Назаров",
        ),
        (
            "Министр энергетики Узбекистана Дильноза Назарова прибыла в Баку. Назаровой вручили награду.",
            "Дильноза Назарова",
        ),
    ],
)
def test_a_russian_surname_alone_in_any_case_and_gender(text: str, name: str) -> None:
    first, second = people(text, "ru")
    assert first == [(name, "Minister of Energy of Uzbekistan", "UZ")]
    assert second == first


def test_a_russian_surname_that_could_be_two_people_is_left_alone() -> None:
    # "Алиева" is Ilham Aliyev in the genitive or Mehriban Aliyeva in the nominative.
    found = people("Ильхам Алиев и Мехрибан Алиева прибыли в Астану. Алиева встретили в аэропорту.", "ru")
    assert found[1] == []


@pytest.mark.parametrize(
    "text",
    [
        "Супруга президента Гульнара Каримова открыла выставку.",
        "The wife of the President Gulnara Karimova opened the exhibition.",
    ],
)
def test_a_role_that_belongs_to_someone_else(text: str) -> None:
    found = people(text, "en" if text.isascii() else "ru")
    assert all(role is None for sentence in found for _, role, _ in sentence)


def test_a_state_visit_names_the_visitor_and_both_leaders_who_held_talks() -> None:
    text = (
        "ASTANA, 21 October. President of Azerbaijan Ilham Aliyev paid a state visit to Kazakhstan on "
        "20–21 October 2025 and held talks with President Kassym-Jomart Tokayev in Astana."
    )
    body = one(proposals(text, "en"), "event")
    assert body["people"] == ["ilham-aliyev", "kassym-jomart-tokayev"]
    assert (body["host_country"], body["title_en"]) == (
        "KZ",
        "State visit of President Ilham Aliyev to Kazakhstan",
    )


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "President of Uzbekistan Shavkat Mirziyoyev paid a state visit to Tajikistan on 14 October.\n\n"
            "Emomali Rahmon and Mirziyoyev held talks in narrow format.",
            "en",
        ),
        (
            "Президент Узбекистана Шавкат Мирзиёев 14 октября прибыл в Таджикистан "
            "с государственным визитом.\n\n"
            "Эмомали Рахмон и Мирзиёев провели переговоры в узком формате.",
            "ru",
        ),
    ],
)
def test_talks_told_after_the_visit_add_the_host_to_its_people(text: str, language: str) -> None:
    body = one(proposals(text, language), "event")
    assert body["type"] == "state_visit"
    assert set(body["people"]) == {"shavkat-mirziyoyev", "emomali-rahmon"}
    assert body["host_country"] == "TJ"
    assert "Mirziyoyev" in body["title_en"]


def test_talks_between_the_countries_of_their_people() -> None:
    body = one(
        proposals(
            "Prime Minister Olzhas Bektenov held talks via videoconference with his Uzbek counterpart "
            "Abdulla Aripov on 14 October.",
            "en",
        ),
        "event",
    )
    assert (body["type"], body["countries"]) == ("talks", ["KZ", "UZ"])
    assert body["title_en"] == "Talks between Kazakhstan and Uzbekistan"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The Prime Minister of the Islamic Republic of Pakistan paid an official visit to Baku.", "en"),
        ("At the invitation of the Federal Chancellor, the Prime Minister of Georgia visited Berlin.", "en"),
        ("The Chairman of the State Great Khural will visit Seoul.", "en"),
        ("The Speaker of the National Assembly of Korea received the delegation.", "en"),
        ("Торага Жогорку Кенеша Кыргызской Республики принял делегацию.", "ru"),
        ("Делегация Маджлиси Оли Республики Таджикистан прибыла в Минск.", "ru"),
    ],
)
def test_an_office_a_state_or_a_chamber_after_a_role_is_no_person(text: str, language: str) -> None:
    assert people(text, language) == [[]]


def test_a_person_named_beside_a_state_title_stays_a_person() -> None:
    found = people(
        "Foreign Minister of the Kyrgyz Republic Azamat Ormonov met the Speaker of the Senate.", "en"
    )
    assert [name for name, _, _ in found[0]] == ["Azamat Ormonov"]


def test_a_ministry_named_after_the_minister_is_not_part_of_the_name() -> None:
    found = people("Korean Minister of Trade Park Ji-hoon arrived in Tashkent.", "en")
    assert found == [[("Park Ji-hoon", "Minister of Trade of South Korea", "KR")]]


def test_a_russian_given_name_that_is_also_a_common_noun_stays_in_the_nominative() -> None:
    # "Бахром" is also read as the genitive plural of "бахрома"
    found = people("Министр энергетики Узбекистана Бахром Турсунов посетил Баку.", "ru")
    assert [name for name, _, _ in found[0]] == ["Бахром Турсунов"]
