"""Trade figures from sentences of our own: indicator, pair, value, bound, status, period."""

from datetime import date
from typing import Any

import pytest
from extraction_support import checked_bodies

PUBLISHED = date(2025, 10, 15)


def figures(text: str, language: str, published: date | None = PUBLISHED) -> list[dict[str, Any]]:
    return checked_bodies(text, language, "trade_figure", published)


def figure(text: str, language: str, published: date | None = PUBLISHED) -> dict[str, Any]:
    found = figures(text, language, published)
    assert len(found) == 1, found
    return found[0]


def test_turnover_keeps_the_articles_order_of_the_pair() -> None:
    body = figure(
        "Товарооборот между Казахстаном и Узбекистаном в 2024 году составил 4,4 млрд долларов.", "ru"
    )
    assert body == {
        "reporter": "KZ",
        "partner": "UZ",
        "indicator": "trade_turnover",
        "commodity": "TOTAL",
        "period": "2024",
        "value": 4_400_000_000,
        "unit": "USD",
        "bound": "exact",
        "status": "reported",
    }


def test_exports_of_x_to_y() -> None:
    body = figure("Exports from Georgia to Armenia reached $210 million in the first half of 2025.", "en")
    assert (body["reporter"], body["partner"], body["indicator"], body["period"]) == (
        "GE",
        "AM",
        "exports",
        "2025-01/2025-06",
    )


def test_imports_of_x_from_y() -> None:
    body = figure("Импорт Туркменистана из Ирана за январь–март 2025 года составил 95 млн долларов.", "ru")
    assert (body["reporter"], body["partner"], body["indicator"]) == ("TM", "IR", "imports")


def test_transit_of_x_goods_through_y() -> None:
    body = figure("В 2024 году транзит казахстанской нефти через Грузию превысил 3 млн тонн.", "ru")
    assert (body["reporter"], body["partner"], body["indicator"], body["commodity"]) == (
        "KZ",
        "GE",
        "transit_volume",
        "oil",
    )
    assert body["bound"] == "at_least"


@pytest.mark.parametrize(
    ("text", "language", "bound"),
    [
        ("Товарооборот Армении и Грузии в 2024 году составил около 1,1 млрд долларов.", "ru", "approximate"),
        (
            "Товарооборот Армении и Грузии в 2024 году составил порядка 1,1 млрд долларов.",
            "ru",
            "approximate",
        ),
        ("Товарооборот Армении и Грузии в 2024 году составил почти 1,1 млрд долларов.", "ru", "approximate"),
        ("Товарооборот Армении и Грузии в 2024 году превысил 1,1 млрд долларов.", "ru", "at_least"),
        ("Товарооборот Армении и Грузии в 2024 году составил свыше 1,1 млрд долларов.", "ru", "at_least"),
        ("Товарооборот Армении и Грузии в 2024 году составил менее 1,1 млрд долларов.", "ru", "at_most"),
        ("Trade between Armenia and Georgia was nearly $1.1 billion in 2024.", "en", "approximate"),
        ("Trade between Armenia and Georgia was more than $1.1 billion in 2024.", "en", "at_least"),
        ("Trade between Armenia and Georgia exceeded $1.1 billion in 2024.", "en", "at_least"),
        ("Trade between Armenia and Georgia was up to $1.1 billion in 2024.", "en", "at_most"),
        ("Trade between Armenia and Georgia was $1.1 billion in 2024.", "en", "exact"),
    ],
)
def test_qualifiers_are_bounds(text: str, language: str, bound: str) -> None:
    assert figure(text, language)["bound"] == bound


def test_a_range_is_a_range() -> None:
    body = figure("In 2024 trade between Armenia and Georgia grew by between 5 and 7 percent.", "en")
    assert (body["value"], body["value_upper"], body["bound"], body["indicator"]) == (
        5,
        7,
        "range",
        "trade_turnover_growth",
    )


