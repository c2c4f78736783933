"""Scoring for the extraction benchmark: gold facts read from annotations, proposals matched to them
one to one, fields compared, counts summed. The rules are written out in bench/extraction/README.md;
bench/extraction.py runs the extractor and prints the tables.
"""

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Any, Protocol

import yaml

from app.common.dates import parse_partial_date, parse_period
from app.sources.quotes import locate_quote

REPO_ROOT = Path(__file__).resolve().parent.parent
CORPUS_DIR = REPO_ROOT / "bench" / "extraction" / "corpus"
SEED_YAML = REPO_ROOT / "seed" / "azerbaijan-kazakhstan-2025.yaml"
# The seed reviews "the outgoing year": published in December 2025, day unknown.
SEED_PUBLISHED = "2025-12"

SECTIONS = {
    "events": "event",
    "agreements": "agreement",
    "trade_figures": "trade_figure",
    "infrastructure_projects": "infrastructure_project",
}
KINDS = tuple(SECTIONS.values())
FIELDS = (
    "value",
    "unit",
    "period",
    "bound",
    "status",
    "countries",
    "date",
    "type",
    "indicator",
    "document_count",
    "sectors",
    "compared_period",
)
FIELDS_BY_KIND = {
    "trade_figure": (
        "value",
        "unit",
        "period",
        "bound",
        "status",
        "countries",
        "indicator",
        "compared_period",
    ),
    "event": ("type", "date", "status", "countries"),
    "agreement": ("date", "status", "countries", "document_count", "sectors"),
    "infrastructure_project": ("status", "countries"),
}
# A corpus fact is right when these are (issue 12: "correct value, unit, period, bound and status";
# an event's or agreement's date is its period).
RIGHT_FIELDS = {
    "trade_figure": ("value", "unit", "period", "bound", "status"),
    "event": ("date", "status"),
    "agreement": ("date", "status"),
    "infrastructure_project": ("status",),
}
# The seed target: right kind and key fields (the match), and right bound, status and period kind.
SEED_FIELDS = {
    "trade_figure": ("bound", "status", "period"),
    "event": ("status",),
    "agreement": ("status",),
    "infrastructure_project": ("status",),
}
# Fields judged only where the gold states them: a growth rate's base.
OPTIONAL_FIELDS = frozenset({"compared_period"})
# What a create body means when it leaves a field out.
DEFAULTS: dict[str, dict[str, Any]] = {"event": {"status": "held"}, "agreement": {"document_count": None}}

SYMMETRIC_INDICATORS = frozenset({"trade_turnover", "trade_turnover_growth"})
# Families of event types that may name the same happening: a visit (of any rank, or of none told),
# its talks and a ministers' meeting are often one occasion told three ways; a call is often reported
# as "telephone talks".
COMPATIBLE_TYPES = [
    frozenset({"state_visit", "official_visit", "working_visit", "visit", "talks", "ministerial_meeting"}),
    frozenset({"talks", "phone_call"}),
    frozenset({"summit", "multilateral_meeting"}),
]
VALUE_TOLERANCE = 0.005


class ProposalLike(Protocol):
    """What the scorer reads of `app.extraction.Proposal`."""

    kind: Any
    body: Any
    start: int
    end: int


@dataclass(frozen=True)
class Fact:
    kind: str
    body: Mapping[str, Any]
    spans: tuple[tuple[int, int], ...]
    label: str


@dataclass(frozen=True)
class Article:
    name: str
    text: str
    language: str
    published: date
    facts: tuple[Fact, ...]
    distractors: tuple[tuple[int, int], ...] = ()


# --- reading gold facts ---


def _published(value: Any) -> date:
    return value if isinstance(value, date) else parse_partial_date(str(value))[0]


def _fact(kind: str, item: Mapping[str, Any], spans: list[tuple[int, int]], text: str) -> Fact:
    body = {key: value for key, value in item.items() if key not in ("citations", "quote", "quotes")}
    start, end = spans[0]
    label = str(item.get("id") or text[start:end][:70])
    return Fact(kind=kind, body=body, spans=tuple(spans), label=label)


