"""Extraction: a source's text turned into proposals, drafts of the API's create bodies, each with
the sentence stating it. Pure: no database, no HTTP."""

from collections.abc import Sequence
from datetime import date

from app.extraction.model import EXTRACTOR_VERSION, LANGUAGES, Known, Proposal, RecordKind


def extract(
    text: str, *, language: str, published: date | None = None, known: Sequence[Known] = ()
) -> list[Proposal]:
    """See app.extraction.extract. Its rules, lexicons and language models load on the first call,
    not when the API starts: a worker that never reads a source never pays for them."""
    from app.extraction.extract import extract as read

    return read(text, language=language, published=published, known=known)


__all__ = ["EXTRACTOR_VERSION", "LANGUAGES", "Known", "Proposal", "RecordKind", "extract"]
