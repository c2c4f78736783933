"""Goods a trade figure is of, read from the words that name them where the vocabulary
(`COMMODITIES`) lists none: the noun phrase after a unit ("64,000 tonnes of frozen mackerel",
"18,2 тыс. тонн сушёного винограда") or after a flow noun ("shipments of lithium carbonate",
"ввоз турецких томатов"), or before it in English ("hazelnut exports"); a line's goods in the
nominative just before a dash or the bracket its amount stands in ("из них машины — 41,3 млн",
"сухофрукты (1 240 тонн)") come first. A phrase whose head is a
word for goods of no kind ("goods", "cargo", "товаров", "грузов") names the total."""

import re
from collections.abc import Sequence
from typing import Any

from app.extraction.amounts import COUNTED_NOUN, COUNTING_WORD
from app.extraction.analysis import Reading, SentenceFacts
from app.extraction.lexicon import vocabulary as vocab
from app.extraction.matching import Mention
from app.extraction.morphology import fold, parses
from app.extraction.text import Token

TOTAL = "TOTAL"
_LONGEST_PHRASE = 5
_SLUG_LENGTH = 40  # TradeFigureCreate.commodity's limit

_FLOW_NOUNS = {language: frozenset(words) for language, words in vocab.GOODS_FLOW_NOUNS.items()}
_NO_KIND = {language: frozenset(words) for language, words in vocab.GOODS_OF_NO_KIND.items()}
_ANY_KIND = {language: frozenset(words) for language, words in vocab.GOODS_OF_NO_KIND_WHATEVER.items()}
_NO_KIND_MODIFIERS = {
    language: frozenset(words) for language, words in vocab.GOODS_OF_NO_KIND_MODIFIERS.items()
}
_EN_NOT_GOODS = frozenset(vocab.NOT_GOODS["en"])
_TRADE_VERBS = frozenset({*vocab.SELLING_VERBS["en"], *vocab.BUYING_VERBS["en"]})
_RU_NOT_GOODS = frozenset(vocab.NOT_GOODS["ru"]) | _FLOW_NOUNS["ru"]
_JOINERS = {"and", "or", ",", "и", "или"}
_GENITIVE = {"gent", "gen2"}
_NOMINATIVE = {"nomn"}
_PHRASE_POS = {"NOUN", "ADJF", "PRTF"}
# What joins a line's goods to its own amount: a dash, or the bracket the amount stands in.
_ATTACHING = {"—", "–", "("}
_EN_NOT_BEFORE_AMOUNT = {"most", "including"}
_FUNCTION_WORDS = {"PREP", "CONJ", "PRCL", "INTJ", "NPRO", "ADVB", "NUMR"}


def goods_named(
    reading: Reading,
    facts: SentenceFacts,
    amount_unit: str,
    before: Sequence[Token],
    after: Sequence[Token],
    physical: bool,
) -> str | None:
    """The goods the words beside the amount name: a vocabulary slug, the phrase's own words as a
    slug, `TOTAL` for goods of no kind, or None when no phrase of goods is there. `before`: the
    tokens from the previous amount to this one; `after`: those that follow it."""
    countries = {t.start for m in facts.countries for t in facts.sentence.tokens[m.first : m.last]}
    language = reading.language
    if amount_unit != "percent":
        attached = _attached_phrase(reading, before, countries)
        line = _slug(reading, attached, _NOMINATIVE) if attached else TOTAL
        if line != TOTAL:
            return line
        accounting, cases = _accounting_phrase(reading, before, after, countries)
        line = _slug(reading, accounting, cases) if accounting else TOTAL
        if line != TOTAL:
            return line
    phrase: list[Token] = []
    # "$1.1 billion worth of hazelnuts": money names its goods after "worth of" as tonnes do after "of"
    worth_of = language == "en" and [t.text.lower() for t in after[:2]] == ["worth", "of"]
    if (physical or worth_of) and amount_unit != "percent":
        rest = list(after)
        if language == "en" and rest[:1] and rest[0].text.lower() == "worth":
            rest = rest[1:]
        if language == "en":
            phrase = _english_phrase(rest[1:], countries) if rest[:1] and rest[0].text.lower() == "of" else []
        else:
            phrase = _russian_phrase(rest, countries)
    if not phrase:
        phrase = _after_a_flow(reading, before, countries, facts.sentence.tokens[0].start)
    if not phrase and language == "en" and before:
        # the subject may stand before the clause the amount's words begin with
        sentence_before = [t for t in facts.sentence.tokens if t.end <= before[-1].end]
        phrase = _before_a_carrying_verb(sentence_before, countries)
    if not phrase or _listed(phrase, [*before, *after]):
        return None
    return _slug(reading, phrase)


