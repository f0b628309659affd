"""What the main window knows of every screen it shows under its top bar.

Kept apart from :mod:`kiosk.views.screens.base` (which brings the store's SQLAlchemy types)
so the home screen can be a :class:`Screen` without slowing the first picture down.
"""

from __future__ import annotations

from abc import abstractmethod
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar, Protocol, Self

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from kiosk.services.identify import Identifier
    from kiosk.views.screens.base import ScreenContext


class ScreenHost(Protocol):
    """What a screen may ask of the window that shows it, beyond the :class:`Screen`
    signals (open a screen by name, go back)."""

    def begin_session(self, household_id: int, member_id: int) -> None:
        """Identification succeeded: open the resident session."""

    def open_complaint_about_payment(self, aid_record_id: int, received_fen: int) -> None:
        """Open the complaint steps with this disputed payment filled in."""


@dataclass(frozen=True)
class ScreenParts:
    """What screens are made of: the store's context, the identifier, and the window their
    own requests go to."""

    context: ScreenContext
    identifier: Identifier
    host: ScreenHost


_unimplemented: dict[type[Screen], frozenset[str]] = {}


def unimplemented(screen_class: type[Screen]) -> frozenset[str]:
    """The abstract methods ``screen_class`` leaves without a body of its own."""
    found = _unimplemented.get(screen_class)
    if found is None:
        found = frozenset(
            name
            for name in dir(screen_class)
            if getattr(getattr(screen_class, name, None), "__isabstractmethod__", False)
        )
        _unimplemented[screen_class] = found
    return found


class Screen(QWidget):
    """A screen behind the top bar: the main window reaches it only through these methods.

    The abstract methods (mypy refuses to instantiate a screen that lacks one, and so does
    ``__init__`` at run time) are how it is made, the title in the top bar, what "read
    aloud" says, and :meth:`clear`, the privacy wipe: when a session ends, ``clear`` must
    drop every text, value and model row that came from the resident or was typed by
    them, so the next person sees nothing of it.

    Signals:
        navigate(str): open another screen by its name in the registry (e.g. "ledger").
        back_requested(): leave this screen, as the top bar's Back would.
    """

    navigate = Signal(str)
    back_requested = Signal()

    #: Whether the screen shows one household's data: it opens only in a resident session.
    needs_session: ClassVar[bool] = False

    def __init__(self, parent: QWidget | None = None) -> None:
        # Qt's classes are not ABCMeta's: refuse an unfinished screen here, as ABC would.
        missing = unimplemented(type(self))
        if missing:
            raise TypeError(f"{type(self).__name__} lacks {', '.join(sorted(missing))}")
        super().__init__(parent)

    @classmethod
    @abstractmethod
    def make(cls, parts: ScreenParts) -> Self:
        """Make the screen of ``parts`` and connect its own requests to ``parts.host``."""

    @abstractmethod
    def screen_title(self) -> str:
        """The title the main window shows in its top bar for this screen."""

    @abstractmethod
    def spoken_text(self) -> str:
        """What "read aloud" says for this screen, in the current language."""

    @abstractmethod
    def clear(self) -> None:
        """Forget everything of the resident: no text of theirs may stay in any widget."""

    def open_for(self, household_id: int, member_id: int) -> None:
        """The screen is opened in the session of ``household_id``, identified as
        ``member_id``: a screen of a household's data loads it here. Nothing by default."""

    def go_back(self) -> bool:
        """Back one step within the screen, if it has steps: True if it went back, False
        when the screen itself should be left (the default)."""
        return False

    def holds_unsent_work(self) -> bool:
        """Whether ending the session now would throw away something the resident made and
        has not sent (a complaint draft); the main window then asks before ending."""
        return False
