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

from ..lexicon import ActorName, Lexicon, PhraseIndex, PhraseMatch, Role, Trigger
from ..model import Entity, Mention, Span, Token
from ..text.normalize import ARABIC_PRONOUN_SUFFIXES, arabic_key, strip_future, word_keys
from .arguments import (
    Arguments,
    doers_of_act,
    find_arguments,
    is_arabic_participle,
    place_of_action,
)
from .clause import USABLE_KINDS, SentenceView
from .modality import CueHit, Modality, find_cues, modality_of, trailing_speaker

_TOPIC_GAP = 4
_SOURCE_REACH = 2  # "أفاد [مراسل] وكالة الصحافة الفرنسية"
_AGENT_VERB_GAP = 2  # "مفاوضات شاقة استضافتها"
# words after which an Arabic clause starts with its verb ("فيما رفض", "بينما دعا")
_CLAUSE_OPENERS = {"فيما", "بينما", "كما", "حيث", "ثم", "وقد", "قد", "فقد", "لقد"}
# what may stand between "we" and its verb: "we will not accept", "we strongly condemn"
_FIRST_PERSON = {"we", "i", "نحن", "ونحن"}
_OPENING_QUOTES = {'"', "“", "«", "'", "‘"}
_FIRST_PERSON_FILLERS = {"will", "would", "shall", "do", "does", "did", "not", "never", "also",
                         "strongly", "firmly", "fully", "categorically", "totally", "have",
                         "has", "had", "are", "am", "can", "cannot", "must", "should", "won't",
                         "don't", "didn't", "can't", "once", "again", "therefore", "hereby",
                         "لا", "لن", "سوف", "لم"}
_FIRST_PERSON_REACH = 4
_ASIDE_WORDS = 3  # "، مساء الأربعاء،": a date or time between commas
_OBJECT_DOES = "object of a stance"
_STANCES = {"ACCUSE", "REQUEST"}  # whose object may be said to do the act named after it
_ACT_PARTICLES = {arabic_key("إلى"), arabic_key("على")}  # "دعا الطرفين إلى وقف", "حثه على"
_COMPLEMENT_GAP = 8  # "demanded that the Sudanese government end ...": words before the verb
COMPLEMENT_TAKING = {"AGREE", "REQUEST", "THREATEN", "REJECT", "ACCUSE"}
_CHARGE_GAP = 3  # "accused Togo of arming", "blamed Chile for the shelling"
_BACKGROUND_REACH = 4  # "after [five days of] fighting", "amid [Israeli] strikes"
THIRD_PARTY_EVENTS = {"AGREE", "RETREAT", "CONCEDE", "CONSULT"}
MEDIATION = Trigger(event="CONSULT", cameo="045", pos="noun", mode="mediate",
                    context=("diplomatic",))
DEMAND = Trigger(event="REQUEST", cameo="100", pos="verb")  # "X said Y must ..."
REFUSAL = Trigger(event="REJECT", cameo="120", pos="verb")  # "X would not accept ..."
_REFUSAL_REACH = 2
_DENIALS = {"denied", "denies", "deny", "denying"}
_OBLIGATION_GAP = 3  # "must [fully] cooperate", "must [be ready to] mediate"
_PLACE_WORDS = 3  # "talks in [Kuala Lumpur] hosted by"
_GUEST_GAP = 1  # "received [the] Iraqi prime minister"
_SPEAKER_REACH = 4  # "[the foreign ministry] said"
_ARTICLES = {"a", "an"}
_AIM_GAP = 8  # "demonstrated [in the northern city of Kirkuk on Sunday], calling for"
_PURPOSE_GAP = 8  # "will visit [Mauritania and Senegal] to mediate"
_OBJECT_CONTROL = {"REQUEST", "COERCE"}  # "urged X to", "forced X to": X does it
HOSTING_CAMEO = {"043"}
STANCE_EVENTS = {"SUPPORT", "ACCUSE", "REJECT", "REQUEST", "THREATEN", "PROTEST"}
# Answering a mediation or an offer of one (CAMEO): accepting it is 038, rejecting it 126, asking
# for it 108; the event type of the verb that answers -> the type and code of the answer.
# Welcoming (SUPPORT) an offer to mediate accepts it too.
MEDIATION_ANSWERS = {"CONCEDE": ("AGREE", "038"), "AGREE": ("AGREE", "038"),
                     "REJECT": ("REJECT", "126"), "REQUEST": ("REQUEST", "108")}
MEDIATION_ACTS = {"045", "039"}  # the mediator acts: mediating, offering to
_ANSWER_GAP = 4
_CHANNEL_GAP = 4
_EFFORT_REACH = 5
# patterns that find a trigger's own agent, not merely the subject of its clause
# patterns that take a noun's actor from its context: the clause subject, or the nearest actor
# for a word read as carrying "her"/"its" (also "الوساطة", whose folded ة reads as ه)
_CONTEXT_ACTOR_PATTERNS = {"clause subject", "possessive pronoun antecedent"}
_OWN_AGENT_PATTERNS = {"agent phrase", "phrase complement", "nominal agent", "role noun",
                       "hyphenated agent"}


