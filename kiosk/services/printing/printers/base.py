"""What every printing path offers: a printer's state, a job, and the :class:`Printer` contract.

A state is a :class:`PrinterState` and a :class:`Detail` code (why it is in that state), never
prose: ``kiosk doctor`` and the screens word the codes. A job carries its PDF and a title
that is a code such as ``receipt`` (checked here), so no queue listing, CUPS log or printer
display ever shows a resident's name or number.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType
from typing import NewType, Protocol, runtime_checkable

from kiosk.domain.problems import Reason, Refused

JobId = NewType("JobId", str)
"""A printer's own name for a job it accepted (``kiosk-a4-17`` for CUPS)."""


class PrinterState(StrEnum):
    """What a printer can do right now."""

    READY = "ready"
    PRINTING = "printing"
    PAPER_LOW = "paper-low"
    STOPPED = "stopped"
    OUT_OF_PAPER = "out-of-paper"
    UNREACHABLE = "unreachable"


REFUSING_STATES = frozenset(
    {PrinterState.STOPPED, PrinterState.OUT_OF_PAPER, PrinterState.UNREACHABLE}
)
"""States in which a job is failed at once rather than sent."""


class Detail(StrEnum):
    """Why a printer is in its state: CUPS printer-state-reasons (without their
    -report/-warning/-error suffix), or what the backend itself found."""

    NONE = "none"
    MEDIA_EMPTY = "media-empty"
    MEDIA_NEEDED = "media-needed"
    MEDIA_LOW = "media-low"
    MEDIA_JAM = "media-jam"
    COVER_OPEN = "cover-open"
    DOOR_OPEN = "door-open"
    PAUSED = "paused"
    NOT_ACCEPTING = "not-accepting"
    OFFLINE = "offline"
    NO_SUCH_QUEUE = "no-such-queue"
    NO_SCHEDULER = "no-scheduler"
    NO_CUPS = "no-cups"
    CONNECTION_FAILED = "connection-failed"
    NO_ANSWER = "no-answer"
    OTHER = "other"


@dataclass(frozen=True)
class PrinterStatus:
    """A printer's state and the one detail that explains it best."""

    state: PrinterState
    detail: Detail = Detail.NONE

    @property
    def refuses_jobs(self) -> bool:
        return self.state in REFUSING_STATES


class JobState(StrEnum):
    """Where a job is, as far as its printer can tell."""

    QUEUED = "queued"
    HELD = "held"
    PRINTING = "printing"
    DONE = "done"
    CANCELED = "canceled"
    UNKNOWN = "unknown"


FINAL_JOB_STATES = frozenset({JobState.DONE, JobState.CANCELED})


class PrintProblem(StrEnum):
    """Why a job was not printed, when the printer's state does not say it
    (:class:`PrinterState` codes say the rest)."""

    ALREADY_PRINTING = "print-already-printing"
    SUBMIT_FAILED = "print-submit-failed"
    RENDER_FAILED = "print-render-failed"
    CANCELED = "print-canceled"
    LOST = "print-lost"
    TIMED_OUT = "print-timed-out"
    QUEUE_CLOSED = "print-queue-closed"


class PrinterError(Refused):
    """A backend could not do what was asked; ``reason`` holds a :class:`PrintProblem` or a
    :class:`PrinterState` code and values such as a command's exit status (never its output,
    which may quote a file name)."""


TITLE = re.compile(r"[a-z][a-z0-9-]{0,39}")


@dataclass(frozen=True)
class PrintJob:
    """One document to print.

    ``title`` is a code naming the kind of document (``receipt``, ``aid-statement``), shown in
    queue listings; ``document_number`` (the record's own number) is what makes two jobs the
    same document, so it is never sent to a printer and never shown in ``repr``.
    ``holds_resident_data`` marks jobs that ending a session must cancel. ``options`` go to
    CUPS as ``-o name=value`` (media, fit-to-page) and are codes too.
    """

    pdf: bytes = field(repr=False)
    title: str
    holds_resident_data: bool
    document_number: str | None = field(default=None, repr=False)
    options: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))

    def __post_init__(self) -> None:
        if not TITLE.fullmatch(self.title):
            raise ValueError("a job title is a lower-case code such as 'receipt'")
        if not self.pdf.startswith(b"%PDF-"):
            raise ValueError("a job holds a PDF")
        for name, value in self.options.items():
            if not TITLE.fullmatch(name) or not re.fullmatch(r"[A-Za-z0-9._-]{1,40}", value):
                raise ValueError("job options are codes: name=value without spaces")
        object.__setattr__(self, "options", MappingProxyType(dict(self.options)))

    @property
    def identity(self) -> tuple[str, str]:
        """What makes two jobs the same print: the document's kind and number (or, without a
        number, the PDF's own bytes)."""
        if self.document_number is not None:
            return (self.title, self.document_number)
        return (self.title, hashlib.sha256(self.pdf).hexdigest())


@runtime_checkable
class Printer(Protocol):
    """One printing path (a CUPS queue, an ESC/POS thermal printer).

    Every method may block (it runs commands or talks to the device), so only a worker thread
    calls them: :class:`~kiosk.services.printing.printers.queue.PrintQueue`.
    """

    def state(self) -> PrinterStatus:
        """The printer's state now; never raises (a printer it cannot reach is UNREACHABLE)."""
        ...

    def submit(self, job: PrintJob) -> JobId:
        """Send ``job``; raises :class:`PrinterError` when the printer would not take it."""
        ...

    def job_state(self, job_id: JobId) -> JobState:
        """Where ``job_id`` is now."""
        ...

    def cancel(self, job_id: JobId) -> None:
        """Cancel ``job_id`` if it is still queued or printing; a finished job is left alone."""
        ...


def refused(code: StrEnum, **values: object) -> PrinterError:
    return PrinterError(Reason.of(code, **values))
