"""Step 1 of a complaint: what it is about, as big buttons in plain words."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QVBoxLayout, QWidget

from kiosk.domain.models.complaints import ComplaintCategory
from kiosk.views.screens.common import GAP, ScrollPage, label
from kiosk.views.screens.complaint.choice_button import ChoiceButton
from kiosk.views.screens.complaint.parts import page
from kiosk.views.screens.complaint.words import category_words


class CategoryButton(ChoiceButton):
    """A category: the plain words large, the official term small beneath them.

    Signals: those of ``QPushButton``.
    """

    def __init__(self, category: ComplaintCategory, parent: QWidget | None = None) -> None:
        super().__init__(f"category-{category.value}", parent)
        self.category = category


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
            made.set_marked(each is category)
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
