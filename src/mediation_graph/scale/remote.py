"""A remote SPARQL 1.1 store: Graph Store Protocol for writing, SPARQL for reading and updating.

Speaks only the standard protocols, so Oxigraph, Apache Jena Fuseki, GraphDB, Virtuoso and QLever
(each at its own endpoint paths) can hold the graph:

- each document graph is replaced whole with ``PUT`` (or removed with ``DELETE``) on the Graph
  Store Protocol endpoint, the graph always named explicitly with ``?graph=``;
- queries and updates are form-encoded ``POST`` requests (some servers, Virtuoso among them,
  hang on the ``application/sparql-query`` body type).

The endpoints default to Oxigraph's layout under the store URL (``/query``, ``/update``,
``/store``); a TOML config file names others and the credentials' source. Credentials come from
the environment (``MEDIATION_GRAPH_STORE_TOKEN`` for a bearer token, or
``MEDIATION_GRAPH_STORE_USER`` and ``MEDIATION_GRAPH_STORE_PASSWORD`` for basic
authentication), never from the command line, where other users could read them.
"""

from __future__ import annotations

import base64
import http.client
import os
import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlencode, urlsplit

import pyoxigraph as ox

from ..errors import InputError, RuntimeFailure
from ..graph import namespaces as ns
from ..graph.results import QueryResult

TOKEN_ENV = "MEDIATION_GRAPH_STORE_TOKEN"
USER_ENV = "MEDIATION_GRAPH_STORE_USER"
PASSWORD_ENV = "MEDIATION_GRAPH_STORE_PASSWORD"
_RESULTS_JSON = "application/sparql-results+json"
_NTRIPLES = "application/n-triples"
_PREFIX_DECL = re.compile(r"\bPREFIX\s+([A-Za-z][\w.-]*)?\s*:", re.IGNORECASE)
_TIMEOUT = 300.0


def is_remote(location: str | os.PathLike | None) -> bool:
    return isinstance(location, str) and location.startswith(("http://", "https://"))


@dataclass(frozen=True)
class Endpoints:
    query: str
    update: str
    data: str  # the Graph Store Protocol endpoint
    authorization: str | None = None

    @classmethod
    def from_url(cls, url: str, config: Path | None = None) -> Endpoints:
        """Endpoints under ``url``, with a config file's ``[store]`` table overriding them."""
        table = _read_config(config) if config else {}
        base = str(table.get("url", url) or url).rstrip("/")
        if not is_remote(base):
            raise InputError(f"not an http(s) store URL: {base}")
        return cls(query=_join(base, table.get("query", "query")),
                   update=_join(base, table.get("update", "update")),
                   data=_join(base, table.get("data", "store")),
                   authorization=_authorization(table))


def _join(base: str, path: str) -> str:
    return path if is_remote(path) else f"{base}/{path.lstrip('/')}"


