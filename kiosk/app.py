"""``kiosk run``: start the kiosk, in one composition function that reads as a story."""

from __future__ import annotations

import argparse
import dataclasses
import functools
import logging
import os
import signal
import socket
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSize, QSocketNotifier, Qt, QTimer, Slot
from PySide6.QtGui import QFont, QFontDatabase, QFontInfo, QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

from kiosk import __version__
from kiosk.config import LANGUAGES, Config, ConfigError, StoreConfig, load_config
from kiosk.exitcodes import ExitCode
from kiosk.logs import install_qt_message_handler, restore_qt_message_handler, setup_logging
from kiosk.memory import keep_memory_small
from kiosk.services.identity_source import IdentitySource, SimulatedCardReader
from kiosk.services.speech_server import SpeechServer, runtime_folder
from kiosk.services.store import StoreError, office_name_at_a_glance, open_store
from kiosk.views.crash import CrashHandler
from kiosk.views.i18n import Translations
from kiosk.views.main_window import MainWindow
from kiosk.views.shell.full_screen import ScreenCover
from kiosk.views.speech import ReadAloud
from kiosk.views.theme import HIGH_CONTRAST, NORMAL, theme_for

if TYPE_CHECKING:  # not imported at run time: the attract screen is painted without them
    from sqlalchemy.orm import Session, sessionmaker

    from kiosk.services.complaints.outbox import OutboxSender
    from kiosk.services.printing.issue import DocumentSigner
    from kiosk.views.screens.base import StatusChecker

log = logging.getLogger("kiosk")

#: Tried in order; the first one installed wins, and the others only lend a character it
#: lacks. All of them have the Simplified Chinese glyphs, so names and places never show as
#: boxes. WenQuanYi Micro Hei comes first for memory: it is one 5 MB file (bold is drawn
#: from it), while Noto Sans CJK is a 20 MB file per weight, and every character a screen
#: shows maps some 64 KiB of the file into the kiosk's resident memory, which over months of
#: residents' names grows towards the whole file. It is also the font receipts print with.
CJK_FONT_FAMILIES = (
    "WenQuanYi Micro Hei",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Microsoft YaHei",
)

