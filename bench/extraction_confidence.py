"""Fits the extractor's confidence model: a logistic regression of "this proposal is right" on the
features of app/extraction/confidence.py, labelled by the benchmark's own matching (a proposal is
right when it matches a gold fact with every field the targets need right, bench/extraction/README.md).

What the model should predict is how right the rules are on an article nobody tuned them on. The
current rules were tuned on every development set, so their proposals there are right more often
than on new text; the examples are instead the proposals of earlier rules on the sets that were still
blind for them (BLIND_RUNS, run from git). Prints, as Markdown tables: those examples, each set scored
by a model fitted on the other sets (leave one set out), with precision and recall above confidence
thresholds and predicted against observed shares, beside the rules' own hand-set scores; the same
estimates beside the shipped model's, per set, and facts and proposals right per set at the floors
a server default could take; the fitted model's heaviest weights and the seed at those floors; then
the fitted model on the current rules' proposals on the development sets.

    .venv/bin/python -m bench.extraction_confidence              # the tables
    .venv/bin/python -m bench.extraction_confidence --write      # … and write app/extraction/confidence.json
    .venv/bin/python -m bench.extraction_confidence --evaluate DIR   # the shipped model on one more set
"""

import argparse
import hashlib
import io
import itertools
import json
import math
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from app.extraction.confidence import ConfidenceModel, calibrate, features, load_model
from app.extraction.floor import apply_floor
from app.extraction.model import Proposal
from app.extraction.pipeline import propose
from bench.extraction_score import (
    KINDS,
    REPO_ROOT,
    RIGHT_FIELDS,
    Article,
    load_corpus,
    load_seed,
    proposal_kind,
    ratio,
    score_article,
)

SETS_DIR = REPO_ROOT / "bench" / "extraction"
# Every set some rules were tuned on (the seed article goes with corpus); holdout-6 stays out.
DEVELOPMENT_SETS = ("corpus", "holdout", "holdout-2", "holdout-3", "holdout-4", "holdout-5")
MODEL_PATH = REPO_ROOT / "app" / "extraction" / "confidence.json"
THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9)
# The confidence floors tried: 0, 0.05, …, 0.95.
FLOORS = tuple(step / 20 for step in range(20))
# The floors of the per-set table: the ones a server default could take.
SET_FLOORS = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5)
# Inverse strengths of the L2 penalty tried; the one with the best leave-one-set-out log loss is kept.
STRENGTHS = (0.1, 0.3, 1.0, 3.0)
GOAL = 0.8


# Earlier rules on a set that was blind for them (bench/extraction/README.md and the benchmark docs
# tell which, and the commits they were scored at): (version, commit, set).
BLIND_RUNS = (
    ("rules-4", "5b0f62d", "holdout-2"),
    ("rules-4", "5b0f62d", "holdout-3"),
    ("rules-5", "ed438f0", "holdout-3"),
    ("rules-5", "ed438f0", "holdout-4"),
    ("rules-6", "69eb217", "holdout-4"),
    ("rules-6", "69eb217", "holdout-5"),
    ("rules-7", "a009aab", "holdout-5"),
    ("rules-22", "7081b23", "holdout-21"),
    ("rules-23", "9bbae2f", "holdout-21"),
    ("rules-23", "9bbae2f", "holdout-22"),
    ("rules-24", "4c00ede", "holdout-22"),
    ("rules-25", "a04d639", "holdout-23"),
    ("rules-26", "6718d1a", "holdout-23"),
    ("rules-27", "a5c4ad6", "holdout-24"),
    ("rules-28", "b03ea9c", "holdout-24"),
    ("rules-28", "dc11dc4", "holdout-25"),
    ("rules-29", "387c409", "holdout-25"),
    ("rules-30", "8a7c2d0", "holdout-26"),
    ("rules-31", "23777d2", "holdout-26"),
    ("rules-31", "23777d2", "holdout-27"),
    ("rules-32", "9ec5c61", "holdout-27"),
    ("rules-32", "7b04bd2", "holdout-28"),
    ("rules-33", "2dd56f0", "holdout-28"),
    ("rules-32", "7b04bd2", "holdout-29"),
    ("rules-34", "b20dfba", "holdout-29"),
    ("rules-35", "16d14dd", "holdout-30"),
    ("rules-35", "7c36196", "holdout-31"),
    ("rules-36", "85a51eb", "holdout-31"),
    ("rules-35", "7c36196", "holdout-32"),
    ("rules-36", "a877a65", "holdout-32"),
)
CACHE_DIR = Path(tempfile.gettempdir()) / "bilateral-extraction-confidence"


