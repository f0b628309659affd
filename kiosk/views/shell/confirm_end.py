""" "Your complaint has not been sent. End anyway?": asked before a session ends on unsent work."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.views.shell.symbols import Symbol, SymbolView


class ConfirmEndPanel(QWidget):
    """Covers the window when "End session" is touched while a complaint is unsent.

    Ending clears every screen, so the draft would be gone. The safe choice, "Back to my
    complaint", is the large primary button; ending has the look of ending (the same as
    "End session" in the top bar), so the two cannot be mistaken for each other.

    Signals:
        keep_requested(): back to the complaint, nothing lost.
        end_requested(): end the session and discard the draft.
    """

    keep_requested = Signal()
    end_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("confirm-end")
        self.setProperty("role", "screen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)

        self.symbol = SymbolView(Symbol.CLOSE, size=96)
        self.question_label = QLabel()
        self.question_label.setObjectName("confirm-end-question")
        self.question_label.setProperty("role", "title")
        self.explain_label = QLabel()
        self.explain_label.setObjectName("confirm-end-explain")
        self.explain_label.setProperty("role", "lead")
        for label in (self.question_label, self.explain_label):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)

        self.keep_button = QPushButton()
        self.keep_button.setObjectName("keep-complaint")
        self.keep_button.setProperty("role", "primary")
        self.keep_button.setProperty("big", True)
        self.end_button = QPushButton()
        self.end_button.setObjectName("end-anyway")
        self.end_button.setProperty("role", "end")
        self.end_button.setProperty("big", True)
        for button in (self.keep_button, self.end_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        self._buttons = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._buttons.setSpacing(48)
        self._buttons.addStretch(1)
        self._buttons.addWidget(self.end_button)
        self._buttons.addWidget(self.keep_button)
        self._buttons.addStretch(1)

        symbol_row = QHBoxLayout()
        symbol_row.addStretch(1)
        symbol_row.addWidget(self.symbol)
        symbol_row.addStretch(1)

        page = QVBoxLayout(self)
        page.setContentsMargins(48, 16, 48, 16)
        page.setSpacing(24)
        page.addStretch(1)
        page.addLayout(symbol_row)
        page.addWidget(self.question_label)
        page.addWidget(self.explain_label)
        page.addSpacing(24)
        page.addLayout(self._buttons)
        page.addStretch(1)

        self.keep_button.clicked.connect(self.keep_requested)
        self.end_button.clicked.connect(self.end_requested)
        self.retranslate()

    def screen_title(self) -> str:
        return self.tr("End the session?")

    def spoken_text(self) -> str:
        return f"{self.question_label.text()} {self.explain_label.text()}"

    def retranslate(self) -> None:
        """Set every visible text in the current UI language."""
        self.question_label.setText(self.tr("Your complaint has not been sent. End anyway?"))
        self.explain_label.setText(
            self.tr(
                "If you end now, what you have chosen and written is deleted and nothing is"
                " sent to the inspectors."
            )
        )
        self.keep_button.setText(self.tr("Back to my complaint"))
        self.keep_button.setAccessibleName(self.tr("Go back to the complaint and send it"))
        self.end_button.setText(self.tr("End and delete it"))
        self.end_button.setAccessibleName(self.tr("End the session and delete the complaint"))

    def resizeEvent(self, event: QResizeEvent) -> None:
        # Side by side on a wide screen, the safe choice on top on a narrow one.
        portrait = event.size().width() < event.size().height()
        self._buttons.setDirection(
            QBoxLayout.Direction.BottomToTop if portrait else QBoxLayout.Direction.LeftToRight
        )
        super().resizeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
