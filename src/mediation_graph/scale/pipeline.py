"""One build: read, skip what the store already holds, extract the rest, write, report.

Documents stream through in chunks: each chunk's content hashes are compared with the store's
manifest, the changed and new documents go to the executor, and the results come back in input
order to this process, the single writer, which commits each chunk with its manifest entries.
Only a few chunks are in memory at any time.

``events.jsonl`` lists the events of every input document in input order. Those of skipped
documents are copied from the previous ``events.jsonl`` when it was written from the store as
it is now, and otherwise rebuilt from the store.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import IO

from ..model import Document, Event
from .manifest import Entry, content_hash
from .progress import Counts, Progress
from .sinks import Sink, event_lines
from .workers import Executor

Plan = list[tuple[str, Entry | None]]  # input order: (doc id, manifest entry if skipped)
_SCAN_LIMIT = 10_000  # lines of the old events.jsonl searched for a document before rebuilding
_DOC_KEY = '"doc_id": '
_DECODER = json.JSONDecoder()


class PreviousEvents:
    """The previous ``events.jsonl``, read forward once, alongside the new one."""

    def __init__(self, path: Path | None, fallback: Callable[[str], list[Event]]) -> None:
        self._handle: IO[bytes] | None = None
        self.fallback = fallback
        self.copied = 0
        self.rebuilt = 0
        if path is not None and path.is_file():
            self._handle = open(path, "rb")  # noqa: SIM115 (closed by close())

    def close(self) -> None:
        if self._handle is not None:
            self._handle.close()
            self._handle = None

    def lines(self, doc_id: str, count: int) -> list[str]:
        if count == 0:
            return []
        if self._handle is not None:
            found = self._find(self._handle, doc_id, count)
            if found is not None:
                self.copied += 1
                return found
        self.rebuilt += 1
        return event_lines(self.fallback(doc_id))

    def _find(self, handle: IO[bytes], doc_id: str, count: int) -> list[str] | None:
        """The document's ``count`` lines at or after the cursor; else None, cursor kept."""
        mark = handle.tell()
        for _ in range(_SCAN_LIMIT):
            raw = handle.readline()
            if not raw:
                break
            if _doc_of(raw) != doc_id:
                continue
            lines = [raw.decode("utf-8").rstrip("\n")]
            while len(lines) < count:
                position = handle.tell()
                raw = handle.readline()
                if not raw or _doc_of(raw) != doc_id:
                    handle.seek(position)
                    break
                lines.append(raw.decode("utf-8").rstrip("\n"))
            if len(lines) == count:
                return lines
            break
        handle.seek(mark)
        return None


def _doc_of(raw: bytes) -> str | None:
    """The doc_id of an events.jsonl line without decoding the whole record."""
    line = raw.decode("utf-8", "replace")
    at = line.find(_DOC_KEY)
    if at < 0:
        return None
    try:
        value, _ = _DECODER.raw_decode(line, at + len(_DOC_KEY))
    except ValueError:
        return None
    return value if isinstance(value, str) else None


def chunks(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    iterator = iter(documents)
    while chunk := list(islice(iterator, size)):
        yield chunk


def plan_chunks(documents: Iterable[Document], sink: Sink, *, rebuild: bool, size: int
                ) -> Iterator[tuple[Plan, list[tuple[Document, str]]]]:
    """Per chunk: what to copy (unchanged documents) and what to build (the rest)."""
    for chunk in chunks(documents, size):
        known = {} if rebuild else sink.entries([d.id for d in chunk])
        plan: Plan = []
        todo: list[tuple[Document, str]] = []
        for document in chunk:
            digest = content_hash(document)
            entry = known.get(document.id)
            if entry is not None and entry.content_hash == digest:
                plan.append((document.id, entry))
            else:
                plan.append((document.id, None))
                todo.append((document, digest))
        yield plan, todo


def run_build(documents: Iterable[Document], sink: Sink, executor: Executor,
              events_out: IO[str], previous: PreviousEvents, progress: Progress, *,
              rebuild: bool = False, chunk_size: int = 64) -> Counts:
    """Build every document not already in ``sink`` as it is; returns what was done."""
    counts = Counts()
    work = plan_chunks(documents, sink, rebuild=rebuild, size=chunk_size)
    for plan, built in executor.map(work):
        sink.write(built)
        results = {b.doc_id: b for b in built}
        for doc_id, entry in plan:
            if entry is None:
                done = results[doc_id]
                lines = done.event_lines
                counts.built += 1
                counts.sentences += done.sentences
            else:
                lines = previous.lines(doc_id, entry.events)
                counts.skipped += 1
            for line in lines:
                events_out.write(line + "\n")
            counts.documents += 1
            counts.events += len(lines)
        progress.update(counts)
    progress.update(counts, force=True)
    progress.finish()
    return counts
