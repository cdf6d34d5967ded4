"""The ASGI application: SPARQL 1.1 Protocol at ``/sparql``, the view at ``/``, ``/events``,
``/health`` and, with writing allowed, ``POST /documents``.

Safe by default: read-only unless started with ``allow_write`` and a token, which every write
must present as ``Authorization: Bearer`` (compared in constant time); SERVICE and LOAD refused;
every query, listing and page limited in time and rows; request bodies limited in size; no CORS
headers unless origins are named. Errors are plain text of one line with a 4xx or 5xx status.
"""

from __future__ import annotations

import contextlib
import hmac
import io
import logging
import threading
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import anyio.to_thread
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from ..errors import InputError
from ..graph import namespaces as ns
from ..graph.store import Store
from ..model import Document, DocumentResult
from ..text.language import detect_language
from ..text.reading import ReadOptions, content_id, decode, html_to_text, read_jsonl
from ..view.html import DEFAULT_MAX_NODES
from . import guard
from .answer import QueryRequest, Reply, one_line
from .events import FilterError, parse_filter
from .worker import Pool

_LOG = logging.getLogger("mediation_graph.serve")
FORM = "application/x-www-form-urlencoded"
SPARQL_QUERY = "application/sparql-query"
SPARQL_UPDATE = "application/sparql-update"
JSONL_TYPES = frozenset({"application/x-ndjson", "application/jsonl", "application/json-lines"})
TEXT_TYPES = frozenset({"text/plain", "text/markdown", "text/html"})
# Events per /events page unless ?limit= says otherwise: each document on a page is read whole
# to rebuild its events, so a page's cost grows with the documents it spans.
EVENTS_PAGE = 100


@dataclass
class ServeConfig:
    """Everything the server is told at start; limits apply to every request."""

    store: Path
    timeout: float = 10.0  # seconds a query, listing or page may run
    max_rows: int = 100_000  # rows (or triples) in one answer
    max_request_bytes: int = 1024 * 1024  # request body, and a GET's query string
    workers: int = 2
    view_max_events: int = 2_000  # events the view draws unless ?limit= asks otherwise
    cors_origins: tuple[str, ...] = ()
    allow_write: bool = False
    token: str | None = None


class HttpError(Exception):
    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.headers = headers or {}


@dataclass
class _State:
    config: ServeConfig
    pool: Pool
    writer: Store | None = None  # the one read-write handle, only when writing is allowed
    write_lock: threading.Lock = field(default_factory=threading.Lock)
    extractor: Any = None  # built on the first POST /documents (loading the lexicon is slow)


def _reply(reply: Reply) -> Response:
    return Response(reply.body, status_code=reply.status, media_type=reply.media_type,
                    headers=reply.headers)


def _error(exc: HttpError) -> Response:
    return PlainTextResponse(str(exc).rstrip() + "\n", status_code=exc.status,
                             headers=exc.headers)


def _media_type(request: Request) -> str:
    return request.headers.get("content-type", "").split(";")[0].strip().lower()


async def _body(request: Request, limit: int) -> bytes:
    """The request body, refused with 413 as soon as it passes ``limit`` bytes."""
    declared = request.headers.get("content-length")
    if declared is not None and (not declared.isdigit() or int(declared) > limit):
        raise HttpError(413, f"the request body is larger than {limit:,} bytes, the limit of "
                             "this endpoint")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise HttpError(413, f"the request body is larger than {limit:,} bytes, the limit "
                                 "of this endpoint")
        chunks.append(chunk)
    return b"".join(chunks)


