"""The learned detectors (app/extraction/recall.py, recall_projects.py), on sentences of our own:
their features name no proper noun, they propose an event or a project only from a sentence the
rules' vocabulary finds none in and only above their threshold, and the fields come from the rules'
own parsers."""

import math
from datetime import date

from app.extraction.analysis import Reading
from app.extraction.entities import Registry
from app.extraction.events import propose_events
from app.extraction.projects import propose_projects
from app.extraction.recall import EventDetector, Linear, learned_trigger, load_detector, sentence_features
from app.extraction.recall_projects import ProjectDetector
from app.extraction.text import read

PUBLISHED = date(2026, 5, 20)
# No phrase of the vocabulary names this gathering: the deputies "sat down with" their colleagues.
UNTRIGGERED = "Deputies of Georgia and Armenia sat down with their colleagues in Tbilisi on 18 May."
TRIGGERED = "The presidents of Georgia and Armenia held talks in Tbilisi on 18 May."


def _reading(text: str) -> Reading:
    return Reading(read(text, "en"), PUBLISHED, ())


def _detector(threshold: float = 0.5) -> EventDetector:
    """A hand-made detector that knows one verb ("sat") and one kind (a session of a body)."""
    return EventDetector(
        threshold=threshold,
        detector=Linear(-2.0, {"word=en:sat": 4.0}),
        kinds={"session": Linear(1.0, {}), "forum": Linear(0.0, {})},
    )


def test_features_are_lemmas_cue_classes_and_counts_never_names() -> None:
    reading = _reading(UNTRIGGERED)
    features = sentence_features(reading, reading.facts[0])
    assert features["word=en:sat"] == 1.0
    assert features["countries=2"] == 1.0 and features["date=day"] == 1.0
    assert not any("georgia" in name or "tbilisi" in name for name in features)
    assert features["shape=capitalized"] > 0


def test_a_confident_detector_gives_a_trigger_at_its_strongest_word() -> None:
    reading = _reading(UNTRIGGERED)
    trigger = learned_trigger(reading, reading.facts[0], _detector())
    assert trigger is not None and trigger.value == "session"
    assert UNTRIGGERED[trigger.start : trigger.end] == "sat"


def test_below_its_threshold_the_detector_stays_silent() -> None:
    reading = _reading(UNTRIGGERED)
    assert learned_trigger(reading, reading.facts[0], _detector(threshold=0.99)) is None


def test_the_event_is_filled_by_the_rules_parsers() -> None:
    reading = _reading(UNTRIGGERED)
    assert propose_events(reading, Registry("en", ()), None) == ([], [])
    events, _ = propose_events(reading, Registry("en", ()), _detector())
    [event] = events
    assert event.body["type"] == "other"
    assert event.body["date"] == "2026-05-18"
    assert event.body["countries"] == ["AM", "GE"]
    assert event.body["title_en"].startswith("Meeting")
    assert (event.start, event.end) == (0, len(UNTRIGGERED))


def test_a_sentence_with_a_trigger_is_left_to_the_rules() -> None:
    reading = _reading(TRIGGERED)
    with_detector, _ = propose_events(reading, Registry("en", ()), _detector())
    without, _ = propose_events(reading, Registry("en", ()), None)
    assert [e.body["type"] for e in with_detector] == [e.body["type"] for e in without] == ["talks"]


def test_the_shipped_model_loads() -> None:
    detector = load_detector()
    assert 0 < detector.threshold <= 1.0
    assert detector.detector.weights and detector.kinds
    assert all(math.isfinite(w) for w in detector.detector.weights.values())


# --- projects (app/extraction/recall_projects.py) ---


def _project_detector() -> ProjectDetector:
    """A hand-made detector that knows two head words, "комплекс" and "plant" (a quoted name after
    "терминал" is the rules' since rules-13)."""
    return ProjectDetector(
        threshold=0.5,
        head=Linear(-3.0, {"word=ru:комплекс": 6.0, "word=en:plant": 6.0}),
        kinds={"other": Linear(1.0, {}), "port": Linear(0.0, {})},
    )


def _projects(text: str, language: str, detector: ProjectDetector | None) -> list[dict[str, object]]:
    reading = Reading(read(text, language), PUBLISHED, ())
    registry = Registry(language, ())
    propose_projects(reading, registry, detector)
    return [p.body for p in registry.proposals.values() if p.kind == "infrastructure_project"]


def test_a_learned_head_is_named_by_its_phrase_in_the_nominative() -> None:
    # Without its place: with one ("… под Астаной"), the rules name it (app.extraction.facilities).
    text = "Казахская компания продолжает строительство зернового комплекса «Северные ворота»."
    [body] = _projects(text, "ru", _project_detector())
    assert body["name_ru"] == "Зерновой комплекс «Северные ворота»"
    assert body["kind"] == "other" and body["status"] == "under_construction"
    assert _projects(text, "ru", None) == []


def test_an_english_head_keeps_its_modifiers_and_place_as_written() -> None:
    text = "A Georgian company is building a cement plant in the Kakheti region with Armenian partners."
    [body] = _projects(text, "en", _project_detector())
    assert body["name_en"] == "Cement plant in the Kakheti region"
    assert sorted(body["countries"]) == ["AM", "GE"]


def test_plural_heads_and_names_of_no_one_thing_are_not_projects() -> None:
    assert (
        _projects(
            "Both countries plan to build more plants in the Kakheti region.", "en", _project_detector()
        )
        == []
    )
    assert _projects("The ministers discussed a new fertiliser plant.", "en", _project_detector()) == []