@dataclass(frozen=True)
class Example:
    """One proposal of a scored kind: its features, the rules' score and whether it is right."""

    group: str  # the set its article is in
    features: dict[str, float]
    rules_score: float
    right: bool


@dataclass(frozen=True)
class ArticleRun:
    """Every proposal some rules made for one article (the rules' scores as confidence)."""

    article: Article
    proposals: list[Proposal]


@dataclass(frozen=True)
class Labelled:
    group: str
    examples: list[Example]
    gold: int  # facts annotated in the set: the denominator of recall
    runs: list[ArticleRun]  # the examples are their proposals of scored kinds, in this order


def label_proposals(
    group: str, article: Article, proposals: Sequence[Proposal], main_pair: Sequence[str]
) -> list[Example]:
    """The proposals of scored kinds, each right when it matches a gold fact with the target's fields."""
    score = score_article(article, proposals)
    right = {id(m.proposal) for m in score.matches if m.right(RIGHT_FIELDS)}
    examples = []
    for p in proposals:
        if proposal_kind(p) not in KINDS:
            continue
        values = features(p, article.text, article.language, main_pair, article.published)
        examples.append(Example(group, values, p.confidence, id(p) in right))
    return examples


def label(group: str, articles: Sequence[Article]) -> Labelled:
    """Runs the current rules (without the model) on each article and labels their proposals."""
    examples, runs = [], []
    for article in articles:
        reading, proposals = propose(article.text, language=article.language, published=article.published)
        examples += label_proposals(group, article, proposals, reading.main_pair)
        runs.append(ArticleRun(article, proposals))
    return Labelled(group, examples, sum(len(a.facts) for a in articles), runs)


_DUMP = """
import json, sys
from datetime import date
from app.extraction.analysis import Reading
from app.extraction.text import read
try:  # since rules-22 extract() returns the model's estimates; propose() keeps the rules' scores
    from app.extraction.pipeline import propose
except ImportError:
    from app.extraction import extract

    def propose(text, *, language, published):
        proposals = extract(text, language=language, published=published)
        return Reading(read(text, language), published, ()), proposals
out = []
for item in json.load(sys.stdin):
    published = date.fromisoformat(item["published"])
    reading, proposals = propose(item["text"], language=item["language"], published=published)
    out.append({"main_pair": list(reading.main_pair), "proposals": [
        {"key": p.key, "kind": p.kind, "body": p.body, "start": p.start, "end": p.end,
         "confidence": p.confidence, "requires": list(p.requires)}
        for p in proposals]})
json.dump(out, sys.stdout, default=str)
"""


def old_proposals(commit: str, articles: Sequence[Article]) -> list[dict[str, Any]]:
    """Runs the rules of an earlier commit on the articles, in a process of their own (their `app`
    package unpacked from git into a temporary folder); cached by commit and texts."""
    payload = json.dumps(
        [{"text": a.text, "language": a.language, "published": a.published.isoformat()} for a in articles]
    )
    digest = hashlib.sha256((_DUMP + payload).encode()).hexdigest()[:16]
    cached = CACHE_DIR / f"{commit}-{digest}.json"
    if cached.exists():
        return list(json.loads(cached.read_text(encoding="utf-8")))
    archive = subprocess.run(
        ["git", "archive", commit, "app"], capture_output=True, check=True, cwd=REPO_ROOT
    )
    with tempfile.TemporaryDirectory() as folder:
        with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
            tar.extractall(folder, filter="data")
        result = subprocess.run(
            [sys.executable, "-c", _DUMP],
            input=payload,
            capture_output=True,
            text=True,
            check=True,
            cwd=folder,
        )
    CACHE_DIR.mkdir(exist_ok=True)
    cached.write_text(result.stdout, encoding="utf-8")
    return list(json.loads(result.stdout))


