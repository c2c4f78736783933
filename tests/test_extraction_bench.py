"""The extraction benchmark's scorer (bench/extraction_score.py) and its corpus: matching, per-field
scoring, precision/recall arithmetic and the targets, on small hand-made proposals. The extractor's
quality is measured by bench/extraction.py, not here."""

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from app.config import REPO_ROOT
from app.extraction import Proposal
from bench.extraction import long_text, measure_speed, run, targets
from bench.extraction_confidence import (
    ArticleRun,
    Example,
    Labelled,
    auc,
    calibration_rows,
    chosen_floor,
    fit,
    floor_rows,
    label_proposals,
    lowest_threshold,
    newest_by_set,
    predict,
    threshold_rows,
    with_estimates,
)
from bench.extraction_score import (
    KINDS,
    Article,
    Fact,
    field_correct,
    load_article,
    load_corpus,
    load_seed,
    matches,
    score_article,
    summarize,
)


@dataclass(frozen=True)
class FakeProposal:
    """The fields of app.extraction.Proposal the scorer reads, and the rest for likeness."""

    key: str
    kind: str
    body: dict[str, Any]
    start: int
    end: int
    confidence: float = 0.9
    requires: tuple[str, ...] = ()


TURNOVER = {
    "reporter": "AZ",
    "partner": "KZ",
    "indicator": "trade_turnover",
    "period": "2025-01/2025-09",
    "value": 568_000_000,
    "unit": "USD",
    "bound": "approximate",
    "status": "reported",
}
VISIT = {
    "type": "state_visit",
    "status": "held",
    "date": "2025-11",
    "host_country": "KZ",
    "countries": ["AZ"],
}


def test_turnover_is_one_pair_either_way_but_exports_have_a_direction() -> None:
    assert matches("trade_figure", TURNOVER, {**TURNOVER, "reporter": "KZ", "partner": "AZ"})
    exports = {**TURNOVER, "indicator": "exports"}
    assert matches("trade_figure", exports, dict(exports))
    assert not matches("trade_figure", exports, {**exports, "reporter": "KZ", "partner": "AZ"})


def test_a_figure_matches_only_on_the_same_period_and_indicator() -> None:
    assert matches("trade_figure", TURNOVER, {**TURNOVER, "period": "2025-01-01/2025-09-30"})
    assert not matches("trade_figure", TURNOVER, {**TURNOVER, "period": "2025"})
    assert not matches("trade_figure", TURNOVER, {**TURNOVER, "indicator": "exports"})
    assert not matches("trade_figure", TURNOVER, {**TURNOVER, "period": "not a period"})


def test_a_commodity_line_and_the_total_are_different_figures() -> None:
    oil = {**TURNOVER, "indicator": "exports", "commodity": "oil", "unit": "t", "value": 1_900_000}
    assert not matches("trade_figure", oil, {**oil, "commodity": "TOTAL"})
    assert not matches("trade_figure", oil, {key: value for key, value in oil.items() if key != "commodity"})
    assert not matches("trade_figure", {**oil, "commodity": "TOTAL"}, oil)
    # Which goods is not compared: annotators name the same gas "gas", "natural gas" or "lng".
    assert matches("trade_figure", oil, {**oil, "commodity": "crude_oil"})
    assert matches("trade_figure", TURNOVER, {**TURNOVER, "commodity": "TOTAL"})


def test_a_growth_rates_base_is_judged_only_where_the_gold_gives_one() -> None:
    growth = {**TURNOVER, "indicator": "trade_turnover_growth", "unit": "percent", "value": 6.5}
    based = {**growth, "compared_period": "2024-01/2024-09"}
    assert field_correct("trade_figure", "compared_period", based, dict(based))
    assert not field_correct("trade_figure", "compared_period", based, growth)
    text = "Turnover grew by 6.5% in January-September."
    whole = (0, len(text))

    def judged(gold: dict[str, Any]) -> set[str]:
        fact = Fact(kind="trade_figure", body=gold, spans=(whole,), label="growth")
        article = Article(name="x", text=text, language="en", published=date(2025, 12, 1), facts=(fact,))
        offered = FakeProposal(
            key="f", kind="trade_figure", body={**growth, "compared_period": "2024"}, start=0, end=len(text)
        )
        (match,) = score_article(article, [offered]).matches
        return {name for name, right in match.fields.items() if not right}

    assert judged(growth) == set()
    assert judged(based) == {"compared_period"}


