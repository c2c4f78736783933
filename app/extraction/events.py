"""Events (visits, talks, summits, commissions, calls), told sentence by sentence, and the agreements
signed at them (app.extraction.agreements); when and where an event takes place is read by
app.extraction.event_dates and app.extraction.event_places."""

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import timedelta
from typing import Any

from app.extraction.agreements import sentence_agreements
from app.extraction.analysis import Reading, SentenceFacts
from app.extraction.countries import country_names
from app.extraction.entities import Registry, record_id
from app.extraction.event_dates import (
    ASIDE,
    HELD_THEN_AGREED,
    LAST_MET,
    RELATIVE_NEXT,
    VISIT_ENDS,
    clause,
    event_date,
    old_time,
    overlap,
    to_hold,
    visit_span,
    window,
)
from app.extraction.event_places import (
    PARENTHETICAL,
    dateline_country,
    destination_country,
    event_place,
    known_country,
    place_told,
    summit_groups,
    unique_mentions,
    visited_partner,
)
from app.extraction.lexicon import vocabulary as vocab
from app.extraction.lexicon.reference import OrganizationEntry, PlaceEntry
from app.extraction.matching import Mention
from app.extraction.model import Proposal
from app.extraction.morphology import inflect, plural
from app.extraction.recall import EventDetector, learned_trigger
from app.extraction.text import Sentence, Token
from app.extraction.when import find_dates

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
# Gatherings of leaders (of two countries or more, or of an organization) and forums: events wherever
# they are held, the place told by a name no list may know.
_HELD_SOMEWHERE = {"summit", "multilateral_meeting", "forum"}
# Events between two countries: one that names a single country is with the other of the story's pair.
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


@dataclass
class _Event:
    """An event as the rules tell it, before it becomes a proposal (app.extraction.agreements links
    the documents signed at it)."""

    key: str
    body: dict[str, Any]
    sentence: Sentence
    requires: list[str] = field(default_factory=list)
    stated_date: bool = True  # False: the date was taken from elsewhere (the dateline, the year)
    trigger: str = ""


def _trigger_order(language: str) -> list[str]:
    return [event_type for event_type, _ in vocab.EVENT_TRIGGERS[language]]


def _near(sentence: Sentence, trigger: Mention[str]) -> list[Token]:
    """The words that tell an event's status: its clause, from a dozen words before the trigger
    ("Kazakhstan plans to ship oil…, the minister said after talks in Baku": the talks were held)."""
    low, high = clause(sentence, trigger.start)
    while (
        high < sentence.end
        and RELATIVE_NEXT.match(sentence.text, high - sentence.start)
        and not _NEXT_TIME_CLAUSE.match(sentence.text, high - sentence.start)  # another gathering's
    ):
        high = clause(sentence, high + 1)[1]  # "заседание совета, которое ожидается в Астане"
    tokens = sentence.tokens
    return [t for i, t in enumerate(tokens) if low <= t.start and t.end <= high and i >= trigger.first - 12]


# Cues of preparing that name what is prepared after them: "the ministers met and discussed
# preparations for the visit" announces the visit, not the meeting told before the cue; so does a
# time told as before the gathering ("spoke ahead of the summit", "в преддверии визита").
_PREPARED_FOR = {"preparations for", "preparing for", "подготовка к", "ahead of", "в преддверие"}
# Cues that announce the gathering named right after them ("подготовку к саммиту", "the upcoming
# visit"), so not another one the clause tells as held ("…обсудили в мае на консультациях").
_ANNOUNCING_THE_NEXT = _PREPARED_FOR | {"предстоящий", "upcoming", "forthcoming"}

# A signing still to come told before the gathering it is to take place at, in the same sentence
# ("is to be signed there in July, during the ninth session of …", "should be signed during that
# visit", "подписать в ходе заседания").
_AT_A_SIGNING_TO_COME = re.compile(
    r"(?:\bto\s+be\s+signed|\b(?:will|should|shall)\s+be\s+signed|\bto\s+sign|\bподписать|\bбуд(?:ет|ут)\s+подписан\w*)\b"
    r"[^.;]{0,100}?\b(?:during|at|в\s+ходе|на)\s+(?:the\s+)?(?:[\w-]+\s+){0,6}$",
    re.IGNORECASE,
)


# "an Uzbek-Kuwaiti business forum", "узбекско-кувейтский бизнес-форум": the pair's own gathering
_PAIR_BEFORE = re.compile(r"\w+\s*[-–]\s*\w+(?:\s+[\w-]+){0,2}\s*$")


def _of_the_two(reading: Reading, facts: SentenceFacts, trigger: Mention[str]) -> bool:
    """A gathering named by the two countries' joined adjectives right before it, with a time told:
    the pair's own, wherever it is held (with no time it is no event)."""
    sentence = facts.sentence
    paired = _PAIR_BEFORE.search(sentence.text[: trigger.start - sentence.start])
    if paired is None:
        return False
    start = paired.start() + sentence.start
    if len({m.value.code for m in facts.countries if start <= m.start < trigger.start}) < 2:
        return False
    published = reading.published
    year = published.year if published else None
    return bool(find_dates(sentence.text, sentence.start, year, published, reference=reading.reference))


# "собирается в Бамако": a journey someone is about to make; "она собиралась в Бишкеке" is a body
# that met there (events._LAST_MET_ALONE), no journey.
_GOING_TO = re.compile(r"собира\w*\s+в", re.IGNORECASE)
_GATHERED = re.compile(r"собирал", re.IGNORECASE)
# "официально визит не объявлен": the adverb (whose lemma is the adjective's) tells no rank of a visit.
_ADVERB_OF_RANK = re.compile(r"официально\b", re.IGNORECASE)


# "прибыл в Ереван с официальным визитом, который продлится до четверга", "arrived on Tuesday for a
# two-day visit", "began a two-day official visit": the visit has begun, though its end is to come.
_ARRIVED_FOR = re.compile(
    r"\b(?:прибыл[аио]?|прибыли|прибывш\w+|arrived|began|begins|has\s+begun)\b[^.;]*$", re.IGNORECASE
)


def _status(reading: Reading, tokens: Sequence[Token], trigger: Mention[str] | None = None) -> str:
    if (
        trigger is not None
        and trigger.value == "trip"
        and _GOING_TO.match(reading.document.text, trigger.start)
    ):
        return "planned"
    if reading.cues("POSTPONED", tokens):
        return "planned"
    if reading.cues("CANCELLED", tokens):
        return "cancelled"
    if (
        trigger is not None
        and trigger.value in _VISIT_TYPES | {"visit"}
        and tokens
        and _ARRIVED_FOR.search(reading.document.text, tokens[0].start, trigger.start)
    ):
        return "held"
    planned = reading.cues("PLANNED", tokens)
    if trigger is not None:
        planned = [cue for cue in planned if not (cue.value in _PREPARED_FOR and cue.start > trigger.start)]
        planned = [cue for cue in planned if not _announces_another(cue, tokens, trigger)]
        planned = [cue for cue in planned if not _agreed_on_the_next(cue, tokens, trigger)]
    if planned or reading.future_tense(tokens):
        return "planned"
    if to_hold(tokens):
        return "planned"
    return "held"


