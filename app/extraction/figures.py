"""Trade figures: an amount with a unit, an indicator, a period and the pair of countries, with how
the text bounds it (`bound`) and whether it is reported, preliminary, a forecast or a target."""

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from app.extraction.amounts import (
    MULTIPLE_OF,
    Amount,
    bare_amounts,
    elided_verb,
    find_amounts,
    parse_number,
    ratios,
)
from app.extraction.analysis import Reading, SentenceFacts
from app.extraction.clauses import (
    CONTRAST,
    clause_opened,
    next_clause,
    relative_clause,
)
from app.extraction.figure_pairs import (
    OWNED,
    PARTNER_MARKS,
    WITH,
    a_facility_s_total,
    home_reporter,
    pair,
    preceded_by,
    roles,
    trade_verb,
)
from app.extraction.goods import (
    FELL_TO,
    a_flow_noun,
    counted_goods,
    goods_before_colon,
    goods_named,
    goods_opening_the_sentence,
    of_no_kind,
)
from app.extraction.lexicon import vocabulary as vocab
from app.extraction.matching import Mention
from app.extraction.model import Proposal
from app.extraction.morphology import a_verb, lemma, past_verb
from app.extraction.text import Sentence, Token
from app.extraction.when import Period, find_periods, fiscal_first_month, shift_year, span
from app.iso4217 import CURRENCIES

_VOLUME = {"tonnes", "barrels_per_day", "containers", "teu", "cubic_metres", "thousand_kwh", "litres"}
_FITS = {
    "trade_turnover": CURRENCIES | {"tonnes"},
    "exports": CURRENCIES | _VOLUME | {"items"},
    "imports": CURRENCIES | _VOLUME | {"items"},
    "transit_volume": _VOLUME,
}
_BREAK = re.compile(r"[,;:()«»\"—]")
_CONJUNCTION = re.compile(r"\b(?:and|и|а|but|но|while)\b|[,;]", re.IGNORECASE)
_CHANGE_VERBS = {
    "довести",
    "увеличить",
    "вырасти",
    "возрасти",
    "увеличиться",
    "сократиться",
    "снизиться",
    "упасть",
    "уменьшиться",
    "сокращаться",
    "снижаться",
    "расти",
    "повысить",
    "нарастить",
    "bring",
    "increase",
    "boost",
    "raise",
    "rise",
    "grow",
    "reach",
    # Russian verbs of growth and decline the indicator cues know ("прибавил 4 %, до 2,7 млрд")
    *(word for word in (*vocab.GROWTH["ru"], *vocab.DECLINE["ru"]) if " " not in word),
}


# The key of `last_period` beside the paragraphs: the last fiscal year told.
_FISCAL = -1
# … and the period of the text's first figure: a release's own period.
_FIRST = -2


# "по окончательным данным", "according to revised figures", a line "August 2026, revised: …": a
# figure the release gives as final
_FINAL_DATA = re.compile(
    r"\b(?:final|revised)\s+(?:data|figures|numbers)\b|\b(?:final|revised)\s*:|(?<!\w)(?:окончательн|уточн[её]нн)\w*\s+данн",
    re.IGNORECASE,
)

