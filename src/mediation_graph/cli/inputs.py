"""Options shared by the commands that read news: paths, encoding, language, date, errors."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path

from ..model import Document
from ..text.reading import ReadOptions, read_inputs


def add_input_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH",
                        help="files (.txt .md .html .jsonl), folders, or - for standard input")
    parser.add_argument("--encoding", help="force the text encoding (default: detected)")
    parser.add_argument("--language", choices=["ar", "en"],
                        help="force the language (default: detected per document)")
    parser.add_argument("--date", help="document date (YYYY-MM-DD) for texts that carry none")
    parser.add_argument("--on-error", choices=["fail", "skip"], default="fail",
                        help="on a bad file or JSONL line: stop (default) or skip and report it")


def add_store_argument(parser: argparse.ArgumentParser) -> None:
    """``--store DIR``: the embedded store the command reads (default: output/store)."""
    from ..graph.store import DEFAULT_STORE

    parser.add_argument("--store", type=Path, default=DEFAULT_STORE, metavar="DIR",
                        help=f"the store directory (default: {DEFAULT_STORE})")


def read_options(args: argparse.Namespace) -> ReadOptions:
    return ReadOptions(encoding=args.encoding, language=args.language, date=args.date,
                       on_error=args.on_error)


def documents(args: argparse.Namespace, options: ReadOptions) -> Iterator[Document]:
    return read_inputs(args.paths, options)


def report_skipped(options: ReadOptions) -> None:
    for problem in options.skipped:
        print(f"mediation-graph: skipped: {problem}", file=sys.stderr)
    if options.skipped:
        print(f"mediation-graph: {len(options.skipped)} input(s) skipped", file=sys.stderr)
