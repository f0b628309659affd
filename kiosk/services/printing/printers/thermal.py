"""The ESC/POS path: a thermal receipt printer driven with python-escpos, over the network or USB.

The one path that reads real paper status: before a job, DLE EOT 1 (online) and DLE EOT 4
(paper roll sensor) give OUT_OF_PAPER, PAPER_LOW or READY. A job's PDF is rendered with
``pdftoppm -r 203 -mono`` (an 80 mm head prints 203 dots per inch, 576 dots across the 72 mm
it can reach), each page sent as a raster image (GS v 0), then the paper is cut. The printer
has no queue of its own: :meth:`EscposPrinter.submit` returns once the bytes are sent.
"""

from __future__ import annotations

import itertools
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PIL import Image

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

HEAD_DOTS = 576
HEAD_DPI = 203

Connect = Callable[[], Any]
"""Makes a python-escpos printer object (``escpos.printer.Network`` or ``Usb``)."""


def network(host: str, port: int = 9100, *, timeout: float = 5.0) -> Connect:
    from escpos.printer import Network

    return lambda: Network(host, port, timeout=timeout)


def usb(vendor: int, product: int, *, timeout: int = 5000) -> Connect:
    from escpos.printer import Usb

    return lambda: Usb(vendor, product, timeout=timeout)


def rasterize(pdf: bytes, *, dots: int = HEAD_DOTS, dpi: int = HEAD_DPI) -> list[Image.Image]:
    """Each page of ``pdf`` as a 1-bit image ``dots`` wide (the paper margins beyond the
    printable width cropped away, or the page scaled down if ink lies there)."""
    with tempfile.TemporaryDirectory(prefix="kiosk-escpos-") as tmp:
        source = Path(tmp) / "job.pdf"
        source.write_bytes(pdf)
        result = subprocess.run(
            ["pdftoppm", "-r", str(dpi), "-mono", str(source), str(Path(tmp) / "page")],
            capture_output=True,
            check=False,
            timeout=120,
        )
        if result.returncode != 0:
            raise refused(PrintProblem.RENDER_FAILED, status=result.returncode)
        pages = []
        for path in sorted(Path(tmp).glob("page-*.pbm")):
            with Image.open(path) as page:
                pages.append(_fit(page.convert("1"), dots))
        return pages


def _fit(page: Image.Image, dots: int) -> Image.Image:
    if page.width <= dots:
        return page
    left = (page.width - dots) // 2
    cropped = page.crop((left, 0, left + dots, page.height))
    margins = [
        page.crop((0, 0, left, page.height)),
        page.crop((left + dots, 0, page.width, page.height)),
    ]
    if all(margin.convert("L").getextrema()[0] == 255 for margin in margins):
        return cropped
    height = round(page.height * dots / page.width)
    return page.resize((dots, height)).convert("1")


class EscposPrinter:
    """A thermal printer reached through ``connect`` (see :func:`network`, :func:`usb`)."""

    def __init__(self, connect: Connect, *, dots: int = HEAD_DOTS) -> None:
        self._connect = connect
        self._dots = dots
        self._numbers = itertools.count(1)
        self._sent: set[str] = set()

    def state(self) -> PrinterStatus:
        try:
            device = self._connect()
        except Exception:
            return PrinterStatus(PrinterState.UNREACHABLE, Detail.CONNECTION_FAILED)
        try:
            return self._read_state(device)
        except OSError:
            return PrinterStatus(PrinterState.UNREACHABLE, Detail.NO_ANSWER)
        except Exception:
            return PrinterStatus(PrinterState.UNREACHABLE, Detail.CONNECTION_FAILED)
        finally:
            device.close()

    @staticmethod
    def _read_state(device: Any) -> PrinterStatus:
        if not device.is_online():
            return PrinterStatus(PrinterState.UNREACHABLE, Detail.OFFLINE)
        paper = device.paper_status()
        if paper == 0:
            return PrinterStatus(PrinterState.OUT_OF_PAPER, Detail.MEDIA_EMPTY)
        if paper == 1:
            return PrinterStatus(PrinterState.PAPER_LOW, Detail.MEDIA_LOW)
        return PrinterStatus(PrinterState.READY)

    def submit(self, job: PrintJob) -> JobId:
        pages = rasterize(job.pdf, dots=self._dots)
        try:
            device = self._connect()
        except Exception as error:
            raise refused(PrinterState.UNREACHABLE, detail=Detail.CONNECTION_FAILED) from error
        try:
            self.send(device, pages)
        except Exception as error:
            raise refused(PrintProblem.SUBMIT_FAILED, detail=Detail.NO_ANSWER) from error
        finally:
            device.close()
        job_id = JobId(f"escpos-{next(self._numbers)}")
        self._sent.add(job_id)
        return job_id

    @staticmethod
    def send(device: Any, pages: list[Image.Image]) -> None:
        """Print ``pages`` as raster images (GS v 0) on ``device`` and cut."""
        for page in pages:
            device.image(page, impl="bitImageRaster")
        device.cut()

    def job_state(self, job_id: JobId) -> JobState:
        return JobState.DONE if job_id in self._sent else JobState.UNKNOWN

    def cancel(self, job_id: JobId) -> None:
        """Nothing to do: a job is on paper by the time it has a number."""
