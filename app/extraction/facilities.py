"""Facilities without a proper name, named by what they are and where they stand: "ветровая
электростанция в Каракалпакстане", "строительство в Сурхандарьинской области агропромышленной
зоны", "a seawater desalination plant in the Mangystau region", "a joint logistics centre near Almaty".

Annotators name such a facility by its description and its place (bench/extraction/README.md), so
the name is the text's own words: the head and the words that describe it, in the nominative in
Russian, then the place as written. A head said without a place, a quoted name or a capitalised
name before it ("the plant", "новый завод") is a common noun, not a project."""

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
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

    @property
    def described(self) -> range:
        """The token indexes of its description and head, without a place told before them."""
        before = self.place and self.place.stop <= self.head
        return range(self.place.stop if before else self.first, self.head + 1)


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
        if mention.first > 0 and tokens[mention.last - 1].capitalized:
            continue  # "the Korean-Uzbek Technopark": a head inside a proper name
        facility = find(tokens, mention.first, mention.last, mention.value)
        if facility is None or used & set(range(facility.first, facility.last)):
            continue
        if all(i in countries for i in facility.place if tokens[i].capitalized):
            continue  # "a solar power plant in Georgia"
        if _venue(language, tokens[facility.first : facility.head]):
            continue  # "the exhibition centre in Astana": where something is held, not a project
        if language == "ru":
            facility = _ru_owned(tokens, facility, countries)
        found.append(facility)
        used |= set(range(facility.first, facility.last))
    return found


def _names_itself(head: list[Token]) -> bool:
    """A head that says what it is without a describing word ("a refinery", "гидроэлектростанция")."""
    return " ".join(_parse(token).normal_form for token in head) in vocab.PROJECT_PLACED_HEADS_ALONE


def _venue(language: str, describing: list[Token]) -> bool:
    words = vocab.NOT_FACILITY_WORDS[language]
    if language == "ru":
        return any(_parse(token).normal_form in words for token in describing)
    return any(token.text.lower() in words for token in describing)


_AIRPORT = re.compile(r"(?i)airport|аэропорт")
_HUB = re.compile(r"(?i)\bhub\b|\bхаб")
_OF_A_PORT = re.compile(r"(?i)\bport\b|\bпорт|\bcontainer|\bконтейнер")


_IN_A_PORT = re.compile(r"(?i)\b(?:port|порт[уа]?)\b")


