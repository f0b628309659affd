"""Printing from the screens: a complaint's receipt from the result step (Print receipt,
the preview, Print), a statement from the ledger and a certificate from the household file.
The jobs go over a real ESC/POS network path (a TCP server on 127.0.0.1 answering the paper
queries, tests/services/printing/printers/test_thermal.FakeThermal); an out-of-paper printer
and the end of a session."""

from __future__ import annotations

import dataclasses
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from kiosk.domain.models import ComplaintCategory, Household, Member, Relation
from kiosk.domain.problems import Reason, Refused
from kiosk.services.complaints.kiosk_key import write_new_key
from kiosk.services.pinyin_input import PinyinDictionary, default_dictionary
from kiosk.services.printing.issue import DocumentSigner, IssuedDocument, Paper
from kiosk.services.printing.printers.base import PrinterState, PrinterStatus
from kiosk.services.printing.printers.queue import PrintQueue
from kiosk.services.printing.printers.thermal import EscposPrinter, network
from kiosk.services.printing.problems import IssueProblem
from kiosk.services.store import Store
from kiosk.views.main_window import MainWindow
from kiosk.views.problems import reason_text
from kiosk.views.screens.complaint import ComplaintScreen
from kiosk.views.screens.household import HouseholdScreen
from kiosk.views.screens.ledger import LedgerScreen
from kiosk.views.widgets.print_preview import PrintPreview, PrintState
from tests.services.printing.printers.test_thermal import (
    CUT,
    PAPER_OUT,
    PAPER_PRESENT,
    FakeThermal,
)
from tests.views.conftest import MakeWindow, Screens
from tests.views.hands import Hands
from tests.views.test_complaint_screen import (
    RELIEF_FILE,
    Relief,
    choose_blank,
    go_anonymous,
    identified,
    send,
)


@pytest.fixture(scope="module")
def dictionary() -> PinyinDictionary:
    return default_dictionary()


@pytest.fixture
def relief(demo_store: Store) -> Relief:
    """The household of the 8,000-yuan relief, and its head, who identifies."""
    with demo_store.sessionmaker() as s:
        household_id = s.scalars(
            select(Household.id).where(Household.file_number == RELIEF_FILE)
        ).one()
        head = s.scalars(
            select(Member.id).where(
                Member.household_id == household_id, Member.relation == Relation.HEAD
            )
        ).one()
    return Relief(household_id, 0, head)


@pytest.fixture
def signer(tmp_path: Path) -> DocumentSigner:
    key_file = tmp_path / "document-key.pem"
    write_new_key(key_file)
    return DocumentSigner.from_file(key_file, "TEST-0001")


@pytest.fixture
def thermal() -> Iterator[FakeThermal]:
    server = FakeThermal(PAPER_PRESENT)
    yield server
    server.close()


@pytest.fixture
def queue(thermal: FakeThermal) -> Iterator[PrintQueue]:
    made = PrintQueue(EscposPrinter(network("127.0.0.1", thermal.port, timeout=5)), poll=0.05)
    yield made
    made.close()


@pytest.fixture
def screen(
    screens: Screens,
    demo_store: Store,
    dictionary: PinyinDictionary,
    queue: PrintQueue,
    signer: DocumentSigner,
) -> Iterator[ComplaintScreen]:
    context = dataclasses.replace(
        screens.context(demo_store), print_queue=queue, document_signer=signer
    )
    shown = screens.show(ComplaintScreen(context, dictionary=dictionary))
    yield shown
    shown.clear()


def file_one(qtbot: QtBot, resident: Hands, screen: ComplaintScreen, relief: Relief) -> None:
    identified(screen, relief)
    choose_blank(resident, screen, ComplaintCategory.FAVOURITISM)
    go_anonymous(resident, screen)
    send(qtbot, resident, screen)


def open_preview(qtbot: QtBot, resident: Hands, screen: ComplaintScreen) -> None:
    resident.tap(screen.result_step.print_button)
    assert screen.current_step() is screen.print_step
    qtbot.waitUntil(lambda: screen.print_step.state() is PrintState.READY, timeout=20_000)


def printed(thermal: FakeThermal) -> int:
    """How many jobs reached the printer: each ends with one cut."""
    return bytes(thermal.received).count(CUT)