def load_seed(path: Path = SEED_YAML) -> Article:
    """The seed article, with the seed's events, agreements, trade figures and projects as gold."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    text = (path.parent / data["source"]["text_file"]).read_text(encoding="utf-8")
    facts = []
    for section, kind in SECTIONS.items():
        for item in data.get(section) or []:
            spans = []
            for citation in item["citations"]:
                where = locate_quote(text, citation["quote"], citation["paragraph"])
                spans.append((where.char_start, where.char_end))
            facts.append(_fact(kind, item, spans, text))
    return Article(
        name=path.stem,
        text=text,
        language=data["source"]["language"],
        published=_published(SEED_PUBLISHED),
        facts=tuple(facts),
    )


def _quotes(item: Mapping[str, Any]) -> list[str]:
    quotes = item.get("quotes") or [item["quote"]]
    return [str(quote) for quote in quotes]


def _check_country_codes(item: Mapping[str, Any], annotation: Path) -> None:
    """Every country code a string: YAML reads a bare `NO` (Norway) as false, and a fact annotated
    so would match no proposal."""
    codes = [item[name] for name in ("reporter", "partner") if name in item]
    codes += list(item.get("countries") or [])
    for code in codes:
        if not isinstance(code, str):
            raise ValueError(f'{annotation.name}: country code {code!r} is not a string (quote it: "NO")')


def load_article(annotation: Path) -> Article:
    """`NAME.yaml` and the `NAME.txt` beside it. Every quote must occur exactly once in the text,
    and every country code be a string."""
    data = yaml.safe_load(annotation.read_text(encoding="utf-8"))
    text = annotation.with_suffix(".txt").read_text(encoding="utf-8")
    source = data["source"]
    facts = []
    for section, kind in SECTIONS.items():
        for item in data.get(section) or []:
            _check_country_codes(item, annotation)
            spans = []
            for quote in _quotes(item):
                where = locate_quote(text, quote)
                spans.append((where.char_start, where.char_end))
            facts.append(_fact(kind, item, spans, text))
    distractors = []
    for item in data.get("distractors") or []:
        where = locate_quote(text, item["quote"])
        distractors.append((where.char_start, where.char_end))
    return Article(
        name=annotation.stem,
        text=text,
        language=source["language"],
        published=_published(source["published"]),
        facts=tuple(facts),
        distractors=tuple(distractors),
    )


def load_corpus(directory: Path = CORPUS_DIR) -> list[Article]:
    return [load_article(path) for path in sorted(directory.glob("*.yaml"))]


# --- matching a proposal to a gold fact ---


def _plain(value: Any) -> Any:
    """Enum members as their values, so a pydantic body and a YAML mapping compare alike."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    return value


def proposal_kind(proposal: ProposalLike) -> str:
    return str(_plain(proposal.kind))


def proposal_body(proposal: ProposalLike) -> dict[str, Any]:
    body = proposal.body
    if hasattr(body, "model_dump"):
        body = body.model_dump(mode="json")
    return {key: _plain(value) for key, value in dict(body).items()}


def _get(kind: str, body: Mapping[str, Any], name: str) -> Any:
    if name in body:
        return body[name]
    return DEFAULTS.get(kind, {}).get(name)


def _window(value: Any) -> tuple[date, date] | None:
    if not value:
        return None
    try:
        return parse_period(str(value))
    except ValueError:
        return None


def _overlap(a: tuple[date, date] | None, b: tuple[date, date] | None) -> bool:
    return a is not None and b is not None and a[0] <= b[1] and b[0] <= a[1]


def _party_set(body: Mapping[str, Any]) -> frozenset[str]:
    """Countries taking part, the host included whether or not the body repeats it."""
    countries = set(body.get("countries") or [])
    if body.get("host_country"):
        countries.add(body["host_country"])
    return frozenset(countries)


def _pair(body: Mapping[str, Any]) -> tuple[str, ...] | frozenset[str]:
    pair = (body.get("reporter"), body.get("partner"))
    return frozenset(pair) if body.get("indicator") in SYMMETRIC_INDICATORS else pair


def types_compatible(a: Any, b: Any) -> bool:
    return a == b or any(a in family and b in family for family in COMPATIBLE_TYPES)


def _normal_name(name: str) -> str:
    name = name.casefold().replace("ё", "е")
    for dash in "‐‑‒–—−":
        name = name.replace(dash, "-")
    for mark in "«»\"“”„'’":
        name = name.replace(mark, "")
    return " ".join(name.replace(" - ", "-").split())


