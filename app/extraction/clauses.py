"""Where a sentence's clauses open and close around an amount: the next amount's clause, a contrasting
clause, a relative clause, an attribution. What such a clause names (a period, a country) belongs
to another amount or to nobody's figure, so figures and their pairs read only up to it."""

import re

from app.extraction.analysis import SentenceFacts

# ", but it remains small beside…": what the contrasting clause names is not the amount's
CONTRAST = re.compile(r",\s*(?:а|но|хотя|while|whereas|but|although|though)\s", re.IGNORECASE)


def contrast_after(text: str, amount_end: int, sentence_end: int) -> int:
    """Where a contrasting clause opens after the amount ("…втрое больше, хотя в масштабах турецкого
    рынка это немного"): the countries it names are no side of the amount."""
    found = CONTRAST.search(text, amount_end, sentence_end)
    return found.start() if found else sentence_end


_CLAUSE_OPENING = re.compile(
    r"(?:,\s*|\s)(?:а|но|хотя|тогда\s+как|в\s+то\s+время\s+как|while|whereas|but|although|though)\s",
    re.IGNORECASE,
)

_CLAUSE_STOP = re.compile(r"[:;]\s")
_GAPPED_ITEM = re.compile(r",\s*(?:с|со|в|во|из|на|with|to|from)\s[^,;:—–\d]{2,60}[—–]", re.IGNORECASE)


def next_clause(text: str, amount_end: int, next_start: int, sentence_end: int) -> int:
    """Where the next amount's clause opens ("…составил 1,1 млрд долларов, а в декабре превысил
    95 млн"): a period told after that belongs to the next amount, not to this one. A colon or a
    semicolon after the amount opens a clause of its own ("…на 4,1 % меньше, чем во втором квартале:
    летом сократились поставки"): its period explains, it does not date the amount."""
    stop = _CLAUSE_STOP.search(text, amount_end, next_start)
    if stop:
        return stop.start()
    if next_start >= sentence_end:
        return next_start
    openings = list(_CLAUSE_OPENING.finditer(text, amount_end, next_start))
    if openings:
        return openings[-1].start()
    # "…составил 23,5 млн долларов, с Францией — 17,9 млн": the next item of a list whose verb is
    # left out opens on its own partner
    gapped = _GAPPED_ITEM.search(text, amount_end, next_start)
    return gapped.start() if gapped else next_start


def clause_opened(text: str, start: int, amount_end: int) -> int | None:
    """Where the amount's own clause opens after `start` ("…, а товарооборот Словакии с Польшей
    превысил…"), if a conjunction opens one."""
    openings = list(_CLAUSE_OPENING.finditer(text, start, amount_end))
    return openings[-1].end() if openings else None


def relative_clause(facts: SentenceFacts, amount_end: int) -> int:
    """Where a relative clause opens after the amount: what it says is about another thing."""
    tokens = facts.sentence.tokens
    return next(
        (t.start for t in tokens if t.start >= amount_end and t.text.lower() in _RELATIVE), facts.sentence.end
    )


_RELATIVE = {"which", "that", "который", "которая", "которое", "которые", "которому", "которой"}
_ATTRIBUTION = re.compile(
    r"\b(?:according\s+to|citing|по\s+данным|по\s+информации|по\s+оценкам)\b", re.IGNORECASE
)


def attribution(facts: SentenceFacts, amount_end: int) -> int:
    """Where an attribution after the amount opens ("…, according to figures from the Italian grid
    operator"): the countries it names counted the figure, they are no side of it."""
    sentence = facts.sentence
    found = _ATTRIBUTION.search(sentence.text, max(0, amount_end - sentence.start))
    return sentence.start + found.start() if found else sentence.end
