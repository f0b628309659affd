"""Every word the pages show exists in Chinese and English."""

from __future__ import annotations

import re
from enum import StrEnum
from pathlib import Path

import pytest

import central.inbox
from central.inbox.i18n import Lang, Translator, phrase_keys
from kiosk.domain.models import (
    Channel,
    ComplaintCategory,
    ComplaintStatus,
    Outcome,
    PartyKind,
    Programme,
)

TEMPLATES = Path(central.inbox.__file__).parent / "templates"
KEY = re.compile(r"""\bt\(\s*["']([a-z_]+)["']""")


def test_templates_use_only_known_phrases() -> None:
    """Each t("key") in a template names a phrase that exists, so no page shows a bare key."""
    used = {key for page in TEMPLATES.glob("*.html") for key in KEY.findall(page.read_text())}
    assert len(used) > 50
    assert used - phrase_keys() == set()


@pytest.mark.parametrize(
    "enum", [ComplaintCategory, ComplaintStatus, Outcome, PartyKind, Programme, Channel]
)
def test_every_enum_value_has_words_in_both_languages(enum: type[StrEnum]) -> None:
    """Categories, statuses, outcomes, programmes, ... are shown as words, never as codes."""
    zh, en = Translator(Lang.ZH), Translator(Lang.EN)
    for value in enum:
        assert zh.word(value) != value.value
        assert re.search(r"[\u4e00-\u9fff]", zh.word(value))
        assert en.word(value) != value.value and en.word(value).isascii()
