"""The kiosk's only window: the attract screen, then the shell around a resident's screens.

The window is a stack of pages: the attract screen, the shell (a top bar above a
navigation stack of named screens), "Are you still there?", and the error screen. It
wires them together and owns the resident session; the screens themselves only say what
they want (open a screen, go back) through signals.

The window can be shown before the store is open: the attract screen needs nothing from
it. Nothing here imports SQLAlchemy or a screen module until :meth:`MainWindow.connect_store`
(or a screen's first use) needs it, so the first picture comes up fast.
"""

from __future__ import annotations

import dataclasses
import functools
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer, Signal, Slot
from PySide6.QtGui import QCloseEvent, QResizeEvent
from PySide6.QtWidgets import QMainWindow, QStackedWidget, QVBoxLayout, QWidget

from kiosk.domain.clock import shanghai_now
from kiosk.memory import release_memory
from kiosk.services.identity_source import CardRead, IdentitySource
from kiosk.views.i18n import Translations
from kiosk.views.screens.attract import AttractScreen
from kiosk.views.screens.contract import Screen, ScreenParts
from kiosk.views.screens.error_screen import ErrorScreen
from kiosk.views.screens.home import HomeScreen
from kiosk.views.screens.registry import SCREENS
from kiosk.views.session import IdleWatch, ResidentSession
from kiosk.views.shell.confirm_end import ConfirmEndPanel
from kiosk.views.shell.navigation import NavigationStack
from kiosk.views.shell.still_there import StillTherePanel
from kiosk.views.shell.top_bar import TopBar
from kiosk.views.speech import ReadAloud
from kiosk.views.theme import NORMAL, Theme, load_stylesheet, with_large_text

if TYPE_CHECKING:
    # Both bring SQLAlchemy's ORM: imported for real only once the store is open.
    from kiosk.services.identify import Identifier
    from kiosk.views.screens.base import ScreenContext

_log = logging.getLogger(__name__)

# Below this window height (a 1366x768 panel) keys and action buttons are a little smaller,
# so the number pad and the top bar fit one above the other.
LOW_SCREEN_HEIGHT = 900


def for_low_screen(theme: Theme) -> Theme:
    """``theme`` with keys and action buttons of 104 px: still above the 96-px touch floor."""
    return dataclasses.replace(
        theme,
        name=f"{theme.name}+low-screen",
        key_px=min(theme.key_px, 104),
        action_height_px=min(theme.action_height_px, 104),
    )


class _CardBridge(QObject):
    """Carries a card from the reader's callback (maybe another thread) to the UI thread.

    Signals:
        card_read(object): a :class:`CardRead`.
    """

    card_read = Signal(object)

    def deliver(self, card: CardRead) -> None:
        self.card_read.emit(card)


