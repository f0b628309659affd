"""Touch keypads: the only way a resident types anything, since the kiosk has no keyboard.

A :class:`KeyPad` is a grid of large keys; its subclasses say which keys it has and which
key may follow which text (:class:`IdNumberPad`, :class:`AmountPad`, :class:`LetterPad`).
A :class:`KeyPadEntry` puts a large read-only display line above a pad and holds the text
typed so far; screens read it with :meth:`KeyPadEntry.text` and listen to
:attr:`KeyPadEntry.text_changed`.

Keys that cannot be used next are greyed out (disabled) rather than ignored silently, so a
resident sees what the pad expects: the X of an ID number only as its 18th character, a
second decimal point never, any key once the entry is full.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import NamedTuple

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

#: What :attr:`KeyPad.key_pressed` carries for the two editing keys. Character keys carry
#: their one character, so these longer words can never be mistaken for one.
DELETE = "delete"
CLEAR = "clear"

ID_NUMBER_LENGTH = 18
ID_NUMBER_GROUPS = (6, 8, 4)


def _set_enabled(button: QPushButton, enabled: bool) -> None:
    # Only on a change: a restyle of 13-30 keys on every tap is wasted work.
    if button.isEnabled() != enabled:
        button.setEnabled(enabled)


class KeyPlace(NamedTuple):
    """Where a key sits in the pad's grid."""

    key: str
    row: int
    column: int
    row_span: int = 1
    column_span: int = 1


