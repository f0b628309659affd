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
from collections.abc import Callable
from datetime import UTC, datetime, time, timedelta
from functools import partial
from pathlib import Path

from kiosk.config import DEMO_ID_HASH_KEY
from kiosk.exitcodes import ExitCode

SIZES = {"landscape": (1920, 1080), "portrait": (1080, 1920)}
LANGUAGES = ("zh_CN", "en")
TERMINAL_REGION = "522730001"  # Guanshan street office, where the first story household lives


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", type=Path, default=Path("resources/screenshots"))
    parser.add_argument("--db", type=Path, help="a demo store (default: a new one, seed 2014)")
    parser.add_argument("--language", choices=LANGUAGES, action="append")
    parser.add_argument("--orientation", choices=tuple(SIZES), action="append")


def run(args: argparse.Namespace) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="kiosk-shots-") as folder:
        db = args.db or _demo_store(Path(folder) / "demo.sqlite3")
        saved = _render_all(
            db,
            args.out,
            languages=args.language or list(LANGUAGES),
            orientations=args.orientation or list(SIZES),
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
    db: Path, out: Path, *, languages: list[str], orientations: list[str]
) -> list[Path]:
    from PySide6.QtWidgets import QApplication

    from kiosk.app import ui_font
    from kiosk.domain.names import name_initials
    from kiosk.services.demo import REFERENCE_DATE, SCENARIOS
    from kiosk.services.identify import Identifier
    from kiosk.services.places import office_display_name
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
    saved: list[Path] = []
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
                    ),
                    identifier=Identifier(store.sessionmaker, id_hash_key=DEMO_ID_HASH_KEY),
                    office_name=office_display_name(store.sessionmaker, TERMINAL_REGION),
                )
                window.resize(*SIZES[orientation])
                window.show()
                folder = out / f"{language}-{orientation}"
                folder.mkdir(parents=True, exist_ok=True)
                initials = name_initials(story.head_name)
                for number, (name, step) in enumerate(
                    _tour(window, story.head_id_number, initials), 1
                ):
                    step()
                    app.processEvents()
                    path = folder / f"{number:02d}-{name}.png"
                    window.grab().save(str(path))
                    saved.append(path)
                window.end_session()
                window.close()
                window.deleteLater()
                app.processEvents()
    finally:
        store.close()
    return saved


def _tour(window: object, number: str, initials: str) -> list[tuple[str, Callable[[], None]]]:
    """The screens in the order a resident meets them, each with the taps that open it."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from kiosk.views.main_window import MainWindow
    from kiosk.views.screens.check_complaint import CheckComplaintScreen
    from kiosk.views.screens.complaint import ComplaintScreen
    from kiosk.views.screens.identify import IdentifyScreen
    from kiosk.views.screens.ledger import LedgerScreen

    assert isinstance(window, MainWindow)
    identify = window.identify_screen
    assert isinstance(identify, IdentifyScreen)

    def tap(button: object) -> None:
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)  # type: ignore[call-overload]

    def type_on(entry: object, text: str) -> None:
        for key in text:
            tap(entry.pad.button(key))  # type: ignore[attr-defined]

    def from_home(name: str) -> None:
        while window.current_screen() is not window.home:
            window.go_back()
        window.open_screen(name)

    # A full ID number never goes into a screenshot, even a made-up one: the picture is
    # taken with only the first ten characters typed.
    def number_half_typed() -> None:
        tap(window.attract.start_button)
        type_on(identify.number_entry, number[:10])

    def initials_typed() -> None:
        type_on(identify.number_entry, number[10:])
        tap(identify.next_button)
        type_on(identify.initials_entry, initials)

    def dispute_started() -> None:
        """The 8,000-yuan line of 2014 on the ledger, then "Not right" on it."""
        ledger = window.current_screen()
        assert isinstance(ledger, LedgerScreen)
        ledger.show_year_of(2014)
        shown = ledger.current_ledger()
        assert shown is not None
        line = next(
            line for year in shown.years for line in year.lines if line.amount_fen == 800_000
        )
        card = ledger.card_for(line.aid_record_id)
        assert card is not None
        card.wrong_button.click()

    def complaint_started() -> None:
        window.more_time()  # out of "Are you still there?"
        from_home("complaint")

    def complaint_from_ledger() -> None:
        from_home("ledger")
        dispute_started()
        complaint_review()

    def complaint_review() -> None:
        """ "Received less" with 4,000 yuan, recorded; then a complaint about it, anonymous,
        naming nobody, up to the review of what will be sent and where. (Not "filed": that
        page shows a real secret, which never goes into a picture.)"""
        ledger = window.current_screen()
        assert isinstance(ledger, LedgerScreen)
        dispute = ledger.dispute
        tap(dispute.less_button)
        type_on(dispute.amount, "4000")
        tap(dispute.amount_confirm_button)
        tap(dispute.complain_button)
        complaint = window.current_screen()
        assert isinstance(complaint, ComplaintScreen)
        tap(complaint.words_step.continue_button)
        tap(complaint.identity_step.anonymous_button)
        tap(complaint.identity_step.continue_button)
        tap(complaint.implicated_step.nobody_button)
        tap(complaint.implicated_step.continue_button)

    def check_complaint_started() -> None:
        window.end_session()
        tap(window.attract.check_complaint_button)
        screen = window.current_screen()
        assert isinstance(screen, CheckComplaintScreen)
        type_on(screen.number_entry, "384122")

    return [
        ("attract", lambda: None),
        ("id-number", number_half_typed),
        ("initials", initials_typed),
        ("home", lambda: tap(identify.confirm_button)),
        ("household", partial(from_home, "household")),
        ("ledger", partial(from_home, "ledger")),
        ("dispute", dispute_started),
        *[(name, partial(from_home, name)) for name in ("cadre", "loans", "projects", "bulletins")],
        ("still-there", lambda: window.ask_if_still_there(20)),
        ("complaint-category", complaint_started),
        ("complaint-review", complaint_from_ledger),
        ("check-complaint", check_complaint_started),
    ]
