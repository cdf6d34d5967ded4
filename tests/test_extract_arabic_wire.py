"""Arabic diplomatic wire copy (SPA, WAM, QNA, KUNA, Petra, Anadolu and the pan-Arab papers):
office holders the lexicon lacks, names written before their office with honorifics, objects
after a place, participles that share the subject, dual delegations described by nationality,
cities that name a document. Sentences are our own writing."""

from __future__ import annotations

from conftest import find


def _names(mentions) -> list[str]:
    return [m.entity.name for m in mentions]


# --- office holders the lexicon lacks -------------------------------------------------------

def test_an_unknown_name_after_an_office_is_a_person_of_the_office_country(extract):
    events = extract("التقى وزير الخارجية الإستوني مارغوس تساهكنا وفدا من حركة حماس.", "ar")
    meeting = find(events, "CONSULT")
    holder = meeting.actors[0].entity
    assert (holder.name, holder.type, holder.country, holder.sector) == (
        "مارغوس تساهكنا", "person", "EST", "GOV")
    assert not holder.linked


def test_an_unknown_holder_is_named_again_by_a_compound_family_name(extract):
    text = ("استقبل رئيس الوزراء التشادي علي نور عبد الله أمس سفير فرنسا. "
            "ودعا عبد الله الاتحاد الأوروبي إلى دعم بلاده.")
    demand = find(extract(text, "ar"), "REQUEST")
    assert _names(demand.actors) == ["علي نور عبد الله"]
    assert _names(demand.recipients) == ["European Union"]


def test_a_full_name_ends_before_a_common_noun_with_the_article(extract):
    events = extract("وانتقد المندوب الليبي طاهر بن علي الموقف الفرنسي بشدة.", "ar")
    criticism = find(events, "ACCUSE")
    assert _names(criticism.actors) == ["طاهر بن علي"]
    assert _names(criticism.recipients) == ["France"]


def test_an_envoy_posted_to_the_un_keeps_his_name(extract):
    events = extract("اتهم السفير الإثيوبي لدى الأمم المتحدة تيسفاي ديميسي مصر بعرقلة الحل.",
                     "ar")
    accusation = find(events, "ACCUSE")
    assert [(m.entity.name, m.entity.country) for m in accusation.actors] == [
        ("تيسفاي ديميسي", "ETH")]
    assert _names(accusation.recipients) == ["Egypt"]


# --- Gulf agency style: honorifics, the name first and the office after ----------------------

def test_a_bare_office_after_a_known_name_is_his_title_not_a_second_actor(extract):
    text = ("الرياض - واس: استقبل صاحب السمو الملكي الأمير فيصل بن فرحان بن عبدالله وزير "
            "الخارجية، في مقر الوزارة اليوم، وزير الخارجية الكيني موساليا مودافادي.")
    meeting = find(extract(text, "ar"), "CONSULT")
    assert _names(meeting.actors) == ["Faisal bin Farhan"]
    assert [m.entity.country for m in meeting.recipients] == ["KEN"]


def test_a_titled_unknown_name_before_an_office_with_its_owner_is_that_office_holder(extract):
    text = ("تلقى وزير الخارجية الكويتي عبدالله اليحيا اتصالا هاتفيا من معالي يوري كوسكي "
            "وزير خارجية فنلندا.")
    call = find(extract(text, "ar"), "CONSULT")
    assert [(m.entity.name, m.entity.country) for m in call.actors] == [("يوري كوسكي", "FIN")]
    assert _names(call.recipients) == ["Abdullah Al-Yahya"]


def test_an_agency_colon_closes_the_dateline(extract):
    events = extract("طهران - إرنا: رفضت إيران القرار الأوروبي الجديد.", "ar")
    assert all(m.span.text != "إرنا" for e in events for m in e.actors)


# --- whom: objects after a place, participles, joined verbs ----------------------------------

