"""Browser-facing protections of the inbox: response headers and the cross-site POST check.

The session cookie is SameSite=Strict and every form carries the session's CSRF token; the
origin check is a third, independent wall. Pages carry personal data, so browsers and
proxies are told not to keep copies, and the pages may not be framed by another site.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from urllib.parse import urlsplit

from starlette.requests import Request
from starlette.responses import Response

SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
    ),
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
}


async def add_security_headers(
    request: Request, call_next: Callable[[Request], Awaitable[Response]]
) -> Response:
    """Middleware: the headers above on every answer, and no caching except the stylesheet."""
    response = await call_next(request)
    response.headers.update(SECURITY_HEADERS)
    if "/static/" not in request.url.path:
        response.headers["Cache-Control"] = "no-store"
        response.headers["Pragma"] = "no-cache"
    return response


def _netloc(url: str) -> str | None:
    parts = urlsplit(url)
    return parts.netloc.lower() if parts.scheme in ("http", "https") and parts.netloc else None


def same_origin(request: Request) -> bool:
    """Whether a POST came from one of our own pages, as far as the browser tells.

    With ``Referrer-Policy: no-referrer`` a browser sends ``Origin: null`` and no Referer on
    its own form posts, so the Fetch Metadata header ``Sec-Fetch-Site`` is asked first.
    Only host and port are compared: behind a TLS-terminating proxy the scheme we see is
    not the one the browser used. A client that sends none of the three (not a browser, so
    not a cross-site forgery) is let through to the CSRF-token check.
    """
    host = request.headers.get("host", "").lower()
    fetch_site = request.headers.get("sec-fetch-site")
    if fetch_site is not None:
        return fetch_site == "same-origin"
    origin = request.headers.get("origin")
    if origin is not None and origin != "null":
        return _netloc(origin) == host
    referer = request.headers.get("referer")
    if referer is not None:
        return _netloc(referer) == host
    return origin is None
