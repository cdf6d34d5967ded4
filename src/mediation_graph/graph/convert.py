"""DocumentResult -> RDF: the event model of the ontology, written as N-Triples lines per graph.

Per document: the document graph (the article as ``schema:NewsArticle`` and ``nif:Context``, the
extraction run, every event as an n-ary ``sem:Event`` with roles, flat shortcuts and NIF
evidence) and the relation graph (direct actor-to-actor triples such as ``rel:mediates``,
derived from the events so that 1-hop queries and the view need no join). Actor descriptions
go to one shared graph, once per actor, so that queries over the union of all graphs do not
meet an actor's name once per document.

Terms are written as text (N-Triples syntax, which is also SPARQL syntax): building millions of
pyoxigraph term objects costs several times more than formatting the strings, and the store
parses them in Rust either way. A mention's kind is left out when it is the default "name".
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

import pyoxigraph as ox

from .. import __version__
from ..model import DocumentResult, Entity, Event, Mention, Span
from . import namespaces as ns

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$")
_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


def iri(value: str) -> str:
    return f"<{value}>"


def _terms(base: str, *names: str) -> dict[str, str]:
    return {name: iri(base + name) for name in names}


RDF = _terms(ns.RDF, "type", "value", "Statement", "subject", "predicate", "object")
RDFS_LABEL = iri(ns.RDFS + "label")
OWL_SAMEAS = iri(ns.OWL + "sameAs")
SKOS_PREFLABEL = iri(ns.SKOS + "prefLabel")
SEM = _terms(ns.SEM, "Event", "eventType", "hasActor", "roleType", "hasTimeStamp")
PROV = _terms(ns.PROV, "Activity", "SoftwareAgent", "used", "wasAssociatedWith",
              "wasGeneratedBy", "wasDerivedFrom")
NIF = _terms(ns.NIF, "Context", "Sentence", "Phrase", "isString", "beginIndex", "endIndex",
             "anchorOf", "referenceContext")
ITS_IDENT = iri(ns.ITSRDF + "taIdentRef")
SCHEMA = _terms(ns.SCHEMA, "NewsArticle", "name", "datePublished", "inLanguage", "url",
                "headline", "softwareVersion")
MG = _terms(ns.MG, "Event", "Actor", "ExtractionRun", "Mention",
            "eventId", "docId", "cameo", "mode", "context", "actor", "recipient", "speaker",
            "confidence", "negated", "modality", "quadClass", "sentenceIndex", "trigger",
            "evidence", "document", "listIndex", "mention", "mentionKind", "resolvedFrom",
            "tokenStart", "tokenEnd", "source", "origin", "sentenceCount", "entityId",
            "countryCode", "sector", "linked", "language", "Dyad", "dyad", "dyadActor",
            "dyadRecipient", "dyadQuadClass", "Tally", "tally", "tallyType", "tallyNegated",
            "tallyModality", "eventCount", "dyadEventCount", "mediationCount",
            "mediationDocumentCount")
XSD = {name: ns.XSD + name for name in ("integer", "decimal", "boolean", "date", "dateTime")}
TRUE, FALSE = f'"true"^^<{XSD["boolean"]}>', f'"false"^^<{XSD["boolean"]}>'

ROLE_TYPES = {kind: iri(ns.MG + name) for kind, name in (
    ("actor", "ActorRole"), ("recipient", "RecipientRole"), ("speaker", "SpeakerRole"))}
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
SHARED_GRAPH = ns.GRAPH + "shared"


def literal(value: str, language: str = "") -> str:
    text = '"' + value.translate(_ESCAPES) + '"'
    return f"{text}@{language}" if language else text


def typed(value: str, datatype: str) -> str:
    return f'"{value}"^^<{datatype}>'


def integer(value: int) -> str:
    return f'"{value}"^^<{XSD["integer"]}>'


def decimal(value: float) -> str:
    """xsd:decimal in canonical form (what Oxigraph would turn it into anyway)."""
    text = format(Decimal(str(round(value, 3))).normalize(), "f")
    if "." not in text:
        text += ".0"
    return typed(text, XSD["decimal"])


def date(value: str) -> str:
    """A date or date-time typed as such; anything else stays a plain string, as written."""
    if _DATE.match(value):
        return typed(value, XSD["date"])
    if _DATETIME.match(value):
        return typed(value, XSD["dateTime"])
    return literal(value)


# A store-wide count: (node, count property), both as N-Triples terms (see graph/counts.py).
CountKey = tuple[str, str]


@dataclass
class DocumentGraphs:
    """The triples one document contributes, by graph, as N-Triples statements (no final dot)."""

    doc_id: str
    graph: str
    rel_graph: str
    triples: list[str] = field(default_factory=list)
    relations: list[str] = field(default_factory=list)
    shared: dict[str, list[str]] = field(default_factory=dict)  # subject IRI -> its triples
    counts: Counter[CountKey] = field(default_factory=Counter)  # what it adds to the counts

    def nquads(self, shared: bool = True) -> str:
        """N-Quads of the document's graphs, and of its actors' descriptions if ``shared``."""
        g, r, s = iri(self.graph), iri(self.rel_graph), iri(SHARED_GRAPH)
        lines = [f"{t} {g} .\n" for t in self.triples]
        lines += [f"{t} {r} .\n" for t in self.relations]
        if shared:
            lines += [f"{t} {s} .\n" for ts in self.shared.values() for t in ts]
        return "".join(lines)

    def quads(self) -> list[ox.Quad]:
        return list(ox.parse(self.nquads().encode("utf-8"), ox.RdfFormat.N_QUADS))


class _Writer:
    """Formats the triples of one document; spans and actors are written once each."""

    def __init__(self, result: DocumentResult) -> None:
        doc = result.document
        self.out = DocumentGraphs(doc.id, ns.doc_graph_iri(doc.id), ns.rel_graph_iri(doc.id))
        self.doc_id = doc.id
        self.doc = iri(ns.doc_iri(doc.id))
        self.run = iri(ns.run_iri(doc.id, __version__))
        self.spans: set[tuple[int, int]] = set()

    def add(self, s: str, p: str, o: str) -> None:
        self.out.triples.append(f"{s} {p} {o}")


def document_graphs(result: DocumentResult) -> DocumentGraphs:
    w = _Writer(result)
    _write_document(w, result)
    for event in result.events:
        _write_event(w, event)
    for s, p, o in relation_triples(result.events):
        w.out.relations.append(f"{iri(s)} {iri(p)} {iri(o)}")
    w.out.counts = contributions(result.events)
    return w.out


def _write_document(w: _Writer, result: DocumentResult) -> None:
    doc, node = result.document, w.doc
    w.add(node, RDF["type"], SCHEMA["NewsArticle"])
    w.add(node, RDF["type"], NIF["Context"])
    w.add(node, MG["docId"], literal(doc.id))
    w.add(node, NIF["isString"], literal(doc.text))
    w.add(node, MG["sentenceCount"], integer(result.sentence_count))
    if doc.language:
        w.add(node, SCHEMA["inLanguage"], literal(doc.language))
    if doc.date:
        w.add(node, SCHEMA["datePublished"], date(doc.date))
    if doc.url:
        w.add(node, SCHEMA["url"], literal(doc.url))
    if doc.title:
        w.add(node, SCHEMA["headline"], literal(doc.title, doc.language))
    if doc.source:
        w.add(node, MG["source"], literal(doc.source))
    if doc.origin:
        w.add(node, MG["origin"], literal(doc.origin))
    agent = iri(ns.agent_iri(__version__))
    w.add(w.run, RDF["type"], MG["ExtractionRun"])
    w.add(w.run, RDF["type"], PROV["Activity"])
    w.add(w.run, PROV["used"], node)
    w.add(w.run, PROV["wasAssociatedWith"], agent)
    w.out.shared[agent] = [f"{agent} {RDF['type']} {PROV['SoftwareAgent']}",
                           f"{agent} {SCHEMA['name']} {literal('mediation-graph')}",
                           f"{agent} {SCHEMA['softwareVersion']} {literal(__version__)}"]


def _write_event(w: _Writer, event: Event) -> None:
    node = iri(ns.event_iri(w.doc_id, event.id))
    w.add(node, RDF["type"], SEM["Event"])
    w.add(node, RDF["type"], MG["Event"])
    w.add(node, MG["eventId"], literal(event.id))
    w.add(node, MG["document"], w.doc)
    w.add(node, PROV["wasGeneratedBy"], w.run)
    w.add(node, SEM["eventType"], iri(ns.PLOVER_TYPE + event.event))
    w.add(node, MG["quadClass"], iri(ns.MG + QUAD_CLASSES.get(event.event, "Unclassified")))
    if event.cameo:
        w.add(node, MG["cameo"], iri(ns.CAMEO + event.cameo))
    if event.mode:
        base = ns.MEDIATION if event.mode == MEDIATE_MODE else ns.PLOVER_MODE
        w.add(node, MG["mode"], iri(base + event.mode))
    for context in event.context:
        w.add(node, MG["context"], iri(ns.PLOVER_CONTEXT + context))
    _write_dyads(w, node, event)
    _write_tally(w, node, event)
    _write_statements(w, event)
    if event.date:
        w.add(node, SEM["hasTimeStamp"], date(event.date))
    w.add(node, MG["language"], literal(event.language))
    w.add(node, MG["sentenceIndex"], integer(event.sentence))
    w.add(node, MG["confidence"], decimal(event.confidence))
    w.add(node, MG["negated"], TRUE if event.negated else FALSE)
    w.add(node, MG["modality"], iri(ns.MODALITY + event.modality))
    lang = event.language
    w.add(node, MG["trigger"], _write_span(w, event.trigger, lang, NIF["Phrase"]))
    w.add(node, PROV["wasDerivedFrom"],
          _write_span(w, event.sentence_span, lang, NIF["Sentence"]))
    for span in event.evidence:
        w.add(node, MG["evidence"], _write_span(w, span, lang, NIF["Sentence"]))
    roles = [("actor", m) for m in event.actors] + [("recipient", m) for m in event.recipients]
    if event.speaker:
        roles.append(("speaker", event.speaker))
    counters = dict.fromkeys(ROLE_TYPES, 0)
    for kind, mention in roles:
        _write_role(w, node, event, kind, counters[kind], mention)
        counters[kind] += 1


def event_dyads(event: Event) -> list[tuple[str, str, str]]:
    """(actor id, recipient id, quad class) of each pair of an event the text asserts without
    negation: the unit that dyads-by-quad-class counts."""
    if event.negated or event.modality != "asserted":
        return []
    quad_class = QUAD_CLASSES.get(event.event, "Unclassified")
    pairs = {(a.entity.id, r.entity.id) for a in event.actors for r in event.recipients}
    return [(actor, recipient, quad_class) for actor, recipient in sorted(pairs)]


def dyad_node(actor: str, recipient: str, quad_class: str) -> str:
    return iri(ns.dyad_iri(actor, recipient, quad_class))


def tally_node(event: Event) -> str:
    return iri(ns.tally_iri(event.event, event.negated, event.modality))


def statement_node(subject: str, relation: str, obj: str) -> str:
    """The direct relation ``subject relation obj`` (IRIs) as a node, to count its events."""
    return iri(ns.statement_iri(subject, relation, obj))


def _write_dyads(w: _Writer, node: str, event: Event) -> None:
    """Link an event the text asserts without negation to each of its actor -> recipient pairs
    in its quad class, described once in the shared graph (the store counts events per dyad)."""
    for actor, recipient, quad_class in event_dyads(event):
        dyad = dyad_node(actor, recipient, quad_class)
        w.add(node, MG["dyad"], dyad)
        w.out.shared.setdefault(dyad, [
            f"{dyad} {RDF['type']} {MG['Dyad']}",
            f"{dyad} {MG['dyadActor']} {iri(ns.entity_iri(actor))}",
            f"{dyad} {MG['dyadRecipient']} {iri(ns.entity_iri(recipient))}",
            f"{dyad} {MG['dyadQuadClass']} {iri(ns.MG + quad_class)}"])


def _write_tally(w: _Writer, node: str, event: Event) -> None:
    """Link the event to its tally (type, negation, modality), described once in the shared
    graph (the store counts events per tally)."""
    tally = tally_node(event)
    w.add(node, MG["tally"], tally)
    w.out.shared.setdefault(tally, [
        f"{tally} {RDF['type']} {MG['Tally']}",
        f"{tally} {MG['tallyType']} {iri(ns.PLOVER_TYPE + event.event)}",
        f"{tally} {MG['tallyNegated']} {TRUE if event.negated else FALSE}",
        f"{tally} {MG['tallyModality']} {iri(ns.MODALITY + event.modality)}"])


def _write_statements(w: _Writer, event: Event) -> None:
    """Describe each direct relation the event implies as an ``rdf:Statement`` in the shared
    graph, the node its store-wide event count hangs on."""
    for s, p, o in event_relations(event):
        node = statement_node(s, p, o)
        w.out.shared.setdefault(node, [
            f"{node} {RDF['type']} {RDF['Statement']}", f"{node} {RDF['subject']} {iri(s)}",
            f"{node} {RDF['predicate']} {iri(p)}", f"{node} {RDF['object']} {iri(o)}"])


def _write_span(w: _Writer, span: Span, lang: str, kind: str) -> str:
    """A NIF string (``doc#char=start,end``); written once however many events cite it."""
    node = iri(ns.span_iri(w.doc_id, span.start, span.end))
    if (span.start, span.end) not in w.spans:
        w.spans.add((span.start, span.end))
        w.add(node, RDF["type"], kind)
        w.add(node, NIF["beginIndex"], integer(span.start))
        w.add(node, NIF["endIndex"], integer(span.end))
        w.add(node, NIF["anchorOf"], literal(span.text, lang))
        w.add(node, NIF["referenceContext"], w.doc)
    return node


def _write_role(w: _Writer, event_node: str, event: Event, kind: str, index: int,
                mention: Mention) -> None:
    entity = _write_entity(w, mention.entity)
    role = f"{event_node[:-1]}#{kind}-{index}>"
    w.add(event_node, MG[kind], entity)
    w.add(event_node, SEM["hasActor"], role)
    w.add(role, RDF["value"], entity)
    w.add(role, SEM["roleType"], ROLE_TYPES[kind])
    w.add(role, MG["listIndex"], integer(index))
    fresh = (mention.span.start, mention.span.end) not in w.spans
    span = _write_span(w, mention.span, event.language, MG["Mention"])
    w.add(role, MG["mention"], span)
    if not fresh:
        return
    w.add(span, ITS_IDENT, entity)
    w.add(span, MG["tokenStart"], integer(mention.token_start))
    w.add(span, MG["tokenEnd"], integer(mention.token_end))
    w.add(span, MG["sentenceIndex"], integer(mention.sentence))
    if mention.kind != "name":
        w.add(span, MG["mentionKind"], literal(mention.kind))
    if mention.resolved_from:
        w.add(span, MG["resolvedFrom"], literal(mention.resolved_from, event.language))


def _write_entity(w: _Writer, entity: Entity) -> str:
    node = iri(ns.entity_iri(entity.id))
    if node in w.out.shared:
        return node
    ours, schema = ENTITY_CLASSES.get(entity.type, ("Group", "Organization"))
    about = [(RDF["type"], MG["Actor"]), (RDF["type"], iri(ns.MG + ours)),
             (RDF["type"], iri(ns.SCHEMA + schema)), (MG["entityId"], literal(entity.id)),
             (SCHEMA["name"], literal(entity.name)), (RDFS_LABEL, literal(entity.name, "en")),
             (MG["linked"], TRUE if entity.linked else FALSE)]
    if entity.label_en:
        about.append((SKOS_PREFLABEL, literal(entity.label_en, "en")))
    if entity.label_ar:
        about.append((SKOS_PREFLABEL, literal(entity.label_ar, "ar")))
        about.append((RDFS_LABEL, literal(entity.label_ar, "ar")))
    if entity.country:
        about.append((MG["countryCode"], literal(entity.country)))
    if entity.sector:
        about.append((MG["sector"], literal(entity.sector)))
    if entity.wikidata:
        about.append((OWL_SAMEAS, iri(ns.WD + entity.wikidata)))
    w.out.shared[node] = [f"{node} {p} {o}" for p, o in about]
    return node


def event_relations(event: Event) -> list[tuple[str, str, str]]:
    """The direct actor-to-recipient triples (as IRIs) one event implies: none unless the text
    asserts or reports it without negation."""
    if event.negated or event.modality not in RELATION_MODALITIES:
        return []
    name = "mediates" if event.mode == MEDIATE_MODE else RELATIONS.get(event.event)
    if name is None:
        return []
    triples: dict[tuple[str, str, str], None] = {}
    for actor in event.actors:
        for recipient in event.recipients:
            a, r = actor.entity.id, recipient.entity.id
            if a == r:
                continue
            pairs = [(a, r), (r, a)] if name in SYMMETRIC_RELATIONS else [(a, r)]
            for s, o in pairs:
                triples[(ns.entity_iri(s), ns.REL + name, ns.entity_iri(o))] = None
    return list(triples)


def relation_triples(events: list[Event]) -> Iterator[tuple[str, str, str]]:
    """Direct actor-to-recipient triples (as IRIs) for what the text asserts happened, once."""
    seen: set[tuple[str, str, str]] = set()
    for event in events:
        for triple in event_relations(event):
            if triple not in seen:
                seen.add(triple)
                yield triple


def contributions(events: Sequence[Event]) -> Counter[CountKey]:
    """What one document's events add to the store-wide counts (graph/counts.py): events per
    tally, dyad, direct relation and actor; mediations per mediator, and documents with one."""
    counts: Counter[CountKey] = Counter()
    event_count, mediations = MG["eventCount"], MG["mediationCount"]
    mediators: set[str] = set()
    for event in events:
        counts[(tally_node(event), event_count)] += 1
        for dyad in event_dyads(event):
            counts[(dyad_node(*dyad), MG["dyadEventCount"])] += 1
        for statement in event_relations(event):
            counts[(statement_node(*statement), event_count)] += 1
        for entity in {m.entity.id for m in (*event.actors, *event.recipients)}:
            counts[(iri(ns.entity_iri(entity)), event_count)] += 1
        if event.mode == MEDIATE_MODE and not event.negated:
            for entity in {m.entity.id for m in event.actors}:
                counts[(iri(ns.entity_iri(entity)), mediations)] += 1
                mediators.add(entity)
    for entity in mediators:
        counts[(iri(ns.entity_iri(entity)), MG["mediationDocumentCount"])] += 1
    return counts
