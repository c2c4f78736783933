"""Event dates a wire leaves implicit: its dateline, "yesterday", "next month", and no date at all."""

from datetime import date

import pytest
from extraction_support import check_all, checked_bodies, one

from app.extraction import extract
from app.extraction.when import find_dateline, find_dates, find_periods, find_windows

PUBLISHED = date(2025, 10, 23)  # a Thursday, two days after the reports' datelines


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("ASTANA, 21 October. The presidents met.", date(2025, 10, 21)),
        ("АСТАНА, 21 октября – Kazinform. Президенты встретились.", date(2025, 10, 21)),
        ("Presidents meet in Baku\n\nBAKU, Oct. 20 (Example Wire) - The presidents met.", date(2025, 10, 20)),
        ("TASHKENT, October 20, 2025 /Example/ - The presidents met.", date(2025, 10, 20)),
        ("ТАШКЕНТ, 3 марта. Президенты встретились.", date(2025, 3, 3)),
        ("Президенты встретились 21 октября в Астане.", None),
        ("The presidents, 21 October and 22 October, met twice.", None),
    ],
)
def test_a_dateline_is_the_day_the_report_is_filed(text: str, day: date | None) -> None:
    assert find_dateline(text, PUBLISHED) == day


@pytest.mark.parametrize(
    ("text", "future", "value"),
    [
        ("Президенты накануне провели переговоры.", False, "2025-10-20"),
        ("The presidents held talks yesterday.", False, "2025-10-20"),
        ("Позавчера министры встретились.", False, "2025-10-19"),
        ("The visit will take place next month.", True, "2025-11"),
        ("Визит состоится в следующем месяце.", True, "2025-11"),
        ("The commission met last month.", False, "2025-09"),
        ("Переговоры пройдут на следующей неделе.", True, "2025-10-27/2025-11-02"),
        ("The ministers met on Monday.", False, "2025-10-20"),
    ],
)
def test_relative_words_count_from_the_report_day(text: str, future: bool, value: str) -> None:
    found = find_dates(text, 0, 2025, PUBLISHED, future=future, reference=date(2025, 10, 21))
    assert [d.value for d in found] == [value]


def test_on_the_eve_of_an_event_is_not_a_day() -> None:
    assert find_dates("накануне визита президента", 0, 2025, PUBLISHED, reference=PUBLISHED) == []


def test_a_postponed_visit_takes_the_nearest_year_of_its_date() -> None:
    after = find_dates("scheduled for 3 November", 0, 2025, PUBLISHED, future=None)
    before = find_dates("scheduled for 3 September", 0, 2025, PUBLISHED, future=None)
    assert [after[0].value, before[0].value] == ["2025-11-03", "2025-09-03"]


def event(text: str, language: str) -> tuple[dict[str, object], float]:
    proposals = extract(text, language=language, published=PUBLISHED)
    check_all(text, proposals)
    body = one(proposals, "event")
    confidence = next(p.confidence for p in proposals if p.kind == "event")
    return body, confidence


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("ASTANA, 21 October. The presidents of Kazakhstan and Uzbekistan held talks yesterday.", "en"),
        ("АСТАНА, 21 октября. Накануне президенты Казахстана и Узбекистана провели переговоры.", "ru"),
    ],
)
def test_yesterday_in_a_wire_counts_from_its_dateline(text: str, language: str) -> None:
    body, _ = event(text, language)
    assert body["date"] == "2025-10-20"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("ASTANA, 21 October.\n\nThe presidents of Kazakhstan and Uzbekistan held talks in Astana.", "en"),
        ("АСТАНА, 21 октября.\n\nПрезиденты Казахстана и Узбекистана провели переговоры в Астане.", "ru"),
    ],
)
def test_an_undated_event_in_a_wire_is_on_its_dateline_less_surely(text: str, language: str) -> None:
    body, confidence = event(text, language)
    assert body["date"] == "2025-10-21"
    assert confidence < 0.8


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The presidents of Kazakhstan and Uzbekistan held talks in Astana.", "en"),
        ("Президенты Казахстана и Узбекистана провели переговоры в Астане.", "ru"),
    ],
)
def test_an_undated_event_without_a_dateline_is_dated_to_the_year_only(text: str, language: str) -> None:
    body, confidence = event(text, language)
    assert body["date"] == "2025"  # not the publication month, which the text never states
    assert confidence <= 0.5


