"""Amounts with their units: "около 568 млн долларов", "$1.2 billion", "530,5 тыс. тонн", "6–7 %"."""

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

from app.extraction.currencies import currency_of, is_letter_sign, name_pattern, sign_pattern
from app.iso4217 import CURRENCIES

_NUMBER = r"(?:\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:[.,]\d+)*"
_SCALE_WORDS = {
    "тыс": 1e3,
    "тысяч": 1e3,
    "тысяча": 1e3,
    "тысячи": 1e3,
    "thousand": 1e3,
    "k": 1e3,
    "млн": 1e6,
    "миллион": 1e6,
    "миллиона": 1e6,
    "миллионов": 1e6,
    "million": 1e6,
    "mln": 1e6,
    "mn": 1e6,
    "m": 1e6,
    "млрд": 1e9,
    "миллиард": 1e9,
    "миллиарда": 1e9,
    "миллиардов": 1e9,
    "billion": 1e9,
    "bn": 1e9,
    "bln": 1e9,
    "b": 1e9,
    "трлн": 1e12,
    "триллион": 1e12,
    "триллиона": 1e12,
    "триллионов": 1e12,
    "trillion": 1e12,
    # Indian English: a lakh is a hundred thousand, a crore ten million ("₹3,500 crore").
    "lakh": 1e5,
    "lakhs": 1e5,
    "crore": 1e7,
    "crores": 1e7,
}
_SCALE = (
    r"(?:тысяч[аи]?|тыс(?![а-яё])\.?|млн\.?|миллион(?:а|ов)?|млрд\.?|миллиард(?:а|ов)?|трлн\.?|триллион(?:а|ов)?"
    r"|thousand|million|billion|trillion|bn\b|bln\b|mln\b|mn\b|lakhs?\b|crores?\b)"
)
_SCALE_LETTER = r"(?:bn|bln|mln|mn|m|k|b)\b"
# The smaller part of a number in two parts: "9 млрд 860 млн", "1 billion 200 million".
_SMALLER_SCALE = r"(?:млн\.?|миллион(?:а|ов)?|тысяч[аи]?|тыс(?![а-яё])\.?|million|thousand)"

# Numbers in words, read only before a scale word ("полтора миллиарда", "two billion").
_WORD_VALUES: dict[str, float] = {
    "полтора": 1.5,
    "полторы": 1.5,
    "полутора": 1.5,
    "один": 1,
    "одна": 1,
    "одного": 1,
    "одной": 1,
    "два": 2,
    "две": 2,
    "двух": 2,
    "три": 3,
    "трёх": 3,
    "трех": 3,
    "четыре": 4,
    "четырёх": 4,
    "четырех": 4,
    "пять": 5,
    "пяти": 5,
    "шесть": 6,
    "шести": 6,
    "семь": 7,
    "семи": 7,
    "восемь": 8,
    "восьми": 8,
    "девять": 9,
    "девяти": 9,
    "десять": 10,
    "десяти": 10,
    "одиннадцать": 11,
    "одиннадцати": 11,
    "двенадцать": 12,
    "двенадцати": 12,
    "тринадцать": 13,
    "тринадцати": 13,
    "четырнадцать": 14,
    "четырнадцати": 14,
    "пятнадцать": 15,
    "пятнадцати": 15,
    "шестнадцать": 16,
    "шестнадцати": 16,
    "семнадцать": 17,
    "семнадцати": 17,
    "восемнадцать": 18,
    "восемнадцати": 18,
    "девятнадцать": 19,
    "девятнадцати": 19,
    "двадцать": 20,
    "двадцати": 20,
    "тридцать": 30,
    "тридцати": 30,
    "сорок": 40,
    "сорока": 40,
    "пятьдесят": 50,
    "пятидесяти": 50,
    "шестьдесят": 60,
    "шестидесяти": 60,
    "семьдесят": 70,
    "семидесяти": 70,
    "восемьдесят": 80,
    "восьмидесяти": 80,
    "девяносто": 90,
    "девяноста": 90,
    "сто": 100,
    "ста": 100,
    "двести": 200,
    "двухсот": 200,
    "триста": 300,
    "трёхсот": 300,
    "трехсот": 300,
    "четыреста": 400,
    "четырёхсот": 400,
    "четырехсот": 400,
    "пятьсот": 500,
    "пятисот": 500,
    "шестьсот": 600,
    "шестисот": 600,
    "семьсот": 700,
    "семисот": 700,
    "восемьсот": 800,
    "восьмисот": 800,
    "девятьсот": 900,
    "девятисот": 900,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "one": 1,
    "a": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "hundred": 100,
    "one and a half": 1.5,
    "half a": 0.5,
    "пол": 0.5,
}
_ONE_WORD = "|".join(sorted((w for w in _WORD_VALUES if " " not in w and w != "a"), key=len, reverse=True))
# Up to four words add up ("трёхсот двадцати миллионов": 320 million; "six hundred and thirty
# million", "twenty-five billion"), with a half after them ("двух с половиной миллиардов", "two and a
# half billion"); before a percent sign's word too ("на два процента"), where "a" is no number.
_WORDS = (
    rf"(?:{_ONE_WORD})(?:(?:\s+and\s+|\s+|-)(?:{_ONE_WORD})){{0,3}}\b"
    r"(?:\s+(?:and\s+a\s+half|с\s+половиной)\b)?"
)
_WORD_NUMBER = (
    # "полмиллиарда долларов", "полмиллиона тонн": a half written as one word with its scale
    r"(?:(?<![\w-])пол(?=(?:миллиард|миллион|тысяч))|"
    r"(?:(?:one\s+and\s+a\s+half|half\s+a|"
    rf"{_WORDS}"
    r"|a)(?=\s+(?:тыс|тысяч|млн|миллион|млрд|миллиард|трлн|thousand|million|billion|trillion))"
    rf"|{_WORDS}(?=\s+(?:процент|percent|per\s+cent))"
    r"|(?:(?<=(?:на|до)\s)|(?<=(?:больше|меньше)\s)|(?<=(?:свыше|почти|около|более|менее)\s))"
    r"(?:миллиард|миллион)а?(?=\s+долл)))"
)
# "выйти на миллиард долларов", "чуть больше миллиарда долларов": a scale word after "на", "до" or a
# qualifier is one of it.
_BARE_SCALE = {"миллиард": 1e9, "миллиарда": 1e9, "миллион": 1e6, "миллиона": 1e6}

