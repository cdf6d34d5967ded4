"""Node positions computed in Python, for graphs too big for the browser's physics.

A force layout of the whole graph costs O(n²) per iteration: 42 s for 5,000 nodes with networkx
here. Real actor networks fall apart into components and communities, so: each connected
component is laid out on its own and the components are packed in rows, biggest first; a big
component is split into communities (Louvain), each laid out on its own and placed at its spot
in a layout of the communities. That costs a few seconds for 5,000 nodes and keeps allies
together.
"""

from __future__ import annotations

import math

import networkx as nx

# Pixels between neighbouring nodes in the browser's coordinates.
SPACING = 60.0
# Up to this many nodes a single force layout is quick enough (well under a second).
DIRECT_LIMIT = 300

Position = tuple[float, float]


def weighted_simple_graph(graph: nx.MultiDiGraph) -> nx.Graph:
    """The undirected, simple view of the actor network: weight = events between the two."""
    simple = nx.Graph()
    simple.add_nodes_from(graph.nodes)
    for source, target, count in graph.edges(data="count", default=1):
        if source == target:
            continue
        previous = simple.get_edge_data(source, target, {}).get("weight", 0)
        simple.add_edge(source, target, weight=previous + count)
    return simple


def _force(graph: nx.Graph, seed: int) -> dict[str, Position]:
    if graph.number_of_nodes() == 1:
        return {next(iter(graph.nodes)): (0.0, 0.0)}
    positions = nx.spring_layout(graph, seed=seed, weight=None)
    return {node: (float(x), float(y)) for node, (x, y) in positions.items()}


def _communities(graph: nx.Graph, seed: int) -> list[set[str]]:
    found = nx.community.louvain_communities(graph, weight="weight", seed=seed)
    return sorted(found, key=lambda c: (-len(c), min(c)))


def _community_graph(graph: nx.Graph, communities: list[set[str]]) -> nx.Graph:
    member_of = {node: index for index, members in enumerate(communities) for node in members}
    quotient = nx.Graph()
    quotient.add_nodes_from(range(len(communities)))
    for source, target in graph.edges:
        a, b = member_of[source], member_of[target]
        if a != b:
            quotient.add_edge(a, b)
    return quotient


def _scaled(positions: dict[str, Position], size: int) -> dict[str, Position]:
    """From networkx's [-1, 1] box to pixels, the box growing with the number of nodes."""
    scale = SPACING * math.sqrt(size) * 0.6
    return {node: (x * scale, y * scale) for node, (x, y) in positions.items()}


def _clustered(simple: nx.Graph, seed: int) -> dict[str, Position]:
    communities = _communities(simple, seed)
    centres = _scaled(_force(_community_graph(simple, communities), seed),
                      simple.number_of_nodes() * 2)
    positions: dict[str, Position] = {}
    for index, members in enumerate(communities):
        cx, cy = centres[index]
        local = _scaled(_force(simple.subgraph(members), seed), len(members))
        positions.update({node: (cx + x, cy + y) for node, (x, y) in local.items()})
    return positions


def _component(simple: nx.Graph, seed: int) -> dict[str, Position]:
    nodes = sorted(simple.nodes)
    if len(nodes) <= 2:  # no layout needed, and thousands of pairs must stay cheap
        return {node: (i * SPACING, 0.0) for i, node in enumerate(nodes)}
    if len(nodes) <= DIRECT_LIMIT:
        return _scaled(_force(simple, seed), len(nodes))
    return _clustered(simple, seed)


def _pack(blocks: list[dict[str, Position]]) -> dict[str, Position]:
    """Shelf packing: components left to right in rows, the biggest first, none overlapping."""
    boxes = []
    for block in blocks:
        xs = [x for x, _ in block.values()]
        ys = [y for _, y in block.values()]
        boxes.append((block, min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys)))
    area = sum((w + SPACING) * (h + SPACING) for *_, w, h in boxes)
    row_width = max([math.sqrt(area), *(w for *_, w, _ in boxes)])
    positions: dict[str, Position] = {}
    x = y = row_height = 0.0
    for block, left, top, width, height in boxes:
        if x > 0 and x + width > row_width:
            x, y, row_height = 0.0, y + row_height + SPACING, 0.0
        positions.update({n: (x + px - left, y + py - top) for n, (px, py) in block.items()})
        x += width + SPACING
        row_height = max(row_height, height)
    return positions


def compute_positions(graph: nx.MultiDiGraph, seed: int = 0) -> dict[str, Position]:
    """Positions in pixels for every node, deterministic for a given graph and seed."""
    simple = weighted_simple_graph(graph)
    components = sorted(nx.connected_components(simple), key=lambda c: (-len(c), min(c)))
    return _pack([_component(simple.subgraph(c), seed) for c in components])
