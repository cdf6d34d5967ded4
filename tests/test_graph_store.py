"""The persistent store: one graph per document, idempotent builds, one writer at a time."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from pathlib import Path

import pytest

from mediation_graph.errors import InputError, RuntimeFailure
from mediation_graph.graph.store import Store


def quad_set(store: Store) -> set[str]:
    return {str(q) for q in store.oxigraph}


def test_building_the_same_document_twice_changes_nothing(graph_store, graph_results):
    before = quad_set(graph_store)
    graph_store.add_document(graph_results[0])
    assert quad_set(graph_store) == before


def test_two_builds_of_the_same_inputs_give_the_same_store(graph_results, tmp_path):
    stores = []
    for name in ("one", "two"):
        with Store(tmp_path / name) as store:
            for result in graph_results:
                store.add_document(result)
            stores.append(quad_set(store))
    # no blank nodes anywhere: identical quads means isomorphic
    assert stores[0] == stores[1]
    assert not any("_:" in quad for quad in stores[0])


def test_rebuilding_a_document_replaces_its_graphs(graph_store, graph_results):
    arabic = graph_results[0]
    fewer = dataclasses.replace(arabic, events=arabic.events[:1])
    graph_store.add_document(fewer)
    assert graph_store.events("ankara-ar") == arabic.events[:1]
    # the mediation is gone from the Arabic document's relation graph, not from the English one
    rows = graph_store.query(
        "SELECT DISTINCT ?p WHERE { GRAPH ?g { entity:TUR rel:mediates ?p } }").rows
    assert rows == []
    assert len(graph_store.events("doha-en")) == 3


def test_bulk_loading_gives_the_same_store_as_adding_one_by_one(graph_store, graph_results):
    with Store() as bulk:
        bulk.add_documents(graph_results)
        bulk.add_documents(graph_results)  # again: replaced, not duplicated
        assert quad_set(bulk) == quad_set(graph_store)


def test_a_second_process_gets_a_clear_message_not_a_lock_trace(graph_store_dir):
    probe = (
        "import sys\n"
        "from pathlib import Path\n"
        "from mediation_graph.graph.store import Store\n"
        "from mediation_graph.errors import RuntimeFailure\n"
        "try:\n"
        "    Store(Path(sys.argv[1]))\n"
        "except RuntimeFailure as exc:\n"
        "    print(exc)\n"
    )
    with Store(graph_store_dir):
        done = subprocess.run([sys.executable, "-c", probe, str(graph_store_dir)],
                              capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == (
        f"store {graph_store_dir} is in use by another mediation-graph process")
    assert done.stderr == ""


def test_the_lock_is_released_on_close(graph_store_dir):
    with Store(graph_store_dir) as store:
        assert len(store.events()) == 6
    with Store(graph_store_dir) as store:  # would raise if the first were still open
        assert len(store.documents()) == 2


def test_a_second_opener_in_the_same_process_is_refused_too(graph_store_dir):
    with Store(graph_store_dir), pytest.raises(RuntimeFailure, match="in use"):
        Store(graph_store_dir)


def test_a_file_where_the_store_should_be_is_an_input_error(tmp_path: Path):
    (tmp_path / "store").write_text("not a store")
    with pytest.raises(InputError, match="not a directory"):
        Store(tmp_path / "store")


def test_asking_for_an_unknown_document_is_an_input_error(graph_store):
    with pytest.raises(InputError, match="no document 'nope'"):
        graph_store.events("nope")
