"""Filing a complaint: the server's checks on the kiosk, one durable transaction, the outbox;
each disclosure level stores and sends exactly what it allows."""

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
    Disclosure,
    ImplicatedParty,
    Member,
    OutboxMessage,
    OutboxState,
    PartyKind,
    RegionLevel,
    VerificationKind,
)
from kiosk.domain.routing import RoutingWhy
from kiosk.domain.secret_digest import secret_digest
from kiosk.services.complaints import payload
from kiosk.services.complaints.draft import ComplaintWhy
from kiosk.services.complaints.filing import (
    ComplaintDraft,
    ComplaintRefused,
    NamedUnit,
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
        disclosure=Disclosure.NAMED,
        complainant_member_id=relief.head_member_id,
        contact_phone="13800000000",
    )
    return replace(draft, **changes)  # type: ignore[arg-type]


def _anonymous(relief: Relief, **changes: object) -> ComplaintDraft:
    """The dispute, anonymous: no complainant, no phone."""
    return _dispute(
        relief,
        **{
            "disclosure": Disclosure.ANONYMOUS,
            "complainant_member_id": None,
            "contact_phone": None,
            **changes,
        },
    )


def _village_report(**changes: object) -> ComplaintDraft:
    """Favouritism seen in the village: no household, no payment, no one."""
    draft = ComplaintDraft(
        category=ComplaintCategory.FAVOURITISM,
        household_id=None,
        text="低保名额给了村干部的亲戚",
        disclosure=Disclosure.VILLAGE_REPORT,
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


REFUSALS: dict[str, tuple[dict[str, object], str]] = {
    "text too long": ({"text": "字" * 2001}, "text"),
    "control character": ({"text": "只收到\x07四千元"}, "text"),
    "phone when anonymous": (
        {"disclosure": Disclosure.ANONYMOUS, "complainant_member_id": None},
        "contact_phone",
    ),
    "complainant when anonymous": (
        {"disclosure": Disclosure.ANONYMOUS, "contact_phone": None},
        "complainant_member_id",
    ),
    "named without the complainant": ({"complainant_member_id": None}, "complainant_member_id"),
    "named by an unknown member": ({"complainant_member_id": 999_999}, "complainant_member_id"),
    "unknown level": ({"disclosure": "whispered"}, "disclosure"),
    "village report with the household": (
        {
            "disclosure": Disclosure.VILLAGE_REPORT,
            "complainant_member_id": None,
            "contact_phone": None,
        },
        "household_id",
    ),
    "anonymous without a household": (
        {
            "disclosure": Disclosure.ANONYMOUS,
            "household_id": None,
            "aid_record_id": None,
            "claimed_received_fen": None,
            "complainant_member_id": None,
            "contact_phone": None,
        },
        "household_id",
    ),
    "unit without a name": ({"implicated_units": (NamedUnit(" ", "522730"),)}, "implicated_units"),
    "unit in an unknown region": (
        {"implicated_units": (NamedUnit("某某局", "522799"),)},
        "implicated_units",
    ),
    "unit twice": (
        {"implicated_units": (NamedUnit("龙里县民政局", "522730"),) * 2},
        "implicated_units",
    ),
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
    "record of no household": (
        {
            "household_id": None,
            "disclosure": Disclosure.VILLAGE_REPORT,
            "complainant_member_id": None,
            "contact_phone": None,
        },
        "household_id",
    ),
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
    """A draft the server would refuse is refused here, with a code a screen words, and
    nothing is stored."""
    changes, field = REFUSALS[case]
    before = _counts(store)
    with pytest.raises(ComplaintRefused) as info:
        file_complaint(store.sessionmaker, _dispute(relief, **changes), kiosk_code=KIOSK)
    assert info.value.field == field
    assert isinstance(info.value.code, ComplaintWhy)
    assert "1380000000" not in f"{info.value} {info.value.reason.values}"
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
    assert info.value.code is ComplaintWhy.PAYMENT_NOT_FOUND


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
        head = session.get_one(Member, relief.head_member_id)
        head_hash = head.id_hash
        assert complaint.disclosure is Disclosure.NAMED and not complaint.anonymous
        assert complaint.complainant_member_id == head.id
        assert complaint.complainant_name == head.name == "杨正刚"
    body = json.loads(row.body)
    assert body == {
        "tracking_number": filed.tracking_number,
        "secret_digest": secret_digest(filed.tracking_number, filed.secret),
        "category": "funds_withheld",
        "household_file_number": "522730001001-0001",
        "aid_record_reference": relief.reference,
        "recorded_fen": 800_000,
        "claimed_received_fen": 400_000,
        "text": "只收到四千元",
        "disclosure": "named",
        "anonymous": False,
        "complainant": {"member_id_hash": head_hash},
        "contact_phone": "13800000000",
        "implicated": [{"kind": "cadre", "cadre_code": cadre.code}],
        "filed_at": "2026-11-29T08:15:07Z",
    }


def test_anonymous_complaint_keeps_the_household_but_no_one_in_it(
    store: Store, relief: Relief
) -> None:
    """Anonymous about one's household: the file and the payment go, no complainant, no phone."""
    file_complaint(store.sessionmaker, _anonymous(relief), kiosk_code=KIOSK)
    with store.sessionmaker() as session:
        complaint = session.scalars(select(Complaint)).one()
        body = json.loads(session.scalars(select(OutboxMessage.body)).one())
    assert complaint.disclosure is Disclosure.ANONYMOUS and complaint.anonymous
    assert complaint.contact_phone is None and complaint.complainant_member_id is None
    assert complaint.complainant_name == ""
    assert complaint.household_id == relief.household_id
    assert body["disclosure"] == "anonymous" and body["anonymous"] is True
    assert body["complainant"] is None and body["contact_phone"] is None
    assert body["household_file_number"] == "522730001001-0001"
    assert body["aid_record_reference"] == relief.reference


def test_village_report_carries_no_household_and_goes_by_the_terminals_region(
    store: Store,
) -> None:
    """A village report naming the village committee: no household, payment or person is
    stored or sent; the committee goes one level up, to Guanshan's office, by the terminal's
    region."""
    committee = NamedUnit("文峰社区居民委员会", "522730001001", RegionLevel.VILLAGE)
    draft = _village_report(implicated_units=(committee,))
    with store.sessionmaker() as session:
        destination = preview_destination(session, draft, terminal_region_code="522730001")
    filed = file_complaint(
        store.sessionmaker, draft, kiosk_code=KIOSK, terminal_region_code="522730001"
    )
    assert filed.office_name == destination.office_name == "冠山街道纪工委"
    with store.sessionmaker() as session:
        complaint = session.scalars(select(Complaint)).one()
        body = json.loads(session.scalars(select(OutboxMessage.body)).one())
        parties = [(p.kind, p.name, p.region_code, p.level) for p in complaint.implicated]
    assert complaint.disclosure is Disclosure.VILLAGE_REPORT and complaint.anonymous
    assert complaint.household_id is None and complaint.aid_record_id is None
    assert complaint.complainant_member_id is None and complaint.contact_phone is None
    assert parties == [(PartyKind.DEPARTMENT, committee.name, "522730001001", RegionLevel.VILLAGE)]
    assert body["disclosure"] == "village_report"
    for absent in ("household_file_number", "aid_record_reference", "complainant", "contact_phone"):
        assert body[absent] is None, absent
    assert body["implicated"] == [
        {
            "kind": "department",
            "name": "文峰社区居民委员会",
            "region_code": "522730001001",
            "level": "village",
        }
    ]


def test_village_report_without_the_terminals_region_has_no_office(store: Store) -> None:
    """Nothing places a village report naming no one but the terminal: without its region,
    filing is refused and nothing written."""
    before = _counts(store)
    with pytest.raises(ComplaintRefused):
        file_complaint(store.sessionmaker, _village_report(), kiosk_code=KIOSK)
    assert _counts(store) == before


def test_acknowledged_body_forgets_who_filed_it(store: Store, relief: Relief) -> None:
    """Once acknowledged, the kept body has no secret's digest, no phone and no complainant;
    the body never held the secret itself."""
    file_complaint(store.sessionmaker, _dispute(relief), kiosk_code=KIOSK)
    with store.sessionmaker() as session:
        body = session.scalars(select(OutboxMessage.body)).one()
    kept = json.loads(payload.scrubbed(body))
    assert json.loads(body)["complainant"] is not None
    assert "secret" not in json.loads(body)
    assert kept["secret_digest"] is None and kept["contact_phone"] is None
    assert kept["complainant"] is None
    assert kept["disclosure"] == "named"


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
    assert [reason.code for reason in destination.reasons] == [
        RoutingWhy.NO_PARTY,
        RoutingWhy.OFFICE,
        RoutingWhy.HIDDEN_FROM_RESPONSIBLE,
    ]
    assert destination.reasons[1].value("office") == "龙里县纪委监委"


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
    assert info.value.code is RoutingWhy.NO_OFFICE
    assert _counts(store) == before
