"""Fits and measures the learned event detector (app/extraction/recall.py): a logistic regression of
"this sentence states an event" and a multinomial one of "which kind of gathering", on the
sentences of our annotated sets, labelled by the gold events' quotes.

It is measured by leaving one set out: each set is extracted with a detector fitted on the other
sets, and scored with the benchmark's own matching (bench/extraction_score.py), beside the rules
alone and the shipped detector, at each detection threshold. The threshold kept is the one with the
most facts fully right over all left-out sets, provided the share of right proposals does not fall.

It reads every development set (bench.extraction_names.development_sets); the blind set
(bench.extraction_names.BLIND) the lead scores once is never read here.

    .venv/bin/python -m bench.extraction_recall            # the leave-one-set-out tables
    .venv/bin/python -m bench.extraction_recall --write    # … and write app/extraction/recall.json
"""

import argparse
import json
import re
import sys
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from app.extraction.analysis import Reading, SentenceFacts
from app.extraction.morphology import _analyzer
from app.extraction.pipeline import propose
from app.extraction.recall import EventDetector, Linear, _word, load_detector, sentence_features
from app.extraction.recall_projects import (
    ProjectDetector,
    candidate,
    head_features,
    load_project_detector,
    sentence_cues,
)
from bench.extraction_names import BLIND, development_sets
from bench.extraction_score import (
    KINDS,
    REPO_ROOT,
    Article,
    ArticleScore,
    load_corpus,
    load_seed,
    score_article,
    summarize,
)

SETS_DIR = REPO_ROOT / "bench" / "extraction"
MODEL_PATH = REPO_ROOT / "app" / "extraction" / "recall.json"
THRESHOLDS = {
    "events": (0.5, 0.8, 0.9, 0.95, 0.98),
    "projects": (0.5, 0.7, 0.8, 0.9, 0.95, 0.98, 0.99),
    "both": (0.98,),  # both detectors at the shipped thresholds: what rules-9-learned-1 does
}
STRENGTH = 0.3  # inverse L2 strength: strong, against learning one set's wording
# The trigger a gold event type is proposed under when no trigger phrase names it: a visit of no
# stated rank is proposed as talks (one family in the matching); a body the vocabulary has no
# type for meets as a `session`.
KIND_OF_TYPE = {
    "state_visit": "talks",
    "official_visit": "talks",
    "working_visit": "talks",
    "visit": "talks",
    "talks": "talks",
    "ministerial_meeting": "talks",
    "phone_call": "phone_call",
    "intergovernmental_commission": "intergovernmental_commission",
    "interstate_council": "interstate_council",
    "forum": "forum",
    "summit": "summit",
    "multilateral_meeting": "summit",
    "other": "session",
}


@dataclass(frozen=True)
class SentenceExample:
    group: str
    features: dict[str, float]
    event: bool
    kind: str | None  # the trigger kind of the gold event it states
    triggered: bool  # the rules' vocabulary names a gathering in it


