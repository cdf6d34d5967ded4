"""Store-wide counts, kept up to date on every write, for the aggregate named queries.

Counting events per type, dyad, actor or relation by walking the event nodes grows with the
store (several seconds at a million events); reading one count triple per tally, dyad, actor
or relation does not. Every count is a sum over documents of what each contributes
(``convert.contributions``), so replacing a document subtracts what its stored version
contributed and adds what the new one does.

The counts live in a graph of their own, ``.../graph/counts``: ``node mg:eventCount n`` for
tallies, actors and direct-relation statements, ``dyad mg:dyadEventCount n``, ``actor
mg:mediationCount n`` and ``actor mg:mediationDocumentCount n``. A count that falls to zero is
removed. Writes made by hand (a SPARQL update that deletes events) do not update them.

The same update keeps ``.../graph/relations``: each direct relation (``a rel:mediates b``) that
at least one stored document asserts, once, whatever the number of documents; that is, the
statements with a count. A query over the whole network reads it instead of the statement
nodes (three lookups fewer per relation).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping

from . import namespaces as ns
from .convert import MG, RDF, SHARED_GRAPH, CountKey

COUNTS_GRAPH = ns.GRAPH + "counts"
RELATIONS_GRAPH = ns.GRAPH + "relations"
STATEMENT_PREFIX = f"<{ns.ID}statement/"  # a statement node as written in a CountKey


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
    """One SPARQL update adding ``change`` to the stored counts, and bringing the relations
    graph in line with the statements whose counts changed; it runs on any SPARQL 1.1 store.
    A sum that is not positive leaves ?after unbound, which writes nothing."""
    rows = "\n".join(f"({node} {prop} {delta})" for (node, prop), delta in change.items())
    counts = (f"DELETE {{ GRAPH <{COUNTS_GRAPH}> {{ ?node ?count ?before }} }}\n"
              f"INSERT {{ GRAPH <{COUNTS_GRAPH}> {{ ?node ?count ?after }} }}\n"
              f"WHERE {{\n  VALUES (?node ?count ?change) {{\n{rows}\n  }}\n"
              f"  OPTIONAL {{ GRAPH <{COUNTS_GRAPH}> {{ ?node ?count ?before }} }}\n"
              "  BIND (COALESCE(?before, 0) + ?change AS ?sum)\n"
              "  BIND (IF(?sum > 0, ?sum, ?none) AS ?after)\n}")
    statements = {node: delta for (node, _), delta in change.items()
                  if node.startswith(STATEMENT_PREFIX)}
    gained = sorted(node for node, delta in statements.items() if delta > 0)
    lost = sorted(node for node, delta in statements.items() if delta < 0)
    return " ;\n".join([counts, *relations_update(gained, lost)])


def relations_update(gained: list[str], lost: list[str]) -> list[str]:
    """Updates that add to the relations graph the triples of statements whose counts grew
    (so they count an event now) and drop those of statements whose counts fell, if they
    count none any more (the statements are described in the shared graph)."""
    triple = f"GRAPH <{RELATIONS_GRAPH}> {{ ?s ?p ?o }}"
    updates = []
    if gained:
        updates.append(f"INSERT {{ {triple} }}\nWHERE {{\n{_described(gained)}}}")
    if lost:
        counted = f"GRAPH <{COUNTS_GRAPH}> {{ ?statement {MG['eventCount']} ?events }}"
        updates.append(f"DELETE {{ {triple} }}\nWHERE {{\n{_described(lost)}"
                       f"  FILTER NOT EXISTS {{ {counted} }}\n}}")
    return updates


def _described(statements: list[str]) -> str:
    return (f"  VALUES ?statement {{ {' '.join(statements)} }}\n"
            f"  GRAPH <{SHARED_GRAPH}> {{ ?statement {RDF['subject']} ?s ; "
            f"{RDF['predicate']} ?p ; {RDF['object']} ?o }}\n")
