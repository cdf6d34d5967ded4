"""Arabic news as wire services write it: owner-less actor nouns (protesters, gunmen, police),
victims, pro-drop subjects and coordinated verbs. Sentences are our own writing."""

from __future__ import annotations

from conftest import find


def test_an_ownerless_group_acts_even_when_a_later_role_follows(extract):
    events = extract("تجمع متظاهرون أمام البرلمان، ثم ألقوا الحجارة على قوات الشرطة.", "ar")
    protest = find(events, "PROTEST")
    assert [m.span.text for m in protest.actors] == ["متظاهرون"]


def test_ownerless_attackers_span_the_whole_noun_chain(extract):
    events = extract("اغتال مسلحون مجهولون ضابطا في الشرطة أمس.", "ar")
    attack = find(events, "ASSAULT")
    assert [m.span.text for m in attack.actors] == ["مسلحون مجهولون"]
    assert attack.actors[0].entity.country is None


def test_ownerless_police_is_an_actor_and_a_nationality_makes_it_national(extract):
    alone = find(extract("فرقت الشرطة المتظاهرين بالقوة واعتقلت العشرات.", "ar"), "COERCE")
    national = find(extract("اعتقلت الشرطة المصرية عشرات الطلاب.", "ar"), "COERCE")
    assert [m.entity.sector for m in alone.actors] == ["POL"]
    assert [m.entity.country for m in national.actors] == ["EGY"]


def test_people_with_a_nationality_stand_for_their_state(extract):
    events = extract("أفرجت روسيا عن الصحفي الأمريكي.", "ar")
    release = find(events, "RETREAT")
    assert [m.entity.name for m in release.recipients] == ["United States"]
    assert release.recipients[0].span.text == "الصحفي الأمريكي"


def test_the_genitive_of_a_killing_noun_is_the_victim(extract):
    events = extract("أعلنت الشرطة مقتل سبعة أشخاص في انفجار سيارة مفخخة.", "ar")
    killing = next(e for e in events if e.trigger.text == "مقتل")
    assert [m.span.text for m in killing.recipients] == ["أشخاص"]
    assert all(m.span.text != "أشخاص" for m in killing.actors)


def test_an_adjective_after_an_attack_noun_is_still_its_doer(extract):
    events = extract("أدانت مصر الاغتيال الإسرائيلي في بيروت.", "ar")
    killing = next(e for e in events if e.trigger.text == "الاغتيال")
    assert [m.entity.country for m in killing.actors] == ["ISR"]
    # no one named as its target: it was done to the state where it happened
    assert [m.entity.id for m in killing.recipients] == ["LBN"]


def test_civilians_after_a_killing_verb_are_its_victims(extract):
    events = extract("قتل 18 شخصا في هجوم على سوق شعبي.", "ar")
    killing = next(e for e in events if e.trigger.text == "قتل")
    assert not killing.actors and [m.span.text for m in killing.recipients] == ["شخصا"]


def test_one_attack_told_by_two_words_of_a_sentence_is_one_event(extract):
    events = extract("فجر انتحاري نفسه في سوق مزدحم مما أدى إلى مقتل عشرة أشخاص.", "ar")
    attacks = [e for e in events if e.event == "ASSAULT"]
    assert len(attacks) == 1
    assert [m.span.text for m in attacks[0].actors] == ["انتحاري"]
    assert [m.span.text for m in attacks[0].recipients] == ["أشخاص"]


def test_a_verb_phrase_is_found_across_its_subject(extract):
    events = extract("ورفع المتظاهرون شعارات تندد بالفساد أمام البرلمان.", "ar")
    protest = find(events, "PROTEST")
    assert protest.trigger.text == "ورفع"
    assert [m.span.text for m in protest.actors] == ["المتظاهرون"]


def test_a_verb_without_subject_continues_the_previous_sentence_subject(extract):
    events = extract("زار وزير الخارجية التركي طهران. وبحث مع الرئيس الإيراني العلاقات الثنائية.",
                     "ar")
    talks = next(e for e in events if e.sentence == 1)
    assert [m.entity.country for m in talks.actors] == ["TUR"]
    assert [m.entity.country for m in talks.recipients] == ["IRN"]


def test_belonging_to_links_a_role_to_its_owner(extract):
    events = extract("وشن الطيران الحربي التابع للجيش السوداني غارات على مواقع المتمردين.", "ar")
    raid = find(events, "ASSAULT")
    assert [m.entity.country for m in raid.actors] == ["SDN"]


def test_that_it_after_a_speaker_makes_the_speaker_the_doer(extract):
    events = extract("وقال حلف شمال الأطلسي إنه قتل عددا من قادة طالبان في غارات جوية.", "ar")
    killing = next(e for e in events if e.trigger.text == "قتل")
    assert [m.entity.name for m in killing.actors] == ["NATO"]
    assert [m.entity.name for m in killing.recipients] == ["Taliban"]