# "according to the port operators", "по данным железнодорожной администрации", "data published by
# the Slovak statistical office", "Hungarian customs statistics, quoted for reference, put …": a source
# named for the figure; not the data's kind ("according to preliminary data", "по данным за январь–июнь")
_CITED_SOURCE = re.compile(
    r"(?:\baccording\s+to|(?<!\w)по\s+(?:данным|сведениям|информации))\s+"
    r"(?!(?:the\s+)?(?:preliminary|provisional|final|revised|updated|latest|data|figures)\b|за\b|на\b)\w"
    r"|\bmirror\s+(?:data|statistics|figures)\b|\b(?:data|figures|statistics)\s+(?:published|released|compiled)\s+by\b"
    r"|\b(?:quoted|cited)\s+for\s+(?:reference|comparison)\b|(?<!\w)приводим\w*\s+для\s+(?:справки|сравнения)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Preliminary:
    """The periods a text calls its data for preliminary ("*": all of them)."""

    periods: list[str] = field(default_factory=list)
    # Periods a source's preliminary figures are of, by the paragraph that cites them
    # ("according to preliminary figures from the national statistics office"): that paragraph's.
    cited: dict[int, list[str]] = field(default_factory=dict)

    def covers(self, period: str) -> bool:
        return _within_any(period, self.periods)

    def reaches(self, period: str, sentence: Sentence) -> bool:
        """Whether a figure of `period` told in `sentence` is preliminary: one the release gives as
        final or revised ("по окончательным данным") is not, whatever period it is of, nor one it
        quotes from another source ("according to the port operators", "по данным польского
        статистического ведомства"): the release's note is of its own data. A source's preliminary
        figures a report cites reach the figures of the paragraph that cites them, not the report's
        later lines (a good's shipments, a third pair)."""
        local = _within_any(period, self.cited.get(sentence.paragraph, []))
        return (
            (self.covers(period) or local)
            and not _FINAL_DATA.search(sentence.text)
            and not _CITED_SOURCE.search(sentence.text)
        )


def propose_figures(reading: Reading, project_keys: dict[str, str | None]) -> list[Proposal]:
    proposals: list[Proposal] = []
    preliminary = _preliminary_periods(reading)
    last_indicator: dict[int, str] = {}  # paragraph → last indicator stated in it
    last_period: dict[int, str] = {}  # paragraph (0: the whole text) → last period of a figure
    last_pairs: dict[str, tuple[str, str]] = {}  # indicator → the pair of its last figure
    # The periods told so far, the last one last: figures' periods, and the periods of sentences that
    # state no figure ("импорт которых за январь–сентябрь увеличился"), which "за этот период" may mean.
    told: list[str] = []
    units_told: list[str] = []  # the units of the amounts told so far, the last one last
    fiscal_first = fiscal_first_month(facts.sentence.text for facts in reading.facts)
    for facts in reading.facts:
        sentence = facts.sentence
        default_year = reading.published.year if reading.published else _paragraph_year(reading, facts)
        periods = find_periods(
            sentence.text, sentence.start, default_year, reading.published, fiscal_first=fiscal_first
        )
        count = len(proposals)
        if not sentence.question:
            _sentence_figures(
                reading,
                proposals,
                facts,
                periods,
                project_keys,
                preliminary,
                last_indicator,
                last_period,
                last_pairs,
                told,
                units_told,
            )
        if len(proposals) == count:
            stated = [
                p.value for p in periods if not p.comparison and p.kind not in {"same", "carry", "annual"}
            ]
            if len(stated) == 1 and sentence.paragraph not in last_period and _about_a_period(reading, facts):
                # "The first quarter of 2026 was weak. Bilateral turnover slipped by 1.8 per cent…":
                # a paragraph that opens on a period tells its figures of it
                last_period[sentence.paragraph] = stated[0]
            # … a sentence of trade or its data, that is: "визит, намечавшийся на октябрь" is no
            # period "за тот же период" may point back at
            if reading.cues("INDICATORS", sentence.tokens) or _DATA_WORDS.search(sentence.text):
                told += [
                    p.value
                    for p in periods
                    if not p.comparison
                    and p.kind not in {"same", "carry", "annual"}
                    and not _not_over(p.value, reading)
                ]
    for body, facts in _table_figures(reading, proposals, preliminary):
        proposals.append(_proposal(len(proposals), body, facts.sentence, 0.6, ()))
    for body, facts in _list_figures(reading, proposals, preliminary):
        proposals.append(_proposal(len(proposals), body, facts.sentence, 0.6, ()))
    return proposals


def _sentence_figures(
    reading: Reading,
    proposals: list[Proposal],
    facts: SentenceFacts,
    periods: list[Period],
    project_keys: dict[str, str | None],
    preliminary: _Preliminary,
    last_indicator: dict[int, str],
    last_period: dict[int, str],
    last_pairs: dict[str, tuple[str, str]],
    told: list[str],
    units_told: list[str],
) -> None:
    """The figures of one sentence's amounts, in order, added to `proposals`."""
    sentence = facts.sentence
    amounts, left_out = _with_units_left_out(reading, reading.amounts(facts), facts, units_told)
    previous_end = sentence.start
    told_here: list[tuple[dict[str, Any], Amount]] = []  # the sentence's figures so far
    for index, amount in enumerate(amounts):
        next_start = amounts[index + 1].start if index + 1 < len(amounts) else sentence.end
        body, confidence = _figure(
            reading,
            facts,
            amount,
            previous_end,
            next_start,
            periods,
            last_indicator,
            last_period,
            last_pairs,
            told,
            home_reporter(reading, proposals),
        )
        previous_end = amount.end
        if body is None:
            continue
        if amount.start in left_out:
            confidence = max(confidence - 0.2, 0.3)
            if _told_before(proposals, body):
                continue  # a quote repeating, unit left out, what the text has stated
        if body["status"] == "reported" and preliminary.reaches(body["period"], sentence):
            body["status"] = "preliminary"
        if body["commodity"] == "TOTAL" and told_here:
            body["commodity"] = _goods_told_with(reading, facts, *told_here[-1], body, amount)
        elif body["commodity"] == "TOTAL":
            body["commodity"] = _goods_of_the_figure_before(reading, facts, proposals, body, amount)
        told_here.append((body, amount))
        requires: tuple[str, ...] = ()
        project_ids = []
        for mention in facts.projects:
            if mention.value.id in project_keys:
                project_ids.append(mention.value.id)
                key = project_keys[mention.value.id]
                requires += (key,) if key else ()
        if project_ids:
            body["projects"] = sorted(set(project_ids))
        proposals.append(_proposal(len(proposals), body, sentence, confidence, requires))


def _goods_told_with(
    reading: Reading,
    facts: SentenceFacts,
    last: dict[str, Any],
    last_amount: Amount,
    body: dict[str, Any],
    amount: Amount,
) -> str:
    """The goods of the sentence's figure before, for a figure of the same flow with no flow or goods
    word of its own between them: its rate, its earlier value, its value in the other measure ("Coal
    exports rose 6%, to 71.4 million tonnes, up from 67.3 million")."""
    between = _tokens_between(facts.sentence.tokens, last_amount.end, amount.start)
    flow = body["indicator"].removesuffix("_growth")
    if last["indicator"].removesuffix("_growth") != flow:
        return "TOTAL"
    text = reading.document.text
    if _TOTAL_AGAIN.search(text, last_amount.end, amount.start):
        return "TOTAL"
    earlier = _FROM_EARLIER.search(text[max(0, amount.start - 20) : amount.start])
    # "…USD 7.4 million of imports from India, up from USD 5.9 million": the flow's own word between
    # a value and its earlier one names the same goods' flow again
    cues = [c for c in reading.cues("INDICATORS", between) if not (earlier and c.value == flow)]
    if any(_names_a_flow(reading, between, cue) for cue in cues):
        return "TOTAL"
    return str(last["commodity"])


def _names_a_flow(reading: Reading, between: Sequence[Token], cue: Mention[str]) -> bool:
    """Whether a flow word between two amounts opens a figure of its own ("…, while imports
    reached"): a noun does, unless it qualifies the amount before ("USD 7.4 million of imports from
    India", "…of Latvia's imports"); a verb or a participle of the flow ("were shipped",
    "отгруженных") goes on with the goods already told."""
    if (
        between[:1]
        and between[0].text.lower() == "of"
        and all(t.text[:1].isupper() or t.text in {"'s", "’s"} for t in between[1 : cue.first])
    ):
        return False
    return a_flow_noun(reading, between, cue)


# "…, while total exports…", "…, а всего…": the sentence goes on to the figure of all goods
_TOTAL_AGAIN = re.compile(
    r"\b(?:total|overall|all\s+goods)\b|(?<!\w)(?:всего|в\s+целом|итого)(?!\w)", re.IGNORECASE
)


# "a slightly lower total of about $301 million", "в сумме около 300 млн": the amount named the total
_A_TOTAL = re.compile(r"(?:\btotal|(?<!\w)в\s+сумме)\s+(?:of\s+)?(?:\w+\s+)?$", re.IGNORECASE)


# "за тот же период", "in value terms": a figure that gives the sentence before's flow again
_SAME_FLOW_AGAIN = re.compile(
    r"\b(?:(?:in|over|during)\s+the\s+same\s+period|in\s+value\s+terms|th(?:ose|ese)\s+(?:shipments|supplies"
    r"|deliveries|exports|imports))\b|(?<!\w)(?:за\s+(?:тот|этот)\s+же\s+период|в\s+(?:денежном|стоимостном)"
    r"\s+выражении|эти\s+поставки)",
    re.IGNORECASE,
)


# A pronoun for goods told before: "их отгружено", "of them"; or their volume ("этот объём", "the volume")
_GOODS_PRONOUN = re.compile(
    r"(?<!\w)их\s+(?:\w+(?:но|то|ло|ся))(?!\w)|\bof\s+them\b"
    r"|(?<!\w)(?:этот|тот\s+же|данный)\s+объ[её]м(?!\w)|\b(?:the|this|that)\s+(?:same\s+)?volume\b",
    re.IGNORECASE,
)


def _goods_of_the_figure_before(
    reading: Reading,
    facts: SentenceFacts,
    proposals: Sequence[Proposal],
    body: dict[str, Any],
    amount: Amount,
) -> str:
    """The goods of the previous sentence's figure, for a figure of no goods of its own that gives the
    same flow in the other measure ("…1,1 млн тонн пшеницы. Поставки за тот же период составили
    290 млн долларов"); else the total. A figure in the same measure ("Over the same period, exports
    to China totalled $15 billion") is another figure, of all goods."""
    sentence = facts.sentence
    text = reading.document.text
    # "…их отгружено 74,5 тыс. тонн", "…9,500 tonnes of them": the goods themselves, in any measure
    pronoun = _GOODS_PRONOUN.search(text, sentence.start, min(amount.end + 10, sentence.end))
    # "…6,5 млн тонн российской пшеницы. А за первый квартал … поставлено свыше 2 млн тонн": tonnes of
    # no goods, not even of goods of no kind, go on with the goods the sentence before counted in them
    bare = (
        body["unit"] in _VOLUME
        and not reading.cues("COMMODITIES", sentence.tokens)
        and not any(of_no_kind(reading.language, t.text) for t in sentence.tokens)
        and not _TOTAL_AGAIN.search(text, sentence.start, sentence.end)
    )
    same_flow = _SAME_FLOW_AGAIN.search(text, sentence.start, amount.start)
    if not pronoun and not bare and not same_flow:
        return "TOTAL"
    same_paragraph = [f.sentence for f in reading.facts if f.sentence.paragraph == sentence.paragraph]
    previous = [s for s in same_paragraph if s.end <= sentence.start][-1:]
    # the sentence before's figures of this flow; tonnes of no goods go on with its last figure in
    # tonnes ("…11,400 tonnes of hazelnuts …, worth USD 71 million. … expects shipments to top
    # 15,000 tonnes"), the rest with its last figure
    same = [
        p.body
        for p in proposals
        if previous and p.start == previous[0].start and p.body["indicator"] == body["indicator"]
    ]
    in_unit = [b for b in same if b["unit"] == body["unit"]]
    if not same or body["unit"] == "percent":
        return "TOTAL"
    last = same[-1]
    other_measure = (last["unit"] in CURRENCIES) != (body["unit"] in CURRENCIES)
    # "В денежном выражении экспорт Казахстана в ФРГ достиг…": a flow named anew with both its sides
    # is the whole flow, whatever goods the sentence before counted
    named_anew = len({m.value.code for m in facts.countries if m.start < amount.start}) >= 2
    if pronoun or (same_flow and other_measure and not named_anew):
        return str(last.get("commodity", "TOTAL"))
    if bare and in_unit:
        return str(in_unit[-1].get("commodity", "TOTAL"))
    return "TOTAL"


def _about_a_period(reading: Reading, facts: SentenceFacts) -> bool:
    """A short sentence with no amount that opens on the period it is about ("The first quarter of
    2026 was weak.")."""
    sentence = facts.sentence
    if sentence.question or len(sentence.tokens) > 10 or reading.amounts(facts):
        return False
    year = reading.published.year if reading.published else None
    periods = find_periods(sentence.text, 0, year, reading.published)
    return bool(periods) and periods[0].start <= 12


_PEOPLE = re.compile(
    r"\b(?:турист\w*|человек|жител\w+|населени\w+|пассажир\w*|посетител\w+|студент\w*|жив[уёе]т|прожива\w+"
    r"|tourists?|visitors?|people|residents?|population|passengers?|students?|inhabitants?)\b",
    re.IGNORECASE,
)


def _with_units_left_out(
    reading: Reading, amounts: list[Amount], facts: SentenceFacts, units_told: list[str]
) -> tuple[list[Amount], set[int]]:
    """The sentence's amounts, with the millions and billions whose unit it leaves out given the unit
    the text counted in last ("В прошлом году … 61 млн долларов. За пять месяцев мы вышли на 40
    миллионов, это плюс…"); and where those start. Adds the sentence's units to `units_told`."""
    sentence = facts.sentence
    left_out: set[int] = set()
    found = list(amounts)
    # "Грузинских туристов в Молдове побывало около 1,2 миллиона": a count of people, not the
    # dollars the sentence before counted in
    counts_people = _PEOPLE.search(sentence.text) is not None
    for bare in [] if counts_people else bare_amounts(sentence.text, sentence.start, reading.language):
        if any(a.start < bare.end and bare.start < a.end for a in amounts):
            continue
        earlier = [a.unit for a in amounts if a.end <= bare.start and a.unit != "percent"]
        # From an earlier sentence, money is what a bare million counts, when the text told any:
        # "…around 21,000 tonnes. Imports from Italy were 71 million." are dollars.
        money = [u for u in units_told if u in CURRENCIES]
        unit = earlier[-1] if earlier else money[-1] if money else units_told[-1] if units_told else None
        if unit is None:
            continue
        found.append(Amount(bare.value, bare.value_upper, unit, bare.start, bare.end))
        left_out.add(bare.start)
    if left_out:
        # "дало 5,3 миллиона — в полтора раза больше, чем год назад": the ratio beside the amount
        found += ratios(sentence.text, sentence.start, reading.language, found)
    units_told += [a.unit for a in amounts if a.unit != "percent"]
    return sorted(found, key=lambda a: a.start), left_out


def _told_before(proposals: Sequence[Proposal], body: dict[str, Any]) -> bool:
    """An earlier figure of the same flow, pair, period and value (within rounding)."""
    pair = {body["reporter"], body["partner"]}
    return any(
        p.kind == "trade_figure"
        and p.body["indicator"] == body["indicator"]
        and p.body["period"] == body["period"]
        and {p.body["reporter"], p.body["partner"]} == pair
        and abs(p.body["value"] - body["value"]) <= 0.005 * abs(body["value"])
        for p in proposals
    )


def _proposal(
    earlier: int, body: dict[str, Any], sentence: Sentence, confidence: float, requires: tuple[str, ...]
) -> Proposal:
    """The next trade figure's proposal, quoting its sentence."""
    return Proposal(
        f"trade_figure:{earlier + 1}",
        "trade_figure",
        body,
        sentence.start,
        sentence.end,
        round(confidence, 2),
        tuple(dict.fromkeys(requires)),
    )


_TABLE_SCALE = {"тыс": 1e3, "thousand": 1e3, "млн": 1e6, "million": 1e6, "млрд": 1e9, "billion": 1e9}
_TABLE_UNIT = re.compile(
    r"\b(?P<scale>тыс|thousand|млн|million|млрд|billion)\b.*?(?P<unit>US\$|USD|долл|dollar|тонн|tonne)"
    r"|(?P<unit2>US\$|USD)\s*(?P<scale2>thousand|million|billion)\b",
    re.IGNORECASE,
)
_TABLE_TOTAL = {"total", "итого", "всего"}
# A column of changes: "Change (%)", "в % к январю–сентябрю 2025 г.", "прирост, %"
_CHANGE_HEAD = re.compile(r"%|\b(?:change|growth)\b|изменени|прирост|темп", re.IGNORECASE)
# … told as an index of the base, 100 being no change: "в % к …", "% of", "as % of"
_INDEX_HEAD = re.compile(r"в\s*%\s*к|%\s*(?:к|of|to)\b|\bin\s*%\s*(?:of|to)\b", re.IGNORECASE)
# A change against the span just before ("-3.1% q/q", "к предыдущему кварталу"), not a year before
_SPAN_BEFORE = re.compile(
    r"\b(?:q/q|m/m|qoq|mom)\b|(?:quarter|month)\s+on\s+(?:quarter|month)|к\s+предыдущему", re.IGNORECASE
)
_CHANGE_CELL = re.compile(r"\s*([+\-−–]?)\s*(\d+(?:[.,]\d+)?)\s*%?")
_YEAR_LABEL = re.compile(
    r"(?:(?:full|whole|calendar)[\s-]+year|year|итого\s+за|за)?\s*((?:19|20)\d{2})(?:\s*(?:год|г)\.?)?",
    re.IGNORECASE,
)


@dataclass
class _Column:
    """What a table's column holds: a period's values, a flow's values, or their changes in percent
    (`index`: told as a share of the base, 100 being no change)."""

    kind: str  # "period", "flow" or "change"
    period: str | None = None
    indicator: str | None = None
    unit: tuple[float, str] | None = None
    index: bool = False
    base: str | None = None


def _cells(sentence: Sentence) -> list[tuple[str, int, int]]:
    """A table row's cells: their stripped text, and where each stands in the document."""
    cells = []
    start = sentence.start
    for part in sentence.text.split("|"):
        cells.append((part.strip(), start, start + len(part)))
        start += len(part) + 1
    return cells


def _table_period(reading: Reading, text: str, year: int | None) -> str | None:
    """The one period a cell names ("январь–сентябрь 2026 г.", "Q3 2026", "Full year 2025")."""
    periods = [p for p in find_periods(text, 0, year, reading.published) if p.kind not in {"same", "carry"}]
    if len(periods) == 1 and not periods[0].comparison:
        return periods[0].value
    bare = _YEAR_LABEL.fullmatch(text)
    return bare.group(1) if bare and not periods else None


def _unit_of(reading: Reading, words: str | None) -> tuple[float, str] | None:
    """The scale and unit some words give a column ("(млн долларов США)", "USD million",
    "million euros")."""
    if not words:
        return None
    found = _TABLE_UNIT.search(words)
    if found is not None:
        scale = _TABLE_SCALE[(found.group("scale") or found.group("scale2")).lower()]
        return scale, "tonnes" if (found.group("unit") or "").lower() in {"тонн", "tonne"} else "USD"
    for part in [*re.findall(r"\(([^()]+)\)", words), *re.split(r"[,;()]", words)]:
        # "USD million" is "1 million USD" written the way a column is headed
        part = _CURRENCY_FIRST.sub(r"\2 \1", part.strip())
        units = find_amounts(f"1 {part}", 0, reading.language, (reading.main_pair,)) if part else []
        if len(units) == 1 and units[0].unit != "percent":
            return units[0].value, units[0].unit
    return None


def _column(
    reading: Reading, header: SentenceFacts, cell: tuple[str, int, int], year: int | None
) -> _Column | None:
    text, start, end = cell
    if _CHANGE_HEAD.search(text):
        bases = [
            p for p in find_periods(text, 0, year, reading.published) if p.comparison and p.kind != "same"
        ]
        return _Column("change", index=bool(_INDEX_HEAD.search(text)), base=bases[0].value if bases else None)
    period = _table_period(reading, text, year)
    if period is not None:
        return _Column("period", period=period)
    cues = _indicator_cues(reading, _tokens_between(header.sentence.tokens, start, end))
    if cues:
        return _Column("flow", indicator=cues[0].value, unit=_unit_of(reading, text))
    return None


def _change(text: str, column: _Column) -> float | None:
    """A change cell's rate in percent ("+5.4% on 2024", "105,1" in an index column)."""
    found = _CHANGE_CELL.match(text)
    if found is None:
        return None
    value = float(found.group(2).replace(",", "."))
    value = -value if found.group(1) in {"-", "−", "–"} else value
    return round(value - 100, 6) if column.index else value


def _span_before(period: str) -> str:
    first, last = _months(period)
    return _months_span(2 * first - last - 1, first - 1)


def _table_figures(
    reading: Reading, proposals: list[Proposal], preliminary: _Preliminary
) -> list[tuple[dict[str, Any], SentenceFacts]]:
    """A table written as text, its unit in the caption line above it ("(US$ million)", "(million
    euros)") or in a column's head ("Turnover, USD million"): its rows are flows and its columns
    periods ("Flow | Jan–Oct 2025 | Jan–Oct 2026" over "Exports | 10,720.3 | 10,119.8"), or its rows
    periods and its columns flows ("Period | Exports | Imports" over "1st quarter | 741.2 | 688.0");
    a column of changes ("Change (%)", "в % к январю–сентябрю 2025 г.") gives the rate of the
    values to its left. A figure per cell that the text has not already told (a release repeats its
    current figures in prose). The flows' sides are the row's, the caption's or the release's."""
    found: list[tuple[dict[str, Any], SentenceFacts]] = []
    facts_list = reading.facts
    told = [(p.body["indicator"], p.body["period"], p.body["value"]) for p in proposals]
    home = home_reporter(reading, proposals)
    for index, header in enumerate(facts_list):
        cells = _cells(header.sentence)
        if len(cells) < 3 or index == 0 or "|" in facts_list[index - 1].sentence.text:
            continue
        # The caption is the line above the header, whether or not it was read as a sentence.
        above = reading.document.text[: header.sentence.start].rstrip().rpartition("\n")[2]
        years = set(re.findall(r"\b(?:19|20)\d{2}\b", above))
        year = int(years.pop()) if len(years) == 1 else reading.published.year if reading.published else None
        caption_unit = _unit_of(reading, above)
        columns = {
            i: c for i, cell in enumerate(cells[1:], start=1) if (c := _column(reading, header, cell, year))
        }
        by_period = any(c.kind == "period" for c in columns.values())
        for row in facts_list[index + 1 :]:
            values = _cells(row.sentence)
            if len(values) != len(cells) or row.sentence.paragraph != header.sentence.paragraph:
                break
            label, label_start, label_end = values[0]
            if by_period:
                cues = _indicator_cues(reading, _tokens_between(row.sentence.tokens, label_start, label_end))
                flow = cues[0].value if cues else "trade_turnover" if label.lower() in _TABLE_TOTAL else None
                row_period = None
            else:
                flow, row_period = None, _table_period(reading, label, year)
                if row_period is None:
                    continue
            last: tuple[str, str, tuple[float, str] | None] | None = (
                None  # the flow, period, unit to the left
            )
            for column_index, column in sorted(columns.items()):
                text = values[column_index][0]
                if column.kind == "change":
                    rate = _change(text, column)
                    if last is None or rate is None:
                        continue
                    flow_left, period_left, _ = last
                    base = (
                        column.base
                        or (_span_before(period_left) if _SPAN_BEFORE.search(text) else None)
                        or shift_year(period_left, -1)
                    )
                    sides = pair(reading, row, flow_left, home=home)
                    body = sides and _listed_figure(
                        reading,
                        told,
                        preliminary,
                        sides[0],
                        f"{flow_left}_growth",
                        period_left,
                        rate,
                        "percent",
                    )
                    if body:
                        body["compared_period"] = base
                        found.append((body, row))
                    continue
                indicator = flow if by_period else column.indicator
                period = column.period if by_period else row_period
                unit = caption_unit if by_period else column.unit or caption_unit
                if indicator is None or period is None or unit is None or unit[1] not in _FITS[indicator]:
                    last = None
                    continue
                last = (indicator, period, unit)
                if not re.fullmatch(r"-?\d[\d \u00a0\u202f.,]*", text):
                    continue
                sides = pair(reading, row, indicator, home=home)
                if sides is None:
                    continue
                value = round(parse_number(text, reading.language) * unit[0], 6)
                body = _listed_figure(reading, told, preliminary, sides[0], indicator, period, value, unit[1])
                if body is not None:
                    found.append((body, row))
    return found


def _listed_figure(
    reading: Reading,
    told: list[tuple[str, str, float]],
    preliminary: _Preliminary,
    pair: tuple[str, str],
    indicator: str,
    period: str,
    value: float,
    unit: str,
) -> dict[str, Any] | None:
    """The body of a figure a table or list gives, exact; None if the text has told it already (within
    rounding). Preliminary where the text says so of its period; a forecast if the period has not ended."""
    if any(i == indicator and p == period and abs(v - value) <= 0.005 * abs(value) for i, p, v in told):
        return None
    status = "preliminary" if preliminary.covers(period) else "reported"
    reporter, partner = pair
    return {
        "reporter": reporter,
        "partner": partner,
        "indicator": indicator,
        "commodity": "TOTAL",
        "period": period,
        "value": value,
        "unit": unit,
        "bound": "exact",
        "status": "forecast" if _not_over(period, reading) else status,
    }


_LIST_CAPTION = re.compile(
    r"(?:,\s*(?P<lead>[^,()]+?)\s*)?(?:\((?P<bracket>[^()]+)\)|,\s*(?P<tail>[^,()]+))\s*:\s*$"
)
_LIST_NUMBER = r"-?\d[\d \u00a0\u202f]*(?:[.,]\d+)?"
# "экспорт в Италию — 10 412,3 (-7,9%);": a line's change in brackets after its value
_LIST_ROW = re.compile(
    rf"\s*(?P<label>[^:|]{{2,40}}?)\s*[—–:]\s*(?P<values>{_LIST_NUMBER}(?:\s*/\s*{_LIST_NUMBER})*)"
    r"(?:\s*\((?P<change>[+\-−–]?\s*\d+(?:[.,]\d+)?)\s*%\))?\s*[;.]?\s*"
)
Flow = tuple[str, tuple[str, str]]  # an indicator and its (reporter, partner)


def _list_figures(
    reading: Reading, proposals: list[Proposal], preliminary: _Preliminary
) -> list[tuple[dict[str, Any], SentenceFacts]]:
    """A list under a caption that gives its unit ("Динамика оборота по кварталам (млн долларов
    США):" over lines "I квартал — 20,1;"): a figure per line whose label is a period. The flow is
    the caption's, else the one the text told last; a caption's brackets may name one flow per
    column ("USD million (Chilean exports to Peru / Chilean imports from Peru):" over
    "January–March: 702.4 / 488.0"). A line may name its flow instead, the caption the period
    ("Основные показатели за январь–сентябрь 2026 года (млн долларов США):" over "экспорт в Италию —
    10 412,3 (-7,9%);"), its change in brackets. A line the text has already told is left out."""
    found: list[tuple[dict[str, Any], SentenceFacts]] = []
    facts_list = reading.facts
    year = reading.published.year if reading.published else None
    told = [(p.body["indicator"], p.body["period"], p.body["value"]) for p in proposals]
    home = home_reporter(reading, proposals)
    for index, caption in enumerate(facts_list):
        heading = _LIST_CAPTION.search(caption.sentence.text)
        following = facts_list[index + 1].sentence.text if index + 1 < len(facts_list) else ""
        if heading is None or not _LIST_ROW.fullmatch(following):
            continue
        scale_unit = _caption_unit(reading, heading)
        caption_periods = [
            p
            for p in find_periods(caption.sentence.text, 0, year, reading.published)
            if not p.comparison and p.kind not in {"same", "carry"}
        ]
        flows = _caption_flows(reading, proposals, caption, heading)
        if scale_unit is None:
            continue
        scale, unit = scale_unit
        for row in facts_list[index + 1 :]:
            line = _LIST_ROW.fullmatch(row.sentence.text)
            if line is None or row.sentence.paragraph != caption.sentence.paragraph:
                break
            values = re.split(r"\s*/\s*", line.group("values").strip())
            periods = [
                p for p in find_periods(line.group("label"), 0, year, reading.published) if not p.comparison
            ]
            row_flows = flows
            if not periods and len(caption_periods) == 1 and len(values) == 1:
                # a line that names its flow, of the caption's period
                periods = caption_periods
                label_end = row.sentence.start + line.end("label")
                cues = _indicator_cues(
                    reading, _tokens_between(row.sentence.tokens, row.sentence.start, label_end)
                )
                sides = pair(reading, row, cues[0].value, home=home) if cues else None
                row_flows = [(cues[0].value, sides[0])] if cues and sides else []
            if not row_flows or any(unit not in _FITS[indicator] for indicator, _ in row_flows):
                continue
            if len(values) != len(row_flows) or len(periods) != 1 or periods[0].kind in {"same", "carry"}:
                continue
            period = periods[0].value
            for (indicator, countries), raw in zip(row_flows, values, strict=True):
                value = round(parse_number(raw, reading.language) * scale, 6)
                body = _listed_figure(reading, told, preliminary, countries, indicator, period, value, unit)
                if body is not None:
                    found.append((body, row))
            rate = _change(line.group("change"), _Column("change")) if line.group("change") else None
            if rate is not None and len(row_flows) == 1:
                indicator, countries = row_flows[0]
                body = _listed_figure(
                    reading, told, preliminary, countries, f"{indicator}_growth", period, rate, "percent"
                )
                if body is not None:
                    body["compared_period"] = shift_year(period, -1)
                    found.append((body, row))
    return found


_CURRENCY_FIRST = re.compile(r"^(US\$|USD|EUR|\$|€)\s*(thousand|million|billion)\b", re.IGNORECASE)


def _caption_unit(reading: Reading, heading: re.Match[str]) -> tuple[float, str] | None:
    """The scale and unit a caption gives ("(млн евро)", ", USD million (…)")."""
    for words in (heading.group("bracket"), heading.group("tail"), heading.group("lead")):
        unit = _unit_of(reading, words)
        if unit is not None:
            return unit
    return None


def _caption_flows(
    reading: Reading, proposals: list[Proposal], caption: SentenceFacts, heading: re.Match[str]
) -> list[Flow]:
    """The flow of each column: named in the brackets one per column, else the caption's, else the
    figure the text told last."""
    sentence = caption.sentence
    bracket = heading.group("bracket")
    if bracket and "/" in bracket:
        flows: list[Flow] = []
        start = sentence.start + heading.start("bracket")
        for part in bracket.split("/"):
            end = start + len(part)
            tokens = _tokens_between(sentence.tokens, start, end)
            cues = _indicator_cues(reading, tokens)
            countries = [m for m in caption.countries if start <= m.start < end]
            if not cues:
                return []
            reporter, partner = roles(sentence.tokens, countries, cues[0].value)
            if reporter is None or partner is None:
                return []
            flows.append((cues[0].value, (reporter, partner)))
            start = end + 1
        return flows
    cues = _indicator_cues(reading, sentence.tokens)
    if cues:
        sides = pair(reading, caption, cues[0].value)
        return [(cues[0].value, sides[0])] if sides else []
    earlier = [p for p in proposals if p.start < sentence.start and p.kind == "trade_figure"]
    earlier = [p for p in earlier if not p.body["indicator"].endswith("_growth")]
    if not earlier:
        return []
    return [(earlier[-1].body["indicator"], (earlier[-1].body["reporter"], earlier[-1].body["partner"]))]


_DATA_WORDS = re.compile(r"\b(?:данн\w+|цифр\w*|показател\w+|data|figures?|numbers)\b", re.IGNORECASE)
# What else a release calls its numbers when it says they are preliminary ("Сведения за 2026 год
# являются предварительными", "Statistics for 2026 are provisional"); not a period's data
# otherwise ("по итогам визита", "the economic results of the year").
_RELEASE_DATA_WORDS = re.compile(r"\b(?:сведени\w+|итог\w*|statistics|information)\b", re.IGNORECASE)


# "preliminary figures from Geostat", "provisional data of the customs service": a source named
# for its preliminary figures, which a report (not the source's own release) cites.
_PRELIMINARY_FROM = re.compile(
    r"\b(?:preliminary|provisional|flash)\s+(?:data|figures|numbers|statistics|estimates)\s+(?:from|of|by)\s+\w",
    re.IGNORECASE,
)


def _preliminary_periods(reading: Reading) -> _Preliminary:
    """Periods a digest says its data for are preliminary ("Данные за январь–сентябрь носят
    предварительный характер"), or a figure's ("Оборот за январь–июнь, по предварительным данным,
    составил…")."""
    preliminary = _Preliminary()
    for facts in reading.facts:
        sentence = facts.sentence
        if not reading.cues("PRELIMINARY", sentence.tokens) or not (
            _DATA_WORDS.search(sentence.text) or _RELEASE_DATA_WORDS.search(sentence.text)
        ):
            continue
        year = reading.published.year if reading.published else _paragraph_year(reading, facts)
        found = find_periods(sentence.text, sentence.start, year, reading.published)
        stated = [p.value for p in found if not p.comparison and p.kind not in {"same", "carry"}]
        if reading.amounts(facts):
            # "Оборот за январь–июнь, по предварительным данным, составил…": the release's other
            # figures of that period are preliminary too; not in an interview, where the word
            # qualifies the one figure the speaker cites.
            if _PRELIMINARY_FROM.search(sentence.text):
                preliminary.cited.setdefault(sentence.paragraph, []).extend(stated)
            elif not _is_answer(reading, sentence.paragraph):
                preliminary.periods.extend(stated)
            continue
        preliminary.periods.extend(stated or ["*"])
    return preliminary


def _not_over(period: str, reading: Reading) -> bool:
    """A period that ends after the month of publication: what the text says of it is ahead."""
    published = reading.published
    return published is not None and _months(period)[1] > published.year * 12 + published.month - 1


# English verbs that tell a flow that happened; Russian ones are known by their tense.
_PAST_VERB = re.compile(
    r"(?:shipped|sent|sold|exported|imported|delivered|received|took|bought|supplied|handled|moved"
    r"|reached|totall?ed|amounted|came|was|were|had)",
    re.IGNORECASE,
)


def _so_far_this_year(reading: Reading, periods: list[Period], period: str, before: Sequence[Token]) -> bool:
    """ "this year" of a flow told in the past tense ("Kyrgyz exporters sent some 2,300 containers
    … this year"): the months up to the article's, not the whole year still running."""
    published = reading.published
    if published is None or period != str(published.year) or published.month == 12:
        return False
    if not any(p.kind == "this_year" and not p.comparison and p.value == period for p in periods):
        return False
    if reading.language == "en":
        return any(_PAST_VERB.fullmatch(t.text) for t in before)
    return any(past_verb(t.text) for t in before)


def _year_to_date(reading: Reading) -> str:
    assert reading.published is not None
    return span(reading.published.year, 1, reading.published.month)


def _months(period: str) -> tuple[int, int]:
    """A period as its first and last month, counted from year 0."""
    parts = period.split("/")

    def month(part: str, last: bool) -> int:
        year, _, rest = part.partition("-")
        number = int(rest[:2]) if rest else (12 if last else 1)
        return int(year) * 12 + number - 1

    return month(parts[0], False), month(parts[-1], True)


def _within_any(period: str, periods: list[str] | None) -> bool:
    if not periods:
        return False
    first, last = _months(period)
    return any(p == "*" or (_months(p)[0] <= first and last <= _months(p)[1]) for p in periods)


def _has_period(reading: Reading, paragraph: int, bases: bool = True, own: bool = False) -> bool:
    """Whether a paragraph names a period; without `bases`, other than a base told only against
    the figure's own period ("up from $5.9 million a year earlier", "than in the same months of last
    year"), which names no period of its own; with `own`, other than any base ("чем за январь–июль
    прошлого года" in a release's numbered item)."""
    year = reading.published.year if reading.published else None
    return any(
        bases or not (period.comparison and (own or period.kind == "same"))
        for other in reading.document.paragraph_sentences(paragraph)
        for period in find_periods(other.text, other.start, year, reading.published)
    )


def _points_at_a_period(reading: Reading, periods: Sequence[Period]) -> bool:
    """Whether a sentence names a period, or points back at one ("in the same half"); a base told
    against the figure's own period ("чем годом ранее", "a year earlier") is none."""
    text = reading.document.text
    return any(
        not (p.comparison and p.kind == "same")
        or re.search(r"same|(?<!\w)(?:тот|этот|те|том)\s+же", text[p.start : p.end])
        for p in periods
    )


def _names_only(reading: Reading, facts: SentenceFacts, period: str | None) -> bool:
    """Whether the other sentences of a sentence's paragraph name a period, and that one alone
    (bases of comparison aside)."""
    year = reading.published.year if reading.published else None
    named = {
        found.value
        for other in reading.document.paragraph_sentences(facts.sentence.paragraph)
        if other.index != facts.sentence.index
        for found in find_periods(other.text, other.start, year, reading.published)
        if not found.comparison and found.kind not in {"same", "carry", "annual"}
    }
    return period is not None and named == {period}


def _paragraph_year(reading: Reading, facts: SentenceFacts) -> int | None:
    """Without a publication date, "the year" is the last year the paragraph named outright."""
    year = None
    for other in reading.document.paragraph_sentences(facts.sentence.paragraph):
        if other.index > facts.sentence.index:
            break
        for match in re.finditer(r"\b(?:19|20)\d{2}\b", other.text):
            year = int(match.group())
    return year


_NUMBERED_ITEM = re.compile(r"\d{1,2}\.\s")

# A sentence whose subject is a price (a unit's price, not a sum traded), and the words that would
# make the amount a flow of trade after all.
_PRICE_SUBJECT = re.compile(
    r"^\W*(?:\d+\.\s*)?(?:the\s+)?(?:(?:average|mean)\s+|средн\w+\s+)?(?:(?:export|import|экспортн\w+|импортн\w+)\s+)?"
    r"(?:price|цена)\b",
    re.IGNORECASE,
)
_FLOW_WORD = re.compile(
    r"\b(?:экспорт\w*|импорт\w*|товарооборот\w*|оборот\w*|exports?|imports?|trade|turnover)\b", re.IGNORECASE
)


# Flow words that say no direction of their own ("поставки", "deliveries"), unlike "экспорт" or "ввоз".
_NEUTRAL_FLOW = re.compile(r"поставк|поставок|deliveries|supplies|shipments", re.IGNORECASE)


def _paragraph_tells(reading: Reading, facts: SentenceFacts, indicator: str) -> bool:
    """Whether a sentence before this one in its paragraph names the flow."""
    sentence = facts.sentence
    return any(
        cue.value == indicator
        for other in reading.facts[: sentence.index]
        if other.sentence.paragraph == sentence.paragraph
        for cue in reading.cues("INDICATORS", other.sentence.tokens)
    )


def _tokens_between(tokens: Sequence[Token], start: int, end: int) -> list[Token]:
    return [t for t in tokens if start <= t.start and t.end <= end]


def _figure(
    reading: Reading,
    facts: SentenceFacts,
    amount: Amount,
    previous_end: int,
    next_start: int,
    periods: list[Period],
    last_indicator: dict[int, str],
    last_period: dict[int, str],
    last_pairs: dict[str, tuple[str, str]],
    told: list[str],
    home: str | None = None,
) -> tuple[dict[str, Any] | None, float]:
    sentence = facts.sentence
    tokens = sentence.tokens
    language = reading.language
    confidence = 0.9
    before = _tokens_between(tokens, previous_end, amount.start)
    after = _tokens_between(tokens, amount.end, next_start)[:4]
    whole_before = _tokens_between(tokens, sentence.start, amount.start)
    not_trade = [m for m in reading.cues("NOT_TRADE", before[-6:]) if not _accounted_for(tokens, m, amount)]
    if not_trade or reading.cues("NOT_TRADE", _own_clause(after[:3])):
        return None, 0
    if amount.unit in CURRENCIES and _another_sum(reading, whole_before, after[:2]):
        return None, 0  # "Qatari investments in Türkiye, he added, had exceeded USD 33 billion"
    if amount.unit != "percent" and _ABSOLUTE_CHANGE.search(
        reading.document.text[max(sentence.start, amount.start - 40) : amount.start]
    ):
        return None, 0  # "an increase of USD 105.2 million", "вырос на 105 млн": a change, not a level
    if reading.cues("TRADE_BALANCE", whole_before[-12:]):
        return None, 0
    if _PRICE_SUBJECT.match(sentence.text) and not _FLOW_WORD.search(
        reading.document.text[sentence.start : amount.start]
    ):
        return None, 0  # "The average price of a tonne of tea shipped to Poland was USD 2,900": a price
    following = _tokens_between(tokens, amount.end, next_start)[:6]  # "…of copper ore to all destinations"
    if _not_pair(reading, whole_before[-12:], facts) or _not_pair(reading, following, facts):
        return None, 0  # one country's trade with the world or with a group of countries
    if _one_countrys_total(reading, facts, whole_before[-12:], amount.start) or _sold_everywhere(
        facts, amount.start
    ):
        return None, 0
    # Indicator: the nearest cue before the amount, else after it in the same clause.
    indicator_cues = _indicator_cues(reading, before) or _flow_told_after(
        reading, before, _tokens_between(tokens, amount.end, next_start)
    )
    indicator_cues = indicator_cues or _indicator_cues(reading, whole_before)
    indicator = indicator_cues[-1].value if indicator_cues else None
    nouns = [c for c in indicator_cues if not trade_verb(reading, tokens[c.first])]
    if nouns and indicator_cues[-1] not in nouns:
        # "основой российского экспорта остаётся зерно: … Египет закупил в России": the flow the
        # sentence names, told from the buyer's side; its roles follow the seller (figure_pairs._bought_from).
        indicator = nouns[-1].value
    if (
        indicator_cues
        and _total_of(tokens, indicator_cues[-1])
        and not _partner_before(facts, amount.start)
        and not _bilateral(facts)
    ):
        return None, 0  # "Azerbaijan's total gas exports": to every buyer, not to one
    seller: str | None = None
    if indicator == "trade_turnover" and amount.unit != "percent":
        seller = _one_sides_goods(reading, facts, amount)
        if seller is None and _FALLS_TO.match(reading.document.text, amount.end, sentence.end):
            return None, 0  # "…, из которых 1,1 млрд пришлось на нефть": goods of neither side told
        indicator = "exports" if seller else indicator
    freight = [c for c in reading.cues("INDICATORS", after) if c.value in {"exports", "imports"}]
    if any(cue.value == "transit_volume" for cue in reading.cues("INDICATORS", before)):
        indicator = "transit_volume"  # "transit cargo shipped to Baku": transit, whatever the verb
    if indicator == "transit_volume" and _carriage_verb(reading, before):
        # "перевезено 57 тыс. тонн импортных грузов": the verb carries, the goods' word names the flow;
        # with none, the flow the paragraph is about ("В 2025 году было перевезено 812 тыс. тонн").
        carried_flow = last_indicator.get(sentence.paragraph)
        if freight:
            indicator = freight[0].value
        elif carried_flow in {"exports", "imports"} and not reading.cues("INDICATORS", whole_before[:-3]):
            indicator = carried_flow
    if indicator == "transit_volume" and _from_one_to_the_other(reading, facts):
        indicator = "exports"  # "Freight moved by rail from Tanzania to Uganda…": no country carries it
    if indicator == "exports" and indicator_cues and _arrived_from(reading, facts, indicator_cues[-1]):
        indicator = "imports"  # "из Польши поступило 86 тыс. тонн": what came in from there
    if (
        indicator == "exports"
        and not facts.countries
        and last_indicator.get(sentence.paragraph) == "imports"
        and _NEUTRAL_FLOW.match(tokens[indicator_cues[-1].first].text)
        and not _paragraph_tells(reading, facts, "exports")
    ):
        # "Импорт из Беларуси … Поставки молочной продукции оценены в 16,9 тыс. тонн": supplies that
        # name no side are those of the flow the paragraph is about, when it tells no exports
        indicator = "imports"
    received = _received_goods_of_a_country(reading, facts, before, amount.end)
    earlier = _FROM_EARLIER.search(
        reading.document.text[max(sentence.start, amount.start - 20) : amount.start]
    )
    if not received and previous_end > sentence.start and earlier:
        # "…, up from 1.2 million tonnes a year earlier": the earlier value of the goods told before
        received = _received_goods_of_a_country(reading, facts, whole_before, previous_end)
    if indicator in {"imports", None} and received:
        indicator = "exports"  # "India took 1.9 million tonnes of Azerbaijani crude": Azerbaijan's exports
    if indicator is None:
        following_tokens = _tokens_between(tokens, amount.end, next_start)
        breaks = [i for i, t in enumerate(following_tokens) if t.text in {",", ";", "—", "–"}]
        if next_start < sentence.end and breaks:
            # "…at $1.31bn for calendar 2025, with Kazakh exports to India at $0.92bn": a cue in the
            # clause that leads to the next amount is that amount's.
            following_tokens = following_tokens[: breaks[0]]
        following_tokens = _before_contrast(following_tokens)
        causes = [i for i, t in enumerate(following_tokens) if t.text.lower() in _CAUSES | _CONDITIONS]
        if causes:
            # "We expect to pass $2.5 billion, mainly because car imports…", "…около 100 млн долларов,
            # если возобновятся поставки нефти": the cause or the condition is another flow
            following_tokens = following_tokens[: causes[0]]
        # "29,5 млн долларов — расхождение объясняется учётом транзита": a flow the amount's unit
        # cannot measure is not its flow
        cues_after = [
            cue
            for cue in reading.cues("INDICATORS", following_tokens)
            if amount.unit == "percent" or amount.unit in _FITS[cue.value]
        ]
        indicator = cues_after[0].value if cues_after else None
    route_end = next_clause(reading.document.text, amount.end, next_start, sentence.end)
    if indicator is None and amount.unit in _VOLUME and _routed_through(reading, facts, route_end):
        indicator = "transit_volume"  # "Через порты Поти и Батуми прошло 1,3 млн тонн туркменских грузов"
    if indicator != "transit_volume" and _with_a_bloc(facts, previous_end, amount.start):
        return None, 0  # "со странами ЕАЭС — 2 501,0 млн", "trade with the European Union"; not a route
    listed = False
    if indicator is None and amount.unit != "percent":
        # "Основные товары узбекского экспорта в Польшу:" over "хлопковая пряжа — 38,6 млн долл.
        # США;": a list's rows are of the flow its caption names
        indicator = _caption_indicator(reading, facts)
        listed = indicator is not None
    ours = False
    if (
        indicator in {None, "trade_turnover"}
        and amount.unit in CURRENCIES
        and _trade_we_had(reading, facts, whole_before)
    ):
        # "С Индонезией в прошлом году у нас было около 60 миллионов долларов (товарооборота)": the
        # speaker's trade
        indicator, ours = "trade_turnover", True
    if indicator is None and tokens and _pronoun_subject(tokens, whole_before):
        # "Trade between the two countries remains modest. It was put at $187 million…"
        indicator = _previous_indicator(reading, facts)
        confidence -= 0.2
    if amount.unit == "percent" and _OR_RATE.fullmatch(reading.document.text[previous_end : amount.start]):
        before = whole_before[-12:]  # "an increase of USD 105.2 million, or 9.5 per cent"
    if amount.unit == "percent" and previous_end > sentence.start and not _indicator_cues(reading, before):
        # "…accounted for 341,000 TEU of that total, up 9.8%": the rate of the amount it follows
        indicator = last_indicator.get(sentence.paragraph, indicator)
    # "63,9 млн долларов США (+12,5%)": a signed rate in brackets after an amount is its change
    signed = _signed_rate(reading.document.text, amount) if previous_end > sentence.start else None
    if amount.unit == "percent" and after and after[0].text.lower() == "of":
        return None, 0  # "some 60 percent of what we buy": a share
    index = amount.unit == "percent" and _an_index(reading.document.text, previous_end, amount)
    if amount.unit == "percent":
        growth = (
            index
            or reading.cues("GROWTH", before)
            or reading.cues("GROWTH", after[:2])
            or _more_than(after)
            or _times_as_much(reading.document.text, amount, after)
            or _FOLD.search(reading.document.text, amount.start, amount.end)
            or MULTIPLE_OF.match(reading.document.text, amount.end)
            or _less_than(after)
            or signed
        )
        decline = reading.cues("DECLINE", before) or reading.cues("DECLINE", after[:1])  # "a 3 percent drop"
        if not growth and not decline:
            return None, 0
        if indicator is None:
            indicator = last_indicator.get(sentence.paragraph)
            confidence -= 0.2
        if indicator is None:
            return None, 0
        last_indicator[sentence.paragraph] = indicator
        indicator = f"{indicator}_growth"
    else:
        if indicator is None and _one_sides_goods_open(reading, facts, amount):
            indicator = "exports"  # "Peruvian fishmeal alone came to 85,000 tonnes": goods Peru sold
        if indicator is None and _status(reading, before, tokens) in {"forecast", "target"}:
            # "По итогам года рассчитываем выйти на 45 млн долларов" after a line on one good: the
            # outlook is of what the paragraph (or the question it answers) is about, not of that line
            topic = _indicator_nearby(reading, facts)
            indicator = topic if topic and amount.unit in _FITS[topic] else None
            confidence -= 0.2 if indicator else 0
        if (
            indicator is None
            and amount.unit in CURRENCIES
            and _A_TOTAL.search(reading.document.text, max(sentence.start, amount.start - 40), amount.start)
        ):
            # "Bangladesh's own statistics show a slightly lower total of about $301 million": a sum
            # called the total, no flow named, is the trade of the two sides
            indicator = "trade_turnover"
            confidence -= 0.2
        if indicator is None and amount.unit in _FITS.get(last_indicator.get(sentence.paragraph, ""), ()):
            # "годовой показатель может превысить…": the figure the paragraph is about.
            indicator = last_indicator[sentence.paragraph]
            confidence -= 0.2
        if indicator is None and _aim_or_outlook(reading, before):
            indicator = _indicator_nearby(reading, facts)
            confidence -= 0.2
        if indicator is None and amount.unit in CURRENCIES and _aim_by_a_year(reading, whole_before, amount):
            # "Our goal is $400 million by 2029", "Целевой ориентир — 100 млрд долларов к 2030 году":
            # a sum two countries aim at by a year, no flow named near it, is their trade
            indicator = "trade_turnover"
            confidence -= 0.2
        if indicator is None or amount.unit not in _FITS[indicator]:
            return None, 0
        last_indicator[sentence.paragraph] = indicator
    value, upper = amount.value, amount.value_upper
    declined = (reading.cues("DECLINE", before) and not reading.cues("GROWTH", before[-3:])) or (
        amount.unit == "percent" and reading.cues("DECLINE", after[:1])
    )
    if index:
        value, upper = round(value - 100, 6), round(upper - 100, 6) if upper is not None else None
    elif amount.unit == "percent" and (declined or _less_than(after) or signed == "-"):
        value, upper = (-upper, -value) if upper is not None else (-value, None)

    carried = last_period.get(sentence.paragraph) or last_period.get(0)
    before_periods = [
        p
        for p in periods
        if previous_end <= p.start and p.end <= amount.start and p.kind != "annual" and not p.comparison
    ]
    between = reading.document.text[before_periods[-1].end : amount.start] if before_periods else ""
    own_end = next_clause(reading.document.text, amount.end, next_start, sentence.end)
    pointed_at: Sequence[str] = told
    own_paragraph = sentence.paragraph not in last_period
    if _FOR_COMPARISON.match(sentence.text) and own_paragraph and _FIRST in last_period:
        # "Для сравнения, товарооборот Монголии с Казахстаном за тот же период…" in a paragraph of
        # its own: the period the text's own figures are of, its first figure's (unless a count of
        # months says otherwise), not that of the aside the paragraph before ended on
        pointed_at = [*pointed_at, last_period[_FIRST]]
    if _SAME_FISCAL.search(sentence.text) and last_period.get(_FISCAL):
        carried = last_period[_FISCAL]  # "in the same fiscal year": the last fiscal year told
        pointed_at = [carried]
    dating = [
        p
        for p in periods
        if not _in_an_aside(reading.document.text, p, previous_end, amount.start)
        and not _in_a_condition(reading.document.text, p, amount.end)
    ]
    period, explicit = _period(dating, amount, previous_end, own_end, carried, pointed_at, between)
    same_before = _same_months_before(reading.document.text, amount) and carried is not None
    if same_before:
        period, explicit = carried, False  # "…, up from $0.9 billion in the same period last year"
    chained = re.fullmatch(r"\s*(?:to|до)\s*", reading.document.text[amount.end : next_start])
    if period is None and (chained or amount.unit == "percent"):
        # "rose 40% to $480 million last year": the rate shares the period of the amount it reached.
        contrast = CONTRAST.search(reading.document.text, amount.end, sentence.end)
        period, explicit = _period(
            periods, amount, previous_end, contrast.start() if contrast else sentence.end, carried, pointed_at
        )
    if period is None and amount.unit == "percent" and any(p.comparison for p in periods):
        period, explicit = carried, False  # "Это на 18 % больше, чем за аналогичный период 2024 года"
    # A target with no year of its own is no figure ("официальная цель в 1 млрд долларов"), nor
    # does it take the year of the figure before it ("…41,500 TEU in 2025, and agreed to bring it to…").
    aim = bool(reading.cues("TARGET", before)) or bool(_NO_TIME.search(sentence.text))
    if aim and not any(not p.comparison and previous_end <= p.start and p.end <= own_end for p in periods):
        period = None
    year_before = _a_year_before(reading.document.text, periods, previous_end, amount.start) or (
        _opened_a_year_before(reading.document.text, periods, sentence.start, amount.start)
    )
    # A base of comparison ("…, или на 3,2 % больше, чем годом ранее") states no period of the figure.
    # … nor does a period told in a relative clause ("…coal exports, which resumed in March, totalled…")
    stated = [
        p
        for p in periods
        if not p.comparison and not _in_an_aside(reading.document.text, p, sentence.start, sentence.end)
    ]
    if period is None and not stated and not _a_rate(tokens, after) and not aim:
        # A release states its period once for the figures that follow it in the paragraph
        # ("…за январь–октябрь составил… Импорт из России составил 7,6 млрд"), or for the parts
        # of a total it goes on to break down ("Of the total, exports made up…").
        carried_here = last_period.get(sentence.paragraph)
        if carried_here is None and _OF_TOTAL.search(sentence.text):
            carried_here = last_period.get(0)
        numbered = _NUMBERED_ITEM.match(reading.document.text, sentence.start) is not None
        if carried_here is None and not _has_period(reading, sentence.paragraph, bases=False, own=numbered):
            # A paragraph that names no period goes on with the one before it ("По данным
            # ведомства, импорт из КНР достиг…" after a lead that stated the year).
            carried_here = last_period.get(sentence.paragraph - 1)
            if carried_here is not None and numbered and _FIRST in last_period:
                # a release's numbered item that names no period is of the release's period, not
                # of the month or quarter the item before it singled out
                carried_here = last_period[_FIRST]
        if (
            carried_here is None
            and not _points_at_a_period(reading, periods)
            and _names_only(reading, facts, last_period.get(_FIRST))
        ):
            # "Machinery … remained the largest import group, at USD 31.7 million. A total of 1,240
            # cars were imported in January–April": a paragraph whose other sentences name the
            # release's period alone tells its figures of that period
            carried_here = last_period.get(_FIRST)
        if carried_here is None and _FIRST not in last_period and told:
            # "О внешней торговле … за январь–октябрь 2026 года" over "Товарооборот — 512,8 млн":
            # a release's first figures are of the period its heading told
            carried_here = told[-1]
        if listed and not _has_period(reading, sentence.paragraph):
            # a list of goods with no period of its own: the release's, its first figure's
            carried_here = last_period.get(_FIRST, carried_here)
        period, explicit = carried_here, False
    if period is None and not aim:
        closing = _closing_period(reading.document.text, periods, amount, sentence.end)
        if closing is not None:
            period, explicit = _period([closing], amount, amount.end, sentence.end, carried, pointed_at)
    base = _base_stated(reading.document.text, periods, amount) or _base_after(
        reading.document.text, periods, amount, next_start
    )
    if base is not None:
        period, explicit = base.value, base.explicit_year
    if period is None:
        return None, 0
    if base is not None:
        pass  # the base's own value: not the period the text goes on with
    elif amount.unit != "percent" and (
        _earlier_value(reading.document.text, amount, periods, next_start)
        or (not explicit and year_before)
        or same_before
    ):
        period = shift_year(period, -1)  # "up from 1.55 million tonnes a year earlier"
    else:
        last_period[sentence.paragraph] = last_period[0] = period
        last_period.setdefault(_FIRST, period)
        told.append(period)
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}/\d{4}-\d{2}-\d{2}", period) or _across_a_year_end(period):
            last_period[_FISCAL] = period
    if not explicit:
        confidence -= 0.1

    # "экспорт … оценивается в 12,9 млрд евро, импорт — в 8,7 млрд": the dash stands for the verb
    elided = elided_verb(reading.document.text[previous_end : amount.start])
    opened = clause_opened(reading.document.text, sentence.start, amount.start) or sentence.start
    governing = [t for t in whole_before if t.start >= opened]
    status = _status(reading, whole_before if elided else before, tokens, governing)
    if status in {"reported", "forecast"} and _aimed(reading.document.text, amount, before):
        status = "target"
    if status == "reported" and _estimate_closing(
        reading.document.text, amount.end, next_start, sentence.end
    ):
        status = "estimate"  # "…worth of hazelnuts last year, traders in Trabzon estimate."
    if status == "reported" and _by_a_year_ahead(reading, periods, period):
        status = "target"  # "work towards annual trade of $500 million by 2030": a value to reach by then
    if status == "reported" and _so_far_this_year(reading, periods, period, whole_before):
        period = _year_to_date(reading)  # "Kazakhstan shipped 180 thousand tonnes … this year"
    if status in {"reported", "preliminary", "estimate"} and _not_over(period, reading):
        status = "forecast"  # "puts full-year 2026 turnover between…" in a November 2026 bulletin
    bound = _bound(language, before, status == "target", whole_before[-10:], upper is not None)
    if upper is not None and bound == "exact":
        bound = "range"
    if _A_LITTLE_MORE.search(reading.document.text, amount.start, amount.end):
        bound = "at_least"

    if (
        indicator in {"exports", "imports"}
        and _through_a_country(facts, amount.end)
        and not _to_the_other_side(reading, facts, previous_end, amount.start)
    ):
        indicator = "transit_volume"  # "exported … through Azerbaijan": Azerbaijan carries it
    # a rate after an amount is that amount's ("41 тыс. тонн аргентинского лития, вдвое больше")
    first_rate = indicator == "transit_volume_growth" and previous_end == sentence.start
    if (amount.unit in _VOLUME or first_rate) and a_facility_s_total(facts, amount):
        return None, 0  # "Throughput at Jebel Ali reached 15.5 million TEU": no goods of the pair
    # Goods named after the first cue of the indicator are what moved ("закупки туркменского газа…:
    # импорт может составить…"), whichever cue stands nearest the amount.
    same = [c for c in indicator_cues if c.value == indicator.removesuffix("_growth")]
    cue_end = same[0].end if same else indicator_cues[-1].end if indicator_cues else None
    sides = pair(
        reading,
        facts,
        indicator.removesuffix("_growth"),
        cue_end,
        last_pairs,
        amount.end,
        previous_end,
        next_start,
        elided,
        home,
    )
    if sides is None:
        return None, 0
    (reporter, partner), from_context = sides
    ours_here = _our_pair(reading, facts) if indicator.startswith("trade_turnover") else None
    if ours_here is not None:
        reporter, partner = ours_here
    if seller in (reporter, partner):
        reporter, partner = seller, partner if seller == reporter else reporter
    speaker = _interviewee(reading) if ours else _speaker_s(reading, facts, indicator_cues, indicator)
    if speaker is None and indicator.startswith("transit_volume"):
        speaker = _we_sent(reading, facts, whole_before)
    if speaker is not None and reporter != speaker:
        # "Our exports were around $1.7 billion", said by Kazakhstan's ambassador: Kazakhstan's; the
        # country the sentence names unmarked is the other side ("China is our largest market — our
        # exports there were…"), one marked as the partner stays it ("our exports to Laos")
        marks = PARTNER_MARKS[indicator.removesuffix("_growth")]
        marked = any(
            m.value.code == partner and preceded_by(sentence.tokens, m, marks) for m in facts.countries
        )
        reporter, partner = speaker, partner if marked and partner != speaker else reporter
    if len(reading.main_pair) != 2 or {reporter, partner} == set(reading.main_pair):
        # A third pair told for comparison ("Для сравнения: товарооборот Словакии с Польшей…") is
        # no pair for the figures after it to go on with.
        last_pairs[indicator.removesuffix("_growth")] = (reporter, partner)
    if from_context:
        confidence -= 0.15

    commodity = _commodity(reading, facts, indicator, amount, before, after, following)
    re_export = bool(indicator_cues) and _RE_EXPORT.match(tokens[indicator_cues[-1].first].text)
    if re_export and indicator.startswith("exports"):
        # "Re-exports to Switzerland accounted for…": the part of exports that was imported first,
        # a flow of its own; the model holds no rate of it
        if indicator != "exports":
            return None, 0
        indicator = "re_exports"
    body: dict[str, Any] = {
        "reporter": reporter,
        "partner": partner,
        "indicator": indicator,
        "commodity": commodity,
        "period": period,
        "value": value,
        "unit": amount.unit,
        "bound": bound,
        "status": status,
    }
    if body["commodity"] == "TOTAL" and amount.unit in _SOME_GOODS_UNITS:
        return None, 0
    if upper is not None:
        body["value_upper"] = upper
    if indicator.endswith("_growth"):
        # A rate with no base told is year on year, as releases' rates and annotators read it.
        stretch = reading.document.text[previous_end:next_start]
        body["compared_period"] = _compared(periods, amount, next_start, period, stretch) or shift_year(
            period, -1
        )
    return body, max(confidence, 0.3)


