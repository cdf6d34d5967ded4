"""A remote SPARQL 1.1 store: builds write each document graph with the Graph Store Protocol,
queries go through the SPARQL endpoint, and both agree with the embedded store. Runs against a
real ``oxigraph serve`` started here; skipped without the ``oxigraph`` command, except in CI."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from typing import ClassVar

import pytest

from mediation_graph.cli import main as cli
from mediation_graph.scale.remote import Endpoints, RemoteStore, with_prefixes
from scale_helpers import build, store_quads, write_corpus

N = 10


def oxigraph_command() -> str:
    beside_python = str(Path(sys.executable).parent)  # the venv's bin, when not on PATH
    found = shutil.which("oxigraph") or shutil.which("oxigraph", path=beside_python)
    if found is None:
        if os.environ.get("CI") == "true":
            pytest.fail("the oxigraph command is missing (pip install oxigraph)")
        pytest.skip("the oxigraph command is missing (pip install oxigraph)")
    return found


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    """A fresh Oxigraph server on a free port, stopped after the test."""
    port = free_port()
    process = subprocess.Popen(
        [oxigraph_command(), "serve", "--location", str(tmp_path / "server"),
         "--bind", f"127.0.0.1:{port}", "--union-default-graph"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                assert process.poll() is None, process.stderr.read().decode()
                time.sleep(0.05)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)


def query(capsys, store: str | Path, sparql: str) -> str:
    assert cli.main(["query", sparql, "--store", str(store), "--format", "csv"]) == 0
    return capsys.readouterr().out


def test_a_remote_build_round_trips_through_the_server(server, tmp_path, capsys):
    corpus = write_corpus(tmp_path / "corpus.jsonl", N)
    assert build(corpus, "--out", tmp_path / "remote", "--store", server) == 0
    assert build(corpus, "--out", tmp_path / "local") == 0
    remote_events = (tmp_path / "remote" / "events.jsonl").read_bytes()
    assert remote_events == (tmp_path / "local" / "events.jsonl").read_bytes()

    # Every quad of the embedded store is on the server, in the same named graph.
    with RemoteStore(Endpoints.from_url(server)) as remote:
        rows = remote.select("SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        served = sorted(f"{r['s']} {r['p']} {r['o']} {r['g']}" for r in rows)
    assert served == store_quads(tmp_path / "local" / "store")

    for name in ("events-by-type", "mediation-network", "who-met-whom"):
        assert query(capsys, server, name) == query(capsys, tmp_path / "local" / "store", name)


def test_a_second_remote_build_skips_and_a_changed_document_is_replaced(server, tmp_path,
                                                                       capsys):
    corpus = write_corpus(tmp_path / "corpus.jsonl", N)
    out = tmp_path / "out"
    assert build(corpus, "--out", out, "--store", server) == 0
    assert cli.main(["build", str(corpus), "--out", str(out), "--store", server]) == 0
    assert f"built 0 document(s), skipped {N} unchanged" in capsys.readouterr().err

    write_corpus(corpus, N, changed=frozenset({1}))
    (out / "events.jsonl").unlink()  # skipped documents' events then come from the server
    assert build(corpus, "--out", out, "--store", server) == 0
    fresh = tmp_path / "fresh"
    assert build(corpus, "--out", fresh) == 0
    assert (out / "events.jsonl").read_bytes() == (fresh / "events.jsonl").read_bytes()
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?e a sem:Event }"
    assert query(capsys, server, count) == query(capsys, fresh / "store", count)


def test_remote_errors_are_one_line(server, tmp_path, capsys):
    assert cli.main(["query", "SELECT ?x WHERE { ?x }", "--store", server]) == 2
    assert "the store rejected the query" in capsys.readouterr().err
    assert cli.main(["query", "ASK {}", "--store", f"http://127.0.0.1:{free_port()}"]) == 1
    assert "cannot reach store" in capsys.readouterr().err


class _Recorder(BaseHTTPRequestHandler):
    """Answers 401 to everything and remembers the Authorization header it was sent."""

    seen: ClassVar[list[str | None]] = []

    def do_POST(self) -> None:
        self.seen.append(self.headers.get("Authorization"))
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.send_response(401)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args: object) -> None:
        return None


@pytest.fixture
def refusing_server() -> Iterator[str]:
    httpd = HTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_credentials_come_from_the_environment_or_the_config_file(refusing_server, tmp_path,
                                                                  monkeypatch, capsys):
    _Recorder.seen.clear()
    monkeypatch.setenv("MEDIATION_GRAPH_STORE_TOKEN", "s3cret")
    assert cli.main(["query", "ASK {}", "--store", refusing_server]) == 1
    assert "refused" in capsys.readouterr().err

    monkeypatch.delenv("MEDIATION_GRAPH_STORE_TOKEN")
    monkeypatch.setenv("GRAPHDB_PASSWORD", "pw")
    config = tmp_path / "store.toml"
    config.write_text('[store]\nquery = "repositories/news"\nuser = "analyst"\n'
                      'password_env = "GRAPHDB_PASSWORD"\n', encoding="utf-8")
    assert cli.main(["query", "ASK {}", "--store", refusing_server,
                     "--store-config", str(config)]) == 1
    assert _Recorder.seen == ["Bearer s3cret", "Basic YW5hbHlzdDpwdw=="]


def test_config_endpoints_and_undeclared_prefixes():
    endpoints = Endpoints.from_url("https://db.example.org/ds/")
    assert (endpoints.query, endpoints.update, endpoints.data) == (
        "https://db.example.org/ds/query", "https://db.example.org/ds/update",
        "https://db.example.org/ds/store")
    text = with_prefixes("PREFIX sem: <http://example.org/> SELECT * { ?e a sem:Event ; mg:x ?y }")
    assert text.count("PREFIX sem:") == 1 and text.startswith("PREFIX mg:")
