"""Fixtures for screen tests: the real translations and a fresh main window per test."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from typing import Any, TypeVar

import pytest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import create_engine, select
from sqlalchemy.orm import sessionmaker

from kiosk.app import ui_font
from kiosk.domain.address_codes import demo_address_codes
from kiosk.domain.models import Household
from kiosk.services.demo import REFERENCE_DATE
from kiosk.services.identify import Identifier
from kiosk.services.store import Store, open_store
from kiosk.views.i18n import Translations
from kiosk.views.main_window import MainWindow
from kiosk.views.screens.base import ScreenContext
from kiosk.views.theme import NORMAL, load_stylesheet
from tests.conftest import DemoTemplate
from tests.views.hands import Hands

#: 3 May 2024, 06:05 UTC, which is 14:05 in Shanghai.
FIXED_NOW = datetime(2024, 5, 3, 6, 5, tzinfo=UTC)

#: The day after the demo data's reference date, 10:00 in Shanghai.
DEMO_NOW = datetime.combine(REFERENCE_DATE + timedelta(days=1), time(2, 0), tzinfo=UTC)

#: The ID-number hash key of the test stores (any 32+ bytes do).
TEST_ID_HASH_KEY = b"test key for the screen tests, at least 32 bytes long"
#: The demo store's story numbers use the demo's unissued address code, which a terminal
#: accepts only on the demo key; these windows stand in for such a terminal.
DEMO_ADDRESSES = demo_address_codes()
TERMINAL_CODE = "TEST-0001"
#: Guanshan street office, Longli county: where the first demo scenario lives.
TERMINAL_REGION = "522730001"


def fixed_clock() -> datetime:
    return FIXED_NOW


def demo_clock() -> datetime:
    return DEMO_NOW


@pytest.fixture(scope="session", autouse=True)
def kiosk_font(qapp: QApplication) -> None:
    """The kiosk's own font, as ``kiosk run`` sets it: what fits is measured with the
    glyphs a terminal draws, not with whatever font the test machine falls back to."""
    qapp.setFont(ui_font(NORMAL.font_body_pt))


@pytest.fixture
def translations(qapp: QApplication) -> Iterator[Translations]:
    """The compiled translations, Chinese first as on a terminal; English again afterwards."""
    translations = Translations(qapp)
    assert translations.set_language("zh_CN"), "kiosk_zh_CN.qm is missing"
    yield translations
    translations.clear()


@pytest.fixture
def window(qtbot: QtBot, translations: Translations) -> MainWindow:
    """A new main window at 1920x1080, shown, in Chinese, with the clock at FIXED_NOW.

    Its store is an empty in-memory database: enough for the attract screen, which reads
    nothing. Tests that identify a resident use ``make_window`` with the demo store.
    """
    sessions = sessionmaker(create_engine("sqlite://"))
    window = MainWindow(
        translations=translations,
        context=ScreenContext(
            sessions=sessions,
            kiosk_code=TERMINAL_CODE,
            region_code=TERMINAL_REGION,
            clock=fixed_clock,
        ),
        identifier=Identifier(sessions, id_hash_key=TEST_ID_HASH_KEY, addresses=DEMO_ADDRESSES),
    )
    qtbot.addWidget(window)
    window.resize(1920, 1080)
    window.show()
    qtbot.waitExposed(window)
    return window


def demo_store_template(demo_template: DemoTemplate) -> Path:
    """The demo store of the screen tests: 20 households (the three scenarios among them),
    seed 3, hashed with the test key for the test terminal."""
    return demo_template(
        households=20,
        seed=3,
        id_hash_key=TEST_ID_HASH_KEY,
        terminal_code=TERMINAL_CODE,
        terminal_region_code=TERMINAL_REGION,
    )


@pytest.fixture
def demo_store(demo_template: DemoTemplate, tmp_path: Path) -> Iterator[Store]:
    """A fresh copy of the demo store for this test, open."""
    path = tmp_path / "kiosk.sqlite3"
    shutil.copyfile(demo_store_template(demo_template), path)
    store = open_store(path, migrate=False)
    yield store
    store.close()


MakeWindow = Callable[..., MainWindow]


@pytest.fixture
def make_window(
    qtbot: QtBot, translations: Translations, demo_store: Store
) -> Callable[..., MainWindow]:
    """Builds a shown main window over the demo store, at the demo's date; keyword
    arguments go to MainWindow (``size=(w, h)`` sets its size, 1920x1080 by default)."""

    def make(*, size: tuple[int, int] = (1920, 1080), **options: Any) -> MainWindow:
        options.setdefault(
            "context",
            ScreenContext(
                sessions=demo_store.sessionmaker,
                kiosk_code=TERMINAL_CODE,
                region_code=TERMINAL_REGION,
                clock=demo_clock,
            ),
        )
        options.setdefault(
            "identifier",
            Identifier(
                demo_store.sessionmaker, id_hash_key=TEST_ID_HASH_KEY, addresses=DEMO_ADDRESSES
            ),
        )
        window = MainWindow(translations=translations, **options)
        qtbot.addWidget(window)
        window.resize(*size)
        window.show()
        qtbot.waitExposed(window)
        return window

    return make


@pytest.fixture
def resident(qtbot: QtBot) -> Hands:
    """Taps buttons and keypads the way a resident would."""
    return Hands(qtbot)


@pytest.fixture
def store(demo_template: DemoTemplate, tmp_path: Path) -> Iterator[Store]:
    """A fresh copy of the ``demo-data`` command's store (20 households, seed 3) for this
    test."""
    path = tmp_path / "kiosk.sqlite3"
    shutil.copyfile(demo_template(households=20, seed=3), path)
    opened = open_store(path)
    yield opened
    opened.close()


@pytest.fixture
def holder(qtbot: QtBot, translations: Translations) -> Iterator[QWidget]:
    """A 1920x1080 window with the terminal's style sheet, in Chinese."""
    widget = QWidget()
    widget.setStyleSheet(load_stylesheet(NORMAL))
    QVBoxLayout(widget).setContentsMargins(0, 0, 0, 0)
    qtbot.addWidget(widget)
    widget.resize(1920, 1080)
    yield widget


