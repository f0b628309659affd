"""``/api/v1/document-keys``: a terminal publishes its document key; anyone lists them all.

The list is public on purpose: it is what anyone shown a printed record checks its QR code
against, offline if they saved it (``kiosk verify --keys``). See ``central.document_keys``.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from central.api.common import ERROR_RESPONSES, json_response, parse, request_body, sessions
from central.api.schemas import DocumentKeyAck, DocumentKeyIn, DocumentKeysOut, ErrorOut
from central.auth import SignedRequest, signed_request
from central.document_keys import all_keys, publish
from central.errors import json_bytes
from central.timefmt import iso_utc

router = APIRouter(tags=["document keys"])


@router.post(
    "/document-keys",
    status_code=201,
    openapi_extra=request_body(DocumentKeyIn),
    responses={
        **ERROR_RESPONSES,
        200: {"model": DocumentKeyAck, "description": "Published before: the same record"},
        201: {"model": DocumentKeyAck, "description": "Published (a new key is a rotation)"},
        409: {
            "model": ErrorOut,
            "description": "document_key_taken (its id is another key's or another "
            "terminal's) or document_key_revoked",
        },
    },
)
def post_document_key(
    request: Request, signed: Annotated[SignedRequest, Depends(signed_request)]
) -> Response:
    """Publish the signing terminal's document public key; the same key again answers its
    first record again, and older keys stay published."""
    body = parse(DocumentKeyIn, signed.body)
    with sessions(request)() as session:
        published = publish(session, kiosk_code=signed.kiosk_code, public_hex=body.public_key)
        answer = {
            "key_id": published.key.key_id,
            "published_at": iso_utc(published.key.published_at),
        }
    response: Response = json_response(201 if published.created else 200, json_bytes(answer))
    return response


@router.get("/document-keys", response_model=DocumentKeysOut)
def list_document_keys(request: Request) -> dict[str, Any]:
    """Every document key ever published, revoked ones with the time; no authentication."""
    with request.app.state.database.session() as session:
        keys = all_keys(session)
        return {
            "keys": [
                {
                    "key_id": key.key_id,
                    "kiosk_code": key.kiosk_code,
                    "public_key": key.public_key,
                    "published_at": iso_utc(key.published_at),
                    "revoked_at": iso_utc(key.revoked_at),
                }
                for key in keys
            ]
        }
