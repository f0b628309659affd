"""How a complaint stands, in large text: status, outcome, office, dates and its history.

Each step of the history arrives as a code with values (``kiosk.domain.notes``) and is
worded here, in the language shown now, naming the office by its name; an inspector's own
words for the complainant follow it as they wrote them.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from kiosk.domain.clock import SHANGHAI
from kiosk.domain.models.complaints import ComplaintCategory, ComplaintStatus, Outcome
from kiosk.domain.notes import NoteCode
from kiosk.domain.tracking import grouped
from kiosk.services.complaints.status import ComplaintStatusView, StatusEvent
from kiosk.views import labels
from kiosk.views.screens.common import GAP, discard, fill, label
from kiosk.views.screens.complaint.words import category_words, outcome_words, status_words


def when(moment: datetime) -> str:
    """A moment as the resident's clock shows it: the day in words and the time."""
    local = moment.astimezone(SHANGHAI)
    return f"{labels.long_date(local.date())} {local:%H:%M}"


def _status_text(value: str) -> str:
    try:
        return status_words()[ComplaintStatus(value)]
    except ValueError:
        return value  # a status this kiosk does not know yet: shown as the server says it


class StatusView(QWidget):
    """The answer to "Check my complaint" for one complaint; :meth:`clear` empties it.

    No signals.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "page")
        self._view: ComplaintStatusView | None = None
        self.number_label = label("lead")
        self.number_label.setObjectName("status-number")
        self.category_label = label("value")
        self.status_label = label("title")
        self.status_label.setObjectName("status-now")
        self.outcome_label = label("card-title")
        self.outcome_label.setObjectName("status-outcome")
        self.office_label = label("lead")
        self.office_label.setObjectName("status-office")
        self.dates_label = label("value")
        self.appeal_label = label("lead")
        self.history_title = label("section")
        self.history = QFrame()
        self.history.setProperty("role", "card")
        self._history = QVBoxLayout(self.history)
        self._history.setContentsMargins(GAP, GAP, GAP, GAP)
        self._history.setSpacing(GAP // 2)
        self._entries: list[QLabel] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(GAP // 2)
        for widget in (
            self.number_label,
            self.category_label,
            self.status_label,
            self.outcome_label,
            self.office_label,
            self.dates_label,
            self.appeal_label,
            self.history_title,
            self.history,
        ):
            layout.addWidget(widget)
        layout.addStretch(1)

    def show_status(self, view: ComplaintStatusView) -> None:
        self.clear()
        self._view = view
        for _event in view.events:
            entry = label("value")
            entry.setObjectName("status-event")
            self._history.addWidget(entry)
            self._entries.append(entry)
        self.retranslate()

    def shown(self) -> ComplaintStatusView | None:
        return self._view

    def clear(self) -> None:
        self._view = None
        for entry in self._entries:
            self._history.removeWidget(entry)
            discard(entry)
        self._entries = []
        for widget in (
            self.number_label,
            self.category_label,
            self.status_label,
            self.outcome_label,
            self.office_label,
            self.dates_label,
            self.appeal_label,
        ):
            widget.clear()

    def retranslate(self) -> None:
        view = self._view
        self.history_title.setText(self.tr("What has happened so far"))
        if view is None:
            return
        self.number_label.setText(
            fill(self.tr("Tracking number %1"), grouped(view.tracking_number))
        )
        try:
            about = category_words()[ComplaintCategory(view.category)].plain
        except ValueError:
            about = view.category
        self.category_label.setText(fill(self.tr("About: %1"), about))
        if view.waiting_to_send:
            self.status_label.setText(self.tr("Saved on this terminal, waiting to be sent"))
        else:
            self.status_label.setText(_status_text(view.status))
        outcome = self._outcome_text(view.outcome)
        self.outcome_label.setText(outcome)
        self.outcome_label.setVisible(bool(outcome))
        self.office_label.setText(
            fill(
                self.tr("It will be sent to %1 as soon as the network allows.")
                if view.waiting_to_send
                else self.tr("Handled by %1"),
                view.office_name,
            )
            if view.office_name
            else ""
        )
        self.office_label.setVisible(bool(view.office_name))
        dates = []
        if view.received_at is not None:
            dates.append(fill(self.tr("Received: %1"), when(view.received_at)))
        if view.due_at is not None:
            dates.append(fill(self.tr("An answer is due by: %1"), when(view.due_at)))
        self.dates_label.setText("\n".join(dates))
        self.dates_label.setVisible(bool(dates))
        self.appeal_label.setText(
            self.tr(
                "If you do not agree with the outcome, you may ask for a review: staff at the"
                " service desk can help."
            )
            if view.can_appeal
            else ""
        )
        self.appeal_label.setVisible(view.can_appeal)
        for entry, event in zip(self._entries, view.events, strict=True):
            text = f"{when(event.at)} · {self.line_text(event)}"
            if event.text:
                text += "\n" + fill(self.tr("The inspectors wrote: %1"), event.text)
            entry.setText(text)
        has_history = bool(view.events)
        self.history_title.setVisible(has_history)
        self.history.setVisible(has_history)

    def line_text(self, event: StatusEvent) -> str:
        """What one step of the history says, in the language shown now."""
        values = event.values
        office = values.get("office_name", "")
        outcome = self._outcome_text(values.get("outcome"))
        if event.code is NoteCode.RECEIVED and office:
            return fill(self.tr("Received, and sent to %1."), office)
        if event.code is NoteCode.CONCLUDED and outcome:
            return fill(self.tr("Looked into. The outcome: %1."), outcome)
        fixed = {
            NoteCode.ASSIGNED: self.tr("An inspector has been given your complaint."),
            NoteCode.INVESTIGATING: self.tr("The inspectors are looking into it."),
            NoteCode.CLOSED: self.tr("The complaint is closed."),
            NoteCode.REOPENED: self.tr(
                "Your request for a review was received: it is being looked into again."
            ),
            NoteCode.QUEUED: self.tr("Saved on this terminal, waiting to be sent."),
        }
        if event.code in fixed:
            return fixed[event.code]
        # No code, or one this kiosk does not know yet: the status in words is still right.
        return _status_text(event.status)

    def spoken_text(self) -> str:
        return " ".join(
            w.text() for w in (self.status_label, self.outcome_label, self.office_label) if w.text()
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _outcome_text(self, outcome: str | None) -> str:
        if outcome is None:
            return ""
        try:
            return outcome_words()[Outcome(outcome)]
        except ValueError:
            return outcome
