"""Store-wide counts (graph/counts): kept right through builds, rebuilds, bulk loads and
imports, so the aggregate named queries can read them instead of every event."""

from __future__ import annotations

import dataclasses
from collections import Counter
from pathlib import Path

import pyoxigraph as ox

from mediation_graph.graph.convert import CountKey, contributions
from mediation_graph.graph.counts import COUNTS_GRAPH
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


def test_counts_match_the_stored_events(graph_store):
    counts = stored_counts(graph_store)
    assert counts and counts == fresh_count(graph_store)


def test_rebuilding_a_document_with_fewer_events_lowers_its_counts(graph_store, graph_results):
    arabic = graph_results[0]
    before = stored_counts(graph_store)
    graph_store.add_document(dataclasses.replace(arabic, events=arabic.events[:1]))
    after = stored_counts(graph_store)
    assert after == fresh_count(graph_store)
    assert sum(after.values()) < sum(before.values())
    # the mediation was in the dropped events: Turkey no longer counts as a mediator
    turkey = ("<https://w3id.org/mediation-graph/id/entity/TUR>",
              "<https://w3id.org/mediation-graph/ontology#mediationCount>")
    assert before[turkey] == 1 and turkey not in after


def test_bulk_loading_gives_the_counts_of_one_by_one_building(graph_store, graph_results):
    arabic, english = graph_results
    with Store() as bulk:
        # a document given twice in one batch counts once, with its last version
        bulk.add_documents([dataclasses.replace(arabic, events=arabic.events[:1]), english,
                            arabic])
        bulk.add_documents([english])  # and loading it again changes nothing
        assert stored_counts(bulk) == stored_counts(graph_store)


def test_importing_an_export_recounts_from_the_events(graph_store, graph_results,
                                                       tmp_path: Path):
    exported = tmp_path / "store.trig"
    graph_store.export("trig", exported)
    with Store() as other:
        other.add_document(graph_results[1])
        other.import_file(exported)
        other.import_file(exported)
        assert stored_counts(other) == stored_counts(graph_store)


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