# Goods counted one by one: their noun up to two describing words after the number. Only plurals of
# vehicles and livestock, which trade statistics count so; "142 enterprises" counts no goods.
COUNTED_NOUN = re.compile(
    r"cars|vehicles|trucks|lorries|buses|tractors|wagons|railcars|locomotives|cattle|sheep|livestock"
    r"|автомобил(?:ей|я|и)|грузовик(?:ов|а|и)|вагон(?:ов|а|ы)|локомотив(?:ов|а|ы)|трактор(?:ов|а|ы)"
    r"|автобус(?:ов|а|ы)|скота",
    re.IGNORECASE,
)
# the word that counts livestock ("12,500 head of cattle", "14 тыс. голов скота")
COUNTING_WORD = re.compile(r"head|голов|головы", re.IGNORECASE)
_COUNTED_NOUNS = (
    rf"(?:(?:head\s+of|голов(?:ы)?)\s+(?:[^\W\d_]+\s+){{0,2}}(?:{COUNTED_NOUN.pattern})"
    rf"|{COUNTED_NOUN.pattern})\b"
)
_COUNTED_WORD = (
    r"(?!(?:of|the|a|an|and|or|in|to|for|from|per|its|their|which|that|и|в|из|на|по)\b)[^\W\d_][\w-]*"
)
_COUNTED = rf"(?<!\s)(?=\s+(?:{_COUNTED_WORD}\s+){{0,2}}{_COUNTED_NOUNS})"

