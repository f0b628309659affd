"""The ESC/POS path: python-escpos's Dummy printer (a stand-in for the thermal hardware only,
which no test machine has) for the bytes of a job, and the real Network path against a TCP
server on 127.0.0.1 that answers the DLE EOT status queries as a printer does."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator

import pytest
from escpos.printer import Dummy

from kiosk.services.printing.printers.base import (
    Detail,
    JobState,
    PrinterState,
    PrinterStatus,
    PrintJob,
)
from kiosk.services.printing.printers.thermal import EscposPrinter, network, rasterize
from tests.services.printing.printers.documents import pdf

RASTER = b"\x1dv0"  # GS v 0
CUT = b"\x1dV"  # GS V
ONLINE_QUERY = b"\x10\x04\x01"
PAPER_QUERY = b"\x10\x04\x04"
# What an Epson-compatible printer answers to DLE EOT 4: bits 1 and 4 always set, bits 2-3
# the near-end sensor, bits 5-6 the paper-end sensor.
PAPER_PRESENT = b"\x12"
PAPER_NEAR_END = b"\x1e"
PAPER_OUT = b"\x72"
ONLINE = b"\x12"  # DLE EOT 1: bit 3 clear


class FakeThermal:
    """A TCP server speaking for a printer: it records what it receives and answers each
    status query with ``paper``."""

    def __init__(self, paper: bytes) -> None:
        self.paper = paper
        self.received = bytearray()
        self._server = socket.create_server(("127.0.0.1", 0))
        self.port = int(self._server.getsockname()[1])
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while True:
            try:
                connection, _ = self._server.accept()
            except OSError:
                return
            with connection:
                pending = b""
                while chunk := connection.recv(65536):
                    self.received += chunk
                    pending = (pending + chunk)[-3:]
                    if pending == ONLINE_QUERY:
                        connection.sendall(ONLINE)
                    elif pending == PAPER_QUERY:
                        connection.sendall(self.paper)

    def close(self) -> None:
        self._server.close()


@pytest.fixture
def thermal() -> Iterator[FakeThermal]:
    server = FakeThermal(PAPER_PRESENT)
    yield server
    server.close()


@pytest.mark.parametrize(
    ("paper", "status"),
    [
        (PAPER_PRESENT, PrinterStatus(PrinterState.READY)),
        (PAPER_NEAR_END, PrinterStatus(PrinterState.PAPER_LOW, Detail.MEDIA_LOW)),
        (PAPER_OUT, PrinterStatus(PrinterState.OUT_OF_PAPER, Detail.MEDIA_EMPTY)),
    ],
)
def test_paper_status_is_read_over_the_network(
    thermal: FakeThermal, paper: bytes, status: PrinterStatus
) -> None:
    """DLE EOT 1 and 4 go out on the socket; the answer gives READY, PAPER_LOW, OUT_OF_PAPER."""
    thermal.paper = paper
    printer = EscposPrinter(network("127.0.0.1", thermal.port, timeout=5))
    assert printer.state() == status
    assert PAPER_QUERY in thermal.received


def test_a_printer_nobody_answers_for_is_unreachable() -> None:
    """A closed port reads UNREACHABLE (connection failed), without raising."""
    with socket.create_server(("127.0.0.1", 0)) as probe:
        port = int(probe.getsockname()[1])
    printer = EscposPrinter(network("127.0.0.1", port, timeout=2))
    assert printer.state() == PrinterStatus(PrinterState.UNREACHABLE, Detail.CONNECTION_FAILED)


def test_a_job_goes_over_the_network_as_raster_and_cut(thermal: FakeThermal) -> None:
    """Two pages reach the socket as two GS v 0 images, then one cut; the job is DONE."""
    printer = EscposPrinter(network("127.0.0.1", thermal.port, timeout=5))
    job_id = printer.submit(PrintJob(pdf(2), title="receipt", holds_resident_data=True))
    assert printer.job_state(job_id) is JobState.DONE
    deadline = threading.Event()
    for _ in range(50):
        if CUT in thermal.received:
            break
        deadline.wait(0.1)
    stream = bytes(thermal.received)
    assert stream.count(RASTER) == 2
    assert stream.rindex(CUT) > stream.rindex(RASTER)


def test_pages_are_rendered_576_dots_wide() -> None:
    """An 80 mm page at 203 dpi is cropped to the 576 dots of the head; ink survives."""
    (page,) = rasterize(pdf(1))
    assert page.width == 576
    assert page.mode == "1"
    assert page.convert("L").getextrema()[0] == 0


def test_the_bytes_of_a_job_on_a_dummy_printer() -> None:
    """The Dummy printer (stand-in for the thermal hardware) records a raster per page and
    a cut at the end, the width field of GS v 0 saying 72 bytes (576 dots)."""
    dummy = Dummy()
    EscposPrinter.send(dummy, rasterize(pdf(1)))
    output = dummy.output
    start = output.index(RASTER)
    assert output[start + 4 : start + 6] == (72).to_bytes(2, "little")
    assert output.rindex(CUT) > start
