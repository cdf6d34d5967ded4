"""The server's rules without a server: what counts as an outbound request, which format an
Accept header gets, how event filters are read, and how answers are written."""

from __future__ import annotations

import json

import pyoxigraph as ox
import pytest
from rdflib.plugins.sparql.results.xmlresults import XMLResultParser

from mediation_graph.graph.store import Store
from mediation_graph.serve.answer import QueryRequest, answer_query
from mediation_graph.serve.events import (
    FilterError,
    actor_query,
    events_jsonl,
    parse_filter,
    select_query,
)
from mediation_graph.serve.guard import Refused, check, outbound_operation
from mediation_graph.serve.negotiate import GRAPH_OFFERS, SOLUTION_OFFERS, NotAcceptable, choose
from mediation_graph.view.sample import mediation_story
from test_serve_http import story_results


@pytest.fixture(scope="module")
def store() -> ox.Store:
    with Store() as built:
        for result in story_results():
            built.add_document(result)
        yield built.oxigraph


# -- SERVICE and LOAD ---------------------------------------------------------------------------
@pytest.mark.parametrize("query", [
    "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
    "SELECT * WHERE { ?s ?p ?o MINUS { SERVICE SILENT <http://x.example/> { ?s ?p 1 } } }",
    "ASK { FILTER EXISTS { SERVICE ?where { ?s ?p ?o } } }",
    "SELECT * WHERE { \\u0053ERVICE <http://example.org/> { ?s ?p ?o } }",
])
def test_service_is_found_in_the_parsed_query_wherever_it_nests(query: str) -> None:
    assert outbound_operation(query) == "SERVICE"
    with pytest.raises(Refused, match="SERVICE clauses are refused"):
        check(query)


@pytest.mark.parametrize("query", [
    "SELECT * WHERE { ?s ?p ?o }",
    'SELECT * WHERE { ?s schema:name "Service and load" }',
    "SELECT ?service WHERE { ?service a <http://example.org/Service> }",
    "SELECT * WHERE { <http://example.org/download> ?p ?o }",
])
def test_the_words_alone_are_no_outbound_request(query: str) -> None:
    assert outbound_operation(query) is None
    check(query)


def test_load_and_federated_updates_are_found() -> None:
    assert outbound_operation("LOAD <http://example.org/x.ttl>", update=True) == "LOAD"
    update = ("INSERT DATA { <urn:a> <urn:b> 1 } ; "
              "INSERT { ?s ?p ?o } WHERE { SERVICE <http://x.example/> { ?s ?p ?o } }")
    assert outbound_operation(update, update=True) == "SERVICE"
    with pytest.raises(Refused, match="LOAD is refused"):
        check("load silent <http://example.org/x.ttl> into graph <urn:g>", update=True)


def test_text_that_mentions_service_but_does_not_parse_is_refused() -> None:
    # Nobody can tell how an engine would read it, so it is not passed on.
    with pytest.raises(Refused, match="could not be parsed"):
        check("SELECT * WHERE { SERVICE <http://example.org/> { ?s ?p ")


# -- content negotiation ------------------------------------------------------------------------
@pytest.mark.parametrize("accept, name", [
    (None, "json"),
    ("*/*", "json"),
    ("application/sparql-results+xml", "xml"),
    ("text/csv;q=0.5, text/tab-separated-values", "tsv"),
    ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "xml"),
    ("text/*;q=0.5, text/csv", "csv"),
])
def test_solutions_go_to_the_most_preferred_format(accept: str | None, name: str) -> None:
    assert choose(accept, SOLUTION_OFFERS).name == name


@pytest.mark.parametrize("accept, name", [
    (None, "turtle"),
    ("application/ld+json", "jsonld"),
    ("application/json", "jsonld"),
    ("application/rdf+xml", "rdfxml"),
    ("application/n-triples;q=0.9, text/turtle;q=0.1", "ntriples"),
])
def test_graphs_go_to_the_most_preferred_format(accept: str | None, name: str) -> None:
    assert choose(accept, GRAPH_OFFERS).name == name


def test_nothing_acceptable_names_what_is_offered() -> None:
    with pytest.raises(NotAcceptable, match="text/csv"):
        choose("image/png, text/csv;q=0", SOLUTION_OFFERS)


