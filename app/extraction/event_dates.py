"""When a told event or signing takes place: the date told in its clause, the span of its days, the
old time of a moved one, and whether a clause announces it; with the clause itself, which the rules of
events and agreements both read."""

import re
from collections.abc import Sequence
from datetime import date
from typing import NamedTuple

from app.common.dates import parse_period
from app.extraction.analysis import Reading, SentenceFacts
from app.extraction.matching import Mention
from app.extraction.morphology import _analyzer
from app.extraction.text import Sentence, Token
from app.extraction.when import EventDate, find_dates, find_windows

_CLAUSE_BREAK = re.compile(
    r";|\s[-–—]\s|,\s*(?=(?:который|которая|которое|которые|которого|которой|котором|которых|что|чтобы|где|когда|"
    r"после|а|но|однако|and|while|which|who|whose|where|when|after|before|but|said|according|adding)\b)"
    # a decision told after what was done: "spoke by telephone on Thursday and agreed to meet in Ankara"
    r"|\s(?=and\s+agreed\s+(?:to\s+(?:meet|hold|visit)|that)\b)"
    # a predicate of its own after a comma: "…в мае прошлого года, и дали положительную оценку итогам …"
    r"|,\s*(?=и\s+[а-яё]+ли\b)"
    # a reporting clause: "…, the two foreign ministers said after their meeting", "…, Kazakhstan's
    # deputy foreign minister said on Friday after consultations"
    r"|,\s*(?=(?:the|[A-Z][\w-]*(?:'s|’s))\s+(?:[\w-]+\s+){0,3}(?:said|told|announced|added)\b)",
    re.IGNORECASE,
)


def clause(sentence: Sentence, position: int) -> tuple[int, int]:
    """The clause of a sentence around a document offset, cut at ";", dashes and subordinate clauses."""
    start, end = sentence.start, sentence.end
    for match in _CLAUSE_BREAK.finditer(sentence.text):
        at = sentence.start + match.start()
        if at < position:
            start = sentence.start + match.end()
        elif at > position:
            end = at
            break
    return start, end


# A relative clause after a clause, which may go on telling its event ("…визита, который планируется
# осенью").
RELATIVE_NEXT = re.compile(
    r",\s*(?:который|которая|которое|которые|которого|которой|котором|которых|где|когда|which|who|where|when)\b",
    re.IGNORECASE,
)


# How a body came to be, told in an aside ("the council, established last year"): its date is not the
# gathering's.
ASIDE = re.compile(
    r",\s*(?:учрежд|созда|основа|образова|established|founded|set\s+up|created)\w*[^,;.]*"
    # "…held talks, recalling that Pakistan was among the first to recognise … in 1991": a past
    # matter recalled beside the gathering dates nothing of it
    r"|,\s*(?:recalling\s+that|напомнив,?\s+что)[^;.]*",
    re.IGNORECASE,
)


# "The commission, which last met in Baku in December 2023, meets in Tehran next month": the meeting
# told in passing, in a relative clause, is one of its own, held, and dates nothing else in the
# sentence ("The commission last met in Baku in October" tells that meeting alone).
# "…the results of the eighth session, held in Baku in March 2025, and agreed to convene the next one
# in Cairo", "…итоги пятого заседания, состоявшегося в июне 2025 года, и договорились провести шестое":
# a held session's clause, followed by the agreement on the next one (events._next_session).
HELD_THEN_AGREED = (
    r",\s*(?:held|состоявш\w+|прошедш\w+|проходивш\w+)\s[^,;.]*"
    r"(?=,\s*(?:and|и)\s+(?:agreed|decided|договорились|условились|решили)\s)"
)
LAST_MET = re.compile(
    r",\s*(?:which|that)\s+last\s+(?:met|convened|gathered)\b[^,;.]*"
    # "…last met in Riga in 2024; it is now due to meet…": the next session told in the next clause
    r"|\blast\s+(?:met|convened|gathered)\b[^,;.]*(?=;\s*(?:and\s+)?it\b)"
    r"|,\s*котор\w+\s+(?:в\s+)?последн\w+\s+раз\s+(?:собирал|заседал|встречал)\w*[^,;.]*"
    # "…пройдёт в Астане в марте; предыдущее состоялось в апреле прошлого года в Клайпеде"
    r"|;\s*(?:а\s+)?предыдущ\w+(?:\s+заседани\w+)?\s+(?:состоял|прош|проходил)\w*[^,;.]*"
    r"|;\s*the\s+(?:previous|last)\s+(?:one|session|meeting)\s+(?:was\s+held|took\s+place)[^,;.]*"
    r"|" + HELD_THEN_AGREED,
    re.IGNORECASE,
)


