"""Arabic or English: the share of Arabic letters among all letters decides."""

from __future__ import annotations

import re

from .normalize import ARABIC_LETTERS

_ARABIC = re.compile(f"[{ARABIC_LETTERS}]")
_LATIN = re.compile("[A-Za-z\u00c0-\u024f]")
_SAMPLE = 20_000


def detect_language(text: str) -> str:
    sample = text[:_SAMPLE]
    arabic = len(_ARABIC.findall(sample))
    latin = len(_LATIN.findall(sample))
    return "ar" if arabic >= latin * 0.5 and arabic > 0 else "en"