def test_a_meeting_noun_with_a_pronoun_takes_its_object_after_a_place(extract):
    text = "وأكد الصفدي ذلك خلال لقائه في عمّان نظيره الياباني تاكيشي إيوايا."
    meeting = next(e for e in extract(text, "ar") if e.trigger.text == "لقائه")
    assert [m.entity.country for m in meeting.recipients] == ["JPN"]


def test_a_plain_participle_after_a_comma_shares_the_subject(extract):
    text = ("وأعرب وزير الخارجية العماني بدر البوسعيدي عن قلقه، داعيا الجانب الإسرائيلي إلى "
            "ضبط النفس.")
    demand = find(extract(text, "ar"), "REQUEST")
    assert _names(demand.actors) == ["Badr Albusaidi"]
    assert _names(demand.recipients) == ["Israel"]


def test_a_verb_joined_after_a_comma_keeps_the_first_verbs_subject(extract):
    text = "ندد الرئيس العراقي عبد اللطيف رشيد بخطف صحفيين أجانب، وحمّلها المسؤولية."
    blame = next(e for e in extract(text, "ar") if "المسؤولية" in e.trigger.text)
    assert [m.entity.country for m in blame.actors] == ["IRQ"]


# --- parties: dual delegations and paired adjectives ------------------------------------------

def test_a_dual_described_by_two_nationalities_names_both_states(extract):
    events = extract("بدأت في جنيف جولة مباحثات بين الوفدين الأرميني والأذربيجاني.", "ar")
    talks = find(events, "CONSULT")
    assert {m.entity.id for m in talks.actors + talks.recipients} == {"ARM", "AZE"}


def test_paired_nationality_adjectives_after_talks_are_both_sides(extract):
    talks = find(extract("استؤنفت المحادثات السعودية الحوثية في مسقط.", "ar"), "CONSULT")
    assert _names(talks.actors) == ["Saudi Arabia"]
    assert _names(talks.recipients) == ["Houthis"] or [
        m.entity.country for m in talks.recipients] == ["YEM"]


def test_a_relative_clause_names_who_leads_a_mediation(extract):
    text = "وتتواصل الوساطة التي تقودها قطر بين الحكومة الكولومبية وجيش التحرير الوطني."
    mediation = next(e for e in extract(text, "ar") if e.mode == "mediate")
    assert _names(mediation.actors) == ["Qatar"]


def test_a_city_naming_a_declaration_is_no_actor(extract):
    events = extract("رحبت مصر بإعلان جدة الذي وقعه الطرفان السودانيان.", "ar")
    assert all(m.entity.id != "SAU" for e in events for m in e.actors + e.recipients)


# --- stances, appreciation, participles and who did the condemned act ------------------------

def test_a_stance_toward_a_statement_reaches_its_author(extract):
    events = extract("رحب الأردن بالبيان الذي أصدرته جامعة الدول العربية أمس.", "ar")
    welcome = find(events, "SUPPORT")
    assert _names(welcome.actors) == ["Jordan"]
    assert _names(welcome.recipients) == ["Arab League"]


def test_appreciating_a_role_is_support_for_its_owner(extract):
    events = extract("وقال الوزير إن الكويت تقدر دور قطر في تقريب وجهات النظر.", "ar")
    praise = find(events, "SUPPORT")
    assert (_names(praise.actors), _names(praise.recipients)) == (["Kuwait"], ["Qatar"])


def test_a_call_on_no_one_after_a_comma_is_no_event_of_its_own(extract):
    events = extract("تظاهر آلاف الطلاب في الرباط، داعين إلى وقف الحرب.", "ar")
    assert [e.event for e in events if e.event == "REQUEST"] == []


def test_an_actor_inside_what_was_said_is_not_the_participles_subject(extract):
    text = "أكد وزير الزراعة أن إسرائيل تفرض حصارا على القطاع، داعيا الدول العربية إلى التحرك."
    demands = [e for e in extract(text, "ar") if e.event == "REQUEST"]
    assert all(m.entity.id != "ISR" for e in demands for m in e.actors)


