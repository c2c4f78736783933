"""Agreements: the documents a sentence signs or announces, counted and by sector, and how far along
they are (proposed, signed, ratified, in force), each linked to the event it was signed at."""

import re
from collections.abc import Sequence
from typing import Any, NamedTuple, Protocol

from app.extraction.agreement_sectors import document_sectors, own_words_start
from app.extraction.analysis import Reading, SentenceFacts
from app.extraction.countries import country_names
from app.extraction.event_dates import event_date, overlap, talks_day, to_hold, window
from app.extraction.lexicon import vocabulary as vocab
from app.extraction.matching import Mention
from app.extraction.model import Proposal
from app.extraction.morphology import _analyzer, plural
from app.extraction.text import Sentence, Token
from app.extraction.when import dateline_span, find_dates


class SigningEvent(Protocol):
    """An event as app.extraction.events tells it: documents may be signed at it."""

    key: str
    body: dict[str, Any]
    sentence: Sentence
    stated_date: bool  # False: its date was taken from elsewhere (the dateline, a sentence before)


def sentence_agreements(
    reading: Reading,
    facts: SentenceFacts,
    found: Sequence[SigningEvent],
    events: Sequence[SigningEvent],
    agreements: Sequence[Proposal],
) -> list[Proposal]:
    """The documents a sentence signs or announces, each clause's linked to an event the sentence tells
    (`found`) or to the last one told before it (`events`: the text's so far); none that tells again a
    signing or ratification of `agreements` (the text's so far)."""
    tokens = facts.sentence.tokens
    if _fields_told_after(reading, facts, agreements) or _part_of_package(reading, facts, agreements):
        return []
    if (
        not (
            reading.cues("SIGNING", tokens)
            or _MAKING.search(facts.sentence.text)
            or _SIGNED_UNSAID.search(facts.sentence.text)
        )
        or reading.cues("NOT_SIGNING", tokens)
        or _tally(facts.sentence.text)
        or _NO_SIGNING.search(facts.sentence.text)
    ):
        return []
    planned = bool(
        reading.cues("PLANNED", tokens)
        or reading.future_tense(tokens)
        or _in_the_making(facts.sentence.text)
        or _signing_to_come(facts.sentence.text)
    )
    clauses = signing_clauses(reading, facts, planned)
    parts: list[tuple[tuple[int, int] | None, bool]] = [*clauses] if clauses else [(None, planned)]
    told = list(agreements)
    for within, clause_planned in parts:
        held = [e for e in found if (e.body.get("status", "held") != "held") == clause_planned]
        # a clause of its own is of the event told with its status
        linked = (held[0] if held else None) if within else (found[0] if found else None)
        linked = (
            linked
            or _told_just_before(events, facts, clause_planned)
            or _last_event(reading, events, facts, clause_planned)
        )
        told.extend(
            a
            for a in _agreements(reading, facts, linked, len(told), within)
            if not _signing_told_again(a, told) and not _ratification_told_again(reading, facts, told)
        )
    if agreements and _SIGNED_WITH_IT.search(facts.sentence.text):
        # "Второй документ, подписанный тогда же в Минске, …", "signed at the same time": the signing
        # of the document told before dates this one
        for agreement in told[len(agreements) :]:
            if agreement.body["status"] == "signed":
                agreement.body["date"] = agreements[-1].body["date"]
    return told[len(agreements) :]


# "…оценку итогам визита министра в Ашхабад в мае. Тогда были подписаны …", "… when the minister visited
# Riga in March. At that time two memoranda were signed": the gathering the sentence before told, though
# recalled.
_THEN = re.compile(r"^\W*(?:тогда|в\s+тот\s+раз|then|at\s+that\s+time|on\s+that\s+occasion)\b", re.IGNORECASE)


def _told_just_before(
    events: Sequence[SigningEvent], facts: SentenceFacts, planned: bool
) -> SigningEvent | None:
    if planned or not events or not _THEN.match(facts.sentence.text):
        return None
    last = events[-1]
    held = last.body.get("status", "held") == "held"
    return last if held and last.sentence.index == facts.sentence.index - 1 else None


_SIGNED_WITH_IT = re.compile(
    r"\bподписанн?\w*\s+тогда\s+же\b|\bsigned\s+at\s+the\s+same\s+time\b", re.IGNORECASE
)


# Documents signed, told without a verb of signing: exchanged ("exchanged three memoranda", "witnessed
# the exchange of five documents", "обменялись меморандумами") or a gathering's outcome ("the visit
# produced eight memoranda").
_DOCUMENTS = (
    r"(?:documents?|agreements?|memorand\w+|protocols?|instruments|road\s?maps?"
    r"|документ\w*|соглашени\w*|меморандум\w*|протокол\w*|дорожн\w+\s+карт\w*)"
)
_SIGNED_UNSAID = re.compile(
    rf"\bexchang(?:ed|e\s+of)\s+(?:the\s+)?(?:[\w-]+\s+){{0,3}}?{_DOCUMENTS}\b"
    rf"|\b(?:produced|yielded|resulted\s+in)\s+(?:[\w-]+\s+){{0,4}}?{_DOCUMENTS}\b"
    rf"|\bобмен(?:ял\w*|ом|а)?\s+(?:[\w-]+\s+){{0,3}}?{_DOCUMENTS}",
    re.IGNORECASE,
)


# Kinds told by plural words that are one document all the same ("обменялись нотами").
_ONE_DOCUMENT = {"Exchange of notes"}
# A plural verb of signing whose object or subject follows it: "подписаны соглашения", "подписали
# соглашения", where the noun alone reads as a singular genitive.
_SIGNED_PLURAL = re.compile(r"(?:подписа(?:ли|ны)|заключ(?:или|ены))", re.IGNORECASE)


