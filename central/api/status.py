"""``POST /api/v1/complaints/status``: the holder of a receipt asks where their complaint is."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request

from central.api.common import ERROR_RESPONSES, parse, request_body, sessions, settings
from central.api.lookup import find_by_secret, status_document
from central.api.schemas import ErrorOut, StatusIn, StatusOut
from central.auth import SignedRequest, signed_request
from kiosk.domain.clock import utcnow

router = APIRouter(tags=["complaints"])

LOOKUP_RESPONSES: dict[int | str, dict[str, Any]] = {
    **ERROR_RESPONSES,
    200: {"model": StatusOut, "description": "The complaint's status"},
    404: {
        "model": ErrorOut,
        "description": "Unknown tracking number or wrong secret (the same answer)",
    },
    429: {"model": ErrorOut, "description": "5 wrong secrets for this number within 15 minutes"},
}


@router.post("/complaints/status", openapi_extra=request_body(StatusIn), responses=LOOKUP_RESPONSES)
def complaint_status(
    request: Request, signed: Annotated[SignedRequest, Depends(signed_request)]
) -> dict[str, Any]:
    """The status, the office and the public notes of one complaint."""
    query = parse(StatusIn, signed.body)
    now = utcnow()
    config = settings(request)
    with sessions(request)() as session:
        complaint = find_by_secret(
            session, query.tracking_number, query.secret, now, pepper=config.secret_pepper
        )
        return status_document(complaint, now, config.appeal_window_days)
