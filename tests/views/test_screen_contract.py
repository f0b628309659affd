"""Every screen the main window can open keeps the Screen contract, and ``clear()`` wipes it.

The registry is walked: each screen is made by its factory, filled with a demo household's
data (and what a resident types on its pads), then cleared. No text of the resident may
be left in any of its widgets' texts or accessible names. A screen whose ``clear()``
forgets one label fails the same check.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Self

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from kiosk.domain.money import format_fen
from kiosk.services.demo import SCENARIOS, Scenario
from kiosk.services.identify import Identifier
from kiosk.services.resident import greeting, ledger, village_projects
from kiosk.services.store import Store
from kiosk.views.main_window import MainWindow
from kiosk.views.screens.bulletins import BulletinsScreen
from kiosk.views.screens.check_complaint import CheckComplaintScreen
from kiosk.views.screens.complaint import ComplaintScreen
from kiosk.views.screens.contract import Screen, ScreenParts, unimplemented
from kiosk.views.screens.home import TILES, HomeScreen
from kiosk.views.screens.household import HouseholdScreen
from kiosk.views.screens.identify import IdentifyScreen
from kiosk.views.screens.registry import SCREENS
from kiosk.views.widgets.keypad import group_text
from tests.views.hands import Hands

from .conftest import TEST_ID_HASH_KEY, MakeWindow, Screens
from .test_session_end import resident_traces

SCENARIO = SCENARIOS[0]  # 杨正刚, YZG: the withheld disaster relief
INITIALS = "YZG"
#: A tracking number as a resident would type it on "Check my complaint" (shown 4-4-4).
TRACKING_NUMBER = "731904286515"
#: The resident's own name typed into the notices' search.
SEARCH_WORDS = SCENARIO.head_name

#: Every name MainWindow.open_screen takes: the home tiles, and the screens around them.
SCREEN_NAMES = ["identify", "home", "check_complaint", *(name for name, _symbol in TILES)]
SESSION_SCREENS = {"home", "household", "ledger", "cadre", "loans", "projects", "complaint"}


@dataclass
class RecordingHost:
    """Stands in for the main window: records what the screens ask of it."""

    sessions: list[tuple[int, int]] = field(default_factory=list)
    complaints: list[tuple[int, int]] = field(default_factory=list)

    def begin_session(self, household_id: int, member_id: int) -> None:
        self.sessions.append((household_id, member_id))

    def open_complaint_about_payment(self, aid_record_id: int, received_fen: int) -> None:
        self.complaints.append((aid_record_id, received_fen))


@dataclass
class Resident:
    """The demo household a screen is filled with, and what would give it away."""

    store: Store
    household_id: int
    member_id: int
    traces: set[str]


def identified(
    make_window: MakeWindow, demo_store: Store, qtbot: QtBot, scenario: Scenario, initials: str
) -> Resident:
    """``scenario``'s household, identified as its head on the demo store."""
    window: MainWindow = make_window()
    Hands(qtbot).identify(window, scenario.head_id_number, initials)
    session = window.session
    assert session is not None
    window.end_session()
    household_id, member_id = session.household_id, session.member_id
    traces = resident_traces(demo_store, scenario, household_id)
    with demo_store.sessionmaker() as s:
        traces.add(greeting(s, household_id).head_masked)
        for project in village_projects(s, household_id):
            traces |= {project.name, format_fen(project.budget_fen)}
    traces |= {group_text(TRACKING_NUMBER, (4, 4, 4)), SEARCH_WORDS}
    return Resident(demo_store, household_id, member_id, traces)


@pytest.fixture
def demo_resident(make_window: MakeWindow, demo_store: Store, qtbot: QtBot) -> Resident:
    return identified(make_window, demo_store, qtbot, SCENARIO, INITIALS)


def make_parts(screens: Screens, resident: Resident) -> ScreenParts:
    return ScreenParts(
        context=screens.context(resident.store),
        identifier=Identifier(resident.store.sessionmaker, id_hash_key=TEST_ID_HASH_KEY),
        host=RecordingHost(),
    )


