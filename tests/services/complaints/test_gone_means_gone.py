"""Gone means gone: once the central server has acknowledged a complaint, its secret and its
contact phone are in no byte of the kiosk's store files (the database, its WAL and its
shared-memory index) while the store is still open, after a busy checkpoint, after a crash,
and in a store that earlier versions had scrubbed without zeroing."""

from __future__ import annotations

import secrets
import shutil
import sqlite3
import threading
from collections.abc import Callable, Iterator, Mapping
from datetime import datetime
from pathlib import Path

import pytest
from alembic import command
from argon2 import PasswordHasher
from sqlalchemy import select

from central import passwords
from kiosk.domain import tracking
from kiosk.domain.clock import utcnow
from kiosk.domain.models import (
    Complaint,
    ComplaintCategory,
    Disclosure,
    OutboxMessage,
    OutboxState,
)
from kiosk.domain.secret_digest import secret_digest
from kiosk.services.complaints import outbox, payload
from kiosk.services.complaints.client import CentralClient
from kiosk.services.complaints.filing import ComplaintDraft, FiledComplaint, file_complaint
from kiosk.services.complaints.outbox import OutboxSender, Outcome
from kiosk.services.complaints.status import StatusNotFound, check_status
from kiosk.services.health.base import Status
from kiosk.services.health.outbox import check_outbox
from kiosk.services.resident.ledger import ledger
from kiosk.services.store import Store, _sqlite_pragmas, alembic_config, open_store
from tests.services.complaints.central_side import KIOSK_CODE

from .conftest import Central, Relief

COMPLAINTS = 50
NAMED = 30
STORE_SUFFIXES = ("", "-wal", "-shm")
#: Digits the store holds as text whatever is filed: the amounts in a body's JSON, and the
#: microseconds of a stored time (whole seconds here).
DIGITS_HELD_ANYWAY = b"800000 400000 0000-00-00 00:00:00.000000"
CATEGORIES = list(ComplaintCategory)


def store_files(path: Path) -> dict[str, bytes]:
    """The raw bytes of the store's three files as they are on disk now (none: empty)."""
    files = {}
    for suffix in STORE_SUFFIXES:
        file = path.with_name(path.name + suffix)
        files[file.name] = file.read_bytes() if file.exists() else b""
    return files


def encodings(digits: str) -> tuple[bytes, ...]:
    """Every form in which the store could hold the digits: UTF-8 text, which is how its
    columns and the outbox's JSON bodies hold them (the store's encoding is UTF-8), and
    UTF-16 in either byte order, as SQLite would store text in a UTF-16 database."""
    return tuple(digits.encode(codec) for codec in ("ascii", "utf-16-le", "utf-16-be"))


def readable(files: Mapping[str, bytes], values: Mapping[str, str]) -> list[str]:
    """Which values can be read in which file, as labels only: never the digits themselves,
    so that a failing test prints no secret and no phone."""
    return [
        f"{label} in {name}"
        for label, value in values.items()
        for name, data in files.items()
        if any(form in data for form in encodings(value))
    ]


def found_anywhere(files: Mapping[str, bytes], values: Mapping[str, str]) -> set[str]:
    return {found.split(" in ")[0] for found in readable(files, values)}


class Draws:
    """Secrets and tracking numbers from the real generators, and phones, each drawn again
    when it would sit inside digits the store holds anyway (a region code, another
    complaint's tracking number, a phone): finding a secret's six digits in the store's
    bytes then means it was left there, never that other digits happen to hold them."""

    def __init__(self, baseline: bytes) -> None:
        self.baseline = baseline + DIGITS_HELD_ANYWAY
        self.secrets: list[str] = []
        self.tracking_numbers: list[str] = []
        self.phones: list[str] = []
        self._new_secret = tracking.new_secret
        self._new_tracking_number = tracking.new_tracking_number

    def _held(self, digits: str) -> bool:
        return any(form in self.baseline for form in encodings(digits))

    def phone(self) -> str:
        while True:
            phone = "1" + secrets.choice("3456789") + f"{secrets.randbelow(10**9):09d}"
            if not self._held(phone) and phone not in self.phones:
                self.phones.append(phone)
                return phone

    def secret(self) -> str:
        while True:
            secret = self._new_secret()
            others = [*self.tracking_numbers, *self.phones, *self.secrets]
            if not self._held(secret) and not any(secret in other for other in others):
                self.secrets.append(secret)
                return secret

    def tracking_number(self) -> str:
        while True:
            number = self._new_tracking_number()
            if not self._held(number) and not any(s in number for s in self.secrets):
                self.tracking_numbers.append(number)
                return number


