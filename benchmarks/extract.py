"""Extraction speed and memory: sentences/s, MB/s and peak RSS, end to end from JSONL.

The corpus is made of the project's own texts (examples/ and the development set), repeated
with distinct ids until it holds at least ``--sentences`` sentences, half Arabic and half
English. A second corpus ten times larger is streamed by the same command to show that memory
stays flat. Each run is a fresh process (``mediation-graph extract``), timed from start to end,
its peak RSS read from the kernel.

    python benchmarks/extract.py [--sentences 10000] [--factor 10]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from itertools import cycle
from pathlib import Path

from mediation_graph.text.segment import split_sentences

ROOT = Path(__file__).resolve().parents[1]


def own_texts() -> list[tuple[str, str]]:
    """(language, text) of every text the project wrote itself."""
    texts = [("ar" if "_ar" in p.name else "en", p.read_text(encoding="utf-8"))
             for p in sorted((ROOT / "examples").glob("*.txt"))]
    devset = ROOT / "tests" / "devset" / "devset.jsonl"
    for line in devset.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        texts.append((record["lang"], record["text"]))
    return texts


def write_corpus(path: Path, sentences: int) -> tuple[int, int]:
    """Write documents until ``sentences`` are reached; return (sentences, bytes)."""
    total = 0
    with path.open("w", encoding="utf-8") as handle:
        for n, (language, text) in enumerate(cycle(own_texts())):
            if total >= sentences:
                break
            record = {"id": f"doc{n}", "text": text, "language": language}
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
            total += sum(1 for _ in split_sentences(text))
    return total, path.stat().st_size


# A fresh interpreter runs the command and reports its child's peak RSS alone.
_MEASURE = """
import resource, subprocess, sys, time
start = time.perf_counter()
out = subprocess.run(sys.argv[1:], stdout=subprocess.PIPE, check=True).stdout
print(time.perf_counter() - start, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
      out.count(b"\\n"))
"""


def run_extract(corpus: Path) -> tuple[float, float, int]:
    """Seconds, peak RSS in MB of the extract process, and events printed."""
    exe = Path(sys.executable).parent / "mediation-graph"
    report = subprocess.run([sys.executable, "-c", _MEASURE, str(exe), "extract", str(corpus),
                             "--format", "jsonl"], capture_output=True, text=True, check=True)
    seconds, peak_kb, events = report.stdout.split()
    return float(seconds), int(peak_kb) / 1024, int(events)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=10_000)
    parser.add_argument("--factor", type=int, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for size in (args.sentences, args.sentences * args.factor):
            corpus = Path(tmp) / f"corpus-{size}.jsonl"
            sentences, size_bytes = write_corpus(corpus, size)
            seconds, peak_mb, events = run_extract(corpus)
            print(f"{sentences:>8} sentences  {size_bytes / 1e6:7.1f} MB  {seconds:7.1f} s  "
                  f"{sentences / seconds:7.0f} sentences/s  {size_bytes / 1e6 / seconds:5.2f} MB/s"
                  f"  peak RSS {peak_mb:6.0f} MB  {events} events")


if __name__ == "__main__":
    main()