@dataclass
class SentenceEvent:
    """An event found in one sentence, before document-level resolution."""

    trigger: Trigger
    trigger_span: Span
    arguments: Arguments
    modality: Modality
    confidence: float
    tokens: tuple[int, int] = (0, 0)  # the trigger's token range in its sentence


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
    لافتات", "أحرق محتجون أعلاما"): a verb word, an actor (counted or not: "خرج آلاف الطلاب
    في مسيرة"), then the rest of a listed phrase is that trigger, matched on the verb word
    alone so the actor stays its subject."""
    taken = {j for match, _future in found for j in range(match.start, match.end)}
    extra = []
    for mention in view.mentions:
        verb = mention.token_start - 1
        while verb > 0 and (view.tokens[verb].text.isdigit() or "quantity" in view.roles_at.get(
                verb, ())):
            verb -= 1  # "خرج آلاف الطلاب في مسيرة", "رفع عشرات المحتجين لافتات"
        if verb < 0 or verb in taken or mention.token_end in taken:
            continue
        rest = _past_aside(view, mention.token_end)
        joined = [view.tokens[verb], *view.tokens[rest:]]
        match = index.match_at(joined, 0, variants=_arabic_trigger_keys)
        obj = view.mention_starting(rest)
        if (match is None or match.end == 1) and obj is not None:
            # "حملت الخارجية إسرائيل المسؤولية": the object stands between as well
            rest = obj.token_end
            joined = [view.tokens[verb], *view.tokens[rest:]]
            match = index.match_at(joined, 0, variants=_arabic_trigger_keys)
        if match is not None and match.end > 1 and match.values[0].pos != "noun":
            extra.append((PhraseMatch(verb, verb + 1, match.values), False))
            taken.add(verb)
            # the object words belong to this verb: no trigger of their own
            inside = range(rest, rest + match.end - 1)
            found = [pair for pair in found if pair[0].start not in inside]
    return sorted(found + extra, key=lambda pair: pair[0].start)


def _verb_first(view: SentenceView, match: PhraseMatch[Trigger]) -> PhraseMatch[Trigger]:
    """Unvocalised Arabic spells a past verb and its verbal noun alike ("رفض": rejected, or
    rejection). Opening a clause with its actor right after it ("رفض ترامب المقترح"), with no
    article or preposition on it, the word is the verb of a verb-first clause."""
    readings = match.values
    verbs = [t for t in readings if t.pos == "verb"]
    if readings[0].pos != "noun" or not verbs or match.end - match.start != 1:
        return match
    word = view.tokens[match.start].text.lstrip("وف")
    opens_clause = match.start == 0 or view.clause_limits(match.start, soft=True)[0] == (
        match.start) or view.tokens[match.start - 1].text in _CLAUSE_OPENERS
    starts_actor = view.mention_starting(match.end) is not None
    if not opens_clause or not starts_actor or word.startswith(("ال", "ب", "ل", "ك")):
        return match
    return PhraseMatch(match.start, match.end,
                       (*verbs, *(t for t in readings if t.pos != "verb")))


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
        triggers = [(_verb_first(view, m), f) for m, f in triggers]
        triggers = _without_agent_verbs(view, split_verb_triggers(view, index, triggers))
    matches = [(m, f) for m, f in triggers if not _inside_actor(view, m) or _saying_role(view, m)]
    if language == "en":
        matches = sorted(matches + _obligations(view), key=lambda pair: pair[0].start)
    kept = _without_topics(view, matches)
    intentions: set[int] = set()
    restated: dict[int, PhraseMatch[Trigger]] = {}
    if language == "en":
        kept, intentions = _without_complements(view, kept, lexicon)
        kept = [pair for pair in kept if not _is_background(view, pair[0])]
        kept, restated = _without_restatements(view, kept)
        kept = _without_conditions(view, kept)
    hits = find_cues(view, lexicon.cues[language])
    attributed_to = trailing_speaker(view, hits)
    events: list[SentenceEvent] = []
    subjects_by_clause: dict[int, list[Mention]] = {}
    for n, (match, future_prefix) in enumerate(kept):
        trigger = match.values[0]
        # a role noun that says a mediation ("التقى الوسطاء المصريون") is also the subject of
        # the verb before it, so it does not end that verb's scope
        next_start = next((m.start for m, _ in kept[n + 1:] if not _saying_role(view, m)),
                          len(view.tokens))
        clause_start = view.clause_limits(match.start, soft=True)[0]
        earlier = [c for c in subjects_by_clause if c < clause_start]
        # a verb, not a noun, continues the previous sentence's subject ("وبحث مع نظيره")
        # and so does a meeting said as the setting ("وجاءت تصريحاته خلال اتصال هاتفي مع")
        setting = trigger.pos == "noun" and trigger.event == "CONSULT" and match.start > 0 and (
            view.has_role(match.start - 1, "during"))
        continues = (trigger.pos != "noun" or setting) and not _names_own_speaker(
            view, hits, match.start)
        from_before = list(carried) if continues else []
        previous_subject = subjects_by_clause[max(earlier)] if earlier else from_before
        if trigger is DEMAND:
            demand = _demand_arguments(view, match, hits)
            if demand is not None:
                events.append(SentenceEvent(trigger, _span(view, match.start, match.end), demand,
                                            modality_of(view, match, hits, False),
                                            _confidence(demand, trigger),
                                            (match.start, match.end)))
            continue
        args = find_arguments(view, match, trigger, next_start, previous_subject,
                              own_actor=_saying_role(view, match))
        modality = modality_of(view, match, hits, future_prefix or match.start in intentions)
        _without_speaker(args, attributed_to)
        _doer_of_restatement(view, restated.get(match.start), args)
        _spoken_in_first_person(view, match, args, attributed_to or modality.speaker)
        if trigger.event == "REQUEST" and not args.recipients and is_arabic_participle(
                view, match, trigger):
            continue  # "، داعين إلى وقف الحرب": a call on no one only tells the main act's aim
        if view.has_role(match.start, "guest_verb") and not _has_guest(view, match, args):
            continue  # "received reports", "received aid from Brazil": no guest, no visit
        _done_by_the_object(view, match, args, events)
        _against_an_act(view, match, args, [m for m, _ in matches])
        _without_sources(view, match, args, hits)
        if _is_stance_topic(view, trigger, args, events):
            # "تطالب بإنهاء الحصار", "احتجاجا على اعتقاله": not the protesters' siege or arrest
            args.actors = []
            if not args.recipients:
                continue
        _shares_the_first_verb_subject(view, match, args, events)
        _with_groups_of_the_place(view, match, args, lexicon)
        if trigger.event == "PROTEST" and not args.recipients:
            _protest_at_home(args, lexicon)
        # a doer noun that is its own trigger ("خرج المتظاهرون") is its clause's subject too
        if args.actors and any("subject" in p or p == "role noun" for p in args.patterns[:1]):
            subjects_by_clause.setdefault(clause_start, args.actors)
        span = _span(view, match.start, match.end)
        if language == "en" and modality.negated and _is_refusal(view, match, hits, modality,
                                                                   lexicon):
            trigger, modality.negated = REFUSAL, False
        trigger, args = _as_mediation(view, [m for m, _ in matches], match, trigger, args)
        mediation = _mediation_of(view, match, lexicon, trigger, args, events)
        where = (match.start, match.end)
        if mediation is not None:
            events.append(SentenceEvent(MEDIATION, span, mediation, modality,
                                        _confidence(mediation, trigger), where))
        events.append(SentenceEvent(trigger, span, args, modality, _confidence(args, trigger),
                                    where))
    if language == "en":
        _as_ultimatums(view, events, lexicon)
        _with_protest_aims(view, events)
    events = _with_efforts(view, events)
    _with_sentence_parties(view, events)
    return _with_answers(view, events, lexicon)


def _has_guest(view: SentenceView, match: PhraseMatch[Trigger], args: Arguments) -> bool:
    """"received the Iraqi prime minister", "received Kenya's president": the guest is the
    verb's object, right after it (or the subject of "was received by"), and a person or an
    actor by name, not what the army was sent ("received new helicopters from Brazil")."""
    if _is_passive_at(view, match.start):
        return bool(args.recipients)
    return any(0 <= m.token_start - match.end <= _GUEST_GAP
               and (m.entity.type == "person" or m.kind in {"name", "metonym"})
               and view.governing_preposition(m) is None for m in args.recipients)


def _is_passive_at(view: SentenceView, start: int) -> bool:
    return start > 0 and view.has_role(start - 1, "passive_aux")


def _done_by_the_object(view: SentenceView, match: PhraseMatch[Trigger], args: Arguments,
                        earlier: list[SentenceEvent]) -> None:
    """"اتهم الجيش قوات الدعم السريع بقصف مستشفى", "دعا الطرفين إلى وقف القتال": the act an
    accusation or demand names right after its object, with ب or إلى, is that object's."""
    if view.language != "ar" or match.values[0].pos == "verb" or not earlier:
        return
    told = next((e for e in reversed(earlier) if e.arguments.patterns[:1] == [_OBJECT_DOES]
                 and e.trigger.event == match.values[0].event), None)
    if told is not None and args.patterns[:1] == ["clause subject"]:
        # "... بقصف مستشفى، ما أسفر عن مقتل 12 مدنيا": the same act told on
        args.actors = list(told.arguments.actors)
        return
    stance = earlier[-1]
    objects = stance.arguments.recipients
    if stance.trigger.event not in _STANCES or not objects:
        return
    end = max(m.token_end for m in objects)
    word = view.tokens[match.start]
    clitic = end == match.start and word.text.startswith("ب") and word.key[1:] in word.keys[1:]
    particle = end == match.start - 1 and view.tokens[end].key in _ACT_PARTICLES
    if clitic or particle:
        args.actors = list(objects)
        args.recipients = [m for m in args.recipients if m not in objects]
        args.patterns.insert(0, _OBJECT_DOES)


