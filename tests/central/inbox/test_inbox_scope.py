"""Who sees what: only the own office's complaints, never one that concerns the inspector."""

from __future__ import annotations

from central.db import Database
from kiosk.domain.tracking import grouped
from tests.central.inbox.inbox_world import PHONE, Browser, InboxWorld, add_inspector
from tests.central.seed_data import World


def test_list_shows_only_the_own_office(zhang: Browser, inbox: InboxWorld) -> None:
    """The county inspector's list has the county complaints and not the township's one."""
    page = zhang.get("/inbox/").text
    assert grouped(inbox.dispute_tracking) in page
    assert f'/inbox/complaints/{inbox.dispute}"' in page
    assert f'/inbox/complaints/{inbox.other_office}"' not in page


def test_another_offices_complaint_is_404_on_get_and_post(
    zhang: Browser, inbox: InboxWorld
) -> None:
    """Another office's complaint answers 404 (not 403) to a GET and to both POSTs."""
    csrf = zhang.page_csrf("/inbox/")
    path = f"/inbox/complaints/{inbox.other_office}"
    assert zhang.get(path).status_code == 404
    status = zhang.post(f"{path}/status", {"csrf_token": csrf, "to": "investigating"})
    assign = zhang.post(f"{path}/assign", {"csrf_token": csrf, "inspector_id": "1"})
    assert status.status_code == assign.status_code == 404
    # The same page as for an id that does not exist at all (but for the id in its links).
    missing = zhang.get("/inbox/complaints/999999")
    assert missing.status_code == 404
    same = missing.text.replace("/inbox/complaints/999999", path)
    assert zhang.get(path).text == same


def test_responsible_cadre_cannot_see_the_household_complaints(
    browser: Browser, inbox: InboxWorld
) -> None:
    """An inspector who is the household's responsible cadre sees neither complaint about it."""
    assert browser.login("chen").status_code == 303
    page = browser.get("/inbox/").text
    assert f'/inbox/complaints/{inbox.overdue}"' in page
    for hidden in (inbox.dispute, inbox.about_household):
        assert f'/inbox/complaints/{hidden}"' not in page
        assert browser.get(f"/inbox/complaints/{hidden}").status_code == 404
    csrf = browser.page_csrf("/inbox/")
    answer = browser.post(
        f"/inbox/complaints/{inbox.dispute}/status", {"csrf_token": csrf, "to": "investigating"}
    )
    assert answer.status_code == 404


def test_implicated_cadre_cannot_see_the_complaint(
    browser: Browser, inbox: InboxWorld, central_db: Database, world: World
) -> None:
    """An inspector who is a cadre the complaint names, not the responsible one, cannot see it."""
    from sqlalchemy import select

    from kiosk.domain.models import Cadre, ImplicatedParty, PartyKind

    with central_db.session() as session:
        add_inspector(session, "li", "李兼职", world.county_office, cadre_code=world.township_cadre)
        cadre = session.scalars(select(Cadre).where(Cadre.code == world.township_cadre)).one()
        session.add(
            ImplicatedParty(
                complaint_id=inbox.overdue, kind=PartyKind.CADRE, cadre_id=cadre.id, name="李明"
            )
        )
        session.commit()
    assert browser.login("li").status_code == 303
    assert browser.get(f"/inbox/complaints/{inbox.overdue}").status_code == 404
    assert browser.get(f"/inbox/complaints/{inbox.dispute}").status_code == 200


def test_routed_inspector_sees_the_contact_phone(zhang: Browser, inbox: InboxWorld) -> None:
    """The inspector the complaint was routed to sees the complainant's phone number."""
    page = zhang.get(f"/inbox/complaints/{inbox.dispute}").text
    assert PHONE in page


def test_malformed_ids_are_plain_404_pages(zhang: Browser) -> None:
    """An id that is not a number is a 404 page like any other, not a JSON error."""
    answer = zhang.get("/inbox/complaints/1%20or%201=1")
    assert answer.status_code == 404
    assert answer.headers["content-type"].startswith("text/html")
    assert "未找到" in answer.text


def test_signed_out_visitor_is_sent_to_login(browser: Browser, inbox: InboxWorld) -> None:
    """Without a session the list and a detail page redirect to the login page."""
    for path in ("/inbox/", f"/inbox/complaints/{inbox.dispute}"):
        answer = browser.get(path)
        assert answer.status_code == 303
        assert answer.headers["location"] == "/inbox/login"
