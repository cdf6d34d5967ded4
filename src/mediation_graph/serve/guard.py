"""Refuse what would make the server reach out: SERVICE clauses and LOAD operations.

The check reads the parsed query, not the text: rdflib's SPARQL parser gives the syntax tree,
in which a federated pattern is a ``ServiceGraphPattern`` node and a remote load a ``Load``
node, wherever they are nested. The text is consulted only to skip parsing when neither word
can be in the query at all, which keeps the common case fast.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from pyparsing import ParseBaseException
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
from rdflib.plugins.sparql.parserutils import CompValue

# SPARQL 1.1 section 19.2: \uXXXX and \UXXXXXXXX escapes are replaced before parsing, anywhere
# in the text, so "\u0053ERVICE" is the keyword SERVICE.
_CODEPOINT = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_OUTBOUND_WORDS = re.compile(r"service|load", re.IGNORECASE)
_OUTBOUND_NODES = {"ServiceGraphPattern": "SERVICE", "Load": "LOAD"}


class Refused(Exception):
    """The request is understood and will not be carried out; the message says why."""


def unescape_codepoints(text: str) -> str:
    def replace(match: re.Match[str]) -> str:
        code = int(match.group(1) or match.group(2), 16)
        return chr(code) if code <= 0x10FFFF else match.group(0)

    return _CODEPOINT.sub(replace, text)


def _nodes(tree: Any) -> Iterator[CompValue]:
    """Every syntax-tree node below ``tree`` (iteratively: queries may nest deeply)."""
    stack = [tree]
    while stack:
        item = stack.pop()
        if isinstance(item, CompValue):
            yield item
            stack.extend(item.values())
        elif isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list | tuple) or type(item).__name__ == "ParseResults":
            stack.extend(item)


def outbound_operation(text: str, update: bool = False) -> str | None:
    """``SERVICE`` or ``LOAD`` if the request contains one, else None.

    Raises ``Refused`` when the words appear but the text cannot be parsed, since then nobody
    can tell whether the engine would read them as the operation."""
    plain = unescape_codepoints(text)
    if not _OUTBOUND_WORDS.search(plain):
        return None
    return _parsed_outbound(plain, update)


@lru_cache(maxsize=512)
def _parsed_outbound(plain: str, update: bool) -> str | None:
    try:
        tree = parseUpdate(plain) if update else parseQuery(plain)
    except (ParseBaseException, RecursionError) as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise Refused("the request mentions SERVICE or LOAD and could not be parsed to "
                      f"check it ({reason})") from exc
    for node in _nodes(tree):
        if node.name in _OUTBOUND_NODES:
            return _OUTBOUND_NODES[node.name]
    return None


def check(text: str, update: bool = False) -> None:
    """Raise ``Refused`` for a request that would make the server send a request itself."""
    found = outbound_operation(text, update)
    if found == "SERVICE":
        raise Refused("SERVICE clauses are refused: this endpoint never sends requests to "
                      "other endpoints")
    if found == "LOAD":
        raise Refused("LOAD is refused: this endpoint never fetches documents from elsewhere")
