"""Periods of figures and dates of events, as the API writes them (`2025`, `2025-11`,
`2025-01/2025-09`, `2025-10-20/2025-10-21`), resolved against the publication date when relative."""

import calendar
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

_MONTHS_RU = {
    "январ": 1,
    "феврал": 2,
    "март": 3,
    "апрел": 4,
    "ма": 5,
    "июн": 6,
    "июл": 7,
    "август": 8,
    "сентябр": 9,
    "октябр": 10,
    "ноябр": 11,
    "декабр": 12,
}
_MONTHS_EN = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH_RU = (
    r"(?:январ(?:ём|ем|[ьяюе])|феврал(?:ём|ем|[ьяюе])|март(?:а|е|ом)?|апрел(?:ем|[ьяюе])|ма(?:ем|[йяюе])"
    r"|июн(?:ем|[ьяюе])|июл(?:ем|[ьяюе])|август(?:[аеу]|ом)?|сентябр(?:ём|ем|[ьяюе])|октябр(?:ём|ем|[ьяюе])"
    r"|ноябр(?:ём|ем|[ьяюе])|декабр(?:ём|ем|[ьяюе]))"
)
_MONTH_EN = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?(?![a-z])"  # not "dec" of "declaration"
)
_MONTH = rf"(?:{_MONTH_RU}|{_MONTH_EN})"
_YEAR = r"(?P<year>(?:19|20)\d{2})(?:\s*-?(?:го|й)\b|\s*(?:годом|года|году|год|г\.|гг\.?)\b|(?:'s)?)?"
_NUMBER_WORDS = {
    "двенадцат": 12,
    "дв": 2,
    "тр": 3,
    "четыр": 4,
    "пят": 5,
    "шест": 6,
    "сем": 7,
    "восьм": 8,
    "восем": 8,
    "девят": 9,
    "десят": 10,
    "одиннадцат": 11,
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
}
_ORDINALS = {
    "перв": 1,
    "втор": 2,
    "трет": 3,
    "четв": 4,
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "i": 1,
    "ii": 2,
    "iii": 3,
    "iv": 4,
    "1": 1,
    "2": 2,
    "3": 3,
    "4": 4,
}
_OF_YEAR = (
    rf"(?:\s+(?:of\s+|in\s+)?(?:(?:the\s+)?(?:current|this|next|last|previous)\s+year|(?:текущего|этого|нынешнего)\s+года|следующего\s+года"
    rf"|(?:прошлого|предыдущего)\s+года"
    rf"|{_YEAR}|года\b|the\s+year))?"
)

# A year that does not start in January: "the Iranian year that ended March 20", "the current
# Iranian year, which began on March 21", "the fiscal year ended March 31, 2025".
_FISCAL_YEAR = (
    rf"\b(?:(?:the|its)\s+)?(?P<which>current\s+|last\s+|previous\s+)?(?P<iran>Iranian\s+)?"
    rf"(?:(?:fiscal|financial)\s+)?year,?\s+(?:that\s+|which\s+)?(?P<edge>ended|began|started)\s+(?:on\s+)?"
    rf"(?:(?P<em>{_MONTH_EN})\s+(?P<ed>\d{{1,2}})|(?P<ed2>\d{{1,2}})\s+(?P<em2>{_MONTH_EN}))(?:,?\s+{_YEAR})?"
    rf"|\b(?:(?:the|its)\s+)?(?P<which2>current\s+|last\s+|previous\s+)?Iranian\s+year\b"
    rf"|\b(?P<which3>текущ\w+\s+|прошл\w+\s+)?иранск\w+\s+год\w*"
)

# "the fiscal year to March 2026", "the financial year ending March 2025", "the current fiscal year,
# which ends in March 2027", "the fiscal year that began in July 2024": a year known by a month.
_FISCAL_MONTH = (
    rf"(?:\b(?:(?:the|its|this)\s+)?(?P<which>current\s+|last\s+|previous\s+|next\s+)?(?:fiscal|financial)\s+year,?\s+"
    rf"(?:that\s+|which\s+)?(?P<edge>to|through|ending|ended|ends|end|beginning|began|begins|starting|started|starts)"
    rf"\s+(?:in\s+)?(?P<em>{_MONTH_EN})"
    # "в финансовом году, завершившемся в марте 2026 года", "финансового года, начавшегося в июле"
    rf"|\b(?P<which_ru>текущ\w+\s+|прошл\w+\s+|предыдущ\w+\s+|следующ\w+\s+)?финансов\w+\s+год\w*,?\s+(?:который\s+)?"
    rf"(?P<edge_ru>завершивш\w+|закончивш\w+|заверша\w+|заканчива\w+|начавш\w+|начина\w+)\s+(?:в\s+)?"
    rf"(?P<em_ru>{_MONTH_RU}))(?!\s+\d{{1,2}}\b)(?:\s+{_YEAR})?"
)

# "October 2023 to September 2024", "с июля 2024-го по июнь 2025-го", "between October 2024 and
# March 2025": two months, each with its year, joined into one span (across a year end).
_DATED_MONTHS = (
    rf"\b(?:с\s+|from\s+|(?P<between>between\s+|между\s+))?(?P<m1>{_MONTH})\s+(?P<y1>(?:19|20)\d{{2}})"
    rf"(?:\s*-?(?:го|й)\b|\s*(?:года|г\.))?"
    rf"\s*(?:[-–—]|по|to|through|until|(?P<and>\s(?:и|and)\s))\s*(?P<m2>{_MONTH})\s+{_YEAR}"
)

# "2025-26", "FY2024/25", "the 2024/25 financial year": a year across a year end, read only when
# its sentence tells which twelve months ("the fiscal year from April to March").
_YEAR_PAIR = r"\b(?:FY\s?)?(?P<y1>(?:19|20)\d{2})\s*[/–-]\s*(?P<y2>\d{2}|(?:19|20)\d{2})\b(?![/.-]\d)"
_TWELVE_MONTHS = re.compile(
    rf"(?P<m1>{_MONTH})\s*(?:[-–—]|по|to|through|until)\s*(?P<m2>{_MONTH})(?!\s+(?:19|20)\d{{2}})",
    re.IGNORECASE,
)
# "2025-26, which ended in March", "fiscal 2025/26, ending in June": a fiscal year told by its last month.
_ENDED_IN = re.compile(
    rf",?\s*(?:which\s+|that\s+)?(?:ended|ends|ending|closed)\s+(?:in\s+|on\s+)?(?P<m2>{_MONTH_EN})(?!\s+\d)",
    re.IGNORECASE,
)
# "Our fiscal year runs from October to September", "(July 2025 to June 2026)": the months of a text's
# fiscal year, a year on each month or none.
_FISCAL_WORD = re.compile(r"\b(?:fiscal|financial)\b|финансов\w+\s+год|" + _YEAR_PAIR, re.IGNORECASE)
# "puts 2024 exports at…", "2026 trade with India": a year before the flow it dates
_FLOW_AFTER = re.compile(
    r"\s+(?:(?:annual|full-year|total|overall)\s+)?(?:two-way\s+|bilateral\s+|mutual\s+)?(?:turnover|trade|exports|imports|shipments|deliveries|figures?|data)\b",
    re.IGNORECASE,
)
_FISCAL_NEAR = re.compile(
    r"\b(?:FY|fiscal|financial|marketing|crop)\b|финансов|маркетингов|сельскохозяйственн|сельхоз",
    re.IGNORECASE,
)
_DATED_TWELVE = re.compile(
    rf"(?P<m1>{_MONTH})(?:\s+(?:19|20)\d{{2}})?\s*(?:[-–—]|по|to|through|until)\s*(?P<m2>{_MONTH})",
    re.IGNORECASE,
)

