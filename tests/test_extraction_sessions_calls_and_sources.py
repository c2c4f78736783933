"""A body's session told by its number, a gathering told as still ahead, a visit agreed on during a
call, a part of a total that fell to its goods, a figure quoted from another source, the Emirates by
name and a wish to reach a value (the kinds holdout-30's misses showed; see
docs/benchmarks/2026-12-05-extraction-holdout30-misses.md). Sentences of our own."""

from datetime import date
from typing import Any

import pytest

from app.extraction import extract
from app.extraction.model import Proposal
from tests.unit.extraction_support import checked_bodies, of_kind


def proposals(
    text: str, kind: str, language: str = "en", published: date = date(2026, 10, 12)
) -> list[Proposal]:
    return of_kind(extract(text, language=language, published=published), kind)


def bodies(
    text: str, kind: str, language: str = "en", published: date = date(2026, 10, 12)
) -> list[dict[str, Any]]:
    return checked_bodies(text, language, kind, published)


@pytest.mark.parametrize(
    ("text", "language", "day"),
    [
        (
            "Latvia's envoy to Kazakhstan gave an interview ahead of the intergovernmental commission.\n\n"
            "Its sixth session opens in Riga on 3 November and lasts two days.",
            "en",
            "2026-11-03/2026-11-04",
        ),
        (
            "Посол Латвии в Казахстане дал интервью в преддверии заседания межправительственной комиссии.\n\n"
            "Её шестое заседание пройдёт в Риге 3 ноября.",
            "ru",
            "2026-11-03",
        ),
    ],
    ids=["en", "ru"],
)
def test_a_session_told_by_its_number_is_the_body_s_and_quoted_on_its_own_sentence(
    text: str, language: str, day: str
) -> None:
    found = proposals(text, "event", language)
    assert [(p.body["type"], p.body["status"], p.body["date"]) for p in found] == [
        ("intergovernmental_commission", "planned", day)
    ]
    assert "Риг" in text[found[0].start : found[0].end] or "Riga" in text[found[0].start : found[0].end]


def test_a_numbered_session_of_another_body_is_not_the_one_told_before() -> None:
    text = (
        "Latvia and Kazakhstan held a session of their intergovernmental commission in Astana on "
        "2 October. The third session of the interparliamentary group will be held in Riga in December."
    )
    assert [b["date"] for b in bodies(text, "event") if b["date"].startswith("2026-12")] == []


def test_a_meeting_held_ahead_of_a_summit_stays_held() -> None:
    text = "The foreign ministers of Latvia and Kazakhstan met in Riga on 8 October ahead of the summit."
    found = [b for b in bodies(text, "event") if b["type"] == "ministerial_meeting"]
    assert [b.get("status", "held") for b in found] == ["held"]


def test_a_visit_agreed_on_during_a_call_is_an_event_of_its_own() -> None:
    text = (
        "The presidents of Latvia and Kazakhstan spoke by phone in August and agreed that a Latvian "
        "delegation would visit Kazakhstan next spring."
    )
    found = {b["type"]: (b.get("status", "held"), b["date"]) for b in bodies(text, "event")}
    assert found == {"phone_call": ("held", "2026-08"), "visit": ("planned", "2027-03/2027-05")}


def test_a_part_of_exports_that_fell_to_its_goods_is_their_line() -> None:
    text = (
        "Экспорт Латвии в Казахстан за девять месяцев превысил 80 млн долларов, из них на лекарства "
        "пришлось около 30 млн."
    )
    found = {b["value"]: b["commodity"] for b in bodies(text, "trade_figure", "ru")}
    assert found[80_000_000] == "TOTAL"
    assert found[30_000_000] != "TOTAL"


@pytest.mark.parametrize(
    "cited",
    [
        "Latvian customs statistics, quoted for reference, put Latvia's exports to Kazakhstan",
        "According to the Latvian Central Statistical Bureau, Latvia's exports to Kazakhstan were",
    ],
    ids=["quoted-for-reference", "according-to-the-adjective"],
)
def test_a_figure_quoted_from_another_source_in_a_preliminary_release(cited: str) -> None:
    text = (
        "Statistics Agency of Kazakhstan. Trade with Latvia, January-August 2026 (preliminary data).\n\n"
        "1. Kazakhstan's trade with Latvia totalled USD 120.4 million in January-August 2026.\n\n"
        f"2. {cited} at EUR 40.2 million in January-August 2026."
    )
    found = {b["value"]: (b["reporter"], b["partner"], b["status"]) for b in bodies(text, "trade_figure")}
    assert found[40_200_000] == ("LV", "KZ", "reported")


def test_imports_from_the_emirates_by_that_name() -> None:
    text = (
        "Экспорт из Латвии в ОАЭ за полугодие составил 41,2 млн долларов, импорт из Эмиратов — свыше 12 млн."
    )
    found = {b["indicator"]: (b["reporter"], b["partner"]) for b in bodies(text, "trade_figure", "ru")}
    assert found == {"exports": ("LV", "AE"), "imports": ("LV", "AE")}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "The two governments would like to reach $300 million in trade between Latvia and "
            "Kazakhstan by 2029.",
            "en",
        ),
        ("Латвия и Казахстан хотели бы выйти на товарооборот в 300 млн долларов к 2029 году.", "ru"),
    ],
    ids=["en", "ru"],
)
def test_a_wish_to_reach_a_value_by_a_year_is_a_target(text: str, language: str) -> None:
    assert [b["status"] for b in bodies(text, "trade_figure", language)] == ["target"]


def test_a_document_awaiting_ratification_whose_signing_is_told_by_a_past_verb_is_signed() -> None:
    text = (
        "Соглашение между Латвией и Казахстаном о поощрении инвестиций пока ожидает ратификации: "
        "его стороны подписали в марте этого года."
    )
    assert [(b["status"], b["date"]) for b in bodies(text, "agreement", "ru")] == [("signed", "2026-03")]


def test_consultations_that_are_due_to_take_place_are_planned() -> None:
    text = (
        "До конца года в Риге должны пройти консультации заместителей министров иностранных дел "
        "Латвии и Казахстана."
    )
    assert [b.get("status", "held") for b in bodies(text, "event", "ru")] == ["planned"]
