"""The outbox sender publishes the terminal's document key to the real central server (on
a loopback port, SQLite then PostgreSQL): once after a start, again after a rotation, and
never at the cost of a complaint's delivery."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from central.cli import main as central_main
from kiosk.domain.clock import utcnow
from kiosk.domain.models import ComplaintCategory, Disclosure
from kiosk.domain.signed_document import key_id
from kiosk.services.complaints.client import CentralClient
from kiosk.services.complaints.filing import ComplaintDraft, file_complaint
from kiosk.services.complaints.kiosk_key import public_hex, write_new_key
from kiosk.services.complaints.outbox import OutboxSender, Outcome
from kiosk.services.complaints.sending import DocumentKeyFile
from kiosk.services.store import Store
from tests.services.complaints.central_side import KIOSK_CODE, Fault, FaultProxy

from .conftest import Central, Relief


def _draft(relief: Relief) -> ComplaintDraft:
    return ComplaintDraft(
        category=ComplaintCategory.FUNDS_WITHHELD,
        household_id=relief.household_id,
        aid_record_id=relief.aid_record_id,
        claimed_received_fen=400_000,
        text="2014年的救灾款记录是八千元，我只收到四千元。",
        disclosure=Disclosure.ANONYMOUS,
    )


def _published(central: Central) -> list[tuple[str, str]]:
    client = central.client()
    try:
        return [(entry["key_id"], entry["kiosk_code"]) for entry in client.document_keys()]
    finally:
        client.close()


class Clock:
    """The sender's clock, moved by the test past a backoff instead of waiting for it."""

    def __init__(self) -> None:
        self.offset = timedelta()

    def __call__(self) -> datetime:
        return utcnow() + self.offset


@pytest.fixture
def document_key(tmp_path: Path) -> Path:
    path = tmp_path / "document-key.pem"
    write_new_key(path)
    return path


@pytest.fixture
def client(central: Central) -> Iterator[CentralClient]:
    made = central.client()
    yield made
    made.close()


def test_published_once_after_start_and_again_after_a_rotation(
    store: Store, central: Central, client: CentralClient, document_key: Path
) -> None:
    """The first step publishes the key; later steps do not publish it again; a rotated
    key is published on the next step and the old one stays listed."""
    reader = DocumentKeyFile(document_key)
    first = reader()
    assert first is not None
    sender = OutboxSender(store.sessionmaker, client, document_key=reader)
    assert sender.step().outcome is Outcome.IDLE
    first_id = key_id(bytes.fromhex(first))
    assert _published(central) == [(first_id, KIOSK_CODE)]
    assert sender.published_key == first
    sender.step()
    assert len(_published(central)) == 1

    rotated = public_hex(write_new_key(document_key, force=True))
    sender.step()
    assert sender.published_key == rotated
    assert {ident for ident, _ in _published(central)} == {
        first_id,
        key_id(bytes.fromhex(rotated)),
    }


def test_a_failed_publication_does_not_hold_up_a_complaint(
    store: Store, central: Central, relief: Relief, document_key: Path
) -> None:
    """The publication meets a 500: the complaint behind it is still delivered in the same
    step, and the key is published once its own backoff has passed."""
    answers = iter([Fault.ERROR_500])
    proxy = FaultProxy(central.server.port, lambda: next(answers, Fault.PASS))
    client = central.client(proxy.url)
    clock = Clock()
    try:
        file_complaint(store.sessionmaker, _draft(relief), kiosk_code=KIOSK_CODE)
        sender = OutboxSender(
            store.sessionmaker,
            client,
            document_key=DocumentKeyFile(document_key),
            clock=clock,
            retry_base_s=30.0,
            retry_cap_s=60.0,
        )
        assert sender.step().outcome is Outcome.SENT
        assert proxy.seen[Fault.ERROR_500] == 1
        assert _published(central) == []
        assert sender.published_key is None

        sender.step()  # within the backoff: not tried again
        assert _published(central) == []
        clock.offset = timedelta(seconds=61)
        sender.step()
        assert len(_published(central)) == 1
    finally:
        client.close()
        proxy.close()


def test_a_revoked_key_is_not_sent_again_and_complaints_still_go(
    store: Store, central: Central, client: CentralClient, relief: Relief, document_key: Path
) -> None:
    """Staff revoked the key: the server refuses it (409), the sender logs it and does not
    insist, and the complaint is delivered all the same."""
    reader = DocumentKeyFile(document_key)
    OutboxSender(store.sessionmaker, client, document_key=reader).step()
    ident = key_id(bytes.fromhex(reader() or ""))
    assert central_main(["revoke-document-key", ident, "--db", central.database.url]) == 0

    file_complaint(store.sessionmaker, _draft(relief), kiosk_code=KIOSK_CODE)
    restarted = OutboxSender(store.sessionmaker, client, document_key=reader)
    assert restarted.step().outcome is Outcome.SENT
    assert restarted.published_key == reader()
