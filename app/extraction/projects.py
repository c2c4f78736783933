"""Infrastructure projects: those our lexicon or the caller knows by name (Срединный коридор, BTC),
and ports, pipelines, railways named by a head word and a proper name ("порты Актау, Курык и Алят")."""

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise
from typing import Any

from app.extraction.analysis import Reading, Ref, SentenceFacts
from app.extraction.countries import country_names
from app.extraction.entities import Registry, record_id
from app.extraction.facilities import placed_facilities
from app.extraction.lexicon import vocabulary as vocab
from app.extraction.lexicon.reference import PLACES, ProjectEntry
from app.extraction.matching import Mention, PhraseMatcher
from app.extraction.morphology import _analyzer
from app.extraction.other_language import (
    facility_in_other_language,
    known_place_of_adjective,
    name_pair,
    place_adjective_in_english,
)
from app.extraction.recall_projects import ProjectDetector, _nominative_phrase, learned_head, sentence_cues
from app.extraction.text import Sentence, Token

_PLACES = {place.id: place for place in PLACES}
_GAS = re.compile(r"\bгаз\w*|\bgas\b", re.IGNORECASE)
_ELECTRIC = re.compile(r"(?i)electric|power|энерг|электр")
_DEFAULT_STATUS = {"transport_corridor": "under_development", "digital_system": "under_development"}
# Words that tell a status only when no other word does: a route's "via", an intent to build
# ("in talks to build a dry port …; a feasibility study is under way" is the study's stage).
_WEAK_CUES = {
    *("через", "through", "via", "прокачка", "pumped", "work on", "works on", "under way"),
    *("to build", "to lay", "построить", "проложить"),
}


# A gerund tells the state of what follows it: "the construction of the railway and in upgrading
# the airports" does not upgrade the railway.
_OF_WHAT_FOLLOWS = frozenset({"upgrading", "use of"})
# What a route's use says gives way to the state told right after its name: "use of the X
# railway, now under construction" is of a railway still being built.
_USE_WORDS = frozenset({"use of", "перевозка по", "транзит по", "загрузка"})
_NOW_AFTER = re.compile(r"[^,;]*,\s*(?:now|still|currently|сейчас|пока)\s+$", re.IGNORECASE)


@dataclass
class _Found:
    body: dict[str, Any]
    sentences: list[Sentence] = field(default_factory=list)
    anchors: list[int] = field(default_factory=list)  # where each sentence names it
    place_ids: list[str] = field(default_factory=list)  # lexicon place ids
    new_places: list[tuple[str, str | None]] = field(default_factory=list)  # names not in any lexicon
    known_id: str | None = None
    confidence: float = 0.8
    unstated: str | None = None  # its status when no word tells it, if not its kind's default
    described: bool = False  # named only by what it is and where it stands
    told_after: dict[int, Sentence] = field(
        default_factory=dict
    )  # a sentence told again in → the one naming it


def propose_projects(
    reading: Reading, registry: Registry, detector: ProjectDetector | None = None
) -> dict[str, str | None]:
    """Proposes the projects the text names; returns project id → proposal key (None when known).
    With a `detector`, a sentence that names none the rules know may name one it finds
    (app.extraction.recall_projects)."""
    found: dict[str, _Found] = {}
    at_facility: dict[str, int] = {}  # a port's mentions as the place of a terminal in it
    previous: list[_Found] = []  # the projects the sentence before names
    last: Sentence | None = None
    for facts in reading.facts:
        named_before, previous = previous, []
        sentence_before, last = last, facts.sentence
        for mention in facts.projects:
            ref = mention.value
            if ref.known:
                found.setdefault(ref.id, _Found({"id": ref.id}, known_id=ref.id)).sentences.append(
                    facts.sentence
                )
                continue
            road = _road_of_corridor(reading, facts, mention)
            item = (
                found.setdefault(road.body["id"], road)
                if road
                else found.setdefault(ref.id, _from_entry(ref.entry, reading, facts))
            )
            item.sentences.append(facts.sentence)
            item.anchors.append(mention.start)
            previous.append(item)
        headed = _headed(reading, facts)
        headed += _called(reading, facts, {anchor for _, anchor in headed})
        headed = _with_placed(reading, facts, headed)
        if not facts.projects and not headed:
            again = _told_again(reading.language, facts.sentence, named_before, sentence_before)
            if again is not None:
                again[0].sentences.append(facts.sentence)
                again[0].anchors.append(again[1])
                again[0].told_after[facts.sentence.index] = again[2]
                continue
        if detector is not None and not facts.projects and not headed:
            headed = _learned(reading, facts, detector)
        for item, anchor in headed:
            existing = found.setdefault(item.body["id"], item)
            existing.sentences.append(facts.sentence)
            existing.anchors.append(anchor)
            previous.append(existing)
            if item.place_ids and _port_of_facility(reading.language, facts.sentence.tokens, anchor):
                at_facility[item.body["id"]] = at_facility.get(item.body["id"], 0) + 1
    keys: dict[str, str | None] = {}
    for project_id, item in found.items():
        if item.known_id:
            keys[project_id] = None
            continue
        if at_facility.get(project_id) == len(item.anchors) and _told_at_port(item, found.values()):
            # "a grain terminal at the port of Aktau … The terminal at the port of Aktau will handle":
            # the port is where the terminal told before stands, not a project of its own
            continue
        status, sentence, cued = _status(reading, item)
        if sentence.index in item.told_after:
            # quoted from the sentence that names it, so a reader sees what "the section" is part of
            named = item.told_after[sentence.index]
            sentence = Sentence(
                named.index,
                named.paragraph,
                named.start,
                sentence.end,
                reading.document.text[named.start : sentence.end],
            )
        if item.described and not cued and not any(_tells_ahead(s) for s in item.sentences):
            # "Delegates toured a textile factory in Tashkent": a facility merely mentioned, with no
            # word of its building, running or being planned, is no project of the pair
            continue
        body = {**item.body, "status": status}
        requires = []
        places = []
        for place_id in item.place_ids:
            place_ref, key = registry.place_by_id(place_id, sentence)
            places.append(place_ref)
            if key:
                requires.append(key)
        for name, country in item.new_places:
            place_ref, key = registry.new_place(
                name, "port" if body["kind"] == "port" else "city", country, sentence
            )
            places.append(place_ref)
            if key:
                requires.append(key)
        body["places"] = places
        confidence = item.confidence if cued else item.confidence - 0.2
        keys[project_id] = registry.project(body, sentence, round(confidence, 2), tuple(requires))[1]
    return keys


# "The pipeline, in operation since 2018, …" right after the sentence that names one pipeline: that
# pipeline again, and what the sentence says is its state.
_TOLD_AGAIN = {
    "en": {"pipeline": "pipeline", "railway": "railway", "port": "port", "road": "road", "highway": "road"},
    "ru": {"газопровод": "pipeline", "нефтепровод": "pipeline", "трубопровод": "pipeline", "порт": "port"},
}
_POINTERS = frozenset({"the", "this", "этот", "данный"})
# "The sides discussed the TAPI gas pipeline. … construction of the Afghan section is progressing":
# a part of the one project the sentence before names.
_PARTS = frozenset({"section", "phase", "stretch", "участок"})


def _told_again(
    language: str, sentence: Sentence, named_before: list[_Found], before: Sentence | None
) -> tuple[_Found, int, Sentence] | None:
    if before is None or sentence.headline or sentence.question:
        return None
    tokens = sentence.tokens
    projects = {id(item): item for item in named_before if not item.known_id}
    part = next((t for t in tokens if t.keys & _PARTS), None)
    if part is not None and len(projects) == 1:
        return next(iter(projects.values())), part.start, before
    at = 1 if tokens and tokens[0].keys & _POINTERS else 0
    if at >= len(tokens) or (language == "en" and at == 0):
        return None
    kind = next((k for word, k in _TOLD_AGAIN[language].items() if word in tokens[at].keys), None)
    same = [item for item in projects.values() if item.body.get("kind") == kind]
    if kind is None or len(same) != 1:
        return None
    return same[0], tokens[at].start, before


# A road's head word next to a corridor's name: "автодорога «Север — Юг»", "the North–South
# road" is Armenia's road of that name, not the corridor our lexicon knows by it.
_ROAD_HEADS = frozenset({"автодорога", "шоссе", "трасса", "road", "highway"})


def _road_of_corridor(reading: Reading, facts: SentenceFacts, mention: Mention[Ref]) -> _Found | None:
    if mention.value.entry is None or mention.value.entry.kind != "transport_corridor":
        return None
    tokens = facts.sentence.tokens
    before = mention.first - 1 - (mention.first > 0 and tokens[mention.first - 1].text in _QUOTES)
    after = mention.last
    if reading.language == "ru":
        head = before >= 0 and bool(tokens[before].keys & _ROAD_HEADS)
    else:
        head = after < len(tokens) and tokens[after].text.lower() in _ROAD_HEADS
    if not head:
        return None
    name = facts.sentence.text[mention.start - facts.sentence.start : mention.end - facts.sentence.start]
    return _named(reading, facts, "road", name, name, quoted=name.strip('«»"“”'))


# A facility a port holds, whose name a port may stand in as its place: "the terminal at the port of
# Aktau", "the Alat port container terminal", "терминал в порту Актау" (Russian as lemmas).
_IN_PORT = {"en": frozenset({"terminal", "berth", "hub"}), "ru": frozenset({"терминал", "причал", "хаб"})}


def _port_of_facility(language: str, tokens: list[Token], anchor: int) -> bool:
    """Whether the port named at `anchor` stands as the place of a terminal, berth or hub beside it."""
    at = next((i for i, token in enumerate(tokens) if token.start == anchor), None)
    if at is None:
        return False
    heads = _IN_PORT[language]
    if language == "ru":
        before = [_analyzer().parse(t.text)[0].normal_form for t in tokens[max(0, at - 2) : at]]
        return len(before) == 2 and before[1] in {"в", "во"} and before[0] in heads
    before = [t.text.lower() for t in tokens[max(0, at - 3) : at] if t.text.lower() != "the"]
    if len(before) >= 2 and before[-1] in {"at", "of", "in"} and before[-2] in heads:
        return True  # "the terminal at the port of Aktau"
    # "the Alat port container terminal": the port's name, the port, what the terminal handles, the terminal
    for token in tokens[at + 1 : at + 5]:
        if token.text.lower() in heads:
            return True
        if token.capitalized or not token.text.isalpha() or token.text.lower() == "of":
            return False
    return False


