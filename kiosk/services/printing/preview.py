"""A record's pages as PNG images, for the screen that shows them before printing.

Rendered with poppler's ``pdftoppm``, which the ESC/POS path already needs
(:mod:`.printers.thermal`), in a subprocess: a slow or broken render cannot hang or crash
the kiosk's own process, and the screen calls this on a worker thread.
"""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from kiosk.domain.problems import Reason, Refused
from kiosk.services.printing.printers.base import PrintProblem

#: Enough for the receipt's 80 mm to be some 470 pixels wide and an A4 page 830: the
#: screen scales the image to the room it has.
PREVIEW_DPI = 150


def render_pages(pdf: bytes, *, dpi: int = PREVIEW_DPI) -> list[bytes]:
    """Each page of ``pdf`` as PNG bytes, first page first; :class:`Refused`
    (``print-render-failed``) when poppler cannot read it."""
    with tempfile.TemporaryDirectory(prefix="kiosk-preview-") as tmp:
        source = Path(tmp) / "document.pdf"
        source.write_bytes(pdf)
        try:
            result = subprocess.run(
                ["pdftoppm", "-r", str(dpi), "-png", str(source), str(Path(tmp) / "page")],
                capture_output=True,
                check=False,
                timeout=120,
            )
        except (OSError, subprocess.TimeoutExpired):
            raise Refused(Reason.of(PrintProblem.RENDER_FAILED)) from None
        if result.returncode != 0:
            raise Refused(Reason.of(PrintProblem.RENDER_FAILED, status=result.returncode))
        # pdftoppm pads the page number to the width of the last one: sorting by name works.
        pages = [path.read_bytes() for path in sorted(Path(tmp).glob("page-*.png"))]
    if not pages:
        raise Refused(Reason.of(PrintProblem.RENDER_FAILED))
    return pages
