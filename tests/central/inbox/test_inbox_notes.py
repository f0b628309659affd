"""The inbox reads well: tracking numbers grouped 4-4-4 and found with or without spaces, the
complainant's line at each step, the 404 page signed in, and the complaints about one
payment shown together (never one hidden from the inspector)."""

from __future__ import annotations

import re
from datetime import timedelta
from urllib.parse import urlencode

from sqlalchemy import select

from central import lifecycle
from central.db import Database
from kiosk.domain.clock import utcnow
from kiosk.domain.models import (
    Cadre,
    Complaint,
    ComplaintCategory,
    ComplaintEvent,
    ComplaintStatus,
    DisciplineOffice,
    ImplicatedParty,
    PartyKind,
)
from kiosk.domain.tracking import grouped, new_tracking_number
from tests.central.inbox.inbox_world import Browser, InboxWorld, add_inspector
from tests.central.inbox.test_inbox_pages import listed
from tests.central.seed_data import World

#: Twelve digits in a row, as a tracking number looks ungrouped.
UNGROUPED = re.compile(r"(?<!\d)\d{12}(?!\d)")


def search(client: Browser, typed: str, **filters: str) -> str:
    """The list page for ``typed`` in the search box, with ``filters``."""
    return client.get("/inbox/?" + urlencode({"q": typed, **filters})).text


def _tracking(central_db: Database, complaint_id: int) -> str:
    with central_db.session() as session:
        complaint = session.get(Complaint, complaint_id)
        assert complaint is not None
        return complaint.tracking_number


def _about_the_same_payment(central_db: Database, inbox: InboxWorld, office_code: str) -> int:
    """A second complaint about the dispute's aid record, routed to ``office_code``."""
    with central_db.session() as session:
        first = session.get(Complaint, inbox.dispute)
        assert first is not None
        office = session.scalars(
            select(DisciplineOffice).where(DisciplineOffice.code == office_code)
        ).one()
        again = Complaint(
            tracking_number=new_tracking_number(),
            secret_hash="x",
            idempotency_key=f"same-payment-{new_tracking_number()}",
            kiosk_code="TEST-0001",
            category=ComplaintCategory.FUNDS_WITHHELD,
            household_id=first.household_id,
            aid_record_id=first.aid_record_id,
            claimed_received_fen=300_000,
            office_id=office.id,
            status=ComplaintStatus.RECEIVED,
            created_at=utcnow() - timedelta(minutes=30),
        )
        session.add(again)
        session.commit()
        return again.id


def test_list_and_detail_group_tracking_numbers(zhang: Browser, inbox: InboxWorld) -> None:
    """The list and the detail page (title and heading) show 1309 3171 0334, never the
    twelve digits in a row."""
    number = grouped(inbox.dispute_tracking)
    page = zhang.get("/inbox/").text
    assert f'class="tracking">{number}</a>' in page
    assert inbox.dispute_tracking not in page and not UNGROUPED.search(page)
    detail = zhang.get(f"/inbox/complaints/{inbox.dispute}").text
    assert f"<title>投诉 {number} ·" in detail
    assert f'<span class="tracking">{number}</span></h1>' in detail
    assert inbox.dispute_tracking not in detail


def test_search_by_tracking_number_with_or_without_spaces(
    zhang: Browser, inbox: InboxWorld
) -> None:
    """Grouped, in a row, with a full-width space, or its last four digits: the dispute is
    found; letters find nothing and say why; the box keeps what was typed."""
    number = inbox.dispute_tracking
    for typed in (grouped(number), number, f" {number[:4]}\u3000{number[4:]} "):
        page = search(zhang, typed)
        assert listed(page) == [inbox.dispute], typed
    assert inbox.dispute in listed(search(zhang, number[-4:]))
    page = search(zhang, grouped(number))
    assert f'value="{grouped(number)}"' in page
    letters = search(zhang, "abc")
    assert listed(letters) == []
    assert "查询编号只含数字" in letters


def test_search_stays_within_the_inspectors_scope(
    browser: Browser, inbox: InboxWorld, central_db: Database
) -> None:
    """Another office's inspector searching for the dispute's number finds nothing; the
    search finds their own office's complaint, and keeps the other filters."""
    assert browser.login("wang").status_code == 303
    assert listed(search(browser, inbox.dispute_tracking)) == []
    own = _tracking(central_db, inbox.other_office)
    found = search(browser, grouped(own), status="received")
    assert listed(found) == [inbox.other_office]
    assert listed(search(browser, own, status="closed")) == []


