"""Event dates: the document's date, moved by relative expressions in the sentence.

"الجمعة" / "on Friday" is the latest such weekday on or before the document date; "أمس" /
"yesterday" the day before; "غدا" / "tomorrow" the day after. A document date that is only a
month ("2024-08") anchors nothing finer and is kept as it is.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from ..model import Sentence
from ..text.normalize import arabic_key, latin_key

_WEEKDAYS = {
    # Monday = 0, as datetime counts
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6, arabic_key("الاثنين"): 0, arabic_key("الثلاثاء"): 1, arabic_key("الأربعاء"): 2,
    arabic_key("الخميس"): 3, arabic_key("الجمعة"): 4, arabic_key("السبت"): 5,
    arabic_key("الأحد"): 6,
}
_SHIFTS = {"yesterday": -1, "today": 0, "tomorrow": 1, arabic_key("أمس"): -1,
           arabic_key("الأمس"): -1, arabic_key("اليوم"): 0, arabic_key("غدا"): 1}
_MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august",
                "september", "october", "november", "december")
_MONTHS = {name: number for number, name in enumerate(_MONTH_NAMES, start=1)}
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_DATELINE = re.compile(
    r"\b(January|February|March|April|May|June|July|August|September|October|November|"
    r"December)\s+(\d{1,2}),?\s+(\d{4})\b|\b(\d{1,2})\s+(January|February|March|April|May|June|"
    r"July|August|September|October|November|December)\s+(\d{4})\b")


def parse_date(value: str | None) -> date | None:
    if not value:
        return None
    match = _ISO.match(value.strip())
    if not match:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def dateline_date(text: str) -> str | None:
    """A full date in the first lines of an article ("DOHA, March 4, 2025 -")."""
    match = _DATELINE.search(text[:300])
    if not match:
        return None
    if match[1]:
        month, day, year = _MONTHS[latin_key(match[1])], int(match[2]), int(match[3])
    else:
        day, month, year = int(match[4]), _MONTHS[latin_key(match[5])], int(match[6])
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def sentence_date(sentence: Sentence, document_date: str | None) -> str | None:
    anchor = parse_date(document_date)
    if anchor is None:
        return document_date
    for token in sentence.tokens:
        for key in token.keys:
            if key in _SHIFTS:
                return (anchor + timedelta(days=_SHIFTS[key])).isoformat()
            if key in _WEEKDAYS:
                back = (anchor.weekday() - _WEEKDAYS[key]) % 7
                return (anchor - timedelta(days=back)).isoformat()
    return anchor.isoformat()
