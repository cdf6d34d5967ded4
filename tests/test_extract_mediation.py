"""Mediation as news words it, in both languages: who mediates (CONSULT 045, mode mediate),
between whom, and the answers to it (offer 039, accept 038, reject 126)."""

from __future__ import annotations

from conftest import names
from mediation_graph.model import Event


def mediation(events: list[Event], cameo: str = "045") -> Event:
    found = [e for e in events if e.mode == "mediate" and e.cameo == cameo]
    assert found, [(e.event, e.mode, e.cameo, names(e.actors)) for e in events]
    return found[0]


# --- who mediates ---------------------------------------------------------------------------

def test_nationality_adjectives_in_a_row_after_the_masdar(extract):
    text = "توصل الجانبان إلى هدنة بين الجيش السوداني وقوات الدعم السريع بوساطة سعودية أمريكية."
    assert names(mediation(extract(text, "ar")).actors) == {"Saudi Arabia", "United States"}


def test_mediation_efforts_with_two_adjectives(extract):
    text = "تتواصل جهود الوساطة المصرية القطرية بين إسرائيل وحماس."
    found = mediation(extract(text, "ar"))
    assert names(found.actors) == {"Egypt", "Qatar"}
    assert names(found.recipients) == {"Israel", "Hamas"}


def test_coordinated_adjectives_on_a_mediator_noun(extract):
    english = mediation(extract("Egyptian and Qatari mediators met a Hamas delegation.", "en"))
    arabic = mediation(extract("التقى الوسطاء المصريون والقطريون وفد حماس.", "ar"))
    assert names(english.actors) == names(arabic.actors) == {"Egypt", "Qatar"}


def test_a_meeting_said_by_a_mediator_noun_keeps_its_own_subject(extract):
    events = extract("التقى الوسطاء المصريون والقطريون وفد حماس.", "ar")
    meeting = next(e for e in events if e.cameo == "040")
    assert names(meeting.actors) == {"Egypt", "Qatar"}
    assert names(meeting.recipients) == {"Hamas"}


def test_mediators_from_and_in_apposition(extract):
    text = "Mediators from Oman and Switzerland proposed a new agenda."
    assert names(mediation(extract(text, "en")).actors) == {"Oman", "Switzerland"}
    text = "Hamas sent its answer to the mediators, Egypt and Qatar, on Tuesday."
    assert names(mediation(extract(text, "en")).actors) == {"Egypt", "Qatar"}


def test_a_hyphenated_adjective_brokers(extract):
    text = "The Egyptian-brokered truce between Israel and Islamic Jihad held overnight."
    found = mediation(extract(text, "en"))
    assert names(found.actors) == {"Egypt"}
    assert names(found.recipients) == {"Israel", "Palestinian Islamic Jihad"}


def test_with_x_mediating(extract):
    text = "With Norway mediating, Colombia and the ELN rebels held a new round of talks."
    assert names(mediation(extract(text, "en")).actors) == {"Norway"}


def test_talks_hosted_by_a_third_party(extract):
    found = mediation(extract("Russia and Ukraine resumed talks hosted by Turkey.", "en"))
    assert names(found.actors) == {"Turkey"}
    assert names(found.recipients) == {"Russia", "Ukraine"}


def test_an_agreement_sponsored_in_a_relative_clause(extract):
    text = "وقعت أرمينيا وأذربيجان الاتفاق الذي رعته الولايات المتحدة."
    found = mediation(extract(text, "ar"))
    assert names(found.actors) == {"United States"}
    assert names(found.recipients) == {"Armenia", "Azerbaijan"}


# --- between whom -----------------------------------------------------------------------------

def test_parties_of_the_deal_the_mediation_brought_about(extract):
    found = mediation(extract("Israel and Lebanon reached a truce with American mediation.", "en"))
    assert names(found.recipients) == {"Israel", "Lebanon"}
    arabic = mediation(extract("توصلت إسرائيل وحماس إلى اتفاق بوساطة مصر وقطر.", "ar"))
    assert names(arabic.actors) == {"Egypt", "Qatar"}
    assert names(arabic.recipients) == {"Israel", "Hamas"}


def test_a_deal_with_an_adjective_mediator_is_still_the_parties_own(extract):
    events = extract("توصلت إسرائيل وحماس إلى اتفاق لوقف إطلاق النار بوساطة قطرية.", "ar")
    agreement = next(e for e in events if e.event == "AGREE")
    assert "Qatar" not in names(agreement.actors)


def test_parties_as_subjects_of_a_clause_without_a_trigger(extract):
    found = mediation(extract("تبادلت روسيا وأوكرانيا الأسرى بوساطة إماراتية.", "ar"))
    assert names(found.recipients) == {"Russia", "Ukraine"}


