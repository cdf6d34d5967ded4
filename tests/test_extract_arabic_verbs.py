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
