"""Complaint secrets: keyed with the server's pepper before argon2; old hashes keep working."""

from __future__ import annotations

from pathlib import Path

import pytest
from argon2 import PasswordHasher
from argon2.exceptions import VerifyMismatchError
from sqlalchemy import select, update

from central import passwords
from central.config import DEMO_SECRET_PEPPER, Settings, SettingsError, load_settings
from central.db import Database
from kiosk.domain.models import Complaint
from tests.central.conftest import SignedClient, complaint_body, new_key
from tests.central.seed_data import World

STATUS = "/api/v1/complaints/status"
PEPPER = b"test pepper of the central server, 48 bytes long!"


@pytest.fixture
def central_settings(central_db: Database, tmp_path: Path) -> Settings:
    """The server's settings with a pepper file of its own (not the demo pepper)."""
    pepper_file = tmp_path / "secret-pepper.key"
    pepper_file.write_bytes(PEPPER + b"\n")
    return Settings(database_url=central_db.url, secret_pepper_file=pepper_file)


def _file(api: SignedClient, world: World) -> dict[str, str]:
    body = complaint_body(world)
    assert api.post("/api/v1/complaints", body, idempotency_key=new_key()).status_code == 201
    return {"tracking_number": body["tracking_number"], "secret": body["secret"]}


def _stored(database: Database, tracking_number: str) -> str:
    with database.session() as session:
        return session.scalars(
            select(Complaint.secret_hash).where(Complaint.tracking_number == tracking_number)
        ).one()


def _store(database: Database, tracking_number: str, secret_hash: str) -> None:
    with database.session() as session:
        session.execute(
            update(Complaint)
            .where(Complaint.tracking_number == tracking_number)
            .values(secret_hash=secret_hash)
        )
        session.commit()


def _wrong(secret: str) -> str:
    return "000000" if secret != "000000" else "111111"


def test_a_filed_secret_cannot_be_checked_without_the_pepper(
    api: SignedClient, central_db: Database, world: World
) -> None:
    """The stored hash verifies under the server's pepper only: not under another key,
    nor as a plain argon2 hash of the secret, which is what a copy of the database allows."""
    pair = _file(api, world)
    stored = _stored(central_db, pair["tracking_number"])
    assert stored.startswith(passwords.PEPPERED + "$argon2id$v=19$m=19456,t=2,p=1$")
    assert passwords.check_secret(stored, pair["secret"], PEPPER).matches
    assert not passwords.check_secret(stored, pair["secret"], DEMO_SECRET_PEPPER).matches
    inner = stored.removeprefix(passwords.PEPPERED)
    with pytest.raises(VerifyMismatchError):
        PasswordHasher().verify(inner, pair["secret"])
    assert api.post(STATUS, pair).status_code == 200
    assert api.post(STATUS, {**pair, "secret": _wrong(pair["secret"])}).status_code == 404


def test_an_old_plain_argon2_secret_verifies_and_is_rehashed(
    api: SignedClient, central_db: Database, world: World
) -> None:
    """A hash made before the pepper (plain argon2 of the secret) still lets its holder in,
    and is replaced by the peppered one on that first right answer."""
    pair = _file(api, world)
    old = passwords.hash_password(pair["secret"])
    _store(central_db, pair["tracking_number"], old)
    assert api.post(STATUS, pair).status_code == 200
    renewed = _stored(central_db, pair["tracking_number"])
    assert renewed.startswith(passwords.PEPPERED)
    assert passwords.check_secret(renewed, pair["secret"], PEPPER) == passwords.SecretCheck(True)
    assert api.post(STATUS, pair).status_code == 200


def test_a_wrong_secret_leaves_an_old_hash_alone(
    api: SignedClient, central_db: Database, world: World
) -> None:
    """A wrong secret against an old hash is refused as any other, and changes nothing."""
    pair = _file(api, world)
    old = passwords.hash_password(pair["secret"])
    _store(central_db, pair["tracking_number"], old)
    answer = api.post(STATUS, {**pair, "secret": _wrong(pair["secret"])})
    assert answer.status_code == 404
    assert answer.json()["error"] == "not_found"
    assert _stored(central_db, pair["tracking_number"]) == old


def test_a_hash_with_older_parameters_is_renewed() -> None:
    """A peppered hash made with other argon2 parameters matches, with a new hash to store;
    a current one matches with none; a damaged one does not match."""
    weak = passwords.PEPPERED + PasswordHasher(time_cost=1, memory_cost=8192).hash(
        passwords._keyed("615204", PEPPER)
    )
    check = passwords.check_secret(weak, "615204", PEPPER)
    assert check.matches and check.new_hash is not None
    assert passwords.check_secret(check.new_hash, "615204", PEPPER) == passwords.SecretCheck(True)
    assert not passwords.check_secret(passwords.PEPPERED + "x", "615204", PEPPER).matches
    assert not passwords.check_secret("x", "615204", PEPPER).matches


def test_pepper_file_from_settings(tmp_path: Path) -> None:
    """security.secret_pepper_file is read (stripped); an environment variable may name it;
    empty means the public demo pepper."""
    pepper_file = tmp_path / "pepper.key"
    pepper_file.write_bytes(PEPPER + b"\n")
    path = tmp_path / "central.toml"
    path.write_text(f'[security]\nsecret_pepper_file = "{pepper_file}"\n')
    assert load_settings(path, {}).secret_pepper == PEPPER
    environ = {"KIOSK_CENTRAL_SECURITY_SECRET_PEPPER_FILE": str(pepper_file)}
    empty = tmp_path / "empty.toml"
    empty.write_text("")
    assert load_settings(empty, environ).secret_pepper == PEPPER
    assert load_settings(empty, {}).secret_pepper == DEMO_SECRET_PEPPER


@pytest.mark.parametrize("content", [b"too short\n", None])
def test_a_short_or_missing_pepper_stops_the_settings(
    tmp_path: Path, content: bytes | None
) -> None:
    """A pepper under 32 bytes, or a file that cannot be read, is refused at load time with
    the key named, before any complaint is filed."""
    pepper_file = tmp_path / "pepper.key"
    if content is not None:
        pepper_file.write_bytes(content)
    path = tmp_path / "central.toml"
    path.write_text(f'[security]\nsecret_pepper_file = "{pepper_file}"\n')
    with pytest.raises(SettingsError, match=r"security\.secret_pepper_file"):
        load_settings(path, {})
