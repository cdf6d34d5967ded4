"""IRIs of the graph: our ontology, the standards it aligns with, and the minting of data IRIs.

Data IRIs are opaque and stable: a document, event or graph IRI is a hash of the ids the
extractor gives, never the (possibly Arabic) text itself, so the same input always gives the
same IRI and nothing in an IRI needs escaping.
"""

from __future__ import annotations

import hashlib
import re
from urllib.parse import quote

BASE = "https://w3id.org/mediation-graph/"
MG = BASE + "ontology#"
REL = BASE + "rel#"
PLOVER_TYPE = BASE + "plover/type/"
PLOVER_MODE = BASE + "plover/mode/"
PLOVER_CONTEXT = BASE + "plover/context/"
CAMEO = BASE + "cameo/"
MEDIATION = BASE + "mediation/"
MODALITY = BASE + "modality/"
ID = BASE + "id/"
GRAPH = BASE + "graph/"

SEM = "http://semanticweb.cs.vu.nl/2009/11/sem/"
PROV = "http://www.w3.org/ns/prov#"
NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
ITSRDF = "http://www.w3.org/2005/11/its/rdf#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
SCHEMA = "https://schema.org/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
OWL = "http://www.w3.org/2002/07/owl#"
XSD = "http://www.w3.org/2001/XMLSchema#"
WD = "http://www.wikidata.org/entity/"

# Prefixes for every serialisation we write and every query we run.
PREFIXES: dict[str, str] = {
    "mg": MG, "rel": REL, "plover": PLOVER_TYPE, "mode": PLOVER_MODE, "ctx": PLOVER_CONTEXT,
    "cameo": CAMEO, "mgx": MEDIATION, "modality": MODALITY, "sem": SEM, "prov": PROV,
    "nif": NIF, "itsrdf": ITSRDF, "skos": SKOS, "schema": SCHEMA, "rdf": RDF, "rdfs": RDFS,
    "owl": OWL, "xsd": XSD, "wd": WD,
    "doc": ID + "doc/", "event": ID + "event/", "entity": ID + "entity/",
}

_SAFE_ID = re.compile(r"^[A-Za-z0-9_.-]+$")


def digest(*parts: str) -> str:
    """A short stable hash of ids: 64 bits are plenty for one user's news collection."""
    text = "\x1f".join(parts)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def doc_iri(doc_id: str) -> str:
    return f"{ID}doc/{digest(doc_id)}"


def doc_graph_iri(doc_id: str) -> str:
    return f"{GRAPH}doc/{digest(doc_id)}"


def rel_graph_iri(doc_id: str) -> str:
    return f"{GRAPH}rel/{digest(doc_id)}"


def event_iri(doc_id: str, event_id: str) -> str:
    return f"{ID}event/{digest(doc_id, event_id)}"


def run_iri(doc_id: str, version: str) -> str:
    return f"{ID}run/{digest(doc_id, version)}"


def agent_iri(version: str) -> str:
    return f"{ID}agent/mediation-graph-{version}"


def entity_iri(entity_id: str) -> str:
    """Lexicon ids are already IRI-safe; a derived id is percent-encoded rather than hashed so
    the IRI still says which actor it is."""
    safe = entity_id if _SAFE_ID.match(entity_id) else quote(entity_id, safe="")
    return f"{ID}entity/{safe}"


def span_iri(doc_id: str, start: int, end: int) -> str:
    """A NIF string: the document IRI with an RFC 5147 character fragment."""
    return f"{doc_iri(doc_id)}#char={start},{end}"


def dyad_iri(actor_id: str, recipient_id: str, quad_class: str) -> str:
    """An actor -> recipient pair in one quad class (shared by every event of that pair)."""
    return f"{ID}dyad/{digest(actor_id, recipient_id, quad_class)}"


def tally_iri(event_type: str, negated: bool, modality: str) -> str:
    """A class of events to count: one PLOVER type, negated or not, in one modality."""
    return f"{ID}tally/{event_type}-{'negated' if negated else 'affirmed'}-{modality}"


def statement_iri(subject: str, relation: str, obj: str) -> str:
    """A direct relation between two actors (all three IRIs), counted across the store."""
    return f"{ID}statement/{digest(subject, relation, obj)}"
