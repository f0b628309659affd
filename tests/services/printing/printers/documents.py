"""Small PDFs for the printing tests."""

from __future__ import annotations

import io

from reportlab.lib.units import mm
from reportlab.pdfgen import canvas


def pdf(pages: int, *, width: float = 80 * mm, height: float = 60 * mm) -> bytes:
    """``pages`` pages, each with a black bar and its number (so a raster has ink)."""
    out = io.BytesIO()
    drawing = canvas.Canvas(out, pagesize=(width, height))
    for number in range(1, pages + 1):
        drawing.rect(8 * mm, 20 * mm, width - 16 * mm, 10 * mm, fill=1)
        drawing.drawString(10 * mm, 40 * mm, f"page {number}")
        drawing.showPage()
    drawing.save()
    return out.getvalue()
