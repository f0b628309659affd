"""A QR code drawn as vector squares, so it stays sharp at any printer's resolution.

The matrix comes from the ``qrcode`` package; each row's dark runs become one rectangle of
a single filled path, so rasterisers leave no hairlines between modules and the PDF stays
small. Error correction is level M (15 %): a crumpled or smudged roll still scans, and a
~250-character payload still fits at about 0.6 mm a module on a 38 mm code.
"""

from __future__ import annotations

from typing import Any

import qrcode
from qrcode.constants import ERROR_CORRECT_M
from reportlab.platypus import Flowable

QUIET_MODULES = 4
"""The white margin the QR standard asks for, in modules, on every side."""


def qr_matrix(text: str) -> list[list[bool]]:
    """The modules of the smallest QR code that holds ``text`` (dark is True), no margin."""
    if not text:
        raise ValueError("a QR code needs a payload")
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=0)
    code.add_data(text)
    code.make(fit=True)
    return [list(row) for row in code.get_matrix()]


class QrCode(Flowable):  # type: ignore[misc]  # reportlab is untyped
    """A flowable QR code ``size`` points square, its quiet zone included."""

    def __init__(self, text: str, size: float) -> None:
        super().__init__()
        self.matrix = qr_matrix(text)
        self.size = size
        self.width = self.height = size

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        draw_matrix(self.canv, self.matrix, 0, 0, self.size)


def draw_matrix(canv: Any, matrix: list[list[bool]], x: float, y: float, size: float) -> None:
    """Draw ``matrix`` with its quiet zone into the square of ``size`` at (x, y)."""
    count = len(matrix)
    module = size / (count + 2 * QUIET_MODULES)
    left = x + QUIET_MODULES * module
    top = y + size - QUIET_MODULES * module
    path = canv.beginPath()
    for row_index, row in enumerate(matrix):
        row_y = top - (row_index + 1) * module
        column = 0
        while column < count:
            if not row[column]:
                column += 1
                continue
            start = column
            while column < count and row[column]:
                column += 1
            path.rect(left + start * module, row_y, (column - start) * module, module)
    canv.saveState()
    canv.setFillColorRGB(0, 0, 0)
    canv.drawPath(path, stroke=0, fill=1)
    canv.restoreState()
