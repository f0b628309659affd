"""Authentication of kiosk requests: Ed25519 signatures over the canonical request.

Checks run cheapest and least revealing first: headers, kiosk, clock, signature, and only
then the nonce, so that nobody without the kiosk's key can use up its nonces. Each refusal
has its own ``error`` code (docs/central-api.md) so staff can tell a wrong clock from a
revoked terminal.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from fastapi import Request
from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from central.errors import ApiError
from central.models import SeenNonce
from kiosk.domain.models import Kiosk
from kiosk.domain.request_signing import (
    HEADER_CODE,
    HEADER_NONCE,
    HEADER_SIGNATURE,
    HEADER_TIMESTAMP,
    MAX_CLOCK_SKEW_S,
    nonce_well_formed,
    signature_valid,
)


@dataclass(frozen=True)
class SignedRequest:
    """A request whose signature verified: the kiosk that sent it and the exact body."""

    kiosk_code: str
    region_code: str
    body: bytes


def _refused(code: str, zh: str, en: str) -> ApiError:
    return ApiError(401, code, zh, en)


def _missing() -> ApiError:
    return _refused(
        "missing_signature",
        "请求缺少终端签名。",
        "The request carries no valid terminal signature headers.",
    )


def authenticate(
    session: Session,
    *,
    method: str,
    path: str,
    headers: dict[str, str],
    body: bytes,
    now: float,
) -> SignedRequest:
    """Check one request's signature headers and record its nonce; raise ApiError (401)."""
    code = headers.get(HEADER_CODE.lower(), "")
    timestamp_text = headers.get(HEADER_TIMESTAMP.lower(), "")
    nonce = headers.get(HEADER_NONCE.lower(), "")
    signature = headers.get(HEADER_SIGNATURE.lower(), "")
    if not (code and signature and timestamp_text.isascii() and timestamp_text.isdigit()):
        raise _missing()
    if not nonce_well_formed(nonce) or len(code) > 32:
        raise _missing()

    kiosk = session.scalars(select(Kiosk).where(Kiosk.code == code)).one_or_none()
    if kiosk is None or not kiosk.public_key:
        raise _refused("unknown_kiosk", "此终端未登记。", "This terminal is not registered.")
    if kiosk.revoked_at is not None:
        raise _refused(
            "kiosk_revoked", "此终端的登记已被撤销。", "This terminal's registration was revoked."
        )
    timestamp = int(timestamp_text)
    if abs(now - timestamp) > MAX_CLOCK_SKEW_S:
        raise _refused(
            "stale_request",
            "终端时钟与服务器相差超过5分钟，请校准时间。",
            "The terminal's clock is more than 5 minutes off the server's; set its time.",
        )
    if not signature_valid(kiosk.public_key, signature, method, path, timestamp, nonce, body):
        raise _refused(
            "bad_signature", "终端签名无法验证。", "The terminal's signature does not verify."
        )

    seen_at = datetime.fromtimestamp(now, UTC)
    # Nonces older than twice the window can never be accepted again (their timestamp is
    # stale by then), so they are dropped as we go.
    session.execute(
        delete(SeenNonce).where(
            SeenNonce.seen_at < seen_at - timedelta(seconds=2 * MAX_CLOCK_SKEW_S)
        )
    )
    session.add(SeenNonce(kiosk_code=code, nonce=nonce, seen_at=seen_at))
    kiosk.last_seen_at = seen_at
    try:
        session.commit()
    except IntegrityError:
        session.rollback()
        raise _refused(
            "replayed_request",
            "这个请求已经收到过。",
            "This request was already received.",
        ) from None
    return SignedRequest(kiosk_code=code, region_code=kiosk.region_code, body=body)


async def signed_request(request: Request) -> SignedRequest:
    """FastAPI dependency: the verified kiosk and body of the current request."""
    body = await request.body()
    database = request.app.state.database
    headers = {name.lower(): value for name, value in request.headers.items()}
    method, path = request.method, request.url.path

    def check() -> SignedRequest:
        with database.write_session() as session:
            return authenticate(
                session, method=method, path=path, headers=headers, body=body, now=time.time()
            )

    return await run_in_threadpool(check)
