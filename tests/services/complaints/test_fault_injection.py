"""FAULT INJECTION: whatever fails between the kiosk and the server, and whenever the
kiosk is killed, every complaint ends up on the server exactly once.

Runs are seeded (``KIOSK_FAULT_SEED``, default 20261129) and their number per central
database is ``KIOSK_FAULT_RUNS`` (default 100, so 200 over SQLite and PostgreSQL); a
failure names the seed that reproduces it. benchmarks/bench_outbox.py runs more of them.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from cryptography.hazmat.primitives import serialization

from central import passwords
from kiosk.services.complaints import secret_hash
from kiosk.services.store import Store
from tests.services.complaints.central_side import KIOSK_CODE, FaultProxy
from tests.services.complaints.fault_runs import (
    CLIENT_TIMEOUT_S,
    SLOW_ANSWER_S,
    CountingClient,
    Rig,
    check_exactly_once,
    many_runs,
)

from .conftest import Central, Relief

RUNS = int(os.environ.get("KIOSK_FAULT_RUNS", "100"))
SEED = int(os.environ.get("KIOSK_FAULT_SEED", "20261129"))


@pytest.fixture
def rig(
    store: Store,
    relief: Relief,
    central: Central,
    tmp_path: Path,
    clean_environ: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[Rig]:
    """Kiosk store, central server and a faulty proxy between them, and the kiosk's key in
    a file for the sender processes that get killed."""
    # The secret's slow hashes (scrypt here, argon2 on the server) are not under test; cheap
    # ones let 200 runs fit in the time of a test run. Delivery never reads them.
    monkeypatch.setattr(secret_hash, "_N", 2**8)
    monkeypatch.setattr(passwords, "_HASHER", PasswordHasher(time_cost=1, memory_cost=1024))
    key_file = tmp_path / "kiosk-key.pem"
    key_file.write_bytes(
        central.key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    key_file.chmod(0o600)
    proxy = FaultProxy(central.server.port)
    proxy.slow_s = SLOW_ANSWER_S
    client = CountingClient(
        proxy.url, kiosk_code=KIOSK_CODE, private_key=central.key, timeout_s=CLIENT_TIMEOUT_S
    )
    yield Rig(
        store=store,
        database=central.database,
        server=central.server,
        proxy=proxy,
        client=client,
        key_file=key_file,
        environ=clean_environ,
        household_id=relief.household_id,
        aid_record_id=relief.aid_record_id,
    )
    client.close()
    proxy.close()


def test_every_complaint_reaches_the_server_exactly_once(rig: Rig) -> None:
    """Randomized runs of refused connections, 500s, answers past the timeout, answers cut
    after the server committed, nothing listening, server restarts and SIGKILLed senders:
    after each run the kiosk's and the server's idempotency keys are the same set, and no
    tracking number is stored twice."""
    many_runs(rig, RUNS, SEED, sigkill_every=12, restart_every=10)
    filed = check_exactly_once(rig)
    assert filed >= RUNS
    # Every kind of fault really happened, so the runs tested what they claim to.
    seen = {fault.value for fault, count in rig.proxy.seen.items() if count}
    assert seen == {"pass", "refuse", "error_500", "slow", "cut_after_answer"}
    assert rig.client.replays >= 1
    if RUNS >= 24:
        assert rig.counts["kiosk SIGKILLed"] >= 2
        assert rig.counts["server restarted"] >= 2
        assert rig.counts["central down"] >= 2
