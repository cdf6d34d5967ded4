"""The actor network as one self-contained HTML page (vis-network through pyvis).

The page opens by double-click on a machine with no network: vis-network's script and style are
put in line from the copy pyvis ships, and our own template replaces pyvis's, which links
Bootstrap from a CDN. News text reaches the page in two ways only: HTML-escaped inside the
tooltips built here, and as JSON in a ``<script type="application/json">`` block with ``<``,
``>`` and ``&`` escaped, so no article can close the block or inject markup.
"""

from __future__ import annotations

import html
import json
import math
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2
import networkx as nx
import pyvis
from pyvis.network import Network

from ..atomic import write_text_atomic
from ..errors import RuntimeFailure
from ..model import ENTITY_TYPES, PLOVER_TYPES, Event
from .layout import compute_positions
from .network import QUAD_CLASSES, Evidence, build_network

DEFAULT_MAX_NODES = 2000
# Beyond this many nodes the browser's physics takes too long to settle (design notes: 8 s for
# 500 nodes with forceAtlas2Based), so positions come from Python and physics is off.
PHYSICS_LIMIT = 300
MAX_EVIDENCE_SHOWN = 5
MAX_RELATIONS_SHOWN = 12
MAX_LEFT_OUT_NAMED = 30

# Fonts that have Arabic glyphs come first; DejaVu Sans is on almost every Linux desktop.
FONT_STACK = ("'Noto Naskh Arabic', 'Noto Sans Arabic', 'Segoe UI', Tahoma, 'DejaVu Sans', "
              "Arial, sans-serif")
NODE_COLOURS: dict[str, str] = {
    "state": "#4e79a7", "person": "#f28e2b", "organization": "#76b7b2",
    "armed_group": "#e15759", "place": "#9c755f", "group": "#b07aa1",
}
OTHER_NODE_COLOUR = "#bab0ac"
QUAD_COLOURS: dict[str, str] = {
    "verbal cooperation": "#7fbf7b", "material cooperation": "#1b7837",
    "verbal conflict": "#f4a442", "material conflict": "#c51b1b",
}
OTHER_EDGE_COLOUR = "#888888"
MEDIATION_COLOUR = "#6a3d9a"
MEDIATION_CATEGORY = "MEDIATION"
MEDIATION_DASHES = [10, 6]
UNLINKED_DASHES = [4, 3]

_VIS_DIR = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2"
_ASSETS = resources.files(__package__) / "assets"


@dataclass(frozen=True, slots=True)
class ViewSummary:
    """What a page shows and what it leaves out, for the command line to report."""

    nodes: int
    edges: int
    left_out_nodes: int
    left_out_edges: int
    negated: int
    physics: bool


@dataclass(slots=True)
class Selection:
    """The part of the network a page draws, and what ``--max-nodes`` left out."""

    graph: nx.MultiDiGraph
    left_out: list[str]  # labels of the actors left out, most active first
    left_out_edges: int


def select_nodes(graph: nx.MultiDiGraph, max_nodes: int | None) -> Selection:
    """Keep the ``max_nodes`` most active actors (ties: more relations, then id)."""
    if max_nodes is None or graph.number_of_nodes() <= max_nodes:
        return Selection(graph, [], 0)
    ranked = sorted(graph.nodes, key=lambda n: (-graph.nodes[n]["activity"], -graph.degree(n), n))
    kept = graph.subgraph(ranked[:max_nodes]).copy()
    left_out = [graph.nodes[n]["label"] for n in ranked[max_nodes:]]
    return Selection(kept, left_out, graph.number_of_edges() - kept.number_of_edges())


def _esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def _relations_html(graph: nx.MultiDiGraph, node: str) -> str:
    """The actor's relations, most events first: arrow, partner, type, count."""
    rows = [(data["count"], "→", target, data) for _, target, data in
            graph.out_edges(node, data=True)]
    rows += [(data["count"], "←", source, data) for source, _, data in
             graph.in_edges(node, data=True)]
    rows.sort(key=lambda row: (-row[0], row[2], row[3]["event"]))
    items = "".join(
        f'<li>{"↔" if data["mutual"] else arrow} <span dir="auto">'
        f'{_esc(graph.nodes[other]["label"])}</span>: {_esc(_kind(data))} ({count})</li>'
        for count, arrow, other, data in rows[:MAX_RELATIONS_SHOWN])
    more = len(rows) - MAX_RELATIONS_SHOWN
    tail = f'<div class="mg-facts">and {more} more</div>' if more > 0 else ""
    return f'<ul class="mg-relations">{items}</ul>{tail}' if rows else ""


