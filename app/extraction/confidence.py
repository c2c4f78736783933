"""A proposal's confidence: the estimated chance that it is right, from a logistic model fitted on
our annotated articles as earlier rules read them before anyone had tuned rules on them
(bench/extraction_confidence.py writes `confidence.json`; here it is only read).

The rules give each proposal a hand-set score, lowered where they had to infer a field; `features`
turns that score, the body and the sentence into named numbers, and the model weighs them. Only the
four kinds of fact the benchmark scores are calibrated; people, organizations and places keep the
rules' score (they are accepted with the facts that require them)."""

import json
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date
from functools import cache
from importlib import resources
from typing import Any

from app.common.dates import parse_period
from app.extraction.analysis import Reading
from app.extraction.model import CALIBRATED_KINDS, Linear, Proposal

MODEL_FILE = "confidence.json"
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


class ConfidenceModel(Linear):
    """Weights of named features and an intercept: the estimate is the logistic of their sum."""

    def estimate(self, features: Mapping[str, float]) -> float:
        return 1.0 / (1.0 + math.exp(-self.score(features)))


@cache
def load_model() -> ConfidenceModel:
    """The model shipped beside this module."""
    data = json.loads(resources.files("app.extraction").joinpath(MODEL_FILE).read_text(encoding="utf-8"))
    return ConfidenceModel(intercept=float(data["intercept"]), weights=dict(data["weights"]))


def _months(period: str) -> int | None:
    try:
        start, end = parse_period(period)
    except ValueError:
        return None
    return (end.year - start.year) * 12 + end.month - start.month + 1


def _period_kind(period: Any) -> str:
    months = _months(str(period)) if period else None
    if months is None:
        return "none"
    return str(months) if months in {1, 3, 6, 12} else "other"


def _date_kind(value: Any) -> str:
    if not value:
        return "none"
    text = str(value)
    if "/" in text:
        return "span"
    return {4: "year", 7: "month", 10: "day"}.get(len(text), "other")


def _when(value: Any, published: date | None) -> str:
    """A period or date against the publication: before its year, in it, or after it."""
    if not value or published is None:
        return "unknown"
    try:
        start, end = parse_period(str(value))
    except ValueError:
        return "unknown"
    if end.year < published.year:
        return "before"
    return "after" if start.year > published.year or start > published else "same_year"


def _body_features(
    kind: str, body: Mapping[str, Any], main_pair: set[str], published: date | None
) -> list[str]:
    """Categorical facts of the draft: what it says, how precisely, and when against the publication
    (a reported figure of a period still to come, a held meeting next month, is often misread)."""
    if kind == "trade_figure":
        indicator = str(body.get("indicator", ""))
        unit = str(body.get("unit", ""))
        pair = {body.get("reporter"), body.get("partner")}
        return [
            f"indicator={indicator.removesuffix('_growth')}",
            f"growth={indicator.endswith('_growth')}",
            f"unit={'money' if len(unit) == 3 and unit.isupper() else unit}",
            f"bound={body.get('bound')}",
            f"status={body.get('status')}",
            f"period_months={_period_kind(body.get('period'))}",
            f"period={_when(body.get('period'), published)}",
            f"status_and_period={body.get('status')}/{_when(body.get('period'), published)}",
            f"commodity={bool(body.get('commodity'))}",
            f"compared={bool(body.get('compared_period'))}",
            f"pair_is_the_story's={pair == main_pair}",
        ]
    countries = set(body.get("countries") or [])
    if kind == "event":
        return [
            f"type={body.get('type')}",
            f"status={body.get('status', 'held')}",
            f"date={_date_kind(body.get('date'))}",
            f"status_and_date={body.get('status', 'held')}/{_when(body.get('date'), published)}",
            f"location={bool(body.get('location'))}",
            f"people={min(len(body.get('people') or []), 2)}",
            f"countries={min(len(countries), 3)}",
            f"pair_is_the_story's={countries == main_pair}",
        ]
    if kind == "agreement":
        return [
            f"status={body.get('status')}",
            f"date={_date_kind(body.get('date'))}",
            f"counted={body.get('document_count') is not None}",
            f"status_and_date={body.get('status')}/{_when(body.get('date'), published)}",
            f"sectors={'other' if body.get('sectors') == ['other'] else 'named'}",
            f"at_an_event={bool(body.get('event'))}",
            f"pair_is_the_story's={countries == main_pair}",
        ]
    return [
        f"project_kind={body.get('kind')}",
        f"status={body.get('status')}",
        f"countries={min(len(countries), 3)}",
        f"places={bool(body.get('places'))}",
    ]


def features(
    proposal: Proposal, text: str, language: str, main_pair: Sequence[str], published: date | None
) -> dict[str, float]:
    """Named features of a proposal of one of `CALIBRATED_KINDS` read from `text` (in `language`,
    published on `published`, its story about `main_pair`); each is prefixed by the kind, so each
    kind weighs its own."""
    kind = proposal.kind
    sentence = text[proposal.start : proposal.end]
    named = [
        f"language={language}",
        *_body_features(kind, proposal.body, set(main_pair), published),
    ]
    values = {f"{kind}:{name}": 1.0 for name in named}
    values[f"kind={kind}"] = 1.0
    values[f"{kind}:rules_score"] = proposal.confidence
    # Long sentences with many numbers are where an amount most often takes the wrong cue.
    values[f"{kind}:sentence_length"] = min(len(sentence) / 300, 2.0)
    values[f"{kind}:numbers_in_sentence"] = min(len(_NUMBER.findall(sentence)), 8) / 4
    return values


def calibrate(
    proposals: list[Proposal], reading: Reading, model: ConfidenceModel | None = None
) -> list[Proposal]:
    """The proposals, those of the four scored kinds with the model's estimate as their confidence."""
    model = model or load_model()
    text, language, pair, published = (
        reading.document.text,
        reading.language,
        reading.main_pair,
        reading.published,
    )
    return [
        replace(
            proposal,
            confidence=round(model.estimate(features(proposal, text, language, pair, published)), 3),
        )
        if proposal.kind in CALIBRATED_KINDS
        else proposal
        for proposal in proposals
    ]
