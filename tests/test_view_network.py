"""How events become the actor network every view and analysis reads."""

from __future__ import annotations

from mediation_graph.model import Entity
from mediation_graph.view.network import build_network, edge_key, is_mediation
from mediation_graph.view.sample import EGY, HAMAS, ISR, QAT, USA, StoryBuilder, mediation_story


def test_mediation_is_drawn_as_the_mediators_edges_to_each_party() -> None:
    doc = StoryBuilder("d", "en", "2024-03-04")
    doc.say("Egypt and Qatar mediated between Hamas and Israel.", "mediated", "CONSULT", "045",
            [("Egypt", EGY), ("Qatar", QAT)], [("Hamas", HAMAS), ("Israel", ISR)],
            mode="mediate")
    graph = build_network(doc.events)
    key = edge_key("CONSULT", mediation=True)
    assert sorted(graph.edges(keys=True)) == [
        ("EGY", "HAMAS", key), ("EGY", "ISR", key), ("QAT", "HAMAS", key), ("QAT", "ISR", key)]
    assert all(data["mediation"] for _, _, data in graph.edges(data=True))
    # The parties are not linked to each other by someone else's mediation.
    assert not graph.has_edge("HAMAS", "ISR")


def test_cameo_045_counts_as_mediation_without_the_mode() -> None:
    doc = StoryBuilder("d", "en")
    event = doc.say("Qatar mediated between Hamas and Israel.", "mediated", "CONSULT", "045",
                    [("Qatar", QAT)], [("Hamas", HAMAS), ("Israel", ISR)])
    assert is_mediation(event)


def test_events_of_one_type_between_two_actors_are_one_edge() -> None:
    first = StoryBuilder("a", "en", "2024-08-15")
    first.say("Israel accused Hamas of stalling.", "accused", "ACCUSE", "112",
              [("Israel", ISR)], [("Hamas", HAMAS)])
    second = StoryBuilder("b", "en", "2024-08-01")
    second.say("Israel accused Hamas again.", "accused", "ACCUSE", "111",
               [("Israel", ISR)], [("Hamas", HAMAS)])
    second.say("Israel rejected the Hamas reply.", "rejected", "REJECT", "120",
               [("Israel", ISR)], [("Hamas", HAMAS)])
    graph = build_network(first.events + second.events)
    accuse = graph.edges["ISR", "HAMAS", "ACCUSE"]
    assert accuse["count"] == 2
    assert accuse["dates"] == ["2024-08-01", "2024-08-15"]
    assert accuse["cameo"] == ["112", "111"]
    assert [e.doc_id for e in accuse["evidence"]] == ["a", "b"]
    assert accuse["quad"] == "verbal conflict"
    assert graph.number_of_edges("ISR", "HAMAS") == 2  # ACCUSE and REJECT stay apart


def test_actors_named_together_without_a_recipient_are_linked_mutually() -> None:
    doc = StoryBuilder("d", "en")
    doc.say("Qatar, Egypt and the United States met in Cairo.", "met", "CONSULT", "040",
            [("Qatar", QAT), ("Egypt", EGY), ("United States", USA)])
    graph = build_network(doc.events)
    assert graph.number_of_edges() == 3
    assert all(data["mutual"] for _, _, data in graph.edges(data=True))


def test_negated_events_are_left_out_but_counted() -> None:
    doc = StoryBuilder("d", "en")
    doc.say("Hamas did not reject the proposal of Egypt.", "reject", "REJECT", "120",
            [("Hamas", HAMAS)], [("Egypt", EGY)], negated=True)
    graph = build_network(doc.events)
    assert graph.number_of_nodes() == 0
    assert graph.graph["negated"] == 1
    assert graph.graph["events"] == 0


def test_an_actor_without_partner_is_a_node_without_edges() -> None:
    doc = StoryBuilder("d", "en")
    doc.say("Qatar welcomed the plan.", "welcomed", "SUPPORT", "051", [("Qatar", QAT)])
    graph = build_network(doc.events)
    assert list(graph.nodes) == ["QAT"]
    assert graph.nodes["QAT"]["activity"] == 1


def test_same_entity_on_both_sides_makes_no_loop_and_repeated_events_count_once() -> None:
    doc = StoryBuilder("d", "en")
    event = doc.say("Israel and the Israeli side talked.", "talked", "CONSULT", "040",
                    [("Israel", ISR)], [("Israeli", ISR), ("Israel", ISR)])
    graph = build_network([event, event])
    assert graph.number_of_edges() == 0
    assert graph.nodes["ISR"]["activity"] == 1


def test_nodes_are_labelled_in_their_documents_language_with_the_other_as_alternative() -> None:
    events, _ = mediation_story()
    graph = build_network(events)
    # Hamas appears mostly in the Arabic article, the Gaza Strip only in the English one.
    assert (graph.nodes["HAMAS"]["label"], graph.nodes["HAMAS"]["alt_label"]) == ("حماس", "Hamas")
    assert graph.nodes["GAZA"]["label"] == "Gaza Strip"
    assert graph.nodes["GAZA"]["alt_label"] == "قطاع غزة"


def test_an_unknown_name_is_labelled_with_the_words_of_the_text() -> None:
    stranger = Entity("X_1", "Abu Example", "person", linked=False)
    doc = StoryBuilder("d", "ar")
    doc.say("التقى أبو مثال وفد حماس.", "التقى", "CONSULT", "040",
            [("أبو مثال", stranger)], [("حماس", HAMAS)])
    graph = build_network(doc.events)
    assert graph.nodes["X_1"]["label"] == "أبو مثال"
    assert graph.nodes["X_1"]["linked"] is False


def test_the_story_network() -> None:
    events, _ = mediation_story()
    graph = build_network(events)
    assert graph.graph == {"events": 13, "negated": 1, "documents": 2}
    assert graph.number_of_nodes() == 11
    qatar_mediation = graph.edges["QAT", "HAMAS", edge_key("CONSULT", mediation=True)]
    assert qatar_mediation["count"] == 2
    assert qatar_mediation["dates"] == ["2024-08-02", "2024-08-15"]
