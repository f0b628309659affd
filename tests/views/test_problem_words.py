"""Every refusal code the domain and the services raise has words, in both languages."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum

import pytest
from PySide6.QtWidgets import QApplication

from kiosk.domain.idnumber import parse_id_number
from kiosk.domain.problems import Reason, Refused
from kiosk.domain.routing import RoutingWhy
from kiosk.views.i18n import Translations
from kiosk.views.problems import CODES, reason_text, reasons_text, words

#: A value for every name a text may hold: levels as the domain gives them.
SAMPLE = {
    "limit_yuan": "1,000,000,000",
    "count": "17",
    "position": "3",
    "required": "township",
    "highest": "village",
    "office": "冠山街道纪工委",
    "limit": "10",
    "digits": "11",
    "minutes": "15",
}


@contextmanager
def language(qapp: QApplication, translations: Translations, code: str) -> Iterator[None]:
    """The UI in ``code`` for the block, English again after (the fixture starts Chinese)."""
    assert translations.set_language(code)
    try:
        yield
    finally:
        translations.set_language("en")


def all_codes() -> list[StrEnum]:
    return [code for enum in CODES for code in enum]


def test_every_code_has_words_in_both_languages(
    qapp: QApplication, translations: Translations
) -> None:
    """Each code is worded in English and in Chinese, differently, with its values filled."""
    translations.set_language("en")
    english = {code: reason_text(Reason.of(code, **SAMPLE)) for code in all_codes()}
    with language(qapp, translations, "zh_CN"):
        chinese = {code: reason_text(Reason.of(code, **SAMPLE)) for code in all_codes()}
    for code in all_codes():
        assert english[code] and chinese[code], code
        assert english[code] != chinese[code], f"{code} is not translated"
        assert "{" not in english[code] + chinese[code], code
        assert any("\u4e00" <= char <= "\u9fff" for char in chinese[code]), code


def test_no_words_for_codes_nobody_raises() -> None:
    """The catalogue words the codes of CODES and nothing else."""
    assert set(words()) == set(all_codes())


def test_length_words_count_what_was_typed(qapp: QApplication, translations: Translations) -> None:
    """The ID number's length refusal tells the resident how many characters they typed."""
    translations.set_language("en")
    with pytest.raises(Refused) as caught:
        parse_id_number("11010519491231002")
    assert reason_text(caught.value.reason) == "An ID number has 18 characters; you entered 17"
    with language(qapp, translations, "zh_CN"):
        assert reason_text(caught.value.reason) == "身份证号码应为18位，您输入了17位"


def test_routing_reasons_read_as_one_paragraph(
    qapp: QApplication, translations: Translations
) -> None:
    """Levels are worded in the language shown; Chinese runs on, English spaces."""
    translations.set_language("en")
    reasons = (
        Reason.of(RoutingWhy.ONE_LEVEL_UP, highest="village", required="township"),
        Reason.of(RoutingWhy.OFFICE, office="冠山街道纪工委"),
    )
    assert reasons_text(reasons) == (
        "The highest post of those named is at village level, so the complaint goes one "
        "level up, to the township office. Receiving office: 冠山街道纪工委."
    )
    with language(qapp, translations, "zh_CN"):
        assert reasons_text(reasons) == (
            "被反映对象最高在村级任职，按规定送上一级，即乡镇（街道）级纪检监察机关。"
            "受理机关：冠山街道纪工委。"
        )
