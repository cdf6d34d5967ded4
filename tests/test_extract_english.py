"""English argument patterns: active and passive, prepositions, appositions, lists, modality."""

from __future__ import annotations

from conftest import find, names


def test_active_verb_with_direct_object(extract):
    events = extract("Russia attacked Ukrainian energy facilities overnight.", "en")
    attack = find(events, "ASSAULT")
    assert names(attack.actors) == {"Russia"}


def test_mediation_between_two_parties(extract):
    events = extract("Qatar mediated between Israel and Hamas for months.", "en")
    mediation = find(events, "CONSULT", "mediate")
    assert names(mediation.actors) == {"Qatar"}
    assert names(mediation.recipients) == {"Israel", "Hamas"}


def test_passive_brokered_by_a_list(extract):
    events = extract("The truce was brokered by Egypt, Qatar and the United States.", "en")
    mediation = next(e for e in events if e.mode == "mediate")
    assert names(mediation.actors) == {"Egypt", "Qatar", "United States"}


def test_possessive_role_and_name_apposition(extract):
    events = extract("Turkey's intelligence chief Ibrahim Kalin met Hamas leaders in Ankara.",
                     "en")
    meeting = find(events, "CONSULT")
    assert names(meeting.actors) == {"İbrahim Kalın"}
    assert names(meeting.recipients) == {"Hamas"}


def test_adjective_and_role_make_a_state_body(extract):
    events = extract("The Egyptian foreign minister met his Qatari counterpart in Cairo.", "en")
    meeting = find(events, "CONSULT")
    assert meeting.actors[0].entity.country == "EGY"
    assert meeting.actors[0].entity.type == "person"


def test_metonymy_resolves_to_the_state(extract):
    events = extract("Tehran rejected the proposal and Washington condemned the decision.", "en")
    assert names(find(events, "REJECT").actors) == {"Iran"}


def test_negation_future_and_intention(extract):
    assert find(extract("Hamas did not reject the proposal.", "en"), "REJECT").negated
    future = find(extract("Egypt will host talks with Qatar.", "en"), "AGREE")
    assert future.modality == "future" and future.cameo.startswith("03")  # an intent code
    intended = extract("Oman seeks to mediate between Iran and the United States.", "en")
    assert find(intended, "CONSULT", "mediate").modality == "intended"


def test_the_two_sides_resolve_to_the_parties_in_discourse(extract):
    text = ("Saudi Arabia hosted talks between the Sudanese army and the Rapid Support Forces "
            "in Jeddah. The two sides agreed to a week-long ceasefire.")
    agreement = find(extract(text, "en"), "AGREE")
    assert len(agreement.actors) + len(agreement.recipients) == 2


def test_relative_date_is_resolved_from_the_document_date(extract):
    events = extract("Qatar's prime minister met Hamas leaders on Friday.", "en", "2025-03-04")
    assert find(events, "CONSULT").date == "2025-02-28"


def test_unknown_names_in_argument_positions_are_kept_unlinked(extract):
    events = extract("The Zubaran Liberation Front attacked Egyptian positions.", "en")
    attack = find(events, "ASSAULT")
    assert [m.entity.linked for m in attack.actors] == [False]
    assert attack.actors[0].entity.name == "Zubaran Liberation Front"


def test_talks_held_by_a_third_party_are_its_mediation(extract):
    text = ("Sudan and South Sudan signed a border accord. "
            "The talks were convened by the African Union in Addis Ababa.")
    mediation = find(extract(text, "en"), "CONSULT", "mediate")
    assert names(mediation.actors) == {"African Union"}
    assert names(mediation.recipients) == {"Sudan", "South Sudan"}


def test_hosting_two_parties_is_mediating_between_them(extract):
    events = extract("Oman hosted talks between Iran and the United States in Muscat.", "en")
    mediation = find(events, "CONSULT", "mediate")
    assert names(mediation.actors) == {"Oman"}
    assert names(mediation.recipients) == {"Iran", "United States"}


def test_a_hyphenated_name_is_the_agent(extract):
    events = extract("Negotiators resumed the EU-mediated dialogue with Serbia.", "en")
    assert "European Union" in names(find(events, "CONSULT", "mediate").actors)


def test_a_participle_clause_shares_the_subject(extract):
    events = extract("Russian forces shelled Kharkiv overnight, killing four civilians.", "en")
    killing = next(e for e in events if e.trigger.text == "killing")
    assert {m.entity.country for m in killing.actors} == {"RUS"}


def test_an_unknown_name_after_an_office_is_its_holder(extract):
    events = extract("Israeli Prime Minister Ehud Barak met Egyptian officials in Cairo.", "en")
    [actor] = find(events, "CONSULT").actors
    assert (actor.entity.name, actor.entity.type, actor.entity.country) == (
        "Ehud Barak", "person", "ISR")
    assert not actor.entity.linked
