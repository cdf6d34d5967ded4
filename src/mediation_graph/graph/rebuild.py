"""Quads of a document graph -> the model's Document and Events, for the view and the CLI.

The inverse of ``convert``: everything an Event carries is in its graph, so a store can be drawn
or re-exported as event records without the original text files.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from pyoxigraph import Literal, NamedNode, Quad

from ..model import Document, Entity, Event, Mention, Span
from . import convert as c
from . import namespaces as ns

Term = NamedNode | Literal
Index = dict[str, dict[str, list[Term]]]

_TYPE_OF_CLASS = {ns.MG + ours: kind for kind, (ours, _) in c.ENTITY_CLASSES.items()}


def index_quads(quads: Iterable[Quad]) -> Index:
    """subject IRI -> predicate IRI -> objects, the shape every lookup below walks."""
    index: Index = defaultdict(lambda: defaultdict(list))
    for quad in quads:
        index[quad.subject.value][quad.predicate.value].append(quad.object)
    return index


def _one(index: Index, subject: str, predicate: NamedNode) -> Term | None:
    values = index.get(subject, {}).get(predicate.value)
    return values[0] if values else None


def _text(index: Index, subject: str, predicate: NamedNode) -> str | None:
    term = _one(index, subject, predicate)
    return term.value if term is not None else None


def _int(index: Index, subject: str, predicate: NamedNode, default: int = 0) -> int:
    value = _text(index, subject, predicate)
    return int(value) if value is not None else default


def _local(iri: str, base: str) -> str:
    return iri[len(base):] if iri.startswith(base) else iri.rsplit("/", 1)[-1]


def documents_in(index: Index) -> list[Document]:
    docs = []
    for subject, props in index.items():
        if c.SCHEMA_ARTICLE in props.get(c.RDF_TYPE.value, []):
            docs.append(_document(index, subject))
    return docs


def _document(index: Index, node: str) -> Document:
    return Document(
        id=_text(index, node, c.MG["docId"]) or "",
        text=_text(index, node, c.NIF_IS_STRING) or "",
        language=_text(index, node, c.SCHEMA_LANGUAGE) or "",
        date=_text(index, node, c.SCHEMA_DATE),
        url=_text(index, node, c.SCHEMA_URL),
        title=_text(index, node, c.SCHEMA_HEADLINE),
        source=_text(index, node, c.MG["source"]),
        origin=_text(index, node, c.MG["origin"]) or "",
    )


def events_in(index: Index) -> list[Event]:
    """Every event of the graph, in document order (sentence, then trigger offset, then id)."""
    docs = {node: _text(index, node, c.MG["docId"]) or "" for node in _subjects_of_type(
        index, c.SCHEMA_ARTICLE)}
    events = [_event(index, node, docs) for node in _subjects_of_type(index, c.MG_EVENT)]
    events.sort(key=lambda e: (e.doc_id, e.sentence, e.trigger.start, e.id))
    return events


def _subjects_of_type(index: Index, cls: NamedNode) -> list[str]:
    return [s for s, props in index.items() if cls in props.get(c.RDF_TYPE.value, [])]


def _event(index: Index, node: str, docs: dict[str, str]) -> Event:
    doc_node = _text(index, node, c.MG["document"]) or ""
    roles: dict[str, list[tuple[int, Mention]]] = {kind: [] for kind in c.ROLE_TYPES}
    kinds = {t.value: kind for kind, t in c.ROLE_TYPES.items()}
    for role in index[node].get(c.SEM_HAS_ACTOR.value, []):
        kind = kinds.get(_text(index, role.value, c.SEM_ROLE_TYPE) or "")
        if kind:
            position = _int(index, role.value, c.MG["listIndex"])
            roles[kind].append((position, _mention(index, role.value)))
    for found in roles.values():
        found.sort(key=lambda pair: pair[0])
    mode = _text(index, node, c.MG["mode"])
    cameo = _text(index, node, c.MG["cameo"])
    date = _text(index, node, c.SEM_TIMESTAMP)
    evidence = [_span(index, t.value) for t in index[node].get(c.MG["evidence"].value, [])]
    contexts = [_local(t.value, ns.PLOVER_CONTEXT) for t in index[node].get(
        c.MG["context"].value, [])]
    return Event(
        id=_text(index, node, c.MG["eventId"]) or node,
        doc_id=docs.get(doc_node, ""),
        sentence=_int(index, node, c.MG["sentenceIndex"]),
        language=_text(index, node, c.MG["language"]) or "",
        event=_local(_text(index, node, c.SEM_EVENT_TYPE) or "", ns.PLOVER_TYPE),
        cameo=_local(cameo, ns.CAMEO) if cameo else "",
        trigger=_span(index, _text(index, node, c.MG["trigger"]) or ""),
        sentence_span=_span(index, _text(index, node, c.MG["sentence"]) or ""),
        actors=[m for _, m in roles["actor"]],
        recipients=[m for _, m in roles["recipient"]],
        mode=mode.rsplit("/", 1)[-1] if mode else None,
        context=sorted(contexts),
        date=date,
        negated=_text(index, node, c.MG["negated"]) == "true",
        modality=_local(_text(index, node, c.MG["modality"]) or "asserted", ns.MODALITY),
        confidence=float(_text(index, node, c.MG["confidence"]) or 0.0),
        speaker=roles["speaker"][0][1] if roles["speaker"] else None,
        evidence=sorted(evidence, key=lambda s: s.start),
    )


def _span(index: Index, node: str) -> Span:
    return Span(
        text=_text(index, node, c.NIF_ANCHOR) or "",
        start=_int(index, node, c.NIF_BEGIN),
        end=_int(index, node, c.NIF_END),
    )


def _mention(index: Index, role: str) -> Mention:
    span_node = _text(index, role, c.MG["mention"]) or ""
    entity_node = _text(index, role, c.RDF_VALUE) or ""
    return Mention(
        span=_span(index, span_node),
        entity=_entity(index, entity_node),
        sentence=_int(index, span_node, c.MG["sentenceIndex"]),
        token_start=_int(index, span_node, c.MG["tokenStart"]),
        token_end=_int(index, span_node, c.MG["tokenEnd"]),
        kind=_text(index, span_node, c.MG["mentionKind"]) or "name",
        resolved_from=_text(index, span_node, c.MG["resolvedFrom"]),
    )


def _entity(index: Index, node: str) -> Entity:
    types = index.get(node, {}).get(c.RDF_TYPE.value, [])
    kind = next((_TYPE_OF_CLASS[t.value] for t in types if t.value in _TYPE_OF_CLASS), "group")
    labels = index.get(node, {}).get(c.SKOS_PREFLABEL.value, [])
    label = {t.language: t.value for t in labels if isinstance(t, Literal)}
    wikidata = _text(index, node, c.OWL_SAMEAS)
    return Entity(
        id=_text(index, node, c.MG["entityId"]) or node,
        name=_text(index, node, c.SCHEMA_NAME) or "",
        type=kind,
        country=_text(index, node, c.MG["countryCode"]),
        sector=_text(index, node, c.MG["sector"]),
        wikidata=_local(wikidata, ns.WD) if wikidata else None,
        label_ar=label.get("ar"),
        label_en=label.get("en"),
        linked=_text(index, node, c.MG["linked"]) != "false",
    )
