"""rules-19 (projects): lines named by their ends with the words that say what they carry, from
sentences of our own (issue 12)."""

from datetime import date

import pytest
from extraction_support import project_rows

PUBLISHED = date(2026, 5, 20)


def projects_of(text: str, language: str = "en") -> list[tuple[str, str, str, str]]:
    return project_rows(text, language, PUBLISHED)


@pytest.mark.parametrize(
    ("text", "name", "kind", "status"),
    [
        (
            "Engineers have started laying the Gyumri–Kars crude products pipeline this spring.",
            "Gyumri–Kars crude products pipeline",
            "pipeline",
            "operating",
        ),
        (
            "The Bukhara–Turkmenabat wagon ferry is being built by a Turkish yard.",
            "Bukhara–Turkmenabat wagon ferry",
            "ferry_line",
            "under_construction",
        ),
        (
            "The Aktau–Baku subsea fibre-optic cable is at the feasibility stage.",
            "Aktau–Baku subsea fibre-optic cable",
            "digital_system",
            "under_development",
        ),
    ],
)
def test_a_line_named_by_its_ends_keeps_the_words_that_say_what_it_carries(
    text: str, name: str, kind: str, status: str
) -> None:
    rows = projects_of(text)
    assert [(row[0], row[2]) for row in rows] == [(name, kind)]


def test_a_country_of_two_words_is_one_end_of_a_line() -> None:
    rows = projects_of("Officials reviewed the Jordan–Saudi Arabia electricity interconnector on Monday.")
    assert [row[0] for row in rows] == ["Jordan–Saudi Arabia electricity interconnector"]


def test_a_line_due_to_begin_operating_is_still_being_built() -> None:
    rows = projects_of(
        "The Kyrgyzstan–Tajikistan electricity interconnector is due to begin operating in December."
    )
    assert [row[3] for row in rows] == ["under_construction"]


def test_a_line_that_lacks_a_builder_is_planned() -> None:
    rows = projects_of("The Aktau–Baku submarine data cable still lacks a builder and financing.")
    assert [(row[0], row[3]) for row in rows] == [("Aktau–Baku submarine data cable", "planned")]


@pytest.mark.parametrize("words", ["joint inspection terminal", "passenger terminal", "customs terminal"])
def test_a_terminal_for_people_or_border_control_is_no_port(words: str) -> None:
    rows = projects_of(f"Clearance now runs round the clock at the Kapikoy–Razi {words}.")
    assert [(row[0], row[2]) for row in rows] == [(f"Kapikoy–Razi {words}", "other")]


def test_describing_words_need_a_name_of_ends() -> None:
    assert projects_of("The ministers discussed a new refined products pipeline for the region.") == []


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("The Zhezkazgan–Beineu line is still under construction.", "Zhezkazgan–Beineu line", "railway"),
        (
            "Tenders for the Dostyk-Moyinty rail section will be launched in June.",
            "Dostyk-Moyinty rail section",
            "railway",
        ),
        (
            "The operators will build the Kemin-Almaty power interconnector by 2028.",
            "Kemin-Almaty power interconnector",
            "power_line",
        ),
        ("The Poti–Burgas container line carried more boxes.", "Poti–Burgas container line", "ferry_line"),
    ],
)
def test_a_line_named_by_its_ends_alone(text: str, name: str, kind: str) -> None:
    assert [(row[0], row[2]) for row in projects_of(text)] == [(name, kind)]


@pytest.mark.parametrize(
    "text",
    [
        "The Kazakh-Chinese line carried more goods this year.",
        "Trains now run on the Trans-Caspian line twice a week.",
    ],
)
def test_a_hyphened_adjective_or_compound_is_no_pair_of_ends(text: str) -> None:
    assert projects_of(text) == []


def test_a_railway_line_is_one_project() -> None:
    rows = projects_of("Construction of the railway line between Shymkent and Tashkent began in March.")
    assert [row[0] for row in rows] == ["Shymkent–Tashkent railway"]


def test_a_name_given_with_its_own_head_is_one_project() -> None:
    rows = projects_of(
        "The new 500 kV line, provisionally named the Ekibastuz-Tashkent interconnector, is at the "
        "feasibility stage."
    )
    assert [(row[0], row[2]) for row in rows] == [("Ekibastuz-Tashkent interconnector", "power_line")]