def test_events_match_on_compatible_type_countries_with_the_host_and_overlapping_dates() -> None:
    # The host counts among the countries whether or not the body repeats it.
    same_visit = {"type": "talks", "date": "2025-11-20/2025-11-21", "countries": ["AZ", "KZ"]}
    assert matches("event", VISIT, same_visit)
    assert matches("event", VISIT, {**same_visit, "type": "official_visit"})
    assert not matches("event", VISIT, {**same_visit, "type": "summit"})
    assert not matches("event", VISIT, {**same_visit, "date": "2025-10-20/2025-10-21"})
    assert not matches("event", VISIT, {**same_visit, "countries": ["AZ", "KZ", "UZ"]})
    assert matches("event", {**VISIT, "type": "phone_call"}, {**same_visit, "type": "talks"})
    assert not matches("event", {**VISIT, "type": "phone_call"}, {**same_visit, "type": "state_visit"})


def test_a_visit_of_no_rank_told_is_in_the_visits_family() -> None:
    # annotators write it `visit` in some sets, `official_visit` "of the family" in others
    same_visit = {"type": "visit", "date": "2025-11-20/2025-11-21", "countries": ["AZ", "KZ"]}
    assert matches("event", VISIT, same_visit)
    assert matches("event", {**VISIT, "type": "ministerial_meeting"}, same_visit)
    assert not matches("event", {**VISIT, "type": "phone_call"}, same_visit)


def test_agreements_match_on_overlapping_dates_and_the_same_parties() -> None:
    gold = {"date": "2025-11", "countries": ["AZ", "KZ"], "status": "signed", "sectors": ["transport"]}
    assert matches("agreement", gold, {"date": "2025-11-20", "countries": ["KZ", "AZ"]})
    assert not matches("agreement", gold, {"date": "2025-12-01", "countries": ["KZ", "AZ"]})
    assert not matches("agreement", gold, {"date": "2025-11-20", "countries": ["KZ"]})


def test_projects_match_on_kind_and_any_name_in_either_language() -> None:
    gold = {
        "name_en": "Middle Corridor (Trans-Caspian International Transport Route)",
        "name_ru": "Нефтепровод Баку–Тбилиси–Джейхан",
        "kind": "transport_corridor",
        "aliases": ["TMTM"],
    }
    for name in ("middle corridor", "Trans-Caspian International Transport Route", "tmtm"):
        assert matches("infrastructure_project", gold, {"name_en": name, "kind": "transport_corridor"})
    # Case, ё and the kind of dash or spacing around it do not matter.
    assert matches(
        "infrastructure_project",
        gold,
        {"name_ru": "нефтепровод Баку - Тбилиси - Джейхан", "kind": "transport_corridor"},
    )
    assert not matches("infrastructure_project", gold, {"name_en": "Middle Corridor", "kind": "railway"})
    assert not matches(
        "infrastructure_project", gold, {"name_en": "Northern Corridor", "kind": "transport_corridor"}
    )


