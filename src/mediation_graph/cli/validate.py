"""``mediation-graph validate``: SHACL over the store or a file; exit 1 when it fails."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..graph.formats import EXPORT_FORMATS, guess_format
from ..graph.store import Store
from ..graph.validate import store_graph, validate_file, validate_graph
from .inputs import add_store_argument
from .query import existing_store


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "validate", help="check the store or an RDF file against the SHACL shapes",
        description="Validate with pyshacl against ontology/shapes.ttl and print one line per "
                    "violation. Exit 0 when the graph conforms, 1 when it does not.")
    parser.add_argument("file", type=Path, nargs="?", metavar="FILE",
                        help="an RDF file to check instead of the store")
    parser.add_argument("--format", choices=tuple(EXPORT_FORMATS),
                        help="RDF syntax of FILE (default: from its name)")
    add_store_argument(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.file is not None:
        report = validate_file(args.file, guess_format(args.file, args.format))
    else:
        with Store(existing_store(args.store)) as store:
            graph = store_graph(store.oxigraph)
        report = validate_graph(graph)
    sys.stdout.write(report.text())
    return 0 if report.conforms else 1
