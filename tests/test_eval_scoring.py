"""Scoring on hand-made gold records and hand-made extractor output, with known answers."""

from __future__ import annotations

from mediation_graph.evaluate.gold import EntityTable, GoldActor, GoldEvent, GoldRecord
from mediation_graph.evaluate.mappings import load_mappings
from mediation_graph.evaluate.report import details_text, to_json, to_text
from mediation_graph.evaluate.run import evaluate
from mediation_graph.evaluate.scoring import Scorer, token_f1
from mediation_graph.model import Document, DocumentResult, Entity, Event, Mention, Span

MAPPINGS = load_mappings()


def mention(name: str, country: str | None = None, sector: str | None = None,
            text: str | None = None, kind: str = "state") -> Mention:
    words = text or name
    entity = Entity(id=name.upper().replace(" ", "_"), name=name, type=kind, country=country,
                    sector=sector)
    return Mention(Span(words, 0, len(words)), entity, sentence=0, token_start=0, token_end=1)


def event(kind: str, actors: list[Mention], recipients: list[Mention] = (), *,
          negated: bool = False, mode: str | None = None, cameo: str = "") -> Event:
    span = Span("", 0, 0)
    return Event(id="e", doc_id="d", sentence=0, language="en", event=kind, cameo=cameo,
                 trigger=span, sentence_span=span, actors=list(actors),
                 recipients=list(recipients), negated=negated, mode=mode)


def record(*events: GoldEvent, **fields) -> GoldRecord:
    return GoldRecord(id="r", language=fields.pop("language", "en"), text="", events=list(events),
                      **fields)


def scores(pairs: list[tuple[GoldRecord, list[Event]]]) -> dict:
    scorer = Scorer(MAPPINGS)
    for gold, events in pairs:
        scorer.add(gold, events)
    return scorer.scores


HUN_GOV = GoldActor(text="Hungarian officials", country="HUN", sector="GOV")
ROU = GoldActor(text="Romania", country="ROU")


def test_a_perfect_extraction_scores_one_everywhere() -> None:
    gold = record(GoldEvent(("AGREE",), (HUN_GOV,), (ROU,)))
    produced = [event("AGREE", [mention("Hungary government", "HUN", "GOV")],
                      [mention("Romania", "ROU")])]
    result = scores([(gold, produced)])
    assert result.detection["AGREE"].figures()["f1"] == 1.0
    assert result.triples["country"].figures()["f1"] == 1.0
    assert result.triples["sector"].figures()["f1"] == 1.0
    assert result.roles["country", "recipient"].figures()["r"] == 1.0
    assert result.confusion == {("AGREE", "AGREE"): 1}


def test_country_level_forgives_a_missing_sector_that_country_and_sector_does_not() -> None:
    gold = record(GoldEvent(("AGREE",), (HUN_GOV,), (ROU,)))
    produced = [event("AGREE", [mention("Hungary", "HUN")], [mention("Romania", "ROU")])]
    result = scores([(gold, produced)])
    assert result.triples["country"].figures()["f1"] == 1.0
    assert result.triples["sector"].figures() == {"p": 0.0, "r": 0.0, "f1": 0.0, "tp": 0,
                                                   "pred": 1, "gold": 1}
    assert "entity" not in result.triples  # only passages name their actors


def test_detection_counts_per_record_and_type_and_fills_the_confusion_table() -> None:
    assault = record(GoldEvent(("ASSAULT",), (), (ROU,)))
    protest = record(GoldEvent(("PROTEST",), (), ()))
    result = scores([
        (assault, [event("ASSAULT", []), event("ASSAULT", [mention("Hungary", "HUN")])]),
        (protest, [event("ASSAULT", [])]),
        (protest, []),
    ])
    assert result.detection["ASSAULT"].figures() == {
        "p": 0.5, "r": 1.0, "f1": 0.667, "tp": 1, "pred": 2, "gold": 1}
    assert result.detection["PROTEST"].figures() == {
        "p": None, "r": 0.0, "f1": 0.0, "tp": 0, "pred": 0, "gold": 2}
    assert result.confusion == {("ASSAULT", "ASSAULT"): 1, ("PROTEST", "ASSAULT"): 1,
                                ("PROTEST", "-"): 1}


def test_negated_events_and_types_outside_plover_are_not_scored() -> None:
    gold = record(GoldEvent(("REJECT",), (ROU,), ()))
    result = scores([(gold, [event("REJECT", [mention("Romania", "ROU")], negated=True),
                             event("STATEMENT", [mention("Romania", "ROU")])])])
    assert result.produced == 0
    assert result.detection["REJECT"].figures()["r"] == 0.0


def test_one_sided_events_are_scored_as_actor_type_nobody() -> None:
    gold = record(GoldEvent(("PROTEST",), (ROU,), ()))
    alone = scores([(gold, [event("PROTEST", [mention("Romania", "ROU")])])])
    assert alone.triples["country"].figures()["f1"] == 1.0
    with_recipient = scores([(gold, [event("PROTEST", [mention("Romania", "ROU")],
                                           [mention("Hungary", "HUN")])])])
    assert with_recipient.triples["country"].figures()["tp"] == 0


def test_unknown_countries_match_each_other_at_country_level() -> None:
    gunmen = GoldActor(text="مسلحون", sector="UAF")
    gold = record(GoldEvent(("ASSAULT",), (gunmen,), (GoldActor(country="USA", sector="MIL"),)),
                  language="ar")
    produced = [event("ASSAULT", [mention("gunmen", None, "UAF", kind="group", text="مسلحون")],
                      [mention("United States army", "USA", "MIL", text="جنود أميركيين")])]
    result = scores([(gold, produced)])
    assert result.triples["sector"].figures()["f1"] == 1.0
    assert result.spans["actor"].figures() == {"f1": 1.0, "count": 1}
    assert "recipient" not in result.spans  # the gold gives no words for the soldiers


