"""Figures of an evaluation as a readable text report or as JSON, and the side-by-side details."""

from __future__ import annotations

from typing import Any

from ..model import PLOVER_TYPES, Event, Mention
from .gold import GoldActor, GoldEvent
from .run import Evaluation, RecordResult
from .scoring import ABSENT, Counts

_LEVEL_NAMES = {"entity": "entity", "country": "country", "sector": "country+sector"}
_DETAIL_WIDTH = 64
_MARKS = {"found": "+", "type": "~", "missed": "-"}
_LABEL = 30
_HEAD = _LABEL + 2


def to_json(evaluation: Evaluation) -> dict[str, Any]:
    scores = evaluation.scores
    levels = [level for level in _LEVEL_NAMES if level in scores.levels]
    return {
        "gold": evaluation.sources,
        "records": scores.records,
        "languages": dict(sorted(evaluation.languages.items())),
        "gold_events": evaluation.gold_events,
        "extracted_events": scores.produced,
        "seconds": round(evaluation.seconds, 2),
        "detection": {
            "all": _total(scores.detection.values()).figures(),
            "by_type": {kind: scores.detection[kind].figures() for kind in _types(evaluation)},
        },
        "roles": {level: {side: scores.roles[level, side].figures()
                          for side in ("actor", "recipient")} for level in levels},
        "triples": {level: scores.triples[level].figures() for level in levels},
        "spans": {side: mean.figures() for side, mean in sorted(scores.spans.items())},
        "mediation_recall": scores.mediation.figures()["r"],
        "confusion": _confusion(evaluation),
    }


def to_text(evaluation: Evaluation) -> str:
    data = to_json(evaluation)
    languages = ", ".join(f"{lang or '?'} {n}" for lang, n in data["languages"].items())
    lines = [
        f"gold: {'; '.join(data['gold'])}",
        f"{data['records']} records ({languages}), {data['gold_events']} gold events required, "
        f"{data['extracted_events']} extracted events scored, {data['seconds']} s",
        "",
        f"{'Event detection':<{_HEAD}}{'P':>7}{'R':>7}{'F1':>7}   found/gold  right/pred",
    ]
    detection = evaluation.scores.detection
    for kind in _types(evaluation):
        lines.append(_detection_line(kind, detection[kind]))
    lines.append(_detection_line("all types", _total(detection.values())))
    lines += ["", f"{'Actors and recipients':<{_HEAD}}{'P':>7}{'R':>7}{'F1':>7}"
                  "    matched/gold/found"]
    for level, sides in data["roles"].items():
        for side, fig in sides.items():
            lines.append(_figure_line(f"{_LEVEL_NAMES[level]} {side}", fig))
    lines += ["", f"{'Triples (actor, type, recipient)':<{_HEAD}}{'P':>7}{'R':>7}{'F1':>7}"
                  "    matched/gold/found"]
    for level, fig in data["triples"].items():
        lines.append(_figure_line(_LEVEL_NAMES[level], fig))
    if data["mediation_recall"] is not None:
        lines += ["", f"  {'mediation recall':<{_LABEL}}{_number(data['mediation_recall'])}"
                  f"   {evaluation.scores.mediation.hit}/{evaluation.scores.mediation.gold}"
                  " mediator-party pairs extracted as mediation"]
    if data["spans"]:
        lines += ["", "Spans: token-overlap F1 of the gold words and the extracted mentions"]
        for side, fig in data["spans"].items():
            lines.append(f"  {side:<{_LABEL}}{_number(fig['f1'])}"
                         f"   over {fig['count']} gold events")
    lines += ["", *_confusion_lines(data["confusion"])]
    return "\n".join(line.rstrip() for line in lines)


def _types(evaluation: Evaluation) -> list[str]:
    return [kind for kind in PLOVER_TYPES if kind in evaluation.scores.detection]


def _total(counts: Any) -> Counts:
    total = Counts()
    for count in counts:
        total.add(count.right, count.pred, count.hit, count.gold)
    return total


