"""Changing a complaint's status and assigning it, and the checks every POST passes."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from central.db import Database
from central.models import ComplaintAssignment, Inspector
from kiosk.domain.clock import utcnow
from kiosk.domain.models import Complaint, ComplaintEvent, ComplaintStatus, Outcome
from tests.central.inbox.inbox_world import Browser, InboxWorld


def _events(database: Database, complaint_id: int) -> list[ComplaintEvent]:
    with database.session() as session:
        return list(
            session.scalars(
                select(ComplaintEvent)
                .where(ComplaintEvent.complaint_id == complaint_id)
                .order_by(ComplaintEvent.id)
            )
        )


def _status(database: Database, complaint_id: int) -> ComplaintStatus:
    with database.session() as session:
        complaint = session.get(Complaint, complaint_id)
        assert complaint is not None
        return complaint.status


def _inspector_id(database: Database, username: str) -> int:
    with database.session() as session:
        return session.scalars(select(Inspector.id).where(Inspector.username == username)).one()


def test_status_change_records_who_when_and_note(
    zhang: Browser, inbox: InboxWorld, central_db: Database
) -> None:
    """Starting an investigation stores an event with the inspector, the time and the note."""
    path = f"/inbox/complaints/{inbox.dispute}"
    before = utcnow()
    answer = zhang.post(
        f"{path}/status",
        {
            "csrf_token": zhang.page_csrf(path),
            "to": "investigating",
            "note": "已调取2014年发放花名册。",
            "visibility": "internal",
        },
    )
    assert answer.status_code == 303
    assert answer.headers["location"] == f"{path}?done=status_changed"
    assert _status(central_db, inbox.dispute) is ComplaintStatus.INVESTIGATING
    event = _events(central_db, inbox.dispute)[-1]
    assert event.status is ComplaintStatus.INVESTIGATING
    assert event.actor == "zhang"
    assert event.note == "已调取2014年发放花名册。"
    assert event.public is False
    assert before - timedelta(seconds=1) <= event.at <= utcnow()
    page = zhang.get(answer.headers["location"]).text
    assert "状态已更新" in page
    history = page.split('id="h-history"', 1)[1]
    assert "已调取2014年发放花名册。" in history
    assert "内部" in history


def test_public_note_is_marked_public(
    zhang: Browser, inbox: InboxWorld, central_db: Database
) -> None:
    """Choosing "public" stores the note as one the complainant will see."""
    path = f"/inbox/complaints/{inbox.dispute}"
    data = {"csrf_token": zhang.page_csrf(path), "to": "investigating", "note": "正在核实。"}
    zhang.post(f"{path}/status", {**data, "visibility": "public"})
    assert _events(central_db, inbox.dispute)[-1].public is True
    assert "公开（投诉人可见）" in zhang.get(path).text.split('id="h-history"', 1)[1]


def test_only_allowed_transitions_are_offered(zhang: Browser, inbox: InboxWorld) -> None:
    """A received complaint offers "investigating" only; a concluded one offers "closed"."""
    received = zhang.get(f"/inbox/complaints/{inbox.dispute}").text
    options = received.split('name="to"', 1)[1].split("</select>", 1)[0]
    assert 'value="investigating"' in options
    assert 'value="concluded"' not in options and 'value="closed"' not in options
    concluded = zhang.get(f"/inbox/complaints/{inbox.concluded}").text
    assert 'value="closed"' in concluded.split('name="to"', 1)[1].split("</select>", 1)[0]


def test_disallowed_transition_is_refused_and_nothing_changes(
    zhang: Browser, inbox: InboxWorld, central_db: Database
) -> None:
    """Jumping from received to closed is refused with a reason, and no event is written."""
    path = f"/inbox/complaints/{inbox.dispute}"
    count = len(_events(central_db, inbox.dispute))
    answer = zhang.post(f"{path}/status", {"csrf_token": zhang.page_csrf(path), "to": "closed"})
    assert answer.status_code == 409
    assert "不能改为" in answer.text
    assert _status(central_db, inbox.dispute) is ComplaintStatus.RECEIVED
    assert len(_events(central_db, inbox.dispute)) == count


def test_concluding_needs_an_outcome(
    zhang: Browser, inbox: InboxWorld, central_db: Database
) -> None:
    """Concluding without an outcome is refused; with one, the outcome is stored."""
    path = f"/inbox/complaints/{inbox.overdue}"
    csrf = zhang.page_csrf(path)
    refused = zhang.post(f"{path}/status", {"csrf_token": csrf, "to": "concluded"})
    assert refused.status_code == 409
    assert _status(central_db, inbox.overdue) is ComplaintStatus.INVESTIGATING
    done = zhang.post(
        f"{path}/status",
        {"csrf_token": csrf, "to": "concluded", "outcome": "upheld", "note": "查实。"},
    )
    assert done.status_code == 303
    with central_db.session() as session:
        complaint = session.get(Complaint, inbox.overdue)
        assert complaint is not None
        assert complaint.status is ComplaintStatus.CONCLUDED
        assert complaint.outcome is Outcome.UPHELD
    # Concluded: no longer overdue in the list.
    assert '<strong class="overdue">' not in zhang.get("/inbox/").text


def test_post_without_or_with_wrong_csrf_token_is_403(
    zhang: Browser, inbox: InboxWorld, central_db: Database
) -> None:
    """A status change without the session's CSRF token is refused with 403 and no effect."""
    path = f"/inbox/complaints/{inbox.dispute}/status"
    missing = zhang.post(path, {"to": "investigating"})
    wrong = zhang.post(path, {"to": "investigating", "csrf_token": "x" * 43})
    assert missing.status_code == wrong.status_code == 403
    assert "请求被拒绝" in wrong.text
    assert _status(central_db, inbox.dispute) is ComplaintStatus.RECEIVED


