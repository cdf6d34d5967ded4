"""Arabic actors as wire copy names them: datelines, offices without an owner, participles
that share the opening verb's subject, "the two sides" after "أن"."""

from __future__ import annotations

from conftest import find, names
from mediation_graph.extract.mentions import dateline_end
from mediation_graph.text.segment import sentences


def _dateline(text: str) -> str:
    sentence = sentences(text)[0]
    end = dateline_end(sentence.tokens)
    return " ".join(t.text for t in sentence.tokens[:end])


def test_dateline_parts_end_with_a_dash_or_slash():
    assert _dateline("عمان - (وكالات) - استقبل الملك ضيفه.") == "عمان - ( وكالات ) -"
    assert _dateline("موسكو - كييف - أعلنت الوزارة ذلك.") == "موسكو - كييف -"
    assert _dateline("الرباط/ الأناضول/ قال الوزير.") == "الرباط / الأناضول /"
    assert _dateline("قال الوزير إن المحادثات ستستأنف - بحسب مصادر - غدا.") == ""


def test_the_dateline_city_does_not_act(extract):
    events = extract("الرياض - استقبل ولي العهد السعودي رئيس الوزراء الباكستاني.", "ar")
    meeting = find(events, "CONSULT")
    assert {m.entity.country for m in meeting.actors} == {"SAU"}
    assert {m.entity.country for m in meeting.recipients} == {"PAK"}


def test_an_office_without_owner_belongs_to_the_dateline_state(extract):
    events = extract("الرباط - وأدان وزير الخارجية الهجوم على السفينة.", "ar")
    accusation = find(events, "ACCUSE")
    assert [(m.entity.country, m.entity.type) for m in accusation.actors] == [("MAR", "person")]


def test_a_bare_title_is_the_holder_named_before(extract):
    text = ("استقبل الرئيس التونسي وفدا من البنك الدولي. "
            "وانتقد الرئيس لاحقا شروط صندوق النقد الدولي.")
    accusation = find(extract(text, "ar"), "ACCUSE")
    assert [m.entity.country for m in accusation.actors] == ["TUN"]


def test_a_bare_government_is_the_home_state(extract):
    text = "الخرطوم - قال وزير الإعلام إن الحكومة ترفض أي مفاوضات مع قوات الدعم السريع."
    rejection = find(extract(text, "ar"), "REJECT")
    assert names(rejection.actors) == {"Sudan"}


def test_a_definite_head_takes_no_genitive_before_an_adjective(extract):
    events = extract("بيروت - وأدان الرئيس الغارات الإسرائيلية على الجنوب.", "ar")
    accusation = find(events, "ACCUSE")
    assert [m.entity.country for m in accusation.actors] == ["LBN"]


def test_a_state_envoy_serves_its_government(extract):
    events = extract("التقى المبعوث البريطاني قادة الجيش السوداني في بورتسودان.", "ar")
    meeting = find(events, "CONSULT")
    assert [(m.entity.country, m.entity.sector) for m in meeting.actors] == [("GBR", "GOV")]


def test_a_participle_shares_the_opening_verb_subject(extract):
    text = "طردت السلطات الجزائرية السفير الفرنسي، متهمة باريس بدعم المتمردين."
    accusation = find(extract(text, "ar"), "ACCUSE")
    assert names(accusation.actors) == {"Algeria"}
    assert names(accusation.recipients) == {"France"}


def test_the_parties_after_anna_are_the_subject(extract):
    text = ("التقى وزير الخارجية الإيراني نظيره العماني في مسقط. "
            "وأكد مصدر أن الطرفين اتفقا على تشكيل لجنة مشتركة.")
    agreement = find(extract(text, "ar"), "AGREE")
    assert {m.entity.country for m in agreement.actors + agreement.recipients} == {"IRN", "OMN"}


def test_a_government_in_a_capital_is_that_state(extract):
    text = "وطالبت الخارجية الفرنسية السلطات في نيامي بضمان أمن البعثات الدبلوماسية."
    demand = find(extract(text, "ar"), "REQUEST")
    assert names(demand.recipients) == {"Niger"}
    junta = "أعلن المجلس العسكري الحاكم في النيجر طرد السفير الفرنسي، متهما باريس بالتدخل."
    assert names(find(extract(junta, "ar"), "ACCUSE").actors) == {"Niger"}


