"""Actors from the broad lexicon in whole sentences: listed places are where things happen or
what is hit, never who acts; new office holders, bodies and seats of power act in both
languages. Sentences are our own."""

from __future__ import annotations

from conftest import find


def _ids(mentions) -> set[str]:
    return {m.entity.id for m in mentions}


def test_a_listed_place_after_a_locative_is_where_not_who(extract):
    rally = find(extract("Thousands of people rallied in Nablus on Friday.", "en"), "PROTEST")
    assert "NABLUS" not in _ids(rally.actors)
    rally_ar = find(extract("تظاهر الآلاف في نابلس يوم الجمعة.", "ar"), "PROTEST")
    assert "NABLUS" not in _ids(rally_ar.actors)


def test_a_listed_place_is_what_an_attack_hits(extract):
    strike = find(extract("Israeli aircraft bombed Jenin on Tuesday.", "en"), "ASSAULT")
    assert _ids(strike.actors) == {"ISR_IDF"} and _ids(strike.recipients) == {"JENIN"}


def test_an_office_holder_with_a_rank_between_office_and_name_is_one_actor(extract):
    events = extract("رفض قائد الجيش السوداني الفريق أول عبد الفتاح البرهان مقترح الهدنة.",
                     "ar")
    assert events and all(_ids(e.actors) == {"ABDEL_FATTAH_AL_BURHAN"} for e in events)


def test_new_office_holders_and_bodies_act_in_both_languages(extract):
    accused = find(extract("The Sudan Doctors Network accused the RSF of shelling El Fasher.",
                           "en"), "ACCUSE")
    assert _ids(accused.actors) == {"SDN_DOCTORS_NETWORK"} and "RSF" in _ids(accused.recipients)
    call = find(extract("بحث وزير الخارجية البولندي رادوسلاف سيكورسكي مع نظيره الأوكراني "
                        "أندري سيبيغا الوضع الميداني.", "ar"), "CONSULT")
    assert "RADOSLAW_SIKORSKI" in _ids(call.actors)


def test_a_seat_of_power_acts_for_its_state(extract):
    demand = find(extract("The Quai d'Orsay called on both sides to halt the fighting.", "en"),
                  "REQUEST")
    assert _ids(demand.actors) == {"FRA"}


def test_former_leaders_named_with_a_bare_title_keep_their_state(extract):
    demand = find(extract("Opposition groups in Kenya demanded that President Kibaki resign.",
                          "en"), "REQUEST")
    assert _ids(demand.recipients) == {"MWAI_KIBAKI"}
    talks = find(extract("التقى الرئيس الفلسطيني ياسر عرفات وزير الخارجية المصري في القاهرة.",
                         "ar"), "CONSULT")
    assert _ids(talks.actors) == {"YASSER_ARAFAT"}
