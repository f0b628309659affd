"""What every printed record shares: paper sizes, text styles, the page footer that counts
pages, and the two document builders (a roll whose page grows with its content, and A4).

Every paragraph wraps the way Chinese text does (``wordWrap="CJK"``: at any character), so a
60-character name or a long office name wraps inside its column instead of running off the
paper. Text from the store is escaped before it reaches reportlab's paragraph markup, and a
rare character the main font lacks is set in a fallback font (:func:`fonts.markup`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from io import BytesIO
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    Table,
    TableStyle,
)

from kiosk.domain.clock import SHANGHAI
from kiosk.services.printing.content import subject_text
from kiosk.services.printing.fonts import markup, register_font

ROLL_WIDTH = 80 * mm
ROLL_PRINTABLE = 72 * mm
ROLL_MARGIN = (ROLL_WIDTH - ROLL_PRINTABLE) / 2
ROLL_MAX_PAGE = 1000 * mm
"""A roll page grows with its content up to a metre; longer records go on as more pages
(the paper is continuous either way), which keeps every driver within its page limits."""

A4_WIDTH, A4_HEIGHT = A4
A4_MARGIN = 18 * mm
A4_PRINTABLE = A4_WIDTH - 2 * A4_MARGIN

INK = colors.black
RULE = colors.Color(0.55, 0.55, 0.55)
SHADE = colors.Color(0.9, 0.9, 0.9)

PRODUCER = "citizen kiosk"


def style(size: float, *, align: str = "left", leading: float | None = None) -> ParagraphStyle:
    """A paragraph style in the record font, ``size`` points, wrapping at any character."""
    alignment = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT}[align]
    return ParagraphStyle(
        f"kiosk-{size}-{align}",
        fontName=register_font(),
        fontSize=size,
        leading=leading if leading is not None else size * 1.3,
        alignment=alignment,
        wordWrap="CJK",
        textColor=INK,
    )


def para(text: str, size: float, *, align: str = "left", english: str = "") -> Paragraph:
    """A paragraph of plain ``text`` (escaped here), with optional small English after it."""
    text_markup = markup(text)
    if english:
        text_markup += f' <font size="{size * 0.7:.1f}">{escape(english)}</font>'
    return Paragraph(text_markup, style(size, align=align))


def table_style(*commands: tuple[Any, ...]) -> TableStyle:
    """A table style whose cells, even empty ones, use the record font: reportlab's default
    for plain cells is Helvetica, which is not embedded and has no Chinese."""
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), register_font()), *commands])


def facts_table(
    rows: Sequence[tuple[str, str]],
    *,
    width: float,
    label_width: float,
    sizes: tuple[float, float],
    padding: float,
) -> Table:
    """Labels beside their values, the labels' column ``label_width`` wide, values wrapping
    within the rest of ``width``; ``sizes`` are the label's and the value's font sizes."""
    label_pt, value_pt = sizes
    table = Table(
        [[para(label, label_pt), para(value, value_pt)] for label, value in rows],
        colWidths=[label_width, width - label_width],
    )
    table.setStyle(
        table_style(
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), padding),
            ("BOTTOMPADDING", (0, 0), (-1, -1), padding),
        )
    )
    return table


def shanghai_time(moment: datetime) -> str:
    """``2026-12-07 15:35（北京时间）``: how every record prints a time."""
    if moment.tzinfo is None:
        raise ValueError("a printed time must be aware (with its time zone)")
    return moment.astimezone(SHANGHAI).strftime("%Y-%m-%d %H:%M") + "（北京时间）"


def day(value: date) -> str:
    return value.strftime("%Y-%m-%d")


def require_masked_id(value: str, what: str) -> str:
    """Refuse an ID number that is not masked, without ever quoting it.

    A masked number (``5201**********1234``) has its middle replaced by ``*``; anything
    with no ``*``, or with more than eight characters left showing, could be a full number.
    """
    if "*" not in value or sum(ch != "*" for ch in value) > 8:
        raise ValueError(f"{what} must be a masked ID number (its middle replaced by '*')")
    return value


def require_text(value: str, what: str) -> str:
    if not value.strip():
        raise ValueError(f"{what} must not be empty")
    return value


PageFooter = Callable[[Any, int, int], None]
"""Draws a page's footer on the canvas, given the page number and the page count."""


