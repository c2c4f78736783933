"""Language models, loaded once per process on first use: pymorphy3 for Russian lemmas and
inflection, natasha (slovnet) for Russian named entities."""

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

import snowballstemmer


@cache
def _analyzer() -> Any:
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


@cache
def _stemmers() -> dict[str, Any]:
    return {"ru": snowballstemmer.stemmer("russian"), "en": snowballstemmer.stemmer("english")}


def fold(word: str) -> str:
    return word.casefold().replace("ё", "е")


_DASHES = frozenset("-‐‑‒–—―")


@lru_cache(maxsize=200_000)
def word_keys(word: str, language: str) -> frozenset[str]:
    """The forms a word is matched by: itself folded, its lemmas (Russian), and for a capitalised
    word its stem marked with `~` (unknown proper names in any case share a stem, not a lemma)."""
    if word in _DASHES:
        return frozenset({"-"})
    folded = fold(word)
    keys = {folded}
    parses = None
    if language == "ru" and re.search("[а-яё]", folded):
        parses = _analyzer().parse(word)
        keys.update(fold(parse.normal_form) for parse in parses)
    elif language == "en" and folded.endswith(("'s", "’s")):
        keys.add(folded[:-2])
    if word[:1].isupper() and not _common_noun(word, folded, parses):
        stem_language = "ru" if re.search("[а-яё]", folded) else "en"
        keys.add("~" + _stemmers()[stem_language].stemWord(folded))
    return frozenset(keys)


# Grammemes that say a Russian word is a proper name, not a common word.
PROPER_GRAMMEMES = frozenset({"Geox", "Name", "Surn", "Patr", "Orgn", "Trad", "Abbr"})


def _common_noun(word: str, folded: str, parses: list[Any] | None) -> bool:
    """A Russian word the dictionary knows only as a common word ("Грузы" opening a sentence): its
    stem would match a name that shares it (Грузия), so it is matched by its lemmas alone.
    `parses`: the word's, when the caller has them already."""
    if not re.fullmatch("[а-яё-]+", folded):
        return False
    if parses is None:
        parses = _analyzer().parse(word)
    return all(p.is_known and not (PROPER_GRAMMEMES & set(p.tag.grammemes)) for p in parses)


@lru_cache(maxsize=100_000)
def parses(word: str) -> tuple[Any, ...]:
    """pymorphy3's readings of a Russian word, the likeliest first (part of speech, case, number)."""
    return tuple(_analyzer().parse(word))


@lru_cache(maxsize=100_000)
def lemma(word: str) -> str:
    """The most likely lemma of a Russian word (the word itself, folded, for anything else)."""
    if re.search("[а-яёА-ЯЁ]", word):
        return fold(_analyzer().parse(word)[0].normal_form)
    return fold(word)


@lru_cache(maxsize=100_000)
def future_verb(word: str) -> bool:
    """A Russian verb in the future tense (посетит, составит); a word the dictionary does not know
    is read as one by its ending alone, and is most often a name ("с Жогорку Кенешем")."""
    if not re.fullmatch(r"[а-яёА-ЯЁ-]+", word):
        return False
    parse = _analyzer().parse(word)[0]
    return bool(parse.tag.POS == "VERB" and parse.tag.tense == "futr" and parse.is_known)


@lru_cache(maxsize=100_000)
def past_verb(word: str) -> bool:
    """A Russian verb in the past tense or a short passive participle (поставил, отгружено)."""
    if not re.fullmatch(r"[а-яёА-ЯЁ-]+", word):
        return False
    parse = _analyzer().parse(word)[0]
    return bool((parse.tag.POS == "VERB" and parse.tag.tense == "past") or parse.tag.POS == "PRTS")


@lru_cache(maxsize=100_000)
def a_verb(word: str) -> bool:
    """A Russian word a clause can turn on: a verb in any tense, an infinitive or a short passive
    participle (превысил, составит, довести, оценены)."""
    if not re.fullmatch(r"[а-яёА-ЯЁ-]+", word):
        return False
    return bool(_analyzer().parse(word)[0].tag.POS in {"VERB", "INFN", "PRTS"})


def plural(word: str, language: str) -> bool:
    """A noun in the plural: an English one ending in "s" (not "ss"), a Russian one by its first parse."""
    if language == "en":
        word = word.lower()
        return word.endswith("s") and not word.endswith("ss")
    return bool(_analyzer().parse(word)[0].tag.number == "plur")


@lru_cache(maxsize=20_000)
def inflect(word: str, case: str) -> str:
    """A Russian word in another grammatical case (`gent`, `loct`…), or the word unchanged."""
    if not re.search("[а-яёА-ЯЁ]", word):
        return word
    parses = _analyzer().parse(word)
    nominative = [p for p in parses if p.tag.case == "nomn"] or parses
    inflected = nominative[0].inflect({case})
    if inflected is None:
        return word
    form = str(inflected.word)
    return _match_case(word, form)


def _match_case(model: str, form: str) -> str:
    if model.isupper() and len(model) > 1:
        return form.upper()
    parts = form.split("-")
    model_parts = model.split("-")
    return "-".join(
        part[:1].upper() + part[1:] if i < len(model_parts) and model_parts[i][:1].isupper() else part
        for i, part in enumerate(parts)
    )