def _told_at_port(port: _Found, items: Iterable[_Found]) -> bool:
    """Whether a facility the text describes stands in this port ("Grain terminal at the port of Aktau")."""
    names = [
        (_PLACES[place_id].name_en, _PLACES[place_id].name_ru)
        for place_id in port.place_ids
        if place_id in _PLACES
    ]
    return any(
        item.described and any(en in item.body["name_en"] or ru in item.body["name_ru"] for en, ru in names)
        for item in items
    )


def _with_placed(
    reading: Reading, facts: SentenceFacts, headed: list[tuple[_Found, int]]
) -> list[tuple[_Found, int]]:
    """The facilities the sentence names by their place (app.extraction.facilities) beside those
    found by name; a port named inside such a facility's place ("хаб в порту Актау") is the
    facility's, not a project of its own."""
    tokens = facts.sentence.tokens
    anchors = {anchor for _, anchor in headed}
    taken = {i for m in facts.projects for i in range(m.first, m.last)}
    countries = {i for m in facts.countries if not m.value.capital for i in range(m.first, m.last)}
    placed = [
        facility
        for facility in placed_facilities(reading.language, tokens, taken, countries)
        # "ветровой электростанции «Караузяк»": a head the rules have named already (not a port
        # named in the place before it: "В порту Алят продолжается строительство хаба")
        if not any(tokens[i].start in anchors for i in facility.described)
    ]
    places = [(tokens[f.place[0]].start, tokens[f.place[-1]].end) for f in placed if f.place]
    kept = [(item, anchor) for item, anchor in headed if not any(a <= anchor < b for a, b in places)]
    found = []
    for facility in placed:
        other = facility_in_other_language(facility.name, reading.language)
        name_en, name_ru = (other, facility.name) if reading.language == "ru" else (facility.name, other)
        item = _named(reading, facts, facility.kind, name_en, name_ru, quoted=None)
        # Told by its description, not a name it already bears: mostly a facility still to be built.
        item.unstated = "planned"
        item.described = True
        found.append((item, tokens[facility.head].start))
    return kept + found


def _learned(reading: Reading, facts: SentenceFacts, detector: ProjectDetector) -> list[tuple[_Found, int]]:
    sentence = facts.sentence
    if sentence.headline or sentence.question:
        return []
    found = learned_head(reading, facts, detector, sentence_cues(reading, facts))
    if found is None:
        return []
    at, kind, name = found
    # The name as the text writes it, given in the other script too (as a quoted name is).
    return [(_named(reading, facts, kind, name, name, quoted=name), sentence.tokens[at].start)]


def _from_entry(entry: ProjectEntry, reading: Reading, facts: SentenceFacts) -> _Found:
    """A project our lexicon knows. A corridor is a web of routes with no fixed list of countries:
    a story's corridor is its pair's, with the countries its sentence names on the way ("the Middle
    Corridor through Kazakhstan and Azerbaijan" in a Uzbek–Turkish story), as a line named by its
    ends is; a pipeline or a railway keeps the countries it runs through."""
    countries = (
        _countries(reading, facts, entry.kind)
        if entry.kind == "transport_corridor"
        else list(entry.countries)
    )
    body = {
        "id": entry.id,
        "name_en": entry.name_en,
        "name_ru": entry.name_ru,
        "kind": entry.kind,
        "countries": countries,
    }
    # A transport corridor our lexicon knows by name carries traffic already, unless a word says
    # otherwise (a corridor the text names first is mostly one still being developed).
    unstated = "operating" if entry.kind == "transport_corridor" else None
    return _Found(body, place_ids=list(entry.places), confidence=0.8, unstated=unstated)


def _status(reading: Reading, item: _Found) -> tuple[str, Sentence, bool]:
    """The status word nearest to where a sentence names the project ("the Rasht-Astara railway is
    still at the design stage", not the "construction" of another line in the same sentence)."""
    weak: tuple[str, Sentence] | None = None
    pending = list(zip(item.sentences, item.anchors, strict=True))
    deferred: set[int] = set()
    told = 0
    while told < len(pending):
        sentence, anchor = pending[told]
        told += 1
        # "the corridor, which is still being developed, and the Chabahar port": another's own clause
        others = [
            (m.start() + sentence.start, m.end() + sentence.start)
            for m in _OWN_CLAUSE.finditer(sentence.text)
            if m.end() + sentence.start <= anchor
        ]
        cues = [
            c
            for c in _status_matcher(reading.language).find(sentence.tokens)
            if not _built_already(sentence, c)
            and not _word_of_a_name(sentence.tokens, c.first)
            and not _of_an_institution(sentence.tokens, c)
            and not (
                sentence is not item.sentences[0] and _ONCE.search(sentence.text[: c.start - sentence.start])
            )
            and not any(start <= c.start < end for start, end in others)
        ]
        strong = [
            cue
            for cue in cues
            if cue.value[0] not in _WEAK_CUES
            and not (cue.value[0] in _OF_WHAT_FOLLOWS and cue.start > anchor)
        ]
        its_cues = [c for c in cues if not (c.value[0] in _OF_WHAT_FOLLOWS and c.start > anchor)]
        if not strong and its_cues:
            weak = weak or (its_cues[0].value[1], sentence)
        if strong:
            cue = min(strong, key=lambda c: abs(c.start - anchor))
            if cue.value[0] in _USE_WORDS:
                told_now = [
                    c
                    for c in strong
                    if c.start > anchor
                    and _NOW_AFTER.match(sentence.text[anchor - sentence.start : c.start - sentence.start])
                ]
                cue = told_now[0] if told_now else cue
            if (
                told < len(pending)
                and told not in deferred
                and _FINANCED.search(sentence.text[: cue.start - sentence.start])
            ):
                # "a loan agreement … for the reconstruction of the road": the works a document pays
                # for; a later sentence on the works themselves tells their state first
                pending.append((sentence, anchor))
                deferred.add(len(pending))
                continue
            halted = [c for c in strong if c.value[1] == "suspended" and c.start > anchor]
            if cue.value[0] in _ATTRIBUTIVE_PLANS and halted:
                cue = halted[0]  # "A proposed pipeline from Mombasa to Kisumu … has been suspended"
            own = _OWN_CLAUSE.search(sentence.text, anchor - sentence.start) or _WHOSE_WORKS.search(
                sentence.text, anchor - sentence.start
            )
            if own is not None and own.start() < anchor - sentence.start + 80 and cue.start < anchor:
                # "развитие поезда Минск — Сиань, который курсирует с 2024 года", "создание центра,
                # проектирование которого ведётся": what its own clause says it is doing now, not the
                # subject of the talks before its name
                running = [
                    c
                    for c in strong
                    if own.start() <= c.start - sentence.start < own.end() and c.value[1] in _GOING_ON
                ]
                cue = running[0] if running else cue
            status = _begun(sentence, cue.first, cue.value[1])
            if status == "under_construction" and (
                any(
                    c.value[1] == "planned"
                    and 0 < c.first - cue.first <= 5
                    and not any(d.value[1] == "completed" and 0 < d.first - c.first <= 2 for d in strong)
                    and not _OPENS_THEN.match(sentence.text, c.end - sentence.start)
                    for c in strong
                )
                or _STARTS_LATER.search(_clause_of(sentence, cue.start))
            ):
                status = "planned"  # "строительство которой планируется начать", "construction will start"
            if status == "operating" and _PLANS_TO.search(sentence.text[: cue.start - sentence.start]):
                status = "planned"  # "which a consortium plans to launch", "планирует запустить"
            if status == "operating" and _opening_ahead(sentence, cue.first):
                # "обсуждалось открытие паромной линии …", "to be launched next year"; but "строится
                # мост …, его откроют в будущем году": the works go on until then
                building = any(c.value[1] == "under_construction" for c in strong)
                status = "under_construction" if building else "planned"
            if status == "operating" and _commissioning_ahead(sentence, cue.first):
                status = "under_construction"  # "commissioning is expected next year": works go on
            if status in {"under_construction", "expanding"} and _DESIGNING.search(
                sentence.text[: cue.start - sentence.start]
            ):
                status = "under_development"  # "is designing the modernisation": the works' design
            if status == "under_construction" and _AGREED_ON.search(
                sentence.text[: cue.start - sentence.start]
            ):
                status = "planned"  # "договорились о строительстве …", "the project to build …"
            if status in {"under_construction", "expanding"} and (
                _only_intended(sentence, cue.first) or _UNDECIDED.search(sentence.text)
            ):
                status = "planned"  # "возможность строительства", "решение о строительстве не принято"
            if status == "operating" and _DUE_TO_BEGIN.search(sentence.text[: cue.start - sentence.start]):
                status = "under_construction"  # "is due to begin operating": works go on, as "due to open"
            # "Реконструкция линии … завершена в марте", "завершила строительство", "Строительство
            # газопровода … приостановлено": the works' end or halt, told after or right before them
            ending = next(
                (
                    c
                    for c in strong
                    if c.value[1] in {"completed", "suspended"}
                    and -2 <= c.first - cue.first <= 12
                    and c is not cue
                ),
                None,
            )
            if status in {"under_construction", "expanding"} and ending is not None:
                status, cue = ending.value[1], ending
            if status in {"completed", "operating"} and (
                _TO_BE_DONE.search(sentence.text[: cue.start - sentence.start])
                or _future(sentence.tokens[cue.first])
            ):
                # "due to be completed next year", "планируется завершить", "его введут в строй":
                # works go on until then
                status = "under_construction"
            return status, sentence, True
    for sentence, anchor in zip(item.sentences, item.anchors, strict=True):
        after = sentence.text[anchor - sentence.start :]
        if (
            _NOT_YET_BUILT.search(sentence.text)
            or _STARTS_LATER.search(sentence.text)
            or _WOULD_OWN.match(after)
        ):
            # "…if the railway is built", "talks on the pipeline continue", "will start sailing": no
            # works, no traffic yet, whatever a route's "via" or the default says.
            return "planned", sentence, True
    if weak:
        return weak[0], weak[1], True
    return item.unstated or _DEFAULT_STATUS.get(item.body["kind"], "operating"), item.sentences[0], False