def _signed_plural(tokens: Sequence[Token], at: int) -> bool:
    if at == 0 or not _SIGNED_PLURAL.fullmatch(tokens[at - 1].text):
        return False
    return any(p.tag.number == "plur" for p in _analyzer().parse(tokens[at].text))


# "have signed more than 200 agreements since 1992": a tally of the years' documents, no signing.
_TALLY_SINCE = re.compile(r"\b(?:since|с)\s+(?:19|20)\d\d\b", re.IGNORECASE)
_TALLY_COUNT = re.compile(r"\b(?:more\s+than|over|свыше|более)\s+\d+", re.IGNORECASE)


def _tally(text: str) -> bool:
    return _TALLY_SINCE.search(text) is not None and _TALLY_COUNT.search(text) is not None


# A signing told as none, or as the past one an anniversary marks: "no agreement has been signed",
# "так и не подписали", "the tenth anniversary of the signing", "в год 30-летия подписания".
_NO_SIGNING = re.compile(
    r"\bno\s+(?:\w+\s+){0,2}(?:agreements?|deals?|documents?|memorand\w+|treat(?:y|ies))\s+"
    r"(?:has|have|was|were)\s+(?:yet\s+)?(?:been\s+)?signed"
    r"|\bтак\s+и\s+не\s+(?:был\w*\s+)?подписа\w*"
    r"|\banniversary\s+of\s+(?:the\s+)?signing|\bгодовщин\w*\s+(?:со\s+дня\s+)?подписани\w*"
    r"|лети[еяю]\s+(?:со\s+дня\s+)?подписани\w*",
    re.IGNORECASE,
)


# A sentence that tells the fields of the documents the one before it counted: "Они касаются
# сотрудничества в сферах…", "The documents, signed after the talks, cover energy and banking".
_FIELDS_OF_THOSE = re.compile(
    r"^\W*(?:они|эти\s+документы|все\s+документы|документы|they|these\s+documents|the\s+documents"
    r"|the\s+agreements|these\s+agreements)\b[^.;]{0,80}?\b(?:касаются|охватывают|затрагивают|относятся"
    r"|включают|cover|concern|relate\s+to|span|deal\s+with|include)\b",
    re.IGNORECASE,
)


def _fields_told_after(reading: Reading, facts: SentenceFacts, agreements: Sequence[Proposal]) -> bool:
    """Whether the sentence tells the fields of the package of documents the sentence before it
    signed with none told; they become the package's."""
    sentence = facts.sentence
    if not agreements or not _FIELDS_OF_THOSE.match(sentence.text) or sentence.index == 0:
        return False
    package = agreements[-1]
    before = reading.facts[sentence.index - 1].sentence
    if (
        package.body["sectors"] != ["other"]
        or package.body["document_count"] == 1
        or (package.start, package.end) != (before.start, before.end)
    ):
        return False
    fields = document_sectors(reading, sentence.tokens, [], [], len(sentence.tokens), _names(facts))
    if fields == ["other"]:
        return False
    prefix_en = package.body["title_en"].split(" between ")[0]
    prefix_ru = package.body["title_ru"].split(": ")[0]
    package.body["sectors"] = fields
    _set_titles(package.body, prefix_en, prefix_ru)
    return True


# "One of them, an agreement on …, still has to be ratified": a part of the package just told.
_ONE_OF_THEM = re.compile(
    r"^\W*(?:one\s+of\s+them|among\s+them|одн[оа]\s+из\s+них|один\s+из\s+них|среди\s+них|в\s+их\s+числе)\b",
    re.IGNORECASE,
)


def _part_of_package(reading: Reading, facts: SentenceFacts, agreements: Sequence[Proposal]) -> bool:
    sentence = facts.sentence
    if not agreements or sentence.index == 0 or not _ONE_OF_THEM.match(sentence.text):
        return False
    package = agreements[-1]
    # the package's own sentence, or the one before that told its fields
    before = [reading.facts[i].sentence for i in range(max(0, sentence.index - 2), sentence.index)]
    return package.body["document_count"] != 1 and any(
        (package.start, package.end) == (b.start, b.end) for b in before
    )


def _names(facts: SentenceFacts) -> set[int]:
    """The indexes of the sentence's tokens that are names (countries, places, people, bodies)."""
    mentions: list[Mention[Any]] = [*facts.countries, *facts.places, *facts.organizations]
    spans = [(m.start, m.end) for m in mentions] + [(p.start, p.end) for p in facts.people]
    return {i for i, t in enumerate(facts.sentence.tokens) if any(a <= t.start < b for a, b in spans)}


def _last_event(
    reading: Reading, events: Sequence[SigningEvent], facts: SentenceFacts, planned: bool
) -> SigningEvent | None:
    """The event a signing belongs to: the last one in its paragraph, or in the two before when the
    sentence points back at it ("the sides", "в ходе визита"); when that one is not of the kind the
    sentence names ("During the visit, …" after a commission's meeting told in between) or is told
    as recalled ("agreements reached during the visit … last year"), the last held one that is."""
    last = _nearest_event(reading, events, facts, planned)
    if last is None or planned:
        return last
    named = _named_gathering(facts.sentence.text)
    if (not named or last.body.get("type") in named) and not _RECALLED.search(last.sentence.text):
        return last
    leaders = _LEADERS_PRESENT.search(facts.sentence.text) is not None
    fitting = [
        e
        for e in events
        if e.body.get("status", "held") == "held"
        and (not named or e.body.get("type") in named)
        and not (leaders and e.body.get("type") not in _LEADERS_EVENTS)
        and not _RECALLED.search(e.sentence.text)
    ]
    return fitting[-1] if fitting else last


