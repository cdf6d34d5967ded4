"""Arabic protest and violence reports as wire services write them: the crowd told by several
words, what protesters demand or denounce, and who the plain nouns for armed men are.
Sentences are our own writing."""

from __future__ import annotations

from conftest import find


def test_gunmen_with_no_group_named_are_unidentified_armed_forces(extract):
    events = extract("أطلق مسلحون مجهولون النار على دورية للشرطة قرب المدينة.", "ar")
    attack = find(events, "ASSAULT")
    assert [(m.entity.country, m.entity.sector) for m in attack.actors] == [(None, "UAF")]


def test_gunmen_of_a_named_group_stay_that_group(extract):
    events = extract("هاجم مسلحو حركة الشباب قاعدة عسكرية في جنوب البلاد.", "ar")
    attack = find(events, "ASSAULT")
    assert [m.entity.name for m in attack.actors] == ["al-Shabaab"]


def test_protests_of_two_different_actors_stay_apart(extract):
    events = extract("تظاهر أنصار المعارضة في الساحة، بينما نظم مؤيدو حزب الله تجمعا مضادا.",
                     "ar")
    actors = [{m.entity.name for m in e.actors} for e in events if e.event == "PROTEST"]
    assert actors == [{"opposition"}, {"Hezbollah"}]


def test_banners_denouncing_something_say_whom_the_protest_is_against(extract):
    events = extract("رفع المحتجون لافتات تندد بسياسة الحكومة الإسرائيلية.", "ar")
    assert [m.entity.country for m in find(events, "PROTEST").recipients] == ["ISR"]


def test_banners_denouncing_no_one_are_the_protest_itself(extract):
    events = extract("رفع المحتجون لافتات تندد بالغلاء.", "ar")
    assert [e.event for e in events] == ["PROTEST"]


def test_a_demand_of_someone_else_in_the_sentence_stays_a_request(extract):
    events = extract("تظاهر الطلاب في العاصمة، فيما طالبت قطر الطرفين بضبط النفس.", "ar")
    assert find(events, "REQUEST").actors[0].entity.id == "QAT"


def test_an_act_a_demand_names_is_not_the_demanders(extract):
    events = extract("هتف المتظاهرون بشعارات تطالب بإنهاء الحصار.", "ar")
    assert not [e for e in events if e.event == "COERCE"]


def test_one_crowd_told_twice_in_a_sentence_protests_once(extract):
    events = extract("اعتصم عشرات العمال أمام مقر الشركة، ورفع المعتصمون لافتات كتب عليها "
                     "مطالبهم.", "ar")
    protests = [e for e in events if e.event == "PROTEST"]
    assert len(protests) == 1
    assert [m.span.text for m in protests[0].actors] == ["العمال"]
    assert not protests[0].recipients  # the crowd after the comma is no one's target


def test_a_demand_without_a_comma_is_still_the_protesters_and_its_act_has_not_happened(
        extract):
    events = extract("احتشد مئات المحتجين أمام مبنى البرلمان مطالبين وزير الداخلية المصري "
                     "بالاستقالة.", "ar")
    # the protest, and the demand of the minister; his resignation (CONCEDE) has not happened
    assert sorted(e.event for e in events) == ["PROTEST", "REQUEST"]
    assert [m.span.text for m in find(events, "REQUEST").actors] == ["المحتجين"]
    assert [m.entity.country for m in find(events, "PROTEST").recipients] == ["EGY"]


def test_a_protest_against_an_act_targets_its_doer_not_its_victims(extract):
    events = extract("خرج المئات إلى الشوارع للاحتجاج على مقتل أربعة مزارعين على يد قوات "
                     "الأمن الباكستانية.", "ar")
    protest = find(events, "PROTEST")
    assert [(m.entity.country, m.entity.sector) for m in protest.recipients] == [("PAK", "POL")]
    assert all(m.entity.country != "PAK" for m in protest.actors)


def test_a_protest_against_an_act_with_no_doer_named_has_no_target(extract):
    events = extract("تجمع العشرات أمام المحكمة احتجاجا على اعتقال الصحفي.", "ar")
    assert [e.event for e in events] == ["PROTEST"]
    assert not events[0].recipients


def test_who_announces_a_death_did_not_cause_it(extract):
    events = extract("أعلن الجيش البريطاني مقتل أحد جنوده في انفجار لغم جنوب البصرة.", "ar")
    attack = find(events, "ASSAULT")
    assert not attack.actors


def test_who_announces_a_military_operation_may_still_be_its_doer(extract):
    events = extract("أعلن الجيش الإسرائيلي قصف مواقع لحركة حماس في غزة.", "ar")
    attack = find(events, "ASSAULT")
    assert [m.entity.country for m in attack.actors] == ["ISR"]


def test_who_was_passing_when_a_bomb_went_off_was_its_target(extract):
    events = extract("انفجرت عبوة ناسفة لدى مرور دورية للجيش الأفغاني قرب قندهار.", "ar")
    attack = find(events, "ASSAULT")
    assert not attack.actors
    assert [(m.entity.country, m.entity.sector) for m in attack.recipients] == [("AFG", "MIL")]


def test_who_reports_an_act_is_its_source_not_its_target(extract):
    events = extract("تجمع مئات المتظاهرين أمام مقر البرلمان، على ما أفاد مراسل وكالة "
                     "الأنباء الفرنسية.", "ar")
    protest = find(events, "PROTEST")
    assert all(m.entity.sector != "MED" for m in protest.actors + protest.recipients)


def test_a_government_without_an_owner_in_sight_is_still_a_target(extract):
    events = extract("سار آلاف المتظاهرين في شوارع المدينة مطالبين باستقالة الحكومة.", "ar")
    protest = find(events, "PROTEST")
    assert [(m.entity.country, m.entity.sector) for m in protest.recipients] == [(None, "GOV")]


def test_a_counted_crowd_inside_a_protest_phrase_is_its_subject(extract):
    events = extract("خرج آلاف الطلاب في مسيرة ضد الحكومة.", "ar")
    protest = find(events, "PROTEST")
    assert [m.span.text for m in protest.actors] == ["الطلاب"]


def test_a_country_that_witnessed_protests_is_where_they_happened_not_who_protested(extract):
    events = extract("شهدت باكستان أمس مظاهرات حاشدة في عدة مدن.", "ar")
    protest = find(events, "PROTEST")
    assert not protest.actors
    assert [m.entity.id for m in protest.recipients] == ["PAK"]


def test_an_act_protested_against_with_a_doer_of_its_own_is_an_event_too(extract):
    events = extract("قاطعت المعارضة الجلسة احتجاجا على عقوبات فرضها الاتحاد الأوروبي على "
                     "قادتها.", "ar")
    sanction = find(events, "COERCE")
    assert [m.entity.name for m in sanction.actors] == ["European Union"]
    protest = next(e for e in events if e.trigger.text == "احتجاجا")
    assert [m.entity.name for m in protest.recipients] == ["European Union"]


def test_protesters_demand_addressed_to_someone_is_also_a_demand(extract):
    events = extract("تظاهر آلاف المحتجين في تل أبيب مطالبين رئيس الوزراء الإسرائيلي "
                     "بالاستقالة.", "ar")
    protest, demand = find(events, "PROTEST"), find(events, "REQUEST")
    assert [m.entity.sector for m in protest.recipients] == ["GOV"]
    assert [m.entity.sector for m in demand.recipients] == ["GOV"]
