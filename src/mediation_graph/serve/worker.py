"""Worker processes that answer from a read-only store, and the pool that stops them.

pyoxigraph cannot interrupt a running query, so every job runs in a separate process: when a
job passes its time limit the process is killed, which stops the query for certain, and a fresh
worker takes its place. Each worker opens the store read-only (RocksDB admits one writer, and
read-only openers beside it); after a write by the server the workers reopen before their next
job, so they see it.
"""

from __future__ import annotations

import multiprocessing
import threading
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from .answer import QueryRequest, Reply, answer_query
from .events import EventFilter, events_jsonl, view_page

# Workers are started with "spawn": forking a process that runs an event loop and threads
# would copy their locks in whatever state they happen to be.
_CONTEXT = multiprocessing.get_context("spawn")
STARTUP_SECONDS = 60.0


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


def worker_main(connection: Connection, path: str, generation: int) -> None:
    """The worker's loop: say ready (or why not), then answer jobs until the pipe closes."""
    try:
        store = _open(path)
    except OSError as exc:
        connection.send(("failed", f"cannot open store {path} read-only: {exc}"))
        return
    connection.send(("ready", None))
    while True:
        try:
            job: Job = connection.recv()
        except (EOFError, OSError):
            return
        if job.generation != generation:
            store, generation = _open(path), job.generation
        try:
            reply = _run(store, job)
        except Exception as exc:  # a bug or a store error: answer it, keep serving
            reply = Reply.error(500, f"internal error: {type(exc).__name__}: {exc}")
        connection.send(reply)


class Worker:
    """One worker process and its end of the pipe; used by one job at a time."""

    def __init__(self, path: Path, generation: int) -> None:
        self.path = path
        self._start(generation)

    def _start(self, generation: int) -> None:
        self.connection, child = _CONTEXT.Pipe()
        self.process = _CONTEXT.Process(target=worker_main, args=(child, str(self.path),
                                                                  generation), daemon=True)
        self.process.start()
        child.close()
        self.ready = False

    def wait_ready(self) -> None:
        """Block until the worker has opened the store (not counted in any job's time)."""
        if self.ready:
            return
        if not self.connection.poll(STARTUP_SECONDS):
            self.stop()
            raise WorkerFailed(f"a worker did not open the store within {STARTUP_SECONDS:.0f} s")
        try:
            state, message = self.connection.recv()
        except EOFError:
            raise WorkerFailed("a worker ended while opening the store") from None
        if state != "ready":
            raise WorkerFailed(message)
        self.ready = True

    def call(self, job: Job, timeout: float) -> Reply:
        """The job's reply; past ``timeout`` seconds the process is killed and replaced."""
        self.wait_ready()
        self.connection.send(job)
        if self.connection.poll(timeout):
            try:
                return self.connection.recv()
            except EOFError:
                self.restart(job.generation)
                raise WorkerFailed("the worker ended while answering") from None
        self.restart(job.generation)
        raise JobTimeout

    def restart(self, generation: int) -> None:
        self.stop()
        self._start(generation)

    def stop(self) -> None:
        self.connection.close()
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)


class Pool:
    """A fixed number of workers; ``run`` borrows an idle one for a job (blocking)."""

    def __init__(self, path: Path, size: int) -> None:
        self.path = path
        self.generation = 0
        self._idle: list[Worker] = []
        self._all: list[Worker] = []
        self._available = threading.Condition()
        for _ in range(size):
            worker = Worker(path, self.generation)
            self._all.append(worker)
            self._idle.append(worker)

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

    def run(self, kind: str, timeout: float, **fields: Any) -> Reply:
        with self._available:
            while not self._idle:
                self._available.wait()
            worker = self._idle.pop()
        try:
            job = Job(kind=kind, generation=self.generation, **fields)
            return worker.call(job, timeout)
        except JobTimeout:
            return Reply.error(503, f"the query ran past the time limit of {timeout:g} s and "
                                    "was stopped")
        except WorkerFailed as exc:
            return Reply.error(500, f"internal error: {exc}")
        finally:
            with self._available:
                self._idle.append(worker)
                self._available.notify()

    def close(self) -> None:
        for worker in self._all:
            worker.stop()
