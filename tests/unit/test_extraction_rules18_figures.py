"""rules-18, trade figures: mechanisms that recur across the development sets' authors, from
sentences of our own (issue 12)."""

from datetime import date
from typing import Any

from extraction_support import checked_bodies

PUBLISHED = date(2026, 10, 20)


def figures(text: str, language: str, published: date = PUBLISHED) -> list[dict[str, Any]]:
    return checked_bodies(text, language, "trade_figure", published)


def flows(text: str, language: str) -> list[tuple[str, str, str, float]]:
    return [(b["reporter"], b["partner"], b["indicator"], b["value"]) for b in figures(text, language)]


# --- goods sent to, or arrived from, a country, told by a verb of motion ---


def test_goods_sent_to_a_country_are_its_partner_s_exports() -> None:
    text = (
        "Молдова и Грузия расширяют торговлю. За январь–август в Грузию отправлено около 52 тыс. тонн "
        "молдавского вина и соков."
    )
    assert flows(text, "ru") == [("MD", "GE", "exports", 52_000)]


def test_goods_arrived_from_a_country_are_the_receiver_s_imports() -> None:
    text = (
        "Армения и Иран подвели итоги полугодия. Из Ирана за январь–июнь поступило 310 тыс. тонн "
        "битума и 0,9 млрд куб. м газа."
    )
    assert [(r, p, i) for r, p, i, _ in flows(text, "ru")] == [("AM", "IR", "imports")] * 2


def test_goods_arrived_from_one_country_to_us_stay_the_sender_s_exports() -> None:
    # the destination is told ("к нам"): a movement from one side to the other, the sender's exports
    text = "Узбекистан и Таджикистан. За девять месяцев из Узбекистана к нам поступило 90 тыс. тонн цемента."
    assert [(r, p, i) for r, p, i, _ in flows(text, "ru")] == [("UZ", "TJ", "exports")]


def test_goods_sent_to_the_other_side_by_way_of_a_third_country_stay_exports() -> None:
    text = (
        "Армения и Казахстан. За прошлый год в Армению вывезено 60 тыс. тонн казахстанской муки, "
        "большая часть — через Грузию."
    )
    assert [(r, p, i) for r, p, i, _ in flows(text, "ru")] == [("KZ", "AM", "exports")]


# --- a volume that crossed a country, told by its route alone ---


def test_a_volume_told_by_the_ports_it_crossed_is_transit_of_the_pair() -> None:
    text = (
        "Казахстан и Грузия обсудили логистику. Через порты Поти и Батуми за январь–сентябрь прошло "
        "около 800 тыс. тонн казахстанских грузов."
    )
    body = figures(text, "ru")[0]
    assert (body["reporter"], body["partner"], body["indicator"], body["bound"]) == (
        "KZ",
        "GE",
        "transit_volume",
        "approximate",
    )


def test_a_volume_that_travelled_through_a_country_is_its_transit() -> None:
    text = "Some 52,000 TEU of cargo travelled between China and Europe through Georgia in 2025."
    assert flows(text, "en") == [("CN", "GE", "transit_volume", 52_000)]


def test_a_volume_with_neither_flow_nor_route_is_no_figure() -> None:
    assert flows("Казахстан и Грузия. За январь–сентябрь прошло 800 тыс. тонн грузов.", "ru") == []


def test_an_aim_takes_no_year_from_the_figure_before_it() -> None:
    text = (
        "In 2025, some 52,000 TEU of cargo travelled between China and Europe through Georgia, and the "
        "Sides agreed to bring this volume to 90,000 TEU."
    )
    assert [b["value"] for b in figures(text, "en")] == [52_000]


# --- sums that are not trade: investments, deals and contracts ---


def test_a_sum_its_clause_calls_an_investment_is_no_figure() -> None:
    text = (
        "Trade between Hungary and Serbia grew by 12 percent in the first half of 2026. Hungarian "
        "investments in Serbia, the minister added, had passed EUR 4 billion in total."
    )
    assert [b["indicator"] for b in figures(text, "en")] == ["trade_turnover_growth"]


