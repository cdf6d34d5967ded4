"""``mediation-graph build``: extract, store, and write the graph files and the network view.

Writes into ``--out`` (default ``output/``): ``events.jsonl``, ``graph.ttl``, ``graph.jsonld`` and
``graph.html``, each replaced atomically, and keeps the RDF store in ``--store`` (default
``OUT/store``) so that ``query``, ``export`` and ``view`` answer from it afterwards.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..atomic import atomic_writer
from ..errors import RuntimeFailure
from ..extract.pipeline import Extractor
from ..graph.store import Store
from ..view.html import write_html
from .inputs import add_input_arguments, documents, read_options, report_skipped


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "build", help="extract events and build the graph, its exports and the HTML view",
        description="Extract events from the given texts, store them as RDF and write "
                    "events.jsonl, graph.ttl, graph.jsonld and graph.html.")
    add_input_arguments(parser)
    parser.add_argument("--out", type=Path, default=Path("output"),
                        help="folder for the outputs (default: output)")
    parser.add_argument("--store", type=Path, help="RDF store folder (default: OUT/store)")
    parser.add_argument("--max-nodes", type=int, default=300,
                        help="most actors drawn in graph.html (default: 300)")
    parser.add_argument("--quiet", action="store_true", help="print nothing but errors")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    options = read_options(args)
    extractor = Extractor()
    out: Path = args.out
    store_path = args.store or out / "store"
    counts = {"documents": 0, "sentences": 0, "events": 0}
    try:
        store_path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise RuntimeFailure(f"cannot create {store_path.parent}: {exc.strerror or exc}") from exc
    with Store(store_path) as store, atomic_writer(out / "events.jsonl") as events_file:
        for document in documents(args, options):
            result = extractor.extract(document)
            store.add_document(result)
            for event in result.events:
                events_file.write(json.dumps(event.to_record(), ensure_ascii=False) + "\n")
            counts["documents"] += 1
            counts["sentences"] += result.sentence_count
            counts["events"] += len(result.events)
        store.export("turtle", out / "graph.ttl")
        store.export("jsonld", out / "graph.jsonld")
        titles = {d.id: d.title or d.id for d in store.documents()}
        write_html(store.events(), out / "graph.html", titles=titles, max_nodes=args.max_nodes)
    report_skipped(options)
    if not args.quiet:
        print(f"built {counts['documents']} document(s), {counts['sentences']} sentences, "
              f"{counts['events']} events; store: {store_path}", file=sys.stderr)
        for name in ("events.jsonl", "graph.ttl", "graph.jsonld", "graph.html"):
            print(f"  wrote {out / name}", file=sys.stderr)
    return 0