# "over those twelve months", "за те же девять месяцев", "in these six months": a count of months
# after a demonstrative points back at the period just told, unless it names a year of its own.
_THOSE_MONTHS = (
    r"\b(?:(?:за|в|во|на)\s+)?(?:те\s+же|эти|этих|тех\s+же|указанные|указанных|these|those|the\s+same)\s+"
    r"(?:(?P<n>\d{1,2}|дв\w+|тр[её]х|три|четыр\w+|пят\w+|шест\w+|сем\w+|восьм\w+|восемь|девят\w+|десят\w+"
    r"|одиннадцат\w+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)[\s-]+)?"
    r"(?:месяц\w*|months)\b"
    r"(?!\s+(?:of\s+|in\s+)?(?:(?:the\s+)?(?:last|previous)\s+year|(?:прошлого|предыдущего)\s+года|(?:19|20)\d{2}))"
)

_PATTERNS: tuple[tuple[str, str], ...] = (
    ("carry", _THOSE_MONTHS),
    ("fiscal_year", _FISCAL_YEAR),
    ("fiscal_month", _FISCAL_MONTH),
    ("dated_months", _DATED_MONTHS),
    ("year_pair", _YEAR_PAIR),
    # "с 21 марта по 22 октября", "from 21 March to 22 October 2026": a span of days
    (
        "days",
        rf"\b(?:с|from)\s+(?P<d1>\d{{1,2}})\s+(?P<m1>{_MONTH})\s*(?:по|to|until|through|[-–—])\s*"
        rf"(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTH})(?:\s+{_YEAR})?",
    ),
    (
        "months",
        rf"\b(?:с\s+|from\s+|(?P<between>between\s+|между\s+))?(?P<m1>{_MONTH})\s*(?:[-–—]|по|to|through|(?P<and>\s(?:и|and)\s))\s*(?P<m2>{_MONTH}){_OF_YEAR}",
    ),
    (
        "months_to",
        rf"\b(?P<n>\d{{1,2}}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)[\s-]+months?"
        rf"\s+(?:to|ending|ended|through)\s+(?:in\s+)?(?:the\s+end\s+of\s+)?(?P<m2>{_MONTH_EN})(?!\s+\d{{1,2}}\b)(?:\s+{_YEAR})?",
    ),
    # "за 12 месяцев, закончившихся в сентябре 2026 года": the months up to that one
    (
        "months_to",
        rf"\b(?P<n>\d{{1,2}}|двенадцат\w+|шест\w+|девят\w+|тр[её]х|три)\s+месяц\w*,?\s+"
        rf"(?:завершивш|закончивш|истекш)\w+\s+(?:в\s+)?(?P<m2>{_MONTH_RU})(?!\s+\d{{1,2}}\b)(?:\s+{_YEAR})?",
    ),
    ("first_quarters", rf"\bfirst\s+(?P<n>two|three|2|3)\s+quarters{_OF_YEAR}"),
    # "the final three months of 2025", "последние два месяца прошлого года": a year's closing months,
    # only with the year told (without it, the last months before the text)
    (
        "last_months",
        rf"\b(?:last|final|closing|последн\w+)\s+(?P<n>\d{{1,2}}|дв\w+|тр[её]х|три|четыр\w+|пят\w+|шест\w+|"
        rf"two|three|four|five|six)[\s-]+(?:месяц\w*|months?)(?=\s+(?:of\s+)?(?:the\s+year\b|(?:this|last|"
        rf"previous|current)\s+year|(?:текущего|этого|нынешнего|прошлого|предыдущего)\s+года|(?:19|20)\d{{2}})){_OF_YEAR}",
    ),
    (
        "first_months",
        rf"\b(?:(?:перв\w+|first)\s+)?(?P<n>\d{{1,2}}|дв\w+|тр[её]х|три|восемь|четыр\w+|пят\w+|шест\w+|сем\w+|восьм\w+|девят\w+|десят\w+|одиннадцат\w+|two|three|four|five|six|seven|eight|nine|ten|eleven)[\s-]+(?:месяц\w*|months?|-month)(?:\s+period)?{_OF_YEAR}",
    ),
    (
        "half",
        rf"\b(?P<o>перв\w+|втор\w+|first|second|I|II|1|2)[\s-]*(?:полугоди\w+|половин\w+|half(?:\s+of)?|half-year|H\b)(?:\s+(?:of\s+)?(?:the\s+)?(?:year\b|current\s+year|this\s+year|next\s+year|last\s+year|previous\s+year|(?:текущего|этого|нынешнего)\s+года|(?:следующего|будущего)\s+года|(?:прошлого|предыдущего)\s+года|года\b|{_YEAR}))?",
    ),
    ("half", rf"\b(?:H|(?P<o2>[12])H)(?P<o>[12])?\s*{_YEAR}"),
    # "In H1, trade slipped…": the half of the year the text is about
    ("half", r"\b(?:in|during|for|over)\s+H(?P<o>[12])\b"),
    ("half", rf"\b(?:по\s+итогам|за)\s+(?:полугоди\w+|полгода){_OF_YEAR}"),
    (
        "quarter",
        rf"\b(?P<o>перв\w+|втор\w+|трет\w+|четв[её]рт\w+|first|second|third|fourth|I{{1,3}}|IV|[1-4])[\s-]*(?:-?(?:м|й|го|th|st|nd|rd)\s+)?(?:квартал\w*|quarter)(?:\s+(?:of\s+)?(?:the\s+)?(?:year\b|current\s+year|this\s+year|next\s+year|last\s+year|previous\s+year|(?:текущего|этого|нынешнего)\s+года|(?:следующего|будущего)\s+года|(?:прошлого|предыдущего)\s+года|года\b|{_YEAR}))?",
    ),
    ("quarter", rf"\bQ(?P<o>[1-4])\s*{_YEAR}?"),
    (
        "season",
        r"\b(?:(?P<season>весной|летом|осенью|(?<=на\s)(?:весну|лето|осень))|(?:in\s+(?:the\s+)?|this\s+|next\s+|last\s+|(?:postponed|moved|pushed\s+back|rescheduled|put\s+off)\s+(?:to|until|till|for)\s+the\s+|(?:scheduled|planned|set|slated|pencil{1,2}ed\s+in)\s+for\s+(?:the\s+)?)(?P<season_en>spring|summer|autumn|fall))\b(?:\s+(?:of\s+)?(?:текущего\s+года|этого\s+года|this\s+year|(?P<next>следующего\s+года|next\s+year)|{_YEAR}))?".replace(
            "{_YEAR}", _YEAR
        ),
    ),
    ("next_year", r"\b(?:в\s+|на\s+)?(?:следующ|будущ)\w+\s+год\w*|\bnext\s+year\b|\bthe\s+coming\s+year\b"),
    (
        "carry",
        r"\b(?:за\s+)?(?:тот\s+же|этот\s+же|этот|указанный|данный|отчётный|отчетный)\s+период\b"
        r"|\b(?:in|during|over|for)\s+(?:the\s+same|the|that|this)\s+period\b(?!\s+(?:of|in|a\s+year))"
        r"|\b(?:in|during|over|for)\s+the\s+same\s+(?:fiscal|financial)\s+year\b",
    ),
    # "с июля в иранские порты отгружено…", "since July": from that month to the article's
    (
        "since_month",
        rf"\b(?:с|since)\s+(?P<m1>{_MONTH})(?![a-zа-яё])(?!\.?\s*\d)(?!\s*(?:[-–—]|по\b|to\b|through\b|until\b))",
    ),
    (
        "month",
        rf"(?<!\d\s)(?<!\d)\b(?P<m1>{_MONTH})(?![a-zа-яё])(?!\.?\s*\d{{1,2}}\b)"
        rf"(?:\s+{_YEAR}|\s+(?P<which>текущего|этого|прошлого|следующего)\s+года\b)?",
    ),
    (
        "ytd",
        r"\b(?:с\s+начала\s+(?:текущего\s+|этого\s+)?года|since\s+the\s+(?:beginning|start)\s+of\s+(?:the|this)\s+year|year[\s-]to[\s-]date|YTD)\b"
        # a past point of this year not told more closely: the months up to the article's
        r"|\b(?:earlier\s+this\s+year|ранее\s+в\s+(?:этом|текущем)\s+году)\b",
    ),
    (
        "last_year",
        r"\b(?:(?:в|за)\s+)?(?:прошл\w+|минувш\w+)\s+год\w*|\blast\s+year\b|\bprevious\s+year\b|\bа\s+year\s+earlier\b|\bа\s+year\s+ago\b",
    ),
    # "before the end of the year", "до конца года": a figure's year, an event's window from the
    # publication month to December
    (
        "year_end",
        r"\b(?:by|before)\s+(?:the\s+)?end\s+of\s+(?:the|this)\s+year\b|\b(?:by|before)\s+year[\s-]end\b"
        r"|\b(?:до|к)\s+конц[ау]\s+(?:(?:текущего|этого|нынешнего)\s+)?года\b",
    ),
    # "Full-year 2025", "for the full year 2025": that year, not the year of publication
    ("year", rf"\b(?:(?:for\s+)?the\s+)?(?:full|whole|entire)[\s-]+year\s+(?:of\s+)?{_YEAR}"),
    (
        "this_year",
        r"\b(?:(?:в|за)\s+)?(?:текущ\w+|эт\w+|нынешн\w+)\s+год\w*|\bthis\s+year\b"
        r"|\bза\s+тот\s+год\b|\bв\s+том\s+же\s+году\b|\b(?:for\s+|in\s+)?(?:that|the\s+same)\s+year\b|\bthe\s+current\s+year\b|\bпо\s+итогам\s+года\b|\bfor\s+the\s+(?:whole\s+|full\s+)?year\b|\bпо\s+итогам\s+текущего\s+года\b"
        # "the full year could end above…"; "в прошлом году…, а по итогам нынешнего — …": the year
        # word left out after the year before
        r"|\bthe\s+(?:full|whole|entire)\s+year\b|\bпо\s+итогам\s+(?:текущего|нынешнего|этого)(?=\s*[,—–])",
    ),
    ("annual", r"\bгодов\w+\s+показател\w+|\bгодов\w+\s+объ[её]м\w*|\bannual\b|\bfull-year\b"),
    (
        "year",
        rf"(?:\b(?:в|во|за|на|к|до|по\s+итогам|in|for|of|during|by|through|throughout|as\s+recently\s+as)\s+)"
        rf"(?:calendar\s+)?{_YEAR}",
    ),
    ("year", rf"\b{_YEAR}"),
)
_COMPILED = [(kind, re.compile(pattern, re.IGNORECASE)) for kind, pattern in _PATTERNS]
_COMPARISON = re.compile(
    r"(?:по\s+сравнению(?:\s+со?)?|относительно|против|в\s+сравнении(?:\s+с)?|к\s+(?:уровню\s+)?|compared\s+(?:with|to)|"
    r"from|than(?:\s+in)?|above|below|чем(?:\s+за|\s+во?)?|versus|vs\.?|(?:показател\w+|уровн\w+|уровень)|(?:%|percent|cent|up|down|growth|increase|rise|decline|half|third|quarter|fifth|tenth),?\s+(?:over|on))\s*(?:(?:аналогичн|соответствующ)\w+\s+период\w*|the\s+same\s+period(?:\s+(?:of|in))?|the\s+same|the)?\s*$",
    re.IGNORECASE,
)
_RATE_TO = re.compile(r"к\s", re.IGNORECASE)
_RATE_BEFORE = re.compile(r"(?:%|процент\w*|раза?)\s*$", re.IGNORECASE)
# "compared with USD 167.4 million in the first quarter", "from $250 million in 2024": a base told
# with its value before its period
_VALUE_BASE = re.compile(
    r"\b(?:compared\s+(?:with|to)|against|versus|from)\s+"
    r"(?:(?:US\$|USD\s?|EUR\s?|S\$|\$|€)\d+(?:[.,]\d+)*(?:\s*(?:thousand|million|billion|bn|m)\b)?"
    r"|\d+(?:[.,]\d+)*\s*(?:thousand|million|billion|bn)\b"
    r"|\d+(?:[.,]\d+)*\s*(?:(?:thousand|million|billion)\s+)?(?:tonnes|tons|TEU|bcm|cubic\s+metres)\b)"
    r"(?:\s+[a-z]+){0,3}?(?:\s+(?:in|for|during|over)(?:\s+the)?)?\s*$",
    re.IGNORECASE,
)
_SAME_PERIOD = re.compile(
    r"(?:аналогичн|соответствующ)\w+\s+(?:период|месяц|квартал)\w*(?:\s+(?:прошлого|предыдущего)\s+года)?|"
    r"(?:тот|те|тем|тех|того|том|тому)\s+же\s+(?:\w+\s+)?(?:период|месяц|квартал)\w*\s+"
    r"(?:(?:прошлого|предыдущего)\s+года|(?:19|20)\d{2}(?:-?го)?(?:\s+года)?)|"
    r"(?:the\s+)?(?:same|corresponding|comparable)\s+(?:period|quarter|month|half)s?"
    r"(?:\s+(?:of|in)\s+(?:(?:the\s+)?(?:last|previous)\s+year|(?:19|20)\d{2}\b)|\s+a\s+year\s+(?:earlier|ago))?|"
    r"(?:the\s+)?same\s+[a-z]+\s+months\s+(?:of|in)\s+(?:(?:the\s+)?(?:last|previous)\s+year|(?:19|20)\d{2}\b)|"
    r"year[\s-]on[\s-]year|y/y|в\s+годовом\s+выражении|годом\s+ранее|год\s+назад|прошлогодн\w+"
    r"|a\s+year\s+(?:earlier|ago|before(?=\s*[.,;)]))|the\s+year\s+before(?=\s*[.,;)])|"
    r"(?:показател\w+|уров\w+)\s+(?:прошлого|предыдущего)\s+года"
    # "up 8% on last year's figure" is the base; "Latvian data put last year's figure at…" is the figure's own
    r"|(?<!\bput\s)(?<!\bputs\s)(?<!\brevised\s)(?:last|the\s+previous)\s+year's\s+(?:level|figure)",
    re.IGNORECASE,
)