def test_a_genitive_followed_by_an_object_is_the_doer_of_the_act(extract):
    events = extract("ندد الرئيس الصومالي باحتجاز حركة الشباب عمال إغاثة أجانب.", "ar")
    arrest = find(events, "COERCE")
    assert _names(arrest.actors) == ["al-Shabaab"]


def test_a_titled_name_without_an_office_is_a_person(extract):
    text = "قال النائب حسن عز الدين إن الحكومة أخطأت، متهما الوزراء بالتقصير."
    accusation = find(extract(text, "ar"), "ACCUSE")
    person = accusation.actors[0].entity
    assert (person.name, person.type) == ("حسن عز الدين", "person")


def test_a_name_stops_before_the_parties_of_the_conflict(extract):
    events = extract("دعا المبعوث الأممي جان أرنو طرفي النزاع في اليمن إلى الهدنة.", "ar")
    demand = find(events, "REQUEST")
    assert _names(demand.actors) == ["جان أرنو"]


def test_the_movement_refers_back_to_the_movement_not_to_its_member(extract):
    text = ("التقى الوزير الصيني وفدا من حركة فتح برئاسة عضو اللجنة المركزية للحركة عزام "
            "الأحمد. وقالت الحركة في بيان إنها ترفض التهجير.")
    refusal = find(extract(text, "ar"), "REJECT")
    assert _names(refusal.actors) == ["Fatah"]


def test_an_envoy_of_a_head_of_state_joined_by_lam_takes_his_country(extract):
    text = "استقبل الرئيس الجزائري عبد المجيد تبون أمس الموفد الخاص للرئيس الموريتاني."
    meeting = find(extract(text, "ar"), "CONSULT")
    assert [m.entity.country for m in meeting.recipients] == ["MRT"]


# --- a known name followed by its lineage and offices -----------------------------------------

def test_the_office_of_the_country_after_a_known_name_is_that_persons_title(extract):
    text = ("تلقى الشيخ تميم بن حمد آل ثاني أمير البلاد المفدى اتصالا هاتفيا من الرئيس "
            "الفرنسي إيمانويل ماكرون تناول العلاقات الثنائية.")
    call = find(extract(text, "ar"), "CONSULT")
    assert _names(call.actors) == ["Emmanuel Macron"]
    assert _names(call.recipients) == ["Tamim bin Hamad Al Thani"]


def test_two_offices_after_a_known_name_are_both_its_titles(extract):
    text = ("استقبل الأمير محمد بن سلمان بن عبدالعزيز ولي العهد رئيس مجلس الوزراء رئيس "
            "الوزراء الباكستاني في قصر اليمامة.")
    meeting = find(extract(text, "ar"), "CONSULT")
    assert _names(meeting.actors) == ["Mohammed bin Salman"]
    assert [r.entity.country for r in meeting.recipients] == ["PAK"]


def test_an_office_of_the_country_alone_is_the_home_states(extract):
    text = "المنامة - بنا - استقبل ملك البلاد المفدى في قصر الصخير رئيس وزراء اليونان."
    meeting = find(extract(text, "ar"), "CONSULT")
    host = meeting.actors[0].entity
    assert (host.country, host.sector) == ("BHR", "GOV")


# --- a written shadda tells Amman from Oman ------------------------------------------------

def test_an_amman_dateline_makes_jordan_the_home_state(extract):
    text = "عمّان (بترا) - بحث وزير الخارجية مع المبعوث الأممي إلى سوريا سبل دعم الحوار."
    talks = find(extract(text, "ar"), "CONSULT")
    assert [a.entity.country for a in talks.actors] == ["JOR"]


def test_oman_without_a_shadda_stays_oman(extract):
    text = "رحبت سلطنة عمان بالاتفاق، وقالت عمان إنها تدعم الحوار بين الطرفين."
    welcome = find(extract(text, "ar"), "SUPPORT")
    assert [a.entity.id for a in welcome.actors] == ["OMN"]


