"""The words search works with, computed here in Python so that SQLite and PostgreSQL agree.

A word is a run of letters and digits. It is compatibility-normalized (NFKC), case-folded with ё
read as е (Latin words also lose their accents), and reduced to its Snowball stem: Russian for
Cyrillic words, English for Latin ones; numbers and other scripts stay as they are.

The index holds the stems of a record's text. A query is stemmed the same way, and each of its words
matches (see `Term`) its stem, any stem that stem begins ("порт" finds "портов", "pipe" finds
"pipelines"; from three letters on, so "eu" does not find "Europe"), and the stem Snowball gives
the word's other forms when it cuts them shorter ("Казахстане" finds "Казахстан").
"""

import re
import threading
import unicodedata
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import repeat
from operator import add
from typing import Any

from app.common.text import normalize_text

# A run of letters and digits; combining accents (Latin and Cyrillic) stay inside the word, so a
# decomposed "й" does not split it. Folding then yields pure runs of letters and digits.
_TOKEN = re.compile(r"[^\W_](?:[^\W_]|[\u0300-\u036f\u0483-\u0489])*")
# The same runs in a text without "_": one character class, which the regex engine repeats many
# times faster than a choice of two.
_TOKEN_WITHOUT_UNDERSCORE = re.compile(r"[^\W_][\w\u0300-\u036f\u0483-\u0489]*")
_WORD = re.compile(r"[^\W_]+")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[a-z\u00df-\u024f]")

# How a snippet marks the words that matched. Not «»: Russian text uses those as quotation marks.
MARK_START = "**"
MARK_END = "**"
SNIPPET_WIDTH = 160
# A search matching more records than this is ranked a block of this many matches at a time, in the
# index's order: ranking costs time in proportion to the matches it orders (app.search.repository).
RANKED_AT_ONCE = 500
# Shorter terms match whole stems only: as prefixes they would match a large part of any index.
PREFIX_MIN_LENGTH = 3
# Shorter variants are left out: "Актау" → "акта" → "акт" would find "акт" (an act).
VARIANT_MIN_LENGTH = 4

_local = threading.local()


def _stemmer(language: str) -> Any:
    # Snowball stemmers keep state while they work: one per thread.
    stemmers: dict[str, Any] = _local.__dict__.setdefault("stemmers", {})
    if language not in stemmers:
        # Imported by the first word stemmed, not with the app: a worker's start need not load it.
        import snowballstemmer

        stemmers[language] = snowballstemmer.stemmer(language)
    return stemmers[language]


@lru_cache(maxsize=65536)
def token_stems(token: str) -> tuple[str, ...]:
    """The stems of one token as found in text (folding can split it: "İ" folds to i + a dot)."""
    folded = normalize_text(unicodedata.normalize("NFKC", token))
    if _LATIN.search(folded) and not _CYRILLIC.search(folded):
        # Latin accents are dropped ("Türkiye" = "Turkiye"); Cyrillic keeps й, which its stemmer needs.
        decomposed = unicodedata.normalize("NFKD", folded)
        folded = "".join(char for char in decomposed if not unicodedata.combining(char))
    return tuple(_stem(word) for word in _WORD.findall(folded))


def _stem(word: str) -> str:
    if _CYRILLIC.search(word):
        return str(_stemmer("russian").stemWord(word))
    if _LATIN.search(word):
        return str(_stemmer("english").stemWord(word))
    return word


def tokens(text: str) -> Iterator[re.Match[str]]:
    return (_TOKEN if "_" in text else _TOKEN_WITHOUT_UNDERSCORE).finditer(text)


def stems(text: str) -> list[str]:
    """Every word's stem, in text order (repeats kept: they count for ranking)."""
    return [stem for token in tokens(text) for stem in token_stems(token.group())]


@dataclass(frozen=True)
class Term:
    """One word of a query, and the indexed stems it matches.

    `stem` matches itself and, when `prefix`, every stem it begins. `variant` is the stem of the
    stem, where that is shorter: Snowball over-stems some forms of a word ("Казахстан" → "казахста",
    verb ending -н; "саммит" → "самм") but not others ("Казахстане" → "казахстан"), and the short
    form is what those others need to match, exactly ("казахста", not every word it begins).
    """

    stem: str
    variant: str | None = None

    @property
    def prefix(self) -> bool:
        return len(self.stem) >= PREFIX_MIN_LENGTH

    @property
    def exact(self) -> tuple[str, ...]:
        """The stems this term matches whole."""
        return (self.stem,) if self.variant is None else (self.stem, self.variant)

    def matches(self, stem: str) -> bool:
        return stem in self.exact or (self.prefix and stem.startswith(self.stem))


