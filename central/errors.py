"""Errors of the HTTP API in the contract's shape, and the handlers that render them.

Every error body is ``{"error": code, "message_zh": ..., "message_en": ...}`` (plus ``field``
for bad input), worded from ``central.messages``. Messages name fields, never the values
sent: a body may hold a phone number or a secret, and neither may reach an error body or a
log.
"""

from __future__ import annotations

import json
import logging
import traceback
from collections.abc import Mapping
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from pydantic import ValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException

from central.messages import Consequence, consequence_of, words

log = logging.getLogger(__name__)


def json_bytes(document: Mapping[str, Any]) -> bytes:
    """Compact UTF-8 JSON: the one encoding of every answer, so replays are byte-identical."""
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


class ApiError(Exception):
    """An answer other than success: its status, code, and the catalogue's words for it.

    ``message`` is the key of the words in ``central.messages`` (the code itself unless
    one code has several wordings), ``values`` fill them in. What the refusal means for the
    request (nothing stored, nothing looked up) is added when it is answered, by endpoint.
    """

    def __init__(
        self,
        status: int,
        code: str,
        *,
        message: str | None = None,
        values: Mapping[str, object] | None = None,
        field: str | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(f"{status} {code}")
        self.status = status
        self.code = code
        self.message = message or code
        self.values = dict(values or {})
        self.field = field
        self.headers = dict(headers or {})

    def body(self, consequence: Consequence | None = None) -> dict[str, Any]:
        zh, en = words(self.message, self.values | {"field": self.field or ""})
        if consequence is not None:
            after_zh, after_en = words(consequence)
            zh, en = zh + after_zh, f"{en} {after_en}"
        document: dict[str, Any] = {"error": self.code, "message_zh": zh, "message_en": en}
        if self.field is not None:
            document["field"] = self.field
        return document

    def response(self, path: str = "") -> Response:
        """The answer to a request for ``path`` (which says what the refusal means)."""
        return Response(
            json_bytes(self.body(consequence_of(path))),
            status_code=self.status,
            media_type="application/json",
            headers=self.headers,
        )


def invalid_field(field: str, code: str = "invalid_field") -> ApiError:
    """422 for one field of a request, named but never quoted."""
    return ApiError(422, code, message="invalid_field", field=field)


def field_of(error: Mapping[str, Any]) -> str:
    """The top-level field a pydantic error is about (``implicated.0.name`` -> implicated)."""
    cause = (error.get("ctx") or {}).get("error")
    if isinstance(getattr(cause, "field", None), str):
        return str(cause.field)  # type: ignore[union-attr]
    location = [part for part in error.get("loc", ()) if part not in ("body", "query", "header")]
    return str(location[0]) if location else "body"


def from_validation(exc: ValidationError | RequestValidationError) -> ApiError:
    errors = exc.errors()
    if not errors:
        return invalid_field("body")
    first = errors[0]
    if first.get("type") == "json_invalid":
        return malformed_json()
    return invalid_field(field_of(first))


def malformed_json() -> ApiError:
    return ApiError(422, "malformed_json", field="body")


def body_too_large(limit: int) -> ApiError:
    return ApiError(413, "body_too_large", values={"limit_kib": limit // 1024})


#: Starlette's own answers: (code, message key).
_STATUS_CODES = {
    404: ("not_found", "no_such_address"),
    405: ("method_not_allowed", "method_not_allowed"),
}


def install_handlers(app: FastAPI, *, unexpected_headers: Mapping[str, str] | None = None) -> None:
    """Render every error, including FastAPI's own, in the contract's shape.

    ``unexpected_headers`` go on the 500 answer, which Starlette sends from outside every
    middleware."""

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> Response:
        return exc.response(request.url.path)

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> Response:
        return from_validation(exc).response(request.url.path)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        code, message = _STATUS_CODES.get(exc.status_code, ("http_error", "http_error"))
        error = ApiError(exc.status_code, code, message=message, headers=exc.headers)
        return error.response(request.url.path)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> Response:
        # The exception's text may quote a value from the body; log only its type and where.
        # The frames are kept for whoever debugs it; the message is not.
        log.error(
            "Unexpected %s on %s %s\n%s",
            type(exc).__name__,
            request.method,
            request.url.path,
            "".join(traceback.format_tb(exc.__traceback__)),
        )
        return ApiError(500, "internal_error", headers=unexpected_headers).response()