def test_growth_rates_with_their_compared_period() -> None:
    body = figure(
        "Товарооборот Грузии и Армении за январь–июнь 2025 года вырос на 12 % по сравнению с аналогичным "
        "периодом 2024 года.",
        "ru",
    )
    assert (body["indicator"], body["value"], body["unit"], body["period"], body["compared_period"]) == (
        "trade_turnover_growth",
        12,
        "percent",
        "2025-01/2025-06",
        "2024-01/2024-06",
    )
    english = figure(
        "Trade between Georgia and Armenia increased by 15 percent year-on-year in Q2 2025.", "en"
    )
    assert (english["period"], english["compared_period"]) == ("2025-04/2025-06", "2024-04/2024-06")


def test_a_decline_is_a_negative_growth_rate() -> None:
    body = figure("В 2024 году экспорт Армении в Грузию сократился на 8 %.", "ru")
    assert (body["indicator"], body["value"]) == ("exports_growth", -8)


@pytest.mark.parametrize(
    ("text", "language", "status"),
    [
        (
            "Ожидается, что в 2026 году товарооборот Армении и Грузии превысит 2 млрд долларов.",
            "ru",
            "forecast",
        ),
        ("В 2026 году товарооборот Армении и Грузии составит 2 млрд долларов.", "ru", "forecast"),
        ("Trade between Armenia and Georgia is expected to reach $2 billion in 2026.", "en", "forecast"),
        ("Trade between Armenia and Georgia could reach $2 billion in 2026.", "en", "forecast"),
        (
            "Стороны поставили задачу довести товарооборот Армении и Грузии до 2 млрд долларов к 2030 году.",
            "ru",
            "target",
        ),
        ("Armenia and Georgia aim to bring bilateral trade to $2 billion by 2030.", "en", "target"),
        (
            "По предварительным данным, товарооборот Армении и Грузии в 2024 году составил 1,1 млрд "
            "долларов.",
            "ru",
            "preliminary",
        ),
        (
            "Trade between Armenia and Georgia was $1.1 billion in 2024, preliminary data show.",
            "en",
            "preliminary",
        ),
    ],
)
def test_forecasts_targets_and_preliminary_figures(text: str, language: str, status: str) -> None:
    body = figure(text, language)
    assert body["status"] == status
    if status == "target":
        assert (body["period"], body["bound"]) == ("2030", "exact")


def test_relative_periods_resolve_against_the_publication_date() -> None:
    assert (
        figure("В прошлом году товарооборот Армении и Грузии составил 1,1 млрд долларов.", "ru")["period"]
        == "2024"
    )
    body = figure(
        "Since the start of the year trade between Armenia and Georgia totalled $900 million.", "en"
    )
    assert body["period"] == "2025-01/2025-10"


def test_no_period_and_no_publication_date_means_no_figure() -> None:
    assert (
        figures("В прошлом году товарооборот Армении и Грузии составил 1,1 млрд долларов.", "ru", None) == []
    )
    assert figures("Товарооборот Армении и Грузии составил 1,1 млрд долларов.", "ru") == []


def test_amounts_that_are_not_trade_figures_are_left_out() -> None:
    text = (
        "В 2024 году Армения инвестировала в Грузию 50 млн долларов. Общий внешнеторговый оборот Грузии в "
        "2024 году составил 16 млрд долларов. Мощность порта составляет 10 млн тонн в год. "
        "The pipeline is 1,200 km long."
    )
    assert figures(text, "ru") == []


def test_the_same_period_carries_over_and_the_paragraph_names_the_pair() -> None:
    text = (
        "Товарооборот Армении и Грузии за январь–август 2025 года составил 800 млн долларов. "
        "Экспорт Армении в Грузию за тот же период достиг 300 млн долларов."
    )
    exports = next(b for b in figures(text, "ru") if b["indicator"] == "exports")
    assert (exports["period"], exports["reporter"], exports["partner"]) == ("2025-01/2025-08", "AM", "GE")


def test_several_figures_in_one_sentence_each_take_their_own_period() -> None:
    text = (
        "Trade between Armenia and Georgia exceeded $1.1 billion last year and grew by another 9 percent "
        "in January–March 2025."
    )
    found = {b["indicator"]: b for b in figures(text, "en")}
    assert (found["trade_turnover"]["period"], found["trade_turnover"]["bound"]) == ("2024", "at_least")
    assert found["trade_turnover_growth"]["period"] == "2025-01/2025-03"