def event_date(
    reading: Reading,
    facts: SentenceFacts,
    planned: bool | None,
    near: int | None = None,
    near_end: int | None = None,
    windows: bool = False,
    own_clause: bool = False,
    within: tuple[int, int] | None = None,
    aside: tuple[int, int] | None = None,
    span: bool = True,
) -> tuple[str, float] | None:
    """The date in the clause of `near` (the trigger), else the nearest in the sentence, else the
    nearest earlier one in its paragraph. A sentence that dates nothing is a report of the day
    when the text has a dateline; otherwise only the publication's year is known.

    `planned`: True for an announced event, False for a reported one, None when it cannot be told
    (a postponed visit); it decides the year of a date written without one. The second value is
    how much less sure the date is than a stated one. `own_clause`: the sentence tells several
    gatherings, each dated in its own clause ("the commission meets in January, and a visit is being
    prepared for next year"), so another clause's date is not this one's. `within`: that clause's
    bounds, when the caller knows them (`signing_clauses`). `aside`: a span whose dates are another
    event's (the old time of a postponed one, `old_time`). `span`: False for a day of its own, not the
    span of the gathering it falls in (a signing's day, `_lasting`)."""
    default_year = reading.published.year if reading.published else None
    sentence = facts.sentence
    reference = reading.reference
    dates = find_dates(
        sentence.text, sentence.start, default_year, reading.published, future=planned, reference=reference
    )
    asides = [
        (sentence.start + m.start(), sentence.start + m.end())
        for pattern in (ASIDE, LAST_MET)
        for m in pattern.finditer(sentence.text)
    ] + ([aside] if aside else [])
    dates = [d for d in dates if not any(a <= d.start < b for a, b in asides)]
    # Periods count as dates when no day or month is named, and where the new time of a postponed
    # event is one ("перенесено на первое полугодие следующего года"); a span of months beside a
    # bare year ("in the first half of 2027, and … in 2027") is a date of its own clause.
    bare_years = bool(dates) and all(re.fullmatch(r"\d{4}", d.value) for d in dates)
    if not dates or windows or bare_years:
        more = _windows_ahead(
            find_windows(sentence.text, sentence.start, default_year, reading.published), reading, planned
        )
        by = _by_a_time(reading, sentence) if planned else []
        more = by + [w for w in more if not any(w.start < b.end and b.start < w.end for b in by)]
        more = [w for w in more if not any(a <= w.start < b for a, b in asides)]
        if dates and not windows:
            more = [w for w in more if "/" in w.value]
        dates += [w for w in more if not any(w.start < d.end and d.start < w.end for d in dates)]
    if dates:
        anchor = sentence.start if near is None else near
        low, high = within or clause(sentence, anchor)
        inside = [d for d in dates if low <= d.start and d.end <= high]
        if not inside and not windows:
            # "will hold the session in the first half of 2026, the ministry said on Friday": the
            # clause's own period, not the day another clause tells
            inside = [w for w in _windows_in(reading, sentence, asides) if low <= w.start and w.end <= high]
        if own_clause and not inside:
            while high < sentence.end and RELATIVE_NEXT.match(sentence.text, high - sentence.start):
                high = clause(sentence, high + 1)[1]  # "…визита, который планируется осенью"
            inside = [d for d in dates if low <= d.start and d.end <= high]
        if own_clause and not inside:
            inside = [w for w in _windows_in(reading, sentence, asides) if low <= w.start and w.end <= high]
            if not inside:  # no date of its own: as little as a sentence that dates nothing
                return (str(reading.published.year), 0.35) if reading.published else None
        inside = inside or dates
        anchor_end = anchor if near_end is None else near_end
        if span and any(d.start >= anchor_end for d in inside):
            # "подписанное 14 апреля в ходе визита … 13–14 апреля": the day before "в ходе" is what was
            # done during the gathering, whose own days follow it
            text = reading.document.text
            inside = [d for d in inside if d.end > anchor or not _DURING.search(text, d.end, anchor)]
        nearest = min(
            inside, key=lambda d: d.start - anchor_end if d.start >= anchor_end else abs(anchor - d.end)
        )
        return (_lasting(reading, sentence, nearest) if span else nearest.value), 0.0
    for other in reversed(reading.document.paragraph_sentences(sentence.paragraph)):
        if other.index >= sentence.index or other.headline:
            continue
        dates = find_dates(
            other.text, other.start, default_year, reading.published, future=planned, reference=reference
        )
        if dates:
            return dates[-1].value, 0.15
    if reading.dateline is not None and planned is False:
        return reading.dateline.isoformat(), 0.2
    if reading.published is None:
        return None
    return str(reading.published.year), 0.35


