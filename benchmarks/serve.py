"""Benchmark of ``mediation-graph serve``: concurrent clients on loopback over 100,000 events.

Builds an on-disk store from the synthetic documents of ``benchmarks/graph.py`` (10 events per
document, 153 actors), starts ``mediation-graph serve`` on it in a child process, and for each
query kind runs a fixed number of clients for a fixed time, each sending its next request when
the last one is answered (a closed loop: the load is bounded by the number of clients). Every
request names a random actor, so no two consecutive answers are alike. Prints, per kind, the
requests, errors, queries per second and p50/p99 latency.

    .venv/bin/python benchmarks/serve.py                     # 100,000 events, 8 clients, 10 s
    .venv/bin/python benchmarks/serve.py --events 10000 --clients 4 --seconds 5
    .venv/bin/python benchmarks/serve.py --store /tmp/bench-store   # keep it; reuse next time

Goals (issue 8): at least 200 queries/s, p99 under 250 ms, no errors, for the 1-hop query and
the aggregation; the third kind, counting an actor's events by type, joins event nodes and
shows what a heavier query costs.
"""

from __future__ import annotations

import argparse
import http.client
import importlib.util
import random
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from urllib.parse import urlencode

from mediation_graph.graph.store import Store

# One hop along a derived relation: the actors an actor met.
ONE_HOP = """SELECT DISTINCT ?target WHERE {{ entity:{actor} rel:meetsWith ?target }}"""
# An actor's dealings counted by relation: partners and statements per relation.
AGGREGATION = """SELECT ?relation (COUNT(DISTINCT ?target) AS ?partners)
       (COUNT(*) AS ?statements) WHERE {{
  entity:{actor} ?relation ?target .
  FILTER (STRSTARTS(STR(?relation), STR(rel:)))
}} GROUP BY ?relation ORDER BY DESC(?statements)"""
# Not among the goals, shown for scale: an aggregation over event nodes (a join per event).
EVENT_TYPES = """SELECT ?type (COUNT(?event) AS ?events) WHERE {{
  ?event mg:actor entity:{actor} ; sem:eventType ?type .
}} GROUP BY ?type ORDER BY DESC(?events)"""
KINDS = {"1-hop": ONE_HOP, "aggregation": AGGREGATION, "event-types": EVENT_TYPES}


def graph_benchmark() -> ModuleType:
    """benchmarks/graph.py, whose synthetic documents this benchmark serves."""
    path = Path(__file__).with_name("graph.py")
    spec = importlib.util.spec_from_file_location("graph_benchmark", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def build(path: Path, events: int) -> list[str]:
    """Bulk-load the synthetic store unless ``path`` holds one; returns the actor ids."""
    generator = graph_benchmark()
    if path.exists():
        print(f"store: reusing {path}")
    else:
        started = time.perf_counter()
        with Store(path) as store:
            store.add_documents(generator.synthetic(events))
        print(f"store: {events:,} events loaded in {time.perf_counter() - started:.1f} s")
    return [a.id for a in generator.ACTORS]


def start_server(store: Path, workers: int) -> tuple[subprocess.Popen, str, int]:
    command = [sys.executable, "-m", "mediation_graph.cli.main", "serve", "--store", str(store),
               "--port", "0", "--workers", str(workers)]
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    assert process.stderr is not None
    line = process.stderr.readline()
    match = re.search(r"http://([\d.]+):(\d+)/", line)
    if not match:
        process.kill()
        raise SystemExit(f"the server did not start: {line}{process.stderr.read()}")
    return process, match.group(1), int(match.group(2))


@dataclass
class Tally:
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)


def client(host: str, port: int, template: str, actors: list[str], until: float,
           seed: int, tally: Tally) -> None:
    rng = random.Random(seed)
    connection = http.client.HTTPConnection(host, port, timeout=30)
    headers = {"Accept": "application/sparql-results+json"}
    mine: list[float] = []
    errors = 0
    while time.perf_counter() < until:
        query = template.format(actor=rng.choice(actors))
        started = time.perf_counter()
        try:
            connection.request("GET", "/sparql?" + urlencode({"query": query}), headers=headers)
            response = connection.getresponse()
            body = response.read()
            ok = response.status == 200 and body.startswith(b"{")
        except (OSError, http.client.HTTPException):
            ok = False
            connection.close()
            connection = http.client.HTTPConnection(host, port, timeout=30)
        mine.append(time.perf_counter() - started)
        errors += not ok
    connection.close()
    with tally.lock:
        tally.latencies += mine
        tally.errors += errors


def run_load(host: str, port: int, template: str, actors: list[str], clients: int,
             seconds: float) -> dict[str, float]:
    tally = Tally()
    until = time.perf_counter() + seconds
    threads = [threading.Thread(target=client, args=(host, port, template, actors, until, n,
                                                     tally)) for n in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    latencies = sorted(tally.latencies)
    centiles = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else latencies * 99
    return {"requests": len(latencies), "errors": tally.errors,
            "qps": len(latencies) / elapsed, "p50_ms": centiles[49] * 1000,
            "p99_ms": centiles[98] * 1000}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=10.0, help="per query kind")
    parser.add_argument("--workers", type=int, default=2, help="server worker processes")
    parser.add_argument("--store", type=Path,
                        help="build the store here and keep it, or reuse the one found here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="mg-serve-bench-") as folder:
        store = args.store or Path(folder) / "store"
        actors = build(store, args.events)
        process, host, port = start_server(store, args.workers)
        try:
            print(f"server: {args.workers} workers; {args.clients} clients, "
                  f"{args.seconds:g} s per kind, loopback")
            print(f"{'query':<12} {'requests':>9} {'errors':>7} {'q/s':>8} {'p50 ms':>8} "
                  f"{'p99 ms':>8}")
            for name, template in KINDS.items():
                # A short warm-up so the first figures do not include the workers' cold caches.
                run_load(host, port, template, actors, args.clients, min(1.0, args.seconds))
                figures = run_load(host, port, template, actors, args.clients, args.seconds)
                print(f"{name:<12} {figures['requests']:>9,} {figures['errors']:>7} "
                      f"{figures['qps']:>8.1f} {figures['p50_ms']:>8.1f} "
                      f"{figures['p99_ms']:>8.1f}")
        finally:
            process.terminate()
            process.wait(10)


if __name__ == "__main__":
    main()
