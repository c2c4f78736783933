"""The fields (sectors) of the documents a signing tells: read from the documents' own words and from
the lists of fields told for them, not from the ministers, commissions or other clauses around them;
a document told with words of no field adds `other` beside the named ones."""

import re
from collections.abc import Sequence

from app.extraction.analysis import Reading
from app.extraction.lexicon import vocabulary as vocab
from app.extraction.matching import Mention
from app.extraction.morphology import _analyzer
from app.extraction.text import Token

# Words that name who signs or meets, not what is signed: "the ministers of industry and trade",
# "министра экономики", "the joint economic commission".
_BODIES = frozenset(
    {
        *("minister", "ministers", "ministry", "ministries", "commission", "council", "committee"),
        *("forum", "chamber", "fund", "company", "companies", "corporation", "portfolio"),
        *("министр", "министерство", "комиссия", "совет", "комитет", "форум", "палата", "фонд"),
        *("компания", "корпорация", "ведомство"),
    }
)
# Head words that name a field only when nothing narrower does: "the digital economy" is
# digitalization, "the defence industry" security, "производство зелёного водорода" energy; trade
# in goods is their field ("торговля электроэнергией" energy), while "transit trade" is both.
_BROAD_HEADS = frozenset(
    {
        "economy",
        "industry",
        "security",
        "production",
        "экономика",
        "промышленность",
        "безопасность",
        "производство",
    }
)
_TRADE = frozenset({"trade", "торговля"})
_GOODS = frozenset({"energy", "agriculture"})
# Words of a document's description that say nothing of its subject.
_EMPTY = frozenset(
    {
        *("the", "and", "of", "on", "in", "for", "with", "between", "to", "their", "its", "two", "both"),
        *("countries", "sides", "parties", "understanding", "intent", "cooperation", "co-operation"),
        *("bilateral", "intergovernmental", "interagency", "inter-agency", "interdepartmental"),
        *("framework", "new", "updated", "revised", "mutual", "joint", "field", "fields", "area", "areas"),
        *("sector", "sectors", "sphere", "spheres", "government", "governments", "year", "years", "also"),
        *("including", "among", "them", "all", "total", "documents", "document", "other", "signed"),
        *("и", "о", "об", "в", "во", "на", "по", "между", "с", "со", "для", "а", "также", "том", "числе"),
        *("сотрудничество", "взаимопонимание", "область", "сфера", "два", "страна", "сторона"),
        *("межправительственный", "межведомственный", "межгосударственный", "год", "двусторонний"),
        *("рамочный", "взаимный", "правительство", "республика", "документ", "всего", "число"),
        # the words of the kinds of document themselves ("action plan", "road map", "exchange of notes")
        *("plan", "map", "action", "exchange", "notes", "exchanged", "план", "карта", "нота", "обмен"),
    }
)
# A protocol of a session or commission records the meeting: its words name no subject.
_SESSION = re.compile(r"^(?:заседани|сесси|комисси|session|meeting|commission)", re.IGNORECASE)
_DATE_WORD = re.compile(
    r"\d|^(?:january|february|march|april|may|june|july|august|september|october|november|december"
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    r"|январ|феврал|март|апрел|ма[йяе]|июн|июл|август|сентябр|октябр|ноябр|декабр"
    r"|понедельник|вторник|сред|четверг|пятниц|суббот|воскресень)",
    re.IGNORECASE,
)
# Where a document's own description ends: a relative clause, a verb, a new sentence part.
_DESCRIPTION_ENDS = re.compile(
    r"^(?:which|that|who|whose|котор\w*|signed|inked|were|was|is|are|will|has|have|had|подписа\w*"
    r"|был\w*|будет|будут|[;:(—–]|-)$",
    re.IGNORECASE,
)
# What introduces a list of fields: "in the fields of", "covering", "в сферах", "касающихся".
_FIELD_LIST = re.compile(
    r"\b(?:in\s+the\s+(?:fields?|areas?|spheres?|sectors?)\s+of|covering|concerning|cover|covers|concern"
    r"|в\s+(?:сферах|областях|области|сфере)|касающ\w+|касаются|охватывающ\w+|охватывают)\s",
    re.IGNORECASE,
)
_ITEM_BREAK = re.compile(r"^(?:[,:;—–-]|and|и|also|также|including|числе|as well as)$", re.IGNORECASE)
_PACKAGE_ON = re.compile(r"^(?:on|о|об|по)$", re.IGNORECASE)
_LIST_PARTS = re.compile(r"^(?:,|and|и|as well as|а также)$", re.IGNORECASE)
_DETERMINERS = re.compile(
    r"^(?:a|an|the|their|its|this|these|that|those|two|both|one|\d+|signed|inked|and|or|of|on|to|with"
    r"|amending)$",
    re.IGNORECASE,
)


