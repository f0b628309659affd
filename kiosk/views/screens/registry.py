"""Every screen the main window can open, by name, and the factory that makes it.

A factory imports its screen's module only when it is first used (the first time the
screen is asked for), so the attract screen does not wait for the screens and their store
types.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from kiosk.views.screens.contract import Screen, ScreenParts


@dataclass(frozen=True)
class ScreenFactory:
    """Makes the screen of one name. ``load`` imports and returns its class."""

    load: Callable[[], type[Screen]]

    @property
    def needs_session(self) -> bool:
        """Whether the screen opens only in a resident session (known before it is made)."""
        return self.load().needs_session

    def __call__(self, parts: ScreenParts) -> Screen:
        return self.load().make(parts)


def _identify() -> type[Screen]:
    from kiosk.views.screens.identify import IdentifyScreen

    return IdentifyScreen


def _home() -> type[Screen]:
    from kiosk.views.screens.home import HomeScreen

    return HomeScreen


def _bulletins() -> type[Screen]:
    from kiosk.views.screens.bulletins import BulletinsScreen

    return BulletinsScreen


def _check_complaint() -> type[Screen]:
    from kiosk.views.screens.check_complaint import CheckComplaintScreen

    return CheckComplaintScreen


def _household() -> type[Screen]:
    from kiosk.views.screens.household import HouseholdScreen

    return HouseholdScreen


def _ledger() -> type[Screen]:
    from kiosk.views.screens.ledger import LedgerScreen

    return LedgerScreen


def _cadre() -> type[Screen]:
    from kiosk.views.screens.cadre import CadreScreen

    return CadreScreen


def _loans() -> type[Screen]:
    from kiosk.views.screens.loans import LoansScreen

    return LoansScreen


def _projects() -> type[Screen]:
    from kiosk.views.screens.projects import ProjectsScreen

    return ProjectsScreen


def _complaint() -> type[Screen]:
    from kiosk.views.screens.complaint import ComplaintScreen

    return ComplaintScreen


#: Every screen by the name :meth:`MainWindow.open_screen` takes (and the home tiles use).
SCREENS: dict[str, ScreenFactory] = {
    "identify": ScreenFactory(_identify),
    "home": ScreenFactory(_home),
    "bulletins": ScreenFactory(_bulletins),
    "check_complaint": ScreenFactory(_check_complaint),
    "household": ScreenFactory(_household),
    "ledger": ScreenFactory(_ledger),
    "cadre": ScreenFactory(_cadre),
    "loans": ScreenFactory(_loans),
    "projects": ScreenFactory(_projects),
    "complaint": ScreenFactory(_complaint),
}