class MainWindow(QMainWindow):
    """The kiosk's only window; it moves between screens in answer to their signals.

    Start on the attract screen leads to identification, then to the home menu and the
    resident's screens; "Policy notices" on the attract screen opens the bulletins without
    identification. "Back" pops the navigation stack; "End session", an unanswered "Are you
    still there?" and :meth:`show_error` all end the session with :meth:`end_session`,
    which clears every screen and returns to the attract screen.

    Built without ``context`` and ``identifier``, it shows the attract screen at once and
    waits for :meth:`connect_store`; a touch on Start (or a card) before that is answered
    as soon as the store is connected. It emits no signals.
    """

    def __init__(
        self,
        *,
        translations: Translations,
        context: ScreenContext | None = None,
        identifier: Identifier | None = None,
        identity_source: IdentitySource | None = None,
        idle_timeout_s: float = 90.0,
        idle_countdown_s: float = 20.0,
        theme: Theme = NORMAL,
        large_text: bool = False,
        office_name: str | None = None,
        read_aloud: ReadAloud | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._translations = translations
        self._home_language = translations.language
        self._context: ScreenContext | None = None
        #: What a resident asked for before the store was connected (the latest wins).
        self._waiting: Callable[[], None] | None = None
        self._identity_source = identity_source
        self._read_aloud = read_aloud
        self._theme = theme
        self._default_large_text = large_text
        self._large_text = large_text
        self._session: ResidentSession | None = None
        self._low_screen = False

        clock = context.clock if context is not None else shanghai_now
        self.attract = AttractScreen(office_name=office_name, clock=clock)
        self.top_bar = TopBar()
        self.navigation = NavigationStack()
        self.shell = QWidget()
        self.shell.setObjectName("shell")
        shell_layout = QVBoxLayout(self.shell)
        shell_layout.setContentsMargins(0, 0, 0, 0)
        shell_layout.setSpacing(0)
        shell_layout.addWidget(self.top_bar)
        shell_layout.addWidget(self.navigation, 1)
        self.still_there = StillTherePanel()
        self.error_screen = ErrorScreen()
        self.confirm_end = ConfirmEndPanel()
        self._pages = QStackedWidget()
        for page in (
            self.attract,
            self.shell,
            self.still_there,
            self.confirm_end,
            self.error_screen,
        ):
            self._pages.addWidget(page)
        # Only the page on show has to fit the window, not the largest of them.
        self._pages.setMinimumSize(1, 1)
        self.setCentralWidget(self._pages)

        self.idle = IdleWatch(
            idle_timeout_s=idle_timeout_s, countdown_s=idle_countdown_s, parent=self
        )

        self.attract.start_requested.connect(self.start_identification)
        self.attract.bulletins_requested.connect(self.open_bulletins_without_identification)
        self.attract.check_complaint_requested.connect(
            self.open_check_complaint_without_identification
        )
        self.attract.language_toggle_requested.connect(self.toggle_language)
        self.attract.staff_requested.connect(self._on_staff_requested)
        self.top_bar.back_requested.connect(self.go_back)
        self.top_bar.end_requested.connect(self.request_end)
        self.top_bar.read_aloud_requested.connect(self.read_aloud)
        self.top_bar.large_text_toggled.connect(self.set_large_text)
        self.top_bar.language_toggle_requested.connect(self.toggle_language)
        self.navigation.current_changed.connect(self._on_screen_changed)
        self.idle.countdown_started.connect(self.ask_if_still_there)
        self.idle.countdown_tick.connect(self.still_there.set_seconds_left)
        self.idle.expired.connect(self._on_idle_expired)
        self.still_there.more_time_requested.connect(self.more_time)
        self.still_there.end_requested.connect(self.request_end)
        self.error_screen.back_requested.connect(self.end_session)
        self.confirm_end.keep_requested.connect(self._back_to_shell)
        self.confirm_end.end_requested.connect(self.end_session)

        self._card_bridge = _CardBridge(self)
        self._card_bridge.card_read.connect(self._on_card_read)
        if identity_source is not None:
            identity_source.start(self._card_bridge.deliver)

        # "Read aloud" shows only while an engine with a voice for the language works.
        self.top_bar.set_read_aloud_available(read_aloud is not None and read_aloud.available())
        if read_aloud is not None:
            read_aloud.availability_changed.connect(self.top_bar.set_read_aloud_available)
            translations.language_changed.connect(read_aloud.set_language)
        self.top_bar.set_large_text(large_text)
        self._apply_theme()
        self.retranslate()
        self._pages.setCurrentWidget(self.attract)
        if context is not None and identifier is not None:
            self.connect_store(context=context, identifier=identifier)

    # ---- construction ----------------------------------------------------------------

    def connect_store(self, *, context: ScreenContext, identifier: Identifier) -> None:
        """Give the window what the screens after the attract screen need: the store's
        context and the identifier. Called once; a request that waited is answered now."""
        if self._context is not None:
            raise RuntimeError("the store is connected already")
        self._context = context
        self._register_screens(ScreenParts(context=context, identifier=identifier, host=self))
        waiting, self._waiting = self._waiting, None
        if waiting is not None:
            waiting()

    def store_connected(self) -> bool:
        """Whether :meth:`connect_store` has been called (the screens can open)."""
        return self._context is not None

    def set_office_name(self, office_name: str | None) -> None:
        """The street office named on the attract screen."""
        self.attract.set_office_name(office_name)

    def _when_connected(self, action: Callable[[], None]) -> None:
        if self._context is not None:
            action()
        else:
            _log.info("The store is not open yet; the request waits for it")
            self._waiting = action

    def _register_screens(self, parts: ScreenParts) -> None:
        # Created on first use: the attract screen comes up fast, and a screen nobody
        # opened holds nothing.
        for name, factory in SCREENS.items():
            self.navigation.register(name, functools.partial(factory, parts))
        self.navigation.created.connect(self._on_screen_created)

    @Slot(str, QWidget)
    def _on_screen_created(self, _name: str, screen: Screen) -> None:
        screen.navigate.connect(self.open_screen)
        screen.back_requested.connect(self.go_back)

    # ---- what the resident sees now -------------------------------------------------

    def current_screen(self) -> QWidget:
        """The screen the resident sees now (under the shell's top bar, if it is shown)."""
        page = self._pages.currentWidget()
        if page is self.shell:
            screen = self.navigation.currentWidget()
            if screen is not None:
                return screen
        assert page is not None  # the stack is filled in __init__ and never emptied
        return page

    @property
    def identify_screen(self) -> Screen:
        return self.navigation.page("identify")

    @property
    def home(self) -> HomeScreen:
        home = self.navigation.page("home")
        assert isinstance(home, HomeScreen)
        return home

    @property
    def session(self) -> ResidentSession | None:
        """The open resident session, if someone has identified."""
        return self._session

    # ---- moving between screens ------------------------------------------------------

    @Slot()
    def start_identification(self) -> None:
        """From the attract screen: identification, with a fresh idle time."""
        self._when_connected(lambda: self._reset_to("identify"))

    @Slot()
    def open_bulletins_without_identification(self) -> None:
        """From the attract screen: the policy notices, which need no identification."""
        self._when_connected(lambda: self._reset_to("bulletins"))

    @Slot()
    def open_check_complaint_without_identification(self) -> None:
        """From the attract screen: "Check my complaint", which needs no identification."""
        self._when_connected(lambda: self._reset_to("check_complaint"))

    @Slot(int, int)
    def open_complaint_about_payment(self, aid_record_id: int, received_fen: int) -> None:
        """From a disputed payment: the complaint steps with that payment filled in."""
        from kiosk.views.screens.complaint import ComplaintScreen

        if self._session is None:
            return
        household_id = self._session.household_id
        self.open_screen("complaint")
        screen = self.navigation.current_screen()
        if isinstance(screen, ComplaintScreen):
            screen.start_from_payment(household_id, aid_record_id, received_fen)

    def _reset_to(self, name: str) -> None:
        self.navigation.reset(name)
        self._enter_shell()

    @Slot(int, int)
    def begin_session(self, household_id: int, member_id: int) -> None:
        """Identification succeeded: open the resident session on the home menu."""
        if self._session is not None:
            self._session.end()
        self._session = ResidentSession(household_id=household_id, member_id=member_id)
        self._greet(household_id)
        self.navigation.reset("home")
        self._enter_shell()

    def _greet(self, household_id: int) -> None:
        from kiosk.services.resident import greeting

        assert self._context is not None  # a session begins only once the store is open
        with self._context.sessions() as session:
            found = greeting(session, household_id)
        self.home.greet(found.head_masked, found.village)

    @Slot(str)
    def open_screen(self, name: str) -> None:
        """Open the screen called ``name`` on top of the current one."""
        session = self._session
        if SCREENS[name].needs_session and session is None:
            _log.warning("Screen %s asked for without a resident session; ignored", name)
            return
        self._stop_speaking()
        screen = self.navigation.push(name)
        if session is not None:
            screen.open_for(session.household_id, session.member_id)
        self._refresh_top_bar()

    @Slot()
    def go_back(self) -> None:
        """Back: within the screen if it has steps, else the previous screen, else the end.

        A screen with steps of its own (identification, the ledger's dispute) goes back
        one step in :meth:`Screen.go_back` and returns True; False leaves the screen.
        """
        self._stop_speaking()
        screen = self.navigation.current_screen()
        if screen is not None and screen.go_back():
            self._refresh_top_bar()
            return
        if len(self.navigation.history) > 1:
            self.navigation.pop()
        else:
            self.end_session()

    @Slot()
    def request_end(self) -> None:
        """ "End session" touched: end, unless a screen holds unsent work; then ask first."""
        if self._unsent_work():
            self._stop_speaking()
            if self._pages.currentWidget() is self.still_there:
                self.idle.more_time()  # someone is there: they just answered
            self._pages.setCurrentWidget(self.confirm_end)
            return
        self.end_session()

    def _unsent_work(self) -> bool:
        return any(
            self.navigation.page(name).holds_unsent_work() for name in self.navigation.history
        )

    @Slot()
    def _back_to_shell(self) -> None:
        if self._pages.currentWidget() is self.confirm_end:
            self._pages.setCurrentWidget(self.shell)

    @Slot()
    def end_session(self) -> None:
        """End at once: clear every screen, drop the session, back to the attract screen.

        The next person starts with the terminal's own language and text size.
        """
        self._end(restore_settings=True)

    def _end(self, *, restore_settings: bool) -> None:
        self._waiting = None
        self.idle.stop()
        self._stop_speaking()
        session, self._session = self._session, None
        if session is not None:
            session.end()
        if self._context is not None and self._context.print_queue is not None:
            # Nothing of the resident's may come out of the printer after they have gone.
            self._context.print_queue.cancel_resident_jobs()
        for _name, screen in self.navigation.existing():
            screen.clear()
        self.navigation.reset()
        self.top_bar.set_title("")
        self.still_there.set_seconds_left(0)
        if restore_settings:
            if self._large_text != self._default_large_text:
                self.set_large_text(self._default_large_text)
            if self._translations.language != self._home_language:
                self._translations.set_language(self._home_language)
        self._pages.setCurrentWidget(self.attract)
        if session is not None:
            _log.info("Resident session ended")
            # After the attract screen is back on the glass: nobody waits for it.
            QTimer.singleShot(0, release_memory)

    @Slot()
    def show_attract(self) -> None:
        """The attract screen; any session ends first."""
        self.end_session()

    @Slot()
    def show_error(self) -> None:
        """Replace whatever is on screen with the friendly error screen (the session ends)."""
        self.end_session()
        self._pages.setCurrentWidget(self.error_screen)

    # ---- idle -----------------------------------------------------------------------

    def _enter_shell(self) -> None:
        self._pages.setCurrentWidget(self.shell)
        self.idle.start()
        self._refresh_top_bar()

    @Slot(int)
    def ask_if_still_there(self, seconds: int) -> None:
        """Cover the screen with "Are you still there?" and ``seconds`` left to answer.

        The idle watch calls it when nobody has touched the screen for a while; the
        countdown itself stays the idle watch's.
        """
        self._stop_speaking()
        self.still_there.set_seconds_left(seconds)
        self._pages.setCurrentWidget(self.still_there)

    @Slot()
    def more_time(self) -> None:
        """The resident answered "Are you still there?": back to where they were."""
        self.idle.more_time()
        if self._pages.currentWidget() is self.still_there:
            self._pages.setCurrentWidget(self.shell)

    @Slot()
    def _on_idle_expired(self) -> None:
        _log.info('Nobody answered "Are you still there?"; ending the session')
        self.end_session()

    # ---- the ID card reader ---------------------------------------------------------

    @Slot(object)
    def _on_card_read(self, card: CardRead) -> None:
        if self._session is not None or self._pages.currentWidget() is self.still_there:
            _log.info("An ID card was read during a session; ignored")
            return
        self._when_connected(lambda: self._identify_with_card(card))

    def _identify_with_card(self, card: CardRead) -> None:
        self.navigation.reset("identify")
        self._enter_shell()
        from kiosk.views.screens.identify import IdentifyScreen

        identify = self.identify_screen
        assert isinstance(identify, IdentifyScreen)
        identify.identify_with_card(card)

    # ---- settings -------------------------------------------------------------------

    def set_theme(self, theme: Theme) -> None:
        """Restyle every screen with ``theme`` (larger text applied on top if it is on)."""
        self._theme = theme
        self._apply_theme()

    @Slot(bool)
    def set_large_text(self, on: bool) -> None:
        self._large_text = on
        self.top_bar.set_large_text(on)
        self._apply_theme()

    def large_text(self) -> bool:
        return self._large_text

    def _apply_theme(self) -> None:
        theme = with_large_text(self._theme) if self._large_text else self._theme
        if self._low_screen:
            theme = for_low_screen(theme)
        self.setStyleSheet(load_stylesheet(theme))

    def resizeEvent(self, event: QResizeEvent) -> None:
        low = event.size().height() < LOW_SCREEN_HEIGHT
        if low != self._low_screen:
            self._low_screen = low
            self._apply_theme()
        super().resizeEvent(event)

    @Slot()
    def toggle_language(self) -> None:
        self._translations.set_language(self._translations.other_language())

    @Slot()
    def read_aloud(self) -> None:
        """Speak the current screen, where a speech engine exists."""
        if self._read_aloud is None or not self._read_aloud.available():
            return
        # "Read aloud" is on the top bar: the screen under it is the one to speak.
        screen = self.navigation.current_screen()
        if screen is not None:
            self._read_aloud.say(screen.spoken_text())

    def _stop_speaking(self) -> None:
        if self._read_aloud is not None:
            self._read_aloud.stop()

    # ---- the top bar ----------------------------------------------------------------

    @Slot(str)
    def _on_screen_changed(self, _name: str) -> None:
        self._refresh_top_bar()

    def _refresh_top_bar(self) -> None:
        name = self.navigation.current_name()
        screen = self.navigation.current_screen()
        self.top_bar.set_title(screen.screen_title() if screen is not None else "")
        # On the session's first screen there is nowhere to go back to; "End session" is
        # the way out. Before identification, Back returns to the attract screen.
        self.top_bar.set_back_visible(name != "home")

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Resident self-service kiosk"))
        self._refresh_top_bar()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._identity_source is not None:
            self._identity_source.stop()
        # The application is stopping: clear everything, but leave the language alone.
        self._end(restore_settings=False)
        super().closeEvent(event)

    @Slot()
    def _on_staff_requested(self) -> None:
        # The staff menu (paper, restart, health) comes with a later issue.
        _log.info("Staff corner touched; no staff menu yet")
