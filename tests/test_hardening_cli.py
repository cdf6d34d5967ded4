"""The command line against broken input: an exit code (2: the input is at fault, 1: the tool
could not finish), one line on stderr and no traceback, and nothing half-written (outputs absent
or unchanged, the store as it was). Commands that write, or might reach the network, run as
processes of their own; the rest call the same entry point in this process."""

from __future__ import annotations

import http.server
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest

from mediation_graph.cli.main import main
from mediation_graph.text import reading
from mediation_graph.text.reading import ReadOptions, read_inputs

CLI = Path(sys.executable).parent / "mediation-graph"
ENGLISH = "Qatar mediated talks between Hamas and Israel in Cairo."
ARABIC = "استضافت قطر محادثات بين حماس وإسرائيل بوساطة مصرية."


def run(*args: str | Path, cwd: Path) -> tuple[int, str, str]:
    """A command as a separate process, the way a user runs it."""
    done = subprocess.run([str(CLI), *map(str, args)], cwd=cwd, capture_output=True, text=True,
                          timeout=120, check=False)
    return done.returncode, done.stdout, done.stderr


@pytest.fixture
def cli(capsys, monkeypatch):
    """The same entry point in this process: exit code, stdout and stderr of one command. Most
    cases run here, since a process of their own costs a second or two of imports each."""
    def call(*args: str | Path, cwd: Path) -> tuple[int, str, str]:
        monkeypatch.chdir(cwd)
        capsys.readouterr()
        code = main([str(a) for a in args])
        out, err = capsys.readouterr()
        return code, out, err
    return call


def one_error_line(stderr: str) -> str:
    """The single line a failure prints: no traceback, no second line."""
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("mediation-graph: error: "), stderr
    assert "Traceback" not in stderr and "internal error" not in stderr
    return lines[0]


def leftovers(folder: Path) -> list[str]:
    """Temporary files an interrupted atomic write would leave behind."""
    return sorted(p.name for p in folder.rglob("*.tmp"))


def store_quads(path: Path) -> list[str]:
    store = ox.Store(str(path))
    try:
        return sorted(str(q) for q in store)
    finally:
        del store  # frees RocksDB's lock for the next opener


# -- reading news ---------------------------------------------------------------------------------
BROKEN_FILES: dict[str, tuple[bytes, str]] = {
    "empty.txt": (b"", "empty file"),
    "blank.txt": (b" \n\t\n", "no text in it"),
    "report.txt": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "binary file, not text"),
    "photo.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file, not text"),
    "noise.txt": (bytes(0x80 + (i * 37) % 128 for i in range(3000)), "cannot decode the text"),
    "utf16le.txt": (ENGLISH.encode("utf-16-le"), "UTF-16 without a byte order mark"),
}


@pytest.mark.parametrize("name", BROKEN_FILES)
def test_a_broken_file_is_refused_with_one_line(tmp_path, cli, name):
    data, reason = BROKEN_FILES[name]
    (tmp_path / name).write_bytes(data)
    code, out, err = cli("extract", name, cwd=tmp_path)
    assert code == 2 and out == ""
    line = one_error_line(err)
    assert line.startswith(f"mediation-graph: error: {name}: ") and reason in line


def test_broken_files_among_good_ones_are_skipped_by_a_real_process(tmp_path):
    for name, (data, _reason) in BROKEN_FILES.items():
        (tmp_path / name).write_bytes(data)
    (tmp_path / "good.txt").write_text(ENGLISH, encoding="utf-8")
    code, out, err = run("extract", *BROKEN_FILES, "good.txt", "--on-error", "skip",
                         cwd=tmp_path)
    assert code == 0 and "Traceback" not in err
    assert '"doc_id": "good"' in out
    skipped = [line for line in err.splitlines() if line.startswith("mediation-graph: skipped: ")]
    assert [line.split(": ")[2] for line in skipped] == list(BROKEN_FILES)


def test_invalid_utf8_is_refused_at_its_byte_when_utf8_is_forced(tmp_path, cli):
    (tmp_path / "bad.txt").write_bytes(ENGLISH.encode() + b" \xc3\x28 more")
    code, out, err = cli("extract", "bad.txt", "--encoding", "utf-8", cwd=tmp_path)
    assert code == 2 and out == ""
    where = len(ENGLISH.encode()) + 1
    assert one_error_line(err).endswith(f"bad.txt: not valid utf-8 at byte {where}")