@pytest.mark.parametrize(
    ("text", "language", "value", "status"),
    [
        (
            "Uzbek President Shavkat Mirziyoyev will pay an official visit to Tajikistan next month.",
            "en",
            "2025-11",
            "planned",
        ),
        (
            "Президент Узбекистана Шавкат Мирзиёев в следующем месяце посетит Таджикистан "
            "с официальным визитом.",
            "ru",
            "2025-11",
            "planned",
        ),
        (
            "The official visit of Georgian Prime Minister Irakli Kobakhidze to Armenia, scheduled for "
            "3 September, has been postponed.",
            "en",
            "2025-09-03",
            "cancelled",
        ),
        (
            "Официальный визит премьер-министра Грузии Ираклия Кобахидзе в Армению, намеченный на "
            "3 ноября, отложен.",
            "ru",
            "2025-11-03",
            "cancelled",
        ),
    ],
)
def test_announced_and_postponed_visits(text: str, language: str, value: str, status: str) -> None:
    body, _ = event(text, language)
    assert (body["date"], body["status"]) == (value, status)


def test_an_abbreviated_month_does_not_end_the_sentence() -> None:
    from app.extraction.text import read

    document = read("The minister will visit Tbilisi on Sept. 14-15, the ministry said. Talks follow.", "en")
    assert [s.text for s in document.sentences] == [
        "The minister will visit Tbilisi on Sept. 14-15, the ministry said.",
        "Talks follow.",
    ]


def test_an_invitation_for_the_coming_year() -> None:
    from app.extraction import extract

    text = "Президент Армении принял приглашение посетить Грузию с государственным визитом в будущем году."
    [event] = [
        p.body for p in extract(text, language="ru", published=date(2025, 10, 15)) if p.kind == "event"
    ]
    assert (event["date"], event["status"], event["host_country"]) == ("2026", "planned", "GE")


@pytest.mark.parametrize(
    "text",
    ["The joint declaration on markets was adopted.", "Marketing and octane were on the agenda."],
)
def test_a_month_abbreviation_inside_a_word_is_no_month(text: str) -> None:
    assert find_dates(text, 0, 2025, PUBLISHED) == []


def test_a_month_abbreviation_is_still_a_month() -> None:
    values = [d.value for d in find_dates("Talks on Dec. 3 and again in Sept 2026.", 0, 2025, PUBLISHED)]
    assert values == ["2024-12-03", "2026-09"]  # a day without a year: the last before the report


@pytest.mark.parametrize(
    "words",
    [
        "before the end of the year",
        "by the end of this year",
        "by year-end",
        "до конца года",
        "до конца текущего года",
        "к концу года",
    ],
)
def test_before_the_end_of_the_year_is_an_events_window_and_a_figures_year(words: str) -> None:
    assert [w.value for w in find_windows(words, 0, 2025, PUBLISHED)] == ["2025-10/2025-12"]
    assert [p.value for p in find_periods(words, 0, 2025, PUBLISHED)] == ["2025"]


@pytest.mark.parametrize(
    ("text", "language", "kind"),
    [
        (
            "The Kazakh-Georgian intergovernmental commission will meet in Tbilisi "
            "before the end of the year.",
            "en",
            "event",
        ),
        (
            "Заседание казахстанско-грузинской межправительственной комиссии пройдёт в Тбилиси "
            "до конца года.",
            "ru",
            "event",
        ),
        (
            "Kazakhstan and Georgia expect to sign an agreement on air services by the end of the year.",
            "en",
            "agreement",
        ),
        (
            "Казахстан и Грузия рассчитывают подписать соглашение о воздушном сообщении до конца года.",
            "ru",
            "agreement",
        ),
    ],
)
def test_an_event_or_signing_before_the_end_of_the_year_runs_from_the_publication_month(
    text: str, language: str, kind: str
) -> None:
    [body] = checked_bodies(text, language, kind, PUBLISHED)
    assert body["date"] == "2025-10/2025-12"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Trade between Kazakhstan and Georgia is expected to reach $400 million by the end of the year.",
            "en",
        ),
        ("Товарооборот Казахстана и Грузии до конца года может достичь 400 млн долларов.", "ru"),
    ],
)
def test_a_forecast_to_the_end_of_the_year_is_for_the_whole_year(text: str, language: str) -> None:
    [body] = checked_bodies(text, language, "trade_figure", PUBLISHED)
    assert (body["period"], body["status"]) == ("2025", "forecast")
