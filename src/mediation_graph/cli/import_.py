"""``mediation-graph import``: RDF from other tools into the store, whole or not at all."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..graph.formats import EXPORT_FORMATS
from ..graph.store import DEFAULT_STORE, Store


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "import", help="load Turtle, TriG, N-Triples, N-Quads or JSON-LD into the store",
        description="Parse the whole file first; on any error nothing is written. Named graphs "
                    "in the file replace graphs of the same name; triples outside a named "
                    "graph go to one graph per imported file (or --graph), so importing a "
                    "file again replaces what it gave before. JSON-LD must carry its context "
                    "inline: a remote context is refused, never fetched.")
    parser.add_argument("file", type=Path, metavar="FILE")
    parser.add_argument("--format", choices=tuple(EXPORT_FORMATS),
                        help="RDF syntax (default: from the file name)")
    parser.add_argument("--graph", metavar="IRI",
                        help="named graph for triples outside any graph")
    parser.add_argument("--store", type=Path, default=DEFAULT_STORE, metavar="DIR",
                        help=f"the store directory, created if absent (default: {DEFAULT_STORE})")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    with Store(args.store) as store:
        quads, graphs = store.import_file(args.file, args.format, args.graph)
    noun = "graph" if graphs == 1 else "graphs"
    print(f"imported {quads} quads into {graphs} {noun} of {args.store}", file=sys.stderr)
    return 0
