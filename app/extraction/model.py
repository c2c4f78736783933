"""The extractor's public types: what it is told (`Known`) and what it proposes (`Proposal`)."""

from dataclasses import dataclass
from typing import Any, Literal

# Bump when the output for the same input changes: proposals record which version made them.
EXTRACTOR_VERSION = "rules-10-learned-1-confidence-1-floor-1"
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
