"""Stances (condemning, welcoming, rejecting) and the acts they name: the act named as the
object of a stance is not done by whoever takes the stance. Sentences are our own writing."""

from __future__ import annotations

from conftest import find


def test_condemning_an_attack_no_one_is_named_for_is_no_attack_by_the_condemner(extract):
    events = extract("Kenya condemned the attack and called for calm.", "en")
    assert [e.event for e in events if e.actors and e.actors[0].entity.country == "KEN"] == [
        "ACCUSE", "REQUEST"]


def test_welcoming_an_agreement_is_not_agreeing(extract):
    events = extract("رحبت الكويت بالاتفاق.", "ar")
    assert [e.event for e in events] == ["SUPPORT"]


def test_the_nationality_before_the_act_names_its_doer(extract):
    events = extract("Chile condemned the Russian attack on Odesa.", "en")
    assert [m.entity.country for m in find(events, "ACCUSE").recipients] == ["RUS"]
    assert [m.entity.country for m in find(events, "ASSAULT").actors] == ["RUS"]


def test_an_arabic_condemnation_of_an_attack_after_a_preposition(extract):
    events = extract("ندد المغرب بالهجوم على القافلة.", "ar")
    assert [e.event for e in events] == ["ACCUSE"]


def test_a_call_to_end_attacks_is_not_an_attack_by_the_caller_nor_a_demand_of_victims(extract):
    events = extract("Norway called for an end to the attacks on aid workers.", "en")
    demand = find(events, "REQUEST")
    assert [m.entity.country for m in demand.actors] == ["NOR"] and not demand.recipients
    assert all(m.entity.country != "NOR" for e in events if e.event == "ASSAULT"
               for m in e.actors)


def test_a_demand_to_stop_an_act_is_made_of_its_doer(extract):
    events = extract("طالبت تونس بوقف العدوان الإسرائيلي على لبنان.", "ar")
    assert [m.entity.country for m in find(events, "REQUEST").recipients] == ["ISR"]
    assert [m.entity.country for m in find(events, "ASSAULT").actors] == ["ISR"]


def test_what_those_called_on_are_urged_to_do_has_not_happened(extract):
    events = extract("Brazil called on Venezuela and Guyana to sign a border deal.", "en")
    assert [e.event for e in events] == ["REQUEST"]
    assert [m.entity.country for m in events[0].recipients] == ["VEN", "GUY"]


def test_accusing_each_other_is_an_accusation_each_way_and_no_violation(extract):
    events = extract("Ethiopia and Eritrea accused each other of violating the border deal.",
                     "en")
    accusations = {(e.actors[0].entity.country, e.recipients[0].entity.country)
                   for e in events if e.event == "ACCUSE"}
    assert accusations == {("ETH", "ERI"), ("ERI", "ETH")}
    assert [e.event for e in events if e.event != "ACCUSE"] == []


def test_an_arabic_reciprocal_object_after_the_subjects(extract):
    events = extract("اتهمت أرمينيا وأذربيجان بعضهما بانتهاك وقف إطلاق النار.", "ar")
    accusations = {(e.actors[0].entity.country, e.recipients[0].entity.country)
                   for e in events if e.event == "ACCUSE"}
    assert accusations == {("ARM", "AZE"), ("AZE", "ARM")}
