"""Events to RDF and back: what the graph says about an event, and that nothing is lost."""

from __future__ import annotations

import pyoxigraph as ox

from mediation_graph.graph import namespaces as ns
from mediation_graph.graph.convert import SHARED_GRAPH, decimal, document_graphs, relation_triples
from mediation_graph.graph.store import Store
from mediation_graph.model import DocumentResult


def test_events_come_back_from_the_store_exactly_as_they_went_in(graph_store, graph_results):
    expected = sorted((e for r in graph_results for e in r.events),
                      key=lambda e: (e.doc_id, e.sentence, e.trigger.start, e.id))
    assert graph_store.events() == expected


def test_events_of_one_document_and_the_documents_themselves(graph_store, graph_results):
    arabic, english = graph_results
    assert graph_store.events("doha-en") == english.events
    assert graph_store.documents() == sorted([arabic.document, english.document],
                                             key=lambda d: d.id)


def test_iris_are_opaque_hashes_of_ids_and_stable():
    assert ns.doc_iri("ankara-ar") == ns.doc_iri("ankara-ar")
    assert ns.doc_iri("ankara-ar").startswith("https://w3id.org/mediation-graph/id/doc/")
    assert ns.event_iri("d", "e1") != ns.event_iri("d", "e2")
    assert ns.entity_iri("TUR_MIT") == "https://w3id.org/mediation-graph/id/entity/TUR_MIT"
    assert ns.entity_iri("قالن x").isascii()


def test_an_event_is_one_nary_node_with_roles_shortcuts_and_nif_evidence(graph_results):
    quads = document_graphs(graph_results[1]).quads()
    event = ns.event_iri("doha-en", "doha-en-s0-e1")
    about = {(q.predicate.value, str(q.object)) for q in quads if q.subject.value == event}
    assert (ns.SEM + "eventType", f"<{ns.PLOVER_TYPE}CONSULT>") in about
    assert (ns.MG + "cameo", f"<{ns.CAMEO}045>") in about
    assert (ns.MG + "mode", f"<{ns.MEDIATION}mediate>") in about
    assert (ns.MG + "actor", f"<{ns.ID}entity/QAT>") in about
    assert (ns.MG + "confidence", f'"0.95"^^<{ns.XSD}decimal>') in about
    assert (ns.SEM + "hasTimeStamp", f'"2024-05-06"^^<{ns.XSD}date>') in about
    roles = [o for p, o in about if p == ns.SEM + "hasActor"]
    assert len(roles) == 4  # two mediators, two parties
    # the sentence is the event's provenance; the trigger the words that say it
    assert (ns.PROV + "wasDerivedFrom", f"<{ns.doc_iri('doha-en')}#char=0,60>") in about
    trigger = f"{ns.doc_iri('doha-en')}#char=16,24"
    said = {(q.predicate.value, q.object.value) for q in quads if q.subject.value == trigger}
    assert (ns.NIF + "anchorOf", "mediated") in said
    assert (ns.NIF + "beginIndex", "16") in said
    assert (ns.NIF + "referenceContext", ns.doc_iri("doha-en")) in said


def test_arabic_words_keep_their_language_tag(graph_results):
    quads = document_graphs(graph_results[0]).quads()
    anchors = [q.object for q in quads if q.predicate.value == ns.NIF + "anchorOf"]
    assert anchors and all(a.language == "ar" for a in anchors)


def test_confidence_is_a_canonical_decimal():
    assert decimal(0.5) == f'"0.5"^^<{ns.XSD}decimal>'
    assert decimal(1) == f'"1.0"^^<{ns.XSD}decimal>'
    assert decimal(0.12345) == f'"0.123"^^<{ns.XSD}decimal>'



def test_direct_relations_only_for_what_the_text_asserts(graph_results):
    arabic, english = graph_results
    triples = {(s.rsplit("/", 1)[1], p.rsplit("#", 1)[1], o.rsplit("/", 1)[1])
               for s, p, o in relation_triples(arabic.events + english.events)}
    assert ("TUR", "mediates", "HAMAS") in triples
    assert ("QAT", "mediates", "ISR") in triples
    # meeting is symmetric: written both ways
    assert {("KALIN", "meetsWith", "HAMAS"), ("HAMAS", "meetsWith", "KALIN")} <= triples
    assert ("ISR", "accuses", "HAMAS") in triples
    # "did not meet" (negated) and "will meet" (future) stay on their event nodes only
    assert ("HAMAS", "meetsWith", "ISR") not in triples
    assert ("USA", "meetsWith", "QAT") not in triples


def test_relations_live_in_their_own_named_graph(graph_store):
    rel_graph = ox.NamedNode(ns.rel_graph_iri("doha-en"))
    quads = list(graph_store.oxigraph.quads_for_pattern(None, None, None, rel_graph))
    assert quads and all(q.predicate.value.startswith(ns.REL) for q in quads)


def test_a_document_without_events_still_has_its_article(graph_results):
    empty = DocumentResult(graph_results[0].document, [], sentence_count=3)
    with Store() as store:
        store.add_document(empty)
        assert store.events() == []
        assert [d.id for d in store.documents()] == ["ankara-ar"]


def test_each_actor_is_described_once_in_the_shared_graph(graph_store):
    rows = graph_store.query(
        "SELECT ?g ?n WHERE { GRAPH ?g { entity:HAMAS schema:name ?n } }").values()
    assert rows == [(SHARED_GRAPH, "Hamas")]  # named in both documents, described once
