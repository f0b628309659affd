"""The kiosk's only window and the way it moves from screen to screen."""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtWidgets import QLabel, QMainWindow, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from kiosk.views.attract import AttractScreen, Clock, shanghai_now
from kiosk.views.error_screen import ErrorScreen
from kiosk.views.i18n import Translations
from kiosk.views.theme import NORMAL, Theme, load_stylesheet

_log = logging.getLogger(__name__)


class IdentificationPlaceholder(QWidget):
    """Stands where the identification screen will be, until that screen is written.

    Signals:
        back_requested(): the resident touched "Back".
    """

    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "screen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.title_label = QLabel()
        self.title_label.setProperty("role", "title")
        self.body_label = QLabel()
        self.body_label.setProperty("role", "lead")
        for label in (self.title_label, self.body_label):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setWordWrap(True)
        self.back_button = QPushButton()
        self.back_button.setObjectName("back")
        self.back_button.setProperty("big", True)
        self.back_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(64, 64, 64, 64)
        layout.addStretch(2)
        layout.addWidget(self.title_label)
        layout.addSpacing(32)
        layout.addWidget(self.body_label)
        layout.addStretch(1)
        layout.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)

        self.back_button.clicked.connect(self.back_requested)
        self.retranslate()

    def retranslate(self) -> None:
        """Set every visible text in the current UI language."""
        self.title_label.setText(self.tr("Identification comes next"))
        self.body_label.setText(self.tr("This step is still being built."))
        self.back_button.setText(self.tr("Back"))
        self.back_button.setAccessibleName(self.tr("Back to the first screen"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class MainWindow(QMainWindow):
    """The kiosk's only window: a stack of screens of which one is shown at a time.

    It creates the screens, moves between them in answer to their signals, switches the
    UI language when asked, and shows the error screen when :meth:`show_error` is called
    (the application connects the crash handler to it). It emits no signals of its own.
    """

    def __init__(
        self,
        *,
        translations: Translations,
        theme: Theme = NORMAL,
        office_name: str | None = None,
        clock: Clock = shanghai_now,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._translations = translations
        self.attract = AttractScreen(office_name=office_name, clock=clock)
        self.identification = IdentificationPlaceholder()
        self.error_screen = ErrorScreen()
        self._stack = QStackedWidget()
        for screen in (self.attract, self.identification, self.error_screen):
            self._stack.addWidget(screen)
        self.setCentralWidget(self._stack)

        self.attract.start_requested.connect(self.show_identification)
        self.attract.language_toggle_requested.connect(self.toggle_language)
        self.attract.staff_requested.connect(self._on_staff_requested)
        self.identification.back_requested.connect(self.show_attract)
        self.error_screen.back_requested.connect(self.show_attract)

        self.set_theme(theme)
        self.retranslate()
        self.show_attract()

    def current_screen(self) -> QWidget:
        """The screen the resident sees now."""
        screen = self._stack.currentWidget()
        assert screen is not None  # the stack is filled in __init__ and never emptied
        return screen

    def set_theme(self, theme: Theme) -> None:
        """Restyle every screen with ``theme``."""
        self.setStyleSheet(load_stylesheet(theme))

    @Slot()
    def show_attract(self) -> None:
        self._stack.setCurrentWidget(self.attract)

    @Slot()
    def show_identification(self) -> None:
        self._stack.setCurrentWidget(self.identification)

    @Slot()
    def show_error(self) -> None:
        """Replace whatever is on screen with the friendly error screen."""
        self._stack.setCurrentWidget(self.error_screen)

    @Slot()
    def toggle_language(self) -> None:
        self._translations.set_language(self._translations.other_language())

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Resident self-service kiosk"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    @Slot()
    def _on_staff_requested(self) -> None:
        # The staff menu (paper, restart, health) comes with a later issue.
        _log.info("Staff corner touched; no staff menu yet")
