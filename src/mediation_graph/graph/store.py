"""The persistent embedded store: pyoxigraph on disk (RocksDB) or in memory.

One named graph per document and one for the relations derived from it, so building a document
again replaces exactly what it produced before; actor descriptions live once each in a shared
graph (the last build that names an actor describes it). RocksDB admits one writer process; a
second opener gets a clear ``RuntimeFailure`` instead of a lock trace.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType

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
    DocumentGraphs,
    contributions,
    document_graphs,
)
from .counts import COUNTS_GRAPH, count_update, difference, total
from .rebuild import documents_in, events_in, index_quads, linked_entities, read_graph
from .results import QueryResult, run_query

DEFAULT_STORE = Path("output/store")
# Statements per bulk-loader call: fewer, larger calls load faster (each ends in RocksDB files
# of its own to merge) at the cost of memory. 50k events: 55 s and 1.4 GB peak with 1M, 48 s
# and 2.2 GB with 2M.
BULK_BATCH = 2_000_000
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


@dataclass
class _Batch:
    """Documents on their way to the bulk loader, by id (a document given twice keeps its last
    version). Each is kept as encoded N-Quads only (its statements as Python strings weigh about
    as much again), so a batch's peak memory is about twice its bytes, when they are joined for
    the loader."""

    chunks: dict[str, bytes] = field(default_factory=dict)
    counts: dict[str, Counter[CountKey]] = field(default_factory=dict)
    shared: dict[str, list[str]] = field(default_factory=dict)
    size: int = 0

    def add(self, out: DocumentGraphs) -> None:
        self.chunks[out.doc_id] = out.nquads(shared=False).encode("utf-8")
        self.counts[out.doc_id] = out.counts
        self.shared.update(out.shared)
        self.size += len(out.triples) + len(out.relations)


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

    def add_documents(self, results: Iterable[DocumentResult],
                      batch: int = BULK_BATCH) -> None:
        """Bulk load many documents (the fast path for a first build or a benchmark).

        Documents are converted in batches of about ``batch`` statements; each batch first
        removes the old graphs of its documents and the old descriptions of its actors, then
        goes through the bulk loader, which is fast but not transactional (an interrupted load
        leaves whole batches only). The loader runs in Rust without holding the GIL, so one
        batch loads in a thread of its own while the next is converted."""
        loading: Future[None] | None = None
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="bulk-load") as loader:
            pending = _Batch()
            for result in results:
                pending.add(document_graphs(result))
                if pending.size >= batch:
                    if loading is not None:
                        loading.result()
                    loading = loader.submit(self._bulk, pending)
                    pending = _Batch()
            if loading is not None:
                loading.result()
        if pending.chunks:
            self._bulk(pending)

    def _bulk(self, batch: _Batch) -> None:
        store = self.oxigraph
        try:
            change = difference(total(batch.counts.values()), self.stored_counts(batch.chunks))
            shared = self._changed(batch.shared)
            for doc_id in batch.chunks:
                for name in (ns.doc_graph_iri(doc_id), ns.rel_graph_iri(doc_id)):
                    node = ox.NamedNode(name)
                    if store.contains_named_graph(node):
                        store.remove_graph(node)
            for subject in shared:
                node = ox.NamedNode(subject[1:-1])
                for quad in list(store.quads_for_pattern(node, None, None, _SHARED)):
                    store.remove(quad)
            chunks = [*batch.chunks.values()]
            chunks += [f"{t} <{SHARED_GRAPH}> .\n".encode() for ts in shared.values() for t in ts]
            batch.chunks.clear()
            data = b"".join(chunks)
            del chunks
            # lenient: the statements are our own converter's, with IRIs minted by namespaces.py
            # and literals escaped by convert.py, so the parser's IRI checks would only cost time.
            store.bulk_load(data, ox.RdfFormat.N_QUADS, lenient=True)
            if change:
                store.update(count_update(change))
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

    def _changed(self, shared: dict[str, list[str]]) -> dict[str, list[str]]:
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
        describes are replaced.
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
        blocks.pop(COUNTS_GRAPH, None)  # derived: recounted below from the documents' events
        described = {str(q.subject) for q in quads if q.graph_name == _SHARED}
        documents = [g for g in blocks if g.startswith(ns.GRAPH + "doc/")]
        old = self._graph_counts(documents)
        self.update(replace_update([g for g in blocks if g != SHARED_GRAPH], described, blocks))
        change = difference(self._graph_counts(documents), old)
        if change:
            self.update(count_update(change))
        return len(quads), len(blocks)
