"""Filing a complaint at the kiosk: check it, commit it durably, and queue it for sending.

The complaint screens call :func:`validate_draft` as the resident goes, show
:func:`preview_destination`, and call :func:`file_complaint` last. The resident is told
"filed" only after :func:`file_complaint` returns: by then the complaint, its first event and
its outbox row are on disk in one transaction, and the outbox sender delivers it whenever the
central server can be reached.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from kiosk.domain import tracking
from kiosk.domain.clock import utcnow
from kiosk.domain.models import (
    AidRecord,
    AidVerification,
    Complaint,
    ComplaintCategory,
    ComplaintEvent,
    ComplaintStatus,
    DisciplineOffice,
    Household,
    ImplicatedParty,
    Member,
    OutboxMessage,
    OutboxState,
    PartyKind,
    RegionLevel,
    VerificationKind,
)
from kiosk.domain.secret_digest import secret_digest
from kiosk.services.complaints import payload
from kiosk.services.complaints.destination import Destination, NoDestination, destination_for
from kiosk.services.complaints.draft import (
    ComplaintDraft,
    ComplaintRefused,
    NamedUnit,
    check_cadres,
    validate_draft,
)
from kiosk.services.complaints.secret_hash import hash_secret

log = logging.getLogger(__name__)

__all__ = [
    "ComplaintDraft",
    "ComplaintRefused",
    "Destination",
    "FiledComplaint",
    "NamedUnit",
    "file_complaint",
    "preview_destination",
    "validate_draft",
]


@dataclass(frozen=True)
class FiledComplaint:
    """What goes on the complainant's receipt: the only place the secret is ever shown."""

    tracking_number: str
    secret: str
    office_name: str
    #: Aware, UTC.
    filed_at: datetime


def preview_destination(
    session: Session, draft: ComplaintDraft, *, terminal_region_code: str | None = None
) -> Destination:
    """Where the complaint will go, worked out offline from the kiosk's cached data.

    The central server decides for good; it runs the same routing rule on fuller data.
    ``terminal_region_code`` (this terminal's region, as registered at the server) places a
    village report. Raises :class:`ComplaintRefused` when no known office may receive it
    (the server would refuse it for the same reason).
    """
    try:
        return destination_for(session, draft, terminal_region_code=terminal_region_code)
    except NoDestination as exc:
        raise ComplaintRefused("implicated_cadre_codes", exc.reason) from None


def _require_durable(session: Session) -> None:
    """Refuse to promise "filed" on a connection that could lose the commit."""
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        return
    level = connection.exec_driver_sql("PRAGMA synchronous").scalar()
    if level is None or int(level) < 2:  # 2 = FULL, 3 = EXTRA
        raise RuntimeError("the store is not opened with synchronous=FULL; use open_store")


def _link_dispute(session: Session, draft: ComplaintDraft, complaint: Complaint) -> None:
    """Point the resident's latest dispute of this payment at the complaint it became."""
    if draft.aid_record_id is None:
        return
    query = (
        select(AidVerification)
        .where(
            AidVerification.aid_record_id == draft.aid_record_id,
            AidVerification.kind.in_(
                [VerificationKind.RECEIVED_LESS, VerificationKind.RECEIVED_NOTHING]
            ),
            AidVerification.complaint_id.is_(None),
        )
        .order_by(AidVerification.created_at.desc(), AidVerification.id.desc())
        .limit(1)
    )
    if draft.claimed_received_fen is not None:
        query = query.where(AidVerification.received_fen == draft.claimed_received_fen)
    verification = session.scalars(query).first()
    if verification is not None:
        verification.complaint_id = complaint.id


@dataclass(frozen=True)
class _Prepared:
    """Everything the write transaction needs, read and checked beforehand."""

    draft: ComplaintDraft
    kiosk_code: str
    filed_at: datetime
    tracking_number: str
    secret_hash: str
    key: str
    body: bytes
    office_id: int | None
    cadres: tuple[tuple[int, str, str, RegionLevel], ...]
    complainant_name: str