# Unit patterns, tried in order: (regex, unit, multiplier); None: every other currency's name, whose
# pattern `_amount` builds.
_UNITS: tuple[tuple[str | None, str, float], ...] = (
    (r"долл(?:ар(?:ов|а|ы)?)?\.?(?:\s+США)?|(?:US|U\.S\.)\s+dollars?|dollars?|USD\b|\$", "USD", 1),
    (r"евро\b|EUR\b|euros?\b|€", "EUR", 1),
    (r"руб(?:л(?:ей|я|ь))?\.?|RUB\b|roubles?\b|rubles?\b", "RUB", 1),
    (r"тенге\b|KZT\b|tenge\b", "KZT", 1),
    (r"манат(?:ов|а)?\b|AZN\b|manats?\b", "AZN", 1),
    (r"юан(?:ей|я|ь|и)\b|CNY\b|yuan\b|renminbi\b", "CNY", 1),
    (None, "currency", 1),  # every other currency: the code is the name's
    (
        r"баррел(?:ей|я|ь)(?:\s+нефти)?\s+в\s+(?:сутки|день)|барр\.?\s*/\s*сут(?:ки)?\.?"
        r"|barrels?(?:\s+of\s+oil)?\s+(?:per|a)\s+day|bpd\b|b/d\b",
        "barrels_per_day",
        1,
    ),
    (r"тонн(?:а|ы)?\b|т\.?(?![а-яёА-ЯЁ\w])|(?:metric\s+)?tonnes?\b|tons?\b|t\b", "tonnes", 1),
    (r"%|процент(?:а|ов)?\b|percent\b|per\s+cent\b|pct\b", "percent", 1),
    (r"литр(?:ов|а)?\b|lit(?:re|er)s?\b", "litres", 1),
    (
        r"контейнер\w*\s+в\s+двадцатифутов\w*\s+эквивалент\w*|containers?\s+in\s+twenty-foot\s+equivalent(?:\s+units?)?",
        "teu",
        1,
    ),
    (r"контейнер(?:ов|а|ы)?\b|containers?\b", "containers", 1),
    (
        r"TEU\b|ДФЭ\b|двадцатифутов\w*(?:\s+эквивалент\w*)?|twenty-foot\s+equivalent\s+units?(?:\s+\(TEU\))?",
        "teu",
        1,
    ),
    (r"км\b|километр(?:ов|а)?\b|km\b|kilomet(?:re|er)s?\b", "km", 1),
    # electricity in thousands of kWh, as trade statistics count it
    (r"kWh\b|kilowatt[\s-]hours?\b", "thousand_kwh", 1e-3),
    (r"GWh\b|gigawatt[\s-]hours?\b", "thousand_kwh", 1e3),
    (r"bcm\b", "cubic_metres", 1e9),
    (
        r"кубометр(?:ов|а)?\b|кубическ\w+\s+метр(?:ов|а)?\b|куб\.\s*м(?:етр(?:ов|а)?)?\.?|м3|м³"
        r"|cubic\s+met(?:re|er)s?\b|cu\.?\s*m\b",
        "cubic_metres",
        1,
    ),  # goods counted one by one ("1,240 passenger cars", "1 146 грузовых автомобилей"): the unit is
    # the goods' own noun, left outside the amount for the goods to be read after it
    (_COUNTED, "items", 1),
)
_PREFIX_CURRENCY = {
    "$": "USD",
    "us$": "USD",
    # the dollars of Singapore, Australia, New Zealand and Hong Kong ("C$" is left alone: the
    # córdoba to CLDR, the Canadian dollar to newsrooms)
    "s$": "SGD",
    "a$": "AUD",
    "nz$": "NZD",
    "hk$": "HKD",
    "usd": "USD",
    "€": "EUR",
    "eur": "EUR",
    "rub": "RUB",
    "kzt": "KZT",
    "azn": "AZN",
    "cny": "CNY",
}


@cache
def _amount() -> re.Pattern[str]:
    """A number with its scale, unit or currency. Built on first use: the currency names' forms
    (pymorphy3) and signs (Babel) take longer than importing the rest of the extractor, and most
    processes that import it (the command line, a test run's collection) read no text."""
    units = "|".join(f"(?P<u{i}>{pattern or name_pattern()})" for i, (pattern, _, _) in enumerate(_UNITS))
    return re.compile(
        rf"(?P<pre>US\$|(?:S|A|NZ|HK)\$|(?<![A-Za-z])\$|€|\b(?:USD|EUR|RUB|KZT|AZN|CNY)|{sign_pattern()})?\s?"
        rf"(?<![\d.,])(?P<n1>{_NUMBER}|(?<![\w-]){_WORD_NUMBER})"
        rf"(?:(?P<sep>\s*[-–—]\s*|\s+(?:to|до|and|и)\s+)(?:\$|€)?(?P<n2>{_NUMBER}))?"
        r"(?:\s+с\s+небольшим)?"  # "170 с небольшим миллионов": a little more than 170 million
        rf"(?:\s*(?P<scale>{_SCALE})|(?P<letter>{_SCALE_LETTER}))?"
        rf"(?:\s+(?P<n_small>\d{{1,3}}(?:[.,]\d+)?|(?<![\w-]){_WORDS})\s*(?P<scale_small>{_SMALLER_SCALE}))?"
        rf"(?:\s*(?P<unit>{units}))?",
        re.IGNORECASE,
    )