# "The sides discussed the X road. Once completed, the road is expected to carry …": a condition on
# a project told before, which tells its state where it names it, not in what it is to carry.
_ONCE = re.compile(r"\bonce\s+(?:it\s+is\s+|they\s+are\s+)?$", re.IGNORECASE)


def _word_of_a_name(tokens: list[Token], at: int) -> bool:
    """ "the Development Road Project": a status word capitalised after a word is a word of a name,
    telling nothing of the state of works."""
    return at > 0 and tokens[at].text[:1].isupper() and tokens[at - 1].text[:1].isalpha()


# Lenders and agencies named for development: "агентство развития", "a development bank".
_INSTITUTIONS = frozenset(
    {"агентство", "банк", "фонд", "институт", "корпорация"}
    | {"agency", "bank", "fund", "institution", "corporation", "finance", "assistance"}
)


def _of_an_institution(tokens: list[Token], cue: Mention[tuple[str, str]]) -> bool:
    """ "при финансировании Французского агентства развития", "co-financed by a Saudi development
    institution": "development" names who pays, not the state of the works."""
    if cue.value[0] not in {"развитие", "development"}:
        return False
    near = tokens[max(0, cue.first - 2) : cue.first] + tokens[cue.last : cue.last + 1]
    return any(token.keys & _INSTITUTIONS for token in near)


_FINANCED = re.compile(
    r"\b(?:loan|credit|grant|financing|funding)\b[^,;]{0,120}\bfor\s+(?:the\s+)?$"
    r"|\b(?:кредит\w*|заём\w*|займ\w*|грант\w*|финансировани\w*)\b[^,;]{0,120}\bна\s+$",
    re.IGNORECASE,
)


# Words before a name that tell what it was meant to be, not what has become of it.
_ATTRIBUTIVE_PLANS = frozenset({"proposed", "planned", "планируемый", "предлагаемый"})
_OWN_CLAUSE = re.compile(r",\s*(?:который|которая|которое|которые|which)\b[^,;]*", re.IGNORECASE)
# What a project's own clause can say it is doing now.
_GOING_ON = frozenset({"operating", "expanding", "under_development"})
# Its works told in a clause of their own: ", проектирование которого идёт с осени".
_WHOSE_WORKS = re.compile(r",\s*\w+\s+(?:которого|которой|которых)\b[^,;]*", re.IGNORECASE)
_NOT_YET_BUILT = re.compile(
    r"\bесли\s+(?:будет|будут)\s+(?:построен|проложен|введ[её]н)\w*|\bпереговоры\s+(?:по|о)\b"
    r"|\bне\s+(?:подписан|согласован|решён|решен)\w*|\bif\s+(?:it\s+|they\s+)?(?:is|are|gets?)\s+built\b"
    r"|\bwould\s+(?:cut|halve|shorten|reduce|link|connect|open|allow|give)\b|\b(?:talks|negotiations)\s+on\b"
    r"|\bконсультаци\w*\s+(?:по|о)\b|\bучасти\w*\s+в\s+проект\w*"
    r"|\bno\s+(?:agreement|contract|deal)\s+has\s+(?:yet\s+)?been\s+signed\b"
    r"|\bstill\s+(?:not|un)\s*(?:settled|agreed|signed|financed)\b"
    r"|\b(?:still\s+)?lacks?\s+(?:a\s+)?(?:builder|contractor|financing|funding)\b"
    r"|\bprovisionally\s+(?:called|named|dubbed)\b|\b(?:is|are)\s+(?:also\s+|now\s+)?studying\b",
    re.IGNORECASE,
)


# What the project's own clause says it would do, or that it is still to be built: "the
# Trans-Caspian pipeline, which would carry …", "the light rail line, to be built with a loan".
_WOULD_OWN = re.compile(
    r"[^,.;]*,\s*(?:(?:which|that)\s+would\s+\w|to\s+be\s+(?:built|laid)\b)", re.IGNORECASE
)


_OPENING_WORDS = frozenset({"запуск", "открытие", "launch", "launched", "opening"})
# A first run still ahead, or the opening only talked about: "первый рейс … ожидается в сентябре",
# "открытие которой … рассматривают на 2026 год", "обсуждалось открытие", "to be launched next year".
_AHEAD = re.compile(
    r"\b(?:ожида\w+|запланирован\w*|планиру\w+|намечен\w*|рассматрива\w+|обсужд\w+|обсудил\w*"
    r"|состоится|будет|будут|договорил\w+|to\s+be\s+launched|will\s+(?:be\s+)?(?:launch|open|start)\w*"
    r"|is\s+(?:expected|due|scheduled)|discuss\w*|next\s+year)",
    re.IGNORECASE,
)


_LAUNCH_VERBS = frozenset({"запустить", "открыть", "launch", "open"})
_TO_BE = re.compile(r"\b(?:будет|будут|will\s+be|to\s+be)\s+$", re.IGNORECASE)


def _opening_ahead(sentence: Sentence, first: int) -> bool:
    """Whether an opening word ("запуск", "launch") tells an opening still to come: in a sentence
    that tells it ahead, or as a verb in the future ("будет запущена", "запустят")."""
    token = sentence.tokens[first]
    word = token.text.lower()
    if word in _OPENING_WORDS and _AHEAD.search(sentence.text) is not None:
        return True
    if not (token.keys & _LAUNCH_VERBS):
        return False
    return _future(token) or _TO_BE.search(sentence.text[: token.start - sentence.start]) is not None


_COMMISSIONING_WORDS = frozenset({"commissioning", "ввод"})


def _commissioning_ahead(sentence: Sentence, first: int) -> bool:
    """ "Commissioning … is expected next year", "Ввод в эксплуатацию … запланирован на 2027 год"."""
    token = sentence.tokens[first]
    return bool(token.keys & _COMMISSIONING_WORDS) and _AHEAD.search(sentence.text) is not None


def _future(token: Token) -> bool:
    """A Russian verb in the future ("введут", "запустят")."""
    return "futr" in _analyzer().parse(token.text)[0].tag


# Verbs of building that, in the past, tell something built, not planned ("построена в 2019 году").
_BUILD_VERBS = frozenset({"построить", "проложить", "создать"})


def _built_already(sentence: Sentence, cue: Mention[tuple[str, str]]) -> bool:
    token = sentence.tokens[cue.first]
    if not (cue.value[1] == "planned" and token.keys & _BUILD_VERBS):
        return False
    tag = _analyzer().parse(token.text)[0].tag
    return "past" in tag or tag.POS == "PRTS"


# Construction agreed on is still to come: "договорились о строительстве", "agreed on the
# construction of", "проект строительства" (construction discussed may be going on already).
_AGREED_ON = re.compile(
    r"(?:\bдоговорил\w*\s+о|\bagreed\s+on(?:\s+the)?|\bпроект\w*|\b(?:соглашени|меморандум)\w*\s+о"
    r"|\b(?:agreement|memorandum)\s+on(?:\s+the)?)\s+$",
    re.IGNORECASE,
)

# Words that make the works they govern an intent, not works going on: "возможность строительства",
# "идея прокладки", "готовность участвовать в строительстве", "объявила о строительстве", "the
# possibility of building"; the verbs of study only as an infinitive or gerund ("рассмотреть
# строительство", "to explore the modernisation"), since "рассмотрели ход строительства" reviews works
# going on.
_INTENT_LEMMAS = frozenset(
    {"возможность", "идея", "готовность", "заинтересованность", "намерение", "объявить"}
    | {"possibility", "idea", "readiness", "intention"}
)
_INTENT_FORMS = frozenset(
    {"рассмотреть", "изучить", "проработать", "explore", "consider", "study", "exploring", "studying"}
)


def _only_intended(sentence: Sentence, first: int) -> bool:
    """Whether a word of intent governs the works word at `first`, in its clause a few words before it."""
    for token in reversed(sentence.tokens[max(0, first - 6) : first]):
        if not token.text[:1].isalnum():
            return False
        if token.keys & _INTENT_LEMMAS or token.text.lower() in _INTENT_FORMS:
            return True
    return False


# A start not decided, or not made yet ("решение о строительстве не принято", "still has no
# construction date", "whose construction has yet to begin", "строительство ещё не началось").
_UNDECIDED = re.compile(
    r"\bрешени\w*\s+о\s+(?:строительств|создани|прокладк)\w*[^.;]*?\bне\s+принят"
    r"|\bno\s+(?:construction\s+date|decision\s+on\s+(?:its\s+)?construction)\s+has\s+(?:yet\s+)?been\s+"
    r"(?:set|announced|taken|made)"
    r"|\b(?:has|have)\s+no\s+construction\s+date"
    r"|\bconstruction\s+(?:has|have)\s+(?:yet\s+to\s+|not\s+(?:yet\s+)?)(?:begin|begun|start|started)\b"
    r"|\bстроительств\w*[^.;]{0,60}?\b(?:ещё|пока)\s+не\s+(?:начал\w*|начат\w*|стартовал\w*)",
    re.IGNORECASE,
)


_TO_BE_DONE = re.compile(
    r"(?:\b(?:due|expected|scheduled|set|is|are|to|will|should|must)\s+(?:to\s+)?be\s+|\bonce\s+"
    r"|\b(?:планируется|предполагается|планируют|должн\w*|будет|будут|намечено)\s+(?:быть\s+)?)$",
    re.IGNORECASE,
)
_PLANS_TO = re.compile(
    r"(?:\b(?:plans?|planned|aims?|intends?)\s+to|\b(?:is|are)\s+to"
    r"|\bпланиру\w+|\bнамерен\w*|\bнамерева\w+|\bсобира\w+|\bagreed\s+to|\bдоговорил\w+)\s+$",
    re.IGNORECASE,
)
_DESIGNING = re.compile(
    r"(?:\b(?:is|are)\s+(?:now\s+)?designing|\bdesign\s+of|\bпроектировани\w+)\s+(?:the\s+)?$", re.IGNORECASE
)
_DUE_TO_BEGIN = re.compile(r"\b(?:due|expected|scheduled|set)\s+to\s+(?:begin|start)\s+$", re.IGNORECASE)
_STILL_TO_COME = re.compile(
    r"\b(?:will|shall|to\s+be|agree[ds]?|plans?|planned|intends?|aims?|proposed|going\s+to|set\s+to|due\s+to)\b"
    r"|\b(?:будет|будут|планир\w*|намер\w*|договор\w*|предлага\w*|предполага\w*|собира\w*)",
    re.IGNORECASE,
)


