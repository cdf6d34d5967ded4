"""`view` and `analyze` read the events from the store and answer in one line on error."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mediation_graph.cli.main import main
from mediation_graph.graph.store import Store
from mediation_graph.view.sample import mediation_story_documents


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("view") / "store"
    with Store(path) as opened:
        for result in mediation_story_documents():
            opened.add_document(result)
    return path


def test_view_writes_the_page_of_the_stored_events(store: Path, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "graph.html"
    assert main(["view", "--store", str(store), "--out", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert "Mediators press for a Gaza truce in Doha" in page  # titles come from the store
    assert capsys.readouterr().err.strip() == f"wrote {out}: 11 actors, 20 relations"


def test_view_says_how_many_actors_max_nodes_left_out(store: Path, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "graph.html"
    assert main(["view", "--store", str(store), "--out", str(out), "--max-nodes", "4"]) == 0
    assert capsys.readouterr().err.strip().endswith("4 actors, 8 relations; "
                                                    "7 less active actors left out")


def test_analyze_prints_a_table_or_json(store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", "--store", str(store), "--top", "3"]) == 0
    assert "1  Hamas" in capsys.readouterr().out
    assert main(["analyze", "--store", str(store), "--format", "json"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["mediators"][0] == {"id": "QAT", "name": "Qatar", "mediations": 2,
                                      "parties": ["Hamas", "Israel"]}


@pytest.mark.parametrize("command", ["view", "analyze"])
def test_a_missing_store_is_a_usage_error(command: str, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    assert main([command, "--store", str(tmp_path / "nothing")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("mediation-graph: error: no store at") and err.count("\n") == 1
    assert not (tmp_path / "nothing").exists()
