"""Step 3 of a complaint: with one's name or anonymous, then (named) an optional phone number.

What is shared with whom is said in plain words before the resident chooses. The phone
number has a page of its own, beside a digit pad that only allows what a mainland mobile
number can be: one question at a time, and room for the pad on a low screen.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QSize, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.views.screens.complaint.pad_step import PadStep
from kiosk.views.screens.complaint.pads import PHONE_LENGTH, phone_entry
from kiosk.views.screens.complaint.parts import GAP, ProblemLine, button, page, set_enabled
from kiosk.views.screens.complaint.words import in_language
from kiosk.views.screens.household import fill, label


class IdentityStep(QWidget):
    """Anonymous or named; named, a phone number may be left for a call back.

    Signals:
        chosen(bool, str): the resident is done here: anonymous?, and the phone typed (""
            for none). The owner checks them and moves on or calls :meth:`refuse`.
    """

    chosen = Signal(bool, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._anonymous: bool | None = None

        self.choice_page, choice = page("identity-choice")
        self.question = label("title")
        self.anonymous_button = self._choice("choose-anonymous")
        self.named_button = self._choice("choose-named")
        self._choices = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._choices.setSpacing(GAP)
        self._choices.addWidget(self.anonymous_button, 1)
        self._choices.addWidget(self.named_button, 1)
        self.consent = label("lead")
        self.consent.setObjectName("consent")
        self.problem = ProblemLine("identity-problem")
        self.continue_button = button("identity-continue", "primary", big=False)
        choice.addWidget(self.question)
        choice.addLayout(self._choices)
        choice.addWidget(self.consent)
        choice.addWidget(self.problem.label)
        choice.addStretch(1)
        choice.addWidget(self.continue_button)

        # Words beside the pad on a wide screen, above it on a tall one.
        self.phone_page = PadStep("identity-phone", phone_entry(), "phone-continue")
        self.phone = self.phone_page.entry
        self.phone.setObjectName("contact-phone")
        self.phone_question = self.phone_page.question
        self.phone_hint = self.phone_page.hint
        self.phone_hint.setObjectName("phone-hint")
        self.phone_problem = self.phone_page.problem
        self.phone_continue_button = self.phone_page.action_button

        self.pages = QStackedWidget()
        self.pages.addWidget(self.choice_page)
        self.pages.addWidget(self.phone_page)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.pages)

        self.anonymous_button.clicked.connect(lambda: self.choose(anonymous=True))
        self.named_button.clicked.connect(lambda: self.choose(anonymous=False))
        self.continue_button.clicked.connect(self._on_continue)
        self.phone_continue_button.clicked.connect(self._on_phone_continue)
        self.phone.text_changed.connect(self._on_phone_typed)
        self._show_page(self.choice_page)
        self._refresh()

    @staticmethod
    def _choice(name: str) -> QPushButton:
        made = button(name, "setting", big=False)
        made.setCheckable(True)
        return made

    # ---- what the owner calls ---------------------------------------------------------

    def start(self, *, anonymous: bool | None, phone: str, at_phone: bool = False) -> None:
        """Show the choice as it stands (None: not chosen yet); with ``at_phone`` (and a
        name given), the phone number page instead, as when coming back from the review."""
        self._anonymous = anonymous
        self.phone.set_text(phone)
        self.problem.hide()
        self.phone_problem.hide()
        self._show_page(self.phone_page if at_phone and anonymous is False else self.choice_page)
        self._refresh()

    def choose(self, *, anonymous: bool) -> None:
        self._anonymous = anonymous
        if anonymous:
            # Anonymous means no phone: nothing typed is kept behind the hidden pad.
            self.phone.clear()
        self.problem.hide()
        self._refresh()

    def anonymous(self) -> bool | None:
        return self._anonymous

    def on_phone_page(self) -> bool:
        return self.pages.currentWidget() is self.phone_page

    def go_back(self) -> bool:
        """From the phone number back to the choice; False if already there."""
        if self.on_phone_page():
            self.phone_problem.hide()
            self._show_page(self.choice_page)
            return True
        return False

    def refuse(self, reason_zh: str, reason_en: str) -> None:
        target = self.phone_problem if self.on_phone_page() else self.problem
        target.show(in_language(reason_zh, reason_en))

    def clear(self) -> None:
        self._anonymous = None
        self.phone.clear()
        self.problem.hide()
        self.phone_problem.hide()
        self._show_page(self.choice_page)
        self._refresh()

    def retranslate(self) -> None:
        anonymous, named = self._anonymous is True, self._anonymous is False
        self.question.setText(self.tr("Will you give your name?"))
        self.anonymous_button.setText(("✓ " if anonymous else "") + self.tr("No, anonymous"))
        self.anonymous_button.setAccessibleName(self.tr("Stay anonymous"))
        self.named_button.setText(("✓ " if named else "") + self.tr("Yes, with my name"))
        self.named_button.setAccessibleName(self.tr("Give my name"))
        self.consent.setText(self._consent_text())
        self.continue_button.setText(self.tr("Continue"))
        self.continue_button.setAccessibleName(self.tr("Continue to the next step"))
        self.phone_question.setText(self.tr("Leave a mobile number for a call back?"))
        self.phone_hint.setText(self._phone_hint())
        self.phone.set_placeholder(self.tr("No number"))
        self.phone.set_display_name(self.tr("Your mobile phone number"))
        self.phone_continue_button.setText(self.tr("Continue"))
        self.phone_continue_button.setAccessibleName(self.tr("Continue to check what will be sent"))
        self.problem.retranslate()
        self.phone_problem.retranslate()

    def spoken_text(self) -> str:
        if self.on_phone_page():
            return f"{self.phone_question.text()} {self.phone_hint.text()}"
        return f"{self.question.text()} {self.consent.text()}"

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._arrange_for(event.size())
        super().resizeEvent(event)

    # ---- inside -----------------------------------------------------------------------

    def _consent_text(self) -> str:
        if self._anonymous is None:
            return self.tr(
                "Either way the complaint goes only to the discipline inspectors, never to"
                " the people it is about."
            )
        if self._anonymous:
            return self.tr(
                "Anonymous: the inspectors are not told your name or phone number and cannot"
                " call you. They see which household file it comes from, so that it never"
                " goes to the officials responsible for you."
            )
        return self.tr(
            "With your name: only the discipline inspectors who handle the complaint see your"
            " name and household, and may call you on a number you leave next."
        )

    def _phone_hint(self) -> str:
        typed = len(self.phone.text())
        if typed == 0:
            return self.tr(
                "This is not needed. A mobile number has 11 digits and starts with 1."
                " Only the inspectors will see it."
            )
        if typed < PHONE_LENGTH:
            return fill(self.tr("%1 more digits to type."), PHONE_LENGTH - typed)
        return self.tr("✓ 11 digits. Touch Continue.")

    def _on_phone_typed(self, _text: str) -> None:
        self.phone_problem.hide()
        self.retranslate()

    def _on_continue(self) -> None:
        if self._anonymous is None:
            return
        if self._anonymous:
            self.chosen.emit(True, "")
            return
        self.phone_problem.hide()
        self._show_page(self.phone_page)
        self.retranslate()

    def _on_phone_continue(self) -> None:
        typed = self.phone.text()
        if 0 < len(typed) < PHONE_LENGTH:
            missing = PHONE_LENGTH - len(typed)
            self.phone_problem.show(self._too_short(missing))
            return
        self.chosen.emit(False, typed)

    def _too_short(self, missing: int) -> Callable[[], str]:
        return lambda: fill(
            self.tr(
                "%1 digits are missing: a mobile number has 11. Type them, or touch Clear"
                " to leave no number."
            ),
            missing,
        )

    def _refresh(self) -> None:
        for made, on in (
            (self.anonymous_button, self._anonymous is True),
            (self.named_button, self._anonymous is False),
        ):
            if made.isChecked() != on:
                made.setChecked(on)
        set_enabled(self.continue_button, self._anonymous is not None)
        self.retranslate()

    def _show_page(self, shown: QWidget) -> None:
        # Only the page shown sets the size: the pad must not make the choice page taller.
        for each in (self.choice_page, self.phone_page):
            policy = QSizePolicy.Policy.Preferred if each is shown else QSizePolicy.Policy.Ignored
            each.setSizePolicy(policy, policy)
        self.pages.setCurrentWidget(shown)
        self.pages.updateGeometry()

    def _arrange_for(self, size: QSize) -> None:
        landscape = size.width() > size.height()
        direction = (
            QBoxLayout.Direction.LeftToRight if landscape else QBoxLayout.Direction.TopToBottom
        )
        self.phone_page.arrange(landscape=landscape)
        self._choices.setDirection(direction)
