"""Public lines of a complaint's history as codes with values, through the real server."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from central import lifecycle
from central.db import Database
from central.models import Inspector
from central.passwords import hash_password
from kiosk.domain.models import (
    Complaint,
    ComplaintEvent,
    ComplaintStatus,
    DisciplineOffice,
    Outcome,
)
from tests.central.conftest import SignedClient, complaint_body, new_key, secret_of
from tests.central.seed_data import World

STATUS = "/api/v1/complaints/status"


def _file(api: SignedClient, world: World) -> dict[str, str]:
    body = complaint_body(world)
    assert api.post("/api/v1/complaints", body, idempotency_key=new_key()).status_code == 201
    return {"tracking_number": body["tracking_number"], "secret": secret_of(body)}


def _events(api: SignedClient, pair: dict[str, str]) -> list[dict[str, Any]]:
    response = api.post(STATUS, pair)
    assert response.status_code == 200, response.text
    events: list[dict[str, Any]] = response.json()["events"]
    return events


def _complaint(central_db: Database, tracking_number: str) -> tuple[Session, Complaint]:
    session = central_db.session()
    complaint = session.scalars(
        select(Complaint).where(Complaint.tracking_number == tracking_number)
    ).one()
    return session, complaint


def test_received_names_the_office_as_a_value_not_in_words(api: SignedClient, world: World) -> None:
    """A new complaint's one public event is the code "received" with the office's code and
    name as values; no finished text, so the office code is never shown as words."""
    pair = _file(api, world)
    (event,) = _events(api, pair)
    # A village cadre is implicated: the street office's commission, one level up, has it.
    assert event["code"] == "received"
    assert event["values"] == {
        "office_code": world.township_office,
        "office_name": "冠山街道纪工委",
    }
    assert event["text"] == ""
    assert event["status"] == "received"


def test_every_step_has_its_line_and_internal_notes_stay_internal(
    api: SignedClient, central_db: Database, world: World
) -> None:
    """Assigned, investigating (internal note), concluded (public note): each is told as a
    code; the outcome is a value; only the public note's words are sent, and the assigned
    inspector's name never is."""
    pair = _file(api, world)
    session, complaint = _complaint(central_db, pair["tracking_number"])
    with session:
        office = session.get(DisciplineOffice, complaint.office_id)
        assert office is not None
        inspector = Inspector(
            username="zhang",
            display_name="张纪检",
            office_id=office.id,
            password_hash=hash_password("x" * 12),
        )
        session.add(inspector)
        session.flush()
        lifecycle.assign(session, complaint, inspector=inspector, actor="lead", note="请核查")
        lifecycle.change_status(
            session,
            complaint,
            to=ComplaintStatus.INVESTIGATING,
            actor="zhang",
            note="内部：已约谈村委会主任",
        )
        lifecycle.change_status(
            session,
            complaint,
            to=ComplaintStatus.CONCLUDED,
            actor="zhang",
            outcome=Outcome.PARTLY_UPHELD,
            note="已追回2000元。",
            public=True,
        )
        session.commit()
    events = _events(api, pair)
    assert [(e["code"], e["text"]) for e in events] == [
        ("received", ""),
        ("assigned", ""),
        ("investigating", ""),
        ("concluded", "已追回2000元。"),
    ]
    assert events[3]["values"] == {"outcome": "partly_upheld"}
    answer = str(events)
    for secret in ("张纪检", "zhang", "请核查", "内部"):
        assert secret not in answer, secret


def test_old_stored_lines_read_as_codes(
    api: SignedClient, central_db: Database, world: World
) -> None:
    """Events stored before codes (bilingual text naming the office by code) come back as
    codes with the office's name, and an old inspector's public note as its text."""
    pair = _file(api, world)
    session, complaint = _complaint(central_db, pair["tracking_number"])
    with session:
        first = complaint.events[0]
        session.delete(first)
        session.flush()
        at = complaint.created_at
        complaint.events.extend(
            [
                ComplaintEvent(
                    at=at,
                    status=ComplaintStatus.RECEIVED,
                    actor="kiosk:TEST-0001",
                    note="已收到，转冠山街道纪工委办理。"
                    f"Received; sent to {world.township_office}.",
                    public=True,
                ),
                ComplaintEvent(
                    at=at,
                    status=ComplaintStatus.INVESTIGATING,
                    actor="complainant",
                    note="投诉人已申诉，重新调查。Reopened on the complainant's appeal.",
                    public=True,
                ),
                ComplaintEvent(
                    at=at,
                    status=ComplaintStatus.INVESTIGATING,
                    actor="zhang",
                    note="正在调取花名册。",
                    public=True,
                ),
            ]
        )
        session.commit()
    events = _events(api, pair)
    assert [(e["code"], e["text"]) for e in events] == [
        ("received", ""),
        ("reopened", ""),
        (None, "正在调取花名册。"),
    ]
    assert events[0]["values"] == {
        "office_code": world.township_office,
        "office_name": "冠山街道纪工委",
    }