def _nearest_event(
    reading: Reading, events: Sequence[SigningEvent], facts: SentenceFacts, planned: bool
) -> SigningEvent | None:
    """The last event in the signing's paragraph, or before it when the sentence points back."""
    sentence = facts.sentence
    pointing_back = bool(reading.cues("EVENT_ANAPHORA", sentence.tokens)) or bool(
        _AFTER_TALKS.search(sentence.text)
    )
    leaders = _LEADERS_PRESENT.search(sentence.text) is not None
    for event in reversed(events):
        if (event.body.get("status", "held") != "held") != planned or event.body.get("status") == "cancelled":
            continue  # nothing is signed at a gathering called off
        if leaders and event.body.get("type") not in _LEADERS_EVENTS:
            continue  # signed "in the presence of the heads of state": at their meeting, not a ministers'
        if event.sentence.paragraph == sentence.paragraph or pointing_back:
            return event
        # "…held talks in Kuala Lumpur. ¶ The ministers signed a memorandum…": a signing told in the
        # paragraph right after a held event, with no date of its own, was part of it.
        if not planned and event.sentence.paragraph == sentence.paragraph - 1 and not _dated(reading, facts):
            return event
    return None


# A signing told as the outcome of talks, consultations, a meeting or a session: of their day; told
# as what they ended with ("The talks ended with the signing of …", "Переговоры завершились
# подписанием …"), of their last day too.
_AFTER_TALKS = re.compile(
    r"\b(?:following|after|at\s+the\s+(?P<end>end|close|conclusion)\s+of)\s+the\s+(?:talks|consultations"
    r"|meeting|session|negotiations)\b"
    r"|\bпо\s+(?:итогам|(?P<end_ru>завершении|окончании))\s+(?:переговоров|консультаций|встречи|заседания)\b"
    r"|\b(?:talks|consultations|meeting|session|negotiations)\s+(?P<ended>ended|concluded|closed|culminated)\s+"
    r"with\s+the\s+signing\b"
    r"|\b(?:переговоры|консультации|встреча|заседание)\s+(?P<ended_ru>заверши|законч)\w*\s+подписанием\b",
    re.IGNORECASE,
)
_VISITS = frozenset({"state_visit", "official_visit", "working_visit", "visit"})
_TALKS_LIKE = _VISITS | {"talks", "ministerial_meeting"}
# The gathering a signing's sentence names, and the types of event that are it.
_GATHERINGS = (
    (
        re.compile(
            r"\b(?:during|following|after|at\s+the\s+end\s+of)\s+the\s+visit\b|\bв\s+ходе\s+визита\b"
            r"|\bпо\s+итогам\s+визита\b|\bв\s+рамках\s+визита\b",
            re.IGNORECASE,
        ),
        _VISITS | {"talks"},  # talks held during a visit are the visit, and may stand for it
    ),
    (
        re.compile(
            r"\b(?:during|following|after)\s+the\s+talks\b|\bпо\s+итогам\s+переговоров\b"
            r"|\bв\s+ходе\s+переговоров\b",
            re.IGNORECASE,
        ),
        _TALKS_LIKE,
    ),
    (
        re.compile(
            r"\b(?:on\s+the\s+sidelines\s+of|at)\s+the\s+(?:\w+\s+)?forum\b|\bна\s+полях\s+(?:\w+\s+)?форума\b"
            r"|\bв\s+рамках\s+(?:\w+\s+)?форума\b",
            re.IGNORECASE,
        ),
        frozenset({"forum"}),
    ),
    (
        re.compile(
            r"\b(?:в\s+ходе|по\s+итогам|на)\s+(?:\w+\s+)?заседани[яи]\s+(?:\w+\s+)?(?:комисси|совет)\w*"
            r"|\b(?:during|at|following)\s+the\s+(?:\w+\s+)?(?:session|meeting)\s+of\s+the\s+(?:[\w-]+\s+){0,3}"
            r"(?:commission|council)\b",
            re.IGNORECASE,
        ),
        frozenset({"intergovernmental_commission", "interstate_council"}),
    ),
    (
        # a session told bare ("По итогам заседания подписаны протокол комиссии …"): a body's
        # sitting, not the business forum told after it
        re.compile(
            r"\b(?:в\s+ходе|по\s+итогам|на)\s+заседани[яи]\b|\b(?:during|at|following|after)\s+the\s+session\b",
            re.IGNORECASE,
        ),
        frozenset({"intergovernmental_commission", "interstate_council"}),
    ),
)
# A gathering told for the agreements reached at it, or its results welcomed: recalled, not the
# one the story's signing is of.
_RECALLED = re.compile(
    r"\bagreements?\s+reached\s+(?:during|at)\b|\bдоговор[её]нност\w*,?\s+достигнут\w*\s+(?:в\s+ходе|в\s+рамках"
    r"|во\s+время|на)\b|\bresults\s+of\s+the\b|\bитог(?:и|ам)\s+(?:\w+\s+){0,3}(?:заседания|визита|форума)\b"
    # an earlier session told after the one reported: "The first session took place in Yerevan in 2025"
    r"|^\W*the\s+(?:first|previous)\s+(?:session|meeting)\s+(?:took\s+place|was\s+held)\b"
    r"|^\W*(?:первое|предыдущее)\s+заседание\s+(?:прошло|состоялось|проходило)\b",
    re.IGNORECASE,
)


def _named_gathering(text: str) -> frozenset[str]:
    for pattern, types in _GATHERINGS:
        if pattern.search(text):
            return types
    return frozenset()


_LEADERS_PRESENT = re.compile(
    r"\bв\s+присутствии\s+(?:глав\s+государств|президентов|лидеров)|\bin\s+the\s+presence\s+of\s+the\s+"
    r"(?:heads\s+of\s+state|presidents|leaders)",
    re.IGNORECASE,
)
_LEADERS_EVENTS = _VISITS | {"talks", "summit", "interstate_council"}


