"""Finding phrases of a lexicon in a sentence's tokens, in any grammatical case: a phrase token
matches a text token when they share a key (a folded form, a lemma, or a proper name's stem)."""

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from app.extraction.morphology import word_keys
from app.extraction.text import Token, tokenize

V = TypeVar("V")


@dataclass(frozen=True)
class Mention(Generic[V]):
    value: V
    start: int  # character offsets in the document
    end: int
    first: int  # token indexes in the sentence, end exclusive
    last: int


@dataclass(frozen=True)
class _Phrase(Generic[V]):
    keys: tuple[frozenset[str], ...]
    capitalized: tuple[bool, ...]
    value: V
    proper: bool
    order: int  # when it was added: the last tie-break, so a match never depends on hashing


class PhraseMatcher(Generic[V]):
    def __init__(self) -> None:
        self._by_first: dict[str, list[_Phrase[V]]] = defaultdict(list)
        self._added = 0

    def add(self, phrase: str, value: V, language: str, *, proper: bool = False) -> None:
        joined = re.sub(r"\s*[–—‐-]\s*", "-", phrase)
        if joined != phrase:
            # "Baku–Tbilisi–Ceyhan" is also written "Baku-Tbilisi-Ceyhan", which reads as one word.
            self._add(joined, value, language, proper)
        self._add(phrase, value, language, proper)

    def _add(self, phrase: str, value: V, language: str, proper: bool) -> None:
        tokens = tokenize(phrase, 0, language)
        if not tokens:
            return
        entry = _Phrase(
            keys=tuple(_pattern_keys(token) for token in tokens),
            capitalized=tuple(token.capitalized for token in tokens),
            value=value,
            proper=proper,
            order=self._added,
        )
        self._added += 1
        for key in entry.keys[0]:
            self._by_first[key].append(entry)

    def add_all(self, phrases: Iterable[str], value: V, language: str, *, proper: bool = False) -> None:
        for phrase in phrases:
            self.add(phrase, value, language, proper=proper)

    def find(self, tokens: Sequence[Token]) -> list[Mention[V]]:
        """Longest matches, left to right, not overlapping; of two as long, the one whose words match
        by more of their forms or lemmas rather than by a name's stem ("Бразилиа" the capital, not
        Бразилия's stem), then the one added first."""
        found: list[Mention[V]] = []
        i = 0
        while i < len(tokens):
            best: tuple[tuple[int, int, int], _Phrase[V]] | None = None
            seen: set[int] = set()
            for key in tokens[i].keys:
                for phrase in self._by_first.get(key, ()):
                    if id(phrase) in seen:
                        continue
                    seen.add(id(phrase))
                    if not _matches(phrase, tokens, i):
                        continue
                    rank = (len(phrase.keys), _by_forms(phrase, tokens, i), -phrase.order)
                    if best is None or rank > best[0]:
                        best = (rank, phrase)
            if best is None:
                i += 1
                continue
            length, value = len(best[1].keys), best[1].value
            found.append(Mention(value, tokens[i].start, tokens[i + length - 1].end, i, i + length))
            i += length
        return found


def _pattern_keys(token: Token) -> frozenset[str]:
    # A lowercase phrase word matches by form and lemma; a capitalised one by its stem as well.
    return token.keys


def _matches(phrase: _Phrase[V], tokens: Sequence[Token], at: int) -> bool:
    if at + len(phrase.keys) > len(tokens):
        return False
    for offset, keys in enumerate(phrase.keys):
        token = tokens[at + offset]
        if not keys & token.keys:
            return False
        if phrase.proper and phrase.capitalized[offset] and not token.capitalized:
            return False
    return True


def _by_forms(phrase: _Phrase[V], tokens: Sequence[Token], at: int) -> int:
    """How many of the phrase's words match their token by a form or lemma, not by a stem (`~`)."""
    return sum(
        any(not key.startswith("~") for key in keys & tokens[at + offset].keys)
        for offset, keys in enumerate(phrase.keys)
    )


def keys_of(word: str, language: str) -> frozenset[str]:
    return word_keys(word, language)
