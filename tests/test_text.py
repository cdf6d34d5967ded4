"""Reading, decoding, sentences and tokens: offsets always index the text as read."""

from __future__ import annotations

import codecs
import json

import pytest

from mediation_graph.errors import InputError
from mediation_graph.text.language import detect_language
from mediation_graph.text.normalize import arabic_key, strip_future, word_keys
from mediation_graph.text.reading import ReadOptions, decode, html_to_text, read_inputs
from mediation_graph.text.segment import sentences

ARABIC = "اجتمع وزير الخارجية المصري، الأحد، مع نظيره القطري (أ.ف.ب). وبحث الجانبان الهدنة."


def test_arabic_comma_and_agency_abbreviation_do_not_end_a_sentence():
    found = [s.text for s in sentences(ARABIC)]
    assert found == ["اجتمع وزير الخارجية المصري، الأحد، مع نظيره القطري (أ.ف.ب).",
                     "وبحث الجانبان الهدنة."]


def test_english_abbreviations_do_not_end_a_sentence():
    text = "The U.S. Dept. of State said Mr. Blinken met Gen. Smith. Talks resume today."
    assert [s.text for s in sentences(text)] == [
        "The U.S. Dept. of State said Mr. Blinken met Gen. Smith.", "Talks resume today."]


def test_every_token_offset_slices_to_its_text():
    text = "  Egypt's FM met\tHamas.\n\nوقال المتحدث إن «الوساطة» مستمرة؟ نعم!"
    for sentence in sentences(text):
        assert text[sentence.start:sentence.end] == sentence.text
        for token in sentence.tokens:
            assert text[token.start:token.end] == token.text


def test_english_possessive_is_its_own_token():
    tokens = sentences("Egypt's mediation")[0].tokens
    assert [t.text for t in tokens] == ["Egypt", "'s", "mediation"]


def test_arabic_keys_fold_spelling_and_strip_proclitics():
    assert arabic_key("إسرائيلَ") == arabic_key("اسرائيل")
    assert arabic_key("الوساطة") == "الوساطه"
    keys = word_keys("والولايات")
    assert keys[0] == "والولايات" and "ولايات" in keys
    assert "تنسيق" in word_keys("بالتنسيق")


def test_capitalised_abbreviations_keep_a_case_mark():
    assert word_keys("US")[0] == "^us"
    assert word_keys("us") == ("us",)


def test_future_prefix_comes_off_only_before_a_present_verb():
    assert strip_future("سيجتمع") == "يجتمع"
    assert strip_future("سلام") is None


def test_language_is_detected_from_the_script():
    assert detect_language(ARABIC) == "ar"
    assert detect_language("Qatar mediated between Hamas and Israel.") == "en"


@pytest.mark.parametrize("encoded", [
    codecs.BOM_UTF8 + ARABIC.encode("utf-8"),
    ARABIC.encode("utf-16"),
    ARABIC.encode("cp1256"),
    ARABIC.encode("utf-8"),
])
def test_encodings_are_detected(encoded):
    assert decode(encoded, "x.txt") == ARABIC


@pytest.mark.parametrize("data", [b"%PDF-1.7\n...", b"\x89PNG\r\n\x1a\n\x00\x00", b"ab\x00cd"])
def test_binary_files_are_refused_by_name(data):
    with pytest.raises(InputError, match=r"x\.bin: binary file"):
        decode(data, "x.bin")


def test_html_loses_tags_scripts_and_keeps_text():
    text = html_to_text("<html><script>alert(1)</script><p>Qatar &amp; Egypt</p><p>met</p>")
    assert text == "Qatar & Egypt\n\nmet"


def test_jsonl_documents_carry_their_fields(tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"id": "a1", "text": "Oman hosted talks.", "date": "2025-04-12",
                                  "title": "Muscat"}) + "\n\n", encoding="utf-8")
    [doc] = list(read_inputs([str(corpus)], ReadOptions()))
    assert (doc.id, doc.date, doc.title, doc.language) == ("a1", "2025-04-12", "Muscat", "en")


def test_a_bad_jsonl_line_is_named_or_skipped(tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text('{"id": "a", "text": "One."}\nnot json\n{"id": "b", "text": "Two."}\n',
                      encoding="utf-8")
    with pytest.raises(InputError, match=r"c.jsonl:2: not a JSON object"):
        list(read_inputs([str(corpus)], ReadOptions()))
    options = ReadOptions(on_error="skip")
    assert [d.id for d in read_inputs([str(corpus)], options)] == ["a", "b"]
    assert len(options.skipped) == 1 and ":2:" in options.skipped[0]


def test_folders_are_walked_and_ids_stay_unique(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "note.txt").write_text("Egypt met Qatar.", encoding="utf-8")
    (tmp_path / "note.md").write_text("Oman met Iran.", encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    ids = sorted(d.id for d in read_inputs([str(tmp_path)], ReadOptions()))
    assert ids == ["note", "note-2"]


def test_empty_and_missing_inputs_are_clear_errors(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(InputError, match=r"empty\.txt: empty file"):
        list(read_inputs([str(empty)], ReadOptions()))
    with pytest.raises(InputError, match=r"nowhere\.txt: no such file"):
        list(read_inputs([str(tmp_path / "nowhere.txt")], ReadOptions()))
