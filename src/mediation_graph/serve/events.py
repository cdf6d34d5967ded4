"""Events out of the store by filter: for ``/events`` (JSONL) and for the live view (``/``).

A filter becomes a SPARQL SELECT that finds a page of matching events (an actor filter first
looks up the actors by id or name, then follows the index from them); only the document graphs
holding them are then read back into ``Event`` records, so a page costs the documents it
shows, not the size of the store. Filter values enter the query as escaped literals.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass

import pyoxigraph as ox

from ..graph import namespaces as ns
from ..graph.rebuild import documents_in, events_in, read_graph
from ..model import PLOVER_TYPES, Event
from ..view.html import render_html

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")
MAX_ACTOR_LENGTH = 200


class FilterError(ValueError):
    """A filter parameter with a value it cannot have (the message names it)."""


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which events to list: each field left empty matches every event."""

    actor: str | None = None  # an entity id (QAT) or name (Qatar), any case, in any role
    type: str | None = None  # a PLOVER type
    date_from: str | None = None  # YYYY, YYYY-MM or YYYY-MM-DD, inclusive
    date_to: str | None = None
    language: str | None = None
    limit: int = 100
    offset: int = 0


def _integer(params: Mapping[str, str], name: str, default: int, low: int, high: int) -> int:
    raw = params.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise FilterError(f"{name} must be a whole number, not {raw!r}") from None
    if not low <= value <= high:
        raise FilterError(f"{name} must be between {low:,} and {high:,}")
    return value


def parse_filter(params: Mapping[str, str], default_limit: int, max_limit: int) -> EventFilter:
    """The filter of a request's query parameters: actor, type, from, to, language, limit,
    offset."""
    actor = (params.get("actor") or "").strip() or None
    if actor and len(actor) > MAX_ACTOR_LENGTH:
        raise FilterError(f"actor is longer than {MAX_ACTOR_LENGTH} characters")
    kind = (params.get("type") or "").strip().upper() or None
    if kind and kind not in PLOVER_TYPES:
        raise FilterError(f"type must be a PLOVER type ({', '.join(PLOVER_TYPES)}), "
                          f"not {params.get('type')!r}")
    dates = {}
    for name in ("from", "to"):
        value = (params.get(name) or "").strip() or None
        if value and not _DATE.match(value):
            raise FilterError(f"{name} must be a date as YYYY-MM-DD, YYYY-MM or YYYY")
        dates[name] = value
    language = (params.get("language") or "").strip() or None
    if language and not _LANGUAGE.match(language):
        raise FilterError(f"language must be a language code such as ar or en, "
                          f"not {language!r}")
    return EventFilter(
        actor=actor, type=kind, date_from=dates["from"], date_to=dates["to"],
        language=language.lower() if language else None,
        limit=_integer(params, "limit", min(default_limit, max_limit), 1, max_limit),
        offset=_integer(params, "offset", 0, 0, 10**9),
    )


def _literal(value: str) -> str:
    return str(ox.Literal(value))


def actor_query(actor: str) -> str:
    """SELECT the actors whose id or name is ``actor``, in any case."""
    return ("SELECT DISTINCT ?who WHERE {\n  ?who a mg:Actor ; mg:entityId|schema:name ?label .\n"
            f"  FILTER (LCASE(STR(?label)) = LCASE({_literal(actor)}))\n}}\n")


def select_query(chosen: EventFilter, actors: list[ox.NamedNode] | None = None) -> str:
    """SELECT the matching events' document and event ids, document by document; with
    ``actors``, only events that name one of them in any role.

    There is no ORDER BY: sorting every event of a big store costs seconds, while the engine
    streams a page in the order of its indexes, which is stable while the store is unchanged
    (so offset paging works) and keeps a document's events together."""
    lines = []
    if actors is not None:
        lines.append(f"VALUES ?who {{ {' '.join(str(a) for a in actors)} }}")
    lines += ["?doc a schema:NewsArticle ; mg:docId ?docId .",
              "?event mg:document ?doc ; mg:eventId ?id ."]
    if actors is not None:
        lines.append("?event mg:actor|mg:recipient|mg:speaker ?who .")
    if chosen.type:
        lines.append(f"?event sem:eventType plover:{chosen.type} .")
    if chosen.language:
        lines.append(f"?event mg:language {_literal(chosen.language)} .")
    if chosen.date_from or chosen.date_to:
        lines.append("?event sem:hasTimeStamp ?date .")
        day = "SUBSTR(STR(?date), 1, 10)"
        # A month or year bound covers the whole month or year.
        if chosen.date_from:
            lines.append(f"FILTER ({day} >= {_literal(chosen.date_from)})")
        if chosen.date_to:
            lines.append(f"FILTER (SUBSTR({day}, 1, {len(chosen.date_to)}) <= "
                         f"{_literal(chosen.date_to)})")
    body = "\n  ".join(lines)
    # DISTINCT: an actor named twice in one event (actor and recipient) matches it twice.
    return (f"SELECT DISTINCT ?docId ?id WHERE {{\n  {body}\n}}\n"
            f"LIMIT {chosen.limit}\nOFFSET {chosen.offset}\n")


def matching_events(store: ox.Store, chosen: EventFilter) -> tuple[list[Event], dict[str, str]]:
    """The events that match, a document's events together, and their documents' titles."""
    actors = None
    if chosen.actor:
        found = store.query(actor_query(chosen.actor), prefixes=ns.PREFIXES,
                            use_default_graph_as_union=True)
        actors = [row["who"] for row in found]
        if not actors:
            return [], {}
    wanted: dict[str, set[str]] = {}
    for row in store.query(select_query(chosen, actors), prefixes=ns.PREFIXES,
                           use_default_graph_as_union=True):
        wanted.setdefault(row["docId"].value, set()).add(row["id"].value)
    events: list[Event] = []
    titles: dict[str, str] = {}
    for doc_id, ids in wanted.items():
        index = read_graph(store, ox.NamedNode(ns.doc_graph_iri(doc_id)))
        events += [e for e in events_in(index) if e.id in ids]
        titles.update({d.id: d.title for d in documents_in(index) if d.title})
    return events, titles


def events_jsonl(store: ox.Store, chosen: EventFilter) -> bytes:
    events, _ = matching_events(store, chosen)
    lines = [json.dumps(e.to_record(), ensure_ascii=False) + "\n" for e in events]
    return "".join(lines).encode("utf-8")


def view_page(store: ox.Store, chosen: EventFilter, max_nodes: int) -> bytes:
    events, titles = matching_events(store, chosen)
    return render_html(events, titles=titles, max_nodes=max_nodes).encode("utf-8")
