"""A name the text writes in one language, written in the other (issue 12: every project, place and
person carries `name_en` and `name_ru`).

A name is built from the parts the lexicons know: common words by their pair in
`lexicon/names.py` (Russian put in the case and gender the phrase needs, English in its word order:
"завод по опреснению" ↔ "desalination plant"), countries, places and seas by their lexicon names,
and transliteration only for a proper name no lexicon knows ("Khorgos" → "Хоргос"). A common word
no lexicon pairs makes the whole name stay as the text writes it: a reader retypes a foreign name
more easily than gibberish ("Субстатион ин те Джордан Валлей")."""

import re
from functools import cache
from typing import Any

from app.extraction.analysis import country_finder
from app.extraction.countries import country_names
from app.extraction.lexicon import names as lexicon
from app.extraction.lexicon.reference import PLACES
from app.extraction.morphology import PROPER_GRAMMEMES, _analyzer
from app.extraction.text import tokenize
from app.extraction.transliteration import to_cyrillic, to_latin

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
# Dashes between the names a name joins ("Persian Gulf–Black Sea", "North-South"); a hyphen inside
# one name ("Bandar-Abbas", "Kambar-Ata-1") joins nothing.
_DASHES = re.compile(r"(\s*[–—]\s*|(?<=[a-z])-(?=[A-Z]))")
_RU_PLACE_ADJECTIVE = re.compile(r"(?i)ск(?:ий|ая|ое|ой|ого|ому|ом|ую|ие|их|им|ими)$")


def name_pair(name: str, language: str) -> tuple[str, str]:
    """(name_en, name_ru) of `name`, written in `language`."""
    other = in_other_language(name, language)
    return (other, name) if language == "ru" else (name, other)


def in_other_language(name: str, language: str) -> str:
    """`name` in the other language; as written when a common word in it has no known pair."""
    written = _proper_in_russian(name) if language == "en" else _proper_in_english(name)
    return written if written is not None else name


def facility_in_other_language(name: str, language: str) -> str:
    """A facility named by what it is and where it stands (app.extraction.facilities): "Solar power
    plant in the Neftchala district" ↔ "Солнечная электростанция в районе Нефтчала"; as written
    when a part of it has no known pair."""
    written = _facility_in_russian(name) if language == "en" else _facility_in_english(name)
    return written if written is not None else name


def place_adjective_in_english(adjective: str) -> str:
    """A Russian adjective that names a facility by its place ("Зарафшанская ГЭС") as the place's
    name ("Zarafshan"); a compound ("Южно-Кавказская") is a proper name of its own, transliterated."""
    if not _of_a_place(adjective):
        return to_latin(adjective)
    return _place_of_adjective(_RU_PLACE_ADJECTIVE.sub("ский", adjective.lower())) or to_latin(adjective)


def _of_a_place(adjective: str) -> bool:
    # "Транскаспийский": across a place, not at it
    return not (
        "-" in adjective or not _RU_PLACE_ADJECTIVE.search(adjective) or adjective.lower().startswith("транс")
    )


def _capitalized(text: str) -> str:
    return text[:1].upper() + text[1:]


# --- lexicons, read both ways ---


@cache
def _russian_of() -> dict[str, str]:
    """English word or phrase (lower case) → Russian lemma phrase."""
    return {english: russian for english, russian in lexicon.WORDS}


@cache
def _english_of() -> dict[str, str]:
    """Russian lemma phrase → English."""
    pairs = {_lemmas(russian): english for english, russian in reversed(lexicon.WORDS)}
    pairs.update((_lemmas(russian), english) for russian, english in lexicon.RUSSIAN_ONLY)
    return pairs


@cache
def _proper_russian() -> dict[str, str]:
    """Names of countries, listed places and seas in English (lower case) → in Russian."""
    names = {english.lower(): russian for english, russian in lexicon.GEOGRAPHY}
    names.update((place.name_en.lower(), place.name_ru) for place in PLACES)
    names.update((country.en.lower(), country.ru) for country in country_names().values())
    return names


@cache
def _proper_english() -> dict[str, str]:
    """Lemma phrases of those names in Russian → their English names."""
    names = {_lemmas(russian): english for english, russian in lexicon.GEOGRAPHY}
    names.update((_lemmas(place.name_ru), place.name_en) for place in PLACES)
    names.update((place.name_ru.lower(), place.name_en) for place in PLACES)
    names.update((_lemmas(country.ru), country.en) for country in country_names().values())
    return names


def _parse(word: str) -> Any:
    return _analyzer().parse(word)[0]


def _lemma(word: str) -> str:
    return str(_parse(word).normal_form).replace("ё", "е")


