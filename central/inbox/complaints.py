"""The list (with its filters and the search by tracking number, typed with or without
spaces), the detail page, and the two actions on a complaint: change status, assign."""

from __future__ import annotations

import logging
from typing import Annotated, TypeVar
from urllib.parse import urlencode

from fastapi import APIRouter, Form
from sqlalchemy.orm import Session
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from central import lifecycle, public_notes
from central.inbox.detail import gather, same_payment
from central.inbox.formatting import tracking_digits
from central.inbox.i18n import both
from central.inbox.scope import Filters, Page, find_visible, list_page, may_take
from central.inbox.web import Inbox, SignedIn, not_found, path_for, to_login
from central.models import Inspector
from kiosk.domain.clock import utcnow
from kiosk.domain.models import Complaint, ComplaintCategory, ComplaintStatus, Outcome

log = logging.getLogger(__name__)

MAX_NOTE = 2000


E = TypeVar("E", ComplaintStatus, ComplaintCategory, Outcome)


def _enum_or_none(kind: type[E], raw: str | None) -> E | None:
    try:
        return kind(raw) if raw else None
    except ValueError:
        return None


def _complaint_id(raw: str) -> int:
    # Parsed by hand so a malformed id is a plain 404 page, like any id not ours to see.
    if not raw.isascii() or not raw.isdigit() or len(raw) > 12:
        raise not_found()
    return int(raw)


_BAD_FORM = both("bad_form")
_BAD_COLLEAGUE = both("bad_colleague")


