"""Small building blocks shared by the complaint steps: pages and a problem line."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from kiosk.views.screens.common import GAP, label


def page(name: str) -> tuple[QWidget, QVBoxLayout]:
    """An empty step page with the screen's background and spacing."""
    made = QWidget()
    made.setObjectName(name)
    made.setProperty("role", "page")
    made.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
    layout = QVBoxLayout(made)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(GAP)
    return made, layout


def set_enabled(widget: QWidget, enabled: bool) -> None:
    # Only on a change: a restyle on every tap is wasted work.
    if widget.isEnabled() != enabled:
        widget.setEnabled(enabled)


class ProblemLine:
    """A "problem" label that says, in the current language, why an answer was refused.

    The reason is kept as a function of the language, so a language switch while it is
    shown says it again in the other language. No signals (it is not a widget itself).
    """

    def __init__(self, name: str) -> None:
        self.label: QLabel = label("problem")
        self.label.setObjectName(name)
        self.label.hide()
        self._reason: Callable[[], str] | None = None

    def show(self, reason: Callable[[], str]) -> None:
        self._reason = reason
        self.retranslate()
        self.label.show()

    def hide(self) -> None:
        self._reason = None
        if not self.label.isHidden():
            self.label.hide()
        self.label.clear()

    def shown(self) -> bool:
        return self._reason is not None

    def retranslate(self) -> None:
        if self._reason is not None:
            self.label.setText("! " + self._reason())
