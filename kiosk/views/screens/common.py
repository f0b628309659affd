"""The scaffolding shared by the screens that show one household's data on a scrolling page:
small helpers for labels and texts, the scrolling page, card and page layouts, a pool of
reusable cards, and the screen whose one view is refilled on each load.

Why views are refilled rather than rebuilt: creating a widget under the kiosk's style sheet
costs far more than setting its text (each new widget is matched against every rule of the
sheet, and its ancestors are re-laid out). A screen builds its widgets once, keeps them,
and on each load only sets texts and shows or hides what the data needs.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QScroller,
    QScrollerProperties,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.views.screens.base import ResidentScreen, ScreenContext

# Space between a screen's edge and its content, and between the blocks of a screen.
MARGIN = 48
GAP = 24


def fill(template: str, *values: object) -> str:
    """Put ``values`` in place of %1, %2... in a translated text (PySide has no QString.arg)."""
    for number in range(len(values), 0, -1):  # %10 before %1
        template = template.replace(f"%{number}", str(values[number - 1]))
    return template


def button(
    name: str, role: str | None = None, *, big: bool = False, wide: bool = False
) -> QPushButton:
    """A touch button named ``name`` that takes no keyboard focus (a focus ring looks like a
    selection). ``big``: the taller style for a step's main answers; ``wide``: it takes the
    width its row gives it."""
    made = QPushButton()
    made.setObjectName(name)
    made.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    if big:
        made.setProperty("big", True)
    if role:
        made.setProperty("role", role)
    if wide:
        made.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    return made


def discard(widget: QWidget) -> None:
    """Delete ``widget`` and everything in it now, so nothing of it stays among the
    screen's children (deleteLater would leave it there until the event loop runs).

    Deleting at once also spares Qt restyling a whole page for a move out of the window.
    Never call it from a signal of a widget inside ``widget``.
    """
    shiboken6.delete(widget)


def label(role: str, text: str = "", *, wrap: bool = True) -> QLabel:
    """A plain-text label with a style role; residents' names are never read as markup."""
    made = QLabel(text)
    made.setProperty("role", role)
    made.setTextFormat(Qt.TextFormat.PlainText)
    made.setWordWrap(wrap)
    # With a style-sheet padding, QLabel would otherwise indent its text as if framed.
    made.setIndent(0)
    return made


def set_shown(widget: QWidget, shown: bool) -> None:
    """Show or hide ``widget`` only if that changes anything: even a no-op setVisible on a
    shown page makes Qt lay it out again. A new widget counts as a change: it reads as
    hidden, yet its layout will show it unless it is hidden on purpose."""
    explicit = widget.testAttribute(Qt.WidgetAttribute.WA_WState_ExplicitShowHide)
    if widget.isHidden() == shown or not explicit:
        widget.setVisible(shown)


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


