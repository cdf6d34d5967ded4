"""Gold records: what another coder (or an analyst) says a text reports, in one shape whatever
file format it came from, so the scorer needs to know nothing about formats."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class GoldActor:
    """One side of a gold event. Any field may be missing: PETRARCH records often have a
    sector but no country, passages have a canonical name, PLOVER records have words."""

    text: str = ""  # the words of the record that name it
    name: str = ""  # canonical name (passages, resolved through an entities file)
    country: str | None = None  # as compared: ISO alpha-3 or IGO / NGO / IMG ...
    sector: str | None = None  # PLOVER sector, None for a state itself or when not coded


@dataclass(frozen=True, slots=True)
class GoldEvent:
    types: tuple[str, ...]  # PLOVER types that count as a match; detection counts the first
    actors: tuple[GoldActor, ...] = ()
    recipients: tuple[GoldActor, ...] = ()
    optional: bool = False  # finding it earns nothing, predicting it costs nothing
    symmetric: bool = False  # actor and recipient may be swapped
    mediation: bool = False  # only an extracted mediation matches it
    trigger: str = ""  # the words of the action, where the record gives them

    @property
    def type(self) -> str:
        return self.types[0] if self.types else ""


@dataclass(slots=True)
class GoldRecord:
    id: str
    language: str
    text: str
    events: list[GoldEvent] = field(default_factory=list)
    date: str | None = None
    # PLOVER and PETRARCH code one-sided events ("X protested"): an event without a recipient
    # is then scored as (actor, type, -). The passage format only lists who-did-what-to-whom,
    # so there such events count neither way.
    open_triples: bool = True
    # Only the passage format says which events are mediation; there an extracted mediation
    # must match a gold mediation and nothing else of type CONSULT.
    marks_mediation: bool = False
    entities: EntityTable | None = None  # passages name their actors through such a table

    @property
    def required(self) -> list[GoldEvent]:
        return [event for event in self.events if not event.optional]


@dataclass(frozen=True, slots=True)
class EntityTable:
    """The entities file of the passage format: canonical names, their codes, and the other
    names an extractor may print for them."""

    actors: dict[str, GoldActor]  # canonical name -> actor with its country and sector
    by_alias: dict[str, str]  # name_key(alias or canonical name) -> canonical name

    def canonical(self, *names: str | None) -> str | None:
        """The canonical name the first recognisable name stands for."""
        for name in names:
            hit = self.by_alias.get(name_key(name or ""))
            if hit:
                return hit
        return None


def name_key(name: str) -> str:
    """Names compared without case, accents, punctuation or a leading "the"."""
    folded = unicodedata.normalize("NFKD", name.lower())
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    words = re.sub(r"[^\w\s]", " ", folded).split()
    return " ".join(word for word in words if word != "the")
