"""``POST /api/v1/complaints``: a kiosk files a complaint, exactly once per idempotency key."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from central.api.common import (
    ERROR_RESPONSES,
    json_response,
    parse,
    request_body,
    sessions,
    settings,
)
from central.api.schemas import (
    IDEMPOTENCY_KEY_SCHEMA,
    ComplaintAck,
    ComplaintIn,
    ErrorOut,
    idempotency_key_valid,
)
from central.auth import SignedRequest, signed_request
from central.errors import invalid_field
from central.filing import file_complaint

router = APIRouter(tags=["complaints"])

IDEMPOTENCY_KEY = "Idempotency-Key"


@router.post(
    "/complaints",
    status_code=201,
    openapi_extra={
        **request_body(ComplaintIn),
        # Read from the raw headers below rather than as a FastAPI parameter, so that a key
        # sent twice is refused instead of one copy being taken.
        "parameters": [
            {
                "name": IDEMPOTENCY_KEY,
                "in": "header",
                "required": True,
                "description": "The same key with the same body again answers the first answer.",
                "schema": IDEMPOTENCY_KEY_SCHEMA,
            }
        ],
    },
    responses={
        **ERROR_RESPONSES,
        201: {"model": ComplaintAck, "description": "Filed (or filed before with this key)"},
        409: {"model": ErrorOut, "description": "idempotency_key_reused or tracking_number_taken"},
    },
)
def post_complaint(
    request: Request, signed: Annotated[SignedRequest, Depends(signed_request)]
) -> Response:
    """File a complaint; the same key and body again answers the first answer again."""
    keys = request.headers.getlist(IDEMPOTENCY_KEY)
    if len(keys) != 1 or not idempotency_key_valid(keys[0]):
        raise invalid_field(IDEMPOTENCY_KEY, "invalid_idempotency_key")
    idempotency_key = keys[0]
    complaint = parse(ComplaintIn, signed.body)
    filed = file_complaint(
        sessions(request),
        settings(request),
        kiosk_code=signed.kiosk_code,
        key=idempotency_key,
        body=signed.body,
        complaint=complaint,
    )
    headers = {"Idempotent-Replayed": "true"} if filed.replayed else None
    response: Response = json_response(filed.status, filed.body, headers)
    return response
