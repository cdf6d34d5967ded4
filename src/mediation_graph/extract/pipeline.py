"""The extractor: a document in, its events out, through the stages in order.

text (sentences, tokens) -> mentions -> sentence events -> document resolution. Each stage is a
pure function of the previous one's output and the lexicon; a trained pipeline can replace the
mention or argument stage later behind the same dataclasses.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace

from ..lexicon import Lexicon, load_lexicon
from ..model import Document, DocumentResult, Entity, Event, Mention, Span
from ..text.segment import sentences
from .clause import SentenceView
from .dates import dateline_date, sentence_date
from .discourse import SHARED_ACTIONS, resolve_document, with_named_holders
from .events import SentenceEvent, sentence_events, sentence_subject
from .mentions import (
    Discourse,
    find_mentions,
    group_antecedent,
    named_office_holders,
    person_antecedent,
    with_group_anaphors,
    with_person_pronouns,
)
from .references import answers_a_charge, with_referred_acts


class Extractor:
    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self.lexicon = lexicon or load_lexicon()

    def extract(self, document: Document) -> DocumentResult:
        language = document.language if document.language in {"ar", "en"} else "en"
        document_date = document.date or dateline_date(document.text)
        events: list[Event] = []
        all_mentions: list[Mention] = []
        sentence_list = sentences(document.text)
        carried: list[Mention] = []  # an Arabic sentence's subject, for the next one's verbs
        group: Entity | None = None  # the armed group or movement named last ("الجماعة")
        person: Entity | None = None  # the person an English "he" or "she" stands for
        accusers: list[Mention] = []  # who made the latest accusation, whom a denial answers
        discourse = Discourse()  # the home state and the office holders named so far
        for sentence in sentence_list:
            mentions = find_mentions(sentence, self.lexicon, language, discourse)
            mentions = with_group_anaphors(mentions, sentence, self.lexicon, group, language)
            group = group_antecedent(mentions, group)
            if language == "en":
                mentions = with_person_pronouns(mentions, sentence, self.lexicon, person)
            all_mentions.extend(mentions)
            view = SentenceView.build(sentence, mentions, self.lexicon, language)
            date = sentence_date(sentence, document_date)
            found_events = sentence_events(view, self.lexicon, carried)
            for found in found_events:
                event = _event(document, language, sentence.index, view, found, date)
                answers_a_charge(view, event, found.tokens, accusers)
                if event.event == "ACCUSE" and event.actors and not event.negated:
                    accusers = event.actors
                events.extend(_each_to_the_others(self._as_intention(event), view, found))
            if language == "ar":
                carried = sentence_subject(found_events) or carried
            actors = [m for found in found_events for m in found.arguments.actors]
            person = person_antecedent(actors, mentions, person)
        events = with_named_holders(events, named_office_holders(all_mentions, self.lexicon))
        resolved = resolve_document(with_referred_acts(events), self.lexicon.actors.entities)
        for number, event in enumerate(resolved, start=1):
            event.id = _event_id(document.id, event, number)
        return DocumentResult(document, resolved, len(sentence_list), all_mentions)


    def _as_intention(self, event: Event) -> Event:
        """"Will support", "سترسل مساعدات": an announced intention is an AGREE (CAMEO 03x); in
        English, an announced hostile action ("will impose a curfew") is a THREATEN (13x). An
        effort ("seeks to", "تسعى إلى") stays what it is, with its modality."""
        if event.modality != "future":
            return event
        cameo = self.lexicon.intent_cameo(event.event, event.mode)
        if cameo is None or (cameo.startswith("13") and event.language != "en"):
            return event  # Arabic threats: left to the Arabic rules for now
        event.event, event.cameo = ("AGREE" if cameo.startswith("03") else "THREATEN"), cameo
        return event


def _each_to_the_others(event: Event, view: SentenceView, found: SentenceEvent) -> list[Event]:
    """"Hamas and Israel exchanged accusations", "the armies traded fire", "accused each other":
    a reciprocal act of several named actors is done by each to the others (shared acts, such as
    exchanging views, stay one event of them all)."""
    start, end = found.tokens
    # the object follows the trigger, or in Arabic its subjects: "اتهم الطرفان بعضهما"
    after = [end, *(m.token_end for m in event.actors if m.token_start >= end)]
    reciprocal = view.has_role(start, "reciprocal") or view.has_role(
        max(after), "reciprocal_object")
    if event.recipients or len(event.actors) < 2 or event.event in SHARED_ACTIONS or (
            not reciprocal):
        return [event]
    return [replace(event, actors=[actor], evidence=list(event.evidence),
                    recipients=[other for other in event.actors if other is not actor])
            for actor in event.actors]


def _event(document: Document, language: str, index: int, view: SentenceView,
           found: SentenceEvent, date: str | None) -> Event:
    sentence = view.sentence
    trigger = found.trigger
    return Event(
        id="", doc_id=document.id, sentence=index, language=language, event=trigger.event,
        cameo=trigger.cameo, trigger=found.trigger_span,
        sentence_span=Span(sentence.text, sentence.start, sentence.end),
        actors=list(found.arguments.actors), recipients=list(found.arguments.recipients),
        mode=trigger.mode, context=list(trigger.context), date=date,
        negated=found.modality.negated, modality=found.modality.modality,
        confidence=found.confidence, speaker=found.modality.speaker,
    )


def _event_id(doc_id: str, event: Event, number: int) -> str:
    """Stable across runs: the same document and text give the same id."""
    digest = hashlib.sha1(f"{event.trigger.start}:{event.event}:{event.mode}".encode()).hexdigest()
    return f"{doc_id}-s{event.sentence}-e{number}-{digest[:6]}"
