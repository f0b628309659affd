"""Keys never move: on every keypad screen, in both orientations, both languages and both
text sizes, every key and every button beside the pad keep their exact place on the glass
from an empty entry to a full one, whatever notice appears on the way.

A resident taps where "next" was a moment ago; if a notice pushed it down, the tap lands on
a disabled key and nothing happens.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QRect
from PySide6.QtWidgets import QAbstractButton, QWidget
from pytestqt.qtbot import QtBot

from kiosk.domain.names import name_initials
from kiosk.domain.tracking import luhn_check_digit
from kiosk.services.demo import SCENARIOS
from kiosk.views.i18n import Translations
from kiosk.views.main_window import MainWindow
from kiosk.views.screens.check_complaint import CheckComplaintScreen
from kiosk.views.screens.complaint import ComplaintScreen
from kiosk.views.screens.identify import IdentifyScreen
from kiosk.views.screens.ledger import LedgerScreen
from kiosk.views.widgets.keypad import KeyPadEntry
from tests.views.hands import Hands

from .conftest import MakeWindow

STORY = SCENARIOS[0]  # the 8,000-yuan household: fictitious, from the demo scenarios
SIZES = {"landscape": (1920, 1080), "portrait": (1080, 1920)}
TRACKING = "38412261700" + luhn_check_digit("38412261700")


@dataclass
class Pad:
    """A keypad screen on show: its entry, the buttons beside it, and what to type."""

    entry: KeyPadEntry
    buttons: list[QAbstractButton]
    #: Typed one key at a time, from empty; each is a way to fill the entry.
    inputs: list[str]


def _settle() -> None:
    for _ in range(4):
        QCoreApplication.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)


def _places(window: MainWindow, pad: Pad) -> dict[str, QRect]:
    """Where each key and each button is on the window, if it is shown."""
    widgets: list[QWidget] = [pad.entry.pad.button(key) for key in pad.entry.pad.all_keys()]
    widgets += pad.buttons
    places = {}
    for widget in widgets:
        if widget.isVisible():
            corner = widget.mapTo(window, QPoint(0, 0))
            places[widget.objectName()] = QRect(corner, widget.size())
    return places


def _identify_number(window: MainWindow, hands: Hands) -> Pad:
    hands.tap(window.attract.start_button)
    screen = window.identify_screen
    assert isinstance(screen, IdentifyScreen)
    wrong = STORY.head_id_number[:-1] + ("0" if STORY.head_id_number[-1] != "0" else "1")
    # A valid number ends with "complete"; an unknown region and a wrong check digit with
    # notices of their own.
    return Pad(
        screen.number_entry,
        [screen.next_button],
        [STORY.head_id_number, wrong, "000000" + "1" * 12],
    )


def _initials(window: MainWindow, hands: Hands) -> Pad:
    hands.tap(window.attract.start_button)
    screen = window.identify_screen
    assert isinstance(screen, IdentifyScreen)
    hands.type_on(screen.number_entry, STORY.head_id_number)
    hands.tap(screen.next_button)
    return Pad(screen.initials_entry, [screen.confirm_button], ["WWWWWW", "ABCDEF"])


def _identified(window: MainWindow, hands: Hands) -> None:
    hands.identify(window, STORY.head_id_number, name_initials(STORY.head_name))


def _amount(window: MainWindow, hands: Hands) -> Pad:
    _identified(window, hands)
    window.open_screen("ledger")
    ledger = window.current_screen()
    assert isinstance(ledger, LedgerScreen)
    ledger.show_year_of(2014)
    shown = ledger.current_ledger()
    assert shown is not None
    line = next(line for year in shown.years for line in year.lines if line.amount_fen == 800_000)
    card = ledger.card_for(line.aid_record_id)
    assert card is not None
    hands.tap(card.wrong_button)
    dispute = ledger.dispute
    hands.tap(dispute.less_button)
    buttons: list[QAbstractButton] = [
        dispute.amount_confirm_button,
        dispute.amount_back_button,
        dispute.amount_nothing_button,
    ]
    # "0" shows "I received nothing"; 9,999,999.99 is more than recorded.
    return Pad(dispute.amount, buttons, ["0", "9999999.99", "4000"])


def _phone(window: MainWindow, hands: Hands) -> Pad:
    _identified(window, hands)
    window.open_screen("complaint")
    screen = window.current_screen()
    assert isinstance(screen, ComplaintScreen)
    hands.tap(next(iter(screen.category_step.buttons.values())))
    hands.tap(screen.words_step.continue_button)
    hands.tap(screen.identity_step.named_button)
    hands.tap(screen.identity_step.continue_button)
    return Pad(
        screen.identity_step.phone,
        [screen.identity_step.phone_continue_button],
        ["13800138000", "23456789012"],
    )


def _tracking(window: MainWindow, hands: Hands) -> Pad:
    hands.tap(window.attract.check_complaint_button)
    screen = window.current_screen()
    assert isinstance(screen, CheckComplaintScreen)
    return Pad(screen.number_entry, [screen.next_button], [TRACKING, "384122617003"])


def _secret(window: MainWindow, hands: Hands) -> Pad:
    pad = _tracking(window, hands)
    hands.type_on(pad.entry, TRACKING)
    screen = window.current_screen()
    assert isinstance(screen, CheckComplaintScreen)
    hands.tap(screen.next_button)
    return Pad(screen.secret_entry, [screen.check_button], ["123456"])


OPEN: dict[str, Callable[[MainWindow, Hands], Pad]] = {
    "id-number": _identify_number,
    "initials": _initials,
    "amount": _amount,
    "phone": _phone,
    "tracking-number": _tracking,
    "secret": _secret,
}


@pytest.fixture(params=["normal", "large"])
def text_size(request: pytest.FixtureRequest) -> Iterator[str]:
    yield request.param


@pytest.mark.parametrize("language", ["zh_CN", "en"])
@pytest.mark.parametrize("orientation", list(SIZES))
@pytest.mark.parametrize("pad_name", list(OPEN))
def test_no_key_moves_while_typing(
    qtbot: QtBot,
    make_window: MakeWindow,
    resident: Hands,
    translations: Translations,
    pad_name: str,
    orientation: str,
    language: str,
    text_size: str,
) -> None:
    translations.set_language(language)
    window = make_window(size=SIZES[orientation], large_text=text_size == "large")
    pad = OPEN[pad_name](window, resident)
    _settle()
    before = _places(window, pad)
    keys = set(pad.entry.pad.all_keys())
    assert {name.removeprefix("key-") for name in before} >= keys, "a key is not on screen"
    for text in pad.inputs:
        for typed in range(len(text) + 1):
            pad.entry.set_text(text[:typed])
            _settle()
            after = _places(window, pad)
            moved = {
                name: (before[name].getRect(), place.getRect())
                for name, place in after.items()
                if name in before and place != before[name]
            }
            assert moved == {}, f"after {typed} of {len(text)} characters"
            # A button may appear (a zero shows "I received nothing") but only in room
            # kept for it: it must not overlap a key or another button.
            for name, place in after.items():
                if name not in before:
                    assert not any(place.intersects(other) for other in before.values()), name
        pad.entry.clear()
