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

from PySide6.QtCore import QEvent, Qt
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
    """A step's box in one state (done, current or ahead) for good: mark, name and date,
    one above the other in a row of boxes, or side by side in one line when the steps run
    downwards. No signals.

    The state is fixed when the box is made, before the style sheet first styles it: a
    timeline shows another state by showing another box (see :class:`StageTimeline`),
    since restyling a box and its words costs milliseconds on every load.
    """

    def __init__(self, state: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "stage")
        self.setProperty("state", state)
        self._state = state
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

    def state(self) -> str:
        """Done, current or ahead."""
        return self._state

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


class StageTimeline(QWidget):
    """Steps from first to last with the current one highlighted (see the module).

    Fill it with :meth:`set_steps`; the accessible description says the same in one
    sentence for a screen reader. No signals.

    Each step keeps a box per state it has been shown in (at most three), side by side in
    the row with only the one in use shown: when the next project puts a step in another
    state, the timeline shows that step's box for the state, styled when it was made.
    Restyling one box and its words instead took most of the time another household's
    projects needed to appear. Boxes not in use hold no words.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stage-timeline")
        self._steps: tuple[Step, ...] = ()
        self._current = -1
        #: Per step made so far: its boxes by state, and the one in use.
        self._made: list[dict[str, _StepBox]] = []
        self._in_use: list[_StepBox] = []
        self.arrows: list[QLabel] = []
        self._row = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._row.setContentsMargins(0, 0, 0, 0)
        self._row.setSpacing(_GAP)

    @property
    def boxes(self) -> list[_StepBox]:
        """Each step's box in use, first to last (steps beyond the shown ones included)."""
        return list(self._in_use)

    def set_steps(self, steps: Sequence[Step], current: int) -> None:
        """Show ``steps`` in order; ``current`` is the index of the step reached last
        (-1 when none is)."""
        self._steps = tuple(steps)
        self._current = current
        while len(self._in_use) < len(self._steps):
            if self._in_use:
                arrow = QLabel()
                arrow.setProperty("role", "stage-arrow")
                arrow.setAlignment(Qt.AlignmentFlag.AlignCenter)
                self.arrows.append(arrow)
                self._row.addWidget(arrow)
            index = len(self._in_use)
            box = self._make_box(self._look(index)[0])
            self._row.addWidget(box, 1)
            self._made.append({box.state(): box})
            self._in_use.append(box)
        self.retranslate()
        # Only real changes: on a shown card even a no-op setVisible relays the card out.
        for index, arrow in enumerate(self.arrows):
            _set_shown(arrow, index + 1 < len(self._steps) and not self.is_vertical())
        self._arrange(self.width())

    def clear(self) -> None:
        """Empty every step's words but keep the boxes as they stand, so that showing the
        next steps costs no restyling where the states stay the same."""
        self._steps = ()
        self._current = -1
        for box in self._in_use:
            box.clear_words()
        self.setAccessibleDescription("")

    def is_vertical(self) -> bool:
        return self._row.direction() == QBoxLayout.Direction.TopToBottom

    def retranslate(self) -> None:
        """Set the words of each step in the current UI language."""
        for index, step in enumerate(self._steps):
            state, mark, when = self._look(index)
            box = self._box_in(index, state)
            box.mark_label.setText(mark)
            box.name_label.setText(step.name)
            box.set_date(when)
            box.setAccessibleName(f"{step.name}: {mark} {when}".strip())
        # Boxes not used now keep no words of an earlier project.
        for box in self._in_use[len(self._steps) :]:
            box.clear_words()
        # A box newly in use was filled while hidden and shows only now. Showing a widget
        # lays its parent out at once: with the row off, the swaps cost one pass, not one
        # each.
        self._row.setEnabled(False)
        for index, made in enumerate(self._made):
            in_use = self._in_use[index] if index < len(self._steps) else None
            for box in made.values():
                _set_shown(box, box is in_use)
        self._row.setEnabled(True)
        for arrow in self.arrows:
            arrow.setText("→")
        self.setAccessibleDescription(self.summary())

    def _look(self, index: int) -> tuple[str, str, str]:
        """Step ``index``'s state, mark and date (or "not yet") as shown now."""
        step = self._steps[index]
        if index == self._current:
            return "current", self.tr("▶ Now"), step.reached_on or ""
        if index < self._current or step.reached_on:
            return "done", "✓", step.reached_on or ""
        return "ahead", "○", self.tr("Not yet")

    def _box_in(self, index: int, state: str) -> _StepBox:
        """Step ``index``'s box for ``state``, now the one in use (made, hidden, if the step
        had none in that state); the box it replaces is emptied."""
        box = self._in_use[index]
        if box.state() == state:
            return box
        box.clear_words()
        made = self._made[index]
        if state not in made:
            new = self._make_box(state)
            # Next to the step's other boxes, so the order in the row stays the steps'.
            self._row.insertWidget(self._row.indexOf(box) + 1, new, 1)
            made[state] = new
        self._in_use[index] = made[state]
        return made[state]

    def _make_box(self, state: str) -> _StepBox:
        box = _StepBox(state)
        box.set_in_line(self.is_vertical())
        # Hidden until :meth:`retranslate` has filled it and chooses it.
        box.setVisible(False)
        return box

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
        for box in self._in_use[: len(self._steps)]:
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
            for made in self._made:
                for box in made.values():
                    box.set_in_line(not fits)