def test_project_names_match_with_or_without_the_words_of_their_kind() -> None:
    # Examples of the naming conventions of the dev sets (holdout-6, holdout-7, holdout-8).
    casa = {"name_en": "CASA-1000", "name_ru": "ЛЭП CASA-1000", "kind": "power_line"}
    assert matches("infrastructure_project", casa, {"name_en": "CASA-1000 power line", "kind": "power_line"})
    corridor = {
        "name_en": "Persian Gulf–Black Sea transport corridor",
        "name_ru": "Транспортный коридор «Персидский залив — Чёрное море»",
        "kind": "transport_corridor",
    }
    assert matches(
        "infrastructure_project",
        corridor,
        {"name_ru": "Персидский залив — Чёрное море", "kind": "transport_corridor"},
    )
    road = {"name_en": "Yerevan–Gyumri road reconstruction", "aliases": ["Ереван — Гюмри"], "kind": "road"}
    assert matches("infrastructure_project", road, {"name_ru": "Автодорога Ереван–Гюмри", "kind": "road"})
    # The kind still has to agree, and a name is more than its kind's words.
    assert not matches("infrastructure_project", casa, {"name_en": "CASA-1000", "kind": "railway"})
    port = {"name_en": "Port of Aktau", "kind": "port"}
    assert not matches("infrastructure_project", port, {"name_en": "Aktau dry port", "kind": "port"})
    assert not matches("infrastructure_project", port, {"name_en": "Port of Kuryk", "kind": "port"})
    assert not matches(
        "infrastructure_project",
        {"name_en": "Middle Corridor", "kind": "transport_corridor"},
        {"name_en": "Northern Corridor", "kind": "transport_corridor"},
    )


def test_a_facility_named_by_its_place_matches_in_either_order() -> None:
    # Annotators name a facility without a proper name by what it is and where it stands, in
    # either order (holdout-6, -7, -8, -12).
    farm = {"name_en": "Akmola region wind farm", "kind": "other"}
    assert matches(
        "infrastructure_project", farm, {"name_en": "Wind farm in the Akmola region", "kind": "other"}
    )
    terminal = {"name_en": "Lamu port container terminal", "kind": "port"}
    assert matches(
        "infrastructure_project", terminal, {"name_en": "Container terminal at Lamu port", "kind": "port"}
    )
    # Its other words must all be the same, and so must the kind.
    assert not matches(
        "infrastructure_project", farm, {"name_en": "Solar plant in the Akmola region", "kind": "other"}
    )
    assert not matches(
        "infrastructure_project", farm, {"name_en": "Wind farm in the Akmola region", "kind": "port"}
    )
    assert not matches("infrastructure_project", farm, {"name_en": "Akmola", "kind": "other"})


def test_a_described_name_matches_the_proper_name_inside_it() -> None:
    # Annotators of holdout-6, -7, -8 and -9 write the same kind of name with and without the words
    # that describe the thing ("Контейнерный поезд Минск — Сиань", "Загреб — Любляна — Вена").
    train = {
        "name_en": "Minsk–Xi'an container train",
        "name_ru": "Контейнерный поезд Минск — Сиань",
        "kind": "railway",
    }
    assert matches("infrastructure_project", train, {"name_ru": "Поезд Минск–Сиань", "kind": "railway"})
    assert matches("infrastructure_project", train, {"name_ru": "Минск — Сиань", "kind": "railway"})
    service = {"name_ru": "Контейнерный сервис «Туркменбаши — Баку — Поти»", "kind": "transport_corridor"}
    assert matches(
        "infrastructure_project",
        service,
        {"name_ru": "Туркменбаши — Баку — Поти", "kind": "transport_corridor"},
    )
    line = {"name_en": "Bandar Abbas–Sohar", "name_ru": "Бендер-Аббас — Сохар", "kind": "ferry_line"}
    assert matches(
        "infrastructure_project",
        line,
        {"name_ru": "Регулярная контейнерная линия Бендер-Аббас–Сохар", "kind": "ferry_line"},
    )
    # An ordinal, a capitalised word or a name beside the ends keeps them apart; the kind still counts.
    second = {"name_en": "Second Ethiopia–Djibouti power interconnector", "kind": "power_line"}
    assert not matches(
        "infrastructure_project", second, {"name_en": "Ethiopia–Djibouti", "kind": "power_line"}
    )
    line_d = {"name_en": "Line D of the Central Asia–China gas pipeline", "kind": "pipeline"}
    assert not matches(
        "infrastructure_project", line_d, {"name_en": "Central Asia–China", "kind": "pipeline"}
    )
    assert not matches("infrastructure_project", train, {"name_ru": "Минск — Сиань", "kind": "road"})
    port = {"name_en": "Port of Aktau", "kind": "port"}
    assert not matches(
        "infrastructure_project", port, {"name_en": "Aktau container terminal", "kind": "port"}
    )


