"""``kiosk screenshots``: render every screen, in Chinese and English, landscape and portrait.

It makes a demo store in a temporary folder (or uses ``--db``), identifies as the first demo
household (the 8,000-yuan story) by tapping the keypads as a resident would, and saves each
screen with ``QWidget.grab()``. It runs offscreen, so it works on a machine with no display.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.config import DEMO_ID_HASH_KEY
from kiosk.domain.address_codes import demo_address_codes
from kiosk.exitcodes import ExitCode

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from kiosk.views.main_window import MainWindow

SIZES = {"landscape": (1920, 1080), "portrait": (1080, 1920)}
LANGUAGES = ("zh_CN", "en")
TERMINAL_REGION = "522730001"  # Guanshan street office, where the first story household lives


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", type=Path, default=Path("resources/screenshots"))
    parser.add_argument("--db", type=Path, help="a demo store (default: a new one, seed 2014)")
    parser.add_argument("--language", choices=LANGUAGES, action="append")
    parser.add_argument("--orientation", choices=tuple(SIZES), action="append")
    parser.add_argument(
        "--large-text",
        action="store_true",
        help="with larger text, into LANGUAGE-ORIENTATION-large",
    )


def run(args: argparse.Namespace) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="kiosk-shots-") as folder:
        db = args.db or _demo_store(Path(folder) / "demo.sqlite3")
        saved = _render_all(
            db,
            args.out,
            languages=args.language or list(LANGUAGES),
            orientations=args.orientation or list(SIZES),
            large_text=args.large_text,
        )
    print(f"{len(saved)} screenshots in {args.out}")
    return ExitCode.OK


def _demo_store(path: Path) -> Path:
    from kiosk.services.demo import generate_demo_data
    from kiosk.services.store import open_store

    store = open_store(path)
    try:
        generate_demo_data(
            store.engine,
            id_hash_key=DEMO_ID_HASH_KEY,
            terminal_code="DEMO-0001",
            terminal_region_code=TERMINAL_REGION,
            households=60,
        )
    finally:
        store.close()
    return path


def _render_all(
    db: Path,
    out: Path,
    *,
    languages: list[str],
    orientations: list[str],
    large_text: bool = False,
) -> list[Path]:
    from kiosk.views.fit import cut_off_texts

    saved: list[Path] = []
    suffix = "-large" if large_text else ""

    def save(shot: Shot) -> None:
        folder = out / f"{shot.language}-{shot.orientation}{suffix}"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{shot.number:02d}-{shot.name}.png"
        shot.window.grab().save(str(path))
        saved.append(path)
        for problem in cut_off_texts(shot.window):
            print(f"cut off on {path.name}: {problem}", file=sys.stderr)

    walk(db, save, languages=languages, orientations=orientations, large_text=large_text)
    return saved


@dataclass(frozen=True)
class Shot:
    """One screen of the tour, on show in ``window``."""

    language: str
    orientation: str
    number: int
    name: str
    window: MainWindow


def walk(
    db: Path,
    visit: Callable[[Shot], None],
    *,
    languages: Sequence[str] = LANGUAGES,
    orientations: Sequence[str] = tuple(SIZES),
    large_text: bool = False,
    private: bool = False,
) -> None:
    """Open each screen of the tour in a main window on the demo store ``db``, in each
    language and orientation, and call ``visit`` with it.

    With ``private``, the tour also stops where a picture must never be taken: the whole ID
    number typed, a phone number, a filed complaint's secret. Tests use it to check those
    screens as well.
    """
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from PySide6.QtWidgets import QApplication

    from kiosk.app import ui_font
    from kiosk.domain.names import name_initials
    from kiosk.services.demo import REFERENCE_DATE, SCENARIOS
    from kiosk.services.identify import Identifier
    from kiosk.services.places import office_display_name
    from kiosk.services.printing.issue import DocumentSigner
    from kiosk.services.printing.printers.choose import NoPrinter
    from kiosk.services.printing.printers.queue import PrintQueue
    from kiosk.services.store import open_store
    from kiosk.views.i18n import Translations
    from kiosk.views.main_window import MainWindow
    from kiosk.views.screens.base import ScreenContext
    from kiosk.views.theme import NORMAL

    app = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(app, QApplication)
    # The kiosk's own font, so the pictures show what a terminal shows.
    app.setFont(ui_font(NORMAL.font_body_pt))
    translations = Translations(app)
    store = open_store(db)
    # The morning after the demo data's reference date, in Shanghai.
    now = datetime.combine(REFERENCE_DATE + timedelta(days=1), time(2, 0), tzinfo=UTC)
    story = SCENARIOS[0]
    # A key made for the tour, and no printer: the receipt's preview, then its failure.
    signer = DocumentSigner(Ed25519PrivateKey.generate(), "DEMO-0001")
    print_queue = PrintQueue(NoPrinter())
    try:
        for language in languages:
            for orientation in orientations:
                translations.set_language(language)
                window = MainWindow(
                    translations=translations,
                    context=ScreenContext(
                        sessions=store.sessionmaker,
                        kiosk_code="DEMO-0001",
                        region_code=TERMINAL_REGION,
                        clock=lambda: now,
                        print_queue=print_queue,
                        document_signer=signer,
                    ),
                    identifier=Identifier(
                        store.sessionmaker,
                        id_hash_key=DEMO_ID_HASH_KEY,
                        addresses=demo_address_codes(),
                    ),
                    office_name=office_display_name(store.sessionmaker, TERMINAL_REGION),
                    large_text=large_text,
                )
                window.resize(*SIZES[orientation])
                window.show()
                initials = name_initials(story.head_name)
                steps = _tour(window, story.head_id_number, initials, private=private)
                for number, (name, step) in enumerate(steps, 1):
                    step()
                    _settle(app)
                    visit(Shot(language, orientation, number, name, window))
                window.end_session()
                window.close()
                window.deleteLater()
                app.processEvents()
    finally:
        print_queue.close()
        translations.clear()
        store.close()


def _settle(app: QApplication) -> None:
    """Deliver what the last taps posted (layout requests post their parents' in turn)."""
    from PySide6.QtCore import QCoreApplication, QEvent

    for _ in range(4):
        app.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)