def _tells_ahead(sentence: Sentence) -> bool:
    """Whether the sentence tells of something still to come: a plan, an agreement, a future tense
    ("will build", "agreed on", "будет создана", "построят")."""
    if _STILL_TO_COME.search(sentence.text) or _AHEAD.search(sentence.text):
        return True
    cyrillic = (token for token in sentence.tokens if token.text.isalpha() and not token.text.isascii())
    return any(_future(token) for token in cyrillic)


# A plan for when the works end, not for when they begin: "under construction …, scheduled to open
# in 2027", "строящийся …, планируется открыть в 2027 году" goes on being built until then.
_OPENS_THEN = re.compile(
    r"\s+(?:to\s+(?:open|be\s+(?:completed|commissioned|finished)|start\s+(?:production|operations|operating))"
    r"|for\s+(?:completion|commissioning)|(?:открыть|ввести|сдать|завершить|запустить))\b",
    re.IGNORECASE,
)
_STARTS_LATER = re.compile(
    r"\b(?:will|is\s+to|are\s+to|is\s+due\s+to)\s+(?:start|begin)\b(?!\s+(?:production|operations|operating))|\bначн[её]тся\b|\bначнут\b|\bстартует\b"
    r"|\b(?:планируется|намечено|предполагается)\s+(?:начать|приступить)\b",
    re.IGNORECASE,
)

# Where one clause ends and a contrasted one begins: "…, which is due to start next spring, while
# investors are already building a logistics centre". A semicolon goes on about the same works
# ("…реконструкцию участка дороги; работы планируется начать весной").
_CONTRAST = re.compile(r",\s*(?:while|whereas|but|тогда\s+как|а|но)\b", re.IGNORECASE)


def _clause_of(sentence: Sentence, at: int) -> str:
    """The part of the sentence around offset `at` up to the contrasts either side of it."""
    offset = at - sentence.start
    start, end = 0, len(sentence.text)
    for m in _CONTRAST.finditer(sentence.text):
        if m.end() <= offset:
            start = m.end()
        elif m.start() >= offset:
            end = m.start()
            break
    return sentence.text[start:end]


def _begun(sentence: Sentence, first: int, status: str) -> str:
    """ "Начато строительство": construction has begun; "договорились начать строительство": planned."""
    word = sentence.tokens[first].text.lower()
    if status == "planned" and word in {"начато", "начата", "начаты", "начался", "началось", "началась"}:
        return "under_construction"
    return status


@cache
def _status_matcher(language: str) -> PhraseMatcher[tuple[str, str]]:
    matcher: PhraseMatcher[tuple[str, str]] = PhraseMatcher()
    for phrase, status in vocab.PROJECT_STATUS[language]:
        matcher.add(phrase, (phrase, status), language)
    return matcher


@cache
def _head_matcher(language: str, named: bool) -> PhraseMatcher[tuple[str, str, str, str]]:
    """The head words of vocabulary.PROJECT_HEADS, or with `named` of PROJECT_NAMED_HEADS."""
    matcher: PhraseMatcher[tuple[str, str, str, str]] = PhraseMatcher()
    for head in (vocab.PROJECT_NAMED_HEADS if named else vocab.PROJECT_HEADS)[language]:
        matcher.add(head[0], head, language)
    return matcher


def _heads(language: str, tokens: list[Token]) -> list[tuple[Mention[tuple[str, str, str, str]], bool]]:
    """The head words of a sentence, and whether each names a project only when a name is given
    (vocabulary.PROJECT_NAMED_HEADS); where both tables read the same words, the first one's."""
    heads = [(m, False) for m in _head_matcher(language, False).find(tokens)]
    # "проекта подводного кабеля …": a bare "project" governs the head after it, not part of it
    taken = {i for m, _ in heads if m.value[2] != "{en} project" for i in range(m.first, m.last)}
    for mention in _head_matcher(language, True).find(tokens):
        # "the railway line between Arica and Tacna": a head right after another is part of it
        if not taken & set(range(mention.first - 1, mention.last)):
            heads.append((mention, True))
    return sorted(heads, key=lambda pair: pair[0].first)


def _described(tokens: list[Token], first: int, last: int) -> str:
    """ "регулярной контейнерной линии" → "Регулярная контейнерная линия": a named facility's head
    with the adjectives before it, in the nominative, as the text describes it."""
    start = first
    while (
        start > 0
        and not tokens[start - 1].capitalized
        and _analyzer().parse(tokens[start - 1].text)[0].tag.POS == "ADJF"
    ):
        start -= 1
    words = _nominative_phrase(tokens[start:last])
    text = " ".join(words)
    return text[:1].upper() + text[1:]


_ORDINALS = {"second", "third", "fourth", "fifth"}


def _ordinal_before(tokens: list[Token], name: int, head: int) -> int | None:
    """ "the second Ethiopia–Djibouti power interconnector": the ordinal tells it from the first."""
    at = min(name, head) - 1
    return at if at >= 0 and tokens[at].text.lower() in _ORDINALS else None


def _modifiers_start(tokens: list[Token], head: int) -> int:
    """Where the words describing a head begin: after the article or the ordinal before them."""
    start = head
    while (
        start > 0
        and re.fullmatch(r"[\w-]+", tokens[start - 1].text)
        and tokens[start - 1].text.lower() not in (_NOT_NAMES | _ORDINALS)
        and not tokens[start - 1].text.isdigit()
    ):
        start -= 1
    return start


_FACILITIES_AT = {"terminal", "berth"}
# Ports that say they are ports however little known their place ("the Anaklia deep-sea port").
_PORTS_BY_WHAT_THEY_ARE = frozenset({"{en} dry port", "{en} deep-sea port", "{en} deep-water port"})
# Words that make a terminal one for people or for border control, not a port's.
_NOT_A_PORTS = {"inspection", "customs", "passenger", "border"}
# Words that tell a facility's state or standing, not what it is: left out of the name it is given.
_NOT_WHAT_IT_IS = {"proposed", "planned", "new", "dedicated", "future", "separate", "existing"}


def _facility_at(tokens: list[Token], head: Mention[tuple[str, str, str, str]]) -> list[int] | None:
    """ "a copper terminal at Walvis Bay", "the container terminal at Sohar": the place after "at",
    when words before the head say what it handles. Not "at Onne port": annotators name those both
    ways ("Lamu port container terminal", "Grain terminal at Onne port")."""
    at = head.last
    if tokens[head.last - 1].text.lower() not in _FACILITIES_AT or at >= len(tokens):
        return None
    if tokens[at].text.lower() != "at" or head.first == _modifiers_start(tokens, head.first):
        return None
    place = [i for i in _capitalised_run(tokens, at + 1) if re.match(r"\w", tokens[i].text)]
    if not place or place[-1] + 1 != at + 1 + len(place):
        return None
    after = place[-1] + 1
    return None if after < len(tokens) and tokens[after].text.lower() == "port" else place


def _numbered(tokens: list[Token], head: Mention[tuple[str, str, str, str]]) -> int | None:
    """Where "Berth 9 at Khor Saqr" ends: a capitalised berth or terminal, its number and the place
    it stands at ("Terminal 2" alone is as often an airport's)."""
    at = head.last
    if tokens[at - 1].text.lower() not in _FACILITIES_AT or not tokens[at - 1].capitalized:
        return None
    if at + 1 >= len(tokens) or not tokens[at].text.isdigit() or tokens[at + 1].text.lower() != "at":
        return None
    place = [i for i in _capitalised_run(tokens, at + 2) if re.match(r"\w", tokens[i].text)]
    return place[-1] + 1 if place else None


def _what_it_is(tokens: list[Token], head: Mention[tuple[str, str, str, str]]) -> list[str]:
    words = tokens[_modifiers_start(tokens, head.first) : head.last]
    return [t.text for t in words if t.text.lower() not in _NOT_WHAT_IT_IS]


# "Bakhty-Tacheng", "Nariño-Imbabura": ends joined by a hyphen inside one word; not a prefix's
# compound ("Trans-Caspian") nor a pair's adjective (a country mention, left out by the caller).
_HYPHENED_ENDS = re.compile(
    r"(?!(?:Trans|Pan|Inter|Euro|Afro|Indo|Sino|Russo|Anglo|Franco|Austro|North|South|East|West|Central)-)"
    r"[A-Z][^\W\d_]{2,}(?:-[A-Z][^\W\d_]{2,})+"
)


def _of_ends(tokens: list[Token], indexes: list[int], hyphened: bool = True) -> bool:
    """ "Минск — Сиань", "Vuosaari–Muuga", "Bakhty-Tacheng": a name of two or more ends joined by
    dashes (with `hyphened`, also by a hyphen inside one word)."""
    if len(indexes) == 1:
        return hyphened and _HYPHENED_ENDS.fullmatch(tokens[indexes[0]].text) is not None
    return any(b - a > 1 and tokens[a + 1].text in {"-", "–", "—"} for a, b in pairwise(indexes))