def _kind(kind: str, name: str) -> str:
    # A terminal or hub is a port's, unless it is an airport's ("хаб при аэропорте Навои"); a hub
    # neither in a port nor for containers ("a logistics hub near Rustavi") is a facility of its own;
    # a centre or a plant that stands in a port is the port's (README: conventions settled).
    if kind != "port":
        return "port" if _IN_A_PORT.search(name) and not _AIRPORT.search(name) else kind
    if _AIRPORT.search(name) or (_HUB.search(name) and not _OF_A_PORT.search(name)):
        return "other"
    return kind


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
_RU_PLACE_PREPOSITIONS = frozenset({"в", "во", "под", "у", "при", "около", "близ", "на"})
# "на" names a place only by a river or lake ("на реке Пяндж"); a coast is too wide a place.
_RU_WATER = frozenset({"река", "озеро"})
_RU_STOP_POS = frozenset({"VERB", "INFN", "PRTF", "PRTS", "GRND", "CONJ", "PREP", "ADVB", "NPRO", "PRCL"})
_ALPHA = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
# A capacity or a cost after the head, left out of the name: "мощностью около 500 МВт",
# "стоимостью 300 млн долларов", "производительностью 1 млн тонн в год".
_RU_MEASURES = frozenset(
    {"мощность", "стоимость", "производительность", "вместимость", "площадь", "объём", "объем"}
)
_RU_MEASURE_WORDS = frozenset(
    {
        *("около", "более", "свыше", "порядка", "почти", "до", "млн", "млрд", "тыс", "миллион"),
        *("миллиард", "тысяча", "доллар", "долл", "евро", "тенге", "рубль", "сум", "манат", "юань"),
        *("сомонить", "сомони", "сом", "лари", "драм", "сша", "мвт", "гвт", "квт", "мегаватт", "гигаватт"),
        *("тонна", "т", "кубометр", "куб", "м", "гектар", "га", "кв", "$"),
    }
)
_RU_PER = frozenset({"год", "сутки", "час"})
# Words that tell a facility being built or opened between it and its place ("будет построена в
# …", "В Хоргосе открылся логистический центр", "В порту Алят продолжается строительство хаба").
_RU_BUILT = frozenset(
    {
        *("построить", "строить", "строиться", "возвести", "возводить", "возводиться", "открыть"),
        *("открыться",),
        *("запустить", "создать", "разместить", "располагаться", "появиться", "быть", "заработать"),
        *("находиться", "строительство", "возведение", "сооружение", "начаться", "начать"),
        *("продолжаться", "вестись", "стартовать", "реконструкция", "расширение", "модернизация"),
        *("ввести", "сдать", "эксплуатация", "строй"),
    }
)


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
    if tokens[at].text.lower() == "на" and (
        at + 1 >= len(tokens) or _parse(tokens[at + 1]).normal_form not in _RU_WATER
    ):
        return None  # "на границе", "на базе университета"
    end, limit = at + 1, len(tokens) if limit is None else limit
    while end < limit and end - at <= 5 and _ALPHA.fullmatch(tokens[end].text):
        parse = _parse(tokens[end])
        if not tokens[end].capitalized and (
            parse.tag.POS in _RU_STOP_POS
            or parse.normal_form in _RU_STATE | _RU_BUILT
            or parse.tag.case == "ablt"
        ):
            break  # not "… в Республике Каракалпакстан мощностью"
        end += 1
    while end > at + 1 and not (tokens[end - 1].capitalized or _parse(tokens[end - 1]).tag.POS == "NOUN"):
        end -= 1
    if end == at + 1 or not any(tokens[i].capitalized for i in range(at + 1, end)):
        return None
    return end


def _ru_after_measure(tokens: list[Token], at: int) -> int:
    """Where the numbers and measure words of a capacity or cost starting at `at` end: "300 млн
    долларов", "1 млн тонн в год"."""
    end, numbers = at, 0
    while end < len(tokens) and end - at <= 8:
        text = tokens[end].text.lower()
        if text[:1].isdigit():
            numbers += 1
        elif text == "в" and end + 1 < len(tokens) and _parse(tokens[end + 1]).normal_form in _RU_PER:
            end += 1
        elif text not in {",", ".", "$"} and _parse(tokens[end]).normal_form not in _RU_MEASURE_WORDS:
            break
        end += 1
    return end if numbers else at


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
        if _parse(tokens[i]).normal_form in _RU_MEASURES:
            # "зону площадью 300 гектаров для предприятий …": after a measure only the place may follow
            j = _ru_after_measure(tokens, i + 1)
            return spans, (j if j > i + 1 else i)
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
    start = first
    while start > 0 and _ru_describing(tokens[start - 1]):
        start -= 1
    spans, after = _ru_complement(tokens, last)
    described = start < first or last - first > 1 or bool(spans) or _names_itself(tokens[first:last])
    if not described:
        return None
    words = _nominative_phrase(tokens[start:last])
    head = " ".join(words)
    head = head[:1].upper() + head[1:]
    name = " ".join([head, *(_text(tokens, a, b) for a, b in spans)])
    place_at = _ru_past_building(tokens, after, len(tokens))
    place_end = _ru_place(tokens, place_at)
    if place_end is None and _ru_building_clause(tokens, after):
        # "цементный завод, строящийся в Костанайской области": a participle's clause tells its place
        place_at = after + 2
        place_end = _ru_place(tokens, place_at)
    begin, end = start, after
    if place_end is not None:
        name += " " + _text(tokens, place_at, place_end)
        end = place_end
        place = range(place_at + 1, place_end)
    else:
        before = next(
            (
                (p, place_end)
                for p in range(start - 1, max(-1, start - 10), -1)
                if (place_end := _ru_place(tokens, p, start)) is not None
                and _ru_past_states(
                    tokens,
                    _ru_past_building(
                        tokens,
                        _ru_past_partners(tokens, _ru_past_where(tokens, place_end, start), start),
                        start,
                    ),
                    start,
                )
                == start
            ),
            None,
        )
        if before is None or any(tokens[a].text in "«“" for a, _ in spans):
            return None  # "центр «Дала»": a quoted name without a place names an organisation as often
        # "в Сурхандарьинской области агропромышленной зоны", "В Хоргосе открылся логистический
        # центр": the place comes before its name
        place_text = _text(tokens, before[0], before[1])
        name += " " + place_text[:1].lower() + place_text[1:]  # "В Хоргосе" opening the sentence
        begin, place = before[0], range(before[0] + 1, before[1])
    return Facility(_kind(kind, name), name, begin, end, last - 1, place)


