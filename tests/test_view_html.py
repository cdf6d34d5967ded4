"""The HTML page as text: self-contained, UTF-8, escaped, capped (the browser tests run it)."""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

import pytest

from mediation_graph.model import Entity
from mediation_graph.view import html as view_html
from mediation_graph.view.html import render_graph_html, render_html, write_html
from mediation_graph.view.layout import compute_positions
from mediation_graph.view.network import build_network
from mediation_graph.view.sample import HAMAS, ISR, StoryBuilder, mediation_story, synthetic_events

PAYLOAD = '<script>window.__pwned = true</script><img src=x onerror="window.__pwned = true">'


def page_data(page: str) -> dict:
    block = re.search(r'<script type="application/json" id="mg-data">(.*?)</script>', page, re.S)
    assert block, "the page carries its data in one JSON block"
    return json.loads(block.group(1))


def test_the_page_loads_nothing_from_anywhere() -> None:
    events, titles = mediation_story()
    page = render_html(events, titles=titles)
    assert "<link" not in page
    assert not re.search(r"<(script|img|iframe)[^>]*\ssrc=", page)
    for host in ("bootstrap", "cdnjs", "jsdelivr", "unpkg"):
        assert host not in page.lower()
    # The browser is told to refuse any request, should something slip through.
    assert "content=\"default-src 'none';" in page
    # vis-network itself is in line.
    assert "vis-network" in page and "new vis.Network" in page


def test_news_text_is_escaped_everywhere(tmp_path: Path) -> None:
    stranger = Entity("X_1", f"Abu {PAYLOAD}", "person", linked=False)
    doc = StoryBuilder("evil", "en", "2024-01-01")
    doc.say(f"Israel accused Hamas {PAYLOAD} again.", "accused", "ACCUSE", "112",
            [("Israel", ISR)], [("Hamas", HAMAS)])
    doc.say(f"Abu {PAYLOAD} met Hamas.", "met", "CONSULT", "040",
            [(f"Abu {PAYLOAD}", stranger)], [("Hamas", HAMAS)])
    page = render_html(doc.events, titles={"evil": f"Title {PAYLOAD}"})
    assert "window.__pwned" in page  # the text is there ...
    assert "<script>window.__pwned" not in page  # ... but never as markup
    assert "<img src=x" not in page
    data = page_data(page)
    tips = " ".join(item["tip"] for item in data["nodes"] + data["edges"])
    assert "&lt;script&gt;window.__pwned" in tips
    assert "&lt;img src=x onerror=" in tips
    assert "Title &lt;script&gt;" in tips


def test_the_page_is_written_as_utf8_without_a_lib_folder(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("LC_ALL", "C")
    events, titles = mediation_story()
    summary = write_html(events, tmp_path / "out" / "graph.html", titles=titles)
    text = (tmp_path / "out" / "graph.html").read_bytes().decode("utf-8")
    assert "حماس" in text and '<meta charset="utf-8">' in text
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]  # pyvis drops lib/ elsewhere
    assert (summary.nodes, summary.edges, summary.negated) == (11, 20, 1)


def test_tooltips_hold_type_cameo_dates_count_and_evidence_with_its_document() -> None:
    events, titles = mediation_story()
    data = page_data(render_html(events, titles=titles))
    qatar = next(e for e in data["edges"]
                 if e["from"] == "QAT" and e["to"] == "HAMAS" and e["category"] == "MEDIATION")
    tip = qatar["tip"]
    for expected in ("CONSULT (mediation)", "CAMEO 045", "2 event(s)", "2024-08-02, 2024-08-15",
                     "Mediators press for a Gaza truce in Doha (doha-round)",
                     "<mark>mediating</mark>"):
        assert expected in tip
    assert qatar["dashes"] == view_html.MEDIATION_DASHES
    hamas = next(n for n in data["nodes"] if n["id"] == "HAMAS")
    assert hamas["label"] == "حماس" and "Hamas" in hamas["tip"]


def test_small_graphs_use_physics_and_big_ones_positions_from_python() -> None:
    events, _ = mediation_story()
    small = page_data(render_html(events))
    assert small["options"]["physics"]["solver"] == "forceAtlas2Based"
    assert small["options"]["edges"]["smooth"] == {"type": "continuous"}
    assert "x" not in small["nodes"][0]
    big = page_data(render_html(synthetic_events(view_html.PHYSICS_LIMIT + 50)))
    assert big["options"]["physics"] == {"enabled": False}
    assert all(math.isfinite(n["x"]) and math.isfinite(n["y"]) for n in big["nodes"])


def test_max_nodes_keeps_the_most_active_and_says_what_was_left_out() -> None:
    events, _ = mediation_story()
    page, summary = render_graph_html(build_network(events), max_nodes=3)
    ids = sorted(n["id"] for n in page_data(page)["nodes"])
    assert ids == ["HAMAS", "ISR", "QAT"]
    assert (summary.nodes, summary.left_out_nodes) == (3, 8)
    assert "Showing the 3 most active of 11 actors" in page
    assert "8 less active actors" in page
    assert "Turkish intelligence (MIT)" in page or "الاستخبارات التركية" in page


def test_positions_are_deterministic_and_keep_components_apart() -> None:
    story, _ = mediation_story()
    graph = build_network([*synthetic_events(400, seed=3), *story])
    first, second = compute_positions(graph), compute_positions(graph)
    assert first == second
    assert set(first) == set(graph.nodes)

    def box(nodes: list[str]) -> tuple[float, float, float, float]:
        xs, ys = [first[n][0] for n in nodes], [first[n][1] for n in nodes]
        return min(xs), min(ys), max(xs), max(ys)

    big = box([n for n in graph if n.startswith("A")])
    small = box(["HAMAS", "ISR", "QAT", "EGY", "USA", "TUR_MIT"])  # one story component
    apart = small[0] > big[2] or small[2] < big[0] or small[1] > big[3] or small[3] < big[1]
    assert apart, (big, small)


def test_an_empty_network_says_so() -> None:
    doc = StoryBuilder("d", "en")
    doc.say("Hamas did not reject the plan of Israel.", "reject", "REJECT", "120",
            [("Hamas", HAMAS)], [("Israel", ISR)], negated=True)
    page = render_html(doc.events)
    assert "No events to draw" in page and "the 1 negated ones are left out" in page
    assert page_data(page)["nodes"] == []