def _shares_the_first_verb_subject(view: SentenceView, match: PhraseMatch[Trigger],
                                   args: Arguments, earlier: list[SentenceEvent]) -> None:
    """"Troops shelled the village and arrested twenty men", "was attacked by soldiers,
    killing twenty", "will visit Guinea and Senegal to mediate": an English verb joined by
    "and" (or an -ing verb by a comma, or a purpose "to") to the verb before it in its clause
    has that verb's subject or agent; the actor nearest before it is that verb's object."""
    if view.language != "en" or match.values[0].pos != "verb" or not earlier:
        return
    first = earlier[-1]
    if first.trigger.pos != "verb" or (view.clause_limits(first.tokens[0])
                                       != view.clause_limits(match.start)):
        return
    takes_object = any(m.token_start >= first.tokens[1] for m in args.actors)
    if _joined_to_previous_verb(view, match):
        if first.arguments.actors or takes_object:
            args.actors = list(first.arguments.actors)
            args.patterns.insert(0, "subject of the first verb")
    elif _purpose_of(view, first, match) and first.arguments.actors and takes_object:
        args.actors = list(first.arguments.actors)
        args.patterns.insert(0, "subject of the verb it is the purpose of")


def _joined_to_previous_verb(view: SentenceView, match: PhraseMatch[Trigger]) -> bool:
    """"and [has] urged", ", killing": what joins a verb to the one before it."""
    j = match.start - 1
    while j > 0 and view.has_role(j, "auxiliary"):
        j -= 1  # "has refused ... and has urged"
    return j >= 1 and (view.tokens[j].key == "and" or (
        view.tokens[j].text == "," and view.tokens[match.start].key.endswith("ing")))


def _with_groups_of_the_place(view: SentenceView, match: PhraseMatch[Trigger], args: Arguments,
                              lexicon: Lexicon) -> None:
    """"Ethnic Albanians demonstrated in Serbia", "rebels attacked a convoy near Goma": an
    English group the text gives no state acts as one of the state where it acts, as CAMEO
    codes it ("protesters in Tehran" say so in one phrase; see mentions.py)."""
    if view.language != "en" or not any(_stateless_group(m) for m in args.actors):
        return
    place = place_of_action(view, match)
    state = lexicon.actors.entities.get(place.entity.country or "") if place else None
    if state is None or state.type != "state":
        return
    args.actors = [_of_state(m, state, lexicon) if _stateless_group(m) else m
                   for m in args.actors]


def _stateless_group(mention: Mention) -> bool:
    return mention.entity.type == "group" and not mention.entity.country


def _of_state(mention: Mention, state: Entity, lexicon: Lexicon) -> Mention:
    entity = mention.entity
    role = lexicon.actors.roles.get(entity.id.lower())
    owned = lexicon.actors.role_entity(role, state) if role is not None else replace(
        entity, id=f"{state.id}_{entity.id}", country=state.country)
    return replace(mention, entity=owned)


def _purpose_of(view: SentenceView, first: SentenceEvent, match: PhraseMatch[Trigger]) -> bool:
    """A verb after "to" that follows the object of a verb whose subject does it ("visited
    Cairo to mediate"); not after asking or forcing someone ("urged Israel to withdraw"),
    whose object does it, nor after sending or inviting someone (grammar role object_control)."""
    before_to = match.start - 2
    # "criticised the US decision to sell arms": a noun's "to" says what the noun is about
    noun_complement = before_to >= 0 and view.mention_covering(before_to) is None and (
        view.tokens[before_to].text.isalpha() and view.tokens[before_to].text.islower())
    return (match.start > 0 and view.tokens[match.start - 1].key == "to" and not noun_complement
            and first.trigger.event not in _OBJECT_CONTROL
            and not view.has_role(first.tokens[0], "object_control")
            and match.start - first.tokens[1] <= _PURPOSE_GAP)


def _as_mediation(view: SentenceView, matches: list[PhraseMatch[Trigger]],
                  match: PhraseMatch[Trigger], trigger: Trigger,
                  args: Arguments) -> tuple[Trigger, Arguments]:
    """Hosting the talks others hold, and talks held *by* someone, are that one's mediation."""
    if _hosts_the_talks(view, matches, match):
        # the host's object is the talks; their sides are the parties (_with_sentence_parties)
        return MEDIATION, Arguments(args.actors, [], args.strength, args.patterns[:1])
    if _facilitated_talks(args, trigger):
        return MEDIATION, args
    return trigger, args


def _mediation_of(view: SentenceView, match: PhraseMatch[Trigger], lexicon: Lexicon,
                  trigger: Trigger, args: Arguments,
                  earlier: list[SentenceEvent]) -> Arguments | None:
    """Settle a mediation trigger's mediators (in ``args``); for another trigger, the mediation
    it reveals: a third party bringing about a deal or talks, or the channel talks go through."""
    if trigger.mode == "mediate":
        named = _apposed_mediators(view, match, lexicon) or _absolute_subject(view, match)
        if named and (not args.patterns or args.patterns[0] not in _OWN_AGENT_PATTERNS):
            args.actors = []
            args.use("actors", named, 0.8, "apposition")
        elif _mediators_of_discourse(view, match, lexicon, args):
            args.actors = []  # "وافقت حماس على مقترح الوسطاء": not Hamas; see discourse.py
        _with_channel(view, match, trigger, args)
        _widen_mediators(view, args)
        _with_compound_mediators(view, match, lexicon, args)
    if _topic_of_a_stance(args, earlier):
        if trigger.mode == "mediate":
            args.actors = []  # "اتهمت إسرائيل حماس بعرقلة جهود الوساطة": not Israel's mediation
        return None
    mediation = _third_party_mediation(args, trigger) or _channel_mediation(
        view, match, args, trigger)
    if mediation is not None:
        _widen_mediators(view, mediation)
    return mediation


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


def _mediators_of_discourse(view: SentenceView, match: PhraseMatch[Trigger], lexicon: Lexicon,
                            args: Arguments) -> bool:
    """"the mediators", "الوسطاء" with no owner: the mediators the text already named, not the
    subject of their clause ("Hamas accepted the mediators' proposal"). Only a weak clause-level
    actor is set aside; "Qatar acted as a mediator" (indefinite) keeps its subject."""
    if not args.actors or args.patterns[0] in _OWN_AGENT_PATTERNS:
        return False
    if not _is_role_word(view, match, lexicon):
        return False
    token = view.tokens[match.start]
    if view.language == "ar":
        return token.key.lstrip("وف").startswith(("ال", "لل"))
    return match.start > 0 and view.tokens[match.start - 1].key == "the"


