"""The CUPS path: a queue driven with the cups-client commands ``lp``, ``lpstat`` and ``cancel``.

The commands rather than pycups: pycups has no wheel and builds against libcups' headers, while
cups-client is already a runtime package (``kiosk doctor`` uses ``lpstat``). Every command runs
in the C locale (so its output can be read) with ``-h SERVER`` when a server is given, and
nothing on its command line comes from a resident: the title and options are codes
(:class:`~.base.PrintJob` checks them) and the PDF goes in on standard input.

``lpstat`` cannot tell a completed job from a cancelled or aborted one; a job this printer
cancelled itself is reported CANCELED, any other finished job DONE.
"""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Callable, Sequence

from kiosk.services.printing.printers.base import (
    Detail,
    JobId,
    JobState,
    PrinterState,
    PrinterStatus,
    PrintJob,
    PrintProblem,
    refused,
)

Run = Callable[[Sequence[str], bytes | None], "subprocess.CompletedProcess[bytes]"]


def run_command(args: Sequence[str], stdin: bytes | None) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "LC_ALL": "C", "LANG": "C"}
    return subprocess.run(
        list(args), input=stdin, capture_output=True, check=False, timeout=30, env=env
    )


_OUT_OF_PAPER = {"media-empty": Detail.MEDIA_EMPTY, "media-needed": Detail.MEDIA_NEEDED}
_STOPPING = {
    "media-jam": Detail.MEDIA_JAM,
    "cover-open": Detail.COVER_OPEN,
    "door-open": Detail.DOOR_OPEN,
    "paused": Detail.PAUSED,
}


def _reasons(text: str) -> list[str]:
    match = re.search(r"^\s+Alerts:(.*)$", text, re.MULTILINE)
    if not match:
        return []
    words = match.group(1).replace(",", " ").split()
    return [re.sub(r"-(report|warning|error)$", "", word) for word in words if word != "none"]


def parse_printer(queue: str, text: str, accepting: bool | None) -> PrinterStatus:
    """A status from ``lpstat -l -p QUEUE`` (C locale) and whether the queue accepts jobs."""
    head = re.search(rf"^printer {re.escape(queue)} (.*)$", text, re.MULTILINE)
    if head is None:
        return PrinterStatus(PrinterState.UNREACHABLE, Detail.NO_SUCH_QUEUE)
    reasons = _reasons(text)
    for reason in reasons:
        if reason in _OUT_OF_PAPER:
            return PrinterStatus(PrinterState.OUT_OF_PAPER, _OUT_OF_PAPER[reason])
    for reason in reasons:
        if reason in _STOPPING:
            return PrinterStatus(PrinterState.STOPPED, _STOPPING[reason])
    if "disabled since" in head.group(1):
        return PrinterStatus(PrinterState.STOPPED, Detail.PAUSED)
    if accepting is False:
        return PrinterStatus(PrinterState.STOPPED, Detail.NOT_ACCEPTING)
    if "offline" in reasons:
        return PrinterStatus(PrinterState.UNREACHABLE, Detail.OFFLINE)
    if "media-low" in reasons:
        return PrinterStatus(PrinterState.PAPER_LOW, Detail.MEDIA_LOW)
    if head.group(1).startswith("now printing"):
        return PrinterStatus(PrinterState.PRINTING)
    return PrinterStatus(PrinterState.READY)


def _listed(job_id: str, text: str) -> str | None:
    """The block of ``lpstat -l -o`` output about ``job_id``, or None."""
    match = re.search(rf"^{re.escape(job_id)}\s.*?(?=^\S|\Z)", text, re.MULTILINE | re.DOTALL)
    return match.group(0) if match else None


class CupsPrinter:
    """One CUPS queue, on the local scheduler or on ``server`` (``host:port``)."""

    def __init__(self, queue: str, *, server: str | None = None, run: Run = run_command) -> None:
        if not re.fullmatch(r"[A-Za-z0-9_.-]{1,127}", queue):
            raise ValueError("a CUPS queue name has letters, digits, '_', '.' and '-' only")
        self.queue = queue
        self.server = server
        self._run = run
        self._canceled: set[str] = set()

    def _command(self, name: str, *args: str, stdin: bytes | None = None) -> tuple[int, str]:
        server = ["-h", self.server] if self.server else []
        try:
            result = self._run([name, *server, *args], stdin)
        except FileNotFoundError:
            return 127, ""
        except subprocess.TimeoutExpired:
            return 124, ""
        text = (result.stdout + result.stderr).decode("utf-8", errors="replace")
        return result.returncode, text

    def state(self) -> PrinterStatus:
        status, text = self._command("lpstat", "-l", "-p", self.queue)
        if status == 127:
            return PrinterStatus(PrinterState.UNREACHABLE, Detail.NO_CUPS)
        if status != 0:
            # lpstat says "Invalid destination" also when it reached no scheduler at all.
            _, scheduler = self._command("lpstat", "-r")
            if "scheduler is running" in scheduler:
                return PrinterStatus(PrinterState.UNREACHABLE, Detail.NO_SUCH_QUEUE)
            return PrinterStatus(PrinterState.UNREACHABLE, Detail.NO_SCHEDULER)
        accepted, accept_text = self._command("lpstat", "-a", self.queue)
        accepting = None
        if accepted == 0:
            accepting = re.search(rf"^{re.escape(self.queue)} accepting", accept_text, re.M)
        return parse_printer(self.queue, text, None if accepting is None else bool(accepting))

    def submit(self, job: PrintJob, *, hold: bool = False) -> JobId:
        options = [arg for name, value in job.options.items() for arg in ("-o", f"{name}={value}")]
        held = ["-H", "hold"] if hold else []
        status, text = self._command(
            "lp", "-d", self.queue, "-t", job.title, *held, *options, stdin=job.pdf
        )
        match = re.search(r"request id is (\S+)", text)
        if status != 0 or match is None:
            raise refused(PrintProblem.SUBMIT_FAILED, status=status)
        return JobId(match.group(1))

    def job_state(self, job_id: JobId) -> JobState:
        if job_id in self._canceled:
            return JobState.CANCELED
        _, pending = self._command("lpstat", "-l", "-W", "not-completed", "-o", self.queue)
        block = _listed(job_id, pending)
        if block is not None:
            if "job-hold-until-specified" in block:
                return JobState.HELD
            _, printer = self._command("lpstat", "-p", self.queue)
            if re.search(rf"now printing {re.escape(job_id)}\b", printer):
                return JobState.PRINTING
            return JobState.QUEUED
        _, done = self._command("lpstat", "-W", "completed", "-o", self.queue)
        if _listed(job_id, done) is not None:
            return JobState.DONE
        return JobState.UNKNOWN

    def cancel(self, job_id: JobId) -> None:
        status, _ = self._command("cancel", job_id)
        if status == 0:
            self._canceled.add(job_id)