FULL_HD = QSize(1920, 1080)
SMALL_SCREEN = QSize(1366, 768)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kiosk run", description="Start the resident self-service kiosk."
    )
    parser.add_argument("--config", type=Path, metavar="FILE", help="configuration file (TOML)")
    parser.add_argument("--db", type=Path, metavar="PATH", help="local store; overrides store.path")
    screen = parser.add_mutually_exclusive_group()
    screen.add_argument(
        "--fullscreen",
        dest="fullscreen",
        action="store_true",
        default=None,
        help="cover the whole screen; overrides ui.fullscreen",
    )
    screen.add_argument(
        "--windowed",
        dest="fullscreen",
        action="store_false",
        help="run in a normal window; overrides ui.fullscreen",
    )
    parser.add_argument("--language", choices=LANGUAGES, help="UI language; overrides ui.language")
    parser.add_argument(
        "--screenshot",
        type=Path,
        metavar="PNG",
        help="after the first paint, save the window as PNG (works without a display)",
    )
    parser.add_argument(
        "--exit-after-screenshot",
        action="store_true",
        help="quit once the --screenshot has been written",
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the kiosk until it is stopped and return an :class:`ExitCode`.

    Start-up, in this order. The attract screen shows no personal data and needs nothing
    from the store but the office's name, so it is painted first; the store, and the
    SQLAlchemy and Alembic it brings, come right after:

    0. Memory settings (``keep_memory_small``), before any thread starts or any large
       module is imported: one malloc arena, and no PySide6 hook keeping the source of
       every imported module.
    1. Arguments (``build_parser``); ``--help`` and usage errors return at once.
    2. Configuration: ``load_config`` and the command-line overrides. A ``ConfigError``
       prints one line and returns ``ExitCode.CONFIG``.
    3. Logging to standard error and the optional file, with ID and phone numbers masked;
       Qt's own messages go to the logger ``qt``. A warning if the demo ID-hash key is in
       use.
    4. Exception hooks (``sys.excepthook``, ``threading.excepthook``): an uncaught exception
       is logged with its trace and the window shows the friendly error screen instead.
    5. QApplication: names, CJK font, and SIGTERM/SIGINT handled inside the Qt loop.
    6. Translation into the UI language.
    7. Main window on the attract screen, with the idle settings and the ID card reader
       (the simulated one in a demo: no hardware driver exists yet), full screen or in a
       window. The office's name is read from the store with plain ``sqlite3``. The
       optional screenshot is taken at the first paint.
    8. Right after the first paint (``OnFirstPaint``): the database. ``open_store``
       creates and migrates the local store (Alembic runs only if its schema is behind),
       or the event loop ends with ``ExitCode.DATABASE``. Then what the screens need:
       the identifier (ID number plus initials, throttled) and the screens' context
       (store, terminal code and region), handed to the window with ``connect_store``.
       Last, read aloud starts looking for a speech engine, on a thread of its own,
       through the kiosk's own speech-dispatcher (started as a child process before the
       window, see ``kiosk.services.speech_server``).
    9. ``app.exec()``: its result is the exit code (``ExitCode.TERMINATED`` after a signal).
       Then read aloud's thread ends, the store is closed and speech-dispatcher stopped.
    """
    keep_memory_small()
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        if args.exit_after_screenshot and args.screenshot is None:
            parser.error("--exit-after-screenshot needs --screenshot PNG")
    except SystemExit as exc:  # --help, or a usage error argparse has already explained
        return exc.code if isinstance(exc.code, int) else ExitCode.USAGE

    try:
        config = _configure(args)
    except ConfigError as exc:
        print(f"kiosk: configuration error: {exc}", file=sys.stderr)
        return ExitCode.CONFIG

    try:
        setup_logging(config.logging)
    except OSError as exc:
        print(
            f"kiosk: configuration error: logging.file: cannot open {config.logging.file}"
            f" ({exc.strerror})",
            file=sys.stderr,
        )
        return ExitCode.CONFIG
    previous_qt_handler = install_qt_message_handler()

    crash_handler = CrashHandler()
    crash_handler.install()
    try:
        return _run(config, args, crash_handler)
    except Exception:
        log.exception("The kiosk stopped because of an unexpected error")
        return ExitCode.ERROR
    finally:
        crash_handler.uninstall()
        restore_qt_message_handler(previous_qt_handler)


def _configure(args: argparse.Namespace) -> Config:
    config = load_config(args.config)
    if args.db is not None:
        config = dataclasses.replace(config, store=StoreConfig(path=args.db))
    ui = config.ui
    if args.fullscreen is not None:
        ui = dataclasses.replace(ui, fullscreen=args.fullscreen)
    if args.language is not None:
        ui = dataclasses.replace(ui, language=args.language)
    if not config.security.uses_demo_key:
        # Read the key now so a missing or short key stops the start, not the first lookup.
        config.security.id_hash_key()
    return dataclasses.replace(config, ui=ui)


def _run(config: Config, args: argparse.Namespace, crash_handler: CrashHandler) -> int:
    log.info("Starting kiosk %s, terminal %s", __version__, config.terminal.code)
    if config.security.uses_demo_key:
        log.warning(
            "The public demo key hashes ID numbers: set security.id_hash_key_file before"
            " real residents use this terminal"
        )

    quitter: QuitOnSignals | None = None
    read_aloud: ReadAloud | None = None
    exit_code: int = ExitCode.ERROR
    stop_speech_server: Callable[[], None] | None = None
    # What must be closed at the end, in order: the outbox sender, then the store (read
    # aloud's thread is ended before them, the speech server after them).
    closers: list[Callable[[], None]] = []
    try:
        app = _application()
        theme = theme_for(config.ui)
        # The window applies larger text itself, since a resident may turn it on and off;
        # the configured setting is where every session starts.
        palette = HIGH_CONTRAST if config.ui.high_contrast else NORMAL
        app.setFont(ui_font(theme.font_body_pt))
        quitter = QuitOnSignals(app)
        quitter.install()

        translations = Translations(app)
        translations.set_language(config.ui.language)

        office = office_name_at_a_glance(config.store.path, config.terminal.region_code)
        speech_server = None
        if not args.exit_after_screenshot:  # a run for a picture reads nothing aloud
            speech_server = SpeechServer(runtime_folder())
            if speech_server.start():
                stop_speech_server = speech_server.stop  # once read aloud's thread has ended
            else:
                speech_server = None
        read_aloud = ReadAloud(
            language=translations.language,
            prepare=speech_server.wait_ready if speech_server is not None else None,
        )
        window = MainWindow(
            translations=translations,
            identity_source=_identity_source(config),
            idle_timeout_s=config.ui.idle_timeout_s,
            idle_countdown_s=config.ui.idle_countdown_s,
            theme=palette,
            large_text=config.ui.large_text,
            office_name=office,
            read_aloud=read_aloud,
        )
        crash_handler.crashed.connect(window.show_error, Qt.ConnectionType.QueuedConnection)

        def after_first_paint() -> None:
            if not _connect_store(window, config, closers, office_known=office is not None):
                return
            log.info(
                "Kiosk started: language %s, theme %s, store %s",
                translations.language,
                theme.name,
                config.store.path,
            )
            if not args.exit_after_screenshot:  # a run for a picture reads nothing aloud
                assert read_aloud is not None
                read_aloud.start()

        OnFirstPaint(window, after_first_paint, parent=window)
        # (Installed before the screenshot's filter, so the picture is taken first: Qt
        # calls the filter installed last first.)
        if args.screenshot is not None:
            ScreenshotOnFirstPaint(
                window, args.screenshot, exit_after=args.exit_after_screenshot, parent=window
            )
        _show(window, fullscreen=config.ui.fullscreen)
        exit_code = app.exec()
        return exit_code
    finally:
        if quitter is not None:
            quitter.uninstall()
        speech_stopped = True
        if read_aloud is not None:
            # Not long: if speech-dispatcher hangs, its thread is left to the process's end.
            speech_stopped = read_aloud.shutdown(timeout_s=1.0)
        for close in closers:
            close()
        if speech_stopped and stop_speech_server is not None:
            stop_speech_server()
        log.info("Kiosk stopped")
        if not speech_stopped:
            # The engine's thread is stuck (in speech-dispatcher, which is left to die with
            # us): Qt's clean-up at exit would destroy the engine under that thread and
            # crash. Everything of ours is closed, so the process ends here.
            logging.shutdown()
            os._exit(exit_code)


def _connect_store(
    window: MainWindow,
    config: Config,
    closers: list[Callable[[], None]],
    *,
    office_known: bool,
) -> bool:
    """Open the store, start the complaints outbox and give the window what its screens
    need; False if the store cannot be opened, and then the event loop ends with
    ``ExitCode.DATABASE``. What was started is added to ``closers``, last first."""
    try:
        store = open_store(config.store.path)
    except StoreError as exc:
        log.error("Cannot open the local store: %s", exc)
        QApplication.exit(ExitCode.DATABASE)
        return False
    closers.insert(0, store.close)
    # These bring SQLAlchemy's ORM and the models, which the attract screen did without.
    from kiosk.services.complaints.sending import start_outbox_sender
    from kiosk.services.identify import Identifier
    from kiosk.services.places import office_display_name
    from kiosk.services.printing.issue import Paper
    from kiosk.services.printing.printers.choose import configured_printer
    from kiosk.services.printing.printers.queue import PrintQueue
    from kiosk.views.screens.base import ScreenContext

    # Complaints are committed to the store first; this thread delivers them, and a
    # terminal without a registered key keeps them until it has one.
    sender = start_outbox_sender(config, store.sessionmaker)
    if sender is not None:
        closers.insert(0, lambda: _stop_sender(sender))
    # Printing runs on the queue's own thread: the screens never wait for a printer.
    print_queue = PrintQueue(configured_printer(config.printer))
    closers.insert(0, print_queue.close)
    window.connect_store(
        context=ScreenContext(
            sessions=store.sessionmaker,
            kiosk_code=config.terminal.code,
            region_code=config.terminal.region_code,
            check_status=_status_checker(config, store.sessionmaker),
            wake_outbox=sender.wake if sender is not None else None,
            print_queue=print_queue,
            document_signer=_document_signer(config),
            statement_paper=Paper.ROLL if config.printer.escpos else Paper.A4,
        ),
        identifier=Identifier(
            store.sessionmaker,
            id_hash_key=config.security.id_hash_key(),
            addresses=config.security.id_address_codes(),
        ),
    )
    if not office_known:  # a new store, just made: its regions may have come since
        window.set_office_name(office_display_name(store.sessionmaker, config.terminal.region_code))
    return True


def _stop_sender(sender: OutboxSender) -> None:
    if not sender.stop(timeout=5.0):
        # Nothing is lost: what it was sending stays in the outbox for the next start.
        log.warning("The outbox sender did not stop within 5 s")


def _document_signer(config: Config) -> DocumentSigner | None:
    """What signs this terminal's printed records, or None (nothing is offered for
    printing) when ``kiosk keygen`` has not written the document key yet."""
    from kiosk.domain.problems import Refused
    from kiosk.services.printing.issue import DocumentSigner

    try:
        return DocumentSigner.from_file(config.security.document_key_file, config.terminal.code)
    except Refused:
        log.warning("No document key: printed records are not offered; run `kiosk keygen`")
        return None


def _status_checker(config: Config, sessions: sessionmaker[Session]) -> StatusChecker | None:
    """ "Check my complaint" through its own client (the sender thread has another), or
    None when this terminal cannot sign requests yet."""
    from kiosk.services.complaints.kiosk_key import KioskKeyError
    from kiosk.services.complaints.sending import central_client
    from kiosk.services.complaints.status import check_status

    try:
        client = central_client(config)
    except (KioskKeyError, ValueError) as exc:
        log.warning('"Check my complaint" is off until this terminal has a key: %s', exc)
        client = None
    if client is None:
        return None
    return functools.partial(check_status, client, sessions)


def _identity_source(config: Config) -> IdentitySource | None:
    """The ID card reader. Only the simulated one exists so far, and only for the demo:
    on a real terminal residents type until a reader driver is written."""
    if config.security.uses_demo_key:
        return SimulatedCardReader(addresses=config.security.id_address_codes())
    return None


def _application() -> QApplication:
    QApplication.setApplicationName("citizen-kiosk")
    QApplication.setApplicationVersion(__version__)
    QApplication.setOrganizationName("citizen-kiosk")
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    # Our own options are parsed already; Qt still reads its own from the environment.
    return QApplication(sys.argv[:1])


def ui_font(point_size: int) -> QFont:
    """The kiosk's font: the first installed of CJK_FONT_FAMILIES, the rest as fallback."""
    font = QFont()
    font.setFamilies(list(CJK_FONT_FAMILIES))
    font.setPointSize(point_size)
    installed = set(QFontDatabase.families())
    if not installed.intersection(CJK_FONT_FAMILIES):
        log.warning(
            "None of the fonts %s is installed; Chinese may show as boxes (install fonts-noto-cjk)",
            ", ".join(CJK_FONT_FAMILIES),
        )
    log.debug("UI font: %s", QFontInfo(font).family())
    return font