def _headed(reading: Reading, facts: SentenceFacts) -> list[tuple[_Found, int]]:
    """ "порт Актау", "портов Актау, Курык и Алят", "port of Aktau", "Aktau port"."""
    tokens = facts.sentence.tokens
    taken = {i for m in facts.projects for i in range(m.first, m.last)}
    places = {m.first: m for m in facts.places}
    countries = {i: m for m in facts.countries for i in range(m.first, m.last)}
    codes_at: dict[int, list[str]] = {}  # "Greece-Bulgaria": one word, two countries
    for m in facts.countries:
        for i in range(m.first, m.last):
            codes_at.setdefault(i, []).append(m.value.code)
    results: list[tuple[_Found, int]] = []
    for head, named_only in _heads(reading.language, tokens):
        if head.first in taken:
            continue
        following = tokens[head.last] if head.last < len(tokens) else None
        # "Автодорога Душанбе — Чанак введена …": a Russian sentence's first word is capitalised
        # for the sentence alone
        opening = reading.language == "ru" and all(not re.match(r"\w", t.text) for t in tokens[: head.first])
        # "ЛЭП Экибастуз — Шымкент": an abbreviation is no word of a longer name (a headline's
        # capitals are: "LAKESIDE PORT SERVICES")
        abbreviation = tokens[head.last - 1].text.isupper() and not (following and following.text.isupper())
        capitalised = tokens[head.last - 1].capitalized and not abbreviation
        if capitalised and following is not None and following.capitalized and not opening:
            continue  # "the North–South Road Corridor": a word inside a longer name
        _, kind, template_en, template_ru = head.value
        if (
            kind == "power_line"
            and named_only
            and _GAS.search(facts.sentence.text)
            and not _ELECTRIC.search(template_en)  # "the Egypt-Jordan electricity interconnection"
        ):
            kind = "pipeline"  # "газ поступает через интерконнектор Болгария — Сербия"
        if kind == "port" and _NOT_A_PORTS & {
            t.text.lower() for t in tokens[_modifiers_start(tokens, head.first) : head.first]
        }:
            kind = "other"  # "a joint inspection terminal", "a passenger terminal": no ships berth there
        adjective_template = template_ru
        if reading.language == "ru" and template_ru.endswith(" {ru}"):
            written = _as_written(tokens[head.first : head.last])
            if named_only:
                written = _described(tokens, head.first, head.last)
            template_ru = written + " {ru}"
            # "Южно-Кавказской железной дороги": the adjective comes first, as the text writes it
            lowered = written if written.split()[0].isupper() else written[:1].lower() + written[1:]
            adjective_template = "{ru} " + lowered
        crossing = _sea_crossing(tokens, head.last) if named_only and kind in _UNDERSEA else None
        if crossing is not None:
            # "a fibre-optic cable across the Caspian Sea": no name of its own but the sea it crosses
            cable = (
                _described(tokens, head.first, head.last)
                if reading.language == "ru"
                else " ".join(t.text for t in tokens[_modifiers_start(tokens, head.first) : head.last])
            )
            sea = facts.sentence.text[
                tokens[head.last].start - facts.sentence.start : tokens[crossing - 1].end
                - facts.sentence.start
            ]
            name = f"{cable[:1].upper()}{cable[1:]} {sea}"
            results.append((_named(reading, facts, kind, name, name, quoted=name), head.start))
            continue
        numbered = _numbered(tokens, head) if named_only and reading.language == "en" else None
        if numbered is not None:
            # "Berth 9 at Khor Saqr": a facility's number is its name, with the place it stands at
            sentence_at = facts.sentence.start
            name = facts.sentence.text[
                tokens[head.first].start - sentence_at : tokens[numbered - 1].end - sentence_at
            ]
            results.append((_named(reading, facts, kind, name, name, quoted=name), head.start))
            continue
        quoted = _quoted_after(facts.sentence, tokens, _after_voltage(tokens, head.last))
        if quoted is None and template_en == "{en} project":
            continue  # "по проекту подводного кабеля": a project is a name only as «Мангистау H2»
        if quoted is not None:
            results.append((_named(reading, facts, kind, template_en, quoted, quoted), head.start))
            continue
        adjective = (
            _adjective_before(tokens, head.first) if reading.language == "ru" and not named_only else None
        )
        described_from = _describing_before(tokens, head.first) if reading.language == "ru" else head.first
        placed_apart = (
            adjective is None
            and described_from < head.first
            and described_from - 1 not in countries
            and tokens[described_from - 1].capitalized
            and known_place_of_adjective(tokens[described_from - 1].text) is not None
            # "через Бакинский международный морской порт": a port merely on a cargo's way is none
            and tokens[described_from - 2].text.lower() != "через"
            and not _works_on_a_part(tokens, head.last)
        )
        if placed_apart:
            # "Бакинского международного морского торгового порта": a known place's adjective, then
            # words that describe the head; the name keeps them, as the text writes it
            adjective = _adjective_before(tokens, described_from)
            phrase = " ".join(_nominative_phrase(tokens[described_from - 1 : head.last]))
            adjective_template = phrase[:1].upper() + phrase[1:]
        if adjective is not None:
            results.append(
                (
                    _named(
                        reading,
                        facts,
                        kind,
                        template_en.format(en=place_adjective_in_english(adjective)),
                        adjective_template.format(ru=adjective),
                        None,
                    ),
                    head.start,
                )
            )
            continue
        if template_en in _BRIDGES:
            # A bridge is named by what it crosses ("a road bridge over the Khrami River"), and a
            # capitalised "Bridge" is itself part of a name ("the Red Bridge border crossing").
            if tokens[head.last - 1].capitalized and not opening:
                continue
            river = _river_crossed(tokens, head.last) if reading.language == "ru" else None
            if river is not None:
                results.append((_bridge_over(reading, facts, head, template_en, river), head.start))
                continue
            names = _crossing(tokens, head.last) or _near_place(tokens, head.last)
            if not names and reading.language == "ru" and not _inside_quotes(tokens, head.first):
                # "по мосту Благовещенск — Хэйхэ": a bridge named by the banks it joins
                banks = _names_after(tokens, head.last, reading.language, kind)
                names = [indexes for indexes in banks if _of_ends(tokens, indexes, hyphened=False)]
            if names and tokens[names[0][-1]].text.lower() != "river" and _names_before(tokens, head.first):
                names = []  # "the Leticia–Santa Rosa bridge over the Amazon": a name of its own first
        else:
            # "поезда от Достыка до Малашевичей": a train from one place to another is a trip
            routes = template_en != "{en} train"
            # "the Lach Huyen deep-sea port near Haiphong": the name before a port that says what it
            # is, the place after it
            own_name = (
                _names_before(tokens, head.first)
                if reading.language == "en" and template_en in _PORTS_BY_WHAT_THEY_ARE
                else []
            )
            names = own_name or _names_after(tokens, head.last, reading.language, kind, routes)
            if kind == "transport_corridor" and len(names) == 1:
                names = [_with_stop(tokens, names[0], set(countries))]
        if not names and reading.language == "en":
            name_end = _before_modifiers(tokens, _before_voltage(tokens, head.first))
            short = _short_name_before(tokens, name_end)
            name_end -= len(short)
            names = _names_before(tokens, name_end)
            if kind == "port" and names and not capitalised and _a_sea(tokens, names[0]):
                continue  # "through the Black Sea ports", "Chile's Pacific ports": a coast, not a port
            if not names:
                # "the Eldoret–Kampala refined products pipeline", "the Kisumu–Mwanza wagon ferry":
                # a line named by its ends, then the words that say what it carries
                described = _before_describing(tokens, name_end)
                ends_before = _names_before(tokens, described)
                if ends_before and _of_ends(tokens, ends_before[0]):
                    name_end, names = described, ends_before
            if (
                names
                and names[0][-1] == name_end - 1
                and (tokens[head.first].capitalized or name_end < _before_voltage(tokens, head.first))
            ):
                # "the Anaklia Deep Sea Port", "the CASA-1000 power transmission line": a capitalised
                # head ends the name it belongs to, and modifiers stay as the text writes them
                template_en = "{en} " + " ".join(
                    t.text for i, t in enumerate(tokens[name_end : head.last], name_end) if i not in short
                )
        at_place = _facility_at(tokens, head) if named_only and reading.language == "en" else None
        if named_only:
            ends = _between(tokens, head.last, template_en != "{en} train")
            if ends and kind == "transport_corridor":
                ends = _with_stop(tokens, ends, set(countries))  # as its names were read, above
            # a bare "line" needs its ends apart ("the Chabahar–Zahedan line"): one hyphened word
            # before it is as often a name the line only passes by
            hyphened = template_en != "{en} line"
            names = [
                indexes for indexes in names if _of_ends(tokens, indexes, hyphened) or indexes == ends
            ] or ([at_place] if at_place else [])
            if not names and template_en == "{en} train":
                # a train runs between the ends its clause names, before it or after
                apart = _ends_in_clause(tokens, head.first, head.last)
                names = [apart] if apart else []
            if names and names[0] == at_place:
                # "a dedicated copper terminal at Walvis Bay": no name of its own, so the place and
                # the words that say what it handles name it ("Walvis Bay copper terminal"); a
                # country's own terminal keeps its owner first ("Uzbek logistics terminal at Bandar Abbas")
                what = _what_it_is(tokens, head)
                owned_by = _modifiers_start(tokens, head.first) in countries
                after = at_place[-1] + 1
                if after < len(tokens) and tokens[after].text.lower() == "airport":
                    kind = "other"  # "a cargo terminal at Manas airport": no ships berth there
                template_en = " ".join(what) + " at {en}" if owned_by else "{en} " + " ".join(what)
            if names and names[0] == ends and reading.language == "en":
                # "a night freight service between Algeciras and Tanger Med": the words that
                # describe it stay in its name, as the text writes them
                template_en = "{en} " + " ".join(
                    t.text for t in tokens[_modifiers_start(tokens, head.first) : head.last]
                )
            if names and reading.language == "en" and _ordinal_before(tokens, names[0][0], head.first):
                template_en = (
                    tokens[_ordinal_before(tokens, names[0][0], head.first) or 0].text.capitalize()
                    + " "
                    + template_en
                )
        for indexes in names:
            if any(i in taken for i in indexes):
                continue
            owned = indexes[0] in countries and tokens[indexes[0]].text.endswith(("'s", "’s"))
            if owned and len(indexes) > 1:
                indexes = indexes[1:]  # "Iran's Chabahar port": the country it stands in, not its name
            named_countries = {code for i in indexes for code in codes_at.get(i, ())}
            if len(named_countries) == 1 and all(
                i in countries and not (kind in _LINES and countries[i].value.capital) for i in indexes
            ):
                # "железные дороги Казахстана", "Azerbaijan's railway": a country's network (a line
                # named by a capital is one of its own: "the Ulaanbaatar Railway")
                continue
            # Words written side by side stay apart ("Khrami River"); a dash between them joins ends.
            words = _cited(tokens, indexes) if reading.language == "ru" else [tokens[i].text for i in indexes]
            # "from Port Bell to Kampala's inland container depot": the end is the place, not its owner
            words[-1] = re.sub(r"(?<=\w)['’]s$", "", words[-1])
            text = "".join(
                ("" if n == 0 else " " if i == indexes[n - 1] + 1 else "–") + words[n]
                for n, i in enumerate(indexes)
            )
            place_mention = places.get(indexes[0]) if len(indexes) == 1 else None
            place_ref: Ref | None = place_mention.value if place_mention else None
            if place_ref is not None and place_ref.entry is not None:
                entry = place_ref.entry
                name_en, name_ru = entry.name_en, entry.name_ru
                project_countries = [entry.country] if entry.country else []
                if kind in _LINES:
                    # "the Ulaanbaatar Railway": a line runs beyond the place that names it
                    project_countries = sorted({*project_countries, *_countries(reading, facts, kind)})
                item = _Found({}, place_ids=[entry.id], confidence=0.8)
            elif (
                kind == "port"
                and len(indexes) == 1
                and template_en not in _PORTS_BY_WHAT_THEY_ARE
                and not owned
                and indexes != at_place
            ):
                continue  # a port we cannot place: too often not a port at all ("порт приписки")
            else:
                name_en, name_ru = name_pair(text, reading.language)
                if named_countries and all(
                    i in countries and not countries[i].value.capital for i in indexes
                ):
                    # "линия электропередачи Иран — Армения": the countries' own names in each language
                    # one code a country, however many words its name has ("Saudi Arabia")
                    codes = list(dict.fromkeys(code for i in indexes for code in codes_at[i]))
                    name_en = "–".join(country_names()[c].en for c in codes)
                    name_ru = "–".join(country_names()[c].ru for c in codes)
                # a line named by the countries it joins is theirs, with any other country its
                # sentence names on the route ("from Hungary to Uzbekistan through Türkiye")
                project_countries = (
                    sorted(
                        named_countries | ({m.value.code for m in facts.countries} - set(reading.main_pair))
                    )
                    if len(named_countries) > 1 and all(i in countries for i in indexes)
                    else _countries(reading, facts, kind)
                )
                item = _Found({}, confidence=0.5)
            item.body = {
                "id": record_id(template_en.format(en=name_en)),
                "name_en": template_en.format(en=name_en),
                "name_ru": template_ru.format(ru=name_ru),
                "kind": _carried(kind, template_en.format(en=name_en)),
                "countries": project_countries,
            }
            terminal = _terminal_before(tokens, head.first) if kind == "port" else None
            if terminal is not None:
                # "зерновой терминал в порту Туркменбаши": the terminal is the project, in its port
                written = facts.sentence.text[
                    tokens[head.first - 1].start - facts.sentence.start : tokens[indexes[-1]].end
                    - facts.sentence.start
                ]
                item.body["name_ru"] = f"{terminal} {written}"
                item.body["name_en"] = facility_in_other_language(item.body["name_ru"], "ru")
                item.body["id"] = record_id(item.body["name_en"])
                item.body["countries"] = _countries(reading, facts, "port")
            results.append((item, head.start))
    return results


