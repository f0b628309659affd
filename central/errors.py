"""Errors of the HTTP API in the contract's shape, and the handlers that render them.

Every error body is ``{"error": code, "message_zh": ..., "message_en": ...}`` (plus ``field``
for bad input). Messages name fields, never the values sent: a body may hold a phone number
or a secret, and neither may reach an error body or a log.
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

log = logging.getLogger(__name__)


def json_bytes(document: Mapping[str, Any]) -> bytes:
    """Compact UTF-8 JSON: the one encoding of every answer, so replays are byte-identical."""
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


class ApiError(Exception):
    """An answer other than success, with its status, code and bilingual message."""

    def __init__(
        self,
        status: int,
        code: str,
        message_zh: str,
        message_en: str,
        *,
        field: str | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(f"{status} {code}")
        self.status = status
        self.code = code
        self.message_zh = message_zh
        self.message_en = message_en
        self.field = field
        self.headers = dict(headers or {})

    def body(self) -> dict[str, Any]:
        document: dict[str, Any] = {
            "error": self.code,
            "message_zh": self.message_zh,
            "message_en": self.message_en,
        }
        if self.field is not None:
            document["field"] = self.field
        return document

    def response(self) -> Response:
        return Response(
            json_bytes(self.body()),
            status_code=self.status,
            media_type="application/json",
            headers=self.headers,
        )


def invalid_field(field: str, code: str = "invalid_field") -> ApiError:
    """422 for one field of a request, named but never quoted."""
    return ApiError(
        422,
        code,
        f"“{field}”一项不符合要求，投诉未保存。",
        f"The field “{field}” is not valid; nothing was stored.",
        field=field,
    )


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
    return ApiError(
        422,
        "malformed_json",
        "请求内容不是有效的JSON，未保存任何内容。",
        "The body is not valid JSON; nothing was stored.",
        field="body",
    )


def body_too_large(limit: int) -> ApiError:
    return ApiError(
        413,
        "body_too_large",
        f"请求内容超过{limit // 1024} KiB，未保存任何内容。",
        f"The body is larger than {limit // 1024} KiB; nothing was stored.",
    )


_STATUS_CODES = {
    404: ("not_found", "找不到这个地址。", "There is nothing at this address."),
    405: ("method_not_allowed", "不支持这种请求方式。", "This method is not allowed here."),
}


def install_handlers(app: FastAPI, *, unexpected_headers: Mapping[str, str] | None = None) -> None:
    """Render every error, including FastAPI's own, in the contract's shape.

    ``unexpected_headers`` go on the 500 answer, which Starlette sends from outside every
    middleware."""

    @app.exception_handler(ApiError)
    async def _api_error(_request: Request, exc: ApiError) -> Response:
        return exc.response()

    @app.exception_handler(RequestValidationError)
    async def _validation(_request: Request, exc: RequestValidationError) -> Response:
        return from_validation(exc).response()

    @app.exception_handler(StarletteHTTPException)
    async def _http(_request: Request, exc: StarletteHTTPException) -> Response:
        code, zh, en = _STATUS_CODES.get(
            exc.status_code, ("http_error", "请求无法处理。", "The request cannot be handled.")
        )
        return ApiError(exc.status_code, code, zh, en, headers=exc.headers).response()

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
        return ApiError(
            500,
            "internal_error",
            "服务器内部错误，请稍后再试。",
            "Internal server error; please try again later.",
            headers=unexpected_headers,
        ).response()
