"""The confidence floor: proposals the confidence model thinks probably wrong are held back, not
proposed, so reviewers spend their time on the ones likely to be right.

Only the facts the model calibrates (`CALIBRATED_KINDS`) are weighed against the floor. A proposal
is kept when it is such a fact at or above the floor, or a person, organization or place nothing
requires; whatever a kept proposal requires is kept with it (a kept agreement keeps the event it
was signed at, whatever that event's estimate: it could not be accepted without it). The rest is
held back: a fact under the floor, and a person, organization or place only held-back proposals
needed."""

from collections.abc import Sequence
from dataclasses import dataclass

from app.extraction.model import CALIBRATED_KINDS, Proposal


@dataclass(frozen=True)
class Floored:
    """The proposals kept and those held back, each in the order they came."""

    kept: list[Proposal]
    held_back: list[Proposal]


def _root(proposal: Proposal, floor: float, required: set[str]) -> bool:
    if proposal.kind in CALIBRATED_KINDS:
        return proposal.confidence >= floor
    return proposal.key not in required


def apply_floor(proposals: Sequence[Proposal], floor: float) -> Floored:
    """`proposals` split by `floor` (0 keeps every one)."""
    by_key = {proposal.key: proposal for proposal in proposals}
    required = {key for proposal in proposals for key in proposal.requires}
    wanted = [proposal.key for proposal in proposals if _root(proposal, floor, required)]
    kept: set[str] = set()
    while wanted:
        key = wanted.pop()
        if key in kept or key not in by_key:
            continue
        kept.add(key)
        wanted.extend(by_key[key].requires)
    return Floored(
        kept=[p for p in proposals if p.key in kept],
        held_back=[p for p in proposals if p.key not in kept],
    )
