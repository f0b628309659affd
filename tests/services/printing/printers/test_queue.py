"""The print queue in front of real printers: the private cupsd's cups-pdf queue, and the
ESC/POS network path against a TCP server on 127.0.0.1 (test_thermal.FakeThermal)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest

from kiosk.domain.problems import Reason, Refused
from kiosk.services.printing.printers.base import JobId, PrinterState, PrintJob, PrintProblem
from kiosk.services.printing.printers.cups import CupsPrinter
from kiosk.services.printing.printers.queue import PrintQueue, Progress
from kiosk.services.printing.printers.thermal import EscposPrinter, network
from tests.services.printing.printers.conftest import CupsServer
from tests.services.printing.printers.documents import pdf
from tests.services.printing.printers.test_thermal import PAPER_OUT, FakeThermal


@pytest.fixture(autouse=True)
def _remove_printed(cups_server: CupsServer) -> Iterator[None]:
    """Remove the PDFs cups-pdf wrote for this test's jobs."""
    started = time.time() - 1
    yield
    time.sleep(1)  # let a job that finished as the test ended land
    for path in cups_server.output.glob("*job_*.pdf"):
        if path.stat().st_mtime >= started:
            path.unlink()


class Outcome:
    def __init__(self) -> None:
        self.done = threading.Event()
        self.progress: list[Progress] = []
        self.failure: Reason | None = None
        self.thread: str | None = None

    def finished(self) -> None:
        self.thread = threading.current_thread().name
        self.done.set()

    def failed(self, reason: Reason) -> None:
        self.failure = reason
        self.done.set()

    def callbacks(self) -> dict[str, object]:
        return {
            "on_progress": self.progress.append,
            "on_finished": self.finished,
            "on_failed": self.failed,
        }


def _job(number: str = "C-2026-000017") -> PrintJob:
    return PrintJob(pdf(1), title="certificate", holds_resident_data=True, document_number=number)


def test_a_job_prints_off_the_callers_thread(cups_server: CupsServer) -> None:
    """submit returns at once; the job is checked, sent and finished on the worker thread."""
    queue = PrintQueue(CupsPrinter(cups_server.queue, server=cups_server.address), poll=0.1)
    outcome = Outcome()
    queue.submit(_job(), **outcome.callbacks())  # type: ignore[arg-type]
    assert outcome.done.wait(60)
    assert outcome.failure is None
    assert outcome.thread == "print-queue"
    assert outcome.progress == [Progress.CHECKING, Progress.SENDING, Progress.PRINTING]
    queue.close()


def test_the_same_document_is_not_printed_twice(cups_server: CupsServer) -> None:
    """A second submit of the same document number while the first is in flight is refused."""
    cups_server.command("cupsdisable", cups_server.queue)  # the first job waits in the queue
    try:
        printer = CupsPrinter(cups_server.queue, server=cups_server.address)
        queue = PrintQueue(printer, poll=0.1)
        first = Outcome()
        queue.submit(_job("C-1"), **first.callbacks())  # type: ignore[arg-type]
        with pytest.raises(Refused) as refusal:
            queue.submit(_job("C-1"))
        assert refusal.value.code is PrintProblem.ALREADY_PRINTING
        assert first.done.wait(30)
        # a stopped queue fails the job at once with its state, and frees the document
        assert first.failure is not None and first.failure.code is PrinterState.STOPPED
        assert queue.in_flight() == 0
    finally:
        cups_server.command("cupsenable", cups_server.queue)
    queue.close()


def test_an_out_of_paper_thermal_printer_fails_the_job_at_once() -> None:
    """A printer answering "paper out" gets no job: the failure carries OUT_OF_PAPER."""
    thermal = FakeThermal(PAPER_OUT)
    try:
        queue = PrintQueue(EscposPrinter(network("127.0.0.1", thermal.port, timeout=5)))
        outcome = Outcome()
        queue.submit(_job(), **outcome.callbacks())  # type: ignore[arg-type]
        assert outcome.done.wait(30)
        assert outcome.failure == Reason.of(PrinterState.OUT_OF_PAPER, detail="media-empty")
        assert b"\x1dv0" not in thermal.received
        queue.close()
    finally:
        thermal.close()


def test_ending_a_session_cancels_its_jobs(cups_server: CupsServer) -> None:
    """cancel_resident_jobs cancels queued jobs holding resident data, not the others."""
    gate = threading.Event()

    class Slow(CupsPrinter):
        def state(self):  # type: ignore[no-untyped-def]
            gate.wait(30)
            return super().state()

    queue = PrintQueue(Slow(cups_server.queue, server=cups_server.address), poll=0.1)
    resident, public = Outcome(), Outcome()
    queue.submit(_job("C-9"), **resident.callbacks())  # type: ignore[arg-type]
    blank = PrintJob(pdf(1), title="blank-form", holds_resident_data=False)
    queue.submit(blank, **public.callbacks())  # type: ignore[arg-type]
    assert queue.cancel_resident_jobs() == 1
    gate.set()
    assert resident.done.wait(30) and public.done.wait(60)
    assert resident.failure == Reason.of(PrintProblem.CANCELED)
    assert public.failure is None
    queue.close()


def test_ending_a_session_cancels_a_job_already_in_cups(cups_server: CupsServer) -> None:
    """A job CUPS holds (sent with lp -H hold) is cancelled on the scheduler by the worker."""
    sent = threading.Event()

    class Holding(CupsPrinter):
        def submit(self, job: PrintJob, *, hold: bool = True) -> JobId:
            job_id = super().submit(job, hold=True)
            sent.set()
            return job_id

    printer = Holding(cups_server.queue, server=cups_server.address)
    queue = PrintQueue(printer, poll=0.1)
    outcome = Outcome()
    queue.submit(_job("C-12"), **outcome.callbacks())  # type: ignore[arg-type]
    assert sent.wait(30)
    assert cups_server.queue in cups_server.command(
        "lpstat", "-W", "not-completed", "-o", cups_server.queue
    )
    assert queue.cancel_resident_jobs() == 1
    assert outcome.done.wait(30)
    assert outcome.failure == Reason.of(PrintProblem.CANCELED)
    assert cups_server.command("lpstat", "-W", "not-completed", "-o", cups_server.queue) == ""
    queue.close()