def test_the_404_page_keeps_the_signed_in_bar(zhang: Browser, browser: Browser) -> None:
    """Signed in, an unknown complaint or address answers 404 with the inspector's name,
    office and Sign out; signed out, the same page has no such bar."""
    for path in ("/inbox/complaints/999999", "/inbox/no-such-page"):
        page = zhang.get(path)
        assert page.status_code == 404
        assert "未找到" in page.text
        bar = page.text.split('<div class="who">', 1)[1].split("</div>", 1)[0]
        assert "张纪检" in bar and "龙里县纪委监委" in bar and "退出登录" in bar
    anonymous = Browser(zhang.base)
    try:
        page = anonymous.get("/inbox/no-such-page")
        assert page.status_code == 404 and '<div class="who">' not in page.text
    finally:
        anonymous.http.close()


def test_history_says_what_the_complainant_sees_in_the_inspectors_language(
    zhang: Browser, inbox: InboxWorld, central_db: Database, world: World
) -> None:
    """Each step's public line is worded in the page's language, the office by its name;
    an old stored line reads the same way; the inspector's internal note stays beside it."""
    with central_db.session() as session:
        complaint = session.get(Complaint, inbox.dispute)
        assert complaint is not None
        complaint.events.append(
            ComplaintEvent(
                at=complaint.created_at,
                status=ComplaintStatus.RECEIVED,
                actor="kiosk:TEST-0001",
                note=f"已收到，转龙里县纪委监委办理。Received; sent to {world.county_office}.",
                public=True,
            )
        )
        lifecycle.change_status(
            session,
            complaint,
            to=ComplaintStatus.INVESTIGATING,
            actor="zhang",
            note="约谈村委会主任。",
        )
        session.commit()
    page = zhang.get(f"/inbox/complaints/{inbox.dispute}").text
    history = page.split('id="h-history"', 1)[1].split("</section>", 1)[0]
    assert "投诉人看到：</span> 已收到，转龙里县纪委监委办理。" in history
    assert "投诉人看到：</span> 开始调查。</span><br>约谈村委会主任。" in history
    assert "备注仅内部可见" in history
    zhang.get("/inbox/lang/en?next=/inbox/")
    english = zhang.get(f"/inbox/complaints/{inbox.dispute}").text
    assert "The complainant sees:</span> Received; sent to 龙里县纪委监委." in english
    assert "The complainant sees:</span> Investigation started." in english


def test_complaints_about_the_same_payment_are_shown_together(
    zhang: Browser, inbox: InboxWorld, central_db: Database, world: World
) -> None:
    """A second complaint about the 8,000-yuan record at the county is listed on the
    dispute's page and the other way round; one at the street office, which the county
    inspector may not open, is neither listed nor counted."""
    again = _about_the_same_payment(central_db, inbox, world.county_office)
    hidden = _about_the_same_payment(central_db, inbox, world.township_office)
    page = zhang.get(f"/inbox/complaints/{inbox.dispute}").text
    block = page.split('id="h-same-payment"', 1)[1].split("</section>", 1)[0]
    assert f'/inbox/complaints/{again}"' in block
    assert grouped(_tracking(central_db, again)) in block
    assert "¥3,000.00" in block
    assert f"/inbox/complaints/{hidden}" not in page
    assert grouped(_tracking(central_db, hidden)) not in page
    back = zhang.get(f"/inbox/complaints/{again}").text
    assert f'/inbox/complaints/{inbox.dispute}"' in back.split('id="h-same-payment"', 1)[1]
    # A complaint about no payment, or the only one about its payment, has no such block.
    assert 'id="h-same-payment"' not in zhang.get(f"/inbox/complaints/{inbox.overdue}").text


def test_one_that_concerns_the_inspector_is_never_listed(
    browser: Browser, zhang: Browser, inbox: InboxWorld, central_db: Database, world: World
) -> None:
    """Zhou, a county inspector who is also the township cadre, may open the dispute but
    not a second complaint about the same payment that names him: the dispute's page lists
    it for Zhang and not for Zhou."""
    again = _about_the_same_payment(central_db, inbox, world.county_office)
    with central_db.session() as session:
        township_cadre = session.scalars(
            select(Cadre).where(Cadre.code == world.township_cadre)
        ).one()
        session.add(
            ImplicatedParty(
                complaint_id=again, kind=PartyKind.CADRE, cadre_id=township_cadre.id, name="x"
            )
        )
        add_inspector(
            session, "zhou", "周兼职", world.county_office, cadre_code=township_cadre.code
        )
        session.commit()
    path = f"/inbox/complaints/{inbox.dispute}"
    assert f'/inbox/complaints/{again}"' in zhang.get(path).text
    zhou = Browser(zhang.base)
    try:
        assert zhou.login("zhou").status_code == 303
        page = zhou.get(path)
        assert page.status_code == 200
        assert f"/inbox/complaints/{again}" not in page.text
        assert 'id="h-same-payment"' not in page.text
        assert zhou.get(f"/inbox/complaints/{again}").status_code == 404
    finally:
        zhou.http.close()