_DEMONSTRATIVE = re.compile(r"(?:(?:за|в|во|на)\s+)?(?:эти|этих|указанн\w+|these|those)\b", re.IGNORECASE)
_REPORTING = re.compile(r"отч[её]тн", re.IGNORECASE)
_FROM_A_SPAN = re.compile(r"(?:from|с)\s+", re.IGNORECASE)
_BARE_SAME = re.compile(r"(?:the\s+)?(?:same|corresponding|comparable)\s+period", re.IGNORECASE)
# "over the same period" is a span, except after a rate ("up 5% over the same period": its base).
_SPAN_BEFORE = re.compile(r"(?<!%\s)(?<!percent\s)(?<!cent\s)\b(?:in|during|over|for)\s+$", re.IGNORECASE)

_SEASONS = {
    "весн": (3, 5),
    "лет": (6, 8),  # летом, на лето
    "осен": (9, 11),
    "spring": (3, 5),
    "summer": (6, 8),
    "autumn": (9, 11),
    "fall": (9, 11),
}


@dataclass(frozen=True)
class Period:
    """A span of months in one year or a whole year, and where the text states it."""

    # `2025`, `2025-11`, `2025-01/2025-09`; a period pointed back at (kind `carry`): `carry` (the last
    # one told) or `last_figure` (the last figure's: "in that year", "за отчётный период")
    value: str
    kind: str  # year, month, months, dated_months (each month with its year), half, quarter, ytd…
    start: int
    end: int
    comparison: bool = False  # stated as the base of a comparison ("по сравнению с 2023 годом")
    explicit_year: bool = True
    months: int | None = None  # a period pointed back at by its count of months ("those twelve months")