def _apposed_mediators(view: SentenceView, match: PhraseMatch[Trigger],
                       lexicon: Lexicon) -> list[Mention]:
    """"the mediators, Egypt and Qatar", "mediators Egypt and Qatar", "Qatar and Egypt, the main
    mediators,": names in apposition to a mediator noun are the mediators."""
    if match.values[0].pos != "noun" or not _is_role_word(view, match, lexicon):
        return []
    after = match.end + (match.end < len(view.tokens) and view.tokens[match.end].text == ",")
    following = view.mention_starting(after)
    if following is not None and following.kind in {"name", "metonym"}:
        return view.coordinated(following)
    j = match.start - 1
    while (j > 0 and match.start - j <= 3 and view.tokens[j].text not in {",", "،"}
           and view.mention_covering(j) is None
           and (view.has_role(j, "determiner") or view.tokens[j].text.islower())):
        j -= 1  # "the main", "the two"
    if j <= 0 or view.tokens[j].text not in {",", "،"}:
        return []
    preceding = next((m for m in view.mentions if m.token_end == j), None)
    if preceding is not None and preceding.kind in {"name", "metonym"}:
        return view.list_through(preceding, view.clause_limits(j)[0])
    return []


def _absolute_subject(view: SentenceView, match: PhraseMatch[Trigger]) -> list[Mention]:
    """"With Oman mediating, Iran and the US held talks": the actor between "with" and an
    English -ing form is its subject."""
    if view.language != "en" or not view.tokens[match.start].key.endswith("ing"):
        return []
    before = next((m for m in view.mentions if m.token_end == match.start), None)
    if before is None or view.governing_preposition(before) != "recipient_prep":
        return []
    return view.list_through(before)


def _is_role_word(view: SentenceView, match: PhraseMatch[Trigger], lexicon: Lexicon) -> bool:
    """Whether the trigger is a role noun ("mediators", "الوسطاء"), not the action's name."""
    found = lexicon.actors.index.match_at(view.tokens, match.start)
    return found is not None and any(isinstance(v, Role) for v in found.values)


def _against_an_act(view: SentenceView, match: PhraseMatch[Trigger], args: Arguments,
                    triggers: list[PhraseMatch[Trigger]]) -> None:
    """"احتجاجا على مقتل مدنيين على يد قوات التحالف", "ضد الغارات الإسرائيلية": an Arabic
    protest against an act is aimed at whoever did it, not at its victims, and the doer named
    after that act is not the protester; an act with no doer named leaves the target open."""
    if view.language != "ar" or match.values[0].event != "PROTEST":
        return
    act = next((m for m in triggers if m.start == match.end + 1 and m.values[0].pos == "noun"
                and m.values[0].event != "PROTEST"), None)
    if act is None or not view.has_role(match.end, "recipient_prep"):
        return
    doers = doers_of_act(view, act.start, act.end)
    args.actors = [m for m in args.actors if m.token_start < act.start]
    args.recipients = doers
    args.patterns.append("doer of the act protested")


def _without_sources(view: SentenceView, match: PhraseMatch[Trigger], args: Arguments,
                     hits: list[CueHit]) -> None:
    """"... على ما أفاد مراسل وكالة الصحافة الفرنسية", "كما أوردت وكالة الأناضول": who
    reports an Arabic act after it is its source, neither its doer nor its target."""
    if view.language != "ar":
        return
    reports = [h.end for h in hits if h.cue == "reported" and h.start >= match.end]

    def sourced(mention: Mention) -> bool:
        return any(0 <= mention.token_start - end <= _SOURCE_REACH for end in reports)

    args.actors = [m for m in args.actors if not sourced(m)]
    args.recipients = [m for m in args.recipients if not sourced(m)]


def _is_stance_topic(view: SentenceView, trigger: Trigger, args: Arguments,
                     earlier: list[SentenceEvent]) -> bool:
    """An Arabic act noun whose only actor is the subject of a stance taken on it earlier in
    the sentence (a demand, condemnation or protest) was not done by that subject."""
    return (view.language == "ar" and trigger.pos == "noun" and trigger.mode != "mediate"
            and trigger.event not in STANCE_EVENTS and _topic_of_a_stance(args, earlier))


def _topic_of_a_stance(args: Arguments, earlier: list[SentenceEvent]) -> bool:
    """"رحبت الأمم المتحدة بالاتفاق بين السودان وجنوب السودان", "Israel accused Hamas of
    blocking the mediation": a noun whose only actor is the clause subject, when that subject
    took a stance on it (welcomed, condemned, rejected, demanded) or is the one the stance is
    about, is the topic of the stance, not that actor's own act: the UN does not mediate by
    welcoming a deal."""
    if not args.patterns or args.patterns[0] not in _CONTEXT_ACTOR_PATTERNS:
        return False
    ids = {m.entity.id for m in args.actors}
    return any(event.trigger.event in STANCE_EVENTS and event.trigger.pos != "noun" and (
        ids <= {m.entity.id for m in event.arguments.actors}
        or ids <= {m.entity.id for m in event.arguments.recipients}) for event in earlier)


def _hosts_the_talks(view: SentenceView, matches: list[PhraseMatch[Trigger]],
                     host: PhraseMatch[Trigger]) -> bool:
    """"talks hosted by Turkey", "مفاوضات شاقة استضافتها الدوحة": whoever hosts the talks others
    hold right before (even talks that only frame another act: "اتفقتا في محادثات استضافتها
    الصين") mediates between them (see ``_with_sentence_parties``)."""
    talks = next((m for m in reversed(matches) if m.end <= host.start), None)
    if host.values[0].cameo not in HOSTING_CAMEO or talks is None:
        return False
    held = talks.values[0]
    if held.event != "CONSULT" or held.mode is not None:
        return False  # talks and meetings between parties, not summits or visits
    gap = range(talks.end, host.start)
    if any(view.mention_covering(j) for j in gap):
        return False
    # "talks in Putrajaya hosted by": where the talks were held may stand between
    where = len(gap) <= _PLACE_WORDS + 1 and view.has_role(talks.end, "residence")
    if len(gap) > 1 and not where:
        return False
    return view.language == "ar" or view.has_role(host.end, "agent_prep")


def _third_party_mediation(args: Arguments, trigger: Trigger) -> Arguments | None:
    """"Egypt reached a truce between Israel and Islamic Jihad": an actor bringing about an
    agreement or talks between two others mediates between them, and the parties agree.
    ``args`` becomes the parties' own event; the mediation is returned. "Egypt met both sides",
    "was in contact with the two sides": talking to both sides of a dispute is mediating too, and
    the meeting stays the actor's own."""
    if trigger.mode == "mediate" or trigger.event not in THIRD_PARTY_EVENTS or not args.actors:
        return None
    if any(m.kind == "collective" for m in args.actors):
        return None  # "توصل الجانبان إلى هدنة بين ...": the two sides are the parties
    if len({m.entity.id for m in args.actors}) >= 2 and args.recipients and all(
            m.kind == "collective" for m in args.recipients):
        # "the US and Jordan agreed on a pact between the two countries": themselves
        args.recipients = []
        return None
    parties = {m.entity.id for m in args.recipients}
    if parties & {m.entity.id for m in args.actors}:
        return None
    both_sides = any(m.kind == "collective" for m in args.recipients)
    if "between" in args.patterns and (len(args.recipients) >= 2 or both_sides):
        mediation = Arguments(list(args.actors), list(args.recipients), args.strength,
                              [*args.patterns, "third party"])
        args.actors, args.recipients = args.recipients[:1], args.recipients[1:]
        return mediation
    if trigger.event == "CONSULT" and both_sides and not any(
            m.kind == "collective" for m in args.actors):
        return Arguments(list(args.actors), list(args.recipients), args.strength,
                         [*args.patterns, "both sides"])
    return None