def _lemmas(phrase: str) -> str:
    return " ".join(_lemma(word) for word in phrase.split())


def _longest(words: list[str], at: int, table: dict[str, str], key: Any) -> tuple[str, int] | None:
    """The longest phrase of `table` starting at word `at` (words compared by `key`), and its end."""
    for end in range(min(len(words), at + 4), at, -1):
        found = table.get(" ".join(key(word) for word in words[at:end]))
        if found is not None:
            return found, end
    return None


# --- English to Russian ---


def _proper_in_russian(name: str) -> str | None:
    """Names joined by dashes ("Persian Gulf–Black Sea"), each by its lexicon name or transliterated."""
    out = []
    for position, part in enumerate(_DASHES.split(name)):
        if position % 2 or not part.strip():  # a dash between names (split keeps them at odd places)
            out.append(part)
            continue
        written = _proper_part_in_russian(part)
        if written is None:
            return None
        out.append(written)
    return "".join(out)


def _proper_part_in_russian(part: str) -> str | None:
    words = part.split()
    out, at = [], 0
    while at < len(words):
        known = _longest(words, at, _proper_russian(), str.lower)
        if known is not None:
            out.append(known[0])
            at = known[1]
            continue
        word = words[at]
        if word.lower() in _russian_of() or not (word[:1].isupper() or word[:1].isdigit()):
            # a common word: the part is a phrase of common words ("Eastern Gate"), or stays as written
            phrase = _russian_phrase(words, "nomn") if at == 0 else None
            return _capitalized(phrase) if phrase is not None else None
        out.append(to_cyrillic(word))
        at += 1
    return " ".join(out)


def _russian_units(words: list[str]) -> list[str] | None:
    """The Russian lemma phrases of English describing words and their head, left to right."""
    units, at = [], 0
    while at < len(words):
        known = _longest(words, at, _russian_of(), str.lower)
        if known is None:
            return None
        units.append(known[0])
        at = known[1]
    return units


def _noun(lemma: str) -> Any | None:
    """The noun a Russian lemma reads as; None for an adjective or a word the dictionary reads as neither
    (a new loan such as "хаб" is read as a noun that does not decline)."""
    parses = _analyzer().parse(lemma)
    if any(p.tag.POS == "ADJF" for p in parses[:1]):
        return None
    return next((p for p in parses if p.tag.POS == "NOUN"), None)


def _is_noun(russian: str) -> bool:
    last = russian.split()[-1]
    return _noun(last) is not None or _parse(last).tag.POS != "ADJF"


def _russian_group(lemmas: list[str], case: str) -> str | None:
    """Adjectives and their noun (lemmas) in `case`, the adjectives agreeing with the noun."""
    noun = _noun(lemmas[-1])
    if noun is None:
        return " ".join(lemmas) if case == "nomn" else None
    number = "plur" if "Pltm" in noun.tag else "sing"
    noun_form = noun.inflect({case, number}) or (noun.inflect({"loct", number}) if case == "loc2" else None)
    if noun_form is None:
        return None
    agreement = {case if case != "loc2" else "loct", "plur" if number == "plur" else noun.tag.gender}
    words = []
    for lemma in lemmas[:-1]:
        parse = _parse(lemma)
        form = parse.inflect(agreement) if parse.tag.POS == "ADJF" else None
        if form is None:
            return None
        words.append(str(form.word))
    return " ".join([*words, str(noun_form.word)])


def _russian_phrase(words: list[str], case: str) -> str | None:
    """English describing words and a head ("seawater desalination plant") as a Russian phrase: the
    head with its adjectives in `case`, the nouns describing it after, in the genitive ("завод
    опреснения морской воды")."""
    units = _russian_units(words)
    if not units or not _is_noun(units[-1]):
        return None
    groups: list[list[str]] = [[]]
    for unit in units:
        groups[-1].extend(unit.split())
        if _is_noun(unit):
            groups.append([])
    if groups[-1]:
        return None  # an adjective describing nothing
    groups.pop()
    rendered = [_russian_group(groups[-1], case)]
    rendered += [_russian_group(group, "gent") for group in reversed(groups[:-1])]
    if any(text is None for text in rendered):
        return None
    return " ".join(str(text) for text in rendered)


# A place's preposition in English → in Russian, and the case it governs.
_RU_PREPOSITIONS = {"in": ("в", "loc2"), "at": ("в", "loc2"), "near": ("около", "gent"), "on": ("на", "loc2")}
_EN_PLACE_OF = frozenset({"port", "city", "seaport"})


