"""Randomized fault runs of the outbox against the real central server, shared by the
fault-injection test and benchmarks/bench_outbox.py.

One run files a few complaints at the kiosk, sends them through a faulty network (refused
connections, 500 answers, answers slower than the timeout, connections cut after the server
answered, nothing listening at all, the server restarted, or the sending kiosk process
SIGKILLed at a random moment), then lets the network come back and drains the outbox. After
every run each complaint the kiosk filed is on the server exactly once.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from central.db import Database
from kiosk.domain.models import (
    ComplaintCategory,
    Disclosure,
    Member,
    OutboxMessage,
    OutboxState,
    Relation,
)
from kiosk.services.complaints.client import Ack, CentralClient
from kiosk.services.complaints.filing import ComplaintDraft, file_complaint
from kiosk.services.complaints.outbox import OutboxSender, Outcome
from kiosk.services.store import Store
from tests.services.complaints.central_side import (
    KIOSK_CODE,
    Fault,
    FaultProxy,
    ServerThread,
    server_keys,
    server_tracking_numbers,
)

#: Faults drawn for each connection while the network is bad, with their weights.
BAD_NETWORK = {
    Fault.PASS: 3,
    Fault.REFUSE: 2,
    Fault.ERROR_500: 2,
    Fault.SLOW: 1,
    Fault.CUT_AFTER_ANSWER: 3,
}
CLIENT_TIMEOUT_S = 0.3
SLOW_ANSWER_S = 0.6

# A sender in its own process, killed by the test at a random moment. It reads the store
# path, the key file and the proxy URL from its arguments and sends until it is killed.
SENDER_SCRIPT = """
import sys
from pathlib import Path
from kiosk.services.complaints.client import Ack, CentralClient
from kiosk.services.complaints.kiosk_key import load_key
from kiosk.services.complaints.outbox import OutboxSender
from kiosk.services.store import open_store

store = open_store(Path(sys.argv[1]))
client = CentralClient(
    sys.argv[3], kiosk_code="DEMO-0001", private_key=load_key(Path(sys.argv[2])), timeout_s=2
)
sender = OutboxSender(store.sessionmaker, client, retry_base_s=0.02, retry_cap_s=0.1)
sender.start()
print("sending", flush=True)
sender.join()
"""


class CountingClient(CentralClient):
    """The real client, counting acknowledgements that were replays of a first answer the
    kiosk never read: proof that the "committed but not heard" case really happened."""

    replays = 0

    def post_complaint(self, idempotency_key: str, body: bytes) -> Ack:
        ack = super().post_complaint(idempotency_key, body)
        if ack.replayed:
            self.replays += 1
        return ack


class FakeClock:
    """Wall time the runs move by hand, so a backoff costs no real waiting."""

    def __init__(self) -> None:
        self.now = datetime.now(UTC)

    def __call__(self) -> datetime:
        return self.now


@dataclass
class Rig:
    """Everything one database's runs share: kiosk store, server, proxy, key file."""

    store: Store
    database: Database
    server: ServerThread
    proxy: FaultProxy
    client: CountingClient
    key_file: Path
    environ: dict[str, str]
    household_id: int
    aid_record_id: int
    clock: FakeClock = field(default_factory=FakeClock)
    counts: dict[str, int] = field(default_factory=dict)

    def sender(self) -> OutboxSender:
        return OutboxSender(
            self.store.sessionmaker,
            self.client,
            retry_base_s=0.5,
            retry_cap_s=5.0,
            clock=self.clock,
            rng=random.Random(0),
        )

    def disclosure(self, *, named: bool) -> dict[str, Any]:
        """The draft's fields of a named (by the household's head) or anonymous complaint."""
        if not named:
            return {"disclosure": Disclosure.ANONYMOUS}
        with self.store.sessionmaker() as session:
            head = session.scalars(
                select(Member.id).where(
                    Member.household_id == self.household_id, Member.relation == Relation.HEAD
                )
            ).one()
        return {"disclosure": Disclosure.NAMED, "complainant_member_id": head}

    def file(self, rng: random.Random, count: int) -> None:
        for _ in range(count):
            claimed = rng.randrange(0, 800_000)
            draft = ComplaintDraft(
                category=ComplaintCategory.FUNDS_WITHHELD,
                household_id=self.household_id,
                aid_record_id=self.aid_record_id,
                claimed_received_fen=claimed,
                text=f"只收到{claimed // 100}元",
                **self.disclosure(named=rng.random() < 0.5),
            )
            file_complaint(self.store.sessionmaker, draft, kiosk_code=KIOSK_CODE, now=self.clock())