_COUNTED_REACH = 5


def counted_goods(reading: Reading, after: Sequence[Token]) -> str:
    """The goods counted one by one, named right after their number ("1,240 passenger cars", "2 310
    грузовых автомобилей", "12,500 head of cattle"): their noun and the words describing it, but not
    the country's ("Korean cars"); never all goods, as a count of no kind is none."""
    words = [t for t in after[:_COUNTED_REACH] if t.text[:1].isalpha()]
    if words and COUNTING_WORD.fullmatch(words[0].text):
        words = words[2:] if words[1:2] and words[1].text.lower() == "of" else words[1:]
    end = next((i for i, t in enumerate(words) if COUNTED_NOUN.fullmatch(t.text)), None)
    phrase = [t for t in words[: end + 1] if not t.text[:1].isupper()] if end is not None else []
    if not phrase:
        return "items"
    known = reading.cues("COMMODITIES", phrase)
    if known:
        return known[0].value
    slug = _slug(reading, phrase)
    return slug if slug != TOTAL else "items"


def _attached_phrase(
    reading: Reading, before: Sequence[Token], countries: set[int], marks: set[str] = _ATTACHING
) -> list[Token]:
    """A line of goods told with its own amount: the goods before a dash ("из них машины — 41,3 млн",
    "of which steel bars — $74 million") or before the bracket the amount stands in ("сухофрукты
    (1 240 тонн)"). The words must open after a break or a word of no goods ("из них", "составили",
    "of which"): a name before them makes them a place's or a firm's line, not goods."""
    if not before or before[-1].text not in marks:
        return []
    language = reading.language
    words: list[Token] = []
    for token in reversed(before[:-1]):
        if token.text.lower() in _JOINERS and words:
            words.insert(0, token)
            continue
        if token.start not in countries and _nominal(token.text, language):
            if sum(t.text.lower() not in _JOINERS for t in words) >= _LONGEST_PHRASE:
                return []
            words.insert(0, token)
            continue
        if token.start in countries or token.text[:1].isupper() or token.text[:1].isdigit():
            return []
        break
    while words and words[0].text.lower() in _JOINERS:
        words = words[1:]
    if not words or reading.cues("INDICATORS", words):
        return []
    if language == "ru" and not _russian_head(words[-1].text):
        return []
    return [t for t in words if t.text != ","]


# "…, of which gold accounted for $1.2 billion": the verb between the goods and their amount
_ACCOUNTED = {"accounted", "accounts", "account"}
# the words that may open the goods before it: the sentence's start or a relative "of which"
_CLAUSE_OPENERS = {"which", ",", ";", ":", "—", "–"}
# "на долю зерна пришлось…", "…64 млн пришлось на зерно": the verb of a part falling to its goods
FELL_TO = re.compile(r"(?:пришл|приход)", re.IGNORECASE)
_ACCUSATIVE = {"accs"}


