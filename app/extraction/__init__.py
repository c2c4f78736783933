"""Extraction: a source's text turned into proposals, drafts of the API's create bodies, each with
the sentence stating it. Pure: no database, no HTTP."""

from app.extraction.extract import extract
from app.extraction.model import EXTRACTOR_VERSION, LANGUAGES, Known, Proposal, RecordKind

__all__ = ["EXTRACTOR_VERSION", "LANGUAGES", "Known", "Proposal", "RecordKind", "extract"]
