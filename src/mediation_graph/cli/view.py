"""``mediation-graph view``: the network of the stored events as one offline HTML page."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import InputError
from ..graph.store import Store
from ..view.html import DEFAULT_MAX_NODES, write_html
from .inputs import add_store_argument
from .query import existing_store


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "view", help="write the interactive network of the stored events as HTML",
        description="Draw the actors of the stored events as nodes and their dealings as "
                    "edges in one self-contained HTML page that opens offline.")
    add_store_argument(parser)
    parser.add_argument("--out", type=Path, default=Path("output/graph.html"), metavar="FILE",
                        help="the page to write (default: output/graph.html)")
    parser.add_argument("--max-nodes", type=int, default=DEFAULT_MAX_NODES, metavar="N",
                        help="draw only the N most active actors "
                             f"(default: {DEFAULT_MAX_NODES})")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.max_nodes < 1:
        raise InputError("--max-nodes must be at least 1")
    with Store(existing_store(args.store)) as store:
        events = store.events()
        titles = {d.id: d.title for d in store.documents() if d.title}
    summary = write_html(events, args.out, titles=titles, max_nodes=args.max_nodes)
    left_out = (f"; {summary.left_out_nodes} less active actors left out"
                if summary.left_out_nodes else "")
    print(f"wrote {args.out}: {summary.nodes} actors, {summary.edges} relations{left_out}",
          file=sys.stderr)
    return 0
