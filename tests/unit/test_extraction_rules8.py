"""Mechanisms rules-8 adds, from sentences of our own: a comparison base states no period of the
figure, a half or quarter "of last year", "the second half of the year", meetings whose dates are
agreed or due, projects not built yet, and a common word opening a sentence that shares a
country's stem."""

from datetime import date
from typing import Any

import pytest
from extraction_support import checked_bodies

from app.extraction.morphology import word_keys
from app.extraction.when import find_periods


def bodies(text: str, language: str, kind: str, published: date) -> list[dict[str, Any]]:
    return checked_bodies(text, language, kind, published)


def test_a_comparison_base_is_no_period_of_the_figure_so_the_paragraph_period_carries() -> None:
    text = (
        "Товарооборот Таджикистана с Китаем за январь–март составил 410 млн долларов.\n"
        "Вывоз таджикских товаров в Китай составил 95,2 млн долларов (плюс 7,5 процента), "
        "ввоз из Китая — 314,8 млн долларов, что на 2,1 процента больше, чем годом ранее."
    )
    found = bodies(text, "ru", "trade_figure", date(2026, 4, 20))
    levels = {(b["indicator"], b["period"], b["value"]) for b in found if b["unit"] == "USD"}
    assert ("exports", "2026-01/2026-03", 95_200_000) in levels
    assert ("imports", "2026-01/2026-03", 314_800_000) in levels


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("на 4 процента ниже, чем в первом полугодии прошлого года", "2025-01/2025-06"),
        ("against the second half of last year", "2025-07/2025-12"),
        ("по сравнению с третьим кварталом предыдущего года", "2025-07/2025-09"),
        ("in the fourth quarter of the previous year", "2025-10/2025-12"),
        ("во второй половине года", "2026-07/2026-12"),
    ],
)
def test_a_half_or_quarter_takes_the_year_told_after_it(text: str, value: str) -> None:
    found = find_periods(text, 0, 2026, date(2026, 8, 1), reported=False)
    assert [p.value for p in found] == [value]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Министры Кыргызстана и Турции согласовали сроки проведения заседания "
            "межправительственной комиссии в Анкаре в октябре.",
            "ru",
        ),
        (
            "Кыргызстан и Турция подтвердили договорённость о государственном визите "
            "Президента Кыргызстана в Турцию в октябре.",
            "ru",
        ),
        (
            "Turkey's trade minister is due in Bishkek in October to co-chair the "
            "intergovernmental commission with Kyrgyzstan.",
            "en",
        ),
    ],
)
def test_meetings_whose_dates_are_agreed_or_due_are_planned_and_ahead(text: str, language: str) -> None:
    [event] = bodies(text, language, "event", date(2026, 8, 1))
    assert event["status"] == "planned"
    assert event["date"] == "2026-10"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Доставка ускорится вдвое, если будет построена железная дорога Кашгар — Иркештам — Ош.", "ru"),
        ("Переговоры по газопроводу «Алтай» идут уже много лет, но контракт не подписан.", "ru"),
        (
            "The Herat–Mazar railway from Herat via Sheberghan to Mazar would halve transit times, "
            "but its financing is still not settled.",
            "en",
        ),
    ],
)
def test_projects_not_built_yet_are_planned(text: str, language: str) -> None:
    found = bodies(text, language, "infrastructure_project", date(2026, 8, 1))
    assert found
    assert {b["status"] for b in found} == {"planned"}


def test_a_common_word_opening_a_sentence_is_no_country() -> None:
    assert "~груз" not in word_keys("Грузы", "ru")
    assert "~груз" in word_keys("Грузии", "ru")
    found = bodies(
        "Грузы пойдут быстрее, если будет построена железная дорога Кашгар — Иркештам — Ош.",
        "ru",
        "infrastructure_project",
        date(2026, 8, 1),
    )
    assert all("GE" not in b["countries"] for b in found)


@pytest.mark.parametrize(
    ("text", "language", "status", "when"),
    [
        (
            "The Kyrgyz parliament on Wednesday ratified the Investment Protection Agreement between "
            "Kyrgyzstan and Korea, signed in Seoul on 3 March 2026.",
            "en",
            "ratified",
            "2026-03-03",
        ),
        (
            "Сенат Казахстана одобрил закон о ратификации Соглашения между Казахстаном и Грузией о "
            "транспортном сообщении. Соглашение было подписано в Тбилиси 5 апреля 2026 года. "
            "Сенаторы отметили, что ратификация соглашения ускорит перевозки.",
            "ru",
            "ratified",
            "2026-04-05",
        ),
        (
            "A transport agreement between Georgia and Kazakhstan, signed in Astana in June 2025, "
            "entered into force on 1 September.",
            "en",
            "in_force",
            "2025-06",
        ),
    ],
)
def test_a_ratified_or_effective_agreement_is_one_dated_by_its_signing(
    text: str, language: str, status: str, when: str
) -> None:
    [agreement] = bodies(text, language, "agreement", date(2026, 10, 10))
    assert (agreement["status"], agreement["date"]) == (status, when)


def test_bln_is_a_scale_word() -> None:
    [figure] = bodies(
        "Trade between Georgia and Armenia reached $1.4 bln in 2025.", "en", "trade_figure", date(2026, 3, 1)
    )
    assert figure["value"] == 1_400_000_000


def test_a_span_of_months_after_the_amount_narrows_this_year_and_on_the_same_is_a_base() -> None:
    found = bodies(
        "Uzbekistan's exports to Korea: this year they stand at $640 million for January through "
        "August, up 9 percent on the same eight months of 2025.",
        "en",
        "trade_figure",
        date(2026, 10, 1),
    )
    assert {(b["indicator"], b["period"], b.get("compared_period")) for b in found} == {
        ("exports", "2026-01/2026-08", None),
        ("exports_growth", "2026-01/2026-08", "2025-01/2025-08"),
    }


def test_a_flow_named_in_a_cause_is_not_the_amount_indicator() -> None:
    found = bodies(
        "Trade between Georgia and Armenia reached $1.4 bln in 2025. Officials expect to pass $1.6 bln "
        "this year, mainly because Armenian imports of grain are recovering.",
        "en",
        "trade_figure",
        date(2026, 3, 1),
    )
    assert all(b["indicator"] != "imports" for b in found)


def test_a_body_founded_with_its_first_meeting_announced_gives_the_meetings() -> None:
    found = bodies(
        "Узбекистан и Казахстан договорились учредить Высший межгосударственный совет, первое "
        "заседание которого пройдёт в Ташкенте в 2027 году, а очередное заседание "
        "межправительственной комиссии провести в третьем квартале текущего года.",
        "ru",
        "event",
        date(2026, 3, 6),
    )
    assert {(b["type"], b["date"], b.get("status")) for b in found} == {
        ("interstate_council", "2027", "planned"),
        ("intergovernmental_commission", "2026-07/2026-09", "planned"),
    }


def test_a_body_founded_long_ago_is_no_event() -> None:
    assert not bodies(
        "Высший межгосударственный совет Узбекистана и Казахстана был учреждён в 2022 году.",
        "ru",
        "event",
        date(2026, 3, 6),
    )


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Президент Узбекистана пригласил Президента Казахстана посетить Узбекистан с "
            "государственным визитом в удобное для него время.",
            "ru",
        ),
        (
            "The President of Uzbekistan invited the President of Kazakhstan to pay a state visit to "
            "Uzbekistan at a convenient time.",
            "en",
        ),
    ],
)
def test_an_invitation_at_a_convenient_time_is_no_event(text: str, language: str) -> None:
    assert not bodies(text, language, "event", date(2026, 3, 6))
