"""English diplomacy wire copy: datelines in every agency's style, hosts who "received" a guest,
a state's possessive before its own leader, "the two leaders" after a meeting of office holders
the lexicon lacks, and mediators "acting as guarantors"."""

from __future__ import annotations

from conftest import find, names
from mediation_graph.extract.mentions import dateline_end
from mediation_graph.text.segment import sentences


def _dateline(text: str) -> str:
    sentence = sentences(text)[0]
    return " ".join(t.text for t in sentence.tokens[:dateline_end(sentence.tokens)])


def test_english_datelines_end_after_the_agency():
    assert _dateline("LUSAKA (Reuters) - Zambia said.") == "LUSAKA ( Reuters ) -"
    assert _dateline("HANOI, May 3 (Xinhua) -- Vietnam said.") == "HANOI , May 3 ( Xinhua ) - -"
    assert _dateline("LA PAZ, Bolivia, Nov. 3 (AP) — The army said.") == (
        "LA PAZ , Bolivia , Nov . 3 ( AP ) —")
    assert _dateline("The Chilean-brokered truce held.") == ""
    assert _dateline("Chile (the host) - said more.") == ""


def test_dateline_words_name_no_one(extract):
    events = extract("TEGUCIGALPA, Honduras, Oct 4 (AFP) - The army said rebels attacked a "
                     "police post on Friday.", "en")
    named = {m.entity.name for e in events for m in e.actors + e.recipients}
    assert not named & {"Oct", "AFP", "Honduras"}


def test_receiving_a_guest_is_hosting_a_visit(extract):
    events = extract("Chilean President Gabriel Boric received Peruvian Foreign Minister "
                     "Elmer Schialer in Santiago on Monday.", "en")
    visit = find(events, "CONSULT", "visit")
    assert names(visit.actors) == {"Gabriel Boric"}
    assert names(visit.recipients) == {"Elmer Schialer"}


def test_receiving_things_is_no_visit(extract):
    assert not extract("The Bolivian ministry received reports of looting in Cochabamba.", "en")
    assert not extract("The Chilean army received new helicopters from Brazil.", "en")


def test_being_received_by_a_host_is_a_visit_too(extract):
    events = extract("Peruvian Foreign Minister Elmer Schialer was received by Chilean "
                     "President Gabriel Boric.", "en")
    visit = find(events, "CONSULT", "visit")
    assert names(visit.actors) == {"Gabriel Boric"}
    assert names(visit.recipients) == {"Elmer Schialer"}


def test_a_states_possessive_before_its_leader_is_no_second_actor(extract):
    events = extract("Chile's President Gabriel Boric met Jordan's King Abdullah II on "
                     "Tuesday.", "en")
    meeting = find(events, "CONSULT")
    everyone = meeting.actors + meeting.recipients
    assert {m.entity.type for m in everyone} == {"person"}
    assert {m.entity.country for m in everyone} == {"CHL", "JOR"}


def test_the_two_leaders_are_the_office_holders_who_met(extract):
    events = extract("Zambian President Hakainde Hichilema held talks with Malawian President "
                     "Lazarus Chakwera in Lusaka, where the two leaders signed a border pact.",
                     "en")
    signing = find(events, "SUPPORT")
    assert names(signing.actors) == {"Hakainde Hichilema", "Lazarus Chakwera"}


def test_states_acting_as_guarantors_mediate(extract):
    events = extract("Guatemala and the rebels resumed talks on Monday, with Mexico, Spain "
                     "and Norway acting as guarantors.", "en")
    found = find(events, "CONSULT", "mediate")
    assert names(found.actors) == {"Mexico", "Spain", "Norway"}


def test_the_speaker_after_a_comma_joins_no_list(extract):
    events = extract("Chile and Bolivia agreed to a truce during talks mediated by Brazil and "
                     "Peru, Brazil's foreign ministry said on Sunday.", "en")
    mediation = find(events, "CONSULT", "mediate")
    assert names(mediation.actors) == {"Brazil", "Peru"}
    assert names(mediation.recipients) == {"Chile", "Bolivia"}