_GATHERING_WORD = re.compile(
    r"(?:заседани|встреч|визит|саммит|сесси|форум|переговор|консультаци|session|meeting|visit|summit"
    r"|forum|talks|consultations)\w*",
    re.IGNORECASE,
)


_RELATIVE = re.compile(r",\s*(?:котор\w+|which)\b", re.IGNORECASE)
_CHANGED = re.compile(
    r"\b(?:перенес\w*|отложен\w*|отложил\w*|отмен\w*|postponed|moved|called\s+off|cancell?ed|put\s+off)\b",
    re.IGNORECASE,
)


def _anothers_relative(sentence: Sentence, trigger: Mention[str]) -> tuple[int, int] | None:
    """The span of a relative clause on another gathering named after a trigger, whose status and time
    are that gathering's ("переговоры … и заседание комиссии, которое стороны перенесли с октября": the
    session was moved, not the talks)."""
    after = sentence.text[trigger.end - sentence.start :]
    another = _GATHERING_WORD.search(after)
    relative = _RELATIVE.search(after, another.end()) if another else None
    if relative is None:
        return None
    span = trigger.end + relative.start(), clause(sentence, trigger.end + relative.end())[1]
    told = sentence.text[span[0] - sentence.start : span[1] - sentence.start]
    return span if _CHANGED.search(told) else None


def _announces_another(cue: Mention[str], tokens: Sequence[Token], trigger: Mention[str]) -> bool:
    """Whether a cue of a gathering to come is about another gathering named right after it, before
    the trigger whose status is read."""
    if cue.value not in _ANNOUNCING_THE_NEXT or cue.start > trigger.start:
        return False
    after = [t for t in tokens if t.start >= cue.end][:2]
    # a few words on, the gathering named is still the trigger's ("на предстоящем заседании
    # межправительственной комиссии"); further, another one ("…обсудили в апреле на консультациях")
    between = [t for t in tokens if t.start < trigger.start]
    return any(
        _GATHERING_WORD.fullmatch(t.text) and len([u for u in between if u.start > t.start]) > 3
        for t in after
    )


# An agreement or instruction to hold: its gathering is the one named right after it.
_TO_HOLD_CUE = re.compile(r"провести|организовать|подготовить|\bhold\b|\bconvene\b", re.IGNORECASE)


def _agreed_on_the_next(cue: Mention[str], tokens: Sequence[Token], trigger: Mention[str]) -> bool:
    """ "провели телефонный разговор и договорились провести заседание комиссии": a cue after the
    trigger, agreeing to hold another gathering named within a few words, is that gathering's."""
    if cue.start < trigger.end or not _TO_HOLD_CUE.search(cue.value):
        return False
    after = [t for t in tokens if t.start > cue.start][:5]
    return any(_GATHERING_WORD.fullmatch(t.text) for t in after)


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

    def cues(indexes: list[int]) -> list[Mention[str]]:
        return [
            Mention(m.value, m.start, m.end, indexes[m.first], indexes[m.last - 1] + 1)
            for m in reading.cues("EVENT_TRIGGERS", [tokens[i] for i in indexes])
        ]

    found = cues(kept)
    told = [("trip", arrival.start("verb")) for arrival in _ARRIVES_AFTER_PLACE.finditer(facts.sentence.text)]
    told += [("talks", held.start()) for held in _CONSULTATIONS_HELD.finditer(facts.sentence.text)]
    for value, offset in told:
        at = facts.sentence.start + offset
        index = next((i for i, token in enumerate(tokens) if token.start == at), None)
        if index is not None and not any(m.first <= index < m.last for m in found):
            found.append(Mention(value, tokens[index].start, tokens[index].end, index, index + 1))
    # "Следующее заседание Совета стратегического партнёрства": the council's own name begins at the
    # last word of "next session of the council" and is the council, not one told before.
    for again in [m for m in found if m.value == "council_again"]:
        named = cues([i for i in kept if i >= again.last - 1])
        if named and named[0].first == again.last - 1 and named[0].value == "interstate_council":
            found.append(named[0])
    text = reading.document.text
    return [
        m
        for m in found
        if not (m.value == "trip" and _GATHERED.match(text, m.start))
        and not _ADVERB_OF_RANK.match(text, m.start)
        and not (_one_foreign_minister(reading, tokens, m) and not facts.places)
    ]


# Consultations told with their holding ("The consultations, held on Thursday in Astana, covered…",
# "Консультации, состоявшиеся в Баку, …"): a gathering, though the bare word may be a project's
# consultations (the lexicon's phrases say "political consultations", "consultations were held").
_CONSULTATIONS_HELD = re.compile(
    r"\b(?:consultations|консультации)(?=,?\s+(?:held|conducted|which\s+(?:were\s+held|took\s+place)"
    r"|состоявшиеся|прошедшие|проведённые|проведенные)\b)",
    re.IGNORECASE,
)


# Russian tells an arrival after its place as often as before it ("В октябре в Ереван приедет министр",
# "в Баку, как ожидается, прибудет делегация"): the lexicon's "прибыть в" reads only the second order.
_ARRIVES_AFTER_PLACE = re.compile(
    r"(?<!\w)во?\s+[А-ЯЁ][\w-]*(?:\s+[А-ЯЁ][\w-]*)?"
    + PARENTHETICAL
    + r"\s+(?P<verb>(?:прибуд|приед|прибыл|приехал|прибыва|приезжа)\w*)\b"
)


_THE_CONSULTATIONS = re.compile(r"\s*(?:the|these|those)\s+consultations\b", re.IGNORECASE)


def _held_told_again(event: _Event, events: list[_Event], replaced: dict[str, str]) -> bool:
    """ "…said on Friday after political consultations with a visiting state secretary." ¶ "The
    consultations, held on Thursday in Astana, covered…": the talks just told, now with their own day
    and place, which date them and are their quote."""
    if event.body["type"] != "talks" or not _THE_CONSULTATIONS.match(event.sentence.text):
        return False
    for other in reversed(events):
        if event.sentence.index - other.sentence.index > 2:
            break
        if other.body["type"] == "talks" and set(other.body["countries"]) == set(event.body["countries"]):
            replaced[other.body["id"]] = event.body["id"]
            other.body, other.sentence = event.body, event.sentence
            return True
    return False


# The lexicon's "министр иностранных дел" reads the ministers' plural and one minister's office alike.
_FOREIGN_MINISTER = re.compile(r"министр\w*\s+иностранных\s+дел", re.IGNORECASE)


