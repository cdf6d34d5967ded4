"""``mediation-graph extract``: events as JSON lines (one per event) or as a readable table."""

from __future__ import annotations

import argparse
import json
import sys

from ..extract.pipeline import Extractor
from ..model import Event
from ..text.normalize import is_arabic
from .inputs import add_input_arguments, documents, read_options, report_skipped

_RLI, _PDI = "\u2067", "\u2069"  # isolate right-to-left runs so terminals lay Arabic out right


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("extract", help="extract events from news text",
                                   description="Print the events found in the given texts.")
    add_input_arguments(parser)
    parser.add_argument("--format", choices=["jsonl", "table"], default="jsonl")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    options = read_options(args)
    extractor = Extractor()
    out = sys.stdout
    for document in documents(args, options):
        for event in extractor.extract(document).events:
            if args.format == "jsonl":
                out.write(json.dumps(event.to_record(), ensure_ascii=False) + "\n")
            else:
                out.write(format_event(event) + "\n")
    report_skipped(options)
    return 0


def _isolated(text: str) -> str:
    return f"{_RLI}{text}{_PDI}" if is_arabic(text) else text


def _names(mentions: list) -> str:
    return ", ".join(f"{m.entity.name} [{_isolated(m.span.text)}]" for m in mentions) or "-"


def format_event(event: Event) -> str:
    """A few readable lines: type, who, whom, flags, and the sentence with the trigger marked."""
    kind = event.event + (f"/{event.mode}" if event.mode else "") + f" (CAMEO {event.cameo})"
    flags = [event.modality] + (["NEGATED"] if event.negated else [])
    start = event.trigger.start - event.sentence_span.start
    end = event.trigger.end - event.sentence_span.start
    text = event.sentence_span.text
    marked = f"{text[:start]}«{text[start:end]}»{text[end:]}"
    return "\n".join([
        f"{event.id}  {kind}  {', '.join(flags)}  confidence {event.confidence:.2f}"
        + (f"  date {event.date}" if event.date else ""),
        f"  actor:     {_names(event.actors)}",
        f"  recipient: {_names(event.recipients)}",
        f"  evidence:  {_isolated(marked)}",
    ])