def _prepare(
    sessions: sessionmaker[Session],
    draft: ComplaintDraft,
    *,
    kiosk_code: str,
    filed_at: datetime,
    secret: str,
    tracking_number: str,
    terminal_region_code: str | None,
) -> tuple[_Prepared, Destination]:
    """Check the draft, route it and build the exact body, reading only."""
    # The slow hashes run outside any transaction, so the store is locked only to write.
    digest = secret_digest(tracking_number, secret)
    local_hash = hash_secret(secret)
    with sessions() as session:
        validate_draft(session, draft)
        destination = preview_destination(session, draft, terminal_region_code=terminal_region_code)
        record = session.get(AidRecord, draft.aid_record_id) if draft.aid_record_id else None
        household = session.get(Household, draft.household_id) if draft.household_id else None
        member = (
            session.get(Member, draft.complainant_member_id)
            if draft.complainant_member_id is not None and not draft.anonymous
            else None
        )
        cadres = check_cadres(session, draft.implicated_cadre_codes)
        office_id = session.scalar(
            select(DisciplineOffice.id).where(DisciplineOffice.code == destination.office_code)
        )
        body = payload.encode(
            payload.ComplaintPayload(
                tracking_number=tracking_number,
                secret_digest=digest,
                category=ComplaintCategory(draft.category).value,
                household_file_number=household.file_number if household else None,
                aid_record_reference=record.reference if record else None,
                recorded_fen=record.amount_fen if record else None,
                claimed_received_fen=draft.claimed_received_fen if record else None,
                text=draft.text,
                disclosure=draft.disclosure.value,
                complainant_member_id_hash=member.id_hash if member else None,
                contact_phone=None if draft.anonymous else draft.contact_phone,
                implicated_cadre_codes=tuple(cadre.code for cadre in cadres),
                implicated_units=tuple(
                    (unit.name.strip(), unit.region_code, unit.level.value if unit.level else None)
                    for unit in draft.implicated_units
                ),
                filed_at=filed_at,
            )
        )
        parties = tuple((c.id, c.name, c.region_code, c.level) for c in cadres)
        complainant_name = member.name if member else ""
    prepared = _Prepared(
        draft=draft,
        kiosk_code=kiosk_code,
        filed_at=filed_at,
        tracking_number=tracking_number,
        secret_hash=local_hash,
        key=secrets.token_urlsafe(32),
        body=body,
        office_id=office_id,
        cadres=parties,
        complainant_name=complainant_name,
    )
    return prepared, destination


def _commit(sessions: sessionmaker[Session], prepared: _Prepared) -> None:
    """The one write transaction: complaint, parties, first event, dispute link, outbox row.

    It returns once SQLite has synced the commit (WAL, synchronous=FULL)."""
    draft, filed_at = prepared.draft, prepared.filed_at
    with sessions.begin() as session:
        _require_durable(session)
        complaint = Complaint(
            tracking_number=prepared.tracking_number,
            secret_hash=prepared.secret_hash,
            idempotency_key=prepared.key,
            kiosk_code=prepared.kiosk_code,
            category=ComplaintCategory(draft.category),
            household_id=draft.household_id,
            aid_record_id=draft.aid_record_id,
            claimed_received_fen=draft.claimed_received_fen,
            text=draft.text,
            anonymous=draft.anonymous,
            disclosure=draft.disclosure,
            complainant_member_id=None if draft.anonymous else draft.complainant_member_id,
            complainant_name=prepared.complainant_name,
            contact_phone=None if draft.anonymous else draft.contact_phone,
            office_id=prepared.office_id,
            status=ComplaintStatus.RECEIVED,
            created_at=filed_at,
        )
        complaint.implicated = [
            ImplicatedParty(
                kind=PartyKind.CADRE, cadre_id=cadre_id, name=name, region_code=region, level=level
            )
            for cadre_id, name, region, level in prepared.cadres
        ] + [
            ImplicatedParty(
                kind=PartyKind.DEPARTMENT,
                name=unit.name.strip(),
                region_code=unit.region_code,
                level=unit.level,
            )
            for unit in draft.implicated_units
        ]
        complaint.events = [
            ComplaintEvent(
                at=filed_at,
                status=ComplaintStatus.RECEIVED,
                actor=f"kiosk:{prepared.kiosk_code}",
                note="在本机登记，等待发送 / filed at this kiosk, waiting to be sent",
                public=True,
            )
        ]
        session.add(complaint)
        session.flush()
        _link_dispute(session, draft, complaint)
        session.add(
            OutboxMessage(
                complaint_id=complaint.id,
                idempotency_key=prepared.key,
                body=prepared.body,
                state=OutboxState.PENDING,
                attempts=0,
                next_attempt_at=filed_at,
                created_at=filed_at,
            )
        )


def file_complaint(
    sessions: sessionmaker[Session],
    draft: ComplaintDraft,
    *,
    kiosk_code: str,
    terminal_region_code: str | None = None,
    now: datetime | None = None,
    wake: Callable[[], None] | None = None,
) -> FiledComplaint:
    """Check the draft, then commit the complaint, its parties, first event and outbox row
    in one transaction.

    Returns after the commit is on disk; ``wake`` (the outbox sender's) is called then, so
    sending starts at once. ``terminal_region_code`` places a village report for the preview
    (the server uses its own record of the terminal). Raises :class:`ComplaintRefused` with
    nothing written. The store is a read-only cache of the register between syncs, so the
    checks made just before the transaction still hold in it; foreign keys guard the rest.
    """
    filed_at = (now or utcnow()).replace(microsecond=0)
    secret = tracking.new_secret()
    tracking_number = tracking.new_tracking_number()
    prepared, destination = _prepare(
        sessions,
        draft,
        kiosk_code=kiosk_code,
        filed_at=filed_at,
        secret=secret,
        tracking_number=tracking_number,
        terminal_region_code=terminal_region_code,
    )
    _commit(sessions, prepared)
    log.info("complaint ending %s filed, queued for the central server", tracking_number[-4:])
    if wake is not None:
        wake()
    return FiledComplaint(
        tracking_number=tracking_number,
        secret=secret,
        office_name=destination.office_name,
        filed_at=filed_at,
    )