def _dated(reading: Reading, facts: SentenceFacts) -> bool:
    published = reading.published
    sentence = facts.sentence
    year = published.year if published else None
    return bool(find_dates(sentence.text, sentence.start, year, published, reference=reading.reference))


def _agreements(
    reading: Reading,
    facts: SentenceFacts,
    event: SigningEvent | None,
    count: int,
    within: tuple[int, int] | None = None,
) -> list[Proposal]:
    """The documents a sentence signs, as one proposal; `within`: those of one clause of it only."""
    low, high = within or (facts.sentence.start, facts.sentence.end)
    tokens = [t for t in facts.sentence.tokens if low <= t.start and t.end <= high]
    text = reading.document.text[low:high]
    kinds = reading.cues("DOCUMENT_KINDS", tokens)
    # "a protocol amending their double taxation treaty", "протокол о внесении изменений в соглашение":
    # a document named as what another one is about is not one more
    kinds = [k for n, k in enumerate(kinds) if n == 0 or not _governed(tokens, k, reading.language)]
    if not kinds:
        return []
    table = {phrase: (en, ru, many) for phrase, en, ru, many in vocab.DOCUMENT_KINDS[reading.language]}
    # a document told as ratified or in force already is no longer to come, whatever else the sentence
    # says in the future ("Напомним, что … ратифицировал", "…, и выразил уверенность, что документ откроет")
    future = reading.future_tense(tokens) and not _SETTLED_PAST.search(text)
    to_come = (
        reading.cues("PLANNED", tokens) or future or _MAY_BE_SIGNED.search(text) or _signing_to_come(text)
    )
    if to_come and not future and _SIGNED_ALREADY.search(text) and _AWAITING_REVIEW.search(text):
        to_come = []  # "подписанное 12 февраля, пока ожидает рассмотрения": signed, its review to come
    negotiated = _NEGOTIATED.search(text)
    # a document still being made or negotiated is to come, whatever the tense of its verb
    making = (not to_come and _in_the_making(text)) or negotiated is not None
    status = "proposed" if to_come or making else "signed"
    if making and event is not None and (negotiated or event.body.get("status") != "planned"):
        event = None  # a document still being made is not of the gathering already held
    # the negotiations' own time dates the document ("… meet in 2027 and complete negotiations on an
    # agreement before the end of 2026")
    near = low + negotiated.start() if negotiated else low
    initialled = _INITIALLED.search(text) is not None and not _SIGNED.search(text)
    if initialled:
        # Initialling fixes a text to be signed later: the agreement is still to come, and is dated by
        # the signing the next sentence announces ("It is planned to be signed … in the autumn").
        status, event = "proposed", None
    own_clause = within is not None
    own = (
        event_date(
            reading,
            facts,
            status == "proposed",
            low,
            own_clause=own_clause,
            within=within,
            aside=_dateline(reading, facts),
            span=False,
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
            or (not overlap(own[0], event.body["date"]) and _IN_A_MONTH.search(text) is not None)
        )
    ):
        # "On September 2, following the talks, 19 documents were signed"; "In April the ministries
        # signed a protocol", told after talks in May: the signing's own date, not the event's
        when, penalty = own
    elif event is not None and (signed_on := _own_signing_date(reading, facts, event)) is not None:
        # "the agreement signed in Ashgabat in March", told beside a forum held in June
        when, penalty = signed_on, 0.0
    elif event is not None and (session := _session_told_after(reading, facts, event, status)) is not None:
        # "подготовить к подписанию на предстоящем заседании комиссии …" ¶ "Заседание комиссии
        # запланировано на 23–24 апреля": the gathering, named here with no time of its own, is dated there
        when, penalty = session
    elif event is not None:
        when = (
            _day_of_the_talks(reading, facts, event)
            or talks_day(event.body["date"], event.sentence)
            or event.body["date"]
        )
        penalty = 0.0
    else:
        dated = event_date(
            reading,
            facts,
            status == "proposed",
            near,
            own_clause=own_clause,
            within=within,
            aside=_dateline(reading, facts),
        )
        following = _next_signing(reading, facts) if initialled else None
        if following is not None:
            # the day it was initialled is not the agreement's: its signing to come dates it
            dated = event_date(reading, following, True, windows=True) or dated
        elif (
            status == "proposed"
            and (gathering := _FOR_A_GATHERING.search(text)) is not None
            and not _dated(reading, facts)
        ):
            # "подготовить к следующему заседанию соглашение …" ¶ "Следующее заседание намечено на
            # второе полугодие": the gathering told after it dates the document
            later = _gathering_told_after(reading, facts, _kind_named(gathering))
            if later is not None:
                dated = event_date(reading, later, True, windows=True) or dated
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
        and (_NOT_RATIFIED.search(text) or _AWAITING_REVIEW.search(text))
    ):
        # "…, подписанный в марте, парламент пока не ратифицировал": signed, no more, and dated by
        # its signing, not by the debate
        settled = None
        signing = _signing_date(reading, facts)
        if signing is not None:
            when, penalty = signing, 0.0
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
        or (plural(tokens[k.first].text, reading.language) and table[k.value][0] not in _ONE_DOCUMENT)
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
        total = _TOTAL.search(text)
        if total:
            # "… — всего семь документов", "three documents in all"
            document_count = _number(total.group("n") or total.group("n2")) or document_count
    elif len({table[k.value][0] for k in kinds}) == 1:
        label_en, label_ru, _ = table[kinds[0].value]
        document_count = len(kinds)
    else:
        label_en, label_ru = "Documents", "Документы"
        document_count = len(kinds)
    ends = [m.start() for m in _COORDINATION.finditer(reading.document.text, kinds[-1].end, high)]
    clause_end = next((i for i, t in enumerate(tokens) if ends and t.start >= ends[0]), len(tokens))
    names = {facts.sentence.tokens[j].start for j in _names(facts)}
    sectors = document_sectors(
        reading,
        tokens,
        kinds,
        [k not in packages for k in kinds],
        clause_end,
        {i for i, t in enumerate(tokens) if t.start in names},
    )
    body: dict[str, Any] = {
        "status": status,
        "document_count": document_count,
        "sectors": sectors,
        "date": when,
        "countries": sorted(countries),
    }
    several = bool(packages) or document_count != 1
    prefix_en = f"{document_count} {label_en.lower()}" if several and document_count else label_en
    prefix_ru = (
        f"{document_count} {_agree(label_ru.lower(), document_count)}"
        if several and document_count
        else label_ru
    )
    _set_titles(body, prefix_en.capitalize(), prefix_ru.capitalize())
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
        to_come = bool(
            reading.cues("PLANNED", tokens)
            or reading.future_tense(tokens)
            or to_hold(tokens)
            or _signing_to_come(reading.document.text[low:high])
        )
        done = not to_come and _SIGNED_PAST.search(reading.document.text, low, high) is not None
        clauses.append(_Clause((low, high), to_come, done, bool(reading.cues("DOCUMENT_KINDS", tokens))))
    signing = [c for c in clauses if c.documents]
    if not any(c.to_come for c in clauses) or not all(c.to_come or c.done for c in signing):
        return None
    if all(c.to_come == planned for c in signing):
        return None
    return [(c.within, c.to_come) for c in signing]


