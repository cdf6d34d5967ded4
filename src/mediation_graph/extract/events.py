"""Stage four: events of a sentence from its triggers, mentions and cue words.

A trigger matches on any clitic-free key of its words; an Arabic verb also with its future
prefix سـ or an object pronoun taken off ("سيجتمع", "ترفضه"). A nominal trigger that only names
the topic of the trigger before it ("مفاوضات وقف إطلاق النار", "talks on a ceasefire") is no event
of its own unless it has an agent of its own ("الهجمات الإسرائيلية").

English news adds: the content of a demand, threat or refusal is no event ("threatened to cut
off electricity"), an agreement to act is that intention ("agreed to hold talks": AGREE 036);
a background noun ("after days of fighting") and a noun restating its verb ("killed ten in an
attack") are no events of their own; "X said Y must ..." is a demand of Y; agreeing said not to
happen is a refusal ("would not accept"); a domestic protest aimed at no one targets its state.

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
from .clause import USABLE_KINDS, SentenceView
from .modality import CueHit, Modality, find_cues, modality_of

_TOPIC_GAP = 4
_AGENT_VERB_GAP = 2  # "مفاوضات شاقة استضافتها"
_ASIDE_WORDS = 3  # "، مساء الأربعاء،": a date or time between commas
_COMPLEMENT_GAP = 8  # "demanded that the Sudanese government end ...": words before the verb
COMPLEMENT_TAKING = {"AGREE", "REQUEST", "THREATEN", "REJECT"}
_BACKGROUND_REACH = 4  # "after [five days of] fighting", "amid [Israeli] strikes"
THIRD_PARTY_EVENTS = {"AGREE", "RETREAT", "CONCEDE", "CONSULT"}
MEDIATION = Trigger(event="CONSULT", cameo="045", pos="noun", mode="mediate",
                    context=("diplomatic",))
DEMAND = Trigger(event="REQUEST", cameo="100", pos="verb")  # "X said Y must ..."
REFUSAL = Trigger(event="REJECT", cameo="120", pos="verb")  # "X would not accept ..."
_REFUSAL_REACH = 2
_DENIALS = {"denied", "denies", "deny", "denying"}
_OBLIGATION_GAP = 3  # "must [fully] cooperate", "must [be ready to] mediate"
_SPEAKER_REACH = 4  # "[the foreign ministry] said"


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
    if language == "en":
        matches = sorted(matches + _obligations(view), key=lambda pair: pair[0].start)
    kept = _without_topics(view, matches)
    intentions: set[int] = set()
    if language == "en":
        kept, intentions = _without_complements(view, kept, lexicon)
        kept = [pair for pair in kept if not _is_background(view, pair[0])]
        kept = _without_restatements(view, kept)
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
        if trigger is DEMAND:
            demand = _demand_arguments(view, match, hits)
            if demand is not None:
                events.append(SentenceEvent(trigger, _span(view, match.start, match.end), demand,
                                            modality_of(view, match, hits, False),
                                            _confidence(demand, trigger)))
            continue
        args = find_arguments(view, match, trigger, next_start, previous_subject,
                              own_actor=_saying_role(view, match))
        if language == "en" and trigger.event == "PROTEST" and not args.recipients:
            _protest_at_home(args, lexicon)
        if args.actors and any("subject" in p for p in args.patterns[:1]):
            subjects_by_clause.setdefault(clause_start, args.actors)
        span = _span(view, match.start, match.end)
        modality = modality_of(view, match, hits, future_prefix or match.start in intentions)
        if language == "en" and modality.negated and _is_refusal(view, match, hits, modality,
                                                                   lexicon):
            trigger, modality.negated = REFUSAL, False
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


def _without_complements(view: SentenceView,
                         matches: list[tuple[PhraseMatch[Trigger], bool]], lexicon: Lexicon
                         ) -> tuple[list[tuple[PhraseMatch[Trigger], bool]], set[int]]:
    """An English action that is only the content of an agreement, demand, threat or refusal
    before it has not happened: "threatened to cut off electricity", "refused to deploy
    peacekeepers", "demanded that Israel withdraw" are the threat, refusal or demand alone. An
    agreement or promise to do what has an intent code is that intention, more precisely
    coded ("agreed to hold talks": AGREE 036; "pledged to send aid": 033), so the promise
    gives way to it, and is returned among the intentions (by start token). Mediation is
    always kept: "agreed to mediate" is an intention to mediate (AGREE 039), "asked Qatar to
    mediate" a request and a mediation."""
    dropped: set[int] = set()
    intentions: set[int] = set()
    head: int | None = None
    for n, (match, _future) in enumerate(matches):
        trigger = match.values[0]
        if head is not None and _is_complement(view, matches[head][0], match):
            intent = lexicon.intent_cameo(trigger.event, trigger.mode) or ""
            if matches[head][0].values[0].event == "AGREE" and intent.startswith("03"):
                dropped.add(head)
                intentions.add(match.start)
            elif trigger.mode != "mediate":
                dropped.add(n)
            head = None
            continue
        if trigger.event in COMPLEMENT_TAKING and trigger.mode != "mediate":
            head = n
    return [pair for n, pair in enumerate(matches) if n not in dropped], intentions


def _protest_at_home(args: Arguments, lexicon: Lexicon) -> None:
    """"Algerian farmers began a hunger strike", "students throughout Indonesia staged
    demonstrations": a protest aimed at no one named, by people of a state, is aimed at their
    own state, as CAMEO codes a domestic protest. The recipient is named by the same words as
    the protesters, kind "implied"."""
    actor = args.actors[0] if args.actors else None
    if actor is None or actor.entity.type == "state" or not actor.entity.country:
        return
    home = lexicon.actors.entities.get(actor.entity.country)
    if home is not None and home.type == "state" and home.id != actor.entity.id:
        implied = Mention(actor.span, home, actor.sentence, actor.token_start, actor.token_end,
                          "implied")
        args.use("recipients", [implied], 0.5, "protesters' own state")


