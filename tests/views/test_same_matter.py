"""No silent repeat: a payment's complaint shows on its ledger line, and complaining about
that payment again first asks whether it is the same matter."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from pytestqt.qtbot import QtBot
from sqlalchemy import select, update

from kiosk.domain.disclosure import Disclosure
from kiosk.domain.models import (
    AidRecord,
    ComplaintCategory,
    Household,
    OutboxMessage,
    OutboxState,
)
from kiosk.domain.tracking import grouped
from kiosk.services.complaints.filing import ComplaintDraft, FiledComplaint, file_complaint
from kiosk.services.store import Store
from kiosk.views.i18n import Translations
from kiosk.views.screens.ledger import LedgerScreen
from tests.views.hands import tap

from .conftest import Screens
from .test_dispute import KIOSK, RELIEF_FILE, Relief, dispute_less, open_relief


@pytest.fixture
def relief(store: Store) -> Relief:
    """The scenario household and its 2014 disaster relief of 8,000 yuan."""
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
def ledger_screen(screens: Screens, store: Store) -> LedgerScreen:
    """A ledger screen at 1920x1080 in Chinese, styled as on a terminal."""
    return screens.show(LedgerScreen(screens.context(store, kiosk_code=KIOSK)))


def file_about(store: Store, relief: Relief) -> FiledComplaint:
    """A complaint about the relief payment, filed at this terminal with the real service."""
    draft = ComplaintDraft(
        category=ComplaintCategory.FUNDS_WITHHELD,
        household_id=relief.household_id,
        aid_record_id=relief.aid_record_id,
        claimed_received_fen=400_000,
        disclosure=Disclosure.ANONYMOUS,
    )
    return file_complaint(store.sessionmaker, draft, kiosk_code=KIOSK)


def ask_to_complain_again(qtbot: QtBot, screen: LedgerScreen, relief: Relief) -> None:
    """Not right, 4000 received, then "Make a complaint about this"."""
    card = open_relief(qtbot, screen, relief)
    dispute_less(qtbot, screen, card, "4000")
    qtbot.waitUntil(lambda: screen.dispute.done_step.isVisible())
    tap(qtbot, screen.dispute.complain_button)


def test_the_ledger_line_shows_its_complaint_and_whether_it_was_sent(
    qtbot: QtBot,
    ledger_screen: LedgerScreen,
    relief: Relief,
    store: Store,
    translations: Translations,
) -> None:
    """The disputed line says "complaint 1309 3171 0334: waiting to be sent", then "sent"
    once the outbox marks it so, in either language; other lines say nothing; the session's
    end leaves no trace of the number."""
    filed = file_about(store, relief)
    number = grouped(filed.tracking_number)
    card = open_relief(qtbot, ledger_screen, relief)
    assert card.complaint_text() == f"投诉 {number}：已保存在这台机器上，等待发送"
    assert card.complaint_label is not None and card.complaint_label.isVisible()
    ledger_screen.show_year(0)  # the newest year: other payments, no complaint
    page = ledger_screen.year_page()
    assert page is not None and page.year is not None and page.year.year != 2014
    assert page.cards and all(c.complaint_text() == "" for c in page.cards)

    # As the outbox sender marks a complaint the central server acknowledged.
    with store.sessionmaker.begin() as session:
        session.execute(update(OutboxMessage).values(state=OutboxState.SENT))
    card = open_relief(qtbot, ledger_screen, relief)
    assert card.complaint_text() == f"投诉 {number}：已送到纪检监察机关"
    translations.set_language("en")
    qtbot.waitUntil(
        lambda: card.complaint_text() == f"Complaint {number}: sent to the discipline inspectors"
    )

    ledger_screen.clear()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    texts = " ".join(Screens.texts(ledger_screen, with_root=True))
    assert number not in texts and " ".join(filed.tracking_number) not in texts


def test_the_same_matter_is_not_filed_again(
    qtbot: QtBot, ledger_screen: LedgerScreen, relief: Relief, store: Store
) -> None:
    """ "Make a complaint about this" on a payment with a complaint asks first; "the same
    matter" files nothing, says it is being handled with the number and how to check it, and
    "Check my complaint" asks for that screen after closing the dispute."""
    filed = file_about(store, relief)
    number = grouped(filed.tracking_number)
    dispute = ledger_screen.dispute
    complaints: list[tuple[int, int]] = []
    dispute.complaint_requested.connect(lambda *values: complaints.append(values))
    ask_to_complain_again(qtbot, ledger_screen, relief)

    assert dispute.current_step() is dispute.same_step
    assert (
        dispute.same_question.text()
        == f"这笔款项已经有一件投诉，受理编号 {number}。这次是同一件事吗？"
    )
    assert "等待发送" in dispute.same_where.text()
    assert dispute.same_button.property("big") and dispute.different_button.property("big")
    tap(qtbot, dispute.same_button)

    assert dispute.current_step() is dispute.handled_step
    assert number in dispute.handled_body.text()
    assert "查询我的投诉" in dispute.handled_how.text()
    assert "查询码" in dispute.handled_how.text()
    with qtbot.waitSignal(ledger_screen.navigate) as opened:
        tap(qtbot, dispute.check_button)
    assert opened.args == ["check_complaint"]
    assert ledger_screen.stack.currentWidget() is ledger_screen.list_page
    assert complaints == []


def test_another_matter_goes_on_to_a_new_complaint(
    qtbot: QtBot, ledger_screen: LedgerScreen, relief: Relief, store: Store
) -> None:
    """ "Something else" goes on to the complaint steps about the same payment, with the
    amount received; Back from the question returns to "recorded"."""
    file_about(store, relief)
    dispute = ledger_screen.dispute
    ask_to_complain_again(qtbot, ledger_screen, relief)
    assert dispute.go_back()
    assert dispute.current_step() is dispute.done_step
    tap(qtbot, dispute.complain_button)
    assert dispute.current_step() is dispute.same_step
    with qtbot.waitSignal(ledger_screen.complaint_requested) as asked:
        tap(qtbot, dispute.different_button)
    assert asked.args == [relief.aid_record_id, 400_000]


def test_a_payment_without_a_complaint_is_not_asked(
    qtbot: QtBot, ledger_screen: LedgerScreen, relief: Relief
) -> None:
    """With no complaint about the payment, "Make a complaint about this" goes straight on."""
    with qtbot.waitSignal(ledger_screen.complaint_requested) as asked:
        ask_to_complain_again(qtbot, ledger_screen, relief)
    assert asked.args == [relief.aid_record_id, 400_000]
    assert ledger_screen.dispute.current_step() is not ledger_screen.dispute.same_step