def test_an_adjective_after_imports_names_where_the_goods_come_from() -> None:
    body = figure("Armenia imported around 2 million tonnes of Georgian wheat in 2024.", "en")
    assert (body["reporter"], body["partner"], body["indicator"], body["commodity"]) == (
        "AM",
        "GE",
        "imports",
        "wheat",
    )


def test_a_growth_rate_shares_the_period_of_the_amount_it_reached() -> None:
    found = figures("Trade between Armenia and Georgia rose 40% to $480 million last year.", "en")
    assert sorted((b["indicator"], b["value"], b["period"]) for b in found) == [
        ("trade_turnover", 480_000_000, "2024"),
        ("trade_turnover_growth", 40, "2024"),
    ]


def test_a_fall_stated_as_a_comparison_and_transit_from_a_country() -> None:
    found = figures(
        "С января по май текущего года экспорт армянского коньяка в Грузию составил 6,1 млн долларов, что на "
        "3 % меньше, чем годом ранее.",
        "ru",
    )
    growth = next(b for b in found if b["indicator"] == "exports_growth")
    assert (growth["value"], growth["period"], growth["compared_period"]) == (
        -3,
        "2025-01/2025-05",
        "2024-01/2024-05",
    )
    transit = figure(
        "Georgia intends to raise cargo transit from Armenia to Europe to 5 million tonnes by 2030.", "en"
    )
    assert (transit["reporter"], transit["partner"], transit["status"]) == ("AM", "GE", "target")


def test_dollars_of_the_united_states_are_a_currency_not_a_country() -> None:
    text = (
        "Товарооборот Таджикистана и Казахстана за январь–март 2025 года составил 410 млн долларов США. "
        "В марте товарооборот с Казахстаном составил 150 млн долларов США."
    )
    assert {(b["reporter"], b["partner"]) for b in figures(text, "ru")} == {("TJ", "KZ")}


@pytest.mark.parametrize(
    "text",
    [
        "Mongolia's exports to Kazakhstan reached US$212 million in the first half of 2025.",
        "Mongolia's exports to Kazakhstan reached US $212 million in the first half of 2025.",
        "Mongolia's exports to Kazakhstan reached 212 million US dollars in the first half of 2025.",
    ],
)
def test_a_dollar_sign_after_us_is_the_currency_not_a_country(text: str) -> None:
    body = figure(text, "en")
    assert (body["reporter"], body["partner"], body["value"], body["unit"]) == (
        "MN",
        "KZ",
        212_000_000,
        "USD",
    )


def test_a_figure_priced_in_us_dollars_keeps_the_pair_of_the_sentence_before() -> None:
    text = (
        "Armenia's trade with Georgia reached US$400 million in the first quarter of 2025. "
        "Exports to Georgia reached US$140 million, while imports from Georgia stood at US$95 million."
    )
    pairs = {(b["indicator"], b["reporter"], b["partner"]) for b in figures(text, "en")}
    assert {("exports", "AM", "GE"), ("imports", "AM", "GE")} <= pairs


def test_the_united_states_still_counts_when_named_before_a_dollar_amount() -> None:
    body = figure("Georgia's exports to the US reached US$30 million in 2024.", "en")
    assert (body["reporter"], body["partner"]) == ("GE", "US")


@pytest.mark.parametrize(
    "text",
    [
        "Сальдо торговли Армении с Ираном в 2024 году составило минус 120 млн долларов.",
        "Georgia's trade deficit with Turkey widened to $1.1 billion in 2024.",
    ],
)
def test_a_trade_balance_is_not_turnover(text: str) -> None:
    assert figures(text, "ru" if "Сальдо" in text else "en") == []


