"""Where a told event takes place and which country hosts it: the place told after "in" or "to", the
country visited (or its capital no lexicon knows), the country of a wire's dateline."""

import re
from collections.abc import Sequence
from typing import Any

from app.extraction.analysis import Reading, SentenceFacts
from app.extraction.event_dates import clause
from app.extraction.matching import Mention
from app.extraction.morphology import _analyzer
from app.extraction.text import Sentence, Token

# The words before where a gathering is held ("in Baku") and before where a visit goes ("to Baku").
_LOCATIVE = {"в", "во", "in", "at"}
_DESTINATION = {"в", "во", "to", "into"}
# The words of a journey told with "in" before the place (vocabulary's trips: "is expected in Bern").
_ARRIVING = {"due", "expected", "arrive", "arrives", "arrived"}
_VISIT_VERBS = {"посетить", "посещать", "посетит", "visited", "visit", "visiting", "visits"}
# Russian puts the place visited before its verb and the visitor after it ("В апреле Эр-Рияд посетит
# делегация", "В мае Астану с рабочим визитом посетил министр"): the place, in the accusative, right
# after a time or at its clause's start, then the verb, perhaps after "с … визитом".
# A parenthetical between the place and the verb does not part them ("Ташкент, как ожидается, посетит").
PARENTHETICAL = r"(?:\s*,\s*(?:[а-яё]+\s+){0,2}[а-яё]+\s*,)?"
_VISIT_AFTER_PLACE = re.compile(
    PARENTHETICAL + r"\s+(?:со?\s+(?:[а-яё-]+\s+){0,2}визитом\s+)?посе(?:тит|тил|щает|щал)\w*\b",
    re.I,
)
_TIME_BEFORE_PLACE = re.compile(
    r"(?:январ|феврал|март|апрел|ма[яйе]|июн|июл|август|сентябр|октябр|ноябр|декабр|год|недел|весн|лет|осен|зим"
    r"|вчера|сегодня|завтра|\d)\w*$",
    re.I,
)


def unique_mentions(mentions: Sequence[Mention[Any]]) -> list[Mention[Any]]:
    """The mentions of different things, each by its first mention."""
    seen, unique = set(), []
    for mention in mentions:
        if mention.value.id not in seen:
            seen.add(mention.value.id)
            unique.append(mention)
    return unique


def summit_groups(facts: SentenceFacts) -> list[tuple[Mention[Any] | None, Mention[Any] | None]]:
    """ "саммитах ОЭС в Ханкенди и ОТГ в Габале": each organization with the place named after it."""
    organizations = unique_mentions(facts.organizations)
    if len(organizations) < 2:
        return [(organizations[0] if organizations else None, None)]
    groups: list[tuple[Mention[Any] | None, Mention[Any] | None]] = []
    for i, organization in enumerate(organizations):
        limit = organizations[i + 1].start if i + 1 < len(organizations) else facts.sentence.end
        place = next((p for p in facts.places if organization.end <= p.start < limit), None)
        groups.append((organization, place))
    return groups


# Travelling to a place for a meeting: "travelled to Baku on Monday for talks".
_TRAVELLED = {
    "travelled",
    "traveled",
    "travels",
    "travel",
    "flew",
    "flies",
    "fly",
    "headed",
    "heads",
    "went",
    # "wrapped up his visit to Baku after two days of talks": the talks were where the visit went
    "visit",
    "trip",
}


def event_place(facts: SentenceFacts, visit: bool) -> Mention[Any] | None:
    """The place a gathering is told held in ("in Baku"), or for a `visit` gone to ("to Baku", "visited
    Baku", "travelled to Baku", "Баку посетит")."""
    tokens = facts.sentence.tokens
    words = _LOCATIVE | ({"to"} if visit else set())
    for mention in facts.places:
        previous = tokens[mention.first - 1] if mention.first > 0 else None
        travelled = mention.first > 1 and tokens[mention.first - 2].text.lower() in _TRAVELLED
        if previous is not None and (
            previous.text.lower() in words
            or (visit and previous.keys & _VISIT_VERBS)
            or (travelled and previous.text.lower() == "to")
        ):
            return mention
        if visit and visited_before_verb(facts.sentence, mention):
            return mention
    return None


