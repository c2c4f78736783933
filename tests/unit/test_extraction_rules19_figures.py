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
    text = "Латвия и Узбекистан. За январь–июль поставки латвийского сыра в Узбекистан уменьшились почти вдвое."
    assert rates(text, "ru") == []
