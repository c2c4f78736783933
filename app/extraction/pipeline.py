"""`extract`: a source's text in, proposals out."""

from collections.abc import Sequence
from datetime import date
from typing import Literal

from app.extraction.analysis import Reading
from app.extraction.confidence import calibrate
from app.extraction.entities import Registry
from app.extraction.events import propose_events
from app.extraction.figures import propose_figures
from app.extraction.model import LANGUAGES, Known, Proposal
from app.extraction.projects import propose_projects
from app.extraction.recall import EventDetector, load_detector
from app.extraction.recall_projects import ProjectDetector, load_project_detector
from app.extraction.text import read


def extract(
    text: str, *, language: str, published: date | None = None, known: Sequence[Known] = ()
) -> list[Proposal]:
    """Drafts of create bodies for the facts `text` states, each with the sentence(s) stating it.

    Referenced people, organizations, places and projects are the caller's (`known`) when a name
    matches, in any grammatical case; otherwise they are proposed too, and the proposals that refer
    to them list their keys in `requires`. A language not in LANGUAGES gives no proposals. Each
    fact's confidence is the confidence model's estimate (app.extraction.confidence).
    """
    if language not in LANGUAGES or not text.strip():
        return []
    reading, proposals = propose(text, language=language, published=published, known=known)
    return calibrate(proposals, reading)


def propose(
    text: str,
    *,
    language: str,
    published: date | None = None,
    known: Sequence[Known] = (),
    detector: EventDetector | Literal["shipped"] | None = "shipped",
    project_detector: ProjectDetector | Literal["shipped"] | None = "shipped",
) -> tuple[Reading, list[Proposal]]:
    """The reading of `text` and the rules' proposals, with the rules' own scores as confidence:
    what the confidence model is fitted on (bench/extraction_confidence.py). `detector` is the
    learned event and project detectors (app.extraction.recall, app.extraction.recall_projects):
    the shipped ones, others being evaluated (bench/extraction_recall.py), or None for the rules
    alone."""
    reading = Reading(read(text, language), published, known)
    registry = Registry(language, known)
    project_keys = propose_projects(
        reading,
        registry,
        load_project_detector() if isinstance(project_detector, str) else project_detector,
    )
    events, agreements = propose_events(
        reading, registry, load_detector() if isinstance(detector, str) else detector
    )
    figures = propose_figures(reading, project_keys)
    return reading, [*registry.proposals.values(), *events, *agreements, *figures]
