"""rules-20, trade figures and agreements: mechanisms that recur across the development sets'
authors, from sentences of our own (issue 12)."""

from datetime import date
from typing import Any

from extraction_support import checked_bodies

PUBLISHED = date(2026, 10, 20)


def figures(text: str, language: str, published: date = PUBLISHED) -> list[dict[str, Any]]:
    return checked_bodies(text, language, "trade_figure", published)


def periods(text: str, language: str = "en") -> list[tuple[str, str, str, str]]:
    return [(b["reporter"], b["partner"], b["indicator"], b["period"]) for b in figures(text, language)]


# --- fiscal years told by their two calendar years ---


def test_a_year_pair_that_ended_in_a_month_is_the_twelve_months_to_it() -> None:
    text = (
        "Pakistan and Nepal. In fiscal 2024-25, which ended in June, Pakistani exports to Nepal came to "
        "$41 million."
    )
    assert periods(text) == [("PK", "NP", "exports", "2024-07/2025-06")]


def test_the_fiscal_year_that_ended_in_a_month_with_the_word_year() -> None:
    text = (
        "Egypt and Jordan. Jordanian data show trade with Egypt of USD 612 million in the fiscal year "
        "2025/26, which ended in June."
    )
    assert periods(text) == [("JO", "EG", "trade_turnover", "2025-07/2026-06")]


def test_a_year_pair_takes_the_months_the_text_gave_its_fiscal_year() -> None:
    text = (
        "Japan and Kenya. Japan's fiscal year runs from April to March. In 2024-25 Japanese exports to "
        "Kenya reached $820 million, and in 2025-26 they reached $905 million."
    )
    assert periods(text) == [
        ("JP", "KE", "exports", "2024-04/2025-03"),
        ("JP", "KE", "exports", "2025-04/2026-03"),
    ]


def test_the_same_fiscal_year_points_back_at_a_year_pair() -> None:
    text = (
        "Pakistan and Nepal. Pakistani exports to Nepal reached $41 million in fiscal 2024-25, which "
        "ended in June. Pakistan's trade with Bhutan was about $9 million in the same fiscal year."
    )
    assert periods(text) == [
        ("PK", "NP", "exports", "2024-07/2025-06"),
        ("PK", "BT", "trade_turnover", "2024-07/2025-06"),
    ]


def test_a_year_pair_with_no_months_anywhere_stays_no_period() -> None:
    # nothing in the text says which twelve months: no guess from the reporter's country
    text = "Pakistan and Nepal. Pakistani exports to Nepal came to $41 million in 2024-25."
    assert all("/" not in period for *_, period in periods(text))


def test_a_span_of_calendar_years_is_no_fiscal_year() -> None:
    text = (
        "Japan and Kenya. Japan's fiscal year runs from April to March. Japanese exports to Kenya are "
        "to reach $1 billion a year over 2027–2029."
    )
    assert [p for p in periods(text) if "/" in p[3] and p[3][5:7] == "04"] == []


# --- agreements: what counts the documents, and the fields they are in ---


def agreements(text: str, language: str) -> list[tuple[Any, list[str]]]:
    return [
        (b["document_count"], sorted(b["sectors"]))
        for b in checked_bodies(text, language, "agreement", PUBLISHED)
    ]


def test_the_years_of_a_programme_are_no_count_of_documents() -> None:
    text = (
        "Министры иностранных дел Армении и Литвы провели переговоры в Вильнюсе 14 октября. По их итогам "
        "подписаны план консультаций на 2027–2029 годы и меморандум о сотрудничестве в сфере образования."
    )
    # The plan names no field: `other`, as the sets that sign one annotate it (holdout-2, -15, -20).
    assert agreements(text, "ru") == [(2, ["education", "other"])]


def test_a_day_before_the_documents_is_no_count() -> None:
    text = (
        "Армения и Литва. По итогам переговоров 14 октября министрами подписаны программа культурного "
        "обмена и меморандум о сотрудничестве в области образования."
    )
    assert agreements(text, "ru") == [(2, ["culture", "education"])]


def test_a_count_in_words_with_its_tens() -> None:
    text = (
        "Армения и Литва. 14 октября в Вильнюсе прошли переговоры, по итогам которых подписаны двадцать "
        "два документа в сферах энергетики и образования."
    )
    assert agreements(text, "ru") == [(22, ["education", "energy"])]


def test_air_services_and_veterinary_certificates_are_transport_and_agriculture() -> None:
    text = (
        "Армения и Литва. 14 октября в Вильнюсе подписаны соглашение о воздушном сообщении и меморандум "
        "о ветеринарной безопасности."
    )
    assert agreements(text, "ru") == [(2, ["agriculture", "transport"])]


