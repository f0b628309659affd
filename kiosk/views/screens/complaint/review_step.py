"""Step 5 of a complaint: exactly what will be sent, who is named, what the inspectors will
and will not see of the complainant, and to which office, before Send.

What the inspectors see is the list of the chosen level (``kiosk.domain.disclosure``) in
the words the inbox uses for it, so the promise made here is the page they open.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QBoxLayout, QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.domain.disclosure import hidden, shown
from kiosk.domain.models.complaints import ComplaintCategory, Disclosure
from kiosk.domain.money import format_fen
from kiosk.domain.problems import Reason
from kiosk.services.resident import PaymentLine
from kiosk.views import labels
from kiosk.views.problems import worded
from kiosk.views.screens.common import GAP, ScrollPage, button, fill, label
from kiosk.views.screens.complaint.parts import ProblemLine, page, set_enabled
from kiosk.views.screens.complaint.words import (
    category_words,
    disclosure_words,
    masked_phone,
    shown_words,
)


@dataclass(frozen=True)
class Review:
    """What the review shows: the draft in the resident's terms, and where it goes.

    ``office_name`` is empty when no office could be worked out; ``routing_reason`` then
    says why (and Send stays greyed out).
    """

    category: ComplaintCategory
    line: PaymentLine | None
    claimed_received_fen: int | None
    text: str
    disclosure: Disclosure
    # The identified member's name, sent only when named.
    complainant_name: str
    phone: str
    # Whom it names, one line each, in the current language (empty: nobody).
    implicated: Callable[[], tuple[str, ...]]
    office_name: str
    routing_reason: Callable[[], str]


class ReviewStep(QWidget):
    """The draft as rows of a card that scrolls, and below it, always in view, the office it
    goes to and Send or Change.

    Signals:
        send_requested(): the resident touched Send.
        change_requested(): the resident wants to change something.
    """

    send_requested = Signal()
    change_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._review: Review | None = None
        self._sending = False
        self.page, layout = page("review-step")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.page)

        self.question = label("question")
        self.card = QFrame()
        self.card.setProperty("role", "card")
        rows = QVBoxLayout(self.card)
        rows.setContentsMargins(GAP, GAP, GAP, GAP)
        rows.setSpacing(GAP // 2)
        self.category_title, self.category_value = self._row(rows, "review-category")
        self.official_label = label("hint")
        rows.addWidget(self.official_label)
        self.payment_title, self.payment_value = self._row(rows, "review-payment")
        self.text_title, self.text_value = self._row(rows, "review-text")
        self.implicated_title, self.implicated_value = self._row(rows, "review-implicated")
        self.disclosure_title, self.disclosure_value = self._row(rows, "review-disclosure")
        self.name_title, self.name_value = self._row(rows, "review-name")
        self.phone_title, self.phone_value = self._row(rows, "review-phone")
        self.shown_title, self.shown_value = self._row(rows, "review-shown")
        self.hidden_title, self.hidden_value = self._row(rows, "review-hidden")

        self.office_card = QFrame()
        self.office_card.setProperty("role", "card")
        # "It goes to" and the office on one line: this card never scrolls, so it is kept
        # low for the draft above it.
        office = QHBoxLayout(self.office_card)
        office.setContentsMargins(GAP, GAP // 2, GAP, GAP // 2)
        office.setSpacing(GAP)
        self.office_title = label("value")
        self.office_value = label("card-title")
        self.office_value.setObjectName("review-office")
        office.addWidget(self.office_title, 0, Qt.AlignmentFlag.AlignVCenter)
        office.addWidget(self.office_value, 1)
        # Why that office: with the draft, where it may scroll on a low screen.
        self.office_reason = label("hint")
        self.office_reason.setObjectName("review-routing")

        content = QWidget()
        content.setProperty("role", "page")
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(GAP)
        column.addWidget(self.card)
        column.addWidget(self.office_reason)
        column.addStretch(1)
        self.scroll_page = ScrollPage()
        self.scroll_page.set_content(content)

        self.problem = ProblemLine("review-problem")
        self.send_button = button("send", "primary", wide=True)
        self.change_button = button("change", wide=True)
        self._buttons = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._buttons.setSpacing(GAP)
        self._buttons.addWidget(self.change_button, 1)
        self._buttons.addWidget(self.send_button, 1)
        layout.setSpacing(GAP // 2)
        layout.addWidget(self.question)
        layout.addWidget(self.scroll_page, 1)
        # Where it goes stays in view above Send, however long the draft: the resident
        # must see the office before sending, without scrolling to find it.
        layout.addWidget(self.office_card)
        layout.addWidget(self.problem.label)
        layout.addLayout(self._buttons)

        self.send_button.clicked.connect(self._on_send)
        self.change_button.clicked.connect(self.change_requested)
        self.retranslate()

    @staticmethod
    def _row(rows: QVBoxLayout, name: str) -> tuple[QLabel, QLabel]:
        title = label("value")
        value = label("card-title")
        value.setObjectName(name)
        line = QVBoxLayout()
        line.setSpacing(4)
        line.addWidget(title)
        line.addWidget(value)
        rows.addLayout(line)
        return title, value

    # ---- what the owner calls ---------------------------------------------------------

    def show_review(self, review: Review) -> None:
        self._review = review
        self._sending = False
        self.problem.hide()
        self.retranslate()
        self.scroll_page.scroll_to_top()

    def set_sending(self, sending: bool) -> None:
        """While the complaint is being saved, Send and Change wait (no second complaint)."""
        self._sending = sending
        self.retranslate()

    def refuse(self, reason: Reason) -> None:
        self.refuse_because(worded(reason))

    def refuse_because(self, reason: Callable[[], str]) -> None:
        """Say why the complaint was not sent (in the language current when shown)."""
        self._sending = False
        self.problem.show(reason)
        self.retranslate()

    def clear(self) -> None:
        self._review = None
        self._sending = False
        self.problem.hide()
        for value in (
            self.category_value,
            self.official_label,
            self.payment_value,
            self.text_value,
            self.implicated_value,
            self.disclosure_value,
            self.name_value,
            self.phone_value,
            self.shown_value,
            self.hidden_value,
            self.office_value,
            self.office_reason,
        ):
            value.clear()

    def retranslate(self) -> None:
        self.question.setText(self.tr("Please check what will be sent:"))
        self.category_title.setText(self.tr("What it is about"))
        self.payment_title.setText(self.tr("The payment"))
        self.text_title.setText(self.tr("Your words"))
        self.implicated_title.setText(self.tr("Whom it is about"))
        self.disclosure_title.setText(self.tr("How it is sent"))
        self.name_title.setText(self.tr("Your name"))
        self.phone_title.setText(self.tr("Phone number"))
        self.shown_title.setText(self.tr("The inspectors will see"))
        self.hidden_title.setText(self.tr("They will not see"))
        self.office_title.setText(self.tr("It goes to"))
        self.change_button.setText(self.tr("Change"))
        self.change_button.setAccessibleName(self.tr("Go back and change something"))
        self.send_button.setText(self.tr("Saving…") if self._sending else self.tr("Send"))
        self.send_button.setAccessibleName(self.tr("Send the complaint"))
        self.problem.retranslate()
        review = self._review
        set_enabled(self.send_button, bool(review and review.office_name) and not self._sending)
        set_enabled(self.change_button, not self._sending)
        if review is None:
            return
        category = category_words()[review.category]
        self.category_value.setText(category.plain)
        self.official_label.setText(category.official)
        line = review.line
        for widget in (self.payment_title, self.payment_value):
            widget.setVisible(line is not None)
        if line is not None:
            self.payment_value.setText(self._payment_text(line, review.claimed_received_fen))
        self.text_value.setText(review.text or self.tr("No words added"))
        named = review.implicated()
        self.implicated_value.setText(
            "\n".join(named) if named else self.tr("Nobody in particular")
        )
        self.disclosure_value.setText(disclosure_words()[review.disclosure])
        # The name and the number sent are shown only where they are sent; otherwise the
        # list of what the inspectors will not see says so.
        with_name = review.disclosure is Disclosure.NAMED
        for widget in (self.name_title, self.name_value, self.phone_title, self.phone_value):
            widget.setVisible(with_name)
        self.name_value.setText(review.complainant_name if with_name else "")
        self.phone_value.setText(
            (masked_phone(review.phone) if review.phone else self.tr("None")) if with_name else ""
        )
        words = shown_words()
        self.shown_value.setText("\n".join(f"• {words[item]}" for item in shown(review.disclosure)))
        self.hidden_value.setText(
            "\n".join(f"• {words[item]}" for item in hidden(review.disclosure))
        )
        for widget in (self.hidden_title, self.hidden_value):
            widget.setVisible(bool(hidden(review.disclosure)))
        self.office_value.setText(review.office_name or self.tr("No office found"))
        self.office_reason.setText(review.routing_reason())

    def spoken_text(self) -> str:
        return " ".join(
            widget.text()
            for widget in (
                self.question,
                self.category_value,
                self.payment_value,
                self.text_value,
                self.implicated_title,
                self.implicated_value,
                self.disclosure_value,
                self.shown_title,
                self.shown_value,
                self.hidden_title,
                self.hidden_value,
                self.office_title,
                self.office_value,
            )
            if widget.text() and not widget.isHidden()
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ---- inside -----------------------------------------------------------------------

    def _payment_text(self, line: PaymentLine, claimed: int | None) -> str:
        what = fill(
            self.tr("%1, %2, paid on %3"),
            labels.programme_labels()[line.programme],
            format_fen(line.amount_fen),
            labels.long_date(line.paid_on),
        )
        if claimed is None:
            return what
        said = (
            self.tr("You say you received nothing of it.")
            if claimed == 0
            else fill(self.tr("You say you received %1."), format_fen(claimed))
        )
        return f"{what}\n{said}"

    def _on_send(self) -> None:
        if self._sending or self._review is None:
            return
        self.set_sending(True)
        self.send_requested.emit()
