"""Worker processes that answer from a read-only store, and the pool that stops them.

pyoxigraph cannot interrupt a running query, so every job runs in a separate process: when a
job passes its time limit the process is killed, which stops the query for certain, and a fresh
worker takes its place. Each worker opens the store read-only (RocksDB admits one writer, and
read-only openers beside it); after a write by the server the workers reopen before their next
job, so they see it.

The server's event loop talks to each worker over a socket pair, a message being a pickle
preceded by its length: no thread stands between a request and its worker (a thread hop per
request cost several milliseconds under load).
"""

from __future__ import annotations

import asyncio
import pickle
import socket
import struct
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

import pyoxigraph as ox

from .answer import QueryRequest, Reply, answer_query
from .events import EventFilter, events_jsonl, view_page

STARTUP_SECONDS = 60.0
_LENGTH = struct.Struct("!Q")


@dataclass(frozen=True, slots=True)
class Job:
    """One unit of work: ``kind`` is query, events, view or ping."""

    kind: str
    generation: int  # the store's write count when the job was made
    max_rows: int
    query: QueryRequest | None = None
    filter: EventFilter | None = None
    max_nodes: int = 0


class WorkerFailed(Exception):
    """A worker could not start or died; the message says why."""


class JobTimeout(Exception):
    pass


# -- inside the worker process ------------------------------------------------------------------
def _open(path: str) -> ox.Store:
    return ox.Store.read_only(path)


def _run(store: ox.Store, job: Job) -> Reply:
    if job.kind == "query" and job.query is not None:
        return answer_query(store, job.query, job.max_rows)
    if job.kind == "events" and job.filter is not None:
        return Reply(200, "application/x-ndjson; charset=utf-8", events_jsonl(store, job.filter))
    if job.kind == "view" and job.filter is not None:
        return Reply(200, "text/html; charset=utf-8",
                     view_page(store, job.filter, job.max_nodes))
    if job.kind == "ping":
        return Reply(200, "text/plain", b"")
    return Reply.error(500, f"unknown job {job.kind!r}")


def _send(stream: BinaryIO, message: object) -> None:
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_LENGTH.pack(len(data)) + data)
    stream.flush()


def _read_exactly(stream: BinaryIO, size: int) -> bytes:
    data = b""
    while len(data) < size:
        chunk = stream.read(size - len(data))
        if not chunk:
            raise EOFError
        data += chunk
    return data


def _receive(stream: BinaryIO) -> Any:
    head = _read_exactly(stream, _LENGTH.size)
    return pickle.loads(_read_exactly(stream, _LENGTH.unpack(head)[0]))


def worker_main(fd: int, path: str, generation: int) -> None:
    """The worker's loop: say ready (or why not), then answer jobs until the socket closes."""
    with socket.socket(fileno=fd) as sock, sock.makefile("rb") as reader, \
            sock.makefile("wb") as writer:
        try:
            store = _open(path)
        except OSError as exc:
            _send(writer, ("failed", f"cannot open store {path} read-only: {exc}"))
            return
        _send(writer, ("ready", None))
        while True:
            try:
                job: Job = _receive(reader)
            except (EOFError, OSError):
                return
            if job.generation != generation:
                store, generation = _open(path), job.generation
            try:
                reply = _run(store, job)
            except Exception as exc:  # a bug or a store error: answer it, keep serving
                reply = Reply.error(500, f"internal error: {type(exc).__name__}: {exc}")
            _send(writer, reply)


# -- in the server ------------------------------------------------------------------------------
def _ready_state(message: Any) -> None:
    state, detail = message
    if state != "ready":
        raise WorkerFailed(detail)


