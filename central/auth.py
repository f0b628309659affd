"""Authentication of kiosk requests: Ed25519 signatures over the canonical request.

Checks run cheapest and least revealing first: headers, kiosk, clock, signature, and only
then the nonce, so that nobody without the kiosk's key can use up its nonces. Each refusal
has its own ``error`` code (docs/central-api.md) so staff can tell a wrong clock from a
revoked terminal.

Every signature header is matched whole against its own short ASCII pattern before anything
reads it as a number, a key or a database value, and one sent twice counts as not sent: a
5,000-digit timestamp, a code in another script or a second nonce is a 401, never a 500.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from fastapi import Request, Security
from fastapi.security import APIKeyHeader
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
    NONCE_PATTERN,
    signature_valid,
)

#: The whole of each header, as the kiosk sends it (kiosk.domain.request_signing): a code as
#: ``kiosk-central register-kiosk`` accepts it, Unix seconds, 16 random bytes and an Ed25519
#: signature in lower-case hex. Ten digits last until 2286; twelve leave room and stay cheap.
HEADER_PATTERNS: dict[str, re.Pattern[str]] = {
    HEADER_CODE: re.compile(r"[A-Za-z0-9_-]{1,32}"),
    HEADER_TIMESTAMP: re.compile(r"[0-9]{1,12}"),
    HEADER_NONCE: NONCE_PATTERN,
    HEADER_SIGNATURE: re.compile(r"[0-9a-f]{128}"),
}

_MEANINGS = {
    HEADER_CODE: "The terminal's registered code",
    HEADER_TIMESTAMP: "Unix time in seconds, within 5 minutes of the server's clock",
    HEADER_NONCE: "16 random bytes in hex, never sent twice",
    HEADER_SIGNATURE: "Ed25519 signature of the canonical request, in hex",
}

#: The four headers as OpenAPI security schemes, all required together on a signed route
#: (see :func:`merge_signature_requirements`). ``auto_error=False``: a missing header is
#: answered by :func:`authenticate`, in the contract's shape and as a malformed one is.
_SCHEMES = {
    name: APIKeyHeader(
        name=name,
        scheme_name=name.removeprefix("X-").replace("-", ""),
        description=f"{_MEANINGS[name]}; the whole value matches `{pattern.pattern}` "
        "(docs/central-api.md).",
        auto_error=False,
    )
    for name, pattern in HEADER_PATTERNS.items()
}


@dataclass(frozen=True)
class SignedRequest:
    """A request whose signature verified: the kiosk that sent it and the exact body."""

    kiosk_code: str
    region_code: str
    body: bytes


def _refused(code: str, **values: object) -> ApiError:
    return ApiError(401, code, values=values)


def _missing() -> ApiError:
    return _refused("missing_signature")


def merge_signature_requirements(document: dict[str, Any]) -> dict[str, Any]:
    """``document`` (an OpenAPI document) with each operation's four signature schemes in one
    security requirement: FastAPI lists one requirement per scheme, which OpenAPI reads as
    "any one of them", where the server needs all four."""
    names = {scheme.scheme_name for scheme in _SCHEMES.values()}
    for operation in (op for path in document.get("paths", {}).values() for op in path.values()):
        if not isinstance(operation, dict) or "security" not in operation:
            continue
        merged: dict[str, list[str]] = {}
        others: list[dict[str, list[str]]] = []
        for requirement in operation["security"]:
            if set(requirement) <= names:
                merged.update(requirement)
            else:
                others.append(requirement)
        operation["security"] = [merged, *others] if merged else others
    return document


def signature_headers(raw: Iterable[tuple[str, str]]) -> dict[str, str]:
    """The signature headers sent exactly once each, keyed in lower case; a header sent twice
    is left out, so it reads as missing rather than as whichever copy came last."""
    wanted = {name.lower() for name in HEADER_PATTERNS}
    seen: dict[str, list[str]] = {}
    for name, value in raw:
        key = name.lower()
        if key in wanted:
            seen.setdefault(key, []).append(value)
    return {key: values[0] for key, values in seen.items() if len(values) == 1}


def _well_formed(headers: Mapping[str, str]) -> dict[str, str]:
    """Each header's value if every one matches its pattern whole; else ApiError (401)."""
    values: dict[str, str] = {}
    for name, pattern in HEADER_PATTERNS.items():
        value = headers.get(name.lower(), "")
        # Bounded before the regex runs, so a huge header costs nothing to refuse.
        if len(value) > 128 or not pattern.fullmatch(value):
            raise _missing()
        values[name] = value
    return values


def authenticate(
    session: Session,
    *,
    method: str,
    path: str,
    headers: Mapping[str, str],
    body: bytes,
    now: float,
) -> SignedRequest:
    """Check one request's signature headers and record its nonce; raise ApiError (401).

    ``headers`` are keyed in lower case (see :func:`signature_headers`)."""
    values = _well_formed(headers)
    code = values[HEADER_CODE]
    nonce = values[HEADER_NONCE]
    signature = values[HEADER_SIGNATURE]
    timestamp = int(values[HEADER_TIMESTAMP])

    kiosk = session.scalars(select(Kiosk).where(Kiosk.code == code)).one_or_none()
    if kiosk is None or not kiosk.public_key:
        raise _refused("unknown_kiosk")
    if kiosk.revoked_at is not None:
        raise _refused("kiosk_revoked")
    if abs(now - timestamp) > MAX_CLOCK_SKEW_S:
        raise _refused("stale_request", minutes=MAX_CLOCK_SKEW_S // 60)
    if not signature_valid(kiosk.public_key, signature, method, path, timestamp, nonce, body):
        raise _refused("bad_signature")

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
        raise _refused("replayed_request") from None
    return SignedRequest(kiosk_code=code, region_code=kiosk.region_code, body=body)


async def signed_request(
    request: Request,
    # Declared for the OpenAPI document only; the values are read from the raw headers, where
    # a header sent twice can be told from one sent once.
    _code: str | None = Security(_SCHEMES[HEADER_CODE]),
    _timestamp: str | None = Security(_SCHEMES[HEADER_TIMESTAMP]),
    _nonce: str | None = Security(_SCHEMES[HEADER_NONCE]),
    _signature: str | None = Security(_SCHEMES[HEADER_SIGNATURE]),
) -> SignedRequest:
    """FastAPI dependency: the verified kiosk and body of the current request."""
    body = await request.body()
    database = request.app.state.database
    headers = signature_headers(request.headers.items())
    method, path = request.method, request.url.path

    def check() -> SignedRequest:
        with database.write_session() as session:
            return authenticate(
                session, method=method, path=path, headers=headers, body=body, now=time.time()
            )

    return await run_in_threadpool(check)