def _text(data: bytes, what: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise HttpError(400, f"the {what} is not UTF-8") from None


def _form(data: bytes) -> dict[str, list[str]]:
    try:
        return parse_qs(_text(data, "form"), keep_blank_values=True, strict_parsing=False)
    except ValueError as exc:
        raise HttpError(400, f"malformed form: {exc}") from None


def _single(values: dict[str, list[str]], name: str) -> str | None:
    found = values.get(name)
    if not found:
        return None
    if len(found) > 1:
        raise HttpError(400, f"give one {name} parameter, not {len(found)}")
    return found[0]


class Endpoint:
    """The routes over one store; ``app`` is the Starlette application."""

    def __init__(self, config: ServeConfig) -> None:
        self.config = config
        self._state: _State | None = None
        middleware = [Middleware(_SecurityHeaders)]
        if config.cors_origins:
            middleware.append(Middleware(
                CORSMiddleware, allow_origins=list(config.cors_origins),
                allow_methods=["GET", "POST"],
                allow_headers=["Accept", "Authorization", "Content-Type"]))
        routes = [
            Route("/", self._guarded(self.view), methods=["GET"]),
            Route("/sparql", self._guarded(self.sparql), methods=["GET", "POST"]),
            Route("/events", self._guarded(self.events), methods=["GET"]),
            Route("/health", self.health, methods=["GET"]),
            Route("/documents", self._guarded(self.documents), methods=["POST"]),
        ]
        self.app = Starlette(routes=routes, middleware=middleware, lifespan=self._lifespan)

    # -- lifecycle --------------------------------------------------------------------------
    def start(self) -> None:
        """Open the store (read-write only if writing is allowed) and start the workers."""
        config = self.config
        writer = Store(config.store) if config.allow_write else None
        if writer is not None:
            writer.oxigraph.flush()  # a new store must exist on disk before workers open it
        try:
            pool = Pool(config.store, config.workers)
            pool.wait_ready()
        except Exception:
            if writer is not None:
                writer.close()
            raise
        self._state = _State(config, pool, writer)

    def stop(self) -> None:
        if self._state is not None:
            self._state.pool.close()
            if self._state.writer is not None:
                self._state.writer.close()
            self._state = None

    @contextlib.asynccontextmanager
    async def _lifespan(self, app: Starlette) -> AsyncIterator[None]:
        if self._state is None:
            await anyio.to_thread.run_sync(self.start)
        try:
            yield
        finally:
            self.stop()  # on the loop: the workers' streams belong to it

    @property
    def state(self) -> _State:
        if self._state is None:
            raise HttpError(503, "the server is starting or stopping")
        return self._state

    @staticmethod
    def _guarded(handler: Callable[[Request], Any]) -> Callable[[Request], Any]:
        async def run(request: Request) -> Response:
            try:
                return await handler(request)
            except HttpError as exc:
                return _error(exc)
            except Exception as exc:  # a bug: one line for the client, the trace in the log
                _LOG.exception("error answering %s %s", request.method, request.url.path)
                return _error(HttpError(500, f"internal error: {type(exc).__name__}: {exc}"))

        return run

    async def _pool(self, kind: str, **fields: Any) -> Response:
        state = self.state
        reply = await state.pool.run(kind, state.config.timeout,
                                     max_rows=state.config.max_rows, **fields)
        return _reply(reply)

    # -- /sparql ----------------------------------------------------------------------------
    async def sparql(self, request: Request) -> Response:
        limit = self.config.max_request_bytes
        if len(request.url.query.encode()) > limit:
            raise HttpError(414, f"the query string is longer than {limit:,} bytes, the limit "
                                 "of this endpoint")
        params = parse_qs(request.url.query, keep_blank_values=True)
        if request.method == "GET":
            if "update" in params:
                raise HttpError(400, "SPARQL Update must be sent with POST")
            return await self._query(request, _single(params, "query"), params)
        media_type = _media_type(request)
        body = await _body(request, limit)
        if media_type == FORM:
            form = _form(body)
            query, update = _single(form, "query"), _single(form, "update")
            if query is not None and update is not None:
                raise HttpError(400, "give either query or update, not both")
            merged = {**params, **{k: v for k, v in form.items() if k.endswith("graph-uri")}}
            if update is not None:
                return await self._update(request, update)
            return await self._query(request, query, merged)
        if media_type == SPARQL_QUERY:
            return await self._query(request, _text(body, "query"), params)
        if media_type == SPARQL_UPDATE:
            return await self._update(request, _text(body, "update"))
        raise HttpError(415, f"POST a query as {FORM}, {SPARQL_QUERY} or {SPARQL_UPDATE}, "
                             f"not {media_type or 'a body without Content-Type'}")

    async def _query(self, request: Request, sparql: str | None,
                     params: dict[str, list[str]]) -> Response:
        if sparql is None or not sparql.strip():
            raise HttpError(400, "no query: give SPARQL in the query parameter")
        query = QueryRequest(
            sparql=sparql, accept=request.headers.get("accept"),
            default_graphs=tuple(params.get("default-graph-uri", [])),
            named_graphs=tuple(params.get("named-graph-uri", [])))
        return await self._pool("query", query=query)

    # -- writing ----------------------------------------------------------------------------
    def _check_write(self, request: Request) -> Store:
        state = self.state
        if not state.config.allow_write or state.writer is None:
            raise HttpError(403, "this endpoint is read-only: writing needs a server started "
                                 "with --allow-write")
        scheme, _, given = request.headers.get("authorization", "").partition(" ")
        expected = (state.config.token or "").encode()
        if (scheme.lower() != "bearer" or not expected
                or not hmac.compare_digest(given.strip().encode(), expected)):
            raise HttpError(401, "writing needs the server's token as Authorization: Bearer "
                                 "TOKEN", {"WWW-Authenticate": 'Bearer realm="mediation-graph"'})
        return state.writer

    async def _update(self, request: Request, update: str) -> Response:
        writer = self._check_write(request)
        if not update.strip():
            raise HttpError(400, "no update: give SPARQL Update in the update parameter")

        def run() -> None:
            try:
                guard.check(update, update=True)
            except guard.Refused as exc:
                raise HttpError(403, str(exc)) from None
            with self.state.write_lock:
                try:
                    writer.oxigraph.update(update, prefixes=ns.PREFIXES)
                except SyntaxError as exc:
                    raise HttpError(400, f"SPARQL syntax error: {one_line(exc)}") from None
                except OSError as exc:
                    raise HttpError(500, f"the update failed: {one_line(exc)}") from None
                self._written(writer)

        await anyio.to_thread.run_sync(run)
        return Response(status_code=204)

    def _written(self, writer: Store) -> None:
        writer.oxigraph.flush()
        self.state.pool.store_changed()

    async def documents(self, request: Request) -> Response:
        """Extract events from posted text (one document) or JSONL (one a line) and store them."""
        writer = self._check_write(request)
        media_type = _media_type(request)
        if media_type not in JSONL_TYPES | TEXT_TYPES:
            raise HttpError(415, "POST a text as text/plain, text/markdown or text/html, or "
                                 "JSONL documents as application/x-ndjson")
        body = await _body(request, self.config.max_request_bytes)
        params = dict(request.query_params)

        def run() -> list[DocumentResult]:
            documents = _read_documents(body, media_type, params)
            state = self.state
            with state.write_lock:
                if state.extractor is None:
                    from ..extract.pipeline import Extractor

                    state.extractor = Extractor()
                results = [state.extractor.extract(d) for d in documents]
                for result in results:
                    writer.add_document(result)
                self._written(writer)
            return results

        try:
            results = await anyio.to_thread.run_sync(run)
        except InputError as exc:
            raise HttpError(400, str(exc)) from None
        summary = [{"id": r.document.id, "language": r.document.language,
                    "events": len(r.events)} for r in results]
        return JSONResponse({"documents": summary, "events": sum(len(r.events) for r in results)},
                            status_code=201)

    # -- events, view, health ---------------------------------------------------------------
    def _filter(self, request: Request, default_limit: int) -> Any:
        try:
            return parse_filter(request.query_params, default_limit, self.config.max_rows)
        except FilterError as exc:
            raise HttpError(400, str(exc)) from None

    async def events(self, request: Request) -> Response:
        return await self._pool("events", filter=self._filter(request, EVENTS_PAGE))

    async def view(self, request: Request) -> Response:
        chosen = self._filter(request, self.config.view_max_events)
        raw = request.query_params.get("max_nodes") or str(DEFAULT_MAX_NODES)
        if not raw.isdigit() or int(raw) < 1:
            raise HttpError(400, "max_nodes must be a whole number of at least 1")
        return await self._pool("view", filter=chosen, max_nodes=int(raw))

    async def health(self, request: Request) -> Response:
        state = self._state
        if state is None:
            return JSONResponse({"status": "starting"}, status_code=503)
        return JSONResponse({"status": "ok", "read_only": not state.config.allow_write,
                             "workers": state.config.workers})


def _read_documents(body: bytes, media_type: str, params: dict[str, str]) -> list[Document]:
    """Documents of a POST body, with languages detected where none is given."""
    options = ReadOptions(language=params.get("language"), date=params.get("date"))
    if media_type in JSONL_TYPES:
        documents = list(read_jsonl(io.BytesIO(body), "<request>", options))
    else:
        text = decode(body, "<request>")
        if media_type == "text/html":
            text = html_to_text(text)
        if not text.strip():
            raise InputError("the posted text is empty")
        documents = [Document(id=params.get("id") or content_id(text), text=text,
                              title=params.get("title"), url=params.get("url"),
                              source=params.get("source"), origin="<request>")]
    if not documents:
        raise InputError("no documents in the request")
    for document in documents:
        document.language = options.language or document.language or detect_language(
            document.text)
        document.date = document.date or options.date
    return documents


class _SecurityHeaders:
    """Tell browsers not to guess content types (a JSONL body must never run as HTML)."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict, receive: Callable, send: Callable) -> None:
        async def send_with_headers(message: dict) -> None:
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                message["headers"] = [*message["headers"], (b"x-content-type-options", b"nosniff")]
            await send(message)

        await self.app(scope, receive, send_with_headers)
