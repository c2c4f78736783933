"""Trade figures from sentences of our own (figures, round 6): the period a comparison in a
paragraph of its own points back at with "the same period"."""

from datetime import date

from extraction_support import checked_bodies

PUBLISHED = date(2026, 11, 20)


def periods(text: str, language: str) -> dict[tuple[str, str, str, float], str]:
    """Each figure's period by its flow, pair and value."""
    return {
        (b["indicator"], b["reporter"], b["partner"], b["value"]): b["period"]
        for b in checked_bodies(text, language, "trade_figure", PUBLISHED)
    }


# --- "за тот же период" of a comparison told in a paragraph of its own: the text's own period ---

COMPARED_RU = (
    "Товарооборот Армении и Грузии за январь–октябрь составил 912 млн долларов, увеличившись на 14%.\n\n"
    "С начала года из Армении в Грузию отправлено свыше 60 тыс. тонн минеральной воды.\n\n"
    "Стороны договорились довести товарооборот до 1,5 млрд долларов к 2029 году.\n\n"
    "Для сравнения, товарооборот Армении с Ираном за тот же период превысил 600 млн долларов."
)

COMPARED_EN = (
    "Trade between Georgia and Moldova reached $84 million in January-September, up 11%.\n\n"
    "The two governments want to bring it to $150 million by 2030.\n\n"
    "For comparison, Moldova's trade with Armenia over the same period came to about $21 million."
)


def test_a_comparison_of_its_own_paragraph_is_of_the_texts_first_period() -> None:
    found = periods(COMPARED_RU, "ru")
    assert found[("trade_turnover", "AM", "IR", 600_000_000)] == "2026-01/2026-10"
    found = periods(COMPARED_EN, "en")
    assert found[("trade_turnover", "MD", "AM", 21_000_000)] == "2026-01/2026-09"


def test_a_comparison_inside_a_paragraph_keeps_the_period_just_told() -> None:
    # the same period as the figure the sentence before it gave, not the text's first
    text = (
        "Товарооборот Казахстана и Словакии в прошлом году составил 210 млн долларов.\n\n"
        "По данным словацкой статистики, экспорт Словакии в Казахстан за январь–сентябрь достиг 96 млн "
        "евро. Для сравнения, торговля Словакии с Узбекистаном за тот же период превысила 140 млн евро."
    )
    found = periods(text, "ru")
    assert found[("trade_turnover", "SK", "UZ", 140_000_000)] == "2026-01/2026-09"


def bodies(text: str, language: str) -> list[dict]:
    return checked_bodies(text, language, "trade_figure", PUBLISHED)


# --- a condition after the amount ("если…", "if…", "once…") tells neither its flow nor its period ---


def test_a_condition_after_a_forecast_is_not_its_flow_or_period() -> None:
    text = (
        "В 2025 году товарооборот Грузии и Латвии составил 96 млн долларов. Эксперты полагают, что в "
        "нынешнем году он превысит 110 млн долларов, если весной возобновятся поставки латвийского зерна."
    )
    (forecast,) = [b for b in bodies(text, "ru") if b["value"] == 110_000_000]
    assert (forecast["indicator"], forecast["period"], forecast["status"]) == (
        "trade_turnover",
        "2026",
        "forecast",
    )
    text = (
        "Trade between Armenia and Lithuania came to $48 million last year. We expect it to top $60 million "
        "in 2027, once regular truck deliveries of Lithuanian dairy begin."
    )
    (forecast,) = [b for b in bodies(text, "en") if b["value"] == 60_000_000]
    assert (forecast["indicator"], forecast["period"]) == ("trade_turnover", "2027")


# --- "the full year", "по итогам нынешнего" with the year word left out: the current year ---


def test_the_full_year_and_a_year_word_left_out_are_the_current_year() -> None:
    text = (
        "Georgian statistics show trade with Estonia of $52.4 million in January-October, and the full "
        "year could end above $60 million, by our estimate."
    )
    (forecast,) = [b for b in bodies(text, "en") if b["value"] == 60_000_000]
    assert (forecast["period"], forecast["status"], forecast["bound"]) == ("2026", "forecast", "at_least")
    text = (
        "В прошлом году товарооборот Армении и Литвы составил 48 млн долларов, а по итогам нынешнего, "
        "по оценке министерства экономики, приблизится к 55 млн."
    )
    (forecast,) = [b for b in bodies(text, "ru") if b["value"] == 55_000_000]
    assert (forecast["indicator"], forecast["period"]) == ("trade_turnover", "2026")


# --- a period told in a relative clause dates what it tells: the figure keeps the paragraph's ---


def test_a_period_in_a_relative_clause_leaves_the_figure_the_paragraphs_period() -> None:
    text = (
        "Kazakhstan's trade with Latvia reached $310 million in January-August.\n\n"
        "Latvian buyers took 12,400 tonnes of Kazakh barley in the eight months. Shipments of rapeseed to "
        "Latvia reached 8,600 tonnes, while wheat shipments, which restarted in June, totalled 21,000 tonnes."
    )
    found = {(b["commodity"], b["value"]): b["period"] for b in bodies(text, "en")}
    assert found[("rapeseed", 8_600)] == "2026-01/2026-08"
    assert found[("wheat", 21_000)] == "2026-01/2026-08"


# --- a sum called the total, no flow named: the two sides' trade ---


def test_a_total_with_no_flow_named_is_the_trade_of_the_pair() -> None:
    text = (
        "Trade between Estonia and Georgia reached USD 64 million in 2025, according to Estonian data. "
        "Georgian statistics, which count goods by origin, show a slightly higher total of about $67 million."
    )
    (total,) = [b for b in bodies(text, "en") if b["value"] == 67_000_000]
    assert (total["indicator"], total["period"]) == ("trade_turnover", "2025")
