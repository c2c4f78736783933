"""Which language names, titles and summaries are served in: `lang`, else Accept-Language, else English."""

from typing import Literal

from typing_extensions import TypeAliasType

from app.common.headers import best

Language = TypeAliasType("Language", Literal["en", "ru"])
LANGUAGES: tuple[Language, ...] = ("en", "ru")
DEFAULT_LANGUAGE: Language = "en"


def negotiate(lang: Language | None, accept_language: str | None) -> Language:
    """`lang` wins; otherwise the most preferred supported language of an Accept-Language header."""
    if lang is not None:
        return lang
    if not accept_language:  # most clients send none: nothing to weigh
        return DEFAULT_LANGUAGE
    return best(accept_language, _supported) or DEFAULT_LANGUAGE


def _supported(tag: str) -> Language | None:
    primary = tag.split("-")[0]
    return next((language for language in LANGUAGES if language == primary), None)