def wait_printed(qtbot: QtBot, thermal: FakeThermal, count: int) -> None:
    """Until ``count`` jobs have reached the printer (its socket is read on another thread),
    and no more."""
    qtbot.waitUntil(lambda: printed(thermal) >= count, timeout=10_000)
    assert printed(thermal) == count


def test_print_receipt_shows_the_page_then_prints_it_once(
    qtbot: QtBot,
    screen: ComplaintScreen,
    resident: Hands,
    relief: Relief,
    thermal: FakeThermal,
) -> None:
    """Print receipt -> a one-page preview -> Print (tapped twice) -> one job on the printer."""
    file_one(qtbot, resident, screen, relief)
    open_preview(qtbot, resident, screen)
    preview = screen.print_step
    assert preview.page_count() == 1 and preview.current_page() == 1
    assert not preview.page_label.isVisible()  # "page x of y" only for several pages
    with qtbot.waitSignal(preview.state_changed, timeout=5_000):
        resident.tap(preview.print_button)
    # The second tap of a double tap lands on a greyed-out button.
    assert not preview.print_button.isEnabled()
    preview.print_document()
    qtbot.waitUntil(lambda: preview.state() is PrintState.PRINTED, timeout=30_000)
    wait_printed(qtbot, thermal, 1)
    assert not preview.print_button.isVisible()
    resident.tap(preview.back_button)
    assert screen.current_step() is screen.result_step


def test_an_out_of_paper_printer_says_so_and_offers_retry_and_writing_down(
    qtbot: QtBot,
    screen: ComplaintScreen,
    resident: Hands,
    relief: Relief,
    thermal: FakeThermal,
) -> None:
    """No paper: the reason in words, Try again, and Back asks for the numbers written down;
    with paper loaded, Try again prints."""
    thermal.paper = PAPER_OUT
    file_one(qtbot, resident, screen, relief)
    open_preview(qtbot, resident, screen)
    preview = screen.print_step
    resident.tap(preview.print_button)
    qtbot.waitUntil(lambda: preview.state() is PrintState.FAILED, timeout=30_000)
    out_of_paper = reason_text(Reason.of(PrinterState.OUT_OF_PAPER))
    assert preview.problem.isVisible()
    assert out_of_paper in preview.problem.text()
    assert preview.print_button.text() == preview.tr("Try again")
    assert printed(thermal) == 0
    resident.tap(preview.back_button)
    step = screen.result_step
    assert screen.current_step() is step
    assert step.write_down.text() == step.tr(
        "The receipt was not printed: write both numbers down now."
    )
    assert step.tracking_value.text() and step.secret_value.text()
    # Paper loaded: the same preview, Try again, printed.
    thermal.paper = PAPER_PRESENT
    resident.tap(step.print_button)
    assert preview.state() is PrintState.FAILED
    resident.tap(preview.print_button)
    qtbot.waitUntil(lambda: preview.state() is PrintState.PRINTED, timeout=30_000)
    wait_printed(qtbot, thermal, 1)


def test_ending_the_session_cancels_a_queued_receipt_and_wipes_the_preview(
    qtbot: QtBot,
    make_window: MakeWindow,
    demo_store: Store,
    resident: Hands,
    relief: Relief,
    thermal: FakeThermal,
    signer: DocumentSigner,
    screens: Screens,
) -> None:
    """End session while the receipt waits for the printer: it never prints, and the
    preview holds no page."""
    gate = threading.Event()

    class SlowToAnswer(EscposPrinter):
        def state(self) -> PrinterStatus:
            gate.wait(30)
            return super().state()

    slow = PrintQueue(SlowToAnswer(network("127.0.0.1", thermal.port, timeout=5)), poll=0.05)
    try:
        context = dataclasses.replace(
            screens.context(demo_store), print_queue=slow, document_signer=signer
        )
        window: MainWindow = make_window(context=context)
        window.begin_session(relief.household_id, relief.head_member_id)
        window.open_screen("complaint")
        screen = window.navigation.current_screen()
        assert isinstance(screen, ComplaintScreen)
        choose_blank(resident, screen, ComplaintCategory.FAVOURITISM)
        go_anonymous(resident, screen)
        send(qtbot, resident, screen)
        open_preview(qtbot, resident, screen)
        resident.tap(screen.print_step.print_button)
        assert slow.in_flight() == 1
        window.end_session()
        assert screen.print_step.page_count() == 0
        assert not screen.print_step.holds_document()
        gate.set()
        deadline = time.monotonic() + 20
        qtbot.waitUntil(lambda: slow.in_flight() == 0, timeout=20_000)
        assert time.monotonic() < deadline
        assert printed(thermal) == 0
    finally:
        gate.set()
        slow.close()


