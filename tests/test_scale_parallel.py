"""Extraction in worker processes or on a Dask cluster writes the same store, byte for byte in
events.jsonl, as one process: results come back to the single writer in input order."""

from __future__ import annotations

from pathlib import Path

import pytest

from scale_helpers import build, store_quads, write_corpus

N = 24


@pytest.fixture(scope="module")
def one_worker(tmp_path_factory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("serial")
    corpus = write_corpus(root / "corpus.jsonl", N)
    assert build(corpus, "--out", root / "out", "--batch-size", "8") == 0
    return corpus, root / "out"


def same_build(a: Path, b: Path) -> None:
    assert store_quads(a / "store") == store_quads(b / "store")
    assert (a / "events.jsonl").read_bytes() == (b / "events.jsonl").read_bytes()


def test_two_worker_processes_give_the_same_store_as_one(one_worker, tmp_path):
    corpus, reference = one_worker
    out = tmp_path / "out"
    assert build(corpus, "--out", out, "--workers", "2", "--batch-size", "3") == 0
    same_build(reference, out)


def test_a_dask_cluster_gives_the_same_store_as_one_worker(one_worker, tmp_path):
    distributed = pytest.importorskip("distributed")
    corpus, reference = one_worker
    out = tmp_path / "out"
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None, host="127.0.0.1") as cluster:
        assert build(corpus, "--out", out, "--dask", cluster.scheduler_address,
                     "--batch-size", "5") == 0
    same_build(reference, out)


def test_an_unreachable_scheduler_is_one_line_and_exit_1(tmp_path, capsys):
    dask = pytest.importorskip("dask")
    pytest.importorskip("distributed")
    corpus = write_corpus(tmp_path / "c.jsonl", 1)
    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}):
        assert build(corpus, "--out", tmp_path / "o", "--dask", "tcp://127.0.0.1:9") == 1
    assert "cannot reach the Dask scheduler" in capsys.readouterr().err


def test_a_broken_lexicon_in_the_workers_is_one_error_not_a_hang(tmp_path, monkeypatch, capsys):
    corpus = write_corpus(tmp_path / "c.jsonl", 4)
    (tmp_path / "ontology").mkdir()
    monkeypatch.setenv("MEDIATION_GRAPH_ONTOLOGY", str(tmp_path / "ontology"))
    assert build(corpus, "--out", tmp_path / "o", "--workers", "2") == 2
    assert "lexicon" in capsys.readouterr().err
