"""Example event lists for the view: a small mediation story and synthetic networks of any size.

The story (two short articles, Arabic and English, written for this project) is what the
README's screenshot shows and what the browser tests open; the synthetic networks feed the
benchmark. Offsets are computed, never typed, so every span indexes its document.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..model import PLOVER_TYPES, Document, DocumentResult, Entity, Event, Mention, Span

TUR = Entity("TUR", "Turkey", "state", "TUR", "GOV", label_ar="تركيا")
TUR_MIT = Entity("TUR_MIT", "Turkish intelligence (MIT)", "organization", "TUR", "SPY",
                 label_ar="الاستخبارات التركية")
KALIN = Entity("TUR_KALIN", "İbrahim Kalın", "person", "TUR", "SPY", label_ar="إبراهيم قالن")
HAMAS = Entity("HAMAS", "Hamas", "armed_group", "PSE", "REB", label_ar="حماس")
ISR = Entity("ISR", "Israel", "state", "ISR", "GOV", label_ar="إسرائيل")
NETANYAHU = Entity("ISR_NETANYAHU", "Benjamin Netanyahu", "person", "ISR", "GOV",
                   label_ar="بنيامين نتنياهو")
EGY = Entity("EGY", "Egypt", "state", "EGY", "GOV", label_ar="مصر")
QAT = Entity("QAT", "Qatar", "state", "QAT", "GOV", label_ar="قطر")
USA = Entity("USA", "United States", "state", "USA", "GOV", label_ar="الولايات المتحدة")
GAZA = Entity("GAZA", "Gaza Strip", "place", "PSE", None, label_ar="قطاع غزة")
UNSC = Entity("UNSC", "UN Security Council", "organization", "UNO", "IGO",
              label_ar="مجلس الأمن الدولي")


@dataclass(slots=True)
class StoryBuilder:
    """Writes one document sentence by sentence and makes events whose offsets index it."""

    doc_id: str
    language: str
    date: str | None = None
    text: str = ""
    events: list[Event] = field(default_factory=list)
    _sentence: int = -1

    def say(self, sentence: str, trigger: str, event: str, cameo: str,
            actors: Sequence[tuple[str, Entity]],
            recipients: Sequence[tuple[str, Entity]] = (),
            **fields: object) -> Event:
        """Add ``sentence`` and the event it states; actors and recipients as (words, entity)."""
        if self.text:
            self.text += " "
        start = len(self.text)
        self.text += sentence
        self._sentence += 1
        record = Event(
            id=f"{self.doc_id}-s{self._sentence}-e1", doc_id=self.doc_id,
            sentence=self._sentence, language=self.language, event=event, cameo=cameo,
            trigger=self._span(trigger, start), sentence_span=Span(sentence, start, len(self.text)),
            actors=[self._mention(words, entity, start) for words, entity in actors],
            recipients=[self._mention(words, entity, start) for words, entity in recipients],
            date=self.date,
        )
        for name, value in fields.items():
            setattr(record, name, value)
        self.events.append(record)
        return record

    def result(self, title: str) -> DocumentResult:
        """The document as written so far, with its events, as extraction would hand it on."""
        document = Document(self.doc_id, self.text, self.language, self.date, title=title)
        return DocumentResult(document, list(self.events), sentence_count=self._sentence + 1)

    def _span(self, words: str, sentence_start: int) -> Span:
        offset = self.text.index(words, sentence_start)
        return Span(words, offset, offset + len(words))

    def _mention(self, words: str, entity: Entity, sentence_start: int) -> Mention:
        return Mention(self._span(words, sentence_start), entity, self._sentence, 0, 1)


def mediation_story_documents() -> list[DocumentResult]:
    """A week of Gaza ceasefire diplomacy in two articles, with their events."""
    ar = StoryBuilder("ankara-talks", "ar", "2024-08-02")
    ar.say("التقى إبراهيم قالن وفدًا من حركة حماس في أنقرة لبحث مسار التهدئة.", "التقى",
           "CONSULT", "040", [("إبراهيم قالن", KALIN)], [("حماس", HAMAS)], mode="visit")
    ar.say("وتتوسط الاستخبارات التركية بين حماس وإسرائيل لتقريب المواقف.", "وتتوسط",
           "CONSULT", "045", [("الاستخبارات التركية", TUR_MIT)],
           [("حماس", HAMAS), ("إسرائيل", ISR)], mode="mediate")
    ar.say("وتنسق الاستخبارات التركية جهودها مع مصر وقطر والولايات المتحدة.", "وتنسق",
           "COOPERATE", "050", [("الاستخبارات التركية", TUR_MIT)],
           [("مصر", EGY), ("قطر", QAT), ("الولايات المتحدة", USA)])
    ar.say("وتواصل مصر وقطر والولايات المتحدة وساطتها بين الجانبين.", "وساطتها", "CONSULT",
           "045", [("مصر", EGY), ("قطر", QAT), ("الولايات المتحدة", USA)],
           [("الجانبين", HAMAS), ("الجانبين", ISR)], mode="mediate")
    ar.say("وترفض حماس شروط نتنياهو الجديدة.", "وترفض", "REJECT", "120",
           [("حماس", HAMAS)], [("نتنياهو", NETANYAHU)])
    ar.say("وتطالب حماس بانسحاب إسرائيلي كامل من قطاع غزة.", "وتطالب", "REQUEST", "100",
           [("حماس", HAMAS)], [("إسرائيلي", ISR)])
    ar.say("ولم يعقد الطرفان أي لقاء مباشر.", "يعقد", "CONSULT", "040",
           [("الطرفان", HAMAS), ("الطرفان", ISR)], negated=True)
    en = StoryBuilder("doha-round", "en", "2024-08-15")
    en.say("Qatar and Egypt hosted a new round of talks in Doha on Thursday.", "hosted",
           "CONSULT", "043", [("Qatar", QAT), ("Egypt", EGY)])
    en.say("Qatar is mediating between Hamas and Israel on a prisoner exchange.", "mediating",
           "CONSULT", "045", [("Qatar", QAT)], [("Hamas", HAMAS), ("Israel", ISR)],
           mode="mediate")
    en.say("The United States urged Israel and Hamas to accept the bridging proposal.", "urged",
           "REQUEST", "100", [("United States", USA)], [("Israel", ISR), ("Hamas", HAMAS)])
    en.say("Israel accused Hamas of stalling the negotiations.", "accused", "ACCUSE", "112",
           [("Israel", ISR)], [("Hamas", HAMAS)])
    en.say("Israeli strikes on the Gaza Strip continued overnight.", "strikes", "ASSAULT",
           "195", [("Israeli", ISR)], [("Gaza Strip", GAZA)])
    en.say("Turkey sent a shipment of humanitarian aid to the Gaza Strip.", "sent", "AID",
           "073", [("Turkey", TUR)], [("Gaza Strip", GAZA)])
    en.say("The UN Security Council welcomed the ceasefire plan.", "welcomed", "SUPPORT", "051",
           [("UN Security Council", UNSC)])
    return [ar.result("أنقرة تستضيف جولة مشاورات مع حماس"),
            en.result("Mediators press for a Gaza truce in Doha")]


def mediation_story() -> tuple[list[Event], dict[str, str]]:
    """The story's events and its document titles, as the view takes them."""
    results = mediation_story_documents()
    events = [event for result in results for event in result.events]
    return events, {r.document.id: r.document.title or r.document.id for r in results}


