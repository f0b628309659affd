"""The resident's home menu after identification: big tiles, a symbol and words on each."""

from __future__ import annotations

from typing import ClassVar, Self

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from kiosk.views.screens.contract import Screen, ScreenParts
from kiosk.views.shell.buttons import SymbolButton
from kiosk.views.shell.symbols import Symbol

#: Below this height (the home screen of a 1366x768 panel) the prompt gives way to the tiles.
LOW_HEIGHT = 800

# The screen each tile opens, and its symbol, in reading order.
TILES: tuple[tuple[str, Symbol], ...] = (
    ("household", Symbol.HOUSE),
    ("ledger", Symbol.MONEY),
    ("cadre", Symbol.PERSON),
    ("loans", Symbol.BANK),
    ("projects", Symbol.FLAG),
    ("bulletins", Symbol.NOTICE),
    ("complaint", Symbol.COMPLAINT),
)


class HomeScreen(Screen):
    """What an identified resident can look at or do, as seven tiles: four across and two
    down on a wide screen, two across and four down on a tall one.

    Signals:
        navigate(str): the resident touched the tile of this screen name.
        back_requested(): never (the way out is "End session").
    """

    needs_session: ClassVar[bool] = True

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("home")
        self.setProperty("role", "screen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)

        self._greeted: tuple[str, str] | None = None
        self._low = False
        self.prompt_label = QLabel()
        self.prompt_label.setObjectName("home-prompt")
        self.prompt_label.setProperty("role", "lead")
        self.prompt_label.setWordWrap(True)
        self.prompt_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.prompt_label.setTextFormat(Qt.TextFormat.PlainText)  # names are never markup

        self.tiles: dict[str, SymbolButton] = {}
        for name, symbol in TILES:
            tile = SymbolButton(symbol, vertical=True, symbol_size=88)
            tile.setObjectName(f"tile-{name}")
            tile.setProperty("role", "tile")
            tile.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            tile.clicked.connect(lambda _=False, name=name: self.navigate.emit(name))
            self.tiles[name] = tile

        self._grid = QGridLayout()
        self._grid.setSpacing(24)
        self._columns = 0
        self._arrange(4)

        page = QVBoxLayout(self)
        page.setContentsMargins(32, 20, 32, 32)
        page.setSpacing(20)
        page.addWidget(self.prompt_label)
        page.addLayout(self._grid, 1)
        self.retranslate()

    @classmethod
    def make(cls, parts: ScreenParts) -> Self:
        return cls()

    def screen_title(self) -> str:
        return self.tr("What would you like to see?")

    def spoken_text(self) -> str:
        words = "; ".join(self.tiles[name].words.text() for name, _ in TILES)
        return f"{self.screen_title()} {self.prompt_label.text()} {words}"

    def greet(self, head_masked: str, village: str) -> None:
        """Say whose file is open: the head's masked name ("杨**") and the village."""
        self._greeted = (head_masked, village)
        self.retranslate()

    def clear(self) -> None:
        """Forget whose file it was (the session ended)."""
        self._greeted = None
        self.retranslate()

    def retranslate(self) -> None:
        """Set every visible text in the current UI language."""
        # The greeting and the prompt share one label; on a low screen the tiles need the
        # height of a second line, and the greeting alone is said.
        prompt = self.tr("Touch a picture to open it.")
        if self._greeted is not None:
            head, village = self._greeted
            greeting = (
                self.tr("Hello! This is the household of %1, %2.")
                if self._low
                else self.tr("Hello! This is the household of %1, %2. Touch a picture to open it.")
            )
            prompt = greeting.replace("%1", head).replace("%2", village)
        self.prompt_label.setText(prompt)
        words = {
            "household": self.tr("Household file"),
            "ledger": self.tr("Every payment"),
            "cadre": self.tr("Who helps us"),
            "loans": self.tr("Loans"),
            "projects": self.tr("Village projects"),
            "bulletins": self.tr("Policy notices"),
            "complaint": self.tr("File a complaint"),
        }
        for name, tile in self.tiles.items():
            tile.set_words(words[name])
            tile.setAccessibleName(words[name])

    def columns(self) -> int:
        return self._columns

    def _arrange(self, columns: int) -> None:
        if columns == self._columns:
            return
        self._columns = columns
        for tile in self.tiles.values():
            self._grid.removeWidget(tile)
        for index, tile in enumerate(self.tiles.values()):
            self._grid.addWidget(tile, index // columns, index % columns)
        rows = (len(self.tiles) + columns - 1) // columns
        for column in range(4):
            self._grid.setColumnStretch(column, 1 if column < columns else 0)
        for row in range(4):
            self._grid.setRowStretch(row, 1 if row < rows else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        size = event.size()
        self._arrange(4 if size.width() >= size.height() else 2)
        low = size.height() < LOW_HEIGHT
        if low != self._low:
            self._low = low
            self.retranslate()
        # The symbols give up room first on a small screen, so the words keep theirs: on
        # a narrow one the words wrap to more lines and need the height.
        rows = (len(self.tiles) + self._columns - 1) // self._columns
        by_height = size.height() // (rows * 4)
        by_width = size.width() // (self._columns * 5)
        symbol = max(40, min(88, by_height, by_width))
        for tile in self.tiles.values():
            tile.symbol.set_symbol_size(symbol)
        super().resizeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
