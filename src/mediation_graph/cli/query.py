"""``mediation-graph query``: SPARQL over the store, from the argument, a file or the library."""

from __future__ import annotations

import argparse
import sys
import textwrap
from pathlib import Path

from ..errors import InputError
from ..graph.library import library, resolve
from ..graph.results import FORMATS
from ..graph.store import DEFAULT_STORE, Store
from ..scale.remote import Endpoints, RemoteStore, is_remote
from ..serve import guard


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "query", help="run SPARQL (text, a .rq file or a named query) over the store",
        description="Run a SPARQL 1.1 query over the union of the store's graphs. The usual "
                    "prefixes (mg, rel, sem, prov, nif, schema, skos, entity ...) need no "
                    "declaration. CONSTRUCT and DESCRIBE print Turtle.")
    parser.add_argument("query", nargs="?", metavar="SPARQL|FILE|NAME",
                        help="the query text, a file holding it, or a name from --list")
    parser.add_argument("--store", default=str(DEFAULT_STORE), metavar="DIR|URL",
                        help=f"the store directory, or the http(s) URL of a SPARQL 1.1 store "
                             f"(default: {DEFAULT_STORE})")
    parser.add_argument("--store-config", type=Path, metavar="TOML",
                        help="endpoints and credential variables of a remote store")
    parser.add_argument("--format", choices=FORMATS, default="table",
                        help="how to print SELECT results (default: table)")
    parser.add_argument("--list", action="store_true", help="list the named queries")
    parser.set_defaults(run=run)


def existing_store(path: Path) -> Path:
    """Reading commands never create a store: an absent one is a usage error."""
    if not path.is_dir():
        raise InputError(f"no store at {path} (build one first, or pass --store DIR)")
    return path


def run(args: argparse.Namespace) -> int:
    if args.list:
        sys.stdout.write(list_text())
        return 0
    if not args.query:
        raise InputError("query: give SPARQL, a .rq file or a query name (or --list)")
    sparql = resolve(args.query)
    refuse_outbound(sparql)
    if is_remote(args.store):
        with RemoteStore(Endpoints.from_url(args.store, args.store_config)) as remote:
            result = remote.query(sparql)
    else:
        with Store(existing_store(Path(args.store))) as store:
            result = store.query(sparql)
    sys.stdout.write(result.serialize(args.format))
    return 0


def refuse_outbound(sparql: str) -> None:
    """A query never makes the engine call another endpoint: Oxigraph would send SERVICE out."""
    try:
        guard.check(sparql)
    except guard.Refused as exc:
        raise InputError(f"query refused: {exc}") from exc


def list_text() -> str:
    lines = []
    for query in library():
        lines.append(f"{query.name}\n    {query.title}")
        lines += textwrap.wrap(query.description, 92, initial_indent="    ",
                               subsequent_indent="    ")
    return "\n".join(lines) + "\n"
