"""Trade figures whose flow, period or base the rules read wrong on the development sets, by kind of
wording (issue 12; docs/benchmarks/2026-12-05-extraction-figure-flows.md). Every sentence is our own."""

from datetime import date
from typing import Any

import pytest
from extraction_support import checked_bodies

PUBLISHED = date(2026, 11, 10)
LEAD = "ASTANA, Nov 8 (Steppe Wire) - Kazakhstan and Hungary agreed on Tuesday to expand cooperation.\n\n"


def figures(text: str, language: str = "en") -> list[dict[str, Any]]:
    return checked_bodies(text, language, "trade_figure", PUBLISHED)


def keys(text: str, language: str = "en") -> set[tuple[str, str, str, float, str]]:
    return {
        (b["reporter"], b["partner"], b["indicator"], b["value"], b["period"])
        for b in figures(text, language)
    }


# --- re-exports are a flow of their own ---

RE_EXPORTS = [
    (
        "en",
        LEAD + "Trade between Kazakhstan and Hungary reached USD 512 million in January-September. "
        "Hungarian re-exports to Kazakhstan, mostly machinery, accounted for USD 41.2 million of that.",
        ("HU", "KZ", "re_exports", 41_200_000, "2026-01/2026-09"),
    ),
    (
        "en",
        LEAD + "Trade between Kazakhstan and Hungary reached USD 512 million in January-September. "
        "Re-exports from Hungary to Kazakhstan came to USD 61 million.",
        ("HU", "KZ", "re_exports", 61_000_000, "2026-01/2026-09"),
    ),
    (
        "ru",
        "Товарооборот Казахстана и Венгрии за январь–сентябрь составил 512 млн долларов. Реэкспорт из "
        "Казахстана в Венгрию составил 21 млн долларов.",
        ("KZ", "HU", "re_exports", 21_000_000, "2026-01/2026-09"),
    ),
]


@pytest.mark.parametrize(("language", "text", "fact"), RE_EXPORTS)
def test_re_exports_are_their_own_flow(
    language: str, text: str, fact: tuple[str, str, str, float, str]
) -> None:
    assert fact in keys(text, language)


def test_a_rate_of_re_exports_is_no_figure() -> None:
    text = (
        LEAD + "Kazakh exports to Hungary reached USD 300 million in January-September. Re-exports to "
        "Hungary accounted for USD 21 million, up 4 percent."
    )
    indicators = {b["indicator"] for b in figures(text)}
    assert indicators == {"exports", "re_exports"}


# --- a rate "к" a year is against that year ---

RATE_TO_A_YEAR = [
    "По итогам 2025 года товарооборот Казахстана с Венгрией составил 312,4 млн долларов, увеличившись "
    "на 6,2 % к 2024 году.",
    "Товарооборот Казахстана с Венгрией в 2025 году достиг 312,4 млн долларов, прибавив 6,2 процента к "
    "2024 году.",
]


@pytest.mark.parametrize("text", RATE_TO_A_YEAR)
def test_a_rate_to_a_year_is_against_it(text: str) -> None:
    rates = [b for b in figures(text, "ru") if b["unit"] == "percent"]
    assert [(b["period"], b["compared_period"]) for b in rates] == [("2025", "2024")]


def test_a_target_by_a_year_keeps_its_year() -> None:
    text = "Задача — довести товарооборот Казахстана с Венгрией до 1 млрд долларов к 2030 году."
    assert {b["period"] for b in figures(text, "ru")} == {"2030"}


# --- an index against the base as a hundred is a growth rate ---

INDICES = [
    (
        "Товарооборот Казахстана с Венгрией за январь–сентябрь 2026 года составил 312,4 млн долларов, или "
        "106,2 % к январю–сентябрю 2025 года.",
        6.2,
    ),
    (
        "Экспорт Казахстана в Венгрию за январь–сентябрь 2026 года сократился до 212,4 млн долларов, или "
        "96,1% к уровню января–сентября 2025 г.",
        -3.9,
    ),
    (
        "Экспорт Казахстана в Венгрию за январь–сентябрь 2026 года составил 212,4 млн долларов (106,1% к "
        "январю–сентябрю 2025 г.).",
        6.1,
    ),
]


