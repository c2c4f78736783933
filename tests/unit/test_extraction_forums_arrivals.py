"""Forums in a city no place list knows, a state visited told by its long name, a visit told undated
and then dated, an arrival for a session, consultations as talks, and a joint body named again with
no date of its own (that session, not one more); with the sentences that must stay no event
(issue 12). Sentences of our own, other than the event catalogue's."""

from datetime import date
from typing import Any

import pytest
from extraction_support import event_rows

PUBLISHED = date(2025, 9, 10)


def events(text: str, language: str) -> list[tuple[Any, ...]]:
    return sorted(event_rows(text, language, PUBLISHED))


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "On 4 September the Armenian-Indonesian business forum took place in Bandung.",
            "en",
            [("forum", "held", "2025-09-04", None, ("AM", "ID"))],
        ),
        (
            "В октябре в Екатеринбурге пройдёт казахстанско-российский промышленный форум.",
            "ru",
            [("forum", "planned", "2025-10", None, ("KZ", "RU"))],
        ),
        (
            "On 2-3 September 2025, the President of Kyrgyzstan paid a state visit to the Kingdom of "
            "Bahrain.",
            "en",
            [("state_visit", "held", "2025-09-02/2025-09-03", "BH", ("BH", "KG"))],
        ),
        (
            "Беседа состоялась на фоне визита в Грузию делегации Казахстана. "
            "Официальный визит, проходивший 1–2 сентября, завершился в Батуми.",
            "ru",
            [("official_visit", "held", "2025-09-01/2025-09-02", "GE", ("GE", "KZ"))],
        ),
        (
            "Министр транспорта Армении прибудет в Тбилиси в октябре для участия в заседании "
            "межправительственной комиссии.",
            "ru",
            [
                ("intergovernmental_commission", "planned", "2025-10", "GE", ("AM", "GE")),
                ("visit", "planned", "2025-10", "GE", ("AM", "GE")),
            ],
        ),
        (
            "Консультации заместителей министров иностранных дел Армении и Ирана пройдут в Ереване в ноябре.",
            "ru",
            [("talks", "planned", "2025-11", "AM", ("AM", "IR"))],
        ),
        (
            "The Kyrgyz-Uzbek intergovernmental commission will meet in Bishkek on 2 October. Two "
            "protocols are to be signed at the session of the intergovernmental commission.",
            "en",
            [("intergovernmental_commission", "planned", "2025-10-02", "KG", ("KG", "UZ"))],
        ),
    ],
)
def test_the_gathering_is_proposed(text: str, language: str, expected: list[tuple[Any, ...]]) -> None:
    assert events(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The grain shipment will arrive in Baku on 3 October.", "en"),
        ("Груз из Казахстана прибудет в Поти в октябре.", "ru"),
        ("Commentary by a senior fellow, Steppe Policy Forum (invented), 9 September 2025", "en"),
        ("The ministers signed a plan of consultations between the foreign ministries for 2026-2027.", "en"),
        ("Стороны договорились продолжить консультации по проекту нефтепровода.", "ru"),
    ],
)
def test_no_gathering_is_proposed(text: str, language: str) -> None:
    assert events(text, language) == []
