"""What a source's stored text is made from: a page's main text without its boilerplate, and the
language it is written in when the writer does not say.

The stored text is what quotes are offsets into, so it is made once, here, and never again.
"""

import logging
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

# A page without text is the writer's mistake, answered with a 422: not an error of this service's.
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)


class NoText(ValueError):
    """The document holds no text to take facts from."""


@dataclass(frozen=True)
class Page:
    """The main text of an HTML page, and what its metadata says of it."""

    text: str
    title: str | None
    author: str | None
    publisher: str | None
    # As the page's metadata states it: YYYY-MM-DD.
    published: date | None


def page_text(html: str) -> Page:
    """The main text of a page, its paragraphs apart by blank lines, as the text sources keep."""
    import trafilatura  # on first use: the API starts without it

    document: Any = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        # The date the page's metadata gives, not one guessed from its URL or its text.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = document.text if document is not None and document.text else ""
    paragraphs = [line.strip() for line in text.splitlines() if line.strip()]
    if not paragraphs:
        raise NoText("the HTML has no main text")
    published = None
    if document.date:
        try:
            published = date.fromisoformat(document.date)
        except ValueError:
            published = None
    return Page(
        text="\n\n".join(paragraphs),
        title=document.title or None,
        author=document.author or None,
        publisher=document.sitename or None,
        published=published,
    )


def detect_language(text: str) -> str:
    """The ISO 639-1 code of the language the text is written in."""
    if not any(character.isalpha() for character in text):
        raise NoText("the text has no letters to tell its language by")
    language, _score = _identifier().classify(text)
    return str(language)


@cache
def _identifier() -> Any:
    """py3langid's model (loaded on first use), choosing only among languages with an ISO 639-1 code:
    it also knows languages named by three letters only, and one of them can outrank English on a
    short English sentence (Nigerian Pidgin, `pcm`), which the API's two-letter `language` cannot say."""
    from py3langid import langid

    identifier = langid.LanguageIdentifier.from_modelpath(langid.MODEL_DIR / langid.MODEL_FILE)
    identifier.set_languages([code for code in identifier.nb_classes if len(code) == 2])
    return identifier
