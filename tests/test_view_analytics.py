"""Network analytics on the mediation story, and the Gephi exports."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

from mediation_graph.view import analytics
from mediation_graph.view.network import build_network
from mediation_graph.view.sample import mediation_story, synthetic_events


@pytest.fixture(scope="module")
def story() -> nx.MultiDiGraph:
    events, _ = mediation_story()
    return build_network(events)


def test_the_parties_are_the_most_central_actors(story: nx.MultiDiGraph) -> None:
    central = analytics.central_actors(story, top=2)
    assert [(a.name, a.partners, a.events) for a in central] == [
        ("Hamas", 7, 8), ("Israel", 6, 7)]
    assert central[0].score == pytest.approx(7 / 10)


def test_brokers_are_the_actors_others_reach_through(story: nx.MultiDiGraph) -> None:
    names = [a.name for a in analytics.brokers(story, top=3)]
    # Turkey deals only with the Gaza Strip, so the Strip is the bridge to the rest.
    assert names == ["Hamas", "Israel", "Gaza Strip"]


def test_mediators_count_mediation_events_not_edges(story: nx.MultiDiGraph) -> None:
    mediators = analytics.mediators(story)
    assert (mediators[0].name, mediators[0].mediations) == ("Qatar", 2)
    assert mediators[0].parties == ["Hamas", "Israel"]
    assert {m.name for m in mediators} == {
        "Qatar", "Egypt", "United States", "Turkish intelligence (MIT)"}


def test_communities_cover_every_connected_actor_once(story: nx.MultiDiGraph) -> None:
    found = analytics.communities(story)
    members = [name for community in found for name in community.members]
    assert len(members) == len(set(members)) == 10  # the Security Council deals with nobody
    assert all(c.size >= 2 for c in found)


def test_the_report_reads_as_a_table(story: nx.MultiDiGraph) -> None:
    text = analytics.format_table(analytics.analyze(story, top=3))
    assert text.splitlines()[0] == "11 actors, 20 relations, 13 events"
    assert "Qatar: 2 mediation event(s) between Hamas, Israel" in text
    assert "Brokers (betweenness centrality)" in text


def test_an_empty_network_has_empty_answers() -> None:
    analysis = analytics.analyze(build_network([]))
    assert analysis.to_record() == {"actors": 0, "relations": 0, "events": 0, "central": [],
                                    "brokers": [], "mediators": [], "communities": [],
                                    "betweenness_sources": None}


def test_betweenness_of_a_big_network_is_estimated_and_says_so() -> None:
    graph = build_network(synthetic_events(analytics.BETWEENNESS_EXACT_LIMIT + 1))
    analysis = analytics.analyze(graph, top=3)
    assert analysis.betweenness_sources == analytics.BETWEENNESS_SAMPLE
    assert len(analysis.brokers) == 3
    assert f"estimated from {analytics.BETWEENNESS_SAMPLE} sources" in analytics.format_table(
        analysis)


@pytest.mark.parametrize(("writer", "reader"), [
    (analytics.write_graphml, nx.read_graphml), (analytics.write_gexf, nx.read_gexf)])
def test_gephi_exports_keep_every_node_edge_and_the_evidence(
        story: nx.MultiDiGraph, tmp_path: Path, writer, reader) -> None:
    path = tmp_path / "network.xml"
    writer(story, path)
    back = reader(path)
    assert (back.number_of_nodes(), back.number_of_edges()) == (11, 20)
    edges = [d for u, v, d in back.edges(data=True) if (u, v) == ("QAT", "HAMAS")]
    assert edges[0]["weight"] == 2 and edges[0]["mediation"] is True
    assert "mediating between Hamas and Israel" in edges[0]["evidence"]
    assert edges[0]["dates"] == "2024-08-02;2024-08-15"
