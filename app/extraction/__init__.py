"""Extraction: a source's text turned into proposals, drafts of the API's create bodies, each with
the sentence stating it. Pure: no database, no HTTP."""

from collections.abc import Sequence
from datetime import date

from app.extraction.floor import Floored, apply_floor
from app.extraction.model import EXTRACTOR_VERSION, LANGUAGES, Known, Proposal, RecordKind


def extract(
    text: str, *, language: str, published: date | None = None, known: Sequence[Known] = ()
) -> list[Proposal]:
    """See app.extraction.pipeline. Its rules, lexicons and language models load on the first call,
    not when the API starts: a worker that never reads a source never pays for them. (The module
    is not named `extract`: importing it would set this package's `extract` to the module.)"""
    from app.extraction.pipeline import extract as read

    return read(text, language=language, published=published, known=known)


__all__ = [
    "EXTRACTOR_VERSION",
    "LANGUAGES",
    "Floored",
    "Known",
    "Proposal",
    "RecordKind",
    "apply_floor",
    "extract",
]