# "known internally as "Segment Five"", "provisionally called Gulf Link 3", "what our planners call
# Line 7", "the so-called Zambezi Gate", "так называемый «Причал № 4»", "который называют
# «Туркменским причалом»".
_CALLED = {
    "en": re.compile(
        r"(?i:\bso-called|\b(?:known|referred\s+to|marketed|designated)(?:\s+\w+){0,4}?\s+as"
        r"|\b(?:provisionally\s+|informally\s+)?(?:called|named|dubbed)|\brefers?\s+to\s+\w+\s+as"
        r"|\bwhat\s+(?:\w+\s+){1,3}call"
        r"|\brefers?\s+to\s+as)(?:\s+the)?\s+(?=[\"“]?[A-Z0-9])"
    ),
    "ru": re.compile(r"\b(?:так\s+называем\w+|называ\w+|именуем\w+)\s+(?=«)", re.IGNORECASE),
}


def _called(reading: Reading, facts: SentenceFacts, anchors: set[int]) -> list[tuple[_Found, int]]:
    """A name given by a naming phrase, its kind read from a head word in the name, else the
    nearest one before it in the sentence, else one in the words right after it."""
    sentence, tokens = facts.sentence, facts.sentence.tokens
    results: list[tuple[_Found, int]] = []
    for match in _CALLED[reading.language].finditer(sentence.text):
        at = next((i for i, t in enumerate(tokens) if t.start >= sentence.start + match.end()), None)
        if at is None:
            continue
        span = _called_name(tokens, at)
        if span is None or any(a in anchors for a in (tokens[i].start for i in range(*span))):
            continue
        first, last = span
        heads = _heads(reading.language, tokens)
        inside = [m for m, _ in heads if first <= m.first < last]
        phrase = next(i for i, t in enumerate(tokens) if t.end > sentence.start + match.start())
        before = [m for m, _ in heads if phrase - 12 <= m.last <= phrase]
        after = [m for m, _ in heads if last <= m.first < last + 8]
        # "named the Struma-Axios interconnector": a head right after the name is its own
        own = [m for m in after if m.first - last <= 1]  # (after a closing quotation mark, too)
        if own and own[0].start in anchors:
            continue  # the head and the name before it are a project found already
        head = (
            inside[0] if inside else own[0] if own else before[-1] if before else after[0] if after else None
        )
        if head is None:
            continue
        kind = head.value[1]
        if kind == "power_line" and _GAS.search(sentence.text):
            kind = "pipeline"
        name = _as_named(tokens[first:last], reading.language, sentence)
        results.append((_named(reading, facts, kind, name, name, quoted=name), tokens[first].start))
    return results


_QUOTES = {"«": "»", '"': '"', "“": "”"}


def _called_name(tokens: list[Token], at: int) -> tuple[int, int] | None:
    """The token span of the name after a naming phrase: its quoted words, or a run of
    capitalised words and numbers ("Gulf Link 3")."""
    closing = _QUOTES.get(tokens[at].text)
    if closing is not None:
        end = next((j for j in range(at + 1, min(len(tokens), at + 8)) if tokens[j].text == closing), None)
        if end is None or end == at + 1 or not tokens[at + 1].text[:1].isupper():
            return None
        return at + 1, end
    end = at
    while end < len(tokens) and (tokens[end].capitalized or tokens[end].text.isdigit()) and end - at < 5:
        end += 1
    return (at, end) if end > at else None


def _as_named(name: list[Token], language: str, sentence: Sentence) -> str:
    """The name as written; in Russian its leading words in the nominative, as a name is cited
    ("называют «Туркменским причалом»" → "Туркменский причал")."""
    text = sentence.text[name[0].start - sentence.start : name[-1].end - sentence.start]
    if language != "ru":
        return text
    words: list[str] = []
    for token in name:
        parse = _analyzer().parse(token.text)[0]
        if parse.tag.POS not in {"ADJF", "NOUN"} or not parse.tag.case or parse.tag.case == "nomn":
            break
        nominative = parse.inflect({"nomn", "sing"})
        word = str(nominative.word) if nominative else token.text
        words.append(word[:1].upper() + word[1:] if token.capitalized else word)
        if parse.tag.POS == "NOUN":
            break
    if not words:
        return text
    rest = sentence.text[name[len(words) - 1].end - sentence.start : name[-1].end - sentence.start]
    return " ".join(words) + rest


def _terminal_before(tokens: list[Token], at: int) -> str | None:
    """ "казахстанский зерновой терминал в порту X": the terminal and the adjectives that name it,
    in the nominative, when "в порту" follows it."""
    if at < 2 or tokens[at - 1].text.lower() != "в" or not tokens[at - 2].text.lower().startswith("терминал"):
        return None
    words = ["терминал"]
    i = at - 3
    while i >= 0 and len(words) < 4:
        parse = _analyzer().parse(tokens[i].text)[0]
        if parse.tag.POS != "ADJF":
            break
        nominative = parse.inflect({"nomn", "sing", "masc"})
        words.insert(0, str(nominative.word) if nominative else tokens[i].text.lower())
        i -= 1
    if len(words) == 1:
        return None  # "терминал в порту X" alone names nothing more than the port
    text = " ".join(words)
    return text[:1].upper() + text[1:]


def _as_written(head: list[Token]) -> str:
    """The head words as the text writes them, in the nominative: "автомобильной дороги" →
    "Автомобильная дорога", so the project keeps the source's own name for its kind."""
    words = []
    noun_seen = False  # "линии электропередачи": the words after the head noun keep their case
    parses = [_analyzer().parse(token.text)[0] for token in head]
    # "мультимодального маршрута": an adjective takes its noun's gender, not its own first reading's
    gender = next((str(p.tag.gender) for p in parses if p.tag.POS == "NOUN" and p.tag.gender), None)
    for token, parse in zip(head, parses, strict=True):
        inflect = not noun_seen and parse.tag.POS in {"NOUN", "ADJF"}
        wanted = {"nomn", "sing"} | ({gender} if gender and parse.tag.POS == "ADJF" else set())
        nominative = parse.inflect(wanted) if inflect else None
        noun_seen = noun_seen or parse.tag.POS == "NOUN"
        word = str(nominative.word) if nominative else token.text
        words.append(token.text if token.text.isupper() else word)
    text = " ".join(words)
    return text[:1].upper() + text[1:]


# A line's voltage or a plant's capacity between its head word and its name: "500 kV", "200 MW".
_VOLTAGE = {"кв", "kv", "мвт", "mw", "гвт", "gw"}


def _after_voltage(tokens: list[Token], at: int) -> int:
    """ "линии электропередачи 500 кВ «Гардабани — Акстафа»": the name comes after the voltage."""
    if at + 1 < len(tokens) and tokens[at].text.isdigit() and tokens[at + 1].text.lower() in _VOLTAGE:
        return at + 2
    return at


_MODIFIERS = {"power", "transmission", "new", "electrified", "international", "border", "main"}


def _before_modifiers(tokens: list[Token], at: int) -> int:
    """ "the Gashuunsukhait–Ganqimaodu cross-border railway", "the CASA-1000 power transmission
    line": lowercase words between a name and its head are no part of the name."""
    for _ in range(2):
        word = tokens[at - 1].text if at > 0 else ""
        if word.islower() and (word in _MODIFIERS or re.fullmatch(r"[a-z]+-[a-z]+", word)):
            at -= 1
    return at


def _short_name_before(tokens: list[Token], at: int) -> range:
    """ "the Turkmenistan–Afghanistan–Pakistan (TAP) power line": the token indexes of a short name
    in brackets between a line's name and its head (empty when there is none)."""
    if (
        at >= 3
        and tokens[at - 3].text == "("
        and tokens[at - 1].text == ")"
        and tokens[at - 2].text.isalpha()
        and tokens[at - 2].text.isupper()
    ):
        return range(at - 3, at)
    return range(at, at)