def fill(screen: Screen, resident: Resident) -> None:
    """Put the resident's data on ``screen`` as a session would, typed text included."""
    screen.open_for(resident.household_id, resident.member_id)
    if isinstance(screen, IdentifyScreen):
        screen.number_entry.set_text(SCENARIO.head_id_number)
        screen.initials_entry.set_text(INITIALS)
    elif isinstance(screen, HomeScreen):
        with resident.store.sessionmaker() as s:
            found = greeting(s, resident.household_id)
        screen.greet(found.head_masked, found.village)
    elif isinstance(screen, CheckComplaintScreen):
        screen.number_entry.set_text(TRACKING_NUMBER)
    elif isinstance(screen, BulletinsScreen):
        screen.open_search()
        screen.keyboard.set_text(SEARCH_WORDS)
    elif isinstance(screen, ComplaintScreen):
        with resident.store.sessionmaker() as s:
            line = ledger(s, resident.household_id).years[0].lines[0]
        screen.start_from_payment(resident.household_id, line.aid_record_id, 0)


def shown_traces(screens: Screens, screen: QWidget, traces: set[str]) -> list[str]:
    """The traces of the resident in any text or accessible name under ``screen``."""
    texts = screens.texts(screen, with_root=True, descriptions=True)
    return sorted(
        {f"{trace!r} in {text[:60]!r}" for text in texts for trace in traces if trace in text}
    )


def test_the_registry_has_every_screen_main_window_opens() -> None:
    assert sorted(SCREENS) == sorted(SCREEN_NAMES)


@pytest.mark.parametrize("name", SCREEN_NAMES)
def test_every_screen_implements_the_contract(name: str) -> None:
    screen_class = SCREENS[name].load()
    assert issubclass(screen_class, Screen)
    assert unimplemented(screen_class) == frozenset()
    assert screen_class.needs_session is (name in SESSION_SCREENS)


@pytest.mark.parametrize("name", SCREEN_NAMES)
def test_clear_leaves_nothing_of_the_resident(
    name: str, screens: Screens, make_window: MakeWindow, demo_store: Store, qtbot: QtBot
) -> None:
    # The goat loan's household for the loans: the relief's household has none.
    scenario, initials = (SCENARIOS[1], "ZDM") if name == "loans" else (SCENARIO, INITIALS)
    resident = identified(make_window, demo_store, qtbot, scenario, initials)
    screen = screens.show(SCREENS[name](make_parts(screens, resident)))
    fill(screen, resident)
    # The check sees the data when it is there: otherwise it would prove nothing.
    assert shown_traces(screens, screen, resident.traces), f"{name} showed nothing"
    screen.clear()
    assert shown_traces(screens, screen, resident.traces) == []


class ForgetfulHouseholdScreen(HouseholdScreen):
    """A household screen whose clear() forgets the file number's label."""

    def clear(self) -> None:
        kept = self.view.file_number_label.text()
        super().clear()
        self.view.file_number_label.setText(kept)


def test_a_clear_that_forgets_a_label_is_caught(screens: Screens, demo_resident: Resident) -> None:
    screen = screens.show(ForgetfulHouseholdScreen.make(make_parts(screens, demo_resident)))
    fill(screen, demo_resident)
    screen.clear()
    left = shown_traces(screens, screen, demo_resident.traces)
    assert len(left) == 1
    assert "File number" in left[0] or "档案编号" in left[0]


def test_a_screen_without_clear_cannot_be_made(qtbot: QtBot) -> None:
    class Unfinished(Screen):
        @classmethod
        def make(cls, parts: ScreenParts) -> Self:
            return cls()

        def screen_title(self) -> str:
            return ""

        def spoken_text(self) -> str:
            return ""

    make: Callable[[], Screen] = Unfinished
    with pytest.raises(TypeError, match="Unfinished lacks clear"):
        make()