def test_print_statement_from_the_ledger(
    qtbot: QtBot,
    screens: Screens,
    demo_store: Store,
    resident: Hands,
    relief: Relief,
    queue: PrintQueue,
    signer: DocumentSigner,
    thermal: FakeThermal,
) -> None:
    """Print statement -> its pages, page x of y when there are several -> Print -> on paper;
    Back returns to the ledger and clear leaves no page behind."""
    context = dataclasses.replace(
        screens.context(demo_store),
        print_queue=queue,
        document_signer=signer,
        statement_paper=Paper.A4,
    )
    ledger_screen = screens.show(LedgerScreen(context))
    ledger_screen.load(relief.household_id)
    resident.tap(ledger_screen.print_button)
    preview = ledger_screen.preview
    qtbot.waitUntil(lambda: preview.state() is PrintState.READY, timeout=20_000)
    assert preview.page_count() >= 1
    if preview.page_count() > 1:
        assert preview.page_label.isVisible()
        resident.tap(preview.next_button)
        assert preview.current_page() == 2
    resident.tap(preview.print_button)
    qtbot.waitUntil(lambda: preview.state() is PrintState.PRINTED, timeout=60_000)
    wait_printed(qtbot, thermal, 1)
    assert ledger_screen.go_back()
    assert ledger_screen.stack.currentWidget() is ledger_screen.list_page
    ledger_screen.clear()
    assert preview.page_count() == 0


def test_no_print_button_without_a_printer(
    screens: Screens, demo_store: Store, relief: Relief
) -> None:
    """A terminal without a document key or printer offers no printing."""
    ledger_screen = screens.show(LedgerScreen(screens.context(demo_store)))
    ledger_screen.load(relief.household_id)
    assert not ledger_screen.print_button.isVisible()


def test_print_certificate_from_the_household_file(
    qtbot: QtBot,
    screens: Screens,
    demo_store: Store,
    resident: Hands,
    relief: Relief,
    queue: PrintQueue,
    signer: DocumentSigner,
    thermal: FakeThermal,
) -> None:
    """Print certificate -> its preview in place of the file -> Print -> on paper; Back
    shows the file again."""
    context = dataclasses.replace(
        screens.context(demo_store), print_queue=queue, document_signer=signer
    )
    household = screens.show(HouseholdScreen(context))
    household.load(relief.household_id)
    resident.tap(household.certificate_button)
    assert household.preview_shown() and not household.page.isVisible()
    preview = household.preview
    qtbot.waitUntil(lambda: preview.state() is PrintState.READY, timeout=20_000)
    resident.tap(preview.print_button)
    qtbot.waitUntil(lambda: preview.state() is PrintState.PRINTED, timeout=60_000)
    wait_printed(qtbot, thermal, 1)
    resident.tap(preview.back_button)
    assert not household.preview_shown() and household.page.isVisible()
    assert household.statement_button.isVisible()


def test_a_record_that_cannot_be_made_is_said_in_words_with_no_print_button(
    qtbot: QtBot, screens: Screens, queue: PrintQueue
) -> None:
    """The issue refused (no document key): its reason and what to do instead; no Print."""
    preview = screens.show(PrintPreview(queue))

    def refuse() -> IssuedDocument:
        raise Refused(Reason.of(IssueProblem.NO_DOCUMENT_KEY))

    preview.show_document(refuse, title=lambda: "Receipt", fallback=lambda: "Write it down.")
    qtbot.waitUntil(lambda: preview.state() is PrintState.FAILED, timeout=10_000)
    assert reason_text(Reason.of(IssueProblem.NO_DOCUMENT_KEY)) in preview.problem.text()
    assert "Write it down." in preview.problem.text()
    assert not preview.print_button.isVisible() and preview.back_button.isVisible()
