"""Matching keys for words: the text keeps its own letters, lookups use these keys.

Arabic keys drop diacritics and tatweel and fold the letters news spells several ways (alef
forms, alef maqsura, ta marbuta, hamza seats); English keys fold case and accents, except that
short all-capital words (US, UN, MIT) keep a case mark so they never match "us" or "un".
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

ARABIC_LETTERS = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff"
_ARABIC_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
SHADDA = "\u0651"
# A written shadda is the one mark that tells some place names apart ("عمّان" Amman, "عمان"
# Oman): a lexicon entry written with it keeps it in its key, and a text word that bears it is
# also looked up by such a key.
_ARABIC_MARKS_BUT_SHADDA = re.compile("[\u0610-\u061a\u064b-\u0650\u0652-\u065f\u0670"
                                      "\u06d6-\u06ed\u0640]")
_ARABIC_FOLD = str.maketrans({
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي",
    "ی": "ي", "ک": "ك", "ە": "ه", "ۀ": "ه",
})
_LATIN_FOLD = str.maketrans({"ı": "i", "ø": "o", "ß": "ss", "æ": "ae", "đ": "d", "ł": "l",
                             "’": "'", "‘": "'"})
_IS_ARABIC = re.compile(f"[{ARABIC_LETTERS}]")
CASE_MARK = "^"  # prefix of keys that only match words written in capitals

# Proclitic combinations, longest first: conjunction, preposition, article. "لل" is ل + ال.
_PROCLITICS: tuple[str, ...] = (
    "وبال", "فبال", "وكال", "فكال", "وللـ", "ولل", "فلل", "وال", "فال", "بال", "كال", "لل",
    "ال", "وب", "فب", "ول", "فل", "وك", "فك", "و", "ف", "ب", "ل", "ك",
)
_FUTURE_PROCLITICS: tuple[str, ...] = ("وس", "فس", "س")
_MIN_STEM = 2
# Object and possessive pronouns a verb or noun may end in (ترفضه، هجماتها), longest first.
ARABIC_PRONOUN_SUFFIXES: tuple[str, ...] = ("هما", "هم", "ها", "ه")


def is_arabic(word: str) -> bool:
    return bool(_IS_ARABIC.search(word))


def arabic_key(word: str) -> str:
    return _ARABIC_DIACRITICS.sub("", word).translate(_ARABIC_FOLD)


def shadda_key(word: str) -> str:
    """The key of a word that keeps its shadda ("عمّان"), for entries written with one."""
    return _ARABIC_MARKS_BUT_SHADDA.sub("", word).translate(_ARABIC_FOLD)


def latin_key(word: str) -> str:
    """Case- and accent-folded key; dots of abbreviations dropped (U.S. -> us)."""
    folded = unicodedata.normalize("NFKD", word.translate(_LATIN_FOLD))
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return folded.replace(".", "").lower()


def is_capitalised_abbreviation(word: str) -> bool:
    letters = word.replace(".", "")
    return len(letters) >= 2 and letters.isalpha() and letters.isupper()


@lru_cache(maxsize=262144)
def word_keys(word: str) -> tuple[str, ...]:
    """Every key a text word may be looked up by: the full key first, then clitic-free forms."""
    if is_arabic(word):
        key = arabic_key(word)
        if SHADDA not in word:
            return (key, *strip_proclitics(key))
        marked = shadda_key(word)  # last, so that the plain key stays the word's key
        return (key, *strip_proclitics(key), marked, *strip_proclitics(marked))
    key = latin_key(word)
    if is_capitalised_abbreviation(word):
        return (CASE_MARK + key, key)
    return (key,)


def strip_proclitics(key: str) -> tuple[str, ...]:
    """Forms of an Arabic key without its possible proclitics, most stripped last."""
    forms: list[str] = []
    for prefix in _PROCLITICS:
        if key.startswith(prefix) and len(key) - len(prefix) >= _MIN_STEM:
            stem = key[len(prefix):]
            if stem not in forms:
                forms.append(stem)
    return tuple(forms)


def strip_future(key: str) -> str | None:
    """The verb without a future prefix سـ (سيجتمع -> يجتمع), or None."""
    for prefix in _FUTURE_PROCLITICS:
        rest = key[len(prefix):]
        if key.startswith(prefix) and len(rest) >= 3 and rest[0] in "يتنا":
            return rest
    return None


def entry_keys(words: list[str]) -> tuple[str, ...]:
    """The key sequence under which a lexicon phrase (cut into words) is indexed.

    Arabic words lose their article (the text side strips clitics too); English entries in
    capitals of up to four letters only match capitals.
    """
    keys: list[str] = []
    for word in words:
        if is_arabic(word):
            key = shadda_key(word) if SHADDA in word else arabic_key(word)
            # أل/إل/آل open the word itself (ألمانيا, إلهام), never the article ال: kept whole,
            # the key still matches after the article in the text (الألمانية).
            if (key.startswith("ال") and len(key) - 2 >= _MIN_STEM
                    and not word.startswith(("أل", "إل", "آل"))):
                key = key[2:]
            keys.append(key)
        elif is_capitalised_abbreviation(word) and len(word.replace(".", "")) <= 4:
            keys.append(CASE_MARK + latin_key(word))
        else:
            keys.append(latin_key(word))
    return tuple(keys)
