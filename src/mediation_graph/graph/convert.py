"""DocumentResult -> quads: the event model of the ontology, written with pyoxigraph terms.

Per document two named graphs: the document graph (the article as ``schema:NewsArticle`` and
``nif:Context``, the extraction run, every event as an n-ary ``sem:Event`` with roles, flat
shortcuts and NIF evidence, the actors it names) and the relation graph (direct actor-to-actor
triples such as ``rel:mediates``, derived from the events so that 1-hop queries and the view
need no join; rebuilt with the document).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from pyoxigraph import Literal, NamedNode, Quad

from .. import __version__
from ..model import DocumentResult, Entity, Event, Mention, Span
from . import namespaces as ns

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$")


def _n(base: str, local: str) -> NamedNode:
    return NamedNode(base + local)


RDF_TYPE = _n(ns.RDF, "type")
RDF_VALUE = _n(ns.RDF, "value")
RDFS_LABEL = _n(ns.RDFS, "label")
OWL_SAMEAS = _n(ns.OWL, "sameAs")
SKOS_PREFLABEL = _n(ns.SKOS, "prefLabel")
XSD_STRING = _n(ns.XSD, "string")
XSD_INTEGER = _n(ns.XSD, "integer")
XSD_DECIMAL = _n(ns.XSD, "decimal")
XSD_BOOLEAN = _n(ns.XSD, "boolean")
XSD_DATE = _n(ns.XSD, "date")
XSD_DATETIME = _n(ns.XSD, "dateTime")

SEM_EVENT = _n(ns.SEM, "Event")
SEM_ROLE = _n(ns.SEM, "Role")
SEM_EVENT_TYPE = _n(ns.SEM, "eventType")
SEM_HAS_ACTOR = _n(ns.SEM, "hasActor")
SEM_ROLE_TYPE = _n(ns.SEM, "roleType")
SEM_TIMESTAMP = _n(ns.SEM, "hasTimeStamp")
PROV_ACTIVITY = _n(ns.PROV, "Activity")
PROV_SOFTWARE_AGENT = _n(ns.PROV, "SoftwareAgent")
PROV_USED = _n(ns.PROV, "used")
PROV_ASSOCIATED = _n(ns.PROV, "wasAssociatedWith")
PROV_GENERATED_BY = _n(ns.PROV, "wasGeneratedBy")
PROV_DERIVED_FROM = _n(ns.PROV, "wasDerivedFrom")
NIF_CONTEXT = _n(ns.NIF, "Context")
NIF_STRING = _n(ns.NIF, "String")
NIF_SENTENCE = _n(ns.NIF, "Sentence")
NIF_PHRASE = _n(ns.NIF, "Phrase")
NIF_IS_STRING = _n(ns.NIF, "isString")
NIF_BEGIN = _n(ns.NIF, "beginIndex")
NIF_END = _n(ns.NIF, "endIndex")
NIF_ANCHOR = _n(ns.NIF, "anchorOf")
NIF_REFERENCE = _n(ns.NIF, "referenceContext")
ITS_IDENT = _n(ns.ITSRDF, "taIdentRef")
SCHEMA_ARTICLE = _n(ns.SCHEMA, "NewsArticle")
SCHEMA_NAME = _n(ns.SCHEMA, "name")
SCHEMA_DATE = _n(ns.SCHEMA, "datePublished")
SCHEMA_LANGUAGE = _n(ns.SCHEMA, "inLanguage")
SCHEMA_URL = _n(ns.SCHEMA, "url")
SCHEMA_HEADLINE = _n(ns.SCHEMA, "headline")
SCHEMA_VERSION = _n(ns.SCHEMA, "softwareVersion")

MG_EVENT = _n(ns.MG, "Event")
MG_ACTOR = _n(ns.MG, "Actor")
MG_RUN = _n(ns.MG, "ExtractionRun")
MG_MENTION = _n(ns.MG, "Mention")
MG = {name: _n(ns.MG, name) for name in (
    "eventId", "docId", "cameo", "mode", "context", "actor", "recipient", "speaker",
    "confidence", "negated", "modality", "quadClass", "sentenceIndex", "trigger", "sentence",
    "evidence", "document", "listIndex", "mention", "mentionKind", "resolvedFrom", "tokenStart",
    "tokenEnd", "source", "origin", "sentenceCount", "entityId", "countryCode", "sector",
    "linked", "language",
)}
ROLE_TYPES = {
    "actor": _n(ns.MG, "ActorRole"),
    "recipient": _n(ns.MG, "RecipientRole"),
    "speaker": _n(ns.MG, "SpeakerRole"),
}
# Our entity classes (each a subclass of a schema.org class in the ontology); the schema.org
# class is written too so that consumers without a reasoner still see it.
ENTITY_CLASSES: dict[str, tuple[str, str]] = {
    "state": ("State", "Country"),
    "person": ("Person", "Person"),
    "organization": ("Organization", "Organization"),
    "armed_group": ("ArmedGroup", "Organization"),
    "place": ("Place", "Place"),
    "group": ("Group", "Organization"),
}
# PLOVER types grouped into the four classic quad classes (CAMEO roots 01-05, 06-08, 09-13,
# 14-20), so cooperation and conflict can be queried without a reasoner.
QUAD_CLASSES: dict[str, str] = {
    **dict.fromkeys(("AGREE", "CONSULT", "SUPPORT"), "VerbalCooperation"),
    **dict.fromkeys(("COOPERATE", "AID", "CONCEDE", "RETREAT"), "MaterialCooperation"),
    **dict.fromkeys(("REQUEST", "ACCUSE", "REJECT", "THREATEN"), "VerbalConflict"),
    **dict.fromkeys(("PROTEST", "MOBILIZE", "SANCTION", "COERCE", "ASSAULT"), "MaterialConflict"),
}
# The direct relation each event type implies between an actor and a recipient.
RELATIONS: dict[str, str] = {
    "AGREE": "agreesWith", "CONSULT": "meetsWith", "SUPPORT": "supports",
    "CONCEDE": "concedesTo", "COOPERATE": "cooperatesWith", "AID": "aids",
    "RETREAT": "retreatsBefore", "REQUEST": "requests", "ACCUSE": "accuses",
    "REJECT": "rejects", "THREATEN": "threatens", "PROTEST": "protestsAgainst",
    "SANCTION": "sanctions", "MOBILIZE": "mobilizesAgainst", "COERCE": "coerces",
    "ASSAULT": "assaults",
}
SYMMETRIC_RELATIONS = frozenset({"meetsWith", "cooperatesWith", "agreesWith"})
MEDIATE_MODE = "mediate"
# Only what the text says did happen becomes a direct relation: "did not meet" or "will meet"
# stays on the event node, where its negation and modality are visible.
RELATION_MODALITIES = frozenset({"asserted", "reported"})


def decimal_literal(value: float) -> Literal:
    """xsd:decimal in canonical form (what Oxigraph would turn it into anyway)."""
    text = format(Decimal(str(round(value, 3))).normalize(), "f")
    if "." not in text:
        text += ".0"
    return Literal(text, datatype=XSD_DECIMAL)


def integer_literal(value: int) -> Literal:
    return Literal(str(value), datatype=XSD_INTEGER)


def boolean_literal(value: bool) -> Literal:
    return Literal("true" if value else "false", datatype=XSD_BOOLEAN)


def date_literal(value: str) -> Literal:
    """A date or date-time typed as such; anything else stays a plain string, as written."""
    if _DATE.match(value):
        return Literal(value, datatype=XSD_DATE)
    if _DATETIME.match(value):
        return Literal(value, datatype=XSD_DATETIME)
    return Literal(value)


def text_literal(value: str, language: str) -> Literal:
    return Literal(value, language=language) if language else Literal(value)


class _Writer:
    """Collects the quads of one named graph, with the term shortcuts the converters need."""

    def __init__(self, graph: str) -> None:
        self.graph = NamedNode(graph)
        self.quads: list[Quad] = []

    def add(self, s: NamedNode, p: NamedNode, o: NamedNode | Literal) -> None:
        self.quads.append(Quad(s, p, o, self.graph))


def document_quads(result: DocumentResult) -> tuple[NamedNode, list[Quad], NamedNode, list[Quad]]:
    """The document graph and the relation graph of one document (name, quads each)."""
    doc = result.document
    main = _Writer(ns.doc_graph_iri(doc.id))
    _write_document(main, result)
    for event in result.events:
        _write_event(main, event, doc.id)
    rel = _Writer(ns.rel_graph_iri(doc.id))
    for s, p, o in relation_triples(result.events):
        rel.add(s, p, o)
    return main.graph, main.quads, rel.graph, rel.quads


def _write_document(w: _Writer, result: DocumentResult) -> None:
    doc = result.document
    node = NamedNode(ns.doc_iri(doc.id))
    w.add(node, RDF_TYPE, SCHEMA_ARTICLE)
    w.add(node, RDF_TYPE, NIF_CONTEXT)
    w.add(node, MG["docId"], Literal(doc.id))
    w.add(node, NIF_IS_STRING, Literal(doc.text))
    w.add(node, MG["sentenceCount"], integer_literal(result.sentence_count))
    if doc.language:
        w.add(node, SCHEMA_LANGUAGE, Literal(doc.language))
    if doc.date:
        w.add(node, SCHEMA_DATE, date_literal(doc.date))
    if doc.url:
        w.add(node, SCHEMA_URL, Literal(doc.url))
    if doc.title:
        w.add(node, SCHEMA_HEADLINE, text_literal(doc.title, doc.language))
    if doc.source:
        w.add(node, MG["source"], Literal(doc.source))
    if doc.origin:
        w.add(node, MG["origin"], Literal(doc.origin))
    run = NamedNode(ns.run_iri(doc.id, __version__))
    agent = NamedNode(ns.agent_iri(__version__))
    w.add(run, RDF_TYPE, MG_RUN)
    w.add(run, RDF_TYPE, PROV_ACTIVITY)
    w.add(run, PROV_USED, node)
    w.add(run, PROV_ASSOCIATED, agent)
    w.add(agent, RDF_TYPE, PROV_SOFTWARE_AGENT)
    w.add(agent, SCHEMA_NAME, Literal("mediation-graph"))
    w.add(agent, SCHEMA_VERSION, Literal(__version__))


def _write_event(w: _Writer, event: Event, doc_id: str) -> None:
    node = NamedNode(ns.event_iri(doc_id, event.id))
    w.add(node, RDF_TYPE, SEM_EVENT)
    w.add(node, RDF_TYPE, MG_EVENT)
    w.add(node, MG["eventId"], Literal(event.id))
    w.add(node, MG["document"], NamedNode(ns.doc_iri(doc_id)))
    w.add(node, PROV_GENERATED_BY, NamedNode(ns.run_iri(doc_id, __version__)))
    w.add(node, SEM_EVENT_TYPE, _n(ns.PLOVER_TYPE, event.event))
    w.add(node, MG["quadClass"], _n(ns.MG, QUAD_CLASSES.get(event.event, "Unclassified")))
    if event.cameo:
        w.add(node, MG["cameo"], _n(ns.CAMEO, event.cameo))
    if event.mode:
        base = ns.MEDIATION if event.mode == MEDIATE_MODE else ns.PLOVER_MODE
        w.add(node, MG["mode"], _n(base, event.mode))
    for context in event.context:
        w.add(node, MG["context"], _n(ns.PLOVER_CONTEXT, context))
    if event.date:
        w.add(node, SEM_TIMESTAMP, date_literal(event.date))
    w.add(node, MG["language"], Literal(event.language))
    w.add(node, MG["sentenceIndex"], integer_literal(event.sentence))
    w.add(node, MG["confidence"], decimal_literal(event.confidence))
    w.add(node, MG["negated"], boolean_literal(event.negated))
    w.add(node, MG["modality"], _n(ns.MODALITY, event.modality))
    lang = event.language
    w.add(node, MG["trigger"], _write_span(w, doc_id, event.trigger, lang, NIF_PHRASE))
    sentence = _write_span(w, doc_id, event.sentence_span, lang, NIF_SENTENCE)
    w.add(node, MG["sentence"], sentence)
    w.add(node, PROV_DERIVED_FROM, sentence)
    for span in event.evidence:
        w.add(node, MG["evidence"], _write_span(w, doc_id, span, lang, NIF_SENTENCE))
    roles = [("actor", m) for m in event.actors] + [("recipient", m) for m in event.recipients]
    if event.speaker:
        roles.append(("speaker", event.speaker))
    counters = dict.fromkeys(ROLE_TYPES, 0)
    for kind, mention in roles:
        _write_role(w, node, kind, counters[kind], mention, doc_id, lang)
        counters[kind] += 1


def _write_span(w: _Writer, doc_id: str, span: Span, lang: str, kind: NamedNode) -> NamedNode:
    node = NamedNode(ns.span_iri(doc_id, span.start, span.end))
    w.add(node, RDF_TYPE, NIF_STRING)
    w.add(node, RDF_TYPE, kind)
    w.add(node, NIF_BEGIN, integer_literal(span.start))
    w.add(node, NIF_END, integer_literal(span.end))
    w.add(node, NIF_ANCHOR, text_literal(span.text, lang))
    w.add(node, NIF_REFERENCE, NamedNode(ns.doc_iri(doc_id)))
    return node


def _write_role(w: _Writer, event: NamedNode, kind: str, index: int, mention: Mention,
                doc_id: str, lang: str) -> None:
    entity = _write_entity(w, mention.entity)
    role = NamedNode(f"{event.value}#{kind}-{index}")
    w.add(event, MG[kind], entity)
    w.add(event, SEM_HAS_ACTOR, role)
    w.add(role, RDF_TYPE, SEM_ROLE)
    w.add(role, RDF_VALUE, entity)
    w.add(role, SEM_ROLE_TYPE, ROLE_TYPES[kind])
    w.add(role, MG["listIndex"], integer_literal(index))
    span = _write_span(w, doc_id, mention.span, lang, MG_MENTION)
    w.add(role, MG["mention"], span)
    w.add(span, ITS_IDENT, entity)
    w.add(span, MG["mentionKind"], Literal(mention.kind))
    w.add(span, MG["sentenceIndex"], integer_literal(mention.sentence))
    w.add(span, MG["tokenStart"], integer_literal(mention.token_start))
    w.add(span, MG["tokenEnd"], integer_literal(mention.token_end))
    if mention.resolved_from:
        w.add(span, MG["resolvedFrom"], text_literal(mention.resolved_from, lang))


def _write_entity(w: _Writer, entity: Entity) -> NamedNode:
    node = NamedNode(ns.entity_iri(entity.id))
    ours, schema = ENTITY_CLASSES.get(entity.type, ("Group", "Organization"))
    w.add(node, RDF_TYPE, MG_ACTOR)
    w.add(node, RDF_TYPE, _n(ns.MG, ours))
    w.add(node, RDF_TYPE, _n(ns.SCHEMA, schema))
    w.add(node, MG["entityId"], Literal(entity.id))
    w.add(node, SCHEMA_NAME, Literal(entity.name))
    w.add(node, RDFS_LABEL, Literal(entity.name, language="en"))
    w.add(node, MG["linked"], boolean_literal(entity.linked))
    if entity.label_en:
        w.add(node, SKOS_PREFLABEL, Literal(entity.label_en, language="en"))
    if entity.label_ar:
        w.add(node, SKOS_PREFLABEL, Literal(entity.label_ar, language="ar"))
        w.add(node, RDFS_LABEL, Literal(entity.label_ar, language="ar"))
    if entity.country:
        w.add(node, MG["countryCode"], Literal(entity.country))
    if entity.sector:
        w.add(node, MG["sector"], Literal(entity.sector))
    if entity.wikidata:
        w.add(node, OWL_SAMEAS, _n(ns.WD, entity.wikidata))
    return node


def relation_triples(events: list[Event]) -> Iterator[tuple[NamedNode, NamedNode, NamedNode]]:
    """Direct actor-to-recipient triples for what the text asserts happened, deduplicated."""
    seen: set[tuple[str, str, str]] = set()
    for event in events:
        if event.negated or event.modality not in RELATION_MODALITIES:
            continue
        name = "mediates" if event.mode == MEDIATE_MODE else RELATIONS.get(event.event)
        if name is None:
            continue
        for actor in event.actors:
            for recipient in event.recipients:
                a, r = actor.entity.id, recipient.entity.id
                if a == r:
                    continue
                pairs = [(a, r), (r, a)] if name in SYMMETRIC_RELATIONS else [(a, r)]
                for s, o in pairs:
                    if (s, name, o) not in seen:
                        seen.add((s, name, o))
                        yield (NamedNode(ns.entity_iri(s)), _n(ns.REL, name),
                               NamedNode(ns.entity_iri(o)))
