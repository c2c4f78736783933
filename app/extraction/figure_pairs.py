"""Whose figure it is: the reporter and the partner of a trade figure, read from the prepositions,
verbs and adjectives around the countries of its sentence (who sells, buys, sends or carries), else
from the sentences before, the pair of the last figure of its flow or the pair the text is about.
Transit has its own roles: whose goods, and which country carries them."""

import re
from collections import Counter
from collections.abc import Sequence

from app.extraction.amounts import Amount
from app.extraction.analysis import Reading, SentenceFacts
from app.extraction.clauses import (
    attribution,
    clause_opened,
    contrast_after,
    next_clause,
    relative_clause,
)
from app.extraction.countries import CountryWord
from app.extraction.lexicon import vocabulary as vocab
from app.extraction.matching import Mention
from app.extraction.model import Proposal
from app.extraction.morphology import lemma
from app.extraction.text import Token

PARTNER_MARKS = {
    "trade_turnover": {"с", "со", "with", "and"},
    "exports": {"в", "во", "to", "into", "на"},
    "imports": {"из", "from"},
    "transit_volume": {"через", "по", "through", "via", "across", "crossed"},
}
WITH = {"с", "со", "with"}


_IT = {"it", "its"}
_NOT_A_SUBJECT_MARKS = {"of", "with", "to", "from", "in", "into", "through", "via", "and", "between", "for"}


def _it_stands_for(reading: Reading, facts: SentenceFacts, amount_end: int | None) -> str | None:
    """The country "it" or "its" stands for before the amount ("In March it took…", "Its trade with
    Argentina…"): the subject of the sentence before in the paragraph, when that is a country named
    as a noun ("Hungary imported…", "what Chile does…"), the first it names."""
    if reading.language != "en" or facts.sentence.index == 0:
        return None
    end = amount_end if amount_end is not None else facts.sentence.end
    if not any(t.text.lower() in _IT and t.end <= end for t in facts.sentence.tokens):
        return None
    before = reading.facts[facts.sentence.index - 1]
    if before.sentence.paragraph != facts.sentence.paragraph or not before.countries:
        return None
    first = before.countries[0]
    if first.value.adjective or preceded_by(before.sentence.tokens, first, _NOT_A_SUBJECT_MARKS):
        return None
    if _a_source(before.sentence.tokens, first) or _owner(before.sentence.tokens, first):
        return None
    return first.value.code