def test_value_is_right_within_half_a_percent_and_the_upper_end_too() -> None:
    assert field_correct("trade_figure", "value", TURNOVER, {**TURNOVER, "value": 570_000_000})
    assert not field_correct("trade_figure", "value", TURNOVER, {**TURNOVER, "value": 580_000_000})
    growth = {**TURNOVER, "value": 6, "value_upper": 7, "unit": "percent"}
    assert field_correct("trade_figure", "value", growth, {**growth, "value": 6.0, "value_upper": 7.0})
    assert not field_correct("trade_figure", "value", growth, {**growth, "value_upper": None})
    assert not field_correct("trade_figure", "value", TURNOVER, {**TURNOVER, "value_upper": 600_000_000})
    assert not field_correct("trade_figure", "value", TURNOVER, {**TURNOVER, "value": "a lot"})


def test_fields_compare_as_their_meaning() -> None:
    # A date is right only with the same precision; sectors are a set; an event's status is "held"
    # when the body leaves it out, as in EventCreate.
    assert field_correct("event", "date", VISIT, {"date": "2025-11-01/2025-11-30"})
    assert not field_correct("event", "date", VISIT, {"date": "2025-11-20"})
    assert field_correct("event", "status", {"type": "summit"}, {"status": "held"})
    assert not field_correct("event", "status", VISIT, {"status": "planned"})
    gold = {"sectors": ["transport", "energy"], "document_count": None}
    assert field_correct("agreement", "sectors", gold, {"sectors": ["energy", "transport"]})
    assert field_correct("agreement", "document_count", gold, {})
    assert not field_correct("agreement", "document_count", gold, {"document_count": 2})
    assert field_correct(
        "trade_figure",
        "countries",
        TURNOVER,
        {"reporter": "KZ", "partner": "AZ", "indicator": "trade_turnover"},
    )


TEXT = (
    "В ноябре 2025 года президент Азербайджана посетил Казахстан с государственным визитом. "
    "За январь–сентябрь 2025 года товарооборот составил около 568 млн долларов. "
    "Телефон пресс-службы: 12 34 56."
)


def span(quote: str) -> tuple[int, int]:
    start = TEXT.index(quote)
    return start, start + len(quote)


VISIT_SENTENCE = span(
    "В ноябре 2025 года президент Азербайджана посетил Казахстан с государственным визитом."
)
FIGURE_SENTENCE = span("За январь–сентябрь 2025 года товарооборот составил около 568 млн долларов.")
PHONE = span("Телефон пресс-службы: 12 34 56.")
ARTICLE = Article(
    name="sample",
    text=TEXT,
    language="ru",
    published=date(2025, 12, 1),
    facts=(
        Fact(kind="event", body=VISIT, spans=(VISIT_SENTENCE,), label="visit"),
        Fact(kind="trade_figure", body=TURNOVER, spans=(FIGURE_SENTENCE,), label="turnover"),
    ),
    distractors=(PHONE,),
)


def proposal(key: str, kind: str, body: dict[str, Any], where: tuple[int, int]) -> FakeProposal:
    return FakeProposal(key=key, kind=kind, body=body, start=where[0], end=where[1])


def test_pairs_are_one_to_one_and_prefer_the_proposal_quoted_on_the_facts_sentence() -> None:
    elsewhere = proposal("trade_figure:1", "trade_figure", dict(TURNOVER), VISIT_SENTENCE)
    right_place = proposal("trade_figure:2", "trade_figure", {**TURNOVER, "bound": "exact"}, FIGURE_SENTENCE)
    score = score_article(ARTICLE, [elsewhere, right_place])
    assert [m.proposal for m in score.matches] == [right_place]
    assert score.matches[0].fields["bound"] is False
    assert score.unmatched == [elsewhere]
    assert [fact.label for fact in score.missed] == ["visit"]
    assert score.bad_quotes == []


