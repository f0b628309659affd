"""Headers out of bounds: every one is a clear 4xx in the contract's shape, never a 500.

Two ways in: the real server on a loopback port (uvicorn's own HTTP parser first), and the
application called directly over ASGI, for bytes no HTTP parser lets through (a NUL, a
5,000-digit Content-Length), as another server or a proxy might hand them on.
"""

from __future__ import annotations

import asyncio
import http.client
import json
import secrets
import time
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from central.app import create_app
from central.config import Settings
from central.db import Database
from central.errors import json_bytes
from central.models import SeenNonce
from kiosk.domain.models import Complaint
from kiosk.domain.request_signing import sign_request
from tests.central.conftest import KioskKeys, complaint_body, new_key
from tests.central.seed_data import World

STATUS = "/api/v1/complaints/status"
COMPLAINTS = "/api/v1/complaints"
BODY = json_bytes({"tracking_number": "384122905738", "secret": "615204"})
SIGNATURE_HEADERS = ("X-Kiosk-Code", "X-Kiosk-Timestamp", "X-Kiosk-Nonce", "X-Kiosk-Signature")

Headers = list[tuple[str, bytes]]


def signed(keys: KioskKeys, path: str, body: bytes) -> Headers:
    """The headers of a correctly signed request, in order."""
    timestamp = int(time.time())
    nonce = secrets.token_hex(16)
    signature = sign_request(keys.key, "POST", path, timestamp, nonce, body)
    return [
        ("X-Kiosk-Code", keys.code.encode()),
        ("X-Kiosk-Timestamp", str(timestamp).encode()),
        ("X-Kiosk-Nonce", nonce.encode()),
        ("X-Kiosk-Signature", signature.encode()),
        ("Content-Type", b"application/json"),
    ]


def replaced(headers: Headers, name: str, *values: bytes) -> Headers:
    """``headers`` with ``name`` sent as ``values`` (none: left out; two: sent twice)."""
    kept = [(key, value) for key, value in headers if key != name]
    return kept + [(name, value) for value in values]


def _value_of(headers: Headers, name: str) -> bytes:
    return next(value for key, value in headers if key == name)


# (case, header, values): each is applied to an otherwise correctly signed request.
SIGNATURE_CASES: list[tuple[str, str, tuple[bytes, ...]]] = [
    ("timestamp of 5,000 digits", "X-Kiosk-Timestamp", (b"1" * 5000,)),
    ("timestamp in full-width digits", "X-Kiosk-Timestamp", ("１７６５".encode(),)),
    ("timestamp with a superscript", "X-Kiosk-Timestamp", ("17²".encode(),)),
    ("negative timestamp", "X-Kiosk-Timestamp", (b"-1",)),
    ("timestamp with spaces inside", "X-Kiosk-Timestamp", (b"17 65",)),
    ("empty timestamp", "X-Kiosk-Timestamp", (b"",)),
    ("nonce of 8,000 characters", "X-Kiosk-Nonce", (b"a" * 8000,)),
    ("nonce in upper case", "X-Kiosk-Nonce", (b"A" * 32,)),
    ("non-ASCII nonce", "X-Kiosk-Nonce", ("随机".encode() * 8,)),
    ("code of 8,000 characters", "X-Kiosk-Code", (b"K" * 8000,)),
    ("non-ASCII code", "X-Kiosk-Code", ("终端一号".encode(),)),
    ("code with a quote", "X-Kiosk-Code", (b"TEST-0001'--",)),
    ("signature of 8,000 characters", "X-Kiosk-Signature", (b"0" * 8000,)),
    ("signature not hex", "X-Kiosk-Signature", (b"z" * 128,)),
    *[(f"no {name}", name, ()) for name in SIGNATURE_HEADERS],
]


@pytest.fixture
def server(live_server: str) -> Iterator[http.client.HTTPConnection]:
    parts = urlsplit(live_server)
    connection = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=30)
    yield connection
    connection.close()


