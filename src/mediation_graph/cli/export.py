"""``mediation-graph export``: the store (or one document's graphs) as RDF."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..graph.formats import EXPORT_FORMATS
from ..graph.store import Store
from .inputs import add_store_argument
from .query import existing_store


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "export", help="write the store as Turtle, TriG, N-Quads, N-Triples or JSON-LD",
        description="Write the whole store, or one document's graph and derived relations. "
                    "Turtle and N-Triples merge the graphs; TriG, N-Quads and JSON-LD keep "
                    "them. JSON-LD is compact, with the inline context of the ontology.")
    parser.add_argument("--format", choices=tuple(EXPORT_FORMATS), default="turtle",
                        help="RDF syntax (default: turtle)")
    parser.add_argument("--out", type=Path, metavar="FILE",
                        help="file to write (replaced atomically); default: stdout")
    parser.add_argument("--doc", metavar="ID", help="only this document's graphs")
    add_store_argument(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    with Store(existing_store(args.store)) as store:
        store.export(args.format, args.out, args.doc)
    if args.out is not None:
        print(f"wrote {args.out}", file=sys.stderr)
    return 0
