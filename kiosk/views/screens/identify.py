"""Identification: the ID number on a number pad, then the pinyin initials of one's own name.

The number is checked at every key, so a resident learns at once (and in plain words) that
a digit is wrong, and the full check runs when all 18 are typed. Then the initials of the
resident's own name, which only the holder of the number is likely to know together with
it. Whatever goes wrong after that, the answer is the same, so the screen never tells
whether a number exists. The number is wiped from the pad the moment the answer comes.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable
from datetime import date
from typing import Self

from PySide6.QtCore import (
    QElapsedTimer,
    QEvent,
    QObject,
    QSize,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QScroller,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.idnumber import (
    ID_LENGTH,
    IdNumber,
    IdNumberError,
    parse_id_number,
    partial_problem,
)
from kiosk.services.identify import Identifier, IdentifyResult, Outcome
from kiosk.services.identity_source import CardRead
from kiosk.views.problems import reason_text
from kiosk.views.screens.contract import Screen, ScreenParts
from kiosk.views.widgets.keypad import KeyPadEntry, id_number_entry, initials_entry
from kiosk.views.widgets.step_stack import StepStack

_log = logging.getLogger(__name__)

# The example shown beside the letter pad. Not a demo resident: the example must never
# be mistaken for, or reveal, someone's real name.
EXAMPLE_NAME = "王建国"
EXAMPLE_INITIALS = "W J G"


class _WordsArea(QScrollArea):
    """A scroll area that asks for the whole height of its words, so it scrolls only where
    the screen is too low to give it that (1366x768 with large text). No signals."""

    def setWidget(self, widget: QWidget) -> None:
        super().setWidget(widget)
        widget.installEventFilter(self)

    def sizeHint(self) -> QSize:
        widget = self.widget()
        if widget is None:
            return super().sizeHint()
        width = max(self.viewport().width(), 1)
        height = (
            widget.heightForWidth(width)
            if widget.hasHeightForWidth()
            else widget.sizeHint().height()
        )
        frame = 2 * self.frameWidth()
        return QSize(widget.sizeHint().width() + frame, height + frame)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Words shown, hidden or changed: the height wanted changes with them.
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()
        return super().eventFilter(watched, event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.updateGeometry()


class IdentifyScreen(Screen):
    """Step 1: the ID number; step 2: the initials of the name; then the answer.

    Signals:
        identified(int, int): the household id and member id of the identified resident.
            The pads are empty again before this is emitted.
        navigate(str), back_requested(): of :class:`Screen`, not used.
    """

    identified = Signal(int, int)

    NUMBER_STEP = 0
    INITIALS_STEP = 1

    def __init__(
        self,
        identifier: Identifier,
        *,
        today: Callable[[], date],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("identify")
        self.setProperty("role", "screen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._identifier = identifier
        self._today = today
        self._problem: IdNumberError | None = None
        self._outcome: Outcome | None = None
        self._throttle_total_s = 0.0
        self._throttle_clock = QElapsedTimer()
        self._throttle_timer = QTimer(self)
        self._throttle_timer.setInterval(1000)
        self._throttle_timer.timeout.connect(self._show_throttle)

        self.step_label = QLabel()
        self.step_label.setObjectName("identify-step")
        self.step_label.setProperty("role", "hint")
        self.prompt_label = QLabel()
        self.prompt_label.setObjectName("identify-prompt")
        self.prompt_label.setProperty("role", "prompt")
        self.help_label = QLabel()
        self.help_label.setObjectName("identify-help")
        self.help_label.setProperty("role", "body")
        self.example_label = QLabel()
        self.example_label.setObjectName("initials-example")
        self.example_label.setProperty("role", "example")
        self.number_label = QLabel()
        self.number_label.setObjectName("typed-number")
        self.number_label.setProperty("role", "body")
        self.problem_label = QLabel()
        self.problem_label.setObjectName("identify-problem")
        self.problem_label.setProperty("role", "problem")
        self.outcome_label = QLabel()
        self.outcome_label.setObjectName("identify-outcome")
        self.outcome_label.setProperty("role", "problem")
        self.complete_label = QLabel()
        self.complete_label.setObjectName("identify-complete")
        self.complete_label.setProperty("role", "ok")
        for label in (
            self.step_label,
            self.prompt_label,
            self.help_label,
            self.example_label,
            self.number_label,
            self.problem_label,
            self.outcome_label,
            self.complete_label,
        ):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
        for label in (self.problem_label, self.outcome_label, self.complete_label):
            label.hide()

        self.number_entry: KeyPadEntry = id_number_entry()
        self.number_entry.setObjectName("id-number-entry")
        self.initials_entry: KeyPadEntry = initials_entry()
        self.initials_entry.setObjectName("initials-entry")
        self.entries = StepStack((self.number_entry, self.initials_entry))

        self.next_button = QPushButton()
        self.next_button.setObjectName("identify-next")
        self.confirm_button = QPushButton()
        self.confirm_button.setObjectName("identify-confirm")
        for button in (self.next_button, self.confirm_button):
            button.setProperty("role", "primary")
            button.setProperty("big", True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        self.info = QFrame()
        info = QVBoxLayout(self.info)
        info.setContentsMargins(0, 0, 0, 0)
        info.setSpacing(16)
        # What just went wrong (or right) comes straight under the prompt: on a low screen
        # the help below it may need scrolling, the message must not.
        for widget in (
            self.step_label,
            self.prompt_label,
            self.outcome_label,
            self.problem_label,
            self.complete_label,
            self.help_label,
            self.example_label,
            self.number_label,
        ):
            info.addWidget(widget)
        info.addStretch(1)
        # On a low screen with large text the words may not all fit beside the pad: they
        # scroll (with a finger) rather than being cut off.
        self.info_scroll = _WordsArea()
        self.info_scroll.setObjectName("identify-info")
        self.info_scroll.setWidget(self.info)
        self.info_scroll.setWidgetResizable(True)
        self.info_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.info_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.info_scroll.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        QScroller.grabGesture(
            self.info_scroll.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture
        )
        self.action_area = QFrame()
        actions = QVBoxLayout(self.action_area)
        actions.setContentsMargins(0, 0, 0, 0)
        actions.addWidget(self.next_button, 0, Qt.AlignmentFlag.AlignHCenter)
        actions.addWidget(self.confirm_button, 0, Qt.AlignmentFlag.AlignHCenter)

        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(32, 16, 32, 16)
        self._grid.setHorizontalSpacing(32)
        self._grid.setVerticalSpacing(16)
        self._landscape: bool | None = None
        self._arrange(landscape=True)

        self.number_entry.text_changed.connect(self._on_number_changed)
        self.initials_entry.text_changed.connect(self._on_initials_changed)
        self.next_button.clicked.connect(self._go_to_initials)
        self.confirm_button.clicked.connect(self._identify_typed)

        self._show_step(self.NUMBER_STEP)
        self.retranslate()

    # ---- what the main window calls -------------------------------------------------

    def step(self) -> int:
        return self.entries.currentIndex()

    @classmethod
    def make(cls, parts: ScreenParts) -> Self:
        screen = cls(parts.identifier, today=parts.context.today)
        screen.identified.connect(parts.host.begin_session)
        return screen

    def screen_title(self) -> str:
        return self.tr("Who are you?")

    def spoken_text(self) -> str:
        parts = [self.prompt_label.text(), self.help_label.text()]
        if self.step() == self.INITIALS_STEP:
            parts.append(self.example_label.text())
        parts += [
            label.text()
            for label in (self.outcome_label, self.problem_label, self.complete_label)
            if not label.isHidden()
        ]
        return " ".join(part for part in parts if part)

    def go_back(self) -> bool:
        """Step 2 goes back to step 1 (keeping the number); True if that happened."""
        if self.step() == self.INITIALS_STEP:
            self.initials_entry.clear()
            self._show_step(self.NUMBER_STEP)
            return True
        return False

    def clear(self) -> None:
        """Forget everything typed and every message: back to an empty step 1."""
        self.number_entry.clear()
        self.initials_entry.clear()
        self._problem = None
        self._outcome = None
        self._throttle_timer.stop()
        self._throttle_total_s = 0.0
        self.number_label.clear()
        for label in (self.problem_label, self.outcome_label, self.complete_label):
            label.clear()
            label.hide()
        self._show_step(self.NUMBER_STEP)

    def identify_with_card(self, card: CardRead) -> None:
        """Identify with a card from the reader: the card replaces both typed factors."""
        self.number_entry.clear()
        self.initials_entry.clear()
        self._show_step(self.NUMBER_STEP)
        self._finish(self._identifier.identify(card.id_number, card.initials()))

    # ---- step 1: the number ---------------------------------------------------------

    @Slot(str)
    def _on_number_changed(self, typed: str) -> None:
        if typed and self._outcome is Outcome.NO_MATCH:
            self._set_outcome(None)
        self._problem = (
            partial_problem(typed, today=self._today(), addresses=self._identifier.addresses)
            if typed
            else None
        )
        self._refresh_number_state()

    def _typed_number(self) -> IdNumber:
        """The number on the pad, checked against this terminal's address codes."""
        return parse_id_number(
            self.number_entry.text(), today=self._today(), addresses=self._identifier.addresses
        )

    def _refresh_number_state(self) -> None:
        typed = self.number_entry.text()
        complete = len(typed) == ID_LENGTH and self._problem is None
        if self._problem is not None:
            self.problem_label.setText(self._reason(self._problem))
        self.problem_label.setVisible(self._problem is not None)
        self.complete_label.setVisible(complete)
        self.next_button.setEnabled(complete)

    def _reason(self, problem: IdNumberError) -> str:
        return reason_text(problem.reason)

    @Slot()
    def _go_to_initials(self) -> None:
        try:
            number = self._typed_number()
        except IdNumberError as problem:
            self._problem = problem
            self._refresh_number_state()
            return
        self.number_label.setText(self.tr("ID number: %1").replace("%1", number.masked))
        self._show_step(self.INITIALS_STEP)

    # ---- step 2: the initials -------------------------------------------------------

    @Slot(str)
    def _on_initials_changed(self, typed: str) -> None:
        self.confirm_button.setEnabled(bool(typed))

    @Slot()
    def _identify_typed(self) -> None:
        initials = self.initials_entry.text()
        try:
            number = self._typed_number()
        except IdNumberError as problem:  # the number changed under us: check it again
            self._problem = problem
            self._show_step(self.NUMBER_STEP)
            self._refresh_number_state()
            return
        # Wiped before the answer is acted on, whatever it is.
        self.number_entry.clear()
        self.initials_entry.clear()
        self.number_label.clear()
        self._finish(self._identifier.identify(number, initials))

    # ---- the answer -----------------------------------------------------------------

    def _finish(self, result: IdentifyResult) -> None:
        _log.info("Identification finished: %s", result.outcome.value)
        self._show_step(self.NUMBER_STEP)
        if result.outcome is Outcome.IDENTIFIED:
            assert result.household_id is not None and result.member_id is not None
            self._set_outcome(None)
            self.identified.emit(result.household_id, result.member_id)
        elif result.outcome is Outcome.THROTTLED:
            self._throttle_total_s = result.retry_after_s
            self._throttle_clock.start()
            self._throttle_timer.start()
            self._set_outcome(Outcome.THROTTLED)
        else:
            self._set_outcome(Outcome.NO_MATCH)

    def throttle_seconds_left(self) -> int:
        if not self._throttle_timer.isActive():
            return 0
        elapsed = self._throttle_clock.elapsed() / 1000
        return max(0, math.ceil(self._throttle_total_s - elapsed))

    def _set_outcome(self, outcome: Outcome | None) -> None:
        self._outcome = outcome
        if outcome is not Outcome.THROTTLED:
            self._throttle_timer.stop()
        if outcome is Outcome.NO_MATCH:
            self.outcome_label.setText(
                self.tr(
                    "The number or the name initials are not right. Please check them and try"
                    " again, or ask a member of staff for help."
                )
            )
        elif outcome is Outcome.THROTTLED:
            self._show_throttle()
            return
        else:
            self.outcome_label.clear()
        self.outcome_label.setVisible(outcome is not None)

    @Slot()
    def _show_throttle(self) -> None:
        left = self.throttle_seconds_left()
        if left <= 0:
            self._set_outcome(None)
            return
        minutes = max(1, math.ceil(left / 60))
        message = self.tr(
            "Too many tries. Please try again in %1 min, or ask a member of staff for help."
        ).replace("%1", str(minutes))
        clock = f"{left // 60}:{left % 60:02d}"
        waiting = self.tr("Time left: %1").replace("%1", clock)
        self.outcome_label.setText(f"{message}\n{waiting}")
        self.outcome_label.setVisible(True)

    # ---- layout and language --------------------------------------------------------

    def _show_step(self, step: int) -> None:
        # The stack takes the size of the pad on show, not of the larger letter pad, so the
        # words beside the number pad get the width the number pad leaves.
        self.entries.show_step((self.number_entry, self.initials_entry)[step])
        number_step = step == self.NUMBER_STEP
        self.next_button.setVisible(number_step)
        self.confirm_button.setVisible(not number_step)
        self.example_label.setVisible(not number_step)
        self.number_label.setVisible(not number_step)
        if number_step:
            self._refresh_number_state()
        else:
            self.problem_label.hide()
            self.complete_label.hide()
            self.confirm_button.setEnabled(bool(self.initials_entry.text()))
        self.retranslate()

    def retranslate(self) -> None:
        """Set every visible text in the current UI language."""
        if self.step() == self.NUMBER_STEP:
            self.step_label.setText(self.tr("Step 1 of 2"))
            self.prompt_label.setText(self.tr("Type the number of your ID card"))
            self.help_label.setText(
                self.tr("It has 18 characters; the last one may be X. Touch the keys to type.")
            )
        else:
            self.step_label.setText(self.tr("Step 2 of 2"))
            self.prompt_label.setText(self.tr("Type the initials of your name"))
            self.help_label.setText(
                self.tr("The initials are the first letter of the pinyin of each character.")
            )
        self.example_label.setText(
            self.tr("For example: %1 (Wáng Jiàn Guó) → %2")
            .replace("%1", EXAMPLE_NAME)
            .replace("%2", EXAMPLE_INITIALS)
        )
        self.complete_label.setText(self.tr('The number is complete. Touch "Next".'))
        self.next_button.setText(self.tr("Next"))
        self.next_button.setAccessibleName(self.tr("Next: type the initials of your name"))
        self.confirm_button.setText(self.tr("Confirm"))
        self.confirm_button.setAccessibleName(self.tr("Confirm and identify me"))
        self.number_entry.set_placeholder(self.tr("18 characters"))
        self.number_entry.set_display_name(self.tr("ID number typed so far"))
        self.initials_entry.set_placeholder(self.tr("Initials"))
        self.initials_entry.set_display_name(self.tr("Initials typed so far"))
        if self._problem is not None:
            self.problem_label.setText(self._reason(self._problem))
        if self._outcome is not None:
            self._set_outcome(self._outcome)

    def _arrange(self, *, landscape: bool) -> None:
        if landscape == self._landscape:
            return
        self._landscape = landscape
        for widget in (self.info_scroll, self.entries, self.action_area):
            self._grid.removeWidget(widget)
        # Portrait: the words get a share of the height that does not depend on them, so a
        # notice that appears ("number complete") never pushes the pad and Next down; they
        # scroll if they need more. Landscape: they stand beside the pad, which they cannot
        # push.
        policy = QSizePolicy.Policy
        self.info_scroll.setSizePolicy(
            policy.Preferred, policy.Preferred if landscape else policy.Ignored
        )
        if landscape:
            self._grid.addWidget(self.info_scroll, 0, 0)
            self._grid.addWidget(self.action_area, 1, 0)
            self._grid.addWidget(self.entries, 0, 1, 2, 1, Qt.AlignmentFlag.AlignVCenter)
            self._grid.setColumnStretch(0, 1)
            self._grid.setColumnStretch(1, 0)
            self._grid.setRowStretch(0, 1)
            self._grid.setRowStretch(1, 0)
            self._grid.setRowStretch(2, 0)
            self._grid.setRowStretch(3, 0)
        else:
            self._grid.addWidget(self.info_scroll, 0, 0)
            self._grid.addWidget(self.entries, 1, 0, Qt.AlignmentFlag.AlignHCenter)
            self._grid.addWidget(self.action_area, 2, 0)
            self._grid.setColumnStretch(0, 1)
            self._grid.setColumnStretch(1, 0)
            # Most of the free height to the words, the rest below the button.
            self._grid.setRowStretch(0, 3)
            self._grid.setRowStretch(1, 0)
            self._grid.setRowStretch(2, 0)
            self._grid.setRowStretch(3, 1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        size = event.size()
        self._arrange(landscape=size.width() >= size.height())
        super().resizeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
