"""`extract`: a source's text in, proposals out."""

from collections.abc import Sequence
from datetime import date

from app.extraction.analysis import Reading
from app.extraction.entities import Registry
from app.extraction.events import propose_events
from app.extraction.figures import propose_figures
from app.extraction.model import LANGUAGES, Known, Proposal
from app.extraction.projects import propose_projects
from app.extraction.text import read


def extract(
    text: str, *, language: str, published: date | None = None, known: Sequence[Known] = ()
) -> list[Proposal]:
    """Drafts of create bodies for the facts `text` states, each with the sentence(s) stating it.

    Referenced people, organizations, places and projects are the caller's (`known`) when a name
    matches, in any grammatical case; otherwise they are proposed too, and the proposals that refer
    to them list their keys in `requires`. A language not in LANGUAGES gives no proposals.
    """
    if language not in LANGUAGES or not text.strip():
        return []
    reading = Reading(read(text, language), published, known)
    registry = Registry(language, known)
    project_keys = propose_projects(reading, registry)
    events, agreements = propose_events(reading, registry)
    figures = propose_figures(reading, project_keys)
    return [*registry.proposals.values(), *events, *agreements, *figures]