def _accounting_phrase(
    reading: Reading, before: Sequence[Token], after: Sequence[Token], countries: set[int]
) -> tuple[list[Token], set[str]]:
    """A part of a total told as the goods it is accounted for by: "of which non-monetary gold
    accounted for USD 1.29 billion", "Pharmaceutical products accounted for USD 7.4 million", "на
    долю зерна пришлось 64 млн", "из которых 38,2 млн пришлось на хлопковую пряжу". A flow or a
    country in the place of the goods ("of which exports accounted for", "на долю Китая пришлось")
    is the total of that flow or side: no goods. Returns the phrase and the case it is read in."""
    words = [t for t in before if not t.text[:1].isdigit()]
    if reading.language == "en":
        if len(words) < 3 or words[-1].text.lower() != "for" or words[-2].text.lower() not in _ACCOUNTED:
            return [], _GENITIVE
        phrase: list[Token] = []
        for token in reversed(words[:-2]):
            word = token.text
            if token.start in countries or word.lower() in _FLOW_NOUNS["en"]:
                return [], _GENITIVE
            if _english_word(word) and len(phrase) < _LONGEST_PHRASE:
                phrase.insert(0, token)
                continue
            if word.lower() in _CLAUSE_OPENERS and phrase:
                break
            if word[:1].isupper() and token is before[0] and _english_word(_opening(token, True)):
                phrase.insert(0, token)  # the sentence's first word: "Pharmaceutical products accounted…"
                break
            return [], _GENITIVE
        return phrase, _GENITIVE
    share = next(
        (
            i
            for i, t in enumerate(words[:-1])
            if t.text.lower() == "долю" and i and words[i - 1].text.lower() == "на"
        ),
        None,
    )
    if share is not None and FELL_TO.match(words[-1].text):
        return _russian_phrase(words[share + 1 : -1], countries), _GENITIVE
    # "из них на продовольствие пришлось порядка 96 млн": the goods after "на", before the verb
    qualifiers = {i for m in reading.cues("BOUNDS", words) for i in range(m.first, m.last)}
    verb = len(words) - 1
    while verb > 0 and verb in qualifiers:
        verb -= 1
    on = next((i for i in range(verb - 1, -1, -1) if words[i].text.lower() == "на"), None)
    if FELL_TO.match(words[verb].text) and on is not None and 0 < verb - on - 1 <= _LONGEST_PHRASE:
        return _russian_phrase(words[on + 1 : verb], countries, _ACCUSATIVE), _ACCUSATIVE
    rest = list(after)
    if len(rest) >= 3 and FELL_TO.match(rest[0].text) and rest[1].text.lower() == "на":
        return _russian_phrase(rest[2:], countries, _ACCUSATIVE), _ACCUSATIVE
    return [], _GENITIVE


# The verbs by which a clause before a colon makes its subject the goods told after it: "Fishmeal
# remained the largest item bought from Peru: 118,500 tonnes were imported".
_EN_GOODS_VERBS = {
    "remained", "remains", "was", "is", "were", "are", "made", "makes", "dominated", "dominates",
    "led", "leads", "topped", "tops", "stayed", "stays", "accounted", "accounts",
}  # fmt: skip


def goods_before_colon(reading: Reading, facts: SentenceFacts, amount_start: int) -> str | None:
    """The goods a clause before a colon makes its subject, for an amount after the colon whose own
    words name no goods and no flow of their own ("Fishmeal remained the largest item bought from
    Peru: 118,500 tonnes were imported", "Главной статьёй экспорта остаются сухофрукты: их
    отправлено 1,8 тыс. тонн"); None when no such clause is there."""
    tokens = [t for t in facts.sentence.tokens if t.end <= amount_start]
    colons = [i for i, t in enumerate(tokens) if t.text == ":"]
    if not colons:
        return None
    colon = colons[-1]
    after = tokens[colon + 1 :]
    if any(
        a_flow_noun(reading, after, cue) and not _of_them(after, cue.last)
        for cue in reading.cues("INDICATORS", after)
    ):
        return None
    if reading.cues("COMMODITIES", after) or any(of_no_kind(reading.language, t.text) for t in after):
        return None  # "…: goods exported by Nigeria to Ghana were valued at…": the total
    countries = {t.start for m in facts.countries for t in facts.sentence.tokens[m.first : m.last]}
    if reading.language == "ru":
        phrase = _attached_phrase(reading, tokens[: colon + 1], countries, {":"})
        opening = next((i for i, t in enumerate(tokens) if phrase and t is phrase[0]), 0)
        if opening and parses(tokens[opening - 1].text)[0].tag.POS == "PREP":
            return None  # "…, для сравнения: …": a preposition's phrase, not the clause's subject
    else:
        # the clause opens after an earlier colon, as an interview's "A:"
        opening = colons[-2] + 1 if len(colons) > 1 else 0
        phrase = _opening_goods(tokens[opening:colon], countries)
    if not phrase or any(t.text.lower() in _JOINERS for t in phrase):
        return None  # "Refined petroleum products and cement dominated…": the make-up of a total
    line = _slug(reading, phrase, _NOMINATIVE)
    return None if line == TOTAL else line