# -- answers ------------------------------------------------------------------------------------
def test_xml_results_parse_back_to_the_same_rows(store: ox.Store) -> None:
    query = "SELECT ?a ?name WHERE { ?a a mg:State ; rdfs:label ?name } ORDER BY ?a ?name"
    reply = answer_query(store, QueryRequest(query, "application/sparql-results+xml"), 100)
    assert reply.status == 200
    assert reply.media_type.startswith("application/sparql-results+xml")
    parsed = XMLResultParser().parse(__import__("io").BytesIO(reply.body))
    rows = [(str(r[0]), str(r[1]), r[1].language) for r in parsed]
    want = [(s["a"].value, s["name"].value, s["name"].language) for s in store.query(
        query, prefixes={"mg": "https://w3id.org/mediation-graph/ontology#",
                         "rdfs": "http://www.w3.org/2000/01/rdf-schema#"},
        use_default_graph_as_union=True)]
    assert rows == want
    assert ("https://w3id.org/mediation-graph/id/entity/QAT", "قطر", "ar") in rows


def test_json_results_keep_datatypes_and_languages(store: ox.Store) -> None:
    query = "SELECT ?when ?label WHERE { ?e mg:eventId 'doha-round-s0-e1' ; sem:hasTimeStamp " \
            "?when . entity:QAT rdfs:label ?label FILTER (LANG(?label) = 'ar') }"
    reply = answer_query(store, QueryRequest(query), 100)
    binding = json.loads(reply.body)["results"]["bindings"][0]
    assert binding["when"] == {"type": "literal", "value": "2024-08-15",
                               "datatype": "http://www.w3.org/2001/XMLSchema#date"}
    assert binding["label"] == {"type": "literal", "value": "قطر", "xml:lang": "ar"}


def test_ask_in_xml(store: ox.Store) -> None:
    reply = answer_query(store, QueryRequest("ASK { ?s ?p ?o }", "application/xml"), 1)
    assert b"<boolean>true</boolean>" in reply.body


def test_the_row_limit_counts_rows_not_bytes(store: ox.Store) -> None:
    query = "SELECT ?e WHERE { ?e a mg:Event }"
    events = len(mediation_story()[0])
    assert answer_query(store, QueryRequest(query), events).status == 200
    refused = answer_query(store, QueryRequest(query), events - 1)
    assert refused.status == 503
    assert f"more than {events - 1} rows" in refused.body.decode()


# -- event filters ------------------------------------------------------------------------------
def test_filters_are_checked_before_any_query() -> None:
    for params, words in [({"type": "HUG"}, "PLOVER type"), ({"from": "last week"}, "YYYY"),
                          ({"language": "en'}"}, "language code"), ({"limit": "0"}, "between"),
                          ({"offset": "x"}, "whole number"), ({"actor": "a" * 201}, "longer")]:
        with pytest.raises(FilterError, match=words):
            parse_filter(params, 1000, 5000)


def test_filter_values_enter_the_query_as_escaped_literals() -> None:
    chosen = parse_filter({"actor": 'Qatar" } ; DROP ALL ; #', "language": "en"}, 10, 10)
    assert 'LCASE("Qatar\\" } ; DROP ALL ; #")' in actor_query(chosen.actor or "")
    assert '?event mg:language "en" .' in select_query(chosen)


def test_events_by_filter_a_document_at_a_time(store: ox.Store) -> None:
    listed = [json.loads(line) for line in events_jsonl(
        store, parse_filter({"actor": "Israel", "type": "CONSULT"}, 100, 100)).splitlines()]
    want = {e.id for e in mediation_story()[0] if e.event == "CONSULT"
            and "ISR" in {m.entity.id for m in e.actors + e.recipients}}
    assert {r["id"] for r in listed} == want
    documents = [r["doc_id"] for r in listed]
    assert documents == sorted(documents, key=documents.index)  # each document's together
    for doc_id in set(documents):
        sentences = [r["sentence"] for r in listed if r["doc_id"] == doc_id]
        assert sentences == sorted(sentences)


def test_pages_of_events_follow_each_other(store: ox.Store) -> None:
    def page(offset: int) -> list[str]:
        lines = events_jsonl(store, parse_filter({"actor": "isr", "limit": "2",
                                                  "offset": str(offset)}, 100, 100))
        return [json.loads(line)["id"] for line in lines.splitlines()]

    every = page(0) + page(2) + page(4) + page(6) + page(8)
    whole = [json.loads(line)["id"] for line in events_jsonl(
        store, parse_filter({"actor": "isr"}, 100, 100)).splitlines()]
    assert len(every) == len(set(every)) == len(whole)
    assert set(every) == set(whole)
