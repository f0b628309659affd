"""The household's micro-loans: how much, from which bank, on what terms, and what is repaid."""

from __future__ import annotations

import calendar
from datetime import date

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from kiosk.domain.money import format_fen
from kiosk.services.resident import LoanView, loans
from kiosk.views import labels
from kiosk.views.screens.base import ScreenContext
from kiosk.views.screens.common import (
    GAP,
    CardListView,
    Pool,
    PooledCard,
    ScrollViewScreen,
    card_layout,
    fill,
    label,
    set_shown,
)


def due_date(start: date, months: int) -> date:
    """The day a loan of ``months`` from ``start`` falls due (the last day of a short month
    when ``start`` is on a day that month does not have)."""
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


class LoanCard(PooledCard):
    """One loan: amount and bank, then its terms as label and value pairs, then every
    repayment. Made once and refilled with :meth:`set_loan`. No signals."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.loan: LoanView | None = None
        column = card_layout(self, "loan-card")
        self.amount_label = label("money")
        self.amount_label.setObjectName("loan-amount")
        self.bank_label = label("card-title")
        self.status_label = label("lead")
        self.status_label.setObjectName("loan-status")
        column.addWidget(self.amount_label)
        column.addWidget(self.bank_label)
        column.addWidget(self.status_label)

        grid = QGridLayout()
        grid.setHorizontalSpacing(GAP)
        grid.setVerticalSpacing(GAP // 3)
        self.terms: dict[str, tuple[QLabel, QLabel]] = {}
        for row, key in enumerate(
            ("purpose", "rate", "term", "start", "interest", "repaid", "remaining")
        ):
            name = label("body")
            name.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            value = label("value")
            value.setObjectName(f"loan-{key}")
            grid.addWidget(name, row, 0)
            grid.addWidget(value, row, 1)
            self.terms[key] = (name, value)
        grid.setColumnStretch(1, 1)
        column.addLayout(grid)

        self.repayments_heading = label("card-title")
        column.addWidget(self.repayments_heading)
        repayments = QVBoxLayout()
        repayments.setSpacing(column.spacing())
        column.addLayout(repayments)
        self._repayments = Pool(repayments, lambda: label("body"))
        self.no_repayments_label = label("body")
        column.addWidget(self.no_repayments_label)

    @property
    def repayment_labels(self) -> list[QLabel]:
        """One label per repayment of the loan shown."""
        return self._repayments.made[: len(self.loan.repayments) if self.loan else 0]

    def set_loan(self, loan: LoanView) -> None:
        self.loan = loan
        self.amount_label.setText(format_fen(loan.amount_fen))
        self.bank_label.setText(loan.bank)
        self._repayments.fit(len(loan.repayments))
        for widget in self._repayments.hidden():
            widget.clear()
        set_shown(self.no_repayments_label, not loan.repayments)
        self.retranslate()

    def clear(self) -> None:
        self.loan = None
        self._repayments.fit(0)
        for widget in self.findChildren(QLabel):
            widget.clear()
            widget.setAccessibleName("")

    def remaining_fen(self) -> int:
        if self.loan is None:
            return 0
        return max(self.loan.amount_fen - self.loan.repaid_fen, 0)

    def retranslate(self) -> None:
        loan = self.loan
        if loan is None:
            return
        self.bank_label.setAccessibleName(fill(self.tr("Bank: %1"), loan.bank))
        self.status_label.setText(
            fill(
                self.tr("%1 %2"),
                labels.LOAN_STATUS_SYMBOLS[loan.status],
                labels.loan_status_labels()[loan.status],
            )
        )
        due = labels.long_date(due_date(loan.start_date, loan.term_months))
        values = {
            "purpose": (self.tr("Used for"), loan.purpose),
            "rate": (self.tr("Yearly interest rate"), labels.yearly_rate(loan.rate_bp)),
            "term": (
                self.tr("Term"),
                fill(self.tr("%1, until %2"), labels.loan_term(loan.term_months), due),
            ),
            "start": (self.tr("Paid out on"), labels.long_date(loan.start_date)),
            "interest": (
                self.tr("Interest"),
                self.tr("Paid for you by the government (interest subsidy)")
                if loan.interest_subsidised
                else self.tr("Paid by your household"),
            ),
            "repaid": (self.tr("Repaid so far"), format_fen(loan.repaid_fen)),
            "remaining": (self.tr("Still to repay"), format_fen(self.remaining_fen())),
        }
        for key, (name, value) in self.terms.items():
            name_text, value_text = values[key]
            name.setText(name_text)
            value.setText(value_text)
            value.setAccessibleName(f"{name_text}: {value_text}")
        self.repayments_heading.setText(self.tr("Repayments"))
        for repayment, widget in zip(loan.repayments, self.repayment_labels, strict=True):
            widget.setText(
                fill(
                    self.tr("%1: %2 of the loan, %3 interest"),
                    labels.long_date(repayment.paid_on),
                    format_fen(repayment.principal_fen),
                    format_fen(repayment.interest_fen),
                )
            )
        self.no_repayments_label.setText(self.tr("No repayment yet."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class _LoansView(CardListView[LoanView, LoanCard]):
    """The content of the screen: the loans of the household loaded last. No signals."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("loans-view", parent)
        self.summary_label.setObjectName("loans-summary")

    def make_card(self) -> LoanCard:
        return LoanCard()

    def fill_card(self, card: LoanCard, item: LoanView) -> None:
        card.set_loan(item)

    def summary_text(self, count: int) -> str:
        if count == 0:
            return self.tr("Your household has no loan on record.")
        if count == 1:
            return self.tr("Your household has 1 loan on record.")
        return fill(self.tr("Your household has %1 loans on record."), count)

    def hint_text(self) -> str:
        return self.tr(
            "If a loan is missing or something here is wrong, ask the staff of the street"
            " office, here in the service hall."
        )


class LoansScreen(ScrollViewScreen[_LoansView]):
    """The household's loans, newest first, on one scrolling page; a plain sentence when
    there are none.

    Signals:
        navigate(str): not emitted by this screen.
    """

    def __init__(self, context: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(context, "loans-screen", _LoansView(), parent)

    @property
    def loans(self) -> tuple[LoanView, ...] | None:
        """The loans shown now, or None before :meth:`load` and after :meth:`clear`."""
        return self.view.found

    def screen_title(self) -> str:
        return self.tr("Your loans")

    def load(self, household_id: int) -> None:
        """Read the household's loans and show them from the top."""
        with self.context.sessions() as session:
            found = loans(session, household_id)
        self.view.show_items(found)
        self.shown_from_top()

    def spoken_text(self) -> str:
        view = self.view
        if view.found is None:
            return self.screen_title()
        parts = [view.summary_label.text()]
        for card in view.cards:
            loan = card.loan
            assert loan is not None
            parts.append(
                fill(
                    self.tr("%1 from %2, %3. Repaid so far %4, still to repay %5."),
                    format_fen(loan.amount_fen),
                    loan.bank,
                    labels.loan_status_labels()[loan.status],
                    format_fen(loan.repaid_fen),
                    format_fen(card.remaining_fen()),
                )
            )
        return " ".join(parts)
