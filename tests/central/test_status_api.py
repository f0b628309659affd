"""Status and appeal by tracking number and secret: public notes only, guessing throttled."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select

from central import lifecycle
from central.db import Database
from central.models import StatusAttempt
from kiosk.domain.clock import utcnow
from kiosk.domain.models import Complaint, ComplaintStatus, Outcome
from tests.central.conftest import SignedClient, complaint_body, new_key, secret_of
from tests.central.seed_data import World

STATUS = "/api/v1/complaints/status"
APPEAL = "/api/v1/complaints/appeal"


def _file(api: SignedClient, world: World) -> dict[str, str]:
    body = complaint_body(world)
    assert api.post("/api/v1/complaints", body, idempotency_key=new_key()).status_code == 201
    return {"tracking_number": body["tracking_number"], "secret": secret_of(body)}


def _conclude(central_db: Database, tracking_number: str, days_ago: int = 0) -> None:
    with central_db.session() as session:
        complaint = session.scalars(
            select(Complaint).where(Complaint.tracking_number == tracking_number)
        ).one()
        when = complaint.created_at + timedelta(minutes=1)
        lifecycle.change_status(
            session,
            complaint,
            to=ComplaintStatus.INVESTIGATING,
            actor="insp",
            now=when,
            note="内部：已约谈村委会主任",
            public=False,
        )
        concluded = utcnow() - timedelta(days=days_ago)
        lifecycle.change_status(
            session,
            complaint,
            to=ComplaintStatus.CONCLUDED,
            actor="insp",
            now=concluded,
            outcome=Outcome.UPHELD,
            note="经查属实，已追回4000元。",
            public=True,
        )
        session.commit()


def test_status_shows_public_notes_only(
    api: SignedClient, central_db: Database, world: World
) -> None:
    """The holder sees status, office, outcome and public notes, never internal ones."""
    pair = _file(api, world)
    _conclude(central_db, pair["tracking_number"])
    response = api.post(STATUS, pair)
    assert response.status_code == 200, response.text
    status = response.json()
    assert status["status"] == "concluded"
    assert status["outcome"] == "upheld"
    assert status["office"]["code"] == world.township_office
    assert status["can_appeal"] is True
    texts = [event["text"] for event in status["events"]]
    assert "经查属实，已追回4000元。" in texts
    assert not any("内部" in text for text in texts)
    assert "text" not in status and "contact_phone" not in status


def test_unknown_number_and_wrong_secret_answer_the_same(api: SignedClient, world: World) -> None:
    """A wrong secret and an unknown number get the same 404 body."""
    pair = _file(api, world)
    wrong = api.post(
        STATUS, {**pair, "secret": "000000" if pair["secret"] != "000000" else "1" * 6}
    )
    unknown = api.post(STATUS, {"tracking_number": "100000000008", "secret": pair["secret"]})
    assert wrong.status_code == unknown.status_code == 404
    assert wrong.content == unknown.content
    assert wrong.json()["error"] == "not_found"


def test_five_wrong_secrets_throttle_the_number(
    api: SignedClient, central_db: Database, world: World
) -> None:
    """After 5 wrong secrets even the right one gets 429 with Retry-After."""
    pair = _file(api, world)
    wrong = "000000" if pair["secret"] != "000000" else "111111"
    for _ in range(5):
        assert api.post(STATUS, {**pair, "secret": wrong}).status_code == 404
    response = api.post(STATUS, pair)
    assert response.status_code == 429
    assert response.json()["error"] == "too_many_attempts"
    assert int(response.headers["Retry-After"]) > 0
    with central_db.session() as session:
        assert session.scalar(select(func.count()).select_from(StatusAttempt)) == 5


def test_appeal_within_the_window_reopens(
    api: SignedClient, central_db: Database, world: World
) -> None:
    """An appeal 14 days after the conclusion reopens the complaint."""
    pair = _file(api, world)
    _conclude(central_db, pair["tracking_number"], days_ago=14)
    response = api.post(APPEAL, {**pair, "text": "钱还没有退给我"})
    assert response.status_code == 200, response.text
    assert response.json()["status"] == "investigating"
    assert response.json()["outcome"] is None
    # The appeal text is for inspectors: the status shows only that it reopened.
    events = response.json()["events"]
    assert all("钱还没有" not in str(event) for event in events)
    assert events[-1]["code"] == "reopened" and events[-1]["text"] == ""


def test_appeal_after_the_window_is_refused(
    api: SignedClient, central_db: Database, world: World
) -> None:
    """16 days after the conclusion: 409 appeal_not_allowed, status unchanged."""
    pair = _file(api, world)
    _conclude(central_db, pair["tracking_number"], days_ago=16)
    response = api.post(APPEAL, {**pair, "text": "不服"})
    assert response.status_code == 409
    assert response.json()["error"] == "appeal_not_allowed"
    assert api.post(STATUS, pair).json()["status"] == "concluded"


def test_appeal_of_an_open_complaint_is_refused(api: SignedClient, world: World) -> None:
    """A complaint still received cannot be appealed."""
    pair = _file(api, world)
    response = api.post(APPEAL, {**pair, "text": "不服"})
    assert response.status_code == 409
