"""The outbox sender against the real central server on a loopback port, and the
8,000/4,000 dispute of the demo from the resident's "file" to the inspectors' office."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import timedelta

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import select, update

from kiosk.domain.clock import utcnow
from kiosk.domain.models import (
    Complaint,
    ComplaintCategory,
    DisciplineOffice,
    Disclosure,
    Kiosk,
    OutboxMessage,
    OutboxState,
)
from kiosk.domain.request_signing import public_key_hex
from kiosk.services.complaints.client import Ack, CentralClient, Refused
from kiosk.services.complaints.filing import ComplaintDraft, file_complaint
from kiosk.services.complaints.outbox import OutboxSender, Outcome, queue_depth
from kiosk.services.complaints.status import (
    StatusNotFound,
    StatusUnavailable,
    StatusWhy,
    check_status,
)
from kiosk.services.store import Store
from tests.central_server import free_port
from tests.services.complaints.central_side import (
    KIOSK_CODE,
    server_keys,
    server_tracking_numbers,
)

from .conftest import Central, Relief


def _dispute(relief: Relief) -> ComplaintDraft:
    return ComplaintDraft(
        category=ComplaintCategory.FUNDS_WITHHELD,
        household_id=relief.household_id,
        aid_record_id=relief.aid_record_id,
        claimed_received_fen=400_000,
        text="2014年的救灾款记录是八千元，我只收到四千元。",
        disclosure=Disclosure.NAMED,
        complainant_member_id=relief.head_member_id,
        contact_phone="13800000000",
    )


@pytest.fixture
def client(central: Central) -> Iterator[CentralClient]:
    made = central.client()
    yield made
    made.close()


def test_relief_dispute_is_filed_sent_and_on_the_server_once(
    store: Store, relief: Relief, central: Central, client: CentralClient
) -> None:
    """END TO END: the demo's 8,000/4,000 dispute, filed at the kiosk and sent by the
    outbox thread, is on the server exactly once, at Longli county's commission, the office
    the kiosk had shown; the stored body loses its secret once acknowledged."""
    filed = file_complaint(store.sessionmaker, _dispute(relief), kiosk_code=KIOSK_CODE)
    waiting = check_status(client, store.sessionmaker, filed.tracking_number, filed.secret)
    assert waiting.waiting_to_send and waiting.office_name == filed.office_name

    depths: list[int] = []
    sender = OutboxSender(store.sessionmaker, client, on_depth=depths.append)
    sender.start()
    sender.wake()
    try:
        sender.join(0)  # the thread runs; the loop below waits on the store, not the clock
        for _ in range(2000):
            if queue_depth(store.sessionmaker).pending == 0:
                break
            sender.join(0.01)
    finally:
        assert sender.stop(timeout=10)
    assert queue_depth(store.sessionmaker).pending == 0
    assert depths[-1] == 0

    with central.database.session() as session:
        complaints = session.scalars(
            select(Complaint).where(Complaint.tracking_number == filed.tracking_number)
        ).all()
        assert len(complaints) == 1
        office = session.get_one(DisciplineOffice, complaints[0].office_id)
        assert (office.name, complaints[0].claimed_received_fen) == ("龙里县纪委监委", 400_000)
    assert office.name == filed.office_name

    with store.sessionmaker() as session:
        row = session.scalars(select(OutboxMessage)).one()
        assert row.state is OutboxState.SENT and row.sent_at is not None
        assert row.response is not None
        assert json.loads(row.response)["tracking_number"] == filed.tracking_number
        assert filed.secret.encode() not in row.body and b"13800000000" not in row.body

    seen = check_status(client, store.sessionmaker, filed.tracking_number, filed.secret)
    assert not seen.waiting_to_send
    assert (seen.status, seen.office_name) == ("received", "龙里县纪委监委")
    with pytest.raises(StatusNotFound):
        wrong = "0" * 6 if filed.secret != "0" * 6 else "1" * 6
        check_status(client, store.sessionmaker, filed.tracking_number, wrong)


def test_a_resend_after_a_lost_answer_is_replayed_not_stored_again(
    store: Store, relief: Relief, central: Central, client: CentralClient
) -> None:
    """Posting the same key and bytes again gets the first acknowledgement back, byte for
    byte, and the server still holds one complaint."""
    file_complaint(store.sessionmaker, _dispute(relief), kiosk_code=KIOSK_CODE)
    with store.sessionmaker() as session:
        row = session.scalars(select(OutboxMessage)).one()
    first = client.post_complaint(row.idempotency_key, row.body)
    again = client.post_complaint(row.idempotency_key, row.body)
    assert not first.replayed and again.replayed
    assert again.raw == first.raw
    assert server_keys(central.database) == [row.idempotency_key]
    assert len(server_tracking_numbers(central.database)) == 1
    # The same key with other bytes is a bug on the kiosk's side: 409, never stored.
    with pytest.raises(Refused) as info:
        client.post_complaint(row.idempotency_key, row.body + b" ")
    assert (info.value.status, info.value.error) == (409, "idempotency_key_reused")


def test_refused_row_is_kept_and_the_next_one_is_sent(
    store: Store, relief: Relief, central: Central, client: CentralClient
) -> None:
    """A body the server refuses (422) is marked refused with a short error, kept for
    staff, and does not hold back the complaint filed after it."""
    for _ in range(2):
        file_complaint(store.sessionmaker, _dispute(relief), kiosk_code=KIOSK_CODE)
    with store.sessionmaker.begin() as session:
        first = session.scalars(select(OutboxMessage).order_by(OutboxMessage.id)).first()
        assert first is not None
        document = json.loads(first.body)
        document["category"] = "gossip"
        first.body = json.dumps(document).encode()
    sender = OutboxSender(store.sessionmaker, client)
    assert sender.step().outcome is Outcome.REFUSED
    assert sender.step().outcome is Outcome.SENT
    with store.sessionmaker() as session:
        states = [
            r.state for r in session.scalars(select(OutboxMessage).order_by(OutboxMessage.id))
        ]
        refused = session.scalars(
            select(OutboxMessage).where(OutboxMessage.state == OutboxState.REFUSED)
        ).one()
    assert states == [OutboxState.REFUSED, OutboxState.SENT]
    assert refused.last_error.startswith("HTTP 422")
    assert document["secret_digest"] not in refused.last_error
    depth = queue_depth(store.sessionmaker)
    assert (depth.pending, depth.refused) == (0, 1)


def test_unregistered_terminal_waits_then_sends_once_registered(
    store: Store, relief: Relief, central: Central
) -> None:
    """Before staff register the terminal's key the server answers 401 and the sender waits
    slowly; after registration the same row goes through."""
    key = Ed25519PrivateKey.generate()
    client = CentralClient(central.url, kiosk_code=KIOSK_CODE, private_key=key, timeout_s=10)
    file_complaint(store.sessionmaker, _dispute(relief), kiosk_code=KIOSK_CODE)
    sender = OutboxSender(store.sessionmaker, client, retry_base_s=2.0, retry_cap_s=300.0)
    step = sender.step()
    assert step.outcome is Outcome.RETRY and 150.0 <= step.wait_s <= 300.0
    with central.database.session() as session:
        session.execute(
            update(Kiosk).where(Kiosk.code == KIOSK_CODE).values(public_key=public_key_hex(key))
        )
        session.commit()
    with store.sessionmaker.begin() as session:  # staff ask it to try now (as wake() would)
        session.execute(update(OutboxMessage).values(next_attempt_at=utcnow() - timedelta(days=1)))
    assert sender.step().outcome is Outcome.SENT
    assert len(server_keys(central.database)) == 1
    client.close()


def test_status_is_unavailable_when_central_is_down(
    store: Store, relief: Relief, central: Central
) -> None:
    """A complaint already sent cannot be looked up without the server: "try later"."""
    filed = file_complaint(store.sessionmaker, _dispute(relief), kiosk_code=KIOSK_CODE)
    client = central.client()
    assert OutboxSender(store.sessionmaker, client).step().outcome is Outcome.SENT
    offline = central.client(f"http://127.0.0.1:{free_port()}", timeout_s=2)
    with pytest.raises(StatusUnavailable) as info:
        check_status(offline, store.sessionmaker, filed.tracking_number, filed.secret)
    assert info.value.code is StatusWhy.UNAVAILABLE
    client.close()
    offline.close()


def test_plain_http_is_refused_except_on_loopback() -> None:
    """The client will not send a complaint unencrypted across a real network."""
    key = Ed25519PrivateKey.generate()
    with pytest.raises(ValueError, match="loopback"):
        CentralClient("http://10.0.0.8:8470", kiosk_code=KIOSK_CODE, private_key=key)
    CentralClient("http://[::1]:8470", kiosk_code=KIOSK_CODE, private_key=key).close()
    CentralClient("https://central.example", kiosk_code=KIOSK_CODE, private_key=key).close()


class SurprisingClient(CentralClient):
    """The real client, except that its first post raises something nobody expected."""

    surprised = False

    def post_complaint(self, idempotency_key: str, body: bytes) -> Ack:
        if not self.surprised:
            self.surprised = True
            raise RuntimeError("a bug somewhere below")
        return super().post_complaint(idempotency_key, body)


def test_sender_thread_survives_an_unexpected_exception(
    store: Store, relief: Relief, central: Central, caplog: pytest.LogCaptureFixture
) -> None:
    """An exception the sender does not know is logged, and the thread goes on to send."""
    client = SurprisingClient(central.url, kiosk_code=KIOSK_CODE, private_key=central.key)
    file_complaint(store.sessionmaker, _dispute(relief), kiosk_code=KIOSK_CODE)
    sender = OutboxSender(store.sessionmaker, client, retry_base_s=0.05, retry_cap_s=0.1)
    sender.start()
    try:
        for _ in range(2000):
            if queue_depth(store.sessionmaker).pending == 0:
                break
            sender.join(0.01)
        assert sender.is_alive()
    finally:
        assert sender.stop(timeout=10)
        client.close()
    assert client.surprised
    assert queue_depth(store.sessionmaker).pending == 0
    assert "the outbox sender failed" in caplog.text
    assert len(server_keys(central.database)) == 1
