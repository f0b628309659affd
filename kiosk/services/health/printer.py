"""The printer: CUPS installed and running, the queue present, enabled and accepting."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kiosk.services.health.base import CheckResult, Runner, Status


@dataclass(frozen=True)
class QueueState:
    """What ``lpstat -p`` and ``lpstat -a`` say about one queue; None: they did not say."""

    exists: bool
    enabled: bool | None = None
    accepting: bool | None = None
    reason: str = ""


def parse_default_destination(text: str) -> str | None:
    """The queue named by ``lpstat -d``, or None for ``no system default destination``."""
    match = re.search(r"^system default destination: (\S+)", text, re.MULTILINE)
    return match.group(1) if match else None


def parse_queue_state(queue: str, printer_text: str, accepting_text: str) -> QueueState:
    """Read ``lpstat -p QUEUE`` and ``lpstat -a QUEUE`` output (C locale)."""
    head = re.search(rf"^printer {re.escape(queue)} (.*)$", printer_text, re.MULTILINE)
    if head is None:
        return QueueState(exists=False)
    enabled = None
    if "disabled since" in head.group(1):
        enabled = False
    elif "enabled since" in head.group(1):
        enabled = True
    after = printer_text[head.end() :].splitlines()
    reason = next((line.strip() for line in after if line.startswith(("\t", " "))), "")
    accept_line = re.search(rf"^{re.escape(queue)} (.*)$", accepting_text, re.MULTILINE)
    accepting = None
    if accept_line is not None:
        accepting = not accept_line.group(1).startswith("not accepting")
    return QueueState(exists=True, enabled=enabled, accepting=accepting, reason=reason)


def check_printer(queue: str, runner: Runner) -> CheckResult:
    """CUPS is installed and running, and the queue records print to is enabled and accepting.

    ``queue`` empty means the CUPS default destination. Paper and jams are not checked here.
    """
    name = "printer"
    scheduler = runner(["lpstat", "-r"])
    if scheduler is None:
        return CheckResult(
            name,
            Status.PROBLEM,
            "CUPS is not installed (no lpstat): nothing can be printed",
            "sudo apt-get install cups cups-client",
        )
    if not re.search(r"^scheduler is running", scheduler.stdout, re.MULTILINE):
        return CheckResult(
            name,
            Status.PROBLEM,
            "the CUPS scheduler is not running: nothing can be printed",
            "sudo systemctl enable --now cups",
        )
    chosen_by = "printer.queue"
    if not queue:
        chosen_by = "CUPS default"
        default = runner(["lpstat", "-d"])
        queue = (parse_default_destination(default.stdout) if default else None) or ""
        if not queue:
            return CheckResult(
                name,
                Status.PROBLEM,
                "no printer chosen: printer.queue is empty and CUPS has no default printer",
                "set printer.queue in /etc/kiosk/kiosk.toml, or sudo lpadmin -d QUEUE_NAME",
            )
    printer = runner(["lpstat", "-p", queue])
    accepting = runner(["lpstat", "-a", queue])
    state = parse_queue_state(
        queue, printer.stdout if printer else "", accepting.stdout if accepting else ""
    )
    if not state.exists:
        return CheckResult(
            name,
            Status.PROBLEM,
            f"the printer queue {queue!r} ({chosen_by}) does not exist in CUPS",
            "add the printer at http://localhost:631/admin, or correct printer.queue",
        )
    fixes = []
    if state.enabled is False:
        fixes.append(f"sudo cupsenable {queue}")
    if state.accepting is False:
        fixes.append(f"sudo cupsaccept {queue}")
    if fixes:
        why = f" ({state.reason})" if state.reason else ""
        return CheckResult(
            name,
            Status.PROBLEM,
            f"the printer {queue!r} is stopped or refusing jobs{why}",
            " && ".join(fixes),
        )
    if state.enabled is None or state.accepting is None:
        return CheckResult(
            name,
            Status.WARNING,
            f"cannot tell whether the printer {queue!r} is enabled and accepting jobs",
            f"look at the printer's state: lpstat -l -p {queue}",
        )
    return CheckResult(name, Status.OK, f"{queue!r} ({chosen_by}) is enabled and accepting jobs")
