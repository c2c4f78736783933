"""Trade figures from sentences of our own (figures, round 4): fiscal years named "last" and told by
the month they ended in, amounts whose currency is in the sentence before, and whose figure it is
when a text names a side by its data."""

from datetime import date
from typing import Any

import pytest
from extraction_support import checked_bodies

from app.extraction.when import find_periods

PUBLISHED = date(2026, 12, 5)


def bodies(text: str, language: str = "en", published: date = PUBLISHED) -> list[dict[str, Any]]:
    return checked_bodies(text, language, "trade_figure", published)


# --- a fiscal year named "last" and told by the month it ended in ---


@pytest.mark.parametrize(
    ("text", "published", "period"),
    [
        # the year that ended last June is "last fiscal year" once the next one runs
        ("in the last fiscal year, which ended in June, exports", date(2026, 12, 5), "2025-07-01/2026-06-30"),
        ("in the last fiscal year, which ended in June, exports", date(2026, 3, 5), "2024-07-01/2025-06-30"),
        (
            "over the previous financial year, ending in March, exports",
            date(2026, 12, 5),
            "2025-04-01/2026-03-31",
        ),
        (
            "в прошлом финансовом году, завершившемся в марте, экспорт",
            date(2026, 12, 5),
            "2025-04-01/2026-03-31",
        ),
        # begun in a month: "last" is the one before the year now running
        ("in the last fiscal year, which began in July, exports", date(2026, 12, 5), "2025-07-01/2026-06-30"),
        # still running: "next" is the one after it
        ("in the next fiscal year, which ends in June, exports", date(2026, 12, 5), "2027-07-01/2028-06-30"),
    ],
)
def test_a_last_fiscal_year_told_by_its_end_is_the_last_one_over(
    text: str, published: date, period: str
) -> None:
    assert [p.value for p in find_periods(text, 0, published.year, published)] == [period]


def figures(text: str, language: str = "ru", published: date = PUBLISHED) -> set[tuple[Any, ...]]:
    """Each figure as its pair, flow, period, value, unit and status."""
    return {
        (b["reporter"], b["partner"], b["indicator"], b["period"], b["value"], b["unit"], b["status"])
        for b in bodies(text, language, published)
    }


# --- an amount whose unit is in the sentence before ---

LAST_YEAR_RU = "В прошлом году товарооборот Грузии и Молдовы составил 14 млн долларов."
LAST_YEAR_EN = "Trade between Georgia and Moldova came to $14 million last year."
LAST_YEAR = ("GE", "MD", "trade_turnover", "2025", 14_000_000, "USD", "reported")


@pytest.mark.parametrize(
    ("text", "language", "growth"),
    [
        (
            f"{LAST_YEAR_RU} За девять месяцев этого года набралось уже 12,4 миллиона — "
            "вдвое больше, чем годом ранее.",
            "ru",
            100,
        ),
        (
            f"{LAST_YEAR_RU} Первые девять месяцев этого года дали 12,4 миллиона — "
            "в полтора раза больше, чем год назад.",
            "ru",
            50,
        ),
        (
            f"{LAST_YEAR_EN} The first nine months of this year brought 12.4 million, "
            "1.5 times more than a year earlier.",
            "en",
            50,
        ),
    ],
)
def test_a_ratio_beside_an_amount_whose_unit_is_left_out_is_its_growth(
    text: str, language: str, growth: float
) -> None:
    found = {
        (b["indicator"], b["period"], b["value"], b.get("compared_period")) for b in bodies(text, language)
    }
    assert found == {
        ("trade_turnover", "2025", 14_000_000, None),
        ("trade_turnover", "2026-01/2026-09", 12_400_000, None),
        ("trade_turnover_growth", "2026-01/2026-09", growth, "2025-01/2025-09"),
    }


@pytest.mark.parametrize(
    "text",
    [
        f"{LAST_YEAR_RU} В Молдове сейчас живут около 2,4 миллиона, в Грузии — 3,7 миллиона.",
        f"{LAST_YEAR_RU} Грузинских туристов в Молдове за год побывало около 1,2 миллиона.",
        f"{LAST_YEAR_RU} Пассажиров на рейсах между столицами за год набралось 1,1 миллиона.",
    ],
)
def test_a_count_of_people_does_not_take_the_currency_of_the_sentence_before(text: str) -> None:
    assert figures(text) == {LAST_YEAR}


