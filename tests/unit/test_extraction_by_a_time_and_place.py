"""Events and agreements told by a time they are due by ("by the end of the year", "к лету"), by
negotiations still to complete, as a convention, and summits in a city no place list knows; from
sentences of our own (issue 12)."""

from datetime import date
from typing import Any

import pytest
from extraction_support import checked_bodies, event_rows

PUBLISHED = date(2025, 9, 10)
SPRING = date(2026, 3, 2)


def agreements(text: str, language: str, published: date = PUBLISHED) -> list[tuple[Any, ...]]:
    return [
        (body["status"], body["date"], tuple(body["countries"]), body["document_count"])
        for body in checked_bodies(text, language, "agreement", published)
    ]


def events(text: str, language: str) -> list[tuple[Any, ...]]:
    return event_rows(text, language, PUBLISHED)


@pytest.mark.parametrize(
    ("text", "language", "published", "expected"),
    [
        (
            "Turkmenistan and Georgia intend to sign a shipping agreement by the end of the year.",
            "en",
            PUBLISHED,
            ("proposed", "2025-09/2025-12", ("GE", "TM"), 1),
        ),
        (
            "Меморандум о сотрудничестве в сфере туризма между Арменией и Грузией планируется подписать до "
            "конца текущего года.",
            "ru",
            PUBLISHED,
            ("proposed", "2025-09/2025-12", ("AM", "GE"), 1),
        ),
        (
            "Kazakhstan and Azerbaijan are expected to sign a protocol on ferry services by the summer.",
            "en",
            SPRING,
            ("proposed", "2026-06/2026-08", ("AZ", "KZ"), 1),
        ),
        (
            "Туркменистан и Узбекистан планируют подписать соглашение о транзите электроэнергии к лету.",
            "ru",
            SPRING,
            ("proposed", "2026-06/2026-08", ("TM", "UZ"), 1),
        ),
    ],
)
def test_a_signing_due_by_a_time_is_dated_by_the_span_to_then(
    text: str, language: str, published: date, expected: tuple[Any, ...]
) -> None:
    assert agreements(text, language, published) == [expected]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "Azerbaijan and Kazakhstan want to finalise negotiations on a transit agreement in November.",
            "en",
            [("proposed", "2025-11", ("AZ", "KZ"), 1)],
        ),
        (
            "Таджикистан и Кыргызстан намерены завершить переговоры по договору о границе в декабре.",
            "ru",
            [("proposed", "2025-12", ("KG", "TJ"), 1)],
        ),
        (
            "Kyrgyzstan and Azerbaijan will meet in the first half of 2027, and will complete negotiations "
            "on an air transport agreement before the end of 2026.",
            "en",
            [("proposed", "2026", ("AZ", "KG"), 1)],
        ),
        # no time of its own: too vague to propose, as a document still being drafted
        ("Azerbaijan and Kazakhstan are keen to complete negotiations on a transit agreement.", "en", []),
    ],
)
def test_negotiations_to_complete_on_a_document_tell_it_to_come(
    text: str, language: str, expected: list[tuple[Any, ...]]
) -> None:
    assert agreements(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "Azerbaijan and Georgia signed a convention on social security in Tbilisi on 8 September.",
            "en",
            ("signed", "2025-09-08", ("AZ", "GE"), 1),
        ),
        (
            "8 сентября Узбекистан и Казахстан подписали конвенцию о взаимной правовой помощи.",
            "ru",
            ("signed", "2025-09-08", ("KZ", "UZ"), 1),
        ),
    ],
)
def test_a_convention_is_an_agreement(text: str, language: str, expected: tuple[Any, ...]) -> None:
    assert agreements(text, language) == [expected]


def test_a_convention_centre_is_no_agreement() -> None:
    assert (
        agreements(
            "Turkmen and Georgian exporters met at the convention centre in Ashgabat on 8 September.", "en"
        )
        == []
    )


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "A trilateral summit of Kazakhstan, Russia and Uzbekistan took place in Khiva on 8 September.",
            "en",
            ("summit", "held", "2025-09-08", None, ("KZ", "RU", "UZ")),
        ),
        (
            "Саммит Туркменистана и Азербайджана пройдёт в Бухаре 20 октября.",
            "ru",
            ("summit", "planned", "2025-10-20", None, ("AZ", "TM")),
        ),
        (
            "The summit of Tajikistan and Kyrgyzstan will be held in the Tajik city of Khujand on 20 "
            "October.",
            "en",
            ("summit", "planned", "2025-10-20", "TJ", ("KG", "TJ")),
        ),
        (
            "Саммит Казахстана и Кыргызстана пройдёт в казахстанском городе Туркестан 20 октября.",
            "ru",
            ("summit", "planned", "2025-10-20", "KZ", ("KG", "KZ")),
        ),
    ],
)
def test_a_summit_in_a_city_no_place_list_knows_has_no_host_but_one_the_text_names(
    text: str, language: str, expected: tuple[Any, ...]
) -> None:
    assert events(text, language) == [expected]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "The official visit of the Georgian prime minister to Armenia was postponed from October.",
            "en",
            [("official_visit", "cancelled", "2025-10", "AM", ("AM", "GE"))],
        ),
        (
            "Shavkat Mirziyoyev was to pay a state visit to Tajikistan. The visit was postponed from "
            "October.",
            "en",
            [("state_visit", "cancelled", "2025-10", "TJ", ("TJ", "UZ"))],
        ),
        (
            "Заседание межправительственной комиссии Казахстана и Грузии перенесено с октября.",
            "ru",
            [("intergovernmental_commission", "cancelled", "2025-10", None, ("GE", "KZ"))],
        ),
    ],
)
def test_a_postponement_told_with_only_its_old_time_calls_the_event_off_then(
    text: str, language: str, expected: list[tuple[Any, ...]]
) -> None:
    assert events(text, language) == expected


def test_a_visit_made_for_a_commissions_session_is_an_event_beside_it() -> None:
    text = (
        "The Kazakh prime minister will visit Tashkent in November to co-chair a session of the "
        "Kazakh-Uzbek intergovernmental commission."
    )
    assert sorted((row[0], row[1], row[2]) for row in events(text, "en")) == [
        ("intergovernmental_commission", "planned", "2025-11"),
        ("visit", "planned", "2025-11"),
    ]
