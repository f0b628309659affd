"""Policy notices: readable without identification, opened by a tap, long ones paged with
big buttons, and searched with the on-screen pinyin keyboard."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget
from pytestqt.qtbot import QtBot

from kiosk.domain.models import Bulletin
from kiosk.services.pinyin_input import PinyinDictionary, default_dictionary
from kiosk.services.resident import bulletins
from kiosk.services.store import Store
from kiosk.views.i18n import Translations
from kiosk.views.screens.base import ScreenContext
from kiosk.views.screens.bulletins import BulletinItem, BulletinsScreen
from tests.views.hands import tap

from .conftest import DEMO_NOW, TERMINAL_CODE, TERMINAL_REGION, Screens

#: Height the main window's top bar takes above a screen (114 px measured, and a margin).
TOP_BAR = 120


@pytest.fixture(scope="module")
def dictionary() -> PinyinDictionary:
    """The real pinyin dictionary, built once for the module."""
    return default_dictionary()


def make_screen(
    screens: Screens, store: Store, dictionary: PinyinDictionary | None = None
) -> BulletinsScreen:
    """The screen as the attract screen opens it: a context and nothing about anyone."""
    return screens.show(BulletinsScreen(screens.context(store), dictionary=dictionary))


def titles(screen: BulletinsScreen) -> list[str]:
    return [item.title_label.text() for item in screen.items]


def expected_titles(store: Store, search: str = "") -> list[str]:
    with store.sessionmaker() as s:
        found = bulletins(s, region_code=TERMINAL_REGION, now=DEMO_NOW, search=search)
    return [b.title for b in found]


def add_long_notice(store: Store) -> str:
    """A notice of 60 paragraphs, published just before the demo's "now"."""
    body = "\n".join(
        f"第{n}条：脱贫户可以到村委会申请产业扶持资金，经核实后打卡发放。" for n in range(60)
    )
    with store.sessionmaker.begin() as s:
        s.add(
            Bulletin(
                code="LONG-1", title="产业扶持资金申请办法（全文）", body=body,
                publisher="龙里县乡村振兴局", region_code="522730",
                published_at=datetime(2026, 11, 1, 1, 0, tzinfo=UTC),
            )
        )  # fmt: skip
    return "产业扶持资金申请办法（全文）"


def test_the_list_shows_without_identification(
    qtbot: QtBot, screens: Screens, demo_store: Store
) -> None:
    """Shown with no resident at all, it lists the region's notices, newest first, each
    with its date and publisher."""
    screen = make_screen(screens, demo_store)
    qtbot.waitUntil(lambda: bool(screen.items))
    assert titles(screen) == expected_titles(demo_store)
    first = screen.items[0]
    assert first.meta_label.text().startswith("2026年10月20日 · ")
    assert first.accessibleName().startswith(first.bulletin.title)
    filter_label = screen.findChild(QLabel, "search-filter")
    assert filter_label is not None
    assert filter_label.text() == f"共{len(screen.items)}条通知"
    assert screen.screen_title() == "政策通知"


def test_a_tap_opens_the_notice_and_back_returns(
    qtbot: QtBot, screens: Screens, demo_store: Store
) -> None:
    """Touching a notice shows its title, publisher and paragraphs; "全部通知" (or Back)
    returns to the list."""
    screen = make_screen(screens, demo_store)
    qtbot.waitUntil(lambda: bool(screen.items))
    item = screen.items[1]
    with qtbot.waitSignal(screen.opened) as opened:
        tap(qtbot, item)
    assert opened.args == [item.bulletin.code]
    title = screen.findChild(QLabel, "article-title")
    assert title is not None
    assert title.text() == item.bulletin.title
    assert item.bulletin.publisher in screen.spoken_text()
    first_line = item.bulletin.body.splitlines()[0]
    assert first_line in screen.spoken_text()
    tap(qtbot, screen.back_to_list_button)
    assert screen.findChild(QLabel, "article-title") is None
    tap(qtbot, screen.items[0])
    assert screen.go_back() is True
    assert screen.go_back() is False


def test_a_long_notice_pages_down_and_up(qtbot: QtBot, screens: Screens, demo_store: Store) -> None:
    """A notice of 60 paragraphs: Down moves most of a screenful at a time to the end,
    Up back to the top."""
    title = add_long_notice(demo_store)
    screen = make_screen(screens, demo_store)
    qtbot.waitUntil(lambda: bool(screen.items))
    assert titles(screen)[0] == title
    tap(qtbot, screen.items[0])
    page = screen.article_page
    bar = page.area.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    assert not page.up_button.isEnabled()
    taps = 0
    while page.down_button.isEnabled():
        before = bar.value()
        tap(qtbot, page.down_button)
        assert bar.value() > before
        taps += 1
    assert taps >= 3
    assert bar.value() == bar.maximum()
    while page.up_button.isEnabled():
        tap(qtbot, page.up_button)
    assert bar.value() == 0