def pair(
    reading: Reading,
    facts: SentenceFacts,
    indicator: str,
    cue_end: int | None = None,
    last_pairs: dict[str, tuple[str, str]] | None = None,
    amount_end: int | None = None,
    segment_start: int | None = None,
    next_start: int | None = None,
    elided: bool = False,
    home: str | None = None,
) -> tuple[tuple[str, str], bool] | None:
    """Reporter and partner: from the sentence, else from the sentences before it in the paragraph,
    else the pair of the last figure of the same indicator ("Deliveries in January alone were…"
    after "Azerbaijan supplied … to Turkey"), else the two countries the document is about."""
    countries = facts.countries
    if amount_end is not None:
        # "…1.2 bcm, according to the operator of TANAP, which carries it across Turkish territory"
        clause_end = min(
            relative_clause(facts, amount_end),
            attribution(facts, amount_end),
            next_clause(
                reading.document.text, amount_end, next_start or facts.sentence.end, facts.sentence.end
            ),
            contrast_after(reading.document.text, amount_end, facts.sentence.end),
        )
        countries = [m for m in countries if m.start < clause_end]
        own = [m for m in countries if segment_start is not None and m.start >= segment_start]
        if len({m.value.code for m in own}) >= 2 or (own and elided):
            # "…$780 million, while Türkiye bought $420 million of Turkmen goods"; "…, бельгийский
            # экспорт в обратном направлении — примерно в 14,6 млрд": the other side is the pair's
            countries = own
        opened = clause_opened(reading.document.text, segment_start or facts.sentence.start, amount_end)
        clause = [m for m in countries if opened is not None and m.start >= opened]
        if len({m.value.code for m in clause}) >= 2:
            countries = clause  # "на Германию приходится треть…, а товарооборот Словакии с Польшей…"
        main_pair = reading.main_pair
        if (
            len(clause) == 1
            and indicator != "trade_turnover"
            and _owner(facts.sentence.tokens, clause[0])
            and len(main_pair) == 2
            and clause[0].value.code in main_pair
        ):
            # "…, а венгерский экспорт в республику вырос вдвое": the clause's own side, to the other
            owner = clause[0].value.code
            return (owner, main_pair[1] if main_pair[0] == owner else main_pair[0]), True
    sources = [m.value.code for m in countries if _a_source(facts.sentence.tokens, m)]
    countries = [m for m in countries if not _a_source(facts.sentence.tokens, m)]
    reporter, partner = roles(facts.sentence.tokens, countries, indicator, cue_end, segment_start)
    main_pair = reading.main_pair
    counted_by = sources[0] if sources and len(main_pair) == 2 and sources[0] in main_pair else None
    if reporter is None and partner is None and indicator in {"exports", "imports"} and counted_by:
        # "По данным казахстанской статистики, экспорт составил…", "Kazakh statistics put exports
        # at…": a flow no country owns is that of the side whose data count it
        return (counted_by, main_pair[1] if main_pair[0] == counted_by else main_pair[0]), True
    told_before = amount_end is None or any(
        m.value.code == reporter and m.start < amount_end for m in countries
    )
    referent = None if told_before and reporter is not None else _it_stands_for(reading, facts, amount_end)
    if referent is not None and referent != partner:
        # "Its trade with Argentina reached…, above the Peruvian figure" after a sentence on Chile
        reporter = referent
    from_context = False
    third = partner is not None and len(reading.main_pair) == 2 and partner not in reading.main_pair
    if reporter is None and partner is not None and third and home is not None and home != partner:
        # "For comparison, exports to Uganda were…" in a Kenyan release on Ethiopia: the flow of the
        # country the text reports for, to a third one
        return (home, partner), True
    if reporter is None or partner is None:
        for other in reversed(reading.facts[: facts.sentence.index]):
            if other.sentence.paragraph != facts.sentence.paragraph:
                break
            r, p = roles(other.sentence.tokens, other.countries, _own_indicator(reading, other, indicator))
            if reporter is None and r is not None and r != partner:
                reporter = r
            if partner is None and p is not None and p != reporter:
                partner = p
            if reporter and partner:
                break
    if reporter is None and partner is None and last_pairs and indicator in last_pairs:
        return last_pairs[indicator], True
    if reporter is None and partner is None and indicator in {"exports", "imports"} and home is not None:
        # "экспорт — 97,3 млн долл. США" in a release on Uzbekistan's trade with Poland: its side's
        main_pair = reading.main_pair
        if len(main_pair) == 2 and home in main_pair:
            return (home, main_pair[1] if main_pair[0] == home else main_pair[0]), True
    if reporter is None and partner is None and indicator != "trade_turnover":
        return None  # exports, imports and transit of countries the text does not name here
    if reporter is None or partner is None:
        from_context = True
        main_pair = reading.main_pair
        if len(main_pair) == 2:
            if reporter is None and partner is None:
                reporter, partner = main_pair
            elif reporter is None:
                reporter = main_pair[0] if main_pair[0] != partner else main_pair[1]
            elif partner is None:
                partner = main_pair[0] if main_pair[0] != reporter else main_pair[1]
    if reporter is None or partner is None or reporter == partner:
        return None
    return (reporter, partner), from_context


def home_reporter(reading: Reading, proposals: Sequence[Proposal]) -> str | None:
    """The side of the story's pair the text reports for: the reporter of most of its figures of
    that pair so far (a statistics office's country, the exporter a ministry speaks for)."""
    main_pair = set(reading.main_pair)
    reporters = [
        p.body["reporter"]
        for p in proposals
        if p.kind == "trade_figure" and {p.body["reporter"], p.body["partner"]} == main_pair
    ]
    if not reporters:
        return None
    ranked = Counter(reporters).most_common(2)
    return ranked[0][0] if len(ranked) == 1 or ranked[0][1] > ranked[1][1] else None


def _own_indicator(reading: Reading, facts: SentenceFacts, default: str) -> str:
    """The flow a sentence itself tells, read for its countries' roles: "trade with Malaysia" names
    the partner of the exports and imports that follow, not their reporter."""
    cues = reading.cues("INDICATORS", facts.sentence.tokens)
    own = cues[-1].value.removesuffix("_growth") if cues else default
    return own if own in PARTNER_MARKS else default


