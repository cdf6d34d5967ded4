"""Examples for the graph tests: two hand-made news documents, one Arabic and one English, turned
into DocumentResults as the extractor would hand them over (the ``graph_`` fixtures in
conftest.py serve them)."""

from __future__ import annotations

from mediation_graph.model import Document, DocumentResult, Entity, Event, Mention, Span

TUR = Entity("TUR", "Turkey", "state", "TUR", "GOV", "Q43", "تركيا", "Turkey")
EGY = Entity("EGY", "Egypt", "state", "EGY", "GOV", "Q79", "مصر", "Egypt")
QAT = Entity("QAT", "Qatar", "state", "QAT", "GOV", "Q846", "قطر", "Qatar")
ISR = Entity("ISR", "Israel", "state", "ISR", "GOV", "Q801", "إسرائيل", "Israel")
USA = Entity("USA", "United States", "state", "USA", "GOV", "Q30", None, "United States")
HAMAS = Entity("HAMAS", "Hamas", "armed_group", "PSE", "REB", None, "حماس", "Hamas")
KALIN = Entity("KALIN", "İbrahim Kalın", "person", "TUR", "SPY", None, "إبراهيم قالن")

AR_TEXT = (
    "التقى رئيس الاستخبارات التركية إبراهيم قالن وفد حماس في أنقرة.\n"
    "وتتوسط تركيا ومصر وقطر بين حماس وإسرائيل.\n"
    "ولم تلتق حماس بمسؤولين من إسرائيل."
)
EN_TEXT = (
    "Qatar and Egypt mediated between Hamas and Israel on Monday. "
    "Israel accused Hamas of breaking the truce. "
    "The United States will meet Qatari officials next week. "
    "Officials said the mediation in Doha went on."
)


class Passage:
    """Builds spans and mentions by the words they cover, so offsets are right by design."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.sentences = self._split()

    def _split(self) -> list[Span]:
        spans, start = [], 0
        for i, ch in enumerate(self.text):
            if ch in ".\n" and (i + 1 == len(self.text) or self.text[i + 1] in " \n"):
                spans.append(Span(self.text[start:i + 1], start, i + 1))
                start = i + 2
        return spans

    def span(self, words: str, sentence: int) -> Span:
        base = self.sentences[sentence].start
        start = self.text.index(words, base)
        return Span(words, start, start + len(words))

    def mention(self, words: str, entity: Entity, sentence: int, kind: str = "name") -> Mention:
        return Mention(self.span(words, sentence), entity, sentence, 0, len(words.split()), kind)


def arabic_result() -> DocumentResult:
    p = Passage(AR_TEXT)
    doc = Document("ankara-ar", AR_TEXT, "ar", "2024-04-20", "https://example.org/ankara",
                   "قالن يلتقي وفد حماس", "example news", "examples/ankara.txt")
    met = Event("ankara-ar-s0-e1", doc.id, 0, "ar", "CONSULT", "040", p.span("التقى", 0),
                p.sentences[0], [p.mention("إبراهيم قالن", KALIN, 0)],
                [p.mention("حماس", HAMAS, 0, kind="role")], context=["diplomatic"],
                date="2024-04-20", confidence=0.9)
    mediate = Event("ankara-ar-s1-e1", doc.id, 1, "ar", "CONSULT", "045", p.span("وتتوسط", 1),
                    p.sentences[1],
                    [p.mention("تركيا", TUR, 1), p.mention("مصر", EGY, 1),
                     p.mention("قطر", QAT, 1)],
                    [p.mention("حماس", HAMAS, 1), p.mention("إسرائيل", ISR, 1)],
                    mode="mediate", context=["diplomatic"], confidence=0.85)
    not_met = Event("ankara-ar-s2-e1", doc.id, 2, "ar", "CONSULT", "040", p.span("تلتق", 2),
                    p.sentences[2], [p.mention("حماس", HAMAS, 2)],
                    [p.mention("إسرائيل", ISR, 2, kind="metonym")], negated=True,
                    confidence=0.7)
    return DocumentResult(doc, [met, mediate, not_met], sentence_count=3)


def english_result() -> DocumentResult:
    p = Passage(EN_TEXT)
    doc = Document("doha-en", EN_TEXT, "en", "2024-05-06", None, "Talks in Doha", None,
                   "examples/doha.txt")
    mediate = Event("doha-en-s0-e1", doc.id, 0, "en", "CONSULT", "045", p.span("mediated", 0),
                    p.sentences[0], [p.mention("Qatar", QAT, 0), p.mention("Egypt", EGY, 0)],
                    [p.mention("Hamas", HAMAS, 0), p.mention("Israel", ISR, 0)],
                    mode="mediate", context=["diplomatic"], date="2024-05-06",
                    confidence=0.95, evidence=[p.sentences[3]])
    accuse = Event("doha-en-s1-e1", doc.id, 1, "en", "ACCUSE", "112", p.span("accused", 1),
                   p.sentences[1], [p.mention("Israel", ISR, 1)],
                   [p.mention("Hamas", HAMAS, 1)], mode="disapprove", confidence=0.8)
    future = Event("doha-en-s2-e1", doc.id, 2, "en", "CONSULT", "036", p.span("meet", 2),
                   p.sentences[2], [p.mention("The United States", USA, 2)],
                   [p.mention("Qatari", QAT, 2, kind="adjective")], modality="future",
                   confidence=0.6, speaker=None)
    return DocumentResult(doc, [mediate, accuse, future], sentence_count=4)