# The verbs that give an amount to the goods a sentence opens on ("Peruvian fishmeal alone came to…")
_EN_AMOUNT_VERBS = {"came", "amounted", "reached", "totalled", "totaled", "stood", "rose", "fell", "grew"}
_EN_ALONE = {"alone", "only"}
# What a sentence may open on that measures the flow rather than naming its goods
_EN_MEASURES = {
    "volume",
    "volumes",
    "growth",
    "demand",
    "output",
    "production",
    "prices",
    "value",
    "throughput",
    "traffic",
}


def goods_opening_the_sentence(reading: Reading, facts: SentenceFacts, amount_start: int) -> str | None:
    """The goods an English sentence opens on, for its first amount, told by a verb of the amount
    or a participle of their carriage right after them ("Peruvian fishmeal alone came to 85,000
    tonnes", "Zambian cobalt carried through Tanzania reached…"). People or firms ("Kenyan
    exporters shipped…") and flows ("Bilateral trade reached…") are no goods."""
    if reading.language != "en":
        return None
    tokens = [t for t in facts.sentence.tokens if t.end <= amount_start]
    countries = {t.start for m in facts.countries for t in facts.sentence.tokens[m.first : m.last]}
    words: list[Token] = []
    index = 0
    while index < len(tokens) and tokens[index].start in countries:
        index += 1  # "Namibian grapes"
    for token in tokens[index:]:
        word = _opening(token, token is tokens[0])
        if not _english_word(word) or word.endswith("ed") or len(words) > _LONGEST_PHRASE:
            break
        words.append(token)
    rest = tokens[index + len(words) :]
    if rest[:1] and rest[0].text in _EN_ALONE:
        rest = rest[1:]
    if not words or not rest or not (rest[0].text in _EN_AMOUNT_VERBS or rest[0].text.endswith("ed")):
        return None
    if reading.cues("INDICATORS", words) or any(
        re.search(r"(?:er|or)s$", t.text) or t.text.lower() in _EN_MEASURES for t in words
    ):
        return None
    line = _slug(reading, words)
    return None if line == TOTAL else line


def of_no_kind(language: str, word: str) -> bool:
    if language == "en":
        return word.lower() in _ANY_KIND["en"]
    return bool(re.fullmatch(r"[а-яё]+", word)) and fold(parses(word)[0].normal_form) in _ANY_KIND["ru"]


# "exports of them", "our exports of it": a flow of the goods told before
def _of_them(tokens: Sequence[Token], at: int) -> bool:
    return [t.text.lower() for t in tokens[at : at + 2]] in (["of", "it"], ["of", "them"])


# Words that open an aside naming the goods' main kind or a part ("Nuts, mainly hazelnuts, led…")
_ASIDE_OPENERS = {w for w in vocab.COMMODITY_MAKE_UP["en"] if " " not in w} | {
    "including",
    "especially",
    "notably",
}


def _opening_goods(tokens: Sequence[Token], countries: set[int]) -> list[Token]:
    """The goods an English sentence opens on, before a verb that makes them its subject
    ("Peruvian fishmeal remained…", "Crude oil made up…"), past an aside between commas that
    names their main kind ("Nuts, mainly hazelnuts, led…")."""
    words: list[Token] = []
    aside = False
    for index, token in enumerate(tokens):
        if aside or (
            token.text == ","
            and words
            and tokens[index + 1 : index + 2]
            and tokens[index + 1].text in _ASIDE_OPENERS
        ):
            aside = not (aside and token.text == ",")
            continue
        word = _opening(token, index == 0)
        if token.start in countries and not words:
            continue  # "Peruvian fishmeal"
        if word in _EN_GOODS_VERBS:
            return words
        if not _english_word(word) or word in _FLOW_NOUNS["en"] or len(words) >= _LONGEST_PHRASE:
            return []
        words.append(token)
    return []


