"""The screens behind the top bar, by name, and the way back through them."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QStackedWidget, QWidget

from kiosk.views.screens.contract import Screen


class NavigationStack(QStackedWidget):
    """Shows one named screen at a time and remembers the way there, for "Back".

    Screens are registered by name with a factory and created the first time they are
    needed, so the kiosk starts fast and a screen nobody opened holds nothing. The history
    is a list of names: :meth:`push` goes forward, :meth:`pop` goes back, :meth:`reset`
    starts again from one screen (or from none).

    Signals:
        current_changed(str): this screen is now shown ("" when the history is empty).
        created(str, QWidget): the named screen was just created (to connect its signals).
    """

    current_changed = Signal(str)
    created = Signal(str, QWidget)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._factories: dict[str, Callable[[], Screen]] = {}
        self._screens: dict[str, Screen] = {}
        self._history: list[str] = []
        # A stack is as large as its largest page unless told otherwise; only the page on
        # show has to fit the screen.
        self.setMinimumSize(1, 1)

    def register(self, name: str, factory: Callable[[], Screen]) -> None:
        if name in self._factories:
            raise ValueError(f"a screen named {name!r} is registered already")
        self._factories[name] = factory

    def names(self) -> list[str]:
        """Every registered name, in the order of registration."""
        return list(self._factories)

    def page(self, name: str) -> Screen:
        """The screen called ``name``, created now if it does not exist yet."""
        screen = self._screens.get(name)
        if screen is None:
            screen = self._factories[name]()
            self._screens[name] = screen
            self.addWidget(screen)
            self.created.emit(name, screen)
        return screen

    def existing(self) -> Iterator[tuple[str, Screen]]:
        """The screens created so far, with their names."""
        return iter(list(self._screens.items()))

    @property
    def history(self) -> tuple[str, ...]:
        return tuple(self._history)

    def current_name(self) -> str:
        return self._history[-1] if self._history else ""

    def current_screen(self) -> Screen | None:
        """The screen on top of the history, or None when the history is empty."""
        return self._screens[self._history[-1]] if self._history else None

    def push(self, name: str) -> Screen:
        """Show ``name`` on top of the history (once: opening the top screen again is a no-op)."""
        screen = self.page(name)
        if self.current_name() != name:
            self._history.append(name)
            self._show(name)
        return screen

    def pop(self) -> str:
        """Go back one screen; the name shown now, or "" if the history is empty."""
        if self._history:
            self._history.pop()
        if self._history:
            self._show(self._history[-1])
        else:
            self.current_changed.emit("")
        return self.current_name()

    def reset(self, name: str | None = None) -> None:
        """Forget the history; start again from ``name`` if given."""
        self._history.clear()
        if name is None:
            self.current_changed.emit("")
        else:
            self.push(name)

    def _show(self, name: str) -> None:
        self.setCurrentWidget(self._screens[name])
        self.current_changed.emit(name)
