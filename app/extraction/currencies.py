"""The words and signs of every currency in use, from CLDR (babel) and pymorphy3, not a hand list:
"японских иен", "иенах", "Indian rupees", "yen", "¥", "₹", "R$", "A$", and the ISO codes themselves.

A bare name that several currencies share ("крон", "dinars", "дирхамов", "pounds") is the currency
of the country among those the text is about whose currency it is (`currency_of`'s `countries`: the
sentence's, then the story's pair); when they do not decide, the one of them with a sign of its own
in English CLDR (the rupee of "₹", the pound of "£"), else no currency. The full name ("пакистанских
рупий", "Czech koruna") is always its own currency. A sign made of letters ("R" of the rand) counts
only written against the number ("R3.4 billion")."""

import re
import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from functools import cache
from typing import Any

from babel import Locale, localedata
from babel.core import get_global
from babel.numbers import get_currency_name, get_currency_symbol, get_territory_currencies

from app.extraction.morphology import _analyzer
from app.iso4217 import CURRENCIES

# The extractor's own patterns read these (dollars, euros, roubles, tenge, manats, yuan).
_READ_ELSEWHERE = frozenset({"USD", "EUR", "RUB", "KZT", "AZN", "CNY"})
# The date the currencies in use are taken at: fixed, so that the extractor reads the same words
# tomorrow as today.
_IN_USE_ON = date(2026, 1, 1)
_CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")


@cache
def _in_use() -> list[str]:
    """Legal tender somewhere on `_IN_USE_ON`, and a code of the unit vocabulary."""
    codes: set[str] = set()
    for territory in get_global("territory_currencies"):
        codes.update(get_territory_currencies(territory, _IN_USE_ON, tender=True))
    return sorted(codes & CURRENCIES)


def _fold(words: str) -> str:
    return re.sub(r"\s+", " ", words.casefold().replace("ё", "е")).strip()


def _russian_forms(name: str) -> set[str]:
    """ "японская иена" in every case, singular and plural: "японских иен", "японской иене"…"""
    morph = _analyzer()
    words = name.split()
    forms = {name}
    for number in ("sing", "plur"):
        for case in _CASES:
            inflected, head_passed = [], False
            for word in words:
                parse = _as_named(morph.parse(word))
                form = None
                if not head_passed and parse.tag.POS in {"NOUN", "ADJF"}:
                    form = parse.inflect({number, case})
                    head_passed = parse.tag.POS == "NOUN"
                inflected.append(form.word if form else word)
            forms.add(" ".join(inflected))
    return forms


def _as_named(parses: list[Any]) -> Any:
    """The reading of a word of CLDR's name, which is in the nominative singular: "лира" the
    currency, not the genitive of the name Лир."""
    for parse in parses:
        if {"nomn", "sing"} <= parse.tag.grammemes and not {"Name", "Surn", "Patr"} & parse.tag.grammemes:
            return parse
    return parses[0]


def _head_noun(name: str) -> str | None:
    morph = _analyzer()
    nouns = [word for word in name.split() if _as_named(morph.parse(word)).tag.POS == "NOUN"]
    return nouns[0] if nouns else None


@cache
def _readings() -> tuple[dict[str, str], dict[str, frozenset[str]]]:
    """Folded full name → code, and folded bare name → the codes whose bare name it is."""
    full: dict[str, set[str]] = defaultdict(set)
    bare: dict[str, set[str]] = defaultdict(set)
    heads: dict[str, set[str]] = defaultdict(set)  # the noun alone, a bare name where another has it
    for code in _in_use():
        russian = get_currency_name(code, locale="ru")  # the singular: its forms are every case and number
        if russian != code:
            for form in _russian_forms(russian):
                full[_fold(form)].add(code)
            noun = _head_noun(russian)
            words = russian.split()
            if noun and noun != words[0]:
                for form in _russian_forms(" ".join(words[words.index(noun) :])):
                    bare[_fold(form)].add(code)
            if noun:
                for form in _russian_forms(noun):  # "фунт" of "фунт стерлингов", "дирхам" of "дирхам ОАЭ"
                    heads[_fold(form)].add(code)
        for count in (1, 5):
            english = get_currency_name(code, count=count, locale="en")
            if english != code:
                full[_fold(english)].add(code)
                if " " in english:
                    bare[_fold(english.split()[-1])].add(code)
    for name, codes in heads.items():
        if name in bare or len(codes) > 1:
            bare[name] |= codes
    names = {name: next(iter(codes)) for name, codes in full.items() if len(codes) == 1}
    names = {name: code for name, code in names.items() if code not in _READ_ELSEWHERE and len(name) > 2}
    bare_names = {
        name: frozenset(codes)
        for name, codes in bare.items()
        if name not in full and len(name) > 2 and not codes & _READ_ELSEWHERE
    }
    return names, bare_names


