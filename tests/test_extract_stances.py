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
