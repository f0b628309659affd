"""Bad input to the complaints endpoint: a clear 4xx naming the field, and nothing stored."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from typing import Any

import pytest
import requests
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import func, select

from central.db import Database
from central.errors import json_bytes
from central.models import IdempotencyRecord
from kiosk.domain.models import Complaint, ComplaintEvent, ImplicatedParty
from tests.central.conftest import SignedClient, complaint_body, new_key
from tests.central.seed_data import World

PATH = "/api/v1/complaints"
PHONE = "13912345678"


def _counts(database: Database) -> tuple[int, ...]:
    with database.session() as session:
        return tuple(
            int(session.scalar(select(func.count()).select_from(model)) or 0)
            for model in (Complaint, ComplaintEvent, ImplicatedParty, IdempotencyRecord)
        )


@pytest.fixture
def unchanged(central_db: Database) -> Iterator[None]:
    """Fails the test if any complaint table changed."""
    before = _counts(central_db)
    yield
    assert _counts(central_db) == before


FIELD_CASES: list[tuple[str, dict[str, Any], str]] = [
    ("unknown category", {"category": "murder"}, "category"),
    ("negative amount", {"claimed_received_fen": -1}, "claimed_received_fen"),
    ("absurd amount", {"recorded_fen": 10**15}, "recorded_fen"),
    ("fractional amount", {"claimed_received_fen": 1.5}, "claimed_received_fen"),
    ("amount as text", {"claimed_received_fen": "400000"}, "claimed_received_fen"),
    ("boolean amount", {"claimed_received_fen": True}, "claimed_received_fen"),
    ("claimed equals recorded", {"claimed_received_fen": 800_000}, "claimed_received_fen"),
    ("claimed above recorded", {"claimed_received_fen": 900_000}, "claimed_received_fen"),
    ("control character", {"text": "只收到\x00四千"}, "text"),
    ("escape sequence", {"text": "\x1b[2J"}, "text"),
    ("10,000 characters", {"text": "钱" * 10_000}, "text"),
    ("bad phone", {"contact_phone": "2" + PHONE[1:]}, "contact_phone"),
    ("phone while anonymous", {"anonymous": True, "contact_phone": PHONE}, "contact_phone"),
    ("bad tracking number", {"tracking_number": "384122905739"}, "tracking_number"),
    ("bad secret", {"secret": "12345"}, "secret"),
    ("digest in capitals", {"secret_digest": "AB" * 32}, "secret_digest"),
    ("digest cut short", {"secret_digest": "ab" * 31}, "secret_digest"),
    ("eleven parties", {"implicated": [{"kind": "person", "name": "某"}] * 11}, "implicated"),
    ("cadre without code", {"implicated": [{"kind": "cadre"}]}, "implicated"),
    ("naive filed_at", {"filed_at": "2026-11-29T08:15:00"}, "filed_at"),
    ("unknown key", {"surprise": 1}, "surprise"),
    ("record without household", {"household_file_number": None}, "household_file_number"),
    # PostgreSQL refuses a NUL in text: caught by the field's pattern, before the database.
    ("NUL in a file number", {"household_file_number": "522730\x00"}, "household_file_number"),
    ("NUL in a reference", {"aid_record_reference": "LLMZ\x00"}, "aid_record_reference"),
    ("NUL in a name", {"implicated": [{"kind": "person", "name": "某\x00"}]}, "implicated"),
    ("empty tracking number", {"tracking_number": ""}, "tracking_number"),
    ("tracking number of 5,000 digits", {"tracking_number": "1" * 5000}, "tracking_number"),
]


@pytest.mark.parametrize(("case", "changes", "field"), FIELD_CASES, ids=[c[0] for c in FIELD_CASES])
def test_invalid_field_is_named_and_nothing_stored(
    api: SignedClient,
    world: World,
    unchanged: None,
    case: str,
    changes: dict[str, Any],
    field: str,
) -> None:
    """Each invalid field gets 422 naming it, without echoing the phone or the secret's
    digest."""
    body = complaint_body(world, **{"contact_phone": PHONE, **changes})
    response = api.post(PATH, body, idempotency_key=new_key())
    assert response.status_code == 422, (case, response.text)
    answer = response.json()
    assert answer["field"] == field
    assert answer["message_zh"] and answer["message_en"]
    assert PHONE not in response.text and body["secret_digest"] not in response.text


REFERENCE_CASES: list[tuple[dict[str, Any], str, str]] = [
    ({"household_file_number": "522730001001-9999"}, "unknown_household", "household_file_number"),
    ({"aid_record_reference": "NOPE-1"}, "unknown_aid_record", "aid_record_reference"),
    ({"recorded_fen": 700_000}, "recorded_amount_mismatch", "recorded_fen"),
    ({"implicated": [{"kind": "cadre", "cadre_code": "C000"}]}, "unknown_cadre", "implicated"),
]


@pytest.mark.parametrize(("changes", "error", "field"), REFERENCE_CASES)
def test_unknown_references_are_refused(
    api: SignedClient,
    world: World,
    unchanged: None,
    changes: dict[str, Any],
    error: str,
    field: str,
) -> None:
    """A household, aid record, amount or cadre the server does not know: 422, nothing stored."""
    response = api.post(PATH, complaint_body(world, **changes), idempotency_key=new_key())
    assert response.status_code == 422
    assert response.json()["error"] == error
    assert response.json()["field"] == field


def test_amount_of_5000_digits_is_422(api: SignedClient, world: World, unchanged: None) -> None:
    """An amount written with 5,000 digits (more than Python's int() reads): the JSON parser
    refuses the number itself, so the answer is 422 malformed_json, not a 500."""
    body = json_bytes(complaint_body(world)).replace(
        b'"claimed_received_fen":400000', b'"claimed_received_fen":' + b"4" * 5000
    )
    assert b"4" * 5000 in body
    response = api.post(PATH, body, idempotency_key=new_key())
    assert response.status_code == 422, response.text
    assert response.json()["error"] == "malformed_json"


def test_oversized_body_is_413(api: SignedClient, world: World, unchanged: None) -> None:
    """A body over 64 KiB is refused before it is read whole."""
    response = api.post(PATH, complaint_body(world, text="x" * 70_000), idempotency_key=new_key())
    assert response.status_code == 413
    assert response.json()["error"] == "body_too_large"


def test_malformed_json_is_422(api: SignedClient, unchanged: None) -> None:
    """Bytes that are not JSON: 422 malformed_json."""
    response = api.post(PATH, b'{"tracking_number": ', idempotency_key=new_key())
    assert response.status_code == 422
    assert response.json()["error"] == "malformed_json"


def test_missing_idempotency_key_is_422(api: SignedClient, world: World, unchanged: None) -> None:
    """No Idempotency-Key header: 422 naming it."""
    response = api.post(PATH, complaint_body(world))
    assert response.status_code == 422
    assert response.json()["field"] == "Idempotency-Key"


def test_wrong_signature_stores_nothing(api: SignedClient, world: World, unchanged: None) -> None:
    """Signed by a stranger's key: 401 bad_signature."""
    response = api.post(
        PATH, complaint_body(world), idempotency_key=new_key(), key=Ed25519PrivateKey.generate()
    )
    assert response.status_code == 401
    assert response.json()["error"] == "bad_signature"


def test_expired_timestamp_stores_nothing(api: SignedClient, world: World, unchanged: None) -> None:
    """Signed ten minutes ago: 401 stale_request."""
    response = api.post(
        PATH, complaint_body(world), idempotency_key=new_key(), timestamp=int(time.time()) - 600
    )
    assert response.status_code == 401
    assert response.json()["error"] == "stale_request"


def test_unknown_route_answers_in_the_contract_shape(live_server: str) -> None:
    """Even a 404 of the framework has error, message_zh and message_en."""
    response = requests.get(f"{live_server}/api/v1/nothing", timeout=10)
    assert response.status_code == 404
    assert set(response.json()) == {"error", "message_zh", "message_en"}


def test_openapi_document_describes_the_complaint_body(live_server: str) -> None:
    """/openapi.json lists the v1 routes and the complaint body's fields."""
    document = requests.get(f"{live_server}/openapi.json", timeout=10).json()
    assert {
        "/api/v1/health",
        "/api/v1/complaints",
        "/api/v1/complaints/status",
        "/api/v1/complaints/appeal",
    } <= set(document["paths"])
    body = document["paths"]["/api/v1/complaints"]["post"]["requestBody"]
    schema = body["content"]["application/json"]["schema"]
    assert "claimed_received_fen" in schema["properties"]


def test_openapi_document_states_the_lookup_patterns(live_server: str) -> None:
    """The status and appeal bodies state the tracking number's and secret's patterns, and
    no body points at a definition the document lacks."""
    document = requests.get(f"{live_server}/openapi.json", timeout=10).json()
    for path in ("/api/v1/complaints/status", "/api/v1/complaints/appeal"):
        body = document["paths"][path]["post"]["requestBody"]["content"]["application/json"]
        properties = body["schema"]["properties"]
        assert properties["tracking_number"]["pattern"] == "^[0-9]{12}$"
        assert properties["secret"]["pattern"] == "^[0-9]{6}$"
    filing = document["paths"]["/api/v1/complaints"]["post"]["requestBody"]["content"]
    schema = filing["application/json"]["schema"]
    if "$ref" in schema:
        schema = document["components"]["schemas"][schema["$ref"].rsplit("/", 1)[-1]]
    digest = schema["properties"]["secret_digest"]
    assert "^[0-9a-f]{64}$" in json.dumps(digest)
    assert "#/$defs/" not in json.dumps(document)