def test_a_comparative_before_a_dash_does_not_bound_the_amount() -> None:
    body = figure(
        "Грузинская статистика называет более осторожную оценку товарооборота с Арменией "
        "в 2024 году — 820 млн долларов.",
        "ru",
    )
    assert (body["value"], body["bound"]) == (820_000_000, "exact")


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "— What do you expect for trade between Georgia and Armenia?\n\n"
            "— Our goal is $900 million by 2029.",
            "en",
            ("trade_turnover", "2029", 900_000_000, "target"),
        ),
        (
            "«К концу года мы рассчитываем выйти примерно на 3 млрд долларов», — сказал министр. "
            "В 2024 году взаимная торговля Армении и Ирана составила 2,6 млрд долларов.",
            "ru",
            ("trade_turnover", "2025", 3_000_000_000, "forecast"),
        ),
    ],
)
def test_an_aim_takes_what_it_measures_from_its_paragraph_or_the_question(
    text: str, language: str, expected: tuple[Any, ...]
) -> None:
    aims = [b for b in figures(text, language) if b["status"] in {"target", "forecast"}]
    assert [(b["indicator"], b["period"], b["value"], b["status"]) for b in aims] == [expected]


def test_a_sum_with_no_aim_takes_no_indicator_from_its_neighbours() -> None:
    text = "Взаимная торговля Армении и Ирана в 2024 году выросла. Бюджет фестиваля составил 2 млн долларов."
    assert figures(text, "ru") == []


def test_a_task_set_is_not_a_supply() -> None:
    body = figure(
        "Товарооборот Таджикистана и Киргизии растёт. Президенты поставили задачу довести его "
        "до 2 млрд долларов к 2030 году.",
        "ru",
    )
    assert (body["indicator"], body["status"], body["bound"]) == ("trade_turnover", "target", "exact")


@pytest.mark.parametrize(
    ("text", "language", "pair"),
    [
        (
            "В прошлом году Туркменистан поставил в Узбекистан около 2 млрд кубометров газа.",
            "ru",
            ("TM", "UZ"),
        ),
        (
            "Turkmenistan supplied 5 billion cubic metres of gas to Uzbekistan last year.\n\n"
            "Deliveries in March alone were about 0.5 bcm, the operator of the pipeline, which runs "
            "across Kazakh territory, said.",
            "en",
            ("TM", "UZ"),
        ),
    ],
)
def test_deliveries_are_exports_of_the_last_pair_named(
    text: str, language: str, pair: tuple[str, str]
) -> None:
    bodies = figures(text, language)
    assert bodies and {(b["reporter"], b["partner"], b["indicator"]) for b in bodies} == {(*pair, "exports")}


def test_eight_months_in_words() -> None:
    body = figure("Экспорт Грузии в Армению за восемь месяцев вырос до 150 млн долларов.", "ru")
    assert (body["period"], body["bound"]) == ("2025-01/2025-08", "exact")


def test_total_exports_are_to_every_buyer() -> None:
    text = (
        "Georgia's total wine exports reached $300 million in 2024, with Armenia, Ukraine and "
        "Poland the largest buyers."
    )
    assert figures(text, "en") == []


def test_a_target_without_a_year_takes_none_from_before() -> None:
    text = (
        "Товарооборот Армении и Грузии в 2024 году составил 800 млн долларов. "
        "Официальная цель в 1 млрд долларов пока далека."
    )
    assert [b["value"] for b in figures(text, "ru")] == [800_000_000]


def test_a_pronoun_stands_for_the_trade_named_before() -> None:
    text = (
        "Trade between Armenia and Georgia, by contrast, remains small. It was put at $95 million "
        "in the first four months, a 2 percent drop year-on-year."
    )
    bodies = {b["indicator"]: b for b in figures(text, "en")}
    assert (bodies["trade_turnover"]["value"], bodies["trade_turnover"]["period"]) == (
        95_000_000,
        "2025-01/2025-04",
    )
    assert (bodies["trade_turnover_growth"]["value"], bodies["trade_turnover_growth"]["compared_period"]) == (
        -2,
        "2024-01/2024-04",
    )


