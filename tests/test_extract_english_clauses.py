"""English clause structure in real news: passives without an agent, verbs joined by "and",
conditions ("if", "unless") and the content of a charge, which are no acts of their own."""

from __future__ import annotations

from conftest import find, names


def _types(events) -> set[str]:
    return {e.event for e in events if not e.negated}


# --- passives without "by" ----------------------------------------------------------------------

def test_passive_without_agent_has_no_actor(extract):
    events = extract("Two Nigerian soldiers have been killed in an ambush near the border.", "en")
    attacks = [e for e in events if e.event == "ASSAULT"]
    assert len(attacks) == 1  # "in an ambush" restates the killing
    assert attacks[0].actors == []
    assert {m.entity.country for m in attacks[0].recipients} == {"NGA"}


def test_adjectival_participle_keeps_its_subject(extract):
    events = extract("The minister said Peru is committed to opening up its economy.", "en")
    assert names(find(events, "AGREE").actors) == {"Peru"}


# --- verbs joined by "and" ----------------------------------------------------------------------

def test_second_verb_of_the_same_act_is_no_second_event(extract):
    events = extract("A roadside bomb killed three Afghan soldiers and wounded four others.",
                     "en")
    attacks = [e for e in events if e.event == "ASSAULT"]
    assert all(e.actors == [] for e in attacks)  # the soldiers are hit, they do not attack
    assert all({m.entity.country for m in e.recipients} == {"AFG"} for e in attacks)


def test_joined_verb_shares_the_subject_not_the_object(extract):
    events = extract("Ethiopian police shot two Eritrean refugees and detained their leaders.",
                     "en")
    arrest = find(events, "COERCE")
    assert {m.entity.country for m in arrest.actors} == {"ETH"}


# --- conditions ---------------------------------------------------------------------------------

def test_act_inside_a_condition_is_no_event(extract):
    events = extract("Egypt threatened to recall its ambassador if Israel continued the raids.",
                     "en")
    assert _types(events) == {"THREATEN"}
    threat = find(events, "THREATEN")
    assert names(threat.actors) == {"Egypt"} and names(threat.recipients) == {"Israel"}


def test_announced_act_unless_a_demand_is_met_is_a_threat(extract):
    events = extract("Ghana said it will suspend trade with Togo unless Lome reopens the border.",
                     "en")
    assert "THREATEN" in _types(events)
    assert "RETREAT" not in _types(events)  # reopening the border is the demand, not an act
    threat = find(events, "THREATEN")
    assert names(threat.actors) == {"Ghana"}


def test_threat_names_the_subject_of_its_condition(extract):
    events = extract("Kenya has threatened to halt the talks on trade if Uganda goes ahead with "
                     "new missile sites.", "en")
    threat = find(events, "THREATEN")
    assert names(threat.recipients) == {"Uganda"}


def test_offer_on_a_condition_is_no_threat(extract):
    events = extract("Peru will send aid to Bolivia if the floods continue.", "en")
    assert "THREATEN" not in _types(events)


# --- what an accusation says was done -----------------------------------------------------------

def test_act_charged_after_accused_is_no_event(extract):
    events = extract("Ghana accused Togo of arming the rebels in the north.", "en")
    assert _types(events) == {"ACCUSE"}
    accusation = find(events, "ACCUSE")
    assert names(accusation.actors) == {"Ghana"} and names(accusation.recipients) == {"Togo"}


def test_act_blamed_on_someone_is_no_event(extract):
    events = extract("Peru blamed Chile for the shelling of a border village.", "en")
    assert _types(events) == {"ACCUSE"}


def test_later_joined_verb_keeps_the_first_subject(extract):
    events = extract("Egyptian police opened fire to disperse angry demonstrators on Monday, "
                     "killing one person and arresting 12 protesters.", "en")
    arrest = find(events, "COERCE", "arrest")
    assert {m.entity.country for m in arrest.actors} == {"EGY"}


def test_verb_after_and_with_an_auxiliary_shares_the_subject(extract):
    events = extract("Norway has refused to send troops to Mali and has urged its citizens to "
                     "leave Bamako.", "en")
    assert names(find(events, "REQUEST").actors) == {"Norway"}