def visited_before_verb(sentence: Sentence, mention: Mention[Any]) -> bool:
    """ "В апреле Эр-Рияд посетит делегация": the place or country named before the verb of visiting,
    in the accusative, after a time or at its clause's start (not "Президент Казахстана посетил")."""
    if not _VISIT_AFTER_PLACE.match(sentence.text, mention.end - sentence.start):
        return False
    tokens = sentence.tokens
    before = sentence.text[: mention.start - sentence.start].rstrip()
    if mention.first > 0 and not (before.endswith((",", "—", "–", ";")) or _TIME_BEFORE_PLACE.search(before)):
        return False
    return any(parse.tag.case == "accs" for parse in _analyzer().parse(tokens[mention.last - 1].text))


# A place the lexicon may not know, told after "in" or "at" ("in Madrid", "at the Kremlin").
_PLACE_TOLD = re.compile(
    r"\b(?:in|at|в|во)\s+(?:the\s+)?(?!(?:January|February|March|April|May|June|July|August|September|"
    r"October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)[A-ZА-ЯЁ]"
)

_CAPITAL_TOLD = re.compile(r"\b(?:in|at)\s+the\s+(?:\w+\s+)?capital\b|(?<!\w)в\s+(?:\w+\s+)?столице\b", re.I)


def place_told(facts: SentenceFacts, low: int, high: int) -> bool:
    """Whether the span of a sentence tells where something takes place by a name the lexicon may not
    know ("in Avaza", "в Худжанде"), by a capital it knows as its country's ("in Jakarta") or as "the
    capital" ("opened in the capital on Thursday"), not by a country, an organization or a person it
    knows ("at the SCO summit")."""
    sentence = facts.sentence
    if _CAPITAL_TOLD.search(sentence.text, low - sentence.start, high - sentence.start):
        return True
    countries = [mention for mention in facts.countries if not mention.value.capital]
    named: list[Any] = [*countries, *facts.organizations, *facts.people]
    for match in _PLACE_TOLD.finditer(sentence.text, low - sentence.start, high - sentence.start):
        at = sentence.start + match.end() - 1  # the name's first letter
        if not any(mention.start <= at < mention.end for mention in named):
            return True
    return False


def dateline_country(reading: Reading, facts: SentenceFacts) -> str | None:
    """The country of a wire's dateline city ("ASTANA, Dec 3 (Reuters) -"): where a meeting the report
    tells with no place of its own was held."""
    if reading.dateline is None or _PLACE_TOLD.search(facts.sentence.text[1:]):
        return None
    for facts in reading.facts[:2]:
        opening = [place for place in facts.places if place.first == 0 and place.value.entry is not None]
        if opening:
            return str(opening[0].value.entry.country)
    return None


def known_country(reading: Reading, place_id: str) -> str | None:
    for record in reading.known:
        if record.kind == "place" and record.id == place_id:
            return record.country
    return None


def _to_capital(tokens: list[Token], at: int) -> bool:
    """ "to Hanoi", "в Лиссабон", "visited Quito": a capital gone to; not "в Лиссабоне", where
    something else happened."""
    if at == 0:
        return False
    word = tokens[at - 1]
    if word.text.lower() in {"в", "во"}:
        return any(p.tag.case == "accs" for p in _analyzer().parse(tokens[at].text))
    if word.text.lower() == "in" and at > 1:
        return tokens[at - 2].text.lower() in _ARRIVING  # "is due in Bern": a journey's end
    return word.text.lower() in _DESTINATION or bool(word.keys & _VISIT_VERBS)


_HOSTS = re.compile(r"\s+(?:will\s+|is\s+(?:to|due\s+to|set\s+to)\s+)?host(?:s|ed)?\b", re.IGNORECASE)
_IN_ITS_CAPITAL = re.compile(r"\s+(?:capital|city|town|столиц\w*|город\w*)\b", re.IGNORECASE)
_IN_THE = re.compile(r"\b(?:in\s+the|to\s+the|в|во)\s+$", re.IGNORECASE)


def _in_its_capital(sentence: Sentence, mention: Mention[Any]) -> bool:
    """A country's adjective that names its capital or one of its cities: "in the Uzbek capital", "в
    таджикскую столицу", "in the Kyrgyz city of Osh", "в кыргызском городе Ош"."""
    before, after = sentence.text[: mention.start - sentence.start], mention.end - sentence.start
    return (
        mention.value.adjective
        and _IN_ITS_CAPITAL.match(sentence.text, after) is not None
        and _IN_THE.search(before) is not None
    )