_DURING = re.compile(r"\b(?:в\s+ходе|во\s+время|during|in\s+the\s+course\s+of)\b", re.IGNORECASE)


# A time something is to be done by, besides "by the end of the year" (a window of app.extraction.when):
# "by the end of 2026", "до конца 2026 года" is that year; "by the summer", "к лету" the summer itself,
# as a season is (README: "осенью"), as the development sets annotate them.
_BY_A_YEARS_END = re.compile(
    r"\b(?:by|before)\s+the\s+end\s+of\s+(?P<year>\d{4})\b|\b(?:до|к)\s+конц[ау]\s+(?P<year_ru>\d{4})\s+года\b",
    re.IGNORECASE,
)
_BY_SUMMER = re.compile(r"\b(?:by|before)\s+(?:the\s+)?summer\b|\b(?:к\s+лету|до\s+лета)\b", re.IGNORECASE)


def _by_a_time(reading: Reading, sentence: Sentence) -> list[EventDate]:
    """The span of what is announced to take place by a year's end or by the summer."""
    reference = reading.reference
    if reference is None:
        return []
    summer = reference.year if reference.month < 6 else reference.year + 1
    return [
        EventDate(
            f"{summer}-06/{summer}-08", sentence.start + match.start(), sentence.start + match.end(), False
        )
        for match in _BY_SUMMER.finditer(sentence.text)
    ] + [
        EventDate(
            match.group("year") or match.group("year_ru"),
            sentence.start + match.start(),
            sentence.start + match.end(),
            True,
        )
        for match in _BY_A_YEARS_END.finditer(sentence.text)
    ]


def _windows_in(reading: Reading, sentence: Sentence, asides: Sequence[tuple[int, int]]) -> list[EventDate]:
    """The periods a sentence names ("in the autumn", "in the first half of 2026"), but its asides'."""
    year = reading.published.year if reading.published else None
    found = find_windows(sentence.text, sentence.start, year, reading.published)
    return [w for w in found if not any(a <= w.start < b for a, b in asides)]


def _windows_ahead(found: list[EventDate], reading: Reading, planned: bool | None) -> list[EventDate]:
    """ "A visit is planned for the spring", told in December: an announced event's season or part of
    a year with no year of its own is the next one to come, not this year's, already past."""
    if not planned or reading.reference is None:
        return found
    return [
        EventDate(re.sub(r"\d{4}", lambda y: str(int(y.group()) + 1), w.value), w.start, w.end, False)
        if not w.explicit_year and "/" in w.value and window(w.value)[1] < reading.reference
        else w
        for w in found
    ]


