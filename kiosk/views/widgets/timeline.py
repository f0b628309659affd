"""A row of steps, one after the other, showing how far something has come.

Each step is a box with a mark, a name and a date: ✓ and the date for steps reached, a
highlighted box with the word "Now" for the current one, and a faint dotted box with "Not
yet" for steps still ahead. The state is always in a symbol and words as well as the
look, never in colour alone. The steps run left to right while they fit, and top to bottom
on a narrow screen (portrait), where seven boxes side by side would squeeze their words.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QFrame, QLabel, QSizePolicy, QWidget

#: Put in a step's date where it may break onto a second line in a narrow box.
BREAK = "\u200b"
#: Narrowest a step may be side by side before the timeline turns to run downwards.
STEP_MIN_WIDTH = 150
_GAP = 8
#: A step box's margins and border on both sides, around its words.
_BOX_FRAME = 2 * 8 + 2 * 4


def _set_shown(widget: QWidget, shown: bool) -> None:
    """setVisible only when it changes something (a new widget always counts)."""
    explicit = widget.testAttribute(Qt.WidgetAttribute.WA_WState_ExplicitShowHide)
    if widget.isHidden() == shown or not explicit:
        widget.setVisible(shown)


@dataclass(frozen=True)
class Step:
    """One step: its name, the date it was reached as shown (None if not reached). The date
    may hold :data:`BREAK` where it should break in a narrow box."""

    name: str
    reached_on: str | None = None


class _StepBox(QFrame):
    """A step's box: mark, name and date, one above the other in a row of boxes, or side
    by side in one line when the steps run downwards. No signals."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "stage")
        self._state = ""
        self.mark_label = QLabel()
        self.mark_label.setProperty("role", "stage-mark")
        self.name_label = QLabel()
        self.name_label.setProperty("role", "stage-name")
        self.date_label = QLabel()
        self.date_label.setProperty("role", "stage-date")
        self._layout = QBoxLayout(QBoxLayout.Direction.TopToBottom, self)
        self._layout.setContentsMargins(8, 10, 8, 10)
        self._layout.setSpacing(4)
        for label in (self.mark_label, self.name_label, self.date_label):
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
            self._layout.addWidget(label)
        self._layout.addStretch(1)
        self._date = ""
        self._in_line = False
        self.set_in_line(False)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)

    def set_date(self, text: str) -> None:
        """The date (or "not yet"); a zero-width space in it marks where it may break."""
        self._date = text
        self._show_date()

    def clear_words(self) -> None:
        """Empty the box but leave what is shown and hidden as it is (cheaper to refill)."""
        self._date = ""
        for label in (self.mark_label, self.name_label, self.date_label):
            label.clear()
        self.setAccessibleName("")

    def _show_date(self) -> None:
        # In a narrow box the date breaks where marked ("2024年" above "12月10日"), not
        # before its last character: Chinese has no spaces for Qt to break at.
        self.date_label.setText(self._date.replace(BREAK, "" if self._in_line else "\n"))
        _set_shown(self.date_label, bool(self._date))

    def set_in_line(self, in_line: bool) -> None:
        """Mark, name and date in one line (True) or one above the other (False)."""
        self._in_line = in_line
        self._show_date()
        self._layout.setDirection(
            QBoxLayout.Direction.LeftToRight if in_line else QBoxLayout.Direction.TopToBottom
        )
        if in_line:
            self._layout.setContentsMargins(16, 8, 16, 8)
        else:
            self._layout.setContentsMargins(8, 10, 8, 10)
        self._layout.setSpacing(16 if in_line else 4)
        centre = Qt.AlignmentFlag.AlignCenter
        left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        self.mark_label.setAlignment(left if in_line else centre)
        self.name_label.setAlignment(left if in_line else centre)
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        self.date_label.setAlignment(right if in_line else centre)
        # In a line the name takes the room and the date sits at the right; in a box the
        # room goes below the words.
        self._layout.setStretch(1, 1 if in_line else 0)
        self._layout.setStretch(3, 0 if in_line else 1)

    def state(self) -> str:
        """Done, current or ahead (empty before the first :meth:`set_state`)."""
        return self._state

    def set_state(self, state: str) -> None:
        # Kept in Python too: PySide6 6.12's property() of a property never set returns
        # None without a reference, and enough such calls crash the interpreter.
        if self._state != state:
            self._state = state
            self.setProperty("state", state)
            for widget in (self, self.mark_label, self.name_label, self.date_label):
                widget.style().unpolish(widget)
                widget.style().polish(widget)
            # A frame takes its border width from the style sheet only on a style change:
            # without one, the current step's thick top border would overlap its words.
            QCoreApplication.sendEvent(self, QEvent(QEvent.Type.StyleChange))