def test_a_matched_proposal_quoted_away_from_its_fact_is_a_bad_quote() -> None:
    score = score_article(
        ARTICLE, [proposal("trade_figure:1", "trade_figure", dict(TURNOVER), VISIT_SENTENCE)]
    )
    assert len(score.matches) == 1
    assert len(score.bad_quotes) == 1 and "away from its sentence" in score.bad_quotes[0]


def test_offsets_outside_the_text_or_on_blanks_are_bad_quotes_for_any_kind() -> None:
    beyond = FakeProposal("place:baku", "place", {"name_en": "Baku"}, start=5, end=len(TEXT) + 1)
    blank = FakeProposal(
        "person:x", "person", {"name_en": "X"}, start=TEXT.index(" "), end=TEXT.index(" ") + 1
    )
    score = score_article(ARTICLE, [beyond, blank])
    assert len(score.bad_quotes) == 2
    assert score.unmatched == []  # people and places are not scored


def test_summary_arithmetic_per_kind_per_field_and_for_the_targets() -> None:
    visit = proposal("event:1", "event", {**VISIT, "date": "2025-11-20"}, VISIT_SENTENCE)
    figure = proposal("trade_figure:1", "trade_figure", dict(TURNOVER), FIGURE_SENTENCE)
    phone = proposal("trade_figure:2", "trade_figure", {**TURNOVER, "period": "2025"}, PHONE)
    place = FakeProposal("place:astana", "place", {"name_en": "Astana"}, 0, 8)
    summary = summarize([score_article(ARTICLE, [visit, figure, phone, place])])

    assert summary["per_kind"]["event"] == {
        "gold": 1,
        "proposed": 1,
        "matched": 1,
        "precision": 1.0,
        "recall": 1.0,
    }
    assert summary["per_kind"]["trade_figure"] == {
        "gold": 1,
        "proposed": 2,
        "matched": 1,
        "precision": 0.5,
        "recall": 1.0,
    }
    assert summary["per_kind"]["agreement"]["precision"] is None
    assert summary["per_field"]["date"] == {"matched": 1, "correct": 0, "share": 0.0}
    assert summary["per_field"]["value"] == {"matched": 1, "correct": 1, "share": 1.0}
    assert summary["per_field"]["sectors"]["share"] is None
    # The visit is matched but dated to a day the text does not give: right for the seed target
    # (kind, key fields, status), wrong for the corpus one (date).
    assert (summary["gold"], summary["proposed"], summary["matched"]) == (2, 3, 2)
    assert summary["seed_facts_right"] == 2
    assert summary["facts_right"] == 1
    assert summary["facts_right_share"] == 0.5
    assert summary["proposals_right_share"] == pytest.approx(1 / 3)
    assert summary["distractor_hits"] == 1
    assert summary["quotes"] == 4 and summary["bad_quotes"] == []


def test_targets_pass_at_their_thresholds() -> None:
    def numbers(right: int, gold: int, proposed: int) -> dict[str, Any]:
        return {
            "seed_facts_right": right,
            "facts_right": right,
            "gold": gold,
            "proposed": proposed,
            "quotes": 3,
            "bad_quotes": [],
        }

    speed = {"long_article": {"ru": {"median_s": 0.99}, "en": {"median_s": 0.2}}}
    rows = targets(numbers(8, 10, 10), numbers(7, 10, 9), speed)
    assert [row["pass"] for row in rows] == [True, True, False, True, True]
    slow = {"long_article": {"ru": {"median_s": 1.2}}}
    rows = targets(numbers(7, 10, 10), numbers(6, 10, 6), slow)
    assert [row["pass"] for row in rows] == [False, False, True, True, False]


