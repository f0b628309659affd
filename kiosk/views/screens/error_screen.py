"""The screen shown after something went wrong: a calm message and a way back."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget


class ErrorScreen(QWidget):
    """Tells the resident that the system has a problem, without any technical detail.

    The details are in the log; nothing from the exception is ever shown here, so a
    stack trace (which may hold personal data) cannot reach the public screen.

    Signals:
        back_requested(): the resident touched "Back to start".
    """

    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "screen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)

        accent = QFrame()
        accent.setProperty("role", "error-accent")
        self.message_label = QLabel()
        self.message_label.setObjectName("error-message")
        self.message_label.setProperty("role", "title")
        self.detail_label = QLabel()
        self.detail_label.setObjectName("error-detail")
        self.detail_label.setProperty("role", "lead")
        for label in (self.message_label, self.detail_label):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setWordWrap(True)
        self.back_button = QPushButton()
        self.back_button.setObjectName("back-to-start")
        self.back_button.setProperty("role", "primary")
        self.back_button.setProperty("big", True)
        # No keyboard here; a focus ring would linger on the button last touched.
        self.back_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        page = QVBoxLayout(self)
        page.setContentsMargins(0, 0, 0, 0)
        page.setSpacing(0)
        page.addWidget(accent)
        layout = QVBoxLayout()
        layout.setContentsMargins(64, 0, 64, 64)
        layout.setSpacing(0)
        page.addLayout(layout, 1)
        layout.addStretch(2)
        layout.addWidget(self.message_label)
        layout.addSpacing(32)
        layout.addWidget(self.detail_label)
        layout.addStretch(1)
        layout.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)

        self.back_button.clicked.connect(self.back_requested)
        self.retranslate()

    def retranslate(self) -> None:
        """Set every visible text in the current UI language."""
        self.message_label.setText(
            self.tr(
                "The system has run into a problem for the moment. Please wait a little,"
                " or ask a member of staff."
            )
        )
        self.detail_label.setText(self.tr("You can begin again from the first screen."))
        self.back_button.setText(self.tr("Back to start"))
        self.back_button.setAccessibleName(self.tr("Back to start"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
