"""rules-13, trade figures: numbers in words, fractions as a comparison's measure, a dash that stands
for the verb, bases of comparison, lists under a caption that gives their unit, periods not over at
publication, and the words a turnover or a rate is told in, from sentences of our own (issue 12)."""

from datetime import date
from typing import Any

import pytest
from extraction_support import checked_bodies

from app.extraction.amounts import find_amounts
from app.extraction.when import find_periods

PUBLISHED = date(2026, 9, 15)


def figures(text: str, language: str, published: date = PUBLISHED) -> list[dict[str, Any]]:
    return checked_bodies(text, language, "trade_figure", published)


@pytest.mark.parametrize(
    ("text", "language", "value", "unit"),
    [
        ("оборот достиг шестисот пятнадцати миллионов долларов", "ru", 615e6, "USD"),
        ("экспорт вырос на семнадцать процентов", "ru", 17, "percent"),
        ("составил тридцати двух миллиардов девятисот миллионов евро", "ru", 32.9e9, "EUR"),
        ("около трёх с половиной миллиардов долларов", "ru", 3.5e9, "USD"),
        ("were valued at four hundred and twenty million dollars", "en", 420e6, "USD"),
        ("Thirty-two billion dollars of goods", "en", 32e9, "USD"),
        ("down by roughly two and a half percent", "en", 2.5, "percent"),
        ("some thirteen million tonnes", "en", 13e6, "tonnes"),
    ],
)
def test_numbers_in_words(text: str, language: str, value: float, unit: str) -> None:
    [amount] = find_amounts(text, 0, language)
    assert (amount.value, amount.unit) == (pytest.approx(value), unit)


def test_a_fraction_as_the_measure_of_more_or_less() -> None:
    amounts = find_amounts(
        "Exports reached 40,000 tonnes, nearly a quarter more than a year earlier.", 0, "en"
    )
    assert [(a.value, a.unit) for a in amounts] == [(40_000, "tonnes"), (25, "percent")]
    assert [a.unit for a in find_amounts("a third of the 9 million tonnes", 0, "en")] == ["tonnes"]


def test_a_fraction_more_is_a_growth_rate() -> None:
    found = figures(
        "Chile's exports to Peru reached 80,000 tonnes in January–June 2026, "
        "a fifth more than in the same months of 2025.",
        "en",
    )
    assert [(b["indicator"], b["value"], b["period"]) for b in found] == [
        ("exports", 80_000, "2026-01/2026-06"),
        ("exports_growth", 20, "2026-01/2026-06"),
    ]


def test_a_dash_that_stands_for_the_verb_keeps_its_unit_status_and_own_country() -> None:
    found = figures(
        "Экспорт Чили в Перу за январь–июнь оценивается в 2,1 млрд долларов, "
        "перуанский экспорт в обратном направлении — примерно в 1,4 млрд.",
        "ru",
    )
    assert [(b["reporter"], b["partner"], b["value"], b["bound"], b["status"]) for b in found] == [
        ("CL", "PE", 2.1e9, "exact", "estimate"),
        ("PE", "CL", 1.4e9, "approximate", "estimate"),
    ]
    found = figures(
        "Экспорт Чили в Перу в 2025 году составил 2,1 млрд долларов, импорт из Перу — около 1,4 млрд.", "ru"
    )
    assert [(b["indicator"], b["value"], b["bound"]) for b in found] == [
        ("exports", 2.1e9, "exact"),
        ("imports", 1.4e9, "approximate"),
    ]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "В январе–мае товарооборот Чили и Перу составил 51 млн долларов, примерно на 30 % больше, "
            "чем за те же пять месяцев прошлого года.",
            "ru",
            [("trade_turnover", "2026-01/2026-05", 51e6), ("trade_turnover_growth", "2026-01/2026-05", 30)],
        ),
        (
            "В январе–марте рост товарооборота Чили и Перу продолжился: "
            "плюс 4,5 % к тому же периоду 2025 года.",
            "ru",
            [("trade_turnover_growth", "2026-01/2026-03", 4.5)],
        ),
        (
            "Trade between Chile and Peru reached USD 410 million in 2025, compared with USD 380 million "
            "a year before.",
            "en",
            [("trade_turnover", "2025", 410e6), ("trade_turnover", "2024", 380e6)],
        ),
        (
            "Chilean exports to Peru came to 52,000 tonnes in July–August 2026, up 6% from July–August 2025.",
            "en",
            [("exports", "2026-07/2026-08", 52_000), ("exports_growth", "2026-07/2026-08", 6)],
        ),
    ],
)
def test_a_base_of_comparison_is_not_the_figures_period(
    text: str, language: str, expected: list[tuple[str, str, float]]
) -> None:
    found = figures(text, language)
    assert [(b["indicator"], b["period"], b["value"]) for b in found] == expected


