"""Stage five: the document as a whole.

- "الطرفان", "the two sides", "the parties" stand for the parties in discourse: for talks,
  mediation, ceasefires, prisoner releases and fighting, the disputants (the parties of the latest
  "negotiations between X and Y" or mediation); for anything else, the latest meeting's
  participants.
- A mediation whose parties are not named in its sentence mediates between the document's
  disputants; one that names one of them mediates with the other as well; one whose mediators
  are not named ("the mediators") is the latest named mediators'.
- A condemnation that names no one ("Egypt condemned the strike") condemns whoever did the
  latest attack the document told.
- The same event said twice in a document is one event with several evidence spans.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

from ..model import Entity, Event, Mention, Span

# News often reports these with no named doer ("a car bomb killed ten people", "thousands
# marched in Cairo"): they are kept without an actor, at lower confidence; any other event
# needs an actor.
AGENTLESS = {"ASSAULT", "COERCE", "PROTEST"}
SHARED_ACTIONS = {"CONSULT", "AGREE", "COOPERATE"}
PROTEST_CONTENT = {"REQUEST", "ACCUSE", "REJECT"}  # what protesters voice: their protest's aim
FRAGMENTED_ACTS = {"ASSAULT", "PROTEST"}  # one act, often told by several words of a sentence
HOSTING_CAMEO = {"043"}  # host a visit: hosting two parties at once is mediating between them
DISPUTE_EVENTS = {"ASSAULT", "COERCE", "RETREAT", "THREATEN", "AGREE"}
MEDIATOR_ACTS = {"045", "039"}  # the mediator acts: mediating, offering to
HOSTILE_ACTS = {"ASSAULT", "COERCE"}  # what an unnamed "the attack", "the raid" refers back to
CONDEMNATION_CAMEO = {"111"}  # condemn, denounce, criticise: not "express concern"
STATE_BODY_SECTORS = {"MIL", "GOV", "POL", "SPY"}  # a state's forces: the state is condemned
NEGOTIATION_CAMEO = {"046", "045", "0356", "037", "038", "039", "0871", "081", "082", "0841"}


def is_dispute_event(event: Event) -> bool:
    return (event.mode in {"mediate", "ceasefire", "release"} or event.cameo in NEGOTIATION_CAMEO
            or event.event in DISPUTE_EVENTS)


@dataclass
class Parties:
    """Who the discourse is about so far, and the document's most named pair of disputants."""

    disputants: list[Mention] = field(default_factory=list)
    participants: list[Mention] = field(default_factory=list)
    document_disputants: list[Mention] = field(default_factory=list)
    mediators: list[Mention] = field(default_factory=list)  # of the latest mediation
    attackers: list[Mention] = field(default_factory=list)  # of the latest attack told

    def observe(self, event: Event) -> None:
        if event.mode == "mediate" and event.cameo in MEDIATOR_ACTS:
            self.mediators = event.actors
        if event.event in HOSTILE_ACTS and not event.negated and event.modality == "asserted":
            self.attackers = _resolved(event.actors) or self.attackers
        sides = parties_of(event)
        if len({m.entity.id for m in sides}) < 2:
            return
        if is_meeting(event) or (event.event == "CONSULT" and event.mode != "mediate"
                                 and not _may_name_disputants(event, sides)):
            self.participants = sides  # "X held talks with Y ... the two leaders signed"
        elif _may_name_disputants(event, sides) and len({m.entity.id for m in sides}) == 2:
            self.disputants = sides  # "the two sides" are two: not the four states that condemned

    def for_event(self, event: Event) -> list[Mention]:
        if is_dispute_event(event):
            return self.disputants or self.document_disputants or self.participants
        return self.participants or self.disputants or self.document_disputants


def _resolved(mentions: Iterable[Mention]) -> list[Mention]:
    return [m for m in mentions if m.kind != "collective"]


def parties_of(event: Event) -> list[Mention]:
    """The named sides of an event: a mediation's parties, or everyone else's actors and
    recipients."""
    sides = event.recipients if event.mode == "mediate" else event.actors + event.recipients
    return [m for m in _resolved(sides) if _named_side(m.entity)]


def _named_side(entity: Entity) -> bool:
    """A lexicon actor, or a person the lexicon lacks whose office gave a country ("Sri Lankan
    President X"); not a place, and not a capitalised run of words nobody placed."""
    if entity.type == "place":
        return False
    return entity.linked or (entity.type == "person" and entity.country is not None)


