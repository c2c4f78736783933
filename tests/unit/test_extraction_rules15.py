"""rules-15, mechanisms that recur across sets by different authors (the holdout-10 misses doc): sentences
of our own, each failing without its rule."""

from datetime import date
from typing import Any

import pytest
from extraction_support import checked_bodies

from app.extraction.when import find_periods


def figures(text: str, language: str, published: date) -> list[dict[str, Any]]:
    return checked_bodies(text, language, "trade_figure", published)


@pytest.mark.parametrize(
    "text",
    [
        "Exports fell 8% over those twelve months.",
        "Over the same nine months, imports rose.",
        "За эти девять месяцев экспорт вырос.",
        "За те же десять месяцев импорт составил 2 млрд долларов.",
        "За указанные шесть месяцев импорт вырос.",
        "Imports rose over that period.",
        "В этот же период импорт вырос.",
    ],
)
def test_months_after_a_demonstrative_point_back(text: str) -> None:
    assert [(p.kind, p.comparison) for p in find_periods(text, 0, 2026, date(2026, 10, 1))] == [
        ("carry", False)
    ]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("За те же девять месяцев прошлого года импорт вырос.", "same"),
        ("in the same nine months of 2024", "same"),
        ("За девять месяцев экспорт вырос.", "first_months"),
    ],
)
def test_months_of_a_year_of_their_own_do_not_point_back(text: str, kind: str) -> None:
    assert [p.kind for p in find_periods(text, 0, 2026, date(2026, 10, 1))] == [kind]


def test_a_period_pointed_back_at_is_the_last_one_told_not_the_last_figures() -> None:
    bodies = figures(
        "В прошлом году товарооборот Чили и Перу достиг 301 млн долларов.\n\n"
        "Особо отмечен рост закупок чилийских лекарств, импорт которых за январь–сентябрь увеличился. "
        "Перу, в свою очередь, за этот период поставило в Чили около 410 тыс. тонн меди.",
        "ru",
        date(2025, 11, 6),
    )
    assert [(b["indicator"], b["period"]) for b in bodies] == [
        ("trade_turnover", "2024"),
        ("exports", "2025-01/2025-09"),
    ]


def test_those_twelve_months_are_the_fiscal_year_told_before() -> None:
    bodies = figures(
        "Trade between Chile and Peru came to $4.1 billion in 2025. Figures for the 2025–26 financial "
        "year (July to June) show the pattern changing.\n\n"
        "Chile's copper exports to Peru fell 8% over those twelve months to 2.7 million tonnes.\n\n"
        "Brazil took about 9 million tonnes of Chilean copper over the same twelve months.",
        "en",
        date(2026, 9, 30),
    )
    assert [(b["indicator"], b["period"]) for b in bodies] == [
        ("trade_turnover", "2025"),
        ("exports_growth", "2025-07/2026-06"),
        ("exports", "2025-07/2026-06"),
        ("exports", "2025-07/2026-06"),  # Chile's copper Brazil took: Chile's exports (README conventions)
    ]


def test_the_same_period_in_one_sentence_is_the_one_told_before_it() -> None:
    bodies = figures(
        "В 2024 году товарооборот Чили и Перу составил 3 млрд долларов.\n\n"
        "Экспорт Чили в Перу за январь–июнь 2025 года составил 1,2 млрд долларов, "
        "а импорт из Перу за тот же период — 0,8 млрд долларов.",
        "ru",
        date(2025, 8, 1),
    )
    assert [b["period"] for b in bodies] == ["2024", "2025-01/2025-06", "2025-01/2025-06"]


def test_a_count_of_months_points_back_at_a_period_of_that_many_months() -> None:
    bodies = figures(
        "За январь–октябрь 2026 года экспорт Чили в Перу составил 3 млрд долларов. "
        "В 2025 году он составил 3,1 млрд долларов.\n\n"
        "Экспорт Чили в Бразилию за те же десять месяцев составил 2,1 млрд долларов.",
        "ru",
        date(2026, 11, 20),
    )
    assert [b["period"] for b in bodies] == ["2026-01/2026-10", "2025", "2026-01/2026-10"]