_NAME_TAGS = ("Name", "Surn", "Patr")
# Surname endings by case, for surnames the dictionary does not know (Токаева → Токаев).
_SURNAME_ENDINGS = {
    "gent": (("ова", "ов"), ("ева", "ев"), ("ина", "ин"), ("ына", "ын"), ("ого", "ий")),
    "accs": (("ова", "ов"), ("ева", "ев"), ("ина", "ин"), ("ына", "ын"), ("ого", "ий")),
    "datv": (("ову", "ов"), ("еву", "ев"), ("ину", "ин"), ("ыну", "ын"), ("ому", "ий")),
    "ablt": (("овым", "ов"), ("евым", "ев"), ("иным", "ин"), ("ыным", "ын"), ("им", "ий")),
    "loct": (("ове", "ов"), ("еве", "ев"), ("ине", "ин"), ("ыне", "ын"), ("ом", "ий")),
}


_FIRST_NAME_ENDINGS = {"gent": "а", "accs": "а", "datv": "у", "ablt": "ом", "loct": "е"}


def _preferred(parses: list[Any]) -> list[Any]:
    # News names men more often than women: "Алиева" is read as his genitive, not her name.
    return [p for p in parses if p.tag.gender == "masc" and p.tag.number == "sing"] or parses


def _name_case(words: list[str]) -> str:
    analyzer = _analyzer()
    if len(words) >= 2:
        # A first name and a surname agree in case and gender: "Дильноза Назарова" is her name in
        # the nominative, "Фарида Назарова" may be his in the genitive.
        given = {(p.tag.case, p.tag.gender) for p in analyzer.parse(words[0]) if "Name" in p.tag}
        family = {(p.tag.case, p.tag.gender) for p in analyzer.parse(words[-1]) if "Surn" in p.tag}
        agreeing = sorted(given & family, key=lambda pair: pair[1] != "masc")
        if agreeing:
            return str(agreeing[0][0])
    surnames = _preferred([p for p in analyzer.parse(words[-1]) if "Surn" in p.tag])
    if surnames:
        return str(surnames[0].tag.case)
    for word in words:
        # news write a given name neither in the plural nor in the vocative: "Бахром" is not "Бахрома"
        names = _preferred(
            [
                p
                for p in analyzer.parse(word)
                if "Name" in p.tag and p.tag.number != "plur" and p.tag.case != "voct"
            ]
        )
        if names:
            return str(names[0].tag.case)
    for case, endings in _SURNAME_ENDINGS.items():
        if any(words[-1].endswith(ending) for ending, _ in endings[:4]):
            return case
    return "nomn"


def person_nominative(words: list[str]) -> list[str]:
    """A Russian personal name in the nominative (Ильхама Алиева → Ильхам Алиев)."""
    case = _name_case(words)
    if case == "nomn":
        return words
    analyzer = _analyzer()
    result = []
    for position, word in enumerate(words):
        parses = _preferred(
            [p for p in analyzer.parse(word) if p.tag.case == case and any(t in p.tag for t in _NAME_TAGS)]
        )
        inflected = parses[0].inflect({"nomn"}) if parses else None
        if inflected is not None and "-" not in word:
            result.append(_match_case(word, str(inflected.word)))
            continue
        endings = _SURNAME_ENDINGS.get(case, ()) if position == len(words) - 1 else ()
        for ending, replacement in endings:
            if word.endswith(ending) and len(word) > len(ending) + 2:
                result.append(word[: -len(ending)] + replacement)
                break
        else:
            ending = _FIRST_NAME_ENDINGS.get(case, "")
            if ending and position < len(words) - 1 and word.endswith(ending) and len(word) > 3:
                result.append(word[: -len(ending)])
            else:
                result.append(word)
    return result


@dataclass(frozen=True)
class NamedSpan:
    type: str  # PER, LOC or ORG
    start: int
    end: int
    text: str


@cache
def _ner() -> tuple[Any, Any]:
    from natasha import NewsEmbedding, NewsNERTagger, Segmenter

    return Segmenter(), NewsNERTagger(NewsEmbedding())


def russian_entities(text: str) -> list[NamedSpan]:
    """People, places and organizations natasha's news NER finds in a Russian text."""
    from natasha import Doc

    segmenter, tagger = _ner()
    doc = Doc(text)
    doc.segment(segmenter)
    doc.tag_ner(tagger)
    return [NamedSpan(span.type, span.start, span.stop, span.text) for span in doc.spans]


def place_name(word: str, name: str) -> bool:
    """The dictionary reads `word` as a form of the place name `name` ("Перу", "Кубы"), whatever
    else it may be ("перо", "куб")."""
    return any("Geox" in p.tag and fold(p.normal_form) == name for p in _analyzer().parse(word))


def known_adjective(word: str) -> bool:
    """A Russian adjective the dictionary knows, given in its dictionary form."""
    # The lookup is cheap; a full parse of an unknown word runs the guessers, which are not.
    if not _analyzer().word_is_known(word):
        return False
    return any(p.is_known and p.tag.POS == "ADJF" and p.normal_form == word for p in _analyzer().parse(word))


def adjective_lemma(word: str) -> str | None:
    """The dictionary form of a known Russian adjective in any form ("Лаосская" → лаосский)."""
    parses = [p for p in _analyzer().parse(word) if p.is_known and p.tag.POS == "ADJF"]
    return fold(parses[0].normal_form) if parses else None
