"""Every gold set the project is measured on, in one run: a Markdown table of the main figures,
each row with the ``mediation-graph eval`` command that gives its full report, and the time.

    .venv/bin/python benchmarks/eval.py            # from the repository root

The gold files stay in ../shared (PLOVER and Arabic gold standard records, the seed article) and
tests/devset. A set whose files are missing is reported as such. Issue 6 goals: triple F1 at
country level of at least 0.6 on the PLOVER records; on the Arabic records, ASSAULT detection F1
of at least 0.7 and span F1 of at least 0.6.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mediation_graph.evaluate.gold import GoldRecord
from mediation_graph.evaluate.mappings import Mappings, load_mappings
from mediation_graph.evaluate.readers import detect_format, read_entities, read_gold
from mediation_graph.evaluate.report import to_json
from mediation_graph.evaluate.run import evaluate
from mediation_graph.extract.pipeline import Extractor

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
BENCH = "../shared/benchmarks"


@dataclass(frozen=True)
class GoldSet:
    label: str
    files: tuple[str, ...]  # relative to the repository root, as a user types them
    entities: str | None = None
    language: str | None = None

    def command(self) -> str:
        parts = ["mediation-graph eval", *self.files]
        if self.entities:
            parts += ["--entities", self.entities]
        if self.language:
            parts += ["--lang", self.language]
        return " ".join(parts)


SETS = (
    GoldSet("PLOVER GSR (en)", (f"{BENCH}/plover_gsr/PLOVER_GSR_CAMEO.json",)),
    GoldSet("Arabic GSR, ASSAULT and PROTEST together (ar)",
            (f"{BENCH}/arabic_gsr/assault_gsr.xml", f"{BENCH}/arabic_gsr/protest_gsr.xml")),
    GoldSet("Arabic GSR, ASSAULT only (ar)", (f"{BENCH}/arabic_gsr/assault_gsr.xml",)),
    GoldSet("Arabic GSR, PROTEST only (ar)", (f"{BENCH}/arabic_gsr/protest_gsr.xml",)),
    GoldSet("Development set (ar)", ("tests/devset/devset.jsonl",), language="ar"),
    GoldSet("Development set (en)", ("tests/devset/devset.jsonl",), language="en"),
    GoldSet("Hold-out set (ar)", ("tests/holdout/holdout.jsonl",), language="ar"),
    GoldSet("Hold-out set (en)", ("tests/holdout/holdout.jsonl",), language="en"),
    GoldSet("Seed article (ar)", ("../shared/seed/expected_events.jsonl",),
            entities=f"{BENCH}/seed_entities.json"),
)

HEADER = ("| gold set | records | detection P / R / F1 | ASSAULT, PROTEST detection F1 "
          "| triples country P / R / F1 | triples country+sector F1 | triples entity F1 "
          "| span F1 actor / recipient | mediation recall | seconds | command |")


def main() -> None:
    mappings = load_mappings()
    started = time.perf_counter()
    extract = Extractor().extract
    print(f"lexicon loaded in {time.perf_counter() - started:.1f} s\n")
    print(HEADER)
    print("|" + "---|" * HEADER.count(" | ") + "---|")
    for gold_set in SETS:
        paths = [ROOT / name for name in gold_set.files]
        missing = [str(path) for path in paths if not path.exists()]
        if missing:
            print(f"| {gold_set.label} | missing: {', '.join(missing)} |")
            continue
        records = _records(gold_set, paths, mappings)
        figures = to_json(evaluate(records, extract, mappings, list(gold_set.files)))
        print(_row(gold_set, figures))


def _records(gold_set: GoldSet, paths: list[Path], mappings: Mappings) -> list[GoldRecord]:
    records: list[GoldRecord] = []
    for path in paths:
        fmt = detect_format(path)
        entities = None
        if fmt == "passages":
            entities = read_entities(ROOT / gold_set.entities if gold_set.entities
                                     else path.parent / "entities.json")
        records += read_gold(path, fmt, mappings, entities)
    return [r for r in records if not gold_set.language or r.language == gold_set.language]


def _row(gold_set: GoldSet, figures: dict[str, Any]) -> str:
    detection, triples, spans = figures["detection"], figures["triples"], figures["spans"]
    by_type = detection["by_type"]
    kinds = ", ".join(f"{kind} {_n(by_type[kind]['f1'])}" for kind in ("ASSAULT", "PROTEST")
                      if kind in by_type and by_type[kind]["gold"])
    cells = [
        gold_set.label, str(figures["records"]), _prf(detection["all"]), kinds or "-",
        _prf(triples["country"]), _n(triples["sector"]["f1"]),
        _n(triples.get("entity", {}).get("f1")),
        f"{_n(spans.get('actor', {}).get('f1'))} / {_n(spans.get('recipient', {}).get('f1'))}",
        _n(figures["mediation_recall"]), f"{figures['seconds']:.1f}", f"`{gold_set.command()}`",
    ]
    return "| " + " | ".join(cells) + " |"


def _prf(fig: dict[str, Any]) -> str:
    return f"{_n(fig['p'])} / {_n(fig['r'])} / {_n(fig['f1'])}"


def _n(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


if __name__ == "__main__":
    main()
