"""Benchmark of the knowledge graph: load, size, export and named-query latency at scale.

Generates synthetic DocumentResults (10 events per document, 150 actors, every PLOVER type,
10% mediations, some negated or non-asserted events), bulk-loads them into an on-disk store and
prints, per size: load time, quads, store size on disk, Turtle and N-Quads export time, the
latency of every named query, and the peak RSS of the process. Each size runs in a fresh
process so peak RSS is that size's own.

    .venv/bin/python benchmarks/graph.py                       # 10k, 100k and 1M events
    .venv/bin/python benchmarks/graph.py --sizes 10000,100000
    .venv/bin/python benchmarks/graph.py --sizes 10000 --in-memory   # the same without RocksDB
    .venv/bin/python benchmarks/graph.py --sizes 1000000 --store DIR  # keep it; again: queries
    .venv/bin/python benchmarks/graph.py --loader-ceiling 200000  # the store's own load speed

Goals (issue 4): 1M events loaded in under 3 minutes, every named query under 1 s at 1M
events, peak RSS under 4 GB.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox

from mediation_graph.graph.convert import document_graphs
from mediation_graph.graph.library import library
from mediation_graph.graph.store import Store
from mediation_graph.model import (
    MODALITIES,
    PLOVER_TYPES,
    Document,
    DocumentResult,
    Entity,
    Event,
    Mention,
    Span,
)

EVENTS_PER_DOC = 10
ACTORS = [Entity(f"A{i:03d}", f"Actor {i}", "state" if i < 100 else "organization",
                 f"C{i % 100:02d}X"[:3], "GOV", f"Q{1000 + i}" if i % 3 == 0 else None,
                 None, f"Actor {i}") for i in range(150)]
# The named queries' default parties and actor, so they have something to find.
for fixed in (Entity("HAMAS", "Hamas", "armed_group", "PSE", "REB"),
              Entity("ISR", "Israel", "state", "ISR", "GOV", "Q801"),
              Entity("TUR", "Turkey", "state", "TUR", "GOV", "Q43")):
    ACTORS.append(fixed)


def synthetic(n_events: int, seed: int = 7) -> Iterator[DocumentResult]:
    rng = random.Random(seed)
    for d in range(n_events // EVENTS_PER_DOC):
        doc_id = f"doc{d:07d}"
        sentences, events, pos = [], [], 0
        for s in range(EVENTS_PER_DOC):
            a, b, c = rng.sample(ACTORS, 3)
            mediate = rng.random() < 0.1
            verb = "mediates between" if mediate else "met"
            text = (f"{a.name} {verb} {b.name} and {c.name}." if mediate
                    else f"{a.name} {verb} {b.name}.")
            start = pos
            sentences.append(text)
            pos += len(text) + 1
            trigger_at = start + len(a.name) + 1
            b_at = text.index(b.name, len(a.name)) + start
            recipients = [Mention(Span(b.name, b_at, b_at + len(b.name)), b, s, 2, 4)]
            if mediate:
                c_at = text.index(c.name, b_at - start + len(b.name)) + start
                recipients.append(Mention(Span(c.name, c_at, c_at + len(c.name)), c, s, 5, 7))
            events.append(Event(
                id=f"{doc_id}-s{s}-e1", doc_id=doc_id, sentence=s, language="en",
                event="CONSULT" if mediate else rng.choice(PLOVER_TYPES),
                cameo="045" if mediate else f"0{rng.randint(40, 46)}",
                trigger=Span(verb, trigger_at, trigger_at + len(verb)),
                sentence_span=Span(text, start, start + len(text)),
                actors=[Mention(Span(a.name, start, start + len(a.name)), a, s, 0, 2)],
                recipients=recipients,
                mode="mediate" if mediate else None,
                context=["diplomatic"],
                date=f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                negated=rng.random() < 0.05,
                modality="asserted" if rng.random() < 0.8 else rng.choice(MODALITIES),
                confidence=round(rng.random(), 2),
            ))
        text = " ".join(sentences)
        yield DocumentResult(Document(doc_id, text, "en", "2024-06-01"), events,
                             sentence_count=EVENTS_PER_DOC)


def directory_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def measure(n_events: int, in_memory: bool, kept: Path | None) -> dict[str, object]:
    figures: dict[str, object] = {"events": n_events, "load_average": os.getloadavg()[0]}
    if kept is not None and kept.exists():
        with Store(kept) as store:  # a store kept by an earlier run: its queries only
            figures["quads"] = len(store)
            figures["queries_ms_rows"] = time_queries(store)
    else:
        with tempfile.TemporaryDirectory(prefix="mg-bench-") as tmp:
            store_dir = kept or Path(tmp) / "store"
            with Store(None if in_memory else store_dir) as store:
                load_and_export(store, n_events, store_dir, Path(tmp), figures)
                figures["queries_ms_rows"] = time_queries(store)
    figures["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return figures


def load_and_export(store: Store, n_events: int, store_dir: Path, tmp: Path,
                    figures: dict[str, object]) -> None:
    t0 = time.perf_counter()
    store.add_documents(synthetic(n_events))
    store.oxigraph.flush()
    figures["load_s"] = time.perf_counter() - t0
    figures["quads"] = len(store)
    store.oxigraph.optimize()
    figures["store_mb"] = directory_size(store_dir) / 1e6 if store_dir.exists() else 0.0
    for fmt in ("turtle", "nquads"):
        out = tmp / f"graph.{fmt}"
        t0 = time.perf_counter()
        store.export(fmt, out)
        figures[f"export_{fmt}_s"] = time.perf_counter() - t0
        figures[f"export_{fmt}_mb"] = out.stat().st_size / 1e6
        out.unlink()
    t0 = time.perf_counter()
    store.events("doc0000000")
    figures["events_of_one_doc_ms"] = (time.perf_counter() - t0) * 1000


def loader_ceiling(n_events: int) -> str:
    """How fast the store alone loads our quads: the events are converted to an N-Quads file
    first (timed apart), then RocksDB's bulk loader reads the file in Rust, once into one
    named graph per document and once with every quad in the default graph. Also the quads
    per event by predicate, to see what a three-minute load at a million events leaves room
    for."""
    lines = [f"== loader ceiling, {n_events:,} events, load average {os.getloadavg()[0]:.1f}"]
    with tempfile.TemporaryDirectory(prefix="mg-ceiling-") as tmp:
        named, default = Path(tmp) / "named.nq", Path(tmp) / "default.nt"
        predicates: Counter[str] = Counter()
        t0 = time.perf_counter()
        with named.open("w", encoding="utf-8") as out:
            for result in synthetic(n_events):
                data = document_graphs(result).nquads(shared=False)
                out.write(data)
                predicates.update(line.split(" ", 2)[1] for line in data.splitlines())
        lines.append(f"convert to N-Quads {time.perf_counter() - t0:8.1f} s")
        with named.open(encoding="utf-8") as quads, default.open("w", encoding="utf-8") as out:
            out.writelines(line.rsplit(" <", 1)[0] + " .\n" for line in quads)
        quads = sum(predicates.values())
        for label, path, fmt in (("named graphs", named, ox.RdfFormat.N_QUADS),
                                 ("default graph", default, ox.RdfFormat.N_TRIPLES)):
            store = ox.Store(str(Path(tmp) / label.replace(" ", "-")))
            t0 = time.perf_counter()
            store.bulk_load(path=str(path), format=fmt, lenient=True)
            store.flush()
            seconds = time.perf_counter() - t0
            del store
            lines.append(f"load, {label:13s} {seconds:8.1f} s, {quads / seconds:9,.0f} quads/s; "
                         f"3 minutes holds {quads / seconds * 180 / 1e6:4.1f} quads per event "
                         "at 1M events")
    lines.append(f"{quads / n_events:.1f} quads per event, by predicate:")
    lines += [f"  {count / n_events:5.2f}  {predicate}" for predicate, count in
              predicates.most_common()]
    return "\n".join(lines)


def time_queries(store: Store, runs: int = 3) -> dict[str, list[float]]:
    """Each named query's first latency (caches cold for it, after the exports have filled
    them with other data), its best over the following runs (warm), and its rows."""
    queries: dict[str, list[float]] = {}
    for query in library():
        latencies = []
        for _ in range(runs):
            t0 = time.perf_counter()
            result = store.query(query.sparql)
            latencies.append((time.perf_counter() - t0) * 1000)
        rows = len(result.rows) if result.kind == "select" else len(result.triples)
        queries[query.name] = [latencies[0], min(latencies[1:]), rows]
    return queries


def report(figures: dict[str, object]) -> str:
    lines = [f"== {figures['events']:,} events: {figures['quads']:,} quads",
             f"load average     {figures['load_average']:8.1f} (over 1 minute, at the start)"]
    if "load_s" in figures:
        lines += [f"load (bulk)      {figures['load_s']:8.1f} s",
                  f"store on disk    {figures['store_mb']:8.1f} MB",
                  f"export Turtle    {figures['export_turtle_s']:8.1f} s "
                  f"({figures['export_turtle_mb']:.0f} MB)",
                  f"export N-Quads   {figures['export_nquads_s']:8.1f} s "
                  f"({figures['export_nquads_mb']:.0f} MB)",
                  f"events of 1 doc  {figures['events_of_one_doc_ms']:8.1f} ms"]
    lines += [f"peak RSS         {figures['peak_rss_mb']:8.0f} MB",
              "named queries (first run, best of the next two, rows):"]
    for name, (first, warm, rows) in figures["queries_ms_rows"].items():
        lines.append(f"  {name:26s} {first:9.1f} ms {warm:9.1f} ms {rows:8d}")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000",
                        help="comma-separated numbers of events")
    parser.add_argument("--in-memory", action="store_true",
                        help="use an in-memory store (no RocksDB): isolates the disk's share")
    parser.add_argument("--store", type=Path,
                        help="keep the store in this directory (one size only); if it exists "
                             "already, time its named queries without loading")
    parser.add_argument("--loader-ceiling", type=int, metavar="EVENTS",
                        help="time the store's bulk loader alone on this many events' N-Quads")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # a child process' size
    args = parser.parse_args()
    if args.loader_ceiling:
        print(loader_ceiling(args.loader_ceiling))
        return 0
    if args.one:
        print(json.dumps(measure(args.one, args.in_memory, args.store)))
        return 0
    options = ["--in-memory"] if args.in_memory else []
    if args.store:
        options += ["--store", str(args.store.resolve())]
    for size in (int(s) for s in args.sizes.split(",")):
        child = subprocess.run([sys.executable, __file__, "--one", str(size), *options],
                               capture_output=True, text=True)
        if child.returncode != 0:
            print(f"== {size:,} events: failed\n{child.stderr}", file=sys.stderr)
            return 1
        print(report(json.loads(child.stdout.splitlines()[-1])), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
