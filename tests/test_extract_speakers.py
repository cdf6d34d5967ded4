"""Who speaks in a sentence, and what that says about its events. Sentences are our own
writing."""

from __future__ import annotations


def test_a_sentence_naming_its_own_speaker_does_not_continue_the_last_subject(extract):
    events = extract("بحث وزير الخارجية الأردني أيمن الصفدي مع نظيره التركي هاكان فيدان الأوضاع "
                     "في سوريا. وقال المتحدث باسم الخارجية العمانية إن الوسطاء يعملون على تقريب "
                     "وجهات النظر بين إيران والولايات المتحدة.", "ar")
    mediation = next(e for e in events if e.mode == "mediate")
    assert [m.entity.id for m in mediation.actors] != ["Ayman Safadi"]
    assert all(m.entity.country != "JOR" for m in mediation.actors)


def test_unnamed_mediators_are_the_state_whose_spokesman_speaks_of_them(extract):
    events = extract("قال المتحدث باسم الخارجية المصرية إن الوسطاء يعملون على تقريب وجهات النظر "
                     "بين حماس وإسرائيل.", "ar")
    mediation = next(e for e in events if e.mode == "mediate")
    assert [m.entity.country for m in mediation.actors] == ["EGY"]


def test_a_party_speaking_of_the_mediators_is_not_one(extract):
    events = extract("Israel and Hamas resumed indirect talks in Doha. Hamas said the "
                     "mediators had delivered a new proposal.", "en")
    assert all(m.entity.id != "HAMAS" for e in events if e.mode == "mediate" for m in e.actors)
