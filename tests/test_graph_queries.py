"""The named query library: each query's answer on the two example documents, and the same
answers from the embedded store and from rdflib over the exported Turtle."""

from __future__ import annotations

import dataclasses

import pytest
import rdflib

from mediation_graph.errors import InputError
from mediation_graph.graph import namespaces as ns
from mediation_graph.graph.library import library, parse_header, resolve

E = ns.ID + "entity/"
VC, VK = ns.MG + "VerbalCooperation", ns.MG + "VerbalConflict"
CONSULT, ACCUSE = ns.PLOVER_TYPE + "CONSULT", ns.PLOVER_TYPE + "ACCUSE"
ASSERTED, FUTURE = ns.MODALITY + "asserted", ns.MODALITY + "future"

EXPECTED: dict[str, list[tuple[str | None, ...]]] = {
    "mediators-between": [
        (E + "EGY", "Egypt", "2", "2"), (E + "QAT", "Qatar", "2", "2"),
        (E + "TUR", "Turkey", "1", "1"),
    ],
    "who-met-whom": [(E + "HAMAS", "Hamas", E + "KALIN", "İbrahim Kalın", "1")],
    "actor-timeline": [
        ("2024-04-20", "ankara-ar", "ankara-ar-s1-e1", CONSULT, "actor", "Hamas", "false",
         ASSERTED),
        ("2024-04-20", "ankara-ar", "ankara-ar-s1-e1", CONSULT, "actor", "Israel", "false",
         ASSERTED),
    ],
    "events-with-evidence": [
        ("ankara-ar", "ankara-ar-s0-e1", CONSULT, "التقى", "0", "5",
         "التقى رئيس الاستخبارات التركية إبراهيم قالن وفد حماس في أنقرة."),
        ("ankara-ar", "ankara-ar-s1-e1", CONSULT, "وتتوسط", "63", "69",
         "وتتوسط تركيا ومصر وقطر بين حماس وإسرائيل."),
        ("ankara-ar", "ankara-ar-s2-e1", CONSULT, "تلتق", "109", "113",
         "ولم تلتق حماس بمسؤولين من إسرائيل."),
        ("doha-en", "doha-en-s0-e1", CONSULT, "mediated", "16", "24",
         "Qatar and Egypt mediated between Hamas and Israel on Monday."),
        ("doha-en", "doha-en-s1-e1", ACCUSE, "accused", "68", "75",
         "Israel accused Hamas of breaking the truce."),
        ("doha-en", "doha-en-s2-e1", CONSULT, "meet", "128", "132",
         "The United States will meet Qatari officials next week."),
    ],
    "dyads-by-quad-class": [
        ("Egypt", "Hamas", VC, "2"), ("Egypt", "Israel", VC, "2"), ("Qatar", "Hamas", VC, "2"),
        ("Qatar", "Israel", VC, "2"), ("Israel", "Hamas", VK, "1"),
        ("Turkey", "Hamas", VC, "1"), ("Turkey", "Israel", VC, "1"),
        ("İbrahim Kalın", "Hamas", VC, "1"),
    ],
    "most-active-mediators": [
        (E + "EGY", "Egypt", "2", "2", "2"), (E + "QAT", "Qatar", "2", "2", "2"),
        (E + "TUR", "Turkey", "1", "2", "1"),
    ],
    "events-by-type": [(CONSULT, "5", "1", "1"), (ACCUSE, "1", "0", "0")],
    "negated-or-non-asserted": [
        ("ankara-ar", "ankara-ar-s2-e1", CONSULT, "true", ASSERTED, "تلتق",
         "ولم تلتق حماس بمسؤولين من إسرائيل."),
        ("doha-en", "doha-en-s2-e1", CONSULT, "false", FUTURE, "meet",
         "The United States will meet Qatari officials next week."),
    ],
    "documents": [
        ("ankara-ar", "ar", "2024-04-20", "قالن يلتقي وفد حماس", "3"),
        ("doha-en", "en", "2024-05-06", "Talks in Doha", "3"),
    ],
    "actors": [
        (E + "HAMAS", "Hamas", "PSE", "REB", None, "5"),
        (E + "ISR", "Israel", "ISR", "GOV", ns.WD + "Q801", "4"),
        (E + "QAT", "Qatar", "QAT", "GOV", ns.WD + "Q846", "3"),
        (E + "EGY", "Egypt", "EGY", "GOV", ns.WD + "Q79", "2"),
        (E + "TUR", "Turkey", "TUR", "GOV", ns.WD + "Q43", "1"),
        (E + "USA", "United States", "USA", "GOV", ns.WD + "Q30", "1"),
        (E + "KALIN", "İbrahim Kalın", "TUR", "SPY", None, "1"),
    ],
}
QUERIES = {q.name: q for q in library()}
SELECTS = sorted(EXPECTED)


