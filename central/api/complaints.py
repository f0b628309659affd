"""``POST /api/v1/complaints``: a kiosk files a complaint, exactly once per idempotency key."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Header, Request
from fastapi.responses import Response

from central.api.common import (
    ERROR_RESPONSES,
    json_response,
    parse,
    request_body,
    sessions,
    settings,
)
from central.api.schemas import ComplaintIn, idempotency_key_valid
from central.auth import SignedRequest, signed_request
from central.errors import invalid_field
from central.filing import file_complaint

router = APIRouter(tags=["complaints"])


@router.post(
    "/complaints",
    status_code=201,
    openapi_extra=request_body(ComplaintIn),
    responses={
        **ERROR_RESPONSES,
        409: {"description": "idempotency_key_reused or tracking_number_taken"},
    },
)
def post_complaint(
    request: Request,
    signed: Annotated[SignedRequest, Depends(signed_request)],
    idempotency_key: Annotated[str | None, Header(alias="Idempotency-Key")] = None,
) -> Response:
    """File a complaint; the same key and body again answers the first answer again."""
    if idempotency_key is None or not idempotency_key_valid(idempotency_key):
        raise invalid_field("Idempotency-Key", "invalid_idempotency_key")
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