# Participles that tell a facility being built, opening a clause after it ("завод, строящийся в …").
_RU_BUILDING = frozenset({"строиться", "возводить", "возводиться", "сооружать", "создавать", "построить"})


def _ru_building_clause(tokens: list[Token], at: int) -> bool:
    if at + 2 >= len(tokens) or tokens[at].text != ",":
        return False
    parse = _parse(tokens[at + 1])
    return parse.tag.POS == "PRTF" and parse.normal_form in _RU_BUILDING


def _ru_past_states(tokens: list[Token], at: int, limit: int) -> int:
    """Past the words from `at` that tell a facility's standing, not what it is (_RU_STATE: "В Поти
    строится отдельный ро-ро терминал")."""
    while at < limit and _ALPHA.fullmatch(tokens[at].text) and _parse(tokens[at]).normal_form in _RU_STATE:
        at += 1
    return at


_RU_OWN = frozenset({"собственный", "свой"})


def _ru_owned(tokens: list[Token], facility: Facility, countries: set[int]) -> Facility:
    """ "Туркменская компания строит в порту Батуми собственный терминал": a facility told as its
    builder's own is named after the country of that builder, its adjective the sentence's subject
    ("Туркменский терминал … в порту Батуми"), unless its description names a country already
    ("собственный казахстанский зерновой терминал") or the subject has none ("компания")."""
    told = range(max(0, facility.described.start - 1), facility.head)
    if not any(_parse(tokens[i]).normal_form in _RU_OWN for i in told) or countries & set(told):
        return facility
    owner = next(
        (
            parse
            for i in sorted(countries)
            if i < facility.described.start
            and (parse := _parse(tokens[i])).tag.POS == "ADJF"
            and parse.tag.case == "nomn"
        ),
        None,
    )
    gender = _parse(tokens[facility.head]).tag.gender
    adjective = owner.inflect({"sing", "nomn", gender}) if owner is not None and gender else None
    if adjective is None:
        return facility
    rest = facility.name if facility.name[1:2].isupper() else facility.name[:1].lower() + facility.name[1:]
    return replace(facility, name=f"{adjective.word.capitalize()} {rest}")


def _ru_past_where(tokens: list[Token], at: int, limit: int) -> int:
    """Past ", где" and the clause's subject ("польская компания", "германский концерн"): "в
    Марыйском велаяте, где польская компания возводит завод": the place told first, in a clause
    of its own, and the facility built there."""
    if at + 1 >= limit or tokens[at].text != "," or tokens[at + 1].text.lower() != "где":
        return at
    return _ru_words_while(tokens, at + 2, limit, 3, _ru_nominative)


def _ru_nominative(token: Token) -> bool:
    return any(p.tag.POS in {"ADJF", "NOUN"} and p.tag.case == "nomn" for p in _analyzer().parse(token.text))


def _ru_genitive(token: Token) -> bool:
    return bool(_parse(token).tag.case == "gent")


def _ru_words_while(
    tokens: list[Token], at: int, limit: int, longest: int, wanted: Callable[[Token], bool]
) -> int:
    """Past up to `longest` words from `at` that are `wanted` and tell no works (_RU_BUILT)."""
    end = at
    while (
        end < limit
        and end - at < longest
        and _ALPHA.fullmatch(tokens[end].text)
        and _parse(tokens[end]).normal_form not in _RU_BUILT
        and wanted(tokens[end])
    ):
        end += 1
    return end


