"""The discipline inspectors' web inbox: server-rendered pages under ``/inbox/``.

Plain HTML forms, no JavaScript. An inspector signs in, sees the complaints routed to their
own office (never one that accuses them), reads the disputed ledger line and the
household's payments, changes a complaint's status with a public or internal note, and
assigns it to a colleague. ``install`` mounts it all on the central server's app.
"""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import Request
from starlette.responses import Response

from central.config import Settings
from central.db import Database
from central.inbox import complaints, login
from central.inbox.auth import Authenticator, LoginPolicy
from central.inbox.guard import add_security_headers
from central.inbox.web import HERE, Inbox, Refused

PREFIX = "/inbox"


def build(*, database: Database, settings: Settings) -> FastAPI:
    """The inbox as its own small app, so its error pages and headers stay its own."""
    inbox = Inbox(
        database=database,
        settings=settings,
        auth=Authenticator(LoginPolicy.from_settings(settings)),
    )
    app = FastAPI(docs_url=None, redoc_url=None, openapi_url=None)
    app.middleware("http")(add_security_headers)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(login.router(inbox))
    app.include_router(complaints.router(inbox))

    @app.exception_handler(StarletteHTTPException)
    def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        # Every 404 looks the same, whether the id is unknown or belongs to another office.
        if exc.status_code == 404:
            return inbox.error_page(request, "not_found", status_code=404)
        if exc.status_code == 405:
            return inbox.error_page(request, "not_found", status_code=405)
        return inbox.error_page(request, "bad_request", status_code=400)

    @app.exception_handler(RequestValidationError)
    def bad_form(request: Request, exc: RequestValidationError) -> Response:
        # A plain page rather than FastAPI's JSON: the one reading it is a person.
        return inbox.error_page(request, "bad_request", status_code=400)

    @app.exception_handler(Refused)
    def refused(request: Request, exc: Refused) -> Response:
        return inbox.error_page(request, "forbidden", status_code=403)

    return app


def install(app: FastAPI, *, database: Database, settings: Settings) -> None:
    """Mount the inbox on the central server's app under ``/inbox/``."""
    app.mount(PREFIX, build(database=database, settings=settings), name="inbox")


__all__ = ["PREFIX", "build", "install"]