_RE_EXPORT = re.compile(r"re-?export|реэкспорт", re.IGNORECASE)
_SIGNED = re.compile(r"\(\s*([+\-−–])\s*$")


def _signed_rate(text: str, amount: Amount) -> str | None:
    """The sign of a rate written in brackets after an amount ("(+12,5%)", "(-7,9%)"), else None."""
    if amount.unit != "percent":
        return None
    found = _SIGNED.search(text, max(0, amount.start - 4), amount.start)
    return None if found is None else "+" if found.group(1) == "+" else "-"


# "doubled", "nearly tripled", "double the figure of a year earlier": the word that told the ratio
# tells the rise
_FOLD = re.compile(
    r"\b(?:doubled|tripled|trebled|quadrupled|double|triple|treble|twice|doubling|tripling|trebling)\b",
    re.IGNORECASE,
)
_A_LITTLE_MORE = re.compile(r"\sс\s+небольшим\s", re.IGNORECASE)
_NEW_CLAUSE = {"а", "но", "и", "while", "whereas", "but", "and"}
_CONTRASTING = {"а", "но", "while", "whereas", "but"}


def _flow_told_after(
    reading: Reading, before: Sequence[Token], following: Sequence[Token]
) -> list[Mention[str]]:
    """ "…came to USD 90 million, while goods worth USD 150 million were imported from Hungary": a
    contrasting clause with no flow before its amount tells it after, not the clause before."""
    if not any(t.text.lower() in _CONTRASTING for t in before):
        return []
    return _indicator_cues(reading, _own_clause(_before_contrast(following)))[:1]


