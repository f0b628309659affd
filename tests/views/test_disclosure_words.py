"""The review screen promises what the inbox shows in the same words: the levels and the
parts of a complaint each shows read alike in the kiosk's catalogue and the inbox's."""

from __future__ import annotations

import pytest

from central.inbox.i18n import Lang, Translator
from kiosk.domain.disclosure import Shown
from kiosk.domain.models import Disclosure
from kiosk.views.i18n import Translations
from kiosk.views.screens.complaint.words import disclosure_words, shown_words


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_kiosk_and_inbox_name_the_levels_and_what_they_show_alike(
    translations: Translations, language: str
) -> None:
    """Every level and every part shown has one wording, on the kiosk and in the inbox."""
    translations.set_language(language)
    inbox = Translator(Lang.ZH if language == "zh_CN" else Lang.EN)
    levels, parts = disclosure_words(), shown_words()
    assert set(levels) == set(Disclosure) and set(parts) == set(Shown)
    for level, words in levels.items():
        assert words == inbox.word(level), level
    for part, words in parts.items():
        assert words == inbox.word(part), part
    if language == "zh_CN":
        assert levels[Disclosure.ANONYMOUS] == "匿名反映本户的事"
