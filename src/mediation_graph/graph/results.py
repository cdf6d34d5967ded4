"""SPARQL results as one value the CLI can print: a table, CSV, TSV, SPARQL JSON or Turtle.

SELECT rows are materialised (a command-line answer is read by a person or piped once), so a
result can be printed in any format and compared with rdflib's answer in the tests.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field

import pyoxigraph as ox

from ..errors import InputError
from . import namespaces as ns

Term = ox.NamedNode | ox.BlankNode | ox.Literal
FORMATS = ("table", "csv", "tsv", "json")
_XSD_STRING = ns.XSD + "string"


@dataclass
class QueryResult:
    """``kind`` is ``select``, ``ask`` or ``graph`` (CONSTRUCT and DESCRIBE)."""

    kind: str
    variables: list[str] = field(default_factory=list)
    rows: list[list[Term | None]] = field(default_factory=list)
    boolean: bool | None = None
    triples: list[ox.Triple] = field(default_factory=list)

    def values(self) -> list[tuple[str | None, ...]]:
        """Rows as plain strings (IRIs, lexical forms): what two SPARQL engines must agree on."""
        return [tuple(t.value if t is not None else None for t in row) for row in self.rows]

    def serialize(self, fmt: str = "table") -> str:
        if self.kind == "graph":
            data = ox.serialize(self.triples, format=ox.RdfFormat.TURTLE, prefixes=ns.PREFIXES)
            return data.decode("utf-8")
        if fmt not in FORMATS:
            raise InputError(f"unknown result format {fmt!r} (choose from {', '.join(FORMATS)})")
        if self.kind == "ask":
            if fmt == "json":
                return json.dumps({"head": {}, "boolean": self.boolean}) + "\n"
            return ("true" if self.boolean else "false") + "\n"
        return {"table": self._table, "csv": self._csv, "tsv": self._tsv,
                "json": self._json}[fmt]()

    def _table(self) -> str:
        cells = [[_short(t) for t in row] for row in self.rows]
        widths = [max([len(v)] + [len(r[i]) for r in cells]) for i, v in enumerate(self.variables)]
        line = "  ".join("-" * w for w in widths)
        header = "  ".join(v.ljust(w) for v, w in zip(self.variables, widths, strict=True))
        out = [header.rstrip(), line]
        out += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip()
                for r in cells]
        noun = "row" if len(cells) == 1 else "rows"
        return "\n".join(out) + f"\n({len(cells)} {noun})\n"

    def _csv(self) -> str:
        # SPARQL 1.1 CSV: plain values, CRLF line ends.
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(self.variables)
        writer.writerows([[t.value if t is not None else "" for t in row] for row in self.rows])
        return buffer.getvalue()

    def _tsv(self) -> str:
        # SPARQL 1.1 TSV: ?names, terms in N-Triples syntax.
        lines = ["\t".join(f"?{v}" for v in self.variables)]
        lines += ["\t".join(str(t) if t is not None else "" for t in row) for row in self.rows]
        return "\n".join(lines) + "\n"

    def _json(self) -> str:
        bindings = [{v: _json_term(t) for v, t in zip(self.variables, row, strict=True)
                     if t is not None} for row in self.rows]
        doc = {"head": {"vars": self.variables}, "results": {"bindings": bindings}}
        return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"


def _json_term(term: Term) -> dict[str, str]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    out = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype.value != _XSD_STRING:
        out["datatype"] = term.datatype.value
    return out


def _short(term: Term | None) -> str:
    """A table cell: prefixed names for our IRIs, the bare value of a literal."""
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        for name, iri in ns.PREFIXES.items():
            if term.value.startswith(iri) and len(term.value) > len(iri):
                return f"{name}:{term.value[len(iri):]}"
        return term.value
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return term.value.replace("\n", " ")


def run_query(store: ox.Store, sparql: str) -> QueryResult:
    try:
        answer = store.query(sparql, prefixes=ns.PREFIXES, use_default_graph_as_union=True)
    except SyntaxError as exc:
        raise InputError(f"SPARQL syntax error: {str(exc).splitlines()[0]}") from exc
    if isinstance(answer, ox.QueryBoolean):
        return QueryResult("ask", boolean=bool(answer))
    if isinstance(answer, ox.QueryTriples):
        return QueryResult("graph", triples=list(answer))
    variables = [v.value for v in answer.variables]
    rows = [[solution[v] for v in variables] for solution in answer]
    return QueryResult("select", variables=variables, rows=rows)
