"""The extractor's public types: what it is told (`Known`) and what it proposes (`Proposal`)."""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

# Bump when the output for the same input changes: proposals record which version made them.
EXTRACTOR_VERSION = "rules-37-learned-1-confidence-2-floor-1"
LANGUAGES: frozenset[str] = frozenset({"ru", "en"})

RecordKind = Literal[
    "event", "agreement", "trade_figure", "infrastructure_project", "person", "organization", "place"
]
# The facts whose confidence is the confidence model's estimate (app.extraction.confidence); people,
# organizations and places keep the rules' score.
CALIBRATED_KINDS: frozenset[str] = frozenset({"event", "agreement", "trade_figure", "infrastructure_project"})
KnownKind = Literal["person", "organization", "place", "infrastructure_project", "country"]


@dataclass(frozen=True)
class Known:
    """A record the database already holds, so a proposal refers to it instead of proposing it again."""

    kind: KnownKind
    id: str
    names: tuple[str, ...]
    country: str | None = None


@dataclass(frozen=True)
class Proposal:
    """A draft create body (without citations) and the sentence(s) stating it: `text[start:end]`."""

    key: str
    kind: RecordKind
    body: dict[str, Any]
    start: int
    end: int
    confidence: float
    requires: tuple[str, ...] = ()


@dataclass(frozen=True)
class Linear:
    """A linear score over named features: intercept plus the weights of the features present (the
    learned parts of the extractor ship as these, fitted by scripts in bench/)."""

    intercept: float
    weights: Mapping[str, float]

    def score(self, features: Mapping[str, float]) -> float:
        return self.intercept + sum(self.weights.get(name, 0.0) * value for name, value in features.items())
