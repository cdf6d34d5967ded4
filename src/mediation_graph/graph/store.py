"""The persistent embedded store: pyoxigraph on disk (RocksDB) or in memory.

One named graph per document and one for the relations derived from it, so building a document
again replaces exactly what it produced before. RocksDB admits one writer process; a second
opener gets a clear ``RuntimeFailure`` instead of a lock trace.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from types import TracebackType

import pyoxigraph as ox

from ..errors import InputError, RuntimeFailure
from ..model import Document, DocumentResult, Event
from . import namespaces as ns
from .convert import SCHEMA_ARTICLE, document_quads
from .rebuild import documents_in, events_in, index_quads
from .results import QueryResult, run_query

DEFAULT_STORE = Path("output/store")


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


def insert_data(quads: Iterable[ox.Quad]) -> str:
    """SPARQL INSERT DATA for quads, grouped by graph (N-Triples terms are valid SPARQL)."""
    by_graph: dict[str, list[str]] = {}
    for quad in quads:
        by_graph.setdefault(str(quad.graph_name), []).append(f"{quad.triple} .")
    blocks = [f"GRAPH {g} {{\n" + "\n".join(lines) + "\n}" for g, lines in by_graph.items()]
    return "INSERT DATA {\n" + "\n".join(blocks) + "\n}"


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
        """Replace the document's graph and its relation graph in one transaction."""
        graph, quads, rel_graph, rel_quads = document_quads(result)
        update = (f"DROP SILENT GRAPH {graph} ;\nDROP SILENT GRAPH {rel_graph} ;\n"
                  + insert_data([*quads, *rel_quads]))
        self._update(update)

    def add_documents(self, results: Iterable[DocumentResult], batch: int = 500_000) -> None:
        """Bulk load many documents (the fast path for a first build or a benchmark).

        Documents are converted in batches of about ``batch`` quads; each batch first removes
        the old graphs of its documents, then goes through the bulk loader, which is fast but
        not transactional (an interrupted load leaves whole batches only)."""
        pending: list[ox.Quad] = []
        graphs: list[ox.NamedNode] = []
        for result in results:
            graph, doc_quads, rel_graph, rel_quads = document_quads(result)
            graphs += [graph, rel_graph]
            pending += doc_quads
            pending += rel_quads
            if len(pending) >= batch:
                self._bulk(pending, graphs)
                pending, graphs = [], []
        if pending or graphs:
            self._bulk(pending, graphs)

    def _bulk(self, quads: list[ox.Quad], graphs: list[ox.NamedNode]) -> None:
        store = self.oxigraph
        try:
            for graph in graphs:
                if store.contains_named_graph(graph):
                    store.remove_graph(graph)
            store.bulk_extend(quads)
        except OSError as exc:
            raise RuntimeFailure(f"cannot write to store {self.path}: {exc}") from exc

    def replace_graphs(self, quads: list[ox.Quad], graphs: Iterable[ox.NamedNode]) -> None:
        """Drop ``graphs`` and insert ``quads`` in one transaction (used by import)."""
        drops = "".join(f"DROP SILENT GRAPH {g} ;\n" for g in graphs)
        self._update(drops + insert_data(quads))

    def _update(self, update: str) -> None:
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
            for quad in self.oxigraph.quads_for_pattern(None, None, SCHEMA_ARTICLE, graph):
                node = quad.subject
                docs.extend(documents_in(index_quads(
                    self.oxigraph.quads_for_pattern(node, None, None, graph))))
        return sorted(docs, key=lambda d: d.id)

    def events(self, doc_id: str | None = None) -> list[Event]:
        """Events rebuilt from RDF with their mentions, entities and spans, in document order."""
        if doc_id is not None:
            if not self.has_document(doc_id):
                raise InputError(f"no document {doc_id!r} in the store")
            graphs = [ox.NamedNode(ns.doc_graph_iri(doc_id))]
        else:
            graphs = self.document_graphs()
        events: list[Event] = []
        for graph in graphs:
            quads = self.oxigraph.quads_for_pattern(None, None, None, graph)
            events.extend(events_in(index_quads(quads)))
        return sorted(events, key=lambda e: (e.doc_id, e.sentence, e.trigger.start, e.id))

    def query(self, sparql: str) -> QueryResult:
        """SPARQL 1.1 over the union of all graphs; our prefixes need no declaration."""
        return run_query(self.oxigraph, sparql)

    def export(self, fmt: str, out: Path | None, doc_id: str | None = None) -> None:
        from .formats import export_store  # rdflib is imported only when exporting

        graphs = None
        if doc_id is not None:
            if not self.has_document(doc_id):
                raise InputError(f"no document {doc_id!r} in the store")
            graphs = [ox.NamedNode(ns.doc_graph_iri(doc_id)),
                      ox.NamedNode(ns.rel_graph_iri(doc_id))]
        export_store(self.oxigraph, fmt, out, graphs)

    def import_file(self, path: Path, fmt: str | None = None,
                    graph: str | None = None) -> tuple[int, int]:
        """Load an RDF file from another tool; returns (quads, graphs).

        Triples outside a named graph go to ``graph`` (default: one named after the file's
        absolute path, so importing the same file again replaces what it gave before). Every
        named graph the file holds is replaced whole, in one transaction after a full parse.
        """
        from .formats import guess_format, parse_file

        path = Path(path)
        name = graph or f"{ns.GRAPH}import/{ns.digest(str(path.resolve()))}"
        try:
            target = ox.NamedNode(name)
        except ValueError as exc:
            raise InputError(f"not an IRI: {name}") from exc
        quads = parse_file(path, guess_format(path, fmt), target)
        graphs = {q.graph_name.value: q.graph_name for q in quads
                  if isinstance(q.graph_name, ox.NamedNode)}
        self.replace_graphs(quads, graphs.values())
        return len(quads), len(graphs)
