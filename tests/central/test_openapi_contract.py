"""The OpenAPI document against the server: Schemathesis generates requests from
/openapi.json and sends them to the application over ASGI, unsigned and signed.

It fails on any 5xx, on an answer the document does not declare (status, content type or
body), on invalid data accepted, and on a *schema-valid request refused*. What that means
here, where most routes need a signature and a stored complaint:

- Unsigned, every signed route must answer 401 to a schema-valid request: the document
  declares the signature as a security requirement, so a request without it is not valid
  as a whole, and 401 is the declared answer. Only the public routes (the health check and
  the list of document keys) answer 200.
- Signed (through ``KioskSigner``, a ``requests`` auth that signs the exact bytes sent, as
  the kiosk does), a schema-valid request passes the signature. What may still refuse it
  is what no JSON Schema can say, and the document says in words instead:
  * the state of the server: a document key another terminal holds or staff revoked is a
    409, an unknown tracking number or a wrong secret is a 404 (the
    complaint does not exist; that is the answer, declared), too many wrong secrets a 429,
    and a household, aid record, cadre or office the server does not know a 422 with its
    own ``error`` code;
  * the tracking number's check digit, and the rules across fields of a complaint
    (``central.api.schemas``): a 422 is then right, and the test re-validates the body
    with the server's own model to make sure that such a rule, and no rule about one
    field that the schema could have stated, is what the body broke.
  Anything else refused (a 401, or a 422 for one field's own rule) means the document
  does not say what the server enforces, and fails.

The budget is bounded (``MAX_EXAMPLES`` per operation and phase) so the suite stays short.
"""

from __future__ import annotations

import json
import secrets
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError
from schemathesis import CheckContext, CheckFunction, GenerationMode
from schemathesis import Response as ApiResponse
from schemathesis.core.result import Err
from schemathesis.specs.openapi.checks import positive_data_acceptance
from schemathesis.specs.openapi.schemas import OpenApiSchema

from central.api.schemas import AppealIn, ComplaintIn, DocumentKeyIn, StatusIn
from central.app import create_app
from central.config import Settings
from central.db import Database
from kiosk.domain.request_signing import (
    HEADER_CODE,
    HEADER_NONCE,
    HEADER_SIGNATURE,
    HEADER_TIMESTAMP,
    sign_request,
)
from kiosk.domain.tracking import luhn_check_digit
from tests.central.conftest import KioskKeys

if TYPE_CHECKING:
    # schemathesis names the case of an OpenAPI operation only for type checkers.
    from schemathesis.specs.openapi.schemas import OpenApiCase

MAX_EXAMPLES = 15

#: The body model of each signed operation, as the server parses it.
MODELS: dict[str, type[BaseModel]] = {
    "/api/v1/complaints": ComplaintIn,
    "/api/v1/complaints/status": StatusIn,
    "/api/v1/complaints/appeal": AppealIn,
    "/api/v1/document-keys": DocumentKeyIn,
}

#: 422 and 409 codes about what the server stores, which no schema can know
#: (central.filing): a reference it lacks, or a number or key already used by an earlier
#: example.
STATE_CODES = frozenset(
    {
        "tracking_number_taken",
        "idempotency_key_reused",
        "unknown_household",
        "unknown_aid_record",
        "recorded_amount_mismatch",
        "unknown_member",
        "unknown_cadre",
        "unknown_office",
        "unknown_region",
        "no_office",
        "document_key_taken",
        "document_key_revoked",
    }
)
#: Routes anyone may call: a schema-valid request gets 200 without a signature.
PUBLIC = frozenset({("GET", "/api/v1/health"), ("GET", "/api/v1/document-keys")})

# The document says ``format: tracking-number`` (twelve digits, a Luhn check digit); draw
# such numbers so that positive cases reach the lookup instead of stopping at the digit.
schemathesis.openapi.format(
    "tracking-number",
    st.text(alphabet="0123456789", min_size=11, max_size=11).map(
        lambda digits: digits + luhn_check_digit(digits)
    ),
)


class KioskSigner(requests.auth.AuthBase):
    """Signs each request as the kiosk does, over the bytes it is about to send."""

    def __init__(self, keys: KioskKeys) -> None:
        self.keys = keys

    def __call__(self, request: requests.PreparedRequest) -> requests.PreparedRequest:
        body = request.body or b""
        raw = body.encode("utf-8") if isinstance(body, str) else body
        assert isinstance(raw, bytes), "the kiosk signs a body it holds, not a stream"
        timestamp = int(time.time())
        nonce = secrets.token_hex(16)
        path = urlsplit(request.url or "").path
        method = request.method or "GET"
        request.headers[HEADER_CODE] = self.keys.code
        request.headers[HEADER_TIMESTAMP] = str(timestamp)
        request.headers[HEADER_NONCE] = nonce
        request.headers[HEADER_SIGNATURE] = sign_request(
            self.keys.key, method, path, timestamp, nonce, raw
        )
        return request


def _load(central_db: Database, config: schemathesis.Config | None = None) -> OpenApiSchema:
    app = create_app(Settings(database_url=central_db.url), database=central_db)
    return schemathesis.openapi.from_asgi("/openapi.json", app, config=config)


@pytest.fixture
def unsigned_schema(tmp_path: Path, sqlite_template: Path) -> Iterator[OpenApiSchema]:
    """The document of an app on an empty SQLite file: without a signature no request gets
    as far as the database, so one engine is enough here."""
    path = tmp_path / "central.sqlite3"
    shutil.copyfile(sqlite_template, path)
    database = Database(str(path))
    yield _load(database)
    database.dispose()


