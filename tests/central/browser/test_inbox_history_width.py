"""The detail page's history at an inspector's 1400-pixel screen, in a real Chromium: the
status column reads on one line, and the complainant's line shows beside the note."""

from __future__ import annotations

from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.ui import WebDriverWait
from sqlalchemy import select

from central import lifecycle
from central.db import Database
from central.models import Inspector
from kiosk.domain.models import Complaint, ComplaintStatus, Outcome
from tests.central.browser.test_inbox_browser import sign_in
from tests.central.inbox.inbox_world import InboxWorld

LONG_NOTE = (
    "已调取2014年灾害救助发放花名册和一卡通代发明细，约谈村委会主任及会计，"
    "核对签领表上的签名与本人笔迹，并走访同组农户三户，了解当年救灾款发放的实际情况。"
) * 2

#: How many lines of text each status cell of the history spans (one rect per line box).
LINE_BOXES = """
return Array.from(document.querySelectorAll("table.history td.event-status")).map(cell => {
  const range = document.createRange();
  range.selectNodeContents(cell);
  return new Set(Array.from(range.getClientRects()).map(r => Math.round(r.top))).size;
});
"""


def _history(central_db: Database, complaint_id: int) -> None:
    """A history as a worked complaint has one: assigned, long notes, concluded."""
    with central_db.session() as session:
        complaint = session.get(Complaint, complaint_id)
        zhang = session.scalars(select(Inspector).where(Inspector.username == "zhang")).one()
        assert complaint is not None
        lifecycle.assign(session, complaint, inspector=zhang, actor=zhang, note=LONG_NOTE)
        lifecycle.change_status(
            session,
            complaint,
            to=ComplaintStatus.INVESTIGATING,
            actor=zhang,
            note=LONG_NOTE,
            public=True,
        )
        lifecycle.change_status(
            session,
            complaint,
            to=ComplaintStatus.CONCLUDED,
            actor=zhang,
            outcome=Outcome.PARTLY_UPHELD,
            note=LONG_NOTE,
        )
        session.commit()


@pytest.mark.parametrize("central_db", ["sqlite"], indirect=True)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_history_status_cells_are_one_line_high_at_1400_px(
    chrome: webdriver.Chrome,
    live_server: str,
    inbox: InboxWorld,
    central_db: Database,
    screenshots: Path,
    lang: str,
) -> None:
    """At 1400 px wide, with long notes, every status cell of the history is one line (not
    a character per line); the page says what the complainant sees at each step."""
    _history(central_db, inbox.dispute)
    sign_in(chrome, live_server, "zhang")
    if lang == "en":
        chrome.get(f"{live_server}/inbox/lang/en?next=/inbox/")
    chrome.set_window_size(1400, 1000)
    chrome.get(f"{live_server}/inbox/complaints/{inbox.dispute}")
    WebDriverWait(chrome, 10).until(ec.presence_of_element_located((By.ID, "h-history")))
    assert chrome.execute_script("return window.innerWidth") == 1400
    lines = chrome.execute_script(LINE_BOXES)
    assert len(lines) == 4 and set(lines) == {1}, lines
    history = chrome.find_element(By.CSS_SELECTOR, "table.history").text
    sees = "投诉人看到：" if lang == "zh" else "The complainant sees:"
    assert history.count(sees) == 3  # assigned, investigating, concluded
    outcome = "已办结，结果：部分属实。" if lang == "zh" else "Concluded: Partly upheld."
    assert outcome in history
    chrome.find_element(By.ID, "h-history").location_once_scrolled_into_view  # noqa: B018
    chrome.save_screenshot(str(screenshots / f"inbox-history-1400-{lang}.png"))