def _before_contrast(after: Sequence[Token]) -> list[Token]:
    """The words after an amount up to a contrasting clause ("…a quarter more than in 2025, but it
    remains small beside the volumes still sent via…")."""
    for index in range(len(after) - 1):
        if after[index].text == "," and after[index + 1].text.lower() in _CONTRASTING:
            return list(after[:index])
    return list(after)


def _own_clause(after: Sequence[Token]) -> Sequence[Token]:
    """The words after an amount up to a clause that opens on its own ("…превысила 150 млрд евро, а
    доля стран ЕС…": the share is the next clause's)."""
    for index in range(len(after) - 1):
        if after[index].text == "," and after[index + 1].text.lower() in _NEW_CLAUSE:
            return after[:index]
        if after[index].text == ";":
            return after[:index]  # "…210 млн долларов; на долю зерна пришлось…"
    return after


_CARRIER_WORDS = {"through", "via", "across", "transit", "transshipment", "transhipment", "через", "транзит"}


def _from_one_to_the_other(reading: Reading, facts: SentenceFacts) -> bool:
    """Goods carried from one country to another, and no word of a country or a route they cross:
    the first's exports, not transit (that needs a carrier, "through Georgia")."""
    tokens = facts.sentence.tokens
    words = {lemma(t.text) if reading.language == "ru" else t.text.lower() for t in tokens}
    if words & _CARRIER_WORDS:
        return False
    origin = [m for m in facts.countries if preceded_by(tokens, m, {"from", "из"})]
    destination = [m for m in facts.countries if preceded_by(tokens, m, {"to", "в", "во"})]
    return bool(origin and destination) and origin[0].value.code != destination[0].value.code