def _is_refusal(view: SentenceView, match: PhraseMatch[Trigger], hits: list[CueHit],
                modality: Modality, lexicon: Lexicon) -> bool:
    """"failed to reach agreement", "will not accept", "declined to resign", "would not
    negotiate": agreeing, yielding or an intention said not to happen is a rejection (CAMEO
    12), unless it is denied ("denied reaching a deal" says nothing was rejected)."""
    trigger = match.values[0]
    intention = modality.modality == "future" and (
        lexicon.intent_cameo(trigger.event, trigger.mode) or "").startswith("03")
    if trigger.event not in {"AGREE", "CONCEDE"} and not intention:
        return False
    return any(h.cue == "negation" and 0 <= match.start - h.end <= _REFUSAL_REACH
               and view.tokens[h.start].key not in _DENIALS for h in hits)


def _obligations(view: SentenceView) -> list[tuple[PhraseMatch[Trigger], bool]]:
    """"must", "has to" (grammar role obligation): with a speaker, a demand (see
    ``_demand_arguments``)."""
    return [(PhraseMatch(start, end, (DEMAND,)), False)
            for start, end in view.words_with_role("obligation", 0, len(view.tokens))]


def _demand_arguments(view: SentenceView, match: PhraseMatch[Trigger],
                      hits: list[CueHit]) -> Arguments | None:
    """"Russia said Sudan must return the helicopter", "Iran must stop, the minister said": the
    speaker demands of the subject of "must". Without both there is no demand."""
    asked = [m for m in view.mentions if m.token_end <= match.start
             and view.clause_limits(match.start)[0] <= m.token_start
             and m.kind in USABLE_KINDS and view.governing_preposition(m) is None]
    speaker = _speech_subject(view, match, hits)
    if not asked or speaker is None:
        return None
    subject = max(asked, key=lambda m: m.token_start)
    head = next(m for m in sorted(asked, key=lambda m: m.token_start)
                if subject in view.coordinated(m))  # "US and British forces must"
    recipients = [m for m in view.coordinated(head) if m.token_end <= match.start]
    if speaker in recipients:
        return None
    return Arguments([speaker], recipients, 0.6, ["speaker", "subject of must"])


def _speech_subject(view: SentenceView, match: PhraseMatch[Trigger],
                    hits: list[CueHit]) -> Mention | None:
    """Who says it: the subject of the nearest verb of saying before the trigger ("X said that
    ..."), else after it ("..., X said", "..., said X")."""
    speech = [h for h in hits if h.cue == "speech"]
    before = [h for h in speech if h.end <= match.start]
    after = [h for h in speech if h.start >= match.end]
    verb = before[-1] if before else (after[0] if after else None)
    if verb is None:
        return None
    usable = [m for m in view.mentions if m.kind in USABLE_KINDS and m.entity.type != "place"]
    subjects = [m for m in usable if verb.start - _SPEAKER_REACH <= m.token_end <= verb.start]
    if subjects:  # English puts the speaker first: "the Red Cross said"
        return max(subjects, key=lambda m: m.token_end)
    inverted = [m for m in usable if verb.end <= m.token_start <= verb.end + 1]  # "said X"
    return inverted[0] if inverted else None


def _without_restatements(view: SentenceView,
                          matches: list[tuple[PhraseMatch[Trigger], bool]]
                          ) -> list[tuple[PhraseMatch[Trigger], bool]]:
    """"killed 46 civilians in an attack on a village", "wounded two soldiers in a bomb
    attack": a noun of the type of the verb before it in its clause names the same event."""
    kept: list[tuple[PhraseMatch[Trigger], bool]] = []
    for pair in matches:
        match, previous = pair[0], kept[-1][0] if kept else None
        if (previous is not None and match.values[0].pos == "noun"
                and previous.values[0].pos == "verb"
                and match.values[0].event == previous.values[0].event
                and match.values[0].mode != "mediate"
                and view.clause_limits(match.start) == view.clause_limits(previous.start)):
            continue
        kept.append(pair)
    return kept


def _is_background(view: SentenceView, match: PhraseMatch[Trigger]) -> bool:
    """"after 12 days of battles", "amid protests", "following the killing of": a noun naming
    an earlier event as the setting of the news is no news of its own; a mediation is."""
    trigger = match.values[0]
    if trigger.pos != "noun" or trigger.mode == "mediate":
        return False
    j = match.start
    for _step in range(_BACKGROUND_REACH):
        if j == 0:
            return False
        if view.roles_at.get(j - 1, frozenset()) & {"background"}:
            return True
        j -= 1
        if j in view.strong_boundaries or view.tokens[j].text in {",", "،"}:
            return False
    return False


def _is_complement(view: SentenceView, head: PhraseMatch[Trigger],
                   match: PhraseMatch[Trigger]) -> bool:
    if match.start - head.end > _COMPLEMENT_GAP:
        return False
    if any(j in view.strong_boundaries for j in range(head.end, match.start)
           if not view.has_role(j, "complementizer")):
        return False
    if head.values[0] is DEMAND:  # "must return the helicopter", "must be ready to mediate"
        return match.start - head.end <= _OBLIGATION_GAP
    opener = head.end - 1 if view.tokens[head.end - 1].key == "to" else head.end
    return opener < match.start and (view.tokens[opener].key == "to" or (
        view.has_role(opener, "complementizer") and head.values[0].event in {"REQUEST",
                                                                               "THREATEN"}))


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
