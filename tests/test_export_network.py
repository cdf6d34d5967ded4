"""`export --format graphml|gexf`: the actor network for Gephi, from the store."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

from mediation_graph.cli.main import main

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "doha_mediation_en.txt"


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("built")
    assert main(["build", str(EXAMPLE), "--out", str(out), "--quiet"]) == 0
    return out / "store"


@pytest.mark.parametrize(("fmt", "read"), [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_the_actor_network_opens_in_graph_tools(store, tmp_path, fmt, read):
    target = tmp_path / f"network.{fmt}"
    assert main(["export", "--store", str(store), "--format", fmt, "--out", str(target)]) == 0
    network = read(target)
    assert network.number_of_nodes() >= 3 and network.number_of_edges() >= 2


def test_a_network_format_needs_a_file(store, capsys):
    assert main(["export", "--store", str(store), "--format", "gexf"]) == 2
    assert "--out FILE" in capsys.readouterr().err