def _lowercase_may(match: re.Match[str]) -> bool:
    """ "supplies may reach…": the verb, not the month, which English writes with a capital."""
    return any(match.groupdict().get(name) == "may" for name in ("m1", "m2", "em"))


def _month_number(word: str) -> int:
    folded = word.lower().rstrip(".")
    for stem, number in _MONTHS_RU.items():
        if folded.startswith(stem) and (stem != "ма" or len(folded) <= 3 or folded == "маем"):
            return number
    if folded.startswith("мар"):
        return 3
    return _MONTHS_EN.get(folded[:3], 0)


def _count(word: str) -> int:
    folded = word.lower()
    if folded.isdigit():
        return int(folded)
    for stem, number in _NUMBER_WORDS.items():
        if folded.startswith(stem):
            return number
    return 0


def _ordinal(word: str) -> int:
    folded = word.lower()
    for stem, number in _ORDINALS.items():
        if folded == stem or (len(stem) > 2 and folded.startswith(stem)):
            return number
    return 0


def span(year: int, first_month: int, last_month: int) -> str:
    if first_month == 1 and last_month == 12:
        return str(year)
    if first_month == last_month:
        return f"{year}-{first_month:02d}"
    return f"{year}-{first_month:02d}/{year}-{last_month:02d}"


def find_periods(
    text: str,
    offset: int,
    default_year: int | None,
    published: date | None,
    *,
    reported: bool = True,
    fiscal_first: int | None = None,
) -> list[Period]:
    """Periods stated in a sentence; those whose year cannot be known are left out. `reported`: the
    months of a figure, which are over by the publication date (an event's may be ahead of it).
    `fiscal_first`: the month the text's fiscal years begin in, when it told that elsewhere
    (`fiscal_first_month`), for a year across a year end ("2025-26") whose sentence does not."""
    taken: list[tuple[int, int]] = []
    found: list[Period] = []
    # "the same quarter of last year" is the base of a comparison, not last year.
    for match in _SAME_PERIOD.finditer(text):
        taken.append((match.start(), match.end()))
        if _BARE_SAME.fullmatch(match.group()) and _SPAN_BEFORE.search(text[: match.start()]):
            # "rose to EUR 1.9 billion over the same period": the period just stated, not a base
            found.append(Period("carry", "carry", offset + match.start(), offset + match.end(), False, False))
            continue
        found.append(Period("same", "same", offset + match.start(), offset + match.end(), True, False))
    for kind, pattern in _COMPILED:
        for match in pattern.finditer(text):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            if _lowercase_may(match):
                continue
            if kind == "year_pair":
                period = _year_pair(match, fiscal_first)
            else:
                period = _resolve(kind, match, default_year, published, published if reported else None)
            if period is None:
                if kind == "year_pair" and _FISCAL_NEAR.search(
                    text[max(0, match.start() - 12) : match.end() + 25]
                ):
                    # "в 2024/2025 финансовом году" with no months told: a year we cannot place, not 2024
                    taken.append((match.start(), match.end()))
                continue
            value, explicit = period
            taken.append((match.start(), match.end()))
            fiscal_months = _fiscal_months(text, match.end()) if kind == "year_pair" else None
            if fiscal_months is not None:
                # "in financial year 2025–26 (April–March)", "2025-26, which ended in March": the
                # months say which year, they are no period
                taken.append((fiscal_months[0], fiscal_months[1]))
            comparison = bool(_COMPARISON.search(text[max(0, match.start() - 40) : match.start()]))
            if not comparison and kind not in {"same", "carry"}:
                comparison = bool(_VALUE_BASE.search(text[max(0, match.start() - 60) : match.start()]))
            if not comparison and _RATE_TO.match(match.group()):
                # "увеличившись на 6,2 % к 2024 году": a rate "к" a year is against it, not by it
                comparison = bool(_RATE_BEFORE.search(text[max(0, match.start() - 20) : match.start()]))
            if kind == "carry" and _DEMONSTRATIVE.match(match.group()):
                comparison = False  # "fell 8% over those twelve months": the span, not a base
            opening = _FROM_A_SPAN.match(text, match.start())
            if not comparison and opening and "m2" in match.groupdict():
                # "up 9.8% from January–June 2025": "from" opens the base, not a span "from … to"
                comparison = bool(
                    re.fullmatch(r"\s*[-–—]\s*", text[match.end("m1") : match.start("m2")])
                    and _COMPARISON.search(text[max(0, match.start() - 40) : opening.end()])
                )
            months = _count(match.group("n")) if kind == "carry" and match.groupdict().get("n") else None
            if kind == "carry" and _REPORTING.search(match.group()):
                value = "last_figure"  # "за отчётный период": the release's own, its last figure's
            found.append(
                Period(
                    value, kind, offset + match.start(), offset + match.end(), comparison, explicit, months
                )
            )
    return _that_year(text, offset, sorted(found, key=lambda period: period.start))


