"""Running the extractor over gold records and scoring what it finds, one record at a time."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from ..model import Document, DocumentResult, Event
from .gold import GoldRecord
from .mappings import Mappings
from .scoring import Scorer, Scores, event_status

ExtractFunction = Callable[[Document], DocumentResult]


@dataclass(slots=True)
class RecordResult:
    """One record with what was extracted from it, kept for ``--details``."""

    record: GoldRecord
    events: list[Event]
    statuses: list[str]  # per gold event: found, type or missed (see scoring.event_status)


@dataclass(slots=True)
class Evaluation:
    sources: list[str]  # the gold files, with their formats
    scores: Scores
    languages: Counter[str] = field(default_factory=Counter)
    gold_events: int = 0  # required gold events
    seconds: float = 0.0
    results: list[RecordResult] = field(default_factory=list)


def evaluate(records: Iterable[GoldRecord], extract: ExtractFunction, mappings: Mappings,
             sources: list[str], keep: bool = False) -> Evaluation:
    """Extract every record's text as its own document and score the events against it."""
    scorer = Scorer(mappings)
    evaluation = Evaluation(sources, scorer.scores)
    started = time.perf_counter()
    for record in records:
        document = Document(id=record.id, text=record.text, language=record.language,
                            date=record.date)
        events = extract(document).events
        scorer.add(record, events)
        evaluation.languages[record.language] += 1
        evaluation.gold_events += len(record.required)
        if keep:
            statuses = event_status(record, events, mappings)
            evaluation.results.append(RecordResult(record, events, statuses))
    evaluation.seconds = time.perf_counter() - started
    return evaluation