def test_the_value_of_a_deal_is_no_figure() -> None:
    text = (
        "Serbian exports to Hungary reached EUR 900 million in January–June 2026. A Serbian dairy "
        "separately agreed a EUR 25 million deal to buy a Hungarian cheese maker."
    )
    assert [b["value"] for b in figures(text, "en")] == [900_000_000]


def test_a_portfolio_of_projects_is_no_figure() -> None:
    text = (
        "Товарооборот Сербии и Венгрии за январь–июнь 2026 года составил 2,1 млрд евро. Портфель "
        "совместных проектов венгерских компаний оценивается в 3 млрд евро."
    )
    assert [b["value"] for b in figures(text, "ru")] == [2_100_000_000]


def test_goods_shipped_under_a_contract_stay_a_figure() -> None:
    text = "Kazakhstan shipped 1,200 tonnes of uranium to Hungary in 2025 under a long-term contract."
    assert flows(text, "en") == [("KZ", "HU", "exports", 1_200)]


# --- trade with a union of countries ---


def test_trade_with_a_union_of_countries_is_no_pair_s_figure() -> None:
    text = (
        "Товарооборот Молдовы с Грузией за январь–июнь 2026 года составил 61 млн долларов, со "
        "странами ЕАЭС — 410 млн долларов."
    )
    assert [b["value"] for b in figures(text, "ru")] == [61_000_000]
    assert figures("Georgia's trade with the European Union reached EUR 5 billion in 2025.", "en") == []


def test_goods_in_transit_to_a_union_of_countries_stay_transit() -> None:
    text = (
        "С января по апрель через территорию Грузии в страны Евросоюза транзитом проследовало около "
        "40 тыс. тонн армянских грузов."
    )
    assert flows(text, "ru") == [("AM", "GE", "transit_volume", 40_000)]


# --- an aim stated as a sum by a year, no flow named ---


def test_a_goal_of_a_sum_by_a_year_is_the_pair_s_trade_target() -> None:
    for text, language in (
        ("Serbia and Hungary want more trade. A new goal, EUR 6 billion by 2029, was discussed.", "en"),
        ("Сербия и Венгрия. Целевой ориентир — 6 млрд евро к 2029 году — подтвердили министры.", "ru"),
        ("Сербия и Венгрия. Наша задача: к 2029 году выйти на 6 млрд евро.", "ru"),
    ):
        [body] = figures(text, language)
        assert (body["indicator"], body["period"], body["value"], body["status"]) == (
            "trade_turnover",
            "2029",
            6_000_000_000,
            "target",
        ), text


def test_a_sum_with_no_aim_and_no_flow_is_no_figure() -> None:
    assert figures("Serbia and Hungary. EUR 6 billion by 2029 was the figure on the table.", "en") == []


def test_an_aim_s_year_after_its_sum_beats_a_period_told_earlier_in_the_sentence() -> None:
    text = (
        "Trade between Serbia and Hungary rose by about a tenth in the first ten months of this year, "
        "and the leaders told ministers to lift annual trade to EUR 8 billion by 2030."
    )
    target = [b for b in figures(text, "en") if b["status"] == "target"]
    assert [(b["period"], b["value"]) for b in target] == [("2030", 8_000_000_000)]


# --- growth told by a ratio or a fraction beside an amount ---


def rates(text: str, language: str) -> list[tuple[str, float, str | None]]:
    return [
        (b["indicator"], b["value"], b.get("compared_period"))
        for b in figures(text, language)
        if b["unit"] == "percent"
    ]


def test_a_fold_verb_is_the_rise_it_tells() -> None:
    text = "Serbian exports to Hungary nearly doubled in January–June 2026 to EUR 480 million."
    assert rates(text, "en") == [("exports_growth", 100, "2025-01/2025-06")]  # year on year