def _ru_past_partners(tokens: list[Token], at: int, limit: int) -> int:
    """Past "при участии эмиратских инвесторов", "с участием турецкой компании": who takes part in
    the works, told between a facility's place and the works."""
    if at + 1 >= limit or tokens[at].text.lower() not in {"при", "с"}:
        return at
    if _parse(tokens[at + 1]).normal_form != "участие":
        return at
    return _ru_words_while(tokens, at + 2, limit, 4, _ru_genitive)


def _ru_past_building(tokens: list[Token], at: int, limit: int) -> int:
    """Past up to three words from `at` that tell a facility being built or opened (_RU_BUILT)."""
    end = at
    while end < limit and end - at < 4 and _ALPHA.fullmatch(tokens[end].text):
        into = (
            tokens[end].text.lower() == "в"
            and end + 1 < limit
            and _parse(tokens[end + 1]).normal_form in _RU_BUILT
        )
        if not into and _parse(tokens[end]).normal_form not in _RU_BUILT:
            break  # "в" only as in "введён в эксплуатацию"
        end += 1
    return end


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
_EN_PLACE_PREPOSITIONS = frozenset({"in", "near", "at", "on"})
_EN_PLACE_KINDS = frozenset(
    {"region", "district", "province", "port", "airport", "zone", "area", "oblast", "checkpoint", "crossing"}
)
# "on" names a place only by a river or lake ("on the Naryn River"); a coast is too wide a place.
_EN_WATER_KINDS = frozenset({"river", "lake"})
# "at the port of Aktau", "in the city of Turkmenabat": the place's kind before its name.
_EN_KIND_OF = frozenset({"port", "city", "town", "village", "seaport", "state"})
# Of those, the kinds that only say what a settlement or a province is, left out of a facility's
# name ("in the state of Maharashtra" is "in Maharashtra"); a port's stays ("at the port of Aktau").
_EN_KIND_OF_SETTLEMENT = frozenset({"city", "town", "village", "state"})
# Words that make a thing of the noun after them: "a gas processing plant", "a car manufacturing
# plant" (other words in -ing before a head are a verb's: "building a plant", "existing").
_EN_ING_NOUNS = frozenset(
    {"processing", "manufacturing", "packaging", "recycling", "bottling", "refining", "handling", "mining"}
)
# A capacity or a cost between a facility and its place: "a solar plant with a capacity of 200 MW
# in …", "a smelter worth $300 million in …".
_EN_MEASURE_OPENERS = frozenset({"with", "worth", "costing", "valued"})
_EN_MEASURE_WORDS = frozenset(
    {
        *("a", "an", "total", "annual", "design", "installed", "capacity", "of", "at", "per", "year"),
        *("about", "some", "up", "to", "over", "more", "than", "nearly", "around", "almost"),
        *("million", "billion", "bn", "mln", "m", "thousand", "$", "€", "usd", "eur", "dollars", "euros"),
        *("mw", "gw", "kw", "megawatts", "gigawatts", "tonnes", "tons", "cubic", "metres", "meters"),
    }
)
_MONTHS_AND_DAYS = frozenset(
    {
        *("January", "February", "March", "April", "May", "June", "July", "August"),
        *("September", "October", "November", "December"),
        *("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    }
)
_EN_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")
_EN_NAME = re.compile(r"[A-Z][\w'’]*(?:-[\w'’]+)*")


# Prepositions of two words that say "near": named so ("next to Navoi airport" is "near Navoi
# airport"), as annotators name a facility by what it is and where it stands.
_EN_NEAR = frozenset({("next", "to"), ("close", "to")})


def _en_place_preposition(tokens: list[Token], at: int) -> int:
    """How many words the preposition of a place at `at` has: 0 when none is there."""
    if at + 1 < len(tokens) and (tokens[at].text.lower(), tokens[at + 1].text.lower()) in _EN_NEAR:
        return 2
    return int(at < len(tokens) and tokens[at].text.lower() in _EN_PLACE_PREPOSITIONS)


def _en_place(tokens: list[Token], at: int) -> int | None:
    """The end of "in the Mangystau region", "near Almaty", "at Onne port", "in the Jizzakh free
    economic zone": a preposition, names, and words that say what kind of place they are."""
    words = _en_place_preposition(tokens, at)
    if not words:
        return None
    on = tokens[at].text.lower() == "on"
    i = at + words
    if i < len(tokens) and tokens[i].text.lower() == "the":
        i += 1
    if i + 1 < len(tokens) and tokens[i].text.lower() in _EN_KIND_OF and tokens[i + 1].text == "of":
        i += 2
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
        if tokens[j].text in _EN_PLACE_KINDS | _EN_WATER_KINDS:
            end = j + 1
            break
    by_water = tokens[end - 1].text.lower() in _EN_WATER_KINDS
    if on and not by_water:
        return None  # "on Kazakh territory", "on Tuesday"
    return end


def _en_after_measure(tokens: list[Token], at: int) -> int:
    """Where a facility's place may begin after a capacity or cost told between them ("with a
    capacity of 200 MW", "worth $150 million"); `at` itself when none is told there."""
    if at >= len(tokens) or tokens[at].text.lower() not in _EN_MEASURE_OPENERS:
        return at
    end = at + 1
    while end < len(tokens) and end - at <= 9:
        word = tokens[end].text.lower()
        if (
            word in _EN_PLACE_PREPOSITIONS
            and end > at + 1
            and tokens[end - 1].text.lower() not in {"of", "at"}
        ):
            return end if any(t.text[:1].isdigit() for t in tokens[at:end]) else at
        if not (word[:1].isdigit() or word in _EN_MEASURE_WORDS or word in {",", "."}):
            break
        end += 1
    return at


# A facility's state told between it and its place, left out of its name: "a pharmaceutical plant
# under construction in …", "a data centre being built in …", "a refinery to be built by an
# Indonesian company in …" (the builder, up to a few words, may come before the place too).
_EN_STATES = (
    ("under", "construction"),
    ("being", "built"),
    ("being", "constructed"),
    ("being", "set", "up"),
    ("to", "be", "built"),
    ("to", "be", "constructed"),
)
_EN_STATE_ADVERBS = frozenset({"now", "currently", "still", "already"})
_EN_AUXILIARIES = frozenset({"is", "are", "was", "were"})
_EN_BUILDERS = frozenset({"by", "with"})
_EN_NAME_OR_WORD = re.compile(r"[A-Za-z][\w'’]*(?:-[\w'’]+)*")


def _en_after_state(tokens: list[Token], at: int) -> int:
    """Where a facility's place may begin after its state told at `at` ("now under construction",
    "being built by a Turkish company"); `at` itself when no state is told there."""
    i = at + (at < len(tokens) and tokens[at].text.lower() in _EN_AUXILIARIES)
    i += i < len(tokens) and tokens[i].text.lower() in _EN_STATE_ADVERBS
    words = [t.text.lower() for t in tokens[i : i + 3]]
    state = next((s for s in _EN_STATES if tuple(words[: len(s)]) == s), None)
    if state is None:
        return at
    end = i + len(state)
    if end < len(tokens) and tokens[end].text.lower() in _EN_BUILDERS:
        builder = end + 1
        while (
            builder < len(tokens) and builder - end <= 5 and _EN_NAME_OR_WORD.fullmatch(tokens[builder].text)
        ):
            if tokens[builder].text.lower() in _EN_PLACE_PREPOSITIONS:
                return builder
            builder += 1
    return end


# Nouns after a facility's head that make it a word of another thing's name ("the Khorgos free
# economic zone warehouse", "the Alat free economic zone port expansion").
_EN_OF_ANOTHER = frozenset(
    {"port", "expansion", "project", "site", "area", "section", "operator", "company", "management"}
    | {"authority", "administration", "director", "workers", "employees"}
    | {head.split()[0] for head, _ in vocab.PROJECT_PLACED_HEADS["en"]}
)


def _en_placed_before(tokens: list[Token], start: int, last: int, kind: str) -> Facility | None:
    """ "the Pavlodar tyre-recycling plant", "the Busia one-stop border post": a place's name between
    "the" and the words that say what the facility is names it, in the text's order."""
    if start == last - 1 and not _names_itself(tokens[start:last]):
        return None  # "the Almaty plant": nothing says what it is
    begin = start
    while (
        begin > 0
        and start - begin < 3
        and _EN_NAME.fullmatch(tokens[begin - 1].text)
        and tokens[begin - 1].text != "The"
    ):
        begin -= 1
    if begin == start or begin == 0 or tokens[begin - 1].text.lower() != "the":
        return None
    if tokens[begin].text in _MONTHS_AND_DAYS:
        return None
    if begin > 1 and tokens[begin - 2].text.lower() in _EN_PLACE_PREPOSITIONS:
        return None  # "a joint venture at the Kutaisi free industrial zone": where another thing stands
    if last < len(tokens) and tokens[last].text.lower() in _EN_OF_ANOTHER:
        return None  # "the Alat free economic zone port expansion": a word of another thing's name
    name = _text(tokens, begin, last)
    return Facility(_kind(kind, name), name, begin, last, last - 1, range(begin, start))


def _en_describing(token: Token, after: Token | None = None) -> bool:
    """Whether a word before a facility's head says what it is; a word in "-ed" only after an
    article ("a refrigerated warehouse", "a gas-fired power plant"), where it is no verb, and one in
    "-ing" after the goods it works ("a ferroalloy briquetting plant", "a copper smelting plant")."""
    word = token.text
    return (
        _EN_WORD.fullmatch(word) is not None
        and word not in _EN_NOT_DESCRIBING
        and (
            not word.endswith(("ing", "ed"))
            or word in _EN_ING_NOUNS
            or (word.endswith("ed") and after is not None and after.text.lower() in _EN_ARTICLES)
            or (word.endswith("ing") and after is not None and _en_describing(after))
        )
    )


_EN_ARTICLES = frozenset({"a", "an", "the"})

# What a facility is for, told after its head: "an assembly plant for Belarusian tractors", "a
# second plant, for veterinary vaccines,", "a plant to assemble mining trucks". Annotators write the
# goods (a countable one in the singular) and the work before the head: "Belarusian tractor
# assembly plant", "mining truck assembly plant".
_EN_WORK_OF_VERB = {
    "assemble": "assembly",
    "produce": "production",
    "process": "processing",
    "manufacture": "manufacturing",
}
_EN_PLURAL_GOODS = frozenset(
    {"goods", "products", "materials", "solutions", "electronics", "clothes", "chemicals", "pharmaceuticals"}
)
# Words after "for" that say how long or why, not what goods: "a plant for years", "a hub for transit".
_EN_NOT_GOODS = frozenset(
    {
        "years",
        "months",
        "decades",
        "weeks",
        "now",
        "example",
        "instance",
        "export",
        "exports",
        "transit",
        "use",
    }
)


def _en_singular(word: str) -> str:
    if word in _EN_PLURAL_GOODS or not word.endswith("s") or word.endswith(("ss", "us", "is")):
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("sses", "ches", "shes", "xes", "zes", "buses")):
        return word[:-2]
    return word[:-1]


def _en_goods_word(tokens: list[Token], i: int) -> bool:
    word = tokens[i].text
    return (
        _EN_WORD.fullmatch(word) is not None
        and word not in _EN_STOP | _EN_NOT_GOODS | _EN_PLACE_PREPOSITIONS
        and (not word.endswith(("ing", "ed")) or word in _EN_ING_NOUNS)
    )


def _en_purpose(tokens: list[Token], at: int) -> tuple[int, list[str]] | None:
    """Where what a facility is for ends, told after its head at `at`, and the words that say it
    before the head; None when none is told there."""
    i = at + (at < len(tokens) and tokens[at].text == ",")
    opened = i > at
    if i + 1 >= len(tokens):
        return None
    work = _EN_WORK_OF_VERB.get(tokens[i + 1].text.lower()) if tokens[i].text.lower() == "to" else None
    if work is None and tokens[i].text.lower() != "for":
        return None
    i += 2 if work else 1
    first = i
    goods: list[str] = []
    while i < len(tokens) and i - first < 5:
        word = tokens[i].text
        following = i + 1 < len(tokens) and _en_goods_word(tokens, i + 1)
        if i == first and _EN_NAME.fullmatch(word) and following and word not in _MONTHS_AND_DAYS:
            goods.append(word)  # "for Belarusian tractors": who makes or sends them
        elif word == "and" and goods and following:
            goods[-1] = _en_singular(goods[-1])
            goods.append(word)
        elif _en_goods_word(tokens, i):
            goods.append(word)
        else:
            break
        i += 1
    if not goods or goods[-1] == "and" or _EN_NAME.fullmatch(goods[-1]):
        return None
    if opened:
        if i >= len(tokens) or tokens[i].text != ",":
            return None
        i += 1
    goods[-1] = _en_singular(goods[-1])
    return i, goods + ([work] if work else [])


def _english(tokens: list[Token], first: int, last: int, kind: str) -> Facility | None:
    word = tokens[last - 1].text.lower()
    if word.endswith("s") and not word.endswith("ss"):
        return None  # "plants", "terminals": several, not one project
    start = first
    while (
        start > 0
        and _en_describing(tokens[start - 1], tokens[start - 2] if start > 1 else None)
        and not (start > 1 and (tokens[start - 2].text[:1].isdigit() or tokens[start - 2].text in "-$"))
    ):
        start -= 1  # not "200-megawatt", "$150 million": a measure, not what it is
        if start > 1 and tokens[start - 1].text == "and" and _en_describing(tokens[start - 2]):
            start -= 2  # "a transport and logistics hub", "an oil and gas complex"
    purpose = _en_purpose(tokens, last)
    told_after, what_for = purpose or (last, [])
    if start == first and last - first < 2 and not what_for and not _names_itself(tokens[first:last]):
        return None  # "a plant in the Tashkent region": nothing says what it is
    place_at = _en_after_measure(tokens, told_after)
    place_end = _en_place(tokens, place_at)
    if place_end is None:
        place_at = _en_after_state(tokens, told_after)
        place_end = _en_place(tokens, place_at) if place_at > told_after else None
    if place_end is None:
        opening = _en_place_opening(tokens, start)
        if opening is not None:
            # "At the Riga Free Port a terminal for cotton is under construction": the place first
            place_at, place_end = 0, opening
        elif what_for:
            return None
        else:
            return _en_placed_before(tokens, start, last, kind)
    name = " ".join([*what_for, _text(tokens, start, last)])
    place = _en_place_as_named(tokens, place_at, place_end)
    name = name[:1].upper() + name[1:] + " " + place[:1].lower() + place[1:]
    first = min(start, place_at)
    return Facility(
        _kind(kind, name), name, first, max(last, place_end), last - 1, range(place_at + 1, place_end)
    )


def _en_place_opening(tokens: list[Token], start: int) -> int | None:
    """Where a sentence's opening place ends ("At the Riga Free Port", "In the Navoi region,") when
    the facility described from `start` follows it at once, after its article."""
    end = _en_place(tokens, 0) if tokens and tokens[0].capitalized else None
    if end is None:
        return None
    after = end + (end < len(tokens) and tokens[end].text == ",")
    if after >= start or tokens[after].text.lower() not in _EN_ARTICLES:
        return None
    between = tokens[after + 1 : start]  # "a new grain terminal": words of its standing only
    return end if all(token.text.lower() in _EN_NOT_DESCRIBING for token in between) else None


def _en_place_as_named(tokens: list[Token], at: int, end: int) -> str:
    """A facility's place as its name writes it: "in the state of Maharashtra" is "in Maharashtra",
    "next to Navoi airport" is "near Navoi airport"."""
    words = _en_place_preposition(tokens, at)
    preposition = "near" if words == 2 else tokens[at].text
    kind_at = at + words + (tokens[at + words].text.lower() == "the")
    if (
        kind_at + 1 < end
        and tokens[kind_at].text.lower() in _EN_KIND_OF_SETTLEMENT
        and tokens[kind_at + 1].text == "of"
    ):
        return preposition + " " + _text(tokens, kind_at + 2, end)
    return preposition + " " + _text(tokens, at + words, end)