# The words that only say what kind of project a name is ("the CASA-1000 power line", "транспортный
# коридор «Север — Юг»"): the kind is compared on its own, so a name matches with or without them.
KIND_WORDS = tuple(
    sorted(
        {
            "railway",
            "railway line",
            "rail line",
            "road",
            "highway",
            "motorway",
            "pipeline",
            "gas pipeline",
            "oil pipeline",
            "power line",
            "power transmission line",
            "transmission line",
            "ferry line",
            "transport corridor",
            "corridor",
            "port",
            "port of",
            "seaport",
            "железная дорога",
            "железнодорожная линия",
            "автодорога",
            "автомобильная дорога",
            "трасса",
            "газопровод",
            "нефтепровод",
            "трубопровод",
            "линия электропередачи",
            "лэп",
            "паромная линия",
            "транспортный коридор",
            "международный транспортный коридор",
            "коридор",
            "порт",
            "морской порт",
        },
        key=len,
        reverse=True,
    )
)


def _without_kind_words(name: str) -> str:
    """A normalised name without the kind's words at its start or end, when a name is left."""
    for words in KIND_WORDS:
        if name.startswith(words + " ") and len(name) - len(words) > 3:
            return name[len(words) + 1 :]
        if name.endswith(" " + words) and len(name) - len(words) > 3:
            return name[: -len(words) - 1]
    return name


# A proper name inside a longer one: in quotation marks, or of two or more ends joined by dashes.
_QUOTED_PART = re.compile(r"[«\"“]([^»\"”]{3,})[»\"”]")
_CAPITALISED = r"[A-ZА-ЯЁ][\w'’.-]*(?:\s+[A-ZА-ЯЁ][\w'’.-]*)*"
_ENDS_PART = re.compile(rf"{_CAPITALISED}(?:\s*[–—-]\s*{_CAPITALISED})+")


def _proper_part(raw: str) -> str | None:
    """ "Контейнерный сервис «Туркменбаши — Баку — Поти»", "Zagreb–Ljubljana–Vienna passenger
    train": the proper name, when every other word only describes the thing it names (lowercase
    but for the name's first letter, and not a number: "Second …", "Line D of …" keep theirs)."""
    quoted = _QUOTED_PART.search(raw)
    part = quoted or _ENDS_PART.search(raw)
    if part is None:
        return None
    rest = (raw[: part.start()] + " " + raw[part.end() :]).replace("«", " ").replace("»", " ").split()
    if not rest:
        # "Поезд Минск — Сиань": a name in sentence case may begin with its kind's word
        first, _, tail = part.group().partition(" ")
        ends = quoted is None and first[1:].islower() and _ENDS_PART.fullmatch(tail)
        return tail if ends else None
    describing = all(
        (word.islower() or (n == 0 and part.start() > 0 and word[1:].islower()))
        and word.casefold() not in _ORDINALS
        for n, word in enumerate(rest)
    )
    return (quoted.group(1) if quoted else part.group()) if describing else None


_ORDINALS = {"first", "second", "third", "fourth", "первая", "первый", "вторая", "второй", "третья", "третий"}


# Words that only join a facility to its place, or say what kind of place it is: a facility without
# a proper name is named by what it is and where it stands, in either order ("Akmola region wind
# farm", "wind farm in the Akmola region"), so such a name is also compared as its other words.
_PLACE_WORDS = frozenset(
    {"the", "a", "an", "of", "in", "at", "near", "region", "district", "province", "port", "airport"}
)


def _placed_words(name: str) -> str | None:
    """A normalised name as the sorted set of its words but _PLACE_WORDS, when two or more are left."""
    kept = sorted({word for word in name.split() if word not in _PLACE_WORDS})
    return "words: " + " ".join(kept) if len(kept) >= 2 else None


def project_names(body: Mapping[str, Any]) -> set[str]:
    """Its names in both languages, each part of "Name (Other name)", any `aliases`, and the proper
    name inside a described one, each also without the words that only name its kind, and, with a
    place in it, as its words in any order."""
    names: set[str] = set()
    for raw in [body.get("name_en"), body.get("name_ru"), *(body.get("aliases") or [])]:
        if not raw:
            continue
        names.add(_normal_name(raw))
        head, _, rest = str(raw).partition("(")
        if rest:
            names.update({_normal_name(head), _normal_name(rest.rstrip(")"))})
        proper = _proper_part(str(raw))
        if proper:
            names.add(_normal_name(proper))
    names |= {_without_kind_words(name) for name in names}
    return names | {words for name in names if (words := _placed_words(name))}