def _one_foreign_minister(reading: Reading, tokens: Sequence[Token], trigger: Mention[str]) -> bool:
    """ "заместитель министра иностранных дел напомнил депутатам…": one minister named by office is
    who speaks (or, with a place told, travels: "побывал в Париже"), not a meeting of ministers
    ("министры иностранных дел провели встречу")."""
    if trigger.value != "ministerial_meeting":
        return False
    told = reading.document.text[trigger.start : trigger.end]
    return bool(_FOREIGN_MINISTER.fullmatch(told)) and not plural(tokens[trigger.first].text, "ru")


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
    for index, facts in enumerate(reading.facts):
        if facts.sentence.question and not facts.sentence.headline:
            body = next((t.value for t in _event_triggers(reading, facts) if t.value in _BODIES), body)
        if facts.sentence.headline or _asked(facts.sentence) or _background(reading, facts):
            continue
        triggers = _event_triggers(reading, facts)
        stated = bool(triggers)  # a trigger told back to an earlier event stops the detector too
        recent = {told.sentence.start for told in reading.facts[max(0, index - 3) : index]}
        moved = None if triggers else _moved_told_by_it(reading, facts, events, recent)
        if moved is not None:
            events.append(moved)
            agreements.extend(sentence_agreements(reading, facts, [moved], events, agreements))
            continue
        if not triggers and body is not None and _LAST_MET_ALONE.search(facts.sentence.text):
            # "It last met in Lima in 2023", "Последний раз она собиралась в Бишкеке в ноябре": the body
            # named before, at its last meeting
            first = facts.sentence.tokens[0]
            triggers = [Mention(body, first.start, first.end, 0, 1)]
        that = None
        if not triggers and body is not None:
            that = _THAT_SESSION.search(facts.sentence.text) or _SESSION_BY_NUMBER.search(facts.sentence.text)
        if that is not None and body is not None:
            # "…for signature at the next session of the commission." ¶ "The Sides agreed to convene
            # that session in Islamabad in the third quarter": the body named before, its session
            at = facts.sentence.start + that.start(that.lastgroup or 0)
            index = next(i for i, token in enumerate(facts.sentence.tokens) if token.start >= at)
            token = facts.sentence.tokens[index]
            triggers = [Mention(body, token.start, token.end, index, index + 1)]
        if events:
            # "По итогам переговоров подписан…": the talks told before, not new ones; unless the
            # clause announces them ("…, а по итогам переговоров в мае планируется подписать …").
            anaphora = reading.cues("EVENT_ANAPHORA", facts.sentence.tokens)
            triggers = [
                t
                for t in triggers
                if not any(a.first <= t.first < a.last for a in anaphora)
                or _announced(reading, facts, t)
                or _told_anew(facts, t)
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
        if len(groups) > 1 and {t.value for t in groups.get("visit", [])} <= {"visit", "trip"}:
            # "посещал Азербайджан для участия в саммите": the summit is the event; a visit told in a
            # clause of its own ("…пройдёт заседание комиссии, а в ноябре ожидается визит") is another.
            # A visit made for a joint body's session is an event beside it (README: conventions).
            others = [t for kind, group in groups.items() if kind not in {"visit", *_BODIES} for t in group]
            # "The trade minister is due in Bishkek to co-chair the commission": being due there is
            # the session's, no visit of its own (a visit for it is, README: conventions)
            due = [t for kind, group in groups.items() if kind in _BODIES for t in group]
            visits = groups.get("visit", [])
            if any(_same_clause(facts.sentence, v, others) for v in visits) or any(
                _DUE_IN.match(reading.document.text, v.start) and _same_clause(facts.sentence, v, due)
                for v in visits
            ):
                groups.pop("visit", None)
        if apart is None and "visit" in groups:
            apart = _meeting_beside_visit(facts.sentence, groups["visit"])
            groups["visit"] = [t for t in groups["visit"] if t is not apart]
        if apart is not None:
            groups["ministers_apart"] = [apart]
        second = _second_visit(facts, groups.get("visit", [])) or _visit_beside_call(
            facts.sentence, groups.get("visit", [])
        )
        if second is not None:
            groups["visit"] = [t for t in groups["visit"] if t is not second]
            groups["second_visit"] = [second]
        if "council_again" in groups and {"interstate_council", "business_council"} & set(groups):
            groups.pop("council_again")
        if "session_again" in groups and (_BODIES | _BODY_TRIGGERS | {"council_again"}) & set(groups):
            groups.pop("session_again")  # "следующее заседание комиссии": the body is named
        for group in groups.values():
            best = min(group, key=lambda m: order.index(m.value) if m.value in order else len(order))
            best = _visit_with_its_programme(facts.sentence, group, best)
            best = _ministers_visit(facts.sentence, group, best)
            if best.value == "interstate_council" and _OF_GOVERNMENTS.match(reading.document.text, best.end):
                best = replace(best, value="intergovernmental_commission")
            best, told = _next_session(facts, best)
            if apart is not None or second is not None:
                told = _places_of_its_clause(told, best)
            context = _context(reading, facts, best, events)
            if best.value in {"council_again", "session_again"} and context is None:
                continue
            if best.value == "visit" and VISIT_ENDS.search(facts.sentence.text) and _visit_under_way(events):
                continue  # "Визит начался в среду и завершится в пятницу": the visit told before
            if _talks_were_the_visit(reading, facts, best, events):
                continue
            if best.value in _BODIES:
                told = _without_last_meeting(told)
            made = _events(reading, registry, told, best, len(events), context, events, len(groups) > 1)
            if best.value in _BODIES:
                body = best.value
            if made and made[0].body["type"] in _BODIES:
                made += _last_met(reading, facts, made[0], len(events) + len(made))
            made = [
                event
                for event in made
                if not _duplicate(event, events, replaced) and not _held_told_again(event, events, replaced)
            ]
            events.extend(made)
            found.extend(made)
        agreements.extend(sentence_agreements(reading, facts, found, events, agreements))
    events = _sessions_told_again(events, replaced)
    for event in events:
        if event.body["type"] in _VISIT_TYPES - {"other"} and event.body.get("status", "held") == "held":
            event.body["date"] = visit_span(reading, event.sentence, event.body["date"])
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


def _asked(sentence: Sentence) -> bool:
    """An interviewer's question itself; the statement before it ("— В мае в Минске побывал премьер-министр.
    Какие итоги?") tells a gathering the answer goes on to take for known."""
    return sentence.question and sentence.text.rstrip().endswith("?")


_DUE_IN = re.compile(r"is\s+due\s+in\b", re.IGNORECASE)
_DELEGATION = re.compile(r"\bdelegation|\bделегаци", re.IGNORECASE)
# "…посетит Белград, где проведёт встречи с руководством парламента", "will visit Riga, where she is to
# hold talks": the talks are the visit's programme, told in a clause on the place it goes to.
_WHERE = re.compile(r",\s*(?:где|куда|where)\b", re.IGNORECASE)


def _visit_with_its_programme(
    sentence: Sentence, group: Sequence[Mention[str]], best: Mention[str]
) -> Mention[str]:
    """The visit of a group whose talks or meetings are told as what the visitor will do where it goes
    (one event, the visit: README, conventions), not the talks."""
    if best.value not in {"talks", "meeting", "ministerial_meeting"}:
        return best
    for visit in group:
        if visit.value in {"visit", "trip"} and visit.start < best.start:
            between = sentence.text[visit.end - sentence.start : best.start - sentence.start]
            if _WHERE.search(between):
                return visit
    return best


# One minister by office ("Министр иностранных дел Казахстана"): who visits, not a meeting of ministers.
_ONE_MINISTER = re.compile(r"министр\s+иностранных\s+дел", re.IGNORECASE)


def _ministers_visit(sentence: Sentence, group: Sequence[Mention[str]], best: Mention[str]) -> Mention[str]:
    """ "Министр иностранных дел Казахстана посетил Будапешт": one minister's visit is the visit (a
    visit of no rank told, as a prime minister's is), not a ministers' meeting."""
    if best.value != "ministerial_meeting":
        return best
    if not _ONE_MINISTER.fullmatch(sentence.text[best.start - sentence.start : best.end - sentence.start]):
        return best
    return next((visit for visit in group if visit.value == "visit"), best)


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
    # "On Monday the ministers spoke by telephone about how the package is being put into practice"
    "spoke",
}


