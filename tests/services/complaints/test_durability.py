"""A complaint the resident was told is filed survives the kiosk dying the next instant."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from pathlib import Path

from sqlalchemy import select

from kiosk.domain.models import Complaint, OutboxMessage, OutboxState
from kiosk.services.store import open_store

from .conftest import Relief

# Files one complaint, prints what the receipt would show, and is killed at once by SIGKILL:
# no clean shutdown, no checkpoint, no closing of the store.
FILE_AND_DIE = """
import json, os, signal, sys
from kiosk.domain.models import ComplaintCategory
from kiosk.services.complaints.filing import ComplaintDraft, file_complaint
from kiosk.services.store import open_store

store = open_store(__import__("pathlib").Path(sys.argv[1]))
draft = ComplaintDraft(
    category=ComplaintCategory.FUNDS_WITHHELD,
    household_id=int(sys.argv[2]),
    aid_record_id=int(sys.argv[3]),
    claimed_received_fen=400000,
)
filed = file_complaint(store.sessionmaker, draft, kiosk_code="DEMO-0001")
print(json.dumps({"tracking_number": filed.tracking_number}), flush=True)
os.kill(os.getpid(), signal.SIGKILL)
"""


def test_filed_complaint_is_there_after_sigkill_and_reopening(
    store_file: Path, relief: Relief, clean_environ: dict[str, str]
) -> None:
    """The process that filed is SIGKILLed right after file_complaint returned; reopening the
    store finds the complaint and its pending outbox row."""
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            FILE_AND_DIE,
            str(store_file),
            str(relief.household_id),
            str(relief.aid_record_id),
        ],
        env=clean_environ,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == -signal.SIGKILL, done.stderr
    tracking_number = json.loads(done.stdout)["tracking_number"]
    reopened = open_store(store_file)
    try:
        with reopened.sessionmaker() as session:
            complaint = session.scalars(
                select(Complaint).where(Complaint.tracking_number == tracking_number)
            ).one()
            row = session.scalars(
                select(OutboxMessage).where(OutboxMessage.complaint_id == complaint.id)
            ).one()
            assert row.state is OutboxState.PENDING
            assert json.loads(row.body)["tracking_number"] == tracking_number
    finally:
        reopened.close()
