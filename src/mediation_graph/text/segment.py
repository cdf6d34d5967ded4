"""Sentences and tokens with offsets into the document as read.

Sentence ends are . ! ? ؟ and line breaks. A period does not end a sentence after a single
letter (U.S., أ.ف.ب، د.), after a listed abbreviation (Dept., Gen.), or before a lowercase word;
the Arabic comma never does.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from ..model import Sentence, Token
from ..paths import ontology_dir
from .normalize import ARABIC_LETTERS, word_keys

_MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"
_WORD = f"[\\w{_MARKS}]+"
_TOKEN = re.compile(
    r"(?:[A-Za-z]\.){2,}"  # U.S. U.N.
    r"|['’]s\b"  # English possessive as its own token
    r"|[A-Z][\w.]*(?=-[a-z]{3,}\b)"  # "EU-mediated", "Saudi-backed": the name stands alone
    rf"|{_WORD}(?:[-'’](?!s\b){_WORD})*"
    r"|\S",
)
_END_CANDIDATE = re.compile(r"[.!?؟]+[\"'”’»)\]]*(?=\s)|\n\s*")
_MAX_SENTENCE_CHARS = 2000  # longer runs are cut so that no pattern sees unbounded input
_ARABIC_START = re.compile(f"[{ARABIC_LETTERS}]")


def tokenize_words(text: str, offset: int = 0) -> Iterator[tuple[str, int, int]]:
    for match in _TOKEN.finditer(text):
        yield match.group(), match.start() + offset, match.end() + offset


def tokenize(text: str, offset: int = 0) -> list[Token]:
    return [Token(word, start, end, word_keys(word))
            for word, start, end in tokenize_words(text, offset)]


@lru_cache(maxsize=1)
def abbreviations() -> frozenset[str]:
    path = ontology_dir() / "lexicon" / "abbreviations.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().lower().rstrip(".") for line in lines
                     if line.strip() and not line.startswith("#"))


def _is_boundary(text: str, end_start: int, end_stop: int) -> bool:
    """Whether the punctuation at text[end_start:end_stop] ends a sentence."""
    mark = text[end_start]
    if mark == "\n":
        return True
    if mark != "." or (end_stop - end_start > 1 and text[end_start + 1] != "."):
        return True
    word = re.search(r"(\S+)$", text[max(0, end_start - 40):end_start])
    before = word.group(1) if word else ""
    if len(before.split(".")[-1]) == 1:
        return False  # U.S. / أ.ف.ب / J. Smith
    if before.lower().lstrip("(\"'") in abbreviations():
        return False
    following = text[end_stop:end_stop + 40].lstrip()
    if not following:
        return True
    first = following[0]
    return not first.islower() or bool(_ARABIC_START.match(first))


def split_sentences(text: str) -> Iterator[tuple[int, int]]:
    """Yield (start, end) of each sentence, trimmed of surrounding white space."""
    start = 0
    for match in _END_CANDIDATE.finditer(text):
        if _is_boundary(text, match.start(), match.end()):
            yield from _trimmed_pieces(text, start, match.end())
            start = match.end()
    yield from _trimmed_pieces(text, start, len(text))


def _trimmed_pieces(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > _MAX_SENTENCE_CHARS:
        cut = text.rfind(" ", start, start + _MAX_SENTENCE_CHARS)
        cut = cut if cut > start else start + _MAX_SENTENCE_CHARS
        yield start, cut
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        yield start, end


def sentences(text: str) -> list[Sentence]:
    return [Sentence(index, start, end, text[start:end], tokenize(text[start:end], start))
            for index, (start, end) in enumerate(split_sentences(text))]