def _owner(codes: frozenset[str]) -> str | None:
    if len(codes) == 1:
        return next(iter(codes))
    signed = [code for code in codes if _is_sign(get_currency_symbol(code, "en"))]
    return signed[0] if len(signed) == 1 else None


def _is_sign(symbol: str) -> bool:
    """A currency sign of its own ("£", "R$", "A$"), not a code and not a bare "$"."""
    return symbol != "$" and any(unicodedata.category(ch) == "Sc" for ch in symbol)


@cache
def _signs() -> dict[str, str]:
    """Sign → code: the English one of each currency ("£", "A$"), then the one of a locale of a
    country that uses it ("₺", "₦", "R"), when no other currency has it."""
    signs: dict[str, set[str]] = defaultdict(set)
    for code in _in_use():
        symbol = get_currency_symbol(code, "en")
        if _is_sign(symbol) or (symbol != code and re.fullmatch(r"[A-Z]{1,3}\$", symbol)):
            signs[symbol].add(code)
    home: dict[str, set[str]] = defaultdict(set)
    languages = get_global("territory_languages")
    for territory in get_global("territory_currencies"):
        used = [
            code for code in get_territory_currencies(territory, _IN_USE_ON, tender=True) if code in _in_use()
        ]
        for language, about in languages.get(territory, {}).items():
            locale = f"{language}_{territory}"
            if used and about.get("official_status") and localedata.exists(locale):
                symbol = Locale.parse(locale).currency_symbols.get(used[0], "")
                if (_is_sign(symbol) and "$" not in symbol) or re.fullmatch(r"[A-Z][a-z]?", symbol):
                    home[symbol].add(used[0])
    for symbol, codes in home.items():
        if symbol not in signs:
            signs[symbol] = codes
    return {sign: next(iter(codes)) for sign, codes in signs.items() if len(codes) == 1}


def is_letter_sign(sign: str) -> bool:
    """ "R", "Rp": read only against a number with a scale word ("R3.4 billion"), not in "Q3"."""
    return sign.isalpha()


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in sorted(words, key=len, reverse=True))


@cache
def name_pattern() -> str:
    """A currency's name or code after a number: "45 млрд рупий", "1.2 trillion yen", "3 bn GBP"."""
    codes = _alternation([code for code in CURRENCIES if code not in _READ_ELSEWHERE])
    names, bare = _readings()
    return rf"(?:{_alternation([*names, *bare])})(?![\w])|(?-i:(?:{codes})\b)"


@cache
def sign_pattern() -> str:
    """A currency's sign or code before a number: "£1.2bn", "¥", "R$", "JPY 4 billion"."""
    codes = _alternation([code for code in CURRENCIES if code not in _READ_ELSEWHERE])
    letters = _alternation([sign for sign in _signs() if is_letter_sign(sign)])
    others = _alternation([sign for sign in _signs() if not is_letter_sign(sign)])
    return rf"(?:{others})|(?-i:(?<![\w$])(?:{letters})(?=\d))|(?-i:\b(?:{codes})(?=\s?\d))"


@cache
def _territories(code: str) -> frozenset[str]:
    """The countries whose legal tender `code` is."""
    return frozenset(
        territory
        for territory in get_global("territory_currencies")
        if code in get_territory_currencies(territory, _IN_USE_ON, tender=True)
    )


def currency_of(words: str, countries: Sequence[Sequence[str]] = ()) -> str | None:
    """The code of a name, sign or code that `name_pattern` or `sign_pattern` matched. A name several
    currencies share is the currency of the first group of `countries` (alpha-2 codes, nearest
    first: the sentence's, then the story's pair) in which exactly one of them is legal tender."""
    if words in CURRENCIES:
        return words
    names, bare = _readings()
    found = _signs().get(words) or names.get(_fold(words))
    if found or _fold(words) not in bare:
        return found
    codes = bare[_fold(words)]
    for group in countries:
        used = [code for code in codes if _territories(code) & set(group)]
        if len(used) == 1:
            return used[0]
    return _owner(codes)