def is_meeting(event: Event) -> bool:
    return event.event == "CONSULT" and not is_dispute_event(event)


def _may_name_disputants(event: Event, sides: list[Mention]) -> bool:
    # the parties to a conflict are states, armed groups and their forces, not envoys, and not
    # the civilians an attack hits
    return all(m.entity.type in {"state", "armed_group", "organization"}
               and m.entity.sector != "CVL" for m in sides)


def document_disputants(events: list[Event]) -> list[Mention]:
    """The pair most often named as the two sides of talks, deals or mediation in the document."""
    pairs: Counter[tuple[str, ...]] = Counter()
    examples: dict[tuple[str, ...], list[Mention]] = {}
    for event in events:
        sides = parties_of(event)
        unique = {m.entity.id: m for m in sides}
        if len(unique) == 2 and not is_meeting(event) and _may_name_disputants(event, sides):
            key = tuple(sorted(unique))
            pairs[key] += 1
            examples.setdefault(key, list(unique.values()))
    if not pairs:
        return []
    return examples[pairs.most_common(1)[0][0]]


def with_named_holders(events: list[Event], holders: Mapping[str, Entity]) -> list[Event]:
    """Offices named without a holder ("Turkey's foreign minister") that the document names
    by name elsewhere ("Foreign Minister Hakan Fidan"), read as that person."""
    for event in events:
        event.actors = [_named(m, holders) for m in event.actors]
        event.recipients = [_named(m, holders) for m in event.recipients]
    return events


def _named(mention: Mention, holders: Mapping[str, Entity]) -> Mention:
    holder = holders.get(mention.entity.id) if mention.kind == "role" else None
    return replace(mention, entity=holder) if holder is not None else mention


def resolve_document(events: list[Event],
                     states: Mapping[str, Entity] | None = None) -> list[Event]:
    """Document-level resolution; ``states`` maps a country code to its state entity."""
    parties = Parties(document_disputants=document_disputants(events))
    resolved: list[Event] = []
    for event in events:
        event.actors = _resolve_collectives(event.actors, parties.for_event(event), event)
        event.recipients = _resolve_collectives(event.recipients, parties.for_event(event), event)
        if event.mode == "mediate" and not event.recipients:
            event.recipients = [as_discourse_reference(m, event)
                                for m in parties.disputants or parties.document_disputants]
            event.confidence = round(event.confidence * 0.85, 3)
        if event.mode == "mediate" and event.cameo in MEDIATOR_ACTS and not event.actors:
            # "the mediators", "الوسطاء الثلاثة": those the text named last, else the state of
            # the one who speaks of them, when not a party ("a Qatari spokesman said")
            event.actors = [as_discourse_reference(m, event) for m in
                            parties.mediators or _speaking_mediator(event, states or {})
                            or _meeting_mediators(event, parties.participants)]
        if (event.cameo in CONDEMNATION_CAMEO and not event.recipients and parties.attackers
                and not {m.entity.id for m in parties.attackers} & {m.entity.id
                                                                     for m in event.actors}):
            # "Israeli jets struck a school ... Egypt condemned the strike"
            event.recipients = [as_discourse_reference(_as_state(m, states or {}), event)
                                for m in parties.attackers]
        if event.mode == "mediate" and len(event.recipients) == 1:
            event.recipients += _other_sides(event.recipients[0], event,
                                             parties.disputants or parties.document_disputants)
        if event.cameo in HOSTING_CAMEO and len({m.entity.id for m in event.recipients}) >= 2:
            # "Qatar hosted the two sides", "hosted talks between Riyadh and Tehran"
            event.mode, event.cameo = "mediate", "045"
        if not event.actors and len(event.recipients) >= 2 and event.mode != "mediate":
            # "negotiations between the two sides": the first party acts, the other receives
            event.actors, event.recipients = event.recipients[:1], event.recipients[1:]
        actor_ids = {m.entity.id for m in event.actors}
        event.recipients = [m for m in event.recipients if m.entity.id not in actor_ids]
        if event.actors or event.event in AGENTLESS:
            if not event.actors:
                event.confidence = round(event.confidence * (0.8 if event.recipients else 0.6), 3)
            resolved.append(event)
            parties.observe(event)
    resolved = with_protest_content(merge_sentence_fragments(resolved))
    return merge_duplicates([part for event in resolved for part in split_directed(event)])