def _channel(view: SentenceView, match: PhraseMatch[Trigger]) -> list[Mention]:
    """The actors after "through", "via", "عبر" a few words after a trigger (or after the role
    mention the trigger lies in): "indirect talks through Oman", "محادثات غير مباشرة في مسقط
    عبر وزير الخارجية العماني"."""
    covering = view.mention_covering(match.start)
    after = max(match.end, covering.token_end if covering else 0)
    for start, end in view.words_with_role("mediator_prep", after, after + _CHANNEL_GAP + 1):
        if any(_ends_channel_search(view, j) for j in range(after, start)):
            return []  # only glue, places and recipients ("to Hamas", "في مسقط") stand between
        while view.has_role(end, "determiner"):
            end += 1
        first = view.mention_starting(end)
        if first is not None and first.kind != "collective" and (
                first.kind != "adjective" or view.language == "en"):
            return view.coordinated(first)
    return []


def _ends_channel_search(view: SentenceView, j: int) -> bool:
    mention = view.mention_covering(j)
    if mention is not None:
        return view.governing_preposition(mention) != "recipient_prep"
    return j in view.strong_boundaries


def _recipients_before_channel(view: SentenceView, match: PhraseMatch[Trigger]) -> list[Mention]:
    """"Israel passed messages to Hamas through Egypt": Hamas is a party too."""
    return [m for m in view.mentions if match.end <= m.token_start < match.end + _CHANNEL_GAP
            and view.governing_preposition(m) == "recipient_prep"]


def _with_channel(view: SentenceView, match: PhraseMatch[Trigger], trigger: Trigger,
                  args: Arguments) -> None:
    """"Israel sent messages to Hamas through Egypt": whoever a mediation goes through is the
    mediator, and whoever acted otherwise is a party."""
    if trigger.cameo not in MEDIATION_ACTS:
        return
    channel = _channel(view, match)
    if not channel:
        return
    ids = {m.entity.id for m in channel}
    others = [m for m in args.actors + args.recipients + _recipients_before_channel(view, match)
              if m.entity.id not in ids]
    others = [m for n, m in enumerate(others) if m not in others[:n]]
    args.actors, args.recipients = [], []
    args.use("actors", channel, 0.85, "mediator preposition")
    if others:
        args.use("recipients", others, 0.75, "parties of a channel")


def _channel_mediation(view: SentenceView, match: PhraseMatch[Trigger], args: Arguments,
                       trigger: Trigger) -> Arguments | None:
    """"Iran and the US held indirect talks through Oman", "محادثات عبر سلطنة عمان": talks that
    go through a third party are its mediation between those who talk."""
    if trigger.event != "CONSULT" or trigger.mode == "mediate":
        return None
    channel = _channel(view, match)
    ids = {m.entity.id for m in channel}
    parties = [m for m in args.actors + args.recipients if m.entity.id not in ids]
    if not channel or not parties:
        return None
    args.recipients = [m for m in args.recipients if m.entity.id not in ids]  # not talked to
    return Arguments(channel, parties, min(args.strength or 0.85, 0.85),
                     [*args.patterns, "mediator preposition"])


def _widen_mediators(view: SentenceView, args: Arguments) -> None:
    """"Egyptian and Qatari mediators", "الوسطاء المصريون والقطريون", "بوساطة مصرية قطرية",
    "برعاية سعودية أمريكية": adjectives coordinated before a mediator or following it, with or
    without "and", name mediators too, and so do those joined by "بمشاركة", "alongside"."""
    widened: list[Mention] = []
    for mention in args.actors:
        group = view.with_preceding_adjectives(view.coordinated(mention))
        group += _adjective_run(view, group[-1])
        for member in [*group, *_co_agents(view, group[-1])]:
            if member not in widened:
                widened.append(member)
    args.actors = widened


def _co_agents(view: SentenceView, last: Mention) -> list[Mention]:
    """"استضافتها الدوحة بمشاركة مصر والولايات المتحدة", "Qatar, alongside Egypt and the US":
    those who mediate together with the mediator."""
    end = last.token_end + (last.token_end < len(view.tokens)
                            and view.tokens[last.token_end].text in {",", "،"})
    for _start, stop in view.words_with_role("co_agent", end, end + 1):
        following = view.mention_starting(stop)
        if following is not None and following.kind != "collective":
            return view.coordinated(following)
    return []


def _with_compound_mediators(view: SentenceView, match: PhraseMatch[Trigger], lexicon: Lexicon,
                             args: Arguments) -> None:
    """"Egyptian-Qatari mediation", "Saudi-US mediated talks", "الوساطة المصرية-القطرية": one
    hyphenated word whose every part names an actor names each of them."""
    split: list[Mention] = []
    for mention in args.actors:
        parts = (_compound_parts(view, mention.token_start, lexicon)
                 if mention.token_end - mention.token_start == 1 else [])
        split.extend(parts or [mention])
    if not split:  # Arabic: the word after the noun is no mention of its own
        split = _compound_parts(view, match.end, lexicon) if view.language == "ar" else []
    args.actors = split


def _compound_parts(view: SentenceView, j: int, lexicon: Lexicon) -> list[Mention]:
    if j >= len(view.tokens) or "-" not in view.tokens[j].text.strip("-"):
        return []
    token, parts = view.tokens[j], []
    offset = token.start
    for piece in token.text.split("-"):
        found = lexicon.actors.index.match_at(
            [Token(piece, offset, offset + len(piece), word_keys(piece))], 0) if piece else None
        names = [v for v in found.values if isinstance(v, ActorName)] if found else []
        if not names:
            return []
        name = min(names, key=lambda n: n.kind == "adjective")  # a name beats an adjective
        parts.append(Mention(Span(piece, offset, offset + len(piece)), name.entity,
                             view.sentence.index, j, j + 1,
                             "adjective" if name.kind == "adjective" else "name"))
        offset += len(piece) + 1
    return parts


def _adjective_run(view: SentenceView, mention: Mention) -> list[Mention]:
    """Nationality adjectives straight after a mention, with no conjunction ("المصرية القطرية");
    a hyphen may join them ("Saudi-US")."""
    run: list[Mention] = []
    end = mention.token_end
    while True:
        if end < len(view.tokens) and view.tokens[end].text in {"-", "–", "/"}:
            end += 1
        following = view.mention_starting(end)
        if following is None or following.kind != "adjective":
            return run
        run.append(following)
        end = following.token_end


