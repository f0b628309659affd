"""The inbox in a real browser: sign in, find the dispute, act on it; another office cannot."""

from __future__ import annotations

from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.ui import Select, WebDriverWait
from sqlalchemy import select

from central.db import Database
from kiosk.domain.models import ComplaintEvent, ComplaintStatus
from kiosk.domain.tracking import grouped
from tests.central.inbox.inbox_world import PASSWORD, InboxWorld

NOTE = "已调取2014年灾害救助发放花名册，约谈村委会主任。"


def sign_in(driver: webdriver.Chrome, base: str, username: str) -> None:
    driver.get(f"{base}/inbox/")
    wait = WebDriverWait(driver, 10)
    wait.until(ec.presence_of_element_located((By.ID, "username")))
    assert driver.current_url.endswith("/inbox/login")
    driver.find_element(By.ID, "username").send_keys(username)
    driver.find_element(By.ID, "password").send_keys(PASSWORD)
    driver.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
    wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, ".who strong")))


def full_page_screenshot(driver: webdriver.Chrome, path: Path) -> None:
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(1280, max(900, int(height) + 120))
    driver.save_screenshot(str(path))


@pytest.mark.parametrize("central_db", ["sqlite"], indirect=True)
def test_inspector_acts_on_the_dispute_and_another_office_cannot_reach_it(
    chrome: webdriver.Chrome,
    live_server: str,
    inbox: InboxWorld,
    central_db: Database,
    screenshots: Path,
) -> None:
    """Zhang finds the 8,000/4,000 dispute, acts on it and sees the event; Wang gets 404."""
    wait = WebDriverWait(chrome, 10)
    sign_in(chrome, live_server, "zhang")

    link = chrome.find_element(By.LINK_TEXT, grouped(inbox.dispute_tracking))
    row = link.find_element(By.XPATH, "./ancestor::tr")
    assert "截留挪用扶贫资金" in row.text
    assert "已受理" in row.text
    full_page_screenshot(chrome, screenshots / "inbox-list.png")

    link.click()
    wait.until(ec.presence_of_element_located((By.ID, "h-dispute")))
    detail_url = chrome.current_url
    dispute = chrome.find_element(By.CSS_SELECTOR, "section.dispute").text
    assert "¥8,000.00" in dispute and "¥4,000.00" in dispute

    Select(chrome.find_element(By.ID, "to")).select_by_value("investigating")
    chrome.find_element(By.ID, "status-note").send_keys(NOTE)
    chrome.find_element(By.CSS_SELECTOR, "label[for=vis-public]").click()
    chrome.find_element(By.CSS_SELECTOR, "#h-change ~ form button[type=submit]").click()
    wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, "p.notice")))
    assert "状态已更新" in chrome.find_element(By.CSS_SELECTOR, "p.notice").text
    history = chrome.find_element(By.CSS_SELECTOR, "table.history").text
    assert NOTE in history
    assert "调查中" in history and "zhang" in history
    assert "公开（投诉人可见）" in history
    full_page_screenshot(chrome, screenshots / "inbox-detail.png")
    # The stylesheet loaded under the strict Content-Security-Policy, and nothing was blocked.
    assert (
        chrome.find_element(By.CSS_SELECTOR, "header.top").value_of_css_property("display")
        == "flex"
    )
    # Printed, the page keeps the facts and drops the header, forms and links back.
    chrome.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    assert not chrome.find_element(By.ID, "status-note").is_displayed()
    assert not chrome.find_element(By.CSS_SELECTOR, "header.top").is_displayed()
    assert chrome.find_element(By.CSS_SELECTOR, "table.history").is_displayed()
    full_page_screenshot(chrome, screenshots / "inbox-detail-print.png")
    chrome.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    # Selenium's ChromiumDriver.get_log has no annotations.
    logged = chrome.get_log("browser")  # type: ignore[no-untyped-call]
    console = [entry["message"] for entry in logged]
    assert not [line for line in console if "Content Security Policy" in line], console

    with central_db.session() as session:
        event = session.scalars(
            select(ComplaintEvent)
            .where(ComplaintEvent.complaint_id == inbox.dispute)
            .order_by(ComplaintEvent.id.desc())
        ).first()
    assert event is not None
    assert (event.status, event.actor, event.note, event.public) == (
        ComplaintStatus.INVESTIGATING,
        "zhang",
        NOTE,
        True,
    )

    chrome.find_element(By.CSS_SELECTOR, ".who button").click()
    wait.until(ec.presence_of_element_located((By.ID, "username")))
    sign_in(chrome, live_server, "wang")
    assert grouped(inbox.dispute_tracking) not in chrome.page_source
    assert inbox.dispute_tracking not in chrome.page_source
    chrome.get(detail_url)
    wait.until(ec.presence_of_element_located((By.TAG_NAME, "h1")))
    assert chrome.find_element(By.TAG_NAME, "h1").text == "未找到"
    assert "¥8,000.00" not in chrome.page_source