def _sessions_told_again(events: list[_Event], replaced: dict[str, str]) -> list[_Event]:
    """ "The commission will meet in Tbilisi on 10 June. Three agreements are to be signed at the session
    of the commission.": a joint body's session told with no date or place of its own, in a text that
    dates a session of that body of the same countries (with its status, or whose date it borrowed),
    is that session, not one more."""
    dated = [e for e in events if e.body["type"] in _BODIES and e.stated_date]
    kept = []
    for event in events:
        body = event.body
        same = [
            other
            for other in dated
            if other.body["type"] == body["type"]
            and set(other.body["countries"]) == set(body["countries"])
            and (other.body.get("status") == body.get("status") or other.body["date"] == body["date"])
        ]
        if body["type"] in _BODIES and not event.stated_date and not body.get("location") and same:
            replaced[body["id"]] = same[0].body["id"]
            continue
        kept.append(event)
    return kept


def _present_tense(reading: Reading, facts: SentenceFacts, trigger: Mention[str]) -> bool:
    """An English clause told in the present ("meets", "is"), with no verb in the past."""
    if reading.language != "en":
        return False
    words = [t.text.lower() for t in _near(facts.sentence, trigger)]
    present = any(w in {"is", "are", "meets", "meet", "opens", "takes"} for w in words)
    return present and not any(w in _PAST_EN or (w.endswith("ed") and len(w) > 4) for w in words)


def _with_relatives(sentence: Sentence, high: int) -> int:
    """The end of a clause with the relative clauses that go on telling its event ("бизнес-форум,
    который планировалось провести в Измире")."""
    while high < sentence.end and RELATIVE_NEXT.match(sentence.text, high - sentence.start):
        high = clause(sentence, high + 1)[1]
    return high


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
    if words & {"visit", "trip", "визита", "визитом", "визите", "поездки", "поездке"}:
        # "During the visit, the minister took part in a business forum", told after the next session
        # was announced: the visit of the forum's status, not the last gathering told; "a forum is
        # being prepared for the same trip": the trip is the visit
        return _the_visit(reading, facts, events) or events[-1]
    if reading.cues("EVENT_ANAPHORA", facts.sentence.tokens):
        return events[-1]
    return None


def _the_visit(reading: Reading, facts: SentenceFacts, events: Sequence[_Event]) -> _Event | None:
    """The visit told with a date of its own, held or announced as the sentence is: of the held ones the
    latest (the one under way, not one recalled from last year), of the announced ones the last told."""
    tokens = facts.sentence.tokens
    announced = bool(reading.cues("PLANNED", tokens) or reading.future_tense(tokens))
    visits = [
        e
        for e in events
        if e.body["type"] in _VISIT_TYPES
        and e.stated_date
        and (e.body.get("status", "held") != "held") == announced
    ]
    if not visits:
        return None
    return visits[-1] if announced else max(visits, key=lambda e: window(e.body["date"])[1])


# The body told before as the subject of its own last meeting: "It last met in Lima in 2023", "The
# committee last met in Bangkok in March", "Последний раз она собиралась в Бишкеке в ноябре 2024 года".
_LAST_MET_ALONE = re.compile(
    r"^\W*(?:it|the\s+(?:committee|commission|council))\s+last\s+(?:met|convened|sat|gathered)\b"
    r"|^\W*(?:в\s+)?последний\s+раз\s+(?:она|он|комиссия|комитет|совет)\s+(?:собирал|заседал|встречал)\w*"
    r"|^\W*(?:она|он|комиссия|комитет|совет)\s+(?:в\s+)?последний\s+раз\s+(?:собирал|заседал|встречал)\w*",
    re.IGNORECASE,
)


# A session of the body named before, pointed back at: "agreed to convene that session",
# "договорились провести это заседание".
_THAT_SESSION = re.compile(
    r"\b(?:convene|hold|host)\s+(?P<that>(?:that|this)\s+(?:session|meeting))\b"
    r"|\bпровести\s+(?P<that_ru>(?:это|данное)\s+заседание)",
    re.IGNORECASE,
)


# A session of the body named before, told by its number or turn with no name after it: "Its fourth
# session opens in Ashgabat on 24 November", "Очередное заседание пройдёт в Минске в мае" (not "the
# fourth session of the council", "третье заседание межпарламентской комиссии": a body of its own).
_ORDINAL_EN = r"(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))"
_ORDINAL_RU = r"(?:втор|трет|четв[её]рт|пят|шест|седьм|восьм|девят|десят|очередн)\w*"
_SESSION_BY_NUMBER = re.compile(
    rf"(?:^\W*(?:[AQ]:\s*)?(?:the|its|their)|\b(?:its|their))\s+{_ORDINAL_EN}\s+(?P<that>session|meeting)\b"
    r"(?!\s+(?:of|between|with)\b)"
    rf"|(?:^\W*|\b(?:е[её]|его|их)\s+){_ORDINAL_RU}\s+(?P<that_ru>заседание)\b"
    r"(?!\s+[а-яё]+(?:ой|ого|ей|ии|ия|ых|их|а|ы)\b)",
    re.IGNORECASE,
)


