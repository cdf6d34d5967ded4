"""``mediation-graph serve`` from the command line: how it starts, stops and refuses to start."""

from __future__ import annotations

import re
import signal
import socket
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from mediation_graph.cli.main import main
from test_serve_http import build_store


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["serve", *argv])
    return code, capsys.readouterr().err


def test_a_missing_store_is_a_usage_error(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    code, err = run(["--store", str(tmp_path / "nowhere")], capsys)
    assert code == 2
    assert "no store at" in err


def test_writing_needs_a_long_enough_token(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.delenv("MEDIATION_GRAPH_TOKEN", raising=False)
    code, err = run(["--store", str(tmp_path / "store"), "--allow-write"], capsys)
    assert (code, err.strip()) == (2, "mediation-graph: error: --allow-write needs a token: "
                                      "--token-file FILE or $MEDIATION_GRAPH_TOKEN")
    short = tmp_path / "token"
    short.write_text("abc\n", encoding="utf-8")
    code, err = run(["--store", str(tmp_path / "store"), "--allow-write", "--token-file",
                     str(short)], capsys)
    assert code == 2
    assert "at least 16 characters" in err


def test_limits_must_be_positive(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, err = run(["--store", str(tmp_path), "--timeout", "0"], capsys)
    assert code == 2
    assert "--timeout must be more than 0" in err


def test_a_taken_port_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = build_store(tmp_path / "store")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        code, err = run(["--store", str(store), "--port", str(port)], capsys)
    assert code == 1
    assert err.startswith(f"mediation-graph: error: cannot listen on 127.0.0.1:{port}")
    assert len(err.strip().splitlines()) == 1


def test_the_command_serves_on_loopback_and_stops_cleanly(tmp_path: Path) -> None:
    store = build_store(tmp_path / "store")
    server = subprocess.Popen(
        [sys.executable, "-m", "mediation_graph.cli.main", "serve", "--store", str(store),
         "--port", "0", "--workers", "1"], stderr=subprocess.PIPE, text=True)
    try:
        assert server.stderr is not None
        banner = server.stderr.readline()
        match = re.search(r"on http://127\.0\.0\.1:(\d+)/ .*\(read-only\)|"
                          r"\(read-only\) on http://127\.0\.0\.1:(\d+)/", banner)
        assert match, banner
        port = match.group(1) or match.group(2)
        health = httpx.get(f"http://127.0.0.1:{port}/health").json()
        assert health["status"] == "ok" and health["read_only"] is True
    finally:
        server.send_signal(signal.SIGINT)
        code = server.wait(20)
    assert code == 0