def _russian_name_in_case(name: str, case: str) -> str:
    """A proper name put in `case` where Russian declines it: a listed name or a word ending as
    Russian nouns do ("в Астане", "около Шымкента"); foreign names ending in a vowel stay as they are."""
    words = name.split()
    if len(words) > 1 or not re.search(r"[бвгджзклмнпрстфхцчшщая]$", name):
        declined = []
        for word in words:
            parse = _parse(word)
            form = parse.inflect({case if case != "loc2" else "loct"}) if parse.tag.case == "nomn" else None
            declined.append(_match(word, str(form.word)) if form is not None and parse.score > 0.4 else word)
        return " ".join(declined)
    parse = _parse(name)
    form = parse.inflect({case if case != "loc2" else "loct"})
    return _match(name, str(form.word)) if form is not None and parse.tag.POS == "NOUN" else name


def _match(model: str, form: str) -> str:
    return _capitalized(form) if model[:1].isupper() else form


def _russian_place(words: list[str]) -> str | None:
    """ "in the Mangystau region" → "в регионе Мангистау", "at the port of Varna" → "в порту Варна",
    "near Almaty" → "около Алматы"."""
    preposition, case = _RU_PREPOSITIONS.get(words[0].lower(), (None, ""))
    rest = [word for word in words[1:] if word.lower() != "the"]
    if preposition is None or not rest:
        return None
    if len(rest) > 2 and rest[0].lower() in _EN_PLACE_OF and rest[1] == "of":
        kind, names = rest[:1], rest[2:]
    else:
        split = next((i for i, word in enumerate(rest) if word.islower()), len(rest))
        names, kind = rest[:split], rest[split:]
    named = _proper_in_russian(" ".join(names)) if names else None
    if named is None:
        return None
    if not kind:
        return f"{preposition} {_russian_name_in_case(named, case)}"
    kind_words = _russian_phrase(kind, case)
    return None if kind_words is None else f"{preposition} {kind_words} {named}"


_EN_PLACE_WORDS = frozenset({"in", "near", "at", "on"})


def _facility_in_russian(name: str) -> str | None:
    words = name.split()
    at = next((i for i, word in enumerate(words) if i > 0 and word in _EN_PLACE_WORDS), len(words))
    described = _russian_phrase([words[0].lower(), *words[1:at]], "nomn")
    if described is None or at == len(words):
        return None
    place = _russian_place(words[at:])
    return None if place is None else f"{_capitalized(described)} {place}"


# --- Russian to English ---


def _country_of_adjective(word: str) -> str | None:
    """The English names of the countries a Russian adjective or compound names ("казахстанских",
    "Белорусско-вьетнамский" → "Belarus–Vietnam")."""
    found = country_finder("ru", ()).find(tokenize(word, 0, "ru"))
    if not found or any(not mention.value.adjective for mention in found):
        return None
    return "–".join(country_names()[mention.value.code].en for mention in found)


def known_place_of_adjective(adjective: str) -> str | None:
    """The English name of the place a Russian place adjective names ("Бакинского" → "Baku"),
    when the lexicon knows the place; None for any other word."""
    if not _of_a_place(adjective):
        return None
    return _place_of_adjective(_RU_PLACE_ADJECTIVE.sub("ский", adjective.lower()), known_only=True)


def _place_of_adjective(lemma: str, known_only: bool = False) -> str | None:
    """The place a Russian place adjective names: "атырауский" → "Atyrau", "акмолинский" →
    "Akmola", "сурхандарьинский" → "Surkhandarya", "туркменбашинский" → "Turkmenbashi", "бакинский"
    → "Baku"; with `known_only`, only a place the lexicon knows."""
    if not lemma.endswith("ский"):
        return None
    stem = lemma[: -len("ский")]
    guess = stem
    if stem.endswith("ьин"):
        guess = stem[:-3] + "ья"
    elif stem.endswith("ин"):
        guess = stem[:-2] + "а"
    candidates = [stem, stem[:-1], stem[:-2] + "ы", guess]
    if stem.endswith("ин"):
        candidates.append(stem[:-2] + "у")  # "бакинский": Баку
    for candidate in candidates:
        known = _proper_english().get(candidate)
        if known is not None:
            return known
    return None if known_only else _capitalized(to_latin(guess))


