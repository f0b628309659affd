"""Step 1 of a complaint: what it is about, as big buttons in plain words."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from kiosk.domain.models.complaints import ComplaintCategory
from kiosk.views.screens.complaint.parts import GAP, page
from kiosk.views.screens.complaint.words import category_words
from kiosk.views.screens.household import ScrollPage, label


class CategoryButton(QPushButton):
    """A category: the plain words large, the official term small beneath them.

    The words wrap, so a long English label makes the button taller rather than cut off.
    Signals: those of ``QPushButton``.
    """

    def __init__(self, category: ComplaintCategory, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.category = category
        self.setObjectName(f"category-{category.value}")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.marked = False
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

    def set_words(self, plain: str, official: str) -> None:
        # A tick rather than a colour marks the earlier choice: no style of its own needed,
        # and it is seen even by those who cannot tell colours apart.
        self.plain_label.setText(f"✓ {plain}" if self.marked else plain)
        self.official_label.setText(official)
        self.setAccessibleName(plain)
        self.setAccessibleDescription(official)
        self.updateGeometry()

    def sizeHint(self) -> QSize:
        layout = self.layout()
        hint = layout.sizeHint() if layout is not None else QSize()
        return hint.expandedTo(self.minimumSize())

    def minimumSizeHint(self) -> QSize:
        layout = self.layout()
        hint = layout.minimumSize() if layout is not None else QSize()
        return hint.expandedTo(self.minimumSize())

    # The words wrap: as narrow as the grid makes it, the button grows taller to hold them.
    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        layout = self.layout()
        if layout is None:
            return super().heightForWidth(width)
        return max(layout.totalHeightForWidth(width), self.minimumHeight())


class CategoryStep(QWidget):
    """The seven kinds of complaint, two to a row on a wide screen, one on a narrow one.

    Signals:
        chosen(str): the resident touched a category (its ``ComplaintCategory`` value).
    """

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.page, layout = page("category-step")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.page)
        self.question = label("title")
        self.hint = label("lead")
        self.buttons: dict[ComplaintCategory, CategoryButton] = {}
        for category in category_words():
            made = CategoryButton(category)
            made.clicked.connect(self._chooser(category))
            self.buttons[category] = made
        grid_holder = QWidget()
        grid_holder.setProperty("role", "page")
        self._grid = QGridLayout(grid_holder)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(GAP)
        self._grid.setRowStretch(8, 1)
        self._columns = 0
        self._arrange(2)
        # Scrolls only where the buttons do not fit (a low screen with large text).
        self.scroll_page = ScrollPage()
        self.scroll_page.set_content(grid_holder)
        layout.addWidget(self.question)
        layout.addWidget(self.hint)
        layout.addWidget(self.scroll_page, 1)
        self.retranslate()

    def _chooser(self, category: ComplaintCategory) -> Callable[[], None]:
        return lambda: self.chosen.emit(category.value)

    def mark(self, category: ComplaintCategory | None) -> None:
        """Show ``category`` as the one chosen (when the resident comes back to change it)."""
        for each, made in self.buttons.items():
            made.marked = each is category
        self.retranslate()

    def retranslate(self) -> None:
        self.question.setText(self.tr("What is your complaint about?"))
        self.hint.setText(self.tr("Touch the one that fits best. You can say more later."))
        for category, words in category_words().items():
            self.buttons[category].set_words(words.plain, words.official)

    def spoken_text(self) -> str:
        plain = ". ".join(b.plain_label.text() for b in self.buttons.values())
        return f"{self.question.text()} {self.hint.text()} {plain}"

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        size = event.size()
        self._arrange(2 if size.width() > size.height() * 0.9 else 1)
        super().resizeEvent(event)

    def _arrange(self, columns: int) -> None:
        if columns == self._columns:
            return
        self._columns = columns
        for made in self.buttons.values():
            self._grid.removeWidget(made)
        for index, made in enumerate(self.buttons.values()):
            self._grid.addWidget(made, index // columns, index % columns)
