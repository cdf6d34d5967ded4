"""The live server on 127.0.0.1, asked by real clients: SPARQLWrapper, rdflib's SPARQLStore and
plain HTTP. Every answer is compared with ``Store.query`` (what ``mediation-graph query``
prints); every refusal is checked for its status and its message."""

from __future__ import annotations

import csv
import io
import json
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from rdflib import Graph
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import CSV, JSON, JSONLD, POST, TSV, TURTLE, XML, SPARQLWrapper

from mediation_graph.graph.library import library
from mediation_graph.graph.store import Store
from mediation_graph.model import Document, DocumentResult
from mediation_graph.serve.app import ServeConfig
from mediation_graph.serve.background import serving
from mediation_graph.view.sample import mediation_story

TOKEN = "test-token-0123456789abcdef"
ORIGIN = "https://yasgui.example"
MAX_ROWS = 40
MAX_REQUEST = 4096
TIMEOUT = 1.5

ACTOR_COUNTS = """
SELECT ?name (COUNT(DISTINCT ?event) AS ?events) WHERE {
  ?event mg:actor ?actor . ?actor schema:name ?name .
} GROUP BY ?name ORDER BY DESC(?events) ?name
"""
ONE_HOP = """
SELECT ?target ?relation WHERE { entity:QAT ?relation ?target . ?target a mg:Actor }
ORDER BY ?relation ?target
"""
# Five copies of the whole store joined: far more rows than any timeout lets through.
ENDLESS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?o ?q }"


def story_results() -> list[DocumentResult]:
    """The two articles of the sample story as the extractor would hand them over."""
    events, titles = mediation_story()
    results = []
    for doc_id in sorted(titles):
        mine = [e for e in events if e.doc_id == doc_id]
        text = " ".join(e.sentence_span.text for e in mine)
        document = Document(doc_id, text, mine[0].language, mine[0].date, title=titles[doc_id])
        results.append(DocumentResult(document, mine, sentence_count=len(mine)))
    return results


def build_store(path: Path) -> Path:
    with Store(path) as store:
        for result in story_results():
            store.add_document(result)
    return path


def expected(store_dir: Path, sparql: str) -> list[tuple[str | None, ...]]:
    """What ``mediation-graph query`` answers (read while the server runs, as users do)."""
    with Store(store_dir) as store:
        return store.query(sparql).values()


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("serve") / "store")


@pytest.fixture(scope="module")
def server(store_dir: Path) -> Iterator[str]:
    """A read-only server with tight limits, allowing one browser origin."""
    config = ServeConfig(store=store_dir, timeout=TIMEOUT, max_rows=MAX_ROWS,
                         max_request_bytes=MAX_REQUEST, workers=2, cors_origins=(ORIGIN,))
    with serving(config) as url:
        yield url