def synthetic_events(actors: int, *, per_actor: float = 1.5, seed: int = 0) -> list[Event]:
    """Random events among ``actors`` (two or more) entities, mostly between near neighbours."""
    rng = random.Random(seed)
    types = ("state", "person", "organization", "armed_group", "group")
    entities = [Entity(f"A{i:05d}", f"Actor {i}", rng.choice(types), f"C{i % 200:03d}")
                for i in range(actors)]
    events: list[Event] = []
    for number in range(max(actors, int(actors * per_actor))):
        # Every actor acts at least once, so the network has exactly ``actors`` nodes.
        source = number if number < actors else rng.randrange(actors)
        # Most dealings are with near neighbours, a few span the whole network.
        target = (source + rng.randint(1, 12)) % actors if rng.random() < 0.9 \
            else rng.randrange(actors)
        if target == source:
            target = (source + 1) % actors
        doc = StoryBuilder(f"doc{number}", "en",
                           f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}")
        kind = rng.choice(PLOVER_TYPES)
        mediation = rng.random() < 0.05
        a, b = entities[source], entities[target]
        doc.say(f"{a.name} acted towards {b.name}.", "acted", "CONSULT" if mediation else kind,
                "045" if mediation else "010", [(a.name, a)], [(b.name, b)],
                mode="mediate" if mediation else None)
        events.extend(doc.events)
    return events