def _lasting(reading: Reading, sentence: Sentence, found: EventDate) -> str:
    """ "arrived on Thursday for a two-day visit": the day and the day after. A gathering that
    closed on the day told, its length told in the same sentence ("closed on Wednesday after two days
    of meetings") or in the next one ("…завершилось во вторник. Двухдневную работу возглавили…"),
    began that many days before."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", found.value):
        return found.value
    told = date.fromisoformat(found.value)
    final = _FINAL_DAY.search(sentence.text)
    if final is not None:
        # "on Wednesday, the second and final day of a working visit": it began the day(s) before
        first = told.fromordinal(told.toordinal() - _ORDINAL_DAYS[final.group("n").lower()[:4]] + 1)
        return f"{first.isoformat()}/{told.isoformat()}"
    closes = _CLOSES_ON.search(sentence.text)
    if closes is not None:
        # "opened on Thursday and is to close on Friday": to the next such weekday
        ahead = (_WEEKDAYS.index(closes.group("day").lower()) - told.weekday()) % 7
        if ahead:
            return f"{told.isoformat()}/{told.fromordinal(told.toordinal() + ahead).isoformat()}"
    concluded = _CONCLUDED.search(sentence.text) is not None
    match = _DAYS_LONG.search(sentence.text) or _AFTER_DAYS.search(sentence.text)
    if _ARRIVED_BEFORE.search(sentence.text) is not None:
        # "прибывший накануне … с двухдневным визитом, провёл в среду переговоры": it began the day before
        first = told.fromordinal(told.toordinal() - 1)
        days = _DAY_COUNTS[match.group("n").lower()] - 1 if match is not None else 1
        return f"{first.isoformat()}/{first.fromordinal(first.toordinal() + days).isoformat()}"
    if match is None and concluded:
        following = [
            other
            for other in reading.document.paragraph_sentences(sentence.paragraph)
            if other.index == sentence.index + 1
        ]
        match = _DAYS_LONG.match(following[0].text) if following else None
    if match is None:
        return found.value
    first = told
    days = _DAY_COUNTS[match.group("n").lower()] - 1
    if concluded:
        # "on Monday concluded a two-day round of talks": the day told is the last one
        return f"{first.fromordinal(first.toordinal() - days).isoformat()}/{first.isoformat()}"
    last = first.fromordinal(first.toordinal() + days)
    return f"{first.isoformat()}/{last.isoformat()}"


_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_CLOSES_ON = re.compile(
    r"\b(?:is\s+(?:due\s+)?to|will)\s+(?:close|end|conclude|wrap\s+up)\s+on\s+(?P<day>"
    + "|".join(_WEEKDAYS)
    + r")\b",
    re.IGNORECASE,
)
_DAYS_LONG = re.compile(r"\b(?P<n>two|three|four|двух|тр[её]х|четыр[её]х)[\s-]*(?:day|дневн)", re.IGNORECASE)
_DAY_COUNTS = {"two": 2, "three": 3, "four": 4, "двух": 2, "трех": 3, "трёх": 3, "четырех": 4, "четырёх": 4}


_FINAL_DAY = re.compile(
    r"\b(?P<n>second|third|fourth|втор\w*|трет\w*|четв[её]рт\w*)\s+(?:and\s+(?:final|last)\s+day"
    r"|и\s+(?:последн|заключительн)\w*\s+д(?:ень|ня))\b",
    re.IGNORECASE,
)
_ORDINAL_DAYS = {"seco": 2, "thir": 3, "four": 4, "втор": 2, "трет": 3, "четв": 4}
_ARRIVED_BEFORE = re.compile(
    r"\bприбы(?:л|вш)\w*(?:\s+[\w-]+){0,4}?\s+накануне\b|\bнакануне\s+прибы\w+"
    r"|\barrived\s+(?:the\s+day\s+before|on\s+the\s+eve)\b",
    re.IGNORECASE,
)


_CONCLUDED = re.compile(
    r"\b(?:concluded|wrapped\s+up|ended|closed|завершил\w*|завершен\w*|закончил\w*)\b", re.IGNORECASE
)
_AFTER_DAYS = re.compile(r"\bafter\s+(?P<n>two|three|four)\s+days\b", re.IGNORECASE)


def window(value: str) -> tuple[date, date]:
    return parse_period(value)


def overlap(first: str, second: str) -> bool:
    a, b = window(first), window(second)
    return a[0] <= b[1] and b[0] <= a[1]


# How long a visit lasts, told beside it or in a sentence after it: "с официальным визитом, который
# продлится до четверга", "Визит продлится до 17 июня", "с визитом … и пробудет здесь до четверга",
# "Визит начался в среду и завершится в пятницу", "The visit began on Tuesday and ends on Thursday",
# "The visit runs until 17 June".
VISIT_ENDS = re.compile(
    r"\b(?:визит\w*|visit)\b(?:[^.;]{0,40}?\b(?:начал(?:ся)?|began|started)\s+(?:в|во|on)\s+(?P<first>\w+))?"
    r"[^.;]{0,80}?\b(?:продлится|продолжится|завершится|завершается|закончится|will\s+(?:last|run|end|conclude)"
    r"|lasts|runs|ends|concludes|пробуд(?:ет|ут)(?:\s+(?:здесь|там))?|will\s+stay(?:\s+(?:there|here))?)"
    r"\s+(?:до|в|во|until|till|through|on)?\s*(?P<last>\d{1,2}\s+\w+|\w+)",
    re.IGNORECASE,
)
_WEEKDAY_FORMS = {
    **dict.fromkeys(("понедельник", "понедельника", "monday"), 0),
    **dict.fromkeys(("вторник", "вторника", "tuesday"), 1),
    **dict.fromkeys(("среду", "среды", "wednesday"), 2),
    **dict.fromkeys(("четверг", "четверга", "thursday"), 3),
    **dict.fromkeys(("пятницу", "пятницы", "friday"), 4),
    **dict.fromkeys(("субботу", "субботы", "saturday"), 5),
    **dict.fromkeys(("воскресенье", "воскресенья", "sunday"), 6),
}
_VISIT_ENDS_REACH = 3  # sentences after the visit's own that may tell its end


def _day_told(reading: Reading, word: str, future: bool) -> date | None:
    """A visit's first or last day told by a weekday, "today" or a day of a month, from the report's
    day: the weekday nearest before it (the first day) or after it (the last)."""
    reference = reading.reference
    if reference is None:
        return None
    word = word.lower()
    if word in {"сегодня", "today"}:
        return reference
    if word in _WEEKDAY_FORMS:
        step = (_WEEKDAY_FORMS[word] - reference.weekday()) % 7
        return reference.fromordinal(reference.toordinal() + (step if future else step - 7 if step else 0))
    dates = find_dates(word, 0, reference.year, reading.published, future=future, reference=reference)
    if dates and re.fullmatch(r"\d{4}-\d{2}-\d{2}", dates[0].value):
        return date.fromisoformat(dates[0].value)
    return None


def visit_span(reading: Reading, sentence: Sentence, when: str) -> str:
    """A held visit's dates, spanning to its end (and from its first day) when a sentence tells them,
    its own or one of the next few; `when` unchanged otherwise."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}(?:/\d{4}-\d{2}-\d{2})?", when):
        return when
    index = sentence.index
    for other in reading.document.sentences[index : index + 1 + _VISIT_ENDS_REACH]:
        if other.paragraph - sentence.paragraph > 1:
            break
        told = VISIT_ENDS.search(other.text)
        if told is None:
            continue
        first_day = date.fromisoformat(when.split("/")[0])
        if told.group("first"):
            first_day = _day_told(reading, told.group("first"), future=False) or first_day
        last_day = _day_told(reading, told.group("last"), future=True)
        if last_day is not None and 0 < (last_day - first_day).days <= 7:
            return f"{first_day.isoformat()}/{last_day.isoformat()}"
        break
    return when


