"""Every payment recorded in the household's name, one year at a time, newest first.

Each payment says what it was, how much, when, who paid it, how and to whom, what the
resident has said about it, and the complaint filed about it at this terminal, with its
tracking number and whether it has been sent. Two big buttons on each: "Received in full"
(one tap, then a short "are you sure") and "Not right", which opens the dispute steps.

A year is one page, so a household with 300 payments over twenty years still opens at
once; within a long year the cards are shown a batch at a time as the resident scrolls.
The page and its cards are made once and refilled for each year and each household:
making and styling a card costs far more than setting its texts.
"""

from __future__ import annotations

from typing import Self

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.models import OutboxState, VerificationKind
from kiosk.domain.money import format_fen
from kiosk.domain.tracking import grouped
from kiosk.services.resident import (
    Ledger,
    LedgerYear,
    PaymentLine,
    VerificationRefused,
    ledger,
    record_verification,
)
from kiosk.views import labels
from kiosk.views.problems import reason_text
from kiosk.views.screens.base import ResidentScreen, ScreenContext
from kiosk.views.screens.common import (
    GAP,
    MARGIN,
    Pages,
    Pool,
    ScrollPage,
    fill,
    label,
    set_shown,
)
from kiosk.views.screens.common import button as make_button
from kiosk.views.screens.contract import ScreenParts
from kiosk.views.screens.dispute import DisputeScreen
from kiosk.views.shell.button_row import ButtonRow
from kiosk.views.widgets.print_preview import PrintPreview

#: Cards filled when a year opens (more than a screenful), and then at a time as the
#: resident nears the end: a new card costs milliseconds, and a year may hold hundreds.
FIRST_BATCH = 4
BATCH = 8
#: Cards kept for the next household after a session ends; more are deleted.
KEEP_CARDS = FIRST_BATCH + BATCH


