"""Export and import: Turtle, TriG, N-Triples, N-Quads and compact JSON-LD.

Oxigraph writes every format but compact JSON-LD, which rdflib writes with the inline context
of ``ontology/context.jsonld``. A JSON-LD file that names a remote context is refused before
parsing, so nothing is ever fetched from the network.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

import pyoxigraph as ox

from ..atomic import atomic_writer
from ..errors import InputError
from ..paths import ontology_dir
from . import namespaces as ns

EXPORT_FORMATS: dict[str, ox.RdfFormat] = {
    "turtle": ox.RdfFormat.TURTLE,
    "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
}
SUFFIXES: dict[str, str] = {
    ".ttl": "turtle", ".turtle": "turtle", ".trig": "trig", ".nq": "nquads",
    ".nquads": "nquads", ".nt": "ntriples", ".ntriples": "ntriples", ".jsonld": "jsonld",
    ".json": "jsonld",
}
_QUAD_FORMATS = frozenset({"trig", "nquads"})
_ALL_TRIPLES = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"


def jsonld_context() -> dict[str, Any]:
    """The inline context (the value of its ``@context``), read from the ontology folder."""
    path = ontology_dir() / "context.jsonld"
    return json.loads(path.read_text(encoding="utf-8"))["@context"]


def export_store(store: ox.Store, fmt: str, out: Path | None,
                 quads: list[ox.Quad] | None = None) -> None:
    """Write the whole store, or only ``quads``, to ``out`` (atomically) or to stdout."""
    if fmt not in EXPORT_FORMATS:
        raise InputError(f"unknown export format {fmt!r} (choose from {', '.join(EXPORT_FORMATS)})")
    if out is None:
        _write(store, fmt, sys.stdout.buffer, quads)
        sys.stdout.buffer.flush()
        return
    with atomic_writer(out, "wb") as handle:
        _write(store, fmt, handle, quads)


def _write(store: ox.Store, fmt: str, handle: IO[bytes], quads: list[ox.Quad] | None) -> None:
    if fmt == "jsonld":
        handle.write(_jsonld(quads if quads is not None else store).encode("utf-8"))
    elif fmt in _QUAD_FORMATS:
        if quads is None:
            store.dump(handle, EXPORT_FORMATS[fmt], prefixes=_prefixes(fmt))
        else:
            ox.serialize(quads, handle, EXPORT_FORMATS[fmt], prefixes=_prefixes(fmt))
    elif quads is None:
        # A triple format holds one graph: the merge of all graphs, each triple once (a
        # CONSTRUCT result is a set).
        triples = store.query(_ALL_TRIPLES, use_default_graph_as_union=True)
        ox.serialize(triples, handle, EXPORT_FORMATS[fmt], prefixes=_prefixes(fmt))
    else:
        triples = list(dict.fromkeys(q.triple for q in quads))
        ox.serialize(triples, handle, EXPORT_FORMATS[fmt], prefixes=_prefixes(fmt))


def _prefixes(fmt: str) -> dict[str, str] | None:
    return ns.PREFIXES if fmt in ("turtle", "trig") else None


def _jsonld(quads: Iterable[ox.Quad]) -> str:
    """Compact JSON-LD with the inline context, named graphs kept (via rdflib's serializer)."""
    import rdflib

    dataset = rdflib.Dataset()
    data = ox.serialize(quads, format=ox.RdfFormat.N_QUADS)
    dataset.parse(data=data.decode("utf-8"), format="nquads")
    return dataset.serialize(format="json-ld", context=jsonld_context(), auto_compact=True)


# -- import ------------------------------------------------------------------------------------
def guess_format(path: Path, fmt: str | None) -> str:
    if fmt is not None:
        if fmt not in EXPORT_FORMATS:
            raise InputError(f"unknown format {fmt!r} (choose from {', '.join(EXPORT_FORMATS)})")
        return fmt
    found = SUFFIXES.get(path.suffix.lower())
    if found is None:
        raise InputError(f"cannot tell the RDF format of {path} from its name; pass --format")
    return found


def remote_contexts(value: Any) -> list[str]:
    """Every context given by reference (a URL string or an ``@import``) anywhere in a document."""
    found: list[str] = []
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "@context":
                found += _context_refs(item)
            found += remote_contexts(item)
    elif isinstance(value, list):
        for item in value:
            found += remote_contexts(item)
    return found


def _context_refs(context: Any) -> list[str]:
    if isinstance(context, str):
        return [context]
    if isinstance(context, list):
        return [ref for item in context for ref in _context_refs(item)]
    if isinstance(context, dict) and isinstance(context.get("@import"), str):
        return [context["@import"]]
    return []


def parse_file(path: Path, fmt: str, default_graph: ox.NamedNode) -> list[ox.Quad]:
    """All quads of an RDF file, or an ``InputError`` naming the problem; triples without a
    graph go to ``default_graph``. Parsing finishes before anything is written."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from exc
    if fmt == "jsonld":
        try:
            doc = json.loads(data)
        except (ValueError, UnicodeDecodeError) as exc:
            raise InputError(f"{path}: not valid JSON: {exc}") from exc
        refs = remote_contexts(doc)
        if refs:
            raise InputError(f"{path}: refusing the remote JSON-LD context {refs[0]} "
                             "(never fetched); inline the context and import again")
    try:
        parsed = ox.parse(data, EXPORT_FORMATS[fmt], base_iri=path.resolve().as_uri())
        quads = list(parsed)
    except (SyntaxError, ValueError) as exc:
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise InputError(f"{path}: malformed {fmt}: {first}") from exc
    # Triples outside a graph, and graphs named by a blank node, go to ``default_graph``.
    return [q if isinstance(q.graph_name, ox.NamedNode)
            else ox.Quad(q.subject, q.predicate, q.object, default_graph) for q in quads]
