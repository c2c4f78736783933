# ruff: noqa: E501 -- whole sentences read better unbroken
"""The goods a trade figure is of, from sentences of our own: the goods word beside the amount or
the flow in any case, the make-up of a total that stays the total, goods carried to the same flow
told again in the other measure."""

from datetime import date

import pytest
from extraction_support import checked_bodies

PUBLISHED = date(2026, 3, 10)


def goods(text: str, language: str) -> list[tuple[float, str]]:
    return [
        (b["value"], b["commodity"])
        for b in checked_bodies(text, language, "trade_figure", PUBLISHED)
        if b["unit"] != "percent"
    ]


@pytest.mark.parametrize(
    ("text", "language", "commodity"),
    [
        ("Tajikistan bought 210,000 tonnes of Kazakh flour in 2025.", "en", "flour"),
        ("Kazakhstan sold 1,500 tonnes of uranium to India in 2025.", "en", "uranium"),
        ("Belarus shipped 300,000 tonnes of diesel to Ukraine in 2025.", "en", "fuel"),
        ("Russia exported 900,000 tonnes of petroleum products to Mongolia in 2025.", "en", "oil_products"),
        ("Qatar delivered 2 million tonnes of LNG to Pakistan in 2025.", "en", "lng"),
        ("Japan exported $1.4 billion worth of cars to Georgia in 2025.", "en", "cars"),
        ("В 2025 году Казахстан поставил в Афганистан 400 тыс. тонн муки.", "ru", "flour"),
        ("В 2025 году Беларусь экспортировала в Узбекистан 120 тыс. тонн удобрений.", "ru", "fertilizers"),
        ("Импорт бензина из России в Монголию в 2025 году составил 700 тыс. тонн.", "ru", "fuel"),
        (
            "Экспорт узбекской хлопковой пряжи в Турцию в 2025 году составил 150 млн долларов.",
            "ru",
            "cotton_yarn",
        ),
        ("Поставки казахстанской меди в Китай в 2025 году достигли 2 млрд долларов.", "ru", "copper"),
    ],
)
def test_the_goods_word_in_any_case_names_the_figures_goods(text: str, language: str, commodity: str) -> None:
    assert [c for _, c in goods(text, language)] == [commodity]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Georgia's exports to Armenia, mainly wine and mineral water, reached $120 million in 2025.", "en"),
        ("Turkmen exports to Turkey, largely gas and cotton, came to $1.3 billion in 2025.", "en"),
        (
            "Экспорт Грузии в Армению в 2025 году составил 120 млн долларов, главным образом вино и минеральная вода.",
            "ru",
        ),
        (
            "Экспорт Туркменистана в Турцию — преимущественно газ и хлопок — в 2025 году составил 1,3 млрд долларов.",
            "ru",
        ),
    ],
)
def test_goods_given_as_a_totals_make_up_leave_it_the_total(text: str, language: str) -> None:
    assert [c for _, c in goods(text, language)] == ["TOTAL"]


def test_including_goods_worth_a_sum_is_that_goods_line() -> None:
    found = goods(
        "Russia's exports to Armenia reached $2 billion in 2025, including gas worth $500 million.", "en"
    )
    assert found == [(2_000_000_000, "TOTAL"), (500_000_000, "gas")]


def test_the_same_flow_in_money_after_tonnes_carries_the_goods() -> None:
    found = goods(
        "Kazakhstan shipped 800,000 tonnes of flour to Afghanistan in 2025. "
        "In value terms, those shipments came to $230 million.",
        "en",
    )
    assert found == [(800_000, "flour"), (230_000_000, "flour")]


def test_the_same_period_in_the_same_measure_is_another_figure_of_all_goods() -> None:
    found = goods(
        "Экспорт казахстанской муки в Афганистан в 2025 году составил 230 млн долларов. "
        "Весь экспорт Казахстана в Афганистан за тот же период составил 700 млн долларов.",
        "ru",
    )
    assert found == [(230_000_000, "flour"), (700_000_000, "TOTAL")]


def test_tonnes_of_cargo_of_no_kind_are_all_goods() -> None:
    assert goods("Some 640,000 tonnes of Armenian cargo crossed Georgia in transit in 2025.", "en") == [
        (640_000, "TOTAL")
    ]


def test_cubic_metres_of_no_named_goods_are_gas() -> None:
    assert goods("Russian deliveries to Armenia reached 2.4 billion cubic metres in 2025.", "en") == [
        (2_400_000_000, "gas")
    ]


def test_a_figures_earlier_value_and_rate_share_its_goods() -> None:
    found = checked_bodies(
        "Georgian wine exports to Ukraine rose 8% to $95 million in 2025, up from $88 million in 2024.",
        "en",
        "trade_figure",
        PUBLISHED,
    )
    assert [b["commodity"] for b in found] == ["wine", "wine", "wine"]


def test_goods_of_an_earlier_clause_are_not_the_next_flows() -> None:
    found = goods(
        "Belarus sold 90,000 tonnes of dairy products to Kazakhstan in 2025, while its total exports "
        "there reached $1.2 billion.",
        "en",
    )
    assert found == [(90_000, "dairy_products"), (1_200_000_000, "TOTAL")]


@pytest.mark.parametrize(
    ("text", "language", "commodity"),
    [
        ("Peru sold 40,000 tonnes of fresh avocados to Chile in 2025.", "en", "fresh_avocados"),
        (
            "Exports of crushed stone from Norway to Denmark reached $70 million in 2025.",
            "en",
            "crushed_stone",
        ),
        ("Georgia's walnut exports to Armenia came to $12 million in 2025.", "en", "walnut"),
        ("В 2025 году Узбекистан вывез в Россию 230 тыс. тонн свежей черешни.", "ru", "свежая_черешня"),
        (
            "Экспорт казахстанского льняного масла в Китай в 2025 году составил 310 млн долларов.",
            "ru",
            "льняное_масло",
        ),
        (
            "Ввоз иранских фиников и орехов в Армению в 2025 году составил 14 тыс. тонн.",
            "ru",
            "финики_и_орехи",
        ),
    ],
)
def test_goods_the_vocabulary_lacks_are_named_by_their_own_words(
    text: str, language: str, commodity: str
) -> None:
    assert [found for _, found in goods(text, language)] == [commodity]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("In 2025 about 900,000 tonnes of Afghan transit cargo crossed Uzbekistan.", "en"),
        ("Imports of goods from Türkiye into Georgia reached $2.2 billion in 2025.", "en"),
        (
            "Imports of Korean cars, machinery and electronics into Uzbekistan reached $900 million in 2025.",
            "en",
        ),
        (
            "Azerbaijan's exports to Georgia came to $800 million in 2025, while imports from Georgia reached $300 million.",
            "en",
        ),
        ("Экспорт товаров и услуг из Казахстана в Грузию в 2025 году составил 500 млн долларов.", "ru"),
        ("В 2025 году через Грузию прошло 3,2 млн тонн армянских грузов.", "ru"),
    ],
)
def test_goods_of_no_kind_a_list_or_no_goods_word_leave_the_total(text: str, language: str) -> None:
    assert {commodity for _, commodity in goods(text, language)} == {"TOTAL"}