# A document still being made: "ready for signature", "are drafting a
# package", "согласовывают пакет", "подготовить пакет документов"; or prepared for a gathering, a
# signing or a time to come ("К визиту готовится пакет", "подготовить к следующему заседанию
# соглашение", "are preparing seven documents for the visit"), which tells a signing to come with no
# verb of signing.
_MAKING = re.compile(
    r"\bfor\s+signature\b|\bdrafting\b"
    r"|\bсогласовыва\w+|\bна\s+(?:стадии\s+|этапе\s+)?согласовании\b|\bподготов\w+\s+(?:\w+\s+){0,2}пакет\w*"
    r"|\b(?:под)?готов(?:и(?:т|м|те|ть|л[аио]?|тся|ться)|ят(?:ся)?|лен\w*)\b(?=[^.;]*?\bк\s+(?:[\w-]+\s+){0,3}?"
    r"(?:визит|заседани|встреч|саммит|форум|подписани|сесси|приезд|январ|феврал|март|апрел|ма[юя]\b|июн|июл"
    r"|август|сентябр|октябр|ноябр|декабр)\w*|[^.;]*?\bк\s+(?:нему|ней|ним)\b)"
    r"|\bк\s+(?:[\w-]+\s+){0,3}?(?:визит|заседани|встреч|саммит|форум|сесси|приезд|нему|ней|ним)\w*\s+"
    r"(?:[\w-]+\s+){0,2}?(?:под)?готов(?:и(?:т|м|тся)|ят(?:ся)?|лен\w*)\b"
    r"|\bprepar(?:e|es|ed|ing)\b[^.;]{0,80}?\bfor\s+(?:(?:the|its|his|her|their)\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:visit|session|meeting|summit|forum|signing)\b|\bprepar(?:e|es|ed|ing)\s+(?:[\w-]+\s+){1,4}?for\s+(?:it|them)\b",
    re.IGNORECASE,
)


# Negotiations on a document to be completed: "aim to complete negotiations on a free trade agreement",
# "concluded negotiations on an investment treaty", "завершить переговоры по соглашению".
_NEGOTIATED = re.compile(
    r"\b(?:complet|conclud|finali[sz])\w*\s+(?:the\s+)?negotiations\s+(?:on|over|for)\b"
    r"|\bзаверш\w+\s+переговор\w*\s+(?:по|о|об)\b",
    re.IGNORECASE,
)


# A signing told as possible, or a text still negotiated: "could be signed in the first quarter",
# "is still under negotiation", "may sign".
_MAY_BE_SIGNED = re.compile(
    r"\b(?:could|may|might)\s+(?:be\s+)?sign\w*|\bunder\s+negotiation\b", re.IGNORECASE
)


# A month told in the clause itself ("In April the ministries signed…", "В марте … подписали").
_IN_A_MONTH = re.compile(
    r"\b(?:in|в)\s+(?:january|february|march|april|may|june|july|august|september|october|november"
    r"|december|январе|феврале|марте|апреле|мае|июне|июле|августе|сентябре|октябре|ноябре|декабре)\b",
    re.IGNORECASE,
)


def _in_the_making(text: str) -> bool:
    return _MAKING.search(text) is not None and _SIGNED_PAST.search(text) is None


# A signing told by its infinitive alone is one to come, whatever verb governs it ("подписать её
# стороны рассчитывают в первом полугодии", "предложила до конца года подписать", "agreed to sign"),
# unless that verb tells it done ("удалось подписать", "managed to sign").
_TO_SIGN = re.compile(r"\b(?:подписать|заключить)\b|\bto\s+sign\b", re.IGNORECASE)
_SIGNING_DONE = re.compile(
    r"\b(?:удалось|смогл?[иа]?|сумел\w*|успел\w*|позволил\w*|managed|went\s+on|came)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:подписать|заключить|to\s+sign)\b",
    re.IGNORECASE,
)


def _signing_to_come(text: str) -> bool:
    return (
        _TO_SIGN.search(text) is not None
        and _SIGNING_DONE.search(text) is None
        and _SIGNED_PAST.search(text) is None
    )


