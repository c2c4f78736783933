"""Search text: tokenizing, stemming, matching, snippets and the engines' query strings. No database."""

import re
from concurrent.futures import ThreadPoolExecutor
from datetime import date

import pytest

from app.models import FigureStatus, Indicator
from app.search.repository import (
    INDICATOR_TITLES,
    STATUS_TITLES,
    fts5_match,
    period_label,
    tsquery,
)
from app.search.text import (
    K1,
    SNIPPET_WIDTH,
    Term,
    query_terms,
    relevance,
    snippet,
    stems,
    tokens,
)

# Every character of the Basic Multilingual Plane but the surrogates, each alone, inside a word and in a
# run: what tokenizing and white space are checked against.
_CHARACTERS = [chr(code) for code in range(0x10000) if not 0xD800 <= code < 0xE000]
_TEXT = " ".join(_CHARACTERS) + " ".join(f"a{char}b" for char in _CHARACTERS) + "".join(_CHARACTERS)


def test_word_forms_share_a_stem() -> None:
    assert set(stems("порт портов порта портами")) == {"порт"}
    assert stems("Казахстан Казахстана") == ["казахста", "казахста"]
    assert set(stems("pipeline pipelines")) == {"pipelin"}
    assert set(stems("summit summits")) == {"summit"}


def test_case_yo_accents_and_compatibility_forms_fold() -> None:
    assert stems("ОБЪЁМ") == stems("объем")
    assert stems("Türkiye") == stems("turkiye")
    assert stems("İstanbul") == stems("Istanbul") == ["istanbul"]
    assert stems("ｐｏｒｔ") == stems("port")  # fullwidth letters
    assert stems("и\u0306од") == stems("йод") == ["йод"]  # a decomposed й stays й, and one word


def test_words_are_runs_of_letters_and_digits() -> None:
    assert stems("Баку–Тбилиси–Джейхан, 1,7 млн; trade_turnover Касым-Жомарт") == [
        "бак",
        "тбилис",
        "джейха",
        "1",
        "7",
        "млн",
        "trade",
        "turnov",
        "кас",
        "жомарт",
    ]


@pytest.mark.parametrize("query", ["", "%%%", "--", "   ", "\"'*:()^{}", "😀", "_"])
def test_a_query_without_letters_or_digits_has_no_terms(query: str) -> None:
    assert query_terms(query) == []


def test_query_terms_are_distinct_and_carry_the_shorter_stem_of_other_forms() -> None:
    assert query_terms("Казахстане, казахстане! порт EU Актау") == [
        Term("казахстан", "казахста"),  # "Казахстан" itself stems to "казахста"
        Term("порт"),
        Term("eu"),
        Term("акта"),  # its variant "акт" (an act) is too short to be the same word
    ]
    assert query_terms("саммитах") == [Term("саммит", "самм")]


def test_how_a_term_matches_stems() -> None:
    port = Term("порт")
    assert port.matches("порт") and port.matches("портов") and port.matches("португал")
    assert not port.matches("по")
    eu = Term("eu")  # short: whole stems only
    assert eu.matches("eu") and not eu.matches("europ")
    kazakhstan = Term("казахстан", "казахста")
    assert kazakhstan.matches("казахстанск") and kazakhstan.matches("казахста")
    assert not kazakhstan.matches("казахст")  # the variant matches whole, not as a prefix


def test_fts5_queries_quote_every_stem() -> None:
    terms = [Term("порт"), Term("eu"), Term("казахстан", "казахста")]
    assert fts5_match(terms) == '"порт"* AND "eu" AND ("казахстан"* OR "казахста")'
    # query_terms never yields quotes; they would still be escaped, not read as syntax.
    assert fts5_match([Term('"')]) == '""""'


def test_fts5_queries_name_the_words_a_prefix_begins_when_given() -> None:
    terms = [Term("порт"), Term("eu"), Term("казахстан", "казахста")]
    longer = {"порт": ["портов", "португал"], "казахстан": []}
    assert fts5_match(terms, longer) == (
        '("порт" OR "портов" OR "португал") AND "eu" AND ("казахстан" OR "казахста")'
    )


def test_tsqueries_quote_every_stem() -> None:
    terms = [Term("порт"), Term("eu"), Term("казахстан", "казахста")]
    assert tsquery(terms) == "'порт':* & 'eu' & ('казахстан':* | 'казахста')"
    assert tsquery([Term("'"), Term("\\")]) == "'''' & '\\\\'"


def test_a_snippet_is_a_window_of_one_line_with_the_matches_marked() -> None:
    text = (
        "Port of Aktau\n"
        + "слово " * 40
        + "Расширялись мощности портов Актау, Курык и Алят. "
        + "конец " * 40
    )
    result = snippet(text, query_terms("портов алят"))
    assert "мощности **портов** Актау, Курык и **Алят**." in result
    assert result.startswith("…") and result.endswith("…")
    assert len(result.replace("**", "")) <= SNIPPET_WIDTH + 2
    words = result.strip("…").split()
    assert (words[0], words[-1]) == ("слово", "конец")  # cut between words, not inside one


def test_a_snippet_prefers_the_line_matching_more_terms() -> None:
    text = "Порт Курык\nПорт Актау\nАктау"
    assert snippet(text, query_terms("порт актау")) == "**Порт** **Актау**"
    assert snippet(text, query_terms("курык")) == "Порт **Курык**"


