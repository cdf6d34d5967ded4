"""Stage four: events of a sentence from its triggers, mentions and cue words.

A trigger matches on any clitic-free key of its words; an Arabic verb also with its future
prefix سـ or an object pronoun taken off ("سيجتمع", "ترفضه"). A nominal trigger that only names
the topic of the trigger before it ("مفاوضات وقف إطلاق النار", "talks on a ceasefire") is no event
of its own unless it has an agent of its own ("الهجمات الإسرائيلية").

Confidence = pattern strength of the weakest slot filled (0.5 to 0.9, see arguments.py) times
0.8 when the event has no recipient, 0.9 when an actor is an unlinked name, 0.9 when the trigger
is a noun rather than a verb or fixed phrase.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from ..lexicon import Lexicon, PhraseIndex, PhraseMatch, Trigger
from ..model import Mention, Span, Token
from ..text.normalize import ARABIC_PRONOUN_SUFFIXES, strip_future
from .arguments import Arguments, find_arguments
from .clause import SentenceView
from .modality import Modality, find_cues, modality_of

_TOPIC_GAP = 4
_AGENT_VERB_GAP = 2  # "مفاوضات شاقة استضافتها"
_ASIDE_WORDS = 3  # "، مساء الأربعاء،": a date or time between commas
THIRD_PARTY_EVENTS = {"AGREE", "RETREAT", "CONCEDE", "CONSULT"}
MEDIATION = Trigger(event="CONSULT", cameo="045", pos="noun", mode="mediate",
                    context=("diplomatic",))


@dataclass
class SentenceEvent:
    """An event found in one sentence, before document-level resolution."""

    trigger: Trigger
    trigger_span: Span
    arguments: Arguments
    modality: Modality
    confidence: float


def find_triggers(tokens: Sequence[Token], index: PhraseIndex[Trigger],
                  language: str) -> list[tuple[PhraseMatch[Trigger], bool]]:
    """Trigger matches, each with whether it only matched once a future prefix was removed."""
    if language != "ar":
        return [(m, False) for m in index.find_all(tokens)]
    found = []
    for match in index.find_all(tokens, variants=_arabic_trigger_keys):
        plain = index.match_at(tokens, match.start, variants=_arabic_plain_keys)
        found.append((match, plain is None or plain.end < match.end))
    return found


def split_verb_triggers(view: SentenceView, index: PhraseIndex[Trigger],
                        found: list[tuple[PhraseMatch[Trigger], bool]]
                        ) -> list[tuple[PhraseMatch[Trigger], bool]]:
    """Arabic verb-first order puts the subject inside a multi-word verb ("رفع المتظاهرون
    لافتات", "أحرق محتجون أعلاما"): a verb word, an actor, then the rest of a listed phrase
    is that trigger, matched on the verb word alone so the actor stays its subject."""
    taken = {j for match, _future in found for j in range(match.start, match.end)}
    extra = []
    for mention in view.mentions:
        verb = mention.token_start - 1
        if verb < 0 or verb in taken or mention.token_end in taken:
            continue
        rest = _past_aside(view, mention.token_end)
        joined = [view.tokens[verb], *view.tokens[rest:]]
        match = index.match_at(joined, 0, variants=_arabic_trigger_keys)
        if match is not None and match.end > 1 and match.values[0].pos != "noun":
            extra.append((PhraseMatch(verb, verb + 1, match.values), False))
            taken.add(verb)
            # the object words belong to this verb: no trigger of their own
            inside = range(rest, rest + match.end - 1)
            found = [pair for pair in found if pair[0].start not in inside]
    return sorted(found + extra, key=lambda pair: pair[0].start)


def _arabic_trigger_keys(token: Token) -> tuple[str, ...]:
    return _expanded_keys(token.keys, future=True, enclitic=_may_carry_enclitic(token))


def _arabic_plain_keys(token: Token) -> tuple[str, ...]:
    return _expanded_keys(token.keys, future=False, enclitic=_may_carry_enclitic(token))


def _may_carry_enclitic(token: Token) -> bool:
    """A word ending in ة has no object pronoun: its ه-key is the folded ta marbuta."""
    text = token.text
    while text and unicodedata.combining(text[-1]):
        text = text[:-1]  # a final vowel mark
    return not text.endswith("ة")


@lru_cache(maxsize=65536)
def _expanded_keys(keys: tuple[str, ...], future: bool, enclitic: bool) -> tuple[str, ...]:
    """Keys plus the forms without a future prefix (when ``future``) and without an object
    pronoun (when ``enclitic``)."""
    out = list(keys)
    for key in keys:
        forms = [key]
        bare = strip_future(key) if future else None
        if bare:
            forms.append(bare)
        for form in forms:
            stems = [form] + [form[:-len(e)] for e in ARABIC_PRONOUN_SUFFIXES
                              if enclitic and form.endswith(e) and len(form) - len(e) >= 3]
            out.extend(stem for stem in stems if stem not in out)
    return tuple(out)


def sentence_events(view: SentenceView, lexicon: Lexicon,
                    carried: Sequence[Mention] = ()) -> list[SentenceEvent]:
    """``carried``: the subject of the previous Arabic sentence, which a verb opening this
    one without a subject of its own continues ("وبحث مع نظيره ...")."""
    language = view.language
    index = lexicon.triggers[language]
    triggers = find_triggers(view.tokens, index, language)
    if language == "ar":
        triggers = _without_agent_verbs(view, split_verb_triggers(view, index, triggers))
    matches = [(m, f) for m, f in triggers if not _inside_actor(view, m) or _saying_role(view, m)]
    kept = _without_topics(view, matches)
    hits = find_cues(view, lexicon.cues[language])
    events: list[SentenceEvent] = []
    subjects_by_clause: dict[int, list[Mention]] = {}
    for n, (match, future_prefix) in enumerate(kept):
        trigger = match.values[0]
        next_start = kept[n + 1][0].start if n + 1 < len(kept) else len(view.tokens)
        clause_start = view.clause_limits(match.start, soft=True)[0]
        earlier = [c for c in subjects_by_clause if c < clause_start]
        # a verb, not a noun, continues the previous sentence's subject ("وبحث مع نظيره")
        from_before = list(carried) if trigger.pos != "noun" else []
        previous_subject = subjects_by_clause[max(earlier)] if earlier else from_before
        args = find_arguments(view, match, trigger, next_start, previous_subject,
                              own_actor=_saying_role(view, match))
        if args.actors and any("subject" in p for p in args.patterns[:1]):
            subjects_by_clause.setdefault(clause_start, args.actors)
        span = _span(view, match.start, match.end)
        modality = modality_of(view, match, hits, future_prefix)
        if _facilitated_talks(args, trigger):
            trigger = MEDIATION
        mediation = _third_party_mediation(args, trigger)
        if mediation is not None:
            events.append(SentenceEvent(MEDIATION, span, mediation, modality,
                                        _confidence(mediation, trigger)))
        events.append(SentenceEvent(trigger, span, args, modality, _confidence(args, trigger)))
    return events


def sentence_subject(found: list[SentenceEvent]) -> list[Mention]:
    """The last subject a sentence named (for the next sentence's dropped subject)."""
    for event in reversed(found):
        patterns = event.arguments.patterns
        if event.arguments.actors and patterns and "subject" in patterns[0]:
            return [replace(m, kind="discourse", resolved_from=m.span.text)
                    for m in event.arguments.actors]
    return []


def _without_agent_verbs(view: SentenceView, found: list[tuple[PhraseMatch[Trigger], bool]]
                        ) -> list[tuple[PhraseMatch[Trigger], bool]]:
    """"مفاوضات استضافتها الدوحة", "لقاء رتبه أمير قطر": a verb that names who hosted or
    arranged the noun just before it is that noun's "by", not an event of its own."""
    nouns_end = [m.end for m, _future in found if m.values[0].pos == "noun"]
    return [(m, f) for m, f in found
            if not (view.has_role(m.start, "agent_prep")
                    and any(0 <= m.start - end <= _AGENT_VERB_GAP for end in nouns_end))]


def _past_aside(view: SentenceView, j: int) -> int:
    """After a short aside between commas ("، الجمعة،"), or ``j`` itself."""
    commas = {",", "،"}
    if j < len(view.tokens) and view.tokens[j].text in commas:
        for k in range(j + 1, min(j + _ASIDE_WORDS + 2, len(view.tokens))):
            if view.tokens[k].text in commas:
                return k + 1
    return j


def _facilitated_talks(args: Arguments, trigger: Trigger) -> bool:
    """"talks convened by the African Union", "talks guaranteed by Cuba and Norway": whoever
    talks are held *by* is their mediator, not a party to them."""
    return (trigger.event == "CONSULT" and trigger.pos == "noun" and trigger.mode != "mediate"
            and args.patterns[:1] == ["agent phrase"])


def _third_party_mediation(args: Arguments, trigger: Trigger) -> Arguments | None:
    """"Egypt reached a truce between Israel and Islamic Jihad": an actor bringing about an
    agreement or talks between two others mediates between them, and the parties agree.
    ``args`` becomes the parties' own event; the mediation is returned."""
    if trigger.mode == "mediate" or trigger.event not in THIRD_PARTY_EVENTS:
        return None
    if "between" not in args.patterns or len(args.recipients) < 2 or not args.actors:
        return None
    parties = {m.entity.id for m in args.recipients}
    if parties & {m.entity.id for m in args.actors}:
        return None
    mediation = Arguments(list(args.actors), list(args.recipients), args.strength,
                          [*args.patterns, "third party"])
    args.actors, args.recipients = args.recipients[:1], args.recipients[1:]
    return mediation


def _saying_role(view: SentenceView, match: PhraseMatch[Trigger]) -> Mention | None:
    """A role noun that says the action ("Qatari mediators", "وسطاء من عمان") is a trigger
    whose actor is the mention it lies in. In Arabic so is a noun for the doers of an action
    heading an actor ("المتظاهرون الغاضبون" protested, "المضربون" struck)."""
    trigger = match.values[0]
    for mention in view.mentions:
        if mention.kind != "role" or not mention.token_start <= match.start < mention.token_end:
            continue
        heads = (view.language == "ar" and trigger.pos == "noun"
                 and match.start == mention.token_start)
        if trigger.mode == "mediate" or heads:
            return mention
    return None


def _inside_actor(view: SentenceView, match: PhraseMatch[Trigger]) -> bool:
    """Words that are part of an actor's name ("the mediators' team" aside) are no trigger,
    except an owner-less role such as "الوسطاء", which may also say the action."""
    return any(m.token_start <= match.start < m.token_end and m.kind != "collective"
               for m in view.mentions)


def _without_topics(view: SentenceView,
                    matches: list[tuple[PhraseMatch[Trigger], bool]]
                    ) -> list[tuple[PhraseMatch[Trigger], bool]]:
    """Drop triggers that only name the topic of a neighbouring one: Arabic and English "talks
    on a ceasefire" (the second), English compounds "ceasefire talks" (the first)."""
    dropped: set[int] = set()
    for n in range(1, len(matches)):
        head, match = matches[n - 1][0], matches[n][0]
        if view.language == "en" and _is_noun_compound(head, match):
            dropped.add(n - 1)
        elif _is_topic_of(view, head, match) or (n - 1 in dropped and _continues_topics(
                view, head, match)):
            dropped.add(n)
    return [pair for n, pair in enumerate(matches) if n not in dropped]


def _is_noun_compound(modifier: PhraseMatch[Trigger], head: PhraseMatch[Trigger]) -> bool:
    return (modifier.end == head.start and modifier.values[0].pos == "noun"
            and head.values[0].pos == "noun")


def _is_topic_of(view: SentenceView, head: PhraseMatch[Trigger],
                 match: PhraseMatch[Trigger]) -> bool:
    """A noun right after another trigger, joined only by glue words, is what that trigger is
    about: "talks on a ceasefire", "rejected any new talks", "مفاوضات وقف إطلاق النار"."""
    if match.values[0].pos == "verb" or match.start - head.end > _TOPIC_GAP:
        return False
    if not all(_is_glue(view, j) or view.has_role(j, "determiner")
               for j in range(head.end, match.start)):
        return False
    own_agent = view.mention_starting(match.end) if view.language == "ar" else None
    return own_agent is None or own_agent.kind != "adjective"


def _continues_topics(view: SentenceView, topic: PhraseMatch[Trigger],
                      match: PhraseMatch[Trigger]) -> bool:
    """"وقف إطلاق النار في غزة وتبادل الأسرى": a noun joined by و to a topic is a topic too."""
    first = view.tokens[match.start]
    joined = (first.key.startswith("و") and len(first.keys) > 1) or (
        match.start > 0 and view.tokens[match.start - 1].key in {"and", "و"})
    return (joined and match.values[0].pos != "verb" and match.start - topic.end <= _TOPIC_GAP
            and not any(j in view.strong_boundaries for j in range(topic.end, match.start)))


def _is_glue(view: SentenceView, j: int) -> bool:
    """Whether token ``j`` lies in a topic-glue word or phrase ("حول", "المتعلقة ب", "on a")."""
    return any("topic_glue" in roles and start <= j < end
               for start, (roles, end) in view.function_words.items())


def _span(view: SentenceView, start: int, end: int) -> Span:
    first, last = view.tokens[start], view.tokens[end - 1]
    sentence = view.sentence
    return Span(sentence.text[first.start - sentence.start:last.end - sentence.start],
                first.start, last.end)


def _confidence(args: Arguments, trigger: Trigger) -> float:
    value = args.strength or 0.5
    if not args.recipients:
        value *= 0.8
    if any(not m.entity.linked and m.kind == "unlinked" for m in args.actors + args.recipients):
        value *= 0.9
    if trigger.pos == "noun":
        value *= 0.9
    return round(value, 3)
