"""Reactions to an act told earlier: "The army condemned the attack", "ودانت الحكومة الهجوم".

A refusal or denial of a charge ("a charge Yerevan denied", "rejected the allegations") answers
whoever made the latest accusation the document told.

A stance (condemning, rejecting, protesting, welcoming) whose object is a definite noun naming an
act ("the attack", "the launch", "الهجوم") is aimed at whoever did that act, named in an earlier
event of the same kind. The noun is that act mentioned again, not a new one done by the speaker.
So is a demand that an act stop ("called for an end to the attacks", "دعت إلى وقف الهجمات"):
it is addressed to the act's doer, and those the act hits are not whom the demand is made of.
"""

from __future__ import annotations

from ..model import Event, Mention
from .clause import SentenceView
from .discourse import as_discourse_reference

STANCES = {"ACCUSE", "REJECT", "PROTEST", "SUPPORT"}
_ARTICLES = {"the", "this", "that", "these", "those"}
# words that may stand between a stance and the act it refers to ("condemned the attack",
# "دان هذا الهجوم"); a date ("Tuesday's attack") names a new act as often as an old one
_DETERMINERS = _ARTICLES | {"هذا", "هذه", "ذلك", "تلك"}
# the words of a demand that an act stop, between the demand and the act
_CESSATION = {"end", "halt", "stop", "cessation", "وقف", "بوقف", "لوقف", "إنهاء", "بإنهاء",
              "لإنهاء"}
_CESSATION_GLUE = {"an", "a", "to", "of", "إلى", "على"}
_CHARGE_REACH = 5  # "a charge [Jubaland officials] rejected"


def with_referred_acts(events: list[Event]) -> list[Event]:
    """The events of a document in order, stances aimed at the doers of the acts they refer to,
    and the referring nouns dropped; an act a stance names with no doer of its own ("Egypt
    condemned the attack", "رحبت قطر بالاتفاق") is not done by the stance's subject."""
    dropped: set[int] = set()
    for n, stance in enumerate(events):
        if (stance.event not in STANCES and stance.event != "REQUEST") or stance.negated:
            continue
        act = _referred_act(stance, events)
        if act is None:
            continue
        if stance.event == "REQUEST":  # "an end to the attacks on civilians": not of civilians
            stance.recipients = [m for m in stance.recipients
                                 if m.span.start < act.trigger.start]
        borrowed = bool(act.actors) and _same_sides(act.actors, stance.actors)
        own = [] if borrowed else act.actors  # "the attack by settlers", "العدوان الإسرائيلي"
        doer = [] if stance.recipients else own or _earlier_doer(act, events[:n])
        if doer:
            stance.recipients = list(doer)
        if borrowed:  # "condemned the Israeli attack": the stance's target did it
            act.actors = [m for m in stance.recipients
                          if stance.trigger.end <= m.span.start < act.trigger.start]
        if (doer and borrowed) or (not act.actors and not act.recipients):
            dropped.add(id(act))
    return [event for event in events if id(event) not in dropped]


def _referred_act(stance: Event, events: list[Event]) -> Event | None:
    """The event whose trigger is the stance's object: a definite noun right after the stance's
    verb (and its subject, in Arabic verb-subject order), with no target of its own."""
    text = stance.sentence_span.text
    offset = stance.sentence_span.start
    for act in events:
        if (act is stance or act.sentence != stance.sentence
                or act.event in STANCES or act.trigger.start < stance.trigger.end):
            continue
        between = text[stance.trigger.end - offset:act.trigger.start - offset]
        # "ودانت الحكومة الهجوم": the subject may stand between; "the Israeli attack": so may
        # the stance's target, named by the act's own modifier
        for side in (*stance.actors, *stance.recipients):
            between = between.replace(side.span.text, " ")
        words = [w.lower() for w in between.split()]
        if stance.event == "REQUEST":
            if set(words) & _CESSATION and set(words) <= _CESSATION | _CESSATION_GLUE | (
                    _DETERMINERS):
                return act
            continue
        # "الهجوم", and after the preposition the verb takes: "ندد بالهجوم"
        definite = act.trigger.text.lstrip("بل").startswith("ال") or bool(
            words and words[-1] in _ARTICLES)
        if definite and all(w in _DETERMINERS for w in words):
            return act
    return None


def _earlier_doer(act: Event, earlier: list[Event]) -> list[Mention]:
    """The actors of the first event of the same kind, in an earlier sentence, that names them:
    a reaction refers to the act the story leads with, not to one told in passing ("Kyiv's air
    force said it shot down most of the missiles")."""
    return next((e.actors for e in earlier if e.event == act.event and e.actors
                 and not e.negated and e.sentence < act.sentence), [])


def _same_sides(left: list[Mention], right: list[Mention]) -> bool:
    return {m.entity.id for m in left} == {m.entity.id for m in right}


def answers_a_charge(view: SentenceView, event: Event, tokens: tuple[int, int],
                     accusers: list[Mention]) -> None:
    """"accused X of ..., a charge X rejected", "X dismissed the accusation": a refusal that
    names no one, said of a charge (grammar role ``charge_noun``) in or right around its words, is
    aimed at the accuser named last (``accusers``)."""
    if event.event != "REJECT" or event.recipients or not accusers:
        return
    start, end = tokens
    if not _near_a_charge(view, start, end):
        return
    own = {m.entity.id for m in event.actors}
    event.recipients = [as_discourse_reference(m, event) for m in accusers
                        if m.entity.id not in own]


def _near_a_charge(view: SentenceView, start: int, end: int) -> bool:
    after = end
    while after < len(view.tokens) and view.has_role(after, "determiner"):
        after += 1
    if any(view.has_role(j, "charge_noun") for j in [*range(start, end), after]):
        return True  # "denied the charge", "rejected the allegations"
    for j in range(start - 1, max(-1, start - 1 - _CHARGE_REACH), -1):
        if view.has_role(j, "charge_noun"):
            return True  # "a charge Yerevan denied"
        if view.tokens[j].text in {",", "،"} or j in view.strong_boundaries:
            return False
    return False