def a_flow_noun(reading: Reading, tokens: Sequence[Token], cue: Mention[str]) -> bool:
    """Whether a flow cue is a noun ("exports", "экспорт"), which opens a figure of its own, rather
    than a verb or participle of the flow ("were shipped", "отгруженных")."""
    cued = tokens[cue.first : cue.last]
    if reading.language == "ru":
        return any(parses(t.text)[0].tag.POS == "NOUN" for t in cued)
    return not any(t.text.lower().endswith("ed") or t.text.lower() in _TRADE_VERBS for t in cued)


def _nominal(word: str, language: str) -> bool:
    """A lowercase word that may stand in a nominative phrase of goods."""
    if language == "en":
        return _english_word(word) and word not in _EN_NOT_BEFORE_AMOUNT
    if not re.fullmatch(r"[а-яё][а-яё-]*", word):
        return False
    readings = parses(word)
    if readings[0].tag.POS in _FUNCTION_WORDS or fold(readings[0].normal_form) in _RU_NOT_GOODS:
        return False
    return any(p.tag.case == "nomn" and p.tag.POS in _PHRASE_POS for p in readings)


def _russian_head(word: str) -> bool:
    """A Russian phrase ends on a noun, or on a plural adjective standing for one ("цитрусовые")."""
    readings = [p for p in parses(word) if p.tag.case == "nomn" and p.tag.POS in _PHRASE_POS]
    return any(p.tag.POS == "NOUN" or p.tag.number == "plur" for p in readings)


def _listed(phrase: list[Token], tokens: list[Token]) -> bool:
    """Goods that open a list ("of Japanese cars, machinery and electronics"): the make-up of a
    total, not one line of it."""
    following = [t for t in tokens if t.start >= phrase[-1].end][:2]
    return (
        len(following) == 2
        and following[0].text == ","
        and following[1].text[:1].islower()
        and not _aside(following[1].text)
    )


def _aside(word: str) -> bool:
    """A word after a comma that opens an aside or a clause, not the next goods of a list ("…
    пальмового масла, напротив, сократились", "…of wheat, however,")."""
    if re.fullmatch(r"[а-яё-]+", word):
        return parses(word)[0].tag.POS in _FUNCTION_WORDS | {"VERB", "GRND", "PRED"}
    return word.endswith("ly") or word in _EN_NOT_GOODS or word in {"however", "meanwhile"}


def _after_a_flow(
    reading: Reading, before: Sequence[Token], countries: set[int], sentence_start: int
) -> list[Token]:
    """The goods named with the flow nearest before the amount: "exports of X", "X exports",
    "экспорт X" (genitive). Before an English flow word, a mover makes it a verb, whose object
    is the goods ("we import crude oil"), and "to" an infinitive ("plans to increase shipments"):
    neither is goods."""
    language = reading.language
    cues = reading.cues("INDICATORS", before)
    if not cues:
        return []
    cue = cues[-1]
    # "shipments to": a cue may end on the preposition that marks the partner
    if not any(_flow_noun(token, language) for token in before[cue.first : cue.last]):
        return []
    rest = list(before[cue.last :])
    if language == "ru":
        return _russian_phrase(rest, countries)
    if rest[:1] and rest[0].text.lower() == "of":
        return _english_phrase(rest[1:], countries)
    words: list[Token] = []
    if cue.first and before[cue.first - 1].text.lower() in _JOINERS:
        return []  # "…, while imports", "at current prices and imports": no goods word beside the flow
    opener = None
    for token in reversed(before[: cue.first]):
        word = _opening(token, token.start == sentence_start)
        if token.start in countries or not _english_word(word) or len(words) >= _LONGEST_PHRASE - 1:
            opener = token
            break
        words.insert(0, token)
    if opener is not None and opener.text.lower() == "to" and words:
        words = words[1:]  # "to boost wheat shipments": the infinitive is no goods
    if words and words[0].text[:1].isupper() and (len(words) == 1 or _PROPER_ADJECTIVE.search(words[0].text)):
        words = words[1:]  # "Ecuadorian exports…": the sentence's first word a side, not goods
    while words and words[0].text.lower() == "and":
        words = words[1:]
    if any(t.text.lower() in _MOVERS for t in words):
        return _english_phrase(rest, countries)  # "we import Nigerian crude oil": the verb's object
    return words


