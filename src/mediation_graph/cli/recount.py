"""``mediation-graph recount``: the store-wide counts again, from the stored events."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..graph.store import DEFAULT_STORE, Store
from .query import existing_store


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "recount", help="recompute the store-wide counts and relations from the stored events",
        description="The store keeps counts (events per type, dyad, actor and relation) and "
                    "a graph of the direct relations up to date on every build and import. "
                    "A SPARQL update written by hand (serve --allow-write) does not; this "
                    "recomputes both from every stored document's events.")
    parser.add_argument("--store", type=Path, default=DEFAULT_STORE, metavar="DIR",
                        help=f"the store directory (default: {DEFAULT_STORE})")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    with Store(existing_store(args.store)) as store:
        changed = store.recount()
    print(f"recounted {args.store}: {changed} counts changed", file=sys.stderr)
    return 0
