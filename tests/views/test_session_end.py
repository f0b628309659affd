"""Leaving: after a session ends, nothing of the resident is left anywhere in the window.

A resident identifies as a demo scenario household, opens every screen (and a payment's
"not right" step), and leaves by "End session" or by walking away. Then every object of
the window is searched: texts, tooltips, accessible names and descriptions, object names
and dynamic properties, the window title, and every item model's data in every role.
None of the household's names, ID numbers, amounts, cadres or file may remain.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date

import pytest
from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QEvent, QModelIndex, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from kiosk.domain.idnumber import mask_id_number
from kiosk.domain.money import format_fen
from kiosk.services.demo import SCENARIOS, Scenario
from kiosk.services.resident import household_file, ledger, loans, responsible
from kiosk.services.store import Store
from kiosk.views.main_window import MainWindow
from kiosk.views.screens.base import ResidentScreen
from kiosk.views.screens.complaint import ComplaintScreen
from kiosk.views.screens.home import TILES
from kiosk.views.widgets.keypad import group_text
from tests.views.hands import Hands

from .conftest import DEMO_NOW, MakeWindow


def showing(window: MainWindow, screen: QWidget) -> Callable[[], bool]:
    """A check for ``qtbot.waitUntil``: ``window`` shows ``screen`` (bound now, not when
    a loop has moved on)."""
    return lambda: window.current_screen() is screen


def resident_traces(store: Store, scenario: Scenario, household_id: int) -> set[str]:
    """Every string that would give the resident away if it were left on the screen."""
    today: date = DEMO_NOW.date()
    with store.sessionmaker() as session:
        file = household_file(session, household_id, today=today)
        payments = ledger(session, household_id)
        helpers = responsible(session, household_id)
        credit = loans(session, household_id)
    number = scenario.head_id_number
    traces = {
        number,
        number[:17],
        number[6:14],  # the birth date in the middle
        mask_id_number(number),
        group_text(number, (6, 8, 4)),  # as the number pad shows it
        file.file_number,
        file.address,
        "Y Z G",  # the initials as the letter pad shows them
    }
    for member in file.members:
        traces |= {member.name, member.id_masked}
    for year in payments.years:
        traces.add(format_fen(year.total_fen))
        traces |= {format_fen(line.amount_fen) for line in year.lines}
    traces.add(format_fen(payments.total_fen))
    for loan in credit:
        traces |= {format_fen(loan.amount_fen), format_fen(loan.repaid_fen)}
    for cadre in filter(None, (helpers.current, *helpers.earlier)):
        traces |= {cadre.name, cadre.phone}
    # Very short strings (a one-character given name) would match anything.
    return {trace for trace in traces if len(trace) >= 2}


def model_strings(model: QAbstractItemModel, parent: QModelIndex) -> Iterator[str]:
    """Every value of every item in every role, and the headers.

    ``itemData`` gives each item's values in all the roles that hold one (a
    QStandardItemModel's user roles included). Asking a Qt-made model for an empty role
    one by one would return None with a reference missing (a PySide 6 bug that crashes
    the interpreter at exit), so ``data`` is asked directly only for the extra roles a
    model written in Python declares.
    """
    python_model = not type(model).__module__.startswith("PySide6")
    extra_roles = [role for role in model.roleNames() if role >= Qt.ItemDataRole.UserRole]
    for row in range(model.rowCount(parent)):
        for column in range(model.columnCount(parent)):
            index = model.index(row, column, parent)
            values = list(model.itemData(index).values())
            if python_model:
                values += [model.data(index, role) for role in extra_roles]
            yield from (str(value) for value in values if value is not None)
            if model.hasChildren(index):
                yield from model_strings(model, index)
    for section in range(model.columnCount(parent)):
        value = model.headerData(section, Qt.Orientation.Horizontal)
        if value is not None:
            yield str(value)
    for section in range(model.rowCount(parent)):
        value = model.headerData(section, Qt.Orientation.Vertical)
        if value is not None:
            yield str(value)


def every_string(window: MainWindow) -> Iterator[tuple[str, str]]:
    """(where, text) for every text the window's objects hold."""
    for obj in [window, *window.findChildren(QObject)]:
        where = f"{type(obj).__name__} {obj.objectName()!r}"
        yield where, obj.objectName()
        for raw_name in obj.dynamicPropertyNames():
            name = bytes(raw_name.data()).decode()
            if name.startswith(("_q_", "_PySide")):
                continue  # Qt's and PySide's own bookkeeping, not readable from Python
            yield f"{where} property {name}", str(obj.property(name))
        if isinstance(obj, QWidget):
            yield where, obj.windowTitle()
            yield where, obj.toolTip()
            yield where, obj.statusTip()
            yield where, obj.whatsThis()
            yield where, obj.accessibleName()
            yield where, obj.accessibleDescription()
        if isinstance(obj, QLabel | QAbstractButton):
            yield where, obj.text()
        if isinstance(obj, QLineEdit):
            yield where, obj.text()
            yield where, obj.placeholderText()
        if isinstance(obj, QTextEdit | QPlainTextEdit):
            yield where, obj.toPlainText()
        if isinstance(obj, QAbstractItemModel):
            for text in model_strings(obj, QModelIndex()):
                yield f"{where} model", text


