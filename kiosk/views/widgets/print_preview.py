"""The page a record is shown on before it is printed: the pages, Print, Back, and how it went.

:meth:`PrintPreview.show_document` is given a function that issues the record
(:mod:`kiosk.services.printing.issue`); it runs on a worker thread with the rendering of the
pages (:func:`kiosk.services.printing.preview.render_pages`), so the screen never waits for
reportlab or poppler. Print hands the record to the
:class:`~kiosk.services.printing.printers.queue.PrintQueue`, whose callbacks come from its
worker thread and reach the widgets through queued signals. While a job is on its way the
Print button is disabled, and the queue refuses the same document twice anyway, so a double
tap prints once. A failure (stopped, out of paper, unreachable) is worded from its code,
followed by what the resident can do instead, and Print becomes "Try again".

:meth:`clear` (the privacy wipe) drops the pages and the record and ignores whatever the
queue still reports about a job started before it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from enum import StrEnum

from PySide6.QtCore import QEvent, QLocale, QObject, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent, QPen, QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QSizePolicy, QVBoxLayout, QWidget

from kiosk.domain.problems import Reason, Refused
from kiosk.services.printing.issue import IssuedDocument
from kiosk.services.printing.preview import render_pages
from kiosk.services.printing.printers.base import PrintProblem
from kiosk.services.printing.printers.queue import PrintQueue, Progress
from kiosk.views.jobs import Jobs
from kiosk.views.problems import reason_text
from kiosk.views.screens.common import GAP, button, fill, label, set_shown

_log = logging.getLogger(__name__)


class PrintState(StrEnum):
    PREPARING = "preparing"
    READY = "ready"
    PRINTING = "printing"
    PRINTED = "printed"
    FAILED = "failed"


class _PageView(QWidget):
    """One page image, scaled to fit the room it is given, on a white sheet with a border."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preview-page")
        self._image: QImage | None = None
        # The image never asks for room: it takes what the layout leaves it.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.setMinimumSize(120, 120)

    def set_image(self, image: QImage | None) -> None:
        self._image = image
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(400, 600)

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._image is None or self._image.isNull():
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        size = self._image.size().scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
        x = (self.width() - size.width()) / 2
        target = QRectF(x, 0, size.width(), size.height())
        painter.fillRect(target, QColor("white"))
        painter.drawImage(target, self._image)
        painter.setPen(QPen(QColor("#444444"), 2))
        painter.drawRect(target.adjusted(1, 1, -1, -1))
        painter.end()


class _QueueBridge(QObject):
    """Carries the print queue's callbacks (made on its worker thread) to the UI thread.

    Signals:
        progress(int, str): job generation, a :class:`Progress` value.
        finished(int): job generation.
        failed(int, object): job generation, a :class:`Reason`.
    """

    progress = Signal(int, str)
    finished = Signal(int)
    failed = Signal(int, object)