def test_fields_named_in_english_by_their_subject() -> None:
    text = (
        "Lithuania and Armenia. On 14 October in Vilnius the ministers signed four memoranda, on air "
        "services, fisheries, critical minerals and electronic signatures."
    )
    assert agreements(text, "en") == [(4, ["agriculture", "digitalization", "industry", "transport"])]


def test_tourism_is_a_field_of_its_own() -> None:
    # the annotators of six sets list tourism as "other", never as culture
    text = (
        "Lithuania and Armenia. On 14 October in Vilnius the ministers signed two memoranda, on tourism "
        "and on cultural heritage."
    )
    assert agreements(text, "en") == [(2, ["culture", "other"])]


# --- the sides of a flow ---


def sides(text: str, language: str) -> list[tuple[str, str, str, float]]:
    return [(b["reporter"], b["partner"], b["indicator"], b["value"]) for b in figures(text, language)]


def test_the_parts_of_the_trade_with_a_country_have_it_for_their_partner() -> None:
    text = (
        "Грузия и Молдова: итоги года. По данным статистического управления, товарооборот Молдовы с "
        "Грузией за 2025 год составил 48,2 млн долларов, в том числе экспорт — 20,5 млн, импорт — "
        "27,7 млн долларов."
    )
    assert sides(text, "ru") == [
        ("MD", "GE", "trade_turnover", 48_200_000),
        ("MD", "GE", "exports", 20_500_000),
        ("MD", "GE", "imports", 27_700_000),
    ]


def test_the_parts_of_the_trade_with_a_country_told_without_its_reporter() -> None:
    text = (
        "Торговля Молдовы и Грузии. По данным статистического управления, товарооборот с Грузией за "
        "2025 год составил 48,2 млн долларов, в том числе экспорт — 20,5 млн долларов."
    )
    assert sides(text, "ru") == [
        ("MD", "GE", "trade_turnover", 48_200_000),
        ("MD", "GE", "exports", 20_500_000),
    ]


def test_a_country_s_statistics_office_is_who_counted_not_the_partner() -> None:
    text = (
        "Portugal and Morocco. According to Portugal's statistics office, exports to Morocco reached "
        "EUR 1.4 billion in 2025."
    )
    assert sides(text, "en") == [("PT", "MA", "exports", 1_400_000_000)]


# --- an interview: "our exports" are the speaker's country's ---


def test_our_exports_are_the_interviewed_ambassador_s_country_s() -> None:
    text = (
        '"Chile is a partner we want to know better"\n\n'
        "Morocco's ambassador to Chile spoke to an invented business weekly.\n\n"
        "Q: How large is trade between Chile and Morocco?\n\n"
        "A: Last year it came to about $310 million. Our exports were around $120 million, mostly "
        "phosphates and fish.\n"
    )
    assert ("MA", "CL", "exports", 120_000_000) in sides(text, "en")


def test_a_market_named_beside_our_exports_is_their_partner() -> None:
    text = (
        "An interview with Morocco's ambassador to Chile\n\n"
        "Q: Which markets matter most?\n\n"
        "A: Spain is still our largest market — our exports there were more than 9 billion dollars "
        "last year.\n"
    )
    assert sides(text, "en") == [("MA", "ES", "exports", 9_000_000_000)]


def test_our_exports_outside_an_answer_keep_their_reading() -> None:
    # a press release speaking for its ministry is no interview: the pronoun names no speaker
    text = (
        "Morocco's ambassador to Chile met business leaders in Santiago. Chile and Morocco traded goods "
        "worth $310 million last year. Our exports to Chile were around $120 million."
    )
    assert ("CL", "MA", "exports", 120_000_000) not in sides(text, "en")


def test_a_sum_we_had_with_a_country_is_the_speaker_s_trade_with_it() -> None:
    text = (
        "Посол Марокко в Чили: «Торговля растёт»\n\n"
        "Посол Марокко в Чили рассказал нашему изданию о торговле двух стран.\n\n"
        "— Как складывается торговля?\n\n"
        "— Неплохо. С Перу, для сравнения, в прошлом году у нас было около 45 миллионов долларов.\n"
    )
    assert sides(text, "ru") == [("MA", "PE", "trade_turnover", 45_000_000)]


# --- one country's total, a bloc's, its own use: no figure of a pair ---


def test_trade_with_the_rest_of_a_bloc_is_no_pair_s() -> None:
    text = (
        "Chile and Peru. Chilean exports to Peru reached $2.1 billion in 2025. Chile's trade with the "
        "rest of Mercosur as a group topped $30 billion last year."
    )
    assert sides(text, "en") == [("CL", "PE", "exports", 2_100_000_000)]


