"""A resident's session at the terminal, and the idle watch that ends a forgotten one.

A session begins when identification succeeds and ends when the resident touches "End
session", or when nobody has touched the screen for a while and nobody answered "Are you
still there?". Everything that held the resident's data is dropped when it ends.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable

from PySide6.QtCore import (
    QCoreApplication,
    QElapsedTimer,
    QEvent,
    QObject,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QInputEvent

_log = logging.getLogger(__name__)


class ResidentSession:
    """Who is using the terminal now: the identified member and household, nothing more.

    The screens read everything else from the store when they are shown, so the session
    itself holds only two row ids. Work started on the resident's behalf (a print, a
    background read) registers a cancel callback with :meth:`on_end`; :meth:`end` runs
    them all, once.
    """

    def __init__(self, *, household_id: int, member_id: int) -> None:
        self.household_id = household_id
        self.member_id = member_id
        self._on_end: list[Callable[[], None]] = []
        self._ended = False

    @property
    def ended(self) -> bool:
        return self._ended

    def on_end(self, cancel: Callable[[], None]) -> None:
        """Call ``cancel`` when the session ends (at once if it has ended already)."""
        if self._ended:
            cancel()
        else:
            self._on_end.append(cancel)

    def end(self) -> None:
        """Cancel every pending job of the session; a second call does nothing."""
        if self._ended:
            return
        self._ended = True
        pending, self._on_end = self._on_end, []
        for cancel in pending:
            try:
                cancel()
            except Exception:
                # One failing job must not keep the others (or the session) alive.
                _log.exception("A pending job could not be cancelled at the end of a session")


# Events that show a person is at the screen (all of them QInputEvents).
_PRESENCE_EVENTS = frozenset(
    {
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TouchEnd,
        QEvent.Type.KeyPress,
        QEvent.Type.KeyRelease,
    }
)


def _ms(seconds: float) -> int:
    return max(1, round(seconds * 1000))


class IdleWatch(QObject):
    """Notices when nobody has touched the application for ``idle_timeout_s`` seconds.

    While running, an event filter on the whole application restarts the idle timer at
    every touch, mouse or key event (on the application, not the window: input sent
    straight to a widget, as QTest sends it, never passes the window). When the time is
    up it emits ``countdown_started`` and then ``countdown_tick`` with the whole seconds
    left (at least every 250 ms, so the number on screen never lags); during the
    countdown a touch no longer counts, only :meth:`more_time` does. At zero it emits
    ``expired`` and stops.

    Signals:
        countdown_started(int): "Are you still there?" should appear, with this many
            seconds to answer.
        countdown_tick(int): seconds left to answer.
        resumed(): :meth:`more_time` was called during the countdown.
        expired(): nobody answered; end the session.
    """

    countdown_started = Signal(int)
    countdown_tick = Signal(int)
    resumed = Signal()
    expired = Signal()

    def __init__(
        self,
        *,
        idle_timeout_s: float,
        countdown_s: float,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        if idle_timeout_s <= 0 or countdown_s <= 0:
            raise ValueError("idle_timeout_s and countdown_s must be positive")
        self._countdown_s = countdown_s
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(_ms(idle_timeout_s))
        self._idle.timeout.connect(self._begin_countdown)
        self._deadline = QTimer(self)
        self._deadline.setSingleShot(True)
        self._deadline.setInterval(_ms(countdown_s))
        self._deadline.timeout.connect(self._expire)
        self._ticker = QTimer(self)
        self._ticker.setInterval(min(250, _ms(countdown_s)))
        self._ticker.timeout.connect(self._tick)
        for timer in (self._idle, self._deadline, self._ticker):
            # Coarse timers may fire 5% late: seconds late on a 90-second idle time.
            timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._elapsed = QElapsedTimer()
        self._filtering = False
        self._last_tick = -1

    @property
    def running(self) -> bool:
        return self._filtering

    @property
    def counting_down(self) -> bool:
        return self._deadline.isActive()

    def start(self) -> None:
        """Begin watching (again) with a full idle time."""
        app = QCoreApplication.instance()
        if app is not None and not self._filtering:
            app.installEventFilter(self)
            self._filtering = True
        self._stop_countdown()
        self._idle.start()

    def stop(self) -> None:
        """Stop watching; nothing more is emitted until :meth:`start`."""
        app = QCoreApplication.instance()
        if app is not None and self._filtering:
            app.removeEventFilter(self)
        self._filtering = False
        self._idle.stop()
        self._stop_countdown()

    def set_idle_timeout(self, idle_timeout_s: float) -> None:
        """A new idle time, used from the next :meth:`start` or touch."""
        if idle_timeout_s <= 0:
            raise ValueError("idle_timeout_s must be positive")
        self._idle.setInterval(_ms(idle_timeout_s))

    def idle_ms_left(self) -> int:
        """Milliseconds until "Are you still there?" (-1 when not waiting for it)."""
        return self._idle.remainingTime() if self._idle.isActive() else -1

    @Slot()
    def more_time(self) -> None:
        """The resident answered: a full idle time again."""
        if not self._filtering:
            return
        was_counting = self.counting_down
        self._stop_countdown()
        self._idle.start()
        if was_counting:
            self.resumed.emit()

    def seconds_left(self) -> int:
        """Whole seconds left in the countdown (0 when none is running)."""
        if not self.counting_down:
            return 0
        left_ms = self._deadline.interval() - self._elapsed.elapsed()
        return max(0, math.ceil(left_ms / 1000))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Every event of the application passes here, some 200 to 800 for one tap, nearly
        # all of them paints, layouts and the like. The class test is cheap; asking an
        # event its type makes a Python enum, so only input events are asked.
        if (
            isinstance(event, QInputEvent)
            and event.type() in _PRESENCE_EVENTS
            and self._idle.isActive()
        ):
            self._idle.start()
        return False

    def _stop_countdown(self) -> None:
        self._deadline.stop()
        self._ticker.stop()
        self._last_tick = -1

    @Slot()
    def _begin_countdown(self) -> None:
        self._elapsed.start()
        self._deadline.start()
        self._ticker.start()
        self._last_tick = math.ceil(self._countdown_s)
        self.countdown_started.emit(self._last_tick)

    @Slot()
    def _tick(self) -> None:
        left = self.seconds_left()
        if left != self._last_tick and self.counting_down:
            self._last_tick = left
            self.countdown_tick.emit(left)

    @Slot()
    def _expire(self) -> None:
        self.stop()
        self.expired.emit()