_CARRIAGE_VERBS = {"перевезти", "перевозить", "отправить", "отправлять", "transported", "carried", "moved"}


def _carriage_verb(reading: Reading, before: Sequence[Token]) -> bool:
    """The amount's clause tells its flow with a verb of carrying alone, nearest before it."""
    near = before[-3:]
    words = {lemma(t.text) for t in near} if reading.language == "ru" else {t.text.lower() for t in near}
    return bool(words & _CARRIAGE_VERBS)


# Sums that are not trade: money invested, lent or held, and the value of deals and contracts.
_OTHER_SUMS = {
    "investment",
    "investments",
    "invested",
    "portfolio",
    "capital",
    "fund",
    "loan",
    "loans",
    "credit",
    "grant",
    "debt",
    "stake",
    "deal",
    "deals",
    "contract",
    "contracts",
    "инвестиция",
    "вложение",
    "портфель",
    "капитал",
    "фонд",
    "кредит",
    "заём",
    "грант",
    "долг",
    "сделка",
    "контракт",
}


def _another_sum(reading: Reading, whole_before: Sequence[Token], after: Sequence[Token]) -> bool:
    """A sum of money its clause says is an investment, a loan or a deal's value ("a $38 million
    deal", "Портфель совместных проектов … оценивается в 14 млрд"): the word before it with no flow
    named in between, or right after it."""
    if any(token.keys & _OTHER_SUMS for token in after[:1]):
        return True
    for index in range(len(whole_before) - 1, -1, -1):
        token = whole_before[index]
        if _BREAK.fullmatch(token.text) and token.text not in {",", "(", ")"}:
            return False
        if token.keys & _OTHER_SUMS:
            return not _indicator_cues(reading, whole_before[index + 1 :])
    return False


# Unions of countries: trade with one is a country's trade with a group, no pair's.
_BLOCS = {"eaeu", "eu", "cis", "sco", "brics", "opec-plus", "oic", "gcc", "asean"}
_BLOC_MARKS = {"с", "со", "with", "to", "from", "в", "во", "из", "странами", "стран", "countries", "states"}


def _with_a_bloc(facts: SentenceFacts, segment_start: int, amount_start: int) -> bool:
    """A union of countries named as the other side before the amount, in its own part of the
    sentence ("со странами Европейского союза превысил…", "with the EU reached…")."""
    tokens = facts.sentence.tokens
    for mention in facts.organizations:
        if mention.value.id not in _BLOCS or not segment_start <= mention.start < amount_start:
            continue
        words = [t.text.lower() for t in tokens[max(0, mention.first - 2) : mention.first]]
        if set(words) & _BLOC_MARKS and not _in_a_country_s_aside(facts, mention.start, amount_start):
            return True
    return False


def _in_a_country_s_aside(facts: SentenceFacts, start: int, amount_start: int) -> bool:
    """ "с Италией, крупнейшим партнёром республики в Евросоюзе, превысил…": words set off by commas
    after a country say what it is; a union named there is no side."""
    text, offset = facts.sentence.text, facts.sentence.start
    opening = text.rfind(",", 0, start - offset)
    closing = text.find(",", start - offset, amount_start - offset)
    before = offset + len(text[:opening].rstrip())
    return opening >= 0 and closing >= 0 and any(m.end == before for m in facts.countries)


_ARRIVAL_VERBS = {"поступить", "поступать", "прибыть", "прибывать"}


def _arrived_from(reading: Reading, facts: SentenceFacts, cue: Mention[str]) -> bool:
    """A verb of arriving ("поступило") whose sentence names where the goods came from ("из
    Польши") and not where they went: the receiving side's imports."""
    tokens = facts.sentence.tokens
    if lemma(tokens[cue.first].text) not in _ARRIVAL_VERBS:
        return False
    countries = facts.countries
    destination = _TO_US.search(facts.sentence.text) or any(
        preceded_by(tokens, m, {"в", "во", "to", "into"}) for m in countries
    )
    return any(preceded_by(tokens, m, {"из", "from"}) for m in countries) and not destination


def _one_sides_goods_open(reading: Reading, facts: SentenceFacts, amount: Amount) -> bool:
    """A sentence that opens on goods named by one country's adjective and tells no flow ("Peruvian
    fishmeal alone came to around 85,000 tonnes"): that country's goods, sold to the other side."""
    tokens = facts.sentence.tokens
    opening = [m for m in facts.countries if m.first == 0 and m.value.adjective]
    return (
        bool(opening)
        and len({m.value.code for m in facts.countries}) == 1
        and not reading.cues("INDICATORS", tokens)
        and goods_opening_the_sentence(reading, facts, amount.start) is not None
    )


# Verbs of receiving goods: the side that took them in ("India took…", "покупатели получили…").
_RECEIVING_VERBS = {
    "took",
    "take",
    "takes",
    "taken",
    "received",
    "receive",
    "receives",
    "получить",
    "получать",
}


def _received_goods_of_a_country(
    reading: Reading, facts: SentenceFacts, before: Sequence[Token], goods_at: int
) -> bool:
    """Goods named by their country right after the amount and received by the other side ("India
    took 1.9 million tonnes of Azerbaijani crude", "алжирские покупатели получили 6,5 млн тонн
    российской пшеницы"): the development sets annotate them as the goods' country's exports."""
    words = {lemma(t.text) if reading.language == "ru" else t.text.lower() for t in before}
    if not words & _RECEIVING_VERBS:
        return False
    following = [t for t in facts.sentence.tokens if t.start >= goods_at][:3]
    if following[:1] and following[0].text.lower() == "of":
        following = following[1:]
    starts = {t.start for t in following[:2]}
    return any(m.value.adjective and m.start in starts for m in facts.countries)


# "из Казахстана к нам поступило": a movement from one country to another, the first's exports
_TO_US = re.compile(r"\b(?:к\s+нам|to\s+us)\b", re.IGNORECASE)


# A route the goods crossed: a country, its ports or its territory after "через", "through", "via".
_ROUTE = re.compile(
    r"\b(?:через|through|via)\s+(?:(?:морские|морской|сухопутные|the|its|our)\s+)?"
    r"(?:порт\w*|терминал\w*|территори\w*|ports?\b|terminals?\b|territory\b)",
    re.IGNORECASE,
)


def _routed_through(reading: Reading, facts: SentenceFacts, clause_end: int) -> bool:
    """A volume whose clause names no flow but the route it took ("Через порты Поти и Батуми прошло
    1,3 млн тонн…", "41,500 TEU of cargo travelled … through Azerbaijan"): goods in transit."""
    sentence = facts.sentence
    if _ROUTE.search(sentence.text, 0, clause_end - sentence.start):
        return True
    marks = {"через", "through", "via"}
    return any(preceded_by(sentence.tokens, m, marks) and m.end <= clause_end for m in facts.countries)


_CAUSES = {"because", "thanks", "owing", "благодаря", "из-за", "поскольку"}
_CONDITIONS = {"if", "once", "unless", "если"}
_CONDITION = re.compile(r"\b(?:if|once|unless|если)\b", re.IGNORECASE)


def _in_a_condition(text: str, period: Period, amount_end: int) -> bool:
    """ "…around $100 million this year if supplies resume in the autumn": a period told in a
    condition after the amount dates the condition, not the amount."""
    return amount_end <= period.start and _CONDITION.search(text, amount_end, period.start) is not None


_FOR_COMPARISON = re.compile(r"\W*(?:для\s+сравнения|for\s+comparison|by\s+comparison)\b", re.IGNORECASE)
_SAME_FISCAL = re.compile(r"\bsame\s+(?:fiscal|financial)\s+year\b", re.IGNORECASE)


def _across_a_year_end(period: str) -> bool:
    """ "2025-04/2026-03": twelve months of a fiscal year, which "the same fiscal year" points back at."""
    months = re.fullmatch(r"(\d{4})-(\d{2})/(\d{4})-(\d{2})", period)
    if months is None:
        return False
    return int(months[3]) == int(months[1]) + 1 and int(months[4]) == int(months[2]) - 1


_OR_RATE = re.compile(r"\s*,?\s*(?:or|или)(?:\s+(?:на|by))?\s*", re.IGNORECASE)
_ABSOLUTE_CHANGE = re.compile(
    r"(?:\b(?:increase|decrease|rise|fall|growth|drop|decline|gain)\s+of|\b(?:up|down|grew|rose|fell|increased|decreased)\s+by"
    r"|\b(?:увеличи|вырос|выро|возрос|сократи|снизи|уменьши|рост|сниж|сокращ|увеличен|прирост)\w*\s+на)\s*$",
    re.IGNORECASE,
)


