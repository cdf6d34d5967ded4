"""The one data language every stage speaks: small typed records passed from stage to stage.

text -> Document, Sentence, Token; lexicon -> Entity; extract -> Mention, Event; the graph, view
and cli stages consume these and never hand anything back up.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
MODALITIES: tuple[str, ...] = ("asserted", "future", "intended", "hypothetical", "reported")
ENTITY_TYPES: tuple[str, ...] = (
    "state", "person", "organization", "armed_group", "place", "group",
)


@dataclass(frozen=True, slots=True)
class Span:
    """Words of a document by character offsets: ``document.text[start:end] == text``."""

    text: str
    start: int
    end: int

    def to_record(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(slots=True)
class Document:
    """One news text as read, decoded but never normalised: all offsets index ``text``."""

    id: str
    text: str
    language: str = ""
    date: str | None = None
    url: str | None = None
    title: str | None = None
    source: str | None = None
    origin: str = ""  # where it was read from: a path, "path:line" or "<stdin>"


@dataclass(frozen=True, slots=True)
class Token:
    """A word of a sentence: its surface offsets and the normalised keys it may be looked up by.

    ``keys`` holds the normalised form first, then forms with proclitics stripped (Arabic
    و ف ب ل ك ال س), so a lexicon lookup tries each in turn.
    """

    text: str
    start: int
    end: int
    keys: tuple[str, ...]

    @property
    def key(self) -> str:
        return self.keys[0]


@dataclass(slots=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str
    tokens: list[Token] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Entity:
    """A resolved actor: canonical English name plus the codes event data users key on."""

    id: str  # stable lexicon id (``TUR``, ``TUR_MIT``, ``HAMAS``) or a derived one
    name: str
    type: str
    country: str | None = None  # ISO 3166-1 alpha-3, or IGO / UNO / NGO
    sector: str | None = None  # PLOVER sector code (GOV, MIL, SPY, REB, CVL, IGO, ...)
    wikidata: str | None = None  # only where verified from a dataset
    label_ar: str | None = None
    label_en: str | None = None
    linked: bool = True  # False for an unknown proper name kept from an argument position


@dataclass(slots=True)
class Mention:
    """Words in a sentence that name an entity, and how they name it."""

    span: Span
    entity: Entity
    sentence: int
    token_start: int
    token_end: int  # exclusive
    kind: str = "name"  # name | role | metonym | adjective | collective | unlinked
    resolved_from: str | None = None  # the words a collective ("the two sides") stood for

    def to_record(self) -> dict[str, Any]:
        e = self.entity
        return {
            "entity_text": self.span.text,
            "start": self.span.start,
            "end": self.span.end,
            "entity_name": e.name,
            "wikidata_id": e.wikidata,
            "country": e.country,
            "sector": e.sector,
            "type": e.type,
            "entity_id": e.id,
        }


@dataclass(slots=True)
class Event:
    """Who did what to whom, with the words that say so (see shared/docs/event-record.md)."""

    id: str
    doc_id: str
    sentence: int
    language: str
    event: str  # a PLOVER type
    cameo: str
    trigger: Span
    sentence_span: Span
    actors: list[Mention] = field(default_factory=list)
    recipients: list[Mention] = field(default_factory=list)
    mode: str | None = None
    context: list[str] = field(default_factory=list)
    date: str | None = None
    negated: bool = False
    modality: str = "asserted"
    confidence: float = 0.5
    speaker: Mention | None = None
    evidence: list[Span] = field(default_factory=list)  # further sentences saying the same

    def to_record(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "doc_id": self.doc_id,
            "sentence": self.sentence,
            "language": self.language,
            "date": self.date,
            "event": self.event,
            "mode": self.mode,
            "context": list(self.context),
            "cameo": self.cameo,
            "actor": [m.to_record() for m in self.actors],
            "recipient": [m.to_record() for m in self.recipients],
            "negated": self.negated,
            "modality": self.modality,
            "confidence": round(self.confidence, 3),
            "trigger": self.trigger.to_record(),
            "text_info": {"start": self.sentence_span.start, "end": self.sentence_span.end},
            "text": self.sentence_span.text,
            "speaker": self.speaker.to_record() if self.speaker else None,
            "evidence": [s.to_record() for s in self.evidence],
        }


@dataclass(slots=True)
class DocumentResult:
    """What extraction hands to the graph stage for one document."""

    document: Document
    events: list[Event]
    sentence_count: int = 0
    mentions: list[Mention] = field(default_factory=list)
