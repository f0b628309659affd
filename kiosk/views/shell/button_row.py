"""A row of buttons that becomes a column when their words do not fit side by side.

Longer words (English) and larger text change what fits: a row of two answers on a payment
card holds "Received in full" and "Not right" at 22 pt on a landscape screen, not at 30 pt
in a portrait card. Rather than squeeze the words until they are cut off, the row stacks
its buttons, each the row's full width.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QWidget


class ButtonRow(QWidget):
    """Widgets side by side, equally wide, while each gets at least its size hint; one
    above the other otherwise. The choice depends on the width alone, so it is stable.

    No signals.
    """

    def __init__(self, spacing: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._box = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._box.setContentsMargins(0, 0, 0, 0)
        self._box.setSpacing(spacing)
        self._widgets: list[QWidget] = []

    def add(self, widget: QWidget) -> None:
        self._widgets.append(widget)
        self._box.addWidget(widget, 1)
        widget.installEventFilter(self)

    def stacked(self) -> bool:
        return self._box.direction() == QBoxLayout.Direction.TopToBottom

    def needed_width(self) -> int:
        """The width the widgets need side by side, equally wide as the row makes them."""
        shown = [w for w in self._widgets if not w.isHidden()]
        if not shown:
            return 0
        widest = max(w.sizeHint().width() for w in shown)
        return widest * len(shown) + self._box.spacing() * (len(shown) - 1)

    def minimumSizeHint(self) -> QSize:
        # Never asks for more width than one button: the row stacks instead.
        hint = super().minimumSizeHint()
        shown = [w for w in self._widgets if not w.isHidden()]
        widest = max((w.minimumSizeHint().width() for w in shown), default=0)
        return QSize(widest, hint.height())

    def _arrange(self, width: int) -> None:
        direction = (
            QBoxLayout.Direction.LeftToRight
            if self.needed_width() <= width
            else QBoxLayout.Direction.TopToBottom
        )
        if direction != self._box.direction():
            self._box.setDirection(direction)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._arrange(event.size().width())
        super().resizeEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # New words or a new font in a button: what fits may have changed.
        if watched in self._widgets and event.type() in (
            QEvent.Type.FontChange,
            QEvent.Type.LayoutRequest,
            QEvent.Type.Show,
            QEvent.Type.Hide,
        ):
            self._arrange(self.width())
        return super().eventFilter(watched, event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            self._arrange(self.width())
        return super().event(event)
