"""What every screen that shows a resident's data has in common."""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, ClassVar, Self

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QWidget
from sqlalchemy.orm import Session, sessionmaker

from kiosk.domain.clock import shanghai_now
from kiosk.views.screens.contract import Screen, ScreenParts

if TYPE_CHECKING:
    from kiosk.services.complaints.status import ComplaintStatusView
    from kiosk.services.printing.issue import DocumentSigner, IssuedDocument, Paper
    from kiosk.services.printing.printers.queue import PrintQueue

#: Asks the central server (and the local store) how a complaint stands, given its tracking
#: number and secret. It does network I/O: screens call it on a worker thread only.
StatusChecker = Callable[[str, str], "ComplaintStatusView"]


def _a4() -> Paper:
    # Imported when a context is made, not with this module: it brings reportlab.
    from kiosk.services.printing.issue import Paper

    return Paper.A4


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
    #: The print queue in front of this terminal's printer and the document key that signs
    #: what it prints. None for either: no record is offered for printing (a receipt's
    #: numbers are written down instead).
    print_queue: PrintQueue | None = None
    document_signer: DocumentSigner | None = None
    #: What statements are laid out for: A4 on a CUPS office printer, the roll on a
    #: thermal printer.
    statement_paper: Paper = field(default_factory=_a4)

    @property
    def can_print(self) -> bool:
        return self.print_queue is not None and self.document_signer is not None

    def today(self) -> date:
        return self.clock().date()

    def statement_issue(self, household_id: int | None) -> Callable[[], IssuedDocument] | None:
        """How to make the household's signed statement of payments, on the paper this
        terminal prints, for :meth:`PrintPreview.show_document` to run off the UI thread;
        None without a household or a document key."""
        signer = self.document_signer
        if household_id is None or signer is None:
            return None
        sessions, paper, now = self.sessions, self.statement_paper, self.clock()

        def issue() -> IssuedDocument:
            from kiosk.services.printing.issue import issue_statement

            with sessions() as session:
                return issue_statement(session, household_id, paper=paper, signer=signer, now=now)

        return issue


class ResidentScreen(Screen):
    """A screen showing one household's data: it opens only in a resident session.

    The main window opens it with :meth:`Screen.open_for`, which loads the identified
    household with :meth:`load`, and calls :meth:`clear` when the session ends. Subclasses
    implement ``load`` and ``retranslate`` besides the :class:`Screen` contract.

    Signals:
        navigate(str), back_requested(): as :class:`Screen`.
    """

    needs_session: ClassVar[bool] = True

    def __init__(self, context: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setProperty("role", "screen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)

    @classmethod
    def make(cls, parts: ScreenParts) -> Self:
        return cls(parts.context)

    def open_for(self, household_id: int, member_id: int) -> None:
        self.load(household_id)

    @abstractmethod
    def load(self, household_id: int) -> None:
        """Read the household's data from the store and show it."""

    @abstractmethod
    def retranslate(self) -> None:
        """Set every visible text in the current UI language."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
