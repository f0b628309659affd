"""What the routes of API v1 share: access to the database and settings, body parsing."""

from __future__ import annotations

from typing import Any, TypeVar

from fastapi import Request
from pydantic import BaseModel, ValidationError
from sqlalchemy.orm import Session, sessionmaker

from central.config import Settings
from central.errors import ApiError, from_validation

Model = TypeVar("Model", bound=BaseModel)

#: Answers every authenticated route may give, for the OpenAPI document.
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    401: {"description": "Missing, unknown, revoked, stale, replayed or bad signature"},
    413: {"description": "Body larger than 64 KiB"},
    422: {"description": "Bad input: `error` and `field` say which field; nothing stored"},
}


def sessions(request: Request) -> sessionmaker[Session]:
    """Sessions for API work, which reads and then writes (see ``Database.write_session``)."""
    factory: sessionmaker[Session] = request.app.state.database.write_sessionmaker
    return factory


def settings(request: Request) -> Settings:
    value: Settings = request.app.state.settings
    return value


def parse(model: type[Model], body: bytes) -> Model:
    """``body`` as ``model``, or a 422 naming the field (never quoting what was sent)."""
    try:
        return model.model_validate_json(body)
    except ValidationError as exc:
        raise from_validation(exc) from None


def request_body(model: type[BaseModel]) -> dict[str, Any]:
    """``openapi_extra`` describing a JSON body that the route parses itself from the bytes
    it verified (a signature covers exact bytes, so FastAPI must not parse them first)."""
    return {
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": model.model_json_schema()}},
        }
    }


def json_response(status: int, body: bytes, headers: dict[str, str] | None = None) -> Any:
    from fastapi.responses import Response

    return Response(body, status_code=status, media_type="application/json", headers=headers)


__all__ = ["ERROR_RESPONSES", "ApiError", "json_response", "parse", "request_body", "sessions"]