def window_size_for(available: QSize) -> QSize:
    """The size of the kiosk window when it is not full screen."""
    if available.width() >= FULL_HD.width() and available.height() >= FULL_HD.height():
        return QSize(FULL_HD)
    return QSize(SMALL_SCREEN)


def _show(window: QWidget, *, fullscreen: bool) -> None:
    if fullscreen:
        # A touch terminal has no mouse; an arrow left in the middle of the screen confuses.
        QGuiApplication.setOverrideCursor(Qt.CursorShape.BlankCursor)
        # Also without a window manager, and after a rotation: see ScreenCover.
        ScreenCover(window).show()
        return
    screen = QGuiApplication.primaryScreen()
    available = screen.availableGeometry().size() if screen is not None else FULL_HD
    window.resize(window_size_for(available))
    window.show()


class QuitOnSignals(QObject):
    """Ends the Qt event loop cleanly on SIGTERM (systemd stopping us) or SIGINT.

    Python runs a signal handler only when the interpreter gets to run, and while Qt waits
    for events in C++ it does not. So the C-level handler is told, with
    ``signal.set_wakeup_fd``, to write the signal number to one end of a socket pair; a
    ``QSocketNotifier`` on the other end wakes the event loop, and its slot quits it with
    ``ExitCode.TERMINATED``.

    A second signal ends the process at once with the same code: a kiosk whose main thread
    is stuck (a store that does not answer) must still stop when systemd or staff ask again.
    It emits no signals.
    """

    def __init__(
        self,
        app: QApplication,
        signals: Iterable[signal.Signals] = (signal.SIGTERM, signal.SIGINT),
    ) -> None:
        super().__init__(app)
        self._app = app
        self._signals = tuple(signals)
        self._previous_handlers: dict[signal.Signals, object] = {}
        self._previous_wakeup_fd = -1
        self._sockets: tuple[socket.socket, socket.socket] | None = None
        self._notifier: QSocketNotifier | None = None
        self._received = 0

    def install(self) -> None:
        """Start listening; only possible in the main thread (Python's rule for signals)."""
        reader, writer = socket.socketpair()
        reader.setblocking(False)
        writer.setblocking(False)
        try:
            self._previous_wakeup_fd = signal.set_wakeup_fd(
                writer.fileno(), warn_on_full_buffer=False
            )
        except ValueError:
            reader.close()
            writer.close()
            log.warning("Not in the main thread: SIGTERM will stop the kiosk abruptly")
            return
        self._sockets = (reader, writer)
        self._notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._on_wakeup)
        for signum in self._signals:
            # The socket carries the news to the event loop; the Python-level handler only
            # counts, so that a second signal ends a kiosk whose loop no longer runs.
            self._previous_handlers[signum] = signal.signal(signum, self._count_signal)

    def uninstall(self) -> None:
        """Put back the previous handlers and wake-up descriptor."""
        for signum, handler in self._previous_handlers.items():
            signal.signal(signum, handler)  # type: ignore[arg-type]
        self._previous_handlers.clear()
        if self._sockets is None:
            return
        signal.set_wakeup_fd(self._previous_wakeup_fd)
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier.deleteLater()
            self._notifier = None
        for sock in self._sockets:
            sock.close()
        self._sockets = None

    def _count_signal(self, signum: int, _frame: object) -> None:
        self._received += 1
        if self._received >= 2:
            # No clean-up: the first signal asked for that and it did not happen.
            os.write(2, f"Received {signal.Signals(signum).name} again: exiting now\n".encode())
            os._exit(ExitCode.TERMINATED)

    @Slot()
    def _on_wakeup(self) -> None:
        if self._sockets is None:
            return
        try:
            received = self._sockets[0].recv(64)
        except BlockingIOError:
            return
        for number in received:
            if number in self._signals:
                log.info("Received %s: stopping", signal.Signals(number).name)
                self._app.exit(ExitCode.TERMINATED)
                return


