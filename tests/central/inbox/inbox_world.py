"""Inspectors and complaints on top of the Longli world, for the inbox's tests.

The complaints are stored directly rather than filed through the API so each test knows
which office holds which one; filing and routing have their own tests.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache

import requests
from fastapi import FastAPI
from sqlalchemy import select
from sqlalchemy.orm import Session

from central.passwords import hash_password
from kiosk.domain.clock import utcnow
from kiosk.domain.models import (
    AidRecord,
    Cadre,
    Channel,
    Complaint,
    ComplaintCategory,
    ComplaintEvent,
    ComplaintStatus,
    DisciplineOffice,
    Household,
    ImplicatedParty,
    PartyKind,
    Programme,
)
from kiosk.domain.tracking import new_tracking_number
from tests.central.seed_data import World
from tests.central_server import serve_in_thread

PASSWORD = "纪检 correct horse 7"
PHONE = "13800000000"


@dataclass(frozen=True)
class InboxWorld:
    """Ids of what ``seed_inbox`` stored. ``dispute`` is the 8,000/4,000 complaint."""

    dispute: int
    dispute_tracking: str
    other_office: int
    overdue: int
    concluded: int
    about_household: int


@lru_cache(maxsize=8)
def _hash(text: str) -> str:
    # One argon2 run per distinct text per test session: each costs a noticeable fraction
    # of a second, and the stored hashes need not differ between rows for these tests.
    return hash_password(text)


def _office_id(session: Session, code: str) -> int:
    return session.scalars(select(DisciplineOffice.id).where(DisciplineOffice.code == code)).one()


def add_inspector(
    session: Session,
    username: str,
    display_name: str,
    office_code: str,
    *,
    cadre_code: str | None = None,
    password: str = PASSWORD,
) -> None:
    from central.models import Inspector

    session.add(
        Inspector(
            username=username,
            display_name=display_name,
            office_id=_office_id(session, office_code),
            cadre_code=cadre_code,
            password_hash=_hash(password),
        )
    )


def _complaint(
    session: Session,
    office_code: str,
    category: ComplaintCategory,
    *,
    created: datetime,
    due_days: int = 30,
    status: ComplaintStatus = ComplaintStatus.RECEIVED,
    **fields: object,
) -> Complaint:
    complaint = Complaint(
        tracking_number=new_tracking_number(),
        secret_hash=_hash("615204"),
        idempotency_key=new_tracking_number() + "-inbox-test",
        kiosk_code="TEST-0001",
        category=category,
        office_id=_office_id(session, office_code),
        status=status,
        created_at=created,
        due_at=created + timedelta(days=due_days),
        **fields,
    )
    complaint.events.append(
        ComplaintEvent(
            status=ComplaintStatus.RECEIVED,
            actor="kiosk:TEST-0001",
            note="已受理。Received.",
            public=True,
            at=created,
        )
    )
    session.add(complaint)
    return complaint


def seed_inbox(session: Session, world: World) -> InboxWorld:
    """Four inspectors and five complaints; commits."""
    add_inspector(session, "zhang", "张纪检", world.county_office)
    add_inspector(session, "liu", "刘监察", world.county_office)
    add_inspector(session, "wang", "王监察", world.township_office)
    # Also the household's responsible cadre (and the cadre the dispute accuses).
    add_inspector(session, "chen", "陈兼职", world.county_office, cadre_code=world.village_cadre)
    household = session.scalars(
        select(Household).where(Household.file_number == world.file_number)
    ).one()
    record = session.scalars(
        select(AidRecord).where(AidRecord.reference == world.aid_reference)
    ).one()
    session.add(
        AidRecord(
            reference="LLMZ-2015-000456",
            household_id=household.id,
            programme=Programme.SUBSISTENCE_ALLOWANCE,
            amount_fen=123_450,
            paid_on=record.paid_on.replace(year=2015),
            department="龙里县民政局",
            channel=Channel.ONE_CARD,
        )
    )
    village_cadre = session.scalars(select(Cadre).where(Cadre.code == world.village_cadre)).one()
    now = utcnow()
    dispute = _complaint(
        session,
        world.county_office,
        ComplaintCategory.FUNDS_WITHHELD,
        created=now - timedelta(hours=2),
        household=household,
        aid_record=record,
        claimed_received_fen=400_000,
        text="账上记的是八千元，我只收到四千元。",
        contact_phone=PHONE,
        implicated=[
            ImplicatedParty(kind=PartyKind.CADRE, cadre_id=village_cadre.id, name="王建国")
        ],
    )
    other = _complaint(
        session,
        world.township_office,
        ComplaintCategory.BRIBES,
        created=now - timedelta(hours=1),
        text="办低保要先送烟酒。",
        anonymous=True,
    )
    overdue = _complaint(
        session,
        world.county_office,
        ComplaintCategory.CADRE_NOT_HELPING,
        created=now - timedelta(days=20),
        due_days=15,
        status=ComplaintStatus.INVESTIGATING,
        text="帮扶干部一年没来过。",
        anonymous=True,
    )
    concluded = _complaint(
        session,
        world.county_office,
        ComplaintCategory.FAVOURITISM,
        created=now - timedelta(days=40),
        due_days=30,
        status=ComplaintStatus.CONCLUDED,
        text="村里的名额给了亲戚。",
    )
    about_household = _complaint(
        session,
        world.county_office,
        ComplaintCategory.WRONG_IDENTIFICATION,
        created=now - timedelta(days=3),
        household=household,
        text="评分有误。",
    )
    session.commit()
    return InboxWorld(
        dispute=dispute.id,
        dispute_tracking=dispute.tracking_number,
        other_office=other.id,
        overdue=overdue.id,
        concluded=concluded.id,
        about_household=about_household.id,
    )


_CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def csrf_of(html: str) -> str:
    """The CSRF token a page's forms carry."""
    match = _CSRF.search(html)
    assert match is not None, "the page has no form with a CSRF token"
    return match.group(1)


class Browser:
    """A requests session that behaves like a browser on the inbox: same-origin POSTs."""

    def __init__(self, base_url: str) -> None:
        self.base = base_url
        self.http = requests.Session()
        self.http.headers["Accept-Language"] = "zh-CN,zh;q=0.9"

    def get(self, path: str, headers: dict[str, str] | None = None) -> requests.Response:
        return self.http.get(self.base + path, headers=headers, timeout=30, allow_redirects=False)

    def post(self, path: str, data: dict[str, str], **headers: str) -> requests.Response:
        sent = {"Origin": self.base, **headers}
        return self.http.post(
            self.base + path, data=data, headers=sent, timeout=30, allow_redirects=False
        )

    def login(self, username: str, password: str = PASSWORD) -> requests.Response:
        form = self.get("/inbox/login")
        return self.post(
            "/inbox/login",
            {"username": username, "password": password, "csrf_token": csrf_of(form.text)},
        )

    def page_csrf(self, path: str) -> str:
        return csrf_of(self.get(path).text)


@contextmanager
def serve(app: FastAPI) -> Iterator[str]:
    """Run ``app`` with uvicorn on a free loopback port in a thread; yields its base URL."""
    with serve_in_thread(app) as port:
        yield f"http://127.0.0.1:{port}"