def test_search_with_the_pinyin_keyboard_narrows_the_list(
    qtbot: QtBot, screens: Screens, demo_store: Store, dictionary: PinyinDictionary
) -> None:
    """Search, x i a o e, the candidate 小额: only notices with 小额 remain, above the
    keyboard at once and in the list after Done; "Show all" brings every notice back."""
    screen = make_screen(screens, demo_store, dictionary)
    qtbot.waitUntil(lambda: bool(screen.items))
    everything = titles(screen)
    tap(qtbot, screen.search_button)
    keyboard = screen.keyboard
    assert keyboard.isVisible()
    for letter in "xiaoe":
        tap(qtbot, keyboard.letter_buttons[letter])
    word = next(b for b in keyboard.candidate_buttons if b.isVisible() and b.text() == "小额")
    tap(qtbot, word)
    narrowed = expected_titles(demo_store, "小额")
    assert narrowed
    assert len(narrowed) < len(everything)
    assert [item.bulletin.title for item in screen.preview_items] == narrowed
    result = screen.findChild(QLabel, "search-result")
    assert result is not None
    assert result.text() == f"含“小额”的通知：{len(narrowed)}条"
    tap(qtbot, keyboard.done_button)
    assert titles(screen) == narrowed
    assert screen.show_all_button.isVisible()
    tap(qtbot, screen.show_all_button)
    assert titles(screen) == everything
    assert not screen.show_all_button.isVisible()


def test_a_search_that_finds_nothing_says_so(
    qtbot: QtBot, screens: Screens, demo_store: Store, dictionary: PinyinDictionary
) -> None:
    """Words that no notice has leave an empty list with a plain sentence."""
    screen = make_screen(screens, demo_store, dictionary)
    qtbot.waitUntil(lambda: bool(screen.items))
    tap(qtbot, screen.search_button)
    keyboard = screen.keyboard
    for letter in "hangtian":
        tap(qtbot, keyboard.letter_buttons[letter])
    tap(qtbot, keyboard.candidate_buttons[0])
    tap(qtbot, keyboard.done_button)
    assert screen.items == []
    empty = screen.findChild(QLabel, "no-notices")
    assert empty is not None
    assert "显示全部通知" in empty.text()


def test_clear_forgets_the_search_and_the_open_notice(
    qtbot: QtBot, screens: Screens, demo_store: Store, dictionary: PinyinDictionary
) -> None:
    """clear() empties the search and the keyboard and closes the notice, for the next
    person; showing the screen again lists every notice."""
    screen = make_screen(screens, demo_store, dictionary)
    qtbot.waitUntil(lambda: bool(screen.items))
    tap(qtbot, screen.search_button)
    for letter in "dibao":
        tap(qtbot, screen.keyboard.letter_buttons[letter])
    tap(qtbot, screen.keyboard.done_button)
    assert screen.search_text() == "低保"
    tap(qtbot, screen.items[0])
    screen.clear()
    assert screen.search_text() == ""
    assert screen.keyboard.text() == ""
    assert screen.findChild(QLabel, "article-title") is None
    left = [
        text
        for widget in screen.findChildren(QWidget)
        for text in (
            widget.text() if isinstance(widget, QLabel | QAbstractButton) else "",
            widget.accessibleName(),
        )
    ]
    assert not any("低保" in text or "dibao" in text for text in left)
    screen.hide()
    screen.show()
    qtbot.waitUntil(lambda: titles(screen) == expected_titles(demo_store))


def test_no_notice_at_all(qtbot: QtBot, holder: QWidget, demo_store: Store) -> None:
    """Before any notice was published the screen says there is none."""
    context = ScreenContext(
        sessions=demo_store.sessionmaker,
        kiosk_code=TERMINAL_CODE,
        region_code=TERMINAL_REGION,
        clock=lambda: datetime(2000, 1, 1, tzinfo=UTC),
    )
    screen = BulletinsScreen(context)
    layout = holder.layout()
    assert layout is not None
    layout.addWidget(screen)
    holder.show()
    qtbot.waitExposed(holder)
    empty = screen.findChild(QLabel, "no-notices")
    assert empty is not None
    assert empty.text() == "目前没有通知。"
    assert screen.findChildren(BulletinItem) == []


@pytest.mark.parametrize("language", ["zh_CN", "en"])
@pytest.mark.parametrize(("width", "height"), [(1080, 1920), (1366, 768)])
def test_the_search_keyboard_fits_portrait_and_small_screens(
    qtbot: QtBot,
    holder: QWidget,
    screens: Screens,
    translations: Translations,
    demo_store: Store,
    dictionary: PinyinDictionary,
    width: int,
    height: int,
    language: str,
) -> None:
    """At 1080x1920 and 1366x768, in both languages, the search page with its keyboard
    fits under the shell's top bar: no key sticks out sideways or below, and the screen
    does not grow."""
    translations.set_language(language)
    height -= TOP_BAR
    holder.resize(width, height)
    screen = make_screen(screens, demo_store, dictionary)
    tap(qtbot, screen.search_button)
    for letter in "xiao":
        tap(qtbot, screen.keyboard.letter_buttons[letter])
    qtbot.waitUntil(lambda: holder.size().width() == width)
    assert holder.height() == height
    for widget in screen.findChildren(QWidget):
        if widget.isVisible():
            corner = widget.mapTo(holder, QPoint(widget.width(), widget.height()))
            assert corner.x() <= width, widget.objectName()
            if isinstance(widget, QAbstractButton) and widget.parent() is not None:
                assert corner.y() <= height, widget.objectName()