class PaymentCard(QFrame):
    """One payment: programme, amount, date, department, channel, recipient, the resident's
    word on it, its complaint if one was filed here, and the two answers.

    "Received in full" first asks "are you sure" inside the card; only "Yes" emits.

    Signals:
        confirm_requested(int): the resident confirmed receiving this aid record in full.
        dispute_requested(int): the resident touched "Not right" on this aid record.
    """

    confirm_requested = Signal(int)
    dispute_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._line: PaymentLine | None = None
        self.setProperty("role", "card")
        self._note = ""

        self.programme_label = label("card-title")
        self.amount_label = label("money", wrap=False)
        self.amount_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        # One label per fact: layout spacing gives the line spacing a style sheet cannot.
        self.date_label = label("value")
        self.department_label = label("value")
        self.channel_label = label("value")
        self.recipient_label = label("value")
        self.status_label = label("lead")
        self.status_label.setObjectName("payment-status")
        # Made when first needed: a year page of cards must open at once.
        self.note_label: QLabel | None = None
        self.complaint_label: QLabel | None = None
        self.confirming: QWidget | None = None

        self.full_button = make_button("received-in-full")
        self.wrong_button = make_button("not-right")
        # Side by side where both answers fit; one above the other in a narrow card.
        self.answers = ButtonRow(GAP)
        self.answers.add(self.full_button)
        self.answers.add(self.wrong_button)

        top = QHBoxLayout()
        top.setSpacing(GAP)
        top.addWidget(self.programme_label, 1)
        top.addWidget(self.amount_label)
        self._layout = layout = QVBoxLayout(self)
        layout.setContentsMargins(GAP, GAP, GAP, GAP)
        layout.setSpacing(GAP // 2)
        layout.addLayout(top)
        details = QVBoxLayout()
        details.setSpacing(GAP // 3)
        for widget in (
            self.date_label,
            self.department_label,
            self.channel_label,
            self.recipient_label,
        ):
            details.addWidget(widget)
        layout.addLayout(details)
        layout.addWidget(self.status_label)
        layout.addWidget(self.answers)
        for button in (self.full_button, self.wrong_button):
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

        self.full_button.clicked.connect(self._ask_confirm)
        self.wrong_button.clicked.connect(
            lambda: self.dispute_requested.emit(self.line.aid_record_id)
        )

    @property
    def line(self) -> PaymentLine:
        """The payment shown (only asked of a card that shows one)."""
        assert self._line is not None
        return self._line

    def shows(self, aid_record_id: int) -> bool:
        return self._line is not None and self._line.aid_record_id == aid_record_id

    def set_line(self, line: PaymentLine, note: str = "") -> None:
        """Show ``line`` (another payment, or the same after the resident's answer) and an
        optional note."""
        self._line = line
        self._note = note
        self.setObjectName(f"payment-{line.aid_record_id}")
        self._cancel_confirm()
        self.retranslate()

    def clear(self) -> None:
        """Forget the payment: every text of the card is emptied."""
        self._line = None
        self._note = ""
        self.setObjectName("")
        self._cancel_confirm()
        for text in self.findChildren(QLabel):
            text.clear()
        for named in (self, *self.findChildren(QPushButton)):
            named.setAccessibleName("")
        if self.note_label is not None:
            set_shown(self.note_label, False)
        if self.complaint_label is not None:
            self.complaint_label.setAccessibleName("")
            set_shown(self.complaint_label, False)

    def details_text(self) -> str:
        """Date, department, channel and recipient, one per line."""
        return "\n".join(
            w.text()
            for w in (
                self.date_label,
                self.department_label,
                self.channel_label,
                self.recipient_label,
            )
            if w.text()
        )

    def status_text(self) -> str:
        return self.status_label.text()

    def retranslate(self) -> None:
        line = self._line
        if line is None:
            return
        self.programme_label.setText(labels.programme_labels()[line.programme])
        self.amount_label.setText(format_fen(line.amount_fen))
        self.date_label.setText(fill(self.tr("Paid on: %1"), labels.long_date(line.paid_on)))
        self.department_label.setText(fill(self.tr("Paid by: %1"), line.department))
        self.channel_label.setText(fill(self.tr("How: %1"), labels.channel_labels()[line.channel]))
        self.recipient_label.setText(
            fill(self.tr("Paid to: %1"), line.recipient) if line.recipient else ""
        )
        if self.recipient_label.isHidden() == bool(line.recipient):
            self.recipient_label.setVisible(bool(line.recipient))
        self.status_label.setText(
            labels.verification_symbol(line.verification)
            + " "
            + labels.verification_text(line.verification, line.received_fen)
        )
        if self._note and self.note_label is None:
            self.note_label = label("hint")
            self._layout.insertWidget(self._layout.indexOf(self.status_label) + 1, self.note_label)
        if self.note_label is not None:
            self.note_label.setText(self._note)
            set_shown(self.note_label, bool(self._note))
        self._retranslate_complaint(line)
        self.full_button.setText(self.tr("✓ Received in full"))
        self.full_button.setAccessibleName(
            fill(self.tr("I received all %1"), format_fen(line.amount_fen))
        )
        self.wrong_button.setText(self.tr("✗ Not right"))
        self.wrong_button.setAccessibleName(self.tr("This payment is not right"))
        if self.confirming is not None:
            self.confirm_question.setText(
                fill(self.tr("Did you receive all %1?"), format_fen(line.amount_fen))
            )
            self.yes_button.setText(self.tr("Yes, all of it"))
            self.yes_button.setAccessibleName(self.tr("Yes, I received all of it"))
            self.no_button.setText(self.tr("Go back"))
            self.no_button.setAccessibleName(self.tr("Go back without answering"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def complaint_text(self) -> str:
        """The complaint badge's words, empty when the payment has none."""
        badge = self.complaint_label
        return badge.text() if badge is not None and not badge.isHidden() else ""

    def _retranslate_complaint(self, line: PaymentLine) -> None:
        mark = line.complaint
        if mark is None:
            if self.complaint_label is not None:
                self.complaint_label.clear()
                set_shown(self.complaint_label, False)
            return
        if self.complaint_label is None:
            self.complaint_label = label("ok")
            self.complaint_label.setObjectName("payment-complaint")
            self._layout.insertWidget(
                self._layout.indexOf(self.status_label) + 1, self.complaint_label
            )
        number = grouped(mark.tracking_number)
        if mark.delivery is OutboxState.PENDING:
            words = self.tr("Complaint %1: saved on this terminal, waiting to be sent")
        elif mark.delivery is OutboxState.SENT:
            words = self.tr("Complaint %1: sent to the discipline inspectors")
        else:
            words = self.tr("Complaint %1: the central system did not take it. Please ask staff.")
        self.complaint_label.setText(fill(words, number))
        # Read out digit by digit, as the receipt step says the number.
        self.complaint_label.setAccessibleName(fill(words, " ".join(mark.tracking_number)))
        set_shown(self.complaint_label, True)

    def _ask_confirm(self) -> None:
        if self.confirming is None:
            self._build_confirming()
        assert self.confirming is not None
        self.answers.hide()
        self.confirming.show()

    def _build_confirming(self) -> None:
        self.confirm_question = label("lead")
        self.yes_button = make_button("confirm-yes", "primary")
        self.no_button = make_button("confirm-no")
        self.confirming = QWidget()
        confirming = QVBoxLayout(self.confirming)
        confirming.setContentsMargins(0, 0, 0, 0)
        confirming.setSpacing(GAP // 2)
        confirming.addWidget(self.confirm_question)
        buttons = QHBoxLayout()
        buttons.setSpacing(GAP)
        for button in (self.yes_button, self.no_button):
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            buttons.addWidget(button, 1)
        confirming.addLayout(buttons)
        self._layout.addWidget(self.confirming)
        self.yes_button.clicked.connect(
            lambda: self.confirm_requested.emit(self.line.aid_record_id)
        )
        self.no_button.clicked.connect(self._cancel_confirm)
        self.retranslate()

    def _cancel_confirm(self) -> None:
        if self.confirming is not None and not self.confirming.isHidden():
            self.confirming.hide()
        if self.answers.isHidden():
            self.answers.show()


class YearPage(QWidget):
    """The payments of one year as cards, shown a batch at a time. Made once and refilled
    with :meth:`show_year`. No signals of its own; the ledger screen connects each card's
    as it is made."""

    def __init__(self, owner: LedgerScreen) -> None:
        super().__init__()
        self.year: LedgerYear | None = None
        self.setProperty("role", "page")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._owner = owner
        self._column = QVBoxLayout(self)
        self._column.setContentsMargins(0, 0, 0, GAP)
        self._column.setSpacing(GAP)
        # The stretch after the cards keeps a short year at the top.
        self._column.addStretch(1)
        self._pool = Pool(self._column, self._make_card, after_last=1)
        self._shown = 0

    @property
    def cards(self) -> list[PaymentCard]:
        """The cards filled now, in the year's order."""
        return self._pool.made[: self._shown]

    def show_year(self, year: LedgerYear) -> None:
        """Show the first cards of ``year``, reusing the cards shown before."""
        self.year = year
        self._fill(0, min(FIRST_BATCH, len(year.lines)))

    def clear(self) -> None:
        self.year = None
        self._fill(0, 0)
        self._pool.trim(KEEP_CARDS)

    def fully_built(self) -> bool:
        return self.year is None or self._shown >= len(self.year.lines)

    def build_more(self, count: int = BATCH) -> None:
        """Show the next ``count`` cards, if any are left."""
        if self.year is not None:
            self._fill(self._shown, min(self._shown + count, len(self.year.lines)))

    def card_for(self, aid_record_id: int) -> PaymentCard | None:
        return next((c for c in self.cards if c.shows(aid_record_id)), None)

    def _fill(self, kept: int, count: int) -> None:
        """Show ``count`` cards: the first ``kept`` as they are, the others refilled; empty
        the cards no longer shown."""
        lines = self.year.lines if self.year is not None else ()
        cards = self._pool.fit(count)
        for index in range(kept, count):
            cards[index].set_line(lines[index])
        for card in self._pool.made[count : self._shown]:
            card.clear()
        self._shown = count

    def _make_card(self) -> PaymentCard:
        card = PaymentCard()
        card.confirm_requested.connect(self._owner.confirm)
        card.dispute_requested.connect(self._owner.open_dispute)
        return card


class LedgerScreen(ResidentScreen):
    """Every payment in the household's name, a year per page, with the year's total and
    the total of all years; the dispute steps open over it.

    The main window's Back should call :meth:`go_back` first: it closes an open dispute
    step and returns True, or returns False when the ledger itself should be left.

    Signals:
        navigate(str): "check_complaint", when the resident, told that the payment's
            complaint is already being handled, touches "Check my complaint".
        complaint_requested(int, int): after a dispute was recorded, the resident asked to
            complain about that payment (aid record id, amount received in fen).
    """

    complaint_requested = Signal(int, int)

    def __init__(self, context: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("ledger-screen")
        self._household_id: int | None = None
        self._ledger: Ledger | None = None
        self._year_index = 0

        self.total_label = label("lead")
        self.total_label.setObjectName("grand-total")
        self.print_button = make_button("print-statement", "primary")
        self.print_button.setVisible(False)
        self.empty_label = label("title")
        self.empty_label.setObjectName("no-payments")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_hint = label("lead")
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.newer_button = make_button("newer-year")
        self.older_button = make_button("older-year")
        for button in (self.newer_button, self.older_button):
            # Hidden at the newest and the oldest year; the year title must not move.
            policy = button.sizePolicy()
            policy.setRetainSizeWhenHidden(True)
            button.setSizePolicy(policy)
        self.year_label = label("section")
        self.year_label.setObjectName("year-title")
        self.year_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.year_total_label = label("lead")
        self.year_total_label.setObjectName("year-total")
        self.year_total_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.year_scroll = ScrollPage()
        self._page = YearPage(self)
        self.year_scroll.set_content(self._page)

        years = QVBoxLayout()
        years.setSpacing(0)
        years.addWidget(self.year_label)
        years.addWidget(self.year_total_label)
        year_row = QHBoxLayout()
        year_row.setSpacing(GAP)
        # Time runs left to right, as on a calendar: the older year on the left.
        year_row.addWidget(self.older_button)
        year_row.addLayout(years, 1)
        year_row.addWidget(self.newer_button)
        self.year_bar = QWidget()
        self.year_bar.setLayout(year_row)
        year_row.setContentsMargins(0, 0, 0, 0)

        self.list_page = QWidget()
        self.list_page.setProperty("role", "page")
        column = QVBoxLayout(self.list_page)
        column.setContentsMargins(MARGIN, GAP, GAP, 0)
        column.setSpacing(GAP)
        totals = QHBoxLayout()
        totals.setSpacing(GAP)
        totals.addWidget(self.total_label, 1)
        totals.addWidget(self.print_button, 0, Qt.AlignmentFlag.AlignVCenter)
        column.addLayout(totals)
        column.addWidget(self.year_bar)
        column.addWidget(self.year_scroll, 1)
        column.addWidget(self.empty_label)
        column.addWidget(self.empty_hint)
        column.addStretch(0)

        self.dispute = DisputeScreen(context)
        self.stack = Pages()
        self.stack.addWidget(self.list_page)
        self.stack.addWidget(self.dispute)
        self.print_page = QWidget()
        self.print_page.setProperty("role", "page")
        self.preview = PrintPreview(context.print_queue)
        print_column = QVBoxLayout(self.print_page)
        print_column.setContentsMargins(MARGIN, GAP, MARGIN, GAP // 2)
        print_column.addWidget(self.preview)
        self.stack.addWidget(self.print_page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

        self.newer_button.clicked.connect(lambda: self.show_year(self._year_index - 1))
        self.older_button.clicked.connect(lambda: self.show_year(self._year_index + 1))
        self.dispute.finished.connect(self._close_dispute)
        self.print_button.clicked.connect(self.preview_statement)
        self.preview.back_requested.connect(self._close_preview)
        self.dispute.recorded.connect(self._refresh_line)
        self.dispute.complaint_requested.connect(self.complaint_requested)
        self.dispute.check_complaint_requested.connect(
            lambda: self.navigate.emit("check_complaint")
        )
        bar = self.year_scroll.area.verticalScrollBar()
        bar.valueChanged.connect(self._maybe_build_more)
        bar.rangeChanged.connect(self._maybe_build_more)
        self._show_state()
        self.retranslate()

    # ---- ResidentScreen ---------------------------------------------------------------

    @classmethod
    def make(cls, parts: ScreenParts) -> Self:
        screen = cls(parts.context)
        screen.complaint_requested.connect(parts.host.open_complaint_about_payment)
        return screen

    def screen_title(self) -> str:
        return self.tr("Payments in your name")

    def load(self, household_id: int) -> None:
        """Read every payment of the household and show the newest year."""
        with self.context.sessions() as session:
            found = ledger(session, household_id)
        # Only an open dispute holds anything to forget; clearing a closed one would
        # still set its texts again and make Qt lay out the whole screen anew.
        if self.stack.currentWidget() is self.dispute:
            self._close_dispute()
        self._household_id = household_id
        self._ledger = found
        if not found.years:
            self._page.clear()
        self._show_state()
        self.show_year(0)
        self.retranslate()

    def clear(self) -> None:
        self._close_dispute()
        self._close_preview()
        self._page.clear()
        self._household_id = None
        self._ledger = None
        self._year_index = 0
        for widget in (self.total_label, self.year_label, self.year_total_label):
            widget.clear()
        self._show_state()

    def retranslate(self) -> None:
        found = self._ledger
        self.empty_label.setText(self.tr("No payment is recorded in your household's name."))
        self.empty_hint.setText(
            self.tr("If you think money was paid to you, staff at the service desk can help.")
        )
        self.print_button.setText(self.tr("Print statement"))
        if found is None or not found.years:
            self.total_label.clear()
            return
        self.total_label.setText(
            fill(
                self.tr("All years: %2 in total, number of payments: %1"),
                found.count,
                format_fen(found.total_fen),
            )
        )
        self._retranslate_year()

    def spoken_text(self) -> str:
        if self.stack.currentWidget() is self.dispute:
            return self.dispute.spoken_text()
        if self.stack.currentWidget() is self.print_page:
            return self.preview.spoken_text()
        found = self._ledger
        if found is None or not found.years:
            return self.empty_label.text()
        return (
            f"{self.total_label.text()}. {self.year_label.text()}: {self.year_total_label.text()}"
        )

    # ---- for the main window and tests ----------------------------------------------------

    def go_back(self) -> bool:
        """Back inside the ledger: a dispute step back, or close it. False: nothing to close."""
        if self.stack.currentWidget() is self.dispute:
            if not self.dispute.go_back():
                self._close_dispute()
            return True
        if self.stack.currentWidget() is self.print_page:
            self._close_preview()
            return True
        return False

    def preview_statement(self) -> None:
        """ "Print statement": the statement as it will print, then Print."""
        issue = self.context.statement_issue(self._household_id)
        if issue is None:
            return
        self.preview.show_document(
            issue,
            title=lambda: self.tr("Your statement of payments"),
            fallback=lambda: self.tr("Touch Try again, or ask staff at the service desk."),
        )
        self.stack.setCurrentWidget(self.print_page)

    def _close_preview(self) -> None:
        self.preview.clear()
        if self.stack.currentWidget() is self.print_page:
            self.stack.setCurrentWidget(self.list_page)

    def current_ledger(self) -> Ledger | None:
        return self._ledger

    def current_year(self) -> LedgerYear | None:
        return self._page.year

    def year_page(self) -> YearPage | None:
        return self._page if self._page.year is not None else None

    def show_year(self, index: int) -> None:
        """Show the year at ``index`` (0 is the newest), from its top."""
        found = self._ledger
        if found is None or not found.years:
            return
        index = max(0, min(index, len(found.years) - 1))
        self._year_index = index
        self._page.show_year(found.years[index])
        self.year_scroll.lay_out_now()
        self.year_scroll.scroll_to_top()
        self._retranslate_year()
        for button, usable in (
            (self.newer_button, index > 0),
            (self.older_button, index < len(found.years) - 1),
        ):
            if button.isEnabled() != usable:
                button.setEnabled(usable)
                button.setVisible(usable)

    def show_year_of(self, year: int) -> None:
        found = self._ledger
        if found is not None:
            for index, item in enumerate(found.years):
                if item.year == year:
                    self.show_year(index)
                    return

    def card_for(self, aid_record_id: int) -> PaymentCard | None:
        """The card of an aid record on the year page shown now (building batches to it)."""
        page = self._page
        card = page.card_for(aid_record_id)
        while card is None and not page.fully_built():
            page.build_more()
            card = page.card_for(aid_record_id)
        return card

    def confirm(self, aid_record_id: int) -> None:
        """Store "received in full" for an aid record, then show it on its card."""
        if self._household_id is None:
            return
        try:
            with self.context.sessions.begin() as session:
                record_verification(
                    session,
                    household_id=self._household_id,
                    aid_record_id=aid_record_id,
                    kind=VerificationKind.RECEIVED_IN_FULL,
                    kiosk_code=self.context.kiosk_code,
                )
        except VerificationRefused as refused:
            card = self.card_for(aid_record_id)
            if card is not None:
                card.set_line(card.line, reason_text(refused.reason))
            return
        self._refresh_line(aid_record_id, note=self.tr("Recorded. Thank you."))

    def open_dispute(self, aid_record_id: int) -> None:
        """Open the dispute steps for an aid record of the year shown."""
        card = self.card_for(aid_record_id)
        if card is None or self._household_id is None:
            return
        self.dispute.start(self._household_id, card.line)
        self.stack.setCurrentWidget(self.dispute)

    # ---- inside ---------------------------------------------------------------------------

    def _close_dispute(self) -> None:
        self.dispute.clear()
        self.stack.setCurrentWidget(self.list_page)

    def _refresh_line(self, aid_record_id: int, note: str = "") -> None:
        """Read the ledger again and show the aid record's new state on its card."""
        if self._household_id is None:
            return
        with self.context.sessions() as session:
            self._ledger = ledger(session, self._household_id)
        line = next(
            (
                item
                for year in self._ledger.years
                for item in year.lines
                if item.aid_record_id == aid_record_id
            ),
            None,
        )
        page = self._page
        if page.year is not None and self._year_index < len(self._ledger.years):
            page.year = self._ledger.years[self._year_index]
        card = self.card_for(aid_record_id)
        if card is not None and line is not None:
            card.set_line(line, note or self.tr("Recorded."))

    def _show_state(self) -> None:
        has_payments = self._ledger is not None and bool(self._ledger.years)
        empty = self._ledger is not None and not self._ledger.years
        for widget, visible in (
            (self.print_button, has_payments and self.context.can_print),
            (self.total_label, has_payments),
            (self.year_bar, has_payments),
            (self.year_scroll, has_payments),
            (self.empty_label, empty),
            (self.empty_hint, empty),
        ):
            set_shown(widget, visible)

    def _retranslate_year(self) -> None:
        year = self._page.year
        found = self._ledger
        if year is None or found is None:
            return
        self.year_label.setText(fill(self.tr("Year %1"), year.year))
        self.year_total_label.setText(
            fill(
                self.tr("This year: %2 in total, number of payments: %1"),
                len(year.lines),
                format_fen(year.total_fen),
            )
        )
        # The neighbouring years on the buttons: a resident sees where each one leads.
        index = self._year_index
        newer = found.years[index - 1].year if index > 0 else None
        older = found.years[index + 1].year if index + 1 < len(found.years) else None
        self.newer_button.setText(f"{newer} ▶" if newer else "▶")
        self.newer_button.setAccessibleName(
            fill(self.tr("Show the payments of %1"), newer) if newer else self.tr("No newer year")
        )
        self.older_button.setText(f"◀ {older}" if older else "◀")
        self.older_button.setAccessibleName(
            fill(self.tr("Show the payments of %1"), older) if older else self.tr("No older year")
        )

    def _maybe_build_more(self) -> None:
        page = self._page
        if page.fully_built():
            return
        bar = self.year_scroll.area.verticalScrollBar()
        if bar.value() >= bar.maximum() - bar.pageStep():
            page.build_more()
