"""Disputing a payment by taps: less (on the amount pad) or nothing, refused amounts in words."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from kiosk.domain.models import AidRecord, AidVerification, Household, VerificationKind
from kiosk.services.store import Store
from kiosk.views.i18n import Translations
from kiosk.views.screens.base import ScreenContext
from kiosk.views.screens.ledger import LedgerScreen, PaymentCard
from kiosk.views.theme import HIGH_CONTRAST, NORMAL, load_stylesheet, with_large_text
from tests.views.hands import tap

from .conftest import fixed_clock

#: The first scenario of every demo store: 8,000 yuan of 2014 disaster relief.
RELIEF_FILE = "522730001001-0001"
KIOSK = "GS-01"


@dataclass
class Relief:
    household_id: int
    aid_record_id: int


@pytest.fixture
def relief(store: Store) -> Relief:
    """The scenario household and its 2014 disaster relief record."""
    with store.sessionmaker() as s:
        household_id = s.scalars(
            select(Household.id).where(Household.file_number == RELIEF_FILE)
        ).one()
        record_id = s.scalars(
            select(AidRecord.id).where(
                AidRecord.household_id == household_id, AidRecord.amount_fen == 800_000
            )
        ).one()
    return Relief(household_id, record_id)


@pytest.fixture
def ledger_screen(qtbot: QtBot, store: Store, translations: Translations) -> Iterator[LedgerScreen]:
    """A ledger screen at 1920x1080 in Chinese, styled as on a terminal."""
    context = ScreenContext(
        sessions=store.sessionmaker, kiosk_code=KIOSK, region_code="522730001", clock=fixed_clock
    )
    holder = QWidget()
    holder.setStyleSheet(load_stylesheet(NORMAL))
    screen = LedgerScreen(context)
    QVBoxLayout(holder).addWidget(screen)
    qtbot.addWidget(holder)
    holder.resize(1920, 1080)
    holder.show()
    qtbot.waitExposed(holder)
    yield screen  # the holder, and so the screen, lives until the test ends


def open_relief(qtbot: QtBot, screen: LedgerScreen, relief: Relief) -> PaymentCard:
    """Load the household, page back to 2014 with the Older button, return the relief card."""
    screen.load(relief.household_id)
    while (year := screen.current_year()) is not None and year.year != 2014:
        tap(qtbot, screen.older_button)
    card = screen.card_for(relief.aid_record_id)
    assert card is not None
    return card


def dispute_less(qtbot: QtBot, screen: LedgerScreen, card: PaymentCard, yuan: str) -> None:
    """Not right, Less than this, type ``yuan`` on the pad, Confirm."""
    tap(qtbot, card.wrong_button)
    qtbot.waitUntil(lambda: screen.dispute.isVisible())
    tap(qtbot, screen.dispute.less_button)
    for key in yuan:
        tap(qtbot, screen.dispute.amount.pad.button(key))
    tap(qtbot, screen.dispute.amount_confirm_button)


def verifications(store: Store) -> list[AidVerification]:
    with store.sessionmaker() as s:
        return list(s.scalars(select(AidVerification).order_by(AidVerification.id)))


def test_received_4000_of_8000_is_stored_and_the_ledger_says_so(
    qtbot: QtBot, ledger_screen: LedgerScreen, relief: Relief, store: Store
) -> None:
    """Not right → Less → 4 0 0 0 → Confirm stores RECEIVED_LESS 400000 fen and shows it."""
    card = open_relief(qtbot, ledger_screen, relief)
    assert "还没有核对" in card.status_text()
    dispute_less(qtbot, ledger_screen, card, "4000")
    dispute = ledger_screen.dispute
    qtbot.waitUntil(lambda: dispute.done_title.isVisible())
    assert "已记录" in dispute.done_title.text()
    assert "¥4,000.00" in dispute.done_body.text()
    assert "¥8,000.00" in dispute.done_body.text()
    assert "纪检监察" in dispute.done_next.text()

    [stored] = verifications(store)
    assert stored.aid_record_id == relief.aid_record_id
    assert stored.kind is VerificationKind.RECEIVED_LESS
    assert stored.received_fen == 400_000
    assert stored.kiosk_code == KIOSK

    with qtbot.waitSignal(dispute.finished):
        tap(qtbot, dispute.done_button)
    qtbot.waitUntil(lambda: ledger_screen.list_page.isVisible())
    updated = ledger_screen.card_for(relief.aid_record_id)
    assert updated is not None
    assert updated.status_text() == "! 您反映：只收到 ¥4,000.00"
    assert dispute.amount.text() == ""


def test_more_than_recorded_is_refused_on_screen_and_nothing_is_stored(
    qtbot: QtBot, ledger_screen: LedgerScreen, relief: Relief, store: Store
) -> None:
    """9000 of a recorded 8000 is refused with the reason in words; the pad stays open."""
    card = open_relief(qtbot, ledger_screen, relief)
    dispute_less(qtbot, ledger_screen, card, "9000")
    dispute = ledger_screen.dispute
    qtbot.waitUntil(lambda: dispute.problem_label.isVisible())
    assert "比记录的 ¥8,000.00 还多" in dispute.problem_label.text()
    assert dispute.amount_step.isVisible()
    assert verifications(store) == []
    # Typing again takes the reason away.
    tap(qtbot, dispute.amount.pad.button("delete"))
    assert not dispute.problem_label.isVisible()


def test_the_same_amount_as_recorded_is_refused_with_the_services_reason(
    qtbot: QtBot, ledger_screen: LedgerScreen, relief: Relief, store: Store
) -> None:
    """Exactly 8000 is not less: the reason says to choose "received in full"."""
    card = open_relief(qtbot, ledger_screen, relief)
    dispute_less(qtbot, ledger_screen, card, "8000")
    problem = ledger_screen.dispute.problem_label
    qtbot.waitUntil(problem.isVisible)
    assert "已全额收到" in problem.text()
    assert verifications(store) == []


def test_zero_suggests_received_nothing_which_is_then_stored(
    qtbot: QtBot, ledger_screen: LedgerScreen, relief: Relief, store: Store
) -> None:
    """0 is refused with a button for "I received nothing"; that answer stores 0 fen."""
    card = open_relief(qtbot, ledger_screen, relief)
    dispute_less(qtbot, ledger_screen, card, "0")
    dispute = ledger_screen.dispute
    qtbot.waitUntil(dispute.amount_nothing_button.isVisible)
    assert "一分没收到" in dispute.problem_label.text()
    assert verifications(store) == []
    tap(qtbot, dispute.amount_nothing_button)
    qtbot.waitUntil(dispute.nothing_step.isVisible)
    assert "¥8,000.00" in dispute.nothing_question.text()
    tap(qtbot, dispute.nothing_confirm_button)
    qtbot.waitUntil(dispute.done_step.isVisible)
    [stored] = verifications(store)
    assert stored.kind is VerificationKind.RECEIVED_NOTHING
    assert stored.received_fen == 0


def test_nothing_at_all_takes_two_taps_and_shows_on_the_ledger(
    qtbot: QtBot, ledger_screen: LedgerScreen, relief: Relief, store: Store
) -> None:
    """Not right → Nothing at all → Yes stores "received nothing"; the card then says so."""
    card = open_relief(qtbot, ledger_screen, relief)
    tap(qtbot, card.wrong_button)
    dispute = ledger_screen.dispute
    tap(qtbot, dispute.nothing_button)
    tap(qtbot, dispute.nothing_confirm_button)
    qtbot.waitUntil(dispute.done_step.isVisible)
    tap(qtbot, dispute.done_button)
    updated = ledger_screen.card_for(relief.aid_record_id)
    assert updated is not None
    assert updated.status_text() == "! 您反映：一分没收到"


def test_make_a_complaint_after_less_asks_with_the_payment_and_amount(
    qtbot: QtBot, ledger_screen: LedgerScreen, relief: Relief
) -> None:
    """After "recorded", "Make a complaint about this" asks for the complaint screen with the
    aid record and the 4,000 yuan received, and the ledger is back under it."""
    card = open_relief(qtbot, ledger_screen, relief)
    dispute_less(qtbot, ledger_screen, card, "4000")
    dispute = ledger_screen.dispute
    qtbot.waitUntil(dispute.complain_button.isVisible)
    assert dispute.complain_button.text() == "就这笔钱投诉"
    with qtbot.waitSignal(dispute.complaint_requested) as asked:
        tap(qtbot, dispute.complain_button)
    assert asked.args == [relief.aid_record_id, 400_000]
    assert dispute.line() is None  # the dispute steps forgot the payment
    qtbot.waitUntil(ledger_screen.list_page.isVisible)


def test_make_a_complaint_after_nothing_says_zero_received(
    qtbot: QtBot, ledger_screen: LedgerScreen, relief: Relief
) -> None:
    """After "received nothing", the complaint is asked for with 0 fen received."""
    card = open_relief(qtbot, ledger_screen, relief)
    tap(qtbot, card.wrong_button)
    dispute = ledger_screen.dispute
    tap(qtbot, dispute.nothing_button)
    tap(qtbot, dispute.nothing_confirm_button)
    qtbot.waitUntil(dispute.done_step.isVisible)
    with qtbot.waitSignal(dispute.complaint_requested) as asked:
        tap(qtbot, dispute.complain_button)
    assert asked.args == [relief.aid_record_id, 0]


def test_go_back_stores_nothing_and_returns_to_the_same_year(
    qtbot: QtBot, ledger_screen: LedgerScreen, relief: Relief, store: Store
) -> None:
    """Going back from each step returns to the ledger's 2014 page with nothing stored."""
    card = open_relief(qtbot, ledger_screen, relief)
    tap(qtbot, card.wrong_button)
    dispute = ledger_screen.dispute
    tap(qtbot, dispute.less_button)
    tap(qtbot, dispute.amount.pad.button("5"))
    tap(qtbot, dispute.amount_back_button)
    assert dispute.ask_step.isVisible()
    with qtbot.waitSignal(dispute.finished):
        tap(qtbot, dispute.ask_back_button)
    assert ledger_screen.list_page.isVisible()
    year = ledger_screen.current_year()
    assert year is not None
    assert year.year == 2014
    assert verifications(store) == []
    assert dispute.amount.text() == ""


