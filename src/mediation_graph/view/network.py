"""Events to an actor network: one node per entity, one edge per kind of dealing between two.

Every stage downstream of extraction (the HTML view, the analytics, the GraphML/GEXF export)
reads this graph, so the rules of what becomes an edge live here and only here:

- an edge aggregates the events with the same (actor, PLOVER type, recipient, mediation?);
- a mediation (mode ``mediate`` or CAMEO 045) is drawn as the mediator's edge to each party;
- an event with no recipient and two or more actors ("Egypt and Qatar met") links the actors to
  one another, marked ``mutual``;
- a negated event ("Hamas did not reject") did not happen and is left out, only counted.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import combinations

import networkx as nx

from ..model import Entity, Event, Mention, Span

MEDIATION_MODE = "mediate"
MEDIATION_CAMEO = "045"

# PLOVER's quad classes, in the order of model.PLOVER_TYPES.
QUAD_CLASSES: dict[str, str] = {
    **dict.fromkeys(("AGREE", "CONSULT", "SUPPORT"), "verbal cooperation"),
    **dict.fromkeys(("CONCEDE", "COOPERATE", "AID", "RETREAT"), "material cooperation"),
    **dict.fromkeys(("REQUEST", "ACCUSE", "REJECT", "THREATEN"), "verbal conflict"),
    **dict.fromkeys(("PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"), "material conflict"),
}


def is_mediation(event: Event) -> bool:
    return event.mode == MEDIATION_MODE or event.cameo == MEDIATION_CAMEO


def quad_class(event_type: str) -> str:
    return QUAD_CLASSES.get(event_type, "other")


def edge_key(event_type: str, mediation: bool) -> str:
    """The key of an edge among the parallel edges of a pair: its type, flagged if mediation."""
    return f"{event_type}/mediation" if mediation else event_type


@dataclass(frozen=True, slots=True)
class Evidence:
    """One event behind an edge: the sentence that says it and where it was read."""

    event_id: str
    doc_id: str
    sentence: int
    text: str
    language: str
    trigger: Span
    sentence_start: int
    date: str | None
    modality: str
    confidence: float
    more: tuple[str, ...] = ()  # further sentences of the document saying the same

    def trigger_offsets(self) -> tuple[int, int] | None:
        """The trigger's offsets inside ``text``, or None where the record is inconsistent."""
        start = self.trigger.start - self.sentence_start
        end = self.trigger.end - self.sentence_start
        if 0 <= start < end <= len(self.text) and self.text[start:end] == self.trigger.text:
            return start, end
        return None


@dataclass(slots=True)
class _Actor:
    """What the events say about one entity, gathered before its node is written."""

    entity: Entity
    events: set[str] = field(default_factory=set)
    languages: Counter[str] = field(default_factory=Counter)
    surface: dict[str, Counter[str]] = field(default_factory=dict)

    def saw(self, mention: Mention, event: Event) -> None:
        self.events.add(event.id)
        self.languages[event.language] += 1
        # Only names make good labels: "الإسرائيلي" or "Tel Aviv" stand for Israel, not name it.
        if mention.kind == "name" or not mention.entity.linked:
            self.surface.setdefault(event.language, Counter())[mention.span.text] += 1

    def labels(self) -> tuple[str, str, str | None]:
        """(language, label in that language, label in the other language or None)."""
        entity = self.entity
        language = self.languages.most_common(1)[0][0] if self.languages else "en"
        english = entity.label_en or entity.name
        arabic = entity.label_ar or _most_common(self.surface.get("ar"))
        if language == "ar" and arabic:
            return "ar", arabic, english
        return "en", english, arabic if arabic != english else None


def _most_common(counter: Counter[str] | None) -> str | None:
    return counter.most_common(1)[0][0] if counter else None


def _unique_entities(mentions: Iterable[Mention]) -> list[Mention]:
    """One mention per entity, in text order: "Hamas ... the movement" is one actor."""
    seen: dict[str, Mention] = {}
    for mention in mentions:
        seen.setdefault(mention.entity.id, mention)
    return list(seen.values())