def _read_config(path: Path) -> dict:
    try:
        table = tomllib.loads(Path(path).read_text(encoding="utf-8")).get("store", {})
    except OSError as exc:
        raise InputError(f"cannot read store config {path}: {exc.strerror or exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"store config {path}: {exc}") from exc
    if not isinstance(table, dict):
        raise InputError(f"store config {path}: [store] must be a table")
    return table


def _authorization(table: dict) -> str | None:
    """Bearer token, else basic credentials; env var names may be changed in the config."""
    token = os.environ.get(table.get("token_env", TOKEN_ENV))
    if token:
        return f"Bearer {token}"
    user = os.environ.get(table.get("user_env", USER_ENV), table.get("user"))
    password = os.environ.get(table.get("password_env", PASSWORD_ENV))
    if user and password is not None:
        pair = base64.b64encode(f"{user}:{password}".encode()).decode("ascii")
        return f"Basic {pair}"
    return None


class RemoteStore:
    """One keep-alive connection per server; every failure becomes a one-line error."""

    def __init__(self, endpoints: Endpoints) -> None:
        self.endpoints = endpoints
        self._connections: dict[tuple[str, str], http.client.HTTPConnection] = {}

    def __enter__(self) -> RemoteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        for connection in self._connections.values():
            connection.close()
        self._connections.clear()

    # -- protocol -----------------------------------------------------------------------------
    def put_graph(self, graph: str, ntriples: str) -> None:
        """Replace one named graph with the given N-Triples statements (each ending in " .")."""
        self._send("PUT", self._graph_url(graph), ntriples.encode("utf-8"),
                   {"Content-Type": _NTRIPLES})

    def delete_graph(self, graph: str) -> None:
        self._send("DELETE", self._graph_url(graph), None, {}, missing_ok=True)

    def get_graph(self, graph: str) -> list[ox.Triple]:
        body = self._send("GET", self._graph_url(graph), None, {"Accept": _NTRIPLES},
                          missing_ok=True)
        return list(ox.parse(body, ox.RdfFormat.N_TRIPLES)) if body else []

    def update(self, sparql: str) -> None:
        self._form(self.endpoints.update, "update", sparql, "*/*")

    def select(self, sparql: str) -> Iterator[ox.QuerySolution]:
        body = self._form(self.endpoints.query, "query", sparql, _RESULTS_JSON)
        return iter(ox.parse_query_results(body, ox.QueryResultsFormat.JSON))

    def query(self, sparql: str) -> QueryResult:
        """Any query, with our prefixes added where the query does not declare them."""
        body, kind = self._form_typed(self.endpoints.query, with_prefixes(sparql),
                                      f"{_RESULTS_JSON}, {_NTRIPLES};q=0.9")
        if kind.startswith(_NTRIPLES) or kind.startswith("text/turtle"):
            fmt = ox.RdfFormat.N_TRIPLES if kind.startswith(_NTRIPLES) else ox.RdfFormat.TURTLE
            return QueryResult("graph", triples=list(ox.parse(body, fmt)))
        answer = ox.parse_query_results(body, ox.QueryResultsFormat.JSON)
        if isinstance(answer, ox.QueryBoolean):
            return QueryResult("ask", boolean=bool(answer))
        variables = [v.value for v in answer.variables]
        return QueryResult("select", variables=variables,
                           rows=[[row[v] for v in variables] for row in answer])

    def construct_to(self, sparql: str, handle, accept: str = "text/turtle") -> None:
        """Stream a CONSTRUCT answer, as the server serialises it, into ``handle``."""
        response = self._request("POST", self.endpoints.query,
                                 urlencode({"query": sparql}).encode("utf-8"),
                                 {"Content-Type": "application/x-www-form-urlencoded",
                                  "Accept": accept})
        while chunk := response.read(1 << 20):
            handle.write(chunk)

    # -- plumbing -----------------------------------------------------------------------------
    def _graph_url(self, graph: str) -> str:
        return f"{self.endpoints.data}?graph={quote(graph, safe='')}"

    def _form(self, url: str, field: str, text: str, accept: str) -> bytes:
        body = urlencode({field: text}).encode("utf-8")
        return self._send("POST", url, body, {
            "Content-Type": "application/x-www-form-urlencoded", "Accept": accept})

    def _form_typed(self, url: str, sparql: str, accept: str) -> tuple[bytes, str]:
        response = self._request("POST", url, urlencode({"query": sparql}).encode("utf-8"),
                                 {"Content-Type": "application/x-www-form-urlencoded",
                                  "Accept": accept})
        return response.read(), response.getheader("Content-Type", "")

    def _send(self, method: str, url: str, body: bytes | None, headers: dict[str, str],
              missing_ok: bool = False) -> bytes:
        response = self._request(method, url, body, headers, missing_ok)
        return b"" if response.status == 404 else response.read()

    def _request(self, method: str, url: str, body: bytes | None, headers: dict[str, str],
                 missing_ok: bool = False) -> http.client.HTTPResponse:
        parts = urlsplit(url)
        target = parts.path + (f"?{parts.query}" if parts.query else "")
        if self.endpoints.authorization:
            headers = {**headers, "Authorization": self.endpoints.authorization}
        for attempt in (1, 2):  # a keep-alive connection the server closed is retried once
            connection = self._connection(parts.scheme, parts.netloc)
            try:
                connection.request(method, target or "/", body=body, headers=headers)
                response = connection.getresponse()
                break
            except (ConnectionError, http.client.HTTPException, OSError) as exc:
                connection.close()
                self._connections.pop((parts.scheme, parts.netloc), None)
                if attempt == 2 or not isinstance(exc, ConnectionError | http.client.HTTPException):
                    raise RuntimeFailure(f"cannot reach store {parts.netloc}: {exc}") from exc
        if response.status == 404 and missing_ok:
            response.read()
            return response
        if response.status >= 300:
            detail = response.read().decode("utf-8", "replace").strip().splitlines()
            reason = detail[0][:200] if detail else response.reason
            if response.status in (401, 403):
                raise RuntimeFailure(f"store {parts.netloc} refused {method} ({response.status}): "
                                     f"set {TOKEN_ENV} or {USER_ENV}/{PASSWORD_ENV}")
            if response.status == 400 and "query" in target.lower():
                raise InputError(f"the store rejected the query: {reason}")
            raise RuntimeFailure(f"store {parts.netloc} answered {method} {parts.path} with "
                                 f"{response.status}: {reason}")
        return response

    def _connection(self, scheme: str, netloc: str) -> http.client.HTTPConnection:
        key = (scheme, netloc)
        if key not in self._connections:
            cls = http.client.HTTPSConnection if scheme == "https" else http.client.HTTPConnection
            self._connections[key] = cls(netloc, timeout=_TIMEOUT)
        return self._connections[key]


def with_prefixes(sparql: str) -> str:
    """Declare our usual prefixes that the query uses without declaring them itself."""
    declared = {m.group(1) or "" for m in _PREFIX_DECL.finditer(sparql)}
    missing = [f"PREFIX {name}: <{iri}>\n" for name, iri in ns.PREFIXES.items()
               if name not in declared and f"{name}:" in sparql]
    return "".join(missing) + sparql
