"""Actor lists: which names a comma or an "and" joins into one list of actors or recipients,
and where a list ends. Sentences are our own writing."""

from __future__ import annotations

from conftest import find


def names(mentions):
    return [m.entity.country or m.entity.id for m in mentions]


def test_an_attribution_after_a_comma_is_not_another_party(extract):
    events = extract("Turkey offered to mediate between Russia and Ukraine, Foreign Minister "
                     "Hakan Fidan said.", "en")
    assert names(find(events, "AGREE").recipients) == ["RUS", "UKR"]


def test_a_collective_followed_by_its_attribution_stays_alone(extract):
    events = extract("Brazil wants to mediate between the sides, a senior diplomat said. "
                     "Peru and Ecuador have clashed along their border since March.", "en")
    mediation = next(e for e in events if e.mode == "mediate")
    assert "diplomat" not in " ".join(m.span.text for m in mediation.recipients)


def test_names_joined_by_commas_are_a_list_once_an_and_closes_it(extract):
    events = extract("Egypt, Jordan and Qatar condemned the Israeli raid on Jenin.", "en")
    assert names(find(events, "ACCUSE").actors) == ["EGY", "JOR", "QAT"]


def test_a_list_closed_by_others_unnamed_keeps_its_named_members(extract):
    events = extract("The truce was guaranteed by Chile, Mexico, Brazil and other countries.",
                     "en")
    assert {"CHL", "MEX", "BRA"} <= {c for e in events for c in names(e.actors)}


def test_an_arabic_list_with_a_comma_before_its_last_member_is_one_list(extract):
    events = extract("دانت مصر والأردن، وقطر الغارة الإسرائيلية على جنين.", "ar")
    assert names(find(events, "ACCUSE").actors) == ["EGY", "JOR", "QAT"]