def blind_runs() -> list[Labelled]:
    """Each of BLIND_RUNS, labelled: how right older rules were on text they had never seen."""
    labelled = []
    for _, commit, name in BLIND_RUNS:
        articles = load_corpus(SETS_DIR / name)
        examples, runs = [], []
        for article, made in zip(articles, old_proposals(commit, articles), strict=True):
            proposals = [
                Proposal(
                    p["key"],
                    p["kind"],
                    p["body"],
                    p["start"],
                    p["end"],
                    p["confidence"],
                    tuple(p["requires"]),
                )
                for p in made["proposals"]
            ]
            examples += label_proposals(name, article, proposals, made["main_pair"])
            runs.append(ArticleRun(article, proposals))
        labelled.append(Labelled(name, examples, sum(len(a.facts) for a in articles), runs))
    return labelled


def development_sets() -> list[Labelled]:
    sets = []
    for name in DEVELOPMENT_SETS:
        articles = load_corpus(SETS_DIR / name)
        if name == "corpus":
            articles = [load_seed(), *articles]
        sets.append(label(name, articles))
    return sets


# --- fitting ---


def fit(examples: Sequence[Example], strength: float) -> dict[str, Any]:
    """A logistic regression, as the intercept and a weight per feature name."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform([e.features for e in examples])
    model = LogisticRegression(C=strength, max_iter=5000)
    model.fit(x, [e.right for e in examples])
    weights = dict(zip(vectorizer.get_feature_names_out(), model.coef_[0], strict=True))
    return {
        "intercept": round(float(model.intercept_[0]), 6),
        "weights": {name: round(float(w), 6) for name, w in sorted(weights.items()) if abs(w) >= 1e-6},
    }


def shipped_json() -> dict[str, Any]:
    return dict(json.loads(MODEL_PATH.read_text(encoding="utf-8")))


def predict(model: dict[str, Any], examples: Sequence[Example]) -> list[float]:
    shipped = ConfidenceModel(intercept=model["intercept"], weights=model["weights"])
    return [shipped.estimate(e.features) for e in examples]


def leave_one_set_out(examples: Sequence[Example], strength: float) -> list[float]:
    """Each example's estimate from a model fitted on the examples of the other sets."""
    estimates: list[float] = [0.0] * len(examples)
    for group in dict.fromkeys(e.group for e in examples):
        model = fit([e for e in examples if e.group != group], strength)
        inside = [i for i, e in enumerate(examples) if e.group == group]
        for i, p in zip(inside, predict(model, [examples[i] for i in inside]), strict=True):
            estimates[i] = p
    return estimates


def log_loss(examples: Sequence[Example], estimates: Sequence[float]) -> float:
    eps = 1e-6
    return -sum(
        math.log(max(eps, p if e.right else 1 - p)) for e, p in zip(examples, estimates, strict=True)
    ) / max(len(examples), 1)


def brier(examples: Sequence[Example], estimates: Sequence[float]) -> float:
    return sum((p - e.right) ** 2 for e, p in zip(examples, estimates, strict=True)) / max(len(examples), 1)


# --- the floor ---


def with_estimates(runs: Sequence[ArticleRun], estimates: Sequence[float]) -> list[ArticleRun]:
    """The runs, each proposal of a scored kind with its estimate (in the examples' order) as its
    confidence: what the extractor would have proposed with that model."""
    left = iter(estimates)
    return [
        ArticleRun(
            run.article,
            [replace(p, confidence=next(left)) if proposal_kind(p) in KINDS else p for p in run.proposals],
        )
        for run in runs
    ]


def blind_by_set(blind: Sequence[Labelled], estimates: Sequence[float]) -> list[Labelled]:
    """The blind runs of each set together, their proposals with the estimates of leaving it out."""
    left = iter(estimates)
    by_set: dict[str, Labelled] = {}
    for labelled in blind:
        runs = with_estimates(labelled.runs, [next(left) for _ in labelled.examples])
        earlier = by_set.get(labelled.group)
        by_set[labelled.group] = Labelled(
            labelled.group,
            [*(earlier.examples if earlier else []), *labelled.examples],
            (earlier.gold if earlier else 0) + labelled.gold,
            [*(earlier.runs if earlier else []), *runs],
        )
    return list(by_set.values())