def test_the_reporting_period_is_the_last_figures() -> None:
    bodies = figures(
        "За январь–сентябрь 2025 года экспорт Чили в Перу составил 3 млрд долларов. "
        "Годом ранее стороны подписали соглашение, вступившее в силу в 2024 году. "
        "Импорт из Перу за отчётный период составил 1 млрд долларов.",
        "ru",
        date(2025, 11, 20),
    )
    assert [b["period"] for b in bodies] == ["2025-01/2025-09", "2025-01/2025-09"]


def agreements(text: str, language: str, published: date) -> list[dict[str, Any]]:
    return checked_bodies(text, language, "agreement", published)


def test_a_document_signed_and_another_to_come_in_one_sentence_are_two() -> None:
    bodies = agreements(
        "A memorandum on copper supply between Chile and Peru, signed in July, commits both governments "
        "to share data, and a review protocol is expected to be signed in December.",
        "en",
        date(2026, 9, 30),
    )
    assert [(b["status"], b["date"]) for b in bodies] == [("signed", "2026-07"), ("proposed", "2026-12")]


def test_a_russian_signing_and_a_signing_to_come_in_one_sentence_are_two() -> None:
    bodies = agreements(
        "Министры Чили и Перу подписали меморандум о сотрудничестве в энергетике, "
        "а соглашение о транзите планируется подписать в декабре.",
        "ru",
        date(2026, 10, 27),
    )
    assert [(b["status"], b["sectors"]) for b in bodies] == [
        ("signed", ["energy"]),
        ("proposed", ["transport"]),
    ]
    assert bodies[1]["date"] == "2026-12"


def test_a_document_signed_and_a_meeting_agreed_on_is_signed_at_the_meeting_told_before() -> None:
    [body] = agreements(
        "20 октября в Сантьяго состоялось заседание межправительственной комиссии Чили и Перу. "
        "Стороны подписали протокол о работе пограничных переходов и договорились провести "
        "следующее заседание в апреле следующего года в Лиме.",
        "ru",
        date(2026, 10, 27),
    )
    assert (body["status"], body["date"]) == ("signed", "2026-10-20")


def test_one_status_in_every_clause_is_one_signing() -> None:
    [body] = agreements(
        "The ministers of Chile and Peru will sign a trade agreement, and the two sides are expected "
        "to sign a memorandum on energy in December.",
        "en",
        date(2026, 9, 30),
    )
    assert body["status"] == "proposed"


@pytest.mark.parametrize(
    "text",
    [
        # "expect … to be signed there" tells the plan, not a signing done
        "The president of Chile will travel to Lima for a state visit on Sept. 2-3, his office said, and "
        "officials on both sides expect a package of transport agreements to be signed there.",
        # a clause that tells no signing of its own does not part the sentence
        "The joint committee of Chile and Peru meets in Lima on 20 October; the texts of an agreement on "
        "customs are agreed, and we expect to sign it there.",
    ],
)
def test_a_plan_in_one_clause_and_no_signing_done_in_another_is_one_plan(text: str) -> None:
    assert [b["status"] for b in agreements(text, "en", date(2026, 8, 1))] == ["proposed"]


def test_as_well_as_joins_documents_of_one_signing() -> None:
    [body] = agreements(
        "В ходе визита в Лиму президента Чили планируется подписать соглашение о сотрудничестве в "
        "области сельского хозяйства, а также меморандум о сотрудничестве в сфере образования.",
        "ru",
        date(2026, 8, 1),
    )
    assert (body["status"], body["document_count"]) == ("proposed", 2)


def events(text: str, language: str, published: date) -> list[dict[str, Any]]:
    return checked_bodies(text, language, "event", published)


@pytest.mark.parametrize(
    ("text", "language", "planned"),
    [
        (
            "The joint commission of Chile and Peru held its fifth session in Santiago on 12 September. "
            "The next session is scheduled for March 2027.",
            "en",
            "2027-03",
        ),
        (
            "20 октября в Сантьяго состоялось заседание межправительственной комиссии Чили и Перу. "
            "Стороны подписали протокол о работе пограничных переходов и договорились провести "
            "следующее заседание в апреле следующего года.",
            "ru",
            "2027-04",
        ),
    ],
)
def test_the_next_session_with_a_date_is_a_planned_meeting_of_the_body_told_before(
    text: str, language: str, planned: str
) -> None:
    bodies = events(text, language, date(2026, 10, 27))
    assert [(b["type"], b.get("status", "held")) for b in bodies] == [
        ("intergovernmental_commission", "held"),
        ("intergovernmental_commission", "planned"),
    ]
    assert bodies[1]["date"] == planned