class OnFirstPaint(QObject):
    """Calls ``callback`` from the event loop once ``window`` has been painted the first time.

    For start-up work that takes a while (opening the store) and must not delay the first
    screen. It emits no signals.
    """

    def __init__(
        self, window: QWidget, callback: Callable[[], None], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._window = window
        self._callback = callback
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Paint:
            self._window.removeEventFilter(self)
            QTimer.singleShot(0, self._callback)
        return False


class ScreenshotOnFirstPaint(QObject):
    """Saves a window's picture as PNG once it has been painted, then maybe quits.

    Used to see the kiosk without a display (``QT_QPA_PLATFORM=offscreen``). It emits no
    signals; the result is the file and a log line.
    """

    def __init__(
        self, window: QWidget, path: Path, *, exit_after: bool, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._window = window
        self._path = path
        self._exit_after = exit_after
        self._done = False
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Paint and not self._done:
            self._done = True
            # Grab after this paint has finished, from the event loop.
            QTimer.singleShot(0, self._save)
        return False

    @Slot()
    def _save(self) -> None:
        self._window.removeEventFilter(self)
        reason = "the image could not be written"
        try:
            self._path.parent.mkdir(parents=True, exist_ok=True)
            saved = self._window.grab().save(str(self._path), "PNG")
        except OSError as exc:
            saved, reason = False, exc.strerror or str(exc)
        if saved:
            log.info("Screenshot saved to %s", self._path)
        else:
            log.error("Could not save the screenshot to %s: %s", self._path, reason)
        if self._exit_after:
            QApplication.exit(ExitCode.OK if saved else ExitCode.ERROR)
