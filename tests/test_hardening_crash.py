"""A build killed with SIGKILL at random moments (no cleanup runs at all) leaves a store that
opens and holds, whole, every document it had finished; outputs are either absent or complete;
and the next build ends exactly where an uninterrupted one does.

test_scale_resume.py kills once after the first document; here three kills in a row land at
random moments between a build's first document and the end of its outputs, each on the remains
of the one before."""

from __future__ import annotations

import json
import os
import random
import re
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from mediation_graph.graph import namespaces as ns
from scale_helpers import build, manifest_hashes, write_corpus

N = 120
KILLS = 3
_PROGRESS = re.compile(r"^documents (\d+)")


@dataclass
class Run:
    reported: int  # the last document count the build printed
    documents_done: float  # seconds from its first progress line to its last one
    ended: float  # seconds from its first progress line to its end


def build_process(corpus: Path, out: Path, kill_after: float | None) -> Run:
    """Run a build; with ``kill_after``, SIGKILL it that many seconds after its first progress
    line (past the imports, at its first document)."""
    command = [sys.executable, "-m", "mediation_graph.cli.main", "build", str(corpus),
               "--out", str(out), "--batch-size", "1", "--progress"]
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True,
                               env={**os.environ, "PYTHONUNBUFFERED": "1"})
    assert process.stderr is not None
    for line in process.stderr:
        if _PROGRESS.match(line):
            break
    first_line = time.monotonic()
    if kill_after is not None:
        time.sleep(kill_after)
        process.send_signal(signal.SIGKILL)
    reported, last_line = 0, first_line
    for line in process.stderr:  # what it printed before it ended
        match = _PROGRESS.match(line.replace(",", ""))
        if match:
            reported, last_line = int(match.group(1)), time.monotonic()
    process.wait()
    return Run(reported, last_line - first_line, time.monotonic() - first_line)


def graph_quads(store: ox.Store, doc_id: str) -> set[str]:
    """What a document put in its own graph and its relations graph."""
    graphs = (ox.NamedNode(ns.doc_graph_iri(doc_id)), ox.NamedNode(ns.rel_graph_iri(doc_id)))
    return {str(q) for g in graphs for q in store.quads_for_pattern(None, None, None, g)}


def finished_documents(out: Path) -> dict[str, set[str]]:
    """Each document the manifest lists as finished, with the quads stored for it."""
    listed = set(manifest_hashes(out / "store"))  # opening it is the first check
    ids = [f"doc{i:04d}" for i in range(N) if ns.doc_graph_iri(f"doc{i:04d}") in listed]
    assert len(ids) == len(listed)
    store = ox.Store(str(out / "store"))
    try:
        return {doc_id: graph_quads(store, doc_id) for doc_id in ids}
    finally:
        del store  # frees RocksDB's lock for the next build


def assert_outputs_whole(out: Path, reference: Path) -> None:
    """An output is absent, or complete: never a prefix of what it was going to be."""
    for name in ("events.jsonl", "graph.ttl"):
        if (out / name).exists():
            assert (out / name).read_bytes() == (reference / name).read_bytes(), name
    if (out / "graph.jsonld").exists():
        json.loads((out / "graph.jsonld").read_text(encoding="utf-8"))
    if (out / "graph.html").exists():
        assert (out / "graph.html").read_text(encoding="utf-8").rstrip().endswith("</html>")


def test_random_kills_lose_no_finished_document_and_the_rerun_completes(tmp_path):
    corpus = write_corpus(tmp_path / "corpus.jsonl", N)
    reference = tmp_path / "reference"
    timing = build_process(corpus, reference, kill_after=None)
    expected = finished_documents(reference)
    assert len(expected) == N

    seed = random.randrange(1_000_000)
    rng = random.Random(seed)
    out = tmp_path / "killed"
    finished: dict[str, set[str]] = {}
    for kill in range(1, KILLS + 1):
        # the first kills while documents are written (within what is left to do), the last
        # while the outputs are
        left = timing.documents_done * (N - len(finished)) / N
        delay = rng.uniform(0, left) if kill < KILLS else rng.uniform(left, timing.ended)
        reported = build_process(corpus, out, kill_after=delay).reported
        context = f"seed {seed}, kill {kill} at {delay:.2f} s, {reported} documents reported"
        finished = finished_documents(out)
        assert len(finished) >= reported, context
        for doc_id, quads in finished.items():
            assert quads == expected[doc_id], f"{doc_id} stored in part ({context})"
        assert_outputs_whole(out, reference)

    assert build(corpus, "--out", out) == 0
    assert finished_documents(out) == expected
    for name in ("events.jsonl", "graph.ttl"):
        assert (out / name).read_bytes() == (reference / name).read_bytes()


def test_an_output_is_replaced_in_one_step(tmp_path):
    """While a second build runs, a reader sees the old events.jsonl or the new one, never a
    mixture: the new file is written aside and renamed over the old."""
    out = tmp_path / "out"
    first = write_corpus(tmp_path / "first.jsonl", 6)
    assert build(first, "--out", out) == 0
    old = (out / "events.jsonl").read_bytes()
    inode = (out / "events.jsonl").stat().st_ino

    second = write_corpus(tmp_path / "second.jsonl", 12)
    seen: set[bytes] = set()
    done = threading.Event()

    def watch() -> None:
        while not done.is_set():
            seen.add((out / "events.jsonl").read_bytes())

    watcher = threading.Thread(target=watch)
    watcher.start()
    try:
        assert build(second, "--out", out) == 0
    finally:
        done.set()
        watcher.join()
    new = (out / "events.jsonl").read_bytes()
    assert new != old
    assert seen <= {old, new}
    assert (out / "events.jsonl").stat().st_ino != inode  # a rename, not a rewrite in place
    assert not list(out.glob(".*.tmp"))
