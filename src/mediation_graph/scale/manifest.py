"""The build manifest: which documents a store holds, and from which content.

It lives in the store itself, in its own named graph, one entry per document graph::

    <graph/doc/ID> build:contentHash "sha256 hex" ; build:events 3 .
    <graph/manifest> build:digest "entries:sum" .   # of all entries, kept up to date

An entry is written in the same transaction as the document's graphs (embedded store) or after
them (remote store), so a document listed in the manifest is always fully written; anything an
interrupted build left unlisted is simply built again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from .. import __version__
from ..graph import namespaces as ns
from ..model import Document
from ..paths import ontology_dir

MANIFEST_GRAPH = ns.GRAPH + "manifest"
BUILD = ns.BASE + "build#"
CONTENT_HASH = BUILD + "contentHash"
EVENT_COUNT = BUILD + "events"
STORE_DIGEST = BUILD + "digest"  # of the manifest graph itself: see Digest
_INT = ns.XSD + "integer"


@dataclass(frozen=True, slots=True)
class Entry:
    """What the manifest says about one document."""

    content_hash: str
    events: int


@lru_cache(maxsize=1)
def fingerprint() -> str:
    """The extractor's identity: package version plus every ontology and lexicon file.

    Part of every content hash, so editing the lexicon rebuilds every document on the next
    build instead of leaving old readings in the store."""
    digest = hashlib.sha256(__version__.encode())
    root = ontology_dir()
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(root)).encode("utf-8") + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()


@lru_cache(maxsize=1)
def _extractor_hasher() -> hashlib._Hash:
    return hashlib.sha256(fingerprint().encode())


def content_hash(document: Document) -> str:
    """Everything extraction reads from a document, and the extractor it would meet."""
    fields = (document.id, document.text, document.language, document.date or "",
              document.url or "", document.title or "", document.source or "")
    digest = _extractor_hasher().copy()
    for value in fields:
        digest.update(b"\x1f" + value.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def entry_iri(doc_id: str) -> str:
    """An entry is about the document's graph: the thing a build replaces."""
    return ns.doc_graph_iri(doc_id)


def entry_triples(doc_id: str, entry: Entry) -> list[str]:
    subject = f"<{entry_iri(doc_id)}>"
    return [f'{subject} <{CONTENT_HASH}> "{entry.content_hash}"',
            f'{subject} <{EVENT_COUNT}> "{entry.events}"^^<{_INT}>']


def forget_updates(doc_ids: Iterable[str]) -> list[str]:
    """SPARQL update operations removing the entries of ``doc_ids``."""
    return [f"DELETE WHERE {{ GRAPH <{MANIFEST_GRAPH}> {{ <{entry_iri(d)}> ?p ?o }} }}"
            for d in doc_ids]


def changes(batch: list[tuple[str, str, int]], old: dict[str, Entry], digest: Digest
            ) -> tuple[list[str], list[str], Digest]:
    """What writing ``(doc id, content hash, events)`` entries does to the manifest: SPARQL
    operations removing the old entries and digest, the new statements, and the new digest."""
    new = Digest(digest.hexdigest())
    statements: list[str] = []
    for doc_id, content, events in batch:
        if doc_id in old:
            new.remove(entry_iri(doc_id), old[doc_id].content_hash)
        new.add(entry_iri(doc_id), content)
        statements += entry_triples(doc_id, Entry(content, events))
    subject = f"<{MANIFEST_GRAPH}>"
    statements.append(f'{subject} <{STORE_DIGEST}> "{new.hexdigest()}"')
    forget = forget_updates(old)
    forget.append(f"DELETE WHERE {{ GRAPH {subject} {{ {subject} <{STORE_DIGEST}> ?d }} }}")
    return forget, statements, new


class Digest:
    """An order-free digest of a whole manifest: equal digests, equal stores.

    A sum of per-entry hashes, so it is updated entry by entry as documents are replaced (and
    stored with them, in the same transaction) instead of recomputed over the whole store."""

    _MODULUS = 1 << 128

    def __init__(self, text: str | None = None) -> None:
        count, _, total = (text or "0:0").partition(":")
        self.count = int(count)
        self._total = int(total, 16)

    @staticmethod
    def _value(graph_iri: str, content: str) -> int:
        return int.from_bytes(hashlib.sha256(f"{graph_iri}\0{content}".encode()).digest()[:16],
                              "big")

    def add(self, graph_iri: str, content: str) -> None:
        self._total = (self._total + self._value(graph_iri, content)) % self._MODULUS
        self.count += 1

    def remove(self, graph_iri: str, content: str) -> None:
        self._total = (self._total - self._value(graph_iri, content)) % self._MODULUS
        self.count -= 1

    def hexdigest(self) -> str:
        return f"{self.count}:{self._total:032x}"