@pytest.fixture
def draws(store: Store, store_file: Path, monkeypatch: pytest.MonkeyPatch) -> Draws:
    """Filing draws its secrets and tracking numbers through :class:`Draws`; the central
    server's argon2 is made cheap (it is not under test, and the server keeps its hash)."""
    drawn = Draws(b"".join(store_files(store_file).values()))
    monkeypatch.setattr(tracking, "new_secret", drawn.secret)
    monkeypatch.setattr(tracking, "new_tracking_number", drawn.tracking_number)
    monkeypatch.setattr(passwords, "_HASHER", PasswordHasher(time_cost=1, memory_cost=1024))
    return drawn


@pytest.fixture
def client(central: Central) -> Iterator[CentralClient]:
    made = central.client()
    yield made
    made.close()


def whole_seconds() -> datetime:
    return utcnow().replace(microsecond=0)


def draft(relief: Relief, index: int, phone: str | None) -> ComplaintDraft:
    """A named complaint with ``phone``, or (without one) an anonymous one; the first few
    dispute the 2014 relief payment."""
    disputed = index < 5
    return ComplaintDraft(
        category=CATEGORIES[index % len(CATEGORIES)],
        household_id=relief.household_id,
        aid_record_id=relief.aid_record_id if disputed else None,
        claimed_received_fen=400_000 if disputed else None,
        text=f"第{index}件：记录和实际不符。",
        disclosure=Disclosure.NAMED if phone else Disclosure.ANONYMOUS,
        complainant_member_id=relief.head_member_id if phone else None,
        contact_phone=phone,
    )


def file_many(
    store: Store, relief: Relief, draws: Draws, count: int, named: int
) -> tuple[list[FiledComplaint], dict[str, str]]:
    """``count`` complaints, the first ``named`` of them named with a phone; and, by label,
    every phone and the digest of every secret, which the outbox holds in the secret's
    place (the secret itself is never written: see the delivery test)."""
    filed, values = [], {}
    for index in range(count):
        phone = draws.phone() if index < named else None
        done = file_complaint(
            store.sessionmaker, draft(relief, index, phone), kiosk_code=KIOSK_CODE
        )
        filed.append(done)
        values[f"digest of complaint {index}"] = secret_digest(done.tracking_number, done.secret)
        if phone is not None:
            values[f"phone of complaint {index}"] = phone
    return filed, values


def sender_for(
    store: Store,
    client: CentralClient,
    *,
    on_depth: Callable[[int], None] | None = None,
    wal_retry_s: float = outbox.WAL_RETRY_S,
) -> OutboxSender:
    """A sender whose times are whole seconds, like the filing times."""
    return OutboxSender(
        store.sessionmaker, client, on_depth=on_depth, clock=whole_seconds, wal_retry_s=wal_retry_s
    )


def test_every_connection_zeroes_what_it_deletes(store: Store, tmp_path: Path) -> None:
    """The store's connections run with secure_delete on, even on a build of SQLite that
    has it off by default, and the store's text is UTF-8."""
    with store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA secure_delete").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA encoding").scalar() == "UTF-8"
    bare = sqlite3.connect(tmp_path / "bare.sqlite3")
    try:
        bare.execute("PRAGMA secure_delete=OFF")
        _sqlite_pragmas(bare, None)  # what the store's engine runs on each new connection
        assert bare.execute("PRAGMA secure_delete").fetchone()[0] == 1
    finally:
        bare.close()


