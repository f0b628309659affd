"""The loans screen: each loan's terms, repayments and what is left; a sentence for none."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from kiosk.domain.models import Loan, LoanRepayment, LoanStatus
from kiosk.domain.money import format_fen
from kiosk.services.resident import loans
from kiosk.services.store import Store
from kiosk.views.i18n import Translations
from kiosk.views.labels import loan_term, yearly_rate
from kiosk.views.screens.loans import LoanCard, LoansScreen, due_date

from .conftest import Screens

GOAT_LOAN_FILE = "522730104201-0001"  # demo scenario 2: 50,000 yuan for goat raising
RELIEF_FILE = "522730001001-0001"  # demo scenario 1: no loan


def make_screen(screens: Screens, store: Store) -> LoansScreen:
    return screens.show(LoansScreen(screens.context(store)))


def value(card: LoanCard, key: str) -> str:
    return card.terms[key][1].text()


def add_loans(store: Store, household: int, count: int) -> None:
    """``count`` loans of 10,000 yuan at 4.35% over 18 months, each with 12 repayments."""
    with store.sessionmaker.begin() as s:
        for number in range(count):
            loan = Loan(
                contract_number=f"TEST-{number}", household_id=household,
                bank="龙里县农村信用合作联社", amount_fen=1_000_000, rate_bp=435,
                term_months=18, purpose="养牛", start_date=date(2020, 1, 31),
                status=LoanStatus.OVERDUE, interest_subsidised=False,
            )  # fmt: skip
            loan.repayments = [
                LoanRepayment(
                    paid_on=date(2020, 2 + month, 1), principal_fen=50_000, interest_fen=3_625
                )
                for month in range(10)
            ]
            s.add(loan)


def test_a_loan_with_its_terms_and_repayments(
    qtbot: QtBot, screens: Screens, demo_store: Store
) -> None:
    """The goat-raising loan: amount, bank, rate, term with its end, start, status in
    words, the interest subsidy, repaid and remaining, and every repayment."""
    household = screens.household_id(demo_store, GOAT_LOAN_FILE)
    with demo_store.sessionmaker() as s:
        (expected,) = loans(s, household)
    screen = make_screen(screens, demo_store)
    screen.load(household)
    view = screen.view
    assert view.objectName() == "loans-view"
    (card,) = view.cards
    assert card.amount_label.text() == format_fen(expected.amount_fen) == "¥50,000.00"
    assert card.bank_label.text() == expected.bank
    assert value(card, "purpose") == "养山羊"
    assert value(card, "rate") == yearly_rate(expected.rate_bp)
    assert value(card, "term") == "3年，到2022年3月20日为止"
    assert value(card, "start") == "2019年3月20日"
    assert value(card, "interest") == "由政府替您支付（财政贴息）"
    assert value(card, "repaid") == format_fen(expected.repaid_fen)
    assert value(card, "remaining") == format_fen(expected.amount_fen - expected.repaid_fen)
    assert card.status_label.text() == "✓ 已全部还清"
    assert len(card.repayment_labels) == len(expected.repayments) == 3
    first = expected.repayments[0]
    assert card.repayment_labels[0].text() == (
        f"2020年3月20日：还本金{format_fen(first.principal_fen)}，"
        f"利息{format_fen(first.interest_fen)}"
    )
    assert "¥50,000.00" in screen.spoken_text()


def test_no_loan_is_said_plainly(qtbot: QtBot, screens: Screens, demo_store: Store) -> None:
    """A household without loans reads one plain sentence, and no card."""
    screen = make_screen(screens, demo_store)
    screen.load(screens.household_id(demo_store, RELIEF_FILE))
    summary = screen.findChild(QLabel, "loans-summary")
    assert summary is not None
    assert summary.text() == "您家没有贷款记录。"
    assert screen.findChild(LoanCard) is None


def test_many_loans_scroll_with_the_down_button(
    qtbot: QtBot, screens: Screens, demo_store: Store
) -> None:
    """Six overdue loans of ten repayments each: Down reaches the last card, and the
    status says overdue in words with a mark, not by colour."""
    household = screens.household_id(demo_store, RELIEF_FILE)
    add_loans(demo_store, household, 6)
    screen = make_screen(screens, demo_store)
    screen.load(household)
    view = screen.view
    assert view.objectName() == "loans-view"
    cards = view.cards
    assert len(cards) == 6
    assert cards[0].status_label.text() == "! 已逾期：有一笔还款晚了"
    assert value(cards[0], "interest") == "由您家自己支付"
    assert value(cards[0], "term") == "18个月，到2021年7月31日为止"
    assert value(cards[0], "remaining") == "¥5,000.00"
    down = screen.page.down_button
    qtbot.waitUntil(down.isVisible)
    while down.isEnabled():
        qtbot.mouseClick(down, Qt.MouseButton.LeftButton)
    viewport = screen.page.area.viewport()
    last = cards[-1]
    assert 0 < last.mapTo(viewport, QPoint(0, last.height())).y() <= viewport.height()


def test_rate_and_term_in_words(translations: Translations) -> None:
    """Rates come from basis points with integer arithmetic; terms in years or months."""
    assert yearly_rate(435) == "4.35%"
    assert yearly_rate(5) == "0.05%"
    assert yearly_rate(1000) == "10.00%"
    assert loan_term(36) == "3年"
    assert loan_term(12) == "1年"
    assert loan_term(18) == "18个月"
    translations.set_language("en")
    assert loan_term(12) == "1 year"
    assert loan_term(24) == "2 years"
    assert loan_term(1) == "1 month"


def test_due_date_on_a_short_month() -> None:
    """A loan from 31 January over one month falls due on the last day of February."""
    assert due_date(date(2020, 1, 31), 1) == date(2020, 2, 29)
    assert due_date(date(2021, 1, 31), 13) == date(2022, 2, 28)
    assert due_date(date(2019, 3, 20), 36) == date(2022, 3, 20)


def test_clear_leaves_nothing_of_the_resident(
    qtbot: QtBot, screens: Screens, demo_store: Store
) -> None:
    """After clear() no widget under the screen holds the bank, an amount or the purpose."""
    household = screens.household_id(demo_store, GOAT_LOAN_FILE)
    with demo_store.sessionmaker() as s:
        (loan,) = loans(s, household)
    screen = make_screen(screens, demo_store)
    screen.load(household)
    assert loan.bank in screens.texts(screen)
    screen.clear()
    left = " ".join(screens.texts(screen))
    for secret in (loan.bank, loan.purpose, format_fen(loan.amount_fen), "¥"):
        assert secret not in left
    assert screen.loans is None
