"""``mediation-graph serve``: the store as a SPARQL 1.1 endpoint with the live network view."""

from __future__ import annotations

import argparse
import ipaddress
import os
import sys
from pathlib import Path

from ..errors import InputError, RuntimeFailure
from .inputs import add_store_argument
from .query import existing_store

TOKEN_VARIABLE = "MEDIATION_GRAPH_TOKEN"
MIN_TOKEN_LENGTH = 16


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "serve", help="serve the store over HTTP: SPARQL endpoint, events and the view",
        description="Serve the store over HTTP: /sparql (SPARQL 1.1 Protocol), / (the network "
                    "view), /events (JSONL), /health. Read-only unless --allow-write; SERVICE "
                    "and LOAD are always refused.")
    add_store_argument(parser)
    parser.add_argument("--host", default="127.0.0.1",
                        help="address to listen on (default: 127.0.0.1, this machine only)")
    parser.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    parser.add_argument("--timeout", type=float, default=10.0, metavar="SECONDS",
                        help="stop a query, listing or page after this long (default: 10)")
    parser.add_argument("--max-rows", type=int, default=100_000, metavar="N",
                        help="refuse answers of more rows or triples (default: 100000)")
    parser.add_argument("--max-request-kib", type=int, default=1024, metavar="KIB",
                        help="largest request body or query string (default: 1024 KiB)")
    parser.add_argument("--workers", type=int, default=min(4, os.cpu_count() or 1),
                        metavar="N", help="query worker processes (default: CPUs, at most 4)")
    parser.add_argument("--view-max-events", type=int, default=2_000, metavar="N",
                        help="events the view draws unless its URL asks for another ?limit= "
                             "(default: 2000)")
    parser.add_argument("--cors", action="append", default=[], metavar="ORIGIN",
                        help="allow browser pages from ORIGIN (repeatable; default: none)")
    parser.add_argument("--allow-write", action="store_true",
                        help="accept SPARQL Update and POST /documents from holders of the "
                             f"token (from --token-file or ${TOKEN_VARIABLE})")
    parser.add_argument("--token-file", type=Path, metavar="FILE",
                        help="file holding the bearer token for writes")
    parser.set_defaults(run=run)


def read_token(path: Path | None) -> str:
    """The write token: from a file (never from the command line, where ``ps`` shows it)."""
    if path is not None:
        try:
            token = path.read_text(encoding="utf-8").strip()
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"cannot read the token file {path}: {exc}") from exc
    else:
        token = os.environ.get(TOKEN_VARIABLE, "").strip()
    if not token:
        raise InputError(f"--allow-write needs a token: --token-file FILE or ${TOKEN_VARIABLE}")
    if len(token) < MIN_TOKEN_LENGTH:
        raise InputError(f"the write token must have at least {MIN_TOKEN_LENGTH} characters")
    return token


def _check_limits(args: argparse.Namespace) -> None:
    for name in ("max_rows", "max_request_kib", "workers", "view_max_events"):
        if getattr(args, name) < 1:
            raise InputError(f"--{name.replace('_', '-')} must be at least 1")
    if args.timeout <= 0:
        raise InputError("--timeout must be more than 0 seconds")
    if not 0 <= args.port <= 65535:
        raise InputError("--port must be between 0 and 65535")


def run(args: argparse.Namespace) -> int:
    _check_limits(args)
    token = read_token(args.token_file) if args.allow_write else None
    store = args.store if args.allow_write else existing_store(args.store)
    # Imported here: the other commands need neither Starlette nor uvicorn.
    import uvicorn

    from ..serve.app import Endpoint, ServeConfig
    from ..serve.background import listen
    from ..serve.worker import WorkerFailed

    config = ServeConfig(
        store=store, timeout=args.timeout, max_rows=args.max_rows,
        max_request_bytes=args.max_request_kib * 1024, workers=args.workers,
        view_max_events=args.view_max_events, cors_origins=tuple(args.cors),
        allow_write=args.allow_write, token=token)
    sock = listen(args.host, args.port)
    endpoint = Endpoint(config)
    try:
        endpoint.start()
    except WorkerFailed as exc:
        sock.close()
        raise RuntimeFailure(str(exc)) from exc
    host, port = sock.getsockname()[:2]
    mode = "read-write" if args.allow_write else "read-only"
    print(f"serving {store} ({mode}) on http://{host}:{port}/ - SPARQL at /sparql; "
          "Ctrl-C stops", file=sys.stderr)
    if not ipaddress.ip_address(host).is_loopback:
        print(f"mediation-graph: note: {host} is reachable from other machines",
              file=sys.stderr)
    server = uvicorn.Server(uvicorn.Config(endpoint.app, log_level="warning",
                                           timeout_graceful_shutdown=5))
    try:
        server.run(sockets=[sock])
    except KeyboardInterrupt:  # uvicorn raises Ctrl-C again once it has shut down cleanly
        pass
    finally:
        endpoint.stop()
        sock.close()
    return 0