def _numbered_canvas(footer: PageFooter) -> type[Canvas]:
    """A canvas that holds back its pages until it knows how many there are, then draws
    ``footer`` on each: the usual reportlab way to print "page x of y" in one pass."""

    class NumberedCanvas(Canvas):  # type: ignore[misc]  # reportlab is untyped
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # reportlab's name
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                footer(self, self._pageNumber, total)
                super().showPage()
            super().save()

    return NumberedCanvas


def page_label(page: int, total: int) -> str:
    return f"第 {page} 页 / 共 {total} 页"


def _build(doc: BaseDocTemplate, flowables: Sequence[Flowable], footer: PageFooter) -> bytes:
    doc.build(list(flowables), canvasmaker=_numbered_canvas(footer))
    buffer = doc.filename
    assert isinstance(buffer, BytesIO)
    return buffer.getvalue()


def _document(
    pagesize: tuple[float, float],
    margins: tuple[float, float, float, float],
    *,
    title: str,
    content: bytes,
) -> BaseDocTemplate:
    left, right, top, bottom = margins
    doc = BaseDocTemplate(
        BytesIO(),
        pagesize=pagesize,
        leftMargin=left,
        rightMargin=right,
        topMargin=top,
        bottomMargin=bottom,
        title=title,
        subject=subject_text(content),
        author=PRODUCER,
        creator=PRODUCER,
        invariant=1,  # the same facts make the same bytes: no random ID, no build time
        initialFontName=register_font(),
        initialFontSize=9,
    )
    frame = Frame(
        left, bottom, pagesize[0] - left - right, pagesize[1] - top - bottom,
        leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body",
    )  # fmt: skip
    doc.addPageTemplates([PageTemplate(id="body", frames=[frame])])
    return doc


def _measure(flowables: Sequence[Flowable], width: float) -> float:
    height = 0.0
    for flowable in flowables:
        height += flowable.wrap(width, ROLL_MAX_PAGE)[1]
        height += flowable.getSpaceBefore() + flowable.getSpaceAfter()
    return height


def build_roll(
    flowables: Sequence[Flowable], *, title: str, content: bytes, footer_text: str = ""
) -> bytes:
    """A PDF for 80 mm roll paper: one page exactly as long as the content (up to
    :data:`ROLL_MAX_PAGE`, then more pages, each counted in the footer)."""
    top = ROLL_MARGIN
    bottom = 10 * mm
    # Measured at the printable width; the slack covers rounding in the second layout.
    body = _measure(flowables, ROLL_PRINTABLE) + 4 * mm
    height = min(body, ROLL_MAX_PAGE - top - bottom) + top + bottom

    def footer(canv: Any, page: int, total: int) -> None:
        canv.saveState()
        canv.setFont(register_font(), 7)
        text = page_label(page, total) if total > 1 else ""
        if footer_text:
            text = f"{footer_text}  {text}".strip()
        canv.drawCentredString(ROLL_WIDTH / 2, 5 * mm, text)
        canv.restoreState()

    margins = (ROLL_MARGIN, ROLL_MARGIN, top, bottom)
    doc = _document((ROLL_WIDTH, height), margins, title=title, content=content)
    return _build(doc, flowables, footer)


def build_a4(
    flowables: Sequence[Flowable], *, title: str, content: bytes, footer_text: str
) -> bytes:
    """An A4 PDF whose every page ends with ``footer_text`` and "第 x 页 / 共 y 页"."""

    def footer(canv: Any, page: int, total: int) -> None:
        canv.saveState()
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.5)
        canv.line(A4_MARGIN, 13 * mm, A4_WIDTH - A4_MARGIN, 13 * mm)
        canv.setFont(register_font(), 8)
        canv.drawString(A4_MARGIN, 9 * mm, footer_text)
        canv.drawRightString(A4_WIDTH - A4_MARGIN, 9 * mm, page_label(page, total))
        canv.restoreState()

    margins = (A4_MARGIN, A4_MARGIN, A4_MARGIN, 20 * mm)
    doc = _document((A4_WIDTH, A4_HEIGHT), margins, title=title, content=content)
    return _build(doc, flowables, footer)
