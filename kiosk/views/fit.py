"""Does every word on screen fit where it is drawn?

:func:`cut_off_texts` walks the visible labels and buttons under a widget and measures each
text with the font the widget really draws it in (after the style sheet) against the room
the widget gives it. A text that is wider or taller than that room is cut off on the glass,
however the layout looked on paper: "Received in ful", a "Delete" over its key's border.

``kiosk screenshots`` reports what it finds, so a translator sees a long word at once, and
the layout tests fail on it in every language, orientation and text size.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QLabel,
    QPushButton,
    QStyle,
    QStyleOptionButton,
    QWidget,
)

#: Room a measurement may be off by: rounding of fractional font metrics.
_SLACK_PX = 1
#: The least room a button's words keep from its edge, left and right: words that touch a
#: key's border read as running over it.
BUTTON_MARGIN_PX = 8


@dataclass(frozen=True)
class CutOff:
    """A text that does not fit: which widget, the room it has and the room it needs."""

    widget: str
    text: str
    room: tuple[int, int]
    needed: tuple[int, int]

    def __str__(self) -> str:
        return (
            f"{self.widget}: {self.text!r} needs {self.needed[0]}x{self.needed[1]} px,"
            f" has {self.room[0]}x{self.room[1]}"
        )


def _name(widget: QWidget) -> str:
    names: list[str] = []
    current: QWidget | None = widget
    while current is not None and len(names) < 3:
        names.append(current.objectName() or type(current).__name__)
        current = current.parentWidget()
    return "/".join(reversed(names))


def _needed(metrics: QFontMetrics, room: QRect, text: str, flags: int) -> QRect:
    # A very tall box, so the height measured is the height the text wants.
    box = QRect(0, 0, max(room.width(), 1), 100_000)
    return metrics.boundingRect(box, flags, text)


def _label_problem(label: QLabel) -> CutOff | None:
    text = label.text()
    if not text or label.textFormat() == Qt.TextFormat.RichText or label.pixmap() is not None:
        return None
    room = label.contentsRect()
    # indent() is -1 (none of ours set one) or the pixels set.
    indent = max(label.indent(), 0)
    room.adjust(label.margin() + indent, label.margin(), -label.margin(), -label.margin())
    flags = int(Qt.AlignmentFlag.AlignLeft.value)
    if label.wordWrap():
        flags |= int(Qt.TextFlag.TextWordWrap.value)
    return _compare(label, text, room, QFontMetrics(label.font()), flags)


def _button_problem(button: QPushButton) -> CutOff | None:
    text = button.text()
    if not text:
        return None
    option = QStyleOptionButton()
    button.initStyleOption(option)
    room = (
        button.style()
        .subElementRect(QStyle.SubElement.SE_PushButtonContents, option, button)
        .intersected(button.rect().adjusted(BUTTON_MARGIN_PX, 0, -BUTTON_MARGIN_PX, 0))
    )
    if not button.icon().isNull():
        room.setWidth(room.width() - button.iconSize().width() - 4)
    return _compare(button, text, room, QFontMetrics(button.font()), 0)


def _compare(
    widget: QWidget, text: str, room: QRect, metrics: QFontMetrics, flags: int
) -> CutOff | None:
    needed = _needed(metrics, room, text, flags)
    if needed.width() <= room.width() + _SLACK_PX and needed.height() <= room.height() + _SLACK_PX:
        return None
    return CutOff(
        _name(widget),
        text,
        (room.width(), room.height()),
        (needed.width(), needed.height()),
    )


def _clipped_by_parent(widget: QWidget, root: QWidget) -> bool:
    """Whether part of ``widget`` lies outside a parent that is not a scrolling viewport
    (text under a viewport's edge scrolls into view; under any other edge it is lost)."""
    rect = QRect(QPoint(0, 0), widget.size())
    child = widget
    parent = widget.parentWidget()
    while parent is not None:
        rect = rect.translated(child.pos())
        is_viewport = isinstance(parent.parentWidget(), QAbstractScrollArea) and (
            parent.parentWidget().viewport() is parent  # type: ignore[union-attr]
        )
        if is_viewport:
            return False
        inside = QRect(QPoint(0, 0), parent.size())
        if not inside.contains(rect):
            return True
        if parent is root:
            return False
        child, parent = parent, parent.parentWidget()
    return False


def in_view(widget: QWidget, root: QWidget) -> bool:
    """Whether all of ``widget`` is on show inside ``root`` without scrolling: no parent,
    a scrolling viewport included, cuts any of it off."""
    if not widget.isVisible():
        return False
    rect = QRect(widget.mapTo(root, QPoint(0, 0)), widget.size())
    parent = widget.parentWidget()
    while parent is not None:
        seen = QRect(parent.mapTo(root, QPoint(0, 0)), parent.size())
        if not seen.contains(rect):
            return False
        if parent is root:
            return True
        parent = parent.parentWidget()
    return False


def cut_off_texts(root: QWidget) -> list[CutOff]:
    """Every visible label or button under ``root`` (and ``root`` itself) whose text does
    not fit its widget, or whose widget is cut by a parent's edge that does not scroll."""
    problems: list[CutOff] = []
    widgets: list[QWidget] = [root, *root.findChildren(QWidget)]
    for widget in widgets:
        if not widget.isVisible():
            continue
        problem: CutOff | None = None
        if isinstance(widget, QLabel):
            problem = _label_problem(widget)
        elif isinstance(widget, QPushButton):
            problem = _button_problem(widget)
        else:
            continue
        text = widget.text()
        if problem is None and text and _clipped_by_parent(widget, root):
            size = (widget.width(), widget.height())
            problem = CutOff(_name(widget) + " (cut by its parent)", text, size, size)
        if problem is not None:
            problems.append(problem)
    return problems
