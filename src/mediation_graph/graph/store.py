"""The persistent embedded store: pyoxigraph on disk (RocksDB) or in memory.

One named graph per document and one for the relations derived from it, so building a document
again replaces exactly what it produced before; actor descriptions live once each in a shared
graph (the last build that names an actor describes it). RocksDB admits one writer process; a
second opener gets a clear ``RuntimeFailure`` instead of a lock trace.
"""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any

import pyoxigraph as ox

from ..errors import InputError, RuntimeFailure
from ..model import Document, DocumentResult, Event
from . import namespaces as ns
from .convert import (
    MG,
    PROV,
    SCHEMA,
    SHARED_GRAPH,
    CountKey,
    contributions,
    document_graphs,
)
from .counts import (
    COUNTS_GRAPH,
    RELATIONS_GRAPH,
    STATEMENT_PREFIX,
    count_update,
    difference,
    relations_update,
    total,
)
from .rebuild import documents_in, events_in, index_quads, linked_entities, read_graph
from .results import QueryResult, run_query

DEFAULT_STORE = Path("output/store")
_SHARED = ox.NamedNode(SHARED_GRAPH)
_ARTICLE = ox.NamedNode(SCHEMA["NewsArticle"][1:-1])
_ASSOCIATED = ox.NamedNode(PROV["wasAssociatedWith"][1:-1])
_DYAD = ox.NamedNode(MG["dyad"][1:-1])
_TALLY = ox.NamedNode(MG["tally"][1:-1])


def _open(path: Path | None) -> ox.Store:
    if path is None:
        return ox.Store()
    if path.exists() and not path.is_dir():
        raise InputError(f"store {path} is not a directory")
    try:
        return ox.Store(str(path))
    except OSError as exc:
        if "lock" in str(exc).lower():
            raise RuntimeFailure(
                f"store {path} is in use by another mediation-graph process") from exc
        raise RuntimeFailure(f"cannot open store {path}: {exc}") from exc


def replace_update(graphs: Iterable[str], subjects: Iterable[str],
                   blocks: dict[str, list[str]]) -> str:
    """One SPARQL update that drops ``graphs``, removes what the shared graph says about
    ``subjects`` and inserts the N-Triples statements of ``blocks`` (graph IRI -> statements)."""
    parts = [f"DROP SILENT GRAPH <{g}>" for g in graphs]
    parts += [f"DELETE WHERE {{ GRAPH <{SHARED_GRAPH}> {{ {s} ?p ?o }} }}" for s in subjects]
    body = "\n".join(f"GRAPH <{g}> {{\n" + " .\n".join(lines) + " .\n}"
                     for g, lines in blocks.items() if lines)
    if body:
        parts.append("INSERT DATA {\n" + body + "\n}")
    return " ;\n".join(parts)


def with_counts(update: str, change: dict[CountKey, int]) -> str:
    """``update`` followed, in the same request, by the change of the store-wide counts."""
    return f"{update} ;\n{count_update(change)}" if change else update


class _NQuadsStream(io.RawIOBase):
    """The N-Quads of documents as a binary file the bulk loader reads: each document is
    converted only when the loader asks for more, so a million events never sit in memory."""

    def __init__(self, chunks: Iterator[bytes]) -> None:
        self._chunks = chunks
        self._pending = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while len(self._pending) < len(buffer):
            chunk = next(self._chunks, None)
            if chunk is None:
                break
            self._pending += chunk
        size = min(len(buffer), len(self._pending))
        buffer[:size] = self._pending[:size]
        self._pending = self._pending[size:]
        return size


@dataclass
class _Loaded:
    """What a bulk load leaves to do once the stream is read: the actors' descriptions and
    counts it gathered, and the documents the store already held (replaced one by one)."""

    shared: dict[str, list[str]] = field(default_factory=dict)
    counts: Counter[CountKey] = field(default_factory=Counter)
    doc_ids: set[str] = field(default_factory=set)
    again: list[DocumentResult] = field(default_factory=list)