# Heads of their own ("the Bakhty-Ayagoz railway line" is the railway's name, not the line's).
_LINE_HEADS = {"railway", "railroad", "road", "highway", "pipeline", "port", "corridor", "bridge", "ferry"}
# Words that end a description rather than belong to it.
_NOT_DESCRIBING = {
    "the",
    "a",
    "an",
    "of",
    "and",
    "or",
    "to",
    "for",
    "in",
    "on",
    "at",
    "by",
    "with",
    "from",
    "is",
    "was",
}


def _before_describing(tokens: list[Token], at: int) -> int:
    """ "Dire Dawa–Dewele fuel pipeline", "Manado–Davao submarine fibre-optic cable": where up to
    three lowercase words that describe a line begin, before its head."""
    for _ in range(3):
        word = tokens[at - 1].text if at > 0 else ""
        if not re.fullmatch(r"[a-z]+(?:-[a-z]+)*", word) or word in _NOT_DESCRIBING | _LINE_HEADS:
            break
        at -= 1
    return at


def _before_voltage(tokens: list[Token], at: int) -> int:
    """ "the Angren–Akhangaran 220 kV power line": the name comes before the voltage."""
    if at >= 2 and tokens[at - 1].text.lower() in _VOLTAGE and tokens[at - 2].text.isdigit():
        return at - 2
    return at


def _quoted_after(sentence: Sentence, tokens: list[Token], at: int) -> str | None:
    """ "порта «Хоргос — Восточные ворота»": a name in quotation marks right after the head word."""
    if at >= len(tokens) or tokens[at].text not in {"«", '"', "“"}:
        return None
    closing = {"«": "»", '"': '"', "“": "”"}[tokens[at].text]
    for end in range(at + 1, min(len(tokens), at + 12)):
        if tokens[end].text == closing:
            return sentence.text[tokens[at + 1].start - sentence.start : tokens[end - 1].end - sentence.start]
    return None


def _describing_before(tokens: list[Token], at: int) -> int:
    """Where the lowercase adjectives before a head begin ("международного морского торгового
    порта"), a few at most."""
    start = at
    while (
        start > 1
        and at - start < 4
        and tokens[start - 1].text.islower()
        and _analyzer().parse(tokens[start - 1].text)[0].tag.POS == "ADJF"
    ):
        start -= 1
    return start


def _works_on_a_part(tokens: list[Token], at: int) -> bool:
    """ "порта, где ведётся строительство нового контейнерного терминала": the works its own clause
    tells are on a terminal or a berth in it, which annotators take for the project."""
    if at + 1 >= len(tokens) or tokens[at].text != "," or tokens[at + 1].text.lower() != "где":
        return False
    for token in tokens[at + 2 :]:
        if token.text in {",", ";", "."}:
            return False
        if token.text.lower().startswith(("терминал", "причал")):
            return True
    return False


def _adjective_before(tokens: list[Token], at: int) -> str | None:
    """ "Зарафшанской ГЭС" → "Зарафшанская": a capitalised adjective naming the head, in the nominative."""
    if at == 0 or not tokens[at - 1].capitalized or at - 1 == 0:
        return None
    if tokens[at - 2].text in {"«", '"', "“"}:
        return None  # "центра «Евразийский мост»": the name of something else, in quotation marks
    parse = _analyzer().parse(tokens[at - 1].text)[0]
    if parse.tag.POS != "ADJF":
        return None
    nominative = parse.inflect({"nomn", "sing"})
    word = str(nominative.word) if nominative else tokens[at - 1].text
    written = tokens[at - 1].text.split("-")
    parts = word.split("-")
    if len(parts) == len(written):  # "Южно-Кавказской" → "Южно-Кавказская"
        return "-".join(
            p[:1].upper() + p[1:] if w[:1].isupper() else p for p, w in zip(parts, written, strict=True)
        )
    return word[:1].upper() + word[1:]


def _named(
    reading: Reading, facts: SentenceFacts, kind: str, name_en: str, name_ru: str, quoted: str | None
) -> _Found:
    if quoted is not None:
        name_en, name_ru = name_pair(quoted, reading.language)
    body = {
        "id": record_id(name_en),
        "name_en": name_en,
        "name_ru": name_ru,
        "kind": _carried(kind, name_en),
        "countries": _countries(reading, facts, _carried(kind, name_en)),
    }
    return _Found(body, confidence=0.5)


# A word of a corridor's or a bridge's own name that says what it carries: the "Southern Gas
# Corridor" is a pipeline, a "Power Bridge" or a "Green Energy Corridor" a power line, the
# "Bioceanic Road Corridor" a road.
_CARRIES = (
    (re.compile(r"(?i)\b(?:gas|oil)\b"), "pipeline"),
    (re.compile(r"(?i)\b(?:power|energy|electricity)\b"), "power_line"),
    (re.compile(r"(?i)\b(?:road|highway|motorway)\b"), "road"),
    (re.compile(r"(?i)\b(?:rail|railway)\b"), "railway"),
)
_CARRIERS = frozenset({"transport_corridor", "road", "railway"})
_CARRIER_HEADS = re.compile(r"(?i)\b(?:corridor|bridge)$")


def _carried(kind: str, name_en: str) -> str:
    if kind not in _CARRIERS or not _CARRIER_HEADS.search(name_en):
        return kind
    return next((carried for word, carried in _CARRIES if word.search(name_en)), kind)


# Kinds that run between places: their sentences name the countries on their route.
_LINES = frozenset(
    {"transport_corridor", "pipeline", "railway", "road", "power_line", "ferry_line", "digital_system"}
)


def _countries(reading: Reading, facts: SentenceFacts, kind: str) -> list[str]:
    """A project's countries: those its sentence names, with the article's pair when it names only
    one ("Kazakhstan is building a berth at Kuryk" in a Kazakh–Azerbaijani story is a project of the
    pair, as the development sets annotate it), or when it is a line that names the countries on
    its route ("the North–South corridor through Iran and Turkmenistan" in an Indian–Kazakh story:
    most sets write the pair with them); the pair when it names none. A line named by the countries
    it joins is theirs alone (`_headed`)."""
    named = {m.value.code for m in facts.countries}
    if len(named) == 1 or kind in _LINES:
        named |= set(reading.main_pair)
    return sorted(named) or list(reading.main_pair)


_NOT_NAMES = {
    "the",
    "a",
    "an",
    "this",
    "that",
    "its",
    "their",
    "our",
    "new",
    "state",
    "national",
    "railway",
    "company",
    "main",
    "first",
    "second",
    "both",
    "each",
    "in",
    "on",
    "at",
    "by",
}


def _names_before(tokens: list[Token], at: int) -> list[list[int]]:
    """English names before a head word: "Aktau port", "Turkmenbashi–Alat ferry line"."""
    indexes: list[int] = []
    i = at - 1
    while i >= 0:
        token = tokens[i]
        if token.capitalized and re.match(r"\w", token.text) and token.text.lower() not in _NOT_NAMES:
            indexes.insert(0, i)
        elif not (token.text in {"-", "–", "—"} and indexes):
            break
        i -= 1
    if indexes and indexes[0] == 0 and len(indexes) == 1:
        return []  # a capitalised first word of the sentence is not a name by itself
    return [indexes] if indexes else []


# The last words of names that are a sea's or an ocean's ("Black Sea", "Bulgarian Black Sea",
# "Chile's Pacific").
_SEA_WORDS = frozenset(
    {
        "Sea",
        "Ocean",
        "Gulf",
        "Pacific",
        "Atlantic",
        "Arctic",
        "Baltic",
        "Mediterranean",
        "Adriatic",
        "Caspian",
    }
)


def _a_sea(tokens: list[Token], indexes: list[int]) -> bool:
    return tokens[indexes[-1]].text in _SEA_WORDS


_BRIDGES = frozenset({"{en} bridge", "{en} railway bridge"})


def _inside_quotes(tokens: list[Token], at: int) -> bool:
    """Whether the word at `at` is inside a quoted name («Зелёный мост Каспий — Констанца»)."""
    marks = [t.text for t in tokens[:at] if t.text in "«»"]
    return bool(marks) and marks[-1] == "«"


def _crossing(tokens: list[Token], at: int) -> list[list[int]]:
    """ "over the Khrami River", "across the Amu Darya": the river a bridge crosses, as its name."""
    words = [t.text.lower() for t in tokens[at : at + 2]]
    if words not in (["over", "the"], ["across", "the"]):
        return []
    river = _capitalised_run(tokens, at + 2)
    if river and river[-1] + 1 < len(tokens) and tokens[river[-1] + 1].text == "river":
        river.append(river[-1] + 1)  # "the Panj river"
    return [river] if river else []


def _river_crossed(tokens: list[Token], at: int) -> tuple[int, list[int]] | None:
    """ "через реку Пяндж", "через Амударью": where the crossing a Russian bridge is named by ends,
    and the words of the river."""
    if at >= len(tokens) or tokens[at].text.lower() != "через":
        return None
    start = at + 1
    if start < len(tokens) and _analyzer().parse(tokens[start].text)[0].normal_form == "река":
        start += 1  # "через реку Пяндж"
    river = _capitalised_run(tokens, start)
    if not river:
        return None
    return _place_beside(tokens, river[-1] + 1), river


# "у посёлка Нижний Пяндж", "около Термеза": where a bridge stands, after the river it crosses
_BESIDE = frozenset({"у", "около", "близ", "возле"})
_SETTLEMENTS = frozenset({"посёлок", "поселок", "село", "город", "кишлак", "пункт"})


def _place_beside(tokens: list[Token], at: int) -> int:
    """Where the place beside a Russian bridge, written after its river, ends (`at` when none)."""
    if at >= len(tokens) or tokens[at].text.lower() not in _BESIDE:
        return at
    name = at + 1
    if name < len(tokens) and _analyzer().parse(tokens[name].text)[0].normal_form in _SETTLEMENTS:
        name += 1
    place = _capitalised_run(tokens, name)
    return place[-1] + 1 if place else at


