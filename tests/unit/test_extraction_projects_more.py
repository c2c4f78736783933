"""Projects: a Russian bridge named by the river it crosses, a port that is only the place of a
terminal told before, and a project's countries when its sentence names one country of a story about
a pair; from sentences of our own (issue 12)."""

from datetime import date

import pytest
from extraction_support import check_all, of_kind, project_rows

from app.extraction import extract

PUBLISHED = date(2026, 5, 20)


@pytest.mark.parametrize(
    ("text", "row"),
    [
        (
            "Стороны построят мост через реку Вахш.",
            ("Vakhsh River bridge", "Мост через реку Вахш", "road", "planned"),
        ),
        (
            "Туркменистан и Узбекистан открыли железнодорожный мост через Амударью.",
            ("Amudarya railway bridge", "Железнодорожный мост через Амударью", "railway", "operating"),
        ),
        (
            "Продолжается строительство автомобильного моста через реку Чу.",
            ("Chu River bridge", "Автомобильный мост через реку Чу", "road", "under_construction"),
        ),
        (
            "Грузы идут по мосту через Вахш у посёлка Нижний Вахш, который открыт круглосуточно.",
            ("Vakhsh bridge", "Мост через Вахш у посёлка Нижний Вахш", "road", "operating"),
        ),
    ],
)
def test_a_russian_bridge_is_named_by_the_river_it_crosses(text: str, row: tuple[str, ...]) -> None:
    assert project_rows(text, "ru", PUBLISHED) == [row]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("A new railway bridge across the Syr Darya was opened.", "Syr Darya railway bridge"),
        ("The sides will build a bridge over the Vakhsh river.", "Vakhsh river bridge"),
    ],
)
def test_an_english_bridge_over_a_river_without_the_word_river(text: str, name: str) -> None:
    assert [row[0] for row in project_rows(text, "en", PUBLISHED)] == [name]


def test_an_english_bridge_with_a_name_of_its_own_keeps_it_over_the_river_it_crosses() -> None:
    rows = project_rows(
        "The planned Termez–Hairatan bridge over the Amu Darya has no financing yet.", "en", PUBLISHED
    )
    assert [row[0] for row in rows] == ["Termez–Hairatan bridge"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Kazakhstan and Azerbaijan will build a grain terminal at the port of Kuryk. The terminal at "
            "the port of Kuryk will handle two million tonnes a year.",
            "en",
        ),
        (
            "Казахстан и Азербайджан построят зерновой терминал в порту Курык. Терминал в порту Курык "
            "будет переваливать 2 млн тонн в год.",
            "ru",
        ),
    ],
)
def test_a_terminal_told_again_at_its_port_is_one_project(text: str, language: str) -> None:
    assert [row[2:] for row in project_rows(text, language, PUBLISHED)] == [("port", "planned")]


def test_a_port_named_alone_later_is_still_a_project() -> None:
    rows = project_rows(
        "Kazakhstan and Azerbaijan will build a grain terminal at the port of Kuryk. The port of Aktau "
        "handled more cargo this year.",
        "en",
        PUBLISHED,
    )
    assert [row[0] for row in rows] == ["Grain terminal at the port of Kuryk", "Port of Aktau"]


@pytest.mark.parametrize(
    ("text", "language", "countries"),
    [
        (
            "Kazakhstan and Azerbaijan discussed transit. Kazakhstan will build a grain terminal at the "
            "port of Kuryk.",
            "en",
            ["AZ", "KZ"],
        ),
        (
            "Казахстан и Азербайджан обсудили транзит. Казахстанская компания построит цементный завод в "
            "Туркестанской области.",
            "ru",
            ["AZ", "KZ"],
        ),
        (
            "Kazakhstan and Azerbaijan discussed transit. Kazakhstan and Uzbekistan will build a cement "
            "plant in the Turkestan region.",
            "en",
            ["KZ", "UZ"],
        ),
    ],
)
def test_a_project_of_one_named_country_is_the_pairs(text: str, language: str, countries: list[str]) -> None:
    proposals = extract(text, language=language, published=PUBLISHED)
    check_all(text, proposals)
    assert [p.body["countries"] for p in of_kind(proposals, "infrastructure_project")] == [countries]


@pytest.mark.parametrize(
    ("text", "language", "kind"),
    [
        ("Georgia and Azerbaijan plan to open a logistics hub near Rustavi next year.", "en", "other"),
        ("Казахстан и Грузия откроют логистический хаб в Рустави в будущем году.", "ru", "other"),
        ("Kazakhstan is building a container hub at the port of Aktau.", "en", "port"),
        ("В порту Актау строится контейнерный хаб.", "ru", "port"),
    ],
)
def test_a_hub_is_a_ports_only_in_a_port_or_for_containers(text: str, language: str, kind: str) -> None:
    # README, conventions settled: a logistics hub with a status is a project of kind `other`, or
    # `port` when it stands in a port.
    assert [row[2] for row in project_rows(text, language, PUBLISHED)] == [kind]