@pytest.mark.parametrize(("text", "rate"), INDICES)
def test_an_index_to_the_base_is_growth(text: str, rate: float) -> None:
    rates = [b for b in figures(text, "ru") if b["unit"] == "percent"]
    assert [(b["value"], b["period"], b["compared_period"]) for b in rates] == [
        (rate, "2026-01/2026-09", "2025-01/2025-09")
    ]


# --- a sentence that opens on the year before tells each of its figures of it ---


def test_a_sentence_opening_on_the_year_before_dates_each_figure() -> None:
    text = (
        LEAD + "Kazakh exports to Hungary reached 312 million euros in January-September, and imports from "
        "Hungary 290 million euros. A year earlier, over the same nine months, exports to Hungary had "
        "totalled 212 million euros and imports 190 million euros."
    )
    assert {("exports", 212e6, "2025-01/2025-09"), ("imports", 190e6, "2025-01/2025-09")} <= {
        (b["indicator"], b["value"], b["period"]) for b in figures(text)
    }


def test_the_year_before_stops_where_the_sentence_turns_to_now() -> None:
    text = (
        LEAD + "Kazakh exports to Hungary reached 312 million euros in January-September. A year earlier, "
        "exports had stood at 212 million euros, while imports have now climbed to 190 million euros."
    )
    periods = {b["value"]: b["period"] for b in figures(text)}
    assert (periods[212e6], periods[190e6]) == ("2025-01/2025-09", "2026-01/2026-09")


# --- a period closing a sentence of figures side by side dates each of them ---

CLOSING = [
    (
        LEAD + "Among the other Central European partners, exports to Poland amounted to 410 million dollars "
        "and imports from Poland to 520 million dollars in January–September.",
        {
            ("KZ", "PL", "exports", 410e6, "2026-01/2026-09"),
            ("KZ", "PL", "imports", 520e6, "2026-01/2026-09"),
        },
    ),
    (
        LEAD + "Kazakh statistics put trade with Hungary at USD 512 million in 2025. Hungarian statisticians "
        "report imports from Kazakhstan of USD 190 million and exports to Kazakhstan of roughly USD 61 "
        "million for the same year.",
        {("HU", "KZ", "imports", 190e6, "2025"), ("HU", "KZ", "exports", 61e6, "2025")},
    ),
]


@pytest.mark.parametrize(("text", "facts"), CLOSING)
def test_a_closing_period_dates_each_figure(text: str, facts: set[tuple[str, str, str, float, str]]) -> None:
    assert facts <= keys(text)
    assert all(b["commodity"] == "TOTAL" for b in figures(text))  # "report imports": no goods


# --- a contrasting clause tells its flow after its amount ---

AFTER_A_CONTRAST = [
    (
        LEAD + "Kazakh exports to Hungary came to USD 90 million in 2025, while goods worth USD 150 million "
        "were imported from Hungary.",
        ("KZ", "HU", "imports", 150e6, "2025"),
    ),
    (
        LEAD + "Kazakh exports to Hungary came to USD 90 million in 2025, but USD 150 million of Hungarian "
        "goods were shipped to Kazakhstan.",
        ("HU", "KZ", "exports", 150e6, "2025"),
    ),
]


@pytest.mark.parametrize(("text", "fact"), AFTER_A_CONTRAST)
def test_a_contrasting_clause_tells_its_flow_after_its_amount(
    text: str, fact: tuple[str, str, str, float, str]
) -> None:
    assert fact in keys(text)
    assert ("KZ", "HU", "exports", 90e6, "2025") in keys(text)


# --- the office a country's possessive names counted the figure; "to" before it marks no partner ---

SOURCES = [
    LEAD + "According to Hungary's Central Statistical Office, Hungarian exports to Kazakhstan, mostly "
    "medicines, rose 9% last year to 41.4 billion forints.",
    LEAD + "According to Kazakhstan's Ministry of Finance, Hungarian exports to Kazakhstan rose 9% last year "
    "to USD 141 million.",
]


