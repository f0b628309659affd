"""The first screen: what this terminal is for, and one very large button to begin."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QDate, QDateTime, QEvent, QLocale, QSize, Qt, QTime, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.clock import SHANGHAI, shanghai_now

Clock = Callable[[], datetime]

_MARGIN = 48
_GAP = 32


class _WrappedLabel(QLabel):
    """A word-wrapped label that asks for the height its words need at its real width.

    Side by side with the Start target, the words' column is laid out by a horizontal
    layout, which does not pass on a wrapped label's height for its width; without this
    the last lines of large text would be cut off on a low screen. No signals.
    """

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        needed = self.heightForWidth(event.size().width())
        if needed != self.minimumHeight():
            self.setMinimumHeight(needed)


class AttractScreen(QWidget):
    """Shown while nobody is using the kiosk. It holds no personal data, ever.

    It names the service, says in one line what a resident can do here, and offers one
    huge Start target. A language button switches between Chinese and English; a quiet
    staff corner is reserved for maintenance. The policy notices, which are the same for
    everybody, can be read from here without identifying.

    Signals:
        start_requested(): a resident touched Start.
        bulletins_requested(): a resident touched "Policy notices".
        check_complaint_requested(): a resident touched "Check my complaint".
        language_toggle_requested(): a resident touched the language button.
        staff_requested(): someone touched the staff corner.
    """

    start_requested = Signal()
    bulletins_requested = Signal()
    check_complaint_requested = Signal()
    language_toggle_requested = Signal()
    staff_requested = Signal()

    def __init__(
        self,
        *,
        office_name: str | None = None,
        clock: Clock = shanghai_now,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setProperty("role", "screen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._office_name = office_name
        self._clock = clock

        self.office_label = QLabel()
        self.office_label.setObjectName("office")
        self.office_label.setWordWrap(True)  # a long office name must not widen the window
        self.clock_label = QLabel()
        self.clock_label.setObjectName("clock")
        self.clock_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.title_label = _WrappedLabel()
        self.title_label.setObjectName("title")
        self.title_label.setProperty("role", "title")
        self.lead_label = _WrappedLabel()
        self.lead_label.setObjectName("lead")
        self.lead_label.setProperty("role", "lead")
        self.start_button = QPushButton()
        self.start_button.setObjectName("start")
        self.start_button.setProperty("role", "primary")
        self.start_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.hint_label = QLabel()
        self.hint_label.setObjectName("start-hint")
        self.hint_label.setProperty("role", "hint")
        for label in (self.title_label, self.lead_label, self.hint_label):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setWordWrap(True)
        # The hint wraps under the Start target instead of widening its column.
        self.hint_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

        self.language_button = QPushButton()
        self.language_button.setObjectName("language")
        self.bulletins_button = QPushButton()
        self.bulletins_button.setObjectName("attract-bulletins")
        self.check_complaint_button = QPushButton()
        self.check_complaint_button.setObjectName("attract-check-complaint")
        self.staff_button = QPushButton()
        self.staff_button.setObjectName("staff")
        self.staff_button.setProperty("role", "quiet")
        for button in (
            self.start_button,
            self.language_button,
            self.bulletins_button,
            self.check_complaint_button,
            self.staff_button,
        ):
            # No keyboard here; a focus ring would linger on the button last touched.
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # The two things anyone may do without identifying stand between the language and
        # the staff corner; where the four do not fit in one row (portrait, large text),
        # those two get a row of their own above.
        self._public_row = QHBoxLayout()
        self._public_row.setSpacing(24)
        self._public_row.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self._footer_row = QHBoxLayout()
        self._footer_row.setSpacing(24)
        footer = QVBoxLayout()
        footer.setContentsMargins(32, 0, 32, 24)
        footer.setSpacing(24)
        footer.addLayout(self._public_row)
        footer.addLayout(self._footer_row)
        self._footer_row.addWidget(self.language_button)
        self._footer_row.addStretch(1)
        self._footer_row.addWidget(self.bulletins_button)
        self._footer_row.addWidget(self.check_complaint_button)
        self._footer_row.addStretch(1)
        self._footer_row.addWidget(self.staff_button)

        # Two columns, the words and the Start target, one above the other when they fit;
        # side by side on a low screen (1366x768 with large text), so nothing is clipped.
        words = QVBoxLayout()
        words.setSpacing(0)
        words.addStretch(1)
        words.addWidget(self.title_label)
        # Layout spacing stands in for line spacing, which a style sheet cannot set.
        words.addSpacing(_GAP)
        words.addWidget(self.lead_label)
        words.addStretch(1)
        action = QVBoxLayout()
        action.setSpacing(0)
        action.addStretch(1)
        action.addWidget(self.start_button, 0, Qt.AlignmentFlag.AlignHCenter)
        action.addSpacing(_GAP // 2)
        action.addWidget(self.hint_label)
        action.addStretch(1)
        self._body = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self._body.setContentsMargins(_MARGIN, _GAP // 2, _MARGIN, _GAP // 2)
        self._body.setSpacing(_GAP)
        self._body.addLayout(words, 2)
        self._body.addLayout(action, 3)

        self._header = QFrame()
        self._header.setProperty("role", "header")
        header_row = QHBoxLayout(self._header)
        header_row.setContentsMargins(32, 16, 32, 16)
        header_row.addWidget(self.office_label, 1)
        header_row.addWidget(self.clock_label)

        page = QVBoxLayout(self)
        page.setContentsMargins(0, 0, 0, 0)
        page.setSpacing(0)
        page.addWidget(self._header)
        page.addLayout(self._body, 1)
        page.addLayout(footer)

        self.start_button.clicked.connect(self.start_requested)
        self.language_button.clicked.connect(self.language_toggle_requested)
        self.bulletins_button.clicked.connect(self.bulletins_requested)
        self.check_complaint_button.clicked.connect(self.check_complaint_requested)
        self.staff_button.clicked.connect(self.staff_requested)

        self._clock_timer = QTimer(self)
        self._clock_timer.setInterval(1000)
        self._clock_timer.timeout.connect(self.update_clock)
        self._clock_timer.start()

        self.retranslate()

    def retranslate(self) -> None:
        """Set every visible text in the current UI language."""
        self.title_label.setText(self.tr("Resident self-service kiosk"))
        self.lead_label.setText(
            self.tr(
                "See your household's file, every payment made to you and the official who"
                " helps you. Print a record. Report a problem."
            )
        )
        self.start_button.setText(self.tr("Start"))
        self.start_button.setAccessibleName(self.tr("Start"))
        self.start_button.setAccessibleDescription(self.tr("Begin using the kiosk"))
        self.hint_label.setText(self.tr("Touch the big button with your finger to begin"))
        # The button names the *other* language in that language, so a resident who cannot
        # read the current one still recognises it: the source text (English UI) is 中文,
        # and the Chinese translation is "English".
        self.language_button.setText(self.tr("中文", "name of the other UI language"))
        self.language_button.setAccessibleName(self.tr("Switch language"))
        self.bulletins_button.setText(self.tr("Policy notices"))
        self.bulletins_button.setAccessibleName(self.tr("Read the policy notices"))
        self.bulletins_button.setAccessibleDescription(self.tr("No identification needed"))
        self.check_complaint_button.setText(self.tr("Check my complaint"))
        self.check_complaint_button.setAccessibleName(
            self.tr("Check a complaint with its tracking number and secret code")
        )
        self.check_complaint_button.setAccessibleDescription(self.tr("No identification needed"))
        self.staff_button.setText(self.tr("Staff"))
        self.staff_button.setAccessibleName(self.tr("Staff maintenance"))
        self.office_label.setText(self._office_name or self.tr("Street office service hall"))
        self.update_clock()

    def set_office_name(self, office_name: str | None) -> None:
        """Name the street office (None: a general name), e.g. once the store is open."""
        self._office_name = office_name
        self.office_label.setText(self._office_name or self.tr("Street office service hall"))

    def update_clock(self) -> None:
        """Show the date and time in Asia/Shanghai, formatted for the UI language."""
        now = self._clock().astimezone(SHANGHAI)
        # Qt formats month and weekday names for the locale; the pattern itself is
        # translated because Chinese writes the year first.
        stamp = QDateTime(
            QDate(now.year, now.month, now.day), QTime(now.hour, now.minute, now.second)
        )
        text = QLocale().toString(stamp, self.tr("dddd d MMMM yyyy   HH:mm"))
        if text != self.clock_label.text():
            self.clock_label.setText(text)

    def is_side_by_side(self) -> bool:
        """Whether the words and the Start target are side by side (for lack of height)."""
        return self._body.direction() == QBoxLayout.Direction.LeftToRight

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._arrange_for(event.size())
        super().resizeEvent(event)

    def event(self, event: QEvent) -> bool:
        # Texts of another language or fonts of another theme change the size hints, and
        # the layout asks to be redone: check first that the arrangement still fits.
        if event.type() == QEvent.Type.LayoutRequest:
            self._arrange_for(self.size())
        return super().event(event)

    def has_public_row(self) -> bool:
        """Whether the policy notices and "check my complaint" have a row of their own."""
        return self._public_row.indexOf(self.bulletins_button) >= 0

    def _arrange_footer(self, width: int) -> None:
        buttons = (
            self.language_button,
            self.bulletins_button,
            self.check_complaint_button,
            self.staff_button,
        )
        one_row = sum(b.sizeHint().width() for b in buttons) + 24 * (len(buttons) - 1)
        apart = one_row > width - 2 * 32
        if apart == self.has_public_row():
            return
        for button in (self.bulletins_button, self.check_complaint_button):
            (self._footer_row if apart else self._public_row).removeWidget(button)
        if apart:
            self._public_row.addWidget(self.bulletins_button)
            self._public_row.addWidget(self.check_complaint_button)
        else:
            self._footer_row.insertWidget(2, self.bulletins_button)
            self._footer_row.insertWidget(3, self.check_complaint_button)

    def _arrange_for(self, size: QSize) -> None:
        self._arrange_footer(size.width())
        # Decided from the screen's size alone, so the choice cannot flip back and forth.
        width = size.width() - 2 * _MARGIN
        stacked_height = (
            self._header.sizeHint().height()
            + self.title_label.heightForWidth(width)
            + self.lead_label.heightForWidth(width)
            + self.start_button.sizeHint().height()
            + self.hint_label.heightForWidth(width)
            + self.staff_button.sizeHint().height() * (2 if self.has_public_row() else 1)
            + 5 * _GAP
        )
        direction = (
            QBoxLayout.Direction.TopToBottom
            if stacked_height <= size.height()
            else QBoxLayout.Direction.LeftToRight
        )
        if direction != self._body.direction():
            self._body.setDirection(direction)
            # Stacked, the Start target gets the larger share of the height; side by side,
            # the words get the larger share of the width.
            stacked = direction == QBoxLayout.Direction.TopToBottom
            self._body.setStretch(0, 2 if stacked else 1)
            self._body.setStretch(1, 3 if stacked else 0)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