def query_terms(query: str) -> list[Term]:
    """The distinct words of a query, in order; empty when it has no letters or digits."""
    return [_term(stem) for stem in dict.fromkeys(stems(query))]


@lru_cache(maxsize=65536)
def _term(stem: str) -> Term:
    # Cached as `token_stems` is: stemming costs far more than a lookup, and a request reads its query
    # twice (the parameter's check, then the search).
    variant = _stem(stem)
    keep = variant != stem and len(variant) >= VARIANT_MIN_LENGTH
    return Term(stem, variant if keep else None)


# BM25's constants, as SQLite's bm25() has them: how soon more occurrences stop adding, and how much
# a document's length counts against it.
K1 = 1.2
B = 0.75


def relevance(terms: Sequence[Term], documents: Sequence[str], alone: Collection[str] = ()) -> list[float]:
    """How well each document (its stems, space-separated) matches the terms, higher is better: BM25's
    weight of each term's occurrences, normalized by the document's length against the average of
    `documents`, and added up over the terms. An exact form of a term counts twice, a longer word it
    begins once, as the index's own ranking weighs them.

    `alone`: stems that begin no longer stem of any document (the caller knows it from the index's
    vocabulary), which spares looking for one."""
    if not documents:
        return []
    # A space before every stem (" a b"): one count of " w" finds every stem that begins with w, and
    # one count of the spaces is the number of stems.
    padded = [f" {document}" for document in documents]
    lengths = list(map(str.count, padded, repeat(" ")))
    if "" in documents:
        lengths = [length if document else 0 for length, document in zip(lengths, documents, strict=True)]
    average = max(sum(lengths) / len(documents), 1.0)
    # The constants as locals, and 1 - B once: `1 - B + x` is `(1 - B) + x`, so the same doubles,
    # without a global lookup and a subtraction per document.
    k1, b, one_minus_b, k1_plus_1 = K1, B, 1 - B, K1 + 1
    counts = _Counts(documents, padded, alone)
    if len(terms) == 1:
        # One pass, not three: the same operations in the same order, so the same doubles (a sum
        # that starts at 0.0 adds nothing to a positive score).
        return [
            count * k1_plus_1 / (count + k1 * (one_minus_b + b * length / average))
            for count, length in zip(counts.found(terms[0]), lengths, strict=True)
        ]
    norms = [k1 * (one_minus_b + b * length / average) for length in lengths]
    scores = [0.0] * len(documents)
    for term in terms:
        scores = [
            score + count * k1_plus_1 / (count + norm)
            for score, count, norm in zip(scores, counts.found(term), norms, strict=True)
        ]
    return scores


class _Counts:
    """The occurrences of stems in each of a block's documents, by as few passes over each document as
    the block allows."""

    def __init__(self, documents: Sequence[str], padded: list[str], alone: Collection[str]) -> None:
        self.documents = documents
        self.padded = padded
        self.alone = alone
        self._spaced: list[str] | None = None
        self._block: str | None = None

    def _has_longer(self, stem: str) -> bool:
        """Whether some document holds a stem longer than `stem` that begins with it."""
        if stem in self.alone:
            return False
        if self._block is None:
            # Every document's stems in one string: the question is then one search in C, not a
            # call per document.
            self._block = " " + " ".join(self.documents)
        return _longer_stem(stem).search(self._block) is not None

    def beginning(self, stem: str) -> list[int]:
        """Each document's stems that begin with `stem` (itself included)."""
        return list(map(str.count, self.padded, repeat(f" {stem}")))

    def whole(self, stem: str) -> tuple[list[int], bool]:
        """Each document's stems equal to `stem`; and whether those are all the stems that begin with
        it, in every document."""
        if not self._has_longer(stem):
            return self.beginning(stem), True
        if self._spaced is None:
            self._spaced = [f" {document.replace(' ', '  ')} " for document in self.documents]
        return list(map(str.count, self._spaced, repeat(f" {stem} "))), False

    def found(self, term: Term) -> list[int]:
        """The occurrences of `term` in each document, weighed: an exact form twice, a longer word the
        term begins once."""
        whole, alone = self.whole(term.stem)
        # Every stem the term begins once (itself included), and itself once more.
        beginning = whole if alone or not term.prefix else self.beginning(term.stem)
        found = list(map(add, whole, beginning if term.prefix else whole))
        if term.variant is not None:
            variants, _ = self.whole(term.variant)
            # Twice, as an exact form; once more only, where the prefix already counted it once.
            weight = 1 if term.prefix and term.variant.startswith(term.stem) else 2
            found = [count + weight * variant for count, variant in zip(found, variants, strict=True)]
        return found


