"""Who speaks in a sentence, and what that says about its events. Sentences are our own
writing."""

from __future__ import annotations

from conftest import find


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


def test_who_a_report_is_attributed_to_at_its_end_is_its_speaker_not_a_victim(extract):
    events = extract("Israeli troops raided a village near Nablus, wounding two Palestinians, "
                     "the Palestinian Red Crescent said.", "en")
    wounding = next(e for e in events if e.trigger.text == "wounding")
    assert "Red Crescent" not in " ".join(m.span.text for m in wounding.recipients)
    assert wounding.speaker is not None and "Red Crescent" in wounding.speaker.span.text


def test_an_attribution_after_a_comma_is_no_party_to_the_fighting(extract):
    events = extract("Thailand and Cambodia agreed to a truce after five days of fighting, "
                     "Malaysian Prime Minister Anwar Ibrahim announced.", "en")
    assert all(m.entity.country != "MYS" for e in events for m in e.recipients + e.actors)


def test_mediation_efforts_told_of_a_meeting_are_the_efforts_of_those_who_met(extract):
    events = extract("تلقى سلطان عمان هيثم بن طارق اتصالا هاتفيا من أمير قطر. وجرى خلال الاتصال "
                     "بحث الجهود المشتركة للوساطة بين إيران والولايات المتحدة.", "ar")
    mediation = next(e for e in events if e.mode == "mediate")
    assert {m.entity.country for m in mediation.actors} == {"OMN", "QAT"}
    assert {m.entity.country for m in mediation.recipients} == {"IRN", "USA"}


def test_we_in_a_quote_is_whoever_says_it(extract):
    events = extract('"We reject this plan because it does not end the war," a senior Hamas '
                     "official said.", "en")
    assert [m.entity.id for m in find(events, "REJECT").actors] == ["HAMAS"]


def test_an_arabic_quote_opening_with_a_we_verb_is_the_speakers_act(extract):
    events = extract("وقال وزير الخارجية الكويتي: «ندين الهجوم الإسرائيلي على المدنيين».", "ar")
    assert [m.entity.country for m in find(events, "ACCUSE").actors] == ["KWT"]
