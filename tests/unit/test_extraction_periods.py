"""Periods of figures from sentences of our own: spans opened by "from", half-years named without
an ordinal, years that end in March, and the earlier figure of a "up from … a year earlier"."""

from datetime import date
from typing import Any

import pytest
from extraction_support import checked_bodies

from app.extraction.when import find_periods


def figures(text: str, language: str, published: date) -> list[dict[str, Any]]:
    return checked_bodies(text, language, "trade_figure", published)


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("from January through September 2025", "2025-01/2025-09"),
        ("from March to May 2024", "2024-03/2024-05"),
        ("с января по июль 2025 года", "2025-01/2025-07"),
        ("по итогам полугодия", "2025-01/2025-06"),
        ("за полугодие 2024 года", "2024-01/2024-06"),
        ("in the Iranian year that ended March 20", "2024-03-21/2025-03-20"),
        ("in the current Iranian year, which began on March 21", "2025-03-21/2026-03-20"),
        ("in the fiscal year ended March 31, 2025", "2024-04-01/2025-03-31"),
        ("за прошлый иранский год", "2024-03-21/2025-03-20"),
        ("in March and April", "2025-03/2025-04"),
        ("в январе и феврале", "2025-01/2025-02"),
        ("between January and April 2025", "2025-01/2025-04"),
        ("между январём и апрелем 2025 года", "2025-01/2025-04"),
        ("в феврале текущего года", "2025-02"),
        ("March–May of last year", "2024-03/2024-05"),
        ("за март–май прошлого года", "2024-03/2024-05"),
    ],
)
def test_periods(text: str, period: str) -> None:
    found = find_periods(text, 0, 2025, date(2025, 6, 5))
    assert [(p.value, p.comparison) for p in found] == [(period, False)]


def test_a_span_opened_by_from_is_the_figures_period() -> None:
    [body] = figures(
        "Trade between Armenia and Georgia amounted to $356 million from January through September "
        "2025, the customs service said.",
        "en",
        date(2025, 10, 20),
    )
    assert body["period"] == "2025-01/2025-09"


def test_a_growth_rate_of_a_fiscal_year_is_compared_with_the_fiscal_year_before() -> None:
    bodies = figures(
        "Trade between Iran and Armenia totaled $410 million in the Iranian year that ended March 20, "
        "up 6% from the previous year.",
        "en",
        date(2025, 6, 5),
    )
    by_indicator = {b["indicator"]: b for b in bodies}
    assert by_indicator["trade_turnover"]["period"] == "2024-03-21/2025-03-20"
    growth = by_indicator["trade_turnover_growth"]
    assert (growth["period"], growth["compared_period"], growth["value"]) == (
        "2024-03-21/2025-03-20",
        "2023-03-21/2024-03-20",
        6,
    )


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "About 2.1 million tonnes of Kazakh oil were shipped through Georgia in January-June, "
            "up from 1.6 million tonnes a year earlier.",
            "en",
        ),
        (
            "За январь–июнь транзит казахстанской нефти через Грузию составил около 2,1 млн тонн "
            "против 1,6 млн тонн годом ранее.",
            "ru",
        ),
        (
            "Transit of Kazakh oil through Georgia reached 2.1 million tonnes in January-June, "
            "compared with 1.6 million tonnes a year earlier.",
            "en",
        ),
    ],
)
def test_the_figure_a_change_started_from_is_the_earlier_periods(text: str, language: str) -> None:
    periods = {b["value"]: b["period"] for b in figures(text, language, date(2025, 7, 18))}
    assert periods == {2_100_000: "2025-01/2025-06", 1_600_000: "2024-01/2024-06"}


def test_a_base_period_in_the_instrumental_case_is_the_comparison() -> None:
    bodies = figures(
        "Товарооборот Киргизии с Казахстаном за январь–август 2026 года достиг 1,9 млрд долларов "
        "и вырос на 4,2 % по сравнению с январём–августом 2025 года.",
        "ru",
        date(2026, 9, 25),
    )
    growth = next(b for b in bodies if b["indicator"] == "trade_turnover_growth")
    assert (growth["period"], growth["compared_period"]) == ("2026-01/2026-08", "2025-01/2025-08")


def test_a_release_states_its_period_once_for_the_paragraph() -> None:
    bodies = figures(
        "Экспорт Армении в Грузию за январь–май 2026 года составил 240 млн долларов. "
        "Импорт из Грузии составил 310 млн долларов.",
        "ru",
        date(2026, 6, 20),
    )
    assert {(b["indicator"], b["period"]) for b in bodies} == {
        ("exports", "2026-01/2026-05"),
        ("imports", "2026-01/2026-05"),
    }


