"""English trade-figure wordings of releases and wires the rules read wrong (issue 12;
docs/benchmarks/2026-12-05-extraction-holdout27-english.md): the base, the bound, the ratio, the
route, the year, the lines of a table and whose data. Every sentence is our own."""

from datetime import date
from typing import Any

import pytest
from extraction_support import checked_bodies, event_rows

PUBLISHED = date(2026, 11, 20)
LEAD = "RIGA, Nov 19 (Baltic Desk) - Latvia and Georgia agreed on Wednesday to expand cooperation.\n\n"

Row = tuple[str, str, str, float, str]


def figures(text: str, published: date = PUBLISHED) -> list[dict[str, Any]]:
    return checked_bodies(text, "en", "trade_figure", published)


def rows(text: str) -> set[Row]:
    return {(b["reporter"], b["partner"], b["indicator"], b["value"], b["period"]) for b in figures(text)}


def by_value(text: str) -> dict[float, dict[str, Any]]:
    return {b["value"]: b for b in figures(text)}


# --- "the corresponding period of 2025": a base of comparison, not the figure's year ---

BASES = [
    "Between January and September 2026, trade between Latvia and Georgia came to USD 58.4 million, "
    "a 21.7% rise on the corresponding period of 2025.",
    "Trade between Latvia and Georgia reached USD 58.4 million in January-September 2026, up 21.7% on "
    "the comparable period of 2025.",
]


@pytest.mark.parametrize("sentence", BASES)
def test_the_corresponding_period_is_the_base(sentence: str) -> None:
    growth = by_value(LEAD + sentence)[21.7]
    assert (growth["period"], growth["compared_period"]) == ("2026-01/2026-09", "2025-01/2025-09")


# --- "over January-September": a span, not "over" a value ---

SPANS = [
    ("Lithuania's trade with Georgia over January-September 2026 reached USD 142.6 million.", "exact"),
    ("Latvian exports to Georgia over the first half of 2026 amounted to USD 12.4 million.", "exact"),
    ("Latvian exports to Georgia were over USD 12 million in the first half of 2026.", "at_least"),
]


@pytest.mark.parametrize(("sentence", "bound"), SPANS)
def test_over_a_period_is_no_lower_bound(sentence: str, bound: str) -> None:
    assert [b["bound"] for b in figures(LEAD + sentence)] == [bound]


# --- a multiple of an earlier level, and a ratio after "had grown" ---

MULTIPLES = [
    (
        "Trade between Latvia and Georgia reached USD 11.6 million in January-October 2026, nearly three "
        "times the figure for the same period of last year.",
        200,
        "approximate",
    ),
    (
        "Latvian exports to Georgia came to USD 4.8 million in the first half of 2026, four times the "
        "level of a year earlier.",
        300,
        "exact",
    ),
    (
        "Bilateral trade had grown 2.4 times in January-September compared with the same period of 2025, "
        "reaching about USD 46 million.",
        140,
        "exact",
    ),
    (
        "Georgian exports to Latvia have risen 1.5 times in the first half of 2026, to USD 3 million.",
        50,
        "exact",
    ),
]


@pytest.mark.parametrize(("sentence", "rate", "bound"), MULTIPLES)
def test_a_multiple_of_an_earlier_level_is_growth(sentence: str, rate: float, bound: str) -> None:
    growth = [b for b in figures(LEAD + sentence) if b["indicator"].endswith("_growth")]
    assert [(round(b["value"], 6), b["bound"]) for b in growth] == [(rate, bound)]


def test_a_multiple_of_something_else_is_no_growth() -> None:
    text = (
        LEAD + "Latvian exports to Georgia came to USD 4.8 million in the first half of 2026, four times "
        "Estonia's."
    )
    assert [b["indicator"] for b in figures(text)] == ["exports"]


# --- "through" the other side's own ports is the route of that side's goods, not a transit ---

ROUTES = [
    (
        "Kazakhstan's exports to Latvia jumped 2.4 times in the first nine months of the year, to $212 "
        "million, as traders routed more grain through Latvian ports.",
        ("KZ", "LV", "exports", 212_000_000),
    ),
    (
        "Georgian imports from Latvia reached USD 8 million in the first half of 2026, shipped mostly "
        "through Latvian ports.",
        ("GE", "LV", "imports", 8_000_000),
    ),
    (
        "Latvia shipped 0.4 million tonnes of fertiliser through Georgia in the first half of 2026.",
        ("LV", "GE", "transit_volume", 400_000),
    ),
    (
        "Latvian exporters sent some 2,300 containers through the Georgian port of Poti this year, a "
        "Georgian official said.",
        ("LV", "GE", "transit_volume", 2_300),
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), ROUTES)
def test_a_route_through_the_other_sides_ports(sentence: str, expected: tuple[str, str, str, float]) -> None:
    assert expected in {row[:4] for row in rows(LEAD + sentence)}


# --- "the 2025 annual turnover": the year before the noun dates it ---

YEARS = [
    "Revised figures put the 2025 annual turnover between Latvia and Georgia at USD 64.9 million.",
    "The 2025 full-year trade between Latvia and Georgia came to USD 64.9 million.",
]


@pytest.mark.parametrize("sentence", YEARS)
def test_a_year_before_annual_turnover_dates_it(sentence: str) -> None:
    figure = by_value(LEAD + sentence)[64_900_000]
    assert (figure["period"], figure["status"]) == ("2025", "reported")


# --- a release's table of periods under a caption that names no flow ---

