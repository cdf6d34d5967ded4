"""Whom an action is done to: victims, targets of protests and attacks, the objects of
prepositions, and the state an act aimed at no one named is done to. Sentences are our own
writing."""

from __future__ import annotations

from conftest import find


def test_an_arabic_protest_at_no_one_named_is_aimed_at_the_state_it_happens_in(extract):
    protest = find(extract("تظاهر مئات الطلاب في شوارع الجزائر يوم الجمعة.", "ar"), "PROTEST")
    assert [m.entity.country for m in protest.recipients] == ["DZA"]


def test_a_killing_by_the_fire_of_an_army_has_that_army_as_its_doer(extract):
    events = extract("أعلنت مصادر طبية مقتل صياد بنيران الجيش الإسرائيلي قبالة ساحل غزة.", "ar")
    killing = find(events, "ASSAULT")
    assert [m.entity.country for m in killing.actors] == ["ISR"]


def test_a_passive_arabic_verb_with_an_agent_phrase_has_its_subject_as_victim(extract):
    events = extract("قتل خمسة جنود على يد مسلحين في هجوم قرب الحدود.", "ar")
    attack = next(e for e in events if e.event == "ASSAULT" and e.trigger.text == "قتل")
    assert [m.span.text for m in attack.recipients] == ["جنود"]
    assert [m.span.text for m in attack.actors] == ["مسلحين"]


def test_an_assassinated_name_keeps_its_doubled_letters(extract):
    events = extract("اغتال مسلحون القيادي حسّان عبد الله في حلب.", "ar")
    attack = find(events, "ASSAULT")
    assert attack.recipients and "حسّان" in attack.recipients[0].span.text


def test_a_raid_on_a_place_and_the_victims_it_killed_are_one_attack(extract):
    events = extract("قتل أربعة أطفال في غارة روسية على منزل في إدلب.", "ar")
    attacks = [e for e in events if e.event == "ASSAULT"]
    assert len(attacks) == 1 and [m.entity.country for m in attacks[0].actors] == ["RUS"]
    assert [m.span.text for m in attacks[0].recipients] == ["أطفال"]


def test_an_english_passive_has_no_object_after_its_agent(extract):
    events = extract("An aid convoy of UNICEF was shelled by the Rapid Support Forces near "
                     "El Obeid on Friday.", "en")
    attack = find(events, "ASSAULT")
    assert [m.entity.id for m in attack.actors] == ["RSF"]
    assert "El Obeid" not in [m.span.text for m in attack.recipients]


def test_condemning_the_attack_is_aimed_at_whoever_the_story_says_attacked(extract):
    events = extract("Houthi forces fired two missiles at a Greek tanker in the Red Sea on "
                     "Monday. Greece condemned the attack.", "en")
    condemnation = find(events, "ACCUSE")
    assert [m.entity.id for m in condemnation.recipients] == ["HOUTHIS"]
    assert [e.actors[0].entity.id for e in events if e.event == "ASSAULT"] == ["HOUTHIS"]


def test_an_arabic_condemnation_of_the_attack_after_its_subject(extract):
    events = extract("هاجم مسلحون من حركة الشباب قاعدة للجيش الكيني قرب الحدود. "
                     "ودانت الحكومة الكينية الهجوم.", "ar")
    condemnation = find(events, "ACCUSE")
    assert [m.entity.id for m in condemnation.recipients] == ["AL_SHABAAB"]


def test_a_condemnation_with_no_earlier_act_stays_without_a_target(extract):
    condemnation = find(extract("Norway condemned the attack.", "en"), "ACCUSE")
    assert not condemnation.recipients


def test_what_an_arabic_attack_was_done_with_is_not_its_target(extract):
    events = extract("شن الجيش غارة بطائرة مسيرة تركية.", "ar")
    assert all(m.entity.country != "TUR" for e in events for m in e.recipients)


def test_a_demand_from_someone_is_made_of_them(extract):
    demand = find(extract("Kosovo demanded compensation from Serbia on Monday.", "en"), "REQUEST")
    assert [m.entity.id for m in demand.recipients] == ["SRB"]


def test_an_arabic_sanction_is_not_aimed_at_a_place_an_earlier_act_happened_in(extract):
    events = extract("انسحبت الحركة من محادثات في نيروبي احتجاجا على عقوبات فرضها الاتحاد "
                     "الأوروبي.", "ar")
    assert all(m.entity.country != "KEN" for e in events if e.event in {"SANCTION", "COERCE"}
               for m in e.recipients)


def test_a_protest_outside_an_embassy_is_aimed_at_its_state(extract):
    protest = find(extract("Dozens of activists protested outside the Russian embassy in "
                           "London on Saturday.", "en"), "PROTEST")
    assert [m.entity.country for m in protest.recipients] == ["RUS"]
    assert all(m.entity.country != "RUS" for m in protest.actors)


def test_a_demanding_participle_shares_the_protesters_and_its_object_is_their_target(extract):
    events = extract("خرج آلاف المتظاهرين في شوارع بغداد، مطالبين الرئيس العراقي بإقالة "
                     "الحكومة.", "ar")
    protest = find(events, "PROTEST")
    assert [m.span.text for m in protest.actors] == ["المتظاهرين"]
    assert [m.entity.country for m in protest.recipients] == ["IRQ"]
    assert [m.entity.sector for m in protest.recipients] == ["GOV"]  # the president, not Baghdad
    demand = find(events, "REQUEST")  # addressed to someone: a demand of him as well
    assert [m.span.text for m in demand.actors] == ["المتظاهرين"]
    assert [m.entity.country for m in demand.recipients] == ["IRQ"]


def test_those_hit_by_the_bullets_of_gunmen_are_their_targets(extract):
    events = extract("أصيب ثلاثة من عناصر الشرطة العراقية برصاص مسلحين في كركوك.", "ar")
    shooting = find(events, "ASSAULT")
    assert [m.entity.country for m in shooting.recipients] == ["IRQ"]
    assert [m.span.text for m in shooting.actors] == ["مسلحين"]


def test_killed_by_the_bullets_of_an_army_is_one_act_of_that_army(extract):
    events = extract("قتل شاب فلسطيني برصاص الجيش الإسرائيلي في نابلس.", "ar")
    attacks = [e for e in events if e.event == "ASSAULT"]
    assert len(attacks) == 1
    assert [m.entity.country for m in attacks[0].actors] == ["ISR"]
    assert [m.entity.country for m in attacks[0].recipients] == ["PSE"]


def test_a_passive_killing_takes_its_doer_from_the_attack_that_restates_it(extract):
    events = extract("Three fishermen were killed in a Sri Lankan naval attack off Jaffna.", "en")
    killing = find(events, "ASSAULT")
    assert [m.entity.country for m in killing.actors] == ["LKA"]


def test_a_by_after_a_passive_verb_is_not_the_attack_nouns_doer(extract):
    events = extract("A Pakistani drone attack on Kandahar was repelled by Afghan air "
                     "defences.", "en")
    attack = find(events, "ASSAULT")
    assert [m.entity.country for m in attack.actors] == ["PAK"]