def router(inbox: Inbox) -> APIRouter:
    routes = APIRouter()

    def detail_page(
        request: Request,
        session: Session,
        who: SignedIn,
        complaint: Complaint,
        *,
        error: tuple[str, str] | None = None,
        done: str | None = None,
        status_code: int = 200,
    ) -> Response:
        view = gather(session, complaint, who.inspector, utcnow())
        context = {
            "view": view,
            "c": complaint,
            "error": error,
            "done": done,
            # What the complainant is told at each step, worded in the inspector's language.
            "lines": public_notes.lines(session, complaint.events),
            "same_payment": same_payment(session, complaint, who.inspector),
        }
        return inbox.render(request, "detail.html", context, status_code=status_code, who=who)

    @routes.get("/", name="complaint_list")
    def complaint_list(
        request: Request,
        status: str = "",
        category: str = "",
        overdue: str = "",
        page: str = "1",
        q: str = "",
    ) -> Response:
        typed = q.strip()[:64]
        digits = tracking_digits(typed)
        filters = Filters(
            status=_enum_or_none(ComplaintStatus, status),
            category=_enum_or_none(ComplaintCategory, category),
            overdue=overdue == "1",
            page=int(page) if page.isascii() and page.isdigit() and len(page) < 7 else 1,
            tracking=digits or "",
        )
        now = utcnow()
        with inbox.transaction() as session:
            who = inbox.signed_in(request, session)
            if who is None:
                return to_login(request)
            # Letters in the search box match nothing: a tracking number is digits only.
            bad_query = bool(typed) and digits is None
            result = (
                Page([], 0, 1, 1) if bad_query else list_page(session, who.inspector, filters, now)
            )
            rows = [(c, lifecycle.is_overdue(c, now)) for c in result.complaints]
            query = {
                k: v
                for k, v in {
                    "q": typed,
                    "status": filters.status or "",
                    "category": filters.category or "",
                    "overdue": "1" if filters.overdue else "",
                }.items()
                if v
            }
            context = {
                "rows": rows,
                "result": result,
                "filters": filters,
                "q": typed,
                "bad_query": bad_query,
                "statuses": list(ComplaintStatus),
                "categories": list(ComplaintCategory),
                "page_query": lambda n: urlencode({**query, "page": n}),
            }
            return inbox.render(request, "list.html", context, who=who)

    @routes.get("/complaints/{complaint_id}", name="complaint_detail")
    def complaint_detail(request: Request, complaint_id: str, done: str = "") -> Response:
        number = _complaint_id(complaint_id)
        with inbox.transaction() as session:
            who = inbox.signed_in(request, session)
            if who is None:
                return to_login(request)
            complaint = find_visible(session, who.inspector, number)
            if complaint is None:
                raise not_found()
            shown = done if done in ("status_changed", "assigned_done") else None
            return detail_page(request, session, who, complaint, done=shown)

    @routes.post("/complaints/{complaint_id}/status", name="change_status")
    def change_status(
        request: Request,
        complaint_id: str,
        csrf_token: Annotated[str, Form(max_length=128)] = "",
        to: Annotated[str, Form(max_length=32)] = "",
        note: Annotated[str, Form(max_length=MAX_NOTE * 4)] = "",
        visibility: Annotated[str, Form(max_length=16)] = "internal",
        outcome: Annotated[str, Form(max_length=32)] = "",
    ) -> Response:
        number = _complaint_id(complaint_id)
        with inbox.transaction() as session:
            who = inbox.signed_in(request, session)
            if who is None:
                return to_login(request)
            inbox.check_post(request, who.record.csrf_token, csrf_token)
            complaint = find_visible(session, who.inspector, number)
            if complaint is None:
                raise not_found()
            target = _enum_or_none(ComplaintStatus, to)
            if target is None or len(note) > MAX_NOTE:
                return detail_page(
                    request, session, who, complaint, error=_BAD_FORM, status_code=400
                )
            try:
                lifecycle.change_status(
                    session,
                    complaint,
                    to=target,
                    actor=who.inspector,
                    note=note.strip(),
                    public=visibility == "public",
                    # The outcome menu is always on the form; it counts only when concluding.
                    outcome=_enum_or_none(Outcome, outcome)
                    if target is ComplaintStatus.CONCLUDED
                    else None,
                )
            except lifecycle.TransitionError as exc:
                # The lifecycle checks before it changes anything, so nothing is undone here.
                return detail_page(
                    request,
                    session,
                    who,
                    complaint,
                    error=exc.words(),
                    status_code=409,
                )
            log.info("Inspector %s moved complaint %s to %s", who.inspector.id, number, target)
        return _back_to(request, number, "status_changed")

    @routes.post("/complaints/{complaint_id}/assign", name="assign")
    def assign(
        request: Request,
        complaint_id: str,
        csrf_token: Annotated[str, Form(max_length=128)] = "",
        inspector_id: Annotated[str, Form(max_length=12)] = "",
        note: Annotated[str, Form(max_length=MAX_NOTE * 4)] = "",
    ) -> Response:
        number = _complaint_id(complaint_id)
        with inbox.transaction() as session:
            who = inbox.signed_in(request, session)
            if who is None:
                return to_login(request)
            inbox.check_post(request, who.record.csrf_token, csrf_token)
            complaint = find_visible(session, who.inspector, number)
            if complaint is None:
                raise not_found()
            colleague = (
                session.get(Inspector, int(inspector_id)) if inspector_id.isdigit() else None
            )
            # A colleague who could not open the complaint themselves (another office, or a
            # cadre it concerns) must not be handed it either.
            if colleague is None or not may_take(session, colleague, complaint):
                return detail_page(
                    request, session, who, complaint, error=_BAD_COLLEAGUE, status_code=400
                )
            if len(note) > MAX_NOTE:
                return detail_page(
                    request, session, who, complaint, error=_BAD_FORM, status_code=400
                )
            try:
                lifecycle.assign(
                    session, complaint, inspector=colleague, actor=who.inspector, note=note.strip()
                )
            except lifecycle.TransitionError as exc:
                # The lifecycle checks before it changes anything, so nothing is undone here.
                return detail_page(
                    request,
                    session,
                    who,
                    complaint,
                    error=exc.words(),
                    status_code=409,
                )
            log.info(
                "Inspector %s assigned complaint %s to inspector %s",
                who.inspector.id,
                number,
                colleague.id,
            )
        return _back_to(request, number, "assigned_done")

    return routes


def _back_to(request: Request, number: int, done: str) -> Response:
    # Post/redirect/get: reloading the page afterwards does not send the form again.
    target = path_for(request, "complaint_detail", complaint_id=str(number))
    return RedirectResponse(f"{target}?done={done}", status_code=303)
