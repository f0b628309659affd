"""The central server's FastAPI application, put together in one place.

``create_app`` wires settings and the database into the API routes and the inspectors'
inbox; it does not migrate (``kiosk-central serve`` does that before it starts).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from central import __version__
from central.api import appeal, complaints, health, status
from central.config import Settings
from central.db import Database
from central.errors import install_handlers
from central.limits import BodyLimitMiddleware

API_PREFIX = "/api/v1"


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
    install_handlers(app)
    for module in (health, complaints, status, appeal):
        app.include_router(module.router, prefix=API_PREFIX)

    from central import inbox  # the web pages; imported here so the API never depends on them

    inbox.install(app, database=db, settings=settings)
    app.add_middleware(BodyLimitMiddleware)
    return app
