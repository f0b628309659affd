"""The scaffolding shared by the screens that show one household's data on a scrolling page:
the page widget, its cards, and the screen that rebuilds the page on each load."""

from __future__ import annotations

from typing import Generic, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from kiosk.views.screens.base import ResidentScreen, ScreenContext
from kiosk.views.screens.household import ScrollPage, discard

MARGIN = 48
GAP = 24

ViewT = TypeVar("ViewT", bound=QWidget)


def page_layout(view: QWidget, name: str) -> QVBoxLayout:
    """Make ``view`` a styled page named ``name`` and give it its column of content."""
    view.setObjectName(name)
    view.setProperty("role", "page")
    view.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
    page = QVBoxLayout(view)
    page.setContentsMargins(MARGIN, GAP, MARGIN, MARGIN)
    page.setSpacing(GAP)
    return page


def card_layout(card: QFrame, name: str) -> QVBoxLayout:
    """Make ``card`` a styled card named ``name`` and give it its column of content."""
    card.setProperty("role", "card")
    card.setObjectName(name)
    column = QVBoxLayout(card)
    column.setContentsMargins(GAP, GAP, GAP, GAP)
    column.setSpacing(GAP // 2)
    return column


class ScrollViewScreen(ResidentScreen, Generic[ViewT]):
    """A resident screen whose content is one view, rebuilt on each load and put on a
    :class:`ScrollPage`. Subclasses build the view in ``load`` and pass it to :meth:`show_view`.

    Signals:
        navigate(str): as :class:`ResidentScreen`.
    """

    def __init__(self, context: ScreenContext, name: str, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName(name)
        self.page = ScrollPage()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, GAP, 0)
        layout.addWidget(self.page)
        self._view: ViewT | None = None

    def show_view(self, view: ViewT) -> None:
        """Replace the view shown by ``view``, from the top."""
        self.clear()
        self._view = view
        self.page.set_content(view)
        self.page.scroll_to_top()

    def clear(self) -> None:
        if self._view is not None:
            view, self._view = self._view, None
            self.page.area.takeWidget()
            discard(view)

    def retranslate(self) -> None:
        # The view and its cards translate themselves on LanguageChange.
        pass
