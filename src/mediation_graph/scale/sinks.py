"""Where a build writes: the embedded store or a remote SPARQL store, behind one interface.

A sink answers three questions for the build (what do you hold for these documents? what did
this document's events look like? what is your state?) and writes batches of built documents,
each batch with its manifest entries so that a finished batch is never lost and an unfinished
one is never trusted.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Protocol

import pyoxigraph as ox

from ..graph import namespaces as ns
from ..graph.convert import SHARED_GRAPH, CountKey, contributions
from ..graph.counts import difference, total
from ..graph.rebuild import events_in, index_quads, linked_entities
from ..graph.store import Store, replace_update, with_counts
from ..model import Event
from .manifest import (
    CONTENT_HASH,
    EVENT_COUNT,
    MANIFEST_GRAPH,
    STORE_DIGEST,
    Digest,
    Entry,
    changes,
    entry_iri,
)
from .remote import RemoteStore
from .workers import Built

_MANIFEST = ox.NamedNode(MANIFEST_GRAPH)
_HASH = ox.NamedNode(CONTENT_HASH)
_COUNT = ox.NamedNode(EVENT_COUNT)
_DIGEST = ox.NamedNode(STORE_DIGEST)


class Sink(Protocol):
    name: str

    def entries(self, doc_ids: list[str]) -> dict[str, Entry]: ...

    def write(self, batch: list[Built]) -> None: ...

    def events_of(self, doc_id: str) -> list[Event]: ...

    def digest(self) -> str: ...


def shared_descriptions(batch: list[Built]) -> dict[str, list[str]]:
    """Actor descriptions of a batch: the last document naming an actor describes it, as
    when documents are written one by one."""
    shared: dict[str, list[str]] = {}
    for built in batch:
        shared.update(built.graphs.shared)
    return shared


def batch_counts(batch: list[Built]) -> Counter[CountKey]:
    """What a batch's documents contribute to the store-wide counts; a document given twice
    counts with its last version, as it is stored."""
    return total({b.doc_id: b.graphs.counts for b in batch}.values())


def manifest_changes(batch: list[Built], old: dict[str, Entry], digest: Digest
                     ) -> tuple[list[str], list[str], Digest]:
    return changes([(b.doc_id, b.content_hash, len(b.event_lines)) for b in batch], old, digest)


class EmbeddedSink:
    """The pyoxigraph store: each batch is one SPARQL update, hence one transaction."""

    # RocksDB keeps what it is given in memory until flushed: unflushed, a long build grows
    # by about 0.8 kB per statement (2 GB at 100,000 documents).
    FLUSH_EVERY = 50_000  # statements

    def __init__(self, store: Store) -> None:
        self.store = store
        self.name = str(Path(store.path).resolve()) if store.path else ":memory:"
        self._unflushed = 0
        self._digest = self._stored_digest()

    def _stored_digest(self) -> Digest:
        node = ox.NamedNode(MANIFEST_GRAPH)
        for quad in self.store.oxigraph.quads_for_pattern(node, _DIGEST, None, _MANIFEST):
            return Digest(quad.object.value)
        digest = Digest()  # a store built before digests were kept: count once
        for quad in self.store.oxigraph.quads_for_pattern(None, _HASH, None, _MANIFEST):
            digest.add(quad.subject.value, quad.object.value)
        return digest

    def entries(self, doc_ids: list[str]) -> dict[str, Entry]:
        found: dict[str, Entry] = {}
        ox_store = self.store.oxigraph
        for doc_id in doc_ids:
            node = ox.NamedNode(entry_iri(doc_id))
            values = {q.predicate: q.object.value
                      for q in ox_store.quads_for_pattern(node, None, None, _MANIFEST)}
            if _HASH in values:
                found[doc_id] = Entry(values[_HASH], int(values.get(_COUNT, 0)))
        return found

    def write(self, batch: list[Built]) -> None:
        if not batch:
            return
        forget, statements, digest = manifest_changes(
            batch, self.entries([b.doc_id for b in batch]), self._digest)
        counts = difference(batch_counts(batch),
                            self.store.stored_counts({b.doc_id for b in batch}))
        shared = self.store.changed_descriptions(shared_descriptions(batch))
        blocks: dict[str, list[str]] = {}
        graphs: list[str] = []
        for built in batch:
            graphs += self._existing(built.graphs.graph, built.graphs.rel_graph)
            blocks[built.graphs.graph] = built.graphs.triples
            blocks[built.graphs.rel_graph] = built.graphs.relations
        blocks[SHARED_GRAPH] = [t for ts in shared.values() for t in ts]
        blocks[MANIFEST_GRAPH] = statements
        self.store.update(with_counts(
            " ;\n".join([*forget, replace_update(graphs, shared, blocks)]), counts))
        self._digest = digest
        self._unflushed += sum(len(lines) for lines in blocks.values())
        if self._unflushed >= self.FLUSH_EVERY and self.store.path is not None:
            self.store.oxigraph.flush()
            self._unflushed = 0

    # Dropping and deleting cost as much as inserting: only what exists is removed, and an
    # actor description the store already holds word for word is left as it is.
    def _existing(self, *graphs: str) -> list[str]:
        return [g for g in graphs if self.store.oxigraph.contains_named_graph(ox.NamedNode(g))]

    def events_of(self, doc_id: str) -> list[Event]:
        return self.store.events(doc_id)

    def digest(self) -> str:
        return self._digest.hexdigest()


class RemoteSink:
    """A SPARQL 1.1 server: graphs replaced with PUT, then actors and manifest in one update.

    The manifest entries go last, so a build stopped between requests leaves documents that
    are written but unlisted, and the next build writes them again."""

    def __init__(self, remote: RemoteStore) -> None:
        self.remote = remote
        self.name = remote.endpoints.data
        self._digest = self._stored_digest()

    def _stored_digest(self) -> Digest:
        subject = f"<{MANIFEST_GRAPH}>"
        for row in self.remote.select(f"SELECT ?d WHERE {{ GRAPH {subject} "
                                      f"{{ {subject} <{STORE_DIGEST}> ?d }} }}"):
            return Digest(row["d"].value)
        digest = Digest()  # a store built before digests were kept: count once
        for row in self.remote.select(f"SELECT ?g ?h WHERE {{ GRAPH <{MANIFEST_GRAPH}> "
                                      f"{{ ?g <{CONTENT_HASH}> ?h }} }}"):
            digest.add(row["g"].value, row["h"].value)
        return digest

    def entries(self, doc_ids: list[str]) -> dict[str, Entry]:
        if not doc_ids:
            return {}
        by_iri = {entry_iri(d): d for d in doc_ids}
        values = " ".join(f"<{iri}>" for iri in by_iri)
        rows = self.remote.select(
            f"SELECT ?g ?h ?n WHERE {{ VALUES ?g {{ {values} }} GRAPH <{MANIFEST_GRAPH}> "
            f"{{ ?g <{CONTENT_HASH}> ?h OPTIONAL {{ ?g <{EVENT_COUNT}> ?n }} }} }}")
        found: dict[str, Entry] = {}
        for row in rows:
            count = row["n"]
            found[by_iri[row["g"].value]] = Entry(row["h"].value,
                                                  int(count.value) if count else 0)
        return found

    def write(self, batch: list[Built]) -> None:
        if not batch:
            return
        old = self.entries([b.doc_id for b in batch])
        forget, statements, digest = manifest_changes(batch, old, self._digest)
        counts = difference(batch_counts(batch),
                            total(contributions(self.events_of(d)) for d in old))
        for built in batch:
            graphs = built.graphs
            self.remote.put_graph(graphs.graph, _statements(graphs.triples))
            if graphs.relations:
                self.remote.put_graph(graphs.rel_graph, _statements(graphs.relations))
            else:
                self.remote.delete_graph(graphs.rel_graph)
        shared = shared_descriptions(batch)
        blocks = {SHARED_GRAPH: [t for ts in shared.values() for t in ts],
                  MANIFEST_GRAPH: statements}
        self.remote.update(with_counts(
            " ;\n".join([*forget, replace_update([], shared, blocks)]), counts))
        self._digest = digest

    def events_of(self, doc_id: str) -> list[Event]:
        """Rebuilt from the document's two graphs and its actors' shared descriptions."""
        triples = [t for name in (ns.doc_graph_iri(doc_id), ns.rel_graph_iri(doc_id))
                   for t in self.remote.get_graph(name)]
        index = index_quads(triples)
        subjects = sorted(linked_entities(index))
        if subjects:
            values = " ".join(f"<{s}>" for s in subjects)
            rows = self.remote.select(f"SELECT ?s ?p ?o WHERE {{ VALUES ?s {{ {values} }} "
                                      f"GRAPH <{SHARED_GRAPH}> {{ ?s ?p ?o }} }}")
            index_quads((ox.Triple(r["s"], r["p"], r["o"]) for r in rows), index)
        return sorted(events_in(index), key=lambda e: (e.sentence, e.trigger.start, e.id))

    def digest(self) -> str:
        return self._digest.hexdigest()


def _statements(triples: list[str]) -> str:
    return "".join(f"{t} .\n" for t in triples)


def event_lines(events: list[Event]) -> list[str]:
    return [json.dumps(e.to_record(), ensure_ascii=False) for e in events]