def _accounted_for(tokens: Sequence[Token], mention: Mention[str], amount: Amount) -> bool:
    """ "На долю казахстанского экспорта пришлось 120 млн долларов": the part of trade an amount
    makes up, not a share in percent."""
    at = next((i for i, t in enumerate(tokens) if t.start == mention.start), 0)
    if (
        amount.unit == "percent"
        or at == 0
        or tokens[at].text.lower() != "долю"
        or tokens[at - 1].text.lower() != "на"
    ):
        return False
    # "на долю зерна пришлось 64 млн долларов": goods' part, the verb of falling right before the amount
    told = [t for t in tokens[at + 1 :] if t.end <= amount.start]
    return any(OWNED.match(t.text) for t in tokens[at + 1 : at + 3]) or bool(
        told
        and len(told) <= _LONGEST_SHARE
        and FELL_TO.match(told[-1].text)
        and told[0].text[:1].islower()  # goods, not a country's part ("на долю Китая")
        and lemma(told[0].text) not in _NOT_GOODS_OWNERS
    )


_LONGEST_SHARE = 6
_NOT_GOODS_OWNERS = {"который", "он", "она", "они", "его", "её", "их"}
# "…, из которых 1,1 млрд пришлось на нефть": the verb of a part falling to its goods, then "на"
_FALLS_TO = re.compile(rf"\s*{FELL_TO.pattern}\w*\s+на\s+", re.IGNORECASE)


def _one_sides_goods(reading: Reading, facts: SentenceFacts, amount: Amount) -> str | None:
    """The side whose goods a part of the pair's trade falls to ("…, из которых свыше 1,1 млрд
    пришлось на азербайджанскую нефть"): the goods' demonym right after the verb."""
    falls = _FALLS_TO.match(reading.document.text, amount.end, facts.sentence.end)
    if not falls:
        return None
    return next((m.value.code for m in facts.countries if m.value.adjective and m.start == falls.end()), None)


def _one_countrys_total(
    reading: Reading, facts: SentenceFacts, tokens: Sequence[Token], amount_start: int
) -> bool:
    """ "Внешнеторговый оборот Армении", "Armenia's overall trade": one country's total, unless the
    sentence names a partner before the amount ("…с Ираном составил", "…with China totalled"; not
    "…, with China accounting for…" after it). The word must qualify the indicator: "наша общая
    цель" is no total."""
    indicators = reading.cues("INDICATORS", tokens)
    qualifying = [
        m
        for m in reading.cues("NOT_PAIR_ALONE", tokens)
        if any(m.first <= i.first <= m.last + 1 for i in indicators)
    ]
    if not qualifying or _bilateral(facts):
        return False
    if not facts.countries:
        # "Traders expect total trade to top $2 billion": the pair the text is about; "Its total
        # foreign trade", "внешнеторговый оборот республики": one country's
        return any(m.value in _FOREIGN_TRADE for m in qualifying)
    return not _partner_before(facts, amount_start)


# "Всего же …", "за рубеж", "abroad", "in total", "overall": what a country sold or bought everywhere
_EVERYWHERE = re.compile(r"^\W*всего\b|\bза\s+рубеж|\babroad\b|\bin\s+total\b|\boverall\b", re.IGNORECASE)


def _sold_everywhere(facts: SentenceFacts, amount_start: int) -> bool:
    """ "Всего же Россия в 2025 году экспортировала свыше 55 млн тонн пшеницы", "Kazakhstan shipped
    some 74 million tonnes of oil abroad in total": one country's sales or purchases with the world,
    when the sentence names that country alone and marks no partner before the amount."""
    if not _EVERYWHERE.search(facts.sentence.text) or _bilateral(facts):
        return False
    codes = {m.value.code for m in facts.countries}
    return len(codes) == 1 and not _partner_before(facts, amount_start)


# "Overall, bilateral trade came to…", "mutual trade as a whole": the words say it is a pair's
_BILATERAL = re.compile(r"\b(?:bilateral|mutual|two-way)\s+(?:trade|turnover)\b", re.IGNORECASE)


def _bilateral(facts: SentenceFacts) -> bool:
    return bool(_BILATERAL.search(facts.sentence.text))


def _not_pair(reading: Reading, tokens: Sequence[Token], facts: SentenceFacts | None = None) -> bool:
    """Trade with the world or a group ("with all countries", "with the EU as a whole", "intra-EAC
    trade"); not a period's "for 2025 as a whole", "на 2026 год в целом", nor the whole of a pair's
    flow ("trade as a whole", "exports to Vietnam as a whole": all goods, not all partners)."""
    if any(re.match(r"intra-\w", t.text, re.IGNORECASE) for t in tokens):
        return True
    return any(
        not (m.value in {"as a whole", "в целом"} and _whole_of_one(reading, tokens, m, facts))
        for m in reading.cues("NOT_PAIR", tokens)
    )


def _whole_of_one(
    reading: Reading, tokens: Sequence[Token], mention: Mention[str], facts: SentenceFacts | None
) -> bool:
    """Whether "as a whole" follows a year, a flow ("trade as a whole") or one country ("exports to
    Vietnam as a whole"): the whole of that, not a group of partners."""
    sentence_tokens = facts.sentence.tokens if facts is not None else tokens
    earlier = [t for t in sentence_tokens if t.end <= tokens[mention.first].start]
    if not any(t.text[:1].isalpha() for t in earlier):
        # "В целом за первое полугодие показатель достиг…": opening the sentence, "all told", the sum
        # of the parts told before it; not "В целом … экспортировал в Европу": all its buyers
        text = facts.sentence.text if facts is not None else ""
        return mention.value == "в целом" and not _PLACE_AFTER.search(text)
    previous = earlier[-1]
    if _YEAR_WORD.fullmatch(previous.text.lower()):
        return True
    if reading.language != "en":
        return False
    if reading.cues("INDICATORS", [previous]):
        return True
    return facts is not None and any(m.start <= previous.start < m.end for m in facts.countries)


_YEAR_WORD = re.compile(r"\d{4}|year|год\w*")
_PLACE_AFTER = re.compile(r"\b(?:в|во|из|на|с|со|to|from|with)\s+[A-ZА-ЯЁ]")


def _partner_before(facts: SentenceFacts, amount_start: int) -> bool:
    """A country marked as a partner before the amount ("…с Ираном составил", "…with China
    totalled"), or no country at all: the figure is a pair's, not one country's total."""
    if not facts.countries:
        return True
    marks = PARTNER_MARKS["trade_turnover"] | PARTNER_MARKS["exports"] | PARTNER_MARKS["imports"]
    tokens = facts.sentence.tokens
    return any(preceded_by(tokens, m, marks) for m in facts.countries if m.end <= amount_start)


_FOREIGN_TRADE = {
    "внешнеторговый оборот",
    "внешний торговля",
    "foreign trade",
    "total foreign",
    "external trade",
}


_PRONOUNS = {"it", "this", "он", "она", "оно"}


def _pronoun_subject(tokens: Sequence[Token], whole_before: Sequence[Token]) -> bool:
    """ "It was put at…", "This is…", "By our count it came to…", "A: Он составил…"."""
    words = [t.text.lower() for t in whole_before]
    return tokens[0].text.lower() in _PRONOUNS or bool(set(words) & (_PRONOUNS - {"this"}))


def _previous_indicator(reading: Reading, facts: SentenceFacts) -> str | None:
    """What the sentences before, in the same paragraph, name: the subject a pronoun stands for;
    in an interview's answer, what the question names."""
    sentence = facts.sentence
    earlier = [f for f in reading.facts[: sentence.index] if f.sentence.paragraph == sentence.paragraph]
    if _is_answer(reading, sentence.paragraph):
        earlier = [f for f in reading.facts if f.sentence.paragraph == sentence.paragraph - 1] + earlier
    for other in reversed(earlier):
        cues = reading.cues("INDICATORS", other.sentence.tokens)
        if cues:
            return cues[0].value
    return None


def _total_of(tokens: Sequence[Token], cue: Mention[str]) -> bool:
    words = {t.text.lower() for t in tokens[max(0, cue.first - 2) : cue.first]}
    return bool(words & {"total", "overall", "aggregate"})


def _indicator_cues(reading: Reading, tokens: Sequence[Token]) -> list[Mention[str]]:
    """Indicator words, except inside a target's phrase ("поставили задачу": set a task, not supplied)."""
    targets = reading.cues("TARGET", tokens)
    return [
        cue
        for cue in reading.cues("INDICATORS", tokens)
        if not any(t.start <= cue.start and cue.end <= t.end for t in targets)
    ]


# "now speak of a USD 500 million turnover, without saying by when", "a target, but without any date
# attached", "set no date", "never tied to a date", "сроки не назывались": a sum the text says has no time
_NO_TIME = re.compile(
    r"\bwithout\s+(?:(?:saying|naming|giving|setting)\s+(?:by\s+)?(?:when|a\s+(?:date|deadline|year))"
    r"|(?:any|a)\s+(?:date|deadline|timeframe|time\s+frame|timetable)\b)"
    r"|\b(?:set|sets|gave|give|named|name)\s+no\s+(?:date|deadline|timeframe|year)\b"
    r"|\bnever\s+(?:been\s+)?(?:tied|linked|pinned|had)\s+(?:to\s+)?a\s+(?:date|deadline|year)\b"
    r"|(?<!\w)не\s+(?:называя|уточняя|указывая)\s+(?:срок\w*|сроков|когда)"
    r"|(?<!\w)срок\w*\s+(?:[а-яё]+\s+){0,4}?не\s+(?:называ|назван|указ|определ|установл)\w*",
    re.IGNORECASE,
)


def _aim_or_outlook(reading: Reading, before: Sequence[Token]) -> bool:
    forecast = [m for m in reading.cues("FORECAST", before) if not _is_month_may(before, m)]
    return bool(reading.cues("TARGET", before) or forecast)


def _caption_indicator(reading: Reading, facts: SentenceFacts) -> str | None:
    """The flow named by the caption of the list a sentence is a row of: the nearest sentence before
    it in its paragraph that ends with a colon, with only rows of the list in between. A caption that
    names none ("Quarterly and monthly dynamics:") over lines of a period and a sum ("Q3 2026: USD
    22.1 million") goes on with the flow the text opened with, as a release's table of its headline."""
    sentence = facts.sentence
    period_lines = _PERIOD_LINE.match(sentence.text) is not None
    for other in reversed(reading.facts[: sentence.index]):
        if other.sentence.paragraph != sentence.paragraph:
            return None
        if other.sentence.text.rstrip().endswith(":"):
            cues = _indicator_cues(reading, other.sentence.tokens)
            if cues:
                return cues[-1].value
            return _headline_indicator(reading) if period_lines else None
        if not other.sentence.text.rstrip().endswith(";") and not (
            period_lines and _PERIOD_LINE.match(other.sentence.text)
        ):
            return None
    return None


# a line that opens with its label and a colon: "Q3 2026: …", "August 2026, revised: …"
_PERIOD_LINE = re.compile(r"[^:;.\n]{2,40}:\s+\S")


def _headline_indicator(reading: Reading) -> str | None:
    """The flow of the first sentence that names one beside a number."""
    for other in reading.facts:
        cues = _indicator_cues(reading, other.sentence.tokens)
        if cues and re.search(r"\d", other.sentence.text):
            return cues[0].value
    return None


def _aim_by_a_year(reading: Reading, whole_before: Sequence[Token], amount: Amount) -> bool:
    """An aim's words before the amount and a year it is due by right after it ("a goal of $2
    billion by 2030") or before it ("к 2030 году выйти на 200 млн долларов")."""
    if not reading.cues("TARGET", whole_before):
        return False
    text = reading.document.text
    start = whole_before[0].start if whole_before else amount.start
    return bool(_BY_A_YEAR.match(text, amount.end)) or _DEADLINE.search(text, start, amount.start) is not None


def _indicator_nearby(reading: Reading, facts: SentenceFacts) -> str | None:
    """What an aim states a sum of, when it names nothing ("Our aim is $1.5 billion by 2028", "мы
    рассчитываем выйти на 27 млрд"): the figure the other sentences of its paragraph name, or, in
    an interview's answer, the question's."""
    sentence = facts.sentence
    neighbours = [f for f in reading.facts if f.sentence.paragraph == sentence.paragraph and f is not facts]
    previous = [f for f in reading.facts if f.sentence.paragraph == sentence.paragraph - 1]
    if _is_answer(reading, sentence.paragraph) and previous:
        neighbours = previous + neighbours
    for other in neighbours:
        cues = reading.cues("INDICATORS", other.sentence.tokens)
        if cues:
            return cues[0].value
    return None


def _is_answer(reading: Reading, paragraph: int) -> bool:
    """A paragraph that answers the one before it, a question ("— What is your goal for trade?")."""
    question = reading.document.paragraph_sentences(paragraph - 1)
    return bool(question) and question[-1].text.rstrip().endswith("?")


_OUR = {"our", "наш", "наша", "наше", "наши", "нашего", "нашей", "нашим", "наших"}
_OFFICE = re.compile(
    r"(?:ambassador|envoy|minister|commissioner|consul|representative|посол|посланник|министр|консул"
    r"|представител|торгпред)",
    re.IGNORECASE,
)


def _speaker_s(
    reading: Reading, facts: SentenceFacts, cues: Sequence[Mention[str]], indicator: str
) -> str | None:
    """In an interview's answer, the country of whoever speaks, for the exports or imports they
    call "our" ("наш экспорт"): the country of the office the headline or lead names."""
    if indicator.removesuffix("_growth") not in {"exports", "imports"} or not cues:
        return None
    if not _is_answer(reading, facts.sentence.paragraph):
        return None
    tokens = facts.sentence.tokens
    cue = cues[-1]
    if not any(t.text.lower() in _OUR for t in tokens[max(0, cue.first - 2) : cue.first]):
        return None
    return _interviewee(reading)


_FIRST_PERSON = _OUR | {"we", "us", "мы", "нас", "нам"}


_TURN = re.compile(r"^\s*(?:[—–-]|A:)")


def _spoken(reading: Reading, paragraph: int) -> bool:
    """An answer, or a turn of a dialogue after another ("— Для сравнения, у соседей масштабы другие."
    over "— Конечно. …"): the interviewer's line need not end on a question mark."""
    if _is_answer(reading, paragraph):
        return True
    turns = [reading.document.paragraph_sentences(n) for n in (paragraph - 1, paragraph)]
    return all(sentences and _TURN.match(sentences[0].text) for sentences in turns)


def _our_pair(reading: Reading, facts: SentenceFacts) -> tuple[str, str] | None:
    """An answer's sentence that names no country but speaks for "us" ("Our goal is more modest:
    $200 million by 2030"): the speaker's country and the other side of the text's pair, not a third
    pair the sentences before it told."""
    if facts.countries or facts.sentence.question or not _spoken(reading, facts.sentence.paragraph):
        return None
    if not any(t.text.lower() in _FIRST_PERSON for t in facts.sentence.tokens):
        return None
    speaker, pair = _interviewee(reading), reading.main_pair
    if speaker is None or len(pair) != 2 or speaker not in pair:
        return None
    return speaker, pair[1] if pair[0] == speaker else pair[0]


def _we_sent(reading: Reading, facts: SentenceFacts, whole_before: Sequence[Token]) -> str | None:
    """ "This year we moved 150,000 tonnes through the port of Tallinn", said by Kyrgyzstan's deputy
    minister: the transit of the speaker's country, when it is a side of the text's pair."""
    if not _is_answer(reading, facts.sentence.paragraph):
        return None
    if not any(t.text.lower() in _FIRST_PERSON for t in whole_before):
        return None
    speaker = _interviewee(reading)
    return speaker if speaker in reading.main_pair else None


_WITH_US = re.compile(r"\b(?:у\s+нас|we\s+had)\b", re.IGNORECASE)


