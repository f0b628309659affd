"""What every inbox page shares: templates, the signed-in inspector, rendering, refusals."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fastapi import HTTPException
from fastapi.templating import Jinja2Templates
from sqlalchemy.orm import Session
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from central.config import Settings
from central.db import Database
from central.inbox import formatting
from central.inbox.auth import Authenticator, same_token
from central.inbox.guard import same_origin
from central.inbox.i18n import Translator, request_lang
from central.models import Inspector, InspectorSession

HERE = Path(__file__).resolve().parent
SESSION_COOKIE = "inbox_session"
LOGIN_CSRF_COOKIE = "inbox_login_csrf"


def make_templates() -> Jinja2Templates:
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    env = templates.env
    env.autoescape = True
    env.trim_blocks = True
    env.lstrip_blocks = True
    env.filters["local_datetime"] = formatting.local_datetime
    env.filters["local_date"] = formatting.local_date
    env.filters["iso_local"] = formatting.iso_local
    env.filters["money"] = formatting.money
    env.filters["tracking"] = formatting.tracking
    return templates


class Refused(Exception):
    """A POST that failed the origin or CSRF check: answered 403 with the refusal page."""


@dataclass
class SignedIn:
    """The inspector of this request and their live session (within one DB transaction)."""

    inspector: Inspector
    record: InspectorSession


class Inbox:
    """The inbox's dependencies, passed to every route: database, settings, templates."""

    def __init__(self, *, database: Database, settings: Settings, auth: Authenticator) -> None:
        self.database = database
        self.settings = settings
        self.auth = auth
        self.templates = make_templates()

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One short session per request, committed at the end unless an error escapes."""
        with self.database.sessionmaker() as session, session.begin():
            yield session

    def signed_in(self, request: Request, session: Session) -> SignedIn | None:
        record = self.auth.find_session(session, request.cookies.get(SESSION_COOKIE))
        return None if record is None else SignedIn(record.inspector, record)

    def check_post(self, request: Request, expected_csrf: str, given_csrf: str | None) -> None:
        """Refuse (403) a POST from another site or without this session's CSRF token."""
        if not same_origin(request) or not same_token(expected_csrf, given_csrf):
            raise Refused

    def set_cookie(self, response: Response, name: str, value: str, *, max_age: int) -> None:
        response.set_cookie(
            name,
            value,
            max_age=max_age,
            path="/inbox",
            secure=self.settings.cookie_secure,
            httponly=True,
            samesite="strict",
        )

    def clear_cookie(self, response: Response, name: str) -> None:
        response.delete_cookie(
            name,
            path="/inbox",
            secure=self.settings.cookie_secure,
            httponly=True,
            samesite="strict",
        )

    def render(
        self,
        request: Request,
        template: str,
        context: dict[str, Any] | None = None,
        *,
        status_code: int = 200,
        who: SignedIn | None = None,
    ) -> Response:
        lang = request_lang(request)
        full = {
            "t": Translator(lang),
            "lang": lang.value,
            "inspector": who.inspector if who else None,
            "csrf_token": who.record.csrf_token if who else "",
            "path_for": lambda name, **params: path_for(request, name, **params),
            "here": request.url.path + (f"?{request.url.query}" if request.url.query else ""),
        }
        full.update(context or {})
        return self.templates.TemplateResponse(request, template, full, status_code=status_code)

    def error_page(self, request: Request, kind: str, *, status_code: int) -> Response:
        """The error page of ``kind``; a signed-in inspector keeps the bar with their name,
        office and "Sign out", so a wrong link does not look like being signed out."""
        with self.transaction() as session:
            who = self.signed_in(request, session)
            return self.render(
                request, "error.html", {"kind": kind}, status_code=status_code, who=who
            )


def path_for(request: Request, name: str, **params: str) -> str:
    """The path of one of the inbox's own routes, wherever the inbox is mounted."""
    own = request.scope["app"].url_path_for(name, **params)
    return str(request.scope.get("root_path", "")) + str(own)


def to_login(request: Request) -> RedirectResponse:
    """Where a visitor without a live session goes (303 so a POST becomes a GET); one whose
    cookie outlived its session is told why."""
    target = path_for(request, "login_form")
    if SESSION_COOKIE in request.cookies:
        target += "?expired=1"
    return RedirectResponse(target, status_code=303)


def not_found() -> HTTPException:
    """The one answer for a complaint that does not exist or is not this inspector's."""
    return HTTPException(status_code=404)