def test_a_role_noun_with_a_possessive_belongs_to_the_actor_before_it(extract):
    events = extract("وأعلنت إسرائيل أن قواتها اعتقلت عشرة فلسطينيين في الضفة الغربية.", "ar")
    arrest = find(events, "COERCE")
    assert [(m.span.text, m.entity.country) for m in arrest.actors] == [("قواتها", "ISR")]


def test_a_ta_marbuta_is_no_possessive(extract):
    events = extract("إسرائيل تشن ضربات على منشآت عسكرية في إيران.", "ar")
    assert all(m.span.text != "عسكرية" for e in events for m in e.actors + e.recipients)


def test_protesters_heading_an_actor_stage_a_protest(extract):
    events = extract("وسار المتظاهرون الغاضبون بصمت نحو مقر الحاكم.", "ar")
    protest = find(events, "PROTEST")
    assert [m.span.text for m in protest.actors] == ["المتظاهرون"]


def test_a_definite_role_after_a_definite_role_is_its_object(extract):
    events = extract("فرقت الشرطة المتظاهرين أمام البرلمان.", "ar")
    protest = find(events, "PROTEST")
    assert [m.span.text for m in protest.actors] == ["المتظاهرين"]


def test_who_underwent_an_attack_is_its_target(extract):
    events = extract("وتعرضت دورية بريطانية لهجوم بعبوة ناسفة قرب البصرة.", "ar")
    attack = find(events, "ASSAULT")
    assert not attack.actors
    assert [m.entity.country for m in attack.recipients] == ["GBR"]


def test_the_unknown_object_of_an_assassination_is_a_person(extract):
    events = extract("اغتال مسلحون مجهولون العميد سالم حداد، قائد الشرطة المحلية.", "ar")
    killing = find(events, "ASSAULT")
    victim = killing.recipients[0]
    assert victim.span.text == "العميد سالم حداد"
    assert victim.entity.type == "person" and not victim.entity.linked


def test_members_of_the_police_are_the_police(extract):
    events = extract("أسفر الانفجار عن مقتل ثلاثة من عناصر الشرطة.", "ar")
    killing = find(events, "ASSAULT")
    assert [(m.span.text, m.entity.sector) for m in killing.recipients] == [
        ("عناصر الشرطة", "POL")]


def test_counted_soldiers_after_a_killing_verb_are_its_victims(extract):
    events = extract("وقتل أربعة جنود إثيوبيين في هجوم على ثكنة عسكرية.", "ar")
    killing = find(events, "ASSAULT")
    assert [m.span.text for m in killing.recipients] == ["جنود إثيوبيين"]
    assert not any(m.entity.country == "ETH" for m in killing.actors)


def test_time_words_and_definite_acts_name_no_victim(extract):
    events = extract("وقد نفذت عملية الاغتيال عند الثالثة فجرا. ونجا الوزير من محاولة اغتيال "
                     "إثر انفجار سيارة مفخخة.", "ar")
    assert not any(m.entity.type == "person" and not m.entity.linked
                   for e in events for m in e.recipients)


def test_a_participle_after_a_comma_shares_the_subject_before_it(extract):
    events = extract("ودعت مصر إلى وقف القتال، محذرة من اتساع رقعة الصراع.", "ar")
    warning = find(events, "THREATEN")
    assert [m.entity.name for m in warning.actors] == ["Egypt"]


def test_but_she_accused_keeps_the_subject_before_it(extract):
    events = extract("وأكدت حماس التزامها بالاتفاق، لكنها اتهمت إسرائيل بالمماطلة.", "ar")
    accusation = find(events, "ACCUSE")
    assert [m.entity.name for m in accusation.actors] == ["Hamas"]
    assert [m.entity.name for m in accusation.recipients] == ["Israel"]


def test_a_delegation_from_a_movement_is_that_movement(extract):
    events = extract("استقبل وزير الخارجية المصري وفدا من حركة حماس في القاهرة.", "ar")
    meeting = find(events, "CONSULT")
    assert [m.entity.name for m in meeting.recipients] == ["Hamas"]


def test_an_indefinite_role_after_a_definite_one_is_a_new_phrase(extract):
    events = extract("ورافق الوفد وسطاء من سلطنة عمان.", "ar")
    mediation = find(events, "CONSULT", "mediate")
    assert [m.entity.name for m in mediation.actors] == ["Oman"]


def test_a_verb_phrase_is_found_across_its_subject_and_a_date_aside(extract):
    events = extract("علق الرئيس الكولومبي، الجمعة، محادثات السلام مع جيش التحرير الوطني.", "ar")
    suspension = find(events, "SANCTION")
    assert [m.entity.name for m in suspension.recipients] == ["ELN"]
    assert not any(e.event == "CONSULT" for e in events)  # the talks are what was suspended