def test_talks_through_a_third_party(extract):
    english = mediation(extract("Iran and the United States held indirect talks through Oman.",
                                "en"))
    arabic = mediation(extract("أجرت إيران والولايات المتحدة محادثات غير مباشرة عبر سلطنة عمان.",
                               "ar"))
    for found in (english, arabic):
        assert names(found.actors) == {"Oman"}
        assert names(found.recipients) == {"Iran", "United States"}


def test_indirect_talks_alone_are_the_parties_own_negotiation(extract):
    events = extract("Iran and the United States held indirect talks.", "en")
    assert not [e for e in events if e.mode == "mediate"]


def test_relaying_messages_between(extract):
    found = mediation(extract("نقلت سلطنة عمان رسائل بين إيران والولايات المتحدة.", "ar"))
    assert names(found.actors) == {"Oman"}
    assert names(found.recipients) == {"Iran", "United States"}


def test_meeting_both_sides_of_a_dispute(extract):
    text = ("Israel and Hamas have traded fire for days. The Qatari envoy met both sides in "
            "Doha on Monday.")
    found = mediation(extract(text, "en"))
    assert {m.entity.country for m in found.actors} == {"QAT"}
    assert names(found.recipients) == {"Israel", "Hamas"}


def test_the_two_delegations_of_the_same_sentence(extract):
    text = ("Iranian and American envoys held talks in Muscat, with Oman carrying messages "
            "between the two delegations.")
    found = mediation(extract(text, "en"))
    assert names(found.actors) == {"Oman"}
    assert {m.entity.country for m in found.recipients} == {"IRN", "USA"}


def test_the_mediators_are_those_named_before(extract):
    text = ("تقود مصر وقطر وساطة بين إسرائيل وحماس. "
            "ووافقت حماس على مقترح الوسطاء.")
    events = extract(text, "ar")
    mediations = [e for e in events if e.mode == "mediate"]
    assert all("Hamas" not in names(e.actors) for e in mediations)
    assert len(mediations) == 1 and len(mediations[0].evidence) == 1  # the same, said twice
    assert names(mediations[0].actors) == {"Egypt", "Qatar"}


# --- answers to mediation ---------------------------------------------------------------------

def test_accepting_and_rejecting_a_named_mediation(extract):
    accepted = mediation(extract("Ethiopia accepted Kenya's mediation.", "en"), "038")
    assert accepted.event == "AGREE"
    assert (names(accepted.actors), names(accepted.recipients)) == ({"Ethiopia"}, {"Kenya"})
    rejected = mediation(extract("رفض السودان الوساطة الكينية.", "ar"), "126")
    assert rejected.event == "REJECT"
    assert (names(rejected.actors), names(rejected.recipients)) == ({"Sudan"}, {"Kenya"})


def test_an_answered_mediation_is_not_also_a_mediation(extract):
    events = extract("قبلت إثيوبيا وساطة كينيا.", "ar")
    assert not [e for e in events if e.cameo == "045"]


def test_an_offer_split_by_its_subject(extract):
    found = mediation(extract("عرضت تركيا الوساطة بين روسيا وأوكرانيا.", "ar"), "039")
    assert names(found.actors) == {"Turkey"}
    assert names(found.recipients) == {"Russia", "Ukraine"}


def test_welcoming_an_offer_to_mediate_accepts_it(extract):
    found = mediation(extract("Ethiopia welcomed Kenya's offer to mediate.", "en"), "038")
    assert names(found.recipients) == {"Kenya"}


def test_calling_on_the_mediators_is_not_asking_for_mediation(extract):
    events = extract("دعت حماس الوسطاء إلى الضغط على إسرائيل.", "ar")
    assert not [e for e in events if e.cameo == "108"]


def test_co_mediators_joined_to_the_host(extract):
    text = ("توصلت إسرائيل وحماس إلى اتفاق بعد مفاوضات شاقة استضافتها الدوحة بمشاركة مصر "
            "والولايات المتحدة.")
    found = mediation(extract(text, "ar"))
    assert names(found.actors) == {"Qatar", "Egypt", "United States"}
    assert names(found.recipients) == {"Israel", "Hamas"}


def test_a_meeting_arranged_by_a_third_party(extract):
    text = "التقى الرئيس الكونغولي ونظيره الرواندي في لقاء مفاجئ رتبه أمير قطر."
    found = mediation(extract(text, "ar"))
    assert {m.entity.country for m in found.actors} == {"QAT"}
    assert {m.entity.country for m in found.recipients} == {"COD", "RWA"}