ShownWidget = TypeVar("ShownWidget", bound=QWidget)


class Screens:
    """Puts a screen alone in the ``holder`` window and reads what it shows."""

    def __init__(self, qtbot: QtBot, holder: QWidget) -> None:
        self.qtbot = qtbot
        self.holder = holder

    def context(
        self,
        store: Store,
        *,
        kiosk_code: str = TERMINAL_CODE,
        clock: Callable[[], datetime] = demo_clock,
    ) -> ScreenContext:
        """A screen context over ``store``, in the terminal's region."""
        return ScreenContext(
            sessions=store.sessionmaker,
            kiosk_code=kiosk_code,
            region_code=TERMINAL_REGION,
            clock=clock,
        )

    def show(self, screen: ShownWidget) -> ShownWidget:
        """Put ``screen`` in the holder, show the holder and wait until it is on screen."""
        layout = self.holder.layout()
        assert layout is not None
        layout.addWidget(screen)
        self.holder.show()
        self.qtbot.waitExposed(self.holder)
        return screen

    @staticmethod
    def household_id(store: Store, file_number: str) -> int:
        with store.sessionmaker() as s:
            return s.scalars(select(Household.id).where(Household.file_number == file_number)).one()

    @staticmethod
    def texts(root: QWidget, *, with_root: bool = False, descriptions: bool = False) -> list[str]:
        """Every text and accessible name under ``root`` (``root`` too with ``with_root``;
        accessible descriptions too with ``descriptions``)."""
        found = []
        for widget in (
            [root, *root.findChildren(QWidget)] if with_root else root.findChildren(QWidget)
        ):
            if isinstance(widget, QLabel | QAbstractButton):
                found.append(widget.text())
            found.append(widget.accessibleName())
            if descriptions:
                found.append(widget.accessibleDescription())
        return [text for text in found if text]


@pytest.fixture
def screens(qtbot: QtBot, holder: QWidget) -> Screens:
    """Shows screens in ``holder``; see :class:`Screens`."""
    return Screens(qtbot, holder)