def test_delivered_secrets_and_phones_are_in_no_byte_of_the_open_store(
    store: Store,
    store_file: Path,
    relief: Relief,
    central: Central,
    client: CentralClient,
    draws: Draws,
) -> None:
    """50 complaints, 30 named with phones, delivered by the sender thread to the real
    server: then no secret and no phone can be read in kiosk.sqlite3, -wal or -shm while
    the store is open; the server has every phone, and a resident's check still works."""
    filed, values = file_many(store, relief, draws, COMPLAINTS, NAMED)
    # The scan sees what is there: before delivery every digest and phone is on disk; the
    # secrets themselves never are (the store keeps a salted scrypt hash for local checks).
    assert found_anywhere(store_files(store_file), values) == set(values)
    secrets_typed = {f"secret of complaint {i}": done.secret for i, done in enumerate(filed)}
    assert found_anywhere(store_files(store_file), secrets_typed) == set()
    waiting = check_status(client, store.sessionmaker, filed[0].tracking_number, filed[0].secret)
    assert waiting.waiting_to_send

    drained = threading.Event()
    sender = sender_for(
        store, client, on_depth=lambda pending: drained.set() if pending == 0 else None
    )
    sender.start()
    try:
        # Nothing in this thread touches the store while it drains: the sender reports 0
        # after the last acknowledgement's checkpoint.
        assert drained.wait(120), "the outbox did not drain"
        files = store_files(store_file)
        assert readable(files, values) == []
        assert files["kiosk.sqlite3-wal"] == b"", "the WAL was not truncated"
    finally:
        assert sender.stop(timeout=10)

    with store.sessionmaker() as session:
        rows = session.execute(
            select(OutboxMessage.state, Complaint.contact_phone, Complaint.secret_hash).join(
                Complaint, Complaint.id == OutboxMessage.complaint_id
            )
        ).all()
    assert len(rows) == COMPLAINTS
    assert {(state, phone, hashed) for state, phone, hashed in rows} == {
        (OutboxState.SENT, None, outbox.SCRUBBED_SECRET_HASH)
    }
    with central.database.session() as session:
        phones = set(session.scalars(select(Complaint.contact_phone)))
    assert phones - {None} == set(draws.phones), "a phone did not reach the server"

    for one in (filed[0], filed[-1]):  # named, anonymous: the server answers now
        seen = check_status(client, store.sessionmaker, one.tracking_number, one.secret)
        assert not seen.waiting_to_send and seen.status == "received"
    wrong = "0" * 6 if filed[0].secret != "0" * 6 else "1" * 6
    with pytest.raises(StatusNotFound):
        check_status(client, store.sessionmaker, filed[0].tracking_number, wrong)

    # What staff and residents see of delivered complaints reads no phone and no secret.
    health = check_outbox(store_file)
    assert health.status is Status.OK and health.finding.startswith("0 complaint(s) waiting")
    with store.sessionmaker() as session:
        relief_line = next(
            line
            for year in ledger(session, relief.household_id).years
            for line in year.lines
            if line.aid_record_id == relief.aid_record_id
        )
    assert relief_line.complaint is not None
    assert relief_line.complaint.delivery is OutboxState.SENT


def test_a_checkpoint_a_reader_blocks_is_done_on_a_later_step(
    store: Store,
    store_file: Path,
    relief: Relief,
    central: Central,
    client: CentralClient,
    draws: Draws,
) -> None:
    """While another connection reads an older snapshot the WAL cannot be truncated: the
    sender does not wait for it, checks again within ``wal_retry_s``, and truncates once the
    reader is gone."""
    _filed, values = file_many(store, relief, draws, 1, 1)
    reader = sqlite3.connect(store_file, isolation_level=None)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM complaints").fetchone()
    sender = sender_for(store, client, wal_retry_s=0.5)
    try:
        assert sender.step().outcome is Outcome.SENT
        assert sender.wal_to_truncate
        # The old pages are still there: why the checkpoint must come back.
        assert found_anywhere(store_files(store_file), values) == set(values)
        idle = sender.step()
        assert idle.outcome is Outcome.IDLE and idle.wait_s <= 0.5
        assert sender.wal_to_truncate
    finally:
        reader.rollback()
        reader.close()
    assert sender.step().outcome is Outcome.IDLE
    assert not sender.wal_to_truncate
    assert readable(store_files(store_file), values) == []


