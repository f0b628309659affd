"""The print queue: jobs run on one worker thread, so the UI thread never waits for a printer.

:meth:`PrintQueue.submit` returns at once. The worker reads the printer's state first: a
printer that is stopped, out of paper or unreachable fails the job at once with that state as
its code (so the resident is told and can retry); otherwise it sends the job and follows it
until it is done. The caller hears through the callbacks it passed, called on the worker
thread (a view marshals them to the Qt thread). A job whose document is already queued or
printing is refused (``print-already-printing``): a second tap never prints twice.
:meth:`PrintQueue.cancel_resident_jobs` cancels every queued or printing job that holds a
resident's data; a session calls it when it ends.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum

from kiosk.domain.problems import Reason, Refused
from kiosk.services.printing.printers.base import (
    JobId,
    JobState,
    Printer,
    PrinterError,
    PrintJob,
    PrintProblem,
)


class Progress(StrEnum):
    CHECKING = "checking"
    SENDING = "sending"
    PRINTING = "printing"


@dataclass
class _Entry:
    job: PrintJob
    on_progress: Callable[[Progress], None]
    on_finished: Callable[[], None]
    on_failed: Callable[[Reason], None]
    canceled: threading.Event = field(default_factory=threading.Event)
    job_id: JobId | None = None


class PrintQueue:
    """Runs print jobs on ``printer`` from one worker thread; ``poll`` is how often a sent
    job's state is read, ``timeout`` how long a job may take before it is given up."""

    def __init__(self, printer: Printer, *, poll: float = 0.5, timeout: float = 300.0) -> None:
        self._printer = printer
        self._poll = poll
        self._timeout = timeout
        self._lock = threading.Lock()
        self._entries: list[_Entry] = []
        self._todo: queue.Queue[_Entry | None] = queue.Queue()
        self._worker = threading.Thread(target=self._work, name="print-queue", daemon=True)
        self._worker.start()

    def submit(
        self,
        job: PrintJob,
        *,
        on_progress: Callable[[Progress], None] = lambda _: None,
        on_finished: Callable[[], None] = lambda: None,
        on_failed: Callable[[Reason], None] = lambda _: None,
    ) -> None:
        """Queue ``job``; raises :class:`Refused` (``print-already-printing``) while the same
        document is queued or printing."""
        entry = _Entry(job, on_progress, on_finished, on_failed)
        with self._lock:
            if any(e.job.identity == job.identity for e in self._entries):
                raise Refused(Reason.of(PrintProblem.ALREADY_PRINTING))
            self._entries.append(entry)
        self._todo.put(entry)

    def in_flight(self) -> int:
        with self._lock:
            return len(self._entries)

    def cancel_resident_jobs(self) -> int:
        """Cancel every queued or printing job holding a resident's data; how many there were."""
        with self._lock:
            doomed = [e for e in self._entries if e.job.holds_resident_data]
        for entry in doomed:
            entry.canceled.set()  # the worker cancels on the printer: this thread never waits
        return len(doomed)

    def close(self) -> None:
        """Stop the worker after the job in hand; jobs still queued fail as closed."""
        self._todo.put(None)
        self._worker.join(timeout=self._timeout)

    def _work(self) -> None:
        while (entry := self._todo.get()) is not None:
            try:
                failure = self._print(entry)
            except PrinterError as error:
                failure = error.reason
            except Exception:
                failure = Reason.of(PrintProblem.SUBMIT_FAILED)
            with self._lock:
                self._entries.remove(entry)
            if failure is None:
                entry.on_finished()
            else:
                entry.on_failed(failure)
        while not self._todo.empty():
            left = self._todo.get()
            if left is not None:
                with self._lock:
                    self._entries.remove(left)
                left.on_failed(Reason.of(PrintProblem.QUEUE_CLOSED))

    def _print(self, entry: _Entry) -> Reason | None:
        if entry.canceled.is_set():
            return Reason.of(PrintProblem.CANCELED)
        entry.on_progress(Progress.CHECKING)
        status = self._printer.state()
        if status.refuses_jobs:
            return Reason.of(status.state, detail=status.detail.value)
        if entry.canceled.is_set():
            return Reason.of(PrintProblem.CANCELED)
        entry.on_progress(Progress.SENDING)
        job_id = self._printer.submit(entry.job)
        entry.job_id = job_id
        entry.on_progress(Progress.PRINTING)
        deadline = time.monotonic() + self._timeout
        sent_cancel = False
        while True:
            if entry.canceled.is_set() and not sent_cancel:
                self._printer.cancel(job_id)
                sent_cancel = True
            state = self._printer.job_state(job_id)
            if state is JobState.DONE:
                return None
            if state is JobState.CANCELED or (
                entry.canceled.is_set() and state is JobState.UNKNOWN
            ):
                return Reason.of(PrintProblem.CANCELED)
            if state is JobState.UNKNOWN:
                return Reason.of(PrintProblem.LOST)
            if time.monotonic() > deadline:
                self._printer.cancel(job_id)
                return Reason.of(PrintProblem.TIMED_OUT)
            entry.canceled.wait(self._poll)
