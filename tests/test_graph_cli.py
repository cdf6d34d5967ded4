"""The graph commands as a user runs them: query, export, import, validate."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mediation_graph.cli import main as cli

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest.fixture(autouse=True)
def graph_commands_only(monkeypatch):
    """Parse with the graph commands alone, so these tests do not depend on other stages."""
    monkeypatch.setattr(cli, "COMMAND_MODULES",
                        ("query", "export", "import_", "validate", "recount"))


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_query_list_shows_every_named_query_with_its_title(capsys):
    code, out, _ = run(capsys, "query", "--list")
    assert code == 0
    assert "mediators-between\n    Mediators between two parties\n" in out
    assert "who-met-whom" in out and "most-active-mediators" in out


def test_a_named_query_prints_a_table(capsys, graph_store_dir):
    code, out, _ = run(capsys, "query", "most-active-mediators", "--store", str(graph_store_dir))
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["mediator", "name", "events", "parties", "documents"]
    assert lines[2].split() == ["entity:EGY", "Egypt", "2", "2", "2"]
    assert lines[-1] == "(3 rows)"


def test_query_text_as_sparql_json(capsys, graph_store_dir):
    code, out, _ = run(capsys, "query", "SELECT ?d WHERE { ?x mg:docId ?d } ORDER BY ?d",
                       "--format", "json", "--store", str(graph_store_dir))
    assert code == 0
    bindings = json.loads(out)["results"]["bindings"]
    assert [b["d"]["value"] for b in bindings] == ["ankara-ar", "doha-en"]


def test_construct_and_describe_print_turtle(capsys, graph_store_dir):
    code, out, _ = run(capsys, "query", "mediation-network", "--store", str(graph_store_dir))
    assert code == 0 and "rel:mediates" in out and "@prefix rel:" in out
    code, out, _ = run(capsys, "query", "DESCRIBE entity:QAT", "--store", str(graph_store_dir))
    assert code == 0 and 'schema:name "Qatar"' in out


def test_bad_usage_is_one_line_and_exit_2(capsys, graph_store_dir, tmp_path):
    cases = [
        ("query", "SELECT ?x WHERE {", "--store", str(graph_store_dir)),
        ("query", "no-such-query", "--store", str(graph_store_dir)),
        ("query", "documents", "--store", str(tmp_path / "absent")),
        ("export", "--doc", "nope", "--store", str(graph_store_dir)),
        ("recount", "--store", str(tmp_path / "absent")),
    ]
    for argv in cases:
        code, _, err = run(capsys, *argv)
        assert code == 2, argv
        assert err.count("\n") == 1 and err.startswith("mediation-graph: error: "), err
    assert not (tmp_path / "absent").exists()  # reading never creates a store


def test_export_to_a_file_and_to_stdout(capsys, graph_store_dir, tmp_path):
    out_file = tmp_path / "out" / "graph.jsonld"
    code, _, err = run(capsys, "export", "--format", "jsonld", "--out", str(out_file),
                       "--store", str(graph_store_dir))
    assert code == 0 and err == f"wrote {out_file}\n"
    assert "@context" in json.loads(out_file.read_text(encoding="utf-8"))
    code, out, _ = run(capsys, "export", "--format", "nquads", "--doc", "doha-en",
                       "--store", str(graph_store_dir))
    assert code == 0 and out.count(" .\n") == len(out.splitlines())


def test_import_then_query_then_validate(capsys, graph_store_dir, tmp_path):
    trig = tmp_path / "graph.trig"
    run(capsys, "export", "--format", "trig", "--out", str(trig), "--store", str(graph_store_dir))
    fresh = tmp_path / "fresh"
    code, _, err = run(capsys, "import", str(trig), "--store", str(fresh))
    # two graphs per document, and the shared graph of actors
    assert code == 0 and err.startswith("imported ") and "into 5 graphs" in err
    code, out, _ = run(capsys, "query", "documents", "--format", "csv", "--store", str(fresh))
    assert out.splitlines()[1:] == ["ankara-ar,ar,2024-04-20,قالن يلتقي وفد حماس,3",
                                    "doha-en,en,2024-05-06,Talks in Doha,3"]
    code, out, _ = run(capsys, "validate", "--store", str(fresh))
    assert (code, out) == (0, "conforms\n")


def test_malformed_import_exits_2_and_leaves_the_store_as_it_was(capsys, graph_store_dir,
                                                                 tmp_path: Path):
    bad = tmp_path / "bad.nt"
    bad.write_text("<https://x.org/a> <https://x.org/p> .\n", encoding="utf-8")
    _, before, _ = run(capsys, "query", "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }",
                       "--store", str(graph_store_dir))
    code, _, err = run(capsys, "import", str(bad), "--store", str(graph_store_dir))
    assert code == 2 and "bad.nt: malformed ntriples" in err and err.count("\n") == 1
    _, after, _ = run(capsys, "query", "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }",
                      "--store", str(graph_store_dir))
    assert after == before


def test_validate_a_broken_file_exits_1_with_a_readable_report(capsys, graph_store_dir,
                                                               tmp_path):
    ttl = tmp_path / "graph.ttl"
    run(capsys, "export", "--out", str(ttl), "--store", str(graph_store_dir))
    text = ttl.read_text(encoding="utf-8")
    ttl.write_text(text.replace("mg:confidence 0.8 ;", "mg:confidence 80.0 ;"), encoding="utf-8")
    code, out, _ = run(capsys, "validate", str(ttl))
    assert code == 1
    assert out.splitlines()[-1] == "does not conform: 1 violation"
    assert "mg:confidence" in out.splitlines()[0]


def test_recount_on_an_up_to_date_store_changes_nothing(capsys, graph_store_dir):
    code, _, err = run(capsys, "recount", "--store", str(graph_store_dir))
    assert code == 0 and err == f"recounted {graph_store_dir}: 0 counts changed\n"