def test_a_rate_before_its_amount_takes_the_period_stated_after_both() -> None:
    text = (
        "Trade between Armenia and Georgia rose by nearly 12 percent from a year earlier to $410 million "
        "in the first six months of the year."
    )
    growth = next(b for b in figures(text, "en") if b["indicator"] == "trade_turnover_growth")
    assert (growth["value"], growth["period"]) == (12, "2025-01/2025-06")


def test_an_answers_pronoun_stands_for_the_questions_trade() -> None:
    text = (
        "Q: How did trade between Armenia and Georgia do last year?\n\n"
        "A: It grew again. By our count it came to $1.1 billion in 2024."
    )
    body = figure(text, "en")
    assert (body["indicator"], body["period"], body["value"]) == ("trade_turnover", "2024", 1_100_000_000)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Armenia and Georgia discussed trade. Armenia exported 2.1 million tonnes of copper ore to all "
            "destinations in 2024, data show.",
            "en",
        ),
        (
            "Министры Армении и Грузии обсудили торговлю. Справочно: экспорт армянского коньяка по всем "
            "направлениям в 2024 году составил 30 тыс. тонн.",
            "ru",
        ),
    ],
)
def test_exports_to_every_destination_are_no_pairs_figure(text: str, language: str) -> None:
    assert figures(text, language) == []


def test_a_plan_to_ship_through_a_country_is_forecast_transit() -> None:
    body = figure(
        "YEREVAN, March 3 - Armenia plans to ship up to 400,000 tonnes of ore through Georgia this year, "
        "the minister said.",
        "en",
    )
    assert (body["indicator"], body["reporter"], body["partner"], body["bound"], body["status"]) == (
        "transit_volume",
        "AM",
        "GE",
        "at_most",
        "forecast",
    )


def test_shipments_of_goods_to_a_country_are_exports() -> None:
    body = figure("Shipments of Armenian brandy to Russia totalled nearly 9,000 tonnes in January–May.", "en")
    assert (body["indicator"], body["reporter"], body["partner"], body["bound"]) == (
        "exports",
        "AM",
        "RU",
        "approximate",
    )


def test_the_second_clause_names_its_own_pair() -> None:
    bodies = figures(
        "Armenian exports to Iran were some $210 million in those five months of 2025, while Iran bought "
        "around $95 million worth of Armenian goods.",
        "en",
    )
    assert [(b["indicator"], b["reporter"], b["partner"]) for b in bodies] == [
        ("exports", "AM", "IR"),
        ("imports", "IR", "AM"),
    ]


def test_a_wish_with_no_year_is_no_figure() -> None:
    bodies = figures(
        "Trade between Armenia and Iran reached $700 million last year. The governments want it to reach "
        '$2 billion "in the coming years", the minister said.',
        "en",
    )
    assert [b["value"] for b in bodies] == [700_000_000]


def test_an_amount_after_a_dash_keeps_the_unit_before_it() -> None:
    bodies = figures(
        "За первый квартал товарооборот Армении с Ираном составил около 310 миллионов долларов, а по итогам "
        "прошлого года — 1,2 миллиарда.",
        "ru",
    )
    assert [(b["value"], b["unit"], b["period"], b["bound"]) for b in bodies] == [
        (310_000_000, "USD", "2025-01/2025-03", "approximate"),
        (1_200_000_000, "USD", "2024", "exact"),
    ]


def test_supplies_through_a_countrys_territory_are_transit() -> None:
    body = figure(
        "В 2024 году Армения поставила через территорию Грузии в Россию порядка 0,5 млрд кубометров газа.",
        "ru",
    )
    assert (body["indicator"], body["reporter"], body["partner"]) == ("transit_volume", "AM", "GE")


def test_cubic_metres_written_out() -> None:
    body = figure(
        "В январе–апреле 2025 года Армения экспортировала в Грузию почти 60 млн кубических метров газа.", "ru"
    )
    assert (body["value"], body["unit"], body["bound"]) == (60_000_000, "cubic_metres", "approximate")


