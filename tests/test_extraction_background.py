"""Two gatherings in one sentence, each dated in its own clause: a visit recalled with its month, then
a commission's session told after ", и дали …" with a participle's clause of its own dates
(docs/benchmarks/2026-12-05-extraction-background.md). Sentences of our own."""

from datetime import date

import pytest

from app.extraction import extract

SENTENCES = [
    (
        "Главы государств Таджикистана и Узбекистана обсудили ход реализации договорённостей, достигнутых в "
        "рамках государственного визита Президента Узбекистана в Таджикистан в марте прошлого года, и дали "
        "высокую оценку итогам восьмого заседания Межправительственной комиссии по торгово-экономическому "
        "сотрудничеству, состоявшегося в Ташкенте 12–13 мая.",
        "ru",
    ),
    (
        "The presidents of Tajikistan and Uzbekistan reviewed the agreements reached during the state visit "
        "of the President of Uzbekistan to Tajikistan in March last year, and welcomed the results of the "
        "eighth session of the intergovernmental commission, held in Tashkent on 12-13 May.",
        "en",
    ),
]


@pytest.mark.parametrize(("text", "language"), SENTENCES)
def test_each_gathering_of_a_sentence_is_dated_in_its_own_clause(text: str, language: str) -> None:
    proposals = extract(text, language=language, published=date(2026, 5, 20))
    events = {p.body["type"]: p.body for p in proposals if p.kind == "event"}
    assert events["state_visit"]["date"] == "2025-03"
    assert events["intergovernmental_commission"]["date"] == "2026-05-12/2026-05-13"


def test_a_document_signed_at_the_same_time_is_dated_by_the_signing_told_before() -> None:
    """ "Второй документ, подписанный тогда же в Праге, …": the signing of the document told in the
    paragraph before, not the report's day (docs/benchmarks/2026-12-05-extraction-events-3.md)."""
    text = (
        "Сенат ратифицировал соглашение между Казахстаном и Чехией о поощрении и взаимной защите инвестиций, "
        "подписанное в Праге в марте 2025 года.\n\nВторой документ, подписанный тогда же в Праге, — "
        "соглашение о сотрудничестве в области ветеринарии — пока остаётся в профильном комитете."
    )
    proposals = extract(text, language="ru", published=date(2026, 11, 18))
    agreements = [p.body for p in proposals if p.kind == "agreement"]
    assert [(a["status"], a["date"]) for a in agreements] == [("ratified", "2025-03"), ("signed", "2025-03")]
