"""The band across the top of every screen after the attract screen.

It holds the two controls a resident must always find in the same place, "Back" on the
left and "End session" on the right, the title of the screen in between, and three
settings: read aloud (only where a speech engine exists), larger text and the language.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.views.shell.buttons import SymbolButton
from kiosk.views.shell.symbols import Symbol


class TopBar(QFrame):
    """Back, the screen title, read aloud, larger text, language, and End session.

    Signals:
        back_requested(): the resident touched "Back".
        end_requested(): the resident touched "End session".
        read_aloud_requested(): the resident touched "Read aloud".
        large_text_toggled(bool): the resident turned larger text on (True) or off.
        language_toggle_requested(): the resident touched the language button.
    """

    back_requested = Signal()
    end_requested = Signal()
    read_aloud_requested = Signal()
    large_text_toggled = Signal(bool)
    language_toggle_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("top-bar")
        self.setProperty("role", "header")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)

        self.back_button = SymbolButton(Symbol.BACK, symbol_size=40)
        self.back_button.setObjectName("back")
        # Hidden on a first screen, where there is nowhere to go back to; the title must
        # not jump sideways when it comes back.
        policy = self.back_button.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.back_button.setSizePolicy(policy)

        self.title_label = QLabel()
        self.title_label.setObjectName("screen-title")
        self.title_label.setWordWrap(True)
        self.title_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # The title takes what the buttons leave; it wraps rather than pushing them out.
        self.title_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

        self.read_aloud_button = SymbolButton(Symbol.SPEAKER, vertical=True, symbol_size=28)
        self.read_aloud_button.setObjectName("read-aloud")
        self.large_text_button = SymbolButton(Symbol.TEXT_SIZE, vertical=True, symbol_size=28)
        self.large_text_button.setObjectName("large-text")
        self.large_text_button.setCheckable(True)
        self.language_button = QPushButton()
        self.language_button.setObjectName("top-language")
        self.language_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for setting in (self.read_aloud_button, self.large_text_button, self.language_button):
            setting.setProperty("role", "setting")
        for compact in (self.read_aloud_button, self.large_text_button):
            # A symbol above a short word on one line: low enough for a 768-pixel-high
            # screen, narrow enough for all six controls across a 1080-pixel-wide one.
            compact.set_margins(12, 2, 12, 2, spacing=0)
            compact.words.setWordWrap(False)
        self.end_button = SymbolButton(Symbol.CLOSE, symbol_size=40)
        self.end_button.setObjectName("end-session")
        self.end_button.setProperty("role", "end")

        self._first_row = QHBoxLayout()
        self._second_row = QHBoxLayout()
        for row in (self._first_row, self._second_row):
            row.setContentsMargins(0, 0, 0, 0)
            row.setSpacing(12)
        self._column = QVBoxLayout(self)
        self._column.setContentsMargins(16, 6, 16, 6)
        self._column.setSpacing(6)
        self._column.addLayout(self._first_row)
        self._column.addLayout(self._second_row)
        self._two_rows: bool | None = None
        self._arrange(two_rows=False)

        self.back_button.clicked.connect(self.back_requested)
        self.end_button.clicked.connect(self.end_requested)
        self.read_aloud_button.clicked.connect(self.read_aloud_requested)
        self.large_text_button.toggled.connect(self._on_large_text_toggled)
        self.language_button.clicked.connect(self.language_toggle_requested)
        self.retranslate()

    def set_title(self, title: str) -> None:
        self.title_label.setText(title)
        self._place_title()

    def two_rows(self) -> bool:
        """Whether the band has two rows: Back, the title and End session above, the
        settings below (a tall, narrow screen)."""
        return bool(self._two_rows)

    def _place_title(self) -> None:
        # On a tall, narrow screen six controls and a title do not fit across, and the
        # title would break after every word; there is height to spare, so the settings
        # move to a second row.
        window = self.window()
        tall = window.height() > window.width()
        controls = [
            self.back_button,
            *(
                widget
                for widget in (self.read_aloud_button, self.large_text_button, self.language_button)
                if not widget.isHidden()
            ),
            self.end_button,
        ]
        margins = self._column.contentsMargins()
        title = self.title_label.fontMetrics().horizontalAdvance(self.title_label.text())
        needed = (
            margins.left()
            + margins.right()
            + sum(widget.sizeHint().width() for widget in controls)
            + self._first_row.spacing() * len(controls)
            + title
            + 16
        )
        self._arrange(two_rows=tall and needed > self.width())

    def _arrange(self, *, two_rows: bool) -> None:
        if two_rows == self._two_rows:
            return
        self._two_rows = two_rows
        settings = (self.read_aloud_button, self.large_text_button, self.language_button)
        for row in (self._first_row, self._second_row):
            while row.count():
                row.takeAt(0)
        first, second = self._first_row, self._second_row
        first.addWidget(self.back_button)
        if two_rows:
            first.addWidget(self.title_label, 1)
            first.addWidget(self.end_button)
            second.addStretch(1)
            for setting in settings:
                second.addWidget(setting)
        else:
            first.addWidget(self.title_label, 1)
            for setting in settings:
                first.addWidget(setting)
            first.addWidget(self.end_button)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_title()

    def set_back_visible(self, visible: bool) -> None:
        self.back_button.setVisible(visible)

    def set_read_aloud_available(self, available: bool) -> None:
        """Show "Read aloud" only where a speech engine can speak."""
        self.read_aloud_button.setVisible(available)

    def set_large_text(self, on: bool) -> None:
        """Show the larger-text setting as ``on`` without emitting ``large_text_toggled``."""
        self.large_text_button.blockSignals(True)
        self.large_text_button.setChecked(on)
        self.large_text_button.blockSignals(False)
        self.retranslate()

    def retranslate(self) -> None:
        """Set every visible text in the current UI language."""
        self.back_button.set_words(self.tr("Back"))
        self.back_button.setAccessibleName(self.tr("Back to the previous screen"))
        self.end_button.set_words(self.tr("End session"))
        self.end_button.setAccessibleName(self.tr("End session"))
        self.end_button.setAccessibleDescription(
            self.tr("Closes your information and goes back to the first screen")
        )
        self.read_aloud_button.set_words(self.tr("Read aloud"))
        self.read_aloud_button.setAccessibleName(self.tr("Read this screen aloud"))
        if self.large_text_button.isChecked():
            self.large_text_button.set_words(self.tr("Normal text"))
            self.large_text_button.setAccessibleName(self.tr("Make the text normal size again"))
        else:
            self.large_text_button.set_words(self.tr("Larger text"))
            self.large_text_button.setAccessibleName(self.tr("Make the text larger"))
        # As on the attract screen: the button names the other language in that language.
        self.language_button.setText(self.tr("中文", "name of the other UI language"))
        self.language_button.setAccessibleName(self.tr("Switch language"))

    def _on_large_text_toggled(self, on: bool) -> None:
        self.retranslate()
        self.large_text_toggled.emit(on)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
        if event.type() in (QEvent.Type.LanguageChange, QEvent.Type.StyleChange):
            self._place_title()
