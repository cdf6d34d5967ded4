"""English offices named without their owner or set off by commas: wire copy writes "Foreign
Minister X" after a dateline, "X, Egypt's foreign minister," and "the UN envoy for Libya, X"; each
names one person, whose country comes from the office, the sentence or the dateline."""

from __future__ import annotations

from conftest import find


def _people(mentions) -> list[tuple[str, str | None, str | None]]:
    return [(m.entity.name, m.entity.country, m.entity.sector) for m in mentions]


def test_an_office_without_owner_belongs_to_the_dateline_state(extract):
    events = extract("LIMA (Reuters) - Foreign Minister Elmer Schialer met the Chilean "
                     "ambassador on Monday.", "en")
    assert _people(find(events, "CONSULT").actors) == [("Elmer Schialer", "PER", "GOV")]


def test_a_state_body_without_owner_belongs_to_the_dateline_state(extract):
    events = extract("ABUJA (AFP) - The army attacked a rebel camp near the border.", "en")
    assert [(m.entity.country, m.entity.sector) for m in find(events, "ASSAULT").actors] == [
        ("NGA", "MIL")]


def test_an_office_takes_the_state_the_sentence_named_before_it(extract):
    events = extract("A Chilean official said the government rejected Bolivia's demand.", "en")
    assert [m.entity.country for m in find(events, "REJECT").actors] == ["CHL"]


def test_counted_or_possessed_bodies_take_no_implied_owner(extract):
    events = extract("HAVANA (AP) - Both armies attacked the town.", "en")
    assert all(m.entity.country != "CUB" for e in events for m in e.actors)


def test_an_office_after_a_comma_is_the_holder_of_the_name_before_it(extract):
    events = extract("Elmer Schialer, Peru's foreign minister, met Chilean President Gabriel "
                     "Boric in Lima.", "en")
    meeting = find(events, "CONSULT")
    assert _people(meeting.actors) == [("Elmer Schialer", "PER", "GOV")]


def test_the_state_an_envoy_is_sent_to_is_no_actor(extract):
    events = extract("The EU envoy for Kosovo, Miroslav Lajcak, met Serbian President "
                     "Aleksandar Vucic in Belgrade.", "en")
    meeting = find(events, "CONSULT")
    assert [m.entity.name for m in meeting.actors] == ["Miroslav Lajcak"]


def test_the_militia_is_the_armed_group_named_before(extract):
    events = extract("Al Shabaab fighters raided a village in Somalia. The Somali government "
                     "accused the militia of killing ten herders.", "en")
    assert [m.entity.name for m in find(events, "ACCUSE").recipients] == ["al-Shabaab"]


def test_a_reciprocal_act_is_done_by_each_side_to_the_other(extract):
    events = extract("Serbia and Kosovo exchanged accusations on Monday.", "en")
    pairs = {(e.actors[0].entity.country, e.recipients[0].entity.country)
             for e in events if e.event == "ACCUSE"}
    assert pairs == {("SRB", "XKX"), ("XKX", "SRB")} or pairs == {("SRB", "KOS"), ("KOS", "SRB")}


def test_a_condemnation_naming_no_one_condemns_the_last_attacker(extract):
    events = extract("Ethiopian troops shelled a town in Eritrea on Monday. Kenya condemned the "
                     "violence.", "en")
    condemned = find(events, "ACCUSE")
    assert [m.entity.name for m in condemned.recipients] == ["Ethiopia"]
    # naming the act again ("the shelling") aims at its doer as the text named it
    events = extract("Ethiopian troops shelled a town in Eritrea on Monday. Kenya condemned the "
                     "shelling.", "en")
    assert find(events, "ACCUSE").recipients[0].entity.country == "ETH"
    concern = extract("Ethiopian troops shelled a town in Eritrea on Monday. Kenya expressed "
                      "concern.", "en")
    assert not find(concern, "ACCUSE").recipients  # concern is not a condemnation of someone


def test_an_office_of_a_group_described_by_modifiers_is_its_holder(extract):
    events = extract("Karim Sadiq, the commander of the powerful Hezbollah, threatened "
                     "Israel.", "en")
    assert _people(find(events, "THREATEN").actors) == [("Karim Sadiq", "LBN", "REB")]


def test_that_before_a_named_subject_is_no_relative_pronoun(extract):
    events = extract("Blinken told Cohen that Ghana rejected the Togolese plan.", "en")
    assert [m.entity.country for m in find(events, "REJECT").actors] == ["GHA"]


def test_a_body_with_a_possessive_belongs_to_the_nearest_actor_before_it(extractor):
    from mediation_graph.model import Document

    result = extractor.extract(Document(id="t", language="en", text=(
        "Chad, a close French ally, urged Sudan to pull its troops back from the border.")))
    troops = [m for m in result.mentions if m.span.text == "its troops"]
    assert [(m.entity.country, m.entity.sector) for m in troops] == [("SDN", "MIL")]
    own = extractor.extract(Document(id="t", language="en", text=(
        "Oman said its mediators had met the Houthis.")))
    assert all(m.entity.country == "OMN" for m in own.mentions if m.span.text == "its mediators")


def test_he_is_the_person_named_before(extract):
    events = extract("Peruvian Foreign Minister Elmer Schialer flew to Santiago on Monday. He "
                     "held talks with Chilean President Gabriel Boric on migration.", "en")
    talks = [e for e in events if e.event == "CONSULT" and e.recipients
             and e.recipients[0].entity.country == "CHL" and e.sentence == 1]
    assert [(m.entity.name, m.entity.country) for m in talks[0].actors] == [
        ("Elmer Schialer", "PER")]


def test_asking_someone_to_act_is_a_request_and_no_talks_a_refusal(extract):
    asked = find(extract("Panama asked the Organization of American States to send observers.",
                         "en"), "REQUEST")
    assert [m.entity.country for m in asked.actors] == ["PAN"]
    refusal = find(extract("Colombia said there would be no talks with the ELN.", "en"),
                   "REJECT")
    assert [m.entity.country for m in refusal.actors] == ["COL"]


def test_a_spokesman_for_a_group_is_its_member(extract):
    events = extract("Abdulmalik Saleh, a spokesman for the Houthis, threatened Israel.", "en")
    assert _people(find(events, "THREATEN").actors) == [("Abdulmalik Saleh", "YEM", "REB")]


def test_whom_a_speaker_told_is_not_the_subject_of_the_news(extract):
    events = extract("A Taliban official told AFP the movement had accepted the proposal.", "en")
    assert "Agence France-Presse" not in {m.entity.name for e in events for m in e.actors}


def test_the_government_and_the_prime_ministers_office_belong_to_the_dateline_state(extract):
    events = extract("NAIROBI (Reuters) - The prime minister's office said the government had "
                     "reached a deal with the IMF.", "en")
    assert [m.entity.country for m in find(events, "AGREE").actors] == ["KEN"]
