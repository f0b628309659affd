"""Chinese text entry on a touch screen with no keyboard: big letter keys and a row of
candidate characters for the pinyin typed so far.

Why our own keyboard rather than Qt Virtual Keyboard is explained in
:mod:`kiosk.services.pinyin_input`, which also finds the candidates. In short: the virtual
keyboard does not load here without PulseAudio, cannot be tested or styled as our widgets,
and would have to be switched on for the whole application.

The letters are in alphabetical order, as on a pinyin chart at school: a resident who has
never used a keyboard finds a letter by the alphabet, not by QWERTY. Seven go to a row on a
narrow (portrait) screen, ten on a wide one, so that the keyboard fits under the top bar
of a 1366x768 screen with every key at least 96 pixels square.
ü is typed with the v key, as with every pinyin input method.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, QSize, Qt, Signal, Slot
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.services.pinyin_input import Candidate, PinyinDictionary, default_dictionary
from kiosk.views.jobs import Jobs

_log = logging.getLogger(__name__)

#: Letters to a row: seven in four rows where the keyboard is narrow (portrait), ten in
#: three rows where it is wide, so it still fits under the top bar of a 768-pixel screen.
NARROW_ROW = 7
WIDE_ROW = 10
#: Width from which the keyboard has ten letters to a row.
WIDE_FROM = 1250
#: Most candidate buttons one row can hold; fewer show when they do not fit.
MAX_CANDIDATES = 10
#: Longest run of pinyin letters kept waiting for a choice.
MAX_TYPED = 24
_SPACING = 8


class PinyinKeyboard(QWidget):
    """Letter keys, a candidate row and a target line showing the text entered so far.

    The resident touches the letters of the pinyin ("x i a o"), then the character or
    word they mean (小) in the candidate row; "◀" and "▶" page through more candidates.
    Delete takes back the last letter (or, with no letters waiting, the last character);
    Space and Done first take the first candidate if letters are waiting.

    Without a ``dictionary`` the keyboard builds the shared one on a worker thread the first
    time it is shown (about a second); letters can be typed meanwhile.

    Signals:
        text_changed(str): the whole text entered so far changed.
        text_committed(str): characters were added to the text (a candidate, or a space).
        finished(str): the resident touched Done; the whole text.
    """

    text_changed = Signal(str)
    text_committed = Signal(str)
    finished = Signal(str)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        dictionary: PinyinDictionary | None = None,
        max_length: int = 100,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("pinyin-keyboard")
        self._dictionary = dictionary
        self._loading = False
        # The dictionary is built on the jobs' thread pool and handed back on the UI thread;
        # if the keyboard goes first, the answer is dropped with it.
        self._jobs = Jobs(self)
        self._max_length = max_length
        self._text = ""
        self._typed = ""
        self._candidates: tuple[Candidate, ...] = ()
        # Index of the first candidate of each page seen so far (for "◀").
        self._page_starts: list[int] = [0]
        self._shown = 0

        self.target = QLabel()
        self.target.setObjectName("pinyin-target")
        self.target.setProperty("role", "pinyin-target")
        self.target.setWordWrap(True)
        self.target.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._target_empty: bool | None = None

        self.pinyin_label = QLabel()
        self.pinyin_label.setObjectName("pinyin-typed")
        self.pinyin_label.setProperty("role", "pinyin-typed")
        self.status_label = QLabel()
        self.status_label.setObjectName("pinyin-status")
        self.status_label.setProperty("role", "hint")
        self.status_label.setWordWrap(True)
        self.candidate_buttons: list[QPushButton] = []
        self._candidate_row = QHBoxLayout()
        self._candidate_row.setSpacing(_SPACING)
        self._candidate_row.addWidget(self.status_label, 1)
        for index in range(MAX_CANDIDATES):
            button = self._button("pinyin-candidate", f"candidate-{index}")
            button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            button.clicked.connect(self._chooser(index))
            button.hide()
            self._candidate_row.addWidget(button)
            self.candidate_buttons.append(button)
        self._candidate_row.addStretch(0)
        self.previous_button = self._button("pinyin-action", "candidates-previous")
        self.next_button = self._button("pinyin-action", "candidates-next")
        self.previous_button.clicked.connect(self.previous_page)
        self.next_button.clicked.connect(self.next_page)

        candidates = QHBoxLayout()
        candidates.setSpacing(_SPACING)
        candidates.addWidget(self.pinyin_label)
        candidates.addLayout(self._candidate_row, 1)
        candidates.addWidget(self.previous_button)
        candidates.addWidget(self.next_button)

        self.letter_buttons: dict[str, QPushButton] = {}
        for letter in "abcdefghijklmnopqrstuvwxyz":
            button = self._button("pinyin-key", f"key-{letter}")
            button.setText("v/ü" if letter == "v" else letter)
            button.clicked.connect(self._typist(letter))
            self.letter_buttons[letter] = button
        self.delete_button = self._button("pinyin-action", "key-delete")
        self.clear_button = self._button("pinyin-action", "key-clear")
        self.space_button = self._button("pinyin-action", "key-space")
        self.done_button = self._button("pinyin-action", "key-done")
        self.done_button.setProperty("role", "primary")
        self._keys = QGridLayout()
        self._keys.setSpacing(_SPACING)
        self._letters_per_row = 0
        self._arrange_keys(NARROW_ROW)
        self.delete_button.clicked.connect(self.delete)
        self.clear_button.clicked.connect(self.clear)
        self.space_button.clicked.connect(self.space)
        self.done_button.clicked.connect(self.done)

        self._target_row = QHBoxLayout()
        self._target_row.setSpacing(2 * _SPACING)
        self._target_row.addWidget(self.target, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(_SPACING)
        layout.addLayout(self._target_row)
        layout.addLayout(candidates)
        layout.addLayout(self._keys)

        self.retranslate()
        self._refresh()

    # ---- public -------------------------------------------------------------------------

    def text(self) -> str:
        """The text entered so far (without letters still waiting for a choice)."""
        return self._text

    def typed(self) -> str:
        """The pinyin letters typed and not yet turned into characters."""
        return self._typed

    def is_ready(self) -> bool:
        """Whether the dictionary is there, so candidates can be offered."""
        return self._dictionary is not None

    def shown_candidates(self) -> list[str]:
        """The candidates on the buttons now, left to right."""
        return [b.text() for b in self.candidate_buttons if not b.isHidden()]

    def add_beside_target(self, widget: QWidget) -> None:
        """Put ``widget`` to the right of the target line (for what the text finds): no
        extra row, so the keyboard still fits a 768-pixel-high screen."""
        self._target_row.addWidget(widget, 2)

    def set_text(self, text: str) -> None:
        """Replace the text (and drop any letters waiting)."""
        self._typed = ""
        self._set_text(text[: self._max_length])

    @Slot()
    def clear(self) -> None:
        """Forget the text and the letters typed."""
        self._typed = ""
        self._set_text("")

    def type_letter(self, letter: str) -> None:
        """What touching a letter key does."""
        if len(self._typed) >= MAX_TYPED or len(self._text) >= self._max_length:
            return
        self._typed += letter
        self._refresh()

    def choose(self, index: int) -> None:
        """What touching the candidate button ``index`` of the current page does."""
        position = self._page_starts[-1] + index
        if 0 <= position < len(self._candidates):
            self._commit(self._candidates[position])

    @Slot()
    def delete(self) -> None:
        if self._typed:
            self._typed = self._typed[:-1]
            self._refresh()
        elif self._text:
            self._set_text(self._text[:-1])

    @Slot()
    def space(self) -> None:
        if self._typed:
            self._commit_first()
        elif self._text and not self._text.endswith(" ") and len(self._text) < self._max_length:
            self._set_text(self._text + " ")
            self.text_committed.emit(" ")

    @Slot()
    def done(self) -> None:
        if self._typed:
            self._commit_first()
            self._typed = ""
            self._refresh()
        self.finished.emit(self._text)

    @Slot()
    def next_page(self) -> None:
        end = self._page_starts[-1] + self._shown
        if end < len(self._candidates):
            self._page_starts.append(end)
            self._show_page()

    @Slot()
    def previous_page(self) -> None:
        if len(self._page_starts) > 1:
            self._page_starts.pop()
            self._show_page()

    def retranslate(self) -> None:
        """Set every visible text in the current UI language."""
        self.delete_button.setText(self.tr("⌫ Delete"))
        self.delete_button.setAccessibleName(self.tr("Delete the last letter or character"))
        self.clear_button.setText(self.tr("Clear"))
        self.clear_button.setAccessibleName(self.tr("Clear everything typed"))
        self.space_button.setText(self.tr("Space"))
        self.space_button.setAccessibleName(self.tr("Space"))
        self.done_button.setText(self.tr("Done ✓"))
        self.done_button.setAccessibleName(self.tr("Done: finish typing"))
        self.previous_button.setText("◀")
        self.previous_button.setAccessibleName(self.tr("Previous characters"))
        self.next_button.setText("▶")
        self.next_button.setAccessibleName(self.tr("More characters"))
        self.pinyin_label.setAccessibleName(self.tr("Pinyin typed"))
        self.target.setAccessibleName(self.tr("Text entered"))
        for letter, button in self.letter_buttons.items():
            button.setAccessibleName(self.tr("v, for ü") if letter == "v" else letter)
        self._show_target()
        self._show_status()

    # ---- events -------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._load_dictionary()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # Decided from the width alone, so the arrangement cannot flip back and forth.
        self._arrange_keys(WIDE_ROW if event.size().width() >= WIDE_FROM else NARROW_ROW)
        if self._candidates:
            self._show_page()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() in (QEvent.Type.StyleChange, QEvent.Type.FontChange):
            # Another theme or text size: the candidates take another width.
            self._show_page()
        super().changeEvent(event)

    # ---- inside -------------------------------------------------------------------------

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        if self._letters_per_row == NARROW_ROW:
            # Before its first resize the keyboard has four rows of keys, and wide it has
            # three: its height must not make a low window (1366x768) grow before it knows.
            key = self.letter_buttons["a"].minimumSizeHint().height()
            hint.setHeight(hint.height() - key - _SPACING)
        return hint

    def letters_per_row(self) -> int:
        return self._letters_per_row

    def _arrange_keys(self, per_row: int) -> None:
        """Lay the keys out, alphabetically, ``per_row`` letters to a row, with the editing
        keys in a wider column on the right."""
        if per_row == self._letters_per_row:
            return
        self._letters_per_row = per_row
        grid = self._keys
        for button in [*self.letter_buttons.values(), *self._editing_keys()]:
            grid.removeWidget(button)
        for index, button in enumerate(self.letter_buttons.values()):
            grid.addWidget(button, index // per_row, index % per_row)
        rows = (len(self.letter_buttons) + per_row - 1) // per_row
        last = len(self.letter_buttons) % per_row  # letters in the last row
        grid.addWidget(self.delete_button, 0, per_row)
        grid.addWidget(self.clear_button, 1, per_row)
        if rows == 4:
            # a-g, h-n, o-u, v-z: Space under Clear, Done after z to the right edge.
            grid.addWidget(self.space_button, 2, per_row)
            grid.addWidget(self.done_button, 3, last, 1, per_row + 1 - last)
        else:
            # a-j, k-t, u-z: Space after z, then Done across the last two columns.
            grid.addWidget(self.space_button, rows - 1, last, 1, per_row - 1 - last)
            grid.addWidget(self.done_button, rows - 1, per_row - 1, 1, 2)
        # The editing keys' column is wider: its words ("⌫ Delete") are longer than a letter.
        for column in range(WIDE_ROW + 1):
            grid.setColumnStretch(column, 2 if column < per_row else 0)
        grid.setColumnStretch(per_row, 6)

    def _editing_keys(self) -> tuple[QPushButton, ...]:
        return (self.delete_button, self.clear_button, self.space_button, self.done_button)

    def _button(self, role: str, name: str) -> QPushButton:
        button = QPushButton(self)
        button.setObjectName(name)
        button.setProperty("role", role)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setAutoRepeat(False)
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        return button

    def _typist(self, letter: str) -> Callable[[], None]:
        return lambda: self.type_letter(letter)

    def _chooser(self, index: int) -> Callable[[], None]:
        return lambda: self.choose(index)

    def _commit(self, candidate: Candidate) -> None:
        room = self._max_length - len(self._text)
        added = candidate.text[:room]
        self._typed = self._typed[candidate.consumed :].lstrip("' ")
        self._set_text(self._text + added)
        if added:
            self.text_committed.emit(added)

    def _commit_first(self) -> None:
        if self._candidates:
            self._commit(self._candidates[0])

    def _set_text(self, text: str) -> None:
        changed = text != self._text
        self._text = text
        self._refresh()
        if changed:
            self.text_changed.emit(text)

    def _refresh(self) -> None:
        """Look the candidates up again for the letters typed, and show them from page 1."""
        dictionary = self._dictionary
        self._candidates = dictionary.candidates(self._typed) if dictionary and self._typed else ()
        self._page_starts = [0]
        if dictionary is not None and self._typed:
            self.pinyin_label.setText("'".join(dictionary.segments(self._typed)) or self._typed)
        else:
            self.pinyin_label.setText(self._typed)
        self.pinyin_label.setVisible(bool(self._typed))
        self.delete_button.setEnabled(bool(self._typed or self._text))
        self.clear_button.setEnabled(bool(self._typed or self._text))
        self._show_target()
        self._show_page()

    def _show_target(self) -> None:
        empty = not self._text
        self.target.setText(
            self.tr("Touch the letters of the pinyin, then the character you mean")
            if empty
            else self._text
        )
        # Compared in Python: PySide6 6.12's property() of a property never set returns
        # None without a reference, and enough such calls crash the interpreter.
        if self._target_empty != empty:
            self._target_empty = empty
            self.target.setProperty("empty", empty)
            self.target.style().unpolish(self.target)
            self.target.style().polish(self.target)

    def _show_status(self) -> None:
        if not self._typed:
            text = ""
        elif self._dictionary is None:
            text = self.tr("Getting the characters ready…")
        elif not self._candidates:
            text = self.tr("No character has this pinyin. Touch Delete and try again.")
        else:
            text = ""
        self.status_label.setText(text)
        self.status_label.setVisible(bool(text))

    def _show_page(self) -> None:
        """Fill the candidate buttons from the current page's start, as many as fit."""
        start = self._page_starts[-1]
        room = self._candidate_room()
        used = 0
        shown = 0
        for position in range(start, min(start + MAX_CANDIDATES, len(self._candidates))):
            button = self.candidate_buttons[shown]
            text = self._candidates[position].text
            button.setText(text)
            button.setAccessibleName(text)
            button.ensurePolished()
            width = button.sizeHint().width()
            # The first candidate of a page always shows, however long it is.
            if shown and used + width > room:
                break
            used += width + _SPACING
            shown += 1
        for index, button in enumerate(self.candidate_buttons):
            button.setVisible(index < shown)
            if index >= shown and button.text():
                # Nothing typed stays behind on a hidden button for the next person.
                button.setText("")
                button.setAccessibleName("")
        self._shown = shown
        self.previous_button.setEnabled(len(self._page_starts) > 1)
        self.next_button.setEnabled(start + shown < len(self._candidates))
        self._show_status()

    def _candidate_room(self) -> int:
        """Width the candidate buttons may take in their row."""
        fixed = (
            self.previous_button.sizeHint().width()
            + self.next_button.sizeHint().width()
            + (self.pinyin_label.sizeHint().width() + _SPACING if self._typed else 0)
            + 3 * _SPACING
        )
        return max(self.width() - fixed, 0)

    def _load_dictionary(self) -> None:
        if self._dictionary is not None or self._loading:
            return
        self._loading = True
        self._jobs.op(default_dictionary).success(self._on_loaded).failure(
            self._on_not_loaded
        ).run()

    def _on_loaded(self, dictionary: PinyinDictionary) -> None:
        self._dictionary = dictionary
        self._loading = False
        self._refresh()

    def _on_not_loaded(self, error: Exception) -> None:
        # Reported, never shown: the keyboard just offers no characters (letters still type).
        _log.error("The pinyin dictionary could not be built", exc_info=error)