def test_a_word_with_a_shadda_keeps_its_plain_key_first():
    from mediation_graph.text.normalize import word_keys
    keys = word_keys("بعمّان")
    assert keys[0] == "بعمان" and "عمّان" in keys


# --- a counterpart holds the subject's office ----------------------------------------------

def test_a_counterpart_without_a_name_holds_the_subjects_office_in_its_state(extract):
    meeting = find(extract("استقبل وزير الدفاع السعودي نظيره الفرنسي في جدة.", "ar"), "CONSULT")
    counterpart = meeting.recipients[0].entity
    assert (counterpart.name, counterpart.country) == ("French defense minister", "FRA")


def test_a_named_leaders_counterpart_is_the_other_states_leader(extract):
    text = "بحث الرئيس المصري عبد الفتاح السيسي هاتفيا مع نظيره الكيني سبل وقف الحرب."
    call = find(extract(text, "ar"), "CONSULT")
    assert [(r.entity.name, r.entity.country) for r in call.recipients] == [
        ("Kenyan head of state", "KEN")]


def test_an_english_counterpart_holds_the_subjects_office_too(extract):
    meeting = find(extract("Jordan's foreign minister met his Spanish counterpart in Madrid.",
                           "en"), "CONSULT")
    assert [r.entity.name for r in meeting.recipients] == ["Spanish foreign minister"]


# --- civilians who attack -------------------------------------------------------------------

def test_settlers_as_the_subject_of_an_attack_are_its_doers(extract):
    raid = find(extract("هاجم المستوطنون قرية فلسطينية جنوب الخليل فجر اليوم.", "ar"), "ASSAULT")
    assert _names(raid.actors) == ["settlers"]
    assert "settlers" not in _names(raid.recipients)


def test_other_civilians_as_the_subject_of_a_killing_are_still_its_victims(extract):
    killing = find(extract("قتل مدنيون في قصف استهدف سوقا شعبية.", "ar"), "ASSAULT")
    assert _names(killing.recipients) == ["civilians"]
    assert killing.actors == [] or "civilians" not in _names(killing.actors)


# --- the doer in the genitive of a condemned act -------------------------------------------

def test_a_genitive_before_a_plain_object_noun_is_the_doer_of_the_condemned_act(extract):
    events = extract("نددت الكويت باقتحام المستوطنين ساحات المسجد الإبراهيمي في الخليل.", "ar")
    assert _names(find(events, "ACCUSE").recipients) == ["settlers"]
    raid = find(events, "ASSAULT")
    assert _names(raid.actors) == ["settlers"]
    assert "Kuwait" not in _names(raid.actors + raid.recipients)


def test_a_bombing_by_aircraft_of_a_school_is_done_by_the_aircraft(extract):
    events = extract("أدانت البحرين قصف الطائرات الروسية مدرسة في إدلب.", "ar")
    bombing = find(events, "ASSAULT")
    assert [a.entity.country for a in bombing.actors] == ["RUS"]


def test_the_guest_received_after_the_city_is_the_recipient_not_the_city(extract):
    events = extract("استقبل الرئيس المصري عبد الفتاح السيسي في القاهرة رئيس الوزراء الإثيوبي.",
                     "ar")
    visit = find(events, "CONSULT")
    assert [m.entity.country for m in visit.recipients] == ["ETH"]


def test_where_a_host_receives_is_no_posting_of_the_host(extract):
    events = extract("استقبل ولي العهد السعودي في الرياض الرئيس الفرنسي إيمانويل ماكرون.", "ar")
    visit = find(events, "CONSULT")
    assert [m.entity.country for m in visit.actors] == ["SAU"]
    assert [m.entity.country for m in visit.recipients] == ["FRA"]


def test_settlers_under_a_foreign_dateline_are_not_that_states_civilians(extract):
    events = extract("الدوحة - (قنا) - أدانت دولة قطر اقتحام مستوطنين المسجد الأقصى.", "ar")
    assert all(m.entity.country != "QAT" for e in events for m in e.recipients
               if "مستوطن" in m.span.text)
