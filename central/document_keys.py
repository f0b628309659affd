"""The terminals' document keys: published by each terminal, listed for anyone, revoked by staff.

A terminal signs the QR code of every record it prints with a document key of its own
(``kiosk.domain.signed_document``, "Who signs") and publishes the public half here, in a
signed request, before it sends anything else. Publishing the same key again changes
nothing; a new key is a rotation, and the old one stays published, so the records it signed
still verify. A key is never deleted: revoking it (a stolen terminal) keeps it listed with
the time, so its records are reported as revoked, never as unknown or valid.

A key id names one key for ever: an id another terminal holds, or a revoked key published
again, is refused (409), since accepting either would make a revocation undone or a record
of one terminal pass as another's.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from central.errors import ApiError
from central.models import DocumentKey
from kiosk.domain.clock import utcnow
from kiosk.domain.signed_document import PublishedKey, key_id

MAX_REASON = 200


@dataclass(frozen=True)
class Published:
    """The record of one published key, and whether this request made it."""

    key: DocumentKey
    created: bool


def _taken() -> ApiError:
    return ApiError(409, "document_key_taken")


def _check(existing: DocumentKey, kiosk_code: str, public_hex: str) -> None:
    if existing.kiosk_code != kiosk_code or existing.public_key != public_hex:
        raise _taken()
    if existing.revoked_at is not None:
        raise ApiError(409, "document_key_revoked")


def publish(session: Session, *, kiosk_code: str, public_hex: str) -> Published:
    """Record ``public_hex`` (64 lower-case hex digits) as a document key of ``kiosk_code``;
    raise ApiError (409) for an id held by another key or terminal, or a revoked key."""
    ident = key_id(bytes.fromhex(public_hex))
    existing = session.get(DocumentKey, ident)
    if existing is not None:
        _check(existing, kiosk_code, public_hex)
        return Published(existing, created=False)
    record = DocumentKey(key_id=ident, kiosk_code=kiosk_code, public_key=public_hex)
    session.add(record)
    try:
        session.commit()
    except IntegrityError:
        # The same key published twice at once: the other request's row is the record.
        session.rollback()
        existing = session.get_one(DocumentKey, ident)
        _check(existing, kiosk_code, public_hex)
        return Published(existing, created=False)
    return Published(record, created=True)


def all_keys(session: Session) -> list[DocumentKey]:
    """Every key ever published, oldest first."""
    return list(
        session.scalars(select(DocumentKey).order_by(DocumentKey.published_at, DocumentKey.key_id))
    )


def as_published(keys: list[DocumentKey]) -> Mapping[str, PublishedKey]:
    """The keys as the verifier takes them: key id -> key."""
    return {
        key.key_id: PublishedKey(
            public_key=bytes.fromhex(key.public_key),
            issuer=key.kiosk_code,
            revoked_at=key.revoked_at,
        )
        for key in keys
    }


def revoke(
    session: Session, ident: str, *, reason: str = "", now: datetime | None = None
) -> DocumentKey | None:
    """Revoke one key (kept, with when and why); None when no key has this id. A key revoked
    already keeps its first time and reason."""
    key = session.get(DocumentKey, ident)
    if key is None:
        return None
    if key.revoked_at is None:
        key.revoked_at = now or utcnow()
        key.revoked_reason = reason[:MAX_REASON]
    return key


def revoke_terminal_keys(
    session: Session, kiosk_code: str, *, reason: str = "", now: datetime | None = None
) -> int:
    """Revoke every document key of one terminal not revoked yet; how many were."""
    keys = session.scalars(
        select(DocumentKey).where(
            DocumentKey.kiosk_code == kiosk_code, DocumentKey.revoked_at.is_(None)
        )
    ).all()
    for key in keys:
        key.revoked_at = now or utcnow()
        key.revoked_reason = reason[:MAX_REASON]
    return len(keys)