def test_intra_bloc_trade_is_no_pair_s() -> None:
    text = (
        "Chile and Peru. Chilean exports to Peru reached $2.1 billion in 2025. Intra-Andean trade was "
        "$9 billion."
    )
    assert sides(text, "en") == [("CL", "PE", "exports", 2_100_000_000)]


def test_a_country_s_own_consumption_is_no_import() -> None:
    text = (
        "Chile and Peru. In 2025 Chile imported 1.2 billion cubic metres of gas from Peru. Total gas "
        "consumption in Chile was 7.4 billion cubic metres last year."
    )
    assert [(r, p, i) for r, p, i, _ in sides(text, "en")] == [("CL", "PE", "imports")]


def test_a_country_s_total_external_trade_is_no_pair_s() -> None:
    text = (
        "Chile and Peru. Chile's trade with Peru in 2025 amounted to USD 4.1 billion. Chile's total "
        "external merchandise trade in 2025 amounted to USD 190 billion."
    )
    assert [v for *_, v in sides(text, "en")] == [4_100_000_000]


def test_the_same_period_points_back_at_a_figure_s_not_at_a_visit_s_month() -> None:
    text = (
        "Латвия и Эстония. За девять месяцев этого года товарооборот Латвии и Эстонии составил 2,1 млрд "
        "евро.\n\nВизит премьер-министра Латвии, намечавшийся на октябрь, перенесён.\n\nДля сравнения, "
        "товарооборот Латвии с Литвой за тот же период составил около 3 млрд евро."
    )
    assert [(p, period) for _, p, _, period in periods(text, "ru")] == [
        ("EE", "2026-01/2026-09"),
        ("LT", "2026-01/2026-09"),
    ]


def test_the_level_of_a_period_is_a_base_not_the_figure_s_period() -> None:
    # "уровень" (the nominative) is a base as "уровня" and "уровнем" are
    text = (
        "Латвия и Эстония. В первом полугодии товарооборот Латвии и Эстонии составил 1,2 млрд евро, что "
        "на 8 % превышает уровень января–июня прошлого года."
    )
    assert [(i, period) for _, _, i, period in periods(text, "ru")] == [
        ("trade_turnover", "2026-01/2026-06"),
        ("trade_turnover_growth", "2026-01/2026-06"),
    ]


def test_a_plan_of_consultations_is_a_document_signed() -> None:
    text = (
        "Lithuania and Armenia. On 14 October in Vilnius the foreign ministers signed a Plan of "
        "Consultations between their ministries and a memorandum on cooperation in education."
    )
    # The plan names no field: `other`, as the sets that sign one annotate it (holdout-2, -15, -20).
    assert agreements(text, "en") == [(2, ["education", "other"])]


def test_a_field_word_of_a_document_is_its_field_though_ministers_signed_it() -> None:
    text = (
        "Lithuania and Armenia. On 14 October in Vilnius the ministers signed a cultural exchange "
        "programme and a memorandum on cooperation in education."
    )
    assert agreements(text, "en") == [(2, ["culture", "education"])]


def test_a_count_before_a_word_that_only_begins_like_a_month_stays_a_count() -> None:
    text = (
        "Lithuania and Armenia. On 14 October in Vilnius the transport ministers signed 3 maritime "
        "agreements."
    )
    assert [count for count, _ in agreements(text, "en")] == [3]


# --- agreements in force, and a ratification still to come ---


def statuses(text: str, language: str) -> list[tuple[str, str]]:
    return [(b["status"], b["date"]) for b in checked_bodies(text, language, "agreement", PUBLISHED)]


def test_an_agreement_in_force_since_a_month_is_in_force() -> None:
    text = (
        "Lithuania and Armenia. The visa agreement, signed in March last year and in force since June, "
        "has cut waiting times at consulates."
    )
    assert [status for status, _ in statuses(text, "en")] == ["in_force"]


def test_an_agreement_that_still_applies_is_in_force() -> None:
    text = "Армения и Литва. Соглашение о воздушном сообщении, подписанное в 2012 году, действует до сих пор."
    assert statuses(text, "ru") == [("in_force", "2012")]


def test_ratification_certificates_and_entry_into_force_are_in_force() -> None:
    text = (
        "Армения и Литва. 14 октября стороны обменялись ратификационными грамотами к договору о "
        "сотрудничестве в области образования, подписанному в мае 2024 года; с этого момента договор "
        "вступил в силу."
    )
    assert statuses(text, "ru") == [("in_force", "2024-05")]


def test_a_ratification_still_to_come_leaves_the_document_signed() -> None:
    text = (
        "Армения и Литва. Протокол о сотрудничестве в области образования, подписанный министрами в "
        "марте, литовский парламент пока не ратифицировал."
    )
    assert [status for status, _ in statuses(text, "ru")] == ["signed"]