@pytest.mark.parametrize("text", SOURCES)
def test_a_countrys_office_is_a_source_not_a_partner(text: str) -> None:
    assert {(b["reporter"], b["partner"], b["indicator"]) for b in figures(text)} == {
        ("HU", "KZ", "exports"),
        ("HU", "KZ", "exports_growth"),
    }


# --- a year's closing months ---

CLOSING_MONTHS = [
    (
        "en",
        LEAD + "In the last three months of 2025 alone, Kazakh exports to Hungary fell 6 percent.",
        "2025-10/2025-12",
    ),
    (
        "en",
        LEAD + "Over the final two months of last year, Kazakh exports to Hungary reached USD 31 million.",
        "2025-11/2025-12",
    ),
    ("ru", "За последние три месяца 2025 года экспорт Казахстана в Венгрию вырос на 6 %.", "2025-10/2025-12"),
]


@pytest.mark.parametrize(("language", "text", "period"), CLOSING_MONTHS)
def test_a_years_closing_months(language: str, text: str, period: str) -> None:
    assert {b["period"] for b in figures(text, language)} == {period}


# --- whose flow: the goods' country, a clause's own side, the country goods come from ---

SIDES = [
    (
        "ru",
        "Венгрия поставляет в Казахстан лекарства, оборудование и вино; ввоз венгерского вина в прошлом "
        "году вырос в 1,6 раза.",
        ("KZ", "HU", "imports_growth"),
    ),
    (
        "ru",
        "За январь–октябрь Казахстан поставил в Венгрию свыше 14 тыс. тонн зерна, а венгерский экспорт в "
        "республику вырос вдвое.",
        ("HU", "KZ", "exports_growth"),
    ),
    (
        "ru",
        "Основу казахстанского экспорта составляет нефть: в прошлом году венгерские заводы получили из "
        "Казахстана более 1,1 млн тонн сырья.",
        ("KZ", "HU", "exports"),
    ),
    (
        "en",
        LEAD + "Kazakhstan shipped 14,000 tonnes of grain to Hungary in January-October, while Hungarian "
        "exports to the republic doubled.",
        ("HU", "KZ", "exports_growth"),
    ),
]


@pytest.mark.parametrize(("language", "text", "flow"), SIDES)
def test_whose_flow(language: str, text: str, flow: tuple[str, str, str]) -> None:
    flows = {(b["reporter"], b["partner"], b["indicator"]) for b in figures(text, language)}
    assert flow in flows


# --- a unit in capitals after a scale's abbreviation ends no sentence ---


def test_a_unit_in_capitals_after_a_scale_abbreviation() -> None:
    text = (
        "Транзит казахстанских контейнеров через территорию Венгрии в 2025 году составил 61 тыс. ДФЭ. "
        "Это рекорд."
    )
    assert keys(text, "ru") == {("KZ", "HU", "transit_volume", 61_000, "2025")}


# --- a period told in a relative clause before the amount does not date it ---

ASIDES = [
    (
        "en",
        LEAD + "In January-September, exports of ferroalloys to Hungary reached 36,200 tonnes, while coal "
        "exports, which resumed in March, totalled 148,000 tonnes.",
    ),
    (
        "en",
        LEAD + "In January-September, Kazakh exports to Hungary, which had stalled in 2024, reached 148,000 "
        "tonnes.",
    ),
]


@pytest.mark.parametrize(("language", "text"), ASIDES)
def test_a_period_in_an_aside_does_not_date_the_figure(language: str, text: str) -> None:
    periods = {b["value"]: b["period"] for b in figures(text, language)}
    assert periods[148_000] == "2026-01/2026-09"


# --- "full-year" with its year told is that year ---


def test_a_full_year_told_with_its_year() -> None:
    text = LEAD + "Full-year 2025 (final figures): trade with Hungary totalled USD 2.04 billion."
    assert {b["period"] for b in figures(text)} == {"2025"}