def send(
    connection: http.client.HTTPConnection, path: str, headers: Headers, body: bytes
) -> tuple[int, dict[str, Any]]:
    """One POST with exactly these header lines, bytes as given; the status and JSON body."""
    connection.putrequest("POST", path, skip_accept_encoding=True)
    for name, value in headers:
        connection.putheader(name, value)
    connection.putheader("Content-Length", str(len(body)))
    connection.endheaders(body)
    response = connection.getresponse()
    return response.status, json.loads(response.read())


def _nonces(database: Database) -> int:
    with database.session() as session:
        return int(session.scalar(select(func.count()).select_from(SeenNonce)) or 0)


@pytest.mark.parametrize(
    ("case", "name", "values"), SIGNATURE_CASES, ids=[case for case, _, _ in SIGNATURE_CASES]
)
def test_malformed_signature_header_is_401(
    server: http.client.HTTPConnection,
    kiosk_keys: KioskKeys,
    central_db: Database,
    case: str,
    name: str,
    values: tuple[bytes, ...],
) -> None:
    """One signature header out of its pattern: 401 missing_signature, no nonce recorded."""
    headers = replaced(signed(kiosk_keys, STATUS, BODY), name, *values)
    status, answer = send(server, STATUS, headers, BODY)
    assert (status, answer["error"]) == (401, "missing_signature"), case
    assert answer["message_zh"] and answer["message_en"]
    assert _nonces(central_db) == 0


@pytest.mark.parametrize("name", SIGNATURE_HEADERS)
def test_signature_header_sent_twice_is_401(
    server: http.client.HTTPConnection, kiosk_keys: KioskKeys, central_db: Database, name: str
) -> None:
    """A signature header sent twice, even with the same value twice: 401, nothing recorded."""
    headers = signed(kiosk_keys, STATUS, BODY)
    headers = replaced(headers, name, _value_of(headers, name), _value_of(headers, name))
    status, answer = send(server, STATUS, headers, BODY)
    assert (status, answer["error"]) == (401, "missing_signature")
    assert _nonces(central_db) == 0


def test_correctly_signed_request_passes_the_header_checks(
    server: http.client.HTTPConnection, kiosk_keys: KioskKeys, central_db: Database
) -> None:
    """The same request untouched gets past the signature (404: no such complaint)."""
    status, answer = send(server, STATUS, signed(kiosk_keys, STATUS, BODY), BODY)
    assert (status, answer["error"]) == (404, "not_found")
    assert _nonces(central_db) == 1


IDEMPOTENCY_CASES: list[tuple[str, tuple[bytes, ...]]] = [
    ("sent twice", (b"k" * 24, b"k" * 24)),
    ("two different keys", (b"k" * 24, b"j" * 24)),
    ("8,000 characters", (b"k" * 8000,)),
    ("non-ASCII", ("幂等键".encode() * 8,)),
    ("missing", ()),
]


@pytest.mark.parametrize(
    ("case", "values"), IDEMPOTENCY_CASES, ids=[case for case, _ in IDEMPOTENCY_CASES]
)
def test_bad_idempotency_key_is_422(
    server: http.client.HTTPConnection,
    kiosk_keys: KioskKeys,
    world: World,
    central_db: Database,
    case: str,
    values: tuple[bytes, ...],
) -> None:
    """A correctly signed complaint whose Idempotency-Key is bad: 422 naming it, nothing filed."""
    body = json_bytes(complaint_body(world))
    headers = signed(kiosk_keys, COMPLAINTS, body) + [("Idempotency-Key", v) for v in values]
    status, answer = send(server, COMPLAINTS, headers, body)
    assert (status, answer["error"], answer["field"]) == (
        422,
        "invalid_idempotency_key",
        "Idempotency-Key",
    ), case
    with central_db.session() as session:
        assert session.scalar(select(func.count()).select_from(Complaint)) == 0


def test_one_good_idempotency_key_files(
    server: http.client.HTTPConnection, kiosk_keys: KioskKeys, world: World
) -> None:
    """The same complaint with one well-formed key is filed (201)."""
    body = json_bytes(complaint_body(world))
    headers = [*signed(kiosk_keys, COMPLAINTS, body), ("Idempotency-Key", new_key().encode())]
    status, answer = send(server, COMPLAINTS, headers, body)
    assert status == 201, answer


