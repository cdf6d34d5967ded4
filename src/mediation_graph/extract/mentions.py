"""Stage three: actor mentions in a sentence.

Lexicon matches (names, metonyms, adjectives, role nouns) are composed by a few grammar rules:
a chain of role nouns takes its owner from an adjective or name after it (Arabic: "رئيس
الاستخبارات التركية", "قادة المكتب السياسي لحركة حماس") or before it (English: "Turkish
intelligence", "Egypt's foreign minister", "Hamas delegation"), or from "of X"; a role phrase
followed by a person's name is that person (apposition); a place after a locative preposition is
a place, not an actor; a role standing for an unnamed owner ("the two sides", "الطرفان") is a
collective left for the discourse stage; capitalised English names the lexicon does not know are
kept as unlinked entities.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ..lexicon import ActorName, Lexicon, PhraseMatch, Role
from ..model import Entity, Mention, Sentence, Span, Token
from ..text.normalize import ARABIC_PRONOUN_SUFFIXES, arabic_key, is_arabic, strip_proclitics

_POSSESSIVE = {"'s", "’s"}
PARTIES_ID = "?parties"
OBJECT_PARTIES_ID = "?parties-object"  # "الطرفين": the parties as object, never as subject
_OF = {"of", "from"}  # "the foreign minister of Oman", "mediators from Egypt"
_DETERMINERS = {"the"}
_OWNER_MODIFIERS = 4  # "of [the Kurdish - led] SDF"
_PLACE_LIST_GLUE = {"and", ",", "or"}
_ETHNIC_HOME_REACH = 3  # "ethnic Albanians [in southern] Serbia"
_CAPITALISED = re.compile(r"^[A-Z][\w'’-]*$")
_ARABIC_NUMBER_ENDINGS = ("ون", "ين", "ان", "ات", "ا", "ه")  # plural, dual, case, gender
_OWNERLESS_BODY_SECTORS = {"MIL", "POL"}  # "الجيش", "الشرطة" stand alone in news
_GROUP_SECTORS = {"REB", "PTY"}  # what "الجماعة" and "الحركة" refer back to
_POSSESSED_SECTORS = {"MIL", "POL", "SPY", "REB"}  # "قواته", "مقاتليها", "عناصره"
# English offices and state bodies that news names without their owner ("Foreign Minister Yvan
# Gil", "the army", "the government"): the owner is the state the sentence or dateline is about
_IMPLIED_OWNER_SECTORS = {"GOV", "MIL", "SPY", "POL", "LEG", "JUD"}
_POSSESSIVE_PRONOUNS = {"his", "her", "its", "their"}
_NOT_IMPLIED_AFTER = {"his", "her", "its", "their", "our", "my", "two", "both", "three", "rival",
                      "warring", "opposing", "other"}
_APPOSITION_DETERMINERS = {"a", "an", "the"}  # "X, the UAE's foreign minister,"
_HARAKAT = "".join(chr(c) for c in range(0x064B, 0x0653))  # vowel marks after a letter
_DATELINE_SEPARATORS = {"-", "–", "—", "/", "ـ"}
_DATELINE_WORDS = 4  # words of one dateline part: "بورتسودان", "UNITED NATIONS, March 4"
_DATELINE_PLACE_WORDS = 3  # more in the first part: "SAN JOSE, Costa Rica, Nov. 3 (AP) -"
_DATELINE_REACH = 16
_FIRST_SEPARATOR = 4  # a dateline's first part ends within its first words ("أبوظبي في 12 مايو /")
# An ambassador or embassy serves abroad: a bare "السفير" is not the home state's by default
_POSTS_ABROAD = {"ambassador", "embassy"}
_POSTINGS = {"ambassador", "envoy", "coordinator"}  # offices held "in" a country
_QUOTES = {"«", "\"", "“"}
_POSTS_AT_BODIES = {"UNO", "IGO"}  # ambassadors and envoys are sent to these bodies too
_HOME_SECTORS = {"GOV", "SPY", "MIL"}  # offices a bare title names at home ("وزير الخارجية")
_NAME_WORDS = 4
_NAMES_LIKE_PARTICLES = {"علي"}
_FOREIGN_NAME_WORDS = 3
_FULL_NAME = 3  # a first name, a father's name and a family name
_NAME_OPENERS = {arabic_key(w) for w in ("عبد", "أبو", "أبي", "ذو")}  # "عبد الرحمن" is one name
# "المبعوث إلى اليمن", "السفير لدى مصر", "المنسق المقيم للأمم المتحدة في اليمن"
_POSTED_TO = {arabic_key("إلى"), arabic_key("لدى"), arabic_key("في")}


@dataclass
class Discourse:
    """What the earlier words of a document tell the mention stage: its home state (the
    dateline's, else that of the first office or state body it names) and who holds each office
    named so far, so that "وأدان الرئيس" after "الرئيس جوزيف عون" and "وزير الخارجية" in a
    Cairo dateline resolve."""

    home: Entity | None = None
    dateline: bool = False  # the home is the dateline's, where the news happens
    holders: dict[str, list[Entity]] = field(default_factory=dict)  # role id -> holders
    surnames: dict[str, Entity] = field(default_factory=dict)  # a named person's last word

    def holder(self, role_id: str) -> Entity | None:
        """The latest holder of an office named so far, the home state's first."""
        named = self.holders.get(role_id, [])
        home = self.home.country if self.home else None
        at_home = [e for e in named if e.country == home]
        return (at_home or named or [None])[-1]

    def remember(self, role_id: str, entity: Entity) -> None:
        named = self.holders.setdefault(role_id, [])
        if entity in named:
            named.remove(entity)
        named.append(entity)

    def replace(self, old: Entity, new: Entity) -> None:
        """"الرئيس جوزيف عون": the office made from the title is that person."""
        for named in self.holders.values():
            if old in named:
                named[named.index(old)] = new


@dataclass
class _Piece:
    """A lexicon match before composition."""

    start: int
    end: int
    names: tuple[ActorName, ...]
    roles: tuple[Role, ...]

    @property
    def name(self) -> ActorName | None:
        # a proper name beats an adjective reading of the same words
        return min(self.names, key=lambda n: n.kind == "adjective") if self.names else None


def find_mentions(sentence: Sentence, lexicon: Lexicon, language: str,
                  discourse: Discourse | None = None) -> list[Mention]:
    """The sentence's mentions; ``discourse`` carries a document's home state (its dateline's:
    the owner of an office or state body named without one) and, in Arabic, the office holders
    named so far, from sentence to sentence, and learns from this one."""
    tokens = sentence.tokens
    discourse = discourse if discourse is not None else Discourse()
    pieces = [_piece(m) for m in lexicon.actors.index.find_all(tokens)]
    opening = dateline_end(tokens) if sentence.index == 0 else 0
    if opening:
        # "القاهرة - (وكالات) -", "CAIRO (Reuters) -": the dateline says where the news is
        # from, not who acts; its state is the home of offices named without an owner
        dateline = _home_of([p for p in pieces if p.end <= opening], lexicon)
        if dateline is not None:
            discourse.home, discourse.dateline = dateline, True
        pieces = [p for p in pieces if p.start >= opening]
    # where a person's office ends ("the UN envoy", "Egypt's foreign minister")
    offices = {p.end for p in pieces if p.roles and p.roles[0].kind == "person"}
    mentions = _compose(pieces, sentence, lexicon, language, discourse, offices)
    for mention in mentions:
        # "في أنقرة", "in Yemen", "في العاصمة الكينية", "في حيفا": after a locative, a capital, a
        # state, its adjective or a listed place is where, not who
        locatable = mention.kind in {"metonym", "adjective"} or (
            mention.kind == "name" and mention.entity.type in {"state", "place"})
        if locatable and _after_locative(tokens, mention.token_start, lexicon, language):
            mention.kind = "place"
    mentions = _with_collectives(mentions, sentence, lexicon, language)
    if language == "ar":
        _name_places_of_documents(mentions, sentence, lexicon)
        mentions = _with_described_parties(mentions, sentence)
        mentions = _with_titles_of_known_names(mentions, sentence, lexicon)
        mentions = _with_holder_names(mentions, sentence, lexicon, discourse)
        mentions = _with_offices_after_names(mentions, sentence, lexicon, discourse)
        mentions = _with_titled_names(mentions, sentence, lexicon, discourse)
        mentions = _with_surnames(mentions, sentence, lexicon, discourse)
        mentions = _with_possessed_roles(mentions, sentence, lexicon)
    mentions = _with_counterparts(mentions, sentence, lexicon, discourse)
    if language == "ar":
        _learn(discourse, mentions, lexicon)
    if language == "en":
        mentions = _with_ethnic_groups(mentions, sentence)
        particles = frozenset(m.start for m in lexicon.grammar_matches(language, tokens)
                              if "name_particle" in m.values)
        mentions = _with_unlinked_names(mentions, sentence, lexicon.not_names, offices,
                                        opening, particles)
        mentions = _with_trailing_offices(mentions, sentence, offices)
        mentions = _with_possessive_owners(mentions, sentence)
        previous: Mention | None = None
        for mention in mentions:
            locatable = mention.kind in {"unlinked", "metonym", "adjective"} or (
                mention.kind == "name" and mention.entity.type in {"state", "place"})
            if locatable and (_after_locative(tokens, mention.token_start, lexicon, language)
                              or _continues_places(tokens, previous, mention)):
                mention.kind = "place"  # "talks in Jeddah", "rallies in Haifa and Eilat"
            previous = mention
    return mentions


def dateline_end(tokens: list[Token]) -> int:
    """The end of a dateline opening a text, in either language: parts of a few words (a city,
    a date, an agency in parentheses) each closed by a dash or slash ("القاهرة - (وكالات) -",
    "موسكو - كييف -", "الدوحة/ الأناضول/", "CAIRO (Reuters) -", "KUALA LUMPUR, July 28
    (Xinhua) --"), or 0. The first dash comes within a few words, or after an agency in
    parentheses when the text opens with a word in capitals (a city), as wire copy writes it."""
    end, words, j = 0, 0, 0
    agency = False
    while j < min(len(tokens), _DATELINE_REACH):
        text = tokens[j].text
        if text == ":" and end > 0:
            return j + 1  # "طهران - إرنا:": the agency's colon closes the dateline
        if text in _DATELINE_SEPARATORS and not _inside_a_word(tokens, j):
            early = 0 < j <= _FIRST_SEPARATOR or (agency and _opens_in_capitals(tokens))
            if end == 0 and not early:
                return 0
            end, words = j + 1, 0
        elif text == "(":
            close = next((k for k in range(j + 1, min(len(tokens), j + 5))
                          if tokens[k].text == ")"), None)
            if close is None:
                break
            j, agency = close, True
        elif any(c.isalnum() for c in text):
            words += 1
            if words > _DATELINE_WORDS + (end == 0) * _DATELINE_PLACE_WORDS:
                break
        j += 1
    return end


def _inside_a_word(tokens: list[Token], j: int) -> bool:
    """"Egyptian-brokered": a hyphen with no space on either side joins words."""
    return (0 < j < len(tokens) - 1 and tokens[j - 1].end == tokens[j].start
            and tokens[j].end == tokens[j + 1].start)


def _opens_in_capitals(tokens: list[Token]) -> bool:
    """"CAIRO (Reuters) -": a dateline's city in capitals (Arabic has no case: always true)."""
    return bool(tokens) and tokens[0].text == tokens[0].text.upper()


def _home_of(pieces: list[_Piece], lexicon: Lexicon) -> Entity | None:
    """The state a dateline's place stands for."""
    for piece in pieces:
        entity = piece.name.entity if piece.name else None
        if entity is None:
            continue
        state = entity if entity.type == "state" else lexicon.actors.entities.get(
            entity.country or "")
        if state is not None and state.type == "state":
            return state
    return None


def named_office_holders(mentions: list[Mention], lexicon: Lexicon) -> dict[str, Entity]:
    """The first person the document names by name in each office, by the id the office has
    when no name is given ("TUR_FOREIGN_MINISTER": Hakan Fidan), so that a headline's "Turkey's
    foreign minister" is the minister its story names below."""
    actors = lexicon.actors
    holders: dict[str, Entity] = {}
    for mention in mentions:
        role = actors.roles.get(actors.offices.get(mention.entity.id, ""))
        state = actors.entities.get(mention.entity.country or "")
        if mention.kind == "name" and role is not None and state is not None and (
                state.type == "state"):
            holders.setdefault(actors.role_entity(role, state).id, mention.entity)
    return holders


def _with_counterparts(mentions: list[Mention], sentence: Sentence, lexicon: Lexicon,
                       discourse: Discourse) -> list[Mention]:
    """"التقى وزير الخارجية المصري نظيره الإيراني": a counterpart holds the office of the person
    named before it, in the counterpart's state: Iran's foreign minister (its holder by name when
    the text has named one)."""
    actors = lexicon.actors
    found: list[Mention] = []
    for mention in mentions:
        state = actors.entities.get(mention.entity.country or "")
        if mention.entity.id.endswith(f"_{_COUNTERPART.upper()}") and state is not None and (
                state.type == "state"):
            earlier = [m for m in found if m.entity.type == "person" and m.kind in {"name", "role"}]
            office = _office_of(earlier[-1].entity, lexicon, discourse) if earlier else None
            if office is not None:
                named = [e for e in discourse.holders.get(office.id, [])
                         if e.country == state.country]
                holder = named[-1] if named else actors.role_entity(office, state)
                mention = _mention(sentence, mention.token_start, mention.token_end, holder,
                                   mention.kind)
        found.append(mention)
    return found


def _office_of(person: Entity, lexicon: Lexicon, discourse: Discourse) -> Role | None:
    """The office a person holds: listed with the name, named for it earlier in the text, or
    the role an office mention was made of ("EGY_FOREIGN_MINISTER")."""
    roles = lexicon.actors.roles
    listed = lexicon.actors.offices.get(person.id) or next(
        (role for role, holders in discourse.holders.items() if person in holders), None)
    if listed is None:
        listed = next((role for role in roles if role != _COUNTERPART
                       and person.id.endswith(f"_{role.upper()}")), None)
    role = roles.get(listed or "")
    return role if role is not None and role.kind == "person" and role.resolves == "self" else None


def _learn(discourse: Discourse, mentions: list[Mention], lexicon: Lexicon) -> None:
    """Office holders named by name ("جوزيف عون"), and a home state from the first office or
    state body when no dateline gave one."""
    entities = lexicon.actors.entities
    for mention in mentions:
        entity = mention.entity
        office = lexicon.actors.offices.get(entity.id)
        if office is not None and mention.kind == "name":
            discourse.remember(office, entity)
        if mention.kind == "name" and office is not None and (
                mention.token_end - mention.token_start > 1):
            discourse.surnames[_last_key(mention)] = entity
        state = entities.get(entity.country or "")
        if (discourse.home is None and mention.kind in {"name", "role"} and state is not None
                and state.type == "state" and entity.type in {"person", "organization"}):
            discourse.home = state


def _last_key(mention: Mention) -> str:
    return _surname_key(mention.span.text.split())


def _with_holder_names(mentions: list[Mention], sentence: Sentence, lexicon: Lexicon,
                       discourse: Discourse) -> list[Mention]:
    """"وزير الخارجية السوداني علي يوسف الشريف", "المتحدث باسم الجيش العميد نبيل X": an
    office followed by a name the lexicon lacks is that name's holder. The office's owner and
    sector stand for the person; the mention spans the name, so that the name's words are
    nobody else and a later surname finds the holder."""
    tokens = sentence.tokens
    # a group noun may be a word of a name ("أحمد معلم فقي"): only other actors end it
    covered = {t for m in mentions if not _loose_word(m)
               for t in range(m.token_start, m.token_end)}
    found: list[Mention] = []
    for mention in mentions:
        if found and found[-1].token_end > mention.token_start:
            continue  # a word of the name, or the posting, before
        if mention.kind != "role" or not _opens_with_office(tokens, mention, lexicon):
            found.append(mention)
            continue
        posted = _posting_end(tokens, mention, mentions, lexicon)
        holder = next((m for m in mentions if m.token_start == posted and m.kind == "name"
                       and m.entity.type == "person"), None)
        if holder is not None:  # "المبعوث الأممي إلى اليمن هانس غروندبرغ"
            discourse.replace(mention.entity, holder.entity)
            found.append(_mention(sentence, mention.token_start, holder.token_end,
                                  holder.entity, "name"))
            continue
        listed = posted < len(tokens) and tokens[posted].key in lexicon.actors.given_names
        if listed or not _owned(tokens, mention, lexicon):
            end = _name_end(tokens, posted, covered, lexicon)
        else:
            end = _foreign_name_end(tokens, posted, covered, lexicon)
        known = next((m for m in mentions if m.token_start == end and m.kind == "name"
                      and m.entity.type == "person"), None) if end > posted else None
        if known is not None:  # "وزير الخارجية عبداللطيف بن راشد الزياني": a longer form
            discourse.replace(mention.entity, known.entity)
            found.append(_mention(sentence, mention.token_start, known.token_end,
                                  known.entity, "name"))
            continue
        if end > posted:
            holder = _unknown_holder(sentence, posted, end, mention.entity)
            discourse.replace(mention.entity, holder)
            mention = _mention(sentence, mention.token_start, end, holder, "name")
            discourse.surnames[_surname_key([t.text for t in tokens[posted:end]])] = holder
        elif end > mention.token_end:
            mention = _mention(sentence, mention.token_start, end, mention.entity, "role")
        found.append(mention)
    return found


def _unknown_holder(sentence: Sentence, start: int, end: int, office: Entity) -> Entity:
    """A person the lexicon lacks, named after (or before) an office: the person, not the
    office, acts; the office gives the country and sector ("رئيس الوزراء النيجري علي X")."""
    words = " ".join(t.text for t in sentence.tokens[start:end])
    key = "_".join(arabic_key(t.text) for t in sentence.tokens[start:end])
    return Entity(id=f"UNLINKED_{key}", name=words, type="person", country=office.country,
                  sector=office.sector, linked=False, label_ar=words)


# the first word of a two-word family name ("عبد الله", "أبو الغيط", "ولد مرزوك")
_FAMILY_PREFIXES = {arabic_key(w) for w in ("عبد", "أبو", "أبي", "بن", "ابن", "ولد", "آل", "بو")}
_COUNTERPART = "counterpart"  # the role in roles.tsv of "نظيره", "his counterpart"
_LINEAGE = {arabic_key(w) for w in ("بن", "ابن", "بنت", "آل")}  # "تميم بن حمد آل ثاني"
_FAMILY_SUFFIXES = {arabic_key(w) for w in ("الله", "الدين")}  # "غلام الله", "نور الدين"


def _surname_key(words: list[str]) -> str:
    """How news names a person again: the last word, or the last two where the family name
    is a compound ("ودعا غلام الله", "وقال ولد مرزوك")."""
    keys = [arabic_key(word) for word in words]
    if len(keys) > 2 and (keys[-2] in _FAMILY_PREFIXES or keys[-1] in _FAMILY_SUFFIXES):
        return " ".join(keys[-2:])
    return keys[-1]


def _is_posting(tokens: list[Token], office: Mention, lexicon: Lexicon) -> bool:
    """The office is one held abroad ("السفير الأمريكي في بغداد", "المبعوث الأممي في ليبيا")."""
    return any(role.id in _POSTINGS for role in _opening_roles(tokens, office, lexicon))


def _posting_end(tokens: list[Token], office: Mention, mentions: list[Mention],
                 lexicon: Lexicon) -> int:
    """The end of where an envoy or ambassador is posted ("المبعوث الأمريكي الخاص إلى
    السودان", "السفيرة الأمريكية لدى بغداد"), or of the office itself."""
    j = office.token_end
    if j < len(tokens) and arabic_key(tokens[j].text) not in _POSTED_TO and (
            tokens[j].text.isalpha() and all(m.token_start != j for m in mentions)):
        j += 1  # "الخاص"
    if j >= len(tokens) or arabic_key(tokens[j].text) not in _POSTED_TO:
        return office.token_end
    if arabic_key(tokens[j].text) == arabic_key("في") and not _is_posting(tokens, office, lexicon):
        return office.token_end  # "استقبل ولي العهد في الرياض الرئيس السوري": where he is
    where = next((m for m in mentions if m.token_start == j + 1), None)
    if where is None or not (where.entity.type in {"state", "place"}
                             or where.entity.country in _POSTS_AT_BODIES):
        return office.token_end  # "لدى الأمم المتحدة", "إلى الاتحاد الأوروبي": a body too
    return where.token_end


def _opens_with_office(tokens: list[Token], mention: Mention, lexicon: Lexicon) -> bool:
    """The mention starts with a person's office ("المتحدث باسم الجيش"), not a group."""
    return any(role.kind == "person" for role in _opening_roles(tokens, mention, lexicon))


def _opening_roles(tokens: list[Token], mention: Mention, lexicon: Lexicon) -> list[Role]:
    """The role nouns the lexicon reads at the mention's first word."""
    match = lexicon.actors.index.match_at(tokens, mention.token_start)
    return [v for v in match.values if isinstance(v, Role)] if match is not None else []


def _loose_word(mention: Mention) -> bool:
    """One word naming a generic group ("معلم" in "أحمد معلم فقي")."""
    return (mention.kind == "role" and (mention.entity.type == "group"
                                        or mention.entity.sector == "CVL")
            and mention.token_end - mention.token_start == 1)


def _name_end(tokens: list[Token], start: int, covered: set[int], lexicon: Lexicon) -> int:
    """The end of a name of two to four words opening with a first name ("علي يوسف الشريف",
    "محمد بن عبد الرحمن"), after titles ("الفريق أول"); a family name with the article ends
    it; ``start`` when there is none."""
    grammar = lexicon.grammar["ar"]
    j = start
    while j < len(tokens) and (title := grammar.match_at(tokens, j)) is not None and (
            "title" in title.values):
        j = title.end
    if j >= len(tokens):
        return start
    if j in covered or not _opens_name(tokens, j, j > start, covered, lexicon):
        return start
    end = j + 1
    while end < min(len(tokens), j + _NAME_WORDS) and _is_name_word(tokens, end, covered,
                                                                    lexicon):
        if tokens[end].key.startswith("ال") and end - j >= _FULL_NAME and not (
                tokens[end].key.endswith(("ي", "يه")) or tokens[end].key in _FAMILY_SUFFIXES):
            break  # "عمار بن جامع الموقف": after a full name, only a nisba is a family name
        end += 1
        if tokens[end - 1].key.startswith("ال") and tokens[end - 2].key not in _NAME_OPENERS:
            break  # a family name with the article ends the name, "عبد الرحمن" does not
    return end if end - j >= 2 else start


def _owned(tokens: list[Token], office: Mention, lexicon: Lexicon) -> bool:
    """The office ends with its owner's name or nationality ("وزير الخارجية الإستوني")."""
    match = lexicon.actors.index.match_at(tokens, office.token_end - 1)
    return match is not None and any(isinstance(v, ActorName) for v in match.values)


def _foreign_name_end(tokens: list[Token], start: int, covered: set[int],
                      lexicon: Lexicon) -> int:
    """After an office with its owner ("وزير الخارجية الإستوني مارغوس تساهكنا"), a name too
    foreign for the list of first names: two or three plain words, none with the article or a
    feminine ending (the nouns that follow a verb's subject have them: "ضرورة", "أهمية"),
    closed by punctuation, another actor or a function word rather than a further plain word."""
    if _title_words(tokens, start, lexicon):
        return _name_end(tokens, start, covered, lexicon)
    end = start
    while end < min(len(tokens), start + _FOREIGN_NAME_WORDS) and _is_name_word(
            tokens, end, covered, lexicon) and not tokens[end].key.startswith("ال") and (
            not tokens[end].text.endswith("ة")):
        end += 1
    closed = end >= len(tokens) or not _is_name_word(tokens, end, covered, lexicon)
    return end if end - start >= 2 and closed else start


def _opens_name(tokens: list[Token], j: int, titled: bool, covered: set[int],
                lexicon: Lexicon) -> bool:
    """A known first name, or after a title ("سعادة السيد ورقنه X") any plain word without
    the article: a title announces a name, and foreign names are too many to list."""
    if tokens[j].key in lexicon.actors.given_names:
        return True
    return titled and not tokens[j].key.startswith("ال") and _is_name_word(tokens, j, covered,
                                                                            lexicon)


def _with_offices_after_names(mentions: list[Mention], sentence: Sentence, lexicon: Lexicon,
                              discourse: Discourse) -> list[Mention]:
    """Gulf agencies write the name first, then the office: "الأمير فيصل بن فرحان بن عبدالله
    وزير الخارجية،", "معالي جورج X وزير خارجية اليونان". A bare office after a person's name
    (two plain words may stand between) is that person's title, not a second actor; an office
    with its owner after a titled name the lexicon lacks makes that name its holder."""
    tokens = sentence.tokens
    covered = {t for m in mentions for t in range(m.token_start, m.token_end)}
    found: list[Mention] = []
    for mention in mentions:
        previous = found[-1] if found else None
        if mention.kind != "role" or not _opens_with_office(tokens, mention, lexicon):
            found.append(mention)
            continue
        gap = range(previous.token_end, mention.token_start) if previous else range(0)
        if (previous is not None and previous.kind == "name" and previous.entity.type == "person"
                and len(gap) <= 2 and mention.entity.type == "person"
                and previous.entity.country == mention.entity.country
                and all(tokens[k].text in {",", "،"} or _is_name_word(tokens, k, covered, lexicon)
                        for k in gap)):
            found[-1] = _mention(sentence, previous.token_start, mention.token_end,
                                 previous.entity, "name")
            discourse.replace(mention.entity, previous.entity)
            continue
        start = _titled_name_before(tokens, mention.token_start, covered, lexicon)
        if start is not None and mention.entity.country is not None:
            named = start + _title_words(tokens, start, lexicon)
            holder = _unknown_holder(sentence, named, mention.token_start, mention.entity)
            discourse.replace(mention.entity, holder)
            discourse.surnames[_surname_key([t.text for t in tokens[named:mention.token_start]])
                               ] = holder
            mention = _mention(sentence, start, mention.token_end, holder, "name")
        found.append(mention)
    return found


def _with_titles_of_known_names(mentions: list[Mention], sentence: Sentence,
                                lexicon: Lexicon) -> list[Mention]:
    """Gulf agencies follow a known name with the rest of its lineage and the offices it holds:
    "الشيخ تميم بن حمد آل ثاني أمير البلاد المفدى", "الشيخ X رئيس مجلس الوزراء وزير الخارجية".
    The lineage, an office with no owner or with "البلاد" (the home state), and the epithets
    after it are that person's title, not further actors."""
    tokens = sentence.tokens
    grammar = lexicon.grammar["ar"]
    found: list[Mention] = []
    for mention in mentions:
        if found and mention.token_start < found[-1].token_end:
            continue  # inside the title just read
        if mention.kind == "name" and mention.entity.type == "person" and (
                mention.entity.id in lexicon.actors.offices):
            own = lexicon.actors.offices[mention.entity.id]
            end = _title_end(tokens, mention.token_end, own, mentions, lexicon, grammar)
            if end > mention.token_end:
                mention = _mention(sentence, mention.token_start, end, mention.entity, "name")
        found.append(mention)
    return found


def _title_end(tokens: list[Token], j: int, own: str, mentions: list[Mention],
               lexicon: Lexicon, grammar) -> int:
    """The end of the lineage and owner-less offices that follow a known name at ``j``: an
    office the person holds, one said of "البلاد", or one more after those."""
    end, titled = j, False
    while j < len(tokens):
        if tokens[j].key in _LINEAGE and j + 1 < len(tokens) and tokens[j + 1].text.isalpha():
            j = end = j + 2  # "بن حمد", "آل ثاني": the particle and the name after it
            continue
        start = j + 1 if tokens[j].text in {",", "،"} else j  # "الشيخ X، ولي العهد"
        office = lexicon.actors.index.match_at(tokens, start) if start < len(tokens) else None
        roles = [v for v in office.values if isinstance(v, Role) and v.kind == "person"
                 ] if office is not None else []
        if office is None or not roles:
            break
        j = office.end
        home = grammar.match_at(tokens, j) if j < len(tokens) else None
        if home is not None and "home_state" in home.values:
            j = home.end
        elif any(m.token_start <= j < m.token_end for m in mentions) or not (
                titled or any(role.id == own for role in roles)):
            break  # an office with its owner ("أمير قطر") or someone else's
        while j < len(tokens) and (more := grammar.match_at(tokens, j)) is not None and (
                "epithet" in more.values):
            j = more.end
        end, titled = j, True
    return end


def _with_titled_names(mentions: list[Mention], sentence: Sentence, lexicon: Lexicon,
                       discourse: Discourse) -> list[Mention]:
    """"النائب حسن فضل الله", "الشيخ علي X": a title announces a person even with no office
    before it; the lexicon does not know the name, so neither its country nor its sector."""
    tokens = sentence.tokens
    covered = {t for m in mentions for t in range(m.token_start, m.token_end)}
    found: list[Mention] = []
    j = 0
    while j < len(tokens):
        titles = _title_words(tokens, j, lexicon) if j not in covered else 0
        end = _name_end(tokens, j, covered, lexicon) if titles else j
        if end > j + titles and not covered & set(range(j, end)):
            person = unlinked_person(sentence, j + titles, end).entity
            found.append(_mention(sentence, j, end, person, "name"))
            discourse.surnames[_surname_key([t.text for t in tokens[j + titles:end]])] = person
            j = end
            continue
        j += max(titles, 1)
    return sorted(mentions + found, key=lambda m: m.token_start)


def _title_words(tokens: list[Token], start: int, lexicon: Lexicon) -> int:
    """How many words of titles open a name at ``start`` ("معالي الدكتور")."""
    grammar = lexicon.grammar["ar"]
    j = start
    while j < len(tokens) and (title := grammar.match_at(tokens, j)) is not None and (
            "title" in title.values):
        j = title.end
    return j - start


def _titled_name_before(tokens: list[Token], end: int, covered: set[int],
                        lexicon: Lexicon) -> int | None:
    """Where a name of two to four plain words ending at ``end`` begins with its titles, when
    a title or a known first name opens it ("سعادة السيد ورقنه قبيهو"), or None."""
    for words in range(2, _NAME_WORDS + 1):
        first = end - words
        if first < 0 or not all(_is_name_word(tokens, k, covered, lexicon)
                                for k in range(first, end)):
            return None
        titles = _titles_ending_at(tokens, first, lexicon)
        if titles is not None or tokens[first].key in lexicon.actors.given_names:
            start = titles if titles is not None else first
            return start if _title_words(tokens, start, lexicon) == first - start else None
    return None


def _titles_ending_at(tokens: list[Token], end: int, lexicon: Lexicon) -> int | None:
    """The start of the titles right before ``end`` ("معالي الدكتور"), or None."""
    start = end
    while (begin := _start_of(lexicon.grammar["ar"], tokens, start, "title")) is not None:
        start = begin
    return start if start < end else None


def _is_name_word(tokens: list[Token], j: int, covered: set[int], lexicon: Lexicon) -> bool:
    """A plain word: no actor, function word, cue or trigger begins at it."""
    token = tokens[j]
    if j in covered or not token.text.isalpha() or len(token.key) < 2:
        return False
    if token.text in _NAMES_LIKE_PARTICLES:
        return True  # "علي" folds to the key of "على" but is written as a name
    return all(index.match_at(tokens, j) is None for index in (
        lexicon.grammar["ar"], lexicon.cues["ar"], lexicon.triggers["ar"]))


def _with_surnames(mentions: list[Mention], sentence: Sentence, lexicon: Lexicon,
                   discourse: Discourse) -> list[Mention]:
    """"وطالب سلام", "وأكد الشريف أن": a person named in full earlier in the document is then
    named by the last word of the name, as the subject right after a verb, a comma or "أن"."""
    if not discourse.surnames:
        return mentions
    tokens = sentence.tokens
    covered = {t for m in mentions for t in range(m.token_start, m.token_end)}
    starts = {m.token_start for m in mentions}
    found: list[Mention] = []
    for j in range(len(tokens)):
        if j in covered or (found and found[-1].token_end > j):
            continue
        width, person = _surname_at(tokens, j, discourse.surnames)
        if person is not None and j + width - 1 not in covered and _opens_subject(
                tokens, j, starts, lexicon):
            found.append(_mention(sentence, j, j + width, person, "name"))
    return sorted(mentions + found, key=lambda m: m.token_start)


def _surname_at(tokens: list[Token], j: int, surnames: dict[str, Entity]
                ) -> tuple[int, Entity | None]:
    """A two-word family name first ("غلام الله"), then a one-word one, starting at ``j``."""
    if j + 1 < len(tokens):
        second = arabic_key(tokens[j + 1].text)
        hit = next((surnames[f"{k} {second}"] for k in tokens[j].keys
                    if f"{k} {second}" in surnames), None)
        if hit is not None:
            return 2, hit
    return 1, next((surnames[k] for k in tokens[j].keys if k in surnames), None)


def _opens_subject(tokens: list[Token], j: int, starts: set[int], lexicon: Lexicon) -> bool:
    """Right after the sentence's first word, a word joined by و or ف that names nobody (a
    verb), a comma or a complementizer: where a subject stands ("وأكد X", "، أشاد X", "أن
    X")."""
    if j <= 1:
        return True
    previous = tokens[j - 1]
    if previous.text in {",", "،"}:
        return True
    if j - 1 not in starts and (previous.text[:1] in {"و", "ف"}
                                or tokens[j - 2].text in {",", "،"}):
        return True  # "وأكد X", "من جهته، أشاد X"
    return _ends_at(lexicon.grammar["ar"], tokens, j, "complementizer")


def _with_ethnic_groups(mentions: list[Mention], sentence: Sentence) -> list[Mention]:
    """"ethnic Albanians in Serbia", "ethnic Russians": a people named by its ethnicity is not
    the state of that name; it belongs to the state of the place it is said to live in, if any.
    """
    tokens = sentence.tokens
    out: list[Mention] = []
    for n, mention in enumerate(mentions):
        start = mention.token_start
        if start == 0 or tokens[start - 1].key != "ethnic" or mention.kind == "place":
            out.append(mention)
            continue
        where = mentions[n + 1] if n + 1 < len(mentions) else None
        home = where.entity.country if where is not None and where.kind == "place" and (
            where.token_start - mention.token_end <= _ETHNIC_HOME_REACH) else None
        entity = mention.entity
        group = Entity(id=f"ETHNIC_{entity.id}", name=f"ethnic {mention.span.text}",
                       type="group", country=home, sector=entity.sector or "CVL")
        out.append(_mention(sentence, start - 1, mention.token_end, group, "role"))
    return out


def _continues_places(tokens: list[Token], previous: Mention | None, mention: Mention) -> bool:
    """A name joined by "and" or a comma to a place is a place too ("in Tel Aviv and Haifa")."""
    if previous is None or previous.kind != "place":
        return False
    between = tokens[previous.token_end:mention.token_start]
    return 0 < len(between) <= 2 and all(t.key in _PLACE_LIST_GLUE for t in between)


def _piece(match: PhraseMatch) -> _Piece:
    names = tuple(v for v in match.values if isinstance(v, ActorName))
    roles = tuple(v for v in match.values if isinstance(v, Role))
    return _Piece(match.start, match.end, names, roles)


def _compose(pieces: list[_Piece], sentence: Sentence, lexicon: Lexicon,
             language: str, discourse: Discourse, offices: set[int]) -> list[Mention]:
    mentions: list[Mention] = []
    grammar = lexicon.grammar_matches(language, sentence.tokens)
    # "both sides in Doha" are the parties, met where they are: no owner from a place
    collectives = {m.end for m in grammar if "collective" in m.values}
    residence = {m.start: m.end for m in grammar
                 if "residence" in m.values and m.start not in collectives}
    i = 0
    while i < len(pieces):
        if language == "ar":
            mention, used = _compose_arabic(pieces, i, sentence, lexicon, discourse)
        else:
            mention, used = _compose_english(pieces, i, sentence, lexicon, residence,
                                             (mentions, discourse.home))
        if mention is not None:
            mentions.append(mention)
        i += used
    titles = {j for m in grammar if "title" in m.values for j in range(m.start, m.end)}
    if language == "en":
        starts = {p.start for p in pieces if p.roles and p.roles[0].kind == "person"}
        offices |= {m.token_end for m in mentions if m.kind == "role" and m.token_start in starts}
        briefs = {m.start for m in grammar if "brief" in m.values and m.end == m.start + 1}
        mentions = _with_briefs(mentions, sentence, offices, briefs)
        titles |= {m.token_end for m in mentions if m.token_end in offices
                   and m.token_end < len(sentence.tokens)
                   and sentence.tokens[m.token_end].text == ","}
    return _with_appositions(mentions, sentence, titles, discourse)


def _implied_owner(role: Role, earlier: list[Mention], home: Entity | None) -> Entity | None:
    """Whose office an owner-less English office is: for an office or a civil body, the last
    state the sentence named as an actor so far ("an Israeli official said the government
    ..."); else, and always for armed bodies, the dateline's state."""
    if role.sector in _OWNERLESS_BODY_SECTORS:
        return home
    for mention in reversed(earlier):
        if mention.entity.type == "state" and mention.kind != "place":
            return mention.entity
    return home


def _with_briefs(mentions: list[Mention], sentence: Sentence, offices: set[int],
                 briefs: set[int]) -> list[Mention]:
    """"the UN envoy for Libya", "the US ambassador to Israel": the state an office holder is
    sent to is part of the office's description, not an actor of its own (the office then
    ends after it, in ``offices``)."""
    merged: list[Mention] = []
    for mention in mentions:
        previous = merged[-1] if merged else None
        if (previous is not None and previous.token_end in offices
                and previous.token_end in briefs
                and mention.token_start == previous.token_end + 1
                and mention.entity.type in {"state", "place"}):
            merged[-1] = _mention(sentence, previous.token_start, mention.token_end,
                                  previous.entity, previous.kind)
            offices.add(mention.token_end)
            continue
        merged.append(mention)
    return merged


def _adjacent(tokens: list[Token], left: _Piece, right: _Piece, glue: set[str]) -> bool:
    between = tokens[left.end:right.start]
    return all(t.key in glue for t in between)


def _compose_arabic(pieces: list[_Piece], i: int, sentence: Sentence, lexicon: Lexicon,
                    discourse: Discourse) -> tuple[Mention | None, int]:
    """Role chain then owner: role+ (adjective | name). One word the lexicon does not know may
    stand between a role and an owning adjective ("وزارة الإعلام الإريترية", "وزير الدفاع
    الإسرائيلي" where the ministry is not listed)."""
    tokens = sentence.tokens
    j = i
    while j < len(pieces) and pieces[j].roles and not pieces[j].names:
        j += 1  # the role is part of the chain; a later piece only if it touches it
        if j < len(pieces) and (not _adjacent(tokens, pieces[j - 1], pieces[j], set())
                                or _starts_new_phrase(tokens, pieces[j - 1], pieces[j])):
            break
    roles = [p.roles[0] for p in pieces[i:j]]
    owner_piece = pieces[j] if j < len(pieces) and pieces[j].name else None
    if owner_piece and roles and _governs_from(tokens, pieces[j - 1], owner_piece, roles[-1],
                                               lexicon):
        entity = _resolve_chain(roles, owner_piece.name.entity, lexicon)
        return _mention(sentence, pieces[i].start, pieces[j - 1].end, entity, "role"), j - i + 1
    if owner_piece and roles:
        gap = owner_piece.start - pieces[j - 1].end
        between = tokens[pieces[j - 1].end] if gap == 1 else None
        # "وفد من حركة حماس", "وسطاء من سلطنة عمان": "from" links a group to its owner too
        affiliated = gap == 1 and (_is_affiliation(lexicon, tokens, pieces[j - 1].end) or (
            between is not None and between.key == "من" and roles[-1].kind == "group"))
        if gap > 2 or (gap >= 1 and not affiliated and (
                owner_piece.name.kind != "adjective"
                or not _takes_genitive(lexicon, tokens, pieces[j - 1], gap))) or (
                not affiliated and _disagrees(tokens, pieces[j - 1], owner_piece)):
            owner_piece = None
    if owner_piece:
        owner = owner_piece.name
        entity = _resolve_chain(roles, owner.entity, lexicon)
        if roles:
            discourse.remember(roles[0].id, entity)
        # "وزير الخارجية عباس عراقجي": an office followed by a person's name is that person
        kind = "role" if roles and owner.entity.type != "person" else owner.kind
        return _mention(sentence, pieces[i].start, owner_piece.end, entity, kind), j - i + 1
    if roles:
        end = i + 1
        while end < j and _continues_noun_phrase(tokens, pieces[end - 1], pieces[end]):
            end += 1
        mention = _ownerless_arabic(sentence, pieces[i], pieces[end - 1], roles, lexicon,
                                    discourse)
        if mention is None:
            mention = _ownerless_arabic_office(sentence, pieces[i], pieces[end - 1], roles[0],
                                               lexicon, discourse)
        return mention, end - i
    return None, 1


def _governs_from(tokens: list[Token], role: _Piece, place: _Piece, last: Role,
                  lexicon: Lexicon) -> bool:
    """"السلطات في نيامي", "الحكومة الانتقالية في باماكو", "المجلس العسكري الحاكم في النيجر":
    a government "in" a capital or state is that state's (one word may describe it first)."""
    between = tokens[role.end:place.start]
    entity = place.name.entity if place.name else None
    return (last.resolves == "owner" and last.kind == "organization" and entity is not None
            and entity.type == "state" and 1 <= len(between) <= 2
            and _ends_at(lexicon.cues["ar"], tokens, place.start, "locative")
            and all(t.text.isalpha() for t in between))


def _disagrees(tokens: list[Token], role: _Piece, owner: _Piece) -> bool:
    """A sound masculine plural that keeps its ن ("مستوطنون", "مسلحين") heads no genitive, and
    its adjective is no feminine singular: "اقتحم مستوطنون المسجد" and "هاجم المستوطنون قرية
    فلسطينية" are verb, subject and object, while "مسلحون فلسطينيون" and "مواطنين روس" are one
    group each."""
    if not _sound_plural(tokens[role.end - 1].key):
        return False
    return owner.name.kind != "adjective" or tokens[owner.end - 1].key.endswith("ه")


def _sound_plural(key: str) -> bool:
    # at least three letters before the ending: "أمين" (secretary) and "قانون" are no plurals
    return key.endswith(("ون", "ين")) and len(key.removeprefix("ال")) >= 6


def _takes_genitive(lexicon: Lexicon, tokens: list[Token], role: _Piece, gap: int) -> bool:
    """Whether the words between a role and an adjective belong to the role's phrase: after a
    construct head, its genitive and that genitive's adjective ("وزارة الإعلام الإريترية",
    "رئيس المخابرات العامة المصرية", "وزير الشؤون الاستراتيجية الإسرائيلي"); after a
    definite head, only one adjective of the nisba kind ("الحكومة الانتقالية السودانية"), not
    a noun ("وانتقد الرئيس الموقف الإثيوبي"); never a word for an event ("وأدان الرئيس
    الغارات الإسرائيلية")."""
    words = range(role.end, role.end + gap)
    if any(lexicon.triggers["ar"].match_at(tokens, k) is not None for k in words):
        return False
    if not tokens[role.start].key.lstrip("وف").startswith("ال"):  # a construct head
        return gap == 1 or all(tokens[k].key.startswith(("ال", "وال")) for k in words)
    return gap == 1 and tokens[role.end].key.endswith(("ي", "يه"))


def _ownerless_arabic_office(sentence: Sentence, first: _Piece, last: _Piece, role: Role,
                             lexicon: Lexicon, discourse: Discourse) -> Mention | None:
    """"وأدان الرئيس", "أكد وزير الخارجية", "أن الحكومة ترفض": a definite office or government
    named without its owner is the holder the document named before, else the home state's
    (the dateline's); an indefinite one ("وزير") is nobody in particular, unless "البلاد" (the
    country) owns it: "أمير البلاد" is the home state's."""
    tokens = sentence.tokens
    country = last.end < len(tokens) and _ends_at(lexicon.grammar["ar"], tokens, last.end + 1,
                                                  "home_state")
    if role.kind not in {"person", "organization"} or not (
            country or tokens_definite(sentence, last)):
        return None
    home = discourse.home
    if role.resolves == "owner":
        entity = home if role.kind == "organization" else None
        if entity is None and role.kind == "organization" and role.sector == "GOV":
            # "تظاهروا ضد الحكومة" with no state in sight: a government all the same
            entity = Entity(id=role.id.upper(), name=role.id.replace("_", " "), type="group",
                            sector=role.sector)
    else:
        entity = discourse.holder(role.id)
        if (entity is None and home is not None and role.sector in _HOME_SECTORS
                and role.id not in _POSTS_ABROAD):
            entity = lexicon.actors.role_entity(role, home)
    if entity is None:
        return None
    discourse.remember(role.id, entity)
    return _mention(sentence, first.start, last.end + int(country), entity, "role")


def tokens_definite(sentence: Sentence, piece: _Piece) -> bool:
    """The last word of a phrase carries the article ("الرئيس", "وزير الخارجية")."""
    return any(key.startswith("ال") for key in sentence.tokens[piece.end - 1].keys)


def _starts_new_phrase(tokens: list[Token], left: _Piece, right: _Piece) -> bool:
    """An indefinite role right after a definite one is not in its phrase ("رافق الوفد
    وسطاء": subject, then object); a definite head never takes an indefinite word."""
    word = tokens[right.start]
    genitive = word.text.lstrip("وف").startswith("لل")  # "المبعوث الخاص للرئيس": ل + article
    return (tokens[left.end - 1].key.startswith("ال") and right.roles != ()
            and not word.key.startswith("ال") and not genitive)


def _is_affiliation(lexicon: Lexicon, tokens: list[Token], j: int) -> bool:
    """"الطيران الحربي التابع للجيش السوداني": "belonging to" links a role to its owner."""
    return any(m.start == j and m.end == j + 1 and "affiliation" in m.values
               for m in lexicon.grammar_matches("ar", tokens))


def _stands_alone(role: Role) -> bool:
    """A group with a sector, or an armed or police body: an actor without an owner (the first
    such role of a chain names it: "عناصر الشرطة" are the police)."""
    armed_body = (role.kind == "organization" and role.resolves == "self"
                  and role.sector in _OWNERLESS_BODY_SECTORS)
    return armed_body or (role.kind == "group" and bool(role.sector))


def _continues_noun_phrase(tokens: list[Token], left: _Piece, right: _Piece) -> bool:
    """Whether a role noun right after another belongs to its noun phrase: a definite noun
    after an indefinite one is its genitive ("عناصر الشرطة"), a noun of the same definiteness
    and ending agrees with it as an adjective ("مسلحون مجهولون", "المهاجم الانتحاري");
    "مسلحون ... ضابطا" and "الشرطة المتظاهرين" are subject and object."""
    word, previous = tokens[right.start], tokens[left.end - 1]
    definite, head_definite = word.key.startswith("ال"), previous.key.startswith("ال")
    if definite and not head_definite:
        return True  # a construct: the head has no article, its genitive has
    if definite != head_definite:
        return False
    return _number_ending(word.key) == _number_ending(previous.key)


def _number_ending(key: str) -> str:
    return next((e for e in _ARABIC_NUMBER_ENDINGS if key.endswith(e)), "")


def _ownerless_arabic(sentence: Sentence, first: _Piece, last: _Piece, roles: list[Role],
                      lexicon: Lexicon, discourse: Discourse) -> Mention | None:
    """A role chain with no owner: Arabic news names doers and victims by plain nouns
    ("مسلحون مجهولون", "انتحاري", "الشرطة", "قوات الأمن", "سبعة أشخاص"). A group with a sector,
    or an armed or police body, is an actor of its own, named by the first such role, and spans
    the whole chain; offices and roles that only stand for an owner name nobody yet."""
    role = next((r for r in roles if _stands_alone(r)), None)
    if role is None:
        return None
    named = discourse.holder(role.id)
    if named is not None and tokens_definite(sentence, last):
        # "القوات المسلحة السودانية ... وقال إن الجيش": the body the document named
        return _mention(sentence, first.start, last.end, named, "role")
    if (role.sector == "CVL" and discourse.home is not None and discourse.dateline
            and role.id not in lexicon.assailants):
        # "مقتل 12 مدنيا" under a Khartoum dateline: the home state's civilians (not settlers
        # under a Doha dateline)
        return _mention(sentence, first.start, last.end,
                        lexicon.actors.role_entity(role, discourse.home), "role")
    name = role.name_template.replace("{owner}", "").strip()
    group = Entity(id=role.id.upper(), name=name, type="group", sector=role.sector)
    return _mention(sentence, first.start, last.end, group, "role")


def _compose_english(pieces: list[_Piece], i: int, sentence: Sentence, lexicon: Lexicon,
                     residence: dict[int, int],
                     context: tuple[list[Mention], Entity | None]) -> tuple[Mention | None, int]:
    """Owner then role chain ("Egypt's foreign minister"), role chain "of" owner, or a group
    or body "in" the place it belongs to ("rebels in Darfur", "police in Tehran"); an office
    or state body with none of these belongs to a state implied by the ``context`` (the
    sentence's mentions so far and the dateline's state)."""
    tokens = sentence.tokens
    piece = pieces[i]
    if piece.name:
        if (piece.name.kind == "adjective" and i + 1 < len(pieces)
                and pieces[i + 1].start == piece.end and pieces[i + 1].name
                and pieces[i + 1].name.kind == "people"):
            # "Bosnian Serbs", "Iraqi Turkmen": a people named by the state they live in
            return _mention(sentence, piece.start, pieces[i + 1].end, piece.name.entity,
                            "people"), 2
        j = i + 1
        while (j < len(pieces) and pieces[j].roles and not pieces[j].names
               and (_adjacent(tokens, pieces[j - 1], pieces[j], _POSSESSIVE)
                    or (j == i + 1 and _one_modifier_between(tokens, piece, pieces[j])))):
            j += 1
        roles = [p.roles[0] for p in pieces[i + 1:j]]
        entity = _resolve_chain(list(reversed(roles)), piece.name.entity, lexicon)
        kind = "role" if roles else piece.name.kind
        return _mention(sentence, piece.start, pieces[j - 1].end, entity, kind), j - i
    if piece.roles:
        j = i + 1
        while j < len(pieces) and pieces[j].roles and not pieces[j].names and _adjacent(
                tokens, pieces[j - 1], pieces[j], set()):
            j += 1
        roles = [p.roles[0] for p in pieces[i:j]]
        owner = _owner_after(tokens, pieces[j - 1], pieces[j] if j < len(pieces) else None,
                             roles, lexicon, residence)
        possessed = piece.start > 0 and tokens[piece.start - 1].key in _POSSESSIVE_PRONOUNS
        if owner is not None and possessed and tokens[pieces[j - 1].end].key == "from":
            owner = None  # "withdrew its troops from Somalia": "its" owns them, not Somalia
        if owner is not None:
            entity = _resolve_chain(roles, owner, lexicon)
            return _mention(sentence, piece.start, pieces[j].end, entity, "role"), j - i + 1
        if possessed:
            owner = _possessive_owner(roles[-1], context[0], lexicon)
            if owner is not None:
                entity = _resolve_chain(roles, owner, lexicon)
                return _mention(sentence, piece.start - 1, pieces[j - 1].end, entity,
                                "role"), j - i
        if _takes_implied_owner(roles, tokens, piece.start):
            implied = _implied_owner(roles[-1], *context)
            return _ownerless_office(sentence, piece, pieces[j - 1], roles, implied, lexicon), j - i
        return _collective_or_none(sentence, piece, roles[0]), j - i
    return None, 1


def _possessive_owner(role: Role, earlier: list[Mention], lexicon: Lexicon) -> Entity | None:
    """"Bosnian Serbs said their forces withdrew", "Egypt urged Israel to pull out its troops":
    a body or group with a possessive pronoun belongs to the nearest actor named before it in
    the sentence (a person's is his state's, unless he leads an armed group). An office ("his
    counterpart", "her deputy") is someone else's."""
    if role.kind == "person":
        return None
    for mention in reversed(earlier):
        entity = mention.entity
        if mention.kind in {"place", "adjective"} or not entity.linked or entity.type == "place":
            continue  # "a key U.S. ally": an adjective modifies, it is no antecedent
        if entity.type != "person":
            return entity
        state = lexicon.actors.entities.get(entity.country or "")
        return state if state is not None and entity.sector != "REB" else None
    return None


def _takes_implied_owner(roles: list[Role], tokens: list[Token], start: int) -> bool:
    """A state office or body ("the foreign minister", "the army", "the government"), not one
    owned by a possessive ("his counterpart", "its forces"), nor the parties counted ("the two
    forces", "both armies"), nor a group role."""
    if start > 0 and tokens[start - 1].key in _NOT_IMPLIED_AFTER:
        return False
    role = roles[-1]
    return role.kind in {"person", "organization"} and role.sector in _IMPLIED_OWNER_SECTORS


def _ownerless_office(sentence: Sentence, first: _Piece, last: _Piece, roles: list[Role],
                      implied: Entity | None, lexicon: Lexicon) -> Mention | None:
    """The office of the implied state; with none, a person's office still tells the type and
    sector of the unknown name after it ("Foreign Minister Yvan Gil"), as an "office" mention
    that names nobody on its own."""
    if implied is not None:
        entity = _resolve_chain(roles, implied, lexicon)
        return _mention(sentence, first.start, last.end, entity, "role")
    role = roles[0]
    if role.kind != "person" or role.resolves != "self":
        return None
    name = role.name_template.replace("{owner}", "").strip()
    holder = Entity(id=role.id.upper(), name=name, type="person", sector=role.sector,
                    linked=False)
    return _mention(sentence, first.start, last.end, holder, "office")


def _one_modifier_between(tokens: list[Token], owner: _Piece, role: _Piece) -> bool:
    """"Irish nationalist guerrillas", "Iran's religious leader", "Palestinian armed groups":
    one lower-case word the lexicon does not know may stand between an owner and its role."""
    between = tokens[owner.end:role.start]
    if between and between[0].text in _POSSESSIVE:
        between = between[1:]
    elif owner.name is None or owner.name.kind != "adjective":
        return False  # "Armenia freed prisoners": a verb, not a modifier
    return len(between) == 1 and between[0].text.isalpha() and between[0].text.islower()


def _owner_after(tokens: list[Token], last: _Piece, following: _Piece | None, roles: list[Role],
                 lexicon: Lexicon, residence: dict[int, int]) -> Entity | None:
    """The owner named after an English role chain: "the foreign minister of Egypt"; for groups
    and bodies, the state of the place they are in ("protesters in Tehran", "rebels in the
    Ivory Coast", "militants in Gaza"), never where an office holder happens to be."""
    if following is None or following.name is None:
        return None
    between = tokens[last.end:following.start]
    if (all(t.key in _OF for t in between)
            and (between or following.name.kind == "name")):  # "the opposition Unitary Platform"
        return following.name.entity
    if (between and between[0].key in _OF and following.name.kind == "name"
            and _modifiers_only(between[1:])):
        return following.name.entity  # "the commander of the Kurdish-led SDF"
    if (between and between[0].key == "for" and following.name.kind == "name"
            and following.name.entity.type in {"organization", "armed_group"}
            and all(t.key in _DETERMINERS for t in between[1:])):
        # "a spokesman for the Houthis" speaks for them; "the envoy for Libya" is sent there
        return following.name.entity
    if (last.end not in residence or any(r.kind == "person" for r in roles)
            or following.name.kind == "adjective"
            or not all(t.key in _DETERMINERS for t in tokens[residence[last.end]:following.start])):
        return None
    owner = following.name.entity
    if owner.type == "place":
        return lexicon.actors.entities.get(owner.country or "")
    return owner if owner.type == "state" else None


def _modifiers_only(words: list[Token]) -> bool:
    """"the", "the Kurdish-led", "the Iranian-backed", "the powerful": a determiner and a few
    modifiers between "of" and the owner's name (a capitalised word only before a hyphen)."""
    if len(words) > _OWNER_MODIFIERS or all(t.key in _DETERMINERS for t in words):
        return False  # "the foreign ministers of the DRC and Rwanda" stay the states
    return all(t.key in _DETERMINERS or t.text == "-" or (t.text.isalpha() and t.text.islower())
               or (n + 1 < len(words) and words[n + 1].text == "-")
               for n, t in enumerate(words))


def _resolve_chain(roles: list[Role], owner: Entity, lexicon: Lexicon) -> Entity:
    """Apply roles from the one nearest the owner outwards: "head of [intelligence of Turkey]"."""
    entity = owner
    for role in reversed(roles):
        if role.resolves == "self" and entity.type != "person":
            # offices before a person's name are titles, and a second office of the same
            # person is a parallel title, not a nesting
            entity = lexicon.actors.role_entity(role, entity)
    return entity


def _collective_or_none(sentence: Sentence, piece: _Piece, role: Role) -> Mention | None:
    """An owner-less role: a group role is a group of its own ("المدنيين" -> civilians); an
    office or a role standing for an unnamed owner names nobody yet ("the two sides" and the
    like are collectives, found from grammar.tsv)."""
    if role.kind == "group" and role.resolves == "self":
        name = role.name_template.replace("{owner}", "").strip()
        group = Entity(id=role.id.upper(), name=name, type="group", sector=role.sector)
        return _mention(sentence, piece.start, piece.end, group, "role")
    return None


def _mention(sentence: Sentence, start: int, end: int, entity: Entity, kind: str) -> Mention:
    first, last = sentence.tokens[start], sentence.tokens[end - 1]
    text = sentence.text[first.start - sentence.start:last.end - sentence.start]
    return Mention(Span(text, first.start, last.end), entity, sentence.index, start, end, kind)


def _with_appositions(mentions: list[Mention], sentence: Sentence, titles: set[int],
                      discourse: Discourse) -> list[Mention]:
    """An office, a body or a state directly followed by a person's name is that person:
    "رئيس الاستخبارات التركية إبراهيم قالن", "Hamas leader Khalil al-Hayya", "الأمين العام للأمم
    المتحدة أنطونيو غوتيريش"; a title may stand between ("الشيخ", "Sheikh")."""
    merged: list[Mention] = []
    for mention in mentions:
        previous = merged[-1] if merged else None
        gap = range(previous.token_end, mention.token_start) if previous else range(0)
        if previous is not None and _is_apposition(previous, mention) and all(
                j in titles for j in gap):
            merged[-1] = _mention(sentence, previous.token_start, mention.token_end,
                                  mention.entity, "name")
            discourse.replace(previous.entity, mention.entity)
        else:
            merged.append(mention)
    return merged


def _is_apposition(previous: Mention, mention: Mention) -> bool:
    if mention.kind != "name" or mention.entity.type != "person":
        return False
    return previous.kind in {"role", "office"} or previous.entity.type in {"organization",
                                                                           "armed_group"}


def _with_trailing_offices(mentions: list[Mention], sentence: Sentence,
                           offices: set[int]) -> list[Mention]:
    """"Abdullah bin Zayed, the UAE's foreign minister,", "Yvan Gil, Venezuela's foreign
    minister,": an office set off by a comma after a name is that person's; an unknown name
    takes the office's country and sector."""
    tokens = sentence.tokens
    merged: list[Mention] = []
    for mention in mentions:
        previous = merged[-1] if merged else None
        gap = tokens[previous.token_end:mention.token_start] if previous else []
        if (previous is None or mention.kind != "role" or mention.token_end not in offices
                or previous.entity.type not in {"person", "group"}
                or previous.kind not in {"name", "unlinked"}
                or not gap or gap[0].text != ","
                or not all(t.key in _APPOSITION_DETERMINERS for t in gap[1:])):
            merged.append(mention)
            continue
        holder = previous.entity
        if not holder.linked and holder.country is None:
            office = mention.entity
            holder = Entity(id=holder.id, name=holder.name, type="person",
                            country=office.country, sector=office.sector, linked=False)
        merged[-1] = _mention(sentence, previous.token_start, previous.token_end, holder,
                              previous.kind)
    return [m for m in merged if m.kind != "office"]


def _after_locative(tokens: list[Token], start: int, lexicon: Lexicon, language: str) -> bool:
    """Whether a locative cue (في، in, at) ends right before ``start``, possibly followed by a
    place noun ("في العاصمة أنقرة", "in the capital, Ankara")."""
    cues, grammar = lexicon.cues[language], lexicon.grammar[language]
    j = start
    for _step in range(3):
        if j <= 0:
            return False
        if _ends_at(grammar, tokens, j, "place_head") or (
                tokens[j - 1].text == "of" and _ends_at(grammar, tokens, j - 1, "place_head")):
            return True  # "العاصمة أنقرة", "شوارع يريفان", "the city of Kirkuk": a place
        if tokens[j - 1].text in {"the", ","} or _ends_at(grammar, tokens, j, "place_modifier"):
            j -= 1
            continue
        return _ends_at(cues, tokens, j, "locative")
    return False


def _ends_at(index, tokens: list[Token], end: int, label: str) -> bool:
    return _start_of(index, tokens, end, label) is not None


def _start_of(index, tokens: list[Token], end: int, label: str) -> int | None:
    """The start of a phrase labelled ``label`` (a cue or grammar role) that ends at ``end``."""
    for begin in range(max(0, end - 3), end):
        match = index.match_at(tokens, begin)
        if match and match.end == end and any(getattr(v, "cue", v) == label for v in match.values):
            return begin
    return None


def _with_collectives(mentions: list[Mention], sentence: Sentence, lexicon: Lexicon,
                      language: str) -> list[Mention]:
    """"الطرفان", "the two sides": placeholders the discourse stage resolves to the parties."""
    covered = {t for m in mentions for t in range(m.token_start, m.token_end)}
    extra = []
    for match in lexicon.grammar_matches(language, sentence.tokens):
        if covered & set(range(match.start, match.end)):
            continue
        # "أن الطرفين اتفقا": after "أن" and "إن" the oblique form is the subject
        oblique = PARTIES_ID if _ends_at(lexicon.grammar[language], sentence.tokens,
                                         match.start, "complementizer") else OBJECT_PARTIES_ID
        for role, entity_id in (("collective", PARTIES_ID), ("collective_oblique", oblique)):
            if role in match.values:
                placeholder = Entity(id=entity_id, name="parties", type="group", linked=False)
                extra.append(_mention(sentence, match.start, match.end, placeholder, "collective"))
    return sorted(mentions + extra, key=lambda m: m.token_start)


def _name_places_of_documents(mentions: list[Mention], sentence: Sentence,
                              lexicon: Lexicon) -> None:
    """"إعلان أنقرة", "منبر جدة", "«اتفاق الرياض»": a city after the name of a document,
    track or meeting is where it was made, not an actor (unless a second actor follows: "اتفاق
    واشنطن وطهران" names its parties)."""
    tokens = sentence.tokens
    starts = {m.token_start for m in mentions}
    for mention in mentions:
        j = mention.token_start
        if mention.kind != "metonym" or j == 0:
            continue
        head = j - 1 if tokens[j - 1].text not in _QUOTES else j - 2
        joined = mention.token_end < len(tokens) and tokens[mention.token_end].text[:1] == "و" \
            and mention.token_end in starts
        if head >= 0 and not joined and _ends_at(lexicon.grammar["ar"], tokens, head + 1,
                                                 "named_after"):
            mention.kind = "place"


def _with_described_parties(mentions: list[Mention], sentence: Sentence) -> list[Mention]:
    """"بين الوفدين الروسي والأوكراني", "وفدين روسي وأمريكي": a dual described by two
    nationality adjectives names those two states, not parties to be found elsewhere."""
    out: list[Mention] = []
    n = 0
    while n < len(mentions):
        mention = mentions[n]
        run = _adjectives_after(mentions, n, sentence)
        if mention.kind == "collective" and len(run) >= 2:
            out.extend(_mention(sentence, m.token_start, m.token_end, m.entity, "role")
                       for m in run)
            n += len(run) + 1
            continue
        out.append(mention)
        n += 1
    return out


def _adjectives_after(mentions: list[Mention], n: int, sentence: Sentence) -> list[Mention]:
    """The nationality adjectives right after mention ``n``, joined by nothing or by و."""
    run: list[Mention] = []
    end = mentions[n].token_end
    for following in mentions[n + 1:]:
        if following.kind != "adjective" or following.token_start != end:
            break
        if run and not sentence.tokens[following.token_start].text.startswith("و") and (
                following.entity.type != "state"):
            break
        run.append(following)
        end = following.token_end
    return run


def _with_possessed_roles(mentions: list[Mention], sentence: Sentence,
                          lexicon: Lexicon) -> list[Mention]:
    """"قال الجيش الأمريكي إن قواته قتلت ...", "أعلنت حماس أن عناصرها": a role noun with a
    possessive pronoun belongs to the nearest actor before it."""
    covered = {t for m in mentions for t in range(m.token_start, m.token_end)}
    homeland = {m.start for m in lexicon.grammar_matches("ar", sentence.tokens)
                if "homeland" in m.values and m.end == m.start + 1}
    found: list[Mention] = []
    for j, token in enumerate(sentence.tokens):
        role = None if j in covered or j in homeland else _possessed_role(token, lexicon)
        if role is None and j not in homeland:
            continue
        owners = [m for m in mentions if m.token_end <= j and m.kind in {"name", "role",
                                                                          "metonym"}]
        if not owners:
            continue
        owner = max(owners, key=lambda m: m.token_end).entity
        state = lexicon.actors.entities.get(owner.country or "")
        if owner.type == "organization" and owner.sector == "GOV" and state is not None and (
                state.type == "state"):
            owner = state  # "قالت وزارة الدفاع التركية إن مقاتلاتها": the state's aircraft
        if role is not None:
            found.append(_mention(sentence, j, j + 1, _resolve_chain([role], owner, lexicon),
                                  "role"))
        elif owner.country in lexicon.actors.entities:
            # "قال الرئيس الأمريكي إن بلاده ستواصل ...": his country is the owner's state
            state = lexicon.actors.entities[owner.country]
            found.append(_mention(sentence, j, j + 1, state, "role"))
    return sorted(mentions + found, key=lambda m: m.token_start)


def _possessed_role(token: Token, lexicon: Lexicon) -> Role | None:
    """The armed or group role a word names once its possessive pronoun is taken off."""
    if arabic_key(token.text).endswith("ه") and not token.text.rstrip(_HARAKAT).endswith("ه"):
        return None  # a ta marbuta ("العسكرية") is no pronoun
    for key in token.keys:
        for suffix in ARABIC_PRONOUN_SUFFIXES:
            stem = key[:-len(suffix)]
            if not key.endswith(suffix) or len(stem) < 3:
                continue
            bare = Token(token.text, token.start, token.end, (stem, *strip_proclitics(stem)))
            match = lexicon.actors.index.match_at([bare], 0)
            roles = [v for v in match.values if isinstance(v, Role)] if match else []
            if roles and roles[0].resolves == "self" and roles[0].sector in _POSSESSED_SECTORS:
                return roles[0]
    return None


def _with_unlinked_names(mentions: list[Mention], sentence: Sentence,
                         not_names: frozenset[str], office_ends: set[int],
                         opening: int = 0, particles: frozenset[int] = frozenset()
                         ) -> list[Mention]:
    """Capitalised word runs that no lexicon entry covers, kept as unlinked entities. Right
    after an office ("Israeli Prime Minister Ehud Barak") the run is that office's holder. The
    words of a dateline (before ``opening``) name no one."""
    covered = {t for m in mentions for t in range(m.token_start, m.token_end)}
    offices = {m.token_end: m for m in mentions if m.kind in {"role", "office"} and (
        m.entity.type == "person" or m.token_end in office_ends)}
    # "the head of the council, Mohamed al-Menfi": the holder's name may follow a comma
    offices |= {end + 1: m for end, m in offices.items()
                if end < len(sentence.tokens) and sentence.tokens[end].text == ","}
    # "Wazalendo militiamen", "Karen National Union rebels": a name the lexicon lacks before
    # an armed group's noun names that group
    groups = {m.token_start: m for m in mentions if _is_ownerless_group(m)}
    # a capitalised word right next to a known name continues it ("Gaza City")
    touching = {m.token_end for m in mentions if m.token_end not in offices} | {
        m.token_start - 1 for m in mentions if m.token_start not in groups}
    # "Sheikh Tamim bin Hamad Al Thani": after a name particle the words go on with the name
    touching |= {m.token_end + 1 for m in mentions
                 if m.entity.type == "person" and m.kind == "name" and m.token_end in particles
                 and sentence.tokens[m.token_end].text.islower()}
    tokens = sentence.tokens
    starts = {m.token_start: m for m in mentions}
    owned: set[int] = set()  # the ends of states that name a holder's country ("of Chile")
    found: list[Mention] = []
    i = opening
    while i < len(tokens):
        j = i
        while (j < len(tokens) and j not in covered and _CAPITALISED.match(tokens[j].text)
               and tokens[j].key not in not_names and not is_arabic(tokens[j].text)):
            j += 1
        if j > i and j in groups and i not in touching:
            found.append(_named_group(sentence, i, groups.pop(j)))
        elif j > i and not (i == 0 and j - i == 1) and i not in touching and (
                j - 1 not in touching):
            holder = _of_state(_unlinked(sentence, i, j, offices.pop(i, None)), sentence,
                               starts)
            found.append(holder)
            owned.add(holder.token_end)
        i = max(j, i + 1)
    holders = {m.token_start for m in found if m.entity.type == "person"}
    named = {id(m) for m in mentions if m.token_start in holders or m.token_end in owned or (
        _is_ownerless_group(m) and m.token_start not in groups)}
    kept = [m for m in mentions if id(m) not in named]
    return sorted(kept + found, key=lambda m: m.token_start)


def _of_state(holder: Mention, sentence: Sentence, starts: dict[int, Mention]) -> Mention:
    """"Foreign Minister Murat Nurtleu of Kazakhstan": an office holder whose office named no
    owner is of the state named right after the name with "of"; the mention takes it in."""
    entity, end, tokens = holder.entity, holder.token_end, sentence.tokens
    if entity.type != "person" or entity.country is not None or end >= len(tokens) or (
            tokens[end].key not in _OF):
        return holder
    state = starts.get(end + 1)
    if state is None or state.entity.type != "state":
        return holder
    return _mention(sentence, holder.token_start, state.token_end,
                    replace(entity, country=state.entity.country), holder.kind)


def _named_group(sentence: Sentence, start: int, noun: Mention) -> Mention:
    """The group a name the lexicon lacks names before a group noun: "Wazalendo militiamen"."""
    words = " ".join(t.text for t in sentence.tokens[start:noun.token_start])
    entity = Entity(id="UNLINKED_" + re.sub(r"\W+", "_", words).upper().strip("_"), name=words,
                    type="armed_group" if noun.entity.sector == "REB" else "group",
                    sector=noun.entity.sector, linked=False)
    return _mention(sentence, start, noun.token_end, entity, "unlinked")


def _with_possessive_owners(mentions: list[Mention], sentence: Sentence) -> list[Mention]:
    """"Jordan's King Abdullah II", "Qatar's Emir Sheikh Tamim": a state's possessive right
    before a person of that state names the person's country, not a second actor; the person's
    mention takes in the owner's words."""
    tokens = sentence.tokens
    found: list[Mention] = []
    for mention in mentions:
        owner = found[-1] if found else None
        if (owner is not None and owner.entity.type == "state"
                and owner.kind in {"name", "metonym"} and mention.entity.type == "person"
                and mention.entity.country == owner.entity.country
                and mention.token_start == owner.token_end + 1
                and tokens[owner.token_end].text in _POSSESSIVE):
            found[-1] = _mention(sentence, owner.token_start, mention.token_end, mention.entity,
                                 mention.kind)
            continue
        found.append(mention)
    return found


def _unlinked(sentence: Sentence, start: int, end: int, office: Mention | None) -> Mention:
    words = " ".join(t.text for t in sentence.tokens[start:end])
    entity_id = "UNLINKED_" + re.sub(r"\W+", "_", words).upper().strip("_")
    if office is None:
        entity = Entity(id=entity_id, name=words, type="group", linked=False)
        return _mention(sentence, start, end, entity, "unlinked")
    holder = Entity(id=entity_id, name=words, type="person", country=office.entity.country,
                    sector=office.entity.sector, linked=False)
    return _mention(sentence, office.token_start, end, holder, "unlinked")


def unlinked_person(sentence: Sentence, start: int, end: int) -> Mention:
    """Words the lexicon does not know, taken as a person's name from their position (the
    object of an assassination: "اغتيال عماد مغنية")."""
    words = " ".join(t.text for t in sentence.tokens[start:end])
    entity_id = "UNLINKED_" + re.sub(r"\W+", "_", words).upper().strip("_")
    entity = Entity(id=entity_id, name=words, type="person", linked=False)
    return _mention(sentence, start, end, entity, "unlinked")


def with_group_anaphors(mentions: list[Mention], sentence: Sentence, lexicon: Lexicon,
                        antecedent: Entity | None, language: str = "ar") -> list[Mention]:
    """"وتوعدت الجماعة", "مقاتلو الحركة", "the militia", "the paramilitary group": "the group"
    or "the movement" with no name is the armed group or movement named last (``antecedent``
    from earlier sentences; in English also one named earlier in the same sentence); with none
    it names nobody. In English it replaces the owner-less group the role noun alone makes."""
    loose = {id(m) for m in mentions if language == "en" and _is_ownerless_group(m)}
    covered = {t for m in mentions if id(m) not in loose
               for t in range(m.token_start, m.token_end)}
    found: list[Mention] = []
    for match in lexicon.grammar_matches(language, sentence.tokens):
        if "group_anaphor" not in match.values or covered & set(range(match.start, match.end)):
            continue
        earlier = [m for m in mentions if m.token_end <= match.start and id(m) not in loose]
        referent = (group_antecedent(earlier, antecedent) if language == "en" else antecedent)
        if referent is not None:
            found.append(_mention(sentence, match.start, match.end, referent, "role"))
    spans = [range(m.token_start, m.token_end) for m in found]
    kept = [m for m in mentions if id(m) not in loose
            or not any(m.token_start in span for span in spans)]
    return sorted(kept + found, key=lambda m: m.token_start)


def _is_ownerless_group(mention: Mention) -> bool:
    """"militants", "the rebels": an armed group role with no owner, a group of its own."""
    entity = mention.entity
    return (mention.kind == "role" and entity.type == "group" and entity.country is None
            and entity.sector in _GROUP_SECTORS)


def group_antecedent(mentions: list[Mention], previous: Entity | None) -> Entity | None:
    """The last armed group or movement named, for "الجماعة" in later sentences."""
    # (a member of a movement is no antecedent: "عضو اللجنة المركزية للحركة عزام الأحمد")
    named = [m.entity for m in mentions if m.kind in {"name", "role"} and m.entity.linked
             and m.entity.type != "person"
             and (m.entity.type == "armed_group" or m.entity.sector in _GROUP_SECTORS)]
    return named[-1] if named else previous


def with_person_pronouns(mentions: list[Mention], sentence: Sentence, lexicon: Lexicon,
                         antecedent: Entity | None) -> list[Mention]:
    """"He held talks with his Algerian counterpart", "Tetteh later flew to Benghazi, where she
    held talks": an English "he" or "she" is the person named last before it in the sentence,
    else the person the previous sentences made their subject (``antecedent``)."""
    covered = {t for m in mentions for t in range(m.token_start, m.token_end)}
    grammar = lexicon.grammar_matches("en", sentence.tokens)
    # "X spoke with Y and condemned what he called ...": whom one spoke with is not "he"
    governed = {m.end for m in grammar if "recipient_prep" in m.values}
    found: list[Mention] = []
    for match in grammar:
        if "person_pronoun" not in match.values or match.start in covered:
            continue
        earlier = [m for m in mentions if m.token_end <= match.start and _is_person(m)]
        earlier = [m for m in earlier if m.token_start not in governed] or earlier
        referent = earlier[-1].entity if earlier else antecedent
        if referent is not None:
            found.append(_mention(sentence, match.start, match.end, referent, "role"))
    return sorted(mentions + found, key=lambda m: m.token_start)


def person_antecedent(actors: list[Mention], mentions: list[Mention],
                      previous: Entity | None) -> Entity | None:
    """Whom the next sentence's "he" or "she" means: the first person who acted in this
    sentence, else the first person it named, else the one before."""
    for mention in actors + mentions:
        if _is_person(mention):
            return mention.entity
    return previous


def _is_person(mention: Mention) -> bool:
    return mention.entity.type == "person" and mention.kind in {"name", "role", "unlinked"}
