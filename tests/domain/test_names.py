"""Pinyin initials of names, with surnames read as surnames."""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.domain.names import (
    COMPOUND_SURNAMES,
    SURNAME_READINGS,
    masked_name,
    name_initials,
    normalize_initials,
)


def test_importing_names_does_not_import_pypinyin() -> None:
    """pypinyin is slow to import, so the module must load it only when it is used."""
    code = "import kiosk.domain.names, sys; assert 'pypinyin' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)


@pytest.mark.parametrize(
    ("name", "initials"),
    [
        ("杨正刚", "YZG"),
        ("王芳", "WF"),
        ("张小龙", "ZXL"),
        ("龙", "L"),
        ("吴", "W"),
    ],
)
def test_plain_names(name: str, initials: str) -> None:
    """Ordinary names give one upper-case letter per character."""
    assert name_initials(name) == initials


@pytest.mark.parametrize(
    ("name", "initials"),
    [
        ("单雄信", "SXX"),
        ("曾国藩", "ZGF"),
        ("解缙", "XJ"),
        ("仇英", "QY"),
        ("区家麟", "OJL"),
        ("朴槿惠", "PJH"),
        ("查良镛", "ZLY"),
        ("乐毅", "YY"),
        ("翟天临", "ZTL"),
        ("覃振宇", "QZY"),
        ("繁钦", "PQ"),
        ("秘书", "BS"),
        ("种师道", "CSD"),
        ("召忽", "SH"),
        ("重耳", "CE"),
        ("长沮", "CJ"),
        ("句践", "GJ"),
        ("藏天朔", "ZTS"),
        ("折克行", "SKX"),
        ("隗嚣", "WX"),
        ("阚泽", "KZ"),
        ("單雄信", "SXX"),
    ],
)
def test_polyphonic_surnames_use_surname_reading(name: str, initials: str) -> None:
    """A surname that pypinyin would read the everyday way gets its surname reading."""
    assert name_initials(name) == initials


@pytest.mark.parametrize(
    ("name", "initials"),
    [
        ("欧阳修", "OYX"),
        ("万俟卨", "MQX"),
        ("尉迟恭", "YCG"),
        ("单于夜", "CYY"),
        ("长孙无忌", "ZSWJ"),
        ("诸葛亮", "ZGL"),
        ("司马迁", "SMQ"),
        ("上官婉儿", "SGWE"),
        ("子车针虎", "ZJZH"),
        ("欧阳 修", "OYX"),
    ],
)
def test_compound_surnames(name: str, initials: str) -> None:
    """Two-character surnames are read as a unit, with their own reading."""
    assert name_initials(name) == initials


def test_compound_needs_a_given_name() -> None:
    """A two-character name is surname plus given name, never a compound surname alone."""
    assert name_initials("单于") == "SY"
    assert name_initials("长孙") == "CS"


def test_surname_reading_applies_only_to_the_surname() -> None:
    """The same character inside a given name keeps its ordinary reading."""
    assert name_initials("单单") == "SD"
    assert name_initials("王曾") == "WC"
    assert name_initials("曾曾") == "ZC"


def test_given_name_is_not_read_across_the_surname() -> None:
    """A phrase spanning surname and given name does not change the surname's reading."""
    # 银行 is a phrase (yin hang); as a name, 银 is the surname and 行 reads xing.
    assert name_initials("银行") == "YX"


@pytest.mark.parametrize(
    ("name", "initials"),
    [
        ("阿依古丽·买买提", "AYGLMMT"),
        ("阿依古丽•买买提", "AYGLMMT"),
        ("阿依古丽・买买提", "AYGLMMT"),
        ("阿依古丽 买买提", "AYGLMMT"),
        ("单·买买提", "DMMT"),
    ],
)
def test_minority_names(name: str, initials: str) -> None:
    """Separators are ignored; a dotted transliterated name has no Han surname to re-read."""
    assert name_initials(name) == initials