def _last_met(reading: Reading, facts: SentenceFacts, event: _Event, count: int) -> list[_Event]:
    """The body's last meeting, told in passing beside its next one: held, on the date of its clause."""
    sentence = facts.sentence
    told = LAST_MET.search(sentence.text)
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
    ] + [m.value.code for m in facts.countries if start <= m.start < end and m.value.capital]  # "in Riga"
    body["host_country"] = hosts[0] if hosts else None
    body["date"] = dates[0].value
    body["id"] = record_id(f"{body['title_en']} {body['date'][:7]}")
    requires = [r for r in event.requires if not r.startswith("place:")]
    return [_Event(f"event:{count + 1}", body, sentence, requires, trigger=event.trigger)]


# The new time of a gathering just told as postponed, told of "it": "It is now expected in the spring
# of next year", "We now expect to hold it in Pretoria in the first half of 2027", "Теперь он ожидается
# в марте".
_NOW_EXPECTED = re.compile(
    r"^\W*(?:it|she|he)\s+is\s+now\s+(?:expected|planned|scheduled|due)\b"
    r"|^\W*it\s+(?:will|should)\s+now\s+(?:take\s+place|be\s+held)\b"
    r"|^\W*we\s+now\s+(?:expect|plan|hope)\s+to\s+(?:hold|host|have)\s+it\b"
    r"|^\W*(?:теперь\s+)?(?:он|она|оно)\s+(?:теперь\s+)?(?:ожидается|планируется|намечен\w*)",
    re.IGNORECASE,
)


def _moved_told_by_it(
    reading: Reading, facts: SentenceFacts, events: Sequence[_Event], recent: set[int]
) -> _Event | None:
    """The gathering told as postponed in one of the sentences just before, at the new time this one
    tells of it (README: a postponed or moved event is also planned on its new dates)."""
    sentence = facts.sentence
    if not events or not _NOW_EXPECTED.match(sentence.text):
        return None
    postponed = events[-1]
    if postponed.body.get("status") != "cancelled" or postponed.sentence.start not in recent:
        return None
    told = event_date(reading, facts, True)
    if told is None or told[1] > 0:
        return None  # no time of its own: the sentence tells no new date
    body = {key: value for key, value in postponed.body.items() if key not in {"status", "location"}}
    hosts = [m.value.entry.country for m in facts.places if m.value.entry is not None] + [
        m.value.code
        for m in facts.countries
        if m.value.capital  # "in Pretoria"
    ]
    body["host_country"] = hosts[0] if hosts else postponed.body.get("host_country")
    body["date"] = told[0]
    body["status"] = "planned"
    body["id"] = record_id(f"{body['title_en']} {body['date'][:7]}")
    requires = [r for r in postponed.requires if not r.startswith("place:")]
    return _Event(f"event:{len(events) + 1}", body, sentence, requires, trigger=postponed.trigger)


def _without_last_meeting(facts: SentenceFacts) -> SentenceFacts:
    """ "The commission, which last met in Astana, is due to reconvene in Budapest": the place of the
    last meeting's clause is that meeting's (_last_met), not the next one's."""
    sentence = facts.sentence
    told = LAST_MET.search(sentence.text)
    if told is None:
        return facts
    start, end = sentence.start + told.start(), sentence.start + told.end()
    return replace(facts, places=[place for place in facts.places if not start <= place.start < end])


def _background(reading: Reading, facts: SentenceFacts) -> bool:
    """ "Совет был учреждён в 2022 году": how a body came to be, not a gathering; unless it is an
    aside ("the first meeting of the council, established last year")."""
    asides = [(m.start(), m.end()) for m in ASIDE.finditer(facts.sentence.text)]
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
# … or in a clause of its own after its last meeting: "The commission last met in Riga in 2024; it is
# now due to meet in Tashkent in November" (the last meeting is _last_met's).
# "the High-Level Cooperation Council between the two governments": a council of the governments, not
# of the heads of state.
_OF_GOVERNMENTS = re.compile(r"\s+(?:between|of)\s+the\s+(?:two\s+)?governments\b", re.IGNORECASE)
_NEXT_OF_IT = re.compile(
    r"[^,;.]{0,80}?;\s*(?:and\s+)?it\s+(?:is\s+(?:now\s+)?(?:due|expected|set|scheduled)\s+to|will)\s+"
    r"(?P<meet>(?:next\s+)?(?:meet|reconvene|convene))\b",
    re.IGNORECASE,
)


# … or after a held session's clause: "the eighth session, held in Baku in March 2025, and agreed to
# convene its next meeting in Cairo" (the held one is _last_met's).
_NEXT_AFTER_HELD = re.compile(
    r"[^,;.]{0,80}?"
    + HELD_THEN_AGREED
    + r",\s*(?:and|и)\s+\w+\s+(?:to\s+)?(?:convene|hold|провести|созвать)\s+(?P<meet>\w+)",
    re.IGNORECASE,
)


def _next_session(facts: SentenceFacts, trigger: Mention[str]) -> tuple[Mention[str], SentenceFacts]:
    """A body named in a sentence about another meeting, its next session told after it: the event is
    that session, read from its own clause (its status, date and place), not from the meeting's."""
    sentence = facts.sentence
    after = trigger.end - sentence.start
    found = (
        _NEXT_SESSION_AFTER.match(sentence.text, after)
        or _NEXT_OF_IT.match(sentence.text, after)
        or _NEXT_AFTER_HELD.match(sentence.text, after)
    )
    if trigger.value not in _BODIES or found is None:
        return trigger, facts
    at = sentence.start + found.start("next" if found.groupdict().get("next") else "meet")
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


def _second_visit(facts: SentenceFacts, family: Sequence[Mention[str]]) -> Mention[str] | None:
    """ "When Lithuania's foreign minister visited Tashkent in May, …, and the Uzbek President is
    expected in Vilnius in October": a visit or journey told in a later clause, to a place of its own
    and announced while the first was held, is a second visit."""
    visits = [t for t in family if t.value in {"visit", "trip"}]
    if len(visits) < 2:
        return None
    sentence = facts.sentence
    first, last = visits[0], visits[-1]
    first_clause, last_clause = clause(sentence, first.start), clause(sentence, last.start)
    if first_clause == last_clause:
        return None
    places = [
        {m.value.id for m in facts.places if low <= m.start < high}
        | {m.value.code for m in facts.countries if m.value.capital and low <= m.start < high}  # "Ригу"
        for low, high in (first_clause, last_clause)
    ]
    if not places[0] or not places[1] or places[0] & places[1]:
        return None
    text = sentence.text
    first_words = text[first_clause[0] - sentence.start : first_clause[1] - sentence.start]
    last_words = text[last_clause[0] - sentence.start : last_clause[1] - sentence.start]
    if _TO_COME.search(first_words) or not _TO_COME.search(last_words):
        return None
    return last


def _visit_beside_call(sentence: Sentence, family: Sequence[Mention[str]]) -> Mention[str] | None:
    """ "The presidents spoke by phone in September and agreed that a delegation would visit Ashgabat
    in the spring": a visit told in a clause apart from a telephone call is an event of its own (the
    call is no visit's talks)."""
    calls = [t for t in family if t.value == "phone_call"]
    visits = [
        t for t in family if t.value in {"visit", "trip"} and calls and not _same_clause(sentence, t, calls)
    ]
    return visits[-1] if visits else None


