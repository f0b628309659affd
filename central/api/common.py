"""What the routes of API v1 share: access to the database and settings, body parsing."""

from __future__ import annotations

from typing import Any, TypeVar

from fastapi import Request
from pydantic import BaseModel, ValidationError
from sqlalchemy.orm import Session, sessionmaker

from central.api.schemas import ErrorOut
from central.config import Settings
from central.errors import ApiError, from_validation

Model = TypeVar("Model", bound=BaseModel)


#: Answers every authenticated route may give, for the OpenAPI document.
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    401: {
        "model": ErrorOut,
        "description": "Missing, unknown, revoked, stale, replayed or bad signature",
    },
    413: {"model": ErrorOut, "description": "Body larger than 64 KiB"},
    422: {
        "model": ErrorOut,
        "description": (
            "Bad input: `error` and `field` say which field; nothing stored. Besides what the "
            "schema states: a wrong check digit, a rule across fields, or a reference the "
            "server does not know"
        ),
    },
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


def _inlined(node: Any, definitions: dict[str, Any]) -> Any:
    if isinstance(node, dict):
        reference = node.get("$ref")
        if isinstance(reference, str) and reference.startswith("#/$defs/"):
            # The request models nest without cycles, so this ends.
            return _inlined(definitions[reference.removeprefix("#/$defs/")], definitions)
        return {key: _inlined(value, definitions) for key, value in node.items()}
    if isinstance(node, list):
        return [_inlined(item, definitions) for item in node]
    return node


def request_body(model: type[BaseModel]) -> dict[str, Any]:
    """``openapi_extra`` describing a JSON body that the route parses itself from the bytes
    it verified (a signature covers exact bytes, so FastAPI must not parse them first).

    Nested models are written out in place: pydantic refers to them as ``#/$defs/...``,
    which would point at the root of the OpenAPI document, where nothing of that name is."""
    schema = model.model_json_schema()
    definitions = schema.pop("$defs", {})
    return {
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": _inlined(schema, definitions)}},
        }
    }


def json_response(status: int, body: bytes, headers: dict[str, str] | None = None) -> Any:
    from fastapi.responses import Response

    return Response(body, status_code=status, media_type="application/json", headers=headers)


__all__ = ["ERROR_RESPONSES", "ApiError", "json_response", "parse", "request_body", "sessions"]