def matches(kind: str, gold: Mapping[str, Any], proposed: Mapping[str, Any]) -> bool:
    """Whether a proposal states the same fact as a gold record (README: matching rules)."""
    if kind == "trade_figure":
        return (
            gold.get("indicator") == proposed.get("indicator")
            and _total(gold) == _total(proposed)
            and _pair(gold) == _pair(proposed)
            and _window(gold.get("period")) is not None
            and _window(gold.get("period")) == _window(proposed.get("period"))
        )
    if kind == "event":
        return (
            types_compatible(gold.get("type"), proposed.get("type"))
            and _party_set(gold) == _party_set(proposed)
            and _overlap(_window(gold.get("date")), _window(proposed.get("date")))
        )
    if kind == "agreement":
        return _party_set(gold) == _party_set(proposed) and _overlap(
            _window(gold.get("date")), _window(proposed.get("date"))
        )
    if kind == "infrastructure_project":
        return gold.get("kind") == proposed.get("kind") and bool(
            project_names(gold) & project_names(proposed)
        )
    return False


def _total(body: Mapping[str, Any]) -> bool:
    """Whether a figure is of all goods: a commodity's line and the total are different facts."""
    return body.get("commodity", "TOTAL") == "TOTAL"


def _same_number(gold: Any, proposed: Any) -> bool:
    if gold is None or proposed is None:
        return gold is None and proposed is None
    try:
        gold, proposed = float(gold), float(proposed)
    except (TypeError, ValueError):
        return False
    return abs(gold - proposed) <= VALUE_TOLERANCE * abs(gold)


def field_correct(kind: str, name: str, gold: Mapping[str, Any], proposed: Mapping[str, Any]) -> bool:
    """Whether a matched proposal has the gold's value of one field."""
    if name == "value":
        return _same_number(gold.get("value"), proposed.get("value")) and _same_number(
            gold.get("value_upper"), proposed.get("value_upper")
        )
    if name in {"period", "compared_period"}:
        return _window(gold.get(name)) == _window(proposed.get(name))
    if name == "date":
        return _window(gold.get("date")) is not None and _window(gold.get("date")) == _window(
            proposed.get("date")
        )
    if name == "countries":
        if kind == "trade_figure":
            return _pair(gold) == _pair(proposed)
        return _party_set(gold) == _party_set(proposed)
    if name == "sectors":
        return set(gold.get("sectors") or []) == set(proposed.get("sectors") or [])
    return bool(_get(kind, gold, name) == _get(kind, proposed, name))


# --- scoring ---


@dataclass
class Match:
    fact: Fact
    proposal: ProposalLike
    fields: dict[str, bool]

    def right(self, required: Mapping[str, Sequence[str]]) -> bool:
        return all(self.fields[name] for name in required[self.fact.kind])


@dataclass
class ArticleScore:
    article: Article
    matches: list[Match] = field(default_factory=list)
    missed: list[Fact] = field(default_factory=list)
    unmatched: list[ProposalLike] = field(default_factory=list)
    proposals: list[ProposalLike] = field(default_factory=list)
    bad_quotes: list[str] = field(default_factory=list)
    distractor_hits: int = 0


def _touches(span: tuple[int, int], spans: Iterable[tuple[int, int]]) -> bool:
    return any(span[0] < end and start < span[1] for start, end in spans)


def quote_problem(text: str, proposal: ProposalLike) -> str | None:
    """Why a proposal's offsets do not give a quote, or None when `text[start:end]` is one."""
    start, end = proposal.start, proposal.end
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
        return f"offsets {start!r}..{end!r} outside a {len(text)}-character text"
    if not text[start:end].strip():
        return f"blank quote at {start}..{end}"
    return None


