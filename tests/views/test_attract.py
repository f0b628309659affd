"""The attract screen, the first thing a resident sees, and the way on from it."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget
from pytestqt.qtbot import QtBot

from kiosk.logs import redact
from kiosk.views.i18n import Translations
from kiosk.views.main_window import MainWindow
from kiosk.views.theme import HIGH_CONTRAST, NORMAL, Theme, with_large_text

SIZES = [(1920, 1080), (1080, 1920), (1366, 768)]
THEMES = [NORMAL, HIGH_CONTRAST, with_large_text(NORMAL)]

ATTRACT_TEXTS_ZH = {
    "居民自助服务终端",
    "在这里，您可以：查看本户档案、每一笔补贴、帮扶干部；打印记录；反映问题。",
    "开始",
    "开始使用自助终端",
    "请用手指点一下“开始”",
    "English",
    "切换语言",
    "政策通知",
    "查看政策通知",
    "不用确认身份也能看",
    "查询我的投诉",
    "用查询编号和密码查询投诉办理情况",
    "工作人员",
    "工作人员维护",
    "街道便民服务大厅",
    "2024年5月3日 星期五   14:05",
}


def shown_texts(root: QWidget) -> list[str]:
    """Every text a visible widget under ``root`` shows or announces to a screen reader."""
    texts: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        texts += [widget.accessibleName(), widget.accessibleDescription(), widget.toolTip()]
    return [text for text in texts if text]


def rect_in(widget: QWidget, root: QWidget) -> QRect:
    return QRect(widget.mapTo(root, QPoint(0, 0)), widget.size())


def resize_and_settle(qtbot: QtBot, window: MainWindow, size: tuple[int, int]) -> None:
    window.resize(*size)
    # The screen fills the window (no menu or status bar) once the layout has run.
    qtbot.waitUntil(lambda: window.attract.size().toTuple() == size)


def test_attract_screen_shows_only_its_fixed_texts(window: MainWindow) -> None:
    """The attract screen shows no personal data: only fixed texts, the office and the clock."""
    texts = shown_texts(window.attract)
    assert set(texts) <= ATTRACT_TEXTS_ZH
    assert {"居民自助服务终端", "开始", "2024年5月3日 星期五   14:05"} <= set(texts)
    assert all(redact(text) == text for text in texts)


@pytest.mark.parametrize("theme", THEMES, ids=lambda theme: theme.name)
@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_start_target_is_at_least_200_px_square(
    qtbot: QtBot, window: MainWindow, size: tuple[int, int], theme: Theme
) -> None:
    """Start is a target of at least 200x200 px at every screen size and in every theme."""
    window.set_theme(theme)
    resize_and_settle(qtbot, window, size)
    start = window.attract.start_button
    qtbot.waitUntil(lambda: start.width() >= 200 and start.height() >= 200)
    assert window.attract.rect().contains(rect_in(start, window.attract))


@pytest.mark.parametrize("language", ["zh_CN", "en"])
@pytest.mark.parametrize("theme", THEMES, ids=lambda theme: theme.name)
@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_nothing_on_the_attract_screen_is_clipped_or_overlaps(
    qtbot: QtBot,
    window: MainWindow,
    translations: Translations,
    size: tuple[int, int],
    theme: Theme,
    language: str,
) -> None:
    """Every text gets the height it needs and no two elements overlap, at every size."""
    translations.set_language(language)
    window.set_theme(theme)
    resize_and_settle(qtbot, window, size)
    attract = window.attract
    elements: list[QWidget] = [
        attract.office_label,
        attract.clock_label,
        attract.title_label,
        attract.lead_label,
        attract.start_button,
        attract.hint_label,
        attract.language_button,
        attract.bulletins_button,
        attract.staff_button,
    ]

    def laid_out_without_clipping_or_overlap() -> None:
        for label in elements:
            if isinstance(label, QLabel) and label.wordWrap():
                assert label.height() >= label.heightForWidth(label.width()), label.objectName()
        for widget in elements:
            assert attract.rect().contains(rect_in(widget, attract)), widget.objectName()
        for first, second in itertools.combinations(elements, 2):
            assert not rect_in(first, attract).intersects(rect_in(second, attract)), (
                f"{first.objectName()} overlaps {second.objectName()}"
            )

    # The layout may take a few rounds of the event loop (size hints, then arrangement).
    qtbot.waitUntil(laid_out_without_clipping_or_overlap)


def test_start_shows_the_next_screen_and_back_returns(qtbot: QtBot, window: MainWindow) -> None:
    """Touching Start emits start_requested and shows identification; Back comes home."""
    with qtbot.waitSignal(window.attract.start_requested):
        qtbot.mouseClick(window.attract.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.current_screen() is window.identify_screen)
    assert window.top_bar.title_label.text() == "确认身份"

    qtbot.mouseClick(window.top_bar.back_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.current_screen() is window.attract)


def test_language_button_switches_the_visible_texts(qtbot: QtBot, window: MainWindow) -> None:
    """The language button turns every screen to English and back to Chinese, live."""
    attract = window.attract
    assert attract.title_label.text() == "居民自助服务终端"
    assert attract.language_button.text() == "English"

    qtbot.mouseClick(attract.language_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: attract.title_label.text() == "Resident self-service kiosk")
    assert attract.start_button.text() == "Start"
    assert attract.language_button.text() == "中文"
    assert attract.clock_label.text() == "Friday 3 May 2024   14:05"
    assert window.top_bar.back_button.words.text() == "Back"
    assert window.error_screen.back_button.text() == "Back to start"
    assert window.windowTitle() == "Resident self-service kiosk"

    qtbot.mouseClick(attract.language_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: attract.title_label.text() == "居民自助服务终端")
    assert attract.clock_label.text() == "2024年5月3日 星期五   14:05"
    assert window.windowTitle() == "居民自助服务终端"


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_every_control_has_an_accessible_name(
    qtbot: QtBot, window: MainWindow, translations: Translations, language: str
) -> None:
    """Every button on every screen has an accessible name, in both languages."""
    translations.set_language(language)
    qtbot.waitUntil(
        lambda: window.attract.start_button.text() == ("开始" if language == "zh_CN" else "Start")
    )
    buttons = window.findChildren(QAbstractButton)
    assert len(buttons) >= 5
    for button in buttons:
        assert button.accessibleName(), button.objectName()


def test_the_clock_shows_shanghai_time(window: MainWindow) -> None:
    """The clock shows Asia/Shanghai time (UTC+8) whatever the machine's own time zone."""
    assert window.attract.clock_label.text().endswith("14:05")


def test_the_staff_corner_is_a_real_target(window: MainWindow) -> None:
    """The staff corner, although quiet, is as large as any touch target."""
    staff = window.attract.staff_button
    assert staff.width() >= NORMAL.touch_min_px
    assert staff.height() >= NORMAL.touch_min_px
