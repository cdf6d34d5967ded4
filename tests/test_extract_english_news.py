"""English news patterns beyond the basic argument grammar: demonyms for peoples, groups owned
by the place they are in, and the other ways news English names its actors."""

from __future__ import annotations

from conftest import find


def _countries(mentions) -> set[str | None]:
    return {m.entity.country for m in mentions}


def test_a_plural_demonym_acts_and_is_acted_on(extract):
    events = extract("Soldiers detained 40 Moroccans near the border, and Kenyans protested.",
                     "en")
    assert _countries(find(events, "COERCE").recipients) == {"MAR"}
    assert _countries(find(events, "PROTEST").actors) == {"KEN"}


def test_a_group_takes_the_state_of_the_place_it_is_in(extract):
    events = extract("Rebels in northern Mali attacked an army convoy.", "en")
    attack = find(events, "ASSAULT")
    assert _countries(attack.actors) == {"MLI"}
    assert attack.actors[0].entity.sector == "REB"
    capital = find(extract("Police in Nairobi arrested a journalist.", "en"), "COERCE")
    assert _countries(capital.actors) == {"KEN"}


def test_an_office_holder_is_not_owned_by_where_he_is(extract):
    events = extract("The Egyptian envoy met the foreign minister in Doha.", "en")
    assert "QAT" not in _countries(find(events, "CONSULT").recipients)


def test_a_social_group_needs_an_owner(extract):
    owned = find(extract("Chilean students occupied the ministry to protest the reform.", "en"),
                 "PROTEST")
    assert [(m.entity.country, m.entity.sector) for m in owned.actors] == [("CHL", "EDU")]
    release = find(extract("Armenia freed prisoners on Monday.", "en"), "RETREAT")
    assert not release.recipients  # "prisoners" alone names nobody in particular


def test_the_content_of_an_agreement_or_threat_is_no_event_of_its_own(extract):
    agreed = extract("Peru and Chile agreed to hold joint naval exercises in May.", "en")
    assert [e.event for e in agreed] == ["AGREE"]
    threat = extract("Serbia threatened to impose sanctions on Kosovo.", "en")
    assert [e.event for e in threat] == ["THREATEN"]
    demand = extract("Ghana demanded that Togo arrest the smugglers.", "en")
    assert [e.event for e in demand] == ["REQUEST"]
    mediation = extract("Qatar agreed to mediate between Israel and Hamas.", "en")
    assert find(mediation, "AGREE", "mediate").recipients  # mediation is always kept


def test_a_promise_is_an_announced_intention(extract):
    pledge = find(extract("Japan pledged to send aid to Myanmar.", "en"), "AGREE")
    assert pledge.cameo.startswith("03") and pledge.modality == "future"


def test_an_action_on_nobody_named_is_done_to_the_state_where_it_happens(extract):
    protest = find(extract("Opposition supporters protested in Nairobi on Friday.", "en"),
                   "PROTEST")
    assert _countries(protest.recipients) == {"KEN"}
    curfew = find(extract("Egyptian police imposed a curfew in southern Yemen.", "en"), "COERCE")
    assert _countries(curfew.recipients) == {"YEM"}
    talks = extract("Iran and Oman held talks in Geneva.", "en")
    assert not find(talks, "CONSULT").recipients  # a meeting place is no party


def test_news_verbs_with_their_objects(extract):
    cases = {
        "Norway will provide tents and blankets to Syria.": "AGREE",  # an announced aid
        "Benin lifted the nightly curfew on Monday.": "RETREAT",
        "Farmers blocked the main road to the capital.": "PROTEST",
        "Ghana reopened its embassy in Tripoli.": "SUPPORT",
        "Mexico defended Cuba at the summit.": "SUPPORT",
        "The Iraqi president arrived in Amman on Wednesday.": "CONSULT",
    }
    for text, event_type in cases.items():
        assert find(extract(text, "en"), event_type), text
    visit = find(extract("The Iraqi president arrived in Amman on Wednesday.", "en"), "CONSULT")
    assert _countries(visit.recipients) == {"JOR"}


def test_an_earlier_event_given_as_background_is_no_news(extract):
    events = extract("Uganda closed the border after a week of heavy fighting.", "en")
    assert [e.event for e in events] == ["COERCE"]
    mediated = extract("The truce held after mediation by Qatar.", "en")
    assert find(mediated, "CONSULT", "mediate")  # a mediation is always news to us


def test_a_directed_act_on_a_thing_is_done_to_its_owner(extract):
    welcomed = find(extract("Germany welcomed Brazil's latest proposal.", "en"), "SUPPORT")
    assert _countries(welcomed.recipients) == {"BRA"}
    rejected = find(extract("Pakistan rejected a fresh offer from India.", "en"), "REJECT")
    assert _countries(rejected.recipients) == {"IND"}