def _tour(
    window: MainWindow, number: str, initials: str, *, private: bool = False
) -> list[tuple[str, Callable[[], None]]]:
    """The screens in the order a resident meets them, each with the taps that open it."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from kiosk.views.screens.check_complaint import CheckComplaintScreen
    from kiosk.views.screens.complaint import ComplaintScreen
    from kiosk.views.screens.household import HouseholdScreen
    from kiosk.views.screens.identify import IdentifyScreen
    from kiosk.views.screens.ledger import LedgerScreen
    from kiosk.views.widgets.keypad import CLEAR
    from kiosk.views.widgets.print_preview import PrintState

    identify = window.identify_screen
    assert isinstance(identify, IdentifyScreen)

    def tap(button: object) -> None:
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)  # type: ignore[call-overload]

    def type_on(entry: object, text: str) -> None:
        for key in text:
            tap(entry.pad.button(key))  # type: ignore[attr-defined]

    def until(done: Callable[[], bool]) -> None:
        """Wait for the store, which writes on a worker thread (at most ten seconds)."""
        for _ in range(200):
            if done():
                return
            QTest.qWait(50)
        raise RuntimeError("the screen did not come")

    def from_home(name: str) -> None:
        while window.current_screen() is not window.home:
            window.go_back()
        window.open_screen(name)

    def complaint() -> ComplaintScreen:
        screen = window.current_screen()
        assert isinstance(screen, ComplaintScreen)
        return screen

    # A full ID number never goes into a screenshot, even a made-up one: the picture is
    # taken with only the first ten characters typed.
    def number_half_typed() -> None:
        tap(window.attract.start_button)
        type_on(identify.number_entry, number[:10])

    def number_typed() -> None:
        type_on(identify.number_entry, number[10:])

    def initials_typed() -> None:
        type_on(identify.number_entry, number[len(identify.number_entry.text()) :])
        tap(identify.next_button)
        type_on(identify.initials_entry, initials)

    def certificate_preview() -> None:
        """ "Print certificate" on the household file."""
        household = window.current_screen()
        assert isinstance(household, HouseholdScreen)
        tap(household.certificate_button)
        until(lambda: household.preview.state() is PrintState.READY)

    def statement_preview() -> None:
        """ "Print statement": the statement as it will print."""
        ledger = window.current_screen()
        assert isinstance(ledger, LedgerScreen)
        tap(ledger.print_button)
        until(lambda: ledger.preview.state() is PrintState.READY)

    def dispute_started() -> None:
        """The 8,000-yuan line of 2014 on the ledger, then "Not right" on it."""
        ledger = window.current_screen()
        assert isinstance(ledger, LedgerScreen)
        if ledger.stack.currentWidget() is ledger.print_page:
            ledger.go_back()  # from the statement's preview
        ledger.show_year_of(2014)
        shown = ledger.current_ledger()
        assert shown is not None
        line = next(
            line for year in shown.years for line in year.lines if line.amount_fen == 800_000
        )
        card = ledger.card_for(line.aid_record_id)
        assert card is not None
        card.wrong_button.click()

    def amount_typed() -> None:
        """ "Received less": 4,000 yuan on the amount pad."""
        ledger = window.current_screen()
        assert isinstance(ledger, LedgerScreen)
        tap(ledger.dispute.less_button)
        clear = ledger.dispute.amount.pad.button(CLEAR)
        if clear.isEnabled():
            tap(clear)
        type_on(ledger.dispute.amount, "4000")

    def complaint_started() -> None:
        window.more_time()  # out of "Are you still there?"
        from_home("complaint")

    def complaint_words() -> None:
        """Back to the disputed line: the amount recorded, then a complaint about it."""
        from_home("ledger")
        dispute_started()
        amount_typed()
        ledger = window.current_screen()
        assert isinstance(ledger, LedgerScreen)
        tap(ledger.dispute.amount_confirm_button)
        until(ledger.dispute.complain_button.isVisible)
        tap(ledger.dispute.complain_button)
        # A store that has a complaint about this payment already (a private tour files
        # one) asks whether this is the same matter first.
        if ledger.dispute.different_button.isVisible():
            tap(ledger.dispute.different_button)

    def level_step() -> None:
        tap(complaint().words_step.continue_button)

    def phone_typed() -> None:
        """Named, with a phone number half typed (a private step: it shows the number)."""
        identity = complaint().identity_step
        tap(identity.named_button)
        tap(identity.continue_button)
        type_on(identity.phone, "138001")

    def implicated_step() -> None:
        """Anonymous, then whom it is about. (From the phone pad first, on a private tour.)"""
        screen = complaint()
        if screen.identity_step.on_phone_page():
            screen.identity_step.go_back()
        tap(screen.identity_step.anonymous_button)
        tap(screen.identity_step.continue_button)

    def review_step() -> None:
        """Naming nobody, up to the review of what will be sent and where. (Not "filed":
        that page shows a real secret, which never goes into a picture.)"""
        screen = complaint()
        tap(screen.implicated_step.nobody_button)
        tap(screen.implicated_step.continue_button)

    def filed() -> None:
        screen = complaint()
        tap(screen.review_step.send_button)
        until(lambda: screen.current_step() is screen.result_step)

    def receipt_preview() -> None:
        """ "Print receipt": the receipt as it will print (a private step: the secret)."""
        screen = complaint()
        tap(screen.result_step.print_button)
        until(lambda: screen.print_step.state() is PrintState.READY)

    def receipt_failed() -> None:
        """Print, on a terminal whose printer cannot be reached."""
        screen = complaint()
        tap(screen.print_step.print_button)
        until(lambda: screen.print_step.state() is PrintState.FAILED)

    def confirm_end() -> None:
        """ "End session" with a complaint not yet sent: asked first."""
        from_home("complaint")
        tap(complaint().category_step.buttons[next(iter(complaint().category_step.buttons))])
        window.request_end()

    def check_complaint_started() -> None:
        window.end_session()
        tap(window.attract.check_complaint_button)
        screen = window.current_screen()
        assert isinstance(screen, CheckComplaintScreen)
        type_on(screen.number_entry, "384122")

    def secret_typed() -> None:
        screen = window.current_screen()
        assert isinstance(screen, CheckComplaintScreen)
        type_on(screen.number_entry, "617002")
        tap(screen.next_button)
        type_on(screen.secret_entry, "123")

    tour: list[tuple[str, Callable[[], None], bool]] = [
        ("attract", lambda: None, False),
        ("id-number", number_half_typed, False),
        ("id-number-complete", number_typed, True),
        ("initials", initials_typed, False),
        ("home", lambda: tap(identify.confirm_button), False),
        ("household", partial(from_home, "household"), False),
        ("certificate-preview", certificate_preview, False),
        ("ledger", partial(from_home, "ledger"), False),
        ("statement-preview", statement_preview, False),
        ("dispute", dispute_started, False),
        ("dispute-amount", amount_typed, False),
        *[
            (name, partial(from_home, name), False)
            for name in ("cadre", "loans", "projects", "bulletins")
        ],
        ("still-there", lambda: window.ask_if_still_there(20), False),
        ("complaint-category", complaint_started, False),
        ("complaint-words", complaint_words, False),
        ("complaint-level", level_step, False),
        ("complaint-phone", phone_typed, True),
        ("complaint-implicated", implicated_step, False),
        ("complaint-review", review_step, False),
        ("complaint-filed", filed, True),
        ("receipt-preview", receipt_preview, True),
        ("receipt-failed", receipt_failed, True),
        ("confirm-end", confirm_end, False),
        ("check-complaint", check_complaint_started, False),
        ("check-complaint-secret", secret_typed, True),
    ]
    return [(name, step) for name, step, hidden in tour if private or not hidden]