def test_post_from_another_site_is_403_even_with_the_token(
    zhang: Browser, inbox: InboxWorld, central_db: Database
) -> None:
    """A POST whose Origin or Fetch Metadata says another site is refused, token or not."""
    page = f"/inbox/complaints/{inbox.dispute}"
    data = {"csrf_token": zhang.page_csrf(page), "to": "investigating"}
    foreign_origin = zhang.post(f"{page}/status", data, Origin="https://evil.example")
    cross_site = zhang.post(f"{page}/status", data, **{"Sec-Fetch-Site": "cross-site"})
    foreign_referer = zhang.post(
        f"{page}/status", data, Origin="null", Referer="https://evil.example/x"
    )
    assert foreign_origin.status_code == cross_site.status_code == 403
    assert foreign_referer.status_code == 403
    assert _status(central_db, inbox.dispute) is ComplaintStatus.RECEIVED


def test_assign_to_a_colleague(zhang: Browser, inbox: InboxWorld, central_db: Database) -> None:
    """Assigning to a colleague stores the assignment, moves it to assigned and logs it."""
    path = f"/inbox/complaints/{inbox.dispute}"
    liu = _inspector_id(central_db, "liu")
    answer = zhang.post(
        f"{path}/assign",
        {"csrf_token": zhang.page_csrf(path), "inspector_id": str(liu), "note": "请核查花名册"},
    )
    assert answer.status_code == 303
    assert _status(central_db, inbox.dispute) is ComplaintStatus.ASSIGNED
    with central_db.session() as session:
        row = session.scalars(
            select(ComplaintAssignment).where(ComplaintAssignment.complaint_id == inbox.dispute)
        ).one()
        assert row.inspector_id == liu
        assert row.assigned_by == "zhang"
    event = _events(central_db, inbox.dispute)[-1]
    assert event.actor == "zhang" and "请核查花名册" in event.note
    assert "刘监察" in zhang.get(path).text.split("</dl>", 1)[0]


def test_colleague_list_leaves_out_conflicted_and_other_offices(
    zhang: Browser, inbox: InboxWorld
) -> None:
    """The colleague menu offers the office's inspectors, minus the cadre the case concerns."""
    page = zhang.get(f"/inbox/complaints/{inbox.dispute}").text
    menu = page.split('name="inspector_id"', 1)[1].split("</select>", 1)[0]
    assert "刘监察" in menu and "张纪检" in menu
    assert "陈兼职" not in menu  # the household's responsible cadre
    assert "王监察" not in menu  # another office


def test_assign_to_conflicted_or_foreign_inspector_is_refused(
    zhang: Browser, inbox: InboxWorld, central_db: Database
) -> None:
    """A forged form naming the accused cadre or another office's inspector is refused."""
    path = f"/inbox/complaints/{inbox.dispute}"
    csrf = zhang.page_csrf(path)
    for username in ("chen", "wang"):
        answer = zhang.post(
            f"{path}/assign",
            {"csrf_token": csrf, "inspector_id": str(_inspector_id(central_db, username))},
        )
        assert answer.status_code == 400
        assert "不能分派给该同事" in answer.text
    assert _status(central_db, inbox.dispute) is ComplaintStatus.RECEIVED