def _detection_line(label: str, counts: Counts) -> str:
    return (f"  {label:<{_LABEL}}{_prf(counts.figures())}"
            f"   {counts.hit:>5}/{counts.gold:<5} {counts.right:>5}/{counts.pred:<5}")


def _figure_line(label: str, fig: dict[str, Any]) -> str:
    return f"  {label:<{_LABEL}}{_prf(fig)}    {fig['tp']}/{fig['gold']}/{fig['pred']}"


def _prf(fig: dict[str, Any]) -> str:
    return "".join(_number(fig[name]) for name in ("p", "r", "f1"))


def _number(value: float | None) -> str:
    return f"{'-':>7}" if value is None else f"{value:>7.3f}"


def _confusion(evaluation: Evaluation) -> dict[str, dict[str, int]]:
    table: dict[str, dict[str, int]] = {}
    for (gold, produced), count in sorted(evaluation.scores.confusion.items()):
        table.setdefault(gold, {})[produced] = count
    return table


def _confusion_lines(table: dict[str, dict[str, int]]) -> list[str]:
    if not table:
        return []
    order = {kind: i for i, kind in enumerate((*PLOVER_TYPES, ABSENT))}
    columns = sorted({kind for row in table.values() for kind in row}, key=order.get)
    lines = ["Confusion: gold type (rows) by extracted type (columns, first four letters; "
             f"{ABSENT} = none)",
             " " * 12 + "".join(f"{kind[:4]:>6}" for kind in columns)]
    for gold in sorted(table, key=order.get):
        cells = "".join(f"{table[gold].get(kind, 0) or '.':>6}" for kind in columns)
        lines.append(f"  {gold:<10}{cells}")
    return lines


# --- details --------------------------------------------------------------------------------

def details_text(result: RecordResult) -> str:
    """One record: its text, then expected events (left) beside extracted events (right)."""
    record = result.record
    left = [f"{_MARKS[status]} {_gold_event(event)}"
            for event, status in zip(record.events, result.statuses, strict=True)]
    right = [_event(event) for event in result.events] or ["(none)"]
    lines = [f"== {record.id} [{record.language}] {record.text}",
             f"{'expected (+ found, ~ type only, - missed)':<{_DETAIL_WIDTH}} | extracted"]
    for i in range(max(len(left), len(right))):
        cell = left[i] if i < len(left) else ""
        lines.append(f"{cell:<{_DETAIL_WIDTH}} | {right[i] if i < len(right) else ''}")
    return "\n".join(lines)


def details_json(result: RecordResult) -> dict[str, Any]:
    record = result.record
    return {"id": record.id, "language": record.language,
            "expected": [{"event": _gold_event(event), "status": status}
                         for event, status in zip(record.events, result.statuses, strict=True)],
            "extracted": [_event(event) for event in result.events]}


def _gold_event(event: GoldEvent) -> str:
    kind = "|".join(event.types) or "(unscored)"
    flags = " (optional)" if event.optional else ""
    return (f"{kind} {_gold_side(event.actors)} -> {_gold_side(event.recipients)}{flags}")


def _gold_side(actors: tuple[GoldActor, ...]) -> str:
    return ", ".join(_gold_actor(actor) for actor in actors) or ABSENT


def _gold_actor(actor: GoldActor) -> str:
    codes = " ".join(code for code in (actor.country, actor.sector) if code)
    name = actor.name or actor.text or "?"
    return f"{name} [{codes}]" if codes and not actor.name else name


def _event(event: Event) -> str:
    flags = " (negated)" if event.negated else ""
    mode = f"/{event.mode}" if event.mode else ""
    return (f"{event.event}{mode} {_mentions(event.actors)} -> {_mentions(event.recipients)}"
            f"{flags}")


def _mentions(mentions: list[Mention]) -> str:
    return ", ".join(_mention(m) for m in mentions) or ABSENT


def _mention(mention: Mention) -> str:
    codes = " ".join(code for code in (mention.entity.country, mention.entity.sector) if code)
    return f"{mention.entity.name} [{codes}]" if codes else mention.entity.name