def as_proposals(article: Article) -> list[FakeProposal]:
    return [
        FakeProposal(f"{fact.kind}:{n}", fact.kind, dict(fact.body), *fact.spans[0])
        for n, fact in enumerate(article.facts)
    ]


@pytest.mark.parametrize("article", [load_seed(), *load_corpus()], ids=lambda article: article.name)
def test_the_annotations_as_proposals_score_perfectly(article: Article) -> None:
    # Each annotated fact is told apart from the others by the matching rules.
    summary = summarize([score_article(article, as_proposals(article))])
    assert summary["matched"] == summary["gold"] == summary["proposed"] == summary["facts_right"]
    assert summary["bad_quotes"] == [] and summary["distractor_hits"] == 0


ALLOWED = {
    "type": {
        "state_visit",
        "official_visit",
        "working_visit",
        "summit",
        "ministerial_meeting",
        "multilateral_meeting",
        "intergovernmental_commission",
        "forum",
        "other",
        "talks",
        "interstate_council",
        "phone_call",
    },
    "unit": {
        "USD",
        "EUR",
        "tonnes",
        "percent",
        "teu",
        "barrels_per_day",
        "containers",
        "km",
        "cubic_metres",
        "RUB",
        "KZT",
        "AZN",
        "CNY",
    },
    "bound": {"exact", "approximate", "at_least", "at_most", "range"},
    "indicator": {
        "trade_turnover",
        "exports",
        "imports",
        "transit_volume",
        "trade_turnover_growth",
        "exports_growth",
        "imports_growth",
        "transit_volume_growth",
    },
}
STATUSES = {
    "event": {"held", "planned", "cancelled"},
    "agreement": {"proposed", "signed", "ratified", "in_force", "expired", "terminated"},
    "trade_figure": {"reported", "preliminary", "estimate", "forecast", "target"},
    "infrastructure_project": {
        "planned",
        "under_development",
        "under_construction",
        "expanding",
        "operating",
        "completed",
        "suspended",
    },
}
REQUIRED = {
    "event": {"type", "status", "date", "countries"},
    "agreement": {"status", "date", "countries", "document_count", "sectors"},
    "trade_figure": {"reporter", "partner", "indicator", "period", "value", "unit", "bound", "status"},
    "infrastructure_project": {"name_en", "name_ru", "kind", "status", "countries"},
}


def test_the_corpus_is_the_size_and_mix_the_brief_asks_for() -> None:
    corpus = load_corpus()
    assert len(corpus) >= 16
    languages = [article.language for article in corpus]
    assert languages.count("ru") == languages.count("en")
    assert all(1_000 <= len(article.text) <= 4_000 for article in corpus)
    assert {fact.kind for article in corpus for fact in article.facts} == set(KINDS)
    assert all(article.distractors for article in corpus)
    for language in ("ru", "en"):
        assert len(long_text(corpus, language)) >= 10_000


@pytest.mark.parametrize(
    "folder", sorted(p.name for p in (REPO_ROOT / "bench" / "extraction").iterdir() if p.is_dir())
)
def test_every_annotated_folder_loads(folder: str) -> None:
    """Quotes found once each, country codes strings: a set that fails here would be mis-scored."""
    assert load_corpus(REPO_ROOT / "bench" / "extraction" / folder)


def test_a_country_code_yaml_reads_as_a_boolean_is_refused(tmp_path: Path) -> None:
    (tmp_path / "no-se.en.txt").write_text("Norway and Sweden signed a deal.", encoding="utf-8")
    annotation = tmp_path / "no-se.en.yaml"
    annotation.write_text(
        "source: {language: en, published: 2026-01-01}\n"
        "agreements:\n  - quote: Norway and Sweden signed a deal.\n    countries: [NO, SE]\n",
        encoding="utf-8",
    )
    with pytest.raises(ValueError, match="quote it"):
        load_article(annotation)
    annotation.write_text(
        annotation.read_text(encoding="utf-8").replace("[NO, SE]", '["NO", SE]'), encoding="utf-8"
    )
    assert load_article(annotation).facts[0].body["countries"] == ["NO", "SE"]


