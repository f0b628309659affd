"""``POST /api/v1/complaints/appeal``: the complainant appeals a conclusion within the window."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request

from central.api.common import parse, request_body, sessions, settings
from central.api.lookup import find_by_secret, status_document
from central.api.schemas import AppealIn, ErrorOut
from central.api.status import LOOKUP_RESPONSES
from central.auth import SignedRequest, signed_request
from central.errors import ApiError
from central.lifecycle import TransitionError, appeal
from kiosk.domain.clock import utcnow

router = APIRouter(tags=["complaints"])


@router.post(
    "/complaints/appeal",
    openapi_extra=request_body(AppealIn),
    responses={**LOOKUP_RESPONSES, 409: {"model": ErrorOut, "description": "appeal_not_allowed"}},
)
def complaint_appeal(
    request: Request, signed: Annotated[SignedRequest, Depends(signed_request)]
) -> dict[str, Any]:
    """Reopen a concluded complaint; answers with its new status."""
    query = parse(AppealIn, signed.body)
    now = utcnow()
    config = settings(request)
    window = config.appeal_window_days
    with sessions(request)() as session:
        complaint = find_by_secret(
            session, query.tracking_number, query.secret, now, pepper=config.secret_pepper
        )
        try:
            appeal(session, complaint, text=query.text, now=now, window_days=window)
        except TransitionError as exc:
            raise ApiError(409, exc.code, message=exc.message, values=exc.values) from None
        session.commit()
        return status_document(complaint, now, window)