def _kind(data: dict[str, Any]) -> str:
    return f'{data["event"]} (mediation)' if data["mediation"] else data["event"]


def _node_tip(graph: nx.MultiDiGraph, node: str) -> str:
    data = graph.nodes[node]
    facts = [data["type"].replace("_", " ")]
    facts += [f"{k} {data[k]}" for k in ("country", "sector", "wikidata") if data.get(k)]
    if not data["linked"]:
        facts.append("not in the lexicon")
    alt = f' <span class="mg-alt" dir="auto">{_esc(data["alt_label"])}</span>' \
        if data.get("alt_label") else ""
    name = "" if data["name"] in (data["label"], data.get("alt_label")) \
        else f'<div class="mg-facts">{_esc(data["name"])}</div>'
    return (f'<div class="mg-tip"><b dir="auto">{_esc(data["label"])}</b>{alt}{name}'
            f'<div class="mg-facts">{_esc(" · ".join(facts))}</div>'
            f'<div class="mg-facts">{data["activity"]} event(s)</div>'
            f'{_relations_html(graph, node)}</div>')


def _sentence_html(evidence: Evidence) -> str:
    """The sentence, escaped, with the trigger words marked where the offsets agree."""
    offsets = evidence.trigger_offsets()
    if offsets is None:
        return _esc(evidence.text)
    start, end = offsets
    text = evidence.text
    return f"{_esc(text[:start])}<mark>{_esc(text[start:end])}</mark>{_esc(text[end:])}"


def _evidence_html(evidence: Evidence, titles: dict[str, str]) -> str:
    title = titles.get(evidence.doc_id)
    source = f"{title} ({evidence.doc_id})" if title and title != evidence.doc_id \
        else evidence.doc_id
    facts = [f"sentence {evidence.sentence}"]
    if evidence.date:
        facts.append(evidence.date)
    if evidence.modality != "asserted":
        facts.append(evidence.modality)
    more = "".join(f'<q class="mg-more" dir="auto">{_esc(text)}</q>' for text in evidence.more)
    return (f'<li><q dir="auto" lang="{_esc(evidence.language)}">{_sentence_html(evidence)}</q>'
            f'{more}<span class="mg-source"><cite dir="auto">{_esc(source)}</cite>, '
            f'{_esc(", ".join(facts))}</span></li>')


def _edge_tip(graph: nx.MultiDiGraph, source: str, target: str, data: dict[str, Any],
              titles: dict[str, str]) -> str:
    arrow = "↔" if data["mutual"] else "→"
    kind = _kind(data)
    cameo = ", ".join(data["cameo"]) or "none"
    dates = ", ".join(data["dates"]) if data["dates"] else "undated"
    shown = data["evidence"][:MAX_EVIDENCE_SHOWN]
    items = "".join(_evidence_html(evidence, titles) for evidence in shown)
    hidden = len(data["evidence"]) - len(shown)
    more = f'<div class="mg-facts">and {hidden} more</div>' if hidden > 0 else ""
    return (f'<div class="mg-tip"><b><span dir="auto">{_esc(graph.nodes[source]["label"])}</span>'
            f' {arrow} <span dir="auto">{_esc(graph.nodes[target]["label"])}</span></b>'
            f'<div class="mg-facts">{_esc(kind)} · {_esc(data["quad"])} · CAMEO {_esc(cameo)}'
            f'</div><div class="mg-facts">{data["count"]} event(s) · {_esc(dates)}</div>'
            f'<ol class="mg-evidence">{items}</ol>{more}</div>')


def node_size(activity: int) -> float:
    """Radius in pixels: grows with the square root, so one busy actor doesn't dwarf the rest."""
    return round(min(45.0, 6.0 + 5.0 * math.sqrt(activity)), 1)