# --- a speaker's outlook for the year, no flow named: what the answer is about ---

INTERVIEW_LEAD = "Посол Грузии в Молдове ответил на вопросы нашего корреспондента.\n\n"


@pytest.mark.parametrize(
    ("answer", "value"),
    [
        (
            "— За девять месяцев товарооборот достиг 11 млн долларов. Наш экспорт — это прежде всего вино и "
            "минеральная вода, порядка 6 млн долларов. По итогам года рассчитываем выйти на 15 млн долларов.",
            15_000_000,
        ),
        (
            "— За девять месяцев товарооборот достиг 11 млн долларов. Грузинского вина продано "
            "свыше 900 тонн. До конца года ожидаем около 15 млн долларов.",
            15_000_000,
        ),
    ],
)
def test_an_outlook_for_the_year_is_of_what_the_answer_is_about(answer: str, value: float) -> None:
    text = f"{INTERVIEW_LEAD}— Как развивается торговля между Грузией и Молдовой?\n\n{answer}"
    yearly = {f[2] for f in figures(text) if f[3] == "2026" and f[4] == value}
    assert yearly == {"trade_turnover"}


def test_an_outlook_after_exports_alone_stays_exports() -> None:
    text = (
        f"{INTERVIEW_LEAD}— Как растёт грузинский экспорт в Молдову?\n\n— За девять месяцев экспорт Грузии в "
        "Молдову достиг 6 млн долларов. По итогам года рассчитываем выйти на 8 млн долларов."
    )
    assert {f[2] for f in figures(text) if f[3] == "2026"} == {"exports"}


# --- a flow word after the amount that its unit cannot measure ---


@pytest.mark.parametrize(
    "text",
    [
        "По данным молдавской таможни, за девять месяцев товарооборот Грузии и Молдовы составил 11 млн "
        "долларов. Грузинская статистика за тот же период даёт 9,8 млн долларов — разница в учёте транзита.",
        "Moldovan customs put trade between Georgia and Moldova at $11 million for the first nine months. "
        "Georgian statistics show $9.8 million for the same period, a gap explained by transit.",
    ],
)
def test_a_flow_the_amount_cannot_measure_is_not_its_flow(text: str) -> None:
    language = "ru" if "долларов" in text else "en"
    found = {(f[2], f[3], f[4]) for f in figures(text, language)}
    assert found == {
        ("trade_turnover", "2026-01/2026-09", 11_000_000),
        ("trade_turnover", "2026-01/2026-09", 9_800_000),
    }


# --- the country goods are brought into imports them ---


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Грузия и Молдова обсудили торговлю. Речь шла и о молдавском вине: в этом году его ввоз в Грузию "
            "составил около 2,1 млн литров.",
            "ru",
        ),
        (
            "Грузия и Молдова обсудили торговлю. В этом году ввоз молдавского вина в Грузию составил 2,1 млн "
            "литров.",
            "ru",
        ),
        (
            "Georgia and Moldova discussed trade. Moldovan wine came up too: this year its imports "
            "into Georgia reached 2.1 million litres.",
            "en",
        ),
    ],
)
def test_the_country_goods_are_brought_into_imports_them(text: str, language: str) -> None:
    assert {f[:3] for f in figures(text, language)} == {("GE", "MD", "imports")}


# --- whose figure it is when a text names a side by its data ---


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Грузия и Молдова обсудили торговлю. По данным молдавской статистики, за девять месяцев экспорт "
            "составил 7,2 млн долларов, импорт — 4,9 млн долларов.",
            "ru",
        ),
        (
            "Georgia and Moldova discussed trade. Moldovan statistics put exports at $7.2 million for the "
            "first nine months and imports at $4.9 million.",
            "en",
        ),
        (
            "Georgia and Moldova discussed trade. According to Moldova's statistics office, exports reached "
            "$7.2 million in the first nine months, and imports $4.9 million.",
            "en",
        ),
    ],
)
def test_a_flow_no_country_owns_is_the_side_whose_data_count_it(text: str, language: str) -> None:
    assert {f[:3] for f in figures(text, language)} == {("MD", "GE", "exports"), ("MD", "GE", "imports")}


