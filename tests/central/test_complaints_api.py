"""Filing complaints through the real server: stored once, routed, answered the same."""

from __future__ import annotations

import threading

from sqlalchemy import func, select

from central.db import Database
from central.models import IdempotencyRecord
from kiosk.domain.models import Complaint, ComplaintEvent, ImplicatedParty
from tests.central.conftest import SignedClient, complaint_body, new_key, secret_of
from tests.central.seed_data import World

PATH = "/api/v1/complaints"


def _count(database: Database, model: type) -> int:
    with database.session() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_first_filing_is_stored_routed_and_acknowledged(
    api: SignedClient, central_db: Database, world: World
) -> None:
    """A complaint about a village cadre goes to the county office, with its events and party."""
    body = complaint_body(world)
    response = api.post(PATH, body, idempotency_key=new_key())
    assert response.status_code == 201, response.text
    answer = response.json()
    assert answer["tracking_number"] == body["tracking_number"]
    assert answer["status"] == "received"
    # A village official is implicated: one level up is the township, whose office is fine.
    assert answer["office"]["code"] == world.township_office
    assert "Idempotent-Replayed" not in response.headers
    with central_db.session() as session:
        complaint = session.scalars(select(Complaint)).one()
        assert complaint.office is not None and complaint.office.code == world.township_office
        assert complaint.claimed_received_fen == 400_000
        assert complaint.secret_hash.startswith("hmac-sha256-of-argon2id-v1$")
        assert secret_of(body) not in complaint.secret_hash
        assert complaint.due_at is not None
        assert (complaint.due_at - complaint.created_at).days == 30
        party = session.scalars(select(ImplicatedParty)).one()
        assert party.cadre is not None and party.cadre.code == world.village_cadre
        events = session.scalars(select(ComplaintEvent)).all()
        assert {event.public for event in events} == {True, False}
        assert _count(central_db, IdempotencyRecord) == 1


def test_same_key_and_body_replays_the_first_answer_byte_for_byte(
    api: SignedClient, central_db: Database, world: World
) -> None:
    """A resend after a lost answer gets the same bytes, the replay header, and no new row."""
    key, body = new_key(), complaint_body(world)
    first = api.post(PATH, body, idempotency_key=key)
    second = api.post(PATH, body, idempotency_key=key)
    assert first.status_code == second.status_code == 201
    assert second.content == first.content
    assert second.headers["Idempotent-Replayed"] == "true"
    assert _count(central_db, Complaint) == 1


def test_same_key_with_another_body_is_refused(
    api: SignedClient, central_db: Database, world: World
) -> None:
    """Reusing a key for a different complaint is a 409 and stores nothing new."""
    key = new_key()
    assert api.post(PATH, complaint_body(world), idempotency_key=key).status_code == 201
    response = api.post(PATH, complaint_body(world, text="另一件事"), idempotency_key=key)
    assert response.status_code == 409
    assert response.json()["error"] == "idempotency_key_reused"
    assert _count(central_db, Complaint) == 1


def test_concurrent_requests_with_one_key_make_one_complaint(
    api: SignedClient, central_db: Database, world: World
) -> None:
    """Eight simultaneous copies of one request store one complaint and all get its answer."""
    key, body = new_key(), complaint_body(world)
    barrier = threading.Barrier(8)
    answers: list[tuple[int, bytes]] = []
    lock = threading.Lock()

    def send() -> None:
        client = SignedClient(api.base_url, api.keys)
        barrier.wait()
        response = client.post(PATH, body, idempotency_key=key)
        with lock:
            answers.append((response.status_code, response.content))

    threads = [threading.Thread(target=send) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert len(answers) == 8
    assert {status for status, _ in answers} == {201}
    assert len({content for _, content in answers}) == 1
    assert _count(central_db, Complaint) == 1
    assert _count(central_db, IdempotencyRecord) == 1


def test_taken_tracking_number_is_refused(api: SignedClient, world: World) -> None:
    """A second complaint with a number already used gets 409 tracking_number_taken."""
    body = complaint_body(world)
    assert api.post(PATH, body, idempotency_key=new_key()).status_code == 201
    response = api.post(
        PATH,
        complaint_body(world, tracking_number=body["tracking_number"]),
        idempotency_key=new_key(),
    )
    assert response.status_code == 409
    assert response.json()["error"] == "tracking_number_taken"


def test_anonymous_complaint_without_household_goes_by_the_named_department(
    api: SignedClient, central_db: Database, world: World
) -> None:
    """No household, a county department named: the county commission above it, no phone."""
    body = complaint_body(
        world,
        household_file_number=None,
        aid_record_reference=None,
        recorded_fen=None,
        claimed_received_fen=None,
        anonymous=True,
        contact_phone=None,
        category="bribes",
        implicated=[
            {
                "kind": "department",
                "name": "龙里县民政局",
                "region_code": world.county,
                "level": "county",
            }
        ],
    )
    response = api.post(PATH, body, idempotency_key=new_key())
    assert response.status_code == 201, response.text
    assert response.json()["office"]["code"] == world.county_office
    with central_db.session() as session:
        complaint = session.scalars(select(Complaint)).one()
        assert complaint.contact_phone is None and complaint.anonymous
        assert complaint.due_at is not None
        assert (complaint.due_at - complaint.created_at).days == 15
