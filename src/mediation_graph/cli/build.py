"""``mediation-graph build``: extract, store, and write the graph files and the network view.

Writes into ``--out`` (default ``output/``): ``events.jsonl``, ``graph.ttl``, ``graph.jsonld`` and
``graph.html``, each replaced atomically, and keeps the RDF store in ``--store`` (default
``OUT/store``, or an ``http(s)://`` SPARQL store) so that ``query``, ``export`` and ``view``
answer from it afterwards.

Builds are incremental: documents whose content hash the store's manifest already lists are
skipped (``--rebuild`` builds them anyway), changed ones replace their graphs, and a build that
was stopped resumes where it stopped. ``--workers N`` extracts in N processes and ``--dask
ADDRESS`` on a Dask cluster; this process stays the only writer.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from ..atomic import atomic_writer, write_text_atomic
from ..errors import InputError, RuntimeFailure
from ..graph.store import Store
from ..scale.manifest import MANIFEST_GRAPH
from ..scale.pipeline import PreviousEvents, run_build
from ..scale.progress import Counts, Progress, count_documents, stderr_is_terminal
from ..scale.remote import Endpoints, RemoteStore, is_remote
from ..scale.sinks import EmbeddedSink, RemoteSink, Sink
from ..scale.workers import Dask, Executor, Processes, Serial
from ..view.html import write_html
from .inputs import add_input_arguments, documents, read_options, report_skipped

OUTPUTS = ("events.jsonl", "graph.ttl", "graph.jsonld", "graph.html")
STATE_FILE = ".build-state.json"  # which store state the graph files in OUT were drawn from


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "build", help="extract events and build the graph, its exports and the HTML view",
        description="Extract events from the given texts, store them as RDF and write "
                    "events.jsonl, graph.ttl, graph.jsonld and graph.html. Documents the store "
                    "already holds unchanged are skipped.")
    add_input_arguments(parser)
    parser.add_argument("--out", type=Path, default=Path("output"),
                        help="folder for the outputs (default: output)")
    parser.add_argument("--store", metavar="DIR|URL",
                        help="RDF store folder, or the http(s) URL of a SPARQL 1.1 store "
                             "(default: OUT/store)")
    parser.add_argument("--store-config", type=Path, metavar="TOML",
                        help="endpoints and credential variables of a remote store ([store] "
                             "table: url, query, update, data, user, token_env, password_env)")
    parser.add_argument("--events-only", action="store_true",
                        help="write the store and events.jsonl only, not graph.ttl, "
                             "graph.jsonld and graph.html (whole-store files: for large "
                             "corpora, export or view what you need later)")
    parser.add_argument("--max-nodes", type=int, default=300,
                        help="most actors drawn in graph.html (default: 300)")
    parser.add_argument("--rebuild", action="store_true",
                        help="build every input document again, even unchanged ones")
    parser.add_argument("--workers", type=int, default=1, metavar="N",
                        help="extraction processes on this machine (default: 1)")
    parser.add_argument("--dask", metavar="ADDRESS",
                        help="run the extraction on the Dask scheduler at ADDRESS "
                             "(e.g. tcp://10.0.0.5:8786)")
    parser.add_argument("--batch-size", type=int, default=64, metavar="N",
                        help="documents per write to the store (default: 64)")
    parser.add_argument("--progress", action="store_true",
                        help="print progress lines even when stderr is not a terminal")
    parser.add_argument("--quiet", action="store_true", help="print nothing but errors")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    check_arguments(args)
    options = read_options(args)
    out: Path = args.out
    started = time.monotonic()
    with open_sink(args) as sink:
        state = read_state(out)
        before = sink.digest()
        same_store = state.get("store") == sink.name
        trusted = same_store and state.get("digest") == before
        previous = PreviousEvents(out / "events.jsonl" if trusted else None, sink.events_of)
        progress = make_progress(args)
        executor = make_executor(args)
        try:
            with atomic_writer(out / "events.jsonl") as events_out:
                counts = run_build(documents(args, options), sink, executor, events_out,
                                   previous, progress, rebuild=args.rebuild,
                                   chunk_size=args.batch_size)
        finally:
            executor.close()
            previous.close()
        after = sink.digest()
        current = (same_store and state.get("digest") == after
                   and state.get("max_nodes") == args.max_nodes
                   and all((out / name).is_file() for name in written_files(sink, args)))
        if not current and not args.events_only:
            write_graph_files(sink, out, args.max_nodes)
        write_text_atomic(out / STATE_FILE, json.dumps(
            {"store": sink.name, "digest": after, "max_nodes": args.max_nodes}) + "\n")
    report_skipped(options)
    if not args.quiet:
        print(summary(counts, time.monotonic() - started, sink.name), file=sys.stderr)
        for name in written_files(sink, args):
            verb = "wrote" if name == "events.jsonl" or not current else "kept"
            print(f"  {verb} {out / name}", file=sys.stderr)
    return 0


def check_arguments(args: argparse.Namespace) -> None:
    if args.workers < 1:
        raise InputError("--workers must be at least 1")
    if args.batch_size < 1:
        raise InputError("--batch-size must be at least 1")
    if args.dask and args.workers > 1:
        raise InputError("choose --workers or --dask, not both")
    if args.store_config and not is_remote(args.store):
        raise InputError("--store-config applies to a remote store: pass --store URL too")


@contextlib.contextmanager
def open_sink(args: argparse.Namespace) -> Iterator[Sink]:
    if is_remote(args.store):
        with RemoteStore(Endpoints.from_url(args.store, args.store_config)) as remote:
            yield RemoteSink(remote)
        return
    path = Path(args.store) if args.store else args.out / "store"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise RuntimeFailure(f"cannot create {path.parent}: {exc.strerror or exc}") from exc
    with Store(path) as store:
        yield EmbeddedSink(store)


def make_executor(args: argparse.Namespace) -> Executor:
    if args.dask:
        return Dask(args.dask)
    return Processes(args.workers) if args.workers > 1 else Serial()


def make_progress(args: argparse.Namespace) -> Progress:
    terminal = stderr_is_terminal(sys.stderr)
    enabled = not args.quiet and (terminal or args.progress)
    total = count_documents(args.paths) if enabled else None
    return Progress(sys.stderr, enabled=enabled, lines=not terminal, total=total)


def read_state(out: Path) -> dict:
    try:
        state = json.loads((out / STATE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return state if isinstance(state, dict) else {}


def written_files(sink: Sink, args: argparse.Namespace) -> tuple[str, ...]:
    if args.events_only:
        return ("events.jsonl",)
    # A remote store's graph is not copied here: graph.ttl comes straight from the server,
    # and the JSON-LD and HTML views are left to tools reading the server.
    return ("events.jsonl", "graph.ttl") if isinstance(sink, RemoteSink) else OUTPUTS


def write_graph_files(sink: Sink, out: Path, max_nodes: int) -> None:
    if isinstance(sink, RemoteSink):
        with atomic_writer(out / "graph.ttl", "wb") as handle:
            sink.remote.construct_to(
                "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } "
                f"FILTER (?g != <{MANIFEST_GRAPH}>) }}", handle)
        return
    assert isinstance(sink, EmbeddedSink)
    store = sink.store
    store.export("turtle", out / "graph.ttl")
    store.export("jsonld", out / "graph.jsonld")
    titles = {d.id: d.title or d.id for d in store.documents()}
    write_html(store.events(), out / "graph.html", titles=titles, max_nodes=max_nodes)


def summary(counts: Counts, seconds: float, store: str) -> str:
    rate = counts.documents / seconds if seconds > 0 else 0.0
    return (f"built {counts.built} document(s), skipped {counts.skipped} unchanged; "
            f"{counts.sentences} sentences, {counts.events} events in events.jsonl; "
            f"{seconds:.1f} s ({rate:,.0f} doc/s); store: {store}")