def test_the_main_windows_back_steps_back_inside_the_dispute(
    qtbot: QtBot, ledger_screen: LedgerScreen, relief: Relief
) -> None:
    """go_back() goes from the amount step to the question, then to the ledger, then False."""
    card = open_relief(qtbot, ledger_screen, relief)
    tap(qtbot, card.wrong_button)
    tap(qtbot, ledger_screen.dispute.less_button)
    assert ledger_screen.go_back()
    assert ledger_screen.dispute.ask_step.isVisible()
    assert ledger_screen.go_back()
    assert ledger_screen.list_page.isVisible()
    assert not ledger_screen.go_back()


def test_the_dispute_shows_the_payment_and_its_reasons_in_english(
    qtbot: QtBot, ledger_screen: LedgerScreen, relief: Relief, translations: Translations
) -> None:
    """In English the payment, the question and a refusal are all in English."""
    translations.set_language("en")
    card = open_relief(qtbot, ledger_screen, relief)
    tap(qtbot, card.wrong_button)
    dispute = ledger_screen.dispute
    assert dispute.ask_summary.programme_label.text() == "Disaster relief"
    assert dispute.ask_summary.amount_label.text() == "¥8,000.00"
    assert "26 August 2014" in dispute.ask_summary.details_label.text()
    assert "龙里县民政局" in dispute.ask_summary.details_label.text()
    assert dispute.ask_question.text() == "What did you receive?"
    tap(qtbot, dispute.less_button)
    for key in "9000":
        tap(qtbot, dispute.amount.pad.button(key))
    tap(qtbot, dispute.amount_confirm_button)
    qtbot.waitUntil(dispute.problem_label.isVisible)
    assert "more than the ¥8,000.00 recorded" in dispute.problem_label.text()
    translations.set_language("zh_CN")
    qtbot.waitUntil(lambda: "比记录的 ¥8,000.00 还多" in dispute.problem_label.text())