@pytest.mark.parametrize(
    ("name", "initials"),
    [
        ("李A", "LA"),
        ("张b", "ZB"),
        ("Mary张", "MZ"),
        ("ＡＢ王", "AW"),
        ("Émile·左拉", "EZL"),
        ("Øst王", "W"),
    ],
)
def test_latin_letters(name: str, initials: str) -> None:
    """Latin letters give their upper-case letter, one per word; accents and Ø are dropped."""
    assert name_initials(name) == initials


@pytest.mark.parametrize(
    ("name", "initials"),
    [
        ("王𠮷", "W"),
        ("𠮷野家", "YJ"),
        ("𠮷", ""),
        ("䶮", "Y"),
        ("刘䶮", "LY"),
        ("张𪚥", "ZZ"),
    ],
)
def test_rare_characters(name: str, initials: str) -> None:
    """Rare characters pypinyin knows are read; one it has no reading for is skipped."""
    assert name_initials(name) == initials


@pytest.mark.parametrize("name", ["", "   ", "·", "123"])
def test_nothing_to_read(name: str) -> None:
    """A name with nothing readable gives empty initials instead of failing."""
    assert name_initials(name) == ""


def test_initials_are_upper_case_ascii_letters() -> None:
    """Every surname in the tables gives only A-Z letters."""
    for surname in [*COMPOUND_SURNAMES, *SURNAME_READINGS]:
        result = name_initials(surname + "明")
        assert result.isascii()
        assert result.isalpha()
        assert result.isupper()


def test_compound_readings_are_one_syllable_per_character() -> None:
    """Each compound surname's reading has exactly one syllable per character."""
    for surname, reading in COMPOUND_SURNAMES.items():
        assert len(reading.split()) == len(surname) == 2, surname


@pytest.mark.parametrize(
    ("typed", "normal"),
    [("yzg", "YZG"), (" y z g ", "YZG"), ("ＹＺＧ", "YZG"), ("", ""), ("Oyx\t", "OYX")],
)
def test_normalize_initials(typed: str, normal: str) -> None:
    """What a resident types is compared in upper case without spaces."""
    assert normalize_initials(typed) == normal


def test_stored_and_typed_initials_meet() -> None:
    """Initials stored at write time match what a resident types in lower case."""
    assert normalize_initials("s x x") == name_initials("单雄信")


@settings(deadline=None)  # the first example pays for importing pypinyin
@given(st.text(alphabet=st.characters(min_codepoint=0x3400, max_codepoint=0x9FFF), max_size=6))
def test_any_han_text_gives_at_most_one_letter_per_character(name: str) -> None:
    """Whatever the characters, the result is upper-case A-Z, never longer than the name."""
    result = name_initials(name)
    assert len(result) <= len(name)
    assert all("A" <= letter <= "Z" for letter in result)


@pytest.mark.parametrize("name", ["\u200b单雄信", "单雄信\u200d", "单\u00ad雄信"])
def test_invisible_characters_are_ignored(name: str) -> None:
    """Zero-width and soft-hyphen characters pasted with a name change nothing."""
    assert name_initials(name) == "SXX"


@pytest.mark.parametrize(
    ("name", "masked"),
    [
        ("杨正刚", "杨**"),
        ("王芳", "王*"),
        ("欧阳娜娜", "欧阳**"),
        ("单于", "单*"),  # a two-character name is surname and given name, not a compound
        ("买买提·艾力", "买买提·**"),
        ("Li Wei", "Li ***"),
        ("", ""),
    ],
)
def test_masked_name_keeps_the_surname_only(name: str, masked: str) -> None:
    """A name on a public screen shows the surname and one star per other character."""
    assert masked_name(name) == masked


@given(st.text(alphabet="杨正刚欧阳娜单于王", min_size=2, max_size=6))
def test_masked_name_never_shows_the_given_name(name: str) -> None:
    """Whatever the name, at most its surname's characters are shown."""
    masked = masked_name(name)
    assert len(masked) == len(name)
    shown = masked.rstrip("*")
    assert shown == name[: len(shown)] and len(shown) <= 2
