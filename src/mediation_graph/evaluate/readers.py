"""Readers for the three gold formats, each turning a file into ``GoldRecord``s.

- ``plover``: the PLOVER gold standard records, a JSON array of coded English sentences with
  actor lists (``actorText``, ``code``, ``sector``) and PLOVER 0.5 event names.
- ``petrarch``: PETRARCH validation XML, ``<Sentence>`` elements with ``<EventText>``,
  ``<EventCoding plover sourcecode targetcode>`` ("COUNTRY SECTOR") and ``<Text>``.
- ``passages``: our JSON lines, one passage a line with analyst events naming actors by the
  canonical names of an entities file (see ../shared/benchmarks/README.md).
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from ..errors import InputError
from .gold import EntityTable, GoldActor, GoldEvent, GoldRecord, name_key
from .mappings import Mappings

FORMATS: tuple[str, ...] = ("plover", "petrarch", "passages")


def detect_format(path: Path) -> str:
    """The format of a gold file, judged from its first non-blank character and first line."""
    head = _read(path).lstrip()
    if head.startswith("<"):
        return "petrarch"
    if head.startswith("["):
        return "plover"
    if head.startswith("{"):
        first = head.split("\n", 1)[0]
        try:
            record = json.loads(first)
        except json.JSONDecodeError:
            record = {}
        if isinstance(record, dict) and "events" in record and "text" in record:
            return "passages"
    raise InputError(f"{path}: not a gold file this tool reads (PLOVER JSON, PETRARCH XML or "
                     "passage JSON lines); name the format with --format")


def read_gold(path: Path, fmt: str, mappings: Mappings,
              entities: EntityTable | None = None) -> list[GoldRecord]:
    if fmt == "plover":
        return read_plover(path, mappings)
    if fmt == "petrarch":
        return read_petrarch(path, mappings)
    if entities is None:
        raise InputError(f"{path}: passages name their actors through an entities file; "
                         "give it with --entities FILE")
    return read_passages(path, mappings, entities)


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise InputError(f"{path}: no such file") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read as UTF-8 text ({exc})") from exc


# --- PLOVER gold standard records ---------------------------------------------------------

def read_plover(path: Path, mappings: Mappings) -> list[GoldRecord]:
    try:
        data = json.loads(_read(path))
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}: not valid JSON ({exc.msg}, line {exc.lineno})") from exc
    if not isinstance(data, list):
        raise InputError(f"{path}: a PLOVER gold file is a JSON array of records")
    records = []
    for number, item in enumerate(data, start=1):
        if not isinstance(item, dict) or "text" not in item or "event" not in item:
            continue  # the documentation object at the head of the file has no text
        try:
            records.append(_plover_record(item, mappings))
        except InputError as exc:
            raise InputError(f"{path}: record {number}: {exc}") from exc
    return records


def _plover_record(item: dict[str, Any], mappings: Mappings) -> GoldRecord:
    event = GoldEvent(
        types=(mappings.plover_type(str(item["event"])),),
        actors=_plover_actors(item.get("source"), mappings),
        recipients=_plover_actors(item.get("target"), mappings),
        trigger=str(item.get("eventText") or ""),
    )
    return GoldRecord(id=str(item.get("id") or ""), language=str(item.get("language") or "en"),
                      text=str(item["text"]), events=[event], date=item.get("date"))


def _plover_actors(value: Any, mappings: Mappings) -> tuple[GoldActor, ...]:
    # Records without a side carry null, "" or a stray word there instead of a list.
    if not isinstance(value, list):
        return ()
    return tuple(
        GoldActor(text=str(actor.get("actorText") or ""),
                  country=mappings.country(actor.get("code")),
                  sector=mappings.sector(actor.get("sector")))
        for actor in value if isinstance(actor, dict)
    )


# --- PETRARCH validation XML --------------------------------------------------------------

def read_petrarch(path: Path, mappings: Mappings) -> list[GoldRecord]:
    try:
        root = ET.fromstring(_read(path))
    except ET.ParseError as exc:
        raise InputError(f"{path}: not valid XML ({exc})") from exc
    records = []
    for sentence in root.iter("Sentence"):
        text = (sentence.findtext("Text") or "").strip()
        if not text or sentence.get("evaluate") == "false":
            continue
        texts = {item.get("eid"): item for item in sentence.iter("EventText")}
        events = [_petrarch_event(coding, texts.get(coding.get("eid")), mappings)
                  for coding in sentence.iter("EventCoding")]
        records.append(GoldRecord(
            id=sentence.get("id") or "", language=_language(text), text=text,
            events=[event for event in events if event.types], date=sentence.get("date"),
        ))
    return records


def _petrarch_event(coding: ET.Element, words: ET.Element | None,
                    mappings: Mappings) -> GoldEvent:
    plover = coding.get("plover") or ""
    cameo = coding.get("eventcode") or ""
    if plover:
        types: tuple[str, ...] = (mappings.plover_type(plover),)
    elif cameo in mappings.cameo_types:
        types = (mappings.cameo_types[cameo],)
    else:
        types = ()
    attrs = words.attrib if words is not None else {}
    return GoldEvent(
        types=types,
        actors=_petrarch_side(coding.get("sourcecode"), attrs.get("sourcetext", ""), mappings),
        recipients=_petrarch_side(coding.get("targetcode"), attrs.get("targettext", ""),
                                  mappings),
        trigger=attrs.get("eventtext", ""),
    )


def _petrarch_side(code: str | None, text: str, mappings: Mappings) -> tuple[GoldActor, ...]:
    """One actor from "COUNTRY SECTOR" and its words; none when neither is coded."""
    parts = (code or "").split()
    country = mappings.country(parts[0]) if parts else None
    sector = mappings.sector(parts[1]) if len(parts) > 1 else None
    if country is None and sector is None and not text.strip():
        return ()
    return (GoldActor(text=text.strip(), country=country, sector=sector),)


def _language(text: str) -> str:
    arabic = sum(1 for c in text if "\u0600" <= c <= "\u06ff")
    return "ar" if arabic * 2 > sum(1 for c in text if c.isalpha()) else "en"


# --- our passages -------------------------------------------------------------------------

def read_entities(path: Path) -> EntityTable:
    try:
        data = json.loads(_read(path))
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}: not valid JSON ({exc.msg}, line {exc.lineno})") from exc
    if not isinstance(data, dict):
        raise InputError(f"{path}: an entities file is a JSON object of canonical names")
    actors: dict[str, GoldActor] = {}
    by_alias: dict[str, str] = {}
    for name, info in data.items():
        if name.startswith("_") or not isinstance(info, dict):
            continue  # "_doc" documents the file
        actors[name] = GoldActor(name=name, country=info.get("country") or None,
                                 sector=info.get("sector") or None)
        for alias in [name, *info.get("aliases", [])]:
            by_alias.setdefault(name_key(alias), name)
    return EntityTable(actors, by_alias)


def read_passages(path: Path, mappings: Mappings, entities: EntityTable) -> list[GoldRecord]:
    records = []
    for number, line in enumerate(_read(path).splitlines(), start=1):
        if not line.strip():
            continue
        try:
            passage = json.loads(line)
            records.append(_passage(passage, mappings, entities))
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}:{number}: not valid JSON ({exc.msg})") from exc
        except (KeyError, TypeError, AttributeError) as exc:
            raise InputError(f"{path}:{number}: not a passage record ({exc})") from exc
        except InputError as exc:
            raise InputError(f"{path}:{number}: {exc}") from exc
    return records


def _passage(passage: dict[str, Any], mappings: Mappings, entities: EntityTable) -> GoldRecord:
    events = [_passage_event(event, mappings, entities) for event in passage["events"]]
    return GoldRecord(id=str(passage["id"]), language=passage.get("lang") or "",
                      text=passage["text"], events=events, date=passage.get("date"),
                      open_triples=False, marks_mediation=True, entities=entities)


def _passage_event(event: dict[str, Any], mappings: Mappings,
                   entities: EntityTable) -> GoldEvent:
    if "plover" in event:  # coded directly in a PLOVER type, for actions the table lacks
        types = (mappings.plover_type(event["plover"]),)
        optional, symmetric, mediation = False, bool(event.get("symmetric")), False
    else:
        action = str(event["action"])
        known = mappings.actions.get(action.rstrip("?"))
        if known is None:
            raise InputError(f"unknown action {action!r}")
        types, symmetric, mediation = known.types, known.symmetric, known.mediation
        optional = action.endswith("?") or not types
    targets = event["target"]
    return GoldEvent(
        types=types,
        actors=(_named(event["source"], entities),),
        recipients=tuple(_named(name, entities) for name in targets if name != event["source"]),
        optional=optional, symmetric=symmetric, mediation=mediation,
        trigger=str(event.get("evidence") or ""),
    )


def _named(name: str, entities: EntityTable) -> GoldActor:
    actor = entities.actors.get(name)
    if actor is None:
        raise InputError(f"actor {name!r} is not in the entities file")
    return actor
