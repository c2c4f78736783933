"""Matchers of the vocabulary's cue tables (`INDICATORS`, `ROLES`…), built once per language."""

from functools import cache

from app.extraction.lexicon import vocabulary as vocab
from app.extraction.matching import PhraseMatcher


@cache
def cue_matcher(language: str, name: str) -> PhraseMatcher[str]:
    """A matcher of one vocabulary table (`INDICATORS`, `GROWTH`…) for a language."""
    matcher: PhraseMatcher[str] = PhraseMatcher()
    table = getattr(vocab, name)[language]
    if isinstance(table, dict):
        for value, phrases in table.items():
            matcher.add_all(phrases, value, language)
    else:
        for item in table:
            if isinstance(item, str):
                matcher.add(item, item, language)
            elif isinstance(item[1], str) and len(item) == 2:
                matcher.add(item[0], item[1], language)
            elif len(item) == 2:
                matcher.add_all(item[1], item[0], language)
            else:
                matcher.add(item[0], item[0], language)
    return matcher