def test_a_relative_clause_after_a_list_of_mediators(extract):
    text = "Iraq and Oman, which hosted earlier talks between Riyadh and Tehran, welcomed the deal."
    found = mediation(extract(text, "en"))
    assert names(found.actors) == {"Iraq", "Oman"}
    assert names(found.recipients) == {"Saudi Arabia", "Iran"}


def test_in_contact_with_both_sides(extract):
    text = ("قصفت إسرائيل مواقع لحركة الجهاد الإسلامي في غزة. "
            "وتواصل القاهرة اتصالاتها مع الطرفين لتثبيت التهدئة.")
    found = mediation(extract(text, "ar"))
    assert names(found.actors) == {"Egypt"}
    assert {m.entity.id for m in found.recipients} == {"ISR", "PIJ"}


def test_offers_worded_as_proposals_and_readiness(extract):
    for text in ("Egypt proposed to mediate between Ethiopia and Sudan.",
                 "Egypt expressed readiness to mediate between Ethiopia and Sudan."):
        found = mediation(extract(text, "en"), "039")
        assert names(found.recipients) == {"Ethiopia", "Sudan"}


# --- what is not mediation ----------------------------------------------------------------------

def test_welcoming_a_deal_between_others_is_no_mediation(extract):
    events = extract("رحبت الأمم المتحدة بالاتفاق بين السودان وجنوب السودان.", "ar")
    assert not [e for e in events if e.mode == "mediate"]


def test_accusing_someone_of_blocking_mediation_is_no_mediation(extract):
    events = extract("اتهمت إسرائيل حماس بعرقلة جهود الوساطة.", "ar")
    assert not [e for e in events if e.mode == "mediate"]


def test_a_summit_hosted_by_a_state_is_no_mediation(extract):
    events = extract("The summit hosted by Saudi Arabia gathered Arab leaders in Riyadh.", "en")
    assert not [e for e in events if e.mode == "mediate"]


def test_other_channels_and_companions_are_no_mediation(extract):
    for text, language in (("Biden spoke with Netanyahu via video link on Monday.", "en"),
                           ("Hamas and Fatah officials met in Cairo alongside Egyptian officers.",
                            "en"),
                           ("استضافت القاهرة القمة العربية بمشاركة قادة الدول الأعضاء.", "ar")):
        assert not [e for e in extract(text, language) if e.mode == "mediate"], text


def test_hyphenated_nationalities_name_each_mediator(extract):
    for text, language in (("The Egyptian-Qatari mediation between Israel and Hamas resumed.",
                            "en"),
                           ("The Saudi-US mediated talks between Sudan and South Sudan resumed.",
                            "en"),
                           ("تتواصل الوساطة المصرية-القطرية بين إسرائيل وحماس.", "ar")):
        found = mediation(extract(text, language))
        assert len(found.actors) == 2 and all(m.entity.linked for m in found.actors), text


def test_two_mediators_in_the_dual(extract):
    found = mediation(extract("التقى وفد حماس الوسيطين المصري والقطري في الدوحة.", "ar"))
    assert names(found.actors) == {"Egypt", "Qatar"}
    assert names(found.recipients) == {"Hamas"}


def test_praising_a_role_in_mediation_is_not_the_praisers_mediation(extract):
    events = extract("وأشاد البيت الأبيض بالدور القطري في الوساطة بين إسرائيل وحماس.", "ar")
    assert not [e for e in events if e.mode == "mediate" and "United States" in names(e.actors)]


def test_messages_through_a_third_party(extract):
    passed = mediation(extract("Israel passed messages to Hamas through Egypt.", "en"))
    assert (names(passed.actors), names(passed.recipients)) == ({"Egypt"}, {"Israel", "Hamas"})
    events = extract("Hamas and Israel exchanged messages through Qatar.", "en")
    assert names(mediation(events).actors) == {"Qatar"}
    assert all("Qatar" not in names(e.recipients) for e in events if e.mode != "mediate")


def test_efforts_toward_a_truce_between_others(extract):
    arabic = mediation(extract(
        "ونجحت الجهود المصرية في التوصل إلى تهدئة بين إسرائيل وحركة الجهاد الإسلامي.", "ar"))
    assert names(arabic.actors) == {"Egypt"}
    assert names(arabic.recipients) == {"Israel", "Palestinian Islamic Jihad"}
    english = mediation(extract(
        "Egyptian efforts to broker a truce between Israel and Hamas intensified.", "en"))
    assert names(english.actors) == {"Egypt"}


def test_efforts_toward_something_else_are_no_mediation(extract):
    for text, language in (("تتواصل جهود الحكومة المصرية لإصلاح الاقتصاد.", "ar"),
                           ("US efforts to impose sanctions on Iran failed.", "en")):
        assert not [e for e in extract(text, language) if e.mode == "mediate"], text