def _trade_we_had(reading: Reading, facts: SentenceFacts, whole_before: Sequence[Token]) -> bool:
    """ "С Казахстаном у нас за девять месяцев около 210 миллионов": an answer's sum with a country
    "we" had, no flow named — the trade of the speaker's country with it."""
    if not whole_before or not _is_answer(reading, facts.sentence.paragraph):
        return False
    text = reading.document.text[whole_before[0].start : whole_before[-1].end]
    withs = [
        m
        for m in facts.countries
        if m.end <= whole_before[-1].end and preceded_by(facts.sentence.tokens, m, WITH)
    ]
    return bool(withs) and _WITH_US.search(text) is not None


def _interviewee(reading: Reading) -> str | None:
    """The country whose envoy, minister or consul the first paragraphs name: "Kazakhstan's
    ambassador to Japan", "the Kazakh ambassador", "посол Беларуси во Вьетнаме"."""
    leads: set[int] = set()
    for facts in reading.facts:
        if not facts.sentence.headline:
            leads.add(facts.sentence.paragraph)
        if len(leads) > 2:
            break  # the first two paragraphs, a headline's lines above them not counted
        tokens = facts.sentence.tokens
        for mention in facts.countries:
            after = tokens[mention.last : mention.last + 3]
            before = tokens[max(0, mention.first - 4) : mention.first]
            owned = mention.value.adjective or re.search(r"['’]s$", tokens[mention.last - 1].text)
            if owned and any(_OFFICE.match(t.text) for t in after):
                return mention.value.code  # "Kazakhstan's ambassador", "the Kazakh envoy"
            if (
                reading.language == "ru"
                and not mention.value.adjective
                and any(_OFFICE.match(t.text) for t in before)
            ):
                return mention.value.code  # "Посол Египта", "посол Республики Беларусь"
            if before and before[-1].text.lower() == "of" and any(_OFFICE.match(t.text) for t in before):
                return mention.value.code  # "the ambassador of Kazakhstan"
    return None


_FROM_EARLIER = re.compile(
    r"(?:\bfrom|\bcompared\s+(?:with|to)|\bagainst|\bпротив|\bс)\s*$",  # "up from", "from $2.02bn"
    re.IGNORECASE,
)


def _earlier_value(text: str, amount: Amount, periods: list[Period], next_start: int) -> bool:
    """The amount a change started from, dated a year before the figure ("up from X a year
    earlier", "против X годом ранее"): it belongs to the compared period, not the current one."""
    if not _FROM_EARLIER.search(text[max(0, amount.start - 20) : amount.start]):
        return False
    window_end = min(amount.end + 30, next_start)
    return any(p.kind == "same" and amount.end <= p.start <= window_end for p in periods)


_SAME_MONTHS_BEFORE = re.compile(
    r"\s+(?:in|over|during|for)\s+the\s+same\s+(?:period|months?|quarter|half|\w+\s+months)\s+"
    r"(?:of\s+)?(?:last|the\s+previous|the\s+preceding)\s+year\b",
    re.IGNORECASE,
)


def _same_months_before(text: str, amount: Amount) -> bool:
    """An earlier value dated only by "the same period last year" after it: the months of the figure
    it is compared with, a year back, not "last year" as a whole."""
    return (
        amount.unit != "percent"
        and bool(_FROM_EARLIER.search(text[max(0, amount.start - 20) : amount.start]))
        and bool(_SAME_MONTHS_BEFORE.match(text, amount.end))
    )


_BASE_VALUE = re.compile(r"\s*(?:\(|,\s*(?:когда|when)\s+(?:\w+\s+){1,2})$", re.IGNORECASE)


def _base_stated(text: str, periods: list[Period], amount: Amount) -> Period | None:
    """A base of comparison with its value right after it ("8.9 percent more than in September
    (USD 150.2 million)", "чем за январь–сентябрь 2024 года, когда он равнялся 60,3 млн"): the
    value is the base period's."""
    if amount.unit == "percent":
        return None
    return next(
        (
            p
            for p in periods
            if p.comparison
            and p.kind != "same"
            and p.end <= amount.start
            and _BASE_VALUE.fullmatch(text[p.end : amount.start])
        ),
        None,
    )


def _base_after(text: str, periods: list[Period], amount: Amount, next_start: int) -> Period | None:
    """An earlier value with its own dated base right after it ("compared with USD 167.4 million in
    the first quarter", "from $250 million in 2024"): the value is that period's."""
    if amount.unit == "percent" or not _FROM_EARLIER.search(text[max(0, amount.start - 20) : amount.start]):
        return None
    return next(
        (
            p
            for p in periods
            if p.comparison
            and p.kind not in {"same", "carry"}
            and amount.end <= p.start <= min(amount.end + 12, next_start)
        ),
        None,
    )


_YEAR_BEFORE = re.compile(r"годом\s+ранее|год\s+назад|a\s+year\s+(?:earlier|before|ago)", re.IGNORECASE)


_BASE_BEFORE = re.compile(
    r"\b(?:from|than|on|over|against|чем|против|с|по\s+сравнению\s+с)\s*$", re.IGNORECASE
)


def _a_year_before(text: str, periods: list[Period], segment_start: int, amount_start: int) -> bool:
    """ "Годом ранее за тот же период он составлял…", "A year earlier it stood at…": the figure
    of the period the text carries, a year back; not the base of a change ("up 40% from a year
    earlier to $148 million")."""
    return any(
        p.kind == "same"
        and segment_start <= p.start
        and p.end <= amount_start
        and _YEAR_BEFORE.fullmatch(text[p.start : p.end])
        and not _BASE_BEFORE.search(text[max(0, p.start - 25) : p.start])
        for p in periods
    )


_ASIDE = re.compile(
    r",\s*(?:which|that|когда|котор\w+|launched|opened|founded|established|commissioned|introduced)\b[^,;:]*,",
    re.IGNORECASE,
)


def _in_an_aside(text: str, period: Period, segment_start: int, amount_start: int) -> bool:
    """ "…coal exports, which resumed in March, totalled 148,000 tonnes", "the train, launched in March,
    has carried …": a period told in a relative or participle clause before the amount dates what
    the clause tells, not the amount."""
    return any(
        aside.start() <= period.start and period.end <= aside.end()
        for aside in _ASIDE.finditer(text, segment_start, amount_start)
    )


def _closing_period(text: str, periods: list[Period], amount: Amount, sentence_end: int) -> Period | None:
    """ "…exports amounted to 410 million dollars and imports to 520 million in January–September":
    a period that closes a sentence of figures told side by side dates each of them, when it is the
    one period after the amount and nothing turns the sentence between."""
    later = [
        p for p in periods if not p.comparison and p.kind not in {"same", "annual"} and p.start >= amount.end
    ]
    if len(later) != 1:
        return None
    closing = later[0]
    if re.search(r"\d", text[closing.end : sentence_end]) or _NOW.search(text, amount.end, closing.start):
        return None
    return closing


_NOW = re.compile(
    r"[;:]|\b(?:while|whereas|but|now|this\s+year|а|но|тогда\s+как|сейчас|ныне)\b", re.IGNORECASE
)


def _opened_a_year_before(text: str, periods: list[Period], sentence_start: int, amount_start: int) -> bool:
    """ "A year earlier, exports had totalled 2.22 billion euros and imports 2.20 billion": a
    sentence that opens on the year before tells each of its figures of it, until it turns to now."""
    return any(
        p.kind == "same"
        and not text[sentence_start : p.start].strip(" \"'«“")
        and _YEAR_BEFORE.fullmatch(text[p.start : p.end])
        and not _NOW.search(text, p.end, amount_start)
        for p in periods
    )


_OF_TOTAL = re.compile(
    r"\b(?:of\s+(?:the|that|this)\s+(?:total|sum|amount)|из\s+(?:них|этого|общего)\b|в\s+том\s+числе)",
    re.IGNORECASE,
)


def _a_rate(tokens: Sequence[Token], after: Sequence[Token]) -> bool:
    """ "can carry up to 5 million tonnes a year", "может принимать 2 млн т в год": what something
    could do, or does every year, is not a figure of the period stated before it."""
    words = {t.text.lower() for t in tokens}
    following = " ".join(t.text.lower() for t in after[:5])
    return bool(words & {"can", "could", "может", "могут", "способен", "способна"}) or bool(
        re.search(
            r"\b(?:a|per|each|every) year\b(?! (?:earlier|ago|before))|\bв год\b|\bежегодно\b|\bannually\b",
            following,
        )
    )


def _more_than(after: Sequence[Token]) -> bool:
    """ "на 18 % больше, чем…", "12 percent more than…": a growth rate stated as a comparison."""
    words = [t.text.lower() for t in after[:3]]
    return any(
        w in {"больше", "выше", "more", "higher", "above", "exceeds", "exceeded"}
        or w.startswith(("превыш", "превыс"))
        for w in words[:2]
    )


def _times_as_much(text: str, amount: Amount, after: Sequence[Token]) -> bool:
    """ "three times as much as a year earlier": a multiple of an earlier level, its growth (a plain
    "40 percent as much as" is a share, not a rate)."""
    words = [t.text.lower() for t in after[:3]]
    return (
        re.search(r"(?:times|fold)$", text[amount.start : amount.end], re.IGNORECASE) is not None
        and len(words) == 3
        and words[0] == words[2] == "as"
        and words[1] in {"much", "large", "high", "big", "great"}
    )


_INDEX_BEFORE = re.compile(r"(?:,\s*или|\()\s*$", re.IGNORECASE)
_INDEX_AFTER = re.compile(r"\s*к\s+(?:уровню\s+)?\w", re.IGNORECASE)


def _an_index(text: str, previous_end: int, amount: Amount) -> bool:
    """ "…составил 312,4 млн долларов, или 106,2 % к январю–сентябрю 2025 года": the level against
    the base's as a hundred, a growth of 6.2 %."""
    return (
        previous_end < amount.start
        and _INDEX_BEFORE.search(text, previous_end, amount.start) is not None
        and _INDEX_AFTER.match(text, amount.end) is not None
    )


def _less_than(after: Sequence[Token]) -> bool:
    """ "на 3 % меньше, чем годом ранее", "9 percent fewer (cars) than…": a fall stated as a comparison."""
    words = [t.text.lower() for t in after[:3]]
    return any(w in {"меньше", "ниже", "less", "fewer", "lower", "below"} for w in words[:2])


def _through_a_country(facts: SentenceFacts, amount_end: int) -> bool:
    """ "exported … through Georgia"; not a pipeline "which carries it across Turkish territory",
    nor the other side's own ports, that side told before the amount ("exports to Bulgaria …, routed
    through Bulgarian ports")."""
    tokens = facts.sentence.tokens
    marks = PARTNER_MARKS["transit_volume"] - {"по"}
    relative = relative_clause(facts, amount_end)
    routes = [m for m in facts.countries if preceded_by(tokens, m, marks) and m.start < relative]
    ends = {
        m.value.code
        for m in facts.countries
        if m.end <= amount_end and preceded_by(tokens, m, {"to", "into", "from"}) and m not in routes
    }
    return any(m.value.code not in ends for m in routes)


def _to_the_other_side(reading: Reading, facts: SentenceFacts, start: int, end: int) -> bool:
    """ "В Армению отправлено 140 тыс. тонн казахстанского зерна, большая часть — через Грузию":
    goods sent, as told before the amount (`start`–`end`), from one side of the story's pair to the
    other, the third country only their route."""
    tokens = facts.sentence.tokens
    pair = set(reading.main_pair)
    return len(pair) == 2 and any(
        m.value.code in pair and start <= m.start < end and preceded_by(tokens, m, {"в", "во", "to", "into"})
        for m in facts.countries
    )


def _period(
    periods: list[Period],
    amount: Amount,
    segment_start: int,
    next_start: int,
    carried: str | None,
    told: Sequence[str],
    text_between: str = "",
) -> tuple[str | None, bool]:
    """The period of an amount: the nearest stated before it since the previous amount, else after
    it before the next one, else earlier in the sentence. "За тот же период", "over those twelve
    months" point back at the last period `told` (of that many months, when they count them); "in
    that year" at the last figure's (`carried`)."""
    usable = [p for p in periods if not p.comparison and p.kind != "same"]
    strong = [p for p in usable if p.kind != "annual"]
    before = [p for p in strong if segment_start <= p.start and p.end <= amount.start]
    after = [p for p in strong if amount.end <= p.start and p.end <= next_start]
    earlier = [p for p in strong if p.end <= segment_start]
    weak = [p for p in usable if p.kind == "annual" and segment_start <= p.start and p.end <= next_start]
    chosen = before[-1] if before else after[0] if after else None
    if chosen is None:
        chosen = weak[0] if weak else earlier[-1] if earlier else None
    if before and after and after[0].start - amount.end <= 40 and _CONJUNCTION.search(text_between):
        chosen = after[0]  # "…last year and grew by 18 percent in January–April": the period after it
    if (
        chosen is not None
        and re.fullmatch(r"\d{4}", chosen.value)
        and after
        and after[0].start - amount.end <= 30
        and after[0].value.startswith(chosen.value + "-")
    ):
        chosen = after[0]  # "This year we are at $1.9 billion for January through September": the months

    if chosen is None:
        return None, False
    if chosen.kind == "carry":
        return (
            carried if chosen.value == "last_figure" else _pointed_back(told, chosen.months, carried)
        ), False
    return chosen.value, chosen.explicit_year


def _pointed_back(told: Sequence[str], months: int | None, carried: str | None) -> str | None:
    """The last period told, or the last of `months` months ("за те же десять месяцев"); else `carried`."""
    for period in reversed(told):
        first, last = _months(period)
        if months is None or last - first + 1 == months:
            return period
    return carried


# "на 4,2% больше, чем в предыдущем квартале", "6.4% quarter on quarter", "к предыдущему месяцу"
_QUARTER_BEFORE = re.compile(
    r"\b(?:(?:previous|preceding|prior)\s+quarter|quarter[\s-]+on[\s-]+quarter)\b"
    r"|(?<!\w)(?:предыдущ|прошл)\w*\s+квартал",
    re.IGNORECASE,
)
_MONTH_BEFORE = re.compile(
    r"\b(?:(?:previous|preceding|prior)\s+month|month[\s-]+on[\s-]+month)\b"
    r"|(?<!\w)(?:предыдущ|прошл)\w*\s+месяц",
    re.IGNORECASE,
)


def _compared(
    periods: list[Period], amount: Amount, next_start: int, period: str, stretch: str = ""
) -> str | None:
    """The base a rate is told against: the period it names, the same months a year earlier, or
    the quarter or month before the rate's own when `stretch` (the words around the rate) says so."""
    first, last = _months(period)
    for words, length in ((_QUARTER_BEFORE, 3), (_MONTH_BEFORE, 1)):
        if last - first + 1 == length and words.search(stretch):
            return _months_span(first - length, last - length)
    bases = [p for p in periods if p.comparison and amount.end <= p.start < next_start]
    if not bases:
        bases = [p for p in periods if p.comparison and p.end <= amount.start]
    if not bases:
        return None
    same = any(p.kind in {"same", "carry"} for p in bases)  # "in the same (eight) months"
    dated = [p for p in bases if p.kind not in {"same", "carry"}]
    if same and dated:
        year = re.match(r"\d{4}", dated[0].value)
        return re.sub(r"\d{4}", year.group(), period) if year else None
    if same or dated[0].kind == "last_year":
        return shift_year(period, -1)  # "up 8% on the previous year": the year before the rate's
    if dated[0].kind == "since_month":
        return dated[0].value.split("/")[0]  # "по сравнению с маем" is May, not "since May"
    return dated[0].value


def _months_span(first: int, last: int) -> str:
    """Months counted from year 0 (as `_months` gives them) as a period."""
    start = f"{first // 12}-{first % 12 + 1:02d}"
    return start if first == last else f"{start}/{last // 12}-{last % 12 + 1:02d}"


