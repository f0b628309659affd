"""Issue 4 from end to end: the 8,000/4,000 dispute goes from a tap on the ledger line to
the right office's inbox, and its status comes back to the kiosk.

Every part is real: the kiosk's demo store (a SQLite file), its main window driven by taps,
its outbox sender and its ``requests`` client, and the central server on a loopback port
over a database seeded, keyed and staffed with the ``kiosk-central`` commands (a SQLite
file, then PostgreSQL where it runs).
"""

from __future__ import annotations

import functools
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from central.cli import main as central_cli
from central.db import Database
from central.exitcodes import ExitCode
from kiosk.domain.models import (
    AidRecord,
    Complaint,
    ComplaintCategory,
    Household,
    OutboxMessage,
    OutboxState,
    Programme,
)
from kiosk.domain.tracking import grouped, secret_well_formed, tracking_number_valid
from kiosk.services.complaints.client import CentralClient
from kiosk.services.complaints.kiosk_key import load_key, public_hex, write_new_key
from kiosk.services.complaints.outbox import OutboxSender
from kiosk.services.complaints.status import check_status
from kiosk.services.demo import SCENARIOS
from kiosk.services.store import Store
from kiosk.views.i18n import Translations
from kiosk.views.main_window import MainWindow
from kiosk.views.screens.base import ScreenContext
from kiosk.views.screens.check_complaint import CheckComplaintScreen
from kiosk.views.screens.complaint import ComplaintScreen
from kiosk.views.screens.ledger import LedgerScreen

# The central server's fixtures (a migrated database, SQLite then PostgreSQL, and the real
# server on a loopback port) and the screen tests' ones (the demo store, the translations, a
# shown main window and the resident's hands): the same parts their own tests run against.
from tests.central.conftest import (  # noqa: F401
    central_db,
    central_settings,
    live_server,
    postgres_url,
    sqlite_template,
)
from tests.central.inbox.inbox_world import Browser
from tests.views.conftest import (  # noqa: F401
    TERMINAL_CODE,
    TERMINAL_REGION,
    MakeWindow,
    demo_store,
    make_window,
    resident,
    translations,
)
from tests.views.hands import Hands

RELIEF = SCENARIOS[0]  # 杨正刚, whose 2014 disaster relief was recorded as 8,000 yuan
RELIEF_INITIALS = "YZG"
RELIEF_FEN = 800_000
RECEIVED_FEN = 400_000
#: With nobody named, the complaint goes to the household's county commission.
COUNTY_OFFICE = "JW522730"
COUNTY_OFFICE_NAME = "龙里县纪委监委"
#: Guanshan street office's own commission: an office the complaint must not reach.
OTHER_OFFICE = "JW522730001"
COUNTY_INSPECTOR = "wang.county"
OTHER_INSPECTOR = "li.guanshan"
PASSWORD = "e2e inspector pass 4"


@dataclass(frozen=True)
class Central:
    """The live central server, its database, and the private key of the registered kiosk."""

    url: str
    database: Database
    key: Ed25519PrivateKey

    def client(self) -> CentralClient:
        """A signed client as the kiosk makes one (each user of the network has its own)."""
        return CentralClient(self.url, kiosk_code=TERMINAL_CODE, private_key=self.key)


def run_central(argv: list[str]) -> None:
    """One ``kiosk-central`` command, as a clerk would run it; it must succeed."""
    assert central_cli(argv) == ExitCode.OK, argv[0]