_THAT_YEAR = re.compile(
    r"(?:за\s+тот\s+год|в\s+том\s+же\s+году|в\s+тот\s+год|(?:for\s+|in\s+)?(?:that|the\s+same)\s+year"
    r"|(?:(?:for|over)\s+)?the\s+(?:whole|full|entire)\s+year|for\s+the\s+year|по\s+итогам\s+года|за\s+весь\s+год)$",
    re.IGNORECASE,
)


def _that_year(text: str, offset: int, found: list[Period]) -> list[Period]:
    """ "Back in 2015, Georgia handled… for the whole year", "в 2019 году… оборот за тот год": the
    year the sentence named before, not the current one."""
    result: list[Period] = []
    for period in found:
        years = [p for p in result if p.kind == "year" and not p.comparison]
        words = text[period.start - offset : period.end - offset]
        if period.kind == "this_year" and years and _THAT_YEAR.search(words):
            period = Period(years[-1].value, "year", period.start, period.end, period.comparison, True)
        elif period.kind == "this_year" and re.search(r"\bтот\b|\bтом\s+же\b|\bthat\b|\bsame\b", words, re.I):
            # a year told before: the last figure's, not whatever period was told last
            period = Period("last_figure", "carry", period.start, period.end, False, False)
        result.append(period)
    return result


def _year_of(
    match: re.Match[str], default_year: int | None, published: date | None
) -> tuple[int, bool] | None:
    year = match.groupdict().get("year")
    if year:
        return int(year), True
    if re.search(r"следующ|будущ|next", match.group(), re.I) and published:
        return published.year + 1, False
    if re.search(r"прошл|предыдущ|\blast\b|previous", match.group(), re.I) and published:
        return published.year - 1, False
    if re.search(r"текущ|этого|нынешн|this|current", match.group(), re.I) and published:
        return published.year, False
    return (default_year, False) if default_year else None


def _fiscal_year(match: re.Match[str], published: date | None) -> tuple[str, bool] | None:
    """The year's first and last day. Without a stated edge, the Iranian year (21 March – 20 March)."""
    groups = match.groupdict()
    which = (groups.get("which") or groups.get("which2") or groups.get("which3") or "").strip().lower()
    if groups.get("edge"):
        month = _month_number(groups["em"] or groups["em2"])
        day = int(groups["ed"] or groups["ed2"])
        began = groups["edge"].lower() != "ended"
    else:
        month, day, began = 3, 21, True
    if not month:
        return None
    if groups.get("year"):
        edge = date(int(groups["year"]), month, day)
    elif published is not None:
        edge = date(published.year, month, day)
        if (edge > published) if groups.get("edge") else (not began and edge > published):
            edge = date(published.year - 1, month, day)
        if not groups.get("edge") and edge > published:
            edge = date(published.year - 1, month, day)  # the Iranian year now running began then
    else:
        return None
    if began:
        first = edge
        if which.startswith(("last", "previous", "прошл")):
            first = date(first.year - 1, first.month, first.day)
        last = date(first.year + 1, first.month, first.day) - timedelta(days=1)
    else:
        last = edge
        first = date(last.year - 1, last.month, last.day) + timedelta(days=1)
    return f"{first.isoformat()}/{last.isoformat()}", bool(groups.get("year"))


_WHICH_RU = {"теку": "current", "прош": "last", "пред": "previous", "след": "next"}


def _fiscal_month(match: re.Match[str], published: date | None) -> tuple[str, bool] | None:
    """A fiscal year from the month it ends in (its last day) or begins in (its first day); without
    a year, the one running at publication ("current"), the one before it ("last"), or the one
    after ("next")."""
    month = _month_number(match.group("em") or match.group("em_ru"))
    if not month:
        return None
    edge = (match.group("edge") or match.group("edge_ru")).lower()
    ends = edge in {"to", "through", "ending", "ended", "ends", "end"} or edge.startswith(
        ("заверш", "законч", "заканч")
    )
    if match.group("year"):
        year = int(match.group("year"))
    elif published is not None:
        which = _WHICH_RU.get((match.group("which_ru") or "")[:4].lower(), match.group("which") or "")
        which = which.strip().lower()
        year = published.year
        # "the last fiscal year, which ended in June" is the last one over: its end says so already
        past = ends and which in {"last", "previous"}
        running = not past and (
            which in {"current", "next"}
            or edge in {"ends", "end"}
            or edge.startswith(("заверша", "заканчива"))
        )
        if ends and running and (year, month) < (published.year, published.month):
            year += 1  # "the current fiscal year, which ends in March": it ends next in that month
        if ends and not running and (year, month) > (published.year, published.month):
            year -= 1  # "in the fiscal year to March": the last one that ended
        if not ends and (year, month) > (published.year, published.month):
            year -= 1  # the year now running began in that month
        if not past:
            year += {"last": -1, "previous": -1, "next": 1}.get(which, 0)
    else:
        return None
    if ends:
        last = date(year, month, calendar.monthrange(year, month)[1])
        first = date(year - 1 if month < 12 else year, month % 12 + 1, 1)
    else:
        first = date(year, month, 1)
        last = date(year + 1, month, 1) - timedelta(days=1)
    return f"{first.isoformat()}/{last.isoformat()}", bool(match.group("year"))


def _dated_months(match: re.Match[str]) -> tuple[str, bool] | None:
    """From the first month of its year to the last of its own; "in October 2024 and March 2025"
    (no "between") is two months, not a span."""
    first = (int(match.group("y1")), _month_number(match.group("m1")))
    last = (int(match.group("year")), _month_number(match.group("m2")))
    if not first[1] or not last[1] or last <= first or (match.group("and") and not match.group("between")):
        return None
    if first[0] == last[0]:
        return span(first[0], first[1], last[1]), True
    return f"{first[0]}-{first[1]:02d}/{last[0]}-{last[1]:02d}", True


def _months_to(match: re.Match[str], published: date | None) -> tuple[str, bool] | None:
    """ "the six months to June", "the 12 months ending March 2026": the months up to that one, its
    year the one stated, else the last that is over by the publication date."""
    count, last = _count(match.group("n")), _month_number(match.group("m2"))
    if not 1 <= count <= 12 or not last:
        return None
    if match.group("year"):
        year = int(match.group("year"))
    elif published is not None:
        year = published.year if last <= published.month else published.year - 1
    else:
        return None
    first = last - count + 1
    if first >= 1:
        return span(year, first, last), bool(match.group("year"))
    return f"{year - 1}-{first + 12:02d}/{year}-{last:02d}", bool(match.group("year"))


