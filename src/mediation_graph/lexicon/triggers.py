"""Trigger words (all 16 PLOVER types, Arabic and English) and cue words (negation, modality,
speech, locatives), with the inflected forms generated from the forms the files list."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..model import PLOVER_TYPES
from .phrases import PhraseIndex
from .tables import Row, read_table

TRIGGER_COLUMNS = ("forms", "pos", "event", "mode", "cameo", "context", "preps", "object")
CUE_COLUMNS = ("forms", "cue")
# "none" marks phrases that contain a cue word without its meaning ("لا يزال": still), so that
# the longer phrase wins the match and nothing is cued.
CUES = ("negation", "future", "intended", "hypothetical", "reported", "speech", "locative", "none")
POS = ("verb", "noun", "phrase")
# Arabic verb endings: past (ت وا ا تا ن نا تم تما), present (ون ان ين وا ن).
_ARABIC_PAST_ENDINGS = ("", "ت", "وا", "ا", "تا", "ن", "نا", "تم", "تما")
_ARABIC_PRESENT_ENDINGS = ("", "ون", "ان", "ين", "وا", "ن", "نا")
_ARABIC_PRESENT_PREFIXES = ("ي", "ت", "ن", "أ")


@dataclass(frozen=True, slots=True)
class Trigger:
    """What a trigger word says: the event type, mode, CAMEO code and argument hints."""

    event: str
    cameo: str
    pos: str
    mode: str | None = None
    context: tuple[str, ...] = ()
    preps: tuple[str, ...] = ()
    object_is_recipient: bool = False


@dataclass(frozen=True, slots=True)
class Cue:
    cue: str


# Words that may stand between a verb and its object in a `verbs + objects` forms cell ("a"
# becomes "an" before a vowel).
OBJECT_DETERMINERS = ("", "a", "the", "its", "their", "all")


def load_triggers(path: Path, language: str) -> PhraseIndex[Trigger]:
    index: PhraseIndex[Trigger] = PhraseIndex()
    for row in read_table(path, TRIGGER_COLUMNS):
        trigger = _trigger(row)
        for form in inflected_forms(trigger_forms(row), trigger.pos, language):
            index.add_phrase(form, trigger)
    return index


def trigger_forms(row: Row) -> list[str]:
    """The forms of a row: a ``|`` list, or ``verbs + objects``, which gives every verb with
    every object, bare or after a determiner ("reach|strike|struck + deal|accord": "reach a
    deal", "struck the accord", "strike accord"); the verbs are then inflected as usual."""
    verbs, plus, objects = row["forms"].partition(" + ")
    if not plus:
        return row.items_of("forms")
    if " + " in objects:
        raise row.fail("one ' + ' at most in forms")
    parts = Row({"verbs": verbs, "objects": objects})
    parts.where = row.where
    return [" ".join(word for word in (verb, _article(determiner, thing), thing) if word)
            for verb in parts.items_of("verbs") for determiner in OBJECT_DETERMINERS
            for thing in parts.items_of("objects")]


def _article(determiner: str, thing: str) -> str:
    return "an" if determiner == "a" and thing[:1].lower() in "aeiou" else determiner


def _trigger(row: Row) -> Trigger:
    if row["event"] not in PLOVER_TYPES:
        raise row.fail(f"event must be a PLOVER type, not {row['event']!r}")
    if row["pos"] not in POS:
        raise row.fail(f"pos must be one of {', '.join(POS)}")
    if not (row["cameo"].isdigit() and 2 <= len(row["cameo"]) <= 4):
        raise row.fail(f"cameo must be 2 to 4 digits, not {row['cameo']!r}")
    if row["object"] not in {"yes", "no", ""}:
        raise row.fail("object must be yes or no")
    if not row.items_of("forms"):
        raise row.fail("no forms")
    return Trigger(event=row["event"], cameo=row["cameo"], pos=row["pos"],
                   mode=row["mode"] or None, context=tuple(row.items_of("context")),
                   preps=tuple(row.items_of("preps")), object_is_recipient=row["object"] == "yes")


INTENT_COLUMNS = ("event", "mode", "cameo")


def load_intents(path: Path) -> dict[tuple[str, str], str]:
    """(event, mode) -> the CAMEO code of the intention to do it (mode "" = any other): an
    intent (03x, AGREE) or, for a hostile action, a threat (13x, THREATEN)."""
    intents: dict[tuple[str, str], str] = {}
    for row in read_table(path, INTENT_COLUMNS):
        if row["event"] not in PLOVER_TYPES:
            raise row.fail(f"event must be a PLOVER type, not {row['event']!r}")
        if not (row["cameo"].isdigit() and row["cameo"].startswith(("03", "13"))):
            raise row.fail("cameo must be an intent code (03...) or a threat code (13...)")
        intents[(row["event"], row["mode"])] = row["cameo"]
    return intents


def load_cues(path: Path) -> PhraseIndex[Cue]:
    index: PhraseIndex[Cue] = PhraseIndex()
    for row in read_table(path, CUE_COLUMNS):
        if row["cue"] not in CUES:
            raise row.fail(f"cue must be one of {', '.join(CUES)}")
        for form in row.items_of("forms"):
            index.add_phrase(form, Cue(row["cue"]))
    return index


def inflected_forms(forms: list[str], pos: str, language: str) -> list[str]:
    if pos != "verb":
        return forms
    out: list[str] = []
    for position, form in enumerate(forms):
        if language != "ar":
            variants = english_verb_forms(form)
        else:
            # the first form is the past stem; a later one starting with ي is a present form
            variants = arabic_verb_forms(form, present=position > 0 and form.startswith("ي"))
        out.extend(variant for variant in variants if variant not in out)
    return out


def arabic_verb_forms(form: str, present: bool) -> list[str]:
    """Conjugations of a past stem (اجتمع) or of a present form with its prefix (يجتمع)."""
    first, _, rest = form.partition(" ")
    tail = f" {rest}" if rest else ""
    if present:
        stem = first[1:]
        words = [p + stem + e for p in _ARABIC_PRESENT_PREFIXES for e in _ARABIC_PRESENT_ENDINGS]
    else:
        base = first[:-1] if first.endswith(("ى", "ا")) else first
        words = [first] + [base + e for e in _ARABIC_PAST_ENDINGS if e]
    return [word + tail for word in words]


def english_verb_forms(form: str) -> list[str]:
    """Regular inflections of the first word of a verb phrase: -s, -ed, -ing."""
    first, _, rest = form.partition(" ")
    tail = f" {rest}" if rest else ""
    return [word + tail for word in (first, *_english_inflections(first.lower()))]


def _english_inflections(verb: str) -> tuple[str, ...]:
    vowels = "aeiou"
    if verb.endswith("ee"):
        return verb + "s", verb + "d", verb + "ing"  # agree, agreed, agreeing
    if verb.endswith("e"):
        return verb + "s", verb + "d", verb[:-1] + "ing"
    if verb.endswith("y") and len(verb) > 2 and verb[-2] not in vowels:
        return verb[:-1] + "ies", verb[:-1] + "ied", verb + "ing"
    if verb.endswith(("s", "sh", "ch", "x", "z")):
        return verb + "es", verb + "ed", verb + "ing"
    short_cvc = (len(verb) <= 4 and len(verb) >= 3 and verb[-1] not in vowels + "wxy"
                 and verb[-2] in vowels and verb[-3] not in vowels)
    if short_cvc:
        return verb + "s", verb + verb[-1] + "ed", verb + verb[-1] + "ing"
    return verb + "s", verb + "ed", verb + "ing"
