"""The progress line: what it counts, its rate and ETA, and how many documents to expect."""

from __future__ import annotations

import io
import json

from mediation_graph.scale.progress import Counts, Progress, clock, count_documents


def test_the_line_shows_counts_rate_and_eta():
    progress = Progress(io.StringIO(), enabled=True, total=1000)
    counts = Counts(documents=250, built=200, skipped=50, sentences=600, events=90)
    line = progress.line(counts, elapsed=5.0)
    assert line.startswith("documents 250/1,000 (25%)  skipped 50  sentences 600  events 90")
    assert "50 doc/s" in line and line.endswith("ETA 0:15")


def test_a_terminal_line_is_redrawn_in_place_and_a_log_gets_one_line_per_update():
    terminal, log = io.StringIO(), io.StringIO()
    for stream, lines in ((terminal, False), (log, True)):
        progress = Progress(stream, enabled=True, lines=lines, interval=0)
        progress.update(Counts(documents=1))
        progress.update(Counts(documents=2))
        progress.update(Counts(documents=2), force=True)  # the closing update adds nothing new
        progress.finish()
    assert terminal.getvalue().count("\r") == 3 and terminal.getvalue().endswith("\n")
    assert len(log.getvalue().splitlines()) == 2


def test_disabled_progress_writes_nothing():
    stream = io.StringIO()
    Progress(stream, enabled=False).update(Counts(documents=1), force=True)
    assert stream.getvalue() == ""


def test_documents_are_counted_ahead_from_files_and_jsonl_lines(tmp_path):
    (tmp_path / "a.txt").write_text("one", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(
        "\n".join(json.dumps({"text": str(i)}) for i in range(5)), encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "c.txt").write_text("x", encoding="utf-8")
    assert count_documents([str(tmp_path)]) == 6
    assert count_documents([str(tmp_path / "a.txt"), "-"]) is None


def test_clock():
    assert (clock(59), clock(61), clock(3725)) == ("0:59", "1:01", "1:02:05")
