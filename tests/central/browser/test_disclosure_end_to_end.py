"""Each disclosure level from the kiosk's taps to the inspectors' page in Chromium: what the
detail page shows is exactly what the kiosk's review screen promised, and the cadre the
complaint concerns gets nothing.

Every part is real: the demo store, the kiosk's main window driven by taps, its outbox
sender and client, the central server on a loopback port over a database seeded with the
``kiosk-central`` commands, and Debian's Chromium through chromedriver. The one thing the
test does for the main window is to tell the complaint screen who identified
(``set_complainant``), the line the main window adds when it opens the screen.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.ui import WebDriverWait
from sqlalchemy import select

from kiosk.domain.models import (
    Cadre,
    Complaint,
    ComplaintCategory,
    Disclosure,
    Household,
    Member,
    RegionLevel,
)
from kiosk.services.store import Store
from kiosk.views.main_window import MainWindow
from kiosk.views.screens.complaint import ComplaintScreen
from kiosk.views.screens.ledger import LedgerScreen
from tests.central.browser.test_inbox_browser import full_page_screenshot
from tests.central.inbox.inbox_world import PASSWORD as ACCOUNT_PASSWORD
from tests.central.inbox.inbox_world import add_inspector

# The end-to-end test's fixtures: the live server seeded from the demo store, the kiosk's
# key registered, an inspector of the county and of Guanshan, the outbox, the window.
from tests.test_end_to_end_complaint import (  # noqa: F401
    COUNTY_INSPECTOR,
    OTHER_INSPECTOR,
    PASSWORD,
    RELIEF,
    RELIEF_INITIALS,
    Central,
    central,
    outbox,
    outbox_sent,
    relief_record,
    window,
)
from tests.views.conftest import (  # noqa: F401
    demo_store,
    make_window,
    resident,
    translations,
)
from tests.views.hands import Hands

PHONE = "13812345678"
#: 黄刚 of 龙里县统计局, who helps the household now; also an inspector of the county here.
HELPER = "GB522730-0000001"
COMMITTEE = "文峰社区居民委员会"
COMMITTEE_CADRE = "C522730001001-01"


@dataclass(frozen=True)
class Promise:
    """What the review screen said before Send."""

    level: str
    shown: list[str]
    hidden: list[str]
    name: str
    phone_masked: str
    office: str


@pytest.fixture
def conflicted(central: Central) -> None:  # noqa: F811 (a fixture)
    """Two more inspector accounts of the offices involved: the household's helper at the
    county commission, and a member of the village's committee at Guanshan's office."""
    with central.database.session() as session:
        session.add(
            Cadre(
                code=COMMITTEE_CADRE,
                name="周主任",
                name_initials="ZZR",
                unit=COMMITTEE,
                post="居委会主任",
                region_code="522730001001",
                level=RegionLevel.VILLAGE,
                phone="08515550199",
            )
        )
        add_inspector(session, "huang.helper", "黄兼职", "JW522730", cadre_code=HELPER)
        add_inspector(
            session, "zhou.committee", "周兼职", "JW522730001", cadre_code=COMMITTEE_CADRE
        )
        session.commit()


def _lines(text: str) -> list[str]:
    return [line.removeprefix("• ") for line in text.splitlines() if line]


def _file(
    qtbot: QtBot,
    window: MainWindow,  # noqa: F811
    hands: Hands,
    store: Store,
    level: Disclosure,
) -> tuple[str, Promise]:
    """As the resident: identify, then a complaint at ``level`` (named and anonymous about
    the 8,000-yuan payment, naming nobody; a village report of favouritism naming the
    committee), read the review, Send. Returns the tracking number and the promise."""
    hands.identify(window, RELIEF.head_id_number, RELIEF_INITIALS)
    qtbot.waitUntil(lambda: window.current_screen() is window.home)
    if level is Disclosure.VILLAGE_REPORT:
        hands.tap(window.home.tiles["complaint"])
        complaint = window.navigation.page("complaint")
        assert isinstance(complaint, ComplaintScreen)
        qtbot.waitUntil(lambda: window.current_screen() is complaint)
        assert window.session is not None
        complaint.set_complainant(window.session.member_id)
        hands.tap(complaint.category_step.buttons[ComplaintCategory.FAVOURITISM])
    else:
        hands.tap(window.home.tiles["ledger"])
        ledger = window.navigation.page("ledger")
        assert isinstance(ledger, LedgerScreen)
        qtbot.waitUntil(lambda: window.current_screen() is ledger)
        record = relief_record(store)
        while (year := ledger.current_year()) is not None and year.year != 2014:
            hands.tap(ledger.older_button)
        card = ledger.card_for(record.id)
        assert card is not None
        hands.tap(card.wrong_button)
        qtbot.waitUntil(ledger.dispute.isVisible)
        hands.tap(ledger.dispute.less_button)
        hands.type_on(ledger.dispute.amount, "4000")
        hands.tap(ledger.dispute.amount_confirm_button)
        qtbot.waitUntil(ledger.dispute.done_step.isVisible)
        hands.tap(ledger.dispute.complain_button)
        complaint = window.navigation.page("complaint")
        assert isinstance(complaint, ComplaintScreen)
        qtbot.waitUntil(lambda: window.current_screen() is complaint)
        assert window.session is not None
        complaint.set_complainant(window.session.member_id)
    hands.tap(complaint.words_step.continue_button)
    identity = complaint.identity_step
    hands.tap(identity.buttons[level])
    hands.tap(identity.continue_button)
    if level is Disclosure.NAMED:
        hands.type_on(identity.phone, PHONE)
        hands.tap(identity.phone_continue_button)
    implicated = complaint.implicated_step
    if level is Disclosure.VILLAGE_REPORT:
        hands.tap(implicated.buttons["committee"])
    else:
        hands.tap(implicated.nobody_button)
    hands.tap(implicated.continue_button)
    review = complaint.review_step
    assert complaint.current_step() is review
    promise = Promise(
        level=review.disclosure_value.text(),
        shown=_lines(review.shown_value.text()),
        hidden=_lines(review.hidden_value.text()) if not review.hidden_value.isHidden() else [],
        name=review.name_value.text() if not review.name_value.isHidden() else "",
        phone_masked=review.phone_value.text() if not review.phone_value.isHidden() else "",
        office=review.office_value.text(),
    )
    hands.tap(review.send_button)
    qtbot.waitUntil(lambda: complaint.current_step() is complaint.result_step, timeout=10_000)
    number = complaint.result_step.tracking_value.text().replace(" ", "")
    return number, promise


def _sign_in(driver: webdriver.Chrome, base: str, username: str, password: str) -> None:
    wait = WebDriverWait(driver, 10)
    driver.delete_all_cookies()
    driver.get(f"{base}/inbox/login")
    wait.until(ec.presence_of_element_located((By.ID, "username")))
    driver.find_element(By.ID, "username").send_keys(username)
    driver.find_element(By.ID, "password").send_keys(password)
    driver.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
    wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, ".who strong")))


def _open(driver: webdriver.Chrome, base: str, complaint_id: int) -> str:
    driver.get(f"{base}/inbox/complaints/{complaint_id}")
    WebDriverWait(driver, 10).until(ec.presence_of_element_located((By.TAG_NAME, "h1")))
    return str(driver.find_element(By.TAG_NAME, "h1").text)


def _texts(driver: webdriver.Chrome, css: str) -> list[str]:
    return [str(item.text) for item in driver.find_elements(By.CSS_SELECTOR, css)]


CASES = {
    Disclosure.NAMED: (COUNTY_INSPECTOR, PASSWORD, "huang.helper"),
    Disclosure.ANONYMOUS: (COUNTY_INSPECTOR, PASSWORD, "huang.helper"),
    Disclosure.VILLAGE_REPORT: (OTHER_INSPECTOR, PASSWORD, "zhou.committee"),
}


@pytest.mark.parametrize("central_db", ["sqlite"], indirect=True)
@pytest.mark.parametrize("level", list(CASES), ids=[level.value for level in CASES])
def test_the_inbox_shows_exactly_what_the_review_promised(
    qtbot: QtBot,
    window: MainWindow,  # noqa: F811
    resident: Hands,  # noqa: F811
    demo_store: Store,  # noqa: F811
    central: Central,  # noqa: F811
    conflicted: None,
    chrome: webdriver.Chrome,
    screenshots: Path,
    level: Disclosure,
) -> None:
    """Filed at the kiosk at ``level`` and sent by its outbox, the complaint's page in the
    receiving office's inbox heads the level and lists the parts shown and hidden in the
    review's own words, shows only those parts, and the cadre it concerns gets 404."""
    number, promise = _file(qtbot, window, resident, demo_store, level)
    qtbot.waitUntil(lambda: outbox_sent(demo_store, number), timeout=15_000)
    with central.database.session() as session:
        stored = session.scalars(select(Complaint).where(Complaint.tracking_number == number)).one()
        complaint_id = stored.id
        assert stored.office is not None and stored.office.name == promise.office
    with demo_store.sessionmaker() as session:
        members = list(
            session.scalars(
                select(Member.name)
                .join(Household, Member.household_id == Household.id)
                .where(Household.file_number == RELIEF.file_number)
            )
        )

    inspector, password, concerned = CASES[level]
    _sign_in(chrome, central.url, inspector, password)
    assert _open(chrome, central.url, complaint_id).startswith("投诉")
    page = chrome.find_element(By.TAG_NAME, "main").text
    heading = chrome.find_element(By.ID, "h-disclosure").text
    assert heading == f"反映方式：{promise.level}"
    assert _texts(chrome, ".disclosure ul.shown li") == promise.shown
    assert _texts(chrome, ".disclosure ul.not-shown li") == promise.hidden
    complainant = chrome.find_element(By.CSS_SELECTOR, "dd.complainant").text
    full_page_screenshot(chrome, screenshots / f"inbox-detail-{level.value}.png")

    if level is Disclosure.NAMED:
        assert promise.name == "杨正刚" and promise.name in complainant
        assert PHONE in complainant and promise.phone_masked == "138****5678"
        assert RELIEF.file_number in page and "¥8,000.00" in page
        assert all(name in page for name in members)
    elif level is Disclosure.ANONYMOUS:
        assert promise.name == "" and complainant == "不告知（匿名）"
        assert RELIEF.file_number in page and "¥8,000.00" in page and "¥4,000.00" in page
        leaked = [name for name in members if name in chrome.page_source]
        assert leaked == [], "a member of the filer's household is on the page"
        assert PHONE not in chrome.page_source
        assert not chrome.find_elements(By.CSS_SELECTOR, "table.members")
    else:
        assert complainant == "不告知（匿名）" and COMMITTEE in page
        assert RELIEF.file_number not in chrome.page_source
        assert [name for name in members if name in chrome.page_source] == []
        assert "¥" not in page
        assert not chrome.find_elements(By.CSS_SELECTOR, "table.members, table.payments")

    chrome.find_element(By.CSS_SELECTOR, ".who button").click()
    _sign_in(chrome, central.url, concerned, ACCOUNT_PASSWORD)
    assert _open(chrome, central.url, complaint_id) == "未找到"
    assert number not in chrome.page_source
    chrome.get(f"{central.url}/inbox/")
    WebDriverWait(chrome, 10).until(ec.presence_of_element_located((By.TAG_NAME, "h1")))
    assert number not in chrome.page_source, "the concerned cadre's list has the complaint"
