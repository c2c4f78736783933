"""A signed agreement that awaits a committee's or a parliament's review, and works that rebuild a
road (the kinds holdout-28's misses showed; see
docs/benchmarks/2026-12-05-extraction-holdout28-misses.md). Sentences of our own."""

from datetime import date
from typing import Any

import pytest

from tests.unit.extraction_support import checked_bodies


def bodies(text: str, language: str, kind: str) -> list[dict[str, Any]]:
    return checked_bodies(text, language, kind, date(2026, 11, 20))


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Депутаты Казахстана и Норвегии обсудили сотрудничество. Соглашение о взаимной защите "
            "инвестиций, подписанное в Осло 3 марта 2026 года, пока ожидает рассмотрения в комитете.",
            "ru",
        ),
        (
            "Депутаты Казахстана и Норвегии обсудили сотрудничество. Соглашение о взаимной защите "
            "инвестиций, подписанное в Осло 3 марта 2026 года, ожидает ратификации в парламенте.",
            "ru",
        ),
        (
            "Kazakh and Norwegian deputies met in Astana. The investment protection agreement signed "
            "in Oslo on 3 March 2026 still awaits ratification by the parliament.",
            "en",
        ),
    ],
)
def test_a_signed_agreement_awaiting_review_is_signed(text: str, language: str) -> None:
    assert [(b["status"], b["date"]) for b in bodies(text, language, "agreement")] == [
        ("signed", "2026-03-03")
    ]


def test_an_agreement_expected_to_be_signed_is_still_proposed() -> None:
    text = (
        "Депутаты Казахстана и Норвегии обсудили сотрудничество. Ожидается, что соглашение о взаимной "
        "защите инвестиций будет подписано в марте."
    )
    assert [b["status"] for b in bodies(text, "ru", "agreement")] == ["proposed"]


@pytest.mark.parametrize("verb", ["is rebuilding", "are reconstructing"])
def test_works_rebuilding_a_road_are_under_construction(verb: str) -> None:
    subject = "An Italian contractor" if verb.startswith("is") else "Italian engineers"
    text = f"Trade between Tajikistan and Italy grew. {subject} {verb} the Khujand-Isfara road."
    assert [b["status"] for b in bodies(text, "en", "infrastructure_project")] == ["under_construction"]