_PERCENTAGE_POINTS = re.compile(r"^\s*(?:п\.\s*п\.|процентн\w+\s+пункт|пп\b|percentage\s+points?|pp\b)", re.I)
_BETWEEN = re.compile(r"(?:between|между|от|from)\s*$", re.I)
_FROM = re.compile(r"(?:\bс|\bfrom|\bс\s+уровня)\s*$", re.I)


@dataclass(frozen=True)
class Amount:
    value: float
    value_upper: float | None
    unit: str
    start: int  # the whole expression, document offsets
    end: int


def parse_number(raw: str, language: str) -> float:
    """`1,7` (Russian decimal comma), `1,200,000` (English thousands), `1 700 000`, `1.2`, and the
    words of `_WORD_NUMBER` ("полтора", "two", "four hundred")."""
    words = re.sub(r"\s+", " ", raw.lower())
    if words in _WORD_VALUES:
        return _WORD_VALUES[words]
    if words in _BARE_SCALE:
        return _BARE_SCALE[words]
    spelled = _spelled_value(words)
    if spelled is not None:
        return spelled
    digits = re.sub(r"[ \u00a0\u202f]", "", raw)
    if "," in digits and "." in digits:
        decimal = max(digits.rfind(","), digits.rfind("."))
        whole = re.sub(r"[.,]", "", digits[:decimal])
        return float(f"{whole}.{digits[decimal + 1 :]}")
    for mark in (",", "."):
        if mark in digits:
            groups = digits.split(mark)
            thousands = len(groups) > 2 or (mark == "," and language == "en" and len(groups[1]) == 3)
            if thousands and all(len(group) == 3 for group in groups[1:]):
                return float("".join(groups))
            return float(digits.replace(",", "."))
    return float(digits)


def _spelled_value(words: str) -> float | None:
    """ "шестьсот двенадцать": 612, "six hundred and thirty": 630, "twenty-five": 25, "двух с
    половиной": 2.5; None when a word is not a number's."""
    half = re.search(r"\s+(?:and\s+a\s+half|с\s+половиной)$", words)
    if half:
        words = words[: half.start()]
    value = 0.0
    for word in re.split(r"\s+and\s+|[\s-]+", words):
        if word == "hundred":
            value = (value or 1) * 100  # "six hundred": the words before it are its hundreds
        elif word in _WORD_VALUES and " " not in word:
            value += _WORD_VALUES[word]
        else:
            return None
    return value + (0.5 if half else 0)


def find_amounts(
    text: str, offset: int, language: str, countries: Sequence[Sequence[str]] = ()
) -> list[Amount]:
    """Every number stated with a currency or unit in `text` (a sentence starting at `offset`); a
    currency name several countries share is read as the one of `countries` (`currency_of`)."""
    found = []
    unitless: list[Amount] = []  # "от 13 млрд до 13,5 млрд долларов": the first part takes the unit
    for match in _amount().finditer(text):
        unit, multiplier = _unit_of(match, countries)
        if unit is None:
            if match.group("scale") and not match.group("n2") and not _undecided_currency(match):
                value = parse_number(match.group("n1"), language) * _scale_of(match)
                unitless.append(Amount(value, None, "", offset + match.start("n1"), offset + match.end()))
            continue
        if unit == "percent" and _PERCENTAGE_POINTS.match(text[match.end("unit") :]):
            continue
        if match.group("pre") and is_letter_sign(match.group("pre")) and not _scale_of(match) > 1:
            continue  # "Q3", "R5": a letter and a number, no amount
        if (
            unit == "tonnes"
            and match.group("unit").lower() == "t"
            and not (match.group("scale") or match.group("letter"))
        ):
            continue
        scale = _scale_of(match)
        start = match.start("pre") if match.group("pre") else match.start("n1")
        before = text[:start]
        first = parse_number(match.group("n1"), language)
        upper = None
        if match.group("n2"):
            second = parse_number(match.group("n2"), language)
            separator = match.group("sep").strip().lower()
            if separator in {"and", "и"} and not _BETWEEN.search(before):
                continue
            if separator in {"to", "до"} and _FROM.search(before):
                first, start = second, match.start("n2")  # a change "from A to B": B is stated
            elif second > first:
                upper = second * scale * multiplier
        if _is_year(match, first):
            continue
        value = first * scale
        if match.group("n_small"):
            smaller = _SCALE_WORDS.get(match.group("scale_small").lower().rstrip("."), 1e3)
            if smaller < scale:
                value += parse_number(match.group("n_small"), language) * smaller
        value = round(value * multiplier, 6)
        found.append(Amount(value, upper and round(upper, 6), unit, offset + start, offset + match.end()))
    joined = _join_ranges(text, offset, found, unitless)
    joined += _elided(text, offset, joined, unitless)
    joined = _without_restatements(text, offset, joined)
    return sorted(joined + ratios(text, offset, language, joined), key=lambda a: a.start)


