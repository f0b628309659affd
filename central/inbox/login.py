"""Sign-in, sign-out and the language switch of the inbox."""

from __future__ import annotations

import logging
import secrets
from typing import Annotated

from fastapi import APIRouter, Form
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from central.inbox.auth import same_token
from central.inbox.guard import same_origin
from central.inbox.i18n import LANG_COOKIE, Lang
from central.inbox.web import LOGIN_CSRF_COOKIE, SESSION_COOKIE, Inbox, Refused, path_for

log = logging.getLogger(__name__)

_YEAR = 365 * 24 * 3600


def client_address(request: Request) -> str:
    """The address whose wrong passwords are counted and locked out (``Authenticator``).

    It is the peer as the server sees it. Behind a reverse proxy that peer is the proxy, so
    every browser would share one throttle and one guesser could lock everyone out again,
    unless the server takes the address from the proxy's ``X-Forwarded-For``. ``kiosk-central
    serve`` runs uvicorn with ``proxy_headers`` and trusts them from 127.0.0.1 only, which
    fits the deployment (nginx on the same host with ``proxy_set_header X-Forwarded-For
    $proxy_add_x_forwarded_for``); uvicorn then takes the rightmost address that is not a
    trusted proxy, the peer nginx appended, so a client cannot pick its own by sending the
    header. A proxy on another host needs its address in uvicorn's ``forwarded_allow_ips``,
    which would need a setting of its own (say ``server.trusted_proxies``); without it all
    inspectors would share the proxy's address. Browsers behind one NAT share an address,
    and so a throttle: an account locked that way is opened with ``kiosk-central
    unlock-inspector``.
    """
    return request.client.host if request.client is not None else "unknown"


def router(inbox: Inbox) -> APIRouter:
    routes = APIRouter()

    @routes.get("/login", name="login_form")
    def login_form(request: Request, expired: int = 0, out: int = 0) -> Response:
        # A login form carries its own token, tied to a short-lived cookie, so another site
        # cannot sign a browser in to an account of its choosing.
        token = secrets.token_urlsafe(32)
        notice = "expired" if expired else "logged_out" if out else None
        response = inbox.render(
            request, "login.html", {"login_csrf": token, "notice": notice, "error": None}
        )
        inbox.set_cookie(response, LOGIN_CSRF_COOKIE, token, max_age=3600)
        return response

    @routes.post("/login", name="login")
    def login(
        request: Request,
        username: Annotated[str, Form(max_length=64)] = "",
        password: Annotated[str, Form(max_length=256)] = "",
        csrf_token: Annotated[str, Form(max_length=128)] = "",
    ) -> Response:
        if not same_origin(request) or not same_token(
            request.cookies.get(LOGIN_CSRF_COOKIE, ""), csrf_token or None
        ):
            raise Refused
        with inbox.transaction() as session:
            inspector = inbox.auth.authenticate(
                session, username.strip(), password, client=client_address(request)
            )
            token = None if inspector is None else inbox.auth.open_session(session, inspector)
            inspector_id = None if inspector is None else inspector.id
        if token is None:
            # The username is not logged: it may be a password typed into the wrong field.
            log.info("Inbox sign-in refused")
            fresh = secrets.token_urlsafe(32)
            response = inbox.render(
                request,
                "login.html",
                {"login_csrf": fresh, "notice": None, "error": "login_failed"},
                status_code=401,
            )
            inbox.set_cookie(response, LOGIN_CSRF_COOKIE, fresh, max_age=3600)
            return response
        log.info("Inspector %s signed in to the inbox", inspector_id)
        response = RedirectResponse(path_for(request, "complaint_list"), status_code=303)
        max_age = int(inbox.auth.policy.absolute.total_seconds())
        inbox.set_cookie(response, SESSION_COOKIE, token, max_age=max_age)
        inbox.clear_cookie(response, LOGIN_CSRF_COOKIE)
        return response

    @routes.post("/logout", name="logout")
    def logout(request: Request, csrf_token: Annotated[str, Form(max_length=128)] = "") -> Response:
        token = request.cookies.get(SESSION_COOKIE)
        with inbox.transaction() as session:
            who = inbox.signed_in(request, session)
            if who is not None:
                inbox.check_post(request, who.record.csrf_token, csrf_token)
                inbox.auth.close_session(session, token)
        response = RedirectResponse(path_for(request, "login_form") + "?out=1", 303)
        inbox.clear_cookie(response, SESSION_COOKIE)
        return response

    @routes.get("/lang/{code}", name="set_lang")
    def set_lang(request: Request, code: Lang, next: str = "/inbox/") -> Response:
        # Only a path inside the inbox: never an open redirect to somewhere else.
        if not next.startswith("/inbox/") or next.startswith("//") or "\\" in next:
            next = path_for(request, "complaint_list")
        response = RedirectResponse(next, status_code=303)
        inbox.set_cookie(response, LANG_COOKIE, code.value, max_age=_YEAR)
        return response

    return routes
