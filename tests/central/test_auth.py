"""Kiosk request authentication: each way a signature can fail has its own 401 code."""

from __future__ import annotations

import time

import requests
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import select

from central.db import Database
from kiosk.domain.clock import utcnow
from kiosk.domain.models import Complaint, Kiosk
from tests.central.conftest import KioskKeys, SignedClient

STATUS = "/api/v1/complaints/status"
BODY = {"tracking_number": "384122905738", "secret": "615204"}


def _error(response: requests.Response) -> str:
    assert response.status_code == 401, response.text
    return str(response.json()["error"])


def test_health_needs_no_signature(live_server: str) -> None:
    """GET /api/v1/health answers anyone, with the version."""
    response = requests.get(f"{live_server}/api/v1/health", timeout=10)
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "version": "0.1.0"}


def test_unsigned_request_is_refused(live_server: str, kiosk_keys: KioskKeys) -> None:
    """No signature headers: missing_signature."""
    response = requests.post(f"{live_server}{STATUS}", json=BODY, timeout=10)
    assert _error(response) == "missing_signature"


def test_unknown_kiosk_is_refused(api: SignedClient) -> None:
    """A code nobody registered: unknown_kiosk."""
    assert _error(api.post(STATUS, BODY, code="NOBODY-0001")) == "unknown_kiosk"


def test_revoked_kiosk_is_refused(api: SignedClient, central_db: Database) -> None:
    """A revoked terminal's correctly signed request: kiosk_revoked."""
    with central_db.session() as session:
        kiosk = session.scalars(select(Kiosk)).one()
        kiosk.revoked_at = utcnow()
        session.commit()
    assert _error(api.post(STATUS, BODY)) == "kiosk_revoked"


def test_signature_by_another_key_is_refused(api: SignedClient) -> None:
    """Signed with a key that is not the registered one: bad_signature."""
    assert _error(api.post(STATUS, BODY, key=Ed25519PrivateKey.generate())) == "bad_signature"


def test_stale_timestamp_is_refused(api: SignedClient) -> None:
    """A request signed 301 s ago: stale_request."""
    assert _error(api.post(STATUS, BODY, timestamp=int(time.time()) - 301)) == "stale_request"


def test_replayed_nonce_is_refused(api: SignedClient) -> None:
    """The same nonce twice: the second is replayed_request."""
    nonce = "0123456789abcdef0123456789abcdef"
    assert api.post(STATUS, BODY, nonce=nonce).status_code == 404
    assert _error(api.post(STATUS, BODY, nonce=nonce)) == "replayed_request"


def test_tampered_body_is_refused(api: SignedClient, central_db: Database) -> None:
    """A body changed after signing fails the signature and stores nothing."""
    raw = b'{"tracking_number":"384122905738","secret":"615204"}'
    headers = api.headers("POST", "/api/v1/complaints", raw)
    headers["Idempotency-Key"] = "k" * 20
    response = requests.post(
        f"{api.base_url}/api/v1/complaints",
        data=raw.replace(b"615204", b"615205"),
        headers=headers,
        timeout=10,
    )
    assert _error(response) == "bad_signature"
    with central_db.session() as session:
        assert session.scalars(select(Complaint)).first() is None


def test_accepted_request_updates_last_seen(api: SignedClient, central_db: Database) -> None:
    """A verified request marks the terminal as seen."""
    before = utcnow()
    api.post(STATUS, BODY)
    with central_db.session() as session:
        kiosk = session.scalars(select(Kiosk)).one()
        assert kiosk.last_seen_at is not None
        assert kiosk.last_seen_at >= before.replace(microsecond=0)