_SOURCE_NOUNS = {
    "статистика",
    "таможня",
    "данные",
    "ведомство",
    "минэкономики",
    "statistics",
    "customs",
    "data",
    "figures",
    "statisticians",
    "officials",
}


_SOURCE_BODIES = {
    "office",
    "ministry",
    "agency",
    "committee",
    "service",
    "bureau",
    "authority",
    "administration",
}


def _a_source(tokens: Sequence[Token], mention: Mention[CountryWord]) -> bool:
    """ "According to Georgian statistics", "по данным грузинской статистики", "according to Poland's
    statistics office": who counted, not a side ("to" there marks no partner)."""
    if mention.last >= len(tokens):
        return False
    possessive = re.search(r"['’]s$", tokens[mention.last - 1].text) is not None
    if not (mention.value.adjective or possessive):
        return False
    before = [t.text.lower() for t in tokens[max(0, mention.first - 3) : mention.first]]
    if mention.value.adjective and (
        before[-2:] == ["according", "to"] or before == ["according", "to", "the"]
    ):
        return True  # "according to the Swiss Federal Office for Customs": its name's adjective
    if possessive:
        # "according to Japan's Ministry of Finance", "Hungary's Central Statistical Office": the
        # words of the body's name before its noun; after "according to", its description too
        # ("according to Germany's federal statistics office"), but no flow of its own
        cited = [t.text.lower() for t in tokens[max(0, mention.first - 2) : mention.first]] == [
            "according",
            "to",
        ]
        for token in tokens[mention.last : mention.last + 3]:
            if token.keys & (_SOURCE_NOUNS | _SOURCE_BODIES):
                return True
            described = cited and token.text[:1].isalpha() and not OWNED.match(token.text)
            if not (token.text[:1].isupper() or described):
                return False
        return False
    return bool(tokens[mention.last].keys & _SOURCE_NOUNS)


_AWAY_MARKS = {"exports": {"из", "from"}, "imports": {"в", "во", "to", "into"}}
_IMPORT_WORD = re.compile(r"(?:импорт|ввоз|ввез|import)", re.IGNORECASE)
# A flow owned by the adjective before it ("Kazakh exports", "венгерский импорт"); not the traders who
# make it: "to Polish importers" marks the buyer as "to Poland" does.
OWNED = re.compile(
    r"(?:экспорт(?![её]р)|импорт(?![её]р)|export(?!er)|import(?!er)|поставк|закупк)", re.IGNORECASE
)