def edge_width(count: int) -> float:
    """Width in pixels: logarithmic, so 2 events look thicker than 1 and 200 still fit."""
    return round(min(12.0, 1.5 + 2.0 * math.log2(max(1, count))), 1)


def _edge_colour(data: dict[str, Any]) -> str:
    if data["mediation"]:
        return MEDIATION_COLOUR
    return QUAD_COLOURS.get(data["quad"], OTHER_EDGE_COLOUR)


def _category(data: dict[str, Any]) -> str:
    return MEDIATION_CATEGORY if data["mediation"] else data["event"]


def _network(graph: nx.MultiDiGraph, titles: dict[str, str], physics: bool) -> Network:
    """The vis-network nodes and edges, collected by pyvis."""
    net = Network(directed=True, cdn_resources="in_line")
    positions = {} if physics else compute_positions(graph)
    for node, data in graph.nodes(data=True):
        colour = NODE_COLOURS.get(data["type"], OTHER_NODE_COLOUR)
        extra: dict[str, Any] = {}
        if node in positions:
            extra["x"], extra["y"] = (round(v, 1) for v in positions[node])
        if not data["linked"]:
            extra["shapeProperties"] = {"borderDashes": UNLINKED_DASHES}
        names = {data["label"], data["name"], data.get("alt_label") or data["label"]}
        net.add_node(node, label=data["label"], color=colour, size=node_size(data["activity"]),
                     tip=_node_tip(graph, node), names=sorted(names), **extra)
    # Parallel edges of one pair get their own curve, or they would be drawn on top of each other.
    seen_pairs: dict[frozenset[str], int] = {}
    for index, (source, target, data) in enumerate(graph.edges(data=True)):
        colour = _edge_colour(data)
        extra = {}
        pair = frozenset((source, target))
        rank = seen_pairs[pair] = seen_pairs.get(pair, -1) + 1
        if physics and rank:
            extra["smooth"] = {"type": "curvedCW", "roundness": 0.15 * rank}
        if data["mediation"]:
            extra["dashes"] = MEDIATION_DASHES
        net.add_edge(source, target, id=f"e{index}", width=edge_width(data["count"]),
                     color={"color": colour, "highlight": colour, "hover": colour},
                     arrows="" if data["mutual"] else "to",
                     category=_category(data), dates=data["dates"],
                     tip=_edge_tip(graph, source, target, data, titles), **extra)
    return net


def _options(physics: bool) -> dict[str, Any]:
    options: dict[str, Any] = {
        "nodes": {
            "shape": "dot",
            "font": {"face": FONT_STACK, "size": 14, "strokeWidth": 3, "strokeColor": "#ffffff"},
            "borderWidth": 1,
        },
        "edges": {
            "arrows": {"to": {"scaleFactor": 0.6}},
            "smooth": {"type": "continuous"} if physics else False,
        },
        "interaction": {"hover": True, "hideEdgesOnDrag": not physics,
                        "hideEdgesOnZoom": not physics, "tooltipDelay": 150},
        "layout": {"randomSeed": 7, "improvedLayout": physics},
    }
    if physics:
        options["physics"] = {
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -80, "springLength": 140,
                                 "avoidOverlap": 0.5},
            "stabilization": {"iterations": 200},
        }
    else:
        options["physics"] = {"enabled": False}
    return options


def _categories(graph: nx.MultiDiGraph) -> list[dict[str, Any]]:
    counts: dict[str, int] = {}
    for _, _, data in graph.edges(data=True):
        counts[_category(data)] = counts.get(_category(data), 0) + 1
    order = [MEDIATION_CATEGORY, *PLOVER_TYPES]
    ordered = sorted(counts, key=lambda c: (order.index(c) if c in order else len(order), c))
    return [{"key": key, "count": counts[key],
             "colour": MEDIATION_COLOUR if key == MEDIATION_CATEGORY
             else QUAD_COLOURS.get(QUAD_CLASSES.get(key, ""), OTHER_EDGE_COLOUR)}
            for key in ordered]