def leftovers(window: MainWindow, traces: set[str]) -> list[str]:
    # Widgets a screen dropped with deleteLater are gone before the next person can touch
    # the screen; let Qt delete them now.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    found = []
    for where, text in every_string(window):
        for trace in traces:
            if trace in text:
                found.append(f"{trace!r} in {where}: {text[:80]!r}")
    return found


def visit_everything(qtbot: QtBot, window: MainWindow, resident: Hands, scenario: Scenario,
                     initials: str) -> int:  # fmt: skip
    """Identify, open every screen and a payment's "not right" step; the household id."""
    resident.identify(window, scenario.head_id_number, initials)
    qtbot.waitUntil(lambda: window.current_screen() is window.home)
    session = window.session
    assert session is not None
    # Bulletins last: that screen is left open, so ending while a screen is open is seen.
    names = sorted((name for name, _symbol in TILES), key=lambda name: name == "bulletins")
    for name in names:
        resident.tap(window.home.tiles[name])
        screen = window.navigation.page(name)
        qtbot.waitUntil(showing(window, screen))
        if name == "ledger":
            not_right = [
                button
                for button in screen.findChildren(QPushButton, "not-right")
                if button.isVisible()
            ]
            if not_right:
                resident.tap(not_right[0])  # the "not right" steps show the payment again
        if name != "bulletins":  # ending while a screen is open must clear it too
            for _ in range(3):  # out of any steps of the screen, then out of the screen
                if window.current_screen() is window.home:
                    break
                resident.tap(window.top_bar.back_button)
            assert window.current_screen() is window.home
    return session.household_id


SCENARIO_INITIALS = [(SCENARIOS[0], "YZG"), (SCENARIOS[1], "ZDM"), (SCENARIOS[2], "SGR")]


@pytest.mark.parametrize(
    ("scenario", "initials"), SCENARIO_INITIALS, ids=[s.head_name for s, _ in SCENARIO_INITIALS]
)
def test_end_session_leaves_nothing_of_the_resident(
    qtbot: QtBot,
    make_window: MakeWindow,
    demo_store: Store,
    resident: Hands,
    scenario: Scenario,
    initials: str,
) -> None:
    """After "End session" no name, ID digit, amount, cadre or file of the household is left."""
    window = make_window()
    household_id = visit_everything(qtbot, window, resident, scenario, initials)
    traces = resident_traces(demo_store, scenario, household_id)
    assert leftovers(window, traces), "the test must see the data while the session is open"

    resident.tap(window.top_bar.end_button)
    qtbot.waitUntil(lambda: window.current_screen() is window.attract)

    assert window.session is None
    assert window.navigation.history == ()
    assert leftovers(window, traces) == []


