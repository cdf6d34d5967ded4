"""Benchmark of builds at scale: throughput, the writer's memory, remote stores, no-change builds.

Generates a synthetic JSONL corpus (default 100,000 small documents: a third report diplomacy,
in English or Arabic, the rest are weather, markets and sport with no events, as in a real wire)
and times, each build in a fresh process with ``--events-only`` (the store and events.jsonl):

- a first build with 1 and with 2 worker processes (documents per second);
- the peak RSS of the writer process, sampled every 0.1 s (goal: flat, under 1 GB);
- the same 2-worker build into a remote Oxigraph server (``oxigraph serve``) against the
  embedded store (the difference is the cost of the HTTP store);
- a second build of the unchanged corpus (goal: under 5% of the first).

    .venv/bin/python benchmarks/scale.py                 # 100,000 documents
    .venv/bin/python benchmarks/scale.py --docs 5000     # a quick run
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

from mediation_graph.paths import ontology_dir

COUNTRIES = [("Qatar", "قطر"), ("Egypt", "مصر"), ("Turkey", "تركيا"), ("Oman", "سلطنة عمان"),
             ("Jordan", "الأردن"), ("Iran", "إيران"), ("Israel", "إسرائيل"),
             ("Saudi Arabia", "السعودية")]
PARTIES = [("Hamas", "حماس"), ("Israel", "إسرائيل"), ("Iran", "إيران"),
           ("the United States", "الولايات المتحدة"), ("Hezbollah", "حزب الله")]
EN_EVENTS = ["{a} mediated talks between {b} and {c} on {day}.",
             "{a}'s foreign minister met leaders of {b} on {day}.",
             "{a} accused {b} of violating the truce.",
             "{a} hosted indirect negotiations between {b} and {c}."]
AR_EVENTS = ["توسطت {a} في محادثات بين {b} و{c}.",
             "التقى وزير خارجية {a} قادة {b} يوم {day}.",
             "اتهمت {a} {b} بخرق الهدنة."]
EN_FILLER = ["Heavy rain is expected across the north on {day}.",
             "The stock index closed slightly higher after a quiet session.",
             "The home side won the final two goals to one.",
             "Fuel prices will stay unchanged for another month."]
AR_FILLER = ["يتوقع هطول أمطار غزيرة على المناطق الشمالية يوم {day}.",
             "أغلق المؤشر العام للبورصة على ارتفاع طفيف.",
             "فاز الفريق المضيف في المباراة النهائية بهدفين مقابل هدف."]
DAYS_EN = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
DAYS_AR = ["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة"]


def document(i: int, rng: random.Random) -> dict:
    arabic = rng.random() < 0.5
    lang = 1 if arabic else 0
    day = rng.choice(DAYS_AR if arabic else DAYS_EN)
    filler = AR_FILLER if arabic else EN_FILLER
    sentences = [rng.choice(filler).format(day=day)]
    if i % 3 == 0:
        a = rng.choice(COUNTRIES)[lang]
        b, c = (p[lang] for p in rng.sample(PARTIES, 2))
        sentences.insert(0, rng.choice(AR_EVENTS if arabic else EN_EVENTS).format(
            a=a, b=b, c=c, day=day))
    else:
        sentences.append(rng.choice(filler).format(day=day))
    return {"id": f"w{i:07d}", "text": " ".join(sentences), "language": "ar" if arabic else "en",
            "date": f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}"}


def write_corpus(path: Path, n: int) -> None:
    rng = random.Random(7)
    with path.open("w", encoding="utf-8") as handle:
        for i in range(n):
            handle.write(json.dumps(document(i, rng), ensure_ascii=False) + "\n")


def timed_build(*argv: str, ontology: Path) -> tuple[float, float]:
    """Run one build in a fresh process; returns (seconds, writer peak RSS in MB)."""
    command = [sys.executable, "-m", "mediation_graph.cli.main", "build", *argv,
               "--events-only", "--quiet"]
    # A lexicon edited during the benchmark would (rightly) rebuild everything: pin a copy.
    env = {**os.environ, "MEDIATION_GRAPH_ONTOLOGY": str(ontology)}
    started = time.perf_counter()
    process = psutil.Popen(command, env=env)
    peak = 0
    while process.poll() is None:
        try:
            peak = max(peak, process.memory_info().rss)
        except psutil.NoSuchProcess:
            break
        time.sleep(0.1)
    seconds = time.perf_counter() - started
    if process.returncode != 0:
        raise SystemExit(f"build failed ({process.returncode}): {' '.join(argv)}")
    return seconds, peak / 2**20


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(folder: Path) -> tuple[subprocess.Popen, str] | None:
    command = shutil.which("oxigraph") or shutil.which("oxigraph",
                                                       path=str(Path(sys.executable).parent))
    if command is None:
        return None
    port = free_port()
    process = subprocess.Popen([command, "serve", "--location", str(folder), "--bind",
                                f"127.0.0.1:{port}", "--union-default-graph"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(200):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return process, f"http://127.0.0.1:{port}"
        except OSError:
            time.sleep(0.05)
    process.terminate()
    return None


def report(label: str, docs: int, seconds: float, rss: float) -> None:
    print(f"{label:<34} {seconds:9.1f} s {docs / seconds:9.0f} doc/s {rss:9.0f} MB",
          flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--no-remote", action="store_true", help="skip the Oxigraph server run")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="mg-scale-") as tmp:
        root = Path(tmp)
        corpus = root / "corpus.jsonl"
        write_corpus(corpus, args.docs)
        timed = functools.partial(timed_build, ontology=root / "ontology")
        shutil.copytree(ontology_dir(), root / "ontology")
        size = corpus.stat().st_size / 2**20
        print(f"corpus: {args.docs:,} documents, {size:.1f} MB of JSONL", flush=True)
        print(f"{'build':<34} {'time':>11} {'throughput':>15} {'writer RSS':>12}")
        first, rss = timed(str(corpus), "--out", str(root / "one"))
        report("embedded, 1 worker", args.docs, first, rss)
        again, rss = timed(str(corpus), "--out", str(root / "one"))
        report("embedded, no change (2nd build)", args.docs, again, rss)
        print(f"  no-change build: {100 * again / first:.1f}% of the first (goal < 5%)")
        two, rss = timed(str(corpus), "--out", str(root / "two"), "--workers", "2")
        report("embedded, 2 workers", args.docs, two, rss)
        events = sum(1 for _ in (root / "two" / "events.jsonl").open("rb"))
        print(f"  {events:,} events; speed-up with 2 workers: {first / two:.2f}x")
        if args.no_remote:
            return
        server = start_server(root / "server")
        if server is None:
            print("remote: skipped (no oxigraph command: pip install oxigraph)")
            return
        process, url = server
        try:
            remote, rss = timed(str(corpus), "--out", str(root / "remote"),
                                      "--store", url, "--workers", "2")
            report("remote Oxigraph, 2 workers", args.docs, remote, rss)
            print(f"  remote against embedded: {remote / two:.2f}x the time")
        finally:
            process.terminate()
            process.wait()


if __name__ == "__main__":
    main()
