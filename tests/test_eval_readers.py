"""The gold readers turn each format into the same records, with codes mapped for comparison."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mediation_graph.errors import InputError
from mediation_graph.evaluate.gold import GoldActor
from mediation_graph.evaluate.mappings import load_mappings
from mediation_graph.evaluate.readers import (
    detect_format,
    read_entities,
    read_gold,
    read_passages,
    read_petrarch,
    read_plover,
)

MAPPINGS = load_mappings()

PLOVER_RECORDS = [
    {"id": "DOC", "event": "DOCUMENT", "eventText": "documents the file"},
    {"id": "R1", "event": "DEMAND", "eventText": "called on", "language": "en",
     "text": "Tokyo called on rebels to free the hostages.",
     "source": [{"actorText": "Tokyo", "code": "JAP", "sector": None}],
     "target": [{"actorText": "rebels", "code": "PHL", "sector": "REBmor"}]},
    {"id": "R2", "event": "FIGHT", "eventText": "clashed", "language": "en",
     "text": "Police clashed with students.",
     "source": [{"actorText": "Police", "code": "IDN", "sector": "COP"}],
     "target": None},
]

PETRARCH_XML = """<Sentences>
  <Sentence date="20080110" id="s1" evaluate="true" category="ASSAULT">
    <EventText eid="0" eventtext="هاجم" sourcetext="مسلحون" targettext="جنود أميركيين" />
    <EventCoding eid="0" eventcode="" plover="ASSAULT" sourcecode="None UAF"
                 targetcode="USA MIL" />
    <Text>
    هاجم مسلحون جنود أميركيين.
    </Text>
  </Sentence>
  <Sentence date="20080111" id="s2" evaluate="true" category="ASSAULT">
    <EventText eid="0" eventtext="" sourcetext="" targettext="" />
    <EventCoding eid="0" eventcode="190" plover="" sourcecode="None None"
                 targetcode="IRQ CVL" />
    <Text>انفجرت سيارة مفخخة.</Text>
  </Sentence>
