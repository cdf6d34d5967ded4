"""Negation, modality and the speaker of reported speech, from cue words near a trigger.

Negation looks at the few words before the trigger ("لم يجتمع", "did not meet", "no meeting") and
at denial verbs earlier in the clause ("نفى", "denied"); future comes from the Arabic prefix سـ on
the trigger or a future cue just before it ("سوف", "will"); intention and condition from cues
earlier in the clause ("يسعى إلى", "seeks to", "إذا", "if"); "reported" from an attribution anywhere
in the sentence ("وفقا لمصادر", "according to"). Precedence: hypothetical, intended, future,
reported, asserted.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..lexicon import Cue, PhraseIndex, PhraseMatch, Trigger
from ..model import Mention, Token
from .clause import USABLE_KINDS, SentenceView

_NEGATION_REACH = 3
_FUTURE_REACH = 2
_INTENT_REACH = 6
_DESCRIPTION_WORDS = 3
_ATTRIBUTION_OPENERS = {",", "،", '"', "”", "'", "’", "»"}
_DENIAL_WORDS = {"نفى", "ينفي", "نفت", "تنفي", "نفوا", "denied", "denies", "deny", "denying"}


@dataclass(frozen=True)
class CueHit:
    cue: str
    start: int
    end: int


@dataclass
class Modality:
    negated: bool
    modality: str
    speaker: Mention | None


def find_cues(view: SentenceView, cues: PhraseIndex[Cue]) -> list[CueHit]:
    """Cue words, matched as written or after a conjunction و/ف only: other clitics would turn
    words into cues ("كلا" is not "لا")."""
    hits: list[CueHit] = []
    for match in cues.find_all(view.tokens, variants=_conjunction_keys):
        hits.extend(CueHit(value.cue, match.start, match.end) for value in match.values
                    if value.cue != "none")
    return hits


def _conjunction_keys(token: Token) -> tuple[str, ...]:
    """The word, without a conjunction و/ف, and without its article: cue phrases are stored
    without the article ("من المقرر" as من مقرر)."""
    key = token.key
    keys = [key, key[1:]] if len(key) > 2 and key[0] in "وف" else [key]
    return (*keys, *(k[2:] for k in keys if k.startswith("ال") and len(k) > 3))


def modality_of(view: SentenceView, match: PhraseMatch[Trigger], hits: list[CueHit],
                future_prefix: bool) -> Modality:
    """``future_prefix``: the trigger only matched once an Arabic سـ was taken off it."""
    clause_start, _ = view.clause_limits(match.start)
    # a cue may end with the word that opens the trigger's clause: "من المقرر أن يزور"
    before = [h for h in hits if clause_start <= h.end and h.end <= match.start]
    negated = any(h.cue == "negation" and match.start - h.end <= _NEGATION_REACH for h in before)
    negated = negated or any(view.tokens[h.start].key in _DENIAL_WORDS for h in before)
    if any(h.cue == "hypothetical" for h in before):
        modality = "hypothetical"
    elif any(h.cue == "intended" and match.start - h.end <= _INTENT_REACH for h in before):
        modality = "intended"
    elif future_prefix or _future_cue(match, before):
        modality = "future"
    elif any(h.cue == "reported" for h in hits):
        modality = "reported"
    else:
        modality = "asserted"
    return Modality(negated, modality, _speaker(view, match, hits))


def _future_cue(match: PhraseMatch[Trigger], before: list[CueHit]) -> bool:
    return any(h.cue == "future" and match.start - h.end <= _FUTURE_REACH for h in before)


def trailing_speaker(view: SentenceView, hits: list[CueHit]) -> Mention | None:
    """Who a sentence's report is attributed to after a comma or a closing quote, at its end:
    "..., the health ministry said.", "..., U.S. President Donald Trump announced"."""
    for hit in (h for h in hits if h.cue == "speech"):
        speaker = next((m for m in view.mentions if m.token_end == hit.start
                        and m.kind in USABLE_KINDS), None)
        if speaker is None:
            continue
        before = speaker.token_start - 1
        # ", a senior Hamas official said": an article and a word or two of description
        while before >= 0 and speaker.token_start - before <= _DESCRIPTION_WORDS and (
                view.has_role(before, "determiner") or view.tokens[before].text.islower()):
            before -= 1
        if before >= 0 and view.tokens[before].text in _ATTRIBUTION_OPENERS:
            return speaker
    return None


def _speaker(view: SentenceView, match: PhraseMatch[Trigger], hits: list[CueHit]) -> Mention | None:
    """The subject of a verb of saying before the trigger: "قال X إن ...", "X said ...", else
    the one the sentence's report is attributed to at its end."""
    speech = [h for h in hits if h.cue == "speech" and h.end <= match.start]
    if not speech:
        return trailing_speaker(view, hits)
    verb = speech[-1]
    usable = [m for m in view.mentions if m.kind in USABLE_KINDS]
    after = [m for m in usable if verb.end <= m.token_start <= verb.end + 3]
    before = [m for m in usable if verb.start - 3 <= m.token_end <= verb.start]
    # Arabic puts the speaker after the verb of saying, English before it
    candidates = (after or before) if view.language == "ar" else (before or after)
    return min(candidates, key=lambda m: abs(m.token_start - verb.start)) if candidates else None