def test_a_rise_of_a_fraction_is_a_rate() -> None:
    text = "Serbian imports from Hungary came to EUR 310 million in 2025, a rise of nearly a quarter on 2024."
    assert [(indicator, value) for indicator, value, _ in rates(text, "en")] == [("imports_growth", 25)]


def test_last_year_s_level_and_a_year_ago_are_bases_of_comparison() -> None:
    assert rates(
        "Отгрузки сербской малины в Венгрию за январь–август составили 12 тыс. тонн, что вдвое больше "
        "прошлогоднего.",
        "ru",
    ) == [("exports_growth", 100, "2025-01/2025-08")]
    assert rates(
        "За январь–август Сербия поставила в Венгрию 40 тыс. тонн цемента — втрое больше, чем год назад.",
        "ru",
    ) == [("exports_growth", 200, "2025-01/2025-08")]


def test_a_country_in_a_conceding_clause_is_no_side_of_the_rate() -> None:
    text = (
        "За январь–август Сербия поставила в Венгрию 40 тыс. тонн цемента — втрое больше, чем год назад, "
        "хотя для венгерского рынка это немного."
    )
    assert [(b["reporter"], b["partner"]) for b in figures(text, "ru")] == [("RS", "HU")] * 2


def test_a_year_ago_over_the_same_months_is_last_year_s_figure() -> None:
    text = (
        "Товарооборот Сербии и Венгрии за январь–август 2026 года составил 3,1 млрд евро. Год назад за "
        "тот же срок он составлял 2,8 млрд евро."
    )
    assert [(b["period"], b["value"]) for b in figures(text, "ru")] == [
        ("2026-01/2026-08", 3_100_000_000),
        ("2025-01/2025-08", 2_800_000_000),
    ]


# --- a statistics release: its heading's period, bracketed rates, lists under a caption ---

RELEASE = """О внешней торговле Республики Сербия с Венгрией за январь–август 2026 года

Товарооборот — 3 120,4 млн евро (рост на 8,2% к январю–августу 2025 г.),
в том числе:
экспорт — 1 410,0 млн евро (+12,5%);
импорт — 1 710,4 млн евро (-3,1%).

В августе товарооборот составил 402,2 млн евро.

Основные товары сербского экспорта в Венгрию:
кукуруза — 96,3 млн евро;
медная проволока — 61,8 млн евро.
"""


def test_a_release_s_figures_take_its_heading_s_period_and_bracketed_rates() -> None:
    found = [
        (b["reporter"], b["partner"], b["indicator"], b["period"], b["value"], b.get("compared_period"))
        for b in figures(RELEASE, "ru", date(2026, 9, 25))
    ]
    assert found[:6] == [
        ("RS", "HU", "trade_turnover", "2026-01/2026-08", 3_120_400_000, None),
        ("RS", "HU", "trade_turnover_growth", "2026-01/2026-08", 8.2, "2025-01/2025-08"),
        ("RS", "HU", "exports", "2026-01/2026-08", 1_410_000_000, None),
        ("RS", "HU", "exports_growth", "2026-01/2026-08", 12.5, "2025-01/2025-08"),
        ("RS", "HU", "imports", "2026-01/2026-08", 1_710_400_000, None),
        ("RS", "HU", "imports_growth", "2026-01/2026-08", -3.1, "2025-01/2025-08"),
    ]


def test_a_list_under_a_caption_is_of_the_caption_s_flow_and_the_release_s_period() -> None:
    rows = [b for b in figures(RELEASE, "ru", date(2026, 9, 25)) if b["value"] in {96_300_000, 61_800_000}]
    assert [(b["reporter"], b["partner"], b["indicator"], b["period"]) for b in rows] == [
        ("RS", "HU", "exports", "2026-01/2026-08")
    ] * 2


