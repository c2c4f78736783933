"""Facilities without a proper name, named by what they are and where they stand: "ветровая
электростанция в Каракалпакстане", "строительство в Сурхандарьинской области агропромышленной
зоны", "a seawater desalination plant in the Mangystau region", "a joint logistics centre near Almaty".

Annotators name such a facility by its description and its place (bench/extraction/README.md), so
the name is the text's own words: the head and the words that describe it, in the nominative in
Russian, then the place as written. A head said without a place, a quoted name or a capitalised
name before it ("the plant", "новый завод") is a common noun, not a project."""

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from app.extraction.lexicon import vocabulary as vocab
from app.extraction.matching import PhraseMatcher
from app.extraction.morphology import _analyzer
from app.extraction.recall_projects import _EN_STOP, _nominative_phrase
from app.extraction.text import Token


@dataclass(frozen=True)
class Facility:
    kind: str
    name: str  # in the article's language
    first: int  # token span of the description and its place, end exclusive
    last: int
    head: int
    place: range  # token indexes of the place


@cache
def _head_matcher(language: str) -> PhraseMatcher[str]:
    matcher: PhraseMatcher[str] = PhraseMatcher()
    for head, kind in vocab.PROJECT_PLACED_HEADS[language]:
        matcher.add(head, kind, language)
    return matcher


def placed_facilities(
    language: str, tokens: list[Token], taken: set[int], countries: set[int]
) -> list[Facility]:
    """The facilities a sentence describes with their place, left to right, not overlapping each
    other, their heads not in `taken` (token indexes of projects found otherwise). A country
    (`countries`: token indexes that name one) is too wide a place to name a facility by."""
    find = _russian if language == "ru" else _english
    found: list[Facility] = []
    used: set[int] = set()
    for mention in _head_matcher(language).find(tokens):
        if (taken | used) & set(range(mention.first, mention.last)):
            continue
        facility = find(tokens, mention.first, mention.last, mention.value)
        if facility is None or used & set(range(facility.first, facility.last)):
            continue
        if all(i in countries for i in facility.place if tokens[i].capitalized):
            continue  # "a solar power plant in Georgia"
        found.append(facility)
        used |= set(range(facility.first, facility.last))
    return found


def _kind(kind: str, name: str) -> str:
    # A terminal or hub is a port's, unless it is an airport's ("хаб при аэропорте Навои").
    return "other" if kind == "port" and re.search(r"(?i)airport|аэропорт", name) else kind


def _text(tokens: list[Token], first: int, last: int) -> str:
    """Tokens `first` to `last` as the text writes them (one space apart, no space inside quotes)."""
    out = ""
    for i in range(first, last):
        text = tokens[i].text
        glued = i > first and (tokens[i - 1].end == tokens[i].start or tokens[i - 1].text in "«“")
        out += text if (i == first or glued) else " " + text
    return out


# --- Russian ---

# Words that tell a facility's state or standing, not what it is: left out of its name.
_RU_STATE = frozenset(
    {
        "новый",
        "собственный",
        "отдельный",
        "специализированный",
        "будущий",
        "планируемый",
        "существующий",
        "второй",
        "первый",
        "третий",
        "крупный",
        "крупнейший",
        "который",
        "этот",
        "такой",
        "весь",
        "свой",
        "наш",
    }
)
_RU_PLACE_PREPOSITIONS = frozenset({"в", "во", "под", "у", "при", "около", "близ"})
_RU_STOP_POS = frozenset({"VERB", "INFN", "PRTF", "PRTS", "GRND", "CONJ", "PREP", "ADVB", "NPRO", "PRCL"})
_ALPHA = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_CAPACITY_UNITS = frozenset({"мвт", "гвт", "квт", "мегаватт", "гигаватт", "mw", "gw"})


def _parse(token: Token) -> Any:
    return _analyzer().parse(token.text)[0]


