"""One question beside a digit pad: used for the phone number of a complaint and for the
tracking number and secret of "Check my complaint"."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QBoxLayout, QVBoxLayout, QWidget

from kiosk.views.screens.common import GAP, button, label
from kiosk.views.screens.complaint.parts import ProblemLine, page
from kiosk.views.widgets.keypad import KeyPadEntry


class PadStep(QWidget):
    """A question and its hints beside (landscape) or above (portrait) a digit pad.

    No signals; the owner connects to the entry and the action button.
    """

    def __init__(self, name: str, entry: KeyPadEntry, action: str) -> None:
        super().__init__()
        self.page, layout = page(name)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.page)
        self.entry = entry
        self.question = label("question")
        self.hint = label("lead")
        self.problem = ProblemLine(f"{name}-problem")
        self.action_button = button(action, "primary", wide=True)
        self._words = QVBoxLayout()
        self._words.setSpacing(GAP)
        self._words.addWidget(self.question)
        self._words.addWidget(self.hint)
        self._words.addWidget(self.problem.label)
        self._words.addStretch(1)
        self._words.addWidget(self.action_button)
        self._body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._body.setSpacing(2 * GAP)
        self._body.addLayout(self._words, 1)
        self._body.addWidget(entry, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(self._body, 1)
        self._layout = layout

    def show_problem(self, reason: Callable[[], str]) -> None:
        # The reason takes the place of the hint, so both fit a low screen.
        self.problem.show(reason)
        self.hint.hide()

    def hide_problem(self) -> None:
        self.problem.hide()
        if self.hint.isHidden():
            self.hint.show()

    def arrange(self, *, landscape: bool) -> None:
        direction = (
            QBoxLayout.Direction.LeftToRight if landscape else QBoxLayout.Direction.TopToBottom
        )
        if self._body.direction() == direction:
            return
        self._body.setDirection(direction)
        # Portrait: the pad under the words, the action button last, below the pad.
        self._words.removeWidget(self.action_button)
        self._layout.removeWidget(self.action_button)
        (self._words if landscape else self._layout).addWidget(self.action_button)
        self._body.setAlignment(
            self.entry,
            Qt.AlignmentFlag.AlignTop if landscape else Qt.AlignmentFlag.AlignHCenter,
        )