def _lemma(token: Token, language: str) -> str:
    text = token.text.lower()
    return _analyzer().parse(text)[0].normal_form if language == "ru" else text


def own_words_start(tokens: Sequence[Token], at: int, language: str) -> int:
    """Where a document's name begins, its words before the noun counted: "an air services
    agreement", "межправительственное соглашение"."""
    start = at
    while start > 0 and at - start < 4:
        token = tokens[start - 1]
        if not re.fullmatch(r"[\w-]+", token.text) or _DETERMINERS.match(token.text):
            break
        if language == "ru" and not {"ADJF", "PRTF"} & set(_analyzer().parse(token.text)[0].tag.grammemes):
            break
        start -= 1
    return start


def _item_begins(tokens: Sequence[Token], start: int) -> bool:
    """Whether a document named at `start` is a new item of the signing's list, not a word of the
    document before ("a memorandum on … electronic transport documents")."""
    while start > 0 and (
        tokens[start - 1].text.lower() in {"a", "an", "the", "their", "its", "this", "these"}
        or _numeral(tokens[start - 1].text)
    ):
        start -= 1
    return start > 0 and _ITEM_BREAK.match(tokens[start - 1].text) is not None


def _numeral(text: str) -> bool:
    if text.isdigit() or text.lower() in vocab.NUMBER_WORDS:
        return True
    return bool(re.fullmatch(r"[а-яё]+", text.lower())) and "NUMR" in _analyzer().parse(text.lower())[0].tag


def _names_a_body(tokens: Sequence[Token], mention: Mention[str], language: str, documents: set[int]) -> bool:
    """A field word beside a body's within its phrase: "ministers of industry and trade". The phrase
    ends at a document's word (`documents`): "ministers signed a programme of cultural exchange"."""
    near = []
    for i in range(mention.first - 1, max(-1, mention.first - 5), -1):
        if not tokens[i].text[0].isalnum() or i in documents:
            break
        near.append(i)
    for i in range(mention.last, min(len(tokens), mention.last + 2)):
        if not tokens[i].text[0].isalnum() or i in documents:
            break
        near.append(i)
    return any(_lemma(tokens[i], language) in _BODIES for i in near)


def _narrowed(tokens: Sequence[Token], mentions: list[Mention[str]], language: str) -> list[Mention[str]]:
    """Without a broad head beside a narrower field: "digital economy", "оборонной промышленности"."""
    kept = []
    for m in mentions:
        head = _lemma(tokens[m.first], language) if m.last - m.first == 1 else ""
        broad = head in _BROAD_HEADS or head in _TRADE
        beside = any(
            o is not m
            and o.value != m.value
            and (o.last == m.first or o.first == m.last)
            and (head not in _TRADE or o.value in _GOODS)
            for o in mentions
        )
        if not (broad and beside):
            kept.append(m)
    return kept


def _has_content(tokens: Sequence[Token], low: int, high: int, language: str, named: set[int]) -> bool:
    """Whether tokens low…high describe a subject: a word that is no name, date or empty word."""
    return any(
        i not in named
        and re.fullmatch(r"[^\W\d_][\w-]{2,}", tokens[i].text)
        and not _DATE_WORD.match(tokens[i].text)
        and not _numeral(tokens[i].text)
        and _lemma(tokens[i], language) not in _EMPTY
        for i in range(low, high)
    )