def _english_word(word: str, declined: bool) -> tuple[str, bool] | None:
    """A Russian word in English, and whether it is a proper name (which goes before the common
    words it describes); None for a common word without a known pair. A proper name no lexicon
    knows is transliterated in its nominative where the phrase `declined` it ("в Ашхабаде")."""
    if word.startswith(("«", "“")):
        return to_latin(word), True
    parse = _parse(word)
    lemma = str(parse.normal_form).replace("ё", "е")
    common = _english_of().get(lemma)
    if common is not None:
        return common, False
    country = _country_of_adjective(word) if parse.tag.POS == "ADJF" or "-" in word else None
    if country is not None:
        return country, True
    if parse.tag.POS == "ADJF" or (word[:1].isupper() and _RU_PLACE_ADJECTIVE.search(word)):
        place = (
            _place_of_adjective(_RU_PLACE_ADJECTIVE.sub("ский", word.lower())) if word[:1].isupper() else None
        )
        return (place, True) if place is not None else None
    if not word[:1].isupper():
        return None
    known = _proper_english().get(lemma)
    if known is not None:
        return known, True
    proper = PROPER_GRAMMEMES & set(parse.tag.grammemes)
    nominative = lemma if declined and proper and parse.score > 0.3 else word
    return _capitalized(to_latin(nominative)), True


def _english_phrase(words: list[str], declined: bool = True) -> str | None:
    """Russian adjectives and nouns ("сборочное производство тракторов «Беларус»") in English
    order: what describes the head in the genitive first ("«Belarus» tractor assembly plant")."""
    at, groups, current = 0, [], []
    while at < len(words):
        known = _longest(words, at, _proper_english(), _lemma)
        if known is not None:
            current.append((known[0], True))
            at = known[1]
            continue
        common = _longest(words, at, _english_of(), _lemma)
        if common is not None and common[1] > at + 1:
            current.append((common[0], False))
            at = common[1]
            if _is_noun(_lemma(words[at - 1])):
                groups.append(current)
                current = []
            continue
        english = _english_word(words[at], declined)
        if english is None:
            return None
        current.append(english)
        if _parse(words[at]).tag.POS == "NOUN" and not english[1]:
            groups.append(current)
            current = []
        at += 1
    if current:
        groups.append(current)
    # the head's own proper names lead: "Kyrgyzstan–India information technology centre"
    ordered = [text for text, proper in groups[0] if proper] if groups else []
    groups[:1] = [[(text, proper) for text, proper in groups[0] if not proper]] if groups else []
    for group in reversed(groups):
        # proper names before the common words of their group: "порт Актау" → "Aktau port"
        ordered += [text for text, proper in group if proper] + [text for text, proper in group if not proper]
    return " ".join(ordered) if ordered else None


_EN_PREPOSITIONS = {
    "в": "in",
    "во": "in",
    "под": "near",
    "около": "near",
    "близ": "near",
    "у": "near",
    "при": "at",
    "на": "on",
}
_FOR = frozenset({"по", "для"})


def _english_place(words: list[str]) -> str | None:
    preposition = _EN_PREPOSITIONS.get(words[0].lower())
    if preposition is None or len(words) < 2:
        return None
    first = _parse(words[1])
    if first.tag.POS == "NOUN" and first.normal_form in {"порт", "город"} and len(words) > 2:
        names = _english_phrase(words[2:])  # "в порту Туркменбаши" → "at the port of Turkmenbashi"
        return None if names is None else f"at the {_english_of()[first.normal_form]} of {names}"
    if first.normal_form == "окрестность":
        preposition, words = "near", words[1:]
    place = _english_phrase(words[1:])
    if place is None:
        return None
    common = any(_parse(word).tag.POS == "NOUN" and not word[:1].isupper() for word in words[1:])
    return f"{preposition} the {place}" if common else f"{preposition} {place}"


def _facility_in_english(name: str) -> str | None:
    words = name.split()
    at = next((i for i, word in enumerate(words) if i > 0 and word.lower() in _EN_PREPOSITIONS), len(words))
    described = [words[0].lower(), *words[1:at]]  # capitalised as a name's first word, not as a place
    purpose = next((i for i, word in enumerate(described) if word in _FOR), None)
    main = _english_phrase(described[:purpose] if purpose is not None else described)
    if main is None or at == len(words):
        return None
    if purpose is not None:
        aim = _english_phrase(described[purpose + 1 :])
        if aim is None:
            return None
        main += f" for {aim}"
    place = _english_place(words[at:])
    return None if place is None else f"{_capitalized(main)} {place}"


def _proper_in_english(name: str) -> str | None:
    before, quote, quoted = name.partition("«")
    if quote and before.strip():
        # "Подводный кабель «Зелёный мост …»": the words before say what it is, the quoted name is its
        # name, transliterated whole
        what = _english_phrase(before.split(), declined=False)
        return None if what is None else f"{_capitalized(what)} {to_latin(quote + quoted)}"
    out = []
    for position, part in enumerate(_DASHES.split(name)):
        if position % 2 or not part.strip():  # a dash between names (split keeps them at odd places)
            out.append(part)
            continue
        written = _english_phrase(part.split(), declined=False)
        if written is None:
            return None
        out.append(
            " ".join(_capitalized(word) for word in written.split())
        )  # English names capitalise each word
    return "".join(out)
