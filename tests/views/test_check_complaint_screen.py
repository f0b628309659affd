""" "Check my complaint" by taps: the tracking number checked as typed, the secret masked,
then the status from this terminal's store, or plain words when nothing can be shown."""

from __future__ import annotations

import functools
import socket
import threading
from collections.abc import Callable, Iterator

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from kiosk.domain.models import ComplaintCategory, Household
from kiosk.domain.tracking import grouped, luhn_check_digit
from kiosk.services.complaints.client import CentralClient
from kiosk.services.complaints.filing import ComplaintDraft, FiledComplaint, file_complaint
from kiosk.services.complaints.status import ComplaintStatusView, TooManyAttempts, check_status
from kiosk.services.store import Store
from kiosk.views.i18n import Translations
from kiosk.views.main_window import for_low_screen
from kiosk.views.screens.base import ScreenContext
from kiosk.views.screens.check_complaint import CheckComplaintScreen
from kiosk.views.screens.complaint.pads import MASK
from kiosk.views.theme import NORMAL, load_stylesheet, with_large_text
from tests.views.hands import Hands

from .conftest import TERMINAL_CODE, TERMINAL_REGION, Screens, demo_clock
from .test_complaint_screen import assert_fits

RELIEF_FILE = "522730001001-0001"
#: A tracking number with a right check digit that no complaint has.
UNKNOWN = "38412290573" + luhn_check_digit("38412290573")