_SIGNED_PAST = re.compile(
    # "подписание" is the noun, no past signing
    r"(?<!будет\s)(?<!будут\s)\bподписа(?:л|н(?!и[еяюи]\b|ием\b))\w*|(?<!\bbe\s)(?<!\bbeen\s)\bsigned\b",
    re.IGNORECASE,
)


# A document in force: "вступил в силу", "entered into force", and told as a state ("the entry into
# force, on 1 March, of the Agreement", "in force since May", "действует до сих пор").
_FORCE = (
    r"\bвступ(?:ил|ивш)\w*\s+в\s+(?:законную\s+)?силу|\bвступлени\w+\s+в\s+силу|\b(?:entered|came|enter|come)\s+into\s+force"
    r"|\bentry\s+into\s+force|\bin\s+force\s+since|\b(?:is|are)\s+(?:now\s+)?being\s+applied|\b(?:is|are|has\s+been|have\s+been|remains?|now)\s+"
    r"(?:(?:now|fully|already)\s+)?in\s+force|\bдейству(?:ет|ют)\b"
)
# A parliament's approval of a signed document is its ratification ("the Senate approved the
# agreement …, signed on …"), and so is a second document approved by the act that ratified the first
# ("Тем же постановлением одобрен протокол …"); a cabinet's approval of a draft is not.
_PARLIAMENT_APPROVED = (
    r"\b(?:parliament|senate|senators|lawmakers|deputies|majilis|mazhilis|majlis|парламент|сенат|мажилис"
    r"|меджлис|депутат|жогорку\s+кенеш)\w*\b[^.;]{0,60}?\b(?:approved|одобри\w*)"
    r"|\b(?:тем\s+же|этим\s+же)\s+(?:постановлением|законом|решением)\s+(?:\w+\s+)?одобрен\w*"
    r"|\bby\s+the\s+same\s+(?:resolution|law|act|vote)\b[^.;]{0,30}?\bapproved\b"
    r"|\bapproved\s+by\s+the\s+same\s+(?:resolution|law|act|vote)\b"
)
_SETTLED = re.compile(rf"\bратифи\w+|\bratif\w+|{_PARLIAMENT_APPROVED}|(?P<force>{_FORCE})", re.IGNORECASE)
_IN_FORCE_TOLD = re.compile(_FORCE, re.IGNORECASE)
_SETTLED_PAST = re.compile(
    r"\bратифицировал\w*|\bратифицирован\w*|\bratified\b|\bвступ(?:ил|ивш)\w*\s+в\s+(?:законную\s+)?силу"
    r"|\b(?:entered|came)\s+into\s+force|\bin\s+force\s+since",
    re.IGNORECASE,
)
# A ratification still to come: "парламент пока не ратифицировал", "has not yet been ratified".
_NOT_RATIFIED = re.compile(
    r"\bне\s+(?:\w+\s+)?ратифи\w+|\bnot\s+(?:yet\s+)?(?:been\s+)?ratified|\byet\s+to\s+(?:be\s+)?ratif\w+"
    r"|\bход\w*\s+ратификаци\w+|\bprogress\s+of\s+(?:the\s+)?ratification",
    re.IGNORECASE,
)


def _signing_told_again(agreement: Proposal, agreements: Sequence[Proposal]) -> bool:
    """ "…ratified the Agreement. It was signed in Minsk on 12 May": the signing of the document just
    ratified, not another document."""
    body = agreement.body
    return body["status"] == "signed" and any(
        other.body["status"] in {"ratified", "in_force"}
        and _same_signing(other.body["date"], body["date"])
        and set(other.body["countries"]) == set(body["countries"])
        for other in agreements
    )


_VISITS_DAYS = 7  # the longest span of a visit whose signing day may be told apart from it


def _same_signing(first: str, second: str) -> bool:
    """The same time of signing: equal, or a day inside the few days of the visit it was signed
    during ("подписано 12 мая … в ходе визита …, проходившего 11–12 мая", told again by the visit)."""
    if first == second:
        return True
    (a, b), (c, d) = window(first), window(second)
    short = (b - a).days <= _VISITS_DAYS and (d - c).days <= _VISITS_DAYS
    return short and ((a == b and c <= a <= d) or (c == d and a <= c <= b))


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
# a signed document waiting for a parliament's or a committee's review: the review is to come
_AWAITING_REVIEW = re.compile(
    r"\bожида\w*\s+(?:[\w-]+\s+){0,2}?(?:рассмотрени|ратификаци|одобрени|утверждени)\w*"
    r"|\bawait\w*\s+(?:[\w-]+\s+){0,2}?(?:ratification|approval|review|consideration)\b",
    re.IGNORECASE,
)
# "подписанное 12 февраля", "его подписали в июне", "was signed": a signing told as done
_SIGNED_ALREADY = re.compile(r"\bподписанн\w+|(?<!не\s)\bподписал\w*|(?<!\bbe\s)\bsigned\b", re.IGNORECASE)
_FORCE_TO_COME = re.compile(
    r"\bвступ(?:ит|ят)\s+в\s+силу|\bwill\s+(?:enter|come)\s+into\s+force|\bwill\s+take\s+effect",
    re.IGNORECASE,
)
_SIGNED = re.compile(r"\bподписан\w*|\bsigned\b", re.IGNORECASE)
# a signing told as done: "is to be signed in August" tells the time of one to come
_SIGNED_DONE = re.compile(r"\bподписан\w*|(?<!\bbe\s)\bsigned\b", re.IGNORECASE)
_INITIALLED = re.compile(r"\bпарафир\w+|\binitial(?:l)?(?:ed|ing)\b", re.IGNORECASE)