def test_the_next_session_without_a_date_or_a_body_told_before_is_no_event() -> None:
    assert (
        events(
            "The working group of Chile and Peru on customs met in Arica on 20 September. Its next "
            "meeting will take place on a date to be agreed.",
            "en",
            date(2026, 10, 1),
        )[1:]
        == []
    )
    assert events("The next session is scheduled for March 2027.", "en", date(2026, 10, 1)) == []


@pytest.mark.parametrize(
    ("text", "language", "kind", "when"),
    [
        (
            "The transport ministers of Chile and Peru are due to meet in Lima in the second half of "
            "October.",
            "en",
            "ministerial_meeting",
            "2026-10",
        ),
        (
            "The two prime ministers of Chile and Peru are due to meet on the sidelines of a regional "
            "summit in November.",
            "en",
            "talks",
            "2026-11",
        ),
        ("The presidents of Chile and Peru will meet in mid-December.", "en", "talks", "2026-12"),
        (
            "Министры транспорта Чили и Перу встретятся в Лиме во второй половине октября.",
            "ru",
            "ministerial_meeting",
            "2026-10",
        ),
        (
            "Премьер-министры Чили и Перу проведут встречу в начале ноября на полях регионального саммита.",
            "ru",
            "talks",
            "2026-11",
        ),
    ],
)
def test_officials_due_to_meet_are_a_planned_meeting(text: str, language: str, kind: str, when: str) -> None:
    [body] = events(text, language, date(2026, 9, 30))
    assert (body["type"], body.get("status"), body["date"]) == (kind, "planned", when)


def test_to_meet_a_demand_is_no_meeting() -> None:
    text = "The ministers of Chile and Peru said the two countries must meet growing demand in 2027."
    assert events(text, "en", date(2026, 9, 30)) == []


def projects(text: str, language: str) -> list[dict[str, Any]]:
    return checked_bodies(text, language, "infrastructure_project", date(2026, 9, 30))


def test_a_russian_lines_ends_after_mezhdu_are_cited_in_the_nominative() -> None:
    [body] = projects("Стороны обсудили строительство железной дороги между Брестом и Тересполем.", "ru")
    assert (body["name_ru"], body["kind"]) == ("Железная дорога Брест–Тересполь", "railway")


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        (
            "Construction of the railway line between Arica and Tacna began in March.",
            "Arica–Tacna railway",
            "railway",
        ),
        ("Chile and Peru will build a road link between Arica and Tacna.", "Arica–Tacna road", "road"),
    ],
)
def test_a_line_or_link_after_its_head_is_named_by_its_ends(text: str, name: str, kind: str) -> None:
    [body] = projects(text, "en")
    assert (body["name_en"], body["kind"]) == (name, kind)


@pytest.mark.parametrize(
    "text",
    [
        "The joint commission of Chile and Peru, which last met in Lima in December 2023, is scheduled to "
        "meet in Santiago next month, the ministry said.",
        "Межправительственная комиссия Чили и Перу, которая последний раз собиралась в Лиме в декабре "
        "2023 года, проведёт заседание в Сантьяго в следующем месяце.",
    ],
)
def test_a_bodys_last_meeting_told_in_passing_is_held_and_dates_nothing_else(text: str) -> None:
    language = "ru" if "комиссия" in text else "en"
    bodies = events(text, language, date(2025, 6, 5))
    assert [(b["date"], b.get("status", "held")) for b in bodies] == [
        ("2025-07", "planned"),
        ("2023-12", "held"),
    ]


def test_a_body_that_last_met_as_the_sentence_tells_is_that_meeting_alone() -> None:
    bodies = events(
        "The intergovernmental commission of Chile and Peru last met in Lima in October, when ministers "
        "agreed to study a second cable.",
        "en",
        date(2026, 1, 22),
    )
    assert [(b["date"], b.get("status", "held")) for b in bodies] == [("2025-10", "held")]
