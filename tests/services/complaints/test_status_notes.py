"""The status history as codes with values, from the real central server on a loopback port,
and what the ledger knows of a complaint filed at this terminal."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import select

from central import lifecycle
from kiosk.domain.disclosure import Disclosure
from kiosk.domain.models import (
    Complaint,
    ComplaintCategory,
    ComplaintStatus,
    DisciplineOffice,
    OutboxState,
    Outcome,
)
from kiosk.domain.notes import NoteCode
from kiosk.services.complaints.client import CentralClient
from kiosk.services.complaints.filing import ComplaintDraft, FiledComplaint, file_complaint
from kiosk.services.complaints.outbox import OutboxSender
from kiosk.services.complaints.outbox import Outcome as SendOutcome
from kiosk.services.complaints.status import check_status
from kiosk.services.resident import ComplaintMark, ledger
from kiosk.services.store import Store
from tests.services.complaints.central_side import KIOSK_CODE

from .conftest import Central, Relief

COUNTY_OFFICE_NAME = "龙里县纪委监委"


@pytest.fixture
def client(central: Central) -> Iterator[CentralClient]:
    made = central.client()
    yield made
    made.close()


def _file(store: Store, relief: Relief) -> FiledComplaint:
    draft = ComplaintDraft(
        category=ComplaintCategory.FUNDS_WITHHELD,
        household_id=relief.household_id,
        aid_record_id=relief.aid_record_id,
        claimed_received_fen=400_000,
        disclosure=Disclosure.ANONYMOUS,
    )
    return file_complaint(store.sessionmaker, draft, kiosk_code=KIOSK_CODE)


def _send(store: Store, client: CentralClient) -> None:
    assert OutboxSender(store.sessionmaker, client).step().outcome is SendOutcome.SENT


def test_history_comes_as_codes_with_the_office_by_name(
    store: Store, relief: Relief, central: Central, client: CentralClient
) -> None:
    """Before sending, the one step is "queued"; once the server has it and inspectors act,
    each step is a code, the office a name (never its code in words), the outcome a value,
    and only the inspector's public words come as text."""
    filed = _file(store, relief)
    waiting = check_status(client, store.sessionmaker, filed.tracking_number, filed.secret)
    assert [event.code for event in waiting.events] == [NoteCode.QUEUED]
    assert all(event.text == "" for event in waiting.events)

    _send(store, client)
    with central.database.session() as session:
        complaint = session.scalars(
            select(Complaint).where(Complaint.tracking_number == filed.tracking_number)
        ).one()
        office = session.get(DisciplineOffice, complaint.office_id)
        assert office is not None and office.name == COUNTY_OFFICE_NAME
        office_code = office.code
        lifecycle.change_status(
            session, complaint, to=ComplaintStatus.INVESTIGATING, actor="zhang", note="内部"
        )
        lifecycle.change_status(
            session,
            complaint,
            to=ComplaintStatus.CONCLUDED,
            actor="zhang",
            outcome=Outcome.UPHELD,
            note="已追回4000元。",
            public=True,
        )
        session.commit()

    view = check_status(client, store.sessionmaker, filed.tracking_number, filed.secret)
    assert not view.waiting_to_send
    assert [(e.code, e.text) for e in view.events] == [
        (NoteCode.RECEIVED, ""),
        (NoteCode.INVESTIGATING, ""),
        (NoteCode.CONCLUDED, "已追回4000元。"),
    ]
    assert view.events[0].values["office_name"] == COUNTY_OFFICE_NAME
    assert view.events[2].values == {"outcome": "upheld"}
    assert all(office_code not in event.text for event in view.events)


def test_the_ledger_line_knows_its_complaint_and_how_far_it_got(
    store: Store, relief: Relief, central: Central, client: CentralClient
) -> None:
    """The disputed payment's line carries the complaint's number: waiting in the outbox
    first, sent once the server acknowledged it; other lines carry none."""
    filed = _file(store, relief)

    def lines() -> dict[int, ComplaintMark | None]:
        with store.sessionmaker() as session:
            book = ledger(session, relief.household_id)
        return {line.aid_record_id: line.complaint for y in book.years for line in y.lines}

    marks = lines()
    mark = marks.pop(relief.aid_record_id)
    assert mark is not None
    assert mark.tracking_number == filed.tracking_number
    assert mark.delivery is OutboxState.PENDING
    assert set(marks.values()) == {None}

    _send(store, client)
    sent = lines()[relief.aid_record_id]
    assert sent is not None and sent.delivery is OutboxState.SENT
