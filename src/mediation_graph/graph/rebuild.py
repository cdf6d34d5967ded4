"""Quads of a document graph -> the model's Document and Events, for the view and the CLI.

The inverse of ``convert``: everything an Event carries is in its document graph plus the
descriptions of its actors in the shared graph, so a store can be drawn or re-exported as event
records without the original text files.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

import pyoxigraph as ox
from pyoxigraph import Literal, NamedNode, Quad

from ..model import Document, Entity, Event, Mention, Span
from . import convert as c
from . import namespaces as ns

Term = NamedNode | Literal
Index = dict[str, dict[str, list[Term]]]

_TYPE_OF_CLASS = {ns.MG + ours: kind for kind, (ours, _) in c.ENTITY_CLASSES.items()}
_KIND_OF_ROLE = {role[1:-1]: kind for kind, role in c.ROLE_TYPES.items()}


def _v(term: str) -> str:
    """The IRI inside an N-Triples term of ``convert``."""
    return term[1:-1]


TYPE, ARTICLE, EVENT = _v(c.RDF["type"]), _v(c.SCHEMA["NewsArticle"]), _v(c.SEM["Event"])
ENTITY_LINKS = tuple(_v(c.MG[p]) for p in ("actor", "recipient", "speaker"))


def index_quads(quads: Iterable[Quad], index: Index | None = None) -> Index:
    """subject IRI -> predicate IRI -> objects, the shape every lookup below walks."""
    if index is None:
        index = defaultdict(lambda: defaultdict(list))
    for quad in quads:
        index[quad.subject.value][quad.predicate.value].append(quad.object)
    return index


def linked_entities(index: Index) -> set[str]:
    """IRIs of the actors the events of an index name (to fetch their descriptions)."""
    return {o.value for props in index.values() for p in ENTITY_LINKS for o in props.get(p, [])}


def read_graph(store: ox.Store, graph: NamedNode) -> Index:
    """A document graph indexed together with the shared descriptions of the actors it names:
    everything ``events_in`` and ``documents_in`` need."""
    index = index_quads(store.quads_for_pattern(None, None, None, graph))
    shared = NamedNode(c.SHARED_GRAPH)
    for entity in linked_entities(index):
        index_quads(store.quads_for_pattern(NamedNode(entity), None, None, shared), index)
    return index


def _one(index: Index, subject: str, predicate: str) -> Term | None:
    values = index.get(subject, {}).get(_v(predicate))
    return values[0] if values else None


def _text(index: Index, subject: str, predicate: str) -> str | None:
    term = _one(index, subject, predicate)
    return term.value if term is not None else None


def _int(index: Index, subject: str, predicate: str, default: int = 0) -> int:
    value = _text(index, subject, predicate)
    return int(value) if value is not None else default


def _local(iri: str, base: str) -> str:
    return iri[len(base):] if iri.startswith(base) else iri.rsplit("/", 1)[-1]


def _subjects_of_type(index: Index, cls: str) -> list[str]:
    return [s for s, props in index.items()
            if any(t.value == cls for t in props.get(TYPE, []))]


def documents_in(index: Index) -> list[Document]:
    return [_document(index, node) for node in _subjects_of_type(index, ARTICLE)]


def _document(index: Index, node: str) -> Document:
    return Document(
        id=_text(index, node, c.MG["docId"]) or "",
        text=_text(index, node, c.NIF["isString"]) or "",
        language=_text(index, node, c.SCHEMA["inLanguage"]) or "",
        date=_text(index, node, c.SCHEMA["datePublished"]),
        url=_text(index, node, c.SCHEMA["url"]),
        title=_text(index, node, c.SCHEMA["headline"]),
        source=_text(index, node, c.MG["source"]),
        origin=_text(index, node, c.MG["origin"]) or "",
    )


def events_in(index: Index) -> list[Event]:
    """Every event of the index, in document order (sentence, then trigger offset, then id)."""
    docs = {node: _document(index, node) for node in _subjects_of_type(index, ARTICLE)}
    events = [_event(index, node, docs) for node in _subjects_of_type(index, EVENT)]
    events.sort(key=lambda e: (e.doc_id, e.sentence, e.trigger.start, e.id))
    return events


def _event(index: Index, node: str, docs: dict[str, Document]) -> Event:
    doc = docs.get(_text(index, node, c.MG["document"]) or "")
    sentence = _int(index, node, c.MG["sentenceIndex"])
    roles: dict[str, list[tuple[int, Mention]]] = {kind: [] for kind in c.ROLE_TYPES}
    for role in index[node].get(_v(c.SEM["hasActor"]), []):
        kind = _KIND_OF_ROLE.get(_text(index, role.value, c.SEM["roleType"]) or "")
        if kind:
            position = _int(index, role.value, c.MG["listIndex"])
            roles[kind].append((position, _mention(index, role.value)))
    for found in roles.values():
        found.sort(key=lambda pair: pair[0])
    mode = _text(index, node, c.MG["mode"])
    cameo = _text(index, node, c.MG["cameo"])
    evidence = [_span(index, t.value) for t in index[node].get(_v(c.MG["evidence"]), [])]
    contexts = [_local(t.value, ns.PLOVER_CONTEXT)
                for t in index[node].get(_v(c.MG["context"]), [])]
    return Event(
        id=_text(index, node, c.MG["eventId"]) or node,
        doc_id=doc.id if doc else "",
        sentence=sentence,
        language=_text(index, node, c.MG["language"]) or "",
        event=_local(_text(index, node, c.SEM["eventType"]) or "", ns.PLOVER_TYPE),
        cameo=_local(cameo, ns.CAMEO) if cameo else "",
        trigger=_span(index, _text(index, node, c.MG["trigger"]) or ""),
        sentence_span=_span(index, _text(index, node, c.PROV["wasDerivedFrom"]) or ""),
        actors=[m for _, m in roles["actor"]],
        recipients=[m for _, m in roles["recipient"]],
        mode=mode.rsplit("/", 1)[-1] if mode else None,
        context=sorted(contexts),
        date=_text(index, node, c.SEM["hasTimeStamp"]),
        negated=_text(index, node, c.MG["negated"]) == "true",
        modality=_local(_text(index, node, c.MG["modality"]) or "asserted", ns.MODALITY),
        confidence=float(_text(index, node, c.MG["confidence"]) or 0.0),
        speaker=roles["speaker"][0][1] if roles["speaker"] else None,
        evidence=sorted(evidence, key=lambda s: s.start),
    )


def _span(index: Index, node: str) -> Span:
    return Span(
        text=_text(index, node, c.NIF["anchorOf"]) or "",
        start=_int(index, node, c.NIF["beginIndex"]),
        end=_int(index, node, c.NIF["endIndex"]),
    )


def _mention(index: Index, role: str) -> Mention:
    span_node = _text(index, role, c.MG["mention"]) or ""
    return Mention(
        span=_span(index, span_node),
        entity=_entity(index, _text(index, role, c.RDF["value"]) or ""),
        sentence=_int(index, span_node, c.MG["sentenceIndex"]),
        token_start=_int(index, span_node, c.MG["tokenStart"]),
        token_end=_int(index, span_node, c.MG["tokenEnd"]),
        kind=_text(index, span_node, c.MG["mentionKind"]) or "name",
        resolved_from=_text(index, span_node, c.MG["resolvedFrom"]),
    )


def _entity(index: Index, node: str) -> Entity:
    types = index.get(node, {}).get(TYPE, [])
    kind = next((_TYPE_OF_CLASS[t.value] for t in types if t.value in _TYPE_OF_CLASS), "group")
    labels = index.get(node, {}).get(_v(c.SKOS_PREFLABEL), [])
    label = {t.language: t.value for t in labels if isinstance(t, Literal)}
    wikidata = _text(index, node, c.OWL_SAMEAS)
    return Entity(
        id=_text(index, node, c.MG["entityId"]) or node,
        name=_text(index, node, c.SCHEMA["name"]) or "",
        type=kind,
        country=_text(index, node, c.MG["countryCode"]),
        sector=_text(index, node, c.MG["sector"]),
        wikidata=_local(wikidata, ns.WD) if wikidata else None,
        label_ar=label.get("ar"),
        label_en=label.get("en"),
        linked=_text(index, node, c.MG["linked"]) != "false",
    )
