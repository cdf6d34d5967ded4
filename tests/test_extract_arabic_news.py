"""Arabic news as wire services write it: owner-less actor nouns (protesters, gunmen, police),
victims, pro-drop subjects and coordinated verbs. Sentences are our own writing."""

from __future__ import annotations

from conftest import find


def test_an_ownerless_group_acts_even_when_a_later_role_follows(extract):
    events = extract("تجمع متظاهرون أمام البرلمان، ثم ألقوا الحجارة على قوات الشرطة.", "ar")
    protest = find(events, "PROTEST")
    assert [m.span.text for m in protest.actors] == ["متظاهرون"]