def _days(match: re.Match[str], published: date | None) -> tuple[str, bool] | None:
    """From one day to another, across a year end when the second month comes first; the year the
    one stated (the last day's), else the last in which the span is over by the publication date."""
    first_month, last_month = _month_number(match.group("m1")), _month_number(match.group("m2"))
    if not first_month or not last_month:
        return None
    if match.group("year"):
        year = int(match.group("year"))
    elif published is not None:
        year = (
            published.year
            if (last_month, int(match.group("d2"))) <= (published.month, published.day)
            else published.year - 1
        )
    else:
        return None
    try:
        first = date(year - (last_month < first_month), first_month, int(match.group("d1")))
        last = date(year, last_month, int(match.group("d2")))
    except ValueError:
        return None
    if last <= first:
        return None
    return f"{first.isoformat()}/{last.isoformat()}", bool(match.group("year"))


def _fiscal_months(text: str, pair_end: int | None = None) -> tuple[int, int, int] | None:
    """ "April–March", "from July to June": twelve months that do not start in January, or, right
    after a year across a year end (`pair_end`), "which ended in March"; as (start, end, first month)."""
    if pair_end is not None:
        ended = _ENDED_IN.match(text, pair_end)
        if ended is not None and _month_number(ended.group("m2")) < 12:
            return ended.start("m2"), ended.end("m2"), _month_number(ended.group("m2")) + 1
    for months in _TWELVE_MONTHS.finditer(text):
        first, last = _month_number(months.group("m1")), _month_number(months.group("m2"))
        if first > 1 and last == first - 1:
            return months.start(), months.end(), first
    return None


def fiscal_first_month(sentences: Iterable[str]) -> int | None:
    """The month a text's fiscal years begin in, from the first sentence that speaks of a fiscal
    year and tells its months ("Our fiscal year runs from October to September", "financial year
    2025–26 (April–March)", "fiscal 2025-26, which ended in March", "(July 2025 to June 2026)")."""
    for text in sentences:
        for word in _FISCAL_WORD.finditer(text):
            told = _fiscal_months(text, word.end())
            if told is not None:
                return told[2]
            for months in _DATED_TWELVE.finditer(text):
                first, last = _month_number(months.group("m1")), _month_number(months.group("m2"))
                if first > 1 and last == first - 1:
                    return first
    return None


