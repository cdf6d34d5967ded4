"""Extraction wherever it runs: in this process, in worker processes or on a Dask cluster.

Work goes out in small batches of documents and comes back in the order it went out, with at
most a few batches in flight per worker, so memory stays flat however long the corpus is and
the single writer sees exactly the sequence a one-process build would see. Workers also convert
each document to N-Triples and its events to JSON lines: the writer only writes.
"""

from __future__ import annotations

import json
import multiprocessing
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar

from ..errors import InputError, RuntimeFailure
from ..extract.pipeline import Extractor
from ..graph.convert import DocumentGraphs, document_graphs
from ..model import Document

Tag = TypeVar("Tag")
_EXTRACTOR: Extractor | None = None  # one per process: loading the lexicon takes a second


@dataclass(slots=True)
class Built:
    """One document extracted and converted, ready for the writer."""

    doc_id: str
    content_hash: str
    graphs: DocumentGraphs
    event_lines: list[str]
    sentences: int


def _extractor() -> Extractor:
    global _EXTRACTOR
    if _EXTRACTOR is None:
        _EXTRACTOR = Extractor()
    return _EXTRACTOR


def build_batch(batch: list[tuple[Document, str]]) -> list[Built]:
    """Extract and convert ``(document, content hash)`` pairs; runs in any worker."""
    extractor = _extractor()
    out: list[Built] = []
    for document, digest in batch:
        result = extractor.extract(document)
        lines = [json.dumps(e.to_record(), ensure_ascii=False) for e in result.events]
        out.append(Built(document.id, digest, document_graphs(result), lines,
                         result.sentence_count))
    return out


class Executor(Protocol):
    def map(self, work: Iterator[tuple[Tag, list[tuple[Document, str]]]]
            ) -> Iterator[tuple[Tag, list[Built]]]: ...

    def close(self) -> None: ...


class _Future(Protocol):
    def result(self) -> list[Built]: ...


def _ordered(work: Iterator[tuple[Tag, list[tuple[Document, str]]]],
             submit: Callable[[list[tuple[Document, str]]], _Future],
             window: int) -> Iterator[tuple[Tag, list[Built]]]:
    """Keep up to ``window`` batches running; hand results back in submission order."""
    pending: deque[tuple[Tag, _Future | None]] = deque()
    for tag, batch in work:
        pending.append((tag, submit(batch) if batch else None))
        while len(pending) >= window:
            yield _collect(pending.popleft())
    while pending:
        yield _collect(pending.popleft())


def _collect(item: tuple[Tag, _Future | None]) -> tuple[Tag, list[Built]]:
    tag, future = item
    return tag, future.result() if future is not None else []


class Serial(Generic[Tag]):
    """Everything in this process: the reference the parallel executors must match."""

    def map(self, work: Iterator[tuple[Tag, list[tuple[Document, str]]]]
            ) -> Iterator[tuple[Tag, list[Built]]]:
        for tag, batch in work:
            yield tag, build_batch(batch) if batch else []

    def close(self) -> None:
        return None


class _PoolFuture:
    def __init__(self, result: Any) -> None:
        self._result = result

    def result(self) -> list[Built]:
        return self._result.get()


class Processes(Generic[Tag]):
    """``workers`` processes on this machine, each loading the lexicon once."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        # No initializer: a lexicon error raised there would make the pool respawn workers
        # forever; raised in build_batch, it reaches this process as one clear error.
        self._pool = multiprocessing.get_context("spawn").Pool(workers)

    def map(self, work: Iterator[tuple[Tag, list[tuple[Document, str]]]]
            ) -> Iterator[tuple[Tag, list[Built]]]:
        def submit(batch: list[tuple[Document, str]]) -> _Future:
            return _PoolFuture(self._pool.apply_async(build_batch, (batch,)))
        return _ordered(work, submit, 3 * self.workers)

    def close(self) -> None:
        self._pool.terminate()
        self._pool.join()


class Dask(Generic[Tag]):
    """Extraction on a Dask distributed cluster; results stream back to this process.

    The workers need ``mediation-graph`` installed (the same version and lexicon as here: the
    content hashes that decide what to rebuild are computed on this side)."""

    def __init__(self, address: str) -> None:
        try:
            from distributed import Client
        except ImportError as exc:
            raise InputError("--dask needs dask[distributed] (pip install "
                             "'dask[distributed]>=2024.1')") from exc
        try:
            self._client = Client(address)  # timeout: distributed.comm.timeouts.connect
        except (OSError, TimeoutError) as exc:
            raise RuntimeFailure(f"cannot reach the Dask scheduler at {address}: {exc}") from exc
        self.workers = max(1, sum(self._client.nthreads().values()))

    def map(self, work: Iterator[tuple[Tag, list[tuple[Document, str]]]]
            ) -> Iterator[tuple[Tag, list[Built]]]:
        def submit(batch: list[tuple[Document, str]]) -> _Future:
            return self._client.submit(build_batch, batch, pure=False)
        return _ordered(work, submit, 3 * self.workers)

    def close(self) -> None:
        self._client.close()
