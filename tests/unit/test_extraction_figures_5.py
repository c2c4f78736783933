"""Trade figures from sentences of our own (figures, round 5): how far a source's preliminary figures,
cited in a report, reach."""

from datetime import date

from extraction_support import checked_bodies

PUBLISHED = date(2026, 11, 20)


def statuses(text: str, language: str = "en") -> dict[tuple[str, str, float], str]:
    """Each figure's status by its flow, goods and value."""
    return {
        (b["indicator"], b.get("commodity") or "TOTAL", b["value"]): b["status"]
        for b in checked_bodies(text, language, "trade_figure", PUBLISHED)
    }


# --- a source's preliminary figures cited in a report reach the paragraph that cites them ---

CITED = (
    "Trade between Armenia and Greece grew 9% to $141 million in January-September, according to "
    "preliminary figures from the Armenian statistics committee. Armenian exports to Greece came to "
    "$38 million over the same months.\n\n"
    "Brandy leads the way. Armenian distillers shipped 1.4 million litres of brandy to Greek buyers "
    "in January-September, a fifth more than a year earlier.\n\n"
    "Bulgaria remains Greece's closer partner: trade between Greece and Bulgaria reached $4.2 billion "
    "in January-September, Bulgarian customs data show."
)


def test_a_cited_sources_preliminary_figures_reach_their_own_paragraph() -> None:
    found = statuses(CITED)
    assert found[("trade_turnover", "TOTAL", 141_000_000)] == "preliminary"
    assert found[("exports", "TOTAL", 38_000_000)] == "preliminary"


def test_a_later_paragraphs_figures_of_that_period_stay_reported() -> None:
    found = statuses(CITED)
    # a good's own line and a third pair's trade, told after the cited paragraph
    assert found[("exports", "brandy", 1_400_000)] == "reported"
    assert found[("trade_turnover", "TOTAL", 4_200_000_000)] == "reported"


def test_provisional_data_of_a_named_office_are_cited_too() -> None:
    text = (
        "Kazakhstan's trade with Hungary reached $610 million in January-June, provisional data of the "
        "Kazakh customs service show.\n\n"
        "Kazakh exports to Hungary totalled $402 million in January-June, the embassy said."
    )
    found = statuses(text)
    assert found[("trade_turnover", "TOTAL", 610_000_000)] == "preliminary"
    assert found[("exports", "TOTAL", 402_000_000)] == "reported"


def test_a_releases_own_preliminary_data_still_reach_its_other_paragraphs() -> None:
    # the office's own word on its data, no source named: every figure of the period
    text = (
        "According to preliminary data, trade between Mongolia and Korea in January-September 2026 "
        "amounted to USD 512.4 million.\n\n"
        "Exports of Mongolia to Korea in January-September 2026 amounted to USD 143.0 million."
    )
    found = statuses(text)
    assert found[("trade_turnover", "TOTAL", 512_400_000)] == "preliminary"
    assert found[("exports", "TOTAL", 143_000_000)] == "preliminary"
