"""Filing a complaint exactly once: validate, resolve, route and store in one transaction.

What is stored follows the complaint's disclosure level (``kiosk.domain.disclosure``): a
named complaint keeps the member who filed it, resolved in the household by the register's
key, with their name as the register has it now; an anonymous one keeps the household and
no one in it; a village report keeps no household, no payment and no one, and is routed by
the region registered for the terminal that sent it.

Exactly-once rests on the database, not on checks made beforehand: the IdempotencyRecord of
(kiosk, key) is inserted in the same transaction as the complaint, under a permanent unique
constraint. When two copies of one request race, the loser's insert fails, its transaction
rolls back whole, and it answers with the winner's stored response.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from central import lifecycle
from central.api.schemas import ComplaintIn, ImplicatedIn
from central.config import Settings
from central.errors import ApiError, json_bytes
from central.messages import reasons_words
from central.models import IdempotencyRecord
from central.passwords import hash_secret, hash_secret_digest
from central.routing import NamedParty, route_complaint
from central.timefmt import iso_utc
from kiosk.domain.clock import utcnow
from kiosk.domain.models import (
    AidRecord,
    Cadre,
    Complaint,
    ComplaintEvent,
    ComplaintStatus,
    DisciplineOffice,
    Disclosure,
    Household,
    ImplicatedParty,
    Kiosk,
    Member,
    PartyKind,
    Region,
)
from kiosk.domain.routing import NoOfficeFound, Routing


@dataclass(frozen=True)
class Filed:
    """The answer to a filing request: the stored bytes, and whether this was a replay."""

    status: int
    body: bytes
    replayed: bool


def _key_reused() -> ApiError:
    return ApiError(409, "idempotency_key_reused")


def _tracking_taken() -> ApiError:
    # Eleven random digits make this astronomically rare (two kiosks drawing the same number
    # among 9 x 10^10); the kiosk must then file under a new number.
    return ApiError(409, "tracking_number_taken")


def _unknown(code: str, field: str) -> ApiError:
    return ApiError(422, code, field=field)


def _replay(record: IdempotencyRecord, body_sha256: str) -> Filed:
    if record.body_sha256 != body_sha256:
        raise _key_reused()
    return Filed(record.response_status, record.response_body, replayed=True)


def _find_record(session: Session, kiosk_code: str, key: str) -> IdempotencyRecord | None:
    statement = select(IdempotencyRecord).where(
        IdempotencyRecord.kiosk_code == kiosk_code, IdempotencyRecord.key == key
    )
    return session.scalars(statement).one_or_none()


def file_complaint(
    sessions: sessionmaker[Session],
    settings: Settings,
    *,
    kiosk_code: str,
    key: str,
    body: bytes,
    complaint: ComplaintIn,
    now: datetime | None = None,
) -> Filed:
    """Store ``complaint`` once for (kiosk, key), or answer as the first time; ApiError else."""
    now = now or utcnow()
    body_sha256 = hashlib.sha256(body).hexdigest()
    if complaint.secret_digest is None:
        # An older kiosk's body: its hash takes an argon2 run, not wasted on a resend.
        with sessions() as session:
            record = _find_record(session, kiosk_code, key)
            if record is not None:
                return _replay(record, body_sha256)
    # Made before any transaction holds a lock; _store looks for a first answer itself.
    secret_hash = _secret_hash(complaint, settings.secret_pepper)
    with sessions() as session:
        try:
            return _store(
                session, settings, kiosk_code, key, body_sha256, complaint, secret_hash, now
            )
        except IntegrityError:
            session.rollback()
    # Another copy of this request (or a complaint with the same number) got there first.
    with sessions() as session:
        record = _find_record(session, kiosk_code, key)
        if record is not None:
            return _replay(record, body_sha256)
        taken = select(Complaint.id).where(Complaint.tracking_number == complaint.tracking_number)
        if session.scalar(taken) is not None:
            raise _tracking_taken()
        # Keys are unique per kiosk (store migration 0006), so this is no other kiosk's key:
        # a conflict the reads above do not see. Refused, and never stored twice.
        raise _key_reused()


def _secret_hash(complaint: ComplaintIn, pepper: bytes) -> str:
    """Keyed with the pepper: a kiosk's digest at once; a secret sent by an older kiosk is
    digested here first, one argon2 run, before any transaction holds a lock."""
    if complaint.secret_digest is not None:
        return hash_secret_digest(complaint.secret_digest, pepper)
    assert complaint.secret is not None  # the model requires one of the two
    return hash_secret(complaint.tracking_number, complaint.secret, pepper)


def _store(
    session: Session,
    settings: Settings,
    kiosk_code: str,
    key: str,
    body_sha256: str,
    data: ComplaintIn,
    secret_hash: str,
    now: datetime,
) -> Filed:
    record = _find_record(session, kiosk_code, key)
    if record is not None:
        return _replay(record, body_sha256)
    taken = select(Complaint.id).where(Complaint.tracking_number == data.tracking_number)
    if session.scalar(taken) is not None:
        # A copy of this very request may have committed between the two reads (PostgreSQL
        # reads committed data statement by statement): its record is visible now if so.
        record = _find_record(session, kiosk_code, key)
        if record is not None:
            return _replay(record, body_sha256)
        raise _tracking_taken()

    level = data.level
    household = _household(session, data)
    aid_record = _aid_record(session, data, household)
    complainant = _complainant(session, data, household)
    parties = [_party(session, party) for party in data.implicated]
    # Without a household the complaint belongs where the terminal stands, as registered.
    region_code = (
        session.scalar(select(Kiosk.region_code).where(Kiosk.code == kiosk_code))
        if household is None
        else None
    )
    routing = _route(session, household, parties, region_code)
    office = session.scalars(
        select(DisciplineOffice).where(DisciplineOffice.code == routing.office.code)
    ).one()

    complaint = Complaint(
        tracking_number=data.tracking_number,
        secret_hash=secret_hash,
        idempotency_key=key,
        kiosk_code=kiosk_code,
        category=data.category,
        household_id=household.id if household else None,
        aid_record_id=aid_record.id if aid_record else None,
        claimed_received_fen=data.claimed_received_fen,
        text=data.text,
        anonymous=level is not Disclosure.NAMED,
        disclosure=level,
        complainant_member_id=complainant.id if complainant else None,
        complainant_name=complainant.name if complainant else "",
        contact_phone=data.contact_phone if level is Disclosure.NAMED else None,
        office_id=office.id,
        status=ComplaintStatus.RECEIVED,
        created_at=now,
        due_at=now + timedelta(days=settings.time_limit_days[data.category]),
    )
    complaint.implicated = [
        ImplicatedParty(
            kind=party.kind,
            cadre_id=party.cadre.id if party.cadre else None,
            office_id=party.office.id if party.office else None,
            name=party.cadre.name if party.cadre else party.name,
            region_code=party.region_code,
            level=party.level,
        )
        for party in parties
    ]
    complaint.events = [
        lifecycle.received(session, office=office, kiosk_code=kiosk_code, at=now),
        # Why it went there, for inspectors: the routing rule's own explanation.
        ComplaintEvent(
            at=now,
            status=ComplaintStatus.RECEIVED,
            actor="routing",
            note="\n".join(reasons_words(routing.reasons)),
            public=False,
        ),
    ]
    session.add(complaint)
    session.flush()
    answer = {
        "tracking_number": complaint.tracking_number,
        "status": ComplaintStatus.RECEIVED.value,
        "office": {"code": office.code, "name": office.name},
        "received_at": iso_utc(now),
    }
    response_body = json_bytes(answer)
    session.add(
        IdempotencyRecord(
            kiosk_code=kiosk_code,
            key=key,
            body_sha256=body_sha256,
            response_status=201,
            response_body=response_body,
            complaint_id=complaint.id,
            created_at=now,
        )
    )
    session.commit()
    return Filed(201, response_body, replayed=False)


def _household(session: Session, data: ComplaintIn) -> Household | None:
    if data.household_file_number is None:
        return None
    household = session.scalars(
        select(Household).where(Household.file_number == data.household_file_number)
    ).one_or_none()
    if household is None:
        raise _unknown("unknown_household", "household_file_number")
    return household


def _aid_record(
    session: Session, data: ComplaintIn, household: Household | None
) -> AidRecord | None:
    if data.aid_record_reference is None or household is None:
        return None
    record = session.scalars(
        select(AidRecord).where(AidRecord.reference == data.aid_record_reference)
    ).one_or_none()
    # Another household's record gets the same answer as a missing one: nothing to probe.
    if record is None or record.household_id != household.id:
        raise _unknown("unknown_aid_record", "aid_record_reference")
    if record.amount_fen != data.recorded_fen:
        raise _unknown("recorded_amount_mismatch", "recorded_fen")
    return record


def _complainant(session: Session, data: ComplaintIn, household: Household | None) -> Member | None:
    if data.complainant is None or household is None:
        return None
    member = session.scalars(
        select(Member).where(Member.id_hash == data.complainant.member_id_hash)
    ).one_or_none()
    # A member of another household gets the same answer as one the register lacks.
    if member is None or member.household_id != household.id:
        raise _unknown("unknown_member", "complainant")
    return member


def _party(session: Session, party: ImplicatedIn) -> NamedParty:
    if party.kind is PartyKind.CADRE:
        cadre = session.scalars(select(Cadre).where(Cadre.code == party.cadre_code)).one_or_none()
        if cadre is None:
            raise _unknown("unknown_cadre", "implicated")
        return NamedParty(
            PartyKind.CADRE, cadre=cadre, region_code=cadre.region_code, level=cadre.level
        )
    if party.kind is PartyKind.OFFICE:
        office = session.scalars(
            select(DisciplineOffice).where(DisciplineOffice.code == party.office_code)
        ).one_or_none()
        if office is None:
            raise _unknown("unknown_office", "implicated")
        return NamedParty(
            PartyKind.OFFICE,
            name=office.name,
            office=office,
            region_code=office.region_code,
            level=office.level,
        )
    if party.region_code is not None and session.get(Region, party.region_code) is None:
        raise _unknown("unknown_region", "implicated")
    return NamedParty(
        party.kind, name=party.name.strip(), region_code=party.region_code, level=party.level
    )


def _route(
    session: Session,
    household: Household | None,
    parties: list[NamedParty],
    region_code: str | None,
) -> Routing:
    try:
        return route_complaint(session, household, parties, region_code=region_code)
    except NoOfficeFound as exc:
        raise ApiError(
            422,
            "no_office",
            message=exc.code,
            values=exc.reason.as_dict(),
            field="implicated",
        ) from None
    except ValueError:
        # A region code the schema let through but the rule cannot place.
        raise ApiError(
            422, "unknown_region", message="unplaceable_region", field="implicated"
        ) from None
