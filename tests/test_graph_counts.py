"""Store-wide counts (graph/counts): kept right through builds, rebuilds, bulk loads and
imports, so the aggregate named queries can read them instead of every event."""

from __future__ import annotations

import dataclasses
from collections import Counter
from pathlib import Path

import pyoxigraph as ox

from mediation_graph.graph.convert import CountKey, contributions
from mediation_graph.graph.counts import COUNTS_GRAPH, RELATIONS_GRAPH
from mediation_graph.graph.store import Store


def stored_counts(store: Store) -> Counter[CountKey]:
    quads = store.oxigraph.quads_for_pattern(None, None, None, ox.NamedNode(COUNTS_GRAPH))
    return Counter({(str(q.subject), str(q.predicate)): int(q.object.value) for q in quads})


def fresh_count(store: Store) -> Counter[CountKey]:
    """The counts recomputed from every event the store holds, document by document."""
    counts: Counter[CountKey] = Counter()
    for document in store.documents():
        counts.update(contributions(store.events(document.id)))
    return counts


def stored_relations(store: Store) -> set[str]:
    quads = store.oxigraph.quads_for_pattern(None, None, None, ox.NamedNode(RELATIONS_GRAPH))
    return {str(q.triple) for q in quads}


def asserted_relations(store: Store) -> set[str]:
    """The direct relations of every document's relation graph, each once."""
    graphs = {q.graph_name for q in store.oxigraph.quads_for_pattern(None, None, None)
              if isinstance(q.graph_name, ox.NamedNode) and "/graph/rel/" in q.graph_name.value}
    return {str(q.triple) for g in graphs
            for q in store.oxigraph.quads_for_pattern(None, None, None, g)}


def test_counts_match_the_stored_events(graph_store):
    counts = stored_counts(graph_store)
    assert counts and counts == fresh_count(graph_store)


def test_rebuilding_a_document_with_fewer_events_lowers_its_counts(graph_store, graph_results):
    arabic = graph_results[0]
    before, relations_before = stored_counts(graph_store), stored_relations(graph_store)
    graph_store.add_document(dataclasses.replace(arabic, events=arabic.events[:1]))
    after = stored_counts(graph_store)
    assert after == fresh_count(graph_store)
    assert sum(after.values()) < sum(before.values())
    # the mediation was in the dropped events: Turkey no longer counts as a mediator
    turkey = ("<https://w3id.org/mediation-graph/id/entity/TUR>",
              "<https://w3id.org/mediation-graph/ontology#mediationCount>")
    assert before[turkey] == 1 and turkey not in after
    # and the relations graph lost what only the dropped events asserted
    assert stored_relations(graph_store) == asserted_relations(graph_store)
    assert stored_relations(graph_store) < relations_before


def test_the_relations_graph_holds_each_asserted_relation_once(graph_store):
    relations = stored_relations(graph_store)
    assert any("rel#mediates" in triple for triple in relations)
    assert relations == asserted_relations(graph_store)


def test_bulk_loading_gives_the_counts_of_one_by_one_building(graph_store, graph_results):
    arabic, english = graph_results
    with Store() as bulk:
        # a document given twice in one batch counts once, with its last version
        bulk.add_documents([dataclasses.replace(arabic, events=arabic.events[:1]), english,
                            arabic])
        bulk.add_documents([english])  # and loading it again changes nothing
        assert stored_counts(bulk) == stored_counts(graph_store)
        assert stored_relations(bulk) == stored_relations(graph_store)


def test_importing_an_export_recounts_from_the_events(graph_store, graph_results,
                                                       tmp_path: Path):
    exported = tmp_path / "store.trig"
    graph_store.export("trig", exported)
    with Store() as other:
        other.add_document(graph_results[1])
        other.import_file(exported)
        other.import_file(exported)
        assert stored_counts(other) == stored_counts(graph_store)
        assert stored_relations(other) == stored_relations(graph_store)


def test_the_counted_queries_agree_with_counting_the_events(graph_store):
    counted = graph_store.query("SELECT ?type (SUM(?n) AS ?events) WHERE { "
                                "?t mg:tallyType ?type ; mg:eventCount ?n } GROUP BY ?type")
    walked = graph_store.query("SELECT ?type (COUNT(?e) AS ?events) WHERE { "
                               "?e a mg:Event ; sem:eventType ?type } GROUP BY ?type")
    assert counted.rows and sorted(map(tuple, counted.rows)) == sorted(map(tuple, walked.rows))


def test_a_document_without_events_adds_no_counts(graph_results):
    empty = dataclasses.replace(graph_results[0], events=[])
    with Store() as store:
        store.add_document(empty)
        assert not stored_counts(store)
        assert store.has_document(empty.document.id)


def test_recount_repairs_counts_and_relations_after_a_hand_written_delete(graph_store):
    before, relations = stored_counts(graph_store), stored_relations(graph_store)
    # a hand-written update deletes the mediation events of the English document
    graph_store.update("PREFIX mg: <https://w3id.org/mediation-graph/ontology#>\n"
                       "DELETE { GRAPH ?g { ?e ?p ?o } } WHERE { GRAPH ?g {"
                       " ?e mg:mode ?mode ; mg:eventId ?id ; ?p ?o"
                       " FILTER (STRSTARTS(?id, 'doha')) } }")
    assert stored_counts(graph_store) == before  # stale: nothing kept them up to date
    assert graph_store.recount() > 0
    assert stored_counts(graph_store) == fresh_count(graph_store) != before
    assert stored_relations(graph_store) < relations
    assert graph_store.recount() == 0  # counting again changes nothing