# What may follow a number whose unit is left out: the clause's end, a word that opens a period or
# a comparison ("we expect to pass eight billion for 2026") or the verb a part of a total falls to
# its goods by ("…, из которых 1,1 млрд пришлось на нефть"), not a noun that would be its unit.
_GOES_ON = r"\s*(?:$|[,.;:)—–!?»\"]|(?:for|in|this|last|за|в|по|к|это|что)\b|(?:пришл|приход)\w*)"
_CLAUSE_GOES_ON = re.compile(_GOES_ON, re.IGNORECASE)
_SCALE_GOES_ON = re.compile(rf"{_SCALE}(?={_GOES_ON})", re.IGNORECASE)  # a cheap look before the full one


def bare_amounts(text: str, offset: int, language: str) -> list[Amount]:
    """Millions and billions whose unit is left out ("мы вышли на 287 миллионов, это плюс 14
    процентов", "we expect to pass eight billion for 2026"): unit "", for the caller to give the one
    the text has been counting in."""
    found: list[Amount] = []
    if not _SCALE_GOES_ON.search(text):
        return found
    for match in _amount().finditer(text):
        unit, _ = _unit_of(match)
        if (
            unit is not None
            or not match.group("scale")
            or _scale_of(match) < 1e6
            or _undecided_currency(match)
        ):
            continue
        if match.group("n_small") or not _CLAUSE_GOES_ON.match(text, match.end()):
            continue
        scale = _scale_of(match)
        first = parse_number(match.group("n1"), language)
        upper = None
        if match.group("n2"):
            if match.group("sep").strip().lower() in {"and", "и", "to", "до"}:
                continue
            second = parse_number(match.group("n2"), language)
            if second <= first:
                continue
            upper = round(second * scale, 6)
        found.append(
            Amount(round(first * scale, 6), upper, "", offset + match.start("n1"), offset + match.end())
        )
    return found