def test_a_span_from_one_month_to_another_is_no_base() -> None:
    [period] = find_periods("Exports grew from March to May 2026.", 0, 2026, PUBLISHED)
    assert (period.value, period.comparison) == ("2026-03/2026-05", False)


def test_a_year_in_general_is_a_period_not_a_group() -> None:
    found = figures(
        "Прогноз на 2027 год в целом предполагает товарооборот Чили и Перу на уровне 5–6 млрд долларов.", "ru"
    )
    assert [(b["period"], b["value"], b["status"]) for b in found] == [("2027", 5e9, "forecast")]


@pytest.mark.parametrize(
    ("text", "language", "indicator"),
    [
        ("В августе оборот Чили и Перу вырос до 460 млн долларов.", "ru", "trade_turnover"),
        (
            "Goods worth about USD 5 billion were exchanged between Chile and Peru in 2025.",
            "en",
            "trade_turnover",
        ),
        ("The two-way flow between Chile and Peru reached EUR 2 billion in 2025.", "en", "trade_turnover"),
        ("Transhipment of Peruvian cargo through Chile reached 120,000 TEU in 2025.", "en", "transit_volume"),
    ],
)
def test_a_turnover_or_a_flow_in_other_words(text: str, language: str, indicator: str) -> None:
    assert [b["indicator"] for b in figures(text, language)] == [indicator]


def test_a_share_in_the_next_clause_leaves_the_figure() -> None:
    found = figures(
        "Для сравнения: торговля Чили с Аргентиной в прошлом году превысила 20 млрд долларов, а доля "
        "стран региона во внешней торговле Перу держится около 30 %.",
        "ru",
    )
    assert [(b["reporter"], b["partner"], b["value"]) for b in found] == [("CL", "AR", 20e9)]


def test_a_third_pair_in_its_own_clause_is_no_pair_to_go_on_with() -> None:
    text = (
        "Товарооборот Чили и Перу в 2025 году составил 4 млрд долларов.\n\n"
        "Для сравнения: на Китай приходится треть внешней торговли Перу, а товарооборот Чили с "
        "Аргентиной за тот же год превысил 20 млрд долларов.\n\n"
        "В 2026 году товарооборот, как ожидается, составит 4,5 млрд долларов."
    )
    found = figures(text, "ru")
    assert [(b["reporter"], b["partner"], b["period"]) for b in found] == [
        ("CL", "PE", "2025"),
        ("CL", "AR", "2025"),
        ("CL", "PE", "2026"),
    ]


def test_a_period_not_over_at_publication_is_a_forecast() -> None:
    found = figures(
        "The office's central scenario puts full-year 2026 trade between Chile and Peru at USD 5 billion.",
        "en",
    )
    assert [(b["period"], b["status"]) for b in found] == [("2026", "forecast")]
    found = figures("Trade between Chile and Peru reached USD 3.1 billion in January–August 2026.", "en")
    assert [(b["period"], b["status"]) for b in found] == [("2026-01/2026-08", "reported")]


def test_approach_is_an_approximate_value() -> None:
    [body] = figures(
        "Officials forecast that trade between Chile and Peru will approach USD 6 billion in 2027.", "en"
    )
    assert (body["bound"], body["status"]) == ("approximate", "forecast")


def test_a_list_under_a_caption_that_gives_its_unit() -> None:
    text = (
        "Товарооборот Чили и Перу во втором квартале 2026 года составил 1,2 млрд долларов.\n\n"
        "Данные по месяцам (млн долларов США):\n"
        "апрель — 390,5;\n"
        "май — 401,2;\n"
        "июнь — 408,3."
    )
    found = figures(text, "ru")
    assert [(b["indicator"], b["period"], b["value"], b["reporter"], b["partner"]) for b in found] == [
        ("trade_turnover", "2026-04/2026-06", 1.2e9, "CL", "PE"),
        ("trade_turnover", "2026-04", 390.5e6, "CL", "PE"),
        ("trade_turnover", "2026-05", 401.2e6, "CL", "PE"),
        ("trade_turnover", "2026-06", 408.3e6, "CL", "PE"),
    ]


