"""The lexicon is data: loaded once, validated line by line, inflected by rule."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from mediation_graph.errors import LexiconError
from mediation_graph.extract.mentions import find_mentions
from mediation_graph.lexicon import load_lexicon
from mediation_graph.lexicon.actors import arabic_adjective_forms
from mediation_graph.lexicon.tables import Row
from mediation_graph.lexicon.triggers import arabic_verb_forms, english_verb_forms, trigger_forms
from mediation_graph.paths import ontology_dir
from mediation_graph.text.segment import sentences


def test_the_shipped_lexicon_loads_and_is_broad():
    lexicon = load_lexicon()
    states = [e for e in lexicon.actors.entities.values() if e.type == "state"]
    assert len(states) >= 195
    assert lexicon.actors.entities["TUR"].wikidata == "Q43"
    assert lexicon.triggers["ar"].size > 300 and lexicon.triggers["en"].size > 300


def test_every_state_is_named_in_both_languages():
    lexicon = load_lexicon()
    for entity in lexicon.actors.entities.values():
        if entity.type == "state":
            assert entity.label_ar and entity.label_en, entity.id


@pytest.mark.parametrize(("text", "entity_id"), [
    ("والولايات المتحدة", "USA"), ("بالقاهرة", "EGY"), ("the U.S.", "USA"),
    ("Türkiye", "TUR"), ("Turkiye", "TUR"), ("الإسرائيلية", "ISR"), ("Israeli", "ISR"),
])
def test_names_match_through_clitics_spelling_and_adjectives(text, entity_id):
    lexicon = load_lexicon()
    tokens = sentences(text)[0].tokens
    match = lexicon.actors.index.find_all(tokens)[0]
    assert entity_id in {getattr(v, "entity", None) and v.entity.id for v in match.values}


def test_arabic_verbs_are_conjugated_from_past_and_present():
    past = arabic_verb_forms("اجتمع", present=False)
    present = arabic_verb_forms("يجتمع", present=True)
    assert {"اجتمعت", "اجتمعوا"} <= set(past)
    assert {"تجتمع", "يجتمعون", "نجتمع"} <= set(present)


def test_english_verbs_are_inflected():
    assert english_verb_forms("mediate") == ["mediate", "mediates", "mediated", "mediating"]
    assert english_verb_forms("hold talks")[1] == "holds talks"  # the first word inflects
    assert "stopped" in english_verb_forms("stop")


def test_a_verb_and_object_line_gives_every_pair_with_or_without_a_determiner():
    row = Row({"forms": "sign|ratify + treaty|accord"})
    row.where = "triggers_en.tsv:1"
    forms = trigger_forms(row)
    assert {"sign treaty", "sign the treaty", "ratify an accord", "sign their accord"} <= set(
        forms)
    assert "signed the treaty" in english_verb_forms("sign the treaty")


def test_english_plural_demonyms_name_the_people():
    lexicon = load_lexicon()
    kinds = {v.kind for m in lexicon.actors.index.find_all(sentences("Palestinians")[0].tokens)
             for v in m.values}
    assert kinds == {"people"}


def test_arabic_adjectives_agree_in_every_word():
    assert "كوريه جنوبيه" in arabic_adjective_forms("كوري جنوبي")  # ة is written as ه


@pytest.fixture
def lexicon_copy(tmp_path: Path) -> Path:
    shutil.copytree(ontology_dir() / "lexicon", tmp_path / "lexicon")
    return tmp_path


def _append(path: Path, line: str) -> None:
    with path.open("a", encoding="utf-8") as handle:
        handle.write("\n" + line + "\n")


@pytest.mark.parametrize(("file", "line", "message"), [
    ("triggers_en.tsv", "meet\tverb\tMEETING\t\t040\t\t\tyes", "PLOVER type"),
    ("triggers_ar.tsv", "اجتمع\tverb\tCONSULT\t\tabc\t\t\tno", "cameo must be"),
    ("organizations.tsv", "BAD ID\tX\torganization\t\t\t\t\tX\t", "id must be"),
    ("persons.tsv", "SOMEONE\tSomeone\tXXX\tGOV\t\tSomeone\t", "country 'XXX'"),
    ("metonyms.tsv", "NOWHERE\tNowhere\t", "unknown actor"),
])
def test_a_bad_entry_is_reported_with_file_and_line(lexicon_copy, file, line, message):
    path = lexicon_copy / "lexicon" / file
    _append(path, line)
    last_line = len(path.read_text(encoding="utf-8").splitlines())
    with pytest.raises(LexiconError, match=rf"{file}:{last_line}: .*{message}"):
        load_lexicon(lexicon_copy)


def test_a_user_adds_an_actor_without_touching_code(lexicon_copy):
    _append(lexicon_copy / "lexicon" / "organizations.tsv",
            "NEWGROUP\tNew Front\tarmed_group\tSDN\tREB\t\t\tNew Front\tالجبهة الجديدة")
    lexicon = load_lexicon(lexicon_copy)
    assert lexicon.actors.entities["NEWGROUP"].country == "SDN"


# Names the news really uses for two actors; every other name must point to one actor only,
# so that a row added for a new actor cannot silently take over an existing actor's name.
TRULY_AMBIGUOUS: set[tuple[str, ...]] = set()


def test_no_name_names_two_actors_unless_listed_as_ambiguous():
    shared = load_lexicon().actors.shared_names()
    assert set(shared) <= TRULY_AMBIGUOUS, {keys: sorted(ids) for keys, ids in shared.items()
                                            if keys not in TRULY_AMBIGUOUS}


def test_a_shared_name_is_found_by_the_check(lexicon_copy):
    _append(lexicon_copy / "lexicon" / "persons.tsv",
            "HAKAN_OTHER\tHakan Other\tTUR\tGOV\tminister\tHakan Fidan\t")
    shared = load_lexicon(lexicon_copy).actors.shared_names()
    assert shared == {("hakan", "fidan"): {"HAKAN_FIDAN", "HAKAN_OTHER"}}


@pytest.mark.parametrize("text", ["الألمانية", "والألماني", "ألمانيا", "بألمانيا", "المانيا"])
def test_a_name_that_opens_with_hamza_alef_lam_also_matches_after_the_article(text):
    tokens = sentences(text)[0].tokens
    match = load_lexicon().actors.index.find_all(tokens)[0]
    assert (match.start, match.end) == (0, 1)
    assert "DEU" in {v.entity.id for v in match.values}


def _whole_match_ids(text: str) -> set[str]:
    """The actors a text names when the lexicon matches all of it as one phrase."""
    tokens = sentences(text)[0].tokens
    matches = load_lexicon().actors.index.find_all(tokens)
    assert [(m.start, m.end) for m in matches] == [(0, len(tokens))], text
    return {v.entity.id for v in matches[0].values if hasattr(v, "entity")}


@pytest.mark.parametrize(("text", "entity_id"), [
    ("Capitol Hill", "USA_CONGRESS"), ("Langley", "USA_CIA"),  # a seat for a named body
    ("قصر الشعب", "SYR"), ("السراي الحكومي", "LBN"), ("Quai d'Orsay", "FRA"),
    ("عين التينة", "NABIH_BERRI"),  # a residence for its holder
])
def test_a_seat_of_power_stands_for_its_government_or_body(text, entity_id):
    assert _whole_match_ids(text) == {entity_id}


@pytest.mark.parametrize(("text", "entity_id"), [
    ("Jordan Valley", "JORDAN_VALLEY"), ("أرض الصومال", "SOMALILAND"),
    ("Trump Route for International Peace and Prosperity", "ZANGEZUR"),
    ("مدينة غزة", "GAZA_CITY"), ("شمال كردفان", "NORTH_KORDOFAN"),
])
def test_a_longer_name_keeps_the_state_or_person_inside_it_from_matching(text, entity_id):
    assert _whole_match_ids(text) == {entity_id}


@pytest.mark.parametrize(("text", "entity_id"), [
    ("محسني إجئي", "MOHSENI_EJEI"), ("محسني إيجئي", "MOHSENI_EJEI"),  # Persian spellings
    ("Szijjarto", "PETER_SZIJJARTO"), ("Szijjártó", "PETER_SZIJJARTO"),  # with or without marks
    ("عبدالله أوجلان", "ABDULLAH_OCALAN"), ("وأوجلان", "ABDULLAH_OCALAN"),
    ("بن بريك", "SALEM_BIN_BREIK"), ("الملا برادر", "ABDUL_GHANI_BARADAR"),
    ("الجيش العربي السوري", "SYR_ARMY"), ("FAMa", "MLI_FAMA"), ("ATMIS", "AUSSOM"),
    ("شبكة أطباء السودان", "SDN_DOCTORS_NETWORK"), ("نادي الأسير", "PSE_PRISONERS_SOCIETY"),
])
def test_new_actors_match_in_the_spellings_news_uses(text, entity_id):
    assert _whole_match_ids(text) == {entity_id}


def test_an_army_with_a_row_is_named_as_its_role_would_name_it():
    """"Egyptian forces" resolves to the listed body, under the name the role gave it before."""
    actors = load_lexicon().actors
    army = actors.roles["army"]
    assert actors.role_entity(army, actors.entities["EGY"]).name == "Egyptian army"
    assert actors.role_entity(army, actors.entities["EGY"]).id == "EGY_ARMY"


@pytest.mark.parametrize("word", ["صور", "الخيام", "الجنينة", "الأبيض", "تدمر", "المغازي"])
def test_place_names_that_are_everyday_words_match_only_with_their_noun(word):
    tokens = sentences(word)[0].tokens
    assert not load_lexicon().actors.index.find_all(tokens)


@pytest.mark.parametrize(("text", "name"), [
    ("An Iraqi lawmaker said", "Iraqi lawmaker"),  # one member: a person of the owner's state
    ("Iraqi lawmakers voted", "Iraqi parliament"),  # the plural is the parliament itself
    ("قال عضو الكنيست الإسرائيلي", "Israeli lawmaker"),
])
def test_a_single_lawmaker_is_a_person_and_lawmakers_are_the_parliament(text, name):
    language = "ar" if text[0] > "z" else "en"
    mentions = find_mentions(sentences(text)[0], load_lexicon(), language)
    assert name in {m.entity.name for m in mentions}