@pytest.fixture(scope="module")
def writable(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A server that accepts writes from holders of ``TOKEN``, on its own store."""
    path = build_store(tmp_path_factory.mktemp("serve-write") / "store")
    with serving(ServeConfig(store=path, allow_write=True, token=TOKEN, workers=1)) as url:
        yield url


def wrapper(url: str, query: str, fmt: str) -> SPARQLWrapper:
    client = SPARQLWrapper(f"{url}/sparql")
    # SPARQLWrapper guesses the query form by keywords even inside comments (a description
    # saying "dropped" makes it send a DROP update), so the library's header comments go.
    client.setQuery("\n".join(line for line in query.splitlines()
                               if not line.lstrip().startswith("#")))
    client.setReturnFormat(fmt)
    return client


def json_rows(answer: dict) -> list[tuple[str | None, ...]]:
    names = answer["head"]["vars"]
    return [tuple(b[n]["value"] if n in b else None for n in names)
            for b in answer["results"]["bindings"]]


# -- the same rows as `mediation-graph query` ---------------------------------------------------
def test_every_library_query_gives_sparqlwrapper_the_rows_of_the_command_line(
        server: str, store_dir: Path) -> None:
    for named in library():
        with Store(store_dir) as store:
            local = store.query(named.sparql)
        if local.kind == "graph":
            turtle = wrapper(server, named.sparql, TURTLE).query().response.read()
            served = {tuple(str(t) for t in triple)
                      for triple in Graph().parse(data=turtle, format="turtle")}
            assert served == {(t.subject.value, t.predicate.value, t.object.value)
                              for t in local.triples}, named.name
        else:
            answer = wrapper(server, named.sparql, JSON).queryAndConvert()
            assert json_rows(answer) == local.values(), named.name


def test_rdflib_sparqlstore_gets_the_same_rows(server: str, store_dir: Path) -> None:
    graph = Graph(store=SPARQLStore(f"{server}/sparql", returnFormat="xml"))
    rows = [tuple(str(v) if v is not None else None for v in row)
            for row in graph.query(ACTOR_COUNTS)]
    assert rows == expected(store_dir, ACTOR_COUNTS)
    assert rows[0][0] in {"Hamas", "Israel", "Qatar"}


@pytest.mark.parametrize("fmt", [XML, CSV, TSV])
def test_each_result_format_carries_the_same_rows(server: str, store_dir: Path,
                                                  fmt: str) -> None:
    response = wrapper(server, ONE_HOP, fmt).query()
    body = response.response.read().decode("utf-8")
    want = expected(store_dir, ONE_HOP)
    assert want, "the sample story has Qatar dealing with others"
    if fmt == XML:
        assert body.count("<result>") == len(want)
        assert all(f"<uri>{target}</uri>" in body for target, _ in want)
    elif fmt == CSV:
        assert [tuple(r) for r in csv.reader(io.StringIO(body))][1:] == want
    else:
        lines = body.splitlines()
        assert lines[0] == "?target\t?relation"
        assert [tuple(cell.strip("<>") for cell in line.split("\t")) for line in lines[1:]] == want


def test_post_form_and_direct_query_bodies_answer_like_get(server: str, store_dir: Path) -> None:
    client = wrapper(server, ACTOR_COUNTS, JSON)
    client.setMethod(POST)
    assert json_rows(client.queryAndConvert()) == expected(store_dir, ACTOR_COUNTS)
    direct = httpx.post(f"{server}/sparql", content=ACTOR_COUNTS.encode(),
                        headers={"Content-Type": "application/sparql-query",
                                 "Accept": "application/sparql-results+json"})
    assert direct.status_code == 200
    assert json_rows(direct.json()) == expected(store_dir, ACTOR_COUNTS)


def test_ask_answers_a_boolean(server: str) -> None:
    answer = wrapper(server, "ASK { entity:QAT a mg:Actor }", JSON).queryAndConvert()
    assert answer["boolean"] is True


def test_construct_comes_as_turtle_or_json_ld(server: str) -> None:
    query = "CONSTRUCT { ?a schema:name ?n } WHERE { ?a a mg:State ; schema:name ?n }"
    turtle = wrapper(server, query, TURTLE).query().response.read()
    graph = Graph().parse(data=turtle, format="turtle")
    jsonld = wrapper(server, query, JSONLD).query().response.read()
    same = Graph().parse(data=jsonld, format="json-ld")
    names = {str(o) for o in graph.objects()}
    assert {"Qatar", "Egypt", "Israel"} <= names
    assert names == {str(o) for o in same.objects()}
    assert len(graph) == len(same)


def test_named_graph_parameters_restrict_the_dataset(server: str) -> None:
    with Store() as probe:
        probe.add_document(story_results()[0])
        graph = probe.document_graphs()[0].value
    query = "SELECT DISTINCT ?id WHERE { ?e mg:eventId ?id } ORDER BY ?id"
    answer = httpx.get(f"{server}/sparql", params={"query": query, "default-graph-uri": graph},
                       headers={"Accept": "application/sparql-results+json"}).json()
    ids = [row[0] for row in json_rows(answer)]
    assert ids and all(i.startswith("ankara-talks") for i in ids)


# -- events, view, health -----------------------------------------------------------------------
def test_events_are_jsonl_filtered_by_actor_type_date_and_language(server: str) -> None:
    every = httpx.get(f"{server}/events").text.splitlines()
    assert len(every) == len(mediation_story()[0])
    qatar = [json.loads(line) for line in httpx.get(
        f"{server}/events", params={"actor": "qatar", "type": "consult"}).text.splitlines()]
    assert qatar and all(r["event"] == "CONSULT" for r in qatar)
    assert all("QAT" in {m["entity_id"] for m in r["actor"] + r["recipient"]} for r in qatar)
    august = httpx.get(f"{server}/events", params={"from": "2024-08-10", "to": "2024-08",
                                                   "language": "en"}).text.splitlines()
    assert august and all(json.loads(line)["doc_id"] == "doha-round" for line in august)
    assert httpx.get(f"{server}/events", params={"from": "2025"}).text == ""


def test_events_refuse_a_bad_filter(server: str) -> None:
    response = httpx.get(f"{server}/events", params={"type": "HUG"})
    assert response.status_code == 400
    assert "type must be a PLOVER type" in response.text


def test_the_view_is_drawn_live_from_the_store(server: str) -> None:
    page = httpx.get(f"{server}/", params={"actor": "HAMAS"})
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert "Hamas" in page.text and "vis-network" in page.text


def test_health(server: str) -> None:
    assert httpx.get(f"{server}/health").json() == {"status": "ok", "read_only": True,
                                                     "workers": 2}


# -- refusals -----------------------------------------------------------------------------------
def refusal(response: httpx.Response, status: int, words: str) -> None:
    assert response.status_code == status, response.text
    assert words in response.text
    assert len(response.text.strip().splitlines()) == 1


def test_a_syntax_error_is_400_with_the_parser_message(server: str) -> None:
    response = httpx.get(f"{server}/sparql", params={"query": "SELECT ?x WHERE { ?x"})
    refusal(response, 400, "SPARQL syntax error: error at 1:")


@pytest.mark.parametrize("query", [
    "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
    "select * { optional { service silent <http://example.org/> { ?s ?p ?o } } }",
    "SELECT * WHERE { { SELECT ?s { SERVICE ?endpoint { ?s ?p ?o } } } }",
])
def test_service_is_refused_wherever_it_is(server: str, query: str) -> None:
    response = httpx.get(f"{server}/sparql", params={"query": query})
    refusal(response, 403, "SERVICE clauses are refused")


def test_the_word_service_in_a_literal_is_no_service_clause(server: str) -> None:
    query = 'SELECT ?s WHERE { ?s schema:name "customer service" }'
    assert httpx.get(f"{server}/sparql", params={"query": query}).status_code == 200


def test_an_answer_over_the_row_limit_is_refused(server: str) -> None:
    response = httpx.get(f"{server}/sparql", params={"query": "SELECT * { ?s ?p ?o }"})
    refusal(response, 503, f"more than {MAX_ROWS} rows")


def test_a_body_over_the_request_limit_is_refused(server: str) -> None:
    padding = "#" + "x" * MAX_REQUEST + "\n"
    response = httpx.post(f"{server}/sparql", content=(padding + ACTOR_COUNTS).encode(),
                          headers={"Content-Type": "application/sparql-query"})
    refusal(response, 413, "larger than 4,096 bytes")
    chunked = httpx.post(f"{server}/sparql", content=iter([padding.encode()] * 2),
                         headers={"Content-Type": "application/sparql-query"})
    refusal(chunked, 413, "larger than 4,096 bytes")
    long_get = httpx.get(f"{server}/sparql", params={"query": padding + ACTOR_COUNTS})
    refusal(long_get, 414, "longer than 4,096 bytes")


def test_unknown_formats_and_bodies_are_refused(server: str) -> None:
    refusal(httpx.get(f"{server}/sparql", params={"query": ACTOR_COUNTS},
                      headers={"Accept": "image/png"}), 406, "application/sparql-results+json")
    refusal(httpx.post(f"{server}/sparql", content=b"{}",
                       headers={"Content-Type": "application/json"}), 415, "POST a query as")
    refusal(httpx.get(f"{server}/sparql"), 400, "no query")


def test_writes_are_refused_by_a_read_only_server(server: str) -> None:
    update = httpx.post(f"{server}/sparql", data={"update": "INSERT DATA { <a:b> <a:c> 1 }"},
                        headers={"Authorization": f"Bearer {TOKEN}"})
    refusal(update, 403, "read-only")
    posted = httpx.post(f"{server}/documents", content=b"Qatar met Egypt.",
                        headers={"Content-Type": "text/plain"})
    refusal(posted, 403, "read-only")


def test_cors_headers_only_for_the_named_origin(server: str, writable: str) -> None:
    ok = httpx.get(f"{server}/health", headers={"Origin": ORIGIN})
    assert ok.headers["access-control-allow-origin"] == ORIGIN
    other = httpx.get(f"{server}/health", headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in other.headers
    plain = httpx.get(f"{writable}/health", headers={"Origin": ORIGIN})
    assert "access-control-allow-origin" not in plain.headers


def test_a_query_past_the_timeout_is_stopped_and_the_server_stays_up(server: str) -> None:
    answers: dict[str, httpx.Response] = {}

    def slow() -> None:
        answers["slow"] = httpx.get(f"{server}/sparql", params={"query": ENDLESS}, timeout=30)

    started = time.monotonic()
    thread = threading.Thread(target=slow)
    thread.start()
    time.sleep(0.2)
    # The other worker answers while the endless query runs.
    meanwhile = httpx.get(f"{server}/sparql", params={"query": ONE_HOP})
    assert meanwhile.status_code == 200
    thread.join()
    elapsed = time.monotonic() - started
    refusal(answers["slow"], 503, f"time limit of {TIMEOUT:g} s and was stopped")
    assert elapsed < TIMEOUT + 5
    # The stopped worker was replaced: both workers answer again.
    for _ in range(4):
        assert httpx.get(f"{server}/sparql", params={"query": ONE_HOP}).status_code == 200
    assert httpx.get(f"{server}/health").json()["status"] == "ok"


# -- writing with a token -----------------------------------------------------------------------
def test_writes_need_the_bearer_token(writable: str) -> None:
    update = {"update": "INSERT DATA { GRAPH <urn:x> { <urn:a> <urn:b> 1 } }"}
    missing = httpx.post(f"{writable}/sparql", data=update)
    refusal(missing, 401, "Authorization: Bearer")
    assert missing.headers["www-authenticate"].startswith("Bearer")
    wrong = httpx.post(f"{writable}/sparql", data=update,
                       headers={"Authorization": f"Bearer {TOKEN[:-1]}x"})
    refusal(wrong, 401, "token")


def test_an_update_with_the_token_is_seen_by_the_next_query(writable: str) -> None:
    client = SPARQLWrapper(f"{writable}/sparql")
    client.setMethod(POST)
    client.addCustomHttpHeader("Authorization", f"Bearer {TOKEN}")
    client.setQuery('INSERT DATA { GRAPH <urn:notes> { entity:QAT rdfs:comment "host" } }')
    client.query()
    answer = wrapper(writable, "SELECT ?c { entity:QAT rdfs:comment ?c }", JSON)
    assert json_rows(answer.queryAndConvert()) == [("host",)]


@pytest.mark.parametrize("update, word", [
    ("INSERT { ?s ?p ?o } WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
     "SERVICE"),
    ("LOAD <http://example.org/data.ttl>", "LOAD"),
])
def test_outbound_updates_are_refused_even_with_the_token(writable: str, update: str,
                                                          word: str) -> None:
    response = httpx.post(f"{writable}/sparql", content=update.encode(),
                          headers={"Content-Type": "application/sparql-update",
                                   "Authorization": f"Bearer {TOKEN}"})
    refusal(response, 403, f"{word} is refused" if word == "LOAD" else "SERVICE clauses")


def test_posted_documents_are_extracted_and_stored(writable: str) -> None:
    lines = [{"id": "posted-en", "text": "Qatar mediated between Hamas and Israel in Doha.",
              "date": "2024-09-01", "language": "en"}]
    body = "".join(json.dumps(line) + "\n" for line in lines).encode()
    # the first post loads the lexicon: seconds on a busy machine
    response = httpx.post(f"{writable}/documents", content=body, timeout=60,
                          headers={"Content-Type": "application/x-ndjson",
                                   "Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 201, response.text
    summary = response.json()
    assert summary["documents"][0]["id"] == "posted-en"
    assert summary["events"] >= 1
    listed = httpx.get(f"{writable}/events", params={"from": "2024-09-01"}).text.splitlines()
    assert {json.loads(line)["doc_id"] for line in listed} == {"posted-en"}