def test_utf16_and_windows_1256_are_decoded_and_offsets_hold(tmp_path, cli):
    import json

    (tmp_path / "utf16.txt").write_bytes(ARABIC.encode("utf-16"))  # with a byte order mark
    (tmp_path / "legacy.txt").write_bytes(ARABIC.encode("cp1256"))
    (tmp_path / "stray.txt").write_bytes(ENGLISH.encode() + b"\xff")  # best guess decodes it
    for name, text in (("utf16.txt", ARABIC), ("legacy.txt", ARABIC), ("stray.txt", ENGLISH)):
        code, out, err = cli("extract", name, cwd=tmp_path)
        assert code == 0 and err == ""
        records = [json.loads(line) for line in out.splitlines()]
        assert records
        for record in records:
            assert record["text"].startswith(text[:20])
            start_, end = record["trigger"]["start"], record["trigger"]["end"]
            assert text[start_:end] == record["trigger"]["text"]


def test_a_jsonl_corpus_with_a_bad_line_names_the_line_and_skip_goes_on(tmp_path, cli):
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(f'{{"id": "a", "text": "{ENGLISH}"}}\n{{"id": "b", "text": \n'
                      f'{{"id": "c", "text": "Oman hosted talks between Iran and the '
                      f'United States."}}\n', encoding="utf-8")
    code, out, err = cli("extract", corpus, cwd=tmp_path)
    assert code == 2
    assert one_error_line(err).startswith(f"mediation-graph: error: {corpus}:2: ")
    code, out, err = cli("extract", corpus, "--on-error", "skip", cwd=tmp_path)
    assert code == 0
    assert {line.split('"doc_id": "')[1][0] for line in out.splitlines()} == {"a", "c"}
    assert f"skipped: {corpus}:2: " in err and "1 input(s) skipped" in err


def test_a_path_that_does_not_exist(tmp_path, cli):
    commands = [("extract", "nowhere.txt"), ("build", "nowhere.txt", "--out", "out"),
                ("query", "SELECT * WHERE { ?s ?p ?o }", "--store", "nostore"),
                ("import", "nowhere.ttl", "--store", "nostore")]
    for command in commands:
        code, _out, err = cli(*command, cwd=tmp_path)
        assert code == 2
        assert "nowhere" in one_error_line(err) or "nostore" in err
    assert not (tmp_path / "out" / "events.jsonl").exists()