def _touches(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(start < b and a < end for a, b in spans)


def load_sets() -> dict[str, list[Article]]:
    sets = {}
    for name in development_sets():
        assert name != BLIND
        articles = load_corpus(SETS_DIR / name)
        sets[name] = [load_seed(), *articles] if name == "corpus" else articles
    return sets


def stated_sentences(
    article: Article, reading: Reading, kind: str
) -> Iterator[tuple[SentenceFacts, list[Any]]]:
    """Each sentence a detector learns from (not a headline or a question), with the gold facts of
    `kind` it states."""
    gold = [fact for fact in article.facts if fact.kind == kind]
    for facts in reading.facts:
        sentence = facts.sentence
        if not (sentence.headline or sentence.question):
            yield facts, [f for f in gold if _touches(sentence.start, sentence.end, f.spans)]


def examples(group: str, article: Article, reading: Reading) -> list[SentenceExample]:
    out = []
    for facts, stated in stated_sentences(article, reading, "event"):
        sentence = facts.sentence
        kind = KIND_OF_TYPE.get(str(stated[0].body.get("type"))) if stated else None
        out.append(
            SentenceExample(
                group,
                sentence_features(reading, facts),
                bool(stated),
                kind,
                bool(reading.cues("EVENT_TRIGGERS", sentence.tokens)),
            )
        )
    return out


@dataclass(frozen=True)
class WordExample:
    group: str
    features: dict[str, float]
    head: bool
    kind: str | None


_NAME_BREAK = re.compile(r"\s(?:at|in|near|of|via|for|on|from|to)\s|[,(]", re.IGNORECASE)


def head_keys(body: Mapping[str, Any]) -> set[str]:
    """The head word of a gold project's names, as the detector keys words: the first noun's lemma
    of a Russian name, the stem of an English name's last word before its place phrase."""
    keys = set()
    for name in [body.get("name_en"), body.get("name_ru"), *(body.get("aliases") or [])]:
        if not name:
            continue
        words = re.findall(r"[^\W\d_]+", str(name))
        if re.search("[а-яёА-ЯЁ]", str(name)):
            nouns = [w for w in words if str(_analyzer().parse(w)[0].tag.POS) == "NOUN"]
            if nouns:
                keys.add(_word(nouns[0], "ru"))
        else:
            before = re.findall(r"[^\W\d_]+", _NAME_BREAK.split(str(name))[0])
            if before:
                keys.add(_word(before[-1], "en"))
    return keys


def word_examples(group: str, article: Article, reading: Reading) -> list[WordExample]:
    out = []
    for facts, stated in stated_sentences(article, reading, "infrastructure_project"):
        sentence = facts.sentence
        heads = {key: str(f.body.get("kind")) for f in stated for key in head_keys(f.body)}
        cues = sentence_cues(reading, facts)
        tokens = sentence.tokens
        for i in range(len(tokens)):
            if not candidate(tokens, i, reading.language):
                continue
            key = _word(tokens[i].text, reading.language)
            out.append(
                WordExample(group, head_features(reading, facts, i, cues), key in heads, heads.get(key))
            )
    return out


def _word_only(features: Mapping[str, float]) -> dict[str, float]:
    return {k: v for k, v in features.items() if k.startswith(("word=", "before=", "after=", "language="))}


def fit_projects(train: Sequence[WordExample], threshold: float) -> ProjectDetector:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform([e.features for e in train])
    model = LogisticRegression(C=STRENGTH, max_iter=5000, class_weight="balanced")
    model.fit(x, [e.head for e in train])
    head = _linear(list(vectorizer.get_feature_names_out()), model.coef_[0], model.intercept_[0])
    heads = [e for e in train if e.head and e.kind]
    kind_vectorizer = DictVectorizer()
    # The kind is the head word's and its neighbours' (a hub, a bridge), not the sentence's.
    kx = kind_vectorizer.fit_transform([_word_only(e.features) for e in heads])
    kind_model = LogisticRegression(C=1.0, max_iter=5000)
    kind_model.fit(kx, [e.kind for e in heads])
    names = list(kind_vectorizer.get_feature_names_out())
    kinds = {
        str(label): _linear(names, kind_model.coef_[i], kind_model.intercept_[i])
        for i, label in enumerate(kind_model.classes_)
    }
    return ProjectDetector(threshold=threshold, head=head, kinds=kinds)


def _linear(names: Sequence[str], coefficients: Any, intercept: float) -> Linear:
    return Linear(
        round(float(intercept), 6),
        {name: round(float(w), 6) for name, w in zip(names, coefficients, strict=True) if abs(w) >= 1e-6},
    )


def fit(train: Sequence[SentenceExample], threshold: float, population: str = "all") -> EventDetector:
    """The detector on every sentence (`all`: 190 stating an event) or only on those without a
    trigger phrase, where it is used (`untriggered`: 7 of them); the kinds on every sentence stating
    an event (the kind's words are the same with or without a trigger phrase)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    untriggered = [e for e in train if population == "all" or not e.triggered]
    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform([e.features for e in untriggered])
    model = LogisticRegression(C=STRENGTH, max_iter=5000, class_weight="balanced")
    model.fit(x, [e.event for e in untriggered])
    names = list(vectorizer.get_feature_names_out())
    detector = _linear(names, model.coef_[0], model.intercept_[0])

    stating = [e for e in train if e.event and e.kind]
    kind_vectorizer = DictVectorizer()
    kx = kind_vectorizer.fit_transform([e.features for e in stating])
    kind_model = LogisticRegression(C=1.0, max_iter=5000)
    kind_model.fit(kx, [e.kind for e in stating])
    kind_names = list(kind_vectorizer.get_feature_names_out())
    kinds = {
        str(label): _linear(kind_names, kind_model.coef_[i], kind_model.intercept_[i])
        for i, label in enumerate(kind_model.classes_)
    }
    return EventDetector(threshold=threshold, detector=detector, kinds=kinds)


def with_threshold(detector: EventDetector, threshold: float) -> EventDetector:
    return EventDetector(threshold, detector.detector, detector.kinds, detector.kind_threshold)


def score(
    articles: Sequence[Article],
    detector: EventDetector | None,
    project_detector: ProjectDetector | None = None,
) -> list[ArticleScore]:
    scores = []
    for article in articles:
        _, proposals = propose(
            article.text,
            language=article.language,
            published=article.published,
            detector=detector,
            project_detector=project_detector,
        )
        scores.append(score_article(article, proposals))
    return scores


def _share(value: float | None) -> str:
    return "—" if value is None else f"{value:.0%}"


def row(name: str, summary: Mapping[str, Any]) -> str:
    kinds = " | ".join(
        f"{summary['per_kind'][k]['matched']}/{summary['per_kind'][k]['gold']} "
        f"(p {_share(summary['per_kind'][k]['precision'])})"
        for k in KINDS
    )
    return (
        f"| {name} | {kinds} | {summary['facts_right']}/{summary['gold']} = "
        f"{_share(summary['facts_right_share'])} | {summary['facts_right']}/{summary['proposed']} = "
        f"{_share(summary['proposals_right_share'])} |"
    )


def header() -> list[str]:
    return [
        "| run | " + " | ".join(KINDS) + " | facts fully right | proposals right |",
        "|---|" + "---|" * len(KINDS) + "---|---|",
    ]


def _linear_json(model: Linear) -> dict[str, Any]:
    return {"intercept": model.intercept, "weights": dict(sorted(model.weights.items()))}


def to_json(detector: EventDetector) -> dict[str, Any]:
    return {
        "threshold": detector.threshold,
        "kind_threshold": detector.kind_threshold,
        "detector": {
            "intercept": detector.detector.intercept,
            "weights": dict(sorted(detector.detector.weights.items())),
        },
        "kinds": {
            kind: {"intercept": model.intercept, "weights": dict(sorted(model.weights.items()))}
            for kind, model in sorted(detector.kinds.items())
        },
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--write", action="store_true", help="write app/extraction/recall.json")
    parser.add_argument("--json", help="write the numbers to this file")
    parser.add_argument(
        "--population",
        choices=("all", "untriggered"),
        default="all",
        help="the detector's training sentences",
    )
    parser.add_argument(
        "--part",
        choices=("events", "projects", "both"),
        default="events",
        help="the detector measured (and written)",
    )
    args = parser.parse_args(argv)
    thresholds = THRESHOLDS[args.part]

    sets = load_sets()
    by_set: dict[str, list[SentenceExample]] = {}
    words: dict[str, list[WordExample]] = {}
    baseline: dict[str, list[ArticleScore]] = {}
    # The detectors shipped now, on the part measured: what a refit has to beat (on the sets they
    # were fitted on, they have seen the set).
    shipped_detectors = (
        load_detector() if args.part in {"events", "both"} else None,
        load_project_detector() if args.part in {"projects", "both"} else None,
    )
    shipped: dict[str, list[ArticleScore]] = {}
    for name, articles in sets.items():
        shipped[name] = score(articles, *shipped_detectors)
        by_set[name], words[name], baseline[name] = [], [], []
        for article in articles:
            reading, proposals = propose(
                article.text,
                language=article.language,
                published=article.published,
                detector=None,
                project_detector=None,
            )
            by_set[name] += examples(name, article, reading)
            if args.part in {"projects", "both"}:
                words[name] += word_examples(name, article, reading)
            baseline[name].append(score_article(article, proposals))
    everything = [e for group in by_set.values() for e in group]
    untriggered = [e for e in everything if not e.triggered]
    stating = sum(e.event for e in untriggered)
    print(
        f"sentences: {len(everything)}, stating an event: {sum(e.event for e in everything)}; "
        f"without a trigger phrase: {len(untriggered)}, stating an event: {stating}\n"
    )

    # Leave one set out: every threshold, each set scored by a detector fitted without it.
    left_out: dict[float, dict[str, list[ArticleScore]]] = {t: {} for t in thresholds}
    estimates: list[tuple[float, SentenceExample]] = []
    all_words = [e for group in words.values() for e in group]
    if args.part == "projects":
        print(f"words: {len(all_words)}, heading a project: {sum(e.head for e in all_words)}\n")
    for name, articles in sets.items():
        if args.part == "both":
            heads = fit_projects([e for e in all_words if e.group != name], thresholds[0])
            events = fit([e for e in everything if e.group != name], thresholds[0], args.population)
            left_out[thresholds[0]][name] = score(articles, events, heads)
            print(f"left out {name}", file=sys.stderr)
            continue
        if args.part == "projects":
            heads = fit_projects([e for e in all_words if e.group != name], thresholds[0])
            for threshold in thresholds:
                left_out[threshold][name] = score(
                    articles, None, ProjectDetector(threshold, heads.head, heads.kinds)
                )
            print(f"left out {name}", file=sys.stderr)
            continue
        detector = fit([e for e in everything if e.group != name], thresholds[0], args.population)
        estimates += [(detector.probability(e.features), e) for e in by_set[name] if not e.triggered]
        for threshold in thresholds:
            left_out[threshold][name] = score(articles, with_threshold(detector, threshold))
        print(f"left out {name}", file=sys.stderr)

    if args.part == "events":
        print("### Sentences without a trigger phrase above each threshold (leaving their set out)\n")
        print("| threshold | sentences | stating an event |")
        print("|---|---|---|")
        for threshold in thresholds:
            above = [e for p, e in estimates if p >= threshold]
            print(f"| {threshold} | {len(above)} | {sum(e.event for e in above)} |")
        print(f"| (all) | {len(estimates)} | {sum(e.event for _, e in estimates)} |\n")

    report: dict[str, Any] = {"sets": {}, "total": {}}
    print("### Leave one set out, per set (matched/gold per kind, precision)\n")
    print("\n".join(header()))
    for name in sets:
        base = summarize(baseline[name])
        print(row(f"{name}: rules", base))
        print(row(f"{name}: shipped", summarize(shipped[name])))
        report["sets"][name] = {"rules": base, "shipped": summarize(shipped[name])}
        for threshold in thresholds:
            summary = summarize(left_out[threshold][name])
            print(row(f"{name}: learned ≥ {threshold}", summary))
            report["sets"][name][str(threshold)] = summary
    print("\n### All sets together\n")
    print("\n".join(header()))
    base_total = summarize([s for scores in baseline.values() for s in scores])
    print(row("rules", base_total))
    report["total"]["rules"] = base_total
    shipped_total = summarize([s for scores in shipped.values() for s in scores])
    print(row("shipped", shipped_total))
    report["total"]["shipped"] = shipped_total
    best: tuple[int, float] | None = None
    for threshold in thresholds:
        total = summarize([s for scores in left_out[threshold].values() for s in scores])
        report["total"][str(threshold)] = total
        print(row(f"learned ≥ {threshold}", total))
        gain = total["facts_right"] - base_total["facts_right"]
        keeps_precision = (total["proposals_right_share"] or 0) >= (base_total["proposals_right_share"] or 0)
        if gain > 0 and keeps_precision and (best is None or gain > best[0]):
            best = (gain, threshold)
    chosen = best[1] if best else None
    print(f"\nchosen threshold: {chosen}")
    report["chosen"] = chosen
    if args.json:
        with open(args.json, "w", encoding="utf-8") as out:
            json.dump(report, out, indent=1, default=str)
    if args.write and args.part != "both":
        shipped = json.loads(MODEL_PATH.read_text(encoding="utf-8")) if MODEL_PATH.exists() else {}
        if args.part == "projects":
            heads = fit_projects(all_words, chosen if chosen is not None else 1.0)
            shipped["projects"] = {
                "threshold": heads.threshold,
                "head": _linear_json(heads.head),
                "kinds": {kind: _linear_json(m) for kind, m in sorted(heads.kinds.items())},
            }
        else:
            shipped.update(to_json(fit(everything, chosen if chosen is not None else 1.0, args.population)))
        MODEL_PATH.write_text(json.dumps(shipped, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {MODEL_PATH.relative_to(REPO_ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