def _bound(
    language: str, before: Sequence[Token], target: bool, clause: Sequence[Token], ranged: bool
) -> str:
    """The qualifier just before the amount. A target's "довести до" names the value itself, and so
    does a change "сократился на 4 % — до 610 млн": the verb may sit before an earlier amount of the
    clause. "От 13 до 13,5" and "between 3 and 3.5" open a range, not a lower bound."""
    clause_words = [lemma(t.text) if language == "ru" else t.text.lower() for t in clause]
    words: list[str] = []
    surface: list[str] = []
    for token in reversed(before):
        if _BREAK.fullmatch(token.text):
            break
        words.insert(0, lemma(token.text) if language == "ru" else token.text.lower())
        surface.insert(0, token.text.lower())
        if len(words) == 4:
            break
    if surface and surface[-1] in _NEAREST_APPROXIMATE:
        return "approximate"  # "edged up to about $1.2 billion": the nearest qualifier counts
    texts = (f" {' '.join(surface)} ", f" {' '.join(words)} ")
    for phrase, bound in vocab.BOUNDS[language]:
        if any(f" {phrase} " in text for text in texts):
            if phrase == "до" and not target and "мочь" in clause_words and _changes(clause_words):
                return "at_most"  # "поставки могут вырасти до 500 млн кубометров": a ceiling, not a level
            if phrase in {"до", "от", "to"} and (
                target or _after_change_verb(words, phrase) or _changes(clause_words)
            ):
                continue
            if ranged and phrase in {"от", "from", "between"}:
                continue
            if language == "en" and _OPENS_A_PERIOD.search(texts[0].split(f" {phrase} ", 1)[-1]):
                continue  # "trade over January-September 2026 reached": a span, not "over" a value
            return bound
    return "exact"


_OPENS_A_PERIOD = re.compile(
    r"^(?:the\s+)?(?:first|past|last|same|previous|whole|full|entire|january|february|march|april|may|june"
    r"|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec"
    r"|q[1-4]|h[12]|(?:19|20)\d{2})\b"
)


_NEAREST_APPROXIMATE = {"about", "around", "approximately", "roughly", "около", "порядка", "примерно"}


def _changes(words: list[str]) -> bool:
    return any(word in _CHANGE_VERBS for word in words)


def _after_change_verb(words: list[str], phrase: str) -> bool:
    """ "вырос до 500" is a change to 500, not "up to 500"."""
    position = words.index(phrase)
    return any(word in _CHANGE_VERBS for word in words[:position]) or (
        position > 0 and words[position - 1] in {"с", "на"}
    )


_AIM_VERBS = {
    "raise",
    "increase",
    "bring",
    "boost",
    "double",
    "lift",
    "довести",
    "увеличить",
    "нарастить",
    "удвоить",
    "поднять",
    "вывести",
}
_BY_A_YEAR = re.compile(r"\s*(?:by|к)\s+(?:the\s+end\s+of\s+|концу\s+)?(?:19|20)\d{2}\b", re.IGNORECASE)


def _aimed(text: str, amount: Amount, before: Sequence[Token]) -> bool:
    """ "…reaffirmed their resolve to raise it to USD 5 billion by 2030", "договорились увеличить
    его до 1 млрд долларов к 2028 году": a value to reach by a year is a target."""
    words = [t.text.lower() for t in before]
    infinitive = any(
        word in _AIM_VERBS and (word.endswith("ть") or (index > 0 and words[index - 1] == "to"))
        for index, word in enumerate(words)
    )
    return infinitive and bool(_BY_A_YEAR.match(text, amount.end))


_DEADLINE = re.compile(r"\b(?:by|к)\s+(?:the\s+end\s+of\s+|концу\s+)?(?:19|20)\d{2}\b", re.IGNORECASE)


def _by_a_year_ahead(reading: Reading, periods: list[Period], period: str) -> bool:
    """The figure's period is a year still to come, told as a deadline ("by 2030", "к 2028 году"):
    with no word of a forecast, what the text names is a value to reach by then, a target."""
    return _not_over(period, reading) and any(
        p.value == period
        and not p.comparison
        and _DEADLINE.search(reading.document.text, max(0, p.start - 20), p.end) is not None
        for p in periods
    )


# Words that open a clause of its own inside a sentence ("…, which came to", "отметив, что … составил").
_CLAUSE_OPENERS = {"which", "that", "который", "что"}
# English verbs of a figure in the past tense that do not end in "-ed".
_EN_PAST = {"came", "was", "were", "stood", "rose", "fell", "grew", "hit", "reached", "totalled"}
# How near the amount the verb stands that makes a clause tell a figure of its own.
_OWN_VERB_REACH = 3


def _figure_clause(reading: Reading, before: Sequence[Token]) -> list[Token]:
    """The tokens of the figure's own clause when a subordinate clause tells it with a verb in the
    past ("…would still be modest next to trade with Turkey, which came to…"): the forecast or the
    target of the main clause is not its status. Else all of `before`."""
    before = _after_a_stop(reading, before)
    opener = max(
        (
            i
            for i, t in enumerate(before)
            if (t.text.lower() if reading.language == "en" else lemma(t.text)) in _CLAUSE_OPENERS
        ),
        default=None,
    )
    if opener is None:
        return list(before)
    near = before[max(opener + 1, len(before) - _OWN_VERB_REACH) :]
    if reading.language == "en":
        past = any(t.text.lower() in _EN_PAST or t.text.lower().endswith("ed") for t in near)
    else:
        past = any(past_verb(t.text) for t in near)
    return list(before[opener + 1 :]) if past else list(before)


# Marks after which a clause of its own tells the figure ("В качестве ориентира упомянули опыт
# Италии: её товарооборот … превысил", "That would leave Japan behind: Japanese customs put trade at").
_CLAUSE_STOPS = {":", ";"}
# English verbs that tell a figure in a clause of their own, beside those in "-ed" and `_EN_PAST`.
_EN_FIGURE_VERBS = {
    "put",
    "puts",
    "is",
    "are",
    "stands",
    "reaches",
    "totals",
    "amounts",
    "estimates",
    "counts",
}


def _has_verb(reading: Reading, tokens: Sequence[Token]) -> bool:
    if reading.language == "en":
        words = [t.text.lower() for t in tokens]
        return any(w in _EN_PAST or w in _EN_FIGURE_VERBS or (w.endswith("ed") and len(w) > 3) for w in words)
    return any(a_verb(t.text) for t in tokens)


def _after_a_stop(reading: Reading, before: Sequence[Token]) -> list[Token]:
    """The tokens after the last colon or semicolon before the amount when they make a clause with a
    verb of its own: the words before the mark (an aim, an outlook, "another estimate") introduce
    the figure, they do not qualify it. "Цель: 5 млрд долларов" has no verb after the mark, and its
    words before the mark still count."""
    stop = max((i for i, t in enumerate(before) if t.text in _CLAUSE_STOPS), default=None)
    if stop is None or not _has_verb(reading, before[stop + 1 :]):
        return list(before)
    return list(before[stop + 1 :])


def _status(
    reading: Reading,
    before: Sequence[Token],
    sentence_tokens: Sequence[Token],
    governing: Sequence[Token] = (),
) -> str:
    """The figure's status from the cues of its own clause. `governing` is the clause the figure
    shares with amounts before it ("По оценке X, товарооборот вырос в 2,2 раза и приблизился к 41
    млн", "составил 61 млрд, уменьшившись на 7 %"): whose estimate the clause tells is said of
    every figure in it (`_ESTIMATE_ATTRIBUTION`)."""
    clause = _figure_clause(reading, before)
    if reading.cues("TARGET", clause):
        return "target"
    forecast = [m for m in reading.cues("FORECAST", clause) if not _is_month_may(clause, m)]
    if forecast or reading.future_tense(clause[-4:]):
        return "forecast"
    if reading.cues("PRELIMINARY", sentence_tokens):
        return "preliminary"
    if reading.cues("ESTIMATE", clause) or _estimate_attributed(reading, _after_a_stop(reading, governing)):
        return "estimate"
    return "reported"


# Whose estimate a clause tells ("по оценке министерства", "по нашим оценкам", "according to
# estimates by"), unlike "an estimated USD 318 million", which qualifies its own amount only.
_ESTIMATE_ATTRIBUTION = re.compile(
    r"\bпо\s+(?:\w+\s+){0,2}оценк\w*|\b(?:according\s+to|by)\s+(?:\w+\s+){0,3}estimates?\b", re.IGNORECASE
)


# A closing clause that tells whose estimate the sentence's figures are ("…, traders in Trabzon
# estimate.", "…, according to ministry estimates.", "…, по оценке министерства.", "…, оценивают
# экспедиторы."): the sentence's last words, after its amounts.
_ESTIMATE_CLOSING = re.compile(
    r"[,—–]\s*(?:according\s+to\s+(?:\w+\s+){0,4}estimates?\b[^,;.]{0,60}|[^,;.\d]{0,60}?\b(?:estimate|estimates)"
    r"|по\s+(?:\w+\s+){0,2}оценк\w*[^,;.\d]{0,60}|оценива\w+\s+[^,;.\d]{0,60})\s*[.!]?\s*$",
    re.IGNORECASE,
)


def _estimate_closing(text: str, amount_end: int, next_start: int, sentence_end: int) -> bool:
    """The closing estimate follows the amount's clause, no other amount between ("…, and the full
    year could end above $470 million, by our own estimate" is the second amount's)."""
    found = _ESTIMATE_CLOSING.search(text, amount_end, sentence_end)
    return found is not None and found.start() <= next_start


def _estimate_attributed(reading: Reading, clause: Sequence[Token]) -> bool:
    if not clause:
        return False
    return _ESTIMATE_ATTRIBUTION.search(reading.document.text, clause[0].start, clause[-1].end) is not None


def _is_month_may(tokens: Sequence[Token], mention: Mention[str]) -> bool:
    return mention.value == "may" and tokens[mention.first].text == "May"


# How many words after "mostly", "в основном" a list of goods may run, and how far before the amount
# such a word may stand (before the goods themselves).
_MAKE_UP_REACH = 8
_GOODS_REACH = 12
_LIST_JOINERS = {",", "and", "or", "и", "или"}
_BREAKS = {",", ";", "—", "–", ":"}
_ANOTHER_CLAUSE = {"while", "whereas", "but", "and", "а", "но", "тогда", "однако"}
# Cubic metres, barrels a day and kWh are of gas, oil and electricity where no goods are named
# ("deliveries reached 1.05 billion cubic metres"); tonnes of no named goods are cargo of all kinds.
_GOODS_OF_UNIT = {"cubic_metres": "gas", "barrels_per_day": "oil", "thousand_kwh": "electricity"}
# Units that measure some goods, never all the goods of a flow: a figure in them of no goods is none
_SOME_GOODS_UNITS = {"litres"}
_LIST_QUANTIFIERS = {"немного", "также", "some", "also", "little"}
_NOT_AN_ITEM = {"the", "its", "their", "which", "that", "said", "says", "while", "worth", "up", "down"}


def _commodity(
    reading: Reading,
    facts: SentenceFacts,
    indicator: str,
    amount: Amount,
    before: Sequence[Token],
    after: Sequence[Token],
    following: Sequence[Token],
) -> str:
    """The goods the figure counts: the last goods word near the amount, unless it only describes a
    total: listed after "mostly", "в основном" …, one of a list of goods ("copper, textiles, fruit"), or
    past a break after the amount ("…$1.7 billion: crude oil, ferroalloys…")."""
    up_to_amount = _tokens_between(facts.sentence.tokens, facts.sentence.start, amount.start)
    but = reading.cues("ALL_GOODS_BUT", up_to_amount)
    if but:
        return but[0].value
    if indicator.startswith("trade_turnover"):
        return "TOTAL"
    if amount.unit == "items":
        return counted_goods(reading, after)
    breaks = [i for i, t in enumerate(after) if not t.text[:1].isalnum()]
    near = before[-_GOODS_REACH - _MAKE_UP_REACH :]
    window = [*near, *after[: breaks[0] if breaks else len(after)]]
    make_up = reading.cues("COMMODITY_MAKE_UP", window)
    # "…of wheat to Uzbekistan, while its total exports reached…": goods before a clause of another
    # flow are that earlier clause's ("семена подсолнечника: … их вывезено" is still theirs)
    flows = reading.cues("INDICATORS", near)
    clause = max(
        (
            i
            for i, t in enumerate(near[:-1])
            if t.text in _BREAKS
            and near[i + 1].text.lower() in _ANOTHER_CLAUSE
            and any(f.first > i for f in flows)
        ),
        default=-1,
    )
    # "Главная причина — рост поставок золота: казахстанский экспорт упал до…": a flow named with
    # its own side after a colon is a figure of its own, the goods before the colon the reason told
    # for it ("its exports", or "exports to Kyrgyzstan" after "Georgian wine has found a niche…:",
    # stay the goods')
    colons = [i for i, t in enumerate(near) if t.text == ":"]
    sides = {t.start for m in facts.countries for t in facts.sentence.tokens[m.first : m.last]}
    if colons and any(
        f.first > colons[-1]
        and a_flow_noun(reading, near, f)
        and any(t.start in sides for t in [*near[max(f.first - 2, 0) : f.first], *near[f.last : f.last + 1]])
        for f in flows
    ):
        clause = max(clause, colons[-1])
    cues = [
        c
        for c in reading.cues("COMMODITIES", window)
        if c.first >= max(len(near) - _GOODS_REACH, clause)
        and not any(m.last <= c.first <= m.last + _MAKE_UP_REACH for m in make_up)
        and not _one_of_a_list(window, c)
    ]
    # the goods the flow or the unit names are the figure's, whatever other goods stand nearby
    named = goods_named(reading, facts, amount.unit, before, following, amount.unit not in CURRENCIES)
    if named is not None and named != "TOTAL":
        return named
    if cues:
        return cues[-1].value
    carried = [m.value.entry.commodity for m in facts.projects if m.value.entry and m.value.entry.commodity]
    if carried:
        return str(carried[0])
    first = amount.unit != "percent" and (not before or before[0].start == facts.sentence.tokens[0].start)
    opening = goods_opening_the_sentence(reading, facts, amount.start) if first else None
    named_anywhere = {c.value for c in reading.cues("COMMODITIES", facts.sentence.tokens)}
    if amount.unit in _SOME_GOODS_UNITS and len(named_anywhere) == 1:
        # "…shipped 6.1 million litres to Polish importers, … the largest buyer of Georgian wine":
        # litres measure some goods, the ones the sentence names
        return named_anywhere.pop()
    return (
        goods_before_colon(reading, facts, amount.start)
        or opening
        or str(_GOODS_OF_UNIT.get(amount.unit, "TOTAL"))
    )


def _one_of_a_list(tokens: Sequence[Token], cue: Mention[str]) -> bool:
    """Whether goods stand in a list of three or more ("нефть, уран и ферросплавы"): the make-up of
    a total, not one line of it."""
    items = 1
    for step, edge in ((1, cue.last), (-1, cue.first - 1)):
        i = edge
        while step < 0 and 0 <= i < len(tokens) and tokens[i].text.lower() in _LIST_QUANTIFIERS:
            i -= 1  # "финики, цитрусовые, немного удобрений": the last item told with a quantity
        while 0 <= i < len(tokens) and tokens[i].text.lower() in _LIST_JOINERS and _an_item(tokens, i + step):
            items += 1
            i += step
            while _an_item(tokens, i + step):
                i += step  # "rubber goods", "грузовые автомобили"
            i += step
    return items >= 3


def _an_item(tokens: Sequence[Token], i: int) -> bool:
    if not 0 <= i < len(tokens):
        return False
    word = tokens[i].text
    return word.replace("-", "").isalpha() and word[:1].islower() and word not in _LIST_JOINERS | _NOT_AN_ITEM