# Participles that tell goods moving ("Thai fruit carried by road…", "zinc ore shipped through…")
_CARRYING = frozenset(
    {
        "shipped",
        "carried",
        "exported",
        "imported",
        "moved",
        "handled",
        "delivered",
        "transported",
        "supplied",
        "sent",
        "pumped",
        "trucked",
        "transited",
    }
)


# Who moves goods, not what moves: "Kyrgyz exporters sent…", "Uzbek shippers moved…"
_MOVERS = frozenset(
    {
        "exporters",
        "importers",
        "shippers",
        "traders",
        "producers",
        "growers",
        "farmers",
        "manufacturers",
        "suppliers",
        "buyers",
        "sellers",
        "companies",
        "firms",
        "operators",
        "carriers",
        "officials",
        "authorities",
        "it",
        "they",
        "we",
    }
)


def _before_a_carrying_verb(before: Sequence[Token], countries: set[int]) -> list[Token]:
    """English goods told as the subject, between a country's name or adjective (or the sentence's
    start) and the participle that moves them: "Thai fruit carried by road…", "South African
    chrome and magnetite shipped out through…"."""
    for index, token in enumerate(before):
        if token.text.lower() not in _CARRYING or index == 0:
            continue
        if any(t.text[:1].isdigit() for t in before[index:]):
            return []  # an amount between: the subject is an earlier figure's
        words: list[Token] = []
        for previous in reversed(before[:index]):
            if previous.start in countries:
                break
            first = previous is before[0]
            if not _english_word(_opening(previous, first)):
                return []
            words.insert(0, previous)
            if len(words) > _LONGEST_PHRASE - 1:
                return []
        while words and words[0].text.lower() in _JOINERS:
            words = words[1:]
        # movers, and the works that make goods ("wineries", "refineries"), are no goods
        if any(t.text.lower() in _MOVERS | _FLOW_NOUNS["en"] or t.text.endswith("eries") for t in words):
            return []
        return words
    return []


def _flow_noun(token: Token, language: str) -> bool:
    if language == "en":
        return token.text.lower() in _FLOW_NOUNS["en"]
    readings = parses(token.text)
    return readings[0].tag.POS == "NOUN" and fold(readings[0].normal_form) in _FLOW_NOUNS["ru"]


# How an adjective of a place or people ends ("Ecuadorian", "Japanese", "Turkish", "Omani")
_PROPER_ADJECTIVE = re.compile(r"(?:an|ese|ish|i)$")


def _opening(token: Token, first: bool) -> str:
    """A word as a phrase of goods reads it: the sentence's first word lowercased ("Copper
    concentrate exports…"), unless written in capitals, an agency's or a firm's initials ("ELSTAT
    counted…")."""
    return token.text.lower() if first and not token.text.isupper() else token.text


def _english_word(word: str) -> bool:
    return bool(re.fullmatch(r"[a-z][a-z-]*", word)) and word not in _EN_NOT_GOODS


def _english_phrase(tokens: Sequence[Token], countries: set[int]) -> list[Token]:
    """Lowercase words after "of", past the demonyms or names that open them ("of Georgian
    hazelnuts")."""
    words: list[Token] = []
    for token in tokens:
        if not words and (token.start in countries or token.text[:1].isupper()):
            continue
        if not _english_word(token.text) or len(words) >= _LONGEST_PHRASE:
            break
        if words and (token.text.endswith("ed") or token.text in _DESTINED):
            break  # "tonnes of Uzbek cargo crossed…", "of Dutch cargo bound for…": the verb after the goods
        words.append(token)
    while words and words[-1].text == "and":
        words.pop()
    return words


