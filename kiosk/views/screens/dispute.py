"""Saying that a payment is not right: less than recorded, or nothing at all.

One question per step: what did you receive; how much (on the amount pad); then a clear
"recorded". The answer is stored with :func:`kiosk.services.resident.record_verification`
in one short transaction. "Make a complaint about this" on the last step asks the owner to
open the complaint screen with the payment and the amounts filled in.

A payment that already has a complaint filed at this terminal is never complained about
again without a word: the resident is first asked whether this is the same matter. The same
matter is not filed twice; they are told it is being handled and how to check it. Another
matter goes on to the complaint steps, and the new complaint points at the same payment
(the server shows inspectors the complaints about one payment together).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.clock import SHANGHAI
from kiosk.domain.models import OutboxState, VerificationKind
from kiosk.domain.money import MoneyError, format_fen, parse_yuan
from kiosk.domain.tracking import grouped
from kiosk.services.resident import PaymentLine, VerificationRefused, record_verification
from kiosk.views import labels
from kiosk.views.problems import worded
from kiosk.views.screens.base import ScreenContext
from kiosk.views.screens.common import GAP, MARGIN, fill, label
from kiosk.views.screens.common import button as make_button
from kiosk.views.widgets.keypad import amount_entry
from kiosk.views.widgets.step_stack import StepStack


class PaymentSummary(QFrame):
    """The payment a step is about: programme, amount, date and paying department.

    Plain text only; :meth:`show_line` fills it, :meth:`clear` empties it. No signals.
    """

    def __init__(self, parent: QWidget | None = None, *, compact: bool = False) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        self.programme_label = label("card-title")
        self.amount_label = label("money", wrap=False)
        self.amount_label.setObjectName("summary-amount")
        self.details_label = label("value")
        top = QHBoxLayout()
        top.addWidget(self.programme_label, 1)
        top.addWidget(self.amount_label, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(GAP, GAP, GAP, GAP)
        layout.setSpacing(GAP // 2)
        layout.addLayout(top)
        layout.addWidget(self.details_label)
        # Compact: programme and amount only, where the pad needs the height.
        self.details_label.setVisible(not compact)
        self._line: PaymentLine | None = None

    def show_line(self, line: PaymentLine) -> None:
        self._line = line
        self.retranslate()

    def clear(self) -> None:
        self._line = None
        for widget in (self.programme_label, self.amount_label, self.details_label):
            widget.clear()

    def retranslate(self) -> None:
        line = self._line
        if line is None:
            return
        self.programme_label.setText(labels.programme_labels()[line.programme])
        self.amount_label.setText(format_fen(line.amount_fen))
        self.details_label.setText(
            fill(self.tr("Paid on %1 by %2"), labels.long_date(line.paid_on), line.department)
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class DisputeScreen(QWidget):
    """The steps of saying one payment is not right, ending with "recorded".

    The owner (the ledger screen) calls :meth:`start` with the household and the payment,
    and shows the ledger again on :attr:`finished`. :meth:`clear` forgets everything.

    Signals:
        finished(): the resident is done (answer recorded) or went back; show the ledger.
        recorded(int): the answer on the aid record of this id was stored.
        complaint_requested(int, int): after "recorded", the resident wants to complain
            about the aid record of this id; the second value is what they said they
            received, in fen (0 for nothing). For a payment that already has a complaint,
            only after they said it is another matter.
        check_complaint_requested(): the payment's complaint is the same matter, and the
            resident touched "Check my complaint"; the dispute has finished first.
    """

    finished = Signal()
    recorded = Signal(int)
    complaint_requested = Signal(int, int)
    check_complaint_requested = Signal()

    def __init__(self, context: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("dispute")
        self.setProperty("role", "screen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._household_id: int | None = None
        self._line: PaymentLine | None = None
        self._received_fen: int | None = None
        self._kind: VerificationKind | None = None
        #: Why the last answer could not be stored, in the language current when called.
        self._problem: Callable[[], str] | None = None

        self.ask_step = self._build_ask()
        self.amount_step = self._build_amount()
        self.nothing_step = self._build_nothing()
        self.done_step = self._build_done()
        self.same_step = self._build_same()
        self.handled_step = self._build_handled()
        self.steps = StepStack(self._all_steps())
        layout = QVBoxLayout(self)
        # Little margin above and below: the amount pad needs the height of a low screen.
        layout.setContentsMargins(MARGIN, GAP // 2, MARGIN, GAP // 2)
        layout.addWidget(self.steps)

        self.less_button.clicked.connect(self._on_less)
        self.nothing_button.clicked.connect(self._on_nothing)
        self.ask_back_button.clicked.connect(self._go_back_to_ledger)
        self.amount_confirm_button.clicked.connect(self._on_amount_confirm)
        self.amount_back_button.clicked.connect(self._show_ask)
        self.amount_nothing_button.clicked.connect(self._on_nothing)
        self.nothing_confirm_button.clicked.connect(self._on_nothing_confirm)
        self.nothing_back_button.clicked.connect(self._show_ask)
        self.done_button.clicked.connect(self._finish)
        self.complain_button.clicked.connect(self._on_complain)
        self.same_button.clicked.connect(self._on_same_matter)
        self.different_button.clicked.connect(self._go_on_to_complaint)
        self.check_button.clicked.connect(self._on_check)
        self.handled_back_button.clicked.connect(self._finish)
        self.amount.text_changed.connect(self._on_amount_typed)
        self._show_step(self.ask_step)
        self.retranslate()

    # ---- building ---------------------------------------------------------------------

    def _page(self) -> tuple[QWidget, QVBoxLayout]:
        page = QWidget()
        page.setProperty("role", "page")
        page.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(GAP)
        return page, layout

    def _build_ask(self) -> QWidget:
        page, layout = self._page()
        self.ask_summary = PaymentSummary()
        self.ask_question = label("title")
        self.ask_hint = label("lead")
        self.less_button = make_button("received-less", "primary")
        self.nothing_button = make_button("received-nothing", "primary")
        self.ask_back_button = make_button("dispute-back")
        layout.addWidget(self.ask_summary)
        layout.addWidget(self.ask_question)
        layout.addWidget(self.ask_hint)
        layout.addStretch(1)
        # The three answers in a row on a landscape screen, one above the other on a
        # portrait one (see _arrange_for).
        self._ask_buttons = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._ask_buttons.setSpacing(GAP)
        for button in (self.less_button, self.nothing_button, self.ask_back_button):
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            self._ask_buttons.addWidget(button, 1)
        layout.addLayout(self._ask_buttons)
        layout.addStretch(1)
        return page

    def _build_amount(self) -> QWidget:
        page, layout = self._page()
        self.amount_summary = PaymentSummary(compact=True)
        self.amount_question = label("question")
        self.amount_hint = label("lead")
        self.amount = amount_entry()
        self.amount.setObjectName("received-amount")
        self.problem_label = label("problem")
        self.problem_label.setObjectName("amount-problem")
        self.problem_label.hide()
        self.amount_confirm_button = make_button("amount-confirm", "primary")
        self.amount_nothing_button = make_button("amount-nothing", big=True)
        self.amount_nothing_button.hide()
        self.amount_back_button = make_button("amount-back")
        self.amount_actions = QWidget()
        actions = QHBoxLayout(self.amount_actions)
        actions.setContentsMargins(0, 0, 0, 0)
        actions.setSpacing(GAP)
        for button in (self.amount_back_button, self.amount_confirm_button):
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            actions.addWidget(button, 1)

        self._amount_words = QVBoxLayout()
        self._amount_words.setSpacing(GAP)
        for widget in (
            self.amount_summary,
            self.amount_question,
            self.amount_hint,
            self.problem_label,
            self.amount_nothing_button,
        ):
            self._amount_words.addWidget(widget)
        self._amount_words.addStretch(1)
        self._amount_pad = QVBoxLayout()
        self._amount_pad.setSpacing(GAP)
        self._amount_pad.addWidget(self.amount)
        # Side by side on a landscape screen, the actions under the words (the pad alone
        # fills the height of a low screen); one above the other on a portrait screen,
        # the actions under the pad.
        self._amount_body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._amount_body.setSpacing(MARGIN)
        self._amount_body.addLayout(self._amount_words, 1)
        self._amount_body.addLayout(self._amount_pad, 0)
        layout.addLayout(self._amount_body, 1)
        self._amount_words.addWidget(self.amount_actions)
        return page

    def _build_nothing(self) -> QWidget:
        page, layout = self._page()
        self.nothing_summary = PaymentSummary()
        self.nothing_question = label("title")
        self.nothing_problem_label = label("problem")
        self.nothing_problem_label.hide()
        self.nothing_confirm_button = make_button("nothing-confirm", "primary", big=True)
        self.nothing_back_button = make_button("nothing-back", big=True)
        layout.addWidget(self.nothing_summary)
        layout.addWidget(self.nothing_question)
        layout.addWidget(self.nothing_problem_label)
        layout.addStretch(1)
        for button in (self.nothing_confirm_button, self.nothing_back_button):
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            layout.addWidget(button)
        layout.addStretch(1)
        return page

    def _build_done(self) -> QWidget:
        page, layout = self._page()
        self.done_title = label("title")
        self.done_title.setObjectName("recorded-title")
        self.done_title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.done_body = label("lead")
        self.done_body.setObjectName("recorded-body")
        self.done_next = label("lead")
        self.complain_button = make_button("complain-about-payment", "primary", big=True)
        self.done_button = make_button("back-to-payments", big=True)
        self._done_buttons = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._done_buttons.setSpacing(GAP)
        for button in (self.complain_button, self.done_button):
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            self._done_buttons.addWidget(button, 1)
        layout.addStretch(1)
        layout.addWidget(self.done_title)
        layout.addWidget(self.done_body)
        layout.addWidget(self.done_next)
        layout.addSpacing(GAP)
        layout.addLayout(self._done_buttons)
        layout.addStretch(2)
        return page

    def _build_same(self) -> QWidget:
        page, layout = self._page()
        self.same_summary = PaymentSummary(compact=True)
        self.same_question = label("title")
        self.same_question.setObjectName("same-matter-question")
        self.same_where = label("lead")
        self.same_hint = label("lead")
        self.same_button = make_button("same-matter", "primary", big=True)
        self.different_button = make_button("different-matter", big=True)
        self._same_buttons = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._same_buttons.setSpacing(GAP)
        for button in (self.same_button, self.different_button):
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            self._same_buttons.addWidget(button, 1)
        layout.addWidget(self.same_summary)
        layout.addStretch(1)
        layout.addWidget(self.same_question)
        layout.addWidget(self.same_where)
        layout.addWidget(self.same_hint)
        layout.addSpacing(GAP)
        layout.addLayout(self._same_buttons)
        layout.addStretch(2)
        return page

    def _build_handled(self) -> QWidget:
        page, layout = self._page()
        self.handled_title = label("title")
        self.handled_title.setObjectName("handled-title")
        self.handled_title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.handled_body = label("lead")
        self.handled_body.setObjectName("handled-body")
        self.handled_how = label("lead")
        self.check_button = make_button("check-my-complaint", "primary", big=True)
        self.handled_back_button = make_button("handled-back", big=True)
        self._handled_buttons = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._handled_buttons.setSpacing(GAP)
        for button in (self.check_button, self.handled_back_button):
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            self._handled_buttons.addWidget(button, 1)
        layout.addStretch(1)
        layout.addWidget(self.handled_title)
        layout.addWidget(self.handled_body)
        layout.addWidget(self.handled_how)
        layout.addSpacing(GAP)
        layout.addLayout(self._handled_buttons)
        layout.addStretch(2)
        return page

    def _all_steps(self) -> tuple[QWidget, ...]:
        return (
            self.ask_step,
            self.amount_step,
            self.nothing_step,
            self.done_step,
            self.same_step,
            self.handled_step,
        )

    # ---- what the owner calls ---------------------------------------------------------

    def start(self, household_id: int, line: PaymentLine) -> None:
        """Begin the steps for ``line``, a payment of household ``household_id``."""
        self.clear()
        self._household_id = household_id
        self._line = line
        for summary in self._summaries():
            summary.show_line(line)
        self.retranslate()
        self._show_ask()

    def line(self) -> PaymentLine | None:
        return self._line

    def go_back(self) -> bool:
        """One step back, as the top bar's Back asks; False when there is no step left here
        (the owner then goes back itself)."""
        current = self.steps.currentWidget()
        if current in (self.amount_step, self.nothing_step):
            self._show_ask()
            return True
        if current in (self.done_step, self.handled_step):
            self._finish()
            return True
        if current is self.same_step:
            self._show_step(self.done_step)
            return True
        return False

    def clear(self) -> None:
        """Forget the payment and the amount typed, and show the first step."""
        self._household_id = None
        self._line = None
        self._received_fen = None
        self._kind = None
        self._problem = None
        self.amount.clear()
        for summary in self._summaries():
            summary.clear()
        self._set_problem(None)
        # With no payment, every text that named it is set empty again.
        self.retranslate()
        self._show_step(self.ask_step)

    def spoken_text(self) -> str:
        current = self.steps.currentWidget()
        if current is self.done_step:
            return f"{self.done_title.text()} {self.done_body.text()} {self.done_next.text()}"
        if current is self.amount_step:
            return f"{self.amount_question.text()} {self.amount_hint.text()}"
        if current is self.nothing_step:
            return self.nothing_question.text()
        if current is self.same_step:
            return " ".join(w.text() for w in (self.same_question, self.same_where, self.same_hint))
        if current is self.handled_step:
            return " ".join(
                w.text() for w in (self.handled_title, self.handled_body, self.handled_how)
            )
        return f"{self.ask_question.text()} {self.ask_hint.text()}"

    def retranslate(self) -> None:
        line = self._line
        recorded = format_fen(line.amount_fen) if line else ""
        self.ask_question.setText(self.tr("What did you receive?"))
        self.ask_hint.setText(
            fill(self.tr("The record says %1 was paid to you."), recorded) if line else ""
        )
        self.less_button.setText(self.tr("Less than this"))
        self.less_button.setAccessibleName(self.tr("I received less than this"))
        self.nothing_button.setText(self.tr("Nothing at all"))
        self.nothing_button.setAccessibleName(self.tr("I received nothing of this payment"))
        self.ask_back_button.setText(self.tr("Go back"))
        self.ask_back_button.setAccessibleName(self.tr("Go back to the payments"))

        self.amount_question.setText(self.tr("How much did you receive?"))
        self.amount_hint.setText(
            self.tr("Type the amount in yuan on the number keys, then touch Confirm.")
        )
        self.amount.set_affixes("¥", "")
        self.amount.set_placeholder(self.tr("Amount in yuan"))
        self.amount.set_display_name(self.tr("Amount you received, in yuan"))
        self.amount_confirm_button.setText(self.tr("Confirm"))
        self.amount_confirm_button.setAccessibleName(self.tr("Confirm the amount"))
        self.amount_back_button.setText(self.tr("Go back"))
        self.amount_back_button.setAccessibleName(self.tr("Go back one step"))
        self.amount_nothing_button.setText(self.tr("I received nothing"))
        self.amount_nothing_button.setAccessibleName(self.tr("I received nothing of this payment"))
        if self._problem is not None:
            self._show_problem_text()

        self.nothing_question.setText(
            fill(
                self.tr("You are saying you received nothing of the %1 recorded. Is that right?"),
                recorded,
            )
            if line
            else ""
        )
        self.nothing_confirm_button.setText(self.tr("Yes, I received nothing"))
        self.nothing_confirm_button.setAccessibleName(self.tr("Yes, I received nothing"))
        self.nothing_back_button.setText(self.tr("Go back"))
        self.nothing_back_button.setAccessibleName(self.tr("Go back one step"))

        self.done_title.setText(self.tr("✓ Recorded"))
        self.done_body.setText(self._done_text())
        self.done_next.setText(
            self.tr(
                "Your answer is kept with this payment. Staff and the discipline inspectors"
                " can see it."
            )
        )
        self.done_button.setText(self.tr("Back to the payments"))
        self.done_button.setAccessibleName(self.tr("Back to the list of payments"))
        self.complain_button.setText(self.tr("Make a complaint about this"))
        self.complain_button.setAccessibleName(
            self.tr("Make a complaint to the discipline inspectors about this payment")
        )
        self._retranslate_same_matter()

    def _retranslate_same_matter(self) -> None:
        mark = self._line.complaint if self._line is not None else None
        number = grouped(mark.tracking_number) if mark else ""
        self.same_question.setText(
            fill(
                self.tr("This payment already has complaint %1. Is this the same matter?"),
                number,
            )
            if mark
            else ""
        )
        if mark is None:
            self.same_where.clear()
        else:
            filed_on = labels.long_date(mark.filed_at.astimezone(SHANGHAI).date())
            self.same_where.setText(
                fill(
                    self.tr("It was filed on %1 and waits on this terminal to be sent.")
                    if mark.delivery is OutboxState.PENDING
                    else self.tr("It was filed on %1 and sent to the discipline inspectors."),
                    filed_on,
                )
            )
        self.same_hint.setText(
            self.tr("If it is the same, you need not complain again: it is being handled.")
        )
        self.same_button.setText(self.tr("Yes, the same matter"))
        self.same_button.setAccessibleName(
            self.tr("Yes, it is the same matter: do not file it again")
        )
        self.different_button.setText(self.tr("No, something else"))
        self.different_button.setAccessibleName(
            self.tr("No, it is something else: make a new complaint")
        )
        self.handled_title.setText(self.tr("✓ Your complaint is being handled"))
        self.handled_body.setText(
            fill(self.tr("Complaint %1 is about this payment. Nothing new was filed."), number)
            if mark
            else ""
        )
        self.handled_how.setText(
            self.tr(
                'To see how it stands, touch "Check my complaint" and type the tracking'
                " number and the secret code you wrote down when you filed it."
            )
        )
        self.check_button.setText(self.tr("Check my complaint"))
        self.check_button.setAccessibleName(self.tr("Check my complaint"))
        self.handled_back_button.setText(self.tr("Back to the payments"))
        self.handled_back_button.setAccessibleName(self.tr("Back to the list of payments"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._arrange_for(event.size())
        super().resizeEvent(event)

    # ---- steps ------------------------------------------------------------------------

    def _arrange_for(self, size: QSize) -> None:
        landscape = size.width() > size.height()
        direction = (
            QBoxLayout.Direction.LeftToRight if landscape else QBoxLayout.Direction.TopToBottom
        )
        if direction == self._amount_body.direction():
            return
        self._amount_body.setDirection(direction)
        for row in (
            self._ask_buttons,
            self._done_buttons,
            self._same_buttons,
            self._handled_buttons,
        ):
            row.setDirection(direction)
        target = self._amount_words if landscape else self._amount_pad
        for column in (self._amount_words, self._amount_pad):
            column.removeWidget(self.amount_actions)
        target.addWidget(self.amount_actions)
        # In a column the pad keeps its own width and stands in the middle.
        self._amount_body.setStretch(1, 0)

    def _show_step(self, step: QWidget) -> None:
        self.steps.show_step(step)

    def current_step(self) -> QWidget:
        return self.steps.current_step()

    def _show_ask(self) -> None:
        self._set_problem(None)
        self._show_step(self.ask_step)

    def _on_less(self) -> None:
        self.amount.clear()
        self._set_problem(None)
        self._update_confirm()
        self._show_step(self.amount_step)

    def _on_nothing(self) -> None:
        self._set_problem(None)
        self._show_step(self.nothing_step)

    def _on_amount_typed(self, _text: str) -> None:
        self._set_problem(None)
        self._update_confirm()

    def _update_confirm(self) -> None:
        enabled = bool(self.amount.text())
        if self.amount_confirm_button.isEnabled() != enabled:
            self.amount_confirm_button.setEnabled(enabled)

    def _on_amount_confirm(self) -> None:
        line = self._line
        if line is None:
            return
        try:
            received = parse_yuan(self.amount.text())
        except MoneyError as error:
            self._set_problem(worded(error.reason))
            return
        if received > line.amount_fen:
            recorded = format_fen(line.amount_fen)
            self._set_problem(
                lambda: fill(
                    self.tr("That is more than the %1 recorded. Enter what you really received."),
                    recorded,
                )
            )
            return
        self._record(VerificationKind.RECEIVED_LESS, received)

    def _on_nothing_confirm(self) -> None:
        self._record(VerificationKind.RECEIVED_NOTHING, None)

    def _record(self, kind: VerificationKind, received_fen: int | None) -> None:
        line, household_id = self._line, self._household_id
        if line is None or household_id is None:
            return
        try:
            with self.context.sessions.begin() as session:
                record_verification(
                    session,
                    household_id=household_id,
                    aid_record_id=line.aid_record_id,
                    kind=kind,
                    received_fen=received_fen,
                    kiosk_code=self.context.kiosk_code,
                )
        except VerificationRefused as refused:
            self._set_problem(worded(refused.reason))
            return
        self._kind = kind
        self._received_fen = 0 if kind is VerificationKind.RECEIVED_NOTHING else received_fen
        self.amount.clear()
        self.done_body.setText(self._done_text())
        self._show_step(self.done_step)
        self.recorded.emit(line.aid_record_id)

    def _done_text(self) -> str:
        line = self._line
        if line is None or self._kind is None:
            return ""
        if self._kind is VerificationKind.RECEIVED_NOTHING:
            return fill(
                self.tr("You said you received nothing of the %1 recorded."),
                format_fen(line.amount_fen),
            )
        return fill(
            self.tr("You said you received %1 of the %2 recorded."),
            format_fen(self._received_fen or 0),
            format_fen(line.amount_fen),
        )

    def _set_problem(self, problem: Callable[[], str] | None) -> None:
        """Show why the answer was refused on the step the resident is on (None: hide it)."""
        self._problem = problem
        for widget in (self.problem_label, self.nothing_problem_label):
            if problem is None and not widget.isHidden():
                widget.hide()
                widget.clear()
        if problem is None and self.amount_hint.isHidden():
            self.amount_hint.show()
        if problem is None:
            if not self.amount_nothing_button.isHidden():
                self.amount_nothing_button.hide()
            return
        target = (
            self.nothing_problem_label
            if self.steps.currentWidget() is self.nothing_step
            else self.problem_label
        )
        self._show_problem_text()
        target.show()
        # The reason takes the place of the instruction, so both fit a low screen.
        if target is self.problem_label:
            self.amount_hint.hide()
        # A zero amount means "nothing": offer that answer right where the resident is.
        if target is self.problem_label:
            self.amount_nothing_button.setVisible(self._is_zero(self.amount.text()))

    def _show_problem_text(self) -> None:
        if self._problem is not None:
            text = "! " + self._problem()
            self.problem_label.setText(text)
            self.nothing_problem_label.setText(text)

    @staticmethod
    def _is_zero(text: str) -> bool:
        try:
            return parse_yuan(text) == 0
        except MoneyError:
            return False

    def _go_back_to_ledger(self) -> None:
        self._finish()

    def _on_complain(self) -> None:
        line = self._line
        if line is None or self._kind is None:
            return
        if line.complaint is not None:
            # Asked first, so the same matter is never filed twice by accident.
            self._show_step(self.same_step)
            return
        self._go_on_to_complaint()

    def _on_same_matter(self) -> None:
        self._show_step(self.handled_step)

    def _on_check(self) -> None:
        self._finish()
        self.check_complaint_requested.emit()

    def _summaries(self) -> tuple[PaymentSummary, ...]:
        return (self.ask_summary, self.amount_summary, self.nothing_summary, self.same_summary)

    def _go_on_to_complaint(self) -> None:
        line = self._line
        if line is None or self._kind is None:
            return
        aid_record_id, received_fen = line.aid_record_id, self._received_fen or 0
        # The ledger shows again under the complaint screen: Back from there lands on it.
        self._finish()
        self.complaint_requested.emit(aid_record_id, received_fen)

    def _finish(self) -> None:
        self.clear()
        self.finished.emit()
