"""Complaint tests' workbench: a fresh copy of a real demo store per test, and the 2014
disaster-relief payment of household 522730001001-0001 (杨正刚), recorded as 8,000 yuan."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import select

from central.db import Database
from kiosk.domain.models import AidRecord, Household, Member, Programme, Relation
from kiosk.domain.request_signing import public_key_hex
from kiosk.services.complaints.client import CentralClient
from kiosk.services.store import Store, open_store

# The central server's own fixtures (a migrated SQLite file, or a PostgreSQL database), so
# these tests run against exactly the server its own tests run against.
from tests.central.conftest import (  # noqa: F401
    central_db,
    central_settings,
    postgres_url,
    sqlite_template,
)
from tests.conftest import DemoTemplate
from tests.services.complaints.central_side import KIOSK_CODE, ServerThread, seed_central

RELIEF_FILE_NUMBER = "522730001001-0001"
RELIEF_FEN = 800_000
DEMO_HOUSEHOLDS = 12


@pytest.fixture
def store_file(demo_template: DemoTemplate, tmp_path: Path) -> Path:
    """A fresh copy of the demo store (what ``kiosk demo-data`` writes with the built-in
    configuration) for this test (closed: open it yourself)."""
    path = tmp_path / "var" / "kiosk.sqlite3"
    path.parent.mkdir(parents=True)
    shutil.copyfile(demo_template(households=DEMO_HOUSEHOLDS), path)
    return path


@pytest.fixture
def store(store_file: Path) -> Iterator[Store]:
    """The test's own demo store, open."""
    opened = open_store(store_file)
    yield opened
    opened.close()


@dataclass(frozen=True)
class Relief:
    """The household and payment of the 8,000/4,000 story."""

    household_id: int
    aid_record_id: int
    reference: str
    #: 杨正刚, the head, who identifies at the kiosk and files the complaint.
    head_member_id: int


@pytest.fixture
def relief(store: Store) -> Relief:
    """Household 522730001001-0001 and its 2014 disaster relief of 800000 fen."""
    with store.sessionmaker() as session:
        household_id = session.scalar(
            select(Household.id).where(Household.file_number == RELIEF_FILE_NUMBER)
        )
        record = session.scalars(
            select(AidRecord).where(
                AidRecord.household_id == household_id,
                AidRecord.programme == Programme.DISASTER_RELIEF,
                AidRecord.amount_fen == RELIEF_FEN,
            )
        ).one()
        assert household_id is not None
        head = session.scalars(
            select(Member.id).where(
                Member.household_id == household_id, Member.relation == Relation.HEAD
            )
        ).one()
        return Relief(household_id, record.id, record.reference, head)


@dataclass
class Central:
    """The real central server with the demo data, and this kiosk's registered key."""

    database: Database
    server: ServerThread
    key: Ed25519PrivateKey

    @property
    def url(self) -> str:
        return self.server.url

    def client(self, url: str | None = None, *, timeout_s: float = 10.0) -> CentralClient:
        return CentralClient(
            url or self.url, kiosk_code=KIOSK_CODE, private_key=self.key, timeout_s=timeout_s
        )


@pytest.fixture
def central(central_db: Database) -> Iterator[Central]:  # noqa: F811 (a fixture)
    """The central server on a loopback port, its database holding the kiosk's demo data
    and the kiosk's public key (parametrized by ``central_db``: SQLite, then PostgreSQL)."""
    key = Ed25519PrivateKey.generate()
    seed_central(central_db, DEMO_HOUSEHOLDS, public_key_hex(key))
    server = ServerThread(central_db)
    server.start()
    yield Central(central_db, server, key)
    server.stop()
