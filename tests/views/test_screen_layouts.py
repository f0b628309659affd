"""Every screen of a resident's data lays out at every terminal size, in every theme and in
both languages: nothing sticks out sideways, nothing outside a scrolling page runs off the
bottom, nothing inside one is cut off by its edge, and every button shown has a name."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from kiosk.services.store import Store
from kiosk.views.i18n import Translations
from kiosk.views.screens.base import ResidentScreen, ScreenContext
from kiosk.views.screens.cadre import CadreScreen
from kiosk.views.screens.household import HouseholdScreen
from kiosk.views.screens.ledger import LedgerScreen
from kiosk.views.screens.loans import LoansScreen
from kiosk.views.screens.projects import ProjectsScreen
from kiosk.views.theme import HIGH_CONTRAST, NORMAL, load_stylesheet, with_large_text

from .conftest import Screens, fixed_clock
from .test_cadre_screen import add_earlier_cadre
from .test_household_screen import add_household

RELIEF_FILE = "522730001001-0001"  # demo scenario 1: four payments over three years
GOAT_LOAN_FILE = "522730104201-0001"  # demo scenario 2: a loan with its repayments
TRUCK_FILE = "520602101201-0001"  # demo scenario 3: three village projects

#: The space under the top bar at 1080x1920 (portrait), 1366x768 and 1920x1080.
SIZES = [(1080, 1800), (1366, 648), (1920, 960)]
THEMES = {"normal": NORMAL, "large": with_large_text(NORMAL), "high-contrast": HIGH_CONTRAST}


def _household(qtbot: QtBot, screens: Screens, store: Store) -> ResidentScreen:
    """A household of twelve: the most member cards a row of the page must hold."""
    screen = screens.show(HouseholdScreen(_context(screens, store)))
    names = [f"张{c}" for c in "一二三四五六七八九十甲乙"]
    screen.load(add_household(store, "WIDE-1", names=names))
    return screen


def _ledger(qtbot: QtBot, screens: Screens, store: Store) -> ResidentScreen:
    """An older year, with the "did you receive all?" question open on its first card."""
    screen = screens.show(LedgerScreen(_context(screens, store)))
    screen.load(screens.household_id(store, RELIEF_FILE))
    _tap(qtbot, screen.older_button)
    page = screen.year_page()
    assert page is not None
    _tap(qtbot, page.cards[0].full_button)
    return screen


def _loans(qtbot: QtBot, screens: Screens, store: Store) -> ResidentScreen:
    screen = screens.show(LoansScreen(_context(screens, store)))
    screen.load(screens.household_id(store, GOAT_LOAN_FILE))
    return screen


def _projects(qtbot: QtBot, screens: Screens, store: Store) -> ResidentScreen:
    screen = screens.show(ProjectsScreen(_context(screens, store)))
    screen.load(screens.household_id(store, TRUCK_FILE))
    return screen


def _cadre(qtbot: QtBot, screens: Screens, store: Store) -> ResidentScreen:
    """The official now, and one before."""
    screen = screens.show(CadreScreen(_context(screens, store)))
    household = screens.household_id(store, RELIEF_FILE)
    add_earlier_cadre(store, household)
    screen.load(household)
    return screen


OPEN: dict[str, Callable[[QtBot, Screens, Store], ResidentScreen]] = {
    "household": _household,
    "ledger": _ledger,
    "loans": _loans,
    "projects": _projects,
    "cadre": _cadre,
}


def _context(screens: Screens, store: Store) -> ScreenContext:
    return screens.context(store, kiosk_code="GS-01", clock=fixed_clock)


def _tap(qtbot: QtBot, button: QAbstractButton) -> None:
    assert button.isVisible(), f"{button.objectName()} is not on screen"
    assert button.isEnabled(), f"{button.objectName()} is greyed out"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _lay_out() -> None:
    """Deliver the layout requests that filling a screen posted (each may post its
    parent's), so geometry is final before it is measured."""
    for _ in range(4):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)


@pytest.mark.parametrize("language", ["zh_CN", "en"])
@pytest.mark.parametrize("theme_name", list(THEMES))
@pytest.mark.parametrize(("width", "height"), SIZES)
@pytest.mark.parametrize("screen_name", list(OPEN))
def test_the_screen_fits(
    qtbot: QtBot,
    holder: QWidget,
    screens: Screens,
    store: Store,
    translations: Translations,
    screen_name: str,
    width: int,
    height: int,
    theme_name: str,
    language: str,
) -> None:
    """The screen at this size, theme and language: inside the screen, buttons named."""
    translations.set_language(language)
    holder.setStyleSheet(load_stylesheet(THEMES[theme_name]))
    holder.resize(width, height)
    screen = OPEN[screen_name](qtbot, screens, store)
    qtbot.waitUntil(lambda: screen.width() == width)
    _lay_out()
    assert (holder.width(), holder.height()) == (width, height)
    unnamed = [
        button.objectName()
        for button in screen.findChildren(QAbstractButton)
        if button.isVisible() and not button.accessibleName()
    ]
    assert unnamed == []
    assert_inside(screen)


def assert_inside(screen: QWidget) -> None:
    """No visible widget sticks out of ``screen`` sideways; outside a scrolling page none
    sticks out at the bottom; inside one, none is cut off by the page's right edge."""
    width, height = screen.width(), screen.height()
    pages = [
        (page, area.viewport())
        for area in screen.findChildren(QScrollArea)
        if area.isVisible() and (page := area.widget()) is not None
    ]
    checked = 0
    for widget in screen.findChildren(QWidget):
        if not widget.isVisible():
            continue
        checked += 1
        corner = widget.mapTo(screen, QPoint(0, 0))
        name = widget.objectName() or type(widget).__name__
        assert corner.x() >= 0, name
        assert corner.x() + widget.width() <= width, (name, corner.x(), widget.width())
        viewport = next((view for page, view in pages if page.isAncestorOf(widget)), None)
        if viewport is None:
            assert corner.y() + widget.height() <= height, name
        else:
            right = viewport.mapTo(screen, QPoint(viewport.width(), 0)).x()
            assert corner.x() + widget.width() <= right, name
    # A screen that showed nothing would pass the checks above without meaning anything.
    assert checked > 10