def _pairs(event: Event) -> tuple[list[tuple[str, str]], bool]:
    """The (source, target) entity ids an event links, and whether the link is mutual."""
    actors = [m.entity.id for m in _unique_entities(event.actors)]
    recipients = [m.entity.id for m in _unique_entities(event.recipients)]
    if recipients:
        pairs = [(a, r) for a in actors for r in recipients if a != r]
        return pairs, False
    if is_mediation(event):
        # Co-mediators with no named parties are partners, not parties: no edge between them.
        return [], False
    return list(combinations(sorted(actors), 2)), True


def _evidence(event: Event) -> Evidence:
    return Evidence(
        event_id=event.id,
        doc_id=event.doc_id,
        sentence=event.sentence,
        text=event.sentence_span.text,
        language=event.language,
        trigger=event.trigger,
        sentence_start=event.sentence_span.start,
        date=event.date,
        modality=event.modality,
        confidence=event.confidence,
        more=tuple(span.text for span in event.evidence),
    )


def _add_edge(graph: nx.MultiDiGraph, source: str, target: str, event: Event,
              mutual: bool) -> None:
    mediation = is_mediation(event)
    key = edge_key(event.event, mediation)
    if not graph.has_edge(source, target, key):
        graph.add_edge(
            source, target, key,
            event=event.event, mediation=mediation, quad=quad_class(event.event),
            cameo=[], count=0, dates=[], evidence=[], mutual=mutual,
        )
    data = graph.edges[source, target, key]
    data["count"] += 1
    data["mutual"] = data["mutual"] and mutual
    if event.cameo and event.cameo not in data["cameo"]:
        data["cameo"].append(event.cameo)
    if event.date and event.date not in data["dates"]:
        data["dates"].append(event.date)
    data["evidence"].append(_evidence(event))


def _actors_of(event: Event) -> list[Mention]:
    return _unique_entities([*event.actors, *event.recipients])


def build_network(events: Iterable[Event]) -> nx.MultiDiGraph:
    """Aggregate events into the actor network (see the module docstring for the rules).

    Nodes are entity ids with ``name``, ``type``, ``country``, ``sector``, ``wikidata``,
    ``linked``, ``activity`` (events taking part in), ``language``, ``label`` and ``alt_label``.
    Edges are keyed by :func:`edge_key` and hold ``event``, ``mediation``, ``quad``, ``cameo``,
    ``count``, ``dates`` (sorted), ``mutual`` and ``evidence`` (a list of :class:`Evidence`).
    The graph records ``events`` (drawn), ``negated`` (left out) and ``documents``.
    """
    graph = nx.MultiDiGraph()
    actors: dict[str, _Actor] = {}
    seen: set[str] = set()
    negated = 0
    documents: set[str] = set()
    for event in events:
        if event.id in seen:
            continue
        seen.add(event.id)
        if event.negated:
            negated += 1
            continue
        documents.add(event.doc_id)
        for mention in _actors_of(event):
            actor = actors.setdefault(mention.entity.id, _Actor(mention.entity))
            actor.saw(mention, event)
        pairs, mutual = _pairs(event)
        for source, target in pairs:
            _add_edge(graph, source, target, event, mutual)
    for entity_id, actor in actors.items():
        _add_node(graph, entity_id, actor)
    for _, _, data in graph.edges(data=True):
        data["dates"].sort()
    graph.graph.update(events=len(seen) - negated, negated=negated, documents=len(documents))
    return graph


def _add_node(graph: nx.MultiDiGraph, entity_id: str, actor: _Actor) -> None:
    entity = actor.entity
    language, label, alt_label = actor.labels()
    graph.add_node(
        entity_id,
        name=entity.name, type=entity.type, country=entity.country, sector=entity.sector,
        wikidata=entity.wikidata, linked=entity.linked, activity=len(actor.events),
        language=language, label=label, alt_label=alt_label,
    )