def _date_bounds(graph: nx.MultiDiGraph) -> tuple[str, str]:
    dates = [d for _, _, ds in graph.edges(data="dates") for d in ds]
    # <input type="date"> takes full dates only: widen "2024-08" to the month's first day.
    full = [d for d in dates if len(d) >= 10] or [f"{d[:7]}-01" for d in dates if len(d) >= 7]
    return (min(full)[:10], max(full)[:10]) if full else ("", "")


def _script_json(value: Any) -> str:
    """JSON safe inside a script element: no ``</script>``, no ``<!--``, no entity."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                         ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escape)
    return text


def _vis_asset(name: str) -> str:
    try:
        return (_VIS_DIR / name).read_text(encoding="utf-8")
    except OSError as exc:
        raise RuntimeFailure(f"vis-network not found in pyvis ({_VIS_DIR / name}): "
                             "the view needs pyvis 0.3.2") from exc


def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FunctionLoader(lambda name: (_ASSETS / name).read_text(encoding="utf-8")),
        autoescape=True, undefined=jinja2.StrictUndefined, keep_trailing_newline=True,
    )


def _legend(graph: nx.MultiDiGraph) -> dict[str, Any]:
    present = {data["type"] for _, data in graph.nodes(data=True)}
    node_types = [(t.replace("_", " "), NODE_COLOURS[t]) for t in ENTITY_TYPES if t in present]
    if present - set(ENTITY_TYPES):
        node_types.append(("other", OTHER_NODE_COLOUR))
    quads = list(QUAD_COLOURS.items())
    return {"node_types": node_types, "quads": quads, "mediation": MEDIATION_COLOUR,
            "unlinked": any(not d["linked"] for _, d in graph.nodes(data=True))}


def render_graph_html(graph: nx.MultiDiGraph, *, titles: dict[str, str] | None = None,
                      max_nodes: int | None = DEFAULT_MAX_NODES,
                      page_title: str = "mediation-graph: actor network",
                      ) -> tuple[str, ViewSummary]:
    """The page for an already built network, and what it shows."""
    selection = select_nodes(graph, max_nodes)
    shown = selection.graph
    physics = shown.number_of_nodes() <= PHYSICS_LIMIT
    net = _network(shown, titles or {}, physics)
    nodes, edges, *_ = net.get_network_data()
    summary = ViewSummary(
        nodes=shown.number_of_nodes(), edges=shown.number_of_edges(),
        left_out_nodes=len(selection.left_out), left_out_edges=selection.left_out_edges,
        negated=graph.graph.get("negated", 0), physics=physics,
    )
    date_min, date_max = _date_bounds(shown)
    data = {"nodes": nodes, "edges": edges, "options": _options(physics),
            "categories": _categories(shown)}
    page = _environment().get_template("graph.html.j2").render(
        page_title=page_title,
        vis_css=_vis_asset("vis-network.css"), vis_js=_vis_asset("vis-network.min.js"),
        app_css=(_ASSETS / "graph.css").read_text(encoding="utf-8"),
        app_js=(_ASSETS / "graph.js").read_text(encoding="utf-8"),
        data_json=_script_json(data), summary=summary, legend=_legend(shown),
        categories=data["categories"], date_min=date_min, date_max=date_max,
        left_out_named=selection.left_out[:MAX_LEFT_OUT_NAMED],
        total_nodes=graph.number_of_nodes(), total_edges=graph.number_of_edges(),
        physics_limit=PHYSICS_LIMIT, font_stack=FONT_STACK,
    )
    return page, summary


def render_html(events: list[Event], *, titles: dict[str, str] | None = None,
                max_nodes: int | None = DEFAULT_MAX_NODES) -> str:
    """The self-contained page of the actor network behind ``events``."""
    page, _ = render_graph_html(build_network(events), titles=titles, max_nodes=max_nodes)
    return page


def write_html(events: list[Event], path: Path, *, titles: dict[str, str] | None = None,
               max_nodes: int | None = DEFAULT_MAX_NODES) -> ViewSummary:
    """Write the page atomically as UTF-8 (never the locale's encoding) and say what it shows."""
    page, summary = render_graph_html(build_network(events), titles=titles, max_nodes=max_nodes)
    write_text_atomic(Path(path), page)
    return summary