def test_a_list_names_its_flow_in_the_caption() -> None:
    text = (
        "Внешняя торговля Чили и Перу в 2026 году\n\n"
        "Экспорт Чили в Перу по кварталам (млн долларов):\n"
        "I квартал — 210;\n"
        "II квартал — 225."
    )
    found = figures(text, "ru")
    assert [(b["indicator"], b["period"], b["value"]) for b in found] == [
        ("exports", "2026-01/2026-03", 210e6),
        ("exports", "2026-04/2026-06", 225e6),
    ]


def test_months_to_a_month() -> None:
    [period] = find_periods("in the six months to June", 0, 2026, PUBLISHED)
    assert period.value == "2026-01/2026-06"
    [period] = find_periods("in the twelve months ending March 2026", 0, 2026, PUBLISHED)
    assert period.value == "2025-04/2026-03"


def test_what_a_contrasting_clause_names_is_not_the_rates() -> None:
    text = (
        "Chilean cargo moved through Peru reached 1.2 million tonnes in January–August 2026. "
        "That is about a fifth more than in the same period of 2025, but it remains small beside "
        "the volumes sent via Argentina, which handled well over four million tonnes last year."
    )
    found = figures(text, "en")
    assert [(b["indicator"], b["period"], b.get("compared_period")) for b in found][:2] == [
        ("transit_volume", "2026-01/2026-08", None),
        ("transit_volume_growth", "2026-01/2026-08", "2025-01/2025-08"),
    ]


def test_a_rate_after_an_amount_is_that_amounts() -> None:
    found = figures(
        "Transhipment of Peruvian export cargo through Chile accounted for 41,000 TEU in January–June "
        "2026, up 7% from January–June 2025.",
        "en",
    )
    assert [(b["indicator"], b["period"]) for b in found] == [
        ("transit_volume", "2026-01/2026-06"),
        ("transit_volume_growth", "2026-01/2026-06"),
    ]


def test_goods_carried_from_one_country_to_the_other_are_exports() -> None:
    [body] = figures(
        "Freight moved by rail from Chile to Peru in January–June 2026 rose to 90,000 tonnes.", "en"
    )
    assert (body["reporter"], body["partner"], body["indicator"]) == ("CL", "PE", "exports")
    [body] = figures(
        "Freight moved from Chile through Argentina to Brazil reached 90,000 tonnes in 2025.", "en"
    )
    assert body["indicator"] == "transit_volume"


def test_us_terms_name_a_currency_and_something_like_is_approximate() -> None:
    text = (
        "Trade between Chile and Peru in 2025 came to, in US terms, roughly 6.1 billion dollars. "
        "That is down by something like two percent on 2024."
    )
    found = figures(text, "en")
    assert [(b["reporter"], b["partner"], b["indicator"], b["bound"]) for b in found] == [
        ("CL", "PE", "trade_turnover", "approximate"),
        ("CL", "PE", "trade_turnover_growth", "approximate"),
    ]


def test_trade_with_the_rest_of_a_group_is_no_pairs() -> None:
    text = (
        "Chile's exports to Peru reached USD 2 billion in 2025. "
        "Chile's exports to the rest of the bloc, Peru excluded, grew by about nine percent in 2025."
    )
    assert [b["indicator"] for b in figures(text, "en")] == ["exports"]


def test_a_list_with_one_flow_per_column() -> None:
    text = (
        "Trade between Chile and Peru reached USD 3.1 billion in January–August 2026.\n\n"
        "By quarter, USD million (Chilean exports to Peru / Chilean imports from Peru):\n"
        "January–March: 610.2 / 402.5\n"
        "April–June: 622.8 / 415.0"
    )
    found = figures(text, "en")
    assert [(b["reporter"], b["partner"], b["indicator"], b["period"], b["value"]) for b in found][1:] == [
        ("CL", "PE", "exports", "2026-01/2026-03", 610.2e6),
        ("CL", "PE", "imports", "2026-01/2026-03", 402.5e6),
        ("CL", "PE", "exports", "2026-04/2026-06", 622.8e6),
        ("CL", "PE", "imports", "2026-04/2026-06", 415.0e6),
    ]


def test_an_estimated_value_is_an_estimate_not_a_bound() -> None:
    [body] = figures("Trade between Chile and Peru reached an estimated USD 4.2 billion in 2025.", "en")
    assert (body["bound"], body["status"]) == ("exact", "estimate")