# In-process: the application itself, with headers no HTTP parser would pass on.


def call(app: Any, path: str, headers: list[tuple[bytes, bytes]], body: bytes) -> tuple[int, Any]:
    """One ASGI request to ``app``; its status and JSON body."""
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": [(name.lower(), value) for name, value in headers],
        "client": ("127.0.0.1", 50000),
        "server": ("127.0.0.1", 8470),
    }
    sent: list[dict[str, Any]] = []
    delivered = False

    async def receive() -> dict[str, Any]:
        nonlocal delivered
        if delivered:
            await asyncio.sleep(3600)  # never disconnects while the answer is written
        delivered = True
        return {"type": "http.request", "body": body, "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    asyncio.run(app(scope, receive, send))
    start = next(m for m in sent if m["type"] == "http.response.start")
    content = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return int(start["status"]), json.loads(content)


@pytest.fixture
def app(central_db: Database, kiosk_keys: KioskKeys) -> Any:
    return create_app(Settings(database_url=central_db.url), database=central_db)


def _asgi_signed(keys: KioskKeys, path: str, body: bytes) -> list[tuple[bytes, bytes]]:
    return [(name.encode(), value) for name, value in signed(keys, path, body)]


@pytest.mark.parametrize(
    ("name", "value"),
    [
        (b"x-kiosk-code", b"TEST-0001\x00"),
        (b"x-kiosk-timestamp", b"1765\x00"),
        (b"x-kiosk-nonce", b"\x00" * 32),
        (b"x-kiosk-signature", b"\xff" * 128),
    ],
)
def test_nul_and_raw_bytes_in_signature_headers_are_401(
    app: Any, kiosk_keys: KioskKeys, name: bytes, value: bytes
) -> None:
    """A NUL or a non-Latin byte in a signature header, past any HTTP parser: 401."""
    headers = [(k, v) for k, v in _asgi_signed(kiosk_keys, STATUS, BODY) if k.lower() != name]
    status, answer = call(app, STATUS, [*headers, (name, value)], BODY)
    assert (status, answer["error"]) == (401, "missing_signature")


def test_content_length_of_5000_digits_is_413(app: Any, kiosk_keys: KioskKeys) -> None:
    """A declared length of 5,000 digits is refused as too large before anything is read."""
    headers = [*_asgi_signed(kiosk_keys, STATUS, BODY), (b"content-length", b"9" * 5000)]
    status, answer = call(app, STATUS, headers, BODY)
    assert (status, answer["error"]) == (413, "body_too_large")


def test_content_length_with_leading_zeros_is_read(app: Any, kiosk_keys: KioskKeys) -> None:
    """Leading zeros do not make a small body too large (the request goes on to a 404)."""
    length = str(len(BODY)).zfill(5000).encode()
    headers = [*_asgi_signed(kiosk_keys, STATUS, BODY), (b"content-length", length)]
    status, answer = call(app, STATUS, headers, BODY)
    assert (status, answer["error"]) == (404, "not_found")


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    name=st.sampled_from([name.lower().encode() for name in SIGNATURE_HEADERS]),
    value=st.binary(max_size=6000),
    twice=st.booleans(),
)
def test_any_bytes_in_a_signature_header_answer_401(
    app: Any, kiosk_keys: KioskKeys, name: bytes, value: bytes, twice: bool
) -> None:
    """Whatever bytes one signature header holds, once or twice, the answer is a 401."""
    headers = _asgi_signed(kiosk_keys, STATUS, BODY)
    original = next(v for k, v in headers if k.lower() == name)
    if not twice and value == original:
        return  # the untouched request, which the test above shows is accepted
    headers = [(k, v) for k, v in headers if k.lower() != name]
    extra = [(name, value), (name, original)] if twice else [(name, value)]
    status, answer = call(app, STATUS, headers + extra, BODY)
    assert status == 401, answer
    assert answer["error"] in {
        "missing_signature",
        "unknown_kiosk",
        "stale_request",
        "bad_signature",
    }
