"""What the actor network says at a glance: central actors, brokers, mediators, communities.

All measures run on the network of :func:`mediation_graph.view.network.build_network`. Centrality
and betweenness ignore direction and event types (who deals with whom at all); the mediators
count mediation events, not edges (one mediation between two parties draws two edges).
GraphML and GEXF exports flatten list attributes into text, as both formats (and Gephi) want
scalar attributes only.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import networkx as nx

from ..atomic import atomic_writer
from .layout import weighted_simple_graph

# Exact betweenness costs O(nodes x edges): 2 s for 1,000 actors here. Past this many nodes it
# is estimated from a sample of source nodes (fixed seed, so two runs agree): 2 s for 5,000.
BETWEENNESS_EXACT_LIMIT = 500
BETWEENNESS_SAMPLE = 100


@dataclass(frozen=True, slots=True)
class ActorScore:
    id: str
    name: str
    score: float
    partners: int
    events: int


@dataclass(frozen=True, slots=True)
class MediatorRecord:
    id: str
    name: str
    mediations: int  # distinct mediation events
    parties: list[str]


@dataclass(frozen=True, slots=True)
class CommunityRecord:
    size: int
    members: list[str]  # names, most active first


@dataclass(frozen=True, slots=True)
class Analysis:
    actors: int
    relations: int
    events: int
    central: list[ActorScore]
    brokers: list[ActorScore]
    mediators: list[MediatorRecord]
    communities: list[CommunityRecord]
    betweenness_sources: int | None = None  # the sample size where betweenness is estimated

    def to_record(self) -> dict[str, Any]:
        return asdict(self)


def _name(graph: nx.MultiDiGraph, node: str) -> str:
    return graph.nodes[node].get("name", node)


def _ranked(graph: nx.MultiDiGraph, simple: nx.Graph, scores: dict[str, float],
            top: int) -> list[ActorScore]:
    order = sorted(scores, key=lambda n: (-scores[n], -graph.nodes[n]["activity"], n))
    return [ActorScore(n, _name(graph, n), round(scores[n], 4), simple.degree(n),
                       graph.nodes[n]["activity"])
            for n in order[:top] if scores[n] > 0]


def central_actors(graph: nx.MultiDiGraph, top: int = 10) -> list[ActorScore]:
    """Degree centrality: the share of the other actors each actor deals with."""
    simple = weighted_simple_graph(graph)
    if simple.number_of_nodes() < 2:
        return []
    return _ranked(graph, simple, nx.degree_centrality(simple), top)


def betweenness_sample(graph: nx.MultiDiGraph) -> int | None:
    """How many source nodes estimate the betweenness of ``graph``; None: computed exactly."""
    return BETWEENNESS_SAMPLE if graph.number_of_nodes() > BETWEENNESS_EXACT_LIMIT else None


def brokers(graph: nx.MultiDiGraph, top: int = 10) -> list[ActorScore]:
    """Betweenness centrality: actors on the shortest paths between others."""
    simple = weighted_simple_graph(graph)
    sample = betweenness_sample(graph)
    scores = nx.betweenness_centrality(simple, k=sample, seed=0 if sample else None)
    return _ranked(graph, simple, scores, top)


def mediators(graph: nx.MultiDiGraph, top: int = 10) -> list[MediatorRecord]:
    """Actors by the number of mediation events they took part in as mediator."""
    events: dict[str, set[str]] = {}
    parties: dict[str, set[str]] = {}
    for source, target, data in graph.edges(data=True):
        if data["mediation"]:
            events.setdefault(source, set()).update(e.event_id for e in data["evidence"])
            parties.setdefault(source, set()).add(target)
    order = sorted(events, key=lambda n: (-len(events[n]), n))
    return [MediatorRecord(n, _name(graph, n), len(events[n]),
                           sorted(_name(graph, p) for p in parties[n]))
            for n in order[:top]]


def communities(graph: nx.MultiDiGraph, top: int = 10) -> list[CommunityRecord]:
    """Louvain communities of two or more actors, biggest first (fixed seed: stable output)."""
    simple = weighted_simple_graph(graph)
    if simple.number_of_edges() == 0:
        return []
    found = nx.community.louvain_communities(simple, weight="weight", seed=0)
    groups = [sorted(c, key=lambda n: (-graph.nodes[n]["activity"], n)) for c in found
              if len(c) > 1]
    groups.sort(key=lambda members: (-len(members), members[0]))
    return [CommunityRecord(len(members), [_name(graph, n) for n in members])
            for members in groups[:top]]


def analyze(graph: nx.MultiDiGraph, top: int = 10) -> Analysis:
    return Analysis(
        actors=graph.number_of_nodes(), relations=graph.number_of_edges(),
        events=graph.graph.get("events", 0),
        central=central_actors(graph, top), brokers=brokers(graph, top),
        mediators=mediators(graph, top), communities=communities(graph, top),
        betweenness_sources=betweenness_sample(graph),
    )


def _score_rows(title: str, scores: list[ActorScore], column: str) -> list[str]:
    lines = [title]
    if not scores:
        return [*lines, "  (none)"]
    width = max(len(s.name) for s in scores)
    lines.append(f"  {'#':>3}  {'actor':<{width}}  {column:>11}  partners  events")
    lines += [f"  {i:>3}  {s.name:<{width}}  {s.score:>11.3f}  {s.partners:>8}  {s.events:>6}"
              for i, s in enumerate(scores, 1)]
    return lines


def format_table(analysis: Analysis) -> str:
    """The analysis as plain text for a terminal."""
    lines = [f"{analysis.actors} actors, {analysis.relations} relations, "
             f"{analysis.events} events", ""]
    lines += _score_rows("Most central actors (degree centrality)", analysis.central,
                         "centrality")
    brokers_title = "Brokers (betweenness centrality)"
    if analysis.betweenness_sources:
        brokers_title += f", estimated from {analysis.betweenness_sources} sources"
    lines += ["", *_score_rows(brokers_title, analysis.brokers, "betweenness")]
    lines += ["", "Most active mediators"]
    lines += [f"  {i:>3}  {m.name}: {m.mediations} mediation event(s) between "
              f"{', '.join(m.parties)}" for i, m in enumerate(analysis.mediators, 1)] \
        or ["  (none)"]
    lines += ["", "Communities (Louvain)"]
    lines += [f"  {i:>3}  {c.size} actors: {', '.join(c.members)}"
              for i, c in enumerate(analysis.communities, 1)] or ["  (none)"]
    return "\n".join(lines)


def export_graph(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy with scalar attributes only (no None, no lists) for GraphML and GEXF."""
    flat = nx.MultiDiGraph()
    for node, data in graph.nodes(data=True):
        flat.add_node(node, **{k: v for k, v in data.items() if v is not None})
    for source, target, key, data in graph.edges(keys=True, data=True):
        evidence = data["evidence"]
        flat.add_edge(
            source, target, key,
            label=data["event"], event=data["event"], mediation=data["mediation"],
            quad=data["quad"], cameo=";".join(data["cameo"]), count=data["count"],
            weight=data["count"], mutual=data["mutual"], dates=";".join(data["dates"]),
            first_date=data["dates"][0] if data["dates"] else "",
            last_date=data["dates"][-1] if data["dates"] else "",
            documents=";".join(sorted({e.doc_id for e in evidence})),
            evidence="\n".join(e.text for e in evidence),
        )
    return flat


def write_graphml(graph: nx.MultiDiGraph, path: Path) -> None:
    with atomic_writer(Path(path), "wb") as handle:
        nx.write_graphml(export_graph(graph), handle, encoding="utf-8")


def write_gexf(graph: nx.MultiDiGraph, path: Path) -> None:
    with atomic_writer(Path(path), "wb") as handle:
        nx.write_gexf(export_graph(graph), handle, encoding="utf-8")