def test_participle_after_a_passive_shares_its_agent(extract):
    events = extract("A camp for Liberian refugees was attacked by Guinean soldiers armed with "
                     "rifles, killing at least twenty people.", "en")
    killing = next(e for e in events if e.trigger.text == "killing")
    assert {m.entity.country for m in killing.actors} == {"GIN"}


def test_purpose_after_an_object_is_done_by_the_subject(extract):
    events = extract("Gambian President Adama Barrow will visit Guinea and Senegal to mediate in "
                     "a border dispute between the two neighbours.", "en")
    mediation = find(events, "CONSULT", "mediate")
    assert names(mediation.actors) == {"Adama Barrow"}
    assert names(mediation.recipients) == {"Guinea", "Senegal"}


def test_what_someone_is_urged_to_do_is_theirs(extract):
    events = extract("Egypt urged Qatar to mediate between Hamas and Israel.", "en")
    assert names(find(events, "CONSULT", "mediate").actors) == {"Qatar"}


# --- subjects and their descriptions ------------------------------------------------------------

def test_description_between_commas_is_no_subject(extract):
    events = extract("Norway, a key NATO ally in the north, has refused to send troops to Mali.",
                     "en")
    assert names(find(events, "REJECT").actors) == {"Norway"}


def test_deal_between_the_two_countries_that_agree_is_no_mediation(extract):
    events = extract("Kenya and Tanzania have agreed on a new trade pact between the two "
                     "countries.", "en")
    assert not [e for e in events if e.mode == "mediate"]
    assert names(find(events, "AGREE").actors) == {"Kenya", "Tanzania"}


# --- what a protest demands -------------------------------------------------------------------

def test_protest_is_aimed_at_whom_its_demand_is_made_of(extract):
    events = extract("Hundreds of Tunisian farmers rallied in Sfax, calling for debt relief from "
                     "the Tunisian government.", "en")
    protest = find(events, "PROTEST")
    assert {m.span.text for m in protest.recipients} == {"Tunisian government"}


# --- groups the text gives no state -----------------------------------------------------------

def test_group_without_a_state_belongs_to_the_state_where_it_acts(extract):
    events = extract("Hundreds of protesters marched through the streets of Harare on Friday.",
                     "en")
    protest = find(events, "PROTEST")
    assert {m.entity.country for m in protest.actors} == {"ZWE"}


def test_group_named_with_its_state_keeps_it(extract):
    events = extract("Sudanese rebels attacked an army convoy near Goma.", "en")
    attack = find(events, "ASSAULT")
    assert {m.entity.country for m in attack.actors} == {"SDN"}


def test_protesters_demand_further_on_is_still_their_aim(extract):
    events = extract("Thousands of Kenyans rallied in Nairobi and Mombasa on Sunday after the "
                     "death of a blogger in police custody, demanding that President William "
                     "Ruto sack the police chief.", "en")
    protest, demand = find(events, "PROTEST"), find(events, "REQUEST")
    assert names(protest.recipients) == names(demand.recipients) == {"William Ruto"}


# --- withdrawing one's own forces ---------------------------------------------------------------

def test_own_troops_withdrawn_from_a_state_are_not_that_states(extract):
    events = extract("Kenya withdrew its troops from Somalia on Monday.", "en")
    withdrawal = find(events, "RETREAT")
    assert names(withdrawal.actors) == {"Kenya"} and names(withdrawal.recipients) == {"Somalia"}
    assert not any(m.entity.country == "SOM" and m.entity.sector == "MIL"
                   for e in events for m in e.actors + e.recipients)


def test_a_to_after_a_noun_says_what_the_noun_is_about_not_the_subjects_purpose(extract):
    events = extract("Iran's foreign ministry spokesman criticised the U.S. decision to sell "
                     "arms to Bahrain.", "en")
    sale = next(e for e in events if e.event == "AID")
    assert [m.entity.country for m in sale.actors] == ["USA"]