def test_every_named_query_has_a_title_a_description_and_an_expectation():
    assert set(QUERIES) == set(EXPECTED) | {"mediation-network"}
    for query in QUERIES.values():
        assert query.title and query.description, query.name


@pytest.mark.parametrize("name", SELECTS)
def test_named_query_returns_the_expected_rows_in_order(graph_store, name):
    assert graph_store.query(QUERIES[name].sparql).values() == EXPECTED[name]


def test_an_event_without_counterparts_is_one_timeline_row(graph_store, graph_results):
    arabic = graph_results[0]
    alone = dataclasses.replace(arabic.events[1], id="alone", recipients=[])
    graph_store.add_document(dataclasses.replace(arabic, events=[alone]))
    rows = graph_store.query(QUERIES["actor-timeline"].sparql).values()
    assert rows == [("2024-04-20", "ankara-ar", "alone", CONSULT, "actor", None, "false",
                     ASSERTED)]


def test_the_timeline_keeps_the_latest_events_when_the_limit_is_reached(graph_store,
                                                                        graph_results):
    arabic = graph_results[0]
    later = dataclasses.replace(arabic.events[1], id="later", date="2024-06-01")
    graph_store.add_document(dataclasses.replace(arabic, events=[arabic.events[1], later]))
    latest_only = QUERIES["actor-timeline"].sparql.replace("LIMIT 1000", "LIMIT 1")
    assert latest_only != QUERIES["actor-timeline"].sparql
    rows = graph_store.query(latest_only).values()
    assert {(row[0], row[2]) for row in rows} == {("2024-06-01", "later")}
    assert len(rows) == 2  # the event's two counterparts, Hamas and Israel


def test_the_mediation_network_is_a_graph_of_who_mediates_for_whom(graph_store):
    result = graph_store.query(QUERIES["mediation-network"].sparql)
    assert result.kind == "graph"
    mediates = {(t.subject.value[len(E):], t.object.value[len(E):]) for t in result.triples
                if t.predicate.value == ns.REL + "mediates"}
    assert mediates == {(m, p) for m in ("TUR", "EGY", "QAT") for p in ("HAMAS", "ISR")}
    assert "rel:mediates" in result.serialize()


@pytest.fixture
def graph_rdflib(graph_store, tmp_path) -> rdflib.Graph:
    out = tmp_path / "graph.ttl"
    graph_store.export("turtle", out)
    return rdflib.Graph().parse(out, format="turtle")


@pytest.mark.parametrize("name", SELECTS)
def test_the_store_and_rdflib_over_the_turtle_export_agree(graph_store, graph_rdflib, name):
    ours = graph_store.query(QUERIES[name].sparql).values()
    theirs = [tuple(str(v) if v is not None else None for v in row)
              for row in graph_rdflib.query(QUERIES[name].sparql)]
    assert sorted(ours, key=str) == sorted(theirs, key=str)


def test_user_queries_may_use_our_prefixes_without_declaring_them(graph_store):
    rows = graph_store.query("SELECT ?n WHERE { entity:HAMAS schema:name ?n }").values()
    assert rows == [("Hamas",)]


def test_ask_and_result_formats(graph_store):
    assert graph_store.query("ASK { ?e mg:mode mgx:mediate }").serialize("json") == (
        '{"head": {}, "boolean": true}\n')
    result = graph_store.query(
        "SELECT ?id ?c WHERE { ?e mg:eventId ?id ; mg:confidence ?c } ORDER BY ?id LIMIT 1")
    assert result.serialize("csv") == "id,c\r\nankara-ar-s0-e1,0.9\r\n"
    assert result.serialize("tsv") == (
        f'?id\t?c\n"ankara-ar-s0-e1"\t"0.9"^^<{ns.XSD}decimal>\n')
    assert '"datatype": "http://www.w3.org/2001/XMLSchema#decimal"' in result.serialize("json")
    assert result.serialize("table").splitlines()[-1] == "(1 row)"


def test_a_syntax_error_is_an_input_error(graph_store):
    with pytest.raises(InputError, match="SPARQL syntax error"):
        graph_store.query("SELECT ?x WHERE { ?x ")


def test_a_query_is_found_by_file_by_name_or_taken_as_text(tmp_path):
    path = tmp_path / "mine.rq"
    path.write_text("ASK {}", encoding="utf-8")
    assert resolve(str(path)) == "ASK {}"
    assert resolve("who-met-whom") == QUERIES["who-met-whom"].sparql
    assert resolve("select * { ?s ?p ?o }") == "select * { ?s ?p ?o }"
    with pytest.raises(InputError, match="neither a file, a named query nor SPARQL"):
        resolve("no-such-query")


def test_header_descriptions_may_run_over_several_lines():
    text = "# title: T\n# description: first\n#   second\nSELECT * {}\n"
    assert parse_header(text) == ("T", "first second")
