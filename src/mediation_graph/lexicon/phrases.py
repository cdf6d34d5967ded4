"""Leftmost-longest lookup of multi-word phrases over the keys of tokens."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from ..model import Token
from ..text.normalize import entry_keys
from ..text.segment import tokenize_words

T = TypeVar("T")
KeyVariants = Callable[[Token], Sequence[str]]


def phrase_keys(phrase: str) -> tuple[str, ...]:
    return entry_keys([word for word, _s, _e in tokenize_words(phrase)])


@dataclass(frozen=True, slots=True)
class PhraseMatch(Generic[T]):
    start: int  # token index
    end: int  # exclusive
    values: tuple[T, ...]


class PhraseIndex(Generic[T]):
    """Phrases by their key sequence; several values may share one phrase."""

    def __init__(self) -> None:
        self._by_first: dict[str, dict[tuple[str, ...], list[T]]] = {}
        self.size = 0

    def add(self, keys: tuple[str, ...], value: T) -> None:
        if not keys:
            return
        bucket = self._by_first.setdefault(keys[0], {}).setdefault(keys[1:], [])
        if value not in bucket:
            bucket.append(value)
            self.size += 1

    def add_phrase(self, phrase: str, value: T) -> tuple[str, ...]:
        keys = phrase_keys(phrase)
        self.add(keys, value)
        return keys

    def match_at(self, tokens: Sequence[Token], i: int,
                 variants: KeyVariants = lambda t: t.keys) -> PhraseMatch[T] | None:
        """The longest phrase starting at token ``i``, or None."""
        best: PhraseMatch[T] | None = None
        for key in variants(tokens[i]):
            rests = self._by_first.get(key)
            if not rests:
                continue
            for rest, values in rests.items():
                end = i + 1 + len(rest)
                if end > len(tokens) or (best and end - i <= best.end - best.start):
                    continue
                if all(r in variants(tokens[i + 1 + j]) for j, r in enumerate(rest)):
                    best = PhraseMatch(i, end, tuple(values))
        return best

    def find_all(self, tokens: Sequence[Token],
                 variants: KeyVariants = lambda t: t.keys) -> list[PhraseMatch[T]]:
        """Non-overlapping matches, leftmost-longest."""
        found: list[PhraseMatch[T]] = []
        i = 0
        while i < len(tokens):
            match = self.match_at(tokens, i, variants)
            if match:
                found.append(match)
                i = match.end
            else:
                i += 1
        return found
