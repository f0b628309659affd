"""The public verify page: anyone shown a printed record checks it at ``/verify``.

No sign-in and no cookie: a school or a hospital pastes the QR code's text or uploads the
PDF or a photo, and the page says whether the record is genuine, in Chinese with English
under it, with the facts its code signed. Nothing is stored and nothing is changed, so a
form needs no CSRF token; the page still carries the inbox's security headers (no framing,
no caching, nothing loaded from elsewhere). Uploads may be up to :data:`MAX_UPLOAD_BYTES`,
far above the API's 64 KiB, since phone photos are large: ``central.app`` gives this one
path its own limit in ``BodyLimitMiddleware``.

The check is :func:`kiosk.domain.document_check.check_document` against every key the
server published (``central.document_keys``), worded by ``kiosk.domain.document_words``,
the same words ``kiosk verify`` prints.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, FastAPI
from fastapi.responses import HTMLResponse, Response
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.types import ASGIApp

from central.document_keys import all_keys, as_published
from central.inbox.guard import SECURITY_HEADERS
from central.limits import RouteLimit
from kiosk.domain.document_check import Check, Verdict, check_document
from kiosk.domain.document_reading import MAX_INPUT_BYTES, ReadProblem
from kiosk.domain.document_words import Report, report

PATH = "/verify"
STYLESHEET = "/verify.css"
HERE = Path(__file__).resolve().parent
#: The file itself may be MAX_INPUT_BYTES; the form around it takes a little more.
MAX_UPLOAD_BYTES = MAX_INPUT_BYTES + 64 * 1024
_CSS = (HERE / "static" / "verify.css").read_bytes()

_env = Environment(
    loader=FileSystemLoader(HERE / "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    trim_blocks=True,
    lstrip_blocks=True,
)


def _headers(cache: str = "no-store") -> dict[str, str]:
    return {**SECURITY_HEADERS, "Cache-Control": cache}


def page(result: Report | None = None, *, status_code: int = 200) -> HTMLResponse:
    """The verify page, with the result of a check when there is one."""
    html = _env.get_template("verify.html").render(
        result=result,
        action=PATH,
        stylesheet=STYLESHEET,
        max_mib=MAX_INPUT_BYTES // (1024 * 1024),
    )
    return HTMLResponse(html, status_code=status_code, headers=_headers())


def too_large(_limit: int) -> ASGIApp:
    """The answer to a body above the page's limit: the page, saying so."""
    unread = Check(Verdict.UNREADABLE, read_problem=ReadProblem.TOO_LARGE)
    return page(report(unread), status_code=413)


def body_limit() -> dict[str, RouteLimit]:
    """The page's own body limit, for ``BodyLimitMiddleware``."""
    return {PATH: RouteLimit(MAX_UPLOAD_BYTES, too_large)}


async def _given(request: Request) -> bytes:
    """The uploaded file if one was chosen, else the pasted text."""
    form = await request.form(max_files=1, max_fields=4)
    try:
        upload = form.get("file")
        if isinstance(upload, UploadFile):
            data = await upload.read(MAX_UPLOAD_BYTES)
            if data:
                return data
        text = form.get("text")
        return text.encode("utf-8") if isinstance(text, str) else b""
    finally:
        await form.close()


def router() -> APIRouter:
    routes = APIRouter(include_in_schema=False)

    @routes.get(PATH)
    def verify_form() -> Response:
        return page()

    @routes.post(PATH)
    async def verify_document(request: Request) -> Response:
        data = await _given(request)
        database = request.app.state.database

        def check() -> Check:
            with database.session() as session:
                keys = as_published(all_keys(session))
            return check_document(data, keys)

        result = await run_in_threadpool(check)
        return page(report(result))

    @routes.get(STYLESHEET)
    def stylesheet() -> Response:
        return Response(_CSS, media_type="text/css", headers=_headers("public, max-age=3600"))

    return routes


def install(app: FastAPI) -> None:
    """Add the page to the central server's app."""
    app.include_router(router())


__all__ = ["MAX_UPLOAD_BYTES", "PATH", "body_limit", "install", "page"]
