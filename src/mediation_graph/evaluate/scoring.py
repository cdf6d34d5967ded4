"""Scoring extracted events against gold records.

Four kinds of figures, each kept as counts so that records add up:
- detection: per record and PLOVER type, did the extractor report an event of that type;
- roles: are the gold actors (recipients) among the actors (recipients) of extracted events of a
  gold type, compared by country, or by country and sector;
- triples: (actor, type, recipient) matched one to one, by entity name, country, or country and
  sector; a gold event may accept several types and, if symmetric, either direction;
- spans: token-overlap F1 between the gold actor (recipient) words and the words of the
  extracted mentions.
Optional gold events neither earn nor cost; negated extracted events are not scored.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ..model import PLOVER_TYPES, Event, Mention
from ..text.normalize import is_arabic, word_keys
from .gold import GoldActor, GoldEvent, GoldRecord
from .mappings import Mappings

LEVELS: tuple[str, ...] = ("entity", "country", "sector")
ABSENT = "-"  # the key of a missing side, and of an actor whose code is not known
_WORD = re.compile(r"(?:\w\.)+\w?\.?|\w+")  # abbreviations with dots (U.S.) are one word


@dataclass(slots=True)
class Counts:
    """Precision counts what was produced, recall what was expected. They share one count of
    matches except in detection, where a prediction of one type may find a gold event counted
    under another (a mediation found as AGREE)."""

    right: int = 0  # produced units that are correct
    pred: int = 0
    hit: int = 0  # gold units that were found
    gold: int = 0

    def add(self, right: int, pred: int, hit: int, gold: int) -> None:
        self.right += right
        self.pred += pred
        self.hit += hit
        self.gold += gold

    def figures(self) -> dict[str, float | int | None]:
        """P, R and F1 rounded to three places; None where nothing was there to measure."""
        precision = self.right / self.pred if self.pred else None
        recall = self.hit / self.gold if self.gold else None
        f1 = None
        if precision == 0 or recall == 0:
            f1 = 0.0  # nothing right, or nothing found: no better than zero whatever the other
        elif precision is not None and recall is not None:
            f1 = 2 * precision * recall / (precision + recall)
        return {"p": _round(precision), "r": _round(recall), "f1": _round(f1),
                "tp": self.hit, "pred": self.pred, "gold": self.gold}


@dataclass(slots=True)
class Mean:
    total: float = 0.0
    count: int = 0

    def add(self, value: float) -> None:
        self.total += value
        self.count += 1

    def figures(self) -> dict[str, float | int | None]:
        return {"f1": _round(self.total / self.count if self.count else None),
                "count": self.count}


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


@dataclass(slots=True)
class Produced:
    """An extracted event as the scorer sees it."""

    type: str
    actors: list[Mention]
    recipients: list[Mention]
    mediation: bool


@dataclass(slots=True)
class Scores:
    records: int = 0
    produced: int = 0
    detection: dict[str, Counts] = field(default_factory=dict)
    roles: dict[tuple[str, str], Counts] = field(default_factory=dict)  # (level, side)
    triples: dict[str, Counts] = field(default_factory=dict)
    spans: dict[str, Mean] = field(default_factory=dict)
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    levels: set[str] = field(default_factory=set)
    mediation: Counts = field(default_factory=Counts)  # recall of gold mediations, by name


class Scorer:
    def __init__(self, mappings: Mappings) -> None:
        self.mappings = mappings
        self.scores = Scores()

    def add(self, record: GoldRecord, events: list[Event]) -> None:
        """Score one record against the events extracted from its text."""
        produced = self.produced(events)
        self.scores.records += 1
        self.scores.produced += len(produced)
        self._detection(record, produced)
        levels = LEVELS if record.entities else LEVELS[1:]
        for level in levels:
            self.scores.levels.add(level)
            keys = _Keys(level, record, self.mappings)
            self._roles(record, produced, keys)
            self._triples(record, produced, keys)
        self._spans(record, produced)

    def produced(self, events: list[Event]) -> list[Produced]:
        return [
            Produced(event.event, event.actors, event.recipients, self._is_mediation(event))
            for event in events if not event.negated and event.event in PLOVER_TYPES
        ]

    def _is_mediation(self, event: Event) -> bool:
        return (event.mode or "").startswith("mediat") or self.mappings.is_mediation_code(
            event.cameo or "")

    # --- detection and confusion ------------------------------------------------------------

    def _detection(self, record: GoldRecord, produced: list[Produced]) -> None:
        predicted = {event.type for event in produced}
        required = [event for event in record.required if event.types]
        accepted = {kind: set() for kind in (event.type for event in required)}
        for event in required:
            accepted[event.type].update(event.types)
        for kind, allowed in accepted.items():
            self._count(kind).add(0, 0, int(bool(predicted & allowed)), 1)
        for kind in predicted:
            if any(kind in event.types for event in required):
                self._count(kind).add(1, 1, 0, 0)
            elif not any(kind in event.types for event in record.events):
                self._count(kind).add(0, 1, 0, 0)  # explains nothing, not even an optional event
        self._confusion(record, accepted, predicted)

    def _count(self, kind: str) -> Counts:
        return self.scores.detection.setdefault(kind, Counts())

    def _confusion(self, record: GoldRecord, accepted: dict[str, set[str]],
                   predicted: set[str]) -> None:
        explained = {kind for kind in predicted
                     if any(kind in event.types for event in record.events)}
        for kind, allowed in accepted.items():
            found = predicted & allowed
            if found:
                self.scores.confusion[kind, kind if kind in found else min(found)] += 1
            else:
                for other in sorted(predicted - explained) or [ABSENT]:
                    self.scores.confusion[kind, other] += 1

    # --- actors and recipients ----------------------------------------------------------------

    def _roles(self, record: GoldRecord, produced: list[Produced], keys: _Keys) -> None:
        required = [event for event in record.required if event.types]
        gold_types = {kind for event in required for kind in event.types}
        relevant = [event for event in produced if event.type in gold_types]
        for side in ("actor", "recipient"):
            gold = {keys.gold(actor) for event in required for actor in _side(event, side)}
            found = {keys.mention(m) for event in relevant for m in _side(event, side)}
            common = len(gold & found)
            self.scores.roles.setdefault((keys.level, side), Counts()).add(
                common, len(found), common, len(gold))

    # --- triples ------------------------------------------------------------------------------

    def _triples(self, record: GoldRecord, produced: list[Produced], keys: _Keys) -> None:
        gold = _unique(self._gold_triples(record, keys))
        gold.sort(key=lambda triple: triple.optional)  # required first: they take a match
        predictions = _unique(self._produced_triples(record, produced, keys))
        matched = [False] * len(gold)
        tp = pred = 0
        for triple in predictions:
            hits = [i for i, candidate in enumerate(gold)
                    if candidate.accepts(triple, record.marks_mediation)]
            if hits and all(gold[i].optional for i in hits):
                continue  # it only repeats an optional event: neutral
            pred += 1
            free = [i for i in hits if not gold[i].optional and not matched[i]]
            if free:  # a second match of an already matched gold triple is a duplicate
                matched[free[0]] = True
                tp += 1
        required = sum(1 for triple in gold if not triple.optional)
        self.scores.triples.setdefault(keys.level, Counts()).add(tp, pred, tp, required)
        if keys.level == "entity" and record.marks_mediation:
            self._mediation(gold, predictions)

    def _mediation(self, gold: list[_GoldTriple], predictions: list[_Triple]) -> None:
        """Was each required mediator-party pair extracted as a mediation, of whatever type?"""
        for triple in gold:
            if triple.mediation and not triple.optional:
                found = any(p.mediation and (p.actor, p.recipient) == (triple.actor,
                                                                       triple.recipient)
                            for p in predictions)
                self.scores.mediation.add(0, 0, int(found), 1)

    def _gold_triples(self, record: GoldRecord, keys: _Keys) -> list[_GoldTriple]:
        return [triple for event in record.events
                for triple in _event_triples(event, record.open_triples, keys)]

    def _produced_triples(self, record: GoldRecord, produced: list[Produced],
                          keys: _Keys) -> list[_Triple]:
        triples = []
        for event in produced:
            for actor, recipient in _pairs(event, record.open_triples):
                triples.append(_Triple(keys.mention(actor), event.type, keys.mention(recipient),
                                       event.mediation, identity=(_id(actor), _id(recipient))))
        return triples

    # --- spans --------------------------------------------------------------------------------

    def _spans(self, record: GoldRecord, produced: list[Produced]) -> None:
        for event in record.required:
            gold_actor = " ".join(actor.text for actor in event.actors)
            gold_recipient = " ".join(actor.text for actor in event.recipients)
            if not gold_actor.strip() and not gold_recipient.strip():
                continue
            best = (0.0, 0.0)
            for candidate in produced:
                if candidate.type not in event.types:
                    continue
                scores = (token_f1(gold_actor, _words(candidate.actors)),
                          token_f1(gold_recipient, _words(candidate.recipients)))
                best = max(best, scores, key=sum)
            if gold_actor.strip():
                self.scores.spans.setdefault("actor", Mean()).add(best[0])
            if gold_recipient.strip():
                self.scores.spans.setdefault("recipient", Mean()).add(best[1])


# Triples are told apart by the actors they name (gold actors, lexicon entities) and matched by
# their keys at the level scored: two mentions of different Turkish bodies are two predictions
# even where both count as TUR.
@dataclass(frozen=True, slots=True)
class _Triple:
    actor: str = field(compare=False)
    type: str
    recipient: str = field(compare=False)
    mediation: bool
    identity: tuple = ()


@dataclass(frozen=True, slots=True)
class _GoldTriple:
    actor: str = field(compare=False)
    recipient: str = field(compare=False)
    types: frozenset[str] = frozenset()
    optional: bool = False
    symmetric: bool = False
    mediation: bool = False
    identity: tuple = ()

    def accepts(self, triple: _Triple, marks_mediation: bool) -> bool:
        if triple.type not in self.types:
            return False
        if marks_mediation and self.mediation != triple.mediation and (
                self.mediation or triple.type == "CONSULT"):
            return False  # a mediation must be found as one; a plain meeting is none
        if (triple.actor, triple.recipient) == (self.actor, self.recipient):
            return True
        return self.symmetric and (triple.actor, triple.recipient) == (self.recipient,
                                                                       self.actor)


class _Keys:
    """How actors are compared at one level: the key of a gold actor and of a mention."""

    def __init__(self, level: str, record: GoldRecord, mappings: Mappings) -> None:
        self.level = level
        self.entities = record.entities
        self.mappings = mappings

    def gold(self, actor: GoldActor | None) -> str:
        if actor is None:
            return ABSENT
        if self.level == "entity":
            return actor.name or actor.text or ABSENT
        return self._with_sector(self._gold_country(actor), actor.sector)

    def mention(self, mention: Mention | None) -> str:
        if mention is None:
            return ABSENT
        entity = mention.entity
        canonical = None
        if self.entities:
            canonical = self.entities.canonical(entity.name, mention.span.text)
        if self.level == "entity":
            return canonical or entity.name
        country = self.mappings.country(entity.country)
        if country is None and self.entities and canonical:
            # Where our lexicon gives no code, the name still identifies the gold actor.
            country = self._gold_country(self.entities.actors[canonical])
        return self._with_sector(country or ABSENT, entity.sector)

    def _gold_country(self, actor: GoldActor) -> str:
        country = self.mappings.country(actor.country)
        return country or (f"name:{actor.name}" if actor.name else ABSENT)

    def _with_sector(self, country: str, sector: str | None) -> str:
        return country if self.level == "country" else f"{country}/{sector or ''}"


def _event_triples(event: GoldEvent, open_triples: bool, keys: _Keys) -> list[_GoldTriple]:
    if not event.types or not (event.recipients or open_triples):
        return []
    actors: tuple[GoldActor | None, ...] = event.actors or (None,)
    recipients: tuple[GoldActor | None, ...] = event.recipients or (None,)
    return [_GoldTriple(keys.gold(actor), keys.gold(recipient), frozenset(event.types),
                        event.optional, event.symmetric, event.mediation,
                        identity=(actor, recipient))
            for actor in actors for recipient in recipients]


def event_status(record: GoldRecord, events: list[Event], mappings: Mappings) -> list[str]:
    """For each gold event of a record: "found" when an extracted triple matches it at country
    level, "type" when only an event of its type was extracted, else "missed"."""
    scorer = Scorer(mappings)
    produced = scorer.produced(events)
    keys = _Keys("country", record, mappings)
    triples = scorer._produced_triples(record, produced, keys)
    types = {event.type for event in produced}
    statuses = []
    for event in record.events:
        gold = _event_triples(event, record.open_triples, keys)
        if any(g.accepts(t, record.marks_mediation) for g in gold for t in triples):
            statuses.append("found")
        else:
            statuses.append("type" if types & set(event.types) else "missed")
    return statuses


def _id(mention: Mention | None) -> str:
    return mention.entity.id if mention else ABSENT


def _unique(items: list) -> list:
    return list(dict.fromkeys(items))


def _side(event: GoldEvent | Produced, side: str) -> tuple | list:
    return event.actors if side == "actor" else event.recipients


def _pairs(event: Produced, open_triples: bool) -> list[tuple[Mention | None, Mention | None]]:
    """The (actor, recipient) pairs an extracted event states."""
    if not open_triples:
        if event.recipients:
            return [(a, r) for a in event.actors for r in event.recipients]
        # "X and Y met": without a recipient, the actors act on each other.
        return [(a, b) for i, a in enumerate(event.actors) for b in event.actors[i + 1:]]
    actors: list[Mention | None] = list(event.actors) or [None]
    recipients: list[Mention | None] = list(event.recipients) or [None]
    return [(a, r) for a in actors for r in recipients]


def _words(mentions: list[Mention]) -> str:
    return " ".join(m.span.text for m in mentions)


def span_tokens(text: str) -> Counter[str]:
    """Words as compared: normalised, Arabic proclitics and article stripped."""
    tokens: Counter[str] = Counter()
    for word in _WORD.findall(text):
        # Arabic: the first clitic-free form strips the longest proclitic; English: the
        # case-free key comes last.
        keys = word_keys(word)
        tokens[keys[1] if is_arabic(word) and len(keys) > 1 else keys[-1]] += 1
    return tokens


def token_f1(gold: str, produced: str) -> float:
    """Token-overlap F1 of two word strings (bags of words, as in reading comprehension)."""
    gold_tokens, produced_tokens = span_tokens(gold), span_tokens(produced)
    common = sum((gold_tokens & produced_tokens).values())
    if not common:
        return 0.0
    precision = common / sum(produced_tokens.values())
    recall = common / sum(gold_tokens.values())
    return 2 * precision * recall / (precision + recall)
