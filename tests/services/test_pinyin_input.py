"""Pinyin to candidates: full syllables, abbreviations, breaks, ü, and the order offered."""

from __future__ import annotations

import pytest

from kiosk.services.pinyin_input import (
    Entry,
    PinyinDictionary,
    build_dictionary,
    default_dictionary,
    normalise,
    toneless,
)


@pytest.fixture(scope="module")
def dictionary() -> PinyinDictionary:
    """The real dictionary from pypinyin's data (built once for this module)."""
    return default_dictionary()


def texts(dictionary: PinyinDictionary, typed: str) -> list[str]:
    return [c.text for c in dictionary.candidates(typed)]


def test_a_common_character_comes_early(dictionary: PinyinDictionary) -> None:
    """ "xiao" offers 小 among its first three characters."""
    assert "小" in texts(dictionary, "xiao")[:3]


def test_two_syllables_offer_the_word_first(dictionary: PinyinDictionary) -> None:
    """ "xiaoe" offers 小额 first, standing for all five letters."""
    first = dictionary.candidates("xiaoe")[0]
    assert (first.text, first.consumed) == ("小额", 5)


@pytest.mark.parametrize("typed", ["xiao e", "xiao'e", "XIAOE"])
def test_breaks_and_capitals_are_understood(dictionary: PinyinDictionary, typed: str) -> None:
    """A space or an apostrophe between syllables, or capital letters, change nothing."""
    assert texts(dictionary, typed)[0] == "小额"


def test_a_loan_word(dictionary: PinyinDictionary) -> None:
    """ "daikuan" offers 贷款 first."""
    assert texts(dictionary, "daikuan")[0] == "贷款"


def test_initials_only(dictionary: PinyinDictionary) -> None:
    """The initials "xedk" alone find 小额贷款, and "dib" (an unfinished syllable) 低保."""
    assert texts(dictionary, "xedk")[0] == "小额贷款"
    assert "低保" in texts(dictionary, "dib")[:5]


def test_choosing_one_character_leaves_the_rest(dictionary: PinyinDictionary) -> None:
    """Choosing 贷 for "dai" of "daikuan" consumes three letters; "kuan" then offers 款."""
    dai = next(c for c in dictionary.candidates("daikuan") if c.text == "贷")
    assert dai.consumed == 3
    assert "款" in texts(dictionary, "daikuan"[dai.consumed :])[:3]


def test_u_with_umlaut_is_typed_v(dictionary: PinyinDictionary) -> None:
    """ "lv" offers 绿 early (ü is typed v)."""
    assert "绿" in texts(dictionary, "lv")[:5]


def test_a_rare_name_character_can_be_reached(dictionary: PinyinDictionary) -> None:
    """Rare characters (䶮, in some names) are offered too, after the common ones."""
    found = texts(dictionary, "yan")
    assert "䶮" in found
    assert found.index("䶮") > found.index("言")


def test_letters_that_begin_no_syllable(dictionary: PinyinDictionary) -> None:
    """ "i" stands for nothing; "xiaoi" still offers 小 for its first four letters."""
    assert dictionary.candidates("i") == ()
    small = next(c for c in dictionary.candidates("xiaoi") if c.text == "小")
    assert small.consumed == 4


def test_the_most_likely_split(dictionary: PinyinDictionary) -> None:
    """ "xian" stays one syllable; "xiaoedk" splits into whole syllables then initials."""
    assert dictionary.segments("xian") == ("xian",)
    assert dictionary.segments("xiaoedk") == ("xiao", "e", "d", "k")
    assert dictionary.segments("xi'an") == ("xi", "an")


def test_every_candidate_is_offered_once(dictionary: PinyinDictionary) -> None:
    """A character with several readings, or a word in two lists, is offered only once."""
    found = texts(dictionary, "x")
    assert len(found) == len(set(found))


def test_readings_lose_their_tone_marks() -> None:
    """Tone marks go, ü becomes v, and typed text keeps only letters and breaks."""
    assert toneless("lǜ") == "lv"
    assert toneless("xiǎo") == "xiao"
    assert normalise("Xiao'E 1,") == "xiao'e "


def test_order_common_before_rare_and_whole_before_short() -> None:
    """In a hand-made dictionary: the vocabulary word first, then the common character of
    the whole syllable, then the common one it abbreviates, and the rare one last."""
    readings = {
        ord("大"): "dà",
        ord("达"): "dá",
        ord("带"): "dài",
        ord("鎝"): "dā",
        ord("款"): "kuǎn",
    }
    dictionary = build_dictionary(readings, {}, [("大款", ("da", "kuan"))])
    assert [c.text for c in dictionary.candidates("da")] == ["大", "达", "带", "鎝"]
    assert [c.text for c in dictionary.candidates("dak")] == ["大款", "大", "达", "带", "鎝"]


def test_a_dictionary_from_entries() -> None:
    """The dictionary can be made from entries directly, and offers them by rank."""
    dictionary = PinyinDictionary(
        [Entry("甲", ("jia",), 2), Entry("家", ("jia",), 1)], [Entry("家家", ("jia", "jia"), 0)]
    )
    assert [c.text for c in dictionary.candidates("jiajia")][:1] == ["家家"]
    assert [c.text for c in dictionary.candidates("jia")] == ["家", "甲"]
