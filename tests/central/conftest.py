"""Fixtures of the central server's tests, for reuse by every test under tests/central.

``central_db`` is a migrated database, run once on SQLite and once on PostgreSQL;
``world`` fills it with a small region, its offices, cadres and one household;
``kiosk_keys`` registers a terminal; ``live_server`` runs the real server on a loopback
port; ``api`` signs requests to it as that terminal.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import time
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import psycopg
import pytest
import requests
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import inspect, text

from central.app import create_app
from central.config import Settings
from central.db import Database
from central.errors import json_bytes
from kiosk.domain.clock import utcnow
from kiosk.domain.models import Kiosk
from kiosk.domain.request_signing import public_key_hex, sign_request
from tests.central.seed_data import World, seed_world
from tests.central_server import free_port, serve_in_thread

POSTGRES_ADMIN = os.environ.get(
    "KIOSK_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test"
)


def _postgres_unavailable(reason: str) -> None:
    # On CI PostgreSQL is part of the test machine: its absence is a failure, not a skip.
    if os.environ.get("CI"):
        pytest.fail(f"PostgreSQL is required on CI: {reason}")
    pytest.skip(f"PostgreSQL not reachable: {reason}")


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A fresh, migrated PostgreSQL database for this test session, dropped afterwards."""
    name = f"central_test_{secrets.token_hex(4)}"
    try:
        admin = psycopg.connect(POSTGRES_ADMIN, autocommit=True, connect_timeout=3)
    except psycopg.OperationalError as exc:
        _postgres_unavailable(type(exc).__name__)
    with admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    base = POSTGRES_ADMIN.rsplit("/", 1)[0]
    url = f"{base}/{name}"
    database = Database(url)
    database.migrate()
    database.dispose()
    yield url
    with psycopg.connect(POSTGRES_ADMIN, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated SQLite file that each test copies (migrating every time is slow)."""
    path = tmp_path_factory.mktemp("central-template") / "central.sqlite3"
    database = Database(str(path))
    database.migrate()
    # Closing the last connection checkpoints the WAL into the file, so a copy is whole.
    database.dispose()
    return path


def _empty_postgres(database: Database) -> None:
    # Every table the migrations made, which may differ from the models while one is added.
    tables = [
        name for name in inspect(database.engine).get_table_names() if name != "alembic_version"
    ]
    quoted = ", ".join(f'"{name}"' for name in tables)
    with database.engine.begin() as conn:
        conn.execute(text(f"TRUNCATE {quoted} RESTART IDENTITY CASCADE"))


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def central_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """An empty, migrated central database: a SQLite file, then PostgreSQL."""
    if request.param == "sqlite":
        path = tmp_path / "central.sqlite3"
        shutil.copyfile(request.getfixturevalue("sqlite_template"), path)
        database = Database(str(path))
    else:
        database = Database(request.getfixturevalue("postgres_url"))
        _empty_postgres(database)
    yield database
    database.dispose()


@pytest.fixture
def world(central_db: Database) -> World:
    """The small Longli world (see tests/central/seed_data.py), stored in ``central_db``."""
    with central_db.session() as session:
        return seed_world(session)


@dataclass(frozen=True)
class KioskKeys:
    """A registered terminal: its code and the private key it signs with."""

    code: str
    key: Ed25519PrivateKey

    @property
    def public_hex(self) -> str:
        return public_key_hex(self.key)


@pytest.fixture
def kiosk_keys(central_db: Database, world: World) -> KioskKeys:
    """Terminal TEST-0001 in the township of ``world``, registered with a fresh key pair."""
    keys = KioskKeys("TEST-0001", Ed25519PrivateKey.generate())
    with central_db.session() as session:
        session.add(
            Kiosk(
                code=keys.code,
                name="冠山街道便民服务大厅 1号机",
                region_code=world.township,
                public_key=keys.public_hex,
            )
        )
        session.commit()
    return keys


@pytest.fixture
def central_settings(central_db: Database) -> Settings:
    return Settings(database_url=central_db.url)


@contextlib.contextmanager
def serving(database: Database, settings: Settings, **uvicorn_options: Any) -> Iterator[int]:
    """The real server (uvicorn) on a free loopback port, in a thread; yields the port.
    ``uvicorn_options`` go to uvicorn.Config (for example a TLS certificate)."""
    port = free_port()
    app = create_app(replace(settings, port=port), database=database)
    with serve_in_thread(app, port, **uvicorn_options):
        yield port


@pytest.fixture
def live_server(central_db: Database, central_settings: Settings) -> Iterator[str]:
    """The real server (uvicorn) on a free loopback port, in a thread; yields its base URL."""
    with serving(central_db, central_settings) as port:
        yield f"http://127.0.0.1:{port}"


class SignedClient:
    """Sends requests to the live server signed as one terminal, as the kiosk would."""

    def __init__(self, base_url: str, keys: KioskKeys) -> None:
        self.base_url = base_url
        self.keys = keys
        self.http = requests.Session()

    def headers(
        self,
        method: str,
        path: str,
        body: bytes,
        *,
        timestamp: int | None = None,
        nonce: str | None = None,
        key: Ed25519PrivateKey | None = None,
        code: str | None = None,
    ) -> dict[str, str]:
        timestamp = int(time.time()) if timestamp is None else timestamp
        nonce = nonce or secrets.token_hex(16)
        signature = sign_request(key or self.keys.key, method, path, timestamp, nonce, body)
        return {
            "X-Kiosk-Code": code or self.keys.code,
            "X-Kiosk-Timestamp": str(timestamp),
            "X-Kiosk-Nonce": nonce,
            "X-Kiosk-Signature": signature,
            "Content-Type": "application/json",
        }

    def post(
        self,
        path: str,
        body: bytes | dict[str, Any],
        *,
        idempotency_key: str | None = None,
        **signing: Any,
    ) -> requests.Response:
        raw = body if isinstance(body, bytes) else json_bytes(body)
        headers = self.headers("POST", path, raw, **signing)
        if idempotency_key is not None:
            headers["Idempotency-Key"] = idempotency_key
        return self.http.post(self.base_url + path, data=raw, headers=headers, timeout=30)


@pytest.fixture
def api(live_server: str, kiosk_keys: KioskKeys) -> Iterator[SignedClient]:
    """A client of the live server signing as ``kiosk_keys``' terminal."""
    client = SignedClient(live_server, kiosk_keys)
    yield client
    client.http.close()


#: The secret behind each body :func:`complaint_body` made, by tracking number: like a kiosk,
#: the body carries only the secret's digest.
_SECRETS: dict[str, str] = {}


def complaint_body(world: World, **changes: Any) -> dict[str, Any]:
    """A valid complaint about the 8,000-yuan record, with ``changes`` applied, as a kiosk
    sends it: with the secret's digest (:func:`secret_of` gives the secret)."""
    from kiosk.domain.secret_digest import secret_digest
    from kiosk.domain.tracking import new_secret, new_tracking_number

    tracking_number = str(changes.get("tracking_number") or new_tracking_number())
    secret = new_secret()
    _SECRETS[tracking_number] = secret
    body: dict[str, Any] = {
        "tracking_number": tracking_number,
        "secret_digest": secret_digest(tracking_number, secret),
        "category": "funds_withheld",
        "household_file_number": world.file_number,
        "aid_record_reference": world.aid_reference,
        "recorded_fen": world.aid_fen,
        "claimed_received_fen": 400_000,
        "text": "只收到四千元",
        "anonymous": False,
        "contact_phone": "13800000000",
        "implicated": [{"kind": "cadre", "cadre_code": world.village_cadre}],
        "filed_at": utcnow().strftime("%Y-%m-%dT%H:%M:%SZ"),
    }
    body.update(changes)
    return body


def secret_of(body: dict[str, Any]) -> str:
    """The secret of a body :func:`complaint_body` made, as its receipt shows it."""
    return _SECRETS[body["tracking_number"]]


def new_key() -> str:
    return secrets.token_urlsafe(24)
