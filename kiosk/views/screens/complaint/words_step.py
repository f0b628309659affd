"""Step 2 of a complaint: optional words of the resident's own, on the pinyin keyboard.

Every complaint can be sent without a single word: "No, continue" is the first choice, and
the keyboard opens only when the resident asks for it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.problems import Reason
from kiosk.services.pinyin_input import PinyinDictionary
from kiosk.views.problems import worded
from kiosk.views.screens.common import GAP, button, label
from kiosk.views.screens.complaint.parts import ProblemLine, page
from kiosk.views.widgets.pinyin_keyboard import PinyinKeyboard
from kiosk.views.widgets.step_stack import StepStack

#: The keyboard takes more than the service allows, so an over-long text is refused in words
#: (the service's limit and reason) rather than cut off without a word.
KEYBOARD_LIMIT = 20_000


class WordsStep(QWidget):
    """Asks whether the resident wants to add words; the keyboard if they do.

    Signals:
        finished(str): continue with these words ("" for none). The owner checks them and
            either moves on or calls :meth:`refuse`.
        typing_changed(bool): the keyboard opened (True) or closed (False).
    """

    finished = Signal(str)
    typing_changed = Signal(bool)

    def __init__(
        self, parent: QWidget | None = None, *, dictionary: PinyinDictionary | None = None
    ) -> None:
        super().__init__(parent)
        self._text = ""
        self._landscape = True
        self.ask_page, ask = page("words-ask")
        # Closer than other pages: above the question may stand the payment and the amounts.
        ask.setSpacing(GAP * 2 // 3)
        # A question's size, not a title's: the payment and the amounts may stand above it.
        self.question = label("question")
        self.hint = label("lead")
        self.text_card = QFrame()
        self.text_card.setProperty("role", "card")
        self.text_title = label("card-title")
        self.text_label = label("value")
        self.text_label.setObjectName("complaint-text")
        card = QVBoxLayout(self.text_card)
        card.setContentsMargins(GAP, GAP, GAP, GAP)
        card.addWidget(self.text_title)
        card.addWidget(self.text_label)
        self.text_card.hide()
        self.ask_problem = ProblemLine("words-problem")
        self.continue_button = button("words-continue", "primary", wide=True)
        self.add_button = button("words-add", wide=True)
        self.remove_button = button("words-remove", wide=True)
        self.remove_button.hide()
        self._buttons = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._buttons.setSpacing(GAP)
        for made in (self.continue_button, self.add_button, self.remove_button):
            self._buttons.addWidget(made, 1)
        ask.addWidget(self.question)
        ask.addWidget(self.hint)
        ask.addWidget(self.text_card)
        ask.addWidget(self.ask_problem.label)
        ask.addStretch(1)
        ask.addLayout(self._buttons)
        ask.addStretch(1)

        # The keyboard's own empty line says what to do, so the page holds no other words:
        # all of the height of a low screen goes to the keys.
        self.keyboard_page, typing = page("words-typing")
        self.typing_problem = ProblemLine("typing-problem")
        self.keyboard = PinyinKeyboard(dictionary=dictionary, max_length=KEYBOARD_LIMIT)
        # A refusal stands beside the line typed into: no extra row over the keys.
        self.keyboard.add_beside_target(self.typing_problem.label)
        # The line typed into grows with the text; held to two lines, with the newest words
        # at the bottom in view, so a long text never pushes the keys off a low screen.
        self.keyboard.target.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom)
        typing.addStretch(1)
        typing.addWidget(self.keyboard)

        self.pages = StepStack((self.ask_page, self.keyboard_page))
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.pages)

        self.continue_button.clicked.connect(lambda: self.finished.emit(self._text))
        self.add_button.clicked.connect(self.open_keyboard)
        self.remove_button.clicked.connect(self._remove)
        self.keyboard.finished.connect(self._on_typed)
        self.keyboard.text_changed.connect(lambda _text: self.typing_problem.hide())
        self._show_page(self.ask_page)
        self.retranslate()

    # ---- what the owner calls ---------------------------------------------------------

    def text(self) -> str:
        return self._text

    def set_header(self, widget: QWidget) -> None:
        """Put ``widget`` (what the complaint is about) at the top of the question page."""
        layout = self.ask_page.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(0, widget)

    def start(self, text: str) -> None:
        """Show the question, with ``text`` as the words so far."""
        self._text = text
        self.ask_problem.hide()
        self.typing_problem.hide()
        self._show_page(self.ask_page)
        self.retranslate()

    def open_keyboard(self) -> None:
        self.keyboard.set_text(self._text)
        self.typing_problem.hide()
        self._show_page(self.keyboard_page)

    def typing(self) -> bool:
        return self.pages.currentWidget() is self.keyboard_page

    def go_back(self) -> bool:
        """From the keyboard back to the question (the words typed are dropped)."""
        if self.typing():
            self.keyboard.clear()
            self.typing_problem.hide()
            self._show_page(self.ask_page)
            return True
        return False

    def refuse(self, reason: Reason) -> None:
        """Say why the words cannot be sent, where the resident is."""
        target = self.typing_problem if self.typing() else self.ask_problem
        target.show(worded(reason))

    def clear(self) -> None:
        self._text = ""
        self.keyboard.blockSignals(True)
        self.keyboard.clear()
        self.keyboard.blockSignals(False)
        self.ask_problem.hide()
        self.typing_problem.hide()
        self._show_page(self.ask_page)
        self.retranslate()

    def retranslate(self) -> None:
        has_text = bool(self._text)
        self.question.setText(self.tr("Do you want to say more in your own words?"))
        self.hint.setText(
            self.tr("This is not needed: your complaint can be sent without any words.")
        )
        self.text_title.setText(self.tr("Your words:"))
        self.text_label.setText(self._text)
        self.text_card.setVisible(has_text)
        self.continue_button.setText(self.tr("Continue") if has_text else self.tr("No, continue"))
        self.continue_button.setAccessibleName(
            self.tr("Continue with these words")
            if has_text
            else self.tr("Continue without adding words")
        )
        self.add_button.setText(
            self.tr("Change the words") if has_text else self.tr("Add words (optional)")
        )
        self.add_button.setAccessibleName(self.tr("Open the keyboard to type words"))
        self.remove_button.setText(self.tr("Remove the words"))
        self.remove_button.setAccessibleName(self.tr("Remove the words typed"))
        self.remove_button.setVisible(has_text)
        self.ask_problem.retranslate()
        self.typing_problem.retranslate()

    def spoken_text(self) -> str:
        if self.typing():
            return self.keyboard.target.text()
        return f"{self.question.text()} {self.hint.text()}"

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() in (QEvent.Type.StyleChange, QEvent.Type.FontChange):
            self._limit_target()
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        self._limit_target()
        super().showEvent(event)

    def _limit_target(self) -> None:
        target = self.keyboard.target
        target.ensurePolished()
        # Two lines of the target's own font, with its frame and padding.
        margins = target.contentsMargins()
        lines = 2 * target.fontMetrics().lineSpacing() + margins.top() + margins.bottom() + 8
        target.setMaximumHeight(max(target.minimumHeight(), lines))

    def set_direction(self, landscape: bool) -> None:
        """Buttons in a row on a wide screen, one above the other on a tall one."""
        if self._landscape == landscape:
            return
        self._landscape = landscape
        self._buttons.setDirection(
            QBoxLayout.Direction.LeftToRight if landscape else QBoxLayout.Direction.TopToBottom
        )

    # ---- inside -----------------------------------------------------------------------

    def _on_typed(self, text: str) -> None:
        self.finished.emit(text.strip())

    def accept(self, text: str) -> None:
        """The owner took ``text``: keep it, and leave the keyboard for the question."""
        self._text = text
        self.keyboard.blockSignals(True)
        self.keyboard.clear()
        self.keyboard.blockSignals(False)
        self.typing_problem.hide()
        self.ask_problem.hide()
        self._show_page(self.ask_page)
        self.retranslate()

    def _remove(self) -> None:
        self._text = ""
        self.ask_problem.hide()
        self.retranslate()

    def _show_page(self, shown: QWidget) -> None:
        # Only the page shown may set the step's size: a low screen holds the keyboard or
        # the question, not both at once.
        changed = self.pages.currentWidget() is not shown
        self.pages.show_step(shown)
        if changed:
            self.typing_changed.emit(shown is self.keyboard_page)
