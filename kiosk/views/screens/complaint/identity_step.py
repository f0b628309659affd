"""Step 3 of a complaint: how much the inspectors are told of who files it, then (named) an
optional phone number.

Three levels (``kiosk.domain.disclosure``): with one's name; anonymous, about one's own
household; or an anonymous report of something seen in the village, which carries no
household at all. What each shares with whom is said in plain words before the resident
goes on. The phone number has a page of its own, beside a digit pad that only allows what
a mainland mobile number can be: one question at a time, and room for the pad on a low
screen.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QSize, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.models.complaints import Disclosure
from kiosk.domain.problems import Reason
from kiosk.views.problems import worded
from kiosk.views.screens.common import GAP, ScrollPage, button, fill, label
from kiosk.views.screens.complaint.choice_button import ChoiceButton
from kiosk.views.screens.complaint.pad_step import PadStep
from kiosk.views.screens.complaint.pads import PHONE_LENGTH, phone_entry
from kiosk.views.screens.complaint.parts import ProblemLine, page, set_enabled
from kiosk.views.screens.complaint.words import disclosure_words
from kiosk.views.widgets.step_stack import StepStack

# Width from which the three answers stand side by side.
SIDE_BY_SIDE_WIDTH = 1600


class IdentityStep(QWidget):
    """Named, anonymous about one's household, or a village report; named, a phone number
    may be left for a call back.

    Signals:
        chosen(str, str): the resident is done here: the ``Disclosure`` value chosen, and
            the phone typed ("" for none). The owner checks them and moves on or calls
            :meth:`refuse`.
    """

    chosen = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._disclosure: Disclosure | None = None
        self._named_possible = True

        self.choice_page, choice = page("identity-choice")
        self.question = label("title")
        self.named_button = self._choice("choose-named")
        self.anonymous_button = self._choice("choose-anonymous")
        self.village_button = self._choice("choose-village-report")
        self.buttons = {
            Disclosure.NAMED: self.named_button,
            Disclosure.ANONYMOUS: self.anonymous_button,
            Disclosure.VILLAGE_REPORT: self.village_button,
        }
        self._choices = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._choices.setSpacing(GAP)
        for made in self.buttons.values():
            self._choices.addWidget(made, 1)
        self.consent = label("lead")
        self.consent.setObjectName("consent")
        self.problem = ProblemLine("identity-problem")
        self.continue_button = button("identity-continue", "primary", wide=True)
        # The three answers and what each shares scroll where a low screen cannot hold them;
        # Continue stays in view.
        content = QWidget()
        content.setProperty("role", "page")
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(GAP)
        column.addWidget(self.question)
        column.addLayout(self._choices)
        column.addWidget(self.consent)
        column.addStretch(1)
        self.scroll_page = ScrollPage()
        self.scroll_page.set_content(content)
        choice.addWidget(self.scroll_page, 1)
        choice.addWidget(self.problem.label)
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

        self.pages = StepStack((self.choice_page, self.phone_page))
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.pages)

        for level, made in self.buttons.items():
            made.clicked.connect(self._chooser(level))
        self.continue_button.clicked.connect(self._on_continue)
        self.phone_continue_button.clicked.connect(self._on_phone_continue)
        self.phone.text_changed.connect(self._on_phone_typed)
        self._show_page(self.choice_page)
        self._refresh()

    @staticmethod
    def _choice(name: str) -> ChoiceButton:
        made = ChoiceButton(name)
        made.setProperty("role", "setting")
        made.setCheckable(True)
        return made

    def _chooser(self, level: Disclosure) -> Callable[[], None]:
        return lambda: self.choose(level)

    # ---- what the owner calls ---------------------------------------------------------

    def start(
        self,
        *,
        disclosure: Disclosure | None,
        phone: str,
        at_phone: bool = False,
        named_possible: bool = True,
        village_possible: bool = True,
    ) -> None:
        """Show the choice as it stands (None: not chosen yet); with ``at_phone`` (and a
        name given), the phone number page instead, as when coming back from the review.

        ``named_possible`` is False when the screen does not know who identified (then the
        name cannot be sent); ``village_possible`` False for a complaint about a payment of
        one's own, which is no report about the village."""
        self._named_possible = named_possible
        self.village_button.setVisible(village_possible)
        if (disclosure is Disclosure.NAMED and not named_possible) or (
            disclosure is Disclosure.VILLAGE_REPORT and not village_possible
        ):
            disclosure = None
        self._disclosure = disclosure
        self.phone.set_text(phone)
        self.problem.hide()
        self.phone_problem.hide()
        named = disclosure is Disclosure.NAMED
        self._show_page(self.phone_page if at_phone and named else self.choice_page)
        self._refresh()
        self.scroll_page.scroll_to_top()

    def choose(self, level: Disclosure) -> None:
        if level is Disclosure.NAMED and not self._named_possible:
            return
        self._disclosure = level
        if level is not Disclosure.NAMED:
            # Anonymous means no phone: nothing typed is kept behind the hidden pad.
            self.phone.clear()
        self.problem.hide()
        self._refresh()

    def disclosure(self) -> Disclosure | None:
        return self._disclosure

    def on_phone_page(self) -> bool:
        return self.pages.currentWidget() is self.phone_page

    def go_back(self) -> bool:
        """From the phone number back to the choice; False if already there."""
        if self.on_phone_page():
            self.phone_problem.hide()
            self._show_page(self.choice_page)
            return True
        return False

    def refuse(self, reason: Reason) -> None:
        target = self.phone_problem if self.on_phone_page() else self.problem
        target.show(worded(reason))

    def clear(self) -> None:
        self._disclosure = None
        self._named_possible = True
        self.village_button.show()
        self.phone.clear()
        self.problem.hide()
        self.phone_problem.hide()
        self._show_page(self.choice_page)
        self._refresh()

    def retranslate(self) -> None:
        self.question.setText(self.tr("How do you want to file it?"))
        levels = disclosure_words()
        self.named_button.set_words(
            levels[Disclosure.NAMED],
            self.tr("The inspectors see your name and may call you.")
            if self._named_possible
            else self.tr("Not on this screen: your name is not known here."),
        )
        self.anonymous_button.set_words(
            levels[Disclosure.ANONYMOUS],
            self.tr("They see your household's file and payments, never who filed it."),
        )
        self.village_button.set_words(
            levels[Disclosure.VILLAGE_REPORT],
            self.tr("Nothing about you or your household goes with it."),
        )
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
        # The answers offered, each with its line of detail, then what the chosen one shares.
        answers = " ".join(
            f"{made.plain_label.text()}. {made.official_label.text()}"
            for made in self.buttons.values()
            if not made.isHidden()
        )
        return f"{self.question.text()} {answers} {self.consent.text()}"

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._arrange_for(event.size())
        super().resizeEvent(event)

    # ---- inside -----------------------------------------------------------------------

    def _consent_text(self) -> str:
        if self._disclosure is None:
            return self.tr(
                "Whichever you choose, the complaint goes only to the discipline inspectors,"
                " never to the people it is about or to the officials who help your household."
            )
        if self._disclosure is Disclosure.NAMED:
            return self.tr(
                "With your name: the inspectors who handle it see your name, your household's"
                " file, its members and its payments, and may call you on a number you leave"
                " next."
            )
        if self._disclosure is Disclosure.ANONYMOUS:
            return self.tr(
                "Anonymous: the inspectors see your household's file number, village and"
                " payments, so they can check the money, but not your name, your phone or"
                " who in your household filed it. They cannot call you."
            )
        return self.tr(
            "A report about the village: no household file, name or payment goes with it."
            " The inspectors see what you report, whom you name and this service hall."
            " They cannot call you."
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
        if self._disclosure is None:
            return
        if self._disclosure is not Disclosure.NAMED:
            self.chosen.emit(self._disclosure.value, "")
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
        self.chosen.emit(Disclosure.NAMED.value, typed)

    def _too_short(self, missing: int) -> Callable[[], str]:
        return lambda: fill(
            self.tr(
                "%1 digits are missing: a mobile number has 11. Type them, or touch Clear"
                " to leave no number."
            ),
            missing,
        )

    def _refresh(self) -> None:
        for level, made in self.buttons.items():
            made.set_marked(self._disclosure is level)
        set_enabled(self.named_button, self._named_possible)
        set_enabled(self.continue_button, self._disclosure is not None)
        self.retranslate()

    def _show_page(self, shown: QWidget) -> None:
        # Only the page shown sets the size: the pad must not make the choice page taller.
        self.pages.show_step(shown)

    def _arrange_for(self, size: QSize) -> None:
        landscape = size.width() > size.height()
        self.phone_page.arrange(landscape=landscape)
        # Three answers side by side only where each still has a third of a wide screen:
        # squeezed narrower, their words break every other word.
        side_by_side = landscape and size.width() >= SIDE_BY_SIDE_WIDTH
        direction = (
            QBoxLayout.Direction.LeftToRight if side_by_side else QBoxLayout.Direction.TopToBottom
        )
        if self._choices.direction() != direction:
            self._choices.setDirection(direction)
