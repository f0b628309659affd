""" "Check my complaint": the tracking number and the secret on digit pads, then the status.

No identification is needed: whoever holds both numbers may see how the complaint stands,
and nothing else. The check asks the central server (or this terminal's outbox, for a
complaint not sent yet) on a worker thread; the screen says in plain words when the server
cannot be reached, nothing matches, or too many wrong codes were tried.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Self

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.tracking import SECRET_LENGTH, TRACKING_LENGTH, tracking_number_valid
from kiosk.services.complaints.status import ComplaintStatusView, StatusProblem
from kiosk.views.jobs import Jobs
from kiosk.views.problems import worded
from kiosk.views.screens.base import ScreenContext
from kiosk.views.screens.common import GAP, MARGIN, ScrollPage, button, fill
from kiosk.views.screens.complaint.pad_step import PadStep
from kiosk.views.screens.complaint.pads import secret_entry, tracking_entry
from kiosk.views.screens.complaint.parts import page, set_enabled
from kiosk.views.screens.complaint.status_view import StatusView
from kiosk.views.screens.contract import Screen, ScreenParts
from kiosk.views.widgets.step_stack import StepStack

_log = logging.getLogger(__name__)


class CheckComplaintScreen(Screen):
    """Tracking number, secret, then how the complaint stands and what happened so far.

    It needs no resident session, but the main window calls :meth:`clear` when a session
    ends or the terminal falls idle, which forgets both numbers and any status shown (and
    drops an answer still on its way). Back steps inside it through :meth:`go_back`.

    Signals:
        back_requested(): leave the screen ("Finished").
        navigate(str): of :class:`Screen`, not used.
    """

    def __init__(self, context: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("check-complaint-screen")
        self.setProperty("role", "screen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.jobs = Jobs(self)
        self._checking = False
        self._tracking_number = ""

        self.number_step = PadStep("number-step", tracking_entry(), "number-next")
        self.secret_step = PadStep("secret-step", secret_entry(), "check")
        self.number_entry = self.number_step.entry
        self.secret_entry = self.secret_step.entry
        self.next_button = self.number_step.action_button
        self.check_button = self.secret_step.action_button

        self.status_step, status_layout = page("status-step")
        self.status_view = StatusView()
        self.status_scroll = ScrollPage()
        self.status_scroll.set_content(self.status_view)
        self.finished_button = button("status-finished", "primary", big=True, wide=True)
        self.again_button = button("status-again", wide=True)
        finish_row = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        finish_row.setSpacing(GAP)
        finish_row.addWidget(self.again_button, 1)
        finish_row.addWidget(self.finished_button, 1)
        status_layout.addWidget(self.status_scroll, 1)
        status_layout.addLayout(finish_row)

        self.steps = StepStack(self._all_steps())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, GAP // 2, MARGIN, GAP // 2)
        layout.addWidget(self.steps)

        self.number_entry.text_changed.connect(self._on_number_typed)
        self.secret_entry.text_changed.connect(self._on_secret_typed)
        self.next_button.clicked.connect(self._on_next)
        self.check_button.clicked.connect(self._on_check)
        self.finished_button.clicked.connect(self.back_requested)
        self.again_button.clicked.connect(self._check_another)
        self._show_step(self.number_step)
        self._refresh_buttons()
        self.retranslate()

    def _all_steps(self) -> tuple[QWidget, ...]:
        return (self.number_step, self.secret_step, self.status_step)

    # ---- for the main window ------------------------------------------------------------

    @classmethod
    def make(cls, parts: ScreenParts) -> Self:
        return cls(parts.context)

    def screen_title(self) -> str:
        return self.tr("Check my complaint")

    def clear(self) -> None:
        """Forget both numbers and any status; an answer still on its way is dropped."""
        self.jobs.forget()
        self._checking = False
        self._tracking_number = ""
        self.number_entry.clear()
        self.secret_entry.clear()
        self.number_step.hide_problem()
        self.secret_step.hide_problem()
        self.status_view.clear()
        self._show_step(self.number_step)
        self._refresh_buttons()
        self.retranslate()

    def go_back(self) -> bool:
        """One step back; False when the screen itself should be left (then it is cleared)."""
        current = self.steps.currentWidget()
        if current is self.secret_step and not self._checking:
            self.secret_entry.clear()
            self.secret_step.hide_problem()
            self._show_step(self.number_step)
            return True
        self.clear()
        return False

    def current_step(self) -> QWidget:
        step = self.steps.currentWidget()
        assert step is not None
        return step

    def retranslate(self) -> None:
        number, secret = self.number_step, self.secret_step
        number.question.setText(self.tr("Type the tracking number of your complaint."))
        number.hint.setText(
            fill(self.tr("It has %1 digits. You wrote it down when you filed it."), TRACKING_LENGTH)
        )
        self.number_entry.set_placeholder(self.tr("Tracking number"))
        self.number_entry.set_display_name(self.tr("Tracking number"))
        self.next_button.setText(self.tr("Next"))
        self.next_button.setAccessibleName(self.tr("Next: the secret code"))
        secret.question.setText(self.tr("Now type the secret code."))
        secret.hint.setText(
            fill(
                self.tr(
                    "It has %1 digits and was given with the tracking number. It shows as dots."
                ),
                SECRET_LENGTH,
            )
        )
        self.secret_entry.set_placeholder(self.tr("Secret code"))
        self.secret_entry.set_display_name(self.tr("Secret code, hidden"))
        self.check_button.setText(self.tr("Checking…") if self._checking else self.tr("Check"))
        self.check_button.setAccessibleName(self.tr("Check the complaint"))
        self.finished_button.setText(self.tr("Finished"))
        self.finished_button.setAccessibleName(self.tr("Finished: leave this page"))
        self.again_button.setText(self.tr("Check another"))
        self.again_button.setAccessibleName(self.tr("Check another complaint"))
        number.problem.retranslate()
        secret.problem.retranslate()
        self.status_view.retranslate()

    def spoken_text(self) -> str:
        current = self.steps.currentWidget()
        if current is self.status_step:
            return self.status_view.spoken_text()
        step = self.secret_step if current is self.secret_step else self.number_step
        return f"{step.question.text()} {step.hint.text()}"

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._arrange_for(event.size())
        super().resizeEvent(event)

    # ---- inside -------------------------------------------------------------------------

    def _on_number_typed(self, text: str) -> None:
        # Checked as typed: the check digit catches a mistyped digit before anything is asked.
        if len(text) == TRACKING_LENGTH and not tracking_number_valid(text):
            self.number_step.show_problem(
                lambda: self.tr(
                    "This number is not right: a digit is mistyped. Check it, touch Delete and"
                    " type again."
                )
            )
        else:
            self.number_step.hide_problem()
        self._refresh_buttons()

    def _on_secret_typed(self, _text: str) -> None:
        self.secret_step.hide_problem()
        self._refresh_buttons()

    def _on_next(self) -> None:
        if not tracking_number_valid(self.number_entry.text()):
            return
        self.secret_entry.clear()
        self.secret_step.hide_problem()
        self._show_step(self.secret_step)

    def _on_check(self) -> None:
        number, secret = self.number_entry.text(), self.secret_entry.text()
        if self._checking or len(secret) != SECRET_LENGTH or not tracking_number_valid(number):
            return
        checker = self.context.check_status
        if checker is None:
            self.secret_step.show_problem(
                lambda: self.tr(
                    "This terminal cannot check complaints. Please ask staff at the service desk."
                )
            )
            return
        # The secret leaves the pad at once; it lives on only in the job.
        self.secret_entry.clear()
        self._tracking_number = number
        self._checking = True
        self._refresh_buttons()
        self.retranslate()
        self.jobs.op(_ask(checker, number, secret)).success(self._on_answer).failure(
            self._on_problem
        ).run()

    def _on_answer(self, view: ComplaintStatusView) -> None:
        self._checking = False
        self.status_view.show_status(view)
        self.status_scroll.scroll_to_top()
        self._show_step(self.status_step)
        self._refresh_buttons()
        self.retranslate()

    def _on_problem(self, error: Exception) -> None:
        self._checking = False
        if isinstance(error, StatusProblem):
            reason = worded(error.reason)
        else:
            _log.error("Checking a complaint failed", exc_info=error)

            def reason() -> str:
                return self.tr("The complaint cannot be checked now. Please try again later.")

        self.secret_step.show_problem(reason)
        self._refresh_buttons()
        self.retranslate()

    def _check_another(self) -> None:
        self.clear()

    def _refresh_buttons(self) -> None:
        set_enabled(self.next_button, tracking_number_valid(self.number_entry.text()))
        set_enabled(
            self.check_button,
            not self._checking and len(self.secret_entry.text()) == SECRET_LENGTH,
        )

    def _show_step(self, shown: QWidget) -> None:
        # Only the page shown sets the size, so a low screen holds the pad it shows.
        self.steps.show_step(shown)

    def _arrange_for(self, size: QSize) -> None:
        landscape = size.width() > size.height()
        self.number_step.arrange(landscape=landscape)
        self.secret_step.arrange(landscape=landscape)


def _ask(
    checker: Callable[[str, str], ComplaintStatusView], number: str, secret: str
) -> Callable[[], ComplaintStatusView]:
    """The job's work: only the two strings cross to the worker, never a widget."""
    return lambda: checker(number, secret)