def talks_day(when: str, sentence: Sentence) -> str | None:
    """The day of the talks inside a visit's span `when`, when its sentence told the visit by that day
    and how it stands in the span ("прибывший накануне …, провёл в среду переговоры", "on Wednesday, the
    second and final day of a working visit"): documents signed at the talks are of that day."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}/\d{4}-\d{2}-\d{2}", when):
        return None
    first, last = (date.fromisoformat(part) for part in when.split("/"))
    if _FINAL_DAY.search(sentence.text):
        return last.isoformat()
    if _ARRIVED_BEFORE.search(sentence.text):
        return first.fromordinal(first.toordinal() + 1).isoformat()
    return None


_TO_HOLD = {"провести", "организовать", "созвать"}


def to_hold(tokens: Sequence[Token]) -> bool:
    """ "…, а очередное заседание комиссии провести в третьем квартале": an infinitive of holding
    with no past verb beside it, the tail of "договорились …", is an announcement."""
    words = [t.text.lower() for t in tokens]
    if not _TO_HOLD & set(words):
        return False
    return not any(
        "PAST" in str(_analyzer().parse(w)[0].tag).upper() for w in words if re.fullmatch("[а-яё]+", w)
    )


class OldTime(NamedTuple):
    value: str  # the date it was to take place
    span: tuple[int, int]  # where the text tells it: no date inside is the event's new time


# The time an event was to take place, told after its name: firm words say by themselves that the
# plan changed ("originally scheduled for", "was supposed to", "postponed from", "перенесён с", "первоначально
# намеченное на", "которое должно было пройти"); the others only beside a word of moving or calling
# off told after the event's name ("scheduled for 2–3 July, has been postponed").
_OLD_TIME_FIRM = re.compile(
    r"\b(?:originally|initially)\s+(?:scheduled|planned|set|slated|pencil{1,2}ed\s+in|due|expected)\b"
    r"|\b(?:was|were)\s+supposed\s+to\b"
    r"|\bhad\s+been\s+(?:due|expected|scheduled|planned|slated|supposed|set\s+for|pencil{1,2}ed\s+in)\b"
    r"|\b(?:postponed|moved|pushed\s+back|rescheduled|delayed)\s+from\b|\b(?:перенес[её]н|перенесл|отложен|отложил)\w*\s+с\b"
    r"|\bпервоначально\b|\bнамечавш\w+|\bпланировавш\w+"
    r"|\bкотор\w+\s+(?:планировал\w*|намечал\w*|предполагал\w*|должн\w+\s+был\w*)"
    r"|\bдолжн\w+\s+был\w*\s+(?:пройти|состояться|собраться|начаться)\b",
    re.IGNORECASE,
)
_OLD_TIME_IF_MOVED = re.compile(
    r"\b(?:scheduled|planned|slated|set)\s+for\b"
    r"|\b(?:was|were)\s+due\s+to\s+(?:be\s+held|take\s+place|meet|convene|open|start|begin)\b"
    r"|\b(?:намеченн|запланированн|назначенн)\w*\s+на\b",
    re.IGNORECASE,
)
# The old time ends at a clause's mark, or where a predicate of its own begins ("had been scheduled
# for March and is now expected in September").
_OLD_TIME_END = re.compile(
    r"[,;:(]|\s[-–—]\s|\s(?:and|but)\s+(?=(?:is|are|was|were|will|has|have|now)\b)", re.IGNORECASE
)
# How many words may stand between an event's name and its old time ("The joint commission for
# bilateral cooperation, which last met in Manila in 2023, was due to convene in Bali in July").
_OLD_TIME_REACH = 15


def old_time(reading: Reading, facts: SentenceFacts, trigger: Mention[str]) -> OldTime | None:
    """ "The session, originally scheduled for April, has been moved to the autumn", "которое
    планировалось провести в апреле в Астане, перенесено на осень": when and where the event was to
    take place before it was moved or called off (up to the word of moving); None when the sentence
    tells no such time after the event's name."""
    sentence = facts.sentence
    moving = [
        cue.start
        for name in ("POSTPONED", "CANCELLED")
        for cue in reading.cues(name, sentence.tokens)
        if cue.start > trigger.start
    ]
    published = reading.published
    year = published.year if published else None
    for pattern in (_OLD_TIME_FIRM, _OLD_TIME_IF_MOVED):
        if pattern is _OLD_TIME_IF_MOVED and not moving:
            continue
        for match in pattern.finditer(sentence.text):
            start = sentence.start + match.start()
            words_between = sum(1 for t in sentence.tokens if trigger.end <= t.start < start)
            if start < trigger.start or words_between > _OLD_TIME_REACH:
                continue  # "… отложены до визита …, намеченного на ноябрь": another event's time
            stop = _OLD_TIME_END.search(sentence.text, match.end())
            end = min(
                [sentence.start + (stop.start() if stop else len(sentence.text))]
                + [at for at in moving if at > start]
            )
            told = reading.document.text[start:end]
            dates = find_dates(
                told, start, year, published, future=None, reference=reading.reference
            ) or find_windows(told, start, year, published)
            if dates:
                return OldTime(dates[0].value, (start, end))
    return None
