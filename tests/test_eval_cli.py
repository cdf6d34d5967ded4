"""``mediation-graph eval`` end to end: real extractor, real files, figures on stdout."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mediation_graph.cli import main as cli
from mediation_graph.cli.main import main

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEED = SHARED / "seed" / "expected_events.jsonl"
SEED_ENTITIES = SHARED / "benchmarks" / "seed_entities.json"

PLOVER_RECORDS = [
    {"id": "R1", "event": "FIGHT", "eventText": "attacked", "language": "en",
     "text": "Israeli aircraft attacked Hamas positions in Gaza on Monday.",
     "source": [{"actorText": "Israeli aircraft", "code": "ISR", "sector": "MIL"}],
     "target": [{"actorText": "Hamas", "code": "PSE", "sector": "REB"}]},
    {"id": "R2", "event": "CONSULT", "eventText": "met", "language": "en",
     "text": "The Egyptian foreign minister met his Qatari counterpart in Cairo.",
     "source": [{"actorText": "Egyptian foreign minister", "code": "EGY", "sector": "GOV"}],
     "target": [{"actorText": "Qatari counterpart", "code": "QAT", "sector": "GOV"}]},
]


PETRARCH_XML = """<Sentences>
  <Sentence date="20080301" id="s1" evaluate="true" category="PROTEST">
    <EventText eid="0" eventtext="تظاهر" sourcetext="آلاف الطلاب" targettext="" />
    <EventCoding eid="0" eventcode="" plover="PROTEST" sourcecode="EGY EDU"
                 targetcode="None None" />
    <Text>تظاهر آلاف الطلاب في القاهرة احتجاجا على رفع الأسعار.</Text>
  </Sentence>
</Sentences>
"""


@pytest.fixture(autouse=True)
def eval_command_only(monkeypatch):
    """Parse with the eval command alone, so these tests do not depend on other stages."""
    monkeypatch.setattr(cli, "COMMAND_MODULES", ("eval",))


@pytest.fixture
def plover_file(tmp_path: Path) -> Path:
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(PLOVER_RECORDS), encoding="utf-8")
    return path


def test_eval_prints_every_kind_of_figure(plover_file: Path, capsys) -> None:
    assert main(["eval", str(plover_file)]) == 0
    out = capsys.readouterr().out
    assert "2 records (en 2), 2 gold events required" in out
    for heading in ("Event detection", "Actors and recipients", "Triples", "Spans",
                    "Confusion"):
        assert heading in out


def test_eval_json_with_details_and_limit(plover_file: Path, capsys) -> None:
    assert main(["eval", str(plover_file), "--json", "--details", "--limit", "1"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["records"] == 1
    assert set(report["triples"]) == {"country", "sector"}
    assert report["details"][0]["id"] == "R1"
    (expected,) = report["details"][0]["expected"]
    assert expected["event"] == "ASSAULT Israeli aircraft [ISR MIL] -> Hamas [PSE REB]"
    assert expected["status"] in {"found", "type", "missed"}


def test_several_gold_files_in_different_formats_are_scored_together(
        tmp_path: Path, plover_file: Path, capsys) -> None:
    petrarch = tmp_path / "protest.xml"
    petrarch.write_text(PETRARCH_XML, encoding="utf-8")
    assert main(["eval", str(plover_file), str(petrarch), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["languages"] == {"ar": 1, "en": 2}
    assert report["gold"] == [f"{plover_file} (plover)", f"{petrarch} (petrarch)"]
    assert report["detection"]["by_type"]["PROTEST"]["gold"] == 1
    assert main(["eval", str(petrarch), "--format", "plover"]) == 2
    assert "not valid JSON" in capsys.readouterr().err


def test_eval_errors_are_one_line(tmp_path: Path, plover_file: Path, capsys) -> None:
    assert main(["eval", str(plover_file), "--lang", "ar"]) == 2
    assert "no gold records to score in language ar" in capsys.readouterr().err
    passages = tmp_path / "p.jsonl"
    passages.write_text('{"id": "p", "lang": "en", "text": "x", "events": []}\n')
    assert main(["eval", str(passages)]) == 2
    assert "--entities" in capsys.readouterr().err
    assert main(["eval", str(tmp_path / "missing.json"), "--format", "plover"]) == 2
    assert "no such file" in capsys.readouterr().err


@pytest.mark.skipif(not SEED.exists(), reason="../shared (the seed gold file) is not present")
def test_eval_on_the_seed_article(capsys) -> None:
    assert main(["eval", str(SEED), "--entities", str(SEED_ENTITIES)]) == 0
    out = capsys.readouterr().out
    assert "1 records (ar 1)" in out
    assert "entity" in out and "country+sector" in out
    triples = out[out.index("Triples"):].splitlines()
    assert any(line.split()[0] == "country" and float(line.split()[3]) >= 0 for line in
               triples[1:4])
