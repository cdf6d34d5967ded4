"""``mediation-graph eval``: precision and recall of the extractor on gold data."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..errors import InputError
from ..evaluate.gold import GoldRecord
from ..evaluate.mappings import load_mappings
from ..evaluate.readers import FORMATS, detect_format, read_entities, read_gold
from ..evaluate.report import details_json, details_text, to_json, to_text
from ..evaluate.run import evaluate
from ..extract.pipeline import Extractor


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "eval", help="score the extractor against gold event data",
        description="Run the extractor on every gold record and print event detection, actor "
                    "and recipient matching, (actor, type, recipient) triples, span overlap "
                    "and a confusion table of types. Reads PLOVER gold standard JSON, "
                    "PETRARCH validation XML and passage JSON lines.")
    parser.add_argument("gold", nargs="+", type=Path, metavar="GOLD",
                        help="gold files; several are scored together")
    parser.add_argument("--format", choices=FORMATS,
                        help="the gold format (default: detected from each file)")
    parser.add_argument("--entities", type=Path, metavar="FILE",
                        help="entities of a passage file (default: entities.json beside it)")
    parser.add_argument("--lang", choices=["ar", "en"], help="score only records in this language")
    parser.add_argument("--limit", type=int, metavar="N", help="score only the first N records")
    parser.add_argument("--details", action="store_true",
                        help="print each record's expected and extracted events side by side")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.limit is not None and args.limit < 1:
        raise InputError("--limit must be at least 1")
    records, sources = _records(args)
    if not records:
        raise InputError("no gold records to score" + (f" in language {args.lang}"
                                                         if args.lang else ""))
    evaluation = evaluate(records, Extractor().extract, load_mappings(), sources,
                          keep=args.details)
    out = sys.stdout
    if args.json:
        report = to_json(evaluation)
        if args.details:
            report["details"] = [details_json(result) for result in evaluation.results]
        json.dump(report, out, ensure_ascii=False, indent=1)
        out.write("\n")
        return 0
    if args.details:
        for result in evaluation.results:
            out.write(details_text(result) + "\n\n")
    out.write(to_text(evaluation) + "\n")
    return 0


def _records(args: argparse.Namespace) -> tuple[list[GoldRecord], list[str]]:
    mappings = load_mappings()
    records: list[GoldRecord] = []
    sources = []
    for path in args.gold:
        fmt = args.format or detect_format(path)
        entities = None
        if fmt == "passages":
            entities_path = args.entities or path.parent / "entities.json"
            if not entities_path.exists():
                raise InputError(f"{path}: passages name their actors through an entities "
                                 "file; give it with --entities FILE")
            entities = read_entities(entities_path)
        records += read_gold(path, fmt, mappings, entities)
        sources.append(f"{path} ({fmt})")
    if args.lang:
        records = [record for record in records if record.language == args.lang]
    return records[:args.limit] if args.limit else records, sources
