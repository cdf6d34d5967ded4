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
from dataclasses import dataclass

from ..lexicon import ActorName, Lexicon, PhraseMatch, Role
from ..model import Entity, Mention, Sentence, Span, Token
from ..text.normalize import is_arabic

_POSSESSIVE = {"'s", "’s"}
PARTIES_ID = "?parties"
OBJECT_PARTIES_ID = "?parties-object"  # "الطرفين": the parties as object, never as subject
_OF = {"of", "from"}  # "the foreign minister of Oman", "mediators from Egypt"
_CAPITALISED = re.compile(r"^[A-Z][\w'’-]*$")


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


def find_mentions(sentence: Sentence, lexicon: Lexicon, language: str) -> list[Mention]:
    tokens = sentence.tokens
    pieces = [_piece(m) for m in lexicon.actors.index.find_all(tokens)]
    mentions = _compose(pieces, sentence, lexicon, language)
    for mention in mentions:
        # "في أنقرة", "in Yemen", "في العاصمة الكينية": after a locative, a capital, a state or
        # its adjective is where, not who
        locatable = mention.kind in {"metonym", "adjective"} or (
            mention.kind == "name" and mention.entity.type == "state")
        if locatable and _after_locative(tokens, mention.token_start, lexicon, language):
            mention.kind = "place"
    mentions = _with_collectives(mentions, sentence, lexicon, language)
    if language == "en":
        mentions = _with_unlinked_names(mentions, sentence, lexicon.not_names)
        for mention in mentions:
            if mention.kind == "unlinked" and _after_locative(tokens, mention.token_start,
                                                              lexicon, language):
                mention.kind = "place"  # "talks in Jeddah"
    return mentions


def _piece(match: PhraseMatch) -> _Piece:
    names = tuple(v for v in match.values if isinstance(v, ActorName))
    roles = tuple(v for v in match.values if isinstance(v, Role))
    return _Piece(match.start, match.end, names, roles)


def _compose(pieces: list[_Piece], sentence: Sentence, lexicon: Lexicon,
             language: str) -> list[Mention]:
    mentions: list[Mention] = []
    i = 0
    while i < len(pieces):
        if language == "ar":
            mention, used = _compose_arabic(pieces, i, sentence, lexicon)
        else:
            mention, used = _compose_english(pieces, i, sentence, lexicon)
        if mention is not None:
            mentions.append(mention)
        i += used
    titles = {j for m in lexicon.grammar_matches(language, sentence.tokens)
              if "title" in m.values for j in range(m.start, m.end)}
    return _with_appositions(mentions, sentence, titles)


def _adjacent(tokens: list[Token], left: _Piece, right: _Piece, glue: set[str]) -> bool:
    between = tokens[left.end:right.start]
    return all(t.key in glue for t in between)


def _compose_arabic(pieces: list[_Piece], i: int, sentence: Sentence,
                    lexicon: Lexicon) -> tuple[Mention | None, int]:
    """Role chain then owner: role+ (adjective | name). One word the lexicon does not know may
    stand between a role and an owning adjective ("وزارة الإعلام الإريترية", "وزير الدفاع
    الإسرائيلي" where the ministry is not listed)."""
    tokens = sentence.tokens
    j = i
    while j < len(pieces) and pieces[j].roles and not pieces[j].names:
        if j + 1 < len(pieces) and not _adjacent(tokens, pieces[j], pieces[j + 1], set()):
            break
        j += 1
    roles = [p.roles[0] for p in pieces[i:j]]
    owner_piece = pieces[j] if j < len(pieces) and pieces[j].name else None
    if owner_piece and roles:
        gap = owner_piece.start - pieces[j - 1].end
        if gap > 1 or (gap == 1 and owner_piece.name.kind != "adjective"):
            owner_piece = None
    if owner_piece:
        owner = owner_piece.name
        entity = _resolve_chain(roles, owner.entity, lexicon)
        # "وزير الخارجية عباس عراقجي": an office followed by a person's name is that person
        kind = "role" if roles and owner.entity.type != "person" else owner.kind
        return _mention(sentence, pieces[i].start, owner_piece.end, entity, kind), j - i + 1
    if roles:
        return _collective_or_none(sentence, pieces[i], roles[0]), 1
    return None, 1