def _count(rig: Rig, name: str) -> None:
    rig.counts[name] = rig.counts.get(name, 0) + 1


def _bad_steps(rig: Rig, rng: random.Random, *, restart: bool) -> None:
    """Some steps of the sender through a bad network (and maybe a server restart)."""
    weights = list(BAD_NETWORK.values())
    rig.proxy.decide = lambda: rng.choices(list(BAD_NETWORK), weights)[0]
    sender = rig.sender()
    steps = rng.randint(1, 5)
    restart_at = rng.randrange(steps) if restart else -1
    down_from = rng.randrange(steps) if rng.random() < 0.25 else steps
    for index in range(steps):
        if index == down_from:
            rig.proxy.down()  # central unreachable: nothing listens at all
            _count(rig, "central down")
        if index == restart_at:
            rig.server.restart()
            _count(rig, "server restarted")
        result = sender.step()
        rig.clock.now += timedelta(seconds=result.wait_s)
    if down_from < steps:
        rig.proxy.up()


def _sigkill_sender(rig: Rig, rng: random.Random) -> None:
    """A sender in another process, SIGKILLed at a random moment while it sends."""
    rig.proxy.decide = lambda: Fault.PASS
    rig.proxy.pass_delay_s = rng.uniform(0.0, 0.15)  # widens the commit-to-ack window
    with subprocess.Popen(
        [
            sys.executable,
            "-c",
            SENDER_SCRIPT,
            str(rig.store.path),
            str(rig.key_file),
            rig.proxy.url,
        ],
        env=rig.environ,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    ) as process:
        assert process.stdout is not None
        assert process.stdout.readline().strip() == "sending"
        time.sleep(rng.uniform(0.0, 0.5))
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
    rig.proxy.pass_delay_s = 0.0
    _count(rig, "kiosk SIGKILLed")
    with rig.store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"


def drain(rig: Rig, *, max_steps: int = 500) -> int:
    """Network back: step until nothing is pending; returns the steps it took."""
    rig.proxy.decide = lambda: Fault.PASS
    sender = rig.sender()
    for taken in range(1, max_steps + 1):
        result = sender.step()
        if result.outcome is Outcome.IDLE:
            with rig.store.sessionmaker() as session:
                pending = session.scalar(
                    select(func.count())
                    .select_from(OutboxMessage)
                    .where(OutboxMessage.state == OutboxState.PENDING)
                )
            if not pending:
                return taken
        rig.clock.now += timedelta(seconds=result.wait_s)
    raise AssertionError(f"the outbox did not drain in {max_steps} steps")


def check_exactly_once(rig: Rig) -> int:
    """Every complaint filed here is on the server once, and nothing else is."""
    with rig.store.sessionmaker() as session:
        rows = session.execute(select(OutboxMessage.idempotency_key, OutboxMessage.state)).all()
    assert {state for _, state in rows} <= {OutboxState.SENT}, "a complaint was not sent"
    local_keys = sorted(key for key, _ in rows)
    remote_keys = sorted(server_keys(rig.database))
    assert remote_keys == local_keys, "the server's keys differ from the kiosk's"
    tracking = server_tracking_numbers(rig.database)
    assert len(tracking) == len(set(tracking)) == len(local_keys), "a complaint is stored twice"
    return len(local_keys)


def one_run(rig: Rig, seed: int, *, sigkill: bool, restart: bool) -> None:
    rng = random.Random(seed)
    rig.file(rng, rng.randint(1, 2) if not sigkill else rng.randint(3, 5))
    if sigkill:
        _sigkill_sender(rig, rng)
    _bad_steps(rig, rng, restart=restart)
    drain(rig)
    check_exactly_once(rig)


def many_runs(
    rig: Rig,
    runs: int,
    base_seed: int,
    *,
    sigkill_every: int,
    restart_every: int,
    progress: Callable[[int], None] | None = None,
) -> None:
    """``runs`` seeded runs; an assertion names the seed that reproduces it."""
    for index in range(runs):
        seed = base_seed + index
        try:
            one_run(
                rig,
                seed,
                sigkill=sigkill_every > 0 and index % sigkill_every == sigkill_every - 1,
                restart=restart_every > 0 and index % restart_every == restart_every // 2,
            )
        except AssertionError as exc:
            raise AssertionError(f"fault run with seed {seed} failed: {exc}") from exc
        if progress is not None:
            progress(index)