def test_walking_away_ends_the_session_and_leaves_nothing(
    qtbot: QtBot, make_window: MakeWindow, demo_store: Store, resident: Hands
) -> None:
    """With nobody touching it, "Are you still there?" counts down and the session ends."""
    scenario, initials = SCENARIO_INITIALS[0]
    window = make_window(idle_timeout_s=30, idle_countdown_s=0.3)
    household_id = visit_everything(qtbot, window, resident, scenario, initials)
    traces = resident_traces(demo_store, scenario, household_id)

    # Shorten the idle time only now: the visit above must not be interrupted.
    window.idle.set_idle_timeout(0.3)
    window.idle.start()
    qtbot.waitUntil(lambda: window.current_screen() is window.still_there, timeout=3000)
    assert window.still_there.countdown_label.text() == "1"
    assert window.still_there.question_label.text() == "您还在吗？"
    qtbot.waitUntil(lambda: window.current_screen() is window.attract, timeout=3000)

    assert window.session is None
    assert leftovers(window, traces) == []


def test_more_time_keeps_the_session_where_it_was(
    qtbot: QtBot, make_window: MakeWindow, resident: Hands
) -> None:
    """One tap on "More time" goes back to the same screen with the same session."""
    scenario, initials = SCENARIO_INITIALS[0]
    window = make_window(idle_timeout_s=30, idle_countdown_s=30)
    resident.identify(window, scenario.head_id_number, initials)
    resident.tap(window.home.tiles["household"])
    household = window.navigation.page("household")
    qtbot.waitUntil(lambda: window.current_screen() is household)
    session = window.session

    window.idle.set_idle_timeout(0.2)
    window.idle.start()
    qtbot.waitUntil(lambda: window.current_screen() is window.still_there, timeout=3000)
    assert window.still_there.countdown_label.text() == "30"
    resident.tap(window.still_there.more_time_button)

    assert window.current_screen() is household
    assert window.session is session
    assert isinstance(household, ResidentScreen)
    assert not window.idle.counting_down


def test_end_now_on_the_question_ends_at_once(
    qtbot: QtBot, make_window: MakeWindow, resident: Hands
) -> None:
    """ "End now" on "Are you still there?" ends the session without waiting."""
    scenario, initials = SCENARIO_INITIALS[1]
    window = make_window(idle_timeout_s=0.2, idle_countdown_s=60)
    resident.identify(window, scenario.head_id_number, initials)
    qtbot.waitUntil(lambda: window.current_screen() is window.still_there, timeout=3000)
    resident.tap(window.still_there.end_button)
    assert window.current_screen() is window.attract
    assert window.session is None


def test_any_touch_starts_the_idle_time_again(
    qtbot: QtBot, make_window: MakeWindow, resident: Hands
) -> None:
    """A touch anywhere in the application restarts the idle time from the full length."""
    scenario, initials = SCENARIO_INITIALS[0]
    window = make_window(idle_timeout_s=10)
    resident.identify(window, scenario.head_id_number, initials)
    qtbot.waitUntil(lambda: 0 < window.idle.idle_ms_left() < 9800, timeout=3000)

    qtbot.mouseClick(window.home.prompt_label, Qt.MouseButton.LeftButton)
    assert window.idle.idle_ms_left() > 9800


def test_an_abandoned_identification_is_wiped_too(
    qtbot: QtBot, make_window: MakeWindow, resident: Hands
) -> None:
    """Half a number left on the pad is cleared when nobody comes back to it."""
    window = make_window(idle_timeout_s=0.2, idle_countdown_s=0.2)
    resident.tap(window.attract.start_button)
    identify = window.identify_screen
    number = SCENARIOS[0].head_id_number
    resident.type_on(getattr(identify, "number_entry"), number[:10])  # noqa: B009
    qtbot.waitUntil(lambda: window.current_screen() is window.attract, timeout=3000)
    assert leftovers(window, {number[:10], group_text(number[:10], (6, 8, 4))}) == []