class KeyPad(QWidget):
    """A grid of big touch keys (at least 110x110 px, large characters).

    Each character key emits its character; the delete key emits :data:`DELETE` and the
    clear key :data:`CLEAR`. Subclasses lay out their keys and decide with :meth:`apply`
    what a key does to a text, which :class:`KeyPadEntry` uses both to type and to grey out
    the keys that cannot be used next.

    Signals:
        key_pressed(str): a key was touched: its character, or DELETE or CLEAR.
    """

    key_pressed = Signal(str)

    def __init__(self, places: Sequence[KeyPlace], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._buttons: dict[str, QPushButton] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(8)
        for place in places:
            button = QPushButton()
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setAutoRepeat(False)
            if place.key in (DELETE, CLEAR):
                button.setProperty("role", "key-action")
                button.setObjectName(f"key-{place.key}")
            else:
                button.setProperty("role", "key")
                button.setObjectName(f"key-{place.key}")
                button.setText(place.key)
            # A key spanning cells grows along its span only, so the rows stay even.
            fixed, grows = QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding
            # Delete and Clear fill their column, whose width the wider word sets.
            editing = place.key in (DELETE, CLEAR)
            button.setSizePolicy(
                grows if place.column_span > 1 or editing else fixed,
                grows if place.row_span > 1 else fixed,
            )
            button.clicked.connect(self._emitter(place.key))
            grid.addWidget(button, place.row, place.column, place.row_span, place.column_span)
            self._buttons[place.key] = button
        self.retranslate()

    def _emitter(self, key: str) -> Callable[[], None]:
        # A slot without parameters: Qt's "checked" argument is not passed on.
        return lambda: self.key_pressed.emit(key)

    def all_keys(self) -> list[str]:
        """Every key of the pad, the editing keys included, in the order they were placed."""
        return list(self._buttons)

    def character_keys(self) -> list[str]:
        """The keys that type a character."""
        return [key for key in self._buttons if key not in (DELETE, CLEAR)]

    def button(self, key: str) -> QPushButton:
        """The button of ``key`` (a character, DELETE or CLEAR); KeyError if there is none."""
        return self._buttons[key]

    def apply(self, text: str, key: str) -> str | None:
        """The text after typing character ``key`` at the end of ``text``, or None if that
        key cannot come next. The base pad accepts any of its keys anywhere."""
        return text + key

    def update_keys(self, text: str, *, full: bool) -> None:
        """Grey out the character keys that cannot follow ``text`` (all of them if full)."""
        for key in self.character_keys():
            _set_enabled(self._buttons[key], not full and self.apply(text, key) is not None)
        _set_enabled(self._buttons[DELETE], bool(text))
        _set_enabled(self._buttons[CLEAR], bool(text))

    def retranslate(self) -> None:
        """Set the texts of the editing keys and every key's accessible name."""
        delete = self._buttons.get(DELETE)
        if delete is not None:
            delete.setText(QCoreApplication.translate("KeyPad", "Delete"))
            delete.setAccessibleName(
                QCoreApplication.translate("KeyPad", "Delete the last character")
            )
        clear = self._buttons.get(CLEAR)
        if clear is not None:
            clear.setText(QCoreApplication.translate("KeyPad", "Clear"))
            clear.setAccessibleName(QCoreApplication.translate("KeyPad", "Clear everything typed"))
        for key in self.character_keys():
            self._buttons[key].setAccessibleName(self._spoken_key(key))

    def _spoken_key(self, key: str) -> str:
        return key

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def _digit_places(extra: str) -> list[KeyPlace]:
    """1-9 as on a telephone, ``extra`` and 0 below, delete and clear down the right."""
    places = [KeyPlace(str(1 + i), i // 3, i % 3) for i in range(9)]
    places += [
        KeyPlace(extra, 3, 0),
        KeyPlace("0", 3, 1, 1, 2),
        KeyPlace(DELETE, 0, 3, 2, 1),
        KeyPlace(CLEAR, 2, 3, 2, 1),
    ]
    return places


class IdNumberPad(KeyPad):
    """Digits and X for an 18-character ID number; X only as the last (18th) character.

    Signals:
        key_pressed(str): see :class:`KeyPad`.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(_digit_places("X"), parent)

    def apply(self, text: str, key: str) -> str | None:
        if len(text) >= ID_NUMBER_LENGTH:
            return None
        if key == "X" and len(text) != ID_NUMBER_LENGTH - 1:
            return None
        return text + key

    def _spoken_key(self, key: str) -> str:
        return (
            QCoreApplication.translate("KeyPad", "X (only as the last character)")
            if key == "X"
            else key
        )


class AmountPad(KeyPad):
    """Digits and a decimal point for an amount of yuan with at most two decimals (fen).

    A point typed first becomes "0."; a digit after a lone "0" replaces it, so the text is
    always an amount as a person writes it. Turn it into fen with
    :func:`kiosk.domain.money.parse_yuan`.

    Signals:
        key_pressed(str): see :class:`KeyPad`.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(_digit_places("."), parent)

    def apply(self, text: str, key: str) -> str | None:
        if key == ".":
            return None if "." in text else (text or "0") + "."
        whole, point, decimals = text.partition(".")
        if point:
            return None if len(decimals) >= 2 else text + key
        return key if whole == "0" else text + key

    def _spoken_key(self, key: str) -> str:
        return QCoreApplication.translate("KeyPad", "Decimal point") if key == "." else key


class LetterPad(KeyPad):
    """A to Z in alphabetical order, seven to a row, for the pinyin initials of a name.

    Signals:
        key_pressed(str): see :class:`KeyPad`.
    """

    COLUMNS = 7

    def __init__(self, parent: QWidget | None = None) -> None:
        letters = [chr(ord("A") + i) for i in range(26)]
        places = [KeyPlace(c, i // self.COLUMNS, i % self.COLUMNS) for i, c in enumerate(letters)]
        last_row, used = divmod(len(letters), self.COLUMNS)
        places += [
            KeyPlace(DELETE, last_row, used, 1, 1),
            KeyPlace(CLEAR, last_row, used + 1, 1, 1),
        ]
        super().__init__(places, parent)


def group_text(text: str, groups: Sequence[int]) -> str:
    """``text`` with a space after each group of characters, e.g. 6-8-4 for an ID number.

    Characters past the last group stay in it: grouping only ever adds spaces.
    """
    parts: list[str] = []
    rest = text
    for size in groups[:-1]:
        if not rest:
            break
        parts.append(rest[:size])
        rest = rest[size:]
    if rest:
        parts.append(rest)
    return " ".join(parts)


class _Display(QLabel):
    """The entry's display line. Its size never depends on what is typed: it is as wide as
    the longest text the entry can hold, so the keys below and beside it stay where they
    are from the first key to the last. The placeholder lies over it in its own label.

    No signals.
    """

    def __init__(self, entry: KeyPadEntry) -> None:
        super().__init__()
        self._entry = entry
        self.placeholder = QLabel(self)
        self.placeholder.setObjectName("keypad-placeholder")
        self.placeholder.setProperty("role", "keypad-placeholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setTextFormat(Qt.TextFormat.PlainText)
        self.placeholder.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)

    def sizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        margins = self.contentsMargins()
        width = metrics.horizontalAdvance(self._entry.longest_shown()) + margins.left()
        height = metrics.height() + margins.top() + margins.bottom()
        return QSize(width + margins.right(), height).expandedTo(self.minimumSize())

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.placeholder.setGeometry(self.contentsRect())


class KeyPadEntry(QWidget):
    """A large read-only display line with a keypad below it, holding what has been typed.

    The display shows the text grouped for reading (an ID number as 6-8-4) and never takes
    focus or a keyboard. It is as wide as the longest text the entry can hold, so nothing
    around it moves as keys are typed. The text lives only here and in the display:
    :meth:`clear` drops both, and a screen must call it when it is done with the value.

    Signals:
        text_changed(str): the typed text (without grouping spaces) changed.
    """

    text_changed = Signal(str)

    def __init__(
        self,
        pad: KeyPad,
        *,
        max_length: int,
        groups: Sequence[int] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        if max_length < 1:
            raise ValueError("max_length must be at least 1")
        self.pad = pad
        self.max_length = max_length
        self._groups = tuple(groups)
        self._text = ""
        self._prefix = ""
        self._suffix = ""

        self.display = _Display(self)
        self.display.setObjectName("keypad-display")
        self.display.setProperty("role", "keypad-display")
        self.display.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.display.setTextFormat(Qt.TextFormat.PlainText)
        self.display.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.display.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(16)
        layout.addWidget(self.display)
        layout.addWidget(self.pad, 0, Qt.AlignmentFlag.AlignHCenter)

        pad.key_pressed.connect(self._on_key)
        self._refresh()

    def text(self) -> str:
        """What has been typed, without grouping spaces."""
        return self._text

    def set_text(self, text: str) -> None:
        """Replace the text (cut to ``max_length``), as if it had been typed."""
        self._set(text[: self.max_length])

    def clear(self) -> None:
        """Forget the typed text."""
        self._set("")

    def is_full(self) -> bool:
        return len(self._text) >= self.max_length

    def set_affixes(self, prefix: str = "", suffix: str = "") -> None:
        """Words shown around the typed text, e.g. "¥" and "yuan"; not part of :meth:`text`."""
        if (prefix, suffix) != (self._prefix, self._suffix):
            self._prefix, self._suffix = prefix, suffix
            self.display.updateGeometry()
            self._refresh()

    def set_placeholder(self, text: str) -> None:
        """What the display shows while nothing is typed (for example "enter here")."""
        self.display.placeholder.setText(text)

    def set_display_name(self, name: str) -> None:
        """The accessible name of the display: what it holds, never the value itself."""
        self.display.setAccessibleName(name)

    def shown_text(self) -> str:
        """What the display shows: the typed text grouped, with its affixes; the
        placeholder while nothing is typed."""
        return self.display.text() or self.display.placeholder.text()

    def longest_shown(self) -> str:
        """The widest text the display may have to show: the entry full of its widest key."""
        metrics = self.display.fontMetrics()
        widest = max(self.pad.character_keys(), key=metrics.horizontalAdvance, default="8")
        return self._shown(widest * self.max_length)

    def _shown(self, text: str) -> str:
        """``text`` as the display shows it: grouped, between the affixes."""
        grouped = group_text(text, self._groups) if self._groups else text
        return " ".join(part for part in (self._prefix, grouped, self._suffix) if part)

    def _on_key(self, key: str) -> None:
        if key == DELETE:
            self._set(self._text[:-1])
        elif key == CLEAR:
            self._set("")
        elif not self.is_full():
            typed = self.pad.apply(self._text, key)
            if typed is not None and len(typed) <= self.max_length:
                self._set(typed)

    def _set(self, text: str) -> None:
        changed = text != self._text
        self._text = text
        self._refresh()
        if changed:
            self.text_changed.emit(text)

    def _refresh(self) -> None:
        shown = self._shown(self._text) if self._text else ""
        self.display.placeholder.setVisible(not self._text)
        if self.display.text() != shown:
            self.display.setText(shown)
        self.pad.update_keys(self._text, full=self.is_full())


def id_number_entry(parent: QWidget | None = None) -> KeyPadEntry:
    """An entry for an 18-character ID number, shown grouped 6-8-4 as it is typed."""
    return KeyPadEntry(
        IdNumberPad(), max_length=ID_NUMBER_LENGTH, groups=ID_NUMBER_GROUPS, parent=parent
    )


def amount_entry(parent: QWidget | None = None, *, max_length: int = 10) -> KeyPadEntry:
    """An entry for an amount of yuan with at most two decimals."""
    return KeyPadEntry(AmountPad(), max_length=max_length, parent=parent)


def initials_entry(parent: QWidget | None = None, *, max_length: int = 6) -> KeyPadEntry:
    """An entry for the pinyin initials of a name (e.g. YZG)."""
    return KeyPadEntry(LetterPad(), max_length=max_length, groups=(1,) * max_length, parent=parent)
