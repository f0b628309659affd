"""Policy notices for residents, in large text, readable without identification.

Three views, one at a time: the list of notices (title, date, publisher), one notice in
full, and the search, where words are entered with the on-screen pinyin keyboard and the
list narrows as they are typed.
"""

from __future__ import annotations

import html
from typing import Self

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QScroller,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.clock import SHANGHAI
from kiosk.services.pinyin_input import PinyinDictionary
from kiosk.services.resident import BulletinView, bulletins
from kiosk.views import labels
from kiosk.views.screens.base import ScreenContext
from kiosk.views.screens.common import GAP, MARGIN, ScrollPage, button, discard, fill, label
from kiosk.views.screens.contract import Screen, ScreenParts
from kiosk.views.widgets.pinyin_keyboard import PinyinKeyboard

#: Line height of a notice's text, in percent: the elderly-friendly guideline asks for 1.3
#: at least.
_LINE_HEIGHT = 140
#: Height below which the notices found are not shown above the search keyboard.
_PREVIEW_MIN_HEIGHT = 120


def published_on(bulletin: BulletinView) -> str:
    """The day a notice was published, in China."""
    return labels.long_date(bulletin.published_at.astimezone(SHANGHAI).date())


class BulletinItem(QPushButton):
    """A notice in the list: its title in large bold words and, below, the date and who
    published it. The words wrap, so a long title makes the button taller.

    Signals: those of ``QPushButton`` (``clicked`` opens the notice).
    """

    def __init__(self, bulletin: BulletinView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bulletin = bulletin
        self.setObjectName("bulletin-item")
        self.setProperty("role", "bulletin-item")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.title_label = label("card-title", bulletin.title)
        self.meta_label = label("hint")
        column = QVBoxLayout(self)
        column.setContentsMargins(GAP, GAP // 2, GAP, GAP // 2)
        column.setSpacing(GAP // 4)
        for widget in (self.title_label, self.meta_label):
            widget.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
            column.addWidget(widget)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.retranslate()

    def retranslate(self) -> None:
        b = self.bulletin
        self.meta_label.setText(fill(self.tr("%1 · %2"), published_on(b), b.publisher))
        self.setAccessibleName(fill(self.tr("%1. %2"), b.title, self.meta_label.text()))

    def sizeHint(self) -> QSize:
        layout = self.layout()
        hint = layout.sizeHint() if layout is not None else QSize()
        return hint.expandedTo(self.minimumSize())

    def minimumSizeHint(self) -> QSize:
        layout = self.layout()
        hint = layout.minimumSize() if layout is not None else QSize()
        return hint.expandedTo(self.minimumSize())

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        layout = self.layout()
        return layout.totalHeightForWidth(width) if layout is not None else -1

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class _ArticleView(QWidget):
    """One notice in full: title, date and publisher, then its paragraphs. No signals."""

    def __init__(self, bulletin: BulletinView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bulletin = bulletin
        self.setObjectName("article-view")
        self.setProperty("role", "page")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, GAP // 2, GAP, MARGIN)
        column.setSpacing(GAP)
        self.title_label = label("title", bulletin.title)
        self.title_label.setObjectName("article-title")
        self.meta_label = label("hint")
        column.addWidget(self.title_label)
        column.addWidget(self.meta_label)
        self.paragraphs: list[QLabel] = []
        for text in bulletin.body.splitlines():
            if not text.strip():
                continue
            paragraph = QLabel()
            paragraph.setProperty("role", "article")
            paragraph.setWordWrap(True)
            # Rich text only for the line height; the notice's own text is escaped, so
            # nothing in it is read as markup.
            paragraph.setTextFormat(Qt.TextFormat.RichText)
            paragraph.setText(
                f'<p style="line-height:{_LINE_HEIGHT}%">{html.escape(text.strip())}</p>'
            )
            paragraph.setAccessibleName(text.strip())
            column.addWidget(paragraph)
            self.paragraphs.append(paragraph)
        column.addStretch(1)
        self.retranslate()

    def plain_text(self) -> str:
        return " ".join(p.accessibleName() for p in self.paragraphs)

    def retranslate(self) -> None:
        b = self.bulletin
        self.meta_label.setText(
            fill(self.tr("Published on %1 by %2"), published_on(b), b.publisher)
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class BulletinsScreen(Screen):
    """Policy notices for the terminal's region and the regions above it, newest first.

    It needs no identification and shows no resident's data. :meth:`refresh` reads the
    notices (it runs by itself when the screen is first shown); :meth:`clear` forgets the
    search and goes back to the list, for the next person. When a notice or the search is
    open, :meth:`go_back` returns to the list: the main window asks it before leaving
    the screen on "Back".

    Signals:
        opened(str): the resident opened the notice with this code.
        navigate(str), back_requested(): of :class:`Screen`, not used.
    """

    opened = Signal(str)

    def __init__(
        self,
        context: ScreenContext,
        parent: QWidget | None = None,
        *,
        dictionary: PinyinDictionary | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("bulletins-screen")
        self.setProperty("role", "screen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._loaded = False
        self._search = ""
        self._bulletins: tuple[BulletinView, ...] = ()
        self.items: list[BulletinItem] = []
        self._list_view: QWidget | None = None
        self._article: _ArticleView | None = None
        self.empty_label: QLabel | None = None

        # The list, with the search button above it.
        self.search_button = button("search-notices", "primary")
        self.search_button.setProperty("big", True)
        self.filter_label = label("lead")
        self.filter_label.setObjectName("search-filter")
        self.show_all_button = button("show-all-notices")
        self.show_all_button.setProperty("big", True)
        tools = QHBoxLayout()
        tools.setSpacing(GAP)
        tools.addWidget(self.search_button)
        tools.addWidget(self.filter_label, 1)
        tools.addWidget(self.show_all_button)
        self.list_page = ScrollPage()
        list_screen = QWidget()
        list_column = QVBoxLayout(list_screen)
        list_column.setContentsMargins(MARGIN, GAP, GAP, 0)
        list_column.setSpacing(GAP)
        list_column.addLayout(tools)
        list_column.addWidget(self.list_page, 1)

        # One notice, with a way back to the list above it.
        self.back_to_list_button = button("back-to-notices")
        self.article_page = ScrollPage()
        article_screen = QWidget()
        article_column = QVBoxLayout(article_screen)
        article_column.setContentsMargins(MARGIN, GAP, GAP, 0)
        article_column.setSpacing(GAP // 2)
        article_column.addWidget(self.back_to_list_button, 0, Qt.AlignmentFlag.AlignLeft)
        article_column.addWidget(self.article_page, 1)

        # The search: how many notices have the words, those notices (as many as there is
        # room for), and the keyboard.
        self.result_label = label("lead")
        self.result_label.setObjectName("search-result")
        self.preview = QScrollArea()
        self.preview.setObjectName("scroll-page")
        self.preview.setWidgetResizable(True)
        self.preview.setFrameShape(QFrame.Shape.NoFrame)
        self.preview.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Dragged with a finger; a scroll bar would only take room where there is none.
        self.preview.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.preview.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # It takes what the keyboard leaves, nothing at all on a low screen.
        self.preview.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        QScroller.grabGesture(
            self.preview.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture
        )
        self.preview_items: list[BulletinItem] = []
        self.preview.viewport().installEventFilter(self)
        self.keyboard = PinyinKeyboard(dictionary=dictionary, max_length=20)
        search_screen = QWidget()
        search_column = QVBoxLayout(search_screen)
        search_column.setContentsMargins(MARGIN // 2, GAP // 2, MARGIN // 2, GAP // 2)
        search_column.setSpacing(GAP // 2)
        search_column.addWidget(self.preview, 1)
        search_column.addWidget(self.keyboard)
        self.keyboard.add_beside_target(self.result_label)

        self.pages = QStackedWidget()
        for page in (list_screen, article_screen, search_screen):
            page.setProperty("role", "screen")
            page.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
            self.pages.addWidget(page)
        self._list_screen, self._article_screen, self._search_screen = (
            list_screen,
            article_screen,
            search_screen,
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)

        self.search_button.clicked.connect(self.open_search)
        self.show_all_button.clicked.connect(self.show_all)
        self.back_to_list_button.clicked.connect(self.show_list)
        self.keyboard.text_changed.connect(self._on_search_changed)
        self.keyboard.finished.connect(self.show_list)
        self.retranslate()

    # ---- what the main window calls ----------------------------------------------------

    @classmethod
    def make(cls, parts: ScreenParts) -> Self:
        return cls(parts.context)

    def screen_title(self) -> str:
        return self.tr("Policy notices")

    def refresh(self) -> None:
        """Read the notices (those containing the search words, if any) and list them."""
        with self.context.sessions() as session:
            found = bulletins(
                session,
                region_code=self.context.region_code,
                now=self.context.clock(),
                search=self._search,
            )
        self._loaded = True
        self._show_bulletins(found)

    def clear(self) -> None:
        """Forget the search and any open notice, and show the list again."""
        self._search = ""
        self.keyboard.blockSignals(True)
        self.keyboard.clear()
        self.keyboard.blockSignals(False)
        self._close_article()
        self._show_bulletins(())
        self._loaded = False
        self.pages.setCurrentWidget(self._list_screen)

    def go_back(self) -> bool:
        """Back from a notice or the search to the list; False if the list shows already."""
        if self.pages.currentWidget() is self._list_screen:
            return False
        self.show_list()
        return True

    def spoken_text(self) -> str:
        current = self.pages.currentWidget()
        if current is self._article_screen and self._article is not None:
            article = self._article
            return (
                f"{article.title_label.text()}. {article.meta_label.text()}. {article.plain_text()}"
            )
        if current is self._search_screen:
            titles = "; ".join(item.bulletin.title for item in self.preview_items)
            return f"{self.result_label.text()} {titles}".strip()
        titles = "; ".join(item.bulletin.title for item in self.items)
        return f"{self.screen_title()}. {self.filter_label.text()} {titles}".strip()

    def retranslate(self) -> None:
        """Set every visible text in the current UI language."""
        self.search_button.setText(self.tr("Search by words"))
        self.search_button.setAccessibleName(self.tr("Search the notices by words"))
        self.show_all_button.setText(self.tr("Show all notices"))
        self.show_all_button.setAccessibleName(self.tr("Show all notices"))
        self.back_to_list_button.setText(self.tr("◀ All notices"))
        self.back_to_list_button.setAccessibleName(self.tr("Back to the list of notices"))
        self._update_texts()

    # ---- moving between the views ------------------------------------------------------

    def open_notice(self, bulletin: BulletinView) -> None:
        """Show ``bulletin`` in full, from its top."""
        self._close_article()
        self._article = _ArticleView(bulletin)
        self.article_page.set_content(self._article)
        self.article_page.scroll_to_top()
        self.pages.setCurrentWidget(self._article_screen)
        self.opened.emit(bulletin.code)

    def open_search(self) -> None:
        self.keyboard.set_text(self._search)
        self._update_texts()
        self.pages.setCurrentWidget(self._search_screen)

    def show_list(self) -> None:
        self._close_article()
        self.pages.setCurrentWidget(self._list_screen)

    def show_all(self) -> None:
        self._search = ""
        self.keyboard.blockSignals(True)
        self.keyboard.clear()
        self.keyboard.blockSignals(False)
        self.refresh()

    def search_text(self) -> str:
        return self._search

    # ---- inside ------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._loaded:
            self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.preview.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_preview()
        return super().eventFilter(watched, event)

    def _fit_preview(self) -> None:
        # On a low screen the keyboard leaves only a sliver above it: show no notice there
        # rather than the top half of one.
        view = self.preview.widget()
        if view is not None:
            roomy = self.preview.viewport().height() >= _PREVIEW_MIN_HEIGHT
            if view.isHidden() == roomy:
                view.setVisible(roomy)

    def _on_search_changed(self, text: str) -> None:
        self._search = text.strip()
        self.refresh()

    def _show_bulletins(self, found: tuple[BulletinView, ...]) -> None:
        self._bulletins = found
        if self._list_view is not None:
            old, self._list_view = self._list_view, None
            self.list_page.area.takeWidget()
            discard(old)
        view = QWidget()
        view.setProperty("role", "page")
        view.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        column = QVBoxLayout(view)
        column.setContentsMargins(0, 0, GAP, GAP)
        column.setSpacing(GAP)
        self.items = [BulletinItem(b) for b in found]
        for item in self.items:
            item.clicked.connect(lambda _=False, b=item.bulletin: self.open_notice(b))
            column.addWidget(item)
        self.empty_label = label("lead")
        self.empty_label.setObjectName("no-notices")
        if not found:
            column.addWidget(self.empty_label)
        column.addStretch(1)
        self._list_view = view
        self.list_page.set_content(view)
        self.list_page.scroll_to_top()
        self._show_preview(found)
        self._update_texts()

    def _show_preview(self, found: tuple[BulletinView, ...]) -> None:
        """The notices found, above the keyboard; touching one opens it."""
        old = self.preview.takeWidget()
        if old is not None:
            discard(old)
        view = QWidget()
        view.setProperty("role", "page")
        view.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        column = QVBoxLayout(view)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(GAP // 2)
        self.preview_items = [BulletinItem(b) for b in found] if self._search else []
        for item in self.preview_items:
            item.clicked.connect(lambda _=False, b=item.bulletin: self.open_notice(b))
            column.addWidget(item)
        column.addStretch(1)
        self.preview.setWidget(view)
        self._fit_preview()

    def _close_article(self) -> None:
        if self._article is not None:
            article, self._article = self._article, None
            self.article_page.area.takeWidget()
            discard(article)

    def _update_texts(self) -> None:
        """The texts that depend on the search and on what was found."""
        count = len(self._bulletins)
        searching = bool(self._search)
        if searching:
            found = (
                fill(self.tr('No notice contains "%1".'), self._search)
                if count == 0
                else fill(self.tr('Notices containing "%1": %2'), self._search, count)
            )
        else:
            found = fill(self.tr("%1 notices"), count) if count != 1 else self.tr("1 notice")
        self.filter_label.setText(found)
        self.show_all_button.setVisible(searching)
        self.result_label.setText(
            found if searching else self.tr("The notices are narrowed as you type.")
        )
        if self.empty_label is not None:
            self.empty_label.setText(
                self.tr('Touch "Show all notices" to see every notice again.')
                if searching
                else self.tr("There are no notices at the moment.")
            )