def test_the_qualifier_nearest_the_amount_and_passing_a_mark() -> None:
    bodies = figures(
        "In the first half of 2025 trade between Armenia and Iran edged up to about $1.2 billion. For 2025 "
        "as a whole I am confident we will pass $2 billion.",
        "en",
    )
    assert [(b["bound"], b["status"]) for b in bodies] == [
        ("approximate", "reported"),
        ("at_least", "forecast"),
    ]


def test_a_paragraph_without_a_period_goes_on_with_the_one_before() -> None:
    bodies = figures(
        "YEREVAN, 17 February. Trade between Armenia and Iran reached $700 million in 2024, the statistics "
        "committee said.\n\nAccording to the committee, imports from Iran reached $450 million.",
        "en",
    )
    assert [(b["indicator"], b["period"]) for b in bodies] == [
        ("trade_turnover", "2024"),
        ("imports", "2024"),
    ]


def test_a_pledge_with_no_year_is_no_figure() -> None:
    bodies = figures(
        "Trade between Armenia and Iran reached $700 million in 2024.\n\nThe two governments have pledged "
        "to lift trade to $3 billion, a figure never tied to a date.",
        "en",
    )
    assert [b["value"] for b in bodies] == [700_000_000]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Armenia and Iran discussed trade. According to Georgian statistics, Armenian exports to Iran "
            "rose to $300 million in 2024.",
            "en",
        ),
        (
            "По данным грузинской статистики, экспорт Армении в Иран в 2024 году составил 300 млн долларов.",
            "ru",
        ),
    ],
)
def test_whose_statistics_is_no_side_of_the_figure(text: str, language: str) -> None:
    body = figure(text, language)
    assert (body["reporter"], body["partner"]) == ("AM", "IR")


def test_goods_arriving_in_a_country_are_the_senders_exports() -> None:
    body = figure("За три месяца 2025 года в Армению поступило свыше 60 тысяч тонн иранских грузов.", "ru")
    assert (body["indicator"], body["reporter"], body["partner"], body["value"]) == (
        "exports",
        "IR",
        "AM",
        60_000,
    )


def test_goods_named_after_the_first_purchase_word_are_the_partners() -> None:
    body = figure(
        "Армения и Иран обсудили торговлю. Кроме того, мы возобновили прямые закупки иранского газа для "
        "северных районов: в этом году импорт может составить до 500 млн кубометров.",
        "ru",
    )
    assert (body["indicator"], body["reporter"], body["partner"], body["status"]) == (
        "imports",
        "AM",
        "IR",
        "forecast",
    )


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Kenya and the UAE want more trade. Kenyan exports to the Emirates fell to $40 million in 2024.",
            "en",
        ),
        ("Кенийский экспорт в ОАЭ в 2024 году снизился до 40 млн долларов.", "ru"),
    ],
)
def test_an_origin_adjective_with_to_a_country_is_the_adjectives_exports(text: str, language: str) -> None:
    body = figure(text, language)
    assert (body["indicator"], body["reporter"], body["partner"]) == ("exports", "KE", "AE")


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "Армения и Иран обсудили торговлю. Основа иранского экспорта — газ: в 2024 году Армения "
            "закупила в Иране 400 млн кубометров газа.",
            "ru",
            ("exports", "IR", "AM"),
        ),
        (
            # "bought" is itself the imports cue: the same flow, told from the buyer's side
            "Armenia and Iran discussed trade. Iranian exports are mostly gas: in 2024 Armenia bought "
            "$400 million of gas from Iran.",
            "en",
            ("imports", "AM", "IR"),
        ),
    ],
)
def test_a_purchase_verb_makes_the_country_bought_from_the_seller(
    text: str, language: str, expected: tuple[str, str, str]
) -> None:
    body = figure(text, language)
    assert (body["indicator"], body["reporter"], body["partner"]) == expected


def test_countries_carried_from_a_turnover_sentence_keep_their_roles() -> None:
    bodies = figures(
        "Yerevan, 3 March 2025. In 2024 trade with Georgia amounted to $1.2 billion. Exports rose "
        "4 percent to $700 million; imports fell to $500 million.",
        "en",
        published=date(2025, 3, 3),
    )
    pairs = {(b["indicator"], b["reporter"], b["partner"]) for b in bodies}
    assert pairs == {
        ("trade_turnover", "AM", "GE"),
        ("exports_growth", "AM", "GE"),
        ("exports", "AM", "GE"),
        ("imports", "AM", "GE"),
    }