def closed_port() -> int:
    """A loopback port nobody listens on: the central server is "down"."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


@pytest.fixture
def client() -> Iterator[CentralClient]:
    """A real central API client whose server cannot be reached."""
    made = CentralClient(
        f"http://127.0.0.1:{closed_port()}",
        kiosk_code=TERMINAL_CODE,
        private_key=Ed25519PrivateKey.generate(),
        timeout_s=2,
    )
    yield made
    made.close()


@pytest.fixture
def filed(demo_store: Store) -> FiledComplaint:
    """A complaint filed at this terminal with the real service, still in its outbox."""
    with demo_store.sessionmaker() as s:
        household_id = s.scalars(
            select(Household.id).where(Household.file_number == RELIEF_FILE)
        ).one()
    return file_complaint(
        demo_store.sessionmaker,
        ComplaintDraft(ComplaintCategory.BRIBES, household_id),
        kiosk_code=TERMINAL_CODE,
    )


def context(
    store: Store, checker: Callable[[str, str], ComplaintStatusView] | None
) -> ScreenContext:
    return ScreenContext(
        sessions=store.sessionmaker,
        kiosk_code=TERMINAL_CODE,
        region_code=TERMINAL_REGION,
        clock=demo_clock,
        check_status=checker,
    )


@pytest.fixture
def check(
    screens: Screens, demo_store: Store, client: CentralClient
) -> Iterator[CheckComplaintScreen]:
    """The screen over the demo store with the real status check, at 1920x1080 in Chinese."""
    checker = functools.partial(check_status, client, demo_store.sessionmaker)
    screen = screens.show(CheckComplaintScreen(context(demo_store, checker)))
    yield screen
    screen.clear()


def type_both(resident: Hands, screen: CheckComplaintScreen, number: str, secret: str) -> None:
    resident.type_on(screen.number_entry, number)
    resident.tap(screen.next_button)
    resident.type_on(screen.secret_entry, secret)


def test_a_mistyped_digit_is_caught_as_typed(check: CheckComplaintScreen, resident: Hands) -> None:
    """Twelve digits with a wrong check digit: said in plain words, Next stays greyed."""
    resident.type_on(check.number_entry, UNKNOWN[:-1] + str((int(UNKNOWN[-1]) + 1) % 10))
    problem = check.number_step.problem.label
    assert problem.isVisible()
    assert "有一位输错了" in problem.text()
    assert not check.next_button.isEnabled()
    resident.tap(check.number_entry.pad.button("delete"))
    assert not problem.isVisible()
    resident.tap(check.number_entry.pad.button(UNKNOWN[-1]))
    assert check.next_button.isEnabled()
    assert check.number_entry.shown_text() == grouped(UNKNOWN)


def test_a_tracking_number_never_starts_with_0(
    check: CheckComplaintScreen,
) -> None:
    """The 0 key is greyed out until a first digit is typed."""
    assert not check.number_entry.pad.button("0").isEnabled()
    assert check.number_entry.pad.button("1").isEnabled()


def test_a_complaint_waiting_here_shows_its_status_and_history(
    qtbot: QtBot, check: CheckComplaintScreen, resident: Hands, filed: FiledComplaint
) -> None:
    """With the central server down, a complaint still in this terminal's outbox is found
    here: "waiting to be sent", its office, and its first event. The secret shows as dots."""
    type_both(resident, check, filed.tracking_number, filed.secret)
    assert check.secret_entry.shown_text() == " ".join(MASK * 6)
    assert filed.secret not in check.secret_entry.shown_text()
    resident.tap(check.check_button)
    qtbot.waitUntil(lambda: check.current_step() is check.status_step, timeout=10_000)
    view = check.status_view
    assert view.status_label.text() == "已保存在这台机器上，等待发送"
    assert filed.office_name in view.office_label.text()
    assert grouped(filed.tracking_number) in view.number_label.text()
    assert "吃拿卡要" not in view.category_label.text()  # the plain words, not the term
    assert "办事要送礼" in view.category_label.text()
    assert len(view._entries) == 1
    assert "等待发送" in view._entries[0].text()
    # The secret is gone from the pad as soon as the check started.
    assert check.secret_entry.text() == ""


def test_a_wrong_secret_finds_nothing(
    qtbot: QtBot, check: CheckComplaintScreen, resident: Hands, filed: FiledComplaint
) -> None:
    """The right number with a wrong secret says "not found" at the secret, which is
    cleared for another try."""
    wrong = "0" * 6 if filed.secret != "0" * 6 else "1" * 6
    type_both(resident, check, filed.tracking_number, wrong)
    with qtbot.waitSignal(check.jobs.settled, timeout=10_000):
        resident.tap(check.check_button)
    problem = check.secret_step.problem.label
    assert problem.isVisible()
    assert "查不到这件投诉" in problem.text()
    assert check.current_step() is check.secret_step
    assert check.secret_entry.text() == ""
    assert not check.check_button.isEnabled()


def test_the_central_server_down_is_said_plainly(
    qtbot: QtBot, check: CheckComplaintScreen, resident: Hands
) -> None:
    """A complaint not on this terminal cannot be looked up while the server is down."""
    type_both(resident, check, UNKNOWN, "123456")
    with qtbot.waitSignal(check.jobs.settled, timeout=10_000):
        resident.tap(check.check_button)
    assert "暂时无法连接" in check.secret_step.problem.label.text()
    assert check.check_button.text() == "查询"


def test_too_many_attempts_is_said_plainly(
    qtbot: QtBot, screens: Screens, demo_store: Store, resident: Hands
) -> None:
    """The server's "too many wrong codes" is shown in words. (A stand-in for the server's
    answer: making the real one refuse takes a run of wrong codes against a live server.)"""

    def refusing(_number: str, _secret: str) -> ComplaintStatusView:
        raise TooManyAttempts()

    screen = screens.show(CheckComplaintScreen(context(demo_store, refusing)))
    type_both(resident, screen, UNKNOWN, "123456")
    with qtbot.waitSignal(screen.jobs.settled, timeout=10_000):
        resident.tap(screen.check_button)
    assert "15 分钟" in screen.secret_step.problem.label.text()


def test_no_checker_means_ask_staff(screens: Screens, demo_store: Store, resident: Hands) -> None:
    """A terminal without a central server configured says so instead of checking."""
    screen = screens.show(CheckComplaintScreen(context(demo_store, None)))
    type_both(resident, screen, UNKNOWN, "123456")
    resident.tap(screen.check_button)
    assert "工作人员" in screen.secret_step.problem.label.text()
    assert not screen.jobs.busy()


def test_an_answer_after_the_session_ended_is_dropped(
    qtbot: QtBot, screens: Screens, demo_store: Store, resident: Hands, filed: FiledComplaint
) -> None:
    """clear() while a check runs: the status that arrives later is never shown."""
    release = threading.Event()
    real = functools.partial(
        check_status,
        CentralClient(
            f"http://127.0.0.1:{closed_port()}",
            kiosk_code=TERMINAL_CODE,
            private_key=Ed25519PrivateKey.generate(),
        ),
        demo_store.sessionmaker,
    )

    def slow(number: str, secret: str) -> ComplaintStatusView:
        release.wait(10)
        return real(number, secret)

    screen = screens.show(CheckComplaintScreen(context(demo_store, slow)))
    type_both(resident, screen, filed.tracking_number, filed.secret)
    resident.tap(screen.check_button)
    assert screen.check_button.text() == "正在查询…"
    screen.clear()
    with qtbot.waitSignal(screen.jobs.settled, timeout=10_000):
        release.set()
    assert screen.current_step() is screen.number_step
    assert screen.status_view.shown() is None
    assert filed.office_name not in " ".join(Screens.texts(screen))


def test_clear_leaves_no_number_secret_or_status(
    qtbot: QtBot, check: CheckComplaintScreen, resident: Hands, filed: FiledComplaint
) -> None:
    """After a status was shown, clear() leaves neither number, secret nor status behind."""
    type_both(resident, check, filed.tracking_number, filed.secret)
    resident.tap(check.check_button)
    qtbot.waitUntil(lambda: check.current_step() is check.status_step, timeout=10_000)
    check.clear()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    texts = " ".join(Screens.texts(check, with_root=True, descriptions=True))
    for trace in (
        filed.tracking_number,
        grouped(filed.tracking_number),
        filed.secret,
        filed.office_name,
        "等待发送",
    ):
        assert trace not in texts, trace
    assert check.number_entry.text() == "" and check.secret_entry.text() == ""
    assert check.current_step() is check.number_step


def test_back_steps_back_then_leaves(check: CheckComplaintScreen, resident: Hands) -> None:
    """Back from the secret returns to the number (kept); from the number it leaves."""
    resident.type_on(check.number_entry, UNKNOWN)
    resident.tap(check.next_button)
    resident.type_on(check.secret_entry, "12")
    assert check.go_back()
    assert check.current_step() is check.number_step
    assert check.number_entry.text() == UNKNOWN
    assert check.secret_entry.text() == ""
    assert not check.go_back()
    assert check.number_entry.text() == ""


@pytest.mark.parametrize("large", [False, True], ids=["normal", "large-text"])
@pytest.mark.parametrize(("width", "height"), [(1920, 960), (1080, 1800), (1366, 648)])
def test_every_step_fits_the_screen(
    qtbot: QtBot,
    translations: Translations,
    screens: Screens,
    demo_store: Store,
    client: CentralClient,
    resident: Hands,
    filed: FiledComplaint,
    large: bool,
    width: int,
    height: int,
) -> None:
    """Number (refused), secret (refused), and the status fit under the top bar at every
    terminal size, with normal and large text, in English (the longer words)."""
    translations.set_language("en")
    theme = with_large_text(NORMAL) if large else NORMAL
    if height < 780:
        theme = for_low_screen(theme)
    holder = QWidget()
    holder.setStyleSheet(load_stylesheet(theme))
    QVBoxLayout(holder).setContentsMargins(0, 0, 0, 0)
    checker = functools.partial(check_status, client, demo_store.sessionmaker)
    screen = CheckComplaintScreen(context(demo_store, checker))
    layout = holder.layout()
    assert layout is not None
    layout.addWidget(screen)
    qtbot.addWidget(holder)
    holder.resize(width, height)
    holder.show()
    qtbot.waitExposed(holder)

    resident.type_on(screen.number_entry, UNKNOWN[:-1] + str((int(UNKNOWN[-1]) + 1) % 10))
    assert_fits(holder, width, height)
    resident.tap(screen.number_entry.pad.button("clear"))
    type_both(resident, screen, UNKNOWN, "123456")
    assert_fits(holder, width, height)
    with qtbot.waitSignal(screen.jobs.settled, timeout=10_000):
        resident.tap(screen.check_button)
    assert screen.secret_step.problem.label.isVisible()
    assert_fits(holder, width, height)
    assert screen.secret_entry.text() == ""  # to be typed again
    assert screen.go_back()
    resident.tap(screen.number_entry.pad.button("clear"))
    type_both(resident, screen, filed.tracking_number, filed.secret)
    resident.tap(screen.check_button)
    qtbot.waitUntil(lambda: screen.current_step() is screen.status_step, timeout=10_000)
    assert_fits(holder, width, height)
    screen.clear()