def test_a_rate_in_brackets_needs_its_sign() -> None:
    text = (
        "Экспорт сербских товаров в Венгрию за январь–август составил 1,4 млрд евро (12,5% всего экспорта)."
    )
    assert [b["unit"] for b in figures(text, "ru")] == ["EUR"]


def test_a_percent_of_something_is_a_share_not_a_rise() -> None:
    text = "Serbia sells Hungary maize and wire; those make up some 40 percent of what Hungary buys from it."
    assert figures(text, "en") == []


# --- a change that may reach a value: a ceiling ---


def test_a_change_that_may_reach_a_value_is_bounded_above() -> None:
    text = (
        "Сербия и Венгрия. В следующем году поставки сербской кукурузы в Венгрию могут вырасти до "
        "300 тыс. тонн."
    )
    assert [(b["bound"], b["status"]) for b in figures(text, "ru")] == [("at_most", "forecast")]


def test_a_change_that_happened_to_a_value_is_that_value() -> None:
    text = "Сербия и Венгрия. В 2025 году поставки сербской кукурузы в Венгрию выросли до 300 тыс. тонн."
    assert [(b["bound"], b["status"]) for b in figures(text, "ru")] == [("exact", "reported")]


# --- a paragraph that opens on its period; "H1" ---


def test_a_paragraph_opening_on_a_period_tells_its_figures_of_it() -> None:
    text = (
        "According to Serbia's statistics office, Serbian exports to Hungary reached EUR 2.8 billion in "
        "2025, while imports from Hungary came to EUR 3.3 billion.\n\n"
        "The first quarter of 2026 was weak. Bilateral turnover slipped by 2.1 per cent year on year, "
        "to EUR 1.4 billion."
    )
    later = [b for b in figures(text, "en", date(2026, 5, 20)) if b["period"] != "2025"]
    assert [(b["indicator"], b["period"]) for b in later] == [
        ("trade_turnover_growth", "2026-01/2026-03"),
        ("trade_turnover", "2026-01/2026-03"),
    ]


def test_h1_is_the_first_half_of_the_year_the_text_is_about() -> None:
    text = "Serbia and Hungary. In H1, trade slipped 3.5 percent year on year to EUR 2.9 billion."
    assert {b["period"] for b in figures(text, "en")} == {"2026-01/2026-06"}


def test_a_capacity_a_terminal_is_designed_for_is_no_figure() -> None:
    text = (
        "Transit of Hungarian goods through Serbia reached 31,000 TEU in H1. The new terminal at Subotica, "
        "designed for 40,000 TEU a year, opened in June."
    )
    assert [b["value"] for b in figures(text, "en")] == [31_000]


# --- trade told by its verb; an ambition with no year ---


def test_trade_told_by_its_verb_is_turnover() -> None:
    assert flows("Serbia and Hungary traded about EUR 6.1 billion of goods in 2025.", "en") == [
        ("RS", "HU", "trade_turnover", 6_100_000_000)
    ]
    assert flows("Сербия и Венгрия. В прошлом году мы наторговали примерно на 6,1 млрд евро.", "ru") == [
        ("RS", "HU", "trade_turnover", 6_100_000_000)
    ]


def test_an_ambition_with_no_year_is_no_figure() -> None:
    text = "Serbia and Hungary traded EUR 6.1 billion in 2025. Our ambition is to reach 8 billion."
    assert [b["value"] for b in figures(text, "en")] == [6_100_000_000]


# --- a span of months across the new year ---


def test_a_span_of_months_across_the_new_year_ends_in_the_year_told() -> None:
    text = "From October to July, Serbian exports to Hungary rose 6.1 percent year on year."
    assert [b["period"] for b in figures(text, "en", date(2026, 9, 10))] == ["2025-10/2026-07"]
    text = "С октября по март сербский экспорт в Венгрию вырос на 4,2% в годовом выражении."
    assert [b["period"] for b in figures(text, "ru", date(2026, 5, 10))] == ["2025-10/2026-03"]