def test_russian_freight_words_name_the_flow() -> None:
    bodies = figures(
        "Казахстан и Польша развивают перевозки. За первое полугодие 2025 года по железной дороге в "
        "Польшу отправлено 400 тыс. тонн казахстанских экспортных грузов. Из Польши в Казахстан "
        "перевезено 50 тыс. тонн импортных грузов. По прогнозу, в 2026 году объём экспортных перевозок "
        "в Польшу достигнет 900 тыс. тонн.",
        "ru",
    )
    assert [(b["indicator"], b["reporter"], b["partner"], b["value"]) for b in bodies] == [
        ("exports", "KZ", "PL", 400_000),
        ("imports", "KZ", "PL", 50_000),
        ("exports", "KZ", "PL", 900_000),
    ]


@pytest.mark.parametrize(
    ("text", "language", "value", "unit"),
    [
        (
            "В 2024 году товарооборот Армении и Ирана составил около четырёхсот тридцати миллионов долларов.",
            "ru",
            430_000_000,
            "USD",
        ),
        (
            "Armenia and Iran: in 2024 their trade came to about sixty five million dollars.",
            "en",
            65_000_000,
            "USD",
        ),
        (
            "Армения и Иран: в 2024 году товарооборот сократился примерно на три процента.",
            "ru",
            -3,
            "percent",
        ),
    ],
)
def test_numbers_in_words_are_read(text: str, language: str, value: float, unit: str) -> None:
    body = figure(text, language)
    assert (body["value"], body["unit"], body["bound"]) == (value, unit, "approximate")


def test_a_carrying_verb_alone_takes_the_paragraphs_flow() -> None:
    bodies = figures(
        "Казахстан и Польша развивают перевозки. В 2025 году объём экспортных перевозок в Польшу "
        "составил 700 тыс. тонн. В 2024 году было перевезено 650 тыс. тонн.",
        "ru",
    )
    assert [(b["indicator"], b["period"], b["value"]) for b in bodies] == [
        ("exports", "2025", 700_000),
        ("exports", "2024", 650_000),
    ]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Yerevan, 3 March 2025. In 2024 exports to Georgia reached $700 million.\n\n"
            "Table 2. Trade with Georgia (US$ million)\n"
            "Flow | 2023 | 2024\n"
            "Exports | 612.5 | 700.0\n"
            "Total | 1,150.0 | 1,210.0",
            "en",
        ),
        (
            "Ереван, 3 марта 2025 года. В 2024 году экспорт в Грузию достиг 700 млн долларов.\n\n"
            "Торговля с Грузией, млн долларов США:\n"
            "Показатель | 2023 год | 2024 год\n"
            "Экспорт в Грузию | 612,5 | 700,0\n"
            "Товарооборот | 1 150,0 | 1 210,0",
            "ru",
        ),
    ],
)
def test_a_text_table_gives_the_figures_the_prose_does_not(text: str, language: str) -> None:
    bodies = figures(text, language, published=date(2025, 3, 3))
    assert sorted((b["indicator"], b["period"], b["value"], b["reporter"], b["partner"]) for b in bodies) == [
        ("exports", "2023", 612_500_000, "AM", "GE"),
        ("exports", "2024", 700_000_000, "AM", "GE"),
        ("trade_turnover", "2023", 1_150_000_000, "AM", "GE"),
        ("trade_turnover", "2024", 1_210_000_000, "AM", "GE"),
    ]


def test_a_bare_scale_word_after_na_is_one_of_it() -> None:
    body = figure(
        "Армения и Иран обсудили торговлю. Лидеры поставили задачу к 2028 году выйти на миллиард "
        "долларов товарооборота.",
        "ru",
    )
    assert (body["indicator"], body["period"], body["value"], body["status"]) == (
        "trade_turnover",
        "2028",
        1_000_000_000,
        "target",
    )