def floor_rows(
    runs: Sequence[ArticleRun], gold: int, floors: Sequence[float] = FLOORS
) -> list[dict[str, Any]]:
    """At each floor, what app.extraction.floor keeps, scored again: facts proposed, right among them,
    precision, recall of the gold facts, and what is held back (facts, and the people, organizations
    and places only they required)."""
    rows = []
    for floor in floors:
        kept = right = held_facts = held_others = 0
        for run in runs:
            floored = apply_floor(run.proposals, floor)
            score = score_article(run.article, floored.kept)
            kept += sum(proposal_kind(p) in KINDS for p in floored.kept)
            right += sum(m.right(RIGHT_FIELDS) for m in score.matches)
            held_facts += sum(proposal_kind(p) in KINDS for p in floored.held_back)
            held_others += sum(proposal_kind(p) not in KINDS for p in floored.held_back)
        rows.append(
            {
                "floor": floor,
                "kept": kept,
                "right": right,
                "precision": ratio(right, kept),
                "recall": ratio(right, gold),
                "held_facts": held_facts,
                "held_others": held_others,
            }
        )
    return rows


def chosen_floor(rows: Sequence[Mapping[str, Any]]) -> float:
    """The highest floor up to which every step of 0.05 held back more wrong facts than right ones:
    above it, what a step holds back is mostly right, and precision is bought with recall."""
    chosen = rows[0]["floor"]
    for lower, higher in itertools.pairwise(rows):
        held = higher["held_facts"] - lower["held_facts"]
        lost = lower["right"] - higher["right"]
        if held and lost * 2 >= held:
            break
        chosen = higher["floor"]
    return float(chosen)