def _bridge_over(
    reading: Reading,
    facts: SentenceFacts,
    head: Mention[tuple[str, str, str, str]],
    template_en: str,
    river: tuple[int, list[int]],
) -> _Found:
    """ "моста через реку Пяндж" → "Мост через реку Пяндж", "Pyandzh River bridge"; "железнодорожный
    мост через Амударью" → "Железнодорожный мост через Амударью", "Amudarya railway bridge": in
    Russian the bridge as described in the nominative and the crossing as the text writes it, in
    English the river in the nominative."""
    tokens = facts.sentence.tokens
    end, words = river
    sentence_at = facts.sentence.start
    crossing = facts.sentence.text[tokens[head.last].start - sentence_at : tokens[end - 1].end - sentence_at]
    nominative = []
    for i in words:
        # "через Амударью": the river in the accusative the preposition governs
        parses = [
            p for p in _analyzer().parse(tokens[i].text) if p.tag.case == "accs" and p.tag.POS == "NOUN"
        ]
        inflected = parses[0].inflect({"nomn"}) if parses else None
        word = str(inflected.word) if inflected else tokens[i].text
        nominative.append(word[:1].upper() + word[1:])
    river_en = name_pair(" ".join(nominative), "ru")[0]
    if words[0] > head.last + 1:
        river_en += " River"  # "через реку Пяндж"
    name_ru = f"{_described(tokens, head.first, head.last)} {crossing}"
    return _named(reading, facts, head.value[1], template_en.format(en=river_en), name_ru, None)


_UNDERSEA = frozenset({"digital_system", "pipeline", "power_line"})


def _sea_crossing(tokens: list[Token], at: int) -> int | None:
    """Where "across the Caspian Sea", "under the Black Sea", "по дну Каспийского моря", "через
    Каспийское море" ends, after a cable's or pipeline's head."""
    words = [t.text.lower() for t in tokens[at : at + 5]]
    if words[:2] in (["across", "the"], ["under", "the"]) and len(words) > 2 and tokens[at + 2].capitalized:
        return at + 4 if len(words) > 3 and words[3] == "sea" else at + 3
    opening = 2 if words[:2] == ["по", "дну"] else 1 if words[:1] == ["через"] else 0
    sea = at + opening + 1
    if (
        opening
        and sea < len(tokens)
        and tokens[sea - 1].capitalized
        and _analyzer().parse(words[sea - at])[0].normal_form == "море"
    ):
        return sea + 1
    if opening == 1 and len(words) > 1 and words[1].startswith("каспи"):
        return at + 2  # "через Каспий"
    return None


def _near_place(tokens: list[Token], at: int) -> list[list[int]]:
    """ "a new road bridge near Sadakhlo", "мост у Садахло": the place it stands by, as its name."""
    near = at + 1 < len(tokens) and tokens[at].text.lower() in {"near", "at", "у", "около"}
    if near and tokens[at + 1].capitalized and re.match(r"\w", tokens[at + 1].text):
        return [[at + 1]]
    return []


# What opens a line's two ends, and the words that may join the second to the first: "between Alat
# and Aktau", "from Ekibastuz to Shymkent", "a road linking Osh and Irkeshtam", "от Экибастуза до
# Шымкента", "из Туркменистана в Китай", "автодороги, соединяющей Ош и Иркештам".
_ENDS_OPENERS = {
    "between": {"and"},
    "from": {"to"},
    "linking": {"and", "with", "to"},
    "connecting": {"and", "with", "to"},
    "joining": {"and", "with", "to"},
    "между": {"и"},
    "от": {"до"},
    "из": {"в", "во"},
    "соединять": {"и", "с", "со"},
    "связывать": {"и", "с", "со"},
}
# The case of a Russian end after each word, to cite it in the nominative.
_END_CASES = {
    "между": "ablt",
    "от": "gent",
    "до": "gent",
    "из": "gent",
    "в": "accs",
    "во": "accs",
    "с": "ablt",
}


def _opener(token: Token) -> str:
    word = token.text.lower()
    return word if word in _ENDS_OPENERS else str(_analyzer().parse(word)[0].normal_form)


_ROUTE_OPENERS = frozenset({"from", "от", "из"})
# What the ends are, between the opener and their names ("между станциями Достык и Клайпеда").
_ENDS_OF_A_KIND = frozenset({"станциями", "городами", "cities", "stations"})
_BETWEEN = frozenset({"between", "между"})


def _ends_in_clause(tokens: list[Token], head: int, last: int) -> list[int] | None:
    """ "A container train has run every week between Tashkent and Riga", "между станциями Достык
    и Клайпеда курсирует контейнерный поезд": the ends of a line its clause names apart from it."""
    window = range(max(0, head - 12), min(len(tokens), last + 12))
    for i in window:
        stops = range(i, head) if i < head else range(last, i)
        if any(tokens[j].text in {",", ".", ";", ":"} for j in stops):
            continue
        if tokens[i].text.lower() in _BETWEEN and (ends := _between(tokens, i)) is not None:
            return ends
    return None


def _between(tokens: list[Token], at: int, routes: bool = True) -> list[int] | None:
    """ "between Alat and Aktau", "между Алятом и Актау", "between Khor Saqr and Mundra", "from
    Ekibastuz to Shymkent", ", соединяющей Ош и Иркештам": the two ends of a line, each a name of up
    to three capitalised words."""
    if (
        at + 1 < len(tokens)
        and tokens[at].text == ","
        and tokens[at + 1].text.lower()[:6] in {"соедин", "связыв"}
    ):
        at += 1  # "автодороги, соединяющей …": the participle after a comma
    if at >= len(tokens):
        return None
    opener = _opener(tokens[at])
    joints = _ENDS_OPENERS.get(opener)
    if joints is None or (opener in _ROUTE_OPENERS and not routes):
        return None
    if at + 1 < len(tokens) and tokens[at + 1].text.lower() in _ENDS_OF_A_KIND:
        at += 1  # "между станциями Достык и Клайпеда": the ends' kind, then their names
    first = _capitalised_run(tokens, at + 1)
    joint = at + 1 + len(first)
    if len(first) > 1 and tokens[first[0]].text.endswith(("'s", "’s")):
        first = first[1:]  # "between Dubai's Port Rashid and Khasab": the owner is no part of the name
    if not first or joint >= len(tokens) or tokens[joint].text.lower() not in joints:
        return None
    second = _capitalised_run(tokens, joint + 1)
    return first + second if second else None


def _with_stop(tokens: list[Token], ends: list[int], countries: set[int]) -> list[int]:
    """ "from Nhava Sheva to Yerevan via Bandar Abbas": a route's ends with the place it calls at
    between them, when one place (not a country) follows "via" right after its ends."""
    after = ends[-1] + 1
    if after >= len(tokens) or tokens[after].text.lower() != "via" or len(ends) < 2:
        return ends
    stop = _capitalised_run(tokens, after + 1)
    if not stop or any(i in countries for i in stop):
        return ends
    following = stop[-1] + 1
    if following < len(tokens) and tokens[following].text.lower() in {"and", "-", "–", "—"}:
        return ends  # "via Baku and Tbilisi": more than one stop
    gaps = [n for n in range(1, len(ends)) if ends[n] != ends[n - 1] + 1]
    if len(gaps) != 1:
        return ends
    return ends[: gaps[0]] + stop + ends[gaps[0] :]


_WHAT_OF_IT = {"line", "link", "section", "connection"}


def _cited(tokens: list[Token], indexes: list[int]) -> list[str]:
    """A Russian line's ends as a name cites them: "между Алятом и Тересполем" → "Алят", "Тересполь",
    "от Экибастуза до Шымкента" → "Экибастуз", "Шымкент" (each in the case its preposition
    governs); other names as written."""
    words = []
    case = None
    for n, i in enumerate(indexes):
        if n == 0 or i != indexes[n - 1] + 1:
            before = tokens[i - 1].text.lower() if i > 0 else ""
            # "между Алятом и Тересполем": after "и" the case of the first end
            case = case if before in {"и", "-", "–", "—"} else _END_CASES.get(before)
        parses = [p for p in _analyzer().parse(tokens[i].text) if p.tag.case == case and p.tag.POS == "NOUN"]
        nominative = parses[0].inflect({"nomn"}) if parses and case else None
        word = str(nominative.word) if nominative else tokens[i].text
        words.append(word[:1].upper() + word[1:])
    return words


def _capitalised_run(tokens: list[Token], at: int) -> list[int]:
    run: list[int] = []
    while at + len(run) < len(tokens) and len(run) < 3 and tokens[at + len(run)].capitalized:
        run.append(at + len(run))
    return run


def _a_number_sign(tokens: list[Token], at: int) -> bool:
    following = tokens[at + 1].text if at + 1 < len(tokens) else ""
    return tokens[at].text in {"No", "Nos"} and (following == "." or following[:1].isdigit())


def _names_after(
    tokens: list[Token], at: int, language: str, kind: str = "", routes: bool = True
) -> list[list[int]]:
    """Proper names following a head word: "Актау, Курык и Алят" → three; "Баку–Супса" → one;
    "ports at Aktau and Kuryk" → two; "the ferry line between Alat and Aktau" → one, its two ends."""
    names: list[list[int]] = []
    i = at
    linking = {"of", "at", "near"} if kind == "port" else {"of"}
    if language == "en" and i < len(tokens) and tokens[i].text.lower() in _WHAT_OF_IT and kind != "port":
        i += 1  # "the railway line between Arica and Tacna", "a road link between …": the head's part
    if language == "en" and i < len(tokens) and tokens[i].text.lower() in linking:
        i += 1
    lines = {"ferry_line", "railway", "road", "pipeline", "power_line"}
    # a route runs from one end to the other ("мультимодальный маршрут из Актау в Пирей"); a
    # corridor "linking" two countries has a name of its own before it
    from_end = kind == "transport_corridor" and i < len(tokens) and _opener(tokens[i]) in _ROUTE_OPENERS
    ends = _between(tokens, i, routes) if kind in lines or from_end else None
    if ends is not None:
        return [ends]
    current: list[int] = []
    while i < len(tokens):
        token = tokens[i]
        if _a_number_sign(tokens, i):
            break  # "the combined heat and power plant No. 3": its number, not a place's name
        if token.capitalized and re.match(r"\w", token.text) and token.text.lower() not in _NOT_NAMES:
            current.append(i)
        elif token.text in {"-", "–", "—"} and current:
            pass
        elif token.text in {",", "и", "and"} and current:
            names.append(current)
            current = []
        else:
            break
        i += 1
    if current:
        names.append(current)
    return names