def _year_pair(match: re.Match[str], fiscal_first: int | None = None) -> tuple[str, bool] | None:
    """A fiscal year by its two calendar years, from the first month its sentence gives it (or the
    text's fiscal year, `fiscal_first`) to the month before that, a year later; None when neither
    says which months."""
    first_year = int(match.group("y1"))
    second = match.group("y2")
    if (int(second) if len(second) == 4 else first_year // 100 * 100 + int(second)) != first_year + 1:
        return None
    months = _fiscal_months(match.string, match.end())
    first = months[2] if months is not None else fiscal_first
    if first is None or not 1 < first <= 12:
        return None
    return f"{first_year}-{first:02d}/{first_year + 1}-{first - 1:02d}", True


def _resolve(
    kind: str,
    match: re.Match[str],
    default_year: int | None,
    published: date | None,
    reported_by: date | None = None,
) -> tuple[str, bool] | None:
    if kind == "fiscal_year":
        return _fiscal_year(match, published)
    if kind == "fiscal_month":
        return _fiscal_month(match, published)
    if kind == "carry":
        return "carry", False
    if kind == "dated_months":
        return _dated_months(match)
    if kind == "year_pair":
        return _year_pair(match)
    if kind == "months_to":
        return _months_to(match, published)
    if kind == "days":
        return _days(match, published)
    if kind == "season":
        season = (match.group("season") or match.group("season_en")).lower()
        months = next(m for stem, m in _SEASONS.items() if season.startswith(stem))
        if match.groupdict().get("year"):
            year = int(match.group("year"))
        elif published is not None:
            year = published.year + (
                1 if match.groupdict().get("next") or re.search(r"next|следующ", match.group(), re.I) else 0
            )
        else:
            return None
        return span(year, *months), bool(match.groupdict().get("year"))
    if kind == "next_year":
        return (str(published.year + 1), False) if published else None
    if kind == "annual":
        annual = published.year if published else default_year
        return (str(annual), False) if annual else None
    if kind in {"ytd", "last_year", "this_year", "year_end"}:
        if published is None:
            return None
        if kind == "year_end" and reported_by is None:
            return span(published.year, published.month, 12), False
        if kind == "ytd":
            return span(published.year, 1, published.month), False
        return str(published.year - (1 if kind == "last_year" else 0)), False
    if kind == "since_month":
        since = _month_number(match.group("m1"))
        if published is None or not since:
            return None
        if since <= published.month:
            return span(published.year, since, published.month), False
        return f"{published.year - 1}-{since:02d}/{published.year}-{published.month:02d}", False
    if kind == "year":
        year = int(match.group("year"))
        # A bare number is a year only when the text marks it as one.
        if not re.search(
            r"го|год|г\.|in|for|of|during|by|through|в|за|на|к|до|итогам|'s|as|year", match.group(), re.I
        ) and not _FLOW_AFTER.match(match.string, match.end()):
            return None
        return str(year), True
    resolved = _year_of(match, default_year, published)
    if kind == "month":
        month = _month_number(match.group("m1"))
        if not month:
            return None
        if match.groupdict().get("year"):
            return f"{int(match.group('year'))}-{month:02d}", True
        if published is None:
            return None
        year = published.year if month <= published.month else published.year - 1
        if match.groupdict().get("which"):  # "в январе текущего года"
            year = published.year + {"прошлого": -1, "следующего": 1}.get(match.group("which").lower(), 0)
        return f"{year}-{month:02d}", False
    if resolved is None:
        return None
    year, explicit = resolved
    if kind == "months":
        first, last = _month_number(match.group("m1")), _month_number(match.group("m2"))
        if first and last and last < first and not match.group("and") and not match.group("between"):
            # "from October to July": a span across the new year, ending in the year told
            end_year = _reported_year(match, year, explicit, last, reported_by)
            return f"{end_year - 1}-{first:02d}/{end_year}-{last:02d}", explicit
        if not first or not last or last < first:
            return None
        if match.group("and") and last != first + 1 and not match.group("between"):
            return None  # "in January and March": two months, not a span; "between January and
            # September": one
        return span(_reported_year(match, year, explicit, last, reported_by), first, last), explicit
    if kind == "first_quarters":  # "the first three quarters": nine months
        last = 3 * _count(match.group("n"))
        return span(_reported_year(match, year, explicit, last, reported_by), 1, last), explicit
    if kind == "last_months":
        count = _count(match.group("n"))
        return (span(year, 13 - count, 12), explicit) if 2 <= count <= 6 else None
    if kind == "first_months":
        count = _count(match.group("n"))
        if not 2 <= count <= 11:
            return None
        return span(_reported_year(match, year, explicit, count, reported_by), 1, count), explicit
    if kind == "half":
        half = _ordinal(match.groupdict().get("o") or match.groupdict().get("o2") or "1")
        if half not in {1, 2}:
            return None
        last = 6 * half
        return span(_reported_year(match, year, explicit, last, reported_by), last - 5, last), explicit
    if kind == "quarter":
        quarter = _ordinal(match.group("o"))
        if not 1 <= quarter <= 4:
            return None
        last = 3 * quarter
        return span(_reported_year(match, year, explicit, last, reported_by), last - 2, last), explicit
    return None


def _reported_year(match: re.Match[str], year: int, explicit: bool, last: int, published: date | None) -> int:
    """ "January–September" in a January report: last year's months, the only ones it can report."""
    if explicit or published is None or year != published.year or last <= published.month:
        return year
    if re.search(r"this|current|next|текущ|этого|нынешн|следующ", match.group(), re.IGNORECASE):
        return year
    return year - 1


def shift_year(period: str, years: int) -> str:
    """The same months `years` later (negative: earlier): the base of a year-on-year comparison."""
    return re.sub(r"\d{4}", lambda m: str(int(m.group()) + years), period)


# Event dates ----------------------------------------------------------------------------------

_DAY = r"(?P<d1>\d{1,2})(?!\d)(?:\s*(?:[-–—]|и|and|to)\s*(?P<d2>\d{1,2})(?!\d))?"
_WEEKDAYS = ["понедельник", "вторник", "среду", "четверг", "пятницу", "субботу", "воскресенье"]
_WEEKDAYS_EN = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_WEEKDAY_WORDS = "|".join(_WEEKDAYS + _WEEKDAYS_EN)
_DATE_PATTERNS: tuple[tuple[str, str], ...] = (
    (
        "days",
        rf"\b{_DAY}\s+(?P<m1>{_MONTH})(?:\s*[-–—]\s*(?P<d3>\d{{1,2}})\s+(?P<m2>{_MONTH}))?(?:,?\s+{_YEAR})?",
    ),
    ("days_en", rf"\b(?P<m1>{_MONTH_EN})\s+{_DAY}(?:st|nd|rd|th)?(?:,?\s+{_YEAR})?"),
    # "в конце сентября или в начале октября", "на конец ноября – начало декабря", "late September or
    # early October": the two months
    (
        "two_months",
        rf"\b(?:(?:в|на)\s+)?(?:конц\w+|конец|(?:the\s+)?(?:late|end\s+of))\s+(?P<m1>{_MONTH})\s*(?:[–—-]|или|or)\s*"
        rf"(?:(?:в|на)\s+)?(?:начал\w+|(?:the\s+)?(?:early|beginning\s+of|start\s+of))\s+(?P<m2>{_MONTH})"
        rf"(?:\s+{_YEAR}|\s+(?P<which>прошлого|текущего|этого|нынешнего|следующего)\s+года\b)?",
    ),
    # "в первой декаде декабря": a month's first, second or last ten days
    ("decade", rf"\b(?P<dec>перв|втор|треть|последн)\w*\s+декад\w*\s+(?P<m1>{_MONTH})(?:\s+{_YEAR})?"),
    (
        "month",
        rf"\b(?P<m1>{_MONTH})(?:\s+{_YEAR}|\s+(?P<which>прошлого|текущего|этого|нынешнего|следующего)\s+года\b"
        rf"|\s+(?:of\s+)?(?P<which_en>last|this|next)\s+year\b)?",
    ),
    (
        "during_year",
        r"\b(?:в\s+течение|на\s+протяжении|в\s+ходе)\s+(?:всего\s+|этого\s+|текущего\s+|уходящего\s+)?года\b|\b(?:during|throughout|over)\s+the\s+(?:past\s+)?year\b",
    ),
    # "программа на 2027–2029 годы": a span of years is a document's term, not when something happens
    ("year", rf"(?:\b(?:в|во|за|на|in|during|throughout)\s+){_YEAR}(?!\s*[–—-]\s*(?:19|20)?\d{{2}}\b)"),
    (
        "relative",
        r"\b(?:сегодня|вчера|позавчера|завтра|накануне(?!\s+(?:визит|переговор|встреч|саммит|заседани|форум|праздн|выбор|годовщин|дня|Дня|нового|Нового))"
        r"|today|yesterday|tomorrow)\b"
        # "накануне, 10 сентября, …", "yesterday (14 May)": the day told beside it is the date
        r"(?!\s*[,(]\s*(?:on\s+)?\d{1,2}(?:st|nd|rd|th)?\s+[^\W\d])",
    ),
    (
        "relative_month",
        r"\b(?:(?:в|во)\s+)?(?P<rel>следующ\w+|будущ\w+|прошл\w+|минувш\w+|этом|текущем|нынешнем)\s+месяц\w*"
        r"|\b(?P<rel_en>next|last|this)\s+month\b|\blater\s+this\s+month\b",
    ),
    (
        "relative_week",
        r"\b(?:на\s+)?(?P<rel>следующ\w+|будущ\w+|прошл\w+|минувш\w+|этой|текущей)\s+недел\w+"
        r"|\b(?P<rel_en>next|last|this)\s+week\b",
    ),
    # "on Monday and Tuesday", "во вторник и среду": the two days and those between
    (
        "weekday",
        rf"\b(?:(?:в|во)\s+(?:(?P<rel>прошл\w+|следующ\w+)\s+)?|on\s+|this\s+|(?P<rel_en>last|next)\s+)"
        rf"(?P<wd>{_WEEKDAY_WORDS})\b"
        rf"(?:\s+(?:and|to|through|и|-|–)\s+(?:(?:в|во|on)\s+)?(?P<wd2>{_WEEKDAY_WORDS})\b)?",
    ),
)
_DATE_COMPILED = [(kind, re.compile(pattern, re.IGNORECASE)) for kind, pattern in _DATE_PATTERNS]


def _weekday_index(word: str) -> int:
    return _WEEKDAYS.index(word) if word in _WEEKDAYS else _WEEKDAYS_EN.index(word)


@dataclass(frozen=True)
class EventDate:
    value: str  # `2025-10-20/2025-10-21`, `2025-11`, `2025`
    start: int
    end: int
    explicit_year: bool


def find_dates(
    text: str,
    offset: int,
    default_year: int | None,
    published: date | None,
    *,
    future: bool | None = False,
    reference: date | None = None,
) -> list[EventDate]:
    """Dates stated in a sentence, as precisely as stated. A date without a year is placed in the
    publication's year, the nearest one after it for an announced event (`future`), before it for a
    reported one, and whichever is nearer when it cannot be told (`None`: a postponed visit).
    Relative words ("yesterday", "on Monday", "next month") count from `reference`, the report's
    own date (its dateline), else from the publication date."""
    reference = reference or published
    taken: list[tuple[int, int]] = []
    found: list[EventDate] = []
    for kind, pattern in _DATE_COMPILED:
        for match in pattern.finditer(text):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            if _lowercase_may(match):
                continue
            resolved = _resolve_date(kind, match, default_year, published, future, reference)
            if resolved is None:
                continue
            taken.append((match.start(), match.end()))
            found.append(EventDate(resolved[0], offset + match.start(), offset + match.end(), resolved[1]))
    return sorted(found, key=lambda found_date: found_date.start)


_RELATIVE_DAYS = {
    "сегодня": 0,
    "today": 0,
    "вчера": -1,
    "накануне": -1,
    "yesterday": -1,
    "позавчера": -2,
    "завтра": 1,
    "tomorrow": 1,
}


def _relative_step(match: re.Match[str]) -> int:
    """-1 for last month or week, 1 for the next, 0 for this one."""
    word = (match.group("rel") or match.group("rel_en") or "this").lower()
    if word.startswith(("следующ", "будущ", "next")):
        return 1
    if word.startswith(("прошл", "минувш", "last")):
        return -1
    return 0


def _resolve_date(
    kind: str,
    match: re.Match[str],
    default_year: int | None,
    published: date | None,
    future: bool | None,
    reference: date | None,
) -> tuple[str, bool] | None:
    groups = match.groupdict()
    if kind == "year":
        return match.group("year"), True
    if kind == "during_year":
        year = default_year or (published.year if published else None)
        return (str(year), False) if year else None
    if reference is None and kind in {"relative", "relative_month", "relative_week", "weekday"}:
        return None
    if kind == "relative" and reference is not None:
        days = _RELATIVE_DAYS[match.group().lower()]
        return (reference + timedelta(days=days)).isoformat(), False
    if kind == "relative_month" and reference is not None:
        index = reference.year * 12 + reference.month - 1 + _relative_step(match)
        return f"{index // 12}-{index % 12 + 1:02d}", False
    if kind == "relative_week" and reference is not None:
        monday = reference - timedelta(days=reference.weekday()) + timedelta(weeks=_relative_step(match))
        return f"{monday.isoformat()}/{(monday + timedelta(days=6)).isoformat()}", False
    if kind == "weekday" and reference is not None:
        word = match.group("wd").lower()
        weekday = _weekday_index(word)
        step = _relative_step(match)
        if step:  # "last Tuesday", "в следующий вторник": the word says which way, and never the day itself
            future = step > 0
        delta = (weekday - reference.weekday()) % 7 if future else -((reference.weekday() - weekday) % 7)
        if step and not delta:
            delta = 7 * step
        day = reference + timedelta(days=delta)
        if match.group("wd2"):
            to = (_weekday_index(match.group("wd2").lower()) - weekday) % 7
            return f"{day.isoformat()}/{(day + timedelta(days=to)).isoformat()}", False
        return day.isoformat(), False
    month = _month_number(groups["m1"])
    if not month:
        return None
    year_text = groups.get("year")
    explicit = bool(year_text)
    which = (groups.get("which") or groups.get("which_en") or "").lower()
    if year_text:
        year = int(year_text)
    elif which and published is not None:  # "в июле прошлого года", "in March of next year"
        year = published.year + (
            -1 if which in {"прошлого", "last"} else 1 if which in {"следующего", "next"} else 0
        )
    elif published is not None:
        year = published.year
        if future is None:
            # Neither announced nor reported: the year that puts the month nearest the publication.
            year = min(
                (published.year - 1, published.year, published.year + 1),
                key=lambda candidate: abs((candidate - published.year) * 12 + month - published.month),
            )
        elif future and month < published.month:
            year += 1
        elif not future and month > published.month:
            year -= 1
    else:
        return None
    if kind == "month":
        return f"{year}-{month:02d}", explicit
    if kind == "two_months":
        last_month = _month_number(groups["m2"]) or month
        return f"{year}-{month:02d}/{year + (last_month < month)}-{last_month:02d}", explicit
    if kind == "decade":
        first_day = {"перв": 1, "втор": 11}.get(groups["dec"].lower(), 21)
        last_day = first_day + 9 if first_day < 21 else calendar.monthrange(year, month)[1]
        return (
            f"{date(year, month, first_day).isoformat()}/{date(year, month, last_day).isoformat()}",
            explicit,
        )
    first_day = int(groups["d1"])
    last_day = int(groups.get("d3") or groups.get("d2") or first_day)
    last_month = _month_number(groups["m2"]) if groups.get("m2") else month
    try:
        first = date(year, month, first_day)
        last = date(year, last_month, min(last_day, calendar.monthrange(year, last_month)[1]))
    except ValueError:
        return None
    if last < first:
        return None
    if first == last:
        return first.isoformat(), explicit
    return f"{first.isoformat()}/{last.isoformat()}", explicit


def find_windows(text: str, offset: int, default_year: int | None, published: date | None) -> list[EventDate]:
    """Event dates stated as periods ("в первом полугодии 2026 года", "осенью", "next year")."""
    return [
        EventDate(p.value, p.start, p.end, p.explicit_year)
        for p in find_periods(text, offset, default_year, published, reported=False)
        if not p.comparison and p.kind not in {"same", "carry", "year", "days"}
    ]


_DATELINE = re.compile(
    rf"^[ \t]*[A-ZА-ЯЁ][\w’'.-]*(?:[ -][A-ZА-ЯЁ][\w’'.-]*){{0,2}},[ \t]*"
    rf"(?P<date>\d{{1,2}}\s+{_MONTH}(?:\s+(?:19|20)\d{{2}})?|{_MONTH_EN}\s+\d{{1,2}}(?:,?\s+(?:19|20)\d{{2}})?)"
    r"\s*(?:[.,/–—-]|\(|$)",
    re.MULTILINE,
)


def _dateline_match(text: str) -> re.Match[str] | None:
    stripped = text.lstrip()
    skipped = len(text) - len(stripped)
    head = "\n".join(stripped.splitlines()[:4])[:600]
    return _DATELINE.search(text, text.rfind("\n", 0, skipped) + 1, skipped + len(head))


def dateline_span(text: str) -> tuple[int, int] | None:
    """Where the date of a wire's dateline stands in `text`: the day the report is filed, not a day
    the sentence after it tells."""
    match = _dateline_match(text)
    return match.span("date") if match else None


def find_dateline(text: str, published: date | None) -> date | None:
    """The day a wire report is filed, from its dateline ("ASTANA, 21 October." or "БАКУ, 3 марта –
    Trend."), when one of the first lines opens with it."""
    match = _dateline_match(text)
    if match is None:
        return None
    dates = find_dates(match.group("date"), 0, published.year if published else None, published)
    if not dates or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", dates[0].value):
        return None
    return date.fromisoformat(dates[0].value)