def _compose_english(pieces: list[_Piece], i: int, sentence: Sentence,
                     lexicon: Lexicon) -> tuple[Mention | None, int]:
    """Owner then role chain ("Egypt's foreign minister"), or role chain "of" owner."""
    tokens = sentence.tokens
    piece = pieces[i]
    if piece.name:
        j = i + 1
        while (j < len(pieces) and pieces[j].roles and not pieces[j].names
               and _adjacent(tokens, pieces[j - 1], pieces[j], _POSSESSIVE)):
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
        if j < len(pieces) and pieces[j].name and _adjacent(tokens, pieces[j - 1], pieces[j], _OF):
            entity = _resolve_chain(roles, pieces[j].name.entity, lexicon)
            return _mention(sentence, piece.start, pieces[j].end, entity, "role"), j - i + 1
        return _collective_or_none(sentence, piece, roles[0]), j - i
    return None, 1


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


def _with_appositions(mentions: list[Mention], sentence: Sentence,
                      titles: set[int]) -> list[Mention]:
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
        else:
            merged.append(mention)
    return merged


def _is_apposition(previous: Mention, mention: Mention) -> bool:
    if mention.kind != "name" or mention.entity.type != "person":
        return False
    return previous.kind == "role" or previous.entity.type in {"organization", "armed_group"}


def _after_locative(tokens: list[Token], start: int, lexicon: Lexicon, language: str) -> bool:
    """Whether a locative cue (في، in, at) ends right before ``start``, possibly followed by a
    place noun ("في العاصمة أنقرة", "in the capital, Ankara")."""
    cues, grammar = lexicon.cues[language], lexicon.grammar[language]
    j = start
    for _step in range(3):
        if j <= 0:
            return False
        if _ends_at(grammar, tokens, j, "place_head"):
            return True  # "العاصمة أنقرة", "شوارع يريفان": a place whatever comes before
        if tokens[j - 1].text in {"the", ","}:
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
        for role, entity_id in (("collective", PARTIES_ID),
                                ("collective_oblique", OBJECT_PARTIES_ID)):
            if role in match.values:
                placeholder = Entity(id=entity_id, name="parties", type="group", linked=False)
                extra.append(_mention(sentence, match.start, match.end, placeholder, "collective"))
    return sorted(mentions + extra, key=lambda m: m.token_start)


def _with_unlinked_names(mentions: list[Mention], sentence: Sentence,
                         not_names: frozenset[str]) -> list[Mention]:
    """Capitalised word runs that no lexicon entry covers, kept as unlinked entities. Right
    after an office ("Israeli Prime Minister Ehud Barak") the run is that office's holder."""
    covered = {t for m in mentions for t in range(m.token_start, m.token_end)}
    offices = {m.token_end: m for m in mentions if m.kind == "role" and m.entity.type == "person"}
    # a capitalised word right next to a known name continues it ("Gaza City")
    touching = {m.token_end for m in mentions if m.token_end not in offices} | {
        m.token_start - 1 for m in mentions}
    tokens = sentence.tokens
    found: list[Mention] = []
    i = 0
    while i < len(tokens):
        j = i
        while (j < len(tokens) and j not in covered and _CAPITALISED.match(tokens[j].text)
               and tokens[j].key not in not_names and not is_arabic(tokens[j].text)):
            j += 1
        if j > i and not (i == 0 and j - i == 1) and i not in touching and j - 1 not in touching:
            found.append(_unlinked(sentence, i, j, offices.pop(i, None)))
        i = max(j, i + 1)
    holders = {m.token_start for m in found if m.entity.type == "person"}
    kept = [m for m in mentions if not (m.kind == "role" and m.token_start in holders)]
    return sorted(kept + found, key=lambda m: m.token_start)


def _unlinked(sentence: Sentence, start: int, end: int, office: Mention | None) -> Mention:
    words = " ".join(t.text for t in sentence.tokens[start:end])
    entity_id = "UNLINKED_" + re.sub(r"\W+", "_", words).upper().strip("_")
    if office is None:
        entity = Entity(id=entity_id, name=words, type="group", linked=False)
        return _mention(sentence, start, end, entity, "unlinked")
    holder = Entity(id=entity_id, name=words, type="person", country=office.entity.country,
                    sector=office.entity.sector, linked=False)
    return _mention(sentence, office.token_start, end, holder, "unlinked")
