"""The printer's state as the printing path itself reads it: ready, printing, paper low,
stopped, out of paper or unreachable (``[printer]`` in the configuration chooses CUPS or a
network ESC/POS printer; only the latter can tell when its paper runs out).

Not needed for the kiosk to serve residents: without a printer they write their numbers
down, so a printer that cannot print is a problem for the clerk, not a reason to stop.
"""

from __future__ import annotations

from kiosk.services.health.base import CheckResult, Status
from kiosk.services.printing.printers.base import Detail, Printer, PrinterState

NAME = "printer state"

_FINDINGS: dict[PrinterState, tuple[Status, str, str]] = {
    PrinterState.READY: (Status.OK, "ready", ""),
    PrinterState.PRINTING: (Status.OK, "printing", ""),
    PrinterState.PAPER_LOW: (
        Status.WARNING,
        "paper low: the roll is nearly used up",
        "put in a new paper roll soon",
    ),
    PrinterState.OUT_OF_PAPER: (
        Status.PROBLEM,
        "out of paper: nothing can be printed",
        "put in a new paper roll and close the cover",
    ),
    PrinterState.STOPPED: (
        Status.PROBLEM,
        "stopped: jobs are not printed",
        "clear the printer (paper, cover, jam), then: sudo cupsenable QUEUE && sudo cupsaccept "
        "QUEUE",
    ),
    PrinterState.UNREACHABLE: (
        Status.PROBLEM,
        "unreachable: nothing can be printed",
        "check that the printer is switched on and its cable (or network) is plugged in",
    ),
}


def check_printer_state(printer: Printer, *, described: str) -> CheckResult:
    """What ``printer`` (``described`` as, e.g., ``CUPS queue 'Receipt80'``) says now."""
    status = printer.state()
    level, finding, fix = _FINDINGS[status.state]
    why = f" ({status.detail.value})" if status.detail is not Detail.NONE else ""
    return CheckResult(NAME, level, f"{described}: {finding}{why}", fix, needed=False)
