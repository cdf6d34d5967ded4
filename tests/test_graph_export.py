"""Exports round-trip; imports are whole or nothing and never fetch a remote context."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import rdflib
from rdflib.compare import isomorphic

from mediation_graph import __version__
from mediation_graph.errors import InputError
from mediation_graph.graph import namespaces as ns
from mediation_graph.graph.convert import SHARED_GRAPH
from mediation_graph.graph.store import Store
from mediation_graph.graph.validate import store_graph

# rdflib's own TriG, N-Quads and JSON-LD plugins still use its deprecated dataset API
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def store_dataset(store: Store) -> dict[str, rdflib.Graph]:
    """Each named graph of the store as an rdflib graph, keyed by its IRI."""
    graphs: dict[str, rdflib.Graph] = {}
    for quad in store.oxigraph:
        graph = graphs.setdefault(quad.graph_name.value, rdflib.Graph())
        nq = f"{quad.triple} .\n"
        graph.parse(data=nq, format="nt")
    return graphs


def file_dataset(path: Path, fmt: str) -> dict[str, rdflib.Graph]:
    dataset = rdflib.Dataset()
    dataset.parse(path, format=fmt)
    graphs: dict[str, rdflib.Graph] = {}
    for s, p, o, g in dataset.quads((None, None, None, None)):
        graphs.setdefault(str(g), rdflib.Graph()).add((s, p, o))
    return graphs


def same_graphs(left: dict[str, rdflib.Graph], right: dict[str, rdflib.Graph]) -> bool:
    return left.keys() == right.keys() and all(isomorphic(left[k], right[k]) for k in left)


def test_turtle_export_round_trips_to_the_union_of_the_graphs(graph_store, tmp_path):
    out = tmp_path / "graph.ttl"
    graph_store.export("turtle", out)
    assert out.read_text(encoding="utf-8").startswith("@prefix ")
    assert isomorphic(rdflib.Graph().parse(out, format="turtle"), store_graph(graph_store.oxigraph))


def test_trig_export_round_trips_graph_by_graph(graph_store, tmp_path):
    out = tmp_path / "graph.trig"
    graph_store.export("trig", out)
    assert same_graphs(file_dataset(out, "trig"), store_dataset(graph_store))


def test_jsonld_export_is_compact_with_the_inline_context_and_round_trips(graph_store, tmp_path):
    out = tmp_path / "graph.jsonld"
    graph_store.export("jsonld", out)
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["@context"]["mg"] == ns.MG  # inline, not a URL
    assert "mg:eventId" in out.read_text(encoding="utf-8")  # compacted terms
    assert same_graphs(file_dataset(out, "json-ld"), store_dataset(graph_store))


def test_nquads_keep_the_graphs_and_ntriples_merge_them(graph_store, tmp_path):
    graph_store.export("nquads", tmp_path / "graph.nq")
    assert same_graphs(file_dataset(tmp_path / "graph.nq", "nquads"), store_dataset(graph_store))
    graph_store.export("ntriples", tmp_path / "graph.nt")
    merged = rdflib.Graph().parse(tmp_path / "graph.nt", format="nt")
    assert isomorphic(merged, store_graph(graph_store.oxigraph))


def test_one_documents_export_holds_its_graphs_and_the_actors_it_names(graph_store, tmp_path):
    out = tmp_path / "doha.trig"
    graph_store.export("trig", out, doc_id="doha-en")
    graphs = file_dataset(out, "trig")
    assert set(graphs) == {ns.doc_graph_iri("doha-en"), ns.rel_graph_iri("doha-en"),
                           SHARED_GRAPH}
    described = {str(s) for s in graphs[SHARED_GRAPH].subjects()}
    # The asserted mediation gives four dyads, the accusation one; "will meet" none.
    dyads = {ns.dyad_iri(a, r, "VerbalCooperation") for a in ("QAT", "EGY")
             for r in ("HAMAS", "ISR")} | {ns.dyad_iri("ISR", "HAMAS", "VerbalConflict")}
    tallies = {ns.tally_iri(kind, False, modality) for kind, modality in (
        ("CONSULT", "asserted"), ("ACCUSE", "asserted"), ("CONSULT", "future"))}
    assert described == {ns.entity_iri(e) for e in ("QAT", "EGY", "HAMAS", "ISR", "USA")} | {
        ns.agent_iri(__version__)} | dyads | tallies  # Turkey and Kalın: Arabic document only


def test_export_of_an_unknown_document_or_format_is_an_input_error(graph_store, tmp_path):
    with pytest.raises(InputError, match="no document"):
        graph_store.export("turtle", tmp_path / "x.ttl", doc_id="nope")
    with pytest.raises(InputError, match="unknown export format"):
        graph_store.export("rdfxml", tmp_path / "x.rdf")
    assert list(tmp_path.iterdir()) == []  # nothing written, not even a temporary file


def test_a_trig_export_imported_elsewhere_gives_the_same_store(graph_store, tmp_path):
    out = tmp_path / "graph.trig"
    graph_store.export("trig", out)
    with Store() as other:
        quads, graphs = other.import_file(out)
        assert graphs == 5  # two per document and the shared actor graph
        assert {str(q) for q in other.oxigraph} == {str(q) for q in graph_store.oxigraph}
        other.import_file(out)  # again: the graphs are replaced, not doubled
        assert len(other) == len(graph_store) == quads


def test_triples_without_a_graph_go_to_one_graph_per_imported_file(tmp_path):
    data = tmp_path / "extra.ttl"
    data.write_text('<https://example.org/a> <https://example.org/p> "x" .\n', encoding="utf-8")
    with Store() as store:
        store.import_file(data)
        data.write_text('<https://example.org/a> <https://example.org/p> "y" .\n',
                        encoding="utf-8")
        store.import_file(data)
        values = [row[0].value for row in store.query(
            "SELECT ?o WHERE { <https://example.org/a> ?p ?o }").rows]
        assert values == ["y"]


def test_malformed_input_is_one_clear_error_and_writes_nothing(graph_store, tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text('<https://example.org/a> <https://example.org/p> "ok" .\n'
                   '<https://example.org/b> <https://example.org/p> "broken .\n',
                   encoding="utf-8")
    before = len(graph_store)
    with pytest.raises(InputError, match=r"bad.ttl: malformed turtle"):
        graph_store.import_file(bad)
    assert len(graph_store) == before


def test_a_remote_jsonld_context_is_refused_and_never_fetched(graph_store, tmp_path):
    remote = tmp_path / "remote.jsonld"
    remote.write_text(json.dumps({"@context": "https://schema.org/", "@id": "https://x.org/a",
                                  "name": "A"}), encoding="utf-8")
    with pytest.raises(InputError, match="refusing the remote JSON-LD context https://schema"):
        graph_store.import_file(remote)
    nested = tmp_path / "nested.jsonld"
    nested.write_text(json.dumps({"@context": {"@import": "https://x.org/ctx.jsonld"},
                                  "@id": "https://x.org/a"}), encoding="utf-8")
    with pytest.raises(InputError, match="refusing"):
        graph_store.import_file(nested)


def test_jsonld_with_an_inline_context_imports(tmp_path):
    inline = tmp_path / "inline.jsonld"
    inline.write_text(json.dumps({"@context": {"name": "https://schema.org/name"},
                                  "@id": "https://x.org/a", "name": "A"}), encoding="utf-8")
    with Store() as store:
        assert store.import_file(inline) == (1, 1)


def test_unknown_file_names_need_a_format(tmp_path):
    odd = tmp_path / "data.txt"
    odd.write_text("", encoding="utf-8")
    with Store() as store, pytest.raises(InputError, match="pass --format"):
        store.import_file(odd)
