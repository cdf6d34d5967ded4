"""A build killed midway (SIGKILL: no cleanup at all) leaves a store that opens, holds every
document it had finished, and a second build ends exactly where an uninterrupted one does."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from pathlib import Path

from scale_helpers import build, manifest_hashes, store_quads, write_corpus

N = 120
_PROGRESS = re.compile(r"^documents (\d+)")


def start_build(corpus: Path, out: Path) -> subprocess.Popen:
    command = [sys.executable, "-m", "mediation_graph.cli.main", "build", str(corpus),
               "--out", str(out), "--batch-size", "1", "--progress"]
    return subprocess.Popen(command, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONUNBUFFERED": "1"})


def kill_after(process: subprocess.Popen, documents: int) -> int:
    """SIGKILL the build once its progress line reports ``documents`` written."""
    assert process.stderr is not None
    for line in process.stderr:
        match = _PROGRESS.match(line.replace(",", ""))
        if match and int(match.group(1)) >= documents:
            process.send_signal(signal.SIGKILL)
            process.wait()
            return int(match.group(1))
    process.wait()
    raise AssertionError(f"the build ended before {documents} documents "
                         f"(exit {process.returncode})")


def test_a_killed_build_resumes_and_ends_like_an_uninterrupted_one(tmp_path):
    corpus = write_corpus(tmp_path / "corpus.jsonl", N)
    out = tmp_path / "killed"
    kill_after(start_build(corpus, out), 1)

    finished = manifest_hashes(out / "store")  # the store opens after the kill
    assert 1 <= len(finished) < N
    assert not (out / "events.jsonl").exists()  # outputs appear whole or not at all

    assert build(corpus, "--out", out) == 0
    reference = tmp_path / "reference"
    assert build(corpus, "--out", reference) == 0
    assert store_quads(out / "store") == store_quads(reference / "store")
    for name in ("events.jsonl", "graph.ttl"):
        assert (out / name).read_bytes() == (reference / name).read_bytes()