ENTITIES = EntityTable(
    actors={name: GoldActor(name=name, country=code) for name, code in
            [("Qatar", "QAT"), ("Hamas", "PSE"), ("Israel", "ISR"), ("Egypt", "EGY")]},
    by_alias={"qatar": "Qatar", "doha": "Qatar", "hamas": "Hamas", "israel": "Israel",
              "egypt": "Egypt"},
)


def passage(*events: GoldEvent) -> GoldRecord:
    return record(*events, open_triples=False, marks_mediation=True, entities=ENTITIES)


def actor(name: str) -> GoldActor:
    return ENTITIES.actors[name]


def test_passages_follow_the_shared_scorer_rules() -> None:
    gold = passage(
        GoldEvent(("CONSULT",), (actor("Hamas"),), (actor("Israel"),), symmetric=True),
        GoldEvent(("CONSULT", "AGREE"), (actor("Qatar"),), (actor("Hamas"),), mediation=True),
        GoldEvent(("ASSAULT", "COERCE"), (actor("Israel"),), (actor("Hamas"),), optional=True),
    )
    produced = [
        event("CONSULT", [mention("Israel", "ISR")], [mention("Hamas", "PSE")]),  # swapped: ok
        event("CONSULT", [mention("Qatar", "QAT", text="Doha")], [mention("Hamas", "PSE")]),
        event("ASSAULT", [mention("Israel", "ISR")], [mention("Hamas", "PSE")]),  # optional
        event("ACCUSE", [mention("Egypt", "EGY")]),  # no recipient: not a pair, not counted
    ]
    result = scores([(gold, produced)])
    # The mediation was found as a plain meeting, which does not count as one.
    assert result.triples["entity"].figures() == {"p": 0.5, "r": 0.5, "f1": 0.5, "tp": 1,
                                                   "pred": 2, "gold": 2}
    assert (result.mediation.hit, result.mediation.gold) == (0, 1)
    produced[1] = event("CONSULT", [mention("Qatar", "QAT")], [mention("Hamas", "PSE")],
                        mode="mediate")
    result = scores([(gold, produced)])
    assert result.triples["entity"].figures()["f1"] == 1.0
    assert (result.mediation.hit, result.mediation.gold) == (1, 1)
    produced.append(event("CONSULT", [mention("Egypt", "EGY")], [mention("Israel", "ISR")],
                          cameo="045"))  # a mediation the gold does not list
    assert scores([(gold, produced)]).triples["country"].figures()["p"] == 0.667


def test_passage_actors_without_recipients_act_on_each_other() -> None:
    gold = passage(GoldEvent(("AGREE", "SUPPORT"), (actor("Qatar"),), (actor("Egypt"),),
                             symmetric=True))
    produced = [event("AGREE", [mention("Egypt", "EGY"), mention("Qatar", "QAT")])]
    assert scores([(gold, produced)]).triples["country"].figures()["f1"] == 1.0


def test_passage_codes_are_compared_through_the_mappings() -> None:
    council = GoldActor(name="UN Security Council", country="UNO")
    table = EntityTable({"UN Security Council": council, **ENTITIES.actors},
                        {**ENTITIES.by_alias, "security council": "UN Security Council"})
    gold = record(GoldEvent(("SUPPORT",), (council,), (actor("Qatar"),)), open_triples=False,
                  entities=table)
    produced = [event("SUPPORT", [mention("Security Council", "IGO", kind="organization")],
                      [mention("Qatar", "QAT")]),
                event("SUPPORT", [], [mention("Qatar", "QAT")])]  # no actor: no pair
    assert scores([(gold, produced)]).triples["country"].figures()["p"] == 1.0


def test_token_f1_compares_normalised_words_without_clitics() -> None:
    assert token_f1("مفجرون انتحاريون", "انتحاريون") == 2 / 3
    assert token_f1("والحركة", "الحركة") == 1.0
    assert token_f1("the U.S. army", "US army") == 0.8
    assert token_f1("Hamas", "") == 0.0


def fake_extractor(events_by_text: dict[str, list[Event]]):
    def extract(document: Document) -> DocumentResult:
        return DocumentResult(document, events_by_text.get(document.text, []))
    return extract


def test_evaluate_reports_text_json_and_details() -> None:
    gold = [GoldRecord("a", "en", "Romania protested.", [GoldEvent(("PROTEST",), (ROU,))]),
            GoldRecord("b", "en", "Hungary agreed.", [GoldEvent(("AGREE",), (HUN_GOV,))])]
    extract = fake_extractor({"Romania protested.": [event("PROTEST",
                                                           [mention("Romania", "ROU")])]})
    evaluation = evaluate(gold, extract, MAPPINGS, ["test"], keep=True)
    figures = to_json(evaluation)
    assert figures["records"] == 2 and figures["gold_events"] == 2
    assert figures["detection"]["all"]["r"] == 0.5
    assert figures["triples"]["country"]["f1"] == 0.667
    assert figures["confusion"] == {"AGREE": {"-": 1}, "PROTEST": {"PROTEST": 1}}
    text = to_text(evaluation)
    assert "Event detection" in text and "country+sector" in text and "Confusion" in text
    found, missed = (details_text(result).splitlines() for result in evaluation.results)
    assert found[2].startswith("+ PROTEST Romania [ROU] -> -")
    assert found[2].endswith("| PROTEST Romania [ROU] -> -")
    assert missed[2].startswith("- AGREE Hungarian officials [HUN GOV] -> -")
    assert missed[2].endswith("| (none)")