class PrintPreview(QWidget):
    """A record's pages with Print and Back, and the state of its print.

    Signals:
        back_requested(): the resident touched Back.
        state_changed(str): a :class:`PrintState` value; tests wait on it.
    """

    back_requested = Signal()
    state_changed = Signal(str)

    def __init__(self, queue: PrintQueue | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("print-preview")
        self.setProperty("role", "page")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._queue = queue
        self.jobs = Jobs(self)
        self._bridge = _QueueBridge(self)
        self._bridge.progress.connect(self._on_progress)
        self._bridge.finished.connect(self._on_finished)
        self._bridge.failed.connect(self._on_failed)
        #: Bumped by every clear, so a job's late news about an older record is ignored.
        self._generation = 0
        self._document: IssuedDocument | None = None
        self._pages: list[QImage] = []
        self._page = 0
        self._state = PrintState.PREPARING
        #: A record is being issued and rendered for this page.
        self._issuing = False
        self._progress: Progress | None = None
        self._failure: Reason | None = None
        self._title: Callable[[], str] = lambda: ""
        self._fallback: Callable[[], str] = lambda: ""

        self.title = label("title")
        self.title.setObjectName("preview-title")
        self.view = _PageView()
        self.page_label = label("hint", wrap=False)
        self.page_label.setObjectName("preview-page-number")
        self.previous_button = button("preview-previous", big=True, wide=True)
        self.next_button = button("preview-next", big=True, wide=True)
        self.status = label("value")
        self.status.setObjectName("preview-status")
        self.problem = label("problem")
        self.problem.setObjectName("preview-problem")
        self.print_button = button("preview-print", "primary", big=True, wide=True)
        self.back_button = button("preview-back", big=True, wide=True)

        paging = QHBoxLayout()
        paging.setSpacing(GAP // 2)
        paging.addWidget(self.previous_button)
        paging.addWidget(self.next_button)
        self.controls = QWidget()
        controls = QVBoxLayout(self.controls)
        controls.setContentsMargins(0, 0, 0, 0)
        controls.setSpacing(GAP // 2)
        controls.addWidget(self.page_label)
        controls.addLayout(paging)
        controls.addWidget(self.status)
        controls.addWidget(self.problem)
        controls.addStretch(1)
        controls.addWidget(self.print_button)
        controls.addWidget(self.back_button)
        self.controls.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)

        # The page beside the controls on a wide screen, above them on a tall one.
        self._body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._body.setSpacing(GAP)
        self._body.addWidget(self.view, 3)
        self._body.addWidget(self.controls, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(GAP // 2)
        layout.addWidget(self.title)
        layout.addLayout(self._body, 1)

        self.previous_button.clicked.connect(lambda: self._turn(-1))
        self.next_button.clicked.connect(lambda: self._turn(1))
        self.print_button.clicked.connect(self.print_document)
        self.back_button.clicked.connect(self.back_requested)
        self.retranslate()

    # ---- for the screen ---------------------------------------------------------------

    def show_document(
        self,
        issue: Callable[[], IssuedDocument],
        *,
        title: Callable[[], str],
        fallback: Callable[[], str],
    ) -> None:
        """Issue and render a record off the UI thread and show it; ``title`` heads the page,
        ``fallback`` says what the resident can do if it cannot be printed."""
        self.clear()
        self._title, self._fallback = title, fallback
        generation = self._generation
        self._issuing = True

        def work() -> tuple[IssuedDocument, list[bytes]]:
            document = issue()
            return document, render_pages(document.pdf)

        self.jobs.op(work).success(lambda done: self._on_rendered(generation, *done)).failure(
            lambda error: self._on_not_rendered(generation, error)
        ).run()
        self.retranslate()

    def holds_document(self) -> bool:
        """Whether a record is shown (or being prepared) since the last :meth:`clear`."""
        return self._document is not None or self._issuing

    def state(self) -> PrintState:
        return self._state

    def page_count(self) -> int:
        return len(self._pages)

    def current_page(self) -> int:
        """The page on show, counted from 1 (0 while none is)."""
        return self._page + 1 if self._pages else 0

    def print_document(self) -> None:
        """Print: hand the record to the print queue (ignored while it is on its way)."""
        document = self._document
        if document is None or self._state not in (PrintState.READY, PrintState.FAILED):
            return
        if self._queue is None:
            self._set_state(PrintState.FAILED, failure=Reason.of(PrintProblem.SUBMIT_FAILED))
            return
        generation = self._generation
        bridge = self._bridge
        self._progress = None
        self._set_state(PrintState.PRINTING)
        try:
            self._queue.submit(
                document.print_job(),
                on_progress=lambda step: bridge.progress.emit(generation, step.value),
                on_finished=lambda: bridge.finished.emit(generation),
                on_failed=lambda reason: bridge.failed.emit(generation, reason),
            )
        except Refused as refused:
            if refused.code is PrintProblem.ALREADY_PRINTING:
                return  # the same record is on its way already: its news will come
            self._set_state(PrintState.FAILED, failure=refused.reason)

    def clear(self) -> None:
        """Drop the record, its pages and whatever is still said about its print."""
        self._generation += 1
        self.jobs.forget()
        self._document = None
        self._issuing = False
        self._pages = []
        self._page = 0
        self._progress = None
        self._failure = None
        self._title = lambda: ""
        self._fallback = lambda: ""
        self.view.set_image(None)
        self._state = PrintState.PREPARING
        self.retranslate()

    def set_direction(self, landscape: bool) -> None:
        direction = (
            QBoxLayout.Direction.LeftToRight if landscape else QBoxLayout.Direction.TopToBottom
        )
        if self._body.direction() != direction:
            self._body.setDirection(direction)
            self._body.setStretch(0, 3 if landscape else 5)
            self._body.setStretch(1, 2 if landscape else 0)

    # ---- answers ------------------------------------------------------------------------

    def _on_rendered(self, generation: int, document: IssuedDocument, pngs: list[bytes]) -> None:
        if generation != self._generation:
            return
        self._issuing = False
        self._document = document
        self._pages = [QImage.fromData(png) for png in pngs]
        self._page = 0
        self._set_state(PrintState.READY)

    def _on_not_rendered(self, generation: int, error: Exception) -> None:
        if generation != self._generation:
            return
        self._issuing = False
        if isinstance(error, Refused):
            failure = error.reason
        else:
            _log.error("A record could not be issued", exc_info=error)
            failure = Reason.of(PrintProblem.RENDER_FAILED)
        self._set_state(PrintState.FAILED, failure=failure)

    def _on_progress(self, generation: int, step: str) -> None:
        if generation == self._generation and self._state is PrintState.PRINTING:
            self._progress = Progress(step)
            self.retranslate()

    def _on_finished(self, generation: int) -> None:
        if generation == self._generation:
            self._set_state(PrintState.PRINTED)

    def _on_failed(self, generation: int, reason: Reason) -> None:
        if generation == self._generation:
            self._set_state(PrintState.FAILED, failure=reason)

    def _set_state(self, state: PrintState, *, failure: Reason | None = None) -> None:
        self._state = state
        self._failure = failure
        self.retranslate()
        self.state_changed.emit(state.value)

    def _turn(self, step: int) -> None:
        if self._pages:
            self._page = max(0, min(len(self._pages) - 1, self._page + step))
            self.retranslate()

    # ---- words --------------------------------------------------------------------------

    def _status_text(self) -> str:
        state = self._state
        if state is PrintState.PREPARING:
            return self.tr("Preparing the document…")
        if state is PrintState.READY:
            return self.tr("Check the page, then touch Print.")
        if state is PrintState.PRINTED:
            return self.tr("Printed. Please take the paper from the printer.")
        if state is PrintState.PRINTING:
            if self._progress is Progress.PRINTING:
                return self.tr("Printing… please wait.")
            if self._progress is Progress.SENDING:
                return self.tr("Sending to the printer…")
            return self.tr("Checking the printer…")
        return ""

    def _problem_text(self) -> str:
        if self._state is not PrintState.FAILED or self._failure is None:
            return ""
        # Chinese runs sentences together, English spaces them.
        joiner = "" if QLocale().language() == QLocale.Language.Chinese else " "
        return joiner.join(
            part
            for part in (
                self.tr("It could not be printed:"),
                reason_text(self._failure),
                self._fallback(),
            )
            if part
        )

    def retranslate(self) -> None:
        self.title.setText(self._title())
        count = len(self._pages)
        self.view.set_image(self._pages[self._page] if self._pages else None)
        self.page_label.setText(
            fill(self.tr("Page %1 of %2"), self._page + 1, count) if count else ""
        )
        set_shown(self.page_label, count > 1)
        set_shown(self.previous_button, count > 1)
        set_shown(self.next_button, count > 1)
        self.previous_button.setEnabled(self._page > 0)
        self.next_button.setEnabled(self._page < count - 1)
        self.previous_button.setText(self.tr("◀ Previous page"))
        self.next_button.setText(self.tr("Next page ▶"))
        self.status.setText(self._status_text())
        problem = self._problem_text()
        self.problem.setText(problem)
        set_shown(self.problem, bool(problem))
        state = self._state
        self.print_button.setText(
            self.tr("Try again") if state is PrintState.FAILED else self.tr("Print")
        )
        # Nothing to print when the record could not be made; nothing more once printed.
        set_shown(
            self.print_button,
            state is not PrintState.PRINTED
            and (self._document is not None or state is PrintState.PREPARING),
        )
        self.print_button.setEnabled(
            self._document is not None and state in (PrintState.READY, PrintState.FAILED)
        )
        self.back_button.setText(
            self.tr("Finished") if state is PrintState.PRINTED else self.tr("Back")
        )

    def spoken_text(self) -> str:
        return " ".join(
            text
            for text in (
                self.title.text(),
                self.page_label.text() if self._pages and len(self._pages) > 1 else "",
                self.status.text(),
                self.problem.text(),
            )
            if text
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.set_direction(event.size().width() > event.size().height())
        super().resizeEvent(event)