def _ru_describing(token: Token) -> bool:
    """An adjective that says what the facility is ("ветровая", "Кыргызско-индийского", "ро-ро")."""
    if not _ALPHA.fullmatch(token.text):
        return False
    parse = _parse(token)
    if parse.normal_form in _RU_STATE:
        return False
    if parse.tag.POS in {"ADJF", "PRTF"}:
        return True
    return "-" in token.text and token.text.islower() and parse.tag.POS not in {"NOUN", "VERB"}


def _ru_place(tokens: list[Token], at: int, limit: int | None = None) -> int | None:
    """The end of a place phrase starting with its preposition at `at` ("в Атырауской области",
    "под Кралево", "при аэропорте Навои", "в окрестностях Тиеса"): up to five words, nouns and
    adjectives only, ending on a noun or a name, with a name in it."""
    if at >= len(tokens) or tokens[at].text.lower() not in _RU_PLACE_PREPOSITIONS:
        return None
    end, limit = at + 1, len(tokens) if limit is None else limit
    while end < limit and end - at <= 5 and _ALPHA.fullmatch(tokens[end].text):
        parse = _parse(tokens[end])
        if not tokens[end].capitalized and (
            parse.tag.POS in _RU_STOP_POS or parse.normal_form in _RU_STATE or parse.tag.case == "ablt"
        ):
            break  # not "… в Республике Каракалпакстан мощностью"
        end += 1
    while end > at + 1 and not (tokens[end - 1].capitalized or _parse(tokens[end - 1]).tag.POS == "NOUN"):
        end -= 1
    if end == at + 1 or not any(tokens[i].capitalized for i in range(at + 1, end)):
        return None
    return end


def _ru_complement(tokens: list[Token], at: int) -> tuple[list[tuple[int, int]], int]:
    """What follows the head and belongs to its name ("тракторов «Беларус»", "по ремонту карьерной
    техники", "для нефтепродуктов"), as token spans, and where it ends; a capacity ("мощностью
    около 500 МВт") is skipped, left out of the name."""
    spans: list[tuple[int, int]] = []
    i = at
    while i < len(tokens) and i - at <= 10:
        word = tokens[i].text.lower()
        if tokens[i].text in "«“":
            close = next((j for j in range(i + 1, min(len(tokens), i + 8)) if tokens[j].text in "»”"), None)
            if close is None:
                break
            spans.append((i, close + 1))
            i = close + 1
            continue
        if word == "мощностью":
            j = i + 1
            while j < len(tokens) and j - i <= 4 and tokens[j].text.lower() not in _CAPACITY_UNITS:
                j += 1
            if j >= len(tokens) or j - i > 4:
                break
            i = j + 1
            continue
        start = i + 1 if word in {"по", "для"} else i
        j = start
        while j < len(tokens) and _ALPHA.fullmatch(tokens[j].text):
            wanted = {"gent"} if j > start or word not in {"по", "для"} else {"datv", "gent"}
            parses = _analyzer().parse(tokens[j].text)
            if parses[0].tag.POS not in {"NOUN", "ADJF"} or not any(
                p.tag.POS in {"NOUN", "ADJF"} and p.tag.case in wanted for p in parses
            ):
                break
            j += 1
        if j == start:
            break
        spans.append((i, j))
        i = j
    return spans, i