def test_carried_out_by_names_the_doer_of_an_attack(extract):
    events = extract("وأسفر الهجوم الذي نفذته حركة الشباب عن مقتل عشرة جنود.", "ar")
    attack = find(events, "ASSAULT")
    assert [m.entity.name for m in attack.actors] == ["al-Shabaab"]


def test_supporters_of_a_party_stand_for_it(extract):
    events = extract("وتجمع مئات من أنصار حزب الله أمام السفارة.", "ar")
    protest = find(events, "PROTEST")
    assert [m.entity.name for m in protest.actors] == ["Hezbollah"]


def test_his_country_is_the_state_of_the_speaker(extract):
    events = extract("قال الرئيس الفرنسي إن بلاده ستواصل دعم أوكرانيا.", "ar")
    support = find(events, "SUPPORT")
    assert [m.entity.name for m in support.actors] == ["France"]


def test_the_group_is_the_armed_group_named_before(extract):
    events = extract("شنت الولايات المتحدة ضربات على مواقع لجماعة الحوثي في اليمن. "
                     "وتوعدت الجماعة بالرد على الضربات.", "ar")
    threat = find(events, "THREATEN")
    assert [m.entity.name for m in threat.actors] == ["Houthis"]


def test_the_group_names_nobody_without_an_antecedent(extract):
    events = extract("وتوعدت الجماعة بالرد على الضربات.", "ar")
    assert not any(e.event == "THREATEN" and e.actors for e in events)


def test_counted_children_killed_in_a_raid_are_its_victims(extract):
    events = extract("قتل ثلاثة أطفال في غارة إسرائيلية على منزل في خان يونس.", "ar")
    assert any([m.span.text for m in e.recipients] == ["أطفال"]
               and [m.entity.country for m in e.actors] == ["ISR"]
               for e in events if e.event == "ASSAULT")


def test_tear_gas_on_protesters_is_repression(extract):
    events = extract("أطلقت قوات الأمن الغاز المسيل للدموع على المتظاهرين.", "ar")
    repression = next(e for e in events if e.cameo == "175")
    assert [m.span.text for m in repression.recipients] == ["المتظاهرين"]


def test_settlers_firing_are_doers_not_victims(extract):
    events = extract("أطلق مستوطنون النار على مزارعين فلسطينيين قرب نابلس.", "ar")
    shooting = find(events, "ASSAULT")
    assert [m.span.text for m in shooting.actors] == ["مستوطنون"]
    assert [m.entity.country for m in shooting.recipients] == ["PSE"]


def test_occupation_aircraft_are_the_israeli_army(extract):
    events = extract("قصفت طائرات الاحتلال منزلا في رفح.", "ar")
    assert [m.entity.name for m in find(events, "ASSAULT").actors] == ["Israeli army"]


def test_a_clitic_preposition_introduces_the_recipient(extract):
    events = extract("اجتمع وزير الخارجية السعودي بنظيره الإيراني في بكين. "
                     "وأجرى الرئيس المصري اتصالا هاتفيا بأمير قطر.", "ar")
    meeting, call = find(events, "CONSULT"), find(events, "CONSULT", "phone")
    assert [m.entity.country for m in meeting.recipients] == ["IRN"]
    assert [m.entity.country for m in call.recipients] == ["QAT"]


def test_an_adjective_after_an_attacks_object_describes_the_object(extract):
    events = extract("واصل الحوثيون استهداف السفن الإسرائيلية في البحر الأحمر.", "ar")
    attack = find(events, "ASSAULT")
    assert [m.entity.name for m in attack.recipients] == ["Israel"]
    assert "Israel" not in {m.entity.name for m in attack.actors}


def test_talks_hosted_or_arranged_by_a_third_party_are_its_mediation(extract):
    text = ("توصلت إسرائيل وحركة حماس إلى اتفاق لوقف إطلاق النار. "
            "وجاء الاتفاق بعد مفاوضات استضافتها الدوحة.")
    mediation = find(extract(text, "ar"), "CONSULT", "mediate")
    assert [m.entity.name for m in mediation.actors] == ["Qatar"]
    assert {m.entity.name for m in mediation.recipients} == {"Israel", "Hamas"}


def test_facilitating_a_deal_is_mediating_it(extract):
    text = ("وقعت الحكومة السورية وقوات سوريا الديمقراطية اتفاقا. "
            "ولعبت الولايات المتحدة دورا في تسهيل الاتفاق.")
    mediation = find(extract(text, "ar"), "CONSULT", "mediate")
    assert [m.entity.name for m in mediation.actors] == ["United States"]
