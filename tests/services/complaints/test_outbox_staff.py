"""What staff see of the outbox: ``kiosk outbox`` and the doctor's outbox check, with
counts and ages only, never a tracking number, secret, phone number or text."""

from __future__ import annotations

import os
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, update

from kiosk.cli import main
from kiosk.config import SecurityConfig, load_config
from kiosk.domain.clock import utcnow
from kiosk.domain.models import (
    Complaint,
    ComplaintCategory,
    Disclosure,
    OutboxMessage,
    OutboxState,
)
from kiosk.exitcodes import ExitCode
from kiosk.services.complaints.filing import ComplaintDraft, FiledComplaint, file_complaint
from kiosk.services.complaints.kiosk_key import write_new_key
from kiosk.services.complaints.sending import start_outbox_sender
from kiosk.services.health import Status
from kiosk.services.health.outbox import check_outbox
from kiosk.services.store import Store

from .conftest import Relief


def _file(store: Store, relief: Relief) -> FiledComplaint:
    draft = ComplaintDraft(
        category=ComplaintCategory.FUNDS_WITHHELD,
        household_id=relief.household_id,
        aid_record_id=relief.aid_record_id,
        claimed_received_fen=400_000,
        text="只收到四千元",
        disclosure=Disclosure.NAMED,
        complainant_member_id=relief.head_member_id,
        contact_phone="13800000000",
    )
    return file_complaint(store.sessionmaker, draft, kiosk_code="DEMO-0001")


def _age(store: Store, hours: float) -> None:
    with store.sessionmaker.begin() as session:
        session.execute(update(OutboxMessage).values(created_at=utcnow() - timedelta(hours=hours)))


def test_outbox_command_prints_depth_and_age_without_secrets(
    store: Store,
    store_file: Path,
    relief: Relief,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`kiosk outbox` counts the waiting complaint and its age, and prints nothing of it."""
    for name in [n for n in os.environ if n.startswith("KIOSK_")]:
        monkeypatch.delenv(name)
    monkeypatch.setattr("kiosk.config.SYSTEM_CONFIG", store_file.parent / "none.toml")
    filed = _file(store, relief)
    _age(store, 3)
    assert main(["outbox", "--db", str(store_file)]) == ExitCode.OK
    out = capsys.readouterr().out
    assert "waiting to be sent: 1" in out
    assert "oldest waiting:     3.0 h" in out
    assert "refused by server:  0" in out
    for secret in (filed.tracking_number, filed.secret, "13800000000", "四千"):
        assert secret not in out


def test_outbox_command_fails_when_the_server_refused_one(
    store: Store,
    store_file: Path,
    relief: Relief,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A refused complaint makes `kiosk outbox` exit CHECK_FAILED and say who to tell."""
    monkeypatch.setattr("kiosk.config.SYSTEM_CONFIG", store_file.parent / "none.toml")
    _file(store, relief)
    with store.sessionmaker.begin() as session:
        session.execute(update(OutboxMessage).values(state=OutboxState.REFUSED))
    assert main(["outbox", "--db", str(store_file)]) == ExitCode.CHECK_FAILED
    out = capsys.readouterr().out
    assert "refused by server:  1" in out and "installer" in out


def test_doctor_check_reports_depth_age_and_refusals(store: Store, relief: Relief) -> None:
    """The doctor's check is ok for a fresh queue, warns about a stale one and about a
    refused complaint, and is never needed to serve residents."""
    assert store.path is not None
    empty = check_outbox(store.path)
    assert (empty.status, empty.needed) == (Status.OK, False)
    assert "0 complaint(s) waiting" in empty.finding

    filed = _file(store, relief)
    fresh = check_outbox(store.path)
    assert fresh.status is Status.OK and "1 complaint(s) waiting" in fresh.finding

    _age(store, 2)
    stale = check_outbox(store.path)
    assert stale.status is Status.WARNING and "the oldest for 120 min" in stale.finding

    with store.sessionmaker.begin() as session:
        session.execute(update(OutboxMessage).values(state=OutboxState.REFUSED))
    refused = check_outbox(store.path)
    assert refused.status is Status.WARNING and "1 refused" in refused.finding
    for text in (refused.finding, refused.fix, stale.finding):
        assert filed.tracking_number not in text and filed.secret not in text
    with store.sessionmaker() as session:
        assert session.scalar(select(Complaint.tracking_number)) == filed.tracking_number


def test_doctor_check_on_a_missing_store_is_quiet(tmp_path: Path) -> None:
    """No store yet means nothing waits: ok, and the file is not created."""
    missing = tmp_path / "none.sqlite3"
    assert check_outbox(missing).status is Status.OK
    assert not missing.exists()


def test_sender_starts_from_configuration_only_with_a_key(
    store: Store,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Without a key file the app gets no sender and a log line saying complaints wait;
    with one (from `kiosk keygen`) it gets a running sender that stops cleanly."""
    key_file = tmp_path / "kiosk-key.pem"
    monkeypatch.setattr("kiosk.config.SYSTEM_CONFIG", tmp_path / "none.toml")
    config = replace(
        load_config(environ={}),
        security=SecurityConfig(id_hash_key_file=None, kiosk_key_file=key_file),
    )
    assert start_outbox_sender(config, store.sessionmaker) is None
    assert "complaints will wait in the outbox" in caplog.text
    write_new_key(key_file)
    depths: list[int] = []
    sender = start_outbox_sender(config, store.sessionmaker, on_depth=depths.append)
    assert sender is not None and sender.is_alive()
    assert sender.stop(timeout=10)
    assert depths[:1] == [0]
