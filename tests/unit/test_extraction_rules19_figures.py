"""rules-19, trade figures: mechanisms that recur across the development sets' authors, from
sentences of our own (issue 12)."""

from datetime import date
from typing import Any

from extraction_support import checked_bodies

PUBLISHED = date(2026, 10, 20)


def figures(text: str, language: str, published: date = PUBLISHED) -> list[dict[str, Any]]:
    return checked_bodies(text, language, "trade_figure", published)


def rates(text: str, language: str) -> list[tuple[str, str, str, float, str]]:
    return [
        (b["reporter"], b["partner"], b["indicator"], round(b["value"], 1), b["bound"])
        for b in figures(text, language)
        if b["unit"] == "percent"
    ]


# --- growth told by a ratio alone: the fold verb itself, or a fall by a fraction ---


def test_a_fold_verb_alone_is_the_rise_it_tells() -> None:
    text = (
        "Moldova and Georgia met in Tbilisi. Over January–September, Moldovan shipments of canned fruit "
        "to Georgia roughly tripled."
    )
    assert rates(text, "en") == [("MD", "GE", "exports_growth", 200.0, "approximate")]


def test_more_than_doubled_is_at_least_a_hundred_percent() -> None:
    text = "Belarus and Armenia. In January–June Belarusian exports to Armenia more than doubled."
    assert rates(text, "en") == [("BY", "AM", "exports_growth", 100.0, "at_least")]


def test_a_fold_that_may_come_is_no_figure() -> None:
    text = "Belarus and Armenia. Belarusian exports to Armenia could have doubled in January–June."
    assert rates(text, "en") == []


def test_a_fall_by_a_fraction_alone_is_a_negative_rate() -> None:
    text = (
        "Узбекистан и Латвия подвели итоги. За январь–июль импорт Узбекистана из Латвии вырос на 4%, а "
        "закупки латвийских лекарств, напротив, сократились на шестую часть."
    )
    assert rates(text, "ru") == [
        ("UZ", "LV", "imports_growth", 4.0, "exact"),
        ("UZ", "LV", "imports_growth", -16.7, "exact"),
    ]


def test_a_fall_by_half_alone_stays_no_figure() -> None:
    # "уменьшились почти вдвое" with no value: the annotators who read it call it no figure
    text = (
        "Латвия и Узбекистан. За январь–июль поставки латвийского сыра в Узбекистан уменьшились почти вдвое."
    )
    assert rates(text, "ru") == []


# --- a period told by its start alone runs to the article's month ---


def periods(text: str, language: str) -> list[tuple[str, str, str]]:
    return [(b["indicator"], b["period"], b["status"]) for b in figures(text, language)]


def test_since_a_month_runs_to_the_article_s_month() -> None:
    text = "Туркменистан и Турция. С мая в турецкие порты отгружено около 90 тыс. тонн туркменской серы."
    assert periods(text, "ru") == [("exports", "2026-05/2026-10", "reported")]


def test_since_a_month_in_english() -> None:
    text = "Uzbekistan and Latvia. Uzbek cotton exports to Latvia have topped 12,000 tonnes since June."
    assert periods(text, "en") == [("exports", "2026-06/2026-10", "reported")]


def test_since_a_later_month_began_last_year() -> None:
    text = "Туркменистан и Турция. С ноября в Турцию отгружено около 90 тыс. тонн туркменской серы."
    assert periods(text, "ru") == [("exports", "2025-11/2026-10", "reported")]


def test_a_span_from_one_month_to_another_is_unchanged() -> None:
    text = "Туркменистан и Турция. С мая по август в Турцию отгружено около 90 тыс. тонн туркменской серы."
    assert periods(text, "ru") == [("exports", "2026-05/2026-08", "reported")]


def test_this_year_of_a_flow_that_happened_is_the_year_so_far() -> None:
    text = "Georgia and Moldova. Moldovan producers shipped about 40,000 tonnes of wine to Georgia this year."
    assert periods(text, "en") == [("exports", "2026-01/2026-10", "reported")]


def test_this_year_in_the_past_tense_in_russian() -> None:
    text = "Грузия и Молдова. В этом году в Грузию поставлено около 40 тыс. тонн молдавского вина."
    assert periods(text, "ru") == [("exports", "2026-01/2026-10", "reported")]


def test_this_year_of_a_flow_still_ahead_is_the_whole_year() -> None:
    text = (
        "Georgia and Moldova. Moldovan producers expect to ship 60,000 tonnes of wine to Georgia this year."
    )
    assert periods(text, "en") == [("exports", "2026", "forecast")]


# --- the value a change started from, dated a year before ---


def values(text: str, language: str) -> list[tuple[str, str, float]]:
    return [(b["indicator"], b["period"], b["value"]) for b in figures(text, language)]


def test_from_a_value_a_year_earlier_is_the_year_before_s() -> None:
    text = (
        "Latvia and Georgia. Latvian exports to Georgia climbed to EUR 41 million in 2025, "
        "from EUR 37 million a year earlier."
    )
    assert values(text, "en") == [("exports", "2025", 41e6), ("exports", "2024", 37e6)]


def test_against_a_value_the_year_before() -> None:
    text = (
        "Latvia and Georgia. Latvian exports to Georgia reached EUR 41 million in 2025, "
        "against EUR 37 million the year before."
    )
    assert values(text, "en") == [("exports", "2025", 41e6), ("exports", "2024", 37e6)]


def test_a_year_earlier_is_no_yearly_rate_when_the_period_is_carried() -> None:
    text = (
        "Latvia and Georgia. Latvian exports to Georgia rose to EUR 41 million in the first half of 2026. "
        "Imports from Georgia slipped to EUR 19 million from EUR 23 million a year earlier."
    )
    assert values(text, "en")[-2:] == [
        ("imports", "2026-01/2026-06", 19e6),
        ("imports", "2025-01/2025-06", 23e6),
    ]


def test_a_volume_a_year_is_still_a_capacity() -> None:
    text = "Latvia and Georgia. The new terminal at Poti can handle 2 million tonnes a year."
    assert values(text, "en") == []


# --- a port's, terminal's or railway's own total is no flow of the pair ---


def test_a_port_s_throughput_is_no_figure() -> None:
    text = "Latvia and Georgia. Throughput at Riga, Latvia's largest port, reached 31 million tonnes in 2025."
    assert figures(text, "en") == []


def test_a_terminal_s_total_in_russian_is_no_figure() -> None:
    text = "Латвия и Грузия. Порт Вентспилс в 2025 году перевалил свыше 12 млн тонн грузов."
    assert figures(text, "ru") == []


def test_a_terminal_run_by_a_foreign_operator_is_no_figure() -> None:
    text = (
        "Georgia and Latvia. The Poti container terminal, run by a Latvian operator, handled some 8,000 TEU "
        "in the first half of 2026."
    )
    assert figures(text, "en") == []


def test_a_port_s_volume_of_a_country_s_goods_is_transit() -> None:
    text = "Latvia and Georgia. The Poti terminal handled 60,000 tonnes of Latvian cargo in 2025."
    assert [(b["reporter"], b["partner"], b["indicator"]) for b in figures(text, "en")] == [
        ("LV", "GE", "transit_volume")
    ]


def test_goods_named_after_the_amount_keep_the_volume_and_its_rate() -> None:
    text = (
        "Латвия и Грузия. Через порт Поти за январь–июнь прошло 41 тыс. тонн латвийских удобрений, "
        "вдвое больше, чем за тот же период 2025 года."
    )
    assert [b["indicator"] for b in figures(text, "ru")] == ["transit_volume", "transit_volume_growth"]
