"""Leftmost-longest lookup of multi-word phrases over the keys of tokens."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from ..model import Token
from ..text.normalize import SHADDA, entry_keys
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


class _Node(Generic[T]):
    __slots__ = ("children", "values")

    def __init__(self) -> None:
        self.children: dict[str, _Node[T]] = {}
        self.values: list[T] = []


class PhraseIndex(Generic[T]):
    """Phrases by their key sequence, as a trie; several values may share one phrase."""

    def __init__(self) -> None:
        self._root: _Node[T] = _Node()
        self.size = 0

    def add(self, keys: tuple[str, ...], value: T) -> None:
        if not keys:
            return
        node = self._root
        for key in keys:
            node = node.children.setdefault(key, _Node())
        if value not in node.values:
            node.values.append(value)
            self.size += 1

    def add_phrase(self, phrase: str, value: T) -> tuple[str, ...]:
        keys = phrase_keys(phrase)
        self.add(keys, value)
        return keys

    def phrases(self) -> Iterator[tuple[tuple[str, ...], list[T]]]:
        """Every indexed phrase as its key sequence, with its values."""
        stack: list[tuple[tuple[str, ...], _Node[T]]] = [((), self._root)]
        while stack:
            keys, node = stack.pop()
            if node.values:
                yield keys, node.values
            stack.extend(((*keys, key), child) for key, child in node.children.items())

    def match_at(self, tokens: Sequence[Token], i: int,
                 variants: KeyVariants = lambda t: t.keys) -> PhraseMatch[T] | None:
        """The longest phrase starting at token ``i``, or None."""
        roots = self._root.children
        keys = variants(tokens[i])
        if keys and SHADDA in keys[-1]:  # "عمّان" before "عمان": the marked entry is meant
            keys = sorted(keys, key=lambda key: SHADDA not in key)
        frontier = [roots[key] for key in keys if key in roots]
        if not frontier:  # the common case: no phrase starts with this word
            return None
        best_end, best_values = 0, None
        for node in frontier:
            if node.values:
                best_end, best_values = i + 1, node.values
                break
        j = i + 1
        while frontier and j < len(tokens):
            keys = variants(tokens[j])
            frontier = [child for node in frontier for key in keys
                        if (child := node.children.get(key)) is not None]
            j += 1
            for node in frontier:
                if node.values:
                    best_end, best_values = j, node.values
                    break
        return PhraseMatch(i, best_end, tuple(best_values)) if best_values else None

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