def _russian(tokens: list[Token], first: int, last: int, kind: str) -> Facility | None:
    nouns = [p for p in _analyzer().parse(tokens[last - 1].text) if p.tag.POS == "NOUN"]
    if nouns and all(p.tag.number == "plur" for p in nouns):
        return None  # "малых гидроэлектростанций": several, not one project
    start = first
    while start > 0 and _ru_describing(tokens[start - 1]):
        start -= 1
    spans, after = _ru_complement(tokens, last)
    described = start < first or last - first > 1 or bool(spans)
    if not described:
        return None
    words = _nominative_phrase(tokens[start:last])
    head = " ".join(words)
    head = head[:1].upper() + head[1:]
    name = " ".join([head, *(_text(tokens, a, b) for a, b in spans)])
    place_end = _ru_place(tokens, after)
    begin, end = start, after
    if place_end is not None:
        name += " " + _text(tokens, after, place_end)
        end = place_end
        place = range(after + 1, place_end)
    else:
        before = next(
            (p for p in range(start - 1, max(-1, start - 7), -1) if _ru_place(tokens, p, start) == start),
            None,
        )
        if before is None or any(tokens[a].text in "«“" for a, _ in spans):
            return None  # "центр «Дала»": a quoted name without a place names an organisation as often
        # "в Сурхандарьинской области агропромышленной зоны": the place comes after its name
        name += " " + _text(tokens, before, start)
        begin, place = before, range(before + 1, start)
    return Facility(_kind(kind, name), name, begin, end, last - 1, place)


# --- English ---

# Words that join or point, and words that tell a facility's state, not what it is.
_EN_NOT_DESCRIBING = _EN_STOP | {
    "third",
    "proposed",
    "planned",
    "dedicated",
    "future",
    "separate",
    "existing",
    "own",
    "large",
    "largest",
    "or",
}
_EN_PLACE_PREPOSITIONS = frozenset({"in", "near", "at"})
_EN_PLACE_KINDS = frozenset({"region", "district", "province", "port", "airport", "zone", "area", "oblast"})
_MONTHS_AND_DAYS = frozenset(
    {
        *("January", "February", "March", "April", "May", "June", "July", "August"),
        *("September", "October", "November", "December"),
        *("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    }
)
_EN_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")
_EN_NAME = re.compile(r"[A-Z][\w'’]*(?:-[\w'’]+)*")


def _en_place(tokens: list[Token], at: int) -> int | None:
    """The end of "in the Mangystau region", "near Almaty", "at Onne port", "in the Jizzakh free
    economic zone": a preposition, names, and words that say what kind of place they are."""
    if at >= len(tokens) or tokens[at].text.lower() not in _EN_PLACE_PREPOSITIONS:
        return None
    i = at + 1
    if i < len(tokens) and tokens[i].text.lower() == "the":
        i += 1
    names = i
    while (
        names < len(tokens)
        and names - i < 5
        and (
            _EN_NAME.fullmatch(tokens[names].text)
            or (
                tokens[names].text in "–—-"
                and names > i
                and names + 1 < len(tokens)
                and tokens[names + 1].capitalized
            )
        )
    ):
        names += 1
    if names == i or tokens[i].text in _MONTHS_AND_DAYS:
        return None  # "announced a joint industrial zone in March": a time, not a place
    end = names
    for j in range(names, min(len(tokens), names + 3)):
        if not _EN_WORD.fullmatch(tokens[j].text):
            break
        if tokens[j].text in _EN_PLACE_KINDS:
            end = j + 1
            break
    return end


def _english(tokens: list[Token], first: int, last: int, kind: str) -> Facility | None:
    word = tokens[last - 1].text.lower()
    if word.endswith("s") and not word.endswith("ss"):
        return None  # "plants", "terminals": several, not one project
    start = first
    while (
        start > 0
        and _EN_WORD.fullmatch(tokens[start - 1].text)
        and tokens[start - 1].text not in _EN_NOT_DESCRIBING
        and not tokens[start - 1].text.endswith(("ing", "ed"))
        and not (start > 1 and (tokens[start - 2].text[:1].isdigit() or tokens[start - 2].text in "-$"))
    ):
        start -= 1  # not "200-megawatt", "$150 million": a measure, not what it is
    if start == first and last - first < 2:
        return None  # "a plant in the Tashkent region": nothing says what it is
    place_end = _en_place(tokens, last)
    if place_end is None:
        return None
    name = _text(tokens, start, place_end)
    name = name[:1].upper() + name[1:]
    return Facility(_kind(kind, name), name, start, place_end, last - 1, range(last + 1, place_end))