_TO_COME = re.compile(
    r"\b(?:is|are)\s+(?:expected|due|to)\b|\bwill\b|\bожида\w*|\bпосетит\b|\bпланиру\w*", re.I
)


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


def _talks_were_the_visit(
    reading: Reading, facts: SentenceFacts, trigger: Mention[str], events: Sequence[_Event]
) -> bool:
    """ "Министр … во вторник провёл в Рабате переговоры с коллегой. Визит министра завершится в
    четверг": talks told just before a sentence that tells a visit's end were that visit's; they
    become the visit (of its rank), which spans to its end (`visit_span`)."""
    if trigger.value not in _VISIT_TYPES | {"visit"} or not VISIT_ENDS.search(facts.sentence.text):
        return False
    talks = events[-1] if events else None
    if (
        talks is None
        or talks.body["type"] not in {"talks", "ministerial_meeting"}
        or talks.body.get("status", "held") != "held"
        or not talks.stated_date
        or talks.sentence.index != facts.sentence.index - 1
        or not {m.value.code for m in facts.countries} <= set(talks.body["countries"])
    ):
        return False
    told = next(f for f in reading.facts if f.sentence.index == talks.sentence.index)
    event_type = _TRIGGER_TYPES.get(trigger.value, trigger.value)
    talks.body["type"] = event_type
    talks.body["title_en"], talks.body["title_ru"] = _titles(
        reading, event_type, told, talks.body.get("host_country"), None, None, talks.body["countries"]
    )
    return True


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
            any(plural(tokens[r.last - 1].text, reading.language) for r in roles)
            or bool(words & {"двух", "обеих", "обоих"})
        )
    )
    if heads:
        # a meeting of leaders still to come; one told as held is the talks or visit told around it
        return "talks" if (to_meet or beside) and len({m.value.code for m in facts.countries}) != 1 else None
    return "ministerial_meeting" if _ministers_only(reading, facts) else None


# "during the visit of the Vice-President of India to Ashgabat in October last year", "в ходе визита
# президента Узбекистана в Рим в июне прошлого года": a visit told with whose it was, where it went and
# when, not the one just reported.
_MONTHS = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|январ|феврал|марте|апрел|мае|июне|июле|август|сентябр|октябр|ноябр|декабр)"
)
_VISIT_OF_ITS_OWN = re.compile(
    r"\s+(?:of|by)?\s*[^,;.]{0,80}?\b(?:to|в|во)\s+[A-ZА-ЯЁ][\w-]*[^,;.]{0,30}?\b(?:in|в)\s+" + _MONTHS,
)


def _told_anew(facts: SentenceFacts, trigger: Mention[str]) -> bool:
    if trigger.value != "visit":
        return False
    return bool(_VISIT_OF_ITS_OWN.match(facts.sentence.text, trigger.end - facts.sentence.start))


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


def _duplicate(event: _Event, events: list[_Event], replaced: dict[str, str]) -> bool:
    """The same event told again. A visit told after the talks held during it takes their place, and
    a meeting told "during the visit" is part of it, whatever else its sentence dates."""
    if event.body["type"] in _FAMILY - _VISIT_TYPES and _DURING_VISIT.search(event.sentence.text):
        held = event.body.get("status", "held") == "held"
        if any(
            other.body["type"] in _VISIT_TYPES
            and set(other.body["countries"]) == set(event.body["countries"])
            and (other.body.get("status", "held") == "held") == held
            for other in events
        ):
            return True
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
            and overlap(event.body["date"], other.body["date"])
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
                if other.body.get("host_country") is None:
                    other.body["host_country"] = event.body.get("host_country")  # and where, if told
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


def _visit_told_before(
    reading: Reading, facts: SentenceFacts, earlier: Sequence[_Event]
) -> tuple[str | None, set[str]]:
    """ "Обсуждение проходило на фоне визита в Узбекистан делегации Монголии. Официальный визит,
    проходивший 3–4 ноября, включал …": a visit told by its noun alone with days of its own, right
    after a sentence that tells a visit with no date (no event then) and where it went, is that visit:
    its host and the countries named there."""
    index = facts.sentence.index
    before = next((f for f in reading.facts if f.sentence.index == index - 1), None)
    if before is None or any(event.sentence.index == index - 1 for event in earlier):
        return None, set()
    for trigger in _event_triggers(reading, before):
        if _GROUPS.get(trigger.value) != "visit" or trigger.value in {"meeting", "phone_call"}:
            continue
        host = destination_country(before, trigger, visit=True)
        if host is not None:
            low, high = clause(before.sentence, trigger.start)
            return host, {m.value.code for m in before.countries if low <= m.start < high} | {host}
    return None, set()


def _called_off_again(
    facts: SentenceFacts, trigger: Mention[str], earlier: Sequence[_Event], when: str
) -> bool:
    """ "Aliyev was due to pay an official visit to Uzbekistan. The visit was postponed from June.": a
    gathering told again by its noun alone, postponed from a time of its own, is the one told just
    before with no date of its own, which is then called off on that time."""
    if facts.countries or facts.people or not earlier:
        return False
    last = earlier[-1]
    if (
        last.stated_date
        or _GROUPS.get(last.body["type"], last.body["type"]) != _GROUPS.get(trigger.value, trigger.value)
        or facts.sentence.index - last.sentence.index > 1
    ):
        return False
    last.body.update(status="cancelled", date=when)  # its id stays: documents may name it already
    last.sentence, last.stated_date = facts.sentence, True
    return True


