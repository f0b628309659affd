"""Reading single cells: dates, coded values in English and Chinese, money, codes."""

from __future__ import annotations

from datetime import date

import pytest

from kiosk.domain.models import (
    Channel,
    Health,
    LabourCapacity,
    PovertyCause,
    PovertyStatus,
    Programme,
    RegionLevel,
    Relation,
    Sex,
)
from kiosk.services.importer import labels, values
from kiosk.services.importer.problems import CellError
from kiosk.services.importer.schemas import SPECS, Kind, header_key


@pytest.mark.parametrize(
    "text",
    [
        "2014-07-03",
        "2014/7/3",
        "20140703",
        "2014.7.3",
        "2014年7月3日",
        " 2014/07/03 ",
        "2014/7/3 0:00",
    ],
)
def test_date_forms(text: str) -> None:
    """Dates as clerks and Excel write them all mean the same day."""
    assert values.parse_date(text) == date(2014, 7, 3)


@pytest.mark.parametrize("text", ["2014-02-30", "3/7/2014", "2014-7", "July 3", "201473"])
def test_bad_dates(text: str) -> None:
    """Impossible or ambiguous dates are refused rather than guessed."""
    with pytest.raises(CellError):
        values.parse_date(text)


def test_future_date_refused_when_bounded() -> None:
    """A payment or birth date after today is refused."""
    with pytest.raises(CellError) as caught:
        values.parse_date("2030-01-01", not_after=date(2024, 6, 1))
    assert "today" in caught.value.reason_en


@pytest.mark.parametrize(
    ("text", "choices", "expected"),
    [
        ("户主", labels.RELATION, Relation.HEAD),
        ("配偶", labels.RELATION, Relation.SPOUSE),
        ("长子", labels.RELATION, Relation.SON),
        ("次女", labels.RELATION, Relation.DAUGHTER),
        ("儿媳", labels.RELATION, Relation.DAUGHTER_IN_LAW),
        ("孙女", labels.RELATION, Relation.GRANDDAUGHTER),
        ("head", labels.RELATION, Relation.HEAD),
        ("男", labels.SEX, Sex.MALE),
        ("女", labels.SEX, Sex.FEMALE),
        ("Female", labels.SEX, Sex.FEMALE),
        ("未脱贫", labels.POVERTY_STATUS, PovertyStatus.POOR),
        ("已脱贫", labels.POVERTY_STATUS, PovertyStatus.LIFTED),
        ("监测户", labels.POVERTY_STATUS, PovertyStatus.MONITORED),
        ("一卡通", labels.CHANNEL, Channel.ONE_CARD),
        ("现金", labels.CHANNEL, Channel.CASH),
        ("灾害救助", labels.PROGRAMME, Programme.DISASTER_RELIEF),
        ("低保", labels.PROGRAMME, Programme.SUBSISTENCE_ALLOWANCE),
        ("弱劳动力或半劳动力", labels.LABOUR_CAPACITY, LabourCapacity.WEAK),
        ("长期慢性病", labels.HEALTH, Health.CHRONIC),
        ("市（州）", labels.REGION_LEVEL, RegionLevel.PREFECTURE),
        ("乡镇", labels.REGION_LEVEL, RegionLevel.TOWNSHIP),
    ],
)
def test_labels(text: str, choices: labels.Choices[labels.E], expected: object) -> None:
    """Chinese labels, English codes and full-width forms map to the stored codes."""
    assert values.parse_choice(text, choices) is expected


def test_unknown_label_lists_what_is_accepted() -> None:
    """An unknown word is refused with the accepted words in both languages."""
    with pytest.raises(CellError) as caught:
        values.parse_choice("男的", labels.SEX)
    assert "男" in caught.value.reason_zh and "female" in caught.value.reason_en


def test_ambiguous_level_words_are_refused() -> None:
    """市 could be a prefecture or a county-level city, so it is not guessed."""
    with pytest.raises(CellError):
        values.parse_choice("市", labels.REGION_LEVEL)


def test_causes_main_first() -> None:
    """Causes keep their order, the main cause first, with any common separator."""
    assert values.parse_causes("因病；缺资金、lack_of_skills") == [
        PovertyCause.ILLNESS,
        PovertyCause.LACK_OF_CAPITAL,
        PovertyCause.LACK_OF_SKILLS,
    ]


def test_cause_twice_refused() -> None:
    """A cause listed twice is refused: which one would be the main cause?"""
    with pytest.raises(CellError):
        values.parse_causes("因病;因病")


@pytest.mark.parametrize(
    ("text", "fen"), [("8000.00", 800_000), ("1,560.00", 156_000), ("3000", 300_000), ("0.5", 50)]
)
def test_amounts_are_fen(text: str, fen: int) -> None:
    """Amounts written in yuan become integer fen, exactly."""
    assert values.parse_amount(text) == fen


@pytest.mark.parametrize("text", ["0", "0.00", "8000.001", "-8000", "八千", "8,00"])
def test_bad_amounts(text: str) -> None:
    """Zero, negative, over-precise and non-numeric amounts are refused."""
    with pytest.raises(CellError):
        values.parse_amount(text)


def test_scientific_notation_is_named() -> None:
    """A code Excel turned into 5.2273E+11 is refused with the Excel fix in the reason."""
    with pytest.raises(CellError) as caught:
        values.parse_region_code("5.22730E+11")
    assert "Text" in caught.value.reason_en


@pytest.mark.parametrize("text", ["522730", "522730100", "522730100201"])
def test_region_code_lengths(text: str) -> None:
    """County, township and village codes have 6, 9 and 12 digits."""
    assert values.parse_region_code(text) == text


@pytest.mark.parametrize("text", ["52273", "5227301002011", "52273A"])
def test_bad_region_codes(text: str) -> None:
    """Codes of other lengths or with letters are refused."""
    with pytest.raises(CellError):
        values.parse_region_code(text)


@pytest.mark.parametrize("text", ["0854-5600001", "13800000002", "138 0000 0002"])
def test_phones(text: str) -> None:
    """Mobile and landline numbers are accepted as written."""
    assert values.parse_phone(text) == text


@pytest.mark.parametrize("text", ["12345", "call me", "0854-56000011111111111"])
def test_bad_phones(text: str) -> None:
    """Too short, too long or not a number at all."""
    with pytest.raises(CellError):
        values.parse_phone(text)


def test_header_spellings() -> None:
    """English names in any case or spacing, and Chinese labels, name the same column."""
    spec = SPECS[Kind.MEMBERS]
    for spelling in ("id_number", "ID Number", "身份证号", "身份证号码", "*身份证号"):
        column = spec.find(spelling)
        assert column is not None and column.name == "id_number", spelling
    assert header_key("File-Number") == header_key("file_number")