@pytest.mark.parametrize("article", load_corpus(), ids=lambda article: article.name)
def test_each_annotation_has_the_scored_fields_with_known_values(article: Article) -> None:
    for fact in article.facts:
        assert REQUIRED[fact.kind] <= set(fact.body), fact.label
        assert fact.body["status"] in STATUSES[fact.kind], fact.label
        for name, allowed in ALLOWED.items():
            if name in fact.body:
                assert fact.body[name] in allowed, fact.label


def test_speed_is_measured_per_language_on_ten_thousand_characters() -> None:
    calls: list[tuple[str, int]] = []

    def fake_extract(text: str, *, language: str, published: date | None = None) -> list[FakeProposal]:
        calls.append((language, len(text)))
        return []

    speed = measure_speed(fake_extract, load_corpus(), import_seconds=0.5)
    assert list(speed["first_call_s"]) == ["ru", "en"]  # Russian first: it loads the models
    assert {language: row["characters"] >= 10_000 for language, row in speed["long_article"].items()} == {
        "ru": True,
        "en": True,
    }
    assert len(calls) == 2 + 2 * 3


def test_a_reviewers_threshold_scores_only_the_proposals_at_or_above_it() -> None:
    sure = FakeProposal("trade_figure:1", "trade_figure", dict(TURNOVER), *FIGURE_SENTENCE, confidence=0.9)
    unsure = FakeProposal("event:1", "event", dict(VISIT), *VISIT_SENTENCE, confidence=0.4)

    def fake_extract(text: str, *, language: str, published: date | None = None) -> list[FakeProposal]:
        return [sure, unsure]

    everything, above = run(fake_extract, [ARTICLE]), run(fake_extract, [ARTICLE], min_confidence=0.5)
    assert [len(everything[0].proposals), len(above[0].proposals)] == [2, 1]
    assert [fact.label for fact in above[0].missed] == ["visit"]


# --- the confidence model's benchmark (bench/extraction_confidence.py) ---


def example(right: bool, **features: float) -> Example:
    return Example(group="sample", features=features, rules_score=0.8, right=right)


def test_proposals_are_labelled_right_only_with_every_target_field_right() -> None:
    right = Proposal("trade_figure:1", "trade_figure", dict(TURNOVER), *FIGURE_SENTENCE, 0.9)
    again = Proposal("trade_figure:2", "trade_figure", {**TURNOVER, "value": 1}, *FIGURE_SENTENCE, 0.7)
    wrong_status = Proposal("event:1", "event", {**VISIT, "status": "planned"}, *VISIT_SENTENCE, 0.8)
    person = Proposal("person:x", "person", {"id": "x"}, *VISIT_SENTENCE, 0.6)
    examples = label_proposals("sample", ARTICLE, [right, again, wrong_status, person], ("AZ", "KZ"))
    assert [(e.rules_score, e.right) for e in examples] == [(0.9, True), (0.7, False), (0.8, False)]
    assert [e.features.get("kind=trade_figure") for e in examples] == [1.0, 1.0, None]


def test_thresholds_keep_what_is_at_or_above_them() -> None:
    examples = [example(True), example(False), example(True), example(False)]
    estimates = [0.95, 0.85, 0.55, 0.3]
    rows = {row["threshold"]: row for row in threshold_rows(examples, estimates, gold=5)}
    assert (rows[0.0]["kept"], rows[0.0]["right"], rows[0.0]["recall"]) == (4, 2, 0.4)
    assert (rows[0.8]["kept"], rows[0.8]["precision"], rows[0.8]["recall"]) == (2, 0.5, 0.2)
    assert rows[0.9]["precision"] == 1.0
    assert lowest_threshold(examples, estimates, gold=5) == {
        "threshold": 0.9,
        "kept": 1,
        "right": 1,
        "recall": 0.2,
    }
    assert lowest_threshold([example(False)], [0.99], gold=1) is None


