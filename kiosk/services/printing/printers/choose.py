"""The printer this terminal's configuration names: ``[printer] escpos`` (``host:port`` of a
network ESC/POS thermal printer) if set, else the CUPS queue ``[printer] queue`` (or CUPS's
default destination when that is empty)."""

from __future__ import annotations

import os
import re
import subprocess

from kiosk.config import PrinterConfig
from kiosk.services.printing.printers.base import (
    Detail,
    JobId,
    JobState,
    PrinterState,
    PrinterStatus,
    PrintJob,
    refused,
)
from kiosk.services.printing.printers.cups import CupsPrinter
from kiosk.services.printing.printers.thermal import EscposPrinter, network


class NoPrinter:
    """What stands in when CUPS names no queue at all: always unreachable."""

    def __init__(self, detail: Detail = Detail.NO_SUCH_QUEUE) -> None:
        self._detail = detail

    def state(self) -> PrinterStatus:
        return PrinterStatus(PrinterState.UNREACHABLE, self._detail)

    def submit(self, job: PrintJob) -> JobId:
        raise refused(PrinterState.UNREACHABLE, detail=self._detail.value)

    def job_state(self, job_id: JobId) -> JobState:
        return JobState.UNKNOWN

    def cancel(self, job_id: JobId) -> None:
        return None


def default_destination() -> str | None:
    """CUPS's default queue (``lpstat -d``), or None when there is none or no CUPS."""
    try:
        result = subprocess.run(
            ["lpstat", "-d"],
            capture_output=True,
            check=False,
            timeout=10,
            env={**os.environ, "LC_ALL": "C", "LANG": "C"},
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    match = re.search(rb"system default destination: ([A-Za-z0-9_.-]+)", result.stdout)
    return match.group(1).decode() if match else None


def configured_printer(config: PrinterConfig) -> CupsPrinter | EscposPrinter | NoPrinter:
    """The printing path ``config`` names (nothing is contacted but ``lpstat -d``)."""
    if config.escpos:
        host, _, port = config.escpos.rpartition(":")
        return EscposPrinter(network(host or config.escpos, int(port) if host else 9100))
    queue = config.queue or default_destination()
    if not queue:
        return NoPrinter()
    return CupsPrinter(queue)


def describe(config: PrinterConfig, printer: CupsPrinter | EscposPrinter | NoPrinter) -> str:
    """How ``kiosk doctor`` names the printing path in use."""
    if isinstance(printer, CupsPrinter):
        return f"CUPS queue {printer.queue!r}"
    if isinstance(printer, EscposPrinter):
        return f"ESC/POS printer at {config.escpos}"
    return "no printer (printer.queue is empty and CUPS names no default)"