def merge_sentence_fragments(events: list[Event]) -> list[Event]:
    """Arabic news tells one act with several words of one sentence ("فجر انتحاري نفسه ... ما
    أسفر عن مقتل سبعة أشخاص"): there, events of one type, mode and negation whose sides do not
    disagree (one names who, the other whom, or the same) are one event."""
    kept: list[Event] = []
    for event in events:
        host = next((other for other in kept if other.language == "ar"
                     and _fragments_of_one_act(other, event)), None)
        if host is None:
            kept.append(event)
            continue
        if host.mode is None and event.mode is not None:
            host.mode, host.cameo = event.mode, event.cameo  # the more specific word
        host.actors = _unique(host.actors + event.actors) if _agree(
            host.actors, event.actors) else host.actors  # two crowds: the one told first
        host.recipients = _whom(_unique(host.recipients + event.recipients))
        host.confidence = max(host.confidence, event.confidence)
    return kept


def with_protest_content(events: list[Event]) -> list[Event]:
    """What protesters demand, denounce or reject in the sentence telling their protest ("تجمع
    المتظاهرون أمام البرلمان مطالبين الحكومة بالاستقالة", "رفعوا لافتات تندد بالاحتلال") is
    what the protest is about, as CAMEO codes a demonstration for or against something (14x):
    its addressee is the protest's target. Addressed to no one, it is no event of its own;
    addressed to someone, it is also a demand (or accusation) of that one."""
    voiced: list[Event] = []
    for event in events:
        protest = next((other for other in events if _voices(other, event)), None)
        if protest is None:
            continue
        voiced.append(event)
        protest.actors = protest.actors or event.actors
        if not _not_places(protest.recipients) and _not_places(event.recipients):
            protest.recipients = _not_places(event.recipients)
    return [event for event in events
            if (event not in voiced or _not_places(event.recipients))
            and not any(_demanded_of(stance, event) for stance in voiced)]


def _demanded_of(stance: Event, event: Event) -> bool:
    """"مطالبين الوزير بالاستقالة": the act a voiced demand asks of its addressee, told after
    it, has not happened."""
    asked = {m.entity.id for m in stance.recipients}
    return (event.sentence == stance.sentence and event.trigger.start > stance.trigger.start
            and bool(event.actors) and {m.entity.id for m in event.actors} <= asked)


def _voices(protest: Event, stance: Event) -> bool:
    """Whether ``stance`` is said by the protesters of ``protest``, in its sentence."""
    if (protest.event != "PROTEST" or stance.event not in PROTEST_CONTENT or protest.negated
            or stance.negated or protest.sentence != stance.sentence
            or protest.language != stance.language or not stance.actors):
        return False
    return not protest.actors or _agree(protest.actors, stance.actors) or (
        _is_crowd(protest.actors) and _is_crowd(stance.actors))


def _fragments_of_one_act(first: Event, second: Event) -> bool:
    same = (first.language == second.language and first.sentence == second.sentence
            and first.event == second.event and first.negated == second.negated
            and first.modality == second.modality and _modes_agree(first, second))
    crossed = {m.entity.id for m in first.actors} & {m.entity.id for m in second.recipients} or {
        m.entity.id for m in first.recipients} & {m.entity.id for m in second.actors}
    actors = _agree(first.actors, second.actors) or (
        first.event == "PROTEST" and _is_crowd(first.actors) and _is_crowd(second.actors))
    return same and not crossed and actors and _agree(
        _not_places(first.recipients), _not_places(second.recipients))


def _is_crowd(mentions: list[Mention]) -> bool:
    """Owner-less people ("المتظاهرون", "عشرات الشبان", "الأهالي"): in a sentence telling a
    protest, the same crowd as another word of it names ("تظاهر مئات الطلاب ... وردد
    المتظاهرون")."""
    return bool(mentions) and all(
        m.entity.type == "group" and m.entity.sector == "CVL" and not m.entity.country
        for m in mentions)


def _not_places(recipients: list[Mention]) -> list[Mention]:
    """A fragment aimed at the place where the act happened ("غارة إسرائيلية على منزل في خان
    يونس") agrees with one that names its victims ("قتل ثلاثة أطفال")."""
    return [m for m in recipients if m.entity.type != "place" and m.kind != "place"]


def _whom(recipients: list[Mention]) -> list[Mention]:
    """The victims named, else the place."""
    return _not_places(recipients) or recipients