def _list_items(tokens: Sequence[Token], low: int, high: int) -> list[tuple[int, int]]:
    """The items of a list of fields "A, B, C and D", from `low`: the list ends with the item after
    its "and"."""
    items, start, last = [], low, False
    for i in range(low, high):
        text = tokens[i].text
        if _LIST_PARTS.match(text) or _DESCRIPTION_ENDS.match(text):
            if i > start:
                items.append((start, i))
            if last or _DESCRIPTION_ENDS.match(text):
                return items
            last = text.lower() in {"and", "и"}
            start = i + 1
    if high > start:
        items.append((start, high))
    return items


def document_sectors(
    reading: Reading,
    tokens: Sequence[Token],
    kinds: Sequence[Mention[str]],
    singular: Sequence[bool],
    end: int,
    named: set[int],
) -> list[str]:
    """The fields of the documents `kinds` (their mentions in `tokens`; `singular`: each names one
    document, not a package) told up to token `end` (where their clause ends); `named`: indexes of
    tokens that are names (countries, places), no subject. ["other"] when none is told."""
    language = reading.language
    # a document's kind names no field: the "road" of "a road map"
    found = [
        m for m in reading.cues("SECTORS", tokens) if not any(k.first <= m.first < k.last for k in kinds)
    ]
    starts = [own_words_start(tokens, k.first, language) for k in kinds]
    # A field word among a document's own words ("a cultural exchange programme") is the document's.
    documents = {i for n, k in enumerate(kinds) for i in range(starts[n], k.last)}
    bodies = [m for m in found if m.first not in documents and _names_a_body(tokens, m, language, documents)]
    mentions = _narrowed(tokens, [m for m in found if m not in bodies], language)
    low = starts[0] if kinds else 0
    # "a financing agreement", like a loan agreement, is of the field it finances
    sorts = {k.first - 1 for k in kinds}
    told = [
        m
        for m in mentions
        if low <= m.first < end and not (m.first in sorts and tokens[m.first].text.lower() == "financing")
    ]
    # a document named inside another's description ("о признании электронных транспортных
    # документов") is part of it; a new item of the list follows a comma or a conjunction
    items = [n for n in range(len(kinds)) if n == 0 or _item_begins(tokens, starts[n])]
    other = False
    for n, kind in enumerate(kinds):
        if not singular[n]:
            continue
        following = [starts[m] for m in items if m > n]
        high = min(following[0] if following else end, end)
        stop = next((i for i in range(kind.last, high) if _DESCRIPTION_ENDS.match(tokens[i].text)), high)
        own = [m for m in told if starts[n] <= m.first < stop]
        session = any(_SESSION.match(tokens[i].text) for i in range(kind.last, min(stop, kind.last + 3)))
        if not own and not session and _has_content(tokens, kind.first + 1, stop, language, named):
            other = True  # "a plan of consultations", "соглашение о правовой помощи"
    text_start = tokens[low].start if tokens else 0
    text_end = tokens[end - 1].end if end else 0
    firsts = [
        next((i for i, t in enumerate(tokens) if t.start >= introducer.end()), end)
        for introducer in _FIELD_LIST.finditer(reading.document.text, text_start, text_end)
    ]
    # "agreements on customs, information technology and disaster risk reduction"
    firsts += [
        k.last + 1
        for n, k in enumerate(kinds)
        if not singular[n] and k.last < end and _PACKAGE_ON.match(tokens[k.last].text)
    ]
    for first in firsts:
        for a, b in _list_items(tokens, first, end):
            if not any(a <= m.first < b for m in told) and _has_content(tokens, a, b, language, named):
                other = True  # "covering energy, tourism and media"
    sectors = list(dict.fromkeys(m.value for m in told))
    if other and not sectors and bodies:
        # "the transport ministries signed a protocol on haulage permits": the signers' field
        return list(dict.fromkeys(m.value for m in bodies))
    if other and "other" not in sectors:
        sectors.append("other")
    if not sectors:
        sectors = list(dict.fromkeys(m.value for m in found))
    return sectors or ["other"]