def _with_efforts(view: SentenceView, events: list[SentenceEvent]) -> list[SentenceEvent]:
    """"نجحت الجهود المصرية في التوصل إلى تهدئة بين إسرائيل والفصائل", "Egyptian efforts to
    broker a truce": the owner of efforts toward a truce, a deal or talks between others
    mediates between them (a mediation the efforts lead to gets them as its mediator)."""
    out = list(events)
    for start, end in view.words_with_role("effort", 0, len(view.tokens)):
        owners = _effort_owners(view, start, end)
        target = next((e for e in events if end <= e.tokens[0] <= end + _EFFORT_REACH
                       and e.trigger.event in THIRD_PARTY_EVENTS), None)
        if not owners or target is None:
            continue
        if target.trigger.mode == "mediate":
            if not target.arguments.actors:
                target.arguments.use("actors", owners, 0.7, "owner of the efforts")
            continue
        ids = {m.entity.id for m in owners}
        sides = [m for m in target.arguments.actors + target.arguments.recipients
                 if m.entity.id not in ids]
        args = Arguments(owners, sides, 0.7, ["owner of the efforts"])
        out.append(SentenceEvent(MEDIATION, _span(view, start, end), args, target.modality,
                                 _confidence(args, MEDIATION), (start, end)))
    return out


def _effort_owners(view: SentenceView, start: int, end: int) -> list[Mention]:
    """The adjective or name after an Arabic effort noun, the possessive or adjective before an
    English one ("Egypt's efforts", "Egyptian efforts")."""
    if view.language == "ar":
        owner = view.mention_starting(end)
        owners = view.coordinated(owner) if owner is not None else []
        return owners + _adjective_run(view, owners[-1]) if owners else []
    j = start - (start > 0 and view.tokens[start - 1].text in {"'s", "’s"})
    owner = next((m for m in view.mentions if m.token_end == j), None)
    return view.with_preceding_adjectives([owner]) if owner is not None else []


def _with_sentence_parties(view: SentenceView, events: list[SentenceEvent]) -> None:
    """"Israel and Hamas reached a truce with Egyptian mediation", "وقعت أرمينيا وأذربيجان
    الاتفاق الذي رعته واشنطن": a mediation that names no parties mediates between the sides
    of the nearest other event of its sentence (before it, else after it) that has two
    (mediators left out), else the one side it names ("Qatari mediators met Hamas leaders"; the
    discourse stage adds the other). "The two sides" it names are those two, when there are."""
    for event in events:
        named = [m for m in event.arguments.recipients if m.kind != "collective"]
        if event.trigger.mode != "mediate" or event.trigger.cameo not in MEDIATION_ACTS or (
                named or not event.arguments.actors):
            continue
        _with_verb_subject(event, events)
        mediators = {m.entity.id for m in event.arguments.actors}
        collective = event.arguments.recipients
        options = []
        for other in events:
            if other.trigger.mode == "mediate":
                continue
            hosts = [] if other.trigger.cameo in HOSTING_CAMEO else other.arguments.actors
            sides = [m for m in hosts + other.arguments.recipients  # a host is no party
                     if m.entity.id not in mediators]
            if sides:
                two = len({m.entity.id for m in sides}) >= 2 or any(
                    m.kind == "collective" for m in sides)
                after = other.tokens[0] > event.tokens[0]
                options.append((not two, after, abs(other.tokens[0] - event.tokens[0]), sides))
        if collective:  # "carrying messages between the two delegations" of this sentence
            options = [option for option in options if not option[0]]
        if options:
            event.arguments.recipients = []
            event.arguments.use("recipients", min(options, key=lambda o: o[:3])[3], 0.7,
                                "sides of the sentence's other event")
        elif not collective and (sides := _clause_sides(view, event, mediators)):
            # "تبادلت روسيا وأوكرانيا الأسرى بوساطة إماراتية": no trigger for their own act
            event.arguments.use("recipients", sides, 0.6, "subjects of the clause")
        event.confidence = _confidence(event.arguments, event.trigger)


def _clause_sides(view: SentenceView, event: SentenceEvent, mediators: set[str]) -> list[Mention]:
    """Two or more actors coordinated at the start of the mediation's clause, before it."""
    start = view.clause_limits(event.tokens[0])[0]
    for mention in view.ordered_mentions:
        if mention.token_start >= event.tokens[0] or mention.token_start > start + 3:
            return []
        if mention.token_start < start or view.governing_preposition(mention) is not None:
            continue
        sides = [m for m in view.coordinated(mention) if m.token_end <= event.tokens[0]]
        if len({m.entity.id for m in sides} - mediators) >= 2:
            return [m for m in sides if m.entity.id not in mediators]
        return []
    return []


def _with_verb_subject(mediation: SentenceEvent, events: list[SentenceEvent]) -> None:
    """"التقى المبعوث الأمريكي مسؤولين إسرائيليين ولبنانيين في إطار جهود الوساطة": the clause
    subject guessed for a mediation noun is the object of the clause's verb; the verb's own
    subject mediates."""
    args = mediation.arguments
    if args.patterns[:1] != ["clause subject"]:
        return
    ids = {m.entity.id for m in args.actors}
    for other in events:
        objects = {m.entity.id for m in other.arguments.recipients}
        if (other.tokens[0] < mediation.tokens[0] and other.trigger.mode != "mediate"
                and other.arguments.actors and ids <= objects):
            args.actors = list(other.arguments.actors)
            return


def _with_answers(view: SentenceView, events: list[SentenceEvent],
                  lexicon: Lexicon) -> list[SentenceEvent]:
    """"Ethiopia accepted Kenya's mediation", "رفض السودان الوساطة الكينية", "عرضت تركيا
    الوساطة": a verb whose object is a mediation (or an offer of one) answers it. The verb's
    event becomes the answer (accept 038, reject 126, ask for 108) toward the mediator, or the
    verb and the noun make one idiom split by its subject (VSO: "عرضت تركيا الوساطة" is
    "عرض الوساطة", an offer, 039)."""
    out: list[SentenceEvent] = []
    for event in events:
        mediation = event.trigger.mode == "mediate" and event.trigger.cameo in MEDIATION_ACTS
        if not mediation or event.trigger.pos == "phrase":
            out.append(event)
            continue
        noun = event.trigger.pos == "noun" and not _is_role_word(view, _as_match(event), lexicon)
        answer = _answering_verb(view, out, event) if noun else None
        if answer is not None:
            out[out.index(answer)] = _answered(answer, event)
            continue
        out.append(_split_idiom(view, event, lexicon) or event)
    return out


def _as_match(event: SentenceEvent) -> PhraseMatch[Trigger]:
    return PhraseMatch(event.tokens[0], event.tokens[1], (event.trigger,))


def _answering_verb(view: SentenceView, before: list[SentenceEvent],
                    mediation: SentenceEvent) -> SentenceEvent | None:
    for event in reversed(before):
        if event.tokens[1] > mediation.tokens[0]:
            continue  # the third-party mediation of the noun itself
        answers = (event.trigger.event in MEDIATION_ANSWERS and event.trigger.mode != "mediate"
                   and event.trigger.pos != "noun") or (
            event.trigger.event == "SUPPORT" and mediation.trigger.cameo == "039")
        gap = range(event.tokens[1], mediation.tokens[0])
        if answers and len(gap) <= _ANSWER_GAP and all(_object_filler(view, j) for j in gap):
            return event
        return None
    return None