def _modes_agree(first: Event, second: Event) -> bool:
    """The same mode, or one unsaid; violence and protest words of one sentence ("تفجير",
    "هجوم انتحاري", "اغتيال") are ways of telling one act."""
    if first.mode == second.mode or first.event in FRAGMENTED_ACTS:
        return True
    return (first.mode is None or second.mode is None) and "mediate" not in {first.mode,
                                                                           second.mode}


def _agree(left: list[Mention], right: list[Mention]) -> bool:
    return not left or not right or {m.entity.id for m in left} == {m.entity.id for m in right}


def split_directed(event: Event) -> list[Event]:
    """"Saudi Arabia, Qatar and Jordan condemned the raid": three condemnations, not a dyad
    among the condemners. Shared actions (meeting, agreeing, signing, cooperating) stay one."""
    shared = event.event in SHARED_ACTIONS or event.cameo == "057"
    if event.recipients or len(event.actors) < 2 or shared:
        return [event]
    return [replace(event, actors=[actor], evidence=list(event.evidence),
                    id=f"{event.id}-{n}" if event.id else "")
            for n, actor in enumerate(event.actors, start=1)]


def _resolve_collectives(mentions: list[Mention], parties: list[Mention],
                         event: Event) -> list[Mention]:
    out: list[Mention] = []
    for mention in mentions:
        if mention.kind != "collective":
            out.append(mention)
            continue
        for party in parties:
            out.append(replace(mention, entity=party.entity, kind="collective",
                               resolved_from=party.span.text))
        event.confidence = round(event.confidence * 0.9, 3)
    return _unique(out)


def _other_sides(side: Mention, event: Event, disputants: list[Mention]) -> list[Mention]:
    """"Qatari mediators met Hamas leaders": a mediation that names one side of the dispute in
    discourse mediates with the other side too."""
    ids = {m.entity.id for m in disputants}
    if side.entity.id not in ids or len(ids) < 2:
        return []
    return [as_discourse_reference(m, event) for m in disputants
            if m.entity.id != side.entity.id and m.entity.id not in
            {a.entity.id for a in event.actors}]


def _as_state(mention: Mention, states: Mapping[str, Entity]) -> Mention:
    """"Israeli jets", "the Russian army": the state whose forces or officials they are."""
    entity = mention.entity
    state = states.get(entity.country or "")
    if entity.type == "state" or entity.sector not in STATE_BODY_SECTORS or state is None or (
            state.type != "state"):
        return mention
    return replace(mention, entity=state)


def _speaking_mediator(event: Event, states: Mapping[str, Entity]) -> list[Mention]:
    if event.speaker is None or not event.recipients:
        return []  # with no parties known, a party may be speaking
    speaker = _as_state(event.speaker, states)
    parties = {m.entity.id for m in event.recipients} | {m.entity.country
                                                         for m in event.recipients}
    if {speaker.entity.id, speaker.entity.country} & parties:
        return []
    return [speaker]


def _meeting_mediators(event: Event, participants: list[Mention]) -> list[Mention]:
    """"وجرى خلال الاتصال مناقشة الجهود المشتركة للوساطة بين حماس وإسرائيل": mediation efforts
    no one is named for, told of a meeting between others than the parties, are the efforts of
    those who met."""
    parties = {m.entity.id for m in event.recipients}
    if not parties or {m.entity.id for m in participants} & parties:
        return []
    return participants


def as_discourse_reference(party: Mention, event: Event) -> Mention:
    """A party named elsewhere in the document: its own words and offsets, marked resolved."""
    return replace(party, kind="discourse", resolved_from=party.span.text, sentence=event.sentence)


def _unique(mentions: list[Mention]) -> list[Mention]:
    seen: set[str] = set()
    out = []
    for mention in mentions:
        if mention.entity.id not in seen:
            seen.add(mention.entity.id)
            out.append(mention)
    return out


def merge_duplicates(events: list[Event]) -> list[Event]:
    """One event per (type, mode, actors, recipients, negation); later sayings become evidence."""
    merged: dict[tuple, Event] = {}
    for event in events:
        key = (event.event, event.mode, frozenset(m.entity.id for m in event.actors),
               frozenset(m.entity.id for m in event.recipients), event.negated)
        first = merged.get(key)
        if first is None:
            merged[key] = event
            continue
        first.evidence.append(Span(event.sentence_span.text, event.sentence_span.start,
                                   event.sentence_span.end))
        first.confidence = max(first.confidence, event.confidence)
    return list(merged.values())