@pytest.fixture
def central(
    central_db: Database,  # noqa: F811 (a fixture)
    live_server: str,  # noqa: F811
    demo_store: Store,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> Central:
    """The live server over a database seeded from the kiosk's store (``seed
    --from-store``), with the kiosk's key registered (``kiosk keygen`` then
    ``register-kiosk``) and one inspector of each office (``add-inspector``)."""
    monkeypatch.setattr("central.config.SYSTEM_CONFIG", tmp_path / "no-central.toml")
    assert demo_store.path is not None
    url = central_db.url
    run_central(["seed", "--from-store", str(demo_store.path), "--db", url])
    key_file = tmp_path / "kiosk-key.pem"
    write_new_key(key_file)
    key = load_key(key_file)
    run_central(
        [
            "register-kiosk",
            TERMINAL_CODE,
            "--public-key",
            public_hex(key),
            "--region",
            TERMINAL_REGION,
            "--name",
            "冠山街道便民服务大厅 1号机",
            "--db",
            url,
        ]
    )
    for username, office in ((COUNTY_INSPECTOR, COUNTY_OFFICE), (OTHER_INSPECTOR, OTHER_OFFICE)):
        monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
        run_central(
            ["add-inspector", username, "--office", office, "--password-stdin", "--db", url]
        )
    return Central(live_server, central_db, key)


@pytest.fixture
def outbox(central: Central, demo_store: Store) -> Iterator[OutboxSender]:  # noqa: F811
    """The kiosk's outbox sender, running on its own thread against the live server."""
    client = central.client()
    # Short retries: if the first post met a server still warming up, the test goes on.
    sender = OutboxSender(demo_store.sessionmaker, client, retry_base_s=0.2, retry_cap_s=1.0)
    sender.start()
    yield sender
    assert sender.stop(timeout=10), "the outbox sender did not stop"
    client.close()


@pytest.fixture
def window(
    make_window: MakeWindow,  # noqa: F811
    demo_store: Store,  # noqa: F811
    central: Central,
    outbox: OutboxSender,
) -> Iterator[MainWindow]:
    """The kiosk's main window over the demo store, wired as ``kiosk/app.py`` wires it:
    "Check my complaint" through its own client, and filing wakes the outbox sender."""
    status_client = central.client()
    context = ScreenContext(
        sessions=demo_store.sessionmaker,
        kiosk_code=TERMINAL_CODE,
        region_code=TERMINAL_REGION,
        check_status=functools.partial(check_status, status_client, demo_store.sessionmaker),
        wake_outbox=outbox.wake,
    )
    yield make_window(context=context)
    status_client.close()


def relief_record(store: Store) -> AidRecord:
    """The 2014 disaster relief of 800000 fen in the kiosk's store."""
    with store.sessionmaker() as session:
        return session.scalars(
            select(AidRecord)
            .join(Household, AidRecord.household_id == Household.id)
            .where(
                Household.file_number == RELIEF.file_number,
                AidRecord.programme == Programme.DISASTER_RELIEF,
                AidRecord.amount_fen == RELIEF_FEN,
            )
        ).one()


def file_the_dispute(
    qtbot: QtBot, window: MainWindow, hands: Hands, record: AidRecord
) -> tuple[str, str]:
    """As the resident: identify, ledger, "Not right" on the 8,000 line, received 4,000,
    complain, no words, anonymous, naming nobody, Send. Returns the tracking number and the
    secret shown."""
    hands.identify(window, RELIEF.head_id_number, RELIEF_INITIALS)
    qtbot.waitUntil(lambda: window.current_screen() is window.home)
    hands.tap(window.home.tiles["ledger"])
    ledger = window.navigation.page("ledger")
    assert isinstance(ledger, LedgerScreen)
    qtbot.waitUntil(lambda: window.current_screen() is ledger)
    while (year := ledger.current_year()) is not None and year.year != 2014:
        hands.tap(ledger.older_button)
    card = ledger.card_for(record.id)
    assert card is not None, "the 8,000-yuan line is not on the 2014 page"

    dispute = ledger.dispute
    hands.tap(card.wrong_button)
    qtbot.waitUntil(dispute.isVisible)
    hands.tap(dispute.less_button)
    hands.type_on(dispute.amount, "4000")
    hands.tap(dispute.amount_confirm_button)
    qtbot.waitUntil(dispute.done_step.isVisible)
    hands.tap(dispute.complain_button)

    complaint = window.navigation.page("complaint")
    assert isinstance(complaint, ComplaintScreen)
    qtbot.waitUntil(lambda: window.current_screen() is complaint)
    # The payment is known, so the category is too: the first step is the optional words.
    assert complaint.current_step() is complaint.words_step
    hands.tap(complaint.words_step.continue_button)
    hands.tap(complaint.identity_step.anonymous_button)
    hands.tap(complaint.identity_step.continue_button)
    hands.tap(complaint.implicated_step.nobody_button)
    hands.tap(complaint.implicated_step.continue_button)
    review = complaint.review_step
    assert complaint.current_step() is review
    assert review.office_value.text() == COUNTY_OFFICE_NAME
    assert "¥4,000.00" in review.payment_value.text()
    hands.tap(review.send_button)
    qtbot.waitUntil(lambda: complaint.current_step() is complaint.result_step, timeout=10_000)
    # Read from the screen and kept out of every message: the secret is the resident's.
    number = complaint.result_step.tracking_value.text().replace(" ", "")
    secret = complaint.result_step.secret_value.text().replace(" ", "")
    assert tracking_number_valid(number), "the result step shows no valid tracking number"
    assert secret_well_formed(secret), "the result step shows no well-formed secret"
    return number, secret


def outbox_sent(store: Store, number: str) -> bool:
    """Whether the outbox holds the complaint as acknowledged and nothing else waits."""
    with store.sessionmaker() as session:
        states = session.scalars(
            select(OutboxMessage.state)
            .join(Complaint, OutboxMessage.complaint_id == Complaint.id)
            .where(Complaint.tracking_number == number)
        ).all()
        waiting = session.scalar(
            select(func.count())
            .select_from(OutboxMessage)
            .where(OutboxMessage.state != OutboxState.SENT)
        )
    return list(states) == [OutboxState.SENT] and waiting == 0


def check_my_complaint(
    qtbot: QtBot, window: MainWindow, hands: Hands, number: str, secret: str
) -> CheckComplaintScreen:
    """End the session, then "Check my complaint" from the attract screen with both numbers."""
    hands.tap(window.top_bar.end_button)
    qtbot.waitUntil(lambda: window.current_screen() is window.attract)
    hands.tap(window.attract.check_complaint_button)
    check = window.navigation.page("check_complaint")
    assert isinstance(check, CheckComplaintScreen)
    qtbot.waitUntil(lambda: window.current_screen() is check)
    hands.type_on(check.number_entry, number)
    hands.tap(check.next_button)
    hands.type_on(check.secret_entry, secret)
    hands.tap(check.check_button)
    qtbot.waitUntil(lambda: check.current_step() is check.status_step, timeout=10_000)
    return check


def test_the_8000_yuan_dispute_reaches_the_county_inbox_and_its_status_comes_back(
    qtbot: QtBot,
    translations: Translations,  # noqa: F811
    window: MainWindow,
    resident: Hands,  # noqa: F811
    demo_store: Store,  # noqa: F811
    central: Central,
) -> None:
    """Tapped at the kiosk, sent by its outbox, the complaint is stored once at the county
    commission, seen in its inbox and not in another office's, and reads "received" back."""
    record = relief_record(demo_store)
    number, secret = file_the_dispute(qtbot, window, resident, record)

    qtbot.waitUntil(lambda: outbox_sent(demo_store, number), timeout=15_000)

    with central.database.session() as session:
        stored = session.scalars(select(Complaint).where(Complaint.tracking_number == number)).all()
        assert len(stored) == 1, "not exactly one complaint with the tracking number"
        (complaint,) = stored
        assert session.scalar(select(func.count()).select_from(Complaint)) == 1
        assert complaint.office is not None and complaint.office.code == COUNTY_OFFICE
        assert complaint.category is ComplaintCategory.FUNDS_WITHHELD
        assert complaint.claimed_received_fen == RECEIVED_FEN
        assert complaint.aid_record is not None
        assert complaint.aid_record.reference == record.reference
        assert complaint.aid_record.amount_fen == RELIEF_FEN
        assert complaint.household is not None
        assert complaint.household.file_number == RELIEF.file_number
        assert complaint.anonymous is True and complaint.contact_phone is None
        detail = f"/inbox/complaints/{complaint.id}"

    county = Browser(central.url)
    other = Browser(central.url)
    try:
        assert county.login(COUNTY_INSPECTOR, PASSWORD).status_code == 303
        listed = grouped(number) in county.get("/inbox/").text
        assert listed, "the county inspector's list does not have the complaint"
        page = county.get(detail)
        assert page.status_code == 200
        # Booleans, so a failure does not print the page (it holds the tracking number).
        recorded, received = "¥8,000.00" in page.text, "¥4,000.00" in page.text
        assert recorded and received, "the detail lacks the recorded or the received amount"

        assert other.login(OTHER_INSPECTOR, PASSWORD).status_code == 303
        assert other.get(detail).status_code == 404
        listing = other.get("/inbox/").text
        leaked = grouped(number) in listing or number in listing
        assert not leaked, "another office's inspector lists the complaint"
    finally:
        county.http.close()
        other.http.close()

    check = check_my_complaint(qtbot, window, resident, number, secret)
    shown = check.status_view.shown()
    assert shown is not None and shown.status == "received"
    assert not shown.waiting_to_send
    assert check.status_view.status_label.text() == "纪检监察机关已收到"
    assert COUNTY_OFFICE_NAME in check.status_view.office_label.text()
    # The history's one step, worded here in the resident's language, names the office by
    # its name and never by its code; switching language words it again.
    (entry,) = check.status_view._entries
    assert entry.text().endswith("已收到，转龙里县纪委监委办理。")
    assert COUNTY_OFFICE not in entry.text() and "Received" not in entry.text()
    translations.set_language("en")
    qtbot.waitUntil(lambda: entry.text().endswith("Received, and sent to 龙里县纪委监委."))
    assert COUNTY_OFFICE not in entry.text() and "已收到" not in entry.text()