@pytest.fixture
def signed_schema(central_db: Database, kiosk_keys: KioskKeys) -> OpenApiSchema:
    """The same, every request signed with that kiosk's key. The signature headers are
    not generated then: the signer writes them last, over anything generated."""
    config = schemathesis.Config.from_dict({"generation": {"with-security-parameters": False}})
    schema = _load(central_db, config)
    schema.auth.set_from_requests(KioskSigner(kiosk_keys))
    return schema


def _inexpressible_only(model: type[BaseModel], body: object) -> bool:
    """Whether ``body`` breaks only rules a JSON Schema cannot state: the tracking number's
    check digit (a ``value_error`` on that field), a model's rule across its fields (an
    error located at a whole model: the body, or one item of ``implicated``), or an amount
    written with a fraction (JSON Schema's ``integer`` takes 35.0; the server takes 35)."""
    try:
        model.model_validate_json(json.dumps(body))
    except ValidationError as exc:
        for error in exc.errors():
            location = error["loc"]
            across_fields = location == () or isinstance(location[-1], int)
            check_digit = location == ("tracking_number",) and error["type"] == "value_error"
            value = error.get("input")
            written_as_float = error["type"] == "int_type" and isinstance(value, float)
            if not (across_fields or check_digit or written_as_float):
                return False
        return True
    return False


def _refused(case: OpenApiCase, response: ApiResponse, why: str) -> None:
    raise AssertionError(
        f"schema-valid request refused: {case.method} {case.path} answered "
        f"{response.status_code} ({why})"
    )


def unsigned_refusal_is_declared(
    ctx: CheckContext, response: ApiResponse, case: OpenApiCase
) -> None:
    """Unsigned: a schema-valid request gets 200 from a public route, 401 elsewhere."""
    meta = case.meta
    if meta is None or not meta.generation.mode.is_positive:
        return
    expected = 200 if (case.method.upper(), case.path) in PUBLIC else 401
    if response.status_code != expected:
        _refused(case, response, f"expected {expected}")


def signed_refusal_is_declared(ctx: CheckContext, response: ApiResponse, case: OpenApiCase) -> None:
    """Signed: a schema-valid request is refused only for what the schema cannot say."""
    meta = case.meta
    if meta is None or not meta.generation.mode.is_positive or response.status_code < 400:
        return
    status = response.status_code
    error = response.json().get("error") if status >= 400 else None
    model = MODELS.get(case.path)
    if model is None:
        _refused(case, response, "an unsigned route refused")
        return
    if status in (404, 429) and case.path != "/api/v1/complaints":
        return  # no complaint with this number and secret, or too many wrong secrets
    if status in (409, 422) and error in STATE_CODES:
        return  # a reference the server does not hold
    if status == 422 and _inexpressible_only(model, case.body):
        return  # a check digit or a rule across fields, both said in the descriptions
    _refused(case, response, f"error {error!r}")


def _run(case: OpenApiCase, own_check: CheckFunction) -> None:
    # Each case uses the app's real database; hypothesis' own examples are bounded above.
    case.call_and_validate(
        excluded_checks=[positive_data_acceptance], additional_checks=[own_check]
    )


BUDGET = settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)

# Operations are listed here rather than through ``schema.parametrize()``: its lazy form
# (needed for a schema built from fixtures) does not run under this pytest. The test below
# fails if the document gains an operation this list lacks.
OPERATIONS = [
    ("GET", "/api/v1/health"),
    ("POST", "/api/v1/complaints"),
    ("POST", "/api/v1/complaints/status"),
    ("POST", "/api/v1/complaints/appeal"),
    ("GET", "/api/v1/document-keys"),
    ("POST", "/api/v1/document-keys"),
]
MODES = [GenerationMode.POSITIVE, GenerationMode.NEGATIVE]
#: (method, path, mode): the public routes have no input, so nothing to make invalid.
CASES = [
    (method, path, mode)
    for method, path in OPERATIONS
    for mode in MODES
    if (method, path) not in PUBLIC or mode is GenerationMode.POSITIVE
]


def _fuzz(
    schema: OpenApiSchema, method: str, path: str, mode: GenerationMode, own_check: CheckFunction
) -> None:
    operation = schema[path][method]

    @BUDGET
    @given(case=operation.as_strategy(generation_mode=mode))
    def run(case: OpenApiCase) -> None:
        _run(case, own_check)

    run()


def test_every_operation_is_fuzzed(unsigned_schema: OpenApiSchema) -> None:
    """The operations below are all that the document has, and every one resolves."""
    listed = set()
    for result in unsigned_schema.get_all_operations():
        if isinstance(result, Err):
            raise result.err()  # an operation with an unresolvable reference
        operation = result.ok()
        listed.add((operation.method.upper(), operation.path))
    assert listed == set(OPERATIONS)


@pytest.mark.parametrize(("method", "path", "mode"), CASES, ids=str)
def test_unsigned_requests_get_declared_answers(
    unsigned_schema: OpenApiSchema, method: str, path: str, mode: GenerationMode
) -> None:
    """Without a signature: no 5xx, every answer as declared, 401 on every signed route."""
    _fuzz(unsigned_schema, method, path, mode, unsigned_refusal_is_declared)


@pytest.mark.parametrize(("method", "path", "mode"), CASES, ids=str)
def test_signed_requests_get_declared_answers(
    signed_schema: OpenApiSchema, method: str, path: str, mode: GenerationMode
) -> None:
    """Signed as a registered kiosk: no 5xx, every answer as declared, and a schema-valid
    request refused only for what the schema cannot state (see the module's docstring)."""
    _fuzz(signed_schema, method, path, mode, signed_refusal_is_declared)
