""" "Are you still there?": asked after a while without a touch, with a countdown to the end."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.views.shell.symbols import Symbol, SymbolView


class StillTherePanel(QWidget):
    """Covers the whole window, so a resident's data is hidden while nobody answers.

    One very large "More time" target keeps the session; "End now" ends it at once; and
    when the countdown reaches zero the main window ends it anyway.

    Signals:
        more_time_requested(): the resident touched "More time".
        end_requested(): the resident touched "End now".
    """

    more_time_requested = Signal()
    end_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("still-there")
        self.setProperty("role", "screen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._seconds = 0

        self.symbol = SymbolView(Symbol.CLOCK, size=120)
        self.question_label = QLabel()
        self.question_label.setObjectName("still-there-question")
        self.question_label.setProperty("role", "title")
        self.countdown_label = QLabel()
        self.countdown_label.setObjectName("countdown")
        self.unit_label = QLabel()
        self.unit_label.setObjectName("countdown-unit")
        self.unit_label.setProperty("role", "lead")
        self.explain_label = QLabel()
        self.explain_label.setObjectName("still-there-explain")
        self.explain_label.setProperty("role", "lead")
        for label in (
            self.question_label,
            self.countdown_label,
            self.unit_label,
            self.explain_label,
        ):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setWordWrap(True)

        self.more_time_button = QPushButton()
        self.more_time_button.setObjectName("more-time")
        self.more_time_button.setProperty("role", "primary")
        self.more_time_button.setProperty("big", True)
        self.end_button = QPushButton()
        self.end_button.setObjectName("end-now")
        self.end_button.setProperty("role", "end")
        self.end_button.setProperty("big", True)
        for button in (self.more_time_button, self.end_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        buttons = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        buttons.setSpacing(48)
        buttons.addStretch(1)
        buttons.addWidget(self.end_button)
        buttons.addWidget(self.more_time_button)
        buttons.addStretch(1)
        self._buttons = buttons

        symbol_row = QHBoxLayout()
        symbol_row.addStretch(1)
        symbol_row.addWidget(self.symbol)
        symbol_row.addStretch(1)

        page = QVBoxLayout(self)
        page.setContentsMargins(48, 16, 48, 16)
        page.setSpacing(16)
        page.addStretch(1)
        page.addLayout(symbol_row)
        page.addSpacing(8)
        page.addWidget(self.question_label)
        page.addWidget(self.countdown_label)
        page.addWidget(self.unit_label)
        page.addSpacing(16)
        page.addWidget(self.explain_label)
        page.addSpacing(16)
        page.addLayout(buttons)
        page.addStretch(1)

        self.more_time_button.clicked.connect(self.more_time_requested)
        self.end_button.clicked.connect(self.end_requested)
        self.retranslate()

    def resizeEvent(self, event: QResizeEvent) -> None:
        # On a low screen the words and the buttons need the symbol's height.
        self.symbol.setVisible(event.size().height() >= 900)
        super().resizeEvent(event)

    def set_seconds_left(self, seconds: int) -> None:
        self._seconds = max(0, seconds)
        self.countdown_label.setText(str(self._seconds))
        self.countdown_label.setAccessibleName(
            self.tr("Seconds left: %1").replace("%1", str(self._seconds))
        )

    def seconds_left(self) -> int:
        return self._seconds

    def screen_title(self) -> str:
        return self.tr("Are you still there?")

    def spoken_text(self) -> str:
        return (
            f"{self.question_label.text()} {self.countdown_label.accessibleName()}"
            f" {self.explain_label.text()}"
        )

    def retranslate(self) -> None:
        """Set every visible text in the current UI language."""
        self.question_label.setText(self.tr("Are you still there?"))
        self.unit_label.setText(self.tr("seconds left"))
        self.explain_label.setText(
            self.tr(
                "To protect your information, this screen closes when the count reaches 0."
                ' Touch "More time" to go on.'
            )
        )
        self.more_time_button.setText(self.tr("More time"))
        self.more_time_button.setAccessibleName(self.tr("More time: keep using the kiosk"))
        self.end_button.setText(self.tr("End now"))
        self.end_button.setAccessibleName(self.tr("End the session now"))
        self.set_seconds_left(self._seconds)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
