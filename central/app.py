"""The central server's FastAPI application, put together in one place.

``create_app`` wires settings and the database into the API routes, the inspectors'
inbox and the public verify page; it does not migrate (``kiosk-central serve`` does that
before it starts).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from central import __version__
from central.api import appeal, complaints, document_keys, health, status
from central.auth import merge_signature_requirements
from central.config import Settings
from central.db import Database
from central.errors import install_handlers
from central.limits import BodyLimitMiddleware

API_PREFIX = "/api/v1"

#: On every answer but the inbox's (which sets its own, and lets its stylesheet be cached):
#: answers hold personal data, so nothing keeps a copy; they are JSON, so nothing may guess
#: another type, load anything from them or frame them.
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}


class SecurityHeadersMiddleware:
    """Adds :data:`SECURITY_HEADERS` to each answer outside ``/inbox``, keeping any the route
    set itself."""

    def __init__(self, app: ASGIApp, exempt_prefix: str = "/inbox") -> None:
        self.app = app
        self.exempt_prefix = exempt_prefix

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = str(scope.get("path", ""))
        if scope["type"] != "http" or path.startswith(self.exempt_prefix + "/"):
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    headers.setdefault(name, value)
            await send(message)

        await self.app(scope, receive, send_with_headers)


def create_app(settings: Settings, database: Database | None = None) -> FastAPI:
    """The application; it owns ``database`` (and disposes of it) only if it made it."""
    owned = database is None
    db = database if database is not None else Database(settings.database_url)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        if owned:
            db.dispose()

    app = FastAPI(
        title="Citizen kiosk central API",
        version=__version__,
        summary="Complaints from kiosks, routed to discipline inspectors (docs/central-api.md).",
        openapi_url="/openapi.json",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.database = db
    # An unexpected error is answered outside the middleware, so it gets the headers here.
    install_handlers(app, unexpected_headers=SECURITY_HEADERS)
    for module in (health, complaints, status, appeal, document_keys):
        app.include_router(module.router, prefix=API_PREFIX)

    from central import inbox  # the web pages; imported here so the API never depends on them

    inbox.install(app, database=db, settings=settings)
    from central import verify  # the public verify page, like the inbox a page for people

    verify.install(app)
    app.add_middleware(BodyLimitMiddleware, routes=verify.body_limit())
    app.add_middleware(SecurityHeadersMiddleware, exempt_prefix=inbox.PREFIX)

    generate_openapi = app.openapi

    def openapi() -> dict[str, Any]:
        return merge_signature_requirements(generate_openapi())

    app.openapi = openapi  # type: ignore[method-assign]
    return app