def roles(
    tokens: Sequence[Token],
    countries: Sequence[Mention[CountryWord]],
    indicator: str,
    cue_end: int | None = None,
    segment_start: int | None = None,
) -> tuple[str | None, str | None]:
    """The partner is the country its preposition marks ("to Armenia", "из России"), the one in the
    amount's own clause first; the reporter the first other country not marked as the other way's
    ("imports from Armenia" after "exports to Armenia"). An adjective before the indicator's noun
    owns it ("на казахстанский экспорт в Грузию": Kazakhstan's exports)."""
    if indicator == "transit_volume":
        return _transit_roles(tokens, countries)
    seller = next((m for m in countries if _bought_from(tokens, m)), None)
    if seller is not None and indicator in {"exports", "imports"}:
        # "Египет закупил в России…", "Egypt bought it from Russia": the seller exports, the buyer
        # imports, whatever the word the figure is told under.
        buyer = next((m.value.code for m in countries if m.value.code != seller.value.code), None)
        sides = (seller.value.code, buyer) if indicator == "exports" else (buyer, seller.value.code)
        return sides
    agent = next((m for m in countries if _flow_agent(tokens, m)), None)
    if agent is not None and indicator in {"exports", "imports"}:
        # "…tonnes of Kazakh wheat were imported by Hungary": the passive's agent makes its flow,
        # the figure's or the other way's
        others = [m for m in countries if m.value.code != agent.value.code]
        others.sort(key=lambda m: not preceded_by(tokens, m, PARTNER_MARKS[indicator]))
        other = next((m.value.code for m in others), None)
        if _flow_agent(tokens, agent) == indicator:
            return agent.value.code, other
        return other, agent.value.code
    reporter = partner = None
    marks = PARTNER_MARKS[indicator]
    marked = [
        m
        for m in countries
        if (preceded_by(tokens, m, marks) and not _owner(tokens, m))
        or (indicator == "exports" and (_sold_to(tokens, m) or _buyers_of(tokens, m)))
    ]
    if not marked and indicator in {"exports", "imports"}:
        # "товарооборот с Ираном составил…, в том числе экспорт — 17,4 млн": the parts of the trade
        # with a country have it for their partner
        marked = [m for m in countries if _trade_with(tokens, m)]
    if segment_start is not None:
        marked.sort(key=lambda m: m.start < segment_start)
    if marked:
        partner = marked[0].value.code
    if partner is None and indicator == "imports" and cue_end is not None:
        # "imported Turkmen oil", "ввоз венгерского вина": where the goods come from, though the
        # country was named before as the seller's subject
        partner = next(
            (
                m.value.code
                for m in countries
                if m.value.adjective and m.start >= cue_end and not _owner(tokens, m)
            ),
            None,
        )
    if partner is None and indicator == "exports" and not any(_IMPORT_WORD.match(t.text) for t in tokens):
        # "венгерские заводы получили из Казахстана 1,1 млн тонн", "exports from Kazakhstan": with no
        # buyer marked and no imports told, the country the goods come from sold them
        source = next(
            (
                m
                for m in countries
                if preceded_by(tokens, m, _AWAY_MARKS["exports"]) and not _owner(tokens, m)
            ),
            None,
        )
        if source is not None:
            code = source.value.code
            return code, next((m.value.code for m in countries if m.value.code != code), None)
    into = (
        next((m for m in countries if _brought_into(tokens, m, cue_end)), None)
        if indicator == "imports"
        else None
    )
    if into is not None:
        # "её ввоз в Беларусь", "imports into Belarus of Mongolian beef": the country the goods are
        # brought into imports them, whoever's goods they are
        other = partner or next((m.value.code for m in countries if m.value.code != into.value.code), None)
        return into.value.code, other if other != into.value.code else None
    away = _AWAY_MARKS.get(indicator, set())
    codes_seen: list[str] = []
    for mention in countries:
        code = mention.value.code
        if code in codes_seen or code == partner:
            continue
        if away and preceded_by(tokens, mention, away) and not _owner(tokens, mention):
            continue
        codes_seen.append(code)
        if indicator != "trade_turnover" and mention.value.adjective and reporter is not None:
            reporter, code = code, reporter  # "экспорт казахстанской продукции": whose goods
            if partner is None and indicator == "exports":
                partner = code  # "Greece took 1.1 bcm of Azerbaijani gas": the goods went to it
        if indicator == "trade_turnover" and reporter is not None and partner is None:
            partner = code
            continue
        if reporter is None:
            reporter = code
    return reporter, partner


# The verbs whose object a country is bought from ("закупил в России", "bought wheat from Russia").
_PURCHASE_VERBS = {
    *vocab.BUYING_VERBS["ru"],
    *vocab.BUYING_VERBS["en"],
    "bought",
    "purchased",
    "purchase",
    "purchases",
}
# The verbs of selling and buying that are indicator cues of their own; "bought" and "sold" are older
# cues that keep their flow (a test pins "bought" as imports).
_TRADE_VERBS = {
    *vocab.SELLING_VERBS["ru"],
    *vocab.SELLING_VERBS["en"],
    *vocab.BUYING_VERBS["ru"],
    *vocab.BUYING_VERBS["en"],
}


_INTO = {"в", "во", "into"}


def _brought_into(tokens: Sequence[Token], mention: Mention[CountryWord], cue_end: int | None) -> bool:
    """A country after "в" / "into" right after the import word, a few words of goods between at most."""
    if cue_end is None or mention.value.adjective or mention.first < 1:
        return False
    preposition = tokens[mention.first - 1]
    if preposition.text.lower() not in _INTO or preposition.start < cue_end:
        return False
    between = [t for t in tokens[: mention.first - 1] if t.start >= cue_end]
    return len(between) <= 3 and not any(not t.text[0].isalnum() for t in between)


def trade_verb(reading: Reading, token: Token) -> bool:
    """A verb of selling or buying: it tells a flow, but a noun naming one says more."""
    return (lemma(token.text) if reading.language == "ru" else token.text.lower()) in _TRADE_VERBS


