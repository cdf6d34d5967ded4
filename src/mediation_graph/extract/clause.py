"""A sentence seen by the argument patterns: mentions by token, function words, clause limits."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cached_property
from itertools import pairwise

from ..lexicon import Lexicon
from ..model import Entity, Mention, Sentence, Token

_ARABIC_PREPOSITION_CLITICS = ("ب", "ل", "ك")
_SOFT_BOUNDARIES = {",", "،"}
# "people": an English plural demonym ("Palestinians"), which stands for its state
USABLE_KINDS = {"name", "role", "metonym", "collective", "unlinked", "people"}


@dataclass
class SentenceView:
    """Token-indexed facts about one sentence that every pattern asks for."""

    sentence: Sentence
    language: str
    mentions: list[Mention]
    places: list[Mention] = field(default_factory=list)  # where things happen: "in Yemen"
    # start token -> (the grammar roles of the word or phrase there, its end token)
    function_words: dict[int, tuple[frozenset[str], int]] = field(default_factory=dict)
    strong_boundaries: set[int] = field(default_factory=set)
    proclitics: dict[int, str] = field(default_factory=dict)  # Arabic mention start -> "وال"
    governed: dict[int, str] = field(default_factory=dict)  # mention start -> preposition role
    # token -> roles of every function word covering it: list tests ask per token, and scanning
    # all function words each time made long sentences cubic
    roles_at: dict[int, frozenset[str]] = field(default_factory=dict)
    # id of a list's first mention -> the list: subject search asks again for every candidate
    lists: dict[int, list[Mention]] = field(default_factory=dict, repr=False)
    locatives: set[int] = field(default_factory=set)  # where a locative cue (في، in) starts
    speech: set[int] = field(default_factory=set)  # where a verb of saying starts ("said")
    assailants: frozenset[str] = frozenset()  # civilian group roles that attack (assailants.txt)

    @classmethod
    def build(cls, sentence: Sentence, mentions: list[Mention], lexicon: Lexicon,
              language: str) -> SentenceView:
        view = cls(sentence, language, [m for m in mentions if m.kind != "place"],
                   [m for m in mentions if m.kind == "place" or m.entity.type == "place"])
        covered = {t for m in view.mentions for t in range(m.token_start, m.token_end)}
        for match in lexicon.grammar_matches(language, sentence.tokens):
            if match.start in covered:
                continue
            roles = frozenset(match.values)
            view.function_words[match.start] = (roles, match.end)
            if "boundary" in roles:
                view.strong_boundaries.add(match.start)
            for j in range(match.start, match.end):
                view.roles_at[j] = view.roles_at.get(j, frozenset()) | roles
        cues = lexicon.cues[language].find_all(sentence.tokens)
        view.locatives = {m.start for m in cues if any(c.cue == "locative" for c in m.values)}
        view.speech = {m.start for m in cues if any(c.cue == "speech" for c in m.values)}
        if language == "ar":
            view.proclitics = _proclitics(view, lexicon)
        view.governed = _governed_lists(view)
        view.assailants = lexicon.assailants
        return view

    def assails(self, entity: Entity) -> bool:
        """A civilian group that attacks in the news: its role ("SETTLERS", "ISR_SETTLERS")."""
        role = entity.id.lower()
        return any(role == r or role.endswith(f"_{r}") for r in self.assailants)

    @property
    def tokens(self) -> list[Token]:
        return self.sentence.tokens

    def has_role(self, i: int, role: str) -> bool:
        entry = self.function_words.get(i)
        return entry is not None and role in entry[0]

    def words_with_role(self, role: str, start: int, end: int) -> list[tuple[int, int]]:
        """(start, end) of the function words of ``role`` that begin in [start, end)."""
        return sorted((i, stop) for i, (roles, stop) in self.function_words.items()
                      if role in roles and start <= i < end)

    def clause_limits(self, i: int, soft: bool = False) -> tuple[int, int]:
        """The clause around token ``i``: between strong boundaries (and commas when ``soft``)."""
        limits = self.soft_limits if soft else self.strong_limits
        k = bisect_left(limits, i)  # the first limit at or after i; the one before ends before i
        start = limits[k - 1] + 1 if k > 0 else 0
        end = limits[k] if k < len(limits) else len(self.tokens)
        return start, end

    # Sorted once: every trigger asks for its clause, and walking to the limits token by token
    # made a long sentence of triggers quadratic.
    @cached_property
    def strong_limits(self) -> list[int]:
        return sorted(self.strong_boundaries)

    @cached_property
    def soft_limits(self) -> list[int]:
        """Strong boundaries and commas, but not the commas inside an actor list ("دانت مصر،
        والأردن، وقطر الغارة": the clause goes on to the object)."""
        inside_lists = self._list_commas()
        return sorted(self.strong_boundaries | {j for j, token in enumerate(self.tokens)
                                                if token.text in _SOFT_BOUNDARIES
                                                and j not in inside_lists})

    def _list_commas(self) -> set[int]:
        commas: set[int] = set()
        for mention in self.ordered_mentions:
            group = self.coordinated(mention)
            for left, right in pairwise(group):
                commas.update(j for j in range(left.token_end, right.token_start)
                              if self.tokens[j].text in _SOFT_BOUNDARIES)
        return commas

    def mention_covering(self, i: int) -> Mention | None:
        for mention in self.mentions:
            if mention.token_start <= i < mention.token_end:
                return mention
        return None

    def mention_starting(self, i: int) -> Mention | None:
        for mention in self.mentions:
            if mention.token_start == i:
                return mention
        return None

    def governing_preposition(self, mention: Mention) -> str | None:
        """The preposition role governing a mention (also as a member of a list after it), or
        "clitic" for an Arabic ب/ل on its first word."""
        if mention.token_start in self.governed:
            return self.governed[mention.token_start]
        prefix = self.proclitics.get(mention.token_start, "").lstrip("وف")
        if prefix.startswith(_ARABIC_PREPOSITION_CLITICS):
            return "clitic"
        return None

    def coordinated(self, first: Mention) -> list[Mention]:
        """The actor list that starts with ``first``: "مصر وقطر والولايات المتحدة"."""
        if first.kind == "discourse":
            return [first]  # a subject carried from an earlier sentence has no list here
        known = self.lists.get(id(first))
        if known is None:
            known = self.lists[id(first)] = self._coordinated(first)
        return list(known)

    def _coordinated(self, first: Mention) -> list[Mention]:
        """Members joined by commas belong to the list only once an "and" joins a later one
        ("Egypt, Qatar and the US"): in "between Russia and Ukraine, Foreign Minister Hakan
        Fidan said" the comma ends the list, and "the two sides, Badr Abdelatty said" is none."""
        group, pending = [first], []
        ordered = self.ordered_mentions
        position = self._position(first)
        for mention in ordered[position + 1:]:
            gap = range((pending or group)[-1].token_end, mention.token_start)
            # "Egypt and the US", "with Israel and with Hamas", "مع إسرائيل ومع حماس"
            joined = any(self._inside(j, "coordinator") for j in gap) and all(
                self._inside(j, "coordinator") or self._inside(j, "determiner")
                or self._inside(j, "recipient_prep") for j in gap)
            and_clitic = self.proclitics.get(mention.token_start, "")[:1] == "و"
            if not (joined or (not gap and and_clitic)):
                break
            if joined and self._speaker_after_comma(gap, mention):
                break  # "..., Qatar and Turkiye, Qatar's foreign ministry said"
            if mention.kind in USABLE_KINDS or mention.kind == "adjective":
                pending.append(mention)
            if and_clitic or not all(self.tokens[j].text in _SOFT_BOUNDARIES for j in gap):
                group += pending
                pending = []
        if pending and self._and_follows(pending[-1].token_end):
            group += pending  # "Cuba, Norway, Venezuela and other countries"
        return group

    def _and_follows(self, j: int) -> bool:
        return j < len(self.tokens) and (
            self.proclitics.get(j, "")[:1] == "و"
            or (self._inside(j, "coordinator") and self.tokens[j].text not in _SOFT_BOUNDARIES))

    def _speaker_after_comma(self, gap: range, mention: Mention) -> bool:
        """A name set off by a comma alone and followed by a verb of saying is the speaker of
        the clause before it, not one more member of the list there."""
        return mention.token_end in self.speech and all(
            self.tokens[j].text in _SOFT_BOUNDARIES for j in gap)

    def list_through(self, member: Mention, start: int = 0) -> list[Mention]:
        """The actor list, starting at or after token ``start``, that runs up to ``member``:
        "مصر وقطر والولايات المتحدة" for "وقطر"."""
        for mention in self.ordered_mentions:
            if mention.token_start < start:
                continue
            if mention.token_start > member.token_start:
                break
            group = self.coordinated(mention)
            if member in group:
                return group[:group.index(member) + 1]
        return [member]

    def with_preceding_adjectives(self, group: list[Mention]) -> list[Mention]:
        """"Russian and Ukrainian delegations": adjectives coordinated before a list's head."""
        if group[0].kind == "discourse":
            return list(group)
        ordered = self.ordered_mentions
        position = self._position(group[0])
        extended = list(group)
        for mention in reversed(ordered[:position]):
            gap = range(mention.token_end, extended[0].token_start)
            if mention.kind != "adjective" or not gap or not all(
                    self._inside(j, "coordinator") for j in gap):
                break
            extended.insert(0, mention)
        return extended

    @cached_property
    def ordered_mentions(self) -> list[Mention]:
        return sorted(self.mentions, key=lambda m: m.token_start)

    def _position(self, mention: Mention) -> int:
        # Search from the first mention at the same token: comparing whole mentions is slow,
        # and list tests ask this for every pair of candidates.
        return self.ordered_mentions.index(
            mention, bisect_left(self.ordered_starts, mention.token_start))

    @cached_property
    def ordered_starts(self) -> list[int]:
        return [m.token_start for m in self.ordered_mentions]

    def _inside(self, j: int, role: str) -> bool:
        return role in self.roles_at.get(j, ())

    def next_mention(self, after: int, limit: int, max_gap: int = 6) -> Mention | None:
        """The first mention starting in [after, limit), no more than ``max_gap`` tokens away."""
        candidates = [m for m in self.mentions
                      if after <= m.token_start < min(limit, after + max_gap + 1)]
        return min(candidates, key=lambda m: m.token_start) if candidates else None


def _governed_lists(view: SentenceView) -> dict[int, str]:
    """Every member of an actor list that follows a preposition, "between" or "by", past a
    determiner ("outside the Swedish embassy")."""
    governed: dict[int, str] = {}
    for role in ("recipient_prep", "agent_prep", "between"):
        for _start, end in view.words_with_role(role, 0, len(view.tokens)):
            while view.has_role(end, "determiner"):
                end += 1
            first = view.mention_starting(end)
            if first is not None:
                for member in view.coordinated(first):
                    governed.setdefault(member.token_start, role)
    return governed


def _proclitics(view: SentenceView, lexicon: Lexicon) -> dict[int, str]:
    """The proclitics on each Arabic mention's first word ("وال" in "والولايات المتحدة"): the
    part of the word before the form the lexicon matched."""
    found: dict[int, str] = {}
    for mention in view.mentions:
        first = view.tokens[mention.token_start]
        for variant in first.keys:

            def only(token: Token, first: Token = first, variant: str = variant) -> tuple:
                return (variant,) if token is first else token.keys

            if lexicon.actors.index.match_at(view.tokens, mention.token_start, only) is not None:
                prefix = first.key[:len(first.key) - len(variant)]
                found[mention.token_start] = prefix if first.key.endswith(variant) else ""
                break
    return found
