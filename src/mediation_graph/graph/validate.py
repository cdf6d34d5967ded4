"""SHACL validation of an event graph (the store or a file) against ``ontology/shapes.ttl``."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
import rdflib
from rdflib.namespace import SH

from ..paths import ontology_dir
from . import namespaces as ns


@dataclass
class Violation:
    severity: str
    focus: str
    path: str
    message: str


@dataclass
class Report:
    conforms: bool
    violations: list[Violation] = field(default_factory=list)

    def text(self, limit: int = 50) -> str:
        """One line per violation (the first ``limit``), then a verdict line."""
        lines = [f"{v.severity}: {' '.join(filter(None, (v.focus, v.path)))}: {v.message}"
                 for v in self.violations[:limit]]
        if len(self.violations) > limit:
            lines.append(f"... and {len(self.violations) - limit} more")
        n = len(self.violations)
        lines.append("conforms" if self.conforms
                     else f"does not conform: {n} violation{'s' if n != 1 else ''}")
        return "\n".join(lines) + "\n"


def store_graph(store: ox.Store) -> rdflib.Graph:
    """The union of every graph of the store, as one rdflib graph."""
    triples = store.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }",
                          use_default_graph_as_union=True)
    data = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
    return rdflib.Graph().parse(data=data.decode("utf-8"), format="nt")


def validate_graph(data: rdflib.Graph) -> Report:
    import pyshacl

    shapes = rdflib.Graph().parse(ontology_dir() / "shapes.ttl", format="turtle")
    conforms, results, _ = pyshacl.validate(data, shacl_graph=shapes, inference="none")
    violations = [_violation(results, node) for node in results.subjects(
        rdflib.RDF.type, SH.ValidationResult)]
    violations.sort(key=lambda v: (v.focus, v.path, v.message))
    return Report(bool(conforms), violations)


def validate_file(path: Path, fmt: str) -> Report:
    from .formats import parse_file

    quads = parse_file(path, fmt, ox.NamedNode(ns.GRAPH + "validate"))
    store = ox.Store()
    store.extend(quads)
    return validate_graph(store_graph(store))


def _violation(results: rdflib.Graph, node: rdflib.term.Node) -> Violation:
    def short(term: rdflib.term.Node | None) -> str:
        if term is None:
            return ""
        text = str(term)
        for name, iri in ns.PREFIXES.items():
            if text.startswith(iri) and len(text) > len(iri):
                return f"{name}:{text[len(iri):]}"
        return text

    severity = results.value(node, SH.resultSeverity)
    message = results.value(node, SH.resultMessage)
    return Violation(
        severity=short(severity).rsplit("#", 1)[-1] if severity else "Violation",
        focus=short(results.value(node, SH.focusNode)),
        path=short(results.value(node, SH.resultPath)),
        message=str(message) if message is not None else "",
    )
