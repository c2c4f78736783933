"""Events (visits, talks, summits, commissions, calls) and the agreements signed at them."""

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any, NamedTuple

from app.common.dates import parse_period
from app.extraction.analysis import Reading, SentenceFacts
from app.extraction.countries import country_names
from app.extraction.entities import Registry, record_id
from app.extraction.lexicon import vocabulary as vocab
from app.extraction.lexicon.reference import OrganizationEntry, PlaceEntry
from app.extraction.matching import Mention
from app.extraction.model import Proposal
from app.extraction.morphology import _analyzer, inflect
from app.extraction.recall import EventDetector, learned_trigger
from app.extraction.text import Sentence, Token
from app.extraction.when import EventDate, find_dates, find_windows

_LOCATIVE = {"в", "во", "in", "at"}
_VISIT_TYPES = {"state_visit", "official_visit", "working_visit", "visit", "other"}
# One event told twice: a visit and the talks held during it, a meeting and its minister's talks.
_FAMILY = {"state_visit", "official_visit", "working_visit", "visit", "other", "talks", "ministerial_meeting"}
_GROUPS = {kind: "visit" for kind in (*_FAMILY, "visit", "trip", "meeting", "phone_call")} | {
    "summit": "summit",
    "forum": "summit",
    "multilateral_meeting": "summit",
}
# Gatherings held beside another event or named back to one ("a business forum will be held during
# the visit", "the next meeting of the council"): where and when they are may come from that event.
_BESIDE = {"forum", "business_council", "working_group", "council_again", "session_again"}
# The bodies that hold sessions: "the next session" with no name is the next one of the last told.
_BODIES = {"intergovernmental_commission", "interstate_council"}
_BODY_TRIGGERS = {"working_group", "business_council", "session"}
# Two countries' adjectives joined by a hyphen ("белорусско-польской", "Kazakh-Turkish").
_PAIR_ADJECTIVE = re.compile(r"\w+[-‐]\w+")
_DURING_A_VISIT = {"intergovernmental_commission", "interstate_council"}
_DURING_VISIT = re.compile(
    r"\b(?:during|in\s+the\s+course\s+of)\s+the\s+visit\b|\b(?:в\s+ходе|во\s+время)\s+визита\b", re.I
)
# A visit of unstated rank is the API's plain `visit`. A working group has no type of its own in the
# vocabulary: it is `other`, titled as what it is; a business council meets as a forum of business people.
_TRIGGER_TYPES = {
    "visit": "visit",
    "trip": "visit",
    "session": "other",  # a meeting of a body the vocabulary has no type for (app.extraction.recall)
    "meeting": "talks",
    "working_group": "other",
    "business_council": "forum",
}
# Events that need no named person or place to be an event of their own.
_SELF_STANDING = {
    "working_group",
    "session",
    "business_council",
    "talks",
    "ministerial_meeting",
    "phone_call",
    "intergovernmental_commission",
    "interstate_council",
}
_CLAUSE_BREAK = re.compile(
    r";|\s[-–—]\s|,\s*(?=(?:который|которая|которое|которые|которого|которой|котором|которых|что|чтобы|где|когда|"
    r"после|а|но|однако|and|while|which|who|whose|where|when|after|before|but|said|according|adding)\b)"
    # a decision told after what was done: "spoke by telephone on Thursday and agreed to meet in Ankara"
    r"|\s(?=and\s+agreed\s+to\s+(?:meet|hold|visit)\b)"
    # a reporting clause: "…, the two foreign ministers said after their meeting"
    r"|,\s*(?=the\s+(?:[\w-]+\s+){0,3}(?:said|told|announced|added)\b)",
    re.IGNORECASE,
)
_DAYS_LONG = re.compile(r"\b(?P<n>two|three|four|двух|тр[её]х|четыр[её]х)[\s-]*(?:day|дневн)", re.IGNORECASE)
_DAY_COUNTS = {"two": 2, "three": 3, "four": 4, "двух": 2, "трех": 3, "трёх": 3, "четырех": 4, "четырёх": 4}
_DESTINATION = {"в", "во", "to", "into"}
_VISIT_VERBS = {"посетить", "посещать", "посетит", "visited", "visit", "visiting", "visits"}
_BILATERAL = {
    "state_visit",
    "official_visit",
    "working_visit",
    "talks",
    "phone_call",
    "intergovernmental_commission",
    "interstate_council",
    "ministerial_meeting",
    "visit",
    "other",
}
_NUMBER_WORDS = {
    "два": 2,
    "две": 2,
    "три": 3,
    "четыре": 4,
    "пять": 5,
    "шесть": 6,
    "семь": 7,
    "восемь": 8,
    "девять": 9,
    "десять": 10,
    "одиннадцать": 11,
    "двенадцать": 12,
    "тринадцать": 13,
    "четырнадцать": 14,
    "пятнадцать": 15,
    "двадцать": 20,
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
    "twenty": 20,
}


@dataclass
class _Event:
    key: str
    body: dict[str, Any]
    sentence: Sentence
    requires: list[str] = field(default_factory=list)
    stated_date: bool = True  # False: the date was taken from elsewhere (the dateline, the year)
    trigger: str = ""


def _trigger_order(language: str) -> list[str]:
    return [event_type for event_type, _ in vocab.EVENT_TRIGGERS[language]]


def _plural(token: Token, language: str) -> bool:
    if language == "en":
        return token.text.lower().endswith("s") and not token.text.lower().endswith("ss")
    parse = _analyzer().parse(token.text)[0]
    return bool(parse.tag.number == "plur")


# Kinds told by plural words that are one document all the same ("обменялись нотами").
_ONE_DOCUMENT = {"Exchange of notes"}
# A plural verb of signing whose object or subject follows it: "подписаны соглашения", "подписали
# соглашения", where the noun alone reads as a singular genitive.
_SIGNED_PLURAL = re.compile(r"(?:подписа(?:ли|ны)|заключ(?:или|ены))", re.IGNORECASE)


