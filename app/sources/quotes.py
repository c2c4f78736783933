"""Where a quote sits in its source: paragraph number and character offsets.

Paragraphs are the blocks of text between blank lines, numbered from 1. Offsets count Unicode code
points from the start of the text, so `text[char_start:char_end] == quote` in Python.
"""

import re
from dataclasses import dataclass

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


@dataclass(frozen=True)
class QuoteLocation:
    paragraph: int
    char_start: int
    char_end: int


class QuoteNotFound(ValueError):
    pass


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of each paragraph, in order."""
    spans, start = [], 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def locate_quote(text: str, quote: str, paragraph: int | None = None) -> QuoteLocation:
    """Find `quote` verbatim, within `paragraph` when given; it must occur exactly once there."""
    if not quote.strip():
        raise QuoteNotFound("the quote is empty")
    spans = paragraph_spans(text)
    if paragraph is not None and not 1 <= paragraph <= len(spans):
        raise QuoteNotFound(f"paragraph {paragraph} does not exist (the source has {len(spans)})")
    numbers = [paragraph] if paragraph is not None else range(1, len(spans) + 1)
    hits: list[tuple[int, int]] = []
    for number in numbers:
        start, end = spans[number - 1]
        hits += [(number, start + match.start()) for match in re.finditer(re.escape(quote), text[start:end])]
    where = f"paragraph {paragraph}" if paragraph is not None else "the source"
    if not hits:
        raise QuoteNotFound(f"the quote is not a verbatim part of {where}: {quote[:80]!r}")
    if len(hits) > 1:
        raise QuoteNotFound(f"the quote occurs {len(hits)} times in {where}; quote more to make it unique")
    number, start = hits[0]
    return QuoteLocation(paragraph=number, char_start=start, char_end=start + len(quote))
