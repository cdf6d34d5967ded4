"""``mediation-graph analyze``: central actors, brokers, mediators and communities."""

from __future__ import annotations

import argparse
import json
import sys

from ..errors import InputError
from ..graph.store import Store
from ..view.analytics import analyze, format_table
from ..view.network import build_network
from .inputs import add_store_argument
from .query import existing_store


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "analyze", help="rank the actors of the stored events: centrality, brokers, mediators",
        description="Network analysis of the stored events: the most central actors (degree), "
                    "the brokers (betweenness), the most active mediators and the "
                    "communities (Louvain).")
    add_store_argument(parser)
    parser.add_argument("--top", type=int, default=10, metavar="N",
                        help="entries per list (default: 10)")
    parser.add_argument("--format", choices=["table", "json"], default="table")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.top < 1:
        raise InputError("--top must be at least 1")
    with Store(existing_store(args.store)) as store:
        events = store.events()
    analysis = analyze(build_network(events), top=args.top)
    if args.format == "json":
        json.dump(analysis.to_record(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(format_table(analysis) + "\n")
    return 0