</Sentences>
"""

ENTITIES = {
    "_doc": "test entities",
    "Qatar": {"country": "QAT", "sector": "", "aliases": ["Doha"]},
    "Hamas": {"country": "PSE", "sector": "REB", "aliases": ["Islamic Resistance Movement"]},
    "Israel": {"country": "ISR", "sector": "", "aliases": []},
}

PASSAGE = {
    "id": "p1", "lang": "en", "text": "Qatar mediated between Hamas and Israel, who met.",
    "events": [
        {"source": "Qatar", "action": "MEDIATE", "target": ["Hamas", "Israel"]},
        {"source": "Hamas", "action": "MEET", "target": ["Israel", "Hamas"]},
        {"source": "Israel", "action": "ATTACK?", "target": ["Hamas"]},
        {"source": "Hamas", "plover": "PROTEST", "target": ["Israel"]},
    ],
}


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def entities_file(tmp_path: Path) -> Path:
    return write(tmp_path / "entities.json", json.dumps(ENTITIES))


def test_plover_records_use_todays_type_names_and_iso_codes(tmp_path: Path) -> None:
    records = read_plover(write(tmp_path / "g.json", json.dumps(PLOVER_RECORDS)), MAPPINGS)
    assert [r.id for r in records] == ["R1", "R2"]  # the documentation object is no record
    demand, fight = records[0].events[0], records[1].events[0]
    assert demand.types == ("REQUEST",) and fight.types == ("ASSAULT",)
    assert demand.actors == (GoldActor(text="Tokyo", country="JPN"),)
    assert demand.recipients[0].sector == "REB"  # the ethnic suffix "mor" is dropped
    assert fight.recipients == ()
    assert records[0].open_triples and records[0].language == "en"


def test_petrarch_sentences_split_country_and_sector_codes(tmp_path: Path) -> None:
    first, second = read_petrarch(write(tmp_path / "g.xml", PETRARCH_XML), MAPPINGS)
    assert first.text == "هاجم مسلحون جنود أميركيين." and first.language == "ar"
    event = first.events[0]
    assert event.types == ("ASSAULT",) and event.trigger == "هاجم"
    assert event.actors == (GoldActor(text="مسلحون", country=None, sector="UAF"),)
    assert event.recipients == (GoldActor(text="جنود أميركيين", country="USA", sector="MIL"),)
    # No plover name: the CAMEO code gives the type. "None None" without words is no actor.
    assert second.events[0].types == ("ASSAULT",)
    assert second.events[0].actors == ()
    assert second.events[0].recipients == (GoldActor(country="IRQ", sector="CVL"),)


def test_passages_carry_action_semantics(tmp_path: Path, entities_file: Path) -> None:
    path = write(tmp_path / "p.jsonl", json.dumps(PASSAGE) + "\n")
    (record,) = read_passages(path, MAPPINGS, read_entities(entities_file))
    mediate, meet, attack, protest = record.events
    assert mediate.types == ("CONSULT", "AGREE") and mediate.mediation
    assert [a.name for a in mediate.recipients] == ["Hamas", "Israel"]
    assert meet.symmetric and [a.name for a in meet.recipients] == ["Israel"]  # not itself
    assert attack.optional and attack.types == ("ASSAULT", "COERCE")
    assert protest.types == ("PROTEST",) and not protest.optional
    assert mediate.actors[0] == GoldActor(name="Qatar", country="QAT")
    assert not record.open_triples and record.marks_mediation
    assert record.entities.canonical("the Islamic Resistance Movement") == "Hamas"


def test_passage_errors_name_the_line(tmp_path: Path, entities_file: Path) -> None:
    entities = read_entities(entities_file)
    bad_action = dict(PASSAGE, events=[{"source": "Qatar", "action": "HUG", "target": []}])
    path = write(tmp_path / "p.jsonl", json.dumps(PASSAGE) + "\n" + json.dumps(bad_action))
    with pytest.raises(InputError, match=r"p\.jsonl:2: unknown action 'HUG'"):
        read_passages(path, MAPPINGS, entities)
    stranger = dict(PASSAGE, events=[{"source": "Oman", "action": "MEET", "target": []}])
    path = write(tmp_path / "q.jsonl", json.dumps(stranger))
    with pytest.raises(InputError, match="'Oman' is not in the entities file"):
        read_passages(path, MAPPINGS, entities)


def test_formats_are_detected_from_the_content(tmp_path: Path) -> None:
    assert detect_format(write(tmp_path / "a", json.dumps(PLOVER_RECORDS))) == "plover"
    assert detect_format(write(tmp_path / "b", PETRARCH_XML)) == "petrarch"
    assert detect_format(write(tmp_path / "c", json.dumps(PASSAGE) + "\n")) == "passages"
    with pytest.raises(InputError, match="--format"):
        detect_format(write(tmp_path / "d", "id,text\n1,hello\n"))


def test_passages_need_an_entities_file(tmp_path: Path) -> None:
    path = write(tmp_path / "p.jsonl", json.dumps(PASSAGE))
    with pytest.raises(InputError, match="--entities"):
        read_gold(path, "passages", MAPPINGS)


def test_mappings_cover_old_names_cameo_codes_and_sector_spellings() -> None:
    assert MAPPINGS.plover_type("disapprove") == "ACCUSE"
    assert MAPPINGS.plover_type("INVESTIGATE") == "ACCUSE"
    assert MAPPINGS.cameo_types["0874"] == "RETREAT"
    assert MAPPINGS.cameo_types["1823"] == "ASSAULT"
    assert MAPPINGS.is_mediation_code("0451") and not MAPPINGS.is_mediation_code("040")
    assert MAPPINGS.country("UNO") == "IGO" and MAPPINGS.country("None") is None
    assert MAPPINGS.sector("CIV") == "CVL" and MAPPINGS.sector("***") is None
    with pytest.raises(InputError, match="unknown PLOVER event type"):
        MAPPINGS.plover_type("HUG")
