"""Step 5 of a complaint: "Filed", with the tracking number and the secret in large digits.

The complaint is already committed to this terminal's store when this step shows; the
outbox sends it when it can, so the words say "saved here, sent automatically" whether the
network is up or not. Where the terminal has a printer, "Print receipt" opens the receipt's
preview; writing the two numbers down stays, and is all there is on a terminal without one.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QBoxLayout, QFrame, QSizePolicy, QVBoxLayout, QWidget

from kiosk.domain.tracking import grouped
from kiosk.views.screens.common import GAP, button, fill, label
from kiosk.views.screens.complaint.parts import page


class ResultStep(QWidget):
    """What the resident takes away: two numbers, where the complaint goes, what next.

    Signals:
        done(): the resident touched "Finished".
        print_requested(): the resident touched "Print receipt".
    """

    done = Signal()
    print_requested = Signal()

    def __init__(self, parent: QWidget | None = None, *, can_print: bool = False) -> None:
        super().__init__(parent)
        self._can_print = can_print
        #: The receipt was tried and not printed: the numbers must be written down.
        self._print_failed = False
        self._tracking_number = ""
        self._secret = ""
        self._office_name = ""
        self.page, layout = page("result-step")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.page)

        self.title = label("title")
        self.title.setObjectName("filed-title")
        # Body size: with the numbers and the instruction above, it must fit a low screen.
        self.saved = label("value")
        self.saved.setObjectName("filed-saved")
        self.tracking_title = label("question")
        self.tracking_value = label("score", wrap=False)
        self.tracking_value.setObjectName("tracking-number")
        self.secret_title = label("question")
        self.secret_value = label("score", wrap=False)
        self.secret_value.setObjectName("secret")
        self.numbers = QFrame()
        self.numbers.setProperty("role", "card")
        # Side by side where there is width for both, one above the other on a tall screen.
        self._numbers = QBoxLayout(QBoxLayout.Direction.LeftToRight, self.numbers)
        self._numbers.setContentsMargins(GAP, GAP // 3, GAP, GAP // 3)
        self._numbers.setSpacing(4 * GAP)
        for title, value in (
            (self.tracking_title, self.tracking_value),
            (self.secret_title, self.secret_value),
        ):
            column = QVBoxLayout()
            column.setSpacing(0)
            column.addWidget(title)
            column.addWidget(value)
            self._numbers.addLayout(column)
        self._numbers.addStretch(1)
        self.write_down = label("question")
        self.write_down.setObjectName("write-down")
        self.print_button = button("print-receipt", "primary", big=True, wide=True)
        self.print_button.setVisible(can_print)
        # With a printer, printing is the main answer; "Finished" is the other one.
        self.done_button = button("filed-done", None if can_print else "primary", big=True,
                                  wide=True)  # fmt: skip
        self.answers = QWidget()
        self._answers = QBoxLayout(QBoxLayout.Direction.LeftToRight, self.answers)
        self._answers.setContentsMargins(0, 0, 0, 0)
        self._answers.setSpacing(GAP)
        self._answers.addWidget(self.print_button)
        self._answers.addWidget(self.done_button)
        layout.setSpacing(GAP // 3)
        layout.addWidget(self.title)
        layout.addWidget(self.write_down)
        # The numbers never give up height to the words around them.
        self.numbers.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        layout.addWidget(self.numbers)
        layout.addWidget(self.saved)
        layout.addStretch(1)
        layout.addWidget(self.answers)
        self.done_button.clicked.connect(self.done)
        self.print_button.clicked.connect(self.print_requested)
        self.retranslate()

    def show_filed(self, tracking_number: str, secret: str, office_name: str) -> None:
        self._tracking_number = tracking_number
        self._secret = secret
        self._office_name = office_name
        self.retranslate()

    def set_print_failed(self, failed: bool) -> None:
        """Whether the receipt could not be printed (then writing down is asked for)."""
        self._print_failed = failed
        self.retranslate()

    def clear(self) -> None:
        self._print_failed = False
        self._tracking_number = ""
        self._secret = ""
        self._office_name = ""
        for widget in (self.tracking_value, self.secret_value, self.saved):
            widget.clear()
        self.tracking_value.setAccessibleName("")
        self.secret_value.setAccessibleName("")

    def set_direction(self, landscape: bool) -> None:
        direction = (
            QBoxLayout.Direction.LeftToRight if landscape else QBoxLayout.Direction.TopToBottom
        )
        if self._numbers.direction() != direction:
            self._numbers.setDirection(direction)
        if self._answers.direction() != direction:
            self._answers.setDirection(direction)

    def retranslate(self) -> None:
        self.title.setText(self.tr("✓ Your complaint is filed"))
        self.saved.setText(
            fill(
                self.tr(
                    "Saved on this terminal: it goes to %1 automatically, even if the network is"
                    " down now. Keep the numbers to yourself; with them you can check your"
                    " complaint at any terminal."
                ),
                self._office_name,
            )
            if self._office_name
            else ""
        )
        self.tracking_title.setText(self.tr("Tracking number"))
        self.secret_title.setText(self.tr("Secret code"))
        self.tracking_value.setText(grouped(self._tracking_number))
        self.secret_value.setText(self._secret)
        self.tracking_value.setAccessibleName(" ".join(self._tracking_number))
        self.secret_value.setAccessibleName(" ".join(self._secret))
        if self._can_print and self._print_failed:
            self.write_down.setText(
                self.tr("The receipt was not printed: write both numbers down now.")
            )
            self.print_button.setText(self.tr("Print receipt"))
            self.done_button.setText(self.tr("I have written them down"))
        elif self._can_print:
            self.write_down.setText(
                self.tr("Print a receipt with both numbers, or write them down now.")
            )
            self.print_button.setText(self.tr("Print receipt"))
            self.done_button.setText(self.tr("Finished"))
        else:
            self.write_down.setText(
                self.tr("Write both numbers down now: this terminal cannot print a receipt yet.")
            )
            self.done_button.setText(self.tr("I have written them down"))
        self.done_button.setAccessibleName(self.tr("Finished: leave this page"))

    def spoken_text(self) -> str:
        return " ".join(
            (
                self.title.text(),
                self.saved.text(),
                self.tracking_title.text(),
                self.tracking_value.accessibleName(),
                self.secret_title.text(),
                self.secret_value.accessibleName(),
                self.write_down.text(),
            )
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