def print_floor_table(title: str, rows: Sequence[Mapping[str, Any]]) -> None:
    everything = rows[0]
    print(f"\n### {title}\n")
    print(
        "| floor | facts proposed | right | precision | recall | right lost | facts held back | "
        "others held back |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for row in rows:
        print(
            f"| {row['floor']:.2f} | {row['kept']} | {row['right']} | {_share(row['precision'])} | "
            f"{_share(row['recall'])} | {everything['right'] - row['right']} | {row['held_facts']} | "
            f"{row['held_others']} |"
        )


def newest_by_set(blind: Sequence[Labelled], estimates: Sequence[float]) -> list[Labelled]:
    """Per blind set, the run of the newest rules scored on it (the last in BLIND_RUNS), its
    proposals with `estimates` (given in the examples' order over every run)."""
    left = iter(estimates)
    newest: dict[str, Labelled] = {}
    for labelled in blind:
        runs = with_estimates(labelled.runs, [next(left) for _ in labelled.examples])
        newest[labelled.group] = replace(labelled, runs=runs)
    return list(newest.values())


def print_set_floors(title: str, blind: Sequence[Labelled], estimates: Sequence[float]) -> dict[str, Any]:
    """Per blind set (its newest rules), facts right of gold and proposals right at each of SET_FLOORS."""
    print(f"\n### {title}\n")
    print("| set | rules | " + " | ".join(f"{f:.1f}: facts · proposals right" for f in SET_FLOORS) + " |")
    print("|---|---|" + "---|" * len(SET_FLOORS))
    versions = {name: version for version, _, name in BLIND_RUNS}
    numbers = {}
    for run in newest_by_set(blind, estimates):
        rows = floor_rows(run.runs, run.gold, SET_FLOORS)
        cells = [f"{_share(row['recall'])} · {_share(row['precision'])}" for row in rows]
        print(f"| {run.group} | {versions[run.group]} | " + " | ".join(cells) + " |")
        numbers[run.group] = rows
    return numbers


def auc(examples: Sequence[Example], estimates: Sequence[float]) -> float | None:
    """The chance that a right proposal is estimated above a wrong one (ties count half): how well
    the estimates rank, whatever their scale."""
    right = [p for e, p in zip(examples, estimates, strict=True) if e.right]
    wrong = [p for e, p in zip(examples, estimates, strict=True) if not e.right]
    if not right or not wrong:
        return None
    wins = sum((r > w) + 0.5 * (r == w) for r in right for w in wrong)
    return wins / (len(right) * len(wrong))


def print_comparison(
    examples: Sequence[Example], refit: Sequence[float], shipped: Sequence[float], fitted_on: set[str]
) -> None:
    """Per set, the refit model (left out of its fit) beside the shipped one: log loss, Brier, AUC and
    the mean estimate against the share right; then both over the sets the shipped model never saw."""
    print("\n| set | proposals | share right | mean estimate: refit · shipped | log loss | Brier | AUC |")
    print("|---|---|---|---|---|---|---|")
    groups = [(g, {g}) for g in dict.fromkeys(e.group for e in examples)]
    unseen = {e.group for e in examples} - fitted_on
    groups.append(("every set the shipped model was not fitted on", unseen))
    for name, members in groups:
        inside = [i for i, e in enumerate(examples) if e.group in members]
        chosen = [examples[i] for i in inside]
        ours, theirs = [refit[i] for i in inside], [shipped[i] for i in inside]
        right = sum(e.right for e in chosen)
        seen = " (shipped fitted on it)" if name in fitted_on else ""
        print(
            f"| {name}{seen} | {len(chosen)} | {_share(ratio(right, len(chosen)))} | "
            f"{sum(ours) / len(ours):.2f} · {sum(theirs) / len(theirs):.2f} | "
            f"{log_loss(chosen, ours):.3f} · {log_loss(chosen, theirs):.3f} | "
            f"{brier(chosen, ours):.3f} · {brier(chosen, theirs):.3f} | "
            f"{_rank(auc(chosen, ours))} · {_rank(auc(chosen, theirs))} |"
        )


def _rank(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"


def print_weights(model: Mapping[str, Any], count: int = 12) -> None:
    """The features weighing most towards wrong and towards right."""
    weights = sorted(model["weights"].items(), key=lambda item: item[1])
    print("\n| towards wrong | weight | towards right | weight |")
    print("|---|---|---|---|")
    for (low, lw), (high, hw) in zip(weights[:count], reversed(weights[-count:]), strict=True):
        print(f"| {low} | {lw:.2f} | {high} | {hw:.2f} |")


def seed_floors(model: ConfidenceModel) -> list[tuple[float, int, int]]:
    """The seed article's target (facts with the right kind, key fields, bound, status and period
    kind) at each of SET_FLOORS, the current rules' proposals estimated by `model`."""
    from bench.extraction import run
    from bench.extraction_score import summarize

    def extract(text: str, *, language: str, published: date | None) -> list[Proposal]:
        reading, proposals = propose(text, language=language, published=published)
        return calibrate(proposals, reading, model)

    rows = []
    for floor in SET_FLOORS:
        summary = summarize(run(extract, [load_seed()], floor))
        rows.append((floor, summary["seed_facts_right"], summary["gold"]))
    return rows


# --- tables ---


def _share(value: float | None) -> str:
    return "—" if value is None else f"{value:.0%}"


def threshold_rows(
    examples: Sequence[Example], estimates: Sequence[float], gold: int
) -> list[dict[str, Any]]:
    """Above each threshold: proposals kept, right among them, precision, recall of the gold facts."""
    rows = []
    for threshold in (0.0, *THRESHOLDS):
        kept = [e for e, p in zip(examples, estimates, strict=True) if p >= threshold]
        right = sum(e.right for e in kept)
        rows.append(
            {
                "threshold": threshold,
                "kept": len(kept),
                "right": right,
                "precision": ratio(right, len(kept)),
                "recall": ratio(right, gold),
            }
        )
    return rows


def lowest_threshold(
    examples: Sequence[Example], estimates: Sequence[float], gold: int
) -> dict[str, Any] | None:
    """The lowest threshold (in steps of 0.05) whose proposals above it are at least 80 % right."""
    for step in range(0, 20):
        threshold = step / 20
        kept = [e for e, p in zip(examples, estimates, strict=True) if p >= threshold]
        right = sum(e.right for e in kept)
        if kept and right / len(kept) >= GOAL:
            return {"threshold": threshold, "kept": len(kept), "right": right, "recall": ratio(right, gold)}
    return None


def calibration_rows(examples: Sequence[Example], estimates: Sequence[float]) -> list[dict[str, Any]]:
    """Estimates in bins of 0.1 (the last holds 0.9–1): how many, the mean estimate, the share right."""
    rows = []
    for low in range(10):
        inside = [
            (e, p)
            for e, p in zip(examples, estimates, strict=True)
            if low / 10 <= p < (low + 1) / 10 or (low == 9 and p == 1.0)
        ]
        if inside:
            rows.append(
                {
                    "bin": f"{low / 10:.1f}–{(low + 1) / 10:.1f}",
                    "count": len(inside),
                    "predicted": sum(p for _, p in inside) / len(inside),
                    "observed": sum(e.right for e, _ in inside) / len(inside),
                }
            )
    return rows


def print_tables(
    title: str, examples: Sequence[Example], estimates: Sequence[float], gold: int
) -> dict[str, Any]:
    rules = [e.rules_score for e in examples]
    model_rows = threshold_rows(examples, estimates, gold)
    rules_rows = threshold_rows(examples, rules, gold)
    right = sum(e.right for e in examples)
    print(f"\n### {title}: {len(examples)} proposals, {right} right, {gold} gold facts\n")
    print("| ≥ t | model: kept | right | precision | recall | rules: kept | right | precision | recall |")
    print("|---|---|---|---|---|---|---|---|---|")
    for m, r in zip(model_rows, rules_rows, strict=True):
        print(
            f"| {m['threshold']:.1f} | {m['kept']} | {m['right']} | {_share(m['precision'])} | "
            f"{_share(m['recall'])} | {r['kept']} | {r['right']} | {_share(r['precision'])} | "
            f"{_share(r['recall'])} |"
        )
    calibration = calibration_rows(examples, estimates)
    print("\n| model's estimate | proposals | mean estimate | share right |")
    print("|---|---|---|---|")
    for row in calibration:
        print(f"| {row['bin']} | {row['count']} | {row['predicted']:.2f} | {row['observed']:.2f} |")
    lowest = {
        "model": lowest_threshold(examples, estimates, gold),
        "rules": lowest_threshold(examples, rules, gold),
    }
    for name, found in lowest.items():
        where = "never"
        if found is not None:
            where = f"from {found['threshold']:.2f}: {found['right']}/{found['kept']} right"
            where += f", recall {_share(found['recall'])}"
        print(f"\n{name}: proposals above a threshold reach {GOAL:.0%} right {where}")
    print(
        f"\nlog loss {log_loss(examples, estimates):.3f} (rules' score {log_loss(examples, rules):.3f}); "
        f"Brier {brier(examples, estimates):.3f} (rules' score {brier(examples, rules):.3f})"
    )
    return {
        "thresholds": model_rows,
        "rules_thresholds": rules_rows,
        "calibration": calibration,
        "lowest": lowest,
    }


def per_set_table(examples: Sequence[Example], estimates: Sequence[float]) -> None:
    print("\n| set left out | proposals | right | mean estimate | ≥ 0.8: kept | right | precision |")
    print("|---|---|---|---|---|---|---|")
    for group in dict.fromkeys(e.group for e in examples):
        rows = [(e, p) for e, p in zip(examples, estimates, strict=True) if e.group == group]
        right = sum(e.right for e, _ in rows)
        kept = [e for e, p in rows if p >= GOAL]
        kept_right = sum(e.right for e in kept)
        print(
            f"| {group} | {len(rows)} | {right} ({_share(ratio(right, len(rows)))}) | "
            f"{sum(p for _, p in rows) / len(rows):.2f} | {len(kept)} | {kept_right} | "
            f"{_share(ratio(kept_right, len(kept)))} |"
        )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", action="store_true", help=f"write the fitted model to {MODEL_PATH.name}")
    parser.add_argument("--evaluate", type=Path, help="score the shipped model on this annotated folder only")
    parser.add_argument("--json", type=Path, help="also write the numbers to this file")
    args = parser.parse_args(argv)

    if args.evaluate:
        shipped = load_model()
        labelled = label(args.evaluate.name, load_corpus(args.evaluate))
        estimates = [shipped.estimate(e.features) for e in labelled.examples]
        title = f"{args.evaluate}: the current rules, the shipped model"
        numbers = print_tables(title, labelled.examples, estimates, labelled.gold)
        if args.json:
            args.json.write_text(json.dumps(numbers, indent=2) + "\n", encoding="utf-8")
        return 0

    blind = blind_runs()
    examples = [e for run in blind for e in run.examples]
    gold = sum(run.gold for run in blind)
    runs = ", ".join(f"{version} on {name}" for version, _, name in BLIND_RUNS)
    print(f"\n{date.today()} | examples: {runs}; each set left out in turn\n")
    print("| L2 strength C | log loss | Brier |")
    print("|---|---|---|")
    best: tuple[float, float, list[float]] | None = None
    for strength in STRENGTHS:
        estimates = leave_one_set_out(examples, strength)
        loss = log_loss(examples, estimates)
        print(f"| {strength} | {loss:.3f} | {brier(examples, estimates):.3f} |")
        if best is None or loss < best[1]:
            best = (strength, loss, estimates)
    assert best is not None
    strength, _, estimates = best
    per_set_table(examples, estimates)
    numbers: dict[str, Any] = {"strength": strength}
    title = f"Earlier rules on sets blind for them, each set by a model fitted on the others (C = {strength})"
    numbers["blind"] = print_tables(title, examples, estimates, gold)
    floors = floor_rows(with_estimates([r for run in blind for r in run.runs], estimates), gold)
    print_floor_table("The floor on those runs: proposals under it held back, the rest scored again", floors)
    floor = chosen_floor(floors)
    print(f"\nthe highest floor whose every step held back more wrong facts than right: {floor:.2f}")
    print("\n| set left out | floor | facts proposed | right | precision | recall |")
    print("|---|---|---|---|---|---|")
    for run in blind_by_set(blind, estimates):
        for row in floor_rows(run.runs, run.gold):
            if row["floor"] in (0.0, floor):
                print(
                    f"| {run.group} | {row['floor']:.2f} | {row['kept']} | {row['right']} | "
                    f"{_share(row['precision'])} | {_share(row['recall'])} |"
                )
    numbers["floors"], numbers["floor"] = floors, floor

    shipped_model = load_model()
    old_estimates = [shipped_model.estimate(e.features) for e in examples]
    fitted_on = {name.rpartition(" on ")[2] for name in shipped_json().get("fitted_on", [])}
    print("\n### The refit model (each set left out) beside the shipped one, on the same proposals")
    print_comparison(examples, estimates, old_estimates, fitted_on)
    unseen = [i for i, e in enumerate(examples) if e.group not in fitted_on]
    if unseen:
        chosen = [examples[i] for i in unseen]
        for name, values in (("refit, each set left out", estimates), ("shipped", old_estimates)):
            calibration = calibration_rows(chosen, [values[i] for i in unseen])
            print(f"\nCalibration on the sets the shipped model was not fitted on, {name}:\n")
            print("| estimate | proposals | mean estimate | share right |")
            print("|---|---|---|---|")
            for row in calibration:
                print(f"| {row['bin']} | {row['count']} | {row['predicted']:.2f} | {row['observed']:.2f} |")
    numbers["set_floors"] = {
        "refit": print_set_floors("Per blind set, the refit model (that set left out)", blind, estimates),
        "shipped": print_set_floors("Per blind set, the shipped model", blind, old_estimates),
    }

    model = fit(examples, strength)
    print_weights(model)
    fitted = ConfidenceModel(intercept=model["intercept"], weights=model["weights"])
    print("\n| floor | seed facts right, refit model | shipped model |\n|---|---|---|")
    for (floor, right, gold), (_, right_shipped, _) in zip(
        seed_floors(fitted), seed_floors(shipped_model), strict=True
    ):
        print(f"| {floor:.1f} | {right}/{gold} | {right_shipped}/{gold} |")
    sets = development_sets()
    current = [e for s in sets for e in s.examples]
    title = "The current rules on the development sets (tuned on them), the model fitted on every example"
    numbers["development"] = print_tables(title, current, predict(model, current), sum(s.gold for s in sets))
    if args.write:
        shipped = {"fitted_on": [f"{v} on {n}" for v, _, n in BLIND_RUNS], "l2_strength": strength, **model}
        MODEL_PATH.write_text(json.dumps(shipped, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"\nwrote {MODEL_PATH.relative_to(REPO_ROOT)}: {len(model['weights'])} weights")
    if args.json:
        args.json.write_text(json.dumps(numbers, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