def destination_country(facts: SentenceFacts, trigger: Mention[str], visit: bool = False) -> str | None:
    """The country visited: "визит … в Казахстан", "прибыл в Казахстан с визитом", "visited Azerbaijan";
    for a `visit`, also its capital that no place lexicon knows ("a two-day official visit to Hanoi")."""
    tokens = facts.sentence.tokens
    low, high = clause(facts.sentence, trigger.start)
    for mention in facts.countries:
        if not mention.value.adjective and _HOSTS.match(
            facts.sentence.text, mention.end - facts.sentence.start
        ):
            return mention.value.code  # "Uzbekistan will host the next round of talks"
        if _in_its_capital(facts.sentence, mention):
            return mention.value.code  # "in the Uzbek capital", "в узбекской столице"
        if not low <= mention.start < high or (
            mention.value.adjective
            and not _STATE_AFTER.match(facts.sentence.text, mention.end - facts.sentence.start)
        ):
            continue  # "the Italian Republic", "Турецкую Республику": an adjective that names the state
        if visit and not mention.value.adjective and visited_before_verb(facts.sentence, mention):
            return mention.value.code  # "Казахстан с визитом посетит …"
        if mention.value.capital:
            if visit and _to_capital(tokens, mention.first):
                return mention.value.code
            if not visit and mention.first and tokens[mention.first - 1].text.lower() in {"in", "в", "во"}:
                return mention.value.code  # "to convene its next meeting in Cairo": held in its country
            continue
        before = mention.first
        # "in the Republic of Türkiye", "в Республику Казахстан": the state's long name is a name too
        while before > 0 and tokens[before - 1].text.lower() in _LONG_NAME:
            before -= 1
        skipped = [t.text.lower() for t in tokens[before : mention.first]]
        if "of" in skipped and not any(w.startswith(_STATE_WORDS) for w in skipped):
            before = mention.first  # "the coming visit of Georgia's prime minister": whose, not where
        previous = tokens[before - 1].text.lower() if before else ""
        if previous in _DESTINATION | {"in"} or (previous and tokens[before - 1].keys & _VISIT_VERBS):
            return mention.value.code
    return None


def visited_partner(reading: Reading, facts: SentenceFacts, trigger: Mention[str]) -> str | None:
    """ "Министр Португалии прибудет в Луанду с официальным визитом", in a story about Portugal and
    Angola: a visit to a place no lexicon knows, by one country of the pair (the one named before
    the place), is hosted by the other."""
    pair = set(reading.main_pair)
    if len(pair) != 2:
        return None
    tokens = facts.sentence.tokens
    low, high = clause(facts.sentence, trigger.start)
    countries = {i for m in facts.countries for i in range(m.first, m.last)}
    place = next(
        (
            i + 1
            for i, token in enumerate(tokens[:-1])
            if low <= token.start
            and token.end <= high
            and token.text.lower() in _DESTINATION | {"in"}
            and tokens[i + 1].capitalized
            and i + 1 not in countries
        ),
        None,
    )
    if place is None:
        return None
    visitors = {m.value.code for m in facts.countries if m.last <= place and not m.value.capital}
    return (pair - visitors).pop() if len(visitors) == 1 and visitors < pair else None


# The words of a state's long name before or after the country ("the Kingdom of Spain", "the State of
# Kuwait", "the Sultanate of Oman", "the Italian Republic", "Королевство Испания").
_STATE_WORDS = (
    "republic",
    "республик",
    "state",
    "kingdom",
    "sultanate",
    "королевств",
    "государств",
    "султанат",
)
_STATE_AFTER = re.compile(r"\s+(?:republic|республик\w*)\b", re.IGNORECASE)
_LONG_NAME = {
    "state",
    "kingdom",
    "sultanate",
    "королевство",
    "государство",
    "султанат",
    "the",
    "republic",
    "of",
    "islamic",
    "kyrgyz",
    "federal",
    "people's",
    "democratic",
    "республику",
    "республике",
    "республика",
    "федеративную",
    "федеративной",
}
