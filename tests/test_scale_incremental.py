"""Incremental builds: unchanged documents are skipped, changed ones replace their graphs, and
the outputs always describe every input document."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mediation_graph.model import Document
from mediation_graph.scale.manifest import content_hash
from scale_helpers import build, manifest_hashes, store_quads, write_corpus

N = 12


@pytest.fixture
def first_build(tmp_path: Path) -> tuple[Path, Path]:
    corpus = write_corpus(tmp_path / "corpus.jsonl", N)
    out = tmp_path / "out"
    assert build(corpus, "--out", out) == 0
    return corpus, out


def events_of(out: Path) -> list[dict]:
    lines = (out / "events.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def test_the_manifest_lists_every_built_document(first_build):
    _, out = first_build
    assert len(manifest_hashes(out / "store")) == N


def test_a_second_build_of_the_same_corpus_skips_everything_and_keeps_the_outputs(
        first_build, capsys):
    corpus, out = first_build
    quads = store_quads(out / "store")
    events = (out / "events.jsonl").read_bytes()
    graph_files = {name: (out / name).stat().st_mtime_ns
                   for name in ("graph.ttl", "graph.jsonld", "graph.html")}

    from mediation_graph.cli import main as cli
    assert cli.main(["build", str(corpus), "--out", str(out)]) == 0

    summary = capsys.readouterr().err
    assert f"built 0 document(s), skipped {N} unchanged" in summary
    assert store_quads(out / "store") == quads
    assert (out / "events.jsonl").read_bytes() == events
    assert {n: (out / n).stat().st_mtime_ns for n in graph_files} == graph_files


def test_a_changed_document_replaces_its_graph_and_nothing_else(first_build, tmp_path):
    corpus, out = first_build
    before = manifest_hashes(out / "store")
    write_corpus(corpus, N, changed=frozenset({0}))
    assert build(corpus, "--out", out) == 0
    after = manifest_hashes(out / "store")

    assert [iri for iri in before if before[iri] != after[iri]] != []
    assert len([iri for iri in before if before[iri] != after[iri]]) == 1
    # The store now holds exactly what a fresh build of the new corpus holds.
    fresh = tmp_path / "fresh"
    assert build(corpus, "--out", fresh) == 0
    assert store_quads(out / "store") == store_quads(fresh / "store")
    assert (out / "events.jsonl").read_bytes() == (fresh / "events.jsonl").read_bytes()
    assert not any("Hamas" in e["text"] for e in events_of(out) if e["doc_id"] == "doc0000")


def test_events_of_skipped_documents_come_back_from_the_store_without_the_old_file(
        first_build):
    corpus, out = first_build
    expected = (out / "events.jsonl").read_bytes()
    (out / "events.jsonl").unlink()
    assert build(corpus, "--out", out) == 0
    assert (out / "events.jsonl").read_bytes() == expected


def test_rebuild_builds_unchanged_documents_again(first_build, capsys):
    corpus, out = first_build
    quads = store_quads(out / "store")
    from mediation_graph.cli import main as cli
    assert cli.main(["build", str(corpus), "--out", str(out), "--rebuild"]) == 0
    assert f"built {N} document(s), skipped 0 unchanged" in capsys.readouterr().err
    assert store_quads(out / "store") == quads


def test_a_subset_of_the_corpus_lists_only_its_own_events(first_build, tmp_path):
    corpus, out = first_build
    half = tmp_path / "half.jsonl"
    half.write_text("".join(corpus.read_text(encoding="utf-8").splitlines(True)[:N // 2]),
                    encoding="utf-8")
    assert build(half, "--out", out) == 0
    doc_ids = {e["doc_id"] for e in events_of(out)}
    assert doc_ids and all(int(d[3:]) < N // 2 for d in doc_ids)
    assert len(manifest_hashes(out / "store")) == N  # nothing was removed from the store


def test_the_content_hash_covers_what_extraction_reads():
    base = Document("a", "Qatar mediated.", "en", "2024-01-01", None, "title")
    variants = [Document("b", "Qatar mediated.", "en", "2024-01-01", None, "title"),
                Document("a", "Oman mediated.", "en", "2024-01-01", None, "title"),
                Document("a", "Qatar mediated.", "ar", "2024-01-01", None, "title"),
                Document("a", "Qatar mediated.", "en", "2024-01-02", None, "title"),
                Document("a", "Qatar mediated.", "en", "2024-01-01", None, "other")]
    assert content_hash(base) == content_hash(
        Document("a", "Qatar mediated.", "en", "2024-01-01", None, "title", origin="elsewhere"))
    assert len({content_hash(d) for d in [base, *variants]}) == len(variants) + 1


def test_bad_option_values_are_usage_errors(tmp_path, capsys):
    corpus = write_corpus(tmp_path / "c.jsonl", 1)
    for option in (["--workers", "0"], ["--batch-size", "0"],
                   ["--workers", "2", "--dask", "tcp://127.0.0.1:1"]):
        assert build(corpus, "--out", tmp_path / "o", *option) == 2
    assert capsys.readouterr().err.count("error:") == 3
