"""SHACL: built graphs conform; a broken one is caught, with a readable line per problem."""

from __future__ import annotations

import dataclasses

import pyoxigraph as ox
import pytest

from mediation_graph.graph import namespaces as ns
from mediation_graph.graph.store import Store
from mediation_graph.graph.validate import store_graph, validate_graph
from mediation_graph.model import Span


def test_built_graphs_conform(graph_store):
    report = validate_graph(store_graph(graph_store.oxigraph))
    assert report.conforms, report.text()
    assert report.text() == "conforms\n"


def test_words_that_are_not_at_their_offsets_are_caught(graph_results):
    arabic = graph_results[0]
    event = arabic.events[0]
    moved = dataclasses.replace(event, trigger=Span("التقى", 1, 6))
    with Store() as store:
        store.add_document(dataclasses.replace(arabic, events=[moved]))
        report = validate_graph(store_graph(store.oxigraph))
    assert not report.conforms
    assert any("not the document text between its offsets" in v.message
               for v in report.violations)
    assert report.text().splitlines()[-1] == "does not conform: 1 violation"


@pytest.mark.parametrize(("predicate", "value", "path"), [
    (ns.MG + "confidence", ox.Literal("1.5", datatype=ox.NamedNode(ns.XSD + "decimal")),
     "mg:confidence"),
    (ns.SEM + "eventType", ox.NamedNode(ns.PLOVER_TYPE + "GOSSIP"), "sem:eventType"),
    (ns.MG + "modality", ox.NamedNode(ns.MODALITY + "rumoured"), "mg:modality"),
])
def test_a_broken_event_is_caught(graph_store, predicate, value, path):
    event = ox.NamedNode(ns.event_iri("doha-en", "doha-en-s1-e1"))
    graph = ox.NamedNode(ns.doc_graph_iri("doha-en"))
    store = graph_store.oxigraph
    for quad in list(store.quads_for_pattern(event, ox.NamedNode(predicate), None, graph)):
        store.remove(quad)
    store.add(ox.Quad(event, ox.NamedNode(predicate), value, graph))
    report = validate_graph(store_graph(store))
    assert not report.conforms
    assert [v.path for v in report.violations] == [path]
    assert report.violations[0].focus == "event:" + event.value.rsplit("/", 1)[1]


def test_an_event_without_its_required_parts_is_caught(graph_store):
    event = ox.NamedNode(ns.event_iri("doha-en", "doha-en-s1-e1"))
    for quad in list(graph_store.oxigraph.quads_for_pattern(
            event, ox.NamedNode(ns.MG + "trigger"), None, None)):
        graph_store.oxigraph.remove(quad)
    report = validate_graph(store_graph(graph_store.oxigraph))
    assert [(v.path, v.message.startswith("Less than 1")) for v in report.violations] == [
        ("mg:trigger", True)]