def _object_filler(view: SentenceView, j: int) -> bool:
    """Words that may stand between a verb and the mediation it answers: its subject (VSO),
    the mediator's name ("Kenya's"), determiners and glue ("any", "the", "an offer of")."""
    return (view.mention_covering(j) is not None or view.has_role(j, "determiner")
            or _is_glue(view, j) or view.tokens[j].text in {"'s", "’s"})


def _answered(answer: SentenceEvent, mediation: SentenceEvent) -> SentenceEvent:
    event_type, cameo = MEDIATION_ANSWERS.get(answer.trigger.event, ("AGREE", "038"))
    trigger = replace(answer.trigger, event=event_type, cameo=cameo, mode="mediate",
                      context=("diplomatic",))
    args = answer.arguments
    ids = {m.entity.id for m in args.actors}
    mediators = [m for m in mediation.arguments.actors if m.entity.id not in ids]
    if mediators:
        args = Arguments(list(args.actors), mediators, args.strength,
                         [*args.patterns, "mediator of the answered mediation"])
    return replace(answer, trigger=trigger, arguments=args,
                   confidence=_confidence(args, trigger))


def _split_idiom(view: SentenceView, noun: SentenceEvent,
                 lexicon: Lexicon) -> SentenceEvent | None:
    """A mediation idiom whose verb stands before the subject list and whose noun after it:
    "عرضت تركيا الوساطة", "قبلت إثيوبيا وساطة كينيا"."""
    subject = _list_ending_at(view, noun.tokens[0])
    if not subject or subject[0].token_start == 0:
        return None
    verb = subject[0].token_start - 1
    words = [view.tokens[verb], *view.tokens[noun.tokens[0]:noun.tokens[1] + 2]]
    match = next((m for m, _ in find_triggers(words, lexicon.triggers[view.language],
                                               view.language) if m.start == 0), None)
    if match is None or match.end < 2 or match.values[0].mode != "mediate":
        return None
    trigger = match.values[0]
    if trigger.cameo == noun.trigger.cameo:
        return None
    ids = {m.entity.id for m in subject}
    if trigger.cameo in MEDIATION_ACTS:
        recipients = list(noun.arguments.recipients)
    else:
        recipients = [m for m in noun.arguments.actors if m.entity.id not in ids]
    args = Arguments(subject, [m for m in recipients if m.entity.id not in ids], 0.85,
                     ["subject inside a split idiom"])
    span = _span(view, verb, noun.tokens[1])
    return SentenceEvent(trigger, span, args, noun.modality, _confidence(args, trigger),
                         (verb, noun.tokens[1]))


def _list_ending_at(view: SentenceView, end: int) -> list[Mention]:
    """The actor list whose last member ends right before token ``end``."""
    last = next((m for m in view.mentions if m.token_end == end and m.kind != "adjective"), None)
    return view.list_through(last) if last is not None else []


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
    on a ceasefire" (the second), English compounds "ceasefire talks" (the first). A mediation
    is never a topic: "rejected the mediation" answers it (see ``_with_answers``), "اتفاق بوساطة
    مصر" and "التقى الوسطاء" name the mediator."""
    dropped: set[int] = set()
    for n in range(1, len(matches)):
        head, match = matches[n - 1][0], matches[n][0]
        if view.language == "en" and _is_noun_compound(head, match):
            dropped.add(n if _is_mediation(head) else n - 1)
        elif _is_mediation(match):
            continue
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
        # only the first action after the head can be its content: "agreed to a truce during
        # talks mediated by Qatar" is no agreement to mediate
        previous, head = head, None
        if previous is not None and (_is_complement(view, matches[previous][0], match)
                                     or _charge_complement(view, matches[previous][0], match)):
            intent = lexicon.intent_cameo(trigger.event, trigger.mode) or ""
            if matches[previous][0].values[0].event == "AGREE" and intent.startswith("03"):
                dropped.add(previous)
                intentions.add(match.start)
            elif trigger.mode != "mediate":
                dropped.add(n)
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
                          ) -> tuple[list[tuple[PhraseMatch[Trigger], bool]],
                                     dict[int, PhraseMatch[Trigger]]]:
    """"killed 46 civilians in an attack on a village", "wounded two soldiers in a bomb
    attack": a noun of the type of the verb before it in its clause names the same event. Also
    returns each such noun by the start of the verb it restates."""
    kept: list[tuple[PhraseMatch[Trigger], bool]] = []
    restated: dict[int, PhraseMatch[Trigger]] = {}
    for pair in matches:
        match, previous = pair[0], kept[-1][0] if kept else None
        if previous is not None and _joined_same_act(view, previous, match):
            continue  # "killed one soldier and wounded two others": one attack
        if (previous is not None and _used_as_noun(view, match)
                and previous.values[0].pos == "verb"
                and match.values[0].event == previous.values[0].event
                and match.values[0].mode != "mediate"
                and view.clause_limits(match.start) == view.clause_limits(previous.start)):
            restated[previous.start] = match
            continue
        kept.append(pair)
    return kept, restated


def _doer_of_restatement(view: SentenceView, noun: PhraseMatch[Trigger] | None,
                         args: Arguments) -> None:
    """"Five Palestinians were killed in an Israeli air strike": a passive with no "by" takes
    its doer from the nationality or name right before the noun that restates it."""
    if noun is None or args.actors:
        return
    modifier = noun.start - 1 if view.tokens[noun.start - 1].text.islower() else noun.start
    doer = next((m for m in view.mentions if m.token_end in {noun.start, modifier}
                 and m.kind in {*USABLE_KINDS, "adjective"}), None)
    if doer is not None:  # "wounded in a Russian drone attack": not Russia wounded
        args.recipients = [m for m in args.recipients if m is not doer]
        args.use("actors", [doer], 0.6, "restating noun's modifier")


def _condition_after(view: SentenceView, start: int) -> int | None:
    """The condition word ("if", "unless") that ends the clause of token ``start``."""
    end = view.clause_limits(start)[1]
    return end if end < len(view.tokens) and view.has_role(end, "condition") else None


def _in_condition(view: SentenceView, start: int) -> bool:
    opener = view.clause_limits(start)[0] - 1
    return opener >= 0 and view.has_role(opener, "condition")


def _without_conditions(view: SentenceView,
                        matches: list[tuple[PhraseMatch[Trigger], bool]]
                        ) -> list[tuple[PhraseMatch[Trigger], bool]]:
    """"will withdraw its troops unless the junta holds elections", "threatened to recall its
    envoy if Israel continued the raids": what a condition names has not happened; it is what
    the act outside it depends on."""
    return [pair for pair in matches if not _in_condition(view, pair[0].start)]


def _as_ultimatums(view: SentenceView, events: list[SentenceEvent], lexicon: Lexicon) -> None:
    """"Chad will pull out its troops unless the junta holds elections": an act announced on a
    condition of "unless" is a threat (CAMEO 13), and a threat with no one named threatens
    the subject of its condition ("threatened to halt talks if Washington deploys the
    missiles")."""
    for event in events:
        opener = _condition_after(view, event.tokens[0])
        if opener is None or event.trigger.mode == "mediate":
            continue
        trigger = event.trigger
        # an announced hostile act is a threat already (intents.tsv, 13x: "will boycott")
        intent = lexicon.intent_cameo(trigger.event, trigger.mode) or ""
        if (view.has_role(opener, "ultimatum") and trigger.event != "THREATEN"
                and not intent.startswith("13")
                and event.modality.modality in {"future", "intended"}):
            event.trigger = replace(trigger, event="THREATEN", cameo="130", mode=None)
            event.modality.modality = "asserted"
        if event.trigger.event == "THREATEN" and not event.arguments.recipients:
            end = view.clause_limits(opener + 1)[1]
            first = view.next_mention(view.function_words[opener][1], end, max_gap=2)
            if (first is not None and first.kind in USABLE_KINDS
                    and view.governing_preposition(first) is None
                    and first not in event.arguments.actors):
                event.arguments.use("recipients", view.coordinated(first), 0.6,
                                    "subject of the condition")