def _moved_told_before(
    facts: SentenceFacts, trigger: Mention[str], earlier: Sequence[_Event], reach: int = 1
) -> _Event | None:
    """ "… прибудет в Луанду с официальным визитом 27–28 октября. Визит, первоначально намечавшийся на
    сентябрь, был перенесён": a gathering told again by its noun alone with the time it was to take
    place is the one just told at its new time; it was called off on the old one, an event beside it
    (README: a postponed or moved event), of its kind, countries and host."""
    if facts.people or not earlier:
        return None
    last = earlier[-1]
    # a country named there only by the place of the reason ("из-за слушаний в Лиссабоне") is no other
    named = {m.value.code for m in facts.countries}
    if (
        not named <= set(last.body["countries"])
        or not last.stated_date
        or last.body.get("status") != "planned"
        or _GROUPS.get(last.body["type"], last.body["type"]) != _GROUPS.get(trigger.value, trigger.value)
        or facts.sentence.index - last.sentence.index > reach
    ):
        return None
    return last


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
    if trigger.value == "trip" and not (
        facts.people or reading.cues("ROLES", tokens) or _DELEGATION.search(facts.sentence.text)
    ):
        return []  # "Kazakh grain will travel to Iran": a journey is a visit only of someone
    if _the_body_itself(facts, trigger):
        return []
    if trigger.value in {"council_again", "session_again"} and context is not None:
        event_type = context.body["type"]
    trigger_words = facts.sentence.text[
        trigger.start - facts.sentence.start : trigger.end - facts.sentence.start
    ]
    speaks = _SPEAKS.search(facts.sentence.text)
    if speaks is not None and facts.sentence.start + speaks.start("verb") == trigger.start:
        return []  # one person talking to a paper or about a subject: no talks held
    if event_type == "talks" and _ministers_only(reading, facts) and not _CONSULTATIONS.search(trigger_words):
        event_type = "ministerial_meeting"  # but ministries' consultations are talks (README: conventions)
    label = trigger.value if trigger.value in {"working_group", "business_council", "session"} else event_type
    if context is not None and context.trigger in {"working_group", "business_council"}:
        label = context.trigger
    trigger_token = tokens[trigger.last - 1]  # the head noun: "государственным визитом"
    if trigger.value in {"visit", "summit", "forum"} and plural(trigger_token.text, reading.language):
        organizations = unique_mentions(facts.organizations)
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
    anothers = _anothers_relative(facts.sentence, trigger)
    near = _near(facts.sentence, trigger)
    status = _status(reading, [t for t in near if anothers is None or t.start < anothers[0]], trigger)
    before = facts.sentence.text[: trigger.start - facts.sentence.start]
    if status == "held" and _AT_A_SIGNING_TO_COME.search(before):
        # "An agreement … is to be signed in New Delhi in July, during the ninth session of the
        # commission": the gathering a document waits for is still to come
        status = "planned"
    own = clause(facts.sentence, trigger.start)[0]
    if (
        several
        and status == "held"
        and _status(reading, [t for t in tokens[: trigger.last] if t.start >= own], trigger) == "planned"
    ):
        # "agreed to hold consultations in the autumn and a business forum in October": each
        # gathering of a list the sentence announces is announced
        status = "planned"
    retold = False  # the sentence tells again the gathering told just before (`_moved_told_before`)
    old = old_time(reading, facts, trigger)
    if old is not None and _GATHERING_WORD.search(reading.document.text[trigger.end : old.span[0]]):
        # "переговоры … и заседание комиссии, которое стороны перенесли с октября": the old time is of
        # the gathering named last before it
        old = None
    planned = True if old else {"planned": True, "cancelled": None}.get(status, False)
    aside = old.span if old else anothers
    moved = reading.cues("POSTPONED", tokens)
    if moved:
        # "перенесён на ноябрь": the new time is the event's date; the old one, when told, is an
        # event of its own, called off (`old_time`).
        new_time = tokens[moved[0].last - 1].end
        dated = event_date(reading, facts, planned, new_time, new_time, windows=True, aside=aside)
        previous = reading.document.sentences[facts.sentence.index - 1] if facts.sentence.index else None
        reach = 2 if previous is not None and _asked(previous) else 1  # the answer after the question
        told_before = _moved_told_before(facts, trigger, earlier, reach) if old is None else None
        if (
            told_before is not None
            and dated is not None
            and dated[1] == 0
            and told_before.body["date"] != dated[0]
        ):
            # "The visit was announced for March." ¶ "It has been moved to May": the one told at its old
            # time was called off then (README: a postponed or moved event), the new one is of its kind
            told_before.body["status"] = "cancelled"
            if context is None:
                context, event_type = told_before, told_before.body["type"]
    else:

        def dated_as(as_planned: bool | None) -> tuple[str, float] | None:
            return event_date(
                reading,
                facts,
                as_planned,
                trigger.start,
                trigger.end,
                own_clause=several or facts.sentence.question,
                aside=aside,
            )

        dated = dated_as(planned)
        if (
            status == "held"
            and dated is not None
            and dated[1] == 0
            and _present_tense(reading, facts, trigger)
        ):
            # "The committee meets in Vientiane on 20 October", "Next on the calendar is a session …
            # in April": a date that is still to come this year, told in the present, is announced.
            coming = dated_as(True)
            if coming is not None and coming[0] != dated[0]:
                dated, status = coming, "planned"
    if old is not None:
        if dated is not None and dated[1] == 0:
            # moved: planned at its new time, and called off at its old one (below)
            status = "planned" if status == "cancelled" else status
        else:
            # postponed with no new time told: one event, called off on its old dates
            if _called_off_again(facts, trigger, earlier, old.value):
                return []
            told_before = _moved_told_before(facts, trigger, earlier)
            if context is None and told_before is not None:
                context, event_type, retold = told_before, told_before.body["type"], True
            if (
                context is not None
                and context.body.get("status") == "planned"
                and _DURING_VISIT.search(facts.sentence.text)
            ):
                # "в ходе визита … заседание комиссии, которое перенесли с октября": now due during the
                # visit, and called off on its old time (README: a postponed or moved event)
                status, dated = "planned", (context.body["date"], 0.1)
            else:
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
    if dated is None or (facts.sentence.question and dated[1] > 0):
        return []  # an interviewer's premise ("— The commission met recently. What came of it?"): no date
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
        summit_groups(facts) if event_type in {"summit", "forum", "multilateral_meeting"} else [(None, None)]
    )
    results: list[_Event] = []
    for organization, place in groups:
        # a place told beside a gathering told again is not where it was to be ("перенесён из-за
        # слушаний в Лиссабоне"): that is the gathering's own, told before
        location = place or (None if retold else event_place(facts, event_type in _VISIT_TYPES))
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
            host = place_entry.country if place_entry else known_country(reading, location.value.id)
        ranked_visit = event_type in _VISIT_TYPES - {"visit", "other"}
        if host is None:
            host = destination_country(facts, trigger, visit=event_type in _VISIT_TYPES)
        if host is None and ranked_visit:
            host = visited_partner(reading, facts, trigger)
        named_before: set[str] = set()
        if (
            host is None
            and location is None
            and not people
            and event_type in _VISIT_TYPES
            and date_penalty == 0
        ):
            host, named_before = _visit_told_before(reading, facts, earlier)
        if host is None and ranked_visit and status == "held":
            # "TASHKENT, Dec 4 - … signed 12 agreements during a state visit by the Azerbaijani president"
            named = {m.value.code for m in facts.countries}
            host = dateline_country(reading, facts) if len(named) > 1 else None
            host = host if host in named else None
        if context is not None and location is None and host is None and trigger.value != "session_again":
            host = context.body.get("host_country")
            if context.body.get("location"):
                body["location"] = context.body["location"]
                event_requires.extend(r for r in context.requires if r.startswith("place:"))
        body["host_country"] = host
        low, high = clause(facts.sentence, trigger.start)
        countries = (
            {m.value.code for m in facts.countries if low <= m.start < high}
            | set(person_countries)
            | named_before
        )
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
        # a summit or forum told with where it is held stands even where no place list knows the city
        self_standing = (
            event_type in _SELF_STANDING
            or trigger.value in _SELF_STANDING
            or (
                event_type in _HELD_SOMEWHERE
                and place_told(facts, low, _with_relatives(facts.sentence, high))
            )
            or (event_type == "forum" and _of_the_two(reading, facts, trigger))
        )
        if not countries or not (people or location or host or self_standing or context):
            continue
        if trigger.value == "trip" and len(countries) < 2:
            continue  # "The foreign minister will travel on to Jakarta": whose minister, the text told before
        if (
            trigger.value == "meeting"
            and len(set(person_countries) | {m.value.code for m in facts.countries}) < 2
        ):
            continue  # "met with journalists": a meeting is bilateral only when two countries are named
        if host is None and status == "held" and event_type not in _VISIT_TYPES | {"phone_call"}:
            host = body["host_country"] = dateline_country(reading, facts)
            countries |= {host} if host else set()
        body["countries"] = sorted(countries)
        organization_ids: list[str] = []
        org_entry: OrganizationEntry | None = None
        org_mentions = (
            [organization]
            if organization
            else (
                unique_mentions(facts.organizations)
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


# A joint body told as itself, not as a session of it: set up or created ("set up a working group",
# "создание рабочей группы", "a joint working group was set up"), or named for its members or head
# ("члены рабочей группы", "the head of the working group"). A participle before the name is a session
# of a new body ("the newly created working group met"), so founding needs a verb or a noun.
_FOUNDED_BEFORE = re.compile(
    r"(?:\b(?:set(?:ting)?\s+up|establish(?:ed|es|ing)?|creat(?:e|ed|es|ing)|form(?:ed|ing)?)\s+(?:a|an|the|its|their)"
    r"|\b(?:the\s+)?(?:establishment|creation|formation|setting\s+up)\s+of(?:\s+(?:a|an|the))?"
    r"|(?<!\w)(?:создани[еяюи]|созда(?:ть|ли|дут|ст|м)|учреждени[еяюи]|учреди(?:ть|ли|т|м)"
    r"|образовани[еяюи]|образова(?:ть|ли)|формировани[еяюи]|сформирова(?:ть|ли))"
    r")(?:\s+(?!(?:of|for|для|по|в|на|к)\b)[\w‐-]+){0,4}\s*$",
    re.IGNORECASE,
)
_FOUNDED_AFTER = re.compile(
    r"^(?P<gap>(?:\s+[\w‐-]+){0,4}?)\s+(?:(?:was|were|has\s+been|have\s+been|had\s+been|will\s+be|would\s+be)\s+"
    r"(?:set\s+up|established|created|formed)|(?:был[аио]?\s+|будет\s+)?(?:создан[аоы]?|учрежден[аоы]?|образован[аоы]?))\b",
    re.IGNORECASE,
)
_MEMBERS_BEFORE = re.compile(
    r"(?:(?<!\w)(?:член\w*|руководител\w*|председател\w*|сопредседател\w*|секретар\w*)"
    r"|\b(?:members?|head|heads|chair(?:man|woman|person)?|co-?chairs?|secretary)\s+of(?:\s+(?:a|an|the|its|their))?)"
    r"(?:\s+[\w‐-]+){0,3}\s*$",
    re.IGNORECASE,
)
_MEETS = re.compile(r"\b(?:met|meets|meet|convened|held|провел\w*|прош\w*|собрал\w*|состоял\w*)\b", re.I)
_AND_MEETS = re.compile(_MEETS.pattern + r"|\b(?:and|и|а)\b", re.I)
_ITS_SESSION = re.compile(
    r"(?:заседани\w*|встреч\w*|meeting|session)\s+котор\w+|котор\w+\s+(?:\w+\s+)?(?:заседани|встреч)"
    r"|\b(?:whose|its)\s+(?:\w+\s+)?(?:meeting|session)",
    re.IGNORECASE,
)
_JOINT_BODIES = {"intergovernmental_commission", "interstate_council", "working_group", "business_council"}


def _the_body_itself(facts: SentenceFacts, trigger: Mention[str]) -> bool:
    """ "The commission met and set up a working group", "Руководитель рабочей группы сообщил": the
    body named for its founding, members or head, not a session of it."""
    if trigger.value not in _JOINT_BODIES:
        return False
    sentence = facts.sentence
    start, end = clause(sentence, trigger.start)
    before = sentence.text[start - sentence.start : trigger.start - sentence.start]
    after = sentence.text[trigger.end - sentence.start : end - sentence.start]
    founded = _FOUNDED_AFTER.search(after)
    if _FOUNDED_BEFORE.search(before) or (founded and not _AND_MEETS.search(founded["gap"])):
        # "…учредить Совет, первое заседание которого пройдёт в 2027 году": its session is told too
        return not _ITS_SESSION.search(sentence.text, trigger.end - sentence.start)
    return bool(
        _MEMBERS_BEFORE.search(before)
        and not _MEETING.search(sentence.text)
        and not _MEETS.search(sentence.text)
    )


_NEGOTIATIONS = re.compile(
    r"(?:talks|negotiations|переговор\w*)\s+(?:on|over|about|по|о|об)\s+(?:\S+\s+){0,4}?"
    r"(?:agreement|treaty|contract|deal|project|pipeline|соглашени\w*|договор\w*|контракт\w*|проект\w*"
    r"|газопровод\w*|нефтепровод\w*)",
    re.IGNORECASE,
)
_CONSULTATIONS = re.compile(r"консультац|consultation", re.IGNORECASE)
# "talks" as the verb of one speaker, an interview's standfirst: "Mongolia's ambassador in Hanoi talks
# about trade", "The High Commissioner in Abuja talks to Pan-African Review"
_SPEAKS = re.compile(
    r"(?i:\b(?:ambassador|envoy|minister|commissioner|president|chairman|chairwoman|chair|consul"
    r"|secretary|director|head|he|she))"
    r"\s+(?:(?:in|to|at|of)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*\s+)?"
    r"(?P<verb>talks)\s+(?:to|about)\b"
)
_A_ROUND = re.compile(r"\b(?:meet|met|meeting|round|встреч\w*|раунд\w*|собер\w+)\b", re.IGNORECASE)
_NO_DATE = re.compile(
    r"\bno\s+(?:new\s+)?dates?\s+(?:has|have)\s+(?:yet\s+)?been\s+(?:set|fixed|agreed|announced|given)\b"
    r"|\bсроки?\s+(?:\w+\s+){0,3}(?:не|ещё\s+не|еще\s+не)\s+(?:определен\w*|назначен\w*|согласован\w*)",
    re.IGNORECASE,
)
_INVITATION = re.compile(r"\binvit\w*|\bприглаш\w*", re.IGNORECASE)


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