# A document prepared for, or to be signed at, a gathering still to come named by its kind alone.
_FOR_A_GATHERING = re.compile(
    r"\bк\s+(?:(?:следующ|очередн|предстоящ|ближайш)\w*\s+|\w+ому\s+)?(?P<kind>заседани|встреч|сесси|визит)\w*"
    r"|\b(?:на|в\s+ходе)\s+(?:следующ|очередн|предстоящ|ближайш)\w*\s+(?P<kind_at>заседани|встреч|сесси|визит)\w*"
    r"|\b(?:for|at|during)\s+(?:signature\s+at\s+)?the\s+(?:next|upcoming|forthcoming)\s+(?:[\w-]+\s+){0,2}?"
    r"(?P<kind_en>session|meeting|visit)\b",
    re.IGNORECASE,
)


def _kind_named(gathering: re.Match[str]) -> str:
    return gathering.group("kind") or gathering.group("kind_at") or gathering.group("kind_en")


def _session_told_after(
    reading: Reading, facts: SentenceFacts, event: SigningEvent, status: str
) -> tuple[str, float] | None:
    """The time of the gathering a document to come is prepared for, when the sentence names that
    gathering by its kind alone, the event it stands for has no date of its own, and a later
    sentence announces a gathering of that kind with one."""
    gathering = _FOR_A_GATHERING.search(facts.sentence.text)
    if status != "proposed" or event.stated_date or gathering is None:
        return None
    later = _gathering_told_after(reading, facts, _kind_named(gathering))
    dated = event_date(reading, later, True, windows=True) if later is not None else None
    return dated if dated is not None and dated[1] == 0 else None


def _gathering_told_after(reading: Reading, facts: SentenceFacts, named: str) -> SentenceFacts | None:
    """The first sentence after this one that announces a gathering of the kind named (a visit, or
    a session or meeting)."""
    visit = re.match(r"visit|визит", named, re.IGNORECASE) is not None
    for later in reading.facts[facts.sentence.index + 1 :]:
        tokens = later.sentence.tokens
        kinds = {m.value for m in reading.cues("EVENT_TRIGGERS", tokens)}
        if (kinds & _VISITS if visit else kinds - _VISITS - {"trip"}) and (
            reading.cues("PLANNED", tokens) or reading.future_tense(tokens)
        ):
            return later
    return None


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
            # the next sentence tells the signing alone: its date, however far after the verb
            reach = 40 if other is sentence else len(other.text)
            after = [d for d in dates if 0 <= d.start - (other.start + signed.end()) <= reach]
            if after:
                return after[0].value
    return None


def _own_signing_date(reading: Reading, facts: SentenceFacts, event: SigningEvent) -> str | None:
    """The date told right after "signed" in the sentence itself, when it is not the event's time:
    the document was signed apart from the gathering the sentence also tells."""
    sentence = facts.sentence
    default_year = reading.published.year if reading.published else None
    for signed in _SIGNED_DONE.finditer(sentence.text):
        dates = find_dates(
            sentence.text, sentence.start, default_year, reading.published, reference=reading.reference
        )
        after = [d for d in dates if 0 <= d.start - (sentence.start + signed.end()) <= 30]
        if after and not overlap(after[0].value, event.body["date"]):
            return after[0].value
    return None


_TALKS_WORDS = re.compile(
    r"\b(?:talks|consultations|met|received|переговор\w*|консультаци\w*|встреч\w*|принял\w*|встретил\w*)\b",
    re.IGNORECASE,
)


def _day_of_the_talks(reading: Reading, facts: SentenceFacts, event: SigningEvent) -> str | None:
    """A signing "following the talks" inside a visit's span is of the talks' day, when the event's
    sentence or one after it in its paragraph tells that day ("on Wednesday held talks", "Во вторник
    состоялись переговоры", "Сегодня прошли переговоры"); "at the end of" a gathering of several days
    that is itself the meeting (a commission's session), of its last day."""
    told = _AFTER_TALKS.search(facts.sentence.text)
    when = str(event.body["date"])
    if told is None or not re.fullmatch(r"\d{4}-\d{2}-\d{2}/\d{4}-\d{2}-\d{2}", when):
        return None
    first, last = when.split("/")
    default_year = reading.published.year if reading.published else None
    between = [
        s
        for s in reading.document.sentences
        if event.sentence.index <= s.index < facts.sentence.index
        and s.paragraph <= event.sentence.paragraph + 1
    ]
    for sentence in between:
        talks = [sentence.start + m.start() for m in _TALKS_WORDS.finditer(sentence.text)]
        days = [
            found
            for found in find_dates(
                sentence.text, sentence.start, default_year, reading.published, reference=reading.reference
            )
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}", found.value) and first <= found.value <= last
        ]
        if talks and days:
            # the day told nearest the talks ("прибывший накануне, в среду провёл переговоры")
            return min(days, key=lambda d: min(abs(d.start - at) for at in talks)).value
    if (
        any(told.group(g) for g in ("end", "end_ru", "ended", "ended_ru"))
        and event.body.get("type") not in _VISITS
    ):
        return last
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


_MORE_THAN = re.compile(r"(?:.*\s)?(?:более\s+чем|более|свыше|больше|more\s+than|over)")
_VERB_OF_SIGNING = re.compile(r"подписа\w*|заключ\w*|signed|inked|concluded", re.IGNORECASE)


def _modifier(text: str) -> bool:
    """A word that describes a document ("межведомственных", "interagency")."""
    if re.fullmatch(r"[а-яё-]+", text, re.IGNORECASE):
        return bool({"ADJF", "PRTF"} & set(_analyzer().parse(text)[0].tag.grammemes))
    # English: a lowercase word of no number, not a plural noun (a list item of its own)
    return re.fullmatch(r"[a-z-]{4,}(?<!s)", text) is not None and text not in vocab.NUMBER_WORDS


