"""A headline names offices, the story below names the people who hold them. Sentences are our
own writing."""

from __future__ import annotations

from conftest import find


def test_a_headline_office_is_the_holder_the_story_names_below(extract):
    events = extract("Egypt's foreign minister meets Sudanese envoy in Cairo\n\n"
                     "Egyptian Foreign Minister Badr Abdelatty said on Monday that talks on "
                     "the war in Sudan would resume.", "en")
    meeting = find(events, "CONSULT")
    assert [m.entity.name for m in meeting.actors] == ["Badr Abdelatty"]


def test_an_arabic_headline_office_is_the_holder_named_below(extract):
    events = extract("وزير الخارجية السعودي يلتقي نظيره الإيراني في الرياض\n\n"
                     "استقبل وزير الخارجية السعودي الأمير فيصل بن فرحان في الرياض نظيره "
                     "الإيراني عباس عراقجي.", "ar")
    names = {m.entity.name for e in events for m in e.actors}
    assert "Faisal bin Farhan" in names and not any("minister" in n for n in names)


def test_an_office_whose_holder_the_story_never_names_stays_the_office(extract):
    events = extract("Jordan's foreign minister meets Syrian counterpart in Amman.", "en")
    meeting = find(events, "CONSULT")
    assert [m.entity.country for m in meeting.actors] == ["JOR"]
    assert meeting.actors[0].kind == "role"
