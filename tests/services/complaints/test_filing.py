"""Filing a complaint: the server's checks on the kiosk, one durable transaction, the outbox."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime

import pytest
from sqlalchemy import delete, func, select

from kiosk.domain import tracking
from kiosk.domain.models import (
    AidRecord,
    AidVerification,
    Cadre,
    Complaint,
    ComplaintCategory,
    ComplaintEvent,
    DisciplineOffice,
    ImplicatedParty,
    OutboxMessage,
    OutboxState,
    VerificationKind,
)
from kiosk.services.complaints.filing import (
    ComplaintDraft,
    ComplaintRefused,
    file_complaint,
    preview_destination,
    validate_draft,
)
from kiosk.services.complaints.secret_hash import secret_matches
from kiosk.services.resident.ledger import record_verification
from kiosk.services.store import Store

from .conftest import Relief

KIOSK = "DEMO-0001"


def _dispute(relief: Relief, **changes: object) -> ComplaintDraft:
    draft = ComplaintDraft(
        category=ComplaintCategory.FUNDS_WITHHELD,
        household_id=relief.household_id,
        aid_record_id=relief.aid_record_id,
        claimed_received_fen=400_000,
        text="只收到四千元",
        anonymous=False,
        contact_phone="13800000000",
    )
    return replace(draft, **changes)  # type: ignore[arg-type]


def _counts(store: Store) -> tuple[int, int, int, int]:
    with store.sessionmaker() as session:
        return (
            session.scalar(select(func.count()).select_from(Complaint)) or 0,
            session.scalar(select(func.count()).select_from(OutboxMessage)) or 0,
            session.scalar(select(func.count()).select_from(ComplaintEvent)) or 0,
            session.scalar(select(func.count()).select_from(ImplicatedParty)) or 0,
        )


REFUSALS = {
    "text too long": ({"text": "字" * 2001}, "text"),
    "control character": ({"text": "只收到\x07四千元"}, "text"),
    "phone when anonymous": ({"anonymous": True}, "contact_phone"),
    "phone too short": ({"contact_phone": "1380000000"}, "contact_phone"),
    "phone not starting with 1": ({"contact_phone": "23800000000"}, "contact_phone"),
    "phone with letters": ({"contact_phone": "1380000000x"}, "contact_phone"),
    "claimed equals recorded": ({"claimed_received_fen": 800_000}, "claimed_received_fen"),
    "claimed negative": ({"claimed_received_fen": -1}, "claimed_received_fen"),
    "claimed not whole": ({"claimed_received_fen": 1.5}, "claimed_received_fen"),
    "claimed without a record": (
        {"aid_record_id": None, "claimed_received_fen": 100},
        "claimed_received_fen",
    ),
    "record of no household": ({"household_id": None}, "aid_record_id"),
    "unknown household": ({"household_id": 999_999}, "household_id"),
    "unknown category": ({"category": "gossip"}, "category"),
    "unknown cadre": ({"implicated_cadre_codes": ("NOBODY",)}, "implicated_cadre_codes"),
    "eleven parties": (
        {"implicated_cadre_codes": tuple(f"C{i}" for i in range(11))},
        "implicated_cadre_codes",
    ),
}


@pytest.mark.parametrize("case", sorted(REFUSALS))
def test_each_refusal_names_its_field_and_writes_nothing(
    store: Store, relief: Relief, case: str
) -> None:
    """A draft the server would refuse is refused here, bilingually, and nothing is stored."""
    changes, field = REFUSALS[case]
    before = _counts(store)
    with pytest.raises(ComplaintRefused) as info:
        file_complaint(store.sessionmaker, _dispute(relief, **changes), kiosk_code=KIOSK)
    assert info.value.field == field
    assert info.value.reason_zh and info.value.reason_en
    assert "1380000000" not in f"{info.value} {info.value.reason_zh} {info.value.reason_en}"
    assert _counts(store) == before


def test_another_households_payment_is_not_found(store: Store, relief: Relief) -> None:
    """A payment of another household is refused exactly like a missing one."""
    with store.sessionmaker() as session:
        other = session.scalar(
            select(AidRecord.id).where(AidRecord.household_id != relief.household_id).limit(1)
        )
        with pytest.raises(ComplaintRefused) as info:
            validate_draft(session, _dispute(relief, aid_record_id=other))
    assert info.value.field == "aid_record_id"
    assert info.value.reason_en == "This payment was not found"


def test_filing_commits_complaint_event_parties_and_outbox_body(
    store: Store, relief: Relief
) -> None:
    """One call stores the complaint, a hash of its secret, its first event, the parties it
    names and an outbox row whose body is the contract's JSON with the secret."""
    with store.sessionmaker() as session:
        cadre = session.scalars(select(Cadre).order_by(Cadre.code).limit(1)).one()
    now = datetime(2026, 11, 29, 8, 15, 7, 123456, tzinfo=UTC)
    filed = file_complaint(
        store.sessionmaker,
        _dispute(relief, implicated_cadre_codes=(cadre.code,)),
        kiosk_code=KIOSK,
        now=now,
    )
    assert tracking.tracking_number_valid(filed.tracking_number)
    assert tracking.secret_well_formed(filed.secret)
    assert filed.filed_at == now.replace(microsecond=0) and filed.filed_at.tzinfo is not None
    with store.sessionmaker() as session:
        complaint = session.scalars(select(Complaint)).one()
        row = session.scalars(select(OutboxMessage)).one()
        assert complaint.tracking_number == filed.tracking_number
        assert filed.secret not in complaint.secret_hash
        assert secret_matches(filed.secret, complaint.secret_hash)
        assert not secret_matches(
            "000000" if filed.secret != "000000" else "1", complaint.secret_hash
        )
        assert complaint.idempotency_key == row.idempotency_key
        assert 16 <= len(row.idempotency_key) <= 64
        assert [p.cadre_id for p in complaint.implicated] == [cadre.id]
        assert [e.public for e in complaint.events] == [True]
        assert row.state is OutboxState.PENDING and row.attempts == 0
        assert complaint.office is not None and complaint.office.name == filed.office_name
    body = json.loads(row.body)
    assert body == {
        "tracking_number": filed.tracking_number,
        "secret": filed.secret,
        "category": "funds_withheld",
        "household_file_number": "522730001001-0001",
        "aid_record_reference": relief.reference,
        "recorded_fen": 800_000,
        "claimed_received_fen": 400_000,
        "text": "只收到四千元",
        "anonymous": False,
        "contact_phone": "13800000000",
        "implicated": [{"kind": "cadre", "cadre_code": cadre.code}],
        "filed_at": "2026-11-29T08:15:07Z",
    }