def test_places_joined_to_a_place_are_places(extract):
    rally = find(extract("Thousands rallied in Haifa and Jerusalem on Sunday.", "en"), "PROTEST")
    assert not rally.actors and not any(m.kind != "place" for m in rally.recipients)


def test_what_a_speaker_says_someone_must_do_is_a_demand(extract):
    before = extract("Egypt said on Monday that Ethiopia must stop filling the dam.", "en")
    demand = find(before, "REQUEST")
    assert _countries(demand.actors) == {"EGY"} and _countries(demand.recipients) == {"ETH"}
    after = find(extract("Serbia must recognise Kosovo, the German chancellor said.", "en"),
                 "REQUEST")
    assert _countries(after.actors) == {"DEU"} and _countries(after.recipients) == {"SRB"}
    assert not extract("The treaty must be ratified by parliament.", "en")  # nobody demands


def test_agreeing_said_not_to_happen_is_a_rejection(extract):
    refused = find(extract("Kenya would not accept the proposal from Somalia.", "en"), "REJECT")
    assert not refused.negated and _countries(refused.actors) == {"KEN"}
    intention = find(extract("Iran said it would not negotiate with Washington.", "en"),
                     "REJECT")
    assert _countries(intention.recipients) == {"USA"}
    denied = extract("Hamas denied reaching a deal with Fatah.", "en")
    assert find(denied, "AGREE").negated  # a denial rejects nothing


def test_one_unknown_modifier_may_stand_between_owner_and_role(extract):
    attack = find(extract("Malian separatist militants attacked an army post.", "en"),
                  "ASSAULT")
    assert attack.actors[0].entity.sector == "REB"
    speaker = find(extract("The Red Cross said US and British forces must protect civilians.",
                           "en"), "REQUEST")
    assert _countries(speaker.recipients) == {"USA", "GBR"}


def test_an_announced_hostile_action_is_a_threat(extract):
    curfew = find(extract("Niger will impose a curfew on the capital.", "en"), "THREATEN")
    assert curfew.cameo.startswith("13")
    lifted = find(extract("Canada agreed to lift the embargo on Cuba.", "en"), "AGREE")
    assert lifted.cameo.startswith("03")  # agreeing to ease is an intention, not a threat


def test_a_noun_restating_the_verb_before_it_is_the_same_event(extract):
    events = extract("Syrian jets killed ten fighters in an air raid on Idlib.", "en")
    assert [e.event for e in events] == ["ASSAULT"]


def test_more_news_verbs_with_their_objects(extract):
    cases = {
        "Jordan reopened its borders to Syrian trucks.": "RETREAT",
        "The IAEA dispatched inspectors to Iran.": "ACCUSE",
        "Britain mobilized army reservists on Tuesday.": "MOBILIZE",
        "Palestinian youths threw stones at Israeli soldiers.": "PROTEST",
    }
    for text, event_type in cases.items():
        assert find(extract(text, "en"), event_type), text


def test_peoples_named_by_state_or_ethnicity(extract):
    serbs = find(extract("Bosnian Serbs rejected the plan.", "en"), "REJECT")
    assert _countries(serbs.actors) == {"BIH"}
    kurds = find(extract("Syrian Kurds protested in Qamishli.", "en"), "PROTEST")
    assert _countries(kurds.actors) == {"SYR"}
    ethnic = find(extract("Ethnic Russians in eastern Estonia protested.", "en"), "PROTEST")
    assert _countries(ethnic.actors) == {"EST"}  # not Russia


def test_a_target_named_by_its_place_and_a_subject_owned_by_an_adjective(extract):
    drones = find(extract("Russia launched drones at Kyiv overnight, Ukrainian officials said.",
                          "en"), "ASSAULT")
    assert _countries(drones.recipients) == {"UKR"} and drones.recipients[0].span.text == "Kyiv"
    strikes = find(extract("Israeli strikes killed 30 people in Gaza.", "en"), "ASSAULT")
    assert _countries(strikes.actors) == {"ISR"} and _countries(strikes.recipients) == {"PSE"}


def test_a_domestic_protest_aimed_at_no_one_named_targets_its_own_state(extract):
    strike = find(extract("Chilean teachers went on strike on Monday.", "en"), "PROTEST")
    assert strike.recipients[0].entity.id == "CHL" and strike.recipients[0].kind == "implied"
    aimed = find(extract("Kenyan protesters rallied against France.", "en"), "PROTEST")
    assert _countries(aimed.recipients) == {"FRA"}


def test_sides_owned_by_coordinated_adjectives_and_no_subject_after_of(extract):
    agreed = find(extract("The Armenian and Azerbaijani sides of the border commission agreed "
                          "to exchange maps.", "en"), "AGREE")
    assert _countries(agreed.actors) == {"ARM", "AZE"}