def test_an_amount_with_fen_is_stored_exactly(
    qtbot: QtBot, ledger_screen: LedgerScreen, relief: Relief, store: Store
) -> None:
    """3999.50 yuan typed with the point key is stored as 399950 fen, no float involved."""
    card = open_relief(qtbot, ledger_screen, relief)
    dispute_less(qtbot, ledger_screen, card, "3999.5")
    qtbot.waitUntil(ledger_screen.dispute.done_step.isVisible)
    [stored] = verifications(store)
    assert stored.received_fen == 399_950


def test_confirm_is_greyed_until_an_amount_is_typed(
    qtbot: QtBot, ledger_screen: LedgerScreen, relief: Relief
) -> None:
    """The Confirm button cannot be touched while the amount is empty."""
    card = open_relief(qtbot, ledger_screen, relief)
    tap(qtbot, card.wrong_button)
    tap(qtbot, ledger_screen.dispute.less_button)
    assert not ledger_screen.dispute.amount_confirm_button.isEnabled()
    tap(qtbot, ledger_screen.dispute.amount.pad.button("1"))
    assert ledger_screen.dispute.amount_confirm_button.isEnabled()


def test_a_record_of_another_household_is_refused(
    qtbot: QtBot, ledger_screen: LedgerScreen, relief: Relief, store: Store
) -> None:
    """Record ids are checked against the household: someone else's payment is "not found"."""
    card = open_relief(qtbot, ledger_screen, relief)
    with store.sessionmaker() as s:
        other = s.scalars(
            select(AidRecord.id).where(AidRecord.household_id != relief.household_id).limit(1)
        ).one()
    line = card.line
    forged = type(line)(**{**line.__dict__, "aid_record_id": other, "paid_on": date(2014, 1, 1)})
    ledger_screen.dispute.start(relief.household_id, forged)
    ledger_screen.stack.setCurrentWidget(ledger_screen.dispute)
    tap(qtbot, ledger_screen.dispute.nothing_button)
    tap(qtbot, ledger_screen.dispute.nothing_confirm_button)
    problem = ledger_screen.dispute.nothing_problem_label
    qtbot.waitUntil(problem.isVisible)
    assert "找不到这笔款项" in problem.text()
    assert verifications(store) == []


