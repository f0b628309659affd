"""The complaint lifecycle as plain functions: allowed moves, refusals, events, appeal window."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from central import lifecycle, public_notes
from central.db import Database
from central.lifecycle import TransitionError
from central.models import Inspector
from central.passwords import hash_password
from central.routing import hidden_cadre_codes
from kiosk.domain.models import (
    Cadre,
    Complaint,
    ComplaintCategory,
    ComplaintEvent,
    ComplaintStatus,
    DisciplineOffice,
    Household,
    ImplicatedParty,
    Outcome,
    PartyKind,
)
from kiosk.domain.notes import NoteCode
from tests.central.seed_data import World

T0 = datetime(2026, 11, 29, 8, 0, tzinfo=UTC)


def _complaint(session: Session, world: World) -> Complaint:
    office = session.scalars(
        select(DisciplineOffice).where(DisciplineOffice.code == world.township_office)
    ).one()
    household = session.scalars(select(Household)).one()
    cadre = session.scalars(select(Cadre).where(Cadre.code == world.village_cadre)).one()
    complaint = Complaint(
        tracking_number="384122905738",
        secret_hash="x",
        idempotency_key="k" * 20,
        kiosk_code="TEST-0001",
        category=ComplaintCategory.FUNDS_WITHHELD,
        household_id=household.id,
        office_id=office.id,
        created_at=T0,
        due_at=T0 + timedelta(days=30),
    )
    complaint.implicated = [
        ImplicatedParty(kind=PartyKind.CADRE, cadre_id=cadre.id, name=cadre.name)
    ]
    complaint.events = [ComplaintEvent(status=ComplaintStatus.RECEIVED, actor="kiosk", at=T0)]
    session.add(complaint)
    session.flush()
    return complaint


def _inspector(session: Session, office_id: int, username: str = "zhang.wei") -> Inspector:
    inspector = Inspector(
        username=username,
        display_name="张伟",
        office_id=office_id,
        password_hash=hash_password("correct horse battery"),
    )
    session.add(inspector)
    session.flush()
    return inspector


def test_full_path_records_every_change(central_db: Database, world: World) -> None:
    """received -> assigned -> investigating -> concluded -> closed, one event each."""
    with central_db.session() as session:
        complaint = _complaint(session, world)
        inspector = _inspector(session, complaint.office_id or 0)
        lifecycle.assign(session, complaint, inspector=inspector, actor="chief", now=T0)
        assert complaint.status is ComplaintStatus.ASSIGNED
        assert lifecycle.assignee(session, complaint) == inspector
        lifecycle.change_status(
            session, complaint, to=ComplaintStatus.INVESTIGATING, actor=inspector, now=T0
        )
        lifecycle.change_status(
            session,
            complaint,
            to=ComplaintStatus.CONCLUDED,
            actor=inspector,
            outcome=Outcome.PARTLY_UPHELD,
            note="部分属实",
            public=True,
            now=T0,
        )
        lifecycle.change_status(
            session, complaint, to=ComplaintStatus.CLOSED, actor=inspector, now=T0
        )
        session.commit()
        statuses = [event.status for event in complaint.events]
        assert statuses == [
            ComplaintStatus.RECEIVED,
            ComplaintStatus.ASSIGNED,
            ComplaintStatus.INVESTIGATING,
            ComplaintStatus.CONCLUDED,
            ComplaintStatus.CLOSED,
        ]
        assert complaint.outcome is Outcome.PARTLY_UPHELD
        assert complaint.events[1].actor == "chief"
        assert complaint.events[2].actor == "zhang.wei"
        assert lifecycle.allowed_transitions(complaint) == []


@pytest.mark.parametrize(
    ("to", "outcome", "code"),
    [
        (ComplaintStatus.CLOSED, None, "bad_transition"),
        (ComplaintStatus.CONCLUDED, Outcome.UPHELD, "bad_transition"),
        (ComplaintStatus.ASSIGNED, None, "bad_transition"),
        (ComplaintStatus.INVESTIGATING, Outcome.UPHELD, "outcome_not_allowed"),
    ],
)
def test_invalid_moves_from_received_are_refused(
    central_db: Database, world: World, to: ComplaintStatus, outcome: Outcome | None, code: str
) -> None:
    """A received complaint cannot skip ahead; the error says why in both languages."""
    with central_db.session() as session:
        complaint = _complaint(session, world)
        with pytest.raises(TransitionError) as caught:
            lifecycle.change_status(session, complaint, to=to, actor="x", outcome=outcome)
        assert caught.value.code == code
        zh, en = caught.value.words()
        assert zh and en and "{" not in zh + en
        assert complaint.status is ComplaintStatus.RECEIVED
        assert len(complaint.events) == 1


def test_concluding_needs_an_outcome(central_db: Database, world: World) -> None:
    """investigating -> concluded without an outcome is refused."""
    with central_db.session() as session:
        complaint = _complaint(session, world)
        lifecycle.change_status(session, complaint, to=ComplaintStatus.INVESTIGATING, actor="x")
        with pytest.raises(TransitionError, match="outcome"):
            lifecycle.change_status(session, complaint, to=ComplaintStatus.CONCLUDED, actor="x")


def test_appeal_window_is_fifteen_days_even_after_closing(
    central_db: Database, world: World
) -> None:
    """Closed on day 1, appealed on day 15: reopened; a second conclusion then day 16: refused."""
    with central_db.session() as session:
        complaint = _complaint(session, world)
        lifecycle.change_status(
            session, complaint, to=ComplaintStatus.INVESTIGATING, actor="x", now=T0
        )
        lifecycle.change_status(
            session,
            complaint,
            to=ComplaintStatus.CONCLUDED,
            actor="x",
            outcome=Outcome.NOT_UPHELD,
            now=T0,
        )
        lifecycle.change_status(
            session, complaint, to=ComplaintStatus.CLOSED, actor="x", now=T0 + timedelta(days=1)
        )
        lifecycle.appeal(session, complaint, text="不服", now=T0 + timedelta(days=15))
        # Compared as a pair: an ``is`` here would narrow the status for the checker, which
        # then cannot see that a later change_status moves it on.
        assert (complaint.status, complaint.outcome) == (ComplaintStatus.INVESTIGATING, None)
        # One event: the appeal text stays internal, the public line says it reopened.
        reopened = complaint.events[-1]
        assert (reopened.note, reopened.public) == ("不服", False)
        assert public_notes.lines(session, [reopened])[reopened.id].code is NoteCode.REOPENED
        concluded_again = T0 + timedelta(days=20)
        lifecycle.change_status(
            session,
            complaint,
            to=ComplaintStatus.CONCLUDED,
            actor="x",
            outcome=Outcome.UPHELD,
            now=concluded_again,
        )
        with pytest.raises(TransitionError) as caught:
            lifecycle.appeal(
                session, complaint, text="再申诉", now=concluded_again + timedelta(days=16)
            )
        assert caught.value.code == "appeal_not_allowed"
        assert complaint.status is ComplaintStatus.CONCLUDED


def test_overdue_only_while_open(central_db: Database, world: World) -> None:
    """Past due_at an open complaint is overdue; once concluded it is not."""
    with central_db.session() as session:
        complaint = _complaint(session, world)
        late = T0 + timedelta(days=31)
        assert not lifecycle.is_overdue(complaint, T0 + timedelta(days=29))
        assert lifecycle.is_overdue(complaint, late)
        lifecycle.change_status(session, complaint, to=ComplaintStatus.INVESTIGATING, actor="x")
        lifecycle.change_status(
            session, complaint, to=ComplaintStatus.CONCLUDED, actor="x", outcome=Outcome.REFERRED
        )
        assert not lifecycle.is_overdue(complaint, late)


def test_assign_refuses_an_inspector_of_another_office(central_db: Database, world: World) -> None:
    """Only an inspector of the complaint's own office can take it."""
    with central_db.session() as session:
        complaint = _complaint(session, world)
        other = session.scalars(
            select(DisciplineOffice).where(DisciplineOffice.code == world.county_office)
        ).one()
        with pytest.raises(TransitionError):
            lifecycle.assign(
                session, complaint, inspector=_inspector(session, other.id), actor="chief"
            )
        assert complaint.status is ComplaintStatus.RECEIVED


def test_hidden_cadres_are_the_named_and_the_responsible(
    central_db: Database, world: World
) -> None:
    """The implicated village cadre (also the household's helper) must never see it."""
    with central_db.session() as session:
        complaint = _complaint(session, world)
        assert hidden_cadre_codes(session, complaint) == {world.village_cadre}
