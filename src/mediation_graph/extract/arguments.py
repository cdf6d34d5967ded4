"""Who acts and toward whom, for one trigger: the argument patterns of Arabic and English.

Each pattern that fills a slot carries a strength; the event's confidence is built from them
(see ``confidence`` in events.py). Patterns, strongest first:
- agent phrases: "by X", "من قبل X"; a phrase trigger's own complement ("بوساطة قطر",
  "under the auspices of Egypt"); a nominal trigger's adjective or genitive ("القصف الإسرائيلي",
  "وساطة قطر") or English possessive/adjective before it ("Egypt's mediation", "Qatari talks");
- the verb's subject: Arabic after the verb (VSO) or before it (SVO), the antecedent of a
  relative pronoun ("حماس التي تطالب", "Hamas, which rejected"), English before the verb, or after
  "by" when the verb is passive ("was brokered by Qatar");
- for a nominal trigger with none of these, the subject of its clause ("تؤدي الاستخبارات التركية
  دورا في الوساطة"), then of the previous clause of the sentence;
- recipients: "between X and Y", the trigger's prepositions (with, مع, against, على, إلى ...),
  a direct object where the trigger takes one, an object pronoun's antecedent ("ترفضه"), and for
  directed actions the first actor right after the trigger ("تطالب بانسحاب إسرائيلي").
Every list follows coordination: "Egypt, Qatar and the US", "مصر وقطر والولايات المتحدة".
Arabic news adds its own: a verbal noun's genitive is its object ("اغتيال X", "مقتل سبعة أشخاص");
civilians or counted people after a killing verb are its victims (the verb is passive); who
underwent an act ("تعرضت الدورية لهجوم") is its target; "إنه/إنها" after a speaker resumes the
speaker; an active participle after a comma ("، متهما") shares the subject before it; a verb
with an agent phrase ("قتل خمسة جنود على يد مسلحين", "برصاص الجيش") is passive, its subject
the victim; an act aimed at no one named is done to the state it happens in (both languages).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..lexicon import PhraseMatch, Trigger
from ..model import Mention
from ..text.normalize import ARABIC_PRONOUN_SUFFIXES, word_keys
from .clause import USABLE_KINDS, SentenceView
from .mentions import OBJECT_PARTIES_ID, dateline_end, unlinked_person

CLAUSE_TAKING = {"REQUEST", "THREATEN", "ACCUSE", "REJECT", "SUPPORT"}
DIRECTED = {"REQUEST", "ACCUSE", "REJECT", "THREATEN", "SANCTION", "COERCE", "ASSAULT", "PROTEST",
            "SUPPORT", "AID", "CONCEDE", "RETREAT"}
# actions done to the place they happen in when no one is named as their target
LOCATED = {"PROTEST", "COERCE", "ASSAULT", "MOBILIZE", "SANCTION"}
INTERNATIONAL = {"IGO", "UNO", "NGO"}
_MAX_VSO_GAP = 4
_OBJECT_REACH = 5  # "rejected [a fresh offer from] Afghanistan"
_SUBJECT_POSITION = 3  # a clause's subject starts within its first words (after verb, particle)
_NOUN_SUBJECT_REACH = 6
_PHRASE_SUBJECT_REACH = 10
_LIGHT_VERB_REACH = 5
_PERSONAL_ACTS = {"assassinate"}  # acts whose object is a person
_NAME_WORDS = 3
_CLITIC_REACH = 6  # verb, subject of a few words, then "بنظيره"
# talks, deals and cooperation are done together: "المحادثات الإيرانية الأمريكية"
_SHARED_NOUNS = {"CONSULT", "AGREE", "COOPERATE"}
_STANCES = {"REJECT", "ACCUSE", "SUPPORT"}  # toward a statement, and so toward its author
_OBJECT_WORDS = 3  # "الاتهامات", "القرار الأخير": the object before its relative clause
_RELATIVE_VERB_WORDS = 2  # "وجهتها لها", "أصدره": the relative clause's verb before its subject
_PARTICIPLE_SUBJECT_REACH = 8  # "قال عضو كتلة الوفاء للمقاومة النائب X"
_LOCATIVE_REACH = 2  # "في مقر الوزارة": the locative, a place noun, then the mention
_PASSING_GAP = 3  # "لدى مرور [حافلة تقل] عناصر من الحرس الثوري"
# patterns that name a doer in the act's own words; the others borrow one from the clause
_OWN_DOER_PATTERNS = {"agent phrase", "nominal agent", "phrase complement", "hyphenated agent",
                      "subject after verb", "subject before verb"}
_APPOSITIVE_OPENERS = {"a", "an"}  # ", a key ally of Washington,": a description of the subject


@dataclass
class Arguments:
    actors: list[Mention] = field(default_factory=list)
    recipients: list[Mention] = field(default_factory=list)
    strength: float = 0.0  # of the weakest slot-filling pattern used
    patterns: list[str] = field(default_factory=list)

    def use(self, slot: str, mentions: list[Mention], strength: float, pattern: str) -> None:
        if slot == "actors":
            mentions = [m for m in mentions if m.entity.type != "place"]  # places do not act
            if not mentions:
                return
        getattr(self, slot).extend(m for m in mentions if m not in getattr(self, slot))
        self.strength = strength if not self.patterns else min(self.strength, strength)
        self.patterns.append(pattern)


def find_arguments(view: SentenceView, match: PhraseMatch[Trigger], trigger: Trigger,
                   next_trigger_start: int, previous_subject: list[Mention],
                   own_actor: Mention | None = None) -> Arguments:
    args = Arguments()
    clause_start, clause_end = view.clause_limits(match.start)
    scope_end = min(clause_end, next_trigger_start)
    if view.language == "ar" and view.has_role(scope_end, "agent_prep"):
        scope_end = clause_end  # "قتل شاب برصاص الجيش": the next trigger names this act's doer
    between = _between_list(view, match.end, scope_end)
    # an Arabic participle's subject is the one before it in its sentence, else the one carried
    participle = is_arabic_participle(view, match, trigger)
    shared = _participle_subject(view, match, previous_subject) if participle else []
    if own_actor is not None:
        args.use("actors", [own_actor], 0.8, "role noun")
    elif previous_subject and _is_participle_clause(view, match):
        args.use("actors", previous_subject, 0.7, "participle clause")
    elif participle:
        # its subject is the sentence's; when that is unknown, so is the participle's
        args.use("actors", shared, 0.7, "participle clause")
    else:
        _find_actors(view, match, trigger, args, clause_start, scope_end)
        if previous_subject and _joined_verb_without_subject(view, match, trigger, args):
            # "ندد الرئيس باحتجاز الحوثيين موظفين، وحمّلها المسؤولية": the joined verb goes on
            # with the first verb's subject, not with the object before the comma
            args.actors, args.patterns = [], []
            args.use("actors", previous_subject, 0.7, "subject of the joined verb")
    _find_recipients(view, match, trigger, args, scope_end, clause_end, between)
    if not args.recipients and trigger.pos == "noun" and trigger.event in _SHARED_NOUNS and (
            args.patterns[:1] == ["nominal agent"]):
        # "المحادثات الإيرانية الأمريكية": the adjectives after the first are the other sides
        others = _adjectives_following(view, args.actors[-1])
        if others:
            args.use("recipients", others, 0.7, "further adjectives of the noun")
    receiver = _receiver(view, match, trigger)
    if receiver:
        # "تلقى الوزير اتصالا من نظيره": who received the call is whom it reached
        args.actors = [m for m in args.actors if m not in receiver]
        args.recipients = [m for m in args.recipients if m not in receiver]
        if not args.actors:
            args.use("actors", _sender(view, match, scope_end), 0.8, "sender after من")
        args.use("recipients", receiver, 0.8, "subject of a receiving verb")
    if not args.recipients and trigger.pos == "noun":
        owned = [m for m in _possessed_object(view, match) if m not in args.actors]
        if owned:
            args.use("recipients", owned, 0.75, "object of a possessed verbal noun")
    if trigger.mode == "mediate" and not args.recipients:
        earlier = _earlier_parties(view, match.start)
        if earlier:
            args.use("recipients", earlier, 0.7, "parties named earlier in the sentence")
    if not args.actors and previous_subject and args.recipients:
        args.use("actors", previous_subject, 0.5, "previous-clause subject")
    if not args.recipients and view.language == "en" and _is_passive(view, match.start):
        undergoer = _clause_subject(view, match.start)  # "a camp was attacked by ..."
        if undergoer:
            args.use("recipients", undergoer, 0.75, "passive subject")
    if not args.recipients and trigger.event in CLAUSE_TAKING:
        asked = _complement_subject(view, match)
        if asked:
            args.use("recipients", asked, 0.7, "complement clause subject")
    if not args.recipients and trigger.event in DIRECTED:
        after = max([match.end] + [m.token_end for m in args.actors if m.token_start >= match.end])
        following = view.next_mention(after, view.clause_limits(match.start, soft=True)[1],
                                      max_gap=2)
        if (following and following not in args.actors and not _instrument(view, following)
                and following.token_end not in view.speech):  # "..., the ministry said"
            args.use("recipients", view.coordinated(following), 0.6, "following actor")
        elif view.language == "en":
            owner = _object_owner(view, match, after)
            if owner is not None and owner not in args.actors:
                args.use("recipients", [owner], 0.55, "owner of the object")
    if not args.recipients and trigger.event in _STANCES and view.language == "ar":
        after = max([match.end] + [m.token_end for m in args.actors
                                   if m.token_start >= match.end])  # "رحب الأردن بالبيان"
        author = [m for m in _relative_clause_agent(view, after, scope_end)
                  if m not in args.actors]
        if author:
            args.use("recipients", author, 0.6, "author of the object")
    actor_ids = {m.entity.id for m in args.actors}
    args.recipients = [m for m in args.recipients if m.entity.id not in actor_ids]
    if not args.recipients and view.language == "ar" and trigger.mode in _PERSONAL_ACTS:
        victim = _unnamed_victim(view, match, args)
        if victim is not None:
            args.use("recipients", [victim], 0.6, "unnamed victim")
    undergoer = _arabic_undergoer(view, match)
    if undergoer:
        # "تعرضت القافلة لهجوم", "تعرض الوزير لمحاولة اغتيال": the subject of "underwent"
        # is whom the act was done to; only an agent phrase names who did it
        agents = [m for m in args.actors if m not in undergoer] if "agent phrase" in \
            args.patterns else []
        args.actors, args.recipients = agents, undergoer
        args.patterns.append("undergoer")
    elif _is_arabic_passive_victim(view, trigger, args):
        # "قتل 18 شخصا", "قتل مدنيون في هجوم": unvowelled, the verb is passive and its noun
        # the victim; civilians do not kill or attack in the active voice of news
        args.recipients, args.actors = args.actors, []
        args.patterns.append("passive victim")
    if view.has_role(match.start, "outcome") and args.patterns[:1] and (
            args.patterns[0] not in _OWN_DOER_PATTERNS):
        args.actors = []  # "أعلن الجيش مقتل أحد جنوده": the speaker only tells of it
    scene = [m for m in args.actors if _witnesses(view, m)]
    if scene:  # "شهدت تركيا مظاهرات": Turkey is where they happened
        args.actors = [m for m in args.actors if m not in scene]
        if not args.recipients and trigger.event in LOCATED:
            args.use("recipients", scene, 0.5, "place of the action")
    passing = _passing_target(view, match) if trigger.event == "ASSAULT" else []
    if passing:  # "انفجرت عبوة لدى مرور دورية": the patrol did not explode
        args.actors = [m for m in args.actors if m not in passing]
        args.recipients = [m for m in args.recipients if m.kind not in {"place", "metonym"}
                           and m.entity.type != "place"]  # not "جنوب بغداد": a where
        if not args.recipients:
            args.use("recipients", passing, 0.6, "who was passing")
    actor_ids = {m.entity.id for m in args.actors}
    args.recipients = [m for m in args.recipients if m.entity.id not in actor_ids]
    # "arrived in Amman", "تظاهر الطلاب في الجزائر": done to the state it happens in
    if not args.recipients and (trigger.event in LOCATED or trigger.mode == "visit"):
        where = place_of_action(view, match)
        if where is not None and where.entity.id not in actor_ids:
            args.use("recipients", [where], 0.5, "place of the action")
    return args


def _witnesses(view: SentenceView, mention: Mention) -> bool:
    """A state or place right after a verb of witnessing or spreading: its subject ("شهدت
    [أمس] تركيا مظاهرات") or what it spread over ("احتجاجات عمت العراق")."""
    before = any(view.has_role(j, "witness") for j in range(max(0, mention.token_start - 2),
                                                             mention.token_start))
    return before and mention.entity.type in {"state", "place"}


def _passing_target(view: SentenceView, match: PhraseMatch[Trigger]) -> list[Mention]:
    """"انفجرت عبوة ناسفة لدى مرور دورية للشرطة": who was passing when the act of the clause
    happened is its target."""
    start, end = view.clause_limits(match.start)
    for _phrase, phrase_end in view.words_with_role("passing", start, end):
        following = view.next_mention(phrase_end, end, max_gap=_PASSING_GAP)
        if following and _usable(following) and following.entity.type != "place":
            return view.coordinated(following)
    return []


def _unnamed_victim(view: SentenceView, match: PhraseMatch[Trigger],
                    args: Arguments) -> Mention | None:
    """An assassination's object the lexicon does not know ("اغتيال عماد مغنية", "اغتال
    مسلحون العميد جبار مساعد"): up to three plain words after the act and its doer, taken as
    a person's name with any title; a function word, short particle, number or punctuation
    ends it."""
    last = view.tokens[match.end - 1]
    if match.values[0].pos != "verb" and last.key.startswith("ال"):
        return None  # "عملية الاغتيال": a definite noun has no genitive
    start = max([match.end] + [m.token_end for m in args.actors if m.token_start >= match.end])
    end = start
    while end < min(start + _NAME_WORDS, len(view.tokens)):
        token = view.tokens[end]
        function_word = end in view.roles_at and not view.has_role(end, "title")
        if (not token.key.isalpha() or len(token.key) <= 2 or function_word  # key: no shadda
                or view.mention_covering(end) is not None):
            break
        end += 1
    return unlinked_person(view.sentence, start, end) if end > start else None


def _arabic_undergoer(view: SentenceView, match: PhraseMatch[Trigger]) -> list[Mention]:
    """The subject of "تعرض" (underwent) when the trigger is what it underwent."""
    if view.language != "ar":
        return []
    for back in (1, 2, 3):
        k = match.start - back
        if k < 0:
            return []
        if view.has_role(k, "undergo"):
            after = view.next_mention(k + 1, match.start, max_gap=_MAX_VSO_GAP)
            if after and _can_be_subject(after) and view.governing_preposition(after) is None:
                return view.coordinated(after)
            return _fronted_subject(view, k)
    return []


def _is_arabic_object_genitive(view: SentenceView, match: PhraseMatch[Trigger],
                               trigger: Trigger, mention: Mention) -> bool:
    """After an object-taking Arabic noun, a name is its object, and so is an adjective one
    word further, which describes that object ("استهداف السفن الإسرائيلية")."""
    return (view.language == "ar" and trigger.object_is_recipient
            and (mention.kind != "adjective" or mention.token_start > match.end)
            and _object_after_agent(view, mention) is None
            and not _doer_before_plain_object(view, mention))


def _doer_before_plain_object(view: SentenceView, genitive: Mention) -> bool:
    """"اقتحام المستوطنين باحات المسجد", "قصف الطائرات الإسرائيلية مدرسة": a definite genitive
    followed by an indefinite noun the lexicon does not know is the act's doer, and that noun
    its object; civilians (other than assailants.txt's) are not taken for doers."""
    j = genitive.token_end
    if j >= len(view.tokens) or genitive.kind == "adjective" or genitive.entity.type in {
            "person", "place"}:
        return False
    if genitive.entity.sector == "CVL" and not view.assails(genitive.entity):
        return False
    definite = genitive.kind == "name" or "ال" in view.proclitics.get(
        genitive.token_start, "") or view.tokens[genitive.token_start].key.startswith("ال")
    word = view.tokens[j]
    return (definite and word.text.isalpha() and len(word.key) > 2
            and not word.keys[-1].startswith("ال") and not word.key.startswith("ال")
            and j not in view.roles_at and view.mention_covering(j) is None
            and all(p.token_start != j for p in view.places))


def _object_after_agent(view: SentenceView, genitive: Mention) -> Mention | None:
    """"احتجاز مليشيا الحوثي موظفين أمميين": a verbal noun's genitive followed by a further
    actor is its doer, and that actor its object."""
    following = view.mention_starting(genitive.token_end)
    if genitive.kind == "adjective" or following is None or following.kind == "adjective":
        return None
    if not _usable(following) or view.governing_preposition(following) is not None:
        return None
    return following


def _arabic_genitive_object(view: SentenceView, match: PhraseMatch[Trigger]) -> list[Mention]:
    """The object of an Arabic verbal noun: the actor in genitive right after it, past a
    number or quantity ("مقتل سبعة أشخاص", "اغتيال الأمين العام", "خطف عشرات العمال")."""
    j = _past_quantity(view, match.end)
    mention = view.mention_starting(j)
    if mention is None and j < len(view.tokens) and view.tokens[j].text.isalpha():
        following = view.mention_starting(j + 1)  # "استهداف السفن الإسرائيلية"
        if following is not None and following.kind == "adjective":
            return [following]
    if mention is None or mention.kind == "adjective" or not _usable(mention):
        return []
    if view.governing_preposition(mention) is not None:
        return []
    after = _object_after_agent(view, mention)
    if after is None and _doer_before_plain_object(view, mention):
        return []  # the genitive did it; what it did it to is no actor
    return view.coordinated(after or mention)


def _past_quantity(view: SentenceView, j: int) -> int:
    """The first token at or after ``j`` that is not a number, a quantity word or the "من"
    after one ("ثلاثة من", "عشرات من", "18")."""
    start = j
    while j < len(view.tokens):
        token = view.tokens[j]
        if token.text.isdigit() or view.has_role(j, "quantity"):
            j = view.function_words[j][1] if view.has_role(j, "quantity") else j + 1
        elif j > start and token.key == "من":
            j += 1
        else:
            return j
    return j


def _is_arabic_passive_victim(view: SentenceView, trigger: Trigger, args: Arguments) -> bool:
    """Civilians, or any counted people ("قتل 18 شخصا", "سبعة جنود قتلوا"), as the subject of
    an attack are its victims: news counts the dead, not the killers. Civilians listed in
    assailants.txt ("هاجم المستوطنون قرية") attack in the news, and stay its doers."""
    weak = {"following actor", "preposition"}  # a victim subject outweighs these guesses
    if view.language != "ar" or trigger.event != "ASSAULT" or not args.actors or (
            args.recipients and not weak & set(args.patterns)):
        return False
    if args.patterns[:1] not in (["subject after verb"], ["clause subject"],
                                 ["subject before verb"]):
        return False
    if trigger.pos == "verb" and not trigger.object_is_recipient:
        return False  # only a verb whose object is its victim reads as passive ("أطلق النار")
    civilians = all(m.entity.type == "group" and m.entity.sector == "CVL"
                    and not view.assails(m.entity) for m in args.actors)
    return civilians or (trigger.pos == "verb" and _is_counted(view, args.actors[0]))


def _is_counted(view: SentenceView, mention: Mention) -> bool:
    """A number or quantity stands right before the mention ("سبعة من عناصر الشرطة")."""
    j = mention.token_start - 1
    if j >= 0 and view.tokens[j].key == "من":
        j -= 1
    return j >= 0 and (view.tokens[j].text.isdigit() or "quantity" in view.roles_at.get(j, ()))


def _object_owner(view: SentenceView, match: PhraseMatch[Trigger], after: int) -> Mention | None:
    """"welcomed President Reagan's statement", "rejected proposed Israeli changes",
    "dismissed an appeal from the president", "denounced Serbia's suppression of": a directed
    act on a thing is done to the one whose thing it is, named in the object's first words."""
    soft_end = view.clause_limits(match.start, soft=True)[1]
    mention = view.next_mention(after, soft_end, max_gap=_OBJECT_REACH)
    if (mention is None or not _usable(mention, allow_adjective=True)
            or mention.entity.type == "place"):
        return None
    if any(view.has_role(j, "recipient_prep") or view.has_role(j, "relative")
           for j in range(after, mention.token_start)):
        return None  # "rejected the plan on Monday", "the offer that Iran made": not its owner
    return mention


def place_of_action(view: SentenceView, match: PhraseMatch[Trigger]) -> Mention | None:
    """"protesters rallied in Belgrade", "imposed a curfew in the town of Cizre in southeastern
    Turkey": an action on nobody named is done to the state where it happens, as CAMEO codes
    it, and a visit is paid to the state it arrives in ("arrived in Amman"); the first place
    after the trigger in its clause, else (English, where "In Gaza, ..." opens a clause) the
    last before it. An Arabic protest takes its scene from anywhere in the clause ("اندلعت في
    نواكشوط مظاهرات"); another act only from a place that opens it ("وفي بغداد قصفت"), since
    one further on belongs to an earlier act ("محادثات في لواندا ... عقوبات فرضها الاتحاد")."""
    scene_anywhere = view.language == "en" or match.values[0].event == "PROTEST"
    start, end = view.clause_limits(match.start)
    places = [m for m in view.places if start <= m.token_start < end
              and m.entity.country and m.entity.country not in INTERNATIONAL]
    after = [m for m in places if m.token_start >= match.end]
    before = [m for m in places if m.token_end <= match.start and (
        scene_anywhere or m.token_start - start <= _SUBJECT_POSITION)]
    return after[0] if after else (before[-1] if before else None)


def _find_actors(view: SentenceView, match: PhraseMatch[Trigger], trigger: Trigger,
                 args: Arguments, clause_start: int, scope_end: int) -> None:
    # an English active verb's "by" belongs to its object ("demanded an admission by Moscow"):
    # only a passive or a participle right before "by" takes its agent from it
    by_reach = scope_end
    if view.language == "en" and trigger.pos == "verb" and not _is_passive(view, match.start):
        by_reach = min(scope_end, match.end + 1)
    elif view.language == "en" and trigger.pos != "verb":
        # "a Ukrainian drone attack on Moscow was repelled by Russian air defences": a "by"
        # after a passive verb is that verb's agent, not the noun's
        by_reach = next((j for j in range(match.end, scope_end)
                         if view.has_role(j, "passive_aux")), scope_end)
    agent = _agent_phrase(view, match.end, scope_end, by_reach)
    if agent:
        args.use("actors", agent, 0.9, "agent phrase")
        return
    if trigger.pos == "phrase" and not _ends_with_recipient_preposition(view, match):
        following = _mention_right_after(view, match.end, allow_adjective=True)
        if following:
            args.use("actors", view.coordinated(following), 0.9, "phrase complement")
            return
    if trigger.pos != "verb" and not _ends_with_recipient_preposition(view, match):
        # a noun with a possessive pronoun has no genitive after it: that is its object
        own = [] if _is_possessed(view, match) else _nominal_agent(view, match, scope_end)
        if own and _is_arabic_object_genitive(view, match, trigger, own[0]):
            own = []  # "اغتيال الحريري", "مقتل جندي": the genitive is whom it was done to
        if own:
            args.use("actors", own, 0.85, "nominal agent")
            return
        possessor = _possessor(view, match)
        if possessor is not None:
            args.use("actors", [possessor], 0.55, "possessive pronoun antecedent")
            return
        light = _light_verb_before(view, match.start, clause_start)
        subject = _verb_subject(view, PhraseMatch(light, light + 1, match.values), clause_start,
                                match.start) if light is not None else None
        if subject:
            args.use("actors", subject[0], subject[1] - 0.05, "light verb " + subject[2])
            return
    elif trigger.pos == "verb":
        compound = _hyphen_agent(view, match)
        if compound:
            args.use("actors", [compound], 0.85, "hyphenated agent")
            return
        subject = _verb_subject(view, match, clause_start, scope_end)
        if subject:
            args.use("actors", subject[0], subject[1], subject[2])
            return
        if view.language == "en" and trigger.object_is_recipient and _is_passive(
                view, match.start):
            return  # "two soldiers have been killed": no "by", no actor; the subject underwent
    # the subject of the clause a noun or fixed phrase sits in: "تؤدي الاستخبارات التركية دورا
    # في الوساطة"; only near the clause start and near the trigger, where a subject stands
    reach = _NOUN_SUBJECT_REACH if trigger.pos == "noun" else _PHRASE_SUBJECT_REACH
    subject = _clause_subject(view, match.start, soft=True, reach=reach)
    if subject:
        args.use("actors", subject, 0.65, "clause subject")
    elif view.language == "en" and trigger.pos == "verb":
        owner = _adjective_subject(view, match.start)
        if owner is not None:
            args.use("actors", [owner], 0.55, "adjective of the subject")


def _adjective_subject(view: SentenceView, verb_start: int) -> Mention | None:
    """"Israeli strikes killed 30 people", "Russian shelling of Kharkiv": a subject the lexicon
    does not know (or the verb's own -ing noun), owned by the adjective before it at the start
    of the clause."""
    clause_start = view.clause_limits(verb_start)[0]
    for mention in view.mentions:
        if (mention.kind == "adjective" and mention.token_start - clause_start <= _SUBJECT_POSITION
                and mention.token_end <= verb_start <= mention.token_end + 2):
            noun = view.tokens[mention.token_end].text  # or the verb as a noun: "shelling"
            gerund = mention.token_end < verb_start or noun.endswith("ing")
            return mention if gerund and noun.isalpha() and noun.islower() else None
    return None


def _find_recipients(view: SentenceView, match: PhraseMatch[Trigger], trigger: Trigger,
                     args: Arguments, scope_end: int, clause_end: int,
                     between: list[Mention]) -> None:
    if between:
        if args.actors or trigger.mode == "mediate" or len(between) < 2:
            args.use("recipients", between, 0.9, "between")
        else:
            args.use("actors", between[:1], 0.85, "between (first party)")
            args.use("recipients", between[1:], 0.85, "between")
        return
    if _ends_with_recipient_preposition(view, match):  # "in contact with", "اتصالاتها مع"
        following = _mention_right_after(view, match.end, allow_adjective=True)
        if following:
            args.use("recipients", view.coordinated(following), 0.9, "phrase object")
            return
    if trigger.pos == "noun" and trigger.object_is_recipient and view.language == "ar":
        genitive = _arabic_genitive_object(view, match)
        if genitive:
            args.use("recipients", genitive, 0.8, "genitive object")
            return
    undergoer = _arabic_passive_subject(view, match, trigger, args)
    if undergoer:
        args.use("recipients", undergoer, 0.8, "passive subject")
        return
    if view.language == "ar" and view.has_role(match.start, "agent_prep"):
        # "أصيب ثلاثة من عناصر الشرطة برصاص مسلحين": the act is its doer phrase; whoever
        # the clause says was hit, before it, underwent it
        hit = [m for m in _clause_subject(view, match.start) if m not in args.actors]
        if hit:
            args.use("recipients", hit, 0.7, "subject before the doer phrase")
            return
    # an English passive has no object: what follows its "by X" is a where ("near El Fasher")
    direct = [] if view.language == "en" and _is_passive(view, match.start) else _direct_object(
        view, match, args, scope_end, max_gap=3 if trigger.object_is_recipient else 1)
    if direct and trigger.pos == "verb" and (trigger.object_is_recipient or not trigger.preps):
        args.use("recipients", direct, 0.8, "direct object")
        return
    prepositional = _prepositional_recipients(view, match, trigger, scope_end, clause_end)
    if prepositional:
        args.use("recipients", prepositional, 0.85, "preposition")
        return
    if direct and trigger.pos == "verb":
        args.use("recipients", direct, 0.7, "direct object")
        return
    if trigger.object_is_recipient:
        antecedent = _pronoun_antecedent(view, match, args)
        if antecedent:
            args.use("recipients", [antecedent], 0.6, "object pronoun antecedent")


def _arabic_passive_subject(view: SentenceView, match: PhraseMatch[Trigger], trigger: Trigger,
                            args: Arguments) -> list[Mention]:
    """"قتل ثمانية جنود على يد مسلحين", "أصيب شرطي برصاص قوات الأمن": an unvowelled verb with
    an agent phrase after it is passive, so the actor between the verb and that phrase, past a
    number, underwent the act."""
    if (view.language != "ar" or trigger.pos != "verb" or not trigger.object_is_recipient
            or "agent phrase" not in args.patterns or not args.actors):
        return []
    agent_start = min(m.token_start for m in args.actors)
    first = view.mention_starting(_past_quantity(view, match.end))
    if (first is None or first.token_end > agent_start or not _usable(first)
            or view.governing_preposition(first) is not None):
        return []
    return [m for m in view.coordinated(first) if m.token_end <= agent_start]


def _instrument(view: SentenceView, mention: Mention) -> bool:
    """"غارة بطائرة مسيرة", "قصف بالمدفعية": an Arabic actor with ب after an act is what
    it was done with, not whom to."""
    return view.language == "ar" and view.proclitics.get(mention.token_start, "").lstrip(
        "وف").startswith("ب")


def _usable(mention: Mention, allow_adjective: bool = False) -> bool:
    return mention.kind in USABLE_KINDS or (allow_adjective and mention.kind == "adjective")


def _can_be_subject(mention: Mention) -> bool:
    return _usable(mention) and mention.entity.id != OBJECT_PARTIES_ID


def _between_list(view: SentenceView, after: int, limit: int) -> list[Mention]:
    for _start, end in view.words_with_role("between", after, limit):
        first = view.next_mention(end, limit, max_gap=1)
        return view.coordinated(first) if first and _usable(first) else []
    return []


def _earlier_parties(view: SentenceView, before: int) -> list[Mention]:
    """"An exchange between Russia and the US, mediated by Turkey": the parties of the action
    that a mediation mentioned later in the sentence brought about."""
    for _start, end in reversed(view.words_with_role("between", 0, before)):
        first = view.next_mention(end, before, max_gap=1)
        parties = view.coordinated(first) if first and _usable(first) else []
        if len(parties) >= 2:
            return parties
    return []


def doers_of_act(view: SentenceView, start: int, end: int) -> list[Mention]:
    """Who did the Arabic act noun at tokens [start, end), as its own words say: the adjective
    right after it ("الغارات الإسرائيلية"), else its agent phrase ("مقتل ثلاثة مدنيين على يد
    قوات التحالف"); none when it names no doer."""
    adjective = view.mention_starting(end)
    if adjective is not None and adjective.kind == "adjective":
        return [adjective]
    limit = view.clause_limits(start)[1]
    return _agent_phrase(view, end, limit, limit)


def _agent_phrase(view: SentenceView, after: int, limit: int, by_reach: int) -> list[Mention]:
    """"brokered by Egypt", "الوساطة من قبل مصر": a "by" starting before ``by_reach``."""
    for _start, end in view.words_with_role("agent_prep", after, min(by_reach, after + 5)):
        first = view.next_mention(end, limit, max_gap=1 if view.has_role(end, "determiner")
                                  else 0)
        if first and _usable(first, allow_adjective=True):  # "by Burundian militiamen"
            return view.coordinated(first)
    return []


def _ends_with_recipient_preposition(view: SentenceView, match: PhraseMatch[Trigger]) -> bool:
    last = match.end - 1
    return view.has_role(last, "recipient_prep") or view.has_role(last, "between")


def _mention_right_after(view: SentenceView, after: int, allow_adjective: bool) -> Mention | None:
    while view.has_role(after, "determiner"):
        after += 1
    mention = view.mention_starting(after)
    return mention if mention and _usable(mention, allow_adjective) else None


def _nominal_agent(view: SentenceView, match: PhraseMatch[Trigger],
                   scope_end: int) -> list[Mention]:
    """Arabic: the adjective or genitive after the noun; English: the possessive or adjective
    before it ("Egypt's mediation", "Israeli strikes"). The Arabic one may stand one word
    away, unless that word is the next trigger ("اتفاق بوساطة قطرية": Qatar mediates)."""
    if view.language == "ar":
        mention = view.mention_starting(_past_quantity(view, match.end))  # "مظاهرة آلاف الطلاب"
        if mention is None and match.end + 1 < scope_end and not view.function_words.get(
                match.end) and not view.mention_covering(match.end):
            mention = view.mention_starting(match.end + 1)  # "الوساطة المستمرة من ..."
        if mention and view.governing_preposition(mention) is None and _usable(mention, True):
            return [mention]
        return []
    previous = [m for m in view.mentions if m.token_end in (match.start, match.start - 1)]
    for mention in previous:
        between = view.tokens[mention.token_end:match.start]
        if all(t.text in {"'s", "’s"} or (t.text.isalpha() and t.text.islower() and
               len(between) == 1 and mention.kind == "adjective") for t in between):
            return [mention] if _usable(mention, True) else []
    return []


def _verb_subject(view: SentenceView, match: PhraseMatch[Trigger], clause_start: int,
                  scope_end: int) -> tuple[list[Mention], float, str] | None:
    if view.language == "en" and _is_passive(view, match.start):
        return None  # the agent phrase was tried; the grammatical subject is the recipient
    if view.language == "ar":
        resumed = _pronoun_subject(view, match.start)
        if resumed:
            return resumed, 0.8, "subject pronoun antecedent"
        fronted = _fronted_subject(view, match.start)
        if fronted:
            return fronted, 0.85, "subject before verb"
        after = view.next_mention(match.end, scope_end, max_gap=_MAX_VSO_GAP)
        if after and _can_be_subject(after) and view.governing_preposition(after) is None:
            return view.coordinated(after), 0.9, "subject after verb"
    relative = _relative_antecedent(view, match.start)
    if relative:
        return relative, 0.8, "relative antecedent"
    # "X blamed Mogadishu for the fighting and called on the AU": a verb joined by "and" to
    # the one before shares its subject, the first in the clause, not the object in between
    shared = (view.language == "en" and match.start > 0
              and view.has_role(match.start - 1, "coordinator")
              and view.tokens[match.start - 1].text != ",")
    before = _clause_subject(view, match.start, earliest=shared)
    if before:
        return before, 0.85, "subject before verb"
    return None


def _pronoun_subject(view: SentenceView, verb_start: int) -> list[Mention]:
    """"قالت إسرائيل إنها قصفت", "أعلن الجيش أنه قتل": a verb right after "أن/إن" with a
    subject pronoun has the actor that pronoun stands for, the subject before it."""
    for back in (1, 2):
        k = verb_start - back
        if k < 0 or view.mention_covering(k) is not None:
            return []
        if view.has_role(k, "subject_pronoun"):
            return _clause_subject(view, k)
    return []


def _possessor(view: SentenceView, match: PhraseMatch[Trigger]) -> Mention | None:
    """"ردا على هجماتها": a noun with a possessive pronoun is done by the nearest earlier actor
    that is neither a place nor the clause's subject... unless a light verb's subject owns it
    ("واصلت المقاتلات الإسرائيلية غاراتها"), which the caller tries first when present."""
    if not _is_possessed(view, match):
        return None
    if _light_verb_before(view, match.start, view.clause_limits(match.start)[0]) is not None:
        return None
    earlier = [m for m in view.mentions if m.token_end <= match.start and _usable(m)
               and m.entity.type != "place"]
    return max(earlier, key=lambda m: m.token_start) if earlier else None


def _is_possessed(view: SentenceView, match: PhraseMatch[Trigger]) -> bool:
    """An Arabic one-word noun carrying a possessive pronoun ("هجماتها", "لقائه")."""
    if view.language != "ar" or match.end - match.start != 1:
        return False
    token = view.tokens[match.start]
    if token.text.endswith("ة"):
        return False  # a ta marbuta ("وساطة"), folded to ه for matching, is no pronoun
    return token.key.endswith(ARABIC_PRONOUN_SUFFIXES) and token.key not in token.keys[1:]


def _possessed_object(view: SentenceView, match: PhraseMatch[Trigger]) -> list[Mention]:
    """"خلال لقائه السفير الأمريكي", "لدى استقباله وفدا من حماس": a verbal noun whose doer
    is its pronoun takes the actor right after it as its object."""
    if not _is_possessed(view, match):
        return []
    start = match.end
    while start in view.locatives:  # "خلال لقائه في عمّان نظيره البرتغالي"
        where = next((m for m in view.places if m.token_start == start + 1), None)
        if where is None:
            break
        start = where.token_end
    following = view.mention_starting(start)
    if following is None or not _usable(following) or view.governing_preposition(following):
        return []
    return view.coordinated(following)


def _hyphen_agent(view: SentenceView, match: PhraseMatch[Trigger]) -> Mention | None:
    """"EU-mediated talks", "Saudi-backed forces", "an Egyptian-brokered truce": the name or
    adjective before the hyphen acts."""
    j = match.start - 1
    if j < 1 or view.tokens[j].text != "-" or view.tokens[j].end != view.tokens[match.start].start:
        return None
    mention = next((m for m in view.mentions if m.token_end == j), None)
    return mention if mention and _usable(mention, allow_adjective=True) else None


def _complement_subject(view: SentenceView, match: PhraseMatch[Trigger]) -> list[Mention]:
    """"demanded that the US cancel the sale": the subject of the clause a demand or threat
    introduces is its recipient."""
    j = match.end
    while j < len(view.tokens) and (view.has_role(j, "determiner") or view.tokens[j].text in {
            ",", "،"}):
        j += 1
    found = view.words_with_role("complementizer", j, j + 3)
    if not found:
        return []
    end = found[0][1]
    first = view.next_mention(end, len(view.tokens), max_gap=2)
    return view.coordinated(first) if first and _can_be_subject(first) else []


def _is_participle_clause(view: SentenceView, match: PhraseMatch[Trigger]) -> bool:
    """"Israeli aircraft struck a flat, killing a commander": the -ing verb after a comma
    shares the subject of the clause before it."""
    word = view.tokens[match.start].key
    return (view.language == "en" and word.endswith("ing") and match.start > 0
            and view.tokens[match.start - 1].text == ",")


def is_arabic_participle(view: SentenceView, match: PhraseMatch[Trigger],
                          trigger: Trigger) -> bool:
    """"علق الرئيس المحادثات، متهما الجماعة بـ...": an active participle (م...) after a comma
    says what the subject of the clause before it did while doing so."""
    if view.language != "ar" or trigger.pos != "phrase" or match.start == 0:
        return False
    word = view.tokens[match.start].key
    # derived participles open with م (متهما، مطالبا); the plain ones have alef second (داعيا،
    # رافضا); a plural accusative one needs no comma: "تجمعوا أمام البرلمان مطالبين الحكومة"
    participle = word.startswith("م") or (len(word) > 3 and word[1] == "ا")
    circumstantial = view.tokens[match.start - 1].text in {",", "،"} or (
        word.startswith("م") and word.endswith("ين"))
    return (circumstantial and participle
            and trigger.event in CLAUSE_TAKING | {"ACCUSE"})


def _participle_subject(view: SentenceView, match: PhraseMatch[Trigger],
                        previous_subject: list[Mention]) -> list[Mention]:
    """"علق الرئيس المحادثات، متهما الجماعة", "وأضاف أن الوفد سيلتقي ...، متهما إسرائيل": a
    participle shares the subject of the verb opening its sentence, the actor right after
    it; a complement clause right after that verb leaves the speaker unsaid, and the previous
    sentence's subject speaks. The nearest actor before the comma is often that verb's
    object."""
    opening = dateline_end(view.tokens) if view.sentence.index == 0 else 0
    if view.has_role(opening + 1, "complementizer") and previous_subject:
        return previous_subject
    said = view.words_with_role("complementizer", opening, match.start)
    before_said = said[0][0] if said else match.start
    # the opening verb's subject: the first actor no preposition governs, before what it says
    # ("قال عضو كتلة الوفاء للمقاومة النائب X إن ...، متهما")
    first = next((m for m in view.ordered_mentions if opening <= m.token_start < before_said
                  and _can_be_subject(m) and view.governing_preposition(m) is None), None)
    if first is not None and first.token_start - opening <= _PARTICIPLE_SUBJECT_REACH:
        return view.coordinated(first)
    if said:
        return []  # an actor inside what the opening verb says is not its subject: "أكد وزير
        # الزراعة أن تل أبيب تفرض حصارا، داعيا"
    places_aside = [m for m in _clause_subject(view, match.start) if m.entity.type != "place"]
    return places_aside or previous_subject


def _receiver(view: SentenceView, match: PhraseMatch[Trigger], trigger: Trigger
              ) -> list[Mention]:
    """The subject of a receiving verb ("تلقى", "تسلم") whose object the noun is."""
    if view.language != "ar" or trigger.pos != "noun":
        return []
    clause_start = view.clause_limits(match.start)[0]
    found = view.words_with_role("receive", clause_start, match.start)
    if not found:
        return []
    verb, verb_end = found[-1]
    between = [j for j in range(verb_end, match.start) if view.mention_covering(j) is None
               and not _in_short_aside(view, j)]
    if len(between) > _LIGHT_VERB_REACH:
        return []
    subject = _verb_subject(view, PhraseMatch(verb, verb_end, match.values), clause_start,
                            match.start)
    return subject[0] if subject else []


def _sender(view: SentenceView, match: PhraseMatch[Trigger], scope_end: int) -> list[Mention]:
    """"اتصالا هاتفيا من نظيره": the actor after "من" that follows the received noun."""
    for j in range(match.end, min(scope_end, match.end + 3)):
        if view.tokens[j].key == "من":
            following = view.mention_starting(j + 1)
            return view.coordinated(following) if following and _usable(following) else []
    return []


def _light_verb_before(view: SentenceView, before: int, clause_start: int) -> int | None:
    """A light verb ("held", "عقدت") earlier in the clause whose object the noun is: at most a
    few words between them besides actors and short asides between commas ("، السبت،")."""
    found = view.words_with_role("light_verb", clause_start, before)
    if not found:
        return None
    verb = found[-1][0]
    between = [j for j in range(found[-1][1], before) if view.mention_covering(j) is None
               and not _in_short_aside(view, j)]
    if len(between) > _LIGHT_VERB_REACH or any(view.has_role(j, "relative") for j in between):
        return None
    return verb


def _in_short_aside(view: SentenceView, j: int) -> bool:
    """Token ``j`` is a comma or lies between two commas no more than four words apart."""
    commas = [k for k, t in enumerate(view.tokens) if t.text in {",", "،"}]
    if j in commas:
        return True
    left = [k for k in commas if k < j]
    right = [k for k in commas if k > j]
    return bool(left and right and right[0] - left[-1] <= 5)


def _fronted_subject(view: SentenceView, verb_start: int) -> list[Mention]:
    """Arabic subject-verb order: an actor ending at most two words before the verb, in its
    clause ("وقطر ترفض", "وكانت الخرطوم قد اتهمت جوبا"), with no relative pronoun between;
    the actor after the verb is then its object."""
    clause_start = view.clause_limits(verb_start, soft=True)[0]
    for mention in view.mentions:
        if any(view.has_role(j, "relative") for j in range(mention.token_end, verb_start)):
            continue  # "الاتفاق الذي رعته واشنطن": the verb of a relative clause has its own
        if (clause_start <= mention.token_start and verb_start - 2 <= mention.token_end
                <= verb_start and _can_be_subject(mention)
                and view.governing_preposition(mention) is None):
            whole = view.list_through(mention, clause_start)  # "مصر وقطر والولايات المتحدة"
            return view.with_preceding_adjectives(whole[:-1] + view.coordinated(mention))
    return []


def _is_passive(view: SentenceView, verb_start: int) -> bool:
    for back in (1, 2):
        j = verb_start - back
        if j >= 0 and view.has_role(j, "passive_aux"):
            word = view.tokens[verb_start].key
            return word.endswith(("ed", "en", "wn", "ld", "lt", "ht", "et"))
    return False


def _relative_antecedent(view: SentenceView, verb_start: int) -> list[Mention]:
    for back in (1, 2):
        j = verb_start - back
        if back == 2 and j >= 0 and view.mention_covering(j + 1) is not None:
            break  # "told Youssef that Egypt rejected": a subject of its own after "that"
        if j >= 0 and view.has_role(j, "relative"):
            k = j - 1
            if k >= 0 and view.tokens[k].text in {",", "،"}:
                k -= 1
            for mention in view.mentions:
                if mention.token_end == k + 1 and _usable(mention):
                    return view.list_through(mention)  # "Iraq and Oman, which hosted"
    return []


def _clause_subject(view: SentenceView, before: int, soft: bool = False,
                    reach: int | None = None, earliest: bool = False) -> list[Mention]:
    """The nearest actor list before ``before`` in its clause that no preposition governs (with
    ``earliest``, the first); with ``reach``, only one that starts the clause and ends that
    close to ``before``."""
    clause_start, _end = view.clause_limits(before, soft=soft)
    candidates = [m for m in view.mentions if clause_start <= m.token_start
                  and m.token_end <= before and _can_be_subject(m)
                  and view.governing_preposition(m) is None
                  and not (view.language == "en" and m.entity.type == "place")
                  and not (m.token_start > 0 and view.has_role(m.token_start - 1, "addressee"))]
    # (English: "Palestinians of the West Bank shunned work": a place is never the subject, nor
    # whom a speaker "told")
    if reach is not None:
        candidates = [m for m in candidates if m.token_start - clause_start <= _SUBJECT_POSITION
                      and before - m.token_end <= reach]
    if view.language == "en":  # "the sides of the island of Cyprus agreed": Cyprus is no subject
        heads = [m for m in candidates if m.token_start == 0
                 or view.tokens[m.token_start - 1].key != "of"]
        candidates = heads or candidates
        candidates = [m for m in candidates if not _in_apposition(view, m, candidates, before)]
    if not candidates:
        return []
    group_heads = [m for m in candidates if not _continues_list(view, m, candidates)]
    head = (min if earliest else max)(group_heads or candidates, key=lambda m: m.token_start)
    group = [m for m in view.coordinated(head) if m.token_end <= before]
    return view.with_preceding_adjectives(group)


def _in_apposition(view: SentenceView, mention: Mention, candidates: list[Mention],
                   before: int) -> bool:
    """"Pakistan, a key US ally in the region, has refused": a mention inside an indefinite
    description set off by commas after another actor describes that actor; it is no subject."""
    commas = [j for j in range(mention.token_start) if view.tokens[j].text == ","]
    if not commas or view.tokens[commas[-1] + 1].key not in _APPOSITIVE_OPENERS:
        return False
    opened = commas[-1]
    closed = any(view.tokens[j].text == "," for j in range(mention.token_end, before))
    return closed and any(m.token_end == opened for m in candidates)


def _continues_list(view: SentenceView, mention: Mention, candidates: list[Mention]) -> bool:
    return any(mention in view.coordinated(other)[1:]
               for other in candidates if other is not mention)


def _prepositional_recipients(view: SentenceView, match: PhraseMatch[Trigger], trigger: Trigger,
                              scope_end: int, clause_end: int) -> list[Mention]:
    """A preposition before the next trigger, and the actor list after it (which may follow a
    nominal trigger: "القلق إزاء الهجمات الإسرائيلية")."""
    wanted = {k for p in trigger.preps for k in word_keys(p)}
    if wanted:  # the trigger's own prepositions, whatever grammar.tsv says of them
        positions = [(j, j + 1) for j in range(match.end, scope_end)
                     if wanted & set(view.tokens[j].keys)]
    else:
        positions = view.words_with_role("recipient_prep", match.end, scope_end)
    if view.language == "en":
        # English: a comma ends the phrase ("fired at Kyiv overnight, Ukrainian officials
        # said"), and a target named by its place is the target ("drones at Kyiv")
        clause_end = view.clause_limits(match.start, soft=True)[1]
    for _start, end in positions:
        target = _place_right_after(view, end) if view.language == "en" else None
        if target is not None and trigger.event in DIRECTED:
            return [target]
        first = view.next_mention(end, clause_end, max_gap=5)
        if first and first.entity.type == "place" and first.token_start > end:
            continue  # "على السفن في البحر الأحمر": a place far into the phrase is a where
        if first and any(view.tokens[j].text in {",", "،"} for j in range(end,
                                                                       first.token_start)):
            continue  # "أمام مقر الشركة، ورفع المعتصمون": the phrase ended at the comma
        if view.language == "ar" and first and first.token_start >= scope_end > end and any(
                view.has_role(j, "recipient_prep") for j in range(scope_end,
                                                                  first.token_start)):
            continue  # "أمام المحكمة احتجاجا على اعتقال الصحفي": the next act's own object
        if first and _usable(first, allow_adjective=True):
            return view.coordinated(first)
    return _clitic_prepositional(view, match, trigger, scope_end)


def _clitic_prepositional(view: SentenceView, match: PhraseMatch[Trigger], trigger: Trigger,
                          scope_end: int) -> list[Mention]:
    """Arabic ب and ل are written on the word they govern ("اتصالا هاتفيا بنظيره الروسي",
    "اجتمع الوزير بنظيره"): the first actor near the trigger, past its subject, carrying one
    the trigger lists is its recipient."""
    clitics = {p for p in trigger.preps if len(p) == 1}
    if view.language != "ar" or not clitics:
        return []
    for mention in view.ordered_mentions:
        if not match.end <= mention.token_start < min(scope_end, match.end + _CLITIC_REACH):
            continue
        prefix = view.proclitics.get(mention.token_start, "").lstrip("وف")
        if prefix[:1] in clitics and _usable(mention):
            return view.coordinated(mention)
    return []


def _place_right_after(view: SentenceView, after: int) -> Mention | None:
    while view.has_role(after, "determiner"):
        after += 1
    return next((m for m in view.places if m.token_start == after and m.entity.country), None)


def _direct_object(view: SentenceView, match: PhraseMatch[Trigger], args: Arguments,
                   scope_end: int, max_gap: int) -> list[Mention]:
    after = max([match.end] + [m.token_end for m in args.actors if m.token_start >= match.end])
    skipped = after
    while skipped < scope_end:
        if view.has_role(skipped, "determiner"):
            skipped += 1
        elif (place := _place_after_locative(view, skipped)) is not None:
            skipped = place.token_end  # "استقبل أردوغان في أنقرة رئيس المكتب السياسي لحماس"
        else:
            break
    first = view.next_mention(after, scope_end, max_gap=max_gap + skipped - after)
    while first is not None and view.language == "ar" and _in_locative_phrase(view, skipped,
                                                                                first):
        # "استقبل الوزير، في مقر الوزارة بالرياض اليوم، نظيره": where, then whom
        first = view.next_mention(first.token_end, scope_end, max_gap=max_gap)
    if first and first.token_end in view.speech:
        return []  # "..., Qatar's foreign ministry said": the speaker, not the object
    if first and _usable(first) and view.governing_preposition(first) is None:
        return view.coordinated(first)
    if (first and first.kind == "adjective" and view.language == "en"
            and match.values[0].object_is_recipient):
        # "rejected Israeli proposals", "hosted his Serbian and Kosovar counterparts"
        return view.coordinated(first)
    return []


def _adjectives_following(view: SentenceView, mention: Mention) -> list[Mention]:
    """Nationality adjectives right after ``mention``, joined by nothing or by و."""
    run: list[Mention] = []
    end = mention.token_end
    while (following := view.mention_starting(end)) is not None and _is_nisba(following):
        run.append(following)
        end = following.token_end
    return run


def _relative_clause_agent(view: SentenceView, after: int, limit: int) -> list[Mention]:
    """"رفضت الاتهامات التي وجهتها لها السلطات في مالي", "رحب بالبيان الذي أصدرته الجامعة":
    a stance toward a statement or an act is a stance toward whoever made it, the subject of
    the relative clause that describes the object."""
    j = after
    while j < min(limit, after + _OBJECT_WORDS) and not view.has_role(j, "relative"):
        if view.mention_covering(j) is not None:
            return []
        j += 1
    if j >= limit or not view.has_role(j, "relative"):
        return []
    for k in range(j + 2, min(limit, j + 2 + _RELATIVE_VERB_WORDS)):
        mention = view.mention_starting(k)
        if any(view.mention_covering(i) for i in range(j + 1, k)):
            return []
        if mention is not None:
            usable = _usable(mention) and view.governing_preposition(mention) is None
            return view.coordinated(mention) if usable else []
    return []


def _is_nisba(mention: Mention) -> bool:
    """A nationality adjective, or a one-word group name of that form ("الحوثية")."""
    if mention.kind == "adjective":
        return mention.entity.type == "state"
    word = mention.span.text
    return (mention.kind == "name" and " " not in word and word.endswith(("ي", "ية"))
            and mention.entity.type in {"organization", "armed_group"})


def _joined_verb_without_subject(view: SentenceView, match: PhraseMatch[Trigger],
                                 trigger: Trigger, args: Arguments) -> bool:
    """An Arabic verb joined by و or ف right after a comma whose only subject was found
    before that comma: it has none of its own after it."""
    if view.language != "ar" or trigger.pos != "verb" or match.start == 0:
        return False
    return (view.tokens[match.start].text[:1] in {"و", "ف"}
            and view.tokens[match.start - 1].text in {",", "،"}
            and args.patterns[:1] == ["subject before verb"]
            and all(m.token_end <= match.start for m in args.actors))


def _place_after_locative(view: SentenceView, j: int) -> Mention | None:
    """The place a locative at token ``j`` opens ("في أنقرة", "in Ankara"), if any."""
    if j not in view.locatives:
        return None
    return next((m for m in view.places if m.token_start == j + 1), None)


def _in_locative_phrase(view: SentenceView, after: int, mention: Mention) -> bool:
    """A mention a locative opens a phrase for, a word or two before it ("في مقر الوزارة")."""
    return any(k in view.locatives for k in range(
        max(after, mention.token_start - _LOCATIVE_REACH), mention.token_start))


def _pronoun_antecedent(view: SentenceView, match: PhraseMatch[Trigger],
                        args: Arguments) -> Mention | None:
    """"وهو ما ترفضه": after a resumptive "ما", the object pronoun stands for the nearest earlier
    actor that is not the subject."""
    if view.language != "ar":
        return None
    last = view.tokens[match.end - 1].key
    resumed = any(view.has_role(match.start - back, "resumptive") for back in (1, 2)
                  if match.start - back >= 0)
    if not resumed or not last.endswith(ARABIC_PRONOUN_SUFFIXES):
        return None
    earlier = [m for m in view.mentions if m.token_end <= match.start and _usable(m)
               and m not in args.actors and m.entity.type != "place"]
    return max(earlier, key=lambda m: m.token_start) if earlier else None
