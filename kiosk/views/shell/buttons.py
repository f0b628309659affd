"""A big button that shows a drawn symbol and words that wrap, for the shell and the menu."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

from kiosk.views.shell.symbols import Symbol, SymbolView


class SymbolButton(QPushButton):
    """A push button holding a :class:`SymbolView` and a word label, side by side or one
    above the other. The words wrap, so a long English label makes the button taller
    instead of being cut off. Set the words with :meth:`set_words` (``text()`` stays empty;
    the accessible name must be set by the owner). Signals: those of ``QPushButton``.
    """

    def __init__(
        self,
        symbol: Symbol,
        *,
        vertical: bool = False,
        symbol_size: int = 48,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.symbol = SymbolView(symbol, size=symbol_size)
        self.words = QLabel()
        self.words.setProperty("role", "button-words")
        # Tiles wrap long words onto a second line; a row of buttons keeps one line each.
        self.words.setWordWrap(vertical)
        self.words.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self.words.setAlignment(
            Qt.AlignmentFlag.AlignCenter
            if vertical
            else Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        )
        direction = (
            QBoxLayout.Direction.TopToBottom if vertical else QBoxLayout.Direction.LeftToRight
        )
        layout = QBoxLayout(direction, self)
        if vertical:
            layout.setContentsMargins(20, 8, 20, 8)
            layout.setSpacing(12)
        else:
            layout.setContentsMargins(14, 6, 14, 6)
            layout.setSpacing(8)
        if vertical:
            layout.addStretch(1)
            layout.addWidget(self.symbol, 0, Qt.AlignmentFlag.AlignHCenter)
            layout.addWidget(self.words)
            layout.addStretch(1)
        else:
            layout.addWidget(self.symbol, 0, Qt.AlignmentFlag.AlignVCenter)
            layout.addWidget(self.words, 1)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)

    def set_margins(self, left: int, top: int, right: int, bottom: int, *, spacing: int) -> None:
        """Space around and between the symbol and the words."""
        layout = self.layout()
        assert layout is not None
        layout.setContentsMargins(left, top, right, bottom)
        layout.setSpacing(spacing)

    def set_words(self, words: str) -> None:
        self.words.setText(words)
        self.updateGeometry()

    def sizeHint(self) -> QSize:
        layout = self.layout()
        hint = layout.sizeHint() if layout is not None else QSize()
        return hint.expandedTo(self.minimumSize())

    def minimumSizeHint(self) -> QSize:
        layout = self.layout()
        hint = layout.minimumSize() if layout is not None else QSize()
        return hint.expandedTo(self.minimumSize())
