"""Store-wide counts, kept up to date on every write, for the aggregate named queries.

Counting events per type, dyad, actor or relation by walking the event nodes grows with the
store (several seconds at a million events); reading one count triple per tally, dyad, actor
or relation does not. Every count is a sum over documents of what each contributes
(``convert.contributions``), so replacing a document subtracts what its stored version
contributed and adds what the new one does.

The counts live in a graph of their own, ``.../graph/counts``: ``node mg:eventCount n`` for
tallies, dyads, actors and direct-relation statements, ``actor mg:mediationCount n`` and
``actor mg:mediationDocumentCount n``. A count that falls to zero is removed. Writes made by
hand (a SPARQL update that deletes events) do not update them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping

from . import namespaces as ns
from .convert import CountKey

COUNTS_GRAPH = ns.GRAPH + "counts"


def total(parts: Iterable[Counter[CountKey]]) -> Counter[CountKey]:
    summed: Counter[CountKey] = Counter()
    for part in parts:
        summed.update(part)
    return summed


def difference(new: Mapping[CountKey, int], old: Mapping[CountKey, int]) -> dict[CountKey, int]:
    """new - old for every key either holds, keeping negative changes and dropping zeros."""
    change = {key: new.get(key, 0) - old.get(key, 0) for key in new.keys() | old.keys()}
    return {key: n for key, n in sorted(change.items()) if n}


def count_update(change: dict[CountKey, int]) -> str:
    """One SPARQL update adding ``change`` to the stored counts; it runs on any SPARQL 1.1
    store. A sum that is not positive leaves ?after unbound, which writes nothing."""
    rows = "\n".join(f"({node} {prop} {delta})" for (node, prop), delta in change.items())
    return (f"DELETE {{ GRAPH <{COUNTS_GRAPH}> {{ ?node ?count ?before }} }}\n"
            f"INSERT {{ GRAPH <{COUNTS_GRAPH}> {{ ?node ?count ?after }} }}\n"
            f"WHERE {{\n  VALUES (?node ?count ?change) {{\n{rows}\n  }}\n"
            f"  OPTIONAL {{ GRAPH <{COUNTS_GRAPH}> {{ ?node ?count ?before }} }}\n"
            "  BIND (COALESCE(?before, 0) + ?change AS ?sum)\n"
            "  BIND (IF(?sum > 0, ?sum, ?none) AS ?after)\n}")
