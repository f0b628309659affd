"""Simple drawn symbols beside the words on big buttons: a house, a coin, a person...

They are painted with plain shapes rather than taken from a font, so they look the same on
every terminal (emoji fonts are rarely installed) and take the text colour the style sheet
gives them (``color`` of the ``QWidget[role="symbol"]`` rules), in every theme. A symbol
never stands alone: it always sits beside words.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget


class Symbol(StrEnum):
    HOUSE = "house"
    MONEY = "money"
    PERSON = "person"
    BANK = "bank"
    FLAG = "flag"
    NOTICE = "notice"
    SPEAKER = "speaker"
    TEXT_SIZE = "text-size"
    BACK = "back"
    CLOSE = "close"
    CLOCK = "clock"
    COMPLAINT = "complaint"


# Every drawing works in a 100x100 box; the widget scales it to its own size.
Drawing = Callable[[QPainter, QColor], None]


def _house(p: QPainter, ink: QColor) -> None:
    roof = QPainterPath()
    roof.moveTo(8, 50)
    roof.lineTo(50, 12)
    roof.lineTo(92, 50)
    p.drawPath(roof)
    p.drawRect(QRectF(20, 46, 60, 44))
    p.fillRect(QRectF(42, 62, 16, 28), ink)


def _money(p: QPainter, ink: QColor) -> None:
    p.drawEllipse(QRectF(10, 10, 80, 80))
    # The yuan sign drawn as strokes: a V on a stem with two bars.
    p.drawLine(QPointF(34, 28), QPointF(50, 52))
    p.drawLine(QPointF(66, 28), QPointF(50, 52))
    p.drawLine(QPointF(50, 52), QPointF(50, 76))
    p.drawLine(QPointF(36, 56), QPointF(64, 56))
    p.drawLine(QPointF(36, 67), QPointF(64, 67))


def _person(p: QPainter, ink: QColor) -> None:
    p.drawEllipse(QRectF(34, 8, 32, 32))
    body = QPainterPath()
    body.moveTo(14, 92)
    body.cubicTo(14, 52, 86, 52, 86, 92)
    body.closeSubpath()
    p.drawPath(body)


def _bank(p: QPainter, ink: QColor) -> None:
    roof = QPainterPath()
    roof.moveTo(8, 34)
    roof.lineTo(50, 8)
    roof.lineTo(92, 34)
    roof.closeSubpath()
    p.drawPath(roof)
    for x in (22, 42, 62):
        p.fillRect(QRectF(x, 40, 12, 38), ink)
    p.drawLine(QPointF(10, 88), QPointF(90, 88))


def _flag(p: QPainter, ink: QColor) -> None:
    p.drawLine(QPointF(24, 8), QPointF(24, 92))
    cloth = QPainterPath()
    cloth.moveTo(24, 12)
    cloth.cubicTo(48, 2, 60, 26, 84, 14)
    cloth.lineTo(84, 50)
    cloth.cubicTo(60, 62, 48, 38, 24, 48)
    cloth.closeSubpath()
    p.fillPath(cloth, ink)
    p.drawLine(QPointF(8, 92), QPointF(56, 92))


def _notice(p: QPainter, ink: QColor) -> None:
    p.drawRect(QRectF(18, 8, 64, 84))
    for y in (28, 44, 60, 76):
        p.drawLine(QPointF(30, y), QPointF(70 if y < 76 else 54, y))


def _speaker(p: QPainter, ink: QColor) -> None:
    cone = QPainterPath()
    cone.moveTo(8, 38)
    cone.lineTo(26, 38)
    cone.lineTo(50, 16)
    cone.lineTo(50, 84)
    cone.lineTo(26, 62)
    cone.lineTo(8, 62)
    cone.closeSubpath()
    p.fillPath(cone, ink)
    p.drawArc(QRectF(44, 30, 24, 40), -60 * 16, 120 * 16)
    p.drawArc(QRectF(40, 14, 48, 72), -60 * 16, 120 * 16)


def _text_size(p: QPainter, ink: QColor) -> None:
    font = QFont(p.font())
    font.setBold(True)
    font.setPixelSize(44)
    p.setFont(font)
    p.drawText(QRectF(0, 40, 44, 56), Qt.AlignmentFlag.AlignCenter, "A")
    font.setPixelSize(80)
    p.setFont(font)
    p.drawText(QRectF(34, 10, 66, 88), Qt.AlignmentFlag.AlignCenter, "A")


def _back(p: QPainter, ink: QColor) -> None:
    p.drawLine(QPointF(14, 50), QPointF(88, 50))
    p.drawLine(QPointF(14, 50), QPointF(44, 20))
    p.drawLine(QPointF(14, 50), QPointF(44, 80))


def _close(p: QPainter, ink: QColor) -> None:
    p.drawLine(QPointF(20, 20), QPointF(80, 80))
    p.drawLine(QPointF(80, 20), QPointF(20, 80))


def _clock(p: QPainter, ink: QColor) -> None:
    p.drawEllipse(QRectF(10, 10, 80, 80))
    p.drawLine(QPointF(50, 50), QPointF(50, 24))
    p.drawLine(QPointF(50, 50), QPointF(70, 62))


def _complaint(p: QPainter, ink: QColor) -> None:
    # A speech bubble with an exclamation mark: "I have something to report".
    bubble = QPainterPath()
    bubble.addRoundedRect(QRectF(8, 10, 84, 62), 14, 14)
    p.drawPath(bubble)
    tail = QPainterPath()
    tail.moveTo(28, 72)
    tail.lineTo(22, 92)
    tail.lineTo(46, 72)
    p.drawPath(tail)
    p.drawLine(QPointF(50, 22), QPointF(50, 48))
    p.fillRect(QRectF(46, 56, 8, 8), ink)


_DRAWINGS: dict[Symbol, Drawing] = {
    Symbol.HOUSE: _house,
    Symbol.MONEY: _money,
    Symbol.PERSON: _person,
    Symbol.BANK: _bank,
    Symbol.FLAG: _flag,
    Symbol.NOTICE: _notice,
    Symbol.SPEAKER: _speaker,
    Symbol.TEXT_SIZE: _text_size,
    Symbol.BACK: _back,
    Symbol.CLOSE: _close,
    Symbol.CLOCK: _clock,
    Symbol.COMPLAINT: _complaint,
}


class SymbolView(QWidget):
    """A square drawn symbol in the widget's text colour; it ignores touches, so a touch
    on it reaches the button it sits on. It emits no signals."""

    def __init__(self, symbol: Symbol, *, size: int = 64, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.symbol = symbol
        self._size = size
        self.setProperty("role", "symbol")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setFixedSize(size, size)

    def set_symbol_size(self, size: int) -> None:
        self._size = size
        self.setFixedSize(size, size)

    def sizeHint(self) -> QSize:
        return QSize(self._size, self._size)

    def paintEvent(self, event: QPaintEvent) -> None:
        ink = self.palette().color(QPalette.ColorRole.WindowText)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        side = min(self.width(), self.height())
        painter.translate((self.width() - side) / 2, (self.height() - side) / 2)
        painter.scale(side / 100, side / 100)
        pen = QPen(ink, 8)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        _DRAWINGS[self.symbol](painter, ink)
        painter.end()