_SELLER_MARKS = {"в", "во", "у", "из", "from", "in"}


def _bought_from(tokens: Sequence[Token], mention: Mention[CountryWord]) -> bool:
    """ "закупил в России", "bought wheat from Russia": the country a purchase verb buys from, its
    preposition right before it and the verb at most two words before that."""
    if mention.value.adjective or not preceded_by(tokens, mention, _SELLER_MARKS):
        return False
    mark = mention.first - 1 if tokens[mention.first - 1].text.lower() in _SELLER_MARKS else mention.first - 2
    return any(t.keys & _PURCHASE_VERBS for t in tokens[max(0, mark - 3) : mark])


# English verbs whose first object is the buyer: "Russia sold Hungary $1.1 billion worth of wheat".
_SOLD_TO = {"sold", "sell", "sells", "selling", "sent", "send", "sends", "supplied", "supply", "supplies"}


def _sold_to(tokens: Sequence[Token], mention: Mention[CountryWord]) -> bool:
    """The country named right after a verb of selling, as its first object ("sold the Philippines
    3.9 million tonnes"): the buyer, with no preposition to mark it."""
    before = [t.text.lower() for t in tokens[max(0, mention.first - 2) : mention.first]]
    if mention.value.adjective or not before:
        return False
    if before[-1] == "the":
        before = before[:-1]
    return bool(before) and before[-1] in _SOLD_TO


_PASSIVE_FLOWS = {
    **dict.fromkeys(("imported", "bought", "purchased"), "imports"),
    **dict.fromkeys(("exported", "sold", "shipped", "supplied"), "exports"),
}


def _flow_agent(tokens: Sequence[Token], mention: Mention[CountryWord]) -> str | None:
    """ "imported by Hungary", "exported by Kazakhstan": the flow the country after a passive's "by"
    makes, or None."""
    at = _title_start(tokens, mention.first)
    if mention.value.adjective or at < 2 or tokens[at - 1].text.lower() != "by":
        return None
    return _PASSIVE_FLOWS.get(tokens[at - 2].text.lower())


# Buyers named by their country, with or without a preposition ("продали венгерским импортёрам",
# "Hungarian buyers took…"), or where they buy ("Vietnamese rice reached Mongolian shops"): the side
# exports go to.
_BUYERS = {
    *("импортёр", "импортер", "покупатель", "потребитель", "магазин", "рынок"),
    *("importers", "buyers", "consumers", "shops", "stores", "markets"),
}


def _buyers_of(tokens: Sequence[Token], mention: Mention[CountryWord]) -> bool:
    return (
        mention.value.adjective
        and mention.last < len(tokens)
        and bool(tokens[mention.last].keys & _BUYERS)
        and not preceded_by(tokens, mention, _AWAY_MARKS["exports"])
    )


def _trade_with(tokens: Sequence[Token], mention: Mention[CountryWord]) -> bool:
    """ "товарооборот с Ираном", "trade with Laos": the partner a trade noun names."""
    at = mention.first
    return (
        at >= 2
        and tokens[at - 1].text.lower() in WITH
        and re.match(r"(?:товарооборот|оборот|торговл|trade|turnover)", tokens[at - 2].text.lower())
        is not None
    )


def _owner(tokens: Sequence[Token], mention: Mention[CountryWord]) -> bool:
    return (
        mention.value.adjective
        and mention.last < len(tokens)
        and bool(OWNED.match(tokens[mention.last].text))
    )


# A state's title before its name: "with the Kingdom of Thailand", "с Королевством Таиланд".
_STATE_TITLES = {
    "kingdom",
    "republic",
    "sultanate",
    "emirate",
    "federation",
    "state",
    "королевство",
    "республика",
    "султанат",
    "эмират",
}


def _title_start(tokens: Sequence[Token], first: int) -> int:
    """Where a country's name begins with the state's title before it ("the Islamic Republic of
    Iran"): the title's first word, or `first` when none stands there."""
    at = first - 1 if first > 0 and tokens[first - 1].text.lower() == "of" else first
    title = at
    while title > 0 and tokens[title - 1].capitalized and first - title < 4:
        title -= 1
    if title < at and tokens[at - 1].keys & _STATE_TITLES:
        return title
    return first


