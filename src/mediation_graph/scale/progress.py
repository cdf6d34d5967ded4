"""A plain-text progress line on stderr: documents, sentences, events, rate and ETA.

Redrawn in place (carriage return) when stderr is a terminal; with ``lines=True`` (logs, CI,
tests that watch a build) one line per interval instead. No curses, no dependency.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from ..text.reading import TEXT_SUFFIXES


@dataclass
class Counts:
    documents: int = 0  # every document read, built or skipped
    built: int = 0
    skipped: int = 0
    sentences: int = 0  # of the documents built
    events: int = 0  # of every document, as written to events.jsonl


class Progress:
    def __init__(self, stream: TextIO, *, enabled: bool, lines: bool = False,
                 total: int | None = None, interval: float = 0.25) -> None:
        self.stream = stream
        self.enabled = enabled
        self.lines = lines
        self.total = total
        self.interval = interval
        self.started = time.monotonic()
        self._last = 0.0
        self._width = 0
        self._shown = -1

    def update(self, counts: Counts, force: bool = False) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if not force and now - self._last < self.interval:
            return
        self._last = now
        text = self.line(counts, now - self.started)
        if self.lines:
            if counts.documents == self._shown:
                return  # a forced final update repeats nothing already printed
            self._shown = counts.documents
            self.stream.write(text + "\n")
        else:
            self.stream.write("\r" + text.ljust(self._width))
            self._width = len(text)
        self.stream.flush()

    def line(self, counts: Counts, elapsed: float) -> str:
        rate = counts.documents / elapsed if elapsed > 0 else 0.0
        done = f"{counts.documents:,}"
        eta = ""
        if self.total:
            done += f"/{self.total:,} ({min(100, 100 * counts.documents // self.total)}%)"
            if rate > 0 and counts.documents < self.total:
                eta = f"  ETA {clock((self.total - counts.documents) / rate)}"
        return (f"documents {done}  skipped {counts.skipped:,}  sentences {counts.sentences:,}"
                f"  events {counts.events:,}  {rate:,.0f} doc/s  {clock(elapsed)}{eta}")

    def finish(self) -> None:
        """End the redrawn line so the summary starts on its own."""
        if self.enabled and not self.lines and self._width:
            self.stream.write("\n")
            self.stream.flush()


def clock(seconds: float) -> str:
    seconds = int(seconds)
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"


def count_documents(paths: Iterable[str]) -> int | None:
    """How many documents the inputs hold, for the ETA: files, plus lines of JSONL files.

    A quick pass (JSONL files are counted in 1 MiB blocks); None for standard input, whose
    length cannot be known ahead."""
    total = 0
    for raw in paths:
        if raw == "-":
            return None
        path = Path(raw)
        files = (sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir()
                 else [path])
        for file in files:
            if path.is_dir() and (file.suffix.lower() not in TEXT_SUFFIXES
                                  or any(part.startswith(".") for part in
                                         file.relative_to(path).parts)):
                continue
            total += _jsonl_lines(file) if file.suffix.lower() == ".jsonl" else 1
    return total


def _jsonl_lines(path: Path) -> int:
    lines = 0
    last = b"\n"
    try:
        with open(path, "rb") as handle:
            while block := handle.read(1 << 20):
                lines += block.count(b"\n")
                last = block[-1:]
    except OSError:
        return 0
    return lines + (last != b"\n")


def stderr_is_terminal(stream: TextIO) -> bool:
    try:
        return os.isatty(stream.fileno())
    except (AttributeError, OSError, ValueError):
        return False