class Worker:
    """One worker process and the server's end of its socket; one job at a time."""

    def __init__(self, path: Path, generation: int) -> None:
        self.path = path
        self._start(generation)

    def _start(self, generation: int) -> None:
        # A fresh interpreter, not a fork: forking a process that runs an event loop and
        # threads copies their locks in whatever state they are.
        ours, theirs = socket.socketpair()
        with theirs:
            self.process = subprocess.Popen(
                [sys.executable, "-m", __name__, str(theirs.fileno()), str(self.path),
                 str(generation)], pass_fds=[theirs.fileno()])
        self.sock = ours
        self.ready = False
        self._streams: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None = None

    def wait_ready(self) -> None:
        """Block until the worker has opened the store (before the event loop runs)."""
        if self.ready:
            return
        self.sock.settimeout(STARTUP_SECONDS)
        try:
            with self.sock.makefile("rb", buffering=0) as reader:
                _ready_state(_receive(reader))
        except (TimeoutError, EOFError, OSError) as exc:
            self.stop()
            raise WorkerFailed(f"a worker could not open the store: {exc or 'it ended'}") from exc
        self.sock.settimeout(None)
        self.ready = True

    async def _connected(self) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
        if self._streams is None:
            self._streams = await asyncio.open_connection(sock=self.sock, limit=2**20)
        if not self.ready:
            reader = self._streams[0]
            try:
                _ready_state(await asyncio.wait_for(self._read(reader), STARTUP_SECONDS))
            except (TimeoutError, asyncio.IncompleteReadError) as exc:
                raise WorkerFailed("a restarted worker could not open the store") from exc
            self.ready = True
        return self._streams

    @staticmethod
    async def _read(reader: asyncio.StreamReader) -> Any:
        head = await reader.readexactly(_LENGTH.size)
        return pickle.loads(await reader.readexactly(_LENGTH.unpack(head)[0]))

    async def call(self, job: Job, timeout: float) -> Reply:
        """The job's reply; past ``timeout`` seconds the process is killed and replaced."""
        reader, writer = await self._connected()
        data = pickle.dumps(job, protocol=pickle.HIGHEST_PROTOCOL)
        writer.write(_LENGTH.pack(len(data)) + data)
        try:
            return await asyncio.wait_for(self._read(reader), timeout)
        except TimeoutError:
            self.restart(job.generation)
            raise JobTimeout from None
        except (asyncio.IncompleteReadError, ConnectionError) as exc:
            self.restart(job.generation)
            raise WorkerFailed("the worker ended while answering") from exc

    def restart(self, generation: int) -> None:
        self.stop()
        self._start(generation)

    def stop(self) -> None:
        if self._streams is not None:
            self._streams[1].close()
        self.sock.close()
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()


class Pool:
    """A fixed number of workers; ``run`` borrows an idle one for a job."""

    def __init__(self, path: Path, size: int) -> None:
        self.path = path
        self.generation = 0
        self._all = [Worker(path, self.generation) for _ in range(size)]
        self._idle: asyncio.Queue[Worker] = asyncio.Queue()
        for worker in self._all:
            self._idle.put_nowait(worker)

    def wait_ready(self) -> None:
        try:
            for worker in self._all:
                worker.wait_ready()
        except WorkerFailed:
            self.close()
            raise

    def store_changed(self) -> None:
        """Make every worker reopen the store before its next job (after a write)."""
        self.generation += 1

    async def run(self, kind: str, timeout: float, **fields: Any) -> Reply:
        worker = await self._idle.get()
        try:
            job = Job(kind=kind, generation=self.generation, **fields)
            try:
                return await worker.call(job, timeout)
            except WorkerFailed:
                # Jobs only read, so one more try on the restarted worker is safe: a worker that
                # dies while reopening a store the writer has just changed should not cost the
                # client its answer.
                return await worker.call(job, timeout)
        except JobTimeout:
            return Reply.error(503, f"the query ran past the time limit of {timeout:g} s and "
                                    "was stopped")
        except WorkerFailed as exc:
            return Reply.error(500, f"internal error: {exc}")
        finally:
            self._idle.put_nowait(worker)

    def close(self) -> None:
        for worker in self._all:
            worker.stop()


if __name__ == "__main__":
    worker_main(int(sys.argv[1]), sys.argv[2], int(sys.argv[3]))