@pytest.mark.parametrize(
    ("text", "language", "flow"),
    [
        (
            "Грузия и Молдова обсудили торговлю. По данным молдавской статистики, за девять месяцев экспорт "
            "Грузии в Молдову составил 4,9 млн долларов.",
            "ru",
            ("GE", "MD", "exports"),
        ),
        (
            "Georgia and Moldova discussed trade. According to Moldovan statistics, imports from Georgia "
            "reached $4.9 million in the first nine months.",
            "en",
            ("MD", "GE", "imports"),
        ),
    ],
)
def test_a_flow_a_country_owns_keeps_its_sides_whoever_counted_it(
    text: str, language: str, flow: tuple[str, str, str]
) -> None:
    assert {f[:3] for f in figures(text, language)} == {flow}


# --- a half written with its scale word ---


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        (
            "По итогам 2025 года товарооборот Грузии и Молдовы превысил полмиллиарда долларов.",
            500_000_000,
            "USD",
        ),
        ("В прошлом году Грузия отгрузила в Молдову почти полмиллиона тонн цемента.", 500_000, "tonnes"),
    ],
)
def test_a_half_written_with_its_scale_word(text: str, value: float, unit: str) -> None:
    assert {(f[4], f[5]) for f in figures(text)} == {(value, unit)}


# --- "в целом" opening a sentence: all told, not with every country ---

QUARTERS = (
    "Грузия и Молдова подвели итоги торговли.\n\nПо кварталам: в I квартале 2026 года товарооборот с "
    "Молдовой составил 5,1 млн долл., во II квартале — 6,3 млн долл. "
)


def test_in_all_opening_a_sentence_sums_the_parts_told_before() -> None:
    text = f"{QUARTERS}В целом за первое полугодие показатель достиг 11,4 млн долл."
    assert ("trade_turnover", "2026-01/2026-06", 11_400_000) in {(f[2], f[3], f[4]) for f in figures(text)}


@pytest.mark.parametrize(
    "sentence",
    [
        "В целом в прошлом году Грузия экспортировала в Европу вина на 120 млн долларов.",
        "Внешнеторговый оборот Грузии в целом за полугодие достиг 3,4 млрд долларов.",
    ],
)
def test_in_all_with_a_group_or_after_one_country_s_trade_is_no_figure_of_the_pair(sentence: str) -> None:
    assert 120_000_000 not in {f[4] for f in figures(f"{QUARTERS}{sentence}")}
    assert 3_400_000_000 not in {f[4] for f in figures(f"{QUARTERS}{sentence}")}


# --- supplies that name no side: the flow the paragraph is about ---


@pytest.mark.parametrize(
    ("paragraph", "language", "flow"),
    [
        (
            "Импорт Грузии из Молдовы за девять месяцев составил 14,2 млн долларов. Основную его часть "
            "составили вино и фрукты. Поставки вина оценены в 3,1 млн литров.",
            "ru",
            "imports",
        ),
        (
            "Georgia's imports from Moldova came to $14.2 million in the first nine months, mostly wine and "
            "fruit. Deliveries of wine were put at 3.1 million litres.",
            "en",
            "imports",
        ),
        (
            "Экспорт Грузии в Молдову за девять месяцев составил 14,2 млн долларов. Поставки вина оценены "
            "в 3,1 млн литров.",
            "ru",
            "exports",
        ),
    ],
)
def test_supplies_that_name_no_side_are_of_the_paragraph_s_flow(
    paragraph: str, language: str, flow: str
) -> None:
    text = (
        f"Georgia and Moldova reviewed trade.\n\n{paragraph}"
        if language == "en"
        else f"Грузия и Молдова.\n\n{paragraph}"
    )
    wine = {f[:3] for f in figures(text, language, date(2026, 11, 1)) if f[5] == "litres"}
    assert wine == {("GE", "MD", flow)}


def test_supplies_in_a_paragraph_that_tells_both_flows_keep_their_own_reading() -> None:
    text = (
        "Georgia and Moldova reviewed trade.\n\nGeorgian exports to Moldova rose to $9.1 million in the "
        "first nine months, while imports from Moldova came to $14.2 million. Wine shipments alone "
        "reached 3.1 million litres."
    )
    wine = {f[:3] for f in figures(text, "en", date(2026, 11, 1)) if f[5] == "litres"}
    assert wine == {("GE", "MD", "exports")}