def score_article(article: Article, proposals: Sequence[ProposalLike]) -> ArticleScore:
    """Pair proposals with gold facts one to one, preferring a proposal quoted where the fact is
    and then the one with the most right fields; a second proposal of one fact is unmatched."""
    score = ArticleScore(article=article, proposals=list(proposals))
    for proposal in proposals:
        problem = quote_problem(article.text, proposal)
        if problem:
            score.bad_quotes.append(f"{article.name}: {proposal_kind(proposal)} {problem}")
    scored = [p for p in proposals if proposal_kind(p) in KINDS]
    bodies = [proposal_body(p) for p in scored]
    pairs = []
    for g, fact in enumerate(article.facts):
        for p, proposal in enumerate(scored):
            if proposal_kind(proposal) != fact.kind or not matches(fact.kind, fact.body, bodies[p]):
                continue
            fields = {
                name: field_correct(fact.kind, name, fact.body, bodies[p])
                for name in FIELDS_BY_KIND[fact.kind]
                if name in fact.body or name not in OPTIONAL_FIELDS
            }
            quoted_there = _touches((proposal.start, proposal.end), fact.spans)
            pairs.append((quoted_there, sum(fields.values()), -g, -p, fields))
    taken_facts: set[int] = set()
    taken_proposals: set[int] = set()
    for _, _, minus_g, minus_p, fields in sorted(pairs, key=lambda pair: pair[:4], reverse=True):
        g, p = -minus_g, -minus_p
        if g in taken_facts or p in taken_proposals:
            continue
        taken_facts.add(g)
        taken_proposals.add(p)
        score.matches.append(Match(fact=article.facts[g], proposal=scored[p], fields=fields))
        proposal = scored[p]
        if not quote_problem(article.text, proposal) and not _touches(
            (proposal.start, proposal.end), article.facts[g].spans
        ):
            score.bad_quotes.append(
                f"{article.name}: {fact_label(article.facts[g])} quoted at {proposal.start}..{proposal.end}, "
                "away from its sentence"
            )
    score.missed = [fact for g, fact in enumerate(article.facts) if g not in taken_facts]
    score.unmatched = [proposal for p, proposal in enumerate(scored) if p not in taken_proposals]
    score.distractor_hits = sum(
        _touches((p.start, p.end), article.distractors)
        and not _touches((p.start, p.end), _all_spans(article))
        for p in score.unmatched
    )
    return score


def _all_spans(article: Article) -> list[tuple[int, int]]:
    return [span for fact in article.facts for span in fact.spans]


def fact_label(fact: Fact) -> str:
    return f"{fact.kind} {fact.label}"


def ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def summarize(scores: Sequence[ArticleScore]) -> dict[str, Any]:
    """Counts and shares over articles: per kind, per field, and the targets' numerators."""
    per_kind = {}
    for kind in KINDS:
        gold = sum(1 for s in scores for fact in s.article.facts if fact.kind == kind)
        proposed = sum(1 for s in scores for p in s.proposals if proposal_kind(p) == kind)
        matched = sum(1 for s in scores for m in s.matches if m.fact.kind == kind)
        per_kind[kind] = {
            "gold": gold,
            "proposed": proposed,
            "matched": matched,
            "precision": ratio(matched, proposed),
            "recall": ratio(matched, gold),
        }
    per_field = {}
    matches = [m for s in scores for m in s.matches]
    for name in FIELDS:
        judged = [m.fields[name] for m in matches if name in m.fields]
        per_field[name] = {
            "matched": len(judged),
            "correct": sum(judged),
            "share": ratio(sum(judged), len(judged)),
        }
    gold_total = sum(len(s.article.facts) for s in scores)
    proposed_total = sum(1 for s in scores for p in s.proposals if proposal_kind(p) in KINDS)
    right = sum(m.right(RIGHT_FIELDS) for m in matches)
    seed_right = sum(m.right(SEED_FIELDS) for m in matches)
    return {
        "articles": len(scores),
        "per_kind": per_kind,
        "per_field": per_field,
        "gold": gold_total,
        "proposed": proposed_total,
        "matched": len(matches),
        "facts_right": right,
        "facts_right_share": ratio(right, gold_total),
        "seed_facts_right": seed_right,
        "seed_facts_right_share": ratio(seed_right, gold_total),
        "proposals_right_share": ratio(right, proposed_total),
        "quotes": sum(len(s.proposals) for s in scores),
        "bad_quotes": [problem for s in scores for problem in s.bad_quotes],
        "distractor_hits": sum(s.distractor_hits for s in scores),
    }