@pytest.mark.parametrize("theme_name", ["normal", "large", "high-contrast"])
@pytest.mark.parametrize(("width", "height"), [(1366, 648), (1080, 1800), (1920, 960)])
def test_every_step_fits_the_screen(
    qtbot: QtBot,
    store: Store,
    relief: Relief,
    translations: Translations,
    theme_name: str,
    width: int,
    height: int,
) -> None:
    """Each step, with a refusal shown, fits 1366x768, portrait and 1080p under a top bar."""
    theme = {
        "normal": NORMAL,
        "large": with_large_text(NORMAL),
        "high-contrast": HIGH_CONTRAST,
    }[theme_name]
    translations.set_language("en")  # the longer words
    context = ScreenContext(
        sessions=store.sessionmaker, kiosk_code=KIOSK, region_code="522730001", clock=fixed_clock
    )
    holder = QWidget()
    holder.setStyleSheet(load_stylesheet(theme))
    screen = LedgerScreen(context)
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(screen)
    qtbot.addWidget(holder)
    holder.resize(width, height)
    holder.show()
    qtbot.waitExposed(holder)
    card = open_relief(qtbot, screen, relief)
    tap(qtbot, card.wrong_button)
    assert_fits(holder, width, height)
    dispute_steps = screen.dispute
    tap(qtbot, dispute_steps.less_button)
    for key in "9000":
        tap(qtbot, dispute_steps.amount.pad.button(key))
    tap(qtbot, dispute_steps.amount_confirm_button)
    qtbot.waitUntil(dispute_steps.problem_label.isVisible)
    assert_fits(holder, width, height)
    tap(qtbot, dispute_steps.amount_back_button)
    tap(qtbot, dispute_steps.nothing_button)
    assert_fits(holder, width, height)
    tap(qtbot, dispute_steps.nothing_confirm_button)
    qtbot.waitUntil(dispute_steps.done_step.isVisible)
    assert_fits(holder, width, height)


def assert_fits(holder: QWidget, width: int, height: int) -> None:
    """The window kept its size and every visible widget lies inside it."""
    QApplication.processEvents()
    assert (holder.width(), holder.height()) == (width, height)
    for widget in holder.findChildren(QWidget):
        if widget.isVisible():
            corner = widget.mapTo(holder, QPoint(0, 0))
            assert corner.x() >= 0
            assert corner.y() >= 0
            assert corner.x() + widget.width() <= width, widget.objectName()
            assert corner.y() + widget.height() <= height, widget.objectName()