def _russian_phrase(tokens: Sequence[Token], countries: set[int], cases: set[str] = _GENITIVE) -> list[Token]:
    """Nouns and adjectives in the genitive, joined by "и", past the demonyms that open them
    ("турецких томатов", "электроники и бытовой техники")."""
    words: list[Token] = []
    for token in tokens:
        if token.start in countries:
            if words:
                break
            continue
        if token.text.lower() == "и" and words:
            words.append(token)
            continue
        parse = _genitive(token.text, cases)
        if parse is None or len(words) >= _LONGEST_PHRASE:
            break
        if fold(parse.normal_form) in _RU_NOT_GOODS:
            break
        words.append(token)
    while words and words[-1].text.lower() == "и":
        words.pop()
    # a phrase ends on a noun, or on an adjective standing for one ("египетских цитрусовых")
    last = _genitive(words[-1].text, cases) if words else None
    if last is not None and last.tag.POS != "NOUN" and last.tag.number != "plur":
        return []
    return words


def _genitive(word: str, cases: set[str] = _GENITIVE) -> Any:
    if not re.fullmatch(r"[а-яёА-ЯЁ-]+", word):
        return None
    readings = parses(word)
    if readings[0].tag.POS in _FUNCTION_WORDS or "Abbr" in readings[0].tag:
        return None  # "в", "из": a preposition read first, whatever else the letters may be
    genitive = [p for p in readings if p.tag.case in cases and p.tag.POS in _PHRASE_POS]
    return genitive[0] if genitive else None


def _slug(reading: Reading, phrase: list[Token], cases: set[str] = _GENITIVE) -> str:
    language = reading.language
    known = reading.cues("COMMODITIES", phrase)
    if known:
        return known[0].value
    if language == "en":
        words = [t.text.lower() for t in phrase]
        heads = {words[-1]}
    else:
        words = _nominative(phrase, cases)
        heads = {fold(p.normal_form) for p in parses(phrase[-1].text)} | {fold(words[-1])}
    if heads & _ANY_KIND[language] or (
        heads & _NO_KIND[language]
        and all(
            fold(w) in _NO_KIND_MODIFIERS[language] or _modifier_lemma(w, language) or _DESTINED_FOR.search(w)
            for w in words[:-1]
        )
    ):
        return TOTAL
    kept: list[str] = []
    for word in words:
        if len("_".join([*kept, word])) > _SLUG_LENGTH:
            # cut at the last joiner rather than inside an item ("машины_оборудование", not
            # "машины_оборудование_и_транспортные")
            joiner = max((i for i, w in enumerate(kept) if w in _JOINERS), default=0)
            kept = kept[:joiner] or kept
            break
        kept.append(word)
    return "_".join(kept)


# Goods told by where they go are goods of no kind: "cargo bound for Armenia", "Burundi-bound goods".
_DESTINED = {"bound", "destined", "headed"}
_DESTINED_FOR = re.compile(r"-bound$")


def _modifier_lemma(word: str, language: str) -> bool:
    if language != "ru":
        return False
    return any(fold(p.normal_form) in _NO_KIND_MODIFIERS["ru"] for p in parses(word))


def _nominative(phrase: list[Token], cases: set[str] = _GENITIVE) -> list[str]:
    """A Russian phrase in the genitive put in the nominative, each adjective agreeing with the noun
    after it ("сухого молока" → "сухое", "молоко"); the words after each item's noun are its own
    genitive and stay so ("карбоната лития" → "карбонат", "лития")."""
    genitives = [_genitive(t.text, cases) if t.text.lower() != "и" else None for t in phrase]
    words = []
    head_told = False
    for i, token in enumerate(phrase):
        parse = genitives[i]
        if token.text.lower() in _JOINERS:
            head_told = False
        if parse is None or head_told:
            words.append(token.text.lower())
            continue
        head_told = parse.tag.POS == "NOUN"
        if parse.tag.POS != "NOUN":
            noun = next((p for p in genitives[i + 1 :] if p is not None and p.tag.POS == "NOUN"), None)
            if noun is not None:
                agreeing = [
                    p
                    for p in parses(token.text)
                    if p.tag.case in cases
                    and p.tag.POS == parse.tag.POS
                    and p.tag.number == noun.tag.number
                    and (noun.tag.number == "plur" or p.tag.gender == noun.tag.gender)
                ]
                parse = agreeing[0] if agreeing else parse
        inflected = parse.inflect({"nomn"})
        words.append((inflected.word if inflected else token.text).lower())
    return words
