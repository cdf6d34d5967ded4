"""Arabic words that are a past verb or its verbal noun alike ("رفض", "دعم", "قصف"): opening a
clause with the actor after them they are verbs, else nouns. Sentences are our own writing."""

from __future__ import annotations

from conftest import find


def test_a_clause_opening_with_the_word_and_its_subject_reads_it_as_the_verb(extract):
    events = extract("رفض رئيس الوزراء الإسباني بيدرو سانشيز الخطة الأمريكية.", "ar")
    rejection = find(events, "REJECT")
    assert [m.entity.country for m in rejection.actors] == ["ESP"]


def test_the_word_after_a_clause_opener_is_the_verb(extract):
    events = extract("قبلت حماس العرض، فيما رفض نتنياهو الاقتراح المصري.", "ar")
    rejection = find(events, "REJECT")
    assert [m.entity.country for m in rejection.actors] == ["ISR"]


def test_the_word_after_a_preposition_stays_a_noun(extract):
    events = extract("أعلنت الحكومة السودانية عن رفضها للمبادرة.", "ar")
    assert all(m.entity.id != "SDN" for e in events for m in e.recipients)


def test_holding_someone_responsible_with_subject_and_object_inside_the_idiom(extract):
    events = extract("وحملت الخارجية الأردنية إسرائيل المسؤولية الكاملة عن التصعيد.", "ar")
    accusation = find(events, "ACCUSE")
    assert [m.entity.country for m in accusation.actors] == ["JOR"]
    assert [m.entity.country for m in accusation.recipients] == ["ISR"]


def test_honorifics_before_a_title_or_a_name_add_nothing(extract):
    events = extract("بعث خادم الحرمين الشريفين الملك سلمان بن عبد العزيز برقية تهنئة لفخامة "
                     "الرئيس البرازيلي.", "ar")
    assert [m.entity.country for m in find(events, "SUPPORT").actors] == ["SAU"]


def test_a_plural_that_keeps_its_nun_heads_no_genitive(extract):
    events = extract("اقتحم مستوطنون المسجد الأقصى صباح اليوم.", "ar")
    raid = find(events, "ASSAULT")
    assert [m.entity.id for m in raid.actors] == ["SETTLERS"]
    assert [m.entity.id for m in raid.recipients] == ["AL_AQSA"]


def test_a_plural_group_keeps_its_plural_nationality(extract):
    events = extract("التقى الرئيس الروسي مسؤولين أتراك في موسكو.", "ar")
    assert [m.entity.country for m in find(events, "CONSULT").recipients] == ["TUR"]


def test_ruling_out_talks_is_refusing_them(extract):
    events = extract("استبعد رئيس الوزراء الإثيوبي أي مفاوضات مع جبهة تحرير تيغراي.", "ar")
    assert [e.event for e in events] == ["REJECT"]
    assert [m.entity.country for m in events[0].actors] == ["ETH"]


def test_a_cue_phrase_with_an_article_marks_the_event_as_announced(extract):
    events = extract("من المقرر أن يزور وزير الخارجية الياباني الرياض الأسبوع المقبل.", "ar")
    assert [e.modality for e in events] == ["future"]