class ScrollPage(QWidget):
    """A page taller than the screen: drag it with a finger, or touch the big Up and Down
    buttons beside it (an old hand may not know how to drag).

    Put the content in with :meth:`set_content`. No signals.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.area = QScrollArea()
        self.area.setObjectName("scroll-page")
        self.area.setWidgetResizable(True)
        self.area.setFrameShape(QFrame.Shape.NoFrame)
        self.area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # The Up and Down buttons show where the page stands; a thin bar is no target.
        self.area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        QScroller.grabGesture(
            self.area.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture
        )
        scroller = QScroller.scroller(self.area.viewport())
        properties = scroller.scrollerProperties()
        # A touch reaches the button under the finger at once: Qt's default holds it back
        # for a moment, and after the page has been scrolled it never arrives at all.
        properties.setScrollMetric(QScrollerProperties.ScrollMetric.MousePressEventDelay, 0)
        # The page stops at its ends instead of springing back: less to puzzle over.
        properties.setScrollMetric(
            QScrollerProperties.ScrollMetric.VerticalOvershootPolicy,
            QScrollerProperties.OvershootPolicy.OvershootAlwaysOff,
        )
        scroller.setScrollerProperties(properties)

        self.up_button = QPushButton()
        self.up_button.setObjectName("scroll-up")
        self.down_button = QPushButton()
        self.down_button.setObjectName("scroll-down")
        buttons = QVBoxLayout()
        buttons.setSpacing(GAP)
        for button in (self.up_button, self.down_button):
            button.setProperty("role", "scroll")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
            policy = button.sizePolicy()
            policy.setRetainSizeWhenHidden(True)
            button.setSizePolicy(policy)
        buttons.addWidget(self.up_button, 1)
        buttons.addWidget(self.down_button, 1)

        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(GAP // 2)
        row.addWidget(self.area, 1)
        row.addLayout(buttons)

        bar = self.area.verticalScrollBar()
        bar.rangeChanged.connect(self._update_buttons)
        bar.valueChanged.connect(self._update_buttons)
        self.up_button.clicked.connect(lambda: self.scroll_by_page(-1))
        self.down_button.clicked.connect(lambda: self.scroll_by_page(1))
        self.retranslate()
        self._update_buttons()

    def set_content(self, widget: QWidget) -> None:
        self.area.setWidget(widget)

    def scroll_by_page(self, direction: int) -> None:
        """Move most of a screenful up (-1) or down (1), keeping a little for context."""
        bar = self.area.verticalScrollBar()
        step = max(bar.pageStep() * 4 // 5, 1)
        bar.setValue(bar.value() + direction * step)

    def scroll_to_top(self) -> None:
        self.area.verticalScrollBar().setValue(0)

    def lay_out_now(self) -> None:
        """Lay the content out at once, innermost widgets first.

        Content refilled while shown is otherwise laid out one level of nesting per pass
        of the event loop (a card, then the page, then the scrolling area), and the first
        paint could show it half done.
        """
        content = self.area.widget()
        if content is None:
            return
        for widget in reversed([content, *content.findChildren(QWidget)]):
            layout = widget.layout()
            if layout is not None and not widget.isHidden():
                layout.activate()
        # What the area does on a posted layout request: size the content to its new height.
        QCoreApplication.sendEvent(self.area, QEvent(QEvent.Type.LayoutRequest))

    def can_scroll(self) -> bool:
        return self.area.verticalScrollBar().maximum() > 0

    def retranslate(self) -> None:
        self.up_button.setText(self.tr("▲\nUp"))
        self.up_button.setAccessibleName(self.tr("Show the part above"))
        self.down_button.setText(self.tr("▼\nDown"))
        self.down_button.setAccessibleName(self.tr("Show the part below"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _update_buttons(self) -> None:
        bar = self.area.verticalScrollBar()
        scrolls = bar.maximum() > 0
        for button, usable in (
            (self.up_button, bar.value() > bar.minimum()),
            (self.down_button, bar.value() < bar.maximum()),
        ):
            set_shown(button, scrolls)
            if button.isEnabled() != usable:
                button.setEnabled(usable)


class Pages(QWidget):
    """Pages in one place of which only the current one is shown, like a QStackedWidget,
    except that a hidden page takes no part in laying out the screen: a QStackedWidget asks
    every page for its height each time it is shown, and the ledger's dispute steps, with
    their many wrapped texts, made that cost more than the rest of the ledger. No signals."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pages: list[QWidget] = []
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def addWidget(self, page: QWidget) -> None:
        self._layout.addWidget(page)
        self._pages.append(page)
        set_shown(page, len(self._pages) == 1)

    def currentWidget(self) -> QWidget | None:
        return next((page for page in self._pages if not page.isHidden()), None)

    def setCurrentWidget(self, page: QWidget) -> None:
        for other in self._pages:
            if other is not page:
                set_shown(other, False)
        set_shown(page, True)


WidgetT = TypeVar("WidgetT", bound=QWidget)


class Pool(Generic[WidgetT]):
    """Widgets of one kind in a layout, made when first needed and kept for the next load.

    :meth:`take` gives as many as the data needs (making more only when there are not
    enough) for the caller to fill, and :meth:`fit` then shows them and hides the rest;
    the caller empties the ones it hides. No signals.
    """

    def __init__(
        self,
        layout: QBoxLayout,
        make: Callable[[], WidgetT],
        *,
        before: QWidget | None = None,
        after_last: int = 0,
    ) -> None:
        self._layout = layout
        self._make = make
        #: New widgets go just before ``before`` (a widget in the layout), or else before
        #: the layout's last ``after_last`` items (a stretch that keeps things at the top).
        self._before = before
        self._after_last = after_last
        self.made: list[WidgetT] = []

    def take(self, count: int) -> list[WidgetT]:
        """The first ``count`` widgets, made if need be, shown or hidden as they were: fill
        them before :meth:`fit` shows them, as changes inside a hidden widget cost less."""
        while len(self.made) < count:
            widget = self._make()
            if self._before is not None:
                at = self._layout.indexOf(self._before)
            else:
                at = self._layout.count() - self._after_last
            self._layout.insertWidget(at, widget)
            self.made.append(widget)
        return self.made[:count]

    def fit(self, count: int) -> list[WidgetT]:
        """Show the first ``count`` widgets, hide the others; the shown ones, in order."""
        shown = self.take(count)
        for index, widget in enumerate(self.made):
            set_shown(widget, index < count)
        return shown

    def hidden(self) -> list[WidgetT]:
        return [widget for widget in self.made if widget.isHidden()]

    def trim(self, keep: int) -> None:
        """Delete all but the first ``keep`` widgets (after a session, to give memory back)."""
        for widget in self.made[keep:]:
            discard(widget)
        del self.made[keep:]