def test_a_large_file_is_read_in_parts_with_bounded_memory(tmp_path, monkeypatch):
    """The parts mechanism on a few megabytes with a small part size; the 200 MB run is in
    benchmarks/robustness.py."""
    import tracemalloc

    part_bytes = 256 * 1024
    monkeypatch.setattr(reading, "MAX_DOCUMENT_BYTES", part_bytes)
    line = (ENGLISH + " ") * 20 + "\n"
    big = tmp_path / "big.txt"
    with big.open("w", encoding="utf-8") as handle:
        for _ in range(4 * 1024 * 1024 // len(line)):
            handle.write(line)
    tracemalloc.start()
    try:
        ids, total = [], 0
        for document in read_inputs([str(big)], ReadOptions(language="en")):
            ids.append(document.id)
            total += len(document.text.encode("utf-8"))
            assert document.text.endswith(ENGLISH + " \n")  # cut at a line end
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert total == big.stat().st_size
    assert ids[:2] == ["big", "big-part2"] and len(ids) == 16
    assert peak < 8 * part_bytes  # a few parts at most, never the whole file


def test_standard_input_is_read_in_parts_too(monkeypatch):
    import io

    monkeypatch.setattr(reading, "MAX_DOCUMENT_BYTES", 64 * 1024)
    data = ((ENGLISH + "\n") * 5000).encode("utf-8")  # about 290 KB through a pipe
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    documents = list(read_inputs(["-"], ReadOptions(language="en")))
    assert [d.id for d in documents[:2]] == ["stdin", "stdin-part2"] and len(documents) == 5
    assert "".join(d.text for d in documents) == data.decode("utf-8")
    assert all(d.origin == "<stdin>" for d in documents)


# -- the store and its queries --------------------------------------------------------------------
@pytest.fixture
def silent_server() -> Iterator[tuple[str, list[str]]]:
    """A local HTTP server that records every request: a URL nothing may ever fetch."""
    requests: list[str] = []

    class Recorder(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # the standard library's name
            requests.append(self.path)
            self.send_response(200)
            self.end_headers()

        do_POST = do_GET

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", requests
    finally:
        server.shutdown()
        server.server_close()


def test_malformed_rdf_and_remote_contexts_are_refused_and_the_store_unchanged(
        tmp_path, graph_store_dir, silent_server, cli):
    url, requests = silent_server
    before = store_quads(graph_store_dir)
    files = {
        "broken.ttl": "@prefix ex: <http://example.org/> .\nex:a ex:b ",
        "broken.jsonld": '{"@id": "http://example.org/a", ',
        "remote.jsonld": f'{{"@context": "{url}/context.jsonld", "@id": "http://example.org/a",'
                         ' "name": "x"}',
        "nested.jsonld": '{"@context": {"ex": "http://example.org/"}, "@graph": [{"@context": '
                         f'{{"@import": "{url}/imported.jsonld"}}, "@id": "ex:b"}}]}}',
    }
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    for name in files:
        code, _out, err = cli("import", name, "--store", graph_store_dir, cwd=tmp_path)
        assert code == 2, (name, err)
        line = one_error_line(err)
        assert "malformed" in line or "not valid JSON" in line or "remote JSON-LD context" in line
    assert requests == []  # the remote contexts were never fetched
    assert store_quads(graph_store_dir) == before


def test_a_sparql_syntax_error_and_a_service_clause(tmp_path, graph_store_dir, silent_server,
                                                     cli):
    url, requests = silent_server
    service = f"SELECT * WHERE {{ SERVICE <{url}/sparql> {{ ?s ?p ?o }} }}"
    code, out, err = run("query", service, "--store", graph_store_dir, cwd=tmp_path)
    assert code == 2 and out == ""
    assert "query refused: SERVICE clauses are refused" in one_error_line(err)
    queries = {
        "SELECT * WHERE { ?s ?p ": "SPARQL syntax error",
        # the escaped keyword is the same keyword (SPARQL 1.1, 19.2)
        f"SELECT * WHERE {{ \\u0053ERVICE <{url}/sparql> {{ ?s ?p ?o }} }}": "SERVICE",
    }
    for query, reason in queries.items():
        code, out, err = cli("query", query, "--store", graph_store_dir, cwd=tmp_path)
        assert code == 2 and out == ""
        assert reason in one_error_line(err)
    assert requests == []


# -- outputs that cannot be written ----------------------------------------------------------------
def test_an_output_folder_that_cannot_be_made(tmp_path, cli):
    """Root ignores permission bits, so the folder is made impossible: a file stands in its
    place (or in the place of a file the command writes)."""
    (tmp_path / "news.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "a-file").write_text("in the way", encoding="utf-8")
    (tmp_path / "out" / "graph.ttl").mkdir(parents=True)  # a folder where a file goes
    code, _out, err = cli("build", "news.txt", "--out", "a-file/out", "--quiet", cwd=tmp_path)
    assert code == 1
    assert "cannot create a-file" in one_error_line(err)
    code, _out, err = run("build", "news.txt", "--out", "out", "--quiet", cwd=tmp_path)
    assert code == 1
    assert one_error_line(err).endswith("error: cannot write out/graph.ttl: Is a directory")
    assert (tmp_path / "a-file").read_text(encoding="utf-8") == "in the way"
    assert leftovers(tmp_path) == []


def test_a_failed_build_leaves_the_previous_outputs_as_they_were(tmp_path, cli):
    (tmp_path / "news.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "broken.txt").write_bytes(b"%PDF-1.4\n")
    code, _out, err = cli("build", "news.txt", "--out", "out", "--quiet", cwd=tmp_path)
    assert code == 0, err
    out = tmp_path / "out"
    before = {name: (out / name).read_bytes()
              for name in ("events.jsonl", "graph.ttl", "graph.jsonld", "graph.html")}
    code, _out, err = run("build", "news.txt", "broken.txt", "--out", "out", "--quiet",
                          cwd=tmp_path)
    assert code == 2
    assert "broken.txt: binary file, not text" in one_error_line(err)
    assert {name: (out / name).read_bytes() for name in before} == before
    assert leftovers(out) == []