RELEASE = (
    "LATVIA-GEORGIA TRADE NOTE (our invented office)\n\n"
    "All 2026 figures below are preliminary.\n\n"
    "In January-September 2026, trade between Georgia and Latvia came to USD 61.3 million. Georgian "
    "exports to Latvia fell 4.1% to USD 10.2 million.\n\n"
    "Dynamics by period:\n"
    "Q3 2026: USD 23.4 million (+11.2% on Q2 2026)\n"
    "H1 2026: USD 37.9 million\n"
    "September 2026: USD 8.3 million (September 2025: USD 6.4 million)\n"
    "August 2026, revised: USD 7.5 million\n\n"
    "Mirror data published by the Latvian statistics bureau show Latvian exports to Georgia of EUR 41.1 "
    "million for January-August 2026."
)


def test_lines_of_periods_under_a_caption_with_no_flow_are_the_headline_flow() -> None:
    found = {
        (b["indicator"], b["value"], b["period"], b["status"], b.get("compared_period"))
        for b in figures(RELEASE, date(2026, 10, 20))
    }
    assert {
        ("trade_turnover", 23_400_000, "2026-07/2026-09", "preliminary", None),
        ("trade_turnover_growth", 11.2, "2026-07/2026-09", "preliminary", "2026-04/2026-06"),
        ("trade_turnover", 37_900_000, "2026-01/2026-06", "preliminary", None),
        ("trade_turnover", 8_300_000, "2026-09", "preliminary", None),
        ("trade_turnover", 6_400_000, "2025-09", "reported", None),
        ("trade_turnover", 7_500_000, "2026-08", "reported", None),
        ("exports", 41_100_000, "2026-01/2026-08", "reported", None),
    } <= found


def test_lines_of_goods_under_a_caption_still_need_a_flow() -> None:
    text = LEAD + "Main goods:\nWine: USD 1.2 million\nMineral water: USD 0.8 million"
    assert figures(text) == []


# --- trade with a group of countries by its abbreviation is no pair's figure ---

BLOCS = [
    "The minister also discussed Georgia's trade with the GCC countries, which exceeded USD 900 million "
    "last year.",
    "Latvia's trade with ASEAN reached USD 1.1 billion in 2025.",
]


@pytest.mark.parametrize("sentence", BLOCS)
def test_trade_with_a_bloc_is_no_pair_figure(sentence: str) -> None:
    assert figures(LEAD + sentence) == []


# --- a period in a participle clause dates what the clause tells ---


def test_a_period_in_a_participle_clause_is_not_the_figures() -> None:
    text = LEAD + (
        "The weekly ferry between Poti and Riga, launched in March, has done more than any communique; "
        "according to the port authority, some 9,400 TEU of Georgian cargo passed through Riga in transit "
        "in January-June."
    )
    assert ("GE", "LV", "transit_volume", 9_400, "2026-01/2026-06") in rows(text)


# --- events of a wire: a forum "in the capital", its closing day, a meeting during the visit ---

VISIT = (
    "TBILISI, Nov 26 (Kartli Wire) - Lithuania's economy minister arrived in Tbilisi on Wednesday on a "
    "two-day official visit and held talks with his Georgian counterpart the same afternoon.\n\n"
)
THE_VISIT = ("official_visit", "held", "2026-11-25/2026-11-26", "GE", ("GE", "LT"))


def events(text: str) -> list[tuple[Any, ...]]:
    return sorted(event_rows(text, "en", date(2026, 11, 26)))


FORUMS = [
    (
        "A business forum of some 90 firms from both countries opened in the capital on Thursday and is to "
        "close on Friday.",
        "2026-11-26/2026-11-27",
    ),
    ("A Georgian-Lithuanian business forum opened in the Georgian capital on Thursday.", "2026-11-26"),
]


@pytest.mark.parametrize(("sentence", "day"), FORUMS)
def test_a_forum_in_the_capital_beside_a_visit(sentence: str, day: str) -> None:
    assert events(VISIT + sentence) == [("forum", "held", day, "GE", ("GE", "LT")), THE_VISIT]


MET_DURING_THE_VISIT = [
    "During the visit the minister also met the Secretary General of the Baltic Council and discussed "
    "Georgia's trade with its members, which exceeded USD 200 million last year.",
    "During the visit the minister also held talks with the Georgian prime minister.",
]


@pytest.mark.parametrize("sentence", MET_DURING_THE_VISIT)
def test_a_meeting_during_the_visit_is_part_of_it(sentence: str) -> None:
    assert events(VISIT + sentence) == [THE_VISIT]


# --- a visit's outcome told without a verb of signing, a road map first ---


def test_a_visit_that_produced_a_road_map_and_a_memorandum_signed_both() -> None:
    text = (
        "Lithuania rarely features in Georgian foreign policy. The Lithuanian foreign minister's visit to "
        "Tbilisi in May, the first at that level, produced a road map of cooperation for 2026-2028 and a "
        "memorandum on renewable energy."
    )
    found = checked_bodies(text, "en", "agreement", date(2026, 12, 1))
    assert [(b["status"], b["date"], b["document_count"]) for b in found] == [("signed", "2026-05", 2)]


# --- a sum the text says has no time is no figure ---

NO_TIME = [
    ("Officials in both capitals now speak of a USD 500 million turnover, without saying by when.", "en"),
    ("Officials talk of trade worth USD 500 million, without setting a deadline.", "en"),
    ("В обеих столицах говорят о товарообороте в 500 млн долларов, не называя сроков.", "ru"),
]


@pytest.mark.parametrize(("sentence", "language"), NO_TIME)
def test_a_sum_without_a_time_is_no_figure(sentence: str, language: str) -> None:
    lead = {
        "en": "Trade between Latvia and Georgia came to USD 90 million in 2025. ",
        "ru": "Товарооборот Латвии и Грузии в 2025 году составил 90 млн долларов. ",
    }[language]
    found = checked_bodies(lead + sentence, language, "trade_figure", PUBLISHED)
    assert [b["value"] for b in found] == [90_000_000]
