"""The list and detail pages: filters, overdue flag, paging, ledger line, language, headers."""

from __future__ import annotations

import re
from datetime import timedelta

from sqlalchemy import select

from central.db import Database
from central.inbox.scope import PAGE_SIZE
from kiosk.domain.clock import utcnow
from kiosk.domain.models import Complaint, ComplaintCategory, ComplaintStatus
from kiosk.domain.tracking import new_tracking_number
from tests.central.inbox.inbox_world import Browser, InboxWorld
from tests.central.seed_data import World

ROW = re.compile(r'<a href="/inbox/complaints/(\d+)" class="tracking">')


def listed(html: str) -> list[int]:
    """Complaint ids in the order the list shows them."""
    return [int(n) for n in ROW.findall(html)]


def test_list_is_newest_first_with_words_not_codes(zhang: Browser, inbox: InboxWorld) -> None:
    """The list is newest first and names categories and statuses in words."""
    page = zhang.get("/inbox/").text
    assert listed(page) == [inbox.dispute, inbox.about_household, inbox.overdue, inbox.concluded]
    assert "截留挪用扶贫资金" in page
    assert "已受理" in page
    assert "funds_withheld" not in page.split("<table", 1)[1]


def test_overdue_is_marked_in_words_and_colour(zhang: Browser, inbox: InboxWorld) -> None:
    """Only the open complaint past its due date carries the OVERDUE mark and row class."""
    page = zhang.get("/inbox/").text
    rows = page.split("<tr")
    late = [row for row in rows if 'class="overdue"' in row]
    assert len(late) == 1
    assert f'/inbox/complaints/{inbox.overdue}"' in late[0]
    assert "已超期" in late[0]
    assert late[0].startswith(' class="late"')
    concluded = next(row for row in rows if f'/complaints/{inbox.concluded}"' in row)
    assert "已超期" not in concluded  # past due, but no longer open


def test_filters_by_status_category_and_overdue(zhang: Browser, inbox: InboxWorld) -> None:
    """Each filter narrows the list to the matching complaints only."""
    assert listed(zhang.get("/inbox/?status=investigating").text) == [inbox.overdue]
    assert listed(zhang.get("/inbox/?category=favouritism").text) == [inbox.concluded]
    assert listed(zhang.get("/inbox/?overdue=1").text) == [inbox.overdue]
    both = zhang.get("/inbox/?status=received&category=wrong_identification").text
    assert listed(both) == [inbox.about_household]
    assert "没有符合条件的投诉" in zhang.get("/inbox/?status=closed").text
    # A value that is no status is ignored rather than an error.
    assert len(listed(zhang.get("/inbox/?status=nonsense").text)) == 4


def test_filter_form_keeps_its_choices(zhang: Browser) -> None:
    """After filtering, the form shows the chosen values so the inspector sees what applies."""
    page = zhang.get("/inbox/?status=investigating&overdue=1").text
    assert '<option value="investigating" selected>' in page
    assert 'name="overdue" type="checkbox" value="1" checked' in page


def test_paging(zhang: Browser, central_db: Database, world: World, inbox: InboxWorld) -> None:
    """More complaints than a page holds are split over pages, keeping the filters."""
    with central_db.session() as session:
        office_id = session.scalars(
            select(Complaint.office_id).where(Complaint.id == inbox.dispute)
        ).one()
        now = utcnow()
        for n in range(PAGE_SIZE + 3):
            session.add(
                Complaint(
                    tracking_number=new_tracking_number(),
                    secret_hash="x",
                    idempotency_key=f"paging-{n}-{new_tracking_number()}",
                    kiosk_code="TEST-0001",
                    category=ComplaintCategory.OTHER,
                    office_id=office_id,
                    status=ComplaintStatus.RECEIVED,
                    created_at=now - timedelta(days=100, minutes=n),
                )
            )
        session.commit()
    first = zhang.get("/inbox/?category=other").text
    second = zhang.get("/inbox/?category=other&page=2").text
    assert len(listed(first)) == PAGE_SIZE
    assert len(listed(second)) == 3
    assert not set(listed(first)) & set(listed(second))
    assert 'href="?category=other&amp;page=2"' in first
    assert "第 2 页，共 2 页" in second