class PooledCard(QFrame):
    """A card of a :class:`CardListView`: filled for one item, emptied by :meth:`clear`
    when it is not needed. No signals."""

    def clear(self) -> None:
        """Forget the item: no text of it may stay in the card."""
        raise NotImplementedError


ItemT = TypeVar("ItemT")
CardT = TypeVar("CardT", bound=PooledCard)


class CardListView(QWidget, Generic[ItemT, CardT]):
    """A summary sentence over a column of cards, one per item, and a hint below them.

    Subclasses say how to make a card (:meth:`make_card`), fill it (:meth:`fill_card`) and
    what the summary and hint say. The cards are pooled: made when first needed, refilled
    on later loads, emptied and hidden when not needed. No signals.
    """

    #: Cards kept after :meth:`clear`; more are deleted to give their memory back.
    KEEP = 4

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.found: tuple[ItemT, ...] | None = None
        page = page_layout(self, name)
        self.summary_label = label("lead")
        page.addWidget(self.summary_label)
        self.hint_label = label("hint")
        page.addWidget(self.hint_label)
        page.addStretch(1)
        # Cards go between the summary and the hint.
        self.pool: Pool[CardT] = Pool(page, self.make_card, before=self.hint_label)
        self.retranslate()

    @property
    def cards(self) -> list[CardT]:
        """The cards showing an item now, in the items' order."""
        return self.pool.made[: len(self.found or ())]

    def show_items(self, found: tuple[ItemT, ...]) -> None:
        before = len(self.found or ())
        self.found = found
        for card, item in zip(self.pool.take(len(found)), found, strict=True):
            self.fill_card(card, item)
        self.pool.fit(len(found))
        # Only the cards hidden just now hold an item; the others were emptied before.
        for card in self.pool.made[len(found) : before]:
            card.clear()
        self.retranslate()

    def clear(self) -> None:
        self.found = None
        self.pool.fit(0)
        for card in self.pool.made:
            card.clear()
        self.pool.trim(self.KEEP)
        self.summary_label.clear()
        self.hint_label.clear()

    def make_card(self) -> CardT:
        raise NotImplementedError

    def fill_card(self, card: CardT, item: ItemT) -> None:
        raise NotImplementedError

    def summary_text(self, count: int) -> str:
        raise NotImplementedError

    def hint_text(self) -> str:
        """The line below the cards; none by default."""
        return ""

    def retranslate(self) -> None:
        if self.found is None:
            return
        self.summary_label.setText(self.summary_text(len(self.found)))
        hint = self.hint_text()
        self.hint_label.setText(hint)
        set_shown(self.hint_label, bool(hint))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


ViewT = TypeVar("ViewT", bound=QWidget)


class ScrollViewScreen(ResidentScreen, Generic[ViewT]):
    """A resident screen whose content is one view on a :class:`ScrollPage`, made once.

    Subclasses pass the view in; their ``load`` fills it and calls :meth:`shown_from_top`.
    The view must have a ``clear()`` that empties every text it holds.

    Signals:
        navigate(str): as :class:`ResidentScreen`.
    """

    def __init__(
        self, context: ScreenContext, name: str, view: ViewT, parent: QWidget | None = None
    ) -> None:
        super().__init__(context, parent)
        self.setObjectName(name)
        self.page = ScrollPage()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, GAP, 0)
        layout.addWidget(self.page)
        self.view = view
        self.page.set_content(view)

    def shown_from_top(self) -> None:
        """After filling the view: lay it out and show its top."""
        self.page.lay_out_now()
        self.page.scroll_to_top()

    def clear(self) -> None:
        self.view.clear()  # type: ignore[attr-defined]
        self.page.scroll_to_top()

    def retranslate(self) -> None:
        # The view and its cards translate themselves on LanguageChange.
        pass
