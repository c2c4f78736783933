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


class PhraseMatcher(Generic[V]):
    def __init__(self) -> None:
        self._by_first: dict[str, list[_Phrase[V]]] = defaultdict(list)

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
        )
        for key in entry.keys[0]:
            self._by_first[key].append(entry)

    def add_all(self, phrases: Iterable[str], value: V, language: str, *, proper: bool = False) -> None:
        for phrase in phrases:
            self.add(phrase, value, language, proper=proper)

    def find(self, tokens: Sequence[Token]) -> list[Mention[V]]:
        """Longest matches, left to right, not overlapping."""
        found: list[Mention[V]] = []
        i = 0
        while i < len(tokens):
            best: tuple[int, V] | None = None
            seen: set[int] = set()
            for key in tokens[i].keys:
                for phrase in self._by_first.get(key, ()):
                    if id(phrase) in seen:
                        continue
                    seen.add(id(phrase))
                    length = len(phrase.keys)
                    if (best is None or length > best[0]) and _matches(phrase, tokens, i):
                        best = (length, phrase.value)
            if best is None:
                i += 1
                continue
            length, value = best
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


def keys_of(word: str, language: str) -> frozenset[str]:
    return word_keys(word, language)