_TIMES_WORDS = {
    "вдвое": 2,
    "втрое": 3,
    "вчетверо": 4,
    "впятеро": 5,
    "twice": 2,
    "double": 2,
    "triple": 3,
    "treble": 3,
}
# "doubling to USD 21.5 million": the participle that tells the multiple the amount reached
_FOLD_WORDS = {
    "doubled": 2,
    "tripled": 3,
    "trebled": 3,
    "quadrupled": 4,
    "doubling": 2,
    "tripling": 3,
    "trebling": 3,
}
_FRACTIONS = {
    "half": 50,
    "third": 100 / 3,
    "quarter": 25,
    "fifth": 20,
    "sixth": 100 / 6,
    "tenth": 10,
    "половину": 50,
    "треть": 100 / 3,
    "четверть": 25,
    "пятую часть": 20,
    "шестую часть": 100 / 6,
    "десятую часть": 10,
    "пятую": 20,
    "шестую": 100 / 6,
    "десятую": 10,
}
_RATIO = re.compile(
    rf"(?<![\w.,])(?P<n>\d+(?:[.,]\d+)?|(?<![\w-]){_WORDS})\s*(?:раз(?:а)?\b|times\b|-fold\b)"
    # "nearly double the figure of a year earlier": a multiple of the base named after it
    r"|\b(?P<word>вдвое|втрое|вчетверо|впятеро|doubled|tripled|trebled|quadrupled"
    r"|(?:doubling|tripling|trebling)(?=\s+to\s)"
    r"|(?<!to\s)(?:double|triple|treble|twice)(?=\s+the\s+(?:figure|level|value|volume|amount|total)\b)"
    # "almost twice as much as a year earlier"
    r"|twice(?=\s+as\s+(?:much|large|high|big|great)\s+as\b))\b"
    # "by more than a fifth", "примерно на одну пятую", "прибавив почти треть"
    r"|(?:\bby\s+|\bна\s+|\bприбави\w*\s+|\badded\s+|\b(?:rise|increase|growth|gain|jump)\s+of\s+)(?:\w+\s+){0,2}?"
    r"(?P<part>(?:(?:a|one)\s+)?(?:half|third|quarter|fifth|sixth|tenth)"
    r"|(?:одну\s+)?(?:половину|треть|четверть|(?:пятую|шестую|десятую)(?:\s+часть)?))\b"
    # "nearly a third more than…": a fraction as the comparison's measure, with no "by"
    r"|\b(?P<measure>(?:a|one)\s+(?:third|quarter|fifth|sixth|tenth))(?=\s+(?:more|less|higher|lower)\b)",
    re.IGNORECASE,
)
_AGAINST_PLAN = re.compile(
    r"^\W*(?:\w+\W+)?(?:чем|than)\s+(?:(?:был[оаи]?|had\s+been|was|were)\s+)?(?:планировал|ожидал|прогнозировал|намечал|предполагал|planned|expected|forecast|projected|targeted)",
    re.IGNORECASE,
)
_OVER_YEARS = re.compile(
    r"^\W*(?:\w+\W+)?(?:over|in|за|в\s+течение)\s+(?:the\s+(?:past|last)\s+)?(?:\w+|\d+)\s+(?:years|decades|лет|года|десятилет\w*)\b",
    re.IGNORECASE,
)
# "nearly three times the figure for the same period of last year": a multiple of an earlier level
MULTIPLE_OF = re.compile(r"\s+(?:the|that|its)\s+(?:figure|level|value|volume|amount|total)\b", re.IGNORECASE)
_RATIO_DOWN_AFTER = re.compile(r"^\s*(?:меньше|ниже|less|lower|smaller)\b", re.IGNORECASE)
_RATIO_DOWN_BEFORE = re.compile(
    r"(?:сократил|снизил|уменьшил|упал|упад|сокращ|сниж|сократив|снизив|уменьшив|упав"
    r"|fell|dropped|declined|decreased|shrank|halved)\w*\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
_RATIO_UP = re.compile(
    r"(?:больше|выше|more|higher|larger|greater|bigger|as\s+(?:much|large|big|high)|рост|рос|увелич|возрос|вырос|grew|grow|rose|rise|increase|jump|climb|up\b)",
    re.IGNORECASE,
)


# A rise that happened, its verb right before the ratio ("увеличился в 2,1 раза", "grew by roughly a
# third", "were 1.4 times as large"); not one that may happen ("может вырасти втрое").
_CHANGED = re.compile(
    r"^(?!.*\b(?:може\w*|могут|could|may|might|will|would|expect\w*|ожида\w*)\b).*"
    r"\b(?:rose|risen|grew|grown|increased|jumped|climbed|were|was|вырос\w*|выросл\w*|увеличил\w*|возрос\w*|прибавив|прибавил\w*)"
    r"\s+(?:\w+\s+){0,3}$",
    re.IGNORECASE | re.DOTALL,
)


# … or a fall that happened ("сократились на шестую часть", "fell by roughly a tenth"), where no
# modal word (`_MAY`) makes it one that may come.
_FELL = re.compile(
    r"\b(?:fell|fallen|dropped|declined|decreased|shrank|сократил\w*|снизил\w*|уменьшил\w*|упал\w*|упали)"
    r"\s+(?:\w+\s+){0,3}$",
    re.IGNORECASE,
)
_MAY = re.compile(r"\b(?:може\w*|могут|could|may|might|will|would|expect\w*|ожида\w*)\b", re.IGNORECASE)


_NO_FIGURE = re.compile(r"\bwithout\s+giving\s+(?:a\s+)?figures?\b|\bне\s+(?:называя|приводя)\s+цифр", re.I)


def _grew_by(text: str, match: re.Match[str]) -> bool:
    """A ratio with no amount beside it measures a change its verb tells ("импорт увеличился в 1,6
    раза", "grew by roughly a third", "сократились на шестую часть"), or is the verb itself
    ("roughly doubled"), unless the text says no figure was given."""
    before = text[: match.start()]
    if _NO_FIGURE.search(text):
        return False
    if (match.group("word") or "").lower() in _FOLD_WORDS:
        return not _MAY.search(before)
    if match.group("part") and _FELL.search(before) and not _MAY.search(before):
        return True  # a fall by a fraction; "уменьшились почти вдвое" alone is read as no figure
    return bool(_CHANGED.search(before)) and not _RATIO_DOWN_BEFORE.search(before)


def ratios(text: str, offset: int, language: str, amounts: list[Amount]) -> list[Amount]:
    """Growth told as a ratio or a fraction: "2.3 times more than", "в 1,5 раза больше",
    "вырос вдвое", "doubled", "grew by roughly a fifth", "сократился на треть": a rate in percent,
    what the change added to (or took from) the base. Beside an amount of the sentence's own, or
    alone as the measure of a change that happened ("импорт увеличился в 1,6 раза"); not a plain
    "10 раз" with no comparison, nor one against a plan ("вдвое меньше, чем планировалось")."""
    found = []
    for match in _RATIO.finditer(text):
        if any(a.start - offset < match.end() and match.start() < a.end - offset for a in amounts):
            continue
        if not amounts and not _grew_by(text, match):
            continue  # alone, a ratio is a rate only as the measure of a rise that happened
        before, after = text[max(0, match.start() - 40) : match.start()], text[match.end() : match.end() + 25]
        if _AGAINST_PLAN.search(text[match.end() : match.end() + 40]) or _OVER_YEARS.search(
            text[match.end() : match.end() + 40]
        ):
            continue  # against a plan, or over several years: no rate of one period
        down = bool(_RATIO_DOWN_AFTER.search(after) or _RATIO_DOWN_BEFORE.search(before))
        part = match.group("part") or match.group("measure")
        if part:
            words = re.sub(r"^(?:a|one|одну)\s+", "", re.sub(r"\s+", " ", part.lower()))
            value = _FRACTIONS[words]
            start = match.start("part") if match.group("part") else match.start("measure")
        else:
            if match.group("n"):
                ratio = parse_number(match.group("n"), language)
            else:
                word = match.group("word").lower()
                ratio = _TIMES_WORDS.get(word) or _FOLD_WORDS[word]
                if word in _FOLD_WORDS:
                    down = False
            near = f"{before[-25:]} {after}"
            if ratio <= 1 or not (
                down or _RATIO_UP.search(near) or match.group("word") or MULTIPLE_OF.match(after)
            ):
                continue
            value = (1 - 1 / ratio) * 100 if down else (ratio - 1) * 100
            start = match.start("n") if match.group("n") else match.start("word")
        found.append(Amount(round(value, 6), None, "percent", offset + start, offset + match.end()))
    return found


# The dash that stands for the verb, and the qualifier or preposition that may follow it ("импорт
# из Словении — около 3,9 млрд", "— примерно в 14,6 млрд", "— уже 61 млн").
_ELIDED_VERB = re.compile(
    r"[—–]\s*(?:(?:около|порядка|примерно|почти|приблизительно|более|свыше|менее|уже|лишь|всего|ещё|еще|в|на"
    r"|about|some|nearly|almost|roughly|around|over|under|already|only|at)\s+){0,2}$",
    re.IGNORECASE,
)


def elided_verb(text_before: str) -> bool:
    """The text before an amount ends with a dash that stands for the verb of the clause before."""
    return bool(_ELIDED_VERB.search(text_before))


def _elided(text: str, offset: int, amounts: list[Amount], unitless: list[Amount]) -> list[Amount]:
    """ "…составил 410 млн долларов, а по итогам прошлого года — 1,48 миллиарда": the dash stands
    for the verb, and the amount keeps the unit of the one before it."""
    found = []
    for bare in unitless:
        earlier = [a for a in amounts if a.end <= bare.start]
        if (
            earlier
            and not any(a.start <= bare.start < a.end for a in amounts)
            and elided_verb(text[: bare.start - offset])
        ):
            found.append(Amount(bare.value, None, earlier[-1].unit, bare.start, bare.end))
    return found


# What joins an amount to the same amount in another currency: "AED 17.3 billion ($4.71bn)", "5,8 млрд
# дирхамов (около 590 млн долларов)", "68 billion rand, which is roughly $3.8 billion", "166,2 млн
# долларов США (в национальной валюте — 14,5 млрд сомов)"; a few words may come between ("68 billion
# rand last year, which is…").
_RESTATED = re.compile(
    r"\s*(?:\((?:[^()\d]{0,40}[—–:]\s*)?|(?:\s*[^\W\d]+){0,3},?\s*(?:which\s+is|that\s+is|or|i\.e\.|или|то\s+есть|что\s+составляет"
    r"|что\s+эквивалентно)\s+)(?:(?:about|roughly|some|around|nearly|almost|около|примерно|порядка|почти)\s+)?",
    re.IGNORECASE,
)


def _without_restatements(text: str, offset: int, amounts: list[Amount]) -> list[Amount]:
    """An amount in one currency restated in another is one figure: the one in US dollars (as
    statistics compare), else the one stated first."""
    restatements = set()
    for first, second in pairwise(amounts):
        if (
            first.unit != second.unit
            and {first.unit, second.unit} <= CURRENCIES
            and _RESTATED.fullmatch(text[first.end - offset : second.start - offset])
        ):
            restatements.add(id(first) if second.unit == "USD" else id(second))
    return [amount for amount in amounts if id(amount) not in restatements]


_RANGE_JOIN = re.compile(r"\s*(?:and|to|и|до|[-–—])\s*", re.IGNORECASE)


def _join_ranges(text: str, offset: int, amounts: list[Amount], unitless: list[Amount]) -> list[Amount]:
    """ "between $3 billion and $3.5 billion", "от 13 млрд до 13,5 млрд долларов": one range."""
    joined: list[Amount] = []
    for amount in amounts:
        previous = joined[-1] if joined else None
        after_previous = previous.end if previous else 0
        bare = [u for u in unitless if after_previous <= u.start and u.end <= amount.start]
        if bare:
            previous = bare[-1]
        if (
            previous is not None
            and previous.value_upper is None
            and amount.value_upper is None
            and previous.unit in {amount.unit, ""}
            and amount.value > previous.value
            and _RANGE_JOIN.fullmatch(text[previous.end - offset : amount.start - offset])
            and _BETWEEN.search(text[: previous.start - offset])
        ):
            if previous.unit:
                joined.pop()  # the lower end was taken as an amount of its own
            joined.append(Amount(previous.value, amount.value, amount.unit, previous.start, amount.end))
            continue
        joined.append(amount)
    return joined


_CURRENCY_GROUP = f"u{[unit for _, unit, _ in _UNITS].index('currency')}"


def _undecided_currency(match: re.Match[str]) -> bool:
    """ "4,1 млн динаров" where nothing says whose dinars: named money, not a unit left out."""
    return match.group(_CURRENCY_GROUP) is not None and not match.group("pre")


def _unit_of(match: re.Match[str], countries: Sequence[Sequence[str]] = ()) -> tuple[str | None, float]:
    if match.group("unit") is not None:  # counted goods' unit is matched empty: their noun follows
        for i, (_, unit, multiplier) in enumerate(_UNITS):
            if match.group(f"u{i}") is None:
                continue
            if unit != "currency":
                return unit, multiplier
            if not match.group("pre"):  # "the $3.4 billion mark": the sign says the currency
                return currency_of(match.group(f"u{i}"), countries), multiplier
    if match.group("pre"):
        pre = match.group("pre")
        return _PREFIX_CURRENCY.get(pre.lower()) or currency_of(pre), 1
    return None, 1


def _scale_of(match: re.Match[str]) -> float:
    word = (match.group("scale") or match.group("letter") or "").lower().rstrip(".")
    if not word:
        return 1
    if word.startswith("тысяч"):
        return 1e3
    if not match.group("pre") and match.group("letter") and word in {"m", "k", "b"}:
        return 1  # "400m" without a currency is more likely metres than millions
    return _SCALE_WORDS.get(word, 1)


def _is_year(match: re.Match[str], value: float) -> bool:
    return (
        not match.group("unit")
        and not match.group("scale")
        and 1900 <= value <= 2100
        and "." not in match.group("n1")
    )