class Store:
    """Documents as named graphs, with SPARQL over their union; a context manager."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = Path(path) if path is not None else None
        self._store: ox.Store | None = _open(self.path)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        """Flush and drop the handle: RocksDB releases its lock when the store is freed."""
        if self._store is not None:
            if self.path is not None:
                self._store.flush()
            self._store = None

    @property
    def oxigraph(self) -> ox.Store:
        if self._store is None:
            raise RuntimeFailure("the store is closed")
        return self._store

    def __len__(self) -> int:
        return len(self.oxigraph)

    # -- writing ------------------------------------------------------------------------------
    def add_document(self, result: DocumentResult) -> None:
        """Replace the document's graph, its relation graph and its actors' descriptions, in
        one transaction."""
        out = document_graphs(result)
        shared = [t for ts in out.shared.values() for t in ts]
        change = difference(out.counts, self.stored_counts([out.doc_id]))
        self.update(with_counts(replace_update(
            [out.graph, out.rel_graph], out.shared,
            {out.graph: out.triples, out.rel_graph: out.relations, SHARED_GRAPH: shared}),
            change))

    def add_documents(self, results: Iterable[DocumentResult]) -> None:
        """Bulk load many documents (the fast path for a first build or a benchmark).

        Documents the store does not hold yet stream through RocksDB's bulk loader in one
        call, which is fast but not transactional: an interrupted load leaves part of it. The
        actors' descriptions and the counts follow, then the documents the store already held
        (or that came twice) are replaced one by one, each in a transaction."""
        loaded = _Loaded()
        stream = io.BufferedReader(_NQuadsStream(self._fresh(results, loaded)), 1 << 20)
        try:
            # lenient: the statements are our converter's own, with IRIs minted by namespaces.py
            # and literals escaped by convert.py, so the parser's IRI checks would only cost time.
            self.oxigraph.bulk_load(stream, ox.RdfFormat.N_QUADS, lenient=True)
        except OSError as exc:
            raise RuntimeFailure(f"cannot write to store {self.path}: {exc}") from exc
        self._replace_shared(loaded.shared)
        change = difference(loaded.counts, {})
        if change:
            self.update(count_update(change))
        for result in loaded.again:
            self.add_document(result)

    def _fresh(self, results: Iterable[DocumentResult], loaded: _Loaded) -> Iterator[bytes]:
        """N-Quads of the documents the store does not hold; the others wait in ``loaded``."""
        for result in results:
            doc_id = result.document.id
            if doc_id in loaded.doc_ids or self.has_document(doc_id):
                loaded.again.append(result)
                continue
            loaded.doc_ids.add(doc_id)
            out = document_graphs(result)
            loaded.shared.update(out.shared)
            loaded.counts.update(out.counts)
            yield out.nquads(shared=False).encode("utf-8")

    def _replace_shared(self, shared: dict[str, list[str]]) -> None:
        """Write the descriptions the store does not already hold word for word."""
        changed = self.changed_descriptions(shared)
        store = self.oxigraph
        for subject in changed:
            node = ox.NamedNode(subject[1:-1])
            for quad in list(store.quads_for_pattern(node, None, None, _SHARED)):
                store.remove(quad)
        data = "".join(f"{t} <{SHARED_GRAPH}> .\n" for ts in changed.values() for t in ts)
        try:
            store.bulk_load(data.encode("utf-8"), ox.RdfFormat.N_QUADS, lenient=True)
        except OSError as exc:
            raise RuntimeFailure(f"cannot write to store {self.path}: {exc}") from exc

    def stored_counts(self, doc_ids: Iterable[str]) -> Counter[CountKey]:
        """What the stored versions of these documents contribute to the counts (nothing for
        a document the store does not hold)."""
        return self._graph_counts(ns.doc_graph_iri(d) for d in doc_ids)

    def _graph_counts(self, graphs: Iterable[str]) -> Counter[CountKey]:
        parts = []
        for name in graphs:
            node = ox.NamedNode(name)
            if self.oxigraph.contains_named_graph(node):
                parts.append(contributions(events_in(read_graph(self.oxigraph, node))))
        return total(parts)

    def recount(self) -> int:
        """Count again from every stored document's events, and rebuild the relations graph:
        for a store changed by hand (a SPARQL update that deletes events) or written before a
        count existed. Returns how many counts changed."""
        fresh = self._graph_counts(g.value for g in self.document_graphs())
        change = difference(fresh, self._counts())
        if change:
            self.update(count_update(change))
        statements = sorted({node for node, _ in fresh if node.startswith(STATEMENT_PREFIX)})
        self.update(" ;\n".join([f"CLEAR SILENT GRAPH <{RELATIONS_GRAPH}>",
                                  *relations_update(statements, [])]))
        return len(change)

    def _counts(self) -> Counter[CountKey]:
        quads = self.oxigraph.quads_for_pattern(None, None, None, ox.NamedNode(COUNTS_GRAPH))
        return Counter({(str(q.subject), str(q.predicate)): int(q.object.value) for q in quads
                        if isinstance(q.object, ox.Literal)})

    def changed_descriptions(self, shared: dict[str, list[str]]) -> dict[str, list[str]]:
        """The shared descriptions the store does not already hold word for word: removing
        and loading again the thousands of unchanged actor and dyad descriptions of a batch
        would cost more than the comparison."""
        store = self.oxigraph
        changed: dict[str, list[str]] = {}
        for subject, triples in shared.items():
            stored = {str(q.triple) for q in store.quads_for_pattern(
                ox.NamedNode(subject[1:-1]), None, None, _SHARED)}
            if stored != set(triples):
                changed[subject] = triples
        return changed

    def update(self, update: str) -> None:
        try:
            self.oxigraph.update(update)
        except OSError as exc:
            raise RuntimeFailure(f"cannot write to store {self.path}: {exc}") from exc

    # -- reading ------------------------------------------------------------------------------
    def document_graphs(self) -> list[ox.NamedNode]:
        prefix = ns.GRAPH + "doc/"
        graphs = [g for g in self.oxigraph.named_graphs()
                  if isinstance(g, ox.NamedNode) and g.value.startswith(prefix)]
        return sorted(graphs, key=lambda g: g.value)

    def has_document(self, doc_id: str) -> bool:
        return self.oxigraph.contains_named_graph(ox.NamedNode(ns.doc_graph_iri(doc_id)))

    def documents(self) -> list[Document]:
        docs: list[Document] = []
        for graph in self.document_graphs():
            for quad in self.oxigraph.quads_for_pattern(None, None, _ARTICLE, graph):
                docs.extend(documents_in(index_quads(
                    self.oxigraph.quads_for_pattern(quad.subject, None, None, graph))))
        return sorted(docs, key=lambda d: d.id)

    def events(self, doc_id: str | None = None) -> list[Event]:
        """Events rebuilt from RDF with their mentions, entities and spans, in document order."""
        events: list[Event] = []
        for graph in self._graphs_of(doc_id)[:1] if doc_id else self.document_graphs():
            events.extend(events_in(read_graph(self.oxigraph, graph)))
        return sorted(events, key=lambda e: (e.doc_id, e.sentence, e.trigger.start, e.id))

    def _graphs_of(self, doc_id: str) -> list[ox.NamedNode]:
        """A document's graph and relation graph, or an InputError if it is not stored."""
        if not self.has_document(doc_id):
            raise InputError(f"no document {doc_id!r} in the store")
        return [ox.NamedNode(ns.doc_graph_iri(doc_id)), ox.NamedNode(ns.rel_graph_iri(doc_id))]

    def document_quads(self, doc_id: str) -> list[ox.Quad]:
        """A document's two graphs plus the shared descriptions of the actors it names."""
        quads: list[ox.Quad] = []
        for graph in self._graphs_of(doc_id):
            quads += self.oxigraph.quads_for_pattern(None, None, None, graph)
        described = {q.object.value for q in quads if q.predicate in (_ASSOCIATED, _DYAD, _TALLY)}
        for subject in sorted(linked_entities(index_quads(quads)) | described):
            quads += self.oxigraph.quads_for_pattern(ox.NamedNode(subject), None, None, _SHARED)
        return quads

    def query(self, sparql: str) -> QueryResult:
        """SPARQL 1.1 over the union of all graphs; our prefixes need no declaration."""
        return run_query(self.oxigraph, sparql)

    def export(self, fmt: str, out: Path | None, doc_id: str | None = None) -> None:
        from .formats import export_store  # rdflib is imported only when exporting

        quads = self.document_quads(doc_id) if doc_id is not None else None
        export_store(self.oxigraph, fmt, out, quads)

    def import_file(self, path: Path, fmt: str | None = None,
                    graph: str | None = None) -> tuple[int, int]:
        """Load an RDF file from another tool; returns (quads, graphs).

        Triples outside a named graph go to ``graph`` (default: one named after the file's
        absolute path, so importing the same file again replaces what it gave before). Every
        named graph the file holds is replaced whole, in one transaction after a full parse,
        except the shared graph of actor descriptions, where only the actors the file
        describes are replaced, and the counts and the relations graph, which are recounted
        from the documents' events (in a second transaction) rather than taken from the file.
        """
        from .formats import guess_format, parse_file

        path = Path(path)
        name = graph or f"{ns.GRAPH}import/{ns.digest(str(path.resolve()))}"
        try:
            target = ox.NamedNode(name)
        except ValueError as exc:
            raise InputError(f"not an IRI: {name}") from exc
        quads = parse_file(path, guess_format(path, fmt), target)
        blocks: dict[str, list[str]] = {}
        for q in quads:
            blocks.setdefault(q.graph_name.value, []).append(str(q.triple))
        for derived in (COUNTS_GRAPH, RELATIONS_GRAPH):  # recounted below from the events
            blocks.pop(derived, None)
        described = {str(q.subject) for q in quads if q.graph_name == _SHARED}
        documents = [g for g in blocks if g.startswith(ns.GRAPH + "doc/")]
        old = self._graph_counts(documents)
        self.update(replace_update([g for g in blocks if g != SHARED_GRAPH], described, blocks))
        change = difference(self._graph_counts(documents), old)
        if change:
            self.update(count_update(change))
        return len(quads), len(blocks)