def test_anonymous_complaint_keeps_no_phone(store: Store, relief: Relief) -> None:
    """An anonymous complaint stores and sends no contact phone."""
    file_complaint(
        store.sessionmaker,
        _dispute(relief, anonymous=True, contact_phone=None),
        kiosk_code=KIOSK,
    )
    with store.sessionmaker() as session:
        complaint = session.scalars(select(Complaint)).one()
        body = json.loads(session.scalars(select(OutboxMessage.body)).one())
    assert complaint.anonymous and complaint.contact_phone is None
    assert body["anonymous"] is True and body["contact_phone"] is None


def test_the_disputed_ledger_line_is_linked_to_its_complaint(store: Store, relief: Relief) -> None:
    """The resident's latest "received less" of this payment points at the new complaint."""
    with store.sessionmaker.begin() as session:
        older = record_verification(
            session,
            household_id=relief.household_id,
            aid_record_id=relief.aid_record_id,
            kind=VerificationKind.RECEIVED_LESS,
            received_fen=400_000,
            kiosk_code=KIOSK,
        )
    with store.sessionmaker.begin() as session:
        latest = record_verification(
            session,
            household_id=relief.household_id,
            aid_record_id=relief.aid_record_id,
            kind=VerificationKind.RECEIVED_LESS,
            received_fen=400_000,
            kiosk_code=KIOSK,
        )
    file_complaint(store.sessionmaker, _dispute(relief), kiosk_code=KIOSK)
    with store.sessionmaker() as session:
        complaint_id = session.scalar(select(Complaint.id))
        assert session.get_one(AidVerification, latest).complaint_id == complaint_id
        assert session.get_one(AidVerification, older).complaint_id is None


def test_preview_sends_the_relief_dispute_to_the_county_commission(
    store: Store, relief: Relief
) -> None:
    """Naming no one, the 8,000-yuan dispute goes to Longli county's commission, offline."""
    with store.sessionmaker() as session:
        destination = preview_destination(session, _dispute(relief))
    assert destination.office_name == "龙里县纪委监委"
    assert destination.reason_zh and destination.reason_en


def test_wake_is_called_only_after_the_commit(store: Store, relief: Relief) -> None:
    """The sender's wake-up comes after the complaint is in the store, never before."""
    seen: list[int] = []

    def wake() -> None:
        with store.sessionmaker() as session:
            seen.append(session.scalar(select(func.count()).select_from(OutboxMessage)) or 0)

    file_complaint(store.sessionmaker, _dispute(relief), kiosk_code=KIOSK, wake=wake)
    assert seen == [1]


def test_tracking_numbers_differ_between_complaints(store: Store, relief: Relief) -> None:
    """Two filings of the same draft are two complaints with their own numbers and keys."""
    first = file_complaint(store.sessionmaker, _dispute(relief), kiosk_code=KIOSK)
    second = file_complaint(store.sessionmaker, _dispute(relief), kiosk_code=KIOSK)
    assert first.tracking_number != second.tracking_number
    with store.sessionmaker() as session:
        keys = set(session.scalars(select(OutboxMessage.idempotency_key)))
    assert len(keys) == 2


def test_no_office_left_is_a_refusal_with_reasons(store: Store, relief: Relief) -> None:
    """When every office that could hear it is implicated, filing is refused, bilingually,
    and nothing is written (the server would refuse it too)."""
    with store.sessionmaker.begin() as session:
        session.execute(delete(DisciplineOffice))
    before = _counts(store)
    with pytest.raises(ComplaintRefused) as info:
        file_complaint(store.sessionmaker, _dispute(relief), kiosk_code=KIOSK)
    assert info.value.field == "implicated_cadre_codes"
    assert info.value.reason_zh and info.value.reason_en
    assert _counts(store) == before