def test_what_something_can_do_a_year_takes_no_period_from_before() -> None:
    bodies = figures(
        "Exports of Georgia to Armenia reached $90 million in January-May 2026. "
        "The new terminal can ship up to 2 million tonnes of cargo a year.",
        "en",
        date(2026, 6, 20),
    )
    assert [b["value"] for b in bodies] == [90_000_000]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "За полгода в Казахстан экспортировано 310 тыс. тонн узбекских овощей, что на 9 % "
            "превышает показатель прошлого года.",
            "ru",
        ),
        (
            "Uzbekistan exported 310,000 tonnes of vegetables to Kazakhstan in the first half, "
            "9% more than last year's level.",
            "en",
        ),
    ],
)
def test_a_rate_above_last_years_figure_is_growth_on_the_same_period(text: str, language: str) -> None:
    growth = next(b for b in figures(text, language, date(2026, 7, 20)) if b["indicator"] == "exports_growth")
    assert (growth["value"], growth["period"], growth["compared_period"]) == (
        9,
        "2026-01/2026-06",
        "2025-01/2025-06",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Armenian exports to Georgia over the five months reached $95 million.", ("2025-01/2025-05", False)),
        (
            "Trade between Armenia and Georgia rose 6% over the first five months of 2024.",
            ("2024-01/2024-05", True),
        ),
    ],
)
def test_over_is_a_comparison_only_after_a_change(text: str, expected: tuple[str, bool]) -> None:
    assert [(p.value, p.comparison) for p in find_periods(text, 0, 2025, date(2025, 6, 20))] == [expected]


@pytest.mark.parametrize(
    ("text", "kind", "comparison"),
    [
        ("Georgian exports to Armenia rose to $0.4 billion over the same period.", "carry", False),
        ("Trade rose 5% over the same period.", "same", True),
        ("товарооборот сократился на 3 % по сравнению с тем же периодом прошлого года", "same", True),
    ],
)
def test_the_same_period_is_a_span_or_a_base(text: str, kind: str, comparison: bool) -> None:
    [period] = find_periods(text, 0, 2025, date(2025, 10, 1))
    assert (period.kind, period.comparison) == (kind, comparison)


def test_a_rate_below_another_quarters_figure_compares_with_it() -> None:
    bodies = figures(
        "В III квартале товарооборот Армении с Грузией составил 210 млн долларов, что на 2,1 % ниже "
        "показателя II квартала.",
        "ru",
        date(2025, 10, 20),
    )
    growth = next(b for b in bodies if b["indicator"] == "trade_turnover_growth")
    assert (growth["period"], growth["compared_period"], growth["value"]) == (
        "2025-07/2025-09",
        "2025-04/2025-06",
        -2.1,
    )


def test_the_parts_of_a_total_take_its_period() -> None:
    bodies = figures(
        "Trade between Armenia and Georgia reached $900 million in January-September 2025.\n\n"
        "Of the total, Armenian exports to Georgia made up $300 million.",
        "en",
        date(2025, 10, 20),
    )
    assert {(b["indicator"], b["period"]) for b in bodies} == {
        ("trade_turnover", "2025-01/2025-09"),
        ("exports", "2025-01/2025-09"),
    }


def test_a_gain_stated_as_pribavit_is_growth() -> None:
    bodies = figures(
        "В январе–июле 2025 года товарооборот Армении и Грузии составил 610 млн долларов, прибавив 9 % "
        "к уровню аналогичного периода прошлого года.",
        "ru",
        date(2025, 8, 20),
    )
    growth = next(b for b in bodies if b["indicator"] == "trade_turnover_growth")
    assert (growth["value"], growth["compared_period"]) == (9, "2024-01/2024-07")


def test_a_month_in_the_instrumental_case_is_read_whole() -> None:
    [base] = find_periods("по сравнению с январём–маем 2024 года", 0, 2025, date(2025, 6, 5))
    assert (base.value, base.comparison) == ("2024-01/2024-05", True)


def test_two_months_apart_are_no_span() -> None:
    found = find_periods("in March and May", 0, 2025, date(2025, 6, 5))
    assert [p.value for p in found] == ["2025-03", "2025-05"]


def test_growth_against_the_same_months_of_last_year() -> None:
    bodies = figures(
        "Товарооборот Армении и Ирана в январе–мае 2025 года составил 310 млн долларов и увеличился по "
        "сравнению с январём–маем 2024 года на 6,2 процента. Экспорт Армении в Иран за тот же период "
        "составил 90 млн долларов.",
        "ru",
        date(2025, 7, 1),
    )
    growth = next(b for b in bodies if b["indicator"] == "trade_turnover_growth")
    assert (growth["period"], growth["compared_period"]) == ("2025-01/2025-05", "2024-01/2024-05")
    exports = next(b for b in bodies if b["indicator"] == "exports")
    assert exports["period"] == "2025-01/2025-05"