def test_calibration_bins_compare_the_mean_estimate_with_the_share_right() -> None:
    examples = [example(True), example(False), example(True), example(True)]
    rows = calibration_rows(examples, [0.82, 0.88, 0.9, 1.0])
    assert [(row["bin"], row["count"]) for row in rows] == [("0.8–0.9", 2), ("0.9–1.0", 2)]
    assert rows[0]["predicted"] == pytest.approx(0.85) and rows[0]["observed"] == 0.5
    assert rows[1]["observed"] == 1.0


def test_the_fitted_model_weighs_a_feature_that_tells_right_from_wrong() -> None:
    examples = [example(True, clean=1.0) for _ in range(20)] + [
        example(False, carried=1.0) for _ in range(20)
    ]
    model = fit(examples, strength=1.0)
    assert model["weights"]["clean"] > 0 > model["weights"]["carried"]
    clean, carried = predict(model, [example(True, clean=1.0), example(False, carried=1.0)])
    assert clean > 0.5 > carried


def test_each_floor_is_scored_on_what_the_floor_keeps_with_the_models_estimates() -> None:
    figure = Proposal("trade_figure:1", "trade_figure", dict(TURNOVER), *FIGURE_SENTENCE, 0.9)
    person = Proposal("person:x", "person", {"id": "x"}, *VISIT_SENTENCE, 0.9)
    visit = Proposal("event:1", "event", dict(VISIT), *VISIT_SENTENCE, 0.9, ("person:x",))
    # The estimates replace the rules' scores of the scored kinds, in order: the figure, the visit.
    [run] = with_estimates([ArticleRun(ARTICLE, [figure, person, visit])], [0.8, 0.3])
    assert [p.confidence for p in run.proposals] == [0.8, 0.9, 0.3]
    rows = {row["floor"]: row for row in floor_rows([run], gold=2)}
    assert (rows[0.0]["kept"], rows[0.0]["right"], rows[0.0]["held_facts"]) == (2, 2, 0)
    assert (rows[0.5]["kept"], rows[0.5]["right"], rows[0.5]["recall"]) == (1, 1, 0.5)
    assert (rows[0.5]["held_facts"], rows[0.5]["held_others"]) == (1, 1)  # the visit, and its person
    assert rows[0.9]["kept"] == 0 and rows[0.9]["precision"] is None


def test_auc_is_the_share_of_right_wrong_pairs_ranked_right_first() -> None:
    examples = [example(True), example(True), example(False), example(False)]
    assert auc(examples, [0.9, 0.6, 0.7, 0.2]) == 0.75  # one pair of four the wrong way round
    assert auc(examples, [0.5, 0.5, 0.5, 0.5]) == 0.5  # ties count half
    assert auc([example(True)], [0.9]) is None


def test_the_newest_rules_stand_for_a_set_scored_by_two() -> None:
    figure = Proposal("trade_figure:1", "trade_figure", dict(TURNOVER), *FIGURE_SENTENCE, 0.9)
    older = Labelled("sample", [example(True)], 2, [ArticleRun(ARTICLE, [figure])])
    newer = Labelled("sample", [example(True)], 2, [ArticleRun(ARTICLE, [figure])])
    [run] = newest_by_set([older, newer], [0.4, 0.7])
    assert run.runs[0].proposals[0].confidence == 0.7  # the newer run's estimate, not the older's


def test_the_chosen_floor_is_the_last_before_a_step_holds_back_mostly_right_facts() -> None:
    def row(floor: float, held: int, right: int) -> dict[str, Any]:
        return {"floor": floor, "held_facts": held, "right": right}

    # Steps: 4 held, 1 right lost; 2 held, none lost; 4 held, 2 right lost (half: stop before it).
    rows = [row(0.0, 0, 10), row(0.05, 4, 9), row(0.1, 6, 9), row(0.15, 10, 7), row(0.2, 11, 7)]
    assert chosen_floor(rows) == 0.1
    assert chosen_floor([row(0.0, 0, 3), row(0.05, 1, 2)]) == 0.0
