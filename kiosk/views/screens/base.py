"""What every screen that shows a resident's data has in common."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QWidget
from sqlalchemy.orm import Session, sessionmaker

from kiosk.views.screens.attract import shanghai_now

if TYPE_CHECKING:
    from kiosk.services.complaints.status import ComplaintStatusView

#: Asks the central server (and the local store) how a complaint stands, given its tracking
#: number and secret. It does network I/O: screens call it on a worker thread only.
StatusChecker = Callable[[str, str], "ComplaintStatusView"]


@dataclass(frozen=True)
class ScreenContext:
    """What screens need from outside, passed in by the main window (never a global)."""

    sessions: sessionmaker[Session]
    #: This terminal's code (stored with verifications) and its street office's region code.
    kiosk_code: str
    region_code: str
    #: Current time, aware, in Asia/Shanghai; tests pass a fixed clock.
    clock: Callable[[], datetime] = shanghai_now
    #: "Check my complaint": ``functools.partial(check_status, client, sessions)`` made by
    #: the composition function. None where no central server is configured: the screen
    #: then says the check is not available on this terminal.
    check_status: StatusChecker | None = None
    #: Tells the outbox sender a complaint was just filed, so sending starts at once
    #: rather than at its next round. None: the sender finds it on its own.
    wake_outbox: Callable[[], None] | None = None

    def today(self) -> date:
        return self.clock().date()


class ResidentScreen(QWidget):
    """A screen showing one household's data.

    The main window calls :meth:`load` with the identified household when it navigates here,
    and :meth:`clear` when the resident session ends: ``clear`` must drop every value,
    model row and text that held the resident's data, so the next person sees nothing of it.
    Subclasses implement ``load``, ``clear``, ``retranslate`` and ``spoken_text``.

    Signals:
        navigate(str): ask the main window to open another screen by its name
            (e.g. "ledger"); the main window knows the names.
    """

    navigate = Signal(str)

    def __init__(self, context: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setProperty("role", "screen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)

    def screen_title(self) -> str:
        """The title the main window shows in its top bar for this screen."""
        raise NotImplementedError

    def load(self, household_id: int) -> None:
        raise NotImplementedError

    def clear(self) -> None:
        raise NotImplementedError

    def retranslate(self) -> None:
        """Set every visible text in the current UI language."""
        raise NotImplementedError

    def spoken_text(self) -> str:
        """What "read aloud" says for this screen, in the current language."""
        raise NotImplementedError

    def holds_unsent_work(self) -> bool:
        """Whether ending the session now would throw away something the resident made and
        has not sent (a complaint draft); the main window then asks before ending."""
        return False

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
