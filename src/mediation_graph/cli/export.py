"""``mediation-graph export``: the store (or one document's graphs) as RDF, or the actor
network as GraphML or GEXF for Gephi."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import InputError
from ..graph.formats import EXPORT_FORMATS
from ..graph.store import Store
from ..view.analytics import write_gexf, write_graphml
from ..view.network import build_network
from .inputs import add_store_argument
from .query import existing_store

NETWORK_WRITERS = {"graphml": write_graphml, "gexf": write_gexf}


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "export", help="write the store as Turtle, TriG, N-Quads, N-Triples or JSON-LD, or "
                       "the actor network as GraphML or GEXF",
        description="Write the whole store, or one document's graph and derived relations. "
                    "Turtle and N-Triples merge the graphs; TriG, N-Quads and JSON-LD keep "
                    "them. JSON-LD is compact, with the inline context of the ontology. "
                    "graphml and gexf write the actor network (as drawn by view) for Gephi.")
    parser.add_argument("--format", choices=(*EXPORT_FORMATS, *NETWORK_WRITERS),
                        default="turtle", help="RDF syntax or network format (default: turtle)")
    parser.add_argument("--out", type=Path, metavar="FILE",
                        help="file to write (replaced atomically); default: stdout")
    parser.add_argument("--doc", metavar="ID", help="only this document's graphs")
    add_store_argument(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.format in NETWORK_WRITERS:
        if args.out is None:
            raise InputError(f"--format {args.format} writes a file: give --out FILE")
        with Store(existing_store(args.store)) as store:
            events = store.events(args.doc)
        NETWORK_WRITERS[args.format](build_network(events), args.out)
    else:
        with Store(existing_store(args.store)) as store:
            store.export(args.format, args.out, args.doc)
    if args.out is not None:
        print(f"wrote {args.out}", file=sys.stderr)
    return 0