def test_talks_as_the_setting_are_no_content_of_an_agreement(extract):
    events = extract("Chile and Bolivia agreed to an immediate ceasefire during talks in "
                     "Lima.", "en")
    assert names(find(events, "AGREE").actors) == {"Chile", "Bolivia"}


def test_rejecting_a_charge_answers_the_accuser(extract):
    events = extract("Chile accused Bolivia of arming the rebels, a charge Bolivian officials "
                     "rejected.", "en")
    assert names(find(events, "REJECT").recipients) == {"Chile"}


def test_dismissing_the_accusation_in_the_next_sentence_answers_the_accuser(extract):
    events = extract("Chile accused Bolivia of arming the rebels. La Paz dismissed the "
                     "charge as baseless.", "en")
    rejection = find(events, "REJECT")
    assert names(rejection.actors) == {"Bolivia"}
    assert names(rejection.recipients) == {"Chile"}


def test_rejecting_a_plan_answers_no_accuser(extract):
    events = extract("Chile accused Bolivia of arming the rebels. Bolivia rejected the plan.",
                     "en")
    assert "Chile" not in names(find(events, "REJECT").recipients)


def test_talks_held_somewhere_and_hosted_by_a_third_party_are_its_mediation(extract):
    events = extract("Peru and Ecuador agreed to reopen the border after talks in Cuenca "
                     "hosted by Chilean President Gabriel Boric.", "en")
    mediation = find(events, "CONSULT", "mediate")
    assert names(mediation.actors) == {"Gabriel Boric"}
    assert names(mediation.recipients) == {"Peru", "Ecuador"}


def test_hosting_two_counterparts_named_by_adjectives_mediates(extract):
    events = extract("Chilean Foreign Minister Alberto van Klaveren hosted his Peruvian and "
                     "Bolivian counterparts in Santiago.", "en")
    mediation = find(events, "CONSULT", "mediate")
    assert {m.entity.country for m in mediation.recipients} == {"PER", "BOL"}


def test_military_rulers_of_a_state_stand_for_it(extract):
    events = extract("ABUJA (Reuters) - ECOWAS urged the military rulers of Mali and "
                     "Guinea to hold elections.", "en")
    assert names(find(events, "REQUEST").recipients) == {"Mali", "Guinea"}


def test_a_name_goes_on_after_bin(extract):
    events = extract("The truce was brokered by Qatar's Emir Sheikh Tamim bin Hamad Al "
                     "Thani.", "en")
    named = {m.entity.name for e in events for m in e.actors + e.recipients}
    assert "Hamad Al Thani" not in named


def test_a_name_before_a_militia_noun_names_that_group(extract):
    events = extract("Fighting broke out on Monday between Mai-Mai Kifuafua militiamen and M23 "
                     "rebels near Walikale.", "en")
    fighting = find(events, "ASSAULT")
    sides = fighting.actors + fighting.recipients
    assert {m.entity.name for m in sides} == {"Mai-Mai Kifuafua", "M23"}
    assert {m.entity.type for m in sides} == {"armed_group"}


def test_an_office_holder_of_a_state_named_after_the_name(extract):
    events = extract("Foreign Minister Rosa Villalba of Paraguay met Argentine President "
                     "Javier Milei on Monday.", "en")
    meeting = find(events, "CONSULT")
    assert [(m.entity.name, m.entity.country) for m in meeting.actors] == [
        ("Rosa Villalba", "PRY")]
    assert "Paraguay" not in names(meeting.recipients)


def test_a_second_verb_after_and_shares_the_first_verbs_subject(extract):
    events = extract("Chilean President Gabriel Boric blamed Lima for the fighting and called "
                     "on the African Union to intervene.", "en")
    assert names(find(events, "REQUEST").actors) == {"Gabriel Boric"}


def test_brussels_stands_for_the_eu_except_as_a_place(extract):
    events = extract("Belgrade accused Brussels of double standards after talks in Brussels.",
                     "en")
    accusation = find(events, "ACCUSE")
    assert names(accusation.recipients) == {"European Union"}


def test_he_is_not_whom_the_subject_spoke_with(extract):
    events = extract("Boric spoke by phone with Argentine President Javier Milei and said he "
                     "would visit Lima.", "en")
    assert names(find(events, "AGREE").actors) == {"Gabriel Boric"}