class StageTimeline(QWidget):
    """Steps from first to last with the current one highlighted (see the module).

    Fill it with :meth:`set_steps`; the accessible description says the same in one
    sentence for a screen reader. No signals.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stage-timeline")
        self._steps: tuple[Step, ...] = ()
        self._current = -1
        self.boxes: list[_StepBox] = []
        self.arrows: list[QLabel] = []
        self._row = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._row.setContentsMargins(0, 0, 0, 0)
        self._row.setSpacing(_GAP)

    def set_steps(self, steps: Sequence[Step], current: int) -> None:
        """Show ``steps`` in order; ``current`` is the index of the step reached last
        (-1 when none is)."""
        self._steps = tuple(steps)
        self._current = current
        while len(self.boxes) < len(self._steps):
            if self.boxes:
                arrow = QLabel()
                arrow.setProperty("role", "stage-arrow")
                arrow.setAlignment(Qt.AlignmentFlag.AlignCenter)
                self.arrows.append(arrow)
                self._row.addWidget(arrow)
            box = _StepBox()
            box.set_in_line(self.is_vertical())
            self.boxes.append(box)
            self._row.addWidget(box, 1)
        # Only real changes: on a shown card even a no-op setVisible relays the card out.
        for index, box in enumerate(self.boxes):
            _set_shown(box, index < len(self._steps))
        for index, arrow in enumerate(self.arrows):
            _set_shown(arrow, index + 1 < len(self._steps) and not self.is_vertical())
        self.retranslate()
        self._arrange(self.width())

    def clear(self) -> None:
        """Empty every step's words but keep the boxes as they stand, so that showing the
        next steps costs no restyling where the states stay the same."""
        self._steps = ()
        self._current = -1
        for box in self.boxes:
            box.clear_words()
        self.setAccessibleDescription("")

    def is_vertical(self) -> bool:
        return self._row.direction() == QBoxLayout.Direction.TopToBottom

    def retranslate(self) -> None:
        """Set the words of each step in the current UI language."""
        for index, (step, box) in enumerate(zip(self._steps, self.boxes, strict=False)):
            if index == self._current:
                state, mark = "current", self.tr("▶ Now")
                when = step.reached_on or ""
            elif index < self._current or step.reached_on:
                state, mark = "done", "✓"
                when = step.reached_on or ""
            else:
                state, mark, when = "ahead", "○", self.tr("Not yet")
            box.set_state(state)
            box.mark_label.setText(mark)
            box.name_label.setText(step.name)
            box.set_date(when)
            box.setAccessibleName(f"{step.name}: {mark} {when}".strip())
        # Boxes not used now keep no words of an earlier project.
        for box in self.boxes[len(self._steps) :]:
            box.clear_words()
        for arrow in self.arrows:
            arrow.setText("→")
        self.setAccessibleDescription(self.summary())

    def summary(self) -> str:
        """The timeline in one sentence: where it stands now and since when."""
        if not self._steps:
            return ""
        if self._current < 0:
            return self.tr("Not started yet")
        step = self._steps[self._current]
        text = self.tr("Now: %1 (step %2 of %3)")
        text = text.replace("%1", step.name).replace("%2", str(self._current + 1))
        return text.replace("%3", str(len(self._steps)))

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._arrange(event.size().width())
        super().resizeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _step_width(self) -> int:
        """The least width a step needs in a box: its longest word (larger text, or an
        English word like "accounted", needs more than :data:`STEP_MIN_WIDTH`)."""
        need = STEP_MIN_WIDTH
        for box in self.boxes[: len(self._steps)]:
            words = max(
                label.minimumSizeHint().width()
                for label in (box.mark_label, box.name_label, box.date_label)
            )
            need = max(need, words + _BOX_FRAME)
        return need

    def _arrange(self, width: int) -> None:
        # Decided from the width alone, so the choice cannot flip back and forth.
        count = max(len(self._steps), 1)
        arrows = sum(arrow.sizeHint().width() + 2 * _GAP for arrow in self.arrows[: count - 1])
        fits = width <= 0 or (width - arrows) // count >= self._step_width()
        direction = QBoxLayout.Direction.LeftToRight if fits else QBoxLayout.Direction.TopToBottom
        if direction != self._row.direction():
            self._row.setDirection(direction)
            # Downwards, each step is one line and the order reads itself: no arrows.
            self._row.setSpacing(_GAP if fits else _GAP // 2)
            for index, arrow in enumerate(self.arrows):
                _set_shown(arrow, fits and index + 1 < len(self._steps))
            for box in self.boxes:
                box.set_in_line(not fits)