def _modifiers_start(tokens: Sequence[Token], at: int) -> int:
    """Where a list of modifiers joined by commas before the noun at `at` begins ("из 16
    межгосударственных, межправительственных и межведомственных документов"); `at` when there is none."""
    start, i, listed = at, at - 1, False
    while i >= 0 and _modifier(tokens[i].text):
        start = i
        joined = i > 0 and tokens[i - 1].text.lower() in {",", "и", "and", "or"}
        if not joined or i < 2 or not _modifier(tokens[i - 2].text):
            break
        listed = listed or tokens[i - 1].text == ","
        i -= 2
    return start if listed else at


def _count_before(tokens: Sequence[Token], at: int) -> int | None:
    top = _modifiers_start(tokens, at)
    start = max(0, top - 5)
    for i in range(top - 1, start - 1, -1):
        text = tokens[i].text.lower()
        if not re.match(r"\w", text):
            return None  # "подписание накануне, 10 сентября, соглашения": a day, not a count
        if _VERB_OF_SIGNING.fullmatch(text):
            return None  # "министерства двух стран подписали меморандум": the parties' count
        if _MORE_THAN.fullmatch(" ".join(t.text.lower() for t in tokens[max(0, i - 2) : i])):
            return None  # "более чем десяти документов", "more than ten documents": no count told
        if i > 1 and tokens[i - 1].text.lower() in {"or", "или"} and _number(tokens[i - 2].text.lower()):
            return None  # "three or four memoranda", "пять или шесть документов": no count told
        if re.fullmatch(r"\d{1,4}", text):
            after = tokens[i + 1].text if i + 1 < at else ""
            if int(text) >= 1900 or _NO_COUNT_AFTER.match(after):
                return None  # a year, a day or a length, not a count
            return int(text)
        tens, _, units = text.partition("-")
        if tens in {"twenty", "thirty"} and (units == "one" or units in vocab.NUMBER_WORDS):
            return {"twenty": 20, "thirty": 30}[tens] + vocab.NUMBER_WORDS.get(units, 1)  # "twenty-one"
        word = text if text in vocab.NUMBER_WORDS else None
        if word is None and re.fullmatch(r"[а-яё]+", text):
            word = _analyzer().parse(text)[0].normal_form
        if word in vocab.NUMBER_WORDS:
            if i + 1 < at and _NO_COUNT_AFTER.match(tokens[i + 1].text):
                return None  # "the two countries and a joint declaration"
            count = vocab.NUMBER_WORDS[word]
            tens = tokens[i - 1].text.lower() if i > 0 and count < 10 else ""
            # "двадцать три документа", "twenty-three": the tens before the units
            return count + (vocab.NUMBER_WORDS.get(tens, 0) if tens in {"двадцать", "twenty"} else 0)
    return None


def _set_titles(body: dict[str, Any], prefix_en: str, prefix_ru: str) -> None:
    """ "3 memoranda on energy and transport", or "… between Kazakhstan and Uzbekistan" when no field
    is told."""
    sectors = body["sectors"]
    if sectors == ["other"]:
        parties_en = " and ".join(country_names()[c].en for c in sorted(body["countries"]))
        parties_ru = " и ".join(country_names()[c].ru for c in sorted(body["countries"]))
        body["title_en"] = f"{prefix_en} between {parties_en}"
        body["title_ru"] = f"{prefix_ru}: {parties_ru}"
    else:
        body["title_en"] = f"{prefix_en} on {_join([vocab.SECTOR_LABELS[s][0] for s in sectors], 'and')}"
        body["title_ru"] = f"{prefix_ru} в сфере {_join([vocab.SECTOR_LABELS[s][1] for s in sectors], 'и')}"


# A count told after the documents: "— всего восемь документов", "three documents in all".
_TOTAL = re.compile(
    r"\bвсего\s+(?P<n>\w+)\s+документ|\b(?P<n2>\w+)\s+documents\s+in\s+(?:all|total)\b", re.IGNORECASE
)


def _number(word: str | None) -> int | None:
    if not word:
        return None
    if word.isdigit():
        return int(word)
    russian = re.match(r"[а-яё]", word, re.IGNORECASE) is not None
    return vocab.NUMBER_WORDS.get(_analyzer().parse(word.lower())[0].normal_form if russian else word.lower())


# What makes a document the object of another's words: "amending their … treaty", "a protocol to the
# agreement", "изменений в соглашение", "грамотами к договору".
_GOVERNING = re.compile(r"^(?:amending|amend|to|к|ко|в|во)$", re.IGNORECASE)
# "on the mutual recognition of educational documents", "о признании документов об образовании":
# the documents recognised are the agreement's subject, not more documents signed
_RECOGNISED = re.compile(r"(?:^|\s)(?:recognition\s+of|признани[еяию])$", re.IGNORECASE)


def _governed(tokens: Sequence[Token], kind: Any, language: str) -> bool:
    start = own_words_start(tokens, kind.first, language)
    # "amending the 2010 agreement": the year the document is known by is no word of its own
    while start > 0 and (
        tokens[start - 1].text.lower() in {"the", "their", "its", "this", "that"}
        or re.fullmatch(r"(?:19|20)\d\d", tokens[start - 1].text)
    ):
        start -= 1
    before = " ".join(t.text for t in tokens[max(0, start - 2) : start])
    return start > 0 and (
        _GOVERNING.match(tokens[start - 1].text) is not None or _RECOGNISED.search(before) is not None
    )


def _dateline(reading: Reading, facts: SentenceFacts) -> tuple[int, int] | None:
    """The dateline's date, when the sentence holds it: the day of the report, not of the signing
    the sentence tells ("ACCRA, Oct 28 - … signed four agreements … on Tuesday")."""
    span = dateline_span(reading.document.text) if reading.dateline else None
    sentence = facts.sentence
    return span if span and sentence.start <= span[0] < sentence.end else None


def _join(items: list[str], conjunction: str) -> str:
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"