def test_detail_shows_the_disputed_line_and_difference(zhang: Browser, inbox: InboxWorld) -> None:
    """The dispute shows recorded ¥8,000.00 against ¥4,000.00 received, a ¥4,000.00 gap."""
    page = zhang.get(f"/inbox/complaints/{inbox.dispute}").text
    dispute = page.split('id="h-dispute"', 1)[1].split("</section>", 1)[0]
    assert "灾害救助" in dispute
    assert "龙里县民政局" in dispute
    assert "2014-08-20" in dispute
    assert "¥8,000.00" in dispute
    assert dispute.count("¥4,000.00") == 2  # claimed received, and the difference
    assert "王建国" in page  # the implicated cadre


def test_detail_shows_household_history_and_masked_ids_only(
    zhang: Browser, inbox: InboxWorld
) -> None:
    """The household part has the file number, village, masked IDs and every payment."""
    page = zhang.get(f"/inbox/complaints/{inbox.dispute}").text
    household = page.split('id="h-household"', 1)[1].split("</section>", 1)[0]
    assert "522730001001-0001" in household
    assert "冠山村" in household
    assert re.search(r"5227\*{10}\d{3}[\dX]", household)
    assert not re.search(r"\d{17}[\dX]", page)  # no full ID number anywhere
    assert "LLMZ-2014-000123" in household and "LLMZ-2015-000456" in household
    assert "¥1,234.50" in household
    assert "¥9,234.50" in household  # the total


def test_anonymous_complaint_shows_no_contact(zhang: Browser, inbox: InboxWorld) -> None:
    """An anonymous complaint says so, by its level, and shows no phone."""
    page = zhang.get(f"/inbox/complaints/{inbox.overdue}").text
    # Anonymous without a household: a report about the village.
    assert "匿名反映村里的事" in page and "不告知（匿名）" in page
    assert "联系电话" not in page


def test_language_switch_and_accept_language(zhang: Browser, inbox: InboxWorld) -> None:
    """Chinese by default; English by Accept-Language or by the switch, which is kept."""
    assert "投诉列表" in zhang.get("/inbox/").text
    english = zhang.get("/inbox/", headers={"Accept-Language": "en-GB,en;q=0.9"}).text
    assert "Complaints" in english and 'lang="en"' in english
    switch = zhang.get("/inbox/lang/en?next=/inbox/?status=received")
    assert switch.status_code == 303
    assert switch.headers["location"] == "/inbox/?status=received"
    assert "Received" in zhang.get("/inbox/?status=received").text
    detail = zhang.get(f"/inbox/complaints/{inbox.dispute}").text
    assert "Disputed payment" in detail and "Difference" in detail and "Disaster relief" in detail
    # Never a redirect away from the inbox.
    assert zhang.get("/inbox/lang/zh?next=//evil.example/").headers["location"] == "/inbox/"


def test_security_headers_and_no_caching(zhang: Browser, inbox: InboxWorld) -> None:
    """Pages forbid framing, inline code and caching; the stylesheet is served and cacheable."""
    page = zhang.get(f"/inbox/complaints/{inbox.dispute}")
    assert page.headers["content-security-policy"].startswith("default-src 'self'")
    assert page.headers["x-frame-options"] == "DENY"
    assert page.headers["referrer-policy"] == "no-referrer"
    assert page.headers["cache-control"] == "no-store"
    assert "<script" not in page.text and "style=" not in page.text
    css = zhang.get("/inbox/static/inbox.css")
    assert css.status_code == 200
    assert "@media print" in css.text
    assert "no-store" not in css.headers.get("cache-control", "")