def test_an_unknown_name_after_an_office_is_its_holder(extract):
    text = "اتهم المتحدث باسم الجيش السوداني العقيد نبيل حسين قوات الدعم السريع بقصف المدينة."
    accusation = find(extract(text, "ar"), "ACCUSE")
    assert accusation.actors[0].span.text.endswith("نبيل حسين")
    assert accusation.actors[0].entity.country == "SDN"
    assert names(accusation.recipients) == {"Rapid Support Forces"}


def test_a_surname_names_the_person_named_before(extract):
    text = ("التقى وزير الخارجية الصومالي عمر حسن عبدي نظيره الكيني في نيروبي. "
            "وانتقد عبدي لاحقا الموقف الإثيوبي.")
    accusation = find(extract(text, "ar"), "ACCUSE")
    assert [m.entity.country for m in accusation.actors] == ["SOM"]


def test_a_possessed_verbal_noun_takes_its_object_after_it(extract):
    text = "وأكد وزير الخارجية الأردني خلال لقائه السفير الصيني دعم المفاوضات."
    meeting = find(extract(text, "ar"), "CONSULT")
    assert [m.entity.country for m in meeting.actors] == ["JOR"]
    assert [m.entity.country for m in meeting.recipients] == ["CHN"]


def test_an_envoy_posted_to_a_state_is_the_name_after_the_posting(extract):
    text = "التقى وزير الخارجية الإيراني المبعوث الأممي الخاص إلى سوريا غير بيدرسن في طهران."
    meeting = find(extract(text, "ar"), "CONSULT")
    assert [m.entity.country for m in meeting.recipients] == ["UNO"]
    assert all(m.entity.country != "SYR" for m in meeting.actors + meeting.recipients)


def test_who_received_a_call_is_whom_it_reached(extract):
    text = "تلقى وزير الخارجية الكويتي اتصالا هاتفيا من نظيره العراقي بحثا خلاله العلاقات."
    call = find(extract(text, "ar"), "CONSULT", "phone")
    assert [m.entity.country for m in call.actors] == ["IRQ"]
    assert [m.entity.country for m in call.recipients] == ["KWT"]


def test_a_call_said_as_the_setting_is_held_by_the_speaker(extract):
    text = ("حذر وزير الخارجية الجزائري من التصعيد في الساحل. "
            "وجاءت تصريحاته خلال اتصال هاتفي مع نظيره الموريتاني.")
    call = find(extract(text, "ar"), "CONSULT", "phone")
    assert [m.entity.country for m in call.actors] == ["DZA"]
    assert [m.entity.country for m in call.recipients] == ["MRT"]


def test_a_construct_office_keeps_its_owner_past_two_words(extract):
    text = "اجتمع وزير الموارد المائية المصري مع وفد إثيوبي في أديس أبابا."
    meeting = find(extract(text, "ar"), "CONSULT")
    assert [(m.entity.country, m.entity.type) for m in meeting.actors] == [("EGY", "person")]


def test_the_act_an_accusation_names_after_its_object_is_the_object_s(extract):
    text = "اتهمت الحكومة الصومالية حركة الشباب بتفجير سيارة مفخخة في مقديشو."
    attack = find(extract(text, "ar"), "ASSAULT")
    assert names(attack.actors) == {"al-Shabaab"}


def test_unowned_civilians_are_the_home_state_s(extract):
    text = "الفاشر - قتل 12 مدنيا في قصف مدفعي استهدف سوقا شعبية."
    attack = find(extract(text, "ar"), "ASSAULT")
    assert [(m.entity.country, m.entity.sector) for m in attack.recipients] == [("SDN", "CVL")]


def test_forces_of_a_ministry_are_its_state_s(extract):
    text = "قالت وزارة الدفاع الروسية إن قواتها قصفت مواقع في خاركيف."
    attack = find(extract(text, "ar"), "ASSAULT")
    assert [(m.entity.country, m.entity.sector) for m in attack.actors] == [("RUS", "MIL")]