def test_memory_is_given_back_once_the_attract_screen_is_back(
    qtbot: QtBot, make_window: MakeWindow, resident: Hands, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ending a session releases memory (gc and malloc_trim) after the attract screen is
    shown, and only once per session."""
    import kiosk.views.main_window as main_window

    released: list[bool] = []
    window: MainWindow  # made below; the stand-in runs only once the session ends
    monkeypatch.setattr(
        main_window,
        "release_memory",
        lambda: released.append(window.current_screen() is window.attract),
    )
    window = make_window()
    resident.identify(window, SCENARIOS[0].head_id_number, "YZG")
    resident.tap(window.top_bar.end_button)
    qtbot.waitUntil(lambda: released == [True])
    window.end_session()  # no session any more: nothing to give back
    QCoreApplication.processEvents()
    assert released == [True]


def start_a_complaint(qtbot: QtBot, window: MainWindow, resident: Hands) -> ComplaintScreen:
    """Identify as the first story household and choose a complaint's category."""
    scenario, initials = SCENARIO_INITIALS[0]
    resident.identify(window, scenario.head_id_number, initials)
    qtbot.waitUntil(lambda: window.current_screen() is window.home)
    resident.tap(window.home.tiles["complaint"])
    complaint = window.navigation.page("complaint")
    qtbot.waitUntil(lambda: window.current_screen() is complaint)
    buttons = [button for button in complaint.findChildren(QPushButton) if button.isVisible()]
    category = next(button for button in buttons if button.objectName().startswith("category"))
    resident.tap(category)
    assert isinstance(complaint, ComplaintScreen) and complaint.holds_unsent_work()
    return complaint


def test_end_session_during_an_unsent_complaint_asks_first(
    qtbot: QtBot, make_window: MakeWindow, resident: Hands
) -> None:
    """ "End session" with a complaint under way asks; "Back to my complaint" keeps it."""
    window = make_window()
    complaint = start_a_complaint(qtbot, window, resident)
    step = complaint.current_step()

    resident.tap(window.top_bar.end_button)
    assert window.current_screen() is window.confirm_end
    assert window.session is not None
    assert "没有发送" in window.confirm_end.question_label.text()

    resident.tap(window.confirm_end.keep_button)
    assert window.current_screen() is complaint
    assert complaint.current_step() is step
    assert complaint.holds_unsent_work()


def test_end_anyway_discards_the_draft_and_ends(
    qtbot: QtBot, make_window: MakeWindow, resident: Hands
) -> None:
    """ "End and delete it" ends the session and the draft is gone."""
    window = make_window()
    complaint = start_a_complaint(qtbot, window, resident)
    resident.tap(window.top_bar.end_button)
    resident.tap(window.confirm_end.end_button)
    assert window.current_screen() is window.attract
    assert window.session is None
    assert not complaint.holds_unsent_work()


def test_end_session_without_unsent_work_ends_at_once(
    qtbot: QtBot, make_window: MakeWindow, resident: Hands
) -> None:
    """Without a complaint under way "End session" asks nothing."""
    window = make_window()
    scenario, initials = SCENARIO_INITIALS[0]
    resident.identify(window, scenario.head_id_number, initials)
    resident.tap(window.home.tiles["complaint"])  # opened, but nothing chosen yet
    resident.tap(window.top_bar.end_button)
    assert window.current_screen() is window.attract


def test_ending_has_its_own_look(make_window: MakeWindow) -> None:
    """End session is not styled like the actions that move a resident on."""
    window = make_window()
    assert window.top_bar.end_button.property("role") == "end"
    assert window.confirm_end.end_button.property("role") == "end"
    assert window.confirm_end.keep_button.property("role") == "primary"


def test_the_identified_resident_can_file_with_their_name(
    qtbot: QtBot, make_window: MakeWindow, resident: Hands
) -> None:
    """Through the real window the complaint screen knows who identified: "With my name"
    can be chosen (it is greyed out only where no member is known)."""
    window = make_window()
    complaint = start_a_complaint(qtbot, window, resident)
    named = complaint.identity_step.named_button
    assert named.isEnabled()