@lru_cache(maxsize=1024)
def _longer_stem(stem: str) -> re.Pattern[str]:
    return re.compile(f" {re.escape(stem)}[^ ]")


def _matches(token: str, terms: Sequence[Term]) -> bool:
    return any(term.matches(stem) for stem in token_stems(token) for term in terms)


class _Matching(dict[str, bool]):
    """Whether a word matches any of the terms (an exact stem, or a stem a prefix term begins), worked
    out the first time the word is looked up."""

    def __init__(self, terms: Sequence[Term]) -> None:
        super().__init__()
        self._exact = frozenset(stem for term in terms for stem in term.exact)
        self._prefixes = tuple(term.stem for term in terms if term.prefix)

    def __missing__(self, token: str) -> bool:
        exact, prefixes = self._exact, self._prefixes
        stems = token_stems(token)
        if len(stems) == 1:
            # Most words are one stem: no generator to start (a page of hits looks up a hundred).
            found = stems[0] in exact or stems[0].startswith(prefixes)
        else:
            found = any(stem in exact or stem.startswith(prefixes) for stem in stems)
        self[token] = found
        return found


class Snippets:
    """Snippets of many texts for one query (a page of hits): whether a word matches the query is
    worked out once per distinct word, not once per occurrence."""

    def __init__(self, terms: Sequence[Term], width: int = SNIPPET_WIDTH) -> None:
        self.terms = terms
        self.width = width
        self._matching = _Matching(terms)

    def __call__(self, text: str) -> str:
        """About `width` characters of `text` around the words that match the terms, those words
        marked. The window stays inside one line (a title, a summary, a quote): the line matching the
        most distinct terms, the earliest of equals. Text without a match yields its first line,
        shortened."""
        terms, width, matching = self.terms, self.width, self._matching
        hits = [token for token in tokens(text) if matching[token.group()]]
        if not hits:
            line_end = _line_end(text, 0)
            return _render(text, 0, min(line_end, width), line_end, 0, [])
        if "\n" not in text:
            line_start, line_end, line_hits = 0, len(text), hits
        else:
            lines: dict[int, list[re.Match[str]]] = {}
            for hit in hits:
                lines.setdefault(_line_start(text, hit.start()), []).append(hit)

            def distinct_terms(line_hits: list[re.Match[str]]) -> int:
                return sum(any(_matches(hit.group(), [term]) for hit in line_hits) for term in terms)

            if len(lines) == 1:
                [line_start] = lines
            else:
                line_start = max(lines, key=lambda start: (distinct_terms(lines[start]), -start))
            line_end = _line_end(text, line_start)
            line_hits = lines[line_start]
        anchor = line_hits[0].start()
        start = max(line_start, min(anchor - width // 4, line_end - width))
        end = min(line_end, start + width)
        return _render(text, start, end, line_end, line_start, line_hits)


def snippet(text: str, terms: Sequence[Term], width: int = SNIPPET_WIDTH) -> str:
    """About `width` characters of `text` around the words that match `terms`: see `Snippets`."""
    return Snippets(terms, width)(text)


def _line_start(text: str, position: int) -> int:
    return text.rfind("\n", 0, position) + 1


def _line_end(text: str, position: int) -> int:
    end = text.find("\n", position)
    return len(text) if end == -1 else end


def _render(
    text: str, start: int, end: int, line_end: int, line_start: int, hits: Sequence[re.Match[str]]
) -> str:
    # Cut at spaces rather than inside words, when one is near (and not past the first match).
    if start > line_start:
        space = text.find(" ", start, min(start + 20, hits[0].start() if hits else end))
        start = space + 1 if space != -1 else start
    if end < line_end:
        space = text.rfind(" ", max(start, end - 20), end)
        end = space if space != -1 else end
    pieces: list[str] = ["…"] if start > line_start else []
    position = start
    for hit in hits:
        if hit.start() < start or hit.end() > end:
            continue
        pieces += [text[position : hit.start()], MARK_START, hit.group(), MARK_END]
        position = hit.end()
    pieces.append(text[position:end])
    if end < line_end:
        pieces.append("…")
    # Runs of spaces, line breaks and other white space as one space (what `\s+` matches).
    return " ".join("".join(pieces).split())