def preceded_by(tokens: Sequence[Token], mention: Mention[CountryWord], marks: set[str]) -> bool:
    first = _title_start(tokens, mention.first)
    preceding = [t.text.lower() for t in tokens[max(0, first - 3) : first]]
    return bool(preceding) and (
        preceding[-1] in marks
        or (
            len(preceding) > 1
            and preceding[-2] in marks
            and preceding[-1] in {"территорию", "территории", "порты", "порт", "ports", "the"}
        )
    )


_FACILITIES = {"port", "ports", "terminal", "terminals", "railway", "throughput", "порт", "терминал"}
_GOODS = {
    "cargo",
    "freight",
    "transhipment",
    "transshipment",
    "goods",
    "oil",
    "crude",
    "containers",
    "boxes",
    "transit",
    "exports",
    "imports",
    "груз",
    "товар",
    "нефть",
    "контейнер",
    "продукция",
    "транзит",
    "экспорт",
    "импорт",
}
_DIRECTIONS = {"из", "from", "for", "to", "в", "во", "through", "через", "via", "across", "по"}


def a_facility_s_total(facts: SentenceFacts, amount: Amount) -> bool:
    """A volume a port, terminal or railway handled, whose goods the sentence gives no owner or
    direction ("Порт Роттердама перевалил свыше 430 млн тонн грузов", "The terminal, run by an Indian
    operator, handled some 9,000 TEU"): the facility's own total, not a flow of the pair."""
    tokens = facts.sentence.tokens
    before = [t for t in tokens if t.end <= amount.start]
    words = {t.text.lower() for t in before} | {lemma(t.text) for t in before}
    if not words & _FACILITIES:
        return False
    for mention in facts.countries:
        following = tokens[mention.last : mention.last + 3]
        preceding = tokens[max(0, mention.first - 2) : mention.first]
        if any(t.text.lower() in _GOODS or lemma(t.text) in _GOODS for t in [*following, *preceding]):
            return False  # "of South African cargo", "туркменских грузов", "грузов Мали": whose goods
        if mention.value.adjective and mention.start >= amount.end:
            return False  # "41 тыс. тонн аргентинского карбоната лития"
        if any(t.text.lower().lstrip("-") in {"bound", "origin"} for t in following[:2]):
            return False  # "Bangladesh-bound boxes"
        if preceded_by(tokens, mention, _DIRECTIONS):
            return False  # "cargo for and from Tanzania's lake regions", "through Georgia"
    return True


# Places an adjective names on a cargo's way: its territory, ports and railways carry it ("in transit
# over Turkmen territory", "по казахстанской территории"); a border or a coast is only passed.
_CARRYING_PLACES = {"territory", "port", "ports", "railways", "территория", "порт", "железный"}
_PASSED_PLACES = {"border", "borders", "coast", "frontier", "граница", "побережье"}


def _place_after(tokens: Sequence[Token], mention: Mention[CountryWord]) -> str | None:
    """The place noun an adjective names ("Georgian territory", "казахстанские порты"), if any."""
    if mention.last >= len(tokens):
        return None
    keys = tokens[mention.last].keys | {tokens[mention.last].text.lower()}
    return next(iter(sorted(keys & (_CARRYING_PLACES | _PASSED_PLACES))), None)


def _transit_roles(
    tokens: Sequence[Token], countries: Sequence[Mention[CountryWord]]
) -> tuple[str | None, str | None]:
    """Transit of X's goods through Y: X from "из Китая", "from China" or "казахстанской нефти";
    Y from "через", "through", "via", "по территории". Where the goods go is neither."""
    origin: list[str] = []
    carrier: list[str] = []
    plain: list[str] = []
    for mention in countries:
        code = mention.value.code
        place = _place_after(tokens, mention) if mention.value.adjective else None
        if preceded_by(tokens, mention, PARTNER_MARKS["transit_volume"]) or place in _CARRYING_PLACES:
            carrier.append(code)
        elif place is not None:
            continue  # "from the Afghan border": a place on the way, no side
        elif preceded_by(tokens, mention, {"из", "from"}) or mention.value.adjective:
            origin.append(code)
        elif not preceded_by(tokens, mention, {"в", "во", "to", "into", "towards", "toward"}):
            plain.append(code)
    reporter = next(iter(origin + [c for c in plain if c not in carrier]), None)
    partner = next(iter(carrier + [c for c in plain if c != reporter]), None)
    return reporter, partner