def test_a_rate_above_the_months_of_last_year() -> None:
    bodies = figures(
        "Over the first five months trade between Armenia and Iran came to $310 million, which is more "
        "than 6 percent above January–May of last year.",
        "en",
        date(2025, 7, 1),
    )
    growth = next(b for b in bodies if b["indicator"] == "trade_turnover_growth")
    assert (growth["value"], growth["bound"], growth["compared_period"]) == (6, "at_least", "2024-01/2024-05")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "За пять месяцев товарооборот Армении и Ирана составил 310 млн долларов. Годом ранее за тот же "
            "период он составлял 280 млн долларов.",
            "ru",
        ),
        (
            "In the first five months trade between Armenia and Iran reached $310 million. A year earlier "
            "it stood at $280 million.",
            "en",
        ),
    ],
)
def test_a_year_earlier_is_the_carried_period_a_year_back(text: str, language: str) -> None:
    bodies = figures(text, language, date(2025, 7, 1))
    assert [(b["value"], b["period"]) for b in bodies] == [
        (310_000_000, "2025-01/2025-05"),
        (280_000_000, "2024-01/2024-05"),
    ]


def test_a_calendar_year_is_a_year() -> None:
    [found] = find_periods("put trade at $498 million for calendar 2024", 0, 2025, date(2025, 6, 5))
    assert found.value == "2024"


@pytest.mark.parametrize(
    ("text", "language", "period"),
    [
        (
            "Back in 2015, Armenia shipped less than 40,000 tonnes of ore to Georgia for the whole year.",
            "en",
            "2015",
        ),
        (
            "Когда я начал работу здесь в 2019 году, товарооборот Армении с Грузией за тот год едва превысил "
            "700 млн долларов.",
            "ru",
            "2019",
        ),
        ("As recently as 2017 trade between Armenia and Georgia was about $1.2 billion.", "en", "2017"),
    ],
)
def test_that_year_is_the_year_the_sentence_named(text: str, language: str, period: str) -> None:
    [body] = figures(text, language, date(2025, 6, 5))
    assert body["period"] == period


def test_months_a_january_report_gives_are_last_years() -> None:
    published = date(2026, 1, 20)
    [found] = find_periods("in January-September", 0, 2026, published)
    assert found.value == "2025-01/2025-09"
    [found] = find_periods("за первые девять месяцев текущего года", 0, 2026, published)
    assert found.value == "2026-01/2026-09"  # what the text says, even if odd


def test_two_months_joined_by_and_are_two_months() -> None:
    found = find_periods("in January and April 2025", 0, 2025, date(2025, 6, 5))
    assert [p.value for p in found] == ["2025-01", "2025-04"]


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("from October 2023 to September 2024", "2023-10/2024-09"),
        ("October 2023–September 2024", "2023-10/2024-09"),
        ("between October 2024 and March 2025", "2024-10/2025-03"),
        ("с июля 2024-го по июнь 2025-го", "2024-07/2025-06"),
        ("с июля 2024 года по июнь 2025 года", "2024-07/2025-06"),
        ("между октябрём 2024 и мартом 2025 года", "2024-10/2025-03"),
        ("from January 2025 to June 2025", "2025-01/2025-06"),
    ],
)
def test_months_each_with_its_year_are_one_span_across_the_year_end(text: str, period: str) -> None:
    [found] = find_periods(text, 0, None, date(2025, 10, 1))
    assert found.value == period


def test_months_with_their_years_joined_by_and_are_two_months() -> None:
    found = find_periods("in October 2024 and March 2025", 0, None, date(2025, 10, 1))
    assert [p.value for p in found] == ["2024-10", "2025-03"]


def test_a_figure_over_a_span_across_the_year_end() -> None:
    text = "Exports from Chile to Peru from October 2023 to September 2024 reached USD 1.2 billion."
    [body] = figures(text, "en", date(2024, 11, 5))
    assert body["period"] == "2023-10/2024-09"


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("The ministry counts by the fiscal year from April to March: trade in 2025-26", "2025-04/2026-03"),
        ("the 2024/25 fiscal year, which ran from July to June", "2024-07/2025-06"),
        ("in FY2024/25 (October to September)", "2024-10/2025-09"),
        ("в 2024/25 финансовом году (с июля по июнь)", "2024-07/2025-06"),
    ],
)
def test_a_year_pair_is_the_fiscal_year_its_sentence_gives_months_to(text: str, period: str) -> None:
    found = [p for p in find_periods(text, 0, None, date(2026, 10, 1)) if p.kind == "year_pair"]
    assert [p.value for p in found] == [period]


@pytest.mark.parametrize(
    "text",
    [
        "In 2025-26 exports rose.",
        "From April to March 2024-26 exports rose.",
        "in 2024/25, from January to June",
    ],
)
def test_a_year_pair_without_its_twelve_months_is_no_fiscal_year(text: str) -> None:
    assert not [p for p in find_periods(text, 0, None, date(2026, 10, 1)) if p.kind == "year_pair"]


def test_a_figure_in_a_fiscal_year_named_by_its_two_years() -> None:
    text = (
        "India's commerce ministry, which counts by the fiscal year from April to March, puts "
        "exports from India to Uzbekistan in 2025-26 at $610 million."
    )
    [body] = figures(text, "en", date(2026, 10, 5))
    assert body["period"] == "2025-04/2026-03"