@pytest.mark.parametrize("text", [_TEXT.replace("_", ""), _TEXT])
def test_tokens_are_runs_of_letters_and_digits_with_their_combining_accents(text: str) -> None:
    # A text without "_" is tokenized by a faster pattern: the same runs.
    runs = re.compile(r"[^\W_](?:[^\W_]|[\u0300-\u036f\u0483-\u0489])*")
    assert [token.span() for token in tokens(text)] == [run.span() for run in runs.finditer(text)]


def test_a_snippet_writes_any_run_of_white_space_as_one_space() -> None:
    # Every white space but the line break, which ends a snippet's line.
    spaces = "".join(char for char in _CHARACTERS if re.fullmatch(r"\s", char) and char != "\n")
    text = f"{spaces}Порт{spaces}Курык{spaces}Актау{spaces}"
    assert snippet(text, query_terms("курык")) == "Порт **Курык** Актау"


def test_a_snippet_without_a_match_is_the_start_of_the_text() -> None:
    assert snippet("Title\nmore", [Term("zzz")]) == "Title"
    assert snippet("word " * 100, [Term("zzz")]).endswith("word…")


@pytest.mark.parametrize(
    ("start", "end", "label"),
    [
        (date(2024, 1, 1), date(2024, 12, 31), "2024"),
        (date(2025, 1, 1), date(2025, 9, 30), "2025-01..2025-09"),
        (date(2025, 3, 1), date(2025, 3, 31), "2025-03"),
        (date(2023, 1, 1), date(2024, 12, 31), "2023-01..2024-12"),
        (date(2025, 1, 15), date(2025, 2, 10), "2025-01-15..2025-02-10"),
        (date(2025, 1, 15), date(2025, 1, 15), "2025-01-15"),
    ],
)
def test_trade_figure_period_labels(start: date, end: date, label: str) -> None:
    assert period_label(start, end) == label


def test_every_indicator_and_figure_status_has_titles_in_both_languages() -> None:
    assert set(INDICATOR_TITLES) == set(Indicator)
    assert set(STATUS_TITLES) == set(FigureStatus)


def test_stemming_gives_the_same_answers_on_many_threads() -> None:
    # Snowball stemmers keep state while they work; each thread has its own.
    words = [f"{base}{ending}" for base in ("порт", "казахстан", "pipeline", "саммит") for ending in "аиоуы"]
    expected = [stems(word) for word in words]
    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(lambda _: [stems(word) for word in words], range(64)))
    assert all(result == expected for result in results)


@pytest.mark.parametrize(
    ("term", "document", "found"),
    [
        (Term("порт"), "порт порт портов", 5),  # each exact form twice, a longer word once
        (Term("порт"), "портов аэропорт", 1),  # a stem it does not begin is no match
        (Term("eu"), "eu euro eu", 4),  # too short to be a prefix: exact forms only
        (Term("казахстан", "казахста"), "казахста казахстан казахстанск", 5),  # the variant, exactly
        (Term("abc", "abcd"), "abcd abcde", 3),  # a variant the prefix begins: twice, not three times
        (Term("ab", "abcd"), "abcd abcd ab", 6),
    ],
)
def test_relevance_weighs_exact_forms_twice_and_longer_words_once(
    term: Term, document: str, found: int
) -> None:
    # One document of as many stems as the average: its relevance is BM25's weight of `found`.
    [score] = relevance([term], [document])
    assert score == found * (K1 + 1) / (found + K1)


def test_relevance_counts_the_same_whether_or_not_the_block_holds_longer_words() -> None:
    # A block without a longer word that a term begins counts each document's forms in one pass; a
    # block with one spaces every document out. The same document, the same lengths: the same score.
    terms = [Term("visit"), Term("eu")]
    alone = relevance(terms, ["visit eu visit visit", "state visit eu eu"])
    beside_longer = relevance(terms, ["visit eu visit visit", "state visitor eu eu"])
    assert alone[0] == beside_longer[0] == 6 * (K1 + 1) / (6 + K1) + 2 * (K1 + 1) / (2 + K1)
    assert relevance(terms, ["", "visit"]) == [0.0, 2 * (K1 + 1) / (2 + K1)]  # average length at least 1


def test_relevance_told_a_stem_begins_no_longer_one_counts_as_when_it_looks() -> None:
    # `alone` spares the search for a longer stem (the caller knows from the index's vocabulary):
    # where that is true, the scores are the same doubles as when relevance looks for itself.
    terms = [Term("visit"), Term("eu"), Term("state", "stat")]
    block = ["visit eu visit visit", "state visit eu eu", "", "stat state visit"]
    assert relevance(terms, block, {"visit", "state"}) == relevance(terms, block)


def test_relevance_of_one_term_is_its_share_of_many_terms() -> None:
    # One term is scored in one pass: the same doubles as the pass per term that many terms take,
    # here a term that matches no document of the block adding exactly 0.0 to each.
    block = ["visit eu visit visit", "state visit eu eu", "", "stat state visitor", "visit"]
    for term in (Term("visit"), Term("eu"), Term("state", "stat")):
        assert relevance([term], block) == relevance([term, Term("zzzz")], block)
