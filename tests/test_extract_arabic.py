"""Arabic argument patterns: word orders, prepositions, lists, roles, negation and modality."""

from __future__ import annotations

from conftest import find, names


def test_verb_subject_object_with_preposition(extract):
    events = extract("اجتمع وزير الخارجية القطري مع وزير الخارجية المصري في القاهرة.", "ar")
    meeting = find(events, "CONSULT")
    assert [m.entity.country for m in meeting.actors] == ["QAT"]
    assert [m.entity.country for m in meeting.recipients] == ["EGY"]
    assert meeting.actors[0].entity.type == "person"


def test_subject_before_the_verb(extract):
    events = extract("وقطر ترفض الشروط الإسرائيلية الجديدة.", "ar")
    assert names(find(events, "REJECT").actors) == {"Qatar"}


def test_mediation_between_two_parties(extract):
    events = extract("تقود مصر وساطة بين الحكومة السودانية وقوات الدعم السريع.", "ar")
    mediation = find(events, "CONSULT", "mediate")
    assert names(mediation.actors) == {"Egypt"}
    assert mediation.cameo == "045"
    assert {m.entity.country for m in mediation.recipients} == {"SDN"}
    assert len(mediation.recipients) == 2


def test_coordination_list_after_a_fixed_phrase(extract):
    events = extract("وتعمل تركيا بالتنسيق مع مصر وقطر والولايات المتحدة لوقف الحرب.", "ar")
    event = next(e for e in events if "تنسيق" in e.trigger.text)
    assert names(event.actors) == {"Turkey"}
    assert names(event.recipients) == {"Egypt", "Qatar", "United States"}


def test_agent_after_min_qibal_is_the_mediator(extract):
    events = extract("تتواصل المفاوضات بين إسرائيل وحماس، والوساطة من قبل مصر وقطر.", "ar")
    mediation = find(events, "CONSULT", "mediate")
    assert names(mediation.actors) == {"Egypt", "Qatar"}
    assert names(mediation.recipients) == {"Israel", "Hamas"}


def test_nisba_adjective_is_the_agent_of_a_verbal_noun(extract):
    events = extract("وأدانت الجامعة العربية القصف الإسرائيلي على مدينة رفح.", "ar")
    assert "Israel" in names(find(events, "ASSAULT").actors)


def test_role_and_name_in_apposition_are_one_person(extract):
    events = extract("التقى رئيس الاستخبارات التركية إبراهيم قالن وفد حماس في أنقرة.", "ar")
    meeting = find(events, "CONSULT")
    assert names(meeting.actors) == {"İbrahim Kalın"}
    assert names(meeting.recipients) == {"Hamas"}
    assert meeting.actors[0].entity.country == "TUR"


def test_capital_after_a_locative_is_a_place_not_an_actor(extract):
    events = extract("اجتمع وزير الخارجية الإيراني مع وزير الخارجية العماني في مسقط.", "ar")
    meeting = find(events, "CONSULT")
    assert "Oman" not in names(meeting.actors) and "OMN" in {
        m.entity.country for m in meeting.recipients}


def test_negation_and_future_and_intention(extract):
    negated = find(extract("لم يجتمع الرئيس المصري مع الرئيس التركي.", "ar"), "CONSULT")
    future = find(extract("سيجتمع الرئيس المصري مع الرئيس التركي.", "ar"), "AGREE")
    intended = find(extract("تسعى قطر إلى التوسط بين روسيا وأوكرانيا.", "ar"), "CONSULT")
    assert negated.negated and not future.negated
    assert future.modality == "future"
    assert intended.modality == "intended"


def test_the_two_sides_resolve_to_the_parties_in_discourse(extract):
    text = ("استضافت الدوحة مفاوضات غير مباشرة بين إيران والولايات المتحدة. "
            "وأعرب الطرفان عن رغبتهما في مواصلة الحوار.")
    events = extract(text, "ar")
    later = [e for e in events if e.sentence == 1]
    assert later and any(names(e.actors) | names(e.recipients) >= {"Iran", "United States"}
                         for e in later)


def test_reported_by_sources(extract):
    events = extract("وفقا لمصادر مطلعة، اجتمع وفد حماس مع المسؤولين المصريين في القاهرة.", "ar")
    assert find(events, "CONSULT").modality == "reported"


def test_bringing_about_a_truce_between_two_others_is_mediation(extract):
    events = extract("نجحت مصر في التوصل إلى تهدئة بين إسرائيل وحركة الجهاد الإسلامي.", "ar")
    mediation = find(events, "CONSULT", "mediate")
    assert names(mediation.actors) == {"Egypt"}
    assert len(mediation.recipients) == 2 and "Israel" in names(mediation.recipients)


def test_a_possessive_pronoun_points_back_to_the_agent(extract):
    text = "قصفت الطائرات الأمريكية مواقع لجماعة الحوثي في اليمن ردا على هجماتها على السفن."
    attacks = [e for e in extract(text, "ar") if "هجمات" in e.trigger.text]
    assert attacks and names(attacks[0].actors) == {"Houthis"}