def test_after_a_crash_the_next_sender_truncates_what_the_wal_kept(
    store: Store,
    store_file: Path,
    relief: Relief,
    central: Central,
    client: CentralClient,
    draws: Draws,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A kiosk that died after its acknowledgements and before any checkpoint leaves the
    old pages in its WAL; the next start's sender truncates it on its first step."""
    _filed, values = file_many(store, relief, draws, 4, 2)
    with monkeypatch.context() as patch:
        patch.setattr(outbox, "truncate_wal", lambda *_args, **_kwargs: False)
        sender = sender_for(store, client)
        for _ in range(4):
            assert sender.step().outcome is Outcome.SENT
    # The files as a crash at this moment leaves them (nothing is being written).
    crashed = tmp_path / "crashed" / store_file.name
    crashed.parent.mkdir()
    for suffix in STORE_SUFFIXES:
        source = store_file.with_name(store_file.name + suffix)
        if source.exists():
            shutil.copyfile(source, crashed.with_name(crashed.name + suffix))
    assert found_anywhere(store_files(crashed), values) == set(values)

    restarted = open_store(crashed)
    try:
        assert sender_for(restarted, client).step().outcome is Outcome.IDLE
        assert readable(store_files(crashed), values) == []
        with restarted.sessionmaker() as session:
            states = set(session.scalars(select(OutboxMessage.state)))
        assert states == {OutboxState.SENT}
    finally:
        restarted.close()


def test_a_store_scrubbed_by_an_earlier_version_is_wiped_on_upgrade(
    store: Store, store_file: Path, relief: Relief, draws: Draws
) -> None:
    """A store at 0004 whose complaints were delivered the old way (the body scrubbed
    without zeroing, the phone and hash kept) loses them on upgrade, free space and all;
    a complaint still waiting keeps its phone and its secret's hash."""
    filed, values = file_many(store, relief, draws, 6, 4)
    with store.sessionmaker() as session:
        waiting_id = session.scalar(
            select(Complaint.id).where(Complaint.tracking_number == filed[0].tracking_number)
        )
    assert waiting_id is not None
    # The schema as it was then: the revisions after 0005 taken back, 0005 itself only
    # scrubs, and is run again on upgrade.
    with store.engine.begin() as connection:
        config = alembic_config(store.engine.url.render_as_string(hide_password=False))
        config.attributes["connection"] = connection
        command.downgrade(config, "0005")
    store.close()
    old = sqlite3.connect(store_file, isolation_level=None)
    try:
        # Some builds of SQLite zero deleted content by default, some do not: as one that
        # does not, which the earlier versions did not ask for.
        old.execute("PRAGMA secure_delete=OFF")
        assert old.execute("PRAGMA secure_delete").fetchone()[0] == 0
        rows = old.execute(
            "SELECT id, body FROM complaint_outbox WHERE complaint_id != ?", (waiting_id,)
        ).fetchall()
        for row_id, body in rows:  # what the outbox of 0004 did on acknowledgement
            old.execute(
                "UPDATE complaint_outbox SET state = 'sent', body = ? WHERE id = ?",
                (payload.scrubbed(body), row_id),
            )
        old.execute("UPDATE alembic_version SET version_num = '0004'")
    finally:
        old.close()
    kept_labels = {"digest of complaint 0", "phone of complaint 0"}
    delivered = {label: value for label, value in values.items() if label not in kept_labels}
    kept = {label: values[label] for label in kept_labels}
    left = found_anywhere(store_files(store_file), delivered)
    assert {label for label in delivered if label.startswith("phone")} <= left

    upgraded = open_store(store_file)
    try:
        assert readable(store_files(store_file), delivered) == []
        assert found_anywhere(store_files(store_file), kept) == set(kept)
        with upgraded.sessionmaker() as session:
            complaints = {c.id: c for c in session.scalars(select(Complaint))}
        waiting = complaints.pop(waiting_id)
        assert waiting.contact_phone == values["phone of complaint 0"]
        assert waiting.secret_hash != outbox.SCRUBBED_SECRET_HASH
        assert {(c.contact_phone, c.secret_hash) for c in complaints.values()} == {
            (None, outbox.SCRUBBED_SECRET_HASH)
        }
    finally:
        upgraded.close()