def _with_protest_aims(view: SentenceView, events: list[SentenceEvent]) -> None:
    """"students staged demonstrations to demand reforms by President X's government",
    "rallied in Kirkuk, calling for independence from Iraq": a protest is aimed at whom its
    demand is made of, rather than at the place or state it happens in."""
    for n, protest in enumerate(events):
        weak = {"place of the action", "protesters' own state"}
        if protest.trigger.event != "PROTEST" or (protest.arguments.recipients and not set(
                protest.arguments.patterns) & weak):
            continue
        demand = next((e for e in events[n + 1:] if e.trigger.event == "REQUEST"), None)
        if (demand is None or not demand.arguments.recipients
                or view.tokens[demand.tokens[0] - 1].key not in {"to", ","}):
            continue
        actors = {m.entity.id for m in protest.arguments.actors}
        same_side = bool(actors) and actors == {m.entity.id for m in demand.arguments.actors}
        if not same_side and demand.tokens[0] - protest.tokens[1] > _AIM_GAP:
            continue  # a demand far on is the protesters' only when it is theirs
        aimed = [m for m in demand.arguments.recipients if m.entity.id not in actors]
        if aimed:
            protest.arguments.recipients = aimed
            protest.arguments.patterns.append("aim of the protest")


def _joined_same_act(view: SentenceView, previous: PhraseMatch[Trigger],
                     match: PhraseMatch[Trigger]) -> bool:
    """Two verbs of one type joined by "and" in one clause tell the same act."""
    first, second = previous.values[0], match.values[0]
    return (first.pos == second.pos == "verb" and first.event == second.event
            and first.mode != "mediate" and second.mode != "mediate"
            and match.start > 0 and view.tokens[match.start - 1].key == "and"
            and view.clause_limits(match.start) == view.clause_limits(previous.start))


def _used_as_noun(view: SentenceView, match: PhraseMatch[Trigger]) -> bool:
    """A noun trigger, or a verb form after an article, which may be followed by one word and
    a nationality or name ("killed in an ambush", "in a Sri Lankan naval attack")."""
    if match.values[0].pos == "noun":
        return True
    j = match.start - 1
    if j > 0 and view.tokens[j].text.islower() and view.tokens[j].key not in _ARTICLES:
        j -= 1  # "naval", "drone", "air"
    while j >= 0 and (covering := view.mention_covering(j)) is not None:
        j = covering.token_start - 1
    return j >= 0 and view.tokens[j].key in _ARTICLES


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
    if match.start - head.end > _COMPLEMENT_GAP or _is_background(view, match):
        return False  # "agreed to a truce during talks": the talks are the setting
    if any(j in view.strong_boundaries for j in range(head.end, match.start)
           if not view.has_role(j, "complementizer")):
        return False
    if head.values[0] is DEMAND:  # "must return the helicopter", "must be ready to mediate"
        return match.start - head.end <= _OBLIGATION_GAP
    opener = head.end - 1 if view.tokens[head.end - 1].key == "to" else head.end
    if head.values[0].event == "REQUEST":  # "urged Israel and Egypt to reopen the crossing"
        opener = _past_object_list(view, opener)
    return opener < match.start and (view.tokens[opener].key == "to" or (
        view.has_role(opener, "complementizer") and head.values[0].event in {"REQUEST",
                                                                               "THREATEN"}))


def _without_speaker(args: Arguments, speaker: Mention | None) -> None:
    """"..., killing three people, the health ministry said": who reports is not a party."""
    if speaker is not None:
        args.actors = [m for m in args.actors if m is not speaker]
        args.recipients = [m for m in args.recipients if m is not speaker]


def _spoken_in_first_person(view: SentenceView, match: PhraseMatch[Trigger], args: Arguments,
                            speaker: Mention | None) -> None:
    """"'We reject this proposal,' a Hamas official said", "قال: «نرفض هذا المقترح»": "we" or
    "I" acting in what is quoted is the one who says it."""
    if speaker is None or args.actors:
        return
    j = match.start - 1
    while j >= 0 and match.start - j <= _FIRST_PERSON_REACH and (
            view.tokens[j].key in _FIRST_PERSON_FILLERS):
        j -= 1
    before = view.tokens[j] if j >= 0 else None
    # an Arabic verb says its person with a prefix: نـ is "we" where a quote opens with it
    verb = view.tokens[match.start].key.lstrip("وف")
    arabic_we = verb.startswith("ن") and before is not None and (
        before.text in _OPENING_QUOTES or before.key == "نحن")
    if (before is not None and before.key in _FIRST_PERSON) or arabic_we:
        args.use("actors", [speaker], 0.6, "first person")


def _names_own_speaker(view: SentenceView, hits: list[CueHit], before: int) -> bool:
    """"قال المتحدث ... إن الوسطاء يعملون": a sentence that names who speaks before the trigger
    does not continue the previous sentence's subject."""
    return any(hit.cue == "speech" and hit.end <= before
               and view.next_mention(hit.end, before, max_gap=1) is not None for hit in hits)


def _past_object_list(view: SentenceView, j: int) -> int:
    """The token after the actors (and the words joining them) that start at ``j``."""
    mention = view.mention_starting(j)
    if mention is None:
        return j
    return view.coordinated(mention)[-1].token_end
def _charge_complement(view: SentenceView, head: PhraseMatch[Trigger],
                       match: PhraseMatch[Trigger]) -> bool:
    """"accused Togo of arming the rebels", "blamed Chile for the shelling": after the one
    accused, what they are said to have done is the charge's content, not an act of its own
    (news reports it as alleged)."""
    if head.values[0].event != "ACCUSE":
        return False
    j = head.end
    while view.has_role(j, "determiner"):
        j += 1
    if view.has_role(j, "reciprocal_object"):  # "accused each other of violating the truce"
        j = view.function_words[j][1]
    else:
        first = view.mention_starting(j)
        if first is None or first.kind not in USABLE_KINDS:
            return False
        j = max(m.token_end for m in view.coordinated(first))
    if not view.has_role(j, "charge"):
        return False
    k = j + 1
    while k < match.start and (view.has_role(k, "determiner")
                               or view.tokens[k].key in _ARTICLES):
        k += 1
    return match.start == k and k - j <= _CHARGE_GAP


def _is_mediation(match: PhraseMatch[Trigger]) -> bool:
    return match.values[0].mode == "mediate"


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
    if view.language != "ar":
        return True
    # "الهجمات الإسرائيلية", "عقوبات فرضها الاتحاد الأوروبي": an act with a doer of its own
    return not doers_of_act(view, match.start, match.end)


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
