"""The CUPS path against a real scheduler: a private cupsd with a cups-pdf queue
(conftest.py), driven through lp, lpstat and cancel."""

from __future__ import annotations

import re
import subprocess
import time
from pathlib import Path

from kiosk.services.printing.printers.base import (
    Detail,
    JobState,
    PrinterState,
    PrinterStatus,
    PrintJob,
)
from kiosk.services.printing.printers.cups import CupsPrinter, parse_printer
from tests.services.printing.printers.conftest import CupsServer
from tests.services.printing.printers.documents import pdf


def _pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, check=True).stdout
    match = re.search(rb"^Pages:\s+(\d+)$", info, re.MULTILINE)
    assert match
    return int(match.group(1))


def _wait(predicate: object, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not predicate():  # type: ignore[operator]
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.2)


def test_an_enabled_queue_reads_ready(cups_server: CupsServer) -> None:
    """A fresh cups-pdf queue is READY."""
    printer = CupsPrinter(cups_server.queue, server=cups_server.address)
    assert printer.state() == PrinterStatus(PrinterState.READY)


def test_a_paused_queue_reads_stopped(cups_server: CupsServer) -> None:
    """cupsdisable makes the queue STOPPED (paused); cupsenable makes it READY again."""
    printer = CupsPrinter(cups_server.queue, server=cups_server.address)
    cups_server.command("cupsdisable", cups_server.queue)
    try:
        assert printer.state() == PrinterStatus(PrinterState.STOPPED, Detail.PAUSED)
    finally:
        cups_server.command("cupsenable", cups_server.queue)
    assert printer.state().state is PrinterState.READY


def test_a_missing_queue_or_server_is_unreachable(cups_server: CupsServer) -> None:
    """A queue the server lacks, and a server nobody runs, read UNREACHABLE with the why."""
    missing = CupsPrinter("no-such-queue", server=cups_server.address)
    assert missing.state() == PrinterStatus(PrinterState.UNREACHABLE, Detail.NO_SUCH_QUEUE)
    nobody = CupsPrinter(cups_server.queue, server="127.0.0.1:9")
    assert nobody.state() == PrinterStatus(PrinterState.UNREACHABLE, Detail.NO_SCHEDULER)


def test_a_submitted_pdf_arrives_with_all_its_pages(cups_server: CupsServer) -> None:
    """lp takes the PDF on stdin; cups-pdf writes it out (named ...-job_N.pdf after the job's
    number) with the same three pages."""
    printer = CupsPrinter(cups_server.queue, server=cups_server.address)
    started = time.time() - 1
    job_id = printer.submit(PrintJob(pdf(3), title="aid-statement", holds_resident_data=False))
    assert job_id.startswith(f"{cups_server.queue}-")
    number = job_id.removeprefix(f"{cups_server.queue}-")

    def arrived_files() -> list[Path]:
        found = cups_server.output.glob(f"*job_{number}.pdf")
        return [path for path in found if path.stat().st_mtime >= started]

    _wait(lambda: printer.job_state(job_id) is JobState.DONE)
    _wait(arrived_files)
    (arrived,) = arrived_files()
    try:
        _wait(lambda: _pages(arrived) == 3, seconds=10)
    finally:
        arrived.unlink()


def test_a_held_job_is_cancelled(cups_server: CupsServer) -> None:
    """A job held in the queue (lp -H hold) reads HELD and is gone after cancel."""
    printer = CupsPrinter(cups_server.queue, server=cups_server.address)
    job_id = printer.submit(PrintJob(pdf(1), title="receipt", holds_resident_data=True), hold=True)
    assert printer.job_state(job_id) is JobState.HELD
    printer.cancel(job_id)
    assert printer.job_state(job_id) is JobState.CANCELED
    pending = cups_server.command("lpstat", "-W", "not-completed", "-o", cups_server.queue)
    assert job_id not in pending


def test_printer_state_reasons_are_read() -> None:
    """lpstat's Alerts line: media-empty is OUT_OF_PAPER, media-low PAPER_LOW, a job on the
    head PRINTING (lines as CUPS 2.4 prints them; a cups-pdf queue never runs out of paper)."""
    head = "printer q is idle.  enabled since Mon Dec  7 16:45:31 2026\n"
    alerts = "\tForm mounted:\n\tAlerts: {}\n\tLocation: \n"
    out = parse_printer("q", head + alerts.format("media-empty-error"), True)
    assert out == PrinterStatus(PrinterState.OUT_OF_PAPER, Detail.MEDIA_EMPTY)
    low = parse_printer("q", head + alerts.format("media-low-report"), True)
    assert low == PrinterStatus(PrinterState.PAPER_LOW, Detail.MEDIA_LOW)
    busy = "printer q now printing q-3.  enabled since Mon Dec  7 16:45:31 2026\n"
    assert parse_printer("q", busy + alerts.format("none"), True).state is PrinterState.PRINTING
    refusing = parse_printer("q", head + alerts.format("none"), False)
    assert refusing == PrinterStatus(PrinterState.STOPPED, Detail.NOT_ACCEPTING)
