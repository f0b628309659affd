"""The JSON body of ``POST /api/v1/complaints`` (docs/central-api.md), as exact bytes.

The bytes are made once, when the complaint is committed, and stored in the outbox: every
attempt signs and posts the same bytes, so the server can tell a resend from a new request.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any


@dataclass(frozen=True)
class ComplaintPayload:
    """Everything the contract's complaint body holds, already checked by filing."""

    tracking_number: str
    #: kiosk.domain.secret_digest of the secret, never the secret itself.
    secret_digest: str
    category: str
    household_file_number: str | None
    aid_record_reference: str | None
    recorded_fen: int | None
    claimed_received_fen: int | None
    text: str
    #: ``named``, ``anonymous`` or ``village_report``; ``anonymous`` is sent beside it.
    disclosure: str
    #: Named only: the keyed hash of the complainant's ID number, the register's own key
    #: for a member, which the server resolves within the household.
    complainant_member_id_hash: str | None
    contact_phone: str | None
    implicated_cadre_codes: tuple[str, ...]
    #: Named departments and committees: (name, region code, level).
    implicated_units: tuple[tuple[str, str | None, str | None], ...]
    filed_at: datetime


def iso_utc(moment: datetime) -> str:
    """``2026-11-29T08:15:00Z``: whole seconds in UTC, as the contract writes times."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def encode(payload: ComplaintPayload) -> bytes:
    """Compact UTF-8 JSON with sorted keys: the same payload always gives the same bytes."""
    document: dict[str, Any] = {
        "tracking_number": payload.tracking_number,
        "secret_digest": payload.secret_digest,
        "category": payload.category,
        "household_file_number": payload.household_file_number,
        "aid_record_reference": payload.aid_record_reference,
        "recorded_fen": payload.recorded_fen,
        "claimed_received_fen": payload.claimed_received_fen,
        "text": payload.text,
        "disclosure": payload.disclosure,
        "anonymous": payload.disclosure != "named",
        "complainant": (
            {"member_id_hash": payload.complainant_member_id_hash}
            if payload.complainant_member_id_hash is not None
            else None
        ),
        "contact_phone": payload.contact_phone,
        "implicated": [
            *({"kind": "cadre", "cadre_code": code} for code in payload.implicated_cadre_codes),
            *(_unit(name, region, level) for name, region, level in payload.implicated_units),
        ],
        "filed_at": iso_utc(payload.filed_at),
    }
    return _dump(document)


def _unit(name: str, region_code: str | None, level: str | None) -> dict[str, Any]:
    unit: dict[str, Any] = {"kind": "department", "name": name}
    if region_code is not None:
        unit["region_code"] = region_code
    if level is not None:
        unit["level"] = level
    return unit


def scrubbed(body: bytes) -> bytes:
    """``body`` without the secret's digest, the contact phone and who filed it, to keep once
    it was acknowledged. A body from before digests held the secret itself: it goes too."""
    document = json.loads(body)
    if "secret" in document:
        document["secret"] = None
    if "secret_digest" in document:
        document["secret_digest"] = None
    document["contact_phone"] = None
    if document.get("complainant") is not None:
        document["complainant"] = None
    return _dump(document)


def tracking_number_of(body: bytes) -> str:
    value = json.loads(body)["tracking_number"]
    return str(value)


def _dump(document: dict[str, Any]) -> bytes:
    return json.dumps(document, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode(
        "utf-8"
    )
