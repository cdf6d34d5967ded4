"""A SPARQL query answered inside a worker: evaluate, enforce the row limit, serialize.

Rows are read one at a time and the answer is refused as soon as it passes the limit, so a
query that matches millions of rows costs the time of ``max_rows + 1`` of them and no more
memory. CSV and TSV reuse ``QueryResult``'s serializers, so the endpoint and ``mediation-graph
query`` print the same bytes; SPARQL JSON is written compactly here (the command line indents it
for people, which costs a server five times the time).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

from ..graph import namespaces as ns
from ..graph.results import QueryResult, Term
from . import guard
from .negotiate import GRAPH_OFFERS, SOLUTION_OFFERS, NotAcceptable, Offer, choose

_SPARQL_RESULTS = "http://www.w3.org/2005/sparql-results#"
_XSD_STRING = ns.XSD + "string"
_RDF_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES,
                "rdfxml": ox.RdfFormat.RDF_XML}


@dataclass(slots=True)
class Reply:
    """An HTTP answer as the worker hands it back: status, Content-Type and body."""

    status: int
    media_type: str
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)

    @classmethod
    def error(cls, status: int, message: str) -> Reply:
        return cls(status, "text/plain; charset=utf-8", (message.rstrip() + "\n").encode())


@dataclass(frozen=True, slots=True)
class QueryRequest:
    """A query as the protocol delivers it: text, dataset parameters and the Accept header."""

    sparql: str
    accept: str | None = None
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()


class TooManyRows(Exception):
    pass


def answer_query(store: ox.Store, request: QueryRequest, max_rows: int) -> Reply:
    try:
        guard.check(request.sparql)
    except guard.Refused as exc:
        return Reply.error(403, str(exc))
    try:
        result = evaluate(store, request, max_rows)
    except SyntaxError as exc:
        return Reply.error(400, f"SPARQL syntax error: {one_line(exc)}")
    except ValueError as exc:  # a dataset IRI that is not an IRI
        return Reply.error(400, str(exc))
    except TooManyRows:
        return Reply.error(503, f"the answer has more than {max_rows:,} rows, the limit of this "
                                "endpoint; narrow the query or add a LIMIT")
    except OSError as exc:
        return Reply.error(500, f"the query failed: {one_line(exc)}")
    offers = GRAPH_OFFERS if result.kind == "graph" else SOLUTION_OFFERS
    try:
        offer = choose(request.accept, offers)
    except NotAcceptable as exc:
        return Reply.error(406, str(exc))
    return Reply(200, f"{offer.media_type}; charset=utf-8", serialize(result, offer))


def one_line(exc: Exception) -> str:
    """A parser's message may run over lines; an HTTP error body is one line."""
    return " ".join(line.strip() for line in str(exc).splitlines()) or type(exc).__name__


def _dataset(request: QueryRequest) -> dict[str, object]:
    """The protocol's default-graph-uri and named-graph-uri, else the union of all graphs."""
    if not request.default_graphs and not request.named_graphs:
        return {"use_default_graph_as_union": True}
    dataset: dict[str, object] = {}
    if request.default_graphs:
        dataset["default_graph"] = [ox.NamedNode(g) for g in request.default_graphs]
    if request.named_graphs:
        dataset["named_graphs"] = [ox.NamedNode(g) for g in request.named_graphs]
    return dataset


def _bounded(items: Iterable, max_rows: int) -> list:
    taken = []
    for item in items:
        if len(taken) == max_rows:
            raise TooManyRows
        taken.append(item)
    return taken


def evaluate(store: ox.Store, request: QueryRequest, max_rows: int) -> QueryResult:
    answer = store.query(request.sparql, prefixes=ns.PREFIXES, **_dataset(request))
    if isinstance(answer, ox.QueryBoolean):
        return QueryResult("ask", boolean=bool(answer))
    if isinstance(answer, ox.QueryTriples):
        return QueryResult("graph", triples=_bounded(answer, max_rows))
    variables = [v.value for v in answer.variables]
    rows = [[solution[v] for v in variables] for solution in _bounded(answer, max_rows)]
    return QueryResult("select", variables=variables, rows=rows)


def serialize(result: QueryResult, offer: Offer) -> bytes:
    if result.kind == "graph":
        if offer.name == "jsonld":
            return _jsonld(result.triples)
        prefixes = ns.PREFIXES if offer.name == "turtle" else None
        return ox.serialize(result.triples, format=_RDF_FORMATS[offer.name], prefixes=prefixes)
    if offer.name == "xml":
        return sparql_xml(result).encode("utf-8")
    if offer.name == "json":
        return sparql_json(result)
    return result.serialize(offer.name).encode("utf-8")


def sparql_json(result: QueryResult) -> bytes:
    """The SPARQL 1.1 Query Results JSON Format, without indentation."""
    if result.kind == "ask":
        document: dict[str, object] = {"head": {}, "boolean": result.boolean}
    else:
        bindings = [{v: _json_term(t) for v, t in zip(result.variables, row, strict=True)
                     if t is not None} for row in result.rows]
        document = {"head": {"vars": result.variables}, "results": {"bindings": bindings}}
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _json_term(term: Term) -> dict[str, str]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if term.language:
        return {"type": "literal", "value": term.value, "xml:lang": term.language}
    if term.datatype.value != _XSD_STRING:
        return {"type": "literal", "value": term.value, "datatype": term.datatype.value}
    return {"type": "literal", "value": term.value}


def _jsonld(triples: list[ox.Triple]) -> bytes:
    """Compact JSON-LD with the project's inline context (rdflib writes it; loaded only here)."""
    import rdflib

    from ..graph.formats import jsonld_context

    graph = rdflib.Graph()
    graph.parse(data=ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode("utf-8"),
                format="nt")
    text = graph.serialize(format="json-ld", context=jsonld_context(), auto_compact=True)
    return text.encode("utf-8")


def sparql_xml(result: QueryResult) -> str:
    """The SPARQL Query Results XML Format (W3C recommendation of 2013)."""
    out = ['<?xml version="1.0" encoding="utf-8"?>', f'<sparql xmlns="{_SPARQL_RESULTS}">']
    if result.kind == "ask":
        out += ["<head/>", f"<boolean>{'true' if result.boolean else 'false'}</boolean>",
                "</sparql>"]
        return "\n".join(out) + "\n"
    out.append("<head>")
    out += [f"<variable name={quoteattr(v)}/>" for v in result.variables]
    out += ["</head>", "<results>"]
    for row in result.rows:
        out.append("<result>")
        out += [f"<binding name={quoteattr(v)}>{_xml_term(t)}</binding>"
                for v, t in zip(result.variables, row, strict=True) if t is not None]
        out.append("</result>")
    out += ["</results>", "</sparql>"]
    return "\n".join(out) + "\n"


def _xml_term(term: Term) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    if term.language:
        return f"<literal xml:lang={quoteattr(term.language)}>{escape(term.value)}</literal>"
    if term.datatype.value != _XSD_STRING:
        return f"<literal datatype={quoteattr(term.datatype.value)}>{escape(term.value)}</literal>"
    return f"<literal>{escape(term.value)}</literal>"
