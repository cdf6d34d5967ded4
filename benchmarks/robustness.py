"""Bounded time and memory on hostile input: pathological texts through the extractor, and a
large file streamed through ``mediation-graph extract``.

Each pathological text is extracted once in this process and timed; what matters is that every
one finishes, and in time roughly proportional to its length (no pattern backtracks, no list
test grows with the square of a sentence). The large file (``--mb`` megabytes of our own
sentences, one news line repeated) is read in parts of 8 MB by a separate process whose peak
RSS the kernel reports: it must stay flat whatever the file's size.

    python benchmarks/robustness.py [--mb 200] [--skip-large]
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from mediation_graph.extract.pipeline import Extractor
from mediation_graph.model import Document

CLI = Path(sys.executable).parent / "mediation-graph"
CLAUSE = "officials from Qatar and Egypt met with Hamas in Cairo"
LIST_LINE = "Qatar and Egypt mediated talks between Hamas and Israel in Cairo on Monday, "
NEWS_LINE = ("Qatar mediated talks between Hamas and Israel in Cairo. "
             "Oman hosted talks between Iran and the United States in Muscat.\n")
WA_NAMES = ("وقطر", "ومصر", "وتركيا", "وإيران", "وحماس", "والولايات", "المتحدة")


def pathological_texts() -> list[tuple[str, str, str]]:
    """(name, language, text): each stresses one thing a pattern could choke on."""
    return [
        ("100,000-char sentence of clauses", "en", (CLAUSE + " ") * (100_000 // len(CLAUSE))),
        ("100,000-char actor list", "en", (LIST_LINE * 1400)[:100_000]),
        ("100,000 chars without a space", "en", "x" * 100_000),
        ("'Qatar' 50,000 times", "en", "Qatar " * 50_000),
        ("'met' 50,000 times", "en", "met " * 50_000),
        ("10,000 commas", "en", "Egypt" + ", " * 10_000 + "Qatar met Hamas."),
        ("'Egypt, ' 10,000 times", "en", "Egypt, " * 10_000 + "met Hamas."),
        ("10,000 periods", "en", "U.S." + "." * 10_000 + " Qatar met Hamas."),
        ("20,000 و-prefixed names", "ar",
         " ".join(WA_NAMES[i % len(WA_NAMES)] for i in range(20_000)) + " التقت إسرائيل."),
        ("100,000 tatweel in a word", "ar", "ق" + "\u0640" * 100_000 + "طر التقت حماس."),
        ("100,000 diacritics on a word", "ar", "قطر" + "\u064e" * 100_000 + " التقت حماس."),
        ("50,000 bidi controls", "ar", "\u200f\u2067" * 25_000 + "التقت قطر حماس."),
        ("1 MB of news lines", "en", (NEWS_LINE * (1_000_000 // len(NEWS_LINE)))),
    ]


def timed(run: Callable[[], int]) -> tuple[float, int]:
    started = time.perf_counter()
    found = run()
    return time.perf_counter() - started, found


def bench_pathological() -> None:
    extractor = Extractor()
    print(f"{'text':34} {'chars':>9} {'seconds':>8} {'µs/char':>8} {'events':>6}")
    for name, language, text in pathological_texts():
        document = Document(id="p", text=text, language=language)
        seconds, events = timed(lambda d=document: len(extractor.extract(d).events))
        per_char = seconds / len(text) * 1e6
        print(f"{name:34} {len(text):>9,} {seconds:>8.2f} {per_char:>8.1f} {events:>6}",
              flush=True)


def write_large(path: Path, megabytes: int) -> int:
    block = NEWS_LINE * (1024 * 1024 // len(NEWS_LINE.encode("utf-8")))
    with path.open("w", encoding="utf-8") as handle:
        for _ in range(megabytes):
            handle.write(block)
    return path.stat().st_size


def stream_read(path: Path) -> tuple[float, int, float]:
    """Seconds, parts and peak RSS (MB) of a process that reads the file document by
    document, as extract and build do, without extracting (which the line above times)."""
    code = ("import sys\n"
            "from mediation_graph.text.reading import ReadOptions, read_inputs\n"
            "n = sum(1 for _ in read_inputs([sys.argv[1]], ReadOptions(language='en')))\n"
            "print(n)\n")
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True,
                          text=True, check=True)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return seconds, int(done.stdout), peak


def extract_first_part(path: Path) -> tuple[float, float]:
    """Seconds until ``mediation-graph extract`` on the large file prints its first event, and
    its peak RSS by then: it reads one 8 MB part, extracts it whole, prints, and goes on."""
    started = time.perf_counter()
    process = subprocess.Popen([str(CLI), "extract", str(path)], stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL)
    assert process.stdout is not None
    process.stdout.readline()
    seconds = time.perf_counter() - started
    rss = _rss_mb(process.pid)
    process.kill()
    process.wait()
    return seconds, rss


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def bench_large(megabytes: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "large.txt"
        size = write_large(path, megabytes)
        seconds, parts, peak = stream_read(path)
        print(f"\nread {size / 1e6:,.0f} MB in {parts} parts: {seconds:.1f} s "
              f"({size / 1e6 / seconds:,.0f} MB/s), peak RSS {peak:,.0f} MB")
        seconds, rss = extract_first_part(path)
        print(f"mediation-graph extract on it: first event after {seconds:.0f} s (one part "
              f"extracted), peak RSS {rss:,.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=int, default=200, help="size of the large file (MB)")
    parser.add_argument("--skip-large", action="store_true", help="pathological texts only")
    args = parser.parse_args()
    bench_pathological()
    if not args.skip_large:
        bench_large(args.mb)


if __name__ == "__main__":
    main()
