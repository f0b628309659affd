"""A big button of a complaint step: plain words large, a line of detail small beneath."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QPushButton, QSizePolicy, QVBoxLayout, QWidget

from kiosk.views.screens.common import GAP, label


class ChoiceButton(QPushButton):
    """One answer to a step's question: the words large, the detail small beneath them.

    The words wrap, so a long English label makes the button taller rather than cut off. A
    tick rather than a colour marks the answer chosen: no style of its own is needed, and it
    is seen even by those who cannot tell colours apart. A checkable one keeps its checked
    state in step with the tick.

    Signals: those of ``QPushButton``.
    """

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.marked = False
        self._plain = ""
        self.plain_label = label("button-words")
        self.official_label = label("hint")
        self.official_label.setObjectName("official-term")
        for words in (self.plain_label, self.official_label):
            words.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(GAP, 12, GAP, 12)
        layout.setSpacing(4)
        layout.addWidget(self.plain_label)
        layout.addWidget(self.official_label)
        layout.addStretch(1)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def set_words(self, plain: str, detail: str) -> None:
        self._plain = plain
        self.plain_label.setText(f"✓ {plain}" if self.marked else plain)
        self.official_label.setText(detail)
        self.official_label.setVisible(bool(detail))
        self.setAccessibleName(plain)
        self.setAccessibleDescription(detail)
        self.updateGeometry()

    def set_marked(self, marked: bool) -> None:
        """Tick (or untick) the answer, keeping the words."""
        if self.isCheckable() and self.isChecked() != marked:
            self.setChecked(marked)
        if marked == self.marked:
            return
        self.marked = marked
        self.plain_label.setText(f"✓ {self._plain}" if marked else self._plain)

    def sizeHint(self) -> QSize:
        layout = self.layout()
        hint = layout.sizeHint() if layout is not None else QSize()
        return hint.expandedTo(self.minimumSize())

    def minimumSizeHint(self) -> QSize:
        layout = self.layout()
        hint = layout.minimumSize() if layout is not None else QSize()
        return hint.expandedTo(self.minimumSize())

    # The words wrap: as narrow as the layout makes it, the button grows taller to hold them.
    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        layout = self.layout()
        if layout is None:
            return super().heightForWidth(width)
        return max(layout.totalHeightForWidth(width), self.minimumHeight())