def _signed_plural(tokens: Sequence[Token], at: int) -> bool:
    if at == 0 or not _SIGNED_PLURAL.fullmatch(tokens[at - 1].text):
        return False
    return any(p.tag.number == "plur" for p in _analyzer().parse(tokens[at].text))


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
    event's (the old time of a postponed one, `_old_time`). `span`: False for a day of its own, not the
    span of the gathering it falls in (a signing's day, `_lasting`)."""
    default_year = reading.published.year if reading.published else None
    sentence = facts.sentence
    reference = reading.reference
    dates = find_dates(
        sentence.text, sentence.start, default_year, reading.published, future=planned, reference=reference
    )
    asides = [
        (sentence.start + m.start(), sentence.start + m.end())
        for pattern in (_ASIDE, _LAST_MET)
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
            while high < sentence.end and _RELATIVE_NEXT.match(sentence.text, high - sentence.start):
                high = clause(sentence, high + 1)[1]  # "…визита, который планируется осенью"
            inside = [d for d in dates if low <= d.start and d.end <= high]
        if own_clause and not inside:
            inside = [w for w in _windows_in(reading, sentence, asides) if low <= w.start and w.end <= high]
            if not inside:  # no date of its own: as little as a sentence that dates nothing
                return (str(reading.published.year), 0.35) if reading.published else None
        inside = inside or dates
        anchor_end = anchor if near_end is None else near_end
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


# How long a visit lasts, told beside it or in a sentence after it: "с официальным визитом, который
# продлится до четверга", "Визит продлится до 17 июня", "Визит начался в среду и завершится в
# пятницу", "The visit began on Tuesday and ends on Thursday", "The visit runs until 17 June".
_VISIT_ENDS = re.compile(
    r"\b(?:визит\w*|visit)\b(?:[^.;]{0,40}?\b(?:начал(?:ся)?|began|started)\s+(?:в|во|on)\s+(?P<first>\w+))?"
    r"[^.;]{0,40}?\b(?:продлится|продолжится|завершится|завершается|закончится|will\s+(?:last|run|end|conclude)"
    r"|lasts|runs|ends|concludes)\s+(?:до|в|во|until|till|through|on)?\s*(?P<last>\d{1,2}\s+\w+|\w+)",
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


def _visit_ends(reading: Reading, events: list[_Event]) -> None:
    """A held visit whose end (and first day) a sentence tells, in its own or one of the next few
    sentences, spans those days."""
    sentences = reading.document.sentences
    for event in events:
        if event.body["type"] not in _VISIT_TYPES - {"other"} or event.body.get("status", "held") != "held":
            continue
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}(?:/\d{4}-\d{2}-\d{2})?", event.body["date"]):
            continue
        index = event.sentence.index
        for sentence in sentences[index : index + 1 + _VISIT_ENDS_REACH]:
            if sentence.paragraph - event.sentence.paragraph > 1:
                break
            told = _VISIT_ENDS.search(sentence.text)
            if told is None:
                continue
            first_day = date.fromisoformat(event.body["date"].split("/")[0])
            if told.group("first"):
                first_day = _day_told(reading, told.group("first"), future=False) or first_day
            last_day = _day_told(reading, told.group("last"), future=True)
            if last_day is not None and 0 < (last_day - first_day).days <= 7:
                event.body["date"] = f"{first_day.isoformat()}/{last_day.isoformat()}"
            break


def _talks_day(event: _Event) -> str | None:
    """The day of the talks inside a visit's span, when the visit was told by that day and how it
    stands in the span ("прибывший накануне …, провёл в среду переговоры", "on Wednesday, the second
    and final day of a working visit"): documents signed at the talks are of that day."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}/\d{4}-\d{2}-\d{2}", event.body["date"]):
        return None
    first, last = (date.fromisoformat(part) for part in event.body["date"].split("/"))
    if _FINAL_DAY.search(event.sentence.text):
        return last.isoformat()
    if _ARRIVED_BEFORE.search(event.sentence.text):
        return first.fromordinal(first.toordinal() + 1).isoformat()
    return None


_CONCLUDED = re.compile(
    r"\b(?:concluded|wrapped\s+up|ended|closed|завершил\w*|завершен\w*|закончил\w*)\b", re.IGNORECASE
)
_AFTER_DAYS = re.compile(r"\bafter\s+(?P<n>two|three|four)\s+days\b", re.IGNORECASE)


def _near(sentence: Sentence, trigger: Mention[str]) -> list[Token]:
    """The words that tell an event's status: its clause, from a dozen words before the trigger
    ("Kazakhstan plans to ship oil…, the minister said after talks in Baku": the talks were held)."""
    low, high = clause(sentence, trigger.start)
    while (
        high < sentence.end
        and _RELATIVE_NEXT.match(sentence.text, high - sentence.start)
        and not _NEXT_TIME_CLAUSE.match(sentence.text, high - sentence.start)  # another gathering's
    ):
        high = clause(sentence, high + 1)[1]  # "заседание совета, которое ожидается в Астане"
    tokens = sentence.tokens
    return [t for i, t in enumerate(tokens) if low <= t.start and t.end <= high and i >= trigger.first - 12]


_RELATIVE_NEXT = re.compile(
    r",\s*(?:который|которая|которое|которые|которого|которой|котором|которых|где|когда|which|who|where|when)\b",
    re.IGNORECASE,
)


def window(value: str) -> tuple[date, date]:
    return parse_period(value)


# Cues of preparing that name what is prepared after them: "the ministers met and discussed
# preparations for the visit" announces the visit, not the meeting told before the cue.
_PREPARED_FOR = {"preparations for", "preparing for", "подготовка к"}


def _status(reading: Reading, tokens: Sequence[Token], trigger: Mention[str] | None = None) -> str:
    if reading.cues("POSTPONED", tokens):
        return "planned"
    if reading.cues("CANCELLED", tokens):
        return "cancelled"
    planned = reading.cues("PLANNED", tokens)
    if trigger is not None:
        planned = [cue for cue in planned if not (cue.value in _PREPARED_FOR and cue.start > trigger.start)]
    if planned or reading.future_tense(tokens):
        return "planned"
    if _to_hold(tokens):
        return "planned"
    return "held"


_TO_HOLD = {"провести", "организовать", "созвать"}


def _to_hold(tokens: Sequence[Token]) -> bool:
    """ "…, а очередное заседание комиссии провести в третьем квартале": an infinitive of holding
    with no past verb beside it, the tail of "договорились …", is an announcement."""
    words = [t.text.lower() for t in tokens]
    if not _TO_HOLD & set(words):
        return False
    return not any(
        "PAST" in str(_analyzer().parse(w)[0].tag).upper() for w in words if re.fullmatch("[а-яё]+", w)
    )


def _event_triggers(reading: Reading, facts: SentenceFacts) -> list[Mention[str]]:
    """The vocabulary's trigger phrases, read past the pair's adjective inside a body's name:
    "заседание совместной белорусско-польской комиссии" is "заседание совместной комиссии"."""
    tokens = facts.sentence.tokens
    pair = {
        i
        for m in facts.countries
        for i in range(m.first, m.last)
        if _PAIR_ADJECTIVE.fullmatch(tokens[i].text)
    }
    kept = [i for i in range(len(tokens)) if i not in pair]
    if len(kept) == len(tokens):
        return reading.cues("EVENT_TRIGGERS", tokens)
    return [
        Mention(m.value, m.start, m.end, kept[m.first], kept[m.last - 1] + 1)
        for m in reading.cues("EVENT_TRIGGERS", [tokens[i] for i in kept])
    ]


def propose_events(
    reading: Reading, registry: Registry, detector: EventDetector | None = None
) -> tuple[list[Proposal], list[Proposal]]:
    """Events and agreements, from the vocabulary's trigger phrases; with a `detector`, also from
    sentences with none that it says state an event (app.extraction.recall)."""
    events: list[_Event] = []
    agreements: list[Proposal] = []
    order = _trigger_order(reading.language)
    replaced: dict[str, str] = {}
    body: str | None = None  # the last joint body named, even in a question ("And the commission?")
    for facts in reading.facts:
        if facts.sentence.question and not facts.sentence.headline:
            body = next((t.value for t in _event_triggers(reading, facts) if t.value in _BODIES), body)
        if facts.sentence.headline or facts.sentence.question or _background(reading, facts):
            continue
        triggers = _event_triggers(reading, facts)
        stated = bool(triggers)  # a trigger told back to an earlier event stops the detector too
        if not triggers and body is not None and _LAST_MET_ALONE.search(facts.sentence.text):
            # "It last met in Lima in 2023", "Последний раз она собиралась в Бишкеке в ноябре": the body
            # named before, at its last meeting
            first = facts.sentence.tokens[0]
            triggers = [Mention(body, first.start, first.end, 0, 1)]
        if events:
            # "По итогам переговоров подписан…": the talks told before, not new ones; unless the
            # clause announces them ("…, а по итогам переговоров в мае планируется подписать …").
            anaphora = reading.cues("EVENT_ANAPHORA", facts.sentence.tokens)
            triggers = [
                t
                for t in triggers
                if not any(a.first <= t.first < a.last for a in anaphora) or _announced(reading, facts, t)
            ]
        apart = _ministers_apart(reading, facts, triggers)
        beside = [t for t in triggers if _on_the_sidelines(facts.sentence, t)]
        told_before = events and _meeting_told_before(reading, facts)
        meeting = None if told_before else _officials_meet(reading, facts, beside=bool(beside))
        if meeting and beside:
            # "The ministers are due to meet on the sidelines of a regional summit", "the presidents met
            # on the sidelines of …": the meeting is the event, the summit where it is held is not one
            # of the pair
            triggers = [t for t in triggers if t not in beside]
        if meeting and not triggers:
            first = facts.sentence.tokens[0]
            triggers = [Mention(meeting, first.start, first.end, 0, 1)]
        if not triggers:
            triggers = _greeted(reading, facts)
        if not stated and not triggers and detector is not None:
            learned = learned_trigger(reading, facts, detector)
            triggers = [learned] if learned else []
        found: list[_Event] = []
        # One event per kind of gathering the sentence names: "заседание Высшего межгосударственного
        # совета в ходе государственного визита" is a council and a visit; talks during a visit are one.
        groups: dict[str, list[Mention[str]]] = {}
        for trigger in triggers:
            groups.setdefault(_GROUPS.get(trigger.value, trigger.value), []).append(trigger)
        if len(groups) > 1 and {t.value for t in groups.get("visit", [])} <= {"visit"}:
            # "посещал Азербайджан для участия в саммите": the summit is the event; a visit told in a
            # clause of its own ("…пройдёт заседание комиссии, а в ноябре ожидается визит") is another.
            others = [t for kind, group in groups.items() if kind != "visit" for t in group]
            if any(_same_clause(facts.sentence, v, others) for v in groups.get("visit", [])):
                groups.pop("visit", None)
        if apart is None and "visit" in groups:
            apart = _meeting_beside_visit(facts.sentence, groups["visit"])
            groups["visit"] = [t for t in groups["visit"] if t is not apart]
        if apart is not None:
            groups["ministers_apart"] = [apart]
        if "council_again" in groups and {"interstate_council", "business_council"} & set(groups):
            groups.pop("council_again")
        if "session_again" in groups and (_BODIES | _BODY_TRIGGERS | {"council_again"}) & set(groups):
            groups.pop("session_again")  # "следующее заседание комиссии": the body is named
        for group in groups.values():
            best = min(group, key=lambda m: order.index(m.value) if m.value in order else len(order))
            best, told = _next_session(facts, best)
            if apart is not None:
                told = _places_of_its_clause(told, best)
            context = _context(reading, facts, best, events)
            if best.value in {"council_again", "session_again"} and context is None:
                continue
            if best.value == "visit" and _VISIT_ENDS.search(facts.sentence.text) and _visit_under_way(events):
                continue  # "Визит начался в среду и завершится в пятницу": the visit told before
            made = _events(reading, registry, told, best, len(events), context, events, len(groups) > 1)
            if best.value in _BODIES:
                body = best.value
            if made and made[0].body["type"] in _BODIES:
                made += _last_met(reading, facts, made[0], len(events) + len(made))
            made = [event for event in made if not _duplicate(event, events, replaced)]
            events.extend(made)
            found.extend(made)
        if (
            reading.cues("SIGNING", facts.sentence.tokens)
            and not reading.cues("NOT_SIGNING", facts.sentence.tokens)
            and not _tally(facts.sentence.text)
        ):
            planned = bool(
                reading.cues("PLANNED", facts.sentence.tokens) or reading.future_tense(facts.sentence.tokens)
            )
            clauses = signing_clauses(reading, facts, planned)
            parts: list[tuple[tuple[int, int] | None, bool]] = [*clauses] if clauses else [(None, planned)]
            for within, clause_planned in parts:
                held = [e for e in found if (e.body.get("status", "held") != "held") == clause_planned]
                linked = (
                    (held[0] if held else None) if within else (found[0] if found else None)
                ) or _last_event(reading, events, facts, clause_planned)
                agreements.extend(
                    a
                    for a in _agreements(reading, facts, linked, len(agreements), within)
                    if not _signing_told_again(a, agreements)
                    and not _ratification_told_again(reading, facts, agreements)
                )
    _visit_ends(reading, events)
    proposals = [
        Proposal(
            e.key,
            "event",
            e.body,
            e.sentence.start,
            e.sentence.end,
            e.body.pop("_confidence"),
            tuple(dict.fromkeys(e.requires)),
        )
        for e in events
    ]
    for agreement in agreements:
        if agreement.body.get("event") in replaced:
            agreement.body["event"] = replaced[agreement.body["event"]]
    return proposals, agreements


# "have signed more than 200 agreements since 1992": a tally of the years' documents, no signing.
_TALLY_SINCE = re.compile(r"\b(?:since|с)\s+(?:19|20)\d\d\b", re.IGNORECASE)
_TALLY_COUNT = re.compile(r"\b(?:more\s+than|over|свыше|более)\s+\d+", re.IGNORECASE)


def _tally(text: str) -> bool:
    return _TALLY_SINCE.search(text) is not None and _TALLY_COUNT.search(text) is not None


_PAST_EN = {
    "was",
    "were",
    "had",
    "met",
    "held",
    "took",
    "visited",
    "paid",
    "came",
    "went",
    "signed",
    "said",
    # irregular pasts of a visit's course: "is in Baku on a visit that began on Thursday"
    "began",
    "begun",
    "flew",
    "led",
}


def _present_tense(reading: Reading, facts: SentenceFacts, trigger: Mention[str]) -> bool:
    """An English clause told in the present ("meets", "is"), with no verb in the past."""
    if reading.language != "en":
        return False
    words = [t.text.lower() for t in _near(facts.sentence, trigger)]
    present = any(w in {"is", "are", "meets", "meet", "opens", "takes"} for w in words)
    return present and not any(w in _PAST_EN or (w.endswith("ed") and len(w) > 4) for w in words)


def _same_clause(sentence: Sentence, trigger: Mention[str], others: Sequence[Mention[str]]) -> bool:
    low, high = clause(sentence, trigger.start)
    return any(low <= other.start < high for other in others)


def _context(
    reading: Reading, facts: SentenceFacts, trigger: Mention[str], events: list[_Event]
) -> _Event | None:
    """The event a gathering is held beside or named back to: the last one told, when the sentence
    points at it ("during the visit", "в ходе визита", "the visit is expected to coincide with")."""
    if trigger.value in _DURING_A_VISIT and events and _DURING_VISIT.search(facts.sentence.text):
        return events[-1]  # "the commission will hold its next meeting during the visit"
    if trigger.value not in _BESIDE or not events:
        return None
    if trigger.value == "council_again":
        councils = [
            e for e in events if e.body["type"] == "interstate_council" or e.trigger == "business_council"
        ]
        return councils[-1] if councils else None
    if trigger.value == "session_again":
        bodies = [e for e in events if e.body["type"] in _BODIES or e.trigger in _BODY_TRIGGERS]
        return bodies[-1] if bodies else None
    words = {t.text.lower() for t in facts.sentence.tokens}
    if reading.cues("EVENT_ANAPHORA", facts.sentence.tokens) or words & {
        "visit",
        "визита",
        "визитом",
        "визите",
    }:
        return events[-1]
    return None


# "The commission, which last met in Baku in December 2023, meets in Tehran next month": the meeting
# told in passing, in a relative clause, is one of its own, held, and dates nothing else in the
# sentence ("The commission last met in Baku in October" tells that meeting alone).
_LAST_MET = re.compile(
    r",\s*(?:which|that)\s+last\s+(?:met|convened|gathered)\b[^,;.]*"
    r"|,\s*котор\w+\s+(?:в\s+)?последн\w+\s+раз\s+(?:собирал|заседал|встречал)\w*[^,;.]*",
    re.IGNORECASE,
)


# The body told before as the subject of its own last meeting: "It last met in Lima in 2023", "The
# committee last met in Bangkok in March", "Последний раз она собиралась в Бишкеке в ноябре 2024 года".
_LAST_MET_ALONE = re.compile(
    r"^\W*(?:it|the\s+(?:committee|commission|council))\s+last\s+(?:met|convened|sat|gathered)\b"
    r"|^\W*(?:в\s+)?последний\s+раз\s+(?:она|он|комиссия|комитет|совет)\s+(?:собирал|заседал|встречал)\w*"
    r"|^\W*(?:она|он|комиссия|комитет|совет)\s+(?:в\s+)?последний\s+раз\s+(?:собирал|заседал|встречал)\w*",
    re.IGNORECASE,
)


def _last_met(reading: Reading, facts: SentenceFacts, event: _Event, count: int) -> list[_Event]:
    """The body's last meeting, told in passing beside its next one: held, on the date of its clause."""
    sentence = facts.sentence
    told = _LAST_MET.search(sentence.text)
    if told is None:
        return []
    published = reading.published
    start, end = sentence.start + told.start(), sentence.start + told.end()
    dates = find_dates(
        told.group(),
        start,
        published.year if published else None,
        published,
        future=False,
        reference=reading.reference,
    )
    if not dates:
        return []
    body = {key: value for key, value in event.body.items() if key not in {"status", "location"}}
    hosts = [
        m.value.entry.country for m in facts.places if start <= m.start < end and m.value.entry is not None
    ]
    body["host_country"] = hosts[0] if hosts else None
    body["date"] = dates[0].value
    body["id"] = record_id(f"{body['title_en']} {body['date'][:7]}")
    requires = [r for r in event.requires if not r.startswith("place:")]
    return [_Event(f"event:{count + 1}", body, sentence, requires, trigger=event.trigger)]


_ASIDE = re.compile(
    r",\s*(?:учрежд|созда|основа|образова|established|founded|set\s+up|created)\w*[^,;.]*", re.IGNORECASE
)


def _background(reading: Reading, facts: SentenceFacts) -> bool:
    """ "Совет был учреждён в 2022 году": how a body came to be, not a gathering; unless it is an
    aside ("the first meeting of the council, established last year")."""
    asides = [(m.start(), m.end()) for m in _ASIDE.finditer(facts.sentence.text)]
    start = facts.sentence.start
    tokens = facts.sentence.tokens
    announced = bool(reading.cues("PLANNED", tokens) or reading.future_tense(tokens))
    return any(
        not any(a <= m.start - start < b for a, b in asides)
        # "…учредить Совет, первое заседание которого пройдёт в 2027 году": its meeting is announced
        and not (announced and _MEETING.search(reading.document.text, m.end, facts.sentence.end))
        for m in reading.cues("NOT_EVENT", tokens)
    )


# A day told by the event before: "On the same day", "Later that day", "В тот же день".
_SAME_DAY = re.compile(
    r"\b(?:on\s+the\s+same\s+day|later\s+(?:that|the\s+same)\s+day|earlier\s+that\s+day|"
    r"в\s+тот\s+же\s+день|в\s+этот\s+же\s+день)\b",
    re.IGNORECASE,
)
_MEETING = re.compile(r"\bзаседани\w*|\bвстреч\w*|\bmeeting\b|\bsession\b", re.IGNORECASE)


# A joint body told with its next session in a relative clause: "the intergovernmental commission,
# whose next session is scheduled for May in Astana", "the council, which will next meet in Baku".
_NEXT_TIME = (
    r",\s*(?:whose\s+(?P<next>next\s+(?:session|meeting))|which\s+(?:will|is\s+due\s+to)\s+"
    r"(?P<meet>next\s+(?:meet|convene)))\b"
)
_NEXT_TIME_CLAUSE = re.compile(_NEXT_TIME, re.IGNORECASE)
_NEXT_SESSION_AFTER = re.compile(r"[^,;.]{0,80}?" + _NEXT_TIME, re.IGNORECASE)


def _next_session(facts: SentenceFacts, trigger: Mention[str]) -> tuple[Mention[str], SentenceFacts]:
    """A body named in a sentence about another meeting, its next session told after it: the event is
    that session, read from its own clause (its status, date and place), not from the meeting's."""
    sentence = facts.sentence
    found = _NEXT_SESSION_AFTER.match(sentence.text, trigger.end - sentence.start)
    if trigger.value not in _BODIES or found is None:
        return trigger, facts
    at = sentence.start + found.start("next" if found.group("next") else "meet")
    first = next(i for i, token in enumerate(sentence.tokens) if token.start >= at)
    moved = Mention(trigger.value, at, sentence.tokens[first].end, first, first + 1)
    return moved, replace(facts, places=[place for place in facts.places if place.start >= at])


_AGREED_TO_MEET = re.compile(r"\s*and\s+agreed\s+to\s+meet\b", re.IGNORECASE)


def _ministers_apart(
    reading: Reading, facts: SentenceFacts, triggers: Sequence[Mention[str]]
) -> Mention[str] | None:
    """ "The president will pay a state visit to Baku in February, the two foreign ministers said after
    their meeting in Astana on Tuesday": ministers meeting in a clause of their own, beside another
    gathering the sentence names, are an event of their own."""
    sentence = facts.sentence
    positions = [_next_session(facts, trigger)[0].start for trigger in triggers]
    if not positions:
        return None
    for i, token in enumerate(sentence.tokens):
        to_meet = _TO_MEET.match(sentence.text, token.start - sentence.start) is not None
        if token.text.lower() not in _MET_WORDS and not to_meet:
            continue
        low, high = clause(sentence, token.start)
        if any(low <= at < high for at in positions):
            continue
        roles = [
            r.value for r in reading.cues("ROLES", [t for t in sentence.tokens if low <= t.start < high])
        ]
        if roles and all("minister" in r or "минист" in r for r in roles) and not _HEADS & set(roles):
            return Mention("ministerial_meeting", token.start, token.end, i, i + 1)
        # "spoke by telephone on Thursday and agreed to meet in Ankara in January": the leaders' meeting
        # to come, told after the call
        agreed = _AGREED_TO_MEET.match(sentence.text, low - sentence.start)
        kind = _officials_meet(reading, facts) if to_meet and agreed else None
        if kind is not None:
            return Mention(kind, token.start, token.end, i, i + 1)
    return None


def _meeting_beside_visit(sentence: Sentence, family: Sequence[Mention[str]]) -> Mention[str] | None:
    """ "The president will pay a state visit to Baku in February, the foreign ministers said after
    their meeting in Astana": a ministers' meeting told in a clause apart from the visit is another
    event, not the visit's talks."""
    visits = [t for t in family if t.value in _VISIT_TYPES]
    for trigger in family:
        if trigger.value == "ministerial_meeting" and visits and not _same_clause(sentence, trigger, visits):
            low, high = clause(sentence, trigger.start)
            if _MEETING.search(sentence.text[low - sentence.start : high - sentence.start]):
                return trigger
    return None


def _places_of_its_clause(facts: SentenceFacts, trigger: Mention[str]) -> SentenceFacts:
    """The sentence's facts with only the places of the trigger's clause: another clause's place is
    another gathering's."""
    low, high = clause(facts.sentence, trigger.start)
    return replace(facts, places=[place for place in facts.places if low <= place.start < high])


def _last_held_day(events: Sequence[_Event]) -> str | None:
    """The date of the last held event told with a date of its own."""
    for event in reversed(events):
        if event.body.get("status", "held") == "held" and event.stated_date:
            return str(event.body["date"])
    return None


def _visit_under_way(events: Sequence[_Event]) -> _Event | None:
    """The last event told, when it is a held visit with a date of its own."""
    if not events:
        return None
    last = events[-1]
    held = last.body.get("status", "held") == "held"
    return last if held and last.stated_date and last.body["type"] in _VISIT_TYPES else None


_HEADS = {
    "президент",
    "премьер-министр",
    "president",
    "prime minister",
    "глава государство",
    "вице-премьер",
    "заместитель премьер-министр",
    "deputy prime minister",
}


def _ministers_only(reading: Reading, facts: SentenceFacts) -> bool:
    roles = [r.value for r in reading.cues("ROLES", facts.sentence.tokens)]
    if _HEADS_MEET.search(facts.sentence.text):
        return False  # "the two prime ministers": the lexicon reads their plural as plain ministers
    return bool(roles) and all(("минист" in r or "minister" in r) and r not in _HEADS for r in roles)


def _officials_meet(reading: Reading, facts: SentenceFacts, beside: bool = False) -> str | None:
    """ "The energy ministers of the two countries met in Istanbul", "are due to meet in Lima", "Главы
    правительств двух стран встретятся в начале ноября": ministers meeting (`ministerial_meeting`), or
    heads of state or government meeting each other (`talks`). `beside`: the meeting is told on the
    sidelines of a gathering, so heads who met held talks of their own there."""
    words = {t.text.lower() for t in facts.sentence.tokens}
    met = words & _MET_WORDS
    to_meet = _TO_MEET.search(facts.sentence.text) is not None
    if not met and not to_meet:
        return None
    roles = reading.cues("ROLES", facts.sentence.tokens)
    tokens = facts.sentence.tokens
    heads = _HEADS_MEET.search(facts.sentence.text) is not None or (
        bool(roles)
        and all(r.value in _HEADS for r in roles)
        and (
            any(_plural(tokens[r.last - 1], reading.language) for r in roles)
            or bool(words & {"двух", "обеих", "обоих"})
        )
    )
    if heads:
        # a meeting of leaders still to come; one told as held is the talks or visit told around it
        return "talks" if (to_meet or beside) and len({m.value.code for m in facts.countries}) != 1 else None
    return "ministerial_meeting" if _ministers_only(reading, facts) else None


def _announced(reading: Reading, facts: SentenceFacts, trigger: Mention[str]) -> bool:
    low, high = clause(facts.sentence, trigger.start)
    tokens = [t for t in facts.sentence.tokens if low <= t.start < high]
    return bool(reading.cues("PLANNED", tokens) or reading.future_tense(tokens))


# What may stand between a verb of meeting and the person met: "the visiting", "his Uzbek".
_BEFORE_THE_PERSON = re.compile(r"\s+(?:(?:by|the|his|her|their|a|an|visiting)\s+)*(?:[\w-]+\s+){0,2}", re.I)
_MET_BY_OFFICE = re.compile(
    r"\s+(?:(?:the|his|her|their|a|an)\s+)?(?:[\w-]+\s+){0,2}(?:counterparts?|delegation)\b", re.I
)


def _greeted(reading: Reading, facts: SentenceFacts) -> list[Mention[str]]:
    """ "The president received the visiting Turkish foreign minister", "sat down with his Uzbek
    counterpart", "was received by the Vice President": a verb of meeting whose object is a person,
    named or by office, is a meeting (bilateral only when two countries are named, as any `meeting`)."""
    sentence = facts.sentence
    offices = [role.start for role in reading.cues("ROLES", sentence.tokens)]
    people = [*offices, *(person.start for person in facts.people)]
    for verb in reading.cues("GREETED", sentence.tokens):
        after = sentence.text[verb.end - sentence.start :]
        if _MET_BY_OFFICE.match(after) or any(
            start >= verb.end
            and _BEFORE_THE_PERSON.fullmatch(
                sentence.text[verb.end - sentence.start : start - sentence.start]
            )
            for start in people
        ):
            return [Mention("meeting", verb.start, verb.end, verb.first, verb.last)]
    return []


def _meeting_told_before(reading: Reading, facts: SentenceFacts) -> bool:
    """ "По итогам встречи министры подписали…", "At the end of the meeting the two ministers
    signed…": the meeting the sentence names only as the frame of what followed is one told before,
    not a new one (unless they are to meet again)."""
    tokens = facts.sentence.tokens
    frames = [cue for cue in reading.cues("EVENT_ANAPHORA", tokens) if cue.last - cue.first > 1]
    words = [i for i, t in enumerate(tokens) if t.text.lower() in _MET_WORDS]
    return (
        bool(words)
        and all(any(cue.first <= i < cue.last for cue in frames) for i in words)
        and _TO_MEET.search(facts.sentence.text) is None
    )


_MET_WORDS = frozenset({"met", "встретились", "встретился", "встреча", "встречи", "meeting", "провели"})


# A meeting still to come: "are due to meet in Kisumu", "встретятся в Лиме", "проведут встречу в ноябре".
_TO_MEET = re.compile(
    r"\b(?:meet|встретятся|встретится|встретиться|(?:проведут|провести)\s+встречу)\b"
    r"(?=\s+(?:in|on|at|again|next|later|during|early|late|mid|в|во|на|снова|ещё|еще)\b)",
    re.IGNORECASE,
)
# Heads of state or government as one plural subject ("the two prime ministers", "the presidents").
_HEADS_MEET = re.compile(
    r"\b(?:presidents|prime\s+ministers|leaders|heads\s+of\s+(?:state|government))\b", re.I
)
_SIDELINES = re.compile(
    r"(?:on\s+the\s+(?:sidelines|margins)\s+of|на\s+полях|в\s+кулуарах)\s+(?:[\w-]+\s+){0,3}$", re.I
)


def _on_the_sidelines(sentence: Sentence, trigger: Mention[str]) -> bool:
    """A summit or forum named as where a meeting is held ("on the sidelines of a regional summit")."""
    before = sentence.text[: trigger.start - sentence.start]
    return trigger.value in {"summit", "forum"} and _SIDELINES.search(before) is not None


def _last_event(reading: Reading, events: list[_Event], facts: SentenceFacts, planned: bool) -> _Event | None:
    """The event a signing belongs to: the last one in its paragraph, or in the two before when the
    sentence points back at it ("the sides", "в ходе визита")."""
    sentence = facts.sentence
    pointing_back = bool(reading.cues("EVENT_ANAPHORA", sentence.tokens))
    for event in reversed(events):
        if (event.body.get("status", "held") != "held") != planned:
            continue
        if event.sentence.paragraph == sentence.paragraph or pointing_back:
            return event
        # "…held talks in Kuala Lumpur. ¶ The ministers signed a memorandum…": a signing told in the
        # paragraph right after a held event, with no date of its own, was part of it.
        if not planned and event.sentence.paragraph == sentence.paragraph - 1 and not _dated(reading, facts):
            return event
    return None


def _dated(reading: Reading, facts: SentenceFacts) -> bool:
    published = reading.published
    sentence = facts.sentence
    year = published.year if published else None
    return bool(find_dates(sentence.text, sentence.start, year, published, reference=reading.reference))


def _duplicate(event: _Event, events: list[_Event], replaced: dict[str, str]) -> bool:
    """The same event told again. A visit told after the talks held during it takes their place."""
    if events and _talks_of_the_visit(event, events[-1]):
        visit = events[-1]
        visit.body["date"] = (
            f"{window(visit.body['date'])[0].isoformat()}/{window(event.body['date'])[1].isoformat()}"
        )
        visit.body["people"] = list(dict.fromkeys([*visit.body["people"], *event.body["people"]]))
        visit.requires = [*visit.requires, *event.requires]
        return True
    for other in events:
        if (
            event.body["type"] in _FAMILY
            and other.body["type"] in _FAMILY
            and "working_group" not in {event.trigger, other.trigger}
            and set(event.body["countries"]) == set(other.body["countries"])
            and event.body.get("status") == other.body.get("status")
            and _overlap(event.body["date"], other.body["date"])
            and (_short(event.body["date"]) or _told_next(event, other))
            and _short(other.body["date"])
        ):
            # Who took part is the union: the visit names the visitor, the talks name both leaders.
            people = list(dict.fromkeys([*other.body["people"], *event.body["people"]]))
            requires = [*other.requires, *event.requires]
            ranked = _VISIT_TYPES - {"visit", "other"}
            if event.body["type"] in ranked and other.body["type"] not in ranked:
                replaced[other.body["id"]] = event.body["id"]
                other.body, other.sentence = event.body, event.sentence
            other.body["people"], other.requires = people, requires
            return True
        # a host told once ("в египетской столице") and left untold the next time is the same host
        hosts = [host for host in (event.body.get("host_country"), other.body.get("host_country")) if host]
        fields = ("type", "location", "status") if len(hosts) == 1 else ("type", "location", "host_country")
        same = all(event.body.get(f) == other.body.get(f) for f in fields)
        if (
            same
            and set(event.body["people"]) <= set(other.body["people"])
            and (
                event.body["date"][:7] == other.body["date"][:7]
                or event.body["date"][:4] == other.body["date"]
            )
        ):
            if event.stated_date and not other.stated_date:
                # "…сопредседатель комиссии" dated by the dateline, then "заседание комиссии прошло во
                # вторник": the telling that states the day dates the event and is its quote.
                other.body["date"], other.sentence, other.stated_date = (
                    event.body["date"],
                    event.sentence,
                    True,
                )
                other.body["_confidence"] = max(other.body["_confidence"], event.body["_confidence"])
            return True
    return False


_TALKS_OF_A_VISIT_DAYS = 3  # how many days after a visit's first day its talks may be told as held


def _talks_of_the_visit(event: _Event, visit: _Event) -> bool:
    """ "The president arrived in Tashkent on Wednesday on a state visit. On Thursday the two presidents
    held talks": talks told right after a held visit, a few days on, at its place, were held during it;
    the visit spans to their day."""
    if not (
        event.body["type"] in {"talks", "ministerial_meeting"}
        and visit.body["type"] in _VISIT_TYPES
        and event.stated_date
        and visit.stated_date
        and event.body.get("status", "held") == visit.body.get("status", "held") == "held"
        and set(event.body["countries"]) == set(visit.body["countries"])
        and event.body.get("host_country") in {None, visit.body.get("host_country")}
        and 0 <= event.sentence.paragraph - visit.sentence.paragraph <= 1
    ):
        return False
    (first, last), (day, day_end) = window(visit.body["date"]), window(event.body["date"])
    return day == day_end and last < day <= first + timedelta(days=_TALKS_OF_A_VISIT_DAYS)


def _told_next(event: _Event, other: _Event) -> bool:
    """ "Aliyev paid a state visit… ¶ The presidents held talks.": talks without a date of their own,
    told right after a visit, were held during it."""
    return (
        event.body["type"] == "talks"
        and not event.stated_date
        and 0 <= event.sentence.paragraph - other.sentence.paragraph <= 1
    )


def _short(value: str) -> bool:
    """A date window of a month or less: only such are compared for being the same event."""
    start, end = window(value)
    return (end - start).days <= 31


def _overlap(first: str, second: str) -> bool:
    a, b = window(first), window(second)
    return a[0] <= b[1] and b[0] <= a[1]


def _events(
    reading: Reading,
    registry: Registry,
    facts: SentenceFacts,
    trigger: Mention[str],
    count: int,
    context: _Event | None = None,
    earlier: Sequence[_Event] = (),
    several: bool = False,
) -> list[_Event]:
    tokens = facts.sentence.tokens
    event_type = _TRIGGER_TYPES.get(trigger.value, trigger.value)
    if trigger.value == "trip" and not (facts.people or reading.cues("ROLES", tokens)):
        return []  # "Kazakh grain will travel to Iran": a journey is a visit only of someone
    if trigger.value in {"council_again", "session_again"} and context is not None:
        event_type = context.body["type"]
    if event_type == "talks" and _ministers_only(reading, facts):
        event_type = "ministerial_meeting"
    label = trigger.value if trigger.value in {"working_group", "business_council", "session"} else event_type
    if context is not None and context.trigger in {"working_group", "business_council"}:
        label = context.trigger
    trigger_token = tokens[trigger.last - 1]  # the head noun: "государственным визитом"
    if trigger.value in {"visit", "summit", "forum"} and _plural(trigger_token, reading.language):
        organizations = _unique(facts.organizations)
        if not (trigger.value == "summit" and len(organizations) > 1):
            return []  # "взаимные визиты", "regular summits": not one event
    told = facts.sentence.text[trigger.start - facts.sentence.start :]
    if (
        event_type == "talks"
        and not facts.places
        and _NEGOTIATIONS.match(told)
        and not _A_ROUND.search(facts.sentence.text)
    ):
        # "Переговоры по газопроводу … продолжаются", "agreed to begin negotiations on a new
        # agreement": the bargaining over a text or a project, not a meeting somewhere
        return []
    status = _status(reading, _near(facts.sentence, trigger), trigger)
    own = clause(facts.sentence, trigger.start)[0]
    if (
        several
        and status == "held"
        and _status(reading, [t for t in tokens[: trigger.last] if t.start >= own]) == "planned"
    ):
        # "agreed to hold consultations in the autumn and a business forum in October": each
        # gathering of a list the sentence announces is announced
        status = "planned"
    old = _old_time(reading, facts, trigger)
    planned = True if old else {"planned": True, "cancelled": None}.get(status, False)
    aside = old.span if old else None
    moved = reading.cues("POSTPONED", tokens)
    if moved:
        # "перенесён на ноябрь": the new time is the event's date; the old one, when told, is an
        # event of its own, called off (`_old_time`).
        new_time = tokens[moved[0].last - 1].end
        dated = event_date(reading, facts, planned, new_time, new_time, windows=True, aside=aside)
    else:
        dated = event_date(
            reading, facts, planned, trigger.start, trigger.end, own_clause=several, aside=aside
        )
        if (
            status == "held"
            and dated is not None
            and dated[1] == 0
            and _present_tense(reading, facts, trigger)
        ):
            # "The committee meets in Vientiane on 20 October", "Next on the calendar is a session …
            # in April": a date that is still to come this year, told in the present, is announced.
            coming = event_date(
                reading, facts, True, trigger.start, trigger.end, own_clause=several, aside=aside
            )
            if coming is not None and coming[0] != dated[0]:
                dated, status = coming, "planned"
    if old is not None:
        if dated is not None and dated[1] == 0:
            # moved: planned at its new time, and called off at its old one (below)
            status = "planned" if status == "cancelled" else status
        else:
            # postponed with no new time told: one event, called off on its old dates
            status, dated, old = "cancelled", (old.value, 0.0), None
    if trigger.value == "session_again" and (dated is None or dated[1] > 0):
        return []  # a next session with no date of its own is no fact yet ("on a date to be agreed")
    if context is not None and (dated is None or dated[1] > 0):
        dated = context.body["date"], 0.1
    day_before = _last_held_day(earlier)
    if day_before and status == "held" and _SAME_DAY.search(facts.sentence.text):
        dated = day_before, 0.0  # "On the same day, the minister was received by …"
    visit = _visit_under_way(earlier)
    if context is None and status == "held" and visit is not None and (dated is None or dated[1] >= 0.35):
        dated = (
            visit.body["date"],
            0.15,
        )  # "Главы государств провели заседание совета": during the visit told before
    if dated is None:
        return []
    when, date_penalty = dated
    if status == "held" and reading.reference is not None and window(when)[0] > reading.reference:
        status = "planned"  # "to hold the Council's first meeting next year": not held by the article's day
    if event_type == "visit" and date_penalty > 0:
        return []  # "третий визит премьер-министра": a visit told without its own date is a mention
    if event_type in _VISIT_TYPES and date_penalty > 0 and _INVITATION.search(facts.sentence.text):
        return []  # "accepted an invitation to pay an official visit": no date, no event yet
    if date_penalty > 0 and _NO_DATE.search(facts.sentence.text):
        return []  # "No date has been set for the state visit": not yet an event of the calendar
    people, requires = [], []
    person_countries = []
    for person in facts.people:
        person_id, key = registry.person(person, facts.sentence)
        people.append(person_id)
        if key:
            requires.append(key)
        if person.country:
            person_countries.append(person.country)
    groups = (
        _summit_groups(facts) if event_type in {"summit", "forum", "multilateral_meeting"} else [(None, None)]
    )
    results: list[_Event] = []
    for organization, place in groups:
        location = place or _location(facts, event_type in _VISIT_TYPES)
        body: dict[str, Any] = {"type": event_type, "date": when, "people": list(dict.fromkeys(people))}
        event_requires = list(requires)
        host = None
        place_entry: PlaceEntry | None = None
        if location is not None:
            place_id, key = registry.place(location.value, facts.sentence)
            body["location"] = place_id
            if key:
                event_requires.append(key)
            place_entry = location.value.entry
            host = place_entry.country if place_entry else _known_country(reading, location.value.id)
        ranked_visit = event_type in _VISIT_TYPES - {"visit", "other"}
        if host is None:
            host = _destination(facts, trigger, visit=event_type in _VISIT_TYPES)
        if host is None and ranked_visit:
            host = _visited_partner(reading, facts, trigger)
        if host is None and ranked_visit and status == "held":
            # "TASHKENT, Dec 4 - … signed 12 agreements during a state visit by the Azerbaijani president"
            named = {m.value.code for m in facts.countries}
            host = _dateline_country(reading, facts) if len(named) > 1 else None
            host = host if host in named else None
        if context is not None and location is None and host is None and trigger.value != "session_again":
            host = context.body.get("host_country")
            if context.body.get("location"):
                body["location"] = context.body["location"]
                event_requires.extend(r for r in context.requires if r.startswith("place:"))
        body["host_country"] = host
        low, high = clause(facts.sentence, trigger.start)
        countries = {m.value.code for m in facts.countries if low <= m.start < high} | set(person_countries)
        if host:
            countries.add(host)
        if len(countries) < 2:
            countries |= {m.value.code for m in facts.countries}
        if len(countries) < 2 and context is not None:
            countries |= set(context.body["countries"])
        confidence = 0.8 - date_penalty
        pair = set(reading.main_pair)
        if (
            len(countries) < 2
            and (event_type in _BILATERAL or (event_type in {"forum", "summit"} and not facts.organizations))
            and len(pair) == 2
            and (not countries or countries & pair)
        ):
            countries |= pair
            confidence -= 0.2
        self_standing = event_type in _SELF_STANDING or trigger.value in _SELF_STANDING
        if not countries or not (people or location or host or self_standing or context):
            continue
        if (
            trigger.value == "meeting"
            and len(set(person_countries) | {m.value.code for m in facts.countries}) < 2
        ):
            continue  # "met with journalists": a meeting is bilateral only when two countries are named
        if host is None and status == "held" and event_type not in _VISIT_TYPES | {"phone_call"}:
            host = body["host_country"] = _dateline_country(reading, facts)
            countries |= {host} if host else set()
        body["countries"] = sorted(countries)
        organization_ids: list[str] = []
        org_entry: OrganizationEntry | None = None
        org_mentions = (
            [organization]
            if organization
            else (
                _unique(facts.organizations)
                if event_type in {"summit", "forum", "multilateral_meeting"}
                else []
            )
        )
        for mention in org_mentions:
            org_id, key = registry.organization(mention.value, facts.sentence)
            organization_ids.append(org_id)
            org_entry = org_entry or mention.value.entry
            if key:
                event_requires.append(key)
        body["organizations"] = organization_ids
        if status != "held":
            body["status"] = status
        if event_type == "visit":
            confidence -= 0.2
        body["title_en"], body["title_ru"] = _titles(
            reading, label, facts, host, place_entry, org_entry, body["countries"]
        )
        body["id"] = record_id(f"{body['title_en']} {when[:7]}")
        body["_confidence"] = round(max(confidence, 0.2), 2)
        if old is not None:
            # the convention of bench/extraction/README.md: a moved event is also the one called off,
            # told first, so what follows ("the visit is expected to coincide with …") is the new one
            called_off = {**body, "status": "cancelled", "date": old.value}
            called_off["id"] = record_id(f"called off {body['title_en']} {old.value[:7]}")
            results.append(
                _Event(
                    f"event:{count + len(results) + 1}",
                    called_off,
                    facts.sentence,
                    list(event_requires),
                    trigger=label,
                )
            )
        results.append(
            _Event(
                f"event:{count + len(results) + 1}",
                body,
                facts.sentence,
                event_requires,
                stated_date=date_penalty == 0,
                trigger=label,
            )
        )
    return results


_NEGOTIATIONS = re.compile(
    r"(?:talks|negotiations|переговор\w*)\s+(?:on|over|about|по|о|об)\s+(?:\S+\s+){0,4}?"
    r"(?:agreement|treaty|contract|deal|project|pipeline|соглашени\w*|договор\w*|контракт\w*|проект\w*"
    r"|газопровод\w*|нефтепровод\w*)",
    re.IGNORECASE,
)
_A_ROUND = re.compile(r"\b(?:meet|met|meeting|round|встреч\w*|раунд\w*|собер\w+)\b", re.IGNORECASE)
_NO_DATE = re.compile(
    r"\bno\s+(?:new\s+)?dates?\s+(?:has|have)\s+(?:yet\s+)?been\s+(?:set|fixed|agreed|announced|given)\b"
    r"|\bсроки?\s+(?:\w+\s+){0,3}(?:не|ещё\s+не|еще\s+не)\s+(?:определен\w*|назначен\w*|согласован\w*)",
    re.IGNORECASE,
)
_INVITATION = re.compile(r"\binvit\w*|\bприглаш\w*", re.IGNORECASE)


class _OldTime(NamedTuple):
    value: str  # the date it was to take place
    span: tuple[int, int]  # where the text tells it: no date inside is the event's new time


# The time an event was to take place, told after its name: firm words say by themselves that the
# plan changed ("originally scheduled for", "was supposed to", "postponed from", "первоначально
# намеченное на", "которое должно было пройти"); the others only beside a word of moving or calling
# off told after the event's name ("scheduled for 2–3 July, has been postponed").
_OLD_TIME_FIRM = re.compile(
    r"\b(?:originally|initially)\s+(?:scheduled|planned|set|slated|pencil{1,2}ed\s+in|due|expected)\b"
    r"|\b(?:was|were)\s+supposed\s+to\b"
    r"|\bhad\s+been\s+(?:due|expected|scheduled|planned|slated|supposed|set\s+for|pencil{1,2}ed\s+in)\b"
    r"|\b(?:postponed|moved|pushed\s+back|rescheduled|delayed)\s+from\b"
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
_OLD_TIME_END = re.compile(r"[,;:(]|\s[-–—]\s")
# How many words may stand between an event's name and its old time ("The joint commission for
# bilateral cooperation, which last met in Manila in 2023, was due to convene in Bali in July").
_OLD_TIME_REACH = 15


def _old_time(reading: Reading, facts: SentenceFacts, trigger: Mention[str]) -> _OldTime | None:
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
                return _OldTime(dates[0].value, (start, end))
    return None


def _unique(mentions: Sequence[Mention[Any]]) -> list[Mention[Any]]:
    seen, unique = set(), []
    for mention in mentions:
        if mention.value.id not in seen:
            seen.add(mention.value.id)
            unique.append(mention)
    return unique


def _summit_groups(facts: SentenceFacts) -> list[tuple[Mention[Any] | None, Mention[Any] | None]]:
    """ "саммитах ОЭС в Ханкенди и ОТГ в Габале": each organization with the place named after it."""
    organizations = _unique(facts.organizations)
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


def _location(facts: SentenceFacts, visit: bool) -> Mention[Any] | None:
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
    return None


# A place the lexicon may not know, told after "in" or "at" ("in Madrid", "at the Kremlin").
_PLACE_TOLD = re.compile(
    r"\b(?:in|at|в|во)\s+(?:the\s+)?(?!(?:January|February|March|April|May|June|July|August|September|"
    r"October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)[A-ZА-ЯЁ]"
)


def _dateline_country(reading: Reading, facts: SentenceFacts) -> str | None:
    """The country of a wire's dateline city ("ASTANA, Dec 3 (Reuters) -"): where a meeting the report
    tells with no place of its own was held."""
    if reading.dateline is None or _PLACE_TOLD.search(facts.sentence.text[1:]):
        return None
    for facts in reading.facts[:2]:
        opening = [place for place in facts.places if place.first == 0 and place.value.entry is not None]
        if opening:
            return str(opening[0].value.entry.country)
    return None


def _known_country(reading: Reading, place_id: str) -> str | None:
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
    return word.text.lower() in _DESTINATION or bool(word.keys & _VISIT_VERBS)


_HOSTS = re.compile(r"\s+(?:will\s+|is\s+(?:to|due\s+to|set\s+to)\s+)?host(?:s|ed)?\b", re.IGNORECASE)
_IN_ITS_CAPITAL = re.compile(r"\s+(?:capital|столиц\w*)\b", re.IGNORECASE)
_IN_THE = re.compile(r"\b(?:in\s+the|to\s+the|в|во)\s+$", re.IGNORECASE)


def _in_its_capital(sentence: Sentence, mention: Mention[Any]) -> bool:
    """A country's adjective that names its capital: "in the Uzbek capital", "в таджикскую столицу"."""
    before, after = sentence.text[: mention.start - sentence.start], mention.end - sentence.start
    return (
        mention.value.adjective
        and _IN_ITS_CAPITAL.match(sentence.text, after) is not None
        and _IN_THE.search(before) is not None
    )


def _destination(facts: SentenceFacts, trigger: Mention[str], visit: bool = False) -> str | None:
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
        if mention.value.adjective or not low <= mention.start < high:
            continue
        if mention.value.capital:
            if visit and _to_capital(tokens, mention.first):
                return mention.value.code
            continue
        before = mention.first
        # "in the Republic of Türkiye", "в Республику Казахстан": the state's long name is a name too
        while before > 0 and tokens[before - 1].text.lower() in _LONG_NAME:
            before -= 1
        skipped = [t.text.lower() for t in tokens[before : mention.first]]
        if "of" in skipped and not any(w.startswith(("republic", "республик")) for w in skipped):
            before = mention.first  # "the coming visit of Georgia's prime minister": whose, not where
        previous = tokens[before - 1].text.lower() if before else ""
        if previous in _DESTINATION | {"in"} or (previous and tokens[before - 1].keys & _VISIT_VERBS):
            return mention.value.code
    return None


def _visited_partner(reading: Reading, facts: SentenceFacts, trigger: Mention[str]) -> str | None:
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


_LONG_NAME = {
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


def _country_en(code: str) -> str:
    return country_names()[code].en


def _country_ru(code: str, case: str) -> str:
    return " ".join(inflect(word, case) for word in country_names()[code].ru.split())


def _titles(
    reading: Reading,
    event_type: str,
    facts: SentenceFacts,
    host: str | None,
    place: PlaceEntry | None,
    organization: OrganizationEntry | None,
    parties: Sequence[str],
) -> tuple[str, str]:
    label_en, label_ru = vocab.EVENT_LABELS[event_type]
    # The visitor is the one who does not serve the host country.
    visitors = [p for p in facts.people if p.country != host] if host else list(facts.people)
    person = visitors[0] if visitors else None
    if event_type in {"summit", "forum", "multilateral_meeting"}:
        en = f"{organization.name_en} {label_en.lower()}" if organization else label_en
        ru = label_ru + (
            f" {inflect(organization.name_ru.split()[0], 'gent')} "
            f"{' '.join(organization.name_ru.split()[1:])}".rstrip()
            if organization
            else ""
        )
        if place:
            en, ru = f"{en} in {place.name_en}", f"{ru} в {inflect(place.name_ru, 'loct')}"
        elif host:
            en, ru = f"{en} in {_country_en(host)}", f"{ru} в {_country_ru(host, 'loct')}"
        return en, ru
    if event_type in _VISIT_TYPES:
        en, ru = label_en, label_ru
        if person:
            name_en, name_ru = _person_names(reading, person)
            role_en = person.role[0].split(" of ")[0] + " " if person.role else ""
            role_ru = (
                (
                    " ".join(
                        inflect(w, "gent") if i == 0 else w for i, w in enumerate(person.role[1].split())
                    ).lower()
                    + " "
                )
                if person.role
                else ""
            )
            role_ru = role_ru[:1].lower() + role_ru[1:]
            if person.role and person.country:
                title = inflect(person.role[1].split()[0], "gent").lower()
                role_ru = f"{title} {_country_ru(person.country, 'gent')} "
            en += f" of {role_en}{name_en}"
            ru += f" {role_ru}{' '.join(inflect(w, 'gent') for w in name_ru.split())}"
        if host:
            en += f" to {_country_en(host)}"
            ru += f" в {_country_ru(host, 'accs')}"
        return en, ru
    countries = sorted(set(parties) | {m.value.code for m in facts.countries} | ({host} if host else set()))
    if len(countries) < 2 and len(reading.main_pair) == 2:
        countries = list(reading.main_pair)
    en = f"{label_en} between " + " and ".join(_country_en(c) for c in countries)
    ru = f"{label_ru}: " + " и ".join(country_names()[c].ru for c in countries)
    if place:
        en, ru = f"{en} in {place.name_en}", f"{ru}, {place.name_ru}"
    return en, ru


def _person_names(reading: Reading, person: Any) -> tuple[str, str]:
    from app.extraction.entities import listed_person
    from app.extraction.transliteration import to_cyrillic, to_latin

    listed = listed_person(person.name)
    if listed is not None:
        return listed.name_en, listed.name_ru
    if reading.language == "ru":
        return to_latin(person.name), person.name
    return person.name, to_cyrillic(person.name)


def _agreements(
    reading: Reading,
    facts: SentenceFacts,
    event: _Event | None,
    count: int,
    within: tuple[int, int] | None = None,
) -> list[Proposal]:
    """The documents a sentence signs, as one proposal; `within`: those of one clause of it only."""
    low, high = within or (facts.sentence.start, facts.sentence.end)
    tokens = [t for t in facts.sentence.tokens if low <= t.start and t.end <= high]
    text = reading.document.text[low:high]
    kinds = reading.cues("DOCUMENT_KINDS", tokens)
    if not kinds:
        return []
    table = {phrase: (en, ru, plural) for phrase, en, ru, plural in vocab.DOCUMENT_KINDS[reading.language]}
    to_come = reading.cues("PLANNED", tokens) or reading.future_tense(tokens)
    making = not to_come and _in_the_making(text)
    status = "proposed" if to_come or making else "signed"
    if making and event is not None and event.body.get("status") != "planned":
        event = None  # a document still being made is not of the gathering already held
    initialled = _INITIALLED.search(text) is not None and not _SIGNED.search(text)
    if initialled:
        # Initialling fixes a text to be signed later: the agreement is still to come, and is dated by
        # the signing the next sentence announces ("It is planned to be signed … in the autumn").
        status, event = "proposed", None
    own_clause = within is not None
    own = (
        event_date(
            reading, facts, status == "proposed", low, own_clause=own_clause, within=within, span=False
        )
        if event is not None
        else None
    )
    if (
        event is not None
        and own is not None
        and own[1] == 0
        and (
            re.match(r"\d{4}-\d{2}-\d{2}", own[0])
            or (not _overlap(own[0], event.body["date"]) and _IN_A_MONTH.search(text) is not None)
        )
    ):
        # "On September 2, following the talks, 19 documents were signed"; "In April the ministries
        # signed a protocol", told after talks in May: the signing's own date, not the event's
        when, penalty = own
    elif event is not None:
        when, penalty = _talks_day(event) or event.body["date"], 0.0
    else:
        dated = event_date(reading, facts, status == "proposed", low, own_clause=own_clause, within=within)
        following = _next_signing(reading, facts) if initialled else None
        if following is not None:
            # the day it was initialled is not the agreement's: its signing to come dates it
            dated = event_date(reading, following, True, windows=True) or dated
        if dated is None or (making and dated[1] > 0):
            return []  # a document still being made, with no time of its own told: too vague to propose
        when, penalty = dated
    if status == "proposed" and _MAKING.search(text) and re.fullmatch(r"\d{4}", when):
        return []  # a document still being made, due some time in a year: too vague to propose
    settled = _SETTLED.search(text) if status == "signed" else None
    if (
        settled
        and not settled.group("force")
        and not _IN_FORCE_TOLD.search(text)
        and _NOT_RATIFIED.search(text)
    ):
        settled = None  # "…, подписанный в марте, парламент пока не ратифицировал": signed, no more
    if settled:
        # "ratified the Agreement, signed in Seoul on 14 May", "вступил в силу": a later step of a
        # document, which is dated by its signing when the text gives it, else by its own date ("in
        # force since March"), not by the event told before.
        force = settled.group("force") or _IN_FORCE.search(text) or _IN_FORCE_TOLD.search(text)
        status = "in_force" if force else "ratified"
        signing = _signing_date(reading, facts)
        if signing is not None:
            when, penalty = signing, 0.0
        elif own is not None and own[1] == 0:
            when, penalty = own
    if status == "proposed" and _FORCE_TO_COME.search(text) and _SIGNED_ALREADY.search(text):
        # "соглашение, подписанное 19 мая, вступит в силу после …": signed already; what is to
        # come is its entry into force
        signing = _signing_date(reading, facts)
        if signing is not None:
            status, when, penalty = "signed", signing, 0.0
    countries = {m.value.code for m in facts.countries}
    if event is not None:
        countries |= set(event.body["countries"])
    confidence = 0.8 - penalty
    if len(countries) < 2 and len(reading.main_pair) == 2:
        countries |= set(reading.main_pair)
        confidence -= 0.15
    # One signing, one proposal: "a Protocol and four agreements" are five documents of one signing.
    packages = [
        k
        for k in kinds
        if table[k.value][2]
        or (_plural(tokens[k.first], reading.language) and table[k.value][0] not in _ONE_DOCUMENT)
        or _signed_plural(tokens, k.first)
        or _count_before(tokens, k.first)
    ]
    if packages:
        kind = packages[0]
        label_en, label_ru, _ = table[kind.value]
        if label_en == "Agreement":
            label_en, label_ru = "Agreements", "Соглашения"
        counted = _count_before(tokens, kind.first)
        # Named documents before the package add to it; those after it are its parts ("including…").
        named = sum(1 for k in kinds if k not in packages and k.start < kind.start)
        document_count = counted + named if counted else None
    elif len({table[k.value][0] for k in kinds}) == 1:
        label_en, label_ru, _ = table[kinds[0].value]
        document_count = len(kinds)
    else:
        label_en, label_ru = "Documents", "Документы"
        document_count = len(kinds)
    sectors = list(dict.fromkeys(m.value for m in reading.cues("SECTORS", tokens))) or ["other"]
    body: dict[str, Any] = {
        "status": status,
        "document_count": document_count,
        "sectors": sectors,
        "date": when,
        "countries": sorted(countries),
    }
    names_en = _join([vocab.SECTOR_LABELS[s][0] for s in sectors], "and")
    names_ru = _join([vocab.SECTOR_LABELS[s][1] for s in sectors], "и")
    plural = bool(packages) or document_count != 1
    prefix_en = f"{document_count} {label_en.lower()}" if plural and document_count else label_en
    prefix_ru = (
        f"{document_count} {_agree(label_ru.lower(), document_count)}"
        if plural and document_count
        else label_ru
    )
    if sectors == ["other"]:
        parties_en = " and ".join(_country_en(c) for c in sorted(countries))
        parties_ru = " и ".join(country_names()[c].ru for c in sorted(countries))
        body["title_en"] = f"{prefix_en.capitalize()} between {parties_en}"
        body["title_ru"] = f"{prefix_ru.capitalize()}: {parties_ru}"
    else:
        body["title_en"] = f"{prefix_en.capitalize()} on {names_en}"
        body["title_ru"] = f"{prefix_ru.capitalize()} в сфере {names_ru}"
    requires: tuple[str, ...] = ()
    if event is not None:
        body["event"] = event.body["id"]
        requires = (event.key,)
    if sectors == ["other"]:
        confidence -= 0.1
    return [
        Proposal(
            f"agreement:{count + 1}",
            "agreement",
            body,
            facts.sentence.start,
            facts.sentence.end,
            round(max(confidence, 0.2), 2),
            requires,
        )
    ]


# Where a sentence's coordinated clauses part: "…, а соглашение планируется подписать в декабре",
# "…, and a protocol is expected to be signed", "подписали протокол и договорились провести …".
_COORDINATION = re.compile(
    r";|,\s*(?:а(?!\s+также)|но|однако|тогда\s+как|and|but|while|whereas)\s+"
    r"|\s+(?:и|and)\s+(?=(?:договорил\w+|условил\w+|решил\w+|намерены|планиру\w+|agreed|decided|plan|will)\b)",
    re.IGNORECASE,
)


class _Clause(NamedTuple):
    within: tuple[int, int]
    to_come: bool  # told as still to come (planned, future, "договорились провести")
    done: bool  # told as done by its own verb of signing ("signed in July", "подписали")
    documents: bool  # names documents


def signing_clauses(
    reading: Reading, facts: SentenceFacts, planned: bool
) -> list[tuple[tuple[int, int], bool]] | None:
    """The clauses of a sentence that name documents, each with whether it is still to come, when the
    sentence tells two things at once: a document signed and another one, or a meeting, still to come
    ("A memorandum, signed in July, …, and a protocol is expected to be signed in December"). None
    when its clauses tell one status, or a clause names documents without telling theirs: the
    sentence is read whole."""
    sentence = facts.sentence
    bounds = [sentence.start]
    for match in _COORDINATION.finditer(sentence.text):
        bounds += [sentence.start + match.start(), sentence.start + match.end()]
    bounds.append(sentence.end)
    clauses = []
    for low, high in zip(bounds[::2], bounds[1::2], strict=True):
        tokens = [t for t in sentence.tokens if low <= t.start and t.end <= high]
        to_come = bool(reading.cues("PLANNED", tokens) or reading.future_tense(tokens) or _to_hold(tokens))
        done = not to_come and _SIGNED_PAST.search(reading.document.text, low, high) is not None
        clauses.append(_Clause((low, high), to_come, done, bool(reading.cues("DOCUMENT_KINDS", tokens))))
    signing = [c for c in clauses if c.documents]
    if not any(c.to_come for c in clauses) or not all(c.to_come or c.done for c in signing):
        return None
    if all(c.to_come == planned for c in signing):
        return None
    return [(c.within, c.to_come) for c in signing]


# A document still being made: "ready for signature", "are drafting a
# package", "согласовывают пакет", "подготовить пакет документов".
_MAKING = re.compile(
    r"\bfor\s+signature\b|\bdrafting\b"
    r"|\bсогласовыва\w+|\bподготов\w+\s+(?:\w+\s+){0,2}пакет\w*",
    re.IGNORECASE,
)


# A month told in the clause itself ("In April the ministries signed…", "В марте … подписали").
_IN_A_MONTH = re.compile(
    r"\b(?:in|в)\s+(?:january|february|march|april|may|june|july|august|september|october|november"
    r"|december|январе|феврале|марте|апреле|мае|июне|июле|августе|сентябре|октябре|ноябре|декабре)\b",
    re.IGNORECASE,
)


def _in_the_making(text: str) -> bool:
    return _MAKING.search(text) is not None and _SIGNED_PAST.search(text) is None


_SIGNED_PAST = re.compile(
    r"(?<!будет\s)(?<!будут\s)\bподписа(?:л|н)\w*|(?<!\bbe\s)(?<!\bbeen\s)\bsigned\b", re.IGNORECASE
)


# A document in force: "вступил в силу", "entered into force", and told as a state ("the entry into
# force, on 1 March, of the Agreement", "in force since May", "действует до сих пор").
_FORCE = (
    r"\bвступил\w*\s+в\s+(?:законную\s+)?силу|\bвступлени\w+\s+в\s+силу|\b(?:entered|came|enter|come)\s+into\s+force"
    r"|\bentry\s+into\s+force|\bin\s+force\s+since|\b(?:is|are|has\s+been|have\s+been|remains?|now)\s+"
    r"(?:(?:now|fully|already)\s+)?in\s+force|\bдейству(?:ет|ют)\b"
)
# A parliament's approval of a signed document is its ratification ("the Senate approved the
# agreement …, signed on …"); a cabinet's approval of a draft is not.
_PARLIAMENT_APPROVED = (
    r"\b(?:parliament|senate|senators|lawmakers|deputies|majilis|mazhilis|majlis|парламент|сенат|мажилис"
    r"|меджлис|депутат|жогорку\s+кенеш)\w*\b[^.;]{0,60}?\b(?:approved|одобри\w*)"
)
_SETTLED = re.compile(rf"\bратифи\w+|\bratif\w+|{_PARLIAMENT_APPROVED}|(?P<force>{_FORCE})", re.IGNORECASE)
_IN_FORCE_TOLD = re.compile(_FORCE, re.IGNORECASE)
# A ratification still to come: "парламент пока не ратифицировал", "has not yet been ratified".
_NOT_RATIFIED = re.compile(
    r"\bне\s+(?:\w+\s+)?ратифи\w+|\bnot\s+(?:yet\s+)?(?:been\s+)?ratified|\byet\s+to\s+(?:be\s+)?ratif\w+",
    re.IGNORECASE,
)


def _signing_told_again(agreement: Proposal, agreements: Sequence[Proposal]) -> bool:
    """ "…ratified the Agreement. It was signed in Minsk on 12 May": the signing of the document just
    ratified, not another document."""
    body = agreement.body
    return body["status"] == "signed" and any(
        other.body["status"] in {"ratified", "in_force"}
        and other.body["date"] == body["date"]
        and set(other.body["countries"]) == set(body["countries"])
        for other in agreements
    )


def _ratification_told_again(reading: Reading, facts: SentenceFacts, agreements: Sequence[Proposal]) -> bool:
    """ "Сенаторы подчеркнули, что ратификация соглашения создаст…": the ratification the text has
    told already, when the sentence signs nothing else."""
    signing = reading.cues("SIGNING", facts.sentence.tokens)
    settling = {m for m in signing if _SETTLED.search(reading.document.text[m.start : m.end])}
    return (
        bool(signing)
        and settling == set(signing)
        and any(a.body["status"] in {"ratified", "in_force"} for a in agreements)
    )


_IN_FORCE = re.compile(r"\bin\s+force\b|\bдейству\w+", re.IGNORECASE)
_SIGNED_ALREADY = re.compile(r"\bподписанн\w+|(?<!\bbe\s)\bsigned\b", re.IGNORECASE)
_FORCE_TO_COME = re.compile(
    r"\bвступ(?:ит|ят)\s+в\s+силу|\bwill\s+(?:enter|come)\s+into\s+force|\bwill\s+take\s+effect",
    re.IGNORECASE,
)
_SIGNED = re.compile(r"\bподписан\w*|\bsigned\b", re.IGNORECASE)
_INITIALLED = re.compile(r"\bпарафир\w+|\binitial(?:l)?(?:ed|ing)\b", re.IGNORECASE)


def _next_signing(reading: Reading, facts: SentenceFacts) -> SentenceFacts | None:
    """The next sentence of the paragraph, when it tells a signing."""
    index = facts.sentence.index + 1
    if index >= len(reading.facts):
        return None
    following = reading.facts[index]
    if following.sentence.paragraph != facts.sentence.paragraph:
        return None
    return following if reading.cues("SIGNING", following.sentence.tokens) else None


def _signing_date(reading: Reading, facts: SentenceFacts) -> str | None:
    """The date told after "signed" in the sentence, or in the next one of its paragraph ("…
    ratified the Agreement. It was signed in Minsk on 12 May 2026")."""
    sentence = facts.sentence
    following = [
        other
        for other in reading.document.paragraph_sentences(sentence.paragraph)
        if other.index == sentence.index + 1
    ]
    default_year = reading.published.year if reading.published else None
    for other in [sentence, *following]:
        for signed in _SIGNED.finditer(other.text):
            dates = find_dates(
                other.text, other.start, default_year, reading.published, reference=reading.reference
            )
            after = [d for d in dates if 0 <= d.start - (other.start + signed.end()) <= 40]
            if after:
                return after[0].value
    return None


def _agree(noun: str, count: int) -> str:
    """ "15 документов", "2 соглашения": the noun as the number wants it."""
    words = noun.split()
    parse = _analyzer().parse(words[-1])[0]
    agreed = parse.make_agree_with_number(count)
    return " ".join([*words[:-1], str(agreed.word) if agreed else words[-1]])


# What follows a number that is no count of documents: a month ("21 мая"), a year word ("на
# 2027–2029 годы"), a unit ("около 140 км").
_NO_COUNT_AFTER = re.compile(
    r"(?:январ|феврал|март|апрел|ма[яе]$|июн|июл|август|сентябр|октябр|ноябр|декабр|год|гг|г$|years?$"
    r"|(?:january|february|march|april|may|june|july|august|september|october|november|december"
    r"|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?$|км$|km$|%|percent|процент|млн|млрд|million|billion"
    # the parties counted, not the documents: "the two countries", "двух стран", "both ministers"
    r"|countries$|стран|sides$|сторон|minist|министр|министерств|governments$|правительств|leaders$|presidents$"
    r"|президент)",
    re.IGNORECASE,
)


_VERB_OF_SIGNING = re.compile(r"подписа\w*|заключ\w*|signed|inked|concluded", re.IGNORECASE)


def _count_before(tokens: Sequence[Token], at: int) -> int | None:
    start = max(0, at - 5)
    for i in range(at - 1, start - 1, -1):
        text = tokens[i].text.lower()
        if not re.match(r"\w", text):
            return None  # "подписание накануне, 10 сентября, соглашения": a day, not a count
        if _VERB_OF_SIGNING.fullmatch(text):
            return None  # "министерства двух стран подписали меморандум": the parties' count
        if re.fullmatch(r"\d{1,4}", text):
            after = tokens[i + 1].text if i + 1 < at else ""
            if int(text) >= 1900 or _NO_COUNT_AFTER.match(after):
                return None  # a year, a day or a length, not a count
            return int(text)
        tens, _, units = text.partition("-")
        if tens in {"twenty", "thirty"} and (units == "one" or units in _NUMBER_WORDS):
            return {"twenty": 20, "thirty": 30}[tens] + _NUMBER_WORDS.get(units, 1)  # "twenty-one"
        word = text if text in _NUMBER_WORDS else None
        if word is None and re.fullmatch(r"[а-яё]+", text):
            word = _analyzer().parse(text)[0].normal_form
        if word in _NUMBER_WORDS:
            if i + 1 < at and _NO_COUNT_AFTER.match(tokens[i + 1].text):
                return None  # "the two countries and a joint declaration"
            count = _NUMBER_WORDS[word]
            tens = tokens[i - 1].text.lower() if i > 0 and count < 10 else ""
            # "двадцать три документа", "twenty-three": the tens before the units
            return count + (_NUMBER_WORDS.get(tens, 0) if tens in {"двадцать", "twenty"} else 0)
    return None


def _join(items: list[str], conjunction: str) -> str:
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"
